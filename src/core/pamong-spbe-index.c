/* pamong-spbe-index.c — the SPBE index per PermenPANRB 59/2020
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-spbe"

#include "config.h"

#include <math.h>

#include "pamong-format.h"
#include "pamong-spbe-index.h"

/* Given indices are read as decimals with this many places. */
#define GIVEN_DECIMALS 6
#define GIVEN_SCALE G_GINT64_CONSTANT (1000000)

/* An index as an exact fraction num / den; den == 0 means "nothing scored". */
typedef struct
{
  gint64 num;
  gint64 den;
} Fraction;

struct _PamongIndexResult
{
  gatomicrefcount ref_count;

  PamongFramework *framework;
  PamongIndexValue overall;
  PamongIndexValue *domains;
  PamongIndexValue *aspects;
  const PamongFwBand *predikat;
};

G_DEFINE_BOXED_TYPE (PamongIndexResult, pamong_index_result,
                     pamong_index_result_ref, pamong_index_result_unref)

static void
fraction_to_value (Fraction          fraction,
                   PamongIndexValue *value)
{
  g_assert (fraction.num >= 0);

  if (fraction.den == 0)
    {
      value->value = 0.0;
      value->cents = 0;
      return;
    }

  value->value = (double) fraction.num / (double) fraction.den;
  /* Half up in integers: floor ((100 num + den / 2) / den), written so that
   * an odd den is exact. */
  value->cents = (gint) ((fraction.num * 200 + fraction.den) / (fraction.den * 2));
}

/**
 * pamong_index_value_is_complete:
 * @value: an index value
 *
 * Returns: %TRUE when every indicator of the part is scored, so @value is the
 *   regulation's index rather than a provisional one
 */
gboolean
pamong_index_value_is_complete (const PamongIndexValue *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  return value->n_indicators > 0 && value->n_scored == value->n_indicators;
}

/* Adds an indicator's NI × BI to @fraction; FALSE for a level the
 * indicator's scale does not have. */
static gboolean
add_level (PamongFramework         *framework,
           const PamongFwIndicator *indicator,
           guint                    level,
           Fraction                *fraction,
           guint                   *n_scored)
{
  const PamongFwLevel *fw_level;

  if (level == 0)
    return TRUE;

  fw_level = pamong_framework_get_indicator_level (framework, indicator, level);
  if (fw_level == NULL)
    {
      g_critical ("Indicator %u of framework “%s” has no level %u",
                  indicator->number, pamong_framework_get_id (framework), level);
      return FALSE;
    }

  fraction->num += (gint64) fw_level->value * indicator->weight_cents;
  fraction->den += indicator->weight_cents;
  *n_scored += 1;
  return TRUE;
}

/**
 * pamong_spbe_index_compute:
 * @framework: a #PamongFramework
 * @levels: (array length=n_levels): the level of every indicator, by
 *   position (see pamong_framework_get_indicator_position()); 0 for an
 *   indicator not scored yet
 * @n_levels: the number of indicators of @framework
 *
 * Computes every aspect index, every domain index, the overall index and its
 * predikat. With unscored indicators the figures are provisional (see the
 * top of this header): check pamong_index_result_is_complete().
 *
 * Every non-zero level must be a level of its indicator's scale; anything
 * else is a programmer error and gives %NULL.
 *
 * Returns: (transfer full) (nullable): the result
 */
