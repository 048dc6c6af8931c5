/* pamong-requests-page.c — the Layanan workspace: citizens' service requests
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pamong-format.h"
#include "pamong-gui-util.h"
#include "pamong-labels.h"
#include "pamong-region.h"
#include "pamong-requests-page.h"
#include "pamong-service-request.h"
#include "pamong-service-type.h"
#include "pamong-store.h"
#include "pamong-unit.h"
#include "pamong-workspace-page.h"

struct _PamongRequestsPage
{
  PamongWorkspacePage   parent_instance;

  PamongRegion         *region;
  GHashTable           *service_names;  /* uuid -> name */
  GHashTable           *service_kinds;  /* uuid -> GINT_TO_POINTER (kind + 1) */
  GHashTable           *unit_names;     /* uuid -> name */
  PamongServiceRequest *shown;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  GtkStack             *list_stack;
  AdwStatusPage        *no_results_page;
  GtkColumnView        *column_view;
  GtkSingleSelection   *selection;
  GtkWidget            *back_button;
  GtkStack             *detail_stack;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  AdwActionRow         *service_type_row;
  AdwActionRow         *kind_row;
  AdwActionRow         *description_row;
  AdwActionRow         *status_row;
  AdwActionRow         *unit_row;
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
};

G_DEFINE_FINAL_TYPE (PamongRequestsPage, pamong_requests_page, PAMONG_TYPE_WORKSPACE_PAGE)

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

/* Details */

static char *
format_timestamp (GDateTime *timestamp)
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

static void
show_request (PamongRequestsPage   *self,
              PamongServiceRequest *request)
{
  const char *service;
  gpointer kind;

  g_set_object (&self->shown, request);

  if (request == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  service = pamong_service_request_get_service_type (request);
  gtk_label_set_text (self->title_label, pamong_service_request_get_tracking_number (request));
  gtk_label_set_text (self->subtitle_label, pamong_service_request_get_applicant_name (request));

  pamong_gui_row_set_value (self->service_type_row, service_name (self, service));
  kind = self->service_kinds != NULL && service != NULL ?
         g_hash_table_lookup (self->service_kinds, service) : NULL;
  pamong_gui_row_set_value (self->kind_row,
                            kind != NULL ? pamong_label_service_kind (GPOINTER_TO_INT (kind) - 1) : NULL);
  pamong_gui_row_set_value (self->description_row, pamong_service_request_get_description (request));
  pamong_gui_row_set_value (self->status_row,
                            pamong_label_request_status (pamong_service_request_get_status (request)));
  pamong_gui_row_set_value (self->unit_row,
                            lookup_name (self->unit_names, pamong_service_request_get_unit (request),
                                         _("Unknown unit")));
  pamong_gui_row_set_value (self->reject_reason_row, pamong_service_request_get_reject_reason (request));
  gtk_widget_set_visible (GTK_WIDGET (self->reject_reason_row),
                          pamong_service_request_get_status (request) == PAMONG_REQUEST_STATUS_REJECTED);

  pamong_gui_row_take_value (self->submitted_row,
                             format_timestamp (pamong_service_request_get_submitted_at (request)));
  pamong_gui_row_take_value (self->due_row,
                             pamong_format_date_iso (pamong_service_request_get_due_date (request), TRUE));
  pamong_gui_row_take_value (self->completed_row,
                             format_timestamp (pamong_service_request_get_completed_at (request)));

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

/* The list */

static void
update_count (PamongRequestsPage *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  gboolean searching = pamong_workspace_page_get_search_text (PAMONG_WORKSPACE_PAGE (self)) != NULL;
  g_autofree char *number = pamong_format_integer (n);
  g_autofree char *text = NULL;

  if (searching)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s request found",
                                         "%s requests found", n), number);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s request",
                                         "%s requests", n), number);
  gtk_label_set_text (self->count_label, text);
  pamong_gui_list_show_state (self->list_stack, n, searching);
}

static void
run_query (PamongRequestsPage *self)
{
  PamongWorkspacePage *page = PAMONG_WORKSPACE_PAGE (self);
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  gboolean ok;

  pamong_query_set_search (query, pamong_workspace_page_get_search_text (page));
  pamong_query_set_sort (query, "submitted-at", TRUE);

  ok = pamong_gui_list_set_query (self->selection, self->no_results_page,
                                  pamong_workspace_page_get_store (page), query,
                                  _("No service request matches the search. Try a tracking number or an applicant’s name."));
  update_count (self);
  if (!ok)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
}

