/* test-tracking.c — tracking numbers: format, check character, uniqueness
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pamong-error.h"
#include "pamong-store.h"
#include "pamong-tracking.h"

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

static void
test_format_and_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *lower = NULL;
  PamongTrackingInfo info;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 19, G_DATE_MARCH, 2026);
  number = pamong_tracking_format ("7K3M", &date, 42);
  g_assert_cmpuint (strlen (number), ==, PAMONG_TRACKING_LENGTH);
  g_assert_true (g_str_has_prefix (number, "7K3M-260319-0042-"));
  g_assert_nonnull (strchr (alphabet, number[17]));

  g_assert_true (pamong_tracking_parse (number, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info.device_code, ==, "7K3M");
  g_assert_cmpint (g_date_compare (&info.date, &date), ==, 0);
  g_assert_cmpuint (info.sequence, ==, 42);

  /* what people type: lower case, spaces, no dashes, O for 0, L for 1 */
  lower = g_ascii_strdown (number, -1);
  lower[12] = 'o';   /* "0042" -> "o042" */
  g_strdelimit (lower, "-", ' ');
  normal = pamong_tracking_normalize (lower, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (normal, ==, number);
  g_assert_true (pamong_tracking_is_valid (lower));
}

/* Damm's check: every single substitution and every swap of two different
 * neighbours is caught, on a sample of numbers. */
static void
test_check_catches_typos (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint n = 0; n < 200; n++)
    {
      char device[5];
      g_autofree char *number = NULL;
      char compact[16];
      GDate date;
      guint k = 0;

      for (guint i = 0; i < 4; i++)
        device[i] = alphabet[g_rand_int_range (rand, 0, 32)];
      device[4] = '\0';
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) g_rand_int_range (rand, 1, 29),
                      (GDateMonth) g_rand_int_range (rand, 1, 13),
                      (GDateYear) g_rand_int_range (rand, 2000, 2100));
      number = pamong_tracking_format (device, &date, (guint) g_rand_int_range (rand, 1, 10000));
      g_assert_true (pamong_tracking_is_valid (number));

      for (const char *p = number; *p != '\0'; p++)
        if (*p != '-')
          compact[k++] = *p;
      compact[k] = '\0';
      g_assert_cmpuint (k, ==, 15);

      for (guint i = 0; i < 15; i++)
        {
          char saved = compact[i];

          for (guint a = 0; a < 32; a++)
            {
              if (alphabet[a] == saved)
                continue;
              compact[i] = alphabet[a];
              g_assert_false (pamong_tracking_is_valid (compact));
            }
          compact[i] = saved;

          if (i + 1 < 15 && compact[i] != compact[i + 1])
            {
              char swap = compact[i];

              compact[i] = compact[i + 1];
              compact[i + 1] = swap;
              g_assert_false (pamong_tracking_is_valid (compact));
              compact[i + 1] = compact[i];
              compact[i] = swap;
            }
        }
      g_assert_true (pamong_tracking_is_valid (compact));
    }
}

static void
test_errors_say_what_is_wrong (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "7K3M-260319-0042", "has 14" },
    { "7K3M-260319-00421-X", "has 16" },
    { "", "has 0" },
    { "7K3U-260319-0042-X", "“U” does not appear in tracking numbers" },
    { "7K3M-260319-0042-#", "“#” does not appear" },
    { "7K3M-2603é9-0042-X", "“é” does not appear" },
    { "7K3M-26A319-0042-X", "is all digits" },
    { "7K3M-260230-0042-X", "“260230” is not a real date" },
    { "7K3M-261301-0042-X", "“261301” is not a real date" },
    { "7K3M-260319-0000-X", "cannot be 0000" },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_false (pamong_tracking_parse (cases[i].text, NULL, &error));
      g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("“%s”: “%s” lacks “%s”", cases[i].text, error->message, cases[i].message);
      g_clear_error (&error);
    }

  /* a typo in a well-formed number: the check character */
  {
    GDate date;
    g_autofree char *number = NULL;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 1, G_DATE_MAY, 2026);
    number = pamong_tracking_format ("AB12", &date, 7);
    number[13] = number[13] == '9' ? '8' : '9';
    g_assert_false (pamong_tracking_parse (number, NULL, &error));
    g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
    g_assert_nonnull (strstr (error->message, "does not match"));
    g_clear_error (&error);
  }

  g_assert_false (pamong_tracking_is_valid (NULL));
  g_assert_true (pamong_tracking_is_valid_device_code ("7K3M"));
  g_assert_false (pamong_tracking_is_valid_device_code ("7k3m"));
  g_assert_false (pamong_tracking_is_valid_device_code ("7K3"));
  g_assert_false (pamong_tracking_is_valid_device_code ("7K3MX"));
  g_assert_false (pamong_tracking_is_valid_device_code ("7KUM"));
}

