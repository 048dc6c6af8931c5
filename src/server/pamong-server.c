/* pamong-server.c — the reference SPBE service: HTTP routes over a store
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-server"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gio/gnetworking.h>
#include <glib/gi18n-lib.h>

#include "pamong-error.h"
#include "pamong-store.h"

#include "pamong-server.h"
#include "pamong-server-open311.h"
#include "pamong-server-sync.h"
#include "pamong-server-auth.h"

/*
 * One SoupServer handler catches every path and hands the request to a
 * small router: a table of (method, pattern) -> handler. A pattern ending
 * in '/' matches every path below it; any other pattern matches exactly.
 * The longest matching pattern names the resource; if none of its routes
 * has the request's method the answer is 405 with an Allow header, and if
 * no pattern matches it is 404. Later endpoints only call
 * pamong_server_add_route().
 */

typedef struct
{
  char                *method;
  char                *pattern;
  gsize                pattern_len;
  gboolean             prefix;
  PamongServerHandler  handler;
  gpointer             user_data;
  GDestroyNotify       destroy;
} Route;

struct _PamongServer
{
  GObject      parent_instance;

  PamongStore *store;
  SoupServer  *soup;
  GPtrArray   *routes;
  char        *uri;
  gboolean     demo;
  guint64      json_limit;
  guint64      blob_limit;
  GTlsCertificate *tls_certificate;
  char       **scan_command;
  guint        scan_timeout;
  GPtrArray   *listeners;
};

/*
 * Request bodies are bounded before they are read into memory. Each
 * request gets a BodyLimit when it starts; once its headers are in, the
 * limit of its route class is known (blobs or everything else) and a
 * Content-Length above it is answered 413 at once; a chunked body is
 * counted as it arrives and refused as soon as it grows past the limit.
 * A refused body is no longer kept (the rest is read and dropped, so the
 * connection stays usable) and no handler runs.
 */
typedef struct
{
  guint64  json_limit;
  guint64  blob_limit;
  guint64  limit;
  guint64  received;
  gboolean too_large;
} BodyLimit;

G_DEFINE_FINAL_TYPE (PamongServer, pamong_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEMO,
  PROP_URI,
  PROP_JSON_LIMIT,
  PROP_BLOB_LIMIT,
  PROP_TLS_CERTIFICATE,
  PROP_SCAN_COMMAND,
  PROP_SCAN_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where a request keeps the monotonic time it started at, for the log. */
static GQuark request_start_quark;

/* Where a request keeps its BodyLimit. */
static GQuark body_limit_quark;

/*
 * The server accepts its connections itself and hands each to SoupServer
 * with soup_server_accept_iostream() rather than using soup_server_listen():
 * libsoup's SoupListener (listen_watch() in soup-listener.c, in 3.2.3 and
 * still upstream) never drops the GSocket that g_socket_accept() returns,
 * about 340 bytes per connection for the life of the process. That entry
 * point does no TLS of its own, so an HTTPS listener wraps the connection
 * here. Without a listener of its own SoupServer also closes each
 * connection after one answer, which libsoup 3.2 needs (on_got_headers()
 * says why).
 */
typedef struct
{
  PamongServer       *server;      /* unowned: the server owns its listeners */
  GSocket            *socket;
  GInetSocketAddress *address;     /* as bound, with the port actually chosen */
  GTlsCertificate    *certificate; /* NULL for plain HTTP */
  GMainContext       *context;
  GSource            *source;      /* the watch for clients, or the pause after a failed accept */
} Listener;

/* What SoupServer offered in ALPN without HTTP/2: the streams handed to
 * it are always read as HTTP/1. */
static const char * const listener_alpn_protocols[] = { "http/1.1", "http/1.0", NULL };

/* Connections waiting to be accepted, per listening socket. */
#define PAMONG_SERVER_LISTEN_BACKLOG 1024

static void listener_watch (Listener *listener);

static void
listener_free (gpointer data)
{
  Listener *listener = data;

  if (listener->source != NULL)
    {
      g_source_destroy (listener->source);
      g_source_unref (listener->source);
    }
  g_socket_close (listener->socket, NULL);
  g_object_unref (listener->socket);
  g_clear_object (&listener->address);
  g_clear_object (&listener->certificate);
  g_main_context_unref (listener->context);
  g_free (listener);
}

static void
pamong_server_accept (PamongServer    *self,
                      GSocket         *socket,
                      GTlsCertificate *certificate)
{
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GSocketAddress) local_address = NULL;
  g_autoptr(GSocketAddress) remote_address = NULL;
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  /* Small answers leave at once, as SoupServer had its sockets. */
  g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);
  connection = g_socket_connection_factory_create_connection (socket);

  /* A client that has already hung up has no address: nothing to serve. */
  local_address = g_socket_connection_get_local_address (connection, &error);
  if (local_address != NULL)
    remote_address = g_socket_connection_get_remote_address (connection, &error);
  if (remote_address == NULL)
    {
      g_debug ("Dropping a new connection: %s", error->message);
      return;
    }

  if (certificate != NULL)
    {
      /* The handshake runs on SoupServer's first read, under the process's
       * GnuTLS priority (PAMONG_SERVER_TLS_PRIORITY); when it fails, the
       * read fails and SoupServer drops the connection. */
      stream = g_tls_server_connection_new (G_IO_STREAM (connection), certificate, &error);
      if (stream == NULL)
        {
          g_debug ("Dropping a new connection: %s", error->message);
          return;
        }
      g_tls_connection_set_require_close_notify (G_TLS_CONNECTION (stream), FALSE);
      g_tls_connection_set_advertised_protocols (G_TLS_CONNECTION (stream),
                                                 listener_alpn_protocols);
    }
  else
    {
      stream = G_IO_STREAM (g_object_ref (connection));
    }

  if (!soup_server_accept_iostream (self->soup, stream, local_address, remote_address, &error))
    g_debug ("Dropping a new connection: %s", error->message);
}

