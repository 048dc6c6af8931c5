/* pamong-test-records.h — filling records with test values, for the core tests
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-record.h"

G_BEGIN_DECLS

void     pamong_test_field_value  (GParamSpec   *pspec,
                                   guint         variant,
                                   GValue       *value);
gboolean pamong_test_values_equal (GParamSpec   *pspec,
                                   const GValue *a,
                                   const GValue *b);
void     pamong_test_fill_record  (PamongRecord *record,
                                   guint         variant);

G_END_DECLS
