/* pamong-request-event.c — one entry in a service request's history
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-core"

#include "config.h"

#include "pamong-request-event.h"

/**
 * PamongRequestEvent:
 *
 * One entry in the append-only history of a service request: its creation,
 * a change of status, a comment or an assignment.
 *
 * A record of the `request_events` collection; its properties are its fields.
 */
struct _PamongRequestEvent
{
  PamongRecord parent_instance;

  char *request;
  PamongEventKind kind;
  PamongRequestStatus from_status;
  PamongRequestStatus to_status;
  char *note;
  char *author;
};

G_DEFINE_FINAL_TYPE (PamongRequestEvent, pamong_request_event, PAMONG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_REQUEST,
  PROP_KIND,
  PROP_FROM_STATUS,
  PROP_TO_STATUS,
  PROP_NOTE,
  PROP_AUTHOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pamong_request_event_finalize (GObject *object)
{
  PamongRequestEvent *self = PAMONG_REQUEST_EVENT (object);

  g_clear_pointer (&self->request, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (pamong_request_event_parent_class)->finalize (object);
}

static void
pamong_request_event_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PamongRequestEvent *self = PAMONG_REQUEST_EVENT (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      g_value_set_string (value, self->request);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_FROM_STATUS:
      g_value_set_enum (value, self->from_status);
      break;
    case PROP_TO_STATUS:
      g_value_set_enum (value, self->to_status);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_request_event_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PamongRequestEvent *self = PAMONG_REQUEST_EVENT (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      pamong_request_event_set_request (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      pamong_request_event_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_FROM_STATUS:
      pamong_request_event_set_from_status (self, g_value_get_enum (value));
      break;
    case PROP_TO_STATUS:
      pamong_request_event_set_to_status (self, g_value_get_enum (value));
      break;
    case PROP_NOTE:
      pamong_request_event_set_note (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      pamong_request_event_set_author (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_request_event_class_init (PamongRequestEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PamongRecordClass *record_class = PAMONG_RECORD_CLASS (klass);

  object_class->finalize = pamong_request_event_finalize;
  object_class->get_property = pamong_request_event_get_property;
  object_class->set_property = pamong_request_event_set_property;

  record_class->collection = "request_events";

  /**
   * PamongRequestEvent:request:
   *
   * The uuid of the service request.
   */
  properties[PROP_REQUEST] =
    g_param_spec_string ("request", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED | PAMONG_PARAM_REF);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PAMONG_TYPE_EVENT_KIND, PAMONG_EVENT_KIND_COMMENT,
                       PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  /**
   * PamongRequestEvent:from-status:
   *
   * The status before a status change.
   */
  properties[PROP_FROM_STATUS] =
    g_param_spec_enum ("from-status", NULL, NULL,
                       PAMONG_TYPE_REQUEST_STATUS, PAMONG_REQUEST_STATUS_SUBMITTED,
                       PAMONG_PARAM_DEFAULT);

  /**
   * PamongRequestEvent:to-status:
   *
   * The status after a status change.
   */
  properties[PROP_TO_STATUS] =
    g_param_spec_enum ("to-status", NULL, NULL,
                       PAMONG_TYPE_REQUEST_STATUS, PAMONG_REQUEST_STATUS_SUBMITTED,
                       PAMONG_PARAM_DEFAULT);

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pamong_request_event_init (PamongRequestEvent *self)
{
  self->kind = PAMONG_EVENT_KIND_COMMENT;
  self->from_status = PAMONG_REQUEST_STATUS_SUBMITTED;
  self->to_status = PAMONG_REQUEST_STATUS_SUBMITTED;
}

/**
 * pamong_request_event_new:
 *
 * Creates a record with a fresh uuid and the fields' defaults.
 *
 * Returns: (transfer full): a new #PamongRequestEvent
 */
PamongRequestEvent *
pamong_request_event_new (void)
{
  return g_object_new (PAMONG_TYPE_REQUEST_EVENT, NULL);
}

const char *
pamong_request_event_get_request (PamongRequestEvent *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUEST_EVENT (self), NULL);

  return self->request;
}

void
pamong_request_event_set_request (PamongRequestEvent *self,
                                  const char         *request)
{
  g_return_if_fail (PAMONG_IS_REQUEST_EVENT (self));

  if (pamong_set_string (&self->request, request))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST]);
}

PamongEventKind
pamong_request_event_get_kind (PamongRequestEvent *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUEST_EVENT (self), PAMONG_EVENT_KIND_COMMENT);

  return self->kind;
}

void
pamong_request_event_set_kind (PamongRequestEvent *self,
                               PamongEventKind     kind)
{
  g_return_if_fail (PAMONG_IS_REQUEST_EVENT (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

PamongRequestStatus
pamong_request_event_get_from_status (PamongRequestEvent *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUEST_EVENT (self), PAMONG_REQUEST_STATUS_SUBMITTED);

  return self->from_status;
}

void
pamong_request_event_set_from_status (PamongRequestEvent  *self,
                                      PamongRequestStatus  from_status)
{
  g_return_if_fail (PAMONG_IS_REQUEST_EVENT (self));

  if (self->from_status == from_status)
    return;

  self->from_status = from_status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_STATUS]);
}

PamongRequestStatus
pamong_request_event_get_to_status (PamongRequestEvent *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUEST_EVENT (self), PAMONG_REQUEST_STATUS_SUBMITTED);

  return self->to_status;
}

void
pamong_request_event_set_to_status (PamongRequestEvent  *self,
                                    PamongRequestStatus  to_status)
{
  g_return_if_fail (PAMONG_IS_REQUEST_EVENT (self));

  if (self->to_status == to_status)
    return;

  self->to_status = to_status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_STATUS]);
}

const char *
pamong_request_event_get_note (PamongRequestEvent *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUEST_EVENT (self), NULL);

  return self->note;
}

void
pamong_request_event_set_note (PamongRequestEvent *self,
                               const char         *note)
{
  g_return_if_fail (PAMONG_IS_REQUEST_EVENT (self));

  if (pamong_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
pamong_request_event_get_author (PamongRequestEvent *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUEST_EVENT (self), NULL);

  return self->author;
}

void
pamong_request_event_set_author (PamongRequestEvent *self,
                                 const char         *author)
{
  g_return_if_fail (PAMONG_IS_REQUEST_EVENT (self));

  if (pamong_set_string (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}
