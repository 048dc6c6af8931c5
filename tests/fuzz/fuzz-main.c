/* fuzz-main.c — replays a fuzz target's corpus without libFuzzer
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the normal (gcc) builds every fuzz target is linked with this driver
 * and runs as a test over its committed corpus: the seeds, and every input
 * that once crashed a target (kept as a regression test). The clang build
 * with -Dfuzzing=true links the same targets with libFuzzer instead
 * (build-aux/run-fuzz).
 *
 * Usage: fuzz-TARGET FILE-OR-DIRECTORY…
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>

#include "fuzz-target.h"

static guint n_inputs;

static void
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
  n_inputs++;
}

static void
replay (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    g_error ("Cannot read the corpus folder %s", path);
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  /* The same order every run. */
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    replay (g_ptr_array_index (names, i));
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s FILE-OR-DIRECTORY…\n", argv[0]);
      return 2;
    }

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    replay (argv[i]);

  if (n_inputs == 0)
    g_error ("The corpus is empty: nothing was replayed");
  printf ("%s: %u inputs replayed, none failed\n", argv[0], n_inputs);
  return 0;
}
