/* pamong-requests-page.c — the Layanan workspace: citizens' service requests
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <gio/gio.h>

#include "pamong-attachment.h"
#include "pamong-enum-types.h"
#include "pamong-error.h"
#include "pamong-format.h"
#include "pamong-gui-util.h"
#include "pamong-labels.h"
#include "pamong-region.h"
#include "pamong-request-event.h"
#include "pamong-request-intake.h"
#include "pamong-request-receipt.h"
#include "pamong-request-workflow.h"
#include "pamong-requests-dashboard.h"
#include "pamong-requests-page.h"
#include "pamong-requests-util.h"
#include "pamong-service-catalog.h"
#include "pamong-open311-view.h"
#include "pamong-service-request.h"
#include "pamong-service-type.h"
#include "pamong-store.h"
#include "pamong-unit.h"
#include "pamong-workspace-page.h"

/* The submission-date filter's choices, in the dropdown's order. */
typedef enum
{
  PERIOD_ANY,
  PERIOD_TODAY,
  PERIOD_WEEK,
  PERIOD_MONTH,
  PERIOD_YEAR,
  PERIOD_BETWEEN,
} Period;

struct _PamongRequestsPage
{
  PamongWorkspacePage   parent_instance;

  PamongRegion         *region;
  GHashTable           *service_names;  /* uuid -> name */
  GHashTable           *service_kinds;  /* uuid -> GINT_TO_POINTER (kind + 1) */
  GHashTable           *unit_names;     /* uuid -> name */
  GPtrArray            *filter_services; /* uuids, in the service filter's order */
  GPtrArray            *filter_units;   /* uuids, in the unit filter's order */
  GPtrArray            *assign_units;   /* uuids, in the assign row's order */
  PamongServiceRequest *shown;
  GtkWindow            *intake;         /* weak */
  GtkWindow            *catalog;        /* weak */
  char                 *last_service;   /* the service of the last intake */
  char                 *last_error;
  GDateTime            *period_start;   /* the date filter's bounds, or NULL */
  GDateTime            *period_end;     /* exclusive */
  gboolean              overdue_only;
  char                 *overdue_before; /* the overdue filter's last due date, while on */
  guint                 updating;       /* > 0 while the page sets its own widgets */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkDropDown          *source_dropdown;
  GtkStack             *source_stack;
  GtkWidget            *open311_view;
  GtkToggleButton      *filter_button;
  GtkRevealer          *filter_revealer;
  GtkDropDown          *status_filter;
  GtkDropDown          *unit_filter;
  GtkDropDown          *kecamatan_filter;
  GtkDropDown          *service_filter;
  GtkDropDown          *period_filter;
  GtkEntry             *from_entry;
  GtkEntry             *to_entry;
  GtkCheckButton       *overdue_filter;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  GtkStack             *list_stack;
  AdwStatusPage        *no_results_page;
  GtkColumnView        *column_view;
  GtkSingleSelection   *selection;
  GtkWidget            *back_button;
  GtkStack             *detail_stack;
  PamongRequestsDashboard *dashboard;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkWidget            *overdue_box;
  GtkLabel             *overdue_label;
  GtkBox               *actions_box;
  AdwEntryRow          *comment_row;
  AdwComboRow          *assign_row;
  AdwActionRow         *service_type_row;
  AdwActionRow         *kind_row;
  AdwActionRow         *description_row;
  AdwActionRow         *status_row;
  AdwActionRow         *reject_reason_row;
  AdwActionRow         *submitted_row;
  AdwActionRow         *due_row;
  AdwActionRow         *completed_row;
  AdwActionRow         *applicant_row;
  AdwActionRow         *nik_row;
  AdwActionRow         *phone_row;
  AdwActionRow         *address_row;
  AdwActionRow         *kecamatan_row;
  AdwActionRow         *desa_row;
  AdwActionRow         *location_row;
  GtkListBox           *attachments_list;
  GtkListBox           *timeline_list;
};

G_DEFINE_FINAL_TYPE (PamongRequestsPage, pamong_requests_page, PAMONG_TYPE_WORKSPACE_PAGE)

static void run_query (PamongRequestsPage *self);

static const char *
lookup_name (GHashTable *names,
             const char *uuid,
             const char *unknown)
{
  const char *name;

  if (uuid == NULL || *uuid == '\0')
    return NULL;
  name = names != NULL ? g_hash_table_lookup (names, uuid) : NULL;
  return name != NULL ? name : unknown;
}

static const char *
service_name (PamongRequestsPage *self,
              const char         *uuid)
{
  /* A reference to a service type that has not been synchronised yet. */
  return lookup_name (self->service_names, uuid, _("Unknown service"));
}

static const char *
region_name (PamongRequestsPage *self,
             const char         *code)
{
  const char *name;

  if (code == NULL || *code == '\0' || self->region == NULL)
    return code;
  name = pamong_region_lookup_name (self->region, code);
  return name != NULL ? name : code;
}

static const char *
status_nick (PamongRequestStatus status)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PAMONG_TYPE_REQUEST_STATUS);
  GEnumValue *value = g_enum_get_value (klass, status);

  return value != NULL ? value->value_nick : NULL;
}

