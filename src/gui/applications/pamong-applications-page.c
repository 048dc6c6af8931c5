/* pamong-applications-page.c — the Aplikasi workspace: the application inventory
 *
 * Four views over the store's applications: the inventory (a sortable,
 * searchable, filterable column view over the store's lazy list), the
 * overlap groups (pamong-overlap.c), the rationalisation plan's progress per
 * unit, and summary charts. The detail pane is the edit form with every SE
 * MenPANRB 18/2022 attribute; edits go through pamong_store_save() and
 * pamong_store_delete() like every other change, so they sync.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pamong-application.h"
#include "pamong-applications-page.h"
#include "pamong-bar-chart.h"
#include "pamong-csv.h"
#include "pamong-error.h"
#include "pamong-format.h"
#include "pamong-gui-util.h"
#include "pamong-labels.h"
#include "pamong-overlap.h"
#include "pamong-store.h"
#include "pamong-unit.h"
#include "pamong-workspace-page.h"

/* The list's columns, in order; the store field each sorts by. */
enum {
  COLUMN_NAME,
  COLUMN_UNIT,
  COLUMN_CATEGORY,
  COLUMN_BASIS,
  COLUMN_STATUS,
  COLUMN_PLAN,
  COLUMN_CHANGED,
  N_COLUMNS
};

static const char * const column_sort_fields[N_COLUMNS] = {
  "name", "operator-unit", "category", "basis", "status", "plan", "updated-at",
};

/* The filters' enum types, after the unit filter. */
enum {
  FILTER_UNIT,
  FILTER_CATEGORY,
  FILTER_BASIS,
  FILTER_STATUS,
  FILTER_PLAN,
  N_FILTERS
};

static const char * const filter_fields[N_FILTERS] = {
  "operator-unit", "category", "basis", "status", "plan",
};

struct _PamongApplicationsPage
{
  PamongWorkspacePage parent_instance;

  GHashTable         *unit_names;       /* uuid -> short name */
  GHashTable         *unit_full_names;  /* uuid -> name */
  GPtrArray          *units;            /* PamongUnit*, by name */
  PamongApplication  *shown;            /* the stored record in the form */
  gboolean            editing_new;      /* the form holds an unsaved new one */
  char               *sort_field;
  gboolean            sort_descending;
  int                 probed_column;
  gboolean            overlaps_dirty;
  gboolean            counts_dirty;
  GCancellable       *overlaps_cancellable;  /* while the finder runs */
  gboolean            summary_dirty;
  char               *deleted_uuid;     /* for Undo */
  AdwMessageDialog   *dialog;           /* the open confirmation or error list */
  GtkFileChooserNative *chooser;
  gboolean            loading_form;
  gboolean            form_dirty;      /* the user changed the form since it loaded */

  GtkDropDown        *filters[N_FILTERS];
  GtkColumnViewColumn *columns[N_COLUMNS];

  /* The form */
  GtkLabel           *form_title;
  GtkLabel           *form_subtitle;
  GtkLabel           *form_error;
  AdwEntryRow        *name_row;
  AdwEntryRow        *description_row;
  AdwEntryRow        *function_row;
  AdwEntryRow        *reference_code_row;
  AdwEntryRow        *services_row;
  AdwEntryRow        *data_row;
  AdwEntryRow        *outputs_row;
  AdwComboRow        *operator_row;
  AdwComboRow        *developer_row;
  AdwComboRow        *category_row;
  AdwComboRow        *status_row;
  AdwComboRow        *basis_row;
  AdwEntryRow        *url_row;
  AdwComboRow        *license_row;
  AdwEntryRow        *language_row;
  AdwEntryRow        *framework_row;
  AdwEntryRow        *database_row;
  AdwEntryRow        *server_row;
  AdwEntryRow        *year_row;
  AdwComboRow        *plan_row;
  AdwEntryRow        *plan_target_row;
  AdwEntryRow        *plan_date_row;
  AdwEntryRow        *plan_note_row;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *views_stack;
  GtkStack           *list_stack;
  AdwStatusPage      *no_results_page;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  GtkWidget          *back_button;
  GtkStack           *detail_stack;
  AdwPreferencesPage *form_page;
  GtkGrid            *filter_grid;
  GtkWidget          *filter_button;
  GtkWidget          *filter_popover;
  GtkWidget          *form_buttons;
  GtkBox             *overlaps_box;
  GtkBox             *plan_box;
  PamongBarChart     *progress_chart;
  PamongBarChart     *status_chart;
  PamongBarChart     *category_chart;
  PamongBarChart     *unit_chart;
};

G_DEFINE_FINAL_TYPE (PamongApplicationsPage, pamong_applications_page, PAMONG_TYPE_WORKSPACE_PAGE)

static void run_query (PamongApplicationsPage *self);
static void show_application (PamongApplicationsPage *self,
                              PamongApplication      *app);

static PamongStore *
get_store (PamongApplicationsPage *self)
{
  return pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));
}

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

static void
toast (PamongApplicationsPage *self,
       AdwToast               *new_toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), new_toast);
  else
    g_object_unref (g_object_ref_sink (new_toast));
}

static void
toast_text (PamongApplicationsPage *self,
            const char             *text)
{
  toast (self, adw_toast_new (text));
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

static char *
plan_cell (gpointer item,
           gpointer user_data)
{
  return g_strdup (pamong_label_app_plan (pamong_application_get_plan (item)));
}

static char *
changed_cell (gpointer item,
              gpointer user_data)
{
  GDateTime *updated = pamong_record_get_updated_at (PAMONG_RECORD (item));
  g_autoptr(GDateTime) local = NULL;

  if (updated == NULL)
    return NULL;
  local = g_date_time_to_local (updated);
  return pamong_format_date_short (local);
}

static const PamongCellTextFunc cell_funcs[N_COLUMNS] = {
  name_cell, unit_cell, category_cell, basis_cell, status_cell, plan_cell, changed_cell,
};

/* GTK 4.8 has no public way to ask a column view which column it sorts by.
 * Each column gets a sorter that records its column and answers "less";
 * comparing two items with the view's sorter calls the primary column's
 * sorter first, and the view inverts the answer for a descending sort. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GtkColumnViewColumn *column = (GtkColumnViewColumn *) user_data;
  PamongApplicationsPage *self = g_object_get_data (G_OBJECT (column), "pamong-page");

  self->probed_column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "pamong-column"));
  return -1;
}

static void
view_sorter_changed_cb (PamongApplicationsPage *self)
{
  GtkSorter *sorter;
  GtkOrdering order;
  const char *field = "name";
  gboolean descending = FALSE;

  /* The columns go when the page is disposed. */
  if (self->column_view == NULL)
    return;
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->probed_column = -1;
  /* Two different objects: a sorter finds an item equal to itself. */
  order = gtk_sorter_compare (sorter, self, self->column_view);
  if (self->probed_column >= 0 && self->probed_column < N_COLUMNS)
    {
      field = column_sort_fields[self->probed_column];
      descending = order == GTK_ORDERING_LARGER;
    }
  if (g_strcmp0 (field, self->sort_field) == 0 && descending == self->sort_descending)
    return;
  g_free (self->sort_field);
  self->sort_field = g_strdup (field);
  self->sort_descending = descending;
  run_query (self);
}

/* Filters */

static GtkDropDown *
add_filter (PamongApplicationsPage *self,
            guint                   index,
            const char             *label,
            GType                   enum_type,
            const char *          (*label_func) (int value))
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *dropdown;

  /* Translators: the first choice of a filter: no filtering */
  gtk_string_list_append (strings, _("Any"));
  if (enum_type != G_TYPE_NONE)
    {
      GEnumClass *klass = g_type_class_ref (enum_type);

      for (guint i = 0; i < klass->n_values; i++)
        gtk_string_list_append (strings, label_func (klass->values[i].value));
      g_type_class_unref (klass);
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&strings)), NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), dropdown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_grid_attach (self->filter_grid, title, 0, (int) index, 1, 1);
  gtk_grid_attach (self->filter_grid, dropdown, 1, (int) index, 1, 1);
  gtk_widget_set_hexpand (dropdown, TRUE);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (run_query), self, G_CONNECT_SWAPPED);
  self->filters[index] = GTK_DROP_DOWN (dropdown);
  return GTK_DROP_DOWN (dropdown);
}

static const char *
category_label (int value)
{
  return pamong_label_app_category (value);
}

static const char *
basis_label (int value)
{
  return pamong_label_app_basis (value);
}

static const char *
status_label (int value)
{
  return pamong_label_app_status (value);
}

static const char *
plan_label (int value)
{
  return pamong_label_app_plan (value);
}

static const char *
license_label (int value)
{
  return pamong_label_app_license (value);
}

static guint
n_active_filters (PamongApplicationsPage *self)
{
  guint n = 0;

  for (guint i = 0; i < N_FILTERS; i++)
    n += gtk_drop_down_get_selected (self->filters[i]) > 0 && gtk_drop_down_get_selected (self->filters[i]) != GTK_INVALID_LIST_POSITION;
  return n;
}

