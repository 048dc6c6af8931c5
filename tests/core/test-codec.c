/* test-codec.c — records to and from JSON
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pamong-application.h"
#include "pamong-assessment.h"
#include "pamong-attachment.h"
#include "pamong-codec.h"
#include "pamong-collections.h"
#include "pamong-error.h"
#include "pamong-indicator-score.h"
#include "pamong-request-event.h"
#include "pamong-service-request.h"
#include "pamong-service-type.h"
#include "pamong-unit.h"

#include "pamong-test-records.h"

#define UNIT_UUID        "0b6c0f1e-4a52-4d0e-9d3b-6a1f0c2e5b71"
#define APPLICATION_UUID "5e2d8c43-1f7a-4b9e-8c6d-3a0b9e7f2d14"
#define ASSESSMENT_UUID  "a3f9e1c2-7b64-4d58-9e0a-1c2b3d4e5f60"
#define SERVICE_UUID     "c81d4fae-7dec-41d0-a765-00a0c91e6bf6"
#define REQUEST_UUID     "f47ac10b-58cc-4372-a567-0e02b2c3d479"

static const char *
collection_of (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  return PAMONG_RECORD_CLASS (klass)->collection;
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

/* Decodes @root as @type, expecting a refusal with @code whose message
 * names the collection and @member. */
static void
assert_refused (GType       type,
                JsonNode   *root,
                int         code,
                const char *member)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strconcat (collection_of (type), ": ", NULL);
  PamongRecord *record;

  record = pamong_codec_decode (type, root, &error);
  g_assert_null (record);
  g_assert_error (error, PAMONG_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  if (member != NULL)
    {
      g_autofree char *quoted = g_strdup_printf ("field “%s”", member);

      if (strstr (error->message, quoted) == NULL)
        g_error ("“%s” does not name %s", error->message, quoted);
    }
}

static PamongRecord *
round_trip (PamongRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = pamong_codec_encode_string (record);
  PamongRecord *decoded;

  decoded = pamong_codec_decode_string (G_OBJECT_TYPE (record), json, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decoded);
  g_assert_true (G_OBJECT_TYPE (decoded) == G_OBJECT_TYPE (record));

  return decoded;
}

static void
test_every_collection_round_trips (void)
{
  const GType *types;
  guint n_types;

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    for (guint variant = 0; variant <= 1; variant++)
      {
        g_autofree GParamSpec **fields = NULL;
        g_autoptr(JsonNode) node = NULL;
        PamongRecord *record = g_object_new (types[i], NULL);
        PamongRecord *decoded;
        JsonObject *object;
        guint n_fields;

        pamong_test_fill_record (record, variant);
        decoded = round_trip (record);

        g_assert_true (pamong_record_equal (record, decoded, FALSE));
        g_assert_cmpint (pamong_record_get_local_state (decoded), ==, PAMONG_LOCAL_STATE_SYNCED);
        g_assert_cmpint (pamong_record_get_base_rev (decoded), ==, 0);
        g_assert_cmpint (pamong_record_get_change_count (decoded), ==, 0);

        /* every wire field is written, under its column name */
        node = pamong_codec_encode (record);
        object = json_node_get_object (node);
        fields = pamong_record_list_fields (types[i], FALSE, &n_fields);
        g_assert_cmpuint (json_object_get_size (object), ==, n_fields);
        for (guint j = 0; j < n_fields; j++)
          {
            g_autofree char *member = pamong_record_field_column (fields[j]);
            g_assert_true (json_object_has_member (object, member));
          }

        g_assert_finalize_object (record);
        g_assert_finalize_object (decoded);
      }
}

static void
test_empty_record_round_trips_with_nulls (void)
{
  /* The optional fields of a fresh record are null or default; only the
   * required ones are filled. */
  const GType *types;
  guint n_types;

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autofree GParamSpec **fields = NULL;
      PamongRecord *record = g_object_new (types[i], NULL);
      PamongRecord *decoded;
      guint n_fields;

      fields = pamong_record_list_fields (types[i], FALSE, &n_fields);
      for (guint j = 0; j < n_fields; j++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          if ((fields[j]->flags & PAMONG_PARAM_REQUIRED) == 0)
            continue;
          pamong_test_field_value (fields[j], 1, &value);
          g_object_set_property (G_OBJECT (record), fields[j]->name, &value);
        }

      decoded = round_trip (record);
      g_assert_true (pamong_record_equal (record, decoded, FALSE));

      g_assert_finalize_object (record);
      g_assert_finalize_object (decoded);
    }
}

