/* fault-proxy.c — a loopback HTTP proxy that breaks a share of the answers
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fault-proxy.h"

struct _FaultProxy
{
  SoupServer   *server;
  SoupSession  *session;
  char         *upstream;   /* without a trailing slash */
  char         *url;
  GRand        *rand;
  guint         percent;    /* of requests that get a fault; atomic */
  guint         counts[N_FAULTS];
  Fault         kinds[N_FAULTS];   /* the faults to choose from */
  guint         n_kinds;
  guint         n_requests;
  GArray       *latencies[N_FAULT_ROUTES];

  /* Only with a thread of its own. */
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  GMutex        lock;
  GCond         ready;
  gboolean      started;
};

typedef struct
{
  FaultProxy        *proxy;
  SoupServerMessage *msg;
  Fault              fault;
  FaultRoute         route;
  guint              delay_ms;
  gint64             forwarded_at;
  GBytes            *body;
  guint              status;
  char              *content_type;
} Forward;

static void
forward_free (Forward *forward)
{
  g_clear_object (&forward->msg);
  g_clear_pointer (&forward->body, g_bytes_unref);
  g_free (forward->content_type);
  g_free (forward);
}

static const char * const fault_names[N_FAULTS] = {
  [FAULT_NONE] = "none",
  [FAULT_5XX_BEFORE] = "5xx-before",
  [FAULT_5XX_AFTER] = "5xx-after",
  [FAULT_RESET_BEFORE] = "reset-before",
  [FAULT_RESET_AFTER] = "reset-after",
  [FAULT_TRUNCATED] = "truncated",
  [FAULT_GARBAGE] = "garbage",
  [FAULT_DELAY] = "delay",
};

/* The faults to inject: all of them, or only those PAMONG_FAULT_KINDS
 * names ("reset-before,truncated"), to tell which one a failure needs. */
static void
choose_kinds (FaultProxy *proxy)
{
  const char *env = g_getenv ("PAMONG_FAULT_KINDS");
  g_auto(GStrv) names = NULL;

  proxy->n_kinds = 0;
  if (env != NULL && *env != '\0')
    {
      names = g_strsplit (env, ",", -1);
      for (Fault f = FAULT_5XX_BEFORE; f < N_FAULTS; f++)
        if (g_strv_contains ((const char * const *) names, fault_names[f]))
          proxy->kinds[proxy->n_kinds++] = f;
      if (proxy->n_kinds == 0)
        g_error ("PAMONG_FAULT_KINDS=%s names no fault", env);
      return;
    }

  for (Fault f = FAULT_5XX_BEFORE; f < N_FAULTS; f++)
    proxy->kinds[proxy->n_kinds++] = f;
}

static FaultRoute
route_of (const char *method,
          const char *path)
{
  if (g_str_equal (path, "/api/v1/changes") && g_str_equal (method, "GET"))
    return FAULT_ROUTE_CHANGES;
  if (g_str_equal (path, "/api/v1/batch"))
    return FAULT_ROUTE_BATCH;
  if (g_str_has_prefix (path, "/api/v1/blobs"))
    return FAULT_ROUTE_BLOBS;
  return FAULT_ROUTE_OTHER;
}

static void
reset_connection (SoupServerMessage *msg)
{
  GIOStream *stream = soup_server_message_steal_connection (msg);

  if (stream != NULL)
    {
      g_io_stream_close (stream, NULL, NULL);
      g_object_unref (stream);
    }
}

typedef struct
{
  GIOStream *stream;
  char      *data;
} RawWrite;

static void
on_raw_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RawWrite *raw = user_data;

  g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL);
  g_io_stream_close (raw->stream, NULL, NULL);
  g_object_unref (raw->stream);
  g_free (raw->data);
  g_free (raw);
}

/* Sends the head of the answer with the full Content-Length and only half
 * of the body, then closes the connection. */
static void
send_truncated (Forward *forward)
{
  gsize size = g_bytes_get_size (forward->body);
  gsize half = size / 2;
  GIOStream *stream = soup_server_message_steal_connection (forward->msg);
  g_autoptr(GString) text = NULL;
  RawWrite *raw;

  if (stream == NULL)
    return;

  text = g_string_new (NULL);
  g_string_append_printf (text,
                          "HTTP/1.1 %u OK\r\nContent-Type: %s\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                          forward->status,
                          forward->content_type != NULL ? forward->content_type : "application/json",
                          size + 1);
  g_string_append_len (text, g_bytes_get_data (forward->body, NULL), (gssize) half);

  raw = g_new0 (RawWrite, 1);
  raw->stream = stream;
  raw->data = g_string_free (g_steal_pointer (&text), FALSE);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (stream), raw->data,
                                   strlen (raw->data), G_PRIORITY_DEFAULT, NULL,
                                   on_raw_written, raw);
}

