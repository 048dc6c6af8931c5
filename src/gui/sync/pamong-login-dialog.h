/* pamong-login-dialog.h — log in to the Pamong server
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-account.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_LOGIN_DIALOG (pamong_login_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PamongLoginDialog, pamong_login_dialog, PAMONG, LOGIN_DIALOG, AdwWindow)

PamongLoginDialog *pamong_login_dialog_new            (PamongAccount     *account,
                                                       const char        *reason);

/* For the UI tests: what a person types and sees. */
void               pamong_login_dialog_set_fields     (PamongLoginDialog *self,
                                                       const char        *server_url,
                                                       const char        *username,
                                                       const char        *password);
const char        *pamong_login_dialog_get_server_url (PamongLoginDialog *self);
const char        *pamong_login_dialog_get_username   (PamongLoginDialog *self);
void               pamong_login_dialog_submit         (PamongLoginDialog *self);
gboolean           pamong_login_dialog_get_busy       (PamongLoginDialog *self);
const char        *pamong_login_dialog_get_error_text (PamongLoginDialog *self);
GtkWidget         *pamong_login_dialog_get_otp_row    (PamongLoginDialog *self);

G_END_DECLS
