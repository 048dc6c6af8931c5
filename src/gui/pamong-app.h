/* pamong-app.h — the Pamong desktop application
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-account.h"
#include "pamong-login-dialog.h"
#include "pamong-sync-scheduler.h"
#include "pamong-types.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_APP (pamong_app_get_type ())
G_DECLARE_FINAL_TYPE (PamongApp, pamong_app, PAMONG, APP, AdwApplication)

PamongApp   *pamong_app_new                     (void);
PamongStore *pamong_app_get_store               (PamongApp           *self);
gboolean     pamong_app_open_store              (PamongApp           *self,
                                                 const char          *path,
                                                 GError             **error);
GSettings   *pamong_app_get_settings            (PamongApp           *self);
gboolean     pamong_app_get_seeding             (PamongApp           *self);
void         pamong_app_seed_demo_async         (PamongApp           *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean     pamong_app_seed_demo_finish        (PamongApp           *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void         pamong_app_show_preferences        (PamongApp           *self,
                                                 const char          *page_name);
PamongAccount       *pamong_app_get_account     (PamongApp           *self);
PamongSyncScheduler *pamong_app_get_scheduler   (PamongApp           *self);
PamongLoginDialog   *pamong_app_show_login      (PamongApp           *self,
                                                 const char          *reason);

gboolean     pamong_app_apply_language_setting  (void);
GSettings   *pamong_app_new_settings            (void);

G_END_DECLS
