/* pamong-gui-util.c — small helpers the workspaces share
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <libintl.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pamong-application.h"
#include "pamong-gui-util.h"
#include "pamong-service-request.h"
#include "pamong-store.h"
#include "pamong-unit.h"

static gboolean
collection_is_empty (PamongStore *store,
                     GType        record_type)
{
  g_autoptr(PamongQuery) query = pamong_query_new (record_type);
  g_autoptr(GError) error = NULL;
  guint n;

  n = pamong_store_count (store, query, &error);
  if (error != NULL)
    {
      g_debug ("Counting %s failed: %s", g_type_name (record_type), error->message);
      return FALSE;
    }
  return n == 0;
}

/**
 * pamong_gui_store_is_empty:
 *
 * Whether @store holds nothing a person would look at: no units, no
 * applications and no service requests. Such a store gets the welcome page.
 */
gboolean
pamong_gui_store_is_empty (PamongStore *store)
{
  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);

  return collection_is_empty (store, PAMONG_TYPE_UNIT) &&
         collection_is_empty (store, PAMONG_TYPE_APPLICATION) &&
         collection_is_empty (store, PAMONG_TYPE_SERVICE_REQUEST);
}

/**
 * pamong_gui_load_names:
 * @store: the store
 * @record_type: a record type of a small collection (units, service types)
 * @property: the string property to show
 * @fallback_property: (nullable): used where @property is empty
 *
 * Returns: (transfer full): uuid -> name, for showing references in lists
 */
GHashTable *
pamong_gui_load_names (PamongStore *store,
                       GType        record_type,
                       const char  *property,
                       const char  *fallback_property)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (store == NULL)
    return g_steal_pointer (&names);

  query = pamong_query_new (record_type);
  model = pamong_store_query (store, query, &error);
  if (model == NULL)
    {
      g_debug ("Listing %s failed: %s", g_type_name (record_type), error->message);
      return g_steal_pointer (&names);
    }

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PamongRecord) record = g_list_model_get_item (model, i);
      g_autofree char *name = NULL;

      if (record == NULL)
        continue;

      g_object_get (record, property, &name, NULL);
      if ((name == NULL || *name == '\0') && fallback_property != NULL)
        {
          g_clear_pointer (&name, g_free);
          g_object_get (record, fallback_property, &name, NULL);
        }
      if (name != NULL)
        g_hash_table_insert (names,
                             g_strdup (pamong_record_get_uuid (record)),
                             g_steal_pointer (&name));
    }

  return g_steal_pointer (&names);
}

/**
 * pamong_gui_lookup_again:
 * @store: (nullable): the store
 * @record: (nullable): a record a page shows
 *
 * For keeping a detail pane on its record after the store changed.
 *
 * Returns: (transfer full) (nullable): @record as @store holds it now, or
 * %NULL when it is gone or deleted
 */
PamongRecord *
pamong_gui_lookup_again (PamongStore  *store,
                         PamongRecord *record)
{
  g_autoptr(PamongRecord) fresh = NULL;

  if (store == NULL || record == NULL)
    return NULL;

  fresh = pamong_store_lookup (store, G_OBJECT_TYPE (record), pamong_record_get_uuid (record), NULL);
  if (fresh == NULL || pamong_record_get_deleted (fresh))
    return NULL;
  return g_steal_pointer (&fresh);
}

/* Text columns */

typedef struct
{
  PamongCellTextFunc func;
  gpointer           user_data;
} CellBinding;

static void
text_cell_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (list_item, label);
}

static void
text_cell_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  CellBinding *binding = user_data;
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (item != NULL)
    text = binding->func (item, binding->user_data);
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
}

/**
 * pamong_gui_add_text_column:
 * @expand: whether the column takes the room the others leave (the one a
 *   person reads first)
 * @fixed_width: the column's width in pixels, or -1 for its content's
 *
 * Appends a resizable column of single-line labels whose text @func
 * computes. A fixed width keeps a short column from jumping as rows scroll
 * by, and from taking room an expanding column needs.
 *
 * Returns: (transfer none): the column
 */
