/* pamong-csv.c — RFC 4180 CSV and the application inventory as CSV
 *
 * The reader takes UTF-8 with or without a byte-order mark, CRLF or LF line
 * ends, quoted fields with doubled quotes, commas and line breaks inside
 * quotes. The writer quotes only what needs it, ends lines with CRLF, and
 * the export starts with a byte-order mark so spreadsheets read UTF-8.
 *
 * An application is a row whose columns are its field names. Enumerations
 * are written as their nicks ("active"), lists joined with "; " (a ";" or
 * "\" inside an item is escaped with "\"), units as their codes. A row with
 * a uuid updates that application; a row without one is a new application.
 * The import checks every row and reports every problem before it returns
 * a single record, so nothing is written from a file that has errors.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-csv"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pamong-csv.h"
#include "pamong-enum-types.h"
#include "pamong-error.h"
#include "pamong-format.h"
#include "pamong-unit.h"

/* Reader */

static void
end_field (GPtrArray *row,
           GString   *field)
{
  g_ptr_array_add (row, g_strndup (field->str, field->len));
  g_string_truncate (field, 0);
}

static GStrv
end_row (GPtrArray *row)
{
  g_ptr_array_add (row, NULL);
  return (GStrv) g_ptr_array_free (row, FALSE);
}

/**
 * pamong_csv_parse:
 * @data: the file's bytes
 * @length: their length, or -1 when @data ends with a NUL
 *
 * Returns: (transfer full) (element-type GStrv): the rows, each a
 * %NULL-terminated array of fields; a last empty line is not a row
 */
GPtrArray *
pamong_csv_parse (const char  *data,
                  gssize       length,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) field = g_string_new (NULL);
  GPtrArray *row = NULL;
  const char *p, *end, *invalid = NULL;
  gboolean quoted = FALSE, was_quoted = FALSE;
  guint row_number = 1, line = 1;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  if (!g_utf8_validate (data, length, &invalid))
    {
      g_autofree char *before = g_strndup (data, invalid - data);
      guint bad_line = 1;

      for (const char *q = before; *q != '\0'; q++)
        if (*q == '\n')
          bad_line++;
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The file is not UTF-8 text (line %u). Save it from the spreadsheet as “CSV UTF-8”."),
                   bad_line);
      return NULL;
    }

  p = data;
  end = data + length;
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  for (; p < end; p++)
    {
      char c = *p;

      if (row == NULL)
        row = g_ptr_array_new_with_free_func (g_free);

      if (quoted)
        {
          if (c == '"')
            {
              if (p + 1 < end && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else
                {
                  quoted = FALSE;
                }
            }
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      if (c == '"')
        {
          if (field->len > 0 || was_quoted)
            {
              g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("Row %u (line %u), field %u: a quote inside an unquoted field. Put the whole field in quotes and double the quote inside."),
                           row_number, line, row->len + 1);
              g_ptr_array_free (row, TRUE);
              return NULL;
            }
          quoted = TRUE;
          was_quoted = TRUE;
        }
      else if (c == ',')
        {
          end_field (row, field);
          was_quoted = FALSE;
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          end_field (row, field);
          g_ptr_array_add (rows, end_row (row));
          row = NULL;
          was_quoted = FALSE;
          row_number++;
          line++;
        }
      else
        {
          if (was_quoted)
            {
              g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("Row %u (line %u), field %u: text after the closing quote."),
                           row_number, line, row->len + 1);
              g_ptr_array_free (row, TRUE);
              return NULL;
            }
          g_string_append_c (field, c);
        }
    }

  if (quoted)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("Row %u: a quoted field is not closed before the end of the file."),
                   row_number);
      if (row != NULL)
        g_ptr_array_free (row, TRUE);
      return NULL;
    }
  if (row != NULL)
    {
      end_field (row, field);
      g_ptr_array_add (rows, end_row (row));
    }

  return g_steal_pointer (&rows);
}

/* Writer */

