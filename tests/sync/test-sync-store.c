/* test-sync-store.c — the store's side of the sync: the pending queue and
 * compare-and-set marking
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pamong-core.h"
#include "pamong-store-migrations.h"
#include "pamong-sync.h"

static PamongUnit *
unit_new (const char *code,
          const char *name)
{
  PamongUnit *unit = pamong_unit_new ();
  g_autofree char *uuid = g_uuid_string_random ();

  pamong_record_set_uuid (PAMONG_RECORD (unit), uuid);
  pamong_unit_set_code (unit, code);
  pamong_unit_set_name (unit, name);
  pamong_unit_set_kind (unit, PAMONG_UNIT_KIND_AGENCY);
  return unit;
}

static guint
count_pending (PamongStore *store,
               GType        type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = pamong_store_list_pending (store, type, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pending);
  return pending->len;
}

static void
test_list_pending_lists_unsynced_rows_in_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = pamong_store_open (":memory:", &error);
  g_autoptr(PamongUnit) synced = unit_new ("OPD.90", "Synced");
  g_autoptr(PamongUnit) first = unit_new ("OPD.91", "First");
  g_autoptr(PamongUnit) second = unit_new ("OPD.92", "Second");
  g_autoptr(GPtrArray) import = g_ptr_array_new ();
  g_autoptr(GPtrArray) pending = NULL;

  g_assert_no_error (error);

  pamong_record_set_rev (PAMONG_RECORD (synced), 7);
  pamong_record_set_base_rev (PAMONG_RECORD (synced), 7);
  g_ptr_array_add (import, synced);
  g_assert_true (pamong_store_import (store, import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_pending (store, PAMONG_TYPE_UNIT), ==, 0);

  g_assert_true (pamong_store_save (store, PAMONG_RECORD (first), &error));
  g_assert_true (pamong_store_save (store, PAMONG_RECORD (second), &error));
  g_assert_true (pamong_store_delete (store, PAMONG_RECORD (synced), &error));
  g_assert_no_error (error);

  pending = pamong_store_list_pending (store, PAMONG_TYPE_UNIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 3);
  /* In the order the rows were first stored. */
  g_assert_cmpstr (pamong_record_get_uuid (g_ptr_array_index (pending, 0)), ==,
                   pamong_record_get_uuid (PAMONG_RECORD (synced)));
  g_assert_cmpint (pamong_record_get_local_state (g_ptr_array_index (pending, 0)), ==,
                   PAMONG_LOCAL_STATE_DELETED);
  g_assert_cmpint (pamong_record_get_base_rev (g_ptr_array_index (pending, 0)), ==, 7);
  g_assert_cmpstr (pamong_record_get_uuid (g_ptr_array_index (pending, 1)), ==,
                   pamong_record_get_uuid (PAMONG_RECORD (first)));
  g_assert_cmpint (pamong_record_get_local_state (g_ptr_array_index (pending, 1)), ==,
                   PAMONG_LOCAL_STATE_CREATED);
  g_assert_true (pamong_record_equal (g_ptr_array_index (pending, 2), PAMONG_RECORD (second), TRUE));

  /* Other collections have nothing pending. */
  g_assert_cmpuint (count_pending (store, PAMONG_TYPE_APPLICATION), ==, 0);
}

