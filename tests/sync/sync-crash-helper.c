/* sync-crash-helper.c — one sync run of a store file, for the crash test
 * (which kills this process at random points)
 *
 * Usage: sync-crash-helper STORE SERVER-URL TOKEN
 * Exits 0 when the run succeeded, 1 when it failed, 2 on bad usage.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pamong-core.h"
#include "pamong-sync.h"

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = NULL;
  g_autoptr(PamongSync) sync = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  if (argc != 4)
    {
      g_printerr ("Usage: %s STORE SERVER-URL TOKEN\n", argv[0]);
      return 2;
    }

  store = pamong_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Small batches and pages: many transactions to be killed in. */
  sync = pamong_sync_new (store, argv[2]);
  pamong_sync_set_token (sync, argv[3]);
  pamong_sync_set_batch_size (sync, 25);
  pamong_sync_set_page_size (sync, 50);
  pamong_sync_set_retry (sync, 5, 50, 3);

  pamong_sync_run_async (sync, NULL, on_run_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (!pamong_sync_run_finish (sync, result, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