static void
test_local_fields_stay_off_the_wire (void)
{
  const GType *types;
  guint n_types;

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;
      PamongRecord *record = g_object_new (types[i], NULL);
      PamongRecord *decoded;
      JsonObject *object;

      pamong_test_fill_record (record, 0);
      pamong_record_set_local_state (record, PAMONG_LOCAL_STATE_CONFLICT);

      node = pamong_codec_encode (record);
      object = json_node_get_object (node);
      g_assert_false (json_object_has_member (object, "local_state"));
      g_assert_false (json_object_has_member (object, "base_rev"));
      g_assert_false (json_object_has_member (object, "change_count"));
      g_assert_false (json_object_has_member (object, "local-state"));

      /* and a peer cannot set them */
      json_object_set_string_member (object, "local_state", "conflict");
      json_object_set_int_member (object, "base_rev", 99);
      json_object_set_int_member (object, "change_count", 7);
      decoded = pamong_codec_decode (types[i], node, &error);
      g_assert_no_error (error);
      g_assert_cmpint (pamong_record_get_local_state (decoded), ==, PAMONG_LOCAL_STATE_SYNCED);
      g_assert_cmpint (pamong_record_get_base_rev (decoded), ==, 0);
      g_assert_cmpint (pamong_record_get_change_count (decoded), ==, 0);
      g_assert_true (pamong_record_equal (record, decoded, FALSE));

      g_assert_finalize_object (record);
      g_assert_finalize_object (decoded);
    }
}

static void
test_unknown_members_are_ignored (void)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  PamongRecord *record = g_object_new (PAMONG_TYPE_SERVICE_REQUEST, NULL);
  PamongRecord *decoded;
  JsonObject *object;

  pamong_test_fill_record (record, 0);
  node = pamong_codec_encode (record);
  object = json_node_get_object (node);
  json_object_set_string_member (object, "priority", "urgent");
  json_object_set_null_member (object, "assigned_officer");
  json_object_set_object_member (object, "geometry", json_object_new ());
  json_object_set_array_member (object, "tags", json_array_new ());

  decoded = pamong_codec_decode (PAMONG_TYPE_SERVICE_REQUEST, node, &error);
  g_assert_no_error (error);
  g_assert_true (pamong_record_equal (record, decoded, FALSE));

  g_assert_finalize_object (record);
  g_assert_finalize_object (decoded);
}

static void
test_root_must_be_an_object (void)
{
  const char * const not_objects[] = { "[]", "[{\"name\": \"SIMPEG\"}]", "42", "\"SIMPEG\"", "null", "true" };

  for (guint i = 0; i < G_N_ELEMENTS (not_objects); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = parse (not_objects[i]);

      assert_refused (PAMONG_TYPE_APPLICATION, node, PAMONG_ERROR_INVALID_DATA, NULL);

      g_assert_null (pamong_codec_decode_string (PAMONG_TYPE_APPLICATION, not_objects[i], -1, &error));
      g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, "applications: a record must be a JSON object");
    }
}

static void
test_malformed_json_is_refused (void)
{
  const char * const broken[] = { "", "{", "{\"name\": }", "{\"name\": \"SIMPEG\"} trailing", "\xff" };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (pamong_codec_decode_string (PAMONG_TYPE_UNIT, broken[i], -1, &error));
      g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
      g_assert_true (g_str_has_prefix (error->message, "units: "));
    }

  /* the length is respected: the text after it is not read */
  {
    g_autoptr(GError) error = NULL;
    PamongUnit *unit = pamong_unit_new ();
    PamongRecord *decoded;
    g_autofree char *json = NULL;
    g_autofree char *padded = NULL;

    pamong_unit_set_code (unit, "DISKOMINFO");
    pamong_unit_set_name (unit, "Dinas Komunikasi dan Informatika");
    json = pamong_codec_encode_string (PAMONG_RECORD (unit));
    padded = g_strconcat (json, "{garbage", NULL);

    decoded = pamong_codec_decode_string (PAMONG_TYPE_UNIT, padded, strlen (json), &error);
    g_assert_no_error (error);
    g_assert_true (pamong_record_equal (PAMONG_RECORD (unit), decoded, FALSE));
    g_assert_finalize_object (decoded);
    g_assert_finalize_object (unit);
  }
}

/* The JSON of a fully filled record of @type with @member replaced by
 * @replacement (or removed if it is NULL). */
static JsonNode *
filled_with (GType       type,
             const char *member,
             JsonNode   *replacement)
{
  PamongRecord *record = g_object_new (type, NULL);
  JsonNode *node;

  pamong_test_fill_record (record, 0);
  node = pamong_codec_encode (record);
  g_assert_finalize_object (record);

  if (replacement != NULL)
    json_object_set_member (json_node_get_object (node), member, replacement);
  else
    json_object_remove_member (json_node_get_object (node), member);

  return node;
}

