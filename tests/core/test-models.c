/* test-models.c — the record models and the collections registry
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pamong-application.h"
#include "pamong-assessment.h"
#include "pamong-attachment.h"
#include "pamong-collections.h"
#include "pamong-indicator-score.h"
#include "pamong-request-event.h"
#include "pamong-service-request.h"
#include "pamong-service-type.h"
#include "pamong-unit.h"

#include "pamong-test-records.h"

/*
 * The fields of each collection as the team contract lists them, in order.
 * A field is "name:T" with T its type (s string, i gint, l gint64, d gdouble,
 * b gboolean, e enum, t GDateTime, v strv), then flags: ! required, @ a
 * reference to another record, # a date.
 */
static const struct {
  const char *collection;
  const char *fields;
} contract[] = {
  { "units", "code:s! name:s! short-name:s kind:e!" },
  { "applications",
    "name:s! description:s function:s reference-code:s category:e! basis:e! "
    "supported-services:v data-used:v outputs:s server:s license:e! "
    "programming-language:s framework:s database:s developer-unit:s@ "
    "operator-unit:s@! url:s year-built:i status:e! plan:e! plan-target:s "
    "plan-date:s# plan-note:s" },
  { "assessments", "year:i! framework:s! title:s status:e! target-index:d" },
  { "indicator_scores",
    "assessment:s@! indicator:i! level:i justification:s status:e! assessor:s" },
  { "service_types",
    "code:s! name:s! kind:e! unit:s@! requirements:v standard-days:i cost:l "
    "legal-basis:s description:s" },
  { "service_requests",
    "tracking-number:s! service-type:s@! applicant-name:s! applicant-nik:s "
    "applicant-phone:s address:s kecamatan-code:s desa-code:s description:s "
    "status:e! unit:s@ submitted-at:t! due-date:s# completed-at:t "
    "reject-reason:s has-location:b latitude:d longitude:d" },
  { "request_events",
    "request:s@! kind:e! from-status:e to-status:e note:s author:s" },
  { "attachments",
    "owner:s@! owner-collection:s! filename:s! content-type:s size:l sha256:s!" },
};

static char
type_letter (GParamSpec *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    return 's';
  if (type == G_TYPE_INT)
    return 'i';
  if (type == G_TYPE_INT64)
    return 'l';
  if (type == G_TYPE_DOUBLE)
    return 'd';
  if (type == G_TYPE_BOOLEAN)
    return 'b';
  if (G_TYPE_IS_ENUM (type))
    return 'e';
  if (type == G_TYPE_DATE_TIME)
    return 't';
  if (type == G_TYPE_STRV)
    return 'v';
  return '?';
}

static char *
describe_field (GParamSpec *pspec)
{
  return g_strdup_printf ("%s:%c%s%s%s", pspec->name, type_letter (pspec),
                          (pspec->flags & PAMONG_PARAM_REF) ? "@" : "",
                          (pspec->flags & PAMONG_PARAM_DATE) ? "#" : "",
                          (pspec->flags & PAMONG_PARAM_REQUIRED) ? "!" : "");
}

static void
test_collections_are_registered_in_sync_order (void)
{
  const GType *types;
  guint n_types = 0;

  types = pamong_collections_get_types (&n_types);
  g_assert_cmpuint (n_types, ==, G_N_ELEMENTS (contract));
  g_assert_true (types[n_types] == G_TYPE_INVALID);

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GObject) record = g_object_new (types[i], NULL);

      g_assert_cmpstr (pamong_record_get_collection (PAMONG_RECORD (record)), ==,
                       contract[i].collection);
      g_assert_true (pamong_collections_lookup (contract[i].collection) == types[i]);
    }

  g_assert_true (pamong_collections_get_types (NULL) == types);
  g_assert_true (types[1] == PAMONG_TYPE_APPLICATION);
  g_assert_true (types[7] == PAMONG_TYPE_ATTACHMENT);
}

