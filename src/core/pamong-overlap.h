/* pamong-overlap.h — applications that probably do the same job
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pamong-application.h"

G_BEGIN_DECLS

/**
 * PamongNationalField:
 * @id: a stable key, e.g. "kearsipan"
 * @name: the field's name in Perpres 95/2018 Pasal 63 (Indonesian: data)
 * @national_apps: (array zero-terminated=1): the national Aplikasi Umum for
 *   the field, the recommended target first; empty when none is designated
 * @keywords: (array zero-terminated=1): words and phrases (normalised: lower
 *   case, single spaces) whose presence in an application's name, function
 *   or supported services places it in the field
 */
typedef struct
{
  const char         *id;
  const char         *name;
  const char * const *national_apps;
  const char * const *keywords;
} PamongNationalField;

typedef enum
{
  PAMONG_OVERLAP_SIMILAR,
  PAMONG_OVERLAP_NATIONAL,
} PamongOverlapKind;

/**
 * PamongOverlapGroup:
 * @kind: similar applications of several units, or local applications in a
 *   field reserved for a national Aplikasi Umum
 * @national_field: the field's index in pamong_overlap_get_national_fields()
 *   for %PAMONG_OVERLAP_NATIONAL, -1 otherwise
 * @score: the best similarity of the pairs that joined the group (1.0 for
 *   a national group); pairs already in one group are not scored
 * @applications: (element-type PamongApplication): the members, by name
 */
typedef struct
{
  PamongOverlapKind  kind;
  int                national_field;
  double             score;
  GPtrArray         *applications;
} PamongOverlapGroup;

/** The similarity from which two applications of different units group. */
#define PAMONG_OVERLAP_DEFAULT_THRESHOLD 0.5

const PamongNationalField *pamong_overlap_get_national_fields (guint              *n_fields);
int                        pamong_overlap_find_national_field (PamongApplication  *app);
gboolean                   pamong_overlap_is_national_app     (PamongApplication  *app,
                                                               int                 field);
char                     **pamong_overlap_tokens              (const char         *text);
double                     pamong_overlap_similarity          (PamongApplication  *a,
                                                               PamongApplication  *b);
GPtrArray                 *pamong_overlap_find                (GPtrArray          *applications,
                                                               double              threshold);
void                       pamong_overlap_group_free          (PamongOverlapGroup *group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PamongOverlapGroup, pamong_overlap_group_free)

G_END_DECLS
