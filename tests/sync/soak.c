/* soak.c — many clients sync and write against the real pamong-server for a
 * while, through a proxy that breaks a share of the answers; then every
 * store must converge with nothing lost (issue 8)
 *
 * Usage: soak PAMONG-SERVER MAKE-DB SERVER-DB [--clients N] [--seconds S]
 *             [--faults PERCENT] [--seed N] [--verbose]
 *
 * SERVER-DB is made with MAKE-DB unless it exists (make-demo-db for the
 * short form in the test suite, make-bench-db for the benchmark set). The
 * server runs in its own process on a copy of it, so its memory is its own.
 *
 * Each client is a file store that starts from one first sync (copied, with
 * a device code of its own, as field laptops set up from one image) and
 * then loops: a few writes (new service requests, status changes, comments
 * and attachments on its own requests, edits of a pool of applications that every client
 * edits, so conflicts happen), a sync through the proxy, conflicts resolved
 * by lot. All clients run at once on one main loop; the proxy has a thread
 * of its own so that its timings are the server's.
 *
 * At the end the faults stop, every client syncs until nothing is pending,
 * the server is stopped and its database is compared record for record
 * with every client store; every request a client made is there with the
 * status, the events and the attachments (their bytes too) the client
 * gave it, and every application edit that won is one a client wrote.
 *
 * Prints throughput, server latency percentiles per route and the server's
 * resident memory over time; exits non-zero when convergence fails or the
 * memory grows in the second half of the run (not checked under the
 * sanitizers, whose quarantine grows by design).
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fault-proxy.h"
#include "pamong-server-schema.h"
#include "pamong-store-sql.h"
#include "server-process.h"
#include "sync-test-util.h"

#if defined(__SANITIZE_ADDRESS__)
# define SOAK_SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SOAK_SANITIZED 1
# endif
#endif
#ifndef SOAK_SANITIZED
# define SOAK_SANITIZED 0
#endif

#define APP_POOL 30

typedef struct _Soak Soak;

typedef struct
{
  char                *uuid;
  PamongRequestStatus  status;     /* the one this client gave it last */
  guint                n_events;   /* the events this client gave it */
  guint                n_attachments;
} OwnRequest;

typedef struct
{
  Soak        *soak;
  guint        index;
  SyncClient  *client;
  GRand       *rand;
  GPtrArray   *own;         /* OwnRequest*, the requests this client made */
  GHashTable  *edited;      /* uuid of a pool application -> last description written */
  GArray      *run_ms;      /* wall time of each sync run */
  guint        n_writes;
  guint        n_failed_runs;
  guint        n_conflicts;
  gboolean     running;
} Client;

struct _Soak
{
  ServerProcess  *server;
  FaultProxy     *proxy;
  GPtrArray      *service_types;  /* PamongServiceType* */
  GPtrArray      *pool;           /* uuids of the applications everyone edits */
  Client         *clients;
  guint           n_clients;
  guint           n_running;
  gboolean        stopping;
  GArray         *rss;            /* guint64 KiB, one a second during the load */
  guint           fds_start;      /* the server's open descriptors before the load */
  guint           fds_max;        /* and the most seen during it */
  GMainLoop      *loop;
};

static void client_step (Client *c);

/* ------------------------------------------------------------- writes */

static void
write_new_request (Client *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongServiceRequest) request = pamong_service_request_new ();
  PamongServiceType *type = g_ptr_array_index (c->soak->service_types,
                                               g_rand_int_range (c->rand, 0, c->soak->service_types->len));
  g_autofree char *name = g_strdup_printf ("Warga Uji Beban %u-%u", c->index, c->own->len);
  OwnRequest *own;

  pamong_service_request_set_applicant_name (request, name);
  pamong_service_request_set_description (request, "Permohonan dari uji beban");
  if (!pamong_request_workflow_submit (c->client->store, NULL, request, type, "soak", NULL, &error))
    g_error ("client %u: submit: %s", c->index, error->message);

  own = g_new0 (OwnRequest, 1);
  own->uuid = g_strdup (pamong_record_get_uuid (PAMONG_RECORD (request)));
  own->status = pamong_service_request_get_status (request);
  own->n_events = 1;
  g_ptr_array_add (c->own, own);
}

