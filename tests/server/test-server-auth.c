/* test-server-auth.c — accounts, tokens, rate limits, --add-user and the
 * admin endpoints, over HTTP on loopback
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include <sodium.h>

#include "pamong-error.h"
#include "pamong-store-sql.h"
#include "pamong-unit.h"

#include "pamong-server-auth.h"
#include "pamong-server-policy.h"
#include "pamong-server-totp.h"

#include "server-test-util.h"

#define API PAMONG_SERVER_API_PREFIX

/* The server binary, from the command line (for --add-user). */
static const char *server_binary;

static char *
sha256_hex (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

static gint64
count_rows (PamongTestServer *ts,
            const char       *sql,
            const char       *parameter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStoreStmt) stmt = pamong_store_prepare (ts->store, sql, &error);

  g_assert_no_error (error);
  if (parameter != NULL)
    sqlite3_bind_text (stmt, 1, parameter, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (PamongTestServer *ts,
            const char       *sql,
            const char       *parameter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStoreStmt) stmt = pamong_store_prepare (ts->store, sql, &error);

  g_assert_no_error (error);
  if (parameter != NULL)
    sqlite3_bind_text (stmt, 1, parameter, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gboolean
is_base64url (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static const char *
error_message (PamongTestResponse *response)
{
  JsonObject *error = json_object_get_object_member (pamong_test_response_object (response),
                                                     "error");

  return json_object_get_string_member (error, "message");
}

static void
test_login_answers_token_expiry_and_user (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *dinkominfo = pamong_test_unit_uuid (ts, "OPD.07");
  static const struct { const char *name; const char *role; gboolean unit; } accounts[] = {
    { "admin", "admin", FALSE },
    { "operator", "operator", TRUE },
    { "asesor", "assessor", FALSE },
    { "viewer", "viewer", FALSE },
  };
  g_autofree char *first_token = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      g_autoptr(PamongTestResponse) response = NULL;
      g_autoptr(GDateTime) expires = NULL;
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      JsonObject *root;
      JsonObject *user;
      const char *token;
      GTimeSpan lifetime;

      response = pamong_test_login_response (ts, accounts[i].name, PAMONG_SERVER_DEMO_PASSWORD);
      g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
      g_assert_cmpstr (pamong_test_response_header (response, "Cache-Control"), ==, "no-store");
      root = pamong_test_response_object (response);

      /* 256 random bits in unpadded base64url. */
      token = json_object_get_string_member (root, "token");
      g_assert_cmpuint (strlen (token), ==, 43);
      g_assert_true (is_base64url (token));
      if (first_token == NULL)
        first_token = g_strdup (token);
      else
        g_assert_cmpstr (token, !=, first_token);

      g_assert_true (g_str_has_suffix (json_object_get_string_member (root, "expires_at"), "Z"));
      expires = g_date_time_new_from_iso8601 (json_object_get_string_member (root, "expires_at"),
                                              NULL);
      g_assert_nonnull (expires);
      lifetime = g_date_time_difference (expires, now);
      g_assert_cmpint (lifetime, >, 12 * G_TIME_SPAN_HOUR - G_TIME_SPAN_MINUTE);
      g_assert_cmpint (lifetime, <=, 12 * G_TIME_SPAN_HOUR + G_TIME_SPAN_MINUTE);

      user = json_object_get_object_member (root, "user");
      g_assert_cmpstr (json_object_get_string_member (user, "username"), ==, accounts[i].name);
      g_assert_cmpstr (json_object_get_string_member (user, "role"), ==, accounts[i].role);
      if (accounts[i].unit)
        g_assert_cmpstr (json_object_get_string_member (user, "unit"), ==, dinkominfo);
      else
        g_assert_true (json_object_get_null_member (user, "unit"));
    }
}

static void
test_token_lifetime_is_configurable (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autoptr(PamongTestResponse) response = NULL;
  g_autoptr(GDateTime) expires = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan lifetime;

  g_assert_cmpint (pamong_server_auth_get_token_lifetime (ts->server), ==,
                   PAMONG_SERVER_DEFAULT_TOKEN_LIFETIME);
  pamong_server_auth_set_token_lifetime (ts->server, 90 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (pamong_server_auth_get_token_lifetime (ts->server), ==,
                   90 * G_TIME_SPAN_SECOND);

  response = pamong_test_login_response (ts, "viewer", PAMONG_SERVER_DEMO_PASSWORD);
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  expires = g_date_time_new_from_iso8601 (
    json_object_get_string_member (pamong_test_response_object (response), "expires_at"), NULL);
  lifetime = g_date_time_difference (expires, now);
  g_assert_cmpint (lifetime, >, 80 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (lifetime, <=, 95 * G_TIME_SPAN_SECOND);
}

static void
test_wrong_credentials_answer_one_generic_401 (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autoptr(PamongTestResponse) wrong_password = NULL;
  g_autoptr(PamongTestResponse) unknown_user = NULL;
  g_autoptr(PamongTestResponse) empty_password = NULL;

  wrong_password = pamong_test_login_response (ts, "admin", "pamong-demo-not");
  pamong_test_response_assert_error (wrong_password, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  g_assert_nonnull (pamong_test_response_header (wrong_password, "WWW-Authenticate"));
  g_assert_true (g_str_has_prefix (pamong_test_response_header (wrong_password,
                                                                "WWW-Authenticate"),
                                   "Bearer"));

  unknown_user = pamong_test_login_response (ts, "nobody", PAMONG_SERVER_DEMO_PASSWORD);
  pamong_test_response_assert_error (unknown_user, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  empty_password = pamong_test_login_response (ts, "admin", "");
  pamong_test_response_assert_error (empty_password, SOUP_STATUS_UNAUTHORIZED, "unauthorized");

  /* No hint which part was wrong. */
  g_assert_cmpstr (error_message (wrong_password), ==, error_message (unknown_user));
  g_assert_cmpstr (error_message (wrong_password), ==, error_message (empty_password));
}

static void
test_login_refuses_malformed_bodies (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  static const struct { const char *body; const char *code; } cases[] = {
    { "{\"username\": \"admin\"}", "missing-field" },
    { "{\"password\": \"pamong-demo\"}", "missing-field" },
    { "{\"username\": \"admin\", \"password\": 12345678}", "invalid-data" },
    { "{\"username\": [\"admin\"], \"password\": \"pamong-demo\"}", "invalid-data" },
    { "[\"admin\", \"pamong-demo\"]", "invalid-data" },
    { "{\"username\": \"admin\", \"password\": ", "invalid-data" },
    { "", "invalid-data" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PamongTestResponse) response = NULL;

      response = pamong_test_request (ts, SOUP_METHOD_POST, API "/auth/login", NULL,
                                      cases[i].body);
      pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, cases[i].code);
    }

  /* The endpoint takes POST only. */
  {
    g_autoptr(PamongTestResponse) response = NULL;

    response = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/login", NULL, NULL);
    pamong_test_response_assert_error (response, SOUP_STATUS_METHOD_NOT_ALLOWED,
                                       "method-not-allowed");
  }
}

static void
test_token_works_until_logout (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "asesor");
  g_autofree char *other = pamong_test_login_demo (ts, "asesor");
  g_autoptr(PamongTestResponse) me = NULL;
  g_autoptr(PamongTestResponse) logout = NULL;
  g_autoptr(PamongTestResponse) me_after = NULL;
  g_autoptr(PamongTestResponse) logout_again = NULL;
  g_autoptr(PamongTestResponse) other_me = NULL;
  JsonObject *user;

  me = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me", token, NULL);
  g_assert_cmpuint (me->status, ==, SOUP_STATUS_OK);
  user = pamong_test_response_object (me);
  g_assert_cmpstr (json_object_get_string_member (user, "username"), ==, "asesor");
  g_assert_cmpstr (json_object_get_string_member (user, "role"), ==, "assessor");

  logout = pamong_test_request (ts, SOUP_METHOD_POST, API "/auth/logout", token, NULL);
  g_assert_cmpuint (logout->status, ==, SOUP_STATUS_NO_CONTENT);
  g_assert_cmpuint (g_bytes_get_size (logout->body), ==, 0);

  me_after = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me", token, NULL);
  pamong_test_response_assert_error (me_after, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  logout_again = pamong_test_request (ts, SOUP_METHOD_POST, API "/auth/logout", token, NULL);
  pamong_test_response_assert_error (logout_again, SOUP_STATUS_UNAUTHORIZED, "unauthorized");

  /* Only the presented token is revoked. */
  other_me = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me", other, NULL);
  g_assert_cmpuint (other_me->status, ==, SOUP_STATUS_OK);
}

static void
test_expired_token_is_refused_and_deleted (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "operator");
  g_autofree char *hash = sha256_hex (token);
  g_autoptr(PamongTestResponse) before = NULL;
  g_autoptr(PamongTestResponse) after = NULL;
  g_autoptr(GError) error = NULL;

  before = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me", token, NULL);
  g_assert_cmpuint (before->status, ==, SOUP_STATUS_OK);

  /* Its expiry passes (one second ago). */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) past = g_date_time_add_seconds (now, -1);
    g_autofree char *past_text = pamong_timestamp_format (past);
    g_autoptr(PamongStoreStmt) stmt = NULL;

    stmt = pamong_store_prepare (ts->store,
                                 "UPDATE server_tokens SET expires_at = ?2 WHERE token_hash = ?1",
                                 &error);
    g_assert_no_error (error);
    sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, past_text, -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    g_assert_cmpint (sqlite3_changes (pamong_store_get_db (ts->store)), ==, 1);
  }

  after = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me", token, NULL);
  pamong_test_response_assert_error (after, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_tokens WHERE token_hash = ?1",
                               hash), ==, 0);
}

static void
test_malformed_authorization_is_401 (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "viewer");
  g_autofree char *basic = g_strconcat ("Basic ", token, NULL);
  g_autofree char *no_space = g_strconcat ("Bearer", token, NULL);
  g_autofree char *truncated = g_strconcat ("Bearer ", token, NULL);
  g_autofree char *longer = g_strconcat ("Bearer ", token, "A", NULL);
  g_autofree char *bad_char = g_strconcat ("Bearer ", token, NULL);
  g_autofree char *lower_scheme = g_strconcat ("bearer ", token, NULL);
  g_autofree char *unknown = g_strdup ("Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  const char *refused[] = { basic, no_space, truncated, longer, bad_char, unknown,
                            "Bearer", "Bearer ", "", "Token abc" };
  g_autoptr(PamongTestResponse) none = NULL;
  g_autoptr(PamongTestResponse) accepted = NULL;
  g_autofree char *message = NULL;

  truncated[strlen (truncated) - 1] = '\0';
  bad_char[strlen ("Bearer ") + 10] = '+';

  none = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me", NULL, NULL);
  pamong_test_response_assert_error (none, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  message = g_strdup (error_message (none));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(PamongTestResponse) response = NULL;

      response = pamong_test_request_full (ts, SOUP_METHOD_GET, API "/auth/me", NULL, NULL,
                                           NULL, 0, "Authorization", refused[i], NULL);
      pamong_test_response_assert_error (response, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
      g_assert_cmpstr (error_message (response), ==, message);
    }

  /* The scheme is case-insensitive (RFC 9110). */
  accepted = pamong_test_request_full (ts, SOUP_METHOD_GET, API "/auth/me", NULL, NULL,
                                       NULL, 0, "Authorization", lower_scheme, NULL);
  g_assert_cmpuint (accepted->status, ==, SOUP_STATUS_OK);
}

static guint
assert_rate_limited (PamongTestResponse *response)
{
  const char *retry_after;
  guint64 seconds = 0;

  pamong_test_response_assert_error (response, 429, "rate-limited");
  retry_after = pamong_test_response_header (response, "Retry-After");
  g_assert_nonnull (retry_after);
  g_assert_true (g_ascii_string_to_unsigned (retry_after, 10, 1,
                                             PAMONG_SERVER_LOGIN_WINDOW / G_TIME_SPAN_SECOND,
                                             &seconds, NULL));
  return (guint) seconds;
}

static void
test_rate_limit_per_user (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autoptr(PamongTestResponse) limited = NULL;
  g_autoptr(PamongTestResponse) limited_wrong = NULL;
  g_autofree char *other = NULL;

  for (guint i = 0; i < PAMONG_SERVER_LOGIN_USER_FAILURES; i++)
    {
      g_autoptr(PamongTestResponse) response = pamong_test_login_response (ts, "viewer",
                                                                           "wrong-password");

      pamong_test_response_assert_error (response, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
    }

  /* Now even the right password waits: guessing cannot go on. */
  limited = pamong_test_login_response (ts, "viewer", PAMONG_SERVER_DEMO_PASSWORD);
  assert_rate_limited (limited);
  limited_wrong = pamong_test_login_response (ts, "viewer", "wrong-password");
  assert_rate_limited (limited_wrong);

  /* Another account from the same address is not affected. */
  other = pamong_test_login_demo (ts, "asesor");
  g_assert_nonnull (other);
}

static void
test_rate_limit_per_address (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autoptr(PamongTestResponse) limited = NULL;

  /* Few tries per name, but many from one address. */
  for (guint i = 0; i < PAMONG_SERVER_LOGIN_ADDRESS_FAILURES; i++)
    {
      g_autofree char *name = g_strdup_printf ("guess%u", i % 10);
      g_autoptr(PamongTestResponse) response = NULL;

      g_assert_cmpuint (PAMONG_SERVER_LOGIN_ADDRESS_FAILURES / 10, <,
                        PAMONG_SERVER_LOGIN_USER_FAILURES);
      response = pamong_test_login_response (ts, name, "wrong-password");
      pamong_test_response_assert_error (response, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
    }

  limited = pamong_test_login_response (ts, "admin", PAMONG_SERVER_DEMO_PASSWORD);
  assert_rate_limited (limited);
}

static void
test_success_resets_the_user_counter (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);

  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *token = NULL;

      for (guint i = 0; i + 1 < PAMONG_SERVER_LOGIN_USER_FAILURES; i++)
        {
          g_autoptr(PamongTestResponse) response = pamong_test_login_response (ts, "operator",
                                                                               "wrong-password");

          pamong_test_response_assert_error (response, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
        }
      token = pamong_test_login_demo (ts, "operator");
      g_assert_nonnull (token);
    }
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize needle_length = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;


  /* The file holds NUL bytes: no strstr(). */
  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (contents + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

static void
test_database_keeps_hashes_only (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "admin");
  g_autofree char *token_hash = sha256_hex (token);
  g_autofree char *password_hash = NULL;
  g_autofree char *wal = g_strconcat (ts->db_path, "-wal", NULL);

  password_hash = query_text (ts, "SELECT password_hash FROM server_users WHERE username = ?1",
                              "admin");
  g_assert_true (g_str_has_prefix (password_hash, "$argon2id$"));
  g_assert_null (strstr (password_hash, PAMONG_SERVER_DEMO_PASSWORD));
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_users "
                                   "WHERE password_hash NOT LIKE '$argon2id$%'", NULL), ==, 0);

  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_tokens WHERE token_hash = ?1",
                               token), ==, 0);
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_tokens WHERE token_hash = ?1",
                               token_hash), ==, 1);

  /* Neither the token nor the password is anywhere in the files. */
  g_assert_false (file_contains (ts->db_path, token));
  g_assert_false (file_contains (wal, token));
  g_assert_false (file_contains (ts->db_path, PAMONG_SERVER_DEMO_PASSWORD "\""));
  g_assert_true (file_contains (wal, token_hash) || file_contains (ts->db_path, token_hash));
}

