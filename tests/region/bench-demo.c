/* bench-demo.c — time the benchmark-size demo dataset: generation and import
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pamong-core.h"

int
main (int   argc,
      char *argv[])
{
  PamongDemoOptions options = { PAMONG_DEMO_SIZE_BENCHMARK, PAMONG_DEMO_DEFAULT_SEED };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(PamongStore) store = NULL;
  g_autoptr(PamongQuery) requests = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(PamongQuery) apps = pamong_query_new (PAMONG_TYPE_APPLICATION);
  g_autofree char *dir = g_dir_make_tmp ("pamong-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  gint64 start, generated, imported;
  guint n_requests, n_apps;

  g_assert_no_error (error);
  path = g_build_filename (dir, "pamong.db", NULL);
  store = pamong_store_open (path, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  records = pamong_demo_generate_records (&options, &error);
  g_assert_no_error (error);
  generated = g_get_monotonic_time ();
  g_assert_true (pamong_store_import (store, records, &error));
  g_assert_no_error (error);
  imported = g_get_monotonic_time ();

  n_requests = pamong_store_count (store, requests, &error);
  g_assert_no_error (error);
  n_apps = pamong_store_count (store, apps, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_requests, ==, 100000);
  g_assert_cmpuint (n_apps, ==, 27000);

  g_print ("%u records: generated in %.2f s, imported in %.2f s\n", records->len,
           (generated - start) / (double) G_USEC_PER_SEC,
           (imported - generated) / (double) G_USEC_PER_SEC);

  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
