/* pamong-receipt.h — the tanda terima (receipt) of a service request, drawn with cairo + pango
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "pamong-service-request.h"
#include "pamong-service-type.h"

G_BEGIN_DECLS

/* A4 portrait in points (1/72 inch), the size pamong_receipt_write_pdf() uses. */
#define PAMONG_RECEIPT_PAGE_WIDTH  595.0
#define PAMONG_RECEIPT_PAGE_HEIGHT 842.0

/*
 * One page: the office's header, the tracking number large, the applicant
 * (name, NIK, phone, address), the service (name, kind, standard, cost),
 * the submission time, the due date, the requirements as a checklist, the
 * office's contact and a signature box. Labels are translated (the UI
 * language); names and the catalogue's texts are data.
 *
 * Usage from GTK: in GtkPrintOperation::draw-page, call
 *   pamong_receipt_draw_page (receipt, gtk_print_context_get_cairo_context (ctx),
 *                             gtk_print_context_get_width (ctx),
 *                             gtk_print_context_get_height (ctx));
 * with the operation's unit set to GTK_UNIT_POINTS (n_pages = 1).
 */
#define PAMONG_TYPE_RECEIPT (pamong_receipt_get_type ())
G_DECLARE_FINAL_TYPE (PamongReceipt, pamong_receipt, PAMONG, RECEIPT, GObject)

/* @service_type may be NULL (service and requirements then show "—"). The
 * receipt keeps references; later changes to the objects show on the next
 * draw. */
PamongReceipt *pamong_receipt_new                (PamongServiceRequest *request,
                                                  PamongServiceType    *service_type);
/* The office printed in the header and the contact block, e.g.
 * "Mal Pelayanan Publik Kabupaten Blora", "Jl. Blora–Cepu KM 5, Jepon",
 * "(0296) 531028". Defaults: "Pemerintah Kabupaten Blora", no address, no
 * contact. */
void           pamong_receipt_set_office         (PamongReceipt        *self,
                                                  const char           *name,
                                                  const char           *address,
                                                  const char           *contact);
/* Names shown instead of codes/uuids (each may be NULL): the unit handling
 * it, the kecamatan and the desa/kelurahan of the applicant's address. */
void           pamong_receipt_set_unit_name      (PamongReceipt        *self,
                                                  const char           *unit_name);
void           pamong_receipt_set_place_names    (PamongReceipt        *self,
                                                  const char           *kecamatan_name,
                                                  const char           *desa_name);

/* Draws the page with its top-left corner at the current origin of @cr,
 * @width x @height in @cr's user units (points), scaling fonts to fit. */
void           pamong_receipt_draw_page          (PamongReceipt        *self,
                                                  cairo_t              *cr,
                                                  double                width,
                                                  double                height);
/* Writes a one-page A4 PDF; a G_IO_ERROR when the file cannot be written. */
gboolean       pamong_receipt_write_pdf          (PamongReceipt        *self,
                                                  const char           *path,
                                                  GError              **error);

G_END_DECLS
