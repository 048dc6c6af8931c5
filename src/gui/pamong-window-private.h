/* pamong-window-private.h — what the UI tests may look at
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-sync-status.h"
#include "pamong-window.h"

G_BEGIN_DECLS

const char *pamong_window_get_visible_view (PamongWindow *self);
const char *pamong_window_get_workspace    (PamongWindow *self);
GtkWidget  *pamong_window_get_page         (PamongWindow *self,
                                            const char   *name);
PamongSyncStatus *pamong_window_get_sync_status (PamongWindow *self);

G_END_DECLS
