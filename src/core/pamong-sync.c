/* pamong-sync.c — the sync engine: push local changes, pull the change feed
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "pamong-codec.h"
#include "pamong-collections.h"
#include "pamong-error.h"
#include "pamong-sync.h"

/*
 * One run is a push followed by a pull (DESIGN.md §3, docs/api.md):
 *
 * Push: the rows whose local-state is created, modified or deleted, of
 * every collection in sync order (parents before children), go up through
 * POST /api/v1/batch in batches: a create with if_none_match "*", an update
 * or a delete with if_match base-rev. Per result: success marks the row
 * synced at the new rev, but only if its change-count has not moved since
 * the row was read (pamong_store_mark_synced()); 412 puts the row in
 * conflict and keeps the server's version next to it; any other per-record
 * error is remembered for that record (pamong_sync_get_record_errors()) and
 * the rest of the queue goes on. A 401 stops the run with
 * PAMONG_ERROR_UNAUTHORIZED and leaves the queue as it is. A tombstone the
 * server never saw (rev and base-rev 0) is settled locally, without a
 * request.
 *
 * Pull: GET /api/v1/changes from the "sync-cursor" meta value, page by
 * page; each page is applied with its new cursor in one store transaction.
 * Rows pending locally are never overwritten: a row the server changed
 * since its base-rev goes to conflict (the server's version is kept), one
 * the server did not change is skipped.
 *
 * Attachments: before the records, the contents of the queued attachments
 * go up (PUT /api/v1/blobs/<sha256>, checked against the name before and
 * after); after the pull, the contents of pulled attachments come down
 * (GET, checked, stored as they arrive). Both are resumable: a blob's state
 * lives in the store, so what one run did not finish the next one does.
 *
 * A write whose answer was lost (reset, crash) is recognised when its 412
 * comes back: the server's current version is what we sent (rows in
 * sync_sent, written before each batch), so the row is rebased on that rev
 * instead of being put in conflict with itself.
 *
 * A record of the feed that does not decode (a newer server, a damaged
 * record) is skipped and reported in pamong_sync_get_record_errors(); the
 * rest of its page is applied and the cursor moves past it.
 *
 * Errors: the transport's own (G_IO_ERROR, G_RESOLVER_ERROR, G_TLS_ERROR)
 * when the server cannot be reached, PAMONG_ERROR_UNAUTHORIZED on 401,
 * G_IO_ERROR_CANCELLED, PAMONG_ERROR_FAILED / _INVALID_DATA otherwise.
 * "progress" tells where the run is (push, pull, idle at the end).
 *
 * A network failure (other than a TLS error) or a 5xx or 429 answer is
 * retried inside the run with exponential back-off and full jitter: the
 * wait before retry n is random in [0, min (cap, base * 2^n)], or the
 * answer's Retry-After bounded by the cap. Retrying a batch is safe: creates
 * carry if_none_match "*" and updates if_match, and a 412 to a retried
 * batch whose current version is what we sent (apart from rev and
 * timestamps) is our own earlier try, taken as a success. After the last
 * attempt the run ends with an error; the next run starts again from the
 * queue and the cursor, which are always consistent.
 */

struct _PamongSync
{
  GObject       parent_instance;

  PamongStore  *store;
  char         *server_url;
  char         *token;
  SoupSession  *session;
  guint         batch_size;
  guint         page_size;
  guint         retry_base_ms;
  guint         retry_cap_ms;
  guint         retry_max_attempts;
  GHashTable   *record_errors;   /* uuid -> message */
  gint64        last_run_end;    /* monotonic, 0 before the first run */
};

/* Connections idle for longer than this are dropped before a run (see
 * pamong_sync_run_async()). */
#define STALE_CONNECTION_USEC (30 * G_USEC_PER_SEC)

/* The I/O priority of every request, one step above G_PRIORITY_DEFAULT,
 * where libsoup's message queue source runs. It keeps libsoup 3.2 from
 * crashing on a connection the server closed while it was idle (the soak
 * test hit it through its resets):
 *
 * A GET or PUT sent on a reused keep-alive connection whose peer has just
 * closed it fails in the very call that starts reading the answer
 * (soup_client_message_io_http1_run_until_read_async(): the request goes
 * out, the read meets EOF), so its GTask returns in an idle source, at the
 * task's priority; the message is marked RESTARTING to be sent again.
 * Should the queue source run before that idle, it restarts the message
 * and starts a second read (the next idle connection may even have the
 * whole answer already, another deferred GTask). The stale error then
 * reaches run_until_read_done() in soup-session.c with the item RUNNING
 * again, so it finishes the message, tearing down the second attempt's I/O
 * and freeing the queue item, and the second read's callback dereferences
 * the NULL io_data (and the freed item): SIGSEGV in
 * soup_message_io_get_response_istream().
 *
 * A task's idle has the task's priority, so with the requests above the
 * queue's priority the stale error is always seen first, while the message
 * is still RESTARTING, and dropped as libsoup intends. It relies on one
 * request at a time per session, which a run's chain of requests keeps. */
#define SYNC_IO_PRIORITY (G_PRIORITY_DEFAULT - 1)

G_DEFINE_FINAL_TYPE (PamongSync, pamong_sync, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PamongSyncPhase, pamong_sync_phase,
  G_DEFINE_ENUM_VALUE (PAMONG_SYNC_PHASE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (PAMONG_SYNC_PHASE_PUSH, "push"),
  G_DEFINE_ENUM_VALUE (PAMONG_SYNC_PHASE_PULL, "pull"))

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SERVER_URL,
  N_PROPS
};

