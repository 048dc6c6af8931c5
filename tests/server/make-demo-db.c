/* make-demo-db.c — build the demo server database once for the server tests
 *
 * Seeding the Blora demo costs seconds, and minutes under the sanitizers;
 * the server tests copy this file instead of seeding a store each time.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pamong-server-schema.h"
#include "server-test-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s OUTPUT.db\n", argv[0]);
      return 2;
    }

  g_setenv ("PAMONG_SERVER_FAST_HASH", "1", FALSE);
  g_unlink (argv[1]);

  store = pamong_server_open_store (argv[1], &error);
  if (store == NULL || !pamong_test_seed_demo (store, &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  /* Closing the last connection checkpoints the WAL into the file. */
  g_clear_object (&store);
  return 0;
}
