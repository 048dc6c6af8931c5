/* test-calendar.c — working days, holidays and due dates
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pamong-calendar.h"
#include "pamong-error.h"
#include "pamong-request-workflow.h"

static void
set_date (GDate *date,
          guint  year,
          guint  month,
          guint  day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static char *
add_days (PamongCalendar *calendar,
          guint           year,
          guint           month,
          guint           day,
          guint           days)
{
  GDate start, result;

  set_date (&start, year, month, day);
  pamong_calendar_add_working_days (calendar, &start, days, &result);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&result),
                          g_date_get_month (&result), g_date_get_day (&result));
}

/* Every date of spbe.md §5, with its kind, must be in the shipped data. */
static void
test_2026_matches_the_reference (void)
{
  static const struct { const char *date; PamongDayKind kind; const char *name; } days[] = {
    { "2026-01-01", PAMONG_DAY_HOLIDAY, "Tahun Baru 2026 Masehi" },
    { "2026-01-16", PAMONG_DAY_HOLIDAY, "Isra Mikraj Nabi Muhammad SAW" },
    { "2026-02-16", PAMONG_DAY_CUTI_BERSAMA, "Cuti bersama Tahun Baru Imlek 2577 Kongzili" },
    { "2026-02-17", PAMONG_DAY_HOLIDAY, "Tahun Baru Imlek 2577 Kongzili" },
    { "2026-03-18", PAMONG_DAY_CUTI_BERSAMA, "Cuti bersama Hari Suci Nyepi (Tahun Baru Saka 1948)" },
    { "2026-03-19", PAMONG_DAY_HOLIDAY, "Hari Suci Nyepi (Tahun Baru Saka 1948)" },
    { "2026-03-20", PAMONG_DAY_CUTI_BERSAMA, "Cuti bersama Idul Fitri 1447 H" },
    { "2026-03-21", PAMONG_DAY_HOLIDAY, "Idul Fitri 1447 H (hari 1)" },
    { "2026-03-22", PAMONG_DAY_HOLIDAY, "Idul Fitri 1447 H (hari 2)" },
    { "2026-03-23", PAMONG_DAY_CUTI_BERSAMA, "Cuti bersama Idul Fitri 1447 H" },
    { "2026-03-24", PAMONG_DAY_CUTI_BERSAMA, "Cuti bersama Idul Fitri 1447 H" },
    { "2026-04-03", PAMONG_DAY_HOLIDAY, "Wafat Yesus Kristus" },
    { "2026-04-05", PAMONG_DAY_HOLIDAY, "Kebangkitan Yesus Kristus (Paskah)" },
    { "2026-05-01", PAMONG_DAY_HOLIDAY, "Hari Buruh Internasional" },
    { "2026-05-14", PAMONG_DAY_HOLIDAY, "Kenaikan Yesus Kristus" },
    { "2026-05-15", PAMONG_DAY_CUTI_BERSAMA, "Cuti bersama Kenaikan Yesus Kristus" },
    { "2026-05-27", PAMONG_DAY_HOLIDAY, "Idul Adha 1447 H" },
    { "2026-05-28", PAMONG_DAY_CUTI_BERSAMA, "Cuti bersama Idul Adha 1447 H" },
    { "2026-05-31", PAMONG_DAY_HOLIDAY, "Hari Raya Waisak 2570 BE" },
    { "2026-06-01", PAMONG_DAY_HOLIDAY, "Hari Lahir Pancasila" },
    { "2026-06-16", PAMONG_DAY_HOLIDAY, "1 Muharam, Tahun Baru Islam 1448 H" },
    { "2026-08-17", PAMONG_DAY_HOLIDAY, "Proklamasi Kemerdekaan RI" },
    { "2026-08-25", PAMONG_DAY_HOLIDAY, "Maulid Nabi Muhammad SAW" },
    { "2026-12-24", PAMONG_DAY_CUTI_BERSAMA, "Cuti bersama Kelahiran Yesus Kristus" },
    { "2026-12-25", PAMONG_DAY_HOLIDAY, "Kelahiran Yesus Kristus (Natal)" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongCalendar) calendar = pamong_calendar_load_default (&error);
  guint n_holiday = 0, n_cuti = 0, n_working = 0, n_years = 0;
  g_autofree guint *years = NULL;
  GDate date;

  g_assert_no_error (error);
  g_assert_true (pamong_calendar_has_year (calendar, 2026));
  g_assert_false (pamong_calendar_has_year (calendar, 2027));
  years = pamong_calendar_list_years (calendar, &n_years);
  g_assert_cmpuint (n_years, >=, 1);
  g_assert_cmpuint (years[n_years - 1], ==, 2026);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      set_date (&date, 2026, (guint) g_ascii_strtoull (days[i].date + 5, NULL, 10),
                (guint) g_ascii_strtoull (days[i].date + 8, NULL, 10));
      g_assert_cmpint (pamong_calendar_get_day_kind (calendar, &date), ==, days[i].kind);
      g_assert_cmpstr (pamong_calendar_get_holiday_name (calendar, &date), ==, days[i].name);
      g_assert_false (pamong_calendar_is_working_day (calendar, &date));
    }

  /* SKB 3 Menteri: 17 hari libur nasional + 8 hari cuti bersama. 2026 has
   * 261 weekdays (52 weeks and one Thursday); 4 holidays fall on a weekend
   * (21-22 March, 5 April, 31 May), so 261 - 21 = 240 working days. */
  set_date (&date, 2026, 1, 1);
  while (g_date_get_year (&date) == 2026)
    {
      switch (pamong_calendar_get_day_kind (calendar, &date))
        {
        case PAMONG_DAY_HOLIDAY: n_holiday++; break;
        case PAMONG_DAY_CUTI_BERSAMA: n_cuti++; break;
        case PAMONG_DAY_WORKING: n_working++; break;
        case PAMONG_DAY_WEEKEND: default: break;
        }
      g_date_add_days (&date, 1);
    }
  g_assert_cmpuint (n_holiday, ==, 17);
  g_assert_cmpuint (n_cuti, ==, 8);
  g_assert_cmpuint (n_working, ==, 240);

  set_date (&date, 2026, 3, 28);   /* an ordinary Saturday */
  g_assert_cmpint (pamong_calendar_get_day_kind (calendar, &date), ==, PAMONG_DAY_WEEKEND);
  g_assert_null (pamong_calendar_get_holiday_name (calendar, &date));
  set_date (&date, 2026, 3, 25);   /* the first working day after Lebaran */
  g_assert_true (pamong_calendar_is_working_day (calendar, &date));
  g_assert_null (pamong_calendar_get_holiday_name (calendar, &date));
}

