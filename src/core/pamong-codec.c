/* pamong-codec.c — records to and from JSON: the wire format
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pamong-codec.h"
#include "pamong-error.h"

/*
 * The codec is the single definition of the wire format, shared by the app
 * and the server. It knows no collection: it walks a record type's fields
 * (pamong_record_list_fields) and lets each param spec say how the value is
 * written. A field "plan-date" is the member "plan_date"; enums travel as
 * their nicks, timestamps as "2026-05-01T08:30:00.000Z", string arrays as
 * arrays. Decoding is strict, because what it reads comes from another
 * machine: every error names the collection and the field.
 */

/* How much of a bad value an error message quotes. */
#define QUOTE_MAX_CHARS 40

static void
encode_field (JsonBuilder  *builder,
              PamongRecord *record,
              GParamSpec   *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *member = pamong_record_field_column (pspec);
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_object_get_property (G_OBJECT (record), pspec->name, &value);
  json_builder_set_member_name (builder, member);

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (&value);

      if (text != NULL)
        json_builder_add_string_value (builder, text);
      else
        json_builder_add_null_value (builder);
    }
  else if (type == G_TYPE_INT)
    json_builder_add_int_value (builder, g_value_get_int (&value));
  else if (type == G_TYPE_INT64)
    json_builder_add_int_value (builder, g_value_get_int64 (&value));
  else if (type == G_TYPE_DOUBLE)
    json_builder_add_double_value (builder, g_value_get_double (&value));
  else if (type == G_TYPE_BOOLEAN)
    json_builder_add_boolean_value (builder, g_value_get_boolean (&value));
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (&value));

      if (enum_value != NULL)
        json_builder_add_string_value (builder, enum_value->value_nick);
      else
        {
          g_critical ("%s: field %s holds %d, which is not a %s",
                      pamong_record_get_collection (record), member,
                      g_value_get_enum (&value), g_type_name (type));
          json_builder_add_null_value (builder);
        }
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *timestamp = g_value_get_boxed (&value);

      if (timestamp != NULL)
        {
          g_autofree char *text = pamong_timestamp_format (timestamp);
          json_builder_add_string_value (builder, text);
        }
      else
        json_builder_add_null_value (builder);
    }
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (&value);

      json_builder_begin_array (builder);
      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        json_builder_add_string_value (builder, strv[i]);
      json_builder_end_array (builder);
    }
  else
    {
      g_critical ("%s: field %s has the type %s, which the codec cannot write",
                  pamong_record_get_collection (record), member, g_type_name (type));
      json_builder_add_null_value (builder);
    }
}

/**
 * pamong_codec_encode:
 * @record: a #PamongRecord
 *
 * Writes every field of @record that crosses the wire (not the local
 * bookkeeping fields) into a JSON object.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
pamong_codec_encode (PamongRecord *record)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree GParamSpec **fields = NULL;
  guint n_fields;

  g_return_val_if_fail (PAMONG_IS_RECORD (record), NULL);

  builder = json_builder_new ();
  fields = pamong_record_list_fields (G_OBJECT_TYPE (record), FALSE, &n_fields);

  json_builder_begin_object (builder);
  for (guint i = 0; i < n_fields; i++)
    encode_field (builder, record, fields[i]);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * pamong_codec_encode_string:
 * @record: a #PamongRecord
 *
 * Like pamong_codec_encode(), as compact JSON text.
 *
 * Returns: (transfer full): the JSON text of @record
 */
char *
pamong_codec_encode_string (PamongRecord *record)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (PAMONG_IS_RECORD (record), NULL);

  node = pamong_codec_encode (record);
  return json_to_string (node, FALSE);
}

/* A bad value as an error message quotes it: valid UTF-8, and short. */
static char *
quote_value (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) <= QUOTE_MAX_CHARS)
    return g_steal_pointer (&valid);

  {
    g_autofree char *head = g_utf8_substring (valid, 0, QUOTE_MAX_CHARS);
    return g_strconcat (head, "…", NULL);
  }
}

static gboolean
json_node_holds_type (JsonNode *node,
                      GType     value_type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == value_type;
}