PamongIndexResult *
pamong_spbe_index_compute (PamongFramework *framework,
                           const guint     *levels,
                           guint            n_levels)
{
  g_autoptr(PamongIndexResult) result = NULL;
  g_autofree Fraction *aspects = NULL;
  g_autofree Fraction *domains = NULL;
  Fraction overall = { 0, 0 };
  guint n_domains;
  guint n_aspects;

  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (levels != NULL || n_levels == 0, NULL);
  g_return_val_if_fail (n_levels == pamong_framework_get_n_indicators (framework), NULL);

  n_domains = pamong_framework_get_n_domains (framework);
  n_aspects = pamong_framework_get_n_aspects (framework);

  result = g_new0 (PamongIndexResult, 1);
  g_atomic_ref_count_init (&result->ref_count);
  result->framework = g_object_ref (framework);
  result->domains = g_new0 (PamongIndexValue, n_domains);
  result->aspects = g_new0 (PamongIndexValue, n_aspects);

  aspects = g_new0 (Fraction, n_aspects);
  domains = g_new0 (Fraction, n_domains);

  for (guint i = 0; i < n_levels; i++)
    {
      const PamongFwIndicator *indicator = pamong_framework_get_indicator (framework, i);
      PamongIndexValue *aspect = &result->aspects[indicator->aspect_index];

      aspect->n_indicators++;
      if (!add_level (framework, indicator, levels[i],
                      &aspects[indicator->aspect_index], &aspect->n_scored))
        return NULL;
    }

  /* IndeksDomain = Σ (NA × BA) / BD: NA × BA is the aspect's Σ (NI × BI)
   * exactly, so the sums carry on in integers. */
  for (guint a = 0; a < n_aspects; a++)
    {
      const PamongFwAspect *fw_aspect = pamong_framework_get_aspect (framework, a);
      PamongIndexValue *domain = &result->domains[fw_aspect->domain_index];

      fraction_to_value (aspects[a], &result->aspects[a]);
      domains[fw_aspect->domain_index].num += aspects[a].num;
      domains[fw_aspect->domain_index].den += aspects[a].den;
      domain->n_indicators += result->aspects[a].n_indicators;
      domain->n_scored += result->aspects[a].n_scored;
    }

  /* IndeksSPBE = Σ (ND × BD) / 100, likewise. */
  for (guint d = 0; d < n_domains; d++)
    {
      fraction_to_value (domains[d], &result->domains[d]);
      overall.num += domains[d].num;
      overall.den += domains[d].den;
      result->overall.n_indicators += result->domains[d].n_indicators;
      result->overall.n_scored += result->domains[d].n_scored;
    }

  fraction_to_value (overall, &result->overall);
  if (result->overall.n_scored > 0)
    result->predikat = pamong_framework_get_band_for_cents (framework, result->overall.cents);

  return g_steal_pointer (&result);
}

/**
 * pamong_index_result_ref:
 * @result: a #PamongIndexResult
 *
 * Returns: (transfer full): @result
 */
PamongIndexResult *
pamong_index_result_ref (PamongIndexResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  g_atomic_ref_count_inc (&result->ref_count);
  return result;
}

/**
 * pamong_index_result_unref:
 * @result: (transfer full): a #PamongIndexResult
 *
 * Drops a reference; the last one frees @result.
 */
void
pamong_index_result_unref (PamongIndexResult *result)
{
  g_return_if_fail (result != NULL);

  if (!g_atomic_ref_count_dec (&result->ref_count))
    return;

  g_clear_object (&result->framework);
  g_free (result->domains);
  g_free (result->aspects);
  g_free (result);
}

/**
 * pamong_index_result_get_framework:
 * @result: a #PamongIndexResult
 *
 * Returns: (transfer none): the framework the result was computed with
 */
PamongFramework *
pamong_index_result_get_framework (PamongIndexResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->framework;
}

/**
 * pamong_index_result_get_overall:
 * @result: a #PamongIndexResult
 *
 * Returns: (transfer none): the overall SPBE index
 */
const PamongIndexValue *
pamong_index_result_get_overall (PamongIndexResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return &result->overall;
}

/**
 * pamong_index_result_get_domain:
 * @result: a #PamongIndexResult
 * @domain_index: a domain's position in the framework
 *
 * Returns: (transfer none): the domain's index
 */
const PamongIndexValue *
pamong_index_result_get_domain (PamongIndexResult *result,
                                guint              domain_index)
{
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (domain_index < pamong_framework_get_n_domains (result->framework), NULL);

  return &result->domains[domain_index];
}

