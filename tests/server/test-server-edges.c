/* test-server-edges.c — the server's hard edges: body limits, JSON reading, errors, headers
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pamong-application.h"
#include "pamong-codec.h"
#include "pamong-collections.h"
#include "pamong-error.h"
#include "pamong-query.h"
#include "pamong-store-sql.h"

#include "server-test-util.h"

/*
 * Every test runs against the real server on loopback. Besides the API's
 * own routes, each server gets a test route, POST /test/echo, that reads
 * its body with pamong_server_read_json() and answers the parsed JSON:
 * it shows what reaches a handler and counts how often one ran.
 */

#define ECHO_PATH "/test/echo"

typedef struct
{
  PamongTestServer *ts;
  guint             echo_calls;
} Fixture;

static gboolean
handle_echo (PamongServer       *server,
             SoupServerMessage  *msg,
             const char         *subpath,
             gpointer            user_data,
             GError            **error)
{
  Fixture *fixture = user_data;
  g_autoptr(JsonNode) root = NULL;

  fixture->echo_calls++;

  root = pamong_server_read_json (msg, error);
  if (root == NULL)
    return FALSE;

  pamong_server_respond_json (msg, SOUP_STATUS_OK, root);
  return TRUE;
}

static gboolean
handle_store_failure (PamongServer       *server,
                      SoupServerMessage  *msg,
                      const char         *subpath,
                      gpointer            user_data,
                      GError            **error)
{
  g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_STORE,
                       "SELECT secret FROM server_tokens: database disk image is malformed "
                       "(/var/lib/pamong-server/pamong-server.db)");
  return FALSE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->ts = pamong_test_server_new (PAMONG_TEST_SERVER_NONE);
  fixture->echo_calls = 0;
  pamong_server_add_route (fixture->ts->server, SOUP_METHOD_POST, ECHO_PATH,
                           handle_echo, fixture, NULL);
  pamong_server_add_route (fixture->ts->server, SOUP_METHOD_GET, "/test/store-failure",
                           handle_store_failure, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->ts, pamong_test_server_free);
}

static PamongTestResponse *
post_echo (Fixture    *fixture,
           const char *content_type,
           const char *body,
           gssize      length)
{
  return pamong_test_request_full (fixture->ts, SOUP_METHOD_POST, ECHO_PATH, NULL,
                                   content_type, body, length, NULL);
}

/* "[[[…]]]" nested @depth deep around 1. */
static char *
nested_arrays (guint depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  g_string_append_c (text, '1');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');

  return g_string_free (text, FALSE);
}

/* A valid JSON document of exactly @size bytes: {"pad":"xxx…"}. */
static char *
json_of_size (gsize size)
{
  const char *head = "{\"pad\":\"";
  const char *tail = "\"}";
  gsize fixed = strlen (head) + strlen (tail);
  char *text;

  g_assert_cmpuint (size, >=, fixed);
  text = g_malloc (size + 1);
  memcpy (text, head, strlen (head));
  memset (text + strlen (head), 'x', size - fixed);
  memcpy (text + size - strlen (tail), tail, strlen (tail));
  text[size] = '\0';

  return text;
}

static void
assert_message_contains (PamongTestResponse *response,
                         const char         *needle)
{
  JsonObject *error = json_object_get_object_member (pamong_test_response_object (response),
                                                     "error");
  const char *message = json_object_get_string_member (error, "message");

  if (strstr (message, needle) == NULL)
    g_error ("The error message “%s” does not mention “%s”", message, needle);
}

static void
test_read_json_accepts_json (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *body = "{\"name\": \"Dinas Komunikasi dan Informatika\", \"tags\": [\"a\", \"é\"]}";
  const char *types[] = {
    "application/json",
    "application/json; charset=utf-8",
    "Application/JSON; charset=\"UTF-8\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(PamongTestResponse) response = post_echo (fixture, types[i], body, -1);
      JsonObject *root;

      g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
      root = pamong_test_response_object (response);
      g_assert_cmpstr (json_object_get_string_member (root, "name"), ==,
                       "Dinas Komunikasi dan Informatika");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "tags")),
                        ==, 2);
    }
  g_assert_cmpuint (fixture->echo_calls, ==, G_N_ELEMENTS (types));
}

static void
test_wrong_content_type (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *body = "{\"a\": 1}";
  const struct { const char *type; const char *needle; } cases[] = {
    { "text/plain", "application/json" },
    { "application/x-www-form-urlencoded", "application/json" },
    { "application/json-patch+json", "application/json" },
    { "application/json; charset=iso-8859-1", "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PamongTestResponse) response = post_echo (fixture, cases[i].type, body, -1);

      pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
      assert_message_contains (response, cases[i].needle);
    }
  g_assert_cmpuint (fixture->echo_calls, ==, G_N_ELEMENTS (cases));

  /* No Content-Type at all. */
  {
    g_autoptr(PamongTestResponse) response = post_echo (fixture, NULL, NULL, 0);

    pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
  }
}

static void
test_empty_body (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *bodies[] = { "", "   \n  " };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(PamongTestResponse) response = post_echo (fixture, "application/json",
                                                          bodies[i], -1);

      pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
    }
}

static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  data)
{
  /* A lone continuation byte, an overlong '/', and a NUL inside a string. */
  static const char latin1[] = "{\"name\": \"Caf\xe9\"}";
  static const char overlong[] = "{\"name\": \"\xc0\xaf\"}";
  static const char nul[] = "{\"name\": \"a\0b\"}";
  const struct { const char *body; gssize length; } cases[] = {
    { latin1, sizeof latin1 - 1 },
    { overlong, sizeof overlong - 1 },
    { nul, sizeof nul - 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PamongTestResponse) response = post_echo (fixture, "application/json",
                                                          cases[i].body, cases[i].length);

      pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
      assert_message_contains (response, "UTF-8");
    }
}