static int
run_add_user (const char  *db_path,
              const char  *input,
              char       **out,
              char       **err,
              const char  *first_argument,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *input_path = NULL;
  va_list args;
  const char *argument;

  g_ptr_array_add (argv, (gpointer) server_binary);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db_path);
  va_start (args, first_argument);
  for (argument = first_argument; argument != NULL; argument = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) argument);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* The input comes from a file, not a pipe: a server that refuses its
   * arguments exits without reading it, and writing to the pipe of a
   * process already gone would fail (EPIPE; seen under valgrind, where
   * this side is slow). */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (input != NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("pamong-add-user-XXXXXX", &error);

      g_assert_no_error (error);
      input_path = g_build_filename (dir, "input", NULL);
      g_assert_true (g_file_set_contents (input_path, input, -1, &error));
      g_subprocess_launcher_set_stdin_file_path (launcher, input_path);
    }
  g_subprocess_launcher_setenv (launcher, "PAMONG_SERVER_FAST_HASH", "1", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  if (input_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (input_path);

      g_unlink (input_path);
      g_rmdir (dir);
    }
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

static void
test_add_user_reads_the_password_from_stdin (void)
{
  g_autoptr(PamongTestServer) ts = NULL;
  g_autofree char *dinkominfo = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *token = NULL;
  g_autoptr(PamongTestResponse) me = NULL;
  g_autoptr(PamongTestResponse) wrong = NULL;
  JsonObject *user;
  int status;

  if (server_binary == NULL)
    {
      g_test_skip ("Give the pamong-server binary as the argument");
      return;
    }

  ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  dinkominfo = pamong_test_unit_uuid (ts, "OPD.07");

  status = run_add_user (ts->db_path, "kata-sandi-rahasia\n", &out, &err,
                         "--add-user", "siti", "--role", "operator", "--unit", "OPD.07", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "siti"));
  g_assert_null (strstr (out, "kata-sandi-rahasia"));
  g_assert_null (strstr (err, "kata-sandi-rahasia"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  token = pamong_test_login (ts, "siti", "kata-sandi-rahasia");
  me = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me", token, NULL);
  g_assert_cmpuint (me->status, ==, SOUP_STATUS_OK);
  user = pamong_test_response_object (me);
  g_assert_cmpstr (json_object_get_string_member (user, "role"), ==, "operator");
  g_assert_cmpstr (json_object_get_string_member (user, "unit"), ==, dinkominfo);

  /* A second run updates the account: the new password replaces the old
   * one and ends its sessions. */
  status = run_add_user (ts->db_path, "kata-sandi-baru-2026", &out, &err,
                         "--add-user", "siti", "--role", "viewer", NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&me, pamong_test_response_free);
  me = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me", token, NULL);
  pamong_test_response_assert_error (me, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  wrong = pamong_test_login_response (ts, "siti", "kata-sandi-rahasia");
  pamong_test_response_assert_error (wrong, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  g_clear_pointer (&token, g_free);
  token = pamong_test_login (ts, "siti", "kata-sandi-baru-2026");

  /* Refusals: a short password, an operator without a unit, an unknown
   * unit, an unknown role, --role without --add-user, no password. */
  status = run_add_user (ts->db_path, "pendek\n", &out, &err,
                         "--add-user", "budi", "--role", "viewer", NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "12"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_add_user (ts->db_path, "kata-sandi-rahasia\n", &out, &err,
                         "--add-user", "budi", "--role", "operator", NULL);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_add_user (ts->db_path, "kata-sandi-rahasia\n", &out, &err,
                         "--add-user", "budi", "--role", "operator", "--unit", "OPD.999", NULL);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_add_user (ts->db_path, "kata-sandi-rahasia\n", &out, &err,
                         "--add-user", "budi", "--role", "superuser", NULL);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_add_user (ts->db_path, "kata-sandi-rahasia\n", &out, &err,
                         "--role", "viewer", NULL);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_add_user (ts->db_path, "", &out, &err,
                         "--add-user", "budi", "--role", "viewer", NULL);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_users WHERE username = ?1",
                               "budi"), ==, 0);
}

/* ---- admin endpoints ---------------------------------------------------- */

typedef struct
{
  const char *method;
  const char *path;
  const char *body;
} AdminCall;

static void
test_admin_endpoints_refuse_others (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *dinkominfo = pamong_test_unit_uuid (ts, "OPD.07");
  g_autofree char *unit_path = g_strconcat (API "/admin/units/", dinkominfo, NULL);
  const AdminCall calls[] = {
    { SOUP_METHOD_GET, API "/admin/users", NULL },
    { SOUP_METHOD_GET, API "/admin/users/viewer", NULL },
    { SOUP_METHOD_PUT, API "/admin/users/mallory",
      "{\"password\": \"kata-sandi-rahasia\", \"role\": \"admin\"}" },
    { SOUP_METHOD_DELETE, API "/admin/users/admin", NULL },
    { SOUP_METHOD_GET, API "/admin/units", NULL },
    { SOUP_METHOD_GET, unit_path, NULL },
    { SOUP_METHOD_PUT, unit_path,
      "{\"code\": \"OPD.07\", \"name\": \"Diganti\", \"kind\": \"agency\"}" },
    { SOUP_METHOD_DELETE, unit_path, NULL },
    { SOUP_METHOD_GET, API "/admin/api-keys", NULL },
    { SOUP_METHOD_POST, API "/admin/api-keys", "{\"label\": \"mallory\"}" },
    { SOUP_METHOD_DELETE, API "/admin/api-keys/00000000-0000-4000-8000-000000000000", NULL },
  };
  const char *roles[] = { "operator", "asesor", "viewer" };
  /* An administrator's session opened by the password alone (ASVS 4.3.1). */
  g_autofree char *admin = pamong_test_login_demo (ts, "admin");

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr(PamongTestResponse) response = NULL;

      response = pamong_test_request (ts, calls[i].method, calls[i].path, admin, calls[i].body);
      pamong_test_response_assert_error (response, SOUP_STATUS_FORBIDDEN, "mfa-required");
    }

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      g_autofree char *token = pamong_test_login_demo (ts, roles[r]);

      for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
        {
          g_autoptr(PamongTestResponse) response = NULL;

          response = pamong_test_request (ts, calls[i].method, calls[i].path, token,
                                          calls[i].body);
          pamong_test_response_assert_error (response, SOUP_STATUS_FORBIDDEN, "forbidden");
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr(PamongTestResponse) response = NULL;

      response = pamong_test_request (ts, calls[i].method, calls[i].path, NULL, calls[i].body);
      pamong_test_response_assert_error (response, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
    }

  /* Nothing changed. */
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_users WHERE username = ?1",
                               "mallory"), ==, 0);
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_api_keys", NULL), ==, 0);
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM units WHERE name = ?1", "Diganti"),
                   ==, 0);
}

