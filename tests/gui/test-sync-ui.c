/* test-sync-ui.c — logging in, the header's sync state, Sync Now, the
 * conflict dialog and logging out, against the in-process pamong-server
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a Secret Service (build-aux/run-tests runs the tests in a private
 * D-Bus session with an unlocked gnome-keyring); without one the tests are
 * skipped.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "pamong-account.h"
#include "pamong-app.h"
#include "pamong-conflict-dialog.h"
#include "pamong-core.h"
#include "pamong-login-dialog.h"
#include "pamong-preferences-window.h"
#include "pamong-sync-status.h"
#include "pamong-window-private.h"
#include "pamong-server-auth.h"
#include "pamong-server-totp.h"
#include "server-test-util.h"
#include "gui-test-util.h"

#define TEST_PASSWORD "kata-sandi-uji-sinkron"

static PamongApp        *the_app;
static PamongWindow     *the_window;
static PamongTestServer *the_server;
static char             *server_url;
static char             *tmp_dir;
static gboolean          have_keyring;

/* Helpers */

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
dialog_is_idle (gpointer data)
{
  return !pamong_login_dialog_get_busy (data);
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static PamongAccount *
account (void)
{
  return pamong_app_get_account (the_app);
}

static PamongSyncScheduler *
scheduler (void)
{
  return pamong_app_get_scheduler (the_app);
}

static const char *
header_summary (void)
{
  return pamong_sync_status_get_summary (pamong_window_get_sync_status (the_window));
}

static gboolean
sync_is_quiet (gpointer data)
{
  PamongSyncScheduler *s = scheduler ();

  return s != NULL && !pamong_sync_scheduler_get_running (s) &&
         pamong_sync_scheduler_get_n_runs (s) > 0;
}

static void
wait_for_quiet_sync (void)
{
  gui_test_settle ();
  gui_test_wait_until (sync_is_quiet, NULL);
  gui_test_settle ();
}

static char *
keyring_token (void)
{
  g_autoptr(GError) error = NULL;
  char *token;

  token = secret_password_lookup_sync (pamong_account_get_secret_schema (), NULL, &error,
                                       "server", server_url, "user", "admin", NULL);
  g_assert_no_error (error);
  return token;
}

/* Logs in through the dialog with the right password. */
static void
log_in_through_dialog (PamongLoginDialog *dialog)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  pamong_login_dialog_set_fields (dialog, server_url, "admin", TEST_PASSWORD);
  pamong_login_dialog_submit (dialog);
  gui_test_wait_until (pointer_is_null, &weak);
  g_assert_true (pamong_account_get_logged_in (account ()));
}

static void
assert_focus_in (GtkWindow *window,
                 GtkWidget *row)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  g_assert_nonnull (focus);
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  /* Binary files (SQLite) may hold NULs: compare bytes, not strings. */
  for (gsize i = 0, n = strlen (needle); i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Fails if any regular file under @dir holds @needle. */
static void
assert_no_file_holds (const char *dir,
                      const char *needle)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        assert_no_file_holds (path, needle);
      else if (file_contains (path, needle))
        g_error ("The session token is in the plain file %s", path);
    }
}

static PamongRecord *
first_unit (PamongStore *store)
{
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_UNIT);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  pamong_query_set_sort (query, "code", FALSE);
  model = pamong_store_query (store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  return g_list_model_get_item (model, 0);
}

