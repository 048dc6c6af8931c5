/* test-server-process.c — the built pamong-server binary, run as a process
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "pamong-application.h"
#include "pamong-service-request.h"
#include "pamong-store.h"

/* The binary under test: the first argument after the GLib test options. */
static const char *server_binary;

typedef struct
{
  char *tmpdir;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = g_dir_make_tmp ("pamong-server-process-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->tmpdir, "server.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->tmpdir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (fixture->tmpdir), ==, 0);

  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->tmpdir, g_free);
}

static GSubprocess *
spawn_server (const char * const *extra_args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer) server_binary);
  for (guint i = 0; extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra_args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);

  return process;
}

/* Reads stdout up to the "listening on" line and returns the URL at its
 * end, which is where the server keeps it in every language. */
static char *
read_listening_uri (GDataInputStream *out,
                    GString          *seen)
{
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      const char *uri;

      g_assert_no_error (error);
      g_assert_nonnull (line);  /* EOF: the server died before listening */
      g_string_append_printf (seen, "%s\n", line);

      uri = strstr (line, "http://");
      if (uri != NULL && g_str_has_suffix (line, "/"))
        return g_strdup (uri);
    }
}

static char *
read_to_end (GInputStream *stream)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_output_stream_splice (memory, stream,
                          G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                          NULL, &error);
  g_assert_no_error (error);
  /* NUL-terminate. */
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)));
}

/* The server is another process, so a synchronous request is fine here. */
static JsonObject *
get_status (const char *base_uri)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL,
                                                                  "timeout", 10,
                                                                  NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_uri_resolve_relative (base_uri, "/api/v1/status?token=s3cret",
                                                 G_URI_FLAGS_NONE, &error);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_no_error (error);
  msg = soup_message_new (SOUP_METHOD_GET, uri);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);

  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Stops the server with @signum and checks it exits cleanly; returns what
 * it wrote on stderr. */
static char *
stop_server (GSubprocess      *process,
             GDataInputStream *out,
             int               signum)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rest_of_stdout = NULL;
  char *err;

  g_subprocess_send_signal (process, signum);

  err = read_to_end (g_subprocess_get_stderr_pipe (process));
  rest_of_stdout = read_to_end (G_INPUT_STREAM (out));
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_printerr ("pamong-server's stderr:\n%s\n", err);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  return err;
}

static void
test_serves_status_then_stops (Fixture       *fixture,
                               gconstpointer  data)
{
  int signum = GPOINTER_TO_INT (data);
  const char *args[] = { "--db", fixture->db_path, "--listen", "127.0.0.1:0", NULL };
  g_autoptr(GSubprocess) process = spawn_server (args);
  g_autoptr(GDataInputStream) out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autofree char *uri = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) status = NULL;

  uri = read_listening_uri (out, seen);
  g_assert_true (g_str_has_prefix (uri, "http://127.0.0.1:"));
  g_assert_cmpstr (uri, !=, "http://127.0.0.1:0/");
  g_assert_true (g_str_has_prefix (seen->str, "pamong-server listening on http://127.0.0.1:"));
  g_assert_true (g_file_test (fixture->db_path, G_FILE_TEST_IS_REGULAR));

  status = get_status (uri);
  g_assert_cmpstr (json_object_get_string_member (status, "name"), ==, "pamong-server");
  g_assert_cmpstr (json_object_get_string_member (status, "version"), ==, PACKAGE_VERSION);
  g_assert_cmpint (json_object_get_int_member (status, "schema_version"), >, 0);
  g_assert_false (json_object_get_boolean_member (status, "demo"));

  err = stop_server (process, out, signum);
  g_assert_true (g_file_test (fixture->db_path, G_FILE_TEST_IS_REGULAR));

  /* One access log line, with the path but not the query string. */
  g_assert_nonnull (strstr (err, "127.0.0.1 \"GET /api/v1/status\" 200 "));
  g_assert_null (strstr (err, "s3cret"));
}

static guint
count_records (const char *db_path,
               GType       type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = pamong_store_open (db_path, &error);
  g_autoptr(PamongQuery) query = pamong_query_new (type);
  guint count;

  g_assert_no_error (error);
  count = pamong_store_count (store, query, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));

  return count;
}

/* Runs the server in demo mode until it listens, checks the status says
 * demo, stops it; returns everything it printed on stdout. */
