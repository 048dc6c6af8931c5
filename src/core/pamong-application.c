/* pamong-application.c — an application in the SE MenPANRB 18/2022 inventory
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-core"

#include "config.h"

#include "pamong-application.h"

/**
 * PamongApplication:
 *
 * An application used by the regency: the attributes of the SE MenPANRB 18/2022
 * inventory and the rationalisation plan recorded for it.
 *
 * A record of the `applications` collection; its properties are its fields.
 */
struct _PamongApplication
{
  PamongRecord parent_instance;

  char *name;
  char *description;
  char *function;
  char *reference_code;
  PamongAppCategory category;
  PamongAppBasis basis;
  char **supported_services;
  char **data_used;
  char *outputs;
  char *server;
  PamongAppLicense license;
  char *programming_language;
  char *framework;
  char *database;
  char *developer_unit;
  char *operator_unit;
  char *url;
  gint year_built;
  PamongAppStatus status;
  PamongAppPlan plan;
  char *plan_target;
  char *plan_date;
  char *plan_note;
};

G_DEFINE_FINAL_TYPE (PamongApplication, pamong_application, PAMONG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_FUNCTION,
  PROP_REFERENCE_CODE,
  PROP_CATEGORY,
  PROP_BASIS,
  PROP_SUPPORTED_SERVICES,
  PROP_DATA_USED,
  PROP_OUTPUTS,
  PROP_SERVER,
  PROP_LICENSE,
  PROP_PROGRAMMING_LANGUAGE,
  PROP_FRAMEWORK,
  PROP_DATABASE,
  PROP_DEVELOPER_UNIT,
  PROP_OPERATOR_UNIT,
  PROP_URL,
  PROP_YEAR_BUILT,
  PROP_STATUS,
  PROP_PLAN,
  PROP_PLAN_TARGET,
  PROP_PLAN_DATE,
  PROP_PLAN_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pamong_application_finalize (GObject *object)
{
  PamongApplication *self = PAMONG_APPLICATION (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->function, g_free);
  g_clear_pointer (&self->reference_code, g_free);
  g_clear_pointer (&self->supported_services, g_strfreev);
  g_clear_pointer (&self->data_used, g_strfreev);
  g_clear_pointer (&self->outputs, g_free);
  g_clear_pointer (&self->server, g_free);
  g_clear_pointer (&self->programming_language, g_free);
  g_clear_pointer (&self->framework, g_free);
  g_clear_pointer (&self->database, g_free);
  g_clear_pointer (&self->developer_unit, g_free);
  g_clear_pointer (&self->operator_unit, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->plan_target, g_free);
  g_clear_pointer (&self->plan_date, g_free);
  g_clear_pointer (&self->plan_note, g_free);

  G_OBJECT_CLASS (pamong_application_parent_class)->finalize (object);
}

static void
pamong_application_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PamongApplication *self = PAMONG_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_FUNCTION:
      g_value_set_string (value, self->function);
      break;
    case PROP_REFERENCE_CODE:
      g_value_set_string (value, self->reference_code);
      break;
    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;
    case PROP_BASIS:
      g_value_set_enum (value, self->basis);
      break;
    case PROP_SUPPORTED_SERVICES:
      g_value_set_boxed (value, self->supported_services);
      break;
    case PROP_DATA_USED:
      g_value_set_boxed (value, self->data_used);
      break;
    case PROP_OUTPUTS:
      g_value_set_string (value, self->outputs);
      break;
    case PROP_SERVER:
      g_value_set_string (value, self->server);
      break;
    case PROP_LICENSE:
      g_value_set_enum (value, self->license);
      break;
    case PROP_PROGRAMMING_LANGUAGE:
      g_value_set_string (value, self->programming_language);
      break;
    case PROP_FRAMEWORK:
      g_value_set_string (value, self->framework);
      break;
    case PROP_DATABASE:
      g_value_set_string (value, self->database);
      break;
    case PROP_DEVELOPER_UNIT:
      g_value_set_string (value, self->developer_unit);
      break;
    case PROP_OPERATOR_UNIT:
      g_value_set_string (value, self->operator_unit);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_YEAR_BUILT:
      g_value_set_int (value, self->year_built);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_PLAN:
      g_value_set_enum (value, self->plan);
      break;
    case PROP_PLAN_TARGET:
      g_value_set_string (value, self->plan_target);
      break;
    case PROP_PLAN_DATE:
      g_value_set_string (value, self->plan_date);
      break;
    case PROP_PLAN_NOTE:
      g_value_set_string (value, self->plan_note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_application_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PamongApplication *self = PAMONG_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      pamong_application_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      pamong_application_set_description (self, g_value_get_string (value));
      break;
    case PROP_FUNCTION:
      pamong_application_set_function (self, g_value_get_string (value));
      break;
    case PROP_REFERENCE_CODE:
      pamong_application_set_reference_code (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY:
      pamong_application_set_category (self, g_value_get_enum (value));
      break;
    case PROP_BASIS:
      pamong_application_set_basis (self, g_value_get_enum (value));
      break;
    case PROP_SUPPORTED_SERVICES:
      pamong_application_set_supported_services (self, g_value_get_boxed (value));
      break;
    case PROP_DATA_USED:
      pamong_application_set_data_used (self, g_value_get_boxed (value));
      break;
    case PROP_OUTPUTS:
      pamong_application_set_outputs (self, g_value_get_string (value));
      break;
    case PROP_SERVER:
      pamong_application_set_server (self, g_value_get_string (value));
      break;
    case PROP_LICENSE:
      pamong_application_set_license (self, g_value_get_enum (value));
      break;
    case PROP_PROGRAMMING_LANGUAGE:
      pamong_application_set_programming_language (self, g_value_get_string (value));
      break;
    case PROP_FRAMEWORK:
      pamong_application_set_framework (self, g_value_get_string (value));
      break;
    case PROP_DATABASE:
      pamong_application_set_database (self, g_value_get_string (value));
      break;
    case PROP_DEVELOPER_UNIT:
      pamong_application_set_developer_unit (self, g_value_get_string (value));
      break;
    case PROP_OPERATOR_UNIT:
      pamong_application_set_operator_unit (self, g_value_get_string (value));
      break;
    case PROP_URL:
      pamong_application_set_url (self, g_value_get_string (value));
      break;
    case PROP_YEAR_BUILT:
      pamong_application_set_year_built (self, g_value_get_int (value));
      break;
    case PROP_STATUS:
      pamong_application_set_status (self, g_value_get_enum (value));
      break;
    case PROP_PLAN:
      pamong_application_set_plan (self, g_value_get_enum (value));
      break;
    case PROP_PLAN_TARGET:
      pamong_application_set_plan_target (self, g_value_get_string (value));
      break;
    case PROP_PLAN_DATE:
      pamong_application_set_plan_date (self, g_value_get_string (value));
      break;
    case PROP_PLAN_NOTE:
      pamong_application_set_plan_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_application_class_init (PamongApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PamongRecordClass *record_class = PAMONG_RECORD_CLASS (klass);

  object_class->finalize = pamong_application_finalize;
  object_class->get_property = pamong_application_get_property;
  object_class->set_property = pamong_application_set_property;

  record_class->collection = "applications";

  /**
   * PamongApplication:name:
   *
   * The application's name, e.g. "SIMPEG".
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  /**
   * PamongApplication:function:
   *
   * What the application does (Fungsi Aplikasi).
   */
  properties[PROP_FUNCTION] =
    g_param_spec_string ("function", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  /**
   * PamongApplication:reference-code:
   *
   * The code in the reference architecture's service list, e.g. "01.02".
   */
  properties[PROP_REFERENCE_CODE] =
    g_param_spec_string ("reference-code", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL,
                       PAMONG_TYPE_APP_CATEGORY, PAMONG_APP_CATEGORY_KHUSUS,
                       PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  properties[PROP_BASIS] =
    g_param_spec_enum ("basis", NULL, NULL,
                       PAMONG_TYPE_APP_BASIS, PAMONG_APP_BASIS_WEB,
                       PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  /**
   * PamongApplication:supported-services:
   *
   * The public services the application supports.
   */
  properties[PROP_SUPPORTED_SERVICES] =
    g_param_spec_boxed ("supported-services", NULL, NULL, G_TYPE_STRV,
                        PAMONG_PARAM_DEFAULT);

  /**
   * PamongApplication:data-used:
   *
   * The data sets the application uses.
   */
  properties[PROP_DATA_USED] =
    g_param_spec_boxed ("data-used", NULL, NULL, G_TYPE_STRV,
                        PAMONG_PARAM_DEFAULT);

  properties[PROP_OUTPUTS] =
    g_param_spec_string ("outputs", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  /**
   * PamongApplication:server:
   *
   * Where the application runs, e.g. "Pusat Data Kabupaten".
   */
  properties[PROP_SERVER] =
    g_param_spec_string ("server", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  properties[PROP_LICENSE] =
    g_param_spec_enum ("license", NULL, NULL,
                       PAMONG_TYPE_APP_LICENSE, PAMONG_APP_LICENSE_OPEN_SOURCE,
                       PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  properties[PROP_PROGRAMMING_LANGUAGE] =
    g_param_spec_string ("programming-language", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  properties[PROP_FRAMEWORK] =
    g_param_spec_string ("framework", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  properties[PROP_DATABASE] =
    g_param_spec_string ("database", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  /**
   * PamongApplication:developer-unit:
   *
   * The uuid of the unit that built the application, if it was built in-house.
   */
  properties[PROP_DEVELOPER_UNIT] =
    g_param_spec_string ("developer-unit", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REF);

  /**
   * PamongApplication:operator-unit:
   *
   * The uuid of the unit that owns and operates the application.
   */
  properties[PROP_OPERATOR_UNIT] =
    g_param_spec_string ("operator-unit", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED | PAMONG_PARAM_REF);

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  /**
   * PamongApplication:year-built:
   *
   * The year the application was built; 0 when unknown.
   */
  properties[PROP_YEAR_BUILT] =
    g_param_spec_int ("year-built", NULL, NULL, 0, 9999, 0,
                      PAMONG_PARAM_DEFAULT);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PAMONG_TYPE_APP_STATUS, PAMONG_APP_STATUS_ACTIVE,
                       PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  properties[PROP_PLAN] =
    g_param_spec_enum ("plan", NULL, NULL,
                       PAMONG_TYPE_APP_PLAN, PAMONG_APP_PLAN_UNDECIDED,
                       PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  /**
   * PamongApplication:plan-target:
   *
   * What the application is integrated into or replaced by: the uuid of a
   * local application or the name of a national one, e.g. "SRIKANDI".
   */
  properties[PROP_PLAN_TARGET] =
    g_param_spec_string ("plan-target", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  /**
   * PamongApplication:plan-date:
   *
   * When the plan is due, "YYYY-MM-DD".
   */
  properties[PROP_PLAN_DATE] =
    g_param_spec_string ("plan-date", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_DATE);

  properties[PROP_PLAN_NOTE] =
    g_param_spec_string ("plan-note", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pamong_application_init (PamongApplication *self)
{
  self->category = PAMONG_APP_CATEGORY_KHUSUS;
  self->basis = PAMONG_APP_BASIS_WEB;
  self->license = PAMONG_APP_LICENSE_OPEN_SOURCE;
  self->status = PAMONG_APP_STATUS_ACTIVE;
  self->plan = PAMONG_APP_PLAN_UNDECIDED;
}

/**
 * pamong_application_new:
 *
 * Creates a record with a fresh uuid and the fields' defaults.
 *
 * Returns: (transfer full): a new #PamongApplication
 */
PamongApplication *
pamong_application_new (void)
{
  return g_object_new (PAMONG_TYPE_APPLICATION, NULL);
}

const char *
pamong_application_get_name (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return self->name;
}

void
pamong_application_set_name (PamongApplication *self,
                             const char        *name)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
pamong_application_get_description (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return self->description;
}

void
pamong_application_set_description (PamongApplication *self,
                                    const char        *description)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
pamong_application_get_function (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return self->function;
}

void
pamong_application_set_function (PamongApplication *self,
                                 const char        *function)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_string (&self->function, function))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FUNCTION]);
}

const char *
pamong_application_get_reference_code (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return self->reference_code;
}

void
pamong_application_set_reference_code (PamongApplication *self,
                                       const char        *reference_code)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_string (&self->reference_code, reference_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE_CODE]);
}

PamongAppCategory
pamong_application_get_category (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), PAMONG_APP_CATEGORY_KHUSUS);

  return self->category;
}

void
pamong_application_set_category (PamongApplication *self,
                                 PamongAppCategory  category)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (self->category == category)
    return;

  self->category = category;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

PamongAppBasis
pamong_application_get_basis (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), PAMONG_APP_BASIS_WEB);

  return self->basis;
}

void
pamong_application_set_basis (PamongApplication *self,
                              PamongAppBasis     basis)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (self->basis == basis)
    return;

  self->basis = basis;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASIS]);
}

const char * const *
pamong_application_get_supported_services (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return (const char * const *) self->supported_services;
}

void
pamong_application_set_supported_services (PamongApplication  *self,
                                           const char * const *supported_services)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_strv (&self->supported_services, supported_services))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPPORTED_SERVICES]);
}

