/* pamong-request-intake.h — the counter's form for a new service request
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-types.h"
#include "pamong-service-request.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_REQUEST_INTAKE (pamong_request_intake_get_type ())
G_DECLARE_FINAL_TYPE (PamongRequestIntake, pamong_request_intake, PAMONG, REQUEST_INTAKE, AdwWindow)

PamongRequestIntake  *pamong_request_intake_new             (GtkWindow           *parent,
                                                             PamongStore         *store);
void                  pamong_request_intake_set_service     (PamongRequestIntake *self,
                                                             const char          *service_uuid);
const char           *pamong_request_intake_get_service     (PamongRequestIntake *self);
gboolean              pamong_request_intake_save            (PamongRequestIntake *self);

/* For the UI tests. */
GtkWidget            *pamong_request_intake_get_field       (PamongRequestIntake *self,
                                                             const char          *field);
const char           *pamong_request_intake_get_nik_message (PamongRequestIntake *self);
gboolean              pamong_request_intake_get_nik_is_error (PamongRequestIntake *self);
const char           *pamong_request_intake_get_problem     (PamongRequestIntake *self);
PamongServiceRequest *pamong_request_intake_get_saved       (PamongRequestIntake *self);
gboolean              pamong_request_intake_select_by_name  (PamongRequestIntake *self,
                                                             const char          *field,
                                                             const char          *name);

G_END_DECLS