/* @selected_uuid: the unit chosen before the units were read again */
static void
fill_unit_filter (PamongApplicationsPage *self,
                  const char             *selected_uuid)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  guint new_selected = 0;

  gtk_string_list_append (strings, _("Any"));
  for (guint i = 0; i < self->units->len; i++)
    {
      PamongUnit *unit = g_ptr_array_index (self->units, i);

      gtk_string_list_append (strings, pamong_unit_get_name (unit));
      if (g_strcmp0 (selected_uuid, pamong_record_get_uuid (PAMONG_RECORD (unit))) == 0)
        new_selected = i + 1;
    }
  g_signal_handlers_block_by_func (self->filters[FILTER_UNIT], run_query, self);
  gtk_drop_down_set_model (self->filters[FILTER_UNIT], G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->filters[FILTER_UNIT], new_selected);
  g_signal_handlers_unblock_by_func (self->filters[FILTER_UNIT], run_query, self);
}

static guint count_where (PamongApplicationsPage *self,
                          const char             *field,
                          const char             *value);

static char *
choice_with_count (const char *label,
                   guint       n)
{
  g_autofree char *number = pamong_format_integer (n);

  /* Translators: a filter's choice and how many applications it has, e.g. "Active (147)" */
  return g_strdup_printf (_("%s (%s)"), label, number);
}

/* The group counts: each filter choice says how many applications it has.
 * Counted when the filters show (or are asked for), not with every change:
 * on a large inventory the counts cost more than the list. */
static void
update_filter_counts (PamongApplicationsPage *self)
{
  GObjectClass *app_class;

  if (get_store (self) == NULL || !self->counts_dirty)
    return;
  self->counts_dirty = FALSE;
  app_class = g_type_class_ref (PAMONG_TYPE_APPLICATION);
  for (guint f = 0; f < N_FILTERS; f++)
    {
      g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
      g_autofree char *any = choice_with_count (_("Any"), count_where (self, NULL, NULL));
      guint selected = gtk_drop_down_get_selected (self->filters[f]);

      gtk_string_list_append (strings, any);
      if (f == FILTER_UNIT)
        {
          for (guint i = 0; i < self->units->len; i++)
            {
              PamongUnit *unit = g_ptr_array_index (self->units, i);
              g_autofree char *text = choice_with_count (pamong_unit_get_name (unit),
                                                         count_where (self, filter_fields[f],
                                                                      pamong_record_get_uuid (PAMONG_RECORD (unit))));

              gtk_string_list_append (strings, text);
            }
        }
      else
        {
          GParamSpec *pspec = g_object_class_find_property (app_class, filter_fields[f]);
          GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
          static const char *(* const labels[N_FILTERS]) (int) = { NULL, category_label, basis_label, status_label, plan_label };

          for (guint i = 0; i < klass->n_values; i++)
            {
              g_autofree char *text = choice_with_count (labels[f] (klass->values[i].value),
                                                         count_where (self, filter_fields[f],
                                                                      klass->values[i].value_nick));

              gtk_string_list_append (strings, text);
            }
        }
      g_signal_handlers_block_by_func (self->filters[f], run_query, self);
      gtk_drop_down_set_model (self->filters[f], G_LIST_MODEL (strings));
      gtk_drop_down_set_selected (self->filters[f], selected);
      g_signal_handlers_unblock_by_func (self->filters[f], run_query, self);
    }
  g_type_class_unref (app_class);
}

static void
apply_filters (PamongApplicationsPage *self,
               PamongQuery            *query)
{
  for (guint i = 0; i < N_FILTERS; i++)
    {
      guint selected = gtk_drop_down_get_selected (self->filters[i]);

      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
        continue;
      if (i == FILTER_UNIT)
        {
          if (selected - 1 < self->units->len)
            pamong_query_add_filter_string (query, filter_fields[i],
                                            pamong_record_get_uuid (g_ptr_array_index (self->units, selected - 1)));
        }
      else
        {
          GParamSpec *pspec = g_object_class_find_property (g_type_class_peek (PAMONG_TYPE_APPLICATION),
                                                            filter_fields[i]);
          GEnumValue *value = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class, (int) selected - 1);

          if (value != NULL)
            pamong_query_add_filter_string (query, filter_fields[i], value->value_nick);
        }
    }
}

static PamongQuery *
current_query (PamongApplicationsPage *self)
{
  PamongQuery *query = pamong_query_new (PAMONG_TYPE_APPLICATION);

  pamong_query_set_search (query, pamong_workspace_page_get_search_text (PAMONG_WORKSPACE_PAGE (self)));
  apply_filters (self, query);
  pamong_query_set_sort (query, self->sort_field, self->sort_descending);
  return query;
}

/* The list */

static void
update_count (PamongApplicationsPage *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  PamongStore *store = get_store (self);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  gboolean narrowed = pamong_workspace_page_get_search_text (PAMONG_WORKSPACE_PAGE (self)) != NULL ||
                      n_active_filters (self) > 0;
  g_autofree char *number = pamong_format_integer (n);
  g_autofree char *text = NULL;

  if (narrowed && store != NULL)
    {
      g_autoptr(PamongQuery) all = pamong_query_new (PAMONG_TYPE_APPLICATION);
      guint total = pamong_store_count (store, all, NULL);
      g_autofree char *total_text = pamong_format_integer (total);

      /* Translators: "12 of 150 applications match" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s application match",
                                           "%s of %s applications match", total), number, total_text);
    }
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s application",
                                         "%s applications", n), number);
  gtk_label_set_text (self->count_label, text);
  pamong_gui_list_show_state (self->list_stack, n, narrowed);
}

static void
run_query (PamongApplicationsPage *self)
{
  g_autoptr(PamongQuery) query = current_query (self);
  gboolean ok;

  ok = pamong_gui_list_set_query (self->selection, self->no_results_page, get_store (self), query,
                                  _("No application matches the search and the filters. Try other words or fewer filters."));
  update_count (self);
  if (!ok)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
}

static void
reload_units (PamongApplicationsPage *self)
{
  PamongStore *store = get_store (self);
  g_autoptr(GtkStringList) operators = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) developers = gtk_string_list_new (NULL);
  g_autofree char *selected_uuid = NULL;
  guint selected = gtk_drop_down_get_selected (self->filters[FILTER_UNIT]);

  /* Keep the chosen unit across a reload of the units. */
  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION && selected - 1 < self->units->len)
    selected_uuid = g_strdup (pamong_record_get_uuid (g_ptr_array_index (self->units, selected - 1)));

  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  g_clear_pointer (&self->unit_full_names, g_hash_table_unref);
  self->unit_names = pamong_gui_load_names (store, PAMONG_TYPE_UNIT, "short-name", "name");
  self->unit_full_names = pamong_gui_load_names (store, PAMONG_TYPE_UNIT, "name", NULL);

  g_ptr_array_set_size (self->units, 0);
  if (store != NULL)
    {
      g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_UNIT);
      g_autoptr(GListModel) model = NULL;

      pamong_query_set_sort (query, "name", FALSE);
      model = pamong_store_query (store, query, NULL);
      for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
        {
          PamongUnit *unit = g_list_model_get_item (model, i);

          if (unit != NULL)
            g_ptr_array_add (self->units, unit);
        }
    }

  /* Translators: the developing unit of an application built outside the
   * regency (a ministry or a vendor) */
  gtk_string_list_append (developers, _("None (national or vendor)"));
  for (guint i = 0; i < self->units->len; i++)
    {
      const char *name = pamong_unit_get_name (g_ptr_array_index (self->units, i));

      gtk_string_list_append (operators, name);
      gtk_string_list_append (developers, name);
    }
  self->loading_form = TRUE;
  adw_combo_row_set_model (self->operator_row, G_LIST_MODEL (operators));
  adw_combo_row_set_model (self->developer_row, G_LIST_MODEL (developers));
  self->loading_form = FALSE;
  fill_unit_filter (self, selected_uuid);
}

static int
unit_index (PamongApplicationsPage *self,
            const char             *uuid)
{
  for (guint i = 0; uuid != NULL && i < self->units->len; i++)
    if (g_strcmp0 (pamong_record_get_uuid (g_ptr_array_index (self->units, i)), uuid) == 0)
      return (int) i;
  return -1;
}

/* The form */

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
get_entry (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
join_items (const char * const *items)
{
  return items != NULL ? g_strjoinv ("; ", (GStrv) items) : g_strdup ("");
}

static GStrv
split_items (AdwEntryRow *row)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (row)), ";", -1);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *item = g_strstrip (g_strdup (parts[i]));

      if (*item != '\0')
        g_ptr_array_add (items, item);
      else
        g_free (item);
    }
  g_ptr_array_add (items, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&items), FALSE);
}

static char *
plan_target_text (PamongApplicationsPage *self,
                  const char             *target)
{
  PamongStore *store = get_store (self);
  g_autoptr(PamongRecord) record = NULL;

  if (target == NULL || *target == '\0' || store == NULL || !g_uuid_string_is_valid (target))
    return g_strdup (target);

  /* The target is a local application's uuid or a national application's name. */
  record = pamong_store_lookup (store, PAMONG_TYPE_APPLICATION, target, NULL);
  if (record != NULL)
    return g_strdup (pamong_application_get_name (PAMONG_APPLICATION (record)));
  return g_strdup (target);
}

/* A local application's name typed as the target becomes its uuid. */
static char *
plan_target_value (PamongApplicationsPage *self,
                   const char             *text)
{
  PamongStore *store = get_store (self);
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) model = NULL;

  if (text == NULL || store == NULL)
    return g_strdup (text);
  query = pamong_query_new (PAMONG_TYPE_APPLICATION);
  pamong_query_add_filter_string (query, "name", text);
  model = pamong_store_query (store, query, NULL);
  if (model != NULL && g_list_model_get_n_items (model) == 1)
    {
      g_autoptr(PamongApplication) target = g_list_model_get_item (model, 0);

      if (target != NULL && !pamong_overlap_is_national_app (target, -1))
        return g_strdup (pamong_record_get_uuid (PAMONG_RECORD (target)));
    }
  return g_strdup (text);
}

