/* test-sync-faults.c — several clients with hundreds of offline edits
 * converge through a proxy that breaks a share of the server's answers
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sync-test-util.h"

/*
 * The proxy is a SoupServer on loopback that forwards every request to the
 * pamong-server and, for a share of them chosen by a seeded PRNG (the seed
 * is printed; PAMONG_FAULT_SEED=<n> replays a run), does one of:
 *   - answers 503 without forwarding (the server never sees the request);
 *   - forwards, then answers 502 (the write happened, the answer is lost);
 *   - closes the connection before forwarding, or after (a reset);
 *   - forwards, then sends the answer's head and only part of its body;
 *   - forwards, then answers 200 with garbage instead of the body;
 *   - waits up to 200 ms before answering normally.
 */

typedef enum
{
  FAULT_NONE,
  FAULT_5XX_BEFORE,
  FAULT_5XX_AFTER,
  FAULT_RESET_BEFORE,
  FAULT_RESET_AFTER,
  FAULT_TRUNCATED,
  FAULT_GARBAGE,
  FAULT_DELAY,
  N_FAULTS
} Fault;

typedef struct
{
  SoupServer  *server;
  SoupSession *session;
  char        *upstream;   /* without a trailing slash */
  char        *url;
  GRand       *rand;
  guint        percent;    /* of answers that get a fault */
  guint        counts[N_FAULTS];
  guint        n_requests;
} Proxy;

typedef struct
{
  Proxy             *proxy;
  SoupServerMessage *msg;
  Fault              fault;
  guint              delay_ms;
  GBytes            *body;
  guint              status;
  char              *content_type;
} Forward;

static void
forward_free (Forward *forward)
{
  g_clear_object (&forward->msg);
  g_clear_pointer (&forward->body, g_bytes_unref);
  g_free (forward->content_type);
  g_free (forward);
}

static void
reset_connection (SoupServerMessage *msg)
{
  GIOStream *stream = soup_server_message_steal_connection (msg);

  if (stream != NULL)
    {
      g_io_stream_close (stream, NULL, NULL);
      g_object_unref (stream);
    }
}

typedef struct
{
  GIOStream *stream;
  char      *data;
} RawWrite;

static void
on_raw_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RawWrite *raw = user_data;

  g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL);
  g_io_stream_close (raw->stream, NULL, NULL);
  g_object_unref (raw->stream);
  g_free (raw->data);
  g_free (raw);
}

/* Sends the head of the answer with the full Content-Length and only half
 * of the body, then closes the connection. */
static void
send_truncated (Forward *forward)
{
  gsize size = g_bytes_get_size (forward->body);
  gsize half = size / 2;
  GIOStream *stream = soup_server_message_steal_connection (forward->msg);
  g_autoptr(GString) text = NULL;
  RawWrite *raw;

  if (stream == NULL)
    return;

  text = g_string_new (NULL);
  g_string_append_printf (text,
                          "HTTP/1.1 %u OK\r\nContent-Type: %s\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                          forward->status,
                          forward->content_type != NULL ? forward->content_type : "application/json",
                          size + 1);
  g_string_append_len (text, g_bytes_get_data (forward->body, NULL), (gssize) half);

  raw = g_new0 (RawWrite, 1);
  raw->stream = stream;
  raw->data = g_string_free (g_steal_pointer (&text), FALSE);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (stream), raw->data,
                                   strlen (raw->data) > 0 ? strlen (raw->data) : 0,
                                   G_PRIORITY_DEFAULT, NULL, on_raw_written, raw);
}

