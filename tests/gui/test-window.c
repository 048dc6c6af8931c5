/* test-window.c — the main window shows the store's records
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <locale.h>

#include "pamong-app.h"
#include "pamong-applications-page.h"
#include "pamong-core.h"
#include "pamong-indicators-page.h"
#include "pamong-preferences-window.h"
#include "pamong-requests-page.h"
#include "pamong-window-private.h"
#include "gui-test-util.h"

static char *tmp_dir;
static char *demo_path;

static const char *demo_store (void);

/* Helpers */

/* One app for the whole run, as in real use: the tests run inside its
 * g_application_run(), each on a store of its own. */
static PamongApp *the_app;

static PamongApp *
app_with_store (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pamong_app_open_store (the_app, path, &error));
  g_assert_no_error (error);

  return the_app;
}

static PamongWindow *
window_new_drawn (PamongApp *app)
{
  PamongWindow *window = pamong_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until (gui_test_window_is_drawn, window);
  gui_test_settle ();

  return window;
}

static void
destroy_window (PamongWindow *window)
{
  GtkWidget *weak = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_settle ();
  g_assert_null (weak);
}

static guint
store_count (PamongApp *app,
             GType      type)
{
  g_autoptr(PamongQuery) query = pamong_query_new (type);
  g_autoptr(GError) error = NULL;
  guint n;

  n = pamong_store_count (pamong_app_get_store (app), query, &error);
  g_assert_no_error (error);
  return n;
}

static guint
store_search_count (PamongApp  *app,
                    GType       type,
                    const char *text)
{
  g_autoptr(PamongQuery) query = pamong_query_new (type);
  g_autoptr(GError) error = NULL;
  guint n;

  pamong_query_set_search (query, *text != '\0' ? text : NULL);
  n = pamong_store_count (pamong_app_get_store (app), query, &error);
  g_assert_no_error (error);
  return n;
}

typedef struct
{
  GListModel *model;
  guint       expected;
} ModelCount;

static gboolean
model_has_expected_count (gpointer data)
{
  ModelCount *count = data;

  return g_list_model_get_n_items (count->model) == count->expected;
}

/* Types @text into @page's search entry and waits until the list
 * shows what the store finds for it (the entry waits a moment before it
 * searches, as a person types). */
static void
type_search (PamongApp   *app,
             GType        type,
             gpointer     page,
             GListModel  *model,
             const char  *text)
{
  ModelCount count = { model, store_search_count (app, type, text) };

  gtk_editable_set_text (pamong_workspace_page_get_search_entry (PAMONG_WORKSPACE_PAGE (page)), text);
  gui_test_wait_until (model_has_expected_count, &count);
  /* Let the entry's delayed search run too. */
  g_usleep (300 * 1000);
  gui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count.expected);
}

/* The indicator list filters itself once the entry's search delay is over. */
static void
search_indicators (GtkEditable *entry,
                   const char  *text)
{
  gtk_editable_set_text (entry, text);
  g_usleep (400 * 1000);
  gui_test_settle ();
}

/* Tests */

static gboolean
view_is_workspaces (gpointer data)
{
  return g_strcmp0 (pamong_window_get_visible_view (data), "workspaces") == 0;
}

static void
test_welcome_for_an_empty_store (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "empty.db", NULL);
  PamongApp *app = app_with_store (path);
  PamongWindow *window = window_new_drawn (app);
  GtkWidget *page;

  /* An empty store offers the demo and the server, not empty workspaces. */
  g_assert_cmpstr (pamong_window_get_visible_view (window), ==, "welcome");
  /* The workspace shortcuts do not leave the welcome page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.workspace-2", NULL);
  gui_test_settle ();
  g_assert_cmpstr (pamong_window_get_visible_view (window), ==, "welcome");

  page = pamong_window_get_page (window, "aplikasi");
  g_assert_cmpstr (pamong_applications_page_get_visible_state (PAMONG_APPLICATIONS_PAGE (page)), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (pamong_applications_page_get_model (PAMONG_APPLICATIONS_PAGE (page))), ==, 0);

  /* "Open the Blora Demo" fills the store in a worker and the window
   * switches to the workspaces with the new rows. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  gui_test_wait_until (view_is_workspaces, window);
  g_assert_false (pamong_app_get_seeding (app));

  page = pamong_window_get_page (window, "aplikasi");
  g_assert_cmpuint (g_list_model_get_n_items (pamong_applications_page_get_model (PAMONG_APPLICATIONS_PAGE (page))),
                    ==, store_count (app, PAMONG_TYPE_APPLICATION));
  g_assert_cmpuint (store_count (app, PAMONG_TYPE_APPLICATION), >, 100);

  destroy_window (window);

  /* The other tests share this demo store. */
  if (demo_path == NULL)
    demo_path = g_strdup (path);
}

