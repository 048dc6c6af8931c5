/* pamong-workspace-page.c — what the workspaces (Aplikasi, Indikator, Layanan) share
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include "pamong-store.h"
#include "pamong-workspace-page.h"

typedef struct
{
  PamongStore    *store;
  gulong          store_changed_id;

  /* The subclass's template widgets, owned by its template */
  AdwLeaflet     *leaflet;
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
} PamongWorkspacePagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (PamongWorkspacePage, pamong_workspace_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_MODE_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Runs after the lazy lists have refreshed themselves: they listen to the
 * store too, and keep their selection when rows change. */
static void
store_changed_cb (PamongStore         *store,
                  const char          *collection,
                  PamongWorkspacePage *self)
{
  PamongWorkspacePageClass *klass = PAMONG_WORKSPACE_PAGE_GET_CLASS (self);

  if (klass->store_changed != NULL)
    klass->store_changed (self, collection);
}

static void
search_changed_cb (PamongWorkspacePage *self)
{
  PamongWorkspacePageClass *klass = PAMONG_WORKSPACE_PAGE_GET_CLASS (self);

  if (klass->search_changed != NULL)
    klass->search_changed (self);
}

static void
search_mode_changed_cb (PamongWorkspacePage *self)
{
  PamongWorkspacePagePrivate *priv = pamong_workspace_page_get_instance_private (self);

  if (gtk_search_bar_get_search_mode (priv->search_bar))
    gtk_widget_grab_focus (GTK_WIDGET (priv->search_entry));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE_ENABLED]);
}