enum
{
  BATCH_ANSWERED,
  PROGRESS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef void (*RetryFunc) (GTask *task);

typedef struct
{
  GPtrArray *queue;          /* of PamongRecord, in push order */
  GPtrArray *uploads;        /* sha256 names of the blobs to upload first */
  guint      next_upload;
  GHashTable *blocked;       /* sha256 -> why its attachments cannot go up */
  GPtrArray *downloads;      /* sha256 names of the blobs to fetch after the pull */
  guint      next_download;
  guint64    pushed;         /* progress: records answered */
  guint64    push_total;
  guint64    pulled;         /* progress: feed entries applied */
  guint      next;           /* the first record of the queue not yet sent */
  guint      n_sent;         /* records in the batch in flight */
  gint64     cursor;
  guint      attempt;        /* failed attempts of the request in flight */
  gboolean   batch_retried;  /* the answered batch was sent more than once */
  GSource   *wait_timer;     /* the back-off wait, or NULL */
  GSource   *wait_cancel;    /* its cancellation watch, or NULL */
  RetryFunc  retry_func;     /* what to do when the wait is over */
} RunData;

static void
run_data_end_wait (RunData *run)
{
  if (run->wait_timer != NULL)
    {
      g_source_destroy (run->wait_timer);
      g_clear_pointer (&run->wait_timer, g_source_unref);
    }
  if (run->wait_cancel != NULL)
    {
      g_source_destroy (run->wait_cancel);
      g_clear_pointer (&run->wait_cancel, g_source_unref);
    }
}

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  run_data_end_wait (run);
  g_clear_pointer (&run->queue, g_ptr_array_unref);
  g_clear_pointer (&run->uploads, g_ptr_array_unref);
  g_clear_pointer (&run->blocked, g_hash_table_unref);
  g_clear_pointer (&run->downloads, g_ptr_array_unref);
  g_free (run);
}

static void push_next_batch    (GTask *task);
static void pull_next_page     (GTask *task);
static void upload_next_blob   (GTask *task);
static void download_next_blob (GTask *task);

static void
pamong_sync_finalize (GObject *object)
{
  PamongSync *self = PAMONG_SYNC (object);

  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_pointer (&self->server_url, g_free);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->record_errors, g_hash_table_unref);

  G_OBJECT_CLASS (pamong_sync_parent_class)->finalize (object);
}

