/* test-indicators.c — the Indikator workspace: scoring, the live index, the planner
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "pamong-core.h"
#include "pamong-indicators-page.h"
#include "gui-test-util.h"

static char *tmp_dir;
static char *seed_path;
static guint n_stores;

/* A copy of the Blora demo store, seeded once for the whole run. */
static PamongStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  PamongStore *store;

  if (seed_path == NULL)
    {
      PamongDemoOptions options;
      g_autoptr(PamongStore) seed = NULL;

      seed_path = g_build_filename (tmp_dir, "seed.db", NULL);
      seed = pamong_store_open (seed_path, &error);
      g_assert_no_error (error);
      pamong_demo_options_init (&options);
      g_assert_true (pamong_demo_generate (seed, &options, &error));
      g_assert_no_error (error);
    }

  path = g_strdup_printf ("%s/store-%u.db", tmp_dir, n_stores++);
  from = g_file_new_for_path (seed_path);
  to = g_file_new_for_path (path);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  store = pamong_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

typedef struct
{
  PamongStore          *store;
  GtkWindow            *window;
  PamongIndicatorsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = demo_store ();
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->page = g_object_new (PAMONG_TYPE_INDICATORS_PAGE, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_set_default_size (fixture->window, 1200, 760);
  gtk_window_present (fixture->window);
  pamong_workspace_page_set_store (PAMONG_WORKSPACE_PAGE (fixture->page), fixture->store);
  gui_test_settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  gui_test_settle ();
  g_assert_finalize_object (fixture->store);
}

static PamongIndicatorScore *
stored_score (Fixture *fixture,
              guint    number)
{
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_ASSESSMENT);
  g_autoptr(GListModel) assessments = NULL;
  g_autoptr(GError) error = NULL;
  int year = pamong_indicators_page_get_year (fixture->page);

  assessments = pamong_store_query (fixture->store, query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(PamongAssessment) assessment = g_list_model_get_item (assessments, i);
      g_autoptr(PamongQuery) scores_query = NULL;
      g_autoptr(GListModel) scores = NULL;

      if (pamong_assessment_get_year (assessment) != year)
        continue;
      scores_query = pamong_query_new (PAMONG_TYPE_INDICATOR_SCORE);
      pamong_query_add_filter_string (scores_query, "assessment",
                                      pamong_record_get_uuid (PAMONG_RECORD (assessment)));
      pamong_query_add_filter_int (scores_query, "indicator", number);
      scores = pamong_store_query (fixture->store, scores_query, &error);
      g_assert_no_error (error);
      if (g_list_model_get_n_items (scores) == 1)
        return g_list_model_get_item (scores, 0);
    }
  return NULL;
}

/* The acceptance figures: 2023 is 3,27 Baik with 3,60 / 2,30 / 1,73 /
 * 4,26; 2024 is 3,28. */
static void
test_blora_figures (Fixture       *fixture,
                    gconstpointer  data)
{
  PamongIndicatorsPage *page = fixture->page;

  g_assert_true (pamong_indicators_page_select_year (page, 2023));
  gui_test_settle ();
  g_assert_cmpstr (pamong_indicators_page_get_visible_state (page), ==, "assessment");
  g_assert_cmpstr (pamong_indicators_page_get_index_text (page), ==, "3.27");
  g_assert_cmpstr (pamong_indicators_page_get_predikat_text (page), ==, "Baik");
  g_assert_cmpstr (pamong_indicators_page_get_domain_index_text (page, 0), ==, "3.60");
  g_assert_cmpstr (pamong_indicators_page_get_domain_index_text (page, 1), ==, "2.30");
  g_assert_cmpstr (pamong_indicators_page_get_domain_index_text (page, 2), ==, "1.73");
  g_assert_cmpstr (pamong_indicators_page_get_domain_index_text (page, 3), ==, "4.26");
  g_assert_true (g_str_has_prefix (pamong_indicators_page_get_progress_text (page), "Scored 47 of 47"));

  g_assert_true (pamong_indicators_page_select_year (page, 2024));
  gui_test_settle ();
  g_assert_cmpstr (pamong_indicators_page_get_index_text (page), ==, "3.28");
  g_assert_cmpstr (pamong_indicators_page_get_predikat_text (page), ==, "Baik");
}

