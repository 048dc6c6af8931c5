/* pamong-applications-page.h — the Aplikasi workspace: the application inventory
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

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

G_END_DECLS