static void
pamong_sync_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PamongSync *self = PAMONG_SYNC (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_sync_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PamongSync *self = PAMONG_SYNC (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SERVER_URL:
      {
        const char *url = g_value_get_string (value);
        gsize len = url != NULL ? strlen (url) : 0;

        /* Kept without a trailing slash: paths are appended. */
        while (len > 0 && url[len - 1] == '/')
          len--;
        self->server_url = g_strndup (url != NULL ? url : "", len);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_sync_class_init (PamongSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pamong_sync_finalize;
  object_class->get_property = pamong_sync_get_property;
  object_class->set_property = pamong_sync_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PAMONG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PamongSync::batch-answered:
   * @self: the #PamongSync
   * @n_records: the number of records in the batch
   *
   * Emitted when the server has answered a batch of the push, before the
   * rows are marked: an edit made here is one made while the push was in
   * flight, and must stay pending.
   */
  signals[BATCH_ANSWERED] =
    g_signal_new ("batch-answered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * PamongSync::progress:
   * @self: the #PamongSync
   * @phase: what the run is doing (%PAMONG_SYNC_PHASE_IDLE once it is over)
   * @done: records (and file contents) handled so far in @phase
   * @total: how many there are in @phase, or 0 if unknown (the pull)
   *
   * Emitted in the thread-default main context of the caller of
   * pamong_sync_run_async() as the run goes on.
   */
  signals[PROGRESS] =
    g_signal_new ("progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, PAMONG_TYPE_SYNC_PHASE, G_TYPE_UINT64, G_TYPE_UINT64);
}

static void
emit_progress (PamongSync      *self,
               PamongSyncPhase  phase,
               guint64          done,
               guint64          total)
{
  g_signal_emit (self, signals[PROGRESS], 0, phase, done, total);
}

static void
pamong_sync_init (PamongSync *self)
{
  self->session = soup_session_new_with_options ("timeout", 60, NULL);
  self->batch_size = PAMONG_SYNC_DEFAULT_BATCH_SIZE;
  self->page_size = PAMONG_SYNC_DEFAULT_PAGE_SIZE;
  self->retry_base_ms = PAMONG_SYNC_DEFAULT_RETRY_BASE_MS;
  self->retry_cap_ms = PAMONG_SYNC_DEFAULT_RETRY_CAP_MS;
  self->retry_max_attempts = PAMONG_SYNC_DEFAULT_RETRY_ATTEMPTS;
  self->record_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * pamong_sync_new:
 * @store: the local store to synchronise
 * @server_url: the server's base URL, e.g. "https://spbe.blorakab.go.id"
 *
 * Returns: (transfer full): a new #PamongSync
 */
PamongSync *
pamong_sync_new (PamongStore *store,
                 const char  *server_url)
{
  g_return_val_if_fail (PAMONG_IS_STORE (store), NULL);
  g_return_val_if_fail (server_url != NULL, NULL);

  return g_object_new (PAMONG_TYPE_SYNC,
                       "store", store,
                       "server-url", server_url,
                       NULL);
}

PamongStore *
pamong_sync_get_store (PamongSync *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC (self), NULL);

  return self->store;
}

const char *
pamong_sync_get_server_url (PamongSync *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC (self), NULL);

  return self->server_url;
}

/**
 * pamong_sync_set_token:
 * @self: a #PamongSync
 * @token: (nullable): the bearer token from POST /api/v1/auth/login
 */
void
pamong_sync_set_token (PamongSync *self,
                       const char *token)
{
  g_return_if_fail (PAMONG_IS_SYNC (self));

  pamong_set_string (&self->token, token);
}

/**
 * pamong_sync_set_batch_size:
 * @self: a #PamongSync
 * @batch_size: records per batch, 1 to 1000
 */
void
pamong_sync_set_batch_size (PamongSync *self,
                            guint       batch_size)
{
  g_return_if_fail (PAMONG_IS_SYNC (self));
  g_return_if_fail (batch_size >= 1 && batch_size <= 1000);

  self->batch_size = batch_size;
}

/**
 * pamong_sync_set_page_size:
 * @self: a #PamongSync
 * @page_size: records per page of the change feed, 1 to 5000
 */
void
pamong_sync_set_page_size (PamongSync *self,
                           guint       page_size)
{
  g_return_if_fail (PAMONG_IS_SYNC (self));
  g_return_if_fail (page_size >= 1 && page_size <= 5000);

  self->page_size = page_size;
}

/**
 * pamong_sync_set_retry:
 * @self: a #PamongSync
 * @base_ms: the back-off base in milliseconds, at least 1
 * @cap_ms: the longest wait in milliseconds, at least @base_ms
 * @max_attempts: attempts per request including the first, at least 1
 *
 * How a request that failed on the network, with a 5xx or with 429 is
 * retried within one run: before retry n (from 0) a wait random between 0
 * and min (@cap_ms, @base_ms * 2^n), or the answer's Retry-After bounded
 * by @cap_ms.
 */
void
pamong_sync_set_retry (PamongSync *self,
                       guint       base_ms,
                       guint       cap_ms,
                       guint       max_attempts)
{
  g_return_if_fail (PAMONG_IS_SYNC (self));
  g_return_if_fail (base_ms >= 1);
  g_return_if_fail (cap_ms >= base_ms);
  g_return_if_fail (max_attempts >= 1);

  self->retry_base_ms = base_ms;
  self->retry_cap_ms = cap_ms;
  self->retry_max_attempts = max_attempts;
}

/**
 * pamong_sync_get_record_errors:
 * @self: a #PamongSync
 *
 * The records the server refused in the last run for a reason other than a
 * conflict (e.g. 400 invalid data, 403 forbidden): they stay pending.
 *
 * Returns: (transfer none) (element-type utf8 utf8): uuid -> the server's
 *   message
 */
GHashTable *
pamong_sync_get_record_errors (PamongSync *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC (self), NULL);

  return self->record_errors;
}

/* A request to the server with the token, or NULL — then @task has been
 * returned with the error and released. */
static SoupMessage *
sync_message_new (PamongSync *self,
                  const char *method,
                  const char *path,
                  GTask      *task)
{
  g_autofree char *uri = g_strconcat (self->server_url, path, NULL);
  SoupMessage *msg = soup_message_new (method, uri);

  /* No request can be made: the run ends here, with @task. */
  if (msg == NULL)
    {
      g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                               _("“%s” is not a server address Pamong can use."),
                               self->server_url);
      g_object_unref (task);
      return NULL;
    }

  if (self->token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }

  return msg;
}

/* A string member ("code", "message") of a JSON error answer, or NULL. */
static char *
error_member_from_body (GBytes     *body,
                        const char *member)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;

  if (body == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  if (!json_object_has_member (object, "error"))
    return NULL;

  object = json_object_get_object_member (object, "error");
  if (object == NULL || !json_object_has_member (object, member))
    return NULL;

  return g_strdup (json_object_get_string_member_with_default (object, member, NULL));
}

/* The "message" of a JSON error answer, or NULL. */
static char *
error_message_from_body (GBytes *body)
{
  return error_member_from_body (body, "message");
}

/* Whether a blob upload was refused because the server's malware scanner
 * is down or busy (503 "scanner-unavailable"), as opposed to the server. */
static gboolean
is_scanner_unavailable (guint   status,
                        GBytes *body)
{
  g_autofree char *code = NULL;

  if (status != SOUP_STATUS_SERVICE_UNAVAILABLE)
    return FALSE;
  code = error_member_from_body (body, "code");
  return g_strcmp0 (code, "scanner-unavailable") == 0;
}

/* Turns a failed HTTP exchange into a GError; TRUE if the answer is 200. */
static gboolean
check_answer (PamongSync   *self,
              SoupMessage  *msg,
              GBytes       *body,
              GError       *transport_error,
              GError      **error)
{
  g_autofree char *message = NULL;
  guint status;

  if (transport_error != NULL)
    {
      if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, transport_error);
          return FALSE;
        }

      /* The transport's own domain and code (G_IO_ERROR, G_RESOLVER_ERROR,
       * G_TLS_ERROR): a caller tells "offline" from "the server said no". */
      g_set_error (error, transport_error->domain, transport_error->code,
                   _("Could not reach the server at %s: %s. Check the network connection and the server address."),
                   self->server_url, transport_error->message);
      g_error_free (transport_error);
      return FALSE;
    }

  status = soup_message_get_status (msg);
  if (status == SOUP_STATUS_OK)
    return TRUE;

  message = error_message_from_body (body);
  if (status == SOUP_STATUS_UNAUTHORIZED)
    g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_UNAUTHORIZED,
                 _("The server %s did not accept the login; log in again. Your changes are kept and will be sent then."),
                 self->server_url);
  else if (status >= 500)
    g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                 _("The server %s failed (HTTP %u: %s). Your changes are kept; try again later."),
                 self->server_url, status,
                 message != NULL ? message : soup_status_get_phrase (status));
  else
    g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                 _("The server %s refused the request (HTTP %u: %s)."),
                 self->server_url, status,
                 message != NULL ? message : soup_status_get_phrase (status));
  return FALSE;
}

static JsonObject *
parse_object (GBytes  *body,
              GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (root = json_parser_get_root (parser)))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The server's answer is not the JSON object the sync protocol expects."));
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

/* ----------------------------------------------------------------- retry */

/* Whether a failed exchange may go through on a later try. */
static gboolean
is_retryable (SoupMessage  *msg,
              const GError *transport_error)
{
  guint status;

  if (transport_error != NULL)
    {
      if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return FALSE;
      return transport_error->domain == G_IO_ERROR ||
             transport_error->domain == G_RESOLVER_ERROR;
    }

  status = soup_message_get_status (msg);
  return status >= 500 || status == 429;   /* Too Many Requests */
}

/* The answer's Retry-After in milliseconds (seconds or an HTTP date), or -1. */
static gint64
retry_after_ms (SoupMessage *msg)
{
  const char *value;
  char *end = NULL;
  guint64 seconds;

  if (msg == NULL)
    return -1;

  value = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Retry-After");
  if (value == NULL)
    return -1;

  while (g_ascii_isspace (*value))
    value++;
  if (g_ascii_isdigit (*value))
    {
      seconds = g_ascii_strtoull (value, &end, 10);
      if (end == NULL || (*end != '\0' && !g_ascii_isspace (*end)))
        return -1;
      return (gint64) MIN (seconds, G_MAXINT64 / 1000) * 1000;
    }
  else
    {
      g_autoptr(GDateTime) date = soup_date_time_new_from_http_string (value);
      g_autoptr(GDateTime) now = NULL;
      GTimeSpan span;

      if (date == NULL)
        return -1;
      now = g_date_time_new_now_utc ();
      span = g_date_time_difference (date, now);
      return span > 0 ? span / G_TIME_SPAN_MILLISECOND : 0;
    }
}

