/* test-server.c — the in-process server on port 0: status, errors, router, log
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pamong-error.h"
#include "pamong-store.h"
#include "pamong-server.h"

/* Lines the server logged (domain pamong-server), for the log tests. */
static GPtrArray *server_log;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }

  if (g_strcmp0 (domain, "pamong-server") == 0 && message != NULL
      && (log_level & G_LOG_LEVEL_MASK) == G_LOG_LEVEL_MESSAGE)
    g_ptr_array_add (server_log, g_strdup (message));

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

typedef struct
{
  char         *tmpdir;
  PamongStore  *store;
  PamongServer *server;
  SoupSession  *session;
} Fixture;

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  fixture->tmpdir = g_dir_make_tmp ("pamong-server-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (fixture->tmpdir, "server.db", NULL);

  fixture->store = pamong_store_open (db_path, &error);
  g_assert_no_error (error);
  fixture->server = pamong_server_new (fixture->store);
  pamong_server_listen (fixture->server, "127.0.0.1:0", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (pamong_server_get_uri (fixture->server), "http://127.0.0.1:"));

  fixture->session = soup_session_new_with_options ("proxy-resolver", NULL,
                                                    "timeout", 5,
                                                    NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  pamong_server_disconnect (fixture->server);
  g_assert_null (pamong_server_get_uri (fixture->server));
  g_assert_finalize_object (fixture->server);
  g_assert_finalize_object (fixture->store);
  remove_tree (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
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

  fetch->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &fetch->error);
  g_main_loop_quit (fetch->loop);
}

/* Sends a request to the in-process server and waits for the whole
 * answer; the server runs on this same main context. */
static SoupMessage *
request (Fixture     *fixture,
         const char  *method,
         const char  *path,
         GBytes     **body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Fetch fetch = { loop, NULL, NULL };
  SoupMessage *msg;

  uri = g_uri_resolve_relative (pamong_server_get_uri (fixture->server), path,
                                G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  msg = soup_message_new (method, uri);
  g_assert_nonnull (msg);
  soup_message_headers_replace (soup_message_get_request_headers (msg),
                                "Authorization", "Bearer t0ken-never-logged");

  soup_session_send_and_read_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL,
                                    fetch_done, &fetch);
  g_main_loop_run (loop);
  g_assert_no_error (fetch.error);

  *body = fetch.body;
  return msg;
}

static JsonNode *
parse_json_answer (SoupMessage *msg,
                   GBytes      *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *content_type;

  content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  g_assert_cmpstr (content_type, ==, "application/json");

  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* Checks an error body and returns its message. */
static char *
assert_json_error (SoupMessage *msg,
                   GBytes      *body,
                   guint        status,
                   const char  *code)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *error;
  const char *message;

  g_assert_cmpuint (soup_message_get_status (msg), ==, status);
  root = parse_json_answer (msg, body);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  error = json_object_get_object_member (json_node_get_object (root), "error");
  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  message = json_object_get_string_member (error, "message");
  g_assert_nonnull (message);
  g_assert_cmpuint (strlen (message), >, 10);

  return g_strdup (message);
}

static void
test_status_tells_name_version_and_schema (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(SoupMessage) demo_msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) demo_body = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) demo_root = NULL;
  JsonObject *status;

  msg = request (fixture, SOUP_METHOD_GET, "/api/v1/status", &body);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
  root = parse_json_answer (msg, body);
  status = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (status, "name"), ==, "pamong-server");
  g_assert_cmpstr (json_object_get_string_member (status, "version"), ==, PACKAGE_VERSION);
  g_assert_cmpint (json_object_get_int_member (status, "schema_version"), ==,
                   pamong_store_get_schema_version (fixture->store));
  g_assert_cmpint (json_object_get_int_member (status, "schema_version"), ==,
                   PAMONG_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (json_object_get_string_member (status, "api"), ==, "v1");
  g_assert_false (json_object_get_boolean_member (status, "demo"));

  pamong_server_set_demo (fixture->server, TRUE);
  demo_msg = request (fixture, SOUP_METHOD_GET, "/api/v1/status", &demo_body);
  g_assert_cmpuint (soup_message_get_status (demo_msg), ==, SOUP_STATUS_OK);
  demo_root = parse_json_answer (demo_msg, demo_body);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (demo_root), "demo"));
}

static void
test_head_on_status_has_no_body (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;

  msg = request (fixture, SOUP_METHOD_HEAD, "/api/v1/status", &body);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (g_bytes_get_size (body), ==, 0);
}

