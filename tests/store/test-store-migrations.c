/* test-store-migrations.c — old files are upgraded, newer ones refused
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "pamong-store-migrations.h"
#include "store-test-util.h"

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 result;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

static const char *
step_sql (guint version)
{
  const PamongStoreMigration *migrations;
  guint n;

  migrations = pamong_store_get_migrations (&n);
  g_assert_cmpuint (version, >=, 1);
  g_assert_cmpuint (version, <=, n);
  g_assert_cmpuint (migrations[version - 1].version, ==, version);

  return migrations[version - 1].sql;
}

static void
test_steps_are_numbered (void)
{
  const PamongStoreMigration *migrations;
  guint n;

  migrations = pamong_store_get_migrations (&n);
  g_assert_cmpuint (n, ==, PAMONG_STORE_SCHEMA_VERSION);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (migrations[i].version, ==, i + 1);
      g_assert_nonnull (migrations[i].sql);
      g_assert_true (sqlite3_complete (migrations[i].sql));
    }
}

/* A file as the first release wrote it: the tables, no search index. */
static void
write_version_1_file (const char *path)
{
  exec_sql (path, step_sql (1));
  exec_sql (path,
            "INSERT INTO units (uuid, rev, created_at, updated_at, deleted, local_state,"
            "  base_rev, change_count, code, name, short_name, kind)"
            "  VALUES ('0b9f6f0e-8a4c-4c43-9d43-0c5e2b1f0001', 3, '2025-01-10T02:00:00.000Z',"
            "  '2025-01-10T02:00:00.000Z', 0, 'synced', 3, 0, '2.16', 'Dinas Komunikasi dan Informatika',"
            "  'Dinkominfo', 'agency');"
            "INSERT INTO applications (uuid, rev, created_at, updated_at, deleted, local_state,"
            "  base_rev, change_count, name, description, function, category, basis, license,"
            "  operator_unit, year_built, status, plan, supported_services)"
            "  VALUES ('0b9f6f0e-8a4c-4c43-9d43-0c5e2b1f0002', 4, '2025-01-11T02:00:00.000Z',"
            "  '2025-02-11T03:04:05.678Z', 0, 'synced', 4, 0, 'SRIKANDI',"
            "  'Sistem Informasi Kearsipan Dinamis Terintegrasi', 'Persuratan', 'umum', 'web',"
            "  'proprietary', '0b9f6f0e-8a4c-4c43-9d43-0c5e2b1f0001', 2021, 'active', 'keep',"
            "  '[\"Naskah dinas\",\"Disposisi\"]');"
            "INSERT INTO applications (uuid, rev, created_at, updated_at, deleted, local_state,"
            "  base_rev, change_count, name, category, basis, license, operator_unit, status, plan)"
            "  VALUES ('0b9f6f0e-8a4c-4c43-9d43-0c5e2b1f0003', 0, '2025-03-01T00:00:00.000Z',"
            "  '2025-03-01T00:00:00.000Z', 0, 'created', 0, 1, 'E-Surat Blora', 'khusus', 'web',"
            "  'open-source', '0b9f6f0e-8a4c-4c43-9d43-0c5e2b1f0001', 'retired', 'integrate');"
            "INSERT INTO service_requests (uuid, rev, created_at, updated_at, deleted, local_state,"
            "  base_rev, change_count, tracking_number, service_type, applicant_name, status,"
            "  submitted_at, has_location, latitude, longitude)"
            "  VALUES ('0b9f6f0e-8a4c-4c43-9d43-0c5e2b1f0004', 5, '2025-04-01T01:00:00.000Z',"
            "  '2025-04-01T01:00:00.000Z', 0, 'synced', 5, 0, 'BLA-2025-000042',"
            "  '0b9f6f0e-8a4c-4c43-9d43-0c5e2b1f0009', 'Sri Rahayu', 'verified',"
            "  '2025-04-01T01:00:00.000Z', 1, -6.97, 111.42);"
            "PRAGMA user_version = 1;");
}

