/* pamong-query.c — what a list of records shows: search, filters, order
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-store"

#include "config.h"

#include "pamong-record.h"
#include "pamong-store-private.h"

/*
 * A PamongQuery only describes a list; pamong_store_query() turns it into
 * SQL. Field names are checked there against the record type, so a query
 * can be built before the store is open. Values are always bound, never
 * written into the SQL text.
 */

G_DEFINE_BOXED_TYPE (PamongQuery, pamong_query, pamong_query_ref, pamong_query_unref)

static void
filter_clear (gpointer data)
{
  PamongQueryFilter *filter = data;

  g_clear_pointer (&filter->field, g_free);
  g_clear_pointer (&filter->string_value, g_free);
  g_clear_pointer (&filter->max_value, g_free);
  g_clear_pointer (&filter->values, g_strfreev);
}

/**
 * pamong_query_new:
 * @record_type: the #PamongRecord subtype to list
 *
 * Creates a query for every live record of @record_type, in the default
 * order: by name where the type has one, else the most recently updated
 * first. Tombstones are hidden unless pamong_query_set_include_deleted().
 *
 * Returns: (transfer full): a new query
 */
PamongQuery *
pamong_query_new (GType record_type)
{
  PamongQuery *self;

  g_return_val_if_fail (g_type_is_a (record_type, PAMONG_TYPE_RECORD), NULL);

  self = g_new0 (PamongQuery, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->record_type = record_type;
  self->filters = g_array_new (FALSE, TRUE, sizeof (PamongQueryFilter));
  g_array_set_clear_func (self->filters, filter_clear);

  return self;
}

/**
 * pamong_query_ref:
 * @self: a #PamongQuery
 *
 * Returns: (transfer full): @self
 */
PamongQuery *
pamong_query_ref (PamongQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * pamong_query_unref:
 * @self: (transfer full): a #PamongQuery
 */
void
pamong_query_unref (PamongQuery *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->sort_field, g_free);
  g_clear_pointer (&self->filters, g_array_unref);
  g_free (self);
}

/**
 * pamong_query_copy:
 * @self: a #PamongQuery
 *
 * Returns: (transfer full): an independent query equal to @self
 */
PamongQuery *
pamong_query_copy (PamongQuery *self)
{
  PamongQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = pamong_query_new (self->record_type);
  copy->search = g_strdup (self->search);
  copy->sort_field = g_strdup (self->sort_field);
  copy->sort_descending = self->sort_descending;
  copy->include_deleted = self->include_deleted;

  for (guint i = 0; i < self->filters->len; i++)
    {
      const PamongQueryFilter *filter = &g_array_index (self->filters, PamongQueryFilter, i);
      PamongQueryFilter dup = {
        g_strdup (filter->field), filter->kind,
        g_strdup (filter->string_value), filter->int_value,
        g_strdup (filter->max_value), g_strdupv (filter->values),
      };

      g_array_append_val (copy->filters, dup);
    }

  return copy;
}

GType
pamong_query_get_record_type (PamongQuery *self)
{
  g_return_val_if_fail (self != NULL, G_TYPE_INVALID);

  return self->record_type;
}

/**
 * pamong_query_set_search:
 * @self: a #PamongQuery
 * @text: (nullable): what the user typed, or %NULL for no search
 *
 * Keeps the records that match every word of @text. On applications and
 * service requests this is a full-text search where each word matches the
 * beginning of a word ("sri" finds "SRIKANDI"); on other collections it is
 * a case-insensitive substring match on the name. @text is never read as
 * search syntax: quotes, '*', "NEAR(" are just characters.
 */
void
pamong_query_set_search (PamongQuery *self,
                         const char  *text)
{
  g_return_if_fail (self != NULL);

  g_free (self->search);
  self->search = (text && *text) ? g_strdup (text) : NULL;
}

const char *
pamong_query_get_search (PamongQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->search;
}

/**
 * pamong_query_add_filter_string:
 * @self: a #PamongQuery
 * @field: a field (property) name, e.g. "operator-unit"
 * @value: (nullable): the value to match; an enum's nick, e.g. "active";
 *   %NULL matches an unset field
 *
 * Keeps the records whose @field equals @value. Filters add up (AND).
 */
void
pamong_query_add_filter_string (PamongQuery *self,
                                const char  *field,
                                const char  *value)
{
  PamongQueryFilter filter = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (field != NULL);

  filter.field = g_strdup (field);
  filter.kind = PAMONG_QUERY_FILTER_STRING;
  filter.string_value = g_strdup (value);
  g_array_append_val (self->filters, filter);
}

/**
 * pamong_query_add_filter_int:
 * @self: a #PamongQuery
 * @field: a field (property) name of an integer, boolean or enum field
 * @value: the value to match (0 or 1 for booleans, the enum value for enums)
 *
 * Keeps the records whose @field equals @value. Filters add up (AND).
 */
void
pamong_query_add_filter_int (PamongQuery *self,
                             const char  *field,
                             gint64       value)
{
  PamongQueryFilter filter = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (field != NULL);

  filter.field = g_strdup (field);
  filter.kind = PAMONG_QUERY_FILTER_INT;
  filter.int_value = value;
  g_array_append_val (self->filters, filter);
}

/**
 * pamong_query_add_filter_range:
 * @self: a #PamongQuery
 * @field: a field (property) name of a text, date or timestamp field, e.g.
 *   "due-date" or "submitted-at"
 * @min: (nullable): the smallest value kept, or %NULL for no lower bound
 * @max: (nullable): the largest value kept, or %NULL for no upper bound
 *
 * Keeps the records whose @field lies between @min and @max, both
 * included. Values are compared as the store holds them, byte by byte: a
 * date ("2026-05-01") and a timestamp ("2026-05-01T08:30:00.000Z", UTC,
 * always with milliseconds — see pamong_timestamp_format()) sort in time
 * order that way. For "before a day" give the day before as @max; for
 * "before an instant" the instant less a millisecond. A record whose
 * @field is unset is never in a range, even one open at both ends (which
 * keeps every record that has a value). Filters add up (AND).
 */
void
pamong_query_add_filter_range (PamongQuery *self,
                               const char  *field,
                               const char  *min,
                               const char  *max)
{
  PamongQueryFilter filter = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (field != NULL);

  filter.field = g_strdup (field);
  filter.kind = PAMONG_QUERY_FILTER_RANGE;
  filter.string_value = g_strdup (min);
  filter.max_value = g_strdup (max);
  g_array_append_val (self->filters, filter);
}

/**
 * pamong_query_add_filter_strings:
 * @self: a #PamongQuery
 * @field: a field (property) name of a text or enum field, e.g. "status"
 * @values: (array zero-terminated=1): the values to keep; enums by nick,
 *   e.g. { "submitted", "verified", "in-progress", NULL }
 *
 * Keeps the records whose @field equals one of @values (SQL's IN). An
 * empty @values keeps nothing; a record whose @field is unset is never
 * kept (use pamong_query_add_filter_string() with %NULL for those).
 * Filters add up (AND).
 */
void
pamong_query_add_filter_strings (PamongQuery        *self,
                                 const char         *field,
                                 const char * const *values)
{
  PamongQueryFilter filter = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (field != NULL);
  g_return_if_fail (values != NULL);

  filter.field = g_strdup (field);
  filter.kind = PAMONG_QUERY_FILTER_STRINGS;
  filter.values = g_strdupv ((char **) values);
  g_array_append_val (self->filters, filter);
}

void
pamong_query_clear_filters (PamongQuery *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->filters, 0);
}

