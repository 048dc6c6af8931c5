/* test-requests.c — the Layanan workspace: intake, workflow, filters, dashboard
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. With PAMONG_SCREENSHOT_DIR set, the tests also save
 * PNGs of what they look at (the intake form with a NIK error, a timeline,
 * the dashboard) into that folder.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <locale.h>

#include "pamong-core.h"
#include "pamong-labels.h"
#include "pamong-calendar.h"
#include "pamong-open311-view.h"
#include "pamong-request-intake.h"
#include "pamong-request-receipt.h"
#include "pamong-request-workflow.h"
#include "pamong-requests-dashboard.h"
#include "pamong-requests-page.h"
#include "pamong-service-catalog.h"
#include "pamong-tracking.h"
#include "gui-test-util.h"

static char *tmp_dir;
static char *demo_path;
static guint store_serial;

/* Helpers */

/* A copy of the demo store for each test, so the tests do not see each
 * other's changes. */
static PamongStore *
open_demo_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/store-%u.db", tmp_dir, ++store_serial);
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  PamongStore *store;

  if (demo_path == NULL)
    {
      g_autoptr(PamongStore) demo = NULL;
      PamongDemoOptions options;

      demo_path = g_build_filename (tmp_dir, "demo.db", NULL);
      demo = pamong_store_open (demo_path, &error);
      g_assert_no_error (error);
      pamong_demo_options_init (&options);
      g_assert_true (pamong_demo_generate (demo, &options, &error));
      g_assert_no_error (error);
    }

  from = g_file_new_for_path (demo_path);
  to = g_file_new_for_path (path);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  store = pamong_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static guint
count_requests (PamongStore *store,
                const char  *field,
                const char  *value)
{
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(GError) error = NULL;
  guint n;

  if (field != NULL)
    pamong_query_add_filter_string (query, field, value);
  n = pamong_store_count (store, query, &error);
  g_assert_no_error (error);
  return n;
}

/* Saves what @widget shows as a PNG when PAMONG_SCREENSHOT_DIR is set. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("PAMONG_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  const char *language = g_getenv ("LANGUAGE");
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;

  gui_test_settle ();
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s-%s.png", dir, name,
                          language != NULL && *language != '\0' && !g_str_equal (language, "C") ?
                          language : "en");
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

typedef struct
{
  GtkWindow          *window;
  PamongRequestsPage *page;
  PamongStore        *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = open_demo_copy ();
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->page = g_object_new (PAMONG_TYPE_REQUESTS_PAGE, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_set_default_size (fixture->window, 1280, 800);
  pamong_workspace_page_set_store (PAMONG_WORKSPACE_PAGE (fixture->page), fixture->store);
  gtk_window_present (fixture->window);
  gui_test_wait_until (gui_test_window_is_drawn, fixture->window);
  gui_test_settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *weak = GTK_WIDGET (fixture->page);

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_destroy (fixture->window);
  gui_test_settle ();
  g_assert_null (weak);
  g_assert_finalize_object (fixture->store);
}

static void
assert_focus_in (GtkWindow *window,
                 GtkWidget *row)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  g_assert_nonnull (focus);
  if (focus != row && !gtk_widget_is_ancestor (focus, row))
    g_error ("The focus is on a %s in “%s”, not in the %s “%s”", G_OBJECT_TYPE_NAME (focus),
             gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW) != NULL ?
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW))) : "",
             G_OBJECT_TYPE_NAME (row),
             ADW_IS_PREFERENCES_ROW (row) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : "");
}

static char *
expected_nik_error (const char *nik)
{
  g_autoptr(PamongRegion) region = pamong_region_load_default (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (pamong_nik_parse (nik, region, NULL, &error));
  return g_strdup (error->message);
}

static PamongServiceType *
first_service_with_standard (PamongStore *store)
{
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_TYPE);
  g_autoptr(GListModel) model = pamong_store_query (store, query, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PamongServiceType) type = g_list_model_get_item (model, i);

      if (pamong_service_type_get_standard_days (type) > 0)
        return g_steal_pointer (&type);
    }
  g_assert_not_reached ();
}

/* The tests */

/* A clerk takes a request with the keyboard only: Enter moves from field to
 * field, a wrong NIK says exactly what is wrong and keeps the focus, and
 * saving gives a tracking number and a due date and offers the receipt. */
