/* screenshot-tour.c — the documentation's screenshots, taken in-process
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens Pamong's real window (PamongApp + PamongWindow) on a copy of the
 * Blora demo store, in one UI language, goes to each view the issues'
 * acceptance criteria name through the pages' public functions, and renders
 * the window into docs/screenshots/<view>-<lang>.png with its own renderer
 * (no screen grab, so no window manager is needed; Xvfb is enough). The
 * SPBE report and a request's receipt are written as PDFs by their core
 * code and their pages rendered with pdftoppm.
 *
 *   screenshot-tour --lang id [--output docs/screenshots] [--demo-store PATH]
 *
 * --demo-store names a seeded store to copy (it is seeded there first if
 * it does not exist), so several runs, one per language, seed only once.
 * Needs GSETTINGS_SCHEMA_DIR and PAMONG_LOCALEDIR of a build, as
 * build-aux/screenshots sets them. Settings live in memory only: a user's
 * real settings are never read or written.
 *
 * Not a test, but it checks what it shows (the 2023 index, the charts'
 * bars, the timeline's events, the NIK error) and exits with an error when
 * a view does not show what it should.
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "pamong-app.h"
#include "pamong-applications-page.h"
#include "pamong-core.h"
#include "pamong-indicators-page.h"
#include "pamong-receipt.h"
#include "pamong-request-intake.h"
#include "pamong-request-receipt.h"
#include "pamong-requests-dashboard.h"
#include "pamong-requests-page.h"
#include "pamong-window-private.h"

#define WINDOW_WIDTH  1280
#define WINDOW_HEIGHT 800
/* Blora's 2023 evaluation, the year the issue and README cite: 3,27 Baik. */
#define ASSESSMENT_YEAR 2023
#define ASSESSMENT_INDEX 3.27
/* A NIK of Jawa Tengah (33) with a regency code (99) that does not exist. */
#define UNKNOWN_REGION_NIK "3399012345678901"
/* The indicator opened in the scoring pane. */
#define SCORED_INDICATOR 11

static char *opt_lang;
static char *opt_output;
static char *opt_demo_store;
static char *tmp_dir;
static guint n_saved;
static int exit_status;

/* Waiting */

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Runs the main loop for at least @ms milliseconds: idles, the entries'
 * search delays, workers' results. */
static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
  while (g_get_monotonic_time () < until);
}

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       data)
{
  guint *n_frames = data;

  (*n_frames)++;
  gtk_widget_queue_draw (widget);
  return *n_frames < 3 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
frames_done (gpointer data)
{
  return *(guint *) data >= 3;
}

/* Lets @window lay out and paint a few frames, so what is rendered is what
 * a person would see now, not a half-built layout. */
static void
wait_for_layout (GtkWidget *window)
{
  guint n_frames = 0;

  settle (300);
  gtk_widget_add_tick_callback (window, frame_cb, &n_frames, NULL);
  wait_until (frames_done, &n_frames, "the window to paint");
  settle (100);
}

static gboolean
window_is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static gboolean
window_has_size (gpointer data)
{
  return gtk_widget_get_width (data) == WINDOW_WIDTH && gtk_widget_get_height (data) == WINDOW_HEIGHT;
}

/* Shots */

static char *
output_path (const char *view)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.png", view, opt_lang);

  return g_build_filename (opt_output, name, NULL);
}

/* Renders @window with its own renderer into <view>-<lang>.png for each
 * view named (several names: the same picture under each). */
static void
shoot (GtkWidget  *window,
       const char *view,
       ...)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  const char *name;
  va_list args;
  int width, height;

  wait_for_layout (window);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    g_error ("The window drew nothing for %s", view);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  va_start (args, view);
  for (name = view; name != NULL; name = va_arg (args, const char *))
    {
      g_autofree char *path = output_path (name);

      if (!gdk_texture_save_to_png (texture, path))
        g_error ("Could not write %s", path);
      g_print ("screenshot-tour: %s (%dx%d)\n", path, width, height);
      n_saved++;
    }
  va_end (args);
}

/* Renders page @page of @pdf into <view>-<lang>.png with pdftoppm. */
static void
shoot_pdf_page (const char *pdf,
                guint       page,
                const char *view)
{
  g_autofree char *path = output_path (view);
  g_autofree char *root = g_strndup (path, strlen (path) - strlen (".png"));
  g_autofree char *page_text = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-f", page_text, "-l", page_text,
                         "-singlefile", pdf, root, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("pdftoppm could not render page %u of %s: %s", page, pdf, error->message);
  g_print ("screenshot-tour: %s (page %u of the PDF)\n", path, page);
  n_saved++;
}