static gboolean
on_listener_resume (gpointer user_data)
{
  listener_watch (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
on_listener_incoming (GSocket      *socket,
                      GIOCondition  condition,
                      gpointer      user_data)
{
  Listener *listener = user_data;
  g_autoptr(GSocket) client = NULL;
  g_autoptr(GError) error = NULL;

  client = g_socket_accept (socket, NULL, &error);
  if (client != NULL)
    {
      pamong_server_accept (listener->server, client, listener->certificate);
      return G_SOURCE_CONTINUE;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    return G_SOURCE_CONTINUE;

  /* Out of descriptors, most likely: the waiting client stays queued and
   * would wake this watch again at once. Try again in a second, without
   * spinning and without giving up for good. */
  g_message ("Cannot accept a connection, trying again in a second: %s", error->message);
  g_source_destroy (listener->source);
  g_source_unref (listener->source);
  listener->source = g_timeout_source_new_seconds (1);
  g_source_set_callback (listener->source, on_listener_resume, listener, NULL);
  g_source_attach (listener->source, listener->context);
  return G_SOURCE_REMOVE;
}

static void
listener_watch (Listener *listener)
{
  if (listener->source != NULL)
    {
      g_source_destroy (listener->source);
      g_source_unref (listener->source);
    }
  listener->source = g_socket_create_source (listener->socket, G_IO_IN, NULL);
  g_source_set_callback (listener->source, G_SOURCE_FUNC (on_listener_incoming), listener, NULL);
  g_source_attach (listener->source, listener->context);
}

/* Binds @address:@port and starts accepting on the thread-default main
 * context; the new listener goes to @listeners. */
static gboolean
pamong_server_add_listener (PamongServer  *self,
                            GInetAddress  *address,
                            guint16        port,
                            GPtrArray     *listeners,
                            GError       **error)
{
  g_autoptr(GSocketAddress) socket_address = g_inet_socket_address_new (address, port);
  GSocketFamily family = g_inet_address_get_family (address);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  Listener *listener;

  socket = g_socket_new (family, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, error);
  if (socket == NULL)
    return FALSE;

  /* "[::]:8080" means IPv6 alone, as with soup_server_listen(). */
  if (family == G_SOCKET_FAMILY_IPV6)
    g_socket_set_option (socket, IPPROTO_IPV6, IPV6_V6ONLY, TRUE, NULL);

  /* Every request opens a connection (see on_got_headers()): GSocket's
   * default backlog of 10 overflowed under the soak, and a refused SYN
   * costs the client a one-second retransmission. The kernel caps it at
   * net.core.somaxconn. */
  g_socket_set_listen_backlog (socket, PAMONG_SERVER_LISTEN_BACKLOG);

  if (!g_socket_bind (socket, socket_address, TRUE, error)
      || !g_socket_listen (socket, error))
    return FALSE;

  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL)
    return FALSE;

  /* The watch calls accept only when a client waits; never block on it. */
  g_socket_set_blocking (socket, FALSE);

  listener = g_new0 (Listener, 1);
  listener->server = self;
  listener->socket = g_steal_pointer (&socket);
  listener->address = G_INET_SOCKET_ADDRESS (g_steal_pointer (&bound));
  listener->certificate = self->tls_certificate != NULL ? g_object_ref (self->tls_certificate) : NULL;
  listener->context = g_main_context_ref_thread_default ();
  listener_watch (listener);
  g_ptr_array_add (listeners, listener);

  return TRUE;
}

/* "localhost" as soup_server_listen_local() read it: 127.0.0.1 and ::1 on
 * the same port, IPv4 alone where there is no IPv6. */
static gboolean
pamong_server_add_loopback_listeners (PamongServer  *self,
                                      guint16        port,
                                      GPtrArray     *listeners,
                                      GError       **error)
{
  g_autoptr(GInetAddress) ipv4 = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GInetAddress) ipv6 = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV6);

  /* With port 0 the port the kernel picked for IPv4 may be taken on IPv6:
   * then pick again, a few times. */
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) ipv6_error = NULL;
      Listener *first;

      if (!pamong_server_add_listener (self, ipv4, port, listeners, error))
        return FALSE;
      first = g_ptr_array_index (listeners, listeners->len - 1);

      if (pamong_server_add_listener (self, ipv6, g_inet_socket_address_get_port (first->address),
                                      listeners, &ipv6_error)
          || g_error_matches (ipv6_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        return TRUE;

      g_ptr_array_remove (listeners, first);
      if (port != 0 || attempt == 9
          || !g_error_matches (ipv6_error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE))
        {
          g_propagate_error (error, g_steal_pointer (&ipv6_error));
          return FALSE;
        }
    }
}

static void
route_free (gpointer data)
{
  Route *route = data;

  if (route->destroy != NULL)
    route->destroy (route->user_data);
  g_free (route->method);
  g_free (route->pattern);
  g_free (route);
}

static gboolean
route_matches_path (const Route *route,
                    const char  *path)
{
  if (route->prefix)
    return strncmp (path, route->pattern, route->pattern_len) == 0;
  return strcmp (path, route->pattern) == 0;
}

static gboolean
route_accepts_method (const Route *route,
                      const char  *method)
{
  if (strcmp (route->method, method) == 0)
    return TRUE;
  /* SoupServer never sends a body in answer to HEAD, so a GET
   * handler answers HEAD too. */
  return strcmp (method, SOUP_METHOD_HEAD) == 0
         && strcmp (route->method, SOUP_METHOD_GET) == 0;
}

static char *
allowed_methods (PamongServer *self,
                 const char   *pattern)
{
  g_autoptr(GString) allow = g_string_new (NULL);
  gboolean has_get = FALSE;

  for (guint i = 0; i < self->routes->len; i++)
    {
      const Route *route = g_ptr_array_index (self->routes, i);

      if (strcmp (route->pattern, pattern) != 0)
        continue;
      if (allow->len > 0)
        g_string_append (allow, ", ");
      g_string_append (allow, route->method);
      has_get |= strcmp (route->method, SOUP_METHOD_GET) == 0;
    }
  if (has_get)
    g_string_append (allow, ", HEAD");

  return g_string_free (g_steal_pointer (&allow), FALSE);
}

static void
dispatch_request (SoupServer        *soup,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  PamongServer *self = PAMONG_SERVER (user_data);
  const char *method = soup_server_message_get_method (msg);
  const Route *resource = NULL;
  const Route *route = NULL;
  const BodyLimit *limit = g_object_get_qdata (G_OBJECT (msg), body_limit_quark);
  g_autoptr(GError) error = NULL;

  /* A body refused while it was read already has its 413; SoupServer
   * does not call handlers for it, but stay safe if that changes. */
  if (limit != NULL && limit->too_large)
    return;

  /* The longest pattern that matches is the resource asked for. */
  for (guint i = 0; i < self->routes->len; i++)
    {
      const Route *candidate = g_ptr_array_index (self->routes, i);

      if (route_matches_path (candidate, path)
          && (resource == NULL || candidate->pattern_len > resource->pattern_len))
        resource = candidate;
    }

  if (resource == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no resource at “%s”."), path);

      pamong_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", message);
      return;
    }

  for (guint i = 0; i < self->routes->len && route == NULL; i++)
    {
      const Route *candidate = g_ptr_array_index (self->routes, i);

      if (strcmp (candidate->pattern, resource->pattern) == 0
          && strcmp (candidate->method, method) == 0)
        route = candidate;
    }
  for (guint i = 0; i < self->routes->len && route == NULL; i++)
    {
      const Route *candidate = g_ptr_array_index (self->routes, i);

      if (strcmp (candidate->pattern, resource->pattern) == 0
          && route_accepts_method (candidate, method))
        route = candidate;
    }

  if (route == NULL)
    {
      g_autofree char *allow = allowed_methods (self, resource->pattern);
      g_autofree char *message = NULL;
      SoupMessageHeaders *headers;

      /* Translators: the first %s is an HTTP method such as POST, the
       * second a path such as /api/v1/status, the third a list of
       * methods such as "GET, HEAD". */
      message = g_strdup_printf (_("The method %s is not allowed on “%s”; use %s."),
                                 method, path, allow);
      pamong_server_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED,
                                   "method-not-allowed", message);
      headers = soup_server_message_get_response_headers (msg);
      soup_message_headers_replace (headers, "Allow", allow);
      return;
    }

  /* TRUE means answered, or paused to be answered later (no status yet):
   * either way nothing more to do here. See PamongServerHandler. */
  if (!route->handler (self, msg, route->prefix ? path + route->pattern_len : "",
                       route->user_data, &error))
    {
      if (error == NULL)
        {
          g_critical ("The handler of %s %s failed without saying why",
                      route->method, route->pattern);
          g_set_error_literal (&error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                               _("The server failed to answer this request."));
        }
      pamong_server_respond_gerror (msg, error);
    }
}