static PamongRecord *
lookup (PamongStore *store,
        GType        type,
        const char  *uuid)
{
  g_autoptr(GError) error = NULL;
  PamongRecord *record = pamong_store_lookup (store, type, uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static guint16
free_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* With PAMONG_TEST_SCREENSHOTS=DIR (and ImageMagick's import), grabs the
 * Xvfb screen into DIR/NAME.png, for a person to look at the UI. */
static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("PAMONG_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  gui_test_settle ();
  g_usleep (300 * 1000);
  gui_test_settle ();
  path = g_strdup_printf ("%s/%s.png", dir, name);
  command = g_strdup_printf ("import -window root %s", path);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, &error))
    g_test_message ("No screenshot %s: %s", path, error->message);
}

static void
popup_sync_status (gboolean up)
{
  GtkWidget *status = GTK_WIDGET (pamong_window_get_sync_status (the_window));
  GtkWidget *button = gtk_widget_get_first_child (status);

  if (GTK_IS_MENU_BUTTON (button))
    {
      if (up)
        gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      else
        gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
    }
}

/* Tests */

static gboolean
require_keyring (void)
{
  if (!have_keyring)
    g_test_skip ("No Secret Service on this D-Bus session (run under build-aux/run-tests)");
  return have_keyring;
}

/* The login dialog: clear errors for an unreachable server, a bad
 * certificate and a wrong password; then a login whose token is in the
 * keyring and in no file; the first sync follows by itself. */
static void
test_login (void)
{
  g_autofree char *unreachable = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  PamongLoginDialog *dialog;
  GSettings *settings = pamong_app_get_settings (the_app);
  const char *error_text;

  if (!require_keyring ())
    return;

  /* No server yet: the header says nothing about sync. */
  g_assert_null (header_summary ());

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (the_window), "win.log-in", NULL));
  gui_test_settle ();
  dialog = find_toplevel (PAMONG_TYPE_LOGIN_DIALOG);
  g_assert_nonnull (dialog);

  /* Nothing listens there. */
  unreachable = g_strdup_printf ("http://127.0.0.1:%u", free_port ());
  pamong_login_dialog_set_fields (dialog, unreachable, "admin", "pamong-demo");
  pamong_login_dialog_submit (dialog);
  gui_test_wait_until (dialog_is_idle, dialog);
  error_text = pamong_login_dialog_get_error_text (dialog);
  g_assert_nonnull (strstr (error_text, "could not be reached"));
  g_assert_nonnull (strstr (error_text, unreachable));
  g_assert_false (pamong_account_get_logged_in (account ()));

  /* A server whose certificate this computer does not trust. */
  if (g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_autoptr(PamongTestServer) tls = pamong_test_server_new (PAMONG_TEST_SERVER_NO_LISTEN);
      g_autofree char *cert = g_test_build_filename (G_TEST_DIST, "server", "certs", "server.pem", NULL);
      g_autofree char *key = g_test_build_filename (G_TEST_DIST, "server", "certs", "server-key.pem", NULL);
      g_autoptr(GTlsCertificate) certificate = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *https = NULL;

      certificate = g_tls_certificate_new_from_files (cert, key, &error);
      g_assert_no_error (error);
      pamong_server_set_tls_certificate (tls->server, certificate);
      g_assert_true (pamong_server_listen (tls->server, "127.0.0.1:0", &error));
      g_assert_no_error (error);
      https = pamong_test_server_uri (tls, "");
      g_assert_true (g_str_has_prefix (https, "https://"));

      pamong_login_dialog_set_fields (dialog, https, "admin", "pamong-demo");
      pamong_login_dialog_submit (dialog);
      gui_test_wait_until (dialog_is_idle, dialog);
      error_text = pamong_login_dialog_get_error_text (dialog);
      g_assert_nonnull (strstr (error_text, "certificate"));
      g_assert_false (pamong_account_get_logged_in (account ()));
    }

  /* The right server, the wrong password. */
  pamong_login_dialog_set_fields (dialog, server_url, "admin", "wrong-password");
  pamong_login_dialog_submit (dialog);
  gui_test_wait_until (dialog_is_idle, dialog);
  g_assert_cmpstr (pamong_login_dialog_get_error_text (dialog), ==,
                   _("The user name or the password is wrong."));
  screenshot ("login-wrong-password");

  /* Guessing: after five failures for one user the server makes the next
   * login wait, and the dialog says for how long. */
  for (guint i = 0; i < 6; i++)
    {
      pamong_login_dialog_set_fields (dialog, server_url, "viewer", "still-wrong");
      pamong_login_dialog_submit (dialog);
      gui_test_wait_until (dialog_is_idle, dialog);
    }
  g_assert_cmpstr (pamong_login_dialog_get_error_text (dialog), ==,
                   "Too many failed logins. Wait 5 minutes and try again.");
  g_assert_false (pamong_account_get_logged_in (account ()));
  g_assert_false (pamong_account_get_logged_in (account ()));
  g_assert_null (scheduler ());

  /* The right password: the dialog closes, the account is known. */
  log_in_through_dialog (dialog);
  g_assert_cmpstr (pamong_account_get_username (account ()), ==, "admin");
  g_assert_cmpstr (pamong_account_get_role (account ()), ==, "admin");
  g_assert_cmpstr (pamong_account_get_server_url (account ()), ==, server_url);
  {
    g_autofree char *user = g_settings_get_string (settings, "account-user");

    g_assert_cmpstr (user, ==, "admin");
  }

  /* The token is in the keyring… */
  token = keyring_token ();
  g_assert_nonnull (token);
  g_assert_cmpstr (token, ==, pamong_account_get_token (account ()));
  g_assert_cmpuint (strlen (token), ==, 43);

  /* …and in no settings key and no file of the app. */
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_assert_null (strstr (text, token));
    }
  assert_no_file_holds (tmp_dir, token);
  assert_no_file_holds (g_get_user_config_dir (), token);
  assert_no_file_holds (g_get_user_data_dir (), token);
  assert_no_file_holds (g_get_user_cache_dir (), token);

  /* The first sync runs by itself and brings the server's records. */
  g_assert_nonnull (scheduler ());
  wait_for_quiet_sync ();
  g_assert_cmpint (pamong_sync_scheduler_get_state (scheduler ()), ==, PAMONG_SYNC_STATE_IDLE);
  g_assert_cmpstr (header_summary (), ==, "Synced");
  g_assert_nonnull (strstr (pamong_sync_status_get_description (pamong_window_get_sync_status (the_window)),
                            "Last synchronised: today at"));
  popup_sync_status (TRUE);
  screenshot ("header-synced");
  popup_sync_status (FALSE);
  g_assert_cmpstr (pamong_window_get_visible_view (the_window), ==, "workspaces");
  {
    g_autoptr(PamongQuery) mine = pamong_query_new (PAMONG_TYPE_APPLICATION);
    g_autoptr(PamongQuery) theirs = pamong_query_new (PAMONG_TYPE_APPLICATION);

    g_assert_cmpuint (pamong_store_count (pamong_app_get_store (the_app), mine, NULL), ==,
                      pamong_store_count (the_server->store, theirs, NULL));
  }

  /* Preferences show the account with its role. */
  {
    PamongPreferencesWindow *preferences = pamong_preferences_window_new (settings);
    g_autofree char *text = NULL;

    pamong_preferences_window_set_account (preferences, account ());
    text = pamong_preferences_window_get_account_text (preferences);
    g_assert_nonnull (strstr (text, "admin"));
    g_assert_nonnull (strstr (text, "Administrator"));
    g_assert_nonnull (strstr (text, server_url));
    gtk_window_destroy (GTK_WINDOW (preferences));
  }
}