/*
 * The example: a request on Thursday 19 March 2026 for a service
 * with a 5-working-day standard. The day of submission does not count:
 *   Thu 19 Mar  Hari Suci Nyepi (the submission day; a holiday anyway)
 *   Fri 20 Mar  cuti bersama Idul Fitri       -> not counted
 *   Sat 21 Mar  Idul Fitri (hari 1), weekend  -> not counted
 *   Sun 22 Mar  Idul Fitri (hari 2), weekend  -> not counted
 *   Mon 23 Mar  cuti bersama Idul Fitri       -> not counted
 *   Tue 24 Mar  cuti bersama Idul Fitri       -> not counted
 *   Wed 25 Mar  working day 1
 *   Thu 26 Mar  working day 2
 *   Fri 27 Mar  working day 3
 *   Sat 28, Sun 29 Mar  weekend
 *   Mon 30 Mar  working day 4
 *   Tue 31 Mar  working day 5  => due 2026-03-31
 * Without the holiday data (weekends only) the same request would be due
 * on Thu 26 March.
 */
static void
test_idul_fitri_2026 (void)
{
  PamongCalendar *calendar = pamong_calendar_get_default ();
  g_autoptr(PamongCalendar) weekends_only = pamong_calendar_new ();
  g_autofree char *due = add_days (calendar, 2026, 3, 19, 5);
  g_autofree char *naive = add_days (weekends_only, 2026, 3, 19, 5);
  g_autofree char *from_the_eve = add_days (calendar, 2026, 3, 17, 1);
  g_autoptr(GDateTime) submitted = g_date_time_new_from_iso8601 ("2026-03-19T09:15:00+07:00", NULL);
  g_autoptr(PamongServiceType) type = pamong_service_type_new ();
  g_autofree char *computed = NULL;

  g_assert_cmpstr (due, ==, "2026-03-31");
  g_assert_cmpstr (naive, ==, "2026-03-26");
  /* Tuesday 17 March + 1: 18 (cuti) to 24 are all off -> Wednesday 25 */
  g_assert_cmpstr (from_the_eve, ==, "2026-03-25");

  pamong_service_type_set_standard_days (type, 5);
  computed = pamong_calendar_compute_due_date (calendar, submitted, type);
  g_assert_cmpstr (computed, ==, "2026-03-31");

  /* no standard, no due date */
  pamong_service_type_set_standard_days (type, 0);
  g_assert_null (pamong_calendar_compute_due_date (calendar, submitted, type));
}

