/* pamong-applications-page.c — the Aplikasi workspace: the application inventory
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pamong-application.h"
#include "pamong-applications-page.h"
#include "pamong-format.h"
#include "pamong-gui-util.h"
#include "pamong-labels.h"
#include "pamong-store.h"
#include "pamong-unit.h"
#include "pamong-workspace-page.h"

struct _PamongApplicationsPage
{
  PamongWorkspacePage parent_instance;

  GHashTable         *unit_names;   /* uuid -> short name */
  GHashTable         *unit_full_names;
  PamongApplication  *shown;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  AdwStatusPage      *no_results_page;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  GtkWidget          *back_button;
  GtkStack           *detail_stack;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  AdwActionRow       *description_row;
  AdwActionRow       *function_row;
  AdwActionRow       *reference_code_row;
  AdwActionRow       *services_row;
  AdwActionRow       *data_row;
  AdwActionRow       *outputs_row;
  AdwActionRow       *operator_row;
  AdwActionRow       *developer_row;
  AdwActionRow       *category_row;
  AdwActionRow       *status_row;
  AdwActionRow       *basis_row;
  AdwActionRow       *url_row;
  AdwActionRow       *license_row;
  AdwActionRow       *language_row;
  AdwActionRow       *framework_row;
  AdwActionRow       *database_row;
  AdwActionRow       *server_row;
  AdwActionRow       *year_row;
  AdwActionRow       *plan_row;
  AdwActionRow       *plan_target_row;
  AdwActionRow       *plan_date_row;
  AdwActionRow       *plan_note_row;
};

G_DEFINE_FINAL_TYPE (PamongApplicationsPage, pamong_applications_page, PAMONG_TYPE_WORKSPACE_PAGE)

static const char *
unit_name (PamongApplicationsPage *self,
           const char             *uuid,
           gboolean                full)
{
  GHashTable *names = full ? self->unit_full_names : self->unit_names;
  const char *name;

  if (uuid == NULL || *uuid == '\0')
    return NULL;
  name = names != NULL ? g_hash_table_lookup (names, uuid) : NULL;

  /* A reference to a unit that has not been synchronised yet. */
  return name != NULL ? name : _("Unknown unit");
}

/* Columns */

static char *
name_cell (gpointer item,
           gpointer user_data)
{
  return g_strdup (pamong_application_get_name (item));
}

static char *
unit_cell (gpointer item,
           gpointer user_data)
{
  return g_strdup (unit_name (user_data, pamong_application_get_operator_unit (item), FALSE));
}

static char *
category_cell (gpointer item,
               gpointer user_data)
{
  return g_strdup (pamong_label_app_category (pamong_application_get_category (item)));
}

static char *
basis_cell (gpointer item,
            gpointer user_data)
{
  return g_strdup (pamong_label_app_basis (pamong_application_get_basis (item)));
}

static char *
status_cell (gpointer item,
             gpointer user_data)
{
  return g_strdup (pamong_label_app_status (pamong_application_get_status (item)));
}

static const PamongCellTextFunc cell_funcs[] = {
  name_cell, unit_cell, category_cell, basis_cell, status_cell,
};

/* Details */

static char *
plan_target_text (PamongApplicationsPage *self,
                  const char             *target)
{
  PamongStore *store = pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));
  g_autoptr(PamongRecord) record = NULL;

  if (target == NULL || *target == '\0' || store == NULL)
    return g_strdup (target);

  /* The target is a local application's uuid or a national application's name. */
  record = pamong_store_lookup (store, PAMONG_TYPE_APPLICATION, target, NULL);
  if (record != NULL)
    return g_strdup (pamong_application_get_name (PAMONG_APPLICATION (record)));
  return g_strdup (target);
}

