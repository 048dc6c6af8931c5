/* pamong-server-scan.c — the malware scan of an upload, in a child process
 *
 * The scanner is the command of #PamongServer:scan-command, run once per
 * upload with the content on its standard input (ClamAV's `clamdscan -`
 * and `clamscan -` read it so). Its exit status is the verdict: 0 clean,
 * 1 infected, anything else a failure; so is a crash, and so is no answer
 * within #PamongServer:scan-timeout, after which its whole process group
 * is killed (it runs in a group of its own, so a shell wrapper's children
 * go too). The server fails closed: only 0 lets an upload in.
 *
 * Everything runs on the main context through GSubprocess's asynchronous
 * calls; no thread waits. At most #PAMONG_SERVER_MAX_SCANS scans run at
 * once per server: a scanner costs a process and often a second of CPU,
 * and uploads arrive in bursts when clients come back online. One more is
 * not queued but answered BUSY at once (the handler makes it a 503 with
 * Retry-After, which the sync client already waits out and retries), so
 * nothing piles up in memory behind a slow scanner.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-server"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <gio/gio.h>

#include "pamong-server-scan.h"

/* The first line of the scanner's output goes to the log with a refusal
 * (ClamAV names the signature there); this much of it at most. */
#define OUTPUT_MAX 200

typedef struct
{
  guint running;
} ScanState;

typedef struct
{
  ScanState    *state;        /* the server's; the task keeps the server */
  GSubprocess  *process;
  GCancellable *cancellable;  /* cancelled when the time is up */
  GSource      *timer;
  pid_t         pid;          /* also the id of the scanner's process group */
  gboolean      counted;      /* in state->running */
  gboolean      timed_out;
  guint         timeout;
  char         *output;       /* the first line of what the scanner said */
  char         *detail;       /* why, for the log */
} Scan;

static ScanState *
get_state (PamongServer *server)
{
  ScanState *state = g_object_get_data (G_OBJECT (server), "pamong-server-scan-state");

  if (state == NULL)
    {
      state = g_new0 (ScanState, 1);
      g_object_set_data_full (G_OBJECT (server), "pamong-server-scan-state", state, g_free);
    }

  return state;
}

static void
scan_free (gpointer data)
{
  Scan *scan = data;

  g_assert (!scan->counted);

  if (scan->timer != NULL)
    {
      g_source_destroy (scan->timer);
      g_source_unref (scan->timer);
    }
  g_clear_object (&scan->process);
  g_clear_object (&scan->cancellable);
  g_free (scan->output);
  g_free (scan->detail);
  g_free (scan);
}

/* Ends the scan with @verdict; takes the reference on @task. */
static void
scan_return (GTask                   *task,
             PamongServerScanVerdict  verdict)
{
  Scan *scan = g_task_get_task_data (task);

  if (scan->timer != NULL)
    {
      g_source_destroy (scan->timer);
      g_clear_pointer (&scan->timer, g_source_unref);
    }
  if (scan->counted)
    {
      g_assert (scan->state->running > 0);
      scan->state->running--;
      scan->counted = FALSE;
    }

  g_task_return_int (task, verdict);
  g_object_unref (task);
}

static void
scan_return_timed_out (GTask *task)
{
  Scan *scan = g_task_get_task_data (task);

  g_free (scan->detail);
  scan->detail = g_strdup_printf ("no answer within %u s; the scanner was killed", scan->timeout);
  scan_return (task, PAMONG_SERVER_SCAN_FAILED);
}

/* In the child, before exec: a process group of its own, so that the time
 * limit kills what a wrapper script started as well. */
static void
scan_child_setup (gpointer user_data)
{
  setpgid (0, 0);
}

static gboolean
on_scan_timeout (gpointer user_data)
{
  Scan *scan = user_data;

  scan->timed_out = TRUE;
  if (scan->pid > 0)
    kill (-scan->pid, SIGKILL);
  /* Should the group be gone already, the scanner itself at least. */
  g_subprocess_force_exit (scan->process);
  g_cancellable_cancel (scan->cancellable);

  return G_SOURCE_REMOVE;
}

static void
scan_keep_output (Scan   *scan,
                  GBytes *output)
{
  const char *data;
  gsize length;
  gsize end = 0;

  if (output == NULL)
    return;

  data = g_bytes_get_data (output, &length);
  while (end < length && end < OUTPUT_MAX && data[end] != '\n' && data[end] != '\0')
    end++;
  if (end == 0)
    return;

  g_free (scan->output);
  scan->output = g_utf8_make_valid (data, end);
  g_strstrip (scan->output);
}