static void
test_unknown_path_is_404_json (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *paths[] = { "/api/v1/no-such-thing", "/", "/api/v1/status/extra", "/api/v2/status" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autofree char *message = NULL;

      msg = request (fixture, SOUP_METHOD_GET, paths[i], &body);
      message = assert_json_error (msg, body, SOUP_STATUS_NOT_FOUND, "not-found");
      g_assert_nonnull (strstr (message, paths[i]));
    }
}

static void
test_wrong_method_is_405_with_allow (Fixture       *fixture,
                                     gconstpointer  data)
{
  const char *methods[] = { SOUP_METHOD_POST, SOUP_METHOD_PUT, SOUP_METHOD_DELETE };

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autofree char *message = NULL;

      msg = request (fixture, methods[i], "/api/v1/status", &body);
      message = assert_json_error (msg, body, SOUP_STATUS_METHOD_NOT_ALLOWED, "method-not-allowed");
      g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Allow"),
                       ==, "GET, HEAD");
      g_assert_nonnull (strstr (message, methods[i]));
    }
}

static gboolean
fail_with_error (PamongServer       *server,
                 SoupServerMessage  *msg,
                 const char         *subpath,
                 gpointer            user_data,
                 GError            **error)
{
  const GError *to_raise = user_data;

  g_set_error_literal (error, to_raise->domain, to_raise->code, to_raise->message);
  return FALSE;
}

static void
test_handler_errors_become_json (Fixture       *fixture,
                                 gconstpointer  data)
{
  struct {
    const char *path;
    gint        code;
    const char *detail;
    guint       status;
    const char *wire_code;
    gboolean    detail_shown;
  } cases[] = {
    { "/api/v1/broken-store", PAMONG_ERROR_STORE, "disk I/O error in /srv/secret/pamong.db",
      SOUP_STATUS_INTERNAL_SERVER_ERROR, "store-error", FALSE },
    { "/api/v1/broken-other", PAMONG_ERROR_FAILED, "assertion about /srv/secret failed",
      SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal-error", FALSE },
    { "/api/v1/missing-record", PAMONG_ERROR_NOT_FOUND, "No application with uuid 1234",
      SOUP_STATUS_NOT_FOUND, "not-found", TRUE },
    { "/api/v1/bad-input", PAMONG_ERROR_INVALID_DATA, "applications: field \"status\" is wrong",
      SOUP_STATUS_BAD_REQUEST, "invalid-data", TRUE },
    { "/api/v1/missing-input", PAMONG_ERROR_MISSING_FIELD, "applications: field \"name\" is missing",
      SOUP_STATUS_BAD_REQUEST, "missing-field", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    pamong_server_add_route (fixture->server, SOUP_METHOD_GET, cases[i].path, fail_with_error,
                             g_error_new_literal (PAMONG_ERROR, cases[i].code, cases[i].detail),
                             (GDestroyNotify) g_error_free);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autofree char *message = NULL;

      msg = request (fixture, SOUP_METHOD_GET, cases[i].path, &body);
      message = assert_json_error (msg, body, cases[i].status, cases[i].wire_code);
      if (cases[i].detail_shown)
        g_assert_cmpstr (message, ==, cases[i].detail);
      else
        g_assert_null (strstr (message, "/srv/secret"));
    }
}

static gboolean
echo_subpath (PamongServer       *server,
              SoupServerMessage  *msg,
              const char         *subpath,
              gpointer            user_data,
              GError            **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_string_member (object, "route", user_data);
  json_object_set_string_member (object, "subpath", subpath);
  json_node_set_object (node, object);
  pamong_server_respond_json (msg, SOUP_STATUS_OK, node);

  return TRUE;
}

static void
assert_routed (Fixture    *fixture,
               const char *method,
               const char *path,
               const char *route,
               const char *subpath)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  msg = request (fixture, method, path, &body);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
  root = parse_json_answer (msg, body);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "route"), ==, route);
  g_assert_cmpstr (json_object_get_string_member (object, "subpath"), ==, subpath);
}

static void
test_router_prefers_the_longest_pattern (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *message = NULL;

  pamong_server_add_route (fixture->server, SOUP_METHOD_GET, "/api/v1/things/",
                           echo_subpath, (gpointer) "list-get", NULL);
  pamong_server_add_route (fixture->server, SOUP_METHOD_PUT, "/api/v1/things/",
                           echo_subpath, (gpointer) "list-put", NULL);
  pamong_server_add_route (fixture->server, SOUP_METHOD_POST, "/api/v1/things/special",
                           echo_subpath, (gpointer) "special", NULL);

  assert_routed (fixture, SOUP_METHOD_GET, "/api/v1/things/", "list-get", "");
  assert_routed (fixture, SOUP_METHOD_GET, "/api/v1/things/abc", "list-get", "abc");
  assert_routed (fixture, SOUP_METHOD_PUT, "/api/v1/things/abc/def", "list-put", "abc/def");
  assert_routed (fixture, SOUP_METHOD_POST, "/api/v1/things/special", "special", "");

  /* The exact route owns its path: GET there is refused, not passed to
   * the prefix route. */
  msg = request (fixture, SOUP_METHOD_GET, "/api/v1/things/special", &body);
  message = assert_json_error (msg, body, SOUP_STATUS_METHOD_NOT_ALLOWED, "method-not-allowed");
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Allow"),
                   ==, "POST");

  /* The routes of the status endpoint are untouched. */
  g_clear_object (&msg);
  g_clear_pointer (&body, g_bytes_unref);
  msg = request (fixture, SOUP_METHOD_GET, "/api/v1/status", &body);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
}

