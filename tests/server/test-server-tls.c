/* test-server-tls.c — HTTPS: a client trusting the test CA connects, others are refused
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "pamong-error.h"

#include "server-test-util.h"

/*
 * tests/server/certs/ holds a test CA, a server certificate it signed for
 * 127.0.0.1, ::1 and localhost (valid for 100 years), its key, and a
 * second CA that signed nothing of ours (generate.sh makes them).
 * The in-process tests serve HTTPS through
 * pamong_server_set_tls_certificate(); the process test runs the built
 * binary with --tls-cert/--tls-key.
 */

static const char *server_binary;

static char *
cert_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "server", "certs", name, NULL);
}

static GTlsCertificate *
load_server_certificate (void)
{
  g_autofree char *cert = cert_path ("server.pem");
  g_autofree char *key = cert_path ("server-key.pem");
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate;

  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);

  return certificate;
}

/* A session that trusts only the CA in @ca_name (a file in certs/). */
static SoupSession *
session_trusting (const char *ca_name)
{
  g_autofree char *ca = cert_path (ca_name);
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = g_tls_file_database_new (ca, &error);
  g_assert_no_error (error);

  return soup_session_new_with_options ("proxy-resolver", NULL,
                                        "tls-database", database,
                                        "timeout", 30,
                                        NULL);
}

typedef struct
{
  GMainLoop *loop;
  GBytes    *body;
  GError    *error;
} Fetch;

static void
fetch_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *fetch = user_data;

  fetch->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result,
                                                   &fetch->error);
  g_main_loop_quit (fetch->loop);
}

/* GET @uri with @session on this main context (the in-process server
 * answers on it too); the body, or NULL with @error set. */
static GBytes *
fetch (SoupSession  *session,
       const char   *uri,
       guint        *status,
       GError      **error)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, uri);
  Fetch data = { loop, NULL, NULL };

  g_assert_nonnull (msg);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL,
                                    fetch_done, &data);
  g_main_loop_run (loop);

  if (status != NULL)
    *status = soup_message_get_status (msg);
  if (data.error != NULL)
    {
      g_propagate_error (error, data.error);
      return NULL;
    }

  return data.body;
}

static PamongTestServer *
https_server_new (const char *address)
{
  PamongTestServer *ts = pamong_test_server_new (PAMONG_TEST_SERVER_NO_LISTEN);
  g_autoptr(GTlsCertificate) certificate = load_server_certificate ();
  g_autoptr(GError) error = NULL;

  g_assert_null (pamong_server_get_tls_certificate (ts->server));
  pamong_server_set_tls_certificate (ts->server, certificate);
  g_assert_true (pamong_server_get_tls_certificate (ts->server) == certificate);

  pamong_server_listen (ts->server, address, &error);
  g_assert_no_error (error);

  return ts;
}

static void
assert_status_body (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                              g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "name"), ==, "pamong-server");
  g_assert_cmpstr (json_object_get_string_member (root, "api"), ==, "v1");
}