static void
test_mark_synced_only_if_the_change_count_did_not_move (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = pamong_store_open (":memory:", &error);
  g_autoptr(PamongUnit) unit = unit_new ("OPD.93", "Before");
  g_autoptr(PamongRecord) read = NULL;
  g_autoptr(PamongRecord) stored = NULL;
  gboolean synced = TRUE;

  g_assert_no_error (error);
  g_assert_true (pamong_store_save (store, PAMONG_RECORD (unit), &error));
  g_assert_no_error (error);

  /* The sync engine reads the row... */
  read = pamong_record_copy (PAMONG_RECORD (unit));
  /* ...the user edits it while the push is in flight... */
  pamong_unit_set_name (unit, "During");
  g_assert_true (pamong_store_save (store, PAMONG_RECORD (unit), &error));
  g_assert_no_error (error);

  /* ...the server accepts the create at rev 40: the row stays pending, now
   * as an update against rev 40. */
  g_assert_true (pamong_store_mark_synced (store, read, 40, &synced, &error));
  g_assert_no_error (error);
  g_assert_false (synced);
  stored = pamong_store_lookup (store, PAMONG_TYPE_UNIT, pamong_record_get_uuid (read), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pamong_record_get_local_state (stored), ==, PAMONG_LOCAL_STATE_MODIFIED);
  g_assert_cmpint (pamong_record_get_base_rev (stored), ==, 40);
  g_assert_cmpint (pamong_record_get_rev (stored), ==, 40);
  g_assert_cmpstr (pamong_unit_get_name (PAMONG_UNIT (stored)), ==, "During");

  /* The next push of it is accepted at rev 41 and nothing moved since. */
  g_assert_true (pamong_store_mark_synced (store, stored, 41, &synced, &error));
  g_assert_no_error (error);
  g_assert_true (synced);
  g_clear_object (&stored);
  stored = pamong_store_lookup (store, PAMONG_TYPE_UNIT, pamong_record_get_uuid (read), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pamong_record_get_local_state (stored), ==, PAMONG_LOCAL_STATE_SYNCED);
  g_assert_cmpint (pamong_record_get_base_rev (stored), ==, 41);
  g_assert_cmpuint (count_pending (store, PAMONG_TYPE_UNIT), ==, 0);
}