static gboolean
handle_status (PamongServer       *self,
               SoupServerMessage  *msg,
               const char         *subpath,
               gpointer            user_data,
               GError            **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "pamong-server");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, pamong_store_get_schema_version (self->store));
  json_builder_set_member_name (builder, "api");
  json_builder_add_string_value (builder, "v1");
  json_builder_set_member_name (builder, "demo");
  json_builder_add_boolean_value (builder, self->demo);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  pamong_server_respond_json (msg, SOUP_STATUS_OK, root);

  return TRUE;
}

static const char *
error_code_for_status (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_BAD_REQUEST:
      return "invalid-data";
    case SOUP_STATUS_UNAUTHORIZED:
      return "unauthorized";
    case SOUP_STATUS_FORBIDDEN:
      return "forbidden";
    case SOUP_STATUS_NOT_FOUND:
      return "not-found";
    case SOUP_STATUS_METHOD_NOT_ALLOWED:
      return "method-not-allowed";
    case SOUP_STATUS_CONFLICT:
      return "conflict";
    case SOUP_STATUS_PRECONDITION_FAILED:
      return "precondition-failed";
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      return "too-large";
    case 429:                   /* Too Many Requests; libsoup 3.2 has no name for it */
      return "rate-limited";
    default:
      return status >= 500 ? "internal-error" : "invalid-data";
    }
}

/* SoupServer itself answers a few requests before any handler runs (a
 * path climbing out with "..", a scheme that does not match the
 * connection); give those answers the JSON error body too. */
static void
respond_status_as_json (SoupServerMessage *msg)
{
  guint status = soup_server_message_get_status (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  if (status < 400 || (body != NULL && body->length > 0))
    return;

  pamong_server_respond_error (msg, status, error_code_for_status (status),
                               _("The server cannot read this request: it is not a "
                                 "well-formed HTTP request for this server."));
}

static void
refuse_too_large (SoupServerMessage *msg,
                  BodyLimit         *limit)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autofree char *size = g_format_size_full (limit->limit, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *message = NULL;

  limit->too_large = TRUE;

  /* Keep no more of it; the rest is read and dropped. */
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);

  /* Translators: %s is a size such as "1.0 MiB". */
  message = g_strdup_printf (_("The request body is larger than %s, the most this server "
                               "accepts here. Send less data per request."), size);
  pamong_server_respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large", message);

  /* A client that sends too much is not kept on the line for more. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Connection", "close");
}

static void
on_got_headers (SoupServerMessage *msg,
                gpointer           user_data)
{
  BodyLimit *limit = g_object_get_qdata (G_OBJECT (msg), body_limit_quark);
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  const char *path = uri != NULL ? g_uri_get_path (uri) : "";

  /* API answers are per user and may carry personal data: never cache. */
  if (g_str_has_prefix (path, "/api/"))
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "Cache-Control", "no-store");

  /* One request per connection. libsoup 3.2 never notices a client that
   * closes a kept-alive connection between requests: the next message's
   * read fails before it has a completion callback, so nothing
   * disconnects it, and the socket stays in CLOSE-WAIT with its objects
   * for the life of the process (the soak found thousands; a server under
   * the default limit of 1,024 descriptors would stop accepting within
   * hours). SoupServer closes connections itself after each answer (it has
   * no listener of its own, see pamong_server_listen()); this header tells
   * the client not to try the connection again. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Connection", "close");

  /* Over HTTPS, tell a browser never to come back over plain HTTP. Not
   * for subdomains: the server may live on a regency's main domain,
   * whose other sites are not its to decide. */
  if (uri != NULL && g_strcmp0 (g_uri_get_scheme (uri), "https") == 0)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "Strict-Transport-Security", "max-age=31536000");

  if (soup_server_message_get_status (msg) != 0)
    {
      respond_status_as_json (msg);
      return;
    }

  if (limit == NULL)
    return;

  if (g_str_has_prefix (path, PAMONG_SERVER_BLOBS_PREFIX))
    limit->limit = limit->blob_limit;
  else if (g_str_equal (path, PAMONG_SERVER_BATCH_PATH))
    limit->limit = limit->json_limit * PAMONG_SERVER_BATCH_LIMIT_FACTOR;
  else
    limit->limit = limit->json_limit;

  if (soup_message_headers_get_encoding (request_headers) == SOUP_ENCODING_CONTENT_LENGTH
      && (guint64) soup_message_headers_get_content_length (request_headers) > limit->limit)
    refuse_too_large (msg, limit);
}

static void
on_got_chunk (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  BodyLimit *limit = g_object_get_qdata (G_OBJECT (msg), body_limit_quark);

  if (limit == NULL || limit->too_large)
    return;

  limit->received += g_bytes_get_size (chunk);
  if (limit->received > limit->limit)
    refuse_too_large (msg, limit);
}

static void
on_request_started (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  PamongServer *self = PAMONG_SERVER (user_data);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (msg);
  gint64 *start = g_new (gint64, 1);
  BodyLimit *limit = g_new0 (BodyLimit, 1);

  *start = g_get_monotonic_time ();
  g_object_set_qdata_full (G_OBJECT (msg), request_start_quark, start, g_free);

  limit->json_limit = self->json_limit;
  limit->blob_limit = self->blob_limit;
  limit->limit = self->json_limit;
  g_object_set_qdata_full (G_OBJECT (msg), body_limit_quark, limit, g_free);

  /* Every answer is data, never a page to render or sniff: a browser
   * that is sent here saves it as a file (answers that are not JSON say
   * so themselves) and leaks no address onwards. */
  soup_message_headers_replace (response_headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (response_headers, "Content-Security-Policy",
                                "default-src 'none'; frame-ancestors 'none'");
  soup_message_headers_replace (response_headers, "Content-Disposition",
                                PAMONG_SERVER_CONTENT_DISPOSITION_JSON);
  soup_message_headers_replace (response_headers, "Referrer-Policy", "no-referrer");

  g_signal_connect (msg, "got-headers", G_CALLBACK (on_got_headers), NULL);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), NULL);
}

