/* pamong-workspace-page.h — what the workspaces (Aplikasi, Indikator, Layanan) share
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-types.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_WORKSPACE_PAGE (pamong_workspace_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (PamongWorkspacePage, pamong_workspace_page, PAMONG, WORKSPACE_PAGE, AdwBin)

/**
 * PamongWorkspacePageClass:
 * @reload: the page shows another store (or none): read everything again
 * @store_changed: a collection of the store changed; runs after the store's
 *   lazy lists have refreshed themselves
 * @search_changed: the search entry's text changed (after the entry's delay)
 *
 * A workspace is a leaflet with a searchable list and a detail pane. A
 * subclass has a template whose root is the leaflet; it hands the shared
 * widgets over with pamong_workspace_page_init_widgets() after
 * gtk_widget_init_template(). The base class disposes the template.
 */
struct _PamongWorkspacePageClass
{
  AdwBinClass parent_class;

  void (*reload)         (PamongWorkspacePage *self);
  void (*store_changed)  (PamongWorkspacePage *self,
                          const char          *collection);
  void (*search_changed) (PamongWorkspacePage *self);

  /*< private >*/
  gpointer padding[4];
};

PamongStore *pamong_workspace_page_get_store        (PamongWorkspacePage *self);
void         pamong_workspace_page_set_store        (PamongWorkspacePage *self,
                                                     PamongStore         *store);
gboolean     pamong_workspace_page_get_search_mode  (PamongWorkspacePage *self);
void         pamong_workspace_page_set_search_mode  (PamongWorkspacePage *self,
                                                     gboolean             enabled);
GtkEditable *pamong_workspace_page_get_search_entry (PamongWorkspacePage *self);
const char  *pamong_workspace_page_get_search_text  (PamongWorkspacePage *self);

/* For subclasses. */
void         pamong_workspace_page_init_widgets     (PamongWorkspacePage *self,
                                                     AdwLeaflet          *leaflet,
                                                     GtkSearchBar        *search_bar,
                                                     GtkSearchEntry      *search_entry,
                                                     GtkWidget           *back_button);
void         pamong_workspace_page_show_details     (PamongWorkspacePage *self);
void         pamong_workspace_page_hide_when_folded (PamongWorkspacePage *self,
                                                     gpointer             object);

G_END_DECLS
