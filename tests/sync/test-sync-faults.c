/* test-sync-faults.c — several clients with hundreds of offline edits
 * converge through a proxy that breaks a share of the server's answers
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fault-proxy.h"
#include "sync-test-util.h"

/* Through tests/sync/fault-proxy: a share of the server's answers broken. */

/* ------------------------------------------------------------ the test */

#define N_CLIENTS        4
#define N_CREATES        120
#define N_CREATE_EDITS   40
#define N_CREATE_DELETES 20
#define N_EDITS          80
#define EDIT_POOL        40
#define N_DELETES        10
#define DELETE_POOL      30

typedef struct
{
  SyncClient *client;
  GRand      *rand;
  GHashTable *created;    /* uuid -> expected name, or "" if deleted before any sync */
  GHashTable *edited;     /* uuid of an application -> the last description written */
  GHashTable *deleted;    /* uuid of an application deleted */
} Client;

static GPtrArray *
live_applications (PamongStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_APPLICATION);
  g_autoptr(GListModel) model = NULL;
  GPtrArray *apps = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  pamong_query_set_sort (query, "name", FALSE);
  model = pamong_store_query (store, query, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (apps, g_list_model_get_item (model, i));
  return apps;
}

static void
make_offline_edits (Client *c,
                    guint   index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) apps = live_applications (c->client->store);
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpuint (apps->len, >=, EDIT_POOL + DELETE_POOL);

  for (guint i = 0; i < N_CREATES; i++)
    {
      PamongUnit *unit = pamong_unit_new ();
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *code = g_strdup_printf ("K%u.%03u", index, i);
      g_autofree char *name = g_strdup_printf ("Unit %u/%u", index, i);

      pamong_record_set_uuid (PAMONG_RECORD (unit), uuid);
      pamong_unit_set_code (unit, code);
      pamong_unit_set_name (unit, name);
      pamong_unit_set_kind (unit, PAMONG_UNIT_KIND_OTHER);
      g_assert_true (pamong_store_save (c->client->store, PAMONG_RECORD (unit), &error));
      g_assert_no_error (error);
      g_hash_table_replace (c->created, g_strdup (uuid), g_strdup (name));
      g_ptr_array_add (units, unit);
    }

  for (guint i = 0; i < N_CREATE_EDITS; i++)
    {
      PamongUnit *unit = g_ptr_array_index (units, g_rand_int_range (c->rand, 0, N_CREATES));
      g_autofree char *name = g_strdup_printf ("Unit %u disunting %u", index, i);

      if (pamong_record_get_deleted (PAMONG_RECORD (unit)))
        continue;
      pamong_unit_set_name (unit, name);
      g_assert_true (pamong_store_save (c->client->store, PAMONG_RECORD (unit), &error));
      g_assert_no_error (error);
      g_hash_table_replace (c->created, g_strdup (pamong_record_get_uuid (PAMONG_RECORD (unit))), g_strdup (name));
    }

  for (guint i = 0; i < N_CREATE_DELETES; i++)
    {
      PamongUnit *unit = g_ptr_array_index (units, g_rand_int_range (c->rand, 0, N_CREATES));

      g_assert_true (pamong_store_delete (c->client->store, PAMONG_RECORD (unit), &error));
      g_assert_no_error (error);
      g_hash_table_replace (c->created, g_strdup (pamong_record_get_uuid (PAMONG_RECORD (unit))), g_strdup (""));
    }

  /* Edits of a pool of applications every client edits: overlaps. */
  for (guint i = 0; i < N_EDITS; i++)
    {
      PamongRecord *app = g_ptr_array_index (apps, g_rand_int_range (c->rand, 0, EDIT_POOL));
      g_autofree char *description = g_strdup_printf ("Klien %u, suntingan %u", index, i);

      pamong_application_set_description (PAMONG_APPLICATION (app), description);
      g_assert_true (pamong_store_save (c->client->store, app, &error));
      g_assert_no_error (error);
      g_hash_table_replace (c->edited, g_strdup (pamong_record_get_uuid (app)), g_strdup (description));
    }

  /* Deletes from another pool, overlapping too. */
  for (guint i = 0; i < N_DELETES; i++)
    {
      PamongRecord *app = g_ptr_array_index (apps, EDIT_POOL + g_rand_int_range (c->rand, 0, DELETE_POOL));

      g_assert_true (pamong_store_delete (c->client->store, app, &error));
      g_assert_no_error (error);
      g_hash_table_add (c->deleted, g_strdup (pamong_record_get_uuid (app)));
    }
}

