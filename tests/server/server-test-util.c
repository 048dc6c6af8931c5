/* server-test-util.c — shared helpers of the server tests: a server on
 * loopback over a temporary store, requests, logins
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pamong-collections.h"
#include "pamong-demo.h"
#include "pamong-error.h"
#include "pamong-query.h"
#include "pamong-unit.h"

#include "pamong-server-auth.h"
#include "pamong-server-records.h"
#include "pamong-server-schema.h"
#include "pamong-server-totp.h"
#include "pamong-store-sql.h"

#include "server-test-util.h"

void
pamong_test_init (int    *argc,
                  char ***argv)
{
  /* argon2id at its production cost makes every login ~0.1 s and 64 MiB;
   * the server's tests use libsodium's minimum instead. */
  g_setenv ("PAMONG_SERVER_FAST_HASH", "1", FALSE);
  g_test_init (argc, argv, NULL);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/**
 * pamong_test_seed_demo:
 * @store: a server store
 * @error: return location for a #GError
 *
 * Seeds the Blora demo as pamong-server --demo blora does: every record gets
 * a rev, and the demo accounts exist.
 */
gboolean
pamong_test_seed_demo (PamongStore  *store,
                       GError      **error)
{
  g_autoptr(GPtrArray) records = NULL;
  PamongDemoOptions options;

  pamong_demo_options_init (&options);
  options.size = PAMONG_DEMO_SIZE_DEMO;
  records = pamong_demo_generate_records (&options, error);

  return records != NULL &&
         pamong_server_records_seed (store, records, error) &&
         pamong_server_users_add_demo (store, error);
}

/* The demo database made once per build (make-demo-db, PAMONG_TEST_DEMO_DB)
 * is copied; without it the store is seeded here. */
static void
prepare_demo (const char *db_path)
{
  const char *prepared = g_getenv ("PAMONG_TEST_DEMO_DB");
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = NULL;

  if (prepared != NULL && g_file_test (prepared, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) source = g_file_new_for_path (prepared);
      g_autoptr(GFile) target = g_file_new_for_path (db_path);

      g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      return;
    }

  store = pamong_server_open_store (db_path, &error);
  g_assert_no_error (error);
  pamong_test_seed_demo (store, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));
}

PamongTestServer *
pamong_test_server_new (PamongTestServerFlags flags)
{
  g_autoptr(GError) error = NULL;
  PamongTestServer *ts = g_new0 (PamongTestServer, 1);

  /* Cheap argon2id for the demo accounts, also when a test binary runs
   * outside meson without pamong_test_init(). */
  if (g_getenv ("PAMONG_SERVER_FAST_HASH") == NULL)
    g_setenv ("PAMONG_SERVER_FAST_HASH", "1", FALSE);

  ts->tmpdir = g_dir_make_tmp ("pamong-server-test-XXXXXX", &error);
  g_assert_no_error (error);
  ts->db_path = g_build_filename (ts->tmpdir, "server.db", NULL);

  if (flags & PAMONG_TEST_SERVER_DEMO)
    prepare_demo (ts->db_path);

  ts->store = pamong_server_open_store (ts->db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ts->store);

  ts->server = pamong_server_new (ts->store);
  pamong_server_set_demo (ts->server, (flags & PAMONG_TEST_SERVER_DEMO) != 0);

  if (!(flags & PAMONG_TEST_SERVER_NO_LISTEN))
    {
      pamong_server_listen (ts->server, "127.0.0.1:0", &error);
      g_assert_no_error (error);
    }

  ts->session = soup_session_new_with_options ("proxy-resolver", NULL,
                                               "timeout", 30,
                                               NULL);
  ts->totp_secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return ts;
}

void
pamong_test_server_free (PamongTestServer *ts)
{
  if (ts == NULL)
    return;

  g_clear_object (&ts->session);
  pamong_server_disconnect (ts->server);
  /* Let the closed connections go before checking for leaks. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* Work still in flight holds the server: a login check whose client has
   * already moved on (a test that only needed other requests to be answered
   * meanwhile) finishes its password hash in a thread and comes back through
   * the main loop. Wait for it, up to a minute, rather than call it a leak. */
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (G_OBJECT (ts->server)->ref_count > 1 && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }
  g_assert_finalize_object (ts->server);
  g_assert_finalize_object (ts->store);
  g_clear_pointer (&ts->totp_secrets, g_hash_table_unref);
  remove_tree (ts->tmpdir);
  g_free (ts->tmpdir);
  g_free (ts->db_path);
  g_free (ts);
}

