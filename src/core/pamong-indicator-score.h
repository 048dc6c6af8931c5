/* pamong-indicator-score.h — the level given to one indicator in one assessment
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-enums.h"
#include "pamong-enum-types.h"
#include "pamong-record.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_INDICATOR_SCORE (pamong_indicator_score_get_type ())
G_DECLARE_FINAL_TYPE (PamongIndicatorScore, pamong_indicator_score, PAMONG, INDICATOR_SCORE, PamongRecord)

PamongIndicatorScore *pamong_indicator_score_new               (void);
const char           *pamong_indicator_score_get_assessment    (PamongIndicatorScore *self);
void                  pamong_indicator_score_set_assessment    (PamongIndicatorScore *self,
                                                                const char           *assessment);
gint                  pamong_indicator_score_get_indicator     (PamongIndicatorScore *self);
void                  pamong_indicator_score_set_indicator     (PamongIndicatorScore *self,
                                                                gint                  indicator);
gint                  pamong_indicator_score_get_level         (PamongIndicatorScore *self);
void                  pamong_indicator_score_set_level         (PamongIndicatorScore *self,
                                                                gint                  level);
const char           *pamong_indicator_score_get_justification (PamongIndicatorScore *self);
void                  pamong_indicator_score_set_justification (PamongIndicatorScore *self,
                                                                const char           *justification);
PamongReviewStatus    pamong_indicator_score_get_status        (PamongIndicatorScore *self);
void                  pamong_indicator_score_set_status        (PamongIndicatorScore *self,
                                                                PamongReviewStatus    status);
const char           *pamong_indicator_score_get_assessor      (PamongIndicatorScore *self);
void                  pamong_indicator_score_set_assessor      (PamongIndicatorScore *self,
                                                                const char           *assessor);

G_END_DECLS
