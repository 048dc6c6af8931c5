/* pamong-service-request.c — a citizen's request or complaint and its progress
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-core"

#include "config.h"

#include "pamong-service-request.h"

/**
 * PamongServiceRequest:
 *
 * A citizen's request for a service, or a complaint, as it moves from
 * submitted to completed or rejected. Its history is #PamongRequestEvent records.
 *
 * A record of the `service_requests` collection; its properties are its fields.
 */
struct _PamongServiceRequest
{
  PamongRecord parent_instance;

  char *tracking_number;
  char *service_type;
  char *applicant_name;
  char *applicant_nik;
  char *applicant_phone;
  char *address;
  char *kecamatan_code;
  char *desa_code;
  char *description;
  PamongRequestStatus status;
  char *unit;
  GDateTime *submitted_at;
  char *due_date;
  GDateTime *completed_at;
  char *reject_reason;
  gboolean has_location;
  gdouble latitude;
  gdouble longitude;
};

G_DEFINE_FINAL_TYPE (PamongServiceRequest, pamong_service_request, PAMONG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TRACKING_NUMBER,
  PROP_SERVICE_TYPE,
  PROP_APPLICANT_NAME,
  PROP_APPLICANT_NIK,
  PROP_APPLICANT_PHONE,
  PROP_ADDRESS,
  PROP_KECAMATAN_CODE,
  PROP_DESA_CODE,
  PROP_DESCRIPTION,
  PROP_STATUS,
  PROP_UNIT,
  PROP_SUBMITTED_AT,
  PROP_DUE_DATE,
  PROP_COMPLETED_AT,
  PROP_REJECT_REASON,
  PROP_HAS_LOCATION,
  PROP_LATITUDE,
  PROP_LONGITUDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_timestamp (GDateTime **slot,
               GDateTime  *value)
{
  if (*slot == value || (*slot != NULL && value != NULL && g_date_time_equal (*slot, value)))
    return FALSE;

  g_clear_pointer (slot, g_date_time_unref);
  if (value != NULL)
    *slot = g_date_time_ref (value);
  return TRUE;
}

static void
pamong_service_request_finalize (GObject *object)
{
  PamongServiceRequest *self = PAMONG_SERVICE_REQUEST (object);

  g_clear_pointer (&self->tracking_number, g_free);
  g_clear_pointer (&self->service_type, g_free);
  g_clear_pointer (&self->applicant_name, g_free);
  g_clear_pointer (&self->applicant_nik, g_free);
  g_clear_pointer (&self->applicant_phone, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->kecamatan_code, g_free);
  g_clear_pointer (&self->desa_code, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->submitted_at, g_date_time_unref);
  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->completed_at, g_date_time_unref);
  g_clear_pointer (&self->reject_reason, g_free);

  G_OBJECT_CLASS (pamong_service_request_parent_class)->finalize (object);
}

