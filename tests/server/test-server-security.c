/* test-server-security.c — the rows of docs/security.md no other server test shows
 *
 * The OWASP ASVS review of pamong-server (docs/security.md) names a test
 * for each requirement; the ones already shown elsewhere (roles, JSON
 * reading, tokens, rate limits) are named there. This file covers the
 * rest: no secret in the log, the security headers of every kind of
 * answer, blob names, a page limit on every list, 413 on every write
 * route, the password rules, and HTTPS refusing TLS before 1.2.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pamong-store-sql.h"
#include "pamong-unit.h"

#include "pamong-server-auth.h"
#include "pamong-server-open311.h"
#include "pamong-server-sync.h"

#include "server-test-util.h"

#define API PAMONG_SERVER_API_PREFIX
#define FORM_TYPE "application/x-www-form-urlencoded; charset=utf-8"

/* The pamong-server binary, from the command line (for the TLS test). */
static const char *server_binary;

/* ------------------------------------------------------------------ */
/* Every log message of the process (pamong_test_capture_log())         */
/* ------------------------------------------------------------------ */

static GPtrArray *captured_log;

static gboolean
log_has_line (const char *needle)
{
  for (guint i = 0; i < captured_log->len; i++)
    if (strstr (g_ptr_array_index (captured_log, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

/* The access log line of a request is written when SoupServer has sent
 * the answer, which may be just after the client has it. */
static void
wait_for_log_line (const char *needle)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (!log_has_line (needle) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  if (!log_has_line (needle))
    g_error ("No log line holds “%s”", needle);
}

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static gint64
count_rows (PamongTestServer *ts,
            const char       *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  pamong_store_query_int64 (ts->store, sql, NULL, &value, NULL, "count", &error);
  g_assert_no_error (error);

  return value;
}

static JsonArray *
member_array (PamongTestResponse *response,
              const char         *member)
{
  JsonObject *root = pamong_test_response_object (response);

  g_assert_true (json_object_has_member (root, member));
  return json_object_get_array_member (root, member);
}

static gboolean
member_more (PamongTestResponse *response)
{
  JsonObject *root = pamong_test_response_object (response);

  g_assert_true (json_object_has_member (root, "more"));
  return json_object_get_boolean_member (root, "more");
}

static char *
api_key_new (PamongTestServer *ts,
             const char       *label)
{
  g_autoptr(GError) error = NULL;
  char *key = pamong_server_api_key_create (ts->store, label, "admin", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (key);
  return key;
}

static char *
cert_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "server", "certs", name, NULL);
}

static SoupSession *
session_trusting_test_ca (void)
{
  g_autofree char *ca = cert_path ("ca.pem");
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = g_tls_file_database_new (ca, &error);
  g_assert_no_error (error);

  return soup_session_new_with_options ("proxy-resolver", NULL,
                                        "tls-database", database,
                                        "timeout", 30,
                                        NULL);
}

/* ------------------------------------------------------------------ */
/* V7.1.1, V3.1.1: no token, password or key ever reaches the log       */
/* ------------------------------------------------------------------ */

#define SAKSI_PASSWORD "Rahasia-Saksi-Unik-9317"
#define WRONG_PASSWORD "Salah-Tebakan-Unik-5521"

static void
test_log_holds_no_secret (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *admin = NULL;
  g_autofree char *operator = NULL;
  g_autofree char *saksi = NULL;
  g_autofree char *api_key = NULL;
  g_autofree char *query_path = NULL;
  g_autofree char *bearer = NULL;
  g_autofree char *form = NULL;
  g_autofree char *key_path = NULL;
  const char *secrets[6];

  g_ptr_array_set_size (captured_log, 0);

  admin = pamong_test_login_demo_with_otp (ts, "admin");
  operator = pamong_test_login_demo (ts, "operator");

  /* An account made over the API, with its password in the body. */
  {
    g_autoptr(PamongTestResponse) created = NULL;

    created = pamong_test_request (ts, SOUP_METHOD_PUT, API "/admin/users/saksi", admin,
                                   "{\"password\": \"" SAKSI_PASSWORD "\", \"role\": \"viewer\"}");
    g_assert_cmpuint (created->status, ==, SOUP_STATUS_CREATED);
  }
  saksi = pamong_test_login (ts, "saksi", SAKSI_PASSWORD);

  /* A wrong password, and a login body that is not JSON but holds one. */
  {
    g_autoptr(PamongTestResponse) wrong = pamong_test_login_response (ts, "saksi", WRONG_PASSWORD);
    g_autoptr(PamongTestResponse) broken = NULL;

    pamong_test_response_assert_error (wrong, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
    broken = pamong_test_request_full (ts, SOUP_METHOD_POST, API "/auth/login", NULL,
                                       "application/json",
                                       "{\"username\": \"saksi\", \"password\": \""
                                       WRONG_PASSWORD "\"", -1, NULL);
    pamong_test_response_assert_error (broken, SOUP_STATUS_BAD_REQUEST, "invalid-data");
  }

  /* Authenticated requests; one carries its token in the query string
   * too, one in a made-up header, one is refused. */
  query_path = g_strdup_printf (API "/auth/me?access_token=%s", saksi);
  bearer = g_strdup_printf ("Bearer %s", operator);
  {
    g_autoptr(PamongTestResponse) me = pamong_test_request (ts, SOUP_METHOD_GET, query_path,
                                                            saksi, NULL);
    g_autoptr(PamongTestResponse) changes = NULL;
    g_autoptr(PamongTestResponse) forbidden = NULL;

    g_assert_cmpuint (me->status, ==, SOUP_STATUS_OK);
    changes = pamong_test_request_full (ts, SOUP_METHOD_GET, API "/changes?limit=3", operator,
                                        NULL, NULL, 0, "X-Debug-Token", bearer, NULL);
    g_assert_cmpuint (changes->status, ==, SOUP_STATUS_OK);
    forbidden = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/users", operator, NULL);
    pamong_test_response_assert_error (forbidden, SOUP_STATUS_FORBIDDEN, "forbidden");
  }

  /* An Open311 key in a form body, and one in the query string. A token
   * in the query string alone opens nothing. */
  {
    g_autoptr(PamongTestResponse) r = pamong_test_request (ts, SOUP_METHOD_GET, query_path, NULL,
                                                           NULL);

    pamong_test_response_assert_error (r, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  }
  {
    g_autoptr(PamongTestResponse) created = NULL;
    JsonObject *root;
    g_autofree char *key_form = NULL;
    gint64 n_requests;

    created = pamong_test_request (ts, SOUP_METHOD_POST, API "/admin/api-keys", admin,
                                   "{\"label\": \"uji log\"}");
    g_assert_cmpuint (created->status, ==, SOUP_STATUS_CREATED);
    root = pamong_test_response_object (created);
    api_key = g_strdup (json_object_get_string_member (root, "key"));

    form = g_strdup_printf ("api_key=%s&service_code=ADU-02&lat=-7.1491&long=111.5902"
                            "&description=Jalan%%20berlubang", api_key);
    {
      g_autoptr(PamongTestResponse) posted = NULL;

      posted = pamong_test_request_full (ts, SOUP_METHOD_POST, "/open311/v2/requests.json",
                                         NULL, FORM_TYPE, form, -1, NULL);
      g_assert_cmpuint (posted->status, ==, SOUP_STATUS_OK);
    }

    n_requests = count_rows (ts, "SELECT count(*) FROM service_requests");
    key_path = g_strdup_printf ("/open311/v2/requests.json?api_key=%s", api_key);
    key_form = g_strdup ("service_code=ADU-02&address_string=Kecamatan%20Cepu");
    {
      g_autoptr(PamongTestResponse) posted = NULL;

      /* A key in the address is refused unchecked (V13.1.3, V8.3.1)… */
      posted = pamong_test_request_full (ts, SOUP_METHOD_POST, key_path, NULL, FORM_TYPE,
                                         key_form, -1, NULL);
      g_assert_cmpuint (posted->status, ==, SOUP_STATUS_FORBIDDEN);
      g_assert_nonnull (strstr ((const char *) g_bytes_get_data (posted->body, NULL),
                                "form body"));
      g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM service_requests"), ==, n_requests);
    }
  }

  /* Logging out ends the session. */
  {
    g_autoptr(PamongTestResponse) out = pamong_test_request (ts, SOUP_METHOD_POST,
                                                             API "/auth/logout", saksi, NULL);

    g_assert_cmpuint (out->status, ==, SOUP_STATUS_NO_CONTENT);
  }

  /* The log did record these requests (so the check below means something)… */
  wait_for_log_line ("\"POST /api/v1/auth/login\" 200 ");
  wait_for_log_line ("\"POST /api/v1/auth/login\" 401 ");
  wait_for_log_line ("\"GET /api/v1/auth/me\" 200 ");
  wait_for_log_line ("\"PUT /api/v1/admin/users/saksi\" 201 ");
  wait_for_log_line ("\"POST /open311/v2/requests.json\" 200 ");
  wait_for_log_line ("\"POST /open311/v2/requests.json\" 403 ");
  wait_for_log_line ("\"POST /api/v1/auth/logout\" 204 ");

  /* …and not one line of any domain holds a secret, nor the part of the
   * API key after its prefix. */
  secrets[0] = admin;
  secrets[1] = operator;
  secrets[2] = saksi;
  secrets[3] = SAKSI_PASSWORD;
  secrets[4] = WRONG_PASSWORD;
  secrets[5] = api_key + strlen ("pk_");
  g_assert_cmpuint (captured_log->len, >=, 10);
  for (guint i = 0; i < captured_log->len; i++)
    {
      const char *line = g_ptr_array_index (captured_log, i);

      for (guint j = 0; j < G_N_ELEMENTS (secrets); j++)
        if (strstr (line, secrets[j]) != NULL)
          g_error ("The log line “%s” holds secret %u", line, j);
      g_assert_null (strstr (line, "access_token"));
      g_assert_null (strstr (line, "api_key="));
    }
}

/* ------------------------------------------------------------------ */
/* V14.4, V14.3.3, V8.2.1: the headers of every kind of answer          */
/* ------------------------------------------------------------------ */

static void
assert_headers (PamongTestResponse *response,
                const char         *disposition,
                gboolean            no_store)
{
  const char *server = pamong_test_response_header (response, "Server");

  g_assert_cmpstr (pamong_test_response_header (response, "X-Content-Type-Options"), ==,
                   "nosniff");
  g_assert_cmpstr (pamong_test_response_header (response, "Content-Security-Policy"), ==,
                   "default-src 'none'; frame-ancestors 'none'");
  g_assert_cmpstr (pamong_test_response_header (response, "Referrer-Policy"), ==, "no-referrer");
  if (disposition != NULL)
    g_assert_cmpstr (pamong_test_response_header (response, "Content-Disposition"), ==,
                     disposition);
  if (no_store)
    g_assert_cmpstr (pamong_test_response_header (response, "Cache-Control"), ==, "no-store");

  /* No version of the server nor of libsoup. */
  g_assert_cmpstr (server, ==, "pamong-server");

  /* Plain HTTP: no HSTS (browsers ignore it there anyway). No CORS. */
  g_assert_null (pamong_test_response_header (response, "Strict-Transport-Security"));
  g_assert_null (pamong_test_response_header (response, "Access-Control-Allow-Origin"));
}

static void
test_headers_of_every_answer (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *viewer = pamong_test_login_demo (ts, "viewer");
  g_autofree char *assessor = pamong_test_login_demo (ts, "asesor");
  const char content[] = "bukti dukung";
  g_autofree char *hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                      (const guchar *) content,
                                                      sizeof content - 1);
  g_autofree char *blob_path = g_strconcat (API "/blobs/", hash, NULL);
  g_autofree char *blob_disposition = g_strdup_printf ("attachment; filename=\"%s\"", hash);

  {
    g_autoptr(PamongTestResponse) r = pamong_test_request (ts, SOUP_METHOD_GET, API "/status",
                                                           NULL, NULL);

    g_assert_cmpuint (r->status, ==, SOUP_STATUS_OK);
    assert_headers (r, PAMONG_SERVER_CONTENT_DISPOSITION_JSON, TRUE);
  }
  {
    /* An authenticated answer. */
    g_autoptr(PamongTestResponse) r = pamong_test_request (ts, SOUP_METHOD_GET,
                                                           API "/changes?limit=2", viewer, NULL);

    g_assert_cmpuint (r->status, ==, SOUP_STATUS_OK);
    assert_headers (r, PAMONG_SERVER_CONTENT_DISPOSITION_JSON, TRUE);
  }
  {
    g_autoptr(PamongTestResponse) r = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me",
                                                           NULL, NULL);

    pamong_test_response_assert_error (r, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
    assert_headers (r, PAMONG_SERVER_CONTENT_DISPOSITION_JSON, TRUE);
  }
  {
    g_autoptr(PamongTestResponse) r = pamong_test_request_full (ts, SOUP_METHOD_PUT, blob_path,
                                                                assessor,
                                                                "application/octet-stream",
                                                                content, sizeof content - 1,
                                                                NULL);

    g_assert_cmpuint (r->status, ==, SOUP_STATUS_CREATED);
  }
  {
    /* Uploaded bytes are saved under their hash, never shown. */
    g_autoptr(PamongTestResponse) r = pamong_test_request (ts, SOUP_METHOD_GET, blob_path,
                                                           viewer, NULL);

    g_assert_cmpuint (r->status, ==, SOUP_STATUS_OK);
    assert_headers (r, blob_disposition, TRUE);
    g_assert_cmpstr (soup_message_headers_get_content_type (r->headers, NULL), ==,
                     "application/octet-stream");
  }
  {
    g_autoptr(PamongTestResponse) r = pamong_test_request (ts, SOUP_METHOD_POST, API "/auth/logout",
                                                           viewer, NULL);

    g_assert_cmpuint (r->status, ==, SOUP_STATUS_NO_CONTENT);
    assert_headers (r, NULL, TRUE);
  }
  {
    g_autoptr(PamongTestResponse) r = pamong_test_request (ts, SOUP_METHOD_GET,
                                                           "/open311/v2/services.xml", NULL, NULL);

    g_assert_cmpuint (r->status, ==, SOUP_STATUS_OK);
    assert_headers (r, "attachment; filename=\"open311.xml\"", FALSE);
    g_assert_cmpstr (pamong_test_response_header (r, "Content-Type"), ==,
                     "text/xml; charset=utf-8");
  }
  {
    g_autoptr(PamongTestResponse) r = pamong_test_request (ts, SOUP_METHOD_GET,
                                                           "/open311/v2/services.json", NULL, NULL);

    g_assert_cmpuint (r->status, ==, SOUP_STATUS_OK);
    assert_headers (r, "attachment; filename=\"open311.json\"", FALSE);
  }
  {
    g_autoptr(PamongTestResponse) r = pamong_test_request (ts, SOUP_METHOD_GET,
                                                           "/open311/v2/nothing.xml", NULL, NULL);

    g_assert_cmpuint (r->status, ==, SOUP_STATUS_NOT_FOUND);
    assert_headers (r, "attachment; filename=\"open311.xml\"", FALSE);
  }
}

/* Over HTTPS every answer also says to come back over HTTPS only. */
static void
test_https_answers_have_hsts (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_NO_LISTEN);
  g_autofree char *cert = cert_path ("server.pem");
  g_autofree char *key = cert_path ("server-key.pem");
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongTestResponse) status = NULL;
  g_autoptr(PamongTestResponse) missing = NULL;

  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  pamong_server_set_tls_certificate (ts->server, certificate);
  pamong_server_listen (ts->server, "127.0.0.1:0", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (pamong_server_get_uri (ts->server), "https://"));

  g_object_unref (ts->session);
  ts->session = session_trusting_test_ca ();

  status = pamong_test_request (ts, SOUP_METHOD_GET, API "/status", NULL, NULL);
  g_assert_cmpuint (status->status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (pamong_test_response_header (status, "Strict-Transport-Security"), ==,
                   "max-age=31536000");
  missing = pamong_test_request (ts, SOUP_METHOD_GET, "/nothing", NULL, NULL);
  g_assert_cmpuint (missing->status, ==, SOUP_STATUS_NOT_FOUND);
  g_assert_cmpstr (pamong_test_response_header (missing, "Strict-Transport-Security"), ==,
                   "max-age=31536000");
}

/* ------------------------------------------------------------------ */
/* V5.3.6: text that looks like JSON stays a string in the feed         */
/* ------------------------------------------------------------------ */

static void
test_feed_encodes_hostile_text (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *admin = pamong_test_login_demo_with_otp (ts, "admin");
  g_autofree char *viewer = pamong_test_login_demo (ts, "viewer");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *unit_path = g_strconcat (API "/admin/units/", uuid, NULL);
  const char *hostile = "Badan \"}]},\"more\":false} <script>alert(1)</script> \\u0000 \\\" '";
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body_node = NULL;
  g_autofree char *body = NULL;
  gint64 since = count_rows (ts, "SELECT coalesce (max (rev), 0) FROM server_changes");
  g_autofree char *feed_path = g_strdup_printf (API "/changes?since=%" G_GINT64_FORMAT, since);
  g_autoptr(PamongTestResponse) put = NULL;
  g_autoptr(PamongTestResponse) feed = NULL;
  JsonArray *changes;
  JsonObject *record;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, "OPD.98");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, hostile);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "agency");
  json_builder_end_object (builder);
  body_node = json_builder_get_root (builder);
  body = json_to_string (body_node, FALSE);

  put = pamong_test_request (ts, SOUP_METHOD_PUT, unit_path, admin, body);
  g_assert_cmpuint (put->status, ==, SOUP_STATUS_CREATED);

  /* The feed, built as text around each stored record, is still one JSON
   * document with the name as one string. */
  feed = pamong_test_request (ts, SOUP_METHOD_GET, feed_path, viewer, NULL);
  g_assert_cmpuint (feed->status, ==, SOUP_STATUS_OK);
  changes = member_array (feed, "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  g_assert_false (member_more (feed));
  record = json_object_get_object_member (json_array_get_object_element (changes, 0), "record");
  g_assert_cmpstr (json_object_get_string_member (record, "uuid"), ==, uuid);
  g_assert_cmpstr (json_object_get_string_member (record, "name"), ==, hostile);
}

/* ------------------------------------------------------------------ */
/* V12.3.1, V5.3.9: blobs are named by 64 hexadecimal digits only       */
/* ------------------------------------------------------------------ */

static void
test_blob_names (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *admin = pamong_test_login_demo (ts, "admin");
  const char content[] = "isi berkas";
  g_autofree char *hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                      (const guchar *) content,
                                                      sizeof content - 1);
  g_autofree char *upper = g_ascii_strup (hash, -1);
  g_autofree char *short_name = g_strndup (hash, 63);
  g_autofree char *long_name = g_strconcat (hash, "0", NULL);
  g_autofree char *dot_dot = g_strdup_printf ("..%%2F..%%2F%s", hash);
  g_autofree char *encoded_slash = g_strdup_printf ("%s%%2F..%%2F%s", hash, hash);
  g_autofree char *with_nul = g_strdup_printf ("%s%%00", hash);
  g_autofree char *with_dot = g_strdup_printf ("%s.pdf", hash);
  g_autofree char *sub_path = g_strdup_printf ("%s/%s", hash, hash);
  const char *names[] = {
    upper, short_name, long_name, dot_dot, encoded_slash, with_nul, with_dot, sub_path,
    "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "..%5C..%5Cwindows", "%2e%2e",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strconcat (API "/blobs/", names[i], NULL);
      g_autoptr(PamongTestResponse) put = NULL;
      g_autoptr(PamongTestResponse) get = NULL;

      put = pamong_test_request_full (ts, SOUP_METHOD_PUT, path, admin,
                                      "application/octet-stream", content, sizeof content - 1,
                                      NULL);
      get = pamong_test_request (ts, SOUP_METHOD_GET, path, admin, NULL);
      if (put->status < 400 || put->status >= 500 || get->status < 400 || get->status >= 500)
        g_error ("The blob name “%s” was answered %u (PUT) and %u (GET)",
                 names[i], put->status, get->status);
    }

  /* Nothing was stored under any of them… */
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_blobs"), ==, 0);

  /* …while the right name works. */
  {
    g_autofree char *path = g_strconcat (API "/blobs/", hash, NULL);
    g_autoptr(PamongTestResponse) put = NULL;

    put = pamong_test_request_full (ts, SOUP_METHOD_PUT, path, admin, "application/octet-stream",
                                    content, sizeof content - 1, NULL);
    g_assert_cmpuint (put->status, ==, SOUP_STATUS_CREATED);
    g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_blobs"), ==, 1);
  }
}