/**
 * pamong_csv_append_row:
 * @fields: the fields (a %NULL field is written empty)
 * @n_fields: how many, or -1 when @fields is %NULL-terminated
 *
 * Appends one row ending in CRLF to @out.
 */
void
pamong_csv_append_row (GString            *out,
                       const char * const *fields,
                       gssize              n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL);

  if (n_fields < 0)
    n_fields = (gssize) g_strv_length ((GStrv) fields);

  for (gssize i = 0; i < n_fields; i++)
    {
      const char *f = fields[i] != NULL ? fields[i] : "";
      /* Quoted also: a field starting with a byte-order mark, which a
       * reader would drop at the start of a file. */
      gboolean quote = strpbrk (f, ",\"\r\n") != NULL ||
                       g_str_has_prefix (f, "\xef\xbb\xbf") ||
                       (*f != '\0' && (g_ascii_isspace (f[0]) || g_ascii_isspace (f[strlen (f) - 1])));

      if (i > 0)
        g_string_append_c (out, ',');
      if (!quote)
        {
          g_string_append (out, f);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = f; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}

void
pamong_csv_error_free (PamongCsvError *error)
{
  if (error == NULL)
    return;
  g_free (error->column);
  g_free (error->message);
  g_free (error);
}

/* Checks */

/**
 * pamong_csv_url_is_valid:
 *
 * Returns: whether @url is an http or https address with a host
 */
gboolean
pamong_csv_url_is_valid (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL || *url == '\0')
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (uri) != NULL && strchr (g_uri_get_host (uri), '.') != NULL &&
         strpbrk (url, " \t\r\n") == NULL;
}

/** pamong_csv_year_is_valid: a year an application can have been built in */
gboolean
pamong_csv_year_is_valid (gint year)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return year >= 1960 && year <= g_date_time_get_year (now) + 1;
}

/** pamong_csv_date_is_valid: whether @date is a real day written YYYY-MM-DD */
gboolean
pamong_csv_date_is_valid (const char *date)
{
  guint y, m, d;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  y = (guint) atoi (date);
  m = (guint) atoi (date + 5);
  d = (guint) atoi (date + 8);
  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* Applications */

static const char * const application_columns[] = {
  "uuid", "name", "description", "function", "reference-code", "category", "basis",
  "supported-services", "data-used", "outputs", "server", "license",
  "programming-language", "framework", "database", "developer-unit", "operator-unit",
  "url", "year-built", "status", "plan", "plan-target", "plan-date", "plan-note",
  "updated-at", NULL,
};

/* Columns the import reads only for information. */
#define COLUMN_UUID       0
#define COLUMN_UPDATED_AT 24

/**
 * pamong_csv_application_columns:
 *
 * Returns: (transfer none): the header of an application file: "uuid", the
 * application's fields, "updated-at" (written, not read back)
 */
const char * const *
pamong_csv_application_columns (void)
{
  return application_columns;
}

static char *
join_list (const char * const *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "; ");
      for (const char *p = items[i]; *p != '\0'; p++)
        {
          if (*p == ';' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static GStrv
split_list (const char *text)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  GString *item = g_string_new (NULL);

  for (const char *p = text; ; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          g_string_append_c (item, *++p);
          continue;
        }
      if (*p == ';' || *p == '\0')
        {
          char *stripped = g_strstrip (g_strdup (item->str));

          if (*stripped != '\0')
            g_ptr_array_add (items, stripped);
          else
            g_free (stripped);
          g_string_truncate (item, 0);
          if (*p == '\0')
            break;
          continue;
        }
      g_string_append_c (item, *p);
    }
  g_string_free (item, TRUE);
  g_ptr_array_add (items, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&items), FALSE);
}

