/* pamong-app.c — the Pamong desktop application
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "pamong-account.h"
#include "pamong-app.h"
#include "pamong-demo.h"
#include "pamong-gui-util.h"
#include "pamong-preferences-window.h"
#include "pamong-login-dialog.h"
#include "pamong-store.h"
#include "pamong-sync-scheduler.h"
#include "pamong-window.h"

/* Records per page of the change feed in the app (the engine's default,
 * 2,000, suits the benchmarks and headless tools). */
#define PAMONG_APP_SYNC_PAGE_SIZE 250

struct _PamongApp
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  PamongStore    *store;
  char           *store_path;
  gboolean        seed_demo;
  gboolean        seeding;

  PamongAccount       *account;
  gboolean             account_loaded;
  PamongSyncScheduler *scheduler;
  gulong               scheduler_state_id;
};

G_DEFINE_FINAL_TYPE (PamongApp, pamong_app, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEEDING,
  PROP_SCHEDULER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_scheduler (PamongApp *self);

static const GOptionEntry option_entries[] = {
  { "store", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the store at PATH instead of the default one"), N_("PATH") },
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Fill an empty store with the Kabupaten Blora demo data"), NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

/**
 * pamong_app_new_settings:
 *
 * Returns: (transfer full) (nullable): Pamong's settings, or %NULL when the
 * schema is not installed (an uninstalled build run without
 * GSETTINGS_SCHEMA_DIR); the app then works without remembering anything.
 */
GSettings *
pamong_app_new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID_BASE, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * pamong_app_apply_language_setting:
 *
 * Puts the UI language chosen in Preferences into LANGUAGE, for gettext.
 * Called by main() before anything is translated.
 *
 * Returns: %TRUE if a language was chosen and set
 */
gboolean
pamong_app_apply_language_setting (void)
{
  g_autoptr(GSettings) settings = pamong_app_new_settings ();
  g_autofree char *language = NULL;
  const char *value = NULL;

  if (settings == NULL)
    return FALSE;

  language = g_settings_get_string (settings, "language");
  if (g_str_equal (language, "en"))
    value = "en";
  else if (g_str_equal (language, "id"))
    value = "id";
  else if (g_str_equal (language, "jv"))
    /* Javanese speakers read Indonesian where a string is untranslated. */
    value = "jv:id";
  else
    return FALSE;

  g_setenv ("LANGUAGE", value, TRUE);
  return TRUE;
}

static char *
default_store_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "pamong", "pamong.db", NULL);
}

static gboolean
store_is_in_memory (const char *path)
{
  return path == NULL || g_str_equal (path, ":memory:");
}

static void
pamong_app_set_seeding (PamongApp *self,
                        gboolean   seeding)
{
  seeding = !!seeding;
  if (self->seeding == seeding)
    return;
  self->seeding = seeding;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEEDING]);
}

static void
pamong_app_set_store (PamongApp   *self,
                      PamongStore *store)
{
  if (g_set_object (&self->store, store))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
      update_scheduler (self);
    }
}

/* Synchronisation: one scheduler for the store, the server and the
 * account's session. It exists while there is a session; after a 401 it
 * stays (in "needs-login", holding its place) until the next login gives
 * it a new token. */

static guint
sync_interval_seconds (PamongApp *self)
{
  guint minutes = 15;

  if (self->settings != NULL)
    minutes = g_settings_get_uint (self->settings, "sync-interval");
  return MAX (minutes, 1) * 60;
}

static void
clear_scheduler (PamongApp *self)
{
  if (self->scheduler == NULL)
    return;

  g_clear_signal_handler (&self->scheduler_state_id, self->scheduler);
  pamong_sync_scheduler_stop (self->scheduler);
  g_clear_object (&self->scheduler);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULER]);
}

static void
scheduler_state_cb (PamongSyncScheduler *scheduler,
                    GParamSpec          *pspec,
                    PamongApp           *self)
{
  /* The server refused the session: it is dead, also in the keyring. The
   * queue stays in the store; the next login resumes. */
  if (pamong_sync_scheduler_get_state (scheduler) == PAMONG_SYNC_STATE_NEEDS_LOGIN)
    pamong_account_forget_token (self->account);
}