/**
 * pamong_index_result_get_aspect:
 * @result: a #PamongIndexResult
 * @aspect_index: an aspect's position in the framework
 *
 * Returns: (transfer none): the aspect's index
 */
const PamongIndexValue *
pamong_index_result_get_aspect (PamongIndexResult *result,
                                guint              aspect_index)
{
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (aspect_index < pamong_framework_get_n_aspects (result->framework), NULL);

  return &result->aspects[aspect_index];
}

/**
 * pamong_index_result_get_predikat:
 * @result: a #PamongIndexResult
 *
 * The predikat of the overall index rounded to two decimals (provisional
 * when the result is not complete).
 *
 * Returns: (transfer none) (nullable): the band, or %NULL when nothing is
 *   scored
 */
const PamongFwBand *
pamong_index_result_get_predikat (PamongIndexResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->predikat;
}

/**
 * pamong_index_result_is_complete:
 * @result: a #PamongIndexResult
 *
 * Returns: %TRUE when every indicator is scored, so the figures are the
 *   regulation's and not provisional
 */
gboolean
pamong_index_result_is_complete (PamongIndexResult *result)
{
  g_return_val_if_fail (result != NULL, FALSE);

  return pamong_index_value_is_complete (&result->overall);
}

/**
 * pamong_spbe_index_aspect_from_levels:
 * @framework: a #PamongFramework
 * @aspect_index: the aspect's position
 * @levels: (array length=n_levels): the levels of the aspect's indicators in
 *   framework order, 0 for not scored
 * @n_levels: the aspect's number of indicators
 * @out_value: (out caller-allocates): the aspect index
 *
 * IndeksAspek = Σ (NI × BI) / BA, as in P59 Tabel 10.
 *
 * Returns: %TRUE; %FALSE (with a critical warning) if the input does not fit
 *   the aspect
 */