static void
mark_row (GtkWidget  *row,
          GString    *problems,
          const char *problem)
{
  if (problem == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      return;
    }
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, problem);
  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  g_string_append (problems, problem);
}

/* Checks the form; marks the rows in error; returns whether it can be saved. */
static gboolean
validate_form (PamongApplicationsPage *self)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *name = get_entry (self->name_row);
  g_autofree char *url = get_entry (self->url_row);
  g_autofree char *year = get_entry (self->year_row);
  g_autofree char *date = get_entry (self->plan_date_row);
  g_autofree char *target = get_entry (self->plan_target_row);
  guint plan = adw_combo_row_get_selected (self->plan_row);
  gboolean valid;

  mark_row (GTK_WIDGET (self->name_row), problems,
            name == NULL ? _("The name is required.") : NULL);
  mark_row (GTK_WIDGET (self->operator_row), problems,
            adw_combo_row_get_selected (self->operator_row) >= self->units->len
            ? _("Choose the unit that operates the application.") : NULL);
  mark_row (GTK_WIDGET (self->url_row), problems,
            url != NULL && !pamong_csv_url_is_valid (url)
            ? _("The address must be a web address starting with https:// or http://.") : NULL);
  if (year != NULL)
    {
      char *end = NULL;
      gint64 value = g_ascii_strtoll (year, &end, 10);

      mark_row (GTK_WIDGET (self->year_row), problems,
                *end != '\0' || value > G_MAXINT || !pamong_csv_year_is_valid ((gint) value)
                ? _("The year built must be a year between 1960 and next year.") : NULL);
    }
  else
    mark_row (GTK_WIDGET (self->year_row), problems, NULL);
  mark_row (GTK_WIDGET (self->plan_date_row), problems,
            date != NULL && !pamong_csv_date_is_valid (date)
            ? _("The planned date must be a date written YYYY-MM-DD, e.g. 2026-06-30.") : NULL);
  mark_row (GTK_WIDGET (self->plan_target_row), problems,
            plan == PAMONG_APP_PLAN_INTEGRATE && target == NULL
            ? _("Name the application to integrate into, e.g. SRIKANDI.") : NULL);

  valid = problems->len == 0;
  gtk_label_set_text (self->form_error, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), !valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apps.save", valid && self->units->len > 0 &&
                                 (self->shown != NULL || self->editing_new));
  return valid;
}

static void
form_changed_cb (PamongApplicationsPage *self)
{
  if (self->loading_form)
    return;
  self->form_dirty = TRUE;
  validate_form (self);
}

static void
update_actions (PamongApplicationsPage *self)
{
  gboolean stored = self->shown != NULL && !self->editing_new;

  gtk_widget_set_visible (self->form_buttons, self->shown != NULL || self->editing_new);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apps.delete", stored);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apps.duplicate", self->shown != NULL || self->editing_new);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apps.new", get_store (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apps.import", get_store (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apps.export", get_store (self) != NULL);
}

