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

struct _PamongRequestsPage
{
  AdwBin                parent_instance;

  PamongStore          *store;
  gulong                store_changed_id;
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

G_DEFINE_FINAL_TYPE (PamongRequestsPage, pamong_requests_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_MODE_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  if (request != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (PamongRequestsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The list */

static const char *
search_text (PamongRequestsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return text != NULL && *text != '\0' ? text : NULL;
}

static void
update_count (PamongRequestsPage *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  g_autofree char *number = pamong_format_integer (n);
  g_autofree char *text = NULL;

  if (search_text (self) != NULL)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s request found",
                                         "%s requests found", n), number);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s request",
                                         "%s requests", n), number);
  gtk_label_set_text (self->count_label, text);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (search_text (self) != NULL)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
set_model (PamongRequestsPage *self,
           GListModel         *model)
{
  gtk_single_selection_set_model (self->selection, model);
  update_count (self);
}

static void
run_query (PamongRequestsPage *self)
{
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    {
      set_model (self, NULL);
      return;
    }

  query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  pamong_query_set_search (query, search_text (self));
  pamong_query_set_sort (query, "submitted-at", TRUE);

  model = pamong_store_query (self->store, query, &error);
  if (model == NULL)
    {
      adw_status_page_set_description (self->no_results_page, error->message);
      set_model (self, NULL);
      gtk_stack_set_visible_child_name (self->list_stack, "no-results");
      return;
    }

  adw_status_page_set_description (self->no_results_page,
                                   _("No service request matches the search. Try a tracking number or an applicant’s name."));
  set_model (self, model);
}

static void
reload_service_types (PamongRequestsPage *self)
{
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) model = NULL;
  guint n;

  g_clear_pointer (&self->service_names, g_hash_table_unref);
  g_clear_pointer (&self->service_kinds, g_hash_table_unref);
  self->service_names = pamong_gui_load_names (self->store, PAMONG_TYPE_SERVICE_TYPE, "name", NULL);
  self->service_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (self->store == NULL)
    return;

  query = pamong_query_new (PAMONG_TYPE_SERVICE_TYPE);
  model = pamong_store_query (self->store, query, NULL);
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
  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  self->unit_names = pamong_gui_load_names (self->store, PAMONG_TYPE_UNIT, "name", NULL);
}

/* Runs after the lazy list has refreshed itself (it listens to the store
 * too, and keeps the selection when rows change). */
static void
store_changed_cb (PamongStore        *store,
                  const char         *collection,
                  PamongRequestsPage *self)
{
  g_autoptr(PamongRecord) fresh = NULL;
  g_autofree char *shown_uuid = NULL;

  if (self->shown != NULL)
    shown_uuid = g_strdup (pamong_record_get_uuid (PAMONG_RECORD (self->shown)));

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
  if (shown_uuid != NULL)
    fresh = pamong_store_lookup (self->store, PAMONG_TYPE_SERVICE_REQUEST, shown_uuid, NULL);
  if (fresh != NULL && !pamong_record_get_deleted (fresh))
    show_request (self, PAMONG_SERVICE_REQUEST (fresh));
  else
    show_request (self, NULL);
}

static void
search_changed_cb (PamongRequestsPage *self)
{
  run_query (self);
}

/* Public */

PamongStore *
pamong_requests_page_get_store (PamongRequestsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), NULL);

  return self->store;
}

void
pamong_requests_page_set_store (PamongRequestsPage *self,
                                PamongStore        *store)
{
  g_return_if_fail (PAMONG_IS_REQUESTS_PAGE (self));
  g_return_if_fail (store == NULL || PAMONG_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->store_changed_id = g_signal_connect_after (store, "changed",
                                                     G_CALLBACK (store_changed_cb), self);

  show_request (self, NULL);
  reload_service_types (self);
  reload_units (self);
  run_query (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GListModel *
pamong_requests_page_get_model (PamongRequestsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

GtkEditable *
pamong_requests_page_get_search_entry (PamongRequestsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUESTS_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
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

  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->shown);
  g_clear_object (&self->region);
  g_clear_pointer (&self->service_names, g_hash_table_unref);
  g_clear_pointer (&self->service_kinds, g_hash_table_unref);
  g_clear_pointer (&self->unit_names, g_hash_table_unref);

  /* The leaflet is both AdwBin's child and a template child: take it out
   * of the bin first, so the two do not both unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAMONG_TYPE_REQUESTS_PAGE);

  G_OBJECT_CLASS (pamong_requests_page_parent_class)->dispose (object);
}

static void
pamong_requests_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SEARCH_MODE_ENABLED:
      g_value_set_boolean (value, gtk_search_bar_get_search_mode (self->search_bar));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_requests_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PamongRequestsPage *self = PAMONG_REQUESTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      pamong_requests_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_SEARCH_MODE_ENABLED:
      gtk_search_bar_set_search_mode (self->search_bar, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
search_mode_changed_cb (PamongRequestsPage *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE_ENABLED]);
}

static void
pamong_requests_page_class_init (PamongRequestsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pamong_requests_page_dispose;
  object_class->get_property = pamong_requests_page_get_property;
  object_class->set_property = pamong_requests_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PAMONG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SEARCH_MODE_ENABLED] =
    g_param_spec_boolean ("search-mode-enabled", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->region = pamong_region_load_default (&error);
  if (self->region == NULL)
    g_critical ("The regency's kecamatan and desa could not be loaded: %s", error->message);

  pamong_gui_add_text_column (self->column_view, _("Tracking number"), FALSE, tracking_cell, self);
  pamong_gui_add_text_column (self->column_view, _("Applicant"), TRUE, applicant_cell, self);
  /* A narrow window keeps the columns a person scans first. */
  g_object_bind_property (self->leaflet, "folded",
                          pamong_gui_add_text_column (self->column_view, _("Service"), TRUE,
                                                      service_cell, self),
                          "visible", G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->leaflet, "folded",
                          pamong_gui_add_text_column (self->column_view, _("Kecamatan"), FALSE,
                                                      kecamatan_cell, self),
                          "visible", G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  pamong_gui_add_text_column (self->column_view, _("Status"), FALSE, status_cell, self);
  pamong_gui_add_text_column (self->column_view, _("Due"), FALSE, due_cell, self);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->back_button, "clicked",
                           G_CALLBACK (back_clicked_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->leaflet, "folded",
                          self->back_button, "visible",
                          G_BINDING_SYNC_CREATE);

  update_count (self);
}