/* The text of page @page of @pdf, by pdftotext; NULL past the last page. */
static char *
pdf_page_text (const char *pdf,
               guint       page)
{
  g_autofree char *page_text = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", page_text, "-l", page_text, pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &text, NULL, &status, &error))
    g_error ("pdftotext could not run: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_steal_pointer (&text);
}

static void
check (gboolean    ok,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

/* A picture that would not show what it should is an error: the tour goes
 * on (to show everything else) but exits with a failure. */
static void
check (gboolean    ok,
       const char *format,
       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (ok)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("screenshot-tour: %s\n", message);
  exit_status = 1;
}

/* Widgets */

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

/* The first widget under @root, breadth first, that @match accepts. */
static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  g_ptr_array_add (queue, root);
  for (guint i = 0; i < queue->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (queue, i);

      if (match (widget, data))
        return widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (queue, child);
    }
  return NULL;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* Scrolls the scrolled window around @widget so that @widget is at its top. */
static void
scroll_to_top_of (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert (scrolled != NULL);
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (!gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    g_error ("Could not place a %s in its scrolled window", G_OBJECT_TYPE_NAME (widget));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* @point is in the visible area's coordinates: add what is scrolled. */
  gtk_adjustment_set_value (adjustment, MAX (gtk_adjustment_get_value (adjustment) + point.y - 12, 0));
}

/* The store */

static char *
demo_copy (void)
{
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seeded = NULL;
  char *path = g_build_filename (tmp_dir, "pamong.db", NULL);

  seeded = opt_demo_store != NULL ? g_strdup (opt_demo_store)
                                  : g_build_filename (tmp_dir, "demo.db", NULL);
  if (!g_file_test (seeded, G_FILE_TEST_EXISTS))
    {
      g_autofree char *partial = g_strconcat (seeded, ".part", NULL);
      g_autoptr(PamongStore) store = NULL;
      PamongDemoOptions options;

      g_print ("screenshot-tour: seeding the Blora demo store %s\n", seeded);
      g_unlink (partial);
      store = pamong_store_open (partial, &error);
      if (store == NULL)
        g_error ("Could not create the demo store %s: %s", partial, error->message);
      pamong_demo_options_init (&options);
      if (!pamong_demo_generate (store, &options, &error))
        g_error ("Could not seed the demo store: %s", error->message);
      g_clear_object (&store);
      if (g_rename (partial, seeded) != 0)
        g_error ("Could not rename %s to %s: %s", partial, seeded, g_strerror (errno));
    }

  from = g_file_new_for_path (seeded);
  to = g_file_new_for_path (path);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("Could not copy the demo store: %s", error->message);
  return path;
}

/* Aplikasi: the list, the form, the overlap groups, the summary's charts */

static gboolean
finder_done (gpointer page)
{
  return !pamong_applications_page_is_finding_overlaps (page);
}

static void
tour_aplikasi (PamongWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  PamongApplicationsPage *page;
  GtkSingleSelection *selection;
  guint chosen = 0;
  guint n_groups = 0;

  if (!gtk_widget_activate_action (widget, "win.workspace-1", NULL))
    g_error ("No action win.workspace-1");
  page = PAMONG_APPLICATIONS_PAGE (pamong_window_get_page (window, "aplikasi"));
  pamong_applications_page_set_view (page, "inventory");
  selection = GTK_SINGLE_SELECTION (pamong_applications_page_get_model (page));
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  settle (200);
  check (g_str_equal (pamong_applications_page_get_visible_state (page), "list")
         && g_list_model_get_n_items (G_LIST_MODEL (selection)) > 100,
         "Aplikasi: the inventory does not show the demo's applications");
  shoot (widget, "aplikasi-list", "aplikasi", NULL);

  pamong_applications_page_set_view (page, "overlaps");
  wait_until (finder_done, page, "the overlap finder");
  settle (200);
  for (GtkWidget *child = gtk_widget_get_first_child (pamong_applications_page_get_view_box (page, "overlaps"));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_PREFERENCES_GROUP (child))
      n_groups++;
  check (n_groups >= 3, "Aplikasi: only %u overlap groups", n_groups);
  shoot (widget, "aplikasi-overlaps", NULL);

  pamong_applications_page_set_view (page, "summary");
  settle (200);
  for (guint i = 0; i < 4; i++)
    check (pamong_bar_chart_get_n_bars (pamong_applications_page_get_chart (page, i)) > 0,
           "Aplikasi: summary chart %u is empty", i);
  shoot (widget, "aplikasi-summary", NULL);

  /* The form beside the list: an application on screen that is planned
   * for integration or retirement. */
  pamong_applications_page_set_view (page, "inventory");
  for (guint i = 0; i < 12 && i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(PamongApplication) app = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (pamong_application_get_plan (app) != PAMONG_APP_PLAN_UNDECIDED
          && pamong_application_get_plan (app) != PAMONG_APP_PLAN_KEEP)
        {
          chosen = i;
          break;
        }
    }
  gtk_single_selection_set_selected (selection, chosen);
  settle (200);
  check (pamong_applications_page_get_shown (page) != NULL, "Aplikasi: no application in the form");
  shoot (widget, "aplikasi-form", NULL);
}

/* Indikator: the charts (the default view), the list, the scoring pane, the
 * report */

static void
tour_indikator (PamongWindow *window)
{
  g_autoptr(PamongFramework) framework = pamong_framework_load_default (NULL);
  g_autoptr(PamongSpbeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_index = pamong_format_decimal (ASSESSMENT_INDEX, 2);
  g_autofree char *pdf = g_build_filename (tmp_dir, "report.pdf", NULL);
  GtkWidget *widget = GTK_WIDGET (window);
  PamongIndicatorsPage *page;
  const PamongFwIndicator *first;
  GtkWidget *row, *group, *heading;
  g_autofree char *title = NULL;
  guint details_page = 0;

  if (!gtk_widget_activate_action (widget, "win.workspace-2", NULL))
    g_error ("No action win.workspace-2");
  page = PAMONG_INDICATORS_PAGE (pamong_window_get_page (window, "indikator"));
  if (!pamong_indicators_page_select_year (page, ASSESSMENT_YEAR))
    g_error ("The demo has no %d assessment", ASSESSMENT_YEAR);
  settle (200);
  check (g_strcmp0 (pamong_indicators_page_get_index_text (page), expected_index) == 0
         && g_strcmp0 (pamong_indicators_page_get_predikat_text (page), "Baik") == 0,
         "Indikator: %d shows %s %s, not %s Baik", ASSESSMENT_YEAR,
         pamong_indicators_page_get_index_text (page),
         pamong_indicators_page_get_predikat_text (page), expected_index);
  shoot (widget, "indikator-charts", "indikator", NULL);

  /* The list: the first domain's heading at the top. */
  first = pamong_framework_get_indicator (framework, 0);
  row = find_widget (widget, is_row_titled, first->name);
  g_assert (row != NULL);
  group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  heading = gtk_widget_get_prev_sibling (group);
  scroll_to_top_of (heading != NULL ? heading : group);
  check (pamong_indicators_page_get_n_visible_rows (page) == pamong_framework_get_n_indicators (framework),
         "Indikator: %u of %u indicators listed", pamong_indicators_page_get_n_visible_rows (page),
         pamong_framework_get_n_indicators (framework));
  shoot (widget, "indikator-list", NULL);

  /* The scoring pane beside the list, the list scrolled to the indicator's
   * group once the pane has taken its width. */
  check (pamong_indicators_page_show_indicator (page, SCORED_INDICATOR),
         "Indikator: indicator %u does not open", SCORED_INDICATOR);
  check (pamong_indicators_page_get_n_level_choices (page) == 5,
         "Indikator: the scoring pane offers %u levels", pamong_indicators_page_get_n_level_choices (page));
  wait_for_layout (widget);
  row = find_widget (widget, is_row_titled,
                     pamong_framework_lookup_indicator (framework, SCORED_INDICATOR)->name);
  g_assert (row != NULL);
  scroll_to_top_of (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP));
  shoot (widget, "indikator-scoring", NULL);

  /* The report, as "Export PDF…" writes it: the cover and a page of
   * indicators with their levels and justifications. */
  report = pamong_indicators_page_build_report (page);
  g_assert (report != NULL);
  if (!pamong_spbe_report_write_pdf (report, pdf, &error))
    g_error ("Could not write the report: %s", error->message);
  shoot_pdf_page (pdf, 1, "indikator-report");
  title = g_strdup_printf ("%u. %s", first->number, first->name);
  for (guint p = 2; p < 40 && details_page == 0; p++)
    {
      g_autofree char *text = pdf_page_text (pdf, p);

      if (text == NULL)
        break;
      /* Lines wrap where they will: compare with single spaces. */
      g_strdelimit (text, "\n", ' ');
      if (strstr (text, title) != NULL)
        details_page = p;
    }
  check (details_page > 0, "Indikator: no page of the report names indicator 1");
  if (details_page > 0)
    shoot_pdf_page (pdf, details_page, "indikator-report-details");
  g_unlink (pdf);
}

/* Layanan: the dashboard (the default view), a request's timeline, the
 * intake form with a NIK error, a receipt */

static guint
count_events (PamongStore          *store,
              PamongServiceRequest *request)
{
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_REQUEST_EVENT);
  g_autoptr(GError) error = NULL;
  guint n;

  pamong_query_add_filter_string (query, "request", pamong_record_get_uuid (PAMONG_RECORD (request)));
  n = pamong_store_count (store, query, &error);
  if (error != NULL)
    g_error ("Could not count a request's events: %s", error->message);
  return n;
}

static void
type_text (GtkWidget  *field,
           const char *text)
{
  GtkEditable *editable = GTK_EDITABLE (field);

  gtk_widget_grab_focus (field);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = gtk_editable_get_position (editable);
      char character[7] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), character);
      gtk_editable_insert_text (editable, character, -1, &position);
      gtk_editable_set_position (editable, position);
    }
  settle (50);
}

