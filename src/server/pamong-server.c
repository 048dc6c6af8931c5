/* pamong-server.c — the reference SPBE service: HTTP routes over a store
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-server"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pamong-error.h"
#include "pamong-store.h"

#include "pamong-server.h"

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
};

G_DEFINE_FINAL_TYPE (PamongServer, pamong_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEMO,
  PROP_URI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where a request keeps the monotonic time it started at, for the log. */
static GQuark request_start_quark;

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
  g_autoptr(GError) error = NULL;

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

static void
on_request_started (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  gint64 *start = g_new (gint64, 1);

  *start = g_get_monotonic_time ();
  g_object_set_qdata_full (G_OBJECT (msg), request_start_quark, start, g_free);
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
}

static void
pamong_server_dispose (GObject *object)
{
  PamongServer *self = PAMONG_SERVER (object);

  if (self->soup != NULL)
    {
      soup_server_disconnect (self->soup);
      soup_server_remove_handler (self->soup, NULL);
      g_signal_handlers_disconnect_by_data (self->soup, self);
      g_clear_object (&self->soup);
    }
  g_clear_pointer (&self->routes, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pamong_server_parent_class)->dispose (object);
}

static void
pamong_server_finalize (GObject *object)
{
  PamongServer *self = PAMONG_SERVER (object);

  g_clear_pointer (&self->uri, g_free);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  request_start_quark = g_quark_from_static_string ("pamong-server-request-start");
}

static void
pamong_server_init (PamongServer *self)
{
  self->routes = g_ptr_array_new_with_free_func (route_free);
  self->soup = soup_server_new ("server-header", "pamong-server/" PACKAGE_VERSION " ", NULL);

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
  g_autoslist(GUri) uris = NULL;
  guint16 port = 0;
  gboolean listening;

  g_return_val_if_fail (PAMONG_IS_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pamong_server_parse_address (address, &host, &port, error))
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    {
      listening = soup_server_listen_local (self->soup, port, 0, &local_error);
    }
  else
    {
      g_autoptr(GInetAddress) inet_address = g_inet_address_new_from_string (host);
      g_autoptr(GSocketAddress) socket_address = NULL;

      if (inet_address == NULL)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("Cannot listen on “%s”: the host must be an IP address "
                         "such as 127.0.0.1, [::1] or 0.0.0.0, or “localhost”."),
                       address);
          return FALSE;
        }

      socket_address = g_inet_socket_address_new (inet_address, port);
      listening = soup_server_listen (self->soup, socket_address, 0, &local_error);
    }

  if (!listening)
    {
      /* Translators: the first %s is an address such as 127.0.0.1:8080,
       * the second the system's reason, e.g. "Address already in use". */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                   _("Cannot listen on %s: %s"), address, local_error->message);
      return FALSE;
    }

  uris = soup_server_get_uris (self->soup);
  if (self->uri == NULL && uris != NULL)
    {
      self->uri = g_uri_to_string (uris->data);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URI]);
    }

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

  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));
  g_return_if_fail (code != NULL);
  g_return_if_fail (message != NULL);

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
 * pamong_server_respond_gerror:
 * @msg: a request
 * @error: why the request failed
 *
 * Answers @msg with the JSON error for @error: %PAMONG_ERROR_NOT_FOUND is
 * 404 "not-found", %PAMONG_ERROR_INVALID_DATA and
 * %PAMONG_ERROR_MISSING_FIELD are 400 "invalid-data" and "missing-field"
 * with the error's message; a store error is 500 "store-error" and anything
 * else 500 "internal-error", whose details go to the server log only.
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
