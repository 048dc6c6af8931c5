/* pamong-sync-scheduler.c — when to synchronise: on start, periodically, on
 * reconnect and on demand, one run at a time
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pamong-error.h"
#include "pamong-sync-scheduler.h"

/*
 * The scheduler owns a PamongSync and decides when it runs:
 *
 * - on start (pamong_sync_scheduler_start()), unless the network monitor
 *   says there is no network;
 * - every "interval" seconds after the end of the last run;
 * - when the network comes back ("network-changed" with the network
 *   available) after the scheduler went offline;
 * - on demand (pamong_sync_scheduler_sync_now()). A demand during a run
 *   queues exactly one more run after it, however often it is made.
 *
 * A run that fails for network reasons (G_IO_ERROR, G_RESOLVER_ERROR,
 * G_TLS_ERROR) puts the scheduler offline and retries after a back-off that
 * doubles up to a cap, with jitter; a 401 (PAMONG_ERROR_UNAUTHORIZED) stops
 * it in "needs-login" until a new token is set; any other failure is shown
 * as "error" and the periodic runs go on. A server on the loopback address
 * is reachable whatever the system's monitor says about the network (a
 * machine with no default route is "offline" for GNetworkMonitor); a
 * monitor the caller gives is trusted as it is.
 *
 * The pending and conflict counts follow the store's "changed" signal.
 * The last successful sync is kept in the store's meta table, so it
 * survives a restart.
 */

#define LAST_SYNC_META "last-sync-at"

struct _PamongSyncScheduler
{
  GObject           parent_instance;

  PamongSync       *sync;
  PamongStore      *store;
  GNetworkMonitor  *monitor;
  gulong            network_changed_id;
  gulong            store_changed_id;
  gulong            progress_id;

  guint             interval;       /* seconds; 0: no periodic runs */
  guint             backoff_base_ms;
  guint             backoff_cap_ms;
  guint             backoff_attempt;
  gboolean          server_is_local;

  gboolean          started;
  gboolean          running;
  gboolean          run_again;
  GCancellable     *cancellable;
  GSource          *timer;
  guint             counts_idle_id;

  PamongSyncState   state;
  double            progress;
  PamongSyncPhase   phase;
  guint64           done;
  guint             pending_count;
  guint             conflict_count;
  GDateTime        *last_sync;
  char             *last_error;
  guint             n_runs;
  guint             token_serial;   /* bumped by each set_token() */
  guint             run_token_serial;
};