static void
test_keyboard_only_intake (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PamongServiceType) service = first_service_with_standard (fixture->store);
  g_autoptr(PamongRegion) region = pamong_region_load_default (NULL);
  g_autoptr(PamongRecord) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wrong_region = NULL;
  g_autofree char *nik = NULL;
  g_autofree char *expected_due = NULL;
  g_autofree char *tracking = NULL;
  PamongRequestIntake *intake;
  PamongServiceRequest *saved;
  GtkWindow *window;
  GDate birth;
  guint before = count_requests (fixture->store, NULL, NULL);

  /* Ctrl+N's action opens the form; a second call shows the same one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "requests.new", NULL));
  window = pamong_requests_page_new_request (fixture->page);
  intake = PAMONG_REQUEST_INTAKE (window);
  gui_test_wait_until (gui_test_window_is_drawn, window);
  gui_test_settle ();

  assert_focus_in (window, pamong_request_intake_get_field (intake, "name"));
  gui_test_type (pamong_request_intake_get_field (intake, "name"), "Siti Aminah");
  gui_test_press_enter (pamong_request_intake_get_field (intake, "name"));
  assert_focus_in (window, pamong_request_intake_get_field (intake, "nik"));

  /* While typing, the length is a hint, not an error. */
  gui_test_type (pamong_request_intake_get_field (intake, "nik"), "33990");
  g_assert_false (pamong_request_intake_get_nik_is_error (intake));
  {
    g_autofree char *hint = expected_nik_error ("33990");

    g_assert_cmpstr (pamong_request_intake_get_nik_message (intake), ==, hint);
  }

  /* A complete NIK from a regency that is not Blora: the exact message,
   * shown as an error, and Enter stays on the field. */
  gui_test_type (pamong_request_intake_get_field (intake, "nik"), "12345678901");
  wrong_region = expected_nik_error ("3399012345678901");
  g_assert_true (pamong_request_intake_get_nik_is_error (intake));
  g_assert_cmpstr (pamong_request_intake_get_nik_message (intake), ==, wrong_region);
  g_assert_true (gtk_widget_has_css_class (pamong_request_intake_get_field (intake, "nik"), "error"));
  gui_test_press_enter (pamong_request_intake_get_field (intake, "nik"));
  assert_focus_in (window, pamong_request_intake_get_field (intake, "nik"));
  screenshot (GTK_WIDGET (window), "intake-nik-error");

  /* Corrected: a woman born on 12 March 1990 in Kec. Blora (day + 40). */
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 12, G_DATE_MARCH, 1990);
  nik = pamong_nik_make ("33.16.09", &birth, PAMONG_SEX_FEMALE, 17);
  g_assert_cmpstr (nik + 6, ==, "520390" "0017");
  gtk_editable_set_text (GTK_EDITABLE (pamong_request_intake_get_field (intake, "nik")), "");
  gui_test_type (pamong_request_intake_get_field (intake, "nik"), nik);
  g_assert_false (pamong_request_intake_get_nik_is_error (intake));
  g_assert_false (gtk_widget_has_css_class (pamong_request_intake_get_field (intake, "nik"), "error"));
  g_assert_true (g_str_has_prefix (pamong_request_intake_get_nik_message (intake), "Valid NIK: female, born "));
  {
    g_autoptr(GDateTime) day = g_date_time_new_utc (1990, 3, 12, 0, 0, 0);
    g_autofree char *date = pamong_format_date (day, FALSE);

    g_assert_nonnull (strstr (pamong_request_intake_get_nik_message (intake), date));
  }
  g_assert_nonnull (strstr (pamong_request_intake_get_nik_message (intake), "Kec. Blora"));
  /* Where the NIK was issued is the kecamatan's default. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (pamong_request_intake_get_field (intake, "kecamatan"))),
                    ==, 9);
  gui_test_press_enter (pamong_request_intake_get_field (intake, "nik"));
  assert_focus_in (window, pamong_request_intake_get_field (intake, "phone"));

  gui_test_type (pamong_request_intake_get_field (intake, "phone"), "0812-3456-7890");
  gui_test_press_enter (pamong_request_intake_get_field (intake, "phone"));
  assert_focus_in (window, pamong_request_intake_get_field (intake, "address"));
  gui_test_type (pamong_request_intake_get_field (intake, "address"), "Jl. Pemuda 12, RT 02/RW 03");
  gui_test_press_enter (pamong_request_intake_get_field (intake, "address"));
  assert_focus_in (window, pamong_request_intake_get_field (intake, "kecamatan"));

  /* She lives in Cepu now: choosing moves on, as the popover's Enter does. */
  g_assert_true (pamong_request_intake_select_by_name (intake, "kecamatan", "Cepu"));
  gui_test_settle ();
  assert_focus_in (window, pamong_request_intake_get_field (intake, "desa"));
  g_assert_true (pamong_request_intake_select_by_name (intake, "desa", "Balun (kelurahan)"));
  gui_test_settle ();
  assert_focus_in (window, pamong_request_intake_get_field (intake, "service"));
  g_assert_true (pamong_request_intake_select_by_name (intake, "service",
                                                       pamong_service_type_get_name (service)));
  gui_test_settle ();
  assert_focus_in (window, pamong_request_intake_get_field (intake, "description"));
  gui_test_type (pamong_request_intake_get_field (intake, "description"), "Akta kelahiran anak kedua");

  /* Enter in the description saves. */
  gui_test_press_enter (pamong_request_intake_get_field (intake, "description"));
  g_assert_null (pamong_request_intake_get_problem (intake));
  saved = pamong_request_intake_get_saved (intake);
  g_assert_nonnull (saved);
  tracking = g_strdup (pamong_service_request_get_tracking_number (saved));
  g_assert_true (pamong_tracking_is_valid (tracking));
  expected_due = pamong_calendar_compute_due_date (pamong_calendar_get_default (),
                                                   pamong_service_request_get_submitted_at (saved), service);
  g_assert_nonnull (expected_due);
  assert_focus_in (window, pamong_request_intake_get_field (intake, "print"));

  /* What the store holds. */
  g_assert_cmpuint (count_requests (fixture->store, NULL, NULL), ==, before + 1);
  stored = pamong_store_lookup (fixture->store, PAMONG_TYPE_SERVICE_REQUEST,
                                pamong_record_get_uuid (PAMONG_RECORD (saved)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pamong_service_request_get_tracking_number (PAMONG_SERVICE_REQUEST (stored)), ==, tracking);
  g_assert_cmpstr (pamong_service_request_get_due_date (PAMONG_SERVICE_REQUEST (stored)), ==, expected_due);
  g_assert_cmpstr (pamong_service_request_get_applicant_name (PAMONG_SERVICE_REQUEST (stored)), ==, "Siti Aminah");
  g_assert_cmpstr (pamong_service_request_get_applicant_nik (PAMONG_SERVICE_REQUEST (stored)), ==, nik);
  g_assert_cmpstr (pamong_service_request_get_applicant_phone (PAMONG_SERVICE_REQUEST (stored)), ==, "0812-3456-7890");
  g_assert_cmpstr (pamong_service_request_get_kecamatan_code (PAMONG_SERVICE_REQUEST (stored)), ==, "33.16.05");
  g_assert_cmpstr (pamong_region_lookup_name (region,
                                              pamong_service_request_get_desa_code (PAMONG_SERVICE_REQUEST (stored))),
                   ==, "Balun");
  g_assert_cmpstr (pamong_service_request_get_service_type (PAMONG_SERVICE_REQUEST (stored)), ==,
                   pamong_record_get_uuid (PAMONG_RECORD (service)));
  g_assert_cmpint (pamong_service_request_get_status (PAMONG_SERVICE_REQUEST (stored)), ==,
                   PAMONG_REQUEST_STATUS_SUBMITTED);
  g_assert_cmpstr (pamong_service_request_get_unit (PAMONG_SERVICE_REQUEST (stored)), ==,
                   pamong_service_type_get_unit (service));
  events = pamong_request_workflow_list_events (fixture->store, pamong_record_get_uuid (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (pamong_request_event_get_kind (g_ptr_array_index (events, 0)), ==, PAMONG_EVENT_KIND_CREATED);

  /* The list shows it first (newest first). */
  {
    g_autofree char *first = pamong_requests_page_get_cell_text (fixture->page, 0, 0);

    g_assert_cmpstr (first, ==, tracking);
  }

  /* The next applicant: the form is empty again, the service stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (intake), "intake.another", NULL));
  gui_test_settle ();
  assert_focus_in (window, pamong_request_intake_get_field (intake, "name"));
  g_assert_null (pamong_request_intake_get_saved (intake));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pamong_request_intake_get_field (intake, "nik"))), ==, "");
  g_assert_cmpstr (pamong_request_intake_get_service (intake), ==, pamong_record_get_uuid (PAMONG_RECORD (service)));

  /* Saving without a name says so and goes there; nothing is stored. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (intake), "intake.save", NULL));
  gui_test_settle ();
  g_assert_cmpstr (pamong_request_intake_get_problem (intake), ==, "Type the applicant’s name.");
  assert_focus_in (window, pamong_request_intake_get_field (intake, "name"));
  g_assert_cmpuint (count_requests (fixture->store, NULL, NULL), ==, before + 1);

  /* A location outside the globe is refused. */
  gui_test_type (pamong_request_intake_get_field (intake, "name"), "Bambang");
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (pamong_request_intake_get_field (intake, "location")), TRUE);
  gui_test_settle ();
  assert_focus_in (window, pamong_request_intake_get_field (intake, "latitude"));
  gui_test_type (pamong_request_intake_get_field (intake, "latitude"), "-96,97");
  gui_test_type (pamong_request_intake_get_field (intake, "longitude"), "111,42");
  g_assert_false (pamong_request_intake_save (intake));
  g_assert_nonnull (strstr (pamong_request_intake_get_problem (intake), "latitude"));
  gtk_editable_set_text (GTK_EDITABLE (pamong_request_intake_get_field (intake, "latitude")), "-6,97");
  g_assert_true (pamong_request_intake_save (intake));
  g_assert_true (pamong_service_request_get_has_location (pamong_request_intake_get_saved (intake)));
  g_assert_cmpfloat_with_epsilon (pamong_service_request_get_latitude (pamong_request_intake_get_saved (intake)),
                                  -6.97, 1e-9);
  g_assert_cmpuint (count_requests (fixture->store, NULL, NULL), ==, before + 2);

  gtk_window_destroy (window);
  gui_test_settle ();
}

static guint
find_request_with_status (PamongRequestsPage  *page,
                          PamongRequestStatus  status)
{
  GListModel *model = pamong_requests_page_get_model (page);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PamongServiceRequest) request = g_list_model_get_item (model, i);

      if (pamong_service_request_get_status (request) == status)
        return i;
    }
  g_assert_not_reached ();
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static const char *
last_timeline_title (PamongRequestsPage *page)
{
  GtkWidget *list = pamong_requests_page_get_part (page, "timeline");
  GtkWidget *last = gtk_widget_get_last_child (list);

  g_assert_true (ADW_IS_ACTION_ROW (last));
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (last));
}