static void
check_aplikasi (PamongApp    *app,
                PamongWindow *window)
{
  PamongApplicationsPage *page;
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) by_name = NULL;
  g_autoptr(PamongApplication) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cell = NULL;
  g_autofree char *word = NULL;
  g_auto(GStrv) words = NULL;
  GListModel *model;
  guint total;

  g_assert_cmpstr (pamong_window_get_visible_view (window), ==, "workspaces");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.workspace-1", NULL));
  g_assert_cmpstr (pamong_window_get_workspace (window), ==, "aplikasi");

  page = PAMONG_APPLICATIONS_PAGE (pamong_window_get_page (window, "aplikasi"));
  model = pamong_applications_page_get_model (page);
  total = store_count (app, PAMONG_TYPE_APPLICATION);
  g_assert_cmpuint (total, >, 100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
  g_assert_cmpstr (pamong_applications_page_get_visible_state (page), ==, "list");

  /* The first row is the store's first application by name. */
  query = pamong_query_new (PAMONG_TYPE_APPLICATION);
  pamong_query_set_sort (query, "name", FALSE);
  by_name = pamong_store_query (pamong_app_get_store (app), query, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (by_name, 0);
  g_assert_nonnull (first);
  cell = pamong_applications_page_get_cell_text (page, 0, 0);
  g_assert_cmpstr (cell, ==, pamong_application_get_name (first));
  g_assert_cmpstr (cell, !=, "");
  g_clear_pointer (&cell, g_free);
  /* The unit column names a unit, not a uuid. */
  cell = pamong_applications_page_get_cell_text (page, 0, 1);
  g_assert_nonnull (cell);
  g_assert_null (strstr (cell, pamong_application_get_operator_unit (first)));
  g_assert_cmpstr (cell, !=, "Unknown unit");

  /* Searching for a word of its name narrows the list and keeps it. */
  words = g_strsplit (pamong_application_get_name (first), " ", -1);
  for (guint i = 0; words[i] != NULL && word == NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= 4)
      word = g_strdup (words[i]);
  g_assert_nonnull (word);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  type_search (app, PAMONG_TYPE_APPLICATION, page, model, word);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, total);

  /* Nothing matches nonsense: the "No Results" page shows. */
  type_search (app, PAMONG_TYPE_APPLICATION, page, model, "zzqxv");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (pamong_applications_page_get_visible_state (page), ==, "no-results");

  type_search (app, PAMONG_TYPE_APPLICATION, page, model, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);

}

static void
check_indikator (PamongApp    *app,
                 PamongWindow *window)
{
  g_autoptr(PamongFramework) framework = pamong_framework_load_default (NULL);
  PamongIndicatorsPage *page;
  GtkEditable *entry;
  guint n;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.workspace-2", NULL));
  g_assert_cmpstr (pamong_window_get_workspace (window), ==, "indikator");
  page = PAMONG_INDICATORS_PAGE (pamong_window_get_page (window, "indikator"));

  /* Blora's 2023 evaluation: 3.27, Baik (English UI, so a decimal point). */
  g_assert_true (pamong_indicators_page_select_year (page, 2023));
  gui_test_settle ();
  g_assert_cmpint (pamong_indicators_page_get_year (page), ==, 2023);
  g_assert_cmpstr (pamong_indicators_page_get_visible_state (page), ==, "assessment");
  g_assert_cmpstr (pamong_indicators_page_get_index_text (page), ==, "3.27");
  g_assert_cmpstr (pamong_indicators_page_get_predikat_text (page), ==, "Baik");

  /* All 47 indicators, in the framework's order, each with its level. */
  g_assert_cmpuint (pamong_indicators_page_get_n_visible_rows (page), ==,
                    pamong_framework_get_n_indicators (framework));
  g_assert_cmpuint (pamong_indicators_page_get_n_visible_rows (page), ==, 47);
  g_assert_cmpstr (pamong_indicators_page_get_row_title (page, 0), ==,
                   pamong_framework_get_indicator (framework, 0)->name);
  g_assert_true (g_str_has_prefix (pamong_indicators_page_get_row_level (page, 0), "Level "));

  /* 2022 was 2.06, Cukup. */
  g_assert_true (pamong_indicators_page_select_year (page, 2022));
  g_assert_cmpstr (pamong_indicators_page_get_index_text (page), ==, "2.06");
  g_assert_cmpstr (pamong_indicators_page_get_predikat_text (page), ==, "Cukup");

  /* The year picked is remembered for the next start. */
  g_assert_cmpint (g_settings_get_int (pamong_app_get_settings (app), "assessment-year"), ==, 2022);

  /* The search filters by name and by number. */
  entry = pamong_workspace_page_get_search_entry (PAMONG_WORKSPACE_PAGE (page));
  search_indicators (entry, "arsitektur");
  n = pamong_indicators_page_get_n_visible_rows (page);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, 47);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *folded = g_utf8_casefold (pamong_indicators_page_get_row_title (page, i), -1);

      g_assert_nonnull (strstr (folded, "arsitektur"));
    }

  search_indicators (entry, "11");
  g_assert_cmpuint (pamong_indicators_page_get_n_visible_rows (page), ==, 1);
  g_assert_cmpstr (pamong_indicators_page_get_row_title (page, 0), ==,
                   pamong_framework_lookup_indicator (framework, 11)->name);

  search_indicators (entry, "");
  g_assert_cmpuint (pamong_indicators_page_get_n_visible_rows (page), ==, 47);

}