static char *
list_enum_nicks (GEnumClass *enum_class)
{
  g_autoptr(GString) nicks = g_string_new (NULL);

  for (guint i = 0; i < enum_class->n_values; i++)
    {
      if (i > 0)
        g_string_append (nicks, ", ");
      g_string_append (nicks, enum_class->values[i].value_nick);
    }

  return g_string_free (g_steal_pointer (&nicks), FALSE);
}

static gboolean
is_uuid_field (GParamSpec *pspec)
{
  return (pspec->flags & PAMONG_PARAM_REF) != 0
         || (pspec->owner_type == PAMONG_TYPE_RECORD && strcmp (pspec->name, "uuid") == 0);
}

static gboolean
decode_string (const char  *collection,
               const char  *member,
               GParamSpec  *pspec,
               JsonNode    *node,
               GValue      *value,
               GError     **error)
{
  const char *text;

  if (!json_node_holds_type (node, G_TYPE_STRING))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   /* Translators: the first %s is a collection, e.g. "applications",
                    * the second one of its fields */
                   _("%s: field “%s” must be a string"),
                   collection, member);
      return FALSE;
    }

  text = json_node_get_string (node);

  /* json-glib 1.6 reads strings with GScanner, which also takes octal
   * escapes such as \202: a string it accepts need not be UTF-8 (found
   * by fuzz-codec; the record could not be encoded back). */
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("%s: field “%s” is not valid UTF-8 text"),
                   collection, member);
      return FALSE;
    }

  if ((pspec->flags & PAMONG_PARAM_REQUIRED) != 0 && text[0] == '\0')
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                   _("%s: field “%s” must not be empty"),
                   collection, member);
      return FALSE;
    }

  if ((pspec->flags & PAMONG_PARAM_DATE) != 0 && !pamong_date_is_valid (text))
    {
      g_autofree char *quoted = quote_value (text);

      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   /* Translators: the third %s is the bad value; keep YYYY-MM-DD as is */
                   _("%s: field “%s” must be a date written YYYY-MM-DD, not “%s”"),
                   collection, member, quoted);
      return FALSE;
    }

  if (is_uuid_field (pspec) && !g_uuid_string_is_valid (text))
    {
      g_autofree char *quoted = quote_value (text);

      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   /* Translators: the third %s is the bad value */
                   _("%s: field “%s” must be a uuid, not “%s”"),
                   collection, member, quoted);
      return FALSE;
    }

  g_value_set_string (value, text);
  return TRUE;
}

static gboolean
decode_integer (const char  *collection,
                const char  *member,
                GParamSpec  *pspec,
                JsonNode    *node,
                GValue      *value,
                GError     **error)
{
  gint64 number, minimum, maximum;

  if (!json_node_holds_type (node, G_TYPE_INT64))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("%s: field “%s” must be a whole number"),
                   collection, member);
      return FALSE;
    }

  if (G_IS_PARAM_SPEC_INT (pspec))
    {
      minimum = G_PARAM_SPEC_INT (pspec)->minimum;
      maximum = G_PARAM_SPEC_INT (pspec)->maximum;
    }
  else
    {
      minimum = G_PARAM_SPEC_INT64 (pspec)->minimum;
      maximum = G_PARAM_SPEC_INT64 (pspec)->maximum;
    }

  number = json_node_get_int (node);
  if (number < minimum || number > maximum)
    {
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, minimum);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, maximum);

      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   /* Translators: the third and fourth %s are the bounds */
                   _("%s: field “%s” must be between %s and %s"),
                   collection, member, low, high);
      return FALSE;
    }

  if (G_IS_PARAM_SPEC_INT (pspec))
    g_value_set_int (value, (gint) number);
  else
    g_value_set_int64 (value, number);
  return TRUE;
}

static gboolean
decode_double (const char  *collection,
               const char  *member,
               GParamSpec  *pspec,
               JsonNode    *node,
               GValue      *value,
               GError     **error)
{
  GParamSpecDouble *double_pspec = G_PARAM_SPEC_DOUBLE (pspec);
  double number;

  /* A writer may well send 3 for 3.0: json-glib reads it as an integer. */
  if (json_node_holds_type (node, G_TYPE_DOUBLE))
    number = json_node_get_double (node);
  else if (json_node_holds_type (node, G_TYPE_INT64))
    number = (double) json_node_get_int (node);
  else
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("%s: field “%s” must be a number"),
                   collection, member);
      return FALSE;
    }

  /* Written so that NaN fails too. */
  if (!(number >= double_pspec->minimum && number <= double_pspec->maximum))
    {
      char low[G_ASCII_DTOSTR_BUF_SIZE];
      char high[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (low, sizeof low, "%g", double_pspec->minimum);
      g_ascii_formatd (high, sizeof high, "%g", double_pspec->maximum);
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("%s: field “%s” must be between %s and %s"),
                   collection, member, low, high);
      return FALSE;
    }

  g_value_set_double (value, number);
  return TRUE;
}

