/* pamong-preferences-window.h — language and server settings
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-account.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_PREFERENCES_WINDOW (pamong_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PamongPreferencesWindow, pamong_preferences_window, PAMONG, PREFERENCES_WINDOW, AdwPreferencesWindow)

PamongPreferencesWindow *pamong_preferences_window_new (GSettings *settings);
void                     pamong_preferences_window_set_account (PamongPreferencesWindow *self,
                                                                PamongAccount           *account);
char                    *pamong_preferences_window_get_account_text (PamongPreferencesWindow *self);
void                     pamong_preferences_window_log_out (PamongPreferencesWindow *self);

gboolean                 pamong_server_url_is_valid    (const char  *url,
                                                        GError     **error);

G_END_DECLS
