/* test-store.c — the local store: opening, saving, deleting, importing
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store-test-util.h"

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

static void
test_open_creates_wal_file (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autofree char *journal_mode = NULL;
  g_autofree char *user_version = NULL;
  g_autoptr(PamongUnit) unit = test_make_unit ("1.01", "Dinas Pendidikan");
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongIndicatorScore) orphan = pamong_indicator_score_new ();

  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (pamong_store_get_path (fixture->store), ==, fixture->path);
  g_assert_cmpuint (pamong_store_get_schema_version (fixture->store), ==, PAMONG_STORE_SCHEMA_VERSION);

  journal_mode = query_text (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  user_version = query_text (fixture->path, "PRAGMA user_version");
  g_assert_cmpint (atoi (user_version), ==, PAMONG_STORE_SCHEMA_VERSION);

  g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (unit), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));

  /* foreign_keys is on: a score of an assessment that does not exist is refused. */
  pamong_indicator_score_set_assessment (orphan, "00000000-0000-4000-8000-00000000dead");
  pamong_indicator_score_set_indicator (orphan, 1);
  g_assert_false (pamong_store_save (fixture->store, PAMONG_RECORD (orphan), &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
  g_assert_cmpint (pamong_record_get_local_state (PAMONG_RECORD (orphan)), ==, PAMONG_LOCAL_STATE_SYNCED);
  g_assert_cmpint (pamong_record_get_change_count (PAMONG_RECORD (orphan)), ==, 0);
}

static void
test_memory_store (void)
{
  g_autoptr(GError) error = NULL;
  PamongStore *store = pamong_store_open (":memory:", &error);
  g_autoptr(PamongUnit) unit = test_make_unit ("1.01", "Dinas Pendidikan");
  g_autoptr(PamongRecord) found = NULL;

  g_assert_no_error (error);
  g_assert_true (pamong_store_save (store, PAMONG_RECORD (unit), &error));
  found = pamong_store_lookup (store, PAMONG_TYPE_UNIT, pamong_record_get_uuid (PAMONG_RECORD (unit)), &error);
  g_assert_no_error (error);
  g_assert_true (pamong_record_equal (found, PAMONG_RECORD (unit), TRUE));
  g_assert_finalize_object (store);
}

static void
test_unit_round_trip (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(PamongUnit) unit = test_make_unit ("4.01", "Dinas Komunikasi dan Informatika");
  g_autoptr(PamongRecord) found = NULL;
  g_autoptr(GError) error = NULL;

  pamong_unit_set_short_name (unit, "Dinkominfo");
  pamong_unit_set_kind (unit, PAMONG_UNIT_KIND_KECAMATAN);

  g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (unit), &error));
  g_assert_no_error (error);

  found = pamong_store_lookup (fixture->store, PAMONG_TYPE_UNIT,
                               pamong_record_get_uuid (PAMONG_RECORD (unit)), &error);
  g_assert_no_error (error);
  g_assert_true (PAMONG_IS_UNIT (found));
  g_assert_cmpstr (pamong_unit_get_name (PAMONG_UNIT (found)), ==, "Dinas Komunikasi dan Informatika");
  g_assert_cmpstr (pamong_unit_get_short_name (PAMONG_UNIT (found)), ==, "Dinkominfo");
  g_assert_cmpint (pamong_unit_get_kind (PAMONG_UNIT (found)), ==, PAMONG_UNIT_KIND_KECAMATAN);
  g_assert_true (pamong_record_equal (found, PAMONG_RECORD (unit), TRUE));

  g_clear_object (&found);
  found = pamong_store_lookup (fixture->store, PAMONG_TYPE_UNIT, "no-such-uuid", &error);
  g_assert_null (found);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND);
}