G_DEFINE_FINAL_TYPE (PamongSyncScheduler, pamong_sync_scheduler, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PamongSyncState, pamong_sync_state,
  G_DEFINE_ENUM_VALUE (PAMONG_SYNC_STATE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (PAMONG_SYNC_STATE_SYNCING, "syncing"),
  G_DEFINE_ENUM_VALUE (PAMONG_SYNC_STATE_OFFLINE, "offline"),
  G_DEFINE_ENUM_VALUE (PAMONG_SYNC_STATE_ERROR, "error"),
  G_DEFINE_ENUM_VALUE (PAMONG_SYNC_STATE_NEEDS_LOGIN, "needs-login"))

enum
{
  PROP_0,
  PROP_SYNC,
  PROP_MONITOR,
  PROP_INTERVAL,
  PROP_STATE,
  PROP_RUNNING,
  PROP_PROGRESS,
  PROP_PHASE,
  PROP_DONE,
  PROP_PENDING_COUNT,
  PROP_CONFLICT_COUNT,
  PROP_LAST_SYNC,
  PROP_LAST_ERROR,
  N_PROPS
};

enum
{
  RUN_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void begin_run (PamongSyncScheduler *self);

/**
 * pamong_sync_error_is_network:
 * @error: an error from pamong_sync_run_finish()
 *
 * Returns: %TRUE if @error says the server could not be reached (rather
 * than that it answered no), so the client should consider itself offline
 */
gboolean
pamong_sync_error_is_network (const GError *error)
{
  if (error == NULL)
    return FALSE;
  if (error->domain == G_IO_ERROR)
    return error->code != G_IO_ERROR_CANCELLED;
  return error->domain == G_RESOLVER_ERROR || error->domain == G_TLS_ERROR;
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* GUri keeps IPv6 literals without brackets; be lenient anyway. */
  bare = g_strdup (host);
  if (bare[0] == '[')
    {
      char *end = strchr (bare, ']');

      if (end != NULL)
        *end = '\0';
      memmove (bare, bare + 1, strlen (bare));
    }
  address = g_inet_address_new_from_string (bare);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static void
set_state (PamongSyncScheduler *self,
           PamongSyncState      state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_running (PamongSyncScheduler *self,
             gboolean             running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
set_progress (PamongSyncScheduler *self,
              double               progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
set_last_error (PamongSyncScheduler *self,
                const char          *message)
{
  if (g_strcmp0 (self->last_error, message) == 0)
    return;
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
set_last_sync (PamongSyncScheduler *self,
               GDateTime           *when,
               gboolean             remember)
{
  g_clear_pointer (&self->last_sync, g_date_time_unref);
  if (when != NULL)
    self->last_sync = g_date_time_ref (when);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);

  if (remember && when != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (when));

      if (!pamong_store_set_meta (self->store, LAST_SYNC_META, text, &error))
        g_warning ("Could not remember the time of the last sync: %s", error->message);
    }
}

/**
 * pamong_sync_scheduler_refresh_counts:
 * @self: the scheduler
 *
 * Reads the pending and conflict counts from the store now (they also
 * follow the store's "changed" signal on their own).
 */
void
pamong_sync_scheduler_refresh_counts (PamongSyncScheduler *self)
{
  g_autoptr(GError) error = NULL;
  guint pending;
  guint conflicts;

  g_return_if_fail (PAMONG_IS_SYNC_SCHEDULER (self));

  pending = pamong_store_count_pending (self->store, &error);
  if (error != NULL)
    {
      g_warning ("Could not count the changes waiting to be sent: %s", error->message);
      return;
    }
  conflicts = pamong_store_count_conflicts (self->store, &error);
  if (error != NULL)
    {
      g_warning ("Could not count the conflicts: %s", error->message);
      return;
    }

  if (self->pending_count != pending)
    {
      self->pending_count = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_COUNT]);
    }
  if (self->conflict_count != conflicts)
    {
      self->conflict_count = conflicts;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICT_COUNT]);
    }
}

static gboolean
counts_idle_cb (gpointer user_data)
{
  PamongSyncScheduler *self = user_data;

  self->counts_idle_id = 0;
  pamong_sync_scheduler_refresh_counts (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (PamongStore         *store,
                  const char          *collection,
                  PamongSyncScheduler *self)
{
  /* A pull applies many pages: count once the main loop is free again. */
  if (self->counts_idle_id == 0)
    self->counts_idle_id = g_idle_add_full (G_PRIORITY_LOW, counts_idle_cb, self, NULL);
}

static void
progress_cb (PamongSync          *sync,
             PamongSyncPhase      phase,
             guint64              done,
             guint64              total,
             PamongSyncScheduler *self)
{
  if (!self->running)
    return;

  if (self->phase != phase)
    {
      self->phase = phase;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
    }
  if (self->done != done)
    {
      self->done = done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
    }
  /* The pull does not know its length in advance. */
  set_progress (self, total > 0 ? MIN (1.0, (double) done / (double) total) : -1.0);
}

/* Timers */

static void
clear_timer (PamongSyncScheduler *self)
{
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
}

static gboolean
network_usable (PamongSyncScheduler *self)
{
  return self->server_is_local || g_network_monitor_get_network_available (self->monitor);
}

static gboolean
timer_cb (gpointer user_data)
{
  PamongSyncScheduler *self = user_data;

  g_clear_pointer (&self->timer, g_source_unref);

  if (!self->started || self->running || self->state == PAMONG_SYNC_STATE_NEEDS_LOGIN)
    return G_SOURCE_REMOVE;

  begin_run (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_in (PamongSyncScheduler *self,
             guint                delay_ms)
{
  clear_timer (self);
  self->timer = g_timeout_source_new (delay_ms);
  g_source_set_name (self->timer, "[pamong] sync scheduler");
  g_source_set_callback (self->timer, timer_cb, self, NULL);
  g_source_attach (self->timer, g_main_context_get_thread_default ());
}

static void
schedule_periodic (PamongSyncScheduler *self)
{
  clear_timer (self);
  if (self->started && self->interval > 0)
    schedule_in (self, self->interval * 1000);
}

static void
schedule_backoff (PamongSyncScheduler *self)
{
  guint64 delay = self->backoff_base_ms;

  for (guint i = 0; i < self->backoff_attempt && delay < self->backoff_cap_ms; i++)
    delay *= 2;
  delay = MIN (delay, (guint64) self->backoff_cap_ms);
  /* Jitter in [delay / 2, delay]: clients that went offline together do
   * not come back together. */
  if (delay > 1)
    delay = delay / 2 + (guint64) g_random_int_range (0, (gint32) MIN (delay / 2 + 1, G_MAXINT32));
  self->backoff_attempt++;

  if (self->started)
    schedule_in (self, (guint) delay);
}

/* Runs */

typedef struct
{
  GWeakRef self;
} RunContext;

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RunContext *context = user_data;
  g_autoptr(PamongSyncScheduler) self = g_weak_ref_get (&context->self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = pamong_sync_run_finish (PAMONG_SYNC (source), result, &error);
  g_weak_ref_clear (&context->self);
  g_free (context);

  if (self == NULL)
    return;

  g_clear_object (&self->cancellable);
  self->n_runs++;
  set_progress (self, 0.0);
  if (self->phase != PAMONG_SYNC_PHASE_IDLE)
    {
      self->phase = PAMONG_SYNC_PHASE_IDLE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
    }

  if (ok)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      self->backoff_attempt = 0;
      set_last_sync (self, now, TRUE);
      set_last_error (self, NULL);
      set_state (self, PAMONG_SYNC_STATE_IDLE);
      schedule_periodic (self);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Nothing failed: whatever was done is in the store. */
      self->run_again = FALSE;
      set_state (self, self->last_error != NULL && self->backoff_attempt > 0 ?
                       PAMONG_SYNC_STATE_OFFLINE : PAMONG_SYNC_STATE_IDLE);
      schedule_periodic (self);
    }
  else if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_UNAUTHORIZED) &&
           self->run_token_serial != self->token_serial)
    {
      /* A new login arrived while the old token was being refused. */
      self->run_again = TRUE;
      set_state (self, PAMONG_SYNC_STATE_IDLE);
    }
  else if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_UNAUTHORIZED))
    {
      self->run_again = FALSE;
      set_last_error (self, error->message);
      set_state (self, PAMONG_SYNC_STATE_NEEDS_LOGIN);
      clear_timer (self);
    }
  else if (pamong_sync_error_is_network (error))
    {
      set_last_error (self, error->message);
      set_state (self, PAMONG_SYNC_STATE_OFFLINE);
      schedule_backoff (self);
    }
  else
    {
      set_last_error (self, error->message);
      set_state (self, PAMONG_SYNC_STATE_ERROR);
      schedule_periodic (self);
    }

  pamong_sync_scheduler_refresh_counts (self);
  set_running (self, FALSE);

  g_signal_emit (self, signals[RUN_FINISHED], 0, ok ? NULL : error);

  if (self->run_again && !self->running)
    {
      self->run_again = FALSE;
      begin_run (self);
    }
}