static void
update_scheduler (PamongApp *self)
{
  const char *url = pamong_account_get_server_url (self->account);
  const char *token = pamong_account_get_token (self->account);
  gboolean same_place = FALSE;
  g_autoptr(PamongSync) sync = NULL;

  if (self->scheduler != NULL)
    {
      PamongSync *current = pamong_sync_scheduler_get_sync (self->scheduler);

      same_place = pamong_sync_get_store (current) == self->store &&
                   g_strcmp0 (pamong_sync_get_server_url (current), url) == 0;
    }

  if (self->store == NULL || *url == '\0' || token == NULL)
    {
      if (!same_place ||
          pamong_sync_scheduler_get_state (self->scheduler) != PAMONG_SYNC_STATE_NEEDS_LOGIN)
        clear_scheduler (self);
      return;
    }

  if (same_place)
    {
      pamong_sync_scheduler_set_token (self->scheduler, token);
      return;
    }

  clear_scheduler (self);
  sync = pamong_sync_new (self->store, url);
  pamong_sync_set_token (sync, token);
  /* Give up on an unreachable server within seconds, so the header says
   * "Offline" soon; the scheduler keeps retrying with its own back-off. */
  pamong_sync_set_retry (sync, 500, 2000, 3);
  /* Each page of the change feed is written in one transaction on this
   * thread: small pages keep every pause short enough not to be felt
   * (about 50 ms on the development machine), at the cost of more round
   * trips in a first sync. */
  pamong_sync_set_page_size (sync, PAMONG_APP_SYNC_PAGE_SIZE);
  self->scheduler = pamong_sync_scheduler_new (sync, NULL);
  pamong_sync_scheduler_set_interval (self->scheduler, sync_interval_seconds (self));
  self->scheduler_state_id = g_signal_connect (self->scheduler, "notify::state",
                                               G_CALLBACK (scheduler_state_cb), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULER]);
  pamong_sync_scheduler_start (self->scheduler);
}

static void
account_changed_cb (PamongApp *self)
{
  update_scheduler (self);
}

static void
sync_interval_changed_cb (PamongApp *self)
{
  if (self->scheduler != NULL)
    pamong_sync_scheduler_set_interval (self->scheduler, sync_interval_seconds (self));
}

static void
account_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!pamong_account_load_finish (PAMONG_ACCOUNT (object), result, &error))
    g_message ("The keyring could not be asked for the server session: %s", error->message);
}

/**
 * pamong_app_get_account:
 *
 * Returns: (transfer none): the account on the server
 */
PamongAccount *
pamong_app_get_account (PamongApp *self)
{
  g_return_val_if_fail (PAMONG_IS_APP (self), NULL);

  return self->account;
}

/**
 * pamong_app_get_scheduler:
 *
 * Returns: (transfer none) (nullable): the sync scheduler, while there is a
 * server, a store and a session (or one that ended and awaits a login)
 */
PamongSyncScheduler *
pamong_app_get_scheduler (PamongApp *self)
{
  g_return_val_if_fail (PAMONG_IS_APP (self), NULL);

  return self->scheduler;
}

/**
 * pamong_app_show_login:
 * @self: the app
 * @reason: (nullable): why, shown in the dialog
 *
 * Presents the login dialog over the active window.
 */
PamongLoginDialog *
pamong_app_show_login (PamongApp  *self,
                       const char *reason)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GListModel *toplevels = gtk_window_get_toplevels ();
  PamongLoginDialog *dialog;

  g_return_val_if_fail (PAMONG_IS_APP (self), NULL);

  /* One login dialog at a time. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (PAMONG_IS_LOGIN_DIALOG (window))
        {
          gtk_window_present (GTK_WINDOW (window));
          return PAMONG_LOGIN_DIALOG (window);
        }
    }

  dialog = pamong_login_dialog_new (self->account, reason);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * pamong_app_open_store:
 * @self: the app
 * @path: a file path, or ":memory:"
 * @error: return location for a #GError
 *
 * Opens (creating and migrating if needed) the store the windows show.
 */
gboolean
pamong_app_open_store (PamongApp   *self,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(PamongStore) store = NULL;

  g_return_val_if_fail (PAMONG_IS_APP (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!store_is_in_memory (path))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the folder “%s” for the store: %s"),
                       dir, g_strerror (saved_errno));
          return FALSE;
        }
    }

  store = pamong_store_open (path, error);
  if (store == NULL)
    return FALSE;

  g_free (self->store_path);
  self->store_path = g_strdup (path);
  pamong_app_set_store (self, store);

  return TRUE;
}

PamongStore *
pamong_app_get_store (PamongApp *self)
{
  g_return_val_if_fail (PAMONG_IS_APP (self), NULL);

  return self->store;
}

GSettings *
pamong_app_get_settings (PamongApp *self)
{
  g_return_val_if_fail (PAMONG_IS_APP (self), NULL);

  return self->settings;
}