static void
on_request_finished (SoupServer        *soup,
                     SoupServerMessage *msg,
                     gpointer           user_data)
{
  const gint64 *start = g_object_get_qdata (G_OBJECT (msg), request_start_quark);
  const char *remote = soup_server_message_get_remote_host (msg);
  const char *method = soup_server_message_get_method (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autofree char *path = NULL;
  double duration_ms = 0.0;
  gint64 sent = 0;

  /* SoupServer writes no body in answer to HEAD. */
  if (body != NULL && g_strcmp0 (method, SOUP_METHOD_HEAD) != 0)
    sent = body->length;

  if (start != NULL)
    duration_ms = (g_get_monotonic_time () - *start) / 1000.0;

  /* The path only: a query string or a header may carry a token. Escaped,
   * so a request cannot forge log lines. */
  path = g_strescape (uri != NULL ? g_uri_get_path (uri) : "-", NULL);

  /* An access log line for operators and their tools, like a web
   * server's; deliberately not translated. */
  g_message ("%s \"%s %s\" %u %" G_GINT64_FORMAT " bytes %.1f ms",
             remote != NULL ? remote : "-",
             method != NULL ? method : "-",
             path,
             soup_server_message_get_status (msg),
             sent,
             duration_ms);
}

static void
pamong_server_constructed (GObject *object)
{
  PamongServer *self = PAMONG_SERVER (object);

  G_OBJECT_CLASS (pamong_server_parent_class)->constructed (object);

  g_assert (PAMONG_IS_STORE (self->store));

  pamong_server_add_route (self, SOUP_METHOD_GET, PAMONG_SERVER_API_PREFIX "/status",
                           handle_status, NULL, NULL);
  pamong_server_sync_register (self);
  pamong_server_auth_register (self);
  pamong_server_open311_register (self);
}

static void
pamong_server_dispose (GObject *object)
{
  PamongServer *self = PAMONG_SERVER (object);

  g_clear_pointer (&self->listeners, g_ptr_array_unref);
  if (self->soup != NULL)
    {
      soup_server_disconnect (self->soup);
      soup_server_remove_handler (self->soup, NULL);
      g_signal_handlers_disconnect_by_data (self->soup, self);
      g_clear_object (&self->soup);
    }
  g_clear_pointer (&self->routes, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->tls_certificate);

  G_OBJECT_CLASS (pamong_server_parent_class)->dispose (object);
}

static void
pamong_server_finalize (GObject *object)
{
  PamongServer *self = PAMONG_SERVER (object);

  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->scan_command, g_strfreev);

  G_OBJECT_CLASS (pamong_server_parent_class)->finalize (object);
}

static void
pamong_server_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PamongServer *self = PAMONG_SERVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;

    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;

    case PROP_JSON_LIMIT:
      g_value_set_uint64 (value, self->json_limit);
      break;

    case PROP_BLOB_LIMIT:
      g_value_set_uint64 (value, self->blob_limit);
      break;

    case PROP_TLS_CERTIFICATE:
      g_value_set_object (value, self->tls_certificate);
      break;

    case PROP_SCAN_COMMAND:
      g_value_set_boxed (value, self->scan_command);
      break;

    case PROP_SCAN_TIMEOUT:
      g_value_set_uint (value, self->scan_timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_server_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PamongServer *self = PAMONG_SERVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DEMO:
      pamong_server_set_demo (self, g_value_get_boolean (value));
      break;

    case PROP_JSON_LIMIT:
      pamong_server_set_json_limit (self, g_value_get_uint64 (value));
      break;

    case PROP_BLOB_LIMIT:
      pamong_server_set_blob_limit (self, g_value_get_uint64 (value));
      break;

    case PROP_TLS_CERTIFICATE:
      pamong_server_set_tls_certificate (self, g_value_get_object (value));
      break;

    case PROP_SCAN_COMMAND:
      pamong_server_set_scan_command (self, g_value_get_boxed (value));
      break;

    case PROP_SCAN_TIMEOUT:
      pamong_server_set_scan_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_server_class_init (PamongServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pamong_server_constructed;
  object_class->dispose = pamong_server_dispose;
  object_class->finalize = pamong_server_finalize;
  object_class->get_property = pamong_server_get_property;
  object_class->set_property = pamong_server_set_property;

  /**
   * PamongServer:store:
   *
   * The authoritative store the server answers from.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PAMONG_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  /**
   * PamongServer:demo:
   *
   * Whether the store holds the invented demo dataset; reported by
   * `GET /api/v1/status` so a client can show it.
   */
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                           G_PARAM_EXPLICIT_NOTIFY));

  /**
   * PamongServer:uri:
   *
   * The base URI the server listens on, e.g. "http://127.0.0.1:41234/",
   * or %NULL before pamong_server_listen().
   */
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                          G_PARAM_EXPLICIT_NOTIFY));

  /**
   * PamongServer:json-limit:
   *
   * The largest request body, in bytes, of every route except the blobs
   * (#PAMONG_SERVER_BLOBS_PREFIX); a larger one is answered 413.
   */
  properties[PROP_JSON_LIMIT] =
    g_param_spec_uint64 ("json-limit", NULL, NULL,
                         1, G_MAXUINT64, PAMONG_SERVER_DEFAULT_JSON_LIMIT,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                          G_PARAM_EXPLICIT_NOTIFY));

  /**
   * PamongServer:blob-limit:
   *
   * The largest request body, in bytes, under #PAMONG_SERVER_BLOBS_PREFIX;
   * a larger one is answered 413.
   */
  properties[PROP_BLOB_LIMIT] =
    g_param_spec_uint64 ("blob-limit", NULL, NULL,
                         1, G_MAXUINT64, PAMONG_SERVER_DEFAULT_BLOB_LIMIT,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                          G_PARAM_EXPLICIT_NOTIFY));

  /**
   * PamongServer:tls-certificate:
   *
   * The certificate (with its private key) to serve HTTPS with, or %NULL
   * for plain HTTP. It applies to the addresses listened on afterwards.
   */
  properties[PROP_TLS_CERTIFICATE] =
    g_param_spec_object ("tls-certificate", NULL, NULL,
                         G_TYPE_TLS_CERTIFICATE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                          G_PARAM_EXPLICIT_NOTIFY));

  /**
   * PamongServer:scan-command:
   *
   * The malware scanner every uploaded blob goes through before it is
   * stored, as an argument vector, or %NULL to store uploads unscanned.
   * See pamong_server_set_scan_command().
   */
  properties[PROP_SCAN_COMMAND] =
    g_param_spec_boxed ("scan-command", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY));

  /**
   * PamongServer:scan-timeout:
   *
   * How many seconds the scanner of #PamongServer:scan-command may take
   * over one upload; one that takes longer is killed and the upload
   * refused (503).
   */
  properties[PROP_SCAN_TIMEOUT] =
    g_param_spec_uint ("scan-timeout", NULL, NULL,
                       1, G_MAXUINT, PAMONG_SERVER_DEFAULT_SCAN_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                        G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  request_start_quark = g_quark_from_static_string ("pamong-server-request-start");
  body_limit_quark = g_quark_from_static_string ("pamong-server-body-limit");
}

static void
pamong_server_init (PamongServer *self)
{
  self->routes = g_ptr_array_new_with_free_func (route_free);
  self->listeners = g_ptr_array_new_with_free_func (listener_free);
  self->json_limit = PAMONG_SERVER_DEFAULT_JSON_LIMIT;
  self->blob_limit = PAMONG_SERVER_DEFAULT_BLOB_LIMIT;
  self->scan_timeout = PAMONG_SERVER_DEFAULT_SCAN_TIMEOUT;
  /* The product only: no version of it nor of libsoup (a trailing space
   * would add libsoup's) for a scanner to match against known flaws.
   * Clients that need the version ask GET /api/v1/status. */
  self->soup = soup_server_new ("server-header", "pamong-server", NULL);

  soup_server_add_handler (self->soup, NULL, dispatch_request, self, NULL);
  g_signal_connect (self->soup, "request-started",
                    G_CALLBACK (on_request_started), self);
  g_signal_connect (self->soup, "request-finished",
                    G_CALLBACK (on_request_finished), self);
}

/**
 * pamong_server_new:
 * @store: the store to serve
 *
 * Creates a server over @store with the routes of API v1. It does not
 * listen until pamong_server_listen() is called.
 *
 * Returns: (transfer full): a new server
 */
