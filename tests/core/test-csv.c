/* test-csv.c — RFC 4180 reading and writing, applications as CSV
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-test"

#include "config.h"

#include <string.h>

#include "pamong-application.h"
#include "pamong-csv.h"
#include "pamong-error.h"
#include "pamong-unit.h"

static GPtrArray *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = pamong_csv_parse (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
assert_row (GPtrArray  *rows,
            guint       index,
            const char *first,
            ...)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *f = first; f != NULL; f = va_arg (args, const char *))
    g_ptr_array_add (expected, (gpointer) f);
  va_end (args);
  g_ptr_array_add (expected, NULL);

  g_assert_cmpuint (index, <, rows->len);
  g_assert_cmpstrv (g_ptr_array_index (rows, index), (const char * const *) expected->pdata);
}

static void
test_parse_edge_cases (void)
{
  g_autoptr(GPtrArray) rows = NULL;

  /* Quotes, doubled quotes, commas and line breaks (LF and CRLF) inside
   * quotes; CRLF between rows; a BOM; no line end after the last row. */
  rows = parse_ok ("\xEF\xBB\xBF" "name,note\r\n"
                   "\"Arsip, Surat\",\"He said \"\"yes\"\"\"\r\n"
                   "\"two\nlines\",\"and\r\nthree\"\r\n"
                   "plain,\r\n"
                   ",\"\"\r\n"
                   "last,row");
  g_assert_cmpuint (rows->len, ==, 6);
  assert_row (rows, 0, "name", "note", NULL);
  assert_row (rows, 1, "Arsip, Surat", "He said \"yes\"", NULL);
  assert_row (rows, 2, "two\nlines", "and\r\nthree", NULL);
  assert_row (rows, 3, "plain", "", NULL);
  assert_row (rows, 4, "", "", NULL);
  assert_row (rows, 5, "last", "row", NULL);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* LF only; a final line end makes no extra row; UTF-8 kept. */
  rows = parse_ok ("a,b\nKécamatan,“Cepu”\n");
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 1, "Kécamatan", "“Cepu”", NULL);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Nothing at all, or only a BOM: no rows. */
  rows = parse_ok ("");
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = parse_ok ("\xEF\xBB\xBF");
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_parse_errors (void)
{
  struct { const char *text; const char *words; } cases[] = {
    { "a,b\n\"open,b\n", "Row 2: a quoted field is not closed" },
    { "a,b\nx\"y,b\n", "Row 2 (line 2), field 1: a quote inside an unquoted field" },
    { "a,b\n\"x\"y,b\n", "Row 2 (line 2), field 1: text after the closing quote" },
    { "a,b\n\"x\ny\",z\"q\n", "Row 2 (line 3), field 2" },
    { "a,b\n\xff\xfe,c\n", "not UTF-8 text (line 2)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = pamong_csv_parse (cases[i].text, -1, &error);

      g_assert_null (rows);
      g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].words) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].words);
    }
}

static void
test_write_quotes_only_what_needs_it (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *fields[] = { "plain", "a,b", "say \"hi\"", "two\nlines", " padded", "", NULL, "end" };
  g_autoptr(GPtrArray) rows = NULL;

  pamong_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  g_assert_cmpstr (out->str, ==, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",,,end\r\n");

  /* And reads back to the same fields (NULL as empty). */
  rows = parse_ok (out->str);
  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (rows, 0, "plain", "a,b", "say \"hi\"", "two\nlines", " padded", "", "", "end", NULL);
}

static GPtrArray *
make_units (void)
{
  GPtrArray *units = g_ptr_array_new_with_free_func (g_object_unref);
  const char *codes[] = { "4.01.01", "2.16.01" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      PamongUnit *unit = pamong_unit_new ();

      pamong_unit_set_code (unit, codes[i]);
      pamong_unit_set_name (unit, i == 0 ? "Sekretariat Daerah" : "Dinas Komunikasi dan Informatika");
      g_ptr_array_add (units, unit);
    }
  return units;
}

