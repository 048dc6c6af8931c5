/* pamong-request-workflow.c — a service request's life: submit, verify, process, close
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-requests"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pamong-error.h"
#include "pamong-query.h"
#include "pamong-request-workflow.h"
#include "pamong-tracking.h"
#include "pamong-unit.h"

static const PamongRequestStatus from_submitted[] = {
  PAMONG_REQUEST_STATUS_VERIFIED, PAMONG_REQUEST_STATUS_REJECTED,
};
static const PamongRequestStatus from_verified[] = {
  PAMONG_REQUEST_STATUS_IN_PROGRESS, PAMONG_REQUEST_STATUS_REJECTED,
};
static const PamongRequestStatus from_in_progress[] = {
  PAMONG_REQUEST_STATUS_COMPLETED, PAMONG_REQUEST_STATUS_REJECTED,
};

/**
 * pamong_request_status_next:
 * @from: a status
 * @n_next: (out): the number of statuses returned
 *
 * Returns: (transfer none) (array length=n_next): the statuses @from may
 *   move to, in workflow order (none for a final status)
 */
const PamongRequestStatus *
pamong_request_status_next (PamongRequestStatus  from,
                            guint               *n_next)
{
  g_return_val_if_fail (n_next != NULL, NULL);

  switch (from)
    {
    case PAMONG_REQUEST_STATUS_SUBMITTED:
      *n_next = G_N_ELEMENTS (from_submitted);
      return from_submitted;
    case PAMONG_REQUEST_STATUS_VERIFIED:
      *n_next = G_N_ELEMENTS (from_verified);
      return from_verified;
    case PAMONG_REQUEST_STATUS_IN_PROGRESS:
      *n_next = G_N_ELEMENTS (from_in_progress);
      return from_in_progress;
    case PAMONG_REQUEST_STATUS_COMPLETED:
    case PAMONG_REQUEST_STATUS_REJECTED:
    default:
      *n_next = 0;
      return NULL;
    }
}

/**
 * pamong_request_status_can_transition:
 * @from: the current status
 * @to: the wanted status
 *
 * Returns: whether the workflow allows moving from @from to @to
 */
gboolean
pamong_request_status_can_transition (PamongRequestStatus from,
                                      PamongRequestStatus to)
{
  const PamongRequestStatus *next;
  guint n;

  next = pamong_request_status_next (from, &n);
  for (guint i = 0; i < n; i++)
    if (next[i] == to)
      return TRUE;

  return FALSE;
}

/**
 * pamong_request_status_is_final:
 * @status: a status
 *
 * Returns: whether @status is completed or rejected
 */
gboolean
pamong_request_status_is_final (PamongRequestStatus status)
{
  return status == PAMONG_REQUEST_STATUS_COMPLETED || status == PAMONG_REQUEST_STATUS_REJECTED;
}

/**
 * pamong_request_status_get_label:
 * @status: a status
 *
 * Returns: (transfer none): the status's translated name
 */
const char *
pamong_request_status_get_label (PamongRequestStatus status)
{
  switch (status)
    {
    case PAMONG_REQUEST_STATUS_SUBMITTED:
      return C_("request status", "Submitted");
    case PAMONG_REQUEST_STATUS_VERIFIED:
      return C_("request status", "Verified");
    case PAMONG_REQUEST_STATUS_IN_PROGRESS:
      return C_("request status", "In progress");
    case PAMONG_REQUEST_STATUS_COMPLETED:
      return C_("request status", "Completed");
    case PAMONG_REQUEST_STATUS_REJECTED:
      return C_("request status", "Rejected");
    default:
      return C_("request status", "Unknown");
    }
}

/**
 * pamong_request_status_get_action_label:
 * @to: the status an action moves to
 *
 * Returns: (transfer none): the translated label of the button that moves a
 *   request to @to
 */
const char *
pamong_request_status_get_action_label (PamongRequestStatus to)
{
  switch (to)
    {
    case PAMONG_REQUEST_STATUS_SUBMITTED:
      return C_("request action", "Submit");
    case PAMONG_REQUEST_STATUS_VERIFIED:
      return C_("request action", "Verify");
    case PAMONG_REQUEST_STATUS_IN_PROGRESS:
      return C_("request action", "Start Work");
    case PAMONG_REQUEST_STATUS_COMPLETED:
      return C_("request action", "Complete");
    case PAMONG_REQUEST_STATUS_REJECTED:
      return C_("request action", "Reject");
    default:
      return C_("request action", "Change Status");
    }
}