static void
show_error (PamongRequestsPage *self,
            const char         *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_free (self->last_error);
  self->last_error = g_strdup (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_message (PamongRequestsPage *self,
              const char         *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Columns */

static char *
tracking_cell (gpointer item,
               gpointer user_data)
{
  return g_strdup (pamong_service_request_get_tracking_number (item));
}

static char *
applicant_cell (gpointer item,
                gpointer user_data)
{
  return g_strdup (pamong_service_request_get_applicant_name (item));
}

static char *
service_cell (gpointer item,
              gpointer user_data)
{
  return g_strdup (service_name (user_data, pamong_service_request_get_service_type (item)));
}

static char *
kecamatan_cell (gpointer item,
                gpointer user_data)
{
  return g_strdup (region_name (user_data, pamong_service_request_get_kecamatan_code (item)));
}

static char *
status_cell (gpointer item,
             gpointer user_data)
{
  return g_strdup (pamong_label_request_status (pamong_service_request_get_status (item)));
}

static char *
due_cell (gpointer item,
          gpointer user_data)
{
  return pamong_format_date_iso_short (pamong_service_request_get_due_date (item));
}

static const PamongCellTextFunc cell_funcs[] = {
  tracking_cell, applicant_cell, service_cell, kecamatan_cell, status_cell, due_cell,
};

/* The due column: the date, and for an overdue request an alarm icon, the
 * error colour and words for screen readers. */
static void
due_cell_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"),
                                  -1);
  gtk_widget_set_tooltip_text (icon, _("Overdue"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
due_cell_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  PamongServiceRequest *request = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;
  gboolean overdue;

  if (request == NULL)
    return;

  text = due_cell (request, user_data);
  overdue = pamong_request_is_overdue (request, NULL);
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (icon, overdue);
  if (overdue)
    {
      g_autofree char *description = g_strdup_printf (_("Overdue: due %s"), text);

      gtk_widget_add_css_class (box, "pamong-overdue");
      gtk_widget_add_css_class (label, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (box, "pamong-overdue");
      gtk_widget_remove_css_class (label, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

static void
add_due_column (PamongRequestsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (due_cell_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (due_cell_bind), self);
  column = gtk_column_view_column_new (_("Due"), factory);
  gtk_column_view_column_set_fixed_width (column, 120);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

/* Timeline */

static GtkWidget *
timeline_row_new (PamongRequestsPage *self,
                  PamongRequestEvent *event)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  const char *icon_name;
  const char *note = pamong_request_event_get_note (event);
  const char *author = pamong_request_event_get_author (event);
  g_autofree char *title = NULL;
  g_autofree char *when = pamong_requests_format_timestamp (pamong_record_get_created_at (PAMONG_RECORD (event)));
  GString *subtitle = g_string_new (NULL);

  switch (pamong_request_event_get_kind (event))
    {
    case PAMONG_EVENT_KIND_CREATED:
      icon_name = "document-new-symbolic";
      title = g_strdup (_("Request submitted"));
      break;
    case PAMONG_EVENT_KIND_STATUS:
      icon_name = pamong_request_event_get_to_status (event) == PAMONG_REQUEST_STATUS_REJECTED ?
                  "dialog-error-symbolic" : "emblem-ok-symbolic";
      /* Translators: a status change on a request's timeline, e.g. "Submitted → Verified" */
      title = g_strdup_printf (_("%s → %s"),
                               pamong_label_request_status (pamong_request_event_get_from_status (event)),
                               pamong_label_request_status (pamong_request_event_get_to_status (event)));
      break;
    case PAMONG_EVENT_KIND_COMMENT:
      icon_name = "chat-message-new-symbolic";
      title = g_strdup (_("Comment"));
      break;
    case PAMONG_EVENT_KIND_ASSIGNED:
    default:
      icon_name = "system-users-symbolic";
      title = g_strdup (_("Assigned to a unit"));
      break;
    }

  if (note != NULL && *note != '\0')
    {
      g_string_append (subtitle, note);
      g_string_append_c (subtitle, '\n');
    }
  /* Translators: who recorded a timeline event, and when */
  g_string_append_printf (subtitle, _("%s · %s"),
                          author != NULL && *author != '\0' ? author : _("Unknown person"),
                          when != NULL ? when : "");

  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pamong_label_event_kind (pamong_request_event_get_kind (event)), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "pamong-timeline-event");
  g_string_free (subtitle, TRUE);

  return row;
}

static void
clear_list_box (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

static GtkWidget *
placeholder_row_new (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
fill_timeline (PamongRequestsPage *self)
{
  PamongStore *store = pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  clear_list_box (self->timeline_list);
  if (store == NULL || self->shown == NULL)
    return;

  events = pamong_request_workflow_list_events (store, pamong_record_get_uuid (PAMONG_RECORD (self->shown)),
                                                &error);
  if (events == NULL)
    {
      gtk_list_box_append (self->timeline_list, placeholder_row_new (error->message));
      return;
    }
  if (events->len == 0)
    gtk_list_box_append (self->timeline_list,
                         placeholder_row_new (_("No events recorded yet.")));
  for (guint i = 0; i < events->len; i++)
    gtk_list_box_append (self->timeline_list, timeline_row_new (self, g_ptr_array_index (events, i)));
}

/* Attachments */

static char *
format_size (gint64 size)
{
  return g_format_size ((guint64) MAX (size, 0));
}

static void
fill_attachments (PamongRequestsPage *self)
{
  PamongStore *store = pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;

  clear_list_box (self->attachments_list);
  if (store == NULL || self->shown == NULL)
    return;

  attachments = pamong_store_list_attachments (store, pamong_record_get_uuid (PAMONG_RECORD (self->shown)),
                                               &error);
  if (attachments == NULL)
    {
      gtk_list_box_append (self->attachments_list, placeholder_row_new (error->message));
      return;
    }
  if (attachments->len == 0)
    gtk_list_box_append (self->attachments_list, placeholder_row_new (_("No attachments.")));

  for (guint i = 0; i < attachments->len; i++)
    {
      PamongAttachment *attachment = g_ptr_array_index (attachments, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("document-open-symbolic");
      g_autofree char *size = format_size (pamong_attachment_get_size (attachment));
      g_autofree char *label = g_strdup_printf (_("Open %s"), pamong_attachment_get_filename (attachment));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pamong_attachment_get_filename (attachment));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "requests.open-attachment");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                        pamong_record_get_uuid (PAMONG_RECORD (attachment)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->attachments_list, row);
    }
}

/* Details */

static void
fill_actions (PamongRequestsPage *self)
{
  PamongRequestStatus status = pamong_service_request_get_status (self->shown);
  const PamongRequestStatus *next;
  GtkWidget *child;
  guint n_next = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box))) != NULL)
    gtk_box_remove (self->actions_box, child);

  next = pamong_request_status_next (status, &n_next);
  if (n_next == 0)
    {
      GtkWidget *label = gtk_label_new (_("This request is closed; its status cannot change."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->actions_box, label);
      return;
    }

  for (guint i = 0; i < n_next; i++)
    {
      GtkWidget *button;

      if (next[i] == PAMONG_REQUEST_STATUS_REJECTED)
        {
          /* Translators: a button; a reason is asked next */
          button = gtk_button_new_with_label (_("Reject…"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "requests.reject");
          gtk_widget_add_css_class (button, "destructive-action");
        }
      else
        {
          button = gtk_button_new_with_label (pamong_request_status_get_action_label (next[i]));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "requests.transition");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", status_nick (next[i]));
          if (i == 0)
            gtk_widget_add_css_class (button, "suggested-action");
        }
      gtk_box_append (self->actions_box, button);
    }
}

static void
fill_assign (PamongRequestsPage *self)
{
  const char *unit = pamong_service_request_get_unit (self->shown);
  guint selected = 0;

  for (guint i = 0; i < self->assign_units->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->assign_units, i), unit) == 0)
      selected = i + 1;

  self->updating++;
  adw_combo_row_set_selected (self->assign_row, selected);
  self->updating--;
  gtk_widget_set_sensitive (GTK_WIDGET (self->assign_row),
                            !pamong_request_status_is_final (pamong_service_request_get_status (self->shown)));
}

static void
show_request (PamongRequestsPage   *self,
              PamongServiceRequest *request)
{
  const char *service;
  gpointer kind;
  gboolean overdue;

  g_set_object (&self->shown, request);

  if (request == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      clear_list_box (self->timeline_list);
      clear_list_box (self->attachments_list);
      return;
    }

  service = pamong_service_request_get_service_type (request);
  gtk_label_set_text (self->title_label, pamong_service_request_get_tracking_number (request));
  gtk_label_set_text (self->subtitle_label, pamong_service_request_get_applicant_name (request));

  overdue = pamong_request_is_overdue (request, NULL);
  gtk_widget_set_visible (self->overdue_box, overdue);
  if (overdue)
    {
      guint days = pamong_request_get_days_overdue (request, NULL, NULL);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Overdue by %u working day",
                                                            "Overdue by %u working days", days),
                                               days);

      gtk_label_set_text (self->overdue_label, text);
    }

  fill_actions (self);
  fill_assign (self);

  pamong_gui_row_set_value (self->service_type_row, service_name (self, service));
  kind = self->service_kinds != NULL && service != NULL ?
         g_hash_table_lookup (self->service_kinds, service) : NULL;
  pamong_gui_row_set_value (self->kind_row,
                            kind != NULL ? pamong_label_service_kind (GPOINTER_TO_INT (kind) - 1) : NULL);
  pamong_gui_row_set_value (self->description_row, pamong_service_request_get_description (request));
  pamong_gui_row_set_value (self->status_row,
                            pamong_label_request_status (pamong_service_request_get_status (request)));
  pamong_gui_row_set_value (self->reject_reason_row, pamong_service_request_get_reject_reason (request));
  gtk_widget_set_visible (GTK_WIDGET (self->reject_reason_row),
                          pamong_service_request_get_status (request) == PAMONG_REQUEST_STATUS_REJECTED);

  pamong_gui_row_take_value (self->submitted_row,
                             pamong_requests_format_timestamp (pamong_service_request_get_submitted_at (request)));
  pamong_gui_row_take_value (self->due_row,
                             pamong_format_date_iso (pamong_service_request_get_due_date (request), TRUE));
  pamong_gui_row_take_value (self->completed_row,
                             pamong_requests_format_timestamp (pamong_service_request_get_completed_at (request)));

  pamong_gui_row_set_value (self->applicant_row, pamong_service_request_get_applicant_name (request));
  pamong_gui_row_set_value (self->nik_row, pamong_service_request_get_applicant_nik (request));
  pamong_gui_row_set_value (self->phone_row, pamong_service_request_get_applicant_phone (request));
  pamong_gui_row_set_value (self->address_row, pamong_service_request_get_address (request));
  pamong_gui_row_set_value (self->kecamatan_row,
                            region_name (self, pamong_service_request_get_kecamatan_code (request)));
  pamong_gui_row_set_value (self->desa_row,
                            region_name (self, pamong_service_request_get_desa_code (request)));
  if (pamong_service_request_get_has_location (request))
    {
      g_autofree char *latitude = pamong_format_decimal (pamong_service_request_get_latitude (request), 5);
      g_autofree char *longitude = pamong_format_decimal (pamong_service_request_get_longitude (request), 5);

      /* Translators: latitude and longitude in degrees */
      pamong_gui_row_take_value (self->location_row,
                                 g_strdup_printf (_("%s; %s"), latitude, longitude));
    }
  else
    pamong_gui_row_set_value (self->location_row, NULL);

  fill_attachments (self);
  fill_timeline (self);

  gtk_stack_set_visible_child_name (self->detail_stack, "details");
}

