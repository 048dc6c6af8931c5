/* pamong-server-main.c — the pamong-server command
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-server"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <glib-unix.h>

#include "pamong-collections.h"
#include "pamong-demo.h"
#include "pamong-error.h"
#include "pamong-query.h"
#include "pamong-store.h"

#include "pamong-server.h"
#include "pamong-server-auth.h"
#include "pamong-server-records.h"
#include "pamong-server-schema.h"
#include "pamong-server-totp.h"

#define DEFAULT_LISTEN "127.0.0.1:8080"

/* Exit statuses, documented in --help. */
enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

static char *opt_db;
static char *opt_listen;
static char *opt_demo;
static char *opt_tls_cert;
static char *opt_tls_key;
static char *opt_scan_command;
static gboolean opt_version;
static char *opt_add_user;
static char *opt_role;
static char *opt_unit;
static char *opt_enroll_totp;
static char *opt_reset_totp;

static const GOptionEntry entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db,
    N_("The SQLite database to serve; created if missing"), N_("PATH") },
  { "listen", 0, 0, G_OPTION_ARG_STRING, &opt_listen,
    N_("Where to listen: HOST:PORT, [IPV6]:PORT or localhost:PORT; port 0 picks a free port "
       "(default 127.0.0.1:8080)"), N_("ADDRESS") },
  { "demo", 0, 0, G_OPTION_ARG_STRING, &opt_demo,
    N_("Seed an empty database with a demo dataset (only “blora”); loopback addresses only"),
    N_("NAME") },
  { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &opt_tls_cert,
    N_("Serve HTTPS with this PEM certificate (chain); needs --tls-key"), N_("FILE") },
  { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &opt_tls_key,
    N_("The PEM private key of the --tls-cert certificate"), N_("FILE") },
  { "scan-command", 0, 0, G_OPTION_ARG_STRING, &opt_scan_command,
    N_("Scan every uploaded file with this command, given the file on its standard input; "
       "exit status 0 stores it, 1 refuses it as infected, anything else refuses it as "
       "unchecked (e.g. “clamdscan --no-summary --fdpass -”)"), N_("COMMAND") },
  { "add-user", 0, 0, G_OPTION_ARG_STRING, &opt_add_user,
    N_("Create or update the account NAME with the password read from standard input, "
       "then exit; needs --role"), N_("NAME") },
  { "role", 0, 0, G_OPTION_ARG_STRING, &opt_role,
    N_("The role of --add-user: admin, operator, assessor or viewer"), N_("ROLE") },
  { "unit", 0, 0, G_OPTION_ARG_STRING, &opt_unit,
    N_("The unit of --add-user, by uuid or code (e.g. OPD.07); operators need one"),
    N_("UNIT") },
  { "enroll-totp", 0, 0, G_OPTION_ARG_STRING, &opt_enroll_totp,
    N_("Give the account NAME a new one-time-code (TOTP) secret, print it for an "
       "authenticator app, then exit; the admin routes need it"), N_("NAME") },
  { "reset-totp", 0, 0, G_OPTION_ARG_STRING, &opt_reset_totp,
    N_("Remove the one-time-code (TOTP) secret of the account NAME, then exit"),
    N_("NAME") },
  { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static gboolean
on_quit_signal (gpointer user_data)
{
  GMainLoop *loop = user_data;

  g_main_loop_quit (loop);

  return G_SOURCE_CONTINUE;
}

static char *
default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "pamong-server", "pamong-server.db", NULL);
}

/* Counts tombstones too: a store that ever held data is not empty. */
static gboolean
store_is_empty (PamongStore  *store,
                gboolean     *empty,
                GError      **error)
{
  const GType *types;
  guint n_types = 0;

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(PamongQuery) query = pamong_query_new (types[i]);
      g_autoptr(GError) local_error = NULL;
      guint count;

      pamong_query_set_include_deleted (query, TRUE);
      count = pamong_store_count (store, query, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (count > 0)
        {
          *empty = FALSE;
          return TRUE;
        }
    }

  *empty = TRUE;
  return TRUE;
}