static void
test_weekends (void)
{
  PamongCalendar *calendar = pamong_calendar_get_default ();
  struct { guint month, day, days; const char *expected; } cases[] = {
    /* Friday 9 Jan + 1 -> Monday 12 */
    { 1, 9, 1, "2026-01-12" },
    /* Friday 9 Jan + 5: 12, 13, 14, 15, (16 Isra Mikraj), 19 */
    { 1, 9, 5, "2026-01-19" },
    /* submitted on Saturday 10 Jan: + 1 -> Monday 12 */
    { 1, 10, 1, "2026-01-12" },
    /* 0 days: the same day if it is a working day... */
    { 1, 13, 0, "2026-01-13" },
    /* ...else the next working day (Saturday -> Monday) */
    { 1, 10, 0, "2026-01-12" },
    /* Wednesday 13 May + 2: (14 Kenaikan, 15 cuti, 16-17 weekend) 18, 19 */
    { 5, 13, 2, "2026-05-19" },
    /* Tuesday 26 May + 3: (27 Idul Adha, 28 cuti) 29, (30-31 weekend, 1 June
     * Pancasila) 2, 3 */
    { 5, 26, 3, "2026-06-03" },
    /* 14 August (Fri) + 1: (17 Aug, Monday) -> Tuesday 18 */
    { 8, 14, 1, "2026-08-18" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *due = add_days (calendar, 2026, cases[i].month, cases[i].day, cases[i].days);

      g_assert_cmpstr (due, ==, cases[i].expected);
    }
}

static void
test_year_end (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongCalendar) calendar = pamong_calendar_load_default (&error);
  g_autofree char *three = NULL;
  g_autofree char *five_unknown = NULL;
  g_autofree char *five_known = NULL;
  g_autofree char *from_2025 = NULL;
  /* A 2027 file as a user would add it. The dates are a test fixture: the
   * reference has no 2027 list, so none is shipped. */
  const char *file_2027 =
    "{ \"year\": 2027, \"days\": ["
    "  { \"date\": \"2027-01-01\", \"kind\": \"holiday\", \"name\": \"Tahun Baru 2027 Masehi\" } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (file_2027, strlen (file_2027));
  GDate date;

  g_assert_no_error (error);

  /* Wednesday 23 Dec 2026 + 3: (24 cuti, 25 Natal, 26-27 weekend) 28, 29, 30 */
  three = add_days (calendar, 2026, 12, 23, 3);
  g_assert_cmpstr (three, ==, "2026-12-30");

  /* + 5 continues into 2027: 31 Dec is day 4, Friday 1 January 2027 day 5
   * while the calendar knows nothing of 2027 (only weekends skipped) */
  five_unknown = add_days (calendar, 2026, 12, 23, 5);
  g_assert_cmpstr (five_unknown, ==, "2027-01-01");

  /* with 2027's file, New Year is skipped: (1 Jan, 2-3 weekend) Monday 4 */
  g_assert_true (pamong_calendar_add_year_from_bytes (calendar, bytes, &error));
  g_assert_no_error (error);
  g_assert_true (pamong_calendar_has_year (calendar, 2027));
  five_known = add_days (calendar, 2026, 12, 23, 5);
  g_assert_cmpstr (five_known, ==, "2027-01-04");
  set_date (&date, 2027, 1, 1);
  g_assert_cmpstr (pamong_calendar_get_holiday_name (calendar, &date), ==, "Tahun Baru 2027 Masehi");

  /* from the last days of 2025 (no data: weekends only) into 2026, where
   * New Year's Day counts: Wednesday 31 Dec 2025 + 1 -> Friday 2 Jan */
  from_2025 = add_days (calendar, 2025, 12, 31, 1);
  g_assert_cmpstr (from_2025, ==, "2026-01-02");
}

/* count (start, add (start, n)) == n, and backwards negated */
static void
test_count_is_the_inverse_of_add (void)
{
  PamongCalendar *calendar = pamong_calendar_get_default ();
  GDate start, end;

  set_date (&start, 2025, 12, 1);
  for (guint day = 0; day < 420; day += 3)
    {
      for (guint n = 1; n < 30; n += 4)
        {
          pamong_calendar_add_working_days (calendar, &start, n, &end);
          g_assert_cmpint (pamong_calendar_count_working_days (calendar, &start, &end), ==, (gint) n);
          g_assert_true (pamong_calendar_is_working_day (calendar, &end));
        }
      g_date_add_days (&start, 3);
    }

  set_date (&start, 2026, 3, 19);
  set_date (&end, 2026, 3, 31);
  g_assert_cmpint (pamong_calendar_count_working_days (calendar, &start, &end), ==, 5);
  g_assert_cmpint (pamong_calendar_count_working_days (calendar, &end, &start), ==, -5);
  g_assert_cmpint (pamong_calendar_count_working_days (calendar, &end, &end), ==, 0);
}

