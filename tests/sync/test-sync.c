/* test-sync.c — the sync engine against the in-process pamong-server
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pamong-core.h"
#include "pamong-sync.h"
#include "server-test-util.h"

typedef struct
{
  PamongTestServer *ts;
  char             *token;
  PamongStore      *store;   /* the client's */
  PamongSync       *sync;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  const char *username = data != NULL ? data : "admin";

  fixture->ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  fixture->token = pamong_test_login_demo (fixture->ts, username);
  fixture->store = pamong_store_open (":memory:", &error);
  g_assert_no_error (error);

  url = pamong_test_server_uri (fixture->ts, "/");
  fixture->sync = pamong_sync_new (fixture->store, url);
  pamong_sync_set_token (fixture->sync, fixture->token);
  pamong_sync_set_page_size (fixture->sync, 700);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->sync);
  g_assert_finalize_object (fixture->store);
  g_free (fixture->token);
  pamong_test_server_free (fixture->ts);
}

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
run_sync (PamongSync  *sync,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pamong_sync_run_async (sync, NULL, on_run_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return pamong_sync_run_finish (sync, result, error);
}

static guint
count_all (PamongStore *store,
           GType        type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongQuery) query = pamong_query_new (type);
  guint n;

  pamong_query_set_include_deleted (query, TRUE);
  n = pamong_store_count (store, query, &error);
  g_assert_no_error (error);
  return n;
}

static guint
count_pending (PamongStore *store)
{
  const GType *types;
  guint n_types;
  guint n = 0;

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) pending = pamong_store_list_pending (store, types[i], &error);

      g_assert_no_error (error);
      n += pending->len;
    }

  return n;
}

static PamongRecord *
lookup (PamongStore *store,
        GType        type,
        const char  *uuid)
{
  g_autoptr(GError) error = NULL;
  PamongRecord *record = pamong_store_lookup (store, type, uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

/* Asserts that the client's row is synced and equal to the server's. */
static void
assert_same_as_server (Fixture    *fixture,
                       GType       type,
                       const char *uuid)
{
  g_autoptr(PamongRecord) mine = lookup (fixture->store, type, uuid);
  g_autoptr(PamongRecord) theirs = lookup (fixture->ts->store, type, uuid);

  g_assert_cmpint (pamong_record_get_local_state (mine), ==, PAMONG_LOCAL_STATE_SYNCED);
  g_assert_cmpint (pamong_record_get_rev (mine), >, 0);
  g_assert_cmpint (pamong_record_get_rev (mine), ==, pamong_record_get_rev (theirs));
  g_assert_cmpint (pamong_record_get_base_rev (mine), ==, pamong_record_get_rev (theirs));
  g_assert_true (pamong_record_equal (mine, theirs, FALSE));
}

static void
first_sync (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (run_sync (fixture->sync, &error));
  g_assert_no_error (error);
}

/* The first live application of the client's store, as a new object. */
static PamongRecord *
some_application (Fixture *fixture,
                  guint    position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_APPLICATION);
  g_autoptr(GListModel) model = pamong_store_query (fixture->store, query, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, position);
  return g_list_model_get_item (model, position);
}

static void
test_first_sync_pulls_the_whole_demo (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  g_autoptr(PamongRecord) app = NULL;
  const GType *types;
  guint n_types;

  first_sync (fixture);

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    g_assert_cmpuint (count_all (fixture->store, types[i]), ==, count_all (fixture->ts->store, types[i]));
  g_assert_cmpuint (count_all (fixture->store, PAMONG_TYPE_APPLICATION), >, 100);
  g_assert_cmpuint (count_pending (fixture->store), ==, 0);

  app = some_application (fixture, 3);
  assert_same_as_server (fixture, PAMONG_TYPE_APPLICATION, pamong_record_get_uuid (app));

  cursor = pamong_store_get_meta (fixture->store, "sync-cursor", &error);
  g_assert_no_error (error);
  g_assert_nonnull (cursor);
  g_assert_cmpint (g_ascii_strtoll (cursor, NULL, 10), >, 0);

  /* A second run has nothing to do and changes nothing. */
  g_assert_true (run_sync (fixture->sync, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_all (fixture->store, PAMONG_TYPE_APPLICATION), ==,
                    count_all (fixture->ts->store, PAMONG_TYPE_APPLICATION));
  g_assert_cmpuint (count_pending (fixture->store), ==, 0);
}

static void
test_create_edit_delete_offline_reach_the_server (Fixture       *fixture,
                                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongUnit) unit = pamong_unit_new ();
  g_autoptr(PamongRecord) app = NULL;
  g_autoptr(PamongRecord) gone = NULL;
  g_autoptr(PamongRecord) theirs = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  guint n_units;

  first_sync (fixture);
  n_units = count_all (fixture->ts->store, PAMONG_TYPE_UNIT);

  /* Create. */
  pamong_record_set_uuid (PAMONG_RECORD (unit), uuid);
  pamong_unit_set_code (unit, "OPD.99");
  pamong_unit_set_name (unit, "Badan Uji Sinkronisasi");
  pamong_unit_set_kind (unit, PAMONG_UNIT_KIND_BOARD);
  g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (unit), &error));
  g_assert_no_error (error);

  /* Edit. */
  app = some_application (fixture, 0);
  pamong_application_set_name (PAMONG_APPLICATION (app), "SiPeta Blora (disunting luring)");
  g_assert_true (pamong_store_save (fixture->store, app, &error));
  g_assert_no_error (error);

  /* Delete. */
  gone = some_application (fixture, 1);
  g_assert_true (pamong_store_delete (fixture->store, gone, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_pending (fixture->store), ==, 3);
  g_assert_true (run_sync (fixture->sync, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (pamong_sync_get_record_errors (fixture->sync)), ==, 0);
  g_assert_cmpuint (count_pending (fixture->store), ==, 0);

  g_assert_cmpuint (count_all (fixture->ts->store, PAMONG_TYPE_UNIT), ==, n_units + 1);
  assert_same_as_server (fixture, PAMONG_TYPE_UNIT, uuid);
  assert_same_as_server (fixture, PAMONG_TYPE_APPLICATION, pamong_record_get_uuid (app));
  assert_same_as_server (fixture, PAMONG_TYPE_APPLICATION, pamong_record_get_uuid (gone));

  theirs = lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION, pamong_record_get_uuid (app));
  g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (theirs)), ==,
                   "SiPeta Blora (disunting luring)");
  g_clear_object (&theirs);
  theirs = lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION, pamong_record_get_uuid (gone));
  g_assert_true (pamong_record_get_deleted (theirs));
}