static void
assert_bad_value (GType       type,
                  const char *member,
                  const char *bad_json,
                  int         code)
{
  g_autoptr(JsonNode) node = filled_with (type, member, parse (bad_json));

  assert_refused (type, node, code, member);
}

static void
check_ill_typed_values (GType       type,
                        GParamSpec *pspec,
                        const char *member)
{
  GType value_type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  gboolean required = (pspec->flags & PAMONG_PARAM_REQUIRED) != 0;
  const int invalid = PAMONG_ERROR_INVALID_DATA;

  if (value_type == G_TYPE_STRING)
    {
      assert_bad_value (type, member, "42", invalid);
      assert_bad_value (type, member, "true", invalid);
      assert_bad_value (type, member, "[\"a\"]", invalid);
      assert_bad_value (type, member, "{}", invalid);
      if (required)
        assert_bad_value (type, member, "\"\"", PAMONG_ERROR_MISSING_FIELD);
      if ((pspec->flags & PAMONG_PARAM_DATE) != 0)
        {
          assert_bad_value (type, member, "\"31-12-2026\"", invalid);
          assert_bad_value (type, member, "\"2026-02-29\"", invalid);
          assert_bad_value (type, member, "\"2026-12-31T00:00:00Z\"", invalid);
          assert_bad_value (type, member, "\"\"", required ? PAMONG_ERROR_MISSING_FIELD : invalid);
        }
      if ((pspec->flags & PAMONG_PARAM_REF) != 0 || g_str_equal (member, "uuid"))
        {
          assert_bad_value (type, member, "\"DISKOMINFO\"", invalid);
          assert_bad_value (type, member, "\"f47ac10b-58cc-4372-a567-0e02b2c3d47\"", invalid);
          assert_bad_value (type, member, "\"\"", required ? PAMONG_ERROR_MISSING_FIELD : invalid);
        }
    }
  else if (value_type == G_TYPE_INT || value_type == G_TYPE_INT64)
    {
      gint64 minimum, maximum;

      assert_bad_value (type, member, "\"12\"", invalid);
      assert_bad_value (type, member, "1.5", invalid);
      assert_bad_value (type, member, "2.0", invalid);
      assert_bad_value (type, member, "false", invalid);

      if (value_type == G_TYPE_INT)
        {
          minimum = G_PARAM_SPEC_INT (pspec)->minimum;
          maximum = G_PARAM_SPEC_INT (pspec)->maximum;
        }
      else
        {
          minimum = G_PARAM_SPEC_INT64 (pspec)->minimum;
          maximum = G_PARAM_SPEC_INT64 (pspec)->maximum;
        }

      if (minimum > G_MININT64)
        {
          g_autofree char *below = g_strdup_printf ("%" G_GINT64_FORMAT, minimum - 1);
          assert_bad_value (type, member, below, invalid);
        }
      if (maximum < G_MAXINT64)
        {
          g_autofree char *above = g_strdup_printf ("%" G_GINT64_FORMAT, maximum + 1);
          assert_bad_value (type, member, above, invalid);
        }
    }
  else if (value_type == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *d = G_PARAM_SPEC_DOUBLE (pspec);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      assert_bad_value (type, member, "\"1.5\"", invalid);
      assert_bad_value (type, member, "true", invalid);
      assert_bad_value (type, member, "[1.5]", invalid);

      g_ascii_dtostr (number, sizeof number, d->minimum - 0.5);
      assert_bad_value (type, member, number, invalid);
      g_ascii_dtostr (number, sizeof number, d->maximum + 0.5);
      assert_bad_value (type, member, number, invalid);
    }
  else if (value_type == G_TYPE_BOOLEAN)
    {
      assert_bad_value (type, member, "\"true\"", invalid);
      assert_bad_value (type, member, "1", invalid);
    }
  else if (G_TYPE_IS_ENUM (value_type))
    {
      assert_bad_value (type, member, "\"bogus\"", invalid);
      assert_bad_value (type, member, "0", invalid);
      assert_bad_value (type, member, "\"\"", invalid);
    }
  else if (value_type == G_TYPE_DATE_TIME)
    {
      assert_bad_value (type, member, "\"yesterday\"", invalid);
      assert_bad_value (type, member, "\"2026-05-01\"", invalid);
      assert_bad_value (type, member, "\"2026-13-01T08:30:00.000Z\"", invalid);
      assert_bad_value (type, member, "1777624200", invalid);
    }
  else if (value_type == G_TYPE_STRV)
    {
      assert_bad_value (type, member, "\"KTP\"", invalid);
      assert_bad_value (type, member, "[1, 2]", invalid);
      assert_bad_value (type, member, "[\"KTP\", null]", invalid);
      assert_bad_value (type, member, "{}", invalid);
    }
  else
    g_assert_not_reached ();
}