static void
tour_layanan (PamongWindow *window,
              PamongStore  *store)
{
  g_autoptr(PamongServiceRequest) request = NULL;
  g_autoptr(PamongReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (tmp_dir, "receipt.pdf", NULL);
  GtkWidget *widget = GTK_WIDGET (window);
  PamongRequestsPage *page;
  PamongRequestsDashboard *dashboard;
  PamongRequestIntake *intake;
  GListModel *model;
  guint chosen = 0, most = 0, n_shown = 0;

  if (!gtk_widget_activate_action (widget, "win.workspace-3", NULL))
    g_error ("No action win.workspace-3");
  page = PAMONG_REQUESTS_PAGE (pamong_window_get_page (window, "layanan"));
  model = pamong_requests_page_get_model (page);
  if (!gtk_widget_activate_action (GTK_WIDGET (page), "requests.dashboard", NULL))
    g_error ("No action requests.dashboard");
  settle (300);
  dashboard = PAMONG_REQUESTS_DASHBOARD (pamong_requests_page_get_part (page, "dashboard"));
  check (gtk_widget_get_mapped (GTK_WIDGET (dashboard))
         && pamong_bar_chart_get_n_bars (pamong_requests_dashboard_get_chart (dashboard, "status")) > 0
         && pamong_bar_chart_get_n_bars (pamong_requests_dashboard_get_chart (dashboard, "kecamatan")) > 0,
         "Layanan: the dashboard is not shown or empty");
  shoot (widget, "layanan-dashboard", "layanan", NULL);

  /* The timeline of the request on screen with the most events. */
  for (guint i = 0; i < 14 && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PamongServiceRequest) candidate = g_list_model_get_item (model, i);
      guint n = count_events (store, candidate);

      if (n > most)
        {
          most = n;
          chosen = i;
        }
    }
  check (most >= 3, "Layanan: no request on screen has several events (at most %u)", most);
  pamong_requests_page_select (page, chosen);
  settle (300);
  for (GtkWidget *child = gtk_widget_get_first_child (pamong_requests_page_get_part (page, "timeline"));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n_shown++;
  check (pamong_requests_page_get_shown (page) != NULL && n_shown == most,
         "Layanan: the timeline shows %u of the request's %u events", n_shown, most);
  shoot (widget, "layanan-timeline", NULL);

  /* The intake form, a NIK whose region does not exist typed in. */
  intake = PAMONG_REQUEST_INTAKE (pamong_requests_page_new_request (page));
  wait_until (window_is_drawn, intake, "the intake form");
  settle (200);
  type_text (pamong_request_intake_get_field (intake, "name"), "Siti Aminah");
  type_text (pamong_request_intake_get_field (intake, "nik"), UNKNOWN_REGION_NIK);
  check (pamong_request_intake_get_nik_is_error (intake),
         "Layanan: NIK %s is not shown as an error", UNKNOWN_REGION_NIK);
  shoot (GTK_WIDGET (intake), "layanan-intake-nik", NULL);
  gtk_window_destroy (GTK_WINDOW (intake));
  settle (100);

  /* The receipt of the newest request, as printed when it was taken. */
  request = g_list_model_get_item (model, 0);
  receipt = pamong_request_receipt_build (store, request);
  if (!pamong_receipt_write_pdf (receipt, pdf, &error))
    g_error ("Could not write the receipt: %s", error->message);
  shoot_pdf_page (pdf, 1, "layanan-receipt");
  g_unlink (pdf);
}

/* The run */

static void
tour (PamongApp *app)
{
  g_autofree char *path = demo_copy ();
  g_autoptr(GError) error = NULL;
  PamongWindow *window;
  GtkWidget *weak;

  if (!pamong_app_open_store (app, path, &error))
    g_error ("Could not open the store: %s", error->message);

  window = pamong_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (window_is_drawn, window, "the window");
  settle (300);
  /* The default size counts the client-side decorations' margins where
   * there is no compositor: grow it by what they take. */
  if (gtk_widget_get_width (GTK_WIDGET (window)) != WINDOW_WIDTH
      || gtk_widget_get_height (GTK_WIDGET (window)) != WINDOW_HEIGHT)
    {
      gtk_window_set_default_size (GTK_WINDOW (window),
                                   2 * WINDOW_WIDTH - gtk_widget_get_width (GTK_WIDGET (window)),
                                   2 * WINDOW_HEIGHT - gtk_widget_get_height (GTK_WIDGET (window)));
      wait_until (window_has_size, window, "the window's size");
    }
  settle (300);
  if (g_strcmp0 (pamong_window_get_visible_view (window), "workspaces") != 0)
    g_error ("The window shows “%s”, not the workspaces", pamong_window_get_visible_view (window));

  tour_aplikasi (window);
  tour_indikator (window);
  tour_layanan (window, pamong_app_get_store (app));

  weak = GTK_WIDGET (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  settle (100);
  if (weak != NULL)
    g_object_remove_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
}

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  /* Animations would be caught half-way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  tour (PAMONG_APP (app));
  /* The tour made its own window; skip the app's default activation. */
  g_signal_stop_emission_by_name (app, "activate");
}

/* The language as a user would choose it: Preferences' "language" key,
 * applied the way main() applies it. */
static void
apply_language (void)
{
  g_autoptr(GSettings) settings = pamong_app_new_settings ();
  const char *locale = setlocale (LC_ALL, "");
  const char *localedir = g_getenv ("PAMONG_LOCALEDIR");

  if (settings == NULL)
    g_error ("The io.github.pamong.Pamong schema is not found: set GSETTINGS_SCHEMA_DIR to <build>/data");
  g_settings_set_string (settings, "language", opt_lang);
  g_settings_set_int (settings, "window-width", WINDOW_WIDTH);
  g_settings_set_int (settings, "window-height", WINDOW_HEIGHT);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_settings_set_string (settings, "last-workspace", "aplikasi");
  g_settings_set_int (settings, "assessment-year", ASSESSMENT_YEAR);

  if (!pamong_app_apply_language_setting ())
    g_error ("The language “%s” was not applied", opt_lang);
  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &opt_lang, "The UI language: en, id or jv", "LANG" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, "Where the PNGs go (default: docs/screenshots)", "DIR" },
    { "demo-store", 0, 0, G_OPTION_ARG_FILENAME, &opt_demo_store,
      "A seeded Blora demo store to copy (seeded there first if missing)", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— take Pamong's screenshots in one language");
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongApp) app = NULL;
  char *app_argv[] = { argv[0], NULL };
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("screenshot-tour: %s\n", error->message);
      return 2;
    }
  if (opt_lang == NULL || !g_strv_contains ((const char *[]) { "en", "id", "jv", NULL }, opt_lang))
    {
      g_printerr ("screenshot-tour: --lang must be en, id or jv\n");
      return 2;
    }
  if (opt_output == NULL)
    opt_output = g_strdup ("docs/screenshots");
  if (g_mkdir_with_parents (opt_output, 0755) != 0)
    {
      g_printerr ("screenshot-tour: cannot create %s: %s\n", opt_output, g_strerror (errno));
      return 1;
    }

  tmp_dir = g_dir_make_tmp ("pamong-shots-XXXXXX", &error);
  if (tmp_dir == NULL)
    g_error ("%s", error->message);
  /* Nothing of a user's own: settings in memory, data and cache here. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Times as a clerk in Blora sees them (the receipt says WIB anyway). */
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);
    g_autofree char *cache = g_build_filename (tmp_dir, "cache", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  }
  apply_language ();

  app = pamong_app_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 1, app_argv);

  if (status == 0 && exit_status == 0)
    g_print ("screenshot-tour: %u pictures in %s\n", n_saved, opt_output);

  gui_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (opt_lang);
  g_free (opt_output);
  g_free (opt_demo_store);

  return status != 0 ? status : exit_status;
}
