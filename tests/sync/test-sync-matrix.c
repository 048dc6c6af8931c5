/* test-sync-matrix.c — the offline state matrix, conflict resolutions,
 * attachments, progress and interruptions, each ending in a comparison of
 * the whole client store with the server's
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pamong-store-sql.h"
#include "sync-test-util.h"

typedef struct
{
  PamongTestServer *ts;
  char             *token;
  char             *url;
  SyncClient       *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  fixture->token = pamong_test_login_demo (fixture->ts, "admin");
  fixture->url = pamong_test_server_uri (fixture->ts, "/");
  fixture->client = sync_client_new (NULL, fixture->url, fixture->token);

  /* Every test starts from a client in step with the server. */
  g_assert_true (sync_run (fixture->client->sync, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->client, sync_client_free);
  g_free (fixture->url);
  g_free (fixture->token);
  pamong_test_server_free (fixture->ts);
}

static void
resync_and_compare (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sync_run (fixture->client->sync, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (pamong_sync_get_record_errors (fixture->client->sync)), ==, 0);
  sync_assert_converged (fixture->client->store, fixture->ts->store);
}

static PamongRecord *
client_application (Fixture *fixture,
                    guint    position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_APPLICATION);
  g_autoptr(GListModel) model = pamong_store_query (fixture->client->store, query, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, position);
  return g_list_model_get_item (model, position);
}

static PamongUnit *
new_unit (const char *code)
{
  PamongUnit *unit = pamong_unit_new ();
  g_autofree char *uuid = g_uuid_string_random ();

  pamong_record_set_uuid (PAMONG_RECORD (unit), uuid);
  pamong_unit_set_code (unit, code);
  pamong_unit_set_name (unit, "Badan Uji Luring");
  pamong_unit_set_kind (unit, PAMONG_UNIT_KIND_BOARD);
  return unit;
}

static void
save (PamongStore  *store,
      PamongRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pamong_store_save (store, record, &error));
  g_assert_no_error (error);
}

static void
delete (PamongStore  *store,
        PamongRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pamong_store_delete (store, record, &error));
  g_assert_no_error (error);
}

static gboolean
server_has (Fixture    *fixture,
            GType       type,
            const char *uuid)
{
  g_autoptr(PamongRecord) record = pamong_store_lookup (fixture->ts->store, type, uuid, NULL);

  return record != NULL;
}

/* --------------------------------------------------------- the matrix */

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PamongUnit) unit = new_unit ("OPD.91");
  g_autoptr(PamongRecord) theirs = NULL;

  save (fixture->client->store, PAMONG_RECORD (unit));
  resync_and_compare (fixture);
  theirs = sync_lookup (fixture->ts->store, PAMONG_TYPE_UNIT, pamong_record_get_uuid (PAMONG_RECORD (unit)));
  g_assert_cmpstr (pamong_unit_get_code (PAMONG_UNIT (theirs)), ==, "OPD.91");
}

static void
test_create_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PamongUnit) unit = new_unit ("OPD.92");
  g_autoptr(PamongRecord) theirs = NULL;

  save (fixture->client->store, PAMONG_RECORD (unit));
  pamong_unit_set_name (unit, "Badan Uji Luring (disunting)");
  save (fixture->client->store, PAMONG_RECORD (unit));
  g_assert_cmpint (pamong_record_get_local_state (PAMONG_RECORD (unit)), ==, PAMONG_LOCAL_STATE_CREATED);
  resync_and_compare (fixture);
  theirs = sync_lookup (fixture->ts->store, PAMONG_TYPE_UNIT, pamong_record_get_uuid (PAMONG_RECORD (unit)));
  g_assert_cmpstr (pamong_unit_get_name (PAMONG_UNIT (theirs)), ==, "Badan Uji Luring (disunting)");
}

static void
test_create_delete (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PamongUnit) unit = new_unit ("OPD.93");
  const char *uuid = pamong_record_get_uuid (PAMONG_RECORD (unit));
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongRecord) mine = NULL;

  save (fixture->client->store, PAMONG_RECORD (unit));
  delete (fixture->client->store, PAMONG_RECORD (unit));
  g_assert_true (sync_run (fixture->client->sync, &error));
  g_assert_no_error (error);

  /* The server never hears of it; the client keeps a settled tombstone. */
  g_assert_false (server_has (fixture, PAMONG_TYPE_UNIT, uuid));
  mine = sync_lookup (fixture->client->store, PAMONG_TYPE_UNIT, uuid);
  g_assert_true (pamong_record_get_deleted (mine));
  g_assert_cmpint (pamong_record_get_local_state (mine), ==, PAMONG_LOCAL_STATE_SYNCED);
  g_assert_cmpuint (pamong_store_count_pending (fixture->client->store, &error), ==, 0);

  /* Apart from that tombstone the stores are identical. */
  g_assert_true (pamong_store_begin (fixture->client->store, &error));
  g_assert_true (pamong_store_exec_param (fixture->client->store, "DELETE FROM units WHERE uuid = ?1",
                                          uuid, "test", &error));
  g_assert_true (pamong_store_commit (fixture->client->store, &error));
  g_assert_no_error (error);
  sync_assert_converged (fixture->client->store, fixture->ts->store);
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(PamongRecord) app = client_application (fixture, 0);
  g_autoptr(PamongRecord) theirs = NULL;

  pamong_application_set_description (PAMONG_APPLICATION (app), "Disunting luring.");
  save (fixture->client->store, app);
  resync_and_compare (fixture);
  theirs = sync_lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION, pamong_record_get_uuid (app));
  g_assert_cmpstr (pamong_application_get_description (PAMONG_APPLICATION (theirs)), ==, "Disunting luring.");
}

