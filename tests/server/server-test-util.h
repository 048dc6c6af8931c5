/* server-test-util.h — shared helpers of the server tests: a server on
 * loopback over a temporary store, requests, logins
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "pamong-store.h"
#include "pamong-server.h"

G_BEGIN_DECLS

/**
 * PamongTestServerFlags:
 * @PAMONG_TEST_SERVER_NONE: an empty store
 * @PAMONG_TEST_SERVER_DEMO: the Blora demo dataset (seeded as the server
 *   seeds it, every record with a rev) and the demo accounts admin,
 *   operator, asesor, viewer (password "pamong-demo")
 * @PAMONG_TEST_SERVER_NO_LISTEN: do not listen yet (call
 *   pamong_server_listen() yourself, e.g. after setting TLS)
 */
typedef enum
{
  PAMONG_TEST_SERVER_NONE      = 0,
  PAMONG_TEST_SERVER_DEMO      = 1 << 0,
  PAMONG_TEST_SERVER_NO_LISTEN = 1 << 1,
} PamongTestServerFlags;

/* Everything public: tests poke at the store directly when they must. */
typedef struct
{
  char         *tmpdir;
  char         *db_path;
  PamongStore  *store;
  PamongServer *server;
  SoupSession  *session;   /* "proxy-resolver" NULL, 30 s timeout */
  GHashTable   *totp_secrets;  /* username -> base32 secret enrolled by
                                * pamong_test_login_with_otp() */
} PamongTestServer;

typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;  /* the response's */
  GBytes             *body;
  JsonNode           *json;     /* NULL unless the answer is application/json */
} PamongTestResponse;

/* g_test_init plus the test environment: PAMONG_SERVER_FAST_HASH=1 (unless
 * already set), so argon2id is cheap. */
void                pamong_test_init               (int                   *argc,
                                                    char                ***argv);

/* Seeds the Blora demo into a server store, as --demo blora does. */
gboolean            pamong_test_seed_demo          (PamongStore           *store,
                                                    GError               **error);

/* A server on 127.0.0.1 port 0 over a new temporary store (opened with
 * pamong_server_open_store); with PAMONG_TEST_SERVER_DEMO, a copy of the
 * demo database the build made (PAMONG_TEST_DEMO_DB), or a freshly seeded
 * store when there is none. */
PamongTestServer   *pamong_test_server_new         (PamongTestServerFlags  flags);
/* Disconnects, asserts the server and the store are finalised, removes
 * the temporary folder. */
void                pamong_test_server_free        (PamongTestServer      *ts);
/* The absolute URI of @path ("/api/v1/status") on the server. */
char               *pamong_test_server_uri         (PamongTestServer      *ts,
                                                    const char            *path);

/* Sends a request and waits for the whole answer (the server runs on this
 * main context). @token: a bearer token, or NULL for none. @content_type
 * and @body may be NULL (no body); @length -1 means NUL-terminated. Extra
 * request headers follow as name, value pairs ending in NULL. */
PamongTestResponse *pamong_test_request_full       (PamongTestServer      *ts,
                                                    const char            *method,
                                                    const char            *path,
                                                    const char            *token,
                                                    const char            *content_type,
                                                    const char            *body,
                                                    gssize                 length,
                                                    ...) G_GNUC_NULL_TERMINATED;
/* The same with a JSON body (or none when @json is NULL) and no extra headers. */
PamongTestResponse *pamong_test_request            (PamongTestServer      *ts,
                                                    const char            *method,
                                                    const char            *path,
                                                    const char            *token,
                                                    const char            *json);
/* Sends a prepared message (any headers, any body) and waits. */
PamongTestResponse *pamong_test_send               (PamongTestServer      *ts,
                                                    SoupMessage           *msg);

void                pamong_test_response_free      (PamongTestResponse    *response);
/* The answer's JSON object; fails the test if the answer is not one. */
JsonObject         *pamong_test_response_object    (PamongTestResponse    *response);
const char         *pamong_test_response_header    (PamongTestResponse    *response,
                                                    const char            *name);
/* Asserts `{"error": {"code": @code, "message": "…"}}` on @status. */
void                pamong_test_response_assert_error (PamongTestResponse *response,
                                                       guint               status,
                                                       const char         *code);

/* POST /api/v1/auth/login; asserts 200 and returns the token. */
char               *pamong_test_login              (PamongTestServer      *ts,
                                                    const char            *username,
                                                    const char            *password);
/* The same for a demo account (password "pamong-demo"). */
char               *pamong_test_login_demo         (PamongTestServer      *ts,
                                                    const char            *username);
/* A POST /api/v1/auth/login message, not sent (to send it asynchronously). */
SoupMessage        *pamong_test_login_message      (PamongTestServer      *ts,
                                                    const char            *username,
                                                    const char            *password);
/* The same for the server at @uri (".../api/v1/auth/login"), e.g. one in
 * another process. */
SoupMessage        *pamong_test_login_message_for_uri (const char          *uri,
                                                       const char          *username,
                                                       const char          *password);
/* POST /api/v1/auth/login without asserting anything. */
PamongTestResponse *pamong_test_login_response     (PamongTestServer      *ts,
                                                    const char            *username,
                                                    const char            *password);
/* The same with "otp": @otp (NULL: none). */
PamongTestResponse *pamong_test_login_otp_response (PamongTestServer      *ts,
                                                    const char            *username,
                                                    const char            *password,
                                                    const char            *otp);

/* A login whose session reaches the admin routes: the first time for
 * @username on @ts, enrols a TOTP secret in the store (kept in
 * ts->totp_secrets); every time, forgets the last step used (so a test may
 * log the account in many times within one 30-second step) and logs in
 * with the current code. Asserts 200 and returns the token. */
char               *pamong_test_login_with_otp     (PamongTestServer      *ts,
                                                    const char            *username,
                                                    const char            *password);
/* The same for a demo account (password "pamong-demo"), e.g. "admin". */
char               *pamong_test_login_demo_with_otp (PamongTestServer     *ts,
                                                     const char           *username);
/* The six-digit code of @secret_base32 for the time step @offset steps
 * from the current one (-1: the step before). */
char               *pamong_test_totp_code          (const char            *secret_base32,
                                                    gint64                 offset);
/* A six-digit code that is none of the codes of @secret_base32 for the
 * steps around now (two either side), so certainly refused. */
char               *pamong_test_totp_wrong_code    (const char            *secret_base32);

/* Sends every log message of the process (any domain and level) to the
 * default writer and also keeps its text in the array returned, for tests
 * that check what the server logs. Call once, before g_test_init()'s
 * logging is used (the writer can be set only once); clear the array with
 * g_ptr_array_set_size (…, 0). */
GPtrArray          *pamong_test_capture_log        (void);

/* The uuid of the unit with this code (e.g. "OPD.07", Dinkominfo in the demo). */
char               *pamong_test_unit_uuid          (PamongTestServer      *ts,
                                                    const char            *code);
/* The first live record of @type in the store matching @field == @value
 * (a string or an enum nick), or with @field NULL the first one; asserts
 * there is one. */
PamongRecord       *pamong_test_find_record        (PamongTestServer      *ts,
                                                    GType                  type,
                                                    const char            *field,
                                                    const char            *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PamongTestServer, pamong_test_server_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PamongTestResponse, pamong_test_response_free)

G_END_DECLS
