/* pamong-auth-client.c — log in to and out of a Pamong server
 * (POST /api/v1/auth/login and /logout, docs/api/auth.md)
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

#include "pamong-auth-client.h"
#include "pamong-error.h"

/*
 * The network half of the account (the GUI keeps the token in the keyring
 * and never talks HTTP itself). Every failure comes back with a message a
 * person can act on: a wrong password, a one-time code the account needs,
 * too many attempts (with the wait), an unreachable server, a certificate
 * that is not trusted, an answer that is not Pamong's. Transport errors
 * keep their domain and code (G_IO_ERROR, G_RESOLVER_ERROR, G_TLS_ERROR)
 * so callers can tell them apart.
 */

void
pamong_auth_login_free (PamongAuthLogin *login)
{
  if (login == NULL)
    return;
  g_free (login->server_url);
  g_free (login->username);
  g_free (login->role);
  if (login->token != NULL)
    memset (login->token, 0, strlen (login->token));
  g_free (login->token);
  g_free (login);
}

/**
 * pamong_auth_normalize_url:
 * @url: (nullable): a server address as typed
 *
 * Returns: (transfer full): @url without surrounding spaces and trailing
 * slashes, the form the keyring and the settings keep
 */
char *
pamong_auth_normalize_url (const char *url)
{
  char *text = g_strstrip (g_strdup (url != NULL ? url : ""));
  gsize len = strlen (text);

  while (len > 0 && text[len - 1] == '/')
    text[--len] = '\0';
  return text;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

/* The body's JSON object, or NULL. */
static JsonObject *
parse_object (JsonParser *parser,
              GBytes     *body)
{
  JsonNode *root;

  if (body == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_node_get_object (root);
}

static GError *
describe_transport_error (const char   *server_url,
                          const GError *error)
{
  if (error->domain == G_TLS_ERROR)
    return g_error_new (error->domain, error->code,
                        _("The certificate of %s is not valid (%s). Check the address; if it is "
                          "right, the server’s administrator must fix its certificate."),
                        server_url, error->message);
  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (error->domain, error->code,
                        _("The server name in %s could not be found. Check the address and "
                          "that this computer is online."),
                        server_url);
  if (error->domain == G_IO_ERROR)
    return g_error_new (error->domain, error->code,
                        _("%s could not be reached (%s). Check the address and that this "
                          "computer is online."),
                        server_url, error->message);
  return g_error_new (PAMONG_ERROR, PAMONG_ERROR_FAILED,
                      _("The connection to %s failed: %s"), server_url, error->message);
}

static SoupMessage *
new_message (const char *method,
             const char *server_url,
             const char *path,
             const char *token)
{
  g_autofree char *uri = g_strconcat (server_url, path, NULL);
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  SoupMessage *msg;

  if (parsed == NULL || g_uri_get_host (parsed) == NULL ||
      (g_ascii_strcasecmp (g_uri_get_scheme (parsed), "http") != 0 &&
       g_ascii_strcasecmp (g_uri_get_scheme (parsed), "https") != 0))
    return NULL;
  msg = soup_message_new_from_uri (method, parsed);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/json");
  if (token != NULL)
    {
      g_autofree char *value = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
    }
  return msg;
}

/* Login */

typedef struct
{
  SoupSession *session;
  SoupMessage *msg;
  char        *server_url;
  char        *username;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_object (&request->msg);
  g_clear_object (&request->session);
  g_free (request->server_url);
  g_free (request->username);
  g_free (request);
}

static void
login_answered_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  PamongAuthLogin *login;
  JsonObject *object;
  JsonObject *user;
  const char *token;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_error (task, describe_transport_error (request->server_url, error));
      return;
    }

  status = soup_message_get_status (request->msg);
  object = parse_object (parser, body);
  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      /* The password was right; the person is asked for the code. */
      if (g_strcmp0 (member_string (member_object (object, "error"), "code"), "otp-required") == 0)
        g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_OTP_REQUIRED,
                                 _("This account needs a one-time code from its authenticator app."));
      else
        g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_UNAUTHORIZED,
                                 _("The user name or the password is wrong."));
      return;
    }
  if (status == 429)  /* Too Many Requests */
    {
      const char *retry = soup_message_headers_get_one (soup_message_get_response_headers (request->msg),
                                                         "Retry-After");
      guint64 seconds = retry != NULL ? g_ascii_strtoull (retry, NULL, 10) : 300;
      guint minutes = (guint) MAX (1, (seconds + 59) / 60);

      g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_RATE_LIMITED,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "Too many failed logins. Wait %u minute and try again.",
                                            "Too many failed logins. Wait %u minutes and try again.",
                                            minutes),
                               minutes);
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      const char *message = member_string (member_object (object, "error"), "message");

      if (message != NULL)
        g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                                 _("The server refused the login: %s"), message);
      else
        g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                                 _("%s answered %u %s. Is it a Pamong server?"),
                                 request->server_url, status,
                                 soup_message_get_reason_phrase (request->msg));
      return;
    }

  token = member_string (object, "token");
  user = member_object (object, "user");
  if (token == NULL || *token == '\0' || user == NULL)
    {
      g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                               _("%s did not answer like a Pamong server. Check the address."),
                               request->server_url);
      return;
    }

  login = g_new0 (PamongAuthLogin, 1);
  login->server_url = g_strdup (request->server_url);
  login->token = g_strdup (token);
  login->role = g_strdup (member_string (user, "role") != NULL ? member_string (user, "role") : "");
  /* The server's spelling of the name is the one kept. */
  login->username = g_strdup (member_string (user, "username") != NULL ?
                              member_string (user, "username") : request->username);
  g_task_return_pointer (task, login, (GDestroyNotify) pamong_auth_login_free);
}

