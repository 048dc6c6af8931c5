/* pamong-window.c — the main window: the three workspaces
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pamong-applications-page.h"
#include "pamong-conflict-dialog.h"
#include "pamong-gui-util.h"
#include "pamong-indicators-page.h"
#include "pamong-requests-page.h"
#include "pamong-store.h"
#include "pamong-sync-status.h"
#include "pamong-window-private.h"

struct _PamongWindow
{
  AdwApplicationWindow  parent_instance;

  PamongStore          *store;
  gulong                store_changed_id;
  GBinding             *search_binding;

  PamongSyncScheduler  *scheduler;
  gboolean              sync_requested;
  PamongSyncState       last_state;
  guint                 last_conflicts;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  PamongSyncStatus     *sync_status;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkToggleButton      *search_button;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  GtkWidget            *open_demo_button;
  GtkWidget            *connect_button;
  GtkWidget            *seeding_box;
  GtkSpinner           *seeding_spinner;
  AdwViewStack         *view_stack;
  GtkWidget            *applications_page;
  GtkWidget            *indicators_page;
  GtkWidget            *requests_page;
};

G_DEFINE_FINAL_TYPE (PamongWindow, pamong_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const workspace_names[] = { "aplikasi", "indikator", "layanan" };

static void
update_view (PamongWindow *self)
{
  gboolean welcome = self->store == NULL || pamong_gui_store_is_empty (self->store);

  gtk_stack_set_visible_child_name (self->main_stack, welcome ? "welcome" : "workspaces");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, !welcome);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), !welcome);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), !welcome);

  for (guint i = 0; i < G_N_ELEMENTS (workspace_names); i++)
    {
      g_autofree char *action = g_strdup_printf ("win.workspace-%u", i + 1);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), action, !welcome);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", !welcome);
}

static guint
conflict_count (PamongWindow *self)
{
  if (self->scheduler != NULL)
    return pamong_sync_scheduler_get_conflict_count (self->scheduler);
  if (self->store != NULL)
    return pamong_store_count_conflicts (self->store, NULL);
  return 0;
}

static void
update_sync_actions (PamongWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.resolve-conflicts",
                                 self->store != NULL && conflict_count (self) > 0);
}

static void
store_changed_cb (PamongStore  *store,
                  const char   *collection,
                  PamongWindow *self)
{
  update_view (self);
  if (self->scheduler == NULL)
    update_sync_actions (self);
}

static void
set_store (PamongWindow *self,
           PamongStore  *store)
{
  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_set_object (&self->store, store);
  if (self->store != NULL)
    self->store_changed_id = g_signal_connect (self->store, "changed",
                                               G_CALLBACK (store_changed_cb), self);

  update_view (self);
  update_sync_actions (self);
}

static void
app_store_changed_cb (PamongApp    *app,
                      GParamSpec   *pspec,
                      PamongWindow *self)
{
  set_store (self, pamong_app_get_store (app));
}

static void
app_seeding_changed_cb (PamongApp    *app,
                        GParamSpec   *pspec,
                        PamongWindow *self)
{
  gboolean seeding = pamong_app_get_seeding (app);

  gtk_widget_set_visible (self->seeding_box, seeding);
  gtk_spinner_set_spinning (self->seeding_spinner, seeding);
  gtk_widget_set_sensitive (self->open_demo_button, !seeding);
  gtk_widget_set_sensitive (self->connect_button, !seeding);
}

static GtkWidget *
visible_page (PamongWindow *self)
{
  return adw_view_stack_get_visible_child (self->view_stack);
}

static void
visible_workspace_changed_cb (PamongWindow *self)
{
  GtkWidget *page = visible_page (self);

  g_clear_pointer (&self->search_binding, g_binding_unbind);
  if (page != NULL)
    self->search_binding = g_object_bind_property (page, "search-mode-enabled",
                                                   self->search_button, "active",
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

/* Actions */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PamongWindow *self = PAMONG_WINDOW (widget);
  GtkWidget *page = visible_page (self);

  if (page == NULL)
    return;

  /* Setting the mode again also moves the focus into the search entry. */
  g_object_set (page, "search-mode-enabled", FALSE, NULL);
  g_object_set (page, "search-mode-enabled", TRUE, NULL);
}