/* Picking a level in the scoring pane saves it and the index follows:
 * 2024's indicator 24 (1,50 %) from tingkat 1 to 5 adds 4 × 1,50 / 100. */
static void
test_scoring_changes_the_index (Fixture       *fixture,
                                gconstpointer  data)
{
  PamongIndicatorsPage *page = fixture->page;
  g_autoptr(PamongIndicatorScore) score = NULL;

  g_assert_true (pamong_indicators_page_select_year (page, 2024));
  gui_test_settle ();
  g_assert_cmpstr (pamong_indicators_page_get_index_text (page), ==, "3.28");

  /* A process indicator: the process scale's names and criteria. */
  g_assert_true (pamong_indicators_page_show_indicator (page, 24));
  gui_test_settle ();
  g_assert_cmpuint (pamong_indicators_page_get_n_level_choices (page), ==, 5);
  g_assert_cmpstr (pamong_indicators_page_get_level_choice (page, 0), ==, "1 · Rintisan");
  g_assert_cmpstr (pamong_indicators_page_get_level_choice (page, 3), ==, "4 · Terpadu dan Terukur");

  pamong_indicators_page_pick_level (page, 4);
  gui_test_settle ();
  g_assert_cmpstr (pamong_indicators_page_get_index_text (page), ==, "3.34");
  score = stored_score (fixture, 24);
  g_assert_nonnull (score);
  g_assert_cmpint (pamong_indicator_score_get_level (score), ==, 5);

  /* A service indicator: the service scale. */
  g_assert_true (pamong_indicators_page_show_indicator (page, 42));
  gui_test_settle ();
  g_assert_cmpstr (pamong_indicators_page_get_level_choice (page, 0), ==, "1 · Informasi");
  g_assert_cmpstr (pamong_indicators_page_get_level_choice (page, 3), ==, "4 · Kolaborasi");
  /* 42 is at 5 in 2024; down to 1 takes 4 × 3,00 / 100 off. */
  pamong_indicators_page_pick_level (page, 0);
  gui_test_settle ();
  g_assert_cmpstr (pamong_indicators_page_get_index_text (page), ==, "3.22");

  /* Cleared, 42 leaves the (now provisional) index: 31900 / 9700 = 3,29. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.clear-level", NULL));
  gui_test_settle ();
  g_assert_cmpstr (pamong_indicators_page_get_index_text (page), ==, "3.29");
  g_assert_cmpstr (pamong_indicators_page_get_progress_text (page), ==, "Scored 46 of 47 · final 45 of 47");
}

/* The justification saves itself a moment after typing; the switch marks
 * the level final or back to draft. */
static void
test_justification_and_review (Fixture       *fixture,
                               gconstpointer  data)
{
  PamongIndicatorsPage *page = fixture->page;
  g_autoptr(PamongIndicatorScore) score = NULL;
  const char *text = "Perbup Arsitektur SPBE ditetapkan; reviu tahunan terlampir.";
  gint64 until;

  g_assert_true (pamong_indicators_page_select_year (page, 2024));
  gui_test_settle ();
  g_assert_cmpstr (pamong_indicators_page_get_progress_text (page), ==, "Scored 47 of 47 · final 47 of 47");
  g_assert_true (pamong_indicators_page_show_indicator (page, 11));
  gui_test_settle ();

  gtk_text_buffer_set_text (pamong_indicators_page_get_justification_buffer (page), text, -1);
  until = g_get_monotonic_time () + 1500 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  gui_test_settle ();
  score = stored_score (fixture, 11);
  g_assert_cmpstr (pamong_indicator_score_get_justification (score), ==, text);
  g_assert_cmpint (pamong_indicator_score_get_status (score), ==, PAMONG_REVIEW_STATUS_FINAL);
  g_clear_object (&score);

  gtk_switch_set_active (pamong_indicators_page_get_final_switch (page), FALSE);
  gui_test_settle ();
  score = stored_score (fixture, 11);
  g_assert_cmpint (pamong_indicator_score_get_status (score), ==, PAMONG_REVIEW_STATUS_DRAFT);
  g_assert_cmpstr (pamong_indicators_page_get_progress_text (page), ==, "Scored 47 of 47 · final 46 of 47");
  /* The text a person typed is still there after the reload. */
  {
    GtkTextBuffer *buffer = pamong_indicators_page_get_justification_buffer (page);
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, text);
  }
}

