/* pamong-collections.h — the registry of synchronised collections
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const GType *pamong_collections_get_types (guint      *n_types);
GType        pamong_collections_lookup    (const char *collection);

G_END_DECLS
