/* pamong-enums.h — the vocabularies of Pamong's records
 *
 * GEnum types are generated from this file (pamong-enum-types.h); the codec
 * writes a value as its nick, e.g. "in-progress".
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The kind of a government unit (OPD and its offices). */
typedef enum
{
  PAMONG_UNIT_KIND_SECRETARIAT,   /* Sekretariat Daerah / DPRD */
  PAMONG_UNIT_KIND_AGENCY,        /* Dinas */
  PAMONG_UNIT_KIND_BOARD,         /* Badan */
  PAMONG_UNIT_KIND_INSPECTORATE,  /* Inspektorat */
  PAMONG_UNIT_KIND_KECAMATAN,     /* a kecamatan office */
  PAMONG_UNIT_KIND_HOSPITAL,      /* RSUD */
  PAMONG_UNIT_KIND_OTHER,
} PamongUnitKind;

/* SE MenPANRB 18/2022: Aplikasi Umum (shared, national) or Aplikasi Khusus. */
typedef enum
{
  PAMONG_APP_CATEGORY_UMUM,
  PAMONG_APP_CATEGORY_KHUSUS,
} PamongAppCategory;

/* Basis Aplikasi (SE18 attribute 13). */
typedef enum
{
  PAMONG_APP_BASIS_WEB,
  PAMONG_APP_BASIS_MOBILE,
  PAMONG_APP_BASIS_DESKTOP,
  PAMONG_APP_BASIS_CLOUD,
} PamongAppBasis;

/* Tipe Lisensi (SE18 attribute 15). */
typedef enum
{
  PAMONG_APP_LICENSE_OPEN_SOURCE,
  PAMONG_APP_LICENSE_PROPRIETARY,
} PamongAppLicense;

typedef enum
{
  PAMONG_APP_STATUS_ACTIVE,
  PAMONG_APP_STATUS_DEVELOPMENT,
  PAMONG_APP_STATUS_INACTIVE,
  PAMONG_APP_STATUS_RETIRED,
} PamongAppStatus;

/* The rationalisation plan recorded for an application. */
typedef enum
{
  PAMONG_APP_PLAN_UNDECIDED,
  PAMONG_APP_PLAN_KEEP,
  PAMONG_APP_PLAN_INTEGRATE,
  PAMONG_APP_PLAN_RETIRE,
} PamongAppPlan;

/* Draft or final: for an assessment and for each indicator score. */
typedef enum
{
  PAMONG_REVIEW_STATUS_DRAFT,
  PAMONG_REVIEW_STATUS_FINAL,
} PamongReviewStatus;

/* Permohonan (an application for a service) or pengaduan (a complaint). */
typedef enum
{
  PAMONG_SERVICE_KIND_REQUEST,
  PAMONG_SERVICE_KIND_COMPLAINT,
} PamongServiceKind;

typedef enum
{
  PAMONG_REQUEST_STATUS_SUBMITTED,
  PAMONG_REQUEST_STATUS_VERIFIED,
  PAMONG_REQUEST_STATUS_IN_PROGRESS,
  PAMONG_REQUEST_STATUS_COMPLETED,
  PAMONG_REQUEST_STATUS_REJECTED,
} PamongRequestStatus;

typedef enum
{
  PAMONG_EVENT_KIND_CREATED,
  PAMONG_EVENT_KIND_STATUS,
  PAMONG_EVENT_KIND_COMMENT,
  PAMONG_EVENT_KIND_ASSIGNED,
} PamongEventKind;

/* Roles of pamong-server's accounts (DESIGN.md §3), mirrored in the UI. */
typedef enum
{
  PAMONG_ROLE_ADMIN,     /* Dinkominfo: everything */
  PAMONG_ROLE_OPERATOR,  /* its own unit's applications and service requests */
  PAMONG_ROLE_ASSESSOR,  /* assessments, indicator scores and their evidence */
  PAMONG_ROLE_VIEWER,    /* reads only */
} PamongRole;

G_END_DECLS
