/* pamong-types.h — forward declarations shared by every part of Pamong
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _PamongRecord          PamongRecord;
typedef struct _PamongUnit            PamongUnit;
typedef struct _PamongApplication     PamongApplication;
typedef struct _PamongAssessment      PamongAssessment;
typedef struct _PamongIndicatorScore  PamongIndicatorScore;
typedef struct _PamongServiceType     PamongServiceType;
typedef struct _PamongServiceRequest  PamongServiceRequest;
typedef struct _PamongRequestEvent    PamongRequestEvent;
typedef struct _PamongAttachment      PamongAttachment;

typedef struct _PamongStore           PamongStore;
typedef struct _PamongQuery           PamongQuery;
typedef struct _PamongFramework       PamongFramework;

G_END_DECLS
