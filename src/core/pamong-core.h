/* pamong-core.h — everything the core offers, in one include
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-types.h"
#include "pamong-error.h"
#include "pamong-enums.h"
#include "pamong-enum-types.h"
#include "pamong-record.h"

#include "pamong-unit.h"
#include "pamong-application.h"
#include "pamong-assessment.h"
#include "pamong-indicator-score.h"
#include "pamong-service-type.h"
#include "pamong-service-request.h"
#include "pamong-request-event.h"
#include "pamong-attachment.h"

#include "pamong-collections.h"
#include "pamong-codec.h"
#include "pamong-format.h"

#include "pamong-framework.h"
#include "pamong-spbe-index.h"
#include "pamong-spbe-planner.h"
#include "pamong-spbe-report.h"

#include "pamong-region.h"
#include "pamong-nik.h"

#include "pamong-calendar.h"
#include "pamong-tracking.h"
#include "pamong-request-workflow.h"
#include "pamong-receipt.h"
#include "pamong-open311-client.h"

#include "pamong-overlap.h"
#include "pamong-csv.h"

#include "pamong-store.h"
#include "pamong-query.h"

#include "pamong-demo.h"