static void
workspace_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PamongWindow *self = PAMONG_WINDOW (widget);
  guint n = (guint) (action_name[strlen (action_name) - 1] - '1');

  g_assert (n < G_N_ELEMENTS (workspace_names));

  adw_view_stack_set_visible_child_name (self->view_stack, workspace_names[n]);
}

/* Synchronisation */

static void
show_toast (PamongWindow *self,
            const char   *title,
            const char   *button_label,
            const char   *action_name)
{
  AdwToast *toast = adw_toast_new (title);

  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
run_finished_cb (PamongSyncScheduler *scheduler,
                 const GError        *error,
                 PamongWindow        *self)
{
  PamongSyncState state = pamong_sync_scheduler_get_state (scheduler);
  guint conflicts = pamong_sync_scheduler_get_conflict_count (scheduler);
  gboolean requested = self->sync_requested;
  g_autofree char *title = NULL;

  self->sync_requested = FALSE;

  if (error == NULL)
    {
      GHashTable *refused = pamong_sync_get_record_errors (pamong_sync_scheduler_get_sync (scheduler));
      guint n_refused = refused != NULL ? g_hash_table_size (refused) : 0;

      if (conflicts > self->last_conflicts)
        {
          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u record was also changed on the server",
                                                "%u records were also changed on the server",
                                                conflicts),
                                   conflicts);
          show_toast (self, title, _("Resolve"), "win.resolve-conflicts");
        }
      else if (n_refused > 0)
        {
          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "The server refused %u change",
                                                "The server refused %u changes",
                                                n_refused),
                                   n_refused);
          show_toast (self, title, NULL, NULL);
        }
      else if (requested)
        show_toast (self, _("Synchronised"), NULL, NULL);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (state == PAMONG_SYNC_STATE_NEEDS_LOGIN)
    {
      guint pending = pamong_sync_scheduler_get_pending_count (scheduler);
      PamongApp *app = PAMONG_APP (gtk_window_get_application (GTK_WINDOW (self)));

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The session on the server has ended. Log in again to "
                                            "send the %u change waiting on this computer.",
                                            "The session on the server has ended. Log in again to "
                                            "send the %u changes waiting on this computer.",
                                            pending),
                               pending);
      if (app != NULL &&
          gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (self))
        pamong_app_show_login (app, title);
      else
        show_toast (self, _("Log in again to synchronise"), _("Log In"), "win.log-in");
    }
  else if (state == PAMONG_SYNC_STATE_OFFLINE)
    {
      if (requested || self->last_state != PAMONG_SYNC_STATE_OFFLINE)
        show_toast (self, _("Offline: changes stay on this computer until the server can be reached"),
                    NULL, NULL);
    }
  else if (requested || self->last_state != PAMONG_SYNC_STATE_ERROR)
    {
      title = g_strdup_printf (_("Synchronisation failed: %s"), error->message);
      show_toast (self, title, NULL, NULL);
    }

  self->last_state = state;
  self->last_conflicts = conflicts;
}

static void
set_scheduler (PamongWindow        *self,
               PamongSyncScheduler *scheduler)
{
  if (self->scheduler == scheduler)
    return;

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_set_object (&self->scheduler, scheduler);
  self->sync_requested = FALSE;
  self->last_state = PAMONG_SYNC_STATE_IDLE;
  self->last_conflicts = 0;
  if (scheduler != NULL)
    {
      self->last_conflicts = pamong_sync_scheduler_get_conflict_count (scheduler);
      g_signal_connect (scheduler, "run-finished", G_CALLBACK (run_finished_cb), self);
      g_signal_connect_swapped (scheduler, "notify::conflict-count",
                                G_CALLBACK (update_sync_actions), self);
    }
  pamong_sync_status_set_scheduler (self->sync_status, scheduler);
  update_sync_actions (self);
}

