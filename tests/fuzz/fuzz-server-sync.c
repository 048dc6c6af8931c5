/* fuzz-server-sync.c — pamong-server's sync API over HTTP
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One server on loopback in this process, an administrator's token, and
 * each input becomes one request through the real HTTP stack. The first
 * byte picks the endpoint, the second a collection or a variant, the rest
 * is the body (or the query). Whatever arrives, the server must answer with
 * a status below 500 and, for an error, a JSON error object with a code and
 * a message; and it must keep answering (a status request after each input
 * must succeed).
 */

#include "config.h"

#include <stdlib.h>

#include "fuzz-target.h"
#include "pamong-core.h"
#include "pamong-server-auth.h"
#include "server-test-util.h"

static PamongTestServer *ts;
static char *token;

#define RECORD_UUID "0b7e6a52-3c1f-4d8e-9a61-2f0c9d4b7e15"

static void
quiet (const char     *domain,
       GLogLevelFlags  level,
       const char     *message,
       gpointer        data)
{
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  (void) argc;
  (void) argv;

  g_setenv ("PAMONG_SERVER_FAST_HASH", "1", TRUE);
  /* One access-log line per request would drown the fuzzer's own output. */
  g_log_set_handler ("pamong-server", G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO,
                     quiet, NULL);
  ts = pamong_test_server_new (PAMONG_TEST_SERVER_NONE);
  if (!pamong_server_users_put (ts->store, "fuzz-admin", "fuzz-password-1",
                                PAMONG_ROLE_ADMIN, NULL, NULL, &error))
    g_error ("%s", error->message);
  token = pamong_test_login (ts, "fuzz-admin", "fuzz-password-1");
  return 0;
}

static void
check_answer (PamongTestResponse *response,
              const char         *method,
              const char         *path)
{
  if (response->status >= 500 || response->status < 200)
    {
      g_printerr ("%s %s answered %u\n", method, path, response->status);
      abort ();
    }
  if (response->status >= 400 && response->json != NULL)
    {
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (response->json)
                           ? json_node_get_object (response->json) : NULL;
      JsonObject *error = object != NULL && json_object_has_member (object, "error")
                          ? json_object_get_object_member (object, "error") : NULL;

      if (error == NULL
          || json_object_get_string_member_with_default (error, "code", NULL) == NULL
          || json_object_get_string_member_with_default (error, "message", NULL) == NULL)
        {
          g_printerr ("%s %s answered %u without an error object\n", method, path, response->status);
          abort ();
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PamongTestResponse) response = NULL;
  g_autoptr(PamongTestResponse) status = NULL;
  g_autofree char *path = NULL;
  const GType *types;
  guint n_types;
  const char *collection;
  const char *method = "POST";
  const char *body;
  gssize length;
  guint8 kind, variant;

  if (size < 2)
    return 0;
  kind = data[0] % 7;
  variant = data[1];
  body = (const char *) data + 2;
  length = (gssize) size - 2;

  types = pamong_collections_get_types (&n_types);
  {
    g_autoptr(GTypeClass) klass = g_type_class_ref (types[variant % n_types]);

    collection = PAMONG_RECORD_CLASS (klass)->collection;
  }

  switch (kind)
    {
    case 0:
      path = g_strdup ("/api/v1/batch");
      response = pamong_test_request_full (ts, "POST", path, token, "application/json",
                                           body, length, NULL);
      break;
    case 1:
    case 2:
      method = "PUT";
      path = g_strdup_printf ("/api/v1/%s/%s", collection, RECORD_UUID);
      if (kind == 1)
        response = pamong_test_request_full (ts, method, path, token, "application/json",
                                             body, length, "If-None-Match", "*", NULL);
      else
        response = pamong_test_request_full (ts, method, path, token, "application/json",
                                             body, length, "If-Match", "\"1\"", NULL);
      break;
    case 3:
      {
        g_autofree char *query = g_uri_escape_bytes ((const guint8 *) body, length, "=&");

        method = "GET";
        path = g_strdup_printf ("/api/v1/changes?%s", query);
        response = pamong_test_request_full (ts, method, path, token, NULL, NULL, 0, NULL);
      }
      break;
    case 4:
      path = g_strdup ("/api/v1/auth/login");
      response = pamong_test_request_full (ts, "POST", path, NULL, "application/json",
                                           body, length, NULL);
      break;
    case 5:
      {
        g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                            (const guchar *) body, length);

        method = "PUT";
        /* Half the time the right digest, half a wrong one. */
        if (variant & 1)
          sha[0] = sha[0] == '0' ? '1' : '0';
        path = g_strdup_printf ("/api/v1/blobs/%s", sha);
        response = pamong_test_request_full (ts, method, path, token, "application/octet-stream",
                                             body, length, NULL);
      }
      break;
    default:
      {
        g_autofree char *segment = g_uri_escape_bytes ((const guint8 *) body, length, NULL);

        method = "DELETE";
        path = g_strdup_printf ("/api/v1/%s/%s", collection, segment);
        response = pamong_test_request_full (ts, method, path, token, NULL, NULL, 0,
                                             "If-Match", "\"1\"", NULL);
      }
      break;
    }

  check_answer (response, method, path);

  status = pamong_test_request (ts, "GET", "/api/v1/status", NULL, NULL);
  if (status->status != 200)
    {
      g_printerr ("The server stopped answering after %s %s\n", method, path);
      abort ();
    }
  return 0;
}
