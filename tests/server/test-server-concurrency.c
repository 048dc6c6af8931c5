/* test-server-concurrency.c — many clients writing the same records at once
 *
 * Eight clients, each in its own thread with its own GMainContext and
 * SoupSession, make 100 read-modify-write updates each to two shared
 * records over HTTP: append a token of their own to the description,
 * PUT with If-Match, and on 412 start again from the current record the
 * server sent back. The server runs on the main thread.
 *
 * Afterwards every token a client saw accepted must be in the record
 * exactly once (no lost update, nothing duplicated), each record's
 * accepted writes must form one chain of revs (every write was made
 * against the rev the previous one produced), and the revs must be
 * strictly increasing and never handed out twice.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pamong-application.h"
#include "pamong-codec.h"

#include "server-test-util.h"

#define N_CLIENTS 8
#define N_UPDATES 100
#define N_SHARED 2

typedef struct
{
  gint64 if_match;
  gint64 rev;
  guint  shared;
} Accepted;

typedef struct
{
  guint       id;
  char       *base_uri;
  char       *token;
  char      **paths;       /* N_SHARED record paths */
  GArray     *accepted;    /* Accepted, in the order the client saw them */
  guint       n_conflicts;
  char       *failure;     /* set when something unexpected happened */
  gint       *n_running;
  GMainContext *server_context;
} Client;

static gboolean
wake_main (gpointer user_data)
{
  return G_SOURCE_REMOVE;
}

static GBytes *
client_send (SoupSession  *session,
             Client       *client,
             const char   *method,
             const char   *path,
             const char   *if_match,
             const char   *body,
             guint        *status,
             GError      **error)
{
  g_autofree char *uri = g_strconcat (client->base_uri, path + 1, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autofree char *authorization = g_strconcat ("Bearer ", client->token, NULL);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  GBytes *answer;

  soup_message_headers_replace (headers, "Authorization", authorization);
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  answer = soup_session_send_and_read (session, msg, NULL, error);
  *status = soup_message_get_status (msg);

  return answer;
}

static PamongRecord *
decode (GBytes      *bytes,
        const char  *member,
        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *node;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), error))
    return NULL;

  node = json_parser_get_root (parser);
  if (member != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !json_object_has_member (json_node_get_object (node), member))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no member %s", member);
          return NULL;
        }
      node = json_object_get_member (json_node_get_object (node), member);
    }

  return pamong_codec_decode (PAMONG_TYPE_APPLICATION, node, error);
}

static gboolean
client_run_updates (Client       *client,
                    SoupSession  *session,
                    GError      **error)
{
  for (guint n = 0; n < N_UPDATES; n++)
    {
      guint shared = (client->id + n) % N_SHARED;
      const char *path = client->paths[shared];
      g_autoptr(PamongRecord) record = NULL;
      g_autofree char *token = g_strdup_printf ("c%u-%u;", client->id, n);
      guint status = 0;

      /* Read. */
      {
        g_autoptr(GBytes) answer = client_send (session, client, SOUP_METHOD_GET, path,
                                                NULL, NULL, &status, error);

        if (answer == NULL)
          return FALSE;
        if (status != SOUP_STATUS_OK)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "GET answered %u", status);
            return FALSE;
          }
        record = decode (answer, NULL, error);
        if (record == NULL)
          return FALSE;
      }

      /* Modify and write until the server takes it. */
      for (;;)
        {
          PamongApplication *app = PAMONG_APPLICATION (record);
          g_autofree char *description = g_strconcat (pamong_application_get_description (app)
                                                      ? pamong_application_get_description (app) : "",
                                                      token, NULL);
          g_autofree char *if_match = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"",
                                                       pamong_record_get_rev (record));
          g_autofree char *body = NULL;
          g_autoptr(GBytes) answer = NULL;
          g_autoptr(PamongRecord) answered = NULL;
          Accepted accepted = { pamong_record_get_rev (record), 0, shared };

          pamong_application_set_description (app, description);
          body = pamong_codec_encode_string (record);
          answer = client_send (session, client, SOUP_METHOD_PUT, path, if_match, body,
                                &status, error);
          if (answer == NULL)
            return FALSE;

          if (status == SOUP_STATUS_OK)
            {
              answered = decode (answer, "record", error);
              if (answered == NULL)
                return FALSE;
              accepted.rev = pamong_record_get_rev (answered);
              g_array_append_val (client->accepted, accepted);
              break;
            }

          if (status != SOUP_STATUS_PRECONDITION_FAILED)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "PUT answered %u: %.*s",
                           status, (int) MIN (g_bytes_get_size (answer), 300),
                           (const char *) g_bytes_get_data (answer, NULL));
              return FALSE;
            }

          /* Someone else was first: start again from their version. */
          client->n_conflicts++;
          g_clear_object (&record);
          record = decode (answer, "current", error);
          if (record == NULL)
            return FALSE;
        }
    }

  return TRUE;
}

