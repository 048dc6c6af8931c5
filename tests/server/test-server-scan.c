/* test-server-scan.c — uploads go through a malware scanner (OWASP ASVS
 * 12.4.2): clean ones are stored, infected ones refused, and a scanner
 * that fails, hangs or is too busy refuses them too; the server answers
 * other requests while it scans
 *
 * The scanners are stand-ins (sh, grep) that follow ClamAV's convention:
 * the content on standard input, exit status 0 clean, 1 infected.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "server-test-util.h"

#define API "/api/v1"

/* The EICAR test file: every scanner reports it, nothing runs it. */
#define EICAR "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"

/* Infected when the input holds the EICAR marker, else clean. */
static const char * const grep_scanner[] = {
  "sh", "-c", "if grep -q EICAR-STANDARD-ANTIVIRUS-TEST-FILE; then "
              "echo 'stdin: Eicar-Test-Signature FOUND'; exit 1; fi", NULL
};

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static GPtrArray *captured_log;

/* The log line of the refusal of @sha256, or NULL. */
static const char *
refusal_line (const char *sha256)
{
  for (guint i = 0; i < captured_log->len; i++)
    {
      const char *line = g_ptr_array_index (captured_log, i);

      if (g_str_has_prefix (line, "Refused the upload of blob ") && strstr (line, sha256) != NULL)
        return line;
    }
  return NULL;
}

static char *
blob_path (const char *content,
           gsize       length)
{
  g_autofree char *hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                      (const guchar *) content, length);

  return g_strconcat (API "/blobs/", hash, NULL);
}

/* The upload of @content was refused and logged, with @reason. */
static void
assert_refusal_logged (const char *content,
                       const char *reason)
{
  g_autofree char *path = blob_path (content, strlen (content));
  const char *line = refusal_line (path + strlen (API "/blobs/"));

  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, reason));
}

static PamongTestResponse *
upload (PamongTestServer *ts,
        const char       *token,
        const char       *content)
{
  g_autofree char *path = blob_path (content, strlen (content));

  return pamong_test_request_full (ts, SOUP_METHOD_PUT, path, token, "application/octet-stream",
                                   content, -1, NULL);
}

static void
assert_not_stored (PamongTestServer *ts,
                   const char       *token,
                   const char       *content)
{
  g_autofree char *path = blob_path (content, strlen (content));
  g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET, path,
                                                                token, NULL);

  pamong_test_response_assert_error (response, SOUP_STATUS_NOT_FOUND, "not-found");
}

static void
assert_stored (PamongTestServer *ts,
               const char       *token,
               const char       *content)
{
  g_autofree char *path = blob_path (content, strlen (content));
  g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET, path,
                                                                token, NULL);
  g_autoptr(GBytes) expected = g_bytes_new_static (content, strlen (content));

  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  g_assert_true (g_bytes_equal (response->body, expected));
}

/* A scanner that says it started (a file in @dir), then waits until the
 * test creates @dir/go and calls everything clean; it gives up waiting
 * after 30 s, so a failed test leaves nothing behind for long. */
static char **
waiting_scanner (const char *dir)
{
  const char *argv[] = {
    "sh", "-c",
    "cat >/dev/null; touch \"$0/started-$$\"; i=0; "
    "while [ ! -e \"$0/go\" ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done",
    dir, NULL
  };

  return g_strdupv ((char **) argv);
}

static guint
count_started (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "started-"))
      count++;
  return count;
}

static void
wait_for_started (const char *dir,
                  guint       n)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (count_started (dir) < n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
}

static void
release_scanners (const char *dir)
{
  g_autofree char *go = g_build_filename (dir, "go", NULL);

  g_assert_true (g_file_set_contents (go, "", 0, NULL));
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

typedef struct
{
  SoupMessage *msg;
  GBytes      *body;
  gboolean     done;
} Upload;

static void
on_upload_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Upload *up = user_data;
  g_autoptr(GError) error = NULL;

  up->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
  up->done = TRUE;
}

/* Sends an upload of @content without waiting for it. */
static void
upload_start (PamongTestServer *ts,
              SoupSession      *session,
              const char       *token,
              const char       *content,
              Upload           *up)
{
  g_autofree char *path = blob_path (content, strlen (content));
  g_autofree char *uri = pamong_test_server_uri (ts, path);
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(GBytes) body = g_bytes_new (content, strlen (content));

  up->msg = soup_message_new (SOUP_METHOD_PUT, uri);
  soup_message_headers_replace (soup_message_get_request_headers (up->msg), "Authorization",
                                authorization);
  soup_message_set_request_body_from_bytes (up->msg, "application/octet-stream", body);
  soup_session_send_and_read_async (session, up->msg, G_PRIORITY_DEFAULT, NULL,
                                    on_upload_done, up);
}