static void
show_application (PamongApplicationsPage *self,
                  PamongApplication      *app)
{
  g_set_object (&self->shown, app);

  if (app == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  gtk_label_set_text (self->title_label, pamong_application_get_name (app));
  gtk_label_set_text (self->subtitle_label,
                      unit_name (self, pamong_application_get_operator_unit (app), TRUE));

  pamong_gui_row_set_value (self->description_row, pamong_application_get_description (app));
  pamong_gui_row_set_value (self->function_row, pamong_application_get_function (app));
  pamong_gui_row_set_value (self->reference_code_row, pamong_application_get_reference_code (app));
  pamong_gui_row_take_value (self->services_row,
                             pamong_gui_join_list (pamong_application_get_supported_services (app)));
  pamong_gui_row_take_value (self->data_row,
                             pamong_gui_join_list (pamong_application_get_data_used (app)));
  pamong_gui_row_set_value (self->outputs_row, pamong_application_get_outputs (app));

  pamong_gui_row_set_value (self->operator_row,
                            unit_name (self, pamong_application_get_operator_unit (app), TRUE));
  pamong_gui_row_set_value (self->developer_row,
                            unit_name (self, pamong_application_get_developer_unit (app), TRUE));
  pamong_gui_row_set_value (self->category_row,
                            pamong_label_app_category (pamong_application_get_category (app)));
  pamong_gui_row_set_value (self->status_row,
                            pamong_label_app_status (pamong_application_get_status (app)));

  pamong_gui_row_set_value (self->basis_row,
                            pamong_label_app_basis (pamong_application_get_basis (app)));
  pamong_gui_row_set_value (self->url_row, pamong_application_get_url (app));
  pamong_gui_row_set_value (self->license_row,
                            pamong_label_app_license (pamong_application_get_license (app)));
  pamong_gui_row_set_value (self->language_row, pamong_application_get_programming_language (app));
  pamong_gui_row_set_value (self->framework_row, pamong_application_get_framework (app));
  pamong_gui_row_set_value (self->database_row, pamong_application_get_database (app));
  pamong_gui_row_set_value (self->server_row, pamong_application_get_server (app));
  if (pamong_application_get_year_built (app) > 0)
    pamong_gui_row_take_value (self->year_row,
                               g_strdup_printf ("%d", pamong_application_get_year_built (app)));
  else
    pamong_gui_row_set_value (self->year_row, NULL);

  pamong_gui_row_set_value (self->plan_row,
                            pamong_label_app_plan (pamong_application_get_plan (app)));
  pamong_gui_row_take_value (self->plan_target_row,
                             plan_target_text (self, pamong_application_get_plan_target (app)));
  pamong_gui_row_take_value (self->plan_date_row,
                             pamong_format_date_iso (pamong_application_get_plan_date (app), FALSE));
  pamong_gui_row_set_value (self->plan_note_row, pamong_application_get_plan_note (app));

  gtk_stack_set_visible_child_name (self->detail_stack, "details");
}

static void
selection_changed_cb (PamongApplicationsPage *self)
{
  PamongApplication *app = gtk_single_selection_get_selected_item (self->selection);

  show_application (self, app);
  if (app != NULL)
    pamong_workspace_page_show_details (PAMONG_WORKSPACE_PAGE (self));
}

/* The list */

static void
update_count (PamongApplicationsPage *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  gboolean searching = pamong_workspace_page_get_search_text (PAMONG_WORKSPACE_PAGE (self)) != NULL;
  g_autofree char *number = pamong_format_integer (n);
  g_autofree char *text = NULL;

  if (searching)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s application found",
                                         "%s applications found", n), number);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s application",
                                         "%s applications", n), number);
  gtk_label_set_text (self->count_label, text);
  pamong_gui_list_show_state (self->list_stack, n, searching);
}

static void
run_query (PamongApplicationsPage *self)
{
  PamongWorkspacePage *page = PAMONG_WORKSPACE_PAGE (self);
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_APPLICATION);
  gboolean ok;

  pamong_query_set_search (query, pamong_workspace_page_get_search_text (page));
  pamong_query_set_sort (query, "name", FALSE);

  ok = pamong_gui_list_set_query (self->selection, self->no_results_page,
                                  pamong_workspace_page_get_store (page), query,
                                  _("No application matches the search. Try other words."));
  update_count (self);
  if (!ok)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
}

static void
reload_units (PamongApplicationsPage *self)
{
  PamongStore *store = pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));

  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  g_clear_pointer (&self->unit_full_names, g_hash_table_unref);
  self->unit_names = pamong_gui_load_names (store, PAMONG_TYPE_UNIT, "short-name", "name");
  self->unit_full_names = pamong_gui_load_names (store, PAMONG_TYPE_UNIT, "name", NULL);
}

/* PamongWorkspacePage */

static void
pamong_applications_page_reload (PamongWorkspacePage *page)
{
  PamongApplicationsPage *self = PAMONG_APPLICATIONS_PAGE (page);

  show_application (self, NULL);
  reload_units (self);
  run_query (self);
}

