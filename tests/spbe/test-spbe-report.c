/* test-spbe-report.c — the PDF report, read back with pdftotext
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pamong-assessment.h"
#include "pamong-demo.h"
#include "pamong-indicator-score.h"
#include "pamong-spbe-index.h"
#include "pamong-spbe-report.h"

/* Drops every white space character, so that names the report wrapped
 * over two lines (at a space or after a "/") still match. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Writes @report to a temporary PDF and returns its text (squeezed). */
static char *
pdf_text (PamongSpbeReport *report,
          guint            *out_n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pamong-report-XXXXXX", &error);
  g_autofree char *pdf = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  int status;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", NULL, NULL, NULL };
  const char *info_argv[] = { "pdfinfo", NULL, NULL };

  g_assert_no_error (error);
  pdf = g_build_filename (dir, "report.pdf", NULL);
  txt = g_build_filename (dir, "report.txt", NULL);

  g_assert_true (pamong_spbe_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);

  argv[3] = pdf;
  argv[4] = txt;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (txt, &text, NULL, &error));
  g_assert_no_error (error);

  info_argv[1] = pdf;
  g_assert_true (g_spawn_sync (NULL, (char **) info_argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &info, NULL, &status, &error));
  g_assert_no_error (error);
  {
    const char *pages = strstr (info, "Pages:");

    g_assert_nonnull (pages);
    *out_n_pages = (guint) g_ascii_strtoull (pages + strlen ("Pages:") + strspn (pages + 6, " "), NULL, 10);
  }

  g_unlink (pdf);
  g_unlink (txt);
  g_rmdir (dir);
  return squeeze (text);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);

  if (strstr (text, squeezed) == NULL)
    g_error ("The report's text lacks “%s”", squeezed);
}

