/* make-bench-db.c — build the benchmark-size server database (27,000
 * applications, 100,000 service requests) for the sync benchmark
 *
 * Built and run only for the benchmark: seeding takes a while.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pamong-core.h"
#include "pamong-server-auth.h"
#include "pamong-server-records.h"
#include "pamong-server-schema.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = NULL;
  g_autoptr(GPtrArray) records = NULL;
  PamongDemoOptions options;

  if (argc != 2)
    {
      g_printerr ("usage: %s OUTPUT.db\n", argv[0]);
      return 2;
    }

  g_setenv ("PAMONG_SERVER_FAST_HASH", "1", FALSE);
  g_unlink (argv[1]);

  pamong_demo_options_init (&options);
  options.size = PAMONG_DEMO_SIZE_BENCHMARK;

  store = pamong_server_open_store (argv[1], &error);
  if (store == NULL ||
      (records = pamong_demo_generate_records (&options, &error)) == NULL ||
      !pamong_server_records_seed (store, records, &error) ||
      !pamong_server_users_add_demo (store, &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  /* Closing the last connection checkpoints the WAL into the file. */
  g_clear_object (&store);
  return 0;
}
