/* pamong-service-catalog.c — the service catalogue, for administrators
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each service type with its owning unit, the documents it requires, the
 * time standard in working days (the due date of every request comes from
 * it), its cost and legal basis. The list on the left, the form on the
 * right; "New Service" empties the form, "Save" stores it.
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pamong-gui-util.h"
#include "pamong-labels.h"
#include "pamong-requests-util.h"
#include "pamong-service-catalog.h"
#include "pamong-service-type.h"
#include "pamong-store.h"
#include "pamong-unit.h"

struct _PamongServiceCatalog
{
  AdwWindow          parent_instance;

  PamongStore       *store;
  GPtrArray         *services;   /* PamongServiceType*, by name */
  GPtrArray         *units;      /* uuids, in the unit row's order */
  GHashTable        *unit_names;
  PamongServiceType *editing;    /* a copy of the record in the form */
  gulong             changed_id;

  AdwToastOverlay   *toast_overlay;
  GtkListBox        *list;
  AdwEntryRow       *code_row;
  AdwEntryRow       *name_row;
  AdwComboRow       *kind_row;
  AdwComboRow       *unit_row;
  GtkTextView       *requirements_view;
  GtkSpinButton     *days_spin;
  GtkSpinButton     *cost_spin;
  AdwEntryRow       *basis_row;
  AdwEntryRow       *description_row;
  GtkLabel          *problem_label;
};

G_DEFINE_FINAL_TYPE (PamongServiceCatalog, pamong_service_catalog, ADW_TYPE_WINDOW)

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
fill_form (PamongServiceCatalog *self)
{
  PamongServiceType *type = self->editing;
  const char * const *requirements = pamong_service_type_get_requirements (type);
  g_autofree char *lines = requirements != NULL ? g_strjoinv ("\n", (char **) requirements) : NULL;
  guint unit = GTK_INVALID_LIST_POSITION;

  gtk_editable_set_text (GTK_EDITABLE (self->code_row), or_empty (pamong_service_type_get_code (type)));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), or_empty (pamong_service_type_get_name (type)));
  adw_combo_row_set_selected (self->kind_row, pamong_service_type_get_kind (type));
  for (guint i = 0; i < self->units->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->units, i), pamong_service_type_get_unit (type)) == 0)
      unit = i;
  adw_combo_row_set_selected (self->unit_row, unit);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->requirements_view), or_empty (lines), -1);
  gtk_spin_button_set_value (self->days_spin, pamong_service_type_get_standard_days (type));
  gtk_spin_button_set_value (self->cost_spin, (double) pamong_service_type_get_cost (type));
  gtk_editable_set_text (GTK_EDITABLE (self->basis_row), or_empty (pamong_service_type_get_legal_basis (type)));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), or_empty (pamong_service_type_get_description (type)));
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
}

static void
fill_list (PamongServiceCatalog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  g_clear_pointer (&self->services, g_ptr_array_unref);
  self->services = pamong_requests_load_service_types (self->store);
  for (guint i = 0; i < self->services->len; i++)
    {
      PamongServiceType *type = g_ptr_array_index (self->services, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = pamong_requests_describe_standard (type,
                                                                     g_hash_table_lookup (self->unit_names,
                                                                                          pamong_service_type_get_unit (type)),
                                                                     FALSE);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pamong_service_type_get_name (type));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->list, row);
    }
}

static void
fill_units (PamongServiceCatalog *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_UNIT);
  g_autoptr(GListModel) list = NULL;

  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  self->unit_names = pamong_gui_load_names (self->store, PAMONG_TYPE_UNIT, "short-name", "name");
  g_ptr_array_set_size (self->units, 0);

  pamong_query_set_sort (query, "name", FALSE);
  list = self->store != NULL ? pamong_store_query (self->store, query, NULL) : NULL;
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PamongUnit) unit = g_list_model_get_item (list, i);

      if (unit == NULL)
        continue;
      g_ptr_array_add (self->units, g_strdup (pamong_record_get_uuid (PAMONG_RECORD (unit))));
      gtk_string_list_append (model, pamong_unit_get_name (unit));
    }
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (model));
}

static void
row_activated_cb (PamongServiceCatalog *self,
                  GtkListBoxRow        *row)
{
  pamong_service_catalog_select (self, (guint) gtk_list_box_row_get_index (row));
}

static void
store_changed_cb (PamongStore          *store,
                  const char           *collection,
                  PamongServiceCatalog *self)
{
  if (g_strcmp0 (collection, "units") == 0)
    fill_units (self);
  if (g_strcmp0 (collection, "service_types") == 0 || g_strcmp0 (collection, "units") == 0)
    fill_list (self);
}