static gboolean
text_is_empty (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* Puts every field (sync and local ones too) of @backup back into @record,
 * after a failed save left @record half-changed. */
static void
restore_record (PamongRecord *record,
                PamongRecord *backup)
{
  g_autofree GParamSpec **fields = NULL;
  guint n_fields = 0;

  fields = pamong_record_list_fields (G_OBJECT_TYPE (record), TRUE, &n_fields);
  g_object_freeze_notify (G_OBJECT (record));
  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, fields[i]->value_type);
      g_object_get_property (G_OBJECT (backup), fields[i]->name, &value);
      g_object_set_property (G_OBJECT (record), fields[i]->name, &value);
    }
  g_object_thaw_notify (G_OBJECT (record));
}

/* The time of a new event: now, but always after the previous event this
 * process made (the store keeps milliseconds), so a timeline sorted by time
 * shows two quick actions in the order they happened. */
static GDateTime *
event_time_now (void)
{
  static gint64 last_msec;
  G_LOCK_DEFINE_STATIC (last_msec);
  g_autoptr(GDateTime) seconds = NULL;
  gint64 msec = g_get_real_time () / 1000;

  G_LOCK (last_msec);
  if (msec <= last_msec)
    msec = last_msec + 1;
  last_msec = msec;
  G_UNLOCK (last_msec);

  seconds = g_date_time_new_from_unix_utc (msec / 1000);
  return g_date_time_add (seconds, (msec % 1000) * G_TIME_SPAN_MILLISECOND);
}

static PamongRequestEvent *
make_event (PamongServiceRequest *request,
            PamongEventKind       kind,
            GDateTime            *when,
            const char           *author,
            const char           *note)
{
  PamongRequestEvent *event = pamong_request_event_new ();
  PamongRequestStatus status = pamong_service_request_get_status (request);

  pamong_request_event_set_request (event, pamong_record_get_uuid (PAMONG_RECORD (request)));
  pamong_request_event_set_kind (event, kind);
  pamong_request_event_set_from_status (event, status);
  pamong_request_event_set_to_status (event, status);
  pamong_request_event_set_author (event, author);
  pamong_request_event_set_note (event, text_is_empty (note) ? NULL : note);
  pamong_record_set_created_at (PAMONG_RECORD (event), when);
  pamong_record_set_updated_at (PAMONG_RECORD (event), when);

  return event;
}

/* Saves @request (when @save_request) and @event in one transaction; on
 * failure the transaction is rolled back and @request restored from
 * @backup. */
static gboolean
save_together (PamongStore          *store,
               PamongServiceRequest *request,
               PamongRecord         *backup,
               gboolean              save_request,
               PamongRequestEvent   *event,
               GError              **error)
{
  if (!pamong_store_begin (store, error))
    {
      restore_record (PAMONG_RECORD (request), backup);
      return FALSE;
    }

  if ((save_request && !pamong_store_save (store, PAMONG_RECORD (request), error))
      || !pamong_store_save (store, PAMONG_RECORD (event), error))
    {
      pamong_store_rollback (store);
      restore_record (PAMONG_RECORD (request), backup);
      return FALSE;
    }

  if (!pamong_store_commit (store, error))
    {
      restore_record (PAMONG_RECORD (request), backup);
      return FALSE;
    }

  return TRUE;
}

/**
 * pamong_request_workflow_submit:
 * @store: the store
 * @calendar: (nullable): the working-day calendar (default: the shipped one)
 * @request: a new, unsaved request with at least the applicant's name
 * @service_type: the requested service (saved in @store)
 * @author: (nullable): who took the request
 * @note: (nullable): a note for the "created" event
 * @error: return location for a #GError
 *
 * Submits a new request: fills the tracking number, submitted-at, the unit
 * and the due date when they are empty, sets the service type and the
 * status submitted, and saves the request with its "created" event in one
 * transaction.
 *
 * Returns: %TRUE on success; on failure @request is unchanged
 */
