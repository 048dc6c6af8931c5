/* pamong-calendar.h — working days: weekends, national holidays, cuti bersama
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pamong-service-type.h"

G_BEGIN_DECLS

/**
 * PamongDayKind:
 * @PAMONG_DAY_WORKING: Monday to Friday, not a holiday
 * @PAMONG_DAY_WEEKEND: Saturday or Sunday that is not also a holiday
 * @PAMONG_DAY_HOLIDAY: a hari libur nasional (on any day of the week)
 * @PAMONG_DAY_CUTI_BERSAMA: a cuti bersama day (collective leave, SKB 3 Menteri)
 *
 * What kind of day a date is for a government office.
 */
typedef enum
{
  PAMONG_DAY_WORKING,
  PAMONG_DAY_WEEKEND,
  PAMONG_DAY_HOLIDAY,
  PAMONG_DAY_CUTI_BERSAMA,
} PamongDayKind;

/**
 * PamongCalendar:
 *
 * The office's working-day calendar. Working days are Monday to Friday
 * (an assumption: spbe.md §0.6 found no source for the ASN working week)
 * minus the national holidays and cuti bersama of each year.
 *
 * Holidays come from one data file per year. The shipped files live in the
 * core GResource under RESOURCE_PREFIX "/holidays/<year>.json" (sources in
 * src/core/data/holidays/); a new year is added by dropping its file there
 * and listing it in src/core/pamong-requests.gresource.xml; or, without a
 * rebuild, by putting it in the user's data folder,
 * $XDG_DATA_HOME/pamong/holidays/<year>.json (~/.local/share/...), which
 * pamong_calendar_get_default() reads after the shipped years (a file there
 * replaces a shipped year); or at run time with
 * pamong_calendar_add_year_from_bytes(). The format:
 *
 * |[
 * { "year": 2026,
 *   "basis": "SKB 3 Menteri ...",
 *   "days": [ { "date": "2026-01-01", "name": "Tahun Baru 2026 Masehi", "kind": "holiday" },
 *             { "date": "2026-02-16", "name": "Cuti bersama ...", "kind": "cuti-bersama" } ] }
 * ]|
 *
 * Names are data (Indonesian, as the decree writes them), not translated.
 * For a year without a file only weekends are skipped;
 * pamong_calendar_has_year() tells the UI so it can warn.
 *
 * Due dates (pamong_calendar_add_working_days()): the day of submission does
 * NOT count. A standard of N working days ends on the N-th working day after
 * the submission date ("N hari kerja sejak berkas diterima"); the reference
 * gives no rule, so Pamong follows the usual reading of service standards.
 * A request submitted on a weekend or holiday therefore also gets N full
 * working days. The submission date is the date in Blora (WIB, UTC+7), not
 * the laptop's time zone, so every client computes the same due date.
 */
#define PAMONG_TYPE_CALENDAR (pamong_calendar_get_type ())
G_DECLARE_FINAL_TYPE (PamongCalendar, pamong_calendar, PAMONG, CALENDAR, GObject)

/* Constructors. _new() knows no holidays (weekends only); _load_default()
 * has every year shipped in the GResource; _get_default() returns a shared
 * instance of the latter (transfer none; read it from any thread, but do
 * not add years to it: load a calendar of your own for that). */
PamongCalendar *pamong_calendar_new                 (void);
PamongCalendar *pamong_calendar_load_default        (GError          **error);
PamongCalendar *pamong_calendar_get_default         (void);

/* Adds (or replaces) one year's holidays from a data file as shown above.
 * PAMONG_ERROR_INVALID_DATA with a message naming the entry on bad input;
 * on error the calendar is unchanged. */
gboolean        pamong_calendar_add_year_from_bytes (PamongCalendar   *self,
                                                     GBytes           *bytes,
                                                     GError          **error);
gboolean        pamong_calendar_add_year_from_file  (PamongCalendar   *self,
                                                     GFile            *file,
                                                     GError          **error);
/* Adds every "*.json" holiday file in @directory (e.g. 2027.json), in name
 * order; a missing directory is not an error. Stops at the first bad file
 * (its name in the message); the years before it stay added. */
gboolean        pamong_calendar_add_years_from_directory (PamongCalendar *self,
                                                     GFile            *directory,
                                                     GError          **error);
gboolean        pamong_calendar_has_year            (PamongCalendar   *self,
                                                     guint             year);
/* The years that have data, ascending; free with g_free(). */
guint          *pamong_calendar_list_years          (PamongCalendar   *self,
                                                     guint            *n_years);

PamongDayKind   pamong_calendar_get_day_kind        (PamongCalendar   *self,
                                                     const GDate      *date);
gboolean        pamong_calendar_is_working_day      (PamongCalendar   *self,
                                                     const GDate      *date);
/* The holiday's or cuti bersama's name, e.g. "Hari Suci Nyepi (Tahun Baru
 * Saka 1948)"; NULL for other days (weekends have no name). */
const char     *pamong_calendar_get_holiday_name    (PamongCalendar   *self,
                                                     const GDate      *date);

/* @result = the @days-th working day after @start (@start itself does not
 * count). @days == 0: @start if it is a working day, else the next one. */
void            pamong_calendar_add_working_days    (PamongCalendar   *self,
                                                     const GDate      *start,
                                                     guint             days,
                                                     GDate            *result);
/* Working days in (@from, @to]: after @from up to and including @to;
 * negative (the same count, negated) when @to is before @from. So
 * count (start, add_working_days (start, n)) == n. */
gint            pamong_calendar_count_working_days  (PamongCalendar   *self,
                                                     const GDate      *from,
                                                     const GDate      *to);

/* The date (in WIB) of an instant, e.g. a request's submitted-at. */
void            pamong_calendar_date_of             (GDateTime        *instant,
                                                     GDate            *result);
/* Today in WIB. */
void            pamong_calendar_today               (GDate            *result);

/* A request's due date as "YYYY-MM-DD" (the due-date field): the
 * standard-days of @service_type counted from @submitted_at's WIB date.
 * NULL when the service has no standard (standard-days <= 0). */
char           *pamong_calendar_compute_due_date    (PamongCalendar   *self,
                                                     GDateTime        *submitted_at,
                                                     PamongServiceType *service_type);
/* The same from a number of days; NULL when @standard_days <= 0. */
char           *pamong_calendar_compute_due_date_for_days (PamongCalendar *self,
                                                     GDateTime        *submitted_at,
                                                     gint              standard_days);

G_END_DECLS
