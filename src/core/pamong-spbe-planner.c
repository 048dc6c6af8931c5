/* pamong-spbe-planner.c — the fewest one-level improvements that reach a target index
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-spbe"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pamong-error.h"
#include "pamong-format.h"
#include "pamong-spbe-planner.h"

/*
 * The method
 * ----------
 * With every indicator scored, the overall index is
 *
 *   I = Σ_i (NI_i × BI_i) / W        (W = Σ BI_i, the total weight)
 *
 * (pamong-spbe-index.h shows the nested formula of the regulation reduces to
 * this). With the weights in integer hundredths, N = Σ NI_i × BI_i is an
 * integer and I is linear in the levels: raising indicator i from one level
 * to the next adds exactly (value_next − value_now) × BI_i to N, whatever
 * the other indicators do. So the gain of every step is known exactly, in
 * integers, before anything is chosen.
 *
 * The target. The published index is I rounded half up to two decimals,
 * cents = ⌊(200 N + W) / 2W⌋, and the predikat is read off that figure. So
 * cents ≥ T  ⟺  200 N + W ≥ 2 T W  ⟺  N ≥ ⌈(2T − 1) W / 200⌉, and the plan
 * needs a total gain of G = ⌈(2T − 1) W / 200⌉ − N_now.
 *
 * The fewest steps. Indicator i can take t_i = 0..k_i steps (k_i = the
 * levels above its current one), with a cumulative gain g_i(t_i); we want
 * the least Σ t_i with Σ g_i(t_i) ≥ G. On the P59 scales the level values
 * are 1..5, so every step of indicator i gains the same BI_i, and taking the
 * largest gains first is optimal by an exchange argument: for any set of m
 * steps reaching G, the m largest available gains (each indicator's
 * weight, as often as it has levels left) add up to at least as much, since
 * the j-th largest of all steps is at least the j-th largest of the set.
 * But a framework file may give a scale level values with gaps (1, 2, 4),
 * where a later step gains more than an earlier one and has to come after
 * it; there greedy can fail. So the planner does not rely on the argument:
 * it solves the problem exactly by dynamic programming over the indicators,
 *
 *   best_i[c] = max over t ≤ min (k_i, c) of best_{i−1}[c − t] + g_i(t),
 *
 * the most gain reachable with exactly c steps among the first i
 * indicators, and takes the least c with best_n[c] ≥ G. That is
 * O(n × M × k) for M = Σ k_i steps — for P59, 47 × 188 × 4, nothing.
 * Among the sets of that size it takes the one with the most gain (the
 * highest index), and among those the one that asks for the lowest levels
 * (Σ of the levels reached), because reaching tingkat 2 from tingkat 1 is
 * usually less work than tingkat 5 from tingkat 4. Both criteria are sums,
 * compared lexicographically, so the recurrence stays exact.
 * tests/spbe/test-spbe-planner.c checks it against brute force.
 *
 * The steps are then ranked by gain per step, largest first (ties: the
 * lower level first, then the framework's order); an indicator's own steps
 * always stay in level order. Each step carries the index it yields with the
 * steps before it, so "apply the first n steps" is a meaningful choice.
 *
 * Unscored indicators: the planner cannot guess a level, so it counts them
 * at their scale's lowest level (the index can only be higher once they are
 * scored) and says how many it assumed.
 */

struct _PamongPlan
{
  gatomicrefcount  ref_count;

  PamongFramework *framework;
  guint            n_indicators;
  gint             target_cents;
  gint64           total_weight;
  gint64           start_num;
  guint            n_assumed;
  GArray          *steps;          /* PamongPlanStep */
};

G_DEFINE_BOXED_TYPE (PamongPlan, pamong_plan, pamong_plan_ref, pamong_plan_unref)

/* Per indicator, what it can still gain. */
typedef struct
{
  const PamongFwScale *scale;
  guint                first;     /* position in the scale of the level now */
  guint                k;         /* levels above it */
  guint                weight;
} Option;

/* The best (gain, -difficulty) for a number of steps. */
typedef struct
{
  gint64   gain;
  gint64   difficulty;
  gboolean valid;
} Best;

