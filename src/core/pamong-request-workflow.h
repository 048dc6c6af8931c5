/* pamong-request-workflow.h — a service request's life: submit, verify, process, close
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pamong-calendar.h"
#include "pamong-request-event.h"
#include "pamong-service-request.h"
#include "pamong-service-type.h"
#include "pamong-store.h"

G_BEGIN_DECLS

/*
 * The workflow:
 *
 *   submitted -> verified -> in-progress -> completed
 *       |            |            |
 *       +------------+------------+-----> rejected (a reason is required)
 *
 * - verified means the documents were checked complete; work starts only on
 *   a verified request, so submitted -> in-progress is refused;
 * - a request may be rejected while it is open (submitted, verified or in
 *   progress): at the counter (documents incomplete), at verification, or
 *   when processing finds it cannot be granted (SP4N-LAPOR! and the mySociety
 *   statuses "not_councils_responsibility", "no_further_action" close a case
 *   after investigation, open311-georeport-v2.md §10);
 * - completed and rejected are final; there is no reopening (the citizen
 *   submits a new request);
 * - moving to the same status is refused.
 *
 * Every change is recorded as a #PamongRequestEvent (collection
 * request_events) with the author, the time (its created-at) and a note, in
 * the same store transaction as the request: either both are saved or
 * neither. On failure the request object is left as it was before the call.
 * @author is a person's display name (who did it); @note may be NULL except
 * where said.
 */

gboolean             pamong_request_status_can_transition (PamongRequestStatus  from,
                                                           PamongRequestStatus  to);
/* The statuses reachable from @from, in workflow order; n == 0 for final. */
const PamongRequestStatus *pamong_request_status_next    (PamongRequestStatus  from,
                                                           guint               *n_next);
gboolean             pamong_request_status_is_final       (PamongRequestStatus  status);
/* Translated label: "Submitted", "Verified", "In progress", "Completed",
 * "Rejected". */
const char          *pamong_request_status_get_label      (PamongRequestStatus  status);
/* Translated verb for a button: "Verify", "Start work", "Complete", "Reject". */
const char          *pamong_request_status_get_action_label (PamongRequestStatus to);

/* A new request. Fills what the caller left empty: the tracking number
 * (pamong_tracking_next()), submitted-at (now), the unit (the service type's),
 * the due date (from the service type's standard-days, @calendar; NULL: the
 * default calendar); sets the service-type reference and status submitted;
 * saves the request and a "created" event (note: @note) in one transaction.
 * PAMONG_ERROR_MISSING_FIELD if the applicant's name is empty;
 * PAMONG_ERROR_INVALID_DATA if the request was already saved. */
gboolean             pamong_request_workflow_submit       (PamongStore          *store,
                                                           PamongCalendar       *calendar,
                                                           PamongServiceRequest *request,
                                                           PamongServiceType    *service_type,
                                                           const char           *author,
                                                           const char           *note,
                                                           GError              **error);
/* Moves @request to @to and saves a "status" event (from, to, @note).
 * Refused with PAMONG_ERROR_INVALID_DATA and a translated message ("A
 * completed request cannot be verified.") when the workflow does not allow
 * it. To rejected: @note is the reason, required (PAMONG_ERROR_MISSING_FIELD
 * when empty), also stored in reject-reason. To completed: completed-at is
 * set to now. */
gboolean             pamong_request_workflow_transition   (PamongStore          *store,
                                                           PamongServiceRequest *request,
                                                           PamongRequestStatus   to,
                                                           const char           *author,
                                                           const char           *note,
                                                           GError              **error);
/* A comment on the timeline; @note required. Allowed in every status. */
gboolean             pamong_request_workflow_comment      (PamongStore          *store,
                                                           PamongServiceRequest *request,
                                                           const char           *author,
                                                           const char           *note,
                                                           GError              **error);
/* Assigns @request to the unit @unit_uuid (a units record) and saves an
 * "assigned" event whose note is @note. Refused for final requests and
 * when the unit is already the assigned one; PAMONG_ERROR_NOT_FOUND when
 * the unit does not exist in @store. */
gboolean             pamong_request_workflow_assign       (PamongStore          *store,
                                                           PamongServiceRequest *request,
                                                           const char           *unit_uuid,
                                                           const char           *author,
                                                           const char           *note,
                                                           GError              **error);
/* The request's events, oldest first (PamongRequestEvent*), tombstones
 * excluded. */
GPtrArray           *pamong_request_workflow_list_events  (PamongStore          *store,
                                                           const char           *request_uuid,
                                                           GError              **error);

/* Overdue: open (not completed or rejected), with a due date before the WIB
 * date of @now (NULL: the current time). The due date itself is still in
 * time. */
gboolean             pamong_request_is_overdue            (PamongServiceRequest *request,
                                                           GDateTime            *now);
/* Working days after the due date up to today (0 when not overdue; also 0
 * on the weekend right after a Friday due date, when the request is
 * overdue but no working day has been lost yet); @calendar NULL: the
 * default calendar. */
guint                pamong_request_get_days_overdue      (PamongServiceRequest *request,
                                                           PamongCalendar       *calendar,
                                                           GDateTime            *now);

G_END_DECLS