static PamongApplication *
make_full_app (GPtrArray *units)
{
  PamongApplication *app = pamong_application_new ();
  const char *services[] = { "Kearsipan; dinamis", "Tata \\ naskah", "Disposisi, surat", NULL };
  const char *data[] = { "Naskah dinas", NULL };

  pamong_application_set_name (app, "E-Surat, \"Setda\"");
  pamong_application_set_description (app, "Surat masuk\ndan keluar.\r\nBaris ketiga.");
  pamong_application_set_function (app, "Pencatatan surat");
  pamong_application_set_reference_code (app, "02.02");
  pamong_application_set_category (app, PAMONG_APP_CATEGORY_KHUSUS);
  pamong_application_set_basis (app, PAMONG_APP_BASIS_DESKTOP);
  pamong_application_set_supported_services (app, services);
  pamong_application_set_data_used (app, data);
  pamong_application_set_outputs (app, "Agenda surat");
  pamong_application_set_server (app, "Server lokal");
  pamong_application_set_license (app, PAMONG_APP_LICENSE_PROPRIETARY);
  pamong_application_set_programming_language (app, "PHP");
  pamong_application_set_framework (app, "CodeIgniter");
  pamong_application_set_database (app, "MySQL");
  pamong_application_set_developer_unit (app, pamong_record_get_uuid (g_ptr_array_index (units, 1)));
  pamong_application_set_operator_unit (app, pamong_record_get_uuid (g_ptr_array_index (units, 0)));
  pamong_application_set_url (app, "https://esurat.blorakab.go.id/masuk?a=1");
  pamong_application_set_year_built (app, 2016);
  pamong_application_set_status (app, PAMONG_APP_STATUS_INACTIVE);
  pamong_application_set_plan (app, PAMONG_APP_PLAN_INTEGRATE);
  pamong_application_set_plan_target (app, "SRIKANDI");
  pamong_application_set_plan_date (app, "2026-06-30");
  pamong_application_set_plan_note (app, "Migrasi arsip, lalu “matikan”.");
  return app;
}

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) units = make_units ();
  g_autoptr(GPtrArray) apps = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *again = NULL;
  PamongApplication *minimal;

  g_ptr_array_add (apps, make_full_app (units));
  minimal = pamong_application_new ();
  pamong_application_set_name (minimal, "Minimal");
  pamong_application_set_operator_unit (minimal, pamong_record_get_uuid (g_ptr_array_index (units, 1)));
  g_ptr_array_add (apps, minimal);

  csv = pamong_csv_export_applications (apps, units);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "uuid,name,description,"));
  /* Units by code, enums by nick, CRLF line ends. */
  g_assert_nonnull (strstr (csv, ",4.01.01,"));
  g_assert_nonnull (strstr (csv, ",inactive,integrate,SRIKANDI,2026-06-30,"));
  g_assert_nonnull (strstr (csv, "\"Kearsipan\\; dinamis; Tata \\\\ naskah; Disposisi, surat\""));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));

  back = pamong_csv_import_applications (csv, -1, units, &errors, &error);
  g_assert_no_error (error);
  g_assert_null (errors);
  g_assert_cmpuint (back->len, ==, 2);

  for (guint i = 0; i < apps->len; i++)
    {
      PamongApplication *a = g_ptr_array_index (apps, i);
      PamongApplication *b = g_ptr_array_index (back, i);

      /* Same uuid, same content: every field survives. */
      g_assert_cmpstr (pamong_record_get_uuid (PAMONG_RECORD (a)), ==, pamong_record_get_uuid (PAMONG_RECORD (b)));
      pamong_record_set_updated_at (PAMONG_RECORD (b), pamong_record_get_updated_at (PAMONG_RECORD (a)));
      pamong_record_set_created_at (PAMONG_RECORD (b), pamong_record_get_created_at (PAMONG_RECORD (a)));
      if (!pamong_record_same_content (PAMONG_RECORD (a), PAMONG_RECORD (b)))
        g_error ("row %u changed in the round trip", i + 2);
    }
  g_assert_cmpstrv (pamong_application_get_supported_services (g_ptr_array_index (back, 0)),
                    pamong_application_get_supported_services (g_ptr_array_index (apps, 0)));

  /* Writing what was read gives the same file. */
  again = pamong_csv_export_applications (back, units);
  g_assert_cmpstr (again, ==, csv);
}

