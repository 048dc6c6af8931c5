/* pamong-demo.h — the deterministic Kabupaten Blora demo dataset
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pamong-types.h"

G_BEGIN_DECLS

/**
 * PamongDemoSize:
 * @PAMONG_DEMO_SIZE_DEMO: about 150 applications and 2,000 service requests
 * @PAMONG_DEMO_SIZE_BENCHMARK: 27,000 applications and 100,000 service requests
 */
typedef enum
{
  PAMONG_DEMO_SIZE_DEMO,
  PAMONG_DEMO_SIZE_BENCHMARK,
} PamongDemoSize;

/** The seed the app and the server use unless told otherwise. */
#define PAMONG_DEMO_DEFAULT_SEED 3316u

/**
 * PamongDemoOptions:
 * @size: how much data to make
 * @seed: the PRNG seed; the same seed gives byte-identical records
 */
typedef struct
{
  PamongDemoSize size;
  guint32        seed;
} PamongDemoOptions;

void       pamong_demo_options_init      (PamongDemoOptions        *options);

GPtrArray *pamong_demo_generate_records  (const PamongDemoOptions  *options,
                                          GError                  **error);
gboolean   pamong_demo_generate          (PamongStore              *store,
                                          const PamongDemoOptions  *options,
                                          GError                  **error);

G_END_DECLS
