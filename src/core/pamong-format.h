/* pamong-format.h — numbers and dates in the UI language
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Formatting follows the UI language (gettext), never LC_NUMERIC or LC_TIME:
 * the separators and the month and weekday names are the project's own
 * translatable strings, because glibc has no Javanese locale and the user
 * picks the UI language independently of the system locale. English gives
 * "3.27", "27,000" and "Friday, 27 November 2026"; Indonesian and Javanese
 * give "3,27", "27.000" and "Jumat, 27 November 2026" /
 * "Jemuwah, 27 November 2026".
 *
 * Rounding is half up (half away from zero for negative values) on the
 * decimal the value stands for: the shortest decimal that reads back as the
 * same double, so 3.495 rounds to 3.50 although the double nearest to 3.495
 * lies just below it.
 */

gint64  pamong_format_round              (double       value,
                                          guint        decimals);

char   *pamong_format_decimal            (double       value,
                                          guint        decimals);
char   *pamong_format_index              (double       index);
char   *pamong_format_integer            (gint64       value);

char   *pamong_format_date               (GDateTime   *date,
                                          gboolean     with_weekday);
char   *pamong_format_date_short         (GDateTime   *date);
char   *pamong_format_date_iso           (const char  *yyyy_mm_dd,
                                          gboolean     with_weekday);
char   *pamong_format_date_iso_short     (const char  *yyyy_mm_dd);

const char *pamong_format_month_name     (guint        month);
const char *pamong_format_month_abbrev   (guint        month);
const char *pamong_format_weekday_name   (guint        weekday);

G_END_DECLS
