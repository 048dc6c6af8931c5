/* test-applications.c — the Aplikasi workspace: list, form, overlaps, plan, CSV
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "pamong-app.h"
#include "pamong-applications-page.h"
#include "pamong-core.h"
#include "pamong-csv.h"
#include "pamong-window-private.h"
#include "gui-test-util.h"

static char *tmp_dir;
static PamongApp *the_app;

static PamongStore *
store (void)
{
  return pamong_app_get_store (the_app);
}

static guint
count_where (const char *field,
             const char *value,
             const char *search)
{
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_APPLICATION);
  g_autoptr(GError) error = NULL;
  guint n;

  if (field != NULL)
    pamong_query_add_filter_string (query, field, value);
  pamong_query_set_search (query, search);
  n = pamong_store_count (store (), query, &error);
  g_assert_no_error (error);
  return n;
}

typedef struct
{
  GListModel *model;
  guint       expected;
} ModelCount;

static gboolean
model_has_count (gpointer data)
{
  ModelCount *count = data;

  return g_list_model_get_n_items (count->model) == count->expected;
}

static void
wait_for_count (GListModel *model,
                guint       expected)
{
  ModelCount count = { model, expected };

  gui_test_wait_until (model_has_count, &count);
  gui_test_settle ();
}

static void
set_text (PamongApplicationsPage *page,
          const char             *field,
          const char             *text)
{
  gtk_editable_set_text (GTK_EDITABLE (pamong_applications_page_get_form_row (page, field)), text);
}

/* What Ctrl+S and the Save button do. */
static void
save (PamongApplicationsPage *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "apps.save", NULL));
}

static PamongApplication *
find_by_name (const char *name)
{
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_APPLICATION);
  g_autoptr(GListModel) model = NULL;

  pamong_query_add_filter_string (query, "name", name);
  model = pamong_store_query (store (), query, NULL);
  g_assert_nonnull (model);
  if (g_list_model_get_n_items (model) == 0)
    return NULL;
  return g_list_model_get_item (model, 0);
}

static gboolean
finder_done (gpointer page)
{
  return !pamong_applications_page_is_finding_overlaps (page);
}

