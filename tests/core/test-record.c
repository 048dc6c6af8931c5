/* test-record.c — the record base: sync fields, copy, equality, timestamps
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "pamong-unit.h"

static void
test_new_record_has_uuid_and_timestamps (void)
{
  g_autoptr(PamongUnit) a = pamong_unit_new ();
  g_autoptr(PamongUnit) b = pamong_unit_new ();
  PamongRecord *ra = PAMONG_RECORD (a);

  g_assert_true (g_uuid_string_is_valid (pamong_record_get_uuid (ra)));
  g_assert_cmpstr (pamong_record_get_uuid (ra), !=, pamong_record_get_uuid (PAMONG_RECORD (b)));
  g_assert_nonnull (pamong_record_get_created_at (ra));
  g_assert_cmpint (pamong_record_get_rev (ra), ==, 0);
  g_assert_cmpstr (pamong_record_get_collection (ra), ==, "units");
}

static void
test_copy_is_equal_and_independent (void)
{
  g_autoptr(PamongUnit) unit = pamong_unit_new ();
  g_autoptr(PamongRecord) copy = NULL;

  pamong_unit_set_name (unit, "Dinas Komunikasi dan Informatika");
  pamong_unit_set_code (unit, "DINKOMINFO");
  pamong_record_set_local_state (PAMONG_RECORD (unit), PAMONG_LOCAL_STATE_MODIFIED);

  copy = pamong_record_copy (PAMONG_RECORD (unit));
  g_assert_true (pamong_record_equal (PAMONG_RECORD (unit), copy, TRUE));

  pamong_unit_set_name (PAMONG_UNIT (copy), "Dinas Kesehatan");
  g_assert_false (pamong_record_equal (PAMONG_RECORD (unit), copy, FALSE));
  g_assert_cmpstr (pamong_unit_get_name (unit), ==, "Dinas Komunikasi dan Informatika");
}

static void
test_same_content_ignores_what_the_server_assigns (void)
{
  g_autoptr(PamongUnit) unit = pamong_unit_new ();
  g_autoptr(PamongRecord) stored = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_utc (2030, 1, 1, 0, 0, 0);

  pamong_unit_set_name (unit, "Dinas Kesehatan");
  pamong_unit_set_code (unit, "OPD.10");
  stored = pamong_record_copy (PAMONG_RECORD (unit));
  pamong_record_set_rev (stored, 42);
  pamong_record_set_created_at (stored, later);
  pamong_record_set_updated_at (stored, later);

  g_assert_true (pamong_record_same_content (stored, PAMONG_RECORD (unit)));
  g_assert_false (pamong_record_equal (stored, PAMONG_RECORD (unit), FALSE));

  pamong_unit_set_name (unit, "Dinas Pendidikan");
  g_assert_false (pamong_record_same_content (stored, PAMONG_RECORD (unit)));
}

static void
test_local_fields_are_not_listed_for_the_wire (void)
{
  g_autofree GParamSpec **wire = NULL;
  g_autofree GParamSpec **all = NULL;
  guint n_wire, n_all;

  wire = pamong_record_list_fields (PAMONG_TYPE_UNIT, FALSE, &n_wire);
  all = pamong_record_list_fields (PAMONG_TYPE_UNIT, TRUE, &n_all);

  g_assert_cmpuint (n_all, ==, n_wire + 3);
  for (guint i = 0; i < n_wire; i++)
    g_assert_false (wire[i]->flags & PAMONG_PARAM_LOCAL);
  g_assert_cmpstr (wire[0]->name, ==, "uuid");
}

static void
test_timestamp_round_trip (void)
{
  g_autoptr(GDateTime) now = pamong_timestamp_now ();
  g_autofree char *text = pamong_timestamp_format (now);
  g_autoptr(GDateTime) parsed = pamong_timestamp_parse (text);

  g_assert_nonnull (parsed);
  g_assert_true (g_date_time_equal (now, parsed));
  g_assert_true (g_str_has_suffix (text, "Z"));
  g_assert_null (pamong_timestamp_parse ("2026-13-01T00:00:00Z"));
  g_assert_null (pamong_timestamp_parse ("yesterday"));
}

static void
test_date_validation (void)
{
  g_assert_true (pamong_date_is_valid ("2026-03-19"));
  g_assert_true (pamong_date_is_valid ("2024-02-29"));
  g_assert_false (pamong_date_is_valid ("2026-02-29"));
  g_assert_false (pamong_date_is_valid ("2026-3-19"));
  g_assert_false (pamong_date_is_valid ("19-03-2026"));
  g_assert_false (pamong_date_is_valid (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/record/new-record-has-uuid-and-timestamps", test_new_record_has_uuid_and_timestamps);
  g_test_add_func ("/pamong/record/copy-is-equal-and-independent", test_copy_is_equal_and_independent);
  g_test_add_func ("/pamong/record/same-content-ignores-what-the-server-assigns", test_same_content_ignores_what_the_server_assigns);
  g_test_add_func ("/pamong/record/local-fields-are-not-listed-for-the-wire", test_local_fields_are_not_listed_for_the_wire);
  g_test_add_func ("/pamong/record/timestamp-round-trip", test_timestamp_round_trip);
  g_test_add_func ("/pamong/record/date-validation", test_date_validation);

  return g_test_run ();
}