static PamongRequestStatus
stored_status (Fixture              *fixture,
               PamongServiceRequest *request)
{
  g_autoptr(PamongRecord) stored = pamong_store_lookup (fixture->store, PAMONG_TYPE_SERVICE_REQUEST,
                                                        pamong_record_get_uuid (PAMONG_RECORD (request)),
                                                        NULL);

  return pamong_service_request_get_status (PAMONG_SERVICE_REQUEST (stored));
}

/* The detail pane offers what the workflow allows; a transition the
 * workflow refuses shows its message and changes nothing. */
static void
test_workflow_transitions (Fixture       *fixture,
                           gconstpointer  data)
{
  PamongRequestsPage *page = fixture->page;
  GtkWidget *actions = pamong_requests_page_get_part (page, "actions");
  GtkWidget *timeline = pamong_requests_page_get_part (page, "timeline");
  g_autoptr(PamongServiceRequest) request = NULL;
  g_autoptr(GPtrArray) events = NULL;
  guint position = find_request_with_status (page, PAMONG_REQUEST_STATUS_SUBMITTED);
  guint n_events;

  pamong_requests_page_select (page, position);
  gui_test_settle ();
  request = g_object_ref (pamong_requests_page_get_shown (page));
  g_assert_cmpint (pamong_service_request_get_status (request), ==, PAMONG_REQUEST_STATUS_SUBMITTED);

  /* Submitted: "Verify" and "Reject…", nothing else. */
  g_assert_cmpuint (count_children (actions), ==, 2);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_widget_get_first_child (actions))), ==,
                   pamong_request_status_get_action_label (PAMONG_REQUEST_STATUS_VERIFIED));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_widget_get_last_child (actions))), ==, "Reject…");
  n_events = count_children (timeline);
  g_assert_cmpuint (n_events, >=, 1);

  /* The button's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.transition", "s", "verified"));
  gui_test_settle ();
  g_assert_cmpint (stored_status (fixture, request), ==, PAMONG_REQUEST_STATUS_VERIFIED);
  g_assert_cmpstr (pamong_record_get_uuid (PAMONG_RECORD (pamong_requests_page_get_shown (page))), ==,
                   pamong_record_get_uuid (PAMONG_RECORD (request)));
  g_assert_cmpint (pamong_service_request_get_status (pamong_requests_page_get_shown (page)), ==,
                   PAMONG_REQUEST_STATUS_VERIFIED);
  g_assert_cmpuint (count_children (timeline), ==, n_events + 1);
  {
    g_autofree char *expected = g_strdup_printf ("%s → %s",
                                                 pamong_label_request_status (PAMONG_REQUEST_STATUS_SUBMITTED),
                                                 pamong_label_request_status (PAMONG_REQUEST_STATUS_VERIFIED));

    g_assert_cmpstr (last_timeline_title (page), ==, expected);
  }
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_widget_get_first_child (actions))), ==,
                   pamong_request_status_get_action_label (PAMONG_REQUEST_STATUS_IN_PROGRESS));
  screenshot (GTK_WIDGET (fixture->window), "timeline");

  /* Refused: verified cannot jump to completed. The message is the
   * workflow's, and the request stays verified. */
  g_assert_false (pamong_requests_page_transition (page, PAMONG_REQUEST_STATUS_COMPLETED, NULL));
  gui_test_settle ();
  g_assert_nonnull (pamong_requests_page_get_last_error (page));
  {
    g_autofree char *from = g_strdup_printf ("“%s”", pamong_request_status_get_label (PAMONG_REQUEST_STATUS_VERIFIED));
    g_autofree char *to = g_strdup_printf ("“%s”", pamong_request_status_get_label (PAMONG_REQUEST_STATUS_COMPLETED));

    /* The workflow's message, e.g. "A request that is “Verified” cannot
     * become “Completed” directly; …" */
    g_assert_nonnull (strstr (pamong_requests_page_get_last_error (page), from));
    g_assert_nonnull (strstr (pamong_requests_page_get_last_error (page), to));
  }
  g_assert_cmpint (stored_status (fixture, request), ==, PAMONG_REQUEST_STATUS_VERIFIED);
  g_assert_cmpuint (count_children (timeline), ==, n_events + 1);

  /* Rejecting needs a reason. */
  g_clear_pointer (&events, g_ptr_array_unref);
  g_assert_false (pamong_requests_page_transition (page, PAMONG_REQUEST_STATUS_REJECTED, ""));
  g_assert_cmpint (stored_status (fixture, request), ==, PAMONG_REQUEST_STATUS_VERIFIED);

  /* A comment, typed and posted with Enter. */
  gui_test_type (pamong_requests_page_get_part (page, "comment"), "Pemohon menelepon menanyakan berkas.");
  gui_test_press_enter (pamong_requests_page_get_part (page, "comment"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pamong_requests_page_get_part (page, "comment"))), ==, "");
  g_assert_cmpuint (count_children (timeline), ==, n_events + 2);
  g_assert_cmpstr (last_timeline_title (page), ==, "Comment");

  /* Rejected with a reason: final, no more actions, the reason shows. */
  g_assert_true (pamong_requests_page_transition (page, PAMONG_REQUEST_STATUS_REJECTED,
                                                  "Berkas tidak lengkap."));
  gui_test_settle ();
  g_assert_cmpint (stored_status (fixture, request), ==, PAMONG_REQUEST_STATUS_REJECTED);
  g_assert_cmpuint (count_children (actions), ==, 1);
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_first_child (actions)));
  g_assert_false (gtk_widget_get_sensitive (pamong_requests_page_get_part (page, "assign")));
  events = pamong_request_workflow_list_events (fixture->store, pamong_record_get_uuid (PAMONG_RECORD (request)),
                                                NULL);
  g_assert_cmpuint (events->len, ==, n_events + 3);
  g_assert_cmpstr (pamong_request_event_get_note (g_ptr_array_index (events, events->len - 1)), ==,
                   "Berkas tidak lengkap.");
  g_assert_cmpstr (pamong_request_event_get_author (g_ptr_array_index (events, events->len - 1)), !=, NULL);

  /* A final request cannot move again. */
  g_assert_false (pamong_requests_page_transition (page, PAMONG_REQUEST_STATUS_VERIFIED, NULL));
  g_assert_cmpint (stored_status (fixture, request), ==, PAMONG_REQUEST_STATUS_REJECTED);
}