static void
selection_changed_cb (PamongRequestsPage *self)
{
  PamongServiceRequest *request = gtk_single_selection_get_selected_item (self->selection);

  show_request (self, request);
  if (request != NULL)
    pamong_workspace_page_show_details (PAMONG_WORKSPACE_PAGE (self));
}

/* Workflow */

/**
 * pamong_requests_page_transition:
 * @to: the status to move the shown request to
 * @note: (nullable): the note; the reason when @to is rejected
 *
 * What the workflow buttons do. A refused transition shows the workflow's
 * message in a toast.
 *
 * Returns: whether the request moved
 */
gboolean
pamong_requests_page_transition (PamongRequestsPage  *self,
                                 PamongRequestStatus  to,
                                 const char          *note)
{
  PamongStore *store;
  g_autoptr(PamongServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), FALSE);

  store = pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));
  if (store == NULL || self->shown == NULL)
    return FALSE;

  /* Work on a copy: the store's "changed" shows the request as saved. */
  request = PAMONG_SERVICE_REQUEST (pamong_record_copy (PAMONG_RECORD (self->shown)));
  if (!pamong_request_workflow_transition (store, request, to, pamong_requests_current_author (),
                                           note, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
transition_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (widget);
  g_autoptr(GEnumClass) klass = g_type_class_ref (PAMONG_TYPE_REQUEST_STATUS);
  GEnumValue *value = g_enum_get_value_by_nick (klass, g_variant_get_string (parameter, NULL));

  if (value == NULL)
    return;
  pamong_requests_page_transition (self, value->value, NULL);
}

static void
reject_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    PamongRequestsPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "reason");

  if (g_str_equal (response, "reject"))
    {
      g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

      pamong_requests_page_transition (self, PAMONG_REQUEST_STATUS_REJECTED, reason);
    }
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "reject", *reason != '\0');
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->shown == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Reject the Request?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Request %s will be closed. Tell the applicant why: the reason is kept on the timeline."),
                                  pamong_service_request_get_tracking_number (self->shown));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for rejection"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for rejection"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "reason", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reject", _("_Reject"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reject",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reject", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reject");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reject_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/**
 * pamong_requests_page_comment:
 *
 * Posts @note on the shown request's timeline.
 *
 * Returns: whether it was saved
 */
gboolean
pamong_requests_page_comment (PamongRequestsPage *self,
                              const char         *note)
{
  PamongStore *store;
  g_autoptr(PamongServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), FALSE);

  store = pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));
  if (store == NULL || self->shown == NULL)
    return FALSE;

  request = PAMONG_SERVICE_REQUEST (pamong_record_copy (PAMONG_RECORD (self->shown)));
  if (!pamong_request_workflow_comment (store, request, pamong_requests_current_author (), note, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
comment_activated_cb (PamongRequestsPage *self)
{
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_row))));

  if (*note == '\0')
    return;
  if (pamong_requests_page_comment (self, note))
    gtk_editable_set_text (GTK_EDITABLE (self->comment_row), "");
}