static void
answer (Forward *forward)
{
  SoupServerMessage *msg = forward->msg;
  Proxy *proxy = forward->proxy;

  switch (forward->fault)
    {
    case FAULT_5XX_AFTER:
      soup_server_message_set_status (msg, 502, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "bad gateway", 11);
      break;
    case FAULT_RESET_AFTER:
      reset_connection (msg);
      return;
    case FAULT_TRUNCATED:
      send_truncated (forward);
      return;
    case FAULT_GARBAGE:
      {
        gsize size = 1 + g_rand_int_range (proxy->rand, 0, 200);
        char *garbage = g_malloc (size);

        /* Half the time something that starts like JSON. */
        for (gsize i = 0; i < size; i++)
          garbage[i] = (char) g_rand_int_range (proxy->rand, 1, 256);
        if (g_rand_boolean (proxy->rand))
          memcpy (garbage, "{\"changes\": [", MIN (size, 13));
        soup_server_message_set_status (msg, forward->status, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, garbage, size);
      }
      break;
    case FAULT_NONE:
    case FAULT_DELAY:
    case FAULT_5XX_BEFORE:
    case FAULT_RESET_BEFORE:
    case N_FAULTS:
    default:
      soup_server_message_set_status (msg, forward->status, NULL);
      soup_server_message_set_response (msg, forward->content_type, SOUP_MEMORY_COPY,
                                        g_bytes_get_data (forward->body, NULL),
                                        g_bytes_get_size (forward->body));
      break;
    }

  soup_server_message_unpause (msg);
}

static gboolean
on_delay_over (gpointer user_data)
{
  Forward *forward = user_data;

  answer (forward);
  forward_free (forward);
  return G_SOURCE_REMOVE;
}

static void
on_forwarded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Forward *forward = user_data;
  SoupMessage *upstream = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GError) error = NULL;

  forward->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (forward->body == NULL)
    {
      /* The server itself is unreachable: a gateway error. */
      forward->body = g_bytes_new_static ("", 0);
      forward->status = 502;
    }
  else
    {
      const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (upstream), NULL);

      forward->status = soup_message_get_status (upstream);
      forward->content_type = g_strdup (type != NULL ? type : "application/octet-stream");
    }

  if (forward->fault == FAULT_DELAY)
    {
      g_timeout_add (forward->delay_ms, on_delay_over, forward);
      return;
    }

  answer (forward);
  forward_free (forward);
}

static void
proxy_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Proxy *proxy = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  g_autofree char *target = NULL;
  g_autoptr(SoupMessage) upstream = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessageBody *request_body;
  Forward *forward;
  Fault fault = FAULT_NONE;
  static const char * const copied[] = { "Authorization", "If-Match", "If-None-Match" };

  proxy->n_requests++;
  if ((guint) g_rand_int_range (proxy->rand, 0, 100) < proxy->percent)
    fault = (Fault) g_rand_int_range (proxy->rand, FAULT_5XX_BEFORE, N_FAULTS);
  proxy->counts[fault]++;

  if (fault == FAULT_5XX_BEFORE)
    {
      soup_server_message_set_status (msg, 503, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "unavailable", 11);
      return;
    }
  if (fault == FAULT_RESET_BEFORE)
    {
      reset_connection (msg);
      return;
    }

  target = g_uri_get_query (uri) != NULL
           ? g_strdup_printf ("%s%s?%s", proxy->upstream, g_uri_get_path (uri), g_uri_get_query (uri))
           : g_strconcat (proxy->upstream, g_uri_get_path (uri), NULL);
  upstream = soup_message_new (soup_server_message_get_method (msg), target);
  g_assert_nonnull (upstream);
  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    {
      const char *value = soup_message_headers_get_one (in, copied[i]);

      if (value != NULL)
        soup_message_headers_replace (soup_message_get_request_headers (upstream), copied[i], value);
    }
  request_body = soup_server_message_get_request_body (msg);
  body = soup_message_body_flatten (request_body);
  if (g_bytes_get_size (body) > 0)
    soup_message_set_request_body_from_bytes (upstream,
                                              soup_message_headers_get_content_type (in, NULL),
                                              body);

  forward = g_new0 (Forward, 1);
  forward->proxy = proxy;
  forward->msg = g_object_ref (msg);
  forward->fault = fault;
  forward->delay_ms = (guint) g_rand_int_range (proxy->rand, 10, 200);
  soup_server_message_pause (msg);
  soup_session_send_and_read_async (proxy->session, upstream, G_PRIORITY_DEFAULT, NULL,
                                    on_forwarded, forward);
}