static gboolean
has_pending (gpointer data)
{
  return pamong_sync_scheduler_get_pending_count (scheduler ()) == GPOINTER_TO_UINT (data);
}

/* An edit shows as waiting in the header; Sync Now sends it and the header
 * says so. */
static void
test_sync_now_updates_the_header (void)
{
  PamongStore *store = pamong_app_get_store (the_app);
  g_autoptr(PamongRecord) unit = NULL;
  g_autoptr(PamongRecord) theirs = NULL;
  g_autoptr(GError) error = NULL;
  guint runs;

  if (!require_keyring ())
    return;
  g_assert_nonnull (scheduler ());

  unit = first_unit (store);
  pamong_unit_set_name (PAMONG_UNIT (unit), "Dinas Uji Sinkronisasi Layar");
  g_assert_true (pamong_store_save (store, unit, &error));
  g_assert_no_error (error);
  gui_test_wait_until (has_pending, GUINT_TO_POINTER (1));
  gui_test_settle ();
  g_assert_cmpstr (header_summary (), ==, "1 to Send");
  screenshot ("header-pending-button");
  popup_sync_status (TRUE);
  screenshot ("header-pending");
  popup_sync_status (FALSE);

  runs = pamong_sync_scheduler_get_n_runs (scheduler ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (the_window), "win.sync-now", NULL));
  g_assert_true (pamong_sync_scheduler_get_running (scheduler ()));
  /* The header follows at once (the run itself is quick on loopback). */
  g_assert_cmpstr (header_summary (), ==, "Sending changes…");
  wait_for_quiet_sync ();

  g_assert_cmpuint (pamong_sync_scheduler_get_n_runs (scheduler ()), ==, runs + 1);
  g_assert_cmpstr (header_summary (), ==, "Synced");
  g_assert_cmpstr (pamong_sync_status_get_icon_name (pamong_window_get_sync_status (the_window)), ==,
                   "emblem-ok-symbolic");
  theirs = lookup (the_server->store, PAMONG_TYPE_UNIT, pamong_record_get_uuid (unit));
  g_assert_cmpstr (pamong_unit_get_name (PAMONG_UNIT (theirs)), ==, "Dinas Uji Sinkronisasi Layar");
}