static void
test_application_round_trip (StoreFixture  *fixture,
                             gconstpointer  data)
{
  g_autoptr(PamongApplication) app = test_make_application ("SIMPEG", "unit-bkd", PAMONG_APP_STATUS_ACTIVE);
  g_autoptr(PamongServiceRequest) request = test_make_request ("BLA-2026-000001", "Siti Aminah", "KTP hilang");
  g_autoptr(GDateTime) completed = g_date_time_new_utc (2026, 3, 5, 9, 15, 30.25);
  g_autoptr(PamongRecord) found_app = NULL;
  g_autoptr(PamongRecord) found_request = NULL;
  g_autoptr(GError) error = NULL;
  const char * const services[] = { "Kepegawaian", "Mutasi \"pegawai\"", "Cuti, izin", NULL };
  const char * const empty[] = { NULL };

  pamong_application_set_supported_services (app, services);
  pamong_application_set_data_used (app, empty);
  pamong_application_set_year_built (app, 2019);
  pamong_application_set_plan (app, PAMONG_APP_PLAN_INTEGRATE);
  pamong_application_set_plan_target (app, "SRIKANDI");
  pamong_application_set_plan_date (app, "2026-12-31");
  pamong_application_set_description (app, "Sistem informasi kepegawaian — ß, é, 漢字");

  pamong_service_request_set_completed_at (request, completed);
  pamong_service_request_set_has_location (request, TRUE);
  pamong_service_request_set_latitude (request, -6.9695);
  pamong_service_request_set_longitude (request, 111.4183);
  pamong_service_request_set_status (request, PAMONG_REQUEST_STATUS_IN_PROGRESS);

  g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (app), &error));
  g_assert_no_error (error);
  g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (request), &error));
  g_assert_no_error (error);

  found_app = pamong_store_lookup (fixture->store, PAMONG_TYPE_APPLICATION,
                                   pamong_record_get_uuid (PAMONG_RECORD (app)), &error);
  g_assert_no_error (error);
  g_assert_true (pamong_record_equal (found_app, PAMONG_RECORD (app), TRUE));
  g_assert_cmpstrv (pamong_application_get_supported_services (PAMONG_APPLICATION (found_app)), services);
  g_assert_cmpint (pamong_application_get_year_built (PAMONG_APPLICATION (found_app)), ==, 2019);
  g_assert_cmpint (pamong_application_get_plan (PAMONG_APPLICATION (found_app)), ==, PAMONG_APP_PLAN_INTEGRATE);

  found_request = pamong_store_lookup (fixture->store, PAMONG_TYPE_SERVICE_REQUEST,
                                       pamong_record_get_uuid (PAMONG_RECORD (request)), &error);
  g_assert_no_error (error);
  g_assert_true (pamong_record_equal (found_request, PAMONG_RECORD (request), TRUE));
  g_assert_true (pamong_service_request_get_has_location (PAMONG_SERVICE_REQUEST (found_request)));
  g_assert_cmpfloat (pamong_service_request_get_latitude (PAMONG_SERVICE_REQUEST (found_request)), ==, -6.9695);
  g_assert_true (g_date_time_equal (pamong_service_request_get_completed_at (PAMONG_SERVICE_REQUEST (found_request)),
                                    completed));
}

static void
on_changed (PamongStore *store,
            const char  *collection,
            GPtrArray   *log)
{
  g_ptr_array_add (log, g_strdup (collection));
}