char *
pamong_test_server_uri (PamongTestServer *ts,
                        const char       *path)
{
  g_autoptr(GError) error = NULL;
  const char *base = pamong_server_get_uri (ts->server);
  char *uri;

  g_assert_nonnull (base);
  uri = g_uri_resolve_relative (base, path, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);

  return uri;
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

PamongTestResponse *
pamong_test_send (PamongTestServer *ts,
                  SoupMessage      *msg)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Fetch fetch = { loop, NULL, NULL };
  PamongTestResponse *response;
  const char *content_type;

  soup_session_send_and_read_async (ts->session, msg, G_PRIORITY_DEFAULT, NULL,
                                    fetch_done, &fetch);
  g_main_loop_run (loop);
  g_assert_no_error (fetch.error);

  response = g_new0 (PamongTestResponse, 1);
  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  response->body = fetch.body;

  content_type = soup_message_headers_get_content_type (response->headers, NULL);
  if (g_strcmp0 (content_type, "application/json") == 0 && g_bytes_get_size (fetch.body) > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      json_parser_load_from_data (parser, g_bytes_get_data (fetch.body, NULL),
                                  g_bytes_get_size (fetch.body), &error);
      g_assert_no_error (error);
      response->json = json_node_copy (json_parser_get_root (parser));
    }

  return response;
}

static PamongTestResponse *
request_valist (PamongTestServer *ts,
                const char       *method,
                const char       *path,
                const char       *token,
                const char       *content_type,
                const char       *body,
                gssize            length,
                va_list           headers)
{
  g_autofree char *uri = pamong_test_server_uri (ts, path);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  SoupMessageHeaders *request_headers;
  const char *name;

  g_assert_nonnull (msg);
  request_headers = soup_message_get_request_headers (msg);

  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (request_headers, "Authorization", authorization);
    }

  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = NULL;

      if (length < 0)
        length = strlen (body);
      bytes = g_bytes_new (body, length);
      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
    }

  while ((name = va_arg (headers, const char *)) != NULL)
    {
      const char *value = va_arg (headers, const char *);

      soup_message_headers_replace (request_headers, name, value);
    }

  return pamong_test_send (ts, msg);
}

PamongTestResponse *
pamong_test_request_full (PamongTestServer *ts,
                          const char       *method,
                          const char       *path,
                          const char       *token,
                          const char       *content_type,
                          const char       *body,
                          gssize            length,
                          ...)
{
  PamongTestResponse *response;
  va_list headers;

  va_start (headers, length);
  response = request_valist (ts, method, path, token, content_type, body, length, headers);
  va_end (headers);

  return response;
}

PamongTestResponse *
pamong_test_request (PamongTestServer *ts,
                     const char       *method,
                     const char       *path,
                     const char       *token,
                     const char       *json)
{
  return pamong_test_request_full (ts, method, path, token,
                                   json != NULL ? "application/json" : NULL,
                                   json, -1, NULL);
}

void
pamong_test_response_free (PamongTestResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->json, json_node_unref);
  g_free (response);
}

JsonObject *
pamong_test_response_object (PamongTestResponse *response)
{
  if (response->json == NULL || !JSON_NODE_HOLDS_OBJECT (response->json))
    g_error ("Expected a JSON object, got status %u with “%.*s”", response->status,
             (int) MIN (g_bytes_get_size (response->body), 400),
             (const char *) g_bytes_get_data (response->body, NULL));

  return json_node_get_object (response->json);
}

const char *
pamong_test_response_header (PamongTestResponse *response,
                             const char         *name)
{
  return soup_message_headers_get_one (response->headers, name);
}

void
pamong_test_response_assert_error (PamongTestResponse *response,
                                   guint               status,
                                   const char         *code)
{
  JsonObject *root;
  JsonObject *error;
  const char *message;

  if (response->status != status)
    g_error ("Expected status %u, got %u with “%.*s”", status, response->status,
             (int) MIN (g_bytes_get_size (response->body), 400),
             (const char *) g_bytes_get_data (response->body, NULL));

  root = pamong_test_response_object (response);
  g_assert_true (json_object_has_member (root, "error"));
  error = json_object_get_object_member (root, "error");
  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  message = json_object_get_string_member (error, "message");
  g_assert_nonnull (message);
  g_assert_cmpuint (strlen (message), >, 10);
}

SoupMessage *
pamong_test_login_message (PamongTestServer *ts,
                           const char       *username,
                           const char       *password)
{
  g_autofree char *uri = pamong_test_server_uri (ts, PAMONG_SERVER_API_PREFIX "/auth/login");

  return pamong_test_login_message_for_uri (uri, username, password);
}

static SoupMessage *
login_message (const char *uri,
               const char *username,
               const char *password,
               const char *otp)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessage *msg;
  char *text;
  gsize length = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  if (otp != NULL)
    {
      json_builder_set_member_name (builder, "otp");
      json_builder_add_string_value (builder, otp);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  body = g_bytes_new_take (text, length);

  msg = soup_message_new (SOUP_METHOD_POST, uri);
  g_assert_nonnull (msg);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);

  return msg;
}

SoupMessage *
pamong_test_login_message_for_uri (const char *uri,
                                   const char *username,
                                   const char *password)
{
  return login_message (uri, username, password, NULL);
}

PamongTestResponse *
pamong_test_login_otp_response (PamongTestServer *ts,
                                const char       *username,
                                const char       *password,
                                const char       *otp)
{
  g_autofree char *uri = pamong_test_server_uri (ts, PAMONG_SERVER_API_PREFIX "/auth/login");
  g_autoptr(SoupMessage) msg = login_message (uri, username, password, otp);

  return pamong_test_send (ts, msg);
}