gboolean
pamong_request_workflow_submit (PamongStore          *store,
                                PamongCalendar       *calendar,
                                PamongServiceRequest *request,
                                PamongServiceType    *service_type,
                                const char           *author,
                                const char           *note,
                                GError              **error)
{
  g_autoptr(PamongRecord) backup = NULL;
  g_autoptr(PamongRecord) existing = NULL;
  g_autoptr(PamongRequestEvent) event = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) lookup_error = NULL;
  GDateTime *submitted_at;

  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);
  g_return_val_if_fail (calendar == NULL || PAMONG_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (request), FALSE);
  g_return_val_if_fail (PAMONG_IS_SERVICE_TYPE (service_type), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (calendar == NULL)
    calendar = pamong_calendar_get_default ();

  if (text_is_empty (pamong_service_request_get_applicant_name (request)))
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                           _("Enter the applicant’s name."));
      return FALSE;
    }

  existing = pamong_store_lookup (store, PAMONG_TYPE_SERVICE_REQUEST,
                                  pamong_record_get_uuid (PAMONG_RECORD (request)), &lookup_error);
  if (existing != NULL)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("Request %s has already been submitted."),
                   pamong_service_request_get_tracking_number (request));
      return FALSE;
    }
  if (!g_error_matches (lookup_error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&lookup_error));
      return FALSE;
    }

  backup = pamong_record_copy (PAMONG_RECORD (request));
  now = event_time_now ();

  if (!pamong_store_begin (store, error))
    return FALSE;

  submitted_at = pamong_service_request_get_submitted_at (request);
  if (submitted_at == NULL)
    {
      pamong_service_request_set_submitted_at (request, now);
      submitted_at = now;
    }

  if (text_is_empty (pamong_service_request_get_tracking_number (request)))
    {
      g_autofree char *number = pamong_tracking_next (store, submitted_at, error);

      if (number == NULL)
        goto failed;
      pamong_service_request_set_tracking_number (request, number);
    }

  pamong_service_request_set_service_type (request, pamong_record_get_uuid (PAMONG_RECORD (service_type)));
  pamong_service_request_set_status (request, PAMONG_REQUEST_STATUS_SUBMITTED);
  if (text_is_empty (pamong_service_request_get_unit (request)))
    pamong_service_request_set_unit (request, pamong_service_type_get_unit (service_type));
  if (text_is_empty (pamong_service_request_get_due_date (request)))
    {
      g_autofree char *due = pamong_calendar_compute_due_date (calendar, submitted_at, service_type);

      pamong_service_request_set_due_date (request, due);
    }

  event = make_event (request, PAMONG_EVENT_KIND_CREATED, submitted_at, author, note);

  if (!save_together (store, request, backup, TRUE, event, error))
    goto failed;
  if (!pamong_store_commit (store, error))
    {
      restore_record (PAMONG_RECORD (request), backup);
      return FALSE;
    }

  return TRUE;

failed:
  pamong_store_rollback (store);
  restore_record (PAMONG_RECORD (request), backup);
  return FALSE;
}

/**
 * pamong_request_workflow_transition:
 * @store: the store
 * @request: a saved request
 * @to: the new status
 * @author: (nullable): who did it
 * @note: (nullable): a note; the reason, required, when @to is rejected
 * @error: return location for a #GError
 *
 * Moves @request to @to if the workflow allows it and saves it with a
 * "status" event in one transaction.
 *
 * Returns: %TRUE on success; on failure @request is unchanged
 */
