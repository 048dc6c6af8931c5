/* pamong-open311-client.h — read an external Open311 GeoReport v2 endpoint
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Reads discovery, the service list and service requests, JSON or XML
 * (open311-georeport-v2.md), read-only. The parsers are separate from HTTP
 * (pamong_open311_parse_*) and take any bytes: a bad document gives
 * PAMONG_ERROR_INVALID_DATA with a translated message, never a crash.
 *
 * Quirks tolerated (reference §12): numbers where strings belong (ids keep
 * their text, "001" stays "001"), booleans as strings, lists wrapped in an
 * object ({"services": [...]}) or bare, a single element where a list
 * belongs, XML root attributes and namespaces, elements in any order, empty
 * elements / xsi:nil / null / "" as "not given", null or 0,0 locations as
 * "location unknown", statuses in any case and outside open/closed, dates
 * without a time zone (taken as UTC), with a space instead of "T" and with
 * fractional seconds (an unreadable date is "not given", not an error).
 * An error document (<errors>, [{"code", "description"}], a bare <error>)
 * gives PAMONG_ERROR_FAILED with the server's own description.
 */

/**
 * PamongOpen311Format:
 * @PAMONG_OPEN311_FORMAT_AUTO: guess from the first non-blank byte ('<' is
 *   XML, '[' or '{' JSON); for fetching, JSON
 * @PAMONG_OPEN311_FORMAT_JSON: JSON (Spark convention)
 * @PAMONG_OPEN311_FORMAT_XML: XML
 */
typedef enum
{
  PAMONG_OPEN311_FORMAT_AUTO,
  PAMONG_OPEN311_FORMAT_JSON,
  PAMONG_OPEN311_FORMAT_XML,
} PamongOpen311Format;

/**
 * PamongOpen311Status:
 * @PAMONG_OPEN311_STATUS_OPEN: "open" or any state that is not closing
 *   (e.g. "investigating", "in_progress"; unknown states count as open)
 * @PAMONG_OPEN311_STATUS_CLOSED: "closed", "fixed", "duplicate",
 *   "not_councils_responsibility", "no_further_action", "cancelled",
 *   "internal_referral"
 */
typedef enum
{
  PAMONG_OPEN311_STATUS_OPEN,
  PAMONG_OPEN311_STATUS_CLOSED,
} PamongOpen311Status;

/**
 * PamongOpen311Endpoint:
 * @specification: e.g. "http://wiki.open311.org/GeoReport_v2"
 * @url: the endpoint base URL
 * @changeset: as given (free-form)
 * @type: "production" or "test" (as given; may be NULL)
 * @formats: MIME types, NULL-terminated (never NULL)
 *
 * One endpoint of a discovery document; owned by the discovery.
 */
typedef struct
{
  char  *specification;
  char  *url;
  char  *changeset;
  char  *type;
  char **formats;
} PamongOpen311Endpoint;

#define PAMONG_TYPE_OPEN311_DISCOVERY (pamong_open311_discovery_get_type ())
G_DECLARE_FINAL_TYPE (PamongOpen311Discovery, pamong_open311_discovery, PAMONG, OPEN311_DISCOVERY, GObject)

const char                  *pamong_open311_discovery_get_changeset   (PamongOpen311Discovery *self);
const char                  *pamong_open311_discovery_get_contact     (PamongOpen311Discovery *self);
const char                  *pamong_open311_discovery_get_key_service (PamongOpen311Discovery *self);
guint                        pamong_open311_discovery_get_n_endpoints (PamongOpen311Discovery *self);
const PamongOpen311Endpoint *pamong_open311_discovery_get_endpoint    (PamongOpen311Discovery *self,
                                                                       guint                   index);
/* The GeoReport v2 endpoint to use: a v2 specification (not v2.1 draft),
 * production before test; NULL if none. */
const PamongOpen311Endpoint *pamong_open311_discovery_find_endpoint   (PamongOpen311Discovery *self);
/* Whether @endpoint lists XML (text/xml, application/xml) or JSON. */
gboolean                     pamong_open311_endpoint_supports         (const PamongOpen311Endpoint *endpoint,
                                                                       PamongOpen311Format          format);

/* A service of the list. Strings may be NULL except code and name. */
#define PAMONG_TYPE_OPEN311_SERVICE (pamong_open311_service_get_type ())
G_DECLARE_FINAL_TYPE (PamongOpen311Service, pamong_open311_service, PAMONG, OPEN311_SERVICE, GObject)

const char *pamong_open311_service_get_code        (PamongOpen311Service *self);
const char *pamong_open311_service_get_name        (PamongOpen311Service *self);
const char *pamong_open311_service_get_description (PamongOpen311Service *self);
const char *pamong_open311_service_get_group       (PamongOpen311Service *self);
const char *pamong_open311_service_get_keywords    (PamongOpen311Service *self);
/* "realtime", "batch", "blackbox" as given, lower case; may be NULL. */
const char *pamong_open311_service_get_kind        (PamongOpen311Service *self);
gboolean    pamong_open311_service_get_metadata    (PamongOpen311Service *self);

/* A service request of an external endpoint. The id is never NULL (requests
 * without one are skipped, as Chicago asks); other strings may be NULL. */
#define PAMONG_TYPE_OPEN311_REQUEST (pamong_open311_request_get_type ())
G_DECLARE_FINAL_TYPE (PamongOpen311Request, pamong_open311_request, PAMONG, OPEN311_REQUEST, GObject)