static char *
field_text (PamongApplication *app,
            const char        *column,
            GHashTable        *codes)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (app), column);
  g_auto(GValue) value = G_VALUE_INIT;

  if (g_str_equal (column, "uuid"))
    return g_strdup (pamong_record_get_uuid (PAMONG_RECORD (app)));
  if (g_str_equal (column, "updated-at"))
    return pamong_timestamp_format (pamong_record_get_updated_at (PAMONG_RECORD (app)));

  g_assert (pspec != NULL);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (app), column, &value);

  if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumValue *ev = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class, g_value_get_enum (&value));

      return g_strdup (ev != NULL ? ev->value_nick : "");
    }
  if (G_IS_PARAM_SPEC_INT (pspec))
    {
      gint n = g_value_get_int (&value);

      return n != 0 ? g_strdup_printf ("%d", n) : g_strdup ("");
    }
  if (pspec->value_type == G_TYPE_STRV)
    return join_list (g_value_get_boxed (&value));
  if (g_str_equal (column, "operator-unit") || g_str_equal (column, "developer-unit"))
    {
      const char *uuid = g_value_get_string (&value);
      const char *code = uuid != NULL ? g_hash_table_lookup (codes, uuid) : NULL;

      return g_strdup (code != NULL ? code : uuid != NULL ? uuid : "");
    }
  return g_strdup (g_value_get_string (&value) != NULL ? g_value_get_string (&value) : "");
}

/**
 * pamong_csv_export_applications:
 * @applications: (element-type PamongApplication): the rows, in order
 * @units: (nullable) (element-type PamongUnit): for writing unit codes
 *
 * Returns: (transfer full): the file: a byte-order mark, the header and a
 * row per application, CRLF line ends
 */
char *
pamong_csv_export_applications (GPtrArray *applications,
                                GPtrArray *units)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  GString *out = g_string_new ("\xEF\xBB\xBF");
  guint n_columns = g_strv_length ((GStrv) application_columns);

  g_return_val_if_fail (applications != NULL, g_string_free (out, FALSE));

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      PamongUnit *unit = g_ptr_array_index (units, i);

      if (pamong_unit_get_code (unit) != NULL && *pamong_unit_get_code (unit) != '\0')
        g_hash_table_insert (codes, (gpointer) pamong_record_get_uuid (PAMONG_RECORD (unit)),
                             (gpointer) pamong_unit_get_code (unit));
    }

  pamong_csv_append_row (out, application_columns, -1);
  for (guint i = 0; i < applications->len; i++)
    {
      PamongApplication *app = g_ptr_array_index (applications, i);
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

      for (guint c = 0; c < n_columns; c++)
        g_ptr_array_add (fields, field_text (app, application_columns[c], codes));
      pamong_csv_append_row (out, (const char * const *) fields->pdata, fields->len);
    }
  return g_string_free (out, FALSE);
}

static void
add_error (GPtrArray  *errors,
           guint       row,
           const char *column,
           char       *message)
{
  PamongCsvError *e = g_new0 (PamongCsvError, 1);

  e->row = row;
  e->column = g_strdup (column);
  if (column != NULL)
    /* Translators: a CSV import problem: row number, column name, what is wrong */
    e->message = g_strdup_printf (_("Row %u, column “%s”: %s"), row, column, message);
  else
    /* Translators: a CSV import problem: row number, what is wrong */
    e->message = g_strdup_printf (_("Row %u: %s"), row, message);
  g_free (message);
  g_ptr_array_add (errors, e);
}

static char *
enum_nicks (GEnumClass *klass)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, klass->values[i].value_nick);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_required (const char *column)
{
  static const char * const required[] = {
    "name", "category", "basis", "license", "operator-unit", "status", NULL };

  return g_strv_contains (required, column);
}

