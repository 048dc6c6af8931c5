/* test-demo.c — the Kabupaten Blora demo dataset
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pamong-core.h"

static GPtrArray *records;   /* seed PAMONG_DEMO_DEFAULT_SEED, demo size */
static PamongRegion *blora;

static GPtrArray *
generate (PamongDemoSize size,
          guint32        seed)
{
  PamongDemoOptions options = { size, seed };
  g_autoptr(GError) error = NULL;
  GPtrArray *result = pamong_demo_generate_records (&options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static GPtrArray *
of_type (GPtrArray *all,
         GType      type)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (G_OBJECT_TYPE (g_ptr_array_index (all, i)) == type)
      g_ptr_array_add (out, g_ptr_array_index (all, i));

  return out;
}

static void
test_demo_same_seed_gives_identical_records (void)
{
  g_autoptr(GPtrArray) again = generate (PAMONG_DEMO_SIZE_DEMO, PAMONG_DEMO_DEFAULT_SEED);
  g_autoptr(GPtrArray) other = generate (PAMONG_DEMO_SIZE_DEMO, PAMONG_DEMO_DEFAULT_SEED + 1);
  guint same_uuid = 0;

  g_assert_cmpuint (again->len, ==, records->len);
  for (guint i = 0; i < records->len; i++)
    {
      PamongRecord *a = g_ptr_array_index (records, i);
      PamongRecord *b = g_ptr_array_index (again, i);
      g_autofree char *json_a = pamong_codec_encode_string (a);
      g_autofree char *json_b = pamong_codec_encode_string (b);

      g_assert_cmpstr (json_a, ==, json_b);
      g_assert_true (pamong_record_equal (a, b, TRUE));
    }

  /* another seed is another dataset */
  for (guint i = 0; i < MIN (records->len, other->len); i++)
    if (g_str_equal (pamong_record_get_uuid (g_ptr_array_index (records, i)),
                     pamong_record_get_uuid (g_ptr_array_index (other, i))))
      same_uuid++;
  g_assert_cmpuint (same_uuid, ==, 0);
}

static void
test_demo_records_are_valid_and_unique (void)
{
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < records->len; i++)
    {
      PamongRecord *record = g_ptr_array_index (records, i);
      g_autofree char *json = pamong_codec_encode_string (record);
      g_autoptr(GError) error = NULL;
      g_autoptr(PamongRecord) decoded = pamong_codec_decode_string (G_OBJECT_TYPE (record), json, -1, &error);

      g_assert_no_error (error);
      g_assert_true (pamong_record_equal (record, decoded, FALSE));
      g_assert_true (g_uuid_string_is_valid (pamong_record_get_uuid (record)));
      g_assert_false (g_hash_table_contains (uuids, pamong_record_get_uuid (record)));
      g_hash_table_add (uuids, (gpointer) pamong_record_get_uuid (record));
    }
}

