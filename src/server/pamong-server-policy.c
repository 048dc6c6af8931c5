/* pamong-server-policy.c — who may write what: the roles of DESIGN.md §3
 *
 * admin     everything;
 * operator  applications whose operator unit is its unit, service requests
 *           assigned to its unit (both before and after the write), and
 *           request events and attachments whose service request is in its
 *           unit;
 * assessor  assessments, indicator scores, and attachments owned by either;
 * viewer    nothing.
 *
 * Every check looks at the record as it is on the server (current) and as
 * it would be (proposed), so nobody can move a record into or out of
 * reach.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-server"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pamong-application.h"
#include "pamong-attachment.h"
#include "pamong-error.h"
#include "pamong-request-event.h"
#include "pamong-service-request.h"

#include "pamong-server-policy.h"

/* Parents of attachments and events are followed at most this deep. */
#define MAX_PARENT_DEPTH 4

static gboolean
forbid (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_FORBIDDEN, message);
  return FALSE;
}

/**
 * pamong_server_policy_is_admin:
 * @user: the user of a request
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @user is an administrator; otherwise %FALSE with
 *   %PAMONG_ERROR_FORBIDDEN
 */
gboolean
pamong_server_policy_is_admin (const PamongServerUser  *user,
                               GError                 **error)
{
  g_return_val_if_fail (user != NULL, FALSE);

  if (user->role == PAMONG_ROLE_ADMIN)
    return TRUE;

  return forbid (error, _("Only an administrator may do this."));
}

/* The unit of the service request @uuid, or NULL (set *found FALSE) if there
 * is no such request. */