static void
test_save_marks_created_then_modified (StoreFixture  *fixture,
                                       gconstpointer  data)
{
  g_autoptr(PamongUnit) unit = test_make_unit ("1.02", "Dinas Kesehatan");
  g_autoptr(PamongUnit) synced = test_make_unit ("1.03", "Dinas Sosial");
  g_autoptr(PamongRecord) found = NULL;
  g_autoptr(PamongRecord) copy = NULL;
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  g_autoptr(GDateTime) old = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  PamongRecord *record = PAMONG_RECORD (unit);

  g_signal_connect (fixture->store, "changed::units", G_CALLBACK (on_changed), log);

  pamong_record_set_updated_at (record, old);
  g_assert_true (pamong_store_save (fixture->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pamong_record_get_local_state (record), ==, PAMONG_LOCAL_STATE_CREATED);
  g_assert_cmpint (pamong_record_get_change_count (record), ==, 1);
  g_assert_true (g_date_time_compare (pamong_record_get_updated_at (record), old) > 0);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (log, 0), ==, "units");

  /* Never pushed: a second edit keeps it a create, but counts. */
  pamong_unit_set_name (unit, "Dinas Kesehatan Kabupaten Blora");
  g_assert_true (pamong_store_save (fixture->store, record, &error));
  g_assert_cmpint (pamong_record_get_local_state (record), ==, PAMONG_LOCAL_STATE_CREATED);
  g_assert_cmpint (pamong_record_get_change_count (record), ==, 2);
  g_assert_cmpuint (log->len, ==, 2);

  found = pamong_store_lookup (fixture->store, PAMONG_TYPE_UNIT, pamong_record_get_uuid (record), &error);
  g_assert_cmpstr (pamong_unit_get_name (PAMONG_UNIT (found)), ==, "Dinas Kesehatan Kabupaten Blora");
  g_assert_cmpint (pamong_record_get_change_count (found), ==, 2);
  g_clear_object (&found);

  /* A row the server has (rev 7, synced) becomes modified against rev 7. */
  pamong_record_set_rev (PAMONG_RECORD (synced), 7);
  pamong_record_set_base_rev (PAMONG_RECORD (synced), 7);
  g_ptr_array_add (batch, synced);
  g_assert_true (pamong_store_import (fixture->store, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 3);

  copy = pamong_store_lookup (fixture->store, PAMONG_TYPE_UNIT,
                              pamong_record_get_uuid (PAMONG_RECORD (synced)), &error);
  g_assert_cmpint (pamong_record_get_local_state (copy), ==, PAMONG_LOCAL_STATE_SYNCED);
  pamong_unit_set_short_name (PAMONG_UNIT (copy), "Dinsos");
  g_assert_true (pamong_store_save (fixture->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pamong_record_get_local_state (copy), ==, PAMONG_LOCAL_STATE_MODIFIED);
  g_assert_cmpint (pamong_record_get_base_rev (copy), ==, 7);
  g_assert_cmpint (pamong_record_get_rev (copy), ==, 7);
  g_assert_cmpint (pamong_record_get_change_count (copy), ==, 1);

  g_assert_true (pamong_store_save (fixture->store, copy, &error));
  g_assert_cmpint (pamong_record_get_local_state (copy), ==, PAMONG_LOCAL_STATE_MODIFIED);
  g_assert_cmpint (pamong_record_get_change_count (copy), ==, 2);

  found = pamong_store_lookup (fixture->store, PAMONG_TYPE_UNIT,
                               pamong_record_get_uuid (PAMONG_RECORD (synced)), &error);
  g_assert_true (pamong_record_equal (found, copy, TRUE));
  g_assert_cmpstr (pamong_unit_get_short_name (PAMONG_UNIT (found)), ==, "Dinsos");
  g_assert_cmpuint (log->len, ==, 5);

  g_signal_handlers_disconnect_by_data (fixture->store, log);
}

static void
test_delete_leaves_tombstone (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autoptr(PamongUnit) kept = test_make_unit ("2.01", "Badan Keuangan");
  g_autoptr(PamongUnit) doomed = test_make_unit ("2.02", "Badan Kepegawaian");
  g_autoptr(PamongUnit) never_saved = test_make_unit ("2.03", "Inspektorat");
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_UNIT);
  g_autoptr(PamongRecord) found = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(PamongRecord) item = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (kept), &error));
  g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (doomed), &error));
  g_assert_cmpuint (pamong_store_count (fixture->store, query, &error), ==, 2);

  g_assert_true (pamong_store_delete (fixture->store, PAMONG_RECORD (doomed), &error));
  g_assert_no_error (error);
  g_assert_true (pamong_record_get_deleted (PAMONG_RECORD (doomed)));
  g_assert_cmpint (pamong_record_get_local_state (PAMONG_RECORD (doomed)), ==, PAMONG_LOCAL_STATE_DELETED);
  g_assert_cmpint (pamong_record_get_change_count (PAMONG_RECORD (doomed)), ==, 2);

  /* Deleting a tombstone again changes nothing. */
  g_assert_true (pamong_store_delete (fixture->store, PAMONG_RECORD (doomed), &error));
  g_assert_cmpint (pamong_record_get_change_count (PAMONG_RECORD (doomed)), ==, 2);

  found = pamong_store_lookup (fixture->store, PAMONG_TYPE_UNIT,
                               pamong_record_get_uuid (PAMONG_RECORD (doomed)), &error);
  g_assert_no_error (error);
  g_assert_true (pamong_record_get_deleted (found));
  g_assert_cmpint (pamong_record_get_local_state (found), ==, PAMONG_LOCAL_STATE_DELETED);
  g_assert_cmpstr (pamong_unit_get_name (PAMONG_UNIT (found)), ==, "Badan Kepegawaian");

  g_assert_cmpuint (pamong_store_count (fixture->store, query, &error), ==, 1);
  model = pamong_store_query (fixture->store, query, &error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpstr (pamong_record_get_uuid (item), ==, pamong_record_get_uuid (PAMONG_RECORD (kept)));
  g_clear_object (&model);

  pamong_query_set_include_deleted (query, TRUE);
  g_assert_cmpuint (pamong_store_count (fixture->store, query, &error), ==, 2);

  g_assert_false (pamong_store_delete (fixture->store, PAMONG_RECORD (never_saved), &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Saving the tombstone undeleted restores it; the server never saw it. */
  pamong_record_set_deleted (found, FALSE);
  g_assert_true (pamong_store_save (fixture->store, found, &error));
  g_assert_cmpint (pamong_record_get_local_state (found), ==, PAMONG_LOCAL_STATE_CREATED);
  pamong_query_set_include_deleted (query, FALSE);
  g_assert_cmpuint (pamong_store_count (fixture->store, query, &error), ==, 2);
}

static void
test_import_in_one_transaction (StoreFixture  *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(PamongQuery) events = pamong_query_new (PAMONG_TYPE_REQUEST_EVENT);
  g_autoptr(PamongRequestEvent) orphan = pamong_request_event_new ();
  g_autoptr(PamongRecord) found = NULL;
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 start;
  guint n = 5000;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), log);

  /* Children before their parents: foreign keys are checked at commit. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *tracking = g_strdup_printf ("BLA-2026-%06u", i);
      PamongServiceRequest *request = test_make_request (tracking, "Budi Santoso", "Akta kelahiran");
      PamongRequestEvent *event = pamong_request_event_new ();

      pamong_record_set_rev (PAMONG_RECORD (request), i + 1);
      pamong_request_event_set_request (event, pamong_record_get_uuid (PAMONG_RECORD (request)));
      pamong_request_event_set_kind (event, PAMONG_EVENT_KIND_CREATED);
      g_ptr_array_add (records, event);
      g_ptr_array_add (records, request);
    }

  start = g_get_monotonic_time ();
  g_assert_true (pamong_store_import (fixture->store, records, &error));
  g_assert_no_error (error);
  g_test_message ("imported %u records in %.3f s", records->len,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  /* One "changed" per collection, not per record. */
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpuint (pamong_store_count (fixture->store, query, &error), ==, n);
  g_assert_cmpuint (pamong_store_count (fixture->store, events, &error), ==, n);

  /* Stored as given: the local state stays synced, rev as set. */
  found = pamong_store_lookup (fixture->store, PAMONG_TYPE_SERVICE_REQUEST,
                               pamong_record_get_uuid (g_ptr_array_index (records, 99)), &error);
  g_assert_no_error (error);
  g_assert_true (pamong_record_equal (found, g_ptr_array_index (records, 99), TRUE));
  g_assert_cmpint (pamong_record_get_local_state (found), ==, PAMONG_LOCAL_STATE_SYNCED);
  g_assert_cmpint (pamong_record_get_rev (found), ==, 50);

  /* A batch with one bad record stores nothing at all. */
  g_ptr_array_set_size (records, 0);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *tracking = g_strdup_printf ("BLA-2027-%06u", i);

      g_ptr_array_add (records, test_make_request (tracking, "Ani", NULL));
    }
  pamong_request_event_set_request (orphan, "00000000-0000-4000-8000-000000000000");
  g_ptr_array_add (records, g_object_ref (orphan));
  g_assert_false (pamong_store_import (fixture->store, records, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_STORE);
  g_clear_error (&error);
  g_assert_cmpuint (pamong_store_count (fixture->store, query, &error), ==, n);
  g_assert_cmpuint (log->len, ==, 2);

  g_signal_handlers_disconnect_by_data (fixture->store, log);
}