static void
test_demo_counts (void)
{
  g_autoptr(GPtrArray) units = of_type (records, PAMONG_TYPE_UNIT);
  g_autoptr(GPtrArray) apps = of_type (records, PAMONG_TYPE_APPLICATION);
  g_autoptr(GPtrArray) assessments = of_type (records, PAMONG_TYPE_ASSESSMENT);
  g_autoptr(GPtrArray) scores = of_type (records, PAMONG_TYPE_INDICATOR_SCORE);
  g_autoptr(GPtrArray) types = of_type (records, PAMONG_TYPE_SERVICE_TYPE);
  g_autoptr(GPtrArray) requests = of_type (records, PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(GPtrArray) events = of_type (records, PAMONG_TYPE_REQUEST_EVENT);
  guint kecamatan_offices = 0;

  for (guint i = 0; i < units->len; i++)
    if (pamong_unit_get_kind (g_ptr_array_index (units, i)) == PAMONG_UNIT_KIND_KECAMATAN)
      kecamatan_offices++;

  g_assert_cmpuint (units->len, ==, 21 + 16);
  g_assert_cmpuint (kecamatan_offices, ==, 16);
  g_assert_cmpuint (apps->len, >=, 140);
  g_assert_cmpuint (apps->len, <=, 160);
  g_assert_cmpuint (assessments->len, ==, 3);
  g_assert_cmpuint (scores->len, ==, 3 * 47);
  g_assert_cmpuint (types->len, >=, 15);
  g_assert_cmpuint (requests->len, ==, 2000);
  g_assert_cmpuint (events->len, >=, 2000);
}

static void
test_demo_applications_have_real_duplicates (void)
{
  g_autoptr(GPtrArray) apps = of_type (records, PAMONG_TYPE_APPLICATION);
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  guint srikandi_duplicates = 0;
  guint local_targets = 0;
  gboolean gardu = FALSE;

  for (guint i = 0; i < apps->len; i++)
    g_hash_table_insert (by_uuid, (gpointer) pamong_record_get_uuid (g_ptr_array_index (apps, i)),
                         g_ptr_array_index (apps, i));

  for (guint i = 0; i < apps->len; i++)
    {
      PamongApplication *app = g_ptr_array_index (apps, i);
      const char *target = pamong_application_get_plan_target (app);

      g_assert_false (g_hash_table_contains (names, pamong_application_get_name (app)));
      g_hash_table_add (names, (gpointer) pamong_application_get_name (app));
      g_assert_nonnull (pamong_application_get_operator_unit (app));

      if (g_strcmp0 (pamong_application_get_name (app), "Gardu Lapor Mas Arief") == 0)
        gardu = TRUE;
      if (g_strcmp0 (target, "SRIKANDI") == 0)
        srikandi_duplicates++;
      if (target != NULL && g_uuid_string_is_valid (target))
        {
          PamongApplication *local = g_hash_table_lookup (by_uuid, target);

          g_assert_nonnull (local);
          g_assert_true (local != app);
          /* a duplicate that points at its original supports the same service */
          g_assert_true (g_strv_contains (pamong_application_get_supported_services (local),
                                          pamong_application_get_supported_services (app)[0]));
          local_targets++;
        }
      if (pamong_application_get_plan (app) == PAMONG_APP_PLAN_INTEGRATE ||
          pamong_application_get_plan (app) == PAMONG_APP_PLAN_RETIRE)
        g_assert_true (pamong_date_is_valid (pamong_application_get_plan_date (app)));
    }

  g_assert_true (gardu);
  /* the 16 kecamatan archives and the OPD ones */
  g_assert_cmpuint (srikandi_duplicates, >=, 16 + 3);
  g_assert_cmpuint (local_targets, >=, 16 + 3);
}

static void
test_demo_requests_are_consistent (void)
{
  g_autoptr(GPtrArray) requests = of_type (records, PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(GPtrArray) events = of_type (records, PAMONG_TYPE_REQUEST_EVENT);
  g_autoptr(GPtrArray) types = of_type (records, PAMONG_TYPE_SERVICE_TYPE);
  g_autoptr(GHashTable) tracking = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) first_event = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) type_uuids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 4, 30, 9, 0, 0);
  g_autoptr(GRegex) tracking_form = g_regex_new ("^[0-9]{2}-[0-9]{6}-[0-9]{4}-[0-9A-HJKMNP-TV-Z]{2}$", 0, 0, NULL);
  GDate today;
  guint completed = 0, rejected = 0, open = 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_MAY, 2026);

  for (guint i = 0; i < types->len; i++)
    g_hash_table_add (type_uuids, (gpointer) pamong_record_get_uuid (g_ptr_array_index (types, i)));

  for (guint i = 0; i < events->len; i++)
    {
      PamongRequestEvent *event = g_ptr_array_index (events, i);
      const char *request = pamong_request_event_get_request (event);

      if (!g_hash_table_contains (first_event, request))
        g_hash_table_insert (first_event, (gpointer) request, event);
    }

  for (guint i = 0; i < requests->len; i++)
    {
      PamongServiceRequest *request = g_ptr_array_index (requests, i);
      const char *number = pamong_service_request_get_tracking_number (request);
      const PamongDesa *desa = pamong_region_lookup_desa (blora, pamong_service_request_get_desa_code (request));
      const PamongKecamatan *kecamatan =
        pamong_region_lookup_kecamatan (blora, pamong_service_request_get_kecamatan_code (request));
      PamongRequestEvent *created = g_hash_table_lookup (first_event, pamong_record_get_uuid (PAMONG_RECORD (request)));
      g_autoptr(GError) error = NULL;
      PamongNikInfo info;

      g_assert_true (pamong_nik_parse_at (pamong_service_request_get_applicant_nik (request),
                                          blora, &today, &info, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (g_date_get_year (&info.birth_date), <, 2009);

      g_assert_nonnull (kecamatan);
      g_assert_nonnull (desa);
      g_assert_true (pamong_desa_get_kecamatan (desa) == kecamatan);
      g_assert_nonnull (strstr (pamong_service_request_get_address (request), pamong_desa_get_name (desa)));
      g_assert_nonnull (strstr (pamong_service_request_get_address (request), "RT "));
      g_assert_true (g_str_has_prefix (pamong_service_request_get_applicant_phone (request), "08"));

      g_assert_true (g_regex_match (tracking_form, number, 0, NULL));
      g_assert_true (strncmp (number, pamong_service_request_get_kecamatan_code (request) + 6, 2) == 0);
      g_assert_false (g_hash_table_contains (tracking, number));
      g_hash_table_add (tracking, (gpointer) number);

      g_assert_true (g_hash_table_contains (type_uuids, pamong_service_request_get_service_type (request)));
      g_assert_true (pamong_date_is_valid (pamong_service_request_get_due_date (request)));
      g_assert_cmpint (g_date_time_compare (pamong_service_request_get_submitted_at (request), now), <=, 0);

      g_assert_nonnull (created);
      g_assert_cmpint (pamong_request_event_get_kind (created), ==, PAMONG_EVENT_KIND_CREATED);
      g_assert_cmpint (g_date_time_compare (pamong_record_get_created_at (PAMONG_RECORD (created)),
                                            pamong_service_request_get_submitted_at (request)), ==, 0);

      switch (pamong_service_request_get_status (request))
        {
        case PAMONG_REQUEST_STATUS_COMPLETED:
          completed++;
          g_assert_nonnull (pamong_service_request_get_completed_at (request));
          g_assert_cmpint (g_date_time_compare (pamong_service_request_get_completed_at (request),
                                                pamong_service_request_get_submitted_at (request)), >, 0);
          break;
        case PAMONG_REQUEST_STATUS_REJECTED:
          rejected++;
          g_assert_nonnull (pamong_service_request_get_reject_reason (request));
          break;
        default:
          open++;
          g_assert_null (pamong_service_request_get_completed_at (request));
          break;
        }
    }

  /* a believable mix: most done, some rejected, a queue still open */
  g_assert_cmpuint (completed, >, requests->len / 2);
  g_assert_cmpuint (rejected, >, 0);
  g_assert_cmpuint (open, >, 0);
}

static void
test_demo_assessments_give_the_published_indices (void)
{
  static const struct {
    gint year;
    gint overall;
    gint domains[4];   /* 0: not published */
  } published[] = {
    { 2022, 206, { 0, 0, 0, 0 } },
    { 2023, 327, { 360, 230, 173, 426 } },
    { 2024, 328, { 350, 260, 145, 425 } },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongFramework) framework = pamong_framework_load_default (&error);
  g_autoptr(GPtrArray) assessments = of_type (records, PAMONG_TYPE_ASSESSMENT);
  g_autoptr(GPtrArray) scores = of_type (records, PAMONG_TYPE_INDICATOR_SCORE);

  g_assert_no_error (error);
  g_assert_cmpuint (assessments->len, ==, G_N_ELEMENTS (published));

  for (guint a = 0; a < assessments->len; a++)
    {
      PamongAssessment *assessment = g_ptr_array_index (assessments, a);
      guint n = pamong_framework_get_n_indicators (framework);
      g_autofree guint *levels = g_new0 (guint, n);
      g_autoptr(PamongIndexResult) result = NULL;
      guint scored = 0;

      g_assert_cmpint (pamong_assessment_get_year (assessment), ==, published[a].year);
      g_assert_cmpstr (pamong_assessment_get_framework (assessment), ==, "p59-2020");
      g_assert_cmpint (pamong_assessment_get_status (assessment), ==, PAMONG_REVIEW_STATUS_FINAL);

      for (guint i = 0; i < scores->len; i++)
        {
          PamongIndicatorScore *score = g_ptr_array_index (scores, i);
          gint position;

          if (g_strcmp0 (pamong_indicator_score_get_assessment (score),
                         pamong_record_get_uuid (PAMONG_RECORD (assessment))) != 0)
            continue;
          position = pamong_framework_get_indicator_position (framework,
                                                               (guint) pamong_indicator_score_get_indicator (score));
          g_assert_cmpint (position, >=, 0);
          g_assert_cmpuint (levels[position], ==, 0);
          g_assert_cmpint (pamong_indicator_score_get_level (score), >=, 1);
          g_assert_cmpint (pamong_indicator_score_get_level (score), <=, 5);
          g_assert_cmpstr (pamong_indicator_score_get_justification (score), !=, NULL);
          levels[position] = (guint) pamong_indicator_score_get_level (score);
          scored++;
        }
      g_assert_cmpuint (scored, ==, n);

      result = pamong_spbe_index_compute (framework, levels, n);
      g_assert_true (pamong_index_result_is_complete (result));
      g_test_message ("%d: index %d, domains %d %d %d %d", published[a].year,
                      pamong_index_result_get_overall (result)->cents,
                      pamong_index_result_get_domain (result, 0)->cents,
                      pamong_index_result_get_domain (result, 1)->cents,
                      pamong_index_result_get_domain (result, 2)->cents,
                      pamong_index_result_get_domain (result, 3)->cents);
      g_assert_cmpint (pamong_index_result_get_overall (result)->cents, ==, published[a].overall);
      for (guint d = 0; d < 4; d++)
        if (published[a].domains[d] != 0)
          g_assert_cmpint (pamong_index_result_get_domain (result, d)->cents, ==, published[a].domains[d]);
    }
}

static void
test_demo_imports_into_a_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = pamong_store_open (":memory:", &error);
  PamongDemoOptions options;
  g_autoptr(PamongQuery) apps = pamong_query_new (PAMONG_TYPE_APPLICATION);
  g_autoptr(PamongQuery) requests = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(PamongQuery) completed = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);

  g_assert_no_error (error);
  pamong_demo_options_init (&options);
  g_assert_true (pamong_demo_generate (store, &options, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (pamong_store_count (store, requests, &error), ==, 2000);
  g_assert_no_error (error);
  g_assert_cmpuint (pamong_store_count (store, apps, &error), >=, 140);
  g_assert_no_error (error);
  pamong_query_add_filter_string (completed, "status", "completed");
  g_assert_cmpuint (pamong_store_count (store, completed, &error), >, 1000);
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_demo_benchmark_size (void)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) big = generate (PAMONG_DEMO_SIZE_BENCHMARK, PAMONG_DEMO_DEFAULT_SEED);
  g_autoptr(GPtrArray) apps = of_type (big, PAMONG_TYPE_APPLICATION);
  g_autoptr(GPtrArray) requests = of_type (big, PAMONG_TYPE_SERVICE_REQUEST);

  g_test_message ("benchmark dataset: %u records in %.2f s", big->len,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (apps->len, ==, 27000);
  g_assert_cmpuint (requests->len, ==, 100000);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  blora = pamong_region_load_default (&error);
  g_assert_no_error (error);
  records = generate (PAMONG_DEMO_SIZE_DEMO, PAMONG_DEMO_DEFAULT_SEED);

  g_test_add_func ("/pamong/demo/same-seed-gives-identical-records",
                   test_demo_same_seed_gives_identical_records);
  g_test_add_func ("/pamong/demo/records-are-valid-and-unique", test_demo_records_are_valid_and_unique);
  g_test_add_func ("/pamong/demo/counts", test_demo_counts);
  g_test_add_func ("/pamong/demo/applications-have-real-duplicates",
                   test_demo_applications_have_real_duplicates);
  g_test_add_func ("/pamong/demo/requests-are-consistent", test_demo_requests_are_consistent);
  g_test_add_func ("/pamong/demo/assessments-give-the-published-indices",
                   test_demo_assessments_give_the_published_indices);
  g_test_add_func ("/pamong/demo/imports-into-a-store", test_demo_imports_into_a_store);
  if (g_test_slow ())
    g_test_add_func ("/pamong/demo/benchmark-size", test_demo_benchmark_size);

  ret = g_test_run ();

  g_ptr_array_unref (records);
  g_assert_finalize_object (blora);

  return ret;
}
