/* pamong-store-private.h — what the store, its queries and models share
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-store.h"

G_BEGIN_DECLS

typedef enum
{
  PAMONG_QUERY_FILTER_STRING,
  PAMONG_QUERY_FILTER_INT,
  PAMONG_QUERY_FILTER_RANGE,    /* string_value <= field <= max_value, either NULL: open */
  PAMONG_QUERY_FILTER_STRINGS,  /* field IN values */
} PamongQueryFilterKind;

typedef struct
{
  char                  *field;
  PamongQueryFilterKind  kind;
  char                  *string_value;
  gint64                 int_value;
  char                  *max_value;
  char                 **values;
} PamongQueryFilter;

struct _PamongQuery
{
  gatomicrefcount  ref_count;
  GType            record_type;
  char            *search;
  GArray          *filters;   /* of PamongQueryFilter */
  char            *sort_field;
  gboolean         sort_descending;
  gboolean         include_deleted;
};

GArray       *pamong_store_query_ids    (PamongStore  *self,
                                         PamongQuery  *query,
                                         GError      **error);
PamongRecord *pamong_store_load_id      (PamongStore  *self,
                                         GType         type,
                                         gint64        id,
                                         GError      **error);

GListModel   *pamong_query_model_new    (PamongStore  *store,
                                         PamongQuery  *query,
                                         GError      **error);

char        **pamong_query_split_search (const char   *text);

G_END_DECLS
