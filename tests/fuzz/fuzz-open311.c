/* fuzz-open311.c — the Open311 GeoReport v2 readers, JSON and XML
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input: one byte choosing the document (discovery, services, requests) and
 * the format (automatic, JSON, XML), then the body an external endpoint
 * sent. Each reader must give a result or an error with a message; what it
 * reads must be usable: services have a code and a name in UTF-8, a
 * request's location is either unknown or a real coordinate (never 0,0).
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "fuzz-target.h"
#include "pamong-core.h"
#include "pamong-open311-client.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  (void) argc;
  (void) argv;
  return 0;
}

static void
check_error (gpointer  result,
             GError   *error)
{
  if (result == NULL && (error == NULL || error->message == NULL || *error->message == '\0'))
    abort ();
  if (result != NULL && error != NULL)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  const char *body;
  gsize length;
  PamongOpen311Format format;

  if (size < 1)
    return 0;
  format = (PamongOpen311Format) ((data[0] >> 2) % 3);
  body = (const char *) data + 1;
  length = size - 1;

  switch (data[0] % 3)
    {
    case 0:
      {
        g_autoptr(PamongOpen311Discovery) discovery =
          pamong_open311_parse_discovery (body, length, format, &error);

        check_error (discovery, error);
        if (discovery != NULL)
          for (guint i = 0; i < pamong_open311_discovery_get_n_endpoints (discovery); i++)
            {
              const PamongOpen311Endpoint *endpoint =
                pamong_open311_discovery_get_endpoint (discovery, i);

              if (endpoint == NULL || endpoint->formats == NULL)
                abort ();
            }
      }
      break;
    case 1:
      {
        g_autoptr(GPtrArray) services = pamong_open311_parse_services (body, length, format, &error);

        check_error (services, error);
        if (services != NULL)
          for (guint i = 0; i < services->len; i++)
            {
              PamongOpen311Service *service = g_ptr_array_index (services, i);

              const char *code = pamong_open311_service_get_code (service);
              const char *name = pamong_open311_service_get_name (service);

              /* Code and name are never NULL, and all text is UTF-8. */
              if (code == NULL || name == NULL
                  || !g_utf8_validate (code, -1, NULL) || !g_utf8_validate (name, -1, NULL))
                abort ();
            }
      }
      break;
    default:
      {
        g_autoptr(GPtrArray) requests = pamong_open311_parse_requests (body, length, format, &error);

        check_error (requests, error);
        if (requests != NULL)
          for (guint i = 0; i < requests->len; i++)
            {
              PamongOpen311Request *request = g_ptr_array_index (requests, i);

              if (request == NULL)
                abort ();
              if (pamong_open311_request_get_has_location (request))
                {
                  double lat = pamong_open311_request_get_latitude (request);
                  double lon = pamong_open311_request_get_longitude (request);

                  if (!isfinite (lat) || !isfinite (lon) || fabs (lat) > 90 || fabs (lon) > 180
                      || (lat == 0 && lon == 0))
                    abort ();
                }
            }
      }
      break;
    }
  return 0;
}