static void
test_apply_keeps_sync_fields (void)
{
  g_autoptr(GPtrArray) units = make_units ();
  g_autoptr(PamongApplication) stored = pamong_application_new ();
  g_autoptr(PamongApplication) from = make_full_app (units);

  pamong_record_set_rev (PAMONG_RECORD (stored), 41);
  pamong_application_set_name (stored, "Old name");
  pamong_csv_apply_application (stored, from);
  g_assert_cmpstr (pamong_application_get_name (stored), ==, "E-Surat, \"Setda\"");
  g_assert_cmpstr (pamong_application_get_plan_target (stored), ==, "SRIKANDI");
  g_assert_cmpint (pamong_application_get_year_built (stored), ==, 2016);
  g_assert_cmpint (pamong_record_get_rev (PAMONG_RECORD (stored)), ==, 41);
  g_assert_cmpstr (pamong_record_get_uuid (PAMONG_RECORD (stored)), !=,
                   pamong_record_get_uuid (PAMONG_RECORD (from)));
}

static gboolean
has_error (GPtrArray  *errors,
           guint       row,
           const char *column,
           const char *words)
{
  for (guint i = 0; i < errors->len; i++)
    {
      PamongCsvError *e = g_ptr_array_index (errors, i);

      if (e->row == row && g_strcmp0 (e->column, column) == 0 && strstr (e->message, words) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_import_reports_every_row (void)
{
  g_autoptr(GPtrArray) units = make_units ();
  g_autoptr(GPtrArray) apps = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  const char *csv =
    "name,category,basis,license,operator-unit,status,plan,url,year-built,plan-date,uuid\r\n"
    "Good,khusus,web,open-source,4.01.01,active,keep,https://a.blorakab.go.id,2020,,\r\n"
    ",khusus,web,open-source,4.01.01,aktif,keep,,,,\r\n"
    "Bad URL,khusus,web,open-source,9.99,active,keep,ftp://x,1800,2026-02-30,not-a-uuid\r\n"
    "Short,khusus\r\n"
    "\r\n"
    "Also good,UMUM,Cloud,proprietary,2.16.01,retired,retire,,,2025-12-01,\r\n";

  apps = pamong_csv_import_applications (csv, -1, units, &errors, &error);
  g_assert_null (apps);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "nothing was imported"));
  g_assert_nonnull (errors);

  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", ((PamongCsvError *) g_ptr_array_index (errors, i))->message);

  g_assert_true (has_error (errors, 3, "name", "Row 3, column “name”: a value is required"));
  g_assert_true (has_error (errors, 3, "status", "“aktif” is not one of active, development, inactive, retired"));
  g_assert_true (has_error (errors, 4, "operator-unit", "no unit with the code “9.99”"));
  g_assert_true (has_error (errors, 4, "url", "“ftp://x” is not a web address"));
  g_assert_true (has_error (errors, 4, "year-built", "“1800” is not a year"));
  g_assert_true (has_error (errors, 4, "plan-date", "“2026-02-30” is not a date"));
  g_assert_true (has_error (errors, 4, "uuid", "“not-a-uuid” is not a uuid"));
  g_assert_true (has_error (errors, 5, NULL, "Row 5: it has 2 fields, the header has 11"));
  g_assert_cmpuint (errors->len, ==, 8);
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_clear_error (&error);

  /* Without the bad rows the same file imports; case is forgiven in enums. */
  {
    const char *good =
      "name,category,basis,license,operator-unit,status,plan,url,year-built,plan-date,uuid\r\n"
      "Good,khusus,web,open-source,4.01.01,active,keep,https://a.blorakab.go.id,2020,,\r\n"
      "\r\n"
      "Also good,UMUM,Cloud,proprietary,2.16.01,retired,retire,,,2025-12-01,\r\n";

    apps = pamong_csv_import_applications (good, -1, units, &errors, &error);
    g_assert_no_error (error);
    g_assert_null (errors);
    g_assert_cmpuint (apps->len, ==, 2);
    g_assert_cmpint (pamong_application_get_category (g_ptr_array_index (apps, 1)), ==, PAMONG_APP_CATEGORY_UMUM);
    g_assert_cmpint (pamong_application_get_basis (g_ptr_array_index (apps, 1)), ==, PAMONG_APP_BASIS_CLOUD);
    g_assert_cmpstr (pamong_application_get_operator_unit (g_ptr_array_index (apps, 1)), ==,
                     pamong_record_get_uuid (g_ptr_array_index (units, 1)));
    g_assert_cmpint (pamong_application_get_year_built (g_ptr_array_index (apps, 0)), ==, 2020);
  }
}

static void
test_import_header_problems (void)
{
  g_autoptr(GPtrArray) units = make_units ();
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) apps = NULL;
  const char *uuid = "5b0c4c8e-1f0a-4a43-9f38-0d1b1c9b0a11";
  g_autofree char *twice = NULL;
  g_autofree char *upper = g_ascii_strup (uuid, -1);

  apps = pamong_csv_import_applications ("name,colour,name\r\nA,red,A\r\n", -1, units, &errors, &error);
  g_assert_null (apps);
  g_assert_true (has_error (errors, 1, NULL, "the column “colour” is not an application field"));
  g_assert_true (has_error (errors, 1, NULL, "the column “name” appears twice"));
  g_assert_true (has_error (errors, 1, NULL, "the required column “operator-unit” is missing"));
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_clear_error (&error);

  apps = pamong_csv_import_applications ("", -1, units, &errors, &error);
  g_assert_null (apps);
  g_assert_null (errors);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* A CSV syntax error is the file's, not a row's. */
  apps = pamong_csv_import_applications ("name\r\n\"open\r\n", -1, units, &errors, &error);
  g_assert_null (apps);
  g_assert_null (errors);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* The same uuid twice, in another case the second time. */
  twice = g_strdup_printf ("uuid,name,category,basis,license,operator-unit,status\r\n"
                           "%s,A,khusus,web,open-source,4.01.01,active\r\n"
                           "%s,B,khusus,web,open-source,4.01.01,active\r\n", uuid, upper);
  apps = pamong_csv_import_applications (twice, -1, units, &errors, &error);
  g_assert_null (apps);
  g_assert_true (has_error (errors, 3, "uuid", "is on an earlier row too"));
}