gboolean
pamong_app_get_seeding (PamongApp *self)
{
  g_return_val_if_fail (PAMONG_IS_APP (self), FALSE);

  return self->seeding;
}

/* Demo seeding. SQLite connections are not shared between threads: the
 * worker opens its own connection to the same file, and the app re-opens its
 * store afterwards so every list sees the new rows. An in-memory store has
 * no second connection, so it is filled on the main thread. */

static void
seed_demo_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(PamongStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PamongDemoOptions options;

  store = pamong_store_open (path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  pamong_demo_options_init (&options);
  if (!pamong_demo_generate (store, &options, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
seed_demo_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PamongApp *self = PAMONG_APP (object);
  g_autoptr(GTask) task = user_data;
  GTask *inner = G_TASK (result);
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStore) store = NULL;

  pamong_app_set_seeding (self, FALSE);
  g_application_release (G_APPLICATION (self));

  if (!g_task_propagate_boolean (inner, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  store = pamong_store_open (self->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  pamong_app_set_store (self, store);
  g_task_return_boolean (task, TRUE);
}

/**
 * pamong_app_seed_demo_async:
 *
 * Fills the app's store with the Kabupaten Blora demo dataset without
 * blocking the UI. The "seeding" property is %TRUE meanwhile.
 */
void
pamong_app_seed_demo_async (PamongApp           *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PAMONG_IS_APP (self));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pamong_app_seed_demo_async);

  if (self->seeding)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The demo data is already being loaded"));
      return;
    }

  if (store_is_in_memory (self->store_path))
    {
      PamongDemoOptions options;

      pamong_demo_options_init (&options);
      if (!pamong_demo_generate (self->store, &options, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  pamong_app_set_seeding (self, TRUE);
  /* Keep running until the demo is in, even if the window is closed. */
  g_application_hold (G_APPLICATION (self));

  inner = g_task_new (self, cancellable, seed_demo_done, g_steal_pointer (&task));
  g_task_set_source_tag (inner, seed_demo_thread);
  g_task_set_task_data (inner, g_strdup (self->store_path), g_free);
  g_task_run_in_thread (inner, seed_demo_thread);
}

gboolean
pamong_app_seed_demo_finish (PamongApp     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (PAMONG_IS_APP (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Actions */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PamongApp *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows lets them save their state. */
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (self));
}

/**
 * pamong_app_show_preferences:
 * @self: the app
 * @page_name: (nullable): "general" or "server"
 */
void
pamong_app_show_preferences (PamongApp  *self,
                             const char *page_name)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  PamongPreferencesWindow *preferences;

  g_return_if_fail (PAMONG_IS_APP (self));

  preferences = pamong_preferences_window_new (self->settings);
  pamong_preferences_window_set_account (preferences, self->account);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  if (page_name != NULL)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences),
                                                  page_name);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  pamong_app_show_preferences (PAMONG_APP (user_data), NULL);
}

static void
connect_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  pamong_app_show_preferences (PAMONG_APP (user_data), "server");
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PamongApp *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Pamong authors", NULL };
  static const char *designers[] = { "The Pamong authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Pamong"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Pamong authors"),
                        "developers", developers,
                        "designers", designers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 The Pamong authors"),
                        "website", "https://github.com/pamong/pamong",
                        "issue-url", "https://github.com/pamong/pamong/issues",
                        "comments", _("Pamong is an offline-first workbench for a regency government’s SPBE "
                                      "administration: the inventory of its applications (Aplikasi), the yearly "
                                      "SPBE self-evaluation of 47 indicators (Indikator) and citizens’ service "
                                      "requests (Layanan). Every workspace works without a network.\n\n"
                                      "Indicators, aspects, domains and predikat follow Peraturan Menteri PANRB "
                                      "Nomor 59 Tahun 2020. The Kabupaten Blora demo data is generated: its "
                                      "applicants and requests are fictitious."),
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  PamongApp *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/pamong-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  if (parent != NULL)
    gtk_window_set_transient_for (shortcuts, parent);
  gtk_window_present (shortcuts);
}

static void
seed_demo_done_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  PamongApp *self = PAMONG_APP (object);
  g_autoptr(GError) error = NULL;

  if (!pamong_app_seed_demo_finish (self, result, &error))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (PAMONG_IS_WINDOW (window))
        pamong_window_show_error (PAMONG_WINDOW (window),
                                  _("The demo data could not be loaded"),
                                  error->message);
      else
        g_printerr ("%s\n", error->message);
    }
}

static void
open_demo_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  PamongApp *self = user_data;

  if (self->store == NULL || self->seeding)
    return;
  pamong_app_seed_demo_async (self, NULL, seed_demo_done_cb, NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "connect", connect_activated },
  { "about", about_activated },
  { "shortcuts", shortcuts_activated },
  { "open-demo", open_demo_activated },
};