static void
test_ill_typed_fields_are_refused (void)
{
  const GType *types;
  guint n_types;

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autofree GParamSpec **fields = NULL;
      guint n_fields;

      fields = pamong_record_list_fields (types[i], FALSE, &n_fields);
      for (guint j = 0; j < n_fields; j++)
        {
          g_autofree char *member = pamong_record_field_column (fields[j]);

          check_ill_typed_values (types[i], fields[j], member);
        }
    }
}

static void
test_missing_required_fields_are_refused (void)
{
  const GType *types;
  guint n_types;
  guint n_required = 0;

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autofree GParamSpec **fields = NULL;
      guint n_fields;

      fields = pamong_record_list_fields (types[i], FALSE, &n_fields);
      for (guint j = 0; j < n_fields; j++)
        {
          g_autofree char *member = pamong_record_field_column (fields[j]);
          g_autoptr(JsonNode) absent = filled_with (types[i], member, NULL);
          g_autoptr(JsonNode) null = filled_with (types[i], member, json_node_new (JSON_NODE_NULL));

          if ((fields[j]->flags & PAMONG_PARAM_REQUIRED) != 0)
            {
              assert_refused (types[i], absent, PAMONG_ERROR_MISSING_FIELD, member);
              assert_refused (types[i], null, PAMONG_ERROR_MISSING_FIELD, member);
              n_required++;
            }
        }
    }

  /* the five sync fields of each collection and at least one of its own */
  g_assert_cmpuint (n_required, >=, n_types * 6);
}

static void
test_missing_optional_fields_keep_defaults (void)
{
  const GType *types;
  guint n_types;

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autofree GParamSpec **fields = NULL;
      guint n_fields;

      fields = pamong_record_list_fields (types[i], FALSE, &n_fields);
      for (guint j = 0; j < n_fields; j++)
        {
          g_autofree char *member = pamong_record_field_column (fields[j]);
          GType value_type = G_PARAM_SPEC_VALUE_TYPE (fields[j]);
          g_autoptr(JsonNode) absent = NULL;
          g_autoptr(JsonNode) null = NULL;
          g_autoptr(GError) error = NULL;
          g_auto(GValue) decoded_value = G_VALUE_INIT;
          g_auto(GValue) fresh_value = G_VALUE_INIT;
          GObject *fresh;
          PamongRecord *decoded;

          if ((fields[j]->flags & PAMONG_PARAM_REQUIRED) != 0)
            continue;

          fresh = g_object_new (types[i], NULL);
          g_object_get_property (fresh, fields[j]->name, &fresh_value);

          absent = filled_with (types[i], member, NULL);
          decoded = pamong_codec_decode (types[i], absent, &error);
          g_assert_no_error (error);
          g_object_get_property (G_OBJECT (decoded), fields[j]->name, &decoded_value);
          g_assert_true (pamong_test_values_equal (fields[j], &fresh_value, &decoded_value));
          g_assert_finalize_object (decoded);
          g_value_unset (&decoded_value);

          /* null means "no value": nullable fields become NULL */
          null = filled_with (types[i], member, json_node_new (JSON_NODE_NULL));
          decoded = pamong_codec_decode (types[i], null, &error);
          g_assert_no_error (error);
          g_object_get_property (G_OBJECT (decoded), fields[j]->name, &decoded_value);
          if (value_type == G_TYPE_STRING)
            g_assert_null (g_value_get_string (&decoded_value));
          else if (value_type == G_TYPE_DATE_TIME || value_type == G_TYPE_STRV)
            g_assert_null (g_value_get_boxed (&decoded_value));
          else
            g_assert_true (pamong_test_values_equal (fields[j], &fresh_value, &decoded_value));
          g_assert_finalize_object (decoded);

          g_assert_finalize_object (fresh);
        }
    }
}

static void
test_enum_error_lists_the_allowed_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = filled_with (PAMONG_TYPE_APPLICATION, "status", parse ("\"archived\""));

  g_assert_null (pamong_codec_decode (PAMONG_TYPE_APPLICATION, node, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==,
                   "applications: field “status” must be one of active, development, inactive, retired");
}

