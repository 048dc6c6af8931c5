/* pamong-calendar.c — working days: weekends, national holidays, cuti bersama
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-calendar"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "pamong-calendar.h"
#include "pamong-error.h"
#include "pamong-requests-resources.h"

#define HOLIDAYS_PATH RESOURCE_PREFIX "/holidays"
#define WIB_OFFSET    (7 * 3600)

typedef struct
{
  PamongDayKind  kind;
  char          *name;
} Holiday;

struct _PamongCalendar
{
  GObject     parent_instance;

  GHashTable *days;    /* julian day -> Holiday* */
  GHashTable *years;   /* year -> year (a set) */
};

G_DEFINE_FINAL_TYPE (PamongCalendar, pamong_calendar, G_TYPE_OBJECT)

static void
holiday_free (gpointer data)
{
  Holiday *holiday = data;

  g_free (holiday->name);
  g_free (holiday);
}

static void
pamong_calendar_finalize (GObject *object)
{
  PamongCalendar *self = PAMONG_CALENDAR (object);

  g_clear_pointer (&self->days, g_hash_table_unref);
  g_clear_pointer (&self->years, g_hash_table_unref);

  G_OBJECT_CLASS (pamong_calendar_parent_class)->finalize (object);
}

static void
pamong_calendar_class_init (PamongCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pamong_calendar_finalize;
}

static void
pamong_calendar_init (PamongCalendar *self)
{
  self->days = g_hash_table_new_full (NULL, NULL, NULL, holiday_free);
  self->years = g_hash_table_new (NULL, NULL);
}

/**
 * pamong_calendar_new:
 *
 * A calendar that knows no holidays: only weekends are days off.
 *
 * Returns: (transfer full): a new #PamongCalendar
 */
PamongCalendar *
pamong_calendar_new (void)
{
  return g_object_new (PAMONG_TYPE_CALENDAR, NULL);
}

/**
 * pamong_calendar_load_default:
 * @error: return location for a #GError
 *
 * A calendar with every year's holidays shipped in Pamong's resources.
 *
 * Returns: (transfer full): a new #PamongCalendar, or %NULL on error
 */