/* Assigning to another unit through the combo row records an event. */
static void
test_assign_unit (Fixture       *fixture,
                  gconstpointer  data)
{
  PamongRequestsPage *page = fixture->page;
  AdwComboRow *assign = ADW_COMBO_ROW (pamong_requests_page_get_part (page, "assign"));
  g_autoptr(PamongServiceRequest) request = NULL;
  g_autoptr(PamongRecord) stored = NULL;
  guint position = find_request_with_status (page, PAMONG_REQUEST_STATUS_VERIFIED);
  g_autofree char *old_unit = NULL;
  guint selected;
  guint target;

  pamong_requests_page_select (page, position);
  gui_test_settle ();
  request = g_object_ref (pamong_requests_page_get_shown (page));
  old_unit = g_strdup (pamong_service_request_get_unit (request));
  selected = adw_combo_row_get_selected (assign);
  g_assert_cmpuint (selected, >, 0);
  target = selected == 1 ? 2 : 1;
  adw_combo_row_set_selected (assign, target);
  gui_test_settle ();
  g_assert_cmpstr (pamong_requests_page_get_last_error (page), ==, NULL);

  stored = pamong_store_lookup (fixture->store, PAMONG_TYPE_SERVICE_REQUEST,
                                pamong_record_get_uuid (PAMONG_RECORD (request)), NULL);
  g_assert_cmpstr (pamong_service_request_get_unit (PAMONG_SERVICE_REQUEST (stored)), !=, old_unit);
  g_assert_cmpuint (adw_combo_row_get_selected (assign), ==, target);
  g_assert_cmpstr (last_timeline_title (page), ==, "Assigned to a unit");
}

