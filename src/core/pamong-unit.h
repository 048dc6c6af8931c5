/* pamong-unit.h — a government unit (OPD)
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-enums.h"
#include "pamong-enum-types.h"
#include "pamong-record.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_UNIT (pamong_unit_get_type ())
G_DECLARE_FINAL_TYPE (PamongUnit, pamong_unit, PAMONG, UNIT, PamongRecord)

PamongUnit     *pamong_unit_new            (void);
const char     *pamong_unit_get_code       (PamongUnit     *self);
void            pamong_unit_set_code       (PamongUnit     *self,
                                            const char     *code);
const char     *pamong_unit_get_name       (PamongUnit     *self);
void            pamong_unit_set_name       (PamongUnit     *self,
                                            const char     *name);
const char     *pamong_unit_get_short_name (PamongUnit     *self);
void            pamong_unit_set_short_name (PamongUnit     *self,
                                            const char     *short_name);
PamongUnitKind  pamong_unit_get_kind       (PamongUnit     *self);
void            pamong_unit_set_kind       (PamongUnit     *self,
                                            PamongUnitKind  kind);

G_END_DECLS