static void
assign_selected_cb (PamongRequestsPage *self)
{
  PamongStore *store = pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));
  g_autoptr(PamongServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  guint position = adw_combo_row_get_selected (self->assign_row);
  const char *unit;

  if (self->updating > 0 || store == NULL || self->shown == NULL ||
      position == GTK_INVALID_LIST_POSITION || position == 0 || position > self->assign_units->len)
    return;

  unit = g_ptr_array_index (self->assign_units, position - 1);
  if (g_strcmp0 (unit, pamong_service_request_get_unit (self->shown)) == 0)
    return;

  request = PAMONG_SERVICE_REQUEST (pamong_record_copy (PAMONG_RECORD (self->shown)));
  if (!pamong_request_workflow_assign (store, request, unit, pamong_requests_current_author (),
                                       NULL, &error))
    {
      show_error (self, error->message);
      fill_assign (self);
    }
}

/* Receipt */

static void
receipt_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PamongRequestsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = pamong_request_receipt_finish (result, &error);

  if (error != NULL)
    show_error (self, error->message);
  else if (message != NULL)
    show_message (self, message);
}

static void
receipt_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (widget);
  PamongStore *store = pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));

  if (self->shown == NULL)
    return;
  if (g_str_equal (action_name, "requests.print-receipt"))
    pamong_request_receipt_print_async (parent, store, self->shown, NULL,
                                        receipt_done_cb, g_object_ref (self));
  else
    pamong_request_receipt_save_pdf_async (parent, store, self->shown, NULL,
                                           receipt_done_cb, g_object_ref (self));
}

/* Attachments */

/**
 * pamong_requests_page_attach_file:
 *
 * Attaches @file to the shown request: its bytes are kept in the store and
 * upload at the next synchronisation.
 *
 * Returns: whether it was attached
 */
gboolean
pamong_requests_page_attach_file (PamongRequestsPage *self,
                                  GFile              *file)
{
  PamongStore *store;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(PamongAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *content_type = NULL;

  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  store = pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));
  if (store == NULL || self->shown == NULL)
    return FALSE;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    {
      name = g_strdup (g_file_info_get_display_name (info));
      content_type = g_file_info_get_content_type (info);
    }
  if (name == NULL)
    name = g_file_get_basename (file);

  {
    g_autofree char *mime = content_type != NULL ? g_content_type_get_mime_type (content_type) : NULL;

    attachment = pamong_store_attach (store, PAMONG_RECORD (self->shown), name,
                                      mime != NULL ? mime : "application/octet-stream", bytes, &error);
  }
  if (attachment == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
attach_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    PamongRequestsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          if (!pamong_requests_page_attach_file (self, file))
            break;
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->shown == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Attach Photos or Scans"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (images, _("Photos, scans and PDF documents"));
  gtk_file_filter_add_mime_type (images, "image/*");
  gtk_file_filter_add_mime_type (images, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), images);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (attach_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * pamong_requests_page_open_attachment:
 * @launch: whether to hand the file to the system's handler
 *
 * Writes the attachment @uuid to a private temporary file (and shows it
 * with the system's handler when @launch).
 *
 * Returns: (transfer full) (nullable): the temporary file, or %NULL when
 * the content is not here (yet); the page says why
 */
GFile *
pamong_requests_page_open_attachment (PamongRequestsPage *self,
                                      const char         *uuid,
                                      gboolean            launch)
{
  PamongStore *store;
  g_autoptr(PamongRecord) record = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  PamongAttachment *attachment;

  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), NULL);

  store = pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));
  if (store == NULL)
    return NULL;
  record = pamong_store_lookup (store, PAMONG_TYPE_ATTACHMENT, uuid, &error);
  if (record == NULL)
    {
      show_error (self, error->message);
      return NULL;
    }
  attachment = PAMONG_ATTACHMENT (record);

  bytes = pamong_store_load_blob (store, pamong_attachment_get_sha256 (attachment), &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
        show_error (self, _("This attachment has not been downloaded yet. Synchronise, then try again."));
      else
        show_error (self, error->message);
      return NULL;
    }

  /* One private folder per attachment keeps the file's own name, which
   * the system's viewer shows. */
  dir = g_build_filename (g_get_user_cache_dir (), "pamong", "attachments",
                          pamong_attachment_get_sha256 (attachment), NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      show_error (self, _("A temporary copy of the attachment could not be made."));
      return NULL;
    }
  basename = g_path_get_basename (pamong_attachment_get_filename (attachment));
  if (g_str_equal (basename, ".") || g_str_equal (basename, G_DIR_SEPARATOR_S))
    {
      g_free (basename);
      basename = g_strdup ("attachment");
    }
  path = g_build_filename (dir, basename, NULL);
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error))
    {
      show_error (self, error->message);
      return NULL;
    }

  file = g_file_new_for_path (path);
  if (launch)
    {
      uri = g_file_get_uri (file);
      gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
    }
  return g_steal_pointer (&file);
}

static void
open_attachment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autoptr(GFile) file = pamong_requests_page_open_attachment (PAMONG_REQUESTS_PAGE (widget),
                                                                g_variant_get_string (parameter, NULL),
                                                                TRUE);
}

/* The list and its filters */

static gboolean
filters_active (PamongRequestsPage *self)
{
  return gtk_drop_down_get_selected (self->status_filter) > 0 ||
         gtk_drop_down_get_selected (self->unit_filter) > 0 ||
         gtk_drop_down_get_selected (self->kecamatan_filter) > 0 ||
         gtk_drop_down_get_selected (self->service_filter) > 0 ||
         self->period_start != NULL || self->period_end != NULL || self->overdue_only;
}

static void
update_count (PamongRequestsPage *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  gboolean searching = pamong_workspace_page_get_search_text (PAMONG_WORKSPACE_PAGE (self)) != NULL;
  gboolean filtering = filters_active (self);
  g_autofree char *number = pamong_format_integer (n);
  g_autofree char *text = NULL;

  if (searching || filtering)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s request found",
                                         "%s requests found", n), number);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s request",
                                         "%s requests", n), number);
  gtk_label_set_text (self->count_label, text);
  /* A query the store refused keeps its explanation (run_query()). */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "no-results") != 0 ||
      n > 0 || searching || filtering)
    pamong_gui_list_show_state (self->list_stack, n, searching || filtering);
}

/* A date typed as YYYY-MM-DD, as the local midnight that starts it (or,
 * with @next_day, the one after it); NULL when empty or not a date. */
static GDateTime *
parse_day (GtkEntry *entry,
           gboolean  next_day,
           gboolean *valid)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GDateTime) day = NULL;
  unsigned year, month, mday;
  char end;

  *valid = TRUE;
  if (text == NULL || *text == '\0')
    return NULL;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &mday, &end) != 3 ||
      !g_date_valid_dmy ((GDateDay) mday, (GDateMonth) month, (GDateYear) year))
    {
      *valid = FALSE;
      return NULL;
    }
  day = g_date_time_new_local ((int) year, (int) month, (int) mday, 0, 0, 0);
  return next_day ? g_date_time_add_days (day, 1) : g_date_time_ref (day);
}

