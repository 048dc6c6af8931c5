/* pamong-preferences-window.c — language and server settings
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pamong-account.h"
#include "pamong-app.h"
#include "pamong-error.h"
#include "pamong-preferences-window.h"

struct _PamongPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwComboRow          *language_row;
  GtkStringList        *language_list;
  AdwEntryRow          *server_row;
  GtkAdjustment        *sync_interval_adjustment;
  GtkWidget            *sync_interval_row;
  AdwActionRow         *account_row;
  GtkWidget            *login_button;
  GtkWidget            *logout_button;

  PamongAccount        *account;
};

G_DEFINE_FINAL_TYPE (PamongPreferencesWindow, pamong_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The values of the "language" key, in the order of the combo row. Each
 * language is named in itself, so a person finds their own in any UI. */
static const struct {
  const char *value;
  const char *name;
} languages[] = {
  { "", NULL },
  { "en", "English" },
  { "id", "Bahasa Indonesia" },
  { "jv", "Basa Jawa" },
};

static gboolean
language_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *language = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].value, language))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
language_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (languages))
    return NULL;
  return g_variant_new_string (languages[selected].value);
}

/**
 * pamong_server_url_is_valid:
 * @url: what the person typed
 * @error: return location for a #GError saying what is wrong
 *
 * An empty address is valid (no server); otherwise it must be an absolute
 * http or https URL with a host.
 */
gboolean
pamong_server_url_is_valid (const char  *url,
                            GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL || *url == '\0')
    return TRUE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("“%s” is not a web address. Write it in full, for example "
                     "https://pamong.blorakab.go.id"), url);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The server address must start with https:// or http://"));
      return FALSE;
    }

  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The server address has no host name"));
      return FALSE;
    }

  return TRUE;
}

static void
server_changed_cb (PamongPreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));

  if (pamong_server_url_is_valid (text, NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (self->server_row), "error");
}

static void
server_apply_cb (PamongPreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));
  g_autoptr(GError) error = NULL;

  if (!pamong_server_url_is_valid (text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->server_row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->server_row), "error");
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "server-url", text);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (*text == '\0' ?
                                                   _("Server address removed") :
                                                   _("Server address saved")));
}

static void
update_account (PamongPreferencesWindow *self)
{
  gboolean logged_in;
  const char *user;
  g_autofree char *subtitle = NULL;

  if (self->account == NULL)
    {
      gtk_widget_set_visible (self->login_button, FALSE);
      gtk_widget_set_visible (self->logout_button, FALSE);
      return;
    }

  logged_in = pamong_account_get_logged_in (self->account);
  user = pamong_account_get_username (self->account);

  if (logged_in)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), user);
      /* Translators: the account's role, then the server's address. */
      subtitle = g_strdup_printf (_("%s on %s"),
                                  pamong_account_role_label (pamong_account_get_role (self->account)),
                                  pamong_account_get_server_url (self->account));
    }
  else if (*user != '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), user);
      subtitle = g_strdup (_("Not logged in: changes stay on this computer"));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), _("Not logged in"));
      subtitle = g_strdup (_("Log in to synchronise with the server"));
    }
  adw_action_row_set_subtitle (self->account_row, subtitle);
  gtk_widget_set_visible (self->login_button, !logged_in);
  gtk_widget_set_visible (self->logout_button, logged_in);
}