static void
app_scheduler_changed_cb (PamongApp    *app,
                          GParamSpec   *pspec,
                          PamongWindow *self)
{
  set_scheduler (self, pamong_app_get_scheduler (app));
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PamongWindow *self = PAMONG_WINDOW (widget);
  PamongApp *app = PAMONG_APP (gtk_window_get_application (GTK_WINDOW (self)));

  if (self->scheduler != NULL &&
      pamong_sync_scheduler_get_state (self->scheduler) != PAMONG_SYNC_STATE_NEEDS_LOGIN)
    {
      self->sync_requested = TRUE;
      pamong_sync_scheduler_sync_now (self->scheduler);
    }
  else if (app != NULL)
    pamong_app_show_login (app, NULL);
}

static void
log_in_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PamongApp *app = PAMONG_APP (gtk_window_get_application (GTK_WINDOW (widget)));

  if (app != NULL)
    pamong_app_show_login (app, NULL);
}

static void
conflict_resolved_cb (PamongConflictDialog *dialog,
                      PamongWindow         *self)
{
  /* Send the decision at once when there is a session. */
  if (self->scheduler != NULL &&
      pamong_sync_scheduler_get_state (self->scheduler) != PAMONG_SYNC_STATE_NEEDS_LOGIN)
    pamong_sync_scheduler_sync_now (self->scheduler);
  update_sync_actions (self);
}