PamongServer *
pamong_server_new (PamongStore *store)
{
  g_return_val_if_fail (PAMONG_IS_STORE (store), NULL);

  return g_object_new (PAMONG_TYPE_SERVER, "store", store, NULL);
}

/**
 * pamong_server_get_store:
 * @self: a server
 *
 * Returns: (transfer none): the store the server answers from
 */
PamongStore *
pamong_server_get_store (PamongServer *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVER (self), NULL);

  return self->store;
}

/**
 * pamong_server_get_demo:
 * @self: a server
 *
 * Returns: whether the server says it serves the demo dataset
 */
gboolean
pamong_server_get_demo (PamongServer *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVER (self), FALSE);

  return self->demo;
}

/**
 * pamong_server_set_demo:
 * @self: a server
 * @demo: whether the store holds the demo dataset
 *
 * Sets the #PamongServer:demo property.
 */
void
pamong_server_set_demo (PamongServer *self,
                        gboolean      demo)
{
  g_return_if_fail (PAMONG_IS_SERVER (self));

  demo = !!demo;
  if (self->demo == demo)
    return;

  self->demo = demo;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
}

/**
 * pamong_server_get_json_limit:
 * @self: a server
 *
 * Returns: the largest request body, in bytes, outside the blob routes
 */
guint64
pamong_server_get_json_limit (PamongServer *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVER (self), 0);

  return self->json_limit;
}

/**
 * pamong_server_set_json_limit:
 * @self: a server
 * @limit: the largest request body in bytes, at least 1
 *
 * Sets the #PamongServer:json-limit property; it applies to requests
 * that start afterwards.
 */
void
pamong_server_set_json_limit (PamongServer *self,
                              guint64       limit)
{
  g_return_if_fail (PAMONG_IS_SERVER (self));
  g_return_if_fail (limit > 0);

  if (self->json_limit == limit)
    return;

  self->json_limit = limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JSON_LIMIT]);
}

/**
 * pamong_server_get_blob_limit:
 * @self: a server
 *
 * Returns: the largest request body, in bytes, under the blob routes
 */
guint64
pamong_server_get_blob_limit (PamongServer *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVER (self), 0);

  return self->blob_limit;
}

/**
 * pamong_server_set_blob_limit:
 * @self: a server
 * @limit: the largest blob upload in bytes, at least 1
 *
 * Sets the #PamongServer:blob-limit property; it applies to requests
 * that start afterwards.
 */
void
pamong_server_set_blob_limit (PamongServer *self,
                              guint64       limit)
{
  g_return_if_fail (PAMONG_IS_SERVER (self));
  g_return_if_fail (limit > 0);

  if (self->blob_limit == limit)
    return;

  self->blob_limit = limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOB_LIMIT]);
}

/**
 * pamong_server_get_tls_certificate:
 * @self: a server
 *
 * Returns: (transfer none) (nullable): the certificate the server serves
 *   HTTPS with, or %NULL for plain HTTP
 */
GTlsCertificate *
pamong_server_get_tls_certificate (PamongServer *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVER (self), NULL);

  return self->tls_certificate;
}

/**
 * pamong_server_set_tls_certificate:
 * @self: a server
 * @certificate: (nullable): a certificate with its private key, e.g. from
 *   g_tls_certificate_new_from_files(), or %NULL for plain HTTP
 *
 * Makes pamong_server_listen() serve HTTPS with @certificate. Call it
 * before listening; addresses already listened on keep their scheme.
 */
void
pamong_server_set_tls_certificate (PamongServer    *self,
                                   GTlsCertificate *certificate)
{
  g_return_if_fail (PAMONG_IS_SERVER (self));
  g_return_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate));

  if (!g_set_object (&self->tls_certificate, certificate))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TLS_CERTIFICATE]);
}

/**
 * pamong_server_get_scan_command:
 * @self: a server
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the
 *   scanner uploads go through, or %NULL when they are stored unscanned
 */
const char * const *
pamong_server_get_scan_command (PamongServer *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVER (self), NULL);

  return (const char * const *) self->scan_command;
}

/**
 * pamong_server_set_scan_command:
 * @self: a server
 * @argv: (nullable) (array zero-terminated=1): a program and its
 *   arguments, e.g. `{ "clamdscan", "--no-summary", "--fdpass", "-", NULL }`,
 *   or %NULL (or an empty vector) to store uploads unscanned
 *
 * Makes every blob upload (`PUT /api/v1/blobs/<sha256>`) wait for a
 * malware scan before it is stored (OWASP ASVS 12.4.2). The command runs
 * once per upload with the content on its standard input, ClamAV's
 * convention: exit status 0 means clean and the blob is stored, 1 means
 * infected and the upload is refused (422 "upload-infected"); any other
 * status, a crash or no answer within #PamongServer:scan-timeout refuses
 * it too (503 "scanner-unavailable"): the server fails closed. The scan
 * runs in a child process; the main loop answers other requests meanwhile.
 * It applies to uploads that arrive afterwards.
 */
void
pamong_server_set_scan_command (PamongServer       *self,
                                const char * const *argv)
{
  g_return_if_fail (PAMONG_IS_SERVER (self));

  if (argv != NULL && argv[0] == NULL)
    argv = NULL;
  if (self->scan_command == NULL && argv == NULL)
    return;
  if (self->scan_command != NULL && argv != NULL &&
      g_strv_equal ((const char * const *) self->scan_command, argv))
    return;

  g_strfreev (self->scan_command);
  self->scan_command = g_strdupv ((char **) argv);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCAN_COMMAND]);
}

/**
 * pamong_server_get_scan_timeout:
 * @self: a server
 *
 * Returns: how many seconds an upload's scan may take
 */
guint
pamong_server_get_scan_timeout (PamongServer *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVER (self), 0);

  return self->scan_timeout;
}

/**
 * pamong_server_set_scan_timeout:
 * @self: a server
 * @seconds: how long a scan may take, at least 1
 *
 * Sets the #PamongServer:scan-timeout property; it applies to scans that
 * start afterwards.
 */
void
pamong_server_set_scan_timeout (PamongServer *self,
                                guint         seconds)
{
  g_return_if_fail (PAMONG_IS_SERVER (self));
  g_return_if_fail (seconds > 0);

  if (self->scan_timeout == seconds)
    return;

  self->scan_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCAN_TIMEOUT]);
}

/**
 * pamong_server_add_route:
 * @self: a server
 * @method: an HTTP method, e.g. %SOUP_METHOD_GET
 * @pattern: an absolute path, e.g. "/api/v1/status"; ending in '/' it
 *   matches every path below it, e.g. "/api/v1/applications/"
 * @handler: (scope notified): answers the requests
 * @user_data: data for @handler
 * @destroy: (nullable): frees @user_data when the server goes away
 *
 * Adds an endpoint. Several routes may share a pattern with different
 * methods; adding the same method and pattern twice is a programming error.
 */