static void
test_migrates_version_1_file (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(PamongQuery) apps = pamong_query_new (PAMONG_TYPE_APPLICATION);
  g_autoptr(PamongQuery) requests = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(PamongRecord) app = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GObject) item = NULL;
  g_autoptr(PamongApplication) added = NULL;
  g_autoptr(GError) error = NULL;
  const char * const services[] = { "Naskah dinas", "Disposisi", NULL };
  g_autoptr(GDateTime) updated = g_date_time_new_utc (2025, 2, 11, 3, 4, 5.678);
  PamongStore *store;

  write_version_1_file (path);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'applications_fts'"), ==, 0);

  store = pamong_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pamong_store_get_schema_version (store), ==, PAMONG_STORE_SCHEMA_VERSION);

  /* The old rows read back as records… */
  app = pamong_store_lookup (store, PAMONG_TYPE_APPLICATION, "0b9f6f0e-8a4c-4c43-9d43-0c5e2b1f0002", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (app)), ==, "SRIKANDI");
  g_assert_cmpstrv (pamong_application_get_supported_services (PAMONG_APPLICATION (app)), services);
  g_assert_cmpint (pamong_application_get_category (PAMONG_APPLICATION (app)), ==, PAMONG_APP_CATEGORY_UMUM);
  g_assert_cmpint (pamong_application_get_license (PAMONG_APPLICATION (app)), ==, PAMONG_APP_LICENSE_PROPRIETARY);
  g_assert_cmpint (pamong_record_get_rev (app), ==, 4);
  g_assert_true (g_date_time_equal (pamong_record_get_updated_at (app), updated));

  /* …and are searchable. */
  pamong_query_set_search (apps, "srik");
  model = pamong_store_query (store, apps, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpstr (pamong_record_get_uuid (PAMONG_RECORD (item)), ==, "0b9f6f0e-8a4c-4c43-9d43-0c5e2b1f0002");

  pamong_query_set_search (apps, "kearsipan terintegrasi");
  g_assert_cmpuint (pamong_store_count (store, apps, &error), ==, 1);
  pamong_query_set_search (apps, "blora");
  g_assert_cmpuint (pamong_store_count (store, apps, &error), ==, 1);
  pamong_query_set_search (requests, "rahayu");
  g_assert_cmpuint (pamong_store_count (store, requests, &error), ==, 1);
  pamong_query_set_search (requests, "BLA-2025-00004");
  g_assert_cmpuint (pamong_store_count (store, requests, &error), ==, 1);

  /* New rows go into the index as well. */
  added = test_make_application ("Sistem Rujukan Terpadu", "0b9f6f0e-8a4c-4c43-9d43-0c5e2b1f0001",
                                 PAMONG_APP_STATUS_ACTIVE);
  g_assert_true (pamong_store_save (store, PAMONG_RECORD (added), &error));
  g_assert_no_error (error);
  pamong_query_set_search (apps, "rujuk");
  g_assert_cmpuint (pamong_store_count (store, apps, &error), ==, 1);

  g_clear_object (&item);
  g_clear_object (&model);
  g_clear_object (&app);
  g_assert_finalize_object (store);

  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, PAMONG_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM applications_fts WHERE applications_fts MATCH 'srikandi'"), ==, 1);

  test_remove_dir (dir);
}

static void
test_failed_step_changes_nothing (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "clash.db", NULL);
  g_autoptr(GError) error = NULL;
  PamongStore *store;

  /* Something already named like a table step 2 creates: step 2 fails. */
  write_version_1_file (path);
  exec_sql (path, "CREATE TABLE service_requests_fts (x TEXT);");

  store = pamong_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "2"));

  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'applications_fts'"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM applications"), ==, 2);

  test_remove_dir (dir);
}

static void
test_refuses_newer_file (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", PAMONG_STORE_SCHEMA_VERSION + 1);
  g_autoptr(GError) error = NULL;
  PamongStore *store;

  exec_sql (path, step_sql (1));
  exec_sql (path, pragma);

  store = pamong_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_SCHEMA_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Pamong"));
  g_assert_nonnull (strstr (error->message, path));

  /* The file is left as it was. */
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, PAMONG_STORE_SCHEMA_VERSION + 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'applications_fts'"), ==, 0);

  test_remove_dir (dir);
}

static void
test_missing_column_is_reported (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "drift.db", NULL);
  g_autoptr(GError) error = NULL;
  PamongStore *store;

  store = pamong_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  /* As if a property had been added without a migration step. */
  exec_sql (path, "ALTER TABLE units DROP COLUMN short_name;");

  store = pamong_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "short_name"));
  g_assert_nonnull (strstr (error->message, "short-name"));
  g_assert_nonnull (strstr (error->message, "migration"));
  g_clear_error (&error);

  /* A column of the wrong type is caught too. */
  exec_sql (path, "ALTER TABLE units ADD COLUMN short_name INTEGER;");
  store = pamong_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "units.short_name"));

  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/store/migration-steps-are-numbered", test_steps_are_numbered);
  g_test_add_func ("/pamong/store/version-1-file-is-migrated-and-searchable", test_migrates_version_1_file);
  g_test_add_func ("/pamong/store/failed-migration-step-changes-nothing", test_failed_step_changes_nothing);
  g_test_add_func ("/pamong/store/newer-file-is-refused", test_refuses_newer_file);
  g_test_add_func ("/pamong/store/field-without-column-is-reported", test_missing_column_is_reported);

  return g_test_run ();
}