static void
load_form (PamongApplicationsPage *self,
           PamongApplication      *app)
{
  g_autofree char *services = join_items (pamong_application_get_supported_services (app));
  g_autofree char *data = join_items (pamong_application_get_data_used (app));
  g_autofree char *year = pamong_application_get_year_built (app) > 0
                          ? g_strdup_printf ("%d", pamong_application_get_year_built (app)) : NULL;
  g_autofree char *target = plan_target_text (self, pamong_application_get_plan_target (app));
  int operator = unit_index (self, pamong_application_get_operator_unit (app));
  int developer = unit_index (self, pamong_application_get_developer_unit (app));

  self->loading_form = TRUE;
  set_entry (self->name_row, pamong_application_get_name (app));
  set_entry (self->description_row, pamong_application_get_description (app));
  set_entry (self->function_row, pamong_application_get_function (app));
  set_entry (self->reference_code_row, pamong_application_get_reference_code (app));
  set_entry (self->services_row, services);
  set_entry (self->data_row, data);
  set_entry (self->outputs_row, pamong_application_get_outputs (app));
  adw_combo_row_set_selected (self->operator_row, operator >= 0 ? (guint) operator : GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (self->developer_row, developer >= 0 ? (guint) developer + 1 : 0);
  adw_combo_row_set_selected (self->category_row, pamong_application_get_category (app));
  adw_combo_row_set_selected (self->status_row, pamong_application_get_status (app));
  adw_combo_row_set_selected (self->basis_row, pamong_application_get_basis (app));
  set_entry (self->url_row, pamong_application_get_url (app));
  adw_combo_row_set_selected (self->license_row, pamong_application_get_license (app));
  set_entry (self->language_row, pamong_application_get_programming_language (app));
  set_entry (self->framework_row, pamong_application_get_framework (app));
  set_entry (self->database_row, pamong_application_get_database (app));
  set_entry (self->server_row, pamong_application_get_server (app));
  set_entry (self->year_row, year);
  adw_combo_row_set_selected (self->plan_row, pamong_application_get_plan (app));
  set_entry (self->plan_target_row, target);
  set_entry (self->plan_date_row, pamong_application_get_plan_date (app));
  set_entry (self->plan_note_row, pamong_application_get_plan_note (app));
  self->loading_form = FALSE;
  self->form_dirty = FALSE;
  validate_form (self);
}

/* The form's values on a copy of the shown record, or on a new one. */
static PamongApplication *
read_form (PamongApplicationsPage *self)
{
  PamongApplication *app;
  g_autofree char *name = get_entry (self->name_row);
  g_autofree char *description = get_entry (self->description_row);
  g_autofree char *function = get_entry (self->function_row);
  g_autofree char *code = get_entry (self->reference_code_row);
  g_autofree char *outputs = get_entry (self->outputs_row);
  g_autofree char *url = get_entry (self->url_row);
  g_autofree char *language = get_entry (self->language_row);
  g_autofree char *framework = get_entry (self->framework_row);
  g_autofree char *database = get_entry (self->database_row);
  g_autofree char *server = get_entry (self->server_row);
  g_autofree char *year = get_entry (self->year_row);
  g_autofree char *target_text = get_entry (self->plan_target_row);
  g_autofree char *target = NULL;
  g_autofree char *date = get_entry (self->plan_date_row);
  g_autofree char *note = get_entry (self->plan_note_row);
  g_auto(GStrv) services = split_items (self->services_row);
  g_auto(GStrv) data = split_items (self->data_row);
  guint operator = adw_combo_row_get_selected (self->operator_row);
  guint developer = adw_combo_row_get_selected (self->developer_row);

  if (self->shown != NULL && !self->editing_new)
    app = PAMONG_APPLICATION (pamong_record_copy (PAMONG_RECORD (self->shown)));
  else
    app = pamong_application_new ();

  pamong_application_set_name (app, name);
  pamong_application_set_description (app, description);
  pamong_application_set_function (app, function);
  pamong_application_set_reference_code (app, code);
  pamong_application_set_supported_services (app, (const char * const *) services);
  pamong_application_set_data_used (app, (const char * const *) data);
  pamong_application_set_outputs (app, outputs);
  if (operator < self->units->len)
    pamong_application_set_operator_unit (app, pamong_record_get_uuid (g_ptr_array_index (self->units, operator)));
  if (developer > 0 && developer - 1 < self->units->len)
    pamong_application_set_developer_unit (app, pamong_record_get_uuid (g_ptr_array_index (self->units, developer - 1)));
  else
    pamong_application_set_developer_unit (app, NULL);
  pamong_application_set_category (app, adw_combo_row_get_selected (self->category_row));
  pamong_application_set_status (app, adw_combo_row_get_selected (self->status_row));
  pamong_application_set_basis (app, adw_combo_row_get_selected (self->basis_row));
  pamong_application_set_url (app, url);
  pamong_application_set_license (app, adw_combo_row_get_selected (self->license_row));
  pamong_application_set_programming_language (app, language);
  pamong_application_set_framework (app, framework);
  pamong_application_set_database (app, database);
  pamong_application_set_server (app, server);
  pamong_application_set_year_built (app, year != NULL ? atoi (year) : 0);
  pamong_application_set_plan (app, adw_combo_row_get_selected (self->plan_row));
  /* Keep the stored uuid when the target's name shown did not change. */
  if (self->shown != NULL && !self->editing_new)
    {
      g_autofree char *shown_text = plan_target_text (self, pamong_application_get_plan_target (self->shown));

      if (g_strcmp0 (shown_text, target_text) == 0)
        target = g_strdup (pamong_application_get_plan_target (self->shown));
    }
  if (target == NULL)
    target = plan_target_value (self, target_text);
  pamong_application_set_plan_target (app, target);
  pamong_application_set_plan_date (app, date);
  pamong_application_set_plan_note (app, note);
  return app;
}

static void
show_application (PamongApplicationsPage *self,
                  PamongApplication      *app)
{
  g_set_object (&self->shown, app);
  self->editing_new = FALSE;

  if (app == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      update_actions (self);
      validate_form (self);
      return;
    }

  gtk_label_set_text (self->form_title, pamong_application_get_name (app));
  gtk_label_set_text (self->form_subtitle,
                      unit_name (self, pamong_application_get_operator_unit (app), TRUE));
  load_form (self, app);
  gtk_stack_set_visible_child_name (self->detail_stack, "details");
  update_actions (self);
}

/* Before the form shows another application: edits of a stored one are
 * saved (as GNOME apps do), or the toast says why they could not be. */
static void
keep_edits (PamongApplicationsPage *self)
{
  g_autoptr(PamongApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!self->form_dirty || self->shown == NULL || self->editing_new || get_store (self) == NULL)
    return;
  self->form_dirty = FALSE;
  if (!validate_form (self))
    {
      text = g_strdup_printf (_("Changes to “%s” were not saved: %s"),
                              pamong_application_get_name (self->shown), gtk_label_get_text (self->form_error));
      toast_text (self, text);
      return;
    }
  app = read_form (self);
  if (!pamong_store_save (get_store (self), PAMONG_RECORD (app), &error))
    text = g_strdup_printf (_("Could not save: %s"), error->message);
  else
    text = g_strdup_printf (_("Changes to “%s” saved"), pamong_application_get_name (app));
  toast_text (self, text);
}

static void
selection_changed_cb (PamongApplicationsPage *self)
{
  g_autoptr(PamongApplication) app = NULL;

  /* A refreshed list drops its selection; the form keeps its record. */
  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    return;
  /* Saving refreshes the list: hold on to the chosen row's record. */
  app = g_object_ref (gtk_single_selection_get_selected_item (self->selection));
  keep_edits (self);
  show_application (self, app);
  pamong_workspace_page_show_details (PAMONG_WORKSPACE_PAGE (self));
}

/* @duplicate: keep the form's values (a copy of what it shows) */
static void
start_new (PamongApplicationsPage *self,
           gboolean                duplicate)
{
  g_autoptr(PamongApplication) fresh = NULL;

  if (!duplicate)
    keep_edits (self);
  if (!duplicate)
    {
      guint unit_filter = gtk_drop_down_get_selected (self->filters[FILTER_UNIT]);

      fresh = pamong_application_new ();
      pamong_application_set_category (fresh, PAMONG_APP_CATEGORY_KHUSUS);
      pamong_application_set_basis (fresh, PAMONG_APP_BASIS_WEB);
      pamong_application_set_license (fresh, PAMONG_APP_LICENSE_OPEN_SOURCE);
      pamong_application_set_status (fresh, PAMONG_APP_STATUS_DEVELOPMENT);
      pamong_application_set_plan (fresh, PAMONG_APP_PLAN_UNDECIDED);
      /* The unit the list is filtered to is the likely owner. */
      if (unit_filter > 0 && unit_filter != GTK_INVALID_LIST_POSITION && unit_filter - 1 < self->units->len)
        pamong_application_set_operator_unit (fresh, pamong_record_get_uuid (g_ptr_array_index (self->units, unit_filter - 1)));
      load_form (self, fresh);
    }
  else
    {
      g_autofree char *name = get_entry (self->name_row);
      /* Translators: the name of a duplicated application */
      g_autofree char *copy_name = g_strdup_printf (_("%s (copy)"), name != NULL ? name : "");

      set_entry (self->name_row, copy_name);
    }

  g_clear_object (&self->shown);
  self->editing_new = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_label_set_text (self->form_title, _("New Application"));
  gtk_label_set_text (self->form_subtitle, _("Fill in the inventory attributes of SE MenPANRB 18/2022, then save."));
  gtk_stack_set_visible_child_name (self->detail_stack, "details");
  update_actions (self);
  validate_form (self);
  pamong_workspace_page_show_details (PAMONG_WORKSPACE_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  start_new (PAMONG_APPLICATIONS_PAGE (widget), FALSE);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PamongApplicationsPage *self = PAMONG_APPLICATIONS_PAGE (widget);

  if (self->shown != NULL || self->editing_new)
    start_new (self, TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PamongApplicationsPage *self = PAMONG_APPLICATIONS_PAGE (widget);
  g_autoptr(PamongApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_new = self->editing_new;

  if (get_store (self) == NULL || !validate_form (self))
    return;
  app = read_form (self);
  if (!pamong_store_save (get_store (self), PAMONG_RECORD (app), &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not save: %s"), error->message);

      toast_text (self, text);
      return;
    }
  show_application (self, app);
  toast_text (self, was_new ? _("Application added") : _("Changes saved"));
}

static void
set_target_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PamongApplicationsPage *self = PAMONG_APPLICATIONS_PAGE (widget);

  set_entry (self->plan_target_row, g_variant_get_string (parameter, NULL));
  if (adw_combo_row_get_selected (self->plan_row) != PAMONG_APP_PLAN_RETIRE)
    adw_combo_row_set_selected (self->plan_row, PAMONG_APP_PLAN_INTEGRATE);
}

/* Delete and undo */

static void
undo_delete (PamongApplicationsPage *self)
{
  PamongStore *store = get_store (self);
  g_autoptr(PamongRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (self->deleted_uuid == NULL || store == NULL)
    return;
  record = pamong_store_lookup (store, PAMONG_TYPE_APPLICATION, self->deleted_uuid, &error);
  g_clear_pointer (&self->deleted_uuid, g_free);
  if (record == NULL)
    {
      toast_text (self, error->message);
      return;
    }
  pamong_record_set_deleted (record, FALSE);
  if (!pamong_store_save (store, record, &error))
    {
      toast_text (self, error->message);
      return;
    }
  show_application (self, PAMONG_APPLICATION (record));
}

static void
delete_response_cb (AdwMessageDialog       *dialog,
                    const char             *response,
                    PamongApplicationsPage *self)
{
  g_autoptr(PamongApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwToast *undo_toast;

  self->dialog = NULL;
  if (g_strcmp0 (response, "delete") != 0 || self->shown == NULL || get_store (self) == NULL)
    return;

  app = g_object_ref (self->shown);
  if (!pamong_store_delete (get_store (self), PAMONG_RECORD (app), &error))
    {
      text = g_strdup_printf (_("Could not delete: %s"), error->message);
      toast_text (self, text);
      return;
    }
  g_free (self->deleted_uuid);
  self->deleted_uuid = g_strdup (pamong_record_get_uuid (PAMONG_RECORD (app)));
  show_application (self, NULL);

  text = g_strdup_printf (_("“%s” deleted"), pamong_application_get_name (app));
  undo_toast = adw_toast_new (text);
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_priority (undo_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (undo_toast, "button-clicked", G_CALLBACK (undo_delete), self, G_CONNECT_SWAPPED);
  toast (self, undo_toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PamongApplicationsPage *self = PAMONG_APPLICATIONS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (self->shown == NULL || self->editing_new)
    return;

  heading = g_strdup_printf (_("Delete “%s”?"), pamong_application_get_name (self->shown));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("It leaves the inventory here, and on the server at the next synchronisation. You can undo it for a few seconds."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* CSV */

static GPtrArray *
current_rows (PamongApplicationsPage *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  GPtrArray *apps = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      PamongApplication *app = g_list_model_get_item (model, i);

      if (app != NULL)
        g_ptr_array_add (apps, app);
    }
  return apps;
}

static void
show_import_errors (PamongApplicationsPage *self,
                    const char             *heading,
                    GPtrArray              *errors)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog, *scrolled, *label;
  guint shown = MIN (errors->len, 200);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, ((PamongCsvError *) g_ptr_array_index (errors, i))->message);
    }
  if (errors->len > shown)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "… and %u more problem.",
                                                 "… and %u more problems.", errors->len - shown),
                              errors->len - shown);
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Correct these rows in the file and import it again. Nothing was changed."));
  label = gtk_label_new (body->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (g_nullify_pointer), &self->dialog);
  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * pamong_applications_page_import_data:
 *
 * Imports a CSV file's contents: checks every row first; when any row has
 * a problem, shows them all and writes nothing.
 *
 * Returns: the number of applications written, or -1
 */
int
pamong_applications_page_import_data (PamongApplicationsPage *self,
                                      const char             *data,
                                      gssize                  length)
{
  PamongStore *store = get_store (self);
  g_autoptr(GPtrArray) apps = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self), -1);

  if (store == NULL)
    return -1;
  apps = pamong_csv_import_applications (data, length, self->units, &errors, &error);
  if (apps == NULL)
    {
      if (errors != NULL)
        show_import_errors (self, error->message, errors);
      else
        {
          g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) pamong_csv_error_free);
          PamongCsvError *e = g_new0 (PamongCsvError, 1);

          e->message = g_strdup (error->message);
          g_ptr_array_add (one, e);
          show_import_errors (self, _("The file cannot be read as CSV"), one);
        }
      return -1;
    }

  if (!pamong_store_begin (store, &error))
    {
      toast_text (self, error->message);
      return -1;
    }
  for (guint i = 0; i < apps->len; i++)
    {
      PamongApplication *app = g_ptr_array_index (apps, i);
      g_autoptr(PamongRecord) stored = pamong_store_lookup (store, PAMONG_TYPE_APPLICATION,
                                                            pamong_record_get_uuid (PAMONG_RECORD (app)), NULL);
      PamongRecord *to_save = PAMONG_RECORD (app);

      if (stored != NULL)
        {
          pamong_csv_apply_application (PAMONG_APPLICATION (stored), app);
          pamong_record_set_deleted (stored, FALSE);
          to_save = stored;
        }
      if (!pamong_store_save (store, to_save, &error))
        {
          pamong_store_rollback (store);
          text = g_strdup_printf (_("Nothing was imported: %s"), error->message);
          toast_text (self, text);
          return -1;
        }
    }
  if (!pamong_store_commit (store, &error))
    {
      pamong_store_rollback (store);
      text = g_strdup_printf (_("Nothing was imported: %s"), error->message);
      toast_text (self, text);
      return -1;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u application imported",
                                       "%u applications imported", apps->len), apps->len);
  toast_text (self, text);
  return (int) apps->len;
}

