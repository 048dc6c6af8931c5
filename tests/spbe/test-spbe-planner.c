/* test-spbe-planner.c — the improvement planner against brute force
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pamong-error.h"
#include "pamong-spbe-index.h"
#include "pamong-spbe-planner.h"

static PamongFramework *
load_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "spbe", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PamongFramework *framework = pamong_framework_new_from_file (file, &error);

  g_assert_no_error (error);
  return framework;
}

static gint
cents_of_levels (PamongFramework *framework,
                 const guint     *levels)
{
  guint n = pamong_framework_get_n_indicators (framework);
  g_autoptr(PamongIndexResult) result = pamong_spbe_index_compute (framework, levels, n);

  g_assert_nonnull (result);
  return pamong_index_result_get_overall (result)->cents;
}

/* Every level vector of a framework, as positions in each indicator's scale. */
typedef struct
{
  PamongFramework *framework;
  guint            n;
  guint           *n_levels;    /* per indicator */
  guint            n_vectors;
  guint           *positions;   /* n_vectors × n */
  gint            *cents;       /* per vector */
  gint64          *num;         /* Σ NI × BI per vector */
} Space;

static guint
level_value (Space *space,
             guint  indicator,
             guint  position)
{
  const PamongFwIndicator *ind = pamong_framework_get_indicator (space->framework, indicator);

  return pamong_framework_get_indicator_scale (space->framework, ind)->levels[position].value;
}

static void
space_init (Space           *space,
            PamongFramework *framework)
{
  g_autofree guint *levels = NULL;

  space->framework = framework;
  space->n = pamong_framework_get_n_indicators (framework);
  space->n_levels = g_new0 (guint, space->n);
  space->n_vectors = 1;
  for (guint i = 0; i < space->n; i++)
    {
      const PamongFwIndicator *ind = pamong_framework_get_indicator (framework, i);

      space->n_levels[i] = pamong_framework_get_indicator_scale (framework, ind)->n_levels;
      space->n_vectors *= space->n_levels[i];
    }
  space->positions = g_new0 (guint, (gsize) space->n_vectors * space->n);
  space->cents = g_new0 (gint, space->n_vectors);
  space->num = g_new0 (gint64, space->n_vectors);
  levels = g_new0 (guint, space->n);

  for (guint v = 0; v < space->n_vectors; v++)
    {
      guint rest = v;

      for (guint i = 0; i < space->n; i++)
        {
          const PamongFwIndicator *ind = pamong_framework_get_indicator (framework, i);
          guint p = rest % space->n_levels[i];

          rest /= space->n_levels[i];
          space->positions[(gsize) v * space->n + i] = p;
          levels[i] = level_value (space, i, p);
          space->num[v] += (gint64) levels[i] * ind->weight_cents;
        }
      space->cents[v] = cents_of_levels (framework, levels);
    }
}

static void
space_clear (Space *space)
{
  g_free (space->n_levels);
  g_free (space->positions);
  g_free (space->cents);
  g_free (space->num);
}

/* The brute force: over every vector at or above @start, the fewest steps
 * reaching @target, and the most Σ NI × BI among those; -1 if none does. */
static gint
brute_force (Space  *space,
             guint   start,
             gint    target,
             gint64 *out_best_num)
{
  gint best = -1;

  *out_best_num = -1;
  for (guint v = 0; v < space->n_vectors; v++)
    {
      gint steps = 0;
      gboolean above = TRUE;

      if (space->cents[v] < target)
        continue;
      for (guint i = 0; i < space->n && above; i++)
        {
          gint d = (gint) space->positions[(gsize) v * space->n + i] -
                   (gint) space->positions[(gsize) start * space->n + i];

          above = d >= 0;
          steps += d;
        }
      if (!above)
        continue;
      if (best < 0 || steps < best || (steps == best && space->num[v] > *out_best_num))
        {
          best = steps;
          *out_best_num = space->num[v];
        }
    }
  return best;
}

/* Checks a plan against the brute force and against the calculator: the
 * same number of steps, the same best gain, every step one level up, every
 * step's index what the calculator says for the levels so far. */