static void
pamong_applications_page_store_changed (PamongWorkspacePage *page,
                                        const char          *collection)
{
  PamongApplicationsPage *self = PAMONG_APPLICATIONS_PAGE (page);
  g_autoptr(PamongApplication) shown = NULL;
  g_autoptr(PamongRecord) fresh = NULL;

  /* Selecting a row while the list refreshes moves self->shown on. */
  if (self->shown != NULL)
    shown = g_object_ref (self->shown);

  if (g_strcmp0 (collection, "units") == 0)
    {
      /* Rows show unit names: bind them again. */
      reload_units (self);
      run_query (self);
    }
  else if (g_strcmp0 (collection, "applications") == 0)
    update_count (self);
  else
    return;

  /* Keep showing the record that was open, as it is now. */
  fresh = pamong_gui_lookup_again (pamong_workspace_page_get_store (page), PAMONG_RECORD (shown));
  show_application (self, PAMONG_APPLICATION (fresh));
}

static void
pamong_applications_page_search_changed (PamongWorkspacePage *page)
{
  run_query (PAMONG_APPLICATIONS_PAGE (page));
}

/* Public */

GListModel *
pamong_applications_page_get_model (PamongApplicationsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

const char *
pamong_applications_page_get_count_text (PamongApplicationsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self), NULL);

  return gtk_label_get_text (self->count_label);
}

const char *
pamong_applications_page_get_visible_state (PamongApplicationsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->list_stack);
}

/**
 * pamong_applications_page_get_cell_text:
 *
 * Returns: (transfer full) (nullable): the text the list shows in @column
 * (0 name … 4 status) of the row at @position
 */
char *
pamong_applications_page_get_cell_text (PamongApplicationsPage *self,
                                        guint                   position,
                                        guint                   column)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self), NULL);
  g_return_val_if_fail (column < G_N_ELEMENTS (cell_funcs), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (item == NULL)
    return NULL;
  return cell_funcs[column] (item, self);
}

/* GObject */

static void
pamong_applications_page_dispose (GObject *object)
{
  PamongApplicationsPage *self = PAMONG_APPLICATIONS_PAGE (object);

  g_clear_object (&self->shown);
  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  g_clear_pointer (&self->unit_full_names, g_hash_table_unref);

  G_OBJECT_CLASS (pamong_applications_page_parent_class)->dispose (object);
}

static void
pamong_applications_page_class_init (PamongApplicationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PamongWorkspacePageClass *page_class = PAMONG_WORKSPACE_PAGE_CLASS (klass);

  object_class->dispose = pamong_applications_page_dispose;

  page_class->reload = pamong_applications_page_reload;
  page_class->store_changed = pamong_applications_page_store_changed;
  page_class->search_changed = pamong_applications_page_search_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/applications/pamong-applications-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, function_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, reference_code_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, services_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, data_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, outputs_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, operator_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, developer_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, category_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, basis_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, license_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, framework_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, database_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, year_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, plan_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, plan_target_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, plan_date_row);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, plan_note_row);
}

static void
pamong_applications_page_init (PamongApplicationsPage *self)
{
  PamongWorkspacePage *page = PAMONG_WORKSPACE_PAGE (self);
  GtkColumnViewColumn *column;

  gtk_widget_init_template (GTK_WIDGET (self));
  pamong_workspace_page_init_widgets (page, self->leaflet, self->search_bar,
                                      self->search_entry, self->back_button);

  /* The name takes the room the short columns leave. Fixed widths only for
   * columns that always show: GTK 4.8 still counts a hidden column's fixed
   * width, and the list's minimum width must not change when the leaflet
   * folds (it decides the folding). A narrow window keeps the columns a
   * person scans first. */
  pamong_gui_add_text_column (self->column_view, _("Name"), TRUE, -1, name_cell, self);
  pamong_gui_add_text_column (self->column_view, _("Unit"), FALSE, 135, unit_cell, self);
  column = pamong_gui_add_text_column (self->column_view, _("Category"), FALSE, -1, category_cell, self);
  pamong_workspace_page_hide_when_folded (page, column);
  column = pamong_gui_add_text_column (self->column_view, _("Basis"), FALSE, -1, basis_cell, self);
  pamong_workspace_page_hide_when_folded (page, column);
  pamong_gui_add_text_column (self->column_view, _("Status"), FALSE, 110, status_cell, self);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  update_count (self);
}