/* Another client edits @uuid's name on the server through HTTP. */
static void
edit_on_server (Fixture    *fixture,
                const char *uuid,
                const char *name)
{
  g_autoptr(PamongRecord) record = lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION, uuid);
  g_autofree char *path = g_strconcat ("/api/v1/applications/", uuid, NULL);
  g_autofree char *if_match = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", pamong_record_get_rev (record));
  g_autofree char *json = NULL;
  g_autoptr(PamongTestResponse) response = NULL;

  pamong_application_set_name (PAMONG_APPLICATION (record), name);
  json = pamong_codec_encode_string (record);
  response = pamong_test_request_full (fixture->ts, "PUT", path, fixture->token,
                                       "application/json", json, -1,
                                       "If-Match", if_match, NULL);
  g_assert_cmpuint (response->status, ==, 200);
}

static void
test_edit_on_both_sides_is_a_conflict (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongRecord) app = NULL;
  g_autoptr(PamongRecord) mine = NULL;
  g_autoptr(PamongRecord) theirs = NULL;
  g_autoptr(PamongRecord) kept = NULL;
  g_autofree char *server_json = NULL;
  const char *uuid;

  first_sync (fixture);
  app = some_application (fixture, 2);
  uuid = pamong_record_get_uuid (app);

  edit_on_server (fixture, uuid, "Nama dari klien lain");
  pamong_application_set_name (PAMONG_APPLICATION (app), "Nama dari klien ini");
  g_assert_true (pamong_store_save (fixture->store, app, &error));
  g_assert_no_error (error);

  g_assert_true (run_sync (fixture->sync, &error));
  g_assert_no_error (error);

  /* Nothing lost: mine stays local, in conflict; theirs is on the server
   * and kept next to mine. */
  mine = lookup (fixture->store, PAMONG_TYPE_APPLICATION, uuid);
  g_assert_cmpint (pamong_record_get_local_state (mine), ==, PAMONG_LOCAL_STATE_CONFLICT);
  g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (mine)), ==, "Nama dari klien ini");
  theirs = lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION, uuid);
  g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (theirs)), ==, "Nama dari klien lain");

  server_json = pamong_store_get_conflict (fixture->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (server_json);
  kept = pamong_codec_decode_string (PAMONG_TYPE_APPLICATION, server_json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (pamong_record_equal (kept, theirs, FALSE));

  /* A later run does not push the row in conflict nor overwrite it. */
  g_assert_true (run_sync (fixture->sync, &error));
  g_assert_no_error (error);
  g_clear_object (&mine);
  mine = lookup (fixture->store, PAMONG_TYPE_APPLICATION, uuid);
  g_assert_cmpint (pamong_record_get_local_state (mine), ==, PAMONG_LOCAL_STATE_CONFLICT);
  g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (mine)), ==, "Nama dari klien ini");
}