static void
pamong_service_request_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PamongServiceRequest *self = PAMONG_SERVICE_REQUEST (object);

  switch (prop_id)
    {
    case PROP_TRACKING_NUMBER:
      g_value_set_string (value, self->tracking_number);
      break;
    case PROP_SERVICE_TYPE:
      g_value_set_string (value, self->service_type);
      break;
    case PROP_APPLICANT_NAME:
      g_value_set_string (value, self->applicant_name);
      break;
    case PROP_APPLICANT_NIK:
      g_value_set_string (value, self->applicant_nik);
      break;
    case PROP_APPLICANT_PHONE:
      g_value_set_string (value, self->applicant_phone);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_KECAMATAN_CODE:
      g_value_set_string (value, self->kecamatan_code);
      break;
    case PROP_DESA_CODE:
      g_value_set_string (value, self->desa_code);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_SUBMITTED_AT:
      g_value_set_boxed (value, self->submitted_at);
      break;
    case PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;
    case PROP_COMPLETED_AT:
      g_value_set_boxed (value, self->completed_at);
      break;
    case PROP_REJECT_REASON:
      g_value_set_string (value, self->reject_reason);
      break;
    case PROP_HAS_LOCATION:
      g_value_set_boolean (value, self->has_location);
      break;
    case PROP_LATITUDE:
      g_value_set_double (value, self->latitude);
      break;
    case PROP_LONGITUDE:
      g_value_set_double (value, self->longitude);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_service_request_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PamongServiceRequest *self = PAMONG_SERVICE_REQUEST (object);

  switch (prop_id)
    {
    case PROP_TRACKING_NUMBER:
      pamong_service_request_set_tracking_number (self, g_value_get_string (value));
      break;
    case PROP_SERVICE_TYPE:
      pamong_service_request_set_service_type (self, g_value_get_string (value));
      break;
    case PROP_APPLICANT_NAME:
      pamong_service_request_set_applicant_name (self, g_value_get_string (value));
      break;
    case PROP_APPLICANT_NIK:
      pamong_service_request_set_applicant_nik (self, g_value_get_string (value));
      break;
    case PROP_APPLICANT_PHONE:
      pamong_service_request_set_applicant_phone (self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      pamong_service_request_set_address (self, g_value_get_string (value));
      break;
    case PROP_KECAMATAN_CODE:
      pamong_service_request_set_kecamatan_code (self, g_value_get_string (value));
      break;
    case PROP_DESA_CODE:
      pamong_service_request_set_desa_code (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      pamong_service_request_set_description (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      pamong_service_request_set_status (self, g_value_get_enum (value));
      break;
    case PROP_UNIT:
      pamong_service_request_set_unit (self, g_value_get_string (value));
      break;
    case PROP_SUBMITTED_AT:
      pamong_service_request_set_submitted_at (self, g_value_get_boxed (value));
      break;
    case PROP_DUE_DATE:
      pamong_service_request_set_due_date (self, g_value_get_string (value));
      break;
    case PROP_COMPLETED_AT:
      pamong_service_request_set_completed_at (self, g_value_get_boxed (value));
      break;
    case PROP_REJECT_REASON:
      pamong_service_request_set_reject_reason (self, g_value_get_string (value));
      break;
    case PROP_HAS_LOCATION:
      pamong_service_request_set_has_location (self, g_value_get_boolean (value));
      break;
    case PROP_LATITUDE:
      pamong_service_request_set_latitude (self, g_value_get_double (value));
      break;
    case PROP_LONGITUDE:
      pamong_service_request_set_longitude (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_service_request_class_init (PamongServiceRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PamongRecordClass *record_class = PAMONG_RECORD_CLASS (klass);

  object_class->finalize = pamong_service_request_finalize;
  object_class->get_property = pamong_service_request_get_property;
  object_class->set_property = pamong_service_request_set_property;

  record_class->collection = "service_requests";

  /**
   * PamongServiceRequest:tracking-number:
   *
   * The number the applicant uses to follow the request.
   */
  properties[PROP_TRACKING_NUMBER] =
    g_param_spec_string ("tracking-number", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  /**
   * PamongServiceRequest:service-type:
   *
   * The uuid of the service type.
   */
  properties[PROP_SERVICE_TYPE] =
    g_param_spec_string ("service-type", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED | PAMONG_PARAM_REF);

  properties[PROP_APPLICANT_NAME] =
    g_param_spec_string ("applicant-name", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  /**
   * PamongServiceRequest:applicant-nik:
   *
   * The applicant's 16-digit NIK.
   */
  properties[PROP_APPLICANT_NIK] =
    g_param_spec_string ("applicant-nik", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  properties[PROP_APPLICANT_PHONE] =
    g_param_spec_string ("applicant-phone", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  /**
   * PamongServiceRequest:kecamatan-code:
   *
   * The kecamatan's Kemendagri code, e.g. "33.16.09".
   */
  properties[PROP_KECAMATAN_CODE] =
    g_param_spec_string ("kecamatan-code", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  /**
   * PamongServiceRequest:desa-code:
   *
   * The desa's or kelurahan's Kemendagri code, e.g. "33.16.09.1001".
   */
  properties[PROP_DESA_CODE] =
    g_param_spec_string ("desa-code", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PAMONG_TYPE_REQUEST_STATUS, PAMONG_REQUEST_STATUS_SUBMITTED,
                       PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  /**
   * PamongServiceRequest:unit:
   *
   * The uuid of the unit the request is assigned to.
   */
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REF);

  /**
   * PamongServiceRequest:submitted-at:
   *
   * When the request was submitted; a new request takes its creation time.
   */
  properties[PROP_SUBMITTED_AT] =
    g_param_spec_boxed ("submitted-at", NULL, NULL, G_TYPE_DATE_TIME,
                        PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  /**
   * PamongServiceRequest:due-date:
   *
   * When the service standard says the request must be done, "YYYY-MM-DD".
   */
  properties[PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_DATE);

  /**
   * PamongServiceRequest:completed-at:
   *
   * When the request was completed or rejected; %NULL while open.
   */
  properties[PROP_COMPLETED_AT] =
    g_param_spec_boxed ("completed-at", NULL, NULL, G_TYPE_DATE_TIME,
                        PAMONG_PARAM_DEFAULT);

  properties[PROP_REJECT_REASON] =
    g_param_spec_string ("reject-reason", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  /**
   * PamongServiceRequest:has-location:
   *
   * Whether #PamongServiceRequest:latitude and #PamongServiceRequest:longitude hold a place.
   */
  properties[PROP_HAS_LOCATION] =
    g_param_spec_boolean ("has-location", NULL, NULL, FALSE,
                          PAMONG_PARAM_DEFAULT);

  properties[PROP_LATITUDE] =
    g_param_spec_double ("latitude", NULL, NULL, -90.0, 90.0, 0.0,
                         PAMONG_PARAM_DEFAULT);

  properties[PROP_LONGITUDE] =
    g_param_spec_double ("longitude", NULL, NULL, -180.0, 180.0, 0.0,
                         PAMONG_PARAM_DEFAULT);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pamong_service_request_init (PamongServiceRequest *self)
{
  self->status = PAMONG_REQUEST_STATUS_SUBMITTED;
  self->submitted_at = g_date_time_ref (pamong_record_get_created_at (PAMONG_RECORD (self)));
}

/**
 * pamong_service_request_new:
 *
 * Creates a record with a fresh uuid and the fields' defaults.
 *
 * Returns: (transfer full): a new #PamongServiceRequest
 */
PamongServiceRequest *
pamong_service_request_new (void)
{
  return g_object_new (PAMONG_TYPE_SERVICE_REQUEST, NULL);
}

const char *
pamong_service_request_get_tracking_number (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), NULL);

  return self->tracking_number;
}

void
pamong_service_request_set_tracking_number (PamongServiceRequest *self,
                                            const char           *tracking_number)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  if (pamong_set_string (&self->tracking_number, tracking_number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACKING_NUMBER]);
}

const char *
pamong_service_request_get_service_type (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), NULL);

  return self->service_type;
}

void
pamong_service_request_set_service_type (PamongServiceRequest *self,
                                         const char           *service_type)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  if (pamong_set_string (&self->service_type, service_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_TYPE]);
}

const char *
pamong_service_request_get_applicant_name (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), NULL);

  return self->applicant_name;
}

void
pamong_service_request_set_applicant_name (PamongServiceRequest *self,
                                           const char           *applicant_name)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  if (pamong_set_string (&self->applicant_name, applicant_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICANT_NAME]);
}

const char *
pamong_service_request_get_applicant_nik (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), NULL);

  return self->applicant_nik;
}

void
pamong_service_request_set_applicant_nik (PamongServiceRequest *self,
                                          const char           *applicant_nik)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  if (pamong_set_string (&self->applicant_nik, applicant_nik))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICANT_NIK]);
}