GtkColumnViewColumn *
pamong_gui_add_text_column (GtkColumnView      *view,
                            const char         *title,
                            gboolean            expand,
                            int                 fixed_width,
                            PamongCellTextFunc  func,
                            gpointer            user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  CellBinding *binding = g_new0 (CellBinding, 1);

  binding->func = func;
  binding->user_data = user_data;

  g_signal_connect (factory, "setup", G_CALLBACK (text_cell_setup), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (text_cell_bind),
                         binding, (GClosureNotify) (void (*) (void)) g_free, 0);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  /* The view owns the column now; the caller borrows it. */
  g_object_unref (column);

  /* cppcheck-suppress deallocret */
  return column;
}

/* Lists */

/**
 * pamong_gui_list_set_query:
 * @store: (nullable): the store, or %NULL for an empty list
 * @no_results_text: what @no_results_page says when the search finds nothing
 *
 * Shows the rows of @query in @selection. When the store cannot run the
 * query, the list is empty and @no_results_page tells why.
 *
 * Returns: %FALSE if the query failed
 */
gboolean
pamong_gui_list_set_query (GtkSingleSelection *selection,
                           AdwStatusPage      *no_results_page,
                           PamongStore        *store,
                           PamongQuery        *query,
                           const char         *no_results_text)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_SINGLE_SELECTION (selection), FALSE);
  g_return_val_if_fail (ADW_IS_STATUS_PAGE (no_results_page), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if (store == NULL)
    {
      gtk_single_selection_set_model (selection, NULL);
      return TRUE;
    }

  model = pamong_store_query (store, query, &error);
  if (model == NULL)
    {
      adw_status_page_set_description (no_results_page, error->message);
      gtk_single_selection_set_model (selection, NULL);
      return FALSE;
    }

  adw_status_page_set_description (no_results_page, no_results_text);
  gtk_single_selection_set_model (selection, model);
  return TRUE;
}

/**
 * pamong_gui_list_show_state:
 *
 * Shows the page of @list_stack that fits: "list" when there are rows,
 * "no-results" when a search found none, "empty" when there is nothing.
 */
void
pamong_gui_list_show_state (GtkStack *list_stack,
                            guint     n_items,
                            gboolean  searching)
{
  g_return_if_fail (GTK_IS_STACK (list_stack));

  if (n_items > 0)
    gtk_stack_set_visible_child_name (list_stack, "list");
  else if (searching)
    gtk_stack_set_visible_child_name (list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (list_stack, "empty");
}

/* Detail rows */

/**
 * pamong_gui_row_set_value:
 *
 * Shows @value as the subtitle of a read-only field row; an empty value
 * reads "Not recorded".
 */
void
pamong_gui_row_set_value (AdwActionRow *row,
                          const char   *value)
{
  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (value == NULL || *value == '\0')
    {
      adw_action_row_set_subtitle (row, _("Not recorded"));
      gtk_widget_add_css_class (GTK_WIDGET (row), "pamong-empty-value");
    }
  else
    {
      adw_action_row_set_subtitle (row, value);
      gtk_widget_remove_css_class (GTK_WIDGET (row), "pamong-empty-value");
    }
}

void
pamong_gui_row_take_value (AdwActionRow *row,
                           char         *value)
{
  pamong_gui_row_set_value (row, value);
  g_free (value);
}

/**
 * pamong_gui_join_list:
 *
 * Returns: (transfer full): the items as one line, "a, b, c"
 */
char *
pamong_gui_join_list (const char * const *items)
{
  if (items == NULL || items[0] == NULL)
    return NULL;

  /* Translators: the separator between the items of a list, e.g. "KTP, KK" */
  return g_strjoinv (_(", "), (char **) items);
}

/**
 * pamong_gui_ui_is_english:
 *
 * Whether the UI shows the English source strings. Regulation terms such as
 * the predikat stay Indonesian in every language and get an English gloss in
 * the English UI only.
 */
gboolean
pamong_gui_ui_is_english (void)
{
  /* The catalogue gettext chose carries its language in its header, the
   * translation of "". No catalogue means the English source strings.
   * (Through a variable, so xgettext does not take "" for a message.) */
  static const char header_msgid[] = "";
  const char *header = dgettext (GETTEXT_PACKAGE, header_msgid);
  const char *language;

  if (header == NULL || *header == '\0')
    return TRUE;

  language = strstr (header, "Language: ");
  if (language == NULL)
    return TRUE;
  language += strlen ("Language: ");

  return g_str_has_prefix (language, "en") || *language == '\n';
}
