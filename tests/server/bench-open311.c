/* bench-open311.c — Open311 GET requests latency over 100,000 service requests
 *
 * Seeds the benchmark set (27,000 applications, 100,000 service requests
 * and their history) through pamong_server_records_seed(), as the server
 * seeds its demo, then times GET /open311/v2/requests.json over HTTP on
 * loopback — the default window (the spec's 90 days, at most 1000
 * requests), each filter, one request by id, and the XML form — and prints
 * the median and 95th percentile of each. Asserts only that the answers are
 * 200 and hold requests; the figures are for reading.
 *
 *   meson test -C _build --benchmark --suite bench -v bench-open311
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pamong-demo.h"
#include "pamong-store-sql.h"

#include "pamong-server-records.h"

#include "server-test-util.h"

#define ROUNDS 41

static PamongTestServer *ts;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Times @path ROUNDS times (after one warm-up) and prints the figures. */
static void
time_get (const char *label,
          const char *path)
{
  double times[ROUNDS];
  guint n_items = 0;
  gsize bytes = 0;

  for (int round = -1; round < ROUNDS; round++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(PamongTestResponse) response =
        pamong_test_request_full (ts, "GET", path, NULL, NULL, NULL, -1, NULL);
      gint64 end = g_get_monotonic_time ();

      g_assert_cmpuint (response->status, ==, 200);
      if (round < 0)
        {
          bytes = g_bytes_get_size (response->body);
          if (response->json != NULL)
            n_items = json_array_get_length (json_node_get_array (response->json));
          continue;
        }
      times[round] = (end - start) / 1000.0;
    }

  qsort (times, ROUNDS, sizeof (double), compare_doubles);
  g_test_message ("%-44s %5u requests %8" G_GSIZE_FORMAT " bytes   median %7.2f ms   p95 %7.2f ms",
                  label, n_items, bytes, times[ROUNDS / 2], times[(ROUNDS * 95) / 100]);
}

/* The tracking number of some request, for the by-id lookups. */
static char *
some_tracking_number (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStoreStmt) stmt =
    pamong_store_prepare (ts->store, "SELECT tracking_number FROM service_requests "
                                     "ORDER BY id LIMIT 1 OFFSET 54321", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
bench_requests (void)
{
  g_autofree char *id = some_tracking_number ();
  g_autofree char *by_id = g_strdup_printf ("/open311/v2/requests.json?service_request_id=%s", id);
  g_autofree char *one = g_strdup_printf ("/open311/v2/requests/%s.json", id);

  time_get ("default window (90 days, max 1000)", "/open311/v2/requests.json");
  time_get ("default window, XML", "/open311/v2/requests.xml");
  time_get ("status=open", "/open311/v2/requests.json?status=open");
  time_get ("status=closed", "/open311/v2/requests.json?status=closed");
  time_get ("service_code=ADU-02,ADU-03", "/open311/v2/requests.json?service_code=ADU-02,ADU-03");
  time_get ("one week (start_date, end_date)",
            "/open311/v2/requests.json?start_date=2026-04-01T00:00:00%2B07:00"
            "&end_date=2026-04-07T23:59:59%2B07:00");
  time_get ("all of 2024, capped at 1000",
            "/open311/v2/requests.json?start_date=2024-01-01T00:00:00Z&end_date=2024-12-31T23:59:59Z");
  time_get ("service_request_id=<one>", by_id);
  time_get ("requests/<id>.json", one);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  PamongDemoOptions options;
  gint64 start;
  int status;

  pamong_test_init (&argc, &argv);

  ts = pamong_test_server_new (PAMONG_TEST_SERVER_NONE);
  pamong_demo_options_init (&options);
  options.size = PAMONG_DEMO_SIZE_BENCHMARK;

  start = g_get_monotonic_time ();
  records = pamong_demo_generate_records (&options, &error);
  g_assert_no_error (error);
  pamong_server_records_seed (ts->store, records, &error);
  g_assert_no_error (error);
  g_test_message ("benchmark set: %u records seeded in %.1f s", records->len,
                  (g_get_monotonic_time () - start) / 1e6);
  g_clear_pointer (&records, g_ptr_array_unref);

  g_test_add_func ("/pamong/bench/open311-get-requests-latency", bench_requests);

  status = g_test_run ();
  g_clear_pointer (&ts, pamong_test_server_free);

  return status;
}
