/* pamong-server-policy.h — who may write what: the roles of DESIGN.md §3
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-record.h"
#include "pamong-store.h"

#include "pamong-server-auth.h"

G_BEGIN_DECLS

/* May @user write (create/update: @proposed != NULL; delete: @proposed ==
 * NULL) a record of @collection? @current is the server's record now (NULL
 * on create). FALSE with PAMONG_ERROR_FORBIDDEN and a message saying why.
 * Operators: applications (operator-unit) and service_requests (unit) of
 * their unit, before and after the write; request_events and attachments
 * whose parent service request is in their unit. Assessors: assessments,
 * indicator_scores and attachments owned by either. Admin: everything.
 * Viewer: nothing. */
gboolean pamong_server_policy_can_write (PamongStore             *store,
                                         const PamongServerUser  *user,
                                         const char              *collection,
                                         PamongRecord            *current,
                                         PamongRecord            *proposed,
                                         GError                 **error);

/* FALSE with PAMONG_ERROR_FORBIDDEN unless @user is an admin. */
gboolean pamong_server_policy_is_admin  (const PamongServerUser  *user,
                                         GError                 **error);

G_END_DECLS