gboolean
pamong_request_workflow_transition (PamongStore          *store,
                                    PamongServiceRequest *request,
                                    PamongRequestStatus   to,
                                    const char           *author,
                                    const char           *note,
                                    GError              **error)
{
  g_autoptr(PamongRecord) backup = NULL;
  g_autoptr(PamongRequestEvent) event = NULL;
  g_autoptr(GDateTime) now = NULL;
  PamongRequestStatus from;

  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (request), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  from = pamong_service_request_get_status (request);
  if (!pamong_request_status_can_transition (from, to))
    {
      if (pamong_request_status_is_final (from))
        /* Translators: the first %s is a status, e.g. "Completed"; the second is the one refused */
        g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                     _("This request is already closed (%s); it cannot become “%s”. Submit a new request instead."),
                     pamong_request_status_get_label (from), pamong_request_status_get_label (to));
      else if (from == to)
        g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                     _("This request is already “%s”."), pamong_request_status_get_label (from));
      else
        /* Translators: both %s are statuses, e.g. "Submitted" and "In progress" */
        g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                     _("A request that is “%s” cannot become “%s” directly; follow the order Submitted, Verified, In progress, Completed."),
                     pamong_request_status_get_label (from), pamong_request_status_get_label (to));
      return FALSE;
    }

  if (to == PAMONG_REQUEST_STATUS_REJECTED && text_is_empty (note))
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                           _("Give the reason for rejecting the request; the applicant will read it."));
      return FALSE;
    }

  backup = pamong_record_copy (PAMONG_RECORD (request));
  now = event_time_now ();

  event = make_event (request, PAMONG_EVENT_KIND_STATUS, now, author, note);
  pamong_request_event_set_from_status (event, from);
  pamong_request_event_set_to_status (event, to);

  pamong_service_request_set_status (request, to);
  if (to == PAMONG_REQUEST_STATUS_REJECTED)
    {
      g_autofree char *reason = g_strstrip (g_strdup (note));

      pamong_service_request_set_reject_reason (request, reason);
    }
  if (to == PAMONG_REQUEST_STATUS_COMPLETED)
    pamong_service_request_set_completed_at (request, now);

  return save_together (store, request, backup, TRUE, event, error);
}

/**
 * pamong_request_workflow_comment:
 * @store: the store
 * @request: a saved request
 * @author: (nullable): who wrote it
 * @note: the comment
 * @error: return location for a #GError
 *
 * Adds a comment to the request's timeline.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_request_workflow_comment (PamongStore          *store,
                                 PamongServiceRequest *request,
                                 const char           *author,
                                 const char           *note,
                                 GError              **error)
{
  g_autoptr(PamongRecord) backup = NULL;
  g_autoptr(PamongRequestEvent) event = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (request), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text_is_empty (note))
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                           _("The comment is empty."));
      return FALSE;
    }

  backup = pamong_record_copy (PAMONG_RECORD (request));
  now = event_time_now ();
  event = make_event (request, PAMONG_EVENT_KIND_COMMENT, now, author, note);

  return save_together (store, request, backup, FALSE, event, error);
}

/**
 * pamong_request_workflow_assign:
 * @store: the store
 * @request: a saved, open request
 * @unit_uuid: the uuid of a unit in @store
 * @author: (nullable): who assigned it
 * @note: (nullable): a note
 * @error: return location for a #GError
 *
 * Assigns @request to a unit, with an "assigned" event.
 *
 * Returns: %TRUE on success; on failure @request is unchanged
 */
gboolean
pamong_request_workflow_assign (PamongStore          *store,
                                PamongServiceRequest *request,
                                const char           *unit_uuid,
                                const char           *author,
                                const char           *note,
                                GError              **error)
{
  g_autoptr(PamongRecord) backup = NULL;
  g_autoptr(PamongRecord) unit = NULL;
  g_autoptr(PamongRequestEvent) event = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) lookup_error = NULL;
  PamongRequestStatus status;

  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);
  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (request), FALSE);
  g_return_val_if_fail (unit_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  status = pamong_service_request_get_status (request);
  if (pamong_request_status_is_final (status))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("This request is already closed (%s); it cannot be assigned to another unit."),
                   pamong_request_status_get_label (status));
      return FALSE;
    }
  if (g_strcmp0 (pamong_service_request_get_unit (request), unit_uuid) == 0)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The request is already assigned to this unit."));
      return FALSE;
    }

  unit = pamong_store_lookup (store, PAMONG_TYPE_UNIT, unit_uuid, &lookup_error);
  if (unit == NULL || pamong_record_get_deleted (unit))
    {
      if (unit != NULL || g_error_matches (lookup_error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
        g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
                             _("The unit does not exist (any more); choose another one."));
      else
        g_propagate_error (error, g_steal_pointer (&lookup_error));
      return FALSE;
    }

  backup = pamong_record_copy (PAMONG_RECORD (request));
  now = event_time_now ();
  event = make_event (request, PAMONG_EVENT_KIND_ASSIGNED, now, author, note);
  pamong_service_request_set_unit (request, unit_uuid);

  return save_together (store, request, backup, TRUE, event, error);
}