gboolean
pamong_spbe_index_aspect_from_levels (PamongFramework  *framework,
                                      guint             aspect_index,
                                      const guint      *levels,
                                      guint             n_levels,
                                      PamongIndexValue *out_value)
{
  const PamongFwAspect *aspect;
  Fraction fraction = { 0, 0 };
  PamongIndexValue value = { 0 };

  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (aspect_index < pamong_framework_get_n_aspects (framework), FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  aspect = pamong_framework_get_aspect (framework, aspect_index);
  g_return_val_if_fail (n_levels == aspect->n_indicators, FALSE);
  g_return_val_if_fail (levels != NULL, FALSE);

  for (guint i = 0; i < n_levels; i++)
    {
      const PamongFwIndicator *indicator =
        pamong_framework_get_indicator (framework, aspect->first_indicator + i);

      if (!add_level (framework, indicator, levels[i], &fraction, &value.n_scored))
        return FALSE;
    }

  value.n_indicators = n_levels;
  fraction_to_value (fraction, &value);
  *out_value = value;
  return TRUE;
}

/* A given index as an integer number of millionths. */
static gboolean
given_to_micro (double  index,
                gint64 *out_micro)
{
  if (!isfinite (index) || index < 0.0 || index > 1e6)
    {
      g_critical ("An index must be a number from 0, not %g", index);
      return FALSE;
    }

  *out_micro = pamong_format_round (index, GIVEN_DECIMALS);
  return TRUE;
}

/**
 * pamong_spbe_index_domain_from_aspects:
 * @framework: a #PamongFramework
 * @domain_index: the domain's position
 * @aspect_indices: (array length=n_aspect_indices): the indices of the
 *   domain's aspects in framework order
 * @n_aspect_indices: the domain's number of aspects
 * @out_value: (out caller-allocates): the domain index
 *
 * IndeksDomain = Σ (NA × BA) / BD, as in P59 Tabel 11. The aspect indices
 * are taken as complete; @out_value counts all the domain's indicators as
 * scored.
 *
 * Returns: %TRUE; %FALSE (with a critical warning) if the input does not fit
 *   the domain
 */
gboolean
pamong_spbe_index_domain_from_aspects (PamongFramework  *framework,
                                       guint             domain_index,
                                       const double     *aspect_indices,
                                       guint             n_aspect_indices,
                                       PamongIndexValue *out_value)
{
  const PamongFwDomain *domain;
  Fraction fraction = { 0, 0 };
  PamongIndexValue value = { 0 };

  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (domain_index < pamong_framework_get_n_domains (framework), FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  domain = pamong_framework_get_domain (framework, domain_index);
  g_return_val_if_fail (n_aspect_indices == domain->n_aspects, FALSE);
  g_return_val_if_fail (aspect_indices != NULL, FALSE);

  for (guint i = 0; i < n_aspect_indices; i++)
    {
      const PamongFwAspect *aspect =
        pamong_framework_get_aspect (framework, domain->first_aspect + i);
      gint64 micro;

      if (!given_to_micro (aspect_indices[i], &micro))
        return FALSE;

      fraction.num += micro * aspect->weight_cents;
      value.n_indicators += aspect->n_indicators;
    }

  fraction.den = (gint64) domain->weight_cents * GIVEN_SCALE;
  value.n_scored = value.n_indicators;
  fraction_to_value (fraction, &value);
  *out_value = value;
  return TRUE;
}

/**
 * pamong_spbe_index_overall_from_domains:
 * @framework: a #PamongFramework
 * @domain_indices: (array length=n_domain_indices): the indices of all
 *   domains in framework order, e.g. as published for a regency
 * @n_domain_indices: the framework's number of domains
 * @out_value: (out caller-allocates): the overall index
 *
 * IndeksSPBE = Σ (ND × BD) / 100, as in P59 Tabel 12.
 *
 * Returns: %TRUE; %FALSE (with a critical warning) if the input does not fit
 *   the framework
 */
gboolean
pamong_spbe_index_overall_from_domains (PamongFramework  *framework,
                                        const double     *domain_indices,
                                        guint             n_domain_indices,
                                        PamongIndexValue *out_value)
{
  Fraction fraction = { 0, 0 };
  PamongIndexValue value = { 0 };

  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);
  g_return_val_if_fail (n_domain_indices == pamong_framework_get_n_domains (framework), FALSE);
  g_return_val_if_fail (domain_indices != NULL, FALSE);

  for (guint i = 0; i < n_domain_indices; i++)
    {
      const PamongFwDomain *domain = pamong_framework_get_domain (framework, i);
      gint64 micro;

      if (!given_to_micro (domain_indices[i], &micro))
        return FALSE;

      fraction.num += micro * domain->weight_cents;
    }

  fraction.den = (gint64) pamong_framework_get_total_weight_cents (framework) * GIVEN_SCALE;
  value.n_indicators = pamong_framework_get_n_indicators (framework);
  value.n_scored = value.n_indicators;
  fraction_to_value (fraction, &value);
  *out_value = value;
  return TRUE;
}

/**
 * pamong_spbe_index_get_predikat:
 * @framework: a #PamongFramework
 * @index: an index, e.g. 3.27
 *
 * The predikat of @index, decided on @index rounded half up to two decimals:
 * the regulation publishes indices with two decimals and its bands (Tabel
 * 13) are read against the published figure, so 3.4950 is published as 3,50
 * and is "Sangat Baik" although it is below 3,5. Rounding is on the decimal
 * @index stands for (see pamong_format_round()).
 *
 * Returns: (transfer none) (nullable): the band, or %NULL when @index is
 *   below every band
 */
const PamongFwBand *
pamong_spbe_index_get_predikat (PamongFramework *framework,
                                double           index)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (isfinite (index) && fabs (index) < 1e6, NULL);

  return pamong_framework_get_band_for_cents (framework, (gint) pamong_format_round (index, 2));
}
