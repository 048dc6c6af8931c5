/* test-nik.c — reading and making NIKs
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pamong-error.h"
#include "pamong-nik.h"

static PamongRegion *blora;
static GDate today;

typedef struct {
  const char *nik;
  gboolean with_region;
  const char *error;       /* NULL: valid */
  PamongSex sex;
  guint year, month, day;
  const char *kecamatan;
  guint serial;
} NikCase;

static const NikCase cases[] = {
  /* valid, male: day as is */
  { "3316091508900001", TRUE, NULL, PAMONG_SEX_MALE, 1990, 8, 15, "33.16.09", 1 },
  /* valid, female: 40 added to the day */
  { "3316055508900002", TRUE, NULL, PAMONG_SEX_FEMALE, 1990, 8, 15, "33.16.05", 2 },
  { "3316167101859999", TRUE, NULL, PAMONG_SEX_FEMALE, 1985, 1, 31, "33.16.16", 9999 },
  /* the century: 20YY unless that is after today (2026-05-01) */
  { "3316010208100123", TRUE, NULL, PAMONG_SEX_MALE, 2010, 8, 2, "33.16.01", 123 },
  { "3316010105260001", TRUE, NULL, PAMONG_SEX_MALE, 2026, 5, 1, "33.16.01", 1 },
  { "3316010205260001", TRUE, NULL, PAMONG_SEX_MALE, 1926, 5, 2, "33.16.01", 1 },
  { "3316014208300001", TRUE, NULL, PAMONG_SEX_FEMALE, 1930, 8, 2, "33.16.01", 1 },
  /* 29 Feb: 2000 was a leap year, 2001 and 1901 were not */
  { "3316012902000001", TRUE, NULL, PAMONG_SEX_MALE, 2000, 2, 29, "33.16.01", 1 },
  { "3316012902010001", TRUE, "The birth date 29-02-01 in digits 7–12 is not a real date" },
  /* structure only: any regency will do */
  { "3399091508900001", FALSE, NULL, PAMONG_SEX_MALE, 1990, 8, 15, "33.99.09", 1 },
  { "3174011508900001", FALSE, NULL, PAMONG_SEX_MALE, 1990, 8, 15, "31.74.01", 1 },
  /* wrong length */
  { "331609150890001", TRUE, "A NIK has 16 digits; this one has 15" },
  { "33160915089000011", TRUE, "A NIK has 16 digits; this one has 17" },
  { "", FALSE, "A NIK has 16 digits; this one has 0" },
  /* not digits */
  { "331609A508900001", TRUE, "A NIK has only digits; “A” at position 7 is not one" },
  { "3316 91508900001", FALSE, "A NIK has only digits; “ ” at position 5 is not one" },
  { "3316ä91508900001", FALSE, "A NIK has only digits; “ä” at position 5 is not one" },
  /* impossible dates */
  { "3316093102900001", TRUE, "The birth date 31-02-90 in digits 7–12 is not a real date" },
  { "3316097201900001", TRUE, "The birth date 72-01-90 in digits 7–12 is not a real date" },
  { "3316093501900001", TRUE, "The birth date 35-01-90 in digits 7–12 is not a real date" },
  { "3316090001900001", FALSE, "The birth date 00-01-90 in digits 7–12 is not a real date" },
  { "3316091513900001", FALSE, "The birth date 15-13-90 in digits 7–12 is not a real date" },
  /* unknown region */
  { "3399091508900001", TRUE, "The region code 3399 is not a regency/city in the data" },
  { "3416091508900001", TRUE, "The region code 3416 is not a regency/city in the data" },
  { "0016091508900001", FALSE, "The region code 0016 is not a regency/city in the data" },
  { "3316171508900001", TRUE,
    "The kecamatan code 33.16.17 in digits 1–6 is not a kecamatan in the data" },
  { "3316001508900001", FALSE,
    "The kecamatan code 33.16.00 in digits 1–6 is not a kecamatan in the data" },
  /* serial */
  { "3316091508900000", TRUE,
    "The serial number 0000 in digits 13–16 is not valid; serials start at 0001" },
};

static void
test_nik_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const NikCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      PamongNikInfo info;
      gboolean ok;

      g_test_message ("NIK \"%s\"", c->nik);
      ok = pamong_nik_parse_at (c->nik, c->with_region ? blora : NULL, &today, &info, &error);

      if (c->error != NULL)
        {
          g_assert_false (ok);
          g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
          g_assert_cmpstr (error->message, ==, c->error);
          continue;
        }

      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpint (info.sex, ==, c->sex);
      g_assert_true (g_date_valid (&info.birth_date));
      g_assert_cmpuint (g_date_get_year (&info.birth_date), ==, c->year);
      g_assert_cmpuint (g_date_get_month (&info.birth_date), ==, c->month);
      g_assert_cmpuint (g_date_get_day (&info.birth_date), ==, c->day);
      g_assert_cmpstr (info.kecamatan_code, ==, c->kecamatan);
      g_assert_cmpuint (info.serial, ==, c->serial);
    }
}

static void
test_nik_without_info_or_error (void)
{
  g_assert_true (pamong_nik_parse_at ("3316091508900001", blora, &today, NULL, NULL));
  g_assert_false (pamong_nik_parse_at ("3316091508900000", blora, &today, NULL, NULL));
  g_assert_false (pamong_nik_parse_at (NULL, NULL, &today, NULL, NULL));
  /* with the real clock: 1990 is in the past on any day this runs */
  g_assert_true (pamong_nik_parse ("3316091508900001", blora, NULL, NULL));
}

static void
test_nik_make_round_trips (void)
{
  GDate birth;
  g_autofree char *male = NULL;
  g_autofree char *female = NULL;
  g_autofree char *undotted = NULL;
  PamongNikInfo info;
  g_autoptr(GError) error = NULL;

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 7, G_DATE_MARCH, 2004);

  male = pamong_nik_make ("33.16.12", &birth, PAMONG_SEX_MALE, 42);
  female = pamong_nik_make ("33.16.12", &birth, PAMONG_SEX_FEMALE, 43);
  undotted = pamong_nik_make ("331612", &birth, PAMONG_SEX_MALE, 42);
  g_assert_cmpstr (male, ==, "3316120703040042");
  g_assert_cmpstr (female, ==, "3316124703040043");
  g_assert_cmpstr (undotted, ==, male);

  g_assert_true (pamong_nik_parse_at (female, blora, &today, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.sex, ==, PAMONG_SEX_FEMALE);
  g_assert_cmpint (g_date_compare (&info.birth_date, &birth), ==, 0);
  g_assert_cmpstr (info.kecamatan_code, ==, "33.16.12");
  g_assert_cmpuint (info.serial, ==, 43);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  blora = pamong_region_load_default (&error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_MAY, 2026);

  g_test_add_func ("/pamong/nik/table-of-valid-and-invalid-numbers", test_nik_table);
  g_test_add_func ("/pamong/nik/info-and-error-are-optional", test_nik_without_info_or_error);
  g_test_add_func ("/pamong/nik/make-round-trips-through-parse", test_nik_make_round_trips);

  ret = g_test_run ();
  g_assert_finalize_object (blora);

  return ret;
}
