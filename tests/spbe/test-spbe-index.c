/* test-spbe-index.c — the SPBE index against the regulation and published figures
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pamong-spbe-index.h"

static PamongFramework *
load_p59 (void)
{
  g_autoptr(GError) error = NULL;
  PamongFramework *framework = pamong_framework_load_default (&error);

  g_assert_no_error (error);
  return framework;
}

static guint
aspect_position (PamongFramework *framework,
                 guint            number)
{
  for (guint i = 0; i < pamong_framework_get_n_aspects (framework); i++)
    if (pamong_framework_get_aspect (framework, i)->number == number)
      return i;

  g_assert_not_reached ();
}

static guint
domain_position (PamongFramework *framework,
                 guint            number)
{
  for (guint i = 0; i < pamong_framework_get_n_domains (framework); i++)
    if (pamong_framework_get_domain (framework, i)->number == number)
      return i;

  g_assert_not_reached ();
}

/* P59 Tabel 10: aspect 2, NI = 3, 4, 3, 2 with BI = 2,5 each: 30 / 10 = 3,00. */
static void
test_tabel_10 (void)
{
  g_autoptr(PamongFramework) framework = load_p59 ();
  const guint levels[] = { 3, 4, 3, 2 };
  PamongIndexValue value;

  g_assert_true (pamong_spbe_index_aspect_from_levels (framework, aspect_position (framework, 2),
                                                       levels, G_N_ELEMENTS (levels), &value));
  g_assert_cmpint (value.cents, ==, 300);
  g_assert_cmpfloat (value.value, ==, 3.0);
  g_assert_cmpuint (value.n_scored, ==, 4);
  g_assert_true (pamong_index_value_is_complete (&value));
}

/* P59 Tabel 11: domain 2 (aspects 2, 3, 4 weighing 10, 10 and 5) gives
 * Σ (NA × BA) = 85 and 85 / 25 = 3,40. The fact sheet keeps only the sum;
 * aspect 2 is Tabel 10's 3,00, and 3,50 and 4,00 for aspects 3 and 4 give
 * 30 + 35 + 20 = 85. */
static void
test_tabel_11 (void)
{
  g_autoptr(PamongFramework) framework = load_p59 ();
  const double aspects[] = { 3.00, 3.50, 4.00 };
  PamongIndexValue value;

  g_assert_true (pamong_spbe_index_domain_from_aspects (framework, domain_position (framework, 2),
                                                        aspects, G_N_ELEMENTS (aspects), &value));
  g_assert_cmpint (value.cents, ==, 340);
  g_assert_cmpfloat_with_epsilon (value.value, 3.4, 1e-12);
  g_assert_cmpuint (value.n_indicators, ==, 10);
}

static void
assert_overall (PamongFramework *framework,
                const double    *domains,
                gint             expected_cents,
                double           expected_value,
                const char      *expected_predikat)
{
  PamongIndexValue value;

  g_assert_true (pamong_spbe_index_overall_from_domains (framework, domains, 4, &value));
  g_assert_cmpint (value.cents, ==, expected_cents);
  g_assert_cmpfloat_with_epsilon (value.value, expected_value, 1e-12);
  g_assert_cmpuint (value.n_scored, ==, 47);
  g_assert_cmpstr (pamong_spbe_index_get_predikat (framework, value.value)->name, ==, expected_predikat);
  g_assert_cmpstr (pamong_framework_get_band_for_cents (framework, value.cents)->name, ==, expected_predikat);
}

/* P59 Tabel 12: Σ (ND × BD) = 328,20, so the index is 3,28. */
static void
test_tabel_12 (void)
{
  g_autoptr(PamongFramework) framework = load_p59 ();
  const double domains[] = { 3.70, 3.40, 3.00, 3.20 };

  assert_overall (framework, domains, 328, 3.282, "Baik");
}

/* LAP2023 Tabel 30 and LAP2024 Tabel 31, Jawa Tengah row 15 (Blora). */
static void
test_blora_published (void)
{
  g_autoptr(PamongFramework) framework = load_p59 ();
  const double blora_2023[] = { 3.60, 2.30, 1.73, 4.26 };
  const double blora_2024[] = { 3.50, 2.60, 1.45, 4.25 };

  assert_overall (framework, blora_2023, 327, 3.26675, "Baik");
  assert_overall (framework, blora_2024, 328, 3.2780, "Baik");
}