static void
back_clicked_cb (PamongWorkspacePage *self)
{
  PamongWorkspacePagePrivate *priv = pamong_workspace_page_get_instance_private (self);

  adw_leaflet_navigate (priv->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Public */

PamongStore *
pamong_workspace_page_get_store (PamongWorkspacePage *self)
{
  PamongWorkspacePagePrivate *priv = pamong_workspace_page_get_instance_private (self);

  g_return_val_if_fail (PAMONG_IS_WORKSPACE_PAGE (self), NULL);

  return priv->store;
}

void
pamong_workspace_page_set_store (PamongWorkspacePage *self,
                                 PamongStore         *store)
{
  PamongWorkspacePagePrivate *priv = pamong_workspace_page_get_instance_private (self);
  PamongWorkspacePageClass *klass;

  g_return_if_fail (PAMONG_IS_WORKSPACE_PAGE (self));
  g_return_if_fail (store == NULL || PAMONG_IS_STORE (store));

  if (priv->store == store)
    return;

  if (priv->store != NULL)
    g_clear_signal_handler (&priv->store_changed_id, priv->store);
  g_set_object (&priv->store, store);
  if (store != NULL)
    priv->store_changed_id = g_signal_connect_after (store, "changed",
                                                     G_CALLBACK (store_changed_cb), self);

  klass = PAMONG_WORKSPACE_PAGE_GET_CLASS (self);
  if (klass->reload != NULL)
    klass->reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
pamong_workspace_page_get_search_mode (PamongWorkspacePage *self)
{
  PamongWorkspacePagePrivate *priv = pamong_workspace_page_get_instance_private (self);

  g_return_val_if_fail (PAMONG_IS_WORKSPACE_PAGE (self), FALSE);

  return priv->search_bar != NULL && gtk_search_bar_get_search_mode (priv->search_bar);
}

void
pamong_workspace_page_set_search_mode (PamongWorkspacePage *self,
                                       gboolean             enabled)
{
  PamongWorkspacePagePrivate *priv = pamong_workspace_page_get_instance_private (self);

  g_return_if_fail (PAMONG_IS_WORKSPACE_PAGE (self));
  g_return_if_fail (priv->search_bar != NULL);

  /* The search bar notifies, and search_mode_changed_cb() passes that on. */
  gtk_search_bar_set_search_mode (priv->search_bar, enabled);
}

GtkEditable *
pamong_workspace_page_get_search_entry (PamongWorkspacePage *self)
{
  PamongWorkspacePagePrivate *priv = pamong_workspace_page_get_instance_private (self);

  g_return_val_if_fail (PAMONG_IS_WORKSPACE_PAGE (self), NULL);

  return GTK_EDITABLE (priv->search_entry);
}

/**
 * pamong_workspace_page_get_search_text:
 *
 * Returns: (nullable): what the search entry holds, or %NULL when it is empty
 */
const char *
pamong_workspace_page_get_search_text (PamongWorkspacePage *self)
{
  PamongWorkspacePagePrivate *priv = pamong_workspace_page_get_instance_private (self);
  const char *text;

  g_return_val_if_fail (PAMONG_IS_WORKSPACE_PAGE (self), NULL);

  if (priv->search_entry == NULL)
    return NULL;
  text = gtk_editable_get_text (GTK_EDITABLE (priv->search_entry));
  return text != NULL && *text != '\0' ? text : NULL;
}

/**
 * pamong_workspace_page_init_widgets:
 * @leaflet: the template's root: the list, a separator and the details
 * @search_bar: the list's search bar
 * @search_entry: the search bar's entry
 * @back_button: the detail pane's button back to the list
 *
 * Wires the widgets every workspace has: typing anywhere on the page
 * searches, the back button shows only when the leaflet is folded.
 * Subclasses call it once, after gtk_widget_init_template().
 */
void
pamong_workspace_page_init_widgets (PamongWorkspacePage *self,
                                    AdwLeaflet          *leaflet,
                                    GtkSearchBar        *search_bar,
                                    GtkSearchEntry      *search_entry,
                                    GtkWidget           *back_button)
{
  PamongWorkspacePagePrivate *priv = pamong_workspace_page_get_instance_private (self);

  g_return_if_fail (PAMONG_IS_WORKSPACE_PAGE (self));
  g_return_if_fail (ADW_IS_LEAFLET (leaflet));
  g_return_if_fail (GTK_IS_SEARCH_BAR (search_bar));
  g_return_if_fail (GTK_IS_SEARCH_ENTRY (search_entry));
  g_return_if_fail (GTK_IS_WIDGET (back_button));
  g_return_if_fail (priv->leaflet == NULL);

  priv->leaflet = leaflet;
  priv->search_bar = search_bar;
  priv->search_entry = search_entry;

  gtk_search_bar_connect_entry (search_bar, GTK_EDITABLE (search_entry));
  gtk_search_bar_set_key_capture_widget (search_bar, GTK_WIDGET (self));

  g_signal_connect_object (search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (back_button, "clicked",
                           G_CALLBACK (back_clicked_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (leaflet, "folded",
                          back_button, "visible",
                          G_BINDING_SYNC_CREATE);
}

/**
 * pamong_workspace_page_show_details:
 *
 * Moves a folded leaflet on to the detail pane, after the page filled it.
 */
void
pamong_workspace_page_show_details (PamongWorkspacePage *self)
{
  PamongWorkspacePagePrivate *priv = pamong_workspace_page_get_instance_private (self);

  g_return_if_fail (PAMONG_IS_WORKSPACE_PAGE (self));
  g_return_if_fail (priv->leaflet != NULL);

  if (adw_leaflet_get_folded (priv->leaflet))
    adw_leaflet_navigate (priv->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * pamong_workspace_page_hide_when_folded:
 * @object: a widget or a #GtkColumnViewColumn
 *
 * Hides @object while the leaflet is folded: a narrow window keeps what a
 * person scans first.
 */
void
pamong_workspace_page_hide_when_folded (PamongWorkspacePage *self,
                                        gpointer             object)
{
  PamongWorkspacePagePrivate *priv = pamong_workspace_page_get_instance_private (self);

  g_return_if_fail (PAMONG_IS_WORKSPACE_PAGE (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (priv->leaflet != NULL);

  g_object_bind_property (priv->leaflet, "folded",
                          object, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
}

/* GObject */

static void
pamong_workspace_page_dispose (GObject *object)
{
  PamongWorkspacePage *self = PAMONG_WORKSPACE_PAGE (object);
  PamongWorkspacePagePrivate *priv = pamong_workspace_page_get_instance_private (self);

  if (priv->store != NULL)
    g_clear_signal_handler (&priv->store_changed_id, priv->store);
  g_clear_object (&priv->store);

  /* The leaflet is both AdwBin's child and a template child: take it out
   * of the bin first, so the two do not both unparent it. The template is
   * the (final) subclass's. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  priv->leaflet = NULL;
  priv->search_bar = NULL;
  priv->search_entry = NULL;

  G_OBJECT_CLASS (pamong_workspace_page_parent_class)->dispose (object);
}

static void
pamong_workspace_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PamongWorkspacePage *self = PAMONG_WORKSPACE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, pamong_workspace_page_get_store (self));
      break;
    case PROP_SEARCH_MODE_ENABLED:
      g_value_set_boolean (value, pamong_workspace_page_get_search_mode (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_workspace_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PamongWorkspacePage *self = PAMONG_WORKSPACE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      pamong_workspace_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_SEARCH_MODE_ENABLED:
      pamong_workspace_page_set_search_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_workspace_page_class_init (PamongWorkspacePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pamong_workspace_page_dispose;
  object_class->get_property = pamong_workspace_page_get_property;
  object_class->set_property = pamong_workspace_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PAMONG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SEARCH_MODE_ENABLED] =
    g_param_spec_boolean ("search-mode-enabled", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pamong_workspace_page_init (PamongWorkspacePage *self)
{
}