static void
mark_entry (GtkEntry *entry,
            gboolean  valid)
{
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
update_period (PamongRequestsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now),
                                                         0, 0, 0);
  Period period = (Period) gtk_drop_down_get_selected (self->period_filter);
  gboolean valid;

  g_clear_pointer (&self->period_start, g_date_time_unref);
  g_clear_pointer (&self->period_end, g_date_time_unref);
  /* The flow box's slots too, so hidden entries leave no gap. */
  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), period == PERIOD_BETWEEN);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->from_entry)), period == PERIOD_BETWEEN);
  gtk_widget_set_visible (GTK_WIDGET (self->to_entry), period == PERIOD_BETWEEN);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->to_entry)), period == PERIOD_BETWEEN);
  switch (period)
    {
    case PERIOD_TODAY:
      self->period_start = g_date_time_ref (midnight);
      break;
    case PERIOD_WEEK:
      self->period_start = g_date_time_add_days (midnight, -6);
      break;
    case PERIOD_MONTH:
      self->period_start = g_date_time_add_days (midnight, -29);
      break;
    case PERIOD_YEAR:
      self->period_start = g_date_time_new_local (g_date_time_get_year (now), 1, 1, 0, 0, 0);
      break;
    case PERIOD_BETWEEN:
      /* Both days count; a date that cannot be read is marked and ignored. */
      self->period_start = parse_day (self->from_entry, FALSE, &valid);
      mark_entry (self->from_entry, valid);
      self->period_end = parse_day (self->to_entry, TRUE, &valid);
      mark_entry (self->to_entry, valid);
      break;
    case PERIOD_ANY:
    default:
      break;
    }
}

static void
run_query (PamongRequestsPage *self)
{
  PamongWorkspacePage *page = PAMONG_WORKSPACE_PAGE (self);
  PamongStore *store = pamong_workspace_page_get_store (page);
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  if (store == NULL)
    {
      gtk_single_selection_set_model (self->selection, NULL);
      update_count (self);
      return;
    }

  pamong_query_set_search (query, pamong_workspace_page_get_search_text (page));
  position = gtk_drop_down_get_selected (self->status_filter);
  if (position > 0 && position != GTK_INVALID_LIST_POSITION)
    pamong_query_add_filter_string (query, "status", status_nick (position - 1));
  position = gtk_drop_down_get_selected (self->unit_filter);
  if (position > 0 && position <= self->filter_units->len)
    pamong_query_add_filter_string (query, "unit", g_ptr_array_index (self->filter_units, position - 1));
  position = gtk_drop_down_get_selected (self->kecamatan_filter);
  if (position > 0 && self->region != NULL && position <= pamong_region_get_n_kecamatan (self->region))
    pamong_query_add_filter_string (query, "kecamatan-code",
                                    pamong_kecamatan_get_code (pamong_region_get_kecamatan (self->region,
                                                                                            position - 1)));
  position = gtk_drop_down_get_selected (self->service_filter);
  if (position > 0 && position <= self->filter_services->len)
    pamong_query_add_filter_string (query, "service-type",
                                    g_ptr_array_index (self->filter_services, position - 1));
  /* Overdue and the submission period are store filters too: the store's
   * indexes find the rows, and the list stays the store's lazy one. */
  g_clear_pointer (&self->overdue_before, g_free);
  if (self->overdue_only)
    {
      self->overdue_before = pamong_requests_overdue_due_before (NULL);
      pamong_requests_query_add_overdue (query, NULL);
    }
  pamong_requests_query_add_submitted (query, self->period_start, self->period_end);
  pamong_query_set_sort (query, "submitted-at", TRUE);

  model = pamong_store_query (store, query, &error);
  if (model == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->no_results_page, escaped);
      gtk_single_selection_set_model (self->selection, NULL);
      update_count (self);
      gtk_stack_set_visible_child_name (self->list_stack, "no-results");
      return;
    }
  adw_status_page_set_description (self->no_results_page,
                                   filters_active (self) ?
                                   _("No service request matches the search and the filters. Clear the filters to see more.") :
                                   _("No service request matches the search. Try a tracking number or an applicant’s name."));

  gtk_single_selection_set_model (self->selection, model);
  update_count (self);
}

static void
filter_changed_cb (PamongRequestsPage *self)
{
  if (self->updating > 0)
    return;
  self->overdue_only = gtk_check_button_get_active (self->overdue_filter);
  update_period (self);
  run_query (self);
}

static void
set_string_model (GtkDropDown *dropdown,
                  GPtrArray   *strings)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GtkStringList) model = NULL;

  g_ptr_array_add (strings, NULL);
  model = gtk_string_list_new ((const char * const *) strings->pdata);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  if (selected != GTK_INVALID_LIST_POSITION && selected < (guint) strings->len - 1)
    gtk_drop_down_set_selected (dropdown, selected);
  else
    gtk_drop_down_set_selected (dropdown, 0);
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  GHashTable *names = user_data;

  return g_utf8_collate (g_hash_table_lookup (names, *(const char **) a),
                         g_hash_table_lookup (names, *(const char **) b));
}

static GPtrArray *
sorted_uuids (GHashTable *names)
{
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  if (names == NULL)
    return uuids;
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (uuids, g_strdup (key));
  g_ptr_array_sort_with_data (uuids, compare_by_name, names);
  return uuids;
}

/* The uuid a filter has chosen, to choose it again after the choices
 * changed (a unit or a service synchronised in between). */
static char *
chosen_uuid (GtkDropDown *dropdown,
             GPtrArray   *uuids)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (uuids == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION || position > uuids->len)
    return NULL;
  return g_strdup (g_ptr_array_index (uuids, position - 1));
}

static void
choose_uuid (GtkDropDown *dropdown,
             GPtrArray   *uuids,
             const char  *uuid)
{
  guint position = 0;

  for (guint i = 0; uuid != NULL && i < uuids->len; i++)
    if (g_str_equal (g_ptr_array_index (uuids, i), uuid))
      position = i + 1;
  gtk_drop_down_set_selected (dropdown, position);
}

