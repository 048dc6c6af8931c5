/* server-process.h — the real pamong-server in a process of its own on
 * loopback, for the sync benchmark and the soak test
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  GSubprocess *process;
  char        *url;       /* "http://127.0.0.1:<port>" */
} ServerProcess;

/* Makes @path with @make_db (make-bench-db or make-demo-db) unless it
 * exists; the database is built aside and renamed, so an interrupted
 * seeding leaves nothing half-made. */
void           server_process_seed_once   (const char     *make_db,
                                           const char     *path);

/* Starts @server_exe on a free loopback port over the database @db (fast
 * password hashing, as in every test) and waits until it answers; its log
 * goes to stderr only with @verbose. */
ServerProcess *server_process_start       (const char     *server_exe,
                                           const char     *db,
                                           gboolean        verbose);
/* Logs in over HTTP; returns the session token. */
char          *server_process_login       (ServerProcess  *server,
                                           const char     *username,
                                           const char     *password);
/* The resident set size of the server process, in KiB (0 if gone). */
guint64        server_process_get_rss_kib (ServerProcess  *server);
/* How many file descriptors the server process has open (0 if gone). */
guint          server_process_get_n_fds   (ServerProcess  *server);
/* The CPU time the server process has used so far, user and system, in
 * seconds (0 if gone). */
double         server_process_get_cpu_seconds (ServerProcess *server);
/* SIGTERM, and waits for a clean exit; FALSE if it did not exit with 0. */
gboolean       server_process_stop        (ServerProcess  *server);
void           server_process_free        (ServerProcess  *server);

/* Runs @argv to its end with @stdin_text on its standard input; aborts
 * with its standard error when it fails. Returns its wall time in s. */
double         run_command                (const char * const *argv,
                                           const char         *stdin_text);

/* Copies @from to @to (both paths). */
void           copy_file                  (const char     *from,
                                           const char     *to);
/* Removes @dir and the files in it. */
void           remove_dir                 (const char     *dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ServerProcess, server_process_free)

G_END_DECLS