static void
check_start (Space       *space,
             guint        start,
             const gint  *targets,
             guint        n_targets)
{
  g_autofree guint *levels = g_new0 (guint, space->n);
  g_autofree guint *applied = g_new0 (guint, space->n);

  for (guint i = 0; i < space->n; i++)
    levels[i] = level_value (space, i, space->positions[(gsize) start * space->n + i]);

  for (guint t = 0; t < n_targets; t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PamongPlan) plan = NULL;
      gint64 best_num;
      gint expected = brute_force (space, start, targets[t], &best_num);
      gint64 num;

      plan = pamong_spbe_planner_plan (space->framework, levels, space->n, targets[t], &error);
      if (expected < 0)
        {
          g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
          g_assert_null (plan);
          continue;
        }
      g_assert_no_error (error);
      g_assert_nonnull (plan);
      g_assert_cmpuint (pamong_plan_get_n_steps (plan), ==, (guint) expected);
      g_assert_cmpint (pamong_plan_get_start_cents (plan), ==, space->cents[start]);
      g_assert_cmpuint (pamong_plan_get_n_assumed (plan), ==, 0);

      memcpy (applied, levels, sizeof (guint) * space->n);
      num = space->num[start];
      for (guint s = 0; s < pamong_plan_get_n_steps (plan); s++)
        {
          const PamongPlanStep *step = pamong_plan_get_step (plan, s);
          const PamongFwIndicator *ind = pamong_framework_get_indicator (space->framework, step->position);
          const PamongFwLevel *to;

          g_assert_cmpuint (step->number, ==, ind->number);
          g_assert_cmpuint (applied[step->position], ==, step->from_level);
          to = pamong_framework_get_indicator_level (space->framework, ind, step->to_level);
          g_assert_nonnull (to);
          /* The next level of the scale, not any higher one. */
          g_assert_true (to == pamong_framework_get_indicator_level (space->framework, ind, step->from_level) + 1);
          g_assert_cmpuint (step->gain, ==, (step->to_level - step->from_level) * ind->weight_cents);
          applied[step->position] = step->to_level;
          num += step->gain;
          g_assert_cmpint (step->index_cents, ==, cents_of_levels (space->framework, applied));
          g_assert_true (step->predikat ==
                         pamong_framework_get_band_for_cents (space->framework, step->index_cents));
        }
      g_assert_cmpint (num, ==, best_num);
      if (expected > 0)
        g_assert_cmpint (pamong_plan_get_step (plan, expected - 1)->index_cents, >=, targets[t]);

      /* pamong_plan_apply() gives the same levels. */
      {
        g_autofree guint *copy = g_memdup2 (levels, sizeof (guint) * space->n);

        pamong_plan_apply (plan, pamong_plan_get_n_steps (plan), copy, space->n);
        for (guint i = 0; i < space->n; i++)
          g_assert_cmpuint (copy[i], ==, applied[i]);
      }
    }
}

static void
test_small_framework_brute_force (void)
{
  g_autoptr(PamongFramework) framework = load_file ("small-framework.json");
  static const gint targets[] = { 0, 100, 150, 199, 200, 201, 250, 275, 300, 301, 333, 350, 380, 400, 401 };
  Space space = { 0 };

  space_init (&space, framework);
  g_assert_cmpuint (space.n_vectors, ==, 3 * 3 * 4 * 4 * 4);
  for (guint v = 0; v < space.n_vectors; v++)
    check_start (&space, v, targets, G_N_ELEMENTS (targets));
  space_clear (&space);
}

/* A made-up framework whose scale has a gap in its level values (1, 2, 4,
 * 5): the step 2 → 4 gains twice as much as 1 → 2 and can only come after
 * it, which is where taking the largest gains first would go wrong. The
 * weights are random; the brute force decides. */
static PamongFramework *
random_framework (GRand *rand)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint weights[6];
  guint sum = 0;
  PamongFramework *framework;

  for (guint i = 0; i < 5; i++)
    {
      weights[i] = g_rand_int_range (rand, 300, 2400);
      sum += weights[i];
    }
  weights[5] = 10000 - sum;