/* One of this client's requests, and its record as the store has it now
 * (as the app reads it before each change: a copy held across a sync that
 * moved its rev would be an edit of an old version, a conflict). */
static OwnRequest *
pick_own (Client                *c,
          PamongServiceRequest **request)
{
  OwnRequest *own;

  if (c->own->len == 0)
    return NULL;
  own = g_ptr_array_index (c->own, g_rand_int_range (c->rand, 0, c->own->len));
  *request = PAMONG_SERVICE_REQUEST (sync_lookup (c->client->store, PAMONG_TYPE_SERVICE_REQUEST, own->uuid));
  return own;
}

static void
write_transition (Client *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongServiceRequest) request = NULL;
  OwnRequest *own = pick_own (c, &request);
  const PamongRequestStatus *next;
  PamongRequestStatus to;
  guint n_next = 0;

  if (own == NULL)
    return;
  g_assert_cmpint (pamong_service_request_get_status (request), ==, own->status);
  next = pamong_request_status_next (own->status, &n_next);
  if (n_next == 0)
    return;
  to = next[g_rand_int_range (c->rand, 0, n_next)];
  if (!pamong_request_workflow_transition (c->client->store, request, to,
                                           "soak", "Diproses oleh uji beban", &error))
    g_error ("client %u: transition: %s", c->index, error->message);
  own->status = to;
  own->n_events++;
}

static void
write_comment (Client *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongServiceRequest) request = NULL;
  OwnRequest *own = pick_own (c, &request);

  if (own == NULL)
    return;
  if (!pamong_request_workflow_comment (c->client->store, request, "soak",
                                        "Catatan uji beban", &error))
    g_error ("client %u: comment: %s", c->index, error->message);
  own->n_events++;
}

/* A scanned letter of 1 to 32 KiB. */
static void
write_attachment (Client *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongServiceRequest) request = NULL;
  g_autoptr(PamongAttachment) attachment = NULL;
  g_autoptr(GBytes) data = NULL;
  OwnRequest *own = pick_own (c, &request);
  gsize size = 1024 * (1 + g_rand_int_range (c->rand, 0, 32));
  guint8 *bytes;

  if (own == NULL)
    return;
  bytes = g_malloc (size);
  for (gsize i = 0; i < size; i++)
    bytes[i] = (guint8) g_rand_int (c->rand);
  data = g_bytes_new_take (bytes, size);
  attachment = pamong_store_attach (c->client->store, PAMONG_RECORD (request), "surat.pdf",
                                    "application/pdf", data, &error);
  if (attachment == NULL)
    g_error ("client %u: attach: %s", c->index, error->message);
  own->n_attachments++;
}

static void
write_application_edit (Client *c)
{
  g_autoptr(GError) error = NULL;
  const char *uuid = g_ptr_array_index (c->soak->pool, g_rand_int_range (c->rand, 0, c->soak->pool->len));
  g_autoptr(PamongRecord) app = sync_lookup (c->client->store, PAMONG_TYPE_APPLICATION, uuid);
  g_autofree char *description = g_strdup_printf ("Klien %u, suntingan %u", c->index, c->n_writes);

  pamong_application_set_description (PAMONG_APPLICATION (app), description);
  if (!pamong_store_save (c->client->store, app, &error))
    g_error ("client %u: edit: %s", c->index, error->message);
  g_hash_table_replace (c->edited, g_strdup (uuid), g_strdup (description));
}

static void
make_writes (Client *c)
{
  guint n = 1 + g_rand_int_range (c->rand, 0, 5);

  for (guint i = 0; i < n; i++, c->n_writes++)
    {
      guint lot = g_rand_int_range (c->rand, 0, 10);

      if (lot < 4)
        write_new_request (c);
      else if (lot < 7)
        write_transition (c);
      else if (lot < 8)
        write_comment (c);
      else if (lot < 9)
        write_attachment (c);
      else
        write_application_edit (c);
    }
}