static gboolean
best_is_better (gint64      gain,
                gint64      difficulty,
                const Best *than)
{
  if (!than->valid)
    return TRUE;
  if (gain != than->gain)
    return gain > than->gain;
  return difficulty < than->difficulty;
}

static gint
cents_of (gint64 num,
          gint64 den)
{
  return (gint) ((num * 200 + den) / (den * 2));
}

static gint
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const PamongPlanStep *x = a;
  const PamongPlanStep *y = b;

  if (x->gain != y->gain)
    return x->gain > y->gain ? -1 : 1;
  if (x->from_level != y->from_level)
    return x->from_level < y->from_level ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return 0;
}

/**
 * pamong_spbe_planner_target_for_band:
 * @band: a predikat band
 *
 * The least index, in hundredths, that has @band's predikat (or a better
 * one): its lower bound, or one hundredth above it when the bound is
 * exclusive.
 *
 * Returns: the target for pamong_spbe_planner_plan(); 0 for the lowest band
 */
gint
pamong_spbe_planner_target_for_band (const PamongFwBand *band)
{
  g_return_val_if_fail (band != NULL, 0);

  if (!band->has_min)
    return 0;
  return band->min_inclusive ? band->min_cents : band->min_cents + 1;
}

/**
 * pamong_spbe_planner_plan:
 * @framework: a #PamongFramework
 * @levels: (array length=n_levels): the level of every indicator, by
 *   position; 0 for not scored (counted at the scale's lowest level)
 * @n_levels: the number of indicators of @framework
 * @target_cents: the overall index to reach, in hundredths (350 for 3,50):
 *   reached when the index rounded to two decimals is at least this
 * @error: return location for a #GError
 *
 * Plans the fewest one-level improvements that raise the overall index to
 * @target_cents (see the top of this file for the method). A target the
 * index already reaches gives a plan without steps.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with
 *   %PAMONG_ERROR_INVALID_DATA when not even every indicator at its highest
 *   level reaches the target
 */