/* ------------------------------------------------------------------ */
/* V13 / V12.1: every list answers one bounded page                     */
/* ------------------------------------------------------------------ */

/* Pages through an admin list with ?limit=@limit; returns the names of
 * @key in order and asserts no page is larger than asked. */
static GPtrArray *
page_through (PamongTestServer *ts,
              const char       *token,
              const char       *path,
              const char       *member,
              const char       *key,
              guint             limit)
{
  GPtrArray *seen = g_ptr_array_new_with_free_func (g_free);
  guint offset = 0;
  gboolean more = TRUE;

  while (more)
    {
      g_autofree char *page_path = g_strdup_printf ("%s?limit=%u&offset=%u", path, limit, offset);
      g_autoptr(PamongTestResponse) page = pamong_test_request (ts, SOUP_METHOD_GET, page_path,
                                                                token, NULL);
      JsonArray *items;

      g_assert_cmpuint (page->status, ==, SOUP_STATUS_OK);
      items = member_array (page, member);
      g_assert_cmpuint (json_array_get_length (items), <=, limit);
      for (guint i = 0; i < json_array_get_length (items); i++)
        g_ptr_array_add (seen, g_strdup (json_object_get_string_member (json_array_get_object_element (items, i), key)));
      more = member_more (page);
      if (more)
        g_assert_cmpuint (json_array_get_length (items), ==, limit);
      offset += limit;
      g_assert_cmpuint (offset, <, 100000);
    }

  return seen;
}

