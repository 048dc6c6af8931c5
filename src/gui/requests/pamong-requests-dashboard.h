/* pamong-requests-dashboard.h — the Layanan workspace at a glance
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-bar-chart.h"
#include "pamong-types.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_REQUESTS_DASHBOARD (pamong_requests_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (PamongRequestsDashboard, pamong_requests_dashboard, PAMONG, REQUESTS_DASHBOARD, AdwBin)

GtkWidget      *pamong_requests_dashboard_new       (void);
void            pamong_requests_dashboard_set_store (PamongRequestsDashboard *self,
                                                     PamongStore             *store);
void            pamong_requests_dashboard_refresh   (PamongRequestsDashboard *self);
void            pamong_requests_dashboard_queue_refresh (PamongRequestsDashboard *self);

/* For the UI tests: "status", "overdue" or "kecamatan". */
PamongBarChart *pamong_requests_dashboard_get_chart (PamongRequestsDashboard *self,
                                                     const char              *name);
guint           pamong_requests_dashboard_get_n_overdue (PamongRequestsDashboard *self);

G_END_DECLS