/* Every conflict resolved by lot (sync_resolution_by_lot). */
static guint
resolve_conflicts (Client *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = pamong_store_list_conflicts (c->client->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < conflicts->len; i++)
    {
      PamongRecord *mine = g_ptr_array_index (conflicts, i);
      g_autoptr(PamongRecord) theirs = pamong_store_get_conflict_record (c->client->store, mine, &error);
      g_autoptr(PamongRecord) resolution = NULL;

      g_assert_no_error (error);
      resolution = sync_resolution_by_lot (c->rand, mine, theirs);

      g_assert_true (pamong_store_resolve_conflict (c->client->store, resolution, &error));
      g_assert_no_error (error);
    }

  return conflicts->len;
}

static guint
count_live (PamongStore *store,
            GType        type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongQuery) query = pamong_query_new (type);
  guint n = pamong_store_count (store, query, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_many_clients_converge_through_faults (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "admin");
  g_autofree char *server_url = pamong_test_server_uri (ts, "/");
  const char *seed_env = g_getenv ("PAMONG_FAULT_SEED");
  guint32 seed = seed_env != NULL ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : g_random_int ();
  FaultProxy *proxy;
  Client clients[N_CLIENTS];
  guint n_base_units;
  guint rounds = 0;
  guint n_conflicts = 0;
  gboolean quiet = FALSE;
  g_autofree char *counts = NULL;

  g_test_message ("fault seed %u (replay with PAMONG_FAULT_SEED=%u)", seed, seed);
  g_printerr ("# fault seed %u (replay with PAMONG_FAULT_SEED=%u)\n", seed, seed);
  proxy = fault_proxy_new (server_url, seed, 0, FALSE);
  n_base_units = count_live (ts->store, PAMONG_TYPE_UNIT);

  for (guint k = 0; k < N_CLIENTS; k++)
    {
      clients[k].client = sync_client_new (NULL, fault_proxy_get_url (proxy), token);
      clients[k].rand = g_rand_new_with_seed (seed + k + 1);
      clients[k].created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      clients[k].edited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      clients[k].deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      pamong_sync_set_batch_size (clients[k].client->sync, 10);
      pamong_sync_set_page_size (clients[k].client->sync, 200);
      pamong_sync_set_retry (clients[k].client->sync, 2, 40, 3);

      /* In step with the server (no faults yet), then offline edits. */
      sync_until_quiet (clients[k].client->sync, 3);
      make_offline_edits (&clients[k], k);
    }

  /* Now a third of the answers go wrong. */
  fault_proxy_set_percent (proxy, 33);
  while (!quiet)
    {
      g_assert_cmpuint (++rounds, <=, 150);
      quiet = TRUE;
      for (guint k = 0; k < N_CLIENTS; k++)
        {
          g_autoptr(GError) error = NULL;
          guint resolved;

          if (!sync_run (clients[k].client->sync, &error))
            quiet = FALSE;
          resolved = resolve_conflicts (&clients[k]);
          n_conflicts += resolved;
          if (resolved > 0 ||
              pamong_store_count_pending (clients[k].client->store, NULL) > 0)
            quiet = FALSE;
        }
    }

  /* Everyone pulls what the others pushed last (faults still on). */
  for (guint k = 0; k < N_CLIENTS; k++)
    {
      guint attempts = 0;
      g_autoptr(GError) error = NULL;

      while (!sync_run (clients[k].client->sync, &error))
        {
          g_assert_cmpuint (++attempts, <, 60);
          g_clear_error (&error);
        }
    }

  counts = fault_proxy_describe_counts (proxy);
  g_printerr ("# %u requests through the proxy in %u rounds, %u conflicts resolved; faults: %s\n",
              fault_proxy_get_n_requests (proxy), rounds, n_conflicts, counts);
  g_assert_cmpuint (fault_proxy_get_count (proxy, FAULT_TRUNCATED) +
                    fault_proxy_get_count (proxy, FAULT_GARBAGE) +
                    fault_proxy_get_count (proxy, FAULT_RESET_AFTER) +
                    fault_proxy_get_count (proxy, FAULT_5XX_AFTER), >, 0);

  /* Every store is the server's, record for record. */
  for (guint k = 0; k < N_CLIENTS; k++)
    sync_assert_converged (clients[k].client->store, ts->store);

  /* Nothing lost, nothing duplicated. */
  {
    g_autoptr(GHashTable) units = sync_all_records (ts->store, PAMONG_TYPE_UNIT);
    guint expected_units = n_base_units;

    for (guint k = 0; k < N_CLIENTS; k++)
      {
        GHashTableIter iter;
        gpointer key, value;

        g_hash_table_iter_init (&iter, clients[k].created);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            PamongRecord *unit = g_hash_table_lookup (units, key);

            if (*(const char *) value == '\0')
              {
                /* Deleted before any sync: never on the server. */
                g_assert_null (unit);
                continue;
              }
            expected_units++;
            g_assert_nonnull (unit);
            g_assert_false (pamong_record_get_deleted (unit));
            g_assert_cmpstr (pamong_unit_get_name (PAMONG_UNIT (unit)), ==, value);
          }

        /* An application edited by one client only has its last edit;
         * one edited by several has the last edit of one of them. */
        g_hash_table_iter_init (&iter, clients[k].edited);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            g_autoptr(PamongRecord) app = sync_lookup (ts->store, PAMONG_TYPE_APPLICATION, key);
            const char *description = pamong_application_get_description (PAMONG_APPLICATION (app));
            gboolean someone = FALSE;
            guint n_editors = 0;

            for (guint j = 0; j < N_CLIENTS; j++)
              {
                const char *theirs = g_hash_table_lookup (clients[j].edited, key);

                if (theirs != NULL)
                  n_editors++;
                someone |= g_strcmp0 (theirs, description) == 0;
              }
            g_assert_true (someone);
            if (n_editors == 1)
              g_assert_cmpstr (description, ==, value);
          }

        g_hash_table_iter_init (&iter, clients[k].deleted);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          {
            g_autoptr(PamongRecord) app = sync_lookup (ts->store, PAMONG_TYPE_APPLICATION, key);

            /* A delete only loses to an explicit "take theirs" of an edit,
             * and nobody edits the delete pool. */
            g_assert_true (pamong_record_get_deleted (app));
          }
      }

    g_assert_cmpuint (count_live (ts->store, PAMONG_TYPE_UNIT), ==, expected_units);
  }

  for (guint k = 0; k < N_CLIENTS; k++)
    {
      g_clear_pointer (&clients[k].client, sync_client_free);
      g_rand_free (clients[k].rand);
      g_hash_table_unref (clients[k].created);
      g_hash_table_unref (clients[k].edited);
      g_hash_table_unref (clients[k].deleted);
    }
  fault_proxy_free (proxy);
}

int
main (int   argc,
      char *argv[])
{
  pamong_test_init (&argc, &argv);

  g_test_add_func ("/pamong/sync/faults/many-clients-converge-through-faults",
                   test_many_clients_converge_through_faults);

  return g_test_run ();
}
