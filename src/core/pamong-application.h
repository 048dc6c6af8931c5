/* pamong-application.h — an application in the SE MenPANRB 18/2022 inventory
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-enums.h"
#include "pamong-enum-types.h"
#include "pamong-record.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_APPLICATION (pamong_application_get_type ())
G_DECLARE_FINAL_TYPE (PamongApplication, pamong_application, PAMONG, APPLICATION, PamongRecord)

PamongApplication  *pamong_application_new                      (void);
const char         *pamong_application_get_name                 (PamongApplication  *self);
void                pamong_application_set_name                 (PamongApplication  *self,
                                                                 const char         *name);
const char         *pamong_application_get_description          (PamongApplication  *self);
void                pamong_application_set_description          (PamongApplication  *self,
                                                                 const char         *description);
const char         *pamong_application_get_function             (PamongApplication  *self);
void                pamong_application_set_function             (PamongApplication  *self,
                                                                 const char         *function);
const char         *pamong_application_get_reference_code       (PamongApplication  *self);
void                pamong_application_set_reference_code       (PamongApplication  *self,
                                                                 const char         *reference_code);
PamongAppCategory   pamong_application_get_category             (PamongApplication  *self);
void                pamong_application_set_category             (PamongApplication  *self,
                                                                 PamongAppCategory   category);
PamongAppBasis      pamong_application_get_basis                (PamongApplication  *self);
void                pamong_application_set_basis                (PamongApplication  *self,
                                                                 PamongAppBasis      basis);
const char * const *pamong_application_get_supported_services   (PamongApplication  *self);
void                pamong_application_set_supported_services   (PamongApplication  *self,
                                                                 const char * const *supported_services);
const char * const *pamong_application_get_data_used            (PamongApplication  *self);
void                pamong_application_set_data_used            (PamongApplication  *self,
                                                                 const char * const *data_used);
const char         *pamong_application_get_outputs              (PamongApplication  *self);
void                pamong_application_set_outputs              (PamongApplication  *self,
                                                                 const char         *outputs);
const char         *pamong_application_get_server               (PamongApplication  *self);
void                pamong_application_set_server               (PamongApplication  *self,
                                                                 const char         *server);
PamongAppLicense    pamong_application_get_license              (PamongApplication  *self);
void                pamong_application_set_license              (PamongApplication  *self,
                                                                 PamongAppLicense    license);
const char         *pamong_application_get_programming_language (PamongApplication  *self);
void                pamong_application_set_programming_language (PamongApplication  *self,
                                                                 const char         *programming_language);
const char         *pamong_application_get_framework            (PamongApplication  *self);
void                pamong_application_set_framework            (PamongApplication  *self,
                                                                 const char         *framework);
const char         *pamong_application_get_database             (PamongApplication  *self);
void                pamong_application_set_database             (PamongApplication  *self,
                                                                 const char         *database);
const char         *pamong_application_get_developer_unit       (PamongApplication  *self);
void                pamong_application_set_developer_unit       (PamongApplication  *self,
                                                                 const char         *developer_unit);
const char         *pamong_application_get_operator_unit        (PamongApplication  *self);
void                pamong_application_set_operator_unit        (PamongApplication  *self,
                                                                 const char         *operator_unit);
const char         *pamong_application_get_url                  (PamongApplication  *self);
void                pamong_application_set_url                  (PamongApplication  *self,
                                                                 const char         *url);
gint                pamong_application_get_year_built           (PamongApplication  *self);
void                pamong_application_set_year_built           (PamongApplication  *self,
                                                                 gint                year_built);
PamongAppStatus     pamong_application_get_status               (PamongApplication  *self);
void                pamong_application_set_status               (PamongApplication  *self,
                                                                 PamongAppStatus     status);
PamongAppPlan       pamong_application_get_plan                 (PamongApplication  *self);
void                pamong_application_set_plan                 (PamongApplication  *self,
                                                                 PamongAppPlan       plan);
const char         *pamong_application_get_plan_target          (PamongApplication  *self);
void                pamong_application_set_plan_target          (PamongApplication  *self,
                                                                 const char         *plan_target);
const char         *pamong_application_get_plan_date            (PamongApplication  *self);
void                pamong_application_set_plan_date            (PamongApplication  *self,
                                                                 const char         *plan_date);
const char         *pamong_application_get_plan_note            (PamongApplication  *self);
void                pamong_application_set_plan_note            (PamongApplication  *self,
                                                                 const char         *plan_note);

G_END_DECLS