const char * const *
pamong_application_get_data_used (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return (const char * const *) self->data_used;
}

void
pamong_application_set_data_used (PamongApplication  *self,
                                  const char * const *data_used)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_strv (&self->data_used, data_used))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA_USED]);
}

const char *
pamong_application_get_outputs (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return self->outputs;
}

void
pamong_application_set_outputs (PamongApplication *self,
                                const char        *outputs)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_string (&self->outputs, outputs))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTPUTS]);
}

const char *
pamong_application_get_server (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return self->server;
}

void
pamong_application_set_server (PamongApplication *self,
                               const char        *server)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_string (&self->server, server))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER]);
}

PamongAppLicense
pamong_application_get_license (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), PAMONG_APP_LICENSE_OPEN_SOURCE);

  return self->license;
}

void
pamong_application_set_license (PamongApplication *self,
                                PamongAppLicense   license)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (self->license == license)
    return;

  self->license = license;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LICENSE]);
}

const char *
pamong_application_get_programming_language (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return self->programming_language;
}

void
pamong_application_set_programming_language (PamongApplication *self,
                                             const char        *programming_language)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_string (&self->programming_language, programming_language))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMMING_LANGUAGE]);
}

const char *
pamong_application_get_framework (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return self->framework;
}

void
pamong_application_set_framework (PamongApplication *self,
                                  const char        *framework)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_string (&self->framework, framework))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAMEWORK]);
}