static void
check_layanan (PamongApp    *app,
               PamongWindow *window)
{
  PamongRequestsPage *page;
  g_autofree char *tracking = NULL;
  g_autofree char *applicant = NULL;
  g_autofree char *kecamatan = NULL;
  g_autofree char *status = NULL;
  g_autofree char *service = NULL;
  gboolean found = FALSE;
  GListModel *model;
  guint total;
  guint n;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.workspace-3", NULL));
  g_assert_cmpstr (pamong_window_get_workspace (window), ==, "layanan");
  page = PAMONG_REQUESTS_PAGE (pamong_window_get_page (window, "layanan"));
  model = pamong_requests_page_get_model (page);

  total = store_count (app, PAMONG_TYPE_SERVICE_REQUEST);
  g_assert_cmpuint (total, >=, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);

  /* The first row is a real request, shown with names, not codes. */
  tracking = pamong_requests_page_get_cell_text (page, 0, 0);
  applicant = pamong_requests_page_get_cell_text (page, 0, 1);
  service = pamong_requests_page_get_cell_text (page, 0, 2);
  kecamatan = pamong_requests_page_get_cell_text (page, 0, 3);
  status = pamong_requests_page_get_cell_text (page, 0, 4);
  g_assert_cmpuint (strlen (tracking), >, 0);
  g_assert_cmpuint (strlen (applicant), >, 0);
  g_assert_cmpstr (service, !=, "Unknown service");
  g_assert_false (g_str_has_prefix (kecamatan, "33.16"));
  g_assert_true (g_strv_contains ((const char *[]) { "Submitted", "Verified", "In progress",
                                                     "Completed", "Rejected", NULL }, status));

  /* Searching for its tracking number finds it among very few. */
  type_search (app, PAMONG_TYPE_SERVICE_REQUEST, page, model, tracking);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <, total);
  for (guint i = 0; i < n && !found; i++)
    {
      g_autofree char *text = pamong_requests_page_get_cell_text (page, i, 0);

      found = g_str_equal (text, tracking);
    }
  g_assert_true (found);
  g_assert_cmpstr (pamong_requests_page_get_count_text (page), !=, "");

}

/* The window the user sees: each workspace shows the store's records, and
 * the window remembers where the user was. */
static void
test_workspaces_show_the_store (void)
{
  PamongApp *app = app_with_store (demo_store ());
  GSettings *settings = pamong_app_get_settings (app);
  PamongWindow *window;
  g_autofree char *workspace = NULL;

  g_settings_set_string (settings, "last-workspace", "layanan");
  g_settings_set_int (settings, "assessment-year", 2023);
  window = window_new_drawn (app);
  g_assert_cmpint (pamong_indicators_page_get_year (PAMONG_INDICATORS_PAGE (pamong_window_get_page (window, "indikator"))),
                   ==, 2023);
  g_assert_cmpstr (pamong_window_get_visible_view (window), ==, "workspaces");
  g_assert_cmpstr (pamong_window_get_workspace (window), ==, "layanan");

  check_aplikasi (app, window);
  check_indikator (app, window);
  check_layanan (app, window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.workspace-2", NULL));
  destroy_window (window);

  /* Closing the window keeps the workspace it showed. */
  workspace = g_settings_get_string (settings, "last-workspace");
  g_assert_cmpstr (workspace, ==, "indikator");

  g_settings_reset (settings, "last-workspace");
  g_settings_reset (settings, "assessment-year");
}

static gboolean
has_toplevel_of_type (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return TRUE;
    }
  return FALSE;
}

static void
destroy_toplevels_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        gtk_window_destroy (GTK_WINDOW (window));
    }
  gui_test_settle ();
}