static void
test_malformed_json (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *bodies[] = {
    "{\"a\": 1",
    "{\"a\": 1,}",
    "[1, 2",
    "{\"a\": tru}",
    "\"unterminated",
    "{\"a\": 1} {\"b\": 2}",
    "[1] [2]",
    "{\"a\": \"}\"} x",
    /* json-glib's scanner would take these; JSON does not. */
    "{'a': 1}",
    "{\"a\": 1 /* comment */}",
    "{\"a\": 0x10}",
    "{\"a\": \"tab\there\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(PamongTestResponse) response = post_echo (fixture, "application/json",
                                                          bodies[i], -1);

      pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
      assert_message_contains (response, "JSON");
    }
}

static void
test_nesting_depth (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *at_limit = nested_arrays (PAMONG_SERVER_JSON_MAX_DEPTH);
  g_autofree char *over_limit = nested_arrays (PAMONG_SERVER_JSON_MAX_DEPTH + 1);
  g_autofree char *hostile = nested_arrays (400000);
  g_autoptr(GString) in_strings = g_string_new ("{\"a\": \"");
  g_autoptr(PamongTestResponse) ok = NULL;
  g_autoptr(PamongTestResponse) deep = NULL;
  g_autoptr(PamongTestResponse) very_deep = NULL;
  g_autoptr(PamongTestResponse) strings = NULL;

  ok = post_echo (fixture, "application/json", at_limit, -1);
  g_assert_cmpuint (ok->status, ==, SOUP_STATUS_OK);

  deep = post_echo (fixture, "application/json", over_limit, -1);
  pamong_test_response_assert_error (deep, SOUP_STATUS_BAD_REQUEST, "invalid-data");
  assert_message_contains (deep, "nested too deeply");

  /* 800 kB of brackets: refused by the scan, the parser never recurses. */
  very_deep = post_echo (fixture, "application/json", hostile, -1);
  pamong_test_response_assert_error (very_deep, SOUP_STATUS_BAD_REQUEST, "invalid-data");
  assert_message_contains (very_deep, "nested too deeply");

  /* Brackets inside strings, after escaped quotes too, do not count. */
  for (guint i = 0; i < 100; i++)
    g_string_append (in_strings, "[{\\\"");
  g_string_append (in_strings, "\", \"b\": \"\\\\\", \"c\": [[\"]]]]]]]]\"]]}");
  strings = post_echo (fixture, "application/json", in_strings->str, -1);
  g_assert_cmpuint (strings->status, ==, SOUP_STATUS_OK);
}

static void
test_check_json_depth (void)
{
  g_autoptr(GError) error = NULL;
  const struct { const char *text; guint max_depth; gboolean ok; } cases[] = {
    { "", 0, TRUE },
    { "1", 0, TRUE },
    { "[]", 0, FALSE },
    { "[]", 1, TRUE },
    { "[[]]", 1, FALSE },
    { "[], [], []", 1, TRUE },
    { "{\"a\": {\"b\": [1]}}", 3, TRUE },
    { "{\"a\": {\"b\": [1]}}", 2, FALSE },
    { "[\"[[[[\"]", 1, TRUE },
    { "[\"\\\"[[[[\"]", 1, TRUE },
    { "[\"\\\\\", [[1]]]", 2, FALSE },
    { "[\"\\\\\", [[1]]]", 3, TRUE },
    /* Unbalanced closers never make room for more openers than allowed. */
    { "]]]]][[", 1, FALSE },
    { "\"[[[[", 0, TRUE },
    { "[true, false, null, -1.5e+3, \"x\"]", 1, TRUE },
    /* A single-quoted string must not hide a '"' and the depth behind it. */
    { "{'a\"': [[[1]]]}", 3, FALSE },
    { "{'a\"': [[[1]]]}", 10, FALSE },
    { "[1 /* ] */]", 5, FALSE },
    { "[\"a\nb\"]", 5, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean ok = pamong_server_check_json_depth (cases[i].text, strlen (cases[i].text),
                                                    cases[i].max_depth, &error);

      if (ok != cases[i].ok)
        g_error ("check_json_depth (%s, %u) gave %d", cases[i].text, cases[i].max_depth, ok);
      if (ok)
        g_assert_no_error (error);
      else
        g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
      g_clear_error (&error);
    }
}

static void
test_default_limits (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *at_limit = json_of_size (PAMONG_SERVER_DEFAULT_JSON_LIMIT);
  g_autofree char *over_limit = json_of_size (PAMONG_SERVER_DEFAULT_JSON_LIMIT + 1);
  g_autoptr(PamongTestResponse) ok = NULL;
  g_autoptr(PamongTestResponse) too_large = NULL;

  g_assert_cmpuint (pamong_server_get_json_limit (fixture->ts->server), ==, 1024 * 1024);
  g_assert_cmpuint (pamong_server_get_blob_limit (fixture->ts->server), ==, 20 * 1024 * 1024);

  ok = post_echo (fixture, "application/json", at_limit, -1);
  g_assert_cmpuint (ok->status, ==, SOUP_STATUS_OK);
  g_assert_cmpuint (fixture->echo_calls, ==, 1);

  too_large = post_echo (fixture, "application/json", over_limit, -1);
  pamong_test_response_assert_error (too_large, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                     "too-large");
  assert_message_contains (too_large, "MiB");
  /* Refused from the headers: no handler saw it. */
  g_assert_cmpuint (fixture->echo_calls, ==, 1);
}

static void
test_content_length_over_limit (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *at_limit = json_of_size (1024);
  g_autofree char *over_limit = json_of_size (1025);
  g_autoptr(PamongTestResponse) ok = NULL;
  g_autoptr(PamongTestResponse) too_large = NULL;
  g_autoptr(PamongTestResponse) after = NULL;

  pamong_server_set_json_limit (fixture->ts->server, 1024);
  g_assert_cmpuint (pamong_server_get_json_limit (fixture->ts->server), ==, 1024);

  ok = post_echo (fixture, "application/json", at_limit, -1);
  g_assert_cmpuint (ok->status, ==, SOUP_STATUS_OK);

  too_large = post_echo (fixture, "application/json", over_limit, -1);
  pamong_test_response_assert_error (too_large, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                     "too-large");
  assert_message_contains (too_large, "KiB");
  g_assert_cmpuint (fixture->echo_calls, ==, 1);
  g_assert_cmpstr (pamong_test_response_header (too_large, "X-Content-Type-Options"), ==,
                   "nosniff");

  /* The server still answers afterwards. */
  after = pamong_test_request (fixture->ts, SOUP_METHOD_GET,
                               PAMONG_SERVER_API_PREFIX "/status", NULL, NULL);
  g_assert_cmpuint (after->status, ==, SOUP_STATUS_OK);
}

static PamongTestResponse *
post_chunked (Fixture    *fixture,
              const char *path,
              const char *body,
              gsize       length)
{
  g_autofree char *uri = pamong_test_server_uri (fixture->ts, path);
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_POST, uri);
  g_autoptr(GBytes) bytes = g_bytes_new (body, length);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  /* A stream of unknown length goes out chunked, without Content-Length. */
  soup_message_set_request_body (msg, "application/json", stream, -1);

  return pamong_test_send (fixture->ts, msg);
}