static guint
retry_delay_ms (PamongSync  *self,
                SoupMessage *msg,
                guint        attempt)
{
  gint64 after = retry_after_ms (msg);
  guint64 ceiling = self->retry_base_ms;

  if (after >= 0)
    return (guint) MIN ((guint64) after, (guint64) self->retry_cap_ms);

  for (guint i = 0; i < attempt && ceiling < self->retry_cap_ms; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, (guint64) self->retry_cap_ms);

  /* Full jitter: anything from no wait up to the ceiling. */
  return (guint) g_random_int_range (0, (gint32) ceiling + 1);
}

static gboolean
on_wait_over (gpointer user_data)
{
  GTask *task = user_data;
  RunData *run = g_task_get_task_data (task);

  run_data_end_wait (run);
  run->retry_func (task);   /* takes the wait's reference */
  return G_SOURCE_REMOVE;
}

static gboolean
on_wait_cancelled (GCancellable *cancellable,
                   gpointer      user_data)
{
  GTask *task = user_data;
  RunData *run = g_task_get_task_data (task);

  run_data_end_wait (run);
  g_task_return_error_if_cancelled (task);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

/* If the failed exchange may be retried and attempts are left, schedules
 * @retry_func after the back-off wait, takes @task and returns TRUE. */
static gboolean
maybe_retry (GTask        *task,
             SoupMessage  *msg,
             const GError *transport_error,
             RetryFunc     retry_func)
{
  PamongSync *self = g_task_get_source_object (task);
  RunData *run = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  guint delay;

  if (!is_retryable (msg, transport_error) ||
      run->attempt + 1 >= self->retry_max_attempts)
    return FALSE;

  delay = retry_delay_ms (self, transport_error == NULL ? msg : NULL, run->attempt);
  run->attempt++;
  run->retry_func = retry_func;
  g_debug ("Retrying in %u ms (attempt %u of %u)", delay,
           run->attempt + 1, self->retry_max_attempts);

  run->wait_timer = g_timeout_source_new (delay);
  g_source_set_static_name (run->wait_timer, "[pamong] sync back-off");
  g_source_set_callback (run->wait_timer, on_wait_over, task, NULL);
  g_source_attach (run->wait_timer, g_task_get_context (task));

  if (cancellable != NULL)
    {
      run->wait_cancel = g_cancellable_source_new (cancellable);
      g_source_set_static_name (run->wait_cancel, "[pamong] sync back-off cancel");
      g_source_set_callback (run->wait_cancel, G_SOURCE_FUNC (on_wait_cancelled), task, NULL);
      g_source_attach (run->wait_cancel, g_task_get_context (task));
    }

  return TRUE;
}

/* ------------------------------------------------------------------ push */

static gboolean
build_queue (PamongSync  *self,
             RunData     *run,
             GError     **error)
{
  const GType *types;
  guint n_types;

  types = pamong_collections_get_types (&n_types);
  run->queue = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GPtrArray) pending = pamong_store_list_pending (self->store, types[i], error);

      if (pending == NULL)
        return FALSE;

      for (guint j = 0; j < pending->len; j++)
        {
          PamongRecord *record = g_ptr_array_index (pending, j);
          PamongLocalState state = pamong_record_get_local_state (record);

          if (state == PAMONG_LOCAL_STATE_CONFLICT || state == PAMONG_LOCAL_STATE_SYNCED)
            continue;

          /* Deleted before the server ever had it: nothing to send —
           * unless its create was sent and may have gone through (the
           * answer was lost); then the tombstone goes up as a create. */
          if (state == PAMONG_LOCAL_STATE_DELETED &&
              pamong_record_get_base_rev (record) == 0 &&
              pamong_record_get_rev (record) == 0)
            {
              g_autoptr(GPtrArray) sent = pamong_store_list_sent (self->store, pamong_record_get_uuid (record), error);

              if (sent == NULL)
                return FALSE;
              if (sent->len > 0)
                {
                  g_ptr_array_add (run->queue, g_object_ref (record));
                  continue;
                }
              if (!pamong_store_mark_synced (self->store, record, 0, NULL, error))
                return FALSE;
              continue;
            }

          g_ptr_array_add (run->queue, g_object_ref (record));
        }
    }

  return TRUE;
}

static JsonNode *
write_for_record (PamongRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  PamongLocalState state = pamong_record_get_local_state (record);
  /* A tombstone the server may never have seen (base-rev 0) is a create. */
  gboolean is_create = state == PAMONG_LOCAL_STATE_CREATED || pamong_record_get_base_rev (record) == 0;
  gboolean is_delete = state == PAMONG_LOCAL_STATE_DELETED && !is_create;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, is_delete ? "delete" : "put");
  json_builder_set_member_name (builder, "collection");
  json_builder_add_string_value (builder, pamong_record_get_collection (record));
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, pamong_record_get_uuid (record));
  json_builder_set_member_name (builder, "if_match");
  if (is_create)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, pamong_record_get_base_rev (record));
  json_builder_set_member_name (builder, "if_none_match");
  if (is_create)
    json_builder_add_string_value (builder, "*");
  else
    json_builder_add_null_value (builder);
  if (!is_delete)
    {
      json_builder_set_member_name (builder, "record");
      json_builder_add_value (builder, pamong_codec_encode (record));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Whether the server's current version (a 412's "current") is @record as
 * we sent it, apart from rev and timestamps: the write of an earlier try
 * that reached the server although its answer was lost (in this run or an
 * earlier one), or the same content written by someone else — either way
 * nothing of ours is lost by taking it as done. Two deletes of one record
 * agree too. */