static void
upload_wait (Upload *up)
{
  while (!up->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
upload_clear (Upload *up)
{
  g_clear_object (&up->msg);
  g_clear_pointer (&up->body, g_bytes_unref);
}

/* ------------------------------------------------------------------ */
/* Tests                                                                */
/* ------------------------------------------------------------------ */

static void
test_clean_upload_is_stored_and_served (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "asesor");
  const char *content = "%PDF-1.4 surat keputusan bupati, bersih";
  g_autoptr(PamongTestResponse) response = NULL;

  pamong_server_set_scan_command (ts->server, grep_scanner);

  response = upload (ts, token, content);
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_CREATED);
  assert_stored (ts, token, content);

  /* Again: scanned again, and the server already has it. */
  g_clear_pointer (&response, pamong_test_response_free);
  response = upload (ts, token, content);
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
}

static void
test_infected_upload_is_refused_and_not_stored (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "operator");
  g_autofree char *path = blob_path (EICAR, strlen (EICAR));
  g_autoptr(PamongTestResponse) response = NULL;
  const char *line;

  pamong_server_set_scan_command (ts->server, grep_scanner);
  g_ptr_array_set_size (captured_log, 0);

  response = upload (ts, token, EICAR);
  pamong_test_response_assert_error (response, SOUP_STATUS_UNPROCESSABLE_ENTITY,
                                     "upload-infected");
  assert_not_stored (ts, token, EICAR);

  /* The refusal is logged with the account, the blob's hash and what the
   * scanner said, never the content. */
  line = refusal_line (path + strlen (API "/blobs/"));
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, " by operator from 127.0.0.1: the scanner found malware"));
  g_assert_nonnull (strstr (line, "Eicar-Test-Signature FOUND"));
  for (guint i = 0; i < captured_log->len; i++)
    g_assert_null (strstr (g_ptr_array_index (captured_log, i), "EICAR-STANDARD"));
}

static void
test_failing_scanner_refuses_the_upload (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "admin");
  const char * const exits_2[] = { "sh", "-c", "cat >/dev/null; exit 2", NULL };
  const char * const reads_nothing[] = { "sh", "-c", "exit 3", NULL };
  const char * const crashes[] = { "sh", "-c", "kill -KILL $$", NULL };
  const char * const missing[] = { "pamong-no-such-scanner", "-", NULL };
  const char * const * const scanners[] = { exits_2, reads_nothing, crashes, missing };

  for (guint i = 0; i < G_N_ELEMENTS (scanners); i++)
    {
      g_autofree char *content = g_strdup_printf ("lampiran %u, pemindai rusak", i);
      g_autoptr(PamongTestResponse) response = NULL;

      pamong_server_set_scan_command (ts->server, scanners[i]);
      g_ptr_array_set_size (captured_log, 0);

      response = upload (ts, token, content);
      pamong_test_response_assert_error (response, SOUP_STATUS_SERVICE_UNAVAILABLE,
                                         "scanner-unavailable");
      assert_not_stored (ts, token, content);

      assert_refusal_logged (content, "the scanner failed");
    }
}

static void
test_hanging_scanner_is_killed_and_refuses (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "admin");
  const char * const hangs[] = { "sh", "-c", "cat >/dev/null; sleep 60; exit 0", NULL };
  const char *content = "lampiran, pemindai macet";
  g_autoptr(PamongTestResponse) response = NULL;
  gint64 start;

  g_assert_cmpuint (pamong_server_get_scan_timeout (ts->server), ==,
                    PAMONG_SERVER_DEFAULT_SCAN_TIMEOUT);
  pamong_server_set_scan_command (ts->server, hangs);
  pamong_server_set_scan_timeout (ts->server, 1);
  g_ptr_array_set_size (captured_log, 0);

  start = g_get_monotonic_time ();
  response = upload (ts, token, content);
  pamong_test_response_assert_error (response, SOUP_STATUS_SERVICE_UNAVAILABLE,
                                     "scanner-unavailable");
  /* Killed at the limit, with its child: not after the sleep. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
  assert_not_stored (ts, token, content);

  assert_refusal_logged (content, "no answer within 1 s");
}

static void
test_without_a_scanner_uploads_are_stored_as_before (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "asesor");
  g_autoptr(PamongTestResponse) response = NULL;
  const char * const empty[] = { NULL };

  g_assert_null (pamong_server_get_scan_command (ts->server));

  /* Unscanned, so even the test file is stored. */
  response = upload (ts, token, EICAR);
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_CREATED);
  assert_stored (ts, token, EICAR);

  /* A scanner set and taken away again; an empty vector is none. */
  pamong_server_set_scan_command (ts->server, grep_scanner);
  g_assert_cmpstr (pamong_server_get_scan_command (ts->server)[0], ==, "sh");
  pamong_server_set_scan_command (ts->server, empty);
  g_assert_null (pamong_server_get_scan_command (ts->server));

  g_clear_pointer (&response, pamong_test_response_free);
  response = upload (ts, token, "lampiran tanpa pemindai");
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_CREATED);
}