/**
 * pamong_applications_page_export_text:
 *
 * Returns: (transfer full): the current view (search, filters, order) as CSV
 */
char *
pamong_applications_page_export_text (PamongApplicationsPage *self)
{
  g_autoptr(GPtrArray) apps = NULL;

  g_return_val_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self), NULL);

  apps = current_rows (self);
  return pamong_csv_export_applications (apps, self->units);
}

static void
import_response_cb (GtkNativeDialog        *chooser,
                    int                     response,
                    PamongApplicationsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    {
      toast_text (self, error->message);
      return;
    }
  pamong_applications_page_import_data (self, contents, (gssize) length);
}

static void
export_response_cb (GtkNativeDialog        *chooser,
                    int                     response,
                    PamongApplicationsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  csv = pamong_applications_page_export_text (self);
  if (!g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not export: %s"), error->message);

      toast_text (self, text);
      return;
    }
  toast_text (self, _("Exported to CSV"));
}

static GtkFileChooserNative *
make_chooser (PamongApplicationsPage *self,
              const char             *title,
              GtkFileChooserAction    action,
              const char             *accept)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept, _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_clear_object (&self->chooser);
  self->chooser = chooser;
  return chooser;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PamongApplicationsPage *self = PAMONG_APPLICATIONS_PAGE (widget);
  GtkFileChooserNative *chooser = make_chooser (self, _("Import Applications"),
                                                GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));

  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PamongApplicationsPage *self = PAMONG_APPLICATIONS_PAGE (widget);
  GtkFileChooserNative *chooser = make_chooser (self, _("Export Applications"),
                                                GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));

  /* Translators: the suggested file name of the CSV export */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("applications.csv"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Overlaps and the plan */

static GPtrArray *
all_applications (PamongApplicationsPage *self)
{
  GPtrArray *apps = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_APPLICATION);
  g_autoptr(GListModel) model = NULL;

  if (get_store (self) == NULL)
    return apps;
  pamong_query_set_sort (query, "name", FALSE);
  model = pamong_store_query (get_store (self), query, NULL);
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      PamongApplication *app = g_list_model_get_item (model, i);

      if (app != NULL)
        g_ptr_array_add (apps, app);
    }
  return apps;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
app_row_activated_cb (AdwActionRow           *row,
                      PamongApplicationsPage *self)
{
  g_autoptr(PamongApplication) app = NULL;

  if (g_object_get_data (G_OBJECT (row), "pamong-application") == NULL)
    return;
  /* Saving rebuilds the view, and the row with it. */
  app = g_object_ref (g_object_get_data (G_OBJECT (row), "pamong-application"));
  keep_edits (self);
  show_application (self, app);
  pamong_workspace_page_show_details (PAMONG_WORKSPACE_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->plan_row));
}

static char *
plan_summary (PamongApplicationsPage *self,
              PamongApplication      *app)
{
  g_autofree char *target = plan_target_text (self, pamong_application_get_plan_target (app));
  g_autofree char *date = pamong_format_date_iso (pamong_application_get_plan_date (app), FALSE);
  GString *out = g_string_new (pamong_label_app_plan (pamong_application_get_plan (app)));

  if (target != NULL && *target != '\0')
    g_string_append_printf (out, " → %s", target);
  if (date != NULL && *date != '\0')
    g_string_append_printf (out, " (%s)", date);
  return g_string_free (out, FALSE);
}

static GtkWidget *
app_row (PamongApplicationsPage *self,
         PamongApplication      *app,
         gboolean                national)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *plan = plan_summary (self, app);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s",
                                               unit_name (self, pamong_application_get_operator_unit (app), FALSE),
                                               pamong_label_app_status (pamong_application_get_status (app)),
                                               plan);
  g_autofree char *title = g_markup_escape_text (pamong_application_get_name (app), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (national)
    {
      GtkWidget *tag = gtk_label_new (_("National"));

      gtk_widget_add_css_class (tag, "dim-label");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "pamong-application", g_object_ref (app), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (app_row_activated_cb), self, 0);
  return row;
}

#define MAX_ROWS_PER_GROUP 40

static void
show_overlaps (PamongApplicationsPage *self,
               GPtrArray              *groups)
{
  const PamongNationalField *fields = pamong_overlap_get_national_fields (NULL);
  GtkWidget *intro;

  clear_box (self->overlaps_box);

  intro = gtk_label_new (_("Applications of several units that probably do the same job, and local applications in a field Perpres 95/2018 Pasal 63 reserves for a national Aplikasi Umum. Open one to record its plan: keep, integrate into another application, or retire."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0.0f);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (self->overlaps_box, intro);

  if (groups->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "emblem-ok-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Overlaps Found"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("No two applications of different units read alike, and none works in a national application’s field."));
      gtk_box_append (self->overlaps_box, status);
      return;
    }

  {
    guint n_national = 0, n_similar = 0;
    g_autofree char *summary = NULL;
    GtkWidget *label;

    for (guint i = 0; i < groups->len; i++)
      {
        PamongOverlapGroup *group = g_ptr_array_index (groups, i);

        if (group->kind == PAMONG_OVERLAP_NATIONAL)
          n_national++;
        else
          n_similar++;
      }
    /* Translators: the first %u is a count of national fields, the second of groups */
    summary = g_strdup_printf (_("National fields with local applications: %u. Groups of similar applications: %u."),
                               n_national, n_similar);
    label = gtk_label_new (summary);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
    gtk_widget_add_css_class (label, "heading");
    gtk_box_append (self->overlaps_box, label);
  }

  for (guint i = 0; i < groups->len; i++)
    {
      PamongOverlapGroup *group = g_ptr_array_index (groups, i);
      GtkWidget *pref = adw_preferences_group_new ();
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;
      guint n_units;
      g_autoptr(GHashTable) units = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint j = 0; j < group->applications->len; j++)
        g_hash_table_add (units, (gpointer) pamong_application_get_operator_unit (g_ptr_array_index (group->applications, j)));
      n_units = g_hash_table_size (units);

      if (group->kind == PAMONG_OVERLAP_NATIONAL)
        {
          const PamongNationalField *field = &fields[group->national_field];
          g_autofree char *national = g_strjoinv (", ", (GStrv) field->national_apps);

          /* Translators: %s is a field of Perpres 95/2018 Pasal 63 (in Indonesian), e.g. "Kearsipan" */
          title = g_strdup_printf (_("National field: %s"), field->name);
          if (*national != '\0')
            /* Translators: %s names national applications, e.g. "SRIKANDI" */
            description = g_strdup_printf (_("Reserved for the national Aplikasi Umum %s: plan to integrate the local applications into it or retire them."), national);
          else
            description = g_strdup (_("Reserved for a national Aplikasi Umum; none is designated yet. Keep the local applications to one."));
        }
      else
        {
          g_autofree char *score = pamong_format_decimal (group->score * 100.0, 0);

          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u similar applications in %u unit",
                                                "%u similar applications in %u units", n_units),
                                   group->applications->len, n_units);
          /* Translators: %s is a percentage */
          description = g_strdup_printf (_("Names, functions and services up to %s%% alike."), score);
        }
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (pref), title);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (pref), description);

      for (guint j = 0; j < group->applications->len && j < MAX_ROWS_PER_GROUP; j++)
        {
          PamongApplication *app = g_ptr_array_index (group->applications, j);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref),
                                     app_row (self, app, pamong_overlap_is_national_app (app, group->national_field)));
        }
      if (group->applications->len > MAX_ROWS_PER_GROUP)
        {
          GtkWidget *more = adw_action_row_new ();
          guint rest = group->applications->len - MAX_ROWS_PER_GROUP;
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more application",
                                                                "… and %u more applications", rest), rest);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref), more);
        }
      gtk_box_append (self->overlaps_box, pref);
    }
}

/* The finder runs in a thread: a large inventory takes seconds. The
 * records are the task's own copies, read only there. */
static void
find_overlaps_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GPtrArray *groups = pamong_overlap_find (task_data, PAMONG_OVERLAP_DEFAULT_THRESHOLD);

  g_task_return_pointer (task, groups, (GDestroyNotify) g_ptr_array_unref);
}

static void rebuild_overlaps (PamongApplicationsPage *self);

static void
overlaps_found_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PamongApplicationsPage *self = PAMONG_APPLICATIONS_PAGE (source);
  g_autoptr(GPtrArray) groups = g_task_propagate_pointer (G_TASK (result), NULL);

  if (groups == NULL)
    return;   /* cancelled: the page is going */
  g_clear_object (&self->overlaps_cancellable);
  show_overlaps (self, groups);
  /* The store changed while the finder ran. */
  if (self->overlaps_dirty)
    rebuild_overlaps (self);
}

static void
rebuild_overlaps (PamongApplicationsPage *self)
{
  g_autoptr(GTask) task = NULL;
  GtkWidget *box, *spinner, *label;

  if (self->overlaps_cancellable != NULL)
    return;   /* overlaps_found_cb() runs it again */
  self->overlaps_dirty = FALSE;

  clear_box (self->overlaps_box);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 48);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  label = gtk_label_new (_("Looking for applications that do the same job…"));
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (self->overlaps_box, box);

  self->overlaps_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->overlaps_cancellable, overlaps_found_cb, NULL);
  g_task_set_source_tag (task, rebuild_overlaps);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, all_applications (self), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, find_overlaps_thread);
}