/* Sets @column of @app from @text, or adds an error. */
static void
read_field (PamongApplication *app,
            const char        *column,
            const char        *raw,
            GHashTable        *unit_uuids,
            guint              row,
            GPtrArray         *errors)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (app), column);
  g_autofree char *text = g_strstrip (g_strdup (raw));

  if (*text == '\0')
    {
      if (is_required (column))
        add_error (errors, row, column, g_strdup (_("a value is required.")));
      return;
    }

  if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      g_autofree char *lower = g_ascii_strdown (text, -1);
      GEnumValue *ev = g_enum_get_value_by_nick (klass, lower);

      if (ev == NULL)
        {
          g_autofree char *nicks = enum_nicks (klass);

          add_error (errors, row, column,
                     g_strdup_printf (_("“%s” is not one of %s."), text, nicks));
          return;
        }
      g_object_set (app, column, ev->value, NULL);
    }
  else if (G_IS_PARAM_SPEC_INT (pspec))
    {
      char *end = NULL;
      gint64 year = g_ascii_strtoll (text, &end, 10);

      if (end == NULL || *end != '\0' || year < G_MININT || year > G_MAXINT ||
          !pamong_csv_year_is_valid ((gint) year))
        {
          add_error (errors, row, column,
                     g_strdup_printf (_("“%s” is not a year between 1960 and next year."), text));
          return;
        }
      g_object_set (app, column, (gint) year, NULL);
    }
  else if (pspec->value_type == G_TYPE_STRV)
    {
      g_auto(GStrv) items = split_list (text);

      g_object_set (app, column, items, NULL);
    }
  else if (g_str_equal (column, "operator-unit") || g_str_equal (column, "developer-unit"))
    {
      const char *uuid = g_hash_table_lookup (unit_uuids, text);

      if (uuid == NULL)
        {
          add_error (errors, row, column,
                     g_strdup_printf (_("there is no unit with the code “%s”."), text));
          return;
        }
      g_object_set (app, column, uuid, NULL);
    }
  else if (g_str_equal (column, "url") && !pamong_csv_url_is_valid (text))
    {
      add_error (errors, row, column,
                 g_strdup_printf (_("“%s” is not a web address (https://…)."), text));
    }
  else if (g_str_equal (column, "plan-date") && !pamong_csv_date_is_valid (text))
    {
      add_error (errors, row, column,
                 g_strdup_printf (_("“%s” is not a date written YYYY-MM-DD."), text));
    }
  else
    {
      g_object_set (app, column, text, NULL);
    }
}

/**
 * pamong_csv_import_applications:
 * @data: the file
 * @length: its length, or -1 when NUL-terminated
 * @units: (element-type PamongUnit): the units the rows may name, by code
 *   or uuid
 * @row_errors: (out) (optional) (element-type PamongCsvError): every
 *   problem of every row, in order, when the rows have problems
 *
 * Reads every row. The records keep the file's uuid (a row without one gets
 * a new uuid); see pamong_csv_apply_application() for updating a stored one.
 *
 * Returns: (transfer full) (element-type PamongApplication): the
 * applications, or %NULL with @error set: %PAMONG_ERROR_INVALID_DATA for a
 * file that is not CSV, or for rows with problems (then in @row_errors)
 */
