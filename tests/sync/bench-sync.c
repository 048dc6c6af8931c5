/* bench-sync.c — the sync benchmarks of DESIGN.md §6: first sync of the
 * benchmark set against its floor (curl + the sqlite3 shell), a sync with
 * nothing to do, and a push of 1,000 records created offline
 *
 * Usage: bench-sync PAMONG-SERVER BENCH-DB
 * Runs the real pamong-server on loopback over a copy of BENCH-DB (built by
 * make-bench-db) and prints the figures.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "pamong-core.h"
#include "pamong-sync.h"
#include "server-process.h"

static const char * const tables[] = {
  "units", "applications", "assessments", "indicator_scores", "service_types",
  "service_requests", "request_events", "attachments",
};

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* One sync run; returns its wall time in seconds. */
static double
timed_sync (PamongSync *sync)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  pamong_sync_run_async (sync, NULL, on_run_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!pamong_sync_run_finish (sync, result, &error))
    g_error ("sync failed: %s", error->message);

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static GBytes *
http (SoupSession *session,
      const char  *method,
      const char  *url,
      const char  *token,
      const char  *json,
      guint       *status)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  GBytes *body;

  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (json != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  body = soup_session_send_and_read (session, msg, NULL, &error);
  *status = body != NULL ? soup_message_get_status (msg) : 0;
  return body;
}