static gboolean
is_own_write (PamongRecord *record,
              JsonNode     *current,
              gint64       *rev)
{
  g_autoptr(PamongRecord) theirs = NULL;

  if (current == NULL)
    return FALSE;

  theirs = pamong_codec_decode (G_OBJECT_TYPE (record), current, NULL);
  if (theirs == NULL)
    return FALSE;

  *rev = pamong_record_get_rev (theirs);
  if (*rev <= 0)
    return FALSE;
  if (pamong_record_get_local_state (record) == PAMONG_LOCAL_STATE_DELETED &&
      pamong_record_get_deleted (theirs))
    return TRUE;
  return pamong_record_same_content (theirs, record);
}

/* Whether the server's current version (a 412's "current") is one this
 * client sent of @record before (pamong_store_note_sent()). */
static gboolean
was_sent_before (PamongSync    *self,
                 PamongRecord  *record,
                 JsonNode      *current,
                 gint64        *rev,
                 GError       **error)
{
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(PamongRecord) theirs = NULL;

  if (current == NULL)
    return FALSE;

  theirs = pamong_codec_decode (G_OBJECT_TYPE (record), current, NULL);
  if (theirs == NULL || pamong_record_get_rev (theirs) <= 0)
    return FALSE;
  *rev = pamong_record_get_rev (theirs);

  sent = pamong_store_list_sent (self->store, pamong_record_get_uuid (record), error);
  if (sent == NULL)
    return FALSE;

  for (guint i = 0; i < sent->len; i++)
    {
      g_autoptr(PamongRecord) version =
        pamong_codec_decode_string (G_OBJECT_TYPE (record), g_ptr_array_index (sent, i), -1, NULL);

      if (version != NULL && pamong_record_same_content (version, theirs))
        return TRUE;
    }

  return FALSE;
}

static gboolean
apply_batch_results (PamongSync  *self,
                     RunData     *run,
                     JsonObject  *answer,
                     GError     **error)
{
  JsonArray *results = NULL;

  if (json_object_has_member (answer, "results"))
    results = json_object_get_array_member (answer, "results");

  if (results == NULL || json_array_get_length (results) != run->n_sent)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The server answered a batch of %u changes with a different number of results."),
                   run->n_sent);
      return FALSE;
    }

  if (!pamong_store_begin (self->store, error))
    return FALSE;

  for (guint i = 0; i < run->n_sent; i++)
    {
      PamongRecord *record = g_ptr_array_index (run->queue, run->next + i);
      JsonObject *result = json_array_get_object_element (results, i);
      gint64 status = result != NULL ? json_object_get_int_member_with_default (result, "status", 0) : 0;
      const char *uuid = pamong_record_get_uuid (record);

      if (status == 200 || status == 201)
        {
          gint64 rev = json_object_get_int_member_with_default (result, "rev", 0);

          g_hash_table_remove (self->record_errors, uuid);
          if (!pamong_store_mark_synced (self->store, record, rev, NULL, error))
            goto fail;
        }
      else if (status == 412)
        {
          JsonNode *current = json_object_get_member (result, "current");
          g_autofree char *json = current != NULL ? json_to_string (current, FALSE) : NULL;
          gint64 rev = 0;

          g_hash_table_remove (self->record_errors, uuid);
          if (is_own_write (record, current, &rev))
            {
              g_debug ("%s is on the server as we sent it (an earlier try%s)", uuid,
                       run->batch_retried ? " of this batch" : "");
              if (!pamong_store_mark_synced (self->store, record, rev, NULL, error))
                goto fail;
            }
          else if (was_sent_before (self, record, current, &rev, error))
            {
              /* The server has what we sent earlier (its answer was lost)
               * and the row moved on since: it stays pending, now as an
               * edit of that rev, not a conflict with ourselves. */
              g_autoptr(PamongRecord) moved = pamong_record_copy (record);

              g_debug ("%s: our earlier write is on the server at rev %" G_GINT64_FORMAT, uuid, rev);
              pamong_record_set_change_count (moved, -1);
              if (!pamong_store_mark_synced (self->store, moved, rev, NULL, error))
                goto fail;
            }
          else if (error != NULL && *error != NULL)
            goto fail;
          else if (!pamong_store_mark_conflict (self->store, record, json, error))
            goto fail;
        }
      else
        {
          JsonObject *err = result != NULL && json_object_has_member (result, "error")
                            ? json_object_get_object_member (result, "error") : NULL;
          const char *message = err != NULL
                                ? json_object_get_string_member_with_default (err, "message", NULL)
                                : NULL;

          g_hash_table_replace (self->record_errors, g_strdup (uuid),
                                message != NULL
                                ? g_strdup (message)
                                : g_strdup_printf (_("The server refused this change (HTTP %d)."),
                                                   (int) status));
        }
    }

  return pamong_store_commit (self->store, error);

fail:
  pamong_store_rollback (self->store);
  return FALSE;
}

