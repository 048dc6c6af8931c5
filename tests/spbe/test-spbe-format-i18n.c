/* test-spbe-format-i18n.c — numbers and dates in Indonesian and Javanese
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "pamong-format.h"

/* Needs the .mo files built into PAMONG_LOCALEDIR (<build>/po); meson
 * builds them before this test runs. Run by hand without them, the tests
 * skip rather than fail. */
static gboolean
use_language (const char *language)
{
  const char *localedir = g_getenv ("PAMONG_LOCALEDIR");
  g_autofree char *mo = NULL;

  if (localedir == NULL)
    {
      g_test_skip ("PAMONG_LOCALEDIR is not set");
      return FALSE;
    }

  mo = g_build_filename (localedir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = g_strdup_printf ("%s has not been built", mo);
      g_test_skip (message);
      return FALSE;
    }

  /* LANGUAGE picks the catalogue whatever the C library's locales are
   * (glibc has none for Javanese). gettext caches translations until the
   * locale changes, and setlocale() to the current name is no change: go
   * through "C" so the previous language's cache is dropped. */
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "C");
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return TRUE;
}

static void
assert_format (const char *date_with_weekday,
               const char *short_date,
               const char *const *months,
               const char *const *weekdays)
{
  g_autoptr(GDateTime) friday = g_date_time_new_local (2026, 11, 27, 9, 30, 0);
  g_autoptr(GDateTime) august = g_date_time_new_local (2026, 8, 17, 9, 30, 0);
  g_autofree char *index = NULL;
  g_autofree char *decimal = NULL;
  g_autofree char *integer = NULL;
  g_autofree char *date = NULL;
  g_autofree char *date_short = NULL;
  g_autofree char *iso = NULL;

  index = pamong_format_index (3.26675);
  decimal = pamong_format_decimal (1234.5, 2);
  integer = pamong_format_integer (27000);
  date = pamong_format_date (friday, TRUE);
  date_short = pamong_format_date_short (august);
  iso = pamong_format_date_iso ("2026-11-27", TRUE);

  g_assert_cmpstr (index, ==, "3,27");
  g_assert_cmpstr (decimal, ==, "1.234,50");
  g_assert_cmpstr (integer, ==, "27.000");
  g_assert_cmpstr (date, ==, date_with_weekday);
  g_assert_cmpstr (iso, ==, date_with_weekday);
  g_assert_cmpstr (date_short, ==, short_date);

  for (guint m = 1; m <= 12; m++)
    g_assert_cmpstr (pamong_format_month_name (m), ==, months[m - 1]);
  for (guint d = 1; d <= 7; d++)
    g_assert_cmpstr (pamong_format_weekday_name (d), ==, weekdays[d - 1]);
}

static const char *const months[] = {
  "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
  "Agustus", "September", "Oktober", "November", "Desember",
};

static const char *const abbrevs[] = {
  "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
};

static void
assert_abbrevs (void)
{
  for (guint m = 1; m <= 12; m++)
    g_assert_cmpstr (pamong_format_month_abbrev (m), ==, abbrevs[m - 1]);
}

static void
test_indonesian (void)
{
  static const char *const weekdays[] = {
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
  };

  if (!use_language ("id"))
    return;

  assert_format ("Jumat, 27 November 2026", "17 Agu 2026", months, weekdays);
  assert_abbrevs ();
}

static void
test_javanese (void)
{
  static const char *const weekdays[] = {
    "Senen", "Selasa", "Rebo", "Kemis", "Jemuwah", "Setu", "Minggu",
  };

  if (!use_language ("jv"))
    return;

  assert_format ("Jemuwah, 27 November 2026", "17 Agu 2026", months, weekdays);
  assert_abbrevs ();
}

static void
test_back_to_english (void)
{
  g_autofree char *index = NULL;

  /* A language without a catalogue falls back to the English source. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C");
  setlocale (LC_ALL, "C.UTF-8");
  index = pamong_format_index (3.26675);
  g_assert_cmpstr (index, ==, "3.27");
  g_assert_cmpstr (pamong_format_weekday_name (5), ==, "Friday");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/format/indonesian-uses-decimal-comma-and-own-names", test_indonesian);
  g_test_add_func ("/pamong/format/javanese-uses-decimal-comma-and-own-names", test_javanese);
  g_test_add_func ("/pamong/format/switching-back-to-english", test_back_to_english);

  return g_test_run ();
}
