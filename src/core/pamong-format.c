/* pamong-format.c — numbers and dates in the UI language
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pamong-format.h"

/* At most 18 significant digits fit a gint64. */
#define MAX_DIGITS 18

static const char *month_names[] = {
  NC_("month", "January"),
  NC_("month", "February"),
  NC_("month", "March"),
  NC_("month", "April"),
  NC_("month", "May"),
  NC_("month", "June"),
  NC_("month", "July"),
  NC_("month", "August"),
  NC_("month", "September"),
  NC_("month", "October"),
  NC_("month", "November"),
  NC_("month", "December"),
};

static const char *month_abbrevs[] = {
  NC_("month abbreviation", "Jan"),
  NC_("month abbreviation", "Feb"),
  NC_("month abbreviation", "Mar"),
  NC_("month abbreviation", "Apr"),
  NC_("month abbreviation", "May"),
  NC_("month abbreviation", "Jun"),
  NC_("month abbreviation", "Jul"),
  NC_("month abbreviation", "Aug"),
  NC_("month abbreviation", "Sep"),
  NC_("month abbreviation", "Oct"),
  NC_("month abbreviation", "Nov"),
  NC_("month abbreviation", "Dec"),
};

/* ISO 8601 order, as g_date_time_get_day_of_week(): Monday is 1. */
static const char *weekday_names[] = {
  NC_("weekday", "Monday"),
  NC_("weekday", "Tuesday"),
  NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"),
  NC_("weekday", "Friday"),
  NC_("weekday", "Saturday"),
  NC_("weekday", "Sunday"),
};

/**
 * pamong_format_round:
 * @value: a finite number
 * @decimals: how many decimals to keep, at most 9
 *
 * Rounds half up (half away from zero below 0) to @decimals places and
 * returns the result scaled by 10^@decimals: 3.275 with 2 gives 328.
 *
 * The rounding is on the decimal @value stands for: the shortest decimal
 * that converts back to the same double. So 3.495 gives 350 although the
 * double nearest to 3.495 is 3.49499999999999966…, which naive
 * floor (x * 100 + 0.5) would round down. The scaled result must fit in 18
 * digits.
 *
 * Returns: @value rounded, times 10^@decimals
 */
gint64
pamong_format_round (double value,
                     guint  decimals)
{
  char format[16];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char digits[MAX_DIGITS + 2];
  gboolean negative;
  const char *p;
  guint n_digits = 0;
  gint exponent;
  gint keep;
  gint64 result = 0;

  g_return_val_if_fail (isfinite (value), 0);
  g_return_val_if_fail (decimals <= 9, 0);

  if (value == 0.0)
    return 0;

  negative = value < 0.0;
  value = fabs (value);

  /* The shortest %e form that reads back as the same double: 17
   * significant digits always do. */
  for (guint precision = 0; precision <= 16; precision++)
    {
      g_snprintf (format, sizeof format, "%%.%ue", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  /* buffer is "d.ddde±x": collect the digits, then the exponent. */
  for (p = buffer; *p != '\0' && *p != 'e'; p++)
    if (g_ascii_isdigit (*p) && n_digits < sizeof digits - 1)
      digits[n_digits++] = *p;
  digits[n_digits] = '\0';
  g_assert (*p == 'e');
  exponent = (gint) g_ascii_strtoll (p + 1, NULL, 10);

  /* The digits before the point, then the decimals to keep. */
  keep = exponent + 1 + (gint) decimals;
  g_return_val_if_fail (keep <= MAX_DIGITS, 0);

  if (keep < 0)
    return 0;

  for (gint i = 0; i < keep; i++)
    result = result * 10 + ((guint) i < n_digits ? digits[i] - '0' : 0);

  if ((guint) keep < n_digits && digits[keep] >= '5')
    result += 1;

  return negative ? -result : result;
}

static void
append_grouped (GString *string,
                guint64  value)
{
  /* Translators: the thousands separator in numbers such as 27,000.
   * Indonesian and Javanese use "." (27.000). */
  const char *separator = C_("thousands separator", ",");
  char digits[32];
  gsize len;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);
  len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (string, separator);
      g_string_append_c (string, digits[i]);
    }
}

/**
 * pamong_format_decimal:
 * @value: a finite number
 * @decimals: how many decimals to show, at most 9
 *
 * Formats @value with exactly @decimals decimals, rounded half up (see
 * pamong_format_round()), with the UI language's decimal and thousands
 * separators: 1234.5 with 2 is "1,234.50" in English and "1.234,50" in
 * Indonesian and Javanese.
 *
 * Returns: (transfer full): the text
 */
char *
pamong_format_decimal (double value,
                       guint  decimals)
{
  GString *string;
  gint64 scaled;
  guint64 magnitude;
  guint64 unit = 1;

  g_return_val_if_fail (isfinite (value), g_strdup ("–"));
  g_return_val_if_fail (decimals <= 9, g_strdup ("–"));

  for (guint i = 0; i < decimals; i++)
    unit *= 10;

  scaled = pamong_format_round (value, decimals);
  magnitude = scaled < 0 ? -(guint64) scaled : (guint64) scaled;

  string = g_string_new (NULL);
  if (scaled < 0)
    g_string_append_c (string, '-');
  append_grouped (string, magnitude / unit);

  if (decimals > 0)
    {
      /* Translators: the decimal separator in numbers such as 3.27.
       * Indonesian and Javanese use "," (3,27). */
      g_string_append (string, C_("decimal separator", "."));
      g_string_append_printf (string, "%0*" G_GUINT64_FORMAT, (int) decimals, magnitude % unit);
    }

  return g_string_free (string, FALSE);
}

