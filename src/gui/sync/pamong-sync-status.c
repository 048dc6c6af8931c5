/* pamong-sync-status.c — the header bar's synchronisation state and its
 * popover
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pamong-format.h"
#include "pamong-sync-status.h"

/*
 * A flat menu button in the header bar: an icon and a short word for the
 * state (Synced 12:04, Offline, Sending changes…, 3 to send, 2 conflicts,
 * Log In to Sync). Its popover says it in full — the last sync, what
 * waits, the conflicts, the last error — with Sync Now, Resolve
 * Conflicts… and Log In… (window actions). The button's accessible label
 * and description carry the same words, and so does its tooltip.
 */

struct _PamongSyncStatus
{
  AdwBin               parent_instance;

  PamongAccount       *account;
  PamongSyncScheduler *scheduler;
  GSignalGroup        *account_signals;
  GSignalGroup        *scheduler_signals;
  guint                pulse_id;
  char                *summary;
  char                *description;
  const char          *icon_name;

  GtkWidget           *button;
  GtkWidget           *icon;
  GtkWidget           *label;
  GtkWidget           *title_label;
  GtkWidget           *detail_label;
  GtkWidget           *error_label;
  GtkWidget           *progress_bar;
  GtkWidget           *sync_button;
  GtkWidget           *conflicts_button;
  GtkWidget           *login_button;
};

G_DEFINE_FINAL_TYPE (PamongSyncStatus, pamong_sync_status, ADW_TYPE_BIN)

/**
 * pamong_sync_format_last_sync:
 * @when: (nullable): a time
 *
 * Returns: (transfer full): "today at 12:04", "yesterday at 08:30",
 * "3 Nov 2026 at 09:12" or "never"
 */
char *
pamong_sync_format_last_sync (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;
  gint days;

  if (when == NULL)
    return g_strdup (_("never"));

  local = g_date_time_to_local (when);
  now = g_date_time_new_now_local ();
  time = g_date_time_format (local, "%H:%M");
  days = g_date_time_get_day_of_year (now) - g_date_time_get_day_of_year (local);
  if (g_date_time_get_year (now) != g_date_time_get_year (local))
    days = -1;

  if (days == 0)
    /* Translators: %s is a time such as 12:04. */
    return g_strdup_printf (_("today at %s"), time);
  if (days == 1)
    return g_strdup_printf (_("yesterday at %s"), time);
  {
    g_autofree char *date = pamong_format_date_short (local);

    /* Translators: a date, then a time: "3 Nov 2026 at 09:12". */
    return g_strdup_printf (_("%s at %s"), date, time);
  }
}

static gboolean
pulse_cb (gpointer user_data)
{
  PamongSyncStatus *self = user_data;

  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (self->progress_bar));
  return G_SOURCE_CONTINUE;
}

static void
set_pulsing (PamongSyncStatus *self,
             gboolean          pulsing)
{
  if (pulsing && self->pulse_id == 0)
    self->pulse_id = g_timeout_add (150, pulse_cb, self);
  else if (!pulsing)
    g_clear_handle_id (&self->pulse_id, g_source_remove);
}