static void
login_clicked_cb (PamongPreferencesWindow *self)
{
  PamongLoginDialog *dialog;

  if (self->account == NULL)
    return;
  dialog = pamong_login_dialog_new (self->account, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
logout_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PamongPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (self->logout_button, TRUE);
  if (!pamong_account_logout_finish (PAMONG_ACCOUNT (object), result, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
  else
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (_("Logged out. Changes stay on this computer "
                                                       "until the next login.")));
}

static void
logout_clicked_cb (PamongPreferencesWindow *self)
{
  if (self->account == NULL)
    return;
  gtk_widget_set_sensitive (self->logout_button, FALSE);
  pamong_account_logout_async (self->account, NULL, logout_done_cb, g_object_ref (self));
}

/**
 * pamong_preferences_window_set_account:
 * @self: the window
 * @account: (nullable): the account shown on the Server page
 */
void
pamong_preferences_window_set_account (PamongPreferencesWindow *self,
                                       PamongAccount           *account)
{
  g_return_if_fail (PAMONG_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (account == NULL || PAMONG_IS_ACCOUNT (account));

  if (self->account != NULL)
    g_signal_handlers_disconnect_by_func (self->account, update_account, self);
  g_set_object (&self->account, account);
  if (account != NULL)
    {
      g_signal_connect_swapped (account, "notify::logged-in", G_CALLBACK (update_account), self);
      g_signal_connect_swapped (account, "notify::username", G_CALLBACK (update_account), self);
      g_signal_connect_swapped (account, "notify::role", G_CALLBACK (update_account), self);
      g_signal_connect_swapped (account, "notify::server-url", G_CALLBACK (update_account), self);
    }
  update_account (self);
}

/**
 * pamong_preferences_window_get_account_text:
 *
 * Returns: (transfer full): the account row's title and subtitle, for the
 * UI tests
 */
char *
pamong_preferences_window_get_account_text (PamongPreferencesWindow *self)
{
  g_return_val_if_fail (PAMONG_IS_PREFERENCES_WINDOW (self), NULL);

  return g_strdup_printf ("%s\n%s",
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->account_row)),
                          adw_action_row_get_subtitle (self->account_row));
}

/**
 * pamong_preferences_window_log_out:
 *
 * Presses Log Out, for the UI tests.
 */
void
pamong_preferences_window_log_out (PamongPreferencesWindow *self)
{
  g_return_if_fail (PAMONG_IS_PREFERENCES_WINDOW (self));

  logout_clicked_cb (self);
}

PamongPreferencesWindow *
pamong_preferences_window_new (GSettings *settings)
{
  PamongPreferencesWindow *self = g_object_new (PAMONG_TYPE_PREFERENCES_WINDOW, NULL);

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  if (settings == NULL)
    {
      /* Nothing could be remembered: say so rather than pretend. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), FALSE);
      gtk_widget_set_sensitive (self->sync_interval_row, FALSE);
      return self;
    }

  self->settings = g_object_ref (settings);

  g_settings_bind_with_mapping (settings, "language",
                                self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                language_get_mapping, language_set_mapping,
                                NULL, NULL);
  g_settings_bind (settings, "sync-interval",
                   self->sync_interval_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  {
    g_autofree char *url = g_settings_get_string (settings, "server-url");

    gtk_editable_set_text (GTK_EDITABLE (self->server_row), url);
  }

  return self;
}

static void
pamong_preferences_window_dispose (GObject *object)
{
  PamongPreferencesWindow *self = PAMONG_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_func (self->account, update_account, self);
  g_clear_object (&self->account);

  gtk_widget_dispose_template (GTK_WIDGET (self), PAMONG_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (pamong_preferences_window_parent_class)->dispose (object);
}

static void
pamong_preferences_window_class_init (PamongPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pamong_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/pamong-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PamongPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, PamongPreferencesWindow, language_list);
  gtk_widget_class_bind_template_child (widget_class, PamongPreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, PamongPreferencesWindow, sync_interval_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PamongPreferencesWindow, sync_interval_row);
  gtk_widget_class_bind_template_child (widget_class, PamongPreferencesWindow, account_row);
  gtk_widget_class_bind_template_child (widget_class, PamongPreferencesWindow, login_button);
  gtk_widget_class_bind_template_child (widget_class, PamongPreferencesWindow, logout_button);
}

static void
pamong_preferences_window_init (PamongPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (self->language_list,
                            languages[i].name != NULL ? languages[i].name :
                            _("System Default"));

  g_signal_connect_object (self->server_row, "changed",
                           G_CALLBACK (server_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->server_row, "apply",
                           G_CALLBACK (server_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->login_button, "clicked",
                           G_CALLBACK (login_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->logout_button, "clicked",
                           G_CALLBACK (logout_clicked_cb), self, G_CONNECT_SWAPPED);
  update_account (self);
}
