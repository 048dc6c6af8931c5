/* pamong-service-request.h — a citizen's request or complaint and its progress
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-enums.h"
#include "pamong-enum-types.h"
#include "pamong-record.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_SERVICE_REQUEST (pamong_service_request_get_type ())
G_DECLARE_FINAL_TYPE (PamongServiceRequest, pamong_service_request, PAMONG, SERVICE_REQUEST, PamongRecord)

PamongServiceRequest *pamong_service_request_new                 (void);
const char           *pamong_service_request_get_tracking_number (PamongServiceRequest *self);
void                  pamong_service_request_set_tracking_number (PamongServiceRequest *self,
                                                                  const char           *tracking_number);
const char           *pamong_service_request_get_service_type    (PamongServiceRequest *self);
void                  pamong_service_request_set_service_type    (PamongServiceRequest *self,
                                                                  const char           *service_type);
const char           *pamong_service_request_get_applicant_name  (PamongServiceRequest *self);
void                  pamong_service_request_set_applicant_name  (PamongServiceRequest *self,
                                                                  const char           *applicant_name);
const char           *pamong_service_request_get_applicant_nik   (PamongServiceRequest *self);
void                  pamong_service_request_set_applicant_nik   (PamongServiceRequest *self,
                                                                  const char           *applicant_nik);
const char           *pamong_service_request_get_applicant_phone (PamongServiceRequest *self);
void                  pamong_service_request_set_applicant_phone (PamongServiceRequest *self,
                                                                  const char           *applicant_phone);
const char           *pamong_service_request_get_address         (PamongServiceRequest *self);
void                  pamong_service_request_set_address         (PamongServiceRequest *self,
                                                                  const char           *address);
const char           *pamong_service_request_get_kecamatan_code  (PamongServiceRequest *self);
void                  pamong_service_request_set_kecamatan_code  (PamongServiceRequest *self,
                                                                  const char           *kecamatan_code);
const char           *pamong_service_request_get_desa_code       (PamongServiceRequest *self);
void                  pamong_service_request_set_desa_code       (PamongServiceRequest *self,
                                                                  const char           *desa_code);
const char           *pamong_service_request_get_description     (PamongServiceRequest *self);
void                  pamong_service_request_set_description     (PamongServiceRequest *self,
                                                                  const char           *description);
PamongRequestStatus   pamong_service_request_get_status          (PamongServiceRequest *self);
void                  pamong_service_request_set_status          (PamongServiceRequest *self,
                                                                  PamongRequestStatus   status);
const char           *pamong_service_request_get_unit            (PamongServiceRequest *self);
void                  pamong_service_request_set_unit            (PamongServiceRequest *self,
                                                                  const char           *unit);
GDateTime            *pamong_service_request_get_submitted_at    (PamongServiceRequest *self);
void                  pamong_service_request_set_submitted_at    (PamongServiceRequest *self,
                                                                  GDateTime            *submitted_at);
const char           *pamong_service_request_get_due_date        (PamongServiceRequest *self);
void                  pamong_service_request_set_due_date        (PamongServiceRequest *self,
                                                                  const char           *due_date);
GDateTime            *pamong_service_request_get_completed_at    (PamongServiceRequest *self);
void                  pamong_service_request_set_completed_at    (PamongServiceRequest *self,
                                                                  GDateTime            *completed_at);
const char           *pamong_service_request_get_reject_reason   (PamongServiceRequest *self);
void                  pamong_service_request_set_reject_reason   (PamongServiceRequest *self,
                                                                  const char           *reject_reason);
gboolean              pamong_service_request_get_has_location    (PamongServiceRequest *self);
void                  pamong_service_request_set_has_location    (PamongServiceRequest *self,
                                                                  gboolean              has_location);
gdouble               pamong_service_request_get_latitude        (PamongServiceRequest *self);
void                  pamong_service_request_set_latitude        (PamongServiceRequest *self,
                                                                  gdouble               latitude);
gdouble               pamong_service_request_get_longitude       (PamongServiceRequest *self);
void                  pamong_service_request_set_longitude       (PamongServiceRequest *self,
                                                                  gdouble               longitude);

G_END_DECLS