static gboolean
request_unit (PamongStore  *store,
              const char   *uuid,
              char        **unit,
              GError      **error)
{
  g_autoptr(PamongRecord) request = NULL;
  g_autoptr(GError) local_error = NULL;

  *unit = NULL;
  if (uuid == NULL)
    return TRUE;

  request = pamong_store_lookup (store, PAMONG_TYPE_SERVICE_REQUEST, uuid, &local_error);
  if (request == NULL)
    {
      if (g_error_matches (local_error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *unit = g_strdup (pamong_service_request_get_unit (PAMONG_SERVICE_REQUEST (request)));
  return TRUE;
}

/* The unit of the service request a record belongs to: the request itself,
 * an event's request, or an attachment's owner (a request or an event). */
static gboolean
parent_request_unit (PamongStore   *store,
                     PamongRecord  *record,
                     guint          depth,
                     char         **unit,
                     GError       **error)
{
  *unit = NULL;

  if (depth > MAX_PARENT_DEPTH)
    return TRUE;

  if (PAMONG_IS_SERVICE_REQUEST (record))
    {
      *unit = g_strdup (pamong_service_request_get_unit (PAMONG_SERVICE_REQUEST (record)));
      return TRUE;
    }

  if (PAMONG_IS_REQUEST_EVENT (record))
    return request_unit (store, pamong_request_event_get_request (PAMONG_REQUEST_EVENT (record)),
                         unit, error);

  if (PAMONG_IS_ATTACHMENT (record))
    {
      PamongAttachment *attachment = PAMONG_ATTACHMENT (record);
      const char *collection = pamong_attachment_get_owner_collection (attachment);
      const char *owner = pamong_attachment_get_owner (attachment);

      if (g_strcmp0 (collection, "service_requests") == 0)
        return request_unit (store, owner, unit, error);

      if (g_strcmp0 (collection, "request_events") == 0 && owner != NULL)
        {
          g_autoptr(PamongRecord) event = NULL;
          g_autoptr(GError) local_error = NULL;

          event = pamong_store_lookup (store, PAMONG_TYPE_REQUEST_EVENT, owner, &local_error);
          if (event == NULL)
            {
              if (g_error_matches (local_error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
                return TRUE;
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          return parent_request_unit (store, event, depth + 1, unit, error);
        }
    }

  return TRUE;
}

/* Whether @record (NULL: nothing to check) belongs to @user's unit. */
static gboolean
operator_owns (PamongStore             *store,
               const PamongServerUser  *user,
               PamongRecord            *record,
               gboolean                *owns,
               GError                 **error)
{
  g_autofree char *unit = NULL;

  *owns = TRUE;
  if (record == NULL)
    return TRUE;

  if (PAMONG_IS_APPLICATION (record))
    {
      unit = g_strdup (pamong_application_get_operator_unit (PAMONG_APPLICATION (record)));
    }
  else if (!parent_request_unit (store, record, 0, &unit, error))
    {
      return FALSE;
    }

  *owns = user->unit != NULL && unit != NULL && strcmp (user->unit, unit) == 0;
  return TRUE;
}

static gboolean
assessor_owns (PamongRecord *record)
{
  const char *collection;

  if (record == NULL)
    return TRUE;

  if (!PAMONG_IS_ATTACHMENT (record))
    return FALSE;

  collection = pamong_attachment_get_owner_collection (PAMONG_ATTACHMENT (record));
  return g_strcmp0 (collection, "indicator_scores") == 0
         || g_strcmp0 (collection, "assessments") == 0;
}

/**
 * pamong_server_policy_can_write:
 * @store: the server's store (parents are looked up in it)
 * @user: the user of the request
 * @collection: the collection written, e.g. "applications"
 * @current: (nullable): the record on the server now; %NULL on create
 * @proposed: (nullable): the record as it would be; %NULL on delete
 * @error: return location for a #GError
 *
 * Decides whether @user may make this write (see the file's comment for the
 * rules). A refusal is %PAMONG_ERROR_FORBIDDEN with a message saying why.
 *
 * Returns: %TRUE if the write is allowed
 */
gboolean
pamong_server_policy_can_write (PamongStore             *store,
                                const PamongServerUser  *user,
                                const char              *collection,
                                PamongRecord            *current,
                                PamongRecord            *proposed,
                                GError                 **error)
{
  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);
  g_return_val_if_fail (user != NULL, FALSE);
  g_return_val_if_fail (collection != NULL, FALSE);
  g_return_val_if_fail (current == NULL || PAMONG_IS_RECORD (current), FALSE);
  g_return_val_if_fail (proposed == NULL || PAMONG_IS_RECORD (proposed), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (user->role)
    {
    case PAMONG_ROLE_ADMIN:
      return TRUE;

    case PAMONG_ROLE_VIEWER:
      return forbid (error, _("This account may only read: a viewer cannot change records."));

    case PAMONG_ROLE_OPERATOR:
      {
        gboolean owns_current = FALSE;
        gboolean owns_proposed = FALSE;

        if (strcmp (collection, "applications") != 0
            && strcmp (collection, "service_requests") != 0
            && strcmp (collection, "request_events") != 0
            && strcmp (collection, "attachments") != 0)
          return forbid (error, _("An operator may change only applications, service "
                                  "requests, their events and their attachments."));

        if (!operator_owns (store, user, current, &owns_current, error) ||
            !operator_owns (store, user, proposed, &owns_proposed, error))
          return FALSE;

        if (!owns_current || !owns_proposed)
          {
            if (strcmp (collection, "applications") == 0)
              return forbid (error, _("This application is not operated by your unit; "
                                      "only its own unit may change it."));
            if (strcmp (collection, "attachments") == 0)
              return forbid (error, _("This attachment does not belong to a service "
                                      "request of your unit."));
            return forbid (error, _("This service request is not assigned to your unit; "
                                    "only that unit may change it."));
          }

        return TRUE;
      }

    case PAMONG_ROLE_ASSESSOR:
      if (strcmp (collection, "assessments") == 0 ||
          strcmp (collection, "indicator_scores") == 0)
        return TRUE;

      if (strcmp (collection, "attachments") == 0)
        {
          if (assessor_owns (current) && assessor_owns (proposed))
            return TRUE;
          return forbid (error, _("An assessor may change only the evidence of assessments "
                                  "and indicator scores."));
        }

      return forbid (error, _("An assessor may change only assessments, indicator scores "
                              "and their evidence."));

    default:
      return forbid (error, _("This account’s role allows no changes."));
    }
}
