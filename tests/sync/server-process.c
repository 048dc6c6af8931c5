/* server-process.c — the real pamong-server in a process of its own
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "server-process.h"
#include "server-test-util.h"

double
run_command (const char * const *argv,
             const char         *stdin_text)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  gint64 start = g_get_monotonic_time ();

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE |
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  if (process == NULL ||
      !g_subprocess_communicate_utf8 (process, stdin_text, NULL, NULL, &err, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed: %s", argv[0], err);

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("Could not copy %s to %s: %s", from, to, error->message);
}

void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}

void
server_process_seed_once (const char *make_db,
                          const char *path)
{
  g_autofree char *partial = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  partial = g_strconcat (path, ".partial", NULL);
  g_print ("Seeding the server database %s (once)…\n", path);
  g_unlink (partial);
  g_setenv ("PAMONG_SERVER_FAST_HASH", "1", TRUE);
  {
    const char * const argv[] = { make_db, partial, NULL };

    run_command (argv, NULL);
  }
  if (g_rename (partial, path) != 0)
    g_error ("Could not rename %s: %s", partial, g_strerror (errno));
}

static guint16
free_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  if (socket == NULL ||
      !g_socket_bind (socket, address, TRUE, &error) ||
      (bound = g_socket_get_local_address (socket, &error)) == NULL)
    g_error ("No free loopback port: %s", error->message);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* The server dies with the process that started it, even one killed by a
 * test timeout (it would otherwise hold the test's output open). */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

ServerProcess *
server_process_start (const char *server_exe,
                      const char *db,
                      gboolean    verbose)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (verbose ? G_SUBPROCESS_FLAGS_NONE
                                       : G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", free_port ());
  g_autofree char *status_url = NULL;
  ServerProcess *server = g_new0 (ServerProcess, 1);

  g_subprocess_launcher_setenv (launcher, "PAMONG_SERVER_FAST_HASH", "1", TRUE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  server->process = g_subprocess_launcher_spawn (launcher, &error, server_exe, "--db", db,
                                                 "--listen", listen, NULL);
  if (server->process == NULL)
    g_error ("%s: %s", server_exe, error->message);
  server->url = g_strdup_printf ("http://%s", listen);

  /* Up when its status answers (it may be migrating a large database). */
  status_url = g_strconcat (server->url, "/api/v1/status", NULL);
  for (guint i = 0; ; i++)
    {
      g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 10, NULL);
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", status_url);
      g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, NULL);

      if (body != NULL && soup_message_get_status (msg) == 200)
        break;
      if (i == 1200 || g_subprocess_get_identifier (server->process) == NULL)
        g_error ("pamong-server did not start on %s", listen);
      g_usleep (50000);
    }

  return server;
}

char *
server_process_login (ServerProcess *server,
                      const char    *username,
                      const char    *password)
{
  g_autofree char *url = g_strconcat (server->url, "/api/v1/auth/login", NULL);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 60, NULL);
  g_autoptr(SoupMessage) msg = pamong_test_login_message_for_uri (url, username, password);
  g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *answer;

  if (body == NULL || soup_message_get_status (msg) != 200 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    g_error ("Login of %s failed (HTTP %u)", username, soup_message_get_status (msg));

  answer = json_node_get_object (json_parser_get_root (parser));
  return g_strdup (json_object_get_string_member (answer, "token"));
}

guint64
server_process_get_rss_kib (ServerProcess *server)
{
  const char *id = g_subprocess_get_identifier (server->process);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *line;

  if (id == NULL)
    return 0;
  path = g_strdup_printf ("/proc/%s/status", id);
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  line = strstr (text, "\nVmRSS:");
  return line != NULL ? g_ascii_strtoull (line + strlen ("\nVmRSS:"), NULL, 10) : 0;
}

guint
server_process_get_n_fds (ServerProcess *server)
{
  const char *id = g_subprocess_get_identifier (server->process);
  g_autofree char *path = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n = 0;

  if (id == NULL)
    return 0;
  path = g_strdup_printf ("/proc/%s/fd", id);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

double
server_process_get_cpu_seconds (ServerProcess *server)
{
  const char *id = g_subprocess_get_identifier (server->process);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (id == NULL)
    return 0;
  path = g_strdup_printf ("/proc/%s/stat", id);
  if (!g_file_get_contents (path, &text, NULL, NULL) ||
      (after_name = strrchr (text, ')')) == NULL)
    return 0;

  /* After "pid (name) ": state is field 3, utime 14 and stime 15. */
  fields = g_strsplit (after_name + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return 0;
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL))
         / (double) sysconf (_SC_CLK_TCK);
}

gboolean
server_process_stop (ServerProcess *server)
{
  g_autoptr(GError) error = NULL;

  if (g_subprocess_get_identifier (server->process) == NULL)
    return FALSE;
  g_subprocess_send_signal (server->process, SIGTERM);
  if (!g_subprocess_wait (server->process, NULL, &error))
    return FALSE;
  return g_subprocess_get_if_exited (server->process) &&
         g_subprocess_get_exit_status (server->process) == 0;
}

void
server_process_free (ServerProcess *server)
{
  if (g_subprocess_get_identifier (server->process) != NULL)
    {
      g_subprocess_force_exit (server->process);
      g_subprocess_wait (server->process, NULL, NULL);
    }
  g_object_unref (server->process);
  g_free (server->url);
  g_free (server);
}