static void
test_server_change_to_a_pending_row_is_a_conflict_on_pull (Fixture       *fixture,
                                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongRecord) app = NULL;
  g_autoptr(PamongRecord) mine = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *server_json = NULL;
  const char *uuid;

  first_sync (fixture);
  app = some_application (fixture, 4);
  uuid = pamong_record_get_uuid (app);

  /* The local edit fails to push (401: token revoked), so the server's
   * change of the same row arrives by pull while the row is still pending. */
  pamong_application_set_name (PAMONG_APPLICATION (app), "Lokal");
  g_assert_true (pamong_store_save (fixture->store, app, &error));
  g_assert_no_error (error);
  edit_on_server (fixture, uuid, "Server");

  pamong_sync_set_token (fixture->sync, "not-a-valid-token");
  g_assert_false (run_sync (fixture->sync, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_cmpuint (count_pending (fixture->store), ==, 1);
  pending = pamong_store_list_pending (fixture->store, PAMONG_TYPE_APPLICATION, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pamong_record_get_local_state (g_ptr_array_index (pending, 0)), ==,
                   PAMONG_LOCAL_STATE_MODIFIED);

  pamong_sync_set_token (fixture->sync, fixture->token);
  g_assert_true (run_sync (fixture->sync, &error));
  g_assert_no_error (error);
  mine = lookup (fixture->store, PAMONG_TYPE_APPLICATION, uuid);
  g_assert_cmpint (pamong_record_get_local_state (mine), ==, PAMONG_LOCAL_STATE_CONFLICT);
  g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (mine)), ==, "Lokal");
  server_json = pamong_store_get_conflict (fixture->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (server_json, "\"Server\""));
}

typedef struct
{
  Fixture *fixture;
  char    *uuid;
  guint    n_batches;
} EditDuringPush;

static void
on_batch_answered (PamongSync *sync,
                   guint       n_records,
                   gpointer    user_data)
{
  EditDuringPush *edit = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongRecord) record = NULL;

  if (edit->n_batches++ > 0)
    return;

  /* The user saves the row while its push is in flight. */
  record = lookup (edit->fixture->store, PAMONG_TYPE_APPLICATION, edit->uuid);
  pamong_application_set_name (PAMONG_APPLICATION (record), "Disunting selama sinkronisasi");
  g_assert_true (pamong_store_save (edit->fixture->store, record, &error));
  g_assert_no_error (error);
}

static void
test_edit_during_push_stays_pending (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongRecord) app = NULL;
  g_autoptr(PamongRecord) mine = NULL;
  g_autoptr(PamongRecord) theirs = NULL;
  EditDuringPush edit = { fixture, NULL, 0 };
  gulong handler;

  first_sync (fixture);
  app = some_application (fixture, 5);
  edit.uuid = g_strdup (pamong_record_get_uuid (app));

  pamong_application_set_name (PAMONG_APPLICATION (app), "Suntingan pertama");
  g_assert_true (pamong_store_save (fixture->store, app, &error));
  g_assert_no_error (error);

  handler = g_signal_connect (fixture->sync, "batch-answered", G_CALLBACK (on_batch_answered), &edit);
  g_assert_true (run_sync (fixture->sync, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (edit.n_batches, ==, 1);

  /* The server has the first edit; the second stays pending against the
   * rev the first got (so it is not a conflict with itself). */
  theirs = lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION, edit.uuid);
  g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (theirs)), ==, "Suntingan pertama");
  mine = lookup (fixture->store, PAMONG_TYPE_APPLICATION, edit.uuid);
  g_assert_cmpint (pamong_record_get_local_state (mine), ==, PAMONG_LOCAL_STATE_MODIFIED);
  g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (mine)), ==, "Disunting selama sinkronisasi");
  g_assert_cmpint (pamong_record_get_base_rev (mine), ==, pamong_record_get_rev (theirs));

  /* The next run sends it. */
  g_assert_true (run_sync (fixture->sync, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (fixture->sync, handler);
  assert_same_as_server (fixture, PAMONG_TYPE_APPLICATION, edit.uuid);
  g_clear_object (&theirs);
  theirs = lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION, edit.uuid);
  g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (theirs)), ==, "Disunting selama sinkronisasi");
  g_free (edit.uuid);
}

