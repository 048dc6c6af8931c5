/* pamong-sync.h — the sync engine: push local changes, pull the change feed
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pamong-store.h"

G_BEGIN_DECLS

/** Records per POST /api/v1/batch (the server takes at most 1,000). */
#define PAMONG_SYNC_DEFAULT_BATCH_SIZE 500
/** Records per page of GET /api/v1/changes (the server allows 1 to 5,000);
 * 2,000 measured best for a first sync (bench-sync). */
#define PAMONG_SYNC_DEFAULT_PAGE_SIZE  2000
/** Back-off of a retried request: base, longest wait, attempts. */
#define PAMONG_SYNC_DEFAULT_RETRY_BASE_MS  500
#define PAMONG_SYNC_DEFAULT_RETRY_CAP_MS   30000
#define PAMONG_SYNC_DEFAULT_RETRY_ATTEMPTS 5

/**
 * PamongSyncPhase:
 * @PAMONG_SYNC_PHASE_IDLE: no run, or the run is over
 * @PAMONG_SYNC_PHASE_PUSH: sending local changes (file contents first)
 * @PAMONG_SYNC_PHASE_PULL: applying the server's changes, then fetching
 *   the contents of pulled attachments
 *
 * What a run is doing, for #PamongSync::progress.
 */
typedef enum
{
  PAMONG_SYNC_PHASE_IDLE,
  PAMONG_SYNC_PHASE_PUSH,
  PAMONG_SYNC_PHASE_PULL,
} PamongSyncPhase;

GType pamong_sync_phase_get_type (void) G_GNUC_CONST;
#define PAMONG_TYPE_SYNC_PHASE (pamong_sync_phase_get_type ())

#define PAMONG_TYPE_SYNC (pamong_sync_get_type ())
G_DECLARE_FINAL_TYPE (PamongSync, pamong_sync, PAMONG, SYNC, GObject)

PamongSync   *pamong_sync_new               (PamongStore          *store,
                                             const char           *server_url);
PamongStore  *pamong_sync_get_store         (PamongSync           *self);
const char   *pamong_sync_get_server_url    (PamongSync           *self);
void          pamong_sync_set_token         (PamongSync           *self,
                                             const char           *token);
void          pamong_sync_set_batch_size    (PamongSync           *self,
                                             guint                 batch_size);
void          pamong_sync_set_page_size     (PamongSync           *self,
                                             guint                 page_size);
void          pamong_sync_set_retry         (PamongSync           *self,
                                             guint                 base_ms,
                                             guint                 cap_ms,
                                             guint                 max_attempts);

void          pamong_sync_run_async         (PamongSync           *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean      pamong_sync_run_finish        (PamongSync           *self,
                                             GAsyncResult         *result,
                                             GError              **error);

GHashTable   *pamong_sync_get_record_errors (PamongSync           *self);

G_END_DECLS
