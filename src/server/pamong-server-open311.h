/* pamong-server-open311.h — Open311 GeoReport v2 over the service catalogue
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-server.h"

G_BEGIN_DECLS

/** Where the discovery documents live: discovery.json and discovery.xml. */
#define PAMONG_OPEN311_PREFIX "/open311/"

/** The GeoReport v2 endpoint's base, below #PAMONG_OPEN311_PREFIX. */
#define PAMONG_OPEN311_BASE PAMONG_OPEN311_PREFIX "v2"

/** The jurisdiction_id this server answers to (Blora's website root). */
#define PAMONG_OPEN311_JURISDICTION "blorakab.go.id"

/** The most requests one GET requests answer holds (the spec's limit). */
#define PAMONG_OPEN311_MAX_REQUESTS 1000u

/** The default window of GET requests, in days (the spec's 90). */
#define PAMONG_OPEN311_DEFAULT_DAYS 90

/** The longest description a POST may carry, in characters (the spec's). */
#define PAMONG_OPEN311_MAX_DESCRIPTION 4000

void pamong_server_open311_register (PamongServer *server);

G_END_DECLS