void
pamong_server_add_route (PamongServer        *self,
                         const char          *method,
                         const char          *pattern,
                         PamongServerHandler  handler,
                         gpointer             user_data,
                         GDestroyNotify       destroy)
{
  Route *route;

  g_return_if_fail (PAMONG_IS_SERVER (self));
  g_return_if_fail (method != NULL && *method != '\0');
  g_return_if_fail (pattern != NULL && pattern[0] == '/');
  g_return_if_fail (handler != NULL);

  for (guint i = 0; i < self->routes->len; i++)
    {
      const Route *existing = g_ptr_array_index (self->routes, i);

      g_return_if_fail (strcmp (existing->method, method) != 0
                        || strcmp (existing->pattern, pattern) != 0);
    }

  route = g_new0 (Route, 1);
  route->method = g_strdup (method);
  route->pattern = g_strdup (pattern);
  route->pattern_len = strlen (pattern);
  route->prefix = g_str_has_suffix (pattern, "/");
  route->handler = handler;
  route->user_data = user_data;
  route->destroy = destroy;
  g_ptr_array_add (self->routes, route);
}

/**
 * pamong_server_listen:
 * @self: a server
 * @address: where to listen: "HOST:PORT" with HOST an IPv4 address,
 *   an IPv6 address in brackets or "localhost" (both loopback addresses);
 *   PORT 0 picks a free port, e.g. "127.0.0.1:8080", "[::1]:0",
 *   "localhost:0", "0.0.0.0:8080"
 * @error: return location for a #GError
 *
 * Starts accepting connections on the thread-default main context. Host
 * names other than "localhost" are refused rather than resolved: a server
 * should say exactly which interface it listens on.
 *
 * Returns: %TRUE if the server listens; pamong_server_get_uri() then tells
 *   the address and port actually bound
 */
gboolean
pamong_server_listen (PamongServer  *self,
                      const char    *address,
                      GError       **error)
{
  g_autofree char *host = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) listeners = NULL;
  guint16 port = 0;
  gboolean listening;

  g_return_val_if_fail (PAMONG_IS_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pamong_server_parse_address (address, &host, &port, error))
    return FALSE;

  listeners = g_ptr_array_new_with_free_func (listener_free);

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    {
      listening = pamong_server_add_loopback_listeners (self, port, listeners, &local_error);
    }
  else
    {
      g_autoptr(GInetAddress) inet_address = g_inet_address_new_from_string (host);

      if (inet_address == NULL)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("Cannot listen on “%s”: the host must be an IP address "
                         "such as 127.0.0.1, [::1] or 0.0.0.0, or “localhost”."),
                       address);
          return FALSE;
        }

      listening = pamong_server_add_listener (self, inet_address, port, listeners, &local_error);
    }

  if (!listening)
    {
      /* Translators: the first %s is an address such as 127.0.0.1:8080,
       * the second the system's reason, e.g. "Address already in use". */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                   _("Cannot listen on %s: %s"), address, local_error->message);
      return FALSE;
    }

  if (self->uri == NULL)
    {
      const Listener *first = g_ptr_array_index (listeners, 0);
      g_autofree char *ip = g_inet_address_to_string (g_inet_socket_address_get_address (first->address));
      g_autoptr(GUri) uri = g_uri_build (SOUP_HTTP_URI_FLAGS,
                                         first->certificate != NULL ? "https" : "http",
                                         NULL, ip,
                                         g_inet_socket_address_get_port (first->address),
                                         "/", NULL, NULL);

      self->uri = g_uri_to_string (uri);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URI]);
    }

  g_ptr_array_extend_and_steal (self->listeners, g_steal_pointer (&listeners));

  return TRUE;
}

/**
 * pamong_server_get_uri:
 * @self: a server
 *
 * Returns: (nullable): the base URI of the first address the server
 *   listens on, with the port actually bound, e.g.
 *   "http://127.0.0.1:41234/"; %NULL when not listening
 */
const char *
pamong_server_get_uri (PamongServer *self)
{
  g_return_val_if_fail (PAMONG_IS_SERVER (self), NULL);

  return self->uri;
}

/**
 * pamong_server_disconnect:
 * @self: a server
 *
 * Closes the listening sockets and every client connection. The server
 * may listen again afterwards.
 */
void
pamong_server_disconnect (PamongServer *self)
{
  g_return_if_fail (PAMONG_IS_SERVER (self));

  g_ptr_array_set_size (self->listeners, 0);
  soup_server_disconnect (self->soup);
  if (self->uri != NULL)
    {
      g_clear_pointer (&self->uri, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URI]);
    }
}

/**
 * pamong_server_respond_json:
 * @msg: a request
 * @status: the HTTP status, e.g. %SOUP_STATUS_OK
 * @node: the JSON body
 *
 * Answers @msg with @node as `application/json`.
 */
void
pamong_server_respond_json (SoupServerMessage *msg,
                            guint              status,
                            JsonNode          *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  char *body;
  gsize length = 0;

  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));
  g_return_if_fail (node != NULL);

  json_generator_set_root (generator, node);
  body = json_generator_to_data (generator, &length);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json",
                                    SOUP_MEMORY_TAKE, body, length);
}

/**
 * pamong_server_respond_error:
 * @msg: a request
 * @status: the HTTP status, e.g. %SOUP_STATUS_NOT_FOUND
 * @code: a stable, machine-readable code, e.g. "not-found"
 * @message: a translated sentence a person can act on
 *
 * Answers @msg with `{"error": {"code": …, "message": …}}`.
 */
void
pamong_server_respond_error (SoupServerMessage *msg,
                             guint              status,
                             const char        *code,
                             const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *valid = NULL;

  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));
  g_return_if_fail (code != NULL);
  g_return_if_fail (message != NULL);

  /* A message may quote what the client sent (a path segment, a name):
   * bytes that are not UTF-8 would make the answer invalid JSON. */
  if (!g_utf8_validate (message, -1, NULL))
    message = valid = g_utf8_make_valid (message, -1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  pamong_server_respond_json (msg, status, root);
}

/**
 * pamong_server_respond_no_content:
 * @msg: a request
 *
 * Answers 204 No Content, with an empty body.
 */
void
pamong_server_respond_no_content (SoupServerMessage *msg)
{
  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));

  soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
  soup_server_message_set_response (msg, NULL, SOUP_MEMORY_STATIC, NULL, 0);
}

/**
 * pamong_server_respond_gerror:
 * @msg: a request
 * @error: why the request failed
 *
 * Answers @msg with the JSON error for @error: %PAMONG_ERROR_NOT_FOUND is
 * 404 "not-found", %PAMONG_ERROR_INVALID_DATA and
 * %PAMONG_ERROR_MISSING_FIELD are 400 "invalid-data" and "missing-field",
 * %PAMONG_ERROR_UNAUTHORIZED 401 "unauthorized" (with `WWW-Authenticate:
 * Bearer`), %PAMONG_ERROR_FORBIDDEN 403 "forbidden",
 * %PAMONG_ERROR_PRECONDITION_FAILED 412 "precondition-failed",
 * %PAMONG_ERROR_CONFLICT 409 "conflict", %PAMONG_ERROR_TOO_LARGE 413
 * "too-large" and %PAMONG_ERROR_RATE_LIMITED 429 "rate-limited" (with the
 * Retry-After the handler set, else 60 seconds), and the second factor's
 * %PAMONG_SERVER_AUTH_ERROR_OTP_REQUIRED 401 "otp-required" and
 * %PAMONG_SERVER_AUTH_ERROR_MFA_REQUIRED 403 "mfa-required", all with the
 * error's message; a store error is 500 "store-error" and anything else 500
 * "internal-error", whose details go to the server log only.
 */