static void
reload_service_types (PamongRequestsPage *self)
{
  PamongStore *store = pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) model = NULL;
  guint n;

  g_clear_pointer (&self->service_names, g_hash_table_unref);
  g_clear_pointer (&self->service_kinds, g_hash_table_unref);
  self->service_names = pamong_gui_load_names (store, PAMONG_TYPE_SERVICE_TYPE, "name", NULL);
  self->service_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (store == NULL)
    return;

  query = pamong_query_new (PAMONG_TYPE_SERVICE_TYPE);
  model = pamong_store_query (store, query, NULL);
  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PamongServiceType) type = g_list_model_get_item (model, i);

      if (type != NULL)
        g_hash_table_insert (self->service_kinds,
                             g_strdup (pamong_record_get_uuid (PAMONG_RECORD (type))),
                             GINT_TO_POINTER (pamong_service_type_get_kind (type) + 1));
    }
}

static void
reload_units (PamongRequestsPage *self)
{
  PamongStore *store = pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));

  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  self->unit_names = pamong_gui_load_names (store, PAMONG_TYPE_UNIT, "name", NULL);
}

/* PamongWorkspacePage */

static void
pamong_requests_page_reload (PamongWorkspacePage *page)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (page);

  show_request (self, NULL);
  reload_service_types (self);
  reload_units (self);
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
      run_query (self);
    }
  else if (g_strcmp0 (collection, "units") == 0)
    reload_units (self);
  else if (g_strcmp0 (collection, "service_requests") == 0)
    update_count (self);
  else
    return;

  /* Keep showing the request that was open, as it is now. */
  fresh = pamong_gui_lookup_again (pamong_workspace_page_get_store (page), PAMONG_RECORD (shown));
  show_request (self, PAMONG_SERVICE_REQUEST (fresh));
}

static void
pamong_requests_page_search_changed (PamongWorkspacePage *page)
{
  run_query (PAMONG_REQUESTS_PAGE (page));
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

/* GObject */

static void
pamong_requests_page_dispose (GObject *object)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (object);

  g_clear_object (&self->shown);
  g_clear_object (&self->region);
  g_clear_pointer (&self->service_names, g_hash_table_unref);
  g_clear_pointer (&self->service_kinds, g_hash_table_unref);
  g_clear_pointer (&self->unit_names, g_hash_table_unref);

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/requests/pamong-requests-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, service_type_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, unit_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, reject_reason_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, submitted_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, due_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, completed_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, applicant_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, nik_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, kecamatan_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, desa_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestsPage, location_row);
}

static void
pamong_requests_page_init (PamongRequestsPage *self)
{
  PamongWorkspacePage *page = PAMONG_WORKSPACE_PAGE (self);
  GtkColumnViewColumn *column;
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  pamong_workspace_page_init_widgets (page, self->leaflet, self->search_bar,
                                      self->search_entry, self->back_button);

  self->region = pamong_region_load_default (&error);
  if (self->region == NULL)
    g_critical ("The regency's kecamatan and desa could not be loaded: %s", error->message);

  /* The names take the room the short columns leave; fixed widths only
   * for columns that always show (see the Aplikasi page). A narrow window
   * keeps the columns a person scans first. */
  pamong_gui_add_text_column (self->column_view, _("Tracking number"), FALSE, 145, tracking_cell, self);
  pamong_gui_add_text_column (self->column_view, _("Applicant"), TRUE, -1, applicant_cell, self);
  column = pamong_gui_add_text_column (self->column_view, _("Service"), TRUE, -1, service_cell, self);
  pamong_workspace_page_hide_when_folded (page, column);
  column = pamong_gui_add_text_column (self->column_view, _("Kecamatan"), FALSE, -1, kecamatan_cell, self);
  pamong_workspace_page_hide_when_folded (page, column);
  pamong_gui_add_text_column (self->column_view, _("Status"), FALSE, -1, status_cell, self);
  pamong_gui_add_text_column (self->column_view, _("Due"), FALSE, 100, due_cell, self);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  update_count (self);
}