/* Waits until the server has logged @n lines: "request-finished" may come
 * after the client already has the answer. */
static void
wait_for_log_lines (guint n)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (server_log->len < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (server_log->len, >=, n);
}

static void
test_log_has_one_line_per_request_without_secrets (Fixture       *fixture,
                                                   gconstpointer  data)
{
  g_autoptr(SoupMessage) ok_msg = NULL;
  g_autoptr(SoupMessage) missing_msg = NULL;
  g_autoptr(GBytes) ok_body = NULL;
  g_autoptr(GBytes) missing_body = NULL;
  g_autofree char *expected_ok = NULL;
  g_autofree char *expected_missing = NULL;

  g_ptr_array_set_size (server_log, 0);

  ok_msg = request (fixture, SOUP_METHOD_GET, "/api/v1/status?token=s3cret-in-query", &ok_body);
  g_assert_cmpuint (soup_message_get_status (ok_msg), ==, SOUP_STATUS_OK);
  wait_for_log_lines (1);

  missing_msg = request (fixture, SOUP_METHOD_GET, "/api/v1/nowhere?api_key=s3cret-in-query",
                         &missing_body);
  g_assert_cmpuint (soup_message_get_status (missing_msg), ==, SOUP_STATUS_NOT_FOUND);
  wait_for_log_lines (2);

  g_assert_cmpuint (server_log->len, ==, 2);

  expected_ok = g_strdup_printf ("127.0.0.1 \"GET /api/v1/status\" 200 %" G_GSIZE_FORMAT " bytes ",
                                 g_bytes_get_size (ok_body));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (server_log, 0), expected_ok));
  expected_missing = g_strdup_printf ("127.0.0.1 \"GET /api/v1/nowhere\" 404 %" G_GSIZE_FORMAT " bytes ",
                                      g_bytes_get_size (missing_body));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (server_log, 1), expected_missing));

  for (guint i = 0; i < server_log->len; i++)
    {
      const char *line = g_ptr_array_index (server_log, i);

      g_assert_true (g_str_has_suffix (line, " ms"));
      g_assert_null (strchr (line, '\n'));
      g_assert_null (strstr (line, "s3cret"));
      g_assert_null (strstr (line, "t0ken"));
    }
}

