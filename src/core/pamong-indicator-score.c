/* pamong-indicator-score.c — the level given to one indicator in one assessment
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-core"

#include "config.h"

#include "pamong-indicator-score.h"

/**
 * PamongIndicatorScore:
 *
 * The level given to one indicator in one assessment. One record per
 * indicator, so two assessors editing different indicators never conflict.
 *
 * A record of the `indicator_scores` collection; its properties are its fields.
 */
struct _PamongIndicatorScore
{
  PamongRecord parent_instance;

  char *assessment;
  gint indicator;
  gint level;
  char *justification;
  PamongReviewStatus status;
  char *assessor;
};

G_DEFINE_FINAL_TYPE (PamongIndicatorScore, pamong_indicator_score, PAMONG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ASSESSMENT,
  PROP_INDICATOR,
  PROP_LEVEL,
  PROP_JUSTIFICATION,
  PROP_STATUS,
  PROP_ASSESSOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pamong_indicator_score_finalize (GObject *object)
{
  PamongIndicatorScore *self = PAMONG_INDICATOR_SCORE (object);

  g_clear_pointer (&self->assessment, g_free);
  g_clear_pointer (&self->justification, g_free);
  g_clear_pointer (&self->assessor, g_free);

  G_OBJECT_CLASS (pamong_indicator_score_parent_class)->finalize (object);
}

static void
pamong_indicator_score_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PamongIndicatorScore *self = PAMONG_INDICATOR_SCORE (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      g_value_set_string (value, self->assessment);
      break;
    case PROP_INDICATOR:
      g_value_set_int (value, self->indicator);
      break;
    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;
    case PROP_JUSTIFICATION:
      g_value_set_string (value, self->justification);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_ASSESSOR:
      g_value_set_string (value, self->assessor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_indicator_score_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PamongIndicatorScore *self = PAMONG_INDICATOR_SCORE (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      pamong_indicator_score_set_assessment (self, g_value_get_string (value));
      break;
    case PROP_INDICATOR:
      pamong_indicator_score_set_indicator (self, g_value_get_int (value));
      break;
    case PROP_LEVEL:
      pamong_indicator_score_set_level (self, g_value_get_int (value));
      break;
    case PROP_JUSTIFICATION:
      pamong_indicator_score_set_justification (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      pamong_indicator_score_set_status (self, g_value_get_enum (value));
      break;
    case PROP_ASSESSOR:
      pamong_indicator_score_set_assessor (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_indicator_score_class_init (PamongIndicatorScoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PamongRecordClass *record_class = PAMONG_RECORD_CLASS (klass);

  object_class->finalize = pamong_indicator_score_finalize;
  object_class->get_property = pamong_indicator_score_get_property;
  object_class->set_property = pamong_indicator_score_set_property;

  record_class->collection = "indicator_scores";

  /**
   * PamongIndicatorScore:assessment:
   *
   * The uuid of the assessment.
   */
  properties[PROP_ASSESSMENT] =
    g_param_spec_string ("assessment", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED | PAMONG_PARAM_REF);

  /**
   * PamongIndicatorScore:indicator:
   *
   * The indicator's number in the assessment's framework.
   */
  properties[PROP_INDICATOR] =
    g_param_spec_int ("indicator", NULL, NULL, 1, G_MAXINT, 1,
                      PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  /**
   * PamongIndicatorScore:level:
   *
   * The capability level, 1 to 5; 0 while not scored yet.
   */
  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, 0, 5, 0,
                      PAMONG_PARAM_DEFAULT);

  properties[PROP_JUSTIFICATION] =
    g_param_spec_string ("justification", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PAMONG_TYPE_REVIEW_STATUS, PAMONG_REVIEW_STATUS_DRAFT,
                       PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  properties[PROP_ASSESSOR] =
    g_param_spec_string ("assessor", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pamong_indicator_score_init (PamongIndicatorScore *self)
{
  self->indicator = 1;
  self->status = PAMONG_REVIEW_STATUS_DRAFT;
}

/**
 * pamong_indicator_score_new:
 *
 * Creates a record with a fresh uuid and the fields' defaults.
 *
 * Returns: (transfer full): a new #PamongIndicatorScore
 */
PamongIndicatorScore *
pamong_indicator_score_new (void)
{
  return g_object_new (PAMONG_TYPE_INDICATOR_SCORE, NULL);
}

const char *
pamong_indicator_score_get_assessment (PamongIndicatorScore *self)
{
  g_return_val_if_fail (PAMONG_IS_INDICATOR_SCORE (self), NULL);

  return self->assessment;
}

void
pamong_indicator_score_set_assessment (PamongIndicatorScore *self,
                                       const char           *assessment)
{
  g_return_if_fail (PAMONG_IS_INDICATOR_SCORE (self));

  if (pamong_set_string (&self->assessment, assessment))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}

gint
pamong_indicator_score_get_indicator (PamongIndicatorScore *self)
{
  g_return_val_if_fail (PAMONG_IS_INDICATOR_SCORE (self), 1);

  return self->indicator;
}

void
pamong_indicator_score_set_indicator (PamongIndicatorScore *self,
                                      gint                  indicator)
{
  g_return_if_fail (PAMONG_IS_INDICATOR_SCORE (self));
  g_return_if_fail (indicator >= 1);

  if (self->indicator == indicator)
    return;

  self->indicator = indicator;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDICATOR]);
}

gint
pamong_indicator_score_get_level (PamongIndicatorScore *self)
{
  g_return_val_if_fail (PAMONG_IS_INDICATOR_SCORE (self), 0);

  return self->level;
}

void
pamong_indicator_score_set_level (PamongIndicatorScore *self,
                                  gint                  level)
{
  g_return_if_fail (PAMONG_IS_INDICATOR_SCORE (self));
  g_return_if_fail (level >= 0 && level <= 5);

  if (self->level == level)
    return;

  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

const char *
pamong_indicator_score_get_justification (PamongIndicatorScore *self)
{
  g_return_val_if_fail (PAMONG_IS_INDICATOR_SCORE (self), NULL);

  return self->justification;
}

void
pamong_indicator_score_set_justification (PamongIndicatorScore *self,
                                          const char           *justification)
{
  g_return_if_fail (PAMONG_IS_INDICATOR_SCORE (self));

  if (pamong_set_string (&self->justification, justification))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JUSTIFICATION]);
}

PamongReviewStatus
pamong_indicator_score_get_status (PamongIndicatorScore *self)
{
  g_return_val_if_fail (PAMONG_IS_INDICATOR_SCORE (self), PAMONG_REVIEW_STATUS_DRAFT);

  return self->status;
}

void
pamong_indicator_score_set_status (PamongIndicatorScore *self,
                                   PamongReviewStatus    status)
{
  g_return_if_fail (PAMONG_IS_INDICATOR_SCORE (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
pamong_indicator_score_get_assessor (PamongIndicatorScore *self)
{
  g_return_val_if_fail (PAMONG_IS_INDICATOR_SCORE (self), NULL);

  return self->assessor;
}

void
pamong_indicator_score_set_assessor (PamongIndicatorScore *self,
                                     const char           *assessor)
{
  g_return_if_fail (PAMONG_IS_INDICATOR_SCORE (self));

  if (pamong_set_string (&self->assessor, assessor))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSOR]);
}