static void
assert_distinct_and_sorted (GPtrArray *names)
{
  for (guint i = 1; i < names->len; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i - 1), <, g_ptr_array_index (names, i));
}

static void
test_every_list_is_bounded (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *admin = pamong_test_login_demo_with_otp (ts, "admin");
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  gint64 n_users = count_rows (ts, "SELECT count(*) FROM server_users");
  gint64 n_units = count_rows (ts, "SELECT count(*) FROM units WHERE deleted = 0");
  gint64 n_keys;
  const char *lists[] = { API "/admin/users", API "/admin/units", API "/admin/api-keys" };

  /* Enough API keys for three pages of two. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *label = g_strdup_printf ("kunci %u", i);
      g_autofree char *key = api_key_new (ts, label);
    }

  /* Accounts: pages of one; every account once, in name order. */
  users = page_through (ts, admin, API "/admin/users", "users", "username", 1);
  g_assert_cmpint (users->len, ==, n_users);
  g_assert_cmpint (users->len, >=, 4);
  assert_distinct_and_sorted (users);

  /* Units: pages of seven, in code order. */
  units = page_through (ts, admin, API "/admin/units", "units", "code", 7);
  g_assert_cmpint (units->len, ==, n_units);
  g_assert_cmpint (units->len, >, 7);
  assert_distinct_and_sorted (units);

  n_keys = count_rows (ts, "SELECT count(*) FROM server_api_keys");
  g_assert_cmpint (n_keys, >=, 5);
  keys = page_through (ts, admin, API "/admin/api-keys", "api_keys", "id", 2);
  g_assert_cmpint (keys->len, ==, n_keys);

  /* A page size out of bounds is refused, on every admin list. */
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      const char *bad[] = { "limit=0", "limit=5001", "limit=-1", "limit=abc", "offset=-1",
                            "offset=99999999999" };

      for (guint j = 0; j < G_N_ELEMENTS (bad); j++)
        {
          g_autofree char *path = g_strdup_printf ("%s?%s", lists[i], bad[j]);
          g_autoptr(PamongTestResponse) r = pamong_test_request (ts, SOUP_METHOD_GET, path,
                                                                 admin, NULL);

          pamong_test_response_assert_error (r, SOUP_STATUS_BAD_REQUEST, "invalid-data");
        }
    }

  /* A parameter given twice has one meaning everywhere: the last. */
  {
    g_autoptr(PamongTestResponse) feed = NULL;
    g_autoptr(PamongTestResponse) list = NULL;

    feed = pamong_test_request (ts, SOUP_METHOD_GET, API "/changes?limit=2&limit=3", admin, NULL);
    g_assert_cmpuint (json_array_get_length (member_array (feed, "changes")), ==, 3);
    list = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/units?limit=2&limit=3", admin,
                                NULL);
    g_assert_cmpuint (json_array_get_length (member_array (list, "units")), ==, 3);
  }
  {
    g_autoptr(PamongTestResponse) r = pamong_test_request (ts, SOUP_METHOD_GET,
                                                           API "/changes?limit=3&limit=5001",
                                                           admin, NULL);

    pamong_test_response_assert_error (r, SOUP_STATUS_BAD_REQUEST, "invalid-data");
  }

  /* Without ?limit= a page holds the default at most. */
  {
    g_autoptr(PamongTestResponse) r = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/units",
                                                           admin, NULL);

    g_assert_cmpuint (r->status, ==, SOUP_STATUS_OK);
    g_assert_cmpuint (json_array_get_length (member_array (r, "units")), <=,
                      PAMONG_SERVER_ADMIN_LIST_DEFAULT_LIMIT);
    g_assert_false (member_more (r));
  }

  /* The change feed: the default page, the largest page, and no larger. */
  {
    g_autoptr(PamongTestResponse) plain = pamong_test_request (ts, SOUP_METHOD_GET, API "/changes",
                                                               admin, NULL);
    g_autoptr(PamongTestResponse) largest = NULL;
    g_autoptr(PamongTestResponse) larger = NULL;
    g_autofree char *largest_path = g_strdup_printf (API "/changes?limit=%d",
                                                     PAMONG_SERVER_CHANGES_MAX_LIMIT);
    g_autofree char *larger_path = g_strdup_printf (API "/changes?limit=%d",
                                                    PAMONG_SERVER_CHANGES_MAX_LIMIT + 1);

    g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_changes"), >,
                     PAMONG_SERVER_CHANGES_MAX_LIMIT);
    g_assert_cmpuint (json_array_get_length (member_array (plain, "changes")), ==,
                      PAMONG_SERVER_CHANGES_DEFAULT_LIMIT);
    g_assert_true (member_more (plain));
    largest = pamong_test_request (ts, SOUP_METHOD_GET, largest_path, admin, NULL);
    g_assert_cmpuint (json_array_get_length (member_array (largest, "changes")), ==,
                      PAMONG_SERVER_CHANGES_MAX_LIMIT);
    larger = pamong_test_request (ts, SOUP_METHOD_GET, larger_path, admin, NULL);
    pamong_test_response_assert_error (larger, SOUP_STATUS_BAD_REQUEST, "invalid-data");
  }

  /* Open311: the demo has 2,000 requests; a window over all of them
   * answers the newest 1,000, in JSON and in XML. */
  {
    const char *path = "/open311/v2/requests.json?start_date=2000-01-01T00:00:00%2B07:00"
                       "&end_date=2100-01-01T00:00:00%2B07:00";
    const char *xml_path = "/open311/v2/requests.xml?start_date=2000-01-01T00:00:00%2B07:00";
    g_autoptr(PamongTestResponse) r = pamong_test_request (ts, SOUP_METHOD_GET, path, NULL, NULL);
    g_autoptr(PamongTestResponse) x = pamong_test_request (ts, SOUP_METHOD_GET, xml_path, NULL,
                                                           NULL);
    g_autofree char *xml = NULL;
    guint n_xml = 0;

    g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM service_requests WHERE deleted = 0"),
                     >, PAMONG_OPEN311_MAX_REQUESTS);
    g_assert_cmpuint (r->status, ==, SOUP_STATUS_OK);
    g_assert_nonnull (r->json);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (r->json));
    g_assert_cmpuint (json_array_get_length (json_node_get_array (r->json)), ==,
                      PAMONG_OPEN311_MAX_REQUESTS);

    g_assert_cmpuint (x->status, ==, SOUP_STATUS_OK);
    xml = g_strndup (g_bytes_get_data (x->body, NULL), g_bytes_get_size (x->body));
    for (const char *p = strstr (xml, "<request>"); p != NULL; p = strstr (p + 1, "<request>"))
      n_xml++;
    g_assert_cmpuint (n_xml, ==, PAMONG_OPEN311_MAX_REQUESTS);
  }
}