static gboolean
has_conflicts (gpointer data)
{
  return pamong_sync_scheduler_get_conflict_count (scheduler ()) == GPOINTER_TO_UINT (data) &&
         !pamong_sync_scheduler_get_running (scheduler ());
}

/* The same unit edited here and on the server: the header counts the
 * conflict; the dialog shows both versions; a choice per field is pushed
 * and lands on the server. */
static void
test_conflict_resolved_in_the_dialog (void)
{
  PamongStore *store = pamong_app_get_store (the_app);
  g_autoptr(PamongRecord) unit = NULL;
  g_autoptr(PamongRecord) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *admin = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) fields = NULL;
  PamongTestResponse *response;
  PamongConflictDialog *dialog;
  gpointer weak;

  if (!require_keyring ())
    return;

  unit = first_unit (store);
  pamong_unit_set_name (PAMONG_UNIT (unit), "Nama dari laptop");
  pamong_unit_set_short_name (PAMONG_UNIT (unit), "LAPTOP");
  g_assert_true (pamong_store_save (store, unit, &error));
  g_assert_no_error (error);

  /* Meanwhile someone else changes it on the server. */
  admin = pamong_test_login_with_otp (the_server, "pengelola", TEST_PASSWORD);
  path = g_strdup_printf ("/api/v1/admin/units/%s", pamong_record_get_uuid (unit));
  {
    g_autoptr(GEnumClass) kinds = g_type_class_ref (PAMONG_TYPE_UNIT_KIND);

    body = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"Nama dari server\", "
                            "\"short_name\": \"SERVER\", \"kind\": \"%s\"}",
                            pamong_unit_get_code (PAMONG_UNIT (unit)),
                            g_enum_get_value (kinds, pamong_unit_get_kind (PAMONG_UNIT (unit)))->value_nick);
  }
  response = pamong_test_request (the_server, "PUT", path, admin, body);
  g_assert_cmpuint (response->status, ==, 200);
  pamong_test_response_free (response);

  gtk_widget_activate_action (GTK_WIDGET (the_window), "win.sync-now", NULL);
  gui_test_wait_until (has_conflicts, GUINT_TO_POINTER (1));
  gui_test_settle ();
  g_assert_cmpstr (header_summary (), ==, "1 Conflict");
  popup_sync_status (TRUE);
  screenshot ("header-conflict");
  popup_sync_status (FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (the_window), "win.resolve-conflicts", NULL));
  gui_test_settle ();

  dialog = find_toplevel (PAMONG_TYPE_CONFLICT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (pamong_conflict_dialog_get_n_conflicts (dialog), ==, 1);
  g_assert_true (pamong_conflict_dialog_select (dialog, 0));
  g_assert_cmpstr (pamong_record_get_uuid (pamong_conflict_dialog_get_selected (dialog)), ==,
                   pamong_record_get_uuid (unit));

  /* Exactly the two fields that differ are offered. */
  fields = pamong_conflict_dialog_get_differing_fields (dialog);
  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) fields, "name"));
  g_assert_true (g_strv_contains ((const char * const *) fields, "short-name"));
  g_assert_false (pamong_conflict_dialog_choose (dialog, "code", TRUE));
  screenshot ("conflict-dialog");

  /* The server's name, this computer's short name. */
  g_assert_true (pamong_conflict_dialog_choose (dialog, "name", TRUE));
  g_assert_true (pamong_conflict_dialog_choose (dialog, "short-name", FALSE));
  pamong_conflict_dialog_use_selected (dialog);
  g_assert_cmpuint (pamong_conflict_dialog_get_n_conflicts (dialog), ==, 0);

  /* Resolving starts a sync; the merge reaches the server. */
  wait_for_quiet_sync ();
  gui_test_wait_until (has_conflicts, GUINT_TO_POINTER (0));
  g_assert_cmpuint (pamong_sync_scheduler_get_pending_count (scheduler ()), ==, 0);
  g_assert_cmpstr (header_summary (), ==, "Synced");
  theirs = lookup (the_server->store, PAMONG_TYPE_UNIT, pamong_record_get_uuid (unit));
  g_assert_cmpstr (pamong_unit_get_name (PAMONG_UNIT (theirs)), ==, "Nama dari server");
  g_assert_cmpstr (pamong_unit_get_short_name (PAMONG_UNIT (theirs)), ==, "LAPTOP");
  {
    g_autoptr(PamongRecord) mine = lookup (store, PAMONG_TYPE_UNIT, pamong_record_get_uuid (unit));

    g_assert_true (pamong_record_equal (mine, theirs, FALSE));
  }

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_settle ();
  g_assert_null (weak);
}