static void
test_refused_records_do_not_block_the_queue (Fixture       *fixture,
                                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongUnit) unit = pamong_unit_new ();
  g_autoptr(PamongRecord) app = NULL;
  g_autoptr(PamongRecord) mine = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  GHashTable *errors;
  const char *message;

  /* The viewer may read but not write: every write is a 403. */
  first_sync (fixture);
  pamong_record_set_uuid (PAMONG_RECORD (unit), uuid);
  pamong_unit_set_code (unit, "OPD.98");
  pamong_unit_set_name (unit, "Unit Tamu");
  pamong_unit_set_kind (unit, PAMONG_UNIT_KIND_AGENCY);
  g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (unit), &error));
  app = some_application (fixture, 6);
  pamong_application_set_name (PAMONG_APPLICATION (app), "Tidak boleh");
  g_assert_true (pamong_store_save (fixture->store, app, &error));
  g_assert_no_error (error);

  pamong_sync_set_batch_size (fixture->sync, 1);
  g_assert_true (run_sync (fixture->sync, &error));
  g_assert_no_error (error);

  errors = pamong_sync_get_record_errors (fixture->sync);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 2);
  message = g_hash_table_lookup (errors, uuid);
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");
  g_assert_true (g_hash_table_contains (errors, pamong_record_get_uuid (app)));

  /* Both stay pending, unchanged. */
  g_assert_cmpuint (count_pending (fixture->store), ==, 2);
  mine = lookup (fixture->store, PAMONG_TYPE_APPLICATION, pamong_record_get_uuid (app));
  g_assert_cmpint (pamong_record_get_local_state (mine), ==, PAMONG_LOCAL_STATE_MODIFIED);
  g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (mine)), ==, "Tidak boleh");
}

static void
test_unreachable_server_fails_clearly (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = pamong_store_open (":memory:", &error);
  g_autoptr(PamongSync) sync = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;

  g_assert_no_error (error);

  /* A port that is bound but never listens refuses connections. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  sync = pamong_sync_new (store, url);
  pamong_sync_set_token (sync, "whatever");
  pamong_sync_set_retry (sync, 1, 2, 3);
  g_assert_false (run_sync (sync, &error));
  /* The transport's domain: the scheduler tells "offline" from "refused". */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_assert_nonnull (strstr (error->message, url));
}

