/* pamong-assessment.c — one SPBE self-assessment (one per year and framework)
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-core"

#include "config.h"

#include "pamong-assessment.h"

/**
 * PamongAssessment:
 *
 * One SPBE self-assessment of the regency: a year evaluated against a
 * framework. Its indicator scores are #PamongIndicatorScore records.
 *
 * A record of the `assessments` collection; its properties are its fields.
 */
struct _PamongAssessment
{
  PamongRecord parent_instance;

  gint year;
  char *framework;
  char *title;
  PamongReviewStatus status;
  gdouble target_index;
};

G_DEFINE_FINAL_TYPE (PamongAssessment, pamong_assessment, PAMONG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_YEAR,
  PROP_FRAMEWORK,
  PROP_TITLE,
  PROP_STATUS,
  PROP_TARGET_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pamong_assessment_finalize (GObject *object)
{
  PamongAssessment *self = PAMONG_ASSESSMENT (object);

  g_clear_pointer (&self->framework, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (pamong_assessment_parent_class)->finalize (object);
}

static void
pamong_assessment_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PamongAssessment *self = PAMONG_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_FRAMEWORK:
      g_value_set_string (value, self->framework);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_TARGET_INDEX:
      g_value_set_double (value, self->target_index);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_assessment_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PamongAssessment *self = PAMONG_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      pamong_assessment_set_year (self, g_value_get_int (value));
      break;
    case PROP_FRAMEWORK:
      pamong_assessment_set_framework (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      pamong_assessment_set_title (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      pamong_assessment_set_status (self, g_value_get_enum (value));
      break;
    case PROP_TARGET_INDEX:
      pamong_assessment_set_target_index (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_assessment_class_init (PamongAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PamongRecordClass *record_class = PAMONG_RECORD_CLASS (klass);

  object_class->finalize = pamong_assessment_finalize;
  object_class->get_property = pamong_assessment_get_property;
  object_class->set_property = pamong_assessment_set_property;

  record_class->collection = "assessments";

  /**
   * PamongAssessment:year:
   *
   * The year being evaluated.
   */
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                      PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  /**
   * PamongAssessment:framework:
   *
   * The framework's id, e.g. "p59-2020".
   */
  properties[PROP_FRAMEWORK] =
    g_param_spec_string ("framework", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PAMONG_TYPE_REVIEW_STATUS, PAMONG_REVIEW_STATUS_DRAFT,
                       PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  /**
   * PamongAssessment:target-index:
   *
   * The index the regency aims for; 0 when none is set.
   */
  properties[PROP_TARGET_INDEX] =
    g_param_spec_double ("target-index", NULL, NULL, 0.0, 5.0, 0.0,
                         PAMONG_PARAM_DEFAULT);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pamong_assessment_init (PamongAssessment *self)
{
  self->status = PAMONG_REVIEW_STATUS_DRAFT;
}

/**
 * pamong_assessment_new:
 *
 * Creates a record with a fresh uuid and the fields' defaults.
 *
 * Returns: (transfer full): a new #PamongAssessment
 */
PamongAssessment *
pamong_assessment_new (void)
{
  return g_object_new (PAMONG_TYPE_ASSESSMENT, NULL);
}

gint
pamong_assessment_get_year (PamongAssessment *self)
{
  g_return_val_if_fail (PAMONG_IS_ASSESSMENT (self), 0);

  return self->year;
}

void
pamong_assessment_set_year (PamongAssessment *self,
                            gint              year)
{
  g_return_if_fail (PAMONG_IS_ASSESSMENT (self));
  g_return_if_fail (year >= 0 && year <= 9999);

  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

const char *
pamong_assessment_get_framework (PamongAssessment *self)
{
  g_return_val_if_fail (PAMONG_IS_ASSESSMENT (self), NULL);

  return self->framework;
}

void
pamong_assessment_set_framework (PamongAssessment *self,
                                 const char       *framework)
{
  g_return_if_fail (PAMONG_IS_ASSESSMENT (self));

  if (pamong_set_string (&self->framework, framework))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAMEWORK]);
}

const char *
pamong_assessment_get_title (PamongAssessment *self)
{
  g_return_val_if_fail (PAMONG_IS_ASSESSMENT (self), NULL);

  return self->title;
}

void
pamong_assessment_set_title (PamongAssessment *self,
                             const char       *title)
{
  g_return_if_fail (PAMONG_IS_ASSESSMENT (self));

  if (pamong_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

PamongReviewStatus
pamong_assessment_get_status (PamongAssessment *self)
{
  g_return_val_if_fail (PAMONG_IS_ASSESSMENT (self), PAMONG_REVIEW_STATUS_DRAFT);

  return self->status;
}

void
pamong_assessment_set_status (PamongAssessment   *self,
                              PamongReviewStatus  status)
{
  g_return_if_fail (PAMONG_IS_ASSESSMENT (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gdouble
pamong_assessment_get_target_index (PamongAssessment *self)
{
  g_return_val_if_fail (PAMONG_IS_ASSESSMENT (self), 0.0);

  return self->target_index;
}

void
pamong_assessment_set_target_index (PamongAssessment *self,
                                    gdouble           target_index)
{
  g_return_if_fail (PAMONG_IS_ASSESSMENT (self));
  g_return_if_fail (target_index >= 0.0 && target_index <= 5.0);

  if (self->target_index == target_index)
    return;

  self->target_index = target_index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_INDEX]);
}
