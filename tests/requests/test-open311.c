/* test-open311.c — reading Open311 GeoReport v2 documents, quirks and all
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "pamong-error.h"
#include "pamong-open311-client.h"

static GBytes *
load (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "requests", "data", name, NULL);
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static GPtrArray *
parse_requests_file (const char  *name,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = load (name);

  return pamong_open311_parse_requests (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        PAMONG_OPEN311_FORMAT_AUTO, error);
}

static GPtrArray *
parse_services_file (const char  *name,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = load (name);

  return pamong_open311_parse_services (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        PAMONG_OPEN311_FORMAT_AUTO, error);
}

static PamongOpen311Discovery *
parse_discovery_file (const char  *name,
                      GError     **error)
{
  g_autoptr(GBytes) bytes = load (name);

  return pamong_open311_parse_discovery (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         PAMONG_OPEN311_FORMAT_AUTO, error);
}

static void
assert_time (GDateTime  *time,
             const char *expected_utc)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (time);
  utc = g_date_time_to_utc (time);
  text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  g_assert_cmpstr (text, ==, expected_utc);
}

static void
check_discovery_json (PamongOpen311Discovery *discovery)
{
  const PamongOpen311Endpoint *endpoint;

  g_assert_cmpstr (pamong_open311_discovery_get_changeset (discovery), ==, "2026-03-01 14:18");
  g_assert_cmpstr (pamong_open311_discovery_get_contact (discovery), ==, "Dinkominfo Kabupaten Contoh, (0296) 000000");
  g_assert_cmpuint (pamong_open311_discovery_get_n_endpoints (discovery), ==, 3);

  /* the v2.1 draft is passed over, production before test */
  endpoint = pamong_open311_discovery_find_endpoint (discovery);
  g_assert_nonnull (endpoint);
  g_assert_cmpstr (endpoint->url, ==, "https://open311.example.go.id/v2");
  g_assert_cmpstr (endpoint->type, ==, "production");
  g_assert_cmpuint (g_strv_length (endpoint->formats), ==, 2);
  g_assert_true (pamong_open311_endpoint_supports (endpoint, PAMONG_OPEN311_FORMAT_JSON));
  g_assert_true (pamong_open311_endpoint_supports (endpoint, PAMONG_OPEN311_FORMAT_XML));
  g_assert_false (pamong_open311_endpoint_supports (pamong_open311_discovery_get_endpoint (discovery, 0),
                                                    PAMONG_OPEN311_FORMAT_JSON));
}

static void
test_discovery (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongOpen311Discovery) json = parse_discovery_file ("discovery.json", &error);
  g_autoptr(PamongOpen311Discovery) xml = NULL;
  const PamongOpen311Endpoint *endpoint;

  g_assert_no_error (error);
  check_discovery_json (json);

  xml = parse_discovery_file ("discovery.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pamong_open311_discovery_get_changeset (xml), ==, "2012-03-08T16:00:00-05:00");
  g_assert_cmpuint (pamong_open311_discovery_get_n_endpoints (xml), ==, 1);
  endpoint = pamong_open311_discovery_find_endpoint (xml);
  g_assert_cmpstr (endpoint->url, ==, "http://open311.example.org/dev/v2");
  g_assert_cmpstr (endpoint->formats[0], ==, "text/xml");
  g_assert_null (endpoint->formats[1]);
  g_assert_false (pamong_open311_endpoint_supports (endpoint, PAMONG_OPEN311_FORMAT_JSON));
}