/* Conflicts arise on the pool of applications; resolved by lot
 * (sync_resolution_by_lot). */
static guint
resolve_conflicts (Client *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = pamong_store_list_conflicts (c->client->store, &error);

  if (conflicts == NULL)
    g_error ("client %u: %s", c->index, error->message);
  for (guint i = 0; i < conflicts->len; i++)
    {
      PamongRecord *mine = g_ptr_array_index (conflicts, i);
      g_autoptr(PamongRecord) theirs = pamong_store_get_conflict_record (c->client->store, mine, &error);
      g_autoptr(PamongRecord) resolution = NULL;

      if (theirs == NULL)
        g_error ("client %u: %s", c->index, error->message);
      resolution = sync_resolution_by_lot (c->rand, mine, theirs);
      if (!pamong_store_resolve_conflict (c->client->store, resolution, &error))
        g_error ("client %u: resolve: %s", c->index, error->message);
    }

  c->n_conflicts += conflicts->len;
  return conflicts->len;
}

/* ------------------------------------------------------------ the load */

typedef struct
{
  Client *client;
  gint64  started;
} Run;

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;
  Client *c = run->client;
  g_autoptr(GError) error = NULL;
  double ms = (g_get_monotonic_time () - run->started) / 1000.0;

  g_free (run);
  if (!pamong_sync_run_finish (PAMONG_SYNC (source), result, &error))
    c->n_failed_runs++;
  g_array_append_val (c->run_ms, ms);
  resolve_conflicts (c);

  if (c->soak->stopping)
    {
      c->running = FALSE;
      if (--c->soak->n_running == 0)
        g_main_loop_quit (c->soak->loop);
      return;
    }
  client_step (c);
}

static void
client_step (Client *c)
{
  Run *run = g_new0 (Run, 1);

  make_writes (c);
  run->client = c;
  run->started = g_get_monotonic_time ();
  pamong_sync_run_async (c->client->sync, NULL, on_run_done, run);
}

static gboolean
on_load_over (gpointer user_data)
{
  Soak *soak = user_data;

  soak->stopping = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
on_sample_rss (gpointer user_data)
{
  Soak *soak = user_data;
  guint64 kib = server_process_get_rss_kib (soak->server);

  if (!soak->stopping)
    {
      g_array_append_val (soak->rss, kib);
      soak->fds_max = MAX (soak->fds_max, server_process_get_n_fds (soak->server));
    }
  return soak->stopping ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

/* --------------------------------------------------------- the figures */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gint64
percentile_gint64 (GArray *sorted,
                   double  p)
{
  if (sorted->len == 0)
    return 0;
  return g_array_index (sorted, gint64, MIN (sorted->len - 1, (guint) (p * sorted->len)));
}

static void
print_latencies (const char *route,
                 GArray     *usecs,
                 double      seconds)
{
  g_autoptr(GArray) sorted = g_array_copy (usecs);

  g_array_sort (sorted, compare_gint64);
  g_print ("  %-16s %6u requests (%6.1f/s)  p50 %7.1f  p95 %7.1f  p99 %7.1f  max %7.1f ms\n",
           route, sorted->len, sorted->len / seconds,
           percentile_gint64 (sorted, 0.50) / 1000.0, percentile_gint64 (sorted, 0.95) / 1000.0,
           percentile_gint64 (sorted, 0.99) / 1000.0, percentile_gint64 (sorted, 1.0) / 1000.0);
}

static guint64
max_rss (GArray *rss,
         guint   from,
         guint   to)
{
  guint64 peak = 0;

  for (guint i = from; i < to && i < rss->len; i++)
    peak = MAX (peak, g_array_index (rss, guint64, i));
  return peak;
}

/* ---------------------------------------------------- the convergence */

static gboolean
converge (Soak *soak)
{
  guint rounds = 0;
  gboolean quiet = FALSE;

  while (!quiet)
    {
      if (++rounds > 60)
        return FALSE;
      quiet = TRUE;
      for (guint k = 0; k < soak->n_clients; k++)
        {
          Client *c = &soak->clients[k];
          g_autoptr(GError) error = NULL;

          if (!sync_run (c->client->sync, &error))
            quiet = FALSE;
          if (resolve_conflicts (c) > 0 ||
              pamong_store_count_pending (c->client->store, NULL) > 0)
            quiet = FALSE;
        }
    }

  /* Everyone pulls what the others pushed last. */
  for (guint k = 0; k < soak->n_clients; k++)
    {
      g_autoptr(GError) error = NULL;

      if (!sync_run (soak->clients[k].client->sync, &error))
        return FALSE;
    }
  g_print ("  converged in %u rounds after the load\n", rounds);
  return TRUE;
}

/* The server holds the bytes of @sha256, and they hash to it. */
static void
check_server_blob (PamongStore *server_store,
                   const char  *sha256,
                   gint64       size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStoreStmt) stmt =
    pamong_store_prepare (server_store, "SELECT content FROM server_blobs WHERE sha256 = ?", &error);
  g_autofree char *digest = NULL;

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_bytes (stmt, 0), ==, size);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, sqlite3_column_blob (stmt, 0),
                                        (gsize) sqlite3_column_bytes (stmt, 0));
  g_assert_cmpstr (digest, ==, sha256);
}

