/* pamong-store.h — the local SQLite store
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pamong-types.h"
#include "pamong-record.h"
#include "pamong-attachment.h"
#include "pamong-query.h"
#include "pamong-query-model.h"

G_BEGIN_DECLS

/** The schema version this build writes: the number of the last migration step. */
#define PAMONG_STORE_SCHEMA_VERSION 4

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

/* A value of a field and the number of records that have it
 * (pamong_store_count_by()); value NULL: the field is unset. */
typedef struct
{
  char  *value;
  guint  count;
} PamongStoreGroup;

GArray       *pamong_store_count_by           (PamongStore   *self,
                                               PamongQuery   *query,
                                               const char    *field,
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

/* Conflicts: rows the server refused, with its version kept beside them. */
guint         pamong_store_count_pending      (PamongStore   *self,
                                               GError       **error);
guint         pamong_store_count_conflicts    (PamongStore   *self,
                                               GError       **error);
GPtrArray    *pamong_store_list_conflicts     (PamongStore   *self,
                                               GError       **error);
PamongRecord *pamong_store_get_conflict_record (PamongStore  *self,
                                               PamongRecord  *local,
                                               GError       **error);
gboolean      pamong_store_resolve_conflict   (PamongStore   *self,
                                               PamongRecord  *resolution,
                                               GError       **error);

/* Attachments: metadata records plus content-addressed blobs. */
PamongAttachment *pamong_store_attach         (PamongStore   *self,
                                               PamongRecord  *owner,
                                               const char    *filename,
                                               const char    *content_type,
                                               GBytes        *data,
                                               GError       **error);
GBytes       *pamong_store_load_blob          (PamongStore   *self,
                                               const char    *sha256,
                                               GError       **error);
GPtrArray    *pamong_store_list_attachments   (PamongStore   *self,
                                               const char    *owner_uuid,
                                               GError       **error);

/**
 * PamongBlobState:
 * @PAMONG_BLOB_STATE_UPLOAD: the content is here, the server does not have it yet
 * @PAMONG_BLOB_STATE_SYNCED: the content is here and on the server
 * @PAMONG_BLOB_STATE_DOWNLOAD: an attachment refers to it; not downloaded yet
 *
 * Where a blob is (for the sync engine).
 */
typedef enum
{
  PAMONG_BLOB_STATE_UPLOAD,
  PAMONG_BLOB_STATE_SYNCED,
  PAMONG_BLOB_STATE_DOWNLOAD,
} PamongBlobState;

GPtrArray    *pamong_store_list_blobs         (PamongStore   *self,
                                               PamongBlobState state,
                                               GError       **error);
gboolean      pamong_store_get_blob_state     (PamongStore   *self,
                                               const char    *sha256,
                                               PamongBlobState *state,
                                               GError       **error);
gboolean      pamong_store_set_blob_uploaded  (PamongStore   *self,
                                               const char    *sha256,
                                               GError       **error);
gboolean      pamong_store_want_blob          (PamongStore   *self,
                                               const char    *sha256,
                                               gint64         size,
                                               GError       **error);
gboolean      pamong_store_put_blob           (PamongStore   *self,
                                               const char    *sha256,
                                               GBytes        *data,
                                               GError       **error);
gboolean      pamong_store_note_blob_failure  (PamongStore   *self,
                                               const char    *sha256,
                                               GError       **error);
char         *pamong_store_compute_sha256     (GBytes        *data);

gboolean      pamong_store_note_sent          (PamongStore   *self,
                                               GPtrArray     *records,
                                               GError       **error);
GPtrArray    *pamong_store_list_sent          (PamongStore   *self,
                                               const char    *uuid,
                                               GError       **error);

G_END_DECLS
