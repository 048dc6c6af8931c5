/* pamong-server-sync.h — the sync API: change feed, writes, batch, blobs, results
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "pamong-record.h"

#include "pamong-server.h"

G_BEGIN_DECLS

/** The page size of GET /api/v1/changes without ?limit=. */
#define PAMONG_SERVER_CHANGES_DEFAULT_LIMIT 500
/** The largest ?limit= of GET /api/v1/changes. */
#define PAMONG_SERVER_CHANGES_MAX_LIMIT 5000
/** 428 Precondition Required (RFC 6585), which libsoup 3.2 has no name for:
 * a write without If-Match or If-None-Match. */
#define PAMONG_SERVER_STATUS_PRECONDITION_REQUIRED 428
/** The most writes one POST /api/v1/batch may carry (413 beyond). */
#define PAMONG_SERVER_BATCH_MAX_WRITES 1000

/* Registers the sync routes (called from pamong_server_constructed). */
void pamong_server_sync_register               (PamongServer      *server);

/* Answers 412 `{"error": {"code": "precondition-failed", "message": …},
 * "current": {record}}`: the write was made against another version than
 * @current, the server's record now. */
void pamong_server_respond_precondition_failed (SoupServerMessage *msg,
                                                const char        *message,
                                                PamongRecord      *current);

G_END_DECLS
