/* pamong-account.c — the account on the Pamong server: login, logout, and
 * the session token kept in the desktop keyring
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pamong-account.h"
#include "pamong-auth-client.h"
#include "pamong-error.h"
#include "pamong-preferences-window.h"

/*
 * The bearer token of POST /api/v1/auth/login (docs/api/auth.md) is kept
 * only in the desktop keyring (the Secret Service, or the file backend
 * inside Flatpak), under a schema named for the app with the attributes
 * "server" (the server's address, without a trailing slash) and "user".
 * The server address, the user name and the role are not secret: they are
 * in GSettings (server-url, account-user, account-role) so Preferences
 * can show the account while the keyring is still being asked.
 */

struct _PamongAccount
{
  GObject      parent_instance;

  GSettings   *settings;     /* nullable: then everything is in memory */
  char        *server_url;
  char        *username;
  char        *role;
  char        *token;
  gboolean     loading;
};

G_DEFINE_FINAL_TYPE (PamongAccount, pamong_account, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SERVER_URL,
  PROP_USERNAME,
  PROP_ROLE,
  PROP_LOGGED_IN,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * pamong_account_get_secret_schema:
 *
 * Returns: the schema of Pamong's items in the keyring
 */
const SecretSchema *
pamong_account_get_secret_schema (void)
{
  static const SecretSchema schema = {
    .name = APP_ID_BASE,
    .flags = SECRET_SCHEMA_NONE,
    .attributes = {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/**
 * pamong_account_role_label:
 * @role: a role as the server names it ("admin", "operator"…)
 *
 * Returns: the role in words for a person
 */
const char *
pamong_account_role_label (const char *role)
{
  if (role == NULL || *role == '\0')
    return _("Unknown role");
  if (g_str_equal (role, "admin"))
    return _("Administrator");
  if (g_str_equal (role, "operator"))
    return _("Operator");
  if (g_str_equal (role, "assessor"))
    return _("Assessor");
  if (g_str_equal (role, "viewer"))
    return _("Viewer");
  return role;
}

static gboolean
replace_string (char       **slot,
                const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
set_token (PamongAccount *self,
           const char    *token)
{
  gboolean was = self->token != NULL;

  if (!replace_string (&self->token, token))
    return;
  if (was != (self->token != NULL) || token != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGGED_IN]);
}

static void
set_loading (PamongAccount *self,
             gboolean       loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Reads the account's public half from the settings. */
static void
read_settings (PamongAccount *self)
{
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  g_autofree char *role = NULL;
  g_autofree char *normalized = NULL;

  if (self->settings == NULL)
    return;

  url = g_settings_get_string (self->settings, "server-url");
  user = g_settings_get_string (self->settings, "account-user");
  role = g_settings_get_string (self->settings, "account-role");
  normalized = pamong_auth_normalize_url (url);

  if (replace_string (&self->server_url, normalized))
    {
      /* Another server: the token belongs to the old one. */
      set_token (self, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
    }
  if (replace_string (&self->username, user))
    {
      set_token (self, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
    }
  if (replace_string (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

static void
write_account (PamongAccount *self,
               const char    *server_url,
               const char    *username,
               const char    *role)
{
  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "server-url", server_url);
      g_settings_set_string (self->settings, "account-user", username);
      g_settings_set_string (self->settings, "account-role", role);
      read_settings (self);
      return;
    }

  if (replace_string (&self->server_url, server_url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
  if (replace_string (&self->username, username))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
  if (replace_string (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

static void
settings_changed_cb (GSettings     *settings,
                     const char    *key,
                     PamongAccount *self)
{
  if (g_str_equal (key, "server-url") || g_str_equal (key, "account-user") ||
      g_str_equal (key, "account-role"))
    read_settings (self);
}

static void
forget_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_clear_finish (result, &error))
    g_warning ("Could not remove an old session from the keyring: %s", error->message);
}

static void
login_stored_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PamongAccount *self = g_task_get_source_object (task);
  PamongAuthLogin *login = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                               _("The login worked, but the keyring could not keep it: %s. "
                                 "Pamong does not keep the session anywhere else; unlock the "
                                 "keyring and log in again."),
                               error->message);
      return;
    }

  /* Moved to another account or server: the old session goes. */
  if (self->server_url != NULL && self->username != NULL && *self->username != '\0' &&
      (!g_str_equal (self->server_url, login->server_url) ||
       !g_str_equal (self->username, login->username)))
    secret_password_clear (pamong_account_get_secret_schema (), NULL, forget_cb, NULL,
                           "server", self->server_url, "user", self->username, NULL);

  write_account (self, login->server_url, login->username, login->role);
  set_token (self, login->token);
  g_task_return_boolean (task, TRUE);
}

static void
login_answered_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  PamongAuthLogin *login;

  login = pamong_auth_login_finish (result, &error);
  if (login == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, login, (GDestroyNotify) pamong_auth_login_free);

  /* Translators: the keyring's name for Pamong's item: user and server. */
  label = g_strdup_printf (_("Pamong session of %s on %s"), login->username, login->server_url);
  secret_password_store (pamong_account_get_secret_schema (), SECRET_COLLECTION_DEFAULT,
                         label, login->token, g_task_get_cancellable (task),
                         login_stored_cb, g_object_ref (task),
                         "server", login->server_url,
                         "user", login->username,
                         NULL);
}

/**
 * pamong_account_login_async:
 * @self: the account
 * @server_url: the server's address as the person typed it
 * @username: the user name
 * @password: the password (not kept)
 * @otp: (nullable): the one-time code of an account that needs one (not
 *   kept), or %NULL; without it such an account fails with
 *   %PAMONG_ERROR_OTP_REQUIRED
 *
 * Logs in with POST /api/v1/auth/login, keeps the token in the keyring and
 * the address, user name and role in the settings. A session of another
 * user or server kept before is removed from the keyring.
 */
void
pamong_account_login_async (PamongAccount       *self,
                            const char          *server_url,
                            const char          *username,
                            const char          *password,
                            const char          *otp,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = pamong_auth_normalize_url (server_url);

  g_return_if_fail (PAMONG_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pamong_account_login_async);

  /* The precise words for a malformed address (an empty one is left to
   * the login's own message). */
  if (*url != '\0' && !pamong_server_url_is_valid (url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  pamong_auth_login_with_otp_async (url, username, password, otp, cancellable,
                                    login_answered_cb, g_steal_pointer (&task));
}

gboolean
pamong_account_login_finish (PamongAccount  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Loading the token */

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PamongAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  char *token;

  token = secret_password_lookup_finish (result, &error);
  set_loading (self, FALSE);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  set_token (self, token);
  secret_password_free (token);
  g_task_return_boolean (task, TRUE);
}

/**
 * pamong_account_load_async:
 *
 * Asks the keyring for the session of the account in the settings. The
 * account is logged in afterwards if the keyring had one.
 */
void
pamong_account_load_async (PamongAccount       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PAMONG_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pamong_account_load_async);

  if (self->server_url == NULL || *self->server_url == '\0' ||
      self->username == NULL || *self->username == '\0')
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  set_loading (self, TRUE);
  secret_password_lookup (pamong_account_get_secret_schema (), cancellable,
                          lookup_cb, g_steal_pointer (&task),
                          "server", self->server_url,
                          "user", self->username,
                          NULL);
}

gboolean
pamong_account_load_finish (PamongAccount  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Logout */

static void
logout_cleared_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                             _("The session could not be removed from the keyring: %s"),
                             error->message);
  else
    g_task_return_boolean (task, TRUE);
}

static void
logout_clear (GTask *task)
{
  PamongAccount *self = g_task_get_source_object (task);
  g_autofree char *server = g_strdup (self->server_url != NULL ? self->server_url : "");
  g_autofree char *user = g_strdup (self->username != NULL ? self->username : "");

  set_token (self, NULL);
  write_account (self, server, "", "");
  secret_password_clear (pamong_account_get_secret_schema (), NULL,
                         logout_cleared_cb, task,
                         "server", server, "user", user, NULL);
}

static void
logout_answered_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  /* Whatever the server said (also nothing, offline), the session is
   * forgotten here; the server ends it at the latest when it expires. */
  if (!pamong_auth_logout_finish (result, &error))
    g_debug ("Logout not confirmed by the server: %s", error->message);
  logout_clear (task);
}

/**
 * pamong_account_logout_async:
 *
 * Ends the session on the server (POST /api/v1/auth/logout, when it can be
 * reached) and removes it from the keyring and the settings. The server
 * address stays.
 */
void
pamong_account_logout_async (PamongAccount       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PAMONG_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pamong_account_logout_async);

  if (self->token == NULL || self->server_url == NULL || *self->server_url == '\0')
    {
      logout_clear (task);
      return;
    }

  pamong_auth_logout_async (self->server_url, self->token, cancellable,
                            logout_answered_cb, task);
}

gboolean
pamong_account_logout_finish (PamongAccount  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * pamong_account_forget_token:
 *
 * The server refused the token (it expired or was revoked): drops it here
 * and in the keyring. The user name stays, for the next login.
 */
void
pamong_account_forget_token (PamongAccount *self)
{
  g_return_if_fail (PAMONG_IS_ACCOUNT (self));

  if (self->token == NULL)
    return;
  set_token (self, NULL);
  if (self->server_url != NULL && self->username != NULL)
    secret_password_clear (pamong_account_get_secret_schema (), NULL, forget_cb, NULL,
                           "server", self->server_url, "user", self->username, NULL);
}

/* Getters */

const char *
pamong_account_get_server_url (PamongAccount *self)
{
  g_return_val_if_fail (PAMONG_IS_ACCOUNT (self), NULL);

  return self->server_url != NULL ? self->server_url : "";
}

const char *
pamong_account_get_username (PamongAccount *self)
{
  g_return_val_if_fail (PAMONG_IS_ACCOUNT (self), NULL);

  return self->username != NULL ? self->username : "";
}

const char *
pamong_account_get_role (PamongAccount *self)
{
  g_return_val_if_fail (PAMONG_IS_ACCOUNT (self), NULL);

  return self->role != NULL ? self->role : "";
}

/**
 * pamong_account_get_token:
 *
 * Returns: (nullable): the session's bearer token, only in memory
 */
const char *
pamong_account_get_token (PamongAccount *self)
{
  g_return_val_if_fail (PAMONG_IS_ACCOUNT (self), NULL);

  return self->token;
}

gboolean
pamong_account_get_logged_in (PamongAccount *self)
{
  g_return_val_if_fail (PAMONG_IS_ACCOUNT (self), FALSE);

  return self->token != NULL;
}

gboolean
pamong_account_get_loading (PamongAccount *self)
{
  g_return_val_if_fail (PAMONG_IS_ACCOUNT (self), FALSE);

  return self->loading;
}

/* GObject */

static void
pamong_account_dispose (GObject *object)
{
  PamongAccount *self = PAMONG_ACCOUNT (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, settings_changed_cb, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pamong_account_parent_class)->dispose (object);
}

static void
pamong_account_finalize (GObject *object)
{
  PamongAccount *self = PAMONG_ACCOUNT (object);

  g_free (self->server_url);
  g_free (self->username);
  g_free (self->role);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);

  G_OBJECT_CLASS (pamong_account_parent_class)->finalize (object);
}

static void
pamong_account_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PamongAccount *self = PAMONG_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_SERVER_URL:
      g_value_set_string (value, pamong_account_get_server_url (self));
      break;
    case PROP_USERNAME:
      g_value_set_string (value, pamong_account_get_username (self));
      break;
    case PROP_ROLE:
      g_value_set_string (value, pamong_account_get_role (self));
      break;
    case PROP_LOGGED_IN:
      g_value_set_boolean (value, self->token != NULL);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_account_class_init (PamongAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pamong_account_dispose;
  object_class->finalize = pamong_account_finalize;
  object_class->get_property = pamong_account_get_property;

  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Notified on every new token too (a new login), not only on changes
   * between logged in and out. */
  properties[PROP_LOGGED_IN] =
    g_param_spec_boolean ("logged-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pamong_account_init (PamongAccount *self)
{
}

/**
 * pamong_account_new:
 * @settings: (nullable): Pamong's settings, or %NULL to keep the account's
 *   address and name in memory only
 */
PamongAccount *
pamong_account_new (GSettings *settings)
{
  PamongAccount *self = g_object_new (PAMONG_TYPE_ACCOUNT, NULL);

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect (settings, "changed", G_CALLBACK (settings_changed_cb), self);
      read_settings (self);
    }

  return self;
}