static void
test_chunked_over_limit (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *small = json_of_size (1000);
  g_autofree char *large = json_of_size (64 * 1024);
  g_autoptr(PamongTestResponse) ok = NULL;
  g_autoptr(PamongTestResponse) too_large = NULL;

  pamong_server_set_json_limit (fixture->ts->server, 1024);

  ok = post_chunked (fixture, ECHO_PATH, small, strlen (small));
  g_assert_cmpuint (ok->status, ==, SOUP_STATUS_OK);
  /* The whole body arrived: {"pad":"…"} is 10 bytes around the padding. */
  g_assert_cmpuint (strlen (json_object_get_string_member (pamong_test_response_object (ok),
                                                           "pad")), ==, 1000 - 10);

  too_large = post_chunked (fixture, ECHO_PATH, large, strlen (large));
  pamong_test_response_assert_error (too_large, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                     "too-large");
  g_assert_cmpuint (fixture->echo_calls, ==, 1);
}

static void
test_expect_continue_over_limit (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *uri = pamong_test_server_uri (fixture->ts, ECHO_PATH);
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_POST, uri);
  g_autofree char *large = json_of_size (4096);
  g_autoptr(GBytes) bytes = g_bytes_new (large, strlen (large));
  g_autoptr(PamongTestResponse) response = NULL;

  pamong_server_set_json_limit (fixture->ts->server, 1024);

  /* With "Expect: 100-continue" the client waits for the go-ahead; the
   * 413 comes instead, and the body is never sent. */
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  soup_message_headers_set_expectations (soup_message_get_request_headers (msg),
                                         SOUP_EXPECTATION_CONTINUE);
  response = pamong_test_send (fixture->ts, msg);

  pamong_test_response_assert_error (response, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                     "too-large");
  g_assert_cmpuint (fixture->echo_calls, ==, 0);
}

static gboolean
handle_count_blob (PamongServer       *server,
                   SoupServerMessage  *msg,
                   const char         *subpath,
                   gpointer            user_data,
                   GError            **error)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (root, (gint64) g_bytes_get_size (bytes));
  pamong_server_respond_json (msg, SOUP_STATUS_OK, root);
  return TRUE;
}

static void
test_blob_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  /* A blob route of its own, so this does not depend on the real one. */
  const char *path = PAMONG_SERVER_BLOBS_PREFIX "test";
  g_autofree char *blob = g_malloc0 (5000);
  g_autoptr(PamongTestResponse) json_route = NULL;
  g_autoptr(PamongTestResponse) within = NULL;
  g_autoptr(PamongTestResponse) over = NULL;
  g_autoptr(PamongTestResponse) over_chunked = NULL;

  memset (blob, 'b', 5000);
  pamong_server_add_route (fixture->ts->server, SOUP_METHOD_PUT,
                           PAMONG_SERVER_BLOBS_PREFIX "test", handle_count_blob, NULL, NULL);
  pamong_server_set_json_limit (fixture->ts->server, 1024);
  pamong_server_set_blob_limit (fixture->ts->server, 4096);
  g_assert_cmpuint (pamong_server_get_blob_limit (fixture->ts->server), ==, 4096);

  /* 2000 bytes: too much for a JSON route, fine for a blob. */
  json_route = pamong_test_request_full (fixture->ts, SOUP_METHOD_POST, ECHO_PATH, NULL,
                                         "application/json", blob, 2000, NULL);
  pamong_test_response_assert_error (json_route, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                     "too-large");

  within = pamong_test_request_full (fixture->ts, SOUP_METHOD_PUT, path, NULL,
                                     "application/octet-stream", blob, 4096, NULL);
  g_assert_cmpuint (within->status, ==, SOUP_STATUS_OK);
  g_assert_cmpint (json_node_get_int (within->json), ==, 4096);

  over = pamong_test_request_full (fixture->ts, SOUP_METHOD_PUT, path, NULL,
                                   "application/octet-stream", blob, 4097, NULL);
  pamong_test_response_assert_error (over, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large");
  assert_message_contains (over, "4.0");

  {
    g_autofree char *uri = pamong_test_server_uri (fixture->ts, path);
    g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_PUT, uri);
    g_autoptr(GBytes) bytes = g_bytes_new (blob, 5000);
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

    soup_message_set_request_body (msg, "application/octet-stream", stream, -1);
    over_chunked = pamong_test_send (fixture->ts, msg);
    pamong_test_response_assert_error (over_chunked, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                       "too-large");
  }
}