static void
set_style (PamongSyncStatus *self,
           const char       *style)
{
  static const char * const styles[] = { "warning", "error", "success" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (style, styles[i]) != 0)
      gtk_widget_remove_css_class (self->icon, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (self->icon, style);
}

static void
update (PamongSyncStatus *self)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *summary = NULL;
  g_autofree char *last = NULL;
  const char *title = NULL;
  const char *icon_name = "emblem-synchronizing-symbolic";
  const char *style = NULL;
  const char *error = NULL;
  gboolean syncing = FALSE;
  gboolean offer_login = FALSE;
  guint pending = 0;
  guint conflicts = 0;

  if (self->account == NULL || *pamong_account_get_server_url (self->account) == '\0')
    {
      /* No server: Pamong works on its local store alone, nothing to show. */
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      set_pulsing (self, FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);

  if (self->scheduler == NULL)
    {
      if (pamong_account_get_loading (self->account))
        {
          summary = g_strdup (_("Connecting…"));
          title = _("Looking for the session in the keyring");
        }
      else
        {
          summary = g_strdup (_("Log In to Sync"));
          title = _("Not logged in");
          icon_name = "dialog-password-symbolic";
          style = "warning";
          offer_login = TRUE;
          g_string_append_printf (details,
                                  _("Changes stay on this computer until you log in to %s."),
                                  pamong_account_get_server_url (self->account));
        }
    }
  else
    {
      PamongSyncState state = pamong_sync_scheduler_get_state (self->scheduler);

      pending = pamong_sync_scheduler_get_pending_count (self->scheduler);
      conflicts = pamong_sync_scheduler_get_conflict_count (self->scheduler);
      last = pamong_sync_format_last_sync (pamong_sync_scheduler_get_last_sync (self->scheduler));
      error = pamong_sync_scheduler_get_last_error (self->scheduler);

      switch (state)
        {
        case PAMONG_SYNC_STATE_SYNCING:
          syncing = TRUE;
          switch (pamong_sync_scheduler_get_phase (self->scheduler))
            {
            case PAMONG_SYNC_PHASE_PUSH:
              /* A push of unknown length has nothing to send (yet). */
              summary = g_strdup (pamong_sync_scheduler_get_progress (self->scheduler) >= 0.0 ?
                                  _("Sending changes…") : _("Syncing…"));
              break;
            case PAMONG_SYNC_PHASE_PULL:
              summary = g_strdup (_("Receiving changes…"));
              break;
            case PAMONG_SYNC_PHASE_IDLE:
            default:
              summary = g_strdup (_("Syncing…"));
              break;
            }
          title = _("Synchronising with the server");
          error = NULL;
          break;
        case PAMONG_SYNC_STATE_OFFLINE:
          summary = g_strdup (_("Offline"));
          title = _("The server cannot be reached");
          icon_name = "network-offline-symbolic";
          style = "warning";
          break;
        case PAMONG_SYNC_STATE_ERROR:
          summary = g_strdup (_("Sync Failed"));
          title = _("The last synchronisation failed");
          icon_name = "dialog-warning-symbolic";
          style = "error";
          break;
        case PAMONG_SYNC_STATE_NEEDS_LOGIN:
          summary = g_strdup (_("Log In to Sync"));
          title = _("The session has ended: log in again");
          icon_name = "dialog-password-symbolic";
          style = "warning";
          offer_login = TRUE;
          break;
        case PAMONG_SYNC_STATE_IDLE:
        default:
          if (conflicts > 0)
            {
              summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Conflict", "%u Conflicts",
                                                      conflicts),
                                         conflicts);
              icon_name = "dialog-warning-symbolic";
              style = "warning";
            }
          else if (pending > 0)
            /* Translators: in the header bar, changes waiting to be sent. */
            summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to Send", "%u to Send",
                                                    pending),
                                       pending);
          else
            {
              summary = g_strdup (_("Synced"));
              icon_name = "emblem-ok-symbolic";
            }
          title = pamong_sync_scheduler_get_last_sync (self->scheduler) != NULL ?
                  _("Synchronised") : _("Not synchronised yet");
          break;
        }

      /* Translators: %s is "today at 12:04", "never"… */
      g_string_append_printf (details, _("Last synchronised: %s."), last);
      g_string_append_c (details, '\n');
      if (pending == 0)
        g_string_append (details, _("Every change made here is on the server."));
      else
        g_string_append_printf (details,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "%u change waits to be sent.",
                                             "%u changes wait to be sent.",
                                             pending),
                                pending);
      {
        GHashTable *refused = pamong_sync_get_record_errors (pamong_sync_scheduler_get_sync (self->scheduler));
        guint n_refused = refused != NULL ? g_hash_table_size (refused) : 0;

        if (n_refused > 0 && !syncing)
          {
            GHashTableIter iter;
            gpointer message;

            g_string_append_c (details, '\n');
            g_string_append_printf (details,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "The server refused %u change; it stays here:",
                                                 "The server refused %u changes; they stay here:",
                                                 n_refused),
                                    n_refused);
            /* The first few reasons; each names its record. */
            g_hash_table_iter_init (&iter, refused);
            for (guint i = 0; i < 3 && g_hash_table_iter_next (&iter, NULL, &message); i++)
              g_string_append_printf (details, "\n• %s", (const char *) message);
          }
      }
      if (conflicts > 0)
        {
          g_string_append_c (details, '\n');
          g_string_append_printf (details,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u record was changed here and on the server: choose what to keep.",
                                               "%u records were changed here and on the server: choose what to keep.",
                                               conflicts),
                                  conflicts);
        }
    }

  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon_name);
  set_style (self, style);
  gtk_label_set_text (GTK_LABEL (self->label), summary);
  gtk_label_set_text (GTK_LABEL (self->title_label), title);
  gtk_label_set_text (GTK_LABEL (self->detail_label), details->str);
  gtk_widget_set_visible (self->detail_label, details->len > 0);
  gtk_label_set_text (GTK_LABEL (self->error_label), error != NULL ? error : "");
  gtk_widget_set_visible (self->error_label, error != NULL);
  gtk_widget_set_visible (self->progress_bar, syncing);
  gtk_widget_set_visible (self->conflicts_button, conflicts > 0);
  gtk_widget_set_visible (self->login_button, offer_login);
  gtk_widget_set_visible (self->sync_button, self->scheduler != NULL && !offer_login);

  if (syncing)
    {
      double progress = pamong_sync_scheduler_get_progress (self->scheduler);

      set_pulsing (self, progress < 0.0);
      if (progress >= 0.0)
        gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), progress);
    }
  else
    set_pulsing (self, FALSE);

  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_free (self->description);
  if (error != NULL)
    self->description = g_strdup_printf ("%s. %s\n%s", title, details->str, error);
  else
    self->description = g_strdup_printf ("%s. %s", title, details->str);
  self->icon_name = icon_name;

  gtk_widget_set_tooltip_text (self->button, self->description);
  {
    /* Translators: the header button's name for screen readers. */
    g_autofree char *accessible = g_strdup_printf (_("Synchronisation: %s"), summary);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                    -1);
  }
}

