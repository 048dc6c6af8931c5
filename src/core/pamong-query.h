/* pamong-query.h — what a list of records shows: search, filters, order
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pamong-types.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_QUERY (pamong_query_get_type ())

GType        pamong_query_get_type            (void) G_GNUC_CONST;

PamongQuery *pamong_query_new                 (GType         record_type);
PamongQuery *pamong_query_ref                 (PamongQuery  *self);
void         pamong_query_unref               (PamongQuery  *self);
PamongQuery *pamong_query_copy                (PamongQuery  *self);

GType        pamong_query_get_record_type     (PamongQuery  *self);

void         pamong_query_set_search          (PamongQuery  *self,
                                               const char   *text);
const char  *pamong_query_get_search          (PamongQuery  *self);

void         pamong_query_add_filter_string   (PamongQuery  *self,
                                               const char   *field,
                                               const char   *value);
void         pamong_query_add_filter_int      (PamongQuery  *self,
                                               const char   *field,
                                               gint64        value);
void         pamong_query_add_filter_range    (PamongQuery  *self,
                                               const char   *field,
                                               const char   *min,
                                               const char   *max);
void         pamong_query_add_filter_strings  (PamongQuery        *self,
                                               const char         *field,
                                               const char * const *values);
void         pamong_query_clear_filters       (PamongQuery  *self);
guint        pamong_query_get_n_filters       (PamongQuery  *self);

void         pamong_query_set_sort            (PamongQuery  *self,
                                               const char   *field,
                                               gboolean      descending);
const char  *pamong_query_get_sort_field      (PamongQuery  *self);
gboolean     pamong_query_get_sort_descending (PamongQuery  *self);

void         pamong_query_set_include_deleted (PamongQuery  *self,
                                               gboolean      include);
gboolean     pamong_query_get_include_deleted (PamongQuery  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PamongQuery, pamong_query_unref)

G_END_DECLS
