/* pamong-applications-page.h — the Aplikasi workspace: the application inventory
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-application.h"
#include "pamong-bar-chart.h"
#include "pamong-types.h"
#include "pamong-workspace-page.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_APPLICATIONS_PAGE (pamong_applications_page_get_type ())
G_DECLARE_FINAL_TYPE (PamongApplicationsPage, pamong_applications_page, PAMONG, APPLICATIONS_PAGE, PamongWorkspacePage)

/* For the UI tests. */
GListModel  *pamong_applications_page_get_model        (PamongApplicationsPage *self);
const char  *pamong_applications_page_get_count_text   (PamongApplicationsPage *self);
const char  *pamong_applications_page_get_visible_state (PamongApplicationsPage *self);
char        *pamong_applications_page_get_cell_text    (PamongApplicationsPage *self,
                                                        guint                   position,
                                                        guint                   column);
void         pamong_applications_page_sort_by          (PamongApplicationsPage *self,
                                                        guint                   column,
                                                        gboolean                descending);
void         pamong_applications_page_set_filter       (PamongApplicationsPage *self,
                                                        guint                   filter,
                                                        guint                   position);
const char  *pamong_applications_page_get_filter_choice (PamongApplicationsPage *self,
                                                         guint                   filter,
                                                         guint                   position);
GtkWidget   *pamong_applications_page_get_form_row     (PamongApplicationsPage *self,
                                                        const char             *field);
const char  *pamong_applications_page_get_form_error   (PamongApplicationsPage *self);
PamongApplication *
             pamong_applications_page_get_shown        (PamongApplicationsPage *self);
void         pamong_applications_page_show             (PamongApplicationsPage *self,
                                                        PamongApplication      *app);
AdwMessageDialog *
             pamong_applications_page_get_dialog       (PamongApplicationsPage *self);
void         pamong_applications_page_undo_delete      (PamongApplicationsPage *self);
void         pamong_applications_page_set_view         (PamongApplicationsPage *self,
                                                        const char             *view);
gboolean     pamong_applications_page_is_finding_overlaps (PamongApplicationsPage *self);
GtkWidget   *pamong_applications_page_get_view_box     (PamongApplicationsPage *self,
                                                        const char             *view);
PamongBarChart *
             pamong_applications_page_get_chart        (PamongApplicationsPage *self,
                                                        guint                   index);
int          pamong_applications_page_import_data      (PamongApplicationsPage *self,
                                                        const char             *data,
                                                        gssize                  length);
char        *pamong_applications_page_export_text      (PamongApplicationsPage *self);

G_END_DECLS