PamongPlan *
pamong_spbe_planner_plan (PamongFramework  *framework,
                          const guint      *levels,
                          guint             n_levels,
                          gint              target_cents,
                          GError          **error)
{
  g_autoptr(PamongPlan) plan = NULL;
  g_autofree Option *options = NULL;
  g_autofree Best *best = NULL;
  g_autofree Best *next = NULL;
  g_autofree guint8 *choice = NULL;
  g_autoptr(GHashTable) next_level = NULL;
  gint64 need_num;
  gint64 need;
  gint64 max_num;
  gint64 num;
  guint total_steps = 0;
  guint n_steps;
  guint c;

  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (n_levels == pamong_framework_get_n_indicators (framework), NULL);
  g_return_val_if_fail (levels != NULL || n_levels == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan = g_new0 (PamongPlan, 1);
  g_atomic_ref_count_init (&plan->ref_count);
  plan->framework = g_object_ref (framework);
  plan->n_indicators = n_levels;
  plan->target_cents = target_cents;
  plan->steps = g_array_new (FALSE, TRUE, sizeof (PamongPlanStep));

  options = g_new0 (Option, n_levels);
  for (guint i = 0; i < n_levels; i++)
    {
      const PamongFwIndicator *indicator = pamong_framework_get_indicator (framework, i);
      Option *option = &options[i];
      gboolean found = FALSE;

      option->scale = pamong_framework_get_indicator_scale (framework, indicator);
      option->weight = indicator->weight_cents;
      g_return_val_if_fail (option->scale != NULL && option->scale->n_levels > 0, NULL);

      if (levels[i] == 0)
        {
          option->first = 0;
          found = TRUE;
          plan->n_assumed++;
        }
      else
        for (guint l = 0; l < option->scale->n_levels; l++)
          if (option->scale->levels[l].value == levels[i])
            {
              option->first = l;
              found = TRUE;
              break;
            }
      if (!found)
        {
          g_critical ("Indicator %u of framework “%s” has no level %u",
                      indicator->number, pamong_framework_get_id (framework), levels[i]);
          return NULL;
        }

      option->k = option->scale->n_levels - 1 - option->first;
      plan->total_weight += option->weight;
      plan->start_num += (gint64) option->scale->levels[option->first].value * option->weight;
      total_steps += option->k;
    }

  if (plan->total_weight == 0)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The framework “%s” has no weighted indicators to plan with."),
                   pamong_framework_get_id (framework));
      return NULL;
    }

  /* N ≥ ⌈(2T − 1) W / 200⌉; every N ≥ 0 reaches a target of 0 or less. */
  need_num = target_cents > 0 ? ((2 * (gint64) target_cents - 1) * plan->total_weight + 199) / 200 : 0;
  need = need_num - plan->start_num;
  if (need <= 0)
    return g_steal_pointer (&plan);

  max_num = plan->start_num;
  for (guint i = 0; i < n_levels; i++)
    max_num += (gint64) (options[i].scale->levels[options[i].scale->n_levels - 1].value -
                         options[i].scale->levels[options[i].first].value) * options[i].weight;
  if (max_num < need_num)
    {
      g_autofree char *target = pamong_format_decimal (target_cents / 100.0, 2);
      g_autofree char *highest = pamong_format_decimal (cents_of (max_num, plan->total_weight) / 100.0, 2);

      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("An index of %s cannot be reached: with every indicator at its highest "
                     "level the index is %s."),
                   target, highest);
      return NULL;
    }

  /* best[c]: the most gain with exactly c steps among the indicators so far. */
  best = g_new0 (Best, total_steps + 1);
  next = g_new0 (Best, total_steps + 1);
  choice = g_new0 (guint8, (gsize) n_levels * (total_steps + 1));
  best[0].valid = TRUE;

  for (guint i = 0; i < n_levels; i++)
    {
      const Option *option = &options[i];

      for (c = 0; c <= total_steps; c++)
        {
          gint64 gain = 0;
          gint64 difficulty = 0;

          next[c].valid = FALSE;
          for (guint t = 0; t <= option->k && t <= c; t++)
            {
              if (t > 0)
                {
                  const PamongFwLevel *from = &option->scale->levels[option->first + t - 1];
                  const PamongFwLevel *to = &option->scale->levels[option->first + t];

                  gain += (gint64) (to->value - from->value) * option->weight;
                  difficulty += to->value;
                }
              if (!best[c - t].valid)
                continue;
              if (best_is_better (best[c - t].gain + gain, best[c - t].difficulty + difficulty, &next[c]))
                {
                  next[c].gain = best[c - t].gain + gain;
                  next[c].difficulty = best[c - t].difficulty + difficulty;
                  next[c].valid = TRUE;
                  choice[(gsize) i * (total_steps + 1) + c] = (guint8) t;
                }
            }
        }
      memcpy (best, next, sizeof (Best) * (total_steps + 1));
    }

  for (n_steps = 0; n_steps <= total_steps; n_steps++)
    if (best[n_steps].valid && best[n_steps].gain >= need)
      break;
  g_assert (n_steps <= total_steps);

  /* Walk the choices back and write out the steps. */
  c = n_steps;
  for (guint i = n_levels; i-- > 0;)
    {
      guint t = choice[(gsize) i * (total_steps + 1) + c];
      const PamongFwIndicator *indicator = pamong_framework_get_indicator (framework, i);

      for (guint s = 0; s < t; s++)
        {
          const PamongFwLevel *from = &options[i].scale->levels[options[i].first + s];
          const PamongFwLevel *to = &options[i].scale->levels[options[i].first + s + 1];
          PamongPlanStep step = { 0 };

          step.position = i;
          step.number = indicator->number;
          step.from_level = from->value;
          step.to_level = to->value;
          step.gain = (to->value - from->value) * options[i].weight;
          g_array_append_val (plan->steps, step);
        }
      c -= t;
    }
  g_assert (c == 0);

  g_array_sort (plan->steps, compare_steps);

  /* An indicator's steps keep their level order whatever their gains. */
  next_level = g_hash_table_new (NULL, NULL);
  num = plan->start_num;
  for (guint s = 0; s < plan->steps->len; s++)
    {
      PamongPlanStep *step = &g_array_index (plan->steps, PamongPlanStep, s);
      const Option *option = &options[step->position];
      guint taken = GPOINTER_TO_UINT (g_hash_table_lookup (next_level, GUINT_TO_POINTER (step->position + 1)));
      const PamongFwLevel *from = &option->scale->levels[option->first + taken];
      const PamongFwLevel *to = &option->scale->levels[option->first + taken + 1];

      g_hash_table_insert (next_level, GUINT_TO_POINTER (step->position + 1), GUINT_TO_POINTER (taken + 1));
      step->from_level = from->value;
      step->to_level = to->value;
      step->gain = (to->value - from->value) * option->weight;

      num += step->gain;
      step->index = (double) num / (double) plan->total_weight;
      step->index_cents = cents_of (num, plan->total_weight);
      step->predikat = pamong_framework_get_band_for_cents (framework, step->index_cents);
    }
  g_assert (num >= need_num);

  return g_steal_pointer (&plan);
}

