/* pamong-indicators-page.h — the Indikator workspace: the SPBE self-evaluation
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-types.h"
#include "pamong-workspace-page.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_INDICATORS_PAGE (pamong_indicators_page_get_type ())
G_DECLARE_FINAL_TYPE (PamongIndicatorsPage, pamong_indicators_page, PAMONG, INDICATORS_PAGE, PamongWorkspacePage)

gboolean     pamong_indicators_page_select_year         (PamongIndicatorsPage *self,
                                                         int                   year);
void         pamong_indicators_page_set_wanted_year     (PamongIndicatorsPage *self,
                                                         int                   year);

/* For the UI tests. */
int          pamong_indicators_page_get_year            (PamongIndicatorsPage *self);
const char  *pamong_indicators_page_get_index_text      (PamongIndicatorsPage *self);
const char  *pamong_indicators_page_get_predikat_text   (PamongIndicatorsPage *self);
guint        pamong_indicators_page_get_n_visible_rows  (PamongIndicatorsPage *self);
const char  *pamong_indicators_page_get_row_title       (PamongIndicatorsPage *self,
                                                         guint                 nth_visible);
const char  *pamong_indicators_page_get_row_level       (PamongIndicatorsPage *self,
                                                         guint                 nth_visible);
const char  *pamong_indicators_page_get_visible_state   (PamongIndicatorsPage *self);

G_END_DECLS