static void
test_error_messages_explain_the_problem (void)
{
  struct {
    GType type;
    const char *member;
    const char *bad;
    const char *message;
  } cases[] = {
    { PAMONG_TYPE_INDICATOR_SCORE, "level", "6", "indicator_scores: field “level” must be between 0 and 5" },
    { PAMONG_TYPE_SERVICE_REQUEST, "latitude", "-91", "service_requests: field “latitude” must be between -90 and 90" },
    { PAMONG_TYPE_ASSESSMENT, "year", "2026.5", "assessments: field “year” must be a whole number" },
    { PAMONG_TYPE_APPLICATION, "plan_date", "\"31/12/2026\"",
      "applications: field “plan_date” must be a date written YYYY-MM-DD, not “31/12/2026”" },
    { PAMONG_TYPE_ATTACHMENT, "owner", "\"SR-2026-000123\"",
      "attachments: field “owner” must be a uuid, not “SR-2026-000123”" },
    { PAMONG_TYPE_SERVICE_TYPE, "requirements", "\"KTP, KK\"",
      "service_types: field “requirements” must be an array of strings" },
    { PAMONG_TYPE_SERVICE_REQUEST, "has_location", "\"yes\"",
      "service_requests: field “has_location” must be true or false" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = filled_with (cases[i].type, cases[i].member, parse (cases[i].bad));

      g_assert_null (pamong_codec_decode (cases[i].type, node, &error));
      g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  /* a missing field */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) node = filled_with (PAMONG_TYPE_SERVICE_REQUEST, "submitted_at", NULL);

    g_assert_null (pamong_codec_decode (PAMONG_TYPE_SERVICE_REQUEST, node, &error));
    g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD);
    g_assert_cmpstr (error->message, ==, "service_requests: field “submitted_at” is missing");
  }

  /* a long bad value is cut short in the message */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *long_value = g_strnfill (500, 'x');
    g_autofree char *bad = g_strdup_printf ("\"%s\"", long_value);
    g_autoptr(JsonNode) node = filled_with (PAMONG_TYPE_APPLICATION, "operator_unit", parse (bad));

    g_assert_null (pamong_codec_decode (PAMONG_TYPE_APPLICATION, node, &error));
    g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
    g_assert_cmpuint (strlen (error->message), <, 200);
    g_assert_true (g_str_has_suffix (error->message, "…”"));
  }
}