/**
 * pamong_format_index:
 * @index: an SPBE index
 *
 * Formats an index the way the regulation publishes it, with two decimals:
 * "3.27" in English, "3,27" in Indonesian and Javanese.
 *
 * Returns: (transfer full): the text
 */
char *
pamong_format_index (double index)
{
  return pamong_format_decimal (index, 2);
}

/**
 * pamong_format_integer:
 * @value: a whole number
 *
 * Formats @value with thousands grouping: "27,000" in English, "27.000" in
 * Indonesian and Javanese.
 *
 * Returns: (transfer full): the text
 */
char *
pamong_format_integer (gint64 value)
{
  GString *string = g_string_new (NULL);

  if (value < 0)
    g_string_append_c (string, '-');
  append_grouped (string, value < 0 ? -(guint64) value : (guint64) value);

  return g_string_free (string, FALSE);
}

/**
 * pamong_format_month_name:
 * @month: 1 (January) to 12
 *
 * Returns: (transfer none): the month's name in the UI language
 */
const char *
pamong_format_month_name (guint month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[month - 1]);
}

/**
 * pamong_format_month_abbrev:
 * @month: 1 (January) to 12
 *
 * Returns: (transfer none): the month's short name in the UI language
 */
const char *
pamong_format_month_abbrev (guint month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "month abbreviation", month_abbrevs[month - 1]);
}

/**
 * pamong_format_weekday_name:
 * @weekday: 1 (Monday) to 7 (Sunday), as g_date_time_get_day_of_week()
 *
 * Returns: (transfer none): the day's name in the UI language
 */
const char *
pamong_format_weekday_name (guint weekday)
{
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekday_names[weekday - 1]);
}

static char *
format_dmy (guint    day,
            guint    month,
            gint     year,
            guint    weekday,
            gboolean with_weekday,
            gboolean abbreviated)
{
  const char *month_text = abbreviated ? pamong_format_month_abbrev (month)
                                       : pamong_format_month_name (month);

  /* Day, month name, year is the order in English (en_GB), Indonesian and
   * Javanese alike. */
  if (with_weekday)
    return g_strdup_printf ("%s, %u %s %d", pamong_format_weekday_name (weekday),
                            day, month_text, year);

  return g_strdup_printf ("%u %s %d", day, month_text, year);
}

/**
 * pamong_format_date:
 * @date: a date and time, in the time zone to show it in
 * @with_weekday: whether to start with the day's name
 *
 * Formats the calendar date of @date with the UI language's month and day
 * names: "Friday, 27 November 2026" / "27 November 2026" in English,
 * "Jumat, 27 November 2026" in Indonesian, "Jemuwah, 27 November 2026" in
 * Javanese. The names are Pamong's own translations, never the C library's
 * LC_TIME (glibc has no Javanese locale).
 *
 * Returns: (transfer full): the text
 */
char *
pamong_format_date (GDateTime *date,
                    gboolean   with_weekday)
{
  g_return_val_if_fail (date != NULL, g_strdup (""));

  return format_dmy (g_date_time_get_day_of_month (date),
                     g_date_time_get_month (date),
                     g_date_time_get_year (date),
                     g_date_time_get_day_of_week (date),
                     with_weekday, FALSE);
}

/**
 * pamong_format_date_short:
 * @date: a date and time, in the time zone to show it in
 *
 * Formats the calendar date of @date compactly: "27 Nov 2026" in English,
 * "27 Nov 2026" in Indonesian too, "27 Agu 2026" for August.
 *
 * Returns: (transfer full): the text
 */
char *
pamong_format_date_short (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, g_strdup (""));

  return format_dmy (g_date_time_get_day_of_month (date),
                     g_date_time_get_month (date),
                     g_date_time_get_year (date),
                     g_date_time_get_day_of_week (date),
                     FALSE, TRUE);
}

static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
format_iso (const char *yyyy_mm_dd,
            gboolean    with_weekday,
            gboolean    abbreviated)
{
  GDate date;

  if (yyyy_mm_dd == NULL || *yyyy_mm_dd == '\0')
    return g_strdup ("");

  if (!parse_iso_date (yyyy_mm_dd, &date))
    return g_strdup (yyyy_mm_dd);

  return format_dmy (g_date_get_day (&date),
                     g_date_get_month (&date),
                     g_date_get_year (&date),
                     g_date_get_weekday (&date),
                     with_weekday, abbreviated);
}

/**
 * pamong_format_date_iso:
 * @yyyy_mm_dd: (nullable): a calendar date as stored, "2026-11-27"
 * @with_weekday: whether to start with the day's name
 *
 * Like pamong_format_date(), for a date field of a record.
 *
 * Returns: (transfer full): the text; "" for %NULL or "", and @yyyy_mm_dd
 *   itself when it is not a valid date, so the user still sees what is stored
 */
char *
pamong_format_date_iso (const char *yyyy_mm_dd,
                        gboolean    with_weekday)
{
  return format_iso (yyyy_mm_dd, with_weekday, FALSE);
}

/**
 * pamong_format_date_iso_short:
 * @yyyy_mm_dd: (nullable): a calendar date as stored, "2026-11-27"
 *
 * Like pamong_format_date_short(), for a date field of a record.
 *
 * Returns: (transfer full): the text; see pamong_format_date_iso()
 */
char *
pamong_format_date_iso_short (const char *yyyy_mm_dd)
{
  return format_iso (yyyy_mm_dd, FALSE, TRUE);
}