/* The planner: from 2024 ask for Sangat Baik and apply every step. */
static void
test_planner_applies_as_drafts (Fixture       *fixture,
                                gconstpointer  data)
{
  PamongIndicatorsPage *page = fixture->page;
  g_autoptr(PamongIndicatorScore) score = NULL;
  PamongPlan *plan;
  const PamongPlanStep *first;
  guint n_steps;
  guint first_number;

  g_assert_true (pamong_indicators_page_select_year (page, 2024));
  gui_test_settle ();

  /* The bands from the highest: Memuaskan, Sangat Baik, ... */
  pamong_indicators_page_set_plan_target (page, 1);
  gui_test_settle ();
  plan = pamong_indicators_page_get_plan (page);
  g_assert_nonnull (plan);
  g_assert_cmpint (pamong_plan_get_target_cents (plan), ==, 350);
  n_steps = pamong_plan_get_n_steps (plan);
  g_assert_cmpuint (n_steps, ==, 8);
  first = pamong_plan_get_step (plan, 0);
  first_number = first->number;

  /* The first step alone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.apply-plan", "u", 1));
  gui_test_settle ();
  score = stored_score (fixture, first_number);
  g_assert_nonnull (score);
  g_assert_cmpint (pamong_indicator_score_get_status (score), ==, PAMONG_REVIEW_STATUS_DRAFT);
  g_assert_cmpstr (pamong_indicators_page_get_index_text (page), ==, "3.31");
  /* The plan is made again from the new levels: one step fewer. */
  g_assert_cmpuint (pamong_plan_get_n_steps (pamong_indicators_page_get_plan (page)), ==, n_steps - 1);

  /* Then the rest. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.apply-plan", "u", 0));
  gui_test_settle ();
  g_assert_cmpstr (pamong_indicators_page_get_predikat_text (page), ==, "Sangat Baik");
  g_assert_cmpuint (pamong_plan_get_n_steps (pamong_indicators_page_get_plan (page)), ==, 0);
}

/* A new year starts from last year's levels, all drafts. */
static void
test_new_assessment_copies_levels (Fixture       *fixture,
                                   gconstpointer  data)
{
  PamongIndicatorsPage *page = fixture->page;
  g_autoptr(GError) error = NULL;

  g_assert_true (pamong_indicators_page_create_assessment (page, 2025, TRUE, &error));
  g_assert_no_error (error);
  gui_test_settle ();
  g_assert_cmpint (pamong_indicators_page_get_year (page), ==, 2025);
  g_assert_cmpstr (pamong_indicators_page_get_index_text (page), ==, "3.28");
  g_assert_cmpstr (pamong_indicators_page_get_progress_text (page), ==, "Scored 47 of 47 · final 0 of 47");

  g_assert_false (pamong_indicators_page_create_assessment (page, 2025, FALSE, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_CONFLICT);
  g_clear_error (&error);

  /* An empty one: nothing scored, no predikat. */
  g_assert_true (pamong_indicators_page_create_assessment (page, 2026, FALSE, &error));
  g_assert_no_error (error);
  gui_test_settle ();
  g_assert_cmpint (pamong_indicators_page_get_year (page), ==, 2026);
  g_assert_cmpstr (pamong_indicators_page_get_index_text (page), ==, "–");
  g_assert_cmpstr (pamong_indicators_page_get_progress_text (page), ==, "Scored 0 of 47 · final 0 of 47");

  /* Scoring the first indicator gives a provisional index of its level. */
  g_assert_true (pamong_indicators_page_show_indicator (page, 1));
  gui_test_settle ();
  pamong_indicators_page_pick_level (page, 2);
  gui_test_settle ();
  g_assert_cmpstr (pamong_indicators_page_get_index_text (page), ==, "3.00");
  g_assert_cmpstr (pamong_indicators_page_get_progress_text (page), ==, "Scored 1 of 47 · final 0 of 47");
}

/* The report of what the page shows, with an evidence document. */
static void
test_report_has_the_evidence (Fixture       *fixture,
                              gconstpointer  data)
{
  PamongIndicatorsPage *page = fixture->page;
  g_autoptr(PamongIndicatorScore) score = NULL;
  g_autoptr(PamongAttachment) attachment = NULL;
  g_autoptr(PamongSpbeReport) report = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4 evidence", 17);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (tmp_dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *standard_output = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  int status;

  g_assert_true (pamong_indicators_page_select_year (page, 2023));
  gui_test_settle ();
  score = stored_score (fixture, 37);
  g_assert_nonnull (score);
  attachment = pamong_store_attach (fixture->store, PAMONG_RECORD (score), "srikandi-rekap-2023.pdf",
                                    "application/pdf", bytes, &error);
  g_assert_no_error (error);
  gui_test_settle ();

  report = pamong_indicators_page_build_report (page);
  g_assert_nonnull (report);
  g_assert_true (pamong_spbe_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &standard_output, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (standard_output, "srikandi-rekap-2023.pdf"));
  g_assert_nonnull (strstr (standard_output, "3.27"));
  g_unlink (pdf);

  /* Printing draws the same pages (exported through GtkPrintOperation). */
  {
    g_autofree char *printed = g_build_filename (tmp_dir, "printed.pdf", NULL);
    g_autofree char *printed_text = NULL;
    const char *print_argv[] = { "pdftotext", "-enc", "UTF-8", printed, "-", NULL };

    g_assert_true (pamong_indicators_page_print_report (page, GTK_PRINT_OPERATION_ACTION_EXPORT, printed, &error));
    g_assert_no_error (error);
    gui_test_settle ();
    g_assert_true (g_spawn_sync (NULL, (char **) print_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &printed_text, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (printed_text, "SPBE Self-Assessment Report"));
    g_assert_nonnull (strstr (printed_text, "srikandi-rekap-2023.pdf"));
    g_assert_nonnull (strstr (printed_text, "3.27"));
    g_unlink (printed);
  }
}

static PamongAssessment *
save_assessment (Fixture    *fixture,
                 int         year,
                 const char *framework)
{
  g_autoptr(GError) error = NULL;
  PamongAssessment *assessment = pamong_assessment_new ();

  pamong_assessment_set_year (assessment, year);
  pamong_assessment_set_framework (assessment, framework);
  pamong_assessment_set_status (assessment, PAMONG_REVIEW_STATUS_DRAFT);
  g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (assessment), &error));
  g_assert_no_error (error);
  return assessment;
}

/* A second framework is a data file: dropped into the data folder, an
 * assessment on it shows its own indicators, scales and bands; one that is
 * not installed says so. */
static void
test_second_framework (Fixture       *fixture,
                       gconstpointer  data)
{
  PamongIndicatorsPage *page = fixture->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "spbe", "small-framework.json", NULL);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "pamong", "frameworks", NULL);
  g_autofree char *target = g_build_filename (dir, "test-small.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(PamongAssessment) assessment = NULL;
  g_autoptr(PamongAssessment) unknown = NULL;
  static const struct { int number; int level; } levels[] = { { 101, 3 }, { 102, 2 }, { 103, 4 }, { 202, 1 } };

  g_assert_true (g_file_get_contents (source, &contents, NULL, &error));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, contents, -1, &error));
  g_assert_no_error (error);

  assessment = save_assessment (fixture, 2030, "test-small");
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autoptr(PamongIndicatorScore) score = pamong_indicator_score_new ();

      pamong_indicator_score_set_assessment (score, pamong_record_get_uuid (PAMONG_RECORD (assessment)));
      pamong_indicator_score_set_indicator (score, levels[i].number);
      pamong_indicator_score_set_level (score, levels[i].level);
      pamong_indicator_score_set_status (score, PAMONG_REVIEW_STATUS_DRAFT);
      g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (score), &error));
      g_assert_no_error (error);
    }
  gui_test_settle ();

  /* (3·10 + 2·15 + 4·15 + 1·24,5) / 64,5 = 2,24, provisional, "Sedang". */
  g_assert_true (pamong_indicators_page_select_year (page, 2030));
  gui_test_settle ();
  g_assert_cmpstr (pamong_indicators_page_get_visible_state (page), ==, "assessment");
  g_assert_cmpuint (pamong_indicators_page_get_n_visible_rows (page), ==, 5);
  g_assert_cmpstr (pamong_indicators_page_get_row_title (page, 0), ==, "Indikator 101");
  g_assert_cmpstr (pamong_indicators_page_get_index_text (page), ==, "2.24");
  g_assert_cmpstr (pamong_indicators_page_get_predikat_text (page), ==, "Sedang");
  g_assert_cmpstr (pamong_indicators_page_get_progress_text (page), ==, "Scored 4 of 5 · final 0 of 5");

  g_assert_true (pamong_indicators_page_show_indicator (page, 101));
  gui_test_settle ();
  g_assert_cmpuint (pamong_indicators_page_get_n_level_choices (page), ==, 3);
  g_assert_cmpstr (pamong_indicators_page_get_level_choice (page, 0), ==, "1 · Awal");

  /* 201 (35,5 %) at 3: (144,5 + 3·35,5) / 100 = 2,51. */
  g_assert_true (pamong_indicators_page_show_indicator (page, 201));
  gui_test_settle ();
  g_assert_cmpuint (pamong_indicators_page_get_n_level_choices (page), ==, 4);
  pamong_indicators_page_pick_level (page, 2);
  gui_test_settle ();
  g_assert_cmpstr (pamong_indicators_page_get_index_text (page), ==, "2.51");
  g_assert_cmpstr (pamong_indicators_page_get_progress_text (page), ==, "Scored 5 of 5 · final 0 of 5");

  /* The planner works on its bands: "Tinggi ≥ 3,00" first. */
  pamong_indicators_page_set_plan_target (page, 0);
  gui_test_settle ();
  g_assert_cmpint (pamong_plan_get_target_cents (pamong_indicators_page_get_plan (page)), ==, 300);
  g_assert_cmpuint (pamong_plan_get_n_steps (pamong_indicators_page_get_plan (page)), >, 0);

  /* Back to P59. */
  g_assert_true (pamong_indicators_page_select_year (page, 2024));
  gui_test_settle ();
  g_assert_cmpuint (pamong_indicators_page_get_n_visible_rows (page), ==, 47);
  g_assert_cmpstr (pamong_indicators_page_get_index_text (page), ==, "3.28");

  unknown = save_assessment (fixture, 2031, "no-such-framework");
  gui_test_settle ();
  g_assert_true (pamong_indicators_page_select_year (page, 2031));
  gui_test_settle ();
  g_assert_cmpstr (pamong_indicators_page_get_visible_state (page), ==, "empty");
  g_assert_cmpuint (pamong_indicators_page_get_n_visible_rows (page), ==, 0);

  g_unlink (target);
}