static void
select_filter (PamongRequestsPage *page,
               const char         *name,
               guint               position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pamong_requests_page_get_filter (page, name)), position);
  gui_test_settle ();
}

static void
select_filter_by_text (PamongRequestsPage *page,
                       const char         *name,
                       const char         *text)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (pamong_requests_page_get_filter (page, name));
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      {
        select_filter (page, name, i);
        return;
      }
  g_error ("No “%s” in the %s filter", text, name);
}

typedef gboolean (*RequestTest) (PamongServiceRequest *request,
                                 gpointer              data);

/* Every row of the list passes @test, and the list has every request of
 * the store that passes it. */
static void
assert_list_is (PamongRequestsPage *page,
                PamongStore        *store,
                RequestTest         test,
                gpointer            data)
{
  GListModel *model = pamong_requests_page_get_model (page);
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(GListModel) all = pamong_store_query (store, query, NULL);
  guint expected = 0;
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PamongServiceRequest) request = g_list_model_get_item (all, i);

      if (test (request, data))
        expected++;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PamongServiceRequest) request = g_list_model_get_item (model, i);

      g_assert_true (test (request, data));
    }
  g_assert_cmpuint (n, ==, expected);
}

static gboolean
is_completed_in_blora (PamongServiceRequest *request,
                       gpointer              data)
{
  return pamong_service_request_get_status (request) == PAMONG_REQUEST_STATUS_COMPLETED &&
         g_strcmp0 (pamong_service_request_get_kecamatan_code (request), "33.16.09") == 0;
}

static gboolean
is_overdue (PamongServiceRequest *request,
            gpointer              data)
{
  return pamong_request_is_overdue (request, NULL);
}

static gboolean
is_overdue_of_service (PamongServiceRequest *request,
                       gpointer              data)
{
  return pamong_request_is_overdue (request, NULL) &&
         g_strcmp0 (pamong_service_request_get_service_type (request), data) == 0;
}

static gboolean
is_this_year (PamongServiceRequest *request,
              gpointer              data)
{
  GDateTime *submitted = pamong_service_request_get_submitted_at (request);
  g_autoptr(GDateTime) local = g_date_time_to_local (submitted);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (local) == g_date_time_get_year (now);
}

static int
local_date (PamongServiceRequest *request)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (pamong_service_request_get_submitted_at (request));

  return g_date_time_get_year (local) * 10000 + g_date_time_get_month (local) * 100 +
         g_date_time_get_day_of_month (local);
}

static gboolean
is_first_half_of_april (PamongServiceRequest *request,
                        gpointer              data)
{
  return local_date (request) >= 20260401 && local_date (request) <= 20260415;
}

static gboolean
is_from_april (PamongServiceRequest *request,
               gpointer              data)
{
  return local_date (request) >= 20260401;
}

static gboolean
is_unit (PamongServiceRequest *request,
         gpointer              data)
{
  return g_strcmp0 (pamong_service_request_get_unit (request), data) == 0;
}

/* Each filter narrows the list to exactly the requests it names, filters
 * combine, and clearing them shows everything again. */