static Proxy *
proxy_new (const char *upstream,
           guint32     seed,
           guint       percent)
{
  Proxy *proxy = g_new0 (Proxy, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  gsize len = strlen (upstream);

  while (len > 0 && upstream[len - 1] == '/')
    len--;
  proxy->upstream = g_strndup (upstream, len);
  proxy->rand = g_rand_new_with_seed (seed);
  proxy->percent = percent;
  proxy->session = soup_session_new_with_options ("timeout", 30, "max-conns", 64, "max-conns-per-host", 64, NULL);
  proxy->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (proxy->server, NULL, proxy_handler, proxy, NULL);
  g_assert_true (soup_server_listen_local (proxy->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (proxy->server);
  proxy->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return proxy;
}

static void
proxy_free (Proxy *proxy)
{
  soup_server_disconnect (proxy->server);
  g_clear_object (&proxy->server);
  soup_session_abort (proxy->session);
  g_clear_object (&proxy->session);
  g_rand_free (proxy->rand);
  g_free (proxy->upstream);
  g_free (proxy->url);
  g_free (proxy);
}

/* ------------------------------------------------------------ the test */

#define N_CLIENTS        4
#define N_CREATES        120
#define N_CREATE_EDITS   40
#define N_CREATE_DELETES 20
#define N_EDITS          80
#define EDIT_POOL        40
#define N_DELETES        10
#define DELETE_POOL      30

typedef struct
{
  SyncClient *client;
  GRand      *rand;
  GHashTable *created;    /* uuid -> expected name, or "" if deleted before any sync */
  GHashTable *edited;     /* uuid of an application -> the last description written */
  GHashTable *deleted;    /* uuid of an application deleted */
} Client;

static GPtrArray *
live_applications (PamongStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_APPLICATION);
  g_autoptr(GListModel) model = NULL;
  GPtrArray *apps = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  pamong_query_set_sort (query, "name", FALSE);
  model = pamong_store_query (store, query, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (apps, g_list_model_get_item (model, i));
  return apps;
}

static void
make_offline_edits (Client *c,
                    guint   index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) apps = live_applications (c->client->store);
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpuint (apps->len, >=, EDIT_POOL + DELETE_POOL);

  for (guint i = 0; i < N_CREATES; i++)
    {
      PamongUnit *unit = pamong_unit_new ();
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *code = g_strdup_printf ("K%u.%03u", index, i);
      g_autofree char *name = g_strdup_printf ("Unit %u/%u", index, i);

      pamong_record_set_uuid (PAMONG_RECORD (unit), uuid);
      pamong_unit_set_code (unit, code);
      pamong_unit_set_name (unit, name);
      pamong_unit_set_kind (unit, PAMONG_UNIT_KIND_OTHER);
      g_assert_true (pamong_store_save (c->client->store, PAMONG_RECORD (unit), &error));
      g_assert_no_error (error);
      g_hash_table_replace (c->created, g_strdup (uuid), g_strdup (name));
      g_ptr_array_add (units, unit);
    }

  for (guint i = 0; i < N_CREATE_EDITS; i++)
    {
      PamongUnit *unit = g_ptr_array_index (units, g_rand_int_range (c->rand, 0, N_CREATES));
      g_autofree char *name = g_strdup_printf ("Unit %u disunting %u", index, i);

      if (pamong_record_get_deleted (PAMONG_RECORD (unit)))
        continue;
      pamong_unit_set_name (unit, name);
      g_assert_true (pamong_store_save (c->client->store, PAMONG_RECORD (unit), &error));
      g_assert_no_error (error);
      g_hash_table_replace (c->created, g_strdup (pamong_record_get_uuid (PAMONG_RECORD (unit))), g_strdup (name));
    }

  for (guint i = 0; i < N_CREATE_DELETES; i++)
    {
      PamongUnit *unit = g_ptr_array_index (units, g_rand_int_range (c->rand, 0, N_CREATES));

      g_assert_true (pamong_store_delete (c->client->store, PAMONG_RECORD (unit), &error));
      g_assert_no_error (error);
      g_hash_table_replace (c->created, g_strdup (pamong_record_get_uuid (PAMONG_RECORD (unit))), g_strdup (""));
    }

  /* Edits of a pool of applications every client edits: overlaps. */
  for (guint i = 0; i < N_EDITS; i++)
    {
      PamongRecord *app = g_ptr_array_index (apps, g_rand_int_range (c->rand, 0, EDIT_POOL));
      g_autofree char *description = g_strdup_printf ("Klien %u, suntingan %u", index, i);

      pamong_application_set_description (PAMONG_APPLICATION (app), description);
      g_assert_true (pamong_store_save (c->client->store, app, &error));
      g_assert_no_error (error);
      g_hash_table_replace (c->edited, g_strdup (pamong_record_get_uuid (app)), g_strdup (description));
    }

  /* Deletes from another pool, overlapping too. */
  for (guint i = 0; i < N_DELETES; i++)
    {
      PamongRecord *app = g_ptr_array_index (apps, EDIT_POOL + g_rand_int_range (c->rand, 0, DELETE_POOL));

      g_assert_true (pamong_store_delete (c->client->store, app, &error));
      g_assert_no_error (error);
      g_hash_table_add (c->deleted, g_strdup (pamong_record_get_uuid (app)));
    }
}

/* Every conflict resolved: a tombstone on either side wins, otherwise
 * keep mine, take theirs or a merge (theirs with my description), by lot. */
static guint
resolve_conflicts (Client *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = pamong_store_list_conflicts (c->client->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < conflicts->len; i++)
    {
      PamongRecord *mine = g_ptr_array_index (conflicts, i);
      g_autoptr(PamongRecord) theirs = pamong_store_get_conflict_record (c->client->store, mine, &error);
      g_autoptr(PamongRecord) resolution = NULL;

      g_assert_no_error (error);
      if (pamong_record_get_deleted (theirs))
        resolution = g_object_ref (theirs);
      else if (pamong_record_get_deleted (mine))
        resolution = g_object_ref (mine);
      else
        switch (g_rand_int_range (c->rand, 0, 3))
          {
          case 0:
            resolution = g_object_ref (mine);
            break;
          case 1:
            resolution = g_object_ref (theirs);
            break;
          default:
            resolution = pamong_record_copy (theirs);
            if (PAMONG_IS_APPLICATION (mine))
              pamong_application_set_description (PAMONG_APPLICATION (resolution),
                                                  pamong_application_get_description (PAMONG_APPLICATION (mine)));
            break;
          }

      g_assert_true (pamong_store_resolve_conflict (c->client->store, resolution, &error));
      g_assert_no_error (error);
    }

  return conflicts->len;
}

static guint
count_live (PamongStore *store,
            GType        type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongQuery) query = pamong_query_new (type);
  guint n = pamong_store_count (store, query, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_many_clients_converge_through_faults (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "admin");
  g_autofree char *server_url = pamong_test_server_uri (ts, "/");
  const char *seed_env = g_getenv ("PAMONG_FAULT_SEED");
  guint32 seed = seed_env != NULL ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : g_random_int ();
  Proxy *proxy;
  Client clients[N_CLIENTS];
  guint n_base_units;
  guint rounds = 0;
  guint n_conflicts = 0;
  gboolean quiet = FALSE;

  g_test_message ("fault seed %u (replay with PAMONG_FAULT_SEED=%u)", seed, seed);
  g_printerr ("# fault seed %u (replay with PAMONG_FAULT_SEED=%u)\n", seed, seed);
  proxy = proxy_new (server_url, seed, 0);
  n_base_units = count_live (ts->store, PAMONG_TYPE_UNIT);

  for (guint k = 0; k < N_CLIENTS; k++)
    {
      clients[k].client = sync_client_new (NULL, proxy->url, token);
      clients[k].rand = g_rand_new_with_seed (seed + k + 1);
      clients[k].created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      clients[k].edited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      clients[k].deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      pamong_sync_set_batch_size (clients[k].client->sync, 10);
      pamong_sync_set_page_size (clients[k].client->sync, 200);
      pamong_sync_set_retry (clients[k].client->sync, 2, 40, 3);

      /* In step with the server (no faults yet), then offline edits. */
      sync_until_quiet (clients[k].client->sync, 3);
      make_offline_edits (&clients[k], k);
    }

  /* Now a third of the answers go wrong. */
  proxy->percent = 33;
  while (!quiet)
    {
      g_assert_cmpuint (++rounds, <=, 150);
      quiet = TRUE;
      for (guint k = 0; k < N_CLIENTS; k++)
        {
          g_autoptr(GError) error = NULL;
          guint resolved;

          if (!sync_run (clients[k].client->sync, &error))
            quiet = FALSE;
          resolved = resolve_conflicts (&clients[k]);
          n_conflicts += resolved;
          if (resolved > 0 ||
              pamong_store_count_pending (clients[k].client->store, NULL) > 0)
            quiet = FALSE;
        }
    }

  /* Everyone pulls what the others pushed last (faults still on). */
  for (guint k = 0; k < N_CLIENTS; k++)
    {
      guint attempts = 0;
      g_autoptr(GError) error = NULL;

      while (!sync_run (clients[k].client->sync, &error))
        {
          g_assert_cmpuint (++attempts, <, 60);
          g_clear_error (&error);
        }
    }

  g_printerr ("# %u requests through the proxy in %u rounds, %u conflicts resolved; faults:"
              " 5xx-before %u, 5xx-after %u, reset-before %u, reset-after %u, truncated %u,"
              " garbage %u, delay %u\n",
              proxy->n_requests, rounds, n_conflicts,
              proxy->counts[FAULT_5XX_BEFORE], proxy->counts[FAULT_5XX_AFTER],
              proxy->counts[FAULT_RESET_BEFORE], proxy->counts[FAULT_RESET_AFTER],
              proxy->counts[FAULT_TRUNCATED], proxy->counts[FAULT_GARBAGE], proxy->counts[FAULT_DELAY]);
  g_assert_cmpuint (proxy->counts[FAULT_TRUNCATED] + proxy->counts[FAULT_GARBAGE] +
                    proxy->counts[FAULT_RESET_AFTER] + proxy->counts[FAULT_5XX_AFTER], >, 0);

  /* Every store is the server's, record for record. */
  for (guint k = 0; k < N_CLIENTS; k++)
    sync_assert_converged (clients[k].client->store, ts->store);

  /* Nothing lost, nothing duplicated. */
  {
    g_autoptr(GHashTable) units = sync_all_records (ts->store, PAMONG_TYPE_UNIT);
    guint expected_units = n_base_units;

    for (guint k = 0; k < N_CLIENTS; k++)
      {
        GHashTableIter iter;
        gpointer key, value;

        g_hash_table_iter_init (&iter, clients[k].created);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            PamongRecord *unit = g_hash_table_lookup (units, key);

            if (*(const char *) value == '\0')
              {
                /* Deleted before any sync: never on the server. */
                g_assert_null (unit);
                continue;
              }
            expected_units++;
            g_assert_nonnull (unit);
            g_assert_false (pamong_record_get_deleted (unit));
            g_assert_cmpstr (pamong_unit_get_name (PAMONG_UNIT (unit)), ==, value);
          }

        /* An application edited by one client only has its last edit;
         * one edited by several has the last edit of one of them. */
        g_hash_table_iter_init (&iter, clients[k].edited);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            g_autoptr(PamongRecord) app = sync_lookup (ts->store, PAMONG_TYPE_APPLICATION, key);
            const char *description = pamong_application_get_description (PAMONG_APPLICATION (app));
            gboolean someone = FALSE;
            guint n_editors = 0;

            for (guint j = 0; j < N_CLIENTS; j++)
              {
                const char *theirs = g_hash_table_lookup (clients[j].edited, key);

                if (theirs != NULL)
                  n_editors++;
                someone |= g_strcmp0 (theirs, description) == 0;
              }
            g_assert_true (someone);
            if (n_editors == 1)
              g_assert_cmpstr (description, ==, value);
          }

        g_hash_table_iter_init (&iter, clients[k].deleted);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          {
            g_autoptr(PamongRecord) app = sync_lookup (ts->store, PAMONG_TYPE_APPLICATION, key);

            /* A delete only loses to an explicit "take theirs" of an edit,
             * and nobody edits the delete pool. */
            g_assert_true (pamong_record_get_deleted (app));
          }
      }

    g_assert_cmpuint (count_live (ts->store, PAMONG_TYPE_UNIT), ==, expected_units);
  }

  for (guint k = 0; k < N_CLIENTS; k++)
    {
      g_clear_pointer (&clients[k].client, sync_client_free);
      g_rand_free (clients[k].rand);
      g_hash_table_unref (clients[k].created);
      g_hash_table_unref (clients[k].edited);
      g_hash_table_unref (clients[k].deleted);
    }
  proxy_free (proxy);
}

int
main (int   argc,
      char *argv[])
{
  pamong_test_init (&argc, &argv);

  g_test_add_func ("/pamong/sync/faults/many-clients-converge-through-faults",
                   test_many_clients_converge_through_faults);

  return g_test_run ();
}