static void
test_not_found_and_method (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PamongTestResponse) missing = NULL;
  g_autoptr(PamongTestResponse) outside = NULL;
  g_autoptr(PamongTestResponse) method = NULL;

  missing = pamong_test_request (fixture->ts, SOUP_METHOD_GET,
                                 PAMONG_SERVER_API_PREFIX "/no-such-thing", NULL, NULL);
  pamong_test_response_assert_error (missing, SOUP_STATUS_NOT_FOUND, "not-found");

  outside = pamong_test_request (fixture->ts, SOUP_METHOD_GET, "/index.html", NULL, NULL);
  pamong_test_response_assert_error (outside, SOUP_STATUS_NOT_FOUND, "not-found");

  method = pamong_test_request (fixture->ts, SOUP_METHOD_DELETE,
                                PAMONG_SERVER_API_PREFIX "/status", NULL, NULL);
  pamong_test_response_assert_error (method, SOUP_STATUS_METHOD_NOT_ALLOWED,
                                     "method-not-allowed");
  g_assert_nonnull (pamong_test_response_header (method, "Allow"));
  g_assert_nonnull (strstr (pamong_test_response_header (method, "Allow"), "GET"));
}

static void
test_server_errors_hide_details (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PamongTestResponse) response = NULL;
  g_autofree char *body = NULL;

  /* The test route fails with a store error quoting SQL and a path; the
   * details go to the server's log only. */
  response = pamong_test_request (fixture->ts, SOUP_METHOD_GET, "/test/store-failure",
                                  NULL, NULL);

  pamong_test_response_assert_error (response, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                     "store-error");
  body = g_strndup (g_bytes_get_data (response->body, NULL), g_bytes_get_size (response->body));
  g_assert_null (strstr (body, "SELECT"));
  g_assert_null (strstr (body, "server_tokens"));
  g_assert_null (strstr (body, "/var/lib"));
  g_assert_null (strstr (body, "malformed"));
}

static void
assert_security_headers (PamongTestResponse *response,
                         gboolean            api)
{
  g_assert_cmpstr (pamong_test_response_header (response, "X-Content-Type-Options"), ==,
                   "nosniff");
  g_assert_nonnull (pamong_test_response_header (response, "Content-Security-Policy"));
  if (api)
    g_assert_cmpstr (pamong_test_response_header (response, "Cache-Control"), ==, "no-store");
  /* No CORS: a browser page elsewhere cannot read the API. */
  g_assert_null (pamong_test_response_header (response, "Access-Control-Allow-Origin"));
  g_assert_null (pamong_test_response_header (response, "Access-Control-Allow-Credentials"));
  g_assert_null (pamong_test_response_header (response, "Access-Control-Allow-Methods"));
}

static void
test_security_headers (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PamongTestResponse) status = NULL;
  g_autoptr(PamongTestResponse) missing = NULL;
  g_autoptr(PamongTestResponse) invalid = NULL;
  g_autoptr(PamongTestResponse) outside = NULL;
  g_autoptr(PamongTestResponse) preflight = NULL;

  status = pamong_test_request_full (fixture->ts, SOUP_METHOD_GET,
                                     PAMONG_SERVER_API_PREFIX "/status", NULL, NULL, NULL, 0,
                                     "Origin", "https://evil.example", NULL);
  g_assert_cmpuint (status->status, ==, SOUP_STATUS_OK);
  assert_security_headers (status, TRUE);
  g_assert_cmpstr (pamong_test_response_header (status, "Content-Type"), ==,
                   "application/json");

  missing = pamong_test_request (fixture->ts, SOUP_METHOD_GET,
                                 PAMONG_SERVER_API_PREFIX "/nothing", NULL, NULL);
  assert_security_headers (missing, TRUE);

  invalid = post_echo (fixture, "application/json", "{", -1);
  assert_security_headers (invalid, FALSE);

  outside = pamong_test_request (fixture->ts, SOUP_METHOD_GET, "/robots.txt", NULL, NULL);
  assert_security_headers (outside, FALSE);
  g_assert_null (pamong_test_response_header (outside, "Cache-Control"));

  /* A CORS preflight is not answered as one. */
  preflight = pamong_test_request_full (fixture->ts, SOUP_METHOD_OPTIONS,
                                        PAMONG_SERVER_API_PREFIX "/status", NULL, NULL, NULL, 0,
                                        "Origin", "https://evil.example",
                                        "Access-Control-Request-Method", "PUT",
                                        NULL);
  pamong_test_response_assert_error (preflight, SOUP_STATUS_METHOD_NOT_ALLOWED,
                                     "method-not-allowed");
  assert_security_headers (preflight, TRUE);
}

/* Sends @request over a plain socket and returns everything the server
 * answers until it closes the connection. */