/* GApplication */

static gint
pamong_app_handle_local_options (GApplication *application,
                                 GVariantDict *options)
{
  PamongApp *self = PAMONG_APP (application);
  g_autofree char *store_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", _("Pamong"), PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "store", "^ay", &store_path))
    {
      g_free (self->store_path);
      self->store_path = g_steal_pointer (&store_path);
    }
  self->seed_demo = g_variant_dict_contains (options, "demo");

  return -1;
}

static void
pamong_app_startup (GApplication *application)
{
  PamongApp *self = PAMONG_APP (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *sync_accels[] = { "<Control>r", NULL };
  static const char *workspace_1_accels[] = { "<Alt>1", NULL };
  static const char *workspace_2_accels[] = { "<Alt>2", NULL };
  static const char *workspace_3_accels[] = { "<Alt>3", NULL };

  G_APPLICATION_CLASS (pamong_app_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.sync-now", sync_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.workspace-1", workspace_1_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.workspace-2", workspace_2_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.workspace-3", workspace_3_accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
pamong_app_activate (GApplication *application)
{
  PamongApp *self = PAMONG_APP (application);
  GtkWindow *window;

  if (self->store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;

      path = self->store_path != NULL ? g_strdup (self->store_path) : default_store_path ();
      if (!pamong_app_open_store (self, path, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Pamong could not open its store “%s”: %s"),
                                                      path, error->message);

          g_printerr ("%s\n", message);
          g_application_quit (application);
          return;
        }
    }

  if (!self->account_loaded)
    {
      self->account_loaded = TRUE;
      pamong_account_load_async (self->account, NULL, account_loaded_cb, NULL);
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (pamong_window_new (self));
  gtk_window_present (window);

  if (self->seed_demo)
    {
      self->seed_demo = FALSE;
      if (pamong_gui_store_is_empty (self->store))
        pamong_app_seed_demo_async (self, NULL, seed_demo_done_cb, NULL);
    }
}

static void
pamong_app_shutdown (GApplication *application)
{
  PamongApp *self = PAMONG_APP (application);

  G_APPLICATION_CLASS (pamong_app_parent_class)->shutdown (application);

  clear_scheduler (self);
  g_clear_object (&self->store);
}

/* GObject */

static void
pamong_app_finalize (GObject *object)
{
  PamongApp *self = PAMONG_APP (object);

  clear_scheduler (self);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->account);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->store_path, g_free);

  G_OBJECT_CLASS (pamong_app_parent_class)->finalize (object);
}

static void
pamong_app_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PamongApp *self = PAMONG_APP (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SEEDING:
      g_value_set_boolean (value, self->seeding);
      break;
    case PROP_SCHEDULER:
      g_value_set_object (value, self->scheduler);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_app_class_init (PamongAppClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pamong_app_finalize;
  object_class->get_property = pamong_app_get_property;

  application_class->handle_local_options = pamong_app_handle_local_options;
  application_class->startup = pamong_app_startup;
  application_class->activate = pamong_app_activate;
  application_class->shutdown = pamong_app_shutdown;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PAMONG_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SEEDING] =
    g_param_spec_boolean ("seeding", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SCHEDULER] =
    g_param_spec_object ("scheduler", NULL, NULL,
                         PAMONG_TYPE_SYNC_SCHEDULER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pamong_app_init (PamongApp *self)
{
  self->settings = pamong_app_new_settings ();
  if (self->settings == NULL)
    g_message ("The settings schema %s is not installed: window size, language and "
               "server address will not be remembered", APP_ID_BASE);

  self->account = pamong_account_new (self->settings);
  g_signal_connect_swapped (self->account, "notify::logged-in", G_CALLBACK (account_changed_cb), self);
  g_signal_connect_swapped (self->account, "notify::server-url", G_CALLBACK (account_changed_cb), self);
  if (self->settings != NULL)
    g_signal_connect_swapped (self->settings, "changed::sync-interval",
                              G_CALLBACK (sync_interval_changed_cb), self);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Pamong — SPBE workbench for a regency government"));
}

PamongApp *
pamong_app_new (void)
{
  return g_object_new (PAMONG_TYPE_APP,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* Also for the development profile, whose id differs. */
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