PamongCalendar *
pamong_calendar_load_default (GError **error)
{
  g_autoptr(PamongCalendar) self = pamong_calendar_new ();
  g_auto(GStrv) names = NULL;
  GResource *resource = pamong_requests_get_resource ();

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  names = g_resource_enumerate_children (resource, HOLIDAYS_PATH, 0, error);
  if (names == NULL)
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", HOLIDAYS_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      bytes = g_resource_lookup_data (resource, path, 0, error);
      if (bytes == NULL || !pamong_calendar_add_year_from_bytes (self, bytes, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * pamong_calendar_get_default:
 *
 * The shared calendar of the shipped years, loaded on first use. The shipped
 * data is checked by the tests; should it fail to load anyway, a critical
 * warning is logged and a calendar without holidays is returned.
 *
 * Returns: (transfer none): the default #PamongCalendar
 */
PamongCalendar *
pamong_calendar_get_default (void)
{
  static PamongCalendar *calendar;

  if (g_once_init_enter (&calendar))
    {
      g_autoptr(GError) error = NULL;
      PamongCalendar *loaded = pamong_calendar_load_default (&error);

      g_autoptr(GFile) user_dir = NULL;

      if (loaded == NULL)
        {
          g_critical ("Could not load the holiday calendar: %s", error->message);
          loaded = pamong_calendar_new ();
          g_clear_error (&error);
        }

      /* years an administrator added without a rebuild */
      user_dir = g_file_new_build_filename (g_get_user_data_dir (), "pamong", "holidays", NULL);
      if (!pamong_calendar_add_years_from_directory (loaded, user_dir, &error))
        g_message ("Holiday files in %s: %s", g_file_peek_path (user_dir), error->message);

      g_once_init_leave (&calendar, loaded);
    }

  return calendar;
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * pamong_calendar_add_year_from_bytes:
 * @self: a #PamongCalendar
 * @bytes: a holiday file (see #PamongCalendar)
 * @error: return location for a #GError
 *
 * Adds one year's holidays and cuti bersama, replacing what the calendar
 * knew of that year. On error the calendar is unchanged.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_calendar_add_year_from_bytes (PamongCalendar  *self,
                                     GBytes          *bytes,
                                     GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) parsed = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *year_node;
  JsonNode *days_node;
  JsonArray *days;
  gint64 year;
  GHashTableIter iter;
  gpointer key, value;
  gsize length;
  const char *data;

  g_return_val_if_fail (PAMONG_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", (gssize) length, &local_error))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The holiday file is not valid JSON: %s"), local_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The holiday file must be a JSON object with “year” and “days”."));
      return FALSE;
    }
  object = json_node_get_object (root);

  year_node = json_object_get_member (object, "year");
  if (year_node == NULL || !JSON_NODE_HOLDS_VALUE (year_node)
      || json_node_get_value_type (year_node) != G_TYPE_INT64
      || (year = json_node_get_int (year_node)) < 1900 || year > 9999)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                           _("The holiday file needs a “year” between 1900 and 9999."));
      return FALSE;
    }

  days_node = json_object_get_member (object, "days");
  if (days_node == NULL || !JSON_NODE_HOLDS_ARRAY (days_node))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                   _("The holiday file of %u needs a “days” list."), (guint) year);
      return FALSE;
    }
  days = json_node_get_array (days_node);

  parsed = g_hash_table_new_full (NULL, NULL, NULL, holiday_free);
  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      JsonNode *node = json_array_get_element (days, i);
      JsonObject *entry;
      const char *date_text, *kind_text, *name;
      PamongDayKind kind;
      Holiday *holiday;
      GDate date;
      guint julian;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("Holidays of %u, entry %u: must be an object with “date”, “kind” and “name”."),
                       (guint) year, i + 1);
          return FALSE;
        }
      entry = json_node_get_object (node);
      date_text = member_string (entry, "date");
      kind_text = member_string (entry, "kind");
      name = member_string (entry, "name");

      if (!parse_date (date_text, &date) || g_date_get_year (&date) != year)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("Holidays of %u, entry %u: “date” must be a date of %u written YYYY-MM-DD."),
                       (guint) year, i + 1, (guint) year);
          return FALSE;
        }
      if (g_strcmp0 (kind_text, "holiday") == 0)
        kind = PAMONG_DAY_HOLIDAY;
      else if (g_strcmp0 (kind_text, "cuti-bersama") == 0)
        kind = PAMONG_DAY_CUTI_BERSAMA;
      else
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("Holidays of %u, entry %u: “kind” must be “holiday” or “cuti-bersama”."),
                       (guint) year, i + 1);
          return FALSE;
        }
      if (name == NULL || *name == '\0')
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                       _("Holidays of %u, entry %u: “name” is missing."), (guint) year, i + 1);
          return FALSE;
        }

      julian = g_date_get_julian (&date);
      holiday = g_hash_table_lookup (parsed, GUINT_TO_POINTER (julian));
      if (holiday != NULL)
        {
          /* two on one day: a holiday outranks cuti bersama; keep both names */
          char *joined = g_strdup_printf ("%s; %s", holiday->name, name);

          g_free (holiday->name);
          holiday->name = joined;
          if (kind == PAMONG_DAY_HOLIDAY)
            holiday->kind = kind;
          continue;
        }

      holiday = g_new0 (Holiday, 1);
      holiday->kind = kind;
      holiday->name = g_strdup (name);
      g_hash_table_insert (parsed, GUINT_TO_POINTER (julian), holiday);
    }

  /* replace the year */
  g_hash_table_iter_init (&iter, self->days);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, GPOINTER_TO_UINT (key));
      if (g_date_get_year (&date) == year)
        g_hash_table_iter_remove (&iter);
    }
  g_hash_table_iter_init (&iter, parsed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (self->days, key, value);
    }
  g_hash_table_add (self->years, GUINT_TO_POINTER ((guint) year));

  return TRUE;
}

