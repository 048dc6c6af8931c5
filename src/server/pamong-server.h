/* pamong-server.h — the reference SPBE service: HTTP routes over a store
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "pamong-types.h"

G_BEGIN_DECLS

/** The prefix of every route of the Pamong API, version 1. */
#define PAMONG_SERVER_API_PREFIX "/api/v1"

/** The prefix of the blob routes, whose bodies may be larger. */
#define PAMONG_SERVER_BLOBS_PREFIX PAMONG_SERVER_API_PREFIX "/blobs/"

/** The default largest request body of every route but the blobs: 1 MiB. */
#define PAMONG_SERVER_DEFAULT_JSON_LIMIT (G_GUINT64_CONSTANT (1) << 20)

/** The batch endpoint, whose body may hold up to 1,000 records. */
#define PAMONG_SERVER_BATCH_PATH PAMONG_SERVER_API_PREFIX "/batch"
/** The largest body of a batch: 16 times the JSON limit (16 MiB by default),
 * room for a full batch of 1,000 records of up to 16 KiB each. */
#define PAMONG_SERVER_BATCH_LIMIT_FACTOR 16

/** The default largest request body under #PAMONG_SERVER_BLOBS_PREFIX: 20 MiB. */
#define PAMONG_SERVER_DEFAULT_BLOB_LIMIT (G_GUINT64_CONSTANT (20) << 20)

/** The Content-Disposition of every answer unless it says otherwise: a
 * browser saves an answer as a file, never shows it (OWASP ASVS 14.4.2). */
#define PAMONG_SERVER_CONTENT_DISPOSITION_JSON "attachment; filename=\"api.json\""

/** The GnuTLS priority pamong-server sets (G_TLS_GNUTLS_PRIORITY, unless
 * the environment has one): GnuTLS's defaults without SSL 3.0, TLS 1.0
 * and TLS 1.1, so HTTPS is TLS 1.2 or 1.3 (OWASP ASVS 9.1.3). A program
 * embedding #PamongServer sets it in main() before any TLS is used. */
#define PAMONG_SERVER_TLS_PRIORITY "NORMAL:-VERS-SSL3.0:-VERS-TLS1.0:-VERS-TLS1.1"

/** How many seconds an upload's malware scan may take by default. */
#define PAMONG_SERVER_DEFAULT_SCAN_TIMEOUT 30

/** How many uploads are scanned at once; one more is answered 503 with a
 * Retry-After of #PAMONG_SERVER_SCAN_BUSY_RETRY_AFTER seconds. */
#define PAMONG_SERVER_MAX_SCANS 4
#define PAMONG_SERVER_SCAN_BUSY_RETRY_AFTER 5

/** How deeply arrays and objects may nest in a request's JSON. */
#define PAMONG_SERVER_JSON_MAX_DEPTH 32

#define PAMONG_TYPE_SERVER (pamong_server_get_type ())
G_DECLARE_FINAL_TYPE (PamongServer, pamong_server, PAMONG, SERVER, GObject)

/**
 * PamongServerHandler:
 * @server: the server
 * @msg: the request; the handler sets its response
 * @subpath: for a prefix route (a pattern ending in '/'), the rest of the
 *   path after the pattern, possibly empty; for an exact route, ""
 * @user_data: the data given to pamong_server_add_route()
 * @error: where to put the reason the request failed
 *
 * Answers one request. A handler either sets a response on @msg (usually
 * with pamong_server_respond_json() or pamong_server_respond_error()) and
 * returns %TRUE, or returns %FALSE with @error set, and the server answers
 * with the JSON error matching the error's code (see
 * pamong_server_respond_gerror()).
 *
 * A handler may also answer later, without blocking the main loop (e.g.
 * after work in a thread): it keeps a reference on @msg, calls
 * soup_server_message_pause() and returns %TRUE with no response set yet;
 * later, on the server's main context, it sets the response (or calls
 * pamong_server_respond_gerror()) and calls soup_server_message_unpause().
 * The router adds nothing to a message once its handler returned %TRUE.
 * The login endpoint answers so.
 *
 * Returns: %TRUE if @msg has its response, or will get it later (paused)
 */
typedef gboolean (*PamongServerHandler) (PamongServer       *server,
                                         SoupServerMessage  *msg,
                                         const char         *subpath,
                                         gpointer            user_data,
                                         GError            **error);

PamongServer *pamong_server_new              (PamongStore         *store);
PamongStore  *pamong_server_get_store        (PamongServer        *self);
gboolean      pamong_server_get_demo         (PamongServer        *self);
void          pamong_server_set_demo         (PamongServer        *self,
                                              gboolean             demo);
guint64       pamong_server_get_json_limit   (PamongServer        *self);
void          pamong_server_set_json_limit   (PamongServer        *self,
                                              guint64              limit);
guint64       pamong_server_get_blob_limit   (PamongServer        *self);
void          pamong_server_set_blob_limit   (PamongServer        *self,
                                              guint64              limit);
GTlsCertificate *
              pamong_server_get_tls_certificate (PamongServer     *self);
void          pamong_server_set_tls_certificate (PamongServer     *self,
                                              GTlsCertificate     *certificate);
const char * const *
              pamong_server_get_scan_command (PamongServer      *self);
void          pamong_server_set_scan_command (PamongServer        *self,
                                              const char * const  *argv);
guint         pamong_server_get_scan_timeout (PamongServer        *self);
void          pamong_server_set_scan_timeout (PamongServer        *self,
                                              guint                seconds);

void          pamong_server_add_route        (PamongServer        *self,
                                              const char          *method,
                                              const char          *pattern,
                                              PamongServerHandler  handler,
                                              gpointer             user_data,
                                              GDestroyNotify       destroy);

gboolean      pamong_server_listen           (PamongServer        *self,
                                              const char          *address,
                                              GError             **error);
const char   *pamong_server_get_uri          (PamongServer        *self);
void          pamong_server_disconnect       (PamongServer        *self);

void          pamong_server_respond_json     (SoupServerMessage   *msg,
                                              guint                status,
                                              JsonNode            *node);
void          pamong_server_respond_error    (SoupServerMessage   *msg,
                                              guint                status,
                                              const char          *code,
                                              const char          *message);
void          pamong_server_respond_gerror   (SoupServerMessage   *msg,
                                              const GError        *error);
void          pamong_server_respond_no_content (SoupServerMessage *msg);

JsonNode     *pamong_server_read_json        (SoupServerMessage   *msg,
                                              GError             **error);
JsonObject   *pamong_server_read_object      (SoupServerMessage   *msg,
                                              JsonNode           **root,
                                              GError             **error);
gboolean      pamong_server_json_get_string  (JsonObject          *object,
                                              const char          *name,
                                              gboolean             required,
                                              const char         **value,
                                              GError             **error);
gboolean      pamong_server_check_json_depth (const char          *data,
                                              gsize                length,
                                              guint                max_depth,
                                              GError             **error);

gboolean      pamong_server_parse_address    (const char          *address,
                                              char               **host,
                                              guint16             *port,
                                              GError             **error);
gboolean      pamong_server_host_is_loopback (const char          *host);

G_END_DECLS