static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  PamongRequestsPage *page = fixture->page;
  g_autoptr(PamongServiceRequest) overdue_one = NULL;
  guint total = count_requests (fixture->store, NULL, NULL);
  GListModel *model = pamong_requests_page_get_model (page);
  g_autofree char *total_text = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.toggle-filters", NULL));
  gui_test_settle ();
  g_assert_true (gtk_widget_get_mapped (pamong_requests_page_get_filter (page, "status")));
  g_assert_false (gtk_widget_get_mapped (pamong_requests_page_get_filter (page, "from")));
  screenshot (GTK_WIDGET (fixture->window), "filters-shown");

  /* Status and kecamatan: store filters. */
  select_filter_by_text (page, "status", pamong_label_request_status (PAMONG_REQUEST_STATUS_COMPLETED));
  select_filter_by_text (page, "kecamatan", "Blora");
  assert_list_is (page, fixture->store, is_completed_in_blora, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  {
    g_autofree char *number = pamong_format_integer (g_list_model_get_n_items (model));
    g_autofree char *found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s request found", "%s requests found",
                                                           g_list_model_get_n_items (model)), number);

    g_assert_cmpstr (pamong_requests_page_get_count_text (page), ==, found);
  }

  /* Overdue: stands out and filters. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.clear-filters", NULL));
  gui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (pamong_requests_page_get_filter (page, "overdue")), TRUE);
  gui_test_settle ();
  assert_list_is (page, fixture->store, is_overdue, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);

  /* The detail of an overdue request says so. */
  pamong_requests_page_select (page, 0);
  gui_test_settle ();
  overdue_one = g_object_ref (pamong_requests_page_get_shown (page));
  g_assert_true (gtk_widget_get_visible (pamong_requests_page_get_part (page, "overdue")));

  /* Overdue is a store filter: the list follows the store. A request
   * given a later due date leaves it, and comes back with its old one. */
  {
    g_autoptr(PamongRecord) other = g_list_model_get_item (model, 1);
    g_autofree char *due = g_strdup (pamong_service_request_get_due_date (PAMONG_SERVICE_REQUEST (other)));
    guint n_overdue = g_list_model_get_n_items (model);
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (other);
    pamong_service_request_set_due_date (PAMONG_SERVICE_REQUEST (other), "2999-12-31");
    g_assert_true (pamong_store_save (fixture->store, other, &error));
    g_assert_no_error (error);
    gui_test_settle ();
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_overdue - 1);
    assert_list_is (page, fixture->store, is_overdue, NULL);

    pamong_service_request_set_due_date (PAMONG_SERVICE_REQUEST (other), due);
    g_assert_true (pamong_store_save (fixture->store, other, &error));
    g_assert_no_error (error);
    gui_test_settle ();
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_overdue);
  }

  /* Overdue and a service together. */
  {
    g_autofree char *service = pamong_requests_page_get_cell_text (page, 0, 2);

    select_filter_by_text (page, "service", service);
  }
  assert_list_is (page, fixture->store, is_overdue_of_service,
                  (gpointer) pamong_service_request_get_service_type (overdue_one));

  /* The unit filter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.clear-filters", NULL));
  gui_test_settle ();
  select_filter (page, "unit", 1);
  {
    g_autoptr(PamongServiceRequest) first = g_list_model_get_item (model, 0);

    if (first != NULL)
      assert_list_is (page, fixture->store, is_unit, (gpointer) pamong_service_request_get_unit (first));
  }

  /* The submission period: this year. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.clear-filters", NULL));
  gui_test_settle ();
  select_filter (page, "period", 4);
  assert_list_is (page, fixture->store, is_this_year, NULL);

  /* Between two dates, both days included; a date that cannot be read
   * is marked and ignored. */
  select_filter (page, "period", 5);
  g_assert_true (gtk_widget_get_visible (pamong_requests_page_get_filter (page, "from")));
  gtk_editable_set_text (GTK_EDITABLE (pamong_requests_page_get_filter (page, "from")), "2026-04-01");
  gtk_editable_set_text (GTK_EDITABLE (pamong_requests_page_get_filter (page, "to")), "2026-04-15");
  g_signal_emit_by_name (pamong_requests_page_get_filter (page, "to"), "activate");
  gui_test_settle ();
  assert_list_is (page, fixture->store, is_first_half_of_april, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  screenshot (GTK_WIDGET (fixture->window), "filters");
  gtk_editable_set_text (GTK_EDITABLE (pamong_requests_page_get_filter (page, "to")), "2026-02-30");
  g_signal_emit_by_name (pamong_requests_page_get_filter (page, "to"), "activate");
  gui_test_settle ();
  g_assert_true (gtk_widget_has_css_class (pamong_requests_page_get_filter (page, "to"), "error"));
  assert_list_is (page, fixture->store, is_from_april, NULL);

  /* Search works with the filters: nothing matches a nonsense word. */
  gtk_editable_set_text (pamong_workspace_page_get_search_entry (PAMONG_WORKSPACE_PAGE (page)), "zzqxqzz");
  g_signal_emit_by_name (pamong_workspace_page_get_search_entry (PAMONG_WORKSPACE_PAGE (page)), "search-changed");
  gui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (pamong_requests_page_get_visible_state (page), ==, "no-results");
  gtk_editable_set_text (pamong_workspace_page_get_search_entry (PAMONG_WORKSPACE_PAGE (page)), "");
  g_signal_emit_by_name (pamong_workspace_page_get_search_entry (PAMONG_WORKSPACE_PAGE (page)), "search-changed");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.clear-filters", NULL));
  gui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
  total_text = pamong_format_integer (total);
  g_assert_true (g_str_has_prefix (pamong_requests_page_get_count_text (page), total_text));
  g_assert_cmpstr (pamong_requests_page_get_visible_state (page), ==, "list");
}

static guint
count_overdue (PamongStore *store)
{
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(GListModel) all = pamong_store_query (store, query, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PamongServiceRequest) request = g_list_model_get_item (all, i);

      if (pamong_request_is_overdue (request, NULL))
        n++;
    }
  return n;
}

/* With nothing selected the detail pane is the dashboard: a bar per status
 * and per kecamatan, and the overdue requests per unit. */
static void
test_dashboard (Fixture       *fixture,
                gconstpointer  data)
{
  PamongRequestsDashboard *dashboard = PAMONG_REQUESTS_DASHBOARD (pamong_requests_page_get_part (fixture->page, "dashboard"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "requests.dashboard", NULL));
  gui_test_settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dashboard)));
  g_assert_cmpuint (pamong_bar_chart_get_n_bars (pamong_requests_dashboard_get_chart (dashboard, "status")), ==, 5);
  g_assert_cmpuint (pamong_bar_chart_get_n_bars (pamong_requests_dashboard_get_chart (dashboard, "kecamatan")), ==, 16);
  g_assert_cmpuint (pamong_requests_dashboard_get_n_overdue (dashboard), ==, count_overdue (fixture->store));
  g_assert_cmpuint (pamong_requests_dashboard_get_n_overdue (dashboard), >, 0);
  g_assert_cmpuint (pamong_bar_chart_get_n_bars (pamong_requests_dashboard_get_chart (dashboard, "overdue")), >, 0);
  screenshot (GTK_WIDGET (fixture->window), "dashboard");

  /* Counted in the store: a request completed is no longer overdue, one
   * opened again after its due date is. */
  {
    g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
    g_autoptr(GListModel) all = pamong_store_query (fixture->store, query, NULL);
    guint n_before = pamong_requests_dashboard_get_n_overdue (dashboard);
    g_autoptr(PamongServiceRequest) late = NULL;
    g_autoptr(PamongServiceRequest) closed = NULL;
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (all) && (late == NULL || closed == NULL); i++)
      {
        g_autoptr(PamongServiceRequest) request = g_list_model_get_item (all, i);

        if (late == NULL && pamong_request_is_overdue (request, NULL))
          late = g_object_ref (request);
        else if (closed == NULL && pamong_request_status_is_final (pamong_service_request_get_status (request)))
          closed = g_object_ref (request);
      }
    g_assert_nonnull (late);
    g_assert_nonnull (closed);

    pamong_service_request_set_status (late, PAMONG_REQUEST_STATUS_COMPLETED);
    g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (late), &error));
    g_assert_no_error (error);
    pamong_requests_dashboard_refresh (dashboard);
    g_assert_cmpuint (pamong_requests_dashboard_get_n_overdue (dashboard), ==, n_before - 1);

    pamong_service_request_set_status (closed, PAMONG_REQUEST_STATUS_IN_PROGRESS);
    pamong_service_request_set_due_date (closed, "2020-01-02");
    g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (closed), &error));
    g_assert_no_error (error);
    pamong_requests_dashboard_refresh (dashboard);
    g_assert_cmpuint (pamong_requests_dashboard_get_n_overdue (dashboard), ==, n_before);
    g_assert_cmpuint (pamong_requests_dashboard_get_n_overdue (dashboard), ==, count_overdue (fixture->store));
  }
}

