/* pamong-store-sql.h — SQL access to a store, for pamong-server's own tables
 *
 * The app never includes this: it reads and writes records through
 * PamongStore. The server keeps accounts, tokens, its change log and blobs in
 * tables of its own in the same database, and reaches them here, with the
 * store's transactions and statement cache.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "pamong-store.h"

G_BEGIN_DECLS

sqlite3      *pamong_store_get_db        (PamongStore  *self);
sqlite3_stmt *pamong_store_prepare       (PamongStore  *self,
                                          const char   *sql,
                                          GError      **error);
void          pamong_store_release       (sqlite3_stmt *stmt);
gboolean      pamong_store_exec          (PamongStore  *self,
                                          const char   *sql,
                                          GError      **error);
void          pamong_store_set_sql_error (PamongStore  *self,
                                          GError      **error,
                                          const char   *message);
gboolean      pamong_store_exec_param    (PamongStore  *self,
                                          const char   *sql,
                                          const char   *param,
                                          const char   *message,
                                          GError      **error);
gboolean      pamong_store_query_int64   (PamongStore  *self,
                                          const char   *sql,
                                          const char   *param,
                                          gint64       *value,
                                          gboolean     *found,
                                          const char   *message,
                                          GError      **error);

/* A statement from pamong_store_prepare(), reset and unbound on scope exit:
 * g_autoptr(PamongStoreStmt) stmt = pamong_store_prepare (store, sql, &error); */
typedef sqlite3_stmt PamongStoreStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PamongStoreStmt, pamong_store_release)

G_END_DECLS
