/* pamong-service-catalog.h — the service catalogue, for administrators
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-types.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_SERVICE_CATALOG (pamong_service_catalog_get_type ())
G_DECLARE_FINAL_TYPE (PamongServiceCatalog, pamong_service_catalog, PAMONG, SERVICE_CATALOG, AdwWindow)

PamongServiceCatalog *pamong_service_catalog_new       (GtkWindow            *parent,
                                                        PamongStore          *store);
guint                 pamong_service_catalog_get_n_services (PamongServiceCatalog *self);
void                  pamong_service_catalog_select    (PamongServiceCatalog *self,
                                                        guint                 index);
void                  pamong_service_catalog_new_service (PamongServiceCatalog *self);
gboolean              pamong_service_catalog_save      (PamongServiceCatalog *self);

/* For the UI tests: "code", "name", "kind", "unit", "requirements",
 * "days", "cost", "basis", "description". */
GtkWidget            *pamong_service_catalog_get_field (PamongServiceCatalog *self,
                                                        const char           *field);
const char           *pamong_service_catalog_get_problem (PamongServiceCatalog *self);

G_END_DECLS