static void
on_batch_answered (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PamongSync *self = g_task_get_source_object (task);
  RunData *run = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  GError *transport_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) answer = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &transport_error);
  if (maybe_retry (task, msg, transport_error, push_next_batch))
    {
      g_clear_error (&transport_error);
      g_steal_pointer (&task);
      return;
    }
  if (!check_answer (self, msg, body, transport_error, &error) ||
      (answer = parse_object (body, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  run->batch_retried = run->attempt > 0;
  run->attempt = 0;
  g_signal_emit (self, signals[BATCH_ANSWERED], 0, run->n_sent);

  if (!apply_batch_results (self, run, answer, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  run->next += run->n_sent;
  run->pushed += run->n_sent;
  run->n_sent = 0;
  emit_progress (self, PAMONG_SYNC_PHASE_PUSH, run->pushed, run->push_total);
  push_next_batch (g_steal_pointer (&task));
}

static void
push_next_batch (GTask *task)
{
  PamongSync *self = g_task_get_source_object (task);
  RunData *run = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *json = NULL;
  gsize length;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (run->next >= run->queue->len)
    {
      pull_next_page (task);
      return;
    }

  run->n_sent = MIN (self->batch_size, run->queue->len - run->next);

  /* Remember what goes out, should the answer be lost (see was_sent_before). */
  {
    g_autoptr(GPtrArray) batch = g_ptr_array_new ();
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < run->n_sent; i++)
      g_ptr_array_add (batch, g_ptr_array_index (run->queue, run->next + i));
    if (!pamong_store_note_sent (self->store, batch, &error))
      {
        g_task_return_error (task, g_steal_pointer (&error));
        g_object_unref (task);
        return;
      }
  }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "writes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < run->n_sent; i++)
    json_builder_add_value (builder, write_for_record (g_ptr_array_index (run->queue, run->next + i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  length = strlen (json);
  bytes = g_bytes_new_take (g_steal_pointer (&json), length);

  msg = sync_message_new (self, SOUP_METHOD_POST, "/api/v1/batch", task);
  if (msg == NULL)
    return;

  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  soup_session_send_and_read_async (self->session, msg, SYNC_IO_PRIORITY,
                                    g_task_get_cancellable (task),
                                    on_batch_answered, task);
}

/* --------------------------------------------------------------- uploads */

/*
 * An attachment record refers to its content by SHA-256; the content goes
 * up (PUT /api/v1/blobs/<sha256>) before the record, so no client ever
 * pulls an attachment whose content the server does not have. A blob the
 * server refuses (too large, forbidden, infected) or cannot check for
 * malware (503 "scanner-unavailable", after the retries) holds back the
 * attachments that refer to it, with a per-record error; the rest of the
 * queue goes on, and the blob is offered again at the next sync.
 */

/* The blobs the queued attachments need uploaded, each once. */
static gboolean
collect_uploads (PamongSync  *self,
                 RunData     *run,
                 GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  run->uploads = g_ptr_array_new_with_free_func (g_free);
  run->blocked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < run->queue->len; i++)
    {
      PamongRecord *record = g_ptr_array_index (run->queue, i);
      const char *sha256;
      PamongBlobState state;
      g_autoptr(GError) local_error = NULL;

      if (!PAMONG_IS_ATTACHMENT (record) ||
          pamong_record_get_local_state (record) == PAMONG_LOCAL_STATE_DELETED)
        continue;

      sha256 = pamong_attachment_get_sha256 (PAMONG_ATTACHMENT (record));
      if (sha256 == NULL || g_hash_table_contains (seen, sha256))
        continue;
      g_hash_table_add (seen, (gpointer) sha256);

      if (!pamong_store_get_blob_state (self->store, sha256, &state, &local_error))
        {
          /* Not kept here (saved without pamong_store_attach()): the
           * record goes up as it is; the server does not demand it. */
          if (g_error_matches (local_error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (state == PAMONG_BLOB_STATE_UPLOAD)
        g_ptr_array_add (run->uploads, g_strdup (sha256));
    }

  run->push_total = run->queue->len + run->uploads->len;
  return TRUE;
}

/* Drops the attachments whose blob could not go up from the queue. */
static void
hold_back_blocked (PamongSync *self,
                   RunData    *run)
{
  g_autoptr(GPtrArray) kept = NULL;

  if (g_hash_table_size (run->blocked) == 0)
    return;

  kept = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < run->queue->len; i++)
    {
      PamongRecord *record = g_ptr_array_index (run->queue, i);
      const char *why = NULL;

      if (PAMONG_IS_ATTACHMENT (record) &&
          pamong_record_get_local_state (record) != PAMONG_LOCAL_STATE_DELETED &&
          pamong_attachment_get_sha256 (PAMONG_ATTACHMENT (record)) != NULL)
        why = g_hash_table_lookup (run->blocked, pamong_attachment_get_sha256 (PAMONG_ATTACHMENT (record)));

      if (why != NULL)
        g_hash_table_replace (self->record_errors, g_strdup (pamong_record_get_uuid (record)), g_strdup (why));
      else
        g_ptr_array_add (kept, g_object_ref (record));
    }

  g_ptr_array_unref (run->queue);
  run->queue = g_steal_pointer (&kept);
}

static void
on_blob_uploaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PamongSync *self = g_task_get_source_object (task);
  RunData *run = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  const char *sha256 = g_ptr_array_index (run->uploads, run->next_upload);
  GError *transport_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &transport_error);
  if (maybe_retry (task, msg, transport_error, upload_next_blob))
    {
      g_clear_error (&transport_error);
      g_steal_pointer (&task);
      return;
    }

  status = transport_error == NULL ? soup_message_get_status (msg) : 0;
  if (status == SOUP_STATUS_OK || status == SOUP_STATUS_CREATED)
    {
      g_autoptr(JsonObject) answer = parse_object (body, NULL);
      const char *stored = answer != NULL
                           ? json_object_get_string_member_with_default (answer, "sha256", NULL)
                           : NULL;

      /* The server checks the hash itself; an answer naming another blob
       * (a damaged answer) is not taken for a success. */
      if (g_strcmp0 (stored, sha256) != 0)
        {
          g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                                   _("The server’s answer to the upload of a file is damaged; the file is sent again at the next sync."));
          return;
        }
      if (!pamong_store_set_blob_uploaded (self->store, sha256, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else if (transport_error == NULL &&
           ((status >= 400 && status < 500 && status != SOUP_STATUS_UNAUTHORIZED) ||
            is_scanner_unavailable (status, body)))
    {
      /* Refused (too large, infected: 413, 422…), or the server's malware
       * scanner still down after the retries: only the attachments of
       * this blob wait for the next sync, everything else goes on. */
      g_autofree char *message = error_message_from_body (body);

      g_hash_table_replace (run->blocked, g_strdup (sha256),
                            message != NULL
                            ? g_steal_pointer (&message)
                            : g_strdup_printf (_("The server refused the attached file (HTTP %u)."), status));
    }
  else
    {
      check_answer (self, msg, body, transport_error, &error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  run->attempt = 0;
  run->next_upload++;
  run->pushed++;
  emit_progress (self, PAMONG_SYNC_PHASE_PUSH, run->pushed, run->push_total);
  upload_next_blob (g_steal_pointer (&task));
}

static void
upload_next_blob (GTask *task)
{
  PamongSync *self = g_task_get_source_object (task);
  RunData *run = g_task_get_task_data (task);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *actual = NULL;
  const char *sha256 = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  while (run->next_upload < run->uploads->len)
    {
      sha256 = g_ptr_array_index (run->uploads, run->next_upload);
      data = pamong_store_load_blob (self->store, sha256, &error);
      if (data == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          g_object_unref (task);
          return;
        }

      /* What goes up must be what the attachment names. */
      actual = pamong_store_compute_sha256 (data);
      if (g_strcmp0 (actual, sha256) == 0)
        break;

      g_hash_table_replace (run->blocked, g_strdup (sha256),
                            g_strdup (_("The attached file’s content on this computer is damaged (its SHA-256 does not match); attach the file again.")));
      g_clear_pointer (&data, g_bytes_unref);
      g_clear_pointer (&actual, g_free);
      run->next_upload++;
    }

  if (run->next_upload >= run->uploads->len)
    {
      hold_back_blocked (self, run);
      push_next_batch (task);
      return;
    }

  path = g_strconcat ("/api/v1/blobs/", sha256, NULL);
  msg = sync_message_new (self, SOUP_METHOD_PUT, path, task);
  if (msg == NULL)
    return;

  soup_message_set_request_body_from_bytes (msg, "application/octet-stream", data);
  soup_session_send_and_read_async (self->session, msg, SYNC_IO_PRIORITY,
                                    g_task_get_cancellable (task),
                                    on_blob_uploaded, task);
}

/* ------------------------------------------------------------- downloads */

/*
 * After the pull, the contents of pulled attachments are fetched, one by
 * one, each stored as soon as it is here and its SHA-256 checked. What is
 * not fetched (interrupted, cancelled, damaged on the way) stays "to
 * download" in the store and is tried again at the next sync; a blob the
 * server does not have is counted as a failure and does not fail the run.
 */

static void
on_blob_downloaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PamongSync *self = g_task_get_source_object (task);
  RunData *run = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  const char *sha256 = g_ptr_array_index (run->downloads, run->next_download);
  GError *transport_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &transport_error);
  if (maybe_retry (task, msg, transport_error, download_next_blob))
    {
      g_clear_error (&transport_error);
      g_steal_pointer (&task);
      return;
    }

  status = transport_error == NULL ? soup_message_get_status (msg) : 0;
  if (status == SOUP_STATUS_OK)
    {
      if (!pamong_store_put_blob (self->store, sha256, body, &error))
        {
          if (!g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          g_debug ("%s", error->message);
          g_clear_error (&error);
          if (!pamong_store_note_blob_failure (self->store, sha256, &error))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
        }
    }
  else if (status == SOUP_STATUS_NOT_FOUND)
    {
      if (!pamong_store_note_blob_failure (self->store, sha256, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else
    {
      check_answer (self, msg, body, transport_error, &error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  run->attempt = 0;
  run->next_download++;
  run->pulled++;
  emit_progress (self, PAMONG_SYNC_PHASE_PULL, run->pulled, 0);
  download_next_blob (g_steal_pointer (&task));
}

static void
download_next_blob (GTask *task)
{
  PamongSync *self = g_task_get_source_object (task);
  RunData *run = g_task_get_task_data (task);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (run->downloads == NULL)
    {
      run->downloads = pamong_store_list_blobs (self->store, PAMONG_BLOB_STATE_DOWNLOAD, &error);
      if (run->downloads == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          g_object_unref (task);
          return;
        }
    }

  if (run->next_download >= run->downloads->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  path = g_strconcat ("/api/v1/blobs/", (const char *) g_ptr_array_index (run->downloads, run->next_download), NULL);
  msg = sync_message_new (self, SOUP_METHOD_GET, path, task);
  if (msg == NULL)
    return;

  soup_session_send_and_read_async (self->session, msg, SYNC_IO_PRIORITY,
                                    g_task_get_cancellable (task),
                                    on_blob_downloaded, task);
}

/* ------------------------------------------------------------------ pull */

/* uuid -> the local row, for every row not synced, of every collection. */
static GHashTable *
read_pending_rows (PamongSync  *self,
                   GError     **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  const GType *types;
  guint n_types;

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GPtrArray) pending = pamong_store_list_pending (self->store, types[i], error);

      if (pending == NULL)
        return NULL;

      for (guint j = 0; j < pending->len; j++)
        {
          PamongRecord *record = g_ptr_array_index (pending, j);

          g_hash_table_replace (rows, (gpointer) pamong_record_get_uuid (record), g_object_ref (record));
        }
    }

  return g_steal_pointer (&rows);
}

static gboolean
apply_page (PamongSync  *self,
            JsonArray   *changes,
            gint64       next,
            GError     **error)
{
  g_autoptr(GHashTable) pending = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *cursor = NULL;
  guint n_changes = json_array_get_length (changes);

  if (!pamong_store_begin (self->store, error))
    return FALSE;

  pending = read_pending_rows (self, error);
  if (pending == NULL)
    goto fail;

  for (guint i = 0; i < n_changes; i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      const char *collection;
      JsonNode *node;
      GType type;
      PamongRecord *local;
      g_autoptr(PamongRecord) record = NULL;
      GError *decode_error = NULL;

      if (change == NULL ||
          (collection = json_object_get_string_member_with_default (change, "collection", NULL)) == NULL ||
          (node = json_object_get_member (change, "record")) == NULL)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("The server's change feed has an entry without a collection or a record."));
          goto fail;
        }

      type = pamong_collections_lookup (collection);
      if (type == G_TYPE_INVALID)
        {
          /* A collection of a newer server: this version cannot hold it. */
          g_debug ("Skipping a record of the unknown collection “%s”", collection);
          continue;
        }

      record = pamong_codec_decode (type, node, &decode_error);
      if (record == NULL)
        {
          /* One bad record does not hold back the rest of the feed: it is
           * reported for its uuid and skipped; the cursor moves past it
           * (the page is applied whole), so it comes again only when the
           * server has a newer version of it. */
          JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          const char *bad_uuid = object != NULL
                                 ? json_object_get_string_member_with_default (object, "uuid", NULL)
                                 : NULL;

          g_message ("Skipping a record of the change feed: %s", decode_error->message);
          g_hash_table_replace (self->record_errors,
                                bad_uuid != NULL
                                ? g_strdup (bad_uuid)
                                : g_strdup_printf ("%s@%u", collection, i),
                                g_strdup (decode_error->message));
          g_clear_error (&decode_error);
          continue;
        }

      if (PAMONG_IS_ATTACHMENT (record) && !pamong_record_get_deleted (record) &&
          pamong_attachment_get_sha256 (PAMONG_ATTACHMENT (record)) != NULL &&
          !pamong_store_want_blob (self->store, pamong_attachment_get_sha256 (PAMONG_ATTACHMENT (record)),
                                   pamong_attachment_get_size (PAMONG_ATTACHMENT (record)), error))
        goto fail;

      local = g_hash_table_lookup (pending, pamong_record_get_uuid (record));
      if (local != NULL)
        {
          /* Never overwrite a local edit: a server change since the edit's
           * base is a conflict, our own base coming back is nothing new. */
          if (pamong_record_get_local_state (local) == PAMONG_LOCAL_STATE_CONFLICT ||
              pamong_record_get_rev (record) > pamong_record_get_base_rev (local))
            {
              g_autofree char *json = json_to_string (node, FALSE);

              if (!pamong_store_mark_conflict (self->store, local, json, error))
                goto fail;
            }
          continue;
        }

      pamong_record_set_local_state (record, PAMONG_LOCAL_STATE_SYNCED);
      pamong_record_set_base_rev (record, pamong_record_get_rev (record));
      g_ptr_array_add (records, g_steal_pointer (&record));
    }

  cursor = g_strdup_printf ("%" G_GINT64_FORMAT, next);
  if (!pamong_store_import (self->store, records, error) ||
      !pamong_store_set_meta (self->store, "sync-cursor", cursor, error))
    goto fail;

  return pamong_store_commit (self->store, error);

fail:
  pamong_store_rollback (self->store);
  return FALSE;
}

static void
on_page_answered (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PamongSync *self = g_task_get_source_object (task);
  RunData *run = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  GError *transport_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) answer = NULL;
  JsonArray *changes;
  gint64 next;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &transport_error);
  if (maybe_retry (task, msg, transport_error, pull_next_page))
    {
      g_clear_error (&transport_error);
      g_steal_pointer (&task);
      return;
    }
  if (!check_answer (self, msg, body, transport_error, &error) ||
      (answer = parse_object (body, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  run->attempt = 0;
  changes = json_object_has_member (answer, "changes")
            ? json_object_get_array_member (answer, "changes") : NULL;
  next = json_object_get_int_member_with_default (answer, "next", -1);
  if (changes == NULL || next < run->cursor)
    {
      g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                               _("The server's change feed answer has no changes or no valid next cursor."));
      return;
    }

  if (!apply_page (self, changes, next, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  run->cursor = next;
  run->pulled += json_array_get_length (changes);
  emit_progress (self, PAMONG_SYNC_PHASE_PULL, run->pulled, 0);
  if (json_object_get_boolean_member_with_default (answer, "more", FALSE) &&
      json_array_get_length (changes) > 0)
    {
      pull_next_page (g_steal_pointer (&task));
      return;
    }

  download_next_blob (g_steal_pointer (&task));
}

static void
pull_next_page (GTask *task)
{
  PamongSync *self = g_task_get_source_object (task);
  RunData *run = g_task_get_task_data (task);
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *path = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  path = g_strdup_printf ("/api/v1/changes?since=%" G_GINT64_FORMAT "&limit=%u",
                          run->cursor, self->page_size);
  msg = sync_message_new (self, SOUP_METHOD_GET, path, task);
  if (msg == NULL)
    return;

  soup_session_send_and_read_async (self->session, msg, SYNC_IO_PRIORITY,
                                    g_task_get_cancellable (task),
                                    on_page_answered, task);
}

/* ------------------------------------------------------------------- run */

static void
on_run_completed (GTask      *task,
                  GParamSpec *pspec,
                  PamongSync *self)
{
  self->last_run_end = g_get_monotonic_time ();
  emit_progress (self, PAMONG_SYNC_PHASE_IDLE, 0, 0);
}

/**
 * pamong_sync_run_async:
 * @self: a #PamongSync
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the run is over
 * @user_data: data for @callback
 *
 * Pushes the local changes, then pulls the server's (see the top of
 * pamong-sync.c). Runs on the thread-default main context; the store is
 * only touched between network round trips, so the caller never blocks on
 * the network.
 */
void
pamong_sync_run_async (PamongSync          *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  RunData *run;

  g_return_if_fail (PAMONG_IS_SYNC (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pamong_sync_run_async);
  run = g_new0 (RunData, 1);
  g_task_set_task_data (task, run, run_data_free);

  g_hash_table_remove_all (self->record_errors);

  /* A connection left idle while the main loop stood still for over a
   * minute (a suspend, a long blocking call) left the next run waiting
   * forever, or crashing, inside libsoup 3.2 (bench-sync with
   * PAMONG_BENCH_IDLE=65 reproduced both), so connections idle for a while
   * are dropped first. Not after a recent run: libsoup may still be
   * finishing that run's last connection on the main context, and aborting
   * under it crashed too (the soak test, with runs back to back). */
  if (self->last_run_end != 0 &&
      g_get_monotonic_time () - self->last_run_end > STALE_CONNECTION_USEC)
    soup_session_abort (self->session);

  cursor = pamong_store_get_meta (self->store, "sync-cursor", &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  run->cursor = cursor != NULL ? g_ascii_strtoll (cursor, NULL, 10) : 0;

  if (!build_queue (self, run, &error) ||
      !collect_uploads (self, run, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_signal_connect_object (task, "notify::completed", G_CALLBACK (on_run_completed), self, 0);
  emit_progress (self, PAMONG_SYNC_PHASE_PUSH, 0, run->push_total);
  upload_next_blob (g_steal_pointer (&task));
}

/**
 * pamong_sync_run_finish:
 * @self: a #PamongSync
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the push and the pull went through (records the server
 *   refused one by one are in pamong_sync_get_record_errors()); %FALSE with
 *   %PAMONG_ERROR_UNAUTHORIZED when the login must be renewed,
 *   %G_IO_ERROR_CANCELLED, or another error
 */
gboolean
pamong_sync_run_finish (PamongSync    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (PAMONG_IS_SYNC (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