guint
pamong_query_get_n_filters (PamongQuery *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->filters->len;
}

/**
 * pamong_query_set_sort:
 * @self: a #PamongQuery
 * @field: (nullable): the field to order by, or %NULL for the default
 * @descending: whether the largest value comes first
 *
 * Text is ordered without regard to ASCII case. Records with equal values
 * keep a stable order (the order they were stored in).
 */
void
pamong_query_set_sort (PamongQuery *self,
                       const char  *field,
                       gboolean     descending)
{
  g_return_if_fail (self != NULL);

  g_free (self->sort_field);
  self->sort_field = g_strdup (field);
  self->sort_descending = !!descending;
}

const char *
pamong_query_get_sort_field (PamongQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->sort_field;
}

gboolean
pamong_query_get_sort_descending (PamongQuery *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->sort_descending;
}

/**
 * pamong_query_set_include_deleted:
 * @self: a #PamongQuery
 * @include: whether to list tombstones too
 */
void
pamong_query_set_include_deleted (PamongQuery *self,
                                  gboolean     include)
{
  g_return_if_fail (self != NULL);

  self->include_deleted = !!include;
}

gboolean
pamong_query_get_include_deleted (PamongQuery *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->include_deleted;
}

/*
 * Splits the user's search text into words: runs of characters separated by
 * white space. A word without a letter or digit (a lone quote, '*', '-')
 * is dropped: it would match nothing the tokenizer indexes.
 */
char **
pamong_query_split_search (const char *text)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_new0 (char *, 1);

  parts = g_strsplit_set (text, " \t\n\r\f\v", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean has_alnum = FALSE;

      for (const char *p = parts[i]; *p; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          {
            has_alnum = TRUE;
            break;
          }

      if (has_alnum)
        g_ptr_array_add (words, g_strdup (parts[i]));
    }

  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}
