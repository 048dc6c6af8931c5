/* bench-login.c — logins per second and their latency at argon2id's real cost
 *
 * Runs the server in-process on loopback with PAMONG_SERVER_FAST_HASH=0
 * (libsodium's "interactive" argon2id cost, as in production), then logs
 * in 20 times one after another, and 20 times from 4 clients at once (each
 * its own session and connection, so 4 requests are in flight). While the
 * 4 clients log in, a fifth client asks GET /api/v1/status every 20 ms,
 * to show what the rest of the API waits meanwhile. Prints the figures;
 * asserts only that every request succeeded, nothing about time.
 *
 *   meson test -C _build --benchmark --suite bench -v bench-login
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pamong-enums.h"

#include "pamong-server-auth.h"

#include "server-test-util.h"

#define BENCH_PASSWORD "bench-password"
#define N_LOGINS 20
#define N_CLIENTS 4
#define STATUS_INTERVAL_MS 20

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* "median 123.4 ms, p95 130.2 ms, max 140.0 ms" over @n latencies in µs
 * (sorted in place); p95 by nearest rank. */
static char *
describe_latencies (gint64 *latencies,
                    guint   n)
{
  double median;
  guint p95_index;

  g_assert_cmpuint (n, >, 0);
  qsort (latencies, n, sizeof *latencies, compare_gint64);
  median = n % 2 == 1 ? latencies[n / 2] : (latencies[n / 2 - 1] + latencies[n / 2]) / 2.0;
  p95_index = (guint) ((95 * n + 99) / 100) - 1;

  return g_strdup_printf ("median %.1f ms, p95 %.1f ms, max %.1f ms",
                          median / 1000.0, latencies[p95_index] / 1000.0,
                          latencies[n - 1] / 1000.0);
}

/* ---- concurrent clients --------------------------------------------------- */

typedef struct _Bench Bench;

typedef struct
{
  Bench       *bench;
  SoupSession *session;
  SoupMessage *msg;        /* the login in flight */
  char        *username;
  guint        remaining;
  gint64       started;
} Client;

struct _Bench
{
  PamongTestServer *ts;
  gint64            latencies[N_LOGINS];
  guint             n_done;
  guint             n_clients_running;
  /* GET /api/v1/status meanwhile */
  SoupSession      *status_session;
  GArray           *status_latencies;
  gboolean          status_in_flight;
  gint64            status_started;
};

static void client_send (Client *client);

static void
client_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Client *client = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
  status = soup_message_get_status (client->msg);
  if (status != SOUP_STATUS_OK)
    g_error ("A login as %s was answered %u: %.*s", client->username, status,
             (int) MIN (g_bytes_get_size (body), 400),
             (const char *) g_bytes_get_data (body, NULL));

  client->bench->latencies[client->bench->n_done++] = g_get_monotonic_time ()
                                                      - client->started;
  g_clear_object (&client->msg);

  if (--client->remaining > 0)
    client_send (client);
  else
    client->bench->n_clients_running--;
}

static void
client_send (Client *client)
{
  client->msg = pamong_test_login_message (client->bench->ts, client->username, BENCH_PASSWORD);
  client->started = g_get_monotonic_time ();
  soup_session_send_and_read_async (client->session, client->msg, G_PRIORITY_DEFAULT, NULL,
                                    client_done, client);
}

static void
status_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SoupMessage *msg = user_data;
  Bench *bench = g_object_get_data (G_OBJECT (msg), "bench");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  gint64 latency;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
  latency = g_get_monotonic_time () - bench->status_started;
  g_array_append_val (bench->status_latencies, latency);
  bench->status_in_flight = FALSE;
  g_object_unref (msg);
}

static gboolean
status_tick (gpointer user_data)
{
  Bench *bench = user_data;
  g_autofree char *uri = NULL;
  SoupMessage *msg;

  if (bench->status_in_flight)
    return G_SOURCE_CONTINUE;

  uri = pamong_test_server_uri (bench->ts, PAMONG_SERVER_API_PREFIX "/status");
  msg = soup_message_new (SOUP_METHOD_GET, uri);
  g_object_set_data (G_OBJECT (msg), "bench", bench);
  bench->status_in_flight = TRUE;
  bench->status_started = g_get_monotonic_time ();
  soup_session_send_and_read_async (bench->status_session, msg, G_PRIORITY_DEFAULT, NULL,
                                    status_done, msg);

  return G_SOURCE_CONTINUE;
}