/* The date of submission is Blora's date (WIB), whatever the laptop's zone. */
static void
test_due_date_uses_wib (void)
{
  PamongCalendar *calendar = pamong_calendar_get_default ();
  /* 18:00 UTC on Thursday 8 Jan = 01:00 WIB on Friday 9 Jan */
  g_autoptr(GDateTime) late = g_date_time_new_from_iso8601 ("2026-01-08T18:00:00Z", NULL);
  g_autoptr(GDateTime) early = g_date_time_new_from_iso8601 ("2026-01-08T16:59:59Z", NULL);
  g_autofree char *from_friday = pamong_calendar_compute_due_date_for_days (calendar, late, 1);
  g_autofree char *from_thursday = pamong_calendar_compute_due_date_for_days (calendar, early, 1);
  GDate date;

  g_assert_cmpstr (from_friday, ==, "2026-01-12");
  g_assert_cmpstr (from_thursday, ==, "2026-01-09");
  g_assert_null (pamong_calendar_compute_due_date_for_days (calendar, late, 0));
  g_assert_null (pamong_calendar_compute_due_date_for_days (calendar, late, -3));

  pamong_calendar_date_of (late, &date);
  g_assert_cmpuint (g_date_get_day (&date), ==, 9);
}

static void
test_bad_holiday_files (void)
{
  static const struct { const char *json; int code; const char *message; } cases[] = {
    { "{", PAMONG_ERROR_INVALID_DATA, "The holiday file is not valid JSON" },
    { "[]", PAMONG_ERROR_INVALID_DATA, "must be a JSON object" },
    { "{\"days\": []}", PAMONG_ERROR_MISSING_FIELD, "needs a “year”" },
    { "{\"year\": \"2026\", \"days\": []}", PAMONG_ERROR_MISSING_FIELD, "needs a “year”" },
    { "{\"year\": 2026}", PAMONG_ERROR_MISSING_FIELD, "needs a “days” list" },
    { "{\"year\": 2026, \"days\": [1]}", PAMONG_ERROR_INVALID_DATA, "entry 1: must be an object" },
    { "{\"year\": 2026, \"days\": [{\"date\": \"2027-01-01\", \"kind\": \"holiday\", \"name\": \"x\"}]}",
      PAMONG_ERROR_INVALID_DATA, "entry 1: “date” must be a date of 2026" },
    { "{\"year\": 2026, \"days\": [{\"date\": \"2026-02-30\", \"kind\": \"holiday\", \"name\": \"x\"}]}",
      PAMONG_ERROR_INVALID_DATA, "entry 1: “date” must be a date of 2026" },
    { "{\"year\": 2026, \"days\": [{\"date\": \"2026-01-01\", \"kind\": \"holiday\", \"name\": \"x\"},"
      " {\"date\": \"2026-01-02\", \"kind\": \"libur\", \"name\": \"y\"}]}",
      PAMONG_ERROR_INVALID_DATA, "entry 2: “kind” must be" },
    { "{\"year\": 2026, \"days\": [{\"date\": \"2026-01-02\", \"kind\": \"holiday\", \"name\": \"\"}]}",
      PAMONG_ERROR_MISSING_FIELD, "entry 1: “name” is missing" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongCalendar) calendar = pamong_calendar_load_default (&error);
  GDate date;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));

      g_assert_false (pamong_calendar_add_year_from_bytes (calendar, bytes, &error));
      g_assert_error (error, PAMONG_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_clear_error (&error);
    }

  /* a failed file leaves the year as it was */
  set_date (&date, 2026, 1, 1);
  g_assert_cmpstr (pamong_calendar_get_holiday_name (calendar, &date), ==, "Tahun Baru 2026 Masehi");
  set_date (&date, 2026, 1, 2);
  g_assert_true (pamong_calendar_is_working_day (calendar, &date));
}