static void
fill_filter_choices (PamongRequestsPage *self)
{
  g_autoptr(GPtrArray) strings = NULL;
  g_autoptr(GtkStringList) assign_model = NULL;
  g_autofree char *unit = chosen_uuid (self->unit_filter, self->filter_units);
  g_autofree char *service = chosen_uuid (self->service_filter, self->filter_services);
  guint n;

  self->updating++;

  strings = g_ptr_array_new ();
  g_ptr_array_add (strings, (gpointer) _("All statuses"));
  for (PamongRequestStatus status = PAMONG_REQUEST_STATUS_SUBMITTED;
       status <= PAMONG_REQUEST_STATUS_REJECTED; status++)
    g_ptr_array_add (strings, (gpointer) pamong_label_request_status (status));
  set_string_model (self->status_filter, strings);
  g_clear_pointer (&strings, g_ptr_array_unref);

  g_clear_pointer (&self->filter_units, g_ptr_array_unref);
  self->filter_units = sorted_uuids (self->unit_names);
  strings = g_ptr_array_new ();
  g_ptr_array_add (strings, (gpointer) _("All units"));
  for (guint i = 0; i < self->filter_units->len; i++)
    g_ptr_array_add (strings, g_hash_table_lookup (self->unit_names, g_ptr_array_index (self->filter_units, i)));
  set_string_model (self->unit_filter, strings);
  choose_uuid (self->unit_filter, self->filter_units, unit);

  /* The assign row offers the same units. */
  g_clear_pointer (&self->assign_units, g_ptr_array_unref);
  self->assign_units = g_ptr_array_ref (self->filter_units);
  g_ptr_array_index (strings, 0) = (gpointer) _("Not assigned");
  g_ptr_array_set_size (strings, strings->len - 1);  /* set_string_model's NULL */
  g_ptr_array_add (strings, NULL);
  assign_model = gtk_string_list_new ((const char * const *) strings->pdata);
  adw_combo_row_set_model (self->assign_row, G_LIST_MODEL (assign_model));
  g_clear_pointer (&strings, g_ptr_array_unref);

  strings = g_ptr_array_new ();
  g_ptr_array_add (strings, (gpointer) _("All kecamatan"));
  n = self->region != NULL ? pamong_region_get_n_kecamatan (self->region) : 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (strings, (gpointer) pamong_kecamatan_get_name (pamong_region_get_kecamatan (self->region, i)));
  set_string_model (self->kecamatan_filter, strings);
  g_clear_pointer (&strings, g_ptr_array_unref);

  g_clear_pointer (&self->filter_services, g_ptr_array_unref);
  self->filter_services = sorted_uuids (self->service_names);
  strings = g_ptr_array_new ();
  g_ptr_array_add (strings, (gpointer) _("All services"));
  for (guint i = 0; i < self->filter_services->len; i++)
    g_ptr_array_add (strings, g_hash_table_lookup (self->service_names,
                                                   g_ptr_array_index (self->filter_services, i)));
  set_string_model (self->service_filter, strings);
  choose_uuid (self->service_filter, self->filter_services, service);
  g_clear_pointer (&strings, g_ptr_array_unref);

  self->updating--;
}

static void
reload_service_types (PamongRequestsPage *self)
{
  PamongStore *store = pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));
  g_autoptr(GPtrArray) types = pamong_requests_load_service_types (store);

  g_clear_pointer (&self->service_names, g_hash_table_unref);
  g_clear_pointer (&self->service_kinds, g_hash_table_unref);
  self->service_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->service_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < types->len; i++)
    {
      PamongServiceType *type = g_ptr_array_index (types, i);
      const char *uuid = pamong_record_get_uuid (PAMONG_RECORD (type));

      g_hash_table_insert (self->service_names, g_strdup (uuid), g_strdup (pamong_service_type_get_name (type)));
      g_hash_table_insert (self->service_kinds, g_strdup (uuid),
                           GINT_TO_POINTER (pamong_service_type_get_kind (type) + 1));
    }
}

static void
reload_units (PamongRequestsPage *self)
{
  PamongStore *store = pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));

  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  self->unit_names = pamong_gui_load_names (store, PAMONG_TYPE_UNIT, "short-name", "name");
}

/* Actions */

static void
intake_saved_cb (PamongRequestIntake  *intake,
                 PamongServiceRequest *request,
                 PamongRequestsPage   *self)
{
  g_free (self->last_service);
  self->last_service = g_strdup (pamong_service_request_get_service_type (request));
}

/**
 * pamong_requests_page_new_request:
 *
 * Opens the intake form, with the service of the previous request chosen.
 *
 * Returns: (transfer none): the form's window
 */
GtkWindow *
pamong_requests_page_new_request (PamongRequestsPage *self)
{
  PamongRequestIntake *intake;

  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), NULL);

  if (self->intake != NULL)
    {
      gtk_window_present (self->intake);
      return self->intake;
    }

  intake = pamong_request_intake_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self)));
  if (self->last_service != NULL)
    pamong_request_intake_set_service (intake, self->last_service);
  g_signal_connect_object (intake, "saved", G_CALLBACK (intake_saved_cb), self, 0);
  self->intake = GTK_WINDOW (intake);
  g_object_add_weak_pointer (G_OBJECT (intake), (gpointer *) &self->intake);
  gtk_window_present (GTK_WINDOW (intake));
  return self->intake;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  pamong_requests_page_new_request (PAMONG_REQUESTS_PAGE (widget));
}

static void
dashboard_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (widget);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_request (self, NULL);
  pamong_requests_dashboard_refresh (self->dashboard);
  pamong_workspace_page_show_details (PAMONG_WORKSPACE_PAGE (self));
}

static void
toggle_filters_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (widget);

  gtk_toggle_button_set_active (self->filter_button, !gtk_toggle_button_get_active (self->filter_button));
  if (gtk_toggle_button_get_active (self->filter_button))
    gtk_widget_grab_focus (GTK_WIDGET (self->status_filter));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (widget);

  self->updating++;
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->unit_filter, 0);
  gtk_drop_down_set_selected (self->kecamatan_filter, 0);
  gtk_drop_down_set_selected (self->service_filter, 0);
  gtk_drop_down_set_selected (self->period_filter, PERIOD_ANY);
  gtk_check_button_set_active (self->overdue_filter, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  self->updating--;
  filter_changed_cb (self);
}

static void
catalogue_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (widget);

  if (self->catalog == NULL)
    {
      self->catalog = GTK_WINDOW (pamong_service_catalog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                              pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self))));
      g_object_add_weak_pointer (G_OBJECT (self->catalog), (gpointer *) &self->catalog);
    }
  gtk_window_present (self->catalog);
}

static void
add_source_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (widget);

  pamong_open311_view_ask_for_source (PAMONG_OPEN311_VIEW (self->open311_view));
}

/* PamongWorkspacePage */

static void
pamong_requests_page_reload (PamongWorkspacePage *page)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (page);
  PamongStore *store = pamong_workspace_page_get_store (page);

  show_request (self, NULL);
  reload_service_types (self);
  reload_units (self);
  fill_filter_choices (self);
  pamong_requests_dashboard_set_store (self->dashboard, store);
  pamong_open311_view_set_store (PAMONG_OPEN311_VIEW (self->open311_view), store);
  run_query (self);
}