/* ------------------------------------------------------------------ */
/* V12.1.1, V13.1: every write route refuses an oversized body, unread  */
/* ------------------------------------------------------------------ */

static void
test_every_write_route_has_a_body_limit (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *admin = pamong_test_login_demo_with_otp (ts, "admin");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *unit_path = g_strconcat (API "/admin/units/", uuid, NULL);
  g_autofree char *record_path = g_strconcat (API "/applications/", uuid, NULL);
  g_autofree char *blob_path = g_strconcat (API "/blobs/",
                                            "0000000000000000000000000000000000000000000000000000000000000000",
                                            NULL);
  const guint64 json_limit = 4096;
  const guint64 blob_limit = 8192;
  struct {
    const char *method;
    const char *path;
    const char *content_type;
    guint64     limit;
  } routes[] = {
    { SOUP_METHOD_POST, API "/auth/login", "application/json", json_limit },
    { SOUP_METHOD_POST, API "/auth/logout", "application/json", json_limit },
    { SOUP_METHOD_PUT, API "/admin/users/besar", "application/json", json_limit },
    { SOUP_METHOD_PUT, unit_path, "application/json", json_limit },
    { SOUP_METHOD_POST, API "/admin/api-keys", "application/json", json_limit },
    { SOUP_METHOD_PUT, record_path, "application/json", json_limit },
    { SOUP_METHOD_POST, API "/batch", "application/json",
      json_limit * PAMONG_SERVER_BATCH_LIMIT_FACTOR },
    { SOUP_METHOD_PUT, blob_path, "application/octet-stream", blob_limit },
    { SOUP_METHOD_POST, "/open311/v2/requests.json", FORM_TYPE, json_limit },
  };
  gint64 revs = count_rows (ts, "SELECT coalesce (max (rev), 0) FROM server_changes");
  gint64 users = count_rows (ts, "SELECT count(*) FROM server_users");
  gint64 keys = count_rows (ts, "SELECT count(*) FROM server_api_keys");
  gint64 requests = count_rows (ts, "SELECT count(*) FROM service_requests");

  pamong_server_set_json_limit (ts->server, json_limit);
  pamong_server_set_blob_limit (ts->server, blob_limit);

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      gsize length = (gsize) routes[i].limit + 1;
      g_autofree char *body = g_malloc (length);
      g_autoptr(PamongTestResponse) r = NULL;

      /* A JSON-looking body: a string member padded past the limit. */
      memset (body, 'a', length);
      memcpy (body, "{\"label\": \"", 11);
      body[length - 2] = '"';
      body[length - 1] = '}';

      r = pamong_test_request_full (ts, routes[i].method, routes[i].path, admin,
                                    routes[i].content_type, body, (gssize) length,
                                    "If-None-Match", "*", NULL);
      if (r->status != SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE)
        g_error ("%s %s with %" G_GSIZE_FORMAT " bytes answered %u, not 413",
                 routes[i].method, routes[i].path, length, r->status);
      pamong_test_response_assert_error (r, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large");
    }

  /* Nothing was written by any of them; the session still works. */
  g_assert_cmpint (count_rows (ts, "SELECT coalesce (max (rev), 0) FROM server_changes"), ==, revs);
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_users"), ==, users);
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_api_keys"), ==, keys);
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM service_requests"), ==, requests);
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_blobs"), ==, 0);
  {
    g_autoptr(PamongTestResponse) me = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me",
                                                            admin, NULL);

    g_assert_cmpuint (me->status, ==, SOUP_STATUS_OK);
  }
}