/* Public */

PamongServiceCatalog *
pamong_service_catalog_new (GtkWindow   *parent,
                            PamongStore *store)
{
  PamongServiceCatalog *self = g_object_new (PAMONG_TYPE_SERVICE_CATALOG,
                                             "transient-for", parent, NULL);

  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_after (store, "changed", G_CALLBACK (store_changed_cb), self);
  fill_units (self);
  fill_list (self);
  if (self->services->len > 0)
    pamong_service_catalog_select (self, 0);
  else
    pamong_service_catalog_new_service (self);
  return self;
}

guint
pamong_service_catalog_get_n_services (PamongServiceCatalog *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_CATALOG (self), 0);

  return self->services->len;
}

void
pamong_service_catalog_select (PamongServiceCatalog *self,
                               guint                 index)
{
  g_return_if_fail (PAMONG_IS_SERVICE_CATALOG (self));
  g_return_if_fail (index < self->services->len);

  g_clear_object (&self->editing);
  self->editing = PAMONG_SERVICE_TYPE (pamong_record_copy (g_ptr_array_index (self->services, index)));
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int) index));
  fill_form (self);
}

void
pamong_service_catalog_new_service (PamongServiceCatalog *self)
{
  g_return_if_fail (PAMONG_IS_SERVICE_CATALOG (self));

  g_clear_object (&self->editing);
  self->editing = pamong_service_type_new ();
  pamong_service_type_set_standard_days (self->editing, 5);
  gtk_list_box_unselect_all (self->list);
  fill_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
}

static gboolean
fail (PamongServiceCatalog *self,
      GtkWidget            *widget,
      const char           *message)
{
  gtk_label_set_text (self->problem_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
  if (widget != NULL)
    gtk_widget_grab_focus (widget);
  return FALSE;
}

/**
 * pamong_service_catalog_save:
 *
 * Stores the form. Code, name and unit are required.
 *
 * Returns: whether it was saved
 */
gboolean
pamong_service_catalog_save (PamongServiceCatalog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->requirements_view);
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_row))));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *basis = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->basis_row))));
  g_autofree char *description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row))));
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) requirements = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  guint unit = adw_combo_row_get_selected (self->unit_row);
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (PAMONG_IS_SERVICE_CATALOG (self), FALSE);

  if (self->store == NULL)
    return fail (self, NULL, _("No store is open: open or create one first."));
  if (*code == '\0')
    return fail (self, GTK_WIDGET (self->code_row), _("Give the service a code, e.g. DUK-01."));
  if (*name == '\0')
    return fail (self, GTK_WIDGET (self->name_row), _("Give the service a name."));
  if (unit == GTK_INVALID_LIST_POSITION || unit >= self->units->len)
    return fail (self, GTK_WIDGET (self->unit_row), _("Choose the unit that provides the service."));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_ptr_array_add (requirements, lines[i]);
  g_ptr_array_add (requirements, NULL);

  pamong_service_type_set_code (self->editing, code);
  pamong_service_type_set_name (self->editing, name);
  pamong_service_type_set_kind (self->editing, adw_combo_row_get_selected (self->kind_row) == 1 ?
                                PAMONG_SERVICE_KIND_COMPLAINT : PAMONG_SERVICE_KIND_REQUEST);
  pamong_service_type_set_unit (self->editing, g_ptr_array_index (self->units, unit));
  pamong_service_type_set_requirements (self->editing, (const char * const *) requirements->pdata);
  pamong_service_type_set_standard_days (self->editing, gtk_spin_button_get_value_as_int (self->days_spin));
  pamong_service_type_set_cost (self->editing, (gint64) gtk_spin_button_get_value (self->cost_spin));
  pamong_service_type_set_legal_basis (self->editing, *basis != '\0' ? basis : NULL);
  pamong_service_type_set_description (self->editing, *description != '\0' ? description : NULL);

  if (!pamong_store_save (self->store, PAMONG_RECORD (self->editing), &error))
    return fail (self, NULL, error->message);

  /* The list was filled again by the store's "changed": show the saved one. */
  uuid = g_strdup (pamong_record_get_uuid (PAMONG_RECORD (self->editing)));
  for (guint i = 0; i < self->services->len; i++)
    if (g_strcmp0 (pamong_record_get_uuid (g_ptr_array_index (self->services, i)), uuid) == 0)
      pamong_service_catalog_select (self, i);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Service saved")));
  return TRUE;
}