/* The demo's 2023 assessment: 3,27 Baik, with its justifications. */
static void
test_blora_2023 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongFramework) framework = pamong_framework_load_default (&error);
  g_autoptr(PamongSpbeReport) report = NULL;
  g_autoptr(GPtrArray) records = NULL;
  PamongDemoOptions options;
  PamongAssessment *assessment = NULL;
  g_autofree guint *levels = NULL;
  g_autoptr(PamongIndexResult) result = NULL;
  g_autofree char *text = NULL;
  guint n = 0;
  guint n_pages = 0;
  guint n_pages_cairo;
  const char *evidence[] = { "perbup-arsitektur-spbe.pdf", "berita-acara-reviu.pdf", NULL };

  g_assert_no_error (error);
  pamong_demo_options_init (&options);
  records = pamong_demo_generate_records (&options, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < records->len; i++)
    if (PAMONG_IS_ASSESSMENT (records->pdata[i]) &&
        pamong_assessment_get_year (records->pdata[i]) == 2023)
      assessment = records->pdata[i];
  g_assert_nonnull (assessment);

  report = pamong_spbe_report_new (framework, "Kabupaten Blora", 2023);
  pamong_spbe_report_set_title (report, pamong_assessment_get_title (assessment));
  pamong_spbe_report_set_target (report, pamong_assessment_get_target_index (assessment));
  pamong_spbe_report_add_history (report, 2022, 2.06);
  levels = g_new0 (guint, pamong_framework_get_n_indicators (framework));

  for (guint i = 0; i < records->len; i++)
    {
      PamongIndicatorScore *score = records->pdata[i];
      gint position;

      if (!PAMONG_IS_INDICATOR_SCORE (score) ||
          g_strcmp0 (pamong_indicator_score_get_assessment (score),
                     pamong_record_get_uuid (PAMONG_RECORD (assessment))) != 0)
        continue;
      position = pamong_framework_get_indicator_position (framework, pamong_indicator_score_get_indicator (score));
      if (position < 0)
        g_error ("The demo scores indicator %d, which P59 lacks", pamong_indicator_score_get_indicator (score));
      levels[position] = pamong_indicator_score_get_level (score);
      pamong_spbe_report_set_indicator (report, position, levels[position],
                                        pamong_indicator_score_get_justification (score),
                                        pamong_indicator_score_get_status (score),
                                        position == 10 ? evidence : NULL);
      n++;
    }
  g_assert_cmpuint (n, ==, pamong_framework_get_n_indicators (framework));
  result = pamong_spbe_index_compute (framework, levels, n);
  g_assert_cmpint (pamong_index_result_get_overall (result)->cents, ==, 327);

  text = pdf_text (report, &n_pages);
  assert_contains (text, "Kabupaten Blora");
  assert_contains (text, "3.27");
  assert_contains (text, "Baik");
  /* The domain table: 3,60 / 2,30 / 1,73 / 4,26. */
  assert_contains (text, "3.60");
  assert_contains (text, "2.30");
  assert_contains (text, "1.73");
  assert_contains (text, "4.26");
  assert_contains (text, "2.06");
  assert_contains (text, "perbup-arsitektur-spbe.pdf, berita-acara-reviu.pdf");
  for (guint i = 0; i < pamong_framework_get_n_indicators (framework); i++)
    {
      const PamongFwIndicator *indicator = pamong_framework_get_indicator (framework, i);
      g_autofree char *title = g_strdup_printf ("%u. %s", indicator->number, indicator->name);

      assert_contains (text, title);
    }
  for (guint a = 0; a < pamong_framework_get_n_aspects (framework); a++)
    assert_contains (text, pamong_framework_get_aspect (framework, a)->name);

  /* The printing path counts the same pages as the PDF. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t *cr = cairo_create (surface);

    n_pages_cairo = pamong_spbe_report_get_n_pages (report, cr,
                                                    PAMONG_SPBE_REPORT_A4_WIDTH,
                                                    PAMONG_SPBE_REPORT_A4_HEIGHT);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_cmpuint (n_pages_cairo, ==, n_pages);
  {
    g_autofree char *footer = g_strdup_printf ("page %u of %u", n_pages, n_pages);

    assert_contains (text, footer);
  }
}

/* The second framework: a provisional index, the framework's own names. */
static void
test_small_framework (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "spbe", "small-framework.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PamongFramework) framework = pamong_framework_new_from_file (file, &error);
  g_autoptr(PamongSpbeReport) report = NULL;
  g_autofree char *text = NULL;
  guint n_pages;

  g_assert_no_error (error);
  report = pamong_spbe_report_new (framework, "Kota Uji", 2025);
  /* 101 → 3, 102 → 2, 103 → 4, 201 unscored, 202 → 1:
   * (3·1000 + 2·1500 + 4·1500 + 1·2450) / 6450 = 14450 / 6450 = 2,24. */
  pamong_spbe_report_set_indicator (report, 0, 3, "Sudah berjalan di semua unit.", PAMONG_REVIEW_STATUS_FINAL, NULL);
  pamong_spbe_report_set_indicator (report, 1, 2, NULL, PAMONG_REVIEW_STATUS_DRAFT, NULL);
  pamong_spbe_report_set_indicator (report, 2, 4, NULL, PAMONG_REVIEW_STATUS_DRAFT, NULL);
  pamong_spbe_report_set_indicator (report, 4, 1, NULL, PAMONG_REVIEW_STATUS_DRAFT, NULL);

  text = pdf_text (report, &n_pages);
  assert_contains (text, "Kota Uji");
  assert_contains (text, "2.24");
  assert_contains (text, "Sedang");
  assert_contains (text, "Provisional: 4 of 5 indicators scored");
  assert_contains (text, "Sudah berjalan di semua unit.");
  assert_contains (text, "Level 3 · Mapan");
  assert_contains (text, "Not scored yet");
  for (guint i = 0; i < pamong_framework_get_n_indicators (framework); i++)
    assert_contains (text, pamong_framework_get_indicator (framework, i)->name);
  g_assert_cmpuint (n_pages, >=, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/spbe/report/blora-2023-pdf-has-index-predikat-and-every-indicator", test_blora_2023);
  g_test_add_func ("/pamong/spbe/report/second-framework-pdf", test_small_framework);

  return g_test_run ();
}
