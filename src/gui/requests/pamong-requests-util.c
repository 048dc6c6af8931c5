/* pamong-requests-util.c — what the Layanan workspace's views share
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pamong-calendar.h"
#include "pamong-enum-types.h"
#include "pamong-format.h"
#include "pamong-request-workflow.h"
#include "pamong-requests-util.h"
#include "pamong-store.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  PamongServiceType *type_a = *(PamongServiceType **) a;
  PamongServiceType *type_b = *(PamongServiceType **) b;

  return g_utf8_collate (pamong_service_type_get_name (type_a),
                         pamong_service_type_get_name (type_b));
}

/**
 * pamong_requests_load_service_types:
 * @store: (nullable): the store
 *
 * Returns: (transfer full): the catalogue, PamongServiceType* by name
 */
GPtrArray *
pamong_requests_load_service_types (PamongStore *store)
{
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (store == NULL)
    return g_steal_pointer (&types);

  query = pamong_query_new (PAMONG_TYPE_SERVICE_TYPE);
  model = pamong_store_query (store, query, &error);
  if (model == NULL)
    {
      g_warning ("The service catalogue could not be read: %s", error->message);
      return g_steal_pointer (&types);
    }

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      PamongServiceType *type = g_list_model_get_item (model, i);

      if (type != NULL)
        g_ptr_array_add (types, type);
    }
  g_ptr_array_sort (types, compare_names);

  return g_steal_pointer (&types);
}

/**
 * pamong_requests_format_cost:
 *
 * Returns: (transfer full): "Free" or "Rp 50,000" (grouped the UI's way)
 */
char *
pamong_requests_format_cost (gint64 cost)
{
  g_autofree char *number = NULL;

  if (cost <= 0)
    return g_strdup (C_("service cost", "Free"));
  number = pamong_format_integer (cost);
  /* Translators: a cost in rupiah, e.g. "Rp 50,000" */
  return g_strdup_printf (_("Rp %s"), number);
}

/**
 * pamong_requests_describe_standard:
 * @unit_name: (nullable): the name of the unit that serves it
 * @with_due_date: whether to add the due date of a request submitted now
 *
 * Returns: (transfer full): the service standard in one line, e.g. "5
 * working days (due Friday, 4 December 2026) · Free · Dindukcapil"
 */
char *
pamong_requests_describe_standard (PamongServiceType *type,
                                   const char        *unit_name,
                                   gboolean           with_due_date)
{
  GString *text = g_string_new (NULL);
  gint days = pamong_service_type_get_standard_days (type);
  g_autofree char *cost = pamong_requests_format_cost (pamong_service_type_get_cost (type));

  if (days > 0)
    {
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d working day",
                                                 "%d working days", days), days);
      if (with_due_date)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          g_autofree char *due = pamong_calendar_compute_due_date (pamong_calendar_get_default (),
                                                                   now, type);
          g_autofree char *due_text = due != NULL ? pamong_format_date_iso (due, TRUE) : NULL;

          if (due_text != NULL)
            /* Translators: after the service standard, e.g. "5 working days (due Friday, 4 December 2026)" */
            g_string_append_printf (text, _(" (due %s)"), due_text);
        }
    }
  else
    g_string_append (text, _("No time standard"));

  /* Translators: separates the parts of a service standard */
  g_string_append (text, _(" · "));
  g_string_append (text, cost);
  if (unit_name != NULL && *unit_name != '\0')
    {
      g_string_append (text, _(" · "));
      g_string_append (text, unit_name);
    }

  return g_string_free (text, FALSE);
}

/**
 * pamong_requests_describe_requirements:
 *
 * Returns: (transfer full) (nullable): the documents to bring, one a line
 */
char *
pamong_requests_describe_requirements (PamongServiceType *type)
{
  const char * const *requirements = pamong_service_type_get_requirements (type);
  GString *text;

  if (requirements == NULL || requirements[0] == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; requirements[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, "• ");
      g_string_append (text, requirements[i]);
    }
  return g_string_free (text, FALSE);
}

/**
 * pamong_requests_format_timestamp:
 * @timestamp: (nullable): an instant
 *
 * Returns: (transfer full) (nullable): the local date and time of day
 */
