/* pamong-nik.h — the Nomor Induk Kependudukan: parse, validate, make
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pamong-region.h"

G_BEGIN_DECLS

#define PAMONG_NIK_LENGTH 16

/**
 * PamongSex:
 * @PAMONG_SEX_FEMALE: perempuan; the NIK's day of birth has 40 added
 * @PAMONG_SEX_MALE: laki-laki
 */
typedef enum
{
  PAMONG_SEX_FEMALE,
  PAMONG_SEX_MALE,
} PamongSex;

/**
 * PamongNikInfo:
 * @sex: the holder's sex, from the day digits
 * @birth_date: the date of birth (a valid #GDate); the century is inferred,
 *   see pamong_nik_parse_at()
 * @kecamatan_code: the kecamatan of issue, dotted, e.g. "33.16.09"
 * @serial: the last four digits, 1..9999
 *
 * What a NIK says about its holder.
 */
typedef struct
{
  PamongSex sex;
  GDate     birth_date;
  char      kecamatan_code[9];
  guint     serial;
} PamongNikInfo;

gboolean  pamong_nik_parse    (const char       *nik,
                               PamongRegion     *region,
                               PamongNikInfo    *info,
                               GError          **error);
gboolean  pamong_nik_parse_at (const char       *nik,
                               PamongRegion     *region,
                               const GDate      *today,
                               PamongNikInfo    *info,
                               GError          **error);
char     *pamong_nik_make     (const char       *kecamatan_code,
                               const GDate      *birth_date,
                               PamongSex         sex,
                               guint             serial);

G_END_DECLS