static void
pamong_requests_page_store_changed (PamongWorkspacePage *page,
                                    const char          *collection)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (page);
  g_autoptr(PamongServiceRequest) shown = NULL;
  g_autoptr(PamongRecord) fresh = NULL;

  /* Selecting a row while the list refreshes moves self->shown on. */
  if (self->shown != NULL)
    shown = g_object_ref (self->shown);

  if (g_strcmp0 (collection, "service_types") == 0)
    {
      /* Rows show service names: bind them again. */
      reload_service_types (self);
      fill_filter_choices (self);
      run_query (self);
    }
  else if (g_strcmp0 (collection, "units") == 0)
    {
      reload_units (self);
      fill_filter_choices (self);
      run_query (self);
    }
  else if (g_strcmp0 (collection, "service_requests") == 0)
    {
      /* The list follows the store by itself; the overdue filter's bound
       * moves on when the day has changed since it was set. */
      if (self->overdue_only)
        {
          g_autofree char *before = pamong_requests_overdue_due_before (NULL);

          if (g_strcmp0 (before, self->overdue_before) != 0)
            run_query (self);
        }
      update_count (self);
    }
  else if (g_strcmp0 (collection, "request_events") == 0 ||
           g_strcmp0 (collection, "attachments") == 0)
    ;
  else
    return;

  pamong_requests_dashboard_queue_refresh (self->dashboard);

  /* Keep showing the request that was open, as it is now. */
  fresh = pamong_gui_lookup_again (pamong_workspace_page_get_store (page), PAMONG_RECORD (shown));
  if (fresh != NULL || shown != NULL)
    show_request (self, PAMONG_SERVICE_REQUEST (fresh));
}

static void
pamong_requests_page_search_changed (PamongWorkspacePage *page)
{
  run_query (PAMONG_REQUESTS_PAGE (page));
}

static void
source_selected_cb (PamongRequestsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->source_dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    {
      gtk_stack_set_visible_child_name (self->source_stack, "local");
      return;
    }
  pamong_open311_view_show_source (PAMONG_OPEN311_VIEW (self->open311_view), position - 1);
  gtk_stack_set_visible_child_name (self->source_stack, "open311");
}

static void
sources_changed_cb (PamongRequestsPage *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  guint n = pamong_open311_view_get_n_sources (PAMONG_OPEN311_VIEW (self->open311_view));

  g_ptr_array_add (strings, (gpointer) _("This office’s requests"));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (strings, (gpointer) pamong_open311_view_get_source_title (PAMONG_OPEN311_VIEW (self->open311_view), i));
  set_string_model (self->source_dropdown, strings);
  source_selected_cb (self);
}

/* Public */

GListModel *
pamong_requests_page_get_model (PamongRequestsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

const char *
pamong_requests_page_get_count_text (PamongRequestsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), NULL);

  return gtk_label_get_text (self->count_label);
}

const char *
pamong_requests_page_get_visible_state (PamongRequestsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->list_stack);
}

/**
 * pamong_requests_page_get_cell_text:
 *
 * Returns: (transfer full) (nullable): the text the list shows in @column
 * (0 tracking number … 5 due date) of the row at @position
 */
char *
pamong_requests_page_get_cell_text (PamongRequestsPage *self,
                                    guint               position,
                                    guint               column)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), NULL);
  g_return_val_if_fail (column < G_N_ELEMENTS (cell_funcs), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (item == NULL)
    return NULL;
  return cell_funcs[column] (item, self);
}

/**
 * pamong_requests_page_get_filter:
 * @name: "status", "unit", "kecamatan", "service", "period", "overdue" or
 *   "source"
 *
 * Returns: (transfer none): the filter's widget
 */
GtkWidget *
pamong_requests_page_get_filter (PamongRequestsPage *self,
                                 const char         *name)
{
  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), NULL);

  if (g_str_equal (name, "status"))
    return GTK_WIDGET (self->status_filter);
  if (g_str_equal (name, "unit"))
    return GTK_WIDGET (self->unit_filter);
  if (g_str_equal (name, "kecamatan"))
    return GTK_WIDGET (self->kecamatan_filter);
  if (g_str_equal (name, "service"))
    return GTK_WIDGET (self->service_filter);
  if (g_str_equal (name, "period"))
    return GTK_WIDGET (self->period_filter);
  if (g_str_equal (name, "overdue"))
    return GTK_WIDGET (self->overdue_filter);
  if (g_str_equal (name, "from"))
    return GTK_WIDGET (self->from_entry);
  if (g_str_equal (name, "to"))
    return GTK_WIDGET (self->to_entry);
  if (g_str_equal (name, "source"))
    return GTK_WIDGET (self->source_dropdown);
  g_return_val_if_reached (NULL);
}

/**
 * pamong_requests_page_select:
 *
 * Shows the request at @position of the list in the detail pane.
 */
void
pamong_requests_page_select (PamongRequestsPage *self,
                             guint               position)
{
  g_return_if_fail (PAMONG_IS_REQUESTS_PAGE (self));

  gtk_single_selection_set_selected (self->selection, position);
}

/**
 * pamong_requests_page_get_shown:
 *
 * Returns: (transfer none) (nullable): the request in the detail pane
 */
PamongServiceRequest *
pamong_requests_page_get_shown (PamongRequestsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), NULL);

  return self->shown;
}

/**
 * pamong_requests_page_get_last_error:
 *
 * Returns: (nullable): the last error the page showed in a toast
 */
const char *
pamong_requests_page_get_last_error (PamongRequestsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), NULL);

  return self->last_error;
}

/**
 * pamong_requests_page_get_part:
 * @name: "actions", "timeline", "attachments", "comment", "assign",
 *   "dashboard", "overdue", "detail" or "open311"
 *
 * Returns: (transfer none): a part of the page, for the UI tests
 */
GtkWidget *
pamong_requests_page_get_part (PamongRequestsPage *self,
                               const char         *name)
{
  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), NULL);

  if (g_str_equal (name, "actions"))
    return GTK_WIDGET (self->actions_box);
  if (g_str_equal (name, "timeline"))
    return GTK_WIDGET (self->timeline_list);
  if (g_str_equal (name, "attachments"))
    return GTK_WIDGET (self->attachments_list);
  if (g_str_equal (name, "comment"))
    return GTK_WIDGET (self->comment_row);
  if (g_str_equal (name, "assign"))
    return GTK_WIDGET (self->assign_row);
  if (g_str_equal (name, "dashboard"))
    return GTK_WIDGET (self->dashboard);
  if (g_str_equal (name, "overdue"))
    return GTK_WIDGET (self->overdue_box);
  if (g_str_equal (name, "detail"))
    return GTK_WIDGET (self->detail_stack);
  if (g_str_equal (name, "open311"))
    return GTK_WIDGET (self->open311_view);
  g_return_val_if_reached (NULL);
}

/* GObject */