static void
answer (Forward *forward)
{
  SoupServerMessage *msg = forward->msg;
  FaultProxy *proxy = forward->proxy;

  switch (forward->fault)
    {
    case FAULT_5XX_AFTER:
      soup_server_message_set_status (msg, 502, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "bad gateway", 11);
      break;
    case FAULT_RESET_AFTER:
      reset_connection (msg);
      return;
    case FAULT_TRUNCATED:
      send_truncated (forward);
      return;
    case FAULT_GARBAGE:
      {
        gsize size = 1 + g_rand_int_range (proxy->rand, 0, 200);
        char *garbage = g_malloc (size);

        /* Half the time something that starts like JSON. */
        for (gsize i = 0; i < size; i++)
          garbage[i] = (char) g_rand_int_range (proxy->rand, 1, 256);
        if (g_rand_boolean (proxy->rand))
          memcpy (garbage, "{\"changes\": [", MIN (size, 13));
        soup_server_message_set_status (msg, forward->status, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, garbage, size);
      }
      break;
    case FAULT_NONE:
    case FAULT_DELAY:
    case FAULT_5XX_BEFORE:
    case FAULT_RESET_BEFORE:
    case N_FAULTS:
    default:
      soup_server_message_set_status (msg, forward->status, NULL);
      soup_server_message_set_response (msg, forward->content_type, SOUP_MEMORY_COPY,
                                        g_bytes_get_data (forward->body, NULL),
                                        g_bytes_get_size (forward->body));
      break;
    }

  soup_server_message_unpause (msg);
}

static gboolean
on_delay_over (gpointer user_data)
{
  Forward *forward = user_data;

  answer (forward);
  forward_free (forward);
  return G_SOURCE_REMOVE;
}

static void
on_forwarded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Forward *forward = user_data;
  SoupMessage *upstream = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GError) error = NULL;

  forward->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (forward->body == NULL)
    {
      /* The server itself is unreachable: a gateway error. */
      forward->body = g_bytes_new_static ("", 0);
      forward->status = 502;
    }
  else
    {
      const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (upstream), NULL);
      gint64 usec = g_get_monotonic_time () - forward->forwarded_at;

      forward->status = soup_message_get_status (upstream);
      forward->content_type = g_strdup (type != NULL ? type : "application/octet-stream");
      g_array_append_val (forward->proxy->latencies[forward->route], usec);
    }

  if (forward->fault == FAULT_DELAY)
    {
      GSource *timeout = g_timeout_source_new (forward->delay_ms);

      g_source_set_callback (timeout, on_delay_over, forward, NULL);
      g_source_attach (timeout, g_main_context_get_thread_default ());
      g_source_unref (timeout);
      return;
    }

  answer (forward);
  forward_free (forward);
}

static void
proxy_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  FaultProxy *proxy = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  g_autofree char *target = NULL;
  g_autoptr(SoupMessage) upstream = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessageBody *request_body;
  Forward *forward;
  Fault fault = FAULT_NONE;
  static const char * const copied[] = { "Authorization", "If-Match", "If-None-Match" };

  proxy->n_requests++;
  if ((guint) g_rand_int_range (proxy->rand, 0, 100) < (guint) g_atomic_int_get (&proxy->percent))
    fault = proxy->kinds[g_rand_int_range (proxy->rand, 0, (gint32) proxy->n_kinds)];
  proxy->counts[fault]++;

  if (fault == FAULT_5XX_BEFORE)
    {
      soup_server_message_set_status (msg, 503, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "unavailable", 11);
      return;
    }
  if (fault == FAULT_RESET_BEFORE)
    {
      reset_connection (msg);
      return;
    }

  target = g_uri_get_query (uri) != NULL
           ? g_strdup_printf ("%s%s?%s", proxy->upstream, g_uri_get_path (uri), g_uri_get_query (uri))
           : g_strconcat (proxy->upstream, g_uri_get_path (uri), NULL);
  upstream = soup_message_new (soup_server_message_get_method (msg), target);
  g_assert_nonnull (upstream);
  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    {
      const char *value = soup_message_headers_get_one (in, copied[i]);

      if (value != NULL)
        soup_message_headers_replace (soup_message_get_request_headers (upstream), copied[i], value);
    }
  request_body = soup_server_message_get_request_body (msg);
  body = soup_message_body_flatten (request_body);
  if (g_bytes_get_size (body) > 0)
    soup_message_set_request_body_from_bytes (upstream,
                                              soup_message_headers_get_content_type (in, NULL),
                                              body);

  forward = g_new0 (Forward, 1);
  forward->proxy = proxy;
  forward->msg = g_object_ref (msg);
  forward->fault = fault;
  forward->route = route_of (soup_server_message_get_method (msg), g_uri_get_path (uri));
  forward->delay_ms = (guint) g_rand_int_range (proxy->rand, 10, 200);
  forward->forwarded_at = g_get_monotonic_time ();
  soup_server_message_pause (msg);
  soup_session_send_and_read_async (proxy->session, upstream, G_PRIORITY_DEFAULT, NULL,
                                    on_forwarded, forward);
}