char *
pamong_requests_format_timestamp (GDateTime *timestamp)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (timestamp == NULL)
    return NULL;

  local = g_date_time_to_local (timestamp);
  date = pamong_format_date (local, TRUE);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: a date and a time of day, e.g. "Friday, 27 November 2026, 08:30" */
  return g_strdup_printf (_("%s, %s"), date, time);
}

/**
 * pamong_requests_current_author:
 *
 * Who records events on this computer: the person's full name, else the
 * login name.
 *
 * Returns: (transfer none): the name
 */
const char *
pamong_requests_current_author (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return name;
}

/* Store filters --------------------------------------------------------------
 *
 * The list's overdue and period filters, and the dashboard's overdue count,
 * are store filters (a set of statuses, ranges of stored text), so the
 * store's indexes find the rows: before, the list tested every request it
 * had read, and the dashboard read every open request.
 */

/**
 * pamong_requests_overdue_due_before:
 * @now: (nullable): the time to judge at (default: now)
 *
 * Returns: (transfer full): the latest due date an open request can have
 *   and be overdue at @now, "YYYY-MM-DD": the day before @now's date in WIB
 *   (pamong_request_is_overdue())
 */
char *
pamong_requests_overdue_due_before (GDateTime *now)
{
  g_autoptr(GDateTime) current = NULL;
  GDate day;

  if (now == NULL)
    now = current = g_date_time_new_now_utc ();
  pamong_calendar_date_of (now, &day);
  g_date_subtract_days (&day, 1);

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (&day),
                          (guint) g_date_get_month (&day), (guint) g_date_get_day (&day));
}

/**
 * pamong_requests_query_add_overdue:
 * @query: a query of service requests
 * @now: (nullable): the time to judge at (default: now)
 *
 * Narrows @query to the requests pamong_request_is_overdue() says are
 * overdue at @now: an open status and a due date before today (WIB).
 */
void
pamong_requests_query_add_overdue (PamongQuery *query,
                                   GDateTime   *now)
{
  g_autoptr(GEnumClass) statuses = g_type_class_ref (PAMONG_TYPE_REQUEST_STATUS);
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autofree char *due_before = pamong_requests_overdue_due_before (now);

  g_return_if_fail (query != NULL);

  for (guint i = 0; i < statuses->n_values; i++)
    if (!pamong_request_status_is_final ((PamongRequestStatus) statuses->values[i].value))
      g_ptr_array_add (open, (gpointer) statuses->values[i].value_nick);
  g_ptr_array_add (open, NULL);

  pamong_query_add_filter_strings (query, "status", (const char * const *) open->pdata);
  pamong_query_add_filter_range (query, "due-date", NULL, due_before);
}

/* @instant as the store holds it, rounded up (@up) or down to the
 * millisecond the store keeps. */
static char *
stored_timestamp (GDateTime *instant,
                  gboolean   up)
{
  gint sub_ms = g_date_time_get_microsecond (instant) % 1000;
  g_autoptr(GDateTime) rounded = NULL;

  if (up && sub_ms > 0)
    rounded = g_date_time_add (instant, 1000 - sub_ms);
  else
    rounded = g_date_time_ref (instant);
  return pamong_timestamp_format (rounded);
}

/**
 * pamong_requests_query_add_submitted:
 * @query: a query of service requests
 * @start: (nullable): the first instant kept, or %NULL for no start
 * @end: (nullable): the instant after the last one kept, or %NULL for no end
 *
 * Narrows @query to the requests submitted from @start up to, not
 * including, @end.
 */
void
pamong_requests_query_add_submitted (PamongQuery *query,
                                     GDateTime   *start,
                                     GDateTime   *end)
{
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;

  g_return_if_fail (query != NULL);

  if (start == NULL && end == NULL)
    return;
  if (start != NULL)
    min = stored_timestamp (start, TRUE);
  if (end != NULL)
    {
      /* Stored times are whole milliseconds: before @end is at most the
       * millisecond that holds the microsecond before it. */
      g_autoptr(GDateTime) last = g_date_time_add (end, -1);

      max = stored_timestamp (last, FALSE);
    }
  pamong_query_add_filter_range (query, "submitted-at", min, max);
}
