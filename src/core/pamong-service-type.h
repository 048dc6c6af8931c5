/* pamong-service-type.h — a public service a unit offers (permohonan or pengaduan)
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-enums.h"
#include "pamong-enum-types.h"
#include "pamong-record.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_SERVICE_TYPE (pamong_service_type_get_type ())
G_DECLARE_FINAL_TYPE (PamongServiceType, pamong_service_type, PAMONG, SERVICE_TYPE, PamongRecord)

PamongServiceType  *pamong_service_type_new               (void);
const char         *pamong_service_type_get_code          (PamongServiceType  *self);
void                pamong_service_type_set_code          (PamongServiceType  *self,
                                                           const char         *code);
const char         *pamong_service_type_get_name          (PamongServiceType  *self);
void                pamong_service_type_set_name          (PamongServiceType  *self,
                                                           const char         *name);
PamongServiceKind   pamong_service_type_get_kind          (PamongServiceType  *self);
void                pamong_service_type_set_kind          (PamongServiceType  *self,
                                                           PamongServiceKind   kind);
const char         *pamong_service_type_get_unit          (PamongServiceType  *self);
void                pamong_service_type_set_unit          (PamongServiceType  *self,
                                                           const char         *unit);
const char * const *pamong_service_type_get_requirements  (PamongServiceType  *self);
void                pamong_service_type_set_requirements  (PamongServiceType  *self,
                                                           const char * const *requirements);
gint                pamong_service_type_get_standard_days (PamongServiceType  *self);
void                pamong_service_type_set_standard_days (PamongServiceType  *self,
                                                           gint                standard_days);
gint64              pamong_service_type_get_cost          (PamongServiceType  *self);
void                pamong_service_type_set_cost          (PamongServiceType  *self,
                                                           gint64              cost);
const char         *pamong_service_type_get_legal_basis   (PamongServiceType  *self);
void                pamong_service_type_set_legal_basis   (PamongServiceType  *self,
                                                           const char         *legal_basis);
const char         *pamong_service_type_get_description   (PamongServiceType  *self);
void                pamong_service_type_set_description   (PamongServiceType  *self,
                                                           const char         *description);

G_END_DECLS