/* A new year without a rebuild: a folder of files, in name order. */
static void
test_years_from_a_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongCalendar) calendar = pamong_calendar_new ();
  g_autofree char *dir = g_dir_make_tmp ("pamong-holidays-XXXXXX", &error);
  g_autofree char *good = g_build_filename (dir, "2027.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "2028.json", NULL);
  g_autofree char *ignored = g_build_filename (dir, "README.txt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) missing = g_file_get_child (folder, "nowhere");
  GDate date;

  g_assert_no_error (error);
  g_file_set_contents (good, "{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", "
                       "\"kind\": \"holiday\", \"name\": \"Tahun Baru 2027 Masehi\"}]}", -1, &error);
  g_file_set_contents (ignored, "not a holiday file", -1, &error);
  g_assert_no_error (error);

  g_assert_true (pamong_calendar_add_years_from_directory (calendar, missing, &error));
  g_assert_no_error (error);
  g_assert_true (pamong_calendar_add_years_from_directory (calendar, folder, &error));
  g_assert_no_error (error);
  g_assert_true (pamong_calendar_has_year (calendar, 2027));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2027);
  g_assert_false (pamong_calendar_is_working_day (calendar, &date));

  /* a bad file is named in the error */
  g_file_set_contents (bad, "{\"year\": 2028}", -1, &error);
  g_assert_false (pamong_calendar_add_years_from_directory (calendar, folder, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD);
  g_assert_true (g_str_has_prefix (error->message, "2028.json: "));

  g_remove (good);
  g_remove (bad);
  g_remove (ignored);
  g_rmdir (dir);
}

static void
test_overdue (void)
{
  g_autoptr(PamongServiceRequest) request = pamong_service_request_new ();
  g_autoptr(GDateTime) same_day = g_date_time_new_from_iso8601 ("2026-03-31T16:59:00+07:00", NULL);
  g_autoptr(GDateTime) next_day = g_date_time_new_from_iso8601 ("2026-04-01T00:01:00+07:00", NULL);
  g_autoptr(GDateTime) monday = g_date_time_new_from_iso8601 ("2026-04-06T09:00:00+07:00", NULL);
  g_autoptr(GDateTime) saturday = g_date_time_new_from_iso8601 ("2026-04-04T09:00:00+07:00", NULL);

  pamong_service_request_set_status (request, PAMONG_REQUEST_STATUS_IN_PROGRESS);

  /* no due date: never overdue */
  g_assert_false (pamong_request_is_overdue (request, next_day));

  pamong_service_request_set_due_date (request, "2026-03-31");
  g_assert_false (pamong_request_is_overdue (request, same_day));
  g_assert_true (pamong_request_is_overdue (request, next_day));
  g_assert_cmpuint (pamong_request_get_days_overdue (request, NULL, same_day), ==, 0);
  g_assert_cmpuint (pamong_request_get_days_overdue (request, NULL, next_day), ==, 1);
  /* Wed 1, Thu 2, (Fri 3 Wafat Yesus Kristus, 4-5 weekend), Mon 6 */
  g_assert_cmpuint (pamong_request_get_days_overdue (request, NULL, monday), ==, 3);
  g_assert_cmpuint (pamong_request_get_days_overdue (request, NULL, saturday), ==, 2);

  /* closed requests are never overdue */
  pamong_service_request_set_status (request, PAMONG_REQUEST_STATUS_COMPLETED);
  g_assert_false (pamong_request_is_overdue (request, monday));
  g_assert_cmpuint (pamong_request_get_days_overdue (request, NULL, monday), ==, 0);
  pamong_service_request_set_status (request, PAMONG_REQUEST_STATUS_REJECTED);
  g_assert_false (pamong_request_is_overdue (request, monday));
  pamong_service_request_set_status (request, PAMONG_REQUEST_STATUS_SUBMITTED);
  g_assert_true (pamong_request_is_overdue (request, monday));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/requests/calendar/2026-matches-the-reference", test_2026_matches_the_reference);
  g_test_add_func ("/pamong/requests/calendar/five-days-across-idul-fitri-2026", test_idul_fitri_2026);
  g_test_add_func ("/pamong/requests/calendar/weekends-and-holidays-are-skipped", test_weekends);
  g_test_add_func ("/pamong/requests/calendar/across-the-year-end", test_year_end);
  g_test_add_func ("/pamong/requests/calendar/count-is-the-inverse-of-add", test_count_is_the_inverse_of_add);
  g_test_add_func ("/pamong/requests/calendar/due-date-counts-from-the-date-in-blora", test_due_date_uses_wib);
  g_test_add_func ("/pamong/requests/calendar/bad-holiday-files-are-refused", test_bad_holiday_files);
  g_test_add_func ("/pamong/requests/calendar/years-from-a-directory", test_years_from_a_directory);
  g_test_add_func ("/pamong/requests/calendar/overdue-after-the-due-date", test_overdue);

  return g_test_run ();
}
