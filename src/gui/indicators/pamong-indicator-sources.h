/* pamong-indicator-sources.h — candidate evidence for an indicator from the regency's own records
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pamong-types.h"

G_BEGIN_DECLS

/*
 * Where the records of the other workspaces speak to an indicator, Pamong
 * gathers them beside the scoring pane; the assessor decides what they are
 * worth. A small data table ties an indicator of a framework to search
 * words matched against the application inventory; for the complaint
 * indicator (P59 no. 42) the Layanan records also give the share of
 * complaints handled within their service-time standard.
 */

/**
 * PamongComplaintShare:
 * @n_completed: complaints completed (with a due date)
 * @n_on_time: of those, completed on or before their due date
 * @n_open_overdue: complaints still open past their due date
 */
typedef struct
{
  guint n_completed;
  guint n_on_time;
  guint n_open_overdue;
} PamongComplaintShare;

const char * const *pamong_indicator_sources_get_keywords       (const char            *framework_id,
                                                                 guint                  indicator_number);
gboolean            pamong_indicator_sources_has_complaints     (const char            *framework_id,
                                                                 guint                  indicator_number);
GPtrArray          *pamong_indicator_sources_find_applications  (PamongStore           *store,
                                                                 const char            *framework_id,
                                                                 guint                  indicator_number,
                                                                 guint                  max_results,
                                                                 GError               **error);
gboolean            pamong_indicator_sources_complaint_share    (PamongStore           *store,
                                                                 PamongComplaintShare  *out_share,
                                                                 GError               **error);

G_END_DECLS
