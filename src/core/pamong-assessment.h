/* pamong-assessment.h — one SPBE self-assessment (one per year and framework)
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-enums.h"
#include "pamong-enum-types.h"
#include "pamong-record.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_ASSESSMENT (pamong_assessment_get_type ())
G_DECLARE_FINAL_TYPE (PamongAssessment, pamong_assessment, PAMONG, ASSESSMENT, PamongRecord)

PamongAssessment  *pamong_assessment_new              (void);
gint               pamong_assessment_get_year         (PamongAssessment   *self);
void               pamong_assessment_set_year         (PamongAssessment   *self,
                                                       gint                year);
const char        *pamong_assessment_get_framework    (PamongAssessment   *self);
void               pamong_assessment_set_framework    (PamongAssessment   *self,
                                                       const char         *framework);
const char        *pamong_assessment_get_title        (PamongAssessment   *self);
void               pamong_assessment_set_title        (PamongAssessment   *self,
                                                       const char         *title);
PamongReviewStatus pamong_assessment_get_status       (PamongAssessment   *self);
void               pamong_assessment_set_status       (PamongAssessment   *self,
                                                       PamongReviewStatus  status);
gdouble            pamong_assessment_get_target_index (PamongAssessment   *self);
void               pamong_assessment_set_target_index (PamongAssessment   *self,
                                                       gdouble             target_index);

G_END_DECLS