static void
test_admin_manages_users (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *admin = pamong_test_login_demo_with_otp (ts, "admin");
  g_autofree char *dinkominfo = pamong_test_unit_uuid (ts, "OPD.07");
  g_autofree char *body = NULL;
  g_autofree char *rina = NULL;
  g_autofree char *rina2 = NULL;
  g_autoptr(PamongTestResponse) list = NULL;
  g_autoptr(PamongTestResponse) created = NULL;
  g_autoptr(PamongTestResponse) got = NULL;
  g_autoptr(PamongTestResponse) updated = NULL;
  g_autoptr(PamongTestResponse) old_session = NULL;
  g_autoptr(PamongTestResponse) deleted = NULL;
  g_autoptr(PamongTestResponse) gone_session = NULL;
  g_autoptr(PamongTestResponse) gone_login = NULL;
  g_autoptr(PamongTestResponse) missing = NULL;
  JsonArray *users;
  JsonObject *object;

  list = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/users", admin, NULL);
  g_assert_cmpuint (list->status, ==, SOUP_STATUS_OK);
  users = json_object_get_array_member (pamong_test_response_object (list), "users");
  g_assert_cmpuint (json_array_get_length (users), ==, 4);
  object = json_array_get_object_element (users, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "username"), ==, "admin");
  g_assert_false (json_object_has_member (object, "password_hash"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (object, "created_at"), "Z"));

  /* Create: 201; an operator's unit may be given by code. */
  created = pamong_test_request (ts, SOUP_METHOD_PUT, API "/admin/users/rina", admin,
                                 "{\"password\": \"kata-sandi-rina\", \"role\": \"operator\", "
                                 "\"unit\": \"OPD.07\"}");
  g_assert_cmpuint (created->status, ==, SOUP_STATUS_CREATED);
  object = pamong_test_response_object (created);
  g_assert_cmpstr (json_object_get_string_member (object, "username"), ==, "rina");
  g_assert_cmpstr (json_object_get_string_member (object, "role"), ==, "operator");
  g_assert_cmpstr (json_object_get_string_member (object, "unit"), ==, dinkominfo);
  rina = pamong_test_login (ts, "rina", "kata-sandi-rina");

  got = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/users/rina", admin, NULL);
  g_assert_cmpuint (got->status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (json_object_get_string_member (pamong_test_response_object (got), "unit"),
                   ==, dinkominfo);

  /* Update without a password: the role changes at once, the session stays. */
  updated = pamong_test_request (ts, SOUP_METHOD_PUT, API "/admin/users/rina", admin,
                                 "{\"role\": \"assessor\"}");
  g_assert_cmpuint (updated->status, ==, SOUP_STATUS_OK);
  g_assert_true (json_object_get_null_member (pamong_test_response_object (updated), "unit"));
  old_session = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me", rina, NULL);
  g_assert_cmpuint (old_session->status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (json_object_get_string_member (pamong_test_response_object (old_session),
                                                  "role"), ==, "assessor");
  g_clear_pointer (&updated, pamong_test_response_free);
  g_clear_pointer (&old_session, pamong_test_response_free);

  /* A new password ends the old sessions. */
  updated = pamong_test_request (ts, SOUP_METHOD_PUT, API "/admin/users/rina", admin,
                                 "{\"role\": \"assessor\", \"password\": \"kata-sandi-baru\"}");
  g_assert_cmpuint (updated->status, ==, SOUP_STATUS_OK);
  old_session = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me", rina, NULL);
  pamong_test_response_assert_error (old_session, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  rina2 = pamong_test_login (ts, "rina", "kata-sandi-baru");

  /* Delete: 204, its sessions end, it cannot log in. */
  deleted = pamong_test_request (ts, SOUP_METHOD_DELETE, API "/admin/users/rina", admin, NULL);
  g_assert_cmpuint (deleted->status, ==, SOUP_STATUS_NO_CONTENT);
  gone_session = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me", rina2, NULL);
  pamong_test_response_assert_error (gone_session, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  gone_login = pamong_test_login_response (ts, "rina", "kata-sandi-baru");
  pamong_test_response_assert_error (gone_login, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_tokens WHERE username = ?1",
                               "rina"), ==, 0);

  missing = pamong_test_request (ts, SOUP_METHOD_DELETE, API "/admin/users/rina", admin, NULL);
  pamong_test_response_assert_error (missing, SOUP_STATUS_NOT_FOUND, "not-found");
  g_clear_pointer (&missing, pamong_test_response_free);
  missing = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/users/rina", admin, NULL);
  pamong_test_response_assert_error (missing, SOUP_STATUS_NOT_FOUND, "not-found");

  /* Refusals. */
  {
    static const struct { const char *path; const char *body; guint status; const char *code; }
    cases[] = {
      { API "/admin/users/new", "{\"role\": \"viewer\"}", 400, "missing-field" },
      { API "/admin/users/new", "{\"password\": \"kata-sandi-rahasia\"}", 400, "missing-field" },
      { API "/admin/users/new", "{\"password\": \"kata-sandi-rahasia\", \"role\": \"root\"}",
        400, "invalid-data" },
      { API "/admin/users/new", "{\"password\": \"pendek\", \"role\": \"viewer\"}",
        400, "invalid-data" },
      { API "/admin/users/new", "{\"password\": 12345678, \"role\": \"viewer\"}",
        400, "invalid-data" },
      { API "/admin/users/new", "{\"password\": \"kata-sandi-rahasia\", \"role\": \"operator\"}",
        400, "missing-field" },
      { API "/admin/users/new", "{\"password\": \"kata-sandi-rahasia\", \"role\": \"operator\", "
        "\"unit\": \"OPD.999\"}", 400, "invalid-data" },
      { API "/admin/users/bad%20name", "{\"password\": \"kata-sandi-rahasia\", "
        "\"role\": \"viewer\"}", 400, "invalid-data" },
      { API "/admin/users/new", "not json", 400, "invalid-data" },
      { API "/admin/users/", "{\"password\": \"kata-sandi-rahasia\", \"role\": \"viewer\"}",
        404, "not-found" },
      /* The last administrator cannot be demoted. */
      { API "/admin/users/admin", "{\"role\": \"viewer\"}", 409, "conflict" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(PamongTestResponse) response = NULL;

        response = pamong_test_request (ts, SOUP_METHOD_PUT, cases[i].path, admin, cases[i].body);
        pamong_test_response_assert_error (response, cases[i].status, cases[i].code);
      }
  }

  /* Nor deleted; with a second administrator it can be. */
  {
    g_autoptr(PamongTestResponse) last = NULL;
    g_autoptr(PamongTestResponse) second = NULL;
    g_autoptr(PamongTestResponse) now_ok = NULL;

    last = pamong_test_request (ts, SOUP_METHOD_DELETE, API "/admin/users/admin", admin, NULL);
    pamong_test_response_assert_error (last, SOUP_STATUS_CONFLICT, "conflict");

    second = pamong_test_request (ts, SOUP_METHOD_PUT, API "/admin/users/kepala", admin,
                                  "{\"password\": \"kata-sandi-kepala\", \"role\": \"admin\"}");
    g_assert_cmpuint (second->status, ==, SOUP_STATUS_CREATED);
    now_ok = pamong_test_request (ts, SOUP_METHOD_DELETE, API "/admin/users/admin", admin, NULL);
    g_assert_cmpuint (now_ok->status, ==, SOUP_STATUS_NO_CONTENT);
  }

  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_users WHERE username = ?1",
                               "new"), ==, 0);
  body = query_text (ts, "SELECT group_concat (username, ',') FROM "
                         "(SELECT username FROM server_users ORDER BY username)", NULL);
  g_assert_cmpstr (body, ==, "asesor,kepala,operator,viewer");
}

static void
test_admin_manages_units (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *admin = pamong_test_login_demo_with_otp (ts, "admin");
  g_autofree char *dinkominfo = pamong_test_unit_uuid (ts, "OPD.07");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *path = g_strconcat (API "/admin/units/", uuid, NULL);
  g_autofree char *dinkominfo_path = g_strconcat (API "/admin/units/", dinkominfo, NULL);
  g_autoptr(PamongTestResponse) list = NULL;
  g_autoptr(PamongTestResponse) created = NULL;
  g_autoptr(PamongTestResponse) got = NULL;
  g_autoptr(PamongTestResponse) updated = NULL;
  g_autoptr(PamongTestResponse) deleted = NULL;
  g_autoptr(PamongTestResponse) deleted_again = NULL;
  g_autoptr(PamongTestResponse) in_use = NULL;
  g_autoptr(PamongTestResponse) changes = NULL;
  g_autoptr(PamongRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *units;
  JsonObject *object;
  gint64 rev_created;
  gint64 rev_updated;
  gboolean found = FALSE;

  list = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/units", admin, NULL);
  g_assert_cmpuint (list->status, ==, SOUP_STATUS_OK);
  units = json_object_get_array_member (pamong_test_response_object (list), "units");
  g_assert_cmpuint (json_array_get_length (units), >, 10);
  for (guint i = 0; i < json_array_get_length (units); i++)
    {
      object = json_array_get_object_element (units, i);
      if (g_strcmp0 (json_object_get_string_member (object, "code"), "OPD.07") == 0)
        {
          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (object, "uuid"), ==, dinkominfo);
          g_assert_cmpint (json_object_get_int_member (object, "rev"), >, 0);
        }
    }
  g_assert_true (found);

  created = pamong_test_request (ts, SOUP_METHOD_PUT, path, admin,
                                 "{\"code\": \"OPD.99\", \"name\": \"Badan Uji Coba\", "
                                 "\"short_name\": \"BUC\", \"kind\": \"agency\"}");
  g_assert_cmpuint (created->status, ==, SOUP_STATUS_CREATED);
  object = pamong_test_response_object (created);
  g_assert_cmpstr (json_object_get_string_member (object, "uuid"), ==, uuid);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Badan Uji Coba");
  g_assert_false (json_object_get_boolean_member (object, "deleted"));
  rev_created = json_object_get_int_member (object, "rev");
  g_assert_cmpint (rev_created, >, 0);

  got = pamong_test_request (ts, SOUP_METHOD_GET, path, admin, NULL);
  g_assert_cmpuint (got->status, ==, SOUP_STATUS_OK);
  g_assert_cmpint (json_object_get_int_member (pamong_test_response_object (got), "rev"), ==,
                   rev_created);

  updated = pamong_test_request (ts, SOUP_METHOD_PUT, path, admin,
                                 "{\"code\": \"OPD.99\", \"name\": \"Badan Uji Coba Baru\", "
                                 "\"kind\": \"agency\"}");
  g_assert_cmpuint (updated->status, ==, SOUP_STATUS_OK);
  rev_updated = json_object_get_int_member (pamong_test_response_object (updated), "rev");
  g_assert_cmpint (rev_updated, >, rev_created);
  stored = pamong_store_lookup (ts->store, PAMONG_TYPE_UNIT, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pamong_unit_get_name (PAMONG_UNIT (stored)), ==, "Badan Uji Coba Baru");
  g_assert_cmpint (pamong_record_get_rev (stored), ==, rev_updated);

  /* The change feed serves it like any record. */
  {
    g_autofree char *changes_path = g_strdup_printf (API "/changes?since=%" G_GINT64_FORMAT
                                                     "&limit=10", rev_updated - 1);

    changes = pamong_test_request (ts, SOUP_METHOD_GET, changes_path, admin, NULL);
  }
  g_assert_cmpuint (changes->status, ==, SOUP_STATUS_OK);
  g_assert_nonnull (strstr (g_bytes_get_data (changes->body, NULL), "Badan Uji Coba Baru"));

  deleted = pamong_test_request (ts, SOUP_METHOD_DELETE, path, admin, NULL);
  g_assert_cmpuint (deleted->status, ==, SOUP_STATUS_OK);
  object = pamong_test_response_object (deleted);
  g_assert_true (json_object_get_boolean_member (object, "deleted"));
  g_assert_cmpint (json_object_get_int_member (object, "rev"), >, rev_updated);
  deleted_again = pamong_test_request (ts, SOUP_METHOD_DELETE, path, admin, NULL);
  pamong_test_response_assert_error (deleted_again, SOUP_STATUS_NOT_FOUND, "not-found");

  /* The demo operator belongs to Dinkominfo. */
  in_use = pamong_test_request (ts, SOUP_METHOD_DELETE, dinkominfo_path, admin, NULL);
  pamong_test_response_assert_error (in_use, SOUP_STATUS_CONFLICT, "conflict");

  {
    g_autofree char *other_uuid = g_uuid_string_random ();
    g_autofree char *other_path = g_strconcat (API "/admin/units/", other_uuid, NULL);
    g_autofree char *unknown_path = g_strconcat (API "/admin/units/", other_uuid, NULL);
    const struct { const char *method; const char *path; const char *body; guint status;
                   const char *code; } cases[] = {
      { SOUP_METHOD_PUT, other_path, "{\"name\": \"Tanpa Kode\", \"kind\": \"agency\"}",
        400, "missing-field" },
      { SOUP_METHOD_PUT, other_path, "{\"code\": \"X\", \"name\": \"X\", \"kind\": \"planet\"}",
        400, "invalid-data" },
      { SOUP_METHOD_PUT, other_path, "{\"uuid\": \"0b8f2f1e-7f1c-4a55-9a65-0d8d8f0b2a11\", "
        "\"code\": \"X\", \"name\": \"X\", \"kind\": \"agency\"}", 400, "invalid-data" },
      { SOUP_METHOD_PUT, API "/admin/units/not-a-uuid",
        "{\"code\": \"X\", \"name\": \"X\", \"kind\": \"agency\"}", 400, "invalid-data" },
      { SOUP_METHOD_GET, unknown_path, NULL, 404, "not-found" },
      { SOUP_METHOD_DELETE, unknown_path, NULL, 404, "not-found" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(PamongTestResponse) response = NULL;

        response = pamong_test_request (ts, cases[i].method, cases[i].path, admin, cases[i].body);
        pamong_test_response_assert_error (response, cases[i].status, cases[i].code);
      }
  }
}

static void
test_admin_manages_api_keys (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *admin = pamong_test_login_demo_with_otp (ts, "admin");
  g_autoptr(PamongTestResponse) created = NULL;
  g_autoptr(PamongTestResponse) list = NULL;
  g_autoptr(PamongTestResponse) revoked = NULL;
  g_autoptr(PamongTestResponse) revoked_again = NULL;
  g_autoptr(PamongTestResponse) no_label = NULL;
  g_autoptr(PamongTestResponse) blank_label = NULL;
  g_autofree char *key = NULL;
  g_autofree char *id = NULL;
  g_autofree char *key_hash = NULL;
  g_autofree char *delete_path = NULL;
  JsonArray *keys;
  JsonObject *object;

  created = pamong_test_request (ts, SOUP_METHOD_POST, API "/admin/api-keys", admin,
                                 "{\"label\": \"Jembatan LAPOR!\"}");
  g_assert_cmpuint (created->status, ==, SOUP_STATUS_CREATED);
  object = pamong_test_response_object (created);
  key = g_strdup (json_object_get_string_member (object, "key"));
  id = g_strdup (json_object_get_string_member (object, "id"));
  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpuint (strlen (key), >=, 43);
  g_assert_cmpstr (json_object_get_string_member (object, "label"), ==, "Jembatan LAPOR!");

  g_assert_true (pamong_server_api_key_is_valid (ts->store, key));
  g_assert_false (pamong_server_api_key_is_valid (ts->store, NULL));
  g_assert_false (pamong_server_api_key_is_valid (ts->store, ""));
  g_assert_false (pamong_server_api_key_is_valid (ts->store, id));
  {
    g_autofree char *altered = g_strdup (key);

    altered[strlen (altered) - 1] = altered[strlen (altered) - 1] == 'A' ? 'B' : 'A';
    g_assert_false (pamong_server_api_key_is_valid (ts->store, altered));
  }

  /* Stored hashed only. */
  key_hash = sha256_hex (key);
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_api_keys WHERE key_hash = ?1",
                               key_hash), ==, 1);
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_api_keys WHERE key_hash = ?1 "
                                   "OR label = ?1 OR id = ?1", key), ==, 0);

  list = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/api-keys", admin, NULL);
  g_assert_cmpuint (list->status, ==, SOUP_STATUS_OK);
  g_assert_null (strstr (g_bytes_get_data (list->body, NULL), key));
  keys = json_object_get_array_member (pamong_test_response_object (list), "api_keys");
  g_assert_cmpuint (json_array_get_length (keys), ==, 1);
  object = json_array_get_object_element (keys, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (object, "label"), ==, "Jembatan LAPOR!");
  g_assert_cmpstr (json_object_get_string_member (object, "created_by"), ==, "admin");
  g_assert_false (json_object_get_boolean_member (object, "revoked"));
  g_assert_false (json_object_has_member (object, "key"));

  delete_path = g_strconcat (API "/admin/api-keys/", id, NULL);
  revoked = pamong_test_request (ts, SOUP_METHOD_DELETE, delete_path, admin, NULL);
  g_assert_cmpuint (revoked->status, ==, SOUP_STATUS_NO_CONTENT);
  g_assert_false (pamong_server_api_key_is_valid (ts->store, key));
  revoked_again = pamong_test_request (ts, SOUP_METHOD_DELETE, delete_path, admin, NULL);
  pamong_test_response_assert_error (revoked_again, SOUP_STATUS_NOT_FOUND, "not-found");

  g_clear_pointer (&list, pamong_test_response_free);
  list = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/api-keys", admin, NULL);
  keys = json_object_get_array_member (pamong_test_response_object (list), "api_keys");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (keys, 0),
                                                 "revoked"));

  no_label = pamong_test_request (ts, SOUP_METHOD_POST, API "/admin/api-keys", admin, "{}");
  pamong_test_response_assert_error (no_label, SOUP_STATUS_BAD_REQUEST, "missing-field");
  blank_label = pamong_test_request (ts, SOUP_METHOD_POST, API "/admin/api-keys", admin,
                                     "{\"label\": \"   \"}");
  pamong_test_response_assert_error (blank_label, SOUP_STATUS_BAD_REQUEST, "missing-field");
}