GtkWidget *
pamong_service_catalog_get_field (PamongServiceCatalog *self,
                                  const char           *field)
{
  struct { const char *name; gpointer widget; } fields[] = {
    { "code", self->code_row }, { "name", self->name_row }, { "kind", self->kind_row },
    { "unit", self->unit_row }, { "requirements", self->requirements_view },
    { "days", self->days_spin }, { "cost", self->cost_spin }, { "basis", self->basis_row },
    { "description", self->description_row },
  };

  g_return_val_if_fail (PAMONG_IS_SERVICE_CATALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, field))
      return fields[i].widget;
  return NULL;
}

const char *
pamong_service_catalog_get_problem (PamongServiceCatalog *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_CATALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->problem_label)) ?
         gtk_label_get_text (self->problem_label) : NULL;
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pamong_service_catalog_save (PAMONG_SERVICE_CATALOG (widget));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  pamong_service_catalog_new_service (PAMONG_SERVICE_CATALOG (widget));
}

/* GObject */

static void
pamong_service_catalog_dispose (GObject *object)
{
  PamongServiceCatalog *self = PAMONG_SERVICE_CATALOG (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->editing);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->unit_names, g_hash_table_unref);

  G_OBJECT_CLASS (pamong_service_catalog_parent_class)->dispose (object);
}

static void
pamong_service_catalog_class_init (PamongServiceCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pamong_service_catalog_dispose;

  gtk_widget_class_install_action (widget_class, "catalog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "catalog.new", NULL, new_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "catalog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "catalog.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
spin_row_new (const char     *title,
              double          max,
              double          step,
              GtkSpinButton **spin_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  *spin_out = GTK_SPIN_BUTTON (spin);
  return row;
}

static GtkWidget *
entry_row_new (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  return row;
}

static void
pamong_service_catalog_init (PamongServiceCatalog *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *new_button = gtk_button_new_with_mnemonic (_("_New Service"));
  GtkWidget *save_button = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *list_scrolled = gtk_scrolled_window_new ();
  GtkWidget *form = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *standard_group = adw_preferences_group_new ();
  GtkWidget *requirements_group = adw_preferences_group_new ();
  GtkWidget *problem_group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->units = g_ptr_array_new_with_free_func (g_free);
  self->services = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_window_set_title (GTK_WINDOW (self), _("Service Catalogue"));
  gtk_window_set_default_size (GTK_WINDOW (self), 960, 680);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "catalog.new");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save_button), "catalog.save");
  gtk_widget_add_css_class (save_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), new_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save_button);
  gtk_box_append (GTK_BOX (outer), header);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Service types"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (list_scrolled, 300, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), list_scrolled);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Service"));
  self->code_row = ADW_ENTRY_ROW (entry_row_new (_("_Code")));
  self->name_row = ADW_ENTRY_ROW (entry_row_new (_("_Name")));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("_Kind"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->kind_row), TRUE);
  gtk_string_list_append (kinds, pamong_label_service_kind (PAMONG_SERVICE_KIND_REQUEST));
  gtk_string_list_append (kinds, pamong_label_service_kind (PAMONG_SERVICE_KIND_COMPLAINT));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  self->unit_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->unit_row), _("_Unit"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->unit_row), TRUE);
  self->description_row = ADW_ENTRY_ROW (entry_row_new (_("_Description")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->code_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->unit_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->description_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (form), ADW_PREFERENCES_GROUP (group));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (standard_group), _("Service Standard"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (standard_group),
                             spin_row_new (_("Time standard in _working days"), 365, 1, &self->days_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (standard_group),
                             spin_row_new (_("C_ost in rupiah (0: free)"), 100000000, 1000, &self->cost_spin));
  self->basis_row = ADW_ENTRY_ROW (entry_row_new (_("_Legal basis")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (standard_group), GTK_WIDGET (self->basis_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (form), ADW_PREFERENCES_GROUP (standard_group));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (requirements_group), _("Requirements"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (requirements_group),
                                         _("The documents an applicant brings, one a line."));
  self->requirements_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->requirements_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->requirements_view, 8);
  gtk_text_view_set_bottom_margin (self->requirements_view, 8);
  gtk_text_view_set_left_margin (self->requirements_view, 8);
  gtk_text_view_set_right_margin (self->requirements_view, 8);
  gtk_widget_set_size_request (GTK_WIDGET (self->requirements_view), -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->requirements_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Requirements, one a line"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->requirements_view));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (requirements_group), frame);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (form), ADW_PREFERENCES_GROUP (requirements_group));

  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (problem_group), GTK_WIDGET (self->problem_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (form), ADW_PREFERENCES_GROUP (problem_group));

  gtk_widget_set_hexpand (form, TRUE);
  gtk_paned_set_end_child (GTK_PANED (paned), form);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (outer), paned);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, outer);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));
}