static gboolean
seed_demo (PamongStore  *store,
           GError      **error)
{
  g_autoptr(GPtrArray) records = NULL;
  PamongDemoOptions options;
  gboolean empty = FALSE;

  if (!store_is_empty (store, &empty, error))
    return FALSE;

  if (!empty)
    {
      g_print ("%s\n", _("The database already holds data; the demo dataset was not added."));
      return TRUE;
    }

  pamong_demo_options_init (&options);
  options.size = PAMONG_DEMO_SIZE_DEMO;

  g_print ("%s\n", _("Adding the Kabupaten Blora demo dataset…"));
  records = pamong_demo_generate_records (&options, error);
  /* Seeded as the server writes: every demo record gets a rev, so the
   * change feed serves the whole dataset. */
  return records != NULL && pamong_server_records_seed (store, records, error);
}

/* Reads one line from standard input, without its line end; NULL at EOF. */
static char *
read_password (void)
{
  g_autoptr(GString) line = g_string_new (NULL);
  int c;

  while ((c = getc (stdin)) != EOF && c != '\n')
    {
      if (line->len >= 4096)
        break;
      g_string_append_c (line, (char) c);
    }
  if (c == EOF && line->len == 0)
    return NULL;
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);

  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* --add-user NAME --role ROLE [--unit UNIT]: returns the exit status. */
static int
add_user (PamongStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  PamongRole role = PAMONG_ROLE_VIEWER;
  gboolean created = FALSE;

  pamong_server_role_from_string (opt_role, &role);

  if (isatty (fileno (stdin)))
    {
      /* Translators: %s is an account name. */
      g_printerr (_("Password for %s (at least %d characters; it is shown as typed): "),
                  opt_add_user, PAMONG_SERVER_PASSWORD_MIN_LENGTH);
    }

  password = read_password ();
  if (password == NULL)
    {
      g_printerr ("pamong-server: %s\n",
                  _("--add-user reads the password from standard input, but it was empty."));
      return EXIT_USAGE;
    }

  if (!pamong_server_users_put (store, opt_add_user, password, role, opt_unit, &created,
                                &error))
    {
      g_printerr ("pamong-server: %s\n", error->message);
      return g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA) ||
             g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD) ||
             g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_CONFLICT)
             ? EXIT_USAGE : EXIT_FAILED;
    }

  /* Translators: the first %s is an account name, the second a role
   * such as "operator" (not translated: it is what --role takes). */
  g_print (created ? _("Created the account %s with the role %s.")
                   : _("Updated the account %s; its role is %s."),
           opt_add_user, pamong_server_role_to_string (role));
  g_print ("\n");

  return EXIT_OK;
}

/* --enroll-totp NAME: returns the exit status. */
static int
enroll_totp (PamongStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *uri = NULL;

  secret = pamong_server_totp_enroll (store, opt_enroll_totp, &error);
  if (secret == NULL)
    {
      g_printerr ("pamong-server: %s\n", error->message);
      return g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND)
             ? EXIT_USAGE : EXIT_FAILED;
    }
  uri = pamong_server_totp_uri (opt_enroll_totp, secret);

  /* Translators: %s is an account name. The secret and the otpauth://
   * URI follow on lines of their own. */
  g_print (_("New one-time-code secret of %s; add it to an authenticator app "
             "(the URI as a QR code, or the secret by hand), then log in with "
             "the app’s code:"), opt_enroll_totp);
  g_print ("\n%s\n%s\n", secret, uri);

  return EXIT_OK;
}

