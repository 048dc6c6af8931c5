/* test-spbe-format.c — numbers and dates in English (the C locale)
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pamong-format.h"

static void
assert_decimal (double      value,
                guint       decimals,
                const char *expected)
{
  g_autofree char *text = pamong_format_decimal (value, decimals);

  if (g_strcmp0 (text, expected) != 0)
    g_error ("%.17g with %u decimals gave “%s”, expected “%s”", value, decimals, text, expected);
}

static void
test_decimal (void)
{
  assert_decimal (3.27, 2, "3.27");
  assert_decimal (3.26675, 2, "3.27");
  assert_decimal (3.0, 2, "3.00");
  assert_decimal (0.0, 2, "0.00");
  assert_decimal (1234.5, 2, "1,234.50");
  assert_decimal (1234567.891, 1, "1,234,567.9");
  assert_decimal (999.995, 2, "1,000.00");
  assert_decimal (42.4, 0, "42");
  assert_decimal (0.05, 1, "0.1");
  assert_decimal (-1.5, 0, "-2");
  assert_decimal (-0.001, 2, "0.00");
  assert_decimal (-1234.567, 2, "-1,234.57");
}

/* Half up on the decimal the double stands for. Naive floor (x·100 + 0.5)
 * gets 3.495, 1.005 and 2.675 wrong: their doubles lie just below. */
static void
test_round_half_up (void)
{
  g_assert_cmpint (pamong_format_round (3.495, 2), ==, 350);
  g_assert_cmpint (pamong_format_round (3.4949, 2), ==, 349);
  g_assert_cmpint (pamong_format_round (1.005, 2), ==, 101);
  g_assert_cmpint (pamong_format_round (2.675, 2), ==, 268);
  g_assert_cmpint (pamong_format_round (0.005, 2), ==, 1);
  g_assert_cmpint (pamong_format_round (0.0049, 2), ==, 0);
  g_assert_cmpint (pamong_format_round (0.5, 0), ==, 1);
  g_assert_cmpint (pamong_format_round (0.4, 0), ==, 0);
  g_assert_cmpint (pamong_format_round (-2.5, 0), ==, -3);
  g_assert_cmpint (pamong_format_round (1e-300, 2), ==, 0);
  g_assert_cmpint (pamong_format_round (3.6, 6), ==, 3600000);
  g_assert_cmpint (pamong_format_round (1e15, 2), ==, G_GINT64_CONSTANT (100000000000000000));
  g_assert_cmpint (pamong_format_round (123456.0, 0), ==, 123456);

  assert_decimal (3.495, 2, "3.50");
  assert_decimal (1.005, 2, "1.01");
  assert_decimal (2.675, 2, "2.68");
}

static void
test_index (void)
{
  g_autofree char *blora = pamong_format_index (3.26675);
  g_autofree char *five = pamong_format_index (5);

  g_assert_cmpstr (blora, ==, "3.27");
  g_assert_cmpstr (five, ==, "5.00");
}

static void
assert_integer (gint64      value,
                const char *expected)
{
  g_autofree char *text = pamong_format_integer (value);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_integer (void)
{
  assert_integer (27000, "27,000");
  assert_integer (100000, "100,000");
  assert_integer (999, "999");
  assert_integer (1000, "1,000");
  assert_integer (0, "0");
  assert_integer (-1234, "-1,234");
  assert_integer (G_MAXINT64, "9,223,372,036,854,775,807");
  assert_integer (G_MININT64, "-9,223,372,036,854,775,808");
}

static void
test_date (void)
{
  g_autoptr(GDateTime) friday = g_date_time_new_local (2026, 11, 27, 9, 30, 0);
  g_autoptr(GDateTime) august = g_date_time_new_utc (2026, 8, 17, 23, 59, 59);
  g_autofree char *long_weekday = pamong_format_date (friday, TRUE);
  g_autofree char *long_plain = pamong_format_date (friday, FALSE);
  g_autofree char *short_date = pamong_format_date_short (august);
  g_autofree char *august_weekday = pamong_format_date (august, TRUE);

  g_assert_cmpstr (long_weekday, ==, "Friday, 27 November 2026");
  g_assert_cmpstr (long_plain, ==, "27 November 2026");
  g_assert_cmpstr (short_date, ==, "17 Aug 2026");
  g_assert_cmpstr (august_weekday, ==, "Monday, 17 August 2026");
}

static void
assert_iso (const char *iso,
            gboolean    with_weekday,
            const char *expected)
{
  g_autofree char *text = pamong_format_date_iso (iso, with_weekday);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_date_iso (void)
{
  g_autofree char *short_date = pamong_format_date_iso_short ("2026-01-01");
  g_autofree char *empty_short = pamong_format_date_iso_short (NULL);

  assert_iso ("2026-11-27", TRUE, "Friday, 27 November 2026");
  assert_iso ("2024-02-29", TRUE, "Thursday, 29 February 2024");
  assert_iso ("2026-05-01", FALSE, "1 May 2026");
  g_assert_cmpstr (short_date, ==, "1 Jan 2026");
  /* Nothing stored shows nothing; something invalid shows as stored. */
  assert_iso (NULL, TRUE, "");
  assert_iso ("", FALSE, "");
  assert_iso ("2026-02-30", TRUE, "2026-02-30");
  assert_iso ("27/11/2026", FALSE, "27/11/2026");
  assert_iso ("2026-1-270", FALSE, "2026-1-270");
  g_assert_cmpstr (empty_short, ==, "");
}

static void
test_names (void)
{
  g_assert_cmpstr (pamong_format_month_name (1), ==, "January");
  g_assert_cmpstr (pamong_format_month_name (12), ==, "December");
  g_assert_cmpstr (pamong_format_month_abbrev (9), ==, "Sep");
  g_assert_cmpstr (pamong_format_weekday_name (1), ==, "Monday");
  g_assert_cmpstr (pamong_format_weekday_name (7), ==, "Sunday");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/format/decimal-uses-a-point-and-thousands-commas-in-english", test_decimal);
  g_test_add_func ("/pamong/format/rounding-is-half-up-on-the-decimal-shown", test_round_half_up);
  g_test_add_func ("/pamong/format/index-has-two-decimals", test_index);
  g_test_add_func ("/pamong/format/integer-groups-thousands", test_integer);
  g_test_add_func ("/pamong/format/date-has-english-names", test_date);
  g_test_add_func ("/pamong/format/stored-date-is-formatted-or-shown-as-is", test_date_iso);
  g_test_add_func ("/pamong/format/month-and-weekday-names", test_names);

  return g_test_run ();
}