static void
begin_run (PamongSyncScheduler *self)
{
  RunContext *context;

  g_assert (!self->running);

  clear_timer (self);
  self->run_again = FALSE;
  self->run_token_serial = self->token_serial;
  self->cancellable = g_cancellable_new ();
  set_progress (self, -1.0);
  if (self->done != 0)
    {
      self->done = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
    }
  set_running (self, TRUE);
  set_state (self, PAMONG_SYNC_STATE_SYNCING);

  context = g_new0 (RunContext, 1);
  g_weak_ref_init (&context->self, self);
  pamong_sync_run_async (self->sync, self->cancellable, run_done_cb, context);
}

static void
network_changed_cb (GNetworkMonitor     *monitor,
                    gboolean             available,
                    PamongSyncScheduler *self)
{
  if (!self->started || self->server_is_local)
    return;

  if (available)
    {
      /* Back online: try at once rather than wait for the back-off. */
      if (self->state == PAMONG_SYNC_STATE_OFFLINE && !self->running)
        {
          self->backoff_attempt = 0;
          begin_run (self);
        }
    }
  else if (!self->running && self->state != PAMONG_SYNC_STATE_NEEDS_LOGIN)
    {
      set_last_error (self, _("The computer is not connected to a network."));
      set_state (self, PAMONG_SYNC_STATE_OFFLINE);
      clear_timer (self);
    }
}

/* Public */

/**
 * pamong_sync_scheduler_new:
 * @sync: the engine to run
 * @monitor: (nullable): the network monitor; %NULL for the default one
 *
 * Returns: (transfer full): a scheduler, not started
 */
