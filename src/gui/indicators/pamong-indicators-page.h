/* pamong-indicators-page.h — the Indikator workspace: the SPBE self-evaluation
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-spbe-planner.h"
#include "pamong-spbe-report.h"
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

gboolean     pamong_indicators_page_create_assessment   (PamongIndicatorsPage *self,
                                                         int                   year,
                                                         gboolean              copy_previous,
                                                         GError              **error);
PamongSpbeReport *pamong_indicators_page_build_report   (PamongIndicatorsPage *self);
void         pamong_indicators_page_attach_file         (PamongIndicatorsPage *self,
                                                         GFile                *file);
gboolean     pamong_indicators_page_print_report        (PamongIndicatorsPage *self,
                                                         GtkPrintOperationAction action,
                                                         const char           *export_filename,
                                                         GError              **error);

/* For the UI tests. */
const char  *pamong_indicators_page_get_domain_index_text (PamongIndicatorsPage *self,
                                                         guint                 domain_index);
const char  *pamong_indicators_page_get_progress_text   (PamongIndicatorsPage *self);
gboolean     pamong_indicators_page_show_indicator      (PamongIndicatorsPage *self,
                                                         guint                 number);
guint        pamong_indicators_page_get_n_level_choices (PamongIndicatorsPage *self);
const char  *pamong_indicators_page_get_level_choice    (PamongIndicatorsPage *self,
                                                         guint                 nth);
void         pamong_indicators_page_pick_level          (PamongIndicatorsPage *self,
                                                         guint                 nth);
guint        pamong_indicators_page_get_n_evidence      (PamongIndicatorsPage *self);
GtkTextBuffer *pamong_indicators_page_get_justification_buffer (PamongIndicatorsPage *self);
GtkSwitch   *pamong_indicators_page_get_final_switch    (PamongIndicatorsPage *self);
PamongPlan  *pamong_indicators_page_get_plan            (PamongIndicatorsPage *self);
void         pamong_indicators_page_set_plan_target     (PamongIndicatorsPage *self,
                                                         guint                 nth);

G_END_DECLS
