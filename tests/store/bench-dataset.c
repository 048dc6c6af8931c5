/* bench-dataset.c — the benchmark-size store, generated once per build dir
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pamong-core.h"

#include "bench-dataset.h"

/*
 * Generating the benchmark dataset takes about a minute on the development
 * machine, so the benchmarks keep it in the build dir. The file carries a
 * key in its meta table: the size, the seed and checksums of the
 * generator's source and of the schema steps (PAMONG_DEMO_SOURCE and
 * PAMONG_MIGRATIONS_SOURCE, set by meson), so a change to either makes the
 * next run generate it again (a schema step is never edited once shipped,
 * but it is while it is being written).
 */

#define META_KEY "bench-dataset"

char *
bench_dataset_path (void)
{
  const char *env = g_getenv ("PAMONG_BENCH_DB");
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (builddir != NULL && *builddir != '\0')
    return g_build_filename (builddir, "bench-dataset.db", NULL);
  return g_build_filename (g_get_tmp_dir (), "pamong-bench-dataset.db", NULL);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (path == NULL || !g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("unknown");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static char *
dataset_key (void)
{
  g_autofree char *generator = NULL;
  g_autofree char *schema = NULL;

#ifdef PAMONG_DEMO_SOURCE
  generator = file_checksum (PAMONG_DEMO_SOURCE);
#endif
#ifdef PAMONG_MIGRATIONS_SOURCE
  schema = file_checksum (PAMONG_MIGRATIONS_SOURCE);
#endif

  return g_strdup_printf ("benchmark seed=%u generator=%s schema=%s", PAMONG_DEMO_DEFAULT_SEED,
                          generator != NULL ? generator : "unknown",
                          schema != NULL ? schema : "unknown");
}

static gboolean
dataset_is_current (const char *path,
                    const char *key)
{
  g_autoptr(PamongStore) store = NULL;
  g_autofree char *stored = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  store = pamong_store_open (path, NULL);
  if (store == NULL)
    return FALSE;

  stored = pamong_store_get_meta (store, META_KEY, NULL);
  return g_strcmp0 (stored, key) == 0;
}

static void
remove_store_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

gboolean
bench_dataset_ensure (const char  *path,
                      gboolean     regenerate,
                      GError     **error)
{
  PamongDemoOptions options = { PAMONG_DEMO_SIZE_BENCHMARK, PAMONG_DEMO_DEFAULT_SEED };
  g_autofree char *key = dataset_key ();
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(PamongStore) store = NULL;
  gint64 start;

  if (!regenerate && dataset_is_current (path, key))
    return TRUE;

  g_printerr ("Generating the benchmark dataset in %s (about a minute)…\n", path);
  start = g_get_monotonic_time ();

  /* Written beside the final name, then renamed: an interrupted run leaves
   * no half-made dataset behind that a later run would take for current. */
  remove_store_files (partial);
  store = pamong_store_open (partial, error);
  if (store == NULL)
    return FALSE;
  if (!pamong_demo_generate (store, &options, error) ||
      !pamong_store_set_meta (store, META_KEY, key, error))
    return FALSE;
  g_clear_object (&store);

  remove_store_files (path);
  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not rename %s: %s", partial, g_strerror (saved_errno));
      return FALSE;
    }

  g_printerr ("Generated in %.1f s\n", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  return TRUE;
}

gboolean
bench_dataset_copy (const char  *from,
                    const char  *to,
                    GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) destination = g_file_new_for_path (to);

  remove_store_files (to);
  return g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

void
bench_stats_compute (GArray     *samples_us,
                     BenchStats *stats)
{
  gint64 sum = 0;
  guint n = samples_us->len;

  memset (stats, 0, sizeof *stats);
  if (n == 0)
    return;

  g_array_sort (samples_us, compare_gint64);
  for (guint i = 0; i < n; i++)
    sum += g_array_index (samples_us, gint64, i);

  stats->n = n;
  stats->median_ms = (n % 2 == 1
                      ? g_array_index (samples_us, gint64, n / 2)
                      : (g_array_index (samples_us, gint64, n / 2 - 1) +
                         g_array_index (samples_us, gint64, n / 2)) / 2.0) / 1000.0;
  /* nearest rank */
  stats->p95_ms = g_array_index (samples_us, gint64, (95 * n + 99) / 100 - 1) / 1000.0;
  stats->max_ms = g_array_index (samples_us, gint64, n - 1) / 1000.0;
  stats->mean_ms = sum / (double) n / 1000.0;
}