#define W(i) (weights[i] / 100), (weights[i] % 100)
  g_string_append_printf (json,
    "{ \"format\": 1, \"id\": \"test-random\", \"name\": \"Acak\", \"regulation\": \"Uji\","
    "  \"scales\": ["
    "    { \"id\": \"gap\", \"name\": \"Celah\", \"levels\": ["
    "        { \"value\": 1, \"name\": \"A\" }, { \"value\": 2, \"name\": \"B\" },"
    "        { \"value\": 4, \"name\": \"C\" }, { \"value\": 5, \"name\": \"D\" } ] },"
    "    { \"id\": \"flat\", \"name\": \"Datar\", \"levels\": ["
    "        { \"value\": 1, \"name\": \"P\" }, { \"value\": 2, \"name\": \"Q\" },"
    "        { \"value\": 3, \"name\": \"R\" } ] } ],"
    "  \"domains\": ["
    "    { \"number\": 1, \"name\": \"D1\", \"weight\": %u.%02u, \"aspects\": ["
    "      { \"number\": 1, \"name\": \"A1\", \"weight\": %u.%02u, \"indicators\": ["
    "        { \"number\": 1, \"name\": \"I1\", \"weight\": %u.%02u, \"scale\": \"gap\" },"
    "        { \"number\": 2, \"name\": \"I2\", \"weight\": %u.%02u, \"scale\": \"flat\" } ] },"
    "      { \"number\": 2, \"name\": \"A2\", \"weight\": %u.%02u, \"indicators\": ["
    "        { \"number\": 3, \"name\": \"I3\", \"weight\": %u.%02u, \"scale\": \"gap\" } ] } ] },"
    "    { \"number\": 2, \"name\": \"D2\", \"weight\": %u.%02u, \"aspects\": ["
    "      { \"number\": 3, \"name\": \"A3\", \"weight\": %u.%02u, \"indicators\": ["
    "        { \"number\": 4, \"name\": \"I4\", \"weight\": %u.%02u, \"scale\": \"flat\" },"
    "        { \"number\": 5, \"name\": \"I5\", \"weight\": %u.%02u, \"scale\": \"gap\" },"
    "        { \"number\": 6, \"name\": \"I6\", \"weight\": %u.%02u, \"scale\": \"gap\" } ] } ] } ],"
    "  \"bands\": ["
    "    { \"name\": \"Tinggi\", \"min\": 4.0, \"min_inclusive\": true },"
    "    { \"name\": \"Sedang\", \"min\": 2.5, \"min_inclusive\": true },"
    "    { \"name\": \"Rendah\", \"min\": null } ] }",
    (weights[0] + weights[1] + weights[2]) / 100, (weights[0] + weights[1] + weights[2]) % 100,
    (weights[0] + weights[1]) / 100, (weights[0] + weights[1]) % 100,
    W (0), W (1), W (2), W (2),
    (weights[3] + weights[4] + weights[5]) / 100, (weights[3] + weights[4] + weights[5]) % 100,
    (weights[3] + weights[4] + weights[5]) / 100, (weights[3] + weights[4] + weights[5]) % 100,
    W (3), W (4), W (5));
#undef W

  bytes = g_bytes_new (json->str, json->len);
  framework = pamong_framework_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  return framework;
}

static void
test_gapped_scale_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (59);
  static const gint targets[] = { 150, 222, 250, 300, 333, 370, 400, 444, 480, 500 };

  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(PamongFramework) framework = random_framework (rand);
      Space space = { 0 };

      space_init (&space, framework);
      /* Every third start keeps the run short under ASan. */
      for (guint v = 0; v < space.n_vectors; v += 3)
        check_start (&space, v, targets, G_N_ELEMENTS (targets));
      space_clear (&space);
    }
}

/* Blora 2024 (3,28 Baik, the demo's levels) asking for "Sangat Baik". On
 * P59 every step of an indicator gains its weight, so the fewest steps are
 * the largest weights first: A8's 3,00 %, then A7's 2,75 %. */