static void
test_parents_go_before_children_across_batches (Fixture       *fixture,
                                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongAssessment) assessment = pamong_assessment_new ();
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *assessment_uuid = g_uuid_string_random ();

  first_sync (fixture);

  /* The scores are saved before their assessment; the push still sends
   * the assessment first (collections in sync order), one per batch. */
  for (guint i = 1; i <= 3; i++)
    {
      PamongIndicatorScore *score = pamong_indicator_score_new ();
      g_autofree char *uuid = g_uuid_string_random ();

      pamong_record_set_uuid (PAMONG_RECORD (score), uuid);
      pamong_indicator_score_set_assessment (score, assessment_uuid);
      pamong_indicator_score_set_indicator (score, (int) i);
      pamong_indicator_score_set_level (score, (int) i);
      pamong_indicator_score_set_status (score, PAMONG_REVIEW_STATUS_DRAFT);
      g_ptr_array_add (scores, score);
    }

  pamong_record_set_uuid (PAMONG_RECORD (assessment), assessment_uuid);
  pamong_assessment_set_year (assessment, 2031);
  pamong_assessment_set_framework (assessment, "p59-2020");
  pamong_assessment_set_status (assessment, PAMONG_REVIEW_STATUS_DRAFT);

  /* The store's foreign key wants the parent by the end of the
   * transaction: children first, then the parent, in one. */
  g_assert_true (pamong_store_begin (fixture->store, &error));
  for (guint i = 0; i < scores->len; i++)
    g_assert_true (pamong_store_save (fixture->store, g_ptr_array_index (scores, i), &error));
  g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (assessment), &error));
  g_assert_true (pamong_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  pamong_sync_set_batch_size (fixture->sync, 1);
  g_assert_true (run_sync (fixture->sync, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (pamong_sync_get_record_errors (fixture->sync)), ==, 0);
  g_assert_cmpuint (count_pending (fixture->store), ==, 0);

  assert_same_as_server (fixture, PAMONG_TYPE_ASSESSMENT, assessment_uuid);
  for (guint i = 0; i < scores->len; i++)
    assert_same_as_server (fixture, PAMONG_TYPE_INDICATOR_SCORE,
                           pamong_record_get_uuid (g_ptr_array_index (scores, i)));
}

static void
test_created_then_deleted_offline_never_reaches_the_server (Fixture       *fixture,
                                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongUnit) unit = pamong_unit_new ();
  g_autoptr(PamongRecord) mine = NULL;
  g_autoptr(PamongRecord) theirs = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  guint n_units;

  first_sync (fixture);
  n_units = count_all (fixture->ts->store, PAMONG_TYPE_UNIT);

  pamong_record_set_uuid (PAMONG_RECORD (unit), uuid);
  pamong_unit_set_code (unit, "OPD.97");
  pamong_unit_set_name (unit, "Salah ketik");
  pamong_unit_set_kind (unit, PAMONG_UNIT_KIND_AGENCY);
  g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (unit), &error));
  g_assert_true (pamong_store_delete (fixture->store, PAMONG_RECORD (unit), &error));
  g_assert_no_error (error);

  g_assert_true (run_sync (fixture->sync, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_pending (fixture->store), ==, 0);
  g_assert_cmpuint (count_all (fixture->ts->store, PAMONG_TYPE_UNIT), ==, n_units);
  theirs = pamong_store_lookup (fixture->ts->store, PAMONG_TYPE_UNIT, uuid, &error);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND);
  g_assert_null (theirs);
  g_clear_error (&error);

  mine = lookup (fixture->store, PAMONG_TYPE_UNIT, uuid);
  g_assert_true (pamong_record_get_deleted (mine));
  g_assert_cmpint (pamong_record_get_local_state (mine), ==, PAMONG_LOCAL_STATE_SYNCED);
}

static void
test_cancelled_run_keeps_the_queue (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PamongRecord) app = NULL;

  first_sync (fixture);
  app = some_application (fixture, 7);
  pamong_application_set_name (PAMONG_APPLICATION (app), "Belum terkirim");
  g_assert_true (pamong_store_save (fixture->store, app, &error));
  g_assert_no_error (error);

  pamong_sync_run_async (fixture->sync, cancellable, on_run_done, &result);
  g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (pamong_sync_run_finish (fixture->sync, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_pending (fixture->store), ==, 1);
}

/* A server in front of the in-process one that fails chosen requests and
 * forwards the others; without an upstream it fails every request. */
typedef struct
{
  SoupServer  *server;
  SoupSession *session;
  char        *url;
  char        *upstream;           /* base URL, or NULL */
  guint        fail_status;        /* e.g. 503 */
  const char  *retry_after;        /* the failures' Retry-After, or NULL */
  guint        n_fail_batch;       /* POST /api/v1/batch still to fail */
  guint        n_fail_changes;     /* GET /api/v1/changes still to fail */
  guint        n_lose_batch;       /* batches to forward, answering 503 */
  guint        n_batch;            /* requests seen */
  guint        n_changes;
} Flaky;

typedef struct
{
  SoupServerMessage *msg;   /* paused while the upstream answers */
  gboolean           lose;  /* answer 503 whatever the upstream did */
} Forward;

static void
on_forwarded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Forward *forward = user_data;
  SoupMessage *upstream_msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  const char *content_type;

  g_assert_no_error (error);
  if (forward->lose)
    {
      soup_server_message_set_status (forward->msg, 503, NULL);
    }
  else
    {
      content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (upstream_msg), NULL);
      soup_server_message_set_status (forward->msg, soup_message_get_status (upstream_msg), NULL);
      soup_server_message_set_response (forward->msg,
                                        content_type != NULL ? content_type : "application/octet-stream",
                                        SOUP_MEMORY_COPY,
                                        g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    }
  soup_server_message_unpause (forward->msg);
  g_object_unref (forward->msg);
  g_free (forward);
}