static void
test_mark_conflict_keeps_both_versions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = pamong_store_open (":memory:", &error);
  g_autoptr(PamongUnit) unit = unit_new ("OPD.94", "Mine");
  g_autoptr(PamongRecord) stored = NULL;
  g_autofree char *theirs = NULL;
  gboolean synced = TRUE;

  g_assert_no_error (error);
  g_assert_true (pamong_store_save (store, PAMONG_RECORD (unit), &error));
  g_assert_true (pamong_store_mark_conflict (store, PAMONG_RECORD (unit),
                                             "{\"name\": \"Theirs\"}", &error));
  g_assert_no_error (error);

  stored = pamong_store_lookup (store, PAMONG_TYPE_UNIT, pamong_record_get_uuid (PAMONG_RECORD (unit)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pamong_record_get_local_state (stored), ==, PAMONG_LOCAL_STATE_CONFLICT);
  g_assert_cmpstr (pamong_unit_get_name (PAMONG_UNIT (stored)), ==, "Mine");
  theirs = pamong_store_get_conflict (store, pamong_record_get_uuid (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (theirs, ==, "{\"name\": \"Theirs\"}");

  /* A late success for a row in conflict does not clear the conflict. */
  g_assert_true (pamong_store_mark_synced (store, stored, 50, &synced, &error));
  g_assert_no_error (error);
  g_assert_false (synced);
  g_clear_object (&stored);
  stored = pamong_store_lookup (store, PAMONG_TYPE_UNIT, pamong_record_get_uuid (PAMONG_RECORD (unit)), &error);
  g_assert_cmpint (pamong_record_get_local_state (stored), ==, PAMONG_LOCAL_STATE_CONFLICT);
  g_assert_cmpuint (count_pending (store, PAMONG_TYPE_UNIT), ==, 1);
}

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

#define OLD_CONFLICT_UUID "5d1c3f0a-2b7e-4c1d-9e8f-000000000003"
#define OLD_SERVER_JSON \
  "{\"uuid\": \"" OLD_CONFLICT_UUID "\", \"rev\": 12, \"created_at\": \"2025-01-10T02:00:00.000Z\"," \
  " \"updated_at\": \"2025-06-10T02:00:00.000Z\", \"deleted\": false, \"code\": \"2.16\"," \
  " \"name\": \"Dinas Kominfo (server)\", \"short_name\": \"Kominfo\", \"kind\": \"agency\"}"

/* A file as schema 2 wrote it, with a conflict kept in a meta value. */
static void
write_version_2_file (const char *path)
{
  const PamongStoreMigration *migrations;
  guint n;

  migrations = pamong_store_get_migrations (&n);
  g_assert_cmpuint (n, >=, 3);
  exec_sql (path, migrations[0].sql);
  exec_sql (path, migrations[1].sql);
  exec_sql (path,
            "INSERT INTO units (uuid, rev, created_at, updated_at, deleted, local_state,"
            "  base_rev, change_count, code, name, short_name, kind)"
            "  VALUES ('" OLD_CONFLICT_UUID "', 10, '2025-01-10T02:00:00.000Z',"
            "  '2025-06-09T02:00:00.000Z', 0, 'conflict', 10, 3, '2.16', 'Dinas Kominfo (lokal)',"
            "  'Kominfo', 'agency');"
            "INSERT INTO meta (key, value) VALUES ('sync-cursor', '12');"
            "INSERT INTO meta (key, value) VALUES ('sync-conflict:" OLD_CONFLICT_UUID "', '"
            OLD_SERVER_JSON "');"
            "PRAGMA user_version = 2;");
}

static void
test_schema_2_conflicts_move_to_their_table (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pamong-sync-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(PamongRecord) theirs = NULL;
  g_autoptr(PamongAttachment) attachment = NULL;
  g_autoptr(GBytes) content = g_bytes_new_static ("bukti dukung", 12);
  g_autoptr(GBytes) loaded = NULL;
  g_autofree char *cursor = NULL;
  PamongStore *store;

  write_version_2_file (path);

  store = pamong_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pamong_store_get_schema_version (store), ==, PAMONG_STORE_SCHEMA_VERSION);

  /* The conflict reads back with both versions... */
  g_assert_cmpuint (pamong_store_count_conflicts (store, &error), ==, 1);
  g_assert_cmpuint (pamong_store_count_pending (store, &error), ==, 0);
  conflicts = pamong_store_list_conflicts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (pamong_unit_get_name (g_ptr_array_index (conflicts, 0)), ==, "Dinas Kominfo (lokal)");
  theirs = pamong_store_get_conflict_record (store, g_ptr_array_index (conflicts, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pamong_unit_get_name (PAMONG_UNIT (theirs)), ==, "Dinas Kominfo (server)");
  g_assert_cmpint (pamong_record_get_rev (theirs), ==, 12);

  /* ...other meta values stay, the blobs table works. */
  cursor = pamong_store_get_meta (store, "sync-cursor", &error);
  g_assert_cmpstr (cursor, ==, "12");
  attachment = pamong_store_attach (store, g_ptr_array_index (conflicts, 0), "a.txt", "text/plain",
                                    content, &error);
  g_assert_no_error (error);
  loaded = pamong_store_load_blob (store, pamong_attachment_get_sha256 (attachment), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, content));

  /* Resolving takes the server's version as synced. */
  g_assert_true (pamong_store_resolve_conflict (store, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pamong_store_count_conflicts (store, &error), ==, 0);
  g_assert_finalize_object (store);

  g_assert_cmpint (query_int (path, "SELECT count(*) FROM meta WHERE key LIKE 'sync-conflict:%'"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM conflicts"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM units WHERE local_state = 'synced' AND rev = 12"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM blobs WHERE state = 'upload'"), ==, 1);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, PAMONG_STORE_SCHEMA_VERSION);

  g_remove (wal);
  g_remove (shm);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_migrated_conflict_keeps_its_collection (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pamong-sync-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  PamongStore *store;

  write_version_2_file (path);
  store = pamong_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  g_assert_cmpint (query_int (path, "SELECT count(*) FROM conflicts WHERE collection = 'units' "
                                    "AND uuid = '" OLD_CONFLICT_UUID "'"), ==, 1);

  g_remove (wal);
  g_remove (shm);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_blob_states (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = pamong_store_open (":memory:", &error);
  g_autoptr(PamongUnit) unit = unit_new ("OPD.95", "Pemilik");
  g_autoptr(GBytes) content = g_bytes_new_static ("isi berkas", 10);
  g_autoptr(GBytes) damaged = g_bytes_new_static ("isi berkaz", 10);
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GPtrArray) wanted = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  PamongBlobState state;

  g_assert_no_error (error);
  g_assert_true (pamong_store_save (store, PAMONG_RECORD (unit), &error));

  /* A pulled attachment's blob is wanted; a second want changes nothing. */
  g_assert_true (pamong_store_want_blob (store, sha256, 10, &error));
  g_assert_true (pamong_store_want_blob (store, sha256, 10, &error));
  g_assert_no_error (error);
  wanted = pamong_store_list_blobs (store, PAMONG_BLOB_STATE_DOWNLOAD, &error);
  g_assert_cmpuint (wanted->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (wanted, 0), ==, sha256);
  g_assert_null (pamong_store_load_blob (store, sha256, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Damaged content is refused, the right content kept. */
  g_assert_false (pamong_store_put_blob (store, sha256, damaged, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_true (pamong_store_get_blob_state (store, sha256, &state, &error));
  g_assert_cmpint (state, ==, PAMONG_BLOB_STATE_DOWNLOAD);
  g_assert_true (pamong_store_put_blob (store, sha256, content, &error));
  g_assert_no_error (error);
  g_assert_true (pamong_store_get_blob_state (store, sha256, &state, &error));
  g_assert_cmpint (state, ==, PAMONG_BLOB_STATE_SYNCED);
  loaded = pamong_store_load_blob (store, sha256, &error);
  g_assert_true (g_bytes_equal (loaded, content));

  /* Attaching content the server already has does not upload it again. */
  g_clear_object (&unit);
  unit = unit_new ("OPD.96", "Pemilik lain");
  g_assert_true (pamong_store_save (store, PAMONG_RECORD (unit), &error));
  g_assert_null (pamong_store_attach (store, PAMONG_RECORD (unit), "", NULL, content, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD);
  g_clear_error (&error);
  g_clear_object (&unit);
  unit = unit_new ("OPD.97", "Pemilik ketiga");
  g_assert_true (pamong_store_save (store, PAMONG_RECORD (unit), &error));
  {
    g_autoptr(PamongAttachment) attachment =
      pamong_store_attach (store, PAMONG_RECORD (unit), "b.txt", NULL, content, &error);

    g_assert_no_error (error);
    g_assert_nonnull (attachment);
  }
  g_assert_true (pamong_store_get_blob_state (store, sha256, &state, &error));
  g_assert_cmpint (state, ==, PAMONG_BLOB_STATE_SYNCED);
  g_clear_pointer (&wanted, g_ptr_array_unref);
  wanted = pamong_store_list_blobs (store, PAMONG_BLOB_STATE_UPLOAD, &error);
  g_assert_cmpuint (wanted->len, ==, 0);
  g_assert_cmpuint (pamong_store_count_pending (store, &error), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/sync/store/list-pending-lists-unsynced-rows-in-order",
                   test_list_pending_lists_unsynced_rows_in_order);
  g_test_add_func ("/pamong/sync/store/mark-synced-only-if-the-change-count-did-not-move",
                   test_mark_synced_only_if_the_change_count_did_not_move);
  g_test_add_func ("/pamong/sync/store/mark-conflict-keeps-both-versions",
                   test_mark_conflict_keeps_both_versions);
  g_test_add_func ("/pamong/sync/store/schema-2-conflicts-move-to-their-table",
                   test_schema_2_conflicts_move_to_their_table);
  g_test_add_func ("/pamong/sync/store/migrated-conflict-keeps-its-collection",
                   test_migrated_conflict_keeps_its_collection);
  g_test_add_func ("/pamong/sync/store/blob-states",
                   test_blob_states);

  return g_test_run ();
}