static void
test_blora_2024_to_sangat_baik (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongFramework) framework = pamong_framework_load_default (&error);
  static const guint levels_2024[47] = {
    4, 4, 3, 4, 4, 3, 3, 4, 3, 3,
    3, 3, 3, 2, 3, 2, 2, 3, 3, 2,
    2, 2, 2, 1, 2, 1, 1, 2, 1, 1, 1,
    4, 4, 5, 4, 5, 4, 4, 4, 4, 4,
    5, 4, 5, 4, 4, 4 };
  guint levels[47];
  const PamongFwBand *sangat_baik = NULL;
  g_autoptr(PamongPlan) plan = NULL;
  gint64 need;
  guint n_steps;

  g_assert_no_error (error);
  g_assert_cmpint (cents_of_levels (framework, levels_2024), ==, 328);

  for (guint b = 0; b < pamong_framework_get_n_bands (framework); b++)
    if (g_str_equal (pamong_framework_get_band (framework, b)->name, "Sangat Baik"))
      sangat_baik = pamong_framework_get_band (framework, b);
  g_assert_nonnull (sangat_baik);
  g_assert_cmpint (pamong_spbe_planner_target_for_band (sangat_baik), ==, 350);

  plan = pamong_spbe_planner_plan (framework, levels_2024, 47, 350, &error);
  g_assert_no_error (error);
  n_steps = pamong_plan_get_n_steps (plan);

  /* Σ NI × BI must reach ⌈(2 × 350 − 1) × 10000 / 200⌉ = 34950: 3,495 rounds to 3,50. */
  need = 34950;
  {
    gint64 num = 0;
    for (guint i = 0; i < 47; i++)
      num += (gint64) levels_2024[i] * pamong_framework_get_indicator (framework, i)->weight_cents;
    need -= num;
  }
  g_assert_cmpint (need, ==, 34950 - 32800);
  /* Greedy over the step gains, largest first, is optimal here. */
  {
    g_autoptr(GArray) gains = g_array_new (FALSE, FALSE, sizeof (guint));
    gint64 sum = 0;
    guint greedy = 0;

    for (guint i = 0; i < 47; i++)
      for (guint l = levels_2024[i]; l < 5; l++)
        {
          guint w = pamong_framework_get_indicator (framework, i)->weight_cents;
          g_array_append_val (gains, w);
        }
    /* Selection by hand: repeatedly take the largest. */
    while (sum < need)
      {
        guint best = 0;

        for (guint g = 1; g < gains->len; g++)
          if (g_array_index (gains, guint, g) > g_array_index (gains, guint, best))
            best = g;
        sum += g_array_index (gains, guint, best);
        g_array_remove_index_fast (gains, best);
        greedy++;
      }
    g_assert_cmpuint (n_steps, ==, greedy);
  }
  g_assert_cmpuint (n_steps, ==, 8);   /* 2150 / 300 → 8 steps of 3,00 % */

  for (guint s = 0; s < n_steps; s++)
    {
      const PamongPlanStep *step = pamong_plan_get_step (plan, s);

      if (s > 0)
        g_assert_cmpuint (step->gain, <=, pamong_plan_get_step (plan, s - 1)->gain);
      g_assert_cmpuint (step->to_level, ==, step->from_level + 1);
    }
  g_assert_cmpint (pamong_plan_get_step (plan, n_steps - 1)->index_cents, >=, 350);
  g_assert_cmpstr (pamong_plan_get_step (plan, n_steps - 1)->predikat->name, ==, "Sangat Baik");
  g_assert_cmpint (pamong_plan_get_step (plan, n_steps - 2)->index_cents, <, 350);

  memcpy (levels, levels_2024, sizeof levels);
  pamong_plan_apply (plan, n_steps, levels, 47);
  g_assert_cmpint (cents_of_levels (framework, levels), >=, 350);
}

static void
test_reached_and_unreachable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongFramework) framework = pamong_framework_load_default (&error);
  guint levels[47];
  g_autoptr(PamongPlan) plan = NULL;
  g_autoptr(PamongPlan) unscored = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < 47; i++)
    levels[i] = 3;

  plan = pamong_spbe_planner_plan (framework, levels, 47, 300, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pamong_plan_get_n_steps (plan), ==, 0);
  g_assert_cmpint (pamong_plan_get_start_cents (plan), ==, 300);

  g_assert_null (pamong_spbe_planner_plan (framework, levels, 47, 501, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* 5,00 is reachable: every indicator at 5. */
  g_clear_pointer (&plan, pamong_plan_unref);
  plan = pamong_spbe_planner_plan (framework, levels, 47, 500, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pamong_plan_get_n_steps (plan), ==, 47 * 2);

  /* Unscored indicators count at level 1. */
  levels[0] = 0;
  levels[46] = 0;
  unscored = pamong_spbe_planner_plan (framework, levels, 47, 500, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pamong_plan_get_n_assumed (unscored), ==, 2);
  g_assert_cmpuint (pamong_plan_get_n_steps (unscored), ==, 45 * 2 + 2 * 4);
}

static void
test_band_targets (void)
{
  g_autoptr(PamongFramework) framework = load_file ("small-framework.json");

  /* Tinggi ≥ 3,00 inclusive; Sedang > 2,00; Rendah has no bound. */
  g_assert_cmpint (pamong_spbe_planner_target_for_band (pamong_framework_get_band (framework, 0)), ==, 300);
  g_assert_cmpint (pamong_spbe_planner_target_for_band (pamong_framework_get_band (framework, 1)), ==, 201);
  g_assert_cmpint (pamong_spbe_planner_target_for_band (pamong_framework_get_band (framework, 2)), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/spbe/planner/small-framework-matches-brute-force", test_small_framework_brute_force);
  g_test_add_func ("/pamong/spbe/planner/gapped-scale-matches-brute-force", test_gapped_scale_brute_force);
  g_test_add_func ("/pamong/spbe/planner/blora-2024-to-sangat-baik", test_blora_2024_to_sangat_baik);
  g_test_add_func ("/pamong/spbe/planner/reached-and-unreachable-targets", test_reached_and_unreachable);
  g_test_add_func ("/pamong/spbe/planner/band-targets", test_band_targets);

  return g_test_run ();
}