static gboolean
has_evidence (gpointer data)
{
  return pamong_indicators_page_get_n_evidence (data) > 0;
}

/* Attaching a document to an indicator that has no score yet saves the
 * score first; the document is listed, stored as a blob, and removable. */
static void
test_evidence_attach_and_remove (Fixture       *fixture,
                                 gconstpointer  data)
{
  PamongIndicatorsPage *page = fixture->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "notulen-rapat-tim-spbe.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PamongIndicatorScore) score = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GBytes) blob = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_true (g_file_set_contents (path, "%PDF-1.4 notulen", -1, &error));
  g_assert_true (pamong_indicators_page_create_assessment (page, 2025, FALSE, &error));
  g_assert_no_error (error);
  gui_test_settle ();
  g_assert_true (pamong_indicators_page_show_indicator (page, 10));
  gui_test_settle ();
  g_assert_cmpuint (pamong_indicators_page_get_n_evidence (page), ==, 0);
  g_assert_null (stored_score (fixture, 10));

  pamong_indicators_page_attach_file (page, file);
  while (!has_evidence (page))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  gui_test_settle ();
  g_assert_cmpuint (pamong_indicators_page_get_n_evidence (page), ==, 1);

  score = stored_score (fixture, 10);
  g_assert_nonnull (score);
  g_assert_cmpint (pamong_indicator_score_get_level (score), ==, 0);
  attachments = pamong_store_list_attachments (fixture->store, pamong_record_get_uuid (PAMONG_RECORD (score)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attachments->len, ==, 1);
  g_assert_cmpstr (pamong_attachment_get_filename (attachments->pdata[0]), ==, "notulen-rapat-tim-spbe.pdf");
  blob = pamong_store_load_blob (fixture->store, pamong_attachment_get_sha256 (attachments->pdata[0]), &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (blob, NULL), g_bytes_get_size (blob), "%PDF-1.4 notulen", 16);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.remove-evidence", "s",
                                             pamong_record_get_uuid (PAMONG_RECORD (attachments->pdata[0]))));
  gui_test_settle ();
  g_assert_cmpuint (pamong_indicators_page_get_n_evidence (page), ==, 0);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PAMONG_LOCALEDIR");
  g_autoptr(GError) error = NULL;
  int result;

  /* The tests' own data folder, for a framework file; set before GLib
   * reads it. */
  tmp_dir = g_dir_make_tmp ("pamong-indicators-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *data_home = g_build_filename (tmp_dir, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  }

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  adw_init ();

  g_test_add ("/pamong/gui/indicators/blora-2023-is-3-27-baik-and-2024-is-3-28", Fixture, NULL,
              fixture_set_up, test_blora_figures, fixture_tear_down);
  g_test_add ("/pamong/gui/indicators/scoring-one-indicator-changes-the-index", Fixture, NULL,
              fixture_set_up, test_scoring_changes_the_index, fixture_tear_down);
  g_test_add ("/pamong/gui/indicators/justification-saves-and-final-switch-reviews", Fixture, NULL,
              fixture_set_up, test_justification_and_review, fixture_tear_down);
  g_test_add ("/pamong/gui/indicators/planner-steps-apply-as-drafts-up-to-sangat-baik", Fixture, NULL,
              fixture_set_up, test_planner_applies_as_drafts, fixture_tear_down);
  g_test_add ("/pamong/gui/indicators/new-assessment-starts-from-last-years-levels", Fixture, NULL,
              fixture_set_up, test_new_assessment_copies_levels, fixture_tear_down);
  g_test_add ("/pamong/gui/indicators/a-second-framework-is-a-data-file", Fixture, NULL,
              fixture_set_up, test_second_framework, fixture_tear_down);
  g_test_add ("/pamong/gui/indicators/evidence-is-attached-listed-and-removed", Fixture, NULL,
              fixture_set_up, test_evidence_attach_and_remove, fixture_tear_down);
  g_test_add ("/pamong/gui/indicators/report-lists-the-evidence", Fixture, NULL,
              fixture_set_up, test_report_has_the_evidence, fixture_tear_down);

  result = g_test_run ();

  gui_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (seed_path);
  return result;
}
