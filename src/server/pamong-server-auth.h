/* pamong-server-auth.h — accounts, bearer tokens, API keys and the auth endpoints
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "pamong-enums.h"
#include "pamong-store.h"

#include "pamong-server.h"

G_BEGIN_DECLS

/** The password of every demo account (`--demo blora`). */
#define PAMONG_SERVER_DEMO_PASSWORD "pamong-demo"

/** The shortest password an account may have, in characters, every run of
 * white space counted once (OWASP ASVS 2.1.1). The demo accounts' password
 * is exempt (loopback only). */
#define PAMONG_SERVER_PASSWORD_MIN_LENGTH 12

/** The page size of the admin lists (users, units, api-keys) without ?limit=. */
#define PAMONG_SERVER_ADMIN_LIST_DEFAULT_LIMIT 500
/** The largest ?limit= of the admin lists. */
#define PAMONG_SERVER_ADMIN_LIST_MAX_LIMIT 5000

/** How long a token from POST /api/v1/auth/login is valid by default: 12 hours. */
#define PAMONG_SERVER_DEFAULT_TOKEN_LIFETIME (12 * G_TIME_SPAN_HOUR)

/** Failed logins per username within the window before 429. */
#define PAMONG_SERVER_LOGIN_USER_FAILURES 5
/** Failed logins per client address within the window before 429. */
#define PAMONG_SERVER_LOGIN_ADDRESS_FAILURES 20
/** The window of the login rate limits: 5 minutes. */
#define PAMONG_SERVER_LOGIN_WINDOW (5 * G_TIME_SPAN_MINUTE)

/**
 * PamongServerAuthError:
 * @PAMONG_SERVER_AUTH_ERROR_OTP_REQUIRED: the password is right but the
 *   account also needs a one-time code ("otp"); answered 401 "otp-required"
 * @PAMONG_SERVER_AUTH_ERROR_MFA_REQUIRED: an admin route needs a session
 *   opened with a one-time code; answered 403 "mfa-required"
 *
 * The errors of the second factor, in the %PAMONG_SERVER_AUTH_ERROR domain,
 * so clients can branch on their JSON codes.
 */
#define PAMONG_SERVER_AUTH_ERROR (pamong_server_auth_error_quark ())

typedef enum
{
  PAMONG_SERVER_AUTH_ERROR_OTP_REQUIRED,
  PAMONG_SERVER_AUTH_ERROR_MFA_REQUIRED,
} PamongServerAuthError;

GQuark pamong_server_auth_error_quark (void);

/**
 * PamongServerUser:
 * @username: the account's name
 * @role: what it may do
 * @unit: (nullable): the uuid of its unit (operators always have one)
 * @mfa: whether the request's session was opened with a one-time code
 *   (see pamong-server-totp.h); only pamong_server_authenticate() sets it
 *
 * The account a request was made with.
 */
typedef struct
{
  char       *username;
  PamongRole  role;
  char       *unit;
  gboolean    mfa;
} PamongServerUser;

PamongServerUser *pamong_server_user_new        (const char              *username,
                                                 PamongRole               role,
                                                 const char              *unit);
PamongServerUser *pamong_server_user_copy       (const PamongServerUser  *user);
void              pamong_server_user_free       (PamongServerUser        *user);
JsonNode         *pamong_server_user_to_json    (const PamongServerUser  *user);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PamongServerUser, pamong_server_user_free)

/* Roles by their API names: "admin", "operator", "assessor", "viewer". */
const char       *pamong_server_role_to_string  (PamongRole               role);
gboolean          pamong_server_role_from_string (const char             *text,
                                                  PamongRole             *role);

/* Registers the auth and admin routes (called from pamong_server_constructed). */
void              pamong_server_auth_register   (PamongServer            *server);
/* The admin routes alone (pamong-server-admin.c); part of the above. */
void              pamong_server_admin_register  (PamongServer            *server);

/* The user of a request's "Authorization: Bearer <token>", or NULL with
 * PAMONG_ERROR_UNAUTHORIZED (missing, malformed, unknown or expired token —
 * one message, no hint which). */
PamongServerUser *pamong_server_authenticate    (PamongServer            *server,
                                                 SoupServerMessage       *msg,
                                                 GError                 **error);

/* How long new tokens are valid (default PAMONG_SERVER_DEFAULT_TOKEN_LIFETIME);
 * tests shorten it. */
GTimeSpan         pamong_server_auth_get_token_lifetime (PamongServer    *server);
void              pamong_server_auth_set_token_lifetime (PamongServer    *server,
                                                         GTimeSpan        lifetime);
/* POST /api/v1/auth/login checks the password (argon2id) in a worker
 * thread while the main loop answers other requests: how many logins are
 * being checked now. */
guint             pamong_server_auth_get_logins_in_progress (PamongServer *server);

/* Accounts. @password NULL keeps an existing account's password (an error
 * for a new one); @unit is a unit's uuid, required for operators. */
gboolean          pamong_server_users_put       (PamongStore             *store,
                                                 const char              *username,
                                                 const char              *password,
                                                 PamongRole               role,
                                                 const char              *unit,
                                                 gboolean                *created,
                                                 GError                 **error);
gboolean          pamong_server_users_delete    (PamongStore             *store,
                                                 const char              *username,
                                                 GError                 **error);
PamongServerUser *pamong_server_users_lookup    (PamongStore             *store,
                                                 const char              *username,
                                                 GError                 **error);
/* Checks a password, synchronously (slow: argon2id); NULL with
 * PAMONG_ERROR_UNAUTHORIZED if wrong or unknown. */
PamongServerUser *pamong_server_users_verify    (PamongStore             *store,
                                                 const char              *username,
                                                 const char              *password,
                                                 GError                 **error);
/* The uuid of a unit given its uuid or its code (e.g. "OPD.07"); NULL with
 * PAMONG_ERROR_NOT_FOUND. Tombstoned units do not count. */
char             *pamong_server_resolve_unit    (PamongStore             *store,
                                                 const char              *uuid_or_code,
                                                 GError                 **error);
/* The demo accounts admin, operator (Dinkominfo, unit code OPD.07), asesor
 * (assessor) and viewer, all with PAMONG_SERVER_DEMO_PASSWORD; created or
 * reset. Needs the demo's units in @store. */
gboolean          pamong_server_users_add_demo  (PamongStore             *store,
                                                 GError                 **error);

/* An argon2id hash ("$argon2id$…") of @password; cheap parameters when
 * PAMONG_SERVER_FAST_HASH=1 (tests only). */
char             *pamong_server_hash_password   (const char              *password,
                                                 GError                 **error);

/* Open311 API keys: whether @key is a live (not revoked) key. */
gboolean          pamong_server_api_key_is_valid (PamongStore            *store,
                                                  const char             *key);
/* Creates a key; returns it (shown once) and its id. */
char             *pamong_server_api_key_create  (PamongStore             *store,
                                                 const char              *label,
                                                 const char              *created_by,
                                                 char                   **id,
                                                 GError                 **error);

G_END_DECLS