static void
test_edit_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PamongRecord) app = client_application (fixture, 1);
  g_autoptr(PamongRecord) theirs = NULL;

  pamong_application_set_description (PAMONG_APPLICATION (app), "Disunting lalu dihapus.");
  save (fixture->client->store, app);
  delete (fixture->client->store, app);
  resync_and_compare (fixture);
  theirs = sync_lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION, pamong_record_get_uuid (app));
  g_assert_true (pamong_record_get_deleted (theirs));
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PamongRecord) app = client_application (fixture, 2);
  g_autoptr(PamongRecord) theirs = NULL;

  delete (fixture->client->store, app);
  resync_and_compare (fixture);
  theirs = sync_lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION, pamong_record_get_uuid (app));
  g_assert_true (pamong_record_get_deleted (theirs));
}

/* Another client changes @uuid's description on the server. */
static void
edit_on_server (Fixture    *fixture,
                const char *uuid,
                const char *description)
{
  g_autoptr(PamongRecord) record = sync_lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION, uuid);

  pamong_application_set_description (PAMONG_APPLICATION (record), description);
  sync_server_put (fixture->ts, fixture->token, record, FALSE);
}

/* Syncs and checks that @uuid is in conflict with both versions kept. */
static PamongRecord *
sync_into_conflict (Fixture    *fixture,
                    const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  PamongRecord *mine;

  g_assert_true (sync_run (fixture->client->sync, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (pamong_store_count_conflicts (fixture->client->store, &error), ==, 1);
  g_assert_cmpuint (pamong_store_count_pending (fixture->client->store, &error), ==, 0);
  conflicts = pamong_store_list_conflicts (fixture->client->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  mine = g_object_ref (g_ptr_array_index (conflicts, 0));
  g_assert_cmpstr (pamong_record_get_uuid (mine), ==, uuid);
  g_assert_cmpint (pamong_record_get_local_state (mine), ==, PAMONG_LOCAL_STATE_CONFLICT);
  return mine;
}

static void
test_delete_here_while_edited_there (Fixture       *fixture,
                                     gconstpointer  data)
{
  gboolean keep_mine = GPOINTER_TO_INT (data);
  g_autoptr(PamongRecord) app = client_application (fixture, 3);
  g_autofree char *uuid = g_strdup (pamong_record_get_uuid (app));
  g_autoptr(PamongRecord) mine = NULL;
  g_autoptr(PamongRecord) theirs = NULL;
  g_autoptr(PamongRecord) server = NULL;
  g_autoptr(GError) error = NULL;

  delete (fixture->client->store, app);
  edit_on_server (fixture, uuid, "Disunting di server.");

  mine = sync_into_conflict (fixture, uuid);
  g_assert_true (pamong_record_get_deleted (mine));
  theirs = pamong_store_get_conflict_record (fixture->client->store, mine, &error);
  g_assert_no_error (error);
  g_assert_false (pamong_record_get_deleted (theirs));
  g_assert_cmpstr (pamong_application_get_description (PAMONG_APPLICATION (theirs)), ==, "Disunting di server.");

  g_assert_true (pamong_store_resolve_conflict (fixture->client->store, keep_mine ? mine : theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pamong_store_count_conflicts (fixture->client->store, &error), ==, 0);
  g_assert_cmpuint (pamong_store_count_pending (fixture->client->store, &error), ==, keep_mine ? 1 : 0);

  resync_and_compare (fixture);
  server = sync_lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION, uuid);
  g_assert_cmpint (pamong_record_get_deleted (server), ==, keep_mine);
}

static void
on_changed (PamongStore *store,
            const char  *collection,
            guint       *n_changed)
{
  g_assert_cmpstr (collection, ==, "applications");
  (*n_changed)++;
}

typedef enum
{
  RESOLVE_KEEP_MINE,
  RESOLVE_TAKE_THEIRS,
  RESOLVE_MERGE,
} Resolution;

static void
test_edit_on_both (Fixture       *fixture,
                   gconstpointer  data)
{
  Resolution how = GPOINTER_TO_INT (data);
  g_autoptr(PamongRecord) app = client_application (fixture, 4);
  g_autofree char *uuid = g_strdup (pamong_record_get_uuid (app));
  g_autoptr(PamongRecord) mine = NULL;
  g_autoptr(PamongRecord) theirs = NULL;
  g_autoptr(PamongRecord) resolution = NULL;
  g_autoptr(PamongRecord) server = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  pamong_application_set_description (PAMONG_APPLICATION (app), "Deskripsi dari klien ini.");
  pamong_application_set_url (PAMONG_APPLICATION (app), "https://klien.example");
  save (fixture->client->store, app);
  edit_on_server (fixture, uuid, "Deskripsi dari klien lain.");

  mine = sync_into_conflict (fixture, uuid);
  g_assert_cmpstr (pamong_application_get_description (PAMONG_APPLICATION (mine)), ==, "Deskripsi dari klien ini.");
  theirs = pamong_store_get_conflict_record (fixture->client->store, mine, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pamong_application_get_description (PAMONG_APPLICATION (theirs)), ==, "Deskripsi dari klien lain.");

  /* A later run neither pushes nor overwrites the row in conflict. */
  g_assert_true (sync_run (fixture->client->sync, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pamong_store_count_conflicts (fixture->client->store, &error), ==, 1);

  switch (how)
    {
    case RESOLVE_KEEP_MINE:
      resolution = g_object_ref (mine);
      break;
    case RESOLVE_TAKE_THEIRS:
      resolution = g_object_ref (theirs);
      break;
    case RESOLVE_MERGE:
    default:
      /* Their description, my url. */
      resolution = pamong_record_copy (mine);
      pamong_application_set_description (PAMONG_APPLICATION (resolution), "Deskripsi dari klien lain.");
      break;
    }

  g_signal_connect (fixture->client->store, "changed", G_CALLBACK (on_changed), &n_changed);
  g_assert_true (pamong_store_resolve_conflict (fixture->client->store, resolution, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  g_signal_handlers_disconnect_by_data (fixture->client->store, &n_changed);

  g_assert_cmpuint (pamong_store_count_conflicts (fixture->client->store, &error), ==, 0);
  g_assert_cmpuint (pamong_store_count_pending (fixture->client->store, &error), ==,
                    how == RESOLVE_TAKE_THEIRS ? 0 : 1);
  g_assert_null (pamong_store_get_conflict (fixture->client->store, uuid, &error));
  g_assert_null (pamong_store_get_conflict_record (fixture->client->store, mine, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  resync_and_compare (fixture);
  server = sync_lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION, uuid);
  switch (how)
    {
    case RESOLVE_KEEP_MINE:
      g_assert_cmpstr (pamong_application_get_description (PAMONG_APPLICATION (server)), ==, "Deskripsi dari klien ini.");
      g_assert_cmpstr (pamong_application_get_url (PAMONG_APPLICATION (server)), ==, "https://klien.example");
      break;
    case RESOLVE_TAKE_THEIRS:
      g_assert_cmpstr (pamong_application_get_description (PAMONG_APPLICATION (server)), ==, "Deskripsi dari klien lain.");
      g_assert_cmpstr (pamong_application_get_url (PAMONG_APPLICATION (server)), !=, "https://klien.example");
      break;
    case RESOLVE_MERGE:
    default:
      g_assert_cmpstr (pamong_application_get_description (PAMONG_APPLICATION (server)), ==, "Deskripsi dari klien lain.");
      g_assert_cmpstr (pamong_application_get_url (PAMONG_APPLICATION (server)), ==, "https://klien.example");
      break;
    }
}

static void
test_resolving_a_row_not_in_conflict_fails (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(PamongRecord) app = client_application (fixture, 5);
  g_autoptr(GError) error = NULL;

  g_assert_false (pamong_store_resolve_conflict (fixture->client->store, app, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (pamong_store_get_conflict_record (fixture->client->store, app, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND);
}

/* ------------------------------------------------------------ progress */

typedef struct
{
  guint            n_push;
  guint            n_pull;
  guint            n_idle;
  guint64          last_push_done;
  guint64          push_total;
  PamongSyncPhase  last_phase;
} Progress;

static void
on_progress (PamongSync      *sync,
             PamongSyncPhase  phase,
             guint64          done,
             guint64          total,
             Progress        *progress)
{
  switch (phase)
    {
    case PAMONG_SYNC_PHASE_PUSH:
      g_assert_cmpuint (progress->n_pull, ==, 0);
      g_assert_cmpuint (done, >=, progress->last_push_done);
      g_assert_cmpuint (done, <=, total);
      progress->last_push_done = done;
      progress->push_total = total;
      progress->n_push++;
      break;
    case PAMONG_SYNC_PHASE_PULL:
      progress->n_pull++;
      break;
    case PAMONG_SYNC_PHASE_IDLE:
    default:
      progress->n_idle++;
      break;
    }
  progress->last_phase = phase;
}

static void
test_progress_is_reported (Fixture       *fixture,
                           gconstpointer  data)
{
  Progress progress = { 0 };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *code = g_strdup_printf ("OPD.P%02u", i);
      g_autoptr(PamongUnit) unit = new_unit (code);

      save (fixture->client->store, PAMONG_RECORD (unit));
    }

  pamong_sync_set_batch_size (fixture->client->sync, 10);
  g_signal_connect (fixture->client->sync, "progress", G_CALLBACK (on_progress), &progress);
  g_assert_true (sync_run (fixture->client->sync, &error));
  g_assert_no_error (error);

  /* The start, then three batches; one page; the end. */
  g_assert_cmpuint (progress.n_push, ==, 4);
  g_assert_cmpuint (progress.push_total, ==, 25);
  g_assert_cmpuint (progress.last_push_done, ==, 25);
  g_assert_cmpuint (progress.n_pull, >=, 1);
  g_assert_cmpuint (progress.n_idle, ==, 1);
  g_assert_cmpint (progress.last_phase, ==, PAMONG_SYNC_PHASE_IDLE);
  sync_assert_converged (fixture->client->store, fixture->ts->store);
}

/* --------------------------------------------------------- attachments */

static GBytes *
sample_content (const char *seed,
                gsize       size)
{
  guint8 *data = g_malloc (size);
  GRand *rand = g_rand_new_with_seed (g_str_hash (seed));

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  return g_bytes_new_take (data, size);
}

static GBytes *
server_blob (Fixture    *fixture,
             const char *sha256)
{
  g_autofree char *path = g_strconcat ("/api/v1/blobs/", sha256, NULL);
  g_autoptr(PamongTestResponse) response = pamong_test_request (fixture->ts, "GET", path, fixture->token, NULL);

  if (response->status != 200)
    return NULL;
  return g_bytes_ref (response->body);
}

static void
test_attachment_goes_up_and_comes_down (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(PamongRecord) app = client_application (fixture, 6);
  g_autoptr(GBytes) content = sample_content ("bukti", 150000);
  g_autoptr(PamongAttachment) attachment = NULL;
  g_autoptr(GBytes) on_server = NULL;
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(SyncClient) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  PamongBlobState state;

  attachment = pamong_store_attach (fixture->client->store, app, "bukti-dukung.pdf",
                                    "application/pdf", content, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attachment);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  g_assert_cmpstr (pamong_attachment_get_sha256 (attachment), ==, sha256);
  g_assert_cmpint (pamong_attachment_get_size (attachment), ==, 150000);
  g_assert_cmpstr (pamong_attachment_get_owner (attachment), ==, pamong_record_get_uuid (app));
  g_assert_cmpstr (pamong_attachment_get_owner_collection (attachment), ==, "applications");
  g_assert_cmpint (pamong_record_get_local_state (PAMONG_RECORD (attachment)), ==, PAMONG_LOCAL_STATE_CREATED);
  g_assert_true (pamong_store_get_blob_state (fixture->client->store, sha256, &state, &error));
  g_assert_cmpint (state, ==, PAMONG_BLOB_STATE_UPLOAD);

  listed = pamong_store_list_attachments (fixture->client->store, pamong_record_get_uuid (app), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  loaded = pamong_store_load_blob (fixture->client->store, sha256, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, content));
  g_clear_pointer (&loaded, g_bytes_unref);

  resync_and_compare (fixture);
  on_server = server_blob (fixture, sha256);
  g_assert_nonnull (on_server);
  g_assert_true (g_bytes_equal (on_server, content));
  g_assert_true (pamong_store_get_blob_state (fixture->client->store, sha256, &state, &error));
  g_assert_cmpint (state, ==, PAMONG_BLOB_STATE_SYNCED);

  /* Another client pulls the record and then its content. */
  other = sync_client_new (NULL, fixture->url, fixture->token);
  g_assert_true (sync_run (other->sync, &error));
  g_assert_no_error (error);
  sync_assert_converged (other->store, fixture->ts->store);
  loaded = pamong_store_load_blob (other->store, sha256, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, content));
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = pamong_store_list_attachments (other->store, pamong_record_get_uuid (app), &error);
  g_assert_cmpuint (listed->len, ==, 1);

  /* Removing it is a delete like any other. */
  delete (fixture->client->store, PAMONG_RECORD (attachment));
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = pamong_store_list_attachments (fixture->client->store, pamong_record_get_uuid (app), &error);
  g_assert_cmpuint (listed->len, ==, 0);
  resync_and_compare (fixture);
}

static void
test_missing_blob_is_fetched_at_a_later_sync (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(PamongRecord) app = client_application (fixture, 7);
  g_autoptr(GBytes) content = sample_content ("belum-diunggah", 4096);
  g_autoptr(PamongAttachment) attachment = pamong_attachment_new ();
  g_autoptr(PamongTestResponse) response = NULL;
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *path = NULL;
  PamongBlobState state;

  /* Another client's attachment record reaches the server before its
   * content does (as an interrupted upload of an older client would). */
  pamong_record_set_uuid (PAMONG_RECORD (attachment), uuid);
  pamong_attachment_set_owner (attachment, pamong_record_get_uuid (app));
  pamong_attachment_set_owner_collection (attachment, "applications");
  pamong_attachment_set_filename (attachment, "foto.jpg");
  pamong_attachment_set_content_type (attachment, "image/jpeg");
  pamong_attachment_set_size (attachment, 4096);
  pamong_attachment_set_sha256 (attachment, sha256);
  sync_server_put (fixture->ts, fixture->token, PAMONG_RECORD (attachment), TRUE);

  /* The run succeeds; the content is wanted, not here. */
  resync_and_compare (fixture);
  g_assert_null (pamong_store_load_blob (fixture->client->store, sha256, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (pamong_store_get_blob_state (fixture->client->store, sha256, &state, &error));
  g_assert_cmpint (state, ==, PAMONG_BLOB_STATE_DOWNLOAD);

  /* Once the server has it, the next sync fetches it. */
  path = g_strconcat ("/api/v1/blobs/", sha256, NULL);
  response = pamong_test_request_full (fixture->ts, "PUT", path, fixture->token,
                                       "application/octet-stream",
                                       g_bytes_get_data (content, NULL), (gssize) g_bytes_get_size (content),
                                       NULL);
  g_assert_cmpuint (response->status, ==, 201);
  resync_and_compare (fixture);
  loaded = pamong_store_load_blob (fixture->client->store, sha256, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, content));
  g_assert_true (pamong_store_get_blob_state (fixture->client->store, sha256, &state, &error));
  g_assert_cmpint (state, ==, PAMONG_BLOB_STATE_SYNCED);
}

static void
test_refused_blob_holds_back_only_its_attachment (Fixture       *fixture,
                                                  gconstpointer  data)
{
  g_autoptr(PamongRecord) app = client_application (fixture, 8);
  g_autoptr(GBytes) big = sample_content ("terlalu-besar", 64 * 1024);
  g_autoptr(GBytes) small = sample_content ("kecil", 1024);
  g_autoptr(PamongAttachment) refused = NULL;
  g_autoptr(PamongAttachment) accepted = NULL;
  g_autoptr(PamongUnit) unit = new_unit ("OPD.94");
  g_autoptr(PamongRecord) mine = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *errors;

  pamong_server_set_blob_limit (fixture->ts->server, 32 * 1024);
  refused = pamong_store_attach (fixture->client->store, app, "besar.bin", NULL, big, &error);
  g_assert_no_error (error);
  accepted = pamong_store_attach (fixture->client->store, app, "kecil.bin", NULL, small, &error);
  g_assert_no_error (error);
  save (fixture->client->store, PAMONG_RECORD (unit));

  g_assert_true (sync_run (fixture->client->sync, &error));
  g_assert_no_error (error);

  errors = pamong_sync_get_record_errors (fixture->client->sync);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 1);
  g_assert_nonnull (g_hash_table_lookup (errors, pamong_record_get_uuid (PAMONG_RECORD (refused))));
  g_assert_false (server_has (fixture, PAMONG_TYPE_ATTACHMENT, pamong_record_get_uuid (PAMONG_RECORD (refused))));
  g_assert_true (server_has (fixture, PAMONG_TYPE_ATTACHMENT, pamong_record_get_uuid (PAMONG_RECORD (accepted))));
  g_assert_true (server_has (fixture, PAMONG_TYPE_UNIT, pamong_record_get_uuid (PAMONG_RECORD (unit))));
  mine = sync_lookup (fixture->client->store, PAMONG_TYPE_ATTACHMENT, pamong_record_get_uuid (PAMONG_RECORD (refused)));
  g_assert_cmpint (pamong_record_get_local_state (mine), ==, PAMONG_LOCAL_STATE_CREATED);

  /* With a larger limit the held-back one goes through. */
  pamong_server_set_blob_limit (fixture->ts->server, 1024 * 1024);
  resync_and_compare (fixture);
}

static void
test_infected_blob_holds_back_only_its_attachment (Fixture       *fixture,
                                                   gconstpointer  data)
{
  /* The server's stand-in malware scanner: infected (exit 1) when the
   * content holds the EICAR marker; another that is down (exit 2). */
  const char * const scanner[] = {
    "sh", "-c", "if grep -q EICAR-STANDARD-ANTIVIRUS-TEST-FILE; then exit 1; fi", NULL
  };
  const char * const broken_scanner[] = { "sh", "-c", "cat >/dev/null; exit 2", NULL };
  static const char eicar[] =
    "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
  g_autoptr(PamongRecord) app = client_application (fixture, 9);
  g_autoptr(GBytes) infected_content = g_bytes_new_static (eicar, sizeof eicar - 1);
  g_autoptr(GBytes) clean_content = sample_content ("bersih", 2048);
  g_autoptr(GBytes) unchecked_content = sample_content ("belum-diperiksa", 2048);
  g_autoptr(PamongAttachment) infected = NULL;
  g_autoptr(PamongAttachment) clean = NULL;
  g_autoptr(PamongAttachment) unchecked = NULL;
  g_autoptr(PamongUnit) unit = new_unit ("OPD.95");
  g_autoptr(PamongRecord) mine = NULL;
  g_autoptr(GError) error = NULL;
  const char *infected_uuid;
  GHashTable *errors;

  pamong_server_set_scan_command (fixture->ts->server, scanner);
  infected = pamong_store_attach (fixture->client->store, app, "eicar.com", NULL,
                                  infected_content, &error);
  g_assert_no_error (error);
  clean = pamong_store_attach (fixture->client->store, app, "bersih.pdf", NULL,
                               clean_content, &error);
  g_assert_no_error (error);
  save (fixture->client->store, PAMONG_RECORD (unit));
  infected_uuid = pamong_record_get_uuid (PAMONG_RECORD (infected));

  /* The sync succeeds; only the infected attachment is held back, with
   * the server's reason, and kept here as it was. */
  g_assert_true (sync_run (fixture->client->sync, &error));
  g_assert_no_error (error);
  errors = pamong_sync_get_record_errors (fixture->client->sync);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 1);
  g_assert_nonnull (strstr (g_hash_table_lookup (errors, infected_uuid), "malware"));
  g_assert_false (server_has (fixture, PAMONG_TYPE_ATTACHMENT, infected_uuid));
  g_assert_null (server_blob (fixture, pamong_attachment_get_sha256 (infected)));
  g_assert_true (server_has (fixture, PAMONG_TYPE_ATTACHMENT,
                             pamong_record_get_uuid (PAMONG_RECORD (clean))));
  g_assert_true (server_has (fixture, PAMONG_TYPE_UNIT, pamong_record_get_uuid (PAMONG_RECORD (unit))));
  mine = sync_lookup (fixture->client->store, PAMONG_TYPE_ATTACHMENT, infected_uuid);
  g_assert_cmpint (pamong_record_get_local_state (mine), ==, PAMONG_LOCAL_STATE_CREATED);

  /* The next sync offers it once more and ends the same way. */
  g_assert_true (sync_run (fixture->client->sync, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (errors = pamong_sync_get_record_errors (fixture->client->sync)), ==, 1);
  g_assert_true (g_hash_table_contains (errors, infected_uuid));

  /* A scanner that is down holds back the new attachment too (after the
   * retries), and the rest of the sync still goes through. */
  pamong_server_set_scan_command (fixture->ts->server, broken_scanner);
  unchecked = pamong_store_attach (fixture->client->store, app, "belum.pdf", NULL,
                                   unchecked_content, &error);
  g_assert_no_error (error);
  g_clear_object (&mine);
  mine = sync_lookup (fixture->client->store, PAMONG_TYPE_UNIT, pamong_record_get_uuid (PAMONG_RECORD (unit)));
  pamong_unit_set_name (PAMONG_UNIT (mine), "Badan Uji Pemindai");
  save (fixture->client->store, mine);
  g_assert_true (sync_run (fixture->client->sync, &error));
  g_assert_no_error (error);
  errors = pamong_sync_get_record_errors (fixture->client->sync);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 2);
  g_assert_true (g_hash_table_contains (errors, pamong_record_get_uuid (PAMONG_RECORD (unchecked))));
  g_assert_false (server_has (fixture, PAMONG_TYPE_ATTACHMENT,
                              pamong_record_get_uuid (PAMONG_RECORD (unchecked))));
  g_clear_object (&mine);
  mine = sync_lookup (fixture->ts->store, PAMONG_TYPE_UNIT, pamong_record_get_uuid (PAMONG_RECORD (unit)));
  g_assert_cmpstr (pamong_unit_get_name (PAMONG_UNIT (mine)), ==, "Badan Uji Pemindai");

  /* Once the server stops refusing, everything goes up. */
  pamong_server_set_scan_command (fixture->ts->server, NULL);
  resync_and_compare (fixture);
}

/* ------------------------------------------------------- interruptions */

typedef struct
{
  Fixture *fixture;
  guint    n_batches;
  gboolean done;
} Interruption;

static void
on_batch_revoke_token (PamongSync   *sync,
                       guint         n_records,
                       Interruption *interruption)
{
  g_autoptr(PamongTestResponse) response = NULL;

  if (interruption->n_batches++ != 0 || interruption->done)
    return;

  /* The token ends (logout elsewhere) while the push is under way. */
  response = pamong_test_request (interruption->fixture->ts, "POST", "/api/v1/auth/logout",
                                  interruption->fixture->token, NULL);
  g_assert_cmpuint (response->status / 100, ==, 2);
  interruption->done = TRUE;
}

static void
test_token_expiring_mid_sync_keeps_the_queue (Fixture       *fixture,
                                              gconstpointer  data)
{
  Interruption interruption = { fixture, 0, FALSE };
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  guint pending;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *code = g_strdup_printf ("OPD.T%02u", i);
      g_autoptr(PamongUnit) unit = new_unit (code);

      save (fixture->client->store, PAMONG_RECORD (unit));
    }

  pamong_sync_set_batch_size (fixture->client->sync, 10);
  g_signal_connect (fixture->client->sync, "batch-answered", G_CALLBACK (on_batch_revoke_token), &interruption);
  g_assert_false (sync_run (fixture->client->sync, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_true (interruption.done);

  /* The first batch went through; the rest is still queued. */
  pending = pamong_store_count_pending (fixture->client->store, &error);
  g_assert_cmpuint (pending, ==, 20);

  token = pamong_test_login_demo (fixture->ts, "admin");
  pamong_sync_set_token (fixture->client->sync, token);
  resync_and_compare (fixture);
}

typedef struct
{
  Fixture *fixture;
  guint16  port;
  gboolean restarted;
  guint    n_batches;
} Restart;

static gboolean
on_restart_timeout (gpointer user_data)
{
  Restart *restart = user_data;
  PamongTestServer *ts = restart->fixture->ts;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_strdup_printf ("127.0.0.1:%u", restart->port);

  ts->server = pamong_server_new (ts->store);
  g_assert_true (pamong_server_listen (ts->server, address, &error));
  g_assert_no_error (error);
  restart->restarted = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_batch_stop_server (PamongSync *sync,
                      guint       n_records,
                      Restart    *restart)
{
  PamongTestServer *ts = restart->fixture->ts;

  if (restart->n_batches++ != 1)
    return;

  /* The server goes away for a moment and comes back. */
  pamong_server_disconnect (ts->server);
  g_clear_object (&ts->server);
  g_timeout_add (150, on_restart_timeout, restart);
}

static void
test_server_restarting_mid_sync (Fixture       *fixture,
                                 gconstpointer  data)
{
  Restart restart = { fixture, 0, FALSE, 0 };
  g_autoptr(GUri) uri = g_uri_parse (fixture->url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;

  restart.port = (guint16) g_uri_get_port (uri);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *code = g_strdup_printf ("OPD.R%02u", i);
      g_autoptr(PamongUnit) unit = new_unit (code);

      save (fixture->client->store, PAMONG_RECORD (unit));
    }

  pamong_sync_set_batch_size (fixture->client->sync, 10);
  pamong_sync_set_retry (fixture->client->sync, 20, 200, 12);
  g_signal_connect (fixture->client->sync, "batch-answered", G_CALLBACK (on_batch_stop_server), &restart);

  /* The run rides out the restart with its retries. */
  g_assert_true (sync_run (fixture->client->sync, &error));
  g_assert_no_error (error);
  g_assert_true (restart.restarted);
  g_assert_cmpuint (restart.n_batches, ==, 4);
  sync_assert_converged (fixture->client->store, fixture->ts->store);
}

/* -------------------------------------------------- lost answers */

/* As if @record had been sent and the server applied it, but the answer
 * never came back (a reset, a crash). */
static void
send_and_lose_the_answer (Fixture      *fixture,
                          PamongRecord *record,
                          gboolean      create)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (batch, record);
  g_assert_true (pamong_store_note_sent (fixture->client->store, batch, &error));
  g_assert_no_error (error);
  sync_server_put (fixture->ts, fixture->token, record, create);
}

static void
test_lost_create_answer_then_delete (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(PamongUnit) unit = new_unit ("OPD.95");
  g_autoptr(PamongRecord) theirs = NULL;
  const char *uuid = pamong_record_get_uuid (PAMONG_RECORD (unit));

  save (fixture->client->store, PAMONG_RECORD (unit));
  send_and_lose_the_answer (fixture, PAMONG_RECORD (unit), TRUE);
  delete (fixture->client->store, PAMONG_RECORD (unit));
  g_assert_cmpint (pamong_record_get_rev (PAMONG_RECORD (unit)), ==, 0);

  /* Not settled locally: the server has the create, the delete follows. */
  sync_until_quiet (fixture->client->sync, 3);
  g_assert_cmpuint (pamong_store_count_conflicts (fixture->client->store, NULL), ==, 0);
  resync_and_compare (fixture);
  theirs = sync_lookup (fixture->ts->store, PAMONG_TYPE_UNIT, uuid);
  g_assert_true (pamong_record_get_deleted (theirs));
}

static void
test_lost_edit_answer_then_edit_again (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(PamongRecord) app = client_application (fixture, 9);
  g_autoptr(PamongRecord) theirs = NULL;

  pamong_application_set_description (PAMONG_APPLICATION (app), "Suntingan pertama.");
  save (fixture->client->store, app);
  send_and_lose_the_answer (fixture, app, FALSE);
  pamong_application_set_description (PAMONG_APPLICATION (app), "Suntingan kedua.");
  save (fixture->client->store, app);

  /* Our own first edit is not a conflict: the second one goes on top. */
  sync_until_quiet (fixture->client->sync, 3);
  g_assert_cmpuint (pamong_store_count_conflicts (fixture->client->store, NULL), ==, 0);
  resync_and_compare (fixture);
  theirs = sync_lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION, pamong_record_get_uuid (app));
  g_assert_cmpstr (pamong_application_get_description (PAMONG_APPLICATION (theirs)), ==, "Suntingan kedua.");
}

/* ------------------------------------------------------ a damaged feed */

#define FEED_GOOD_1 "0a4f7d2e-1111-4c3b-8a2d-000000000001"
#define FEED_BAD    "0a4f7d2e-1111-4c3b-8a2d-000000000002"
#define FEED_GOOD_2 "0a4f7d2e-1111-4c3b-8a2d-000000000003"

static void
serve_damaged_feed (SoupServer        *server,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  static const char page[] =
    "{\"changes\": ["
    "{\"collection\": \"units\", \"record\": {\"uuid\": \"" FEED_GOOD_1 "\", \"rev\": 1, \"deleted\": false, \"created_at\": \"2026-01-02T03:04:05.000Z\", \"updated_at\": \"2026-01-02T03:04:05.000Z\","
    " \"code\": \"OPD.01\", \"name\": \"Satu\", \"kind\": \"agency\"}},"
    "{\"collection\": \"units\", \"record\": {\"uuid\": \"" FEED_BAD "\", \"rev\": 2, \"deleted\": false, \"created_at\": \"2026-01-02T03:04:05.000Z\", \"updated_at\": \"2026-01-02T03:04:05.000Z\","
    " \"code\": \"OPD.02\", \"name\": \"Dua\", \"kind\": \"no-such-kind\"}},"
    "{\"collection\": \"units\", \"record\": {\"uuid\": \"" FEED_GOOD_2 "\", \"rev\": 3, \"deleted\": false, \"created_at\": \"2026-01-02T03:04:05.000Z\", \"updated_at\": \"2026-01-02T03:04:05.000Z\","
    " \"code\": \"OPD.03\", \"name\": \"Tiga\", \"kind\": \"board\"}}],"
    " \"next\": 3, \"more\": false}";
  static const char empty[] = "{\"changes\": [], \"next\": 3, \"more\": false}";
  const char *since = query != NULL ? g_hash_table_lookup (query, "since") : NULL;
  const char *body = g_strcmp0 (since, "0") == 0 ? page : empty;

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
}

static void
test_undecodable_record_does_not_fail_the_page (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SyncClient) client = NULL;
  g_autoptr(PamongRecord) good = NULL;
  g_autofree char *url = NULL;
  g_autofree char *cursor = NULL;
  GSList *uris;
  GHashTable *errors;

  soup_server_add_handler (server, "/api/v1/changes", serve_damaged_feed, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  client = sync_client_new (NULL, url, "token");
  g_assert_true (sync_run (client->sync, &error));
  g_assert_no_error (error);

  /* The good records are in, the bad one is reported by uuid, and the
   * cursor is past the page: the next run does not fetch it again. */
  good = sync_lookup (client->store, PAMONG_TYPE_UNIT, FEED_GOOD_1);
  g_clear_object (&good);
  good = sync_lookup (client->store, PAMONG_TYPE_UNIT, FEED_GOOD_2);
  g_assert_null (pamong_store_lookup (client->store, PAMONG_TYPE_UNIT, FEED_BAD, NULL));
  errors = pamong_sync_get_record_errors (client->sync);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 1);
  g_assert_nonnull (strstr (g_hash_table_lookup (errors, FEED_BAD), "kind"));
  cursor = pamong_store_get_meta (client->store, "sync-cursor", &error);
  g_assert_cmpstr (cursor, ==, "3");

  g_assert_true (sync_run (client->sync, &error));
  g_assert_no_error (error);
  g_clear_pointer (&client, sync_client_free);
  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  pamong_test_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add ("/pamong/sync/matrix/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("create", test_create, NULL);
  ADD ("create-edit", test_create_edit, NULL);
  ADD ("create-delete", test_create_delete, NULL);
  ADD ("edit", test_edit, NULL);
  ADD ("edit-delete", test_edit_delete, NULL);
  ADD ("delete", test_delete, NULL);
  ADD ("delete-here-edited-there-keep-mine", test_delete_here_while_edited_there, GINT_TO_POINTER (TRUE));
  ADD ("delete-here-edited-there-take-theirs", test_delete_here_while_edited_there, GINT_TO_POINTER (FALSE));
  ADD ("edit-on-both-keep-mine", test_edit_on_both, GINT_TO_POINTER (RESOLVE_KEEP_MINE));
  ADD ("edit-on-both-take-theirs", test_edit_on_both, GINT_TO_POINTER (RESOLVE_TAKE_THEIRS));
  ADD ("edit-on-both-merged-per-field", test_edit_on_both, GINT_TO_POINTER (RESOLVE_MERGE));
  ADD ("resolving-a-row-not-in-conflict-fails", test_resolving_a_row_not_in_conflict_fails, NULL);
  ADD ("progress-is-reported", test_progress_is_reported, NULL);
  ADD ("lost-create-answer-then-delete", test_lost_create_answer_then_delete, NULL);
  ADD ("lost-edit-answer-then-edit-again", test_lost_edit_answer_then_edit_again, NULL);
  ADD ("attachment-goes-up-and-comes-down", test_attachment_goes_up_and_comes_down, NULL);
  ADD ("missing-blob-is-fetched-at-a-later-sync", test_missing_blob_is_fetched_at_a_later_sync, NULL);
  ADD ("refused-blob-holds-back-only-its-attachment", test_refused_blob_holds_back_only_its_attachment, NULL);
  ADD ("infected-blob-holds-back-only-its-attachment", test_infected_blob_holds_back_only_its_attachment, NULL);
  ADD ("token-expiring-mid-sync-keeps-the-queue", test_token_expiring_mid_sync_keeps_the_queue, NULL);
  ADD ("server-restarting-mid-sync", test_server_restarting_mid_sync, NULL);

#undef ADD

  g_test_add_func ("/pamong/sync/matrix/undecodable-record-does-not-fail-the-page",
                   test_undecodable_record_does_not_fail_the_page);

  return g_test_run ();
}