static void
test_listen_address_forms (void)
{
  struct {
    const char *address;
    const char *uri_prefix;
  } good[] = {
    { "127.0.0.1:0", "http://127.0.0.1:" },
    { "localhost:0", "http://" },
    { "[::1]:0", "http://[::1]:" },
  };
  const char *bad[] = { "pamong.example.org:8080", "127.0.0.1", "127.0.0.1:http" };
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("pamong-server-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (tmpdir, "listen.db", NULL);
  g_autoptr(PamongStore) store = NULL;

  g_assert_no_error (error);
  store = pamong_store_open (db_path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(PamongServer) server = pamong_server_new (store);
      g_autoptr(GError) listen_error = NULL;
      g_autoptr(GUri) uri = NULL;

      if (!pamong_server_listen (server, good[i].address, &listen_error)
          && g_str_has_prefix (good[i].address, "[")
          && (g_error_matches (listen_error, PAMONG_ERROR, PAMONG_ERROR_FAILED)))
        {
          /* Some containers have no IPv6 at all. */
          g_test_message ("No IPv6 loopback here: %s", listen_error->message);
          continue;
        }
      g_assert_no_error (listen_error);
      g_assert_true (g_str_has_prefix (pamong_server_get_uri (server), good[i].uri_prefix));
      uri = g_uri_parse (pamong_server_get_uri (server), G_URI_FLAGS_NONE, &listen_error);
      g_assert_no_error (listen_error);
      g_assert_cmpint (g_uri_get_port (uri), >, 0);
      pamong_server_disconnect (server);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(PamongServer) server = pamong_server_new (store);
      g_autoptr(GError) listen_error = NULL;

      g_assert_false (pamong_server_listen (server, bad[i], &listen_error));
      g_assert_error (listen_error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
      g_assert_null (pamong_server_get_uri (server));
    }

  g_clear_object (&store);
  remove_tree (tmpdir);
}

static void
test_busy_port_is_a_clear_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("pamong-server-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (tmpdir, "busy.db", NULL);
  g_autoptr(PamongStore) store = NULL;
  g_autoptr(PamongServer) first = NULL;
  g_autoptr(PamongServer) second = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *taken = NULL;

  g_assert_no_error (error);
  store = pamong_store_open (db_path, &error);
  g_assert_no_error (error);

  first = pamong_server_new (store);
  pamong_server_listen (first, "127.0.0.1:0", &error);
  g_assert_no_error (error);
  uri = g_uri_parse (pamong_server_get_uri (first), G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  taken = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));

  second = pamong_server_new (store);
  g_assert_false (pamong_server_listen (second, taken, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, taken));

  g_clear_object (&second);
  g_clear_object (&first);
  g_clear_object (&store);
  remove_tree (tmpdir);
}

static void
test_parse_address (void)
{
  struct {
    const char *address;
    const char *host;
    guint16     port;
  } good[] = {
    { "127.0.0.1:8080", "127.0.0.1", 8080 },
    { "0.0.0.0:0", "0.0.0.0", 0 },
    { "[::1]:0", "::1", 0 },
    { "[::]:65535", "::", 65535 },
    { "localhost:8080", "localhost", 8080 },
  };
  const char *bad[] = {
    "", "127.0.0.1", "127.0.0.1:", ":8080", "::1", "::1:8080", "[::1]", "[::1]8080",
    "[]:80", "127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.1:80x", "localhost: 80",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *host = NULL;
      guint16 port = 1;

      g_assert_true (pamong_server_parse_address (good[i].address, &host, &port, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (host, ==, good[i].host);
      g_assert_cmpuint (port, ==, good[i].port);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *host = NULL;

      g_test_message ("address '%s'", bad[i]);
      g_assert_false (pamong_server_parse_address (bad[i], &host, NULL, &error));
      g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
      g_assert_null (host);
    }
}

static void
test_demo_only_on_loopback (void)
{
  const char *loopback[] = {
    "127.0.0.1", "127.8.9.1", "127.255.255.254", "::1", "[::1]", "localhost", "LOCALHOST",
  };
  const char *not_loopback[] = {
    "0.0.0.0", "192.168.1.10", "::", "[::]", "10.0.0.1", "128.0.0.1", "::ffff:192.168.1.10",
    "pamong.example.org", "localhost.example.org", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (loopback); i++)
    {
      g_test_message ("host '%s'", loopback[i]);
      g_assert_true (pamong_server_host_is_loopback (loopback[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_loopback); i++)
    {
      g_test_message ("host '%s'", not_loopback[i]);
      g_assert_false (pamong_server_host_is_loopback (not_loopback[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  server_log = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pamong/server/status-tells-name-version-and-schema", Fixture, NULL,
              fixture_set_up, test_status_tells_name_version_and_schema, fixture_tear_down);
  g_test_add ("/pamong/server/head-on-status-has-no-body", Fixture, NULL,
              fixture_set_up, test_head_on_status_has_no_body, fixture_tear_down);
  g_test_add ("/pamong/server/unknown-path-is-404-json", Fixture, NULL,
              fixture_set_up, test_unknown_path_is_404_json, fixture_tear_down);
  g_test_add ("/pamong/server/wrong-method-is-405-with-allow", Fixture, NULL,
              fixture_set_up, test_wrong_method_is_405_with_allow, fixture_tear_down);
  g_test_add ("/pamong/server/handler-errors-become-json", Fixture, NULL,
              fixture_set_up, test_handler_errors_become_json, fixture_tear_down);
  g_test_add ("/pamong/server/router-prefers-the-longest-pattern", Fixture, NULL,
              fixture_set_up, test_router_prefers_the_longest_pattern, fixture_tear_down);
  g_test_add ("/pamong/server/log-has-one-line-per-request-without-secrets", Fixture, NULL,
              fixture_set_up, test_log_has_one_line_per_request_without_secrets, fixture_tear_down);
  g_test_add_func ("/pamong/server/listen-address-forms", test_listen_address_forms);
  g_test_add_func ("/pamong/server/busy-port-is-a-clear-error", test_busy_port_is_a_clear_error);
  g_test_add_func ("/pamong/server/parse-address", test_parse_address);
  g_test_add_func ("/pamong/server/demo-only-on-loopback", test_demo_only_on_loopback);

  status = g_test_run ();

  g_clear_pointer (&server_log, g_ptr_array_unref);

  return status;
}