static void
test_unknown_collection_is_not_found (void)
{
  g_assert_true (pamong_collections_lookup ("applications") == PAMONG_TYPE_APPLICATION);
  g_assert_true (pamong_collections_lookup ("application") == G_TYPE_INVALID);
  g_assert_true (pamong_collections_lookup ("Applications") == G_TYPE_INVALID);
  g_assert_true (pamong_collections_lookup ("") == G_TYPE_INVALID);
}

static void
test_fields_match_the_contract (void)
{
  const GType *types = pamong_collections_get_types (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (contract); i++)
    {
      g_autofree GParamSpec **fields = NULL;
      g_autoptr(GString) described = g_string_new (NULL);
      guint n_fields;

      fields = pamong_record_list_fields (types[i], FALSE, &n_fields);

      /* uuid, rev, created-at, updated-at and deleted come first */
      g_assert_cmpuint (n_fields, >, 5);
      g_assert_cmpstr (fields[4]->name, ==, "deleted");

      for (guint j = 5; j < n_fields; j++)
        {
          g_autofree char *field = describe_field (fields[j]);

          if (described->len > 0)
            g_string_append_c (described, ' ');
          g_string_append (described, field);
        }

      g_assert_cmpstr (described->str, ==, contract[i].fields);
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

static void
test_setters_notify_only_on_change (void)
{
  const GType *types;
  guint n_types;

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autofree GParamSpec **fields = NULL;
      GObject *record = g_object_new (types[i], NULL);
      guint n_fields;

      fields = pamong_record_list_fields (types[i], TRUE, &n_fields);
      for (guint j = 0; j < n_fields; j++)
        {
          g_auto(GValue) initial = G_VALUE_INIT;
          g_auto(GValue) first = G_VALUE_INIT;
          g_auto(GValue) second = G_VALUE_INIT;
          g_autofree char *signal = g_strconcat ("notify::", fields[j]->name, NULL);
          guint expected, counter = 0;
          gulong handler;

          g_object_get_property (record, fields[j]->name, &initial);
          pamong_test_field_value (fields[j], 0, &first);
          pamong_test_field_value (fields[j], 1, &second);
          expected = pamong_test_values_equal (fields[j], &initial, &first) ? 0 : 1;

          handler = g_signal_connect (record, signal, G_CALLBACK (count_notify), &counter);

          g_object_set_property (record, fields[j]->name, &first);
          g_object_set_property (record, fields[j]->name, &first);
          g_assert_cmpuint (counter, ==, expected);

          g_object_set_property (record, fields[j]->name, &second);
          g_object_set_property (record, fields[j]->name, &second);
          g_assert_cmpuint (counter, ==, expected + 1);

          g_signal_handler_disconnect (record, handler);
        }

      g_assert_finalize_object (record);
    }
}

static void
test_string_arrays_are_copied (void)
{
  char *services[] = { g_strdup ("Layanan Kepegawaian"), g_strdup ("Absensi"), NULL };
  PamongApplication *app = pamong_application_new ();
  const char * const *stored;

  pamong_application_set_supported_services (app, (const char * const *) services);
  g_free (services[0]);
  services[0] = g_strdup ("changed afterwards");

  stored = pamong_application_get_supported_services (app);
  g_assert_true (stored != (const char * const *) services);
  g_assert_cmpstr (stored[0], ==, "Layanan Kepegawaian");
  g_assert_cmpstr (stored[1], ==, "Absensi");
  g_assert_null (stored[2]);

  pamong_application_set_supported_services (app, NULL);
  g_assert_null (pamong_application_get_supported_services (app));

  g_free (services[0]);
  g_free (services[1]);
  g_assert_finalize_object (app);
}

static void
test_numbers_have_sensible_ranges (void)
{
  static const struct {
    GType (*get_type) (void);
    const char *field;
    double minimum;
    double maximum;
  } ranges[] = {
    { pamong_indicator_score_get_type, "level", 0, 5 },
    { pamong_assessment_get_type, "year", 0, 9999 },
    { pamong_application_get_type, "year-built", 0, 9999 },
    { pamong_service_type_get_type, "cost", 0, (double) G_MAXINT64 },
    { pamong_service_request_get_type, "latitude", -90, 90 },
    { pamong_service_request_get_type, "longitude", -180, 180 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (ranges[i].get_type ());
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), ranges[i].field);
      double minimum, maximum;

      g_assert_nonnull (pspec);
      if (G_IS_PARAM_SPEC_INT (pspec))
        {
          minimum = G_PARAM_SPEC_INT (pspec)->minimum;
          maximum = G_PARAM_SPEC_INT (pspec)->maximum;
        }
      else if (G_IS_PARAM_SPEC_INT64 (pspec))
        {
          minimum = (double) G_PARAM_SPEC_INT64 (pspec)->minimum;
          maximum = (double) G_PARAM_SPEC_INT64 (pspec)->maximum;
        }
      else
        {
          minimum = G_PARAM_SPEC_DOUBLE (pspec)->minimum;
          maximum = G_PARAM_SPEC_DOUBLE (pspec)->maximum;
        }

      g_assert_cmpfloat (minimum, ==, ranges[i].minimum);
      g_assert_cmpfloat (maximum, ==, ranges[i].maximum);
    }
}