/**
 * pamong_calendar_add_year_from_file:
 * @self: a #PamongCalendar
 * @file: a holiday file
 * @error: return location for a #GError
 *
 * As pamong_calendar_add_year_from_bytes(), from a file.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_calendar_add_year_from_file (PamongCalendar  *self,
                                    GFile           *file,
                                    GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (PAMONG_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return FALSE;

  return pamong_calendar_add_year_from_bytes (self, bytes, error);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * pamong_calendar_add_years_from_directory:
 * @self: a #PamongCalendar
 * @directory: a folder of holiday files
 * @error: return location for a #GError
 *
 * Adds every "*.json" file of @directory, in name order. A directory that
 * does not exist is not an error.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_calendar_add_years_from_directory (PamongCalendar  *self,
                                          GFile           *directory,
                                          GError         **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PAMONG_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  enumerator = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (enumerator == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (;;)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, error))
        return FALSE;
      if (info == NULL)
        break;
      if (g_str_has_suffix (g_file_info_get_name (info), ".json"))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (directory, g_ptr_array_index (names, i));

      if (!pamong_calendar_add_year_from_file (self, file, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       "%s: %s", (const char *) g_ptr_array_index (names, i), local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * pamong_calendar_has_year:
 * @self: a #PamongCalendar
 * @year: a year, e.g. 2026
 *
 * Returns: whether the calendar has holiday data for @year
 */
gboolean
pamong_calendar_has_year (PamongCalendar *self,
                          guint           year)
{
  g_return_val_if_fail (PAMONG_IS_CALENDAR (self), FALSE);

  return g_hash_table_contains (self->years, GUINT_TO_POINTER (year));
}

static gint
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/**
 * pamong_calendar_list_years:
 * @self: a #PamongCalendar
 * @n_years: (out): the number of years
 *
 * Returns: (transfer full) (array length=n_years): the years with holiday
 *   data, ascending
 */