static void
test_server_answers_while_a_scan_runs (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "asesor");
  g_autofree char *dir = g_dir_make_tmp ("pamong-scan-XXXXXX", NULL);
  g_auto(GStrv) scanner = waiting_scanner (dir);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  const char *content = "lampiran, pemindai lambat";
  Upload up = { NULL, NULL, FALSE };

  pamong_server_set_scan_command (ts->server, (const char * const *) scanner);
  upload_start (ts, session, token, content, &up);
  wait_for_started (dir, 1);

  /* The scanner is waiting for us; the server answers meanwhile. */
  {
    g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET,
                                                                  API "/status", NULL, NULL);

    g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  }
  assert_not_stored (ts, token, content);
  g_assert_false (up.done);

  release_scanners (dir);
  upload_wait (&up);
  g_assert_cmpuint (soup_message_get_status (up.msg), ==, SOUP_STATUS_CREATED);
  assert_stored (ts, token, content);

  upload_clear (&up);
  remove_dir (dir);
}

static void
test_scans_are_bounded (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "asesor");
  g_autofree char *dir = g_dir_make_tmp ("pamong-scan-XXXXXX", NULL);
  g_auto(GStrv) scanner = waiting_scanner (dir);
  g_autoptr(SoupSession) session = NULL;
  Upload ups[PAMONG_SERVER_MAX_SCANS];
  char *contents[PAMONG_SERVER_MAX_SCANS];

  session = soup_session_new_with_options ("proxy-resolver", NULL,
                                           "max-conns", 2 * PAMONG_SERVER_MAX_SCANS,
                                           "max-conns-per-host", 2 * PAMONG_SERVER_MAX_SCANS,
                                           NULL);
  pamong_server_set_scan_command (ts->server, (const char * const *) scanner);

  for (guint i = 0; i < PAMONG_SERVER_MAX_SCANS; i++)
    {
      memset (&ups[i], 0, sizeof ups[i]);
      contents[i] = g_strdup_printf ("lampiran %u dari banyak", i);
      upload_start (ts, session, token, contents[i], &ups[i]);
    }
  wait_for_started (dir, PAMONG_SERVER_MAX_SCANS);

  /* One more is refused at once, with a time to come back. */
  {
    g_autoptr(PamongTestResponse) response = upload (ts, token, "satu lagi");

    pamong_test_response_assert_error (response, SOUP_STATUS_SERVICE_UNAVAILABLE,
                                       "scanner-unavailable");
    g_assert_cmpstr (pamong_test_response_header (response, "Retry-After"), ==, "5");
    assert_not_stored (ts, token, "satu lagi");
  }

  release_scanners (dir);
  for (guint i = 0; i < PAMONG_SERVER_MAX_SCANS; i++)
    {
      upload_wait (&ups[i]);
      g_assert_cmpuint (soup_message_get_status (ups[i].msg), ==, SOUP_STATUS_CREATED);
      upload_clear (&ups[i]);
      g_free (contents[i]);
    }

  /* The slots are free again. */
  {
    g_autoptr(PamongTestResponse) response = upload (ts, token, "satu lagi");

    g_assert_cmpuint (response->status, ==, SOUP_STATUS_CREATED);
  }
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  pamong_test_init (&argc, &argv);

  captured_log = pamong_test_capture_log ();

  g_test_add_func ("/pamong/server/scan/clean-upload-is-stored-and-served",
                   test_clean_upload_is_stored_and_served);
  g_test_add_func ("/pamong/server/scan/infected-upload-is-refused-and-not-stored",
                   test_infected_upload_is_refused_and_not_stored);
  g_test_add_func ("/pamong/server/scan/failing-scanner-refuses-the-upload",
                   test_failing_scanner_refuses_the_upload);
  g_test_add_func ("/pamong/server/scan/hanging-scanner-is-killed-and-refuses",
                   test_hanging_scanner_is_killed_and_refuses);
  g_test_add_func ("/pamong/server/scan/without-a-scanner-uploads-are-stored-as-before",
                   test_without_a_scanner_uploads_are_stored_as_before);
  g_test_add_func ("/pamong/server/scan/server-answers-while-a-scan-runs",
                   test_server_answers_while_a_scan_runs);
  g_test_add_func ("/pamong/server/scan/scans-are-bounded",
                   test_scans_are_bounded);

  status = g_test_run ();
  g_ptr_array_unref (captured_log);
  return status;
}
