/* pamong-server-scan.h — the malware scan of an upload, in a child process
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-server.h"

G_BEGIN_DECLS

/**
 * PamongServerScanVerdict:
 * @PAMONG_SERVER_SCAN_CLEAN: the scanner exited 0: store it
 * @PAMONG_SERVER_SCAN_INFECTED: the scanner exited 1: refuse it (422)
 * @PAMONG_SERVER_SCAN_FAILED: the scanner could not start, exited with
 *   another status, crashed or took too long: refuse it (503)
 * @PAMONG_SERVER_SCAN_BUSY: #PAMONG_SERVER_MAX_SCANS scans were running;
 *   nothing was run: refuse it (503 with Retry-After)
 */
typedef enum
{
  PAMONG_SERVER_SCAN_CLEAN,
  PAMONG_SERVER_SCAN_INFECTED,
  PAMONG_SERVER_SCAN_FAILED,
  PAMONG_SERVER_SCAN_BUSY,
} PamongServerScanVerdict;

void                    pamong_server_scan_async  (PamongServer         *server,
                                                   GBytes               *content,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
PamongServerScanVerdict pamong_server_scan_finish (PamongServer         *server,
                                                   GAsyncResult         *result,
                                                   char                **detail);

G_END_DECLS