/* ------------------------------------------------------------------ */
/* V2.1: the password rules                                             */
/* ------------------------------------------------------------------ */

static void
test_password_rules (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *admin = pamong_test_login_demo_with_otp (ts, "admin");
  struct {
    const char *username;
    const char *password;
  } refused[] = {
    { "budi", "sebelas-hrf" },              /* 11 characters */
    { "budi", "kata        sandi" },        /* 10 once the spaces are one */
    { "budi", "123456789012" },             /* a count */
    { "budi", "210987654321" },             /* backwards */
    { "budi", "qwertyuiopas" },             /* a keyboard row */
    { "budi", "abcabcabcabcabc" },          /* a pattern repeated */
    { "budi", "zzzzzzzzzzzzzzzzzzzz" },
    { "budi", "Password1234" },             /* a common one, any case */
    { "budi", "bismillah123" },
    { "pegawai.dinkominfo", "Pegawai.Dinkominfo" },  /* the account's name */
  };
  /* Any Unicode, and long ones (V2.1.2, V2.1.4). */
  const char *accepted[] = {
    "kuda lari di sawah", "Ŝtelo-hujan-2026", "123456789013x", "🌧️ hujan di Blora 🌾",
    "sapi-perah-di-kandang-belakang-rumah-pak-lurah-desa-jepon-kecamatan-jepon-blora-2026",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = g_strconcat (API "/admin/users/", refused[i].username, NULL);
      g_autofree char *body = g_strdup_printf ("{\"password\": \"%s\", \"role\": \"viewer\"}",
                                               refused[i].password);
      g_autoptr(PamongTestResponse) r = pamong_test_request (ts, SOUP_METHOD_PUT, path, admin,
                                                             body);
      g_autoptr(PamongTestResponse) get = NULL;

      if (r->status != SOUP_STATUS_BAD_REQUEST)
        g_error ("The password “%s” was answered %u", refused[i].password, r->status);
      pamong_test_response_assert_error (r, SOUP_STATUS_BAD_REQUEST, "invalid-data");
      get = pamong_test_request (ts, SOUP_METHOD_GET, path, admin, NULL);
      pamong_test_response_assert_error (get, SOUP_STATUS_NOT_FOUND, "not-found");
    }

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autofree char *username = g_strdup_printf ("pegawai%u", i);
      g_autofree char *path = g_strconcat (API "/admin/users/", username, NULL);
      g_autofree char *body = g_strdup_printf ("{\"password\": \"%s\", \"role\": \"viewer\"}",
                                               accepted[i]);
      g_autoptr(PamongTestResponse) r = pamong_test_request (ts, SOUP_METHOD_PUT, path, admin,
                                                             body);
      g_autofree char *token = NULL;

      g_assert_cmpuint (r->status, ==, SOUP_STATUS_CREATED);
      token = pamong_test_login (ts, username, accepted[i]);
      g_assert_cmpuint (strlen (token), ==, 43);
    }

  /* A long password counts whole: no prefix of it logs in (V2.1.3; bcrypt
   * would stop at 72 bytes). */
  {
    const char *long_password = accepted[G_N_ELEMENTS (accepted) - 1];
    g_autofree char *username = g_strdup_printf ("pegawai%u", (guint) G_N_ELEMENTS (accepted) - 1);
    g_autofree char *prefix = g_strndup (long_password, 72);
    g_autoptr(PamongTestResponse) r = NULL;

    g_assert_cmpuint (strlen (long_password), >, 72);
    r = pamong_test_login_response (ts, username, prefix);
    pamong_test_response_assert_error (r, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  }

  /* The documented demo password is exempt (loopback only): the demo
   * accounts still log in. */
  {
    g_autofree char *viewer = pamong_test_login_demo (ts, "viewer");

    g_assert_nonnull (viewer);
  }
}

