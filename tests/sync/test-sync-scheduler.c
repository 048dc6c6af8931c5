/* test-sync-scheduler.c — when the sync runs: on start, periodically, on
 * demand (coalesced), after the network comes back, and not after a 401
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pamong-core.h"
#include "pamong-sync-scheduler.h"
#include "server-test-util.h"

/* A network monitor the test switches on and off. */

#define TEST_TYPE_MONITOR (test_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestMonitor, test_monitor, TEST, MONITOR, GObject)

struct _TestMonitor
{
  GObject  parent_instance;
  gboolean available;
};

static void test_monitor_iface_init  (GNetworkMonitorInterface *iface);
static void test_initable_iface_init (GInitableIface           *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestMonitor, test_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      test_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR,
                                                      test_monitor_iface_init))

static gboolean
test_monitor_initable_init (GInitable     *initable,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return TRUE;
}

static void
test_initable_iface_init (GInitableIface *iface)
{
  iface->init = test_monitor_initable_init;
}

enum
{
  MONITOR_PROP_0,
  MONITOR_PROP_AVAILABLE,
  MONITOR_PROP_METERED,
  MONITOR_PROP_CONNECTIVITY,
};

static void
test_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestMonitor *self = TEST_MONITOR (object);

  switch (prop_id)
    {
    case MONITOR_PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case MONITOR_PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case MONITOR_PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL :
                                                 G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
test_monitor_can_reach (GNetworkMonitor     *monitor,
                        GSocketConnectable  *connectable,
                        GCancellable        *cancellable,
                        GError             **error)
{
  if (TEST_MONITOR (monitor)->available)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "Network unreachable");
  return FALSE;
}

static void
test_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = test_monitor_can_reach;
}

static void
test_monitor_class_init (TestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_monitor_get_property;
  g_object_class_override_property (object_class, MONITOR_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, MONITOR_PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, MONITOR_PROP_CONNECTIVITY, "connectivity");
}

static void
test_monitor_init (TestMonitor *self)
{
  self->available = TRUE;
}

static void
test_monitor_set_available (TestMonitor *self,
                            gboolean     available)
{
  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", available);
}

/* Fixture */

typedef struct
{
  PamongTestServer    *ts;
  char                *token;
  PamongStore         *store;   /* the client's */
  PamongSync          *sync;
  TestMonitor         *monitor;
  PamongSyncScheduler *scheduler;
  GPtrArray           *states;  /* the "state" values seen, in order */
  GPtrArray           *errors;  /* a GError copy (or NULL) per finished run */
  double               max_progress;
  guint64              max_pulled;
} Fixture;

static void
state_notify_cb (PamongSyncScheduler *scheduler,
                 GParamSpec          *pspec,
                 Fixture             *fixture)
{
  g_ptr_array_add (fixture->states,
                   GUINT_TO_POINTER (pamong_sync_scheduler_get_state (scheduler)));
}

static void
progress_notify_cb (PamongSyncScheduler *scheduler,
                    GParamSpec          *pspec,
                    Fixture             *fixture)
{
  fixture->max_progress = MAX (fixture->max_progress,
                               pamong_sync_scheduler_get_progress (scheduler));
}

static void
done_notify_cb (PamongSyncScheduler *scheduler,
                GParamSpec          *pspec,
                Fixture             *fixture)
{
  if (pamong_sync_scheduler_get_phase (scheduler) == PAMONG_SYNC_PHASE_PULL)
    fixture->max_pulled = MAX (fixture->max_pulled, pamong_sync_scheduler_get_done (scheduler));
}

static void
run_finished_cb (PamongSyncScheduler *scheduler,
                 const GError        *error,
                 Fixture             *fixture)
{
  g_ptr_array_add (fixture->errors, error != NULL ? g_error_copy (error) : NULL);
}

