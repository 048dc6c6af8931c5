/* pamong-error.c
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-core"

#include "config.h"

#include "pamong-error.h"

G_DEFINE_QUARK (pamong-error-quark, pamong_error)