static void
test_menu_windows_open (void)
{
  PamongApp *app = app_with_store (demo_store ());

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  gui_test_settle ();
  g_assert_true (has_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW));
  destroy_toplevels_of_type (ADW_TYPE_ABOUT_WINDOW);

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  gui_test_settle ();
  g_assert_true (has_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW));
  destroy_toplevels_of_type (GTK_TYPE_SHORTCUTS_WINDOW);

  g_action_group_activate_action (G_ACTION_GROUP (app), "connect", NULL);
  gui_test_settle ();
  g_assert_true (has_toplevel_of_type (PAMONG_TYPE_PREFERENCES_WINDOW));
  destroy_toplevels_of_type (PAMONG_TYPE_PREFERENCES_WINDOW);
}

static void
test_preferences_language_and_server (void)
{
  g_autoptr(GSettings) settings = pamong_app_new_settings ();
  g_autoptr(GError) error = NULL;
  PamongPreferencesWindow *preferences;
  AdwComboRow *row = NULL;
  GtkWidget *child;

  g_assert_nonnull (settings);

  /* Server addresses: empty (no server) or an http(s) URL with a host. */
  g_assert_true (pamong_server_url_is_valid ("", NULL));
  g_assert_true (pamong_server_url_is_valid ("https://pamong.blorakab.go.id", NULL));
  g_assert_true (pamong_server_url_is_valid ("http://127.0.0.1:8080/", NULL));
  g_assert_false (pamong_server_url_is_valid ("pamong.blorakab.go.id", &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (pamong_server_url_is_valid ("ftp://pamong.blorakab.go.id", &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* The language row writes the key main() reads at the next start. */
  g_settings_set_string (settings, "language", "");
  preferences = pamong_preferences_window_new (settings);
  gtk_window_present (GTK_WINDOW (preferences));
  gui_test_settle ();

  /* Find the combo row by walking the widget tree. */
  child = GTK_WIDGET (preferences);
  {
    g_autoptr(GPtrArray) queue = g_ptr_array_new ();

    g_ptr_array_add (queue, child);
    for (guint i = 0; i < queue->len && row == NULL; i++)
      {
        GtkWidget *widget = g_ptr_array_index (queue, i);

        if (ADW_IS_COMBO_ROW (widget))
          row = ADW_COMBO_ROW (widget);
        for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (queue, c);
      }
  }
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  adw_combo_row_set_selected (row, 3);
  {
    g_autofree char *language = g_settings_get_string (settings, "language");

    g_assert_cmpstr (language, ==, "jv");
  }
  g_settings_set_string (settings, "language", "id");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);

  gtk_window_destroy (GTK_WINDOW (preferences));
  gui_test_settle ();
  g_settings_set_string (settings, "language", "");
}

/* The Blora demo store the tests share: the one the welcome test filled
 * through "Open the Blora Demo", or a new one when that test did not run. */
static const char *
demo_store (void)
{
  g_autoptr(PamongStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PamongDemoOptions options;

  if (demo_path != NULL)
    return demo_path;

  demo_path = g_build_filename (tmp_dir, "demo.db", NULL);
  store = pamong_store_open (demo_path, &error);
  g_assert_no_error (error);
  pamong_demo_options_init (&options);
  g_assert_true (pamong_demo_generate (store, &options, &error));
  g_assert_no_error (error);

  return demo_path;
}

static int test_result;

static void
run_tests_cb (GApplication *app,
              gpointer      user_data)
{
  test_result = g_test_run ();

  /* The tests made their own windows; skip the app's default activation. */
  g_signal_stop_emission_by_name (app, "activate");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PAMONG_LOCALEDIR");
  g_autoptr(GError) error = NULL;
  char *app_argv[] = { argv[0], NULL };

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  tmp_dir = g_dir_make_tmp ("pamong-gui-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/pamong/gui/window/welcome-page-for-an-empty-store-then-the-demo",
                   test_welcome_for_an_empty_store);
  g_test_add_func ("/pamong/gui/window/each-workspace-shows-the-store-and-is-remembered",
                   test_workspaces_show_the_store);
  g_test_add_func ("/pamong/gui/app/about-shortcuts-and-preferences-open",
                   test_menu_windows_open);
  g_test_add_func ("/pamong/gui/preferences/language-and-server-address",
                   test_preferences_language_and_server);

  the_app = pamong_app_new ();
  g_application_set_flags (G_APPLICATION (the_app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (the_app, "activate", G_CALLBACK (run_tests_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (the_app), 1, app_argv), ==, 0);
  g_assert_finalize_object (the_app);

  gui_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (demo_path);

  return test_result;
}