static void
test_integer_is_accepted_for_a_number (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = filled_with (PAMONG_TYPE_ASSESSMENT, "target_index", parse ("3"));
  PamongRecord *decoded;

  decoded = pamong_codec_decode (PAMONG_TYPE_ASSESSMENT, node, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (pamong_assessment_get_target_index (PAMONG_ASSESSMENT (decoded)), ==, 3.0);
  g_assert_finalize_object (decoded);
}

static void
test_timestamps_are_written_in_utc (void)
{
  const char *json =
    "{\"uuid\": \"" REQUEST_UUID "\", \"rev\": 12,"
    " \"created_at\": \"2026-05-01T15:30:00+07:00\", \"updated_at\": \"2026-05-01T08:30:00.250Z\","
    " \"deleted\": false, \"tracking_number\": \"BLR-2026-000123\","
    " \"service_type\": \"" SERVICE_UUID "\", \"applicant_name\": \"Siti Aminah\","
    " \"status\": \"submitted\", \"submitted_at\": \"2026-05-01T15:30:00.5+07:00\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) encoded = NULL;
  g_autoptr(GDateTime) expected = g_date_time_new_utc (2026, 5, 1, 8, 30, 0);
  PamongRecord *decoded;
  JsonObject *object;

  decoded = pamong_codec_decode_string (PAMONG_TYPE_SERVICE_REQUEST, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (pamong_record_get_created_at (decoded), expected));

  encoded = pamong_codec_encode (decoded);
  object = json_node_get_object (encoded);
  g_assert_cmpstr (json_object_get_string_member (object, "created_at"), ==, "2026-05-01T08:30:00.000Z");
  g_assert_cmpstr (json_object_get_string_member (object, "updated_at"), ==, "2026-05-01T08:30:00.250Z");
  g_assert_cmpstr (json_object_get_string_member (object, "submitted_at"), ==, "2026-05-01T08:30:00.500Z");
  g_assert_true (json_object_get_null_member (object, "completed_at"));
  g_assert_true (json_object_get_null_member (object, "unit"));
  g_assert_cmpint (json_object_get_int_member (object, "rev"), ==, 12);

  g_assert_finalize_object (decoded);
}

/* Realistic records, one per collection, written by hand. */

static PamongRecord *
make_unit (void)
{
  PamongUnit *unit = pamong_unit_new ();

  pamong_record_set_uuid (PAMONG_RECORD (unit), UNIT_UUID);
  pamong_record_set_rev (PAMONG_RECORD (unit), 3);
  pamong_unit_set_code (unit, "DISKOMINFO");
  pamong_unit_set_name (unit, "Dinas Komunikasi dan Informatika");
  pamong_unit_set_short_name (unit, "Diskominfo");
  pamong_unit_set_kind (unit, PAMONG_UNIT_KIND_AGENCY);

  return PAMONG_RECORD (unit);
}

static PamongRecord *
make_application (void)
{
  const char * const services[] = { "Pengelolaan arsip dinamis", "Naskah dinas elektronik", NULL };
  const char * const data[] = { "Data pegawai", "Surat masuk", "Surat keluar", NULL };
  PamongApplication *app = pamong_application_new ();

  pamong_record_set_uuid (PAMONG_RECORD (app), APPLICATION_UUID);
  pamong_record_set_rev (PAMONG_RECORD (app), 118);
  pamong_application_set_name (app, "E-Surat Blora");
  pamong_application_set_description (app, "Tata naskah dinas elektronik untuk seluruh OPD.");
  pamong_application_set_function (app, "Membuat, mendisposisikan dan mengarsipkan surat dinas");
  pamong_application_set_reference_code (app, "01.02");
  pamong_application_set_category (app, PAMONG_APP_CATEGORY_KHUSUS);
  pamong_application_set_basis (app, PAMONG_APP_BASIS_WEB);
  pamong_application_set_supported_services (app, services);
  pamong_application_set_data_used (app, data);
  pamong_application_set_outputs (app, "Surat dinas bertanda tangan elektronik");
  pamong_application_set_server (app, "Pusat Data Kabupaten Blora");
  pamong_application_set_license (app, PAMONG_APP_LICENSE_OPEN_SOURCE);
  pamong_application_set_programming_language (app, "PHP");
  pamong_application_set_framework (app, "Laravel");
  pamong_application_set_database (app, "MariaDB");
  pamong_application_set_developer_unit (app, UNIT_UUID);
  pamong_application_set_operator_unit (app, UNIT_UUID);
  pamong_application_set_url (app, "https://esurat.blorakab.go.id");
  pamong_application_set_year_built (app, 2019);
  pamong_application_set_status (app, PAMONG_APP_STATUS_ACTIVE);
  pamong_application_set_plan (app, PAMONG_APP_PLAN_INTEGRATE);
  pamong_application_set_plan_target (app, "SRIKANDI");
  pamong_application_set_plan_date (app, "2026-12-31");
  pamong_application_set_plan_note (app, "Migrasi arsip ke SRIKANDI sebelum akhir tahun.");

  return PAMONG_RECORD (app);
}

static PamongRecord *
make_assessment (void)
{
  PamongAssessment *assessment = pamong_assessment_new ();

  pamong_record_set_uuid (PAMONG_RECORD (assessment), ASSESSMENT_UUID);
  pamong_assessment_set_year (assessment, 2026);
  pamong_assessment_set_framework (assessment, "p59-2020");
  pamong_assessment_set_title (assessment, "Evaluasi Mandiri SPBE 2026");
  pamong_assessment_set_status (assessment, PAMONG_REVIEW_STATUS_DRAFT);
  pamong_assessment_set_target_index (assessment, 3.5);

  return PAMONG_RECORD (assessment);
}

static PamongRecord *
make_indicator_score (void)
{
  PamongIndicatorScore *score = pamong_indicator_score_new ();

  pamong_indicator_score_set_assessment (score, ASSESSMENT_UUID);
  pamong_indicator_score_set_indicator (score, 12);
  pamong_indicator_score_set_level (score, 3);
  pamong_indicator_score_set_justification (score, "Peta rencana SPBE ditetapkan dengan Peraturan Bupati.");
  pamong_indicator_score_set_status (score, PAMONG_REVIEW_STATUS_FINAL);
  pamong_indicator_score_set_assessor (score, "budi.santoso");

  return PAMONG_RECORD (score);
}

static PamongRecord *
make_service_type (void)
{
  const char * const requirements[] = { "Fotokopi KTP", "Fotokopi KK", "Surat pengantar desa", NULL };
  PamongServiceType *service = pamong_service_type_new ();

  pamong_record_set_uuid (PAMONG_RECORD (service), SERVICE_UUID);
  pamong_service_type_set_code (service, "DUKCAPIL-KTP");
  pamong_service_type_set_name (service, "Penerbitan KTP-el");
  pamong_service_type_set_kind (service, PAMONG_SERVICE_KIND_REQUEST);
  pamong_service_type_set_unit (service, UNIT_UUID);
  pamong_service_type_set_requirements (service, requirements);
  pamong_service_type_set_standard_days (service, 14);
  pamong_service_type_set_cost (service, 0);
  pamong_service_type_set_legal_basis (service, "Perpres 96/2018");
  pamong_service_type_set_description (service, "Perekaman dan pencetakan KTP elektronik.");

  return PAMONG_RECORD (service);
}

static PamongRecord *
make_service_request (void)
{
  g_autoptr(GDateTime) submitted = g_date_time_new_utc (2026, 5, 1, 1, 15, 30.125);
  g_autoptr(GDateTime) completed = g_date_time_new_utc (2026, 5, 8, 6, 0, 0);
  PamongServiceRequest *request = pamong_service_request_new ();

  pamong_record_set_uuid (PAMONG_RECORD (request), REQUEST_UUID);
  pamong_record_set_deleted (PAMONG_RECORD (request), TRUE);
  pamong_service_request_set_tracking_number (request, "BLR-2026-000123");
  pamong_service_request_set_service_type (request, SERVICE_UUID);
  pamong_service_request_set_applicant_name (request, "Siti Aminah");
  pamong_service_request_set_applicant_nik (request, "3316094107900001");
  pamong_service_request_set_applicant_phone (request, "081234567890");
  pamong_service_request_set_address (request, "Jl. Pemuda No. 12, RT 02/RW 03");
  pamong_service_request_set_kecamatan_code (request, "33.16.09");
  pamong_service_request_set_desa_code (request, "33.16.09.1001");
  pamong_service_request_set_description (request, "KTP rusak, mohon dicetak ulang.");
  pamong_service_request_set_status (request, PAMONG_REQUEST_STATUS_COMPLETED);
  pamong_service_request_set_unit (request, UNIT_UUID);
  pamong_service_request_set_submitted_at (request, submitted);
  pamong_service_request_set_due_date (request, "2026-05-21");
  pamong_service_request_set_completed_at (request, completed);
  pamong_service_request_set_has_location (request, TRUE);
  pamong_service_request_set_latitude (request, -6.9698);
  pamong_service_request_set_longitude (request, 111.4186);

  return PAMONG_RECORD (request);
}

static PamongRecord *
make_request_event (void)
{
  PamongRequestEvent *event = pamong_request_event_new ();

  pamong_request_event_set_request (event, REQUEST_UUID);
  pamong_request_event_set_kind (event, PAMONG_EVENT_KIND_STATUS);
  pamong_request_event_set_from_status (event, PAMONG_REQUEST_STATUS_VERIFIED);
  pamong_request_event_set_to_status (event, PAMONG_REQUEST_STATUS_IN_PROGRESS);
  pamong_request_event_set_note (event, "Berkas lengkap, diteruskan ke bidang.");
  pamong_request_event_set_author (event, "petugas.dukcapil");

  return PAMONG_RECORD (event);
}

static PamongRecord *
make_attachment (void)
{
  PamongAttachment *attachment = pamong_attachment_new ();

  pamong_attachment_set_owner (attachment, REQUEST_UUID);
  pamong_attachment_set_owner_collection (attachment, "service_requests");
  pamong_attachment_set_filename (attachment, "ktp-rusak.jpg");
  pamong_attachment_set_content_type (attachment, "image/jpeg");
  pamong_attachment_set_size (attachment, 284311);
  pamong_attachment_set_sha256 (attachment, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

  return PAMONG_RECORD (attachment);
}

static void
test_realistic_records_round_trip (void)
{
  PamongRecord *(*makers[]) (void) = {
    make_unit, make_application, make_assessment, make_indicator_score,
    make_service_type, make_service_request, make_request_event, make_attachment,
  };
  const GType *types;
  guint n_types;

  types = pamong_collections_get_types (&n_types);
  g_assert_cmpuint (n_types, ==, G_N_ELEMENTS (makers));

  for (guint i = 0; i < G_N_ELEMENTS (makers); i++)
    {
      PamongRecord *record = makers[i] ();
      PamongRecord *decoded;

      g_assert_true (G_OBJECT_TYPE (record) == types[i]);
      decoded = round_trip (record);
      g_assert_true (pamong_record_equal (record, decoded, FALSE));

      g_assert_finalize_object (record);
      g_assert_finalize_object (decoded);
    }
}

static void
test_wire_form_of_an_application (void)
{
  PamongRecord *app = make_application ();
  g_autoptr(JsonNode) node = pamong_codec_encode (app);
  JsonObject *object = json_node_get_object (node);
  JsonArray *services;

  g_assert_cmpstr (json_object_get_string_member (object, "uuid"), ==, APPLICATION_UUID);
  g_assert_cmpint (json_object_get_int_member (object, "rev"), ==, 118);
  g_assert_false (json_object_get_boolean_member (object, "deleted"));
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "E-Surat Blora");
  g_assert_cmpstr (json_object_get_string_member (object, "reference_code"), ==, "01.02");
  g_assert_cmpstr (json_object_get_string_member (object, "category"), ==, "khusus");
  g_assert_cmpstr (json_object_get_string_member (object, "license"), ==, "open-source");
  g_assert_cmpstr (json_object_get_string_member (object, "plan"), ==, "integrate");
  g_assert_cmpstr (json_object_get_string_member (object, "plan_date"), ==, "2026-12-31");
  g_assert_cmpstr (json_object_get_string_member (object, "operator_unit"), ==, UNIT_UUID);
  g_assert_cmpint (json_object_get_int_member (object, "year_built"), ==, 2019);

  services = json_object_get_array_member (object, "supported_services");
  g_assert_cmpuint (json_array_get_length (services), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (services, 1), ==, "Naskah dinas elektronik");

  g_assert_finalize_object (app);
}

static void
test_wire_form_of_a_service_request (void)
{
  PamongRecord *request = make_service_request ();
  g_autoptr(JsonNode) node = pamong_codec_encode (request);
  JsonObject *object = json_node_get_object (node);

  g_assert_true (json_object_get_boolean_member (object, "deleted"));
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "completed");
  g_assert_cmpstr (json_object_get_string_member (object, "submitted_at"), ==, "2026-05-01T01:15:30.125Z");
  g_assert_cmpstr (json_object_get_string_member (object, "completed_at"), ==, "2026-05-08T06:00:00.000Z");
  g_assert_cmpstr (json_object_get_string_member (object, "desa_code"), ==, "33.16.09.1001");
  g_assert_cmpfloat (json_object_get_double_member (object, "latitude"), ==, -6.9698);
  g_assert_true (json_object_get_boolean_member (object, "has_location"));
  g_assert_true (json_object_get_null_member (object, "reject_reason"));

  g_assert_finalize_object (request);
}