/* Every request a client made is on the server with its status and all the
 * events it gave it; every pool application holds an edit some client
 * wrote (the last one when a single client edited it). Returns the number
 * of requests checked. */
static guint
check_nothing_lost (Soak        *soak,
                    PamongStore *server_store)
{
  guint n_checked = 0;

  for (guint k = 0; k < soak->n_clients; k++)
    {
      Client *c = &soak->clients[k];
      GHashTableIter iter;
      gpointer key, value;

      for (guint i = 0; i < c->own->len; i++)
        {
          OwnRequest *own = g_ptr_array_index (c->own, i);
          const char *uuid = own->uuid;
          g_autoptr(PamongRecord) on_server = sync_lookup (server_store, PAMONG_TYPE_SERVICE_REQUEST, uuid);
          g_autoptr(GPtrArray) events = NULL;
          g_autoptr(GPtrArray) attachments = NULL;
          g_autoptr(GError) error = NULL;

          g_assert_nonnull (on_server);
          g_assert_false (pamong_record_get_deleted (on_server));
          g_assert_cmpint (pamong_service_request_get_status (PAMONG_SERVICE_REQUEST (on_server)), ==,
                           own->status);
          events = pamong_request_workflow_list_events (server_store, uuid, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (events->len, ==, own->n_events);
          attachments = pamong_store_list_attachments (server_store, uuid, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (attachments->len, ==, own->n_attachments);
          for (guint j = 0; j < attachments->len; j++)
            {
              PamongAttachment *attachment = g_ptr_array_index (attachments, j);

              check_server_blob (server_store, pamong_attachment_get_sha256 (attachment),
                                 pamong_attachment_get_size (attachment));
            }
          n_checked++;
        }

      g_hash_table_iter_init (&iter, c->edited);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autoptr(PamongRecord) app = sync_lookup (server_store, PAMONG_TYPE_APPLICATION, key);
          const char *description = pamong_application_get_description (PAMONG_APPLICATION (app));
          gboolean someone = FALSE;
          guint n_editors = 0;

          for (guint j = 0; j < soak->n_clients; j++)
            {
              const char *theirs = g_hash_table_lookup (soak->clients[j].edited, key);

              n_editors += theirs != NULL;
              someone |= g_strcmp0 (theirs, description) == 0;
            }
          g_assert_true (someone);
          if (n_editors == 1)
            g_assert_cmpstr (description, ==, value);
        }
    }

  return n_checked;
}

/* --------------------------------------------------------------- setup */

static void
load_shared_data (Soak        *soak,
                  PamongStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongQuery) types = pamong_query_new (PAMONG_TYPE_SERVICE_TYPE);
  g_autoptr(PamongQuery) apps = pamong_query_new (PAMONG_TYPE_APPLICATION);
  g_autoptr(GListModel) type_model = pamong_store_query (store, types, &error);
  g_autoptr(GListModel) app_model = NULL;

  g_assert_no_error (error);
  soak->service_types = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (type_model); i++)
    g_ptr_array_add (soak->service_types, g_list_model_get_item (type_model, i));
  g_assert_cmpuint (soak->service_types->len, >, 0);

  pamong_query_set_sort (apps, "name", FALSE);
  app_model = pamong_store_query (store, apps, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (app_model), >=, APP_POOL);
  soak->pool = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < APP_POOL; i++)
    {
      g_autoptr(PamongRecord) app = g_list_model_get_item (app_model, i);

      g_ptr_array_add (soak->pool, g_strdup (pamong_record_get_uuid (app)));
    }
}