/* The verdict of a scanner that has exited; takes the reference on @task. */
static void
scan_judge (GTask *task)
{
  Scan *scan = g_task_get_task_data (task);
  PamongServerScanVerdict verdict = PAMONG_SERVER_SCAN_FAILED;
  g_autofree char *how = NULL;

  if (g_subprocess_get_if_exited (scan->process))
    {
      int status = g_subprocess_get_exit_status (scan->process);

      if (status == 0)
        verdict = PAMONG_SERVER_SCAN_CLEAN;
      else if (status == 1)
        verdict = PAMONG_SERVER_SCAN_INFECTED;
      how = g_strdup_printf ("exit status %d", status);
    }
  else if (g_subprocess_get_if_signaled (scan->process))
    {
      how = g_strdup_printf ("killed by signal %d", g_subprocess_get_term_sig (scan->process));
    }
  else
    {
      how = g_strdup ("ended abnormally");
    }

  g_free (scan->detail);
  if (scan->output != NULL && *scan->output != '\0')
    scan->detail = g_strdup_printf ("%s: %s", how, scan->output);
  else
    scan->detail = g_steal_pointer (&how);

  scan_return (task, verdict);
}

static void
on_scan_waited (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  Scan *scan = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_wait_finish (scan->process, result, &error))
    {
      if (scan->timed_out)
        {
          scan_return_timed_out (task);
          return;
        }
      g_free (scan->detail);
      scan->detail = g_strdup_printf ("could not wait for the scanner: %s", error->message);
      scan_return (task, PAMONG_SERVER_SCAN_FAILED);
      return;
    }

  scan_judge (task);
}

static void
on_scan_communicated (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GTask *task = user_data;
  Scan *scan = g_task_get_task_data (task);
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_communicate_finish (scan->process, result, &output, NULL, &error))
    {
      if (scan->timed_out)
        {
          scan_return_timed_out (task);
          return;
        }

      /* A scanner may answer (or fail) without reading all of its input,
       * so writing to it fails with a broken pipe: its exit status still
       * decides, and the time limit still holds while we wait for it. */
      g_debug ("Talking to the scanner failed: %s", error->message);
      g_subprocess_wait_async (scan->process, scan->cancellable, on_scan_waited, task);
      return;
    }

  scan_keep_output (scan, output);
  scan_judge (task);
}

/**
 * pamong_server_scan_async:
 * @server: a server with a #PamongServer:scan-command
 * @content: the upload
 * @callback: called on the current thread-default main context
 * @user_data: data for @callback
 *
 * Runs the server's scanner over @content; see the top of this file.
 */
void
pamong_server_scan_async (PamongServer        *server,
                          GBytes              *content,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *argv;
  const char *identifier;
  GTask *task;
  Scan *scan;

  g_return_if_fail (PAMONG_IS_SERVER (server));
  g_return_if_fail (content != NULL);

  argv = pamong_server_get_scan_command (server);
  g_return_if_fail (argv != NULL && argv[0] != NULL);

  task = g_task_new (server, NULL, callback, user_data);
  g_task_set_source_tag (task, pamong_server_scan_async);
  g_task_set_name (task, "[pamong-server] scan");
  scan = g_new0 (Scan, 1);
  scan->state = get_state (server);
  scan->timeout = pamong_server_get_scan_timeout (server);
  g_task_set_task_data (task, scan, scan_free);

  if (scan->state->running >= PAMONG_SERVER_MAX_SCANS)
    {
      scan->detail = g_strdup_printf ("%u scans are running already", scan->state->running);
      scan_return (task, PAMONG_SERVER_SCAN_BUSY);
      return;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_child_setup (launcher, scan_child_setup, NULL, NULL);
  scan->process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (scan->process == NULL)
    {
      scan->detail = g_strdup_printf ("the scanner did not start: %s", error->message);
      scan_return (task, PAMONG_SERVER_SCAN_FAILED);
      return;
    }

  identifier = g_subprocess_get_identifier (scan->process);
  if (identifier != NULL)
    scan->pid = (pid_t) g_ascii_strtoll (identifier, NULL, 10);

  scan->state->running++;
  scan->counted = TRUE;
  scan->cancellable = g_cancellable_new ();
  scan->timer = g_timeout_source_new_seconds (scan->timeout);
  g_source_set_static_name (scan->timer, "[pamong-server] scan time limit");
  g_source_set_callback (scan->timer, on_scan_timeout, scan, NULL);
  g_source_attach (scan->timer, g_task_get_context (task));

  g_subprocess_communicate_async (scan->process, content, scan->cancellable,
                                  on_scan_communicated, task);
}

/**
 * pamong_server_scan_finish:
 * @server: the server
 * @result: the result given to the callback
 * @detail: (out) (optional) (transfer full): what the scanner said or how
 *   it failed, for the log (not for clients), or %NULL
 *
 * Returns: the verdict
 */
PamongServerScanVerdict
pamong_server_scan_finish (PamongServer  *server,
                           GAsyncResult  *result,
                           char         **detail)
{
  Scan *scan;

  g_return_val_if_fail (g_task_is_valid (result, server), PAMONG_SERVER_SCAN_FAILED);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pamong_server_scan_async,
                        PAMONG_SERVER_SCAN_FAILED);

  scan = g_task_get_task_data (G_TASK (result));
  if (detail != NULL)
    *detail = g_steal_pointer (&scan->detail);

  return (PamongServerScanVerdict) g_task_propagate_int (G_TASK (result), NULL);
}
