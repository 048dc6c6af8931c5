/* pamong-request-receipt.h — printing a request's receipt, or saving it as PDF
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pamong-receipt.h"
#include "pamong-service-request.h"
#include "pamong-types.h"

G_BEGIN_DECLS

PamongReceipt *pamong_request_receipt_build          (PamongStore          *store,
                                                      PamongServiceRequest *request);
void           pamong_request_receipt_print_async    (GtkWindow            *parent,
                                                      PamongStore          *store,
                                                      PamongServiceRequest *request,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
void           pamong_request_receipt_save_pdf_async (GtkWindow            *parent,
                                                      PamongStore          *store,
                                                      PamongServiceRequest *request,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
char          *pamong_request_receipt_finish         (GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