/* ---- logins checked off the main loop ----------------------------------- */

#define SLOW_USER "lambat"
#define SLOW_PASSWORD "kata-sandi-lambat"

/* Whether the slow account's hash still has libsodium's "interactive"
 * cost: 64 MiB, two passes. */
static gboolean
slow_hash_is_stored (PamongTestServer *ts)
{
  g_autofree char *hash = query_text (ts, "SELECT password_hash FROM server_users "
                                      "WHERE username = ?1", SLOW_USER);

  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  return strstr (hash, "m=65536,t=2,") != NULL;
}

/* One request sent asynchronously; done counts completions in order. */
typedef struct
{
  GBytes  *body;
  GError  *error;
  guint    order;                /* 0 until done, then its place among all */
  guint    logins_in_progress;   /* the server's count when it completed */
  gint64   started;
  gint64   finished;
  PamongServer *server;
  guint   *n_done;
} Pending;

static void
pending_clear (Pending *pending)
{
  g_clear_pointer (&pending->body, g_bytes_unref);
  g_clear_error (&pending->error);
}

static void
pending_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Pending *pending = user_data;

  pending->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result,
                                                     &pending->error);
  pending->finished = g_get_monotonic_time ();
  pending->order = ++*pending->n_done;
  pending->logins_in_progress = pamong_server_auth_get_logins_in_progress (pending->server);
}

