/* test-open311-server.c — the Open311 reader against pamong-server's own endpoint
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pamong-open311-client.h"
#include "pamong-query.h"
#include "pamong-service-type.h"
#include "server-test-util.h"

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
done (GObject      *source,
      GAsyncResult *result,
      gpointer      user_data)
{
  Wait *wait = user_data;

  g_clear_object (&wait->result);
  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static GPtrArray *
fetch (PamongOpen311Client *client,
       Wait                *wait,
       gboolean             services)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  if (services)
    pamong_open311_client_fetch_services_async (client, NULL, done, wait);
  else
    pamong_open311_client_fetch_requests_async (client, NULL, NULL, NULL, NULL, done, wait);
  g_main_loop_run (wait->loop);
  items = services ? pamong_open311_client_fetch_services_finish (client, wait->result, &error)
                   : pamong_open311_client_fetch_requests_finish (client, wait->result, &error);
  g_assert_no_error (error);

  return items;
}

/* Pamong reads its own server in both formats and gets the same answer. */
static void
test_reads_pamong_server (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *base = pamong_test_server_uri (ts, "/open311/v2");
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongOpen311Client) json = pamong_open311_client_new (base, PAMONG_OPEN311_FORMAT_JSON, &error);
  g_autoptr(PamongOpen311Client) xml = pamong_open311_client_new (base, PAMONG_OPEN311_FORMAT_XML, &error);
  g_autoptr(PamongOpen311Discovery) discovery = NULL;
  g_autoptr(GPtrArray) services_json = NULL;
  g_autoptr(GPtrArray) services_xml = NULL;
  g_autoptr(GPtrArray) requests_json = NULL;
  g_autoptr(GPtrArray) requests_xml = NULL;
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_TYPE);
  const PamongOpen311Endpoint *endpoint;
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL };
  guint located = 0;

  g_assert_no_error (error);

  /* discovery lives at /open311/discovery.json, one folder up */
  pamong_open311_client_fetch_discovery_async (json, NULL, done, &wait);
  g_main_loop_run (wait.loop);
  discovery = pamong_open311_client_fetch_discovery_finish (json, wait.result, &error);
  g_assert_no_error (error);
  endpoint = pamong_open311_discovery_find_endpoint (discovery);
  g_assert_nonnull (endpoint);
  g_assert_true (g_str_has_suffix (endpoint->url, "/open311/v2") || g_str_has_suffix (endpoint->url, "/open311/v2/"));
  g_assert_true (pamong_open311_endpoint_supports (endpoint, PAMONG_OPEN311_FORMAT_JSON));
  g_assert_true (pamong_open311_endpoint_supports (endpoint, PAMONG_OPEN311_FORMAT_XML));

  services_json = fetch (json, &wait, TRUE);
  services_xml = fetch (xml, &wait, TRUE);
  g_assert_cmpuint (services_json->len, >, 0);
  g_assert_cmpuint (services_json->len, ==, pamong_store_count (ts->store, query, NULL));
  g_assert_cmpuint (services_json->len, ==, services_xml->len);
  for (guint i = 0; i < services_json->len; i++)
    {
      PamongOpen311Service *a = g_ptr_array_index (services_json, i);
      PamongOpen311Service *b = g_ptr_array_index (services_xml, i);

      g_assert_cmpstr (pamong_open311_service_get_code (a), ==, pamong_open311_service_get_code (b));
      g_assert_cmpstr (pamong_open311_service_get_name (a), ==, pamong_open311_service_get_name (b));
      g_assert_cmpstr (pamong_open311_service_get_description (a), ==, pamong_open311_service_get_description (b));
      g_assert_cmpint (pamong_open311_service_get_metadata (a), ==, pamong_open311_service_get_metadata (b));
    }

  requests_json = fetch (json, &wait, FALSE);
  requests_xml = fetch (xml, &wait, FALSE);
  g_assert_cmpuint (requests_json->len, >, 0);
  g_assert_cmpuint (requests_json->len, ==, requests_xml->len);
  for (guint i = 0; i < requests_json->len; i++)
    {
      PamongOpen311Request *a = g_ptr_array_index (requests_json, i);
      PamongOpen311Request *b = g_ptr_array_index (requests_xml, i);

      g_assert_cmpstr (pamong_open311_request_get_id (a), ==, pamong_open311_request_get_id (b));
      g_assert_cmpstr (pamong_open311_request_get_status_text (a), ==, pamong_open311_request_get_status_text (b));
      g_assert_true (g_strcmp0 (pamong_open311_request_get_status_text (a), "open") == 0
                     || g_strcmp0 (pamong_open311_request_get_status_text (a), "closed") == 0);
      g_assert_cmpstr (pamong_open311_request_get_service_code (a), ==, pamong_open311_request_get_service_code (b));
      g_assert_nonnull (pamong_open311_request_get_requested_at (a));
      g_assert_true (g_date_time_equal (pamong_open311_request_get_requested_at (a),
                                        pamong_open311_request_get_requested_at (b)));
      g_assert_cmpint (pamong_open311_request_get_has_location (a), ==, pamong_open311_request_get_has_location (b));
      if (pamong_open311_request_get_has_location (a))
        {
          located++;
          g_assert_cmpfloat_with_epsilon (pamong_open311_request_get_latitude (a),
                                          pamong_open311_request_get_latitude (b), 1e-9);
        }
    }
  g_assert_cmpuint (located, >, 0);

  g_clear_object (&wait.result);
  g_main_loop_unref (wait.loop);
}

int
main (int   argc,
      char *argv[])
{
  pamong_test_init (&argc, &argv);

  g_test_add_func ("/pamong/requests/open311/reads-pamong-server-in-both-formats", test_reads_pamong_server);

  return g_test_run ();
}
