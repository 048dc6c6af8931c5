/* pamong-nik.c — the Nomor Induk Kependudukan: parse, validate, make
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-region"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pamong-error.h"
#include "pamong-nik.h"

/*
 * A NIK is 16 digits PPRRSSDDMMYYXXXX: province, regency and kecamatan where
 * the number was issued, the date of birth (40 added to the day for women),
 * and a serial number that makes it unique. Nothing else is encoded: there
 * is no check digit, so a NIK that passes here may still not exist.
 */

static guint
two_digits (const char *p)
{
  return (guint) (p[0] - '0') * 10 + (guint) (p[1] - '0');
}

static void
today_local (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

/**
 * pamong_nik_parse:
 * @nik: the NIK as typed
 * @region: (nullable): the region the NIK must be from, or %NULL to check
 *   only its structure
 * @info: (out caller-allocates) (optional): what the NIK says
 * @error: return location for a #GError
 *
 * Like pamong_nik_parse_at() with today's local date.
 *
 * Returns: %TRUE if @nik is valid
 */
gboolean
pamong_nik_parse (const char     *nik,
                  PamongRegion   *region,
                  PamongNikInfo  *info,
                  GError        **error)
{
  GDate today;

  today_local (&today);

  return pamong_nik_parse_at (nik, region, &today, info, error);
}

/**
 * pamong_nik_parse_at:
 * @nik: the NIK as typed
 * @region: (nullable): the region the NIK must be from, or %NULL to check
 *   only its structure
 * @today: the date to judge the century against
 * @info: (out caller-allocates) (optional): what the NIK says
 * @error: return location for a #GError
 *
 * Checks a NIK and decodes it. The error message (%PAMONG_ERROR_INVALID_DATA)
 * says which digits are wrong and why.
 *
 * With a @region, the first four digits must be its province and regency
 * and digits 5–6 one of its kecamatan. Without one, only codes of "00" are
 * refused.
 *
 * A NIK stores two digits of the year. The century is chosen as 20YY when
 * that date is a real date not after @today, else 19YY: a NIK ending its
 * date in "10" is 2010, one in "90" is 1990. A holder born over 100 years
 * ago cannot be told apart from a child and is read as the child.
 *
 * Returns: %TRUE if @nik is valid
 */
gboolean
pamong_nik_parse_at (const char     *nik,
                     PamongRegion   *region,
                     const GDate    *today,
                     PamongNikInfo  *info,
                     GError        **error)
{
  guint position = 1;
  guint day_digits, day, month, year_digits, year, serial;
  char kecamatan_code[9];
  GDate birth;

  g_return_val_if_fail (region == NULL || PAMONG_IS_REGION (region), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (nik == NULL)
    nik = "";

  if (!g_utf8_validate (nik, -1, NULL) || g_utf8_strlen (nik, -1) != PAMONG_NIK_LENGTH)
    {
      glong length = g_utf8_validate (nik, -1, NULL) ? g_utf8_strlen (nik, -1) : (glong) strlen (nik);

      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   /* Translators: %ld is how many characters were typed */
                   _("A NIK has 16 digits; this one has %ld"), length);
      return FALSE;
    }

  for (const char *p = nik; *p; p = g_utf8_next_char (p), position++)
    {
      if (!g_ascii_isdigit (*p))
        {
          char character[7] = { 0 };

          g_unichar_to_utf8 (g_utf8_get_char (p), character);
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       /* Translators: %s is the character that is not a digit,
                        * %u its position counting from 1 */
                       _("A NIK has only digits; “%s” at position %u is not one"),
                       character, position);
          return FALSE;
        }
    }

  /* Digits 1–6: where the NIK was issued. */
  g_snprintf (kecamatan_code, sizeof kecamatan_code, "%.2s.%.2s.%.2s", nik, nik + 2, nik + 4);

  if (two_digits (nik) == 0 || two_digits (nik + 2) == 0 ||
      (region != NULL &&
       strncmp (pamong_region_get_code (region), kecamatan_code, 5) != 0))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   /* Translators: %s is the four digits of province and regency, e.g. 3316 */
                   _("The region code %.4s is not a regency/city in the data"), nik);
      return FALSE;
    }

  if (two_digits (nik + 4) == 0 ||
      (region != NULL && pamong_region_lookup_kecamatan (region, kecamatan_code) == NULL))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   /* Translators: %s is a kecamatan code, e.g. 33.16.99 */
                   _("The kecamatan code %s in digits 1–6 is not a kecamatan in the data"),
                   kecamatan_code);
      return FALSE;
    }

  /* Digits 7–12: DDMMYY, with 40 added to DD for women. */
  day_digits = two_digits (nik + 6);
  month = two_digits (nik + 8);
  year_digits = two_digits (nik + 10);
  day = day_digits > 40 ? day_digits - 40 : day_digits;

  g_date_clear (&birth, 1);
  year = 0;
  if (day >= 1 && day <= 31 && month >= 1 && month <= 12)
    {
      if (g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) (2000 + year_digits)))
        {
          g_date_set_dmy (&birth, (GDateDay) day, (GDateMonth) month, (GDateYear) (2000 + year_digits));
          if (g_date_compare (&birth, today) <= 0)
            year = 2000 + year_digits;
        }
      if (year == 0 &&
          g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) (1900 + year_digits)))
        year = 1900 + year_digits;
    }

  if (year == 0)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   /* Translators: %.2s-%.2s-%.2s are the day, month and year
                    * digits as written in the NIK, e.g. 31-02-90 */
                   _("The birth date %.2s-%.2s-%.2s in digits 7–12 is not a real date"),
                   nik + 6, nik + 8, nik + 10);
      return FALSE;
    }

  /* Digits 13–16: the serial number. */
  serial = (guint) g_ascii_strtoull (nik + 12, NULL, 10);
  if (serial == 0)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The serial number 0000 in digits 13–16 is not valid; serials start at 0001"));
      return FALSE;
    }

  if (info != NULL)
    {
      memset (info, 0, sizeof *info);
      info->sex = day_digits > 40 ? PAMONG_SEX_FEMALE : PAMONG_SEX_MALE;
      g_date_clear (&info->birth_date, 1);
      g_date_set_dmy (&info->birth_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
      memcpy (info->kecamatan_code, kecamatan_code, sizeof info->kecamatan_code);
      info->serial = serial;
    }

  return TRUE;
}

