/* bench-server.c — the change feed's throughput over the benchmark dataset
 *
 * Seeds the benchmark set (27,000 applications and 100,000 service
 * requests — 127,000 — with the records that come with them: units,
 * assessments, scores, service types, request events; 532,891 in all) through
 * pamong_server_records_seed(), as the server seeds its demo, then pages
 * through the whole change feed over HTTP on loopback with limit=5000 the
 * way a client's first sync does, parsing every page. Prints the figures;
 * asserts only that every record came, once.
 *
 *   meson test -C _build --benchmark --suite bench -v
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pamong-demo.h"
#include "pamong-enums.h"

#include "pamong-server-auth.h"
#include "pamong-server-records.h"

#include "server-test-util.h"

#define BENCH_PASSWORD "bench-password"

/* The client: pages through the feed on its own thread, with its own
 * main context and session, while the server answers on the main thread —
 * as a separate client would. */
typedef struct
{
  char       *base_uri;
  char       *authorization;
  GHashTable *seen;
  guint       n_received;
  guint       n_pages;
  guint64     bytes;
  gint64      total_time;
  gint64      parse_time;
  char       *failure;
  gint        done;
} FeedClient;

static gboolean
fail_client (FeedClient *client,
             char       *message)
{
  client->failure = message;
  return FALSE;
}

static gboolean
client_page_through (FeedClient  *client,
                     SoupSession *session)
{
  gint64 since = 0;
  gboolean more = TRUE;
  gint64 start = g_get_monotonic_time ();

  while (more)
    {
      g_autofree char *uri = g_strdup_printf ("%sapi/v1/changes?since=%" G_GINT64_FORMAT
                                              "&limit=5000", client->base_uri, since);
      g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, uri);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;
      JsonObject *root;
      JsonArray *changes;
      gint64 parse_start;

      soup_message_headers_replace (soup_message_get_request_headers (msg),
                                    "Authorization", client->authorization);
      body = soup_session_send_and_read (session, msg, NULL, &error);
      if (body == NULL)
        return fail_client (client, g_strdup (error->message));
      if (soup_message_get_status (msg) != SOUP_STATUS_OK)
        return fail_client (client, g_strdup_printf ("the feed answered %u",
                                                     soup_message_get_status (msg)));
      client->bytes += g_bytes_get_size (body);

      /* What a client must do with each page: parse it. */
      parse_start = g_get_monotonic_time ();
      if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                       (gssize) g_bytes_get_size (body), &error))
        return fail_client (client, g_strdup (error->message));
      client->parse_time += g_get_monotonic_time () - parse_start;

      root = json_node_get_object (json_parser_get_root (parser));
      changes = json_object_get_array_member (root, "changes");
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          JsonObject *record = json_object_get_object_member (change, "record");

          if (!g_hash_table_add (client->seen,
                                 g_strdup (json_object_get_string_member (record, "uuid"))))
            return fail_client (client, g_strdup ("a record came twice"));
        }
      client->n_received += json_array_get_length (changes);
      more = json_object_get_boolean_member (root, "more");
      since = json_object_get_int_member (root, "next");
      client->n_pages++;
    }

  client->total_time = g_get_monotonic_time () - start;
  return TRUE;
}

static gboolean
wake_main (gpointer user_data)
{
  return G_SOURCE_REMOVE;
}

static gpointer
client_thread (gpointer data)
{
  FeedClient *client = data;
  g_autoptr(GMainContext) context = g_main_context_new ();

  g_main_context_push_thread_default (context);
  {
    g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL,
                                                                    "timeout", 120,
                                                                    NULL);

    client_page_through (client, session);
  }
  g_main_context_pop_thread_default (context);

  g_atomic_int_set (&client->done, 1);
  g_main_context_invoke (NULL, wake_main, NULL);

  return NULL;
}

static void
bench_change_feed (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_NONE);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  FeedClient client = { 0 };
  GThread *thread;
  PamongDemoOptions options;
  gint64 start;
  gint64 generated;
  gint64 seeded;
  gint64 fetch_time;
  gint64 total_time;
  guint64 bytes = 0;
  guint n_records;
  guint n_pages = 0;
  guint n_received = 0;

  pamong_demo_options_init (&options);
  /* PAMONG_BENCH_SIZE=demo makes a quick run over the small dataset. */
  options.size = g_strcmp0 (g_getenv ("PAMONG_BENCH_SIZE"), "demo") == 0
                 ? PAMONG_DEMO_SIZE_DEMO : PAMONG_DEMO_SIZE_BENCHMARK;

  start = g_get_monotonic_time ();
  records = pamong_demo_generate_records (&options, &error);
  g_assert_no_error (error);
  generated = g_get_monotonic_time ();
  n_records = records->len;

  pamong_server_records_seed (ts->store, records, &error);
  g_assert_no_error (error);
  seeded = g_get_monotonic_time ();
  g_clear_pointer (&records, g_ptr_array_unref);

  g_test_message ("benchmark set: %u records; generated in %.2f s, seeded (one transaction, "
                  "a rev each) in %.2f s = %.0f records/s",
                  n_records, (generated - start) / 1e6, (seeded - generated) / 1e6,
                  n_records / ((seeded - generated) / 1e6));

  pamong_server_users_put (ts->store, "bench", BENCH_PASSWORD, PAMONG_ROLE_VIEWER, NULL,
                           NULL, &error);
  g_assert_no_error (error);
  token = pamong_test_login (ts, "bench", BENCH_PASSWORD);

  client.base_uri = g_strdup (pamong_server_get_uri (ts->server));
  client.authorization = g_strconcat ("Bearer ", token, NULL);
  client.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  thread = g_thread_new ("feed-client", client_thread, &client);
  while (!g_atomic_int_get (&client.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);

  if (client.failure != NULL)
    g_error ("The feed client failed: %s", client.failure);
  g_assert_cmpuint (client.n_received, ==, n_records);
  g_assert_cmpuint (g_hash_table_size (client.seen), ==, n_records);

  n_received = client.n_received;
  n_pages = client.n_pages;
  bytes = client.bytes;
  total_time = client.total_time;
  fetch_time = total_time - client.parse_time;

  g_test_message ("change feed over HTTP on loopback, limit=5000: %u records in %u pages, "
                  "%.1f MiB", n_received, n_pages, bytes / (1024.0 * 1024.0));
  g_test_message ("  served and transferred: %.2f s = %.0f records/s (%.1f ms per page)",
                  fetch_time / 1e6, n_received / (fetch_time / 1e6), fetch_time / 1e3 / n_pages);
  g_test_message ("  with the client parsing each page (json-glib): %.2f s = %.0f records/s",
                  total_time / 1e6, n_received / (total_time / 1e6));

  g_free (client.base_uri);
  g_free (client.authorization);
  g_hash_table_unref (client.seen);
}

int
main (int   argc,
      char *argv[])
{
  pamong_test_init (&argc, &argv);

  g_test_add_func ("/pamong/server/bench/change-feed-throughput", bench_change_feed);

  return g_test_run ();
}