/**
 * pamong_plan_ref:
 * @plan: a #PamongPlan
 *
 * Returns: (transfer full): @plan
 */
PamongPlan *
pamong_plan_ref (PamongPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  g_atomic_ref_count_inc (&plan->ref_count);
  return plan;
}

/**
 * pamong_plan_unref:
 * @plan: (transfer full): a #PamongPlan
 */
void
pamong_plan_unref (PamongPlan *plan)
{
  g_return_if_fail (plan != NULL);

  if (!g_atomic_ref_count_dec (&plan->ref_count))
    return;

  g_clear_object (&plan->framework);
  g_array_unref (plan->steps);
  g_free (plan);
}

/**
 * pamong_plan_get_target_cents:
 *
 * Returns: the target the plan was made for, in hundredths
 */
gint
pamong_plan_get_target_cents (PamongPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->target_cents;
}

/**
 * pamong_plan_get_start_index:
 *
 * Returns: the exact overall index before any step (unscored indicators at
 *   their lowest level)
 */
double
pamong_plan_get_start_index (PamongPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0.0);

  return (double) plan->start_num / (double) plan->total_weight;
}

/**
 * pamong_plan_get_start_cents:
 *
 * Returns: the overall index before any step, rounded, in hundredths
 */
gint
pamong_plan_get_start_cents (PamongPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return cents_of (plan->start_num, plan->total_weight);
}

/**
 * pamong_plan_get_n_assumed:
 *
 * Returns: how many unscored indicators the plan counted at their lowest
 *   level
 */
guint
pamong_plan_get_n_assumed (PamongPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_assumed;
}

/**
 * pamong_plan_get_n_steps:
 *
 * Returns: the number of steps; 0 when the target is already reached
 */
guint
pamong_plan_get_n_steps (PamongPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->steps->len;
}

/**
 * pamong_plan_get_step:
 * @plan: a #PamongPlan
 * @index: a step, from 0, in the plan's order
 *
 * Returns: (transfer none): the step
 */
const PamongPlanStep *
pamong_plan_get_step (PamongPlan *plan,
                      guint       index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (index < plan->steps->len, NULL);

  return &g_array_index (plan->steps, PamongPlanStep, index);
}

/**
 * pamong_plan_apply:
 * @plan: a #PamongPlan
 * @n_steps: how many of the first steps to make
 * @levels: (array length=n_levels) (inout): levels by position, changed in place
 * @n_levels: the framework's number of indicators
 *
 * Sets the levels the first @n_steps steps reach.
 */
void
pamong_plan_apply (PamongPlan *plan,
                   guint       n_steps,
                   guint      *levels,
                   guint       n_levels)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (n_levels == plan->n_indicators);
  g_return_if_fail (n_steps <= plan->steps->len);

  for (guint s = 0; s < n_steps; s++)
    {
      const PamongPlanStep *step = &g_array_index (plan->steps, PamongPlanStep, s);

      levels[step->position] = step->to_level;
    }
}