GPtrArray *
pamong_csv_import_applications (const char  *data,
                                gssize       length,
                                GPtrArray   *units,
                                GPtrArray  **row_errors,
                                GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) pamong_csv_error_free);
  g_autoptr(GPtrArray) apps = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) unit_uuids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree int *map = NULL;
  GStrv header;
  guint n_header;

  if (row_errors != NULL)
    *row_errors = NULL;

  rows = pamong_csv_parse (data, length, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The file is empty: it needs a header row naming the columns."));
      return NULL;
    }

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      PamongUnit *unit = g_ptr_array_index (units, i);
      const char *uuid = pamong_record_get_uuid (PAMONG_RECORD (unit));

      g_hash_table_insert (unit_uuids, (gpointer) uuid, (gpointer) uuid);
      if (pamong_unit_get_code (unit) != NULL)
        g_hash_table_insert (unit_uuids, (gpointer) pamong_unit_get_code (unit), (gpointer) uuid);
    }

  /* The header: every column known, each once, the required ones there. */
  header = g_ptr_array_index (rows, 0);
  n_header = g_strv_length (header);
  map = g_new (int, MAX (n_header, 1));
  for (guint c = 0; c < n_header; c++)
    {
      g_autofree char *name = g_strstrip (g_ascii_strdown (header[c], -1));

      map[c] = -1;
      for (guint k = 0; application_columns[k] != NULL; k++)
        if (g_str_equal (name, application_columns[k]))
          map[c] = (int) k;
      if (map[c] < 0)
        {
          add_error (errors, 1, NULL,
                     g_strdup_printf (_("the column “%s” is not an application field."), header[c]));
          continue;
        }
      for (guint d = 0; d < c; d++)
        if (map[d] == map[c])
          add_error (errors, 1, NULL,
                     g_strdup_printf (_("the column “%s” appears twice."), header[c]));
    }
  for (guint k = 0; application_columns[k] != NULL; k++)
    {
      gboolean present = FALSE;

      if (!is_required (application_columns[k]))
        continue;
      for (guint c = 0; c < n_header; c++)
        present |= map[c] == (int) k;
      if (!present)
        add_error (errors, 1, NULL,
                   g_strdup_printf (_("the required column “%s” is missing."), application_columns[k]));
    }

  if (errors->len == 0)
    for (guint r = 1; r < rows->len; r++)
      {
        GStrv fields = g_ptr_array_index (rows, r);
        guint n_fields = g_strv_length (fields);
        guint row = r + 1;
        g_autoptr(PamongApplication) app = NULL;
        guint before = errors->len;

        /* An empty line in the middle: a spreadsheet's blank row. */
        if (n_fields == 1 && *fields[0] == '\0')
          continue;
        if (n_fields != n_header)
          {
            add_error (errors, row, NULL,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "it has %u field, the header has %u.",
                                                     "it has %u fields, the header has %u.", n_fields),
                                        n_fields, n_header));
            continue;
          }

        app = pamong_application_new ();
        for (guint c = 0; c < n_header; c++)
          {
            const char *column = application_columns[map[c]];

            if (map[c] == COLUMN_UPDATED_AT)
              continue;
            if (map[c] == COLUMN_UUID)
              {
                const char *uuid = g_strstrip (fields[c]);
                g_autofree char *lower = g_ascii_strdown (uuid, -1);

                if (*uuid == '\0')
                  continue;
                if (!g_uuid_string_is_valid (uuid))
                  add_error (errors, row, column,
                             g_strdup_printf (_("“%s” is not a uuid; leave it empty for a new application."), uuid));
                else if (g_hash_table_contains (seen_uuids, lower))
                  add_error (errors, row, column,
                             g_strdup_printf (_("the uuid “%s” is on an earlier row too."), uuid));
                else
                  {
                    pamong_record_set_uuid (PAMONG_RECORD (app), lower);
                    g_hash_table_add (seen_uuids, g_steal_pointer (&lower));
                  }
                continue;
              }
            read_field (app, column, fields[c], unit_uuids, row, errors);
          }
        if (errors->len == before)
          g_ptr_array_add (apps, g_steal_pointer (&app));
      }

  if (errors->len > 0)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The file has %u problem; nothing was imported.",
                                "The file has %u problems; nothing was imported.", errors->len),
                   errors->len);
      if (row_errors != NULL)
        *row_errors = g_steal_pointer (&errors);
      return NULL;
    }

  return g_steal_pointer (&apps);
}

/**
 * pamong_csv_apply_application:
 * @target: a stored application
 * @from: the same application as a file has it
 *
 * Copies every field a file carries from @from to @target; the sync fields
 * of @target stay.
 */
void
pamong_csv_apply_application (PamongApplication *target,
                              PamongApplication *from)
{
  g_return_if_fail (PAMONG_IS_APPLICATION (target));
  g_return_if_fail (PAMONG_IS_APPLICATION (from));

  for (guint k = 0; application_columns[k] != NULL; k++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      GParamSpec *pspec;

      if (k == COLUMN_UUID || k == COLUMN_UPDATED_AT)
        continue;
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (from), application_columns[k]);
      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (from), application_columns[k], &value);
      g_object_set_property (G_OBJECT (target), application_columns[k], &value);
    }
}