static void
test_services (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) json = parse_services_file ("services.json", &error);
  g_autoptr(GPtrArray) wrapped = NULL;
  g_autoptr(GPtrArray) xml = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  PamongOpen311Service *service;

  g_assert_no_error (error);
  /* the service without a code is skipped */
  g_assert_cmpuint (json->len, ==, 3);
  service = g_ptr_array_index (json, 0);
  g_assert_cmpstr (pamong_open311_service_get_code (service), ==, "001");
  g_assert_cmpstr (pamong_open311_service_get_name (service), ==, "Cans left out 24x7");
  g_assert_true (pamong_open311_service_get_metadata (service));   /* "true" as a string */
  g_assert_cmpstr (pamong_open311_service_get_kind (service), ==, "realtime");
  g_assert_cmpstr (pamong_open311_service_get_keywords (service), ==, "lorem, ipsum, dolor");
  g_assert_cmpstr (pamong_open311_service_get_group (service), ==, "sanitation");
  /* a number where a string belongs; no name: the code stands in */
  service = g_ptr_array_index (json, 1);
  g_assert_cmpstr (pamong_open311_service_get_code (service), ==, "2");
  g_assert_cmpstr (pamong_open311_service_get_name (service), ==, "2");
  g_assert_false (pamong_open311_service_get_metadata (service));
  g_assert_cmpstr (pamong_open311_service_get_kind (service), ==, "batch");
  g_assert_null (pamong_open311_service_get_description (service));   /* "" */
  g_assert_null (pamong_open311_service_get_group (service));         /* null */
  service = g_ptr_array_index (json, 2);
  g_assert_cmpstr (pamong_open311_service_get_group (service), ==, "Jalan, Infrastruktur");
  g_assert_false (pamong_open311_service_get_metadata (service));     /* "false" */

  /* FixMyStreet's {"services": [...]} */
  wrapped = parse_services_file ("services-wrapped.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wrapped->len, ==, 1);
  g_assert_cmpstr (pamong_open311_service_get_code (g_ptr_array_index (wrapped, 0)), ==, "Pothole");
  g_assert_null (pamong_open311_service_get_keywords (g_ptr_array_index (wrapped, 0)));

  /* root attributes, namespaces, xsi:nil, any element order, entities */
  xml = parse_services_file ("services.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xml->len, ==, 2);
  service = g_ptr_array_index (xml, 0);
  g_assert_cmpstr (pamong_open311_service_get_code (service), ==, "007");
  g_assert_cmpstr (pamong_open311_service_get_name (service), ==, "Abandoned Vehicle");
  g_assert_true (pamong_open311_service_get_metadata (service));
  g_assert_null (pamong_open311_service_get_description (service));
  service = g_ptr_array_index (xml, 1);
  g_assert_cmpstr (pamong_open311_service_get_name (service), ==, "Graffiti & Vandalism");
  g_assert_null (pamong_open311_service_get_group (service));

  empty = parse_services_file ("services-empty.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_requests_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requests = parse_requests_file ("requests.json", &error);
  g_autoptr(GPtrArray) fms = NULL;
  PamongOpen311Request *r;

  g_assert_no_error (error);
  /* the token-only request (no service_request_id yet) is skipped */
  g_assert_cmpuint (requests->len, ==, 4);

  r = g_ptr_array_index (requests, 0);
  g_assert_cmpstr (pamong_open311_request_get_id (r), ==, "101005420892");   /* > 32 bits, a number */
  g_assert_cmpint (pamong_open311_request_get_status (r), ==, PAMONG_OPEN311_STATUS_OPEN);
  g_assert_cmpstr (pamong_open311_request_get_status_text (r), ==, "open");   /* "Open" */
  g_assert_null (pamong_open311_request_get_status_notes (r));
  g_assert_cmpstr (pamong_open311_request_get_agency_responsible (r), ==, "Dinas PUPR, Bidang Bina Marga");
  g_assert_cmpstr (pamong_open311_request_get_media_url (r), ==, "https://example.org/a.jpg");
  g_assert_true (pamong_open311_request_get_has_location (r));   /* numbers as strings */
  g_assert_cmpfloat_with_epsilon (pamong_open311_request_get_latitude (r), -6.9698, 1e-9);
  g_assert_cmpfloat_with_epsilon (pamong_open311_request_get_longitude (r), 111.4183, 1e-9);
  assert_time (pamong_open311_request_get_requested_at (r), "2026-03-19T02:15:00");
  g_assert_null (pamong_open311_request_get_updated_at (r));     /* "" */
  g_assert_null (pamong_open311_request_get_expected_at (r));    /* null */
  g_assert_nonnull (strstr (pamong_open311_request_get_description (r), "\r\n"));

  r = g_ptr_array_index (requests, 1);
  g_assert_cmpstr (pamong_open311_request_get_id (r), ==, "14-01100669");
  g_assert_cmpint (pamong_open311_request_get_status (r), ==, PAMONG_OPEN311_STATUS_CLOSED);
  g_assert_false (pamong_open311_request_get_has_location (r));  /* 0,0 */
  /* San Francisco's "2012-05-22 23:57:23.97": a space, fractions, no zone */
  assert_time (pamong_open311_request_get_requested_at (r), "2012-05-22T23:57:23");
  assert_time (pamong_open311_request_get_updated_at (r), "2012-05-23T08:00:00");
  g_assert_cmpstr (pamong_open311_request_get_media_url (r), ==, "https://example.org/c.jpg");

  r = g_ptr_array_index (requests, 2);
  g_assert_cmpint (pamong_open311_request_get_status (r), ==, PAMONG_OPEN311_STATUS_OPEN);
  g_assert_cmpstr (pamong_open311_request_get_status_text (r), ==, "investigating");
  g_assert_null (pamong_open311_request_get_requested_at (r));   /* unreadable: not given */
  g_assert_false (pamong_open311_request_get_has_location (r));  /* null */

  r = g_ptr_array_index (requests, 3);
  g_assert_cmpstr (pamong_open311_request_get_id (r), ==, "7");
  g_assert_cmpint (pamong_open311_request_get_status (r), ==, PAMONG_OPEN311_STATUS_CLOSED);   /* "FIXED" */
  g_assert_false (pamong_open311_request_get_has_location (r));  /* latitude 95.5 */
  assert_time (pamong_open311_request_get_requested_at (r), "2026-01-02T00:00:00");

  fms = parse_requests_file ("requests-fms.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fms->len, ==, 1);
  g_assert_cmpstr (pamong_open311_request_get_id (g_ptr_array_index (fms, 0)), ==, "55");
  g_assert_cmpstr (pamong_open311_request_get_status_text (g_ptr_array_index (fms, 0)), ==, "in_progress");
}

static void
test_requests_xml (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requests = parse_requests_file ("requests.xml", &error);
  g_autoptr(GPtrArray) single = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  PamongOpen311Request *r;

  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, ==, 2);
  r = g_ptr_array_index (requests, 0);
  g_assert_cmpstr (pamong_open311_request_get_id (r), ==, "638344");
  g_assert_cmpint (pamong_open311_request_get_status (r), ==, PAMONG_OPEN311_STATUS_CLOSED);   /* "Closed" */
  g_assert_cmpstr (pamong_open311_request_get_status_notes (r), ==, "Duplicate request.");
  g_assert_cmpstr (pamong_open311_request_get_description (r), ==, "Lorem ipsum <br> dolor");
  g_assert_null (pamong_open311_request_get_agency_responsible (r));   /* xsi:nil */
  g_assert_cmpstr (pamong_open311_request_get_address (r), ==, "8TH AVE and JUDAH ST");
  g_assert_cmpstr (pamong_open311_request_get_media_url (r), ==,
                   "http://city.gov.s3.amazonaws.com/requests/media/638344.jpg");
  /* long before lat */
  g_assert_true (pamong_open311_request_get_has_location (r));
  g_assert_cmpfloat_with_epsilon (pamong_open311_request_get_latitude (r), -6.9698, 1e-9);
  assert_time (pamong_open311_request_get_requested_at (r), "2010-04-14T14:37:38");
  assert_time (pamong_open311_request_get_expected_at (r), "2010-04-15T14:37:38");

  r = g_ptr_array_index (requests, 1);
  g_assert_false (pamong_open311_request_get_has_location (r));   /* <lat>0</lat><long>0</long> */
  g_assert_null (pamong_open311_request_get_description (r));

  /* a single request without the list around it */
  single = parse_requests_file ("requests-single.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (single->len, ==, 1);
  g_assert_cmpstr (pamong_open311_request_get_id (g_ptr_array_index (single, 0)), ==, "001");
  assert_time (pamong_open311_request_get_requested_at (g_ptr_array_index (single, 0)), "2026-03-19T09:15:00");

  empty = parse_requests_file ("requests-empty.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);
  g_clear_pointer (&empty, g_ptr_array_unref);
  empty = pamong_open311_parse_requests ("[]", 2, PAMONG_OPEN311_FORMAT_JSON, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_error_documents (void)
{
  static const struct { const char *file; const char *message; } cases[] = {
    { "error-403.json", "Invalid api_key received -- can't proceed with create_request. (403)" },
    { "error-404.xml", "Service request 999 not found (404)" },
    { "error-bare.xml", "Invalid api_key" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) requests = parse_requests_file (cases[i].file, &error);
      g_autoptr(GPtrArray) services = NULL;

      g_assert_null (requests);
      g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "The Open311 server reported an error"));
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_clear_error (&error);

      services = parse_services_file (cases[i].file, &error);
      g_assert_null (services);
      g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED);
    }
}

static void
test_broken_documents (void)
{
  static const struct { const char *file; const char *message; } cases[] = {
    { "broken-truncated.json", "not valid JSON" },
    { "broken-mismatched.xml", "not valid XML" },
    { "broken-page.html", "" },
    { "broken-not-open311.json", "not an Open311 list of service requests" },
    { "services.json", "not an Open311 list of service requests" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);
  const char garbage[] = { '\xff', '\xfe', '\0', 'x', '<', '\x01' };
  gpointer result;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) requests = parse_requests_file (cases[i].file, &error);

      g_assert_null (requests);
      g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: “%s” lacks “%s”", cases[i].file, error->message, cases[i].message);
      g_clear_error (&error);
    }

  /* empty, binary, a bare value, absurd nesting: errors, not crashes */
  g_assert_null (pamong_open311_parse_requests ("", 0, PAMONG_OPEN311_FORMAT_AUTO, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (pamong_open311_parse_requests (NULL, 0, PAMONG_OPEN311_FORMAT_AUTO, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (pamong_open311_parse_services (garbage, sizeof garbage, PAMONG_OPEN311_FORMAT_AUTO, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (pamong_open311_parse_services (garbage, sizeof garbage, PAMONG_OPEN311_FORMAT_XML, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (pamong_open311_parse_services ("42", 2, PAMONG_OPEN311_FORMAT_JSON, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (pamong_open311_parse_discovery ("{}", 2, PAMONG_OPEN311_FORMAT_JSON, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "not an Open311 discovery document"));
  g_clear_error (&error);
  result = pamong_open311_parse_discovery ("{\"endpoints\": [{\"type\": \"test\"}]}", 34,
                                           PAMONG_OPEN311_FORMAT_JSON, &error);
  g_assert_null (result);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  g_assert_null (pamong_open311_parse_requests (deep->str, deep->len, PAMONG_OPEN311_FORMAT_JSON, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
  g_clear_error (&error);
  g_string_truncate (deep, 0);
  for (guint i = 0; i < 10000; i++)
    g_string_append (deep, "<a>");
  g_assert_null (pamong_open311_parse_requests (deep->str, deep->len, PAMONG_OPEN311_FORMAT_XML, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* every prefix of a good document: an error or a result, never a crash */
  {
    g_autoptr(GBytes) bytes = load ("requests.xml");
    gsize size = g_bytes_get_size (bytes);

    for (gsize cut = 0; cut < size; cut += 7)
      {
        g_autoptr(GPtrArray) requests = pamong_open311_parse_requests (g_bytes_get_data (bytes, NULL), cut,
                                                                       PAMONG_OPEN311_FORMAT_AUTO, &error);

        g_assert_true ((requests == NULL) == (error != NULL));
        g_clear_error (&error);
      }
  }
}

/* Mutated samples (bytes changed, cut, repeated): each parser gives a
 * result or an error, never both, never a crash (ASan watches). A seeded
 * smoke test; tests/fuzz is the place for long runs. */
static void
test_mutations (void)
{
  static const char *files[] = {
    "discovery.json", "discovery.xml", "services.json", "services.xml",
    "requests.json", "requests.xml", "error-404.xml", "requests-fms.json",
  };
  static const char pieces[] = "<>/\"{}[],:&;= \t\n0aZ";
  g_autoptr(GRand) rand = g_rand_new_with_seed (311);

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(GBytes) bytes = load (files[f]);

      for (guint round = 0; round < 400; round++)
        {
          g_autoptr(GByteArray) data = g_byte_array_new ();
          g_autoptr(GError) error = NULL;
          guint n_edits = (guint) g_rand_int_range (rand, 1, 6);
          gpointer result;

          g_byte_array_append (data, g_bytes_get_data (bytes, NULL), (guint) g_bytes_get_size (bytes));
          for (guint e = 0; e < n_edits && data->len > 2; e++)
            {
              guint at = (guint) g_rand_int_range (rand, 0, (gint32) data->len);
              guint length = (guint) g_rand_int_range (rand, 1, 40);
              guint span = MIN (length, data->len - at);

              switch (g_rand_int_range (rand, 0, 4))
                {
                case 0:
                  data->data[at] = (guint8) g_rand_int_range (rand, 0, 256);
                  break;
                case 1:
                  data->data[at] = (guint8) pieces[g_rand_int_range (rand, 0, sizeof pieces - 1)];
                  break;
                case 2:
                  g_byte_array_remove_range (data, at, span);
                  break;
                default:
                  {
                    g_autofree guint8 *copy = g_memdup2 (data->data + at, span);

                    g_byte_array_append (data, copy, span);
                  }
                  break;
                }
            }

          switch (round % 3)
            {
            case 0:
              result = pamong_open311_parse_requests ((const char *) data->data, data->len,
                                                      PAMONG_OPEN311_FORMAT_AUTO, &error);
              g_clear_pointer ((GPtrArray **) &result, g_ptr_array_unref);
              break;
            case 1:
              result = pamong_open311_parse_services ((const char *) data->data, data->len,
                                                      PAMONG_OPEN311_FORMAT_AUTO, &error);
              g_clear_pointer ((GPtrArray **) &result, g_ptr_array_unref);
              break;
            default:
              result = pamong_open311_parse_discovery ((const char *) data->data, data->len,
                                                       PAMONG_OPEN311_FORMAT_AUTO, &error);
              g_clear_object ((PamongOpen311Discovery **) &result);
              break;
            }
          if (error != NULL)
            {
              g_assert_true (error->domain == PAMONG_ERROR);
              g_assert_true (g_utf8_validate (error->message, -1, NULL));
            }
        }
    }
}

static void
test_datetimes (void)
{
  static const struct { const char *text; const char *utc; } cases[] = {
    { "1994-11-05T08:15:30-05:00", "1994-11-05T13:15:30" },
    { "1994-11-05T13:15:30Z", "1994-11-05T13:15:30" },
    { "2012-05-22 23:57:23.97", "2012-05-22T23:57:23" },
    { " 2026-03-19T09:15+07:00 ", "2026-03-19T02:15:00" },
    { "2026-03-19t09:15:00z", "2026-03-19T09:15:00" },
    { "2026-03-19", "2026-03-19T00:00:00" },
    { "2026-03-19T09:15:00+0700", "2026-03-19T02:15:00" },
  };
  const char *unreadable[] = {
    NULL, "", "2011-09-1 17:35", "yesterday", "2026-13-01T00:00:00Z", "2026-03-19X09:00",
    "2026-03-19T", "2026-03-19T25:00:00Z",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) time = pamong_open311_parse_datetime (cases[i].text);

      if (time == NULL)
        g_error ("“%s” was not read", cases[i].text);
      assert_time (time, cases[i].utc);
    }
  for (guint i = 0; i < G_N_ELEMENTS (unreadable); i++)
    {
      g_autoptr(GDateTime) time = pamong_open311_parse_datetime (unreadable[i]);

      if (time != NULL)
        g_error ("“%s” was read", unreadable[i]);
    }
}

/* ---- over HTTP */

typedef struct
{
  SoupServer *server;
  char       *base;
  GMainLoop  *loop;
  GAsyncResult *result;
} Http;

static void
serve (SoupServer        *server,
       SoupServerMessage *msg,
       const char        *path,
       GHashTable        *query,
       gpointer           user_data)
{
  static const struct { const char *path; guint status; const char *file; const char *type; } routes[] = {
    { "/open311/discovery.json", 200, "discovery.json", "application/json" },
    { "/open311/services.json", 200, "services.json", "application/json; charset=utf-8" },
    { "/open311/services.xml", 200, "services.xml", "application/xml; charset=utf-8" },
    { "/open311/requests.json", 200, "requests.json", "application/json" },
    { "/open311/requests.xml", 200, "requests.xml", "text/xml" },
    { "/forbidden/services.json", 403, "error-403.json", "application/json" },
    { "/broken/services.json", 200, "broken-truncated.json", "application/json" },
    { "/html/services.json", 502, "broken-page.html", "text/html" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (g_str_equal (path, routes[i].path))
      {
        g_autoptr(GBytes) bytes = load (routes[i].file);

        /* the query the client sent, for the requests filter */
        if (query != NULL && g_hash_table_contains (query, "service_code"))
          g_assert_cmpstr (g_hash_table_lookup (query, "service_code"), ==, "006");
        soup_server_message_set_status (msg, routes[i].status, NULL);
        soup_server_message_set_response (msg, routes[i].type, SOUP_MEMORY_COPY,
                                          g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
        return;
      }

  soup_server_message_set_status (msg, 404, NULL);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC,
                                    "Bad extension. We support .xml and .json", 40);
}

static void
http_set_up (Http *http)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  g_autofree char *text = NULL;

  http->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (http->server, NULL, serve, NULL, NULL);
  g_assert_true (soup_server_listen_local (http->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (http->server);
  text = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  /* "http://127.0.0.1:port/" */
  http->base = g_strndup (text, strlen (text) - 1);
  http->loop = g_main_loop_new (NULL, FALSE);
}

static void
http_tear_down (Http *http)
{
  g_clear_object (&http->result);
  g_main_loop_unref (http->loop);
  soup_server_disconnect (http->server);
  g_object_unref (http->server);
  g_free (http->base);
}

static void
done (GObject      *source,
      GAsyncResult *result,
      gpointer      user_data)
{
  Http *http = user_data;

  http->result = g_object_ref (result);
  g_main_loop_quit (http->loop);
}

static PamongOpen311Client *
client_for (Http                *http,
            const char          *path,
            PamongOpen311Format  format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (http->base, path, NULL);
  PamongOpen311Client *client = pamong_open311_client_new (url, format, &error);

  g_assert_no_error (error);
  return client;
}

static GPtrArray *
fetch_services (Http        *http,
                const char  *path,
                PamongOpen311Format format,
                GError     **error)
{
  g_autoptr(PamongOpen311Client) client = client_for (http, path, format);

  g_clear_object (&http->result);
  pamong_open311_client_fetch_services_async (client, NULL, done, http);
  g_main_loop_run (http->loop);
  return pamong_open311_client_fetch_services_finish (client, http->result, error);
}

static void
test_http (void)
{
  Http http = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongOpen311Client) client = NULL;
  g_autoptr(PamongOpen311Discovery) discovery = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) none = NULL;

  http_set_up (&http);

  /* discovery, JSON; a trailing slash on the base is fine */
  client = client_for (&http, "/open311/", PAMONG_OPEN311_FORMAT_AUTO);
  g_assert_true (g_str_has_suffix (pamong_open311_client_get_base_url (client), "/open311"));
  g_assert_cmpint (pamong_open311_client_get_format (client), ==, PAMONG_OPEN311_FORMAT_JSON);
  pamong_open311_client_fetch_discovery_async (client, NULL, done, &http);
  g_main_loop_run (http.loop);
  discovery = pamong_open311_client_fetch_discovery_finish (client, http.result, &error);
  g_assert_no_error (error);
  check_discovery_json (discovery);
  g_clear_object (&client);

  /* services in both formats */
  services = fetch_services (&http, "/open311", PAMONG_OPEN311_FORMAT_JSON, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (services->len, ==, 3);
  g_clear_pointer (&services, g_ptr_array_unref);
  services = fetch_services (&http, "/open311", PAMONG_OPEN311_FORMAT_XML, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (services->len, ==, 2);
  g_assert_cmpstr (pamong_open311_service_get_code (g_ptr_array_index (services, 0)), ==, "007");

  /* requests, XML, with filters */
  client = client_for (&http, "/open311", PAMONG_OPEN311_FORMAT_XML);
  pamong_open311_client_set_jurisdiction_id (client, "blorakab.go.id");
  {
    g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2010-01-01T00:00:00Z", NULL);

    g_clear_object (&http.result);
    pamong_open311_client_fetch_requests_async (client, "006", start, NULL, NULL, done, &http);
    g_main_loop_run (http.loop);
  }
  requests = pamong_open311_client_fetch_requests_finish (client, http.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, ==, 2);
  g_assert_cmpstr (pamong_open311_request_get_id (g_ptr_array_index (requests, 0)), ==, "638344");
  g_clear_object (&client);

  /* an HTTP error with an Open311 error body: the server's description */
  none = fetch_services (&http, "/forbidden", PAMONG_OPEN311_FORMAT_JSON, &error);
  g_assert_null (none);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "403"));
  g_assert_nonnull (strstr (error->message, "Invalid api_key received"));
  g_clear_error (&error);

  /* an HTML error page, a 404, a broken body */
  none = fetch_services (&http, "/html", PAMONG_OPEN311_FORMAT_JSON, &error);
  g_assert_null (none);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "502"));
  g_clear_error (&error);
  none = fetch_services (&http, "/nowhere", PAMONG_OPEN311_FORMAT_JSON, &error);
  g_assert_null (none);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "404"));
  g_clear_error (&error);
  none = fetch_services (&http, "/broken", PAMONG_OPEN311_FORMAT_JSON, &error);
  g_assert_null (none);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* not a web address */
  g_assert_null (pamong_open311_client_new ("ftp://example.org/open311", PAMONG_OPEN311_FORMAT_JSON, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (pamong_open311_client_new ("open311", PAMONG_OPEN311_FORMAT_JSON, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);

  http_tear_down (&http);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/requests/open311/discovery-json-and-xml", test_discovery);
  g_test_add_func ("/pamong/requests/open311/services-with-quirks", test_services);
  g_test_add_func ("/pamong/requests/open311/requests-json-with-quirks", test_requests_json);
  g_test_add_func ("/pamong/requests/open311/requests-xml-with-quirks", test_requests_xml);
  g_test_add_func ("/pamong/requests/open311/error-documents-carry-the-servers-words", test_error_documents);
  g_test_add_func ("/pamong/requests/open311/broken-documents-give-errors", test_broken_documents);
  g_test_add_func ("/pamong/requests/open311/mutated-documents-never-crash", test_mutations);
  g_test_add_func ("/pamong/requests/open311/odd-datetimes", test_datetimes);
  g_test_add_func ("/pamong/requests/open311/fetch-from-a-local-server", test_http);

  return g_test_run ();
}