const char *
pamong_service_request_get_applicant_phone (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), NULL);

  return self->applicant_phone;
}

void
pamong_service_request_set_applicant_phone (PamongServiceRequest *self,
                                            const char           *applicant_phone)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  if (pamong_set_string (&self->applicant_phone, applicant_phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICANT_PHONE]);
}

const char *
pamong_service_request_get_address (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), NULL);

  return self->address;
}

void
pamong_service_request_set_address (PamongServiceRequest *self,
                                    const char           *address)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  if (pamong_set_string (&self->address, address))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

const char *
pamong_service_request_get_kecamatan_code (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), NULL);

  return self->kecamatan_code;
}

void
pamong_service_request_set_kecamatan_code (PamongServiceRequest *self,
                                           const char           *kecamatan_code)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  if (pamong_set_string (&self->kecamatan_code, kecamatan_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KECAMATAN_CODE]);
}

const char *
pamong_service_request_get_desa_code (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), NULL);

  return self->desa_code;
}

void
pamong_service_request_set_desa_code (PamongServiceRequest *self,
                                      const char           *desa_code)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  if (pamong_set_string (&self->desa_code, desa_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESA_CODE]);
}

const char *
pamong_service_request_get_description (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), NULL);

  return self->description;
}

void
pamong_service_request_set_description (PamongServiceRequest *self,
                                        const char           *description)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  if (pamong_set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

PamongRequestStatus
pamong_service_request_get_status (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), PAMONG_REQUEST_STATUS_SUBMITTED);

  return self->status;
}

