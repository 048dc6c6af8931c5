/* pamong-record.h — the base of every synchronised record
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pamong-types.h"

G_BEGIN_DECLS

/*
 * Flags on a record's GParamSpecs. The codec and the store are generic: they
 * walk a record class's properties, and these flags tell them how to treat
 * each one. A property name maps to the JSON member and the SQL column of the
 * same name with '-' replaced by '_'.
 */

/** Kept in the local store only; never written to or read from JSON. */
#define PAMONG_PARAM_LOCAL    (1 << (G_PARAM_USER_SHIFT + 0))
/** Must be present and non-null in JSON; strings must also be non-empty. */
#define PAMONG_PARAM_REQUIRED (1 << (G_PARAM_USER_SHIFT + 1))
/** A string property holding a calendar date, "YYYY-MM-DD". */
#define PAMONG_PARAM_DATE     (1 << (G_PARAM_USER_SHIFT + 2))
/** A string property holding the uuid of another record. */
#define PAMONG_PARAM_REF      (1 << (G_PARAM_USER_SHIFT + 3))

/** The flags every record property gets. */
#define PAMONG_PARAM_DEFAULT  (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

/**
 * PamongLocalState:
 * @PAMONG_LOCAL_STATE_SYNCED: the row equals the server's record at base-rev
 * @PAMONG_LOCAL_STATE_CREATED: created here, never accepted by the server
 * @PAMONG_LOCAL_STATE_MODIFIED: edited here since base-rev
 * @PAMONG_LOCAL_STATE_DELETED: deleted here, the tombstone not yet pushed
 * @PAMONG_LOCAL_STATE_CONFLICT: the server refused an edit; both versions kept
 *
 * A row's synchronisation state in the local store.
 */
typedef enum
{
  PAMONG_LOCAL_STATE_SYNCED,
  PAMONG_LOCAL_STATE_CREATED,
  PAMONG_LOCAL_STATE_MODIFIED,
  PAMONG_LOCAL_STATE_DELETED,
  PAMONG_LOCAL_STATE_CONFLICT,
} PamongLocalState;

#define PAMONG_TYPE_LOCAL_STATE (pamong_local_state_get_type ())
GType pamong_local_state_get_type (void) G_GNUC_CONST;

#define PAMONG_TYPE_RECORD (pamong_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (PamongRecord, pamong_record, PAMONG, RECORD, GObject)

struct _PamongRecordClass
{
  GObjectClass parent_class;

  /* The collection's name on the wire and its table in the store,
   * e.g. "applications". Set in each subclass's class_init. */
  const char *collection;

  /*< private >*/
  gpointer padding[8];
};

const char   *pamong_record_get_collection    (PamongRecord     *self);
const char   *pamong_record_get_uuid          (PamongRecord     *self);
void          pamong_record_set_uuid          (PamongRecord     *self,
                                               const char       *uuid);
gint64        pamong_record_get_rev           (PamongRecord     *self);
void          pamong_record_set_rev           (PamongRecord     *self,
                                               gint64            rev);
GDateTime    *pamong_record_get_created_at    (PamongRecord     *self);
void          pamong_record_set_created_at    (PamongRecord     *self,
                                               GDateTime        *created_at);
GDateTime    *pamong_record_get_updated_at    (PamongRecord     *self);
void          pamong_record_set_updated_at    (PamongRecord     *self,
                                               GDateTime        *updated_at);
gboolean      pamong_record_get_deleted       (PamongRecord     *self);
void          pamong_record_set_deleted       (PamongRecord     *self,
                                               gboolean          deleted);
PamongLocalState pamong_record_get_local_state (PamongRecord    *self);
void          pamong_record_set_local_state   (PamongRecord     *self,
                                               PamongLocalState  state);
gint64        pamong_record_get_base_rev      (PamongRecord     *self);
void          pamong_record_set_base_rev      (PamongRecord     *self,
                                               gint64            base_rev);
gint64        pamong_record_get_change_count  (PamongRecord     *self);
void          pamong_record_set_change_count  (PamongRecord     *self,
                                               gint64            change_count);

void          pamong_record_touch             (PamongRecord     *self);
PamongRecord *pamong_record_copy              (PamongRecord     *self);
gboolean      pamong_record_equal             (PamongRecord     *a,
                                               PamongRecord     *b,
                                               gboolean          include_local);
gboolean      pamong_record_same_content      (PamongRecord     *a,
                                               PamongRecord     *b);
GParamSpec  **pamong_record_list_fields       (GType             record_type,
                                               gboolean          include_local,
                                               guint            *n_fields);
char         *pamong_record_field_column      (GParamSpec       *pspec);

gboolean      pamong_set_string               (char            **slot,
                                               const char       *value);
gboolean      pamong_set_strv                 (char           ***slot,
                                               const char * const *value);

GDateTime    *pamong_timestamp_now            (void);
char         *pamong_timestamp_format         (GDateTime        *timestamp);
GDateTime    *pamong_timestamp_parse          (const char       *text);
gboolean      pamong_date_is_valid            (const char       *text);

G_END_DECLS
