/* fuzz-nik.c — the NIK validator
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input: the text typed into the NIK field. A NIK the validator accepts must
 * be exactly the one its parts make again (region, birth date, sex,
 * serial); one it refuses must come with a message.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz-target.h"
#include "pamong-core.h"

static PamongRegion *region;
static GDate today;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  (void) argc;
  (void) argv;

  region = pamong_region_load_default (&error);
  if (region == NULL)
    g_error ("%s", error->message);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *made = NULL;
  PamongNikInfo info;

  if (!pamong_nik_parse_at (text, region, &today, &info, &error))
    {
      if (error == NULL || error->message == NULL || *error->message == '\0')
        abort ();
      return 0;
    }
  if (error != NULL || !g_date_valid (&info.birth_date))
    abort ();

  made = pamong_nik_make (info.kecamatan_code, &info.birth_date, info.sex, info.serial);
  if (g_strcmp0 (made, text) != 0)
    {
      g_printerr ("NIK %s was accepted but its parts make %s\n", text, made);
      abort ();
    }
  return 0;
}
