/* pamong-labels.c — the words the UI shows for enum values
 *
 * One place for these, so every workspace, form and export uses the same
 * word for the same value.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pamong-labels.h"
#include "pamong-request-workflow.h"

const char *
pamong_label_unit_kind (PamongUnitKind kind)
{
  switch (kind)
    {
    case PAMONG_UNIT_KIND_SECRETARIAT:
      return _("Secretariat");
    case PAMONG_UNIT_KIND_AGENCY:
      return _("Agency (Dinas)");
    case PAMONG_UNIT_KIND_BOARD:
      return _("Board (Badan)");
    case PAMONG_UNIT_KIND_INSPECTORATE:
      return _("Inspectorate");
    case PAMONG_UNIT_KIND_KECAMATAN:
      return _("Kecamatan office");
    case PAMONG_UNIT_KIND_HOSPITAL:
      return _("Regional hospital");
    case PAMONG_UNIT_KIND_OTHER:
    default:
      return _("Other unit");
    }
}

const char *
pamong_label_app_category (PamongAppCategory category)
{
  switch (category)
    {
    case PAMONG_APP_CATEGORY_UMUM:
      /* Translators: SE MenPANRB 18/2022 "Aplikasi Umum", an application
       * shared by all government agencies */
      return _("Shared (Umum)");
    case PAMONG_APP_CATEGORY_KHUSUS:
    default:
      /* Translators: SE MenPANRB 18/2022 "Aplikasi Khusus", an application
       * for one agency's own tasks */
      return _("Specific (Khusus)");
    }
}

const char *
pamong_label_app_basis (PamongAppBasis basis)
{
  switch (basis)
    {
    case PAMONG_APP_BASIS_WEB:
      return _("Web");
    case PAMONG_APP_BASIS_MOBILE:
      return _("Mobile");
    case PAMONG_APP_BASIS_DESKTOP:
      return _("Desktop");
    case PAMONG_APP_BASIS_CLOUD:
    default:
      return _("Cloud");
    }
}

const char *
pamong_label_app_license (PamongAppLicense license)
{
  switch (license)
    {
    case PAMONG_APP_LICENSE_OPEN_SOURCE:
      return _("Open source");
    case PAMONG_APP_LICENSE_PROPRIETARY:
    default:
      return _("Proprietary");
    }
}

const char *
pamong_label_app_status (PamongAppStatus status)
{
  switch (status)
    {
    case PAMONG_APP_STATUS_ACTIVE:
      return C_("application status", "Active");
    case PAMONG_APP_STATUS_DEVELOPMENT:
      return C_("application status", "In development");
    case PAMONG_APP_STATUS_INACTIVE:
      return C_("application status", "Inactive");
    case PAMONG_APP_STATUS_RETIRED:
    default:
      return C_("application status", "Retired");
    }
}

const char *
pamong_label_app_plan (PamongAppPlan plan)
{
  switch (plan)
    {
    case PAMONG_APP_PLAN_UNDECIDED:
      return C_("application plan", "Undecided");
    case PAMONG_APP_PLAN_KEEP:
      return C_("application plan", "Keep");
    case PAMONG_APP_PLAN_INTEGRATE:
      return C_("application plan", "Integrate");
    case PAMONG_APP_PLAN_RETIRE:
    default:
      return C_("application plan", "Retire");
    }
}

const char *
pamong_label_review_status (PamongReviewStatus status)
{
  switch (status)
    {
    case PAMONG_REVIEW_STATUS_DRAFT:
      return C_("review status", "Draft");
    case PAMONG_REVIEW_STATUS_FINAL:
    default:
      return C_("review status", "Final");
    }
}

const char *
pamong_label_service_kind (PamongServiceKind kind)
{
  switch (kind)
    {
    case PAMONG_SERVICE_KIND_REQUEST:
      /* Translators: "permohonan", a citizen applying for a service */
      return _("Request");
    case PAMONG_SERVICE_KIND_COMPLAINT:
    default:
      /* Translators: "pengaduan", a citizen's complaint */
      return _("Complaint");
    }
}

/* The workflow's own names (the core names statuses in its errors too). */
const char *
pamong_label_request_status (PamongRequestStatus status)
{
  return pamong_request_status_get_label (status);
}

const char *
pamong_label_event_kind (PamongEventKind kind)
{
  switch (kind)
    {
    case PAMONG_EVENT_KIND_CREATED:
      return C_("request event", "Created");
    case PAMONG_EVENT_KIND_STATUS:
      return C_("request event", "Status changed");
    case PAMONG_EVENT_KIND_COMMENT:
      return C_("request event", "Comment");
    case PAMONG_EVENT_KIND_ASSIGNED:
    default:
      return C_("request event", "Assigned");
    }
}