static void
own_request_free (gpointer data)
{
  OwnRequest *own = data;

  g_free (own->uuid);
  g_free (own);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) options = NULL;
  int n_clients = 8;
  int seconds = 30;
  int percent = 10;
  gint64 seed = -1;
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "clients", 0, 0, G_OPTION_ARG_INT, &n_clients, "Clients syncing at once", "N" },
    { "seconds", 0, 0, G_OPTION_ARG_INT, &seconds, "Length of the load", "S" },
    { "faults", 0, 0, G_OPTION_ARG_INT, &percent, "Share of requests faulted", "PERCENT" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the faults and the writes", "N" },
    { "verbose", 0, 0, G_OPTION_ARG_NONE, &verbose, "Show the server's log", NULL },
    { NULL }
  };
  Soak soak = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *server_db = NULL;
  g_autofree char *first_db = NULL;
  g_autoptr(PamongStore) server_store = NULL;
  g_autoptr(GArray) all_runs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *counts = NULL;
  gint64 started, load_time;
  double load_seconds, server_cpu;
  guint n_writes = 0, n_failed = 0, n_conflicts = 0, n_checked, n_http = 0;
  guint64 rss_warm, rss_mid, rss_end;
  guint third;
  gboolean memory_ok, judged;

  options = g_option_context_new ("PAMONG-SERVER MAKE-DB SERVER-DB");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || argc != 4 ||
      n_clients < 1 || seconds < 1 || percent < 0 || percent > 100)
    {
      g_printerr ("usage: %s PAMONG-SERVER MAKE-DB SERVER-DB [--clients N] [--seconds S] "
                  "[--faults PERCENT] [--seed N]\n", argv[0]);
      return 2;
    }
  if (seed < 0)
    seed = g_random_int ();

  g_setenv ("PAMONG_SERVER_FAST_HASH", "1", TRUE);
  server_process_seed_once (argv[2], argv[3]);
  dir = g_dir_make_tmp ("pamong-soak-XXXXXX", &error);
  g_assert_no_error (error);
  server_db = g_build_filename (dir, "server.db", NULL);
  first_db = g_build_filename (dir, "first.db", NULL);
  copy_file (argv[3], server_db);

  g_print ("soak: %d clients for %d s, %d %% of requests faulted, seed %" G_GINT64_FORMAT
           " (replay with --seed)\n", n_clients, seconds, percent, seed);
  soak.server = server_process_start (argv[1], server_db, verbose);
  soak.proxy = fault_proxy_new (soak.server->url, (guint32) seed, 0, TRUE);
  soak.n_clients = n_clients;
  soak.clients = g_new0 (Client, n_clients);
  soak.rss = g_array_new (FALSE, FALSE, sizeof (guint64));
  soak.loop = g_main_loop_new (NULL, FALSE);

  /* One first sync, copied to every client. */
  {
    g_autofree char *token = server_process_login (soak.server, "admin", "pamong-demo");
    g_autoptr(SyncClient) first = sync_client_new (first_db, soak.server->url, token);
    gint64 start = g_get_monotonic_time ();

    g_assert_cmpuint (sync_until_quiet (first->sync, 5), >, 0);
    g_print ("  first sync of the server's records: %.1f s\n",
             (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
    load_shared_data (&soak, first->store);
  }

  for (guint k = 0; k < soak.n_clients; k++)
    {
      Client *c = &soak.clients[k];
      g_autofree char *path = g_strdup_printf ("%s/client-%u.db", dir, k);
      g_autofree char *token = server_process_login (soak.server, "admin", "pamong-demo");
      g_autofree char *device = g_strdup_printf ("S%03X", k);

      copy_file (first_db, path);
      c->soak = &soak;
      c->index = k;
      c->client = sync_client_new (path, fault_proxy_get_url (soak.proxy), token);
      g_assert_true (pamong_tracking_set_device_code (c->client->store, device, &error));
      g_assert_no_error (error);
      c->rand = g_rand_new_with_seed ((guint32) seed + k + 1);
      c->own = g_ptr_array_new_with_free_func (own_request_free);
      c->edited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      c->run_ms = g_array_new (FALSE, FALSE, sizeof (double));
      pamong_sync_set_batch_size (c->client->sync, 50);
      pamong_sync_set_page_size (c->client->sync, 250);
      pamong_sync_set_retry (c->client->sync, 2, 40, 3);
    }

  /* The load. */
  fault_proxy_set_percent (soak.proxy, percent);
  server_cpu = server_process_get_cpu_seconds (soak.server);
  soak.fds_start = server_process_get_n_fds (soak.server);
  started = g_get_monotonic_time ();
  for (guint k = 0; k < soak.n_clients; k++)
    {
      soak.clients[k].running = TRUE;
      soak.n_running++;
      client_step (&soak.clients[k]);
    }
  on_sample_rss (&soak);
  g_timeout_add_seconds (1, on_sample_rss, &soak);
  g_timeout_add_seconds (seconds, on_load_over, &soak);
  g_main_loop_run (soak.loop);
  load_time = g_get_monotonic_time () - started;
  load_seconds = load_time / (double) G_USEC_PER_SEC;
  server_cpu = server_process_get_cpu_seconds (soak.server) - server_cpu;

  for (guint k = 0; k < soak.n_clients; k++)
    {
      Client *c = &soak.clients[k];

      n_writes += c->n_writes;
      n_failed += c->n_failed_runs;
      n_conflicts += c->n_conflicts;
      g_array_append_vals (all_runs, c->run_ms->data, c->run_ms->len);
    }
  g_array_sort (all_runs, compare_double);

  /* Convergence, faults off. */
  fault_proxy_set_percent (soak.proxy, 0);
  if (!converge (&soak))
    g_error ("the clients did not converge after the load");
  fault_proxy_stop (soak.proxy);

  /* The figures of the load. */
  for (guint r = 0; r < N_FAULT_ROUTES; r++)
    n_http += fault_proxy_get_latencies (soak.proxy, r)->len;
  counts = fault_proxy_describe_counts (soak.proxy);
  g_print ("  load: %.1f s; %u writes (%.1f/s); %u sync runs (%.1f/s), %u ended by a fault;"
           " %u conflicts resolved\n",
           load_seconds, n_writes, n_writes / load_seconds, all_runs->len,
           all_runs->len / load_seconds, n_failed, n_conflicts);
  g_print ("  sync run: p50 %.0f ms, p95 %.0f ms, max %.0f ms\n",
           g_array_index (all_runs, double, all_runs->len / 2),
           g_array_index (all_runs, double, MIN (all_runs->len - 1, all_runs->len * 95 / 100)),
           g_array_index (all_runs, double, all_runs->len - 1));
  g_print ("  server answers (%u, %.1f/s over the whole run) and their latency:\n",
           n_http, n_http / load_seconds);
  print_latencies ("GET changes", fault_proxy_get_latencies (soak.proxy, FAULT_ROUTE_CHANGES), load_seconds);
  print_latencies ("POST batch", fault_proxy_get_latencies (soak.proxy, FAULT_ROUTE_BATCH), load_seconds);
  print_latencies ("blobs", fault_proxy_get_latencies (soak.proxy, FAULT_ROUTE_BLOBS), load_seconds);
  print_latencies ("other", fault_proxy_get_latencies (soak.proxy, FAULT_ROUTE_OTHER), load_seconds);
  g_print ("  faults injected in %u requests: %s\n", fault_proxy_get_n_requests (soak.proxy), counts);
  g_print ("  server CPU during the load: %.1f s of %.1f s (%.0f %% of one core)\n",
           server_cpu, load_seconds, 100.0 * server_cpu / load_seconds);

  /* Memory: the peak of the middle third against the peak of the last. */
  third = soak.rss->len / 3;
  rss_warm = max_rss (soak.rss, 0, MAX (third, 1));
  rss_mid = max_rss (soak.rss, third, 2 * third);
  rss_end = max_rss (soak.rss, 2 * third, soak.rss->len);
  judged = !SOAK_SANITIZED && soak.rss->len >= 9;
  memory_ok = rss_end <= rss_mid + rss_mid / 10 + 4 * 1024;
  g_print ("  server RSS (%u samples): peak of first third %.1f MiB, middle %.1f MiB, last %.1f MiB%s\n",
           soak.rss->len, rss_warm / 1024.0, rss_mid / 1024.0, rss_end / 1024.0,
           SOAK_SANITIZED ? " (sanitizer build: growth not judged)"
           : !judged ? " (too short to judge)"
           : memory_ok ? " (no growth beyond 10 % + 4 MiB: met)" : " (GROWS)");

  /* The whole series, a tenth of the run per figure, to see its shape. */
  {
    g_autoptr(GString) series = g_string_new (NULL);
    guint step = MAX (soak.rss->len / 10, 1);

    for (guint i = 0; i < soak.rss->len; i += step)
      g_string_append_printf (series, "%s%.1f", i > 0 ? " " : "",
                              g_array_index (soak.rss, guint64, i) / 1024.0);
    g_print ("  server RSS every %u s (MiB): %s\n", step, series->str);
  }

  /* Descriptors: at most one connection per client and one for each of
   * the proxy's pooled ones may be open at a time; anything that grows
   * with the number of requests is a leak. */
  g_print ("  server descriptors: %u before the load, at most %u during it, %u after it\n",
           soak.fds_start, soak.fds_max, server_process_get_n_fds (soak.server));
  g_assert_cmpuint (soak.fds_max, <=, soak.fds_start + 2 * soak.n_clients + 64);

  g_assert_true (server_process_stop (soak.server));

  /* Nothing lost: the server's database against every client. */
  server_store = pamong_server_open_store (server_db, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < soak.n_clients; k++)
    sync_assert_converged (soak.clients[k].client->store, server_store);
  n_checked = check_nothing_lost (&soak, server_store);
  g_print ("  converged: %u stores equal to the server's, %u requests made under load all there"
           " with their status, events and attachments\n", soak.n_clients, n_checked);

  for (guint k = 0; k < soak.n_clients; k++)
    {
      Client *c = &soak.clients[k];

      g_clear_pointer (&c->client, sync_client_free);
      g_rand_free (c->rand);
      g_ptr_array_unref (c->own);
      g_hash_table_unref (c->edited);
      g_array_unref (c->run_ms);
    }
  g_clear_object (&server_store);
  g_free (soak.clients);
  g_ptr_array_unref (soak.service_types);
  g_ptr_array_unref (soak.pool);
  g_array_unref (soak.rss);
  g_main_loop_unref (soak.loop);
  fault_proxy_free (soak.proxy);
  server_process_free (soak.server);
  remove_dir (dir);

  return !judged || memory_ok ? 0 : 1;
}