void
pamong_server_respond_gerror (SoupServerMessage *msg,
                              const GError      *error)
{
  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
    {
      pamong_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", error->message);
    }
  else if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA))
    {
      pamong_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid-data", error->message);
    }
  else if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD))
    {
      pamong_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "missing-field", error->message);
    }
  else if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_UNAUTHORIZED))
    {
      pamong_server_respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized", error->message);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "WWW-Authenticate", "Bearer realm=\"pamong\"");
    }
  else if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_FORBIDDEN))
    {
      pamong_server_respond_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden", error->message);
    }
  else if (g_error_matches (error, PAMONG_SERVER_AUTH_ERROR,
                            PAMONG_SERVER_AUTH_ERROR_OTP_REQUIRED))
    {
      pamong_server_respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "otp-required",
                                   error->message);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "WWW-Authenticate", "Bearer realm=\"pamong\"");
    }
  else if (g_error_matches (error, PAMONG_SERVER_AUTH_ERROR,
                            PAMONG_SERVER_AUTH_ERROR_MFA_REQUIRED))
    {
      pamong_server_respond_error (msg, SOUP_STATUS_FORBIDDEN, "mfa-required", error->message);
    }
  else if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_PRECONDITION_FAILED))
    {
      pamong_server_respond_error (msg, SOUP_STATUS_PRECONDITION_FAILED, "precondition-failed",
                                   error->message);
    }
  else if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_CONFLICT))
    {
      pamong_server_respond_error (msg, SOUP_STATUS_CONFLICT, "conflict", error->message);
    }
  else if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_TOO_LARGE))
    {
      pamong_server_respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large",
                                   error->message);
    }
  else if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_RATE_LIMITED))
    {
      SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

      /* 429 Too Many Requests (RFC 6585); libsoup 3.2 has no name for it. */
      pamong_server_respond_error (msg, 429, "rate-limited",
                                   error->message);
      /* The handler sets the exact wait; a minute is the fallback. */
      if (soup_message_headers_get_one (headers, "Retry-After") == NULL)
        soup_message_headers_replace (headers, "Retry-After", "60");
    }
  else
    {
      const char *path = g_uri_get_path (soup_server_message_get_uri (msg));

      /* Internal details (SQL, file names) stay in the log. */
      g_message ("%s %s failed: %s", soup_server_message_get_method (msg), path, error->message);

      if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_STORE))
        pamong_server_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "store-error",
                                     _("The server could not read or write its database. "
                                       "Try again later; if it keeps failing, the server's "
                                       "administrator can find the cause in its log."));
      else
        pamong_server_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal-error",
                                     _("The server failed to answer this request. "
                                       "The server's administrator can find the cause in its log."));
    }
}

/* The scan behind pamong_server_check_json_depth(). @first_end, if not
 * NULL, gets the offset just past the bracket closing the first top-level
 * array or object, or @length if there is none.
 *
 * json-glib's scanner is laxer than JSON: it takes 'single-quoted'
 * strings, comments and hexadecimal numbers. A single-quoted string could
 * hide a '"' from this scan and with it the depth of what follows, so
 * outside strings only the characters JSON has are allowed, and inside
 * them no raw control characters. */
static gboolean
scan_json (const char  *data,
           gsize        length,
           guint        max_depth,
           gsize       *first_end,
           GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  if (first_end != NULL)
    *first_end = length;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if ((guchar) c < 0x20)
            {
              g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The request body is not valid JSON: a string holds a raw "
                             "control character at byte %lu; write it "
                             "escaped, e.g. \\n or \\t."), (unsigned long) i);
              return FALSE;
            }
          if (c == '\\')
            i++;                /* the escaped character cannot end the string */
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '\0' || strchr (" \t\n\r{}[],:\"0123456789+-.eEtruefalsn", c) == NULL)
        {
          if (g_ascii_isprint (c))
            g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                         _("The request body is not valid JSON: unexpected “%c” at byte "
                           "%lu (strings take double quotes; comments "
                           "are not allowed)."), c, (unsigned long) i);
          else
            g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                         _("The request body is not valid JSON: unexpected byte 0x%02x "
                           "at byte %lu."), (guint) (guchar) c, (unsigned long) i);
          return FALSE;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > max_depth)
            {
              g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The request’s JSON is nested too deeply: arrays and objects "
                             "may nest at most %u levels."), max_depth);
              return FALSE;
            }
          break;

        case ']':
        case '}':
          if (depth > 0 && --depth == 0 && first_end != NULL && *first_end == length)
            *first_end = i + 1;
          break;

        default:
          break;
        }
    }

  return TRUE;
}

/**
 * pamong_server_check_json_depth:
 * @data: (array length=length): JSON text, not necessarily valid
 * @length: the length of @data in bytes
 * @max_depth: how many arrays and objects may nest, e.g.
 *   %PAMONG_SERVER_JSON_MAX_DEPTH
 * @error: return location for a #GError
 *
 * Tells whether the arrays and objects in @data nest at most @max_depth
 * deep, without parsing: brackets inside strings (escapes included) do
 * not count. A parser recurses once per level, so this runs first and a
 * hostile body of a million '[' costs one linear scan, not a deep stack.
 * So that no string can hide a bracket, it also refuses what JSON does
 * not allow but lenient parsers take: outside strings any character
 * that is not JSON's (single quotes, comments, "0x"), inside them raw
 * control characters.
 *
 * Returns: %TRUE if @data nests no deeper than @max_depth; otherwise
 *   %FALSE with %PAMONG_ERROR_INVALID_DATA
 */
gboolean
pamong_server_check_json_depth (const char  *data,
                                gsize        length,
                                guint        max_depth,
                                GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return scan_json (data, length, max_depth, NULL, error);
}

/**
 * pamong_server_read_json:
 * @msg: a request with a JSON body
 * @error: return location for a #GError
 *
 * Reads the request's body as JSON, checking before it parses: the
 * Content-Type must be `application/json` (a charset, if given, must be
 * UTF-8), the body must be no larger than the server's
 * #PamongServer:json-limit, valid UTF-8, and nest no deeper than
 * %PAMONG_SERVER_JSON_MAX_DEPTH. Every request handler reads its JSON
 * through this function.
 *
 * Returns: (transfer full): the body's root node; %NULL with
 *   %PAMONG_ERROR_TOO_LARGE (answered 413) or %PAMONG_ERROR_INVALID_DATA
 *   (answered 400), whose message says what is wrong
 */
