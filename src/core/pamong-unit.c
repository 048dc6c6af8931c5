/* pamong-unit.c — a government unit (OPD)
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-core"

#include "config.h"

#include "pamong-unit.h"

struct _PamongUnit
{
  PamongRecord parent_instance;

  char *code;
  char *name;
  char *short_name;
  PamongUnitKind kind;
};

G_DEFINE_FINAL_TYPE (PamongUnit, pamong_unit, PAMONG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pamong_unit_finalize (GObject *object)
{
  PamongUnit *self = PAMONG_UNIT (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->short_name, g_free);

  G_OBJECT_CLASS (pamong_unit_parent_class)->finalize (object);
}

static void
pamong_unit_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PamongUnit *self = PAMONG_UNIT (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_unit_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PamongUnit *self = PAMONG_UNIT (object);

  switch (prop_id)
    {
    case PROP_CODE:
      pamong_unit_set_code (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      pamong_unit_set_name (self, g_value_get_string (value));
      break;
    case PROP_SHORT_NAME:
      pamong_unit_set_short_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      pamong_unit_set_kind (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_unit_class_init (PamongUnitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PamongRecordClass *record_class = PAMONG_RECORD_CLASS (klass);

  object_class->finalize = pamong_unit_finalize;
  object_class->get_property = pamong_unit_get_property;
  object_class->set_property = pamong_unit_set_property;

  record_class->collection = "units";

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);
  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PAMONG_TYPE_UNIT_KIND, PAMONG_UNIT_KIND_AGENCY,
                       PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pamong_unit_init (PamongUnit *self)
{
  self->kind = PAMONG_UNIT_KIND_AGENCY;
}

PamongUnit *
pamong_unit_new (void)
{
  return g_object_new (PAMONG_TYPE_UNIT, NULL);
}

const char *
pamong_unit_get_code (PamongUnit *self)
{
  g_return_val_if_fail (PAMONG_IS_UNIT (self), NULL);

  return self->code;
}

void
pamong_unit_set_code (PamongUnit *self,
                      const char *code)
{
  g_return_if_fail (PAMONG_IS_UNIT (self));

  if (pamong_set_string (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
pamong_unit_get_name (PamongUnit *self)
{
  g_return_val_if_fail (PAMONG_IS_UNIT (self), NULL);

  return self->name;
}

void
pamong_unit_set_name (PamongUnit *self,
                      const char *name)
{
  g_return_if_fail (PAMONG_IS_UNIT (self));

  if (pamong_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
pamong_unit_get_short_name (PamongUnit *self)
{
  g_return_val_if_fail (PAMONG_IS_UNIT (self), NULL);

  return self->short_name;
}

void
pamong_unit_set_short_name (PamongUnit *self,
                            const char *short_name)
{
  g_return_if_fail (PAMONG_IS_UNIT (self));

  if (pamong_set_string (&self->short_name, short_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHORT_NAME]);
}

PamongUnitKind
pamong_unit_get_kind (PamongUnit *self)
{
  g_return_val_if_fail (PAMONG_IS_UNIT (self), PAMONG_UNIT_KIND_OTHER);

  return self->kind;
}

void
pamong_unit_set_kind (PamongUnit     *self,
                      PamongUnitKind  kind)
{
  g_return_if_fail (PAMONG_IS_UNIT (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}
