/* pamong-request-receipt.c — printing a request's receipt, or saving it as PDF
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page itself is LAYANAN-CORE's pamong_receipt_draw_page(); this file
 * brings it to a printer through GtkPrintOperation and to a file through
 * GtkFileChooserNative (which goes through the portal inside Flatpak).
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pamong-region.h"
#include "pamong-request-receipt.h"
#include "pamong-service-type.h"
#include "pamong-store.h"
#include "pamong-unit.h"

/**
 * pamong_request_receipt_build:
 *
 * Returns: (transfer full): the receipt of @request, with the names of its
 * service, unit, kecamatan and desa looked up in @store and the region data
 */
PamongReceipt *
pamong_request_receipt_build (PamongStore          *store,
                              PamongServiceRequest *request)
{
  g_autoptr(PamongRecord) type = NULL;
  g_autoptr(PamongRecord) unit = NULL;
  g_autoptr(PamongRegion) region = NULL;
  PamongReceipt *receipt;
  const char *uuid;

  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (request), NULL);

  uuid = pamong_service_request_get_service_type (request);
  if (store != NULL && uuid != NULL)
    type = pamong_store_lookup (store, PAMONG_TYPE_SERVICE_TYPE, uuid, NULL);
  receipt = pamong_receipt_new (request, type != NULL ? PAMONG_SERVICE_TYPE (type) : NULL);

  uuid = pamong_service_request_get_unit (request);
  if (store != NULL && uuid != NULL)
    unit = pamong_store_lookup (store, PAMONG_TYPE_UNIT, uuid, NULL);
  if (unit != NULL)
    pamong_receipt_set_unit_name (receipt, pamong_unit_get_name (PAMONG_UNIT (unit)));

  region = pamong_region_load_default (NULL);
  if (region != NULL)
    {
      const char *kecamatan = pamong_service_request_get_kecamatan_code (request);
      const char *desa = pamong_service_request_get_desa_code (request);

      pamong_receipt_set_place_names (receipt,
                                      kecamatan != NULL ? pamong_region_lookup_name (region, kecamatan) : NULL,
                                      desa != NULL ? pamong_region_lookup_name (region, desa) : NULL);
    }

  return receipt;
}

/* Printing */

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PamongReceipt     *receipt)
{
  pamong_receipt_draw_page (receipt, gtk_print_context_get_cairo_context (context),
                            gtk_print_context_get_width (context),
                            gtk_print_context_get_height (context));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GTask                   *task)
{
  g_autoptr(GTask) owned = task;
  GError *error = NULL;

  g_object_set_data (G_OBJECT (task), "pamong-returned", GINT_TO_POINTER (TRUE));
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      g_task_return_error (task, error != NULL ? error :
                           g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                _("The receipt could not be printed.")));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_CANCEL)
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_return_pointer (task, g_strdup (_("The receipt was sent to the printer.")), g_free);
}

/**
 * pamong_request_receipt_print_async:
 *
 * Shows the print dialog for @request's receipt and prints it. Finish with
 * pamong_request_receipt_finish(): a message for a toast, or %NULL when the
 * person cancelled.
 */
void
pamong_request_receipt_print_async (GtkWindow            *parent,
                                    PamongStore          *store,
                                    PamongServiceRequest *request,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  PamongReceipt *receipt = pamong_request_receipt_build (store, request);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *job = NULL;
  GtkPrintOperationResult result;

  g_task_set_source_tag (task, pamong_request_receipt_print_async);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* Translators: the print job's name; %s is the tracking number */
  job = g_strdup_printf (_("Receipt %s"), pamong_service_request_get_tracking_number (request));
  gtk_print_operation_set_job_name (operation, job);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         receipt, (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), task);

  /* "done" takes the task's first reference; keep one across run() too. */
  g_object_ref (task);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  /* Without async support the operation may be over without "done". */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS &&
      g_object_get_data (G_OBJECT (task), "pamong-returned") == NULL)
    {
      g_signal_handlers_disconnect_by_func (operation, print_done_cb, task);
      if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          g_object_unref (task);
        }
      else
        print_done_cb (operation, result, task);
    }
  /* The reference taken before run(); the one "done" held went above. */
  // cppcheck-suppress doubleFree
  g_object_unref (task);
}

/* PDF */

typedef struct
{
  PamongReceipt        *receipt;
  GtkFileChooserNative *chooser;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->receipt);
  if (data->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (data->chooser));
  g_clear_object (&data->chooser);
  g_free (data);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     GTask           *task)
{
  g_autoptr(GTask) owned = task;
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The receipt can only be saved to a local folder."));
      return;
    }
  if (!pamong_receipt_write_pdf (data->receipt, path, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_task_return_pointer (task, g_strdup_printf (_("Receipt saved as %s"), name), g_free);
}

/**
 * pamong_request_receipt_save_pdf_async:
 *
 * Asks where to save @request's receipt and writes it there as PDF. Finish
 * with pamong_request_receipt_finish().
 */
void
pamong_request_receipt_save_pdf_async (GtkWindow            *parent,
                                       PamongStore          *store,
                                       PamongServiceRequest *request,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  SaveData *data = g_new0 (SaveData, 1);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  g_task_set_source_tag (task, pamong_request_receipt_save_pdf_async);
  data->receipt = pamong_request_receipt_build (store, request);
  data->chooser = gtk_file_chooser_native_new (_("Save Receipt"), parent,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (data->chooser), TRUE);
  /* Translators: the suggested file name of a receipt; %s is the tracking
   * number. "tanda-terima" is the Indonesian word for receipt. */
  name = g_strdup_printf (_("tanda-terima-%s.pdf"), pamong_service_request_get_tracking_number (request));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (data->chooser), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (data->chooser), filter);

  g_signal_connect (data->chooser, "response", G_CALLBACK (chooser_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (data->chooser));
}

/**
 * pamong_request_receipt_finish:
 *
 * Returns: (transfer full) (nullable): a message for the person, or %NULL
 * (without @error) when they cancelled
 */
char *
pamong_request_receipt_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