PamongSyncScheduler *
pamong_sync_scheduler_new (PamongSync      *sync,
                           GNetworkMonitor *monitor)
{
  g_return_val_if_fail (PAMONG_IS_SYNC (sync), NULL);
  g_return_val_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor), NULL);

  return g_object_new (PAMONG_TYPE_SYNC_SCHEDULER,
                       "sync", sync,
                       "monitor", monitor != NULL ? monitor : g_network_monitor_get_default (),
                       NULL);
}

PamongSync *
pamong_sync_scheduler_get_sync (PamongSyncScheduler *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_SCHEDULER (self), NULL);

  return self->sync;
}

/**
 * pamong_sync_scheduler_set_interval:
 * @self: the scheduler
 * @seconds: the time between the end of a run and the next; 0 for no
 *   periodic runs
 */
void
pamong_sync_scheduler_set_interval (PamongSyncScheduler *self,
                                    guint                seconds)
{
  g_return_if_fail (PAMONG_IS_SYNC_SCHEDULER (self));

  if (self->interval == seconds)
    return;
  self->interval = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);

  /* Re-arm a waiting periodic timer (not a back-off). */
  if (self->started && !self->running && self->backoff_attempt == 0 &&
      self->state != PAMONG_SYNC_STATE_NEEDS_LOGIN)
    schedule_periodic (self);
}

guint
pamong_sync_scheduler_get_interval (PamongSyncScheduler *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_SCHEDULER (self), 0);

  return self->interval;
}

/**
 * pamong_sync_scheduler_set_backoff:
 * @self: the scheduler
 * @base_ms: the wait after the first network failure
 * @cap_ms: the longest wait
 *
 * Each further failure doubles the wait up to @cap_ms; each wait is then
 * drawn at random between its half and itself.
 */
void
pamong_sync_scheduler_set_backoff (PamongSyncScheduler *self,
                                   guint                base_ms,
                                   guint                cap_ms)
{
  g_return_if_fail (PAMONG_IS_SYNC_SCHEDULER (self));
  g_return_if_fail (base_ms > 0 && cap_ms >= base_ms);

  self->backoff_base_ms = base_ms;
  self->backoff_cap_ms = cap_ms;
}

/**
 * pamong_sync_scheduler_set_token:
 * @self: the scheduler
 * @token: (nullable): the bearer token of a new login, or %NULL
 *
 * Gives the engine a new token. After a 401 ("needs-login") a new token
 * starts a run at once: the queue kept meanwhile goes up.
 */
void
pamong_sync_scheduler_set_token (PamongSyncScheduler *self,
                                 const char          *token)
{
  g_return_if_fail (PAMONG_IS_SYNC_SCHEDULER (self));

  pamong_sync_set_token (self->sync, token);
  self->token_serial++;

  if (token != NULL && self->state == PAMONG_SYNC_STATE_NEEDS_LOGIN)
    {
      set_last_error (self, NULL);
      set_state (self, PAMONG_SYNC_STATE_IDLE);
      if (self->started && !self->running)
        begin_run (self);
    }
}

/**
 * pamong_sync_scheduler_start:
 * @self: the scheduler
 *
 * Syncs now (unless the network is down) and from then on periodically and
 * whenever the network comes back.
 */
void
pamong_sync_scheduler_start (PamongSyncScheduler *self)
{
  g_return_if_fail (PAMONG_IS_SYNC_SCHEDULER (self));

  if (self->started)
    return;
  self->started = TRUE;

  if (self->running)
    return;
  if (!network_usable (self))
    {
      set_last_error (self, _("The computer is not connected to a network."));
      set_state (self, PAMONG_SYNC_STATE_OFFLINE);
      return;
    }
  begin_run (self);
}

/**
 * pamong_sync_scheduler_stop:
 * @self: the scheduler
 *
 * Cancels the run in progress and every timer; nothing runs until the next
 * pamong_sync_scheduler_start() or pamong_sync_scheduler_sync_now().
 */
void
pamong_sync_scheduler_stop (PamongSyncScheduler *self)
{
  g_return_if_fail (PAMONG_IS_SYNC_SCHEDULER (self));

  self->started = FALSE;
  clear_timer (self);
  pamong_sync_scheduler_cancel (self);
}

