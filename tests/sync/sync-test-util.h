/* sync-test-util.h — shared helpers of the sync tests: a client store
 * synchronised with the in-process server, and comparisons with it
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-core.h"
#include "pamong-sync.h"
#include "server-test-util.h"

G_BEGIN_DECLS

typedef struct
{
  PamongStore *store;
  PamongSync  *sync;
} SyncClient;

/* A client with its own store (":memory:" when @path is NULL) for the
 * server at @url, logged in with @token. */
SyncClient   *sync_client_new           (const char   *path,
                                         const char   *url,
                                         const char   *token);
void          sync_client_free          (SyncClient   *client);

/* Runs one sync and waits (iterating the default main context). */
gboolean      sync_run                  (PamongSync   *sync,
                                         GError      **error);
/* Runs syncs until one succeeds with nothing pending, at most @max_runs. */
guint         sync_until_quiet          (PamongSync   *sync,
                                         guint         max_runs);

/* Every record of every collection (tombstones included) of @client is
 * synced and equal to the server's, and the two have the same uuids. */
void          sync_assert_converged     (PamongStore  *client,
                                         PamongStore  *server);

/* Every record of @type in @store (tombstones included), uuid -> record. */
GHashTable   *sync_all_records          (PamongStore  *store,
                                         GType         type);

PamongRecord *sync_lookup               (PamongStore  *store,
                                         GType         type,
                                         const char   *uuid);

/* Writes @record to the server over HTTP as another client would (an
 * update If-Match its current rev, or a create); returns the new rev. */
gint64        sync_server_put           (PamongTestServer *ts,
                                         const char       *token,
                                         PamongRecord     *record,
                                         gboolean          create);

/* How the fault and soak tests resolve a conflict: a tombstone on either
 * side wins; otherwise keep mine, take theirs or a merge (theirs with my
 * description, for an application), by lot. */
PamongRecord *sync_resolution_by_lot    (GRand        *rand,
                                         PamongRecord *mine,
                                         PamongRecord *theirs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SyncClient, sync_client_free)

G_END_DECLS