static void
test_device_code_in_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = pamong_store_open (":memory:", &error);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *assigned = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 ("2026-03-19T09:00:00+07:00", NULL);

  g_assert_no_error (error);
  first = pamong_tracking_get_device_code (store, &error);
  g_assert_no_error (error);
  g_assert_true (pamong_tracking_is_valid_device_code (first));
  again = pamong_tracking_get_device_code (store, &error);
  g_assert_cmpstr (first, ==, again);

  g_assert_false (pamong_tracking_set_device_code (store, "ABCDE", &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (pamong_tracking_set_device_code (store, "AB-U1", &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_true (pamong_tracking_set_device_code (store, "bl0o", &error));
  g_assert_no_error (error);
  assigned = pamong_tracking_get_device_code (store, &error);
  g_assert_cmpstr (assigned, ==, "B100");

  number = pamong_tracking_next (store, when, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (number, "B100-260319-0001-"));
}

static void
test_sequence (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = pamong_store_open (":memory:", &error);
  g_autoptr(GDateTime) morning = g_date_time_new_from_iso8601 ("2026-03-19T08:00:00+07:00", NULL);
  g_autoptr(GDateTime) evening = g_date_time_new_from_iso8601 ("2026-03-19T23:30:00+07:00", NULL);
  g_autoptr(GDateTime) utc_same_day = g_date_time_new_from_iso8601 ("2026-03-19T17:30:00Z", NULL);
  g_autoptr(GDateTime) yesterday = g_date_time_new_from_iso8601 ("2026-03-18T10:00:00+07:00", NULL);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL;

  g_assert_no_error (error);
  g_assert_true (pamong_tracking_set_device_code (store, "QX7R", &error));

  a = pamong_tracking_next (store, morning, &error);
  b = pamong_tracking_next (store, evening, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (a, "QX7R-260319-0001-"));
  g_assert_true (g_str_has_prefix (b, "QX7R-260319-0002-"));

  /* 17:30 UTC on the 19th is already the 20th in Blora */
  c = pamong_tracking_next (store, utc_same_day, &error);
  g_assert_true (g_str_has_prefix (c, "QX7R-260320-0001-"));

  /* a late entry for an earlier day continues that day's sequence */
  d = pamong_tracking_next (store, yesterday, &error);
  g_assert_true (g_str_has_prefix (d, "QX7R-260318-0001-"));

  /* a rolled-back transaction gives the number back */
  g_assert_true (pamong_store_begin (store, &error));
  e = pamong_tracking_next (store, morning, &error);
  g_assert_true (g_str_has_prefix (e, "QX7R-260319-0003-"));
  pamong_store_rollback (store);
  f = pamong_tracking_next (store, morning, &error);
  g_assert_cmpstr (e, ==, f);

  /* the 10,000th number of a day is refused */
  g_assert_true (pamong_store_set_meta (store, "tracking-sequence-260319", "9999", &error));
  g_assert_null (pamong_tracking_next (store, morning, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_TOO_LARGE);
}

/* Two laptops working offline, each with its own store, take thousands of
 * requests over the same days: no number is issued twice. */
static void
test_two_offline_stores_never_collide (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pamong-tracking-XXXXXX", &error);
  g_autofree char *path_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.db", NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *device_a = NULL;
  g_autofree char *device_b = NULL;
  guint issued = 0;

  g_assert_no_error (error);

  for (guint round = 0; round < 2; round++)
    {
      /* the second round reopens the files: sequences continue */
      g_autoptr(PamongStore) a = pamong_store_open (path_a, &error);
      g_autoptr(PamongStore) b = pamong_store_open (path_b, &error);

      g_assert_no_error (error);
      if (round == 0)
        {
          device_a = pamong_tracking_get_device_code (a, &error);
          device_b = pamong_tracking_get_device_code (b, &error);
          g_assert_no_error (error);
          /* random codes: 1 in 1,048,576 to clash; a clash would be the
           * administrator's to resolve with set_device_code */
          if (g_str_equal (device_a, device_b))
            g_assert_true (pamong_tracking_set_device_code (b, device_a[0] == 'A' ? "B000" : "A000", &error));
        }

      for (guint day = 0; day < 3; day++)
        {
          g_autoptr(GDateTime) base = g_date_time_new_from_iso8601 ("2026-05-04T07:30:00+07:00", NULL);
          g_autoptr(GDateTime) when = g_date_time_add_days (base, (gint) day);

          g_assert_true (pamong_store_begin (a, &error));
          g_assert_true (pamong_store_begin (b, &error));
          for (guint i = 0; i < 600; i++)
            {
              g_autofree char *from_a = pamong_tracking_next (a, when, &error);
              g_autofree char *from_b = pamong_tracking_next (b, when, &error);

              g_assert_no_error (error);
              g_assert_true (pamong_tracking_is_valid (from_a));
              g_assert_true (pamong_tracking_is_valid (from_b));
              g_assert_true (g_hash_table_add (seen, g_steal_pointer (&from_a)));
              g_assert_true (g_hash_table_add (seen, g_steal_pointer (&from_b)));
              issued += 2;
            }
          g_assert_true (pamong_store_commit (a, &error));
          g_assert_true (pamong_store_commit (b, &error));
        }
    }

  g_assert_cmpuint (issued, ==, 7200);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 7200);

  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_remove (path);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/requests/tracking/format-and-parse", test_format_and_parse);
  g_test_add_func ("/pamong/requests/tracking/check-catches-every-typo-and-swap", test_check_catches_typos);
  g_test_add_func ("/pamong/requests/tracking/errors-say-what-is-wrong", test_errors_say_what_is_wrong);
  g_test_add_func ("/pamong/requests/tracking/device-code-lives-in-the-store", test_device_code_in_store);
  g_test_add_func ("/pamong/requests/tracking/sequence-per-device-and-day", test_sequence);
  g_test_add_func ("/pamong/requests/tracking/two-offline-stores-never-collide", test_two_offline_stores_never_collide);

  return g_test_run ();
}
