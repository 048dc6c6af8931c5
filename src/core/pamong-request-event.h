/* pamong-request-event.h — one entry in a service request's history
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-enums.h"
#include "pamong-enum-types.h"
#include "pamong-record.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_REQUEST_EVENT (pamong_request_event_get_type ())
G_DECLARE_FINAL_TYPE (PamongRequestEvent, pamong_request_event, PAMONG, REQUEST_EVENT, PamongRecord)

PamongRequestEvent *pamong_request_event_new             (void);
const char         *pamong_request_event_get_request     (PamongRequestEvent  *self);
void                pamong_request_event_set_request     (PamongRequestEvent  *self,
                                                          const char          *request);
PamongEventKind     pamong_request_event_get_kind        (PamongRequestEvent  *self);
void                pamong_request_event_set_kind        (PamongRequestEvent  *self,
                                                          PamongEventKind      kind);
PamongRequestStatus pamong_request_event_get_from_status (PamongRequestEvent  *self);
void                pamong_request_event_set_from_status (PamongRequestEvent  *self,
                                                          PamongRequestStatus  from_status);
PamongRequestStatus pamong_request_event_get_to_status   (PamongRequestEvent  *self);
void                pamong_request_event_set_to_status   (PamongRequestEvent  *self,
                                                          PamongRequestStatus  to_status);
const char         *pamong_request_event_get_note        (PamongRequestEvent  *self);
void                pamong_request_event_set_note        (PamongRequestEvent  *self,
                                                          const char          *note);
const char         *pamong_request_event_get_author      (PamongRequestEvent  *self);
void                pamong_request_event_set_author      (PamongRequestEvent  *self,
                                                          const char          *author);

G_END_DECLS