static void
pending_send (PamongTestServer *ts,
              SoupSession      *session,
              SoupMessage      *msg,
              GCancellable     *cancellable,
              Pending          *pending,
              guint            *n_done)
{
  pending->server = ts->server;
  pending->n_done = n_done;
  pending->started = g_get_monotonic_time ();
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    pending_done, pending);
}

/* An account whose hash has argon2id's production ("interactive") cost, as
 * on a real server: made here with libsodium and written into the store,
 * since the tests' server hashes at the minimum cost. Its first login
 * checks at the production cost and renews the hash at the server's. */
static void
add_slow_account (PamongTestServer *ts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStoreStmt) stmt = NULL;
  char hash[crypto_pwhash_STRBYTES];

  g_assert_cmpint (sodium_init (), >=, 0);
  g_assert_cmpint (crypto_pwhash_str (hash, SLOW_PASSWORD, strlen (SLOW_PASSWORD),
                                      crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                      crypto_pwhash_MEMLIMIT_INTERACTIVE), ==, 0);

  pamong_server_users_put (ts->store, SLOW_USER, SLOW_PASSWORD, PAMONG_ROLE_VIEWER, NULL,
                           NULL, &error);
  g_assert_no_error (error);
  stmt = pamong_store_prepare (ts->store,
                               "UPDATE server_users SET password_hash = ?2 WHERE username = ?1",
                               &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, SLOW_USER, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_true (slow_hash_is_stored (ts));
}

/* Runs the main loop until the server checks a password (or @pending
 * completed without one: then the test fails). */