guint *
pamong_calendar_list_years (PamongCalendar *self,
                            guint          *n_years)
{
  GHashTableIter iter;
  gpointer key;
  guint *years;
  guint n = 0;

  g_return_val_if_fail (PAMONG_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (n_years != NULL, NULL);

  years = g_new (guint, g_hash_table_size (self->years) + 1);
  g_hash_table_iter_init (&iter, self->years);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    years[n++] = GPOINTER_TO_UINT (key);
  qsort (years, n, sizeof (guint), compare_uint);

  *n_years = n;
  return years;
}

static PamongDayKind
day_kind (PamongCalendar *self,
          guint32         julian)
{
  Holiday *holiday = g_hash_table_lookup (self->days, GUINT_TO_POINTER (julian));

  if (holiday != NULL)
    return holiday->kind;

  /* julian day 1 (1 January of year 1) was a Monday; GDate's weekday is
   * julian mod 7 with Monday = 1 */
  return (julian - 1) % 7 >= 5 ? PAMONG_DAY_WEEKEND : PAMONG_DAY_WORKING;
}

/**
 * pamong_calendar_get_day_kind:
 * @self: a #PamongCalendar
 * @date: a valid date
 *
 * Returns: what kind of day @date is for an office
 */
PamongDayKind
pamong_calendar_get_day_kind (PamongCalendar *self,
                              const GDate    *date)
{
  g_return_val_if_fail (PAMONG_IS_CALENDAR (self), PAMONG_DAY_WORKING);
  g_return_val_if_fail (date != NULL && g_date_valid (date), PAMONG_DAY_WORKING);

  return day_kind (self, g_date_get_julian (date));
}

/**
 * pamong_calendar_is_working_day:
 * @self: a #PamongCalendar
 * @date: a valid date
 *
 * Returns: whether offices work on @date
 */
gboolean
pamong_calendar_is_working_day (PamongCalendar *self,
                                const GDate    *date)
{
  return pamong_calendar_get_day_kind (self, date) == PAMONG_DAY_WORKING;
}

/**
 * pamong_calendar_get_holiday_name:
 * @self: a #PamongCalendar
 * @date: a valid date
 *
 * Returns: (nullable): the holiday's or cuti bersama's name (data, as the
 *   decree writes it), or %NULL
 */
const char *
pamong_calendar_get_holiday_name (PamongCalendar *self,
                                  const GDate    *date)
{
  Holiday *holiday;

  g_return_val_if_fail (PAMONG_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  holiday = g_hash_table_lookup (self->days, GUINT_TO_POINTER (g_date_get_julian (date)));
  return holiday != NULL ? holiday->name : NULL;
}

/**
 * pamong_calendar_add_working_days:
 * @self: a #PamongCalendar
 * @start: a valid date (e.g. the day of submission)
 * @days: working days to add
 * @result: (out caller-allocates): the date
 *
 * Sets @result to the @days-th working day after @start; @start itself does
 * not count. With @days == 0: @start if it is a working day, otherwise the
 * next working day.
 */
void
pamong_calendar_add_working_days (PamongCalendar *self,
                                  const GDate    *start,
                                  guint           days,
                                  GDate          *result)
{
  guint32 julian;

  g_return_if_fail (PAMONG_IS_CALENDAR (self));
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (result != NULL);

  julian = g_date_get_julian (start);
  if (days == 0)
    {
      while (day_kind (self, julian) != PAMONG_DAY_WORKING)
        julian++;
    }
  else
    {
      while (days > 0)
        {
          julian++;
          if (day_kind (self, julian) == PAMONG_DAY_WORKING)
            days--;
        }
    }

  g_date_clear (result, 1);
  g_date_set_julian (result, julian);
}

/**
 * pamong_calendar_count_working_days:
 * @self: a #PamongCalendar
 * @from: a valid date
 * @to: a valid date
 *
 * Counts the working days after @from up to and including @to; when @to is
 * before @from, the working days after @to up to and including @from,
 * negated.
 *
 * Returns: the count
 */
gint
pamong_calendar_count_working_days (PamongCalendar *self,
                                    const GDate    *from,
                                    const GDate    *to)
{
  guint32 a, b;
  gint count = 0;

  g_return_val_if_fail (PAMONG_IS_CALENDAR (self), 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  a = g_date_get_julian (from);
  b = g_date_get_julian (to);
  for (guint32 d = MIN (a, b) + 1; d <= MAX (a, b); d++)
    if (day_kind (self, d) == PAMONG_DAY_WORKING)
      count++;

  return b >= a ? count : -count;
}

/**
 * pamong_calendar_date_of:
 * @instant: a time
 * @result: (out caller-allocates): its date in WIB (UTC+7), Blora's time
 */
void
pamong_calendar_date_of (GDateTime *instant,
                         GDate     *result)
{
  g_autoptr(GTimeZone) wib = g_time_zone_new_offset (WIB_OFFSET);
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (instant != NULL);
  g_return_if_fail (result != NULL);

  local = g_date_time_to_timezone (instant, wib);
  g_date_clear (result, 1);
  g_date_set_dmy (result, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
}

/**
 * pamong_calendar_today:
 * @result: (out caller-allocates): today's date in WIB
 */
void
pamong_calendar_today (GDate *result)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  pamong_calendar_date_of (now, result);
}

/**
 * pamong_calendar_compute_due_date_for_days:
 * @self: a #PamongCalendar
 * @submitted_at: when the request was submitted
 * @standard_days: the service standard in working days
 *
 * Returns: (transfer full) (nullable): the due date, "YYYY-MM-DD", or %NULL
 *   when @standard_days <= 0 (no standard)
 */
char *
pamong_calendar_compute_due_date_for_days (PamongCalendar *self,
                                           GDateTime      *submitted_at,
                                           gint            standard_days)
{
  GDate start, due;

  g_return_val_if_fail (PAMONG_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (submitted_at != NULL, NULL);

  if (standard_days <= 0)
    return NULL;

  pamong_calendar_date_of (submitted_at, &start);
  pamong_calendar_add_working_days (self, &start, (guint) standard_days, &due);

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (&due),
                          (guint) g_date_get_month (&due), (guint) g_date_get_day (&due));
}

/**
 * pamong_calendar_compute_due_date:
 * @self: a #PamongCalendar
 * @submitted_at: when the request was submitted
 * @service_type: the requested service
 *
 * The due date of a request for @service_type: its standard-days in working
 * days after the WIB date of @submitted_at.
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD", or %NULL when the
 *   service has no time standard
 */
char *
pamong_calendar_compute_due_date (PamongCalendar    *self,
                                  GDateTime         *submitted_at,
                                  PamongServiceType *service_type)
{
  g_return_val_if_fail (PAMONG_IS_SERVICE_TYPE (service_type), NULL);

  return pamong_calendar_compute_due_date_for_days (self, submitted_at,
                                                    pamong_service_type_get_standard_days (service_type));
}