static char *
run_demo_server (Fixture *fixture)
{
  const char *args[] = { "--db", fixture->db_path, "--demo", "blora", "--listen", "127.0.0.1:0", NULL };
  g_autoptr(GSubprocess) process = spawn_server (args);
  g_autoptr(GDataInputStream) out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *demo_line = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) status = NULL;

  uri = read_listening_uri (out, seen);
  status = get_status (uri);
  g_assert_true (json_object_get_boolean_member (status, "demo"));

  /* The line after "listening on" tells it is a demo. */
  demo_line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (demo_line);
  g_assert_nonnull (strstr (demo_line, "demo"));
  g_string_append_printf (seen, "%s\n", demo_line);

  err = stop_server (process, out, SIGTERM);

  return g_string_free (g_steal_pointer (&seen), FALSE);
}

static void
test_demo_seeds_once_on_loopback (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  guint applications;
  guint requests;

  first = run_demo_server (fixture);
  g_assert_nonnull (strstr (first, "Blora"));
  applications = count_records (fixture->db_path, PAMONG_TYPE_APPLICATION);
  requests = count_records (fixture->db_path, PAMONG_TYPE_SERVICE_REQUEST);
  g_assert_cmpuint (applications, >=, 100);
  g_assert_cmpuint (requests, >=, 1000);

  /* A second start keeps the data it has. */
  second = run_demo_server (fixture);
  g_assert_null (strstr (second, "Blora"));
  g_assert_nonnull (strstr (second, "already"));
  g_assert_cmpuint (count_records (fixture->db_path, PAMONG_TYPE_APPLICATION), ==, applications);
  g_assert_cmpuint (count_records (fixture->db_path, PAMONG_TYPE_SERVICE_REQUEST), ==, requests);
}

static void
test_refuses_demo_off_loopback (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *args[] = { "--db", fixture->db_path, "--demo", "blora", "--listen", "0.0.0.0:0", NULL };
  g_autoptr(GSubprocess) process = spawn_server (args);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
  g_assert_nonnull (strstr (err, "0.0.0.0:0"));
  g_assert_nonnull (strstr (err, "loopback"));
  g_assert_null (strstr (out, "listening"));
  /* Refused before anything was written. */
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
}

static void
test_refuses_bad_options (Fixture       *fixture,
                          gconstpointer  data)
{
  struct {
    const char *args[7];
    const char *says;
  } cases[] = {
    { { "--db", fixture->db_path, "--demo", "jakarta", "--listen", "127.0.0.1:0", NULL }, "blora" },
    { { "--db", fixture->db_path, "--listen", "127.0.0.1", NULL }, "port" },
    { { "--db", fixture->db_path, "--listen", "::1:8080", NULL }, "[::1]:8080" },
    { { "--db", fixture->db_path, "--no-such-option", NULL }, "no-such-option" },
    { { "--db", fixture->db_path, "stray", NULL }, "--help" },
    { { "--db", fixture->db_path, "--scan-command", "", NULL }, "--scan-command" },
    { { "--db", fixture->db_path, "--scan-command", "pamong-no-such-scanner -", NULL },
      "pamong-no-such-scanner" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GSubprocess) process = spawn_server (cases[i].args);
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
      g_assert_no_error (error);

      g_test_message ("case %u: %s", i, g_strchomp (err));
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
      g_assert_nonnull (strstr (err, cases[i].says));
      g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
    }
}

static void
test_version (void)
{
  const char *args[] = { "--version", NULL };
  g_autoptr(GSubprocess) process = spawn_server (args);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_cmpstr (out, ==, "pamong-server " PACKAGE_VERSION "\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("usage: %s [GTEST-OPTIONS] PATH-TO-PAMONG-SERVER\n", argv[0]);
      return 1;
    }
  server_binary = argv[1];

  g_test_add ("/pamong/server/process/serves-status-then-stops-on-sigterm", Fixture,
              GINT_TO_POINTER (SIGTERM),
              fixture_set_up, test_serves_status_then_stops, fixture_tear_down);
  g_test_add ("/pamong/server/process/serves-status-then-stops-on-sigint", Fixture,
              GINT_TO_POINTER (SIGINT),
              fixture_set_up, test_serves_status_then_stops, fixture_tear_down);
  g_test_add ("/pamong/server/process/demo-seeds-once-on-loopback", Fixture, NULL,
              fixture_set_up, test_demo_seeds_once_on_loopback, fixture_tear_down);
  g_test_add ("/pamong/server/process/refuses-demo-off-loopback", Fixture, NULL,
              fixture_set_up, test_refuses_demo_off_loopback, fixture_tear_down);
  g_test_add ("/pamong/server/process/refuses-bad-options", Fixture, NULL,
              fixture_set_up, test_refuses_bad_options, fixture_tear_down);
  g_test_add_func ("/pamong/server/process/version", test_version);

  return g_test_run ();
}