const char          *pamong_open311_request_get_id                 (PamongOpen311Request *self);
PamongOpen311Status  pamong_open311_request_get_status             (PamongOpen311Request *self);
/* The status as sent, lower case, e.g. "investigating"; never NULL. */
const char          *pamong_open311_request_get_status_text        (PamongOpen311Request *self);
const char          *pamong_open311_request_get_status_notes       (PamongOpen311Request *self);
const char          *pamong_open311_request_get_service_code       (PamongOpen311Request *self);
const char          *pamong_open311_request_get_service_name       (PamongOpen311Request *self);
const char          *pamong_open311_request_get_description        (PamongOpen311Request *self);
const char          *pamong_open311_request_get_agency_responsible (PamongOpen311Request *self);
const char          *pamong_open311_request_get_address            (PamongOpen311Request *self);
const char          *pamong_open311_request_get_media_url          (PamongOpen311Request *self);
/* NULL when not given or unreadable. */
GDateTime           *pamong_open311_request_get_requested_at       (PamongOpen311Request *self);
GDateTime           *pamong_open311_request_get_updated_at         (PamongOpen311Request *self);
GDateTime           *pamong_open311_request_get_expected_at        (PamongOpen311Request *self);
/* FALSE: "location unknown" (missing, null, unreadable, out of range or 0,0). */
gboolean             pamong_open311_request_get_has_location       (PamongOpen311Request *self);
double               pamong_open311_request_get_latitude           (PamongOpen311Request *self);
double               pamong_open311_request_get_longitude          (PamongOpen311Request *self);

/* Parsing, without HTTP; @data need not be NUL-terminated. */
PamongOpen311Discovery *pamong_open311_parse_discovery (const char          *data,
                                                        gsize                length,
                                                        PamongOpen311Format  format,
                                                        GError             **error);
/* PamongOpen311Service*, in document order */
GPtrArray              *pamong_open311_parse_services  (const char          *data,
                                                        gsize                length,
                                                        PamongOpen311Format  format,
                                                        GError             **error);
/* PamongOpen311Request*, in document order */
GPtrArray              *pamong_open311_parse_requests  (const char          *data,
                                                        gsize                length,
                                                        PamongOpen311Format  format,
                                                        GError             **error);
/* Lenient W3C datetime ("2012-05-22 23:57:23.97", no zone = UTC); NULL if
 * unreadable. */
GDateTime              *pamong_open311_parse_datetime  (const char          *text);

/* The HTTP side (libsoup 3). Callbacks run in the thread-default main
 * context of the caller. Errors: G_IO_ERROR / G_RESOLVER_ERROR / G_TLS_ERROR
 * for network trouble, PAMONG_ERROR_FAILED for an HTTP error status (with
 * the server's error description when it sent one), PAMONG_ERROR_TOO_LARGE
 * past 16 MiB, else as the parsers. */
#define PAMONG_TYPE_OPEN311_CLIENT (pamong_open311_client_get_type ())
G_DECLARE_FINAL_TYPE (PamongOpen311Client, pamong_open311_client, PAMONG, OPEN311_CLIENT, GObject)

/* @base_url: the endpoint base, e.g. "https://city.example/open311/v2"
 * (resources are "{base}/services.json"); a trailing slash is ignored.
 * Discovery is read from "{base}/discovery.{fmt}", or when that is 404 from
 * the folder above ("/open311/discovery.json" for "/open311/v2", as
 * pamong-server has it), unless set with
 * pamong_open311_client_set_discovery_url(). @format:
 * the one to ask for (AUTO: JSON). NULL and PAMONG_ERROR_INVALID_DATA for a
 * URL that is not http(s). */
PamongOpen311Client *pamong_open311_client_new                (const char          *base_url,
                                                               PamongOpen311Format  format,
                                                               GError             **error);
const char          *pamong_open311_client_get_base_url       (PamongOpen311Client *self);
PamongOpen311Format  pamong_open311_client_get_format         (PamongOpen311Client *self);
void                 pamong_open311_client_set_jurisdiction_id (PamongOpen311Client *self,
                                                               const char          *jurisdiction_id);
void                 pamong_open311_client_set_discovery_url  (PamongOpen311Client *self,
                                                               const char          *url);

void                    pamong_open311_client_fetch_discovery_async  (PamongOpen311Client  *self,
                                                                      GCancellable         *cancellable,
                                                                      GAsyncReadyCallback   callback,
                                                                      gpointer              user_data);
PamongOpen311Discovery *pamong_open311_client_fetch_discovery_finish (PamongOpen311Client  *self,
                                                                      GAsyncResult         *result,
                                                                      GError              **error);
void                    pamong_open311_client_fetch_services_async   (PamongOpen311Client  *self,
                                                                      GCancellable         *cancellable,
                                                                      GAsyncReadyCallback   callback,
                                                                      gpointer              user_data);
GPtrArray              *pamong_open311_client_fetch_services_finish  (PamongOpen311Client  *self,
                                                                      GAsyncResult         *result,
                                                                      GError              **error);
/* @service_code, @start, @end: filters, each may be NULL (the server's
 * default is the last 90 days). */
void                    pamong_open311_client_fetch_requests_async   (PamongOpen311Client  *self,
                                                                      const char           *service_code,
                                                                      GDateTime            *start,
                                                                      GDateTime            *end,
                                                                      GCancellable         *cancellable,
                                                                      GAsyncReadyCallback   callback,
                                                                      gpointer              user_data);
GPtrArray              *pamong_open311_client_fetch_requests_finish  (PamongOpen311Client  *self,
                                                                      GAsyncResult         *result,
                                                                      GError              **error);

G_END_DECLS