static char *
raw_exchange (Fixture    *fixture,
              const char *request)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) answer = g_string_new (NULL);
  GInputStream *input;
  GOutputStream *output;
  char buffer[4096];
  gssize n;

  uri = g_uri_parse (pamong_server_get_uri (fixture->ts->server), G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);

  /* The server runs on this thread's main context: talk from a thread. */
  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri),
                                                g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  output = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  input = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  g_output_stream_write_all (output, request, strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);

  while ((n = g_input_stream_read (input, buffer, sizeof buffer, NULL, &error)) > 0)
    g_string_append_len (answer, buffer, n);
  g_assert_no_error (error);

  return g_string_free (g_steal_pointer (&answer), FALSE);
}

typedef struct
{
  Fixture    *fixture;
  const char *request;
  char       *answer;
  gboolean    done;
} RawJob;

static gpointer
raw_thread (gpointer data)
{
  RawJob *job = data;

  job->answer = raw_exchange (job->fixture, job->request);
  g_atomic_int_set (&job->done, TRUE);
  g_main_context_wakeup (NULL);

  return NULL;
}

static char *
raw_request (Fixture    *fixture,
             const char *request)
{
  RawJob job = { fixture, request, NULL, FALSE };
  GThread *thread = g_thread_new ("raw-client", raw_thread, &job);

  while (!g_atomic_int_get (&job.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);

  return job.answer;
}

static void
test_libsoup_refusals_are_json (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *answer = NULL;
  const char *body;

  /* SoupServer refuses an https:// request line on a plain connection
   * before any route runs; the answer is still a JSON error. */
  answer = raw_request (fixture,
                        "GET https://127.0.0.1/api/v1/status HTTP/1.1\r\n"
                        "Host: 127.0.0.1\r\n"
                        "Connection: close\r\n"
                        "\r\n");
  if (!g_str_has_prefix (answer, "HTTP/1.1 400 "))
    g_error ("Expected a 400, got “%s”", answer);
  g_assert_nonnull (strstr (answer, "Content-Type: application/json"));
  g_assert_nonnull (strstr (answer, "X-Content-Type-Options: nosniff"));
  body = strstr (answer, "\r\n\r\n");
  g_assert_nonnull (body);
  g_assert_true (g_str_has_prefix (body + 4, "{\"error\":{\"code\":\"invalid-data\""));
}

static void
test_refused_body_is_not_kept (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *answer = NULL;
  g_autoptr(GString) request = g_string_new (NULL);
  g_autofree char *body = json_of_size (3000);

  pamong_server_set_json_limit (fixture->ts->server, 1024);

  /* Over a raw connection: the 413 closes the connection, so a client
   * cannot go on sending to the same one. */
  g_string_append_printf (request,
                          "POST " ECHO_PATH " HTTP/1.1\r\n"
                          "Host: 127.0.0.1\r\n"
                          "Content-Type: application/json\r\n"
                          "Content-Length: %zu\r\n"
                          "\r\n%s", strlen (body), body);
  answer = raw_request (fixture, request->str);
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 413 "));
  g_assert_nonnull (strstr (answer, "Connection: close"));
  g_assert_nonnull (strstr (answer, "\"too-large\""));
  g_assert_cmpuint (fixture->echo_calls, ==, 0);
}

/* --- no partial writes ---------------------------------------------- */

/*
 * These run against the real write endpoints (PUT /api/v1/<collection>/
 * <uuid> and POST /api/v1/batch) over the demo dataset, as admin, and
 * compare the whole store before and after: every collection's row count
 * (tombstones included), the change log's length and its highest rev.
 */

typedef struct
{
  guint  records;
  gint64 changes;
  gint64 max_rev;
} Snapshot;

typedef struct
{
  PamongTestServer *ts;
  char             *token;
} WriteFixture;

static gint64
query_int (PamongStore *store,
           const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStoreStmt) stmt = pamong_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static Snapshot
snapshot_take (PamongTestServer *ts)
{
  Snapshot snapshot = { 0 };
  const GType *types;
  guint n_types = 0;

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(PamongQuery) query = pamong_query_new (types[i]);
      g_autoptr(GError) error = NULL;

      pamong_query_set_include_deleted (query, TRUE);
      snapshot.records += pamong_store_count (ts->store, query, &error);
      g_assert_no_error (error);
    }
  snapshot.changes = query_int (ts->store, "SELECT COUNT(*) FROM server_changes");
  snapshot.max_rev = query_int (ts->store, "SELECT COALESCE(MAX(rev), 0) FROM server_changes");

  return snapshot;
}

static void
assert_snapshot_equal (const Snapshot *before,
                       const Snapshot *after)
{
  g_assert_cmpuint (after->records, ==, before->records);
  g_assert_cmpint (after->changes, ==, before->changes);
  g_assert_cmpint (after->max_rev, ==, before->max_rev);
}

static void
write_fixture_set_up (WriteFixture  *fixture,
                      gconstpointer  data)
{
  fixture->ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  fixture->token = pamong_test_login_demo (fixture->ts, "admin");
}

static void
write_fixture_tear_down (WriteFixture  *fixture,
                         gconstpointer  data)
{
  g_clear_pointer (&fixture->token, g_free);
  g_clear_pointer (&fixture->ts, pamong_test_server_free);
}

/* A copy of a demo application under a new uuid, not yet on the server. */
static PamongRecord *
new_application (WriteFixture *fixture,
                 const char   *name)
{
  g_autoptr(PamongRecord) model = pamong_test_find_record (fixture->ts, PAMONG_TYPE_APPLICATION,
                                                           NULL, NULL);
  PamongRecord *record = pamong_record_copy (model);
  g_autofree char *uuid = g_uuid_string_random ();

  pamong_record_set_uuid (record, uuid);
  pamong_record_set_rev (record, 0);
  pamong_record_set_deleted (record, FALSE);
  pamong_application_set_name (PAMONG_APPLICATION (record), name);

  return record;
}

