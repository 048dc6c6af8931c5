/* pamong-framework.h — an SPBE evaluation framework loaded from data
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pamong-types.h"

G_BEGIN_DECLS

/*
 * A framework is data, not code: the domains, aspects, indicators, their
 * weights, the level scales and the predikat bands all come from a JSON file
 * (src/core/data/frameworks/, format described in that folder's README).
 * Nothing in Pamong assumes 47 indicators or the P59 weights.
 *
 * The structs below are owned by the framework and live as long as it does.
 * Positions (the "index" arguments and the *_index fields) count from 0 in
 * file order; numbers are the regulation's own, as printed (indicator 1..47).
 * Weights are percentages; `weight` is for display, `weight_cents` (the
 * weight in integer hundredths, 1,30 % -> 130) is what the index calculator
 * uses so that its arithmetic is exact.
 */

/**
 * PamongFwLevel:
 * @value: the level (tingkat) and its points: tingkat n is worth n (P59 B.3)
 * @name: the level's name, e.g. "Terdefinisi" (regulation term, not translated)
 * @criteria: the level's criteria text from the regulation
 */
typedef struct
{
  guint       value;
  const char *name;
  const char *criteria;
} PamongFwLevel;

/**
 * PamongFwScale:
 * @id: the scale's id in the file, e.g. "process" or "service"
 * @name: its name, e.g. "Kapabilitas Proses"
 * @gloss: a short English gloss, e.g. "Process capability"
 * @n_levels: the number of levels
 * @levels: (array length=n_levels): the levels, lowest first
 */
typedef struct
{
  const char          *id;
  const char          *name;
  const char          *gloss;
  guint                n_levels;
  const PamongFwLevel *levels;
} PamongFwScale;

/**
 * PamongFwDomain:
 * @number: the domain's number, e.g. 2
 * @name: its name, e.g. "Tata Kelola SPBE"
 * @gloss: a short English gloss, e.g. "SPBE governance"
 * @weight: the weight in percent (display)
 * @weight_cents: the weight in hundredths of a percent
 * @first_aspect: position of its first aspect
 * @n_aspects: how many aspects follow from @first_aspect
 */
typedef struct
{
  guint       number;
  const char *name;
  const char *gloss;
  double      weight;
  guint       weight_cents;
  guint       first_aspect;
  guint       n_aspects;
} PamongFwDomain;

/**
 * PamongFwAspect:
 * @number: the aspect's number, e.g. 2
 * @name: its name, e.g. "Perencanaan Strategis SPBE"
 * @gloss: a short English gloss, e.g. "Strategic planning"
 * @weight: the weight in percent (display)
 * @weight_cents: the weight in hundredths of a percent
 * @domain_index: position of its domain
 * @first_indicator: position of its first indicator
 * @n_indicators: how many indicators follow from @first_indicator
 */
typedef struct
{
  guint       number;
  const char *name;
  const char *gloss;
  double      weight;
  guint       weight_cents;
  guint       domain_index;
  guint       first_indicator;
  guint       n_indicators;
} PamongFwAspect;

/**
 * PamongFwIndicator:
 * @number: the indicator's number, unique in the framework, e.g. 11
 * @name: its official name
 * @weight: the weight in percent (display)
 * @weight_cents: the weight in hundredths of a percent
 * @aspect_index: position of its aspect
 * @domain_index: position of its domain
 * @scale_id: the id of the level scale it is scored on
 */
typedef struct
{
  guint       number;
  const char *name;
  double      weight;
  guint       weight_cents;
  guint       aspect_index;
  guint       domain_index;
  const char *scale_id;
} PamongFwIndicator;

/**
 * PamongFwBand:
 * @name: the predikat, e.g. "Sangat Baik" (regulation term, not translated)
 * @gloss: a short English gloss, e.g. "Very good"
 * @has_min: %FALSE for the lowest band, which has no lower bound
 * @min: the lower bound (display)
 * @min_cents: the lower bound in hundredths, 350 for 3,50
 * @min_inclusive: whether an index equal to @min is in the band
 *
 * A predikat band. Bands are ordered from the highest to the lowest; an index
 * gets the first band whose lower bound it reaches.
 */
typedef struct
{
  const char *name;
  const char *gloss;
  gboolean    has_min;
  double      min;
  gint        min_cents;
  gboolean    min_inclusive;
} PamongFwBand;

#define PAMONG_FRAMEWORK_DEFAULT_ID "p59-2020"

#define PAMONG_TYPE_FRAMEWORK (pamong_framework_get_type ())
G_DECLARE_FINAL_TYPE (PamongFramework, pamong_framework, PAMONG, FRAMEWORK, GObject)

PamongFramework         *pamong_framework_load_default          (GError          **error);
PamongFramework         *pamong_framework_new_from_bytes        (GBytes           *bytes,
                                                                 GError          **error);
PamongFramework         *pamong_framework_new_from_file         (GFile            *file,
                                                                 GError          **error);

const char              *pamong_framework_get_id                (PamongFramework  *self);
const char              *pamong_framework_get_name              (PamongFramework  *self);
const char              *pamong_framework_get_regulation        (PamongFramework  *self);
guint                    pamong_framework_get_total_weight_cents (PamongFramework *self);

guint                    pamong_framework_get_n_domains         (PamongFramework  *self);
const PamongFwDomain    *pamong_framework_get_domain            (PamongFramework  *self,
                                                                 guint             index);
guint                    pamong_framework_get_n_aspects         (PamongFramework  *self);
const PamongFwAspect    *pamong_framework_get_aspect            (PamongFramework  *self,
                                                                 guint             index);
guint                    pamong_framework_get_n_indicators      (PamongFramework  *self);
const PamongFwIndicator *pamong_framework_get_indicator         (PamongFramework  *self,
                                                                 guint             index);
const PamongFwIndicator *pamong_framework_lookup_indicator      (PamongFramework  *self,
                                                                 guint             number);
gint                     pamong_framework_get_indicator_position (PamongFramework *self,
                                                                 guint             number);

guint                    pamong_framework_get_n_scales          (PamongFramework  *self);
const PamongFwScale     *pamong_framework_get_scale             (PamongFramework  *self,
                                                                 guint             index);
const PamongFwScale     *pamong_framework_lookup_scale          (PamongFramework  *self,
                                                                 const char       *scale_id);
const PamongFwScale     *pamong_framework_get_indicator_scale   (PamongFramework  *self,
                                                                 const PamongFwIndicator *indicator);
const PamongFwLevel     *pamong_framework_get_indicator_level   (PamongFramework  *self,
                                                                 const PamongFwIndicator *indicator,
                                                                 guint             level);

guint                    pamong_framework_get_n_bands           (PamongFramework  *self);
const PamongFwBand      *pamong_framework_get_band              (PamongFramework  *self,
                                                                 guint             index);
const PamongFwBand      *pamong_framework_get_band_for_cents    (PamongFramework  *self,
                                                                 gint              cents);

G_END_DECLS
