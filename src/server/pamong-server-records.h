/* pamong-server-records.h — the server's record writes: every write gets a rev
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pamong-record.h"
#include "pamong-store.h"

G_BEGIN_DECLS

gboolean      pamong_server_records_put    (PamongStore   *store,
                                            PamongRecord  *record,
                                            gint64        *new_rev,
                                            GError       **error);
PamongRecord *pamong_server_records_lookup (PamongStore   *store,
                                            GType          type,
                                            const char    *uuid,
                                            GError       **error);
gboolean      pamong_server_records_seed   (PamongStore   *store,
                                            GPtrArray     *records,
                                            GError       **error);

G_END_DECLS
