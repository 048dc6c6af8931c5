/* pamong-sync-scheduler.h — when to synchronise: on start, periodically, on
 * reconnect and on demand, one run at a time
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pamong-sync.h"

G_BEGIN_DECLS

/**
 * PamongSyncState:
 * @PAMONG_SYNC_STATE_IDLE: the last run succeeded (or none ran yet); waiting
 * @PAMONG_SYNC_STATE_SYNCING: a run is in progress
 * @PAMONG_SYNC_STATE_OFFLINE: the network or the server cannot be reached;
 *   the scheduler retries with back-off and when the network comes back
 * @PAMONG_SYNC_STATE_ERROR: the last run failed for another reason (see
 *   "last-error"); the next periodic or requested run tries again
 * @PAMONG_SYNC_STATE_NEEDS_LOGIN: the server refused the token; nothing
 *   runs until pamong_sync_scheduler_set_token() gives a new one. The queue
 *   is kept.
 *
 * What the scheduler is doing, for the header bar.
 */
typedef enum
{
  PAMONG_SYNC_STATE_IDLE,
  PAMONG_SYNC_STATE_SYNCING,
  PAMONG_SYNC_STATE_OFFLINE,
  PAMONG_SYNC_STATE_ERROR,
  PAMONG_SYNC_STATE_NEEDS_LOGIN,
} PamongSyncState;

#define PAMONG_TYPE_SYNC_STATE (pamong_sync_state_get_type ())
GType pamong_sync_state_get_type (void) G_GNUC_CONST;

/** Back-off after a network failure: first wait and longest wait. */
#define PAMONG_SYNC_SCHEDULER_DEFAULT_BACKOFF_BASE_MS 15000
#define PAMONG_SYNC_SCHEDULER_DEFAULT_BACKOFF_CAP_MS  (15 * 60 * 1000)

#define PAMONG_TYPE_SYNC_SCHEDULER (pamong_sync_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (PamongSyncScheduler, pamong_sync_scheduler, PAMONG, SYNC_SCHEDULER, GObject)

PamongSyncScheduler *pamong_sync_scheduler_new          (PamongSync          *sync,
                                                         GNetworkMonitor     *monitor);
PamongSync          *pamong_sync_scheduler_get_sync     (PamongSyncScheduler *self);

void                 pamong_sync_scheduler_set_interval (PamongSyncScheduler *self,
                                                         guint                seconds);
guint                pamong_sync_scheduler_get_interval (PamongSyncScheduler *self);
void                 pamong_sync_scheduler_set_backoff  (PamongSyncScheduler *self,
                                                         guint                base_ms,
                                                         guint                cap_ms);
void                 pamong_sync_scheduler_set_token    (PamongSyncScheduler *self,
                                                         const char          *token);

void                 pamong_sync_scheduler_start        (PamongSyncScheduler *self);
void                 pamong_sync_scheduler_stop         (PamongSyncScheduler *self);
void                 pamong_sync_scheduler_sync_now     (PamongSyncScheduler *self);
void                 pamong_sync_scheduler_cancel       (PamongSyncScheduler *self);
void                 pamong_sync_scheduler_refresh_counts (PamongSyncScheduler *self);

PamongSyncState      pamong_sync_scheduler_get_state         (PamongSyncScheduler *self);
gboolean             pamong_sync_scheduler_get_running       (PamongSyncScheduler *self);
gboolean             pamong_sync_scheduler_get_started       (PamongSyncScheduler *self);
double               pamong_sync_scheduler_get_progress      (PamongSyncScheduler *self);
PamongSyncPhase      pamong_sync_scheduler_get_phase         (PamongSyncScheduler *self);
guint64              pamong_sync_scheduler_get_done          (PamongSyncScheduler *self);
guint                pamong_sync_scheduler_get_pending_count (PamongSyncScheduler *self);
guint                pamong_sync_scheduler_get_conflict_count (PamongSyncScheduler *self);
GDateTime           *pamong_sync_scheduler_get_last_sync     (PamongSyncScheduler *self);
const char          *pamong_sync_scheduler_get_last_error    (PamongSyncScheduler *self);
guint                pamong_sync_scheduler_get_n_runs        (PamongSyncScheduler *self);

gboolean             pamong_sync_error_is_network            (const GError        *error);

G_END_DECLS