void
pamong_service_request_set_status (PamongServiceRequest *self,
                                   PamongRequestStatus   status)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
pamong_service_request_get_unit (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), NULL);

  return self->unit;
}

void
pamong_service_request_set_unit (PamongServiceRequest *self,
                                 const char           *unit)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  if (pamong_set_string (&self->unit, unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

GDateTime *
pamong_service_request_get_submitted_at (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), NULL);

  return self->submitted_at;
}

void
pamong_service_request_set_submitted_at (PamongServiceRequest *self,
                                         GDateTime            *submitted_at)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  if (set_timestamp (&self->submitted_at, submitted_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMITTED_AT]);
}

const char *
pamong_service_request_get_due_date (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), NULL);

  return self->due_date;
}

void
pamong_service_request_set_due_date (PamongServiceRequest *self,
                                     const char           *due_date)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  if (pamong_set_string (&self->due_date, due_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
}

GDateTime *
pamong_service_request_get_completed_at (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), NULL);

  return self->completed_at;
}

void
pamong_service_request_set_completed_at (PamongServiceRequest *self,
                                         GDateTime            *completed_at)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  if (set_timestamp (&self->completed_at, completed_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETED_AT]);
}

const char *
pamong_service_request_get_reject_reason (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), NULL);

  return self->reject_reason;
}

void
pamong_service_request_set_reject_reason (PamongServiceRequest *self,
                                          const char           *reject_reason)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  if (pamong_set_string (&self->reject_reason, reject_reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REJECT_REASON]);
}

gboolean
pamong_service_request_get_has_location (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), FALSE);

  return self->has_location;
}

void
pamong_service_request_set_has_location (PamongServiceRequest *self,
                                         gboolean              has_location)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));

  has_location = !!has_location;
  if (self->has_location == has_location)
    return;

  self->has_location = has_location;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_LOCATION]);
}

gdouble
pamong_service_request_get_latitude (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), 0.0);

  return self->latitude;
}

void
pamong_service_request_set_latitude (PamongServiceRequest *self,
                                     gdouble               latitude)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));
  g_return_if_fail (latitude >= -90.0 && latitude <= 90.0);

  if (self->latitude == latitude)
    return;

  self->latitude = latitude;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATITUDE]);
}

gdouble
pamong_service_request_get_longitude (PamongServiceRequest *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (self), 0.0);

  return self->longitude;
}

void
pamong_service_request_set_longitude (PamongServiceRequest *self,
                                      gdouble               longitude)
{
  g_return_if_fail (PAMONG_IS_SERVICE_REQUEST (self));
  g_return_if_fail (longitude >= -180.0 && longitude <= 180.0);

  if (self->longitude == longitude)
    return;

  self->longitude = longitude;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LONGITUDE]);
}