static void
test_trusting_client_connects (void)
{
  g_autoptr(PamongTestServer) ts = https_server_new ("127.0.0.1:0");
  g_autoptr(SoupSession) session = session_trusting ("ca.pem");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *uri = NULL;
  guint status = 0;

  g_assert_true (g_str_has_prefix (pamong_server_get_uri (ts->server), "https://127.0.0.1:"));

  uri = pamong_test_server_uri (ts, PAMONG_SERVER_API_PREFIX "/status");
  body = fetch (session, uri, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  assert_status_body (body);
}

static void
test_localhost_name_is_verified (void)
{
  g_autoptr(PamongTestServer) ts = https_server_new ("localhost:0");
  g_autoptr(SoupSession) session = session_trusting ("ca.pem");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GUri) base = NULL;
  g_autofree char *uri = NULL;
  guint status = 0;

  /* The certificate names "localhost" too. */
  base = g_uri_parse (pamong_server_get_uri (ts->server), G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (base), ==, "https");
  uri = g_strdup_printf ("https://localhost:%d" PAMONG_SERVER_API_PREFIX "/status",
                         g_uri_get_port (base));
  body = fetch (session, uri, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  assert_status_body (body);
}

static void
test_untrusting_client_is_refused (void)
{
  g_autoptr(PamongTestServer) ts = https_server_new ("127.0.0.1:0");
  g_autoptr(SoupSession) other_ca = session_trusting ("other-ca.pem");
  g_autoptr(SoupSession) system_ca = soup_session_new_with_options ("proxy-resolver", NULL,
                                                                    "timeout", 30, NULL);
  g_autofree char *uri = pamong_test_server_uri (ts, PAMONG_SERVER_API_PREFIX "/status");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  /* Trusting another CA: the certificate does not verify. */
  body = fetch (other_ca, uri, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
  g_clear_error (&error);

  /* The system's CAs do not know the test CA either. */
  body = fetch (system_ca, uri, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
}

static void
test_plain_http_to_https_fails (void)
{
  g_autoptr(PamongTestServer) ts = https_server_new ("127.0.0.1:0");
  g_autoptr(GUri) base = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *uri = NULL;
  guint status = 0;

  base = g_uri_parse (pamong_server_get_uri (ts->server), G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  uri = g_strdup_printf ("http://127.0.0.1:%d" PAMONG_SERVER_API_PREFIX "/status",
                         g_uri_get_port (base));

  body = fetch (ts->session, uri, &status, &error);
  /* The server speaks only TLS on that port: no HTTP answer comes back. */
  g_assert_nonnull (error);
  g_assert_null (body);
  g_assert_cmpuint (status, !=, SOUP_STATUS_OK);
}

static void
test_plain_server_has_no_certificate (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_NONE);
  g_autoptr(GTlsCertificate) certificate = NULL;

  g_assert_null (pamong_server_get_tls_certificate (ts->server));
  g_assert_true (g_str_has_prefix (pamong_server_get_uri (ts->server), "http://"));
  g_object_get (ts->server, "tls-certificate", &certificate, NULL);
  g_assert_null (certificate);
}

/* --- the binary ----------------------------------------------------- */

typedef struct
{
  GSubprocess *process;
  char        *tmpdir;
  char        *uri;
} Process;

static void
process_free (Process *process)
{
  g_autofree char *db = g_build_filename (process->tmpdir, "server.db", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (process->process != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_subprocess_send_signal (process->process, SIGTERM);
      g_subprocess_wait (process->process, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (process->process));
      g_assert_cmpint (g_subprocess_get_exit_status (process->process), ==, 0);
      g_object_unref (process->process);
    }

  dir = g_dir_open (process->tmpdir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (process->tmpdir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (process->tmpdir), ==, 0);
  g_free (process->tmpdir);
  g_free (process->uri);
  g_free (process);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Process, process_free)

/* Runs the binary with @extra arguments and waits for its "listening on"
 * line. */
static Process *
process_start (const char * const *extra)
{
  Process *process = g_new0 (Process, 1);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *line = NULL;
  const char *url;

  process->tmpdir = g_dir_make_tmp ("pamong-server-tls-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (process->tmpdir, "server.db", NULL);

  g_ptr_array_add (args, g_strdup (server_binary));
  g_ptr_array_add (args, g_strdup ("--db"));
  g_ptr_array_add (args, g_strdup (db));
  g_ptr_array_add (args, g_strdup ("--listen"));
  g_ptr_array_add (args, g_strdup ("127.0.0.1:0"));
  for (guint i = 0; extra[i] != NULL; i++)
    g_ptr_array_add (args, g_strdup (extra[i]));
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  process->process = g_subprocess_launcher_spawnv (launcher,
                                                   (const char * const *) args->pdata,
                                                   &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);

  /* The URL ends the line, whatever the language. */
  url = strrchr (line, ' ');
  g_assert_nonnull (url);
  process->uri = g_strdup (url + 1);

  return process;
}

static void
test_binary_serves_https (void)
{
  g_autofree char *cert = cert_path ("server.pem");
  g_autofree char *key = cert_path ("server-key.pem");
  const char *extra[] = { "--tls-cert", cert, "--tls-key", key, NULL };
  g_autoptr(Process) process = process_start (extra);
  g_autoptr(SoupSession) trusting = session_trusting ("ca.pem");
  g_autoptr(SoupSession) other = session_trusting ("other-ca.pem");
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) refused = NULL;
  guint status = 0;

  g_assert_true (g_str_has_prefix (process->uri, "https://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (process->uri, "/"));

  uri = g_strconcat (process->uri, "api/v1/status", NULL);
  body = fetch (trusting, uri, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  assert_status_body (body);

  refused = fetch (other, uri, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
}

/* Runs the binary expecting it to exit at once with @exit_status and a
 * message on stderr containing @needle. */
static void
assert_binary_refuses (const char * const *extra,
                       int                 exit_status,
                       const char         *needle)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_ptr_array_add (args, (char *) server_binary);
  g_ptr_array_add (args, (char *) "--db");
  g_ptr_array_add (args, (char *) ":memory:");
  g_ptr_array_add (args, (char *) "--listen");
  g_ptr_array_add (args, (char *) "127.0.0.1:0");
  for (guint i = 0; extra[i] != NULL; i++)
    g_ptr_array_add (args, (char *) extra[i]);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                               | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, exit_status);
  if (strstr (err, needle) == NULL)
    g_error ("Expected “%s” in the error output, got “%s”", needle, err);
}

static void
test_binary_refuses_bad_tls_options (void)
{
  g_autofree char *cert = cert_path ("server.pem");
  g_autofree char *key = cert_path ("server-key.pem");
  g_autofree char *ca = cert_path ("ca.pem");
  const char *cert_only[] = { "--tls-cert", cert, NULL };
  const char *key_only[] = { "--tls-key", key, NULL };
  const char *missing[] = { "--tls-cert", "/nonexistent/server.pem", "--tls-key", key, NULL };
  /* A certificate without its key: the CA certificate as "key". */
  const char *wrong_key[] = { "--tls-cert", cert, "--tls-key", ca, NULL };

  assert_binary_refuses (cert_only, 2, "--tls-key");
  assert_binary_refuses (key_only, 2, "--tls-cert");
  assert_binary_refuses (missing, 1, "/nonexistent/server.pem");
  assert_binary_refuses (wrong_key, 1, "TLS");
}

int
main (int   argc,
      char *argv[])
{
  pamong_test_init (&argc, &argv);

  g_test_add_func ("/pamong/server/tls/a-client-trusting-the-test-ca-connects",
                   test_trusting_client_connects);
  g_test_add_func ("/pamong/server/tls/the-certificate-also-names-localhost",
                   test_localhost_name_is_verified);
  g_test_add_func ("/pamong/server/tls/a-client-trusting-another-ca-is-refused",
                   test_untrusting_client_is_refused);
  g_test_add_func ("/pamong/server/tls/plain-http-to-the-https-port-fails",
                   test_plain_http_to_https_fails);
  g_test_add_func ("/pamong/server/tls/without-a-certificate-it-serves-http",
                   test_plain_server_has_no_certificate);

  if (argc > 1)
    {
      server_binary = argv[1];
      g_test_add_func ("/pamong/server/tls/the-binary-serves-https-with-tls-cert-and-key",
                       test_binary_serves_https);
      g_test_add_func ("/pamong/server/tls/the-binary-refuses-incomplete-or-bad-tls-options",
                       test_binary_refuses_bad_tls_options);
    }

  return g_test_run ();
}
