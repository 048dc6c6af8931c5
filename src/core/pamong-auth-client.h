/* pamong-auth-client.h — log in to and out of a Pamong server
 * (POST /api/v1/auth/login and /logout, docs/api/auth.md)
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * PamongAuthLogin:
 * @server_url: the server's address, without a trailing slash
 * @username: the account's name as the server spells it
 * @role: "admin", "operator", "assessor" or "viewer"
 * @token: the session's bearer token (keep it only in the keyring)
 *
 * A successful login.
 */
typedef struct
{
  char *server_url;
  char *username;
  char *role;
  char *token;
} PamongAuthLogin;

void             pamong_auth_login_free           (PamongAuthLogin      *login);
char            *pamong_auth_normalize_url        (const char           *url);

void             pamong_auth_login_async          (const char           *server_url,
                                                   const char           *username,
                                                   const char           *password,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
void             pamong_auth_login_with_otp_async (const char           *server_url,
                                                   const char           *username,
                                                   const char           *password,
                                                   const char           *otp,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
PamongAuthLogin *pamong_auth_login_finish         (GAsyncResult         *result,
                                                   GError              **error);

void             pamong_auth_logout_async         (const char           *server_url,
                                                   const char           *token,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean         pamong_auth_logout_finish        (GAsyncResult         *result,
                                                   GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PamongAuthLogin, pamong_auth_login_free)

G_END_DECLS