static void
test_wire_form_of_an_event (void)
{
  PamongRecord *event = make_request_event ();
  g_autoptr(JsonNode) node = pamong_codec_encode (event);
  JsonObject *object = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "status");
  g_assert_cmpstr (json_object_get_string_member (object, "from_status"), ==, "verified");
  g_assert_cmpstr (json_object_get_string_member (object, "to_status"), ==, "in-progress");

  g_assert_finalize_object (event);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/codec/every-collection-round-trips", test_every_collection_round_trips);
  g_test_add_func ("/pamong/codec/empty-record-round-trips-with-nulls", test_empty_record_round_trips_with_nulls);
  g_test_add_func ("/pamong/codec/realistic-records-round-trip", test_realistic_records_round_trip);
  g_test_add_func ("/pamong/codec/wire-form-of-an-application", test_wire_form_of_an_application);
  g_test_add_func ("/pamong/codec/wire-form-of-a-service-request", test_wire_form_of_a_service_request);
  g_test_add_func ("/pamong/codec/wire-form-of-an-event", test_wire_form_of_an_event);
  g_test_add_func ("/pamong/codec/timestamps-are-written-in-utc", test_timestamps_are_written_in_utc);
  g_test_add_func ("/pamong/codec/local-fields-stay-off-the-wire", test_local_fields_stay_off_the_wire);
  g_test_add_func ("/pamong/codec/unknown-members-are-ignored", test_unknown_members_are_ignored);
  g_test_add_func ("/pamong/codec/root-must-be-an-object", test_root_must_be_an_object);
  g_test_add_func ("/pamong/codec/malformed-json-is-refused", test_malformed_json_is_refused);
  g_test_add_func ("/pamong/codec/missing-required-fields-are-refused", test_missing_required_fields_are_refused);
  g_test_add_func ("/pamong/codec/missing-optional-fields-keep-defaults", test_missing_optional_fields_keep_defaults);
  g_test_add_func ("/pamong/codec/ill-typed-fields-are-refused", test_ill_typed_fields_are_refused);
  g_test_add_func ("/pamong/codec/enum-error-lists-the-allowed-values", test_enum_error_lists_the_allowed_values);
  g_test_add_func ("/pamong/codec/error-messages-explain-the-problem", test_error_messages_explain_the_problem);
  g_test_add_func ("/pamong/codec/integer-is-accepted-for-a-number", test_integer_is_accepted_for_a_number);

  return g_test_run ();
}