static JsonObject *
parse (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), &error))
    g_error ("%s", error->message);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "MISSED";
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *server_db = NULL;
  g_autofree char *client_db = NULL;
  g_autofree char *floor_db = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autoptr(ServerProcess) server = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(PamongStore) store = NULL;
  g_autoptr(PamongSync) sync = NULL;
  g_autoptr(GPtrArray) curl_argv = NULL;
  g_autoptr(GString) script = NULL;
  g_autofree char *auth_header = NULL;
  const char *page_env = g_getenv ("PAMONG_BENCH_PAGE_SIZE");
  guint page_size = page_env != NULL ? (guint) atoi (page_env) : 0;
  guint n_records = 0;
  guint n_pages = 0;
  gint64 since = 0;
  double first, fetch, insert, floor_time;
  double noop[21];
  double push;
  guint status;

  if (argc != 4)
    {
      g_printerr ("usage: %s PAMONG-SERVER MAKE-BENCH-DB BENCH-DB\n", argv[0]);
      return 2;
    }

  /* The benchmark-size server database is made on the first run only (a
   * few minutes), not by the build: a build target would be made by every
   * `meson test`, under the sanitizers too. */
  server_process_seed_once (argv[2], argv[3]);

  dir = g_dir_make_tmp ("pamong-bench-sync-XXXXXX", &error);
  g_assert_no_error (error);
  server_db = g_build_filename (dir, "server.db", NULL);
  client_db = g_build_filename (dir, "client.db", NULL);
  floor_db = g_build_filename (dir, "floor.db", NULL);

  copy_file (argv[3], server_db);

  /* The real server, in its own process, on loopback; PAMONG_BENCH_VERBOSE=1
   * shows its request log (its timings). */
  server = server_process_start (argv[1], server_db, g_getenv ("PAMONG_BENCH_VERBOSE") != NULL);
  url = g_strdup (server->url);
  token = server_process_login (server, "admin", "pamong-demo");

  session = soup_session_new_with_options ("timeout", 60, NULL);
  /* 1. First sync into an empty store. */
  store = pamong_store_open (client_db, &error);
  g_assert_no_error (error);
  sync = pamong_sync_new (store, url);
  pamong_sync_set_token (sync, token);
  if (page_size > 0)
    pamong_sync_set_page_size (sync, page_size);
  else
    page_size = PAMONG_SYNC_DEFAULT_PAGE_SIZE;
  first = timed_sync (sync);

  /* 2. The floor: the same pages with curl, the same rows with sqlite3. */
  auth_header = g_strconcat ("Authorization: Bearer ", token, NULL);
  curl_argv = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (curl_argv, g_strdup ("curl"));
  g_ptr_array_add (curl_argv, g_strdup ("-sS"));
  g_ptr_array_add (curl_argv, g_strdup ("--fail"));
  g_ptr_array_add (curl_argv, g_strdup ("-H"));
  g_ptr_array_add (curl_argv, g_strdup (auth_header));
  for (;;)
    {
      g_autofree char *page = g_strdup_printf ("%s/api/v1/changes?since=%" G_GINT64_FORMAT "&limit=%u",
                                               url, since, page_size);
      g_autoptr(GBytes) body = http (session, "GET", page, token, NULL, &status);
      g_autoptr(JsonObject) answer = NULL;

      g_assert_cmpuint (status, ==, 200);
      answer = parse (body);
      n_pages++;
      n_records += json_array_get_length (json_object_get_array_member (answer, "changes"));
      g_ptr_array_add (curl_argv, g_strdup ("-o"));
      g_ptr_array_add (curl_argv, g_strdup ("/dev/null"));
      g_ptr_array_add (curl_argv, g_steal_pointer (&page));
      since = json_object_get_int_member (answer, "next");
      if (!json_object_get_boolean_member (answer, "more"))
        break;
    }
  g_ptr_array_add (curl_argv, NULL);
  fetch = run_command ((const char * const *) curl_argv->pdata, NULL);

  /* The rows as the engine stored them, to CSV (not timed)... */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *csv = g_strdup_printf ("%s/%s.csv", dir, tables[i]);
      g_autofree char *sql = g_strdup_printf (".once %s\nSELECT * FROM %s;\n", csv, tables[i]);
      const char * const export_argv[] = { "sqlite3", "-csv", client_db, NULL };

      run_command (export_argv, sql);
    }
  {
    g_autoptr(PamongStore) empty = pamong_store_open (floor_db, &error);

    g_assert_no_error (error);
  }

  /* ...then bulk-inserted into an empty store of the same schema, with the
   * same durability and the search index built, in one transaction. */
  script = g_string_new ("PRAGMA synchronous = FULL;\nBEGIN;\n");
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_string_append_printf (script, ".import --csv %s/%s.csv %s\n", dir, tables[i], tables[i]);
  g_string_append (script,
                   "INSERT INTO applications_fts (applications_fts) VALUES ('rebuild');\n"
                   "INSERT INTO service_requests_fts (service_requests_fts) VALUES ('rebuild');\n"
                   "COMMIT;\n");
  {
    const char * const import_argv[] = { "sqlite3", floor_db, NULL };

    insert = run_command (import_argv, script->str);
  }
  floor_time = fetch + insert;

  /* PAMONG_BENCH_IDLE=<s>: wait that long before the no-op runs, the main
   * loop blocked (as during a long floor on the benchmark set). */
  if (g_getenv ("PAMONG_BENCH_IDLE") != NULL)
    g_usleep ((gulong) atoi (g_getenv ("PAMONG_BENCH_IDLE")) * G_USEC_PER_SEC);

  /* 3. A sync with nothing to do. */
  for (guint i = 0; i < G_N_ELEMENTS (noop); i++)
    noop[i] = timed_sync (sync);
  qsort (noop, G_N_ELEMENTS (noop), sizeof (double), compare_doubles);

  /* 4. A push of 1,000 records created offline. */
  g_assert_true (pamong_store_begin (store, &error));
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(PamongUnit) unit = pamong_unit_new ();
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *code = g_strdup_printf ("B.%04u", i);

      pamong_record_set_uuid (PAMONG_RECORD (unit), uuid);
      pamong_unit_set_code (unit, code);
      pamong_unit_set_name (unit, "Unit tolok ukur");
      pamong_unit_set_kind (unit, PAMONG_UNIT_KIND_OTHER);
      g_assert_true (pamong_store_save (store, PAMONG_RECORD (unit), &error));
    }
  g_assert_true (pamong_store_commit (store, &error));
  g_assert_no_error (error);
  push = timed_sync (sync);
  g_assert_cmpuint (pamong_store_count_pending (store, &error), ==, 0);

  g_print ("sync benchmark (real pamong-server on loopback; page size %u)\n", page_size);
  g_print ("  first sync: %u records in %u pages: %.2f s (target <= 3 s: %s)\n",
           n_records, n_pages, first, verdict (first <= 3.0));
  g_print ("  floor: curl %.2f s + sqlite3 import %.2f s = %.2f s; ratio %.2f (target <= 2: %s)\n",
           fetch, insert, floor_time, first / floor_time, verdict (first / floor_time <= 2.0));
  g_print ("  no-op sync: median %.1f ms, max %.1f ms over %u runs (target <= 50 ms: %s)\n",
           noop[G_N_ELEMENTS (noop) / 2] * 1000, noop[G_N_ELEMENTS (noop) - 1] * 1000,
           (guint) G_N_ELEMENTS (noop), verdict (noop[G_N_ELEMENTS (noop) / 2] <= 0.05));
  g_print ("  push of 1,000 records created offline: %.2f s (target <= 2 s: %s)\n",
           push, verdict (push <= 2.0));

  g_clear_object (&sync);
  g_clear_object (&store);
  server_process_stop (server);
  remove_dir (dir);

  return 0;
}
