/* pamong-requests-page.h — the Layanan workspace: citizens' service requests
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-service-request.h"
#include "pamong-types.h"
#include "pamong-workspace-page.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_REQUESTS_PAGE (pamong_requests_page_get_type ())
G_DECLARE_FINAL_TYPE (PamongRequestsPage, pamong_requests_page, PAMONG, REQUESTS_PAGE, PamongWorkspacePage)

GtkWindow   *pamong_requests_page_new_request       (PamongRequestsPage  *self);
gboolean     pamong_requests_page_transition        (PamongRequestsPage  *self,
                                                     PamongRequestStatus  to,
                                                     const char          *note);
gboolean     pamong_requests_page_comment           (PamongRequestsPage  *self,
                                                     const char          *note);
gboolean     pamong_requests_page_attach_file       (PamongRequestsPage  *self,
                                                     GFile               *file);
GFile       *pamong_requests_page_open_attachment   (PamongRequestsPage  *self,
                                                     const char          *uuid,
                                                     gboolean             launch);

/* For the UI tests. */
void         pamong_requests_page_select            (PamongRequestsPage *self,
                                                     guint               position);
PamongServiceRequest *
             pamong_requests_page_get_shown         (PamongRequestsPage *self);
const char  *pamong_requests_page_get_last_error    (PamongRequestsPage *self);
GtkWidget   *pamong_requests_page_get_filter        (PamongRequestsPage *self,
                                                     const char         *name);
GtkWidget   *pamong_requests_page_get_part          (PamongRequestsPage *self,
                                                     const char         *name);
GListModel  *pamong_requests_page_get_model         (PamongRequestsPage *self);
const char  *pamong_requests_page_get_count_text    (PamongRequestsPage *self);
const char  *pamong_requests_page_get_visible_state (PamongRequestsPage *self);
char        *pamong_requests_page_get_cell_text     (PamongRequestsPage *self,
                                                     guint               position,
                                                     guint               column);

G_END_DECLS