static gboolean
decode_boolean (const char  *collection,
                const char  *member,
                JsonNode    *node,
                GValue      *value,
                GError     **error)
{
  if (!json_node_holds_type (node, G_TYPE_BOOLEAN))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("%s: field “%s” must be true or false"),
                   collection, member);
      return FALSE;
    }

  g_value_set_boolean (value, json_node_get_boolean (node));
  return TRUE;
}

static gboolean
decode_enum (const char  *collection,
             const char  *member,
             GParamSpec  *pspec,
             JsonNode    *node,
             GValue      *value,
             GError     **error)
{
  GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
  GEnumValue *enum_value = NULL;

  if (json_node_holds_type (node, G_TYPE_STRING))
    enum_value = g_enum_get_value_by_nick (enum_class, json_node_get_string (node));

  if (enum_value == NULL)
    {
      g_autofree char *nicks = list_enum_nicks (enum_class);

      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   /* Translators: the third %s is a list of the allowed values,
                    * e.g. "active, development, inactive, retired"; they stay
                    * in English */
                   _("%s: field “%s” must be one of %s"),
                   collection, member, nicks);
      return FALSE;
    }

  g_value_set_enum (value, enum_value->value);
  return TRUE;
}

static gboolean
decode_timestamp (const char  *collection,
                  const char  *member,
                  JsonNode    *node,
                  GValue      *value,
                  GError     **error)
{
  g_autoptr(GDateTime) timestamp = NULL;

  if (!json_node_holds_type (node, G_TYPE_STRING))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("%s: field “%s” must be a timestamp like 2026-05-01T08:30:00.000Z"),
                   collection, member);
      return FALSE;
    }

  timestamp = pamong_timestamp_parse (json_node_get_string (node));
  if (timestamp == NULL)
    {
      g_autofree char *quoted = quote_value (json_node_get_string (node));

      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   /* Translators: the third %s is the bad value */
                   _("%s: field “%s” must be a timestamp like 2026-05-01T08:30:00.000Z, not “%s”"),
                   collection, member, quoted);
      return FALSE;
    }

  g_value_set_boxed (value, timestamp);
  return TRUE;
}

static gboolean
decode_strv (const char  *collection,
             const char  *member,
             JsonNode    *node,
             GValue      *value,
             GError     **error)
{
  JsonArray *array;
  GStrv strv;
  guint length;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto not_strings;

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    if (!json_node_holds_type (json_array_get_element (array, i), G_TYPE_STRING) ||
        !g_utf8_validate (json_array_get_string_element (array, i), -1, NULL))
      goto not_strings;

  strv = g_new0 (char *, length + 1);
  for (guint i = 0; i < length; i++)
    strv[i] = g_strdup (json_array_get_string_element (array, i));
  g_value_take_boxed (value, strv);
  return TRUE;

not_strings:
  g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
               _("%s: field “%s” must be an array of strings"),
               collection, member);
  return FALSE;
}

static gboolean
decode_field (const char  *collection,
              const char  *member,
              GParamSpec  *pspec,
              JsonNode    *node,
              GValue      *value,
              GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    return decode_string (collection, member, pspec, node, value, error);
  if (type == G_TYPE_INT || type == G_TYPE_INT64)
    return decode_integer (collection, member, pspec, node, value, error);
  if (type == G_TYPE_DOUBLE)
    return decode_double (collection, member, pspec, node, value, error);
  if (type == G_TYPE_BOOLEAN)
    return decode_boolean (collection, member, node, value, error);
  if (G_TYPE_IS_ENUM (type))
    return decode_enum (collection, member, pspec, node, value, error);
  if (type == G_TYPE_DATE_TIME)
    return decode_timestamp (collection, member, node, value, error);
  if (type == G_TYPE_STRV)
    return decode_strv (collection, member, node, value, error);

  g_critical ("%s: field %s has the type %s, which the codec cannot read",
              collection, member, g_type_name (type));
  g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
               _("%s: field “%s” cannot be read"),
               collection, member);
  return FALSE;
}