static void
test_level_out_of_range_is_refused (void)
{
  PamongIndicatorScore *score = pamong_indicator_score_new ();

  pamong_indicator_score_set_level (score, 4);

  g_test_expect_message ("pamong-core", G_LOG_LEVEL_CRITICAL, "*level <= 5*");
  pamong_indicator_score_set_level (score, 6);
  g_test_assert_expected_messages ();

  g_test_expect_message ("pamong-core", G_LOG_LEVEL_CRITICAL, "*latitude >= -90*");
  {
    PamongServiceRequest *request = pamong_service_request_new ();

    pamong_service_request_set_latitude (request, -91.5);
    g_test_assert_expected_messages ();
    g_assert_cmpfloat (pamong_service_request_get_latitude (request), ==, 0.0);
    g_assert_finalize_object (request);
  }

  g_assert_cmpint (pamong_indicator_score_get_level (score), ==, 4);
  g_assert_finalize_object (score);
}

static void
test_new_records_have_usable_defaults (void)
{
  PamongApplication *app = pamong_application_new ();
  PamongServiceRequest *request = pamong_service_request_new ();
  PamongIndicatorScore *score = pamong_indicator_score_new ();

  g_assert_cmpint (pamong_application_get_plan (app), ==, PAMONG_APP_PLAN_UNDECIDED);
  g_assert_cmpint (pamong_application_get_status (app), ==, PAMONG_APP_STATUS_ACTIVE);
  g_assert_cmpint (pamong_application_get_year_built (app), ==, 0);
  g_assert_null (pamong_application_get_supported_services (app));

  /* a request is submitted when it is made */
  g_assert_nonnull (pamong_service_request_get_submitted_at (request));
  g_assert_true (g_date_time_equal (pamong_service_request_get_submitted_at (request),
                                    pamong_record_get_created_at (PAMONG_RECORD (request))));
  g_assert_null (pamong_service_request_get_completed_at (request));
  g_assert_cmpint (pamong_service_request_get_status (request), ==, PAMONG_REQUEST_STATUS_SUBMITTED);
  g_assert_false (pamong_service_request_get_has_location (request));

  g_assert_cmpint (pamong_indicator_score_get_level (score), ==, 0);
  g_assert_cmpint (pamong_indicator_score_get_status (score), ==, PAMONG_REVIEW_STATUS_DRAFT);

  g_assert_finalize_object (app);
  g_assert_finalize_object (request);
  g_assert_finalize_object (score);
}

