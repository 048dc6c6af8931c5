/* pamong-codec.h — records to and from JSON: the wire format
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pamong-record.h"

G_BEGIN_DECLS

JsonNode     *pamong_codec_encode        (PamongRecord  *record);
char         *pamong_codec_encode_string (PamongRecord  *record);
PamongRecord *pamong_codec_decode        (GType          record_type,
                                          JsonNode      *node,
                                          GError       **error);
PamongRecord *pamong_codec_decode_string (GType          record_type,
                                          const char    *json,
                                          gssize         length,
                                          GError       **error);

G_END_DECLS
