/* pamong-query-model.h — a lazy list of the records a query selects
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pamong-types.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_QUERY_MODEL (pamong_query_model_get_type ())
G_DECLARE_FINAL_TYPE (PamongQueryModel, pamong_query_model, PAMONG, QUERY_MODEL, GObject)

PamongStore *pamong_query_model_get_store (PamongQueryModel  *self);
PamongQuery *pamong_query_model_get_query (PamongQueryModel  *self);
gboolean     pamong_query_model_refresh   (PamongQueryModel  *self,
                                           GError           **error);

G_END_DECLS
