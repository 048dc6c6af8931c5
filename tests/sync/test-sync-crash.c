/* test-sync-crash.c — a process syncing a large queue is killed with
 * SIGKILL at random points; the store stays whole and the queue intact
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pamong-store-sql.h"
#include "sync-test-util.h"

#define N_KILLS_WANTED 50

static const char *helper_path;

/* uuid -> the name the user last gave the unit (what must survive). */
typedef GHashTable Expected;

static void
add_offline_edits (PamongStore *store,
                   Expected    *expected,
                   GRand       *rand,
                   guint        round,
                   guint        n_creates)
{
  g_autoptr(GError) error = NULL;
  guint n_uuids = 0;
  g_autofree gpointer *uuids = g_hash_table_get_keys_as_array (expected, &n_uuids);

  g_assert_true (pamong_store_begin (store, &error));
  for (guint i = 0; i < n_creates; i++)
    {
      g_autoptr(PamongUnit) unit = pamong_unit_new ();
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *code = g_strdup_printf ("X%u.%u", round, i);
      g_autofree char *name = g_strdup_printf ("Unit %u/%u", round, i);

      pamong_record_set_uuid (PAMONG_RECORD (unit), uuid);
      pamong_unit_set_code (unit, code);
      pamong_unit_set_name (unit, name);
      pamong_unit_set_kind (unit, PAMONG_UNIT_KIND_OTHER);
      g_assert_true (pamong_store_save (store, PAMONG_RECORD (unit), &error));
      g_assert_no_error (error);
      g_hash_table_replace (expected, g_strdup (uuid), g_strdup (name));
    }

  /* Edits of earlier ones, some of which may be synced by now. */
  for (guint i = 0; i < MIN (n_uuids, 10u); i++)
    {
      g_autofree char *uuid = g_strdup (uuids[g_rand_int_range (rand, 0, (gint32) n_uuids)]);
      g_autoptr(PamongRecord) unit = sync_lookup (store, PAMONG_TYPE_UNIT, uuid);
      g_autofree char *name = g_strdup_printf ("Unit disunting %u/%u", round, i);

      if (pamong_record_get_local_state (unit) == PAMONG_LOCAL_STATE_CONFLICT)
        continue;
      pamong_unit_set_name (PAMONG_UNIT (unit), name);
      g_assert_true (pamong_store_save (store, unit, &error));
      g_assert_no_error (error);
      /* insert, not replace: it keeps the table's key, which uuids[]
       * still points to (replace would free it under the next pick). */
      g_hash_table_insert (expected, g_strdup (uuid), g_strdup (name));
    }
  g_assert_true (pamong_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
assert_integrity (PamongStore *store)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pamong_store_get_db (store), "PRAGMA integrity_check",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* No edit lost: every unit has the user's last name, either still pending
 * or synced with the server holding exactly that. */
static guint
assert_queue_intact (PamongStore      *store,
                     PamongTestServer *ts,
                     Expected         *expected)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n_pending = 0;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(PamongRecord) mine = sync_lookup (store, PAMONG_TYPE_UNIT, key);

      g_assert_cmpstr (pamong_unit_get_name (PAMONG_UNIT (mine)), ==, value);
      switch (pamong_record_get_local_state (mine))
        {
        case PAMONG_LOCAL_STATE_SYNCED:
          {
            g_autoptr(PamongRecord) theirs = sync_lookup (ts->store, PAMONG_TYPE_UNIT, key);

            g_assert_cmpint (pamong_record_get_rev (mine), ==, pamong_record_get_rev (theirs));
            g_assert_true (pamong_record_same_content (mine, theirs));
          }
          break;
        case PAMONG_LOCAL_STATE_CREATED:
        case PAMONG_LOCAL_STATE_MODIFIED:
          n_pending++;
          break;
        case PAMONG_LOCAL_STATE_DELETED:
        case PAMONG_LOCAL_STATE_CONFLICT:
        default:
          g_error ("unit %s is in local state %d", (const char *) key,
                   pamong_record_get_local_state (mine));
        }
    }

  return n_pending;
}

