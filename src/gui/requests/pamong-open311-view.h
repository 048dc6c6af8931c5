/* pamong-open311-view.h — external Open311 GeoReport v2 endpoints, read-only
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-types.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_OPEN311_VIEW (pamong_open311_view_get_type ())
G_DECLARE_FINAL_TYPE (PamongOpen311View, pamong_open311_view, PAMONG, OPEN311_VIEW, AdwBin)

void        pamong_open311_view_set_store        (PamongOpen311View *self,
                                                  PamongStore       *store);
guint       pamong_open311_view_get_n_sources    (PamongOpen311View *self);
const char *pamong_open311_view_get_source_title (PamongOpen311View *self,
                                                  guint              index);
gboolean    pamong_open311_view_add_source       (PamongOpen311View *self,
                                                  const char        *url,
                                                  GError           **error);
void        pamong_open311_view_remove_source    (PamongOpen311View *self,
                                                  guint              index);
void        pamong_open311_view_show_source      (PamongOpen311View *self,
                                                  guint              index);
void        pamong_open311_view_ask_for_source   (PamongOpen311View *self);

/* For the UI tests. */
const char *pamong_open311_view_get_state        (PamongOpen311View *self);
const char *pamong_open311_view_get_error        (PamongOpen311View *self);
guint       pamong_open311_view_get_n_requests   (PamongOpen311View *self);
guint       pamong_open311_view_get_n_services   (PamongOpen311View *self);
char       *pamong_open311_view_get_request_text (PamongOpen311View *self,
                                                  guint              index);

G_END_DECLS
