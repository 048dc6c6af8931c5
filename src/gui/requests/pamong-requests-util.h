/* pamong-requests-util.h — what the Layanan workspace's views share
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pamong-types.h"
#include "pamong-service-request.h"
#include "pamong-service-type.h"

G_BEGIN_DECLS

GPtrArray  *pamong_requests_load_service_types    (PamongStore       *store);
char       *pamong_requests_describe_standard     (PamongServiceType *type,
                                                   const char        *unit_name,
                                                   gboolean           with_due_date);
char       *pamong_requests_describe_requirements (PamongServiceType *type);
char       *pamong_requests_format_cost           (gint64             cost);
char       *pamong_requests_format_timestamp      (GDateTime         *timestamp);
const char *pamong_requests_current_author        (void);

char       *pamong_requests_overdue_due_before    (GDateTime         *now);
void        pamong_requests_query_add_overdue     (PamongQuery       *query,
                                                   GDateTime         *now);
void        pamong_requests_query_add_submitted   (PamongQuery       *query,
                                                   GDateTime         *start,
                                                   GDateTime         *end);

G_END_DECLS