/* A small deterministic generator, so a failure can be reproduced. */
static guint
next_level (guint32 *state)
{
  *state = *state * 1103515245u + 12345u;
  return 1 + (*state >> 16) % 5;
}

/* The nested formulas, computed naively here in doubles, against the
 * calculator; and the flat form Σ (NI × BI) / 100 in integers against its
 * rounded figure. */
static void
test_nested_equals_flat (void)
{
  g_autoptr(PamongFramework) framework = load_p59 ();
  guint n = pamong_framework_get_n_indicators (framework);
  guint n_aspects = pamong_framework_get_n_aspects (framework);
  guint n_domains = pamong_framework_get_n_domains (framework);
  g_autofree guint *levels = g_new0 (guint, n);
  g_autofree double *aspect_sums = g_new0 (double, n_aspects);
  g_autofree double *domain_sums = g_new0 (double, n_domains);
  guint32 state = 20260527;

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(PamongIndexResult) result = NULL;
      gint64 flat = 0;
      double overall = 0.0;

      memset (aspect_sums, 0, sizeof (double) * n_aspects);
      memset (domain_sums, 0, sizeof (double) * n_domains);

      for (guint i = 0; i < n; i++)
        {
          const PamongFwIndicator *indicator = pamong_framework_get_indicator (framework, i);

          levels[i] = next_level (&state);
          flat += (gint64) levels[i] * indicator->weight_cents;
          aspect_sums[indicator->aspect_index] += levels[i] * indicator->weight;
        }

      result = pamong_spbe_index_compute (framework, levels, n);
      g_assert_nonnull (result);
      g_assert_true (pamong_index_result_is_complete (result));

      for (guint a = 0; a < n_aspects; a++)
        {
          const PamongFwAspect *aspect = pamong_framework_get_aspect (framework, a);
          double na = aspect_sums[a] / aspect->weight;

          g_assert_cmpfloat_with_epsilon (pamong_index_result_get_aspect (result, a)->value, na, 1e-9);
          domain_sums[aspect->domain_index] += na * aspect->weight;
        }
      for (guint d = 0; d < n_domains; d++)
        {
          const PamongFwDomain *domain = pamong_framework_get_domain (framework, d);
          double nd = domain_sums[d] / domain->weight;

          g_assert_cmpfloat_with_epsilon (pamong_index_result_get_domain (result, d)->value, nd, 1e-9);
          overall += nd * domain->weight;
        }
      overall /= 100.0;

      g_assert_cmpfloat_with_epsilon (pamong_index_result_get_overall (result)->value, overall, 1e-9);
      g_assert_cmpfloat_with_epsilon (pamong_index_result_get_overall (result)->value, flat / 10000.0, 1e-12);
      /* Half up on the exact flat sum, in integers: flat / 100 hundredths. */
      g_assert_cmpint (pamong_index_result_get_overall (result)->cents, ==, (flat + 50) / 100);
      g_assert_cmpuint (pamong_index_result_get_overall (result)->n_scored, ==, 47);
    }
}

static void
assert_uniform (guint         level,
                gint          cents,
                const char   *predikat)
{
  g_autoptr(PamongFramework) framework = load_p59 ();
  guint n = pamong_framework_get_n_indicators (framework);
  g_autofree guint *levels = g_new (guint, n);
  g_autoptr(PamongIndexResult) result = NULL;

  for (guint i = 0; i < n; i++)
    levels[i] = level;

  result = pamong_spbe_index_compute (framework, levels, n);
  g_assert_cmpint (pamong_index_result_get_overall (result)->cents, ==, cents);
  g_assert_cmpstr (pamong_index_result_get_predikat (result)->name, ==, predikat);
  for (guint d = 0; d < pamong_framework_get_n_domains (framework); d++)
    g_assert_cmpint (pamong_index_result_get_domain (result, d)->cents, ==, cents);
  for (guint a = 0; a < pamong_framework_get_n_aspects (framework); a++)
    g_assert_cmpint (pamong_index_result_get_aspect (result, a)->cents, ==, cents);

  g_assert_true (pamong_index_result_get_framework (result) == framework);
  g_clear_pointer (&result, pamong_index_result_unref);
  g_assert_finalize_object (g_steal_pointer (&framework));
}

