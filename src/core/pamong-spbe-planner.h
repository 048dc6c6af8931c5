/* pamong-spbe-planner.h — the fewest one-level improvements that reach a target index
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pamong-framework.h"

G_BEGIN_DECLS

/**
 * PamongPlanStep:
 * @position: the indicator's position in the framework
 * @number: the indicator's number, e.g. 42
 * @from_level: the level before the step
 * @to_level: the level after it (the next level of the indicator's scale)
 * @gain: what the step adds to Σ (NI × BI), in level points × weight
 *   hundredths; the overall index rises by @gain / total weight hundredths
 * @index: the exact overall index once this step and all before it are made
 * @index_cents: @index rounded half up to two decimals, in hundredths
 * @predikat: the predikat of @index_cents
 *
 * One step of a plan: raise one indicator by one level.
 */
typedef struct
{
  guint               position;
  guint               number;
  guint               from_level;
  guint               to_level;
  guint               gain;
  double              index;
  gint                index_cents;
  const PamongFwBand *predikat;
} PamongPlanStep;

typedef struct _PamongPlan PamongPlan;

#define PAMONG_TYPE_PLAN (pamong_plan_get_type ())
GType                 pamong_plan_get_type                 (void) G_GNUC_CONST;

gint                  pamong_spbe_planner_target_for_band  (const PamongFwBand *band);

PamongPlan           *pamong_spbe_planner_plan             (PamongFramework    *framework,
                                                            const guint        *levels,
                                                            guint               n_levels,
                                                            gint                target_cents,
                                                            GError            **error);

PamongPlan           *pamong_plan_ref                      (PamongPlan         *plan);
void                  pamong_plan_unref                    (PamongPlan         *plan);
gint                  pamong_plan_get_target_cents         (PamongPlan         *plan);
double                pamong_plan_get_start_index          (PamongPlan         *plan);
gint                  pamong_plan_get_start_cents          (PamongPlan         *plan);
guint                 pamong_plan_get_n_assumed            (PamongPlan         *plan);
guint                 pamong_plan_get_n_steps              (PamongPlan         *plan);
const PamongPlanStep *pamong_plan_get_step                 (PamongPlan         *plan,
                                                            guint               index);
void                  pamong_plan_apply                    (PamongPlan         *plan,
                                                            guint               n_steps,
                                                            guint              *levels,
                                                            guint               n_levels);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PamongPlan, pamong_plan_unref)

G_END_DECLS