/* ---- the benchmark ------------------------------------------------------ */

static void
bench_login (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_NONE);
  g_autoptr(GError) error = NULL;
  g_autofree char *figures = NULL;
  Client clients[N_CLIENTS];
  Bench bench;
  gint64 latencies[N_LOGINS];
  gint64 start;
  gint64 elapsed;
  guint ticker;
  const char *fast = g_getenv ("PAMONG_SERVER_FAST_HASH");

  g_test_message ("argon2id cost: %s (PAMONG_SERVER_FAST_HASH=%s); %u worker-capable CPUs",
                  g_strcmp0 (fast, "1") == 0 ? "libsodium's minimum (NOT production)"
                                             : "libsodium's interactive (production)",
                  fast != NULL ? fast : "unset", g_get_num_processors ());

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("bench%u", i);

      pamong_server_users_put (ts->store, name, BENCH_PASSWORD, PAMONG_ROLE_VIEWER, NULL,
                               NULL, &error);
      g_assert_no_error (error);
    }
  g_test_message ("%u accounts created (hashing on the calling thread) in %.2f s",
                  N_CLIENTS, (g_get_monotonic_time () - start) / 1e6);

  /* One client, one login after another. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_LOGINS; i++)
    {
      gint64 begun = g_get_monotonic_time ();
      g_autofree char *token = pamong_test_login (ts, "bench0", BENCH_PASSWORD);

      latencies[i] = g_get_monotonic_time () - begun;
      g_assert_cmpuint (strlen (token), ==, 43);
    }
  elapsed = g_get_monotonic_time () - start;
  figures = describe_latencies (latencies, N_LOGINS);
  g_test_message ("sequential, 1 client: %u logins in %.2f s = %.2f logins/s; %s",
                  N_LOGINS, elapsed / 1e6, N_LOGINS / (elapsed / 1e6), figures);
  g_clear_pointer (&figures, g_free);

  /* N_CLIENTS clients at once, each with its own connection. */
  memset (&bench, 0, sizeof bench);
  bench.ts = ts;
  bench.n_clients_running = N_CLIENTS;
  bench.status_session = soup_session_new_with_options ("proxy-resolver", NULL,
                                                        "timeout", 30, NULL);
  bench.status_latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  memset (clients, 0, sizeof clients);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      clients[i].bench = &bench;
      clients[i].session = soup_session_new_with_options ("proxy-resolver", NULL,
                                                          "timeout", 30, NULL);
      clients[i].username = g_strdup_printf ("bench%u", i);
      clients[i].remaining = N_LOGINS / N_CLIENTS;
      client_send (&clients[i]);
    }
  ticker = g_timeout_add (STATUS_INTERVAL_MS, status_tick, &bench);
  while (bench.n_clients_running > 0)
    g_main_context_iteration (NULL, TRUE);
  elapsed = g_get_monotonic_time () - start;
  g_source_remove (ticker);
  while (bench.status_in_flight)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (bench.n_done, ==, N_LOGINS);
  figures = describe_latencies (bench.latencies, N_LOGINS);
  g_test_message ("concurrent, %u clients: %u logins in %.2f s = %.2f logins/s; %s",
                  N_CLIENTS, N_LOGINS, elapsed / 1e6, N_LOGINS / (elapsed / 1e6), figures);
  g_clear_pointer (&figures, g_free);

  g_assert_cmpuint (bench.status_latencies->len, >, 0);
  figures = describe_latencies ((gint64 *) (gpointer) bench.status_latencies->data,
                                bench.status_latencies->len);
  g_test_message ("  meanwhile GET /api/v1/status every %u ms: %u answers; %s",
                  STATUS_INTERVAL_MS, bench.status_latencies->len, figures);

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_clear_object (&clients[i].session);
      g_free (clients[i].username);
    }
  g_clear_object (&bench.status_session);
  g_array_unref (bench.status_latencies);
}

int
main (int   argc,
      char *argv[])
{
  /* The real cost unless told otherwise (pamong_test_init would pick the
   * tests' minimum cost when the variable is unset). */
  g_setenv ("PAMONG_SERVER_FAST_HASH", "0", FALSE);
  pamong_test_init (&argc, &argv);

  g_test_add_func ("/pamong/server/bench/login-throughput-and-latency", bench_login);

  return g_test_run ();
}
