/* pamong-labels.h — the words the UI shows for enum values
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pamong-enums.h"

G_BEGIN_DECLS

const char *pamong_label_unit_kind        (PamongUnitKind       kind);
const char *pamong_label_app_category     (PamongAppCategory    category);
const char *pamong_label_app_basis        (PamongAppBasis       basis);
const char *pamong_label_app_license      (PamongAppLicense     license);
const char *pamong_label_app_status       (PamongAppStatus      status);
const char *pamong_label_app_plan         (PamongAppPlan        plan);
const char *pamong_label_review_status    (PamongReviewStatus   status);
const char *pamong_label_service_kind     (PamongServiceKind    kind);
const char *pamong_label_request_status   (PamongRequestStatus  status);
const char *pamong_label_event_kind       (PamongEventKind      kind);

G_END_DECLS
