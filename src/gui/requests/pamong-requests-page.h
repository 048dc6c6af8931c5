/* pamong-requests-page.h — the Layanan workspace: citizens' service requests
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-types.h"
#include "pamong-workspace-page.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_REQUESTS_PAGE (pamong_requests_page_get_type ())
G_DECLARE_FINAL_TYPE (PamongRequestsPage, pamong_requests_page, PAMONG, REQUESTS_PAGE, PamongWorkspacePage)

/* For the UI tests. */
GListModel  *pamong_requests_page_get_model         (PamongRequestsPage *self);
const char  *pamong_requests_page_get_count_text    (PamongRequestsPage *self);
const char  *pamong_requests_page_get_visible_state (PamongRequestsPage *self);
char        *pamong_requests_page_get_cell_text     (PamongRequestsPage *self,
                                                     guint               position,
                                                     guint               column);

G_END_DECLS
