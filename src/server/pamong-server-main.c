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

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <glib-unix.h>

#include "pamong-collections.h"
#include "pamong-demo.h"
#include "pamong-query.h"
#include "pamong-store.h"

#include "pamong-server.h"
#include "pamong-server-schema.h"

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
static gboolean opt_version;

static const GOptionEntry entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db,
    N_("The SQLite database to serve; created if missing"), N_("PATH") },
  { "listen", 0, 0, G_OPTION_ARG_STRING, &opt_listen,
    N_("Where to listen: HOST:PORT, [IPV6]:PORT or localhost:PORT; port 0 picks a free port "
       "(default 127.0.0.1:8080)"), N_("ADDRESS") },
  { "demo", 0, 0, G_OPTION_ARG_STRING, &opt_demo,
    N_("Seed an empty database with a demo dataset (only “blora”); loopback addresses only"),
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
  return pamong_demo_generate (store, &options, error);
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
  const char *localedir;
  const char *listen_address;
  guint sigint_id;
  guint sigterm_id;

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
                                   "Exit status: 0 after SIGINT or SIGTERM, 1 when the database "
                                   "or the address fails, 2 for wrong options."),
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

  listen_address = opt_listen != NULL ? opt_listen : DEFAULT_LISTEN;
  if (!pamong_server_parse_address (listen_address, &listen_host, NULL, &error))
    {
      g_printerr ("pamong-server: %s\n", error->message);
      return EXIT_USAGE;
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

  if (opt_demo != NULL && !seed_demo (store, &error))
    {
      g_printerr ("pamong-server: %s\n", error->message);
      return EXIT_FAILED;
    }

  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, on_quit_signal, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, on_quit_signal, loop);

  server = pamong_server_new (store);
  pamong_server_set_demo (server, opt_demo != NULL);

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

  return EXIT_OK;
}