typedef struct
{
  const char *unit;
  guint       planned;    /* integrate or retire */
  guint       remaining;  /* of those, not retired yet */
  guint       undecided;
} UnitPlan;

static int
compare_unit_plans (gconstpointer a,
                    gconstpointer b)
{
  const UnitPlan *x = *(UnitPlan * const *) a;
  const UnitPlan *y = *(UnitPlan * const *) b;

  if (x->remaining != y->remaining)
    return x->remaining > y->remaining ? -1 : 1;
  return (int) y->planned - (int) x->planned;
}

/* An application planned to go is done once it no longer runs: inactive
 * or retired. */
static gboolean
plan_done (PamongApplication *app)
{
  PamongAppStatus status = pamong_application_get_status (app);

  return status == PAMONG_APP_STATUS_INACTIVE || status == PAMONG_APP_STATUS_RETIRED;
}

/* A unit's row of the plan opens the inventory on that unit's applications. */
static void
unit_row_activated_cb (AdwActionRow           *row,
                       PamongApplicationsPage *self)
{
  int index = unit_index (self, g_object_get_data (G_OBJECT (row), "pamong-unit"));

  for (guint f = 0; f < N_FILTERS; f++)
    gtk_drop_down_set_selected (self->filters[f], f == FILTER_UNIT && index >= 0 ? (guint) index + 1 : 0);
  gtk_stack_set_visible_child_name (self->views_stack, "inventory");
}

static void
rebuild_plan (PamongApplicationsPage *self)
{
  g_autoptr(GPtrArray) apps = all_applications (self);
  g_autoptr(GHashTable) by_unit = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();
  guint planned = 0, remaining = 0, undecided = 0;
  GtkWidget *headline, *bar, *pref;
  g_autofree char *text = NULL;

  clear_box (self->plan_box);

  for (guint i = 0; i < apps->len; i++)
    {
      PamongApplication *app = g_ptr_array_index (apps, i);
      PamongAppPlan plan = pamong_application_get_plan (app);
      const char *unit = pamong_application_get_operator_unit (app);
      UnitPlan *up;

      if (plan == PAMONG_APP_PLAN_KEEP)
        continue;
      up = g_hash_table_lookup (by_unit, unit != NULL ? unit : "");
      if (up == NULL)
        {
          up = g_new0 (UnitPlan, 1);
          up->unit = unit != NULL ? unit : "";
          g_hash_table_insert (by_unit, (gpointer) up->unit, up);
          g_ptr_array_add (plans, up);
        }
      if (plan == PAMONG_APP_PLAN_UNDECIDED)
        {
          up->undecided++;
          undecided++;
          continue;
        }
      up->planned++;
      planned++;
      if (!plan_done (app))
        {
          up->remaining++;
          remaining++;
        }
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %u application planned for integration or retirement still runs.",
                                       "%u of %u applications planned for integration or retirement still run.",
                                       remaining),
                          remaining, planned);
  headline = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (headline), TRUE);
  gtk_label_set_xalign (GTK_LABEL (headline), 0.0f);
  gtk_widget_add_css_class (headline, "title-4");
  gtk_box_append (self->plan_box, headline);

  bar = gtk_level_bar_new_for_interval (0.0, MAX (planned, 1));
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), planned - remaining);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Applications integrated or retired"), -1);
  gtk_box_append (self->plan_box, bar);

  if (undecided > 0)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u application has no plan yet.",
                                                            "%u applications have no plan yet.", undecided),
                                               undecided);
      GtkWidget *label = gtk_label_new (note);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->plan_box, label);
    }

  g_ptr_array_sort (plans, compare_unit_plans);
  pref = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (pref), _("Remaining per Unit"));
  for (guint i = 0; i < plans->len; i++)
    {
      UnitPlan *up = g_ptr_array_index (plans, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *level = gtk_level_bar_new_for_interval (0.0, MAX (up->planned, 1));
      g_autofree char *title = g_markup_escape_text (unit_name (self, up->unit, TRUE) != NULL
                                                     ? unit_name (self, up->unit, TRUE) : "", -1);
      g_autofree char *subtitle = NULL;

      if (up->planned > 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u still runs; %u without a plan",
                                                 "%u of %u still run; %u without a plan", up->remaining),
                                    up->remaining, up->planned, up->undecided);
      else
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u application without a plan",
                                                 "%u applications without a plan", up->undecided),
                                    up->undecided);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (level), up->planned - up->remaining);
      gtk_widget_set_size_request (level, 120, -1);
      gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), level);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "pamong-unit", g_strdup (up->unit), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (unit_row_activated_cb), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref), row);
    }
  gtk_box_append (self->plan_box, pref);
}

/* Summary charts */

static guint
count_where (PamongApplicationsPage *self,
             const char             *field,
             const char             *value)
{
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_APPLICATION);

  if (field != NULL)
    pamong_query_add_filter_string (query, field, value);
  return pamong_store_count (get_store (self), query, NULL);
}

static void
chart_enum (PamongApplicationsPage *self,
            PamongBarChart         *chart,
            const char             *field,
            GType                   enum_type,
            const char *          (*label_func) (int value))
{
  GEnumClass *klass = g_type_class_ref (enum_type);

  pamong_bar_chart_clear (chart);
  for (guint i = 0; i < klass->n_values; i++)
    {
      guint n = count_where (self, field, klass->values[i].value_nick);
      g_autofree char *number = pamong_format_integer (n);

      pamong_bar_chart_append (chart, label_func (klass->values[i].value), n, number,
                               PAMONG_CHART_TONE_ACCENT);
    }
  g_type_class_unref (klass);
}

typedef struct
{
  const char *name;
  guint       count;
} UnitCount;

static int
compare_unit_counts (gconstpointer a,
                     gconstpointer b)
{
  const UnitCount *x = a;
  const UnitCount *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

#define MAX_UNIT_BARS 15

static void
rebuild_summary (PamongApplicationsPage *self)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (UnitCount));
  guint n_integrate, n_retire, n_keep, n_undecided, n_done = 0;
  const char *plans_to_go[] = { "integrate", "retire" };
  const char *stopped[] = { "inactive", "retired" };
  g_autofree char *text = NULL;

  self->summary_dirty = FALSE;
  if (get_store (self) == NULL)
    return;

  chart_enum (self, self->status_chart, "status", PAMONG_TYPE_APP_STATUS, status_label);
  chart_enum (self, self->category_chart, "category", PAMONG_TYPE_APP_CATEGORY, category_label);

  /* The plan's progress: done = retired of those planned to go. */
  n_keep = count_where (self, "plan", "keep");
  n_undecided = count_where (self, "plan", "undecided");
  n_integrate = count_where (self, "plan", "integrate");
  n_retire = count_where (self, "plan", "retire");
  for (guint p = 0; p < G_N_ELEMENTS (plans_to_go); p++)
    for (guint st = 0; st < G_N_ELEMENTS (stopped); st++)
      {
        g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_APPLICATION);

        pamong_query_add_filter_string (query, "plan", plans_to_go[p]);
        pamong_query_add_filter_string (query, "status", stopped[st]);
        n_done += pamong_store_count (get_store (self), query, NULL);
      }
  pamong_bar_chart_clear (self->progress_chart);
  text = pamong_format_integer (n_done);
  pamong_bar_chart_append (self->progress_chart, _("Integrated or retired (no longer runs)"), n_done, text, PAMONG_CHART_TONE_SUCCESS);
  g_free (text);
  text = pamong_format_integer (n_integrate + n_retire - MIN (n_done, n_integrate + n_retire));
  pamong_bar_chart_append (self->progress_chart, _("Still to integrate or retire"),
                           n_integrate + n_retire - MIN (n_done, n_integrate + n_retire), text,
                           PAMONG_CHART_TONE_WARNING);
  g_free (text);
  text = pamong_format_integer (n_undecided);
  pamong_bar_chart_append (self->progress_chart, _("No plan yet"), n_undecided, text, PAMONG_CHART_TONE_ERROR);
  g_free (text);
  text = pamong_format_integer (n_keep);
  pamong_bar_chart_append (self->progress_chart, _("Kept"), n_keep, text, PAMONG_CHART_TONE_NEUTRAL);

  for (guint i = 0; i < self->units->len; i++)
    {
      PamongUnit *unit = g_ptr_array_index (self->units, i);
      UnitCount uc;

      uc.name = unit_name (self, pamong_record_get_uuid (PAMONG_RECORD (unit)), FALSE);
      uc.count = count_where (self, "operator-unit", pamong_record_get_uuid (PAMONG_RECORD (unit)));
      if (uc.count > 0)
        g_array_append_val (counts, uc);
    }
  g_array_sort (counts, compare_unit_counts);
  pamong_bar_chart_clear (self->unit_chart);
  for (guint i = 0; i < counts->len && i < MAX_UNIT_BARS; i++)
    {
      UnitCount *uc = &g_array_index (counts, UnitCount, i);
      g_autofree char *number = pamong_format_integer (uc->count);

      pamong_bar_chart_append (self->unit_chart, uc->name, uc->count, number, PAMONG_CHART_TONE_ACCENT);
    }
}

static void
refresh_visible_view (PamongApplicationsPage *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->views_stack);

  if (get_store (self) == NULL)
    return;
  if (g_strcmp0 (view, "overlaps") == 0 && self->overlaps_dirty)
    rebuild_overlaps (self);
  else if (g_strcmp0 (view, "plan") == 0)
    rebuild_plan (self);
  else if (g_strcmp0 (view, "summary") == 0 && self->summary_dirty)
    rebuild_summary (self);
}

