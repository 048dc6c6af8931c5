/* pamong-csv.h — RFC 4180 CSV and the application inventory as CSV
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pamong-application.h"

G_BEGIN_DECLS

/* The generic reader and writer. */
GPtrArray          *pamong_csv_parse                  (const char         *data,
                                                       gssize              length,
                                                       GError            **error);
void                pamong_csv_append_row             (GString            *out,
                                                       const char * const *fields,
                                                       gssize              n_fields);

/**
 * PamongCsvError:
 * @row: the row of the file, 1 for the header (a row that spans lines
 *   counts once, as a spreadsheet shows it)
 * @column: (nullable): the column's header, %NULL for the whole row
 * @message: what is wrong, translated, naming the row and the column
 */
typedef struct
{
  guint  row;
  char  *column;
  char  *message;
} PamongCsvError;

void                pamong_csv_error_free             (PamongCsvError     *error);

/* Field checks the form shares. */
gboolean            pamong_csv_url_is_valid           (const char         *url);
gboolean            pamong_csv_year_is_valid          (gint                year);
gboolean            pamong_csv_date_is_valid          (const char         *date);

/* Applications. @units (PamongUnit*) turn unit uuids into unit codes in the
 * file and back; uuids are read too. */
const char * const *pamong_csv_application_columns    (void);
char               *pamong_csv_export_applications    (GPtrArray          *applications,
                                                       GPtrArray          *units);
GPtrArray          *pamong_csv_import_applications    (const char         *data,
                                                       gssize              length,
                                                       GPtrArray          *units,
                                                       GPtrArray         **row_errors,
                                                       GError            **error);
void                pamong_csv_apply_application      (PamongApplication  *target,
                                                       PamongApplication  *from);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PamongCsvError, pamong_csv_error_free)

G_END_DECLS