static char *
application_path (const char *uuid)
{
  return g_strdup_printf (PAMONG_SERVER_API_PREFIX "/applications/%s", uuid);
}

/* PUT @body (any bytes) to the application @uuid with one precondition. */
static PamongTestResponse *
put_body (WriteFixture *fixture,
          const char   *uuid,
          const char   *body,
          const char   *header,
          const char   *value)
{
  g_autofree char *path = application_path (uuid);

  return pamong_test_request_full (fixture->ts, SOUP_METHOD_PUT, path, fixture->token,
                                   "application/json", body, -1, header, value, NULL);
}

/* The record's JSON with one member replaced by @json_value (a JSON
 * text), or removed when @json_value is NULL. */
static char *
json_with_member (PamongRecord *record,
                  const char   *member,
                  const char   *json_value)
{
  g_autoptr(JsonNode) root = pamong_codec_encode (record);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *object = json_node_get_object (root);

  json_object_remove_member (object, member);
  if (json_value != NULL)
    {
      g_autoptr(GError) error = NULL;
      JsonNode *value = json_from_string (json_value, &error);

      g_assert_no_error (error);
      json_object_set_member (object, member, value);
    }
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

static char *
rev_etag (gint64 rev)
{
  return g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", rev);
}

static void
test_refused_writes_change_nothing (WriteFixture  *fixture,
                                    gconstpointer  data)
{
  g_autoptr(PamongRecord) fresh = new_application (fixture, "Aplikasi Uji Tepi");
  g_autoptr(PamongRecord) existing = pamong_test_find_record (fixture->ts,
                                                              PAMONG_TYPE_APPLICATION,
                                                              NULL, NULL);
  const char *fresh_uuid = pamong_record_get_uuid (fresh);
  const char *existing_uuid = pamong_record_get_uuid (existing);
  g_autofree char *if_match = rev_etag (pamong_record_get_rev (existing));
  g_autofree char *missing_name = json_with_member (fresh, "name", NULL);
  g_autofree char *bad_status = json_with_member (fresh, "status", "\"maybe\"");
  g_autofree char *bad_type = json_with_member (fresh, "year_built", "\"last year\"");
  g_autofree char *other_uuid = json_with_member (fresh, "uuid",
                                                  "\"0b8e3f3c-5a53-4c59-9d43-2b0c5e1e0a11\"");
  g_autofree char *update_bad = json_with_member (existing, "category", "\"nonsense\"");
  g_autofree char *too_deep = nested_arrays (PAMONG_SERVER_JSON_MAX_DEPTH + 1);
  g_autofree char *padding = g_strnfill (PAMONG_SERVER_DEFAULT_JSON_LIMIT, 'x');
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", padding);
  g_autofree char *too_large = json_with_member (fresh, "description", quoted);
  g_autoptr(PamongRecord) after = NULL;
  g_autoptr(GError) error = NULL;
  Snapshot before = snapshot_take (fixture->ts);
  const struct {
    const char *uuid;
    const char *body;
    const char *header;
    const char *value;
    guint       status;
    const char *code;
  } cases[] = {
    { fresh_uuid, missing_name, "If-None-Match", "*", 400, "missing-field" },
    { fresh_uuid, bad_status, "If-None-Match", "*", 400, "invalid-data" },
    { fresh_uuid, bad_type, "If-None-Match", "*", 400, "invalid-data" },
    { fresh_uuid, other_uuid, "If-None-Match", "*", 400, "invalid-data" },
    { fresh_uuid, "{\"name\": ", "If-None-Match", "*", 400, "invalid-data" },
    { fresh_uuid, "[1, 2, 3]", "If-None-Match", "*", 400, "invalid-data" },
    { existing_uuid, update_bad, "If-Match", if_match, 400, "invalid-data" },
    { existing_uuid, "{\"name\": \"x\"} {}", "If-Match", if_match, 400, "invalid-data" },
    { fresh_uuid, too_deep, "If-None-Match", "*", 400, "invalid-data" },
    { fresh_uuid, too_large, "If-None-Match", "*", 413, "too-large" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PamongTestResponse) response = put_body (fixture, cases[i].uuid, cases[i].body,
                                                         cases[i].header, cases[i].value);
      Snapshot now;

      g_test_message ("PUT with %s: %.120s", cases[i].header, cases[i].body);
      pamong_test_response_assert_error (response, cases[i].status, cases[i].code);
      now = snapshot_take (fixture->ts);
      assert_snapshot_equal (&before, &now);
    }

  /* The new record is not there; the old one is as it was. */
  g_assert_null (pamong_store_lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION,
                                      fresh_uuid, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = pamong_store_lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION, existing_uuid,
                               &error);
  g_assert_no_error (error);
  g_assert_true (pamong_record_equal (after, existing, FALSE));
  g_assert_cmpint (pamong_record_get_rev (after), ==, pamong_record_get_rev (existing));
}

/* Makes every store write of an application named @name fail inside the
 * transaction, after the change log row went in: a TEMP trigger lives on
 * the test's connection, which is the server's. */
static void
inject_failure (WriteFixture *fixture,
                gboolean      on)
{
  g_autoptr(GError) error = NULL;

  if (on)
    pamong_store_exec (fixture->ts->store,
                       "CREATE TEMP TRIGGER edges_fail_insert BEFORE INSERT ON applications "
                       "WHEN NEW.name = 'Gagal Tulis' "
                       "BEGIN SELECT RAISE (ABORT, 'injected failure'); END; "
                       "CREATE TEMP TRIGGER edges_fail_update BEFORE UPDATE ON applications "
                       "WHEN NEW.name = 'Gagal Tulis' "
                       "BEGIN SELECT RAISE (ABORT, 'injected failure'); END;",
                       &error);
  else
    pamong_store_exec (fixture->ts->store,
                       "DROP TRIGGER temp.edges_fail_insert; "
                       "DROP TRIGGER temp.edges_fail_update;",
                       &error);
  g_assert_no_error (error);
}

static void
test_failed_store_write_rolls_back (WriteFixture  *fixture,
                                    gconstpointer  data)
{
  g_autoptr(PamongRecord) fresh = new_application (fixture, "Gagal Tulis");
  g_autoptr(PamongRecord) existing = pamong_test_find_record (fixture->ts,
                                                              PAMONG_TYPE_APPLICATION,
                                                              NULL, NULL);
  g_autoptr(PamongRecord) renamed = pamong_record_copy (existing);
  g_autofree char *create = pamong_codec_encode_string (fresh);
  g_autofree char *update = NULL;
  g_autofree char *if_match = rev_etag (pamong_record_get_rev (existing));
  g_autoptr(PamongTestResponse) created = NULL;
  g_autoptr(PamongRecord) after = NULL;
  g_autoptr(GError) error = NULL;
  Snapshot before;
  Snapshot now;

  pamong_application_set_name (PAMONG_APPLICATION (renamed), "Gagal Tulis");
  update = pamong_codec_encode_string (renamed);

  inject_failure (fixture, TRUE);
  before = snapshot_take (fixture->ts);

  {
    g_autoptr(PamongTestResponse) response = put_body (fixture, pamong_record_get_uuid (fresh),
                                                       create, "If-None-Match", "*");
    g_autofree char *body = g_strndup (g_bytes_get_data (response->body, NULL),
                                       g_bytes_get_size (response->body));

    pamong_test_response_assert_error (response, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                       "store-error");
    g_assert_null (strstr (body, "injected"));
    now = snapshot_take (fixture->ts);
    assert_snapshot_equal (&before, &now);
  }

  {
    g_autoptr(PamongTestResponse) response = put_body (fixture, pamong_record_get_uuid (existing),
                                                       update, "If-Match", if_match);

    pamong_test_response_assert_error (response, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                       "store-error");
    now = snapshot_take (fixture->ts);
    assert_snapshot_equal (&before, &now);
  }

  after = pamong_store_lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION,
                               pamong_record_get_uuid (existing), &error);
  g_assert_no_error (error);
  g_assert_true (pamong_record_equal (after, existing, FALSE));

  /* Without the failure the same write goes through, so the comparison
   * above would have seen a change. */
  inject_failure (fixture, FALSE);
  created = put_body (fixture, pamong_record_get_uuid (fresh), create, "If-None-Match", "*");
  g_assert_cmpuint (created->status, ==, SOUP_STATUS_CREATED);
  now = snapshot_take (fixture->ts);
  g_assert_cmpuint (now.records, ==, before.records + 1);
  g_assert_cmpint (now.changes, ==, before.changes + 1);
  g_assert_cmpint (now.max_rev, >, before.max_rev);
}