static void
wait_for_login_in_progress (PamongTestServer *ts,
                            Pending          *pending)
{
  while (pamong_server_auth_get_logins_in_progress (ts->server) == 0 && pending->order == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (pending->order, ==, 0);
  g_assert_cmpuint (pamong_server_auth_get_logins_in_progress (ts->server), ==, 1);
}

static void
test_login_does_not_block_other_requests (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_NONE);
  g_autoptr(SoupSession) status_session = NULL;
  g_autoptr(SoupMessage) login_msg = NULL;
  g_autoptr(SoupMessage) status_msg = NULL;
  g_autofree char *status_uri = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  Pending login = { 0 };
  Pending status = { 0 };
  guint n_done = 0;
  JsonObject *answer;

  add_slow_account (ts);

  /* The status client connects first, so that its request during the
   * login costs the server only the answer. */
  status_session = soup_session_new_with_options ("proxy-resolver", NULL, "timeout", 30, NULL);
  status_uri = pamong_test_server_uri (ts, API "/status");
  {
    g_autoptr(SoupMessage) warm_up = soup_message_new (SOUP_METHOD_GET, status_uri);
    Pending first = { 0 };
    guint n_first = 0;

    pending_send (ts, status_session, warm_up, NULL, &first, &n_first);
    while (n_first == 0)
      g_main_context_iteration (NULL, TRUE);
    g_assert_no_error (first.error);
    g_assert_cmpuint (soup_message_get_status (warm_up), ==, SOUP_STATUS_OK);
    pending_clear (&first);
  }

  login_msg = pamong_test_login_message (ts, SLOW_USER, SLOW_PASSWORD);
  pending_send (ts, ts->session, login_msg, NULL, &login, &n_done);
  wait_for_login_in_progress (ts, &login);

  /* Sent while the password is being checked. */
  status_msg = soup_message_new (SOUP_METHOD_GET, status_uri);
  pending_send (ts, status_session, status_msg, NULL, &status, &n_done);

  while (n_done < 2)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (status.error);
  g_assert_no_error (login.error);
  g_test_message ("status answered in %.1f ms; the login (argon2id, production cost) "
                  "in %.1f ms",
                  (status.finished - status.started) / 1000.0,
                  (login.finished - login.started) / 1000.0);

  /* The status came back first, while the login was still being checked. */
  g_assert_cmpuint (status.order, ==, 1);
  g_assert_cmpuint (login.order, ==, 2);
  g_assert_cmpuint (status.logins_in_progress, ==, 1);
  g_assert_cmpuint (login.logins_in_progress, ==, 0);
  g_assert_cmpuint (soup_message_get_status (status_msg), ==, SOUP_STATUS_OK);

  /* And the login itself succeeded. */
  g_assert_cmpuint (soup_message_get_status (login_msg), ==, SOUP_STATUS_OK);
  json_parser_load_from_data (parser, g_bytes_get_data (login.body, NULL),
                              g_bytes_get_size (login.body), &error);
  g_assert_no_error (error);
  answer = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (strlen (json_object_get_string_member (answer, "token")), ==, 43);
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_tokens WHERE username = ?1",
                               SLOW_USER), ==, 1);
  /* The hash was renewed at the server's cost, computed in the thread too. */
  g_assert_false (slow_hash_is_stored (ts));

  pending_clear (&login);
  pending_clear (&status);
  g_clear_object (&status_session);
}