static void
mark_views_dirty (PamongApplicationsPage *self)
{
  self->overlaps_dirty = TRUE;
  self->summary_dirty = TRUE;
  refresh_visible_view (self);
}

/* PamongWorkspacePage */

static void
pamong_applications_page_reload (PamongWorkspacePage *page)
{
  PamongApplicationsPage *self = PAMONG_APPLICATIONS_PAGE (page);

  show_application (self, NULL);
  reload_units (self);
  self->counts_dirty = TRUE;
  run_query (self);
  update_actions (self);
  mark_views_dirty (self);
}

static void
pamong_applications_page_store_changed (PamongWorkspacePage *page,
                                        const char          *collection)
{
  PamongApplicationsPage *self = PAMONG_APPLICATIONS_PAGE (page);
  g_autoptr(PamongApplication) shown = NULL;
  g_autoptr(PamongRecord) fresh = NULL;

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
  self->counts_dirty = TRUE;
  if (gtk_widget_get_visible (self->filter_popover))
    update_filter_counts (self);
  mark_views_dirty (self);

  /* A new application being typed stays in the form. */
  if (self->editing_new)
    return;
  /* Keep showing the record that was open, as it is now. */
  fresh = pamong_gui_lookup_again (get_store (self), PAMONG_RECORD (shown));
  if (fresh == NULL || shown == NULL || !pamong_record_equal (fresh, PAMONG_RECORD (shown), TRUE))
    show_application (self, PAMONG_APPLICATION (fresh));
}

static void
pamong_applications_page_search_changed (PamongWorkspacePage *page)
{
  run_query (PAMONG_APPLICATIONS_PAGE (page));
}

/* Building the form */

static AdwPreferencesGroup *
form_group (PamongApplicationsPage *self,
            const char             *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (self->form_page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static AdwEntryRow *
form_entry (PamongApplicationsPage *self,
            AdwPreferencesGroup    *group,
            const char             *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_object (row, "changed", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
form_combo (PamongApplicationsPage *self,
            AdwPreferencesGroup    *group,
            const char             *title,
            GType                   enum_type,
            const char *          (*label_func) (int value))
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (enum_type != G_TYPE_NONE)
    {
      g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
      GEnumClass *klass = g_type_class_ref (enum_type);

      /* The values are 0…n-1: the position is the value. */
      for (guint i = 0; i < klass->n_values; i++)
        {
          g_assert ((guint) klass->values[i].value == i);
          gtk_string_list_append (strings, label_func (klass->values[i].value));
        }
      g_type_class_unref (klass);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (strings));
    }
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

static void
build_form (PamongApplicationsPage *self)
{
  AdwPreferencesGroup *group;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  group = form_group (self, NULL);
  self->form_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->form_title, TRUE);
  gtk_label_set_xalign (self->form_title, 0.0f);
  gtk_label_set_selectable (self->form_title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->form_title), "title-2");
  self->form_subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->form_subtitle, TRUE);
  gtk_label_set_xalign (self->form_subtitle, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->form_subtitle), "dim-label");
  self->form_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->form_error, TRUE);
  gtk_label_set_xalign (self->form_error, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->form_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->form_error), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems to correct before saving"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->form_title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->form_subtitle));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->form_error));
  adw_preferences_group_add (group, box);

  group = form_group (self, _("Purpose"));
  self->name_row = form_entry (self, group, _("Name (required)"));
  self->description_row = form_entry (self, group, _("Description"));
  self->function_row = form_entry (self, group, _("Function"));
  self->reference_code_row = form_entry (self, group, _("Reference model code, e.g. 02.02"));
  self->services_row = form_entry (self, group, _("Services supported (separate with ;)"));
  self->data_row = form_entry (self, group, _("Data used (separate with ;)"));
  self->outputs_row = form_entry (self, group, _("Outputs"));

  group = form_group (self, _("Ownership"));
  self->operator_row = form_combo (self, group, _("Operating unit (required)"), G_TYPE_NONE, NULL);
  self->developer_row = form_combo (self, group, _("Developing unit"), G_TYPE_NONE, NULL);
  self->category_row = form_combo (self, group, _("Category"), PAMONG_TYPE_APP_CATEGORY, category_label);
  self->status_row = form_combo (self, group, _("Status"), PAMONG_TYPE_APP_STATUS, status_label);

  group = form_group (self, _("Technology"));
  self->basis_row = form_combo (self, group, _("Basis"), PAMONG_TYPE_APP_BASIS, basis_label);
  self->url_row = form_entry (self, group, _("Address (URL)"));
  self->license_row = form_combo (self, group, _("Licence"), PAMONG_TYPE_APP_LICENSE, license_label);
  self->language_row = form_entry (self, group, _("Programming language"));
  self->framework_row = form_entry (self, group, _("Framework"));
  self->database_row = form_entry (self, group, _("Database"));
  self->server_row = form_entry (self, group, _("Server"));
  self->year_row = form_entry (self, group, _("Year built"));
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->year_row), 4);

  group = form_group (self, _("Rationalisation Plan"));
  self->plan_row = form_combo (self, group, _("Plan"), PAMONG_TYPE_APP_PLAN, plan_label);
  self->plan_target_row = form_entry (self, group, _("Integrate into (an application’s name)"));
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
    const PamongNationalField *fields;
    guint n_fields;
    GtkWidget *button = gtk_menu_button_new ();

    /* The national Aplikasi Umum, one click away. */
    fields = pamong_overlap_get_national_fields (&n_fields);
    for (guint f = 0; f < n_fields; f++)
      for (guint i = 0; fields[f].national_apps[i] != NULL; i++)
        {
          g_autofree char *label = NULL;
          g_autoptr(GMenuItem) item = NULL;

          if (!g_hash_table_add (seen, (gpointer) fields[f].national_apps[i]))
            continue;
          label = g_strdup_printf ("%s — %s", fields[f].national_apps[i], fields[f].name);
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target (item, "apps.set-target", "s", fields[f].national_apps[i]);
          g_menu_append_item (menu, item);
        }
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-list-symbolic");
    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (button, "flat");
    gtk_widget_set_tooltip_text (button, _("Choose a national application"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Choose a national application"), -1);
    adw_entry_row_add_suffix (self->plan_target_row, button);
  }
  self->plan_date_row = form_entry (self, group, _("Target date (YYYY-MM-DD)"));
  self->plan_note_row = form_entry (self, group, _("Note"));
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
 * (0 name, 1 unit, 2 category, 3 basis, 4 status, 5 plan, 6 last change)
 * of the row at @position
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

/**
 * pamong_applications_page_sort_by:
 * @column: as in pamong_applications_page_get_cell_text()
 *
 * Sorts the list as a click on the column's header does.
 */
void
pamong_applications_page_sort_by (PamongApplicationsPage *self,
                                  guint                   column,
                                  gboolean                descending)
{
  g_return_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self));
  g_return_if_fail (column < N_COLUMNS);

  gtk_column_view_sort_by_column (self->column_view, self->columns[column],
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/**
 * pamong_applications_page_set_filter:
 * @filter: 0 unit, 1 category, 2 basis, 3 status, 4 plan
 * @position: 0 for any, else the unit's position by name or the enum value + 1
 */
void
pamong_applications_page_set_filter (PamongApplicationsPage *self,
                                     guint                   filter,
                                     guint                   position)
{
  g_return_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self));
  g_return_if_fail (filter < N_FILTERS);

  gtk_drop_down_set_selected (self->filters[filter], position);
}

/**
 * pamong_applications_page_get_filter_choice:
 *
 * Returns: (transfer none) (nullable): what a filter's choice reads, e.g.
 * "Retired (1)", counted now if the store changed since the filters showed
 */
const char *
pamong_applications_page_get_filter_choice (PamongApplicationsPage *self,
                                            guint                   filter,
                                            guint                   position)
{
  GListModel *model;

  g_return_val_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self), NULL);
  g_return_val_if_fail (filter < N_FILTERS, NULL);

  update_filter_counts (self);
  model = gtk_drop_down_get_model (self->filters[filter]);
  if (position >= g_list_model_get_n_items (model))
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (model), position);
}

/**
 * pamong_applications_page_get_form_row:
 * @field: an application property name, e.g. "name", "plan-date"
 *
 * Returns: (transfer none) (nullable): the form's row for @field
 */