static void
flaky_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  static const char body[] =
    "{\"error\": {\"code\": \"unavailable\", \"message\": \"Sedang pemeliharaan\"}}";
  Flaky *flaky = user_data;
  guint *n_fail = NULL;
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *target = NULL;
  g_autofree char *upstream_uri = NULL;
  g_autoptr(SoupMessage) upstream_msg = NULL;
  g_autoptr(GBytes) request_body = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *value;
  Forward *forward;

  if (g_str_equal (path, "/api/v1/batch"))
    {
      flaky->n_batch++;
      n_fail = &flaky->n_fail_batch;
    }
  else if (g_str_equal (path, "/api/v1/changes"))
    {
      flaky->n_changes++;
      n_fail = &flaky->n_fail_changes;
    }

  if (flaky->upstream == NULL || (n_fail != NULL && *n_fail > 0))
    {
      if (n_fail != NULL && *n_fail > 0)
        (*n_fail)--;
      soup_server_message_set_status (msg, flaky->fail_status, NULL);
      if (flaky->retry_after != NULL)
        soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                      "Retry-After", flaky->retry_after);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
      return;
    }

  target = g_uri_get_query (uri) != NULL
           ? g_strconcat (g_uri_get_path (uri), "?", g_uri_get_query (uri), NULL)
           : g_strdup (g_uri_get_path (uri));
  upstream_uri = g_strconcat (flaky->upstream, target, NULL);
  upstream_msg = soup_message_new (soup_server_message_get_method (msg), upstream_uri);
  g_assert_nonnull (upstream_msg);

  value = soup_message_headers_get_one (headers, "Authorization");
  if (value != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (upstream_msg), "Authorization", value);
  request_body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (request_body) > 0)
    soup_message_set_request_body_from_bytes (upstream_msg,
                                              soup_message_headers_get_content_type (headers, NULL),
                                              request_body);

  forward = g_new0 (Forward, 1);
  forward->msg = g_object_ref (msg);
  if (n_fail == &flaky->n_fail_batch && flaky->n_lose_batch > 0)
    {
      flaky->n_lose_batch--;
      forward->lose = TRUE;
    }
  soup_server_message_pause (msg);
  soup_session_send_and_read_async (flaky->session, upstream_msg, G_PRIORITY_DEFAULT, NULL,
                                    on_forwarded, forward);
}