static void
test_reopen_keeps_data (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(PamongApplication) app = test_make_application ("SRIKANDI", "unit-1", PAMONG_APP_STATUS_ACTIVE);
  g_autoptr(PamongRecord) found = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *gone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (app), &error));
  g_assert_true (pamong_store_set_meta (fixture->store, "sync-cursor", "1234", &error));
  g_assert_no_error (error);

  /* A rolled-back transaction leaves nothing behind. */
  g_assert_true (pamong_store_begin (fixture->store, &error));
  g_assert_true (pamong_store_set_meta (fixture->store, "sync-cursor", "9999", &error));
  g_assert_true (pamong_store_set_meta (fixture->store, "scratch", "x", &error));
  pamong_store_rollback (fixture->store);

  store_fixture_reopen (fixture);

  found = pamong_store_lookup (fixture->store, PAMONG_TYPE_APPLICATION,
                               pamong_record_get_uuid (PAMONG_RECORD (app)), &error);
  g_assert_no_error (error);
  g_assert_true (pamong_record_equal (found, PAMONG_RECORD (app), TRUE));
  g_assert_cmpint (pamong_record_get_local_state (found), ==, PAMONG_LOCAL_STATE_CREATED);

  cursor = pamong_store_get_meta (fixture->store, "sync-cursor", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cursor, ==, "1234");
  gone = pamong_store_get_meta (fixture->store, "scratch", &error);
  g_assert_no_error (error);
  g_assert_null (gone);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_set_up, func, store_fixture_tear_down)

  ADD ("/pamong/store/open-creates-a-wal-file-with-foreign-keys", test_open_creates_wal_file);
  g_test_add_func ("/pamong/store/in-memory-store-works", test_memory_store);
  ADD ("/pamong/store/unit-round-trips", test_unit_round_trip);
  ADD ("/pamong/store/application-and-request-round-trip", test_application_round_trip);
  ADD ("/pamong/store/save-marks-created-then-modified", test_save_marks_created_then_modified);
  ADD ("/pamong/store/delete-leaves-a-hidden-tombstone", test_delete_leaves_tombstone);
  ADD ("/pamong/store/import-is-one-transaction", test_import_in_one_transaction);
  ADD ("/pamong/store/reopened-file-keeps-the-data", test_reopen_keeps_data);

  return g_test_run ();
}