static void
test_all_ones (void)
{
  assert_uniform (1, 100, "Kurang");
}

static void
test_all_fives (void)
{
  assert_uniform (5, 500, "Memuaskan");
}

static void
test_predikat_edges (void)
{
  g_autoptr(PamongFramework) framework = load_p59 ();
  static const struct {
    double index;
    const char *predikat;
  } cases[] = {
    { 1.00, "Kurang" },
    { 1.79, "Kurang" },
    { 1.80, "Cukup" },
    { 2.59, "Cukup" },
    { 2.60, "Baik" },
    { 3.49, "Baik" },
    { 3.50, "Sangat Baik" },
    { 4.19, "Sangat Baik" },
    { 4.20, "Memuaskan" },
    { 5.00, "Memuaskan" },
    /* Decided on the published two decimals: 3,4950 is published as 3,50. */
    { 3.4950, "Sangat Baik" },
    { 3.4949, "Baik" },
    { 1.7950, "Cukup" },
    { 1.7949, "Kurang" },
    { 4.1950, "Memuaskan" },
    { 2.5950, "Baik" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PamongFwBand *band = pamong_spbe_index_get_predikat (framework, cases[i].index);

      if (g_strcmp0 (band->name, cases[i].predikat) != 0)
        g_error ("%.4f is %s, expected %s", cases[i].index, band->name, cases[i].predikat);
    }
}

/* An exact index of 3,4950 computed from levels: indicators 21-31 at 5,
 * 32-37 at 4, the rest at 3: Σ (NI × BI) = 300 + 11 × 2 × 1,50 + 6 × 2,75
 * = 349,50. */
static void
test_exact_half_rounds_up (void)
{
  g_autoptr(PamongFramework) framework = load_p59 ();
  guint n = pamong_framework_get_n_indicators (framework);
  g_autofree guint *levels = g_new (guint, n);
  g_autoptr(PamongIndexResult) result = NULL;
  const PamongIndexValue *overall;

  for (guint i = 0; i < n; i++)
    {
      guint number = pamong_framework_get_indicator (framework, i)->number;

      levels[i] = number >= 21 && number <= 31 ? 5 : number >= 32 && number <= 37 ? 4 : 3;
    }

  result = pamong_spbe_index_compute (framework, levels, n);
  overall = pamong_index_result_get_overall (result);
  g_assert_cmpfloat (overall->value, <, 3.5);
  g_assert_cmpfloat_with_epsilon (overall->value, 3.495, 1e-12);
  g_assert_cmpint (overall->cents, ==, 350);
  g_assert_cmpstr (pamong_index_result_get_predikat (result)->name, ==, "Sangat Baik");
}

/* Unscored indicators: the provisional index is the weighted mean of what
 * is scored; completeness is reported at every level. */
static void
test_unscored_is_provisional (void)
{
  g_autoptr(PamongFramework) framework = load_p59 ();
  guint n = pamong_framework_get_n_indicators (framework);
  g_autofree guint *levels = g_new0 (guint, n);
  g_autoptr(PamongIndexResult) empty = NULL;
  g_autoptr(PamongIndexResult) partial = NULL;
  g_autoptr(PamongIndexResult) mixed = NULL;
  guint aspect2 = aspect_position (framework, 2);
  guint domain2 = domain_position (framework, 2);
  const PamongIndexValue *value;

  empty = pamong_spbe_index_compute (framework, levels, n);
  g_assert_false (pamong_index_result_is_complete (empty));
  g_assert_cmpuint (pamong_index_result_get_overall (empty)->n_scored, ==, 0);
  g_assert_cmpuint (pamong_index_result_get_overall (empty)->n_indicators, ==, 47);
  g_assert_cmpint (pamong_index_result_get_overall (empty)->cents, ==, 0);
  g_assert_null (pamong_index_result_get_predikat (empty));

  /* Tabel 10's aspect alone. */
  levels[pamong_framework_get_indicator_position (framework, 11)] = 3;
  levels[pamong_framework_get_indicator_position (framework, 12)] = 4;
  levels[pamong_framework_get_indicator_position (framework, 13)] = 3;
  levels[pamong_framework_get_indicator_position (framework, 14)] = 2;
  partial = pamong_spbe_index_compute (framework, levels, n);

  value = pamong_index_result_get_aspect (partial, aspect2);
  g_assert_true (pamong_index_value_is_complete (value));
  g_assert_cmpint (value->cents, ==, 300);

  value = pamong_index_result_get_domain (partial, domain2);
  g_assert_false (pamong_index_value_is_complete (value));
  g_assert_cmpuint (value->n_scored, ==, 4);
  g_assert_cmpuint (value->n_indicators, ==, 10);
  g_assert_cmpint (value->cents, ==, 300);

  value = pamong_index_result_get_overall (partial);
  g_assert_cmpuint (value->n_scored, ==, 4);
  g_assert_cmpint (value->cents, ==, 300);
  g_assert_cmpstr (pamong_index_result_get_predikat (partial)->name, ==, "Baik");
  g_assert_cmpuint (pamong_index_result_get_aspect (partial, 0)->n_scored, ==, 0);
  g_assert_false (pamong_index_result_is_complete (partial));

  /* Weights count: indicator 42 (3,00) at 5 and indicator 1 (1,30) at 1
   * give (5 × 300 + 1 × 130) / 430 = 3,7906… -> 3,79. */
  memset (levels, 0, sizeof (guint) * n);
  levels[pamong_framework_get_indicator_position (framework, 42)] = 5;
  levels[pamong_framework_get_indicator_position (framework, 1)] = 1;
  mixed = pamong_spbe_index_compute (framework, levels, n);
  g_assert_cmpfloat_with_epsilon (pamong_index_result_get_overall (mixed)->value, 1630.0 / 430.0, 1e-12);
  g_assert_cmpint (pamong_index_result_get_overall (mixed)->cents, ==, 379);
  g_assert_cmpuint (pamong_index_result_get_overall (mixed)->n_scored, ==, 2);
}

static void
test_invalid_level_is_refused (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(PamongFramework) framework = load_p59 ();
      guint n = pamong_framework_get_n_indicators (framework);
      g_autofree guint *levels = g_new0 (guint, n);
      PamongIndexResult *result;

      levels[5] = 6;
      result = pamong_spbe_index_compute (framework, levels, n);
      g_assert_null (result);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Indicator 6 of framework*has no level 6*");
}

/* The same code computes a second framework: 2 domains, 3 aspects,
 * 5 indicators numbered 101..202, other weights and bands. */
static void
test_small_framework (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "spbe", "small-framework.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongFramework) framework = pamong_framework_new_from_file (file, &error);
  g_autoptr(PamongIndexResult) result = NULL;
  const double domains[] = { 2.00, 2.01 };
  const double edge[] = { 2.00, 2.00 };
  PamongIndexValue value;
  guint levels[5];

  g_assert_no_error (error);
  g_assert_cmpuint (pamong_framework_get_n_indicators (framework), ==, 5);

  /* 101 (10) at 3, 102 (15) at 2, 103 (15) at 4, 201 (35,5) at 1, 202 (24,5) at 4. */
  levels[pamong_framework_get_indicator_position (framework, 101)] = 3;
  levels[pamong_framework_get_indicator_position (framework, 102)] = 2;
  levels[pamong_framework_get_indicator_position (framework, 103)] = 4;
  levels[pamong_framework_get_indicator_position (framework, 201)] = 1;
  levels[pamong_framework_get_indicator_position (framework, 202)] = 4;
  result = pamong_spbe_index_compute (framework, levels, G_N_ELEMENTS (levels));

  /* Aspect 1: (30 + 30) / 25 = 2,40; aspect 2: 4,00;
   * aspect 3: (35,5 + 98) / 60 = 2,225 exactly, which rounds up to 2,23. */
  g_assert_cmpint (pamong_index_result_get_aspect (result, 0)->cents, ==, 240);
  g_assert_cmpint (pamong_index_result_get_aspect (result, 1)->cents, ==, 400);
  g_assert_cmpfloat_with_epsilon (pamong_index_result_get_aspect (result, 2)->value, 2.225, 1e-12);
  g_assert_cmpint (pamong_index_result_get_aspect (result, 2)->cents, ==, 223);
  /* Domain 1: (2,40 × 25 + 4 × 15) / 40 = 3,00; domain 2 = aspect 3. */
  g_assert_cmpint (pamong_index_result_get_domain (result, 0)->cents, ==, 300);
  g_assert_cmpint (pamong_index_result_get_domain (result, 1)->cents, ==, 223);
  /* (120 + 133,5) / 100 = 2,535 -> 2,54, in the band "Sedang" (> 2,00). */
  g_assert_cmpfloat_with_epsilon (pamong_index_result_get_overall (result)->value, 2.535, 1e-12);
  g_assert_cmpint (pamong_index_result_get_overall (result)->cents, ==, 254);
  g_assert_cmpstr (pamong_index_result_get_predikat (result)->name, ==, "Sedang");
  g_assert_true (pamong_index_result_is_complete (result));

  /* The exclusive lower bound of "Sedang" (> 2,00). */
  g_assert_true (pamong_spbe_index_overall_from_domains (framework, edge, 2, &value));
  g_assert_cmpint (value.cents, ==, 200);
  g_assert_cmpstr (pamong_framework_get_band_for_cents (framework, value.cents)->name, ==, "Rendah");
  /* 2,00 × 40 + 2,01 × 60 = 200,6 -> 2,006 -> 2,01. */
  g_assert_true (pamong_spbe_index_overall_from_domains (framework, domains, 2, &value));
  g_assert_cmpint (value.cents, ==, 201);
  g_assert_cmpstr (pamong_spbe_index_get_predikat (framework, value.value)->name, ==, "Sedang");

  /* Level 4 exists on the extended scale only. */
  levels[pamong_framework_get_indicator_position (framework, 202)] = 0;
  g_clear_pointer (&result, pamong_index_result_unref);
  result = pamong_spbe_index_compute (framework, levels, G_N_ELEMENTS (levels));
  g_assert_cmpuint (pamong_index_result_get_overall (result)->n_scored, ==, 4);
  g_assert_false (pamong_index_result_is_complete (result));
  /* (30 + 30 + 60 + 35,5) / 75,5 = 2,0596… -> 2,06. */
  g_assert_cmpint (pamong_index_result_get_overall (result)->cents, ==, 206);

  g_clear_pointer (&result, pamong_index_result_unref);
  g_assert_finalize_object (g_steal_pointer (&framework));
}

static void
test_result_is_boxed (void)
{
  g_autoptr(PamongFramework) framework = load_p59 ();
  guint n = pamong_framework_get_n_indicators (framework);
  g_autofree guint *levels = g_new0 (guint, n);
  g_autoptr(PamongIndexResult) result = pamong_spbe_index_compute (framework, levels, n);
  PamongIndexResult *copy = g_boxed_copy (PAMONG_TYPE_INDEX_RESULT, result);

  g_assert_true (copy == result);
  g_boxed_free (PAMONG_TYPE_INDEX_RESULT, copy);
  g_assert_cmpuint (pamong_index_result_get_overall (result)->n_indicators, ==, 47);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/spbe/index/tabel-10-aspect-is-3-00", test_tabel_10);
  g_test_add_func ("/pamong/spbe/index/tabel-11-domain-is-3-40", test_tabel_11);
  g_test_add_func ("/pamong/spbe/index/tabel-12-overall-is-3-28", test_tabel_12);
  g_test_add_func ("/pamong/spbe/index/blora-2023-is-3-27-and-2024-is-3-28", test_blora_published);
  g_test_add_func ("/pamong/spbe/index/nested-formula-equals-flat-sum", test_nested_equals_flat);
  g_test_add_func ("/pamong/spbe/index/all-level-1-is-1-00-kurang", test_all_ones);
  g_test_add_func ("/pamong/spbe/index/all-level-5-is-5-00-memuaskan", test_all_fives);
  g_test_add_func ("/pamong/spbe/index/predikat-at-the-band-edges", test_predikat_edges);
  g_test_add_func ("/pamong/spbe/index/exact-3-495-rounds-to-3-50-sangat-baik", test_exact_half_rounds_up);
  g_test_add_func ("/pamong/spbe/index/unscored-indicators-give-a-provisional-index", test_unscored_is_provisional);
  g_test_add_func ("/pamong/spbe/index/level-outside-the-scale-is-refused", test_invalid_level_is_refused);
  g_test_add_func ("/pamong/spbe/index/second-framework-computes-with-the-same-code", test_small_framework);
  g_test_add_func ("/pamong/spbe/index/result-is-a-boxed-type", test_result_is_boxed);

  return g_test_run ();
}
