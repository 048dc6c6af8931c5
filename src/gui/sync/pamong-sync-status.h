/* pamong-sync-status.h — the header bar's synchronisation state and its
 * popover
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-account.h"
#include "pamong-sync-scheduler.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_SYNC_STATUS (pamong_sync_status_get_type ())
G_DECLARE_FINAL_TYPE (PamongSyncStatus, pamong_sync_status, PAMONG, SYNC_STATUS, AdwBin)

void        pamong_sync_status_set_account   (PamongSyncStatus    *self,
                                              PamongAccount       *account);
void        pamong_sync_status_set_scheduler (PamongSyncStatus    *self,
                                              PamongSyncScheduler *scheduler);

/* What the header shows, for the UI tests. */
const char *pamong_sync_status_get_summary     (PamongSyncStatus    *self);
const char *pamong_sync_status_get_description (PamongSyncStatus    *self);
const char *pamong_sync_status_get_icon_name   (PamongSyncStatus    *self);

char       *pamong_sync_format_last_sync     (GDateTime           *when);

G_END_DECLS
