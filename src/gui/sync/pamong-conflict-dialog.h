/* pamong-conflict-dialog.h — records changed here and on the server: both
 * versions side by side, and the person's choice
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-store.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_CONFLICT_DIALOG (pamong_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PamongConflictDialog, pamong_conflict_dialog, PAMONG, CONFLICT_DIALOG, AdwWindow)

PamongConflictDialog *pamong_conflict_dialog_new          (PamongStore          *store);

const char           *pamong_field_label                  (const char           *field);

/* What the person sees and does, for the UI tests. */
guint                 pamong_conflict_dialog_get_n_conflicts   (PamongConflictDialog *self);
gboolean              pamong_conflict_dialog_select            (PamongConflictDialog *self,
                                                                guint                 index);
PamongRecord         *pamong_conflict_dialog_get_selected      (PamongConflictDialog *self);
GStrv                 pamong_conflict_dialog_get_differing_fields (PamongConflictDialog *self);
gboolean              pamong_conflict_dialog_choose            (PamongConflictDialog *self,
                                                                const char           *field,
                                                                gboolean              theirs);
void                  pamong_conflict_dialog_keep_mine         (PamongConflictDialog *self);
void                  pamong_conflict_dialog_take_theirs       (PamongConflictDialog *self);
void                  pamong_conflict_dialog_use_selected      (PamongConflictDialog *self);

G_END_DECLS
