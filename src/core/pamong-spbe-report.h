/* pamong-spbe-report.h — the SPBE self-assessment report, drawn with cairo and pango
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "pamong-enums.h"
#include "pamong-framework.h"

G_BEGIN_DECLS

/*
 * The report is plain data handed over by the caller (no store here): the
 * framework, the assessment's year, title and target, every indicator's
 * level, justification, review status and evidence file names, and the
 * index of earlier years. It draws onto any cairo context, page by page, in
 * points: pamong_spbe_report_write_pdf() uses a PDF surface, the desktop
 * app's printing uses the same pamong_spbe_report_draw_page() on the
 * GtkPrintContext's cairo context. Text is in the UI language (gettext);
 * the regulation's names stay as they are.
 */

#define PAMONG_SPBE_REPORT_A4_WIDTH  595.276
#define PAMONG_SPBE_REPORT_A4_HEIGHT 841.89

#define PAMONG_TYPE_SPBE_REPORT (pamong_spbe_report_get_type ())
G_DECLARE_FINAL_TYPE (PamongSpbeReport, pamong_spbe_report, PAMONG, SPBE_REPORT, GObject)

PamongSpbeReport *pamong_spbe_report_new             (PamongFramework    *framework,
                                                      const char         *regency,
                                                      int                 year);
void              pamong_spbe_report_set_title       (PamongSpbeReport   *self,
                                                      const char         *title);
void              pamong_spbe_report_set_target      (PamongSpbeReport   *self,
                                                      double              target_index);
void              pamong_spbe_report_set_indicator   (PamongSpbeReport   *self,
                                                      guint               position,
                                                      guint               level,
                                                      const char         *justification,
                                                      PamongReviewStatus  status,
                                                      const char * const *evidence);
void              pamong_spbe_report_add_history     (PamongSpbeReport   *self,
                                                      int                 year,
                                                      double              index);

guint             pamong_spbe_report_get_n_pages     (PamongSpbeReport   *self,
                                                      cairo_t            *cr,
                                                      double              width,
                                                      double              height);
void              pamong_spbe_report_draw_page       (PamongSpbeReport   *self,
                                                      cairo_t            *cr,
                                                      double              width,
                                                      double              height,
                                                      guint               page);
gboolean          pamong_spbe_report_write_pdf       (PamongSpbeReport   *self,
                                                      const char         *path,
                                                      GError            **error);

G_END_DECLS