static void
test_typed_accessors_match_properties (void)
{
  const char * const requirements[] = { "KTP", "KK", NULL };
  g_autoptr(GDateTime) done = g_date_time_new_utc (2026, 5, 4, 10, 0, 0);
  PamongServiceType *service = pamong_service_type_new ();
  PamongServiceRequest *request = pamong_service_request_new ();
  PamongAttachment *attachment = pamong_attachment_new ();
  PamongRequestEvent *event = pamong_request_event_new ();
  PamongAssessment *assessment = pamong_assessment_new ();
  g_auto(GStrv) stored = NULL;
  g_autoptr(GDateTime) stored_done = NULL;
  gint64 cost = 0, size = 0;
  double target = 0;
  int to_status = 0;

  pamong_service_type_set_requirements (service, requirements);
  pamong_service_type_set_cost (service, 150000);
  g_object_get (service, "requirements", &stored, "cost", &cost, NULL);
  g_assert_true (g_strv_equal ((const char * const *) stored, requirements));
  g_assert_cmpint (cost, ==, 150000);

  pamong_service_request_set_completed_at (request, done);
  g_object_get (request, "completed-at", &stored_done, NULL);
  g_assert_true (g_date_time_equal (stored_done, done));

  pamong_attachment_set_size (attachment, G_GINT64_CONSTANT (5000000000));
  g_object_get (attachment, "size", &size, NULL);
  g_assert_cmpint (size, ==, G_GINT64_CONSTANT (5000000000));

  g_object_set (event, "to-status", PAMONG_REQUEST_STATUS_COMPLETED, NULL);
  g_assert_cmpint (pamong_request_event_get_to_status (event), ==, PAMONG_REQUEST_STATUS_COMPLETED);
  g_object_get (event, "to-status", &to_status, NULL);
  g_assert_cmpint (to_status, ==, PAMONG_REQUEST_STATUS_COMPLETED);

  pamong_assessment_set_target_index (assessment, 3.5);
  g_object_get (assessment, "target-index", &target, NULL);
  g_assert_cmpfloat (target, ==, 3.5);

  g_assert_finalize_object (service);
  g_assert_finalize_object (request);
  g_assert_finalize_object (attachment);
  g_assert_finalize_object (event);
  g_assert_finalize_object (assessment);
}

static void
test_copy_of_full_record_is_deep (void)
{
  const GType *types;
  guint n_types;

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      PamongRecord *record = g_object_new (types[i], NULL);
      PamongRecord *copy;

      pamong_test_fill_record (record, 0);
      copy = pamong_record_copy (record);
      g_assert_true (pamong_record_equal (record, copy, TRUE));

      pamong_test_fill_record (record, 1);
      g_assert_false (pamong_record_equal (record, copy, FALSE));

      g_assert_finalize_object (record);
      g_assert_finalize_object (copy);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/models/collections-are-registered-in-sync-order", test_collections_are_registered_in_sync_order);
  g_test_add_func ("/pamong/models/unknown-collection-is-not-found", test_unknown_collection_is_not_found);
  g_test_add_func ("/pamong/models/fields-match-the-contract", test_fields_match_the_contract);
  g_test_add_func ("/pamong/models/setters-notify-only-on-change", test_setters_notify_only_on_change);
  g_test_add_func ("/pamong/models/string-arrays-are-copied", test_string_arrays_are_copied);
  g_test_add_func ("/pamong/models/numbers-have-sensible-ranges", test_numbers_have_sensible_ranges);
  g_test_add_func ("/pamong/models/level-out-of-range-is-refused", test_level_out_of_range_is_refused);
  g_test_add_func ("/pamong/models/new-records-have-usable-defaults", test_new_records_have_usable_defaults);
  g_test_add_func ("/pamong/models/typed-accessors-match-properties", test_typed_accessors_match_properties);
  g_test_add_func ("/pamong/models/copy-of-full-record-is-deep", test_copy_of_full_record_is_deep);

  return g_test_run ();
}