static Flaky *
flaky_new (PamongTestServer *ts)
{
  g_autoptr(GError) error = NULL;
  Flaky *flaky = g_new0 (Flaky, 1);
  GSList *uris;

  flaky->server = soup_server_new (NULL, NULL);
  flaky->session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  flaky->fail_status = 503;
  if (ts != NULL)
    {
      g_autofree char *base = pamong_test_server_uri (ts, "/");
      gsize len = strlen (base);

      while (len > 0 && base[len - 1] == '/')
        len--;
      flaky->upstream = g_strndup (base, len);
    }

  soup_server_add_handler (flaky->server, NULL, flaky_handler, flaky, NULL);
  g_assert_true (soup_server_listen_local (flaky->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (flaky->server);
  flaky->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return flaky;
}

static void
flaky_free (Flaky *flaky)
{
  soup_server_disconnect (flaky->server);
  g_assert_finalize_object (flaky->server);
  g_assert_finalize_object (flaky->session);
  g_free (flaky->url);
  g_free (flaky->upstream);
  g_free (flaky);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Flaky, flaky_free)

/* A store with one new unit waiting to be pushed. */
static PamongStore *
store_with_one_pending_unit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = pamong_store_open (":memory:", &error);
  g_autoptr(PamongUnit) unit = pamong_unit_new ();
  g_autofree char *uuid = g_uuid_string_random ();

  g_assert_no_error (error);
  pamong_record_set_uuid (PAMONG_RECORD (unit), uuid);
  pamong_unit_set_code (unit, "OPD.96");
  pamong_unit_set_name (unit, "Menunggu");
  pamong_unit_set_kind (unit, PAMONG_UNIT_KIND_AGENCY);
  g_assert_true (pamong_store_save (store, PAMONG_RECORD (unit), &error));
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static void
test_server_error_fails_the_run_and_keeps_the_queue (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = store_with_one_pending_unit ();
  g_autoptr(Flaky) flaky = flaky_new (NULL);
  g_autoptr(PamongSync) sync = NULL;

  sync = pamong_sync_new (store, flaky->url);
  pamong_sync_set_token (sync, "whatever");
  pamong_sync_set_retry (sync, 5, 20, 3);
  g_assert_false (run_sync (sync, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "503"));
  g_assert_nonnull (strstr (error->message, "Sedang pemeliharaan"));
  g_assert_cmpuint (count_pending (store), ==, 1);

  /* Tried the number of attempts allowed, and never went on to the pull. */
  g_assert_cmpuint (flaky->n_batch, ==, 3);
  g_assert_cmpuint (flaky->n_changes, ==, 0);
}

static void
test_client_error_is_not_retried (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = store_with_one_pending_unit ();
  g_autoptr(Flaky) flaky = flaky_new (NULL);
  g_autoptr(PamongSync) sync = NULL;

  flaky->fail_status = 400;
  sync = pamong_sync_new (store, flaky->url);
  pamong_sync_set_token (sync, "whatever");
  pamong_sync_set_retry (sync, 5, 20, 5);
  g_assert_false (run_sync (sync, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "400"));
  g_assert_cmpuint (flaky->n_batch, ==, 1);
  g_assert_cmpuint (count_pending (store), ==, 1);
}

static void
test_transient_errors_are_retried (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Flaky) flaky = flaky_new (fixture->ts);
  g_autoptr(PamongSync) sync = NULL;
  g_autoptr(PamongRecord) app = NULL;
  guint n_changes_direct;

  first_sync (fixture);
  app = some_application (fixture, 3);
  pamong_application_set_name (PAMONG_APPLICATION (app), "Dikirim ulang");
  g_assert_true (pamong_store_save (fixture->store, app, &error));
  g_assert_no_error (error);

  /* The batch fails twice with 503 and Retry-After: 0, the change feed
   * twice with 429 and no Retry-After (the jittered back-off). */
  sync = pamong_sync_new (fixture->store, flaky->url);
  pamong_sync_set_token (sync, fixture->token);
  pamong_sync_set_retry (sync, 5, 20, 5);
  flaky->retry_after = "0";
  flaky->n_fail_batch = 2;
  g_assert_true (run_sync (sync, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (flaky->n_batch, ==, 3);
  g_assert_cmpuint (flaky->n_fail_batch, ==, 0);
  g_assert_cmpuint (count_pending (fixture->store), ==, 0);
  assert_same_as_server (fixture, PAMONG_TYPE_APPLICATION, pamong_record_get_uuid (app));
  n_changes_direct = flaky->n_changes;
  g_assert_cmpuint (n_changes_direct, >=, 1);

  flaky->fail_status = 429;
  flaky->retry_after = NULL;
  flaky->n_fail_changes = 2;
  flaky->n_batch = 0;
  flaky->n_changes = 0;
  edit_on_server (fixture, pamong_record_get_uuid (app), "Diubah di server");
  g_assert_true (run_sync (sync, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (flaky->n_batch, ==, 0);
  g_assert_cmpuint (flaky->n_changes, ==, n_changes_direct + 2);
  assert_same_as_server (fixture, PAMONG_TYPE_APPLICATION, pamong_record_get_uuid (app));

  g_assert_finalize_object (g_steal_pointer (&sync));
}

static void
test_retried_write_already_applied_is_a_success (Fixture       *fixture,
                                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Flaky) flaky = flaky_new (fixture->ts);
  g_autoptr(PamongSync) sync = NULL;
  g_autoptr(PamongRecord) app = NULL;
  g_autoptr(PamongRecord) theirs = NULL;
  gint64 base_rev;

  first_sync (fixture);
  app = some_application (fixture, 5);
  base_rev = pamong_record_get_base_rev (app);
  pamong_application_set_name (PAMONG_APPLICATION (app), "Jawaban hilang");
  g_assert_true (pamong_store_save (fixture->store, app, &error));
  g_assert_no_error (error);

  /* The first try reaches the server but its answer is lost: the retry
   * meets 412 with our own write as the current version. */
  sync = pamong_sync_new (fixture->store, flaky->url);
  pamong_sync_set_token (sync, fixture->token);
  pamong_sync_set_retry (sync, 5, 20, 5);
  flaky->n_lose_batch = 1;
  g_assert_true (run_sync (sync, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (flaky->n_batch, ==, 2);
  g_assert_cmpuint (flaky->n_lose_batch, ==, 0);
  g_assert_cmpuint (count_pending (fixture->store), ==, 0);
  g_assert_cmpuint (g_hash_table_size (pamong_sync_get_record_errors (sync)), ==, 0);

  theirs = lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION, pamong_record_get_uuid (app));
  g_assert_cmpint (pamong_record_get_rev (theirs), >, base_rev);
  g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (theirs)), ==, "Jawaban hilang");
  assert_same_as_server (fixture, PAMONG_TYPE_APPLICATION, pamong_record_get_uuid (app));

  g_assert_finalize_object (g_steal_pointer (&sync));
}

static gboolean
on_tick (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_cancel_during_back_off_returns_at_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = store_with_one_pending_unit ();
  g_autoptr(Flaky) flaky = flaky_new (NULL);
  g_autoptr(PamongSync) sync = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  gboolean waited = FALSE;
  gint64 cancelled_at;

  /* A long wait: Retry-After 30 s within a 60 s cap. */
  flaky->retry_after = "30";
  sync = pamong_sync_new (store, flaky->url);
  pamong_sync_set_token (sync, "whatever");
  pamong_sync_set_retry (sync, 60000, 60000, 5);
  pamong_sync_run_async (sync, cancellable, on_run_done, &result);

  while (flaky->n_batch == 0)
    g_main_context_iteration (NULL, TRUE);
  g_timeout_add (200, on_tick, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (result);

  cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (g_get_monotonic_time () - cancelled_at, <, G_USEC_PER_SEC);

  g_assert_false (pamong_sync_run_finish (sync, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (flaky->n_batch, ==, 1);
  g_assert_cmpuint (count_pending (store), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  pamong_test_init (&argc, &argv);

  g_test_add ("/pamong/sync/first-sync-pulls-the-whole-demo", Fixture, NULL,
              fixture_set_up, test_first_sync_pulls_the_whole_demo, fixture_tear_down);
  g_test_add ("/pamong/sync/create-edit-delete-offline-reach-the-server", Fixture, NULL,
              fixture_set_up, test_create_edit_delete_offline_reach_the_server, fixture_tear_down);
  g_test_add ("/pamong/sync/edit-on-both-sides-is-a-conflict-and-nothing-is-lost", Fixture, NULL,
              fixture_set_up, test_edit_on_both_sides_is_a_conflict, fixture_tear_down);
  g_test_add ("/pamong/sync/server-change-to-a-pending-row-is-a-conflict-on-pull", Fixture, NULL,
              fixture_set_up, test_server_change_to_a_pending_row_is_a_conflict_on_pull, fixture_tear_down);
  g_test_add ("/pamong/sync/edit-during-push-stays-pending", Fixture, NULL,
              fixture_set_up, test_edit_during_push_stays_pending, fixture_tear_down);
  g_test_add ("/pamong/sync/refused-records-do-not-block-the-queue", Fixture, "viewer",
              fixture_set_up, test_refused_records_do_not_block_the_queue, fixture_tear_down);
  g_test_add ("/pamong/sync/parents-go-before-children-across-batches", Fixture, NULL,
              fixture_set_up, test_parents_go_before_children_across_batches, fixture_tear_down);
  g_test_add ("/pamong/sync/created-then-deleted-offline-never-reaches-the-server", Fixture, NULL,
              fixture_set_up, test_created_then_deleted_offline_never_reaches_the_server, fixture_tear_down);
  g_test_add ("/pamong/sync/cancelled-run-keeps-the-queue", Fixture, NULL,
              fixture_set_up, test_cancelled_run_keeps_the_queue, fixture_tear_down);
  g_test_add_func ("/pamong/sync/server-error-fails-the-run-and-keeps-the-queue",
                   test_server_error_fails_the_run_and_keeps_the_queue);
  g_test_add_func ("/pamong/sync/client-error-is-not-retried",
                   test_client_error_is_not_retried);
  g_test_add ("/pamong/sync/transient-errors-are-retried-and-the-run-succeeds", Fixture, NULL,
              fixture_set_up, test_transient_errors_are_retried, fixture_tear_down);
  g_test_add ("/pamong/sync/retried-write-already-applied-is-a-success", Fixture, NULL,
              fixture_set_up, test_retried_write_already_applied_is_a_success, fixture_tear_down);
  g_test_add_func ("/pamong/sync/cancel-during-back-off-returns-at-once",
                   test_cancel_during_back_off_returns_at_once);
  g_test_add_func ("/pamong/sync/unreachable-server-fails-clearly",
                   test_unreachable_server_fails_clearly);

  return g_test_run ();
}
