/* pamong-login-dialog.c — log in to the Pamong server
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pamong-error.h"
#include "pamong-login-dialog.h"

struct _PamongLoginDialog
{
  AdwWindow      parent_instance;

  PamongAccount *account;
  GCancellable  *cancellable;
  gboolean       busy;

  GtkWidget     *reason_label;
  AdwEntryRow   *server_row;
  AdwEntryRow   *user_row;
  AdwEntryRow   *password_row;
  AdwEntryRow   *otp_row;
  GtkWidget     *error_label;
  GtkWidget     *login_button;
  GtkWidget     *spinner;
};

G_DEFINE_FINAL_TYPE (PamongLoginDialog, pamong_login_dialog, ADW_TYPE_WINDOW)

enum
{
  LOGGED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (PamongLoginDialog *self,
          gboolean           busy)
{
  self->busy = busy;
  /* Read-only rather than insensitive: the focus stays where it is (GTK
   * 4.8 loses a focused entry's focus-out when it turns insensitive). */
  gtk_editable_set_editable (GTK_EDITABLE (self->server_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->user_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->otp_row), !busy);
  gtk_widget_set_sensitive (self->login_button, !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

/* @message: (nullable): what went wrong, or what is asked for next (not
 * an error: no error style) */
static void
show_message (PamongLoginDialog *self,
              const char        *message,
              gboolean           is_error)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
  if (is_error)
    gtk_widget_add_css_class (self->error_label, "error");
  else
    gtk_widget_remove_css_class (self->error_label, "error");
  /* The alert role makes screen readers announce it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, message != NULL ? message : "",
                                  -1);
}

static void
show_error (PamongLoginDialog *self,
            const char        *message)
{
  show_message (self, message, message != NULL);
}

static void
field_changed_cb (PamongLoginDialog *self)
{
  gboolean complete =
    *gtk_editable_get_text (GTK_EDITABLE (self->server_row)) != '\0' &&
    *gtk_editable_get_text (GTK_EDITABLE (self->user_row)) != '\0' &&
    *gtk_editable_get_text (GTK_EDITABLE (self->password_row)) != '\0' &&
    (!gtk_widget_get_visible (GTK_WIDGET (self->otp_row)) ||
     *gtk_editable_get_text (GTK_EDITABLE (self->otp_row)) != '\0');

  gtk_widget_set_sensitive (self->login_button, complete && !self->busy);
}

/* The one-time code row shows once the server asks for a code, and goes
 * when the account changes. A code is good for one login only, so it is
 * never kept past a try. */
static void
set_otp_visible (PamongLoginDialog *self,
                 gboolean           visible)
{
  gtk_editable_set_text (GTK_EDITABLE (self->otp_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->otp_row), visible);
  field_changed_cb (self);
}

static void
login_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PamongLoginDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pamong_account_login_finish (PAMONG_ACCOUNT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_OTP_REQUIRED))
        {
          /* The password was right: keep it, ask for the code. */
          set_otp_visible (self, TRUE);
          show_message (self, error->message, FALSE);
          gtk_widget_grab_focus (GTK_WIDGET (self->otp_row));
        }
      else if (gtk_widget_get_visible (GTK_WIDGET (self->otp_row)))
        {
          /* The same words for a wrong password and a wrong code (the
           * server tells them apart to no one); the code is retyped. */
          show_error (self, error->message);
          set_otp_visible (self, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->otp_row));
        }
      else
        {
          show_error (self, error->message);
          gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
          gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
        }
      return;
    }

  set_busy (self, FALSE);
  g_clear_object (&self->cancellable);
  g_signal_emit (self, signals[LOGGED_IN], 0);
  /* Let the focused entry see its focus go before the window does. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * pamong_login_dialog_submit:
 *
 * Logs in with what the fields say, as the Log In button does.
 */
void
pamong_login_dialog_submit (PamongLoginDialog *self)
{
  g_return_if_fail (PAMONG_IS_LOGIN_DIALOG (self));

  if (self->busy)
    return;

  show_error (self, NULL);
  set_busy (self, TRUE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  pamong_account_login_async (self->account,
                              gtk_editable_get_text (GTK_EDITABLE (self->server_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->user_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                              gtk_widget_get_visible (GTK_WIDGET (self->otp_row)) ?
                                gtk_editable_get_text (GTK_EDITABLE (self->otp_row)) : NULL,
                              self->cancellable, login_done_cb, g_object_ref (self));
}

void
pamong_login_dialog_set_fields (PamongLoginDialog *self,
                                const char        *server_url,
                                const char        *username,
                                const char        *password)
{
  g_return_if_fail (PAMONG_IS_LOGIN_DIALOG (self));

  if (server_url != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->server_row), server_url);
  if (username != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->user_row), username);
  if (password != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
}

/**
 * pamong_login_dialog_get_otp_row:
 *
 * Returns: (transfer none): the One-Time Code row, hidden until the
 * server asks for a code
 */
GtkWidget *
pamong_login_dialog_get_otp_row (PamongLoginDialog *self)
{
  g_return_val_if_fail (PAMONG_IS_LOGIN_DIALOG (self), NULL);

  return GTK_WIDGET (self->otp_row);
}

const char *
pamong_login_dialog_get_server_url (PamongLoginDialog *self)
{
  g_return_val_if_fail (PAMONG_IS_LOGIN_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->server_row));
}

const char *
pamong_login_dialog_get_username (PamongLoginDialog *self)
{
  g_return_val_if_fail (PAMONG_IS_LOGIN_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->user_row));
}