static void
resolve_conflicts_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PamongWindow *self = PAMONG_WINDOW (widget);
  PamongConflictDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = pamong_conflict_dialog_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "resolved", G_CALLBACK (conflict_resolved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * pamong_window_get_sync_status:
 *
 * Returns: (transfer none): the header bar's sync state, for the UI tests
 */
PamongSyncStatus *
pamong_window_get_sync_status (PamongWindow *self)
{
  g_return_val_if_fail (PAMONG_IS_WINDOW (self), NULL);

  return self->sync_status;
}

/* Public */

void
pamong_window_add_toast (PamongWindow *self,
                         const char   *title)
{
  g_return_if_fail (PAMONG_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
pamong_window_show_error (PamongWindow *self,
                          const char   *heading,
                          const char   *body)
{
  GtkWidget *dialog;

  g_return_if_fail (PAMONG_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

const char *
pamong_window_get_visible_view (PamongWindow *self)
{
  g_return_val_if_fail (PAMONG_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
pamong_window_get_workspace (PamongWindow *self)
{
  g_return_val_if_fail (PAMONG_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

GtkWidget *
pamong_window_get_page (PamongWindow *self,
                        const char   *name)
{
  g_return_val_if_fail (PAMONG_IS_WINDOW (self), NULL);

  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

static void pamong_window_attach_app (PamongWindow *self);

PamongWindow *
pamong_window_new (PamongApp *app)
{
  PamongWindow *self;

  g_return_val_if_fail (PAMONG_IS_APP (app), NULL);

  self = g_object_new (PAMONG_TYPE_WINDOW,
                       "application", app,
                       NULL);
  pamong_window_attach_app (self);

  return self;
}

/* GObject */

/* "application" is not a construct property: this runs once it is set. */
static void
pamong_window_attach_app (PamongWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings;

  g_return_if_fail (PAMONG_IS_APP (application));

  settings = pamong_app_get_settings (PAMONG_APP (application));
  if (settings != NULL)
    {
      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "last-workspace", self->view_stack, "visible-child-name",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "assessment-year", self->indicators_page, "year",
                       G_SETTINGS_BIND_DEFAULT);
    }

  g_object_bind_property (application, "store", self->applications_page, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (application, "store", self->indicators_page, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (application, "store", self->requests_page, "store", G_BINDING_SYNC_CREATE);

  g_signal_connect_object (application, "notify::store",
                           G_CALLBACK (app_store_changed_cb), self, 0);
  g_signal_connect_object (application, "notify::seeding",
                           G_CALLBACK (app_seeding_changed_cb), self, 0);
  g_signal_connect_object (application, "notify::scheduler",
                           G_CALLBACK (app_scheduler_changed_cb), self, 0);
  pamong_sync_status_set_account (self->sync_status, pamong_app_get_account (PAMONG_APP (application)));
  set_scheduler (self, pamong_app_get_scheduler (PAMONG_APP (application)));

  set_store (self, pamong_app_get_store (PAMONG_APP (application)));
  app_seeding_changed_cb (PAMONG_APP (application), NULL, self);
  update_view (self);
}

static void
pamong_window_dispose (GObject *object)
{
  PamongWindow *self = PAMONG_WINDOW (object);

  if (self->view_stack != NULL)
    {
      /* Tearing the stack down changes its visible page: that must not be
       * remembered as the last workspace. */
      g_settings_unbind (self->view_stack, "visible-child-name");
      g_signal_handlers_disconnect_by_func (self->view_stack,
                                            visible_workspace_changed_cb, self);
    }
  /* libadwaita 1.2's switchers must let go of the stack before it goes, or
   * they unparent buttons that are already gone. */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  g_clear_pointer (&self->search_binding, g_binding_unbind);
  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->store);
  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_clear_object (&self->scheduler);

  gtk_widget_dispose_template (GTK_WIDGET (self), PAMONG_TYPE_WINDOW);

  G_OBJECT_CLASS (pamong_window_parent_class)->dispose (object);
}

static void
pamong_window_class_init (PamongWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pamong_window_dispose;

  g_type_ensure (PAMONG_TYPE_APPLICATIONS_PAGE);
  g_type_ensure (PAMONG_TYPE_INDICATORS_PAGE);
  g_type_ensure (PAMONG_TYPE_REQUESTS_PAGE);
  g_type_ensure (PAMONG_TYPE_SYNC_STATUS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pamong-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PamongWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PamongWindow, sync_status);
  gtk_widget_class_bind_template_child (widget_class, PamongWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PamongWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PamongWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, PamongWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PamongWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, PamongWindow, open_demo_button);
  gtk_widget_class_bind_template_child (widget_class, PamongWindow, connect_button);
  gtk_widget_class_bind_template_child (widget_class, PamongWindow, seeding_box);
  gtk_widget_class_bind_template_child (widget_class, PamongWindow, seeding_spinner);
  gtk_widget_class_bind_template_child (widget_class, PamongWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PamongWindow, applications_page);
  gtk_widget_class_bind_template_child (widget_class, PamongWindow, indicators_page);
  gtk_widget_class_bind_template_child (widget_class, PamongWindow, requests_page);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, sync_now_action);
  gtk_widget_class_install_action (widget_class, "win.log-in", NULL, log_in_action);
  gtk_widget_class_install_action (widget_class, "win.resolve-conflicts", NULL, resolve_conflicts_action);
  gtk_widget_class_install_action (widget_class, "win.workspace-1", NULL, workspace_action);
  gtk_widget_class_install_action (widget_class, "win.workspace-2", NULL, workspace_action);
  gtk_widget_class_install_action (widget_class, "win.workspace-3", NULL, workspace_action);
}

static void
pamong_window_init (PamongWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_status_page_set_icon_name (self->welcome_page, APP_ID);
  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* The switcher moves to the bottom when the title has no room for it. */
  g_object_bind_property (self->switcher_title, "title-visible",
                          self->switcher_bar, "reveal",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_workspace_changed_cb), self,
                           G_CONNECT_SWAPPED);
  visible_workspace_changed_cb (self);
}