static gpointer
client_thread (gpointer data)
{
  Client *client = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (context);
  {
    g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL,
                                                                    "timeout", 60,
                                                                    NULL);

    if (!client_run_updates (client, session, &error))
      client->failure = g_strdup_printf ("client %u: %s", client->id, error->message);
  }
  g_main_context_pop_thread_default (context);

  g_atomic_int_dec_and_test (client->n_running);
  g_main_context_invoke (client->server_context, wake_main, NULL);

  return NULL;
}

static gint
compare_accepted_by_if_match (gconstpointer a,
                              gconstpointer b)
{
  const Accepted *x = a;
  const Accepted *y = b;

  return (x->if_match > y->if_match) - (x->if_match < y->if_match);
}

static void
test_no_lost_update (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *admin = pamong_test_login_demo (ts, "admin");
  g_autoptr(GHashTable) all_revs = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *chains[N_SHARED] = { NULL };
  g_autofree gint64 *all_rev_values = NULL;
  char *paths[N_SHARED + 1] = { NULL };
  gint64 start_revs[N_SHARED];
  Client clients[N_CLIENTS];
  GThread *threads[N_CLIENTS];
  gint n_running = N_CLIENTS;
  guint n_accepted = 0;
  guint n_conflicts = 0;

  /* Two shared records with empty descriptions. */
  for (guint s = 0; s < N_SHARED; s++)
    {
      g_autoptr(PamongRecord) model = pamong_test_find_record (ts, PAMONG_TYPE_APPLICATION, NULL, NULL);
      g_autoptr(PamongRecord) record = pamong_record_copy (model);
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *json = NULL;
      g_autoptr(PamongTestResponse) response = NULL;

      pamong_record_set_uuid (record, uuid);
      pamong_application_set_description (PAMONG_APPLICATION (record), "");
      json = pamong_codec_encode_string (record);
      paths[s] = g_strdup_printf (PAMONG_SERVER_API_PREFIX "/applications/%s", uuid);
      response = pamong_test_request_full (ts, SOUP_METHOD_PUT, paths[s], admin,
                                           "application/json", json, -1,
                                           "If-None-Match", "*", NULL);
      if (response->status != SOUP_STATUS_CREATED)
        g_error ("Creating a shared record answered %u: %.*s", response->status,
                 (int) g_bytes_get_size (response->body),
                 (const char *) g_bytes_get_data (response->body, NULL));
      start_revs[s] = json_object_get_int_member (pamong_test_response_object (response), "rev");
    }

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      clients[i] = (Client) {
        .id = i,
        .base_uri = g_strdup (pamong_server_get_uri (ts->server)),
        .token = pamong_test_login_demo (ts, "admin"),
        .paths = paths,
        .accepted = g_array_new (FALSE, FALSE, sizeof (Accepted)),
        .n_running = &n_running,
        .server_context = g_main_context_default (),
      };
    }

  for (guint i = 0; i < N_CLIENTS; i++)
    threads[i] = g_thread_new ("client", client_thread, &clients[i]);

  /* Serve until every client is done. */
  while (g_atomic_int_get (&n_running) > 0)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < N_CLIENTS; i++)
    g_thread_join (threads[i]);

  for (guint s = 0; s < N_SHARED; s++)
    chains[s] = g_array_new (FALSE, FALSE, sizeof (Accepted));

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      gint64 previous = 0;

      if (clients[i].failure != NULL)
        g_error ("%s", clients[i].failure);

      g_assert_cmpuint (clients[i].accepted->len, ==, N_UPDATES);
      n_conflicts += clients[i].n_conflicts;

      for (guint k = 0; k < clients[i].accepted->len; k++)
        {
          Accepted *accepted = &g_array_index (clients[i].accepted, Accepted, k);

          /* What one client sees accepted goes up. */
          g_assert_cmpint (accepted->rev, >, previous);
          g_assert_cmpint (accepted->rev, >, accepted->if_match);
          previous = accepted->rev;
          g_array_append_val (chains[accepted->shared], *accepted);
          n_accepted++;
        }
    }
  g_assert_cmpuint (n_accepted, ==, N_CLIENTS * N_UPDATES);
  g_test_message ("%u updates, %u retries after 412", n_accepted, n_conflicts);

  /* No rev was handed out twice. */
  all_rev_values = g_new (gint64, n_accepted);
  for (guint s = 0, k = 0; s < N_SHARED; s++)
    for (guint j = 0; j < chains[s]->len; j++, k++)
      {
        all_rev_values[k] = g_array_index (chains[s], Accepted, j).rev;
        g_assert_true (g_hash_table_add (all_revs, &all_rev_values[k]));
      }

  for (guint s = 0; s < N_SHARED; s++)
    {
      g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET, paths[s],
                                                                    admin, NULL);
      g_autoptr(PamongRecord) final = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) tokens = NULL;
      g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
      gint64 expected_if_match = start_revs[s];
      guint n_tokens = 0;

      final = pamong_codec_decode (PAMONG_TYPE_APPLICATION, response->json, &error);
      g_assert_no_error (error);

      /* One chain: sorted by the rev each write was made against, every
       * write was made against the previous write's result. */
      g_array_sort (chains[s], compare_accepted_by_if_match);
      for (guint j = 0; j < chains[s]->len; j++)
        {
          Accepted *accepted = &g_array_index (chains[s], Accepted, j);

          g_assert_cmpint (accepted->if_match, ==, expected_if_match);
          expected_if_match = accepted->rev;
        }
      g_assert_cmpint (pamong_record_get_rev (final), ==, expected_if_match);

      /* Every accepted token is there, once. */
      tokens = g_strsplit (pamong_application_get_description (PAMONG_APPLICATION (final)), ";", -1);
      for (guint t = 0; tokens[t] != NULL; t++)
        {
          if (*tokens[t] == '\0')
            continue;
          g_assert_true (g_hash_table_add (present, tokens[t]));
          n_tokens++;
        }
      g_assert_cmpuint (n_tokens, ==, chains[s]->len);

      for (guint i = 0; i < N_CLIENTS; i++)
        for (guint n = 0; n < N_UPDATES; n++)
          if ((i + n) % N_SHARED == s)
            {
              g_autofree char *token = g_strdup_printf ("c%u-%u", i, n);

              g_assert_true (g_hash_table_contains (present, token));
            }
    }

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_free (clients[i].base_uri);
      g_free (clients[i].token);
      g_array_unref (clients[i].accepted);
    }
  for (guint s = 0; s < N_SHARED; s++)
    {
      g_free (paths[s]);
      g_array_unref (chains[s]);
    }
}

int
main (int   argc,
      char *argv[])
{
  pamong_test_init (&argc, &argv);

  g_test_add_func ("/pamong/server/concurrency/many-clients-lose-no-update",
                   test_no_lost_update);

  return g_test_run ();
}
