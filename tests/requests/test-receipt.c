/* test-receipt.c — the tanda terima as PDF and on any cairo surface
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pamong-calendar.h"
#include "pamong-receipt.h"
#include "pamong-tracking.h"

static void
make_request (PamongServiceRequest **request_out,
              PamongServiceType    **type_out)
{
  const char *requirements[] = {
    "Fotokopi Kartu Keluarga", "Surat pengantar RT/RW", "Formulir F-1.01", NULL,
  };
  g_autoptr(GDateTime) submitted = g_date_time_new_from_iso8601 ("2026-03-19T09:15:00+07:00", NULL);
  PamongServiceRequest *request = pamong_service_request_new ();
  PamongServiceType *type = pamong_service_type_new ();
  g_autofree char *due = NULL;
  g_autofree char *number = NULL;
  GDate date;

  pamong_service_type_set_code (type, "KK-01");
  pamong_service_type_set_name (type, "Penerbitan Kartu Keluarga");
  pamong_service_type_set_kind (type, PAMONG_SERVICE_KIND_REQUEST);
  pamong_service_type_set_requirements (type, requirements);
  pamong_service_type_set_standard_days (type, 5);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 19, G_DATE_MARCH, 2026);
  number = pamong_tracking_format ("7K3M", &date, 42);
  due = pamong_calendar_compute_due_date (pamong_calendar_get_default (), submitted, type);

  pamong_service_request_set_tracking_number (request, number);
  pamong_service_request_set_applicant_name (request, "Siti Rahayu");
  pamong_service_request_set_applicant_nik (request, "3316095508900002");
  pamong_service_request_set_applicant_phone (request, "0812-3456-7890");
  pamong_service_request_set_address (request, "Jl. Pemuda 12 RT 02/RW 03");
  pamong_service_request_set_submitted_at (request, submitted);
  pamong_service_request_set_due_date (request, due);

  *request_out = request;
  *type_out = type;
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");

  return program != NULL;
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

static void
test_pdf_has_number_and_due_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongServiceRequest) request = NULL;
  g_autoptr(PamongServiceType) type = NULL;
  g_autoptr(PamongReceipt) receipt = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_pdftotext ())
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  make_request (&request, &type);
  /* the due date of test-calendar.c: 19 March + 5 working days */
  g_assert_cmpstr (pamong_service_request_get_due_date (request), ==, "2026-03-31");

  receipt = pamong_receipt_new (request, type);
  pamong_receipt_set_office (receipt, "Mal Pelayanan Publik Kabupaten Blora",
                             "Jl. Blora–Cepu KM 5, Jepon", "(0296) 531028");
  pamong_receipt_set_unit_name (receipt, "Dinas Kependudukan dan Pencatatan Sipil");
  pamong_receipt_set_place_names (receipt, "Blora", "Kauman");

  dir = g_dir_make_tmp ("pamong-receipt-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "receipt.pdf", NULL);
  g_assert_true (pamong_receipt_write_pdf (receipt, path, &error));
  g_assert_no_error (error);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, pamong_service_request_get_tracking_number (request)));
  /* LANGUAGE=C: English month names */
  g_assert_nonnull (strstr (text, "31 March 2026"));
  g_assert_nonnull (strstr (text, "Siti Rahayu"));
  g_assert_nonnull (strstr (text, "Penerbitan Kartu Keluarga"));
  g_assert_nonnull (strstr (text, "Surat pengantar RT/RW"));
  g_assert_nonnull (strstr (text, "(0296) 531028"));
  g_assert_nonnull (strstr (text, "Kauman"));
  g_assert_nonnull (strstr (text, "5 working days"));
  g_assert_nonnull (strstr (text, "Free of charge"));

  g_remove (path);
  g_rmdir (dir);
}

/* The same drawing on another page size (e.g. Letter through
 * GtkPrintOperation) and without a service type. */
static void
test_draw_on_any_surface (void)
{
  g_autoptr(PamongServiceRequest) request = NULL;
  g_autoptr(PamongServiceType) type = NULL;
  g_autoptr(PamongReceipt) bare = NULL;
  g_autoptr(PamongReceipt) receipt = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint dark = 0;
  unsigned char *data;
  int stride;

  make_request (&request, &type);
  receipt = pamong_receipt_new (request, type);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 306, 396);   /* Letter at half scale */
  cr = cairo_create (surface);
  pamong_receipt_draw_page (receipt, cr, 306, 396);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 396; y++)
    for (int x = 0; x < 306; x++)
      if ((((guint32 *) (data + y * stride))[x] & 0xff) < 0x80)
        dark++;
  /* text was drawn, and the page is mostly white */
  g_assert_cmpuint (dark, >, 500);
  g_assert_cmpuint (dark, <, 306 * 396 / 4);
  cairo_surface_destroy (surface);

  bare = pamong_receipt_new (request, NULL);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cr = cairo_create (surface);
  pamong_receipt_draw_page (bare, cr, 595, 842);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_many_requirements_fit_one_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongServiceRequest) request = NULL;
  g_autoptr(PamongServiceType) type = NULL;
  g_autoptr(PamongReceipt) receipt = NULL;
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_pdftotext ())
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  make_request (&request, &type);
  for (guint i = 0; i < 80; i++)
    g_ptr_array_add (many, g_strdup_printf ("Persyaratan nomor %u yang cukup panjang untuk satu baris", i + 1));
  g_ptr_array_add (many, NULL);
  pamong_service_type_set_requirements (type, (const char * const *) many->pdata);

  receipt = pamong_receipt_new (request, type);
  dir = g_dir_make_tmp ("pamong-receipt-XXXXXX", &error);
  path = g_build_filename (dir, "long.pdf", NULL);
  g_assert_true (pamong_receipt_write_pdf (receipt, path, &error));
  g_assert_no_error (error);

  text = pdf_text (path);
  /* one page (no form feed between pages), the footer still there */
  {
    guint pages = 0;

    /* pdftotext ends every page with a form feed */
    for (const char *p = text; *p != '\0'; p++)
      pages += *p == '\f';
    g_assert_cmpuint (pages, ==, 1);
  }
  g_assert_nonnull (strstr (text, "more requirements"));
  g_assert_nonnull (strstr (text, "Keep this receipt"));
  g_assert_nonnull (strstr (text, pamong_service_request_get_tracking_number (request)));

  g_remove (path);
  g_rmdir (dir);
}

static void
test_unwritable_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongServiceRequest) request = NULL;
  g_autoptr(PamongServiceType) type = NULL;
  g_autoptr(PamongReceipt) receipt = NULL;

  make_request (&request, &type);
  receipt = pamong_receipt_new (request, type);
  g_assert_false (pamong_receipt_write_pdf (receipt, "/nonexistent-dir/receipt.pdf", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/receipt.pdf"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/requests/receipt/pdf-has-tracking-number-and-due-date", test_pdf_has_number_and_due_date);
  g_test_add_func ("/pamong/requests/receipt/draws-on-any-surface-and-size", test_draw_on_any_surface);
  g_test_add_func ("/pamong/requests/receipt/many-requirements-fit-one-page", test_many_requirements_fit_one_page);
  g_test_add_func ("/pamong/requests/receipt/unwritable-path-is-an-error", test_unwritable_path);

  return g_test_run ();
}