PamongTestResponse *
pamong_test_login_response (PamongTestServer *ts,
                            const char       *username,
                            const char       *password)
{
  g_autoptr(SoupMessage) msg = pamong_test_login_message (ts, username, password);

  return pamong_test_send (ts, msg);
}

static char *
token_of (PamongTestResponse *response,
          const char         *username)
{
  JsonObject *root;
  const char *token;

  if (response->status != SOUP_STATUS_OK)
    g_error ("Logging in as %s failed with %u: %.*s", username, response->status,
             (int) MIN (g_bytes_get_size (response->body), 400),
             (const char *) g_bytes_get_data (response->body, NULL));

  root = pamong_test_response_object (response);
  token = json_object_get_string_member (root, "token");
  g_assert_nonnull (token);

  return g_strdup (token);
}

char *
pamong_test_login (PamongTestServer *ts,
                   const char       *username,
                   const char       *password)
{
  g_autoptr(PamongTestResponse) response = pamong_test_login_response (ts, username, password);

  return token_of (response, username);
}

char *
pamong_test_totp_code (const char *secret_base32,
                       gint64      offset)
{
  g_autoptr(GBytes) secret = NULL;
  g_autoptr(GError) error = NULL;
  gint64 step = pamong_server_totp_step (g_get_real_time () / G_USEC_PER_SEC) + offset;

  secret = pamong_server_base32_decode (secret_base32, &error);
  g_assert_no_error (error);

  return pamong_server_hotp (g_bytes_get_data (secret, NULL), g_bytes_get_size (secret),
                             (guint64) step, PAMONG_SERVER_TOTP_DIGITS);
}

char *
pamong_test_login_with_otp (PamongTestServer *ts,
                            const char       *username,
                            const char       *password)
{
  g_autoptr(PamongTestResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  const char *secret = g_hash_table_lookup (ts->totp_secrets, username);

  if (secret == NULL)
    {
      char *enrolled = pamong_server_totp_enroll (ts->store, username, &error);

      g_assert_no_error (error);
      g_hash_table_insert (ts->totp_secrets, g_strdup (username), enrolled);
      secret = enrolled;
    }

  /* Each code opens one session; a test may need several in one step. */
  pamong_store_exec_param (ts->store,
                           "UPDATE server_users SET totp_last_step = NULL WHERE username = ?1",
                           username, "Could not forget the last TOTP step", &error);
  g_assert_no_error (error);

  code = pamong_test_totp_code (secret, 0);
  response = pamong_test_login_otp_response (ts, username, password, code);

  return token_of (response, username);
}

char *
pamong_test_login_demo_with_otp (PamongTestServer *ts,
                                 const char       *username)
{
  return pamong_test_login_with_otp (ts, username, PAMONG_SERVER_DEMO_PASSWORD);
}

char *
pamong_test_login_demo (PamongTestServer *ts,
                        const char       *username)
{
  return pamong_test_login (ts, username, PAMONG_SERVER_DEMO_PASSWORD);
}

char *
pamong_test_unit_uuid (PamongTestServer *ts,
                       const char       *code)
{
  g_autoptr(PamongRecord) unit = pamong_test_find_record (ts, PAMONG_TYPE_UNIT, "code", code);

  return g_strdup (pamong_record_get_uuid (unit));
}

PamongRecord *
pamong_test_find_record (PamongTestServer *ts,
                         GType             type,
                         const char       *field,
                         const char       *value)
{
  g_autoptr(PamongQuery) query = pamong_query_new (type);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  if (field != NULL)
    pamong_query_add_filter_string (query, field, value);
  model = pamong_store_query (ts->store, query, &error);
  g_assert_no_error (error);
  if (g_list_model_get_n_items (model) == 0)
    g_error ("No %s record with %s = %s", g_type_name (type),
             field != NULL ? field : "anything", value != NULL ? value : "");

  return g_list_model_get_item (model, 0);
}

char *
pamong_test_totp_wrong_code (const char *secret)
{
  char *codes[5] = { NULL, };
  guint candidate = 0;

  for (gint64 offset = -2; offset <= 2; offset++)
    codes[offset + 2] = pamong_test_totp_code (secret, offset);

  for (;; candidate++)
    {
      g_autofree char *text = g_strdup_printf ("%06u", candidate);
      gboolean taken = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
        taken |= g_strcmp0 (codes[i], text) == 0;
      if (!taken)
        {
          for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
            g_free (codes[i]);
          return g_steal_pointer (&text);
        }
    }
}

static GPtrArray *captured_log;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
      g_ptr_array_add (captured_log, g_strdup (fields[i].value));
    else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
      g_ptr_array_add (captured_log, g_strndup (fields[i].value, (gsize) fields[i].length));

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

GPtrArray *
pamong_test_capture_log (void)
{
  if (captured_log == NULL)
    {
      captured_log = g_ptr_array_new_with_free_func (g_free);
      g_log_set_writer_func (capture_writer, NULL, NULL);
    }
  return captured_log;
}