static void
on_template_synced (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
error_free0 (gpointer data)
{
  if (data != NULL)
    g_error_free (data);
}

/* A client store that already holds the demo as a first sync brings it
 * (made once per run: a full pull is slow under the sanitizers). Every
 * fixture's server is a fresh copy of the same demo database, so the
 * store's cursor fits each of them. */
static char *tmp_dir;
static char *template_path;
static guint n_clients;

static void
make_template (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "admin");
  g_autofree char *url = pamong_test_server_uri (ts, "/");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PamongStore *store;
  PamongSync *sync;

  template_path = g_build_filename (tmp_dir, "template.db", NULL);
  store = pamong_store_open (template_path, &error);
  g_assert_no_error (error);
  sync = pamong_sync_new (store, url);
  pamong_sync_set_token (sync, token);
  pamong_sync_set_page_size (sync, 700);
  pamong_sync_run_async (sync, NULL, on_template_synced, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (pamong_sync_run_finish (sync, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_finalize_object (sync);
  g_assert_finalize_object (store);
}

/* Makes the client side for a server at @url: an empty store, or with
 * @presynced a copy of the template. */
static void
fixture_make_client (Fixture    *fixture,
                     const char *url,
                     const char *token,
                     gboolean    presynced)
{
  g_autoptr(GError) error = NULL;

  if (presynced)
    {
      g_autofree char *name = g_strdup_printf ("client-%u.db", ++n_clients);
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_autoptr(GFile) from = g_file_new_for_path (template_path);
      g_autoptr(GFile) to = g_file_new_for_path (path);

      g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      fixture->store = pamong_store_open (path, &error);
    }
  else
    fixture->store = pamong_store_open (":memory:", &error);
  g_assert_no_error (error);
  fixture->sync = pamong_sync_new (fixture->store, url);
  pamong_sync_set_token (fixture->sync, token);
  pamong_sync_set_page_size (fixture->sync, 700);
  pamong_sync_set_retry (fixture->sync, 1, 2, 1);
  fixture->monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  fixture->scheduler = pamong_sync_scheduler_new (fixture->sync, G_NETWORK_MONITOR (fixture->monitor));
  pamong_sync_scheduler_set_backoff (fixture->scheduler, 50, 200);
  fixture->states = g_ptr_array_new ();
  fixture->errors = g_ptr_array_new_with_free_func (error_free0);
  g_signal_connect (fixture->scheduler, "notify::state", G_CALLBACK (state_notify_cb), fixture);
  g_signal_connect (fixture->scheduler, "notify::progress", G_CALLBACK (progress_notify_cb), fixture);
  g_signal_connect (fixture->scheduler, "notify::done", G_CALLBACK (done_notify_cb), fixture);
  g_signal_connect (fixture->scheduler, "run-finished", G_CALLBACK (run_finished_cb), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *url = NULL;

  fixture->ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  fixture->token = pamong_test_login_demo (fixture->ts, "admin");
  url = pamong_test_server_uri (fixture->ts, "/");
  /* data: "empty" for a client that has never synced. */
  fixture_make_client (fixture, url, fixture->token, g_strcmp0 (data, "empty") != 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pamong_sync_scheduler_stop (fixture->scheduler);
  /* Let a cancelled run come back before everything goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->scheduler);
  g_assert_finalize_object (fixture->sync);
  g_assert_finalize_object (fixture->monitor);
  g_assert_finalize_object (fixture->store);
  g_ptr_array_unref (fixture->states);
  g_ptr_array_unref (fixture->errors);
  g_free (fixture->token);
  pamong_test_server_free (fixture->ts);
}

typedef gboolean (*Condition) (Fixture *fixture);

static void
wait_until (Fixture   *fixture,
            Condition  condition)
{
  /* Generous: meson's timeout is the real limit (sanitizers are slow). */
  gint64 deadline = g_get_monotonic_time () + 900 * G_USEC_PER_SEC;

  while (!condition (fixture))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for the scheduler");
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Runs the main loop for @ms milliseconds. */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static guint wanted_runs;

static gboolean
has_wanted_runs (Fixture *fixture)
{
  return pamong_sync_scheduler_get_n_runs (fixture->scheduler) >= wanted_runs &&
         !pamong_sync_scheduler_get_running (fixture->scheduler);
}

static void
wait_for_runs (Fixture *fixture,
               guint    n)
{
  wanted_runs = n;
  wait_until (fixture, has_wanted_runs);
}

static gboolean
is_idle (Fixture *fixture)
{
  return pamong_sync_scheduler_get_state (fixture->scheduler) == PAMONG_SYNC_STATE_IDLE &&
         !pamong_sync_scheduler_get_running (fixture->scheduler);
}

static gboolean
saw_state (Fixture         *fixture,
           PamongSyncState  state)
{
  for (guint i = 0; i < fixture->states->len; i++)
    if (GPOINTER_TO_UINT (g_ptr_array_index (fixture->states, i)) == state)
      return TRUE;
  return FALSE;
}

static guint
count_live (PamongStore *store,
            GType        type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongQuery) query = pamong_query_new (type);
  guint n;

  n = pamong_store_count (store, query, &error);
  g_assert_no_error (error);
  return n;
}

static PamongUnit *
save_new_unit (PamongStore *store,
               const char  *code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  PamongUnit *unit = pamong_unit_new ();

  pamong_record_set_uuid (PAMONG_RECORD (unit), uuid);
  pamong_unit_set_code (unit, code);
  pamong_unit_set_name (unit, "Badan Uji Penjadwal");
  pamong_unit_set_kind (unit, PAMONG_UNIT_KIND_BOARD);
  g_assert_true (pamong_store_save (store, PAMONG_RECORD (unit), &error));
  g_assert_no_error (error);
  return unit;
}

static void
assert_on_server (Fixture    *fixture,
                  PamongUnit *unit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongRecord) theirs = NULL;

  theirs = pamong_store_lookup (fixture->ts->store, PAMONG_TYPE_UNIT,
                                pamong_record_get_uuid (PAMONG_RECORD (unit)), &error);
  g_assert_no_error (error);
  g_assert_nonnull (theirs);
  g_assert_cmpstr (pamong_unit_get_code (PAMONG_UNIT (theirs)), ==, pamong_unit_get_code (unit));
}

/* The longest time the main loop went without running a 10 ms timer: what
 * a window would have stayed frozen for. */
typedef struct
{
  gint64 last;
  gint64 longest;
} Heartbeat;

static gboolean
heartbeat_cb (gpointer data)
{
  Heartbeat *heartbeat = data;
  gint64 now = g_get_monotonic_time ();

  if (heartbeat->last != 0)
    heartbeat->longest = MAX (heartbeat->longest, now - heartbeat->last);
  heartbeat->last = now;
  return G_SOURCE_CONTINUE;
}

/* Tests */

static void
test_syncs_on_start_and_periodically (Fixture       *fixture,
                                      gconstpointer  data)
{
  PamongSyncScheduler *scheduler = fixture->scheduler;
  guint n_units = count_live (fixture->ts->store, PAMONG_TYPE_UNIT);
  gint64 started;

  g_assert_cmpint (pamong_sync_scheduler_get_state (scheduler), ==, PAMONG_SYNC_STATE_IDLE);
  g_assert_null (pamong_sync_scheduler_get_last_sync (scheduler));
  g_assert_cmpuint (pamong_sync_scheduler_get_n_runs (scheduler), ==, 0);

  /* Start syncs at once: the demo comes down, the state goes through
   * syncing back to idle, with progress on the way. */
  {
    Heartbeat heartbeat = { 0, 0 };
    guint heartbeat_id = g_timeout_add (10, heartbeat_cb, &heartbeat);
    gint64 begun = g_get_monotonic_time ();

    pamong_sync_scheduler_start (scheduler);
    g_assert_true (pamong_sync_scheduler_get_running (scheduler));
    g_assert_cmpint (pamong_sync_scheduler_get_state (scheduler), ==, PAMONG_SYNC_STATE_SYNCING);
    wait_for_runs (fixture, 1);
    g_source_remove (heartbeat_id);
    /* A figure, not a limit: it depends on the machine and its load. */
    g_test_message ("first sync of the demo: %.2f s; longest main-loop stall %.0f ms",
                    (g_get_monotonic_time () - begun) / 1e6, heartbeat.longest / 1e3);
  }

  g_assert_cmpint (pamong_sync_scheduler_get_state (scheduler), ==, PAMONG_SYNC_STATE_IDLE);
  g_assert_true (saw_state (fixture, PAMONG_SYNC_STATE_SYNCING));
  g_assert_null (g_ptr_array_index (fixture->errors, 0));
  g_assert_null (pamong_sync_scheduler_get_last_error (scheduler));
  g_assert_nonnull (pamong_sync_scheduler_get_last_sync (scheduler));
  g_assert_cmpuint (count_live (fixture->store, PAMONG_TYPE_UNIT), ==, n_units);
  g_assert_cmpuint (count_live (fixture->store, PAMONG_TYPE_APPLICATION), ==,
                    count_live (fixture->ts->store, PAMONG_TYPE_APPLICATION));
  g_assert_cmpuint (pamong_sync_scheduler_get_pending_count (scheduler), ==, 0);
  g_assert_cmpuint (pamong_sync_scheduler_get_conflict_count (scheduler), ==, 0);
  /* The pull's length is unknown in advance: progress counts records. */
  g_assert_cmpuint (fixture->max_pulled, >=, count_live (fixture->store, PAMONG_TYPE_APPLICATION));
  g_assert_cmpfloat (fixture->max_progress, <=, 1.0);
  g_assert_cmpint (pamong_sync_scheduler_get_phase (scheduler), ==, PAMONG_SYNC_PHASE_IDLE);

  /* An edit shows as pending at once (before any run). */
  {
    g_autoptr(PamongUnit) unit = save_new_unit (fixture->store, "OPD.97");

    spin (50);
    g_assert_cmpuint (pamong_sync_scheduler_get_pending_count (scheduler), ==, 1);

    /* Every second from now on: the next run comes by itself and sends
     * the edit up. */
    started = g_get_monotonic_time ();
    pamong_sync_scheduler_set_interval (scheduler, 1);
    wait_for_runs (fixture, 2);
    g_assert_cmpint (g_get_monotonic_time () - started, >=, 900 * 1000);
    g_assert_cmpuint (pamong_sync_scheduler_get_pending_count (scheduler), ==, 0);
    /* The push knows its length: its progress reached the whole. */
    g_assert_cmpfloat (fixture->max_progress, ==, 1.0);
    assert_on_server (fixture, unit);
  }

  /* The last sync is remembered in the store for the next start. */
  {
    g_autoptr(PamongSyncScheduler) again = pamong_sync_scheduler_new (fixture->sync,
                                                                      G_NETWORK_MONITOR (fixture->monitor));

    g_assert_nonnull (pamong_sync_scheduler_get_last_sync (again));
    g_assert_cmpint (g_date_time_to_unix (pamong_sync_scheduler_get_last_sync (again)), ==,
                     g_date_time_to_unix (pamong_sync_scheduler_get_last_sync (scheduler)));
  }
}

static void
test_demand_while_running_is_coalesced (Fixture       *fixture,
                                        gconstpointer  data)
{
  PamongSyncScheduler *scheduler = fixture->scheduler;
  g_autoptr(PamongUnit) unit = NULL;

  pamong_sync_scheduler_sync_now (scheduler);
  g_assert_true (pamong_sync_scheduler_get_running (scheduler));

  /* Three demands and an edit during the run: one more run, which sends
   * the edit. */
  pamong_sync_scheduler_sync_now (scheduler);
  pamong_sync_scheduler_sync_now (scheduler);
  unit = save_new_unit (fixture->store, "OPD.96");
  pamong_sync_scheduler_sync_now (scheduler);

  wait_for_runs (fixture, 2);
  /* No third run follows (no interval set, not started). */
  spin (300);
  g_assert_false (pamong_sync_scheduler_get_running (scheduler));
  g_assert_cmpuint (pamong_sync_scheduler_get_n_runs (scheduler), ==, 2);
  g_assert_cmpuint (fixture->errors->len, ==, 2);
  g_assert_null (g_ptr_array_index (fixture->errors, 0));
  g_assert_null (g_ptr_array_index (fixture->errors, 1));
  g_assert_cmpint (pamong_sync_scheduler_get_state (scheduler), ==, PAMONG_SYNC_STATE_IDLE);
  g_assert_cmpuint (pamong_sync_scheduler_get_pending_count (scheduler), ==, 0);
  assert_on_server (fixture, unit);
}

/* A port on 127.0.0.1 where nothing listens (yet). */
static guint16
free_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
test_failure_goes_offline_then_recovers (void)
{
  Fixture fixture_data = { 0 };
  Fixture *fixture = &fixture_data;
  g_autofree char *address = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongUnit) unit = NULL;
  const GError *first;
  guint16 port;

  /* The server exists but does not listen yet: connections are refused. */
  fixture->ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO | PAMONG_TEST_SERVER_NO_LISTEN);
  port = free_port ();
  address = g_strdup_printf ("127.0.0.1:%u", port);
  url = g_strdup_printf ("http://%s/", address);
  fixture_make_client (fixture, url, "not-yet", TRUE);

  unit = save_new_unit (fixture->store, "OPD.95");
  pamong_sync_scheduler_start (fixture->scheduler);
  wait_for_runs (fixture, 1);

  /* Offline, with a reason and the queue kept; it keeps trying. */
  first = g_ptr_array_index (fixture->errors, 0);
  g_assert_nonnull (first);
  g_assert_true (pamong_sync_error_is_network (first));
  g_assert_cmpint (pamong_sync_scheduler_get_state (fixture->scheduler), ==, PAMONG_SYNC_STATE_OFFLINE);
  g_assert_nonnull (pamong_sync_scheduler_get_last_error (fixture->scheduler));
  g_assert_cmpuint (pamong_sync_scheduler_get_pending_count (fixture->scheduler), ==, 1);
  wait_for_runs (fixture, 3);
  g_assert_cmpint (pamong_sync_scheduler_get_state (fixture->scheduler), ==, PAMONG_SYNC_STATE_OFFLINE);

  /* The server comes up: a back-off retry finds it and the queue goes up. */
  g_assert_true (pamong_server_listen (fixture->ts->server, address, &error));
  g_assert_no_error (error);
  {
    g_autofree char *token = pamong_test_login_demo (fixture->ts, "admin");

    /* The first run after the restart may still see the old token: */
    pamong_sync_scheduler_set_token (fixture->scheduler, token);
  }
  wait_until (fixture, is_idle);
  g_assert_null (pamong_sync_scheduler_get_last_error (fixture->scheduler));
  g_assert_nonnull (pamong_sync_scheduler_get_last_sync (fixture->scheduler));
  g_assert_cmpuint (pamong_sync_scheduler_get_pending_count (fixture->scheduler), ==, 0);
  assert_on_server (fixture, unit);

  /* The monitor says the network went away: offline without a run; when
   * it comes back, a run starts at once. */
  {
    guint runs = pamong_sync_scheduler_get_n_runs (fixture->scheduler);

    test_monitor_set_available (fixture->monitor, FALSE);
    g_assert_cmpint (pamong_sync_scheduler_get_state (fixture->scheduler), ==, PAMONG_SYNC_STATE_OFFLINE);
    spin (300);
    g_assert_cmpuint (pamong_sync_scheduler_get_n_runs (fixture->scheduler), ==, runs);

    test_monitor_set_available (fixture->monitor, TRUE);
    g_assert_true (pamong_sync_scheduler_get_running (fixture->scheduler));
    wait_for_runs (fixture, runs + 1);
    g_assert_cmpint (pamong_sync_scheduler_get_state (fixture->scheduler), ==, PAMONG_SYNC_STATE_IDLE);
  }

  fixture_tear_down (fixture, NULL);
}

static void
test_start_while_the_network_is_down (Fixture       *fixture,
                                      gconstpointer  data)
{
  test_monitor_set_available (fixture->monitor, FALSE);
  pamong_sync_scheduler_start (fixture->scheduler);
  g_assert_false (pamong_sync_scheduler_get_running (fixture->scheduler));
  g_assert_cmpint (pamong_sync_scheduler_get_state (fixture->scheduler), ==, PAMONG_SYNC_STATE_OFFLINE);
  spin (200);
  g_assert_cmpuint (pamong_sync_scheduler_get_n_runs (fixture->scheduler), ==, 0);

  test_monitor_set_available (fixture->monitor, TRUE);
  wait_for_runs (fixture, 1);
  g_assert_cmpint (pamong_sync_scheduler_get_state (fixture->scheduler), ==, PAMONG_SYNC_STATE_IDLE);
  g_assert_cmpuint (count_live (fixture->store, PAMONG_TYPE_UNIT), ==,
                    count_live (fixture->ts->store, PAMONG_TYPE_UNIT));
}

static void
test_unauthorized_needs_login_and_keeps_the_queue (Fixture       *fixture,
                                                   gconstpointer  data)
{
  PamongSyncScheduler *scheduler = fixture->scheduler;
  g_autoptr(PamongUnit) unit = NULL;
  const GError *first;

  unit = save_new_unit (fixture->store, "OPD.94");
  pamong_sync_scheduler_set_token (scheduler, "expired-or-revoked-token");
  pamong_sync_scheduler_set_interval (scheduler, 1);
  pamong_sync_scheduler_start (scheduler);
  wait_for_runs (fixture, 1);

  first = g_ptr_array_index (fixture->errors, 0);
  g_assert_error (first, PAMONG_ERROR, PAMONG_ERROR_UNAUTHORIZED);
  g_assert_cmpint (pamong_sync_scheduler_get_state (scheduler), ==, PAMONG_SYNC_STATE_NEEDS_LOGIN);
  g_assert_nonnull (pamong_sync_scheduler_get_last_error (scheduler));
  g_assert_cmpuint (pamong_sync_scheduler_get_pending_count (scheduler), ==, 1);

  /* No periodic run hammers the server with a dead token. */
  spin (1500);
  g_assert_cmpuint (pamong_sync_scheduler_get_n_runs (scheduler), ==, 1);
  g_assert_cmpint (pamong_sync_scheduler_get_state (scheduler), ==, PAMONG_SYNC_STATE_NEEDS_LOGIN);

  /* A new login resumes at once and the kept queue goes up. */
  pamong_sync_scheduler_set_token (scheduler, fixture->token);
  g_assert_true (pamong_sync_scheduler_get_running (scheduler));
  wait_for_runs (fixture, 2);
  g_assert_cmpint (pamong_sync_scheduler_get_state (scheduler), ==, PAMONG_SYNC_STATE_IDLE);
  g_assert_null (pamong_sync_scheduler_get_last_error (scheduler));
  g_assert_cmpuint (pamong_sync_scheduler_get_pending_count (scheduler), ==, 0);
  assert_on_server (fixture, unit);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  PamongSyncScheduler *scheduler = fixture->scheduler;
  const GError *first;

  pamong_sync_scheduler_set_interval (scheduler, 1);
  pamong_sync_scheduler_start (scheduler);
  g_assert_true (pamong_sync_scheduler_get_running (scheduler));
  /* A demand queued during the run goes with the cancel. */
  pamong_sync_scheduler_sync_now (scheduler);
  pamong_sync_scheduler_stop (scheduler);
  wait_for_runs (fixture, 1);

  first = g_ptr_array_index (fixture->errors, 0);
  g_assert_error (first, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (pamong_sync_scheduler_get_state (scheduler), ==, PAMONG_SYNC_STATE_IDLE);
  g_assert_null (pamong_sync_scheduler_get_last_error (scheduler));
  g_assert_null (pamong_sync_scheduler_get_last_sync (scheduler));

  /* Stopped: neither the queued demand nor the interval runs. */
  spin (1500);
  g_assert_cmpuint (pamong_sync_scheduler_get_n_runs (scheduler), ==, 1);

  /* The store is consistent: a run on demand completes. */
  pamong_sync_scheduler_sync_now (scheduler);
  wait_for_runs (fixture, 2);
  g_assert_null (g_ptr_array_index (fixture->errors, 1));
  g_assert_cmpint (pamong_sync_scheduler_get_state (scheduler), ==, PAMONG_SYNC_STATE_IDLE);
  g_assert_cmpuint (count_live (fixture->store, PAMONG_TYPE_APPLICATION), ==,
                    count_live (fixture->ts->store, PAMONG_TYPE_APPLICATION));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  pamong_test_init (&argc, &argv);
  tmp_dir = g_dir_make_tmp ("pamong-scheduler-XXXXXX", &error);
  g_assert_no_error (error);
  make_template ();

  g_test_add ("/pamong/sync-scheduler/syncs-on-start-and-periodically", Fixture, "empty",
              fixture_set_up, test_syncs_on_start_and_periodically, fixture_tear_down);
  g_test_add ("/pamong/sync-scheduler/a-demand-while-running-is-coalesced-into-one-more-run", Fixture, NULL,
              fixture_set_up, test_demand_while_running_is_coalesced, fixture_tear_down);
  g_test_add_func ("/pamong/sync-scheduler/a-network-failure-goes-offline-and-recovers",
                   test_failure_goes_offline_then_recovers);
  g_test_add ("/pamong/sync-scheduler/start-while-the-network-is-down-waits-for-it", Fixture, NULL,
              fixture_set_up, test_start_while_the_network_is_down, fixture_tear_down);
  g_test_add ("/pamong/sync-scheduler/unauthorized-needs-login-and-keeps-the-queue", Fixture, NULL,
              fixture_set_up, test_unauthorized_needs_login_and_keeps_the_queue, fixture_tear_down);
  g_test_add ("/pamong/sync-scheduler/cancel-stops-the-run-and-the-timers", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);

  result = g_test_run ();

  for (guint i = 0; i <= n_clients; i++)
    {
      g_autofree char *name = i == 0 ? g_strdup ("template.db") : g_strdup_printf ("client-%u.db", i);
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  g_free (template_path);
  return result;
}