GtkWidget *
pamong_applications_page_get_form_row (PamongApplicationsPage *self,
                                       const char             *field)
{
  struct { const char *field; gsize offset; } rows[] = {
    { "name", G_STRUCT_OFFSET (PamongApplicationsPage, name_row) },
    { "description", G_STRUCT_OFFSET (PamongApplicationsPage, description_row) },
    { "function", G_STRUCT_OFFSET (PamongApplicationsPage, function_row) },
    { "reference-code", G_STRUCT_OFFSET (PamongApplicationsPage, reference_code_row) },
    { "supported-services", G_STRUCT_OFFSET (PamongApplicationsPage, services_row) },
    { "data-used", G_STRUCT_OFFSET (PamongApplicationsPage, data_row) },
    { "outputs", G_STRUCT_OFFSET (PamongApplicationsPage, outputs_row) },
    { "operator-unit", G_STRUCT_OFFSET (PamongApplicationsPage, operator_row) },
    { "developer-unit", G_STRUCT_OFFSET (PamongApplicationsPage, developer_row) },
    { "category", G_STRUCT_OFFSET (PamongApplicationsPage, category_row) },
    { "status", G_STRUCT_OFFSET (PamongApplicationsPage, status_row) },
    { "basis", G_STRUCT_OFFSET (PamongApplicationsPage, basis_row) },
    { "url", G_STRUCT_OFFSET (PamongApplicationsPage, url_row) },
    { "license", G_STRUCT_OFFSET (PamongApplicationsPage, license_row) },
    { "programming-language", G_STRUCT_OFFSET (PamongApplicationsPage, language_row) },
    { "framework", G_STRUCT_OFFSET (PamongApplicationsPage, framework_row) },
    { "database", G_STRUCT_OFFSET (PamongApplicationsPage, database_row) },
    { "server", G_STRUCT_OFFSET (PamongApplicationsPage, server_row) },
    { "year-built", G_STRUCT_OFFSET (PamongApplicationsPage, year_row) },
    { "plan", G_STRUCT_OFFSET (PamongApplicationsPage, plan_row) },
    { "plan-target", G_STRUCT_OFFSET (PamongApplicationsPage, plan_target_row) },
    { "plan-date", G_STRUCT_OFFSET (PamongApplicationsPage, plan_date_row) },
    { "plan-note", G_STRUCT_OFFSET (PamongApplicationsPage, plan_note_row) },
  };

  g_return_val_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].field, field))
      return G_STRUCT_MEMBER (GtkWidget *, self, rows[i].offset);
  return NULL;
}

/** pamong_applications_page_get_form_error: (transfer none): what the form says is wrong, "" when nothing */
const char *
pamong_applications_page_get_form_error (PamongApplicationsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self), NULL);

  return gtk_label_get_text (self->form_error);
}

/** pamong_applications_page_get_shown: (transfer none) (nullable): the stored application in the form */
PamongApplication *
pamong_applications_page_get_shown (PamongApplicationsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self), NULL);

  return self->shown;
}

/** pamong_applications_page_show: shows @app in the form, as a click on its row does */
void
pamong_applications_page_show (PamongApplicationsPage *self,
                               PamongApplication      *app)
{
  g_return_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self));

  show_application (self, app);
}

/** pamong_applications_page_get_dialog: (transfer none) (nullable): the open confirmation or error list */
AdwMessageDialog *
pamong_applications_page_get_dialog (PamongApplicationsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self), NULL);

  return self->dialog;
}

/** pamong_applications_page_undo_delete: what the Undo button of the toast does */
void
pamong_applications_page_undo_delete (PamongApplicationsPage *self)
{
  g_return_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self));

  undo_delete (self);
}

/** pamong_applications_page_set_view: "inventory", "overlaps", "plan" or "summary" */
void
pamong_applications_page_set_view (PamongApplicationsPage *self,
                                   const char             *view)
{
  g_return_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self));

  gtk_stack_set_visible_child_name (self->views_stack, view);
}

/** pamong_applications_page_is_finding_overlaps: whether the overlap finder runs */
gboolean
pamong_applications_page_is_finding_overlaps (PamongApplicationsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self), FALSE);

  return self->overlaps_cancellable != NULL;
}

/** pamong_applications_page_get_view_box: (transfer none): the box of the "overlaps" or "plan" view */
GtkWidget *
pamong_applications_page_get_view_box (PamongApplicationsPage *self,
                                       const char             *view)
{
  g_return_val_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self), NULL);

  return GTK_WIDGET (g_str_equal (view, "plan") ? self->plan_box : self->overlaps_box);
}

/** pamong_applications_page_get_chart: (transfer none): 0 progress, 1 status, 2 category, 3 unit */
PamongBarChart *
pamong_applications_page_get_chart (PamongApplicationsPage *self,
                                    guint                   index)
{
  PamongBarChart *charts[4];

  g_return_val_if_fail (PAMONG_IS_APPLICATIONS_PAGE (self), NULL);
  g_return_val_if_fail (index < 4, NULL);

  charts[0] = self->progress_chart;
  charts[1] = self->status_chart;
  charts[2] = self->category_chart;
  charts[3] = self->unit_chart;
  return charts[index];
}

/* GObject */

static void
pamong_applications_page_dispose (GObject *object)
{
  PamongApplicationsPage *self = PAMONG_APPLICATIONS_PAGE (object);

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  self->dialog = NULL;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_cancellable_cancel (self->overlaps_cancellable);
  g_clear_object (&self->overlaps_cancellable);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  g_clear_pointer (&self->unit_full_names, g_hash_table_unref);

  G_OBJECT_CLASS (pamong_applications_page_parent_class)->dispose (object);
}

static void
pamong_applications_page_finalize (GObject *object)
{
  PamongApplicationsPage *self = PAMONG_APPLICATIONS_PAGE (object);

  g_ptr_array_unref (self->units);
  g_free (self->sort_field);
  g_free (self->deleted_uuid);

  G_OBJECT_CLASS (pamong_applications_page_parent_class)->finalize (object);
}

static void
pamong_applications_page_class_init (PamongApplicationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PamongWorkspacePageClass *page_class = PAMONG_WORKSPACE_PAGE_CLASS (klass);

  object_class->dispose = pamong_applications_page_dispose;
  object_class->finalize = pamong_applications_page_finalize;

  page_class->reload = pamong_applications_page_reload;
  page_class->store_changed = pamong_applications_page_store_changed;
  page_class->search_changed = pamong_applications_page_search_changed;

  g_type_ensure (PAMONG_TYPE_BAR_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/applications/pamong-applications-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, views_stack);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, form_page);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, filter_grid);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, form_buttons);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, overlaps_box);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, plan_box);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, progress_chart);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, status_chart);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, category_chart);
  gtk_widget_class_bind_template_child (widget_class, PamongApplicationsPage, unit_chart);

  gtk_widget_class_install_action (widget_class, "apps.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "apps.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "apps.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "apps.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "apps.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "apps.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "apps.set-target", "s", set_target_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "apps.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "apps.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "apps.delete", NULL);
}

static void
views_changed_cb (PamongApplicationsPage *self)
{
  gboolean inventory = g_strcmp0 (gtk_stack_get_visible_child_name (self->views_stack), "inventory") == 0;

  /* The search and the filters narrow the inventory only. */
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), inventory);
  gtk_widget_set_visible (self->filter_button, inventory);
  refresh_visible_view (self);
}

static void
pamong_applications_page_init (PamongApplicationsPage *self)
{
  PamongWorkspacePage *page = PAMONG_WORKSPACE_PAGE (self);
  const char *titles[N_COLUMNS];
  const int widths[N_COLUMNS] = { -1, 135, -1, -1, 110, -1, -1 };

  self->units = g_ptr_array_new_with_free_func (g_object_unref);
  self->sort_field = g_strdup ("name");

  gtk_widget_init_template (GTK_WIDGET (self));
  pamong_workspace_page_init_widgets (page, self->leaflet, self->search_bar,
                                      self->search_entry, self->back_button);

  titles[COLUMN_NAME] = _("Name");
  titles[COLUMN_UNIT] = _("Unit");
  titles[COLUMN_CATEGORY] = _("Category");
  titles[COLUMN_BASIS] = _("Basis");
  titles[COLUMN_STATUS] = _("Status");
  titles[COLUMN_PLAN] = _("Plan");
  titles[COLUMN_CHANGED] = _("Last Change");

  /* The name takes the room the short columns leave. Fixed widths only for
   * columns that always show: GTK 4.8 still counts a hidden column's fixed
   * width, and the list's minimum width must not change when the leaflet
   * folds (it decides the folding). A narrow window keeps the columns a
   * person scans first. */
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkColumnViewColumn *column = pamong_gui_add_text_column (self->column_view, titles[i], i == COLUMN_NAME,
                                                                widths[i], cell_funcs[i], self);
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, column, NULL));

      g_object_set_data (G_OBJECT (column), "pamong-page", self);
      g_object_set_data (G_OBJECT (column), "pamong-column", GINT_TO_POINTER (i));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      self->columns[i] = column;
      if (i != COLUMN_NAME && i != COLUMN_UNIT && i != COLUMN_STATUS)
        pamong_workspace_page_hide_when_folded (page, column);
    }
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_NAME], GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (view_sorter_changed_cb), self, G_CONNECT_SWAPPED);

  add_filter (self, FILTER_UNIT, _("Unit"), G_TYPE_NONE, NULL);
  add_filter (self, FILTER_CATEGORY, _("Category"), PAMONG_TYPE_APP_CATEGORY, category_label);
  add_filter (self, FILTER_BASIS, _("Basis"), PAMONG_TYPE_APP_BASIS, basis_label);
  add_filter (self, FILTER_STATUS, _("Status"), PAMONG_TYPE_APP_STATUS, status_label);
  add_filter (self, FILTER_PLAN, _("Plan"), PAMONG_TYPE_APP_PLAN, plan_label);

  build_form (self);

  pamong_bar_chart_set_title (self->progress_chart, _("Rationalisation Plan Progress"));
  pamong_bar_chart_set_title (self->status_chart, _("Applications per Status"));
  pamong_bar_chart_set_title (self->category_chart, _("Applications per Category"));
  pamong_bar_chart_set_title (self->unit_chart, _("Applications per Unit (the 15 largest)"));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_popover, "show",
                           G_CALLBACK (update_filter_counts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->views_stack, "notify::visible-child",
                           G_CALLBACK (views_changed_cb), self, G_CONNECT_SWAPPED);

  update_count (self);
  update_actions (self);
  validate_form (self);
}