/* ------------------------------------------------------------------ */
/* V2.1.5, V2.1.6: users change their own password, giving the current */
/* ------------------------------------------------------------------ */

static PamongTestResponse *
change_password (PamongTestServer *ts,
                 const char       *token,
                 const char       *current,
                 const char       *replacement)
{
  g_autofree char *body = g_strdup_printf ("{\"current_password\": \"%s\", "
                                           "\"new_password\": \"%s\"}",
                                           current, replacement);

  return pamong_test_request (ts, SOUP_METHOD_POST, API "/auth/password", token, body);
}

static void
test_users_change_their_password (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *admin = pamong_test_login_demo_with_otp (ts, "admin");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *guesser = NULL;
  const char *old_password = "sandi-lama-yang-panjang";
  const char *new_password = "sandi-baru-yang-panjang";

  {
    g_autoptr(PamongTestResponse) a = NULL;
    g_autoptr(PamongTestResponse) b = NULL;

    a = pamong_test_request (ts, SOUP_METHOD_PUT, API "/admin/users/pengganti", admin,
                             "{\"password\": \"sandi-lama-yang-panjang\", \"role\": \"viewer\"}");
    g_assert_cmpuint (a->status, ==, SOUP_STATUS_CREATED);
    b = pamong_test_request (ts, SOUP_METHOD_PUT, API "/admin/users/penebak", admin,
                             "{\"password\": \"sandi-penebak-panjang\", \"role\": \"viewer\"}");
    g_assert_cmpuint (b->status, ==, SOUP_STATUS_CREATED);
  }
  first = pamong_test_login (ts, "pengganti", old_password);
  second = pamong_test_login (ts, "pengganti", old_password);

  /* Refusals, none of which changes anything. */
  {
    g_autoptr(PamongTestResponse) anonymous = change_password (ts, NULL, old_password,
                                                               new_password);
    g_autoptr(PamongTestResponse) wrong = change_password (ts, first, "bukan-sandi-lama",
                                                           new_password);
    g_autoptr(PamongTestResponse) weak = change_password (ts, first, old_password,
                                                          "password1234");
    g_autoptr(PamongTestResponse) missing = NULL;

    pamong_test_response_assert_error (anonymous, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
    pamong_test_response_assert_error (wrong, SOUP_STATUS_FORBIDDEN, "forbidden");
    pamong_test_response_assert_error (weak, SOUP_STATUS_BAD_REQUEST, "invalid-data");
    missing = pamong_test_request (ts, SOUP_METHOD_POST, API "/auth/password", first,
                                   "{\"new_password\": \"sandi-baru-yang-panjang\"}");
    pamong_test_response_assert_error (missing, SOUP_STATUS_BAD_REQUEST, "missing-field");
  }
  {
    g_autoptr(PamongTestResponse) me = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me",
                                                            second, NULL);

    g_assert_cmpuint (me->status, ==, SOUP_STATUS_OK);
  }

  /* The change: this session stays, every other one ends, and only the
   * new password logs in. */
  {
    g_autoptr(PamongTestResponse) changed = change_password (ts, first, old_password,
                                                             new_password);
    g_autoptr(PamongTestResponse) me_first = NULL;
    g_autoptr(PamongTestResponse) me_second = NULL;
    g_autoptr(PamongTestResponse) old_login = NULL;
    g_autofree char *third = NULL;

    g_assert_cmpuint (changed->status, ==, SOUP_STATUS_NO_CONTENT);
    me_first = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me", first, NULL);
    g_assert_cmpuint (me_first->status, ==, SOUP_STATUS_OK);
    me_second = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me", second, NULL);
    pamong_test_response_assert_error (me_second, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
    old_login = pamong_test_login_response (ts, "pengganti", old_password);
    pamong_test_response_assert_error (old_login, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
    third = pamong_test_login (ts, "pengganti", new_password);
    g_assert_nonnull (third);
  }

  /* Guessing the current password with a session is limited like logins:
   * after five wrong ones even the right one waits. */
  guesser = pamong_test_login (ts, "penebak", "sandi-penebak-panjang");
  for (guint i = 0; i < PAMONG_SERVER_LOGIN_USER_FAILURES; i++)
    {
      g_autofree char *guess = g_strdup_printf ("tebakan-nomor-%u", i);
      g_autoptr(PamongTestResponse) r = change_password (ts, guesser, guess, new_password);

      pamong_test_response_assert_error (r, SOUP_STATUS_FORBIDDEN, "forbidden");
    }
  {
    g_autoptr(PamongTestResponse) r = change_password (ts, guesser, "sandi-penebak-panjang",
                                                       new_password);

    pamong_test_response_assert_error (r, 429, "rate-limited");
    g_assert_nonnull (pamong_test_response_header (r, "Retry-After"));
  }
}

/* ------------------------------------------------------------------ */
/* V9.1.3: the binary's HTTPS speaks TLS 1.2 and 1.3 only               */
/* ------------------------------------------------------------------ */

typedef struct
{
  GSubprocess *process;
  char        *tmpdir;
  char        *uri;
} Process;

static void
process_free (Process *process)
{
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

/* Runs the binary with HTTPS; @priority: the G_TLS_GNUTLS_PRIORITY an
 * operator gave it, or NULL for none (the server's own). */
static Process *
https_process_start (const char *priority)
{
  Process *process = g_new0 (Process, 1);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *line = NULL;
  g_autofree char *cert = cert_path ("server.pem");
  g_autofree char *key = cert_path ("server-key.pem");
  const char *url;

  process->tmpdir = g_dir_make_tmp ("pamong-server-security-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (process->tmpdir, "server.db", NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  if (priority != NULL)
    g_subprocess_launcher_setenv (launcher, "G_TLS_GNUTLS_PRIORITY", priority, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "G_TLS_GNUTLS_PRIORITY");
  process->process = g_subprocess_launcher_spawn (launcher, &error, server_binary,
                                                  "--db", db, "--listen", "127.0.0.1:0",
                                                  "--tls-cert", cert, "--tls-key", key, NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  url = strrchr (line, ' ');
  g_assert_nonnull (url);
  process->uri = g_strdup (url + 1);
  g_assert_true (g_str_has_prefix (process->uri, "https://"));

  return process;
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

/* In a test subprocess: GET the status of the server at
 * $PAMONG_TEST_TLS_URI with a client whose GnuTLS allows only
 * $PAMONG_TEST_TLS_CLIENT_VERSION; prints TLS-CONNECTED or TLS-REFUSED. */
static void
tls_client_child (void)
{
  const char *uri = g_getenv ("PAMONG_TEST_TLS_URI");
  const char *version = g_getenv ("PAMONG_TEST_TLS_CLIENT_VERSION");
  g_autofree char *priority = NULL;
  g_autofree char *status_uri = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  Fetch fetch = { NULL, NULL, NULL };

  if (!g_test_subprocess ())
    {
      g_test_skip ("Runs as a subprocess of https-refuses-tls-before-1.2");
      return;
    }

  g_assert_nonnull (uri);
  g_assert_nonnull (version);

  /* Read by glib-networking at this process's first TLS connection. */
  priority = g_strdup_printf ("NORMAL:-VERS-ALL:+%s", version);
  g_setenv ("G_TLS_GNUTLS_PRIORITY", priority, TRUE);

  session = session_trusting_test_ca ();
  status_uri = g_strconcat (uri, "api/v1/status", NULL);
  msg = soup_message_new (SOUP_METHOD_GET, status_uri);
  loop = g_main_loop_new (NULL, FALSE);
  fetch.loop = loop;
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, fetch_done, &fetch);
  g_main_loop_run (loop);

  if (fetch.error != NULL)
    {
      g_printerr ("A client allowing only %s: %s\n", version, fetch.error->message);
      g_assert_true (fetch.error->domain == G_TLS_ERROR || fetch.error->domain == G_IO_ERROR);
      g_clear_error (&fetch.error);
      g_print ("TLS-REFUSED\n");
      return;
    }

  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
  g_bytes_unref (fetch.body);
  g_print ("TLS-CONNECTED\n");
}

/* Asserts whether a client allowing only @version gets an answer from
 * @process. */
static void
assert_tls_version (Process    *process,
                    const char *version,
                    gboolean    connects)
{
  g_setenv ("PAMONG_TEST_TLS_URI", process->uri, TRUE);
  g_setenv ("PAMONG_TEST_TLS_CLIENT_VERSION", version, TRUE);
  g_test_trap_subprocess ("/pamong/server/security/https-refuses-tls-before-1.2/subprocess",
                          60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("PAMONG_TEST_TLS_URI");
  g_unsetenv ("PAMONG_TEST_TLS_CLIENT_VERSION");

  g_test_trap_assert_passed ();
  if (connects)
    g_test_trap_assert_stdout ("*TLS-CONNECTED*");
  else
    g_test_trap_assert_stdout ("*TLS-REFUSED*");
}

static void
test_https_refuses_tls_before_1_2 (void)
{
  if (server_binary == NULL)
    {
      g_test_skip ("Give the pamong-server binary as the argument");
      return;
    }

  /* A server an operator opened to old TLS takes the TLS 1.1 client: the
   * client can speak it, so the refusal below is the server's. */
  {
    g_autoptr(Process) lenient = https_process_start ("NORMAL");

    assert_tls_version (lenient, "VERS-TLS1.1", TRUE);
  }

  /* The server as shipped: 1.0 and 1.1 refused, 1.2 and 1.3 served. */
  {
    g_autoptr(Process) strict = https_process_start (NULL);

    assert_tls_version (strict, "VERS-TLS1.0", FALSE);
    assert_tls_version (strict, "VERS-TLS1.1", FALSE);
    assert_tls_version (strict, "VERS-TLS1.2", TRUE);
    assert_tls_version (strict, "VERS-TLS1.3", TRUE);
  }
}

int
main (int   argc,
      char *argv[])
{
  captured_log = pamong_test_capture_log ();

  pamong_test_init (&argc, &argv);

  if (argc > 1)
    server_binary = argv[1];

  g_test_add_func ("/pamong/server/security/the-log-never-holds-a-token-password-or-key",
                   test_log_holds_no_secret);
  g_test_add_func ("/pamong/server/security/every-kind-of-answer-has-the-security-headers",
                   test_headers_of_every_answer);
  g_test_add_func ("/pamong/server/security/https-answers-carry-hsts",
                   test_https_answers_have_hsts);
  g_test_add_func ("/pamong/server/security/the-feed-encodes-hostile-text-as-json",
                   test_feed_encodes_hostile_text);
  g_test_add_func ("/pamong/server/security/blobs-are-named-by-64-hex-digits-only",
                   test_blob_names);
  g_test_add_func ("/pamong/server/security/every-list-answers-one-bounded-page",
                   test_every_list_is_bounded);
  g_test_add_func ("/pamong/server/security/every-write-route-refuses-an-oversized-body",
                   test_every_write_route_has_a_body_limit);
  g_test_add_func ("/pamong/server/security/passwords-follow-the-rules",
                   test_password_rules);
  g_test_add_func ("/pamong/server/security/users-change-their-own-password",
                   test_users_change_their_password);
  g_test_add_func ("/pamong/server/security/https-refuses-tls-before-1.2",
                   test_https_refuses_tls_before_1_2);
  g_test_add_func ("/pamong/server/security/https-refuses-tls-before-1.2/subprocess",
                   tls_client_child);

  return g_test_run ();
}