/* A scan attached to a request is listed with it and opens from a private
 * temporary copy with the same bytes. */
static void
test_attachments (Fixture       *fixture,
                  gconstpointer  data)
{
  PamongRequestsPage *page = fixture->page;
  GtkWidget *list = pamong_requests_page_get_part (page, "attachments");
  g_autofree char *path = g_build_filename (tmp_dir, "ktp-scan.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autofree char *contents = NULL;
  static const char bytes[] = "\x89PNG\r\n\x1a\n not really a picture";
  gsize length;

  g_assert_true (g_file_set_contents (path, bytes, sizeof bytes - 1, NULL));
  pamong_requests_page_select (page, 0);
  gui_test_settle ();
  g_assert_true (pamong_requests_page_attach_file (page, file));
  gui_test_settle ();

  attachments = pamong_store_list_attachments (fixture->store,
                                               pamong_record_get_uuid (PAMONG_RECORD (pamong_requests_page_get_shown (page))),
                                               NULL);
  g_assert_cmpuint (attachments->len, ==, 1);
  g_assert_cmpstr (pamong_attachment_get_filename (g_ptr_array_index (attachments, 0)), ==, "ktp-scan.png");
  g_assert_cmpint (pamong_attachment_get_size (g_ptr_array_index (attachments, 0)), ==, sizeof bytes - 1);
  g_assert_cmpuint (count_children (list), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_first_child (list))), ==,
                   "ktp-scan.png");

  copy = pamong_requests_page_open_attachment (page,
                                               pamong_record_get_uuid (g_ptr_array_index (attachments, 0)),
                                               FALSE);
  g_assert_nonnull (copy);
  g_assert_true (g_file_load_contents (copy, NULL, &contents, &length, NULL, NULL));
  g_assert_cmpmem (contents, length, bytes, sizeof bytes - 1);
  g_file_delete (copy, NULL, NULL);
}

/* The receipt of a request, as the "Save as PDF" button writes it. */
static void
test_receipt_pdf (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PamongReceipt) receipt = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "receipt.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  pamong_requests_page_select (fixture->page, 0);
  gui_test_settle ();
  receipt = pamong_request_receipt_build (fixture->store, pamong_requests_page_get_shown (fixture->page));
  g_assert_true (pamong_receipt_write_pdf (receipt, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_unlink (path);
}

/* An administrator adds a service: code, name and unit are required. */
static void
test_catalogue (Fixture       *fixture,
                gconstpointer  data)
{
  PamongServiceCatalog *catalog;
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_TYPE);
  guint before = pamong_store_count (fixture->store, query, NULL);
  GtkTextBuffer *buffer;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "requests.catalogue", NULL));
  gui_test_settle ();
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    catalog = NULL;
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (PAMONG_IS_SERVICE_CATALOG (l->data))
        catalog = l->data;
  }
  g_assert_nonnull (catalog);
  g_assert_cmpuint (pamong_service_catalog_get_n_services (catalog), ==, before);

  pamong_service_catalog_new_service (catalog);
  g_assert_false (pamong_service_catalog_save (catalog));
  g_assert_cmpstr (pamong_service_catalog_get_problem (catalog), ==, "Give the service a code, e.g. DUK-01.");

  gtk_editable_set_text (GTK_EDITABLE (pamong_service_catalog_get_field (catalog, "code")), "UJI-01");
  gtk_editable_set_text (GTK_EDITABLE (pamong_service_catalog_get_field (catalog, "name")), "Surat Keterangan Uji");
  adw_combo_row_set_selected (ADW_COMBO_ROW (pamong_service_catalog_get_field (catalog, "unit")), 0);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (pamong_service_catalog_get_field (catalog, "requirements")));
  gtk_text_buffer_set_text (buffer, "KTP-el\n\nKartu Keluarga\n", -1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (pamong_service_catalog_get_field (catalog, "days")), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (pamong_service_catalog_get_field (catalog, "cost")), 15000);
  g_assert_true (pamong_service_catalog_save (catalog));
  gui_test_settle ();
  g_assert_cmpuint (pamong_store_count (fixture->store, query, NULL), ==, before + 1);
  g_assert_cmpuint (pamong_service_catalog_get_n_services (catalog), ==, before + 1);

  /* The list's service filter offers it now. */
  select_filter_by_text (fixture->page, "service", "Surat Keterangan Uji");
  g_assert_cmpuint (g_list_model_get_n_items (pamong_requests_page_get_model (fixture->page)), ==, 0);

  /* Another service added while a filter is chosen: the filter keeps its
   * service, not its position in the list. */
  pamong_service_catalog_new_service (catalog);
  gtk_editable_set_text (GTK_EDITABLE (pamong_service_catalog_get_field (catalog, "code")), "UJI-00");
  gtk_editable_set_text (GTK_EDITABLE (pamong_service_catalog_get_field (catalog, "name")), "Akta Uji Pertama");
  adw_combo_row_set_selected (ADW_COMBO_ROW (pamong_service_catalog_get_field (catalog, "unit")), 0);
  g_assert_true (pamong_service_catalog_save (catalog));
  gui_test_settle ();
  {
    GtkDropDown *filter = GTK_DROP_DOWN (pamong_requests_page_get_filter (fixture->page, "service"));

    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (filter)),
                                                 gtk_drop_down_get_selected (filter)),
                     ==, "Surat Keterangan Uji");
  }

  gtk_window_destroy (GTK_WINDOW (catalog));
  gui_test_settle ();
}