static void
test_login_survives_the_client_leaving (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_NONE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SoupMessage) login_msg = NULL;
  g_autoptr(PamongTestResponse) status = NULL;
  Pending login = { 0 };
  guint n_done = 0;

  add_slow_account (ts);

  login_msg = pamong_test_login_message (ts, SLOW_USER, SLOW_PASSWORD);
  pending_send (ts, ts->session, login_msg, cancellable, &login, &n_done);
  wait_for_login_in_progress (ts, &login);

  /* The client gives up and closes its connection while the password is
   * being checked; the server answers into the void afterwards. */
  g_cancellable_cancel (cancellable);
  while (login.order == 0 || pamong_server_auth_get_logins_in_progress (ts->server) > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (login.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* The server carries on; freeing it asserts nothing kept it alive. */
  status = pamong_test_request (ts, SOUP_METHOD_GET, API "/status", NULL, NULL);
  g_assert_cmpuint (status->status, ==, SOUP_STATUS_OK);
  g_assert_cmpuint (pamong_server_auth_get_logins_in_progress (ts->server), ==, 0);

  pending_clear (&login);
}

static void
test_logins_in_flight_count_toward_the_limit (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autoptr(SoupSession) session = NULL;
  SoupMessage *msgs[PAMONG_SERVER_LOGIN_USER_FAILURES + 3];
  Pending pending[G_N_ELEMENTS (msgs)];
  guint n_done = 0;
  guint n_unauthorized = 0;
  guint n_limited = 0;

  /* Every guess on its own connection, all in flight at once. */
  session = soup_session_new_with_options ("proxy-resolver", NULL,
                                           "max-conns", 64,
                                           "max-conns-per-host", 64,
                                           "timeout", 30,
                                           NULL);
  memset (pending, 0, sizeof pending);
  for (guint i = 0; i < G_N_ELEMENTS (msgs); i++)
    {
      msgs[i] = pamong_test_login_message (ts, "viewer", "wrong-password");
      pending_send (ts, session, msgs[i], NULL, &pending[i], &n_done);
    }
  while (n_done < G_N_ELEMENTS (msgs))
    g_main_context_iteration (NULL, TRUE);

  /* However they overlap, no more guesses than the limit were checked. */
  for (guint i = 0; i < G_N_ELEMENTS (msgs); i++)
    {
      guint status = soup_message_get_status (msgs[i]);

      g_assert_no_error (pending[i].error);
      if (status == SOUP_STATUS_UNAUTHORIZED)
        n_unauthorized++;
      else if (status == 429)
        n_limited++;
      else
        g_error ("A guess was answered %u", status);
      pending_clear (&pending[i]);
      g_object_unref (msgs[i]);
    }
  g_assert_cmpuint (n_unauthorized, ==, PAMONG_SERVER_LOGIN_USER_FAILURES);
  g_assert_cmpuint (n_limited, ==, 3);

  g_clear_object (&session);
}

/* ---- one-time codes (TOTP) and the admin routes (ASVS 4.3.1) -------------- */

/* RFC 6238's test seed for HMAC-SHA1: the 20 ASCII bytes "1234567890…". */
#define RFC_SEED "12345678901234567890"

static void
test_totp_matches_the_rfc_vectors (void)
{
  /* RFC 6238 Appendix B, SHA-1 rows: Unix time and the 8-digit TOTP. */
  static const struct { gint64 time; gint64 step; const char *code; } totp[] = {
    { 59, 0x1, "94287082" },
    { 1111111109, 0x23523EC, "07081804" },
    { 1111111111, 0x23523ED, "14050471" },
    { 1234567890, 0x273EF07, "89005924" },
    { 2000000000, 0x3F940AA, "69279037" },
    { G_GINT64_CONSTANT (20000000000), 0x27BC86AA, "65353130" },
  };
  /* RFC 4226 Appendix D: HOTP of the counters 0 to 9, six digits. */
  static const char * const hotp[] = {
    "755224", "287082", "359152", "969429", "338314",
    "254676", "287922", "162583", "399871", "520489",
  };
  const guint8 *seed = (const guint8 *) RFC_SEED;
  g_autofree char *seed_base32 = pamong_server_base32_encode (seed, strlen (RFC_SEED));
  g_autoptr(GBytes) decoded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 matched = -1;

  for (guint i = 0; i < G_N_ELEMENTS (totp); i++)
    {
      g_autofree char *eight = NULL;
      g_autofree char *six = NULL;

      g_assert_cmpint (pamong_server_totp_step (totp[i].time), ==, totp[i].step);
      eight = pamong_server_hotp (seed, strlen (RFC_SEED), (guint64) totp[i].step, 8);
      six = pamong_server_hotp (seed, strlen (RFC_SEED), (guint64) totp[i].step, 6);
      g_assert_cmpstr (eight, ==, totp[i].code);
      /* Six digits are the last six of eight: the same value mod 10^6. */
      g_assert_cmpstr (six, ==, totp[i].code + 2);
    }

  for (guint i = 0; i < G_N_ELEMENTS (hotp); i++)
    {
      g_autofree char *code = pamong_server_hotp (seed, strlen (RFC_SEED), i, 6);

      g_assert_cmpstr (code, ==, hotp[i]);
    }

  /* RFC 4648 base32, as authenticator apps read the secret. */
  g_assert_cmpstr (seed_base32, ==, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  decoded = pamong_server_base32_decode ("gezdgnbvgy3tqojqgezdgnbvgy3tqojq", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (decoded, NULL), g_bytes_get_size (decoded),
                   RFC_SEED, strlen (RFC_SEED));
  g_assert_null (pamong_server_base32_decode ("GEZDGNBV1", &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);

  /* The verifier: the step before and after count, two away do not, nor
   * a step already used, nor anything but six digits. */
  g_assert_true (pamong_server_totp_verify (seed_base32, "287082", 2, -1, &matched));
  g_assert_cmpint (matched, ==, 1);
  g_assert_true (pamong_server_totp_verify (seed_base32, "287082", 0, -1, &matched));
  g_assert_cmpint (matched, ==, 1);
  g_assert_false (pamong_server_totp_verify (seed_base32, "287082", 3, -1, NULL));
  g_assert_false (pamong_server_totp_verify (seed_base32, "969429", 1, -1, NULL));
  g_assert_false (pamong_server_totp_verify (seed_base32, "287082", 1, 1, NULL));
  g_assert_true (pamong_server_totp_verify (seed_base32, "359152", 1, 1, &matched));
  g_assert_cmpint (matched, ==, 2);
  g_assert_false (pamong_server_totp_verify (seed_base32, "28708", 1, -1, NULL));
  g_assert_false (pamong_server_totp_verify (seed_base32, "2870820", 1, -1, NULL));
  g_assert_false (pamong_server_totp_verify (seed_base32, "28708x", 1, -1, NULL));
  g_assert_false (pamong_server_totp_verify (seed_base32, NULL, 1, -1, NULL));
}

/* Waits, if need be, for a step with at least @seconds left, so that the
 * codes a test computes keep their distance from the server's step. */
static void
wait_for_fresh_step (gint64 seconds)
{
  gint64 now = g_get_real_time ();
  gint64 period = PAMONG_SERVER_TOTP_PERIOD * G_USEC_PER_SEC;
  gint64 left = period - now % period;

  if (left < seconds * G_USEC_PER_SEC)
    g_usleep ((gulong) (left + G_USEC_PER_SEC / 10));
}

static void
test_login_with_totp_needs_the_code (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *code = NULL;
  g_autoptr(PamongTestResponse) missing = NULL;
  g_autoptr(PamongTestResponse) empty = NULL;
  g_autoptr(PamongTestResponse) wrong_password = NULL;
  g_autoptr(PamongTestResponse) wrong_otp = NULL;
  g_autoptr(PamongTestResponse) not_digits = NULL;
  g_autoptr(PamongTestResponse) right = NULL;
  g_autoptr(PamongTestResponse) viewer = NULL;
  g_autoptr(PamongTestResponse) number = NULL;

  wait_for_fresh_step (3);
  secret = pamong_server_totp_enroll (ts->store, "admin", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (secret), ==, 32);

  /* The right password without a code: clients learn to ask for one. */
  missing = pamong_test_login_otp_response (ts, "admin", PAMONG_SERVER_DEMO_PASSWORD, NULL);
  pamong_test_response_assert_error (missing, SOUP_STATUS_UNAUTHORIZED, "otp-required");
  empty = pamong_test_login_otp_response (ts, "admin", PAMONG_SERVER_DEMO_PASSWORD, "");
  pamong_test_response_assert_error (empty, SOUP_STATUS_UNAUTHORIZED, "otp-required");

  /* A wrong password says nothing about a second factor. */
  wrong_password = pamong_test_login_otp_response (ts, "admin", "pamong-demo-not", NULL);
  pamong_test_response_assert_error (wrong_password, SOUP_STATUS_UNAUTHORIZED, "unauthorized");

  /* A wrong code is a wrong login, with the same message. */
  wrong = pamong_test_totp_wrong_code (secret);
  wrong_otp = pamong_test_login_otp_response (ts, "admin", PAMONG_SERVER_DEMO_PASSWORD, wrong);
  pamong_test_response_assert_error (wrong_otp, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  g_assert_cmpstr (error_message (wrong_otp), ==, error_message (wrong_password));
  not_digits = pamong_test_login_otp_response (ts, "admin", PAMONG_SERVER_DEMO_PASSWORD,
                                               "12 34 56");
  pamong_test_response_assert_error (not_digits, SOUP_STATUS_UNAUTHORIZED, "unauthorized");

  code = pamong_test_totp_code (secret, 0);
  right = pamong_test_login_otp_response (ts, "admin", PAMONG_SERVER_DEMO_PASSWORD, code);
  g_assert_cmpuint (right->status, ==, SOUP_STATUS_OK);
  g_assert_nonnull (json_object_get_string_member (pamong_test_response_object (right),
                                                   "token"));
  g_assert_true (json_object_get_boolean_member (pamong_test_response_object (right), "mfa"));
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_tokens "
                                   "WHERE username = ?1 AND mfa = 1", "admin"), ==, 1);

  /* An account without a secret logs in as before; a code is ignored. */
  viewer = pamong_test_login_otp_response (ts, "viewer", PAMONG_SERVER_DEMO_PASSWORD, code);
  g_assert_cmpuint (viewer->status, ==, SOUP_STATUS_OK);
  g_assert_false (json_object_get_boolean_member (pamong_test_response_object (viewer), "mfa"));

  /* "otp" is a string. */
  number = pamong_test_request (ts, SOUP_METHOD_POST, API "/auth/login", NULL,
                                "{\"username\": \"admin\", \"password\": \"pamong-demo\", "
                                "\"otp\": 123456}");
  pamong_test_response_assert_error (number, SOUP_STATUS_BAD_REQUEST, "invalid-data");
}

static void
test_wrong_otps_count_toward_the_limit (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *code = NULL;
  g_autoptr(PamongTestResponse) limited = NULL;

  wait_for_fresh_step (5);
  secret = pamong_server_totp_enroll (ts->store, "admin", &error);
  g_assert_no_error (error);
  wrong = pamong_test_totp_wrong_code (secret);

  /* Asking for the code is no failure: the password was right. */
  for (guint i = 0; i < PAMONG_SERVER_LOGIN_USER_FAILURES + 1; i++)
    {
      g_autoptr(PamongTestResponse) response = NULL;

      response = pamong_test_login_otp_response (ts, "admin", PAMONG_SERVER_DEMO_PASSWORD, NULL);
      pamong_test_response_assert_error (response, SOUP_STATUS_UNAUTHORIZED, "otp-required");
    }

  for (guint i = 0; i < PAMONG_SERVER_LOGIN_USER_FAILURES; i++)
    {
      g_autoptr(PamongTestResponse) response = NULL;

      response = pamong_test_login_otp_response (ts, "admin", PAMONG_SERVER_DEMO_PASSWORD,
                                                 wrong);
      pamong_test_response_assert_error (response, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
    }

  /* Guessing codes stops like guessing passwords: even the right one waits. */
  code = pamong_test_totp_code (secret, 0);
  limited = pamong_test_login_otp_response (ts, "admin", PAMONG_SERVER_DEMO_PASSWORD, code);
  pamong_test_response_assert_error (limited, 429, "rate-limited");
  g_assert_nonnull (pamong_test_response_header (limited, "Retry-After"));
}

/* Logs in with @code; returns the status. */
static guint
login_status (PamongTestServer *ts,
              const char       *code)
{
  g_autoptr(PamongTestResponse) response = NULL;

  response = pamong_test_login_otp_response (ts, "admin", PAMONG_SERVER_DEMO_PASSWORD, code);
  if (response->status == SOUP_STATUS_UNAUTHORIZED)
    pamong_test_response_assert_error (response, SOUP_STATUS_UNAUTHORIZED, "unauthorized");

  return response->status;
}

static void
test_an_otp_works_once_within_a_step_either_side (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *before = NULL;
  g_autofree char *now = NULL;
  g_autofree char *after = NULL;
  g_autofree char *too_early = NULL;
  g_autofree char *too_late = NULL;
  g_autofree char *fresh_now = NULL;

  /* Room for every login below within one step. */
  wait_for_fresh_step (10);
  secret = pamong_server_totp_enroll (ts->store, "admin", &error);
  g_assert_no_error (error);
  before = pamong_test_totp_code (secret, -1);
  now = pamong_test_totp_code (secret, 0);
  after = pamong_test_totp_code (secret, 1);

  /* A slow clock's code (the step before), once. */
  g_assert_cmpuint (login_status (ts, before), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (login_status (ts, before), ==, SOUP_STATUS_UNAUTHORIZED);
  /* The current one, once. */
  g_assert_cmpuint (login_status (ts, now), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (login_status (ts, now), ==, SOUP_STATUS_UNAUTHORIZED);
  /* A fast clock's (the step after), once; then nothing earlier works. */
  g_assert_cmpuint (login_status (ts, after), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (login_status (ts, after), ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpuint (login_status (ts, now), ==, SOUP_STATUS_UNAUTHORIZED);

  /* Two steps away is too far either way (a new secret: no step used). */
  fresh = pamong_server_totp_enroll (ts->store, "admin", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fresh, !=, secret);
  too_early = pamong_test_totp_code (fresh, -2);
  too_late = pamong_test_totp_code (fresh, 2);
  fresh_now = pamong_test_totp_code (fresh, 0);
  if (g_strcmp0 (too_early, fresh_now) != 0)
    g_assert_cmpuint (login_status (ts, too_early), ==, SOUP_STATUS_UNAUTHORIZED);
  if (g_strcmp0 (too_late, fresh_now) != 0)
    g_assert_cmpuint (login_status (ts, too_late), ==, SOUP_STATUS_UNAUTHORIZED);
  /* (Four failures so far: one more would reach the limit.) The new
   * secret's current code works, so the refusals above were the window's. */
  g_assert_cmpuint (login_status (ts, fresh_now), ==, SOUP_STATUS_OK);
}

static void
test_admin_routes_need_a_session_opened_with_an_otp (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autoptr(GError) error = NULL;
  g_autofree char *password_only = pamong_test_login_demo (ts, "admin");
  g_autofree char *with_otp = NULL;
  g_autofree char *again = NULL;
  gboolean removed = FALSE;

  /* The password alone: the admin routes say how to enrol… */
  {
    g_autoptr(PamongTestResponse) refused = NULL;
    g_autoptr(PamongTestResponse) me = NULL;

    refused = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/users", password_only, NULL);
    pamong_test_response_assert_error (refused, SOUP_STATUS_FORBIDDEN, "mfa-required");
    g_assert_nonnull (strstr (error_message (refused), "--enroll-totp"));

    /* …and the other routes answer as before. */
    me = pamong_test_request (ts, SOUP_METHOD_GET, API "/auth/me", password_only, NULL);
    g_assert_cmpuint (me->status, ==, SOUP_STATUS_OK);
  }

  /* With a one-time code: 200. */
  with_otp = pamong_test_login_demo_with_otp (ts, "admin");
  {
    g_autoptr(PamongTestResponse) listed = NULL;
    g_autoptr(PamongTestResponse) still_refused = NULL;

    listed = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/users", with_otp, NULL);
    g_assert_cmpuint (listed->status, ==, SOUP_STATUS_OK);

    /* The session counts, not the account: the old one stays password-only. */
    still_refused = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/users",
                                         password_only, NULL);
    pamong_test_response_assert_error (still_refused, SOUP_STATUS_FORBIDDEN, "mfa-required");
  }

  /* A new secret ends the sessions the old one opened. */
  g_free (pamong_server_totp_enroll (ts->store, "admin", &error));
  g_assert_no_error (error);
  {
    g_autoptr(PamongTestResponse) ended = NULL;

    ended = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/users", with_otp, NULL);
    pamong_test_response_assert_error (ended, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  }

  /* So does removing it: the password alone logs in again, but reaches
   * no admin route. */
  g_hash_table_remove (ts->totp_secrets, "admin");
  again = pamong_test_login_demo_with_otp (ts, "admin");
  g_assert_true (pamong_server_totp_reset (ts->store, "admin", &removed, &error));
  g_assert_no_error (error);
  g_assert_true (removed);
  {
    g_autoptr(PamongTestResponse) ended = NULL;
    g_autoptr(PamongTestResponse) refused = NULL;
    g_autofree char *plain = pamong_test_login_demo (ts, "admin");

    ended = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/users", again, NULL);
    pamong_test_response_assert_error (ended, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
    refused = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/users", plain, NULL);
    pamong_test_response_assert_error (refused, SOUP_STATUS_FORBIDDEN, "mfa-required");
  }

  g_assert_true (pamong_server_totp_reset (ts->store, "admin", &removed, &error));
  g_assert_false (removed);
  g_assert_false (pamong_server_totp_reset (ts->store, "nobody", &removed, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND);
}

static void
test_enroll_and_reset_totp_from_the_command_line (void)
{
  g_autoptr(PamongTestServer) ts = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *code = NULL;
  g_autofree char *token = NULL;
  g_auto(GStrv) lines = NULL;
  const char *secret = NULL;
  int status;

  if (server_binary == NULL)
    {
      g_test_skip ("Give the pamong-server binary as the argument");
      return;
    }

  ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);

  status = run_add_user (ts->db_path, "", &out, &err, "--enroll-totp", "admin", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "admin"));

  /* The secret on a line of its own, then the URI an app imports. */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strlen (lines[i]) == 32 && strspn (lines[i], "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") == 32)
      secret = lines[i];
  g_assert_nonnull (secret);
  uri = g_strdup_printf ("otpauth://totp/Pamong:admin?secret=%s&issuer=Pamong", secret);
  g_assert_nonnull (strstr (out, uri));
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_users WHERE totp_secret = ?1",
                               secret), ==, 1);

  /* The printed secret makes the codes the server takes. */
  {
    g_autoptr(PamongTestResponse) login = NULL;
    g_autoptr(PamongTestResponse) listed = NULL;

    code = pamong_test_totp_code (secret, 0);
    login = pamong_test_login_otp_response (ts, "admin", PAMONG_SERVER_DEMO_PASSWORD, code);
    g_assert_cmpuint (login->status, ==, SOUP_STATUS_OK);
    token = g_strdup (json_object_get_string_member (pamong_test_response_object (login),
                                                     "token"));
    listed = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/users", token, NULL);
    g_assert_cmpuint (listed->status, ==, SOUP_STATUS_OK);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* No such account: a usage error that says so. */
  status = run_add_user (ts->db_path, "", &out, &err, "--enroll-totp", "nobody", NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "nobody"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_add_user (ts->db_path, "", &out, &err,
                         "--enroll-totp", "admin", "--reset-totp", "admin", NULL);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Reset: the secret and its sessions are gone; the password alone logs
   * in, and reaches no admin route. */
  status = run_add_user (ts->db_path, "", &out, &err, "--reset-totp", "admin", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "admin"));
  g_assert_cmpint (count_rows (ts, "SELECT count(*) FROM server_users "
                                   "WHERE totp_secret IS NOT NULL", NULL), ==, 0);
  {
    g_autoptr(PamongTestResponse) ended = NULL;
    g_autoptr(PamongTestResponse) refused = NULL;
    g_autofree char *plain = pamong_test_login_demo (ts, "admin");

    ended = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/users", token, NULL);
    pamong_test_response_assert_error (ended, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
    refused = pamong_test_request (ts, SOUP_METHOD_GET, API "/admin/users", plain, NULL);
    pamong_test_response_assert_error (refused, SOUP_STATUS_FORBIDDEN, "mfa-required");
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Resetting again is harmless. */
  status = run_add_user (ts->db_path, "", &out, &err, "--reset-totp", "admin", NULL);
  g_assert_cmpint (status, ==, 0);
}

/* ---- the policy, directly ----------------------------------------------- */

static void
test_policy_is_admin (void)
{
  g_autoptr(PamongServerUser) admin = pamong_server_user_new ("a", PAMONG_ROLE_ADMIN, NULL);
  g_autoptr(PamongServerUser) viewer = pamong_server_user_new ("v", PAMONG_ROLE_VIEWER, NULL);
  g_autoptr(PamongServerUser) copy = pamong_server_user_copy (viewer);
  g_autoptr(GError) error = NULL;

  g_assert_true (pamong_server_policy_is_admin (admin, &error));
  g_assert_no_error (error);
  g_assert_false (pamong_server_policy_is_admin (copy, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_FORBIDDEN);
  g_assert_cmpstr (copy->username, ==, "v");
}

int
main (int   argc,
      char *argv[])
{
  pamong_test_init (&argc, &argv);

  if (argc > 1)
    server_binary = argv[1];

  g_test_add_func ("/pamong/server/auth/login-answers-a-token-its-expiry-and-the-user",
                   test_login_answers_token_expiry_and_user);
  g_test_add_func ("/pamong/server/auth/the-token-lifetime-is-configurable",
                   test_token_lifetime_is_configurable);
  g_test_add_func ("/pamong/server/auth/wrong-credentials-answer-one-generic-401",
                   test_wrong_credentials_answer_one_generic_401);
  g_test_add_func ("/pamong/server/auth/login-refuses-malformed-bodies",
                   test_login_refuses_malformed_bodies);
  g_test_add_func ("/pamong/server/auth/a-token-works-until-logout",
                   test_token_works_until_logout);
  g_test_add_func ("/pamong/server/auth/an-expired-token-is-refused-and-deleted",
                   test_expired_token_is_refused_and_deleted);
  g_test_add_func ("/pamong/server/auth/a-malformed-authorization-is-401",
                   test_malformed_authorization_is_401);
  g_test_add_func ("/pamong/server/auth/failed-logins-are-limited-per-user",
                   test_rate_limit_per_user);
  g_test_add_func ("/pamong/server/auth/failed-logins-are-limited-per-address",
                   test_rate_limit_per_address);
  g_test_add_func ("/pamong/server/auth/a-success-resets-the-user-counter",
                   test_success_resets_the_user_counter);
  g_test_add_func ("/pamong/server/auth/a-login-does-not-block-other-requests",
                   test_login_does_not_block_other_requests);
  g_test_add_func ("/pamong/server/auth/a-login-survives-the-client-leaving",
                   test_login_survives_the_client_leaving);
  g_test_add_func ("/pamong/server/auth/logins-in-flight-count-toward-the-limit",
                   test_logins_in_flight_count_toward_the_limit);
  g_test_add_func ("/pamong/server/auth/the-database-keeps-hashes-only",
                   test_database_keeps_hashes_only);
  g_test_add_func ("/pamong/server/auth/add-user-reads-the-password-from-stdin",
                   test_add_user_reads_the_password_from_stdin);
  g_test_add_func ("/pamong/server/auth/admin-endpoints-refuse-everyone-else",
                   test_admin_endpoints_refuse_others);
  g_test_add_func ("/pamong/server/auth/admin-manages-users",
                   test_admin_manages_users);
  g_test_add_func ("/pamong/server/auth/admin-manages-units",
                   test_admin_manages_units);
  g_test_add_func ("/pamong/server/auth/admin-manages-api-keys",
                   test_admin_manages_api_keys);
  g_test_add_func ("/pamong/server/auth/policy-is-admin",
                   test_policy_is_admin);
  g_test_add_func ("/pamong/server/auth/totp-matches-the-rfc-6238-and-4226-vectors",
                   test_totp_matches_the_rfc_vectors);
  g_test_add_func ("/pamong/server/auth/a-login-with-totp-needs-the-code",
                   test_login_with_totp_needs_the_code);
  g_test_add_func ("/pamong/server/auth/wrong-otps-count-toward-the-limit",
                   test_wrong_otps_count_toward_the_limit);
  g_test_add_func ("/pamong/server/auth/an-otp-works-once-within-a-step-either-side",
                   test_an_otp_works_once_within_a_step_either_side);
  g_test_add_func ("/pamong/server/auth/admin-routes-need-a-session-opened-with-an-otp",
                   test_admin_routes_need_a_session_opened_with_an_otp);
  g_test_add_func ("/pamong/server/auth/enroll-and-reset-totp-from-the-command-line",
                   test_enroll_and_reset_totp_from_the_command_line);

  return g_test_run ();
}
