/* bench-dataset.h — the benchmark-size store, generated once per build dir
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The store file the benchmarks share: $PAMONG_BENCH_DB, else
 * <G_TEST_BUILDDIR>/bench-dataset.db, else one in the temp dir. */
char    *bench_dataset_path   (void);

/* Makes sure @path holds the benchmark dataset (27,000 applications,
 * 100,000 service requests, seed PAMONG_DEMO_DEFAULT_SEED); generates it
 * (about a minute) when the file is missing, stale or @regenerate. */
gboolean bench_dataset_ensure (const char  *path,
                               gboolean     regenerate,
                               GError     **error);

/* Copies the store file @from to @to (no -wal/-shm: @from is closed). */
gboolean bench_dataset_copy   (const char  *from,
                               const char  *to,
                               GError     **error);

/* Statistics of a sample of durations in microseconds (sorted in place). */
typedef struct
{
  guint  n;
  double median_ms;
  double p95_ms;
  double max_ms;
  double mean_ms;
} BenchStats;

void     bench_stats_compute  (GArray      *samples_us,
                               BenchStats  *stats);

G_END_DECLS
