/* pamong-gui-util.h — small helpers the workspaces share
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-types.h"

G_BEGIN_DECLS

/* Returns the text of one cell for @item, newly allocated (or NULL). */
typedef char *(*PamongCellTextFunc) (gpointer item,
                                     gpointer user_data);

gboolean           pamong_gui_store_is_empty      (PamongStore        *store);
GHashTable        *pamong_gui_load_names          (PamongStore        *store,
                                                   GType               record_type,
                                                   const char         *property,
                                                   const char         *fallback_property);
PamongRecord      *pamong_gui_lookup_again        (PamongStore        *store,
                                                   PamongRecord       *record);
GtkColumnViewColumn *
                   pamong_gui_add_text_column     (GtkColumnView      *view,
                                                   const char         *title,
                                                   gboolean            expand,
                                                   int                 fixed_width,
                                                   PamongCellTextFunc  func,
                                                   gpointer            user_data);
gboolean           pamong_gui_list_set_query      (GtkSingleSelection *selection,
                                                   AdwStatusPage      *no_results_page,
                                                   PamongStore        *store,
                                                   PamongQuery        *query,
                                                   const char         *no_results_text);
void               pamong_gui_list_show_state     (GtkStack           *list_stack,
                                                   guint               n_items,
                                                   gboolean            searching);
void               pamong_gui_row_set_value       (AdwActionRow       *row,
                                                   const char         *value);
void               pamong_gui_row_take_value      (AdwActionRow       *row,
                                                   char               *value);
char              *pamong_gui_join_list           (const char * const *items);
gboolean           pamong_gui_ui_is_english       (void);

G_END_DECLS
