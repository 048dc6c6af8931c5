/* pamong-test-records.c — filling records with test values, for the core tests
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pamong-test-records.h"

/*
 * Values are chosen from the field's param spec alone, so every collection
 * (and any field added later) is covered without a list to keep up to date.
 * Variants 0 and 1 always differ from each other; numbers sit at the edges of
 * their ranges and strings carry non-ASCII text, where codecs tend to break.
 */

/**
 * pamong_test_field_value:
 * @pspec: a record field
 * @variant: 0 or 1
 * @value: an unset #GValue, initialised here to the field's type
 *
 * Stores a valid, non-trivial value for @pspec in @value.
 */
void
pamong_test_field_value (GParamSpec *pspec,
                         guint       variant,
                         GValue     *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_assert_cmpuint (variant, <=, 1);
  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    {
      if ((pspec->flags & PAMONG_PARAM_REF) != 0 || g_str_equal (pspec->name, "uuid"))
        g_value_take_string (value, g_uuid_string_random ());
      else if ((pspec->flags & PAMONG_PARAM_DATE) != 0)
        g_value_set_string (value, variant ? "2024-02-29" : "2026-12-31");
      else
        g_value_take_string (value, g_strdup_printf ("%s %u — “Cepu” ü \"quoted\"\n",
                                                     pspec->name, variant));
    }
  else if (type == G_TYPE_INT)
    g_value_set_int (value, G_PARAM_SPEC_INT (pspec)->maximum - (gint) variant);
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, G_PARAM_SPEC_INT64 (pspec)->maximum - (gint64) variant);
  else if (type == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *d = G_PARAM_SPEC_DOUBLE (pspec);
      double fraction = variant ? 0.123456789012345 : 0.987654321098765;

      g_value_set_double (value, d->minimum + (d->maximum - d->minimum) * fraction);
    }
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, variant == 0);
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;

      g_assert_cmpuint (enum_class->n_values, >=, 2);
      g_value_set_enum (value, enum_class->values[enum_class->n_values - 1 - variant].value);
    }
  else if (type == G_TYPE_DATE_TIME)
    g_value_take_boxed (value, g_date_time_new_utc (2026, 5, 1 + variant, 8, 30, 15.25));
  else if (type == G_TYPE_STRV)
    {
      const char * const first[] = { "Surat Pengantar RT/RW", "KTP ü", "", NULL };
      const char * const second[] = { "KK", NULL };

      g_value_set_boxed (value, variant ? second : first);
    }
  else
    g_assert_not_reached ();
}

/**
 * pamong_test_values_equal:
 * @pspec: a record field
 * @a: a value of @pspec's type
 * @b: a value of @pspec's type
 *
 * Returns: whether @a and @b hold the same field value
 */
gboolean
pamong_test_values_equal (GParamSpec   *pspec,
                          const GValue *a,
                          const GValue *b)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *da = g_value_get_boxed (a);
      GDateTime *db = g_value_get_boxed (b);

      return (da == NULL || db == NULL) ? da == db : g_date_time_equal (da, db);
    }

  if (type == G_TYPE_STRV)
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      return (sa == NULL || sb == NULL) ? sa == sb : g_strv_equal (sa, sb);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/**
 * pamong_test_fill_record:
 * @record: a #PamongRecord
 * @variant: 0 or 1
 *
 * Sets every wire field of @record to a test value, and the local fields to
 * values that differ from a fresh record's.
 */
void
pamong_test_fill_record (PamongRecord *record,
                         guint         variant)
{
  g_autofree GParamSpec **fields = NULL;
  guint n_fields;

  fields = pamong_record_list_fields (G_OBJECT_TYPE (record), FALSE, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      pamong_test_field_value (fields[i], variant, &value);
      g_object_set_property (G_OBJECT (record), fields[i]->name, &value);
    }

  pamong_record_set_local_state (record, PAMONG_LOCAL_STATE_MODIFIED);
  pamong_record_set_base_rev (record, 41 + variant);
  pamong_record_set_change_count (record, 3 + variant);
}