const char *
pamong_application_get_database (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return self->database;
}

void
pamong_application_set_database (PamongApplication *self,
                                 const char        *database)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_string (&self->database, database))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

const char *
pamong_application_get_developer_unit (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return self->developer_unit;
}

void
pamong_application_set_developer_unit (PamongApplication *self,
                                       const char        *developer_unit)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_string (&self->developer_unit, developer_unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVELOPER_UNIT]);
}

const char *
pamong_application_get_operator_unit (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return self->operator_unit;
}

void
pamong_application_set_operator_unit (PamongApplication *self,
                                      const char        *operator_unit)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_string (&self->operator_unit, operator_unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR_UNIT]);
}

const char *
pamong_application_get_url (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return self->url;
}

void
pamong_application_set_url (PamongApplication *self,
                            const char        *url)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_string (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

gint
pamong_application_get_year_built (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), 0);

  return self->year_built;
}

void
pamong_application_set_year_built (PamongApplication *self,
                                   gint               year_built)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));
  g_return_if_fail (year_built >= 0 && year_built <= 9999);

  if (self->year_built == year_built)
    return;

  self->year_built = year_built;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR_BUILT]);
}

PamongAppStatus
pamong_application_get_status (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), PAMONG_APP_STATUS_ACTIVE);

  return self->status;
}

void
pamong_application_set_status (PamongApplication *self,
                               PamongAppStatus    status)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

PamongAppPlan
pamong_application_get_plan (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), PAMONG_APP_PLAN_UNDECIDED);

  return self->plan;
}

void
pamong_application_set_plan (PamongApplication *self,
                             PamongAppPlan      plan)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (self->plan == plan)
    return;

  self->plan = plan;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

const char *
pamong_application_get_plan_target (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return self->plan_target;
}

void
pamong_application_set_plan_target (PamongApplication *self,
                                    const char        *plan_target)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_string (&self->plan_target, plan_target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_TARGET]);
}

const char *
pamong_application_get_plan_date (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return self->plan_date;
}

void
pamong_application_set_plan_date (PamongApplication *self,
                                  const char        *plan_date)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_string (&self->plan_date, plan_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_DATE]);
}

const char *
pamong_application_get_plan_note (PamongApplication *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATION (self), NULL);

  return self->plan_note;
}

void
pamong_application_set_plan_note (PamongApplication *self,
                                  const char        *plan_note)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (self));

  if (pamong_set_string (&self->plan_note, plan_note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_NOTE]);
}