/* On the thread-default context of the calling thread. */
static void
proxy_start (FaultProxy *proxy)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  proxy->session = soup_session_new_with_options ("timeout", 60, "max-conns", 64,
                                                  "max-conns-per-host", 64, NULL);
  proxy->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (proxy->server, NULL, proxy_handler, proxy, NULL);
  if (!soup_server_listen_local (proxy->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("The fault proxy cannot listen: %s", error->message);
  uris = soup_server_get_uris (proxy->server);
  proxy->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
proxy_shut_down (FaultProxy *proxy)
{
  if (proxy->server != NULL)
    soup_server_disconnect (proxy->server);
  g_clear_object (&proxy->server);
  if (proxy->session != NULL)
    soup_session_abort (proxy->session);
  g_clear_object (&proxy->session);
}

static gpointer
proxy_thread (gpointer data)
{
  FaultProxy *proxy = data;

  g_main_context_push_thread_default (proxy->context);
  proxy_start (proxy);

  g_mutex_lock (&proxy->lock);
  proxy->started = TRUE;
  g_cond_signal (&proxy->ready);
  g_mutex_unlock (&proxy->lock);

  g_main_loop_run (proxy->loop);

  proxy_shut_down (proxy);
  /* Let the aborted messages finish on this context. */
  while (g_main_context_iteration (proxy->context, FALSE))
    ;
  g_main_context_pop_thread_default (proxy->context);
  return NULL;
}

FaultProxy *
fault_proxy_new (const char *upstream,
                 guint32     seed,
                 guint       percent,
                 gboolean    own_thread)
{
  FaultProxy *proxy = g_new0 (FaultProxy, 1);
  gsize len = strlen (upstream);

  while (len > 0 && upstream[len - 1] == '/')
    len--;
  proxy->upstream = g_strndup (upstream, len);
  proxy->rand = g_rand_new_with_seed (seed);
  proxy->percent = percent;
  choose_kinds (proxy);
  for (guint i = 0; i < N_FAULT_ROUTES; i++)
    proxy->latencies[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_mutex_init (&proxy->lock);
  g_cond_init (&proxy->ready);

  if (!own_thread)
    {
      proxy_start (proxy);
      return proxy;
    }

  proxy->context = g_main_context_new ();
  proxy->loop = g_main_loop_new (proxy->context, FALSE);
  proxy->thread = g_thread_new ("fault-proxy", proxy_thread, proxy);
  g_mutex_lock (&proxy->lock);
  while (!proxy->started)
    g_cond_wait (&proxy->ready, &proxy->lock);
  g_mutex_unlock (&proxy->lock);
  return proxy;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
fault_proxy_stop (FaultProxy *proxy)
{
  if (proxy->thread != NULL)
    {
      g_main_context_invoke (proxy->context, quit_loop, proxy->loop);
      g_thread_join (g_steal_pointer (&proxy->thread));
    }
  else
    proxy_shut_down (proxy);
}

void
fault_proxy_free (FaultProxy *proxy)
{
  fault_proxy_stop (proxy);
  g_clear_pointer (&proxy->loop, g_main_loop_unref);
  g_clear_pointer (&proxy->context, g_main_context_unref);
  for (guint i = 0; i < N_FAULT_ROUTES; i++)
    g_array_unref (proxy->latencies[i]);
  g_mutex_clear (&proxy->lock);
  g_cond_clear (&proxy->ready);
  g_rand_free (proxy->rand);
  g_free (proxy->upstream);
  g_free (proxy->url);
  g_free (proxy);
}

const char *
fault_proxy_get_url (FaultProxy *proxy)
{
  return proxy->url;
}

void
fault_proxy_set_percent (FaultProxy *proxy,
                         guint       percent)
{
  g_atomic_int_set (&proxy->percent, percent);
}

guint
fault_proxy_get_n_requests (FaultProxy *proxy)
{
  return proxy->n_requests;
}

guint
fault_proxy_get_count (FaultProxy *proxy,
                       Fault       fault)
{
  g_return_val_if_fail (fault < N_FAULTS, 0);
  return proxy->counts[fault];
}

char *
fault_proxy_describe_counts (FaultProxy *proxy)
{
  return g_strdup_printf ("5xx-before %u, 5xx-after %u, reset-before %u, reset-after %u,"
                          " truncated %u, garbage %u, delay %u",
                          proxy->counts[FAULT_5XX_BEFORE], proxy->counts[FAULT_5XX_AFTER],
                          proxy->counts[FAULT_RESET_BEFORE], proxy->counts[FAULT_RESET_AFTER],
                          proxy->counts[FAULT_TRUNCATED], proxy->counts[FAULT_GARBAGE],
                          proxy->counts[FAULT_DELAY]);
}

GArray *
fault_proxy_get_latencies (FaultProxy *proxy,
                           FaultRoute  route)
{
  g_return_val_if_fail (route < N_FAULT_ROUTES, NULL);
  return proxy->latencies[route];
}