gboolean
pamong_login_dialog_get_busy (PamongLoginDialog *self)
{
  g_return_val_if_fail (PAMONG_IS_LOGIN_DIALOG (self), FALSE);

  return self->busy;
}

/**
 * pamong_login_dialog_get_error_text:
 *
 * Returns: the message shown below the fields (an error, or the request
 *   for a one-time code), or "" when none is
 */
const char *
pamong_login_dialog_get_error_text (PamongLoginDialog *self)
{
  g_return_val_if_fail (PAMONG_IS_LOGIN_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->error_label))
    return "";
  return gtk_label_get_text (GTK_LABEL (self->error_label));
}

static void
cancel_clicked_cb (PamongLoginDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* Another account or server may not need a code. */
static void
account_changed_cb (PamongLoginDialog *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->otp_row)))
    {
      set_otp_visible (self, FALSE);
      show_message (self, NULL, FALSE);
    }
  field_changed_cb (self);
}

/* GObject */

static void
pamong_login_dialog_dispose (GObject *object)
{
  PamongLoginDialog *self = PAMONG_LOGIN_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (pamong_login_dialog_parent_class)->dispose (object);
}

static void
pamong_login_dialog_class_init (PamongLoginDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pamong_login_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /**
   * PamongLoginDialog::logged-in:
   *
   * The login worked; the account holds the new session. The dialog
   * closes itself afterwards.
   */
  signals[LOGGED_IN] =
    g_signal_new ("logged-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
pamong_login_dialog_init (PamongLoginDialog *self)
{
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *cancel;
  GtkWidget *clamp;
  GtkWidget *content;
  GtkWidget *list;
  GtkWidget *intro;

  gtk_window_set_title (GTK_WINDOW (self), _("Log In"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 460, -1);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_window_set_content (ADW_WINDOW (self), box);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (box), header);

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->login_button = gtk_button_new_with_mnemonic (_("_Log In"));
  gtk_widget_add_css_class (self->login_button, "suggested-action");
  g_signal_connect_object (self->login_button, "clicked",
                           G_CALLBACK (pamong_login_dialog_submit), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->login_button);

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Logging in"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 420);
  gtk_box_append (GTK_BOX (box), clamp);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);

  intro = gtk_label_new (_("Log in to your regency’s Pamong server to send the changes made on this "
                           "computer and receive everyone else’s. Pamong keeps the session in "
                           "your keyring."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0.0);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (content), intro);

  self->reason_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->reason_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->reason_label), 0.0);
  gtk_widget_add_css_class (self->reason_label, "heading");
  gtk_widget_set_visible (self->reason_label, FALSE);
  gtk_box_append (GTK_BOX (content), self->reason_label);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (content), list);

  self->server_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->server_row), _("Server address"));
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), "");
  adw_entry_row_set_input_purpose (self->server_row, GTK_INPUT_PURPOSE_URL);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->server_row));

  self->user_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->user_row), _("User name"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->user_row));

  self->password_row = ADW_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row), _("Password"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->password_row));

  self->otp_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->otp_row), _("_One-Time Code"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->otp_row), TRUE);
  adw_entry_row_set_input_purpose (self->otp_row, GTK_INPUT_PURPOSE_DIGITS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self->otp_row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("One-time code"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The six digits that the account’s authenticator app shows now"),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->otp_row), FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->otp_row));

  self->error_label = g_object_new (GTK_TYPE_LABEL,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                                    "wrap", TRUE,
                                    "xalign", 0.0f,
                                    "visible", FALSE,
                                    NULL);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_box_append (GTK_BOX (content), self->error_label);

  g_signal_connect_object (self->server_row, "changed", G_CALLBACK (account_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->user_row, "changed", G_CALLBACK (account_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->password_row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->otp_row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->password_row, "entry-activated",
                           G_CALLBACK (pamong_login_dialog_submit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->otp_row, "entry-activated",
                           G_CALLBACK (pamong_login_dialog_submit), self, G_CONNECT_SWAPPED);
  field_changed_cb (self);
}

/**
 * pamong_login_dialog_new:
 * @account: the account to log in
 * @reason: (nullable): why the login is asked for (e.g. the session
 *   expired), shown above the fields
 */
PamongLoginDialog *
pamong_login_dialog_new (PamongAccount *account,
                         const char    *reason)
{
  PamongLoginDialog *self;
  const char *url;
  const char *user;

  g_return_val_if_fail (PAMONG_IS_ACCOUNT (account), NULL);

  self = g_object_new (PAMONG_TYPE_LOGIN_DIALOG, NULL);
  self->account = g_object_ref (account);

  url = pamong_account_get_server_url (account);
  user = pamong_account_get_username (account);
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
  if (reason != NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->reason_label), reason);
      gtk_widget_set_visible (self->reason_label, TRUE);
    }

  if (*url == '\0')
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->server_row));
  else if (*user == '\0')
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->user_row));
  else
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->password_row));

  return self;
}
