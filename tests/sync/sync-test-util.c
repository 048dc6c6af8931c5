/* sync-test-util.c — shared helpers of the sync tests: a client store
 * synchronised with the in-process server, and comparisons with it
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sync-test-util.h"

SyncClient *
sync_client_new (const char *path,
                 const char *url,
                 const char *token)
{
  g_autoptr(GError) error = NULL;
  SyncClient *client = g_new0 (SyncClient, 1);

  client->store = pamong_store_open (path != NULL ? path : ":memory:", &error);
  g_assert_no_error (error);
  client->sync = pamong_sync_new (client->store, url);
  pamong_sync_set_token (client->sync, token);
  pamong_sync_set_page_size (client->sync, 2000);
  pamong_sync_set_retry (client->sync, 5, 50, 4);
  return client;
}

void
sync_client_free (SyncClient *client)
{
  g_assert_finalize_object (client->sync);
  g_assert_finalize_object (client->store);
  g_free (client);
}

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

gboolean
sync_run (PamongSync  *sync,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pamong_sync_run_async (sync, NULL, on_run_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return pamong_sync_run_finish (sync, result, error);
}

guint
sync_until_quiet (PamongSync *sync,
                  guint       max_runs)
{
  PamongStore *store = pamong_sync_get_store (sync);

  for (guint run = 1; run <= max_runs; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) count_error = NULL;
      gboolean ok = sync_run (sync, &error);

      if (!ok)
        g_test_message ("run %u: %s", run, error->message);
      if (ok && pamong_store_count_pending (store, &count_error) == 0)
        {
          g_assert_no_error (count_error);
          return run;
        }
    }

  g_error ("the client did not converge in %u runs", max_runs);
  return 0;
}

GHashTable *
sync_all_records (PamongStore *store,
                  GType        type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongQuery) query = pamong_query_new (type);
  g_autoptr(GListModel) model = NULL;
  GHashTable *records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  guint n;

  pamong_query_set_include_deleted (query, TRUE);
  model = pamong_store_query (store, query, &error);
  g_assert_no_error (error);

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      PamongRecord *record = g_list_model_get_item (model, i);

      g_assert_false (g_hash_table_contains (records, pamong_record_get_uuid (record)));
      g_hash_table_insert (records, g_strdup (pamong_record_get_uuid (record)), record);
    }

  return records;
}

void
sync_assert_converged (PamongStore *client,
                       PamongStore *server)
{
  g_autoptr(GError) error = NULL;
  const GType *types;
  guint n_types;

  g_assert_cmpuint (pamong_store_count_pending (client, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (pamong_store_count_conflicts (client, &error), ==, 0);
  g_assert_no_error (error);

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GHashTable) mine = sync_all_records (client, types[i]);
      g_autoptr(GHashTable) theirs = sync_all_records (server, types[i]);
      GHashTableIter iter;
      gpointer key, value;

      guint n_never_sent = 0;

      /* Created and deleted before any sync: a settled tombstone the
       * server never heard of. Anything else must be on both sides. */
      g_hash_table_iter_init (&iter, mine);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (pamong_record_get_rev (value) == 0 && pamong_record_get_deleted (value) &&
            pamong_record_get_local_state (value) == PAMONG_LOCAL_STATE_SYNCED)
          {
            g_assert_false (g_hash_table_contains (theirs, key));
            n_never_sent++;
          }
      g_assert_cmpuint (g_hash_table_size (mine) - n_never_sent, ==, g_hash_table_size (theirs));
      g_hash_table_iter_init (&iter, theirs);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          PamongRecord *server_record = value;
          PamongRecord *client_record = g_hash_table_lookup (mine, key);

          if (client_record == NULL)
            g_error ("%s %s is on the server but not on the client",
                     g_type_name (types[i]), (const char *) key);
          g_assert_cmpint (pamong_record_get_local_state (client_record), ==, PAMONG_LOCAL_STATE_SYNCED);
          g_assert_cmpint (pamong_record_get_rev (client_record), ==, pamong_record_get_rev (server_record));
          if (!pamong_record_equal (client_record, server_record, FALSE))
            {
              g_autofree char *a = pamong_codec_encode_string (client_record);
              g_autofree char *b = pamong_codec_encode_string (server_record);

              g_error ("client and server differ:\n%s\n%s", a, b);
            }
        }
    }
}

PamongRecord *
sync_lookup (PamongStore *store,
             GType        type,
             const char  *uuid)
{
  g_autoptr(GError) error = NULL;
  PamongRecord *record = pamong_store_lookup (store, type, uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

gint64
sync_server_put (PamongTestServer *ts,
                 const char       *token,
                 PamongRecord     *record,
                 gboolean          create)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/%s/%s", pamong_record_get_collection (record),
                                           pamong_record_get_uuid (record));
  g_autofree char *json = pamong_codec_encode_string (record);
  g_autoptr(PamongTestResponse) response = NULL;
  g_autofree char *if_match = NULL;
  JsonObject *answer;

  if (create)
    response = pamong_test_request_full (ts, "PUT", path, token, "application/json", json, -1,
                                         "If-None-Match", "*", NULL);
  else
    {
      g_autoptr(PamongRecord) current = sync_lookup (ts->store, G_OBJECT_TYPE (record),
                                                     pamong_record_get_uuid (record));

      if_match = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", pamong_record_get_rev (current));
      response = pamong_test_request_full (ts, "PUT", path, token, "application/json", json, -1,
                                           "If-Match", if_match, NULL);
    }
  g_assert_cmpuint (response->status, ==, create ? 201 : 200);
  answer = pamong_test_response_object (response);
  return json_object_get_int_member (answer, "rev");
}

PamongRecord *
sync_resolution_by_lot (GRand        *rand,
                        PamongRecord *mine,
                        PamongRecord *theirs)
{
  PamongRecord *resolution;

  if (pamong_record_get_deleted (theirs))
    return g_object_ref (theirs);
  if (pamong_record_get_deleted (mine))
    return g_object_ref (mine);

  switch (g_rand_int_range (rand, 0, 3))
    {
    case 0:
      return g_object_ref (mine);
    case 1:
      return g_object_ref (theirs);
    default:
      resolution = pamong_record_copy (theirs);
      if (PAMONG_IS_APPLICATION (mine))
        pamong_application_set_description (PAMONG_APPLICATION (resolution),
                                            pamong_application_get_description (PAMONG_APPLICATION (mine)));
      return resolution;
    }
}