JsonNode *
pamong_server_read_json (SoupServerMessage  *msg,
                         GError            **error)
{
  const BodyLimit *limit;
  SoupMessageHeaders *headers;
  SoupMessageBody *body;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *content_type;
  const char *charset = NULL;
  const char *data;
  guint64 json_limit;
  gsize length = 0;
  gsize first_end = 0;
  JsonNode *root;

  g_return_val_if_fail (SOUP_IS_SERVER_MESSAGE (msg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  limit = g_object_get_qdata (G_OBJECT (msg), body_limit_quark);
  /* The route's limit (see on_request_headers), at most the blob limit. */
  json_limit = limit != NULL ? MIN (limit->limit, limit->blob_limit) : PAMONG_SERVER_DEFAULT_JSON_LIMIT;

  headers = soup_server_message_get_request_headers (msg);
  content_type = soup_message_headers_get_content_type (headers, &params);
  if (params != NULL)
    charset = g_hash_table_lookup (params, "charset");

  if (content_type == NULL || g_ascii_strcasecmp (content_type, "application/json") != 0)
    {
      /* Translators: %s is the Content-Type the client sent, e.g. text/plain. */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The request body must be JSON sent with “Content-Type: "
                     "application/json”, not “%s”."),
                   content_type != NULL ? content_type : _("no Content-Type"));
      return NULL;
    }

  if (charset != NULL
      && g_ascii_strcasecmp (charset, "utf-8") != 0
      && g_ascii_strcasecmp (charset, "utf8") != 0)
    {
      /* Translators: %s is a character set such as ISO-8859-1. */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The request body must be UTF-8, not “%s”."), charset);
      return NULL;
    }

  if (limit != NULL && limit->too_large)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_TOO_LARGE,
                           _("The request body is larger than this server accepts. "
                             "Send less data per request."));
      return NULL;
    }

  body = soup_server_message_get_request_body (msg);
  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &length);

  if (length > json_limit)
    {
      g_autofree char *size = g_format_size_full (json_limit, G_FORMAT_SIZE_IEC_UNITS);

      /* Translators: %s is a size such as "1.0 MiB". */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_TOO_LARGE,
                   _("The request body is larger than %s, the most this server accepts "
                     "here. Send less data per request."), size);
      return NULL;
    }

  if (length == 0)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The request has no body; send a JSON document."));
      return NULL;
    }

  /* Also refuses NUL bytes, which would cut the text short. */
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The request body is not valid UTF-8 text."));
      return NULL;
    }

  if (!scan_json (data, length, PAMONG_SERVER_JSON_MAX_DEPTH, &first_end, error))
    return NULL;

  /* json-glib reads "{…} {…}" as one document; a request carries one. */
  for (gsize i = first_end; i < length; i++)
    {
      if (!g_ascii_isspace (data[i]))
        {
          g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                               _("The request body is not valid JSON: it holds more "
                                 "than one JSON value."));
          return NULL;
        }
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      /* Translators: %s is the JSON parser's own description of the
       * mistake, with its line and column. */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The request body is not valid JSON: %s"), parse_error->message);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The request has no body; send a JSON document."));
      return NULL;
    }

  return root;
}

/**
 * pamong_server_read_object:
 * @msg: a request with a JSON body
 * @root: (out) (transfer full): the body's root node, %NULL if it could
 *   not be read; the caller frees it (g_autoptr(JsonNode)) in every case
 * @error: return location for a #GError
 *
 * Reads the request's body with pamong_server_read_json() and requires a
 * JSON object.
 *
 * Returns: (transfer none): the body's object, owned by *@root; %NULL with
 *   @error set (%PAMONG_ERROR_INVALID_DATA or %PAMONG_ERROR_TOO_LARGE)
 */
JsonObject *
pamong_server_read_object (SoupServerMessage  *msg,
                           JsonNode          **root,
                           GError            **error)
{
  g_return_val_if_fail (SOUP_IS_SERVER_MESSAGE (msg), NULL);
  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  *root = pamong_server_read_json (msg, error);
  if (*root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (*root))
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The request body must be a JSON object."));
      return NULL;
    }

  return json_node_get_object (*root);
}

/**
 * pamong_server_json_get_string:
 * @object: a request's JSON object
 * @name: the member's name
 * @required: whether the member must be there
 * @value: (out) (transfer none): the string, owned by @object; %NULL when
 *   the member is absent or null
 * @error: return location for a #GError
 *
 * Reads a string member of a request. An absent or null member is fine
 * unless @required.
 *
 * Returns: %TRUE on success; %FALSE with %PAMONG_ERROR_MISSING_FIELD (a
 *   required member is absent or null) or %PAMONG_ERROR_INVALID_DATA (it is
 *   not a string)
 */
gboolean
pamong_server_json_get_string (JsonObject   *object,
                               const char   *name,
                               gboolean      required,
                               const char  **value,
                               GError      **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  node = json_object_get_member (object, name);
  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                       _("The field “%s” is missing."), name);
          return FALSE;
        }
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The field “%s” must be a string."), name);
      return FALSE;
    }

  *value = json_node_get_string (node);
  return TRUE;
}

/**
 * pamong_server_parse_address:
 * @address: "HOST:PORT", e.g. "127.0.0.1:8080", "[::1]:0", "localhost:0"
 * @host: (out) (optional): the host, without the brackets of an IPv6 address
 * @port: (out) (optional): the port; 0 means any free port
 * @error: return location for a #GError
 *
 * Splits a listen address. An IPv6 address must be written in brackets,
 * since its colons would hide the port.
 *
 * Returns: %TRUE if @address is well-formed
 */
gboolean
pamong_server_parse_address (const char  *address,
                             char       **host,
                             guint16     *port,
                             GError     **error)
{
  g_autofree char *parsed_host = NULL;
  const char *port_text;
  guint64 parsed_port = 0;

  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (address[0] == '[')
    {
      const char *end = strchr (address, ']');

      if (end == NULL || end[1] != ':')
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("The address “%s” is not of the form [IPV6-ADDRESS]:PORT, "
                         "e.g. [::1]:8080."), address);
          return FALSE;
        }
      parsed_host = g_strndup (address + 1, end - address - 1);
      port_text = end + 2;
    }
  else
    {
      const char *colon = strrchr (address, ':');

      if (colon == NULL)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("The address “%s” has no port; write HOST:PORT, "
                         "e.g. 127.0.0.1:8080 (port 0 picks a free port)."), address);
          return FALSE;
        }
      parsed_host = g_strndup (address, colon - address);
      port_text = colon + 1;

      if (strchr (parsed_host, ':') != NULL)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("The address “%s” looks like an IPv6 address; write it in "
                         "brackets followed by the port, e.g. [::1]:8080."), address);
          return FALSE;
        }
    }

  if (parsed_host[0] == '\0')
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The address “%s” has no host; write HOST:PORT, e.g. "
                     "127.0.0.1:8080, or 0.0.0.0:8080 for every interface."), address);
      return FALSE;
    }

  if (!g_ascii_string_to_unsigned (port_text, 10, 0, G_MAXUINT16, &parsed_port, NULL))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The port in “%s” must be a number from 0 to 65535 "
                     "(0 picks a free port)."), address);
      return FALSE;
    }

  if (host != NULL)
    *host = g_steal_pointer (&parsed_host);
  if (port != NULL)
    *port = (guint16) parsed_port;

  return TRUE;
}

/**
 * pamong_server_host_is_loopback:
 * @host: a host from a listen address: an IP address (an IPv6 one with or
 *   without brackets) or a name
 *
 * Tells whether @host reaches this machine only: an address in
 * 127.0.0.0/8, ::1 or the name "localhost". Other names are not resolved
 * and count as not loopback, so the answer errs on the safe side. The
 * server refuses to serve the demo dataset anywhere else.
 *
 * Returns: %TRUE if @host is a loopback address
 */
gboolean
pamong_server_host_is_loopback (const char *host)
{
  g_autofree char *literal = NULL;
  g_autoptr(GInetAddress) address = NULL;
  gsize length;

  g_return_val_if_fail (host != NULL, FALSE);

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  length = strlen (host);
  if (length >= 2 && host[0] == '[' && host[length - 1] == ']')
    literal = g_strndup (host + 1, length - 2);
  else
    literal = g_strdup (host);

  address = g_inet_address_new_from_string (literal);

  return address != NULL && g_inet_address_get_is_loopback (address);
}