static void
test_aplikasi_workspace (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongApplication) created = NULL;
  g_autoptr(PamongApplication) first = NULL;
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) by_name_desc = NULL;
  g_autofree char *cell = NULL;
  g_autofree char *csv = NULL;
  PamongApplicationsPage *page;
  PamongWindow *window;
  PamongDemoOptions options;
  GListModel *model;
  GtkWidget *weak;
  AdwMessageDialog *dialog;
  guint total, retired;
  int imported;

  g_assert_true (pamong_app_open_store (the_app, path, &error));
  g_assert_no_error (error);
  pamong_demo_options_init (&options);
  g_assert_true (pamong_demo_generate (store (), &options, &error));
  g_assert_no_error (error);

  window = pamong_window_new (the_app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until (gui_test_window_is_drawn, window);
  gui_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.workspace-1", NULL));
  page = PAMONG_APPLICATIONS_PAGE (pamong_window_get_page (window, "aplikasi"));
  model = pamong_applications_page_get_model (page);
  total = count_where (NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);

  /* Sorting: a click on "Name" again sorts descending, in the store. */
  pamong_applications_page_sort_by (page, 0, TRUE);
  gui_test_settle ();
  query = pamong_query_new (PAMONG_TYPE_APPLICATION);
  pamong_query_set_sort (query, "name", TRUE);
  by_name_desc = pamong_store_query (store (), query, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (by_name_desc, 0);
  cell = pamong_applications_page_get_cell_text (page, 0, 0);
  g_assert_cmpstr (cell, ==, pamong_application_get_name (first));
  g_clear_pointer (&cell, g_free);
  /* By status: the first rows are "active" (nick order). */
  pamong_applications_page_sort_by (page, 4, FALSE);
  gui_test_settle ();
  {
    g_autoptr(PamongApplication) top = g_list_model_get_item (model, 0);

    g_assert_cmpint (pamong_application_get_status (top), ==, PAMONG_APP_STATUS_ACTIVE);
  }
  pamong_applications_page_sort_by (page, 0, FALSE);
  gui_test_settle ();

  /* Filters: status "retired" (enum value 3, position 4), then plan too. */
  retired = count_where ("status", "retired", NULL);
  g_assert_cmpuint (retired, >, 0);
  /* Each choice shows its group's count. */
  {
    g_autofree char *expected = g_strdup_printf ("Retired (%u)", retired);
    g_autofree char *any = g_strdup_printf ("Any (%u)", total);

    g_assert_cmpstr (pamong_applications_page_get_filter_choice (page, 3, PAMONG_APP_STATUS_RETIRED + 1), ==, expected);
    g_assert_cmpstr (pamong_applications_page_get_filter_choice (page, 0, 0), ==, any);
  }
  pamong_applications_page_set_filter (page, 3, PAMONG_APP_STATUS_RETIRED + 1);
  wait_for_count (model, retired);
  g_assert_nonnull (strstr (pamong_applications_page_get_count_text (page), " of "));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PamongApplication) app = g_list_model_get_item (model, i);

      g_assert_cmpint (pamong_application_get_status (app), ==, PAMONG_APP_STATUS_RETIRED);
    }
  /* Filter and search combine: the search is the store's FTS. */
  gtk_editable_set_text (pamong_workspace_page_get_search_entry (PAMONG_WORKSPACE_PAGE (page)), "zzqxv");
  wait_for_count (model, 0);
  g_assert_cmpstr (pamong_applications_page_get_visible_state (page), ==, "no-results");
  pamong_applications_page_set_filter (page, 3, 0);
  gtk_editable_set_text (pamong_workspace_page_get_search_entry (PAMONG_WORKSPACE_PAGE (page)), "arsip");
  wait_for_count (model, count_where (NULL, NULL, "arsip"));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, total);
  gtk_editable_set_text (pamong_workspace_page_get_search_entry (PAMONG_WORKSPACE_PAGE (page)), "");
  wait_for_count (model, total);

  /* Create, with inline validation. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "apps.new", NULL));
  gui_test_settle ();
  g_assert_null (pamong_applications_page_get_shown (page));
  g_assert_nonnull (strstr (pamong_applications_page_get_form_error (page), "name is required"));
  g_assert_true (gtk_widget_has_css_class (pamong_applications_page_get_form_row (page, "name"), "error"));
  set_text (page, "name", "Aplikasi Uji Arsip");
  g_assert_false (gtk_widget_has_css_class (pamong_applications_page_get_form_row (page, "name"), "error"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (pamong_applications_page_get_form_row (page, "operator-unit")), 0);
  set_text (page, "url", "not a url");
  set_text (page, "year-built", "20x6");
  set_text (page, "plan-date", "2026-13-01");
  g_assert_true (gtk_widget_has_css_class (pamong_applications_page_get_form_row (page, "url"), "error"));
  g_assert_true (gtk_widget_has_css_class (pamong_applications_page_get_form_row (page, "year-built"), "error"));
  g_assert_true (gtk_widget_has_css_class (pamong_applications_page_get_form_row (page, "plan-date"), "error"));
  g_assert_nonnull (strstr (pamong_applications_page_get_form_error (page), "web address"));
  /* Saving refuses while the form has problems. */
  save (page);
  gui_test_settle ();
  g_assert_null (find_by_name ("Aplikasi Uji Arsip"));
  set_text (page, "url", "https://arsip-uji.blorakab.go.id");
  set_text (page, "year-built", "2016");
  set_text (page, "plan-date", "");
  set_text (page, "function", "Pencatatan surat masuk dan keluar.");
  set_text (page, "supported-services", "Kearsipan dinamis; Tata naskah");
  g_assert_cmpstr (pamong_applications_page_get_form_error (page), ==, "");
  save (page);
  gui_test_settle ();
  created = find_by_name ("Aplikasi Uji Arsip");
  g_assert_nonnull (created);
  g_assert_cmpint (pamong_application_get_year_built (created), ==, 2016);
  g_assert_cmpstr (pamong_application_get_url (created), ==, "https://arsip-uji.blorakab.go.id");
  g_assert_cmpuint (g_strv_length ((GStrv) pamong_application_get_supported_services (created)), ==, 2);
  g_assert_cmpint (pamong_record_get_local_state (PAMONG_RECORD (created)), ==, PAMONG_LOCAL_STATE_CREATED);
  wait_for_count (model, total + 1);
  g_assert_true (pamong_applications_page_get_shown (page) != NULL);

  /* Edit: the plan. Integrate needs a target. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (pamong_applications_page_get_form_row (page, "plan")),
                              PAMONG_APP_PLAN_INTEGRATE);
  g_assert_true (gtk_widget_has_css_class (pamong_applications_page_get_form_row (page, "plan-target"), "error"));
  save (page);
  gui_test_settle ();
  g_clear_object (&created);
  created = find_by_name ("Aplikasi Uji Arsip");
  g_assert_cmpint (pamong_application_get_plan (created), ==, PAMONG_APP_PLAN_UNDECIDED);
  set_text (page, "plan-target", "SRIKANDI");
  set_text (page, "plan-date", "2026-06-30");
  set_text (page, "plan-note", "Arsip dimigrasikan ke SRIKANDI.");
  save (page);
  gui_test_settle ();
  g_clear_object (&created);
  created = find_by_name ("Aplikasi Uji Arsip");
  g_assert_cmpint (pamong_application_get_plan (created), ==, PAMONG_APP_PLAN_INTEGRATE);
  g_assert_cmpstr (pamong_application_get_plan_target (created), ==, "SRIKANDI");
  g_assert_cmpstr (pamong_application_get_plan_date (created), ==, "2026-06-30");

  /* Integrating into a local application stores its uuid. */
  {
    g_autoptr(PamongApplication) local = find_by_name ("Absensi ASN Online");

    set_text (page, "plan-target", "Absensi ASN Online");
    save (page);
    gui_test_settle ();
    g_clear_object (&created);
    created = find_by_name ("Aplikasi Uji Arsip");
    g_assert_cmpstr (pamong_application_get_plan_target (created), ==, pamong_record_get_uuid (PAMONG_RECORD (local)));
    /* … and the form shows its name. */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pamong_applications_page_get_form_row (page, "plan-target"))),
                     ==, "Absensi ASN Online");
  }

  /* Edits are kept when another application is chosen. */
  set_text (page, "outputs", "Agenda surat digital");
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);
  gui_test_settle ();
  g_assert_true (pamong_applications_page_get_shown (page) != NULL);
  g_assert_cmpstr (pamong_application_get_name (pamong_applications_page_get_shown (page)), !=, "Aplikasi Uji Arsip");
  g_clear_object (&created);
  created = find_by_name ("Aplikasi Uji Arsip");
  g_assert_cmpstr (pamong_application_get_outputs (created), ==, "Agenda surat digital");
  pamong_applications_page_show (page, created);
  gui_test_settle ();

  /* Duplicate as new: same values, a new record. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "apps.duplicate", NULL));
  gui_test_settle ();
  g_assert_null (pamong_applications_page_get_shown (page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pamong_applications_page_get_form_row (page, "name"))),
                   ==, "Aplikasi Uji Arsip (copy)");
  save (page);
  gui_test_settle ();
  {
    g_autoptr(PamongApplication) copy = find_by_name ("Aplikasi Uji Arsip (copy)");

    g_assert_nonnull (copy);
    g_assert_cmpstr (pamong_record_get_uuid (PAMONG_RECORD (copy)), !=, pamong_record_get_uuid (PAMONG_RECORD (created)));
    g_assert_cmpstr (pamong_application_get_url (copy), ==, pamong_application_get_url (created));
  }
  wait_for_count (model, total + 2);

  /* Delete asks first; Cancel keeps it; Delete removes it; Undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "apps.delete", NULL));
  dialog = pamong_applications_page_get_dialog (page);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gui_test_settle ();
  g_assert_nonnull (find_by_name ("Aplikasi Uji Arsip (copy)"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "apps.delete", NULL));
  dialog = pamong_applications_page_get_dialog (page);
  adw_message_dialog_response (dialog, "delete");
  gui_test_settle ();
  g_assert_null (find_by_name ("Aplikasi Uji Arsip (copy)"));
  wait_for_count (model, total + 1);
  pamong_applications_page_undo_delete (page);
  gui_test_settle ();
  g_assert_nonnull (find_by_name ("Aplikasi Uji Arsip (copy)"));
  wait_for_count (model, total + 2);

  /* The overlap view groups the new archive app with SRIKANDI's field. */
  pamong_applications_page_set_view (page, "overlaps");
  gui_test_wait_until (finder_done, page);
  gui_test_settle ();
  {
    GtkWidget *box = pamong_applications_page_get_view_box (page, "overlaps");
    guint n_groups = 0;

    for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (ADW_IS_PREFERENCES_GROUP (child))
        {
          n_groups++;
          if (strstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child)), "Kearsipan") != NULL)
            g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (child)), "SRIKANDI"));
        }
    g_assert_cmpuint (n_groups, >=, 5);
  }

  /* The plan view counts what remains per unit. */
  pamong_applications_page_set_view (page, "plan");
  gui_test_settle ();
  {
    GtkWidget *box = pamong_applications_page_get_view_box (page, "plan");
    GtkWidget *headline = gtk_widget_get_first_child (box);

    g_assert_true (GTK_IS_LABEL (headline));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (headline)), "planned for integration or retirement"));
  }

  /* The summary's charts. */
  pamong_applications_page_set_view (page, "summary");
  gui_test_settle ();
  g_assert_cmpuint (pamong_bar_chart_get_n_bars (pamong_applications_page_get_chart (page, 0)), ==, 4);
  g_assert_cmpuint (pamong_bar_chart_get_n_bars (pamong_applications_page_get_chart (page, 1)), ==, 4);
  g_assert_cmpuint (pamong_bar_chart_get_n_bars (pamong_applications_page_get_chart (page, 2)), ==, 2);
  g_assert_cmpuint (pamong_bar_chart_get_n_bars (pamong_applications_page_get_chart (page, 3)), >, 5);
  pamong_applications_page_set_view (page, "inventory");

  /* Import with errors: every problem shown, nothing written. */
  imported = pamong_applications_page_import_data (page,
    "name,category,basis,license,operator-unit,status\r\n"
    "Impor Satu,khusus,web,open-source,no-such-unit,active\r\n"
    ",khusus,web,open-source,no-such-unit,aktif\r\n", -1);
  g_assert_cmpint (imported, ==, -1);
  dialog = pamong_applications_page_get_dialog (page);
  g_assert_nonnull (dialog);
  {
    GtkWidget *scrolled = adw_message_dialog_get_extra_child (dialog);
    GtkWidget *label = gtk_widget_get_first_child (gtk_widget_get_first_child (scrolled));
    const char *text;

    while (label != NULL && !GTK_IS_LABEL (label))
      label = gtk_widget_get_first_child (label);
    g_assert_nonnull (label);
    text = gtk_label_get_text (GTK_LABEL (label));
    g_assert_nonnull (strstr (text, "Row 2, column “operator-unit”"));
    g_assert_nonnull (strstr (text, "Row 3, column “name”"));
    g_assert_nonnull (strstr (text, "Row 3, column “status”"));
  }
  adw_message_dialog_response (dialog, "close");
  gui_test_settle ();
  g_assert_null (find_by_name ("Impor Satu"));
  g_assert_cmpuint (count_where (NULL, NULL, NULL), ==, total + 2);

  /* Export the current view (a search), change it, import it back. */
  gtk_editable_set_text (pamong_workspace_page_get_search_entry (PAMONG_WORKSPACE_PAGE (page)), "Uji");
  wait_for_count (model, count_where (NULL, NULL, "Uji"));
  csv = pamong_applications_page_export_text (page);
  /* PAMONG_TEST_EXPORT_CSV=FILE keeps the export, to open in a spreadsheet. */
  if (g_getenv ("PAMONG_TEST_EXPORT_CSV") != NULL)
    g_assert_true (g_file_set_contents (g_getenv ("PAMONG_TEST_EXPORT_CSV"), csv, -1, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFuuid,name,"));
  g_assert_nonnull (strstr (csv, "Aplikasi Uji Arsip (copy)"));
  g_assert_null (strstr (csv, "SRIKANDI,"));
  {
    g_autoptr(GString) changed = g_string_new (csv);

    g_string_replace (changed, "Aplikasi Uji Arsip (copy)", "Aplikasi Uji Impor", 0);
    imported = pamong_applications_page_import_data (page, changed->str, (gssize) changed->len);
  }
  g_assert_cmpint (imported, ==, (int) count_where (NULL, NULL, "Uji"));
  g_assert_cmpint (imported, >=, 2);
  gui_test_settle ();
  g_assert_null (find_by_name ("Aplikasi Uji Arsip (copy)"));
  g_assert_nonnull (find_by_name ("Aplikasi Uji Impor"));
  g_assert_cmpuint (count_where (NULL, NULL, NULL), ==, total + 2);
  gtk_editable_set_text (pamong_workspace_page_get_search_entry (PAMONG_WORKSPACE_PAGE (page)), "");
  wait_for_count (model, total + 2);

  weak = GTK_WIDGET (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_settle ();
  g_assert_null (weak);
}

static int test_result;

static void
run_tests_cb (GApplication *app,
              gpointer      user_data)
{
  test_result = g_test_run ();
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

  tmp_dir = g_dir_make_tmp ("pamong-apps-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/pamong/gui/applications/sort-filter-search-create-validate-edit-plan-delete-undo-overlaps-charts-csv",
                   test_aplikasi_workspace);

  the_app = pamong_app_new ();
  g_application_set_flags (G_APPLICATION (the_app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (the_app, "activate", G_CALLBACK (run_tests_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (the_app), 1, app_argv), ==, 0);
  g_assert_finalize_object (the_app);

  gui_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return test_result;
}