static void
test_field_checks (void)
{
  g_assert_true (pamong_csv_url_is_valid ("https://blorakab.go.id"));
  g_assert_true (pamong_csv_url_is_valid ("http://sipd.kemendagri.go.id/path?q=1"));
  g_assert_false (pamong_csv_url_is_valid ("blorakab.go.id"));
  g_assert_false (pamong_csv_url_is_valid ("ftp://blorakab.go.id"));
  g_assert_false (pamong_csv_url_is_valid ("https://localhost"));
  g_assert_false (pamong_csv_url_is_valid ("https://a b.go.id"));
  g_assert_false (pamong_csv_url_is_valid (""));
  g_assert_false (pamong_csv_url_is_valid (NULL));

  g_assert_true (pamong_csv_year_is_valid (2016));
  g_assert_false (pamong_csv_year_is_valid (1959));
  g_assert_false (pamong_csv_year_is_valid (3000));

  g_assert_true (pamong_csv_date_is_valid ("2024-02-29"));
  g_assert_false (pamong_csv_date_is_valid ("2023-02-29"));
  g_assert_false (pamong_csv_date_is_valid ("2023-2-01"));
  g_assert_false (pamong_csv_date_is_valid ("01-02-2023"));
  g_assert_false (pamong_csv_date_is_valid (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/csv/parse-quotes-commas-newlines-bom-crlf", test_parse_edge_cases);
  g_test_add_func ("/pamong/csv/parse-errors-name-the-row", test_parse_errors);
  g_test_add_func ("/pamong/csv/write-quotes-only-what-needs-it", test_write_quotes_only_what_needs_it);
  g_test_add_func ("/pamong/csv/applications-round-trip-losslessly", test_round_trip);
  g_test_add_func ("/pamong/csv/apply-keeps-sync-fields", test_apply_keeps_sync_fields);
  g_test_add_func ("/pamong/csv/import-reports-every-row-before-writing", test_import_reports_every_row);
  g_test_add_func ("/pamong/csv/import-header-problems", test_import_header_problems);
  g_test_add_func ("/pamong/csv/field-checks", test_field_checks);

  return g_test_run ();
}