void
pamong_sync_status_set_account (PamongSyncStatus *self,
                                PamongAccount    *account)
{
  g_return_if_fail (PAMONG_IS_SYNC_STATUS (self));
  g_return_if_fail (account == NULL || PAMONG_IS_ACCOUNT (account));

  if (g_set_object (&self->account, account))
    g_signal_group_set_target (self->account_signals, account);
  update (self);
}

void
pamong_sync_status_set_scheduler (PamongSyncStatus    *self,
                                  PamongSyncScheduler *scheduler)
{
  g_return_if_fail (PAMONG_IS_SYNC_STATUS (self));
  g_return_if_fail (scheduler == NULL || PAMONG_IS_SYNC_SCHEDULER (scheduler));

  if (g_set_object (&self->scheduler, scheduler))
    g_signal_group_set_target (self->scheduler_signals, scheduler);
  update (self);
}

const char *
pamong_sync_status_get_summary (PamongSyncStatus *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_STATUS (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self)) ? self->summary : NULL;
}

const char *
pamong_sync_status_get_description (PamongSyncStatus *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_STATUS (self), NULL);

  return self->description;
}

const char *
pamong_sync_status_get_icon_name (PamongSyncStatus *self)
{
  g_return_val_if_fail (PAMONG_IS_SYNC_STATUS (self), NULL);

  return self->icon_name;
}

/* GObject */

static void
pamong_sync_status_dispose (GObject *object)
{
  PamongSyncStatus *self = PAMONG_SYNC_STATUS (object);

  set_pulsing (self, FALSE);
  if (self->account_signals != NULL)
    g_signal_group_set_target (self->account_signals, NULL);
  if (self->scheduler_signals != NULL)
    g_signal_group_set_target (self->scheduler_signals, NULL);
  g_clear_object (&self->account_signals);
  g_clear_object (&self->scheduler_signals);
  g_clear_object (&self->account);
  g_clear_object (&self->scheduler);

  G_OBJECT_CLASS (pamong_sync_status_parent_class)->dispose (object);
}

static void
pamong_sync_status_finalize (GObject *object)
{
  PamongSyncStatus *self = PAMONG_SYNC_STATUS (object);

  g_free (self->summary);
  g_free (self->description);

  G_OBJECT_CLASS (pamong_sync_status_parent_class)->finalize (object);
}

static void
pamong_sync_status_class_init (PamongSyncStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pamong_sync_status_dispose;
  object_class->finalize = pamong_sync_status_finalize;
}

static GtkWidget *
action_button (const char *label,
               const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
pamong_sync_status_init (PamongSyncStatus *self)
{
  GtkWidget *content;
  GtkWidget *box;
  GtkWidget *popover;
  GtkWidget *buttons;

  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->icon = gtk_image_new_from_icon_name ("emblem-synchronizing-symbolic");
  gtk_box_append (GTK_BOX (content), self->icon);
  self->label = gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (content), self->label);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), content);
  gtk_widget_add_css_class (self->button, "flat");
  adw_bin_set_child (ADW_BIN (self), self->button);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_size_request (box, 300, -1);

  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_widget_add_css_class (self->title_label, "heading");
  gtk_box_append (GTK_BOX (box), self->title_label);

  self->progress_bar = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Synchronisation progress"), -1);
  gtk_box_append (GTK_BOX (box), self->progress_bar);

  self->detail_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->detail_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->detail_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->detail_label), 40);
  gtk_box_append (GTK_BOX (box), self->detail_label);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->error_label), 40);
  gtk_label_set_selectable (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_box_append (GTK_BOX (box), self->error_label);

  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (buttons, 6);
  self->sync_button = action_button (_("_Sync Now"), "win.sync-now");
  gtk_widget_add_css_class (self->sync_button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), self->sync_button);
  self->conflicts_button = action_button (_("_Resolve Conflicts…"), "win.resolve-conflicts");
  gtk_box_append (GTK_BOX (buttons), self->conflicts_button);
  self->login_button = action_button (_("_Log In…"), "win.log-in");
  gtk_widget_add_css_class (self->login_button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), self->login_button);
  gtk_box_append (GTK_BOX (box), buttons);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);

  self->account_signals = g_signal_group_new (PAMONG_TYPE_ACCOUNT);
  g_signal_group_connect_swapped (self->account_signals, "notify::server-url", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->account_signals, "notify::logged-in", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->account_signals, "notify::loading", G_CALLBACK (update), self);

  self->scheduler_signals = g_signal_group_new (PAMONG_TYPE_SYNC_SCHEDULER);
  g_signal_group_connect_swapped (self->scheduler_signals, "notify", G_CALLBACK (update), self);

  update (self);
}