/* Open311: a local server plays another city's endpoint. */

static const char services_json[] =
  "[{\"service_code\":1,\"service_name\":\"Jalan rusak\",\"description\":\"Lubang di jalan\","
  "\"metadata\":\"false\",\"type\":\"realtime\",\"group\":\"Jalan\"}]";
static const char requests_json[] =
  "{\"service_requests\":[{\"service_request_id\":\"638344\",\"status\":\"Open\","
  "\"service_name\":\"Jalan rusak\",\"service_code\":\"001\",\"description\":\"Lubang besar\","
  "\"requested_datetime\":\"2026-05-01 08:30:00\",\"address\":\"Jl. Sudirman\",\"lat\":0,\"long\":0},"
  "{\"service_request_id\":638345,\"status\":\"closed\",\"service_name\":\"Jalan rusak\","
  "\"lat\":\"-6.9701\",\"long\":\"111.4186\"}]}";

static void
open311_handler (SoupServer        *server,
                 SoupServerMessage *message,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  const char *body = NULL;

  if (g_str_has_suffix (path, "/good/services.json"))
    body = services_json;
  else if (g_str_has_suffix (path, "/good/requests.json"))
    body = requests_json;
  else if (g_str_has_prefix (path, "/bad/"))
    body = "{\"service_requests\": [ this is not JSON";

  if (body == NULL)
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
}

static gboolean
open311_settled (gpointer data)
{
  return !g_str_equal (pamong_open311_view_get_state (data), "loading");
}

static void
test_open311_source (Fixture       *fixture,
                     gconstpointer  data)
{
  PamongOpen311View *view = PAMONG_OPEN311_VIEW (pamong_requests_page_get_part (fixture->page, "open311"));
  GtkDropDown *source = GTK_DROP_DOWN (pamong_requests_page_get_filter (fixture->page, "source"));
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *text = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, open311_handler, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  good = g_strconcat (base, "good", NULL);
  bad = g_strconcat (base, "bad", NULL);

  /* Not an http(s) URL: refused with a message. */
  g_assert_false (pamong_open311_view_add_source (view, "ftp://example.org/open311", &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_true (pamong_open311_view_add_source (view, good, &error));
  g_assert_no_error (error);
  g_assert_true (pamong_open311_view_add_source (view, bad, &error));
  g_assert_no_error (error);
  gui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (source)), ==, 3);

  gtk_drop_down_set_selected (source, 1);
  gui_test_wait_until (open311_settled, view);
  gui_test_settle ();
  g_assert_cmpstr (pamong_open311_view_get_state (view), ==, "list");
  g_assert_cmpuint (pamong_open311_view_get_n_services (view), ==, 1);
  g_assert_cmpuint (pamong_open311_view_get_n_requests (view), ==, 2);
  text = pamong_open311_view_get_request_text (view, 0);
  g_assert_nonnull (strstr (text, "#638344"));
  g_assert_nonnull (strstr (text, "Location unknown"));
  g_clear_pointer (&text, g_free);
  text = pamong_open311_view_get_request_text (view, 1);
  g_assert_null (strstr (text, "Location unknown"));

  /* A broken document: an error page that says what went wrong. */
  gtk_drop_down_set_selected (source, 2);
  gui_test_wait_until (open311_settled, view);
  g_assert_cmpstr (pamong_open311_view_get_state (view), ==, "error");
  g_assert_nonnull (pamong_open311_view_get_error (view));
  g_assert_true (g_str_has_prefix (pamong_open311_view_get_error (view), "Pamong could not read"));

  /* Back to the office's own requests; the sources stay in the store. */
  gtk_drop_down_set_selected (source, 0);
  gui_test_settle ();
  {
    g_autofree char *meta = pamong_store_get_meta (fixture->store, "open311-sources", NULL);

    g_assert_nonnull (strstr (meta, good));
  }
  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PAMONG_LOCALEDIR");
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_dir = NULL;
  int result;

  tmp_dir = g_dir_make_tmp ("pamong-requests-XXXXXX", &error);
  g_assert_no_error (error);
  cache_dir = g_build_filename (tmp_dir, "cache", NULL);
  /* Attachments open from a copy in the cache: a private one, before
   * anything reads it. */
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

#define ADD(path, func) \
  g_test_add ("/pamong/gui/requests/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("keyboard-only-intake-with-a-nik-error-then-corrected", test_keyboard_only_intake);
  ADD ("workflow-transitions-allowed-and-refused", test_workflow_transitions);
  ADD ("assign-to-another-unit", test_assign_unit);
  ADD ("filters-status-kecamatan-overdue-service-unit-period-search", test_filters);
  ADD ("dashboard-counts", test_dashboard);
  ADD ("attachments-kept-and-opened", test_attachments);
  ADD ("receipt-as-pdf", test_receipt_pdf);
  ADD ("catalogue-add-a-service", test_catalogue);
  ADD ("open311-source-read-only-with-errors", test_open311_source);
#undef ADD

  result = g_test_run ();

  gui_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (demo_path);

  return result;
}