static void
pamong_requests_page_dispose (GObject *object)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (object);

  if (self->intake != NULL)
    gtk_window_destroy (self->intake);
  if (self->catalog != NULL)
    gtk_window_destroy (self->catalog);

  g_clear_object (&self->shown);
  g_clear_object (&self->region);
  g_clear_pointer (&self->service_names, g_hash_table_unref);
  g_clear_pointer (&self->service_kinds, g_hash_table_unref);
  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  g_clear_pointer (&self->filter_services, g_ptr_array_unref);
  g_clear_pointer (&self->filter_units, g_ptr_array_unref);
  g_clear_pointer (&self->assign_units, g_ptr_array_unref);
  g_clear_pointer (&self->period_start, g_date_time_unref);
  g_clear_pointer (&self->period_end, g_date_time_unref);
  g_clear_pointer (&self->overdue_before, g_free);
  g_clear_pointer (&self->last_service, g_free);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (pamong_requests_page_parent_class)->dispose (object);
}

static void
pamong_requests_page_class_init (PamongRequestsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PamongWorkspacePageClass *page_class = PAMONG_WORKSPACE_PAGE_CLASS (klass);

  object_class->dispose = pamong_requests_page_dispose;

  page_class->reload = pamong_requests_page_reload;
  page_class->store_changed = pamong_requests_page_store_changed;
  page_class->search_changed = pamong_requests_page_search_changed;

  g_type_ensure (PAMONG_TYPE_REQUESTS_DASHBOARD);
  g_type_ensure (PAMONG_TYPE_OPEN311_VIEW);

  gtk_widget_class_install_action (widget_class, "requests.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "requests.dashboard", NULL, dashboard_action);
  gtk_widget_class_install_action (widget_class, "requests.toggle-filters", NULL, toggle_filters_action);
  gtk_widget_class_install_action (widget_class, "requests.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "requests.catalogue", NULL, catalogue_action);
  gtk_widget_class_install_action (widget_class, "requests.add-source", NULL, add_source_action);
  gtk_widget_class_install_action (widget_class, "requests.transition", "s", transition_action);
  gtk_widget_class_install_action (widget_class, "requests.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "requests.print-receipt", NULL, receipt_action);
  gtk_widget_class_install_action (widget_class, "requests.save-receipt", NULL, receipt_action);
  gtk_widget_class_install_action (widget_class, "requests.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "requests.open-attachment", "s", open_attachment_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "requests.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "requests.dashboard", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "requests.toggle-filters", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "requests.print-receipt", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/requests/pamong-requests-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, name)
  BIND (toast_overlay);
  BIND (leaflet);
  BIND (source_dropdown);
  BIND (source_stack);
  BIND (open311_view);
  BIND (filter_button);
  BIND (filter_revealer);
  BIND (status_filter);
  BIND (unit_filter);
  BIND (kecamatan_filter);
  BIND (service_filter);
  BIND (period_filter);
  BIND (from_entry);
  BIND (to_entry);
  BIND (overdue_filter);
  BIND (search_bar);
  BIND (search_entry);
  BIND (count_label);
  BIND (list_stack);
  BIND (no_results_page);
  BIND (column_view);
  BIND (selection);
  BIND (back_button);
  BIND (detail_stack);
  BIND (dashboard);
  BIND (title_label);
  BIND (subtitle_label);
  BIND (overdue_box);
  BIND (overdue_label);
  BIND (actions_box);
  BIND (comment_row);
  BIND (assign_row);
  BIND (service_type_row);
  BIND (kind_row);
  BIND (description_row);
  BIND (status_row);
  BIND (reject_reason_row);
  BIND (submitted_row);
  BIND (due_row);
  BIND (completed_row);
  BIND (applicant_row);
  BIND (nik_row);
  BIND (phone_row);
  BIND (address_row);
  BIND (kecamatan_row);
  BIND (desa_row);
  BIND (location_row);
  BIND (attachments_list);
  BIND (timeline_list);
#undef BIND
}

static void
pamong_requests_page_init (PamongRequestsPage *self)
{
  PamongWorkspacePage *page = PAMONG_WORKSPACE_PAGE (self);
  GtkColumnViewColumn *column;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) periods = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  pamong_workspace_page_init_widgets (page, self->leaflet, self->search_bar,
                                      self->search_entry, self->back_button);

  self->region = pamong_region_load_default (&error);
  if (self->region == NULL)
    g_critical ("The regency's kecamatan and desa could not be loaded: %s", error->message);
  self->filter_services = g_ptr_array_new_with_free_func (g_free);
  self->filter_units = g_ptr_array_new_with_free_func (g_free);
  self->assign_units = g_ptr_array_new_with_free_func (g_free);

  /* The names take the room the short columns leave; fixed widths only
   * for columns that always show (see the Aplikasi page). A narrow window
   * keeps the columns a person scans first. */
  pamong_gui_add_text_column (self->column_view, _("Tracking number"), FALSE, 165, tracking_cell, self);
  pamong_gui_add_text_column (self->column_view, _("Applicant"), TRUE, -1, applicant_cell, self);
  column = pamong_gui_add_text_column (self->column_view, _("Service"), TRUE, -1, service_cell, self);
  pamong_workspace_page_hide_when_folded (page, column);
  column = pamong_gui_add_text_column (self->column_view, _("Kecamatan"), FALSE, -1, kecamatan_cell, self);
  pamong_workspace_page_hide_when_folded (page, column);
  pamong_gui_add_text_column (self->column_view, _("Status"), FALSE, -1, status_cell, self);
  add_due_column (self);

  g_ptr_array_add (periods, (gpointer) _("Any time"));
  g_ptr_array_add (periods, (gpointer) _("Submitted today"));
  g_ptr_array_add (periods, (gpointer) _("In the last 7 days"));
  g_ptr_array_add (periods, (gpointer) _("In the last 30 days"));
  g_ptr_array_add (periods, (gpointer) _("This year"));
  g_ptr_array_add (periods, (gpointer) _("Between dates…"));
  set_string_model (self->period_filter, periods);
  update_period (self);
  fill_filter_choices (self);
  sources_changed_cb (self);

  g_object_bind_property (self->filter_button, "active", self->filter_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  {
    GtkWidget *filters[] = {
      GTK_WIDGET (self->status_filter), GTK_WIDGET (self->unit_filter),
      GTK_WIDGET (self->kecamatan_filter), GTK_WIDGET (self->service_filter),
      GTK_WIDGET (self->period_filter),
    };

    for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
      g_signal_connect_object (filters[i], "notify::selected",
                               G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  }
  g_signal_connect_object (self->overdue_filter, "toggled",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_entry, "activate",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "activate",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comment_row, "entry-activated",
                           G_CALLBACK (comment_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->assign_row, "notify::selected",
                           G_CALLBACK (assign_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source_dropdown, "notify::selected",
                           G_CALLBACK (source_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->open311_view, "sources-changed",
                           G_CALLBACK (sources_changed_cb), self, G_CONNECT_SWAPPED);

  update_count (self);
}