typedef struct
{
  GSubprocess *process;
  gboolean     exited;
  gboolean     killed;
} Child;

static void
on_child_exited (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Child *child = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  child->exited = TRUE;
}

static gboolean
on_kill_time (gpointer user_data)
{
  Child *child = user_data;

  if (!child->exited)
    {
      g_subprocess_send_signal (child->process, SIGKILL);
      child->killed = TRUE;
    }
  return G_SOURCE_REMOVE;
}

static void
test_killed_sync_keeps_store_and_queue (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "admin");
  g_autofree char *url = pamong_test_server_uri (ts, "/");
  g_autofree char *dir = g_dir_make_tmp ("pamong-sync-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "client.db", NULL);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GRand) rand = NULL;
  const char *seed_env = g_getenv ("PAMONG_CRASH_SEED");
  guint32 seed = seed_env != NULL ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : g_random_int ();
  guint n_kills = 0;
  guint n_completed = 0;
  guint n_progressed = 0;
  guint n_in_pull = 0;
  guint round = 0;

  g_printerr ("# crash seed %u (replay with PAMONG_CRASH_SEED=%u)\n", seed, seed);
  rand = g_rand_new_with_seed (seed);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PamongStore) store = pamong_store_open (path, &error);

    g_assert_no_error (error);
    add_offline_edits (store, expected, rand, round++, 800);
    g_assert_finalize_object (g_steal_pointer (&store));
  }

  while (n_kills < N_KILLS_WANTED)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PamongStore) store = NULL;
      Child child = { NULL, FALSE, FALSE };
      guint delay = (guint) g_rand_int_range (rand, 5, 500);
      guint n_pending;

      g_assert_cmpuint (round, <, 400);
      child.process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                        helper_path, path, url, token, NULL);
      g_assert_no_error (error);
      g_subprocess_wait_async (child.process, NULL, on_child_exited, &child);
      g_timeout_add (delay, on_kill_time, &child);

      /* The server answers from this main loop while the child syncs. */
      while (!child.exited)
        g_main_context_iteration (NULL, TRUE);
      g_clear_object (&child.process);
      if (child.killed)
        n_kills++;
      else
        {
          n_completed++;
          g_source_remove_by_user_data (&child);
        }

      store = pamong_store_open (path, &error);
      g_assert_no_error (error);
      assert_integrity (store);
      n_pending = assert_queue_intact (store, ts, expected);
      if (n_pending < g_hash_table_size (expected))
        n_progressed++;
      if (child.killed && n_pending == 0)
        n_in_pull++;

      /* Keep the queue long enough to be killed in. */
      if (n_pending == 0 && g_rand_boolean (rand))
        add_offline_edits (store, expected, rand, round, 200);
      round++;
      g_assert_finalize_object (g_steal_pointer (&store));
    }

  g_printerr ("# %u kills (%u after some of the queue went up, %u after all of it), %u runs completed, "
              "%u units queued in all\n",
              n_kills, n_progressed, n_in_pull, n_completed, g_hash_table_size (expected));
  g_assert_cmpuint (n_progressed, >=, N_KILLS_WANTED / 2);

  /* A clean sync converges with the server. */
  {
    g_autoptr(SyncClient) client = sync_client_new (path, url, token);

    sync_until_quiet (client->sync, 5);
    assert_integrity (client->store);
    g_assert_cmpuint (assert_queue_intact (client->store, ts, expected), ==, 0);
    sync_assert_converged (client->store, ts->store);
  }

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
    g_assert_cmpint (g_remove (path), ==, 0);
    g_assert_cmpint (g_rmdir (dir), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  pamong_test_init (&argc, &argv);

  if (argc < 2)
    {
      g_printerr ("Usage: %s [TEST-OPTIONS] SYNC-CRASH-HELPER\n", argv[0]);
      return 2;
    }
  helper_path = argv[1];

  g_test_add_func ("/pamong/sync/crash/killed-sync-keeps-store-and-queue",
                   test_killed_sync_keeps_store_and_queue);

  return g_test_run ();
}