static void
test_batch_failure_is_per_write (WriteFixture  *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PamongRecord) first = new_application (fixture, "Aplikasi Batch Satu");
  g_autoptr(PamongRecord) failing = new_application (fixture, "Gagal Tulis");
  g_autoptr(PamongRecord) invalid = new_application (fixture, "Aplikasi Batch Salah");
  g_autoptr(PamongRecord) last = new_application (fixture, "Aplikasi Batch Tiga");
  g_autofree char *invalid_json = json_with_member (invalid, "plan", "42");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) batch = NULL;
  g_autofree char *body = NULL;
  g_autoptr(PamongTestResponse) response = NULL;
  g_autoptr(PamongTestResponse) malformed = NULL;
  PamongRecord *writes[] = { first, failing, invalid, last };
  const guint expected[] = { 201, 500, 400, 201 };
  JsonArray *results;
  Snapshot before;
  Snapshot now;
  gint64 previous_rev = 0;

  inject_failure (fixture, TRUE);
  before = snapshot_take (fixture->ts);

  /* A malformed batch applies nothing. */
  malformed = pamong_test_request (fixture->ts, SOUP_METHOD_POST,
                                   PAMONG_SERVER_API_PREFIX "/batch", fixture->token,
                                   "{\"writes\": [{\"op\": \"put\"}, ");
  pamong_test_response_assert_error (malformed, SOUP_STATUS_BAD_REQUEST, "invalid-data");
  now = snapshot_take (fixture->ts);
  assert_snapshot_equal (&before, &now);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "writes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "op");
      json_builder_add_string_value (builder, "put");
      json_builder_set_member_name (builder, "collection");
      json_builder_add_string_value (builder, "applications");
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, pamong_record_get_uuid (writes[i]));
      json_builder_set_member_name (builder, "if_none_match");
      json_builder_add_string_value (builder, "*");
      json_builder_set_member_name (builder, "record");
      if (writes[i] == invalid)
        {
          g_autoptr(GError) error = NULL;

          json_builder_add_value (builder, json_from_string (invalid_json, &error));
          g_assert_no_error (error);
        }
      else
        {
          json_builder_add_value (builder, pamong_codec_encode (writes[i]));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  batch = json_builder_get_root (builder);
  body = json_to_string (batch, FALSE);

  response = pamong_test_request (fixture->ts, SOUP_METHOD_POST,
                                  PAMONG_SERVER_API_PREFIX "/batch", fixture->token, body);
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  results = json_object_get_array_member (pamong_test_response_object (response), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, G_N_ELEMENTS (writes));

  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      g_autoptr(PamongRecord) stored = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (json_object_get_int_member (result, "status"), ==, expected[i]);
      stored = pamong_store_lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION,
                                    pamong_record_get_uuid (writes[i]), &error);
      if (expected[i] >= 400)
        {
          JsonObject *failure = json_object_get_object_member (result, "error");

          g_assert_nonnull (failure);
          g_assert_nonnull (json_object_get_string_member (failure, "code"));
          g_assert_nonnull (json_object_get_string_member (failure, "message"));
          g_assert_null (strstr (json_object_get_string_member (failure, "message"),
                                 "injected"));
          g_assert_null (stored);
          g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND);
        }
      else
        {
          gint64 rev = json_object_get_int_member (result, "rev");

          g_assert_no_error (error);
          g_assert_cmpint (pamong_record_get_rev (stored), ==, rev);
          g_assert_cmpint (rev, >, previous_rev);
          previous_rev = rev;
        }
    }

  /* Exactly the two good writes went in, one change each. */
  now = snapshot_take (fixture->ts);
  g_assert_cmpuint (now.records, ==, before.records + 2);
  g_assert_cmpint (now.changes, ==, before.changes + 2);
  g_assert_cmpint (now.max_rev, ==, previous_rev);
}