/* --reset-totp NAME: returns the exit status. */
static int
reset_totp (PamongStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean removed = FALSE;

  if (!pamong_server_totp_reset (store, opt_reset_totp, &removed, &error))
    {
      g_printerr ("pamong-server: %s\n", error->message);
      return g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND)
             ? EXIT_USAGE : EXIT_FAILED;
    }

  /* Translators: %s is an account name. */
  g_print (removed ? _("Removed the one-time-code secret of %s.")
                   : _("%s had no one-time-code secret."),
           opt_reset_totp);
  g_print ("\n");

  return EXIT_OK;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(PamongStore) store = NULL;
  g_autoptr(PamongServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *description = NULL;
  g_autofree char *default_db = NULL;
  g_autofree char *listen_host = NULL;
  g_autoptr(GTlsCertificate) tls_certificate = NULL;
  g_auto(GStrv) scan_argv = NULL;
  const char *localedir;
  const char *listen_address;
  guint sigint_id;
  guint sigterm_id;

  /* HTTPS with TLS 1.2 or newer only: GnuTLS's defaults still accept 1.0
   * and 1.1. glib-networking reads this once, before its first TLS
   * connection, so it is set before anything else runs; an operator's
   * own G_TLS_GNUTLS_PRIORITY wins. */
  g_setenv ("G_TLS_GNUTLS_PRIORITY", PAMONG_SERVER_TLS_PRIORITY, FALSE);

  setlocale (LC_ALL, "");
  localedir = g_getenv ("PAMONG_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("pamong-server");

  default_db = default_database_path ();
  /* Translators: %s is the default database file, e.g.
   * /home/user/.local/share/pamong-server/pamong-server.db */
  description = g_strdup_printf (_("Without --db the database is %s.\n"
                                   "\n"
                                   "With --tls-cert and --tls-key it serves HTTPS instead "
                                   "of HTTP.\n"
                                   "\n"
                                   "Exit status: 0 after SIGINT or SIGTERM, 1 when the database, "
                                   "the certificate or the address fails, 2 for wrong options."),
                                 default_db);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Serve Pamong’s SPBE data over HTTP: the reference "
                                           "service the Pamong app synchronises with."));
  g_option_context_set_description (context, description);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("pamong-server: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (opt_version)
    {
      g_print ("pamong-server %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (argc > 1)
    {
      g_printerr ("pamong-server: %s\n", _("Unexpected argument; see --help."));
      return EXIT_USAGE;
    }

  if ((opt_add_user != NULL) + (opt_enroll_totp != NULL) + (opt_reset_totp != NULL) > 1)
    {
      g_printerr ("pamong-server: %s\n",
                  _("Give one of --add-user, --enroll-totp and --reset-totp at a time."));
      return EXIT_USAGE;
    }
  if (opt_add_user == NULL && (opt_role != NULL || opt_unit != NULL))
    {
      g_printerr ("pamong-server: %s\n", _("--role and --unit go with --add-user NAME."));
      return EXIT_USAGE;
    }
  if (opt_add_user != NULL && !pamong_server_role_from_string (opt_role, NULL))
    {
      g_printerr ("pamong-server: %s\n",
                  _("--add-user needs --role admin, operator, assessor or viewer."));
      return EXIT_USAGE;
    }

  listen_address = opt_listen != NULL ? opt_listen : DEFAULT_LISTEN;
  if (!pamong_server_parse_address (listen_address, &listen_host, NULL, &error))
    {
      g_printerr ("pamong-server: %s\n", error->message);
      return EXIT_USAGE;
    }

  if ((opt_tls_cert == NULL) != (opt_tls_key == NULL))
    {
      g_printerr ("pamong-server: %s\n",
                  _("--tls-cert and --tls-key go together: give both to serve HTTPS, "
                    "or neither for plain HTTP."));
      return EXIT_USAGE;
    }

  if (opt_tls_cert != NULL)
    {
      tls_certificate = g_tls_certificate_new_from_files (opt_tls_cert, opt_tls_key, &error);
      if (tls_certificate == NULL)
        {
          g_printerr ("pamong-server: ");
          /* Translators: the first two %s are file names, the last the reason. */
          g_printerr (_("Cannot load the TLS certificate %s with the key %s: %s"),
                      opt_tls_cert, opt_tls_key, error->message);
          g_printerr ("\n");
          return EXIT_FAILED;
        }
    }

  if (opt_scan_command != NULL)
    {
      g_autofree char *program = NULL;

      if (!g_shell_parse_argv (opt_scan_command, NULL, &scan_argv, &error))
        {
          g_printerr ("pamong-server: ");
          /* Translators: %s is the reason, e.g. "Text was empty". */
          g_printerr (_("--scan-command needs a command: %s"), error->message);
          g_printerr ("\n");
          return EXIT_USAGE;
        }
      program = g_find_program_in_path (scan_argv[0]);
      if (program == NULL)
        {
          g_printerr ("pamong-server: ");
          /* Translators: %s is a program's name, e.g. clamdscan. */
          g_printerr (_("The --scan-command program %s was not found or cannot be run."),
                      scan_argv[0]);
          g_printerr ("\n");
          return EXIT_USAGE;
        }
    }

  if (opt_demo != NULL)
    {
      if (g_strcmp0 (opt_demo, "blora") != 0)
        {
          g_printerr ("pamong-server: ");
          /* Translators: %s is what the user gave to --demo. */
          g_printerr (_("There is no demo dataset called “%s”; the only one is “blora”."),
                      opt_demo);
          g_printerr ("\n");
          return EXIT_USAGE;
        }

      /* The demo dataset is invented but looks real (names, NIKs,
       * addresses); it must not be served to a network. */
      if (!pamong_server_host_is_loopback (listen_host))
        {
          g_printerr ("pamong-server: ");
          /* Translators: %s is a listen address such as 0.0.0.0:8080. */
          g_printerr (_("Refusing to serve the demo dataset on %s: demo mode listens on "
                        "a loopback address only (127.0.0.1, [::1] or localhost)."),
                      listen_address);
          g_printerr ("\n");
          return EXIT_USAGE;
        }
    }

  if (opt_db != NULL)
    {
      db_path = g_strdup (opt_db);
    }
  else
    {
      g_autofree char *dir = g_path_get_dirname (default_db);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_printerr ("pamong-server: ");
          /* Translators: the first %s is a folder, the second the system's reason. */
          g_printerr (_("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
          g_printerr ("\n");
          return EXIT_FAILED;
        }
      db_path = g_strdup (default_db);
    }

  store = pamong_server_open_store (db_path, &error);
  if (store == NULL)
    {
      g_printerr ("pamong-server: %s\n", error->message);
      return EXIT_FAILED;
    }

  if (opt_enroll_totp != NULL || opt_reset_totp != NULL)
    {
      int status = opt_enroll_totp != NULL ? enroll_totp (store) : reset_totp (store);

      g_clear_object (&store);
      g_clear_pointer (&opt_enroll_totp, g_free);
      g_clear_pointer (&opt_reset_totp, g_free);
      return status;
    }

  if (opt_add_user != NULL)
    {
      int status = add_user (store);

      g_clear_object (&store);
      g_clear_pointer (&opt_add_user, g_free);
      g_clear_pointer (&opt_role, g_free);
      g_clear_pointer (&opt_unit, g_free);
      return status;
    }

  if (opt_demo != NULL && !seed_demo (store, &error))
    {
      g_printerr ("pamong-server: %s\n", error->message);
      return EXIT_FAILED;
    }

  /* The demo accounts, (re)set to the demo password on every start. */
  if (opt_demo != NULL && !pamong_server_users_add_demo (store, &error))
    {
      g_printerr ("pamong-server: %s\n", error->message);
      return EXIT_FAILED;
    }

  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, on_quit_signal, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, on_quit_signal, loop);

  server = pamong_server_new (store);
  pamong_server_set_demo (server, opt_demo != NULL);
  if (tls_certificate != NULL)
    pamong_server_set_tls_certificate (server, tls_certificate);
  pamong_server_set_scan_command (server, (const char * const *) scan_argv);

  if (!pamong_server_listen (server, listen_address, &error))
    {
      g_printerr ("pamong-server: %s\n", error->message);
      g_source_remove (sigint_id);
      g_source_remove (sigterm_id);
      return EXIT_FAILED;
    }

  /* Translators: %s is a URL such as http://127.0.0.1:8080/; keep it at
   * the end of the line, scripts read it from there. */
  g_print (_("pamong-server listening on %s"), pamong_server_get_uri (server));
  g_print ("\n");
  if (opt_demo != NULL)
    {
      /* Translators: the first four %s are account names (admin,
       * operator, asesor, viewer), the last their password. */
      g_print (_("Demo accounts: %s, %s (Dinkominfo), %s (assessor) and %s; "
                 "the password of each is “%s”."),
               "admin", "operator", "asesor", "viewer", PAMONG_SERVER_DEMO_PASSWORD);
      g_print ("\n");
    }
  if (opt_demo != NULL)
    g_print ("%s\n", _("This is a demo: the data is invented, and the server answers on "
                       "this computer only."));
  fflush (stdout);

  g_main_loop_run (loop);

  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);
  pamong_server_disconnect (server);
  g_clear_object (&server);
  g_clear_object (&store);

  g_clear_pointer (&opt_db, g_free);
  g_clear_pointer (&opt_listen, g_free);
  g_clear_pointer (&opt_demo, g_free);
  g_clear_pointer (&opt_tls_cert, g_free);
  g_clear_pointer (&opt_tls_key, g_free);
  g_clear_pointer (&opt_scan_command, g_free);

  return EXIT_OK;
}