/**
 * pamong_sync_scheduler_sync_now:
 * @self: the scheduler
 *
 * Runs a sync now, also while offline (the monitor may be wrong). During a
 * run it queues one more run after it; further demands meanwhile add
 * nothing.
 */
void
pamong_sync_scheduler_sync_now (PamongSyncScheduler *self)
{
  g_return_if_fail (PAMONG_IS_SYNC_SCHEDULER (self));

  if (self->running)
    {
      self->run_again = TRUE;
      return;
    }
  self->backoff_attempt = 0;
  begin_run (self);
}

/**
 * pamong_sync_scheduler_cancel:
 * @self: the scheduler
 *
 * Cancels the run in progress (and the run queued after it). What the run
 * had already applied stays; the rest waits for the next run.
 */
void
pamong_sync_scheduler_cancel (PamongSyncScheduler *self)
{
  g_return_if_fail (PAMONG_IS_SYNC_SCHEDULER (self));

  self->run_again = FALSE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

PamongSyncState
pamong_sync_scheduler_get_state (PamongSyncScheduler *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_SCHEDULER (self), PAMONG_SYNC_STATE_IDLE);

  return self->state;
}

gboolean
pamong_sync_scheduler_get_running (PamongSyncScheduler *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_SCHEDULER (self), FALSE);

  return self->running;
}

gboolean
pamong_sync_scheduler_get_started (PamongSyncScheduler *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_SCHEDULER (self), FALSE);

  return self->started;
}

/**
 * pamong_sync_scheduler_get_progress:
 *
 * Returns: the fraction of the current phase done, 0 to 1, or -1 while
 * unknown (the pull)
 */
double
pamong_sync_scheduler_get_progress (PamongSyncScheduler *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_SCHEDULER (self), 0.0);

  return self->progress;
}

/**
 * pamong_sync_scheduler_get_phase:
 *
 * Returns: what the run in progress is doing
 */
PamongSyncPhase
pamong_sync_scheduler_get_phase (PamongSyncScheduler *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_SCHEDULER (self), PAMONG_SYNC_PHASE_IDLE);

  return self->phase;
}

/**
 * pamong_sync_scheduler_get_done:
 *
 * Returns: the records handled so far in the current phase
 */
guint64
pamong_sync_scheduler_get_done (PamongSyncScheduler *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_SCHEDULER (self), 0);

  return self->done;
}

guint
pamong_sync_scheduler_get_pending_count (PamongSyncScheduler *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_SCHEDULER (self), 0);

  return self->pending_count;
}

guint
pamong_sync_scheduler_get_conflict_count (PamongSyncScheduler *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_SCHEDULER (self), 0);

  return self->conflict_count;
}

/**
 * pamong_sync_scheduler_get_last_sync:
 *
 * Returns: (transfer none) (nullable): when the last run succeeded, in UTC
 */
GDateTime *
pamong_sync_scheduler_get_last_sync (PamongSyncScheduler *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_SCHEDULER (self), NULL);

  return self->last_sync;
}

/**
 * pamong_sync_scheduler_get_last_error:
 *
 * Returns: (nullable): why the last run failed, for a person; %NULL after a
 * success
 */
const char *
pamong_sync_scheduler_get_last_error (PamongSyncScheduler *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_SCHEDULER (self), NULL);

  return self->last_error;
}

/**
 * pamong_sync_scheduler_get_n_runs:
 *
 * Returns: how many runs have finished (in any way) since the scheduler
 * was made
 */
guint
pamong_sync_scheduler_get_n_runs (PamongSyncScheduler *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_SCHEDULER (self), 0);

  return self->n_runs;
}

/* GObject */

static void
pamong_sync_scheduler_constructed (GObject *object)
{
  PamongSyncScheduler *self = PAMONG_SYNC_SCHEDULER (object);
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  G_OBJECT_CLASS (pamong_sync_scheduler_parent_class)->constructed (object);

  g_assert (self->sync != NULL);
  g_assert (self->monitor != NULL);

  self->store = g_object_ref (pamong_sync_get_store (self->sync));

  uri = g_uri_parse (pamong_sync_get_server_url (self->sync), G_URI_FLAGS_NONE, NULL);
  self->server_is_local = self->monitor == g_network_monitor_get_default () &&
                          uri != NULL && host_is_loopback (g_uri_get_host (uri));

  self->network_changed_id = g_signal_connect (self->monitor, "network-changed",
                                               G_CALLBACK (network_changed_cb), self);
  self->store_changed_id = g_signal_connect (self->store, "changed",
                                             G_CALLBACK (store_changed_cb), self);
  self->progress_id = g_signal_connect (self->sync, "progress",
                                        G_CALLBACK (progress_cb), self);

  last = pamong_store_get_meta (self->store, LAST_SYNC_META, &error);
  if (last != NULL)
    {
      gint64 seconds = g_ascii_strtoll (last, NULL, 10);

      if (seconds > 0)
        self->last_sync = g_date_time_new_from_unix_utc (seconds);
    }

  pamong_sync_scheduler_refresh_counts (self);
}