/* @otp without the spaces and dashes an authenticator app shows in it
 * ("492 039"), or NULL if it is not a six-digit code. */
static char *
normalize_otp (const char *otp)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = otp; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (!g_ascii_isspace (*p) && *p != '-')
        return NULL;
    }
  if (digits->len != 6)
    return NULL;
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/**
 * pamong_auth_login_async:
 * @server_url: the server's address (http or https)
 * @username: the account
 * @password: its password (sent once, not kept)
 *
 * Logs in with POST /api/v1/auth/login, without a one-time code. An
 * account that needs one fails with %PAMONG_ERROR_OTP_REQUIRED; log in
 * again with pamong_auth_login_with_otp_async().
 */
void
pamong_auth_login_async (const char          *server_url,
                         const char          *username,
                         const char          *password,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  pamong_auth_login_with_otp_async (server_url, username, password, NULL,
                                    cancellable, callback, user_data);
}

/**
 * pamong_auth_login_with_otp_async:
 * @server_url: the server's address (http or https)
 * @username: the account
 * @password: its password (sent once, not kept)
 * @otp: (nullable): the six-digit one-time code the account's
 *   authenticator app shows (sent once, not kept); %NULL or "" for none
 *
 * Logs in with POST /api/v1/auth/login, with a one-time code for an
 * account that has one. Finish with pamong_auth_login_finish(). A wrong,
 * stale or reused code fails like a wrong password
 * (%PAMONG_ERROR_UNAUTHORIZED); no code for an account that needs one
 * fails with %PAMONG_ERROR_OTP_REQUIRED.
 */
void
pamong_auth_login_with_otp_async (const char          *server_url,
                                  const char          *username,
                                  const char          *password,
                                  const char          *otp,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *code = NULL;
  Request *request;
  char *json;
  gsize length;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pamong_auth_login_async);

  request = g_new0 (Request, 1);
  request->server_url = pamong_auth_normalize_url (server_url);
  request->username = g_strstrip (g_strdup (username != NULL ? username : ""));
  g_task_set_task_data (task, request, request_free);

  if (*request->server_url == '\0')
    {
      g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                               _("Write the address of your Pamong server."));
      return;
    }
  if (*request->username == '\0')
    {
      g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                               _("Write your user name."));
      return;
    }
  if (password == NULL || *password == '\0')
    {
      g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                               _("Write your password."));
      return;
    }

  /* Checked here: a mistyped code need not count as a failed login. */
  if (otp != NULL && *otp != '\0' && (code = normalize_otp (otp)) == NULL)
    {
      g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                               _("A one-time code has six digits. Write the code that the "
                                 "authenticator app shows now."));
      return;
    }

  request->msg = new_message (SOUP_METHOD_POST, request->server_url, "/api/v1/auth/login", NULL);
  if (request->msg == NULL)
    {
      g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                               _("“%s” is not a web address. Write it in full, for example "
                                 "https://pamong.blorakab.go.id"),
                               request->server_url);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, request->username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  if (code != NULL)
    {
      json_builder_set_member_name (builder, "otp");
      json_builder_add_string_value (builder, code);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &length);
  body = g_bytes_new_take (json, length);
  soup_message_set_request_body_from_bytes (request->msg, "application/json", body);

  request->session = soup_session_new_with_options ("timeout", 30, NULL);
  soup_session_send_and_read_async (request->session, request->msg, G_PRIORITY_DEFAULT, cancellable,
                                    login_answered_cb, g_steal_pointer (&task));
}

/**
 * pamong_auth_login_finish:
 *
 * Returns: (transfer full): the session, or %NULL with @error set
 */
PamongAuthLogin *
pamong_auth_login_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Logout */

static void
logout_answered_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_error (task, describe_transport_error (request->server_url, error));
      return;
    }

  status = soup_message_get_status (request->msg);
  /* 401: the session had already ended, which is what was asked. */
  if (status == SOUP_STATUS_NO_CONTENT || status == SOUP_STATUS_OK ||
      status == SOUP_STATUS_UNAUTHORIZED)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                             _("%s answered %u %s to the logout."),
                             request->server_url, status,
                             soup_message_get_reason_phrase (request->msg));
}

/**
 * pamong_auth_logout_async:
 * @server_url: the server's address
 * @token: the session to end
 *
 * Ends the session with POST /api/v1/auth/logout. A session that had
 * already ended counts as a success.
 */
void
pamong_auth_logout_async (const char          *server_url,
                          const char          *token,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (token != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pamong_auth_logout_async);

  request = g_new0 (Request, 1);
  request->server_url = pamong_auth_normalize_url (server_url);
  g_task_set_task_data (task, request, request_free);

  request->msg = new_message (SOUP_METHOD_POST, request->server_url, "/api/v1/auth/logout", token);
  if (request->msg == NULL)
    {
      g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                               _("“%s” is not a web address."), request->server_url);
      return;
    }

  /* Short: a person logging out does not wait long for an unreachable server. */
  request->session = soup_session_new_with_options ("timeout", 10, NULL);
  soup_session_send_and_read_async (request->session, request->msg, G_PRIORITY_DEFAULT, cancellable,
                                    logout_answered_cb, g_steal_pointer (&task));
}

gboolean
pamong_auth_logout_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
