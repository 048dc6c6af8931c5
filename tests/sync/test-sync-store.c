/* test-sync-store.c — the store's side of the sync: the pending queue and
 * compare-and-set marking
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pamong-core.h"
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

  return g_test_run ();
}
