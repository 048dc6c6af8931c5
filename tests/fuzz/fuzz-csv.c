/* fuzz-csv.c — the CSV reader and the application import
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input: a file someone picked in the import dialog. The reader must accept
 * or refuse it with a message; rows it reads, written again with the
 * writer, must read back as the same rows. The application import must
 * answer every file with records, row errors or an error — never crash —
 * and every row error must name its row.
 */

#include "config.h"

#include <stdlib.h>

#include "fuzz-target.h"
#include "pamong-core.h"
#include "pamong-csv.h"

static GPtrArray *units;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(PamongUnit) unit = pamong_unit_new ();

  (void) argc;
  (void) argv;

  units = g_ptr_array_new_with_free_func (g_object_unref);
  pamong_unit_set_code (unit, "OPD.07");
  pamong_unit_set_name (unit, "Dinas Komunikasi dan Informatika");
  g_ptr_array_add (units, g_steal_pointer (&unit));
  return 0;
}

static void
check_round_trip (GPtrArray *rows)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < rows->len; i++)
    pamong_csv_append_row (out, (const char * const *) g_ptr_array_index (rows, i), -1);

  again = pamong_csv_parse (out->str, (gssize) out->len, &error);
  if (again == NULL)
    {
      g_printerr ("Written rows did not read back: %s\n%s\n", error->message, out->str);
      abort ();
    }
  if (again->len != rows->len)
    {
      g_printerr ("%u rows written, %u read back:\n%s\n", rows->len, again->len, out->str);
      abort ();
    }
  for (guint i = 0; i < rows->len; i++)
    if (!g_strv_equal (g_ptr_array_index (rows, i), g_ptr_array_index (again, i)))
      {
        g_printerr ("Row %u changed in a round trip:\n%s\n", i + 1, out->str);
        abort ();
      }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GError) error = NULL;

  rows = pamong_csv_parse ((const char *) data, (gssize) size, &error);
  if (rows == NULL)
    {
      if (error == NULL || *error->message == '\0')
        abort ();
    }
  else
    {
      g_ptr_array_set_free_func (rows, (GDestroyNotify) g_strfreev);
      check_round_trip (rows);
    }
  g_clear_error (&error);

  records = pamong_csv_import_applications ((const char *) data, (gssize) size, units,
                                            &row_errors, &error);
  if (records == NULL && (error == NULL || *error->message == '\0'))
    abort ();
  if (row_errors != NULL)
    for (guint i = 0; i < row_errors->len; i++)
      {
        PamongCsvError *row_error = g_ptr_array_index (row_errors, i);

        if (row_error->row == 0 || row_error->message == NULL || *row_error->message == '\0')
          abort ();
      }
  return 0;
}
