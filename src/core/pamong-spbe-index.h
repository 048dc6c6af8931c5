/* pamong-spbe-index.h — the SPBE index per PermenPANRB 59/2020
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pamong-framework.h"

G_BEGIN_DECLS

/*
 * The regulation's formulas (P59 Lampiran I B.4):
 *
 *   IndeksAspek  = Σ (NI × BI) / BA
 *   IndeksDomain = Σ (NA × BA) / BD
 *   IndeksSPBE   = Σ (ND × BD) / total weight (100)
 *
 * The calculator works on weights in integer hundredths and integer sums, so
 * every index is an exact fraction; it is rounded (half up) to two decimals
 * only for display and for the predikat. Because NA × BA is exactly the
 * aspect's Σ (NI × BI), the nested form and the flat form
 * Σ over indicators (NI × BI) / total give the same fraction.
 *
 * Unscored indicators (level 0): an assessment in progress still gets an
 * index, computed over the scored indicators only, as a *provisional*
 * figure: in every part (aspect, domain, overall) the weights of the
 * unscored indicators are left out of both the sum and the divisor, i.e. the
 * index is the weighted mean of the levels scored so far. Each
 * #PamongIndexValue says how many of its indicators are scored; only a
 * complete value (n_scored == n_indicators) is the regulation's index.
 * A part with nothing scored has no index (n_scored == 0, value 0).
 *
 * The predikat is decided on the index rounded half up to two decimals, not
 * on the exact fraction: the regulation and KemenPANRB publish indices with
 * two decimals and read the predikat off that published figure, so an exact
 * 3,4950 is published as 3,50 and is "Sangat Baik".
 */

/**
 * PamongIndexValue:
 * @value: the exact index as a double (the fraction's nearest double);
 *   0 when nothing is scored
 * @cents: the index rounded half up to two decimals, in hundredths
 *   (327 for 3,27); the figure to show and to take the predikat from
 * @n_scored: how many of the part's indicators have a level
 * @n_indicators: how many indicators the part has
 *
 * One index: of an aspect, of a domain or the overall SPBE index.
 */
typedef struct
{
  double value;
  gint   cents;
  guint  n_scored;
  guint  n_indicators;
} PamongIndexValue;

gboolean                pamong_index_value_is_complete          (const PamongIndexValue *value);

typedef struct _PamongIndexResult PamongIndexResult;

#define PAMONG_TYPE_INDEX_RESULT (pamong_index_result_get_type ())
GType                   pamong_index_result_get_type            (void) G_GNUC_CONST;

PamongIndexResult      *pamong_spbe_index_compute               (PamongFramework        *framework,
                                                                 const guint            *levels,
                                                                 guint                   n_levels);

PamongIndexResult      *pamong_index_result_ref                 (PamongIndexResult      *result);
void                    pamong_index_result_unref               (PamongIndexResult      *result);
PamongFramework        *pamong_index_result_get_framework       (PamongIndexResult      *result);
const PamongIndexValue *pamong_index_result_get_overall         (PamongIndexResult      *result);
const PamongIndexValue *pamong_index_result_get_domain          (PamongIndexResult      *result,
                                                                 guint                   domain_index);
const PamongIndexValue *pamong_index_result_get_aspect          (PamongIndexResult      *result,
                                                                 guint                   aspect_index);
const PamongFwBand     *pamong_index_result_get_predikat        (PamongIndexResult      *result);
gboolean                pamong_index_result_is_complete         (PamongIndexResult      *result);

/* The regulation's worked examples and published figures start from
 * intermediate results; these compute one step of the formula. Given
 * indices are taken as decimals of at most six places (3,60 is exactly
 * 3,60, not the double nearest to it). */
gboolean                pamong_spbe_index_aspect_from_levels    (PamongFramework        *framework,
                                                                 guint                   aspect_index,
                                                                 const guint            *levels,
                                                                 guint                   n_levels,
                                                                 PamongIndexValue       *out_value);
gboolean                pamong_spbe_index_domain_from_aspects   (PamongFramework        *framework,
                                                                 guint                   domain_index,
                                                                 const double           *aspect_indices,
                                                                 guint                   n_aspect_indices,
                                                                 PamongIndexValue       *out_value);
gboolean                pamong_spbe_index_overall_from_domains  (PamongFramework        *framework,
                                                                 const double           *domain_indices,
                                                                 guint                   n_domain_indices,
                                                                 PamongIndexValue       *out_value);

const PamongFwBand     *pamong_spbe_index_get_predikat          (PamongFramework        *framework,
                                                                 double                  index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PamongIndexResult, pamong_index_result_unref)

G_END_DECLS
