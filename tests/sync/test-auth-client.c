/* test-auth-client.c — the app's login client (pamong-auth-client) against
 * the in-process pamong-server: passwords and one-time codes
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pamong-core.h"
#include "pamong-auth-client.h"
#include "pamong-server-auth.h"
#include "pamong-server-totp.h"
#include "server-test-util.h"

#define TEST_PASSWORD "kata-sandi-uji-masuk"

typedef struct
{
  PamongTestServer *ts;
  char             *url;
  char             *secret;  /* siti's TOTP secret, base32 */
} Fixture;

/* A server with siti, an administrator with a one-time-code secret, and
 * budi, a viewer without one. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->ts = pamong_test_server_new (PAMONG_TEST_SERVER_NONE);
  fixture->url = pamong_test_server_uri (fixture->ts, "");
  g_assert_true (pamong_server_users_put (fixture->ts->store, "siti", TEST_PASSWORD,
                                          PAMONG_ROLE_ADMIN, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pamong_server_users_put (fixture->ts->store, "budi", TEST_PASSWORD,
                                          PAMONG_ROLE_VIEWER, NULL, NULL, &error));
  g_assert_no_error (error);
  fixture->secret = pamong_server_totp_enroll (fixture->ts->store, "siti", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->secret);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->secret);
  g_free (fixture->url);
  pamong_test_server_free (fixture->ts);
}

static void
on_login_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Logs in as the app does and waits (the server runs on this context). */
static PamongAuthLogin *
log_in (Fixture     *fixture,
        const char  *username,
        const char  *password,
        const char  *otp,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (otp == NULL)
    pamong_auth_login_async (fixture->url, username, password, NULL, on_login_done, &result);
  else
    pamong_auth_login_with_otp_async (fixture->url, username, password, otp, NULL,
                                      on_login_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return pamong_auth_login_finish (result, error);
}

/* Whether the server takes @token for GET /api/v1/auth/me. */
static void
assert_token_works (Fixture    *fixture,
                    const char *token,
                    const char *username)
{
  PamongTestResponse *response = pamong_test_request (fixture->ts, "GET", "/api/v1/auth/me",
                                                      token, NULL);

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (pamong_test_response_object (response), "username"),
                   ==, username);
  pamong_test_response_free (response);
}

static void
test_without_a_code_the_account_asks_for_one (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongAuthLogin) login = NULL;

  login = log_in (fixture, "siti", TEST_PASSWORD, NULL, &error);
  g_assert_null (login);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_OTP_REQUIRED);
  g_assert_cmpstr (error->message, ==,
                   "This account needs a one-time code from its authenticator app.");
  g_clear_error (&error);

  /* An empty code is no code. */
  login = log_in (fixture, "siti", TEST_PASSWORD, "", &error);
  g_assert_null (login);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_OTP_REQUIRED);
  g_clear_error (&error);

  /* A wrong password is wrong whatever the account: the server asks for a
   * code only once the password matched. */
  login = log_in (fixture, "siti", "not-the-password", NULL, &error);
  g_assert_null (login);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_UNAUTHORIZED);
}

static void
test_the_right_code_opens_a_session (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongAuthLogin) login = NULL;
  g_autofree char *code = pamong_test_totp_code (fixture->secret, 0);

  login = log_in (fixture, "siti", TEST_PASSWORD, code, &error);
  g_assert_no_error (error);
  g_assert_nonnull (login);
  g_assert_cmpstr (login->username, ==, "siti");
  g_assert_cmpstr (login->role, ==, "admin");
  g_assert_cmpuint (strlen (login->token), ==, 43);
  assert_token_works (fixture, login->token, "siti");
}

/* Authenticator apps show the code in two halves: "492 039". */
static void
test_a_code_typed_with_a_space_counts (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongAuthLogin) login = NULL;
  g_autofree char *code = pamong_test_totp_code (fixture->secret, 0);
  g_autofree char *spaced = g_strdup_printf (" %.3s %s ", code, code + 3);

  login = log_in (fixture, "siti", TEST_PASSWORD, spaced, &error);
  g_assert_no_error (error);
  g_assert_nonnull (login);
  assert_token_works (fixture, login->token, "siti");
}

static void
test_a_wrong_or_reused_code_is_a_wrong_login (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongAuthLogin) login = NULL;
  g_autoptr(PamongAuthLogin) again = NULL;
  g_autofree char *wrong = pamong_test_totp_wrong_code (fixture->secret);
  g_autofree char *code = pamong_test_totp_code (fixture->secret, 0);

  login = log_in (fixture, "siti", TEST_PASSWORD, wrong, &error);
  g_assert_null (login);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (error->message, ==, "The user name or the password is wrong.");
  g_clear_error (&error);

  /* Not six digits: refused before it reaches the server (and its count
   * of failed logins). */
  login = log_in (fixture, "siti", TEST_PASSWORD, "12345", &error);
  g_assert_null (login);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);
  login = log_in (fixture, "siti", TEST_PASSWORD, "12a456", &error);
  g_assert_null (login);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* A code opens one session only. */
  login = log_in (fixture, "siti", TEST_PASSWORD, code, &error);
  g_assert_no_error (error);
  g_assert_nonnull (login);
  again = log_in (fixture, "siti", TEST_PASSWORD, code, &error);
  g_assert_null (again);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (error->message, ==, "The user name or the password is wrong.");
}

/* The login without a code is unchanged, and a code sent for an account
 * without a secret is ignored. */
static void
test_an_account_without_a_secret_needs_no_code (Fixture       *fixture,
                                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongAuthLogin) login = NULL;
  g_autoptr(PamongAuthLogin) with_code = NULL;

  login = log_in (fixture, "budi", TEST_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (login);
  g_assert_cmpstr (login->role, ==, "viewer");
  assert_token_works (fixture, login->token, "budi");

  with_code = log_in (fixture, "budi", TEST_PASSWORD, "123456", &error);
  g_assert_no_error (error);
  g_assert_nonnull (with_code);
  assert_token_works (fixture, with_code->token, "budi");
}

int
main (int   argc,
      char *argv[])
{
  pamong_test_init (&argc, &argv);

  g_test_add ("/pamong/sync/auth/without-a-code-the-account-asks-for-one", Fixture, NULL,
              fixture_set_up, test_without_a_code_the_account_asks_for_one, fixture_tear_down);
  g_test_add ("/pamong/sync/auth/the-right-code-opens-a-session", Fixture, NULL,
              fixture_set_up, test_the_right_code_opens_a_session, fixture_tear_down);
  g_test_add ("/pamong/sync/auth/a-code-typed-with-a-space-counts", Fixture, NULL,
              fixture_set_up, test_a_code_typed_with_a_space_counts, fixture_tear_down);
  g_test_add ("/pamong/sync/auth/a-wrong-or-reused-code-is-a-wrong-login", Fixture, NULL,
              fixture_set_up, test_a_wrong_or_reused_code_is_a_wrong_login, fixture_tear_down);
  g_test_add ("/pamong/sync/auth/an-account-without-a-secret-needs-no-code", Fixture, NULL,
              fixture_set_up, test_an_account_without_a_secret_needs_no_code, fixture_tear_down);

  return g_test_run ();
}