static gboolean
needs_login (gpointer data)
{
  return pamong_sync_scheduler_get_state (scheduler ()) == PAMONG_SYNC_STATE_NEEDS_LOGIN &&
         find_toplevel (PAMONG_TYPE_LOGIN_DIALOG) != NULL;
}

/* The server ends the session: the next sync asks for a login, keeps the
 * queue, forgets the dead token, and the new login sends the queue. */
static void
test_ended_session_asks_for_login (void)
{
  PamongStore *store = pamong_app_get_store (the_app);
  g_autoptr(PamongRecord) unit = NULL;
  g_autoptr(PamongRecord) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dead = NULL;
  PamongTestResponse *response;
  PamongLoginDialog *dialog;

  if (!require_keyring ())
    return;

  response = pamong_test_request (the_server, "POST", "/api/v1/auth/logout",
                                  pamong_account_get_token (account ()), NULL);
  g_assert_cmpuint (response->status, ==, 204);
  pamong_test_response_free (response);

  unit = first_unit (store);
  pamong_unit_set_name (PAMONG_UNIT (unit), "Dinas yang menunggu login");
  g_assert_true (pamong_store_save (store, unit, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (the_window), "win.sync-now", NULL);
  gui_test_wait_until (needs_login, NULL);
  gui_test_settle ();
  g_assert_cmpstr (header_summary (), ==, "Log In to Sync");
  g_assert_cmpuint (pamong_sync_scheduler_get_pending_count (scheduler ()), ==, 1);
  screenshot ("session-ended-login");
  g_assert_false (pamong_account_get_logged_in (account ()));
  dead = keyring_token ();
  g_assert_null (dead);

  /* The dialog already knows the server and the user. */
  dialog = find_toplevel (PAMONG_TYPE_LOGIN_DIALOG);
  g_assert_cmpstr (pamong_login_dialog_get_server_url (dialog), ==, server_url);
  g_assert_cmpstr (pamong_login_dialog_get_username (dialog), ==, "admin");
  log_in_through_dialog (dialog);

  gui_test_wait_until (has_pending, GUINT_TO_POINTER (0));
  wait_for_quiet_sync ();
  g_assert_cmpint (pamong_sync_scheduler_get_state (scheduler ()), ==, PAMONG_SYNC_STATE_IDLE);
  theirs = lookup (the_server->store, PAMONG_TYPE_UNIT, pamong_record_get_uuid (unit));
  g_assert_cmpstr (pamong_unit_get_name (PAMONG_UNIT (theirs)), ==, "Dinas yang menunggu login");
}

static gboolean
is_logged_out (gpointer data)
{
  return !pamong_account_get_logged_in (account ()) &&
         *pamong_account_get_username (account ()) == '\0';
}

/* Log Out in Preferences ends the session on the server and removes it from
 * the keyring; syncing stops. */
static void
test_log_out (void)
{
  PamongPreferencesWindow *preferences;
  g_autofree char *token = NULL;
  g_autofree char *left = NULL;
  g_autofree char *text = NULL;
  PamongTestResponse *response;

  if (!require_keyring ())
    return;

  token = g_strdup (pamong_account_get_token (account ()));
  g_assert_nonnull (token);

  preferences = pamong_preferences_window_new (pamong_app_get_settings (the_app));
  pamong_preferences_window_set_account (preferences, account ());
  gtk_window_present (GTK_WINDOW (preferences));
  gui_test_settle ();
  pamong_preferences_window_log_out (preferences);
  gui_test_wait_until (is_logged_out, NULL);
  gui_test_settle ();

  left = keyring_token ();
  g_assert_null (left);
  g_assert_null (scheduler ());
  g_assert_cmpstr (header_summary (), ==, "Log In to Sync");
  text = pamong_preferences_window_get_account_text (preferences);
  g_assert_nonnull (strstr (text, "Not logged in"));

  /* The server no longer takes the token. */
  response = pamong_test_request (the_server, "GET", "/api/v1/auth/me", token, NULL);
  g_assert_cmpuint (response->status, ==, 401);
  pamong_test_response_free (response);

  gtk_window_destroy (GTK_WINDOW (preferences));
  gui_test_settle ();
}

/* An account with a one-time code: the dialog asks for the code and
 * keeps what was typed; a wrong code is asked for again; the right one
 * logs in. Another user name needs no code until the server says so. */
static void
test_login_with_a_one_time_code (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *code = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *token = NULL;
  PamongLoginDialog *dialog;
  GtkWidget *otp_row;
  gpointer weak;

  if (!require_keyring ())
    return;

  g_assert_true (pamong_server_users_put (the_server->store, "siti", TEST_PASSWORD,
                                          PAMONG_ROLE_VIEWER, NULL, NULL, &error));
  g_assert_no_error (error);
  secret = pamong_server_totp_enroll (the_server->store, "siti", &error);
  g_assert_no_error (error);

  g_assert_false (pamong_account_get_logged_in (account ()));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (the_window), "win.log-in", NULL));
  gui_test_settle ();
  dialog = find_toplevel (PAMONG_TYPE_LOGIN_DIALOG);
  g_assert_nonnull (dialog);
  otp_row = pamong_login_dialog_get_otp_row (dialog);
  g_assert_false (gtk_widget_get_visible (otp_row));

  /* The password is right: the code row appears, focused, and nothing
   * typed is lost. */
  pamong_login_dialog_set_fields (dialog, server_url, "siti", TEST_PASSWORD);
  pamong_login_dialog_submit (dialog);
  gui_test_wait_until (dialog_is_idle, dialog);
  g_assert_true (gtk_widget_get_visible (otp_row));
  assert_focus_in (GTK_WINDOW (dialog), otp_row);
  g_assert_cmpstr (pamong_login_dialog_get_error_text (dialog), ==,
                   _("This account needs a one-time code from its authenticator app."));
  g_assert_cmpstr (pamong_login_dialog_get_server_url (dialog), ==, server_url);
  g_assert_cmpstr (pamong_login_dialog_get_username (dialog), ==, "siti");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (otp_row)), ==, _("_One-Time Code"));
  g_assert_cmpint (adw_entry_row_get_input_purpose (ADW_ENTRY_ROW (otp_row)), ==, GTK_INPUT_PURPOSE_DIGITS);
  g_assert_false (pamong_account_get_logged_in (account ()));
  screenshot ("otp-dialog");

  /* A wrong code: the wrong-login words; the row stays, empty, focused. */
  wrong = pamong_test_totp_wrong_code (secret);
  gui_test_type (otp_row, wrong);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (otp_row)), ==, wrong);
  gui_test_press_enter (otp_row);
  gui_test_wait_until (dialog_is_idle, dialog);
  g_assert_cmpstr (pamong_login_dialog_get_error_text (dialog), ==,
                   _("The user name or the password is wrong."));
  g_assert_true (gtk_widget_get_visible (otp_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (otp_row)), ==, "");
  assert_focus_in (GTK_WINDOW (dialog), otp_row);
  g_assert_false (pamong_account_get_logged_in (account ()));

  /* Another user name may need no code: the row goes. */
  pamong_login_dialog_set_fields (dialog, NULL, "sit", NULL);
  g_assert_false (gtk_widget_get_visible (otp_row));
  g_assert_cmpstr (pamong_login_dialog_get_error_text (dialog), ==, "");
  pamong_login_dialog_set_fields (dialog, NULL, "siti", NULL);
  g_assert_false (gtk_widget_get_visible (otp_row));
  pamong_login_dialog_submit (dialog);
  gui_test_wait_until (dialog_is_idle, dialog);
  g_assert_true (gtk_widget_get_visible (otp_row));

  /* The code the app shows now, typed as it shows it: logged in. */
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  code = pamong_test_totp_code (secret, 0);
  gui_test_type (otp_row, code);
  gui_test_press_enter (otp_row);
  gui_test_wait_until (pointer_is_null, &weak);
  g_assert_true (pamong_account_get_logged_in (account ()));
  g_assert_cmpstr (pamong_account_get_username (account ()), ==, "siti");
  g_assert_cmpstr (pamong_account_get_role (account ()), ==, "viewer");

  /* Only the session is kept, in the keyring. */
  token = secret_password_lookup_sync (pamong_account_get_secret_schema (), NULL, &error,
                                       "server", server_url, "user", "siti", NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, pamong_account_get_token (account ()));
  wait_for_quiet_sync ();
  g_assert_cmpint (pamong_sync_scheduler_get_state (scheduler ()), ==, PAMONG_SYNC_STATE_IDLE);
}

