/* pamong-account.h — the account on the Pamong server: login, logout, and
 * the session token kept in the desktop keyring
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

#define PAMONG_TYPE_ACCOUNT (pamong_account_get_type ())
G_DECLARE_FINAL_TYPE (PamongAccount, pamong_account, PAMONG, ACCOUNT, GObject)

const SecretSchema *pamong_account_get_secret_schema (void);

PamongAccount *pamong_account_new            (GSettings            *settings);

const char    *pamong_account_get_server_url (PamongAccount        *self);
const char    *pamong_account_get_username   (PamongAccount        *self);
const char    *pamong_account_get_role       (PamongAccount        *self);
const char    *pamong_account_get_token      (PamongAccount        *self);
gboolean       pamong_account_get_logged_in  (PamongAccount        *self);
gboolean       pamong_account_get_loading    (PamongAccount        *self);

const char    *pamong_account_role_label     (const char           *role);

void           pamong_account_load_async     (PamongAccount        *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       pamong_account_load_finish    (PamongAccount        *self,
                                              GAsyncResult         *result,
                                              GError              **error);

void           pamong_account_login_async    (PamongAccount        *self,
                                              const char           *server_url,
                                              const char           *username,
                                              const char           *password,
                                              const char           *otp,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       pamong_account_login_finish   (PamongAccount        *self,
                                              GAsyncResult         *result,
                                              GError              **error);

void           pamong_account_logout_async   (PamongAccount        *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       pamong_account_logout_finish  (PamongAccount        *self,
                                              GAsyncResult         *result,
                                              GError              **error);

void           pamong_account_forget_token   (PamongAccount        *self);

G_END_DECLS