/**
 * pamong_nik_make:
 * @kecamatan_code: the kecamatan of issue, dotted ("33.16.09") or as six
 *   digits ("331609")
 * @birth_date: a valid date of birth
 * @sex: the holder's sex
 * @serial: 1..9999
 *
 * Builds the NIK these facts give. Used by the demo data; a real NIK is
 * only ever issued by Dukcapil.
 *
 * Returns: (transfer full): the 16-digit NIK
 */
char *
pamong_nik_make (const char  *kecamatan_code,
                 const GDate *birth_date,
                 PamongSex    sex,
                 guint        serial)
{
  char digits[7];
  guint n = 0;
  guint day;

  g_return_val_if_fail (kecamatan_code != NULL, NULL);
  g_return_val_if_fail (birth_date != NULL && g_date_valid (birth_date), NULL);
  g_return_val_if_fail (serial >= 1 && serial <= 9999, NULL);

  for (const char *p = kecamatan_code; *p; p++)
    {
      if (*p == '.')
        continue;
      g_return_val_if_fail (g_ascii_isdigit (*p) && n < 6, NULL);
      digits[n++] = *p;
    }
  g_return_val_if_fail (n == 6, NULL);
  digits[6] = '\0';

  day = g_date_get_day (birth_date) + (sex == PAMONG_SEX_FEMALE ? 40 : 0);

  return g_strdup_printf ("%s%02u%02u%02u%04u", digits, day,
                          (guint) g_date_get_month (birth_date),
                          (guint) (g_date_get_year (birth_date) % 100),
                          serial);
}