/* Set-up */

static gboolean
probe_keyring (void)
{
  static const SecretSchema probe = {
    .name = "io.github.pamong.Pamong.TestProbe",
    .flags = SECRET_SCHEMA_NONE,
    .attributes = { { "probe", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
  };
  g_autoptr(GError) error = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL && g_getenv ("SECRET_BACKEND") == NULL)
    return FALSE;
  if (!secret_password_store_sync (&probe, SECRET_COLLECTION_DEFAULT, "probe", "probe",
                                   NULL, &error, "probe", "1", NULL))
    {
      g_test_message ("No usable keyring: %s", error->message);
      return FALSE;
    }
  secret_password_clear_sync (&probe, NULL, NULL, "probe", "1", NULL);
  return TRUE;
}

/* A server with the accounts admin and viewer and a few units: small, so
 * the first sync is quick also under the sanitizers (the sync tests cover
 * the full demo). The admin routes need a login with a one-time code, so
 * a second administrator, pengelola, has one (admin syncs with its
 * password, as the app does). */
static PamongTestServer *
small_server_new (void)
{
  PamongTestServer *ts = pamong_test_server_new (PAMONG_TEST_SERVER_NONE);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  g_assert_true (pamong_server_users_put (ts->store, "admin", TEST_PASSWORD, PAMONG_ROLE_ADMIN,
                                          NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pamong_server_users_put (ts->store, "viewer", TEST_PASSWORD, PAMONG_ROLE_VIEWER,
                                          NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pamong_server_users_put (ts->store, "pengelola", TEST_PASSWORD,
                                          PAMONG_ROLE_ADMIN, NULL, NULL, &error));
  g_assert_no_error (error);

  token = pamong_test_login_with_otp (ts, "pengelola", TEST_PASSWORD);
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *path = g_strdup_printf ("/api/v1/admin/units/%s", uuid);
      g_autofree char *body = g_strdup_printf ("{\"code\": \"OPD.%02u\", \"name\": \"Dinas Uji %u\", "
                                               "\"short_name\": \"DU%u\", \"kind\": \"agency\"}",
                                               i, i, i);
      PamongTestResponse *response = pamong_test_request (ts, "PUT", path, token, body);

      g_assert_cmpuint (response->status, ==, 201);
      pamong_test_response_free (response);
    }
  return ts;
}

static int test_result;

static void
run_tests_cb (GApplication *app,
              gpointer      user_data)
{
  g_autofree char *store_path = g_build_filename (tmp_dir, "client.db", NULL);
  g_autoptr(GError) error = NULL;
  gpointer weak;

  g_assert_true (pamong_app_open_store (the_app, store_path, &error));
  g_assert_no_error (error);

  the_server = small_server_new ();
  server_url = pamong_test_server_uri (the_server, "");
  /* Kept without a trailing slash, as the account keeps it. */
  if (g_str_has_suffix (server_url, "/"))
    server_url[strlen (server_url) - 1] = '\0';

  the_window = pamong_window_new (the_app);
  gtk_window_set_default_size (GTK_WINDOW (the_window), 1200, 760);
  gtk_window_present (GTK_WINDOW (the_window));
  gui_test_wait_until (gui_test_window_is_drawn, the_window);
  gui_test_settle ();

  test_result = g_test_run ();

  weak = the_window;
  g_object_add_weak_pointer (G_OBJECT (the_window), &weak);
  gtk_window_destroy (GTK_WINDOW (the_window));
  gui_test_settle ();
  g_assert_null (weak);

  g_signal_stop_emission_by_name (app, "activate");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PAMONG_LOCALEDIR");
  g_autoptr(GError) error = NULL;
  char *app_argv[] = { argv[0], NULL };

  if (g_getenv ("PAMONG_SERVER_FAST_HASH") == NULL)
    g_setenv ("PAMONG_SERVER_FAST_HASH", "1", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  tmp_dir = g_dir_make_tmp ("pamong-sync-ui-XXXXXX", &error);
  g_assert_no_error (error);
  have_keyring = probe_keyring ();

  g_test_add_func ("/pamong/gui/sync/login-errors-then-a-login-kept-only-in-the-keyring", test_login);
  g_test_add_func ("/pamong/gui/sync/sync-now-sends-an-edit-and-the-header-follows",
                   test_sync_now_updates_the_header);
  g_test_add_func ("/pamong/gui/sync/a-conflict-resolved-field-by-field-reaches-the-server",
                   test_conflict_resolved_in_the_dialog);
  g_test_add_func ("/pamong/gui/sync/an-ended-session-asks-for-a-login-and-keeps-the-queue",
                   test_ended_session_asks_for_login);
  g_test_add_func ("/pamong/gui/sync/log-out-removes-the-session", test_log_out);
  g_test_add_func ("/pamong/gui/sync/an-account-with-a-one-time-code-logs-in-with-the-code",
                   test_login_with_a_one_time_code);

  the_app = pamong_app_new ();
  g_application_set_flags (G_APPLICATION (the_app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (the_app, "activate", G_CALLBACK (run_tests_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (the_app), 1, app_argv), ==, 0);
  g_assert_finalize_object (the_app);

  pamong_test_server_free (the_server);
  g_free (server_url);
  gui_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return test_result;
}
