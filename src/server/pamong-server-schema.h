/* pamong-server-schema.h — pamong-server's own tables
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-store.h"

G_BEGIN_DECLS

#define PAMONG_SERVER_SCHEMA_VERSION_KEY "server_schema_version"

guint    pamong_server_schema_get_latest (void);
gboolean pamong_server_schema_migrate    (PamongStore  *store,
                                          GError      **error);
PamongStore *pamong_server_open_store    (const char   *path,
                                          GError      **error);

G_END_DECLS
