/* pamong-store.h — the local SQLite store
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pamong-types.h"
#include "pamong-record.h"
#include "pamong-query.h"
#include "pamong-query-model.h"

G_BEGIN_DECLS

/** The schema version this build writes: the number of the last migration step. */
#define PAMONG_STORE_SCHEMA_VERSION 2

#define PAMONG_TYPE_STORE (pamong_store_get_type ())
G_DECLARE_FINAL_TYPE (PamongStore, pamong_store, PAMONG, STORE, GObject)

PamongStore  *pamong_store_open               (const char    *path,
                                               GError       **error);
guint         pamong_store_get_schema_version (PamongStore   *self);
const char   *pamong_store_get_path           (PamongStore   *self);

gboolean      pamong_store_save               (PamongStore   *self,
                                               PamongRecord  *record,
                                               GError       **error);
gboolean      pamong_store_delete             (PamongStore   *self,
                                               PamongRecord  *record,
                                               GError       **error);
gboolean      pamong_store_import             (PamongStore   *self,
                                               GPtrArray     *records,
                                               GError       **error);

PamongRecord *pamong_store_lookup             (PamongStore   *self,
                                               GType          type,
                                               const char    *uuid,
                                               GError       **error);
GListModel   *pamong_store_query              (PamongStore   *self,
                                               PamongQuery   *query,
                                               GError       **error);
guint         pamong_store_count              (PamongStore   *self,
                                               PamongQuery   *query,
                                               GError       **error);

gboolean      pamong_store_begin              (PamongStore   *self,
                                               GError       **error);
gboolean      pamong_store_commit             (PamongStore   *self,
                                               GError       **error);
void          pamong_store_rollback           (PamongStore   *self);

char         *pamong_store_get_meta           (PamongStore   *self,
                                               const char    *key,
                                               GError       **error);
gboolean      pamong_store_set_meta           (PamongStore   *self,
                                               const char    *key,
                                               const char    *value,
                                               GError       **error);

GPtrArray    *pamong_store_list_pending       (PamongStore   *self,
                                               GType          type,
                                               GError       **error);
gboolean      pamong_store_mark_synced        (PamongStore   *self,
                                               PamongRecord  *record,
                                               gint64         rev,
                                               gboolean      *synced,
                                               GError       **error);
gboolean      pamong_store_mark_conflict      (PamongStore   *self,
                                               PamongRecord  *record,
                                               const char    *server_json,
                                               GError       **error);
char         *pamong_store_get_conflict       (PamongStore   *self,
                                               const char    *uuid,
                                               GError       **error);

G_END_DECLS