static void
test_sql_text_is_only_data (WriteFixture  *fixture,
                            gconstpointer  data)
{
  const char *hostile = "Robert'); DROP TABLE server_changes; -- \" OR 1=1";
  g_autoptr(PamongRecord) fresh = new_application (fixture, hostile);
  g_autofree char *json = pamong_codec_encode_string (fresh);
  g_autoptr(PamongTestResponse) created = NULL;
  g_autoptr(PamongTestResponse) login = NULL;
  g_autoptr(PamongTestResponse) changes = NULL;
  g_autoptr(PamongRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  Snapshot before = snapshot_take (fixture->ts);
  Snapshot after;

  created = put_body (fixture, pamong_record_get_uuid (fresh), json, "If-None-Match", "*");
  g_assert_cmpuint (created->status, ==, SOUP_STATUS_CREATED);
  stored = pamong_store_lookup (fixture->ts->store, PAMONG_TYPE_APPLICATION,
                                pamong_record_get_uuid (fresh), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (stored)), ==, hostile);

  /* A user name that would end an SQL string logs nobody in. */
  login = pamong_test_login_response (fixture->ts, "admin' --", "x");
  pamong_test_response_assert_error (login, SOUP_STATUS_UNAUTHORIZED, "unauthorized");

  /* A query parameter is a number or refused, never SQL. */
  changes = pamong_test_request (fixture->ts, SOUP_METHOD_GET,
                                 PAMONG_SERVER_API_PREFIX "/changes?since=0%20OR%201=1",
                                 fixture->token, NULL);
  pamong_test_response_assert_error (changes, SOUP_STATUS_BAD_REQUEST, "invalid-data");

  after = snapshot_take (fixture->ts);
  g_assert_cmpint (after.changes, ==, before.changes + 1);
  g_assert_cmpuint (after.records, ==, before.records + 1);
}

int
main (int   argc,
      char *argv[])
{
  pamong_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/pamong/server/edges/" path, Fixture, NULL, \
              fixture_set_up, func, fixture_tear_down)

  ADD ("read-json-accepts-json-with-or-without-charset", test_read_json_accepts_json);
  ADD ("a-body-that-is-not-json-is-refused-by-content-type", test_wrong_content_type);
  ADD ("an-empty-body-is-invalid", test_empty_body);
  ADD ("invalid-utf8-is-invalid-data", test_invalid_utf8);
  ADD ("malformed-json-is-invalid-data", test_malformed_json);
  ADD ("json-nested-too-deeply-is-refused-before-parsing", test_nesting_depth);
  g_test_add_func ("/pamong/server/edges/the-depth-scan-respects-strings-and-escapes",
                   test_check_json_depth);
  ADD ("the-default-limit-is-one-mebibyte", test_default_limits);
  ADD ("a-content-length-over-the-limit-is-413-before-the-handler",
       test_content_length_over_limit);
  ADD ("a-chunked-body-growing-over-the-limit-is-413", test_chunked_over_limit);
  ADD ("expect-continue-over-the-limit-is-413-without-the-body",
       test_expect_continue_over_limit);
  ADD ("blob-routes-have-their-own-larger-limit", test_blob_limit);
  ADD ("a-refused-body-closes-the-connection", test_refused_body_is_not_kept);
  ADD ("unknown-paths-and-methods-are-json-errors", test_not_found_and_method);
  ADD ("server-errors-hide-sql-and-paths", test_server_errors_hide_details);
  ADD ("every-answer-has-the-security-headers-and-no-cors", test_security_headers);
  ADD ("requests-soup-refuses-get-json-errors-too", test_libsoup_refusals_are_json);

#undef ADD

  g_test_add ("/pamong/server/edges/refused-writes-change-nothing", WriteFixture, NULL,
              write_fixture_set_up, test_refused_writes_change_nothing,
              write_fixture_tear_down);
  g_test_add ("/pamong/server/edges/a-write-failing-in-the-store-rolls-back-completely",
              WriteFixture, NULL,
              write_fixture_set_up, test_failed_store_write_rolls_back,
              write_fixture_tear_down);
  g_test_add ("/pamong/server/edges/a-batch-fails-per-write-and-never-half-a-write",
              WriteFixture, NULL,
              write_fixture_set_up, test_batch_failure_is_per_write,
              write_fixture_tear_down);

  g_test_add ("/pamong/server/edges/sql-metacharacters-are-stored-as-data", WriteFixture, NULL,
              write_fixture_set_up, test_sql_text_is_only_data, write_fixture_tear_down);

  return g_test_run ();
}