static void
pamong_sync_scheduler_dispose (GObject *object)
{
  PamongSyncScheduler *self = PAMONG_SYNC_SCHEDULER (object);

  self->started = FALSE;
  clear_timer (self);
  g_clear_handle_id (&self->counts_idle_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->monitor != NULL)
    g_clear_signal_handler (&self->network_changed_id, self->monitor);
  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  if (self->sync != NULL)
    g_clear_signal_handler (&self->progress_id, self->sync);

  g_clear_object (&self->monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->sync);

  G_OBJECT_CLASS (pamong_sync_scheduler_parent_class)->dispose (object);
}

static void
pamong_sync_scheduler_finalize (GObject *object)
{
  PamongSyncScheduler *self = PAMONG_SYNC_SCHEDULER (object);

  g_clear_pointer (&self->last_sync, g_date_time_unref);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (pamong_sync_scheduler_parent_class)->finalize (object);
}

static void
pamong_sync_scheduler_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PamongSyncScheduler *self = PAMONG_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_SYNC:
      g_value_set_object (value, self->sync);
      break;
    case PROP_MONITOR:
      g_value_set_object (value, self->monitor);
      break;
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_PHASE:
      g_value_set_enum (value, self->phase);
      break;
    case PROP_DONE:
      g_value_set_uint64 (value, self->done);
      break;
    case PROP_PENDING_COUNT:
      g_value_set_uint (value, self->pending_count);
      break;
    case PROP_CONFLICT_COUNT:
      g_value_set_uint (value, self->conflict_count);
      break;
    case PROP_LAST_SYNC:
      g_value_set_boxed (value, self->last_sync);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_sync_scheduler_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PamongSyncScheduler *self = PAMONG_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_SYNC:
      self->sync = g_value_dup_object (value);
      break;
    case PROP_MONITOR:
      self->monitor = g_value_dup_object (value);
      break;
    case PROP_INTERVAL:
      pamong_sync_scheduler_set_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_sync_scheduler_class_init (PamongSyncSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pamong_sync_scheduler_constructed;
  object_class->dispose = pamong_sync_scheduler_dispose;
  object_class->finalize = pamong_sync_scheduler_finalize;
  object_class->get_property = pamong_sync_scheduler_get_property;
  object_class->set_property = pamong_sync_scheduler_set_property;

  properties[PROP_SYNC] =
    g_param_spec_object ("sync", NULL, NULL,
                         PAMONG_TYPE_SYNC,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MONITOR] =
    g_param_spec_object ("monitor", NULL, NULL,
                         G_TYPE_NETWORK_MONITOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL,
                       0, G_MAXUINT / 1000, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       PAMONG_TYPE_SYNC_STATE, PAMONG_SYNC_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL,
                         -1.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL,
                       PAMONG_TYPE_SYNC_PHASE, PAMONG_SYNC_PHASE_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DONE] =
    g_param_spec_uint64 ("done", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PENDING_COUNT] =
    g_param_spec_uint ("pending-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONFLICT_COUNT] =
    g_param_spec_uint ("conflict-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LAST_SYNC] =
    g_param_spec_boxed ("last-sync", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PamongSyncScheduler::run-finished:
   * @self: the scheduler
   * @error: (nullable): why the run failed, or %NULL when it succeeded
   *
   * Emitted after each run, once the properties show its outcome.
   */
  signals[RUN_FINISHED] =
    g_signal_new ("run-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
pamong_sync_scheduler_init (PamongSyncScheduler *self)
{
  self->state = PAMONG_SYNC_STATE_IDLE;
  self->backoff_base_ms = PAMONG_SYNC_SCHEDULER_DEFAULT_BACKOFF_BASE_MS;
  self->backoff_cap_ms = PAMONG_SYNC_SCHEDULER_DEFAULT_BACKOFF_CAP_MS;
}
