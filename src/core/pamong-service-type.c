/* pamong-service-type.c — a public service a unit offers (permohonan or pengaduan)
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-core"

#include "config.h"

#include "pamong-service-type.h"

/**
 * PamongServiceType:
 *
 * A public service offered by a unit, with its service standard:
 * requirements, duration and cost.
 *
 * A record of the `service_types` collection; its properties are its fields.
 */
struct _PamongServiceType
{
  PamongRecord parent_instance;

  char *code;
  char *name;
  PamongServiceKind kind;
  char *unit;
  char **requirements;
  gint standard_days;
  gint64 cost;
  char *legal_basis;
  char *description;
};

G_DEFINE_FINAL_TYPE (PamongServiceType, pamong_service_type, PAMONG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_KIND,
  PROP_UNIT,
  PROP_REQUIREMENTS,
  PROP_STANDARD_DAYS,
  PROP_COST,
  PROP_LEGAL_BASIS,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pamong_service_type_finalize (GObject *object)
{
  PamongServiceType *self = PAMONG_SERVICE_TYPE (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->requirements, g_strfreev);
  g_clear_pointer (&self->legal_basis, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (pamong_service_type_parent_class)->finalize (object);
}

static void
pamong_service_type_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PamongServiceType *self = PAMONG_SERVICE_TYPE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_REQUIREMENTS:
      g_value_set_boxed (value, self->requirements);
      break;
    case PROP_STANDARD_DAYS:
      g_value_set_int (value, self->standard_days);
      break;
    case PROP_COST:
      g_value_set_int64 (value, self->cost);
      break;
    case PROP_LEGAL_BASIS:
      g_value_set_string (value, self->legal_basis);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_service_type_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PamongServiceType *self = PAMONG_SERVICE_TYPE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      pamong_service_type_set_code (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      pamong_service_type_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      pamong_service_type_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_UNIT:
      pamong_service_type_set_unit (self, g_value_get_string (value));
      break;
    case PROP_REQUIREMENTS:
      pamong_service_type_set_requirements (self, g_value_get_boxed (value));
      break;
    case PROP_STANDARD_DAYS:
      pamong_service_type_set_standard_days (self, g_value_get_int (value));
      break;
    case PROP_COST:
      pamong_service_type_set_cost (self, g_value_get_int64 (value));
      break;
    case PROP_LEGAL_BASIS:
      pamong_service_type_set_legal_basis (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      pamong_service_type_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_service_type_class_init (PamongServiceTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PamongRecordClass *record_class = PAMONG_RECORD_CLASS (klass);

  object_class->finalize = pamong_service_type_finalize;
  object_class->get_property = pamong_service_type_get_property;
  object_class->set_property = pamong_service_type_set_property;

  record_class->collection = "service_types";

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PAMONG_TYPE_SERVICE_KIND, PAMONG_SERVICE_KIND_REQUEST,
                       PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  /**
   * PamongServiceType:unit:
   *
   * The uuid of the unit that provides the service.
   */
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED | PAMONG_PARAM_REF);

  /**
   * PamongServiceType:requirements:
   *
   * The documents an applicant must bring.
   */
  properties[PROP_REQUIREMENTS] =
    g_param_spec_boxed ("requirements", NULL, NULL, G_TYPE_STRV,
                        PAMONG_PARAM_DEFAULT);

  /**
   * PamongServiceType:standard-days:
   *
   * The promised duration in working days.
   */
  properties[PROP_STANDARD_DAYS] =
    g_param_spec_int ("standard-days", NULL, NULL, 0, 3650, 0,
                      PAMONG_PARAM_DEFAULT);

  /**
   * PamongServiceType:cost:
   *
   * The fee in rupiah; 0 when the service is free.
   */
  properties[PROP_COST] =
    g_param_spec_int64 ("cost", NULL, NULL, 0, G_MAXINT64, 0,
                        PAMONG_PARAM_DEFAULT);

  properties[PROP_LEGAL_BASIS] =
    g_param_spec_string ("legal-basis", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pamong_service_type_init (PamongServiceType *self)
{
  self->kind = PAMONG_SERVICE_KIND_REQUEST;
}

/**
 * pamong_service_type_new:
 *
 * Creates a record with a fresh uuid and the fields' defaults.
 *
 * Returns: (transfer full): a new #PamongServiceType
 */
PamongServiceType *
pamong_service_type_new (void)
{
  return g_object_new (PAMONG_TYPE_SERVICE_TYPE, NULL);
}

const char *
pamong_service_type_get_code (PamongServiceType *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_TYPE (self), NULL);

  return self->code;
}

void
pamong_service_type_set_code (PamongServiceType *self,
                              const char        *code)
{
  g_return_if_fail (PAMONG_IS_SERVICE_TYPE (self));

  if (pamong_set_string (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
pamong_service_type_get_name (PamongServiceType *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_TYPE (self), NULL);

  return self->name;
}

void
pamong_service_type_set_name (PamongServiceType *self,
                              const char        *name)
{
  g_return_if_fail (PAMONG_IS_SERVICE_TYPE (self));

  if (pamong_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

PamongServiceKind
pamong_service_type_get_kind (PamongServiceType *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_TYPE (self), PAMONG_SERVICE_KIND_REQUEST);

  return self->kind;
}

void
pamong_service_type_set_kind (PamongServiceType *self,
                              PamongServiceKind  kind)
{
  g_return_if_fail (PAMONG_IS_SERVICE_TYPE (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
pamong_service_type_get_unit (PamongServiceType *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_TYPE (self), NULL);

  return self->unit;
}

void
pamong_service_type_set_unit (PamongServiceType *self,
                              const char        *unit)
{
  g_return_if_fail (PAMONG_IS_SERVICE_TYPE (self));

  if (pamong_set_string (&self->unit, unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

const char * const *
pamong_service_type_get_requirements (PamongServiceType *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_TYPE (self), NULL);

  return (const char * const *) self->requirements;
}

void
pamong_service_type_set_requirements (PamongServiceType  *self,
                                      const char * const *requirements)
{
  g_return_if_fail (PAMONG_IS_SERVICE_TYPE (self));

  if (pamong_set_strv (&self->requirements, requirements))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIREMENTS]);
}

gint
pamong_service_type_get_standard_days (PamongServiceType *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_TYPE (self), 0);

  return self->standard_days;
}

void
pamong_service_type_set_standard_days (PamongServiceType *self,
                                       gint               standard_days)
{
  g_return_if_fail (PAMONG_IS_SERVICE_TYPE (self));
  g_return_if_fail (standard_days >= 0 && standard_days <= 3650);

  if (self->standard_days == standard_days)
    return;

  self->standard_days = standard_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STANDARD_DAYS]);
}

gint64
pamong_service_type_get_cost (PamongServiceType *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_TYPE (self), 0);

  return self->cost;
}

void
pamong_service_type_set_cost (PamongServiceType *self,
                              gint64             cost)
{
  g_return_if_fail (PAMONG_IS_SERVICE_TYPE (self));
  g_return_if_fail (cost >= 0);

  if (self->cost == cost)
    return;

  self->cost = cost;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COST]);
}

const char *
pamong_service_type_get_legal_basis (PamongServiceType *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_TYPE (self), NULL);

  return self->legal_basis;
}

void
pamong_service_type_set_legal_basis (PamongServiceType *self,
                                     const char        *legal_basis)
{
  g_return_if_fail (PAMONG_IS_SERVICE_TYPE (self));

  if (pamong_set_string (&self->legal_basis, legal_basis))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEGAL_BASIS]);
}

const char *
pamong_service_type_get_description (PamongServiceType *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_TYPE (self), NULL);

  return self->description;
}

void
pamong_service_type_set_description (PamongServiceType *self,
                                     const char        *description)
{
  g_return_if_fail (PAMONG_IS_SERVICE_TYPE (self));

  if (pamong_set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}