static gboolean
type_is_nullable (GType type)
{
  return type == G_TYPE_STRING || type == G_TYPE_DATE_TIME || type == G_TYPE_STRV;
}

/**
 * pamong_codec_decode:
 * @record_type: the #PamongRecord subtype to read
 * @node: a JSON node, which must hold an object
 * @error: return location for a #GError
 *
 * Reads a record from its JSON object. Members the record type does not
 * know are ignored, so a newer server can add fields. A required field that
 * is absent, null or an empty string fails with %PAMONG_ERROR_MISSING_FIELD;
 * a field of the wrong type, out of range, an unknown enum nick, a malformed
 * timestamp, date or uuid fails with %PAMONG_ERROR_INVALID_DATA. An optional
 * field that is absent or null keeps its default.
 *
 * Returns: (transfer full) (nullable): a new record, or %NULL with @error set
 */
PamongRecord *
pamong_codec_decode (GType      record_type,
                     JsonNode  *node,
                     GError   **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree GParamSpec **fields = NULL;
  g_autofree const char **names = NULL;
  GValue *values;
  const char *collection;
  JsonObject *object;
  PamongRecord *record = NULL;
  guint n_fields;
  guint n_values = 0;

  g_return_val_if_fail (g_type_is_a (record_type, PAMONG_TYPE_RECORD), NULL);
  g_return_val_if_fail (!G_TYPE_IS_ABSTRACT (record_type), NULL);
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  klass = g_type_class_ref (record_type);
  collection = PAMONG_RECORD_CLASS (klass)->collection;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   /* Translators: %s is a collection, e.g. "applications" */
                   _("%s: a record must be a JSON object"),
                   collection);
      return NULL;
    }

  object = json_node_get_object (node);
  fields = pamong_record_list_fields (record_type, FALSE, &n_fields);
  names = g_new0 (const char *, n_fields);
  values = g_new0 (GValue, n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec = fields[i];
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      gboolean required = (pspec->flags & PAMONG_PARAM_REQUIRED) != 0;
      g_autofree char *member = pamong_record_field_column (pspec);
      JsonNode *member_node = json_object_get_member (object, member);

      if (member_node == NULL || JSON_NODE_HOLDS_NULL (member_node))
        {
          if (required)
            {
              if (member_node == NULL)
                g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                             _("%s: field “%s” is missing"),
                             collection, member);
              else
                g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                             _("%s: field “%s” must not be null"),
                             collection, member);
              goto out;
            }

          /* null clears a nullable field; otherwise the default stays */
          if (member_node == NULL || !type_is_nullable (type))
            continue;

          g_value_init (&values[n_values], type);
          names[n_values++] = pspec->name;
          continue;
        }

      g_value_init (&values[n_values], type);
      names[n_values] = pspec->name;
      if (!decode_field (collection, member, pspec, member_node, &values[n_values], error))
        {
          n_values++;
          goto out;
        }
      n_values++;
    }

  record = (PamongRecord *) g_object_new_with_properties (record_type, n_values, names, values);

out:
  for (guint i = 0; i < n_values; i++)
    g_value_unset (&values[i]);
  g_free (values);

  return record;
}

/**
 * pamong_codec_decode_string:
 * @record_type: the #PamongRecord subtype to read
 * @json: JSON text holding one object
 * @length: the length of @json in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Like pamong_codec_decode(), from JSON text. Text that is not JSON fails
 * with %PAMONG_ERROR_INVALID_DATA.
 *
 * Returns: (transfer full) (nullable): a new record, or %NULL with @error set
 */
PamongRecord *
pamong_codec_decode_string (GType        record_type,
                            const char  *json,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (g_type_is_a (record_type, PAMONG_TYPE_RECORD), NULL);
  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (record_type);

      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   /* Translators: the first %s is a collection, the second the
                    * parser's explanation */
                   _("%s: the record is not valid JSON: %s"),
                   PAMONG_RECORD_CLASS (klass)->collection, local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (record_type);

      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("%s: a record must be a JSON object"),
                   PAMONG_RECORD_CLASS (klass)->collection);
      return NULL;
    }

  return pamong_codec_decode (record_type, root, error);
}