static gint
compare_events (gconstpointer a,
                gconstpointer b)
{
  PamongRecord *x = *(PamongRecord * const *) a;
  PamongRecord *y = *(PamongRecord * const *) b;
  gint order = g_date_time_compare (pamong_record_get_created_at (x),
                                    pamong_record_get_created_at (y));

  if (order != 0)
    return order;

  /* the same millisecond: "created" comes first */
  return (gint) pamong_request_event_get_kind (PAMONG_REQUEST_EVENT (x))
         - (gint) pamong_request_event_get_kind (PAMONG_REQUEST_EVENT (y));
}

/**
 * pamong_request_workflow_list_events:
 * @store: the store
 * @request_uuid: a request's uuid
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type PamongRequestEvent): the
 *   request's events, oldest first, or %NULL on error
 */
GPtrArray *
pamong_request_workflow_list_events (PamongStore  *store,
                                     const char   *request_uuid,
                                     GError      **error)
{
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) model = NULL;
  GPtrArray *events;
  guint n;

  g_return_val_if_fail (PAMONG_IS_STORE (store), NULL);
  g_return_val_if_fail (request_uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  query = pamong_query_new (PAMONG_TYPE_REQUEST_EVENT);
  pamong_query_add_filter_string (query, "request", request_uuid);
  pamong_query_set_sort (query, "created-at", FALSE);
  model = pamong_store_query (store, query, error);
  if (model == NULL)
    return NULL;

  n = g_list_model_get_n_items (model);
  events = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (events, g_list_model_get_item (model, i));
  g_ptr_array_sort (events, compare_events);

  return events;
}

static gboolean
due_date_of (PamongServiceRequest *request,
             GDate                *due)
{
  const char *text = pamong_service_request_get_due_date (request);

  if (text == NULL || !pamong_date_is_valid (text))
    return FALSE;

  g_date_clear (due, 1);
  g_date_set_dmy (due, (GDateDay) g_ascii_strtoull (text + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (text + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (text, NULL, 10));
  return g_date_valid (due);
}

/**
 * pamong_request_is_overdue:
 * @request: a request
 * @now: (nullable): the time to judge at (default: now)
 *
 * Returns: whether @request is open and its due date has passed
 */
gboolean
pamong_request_is_overdue (PamongServiceRequest *request,
                           GDateTime            *now)
{
  g_autoptr(GDateTime) current = NULL;
  GDate due, today;

  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (request), FALSE);

  if (pamong_request_status_is_final (pamong_service_request_get_status (request))
      || !due_date_of (request, &due))
    return FALSE;

  if (now == NULL)
    now = current = g_date_time_new_now_utc ();
  pamong_calendar_date_of (now, &today);

  return g_date_compare (&today, &due) > 0;
}

/**
 * pamong_request_get_days_overdue:
 * @request: a request
 * @calendar: (nullable): the calendar (default: the shipped one)
 * @now: (nullable): the time to judge at (default: now)
 *
 * Returns: the working days past the due date, 0 if not overdue
 */
guint
pamong_request_get_days_overdue (PamongServiceRequest *request,
                                 PamongCalendar       *calendar,
                                 GDateTime            *now)
{
  g_autoptr(GDateTime) current = NULL;
  GDate due, today;
  gint days;

  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (request), 0);
  g_return_val_if_fail (calendar == NULL || PAMONG_IS_CALENDAR (calendar), 0);

  if (now == NULL)
    now = current = g_date_time_new_now_utc ();
  if (!pamong_request_is_overdue (request, now))
    return 0;
  if (calendar == NULL)
    calendar = pamong_calendar_get_default ();

  due_date_of (request, &due);
  pamong_calendar_date_of (now, &today);
  days = pamong_calendar_count_working_days (calendar, &due, &today);

  return days > 0 ? (guint) days : 0;
}
