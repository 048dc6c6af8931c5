/* store-test-util.h — shared helpers of the store tests
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-application.h"
#include "pamong-assessment.h"
#include "pamong-error.h"
#include "pamong-indicator-score.h"
#include "pamong-request-event.h"
#include "pamong-service-request.h"
#include "pamong-store.h"
#include "pamong-unit.h"

G_BEGIN_DECLS

typedef struct
{
  char        *dir;
  char        *path;
  PamongStore *store;
} StoreFixture;

void                  store_fixture_set_up    (StoreFixture  *fixture,
                                               gconstpointer  data);
void                  store_fixture_tear_down (StoreFixture  *fixture,
                                               gconstpointer  data);
void                  store_fixture_reopen    (StoreFixture  *fixture);

char                 *test_make_temp_dir      (void);
void                  test_remove_dir         (const char    *dir);

PamongUnit           *test_make_unit          (const char    *code,
                                               const char    *name);
PamongApplication    *test_make_application   (const char    *name,
                                               const char    *operator_unit,
                                               PamongAppStatus status);
PamongServiceRequest *test_make_request       (const char    *tracking_number,
                                               const char    *applicant_name,
                                               const char    *description);

G_END_DECLS
