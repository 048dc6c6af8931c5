/* pamong-open311-view.c — external Open311 GeoReport v2 endpoints, read-only
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person adds the base URL of another government's (or a city's)
 * GeoReport v2 endpoint; Pamong reads its services and requests with
 * LAYANAN-CORE's pamong-open311-client and shows them apart from the
 * office's own requests, read-only. The URLs are kept in the store's meta
 * ("open311-sources", one a line), so they stay with the data, offline.
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pamong-error.h"
#include "pamong-format.h"
#include "pamong-open311-client.h"
#include "pamong-open311-view.h"
#include "pamong-requests-util.h"
#include "pamong-store.h"

#define SOURCES_META_KEY "open311-sources"
#define MAX_ROWS 500

struct _PamongOpen311View
{
  AdwBin               parent_instance;

  PamongStore         *store;
  GPtrArray           *sources;     /* URLs */
  GPtrArray           *titles;      /* what the source switcher shows */
  int                  current;     /* index of the shown source, or -1 */
  PamongOpen311Client *client;
  GCancellable        *cancellable;
  GPtrArray           *services;    /* PamongOpen311Service* */
  GPtrArray           *requests;    /* PamongOpen311Request* */
  char                *error;
  guint                pending;

  GtkLabel            *url_label;
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkListBox          *requests_list;
  GtkListBox          *services_list;
  GtkLabel            *requests_title;
  GtkLabel            *services_title;
};

G_DEFINE_FINAL_TYPE (PamongOpen311View, pamong_open311_view, ADW_TYPE_BIN)

enum {
  SOURCES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Sources */

static char *
title_for (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  /* Translators: an Open311 source in the source switcher; %s is its host name */
  return g_strdup_printf (_("Open311: %s"), host != NULL ? host : url);
}

static void
load_sources (PamongOpen311View *self)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_ptr_array_set_size (self->sources, 0);
  g_ptr_array_set_size (self->titles, 0);
  if (self->store != NULL)
    text = pamong_store_get_meta (self->store, SOURCES_META_KEY, NULL);
  if (text == NULL)
    return;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      {
        g_ptr_array_add (self->sources, g_strdup (lines[i]));
        g_ptr_array_add (self->titles, title_for (lines[i]));
      }
}

static gboolean
save_sources (PamongOpen311View  *self,
              GError            **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->sources->len; i++)
    {
      g_string_append (text, g_ptr_array_index (self->sources, i));
      g_string_append_c (text, '\n');
    }
  return pamong_store_set_meta (self->store, SOURCES_META_KEY, text->str, error);
}

/* Showing a source */

static GtkWidget *
request_row_new (PamongOpen311Request *request)
{
  GtkWidget *row = adw_action_row_new ();
  const char *service = pamong_open311_request_get_service_name (request);
  const char *address = pamong_open311_request_get_address (request);
  const char *description = pamong_open311_request_get_description (request);
  g_autofree char *when = pamong_requests_format_timestamp (pamong_open311_request_get_requested_at (request));
  g_autofree char *place = NULL;
  g_autofree char *title = NULL;
  GString *subtitle = g_string_new (NULL);
  GtkWidget *status = gtk_label_new (pamong_open311_request_get_status_text (request));

  if (pamong_open311_request_get_has_location (request))
    {
      g_autofree char *latitude = pamong_format_decimal (pamong_open311_request_get_latitude (request), 5);
      g_autofree char *longitude = pamong_format_decimal (pamong_open311_request_get_longitude (request), 5);

      /* Translators: latitude and longitude in degrees */
      place = g_strdup_printf (_("%s; %s"), latitude, longitude);
    }
  else
    place = g_strdup (_("Location unknown"));

  /* Translators: an external request: its id and its service */
  title = g_strdup_printf (_("#%s · %s"), pamong_open311_request_get_id (request),
                           service != NULL ? service :
                           (pamong_open311_request_get_service_code (request) != NULL ?
                            pamong_open311_request_get_service_code (request) : _("Unknown service")));
  if (description != NULL)
    {
      g_string_append (subtitle, description);
      g_string_append_c (subtitle, '\n');
    }
  if (address != NULL)
    {
      g_string_append (subtitle, address);
      g_string_append (subtitle, _(" · "));
    }
  g_string_append (subtitle, place);
  if (when != NULL)
    {
      g_string_append (subtitle, _(" · "));
      g_string_append (subtitle, when);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, pamong_open311_request_get_status (request) == PAMONG_OPEN311_STATUS_OPEN ?
                                    "accent" : "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_string_free (subtitle, TRUE);
  return row;
}

static GtkWidget *
service_row_new (PamongOpen311Service *service)
{
  GtkWidget *row = adw_action_row_new ();
  const char *description = pamong_open311_service_get_description (service);
  const char *group = pamong_open311_service_get_group (service);
  g_autofree char *subtitle = NULL;

  if (description != NULL && group != NULL)
    subtitle = g_strdup_printf ("%s\n%s", group, description);
  else
    subtitle = g_strdup (description != NULL ? description : group);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: an external service: its name and its code */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pamong_open311_service_get_name (service));
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
clear_list (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

static void
show_results (PamongOpen311View *self)
{
  guint n_requests = self->requests != NULL ? self->requests->len : 0;
  guint n_services = self->services != NULL ? self->services->len : 0;
  g_autofree char *requests_title = NULL;
  g_autofree char *services_title = NULL;

  if (self->error != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (self->error, -1);

      /* The description is markup; the message is plain text. */
      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  clear_list (self->requests_list);
  clear_list (self->services_list);
  for (guint i = 0; i < MIN (n_requests, MAX_ROWS); i++)
    gtk_list_box_append (self->requests_list, request_row_new (g_ptr_array_index (self->requests, i)));
  for (guint i = 0; i < MIN (n_services, MAX_ROWS); i++)
    gtk_list_box_append (self->services_list, service_row_new (g_ptr_array_index (self->services, i)));

  if (n_requests > MAX_ROWS)
    requests_title = g_strdup_printf (_("Requests (the first %u of %u)"), MAX_ROWS, n_requests);
  else
    requests_title = g_strdup_printf (_("Requests (%u)"), n_requests);
  services_title = g_strdup_printf (_("Services (%u)"), n_services);
  gtk_label_set_text (self->requests_title, requests_title);
  gtk_label_set_text (self->services_title, services_title);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
set_error (PamongOpen311View *self,
           const GError      *error,
           const char        *what)
{
  if (self->error != NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Translators: %s names what could not be read ("the services"), then the reason */
  self->error = g_strdup_printf (_("Pamong could not read %s: %s"), what, error->message);
}

static void
fetch_done (PamongOpen311View *self)
{
  if (--self->pending == 0)
    show_results (self);
}

static void
services_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PamongOpen311View) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *services = pamong_open311_client_fetch_services_finish (PAMONG_OPEN311_CLIENT (source),
                                                                     result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (services == NULL)
    set_error (self, error, _("the services"));
  g_clear_pointer (&self->services, g_ptr_array_unref);
  self->services = services;
  fetch_done (self);
}

static void
requests_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PamongOpen311View) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *requests = pamong_open311_client_fetch_requests_finish (PAMONG_OPEN311_CLIENT (source),
                                                                     result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (requests == NULL)
    set_error (self, error, _("the requests"));
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  self->requests = requests;
  fetch_done (self);
}

/**
 * pamong_open311_view_show_source:
 *
 * Reads the source at @index again and shows what it has.
 */
void
pamong_open311_view_show_source (PamongOpen311View *self,
                                 guint              index)
{
  g_autoptr(GError) error = NULL;
  const char *url;

  g_return_if_fail (PAMONG_IS_OPEN311_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);
  self->pending = 0;

  if (index >= self->sources->len)
    {
      self->current = -1;
      return;
    }
  self->current = (int) index;
  url = g_ptr_array_index (self->sources, index);
  gtk_label_set_text (self->url_label, url);

  self->client = pamong_open311_client_new (url, PAMONG_OPEN311_FORMAT_AUTO, &error);
  if (self->client == NULL)
    {
      set_error (self, error, url);
      show_results (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->pending = 2;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  pamong_open311_client_fetch_services_async (self->client, self->cancellable,
                                              services_cb, g_object_ref (self));
  pamong_open311_client_fetch_requests_async (self->client, NULL, NULL, NULL, self->cancellable,
                                              requests_cb, g_object_ref (self));
}

/* Public */

void
pamong_open311_view_set_store (PamongOpen311View *self,
                               PamongStore       *store)
{
  g_return_if_fail (PAMONG_IS_OPEN311_VIEW (self));

  g_set_object (&self->store, store);
  load_sources (self);
  g_signal_emit (self, signals[SOURCES_CHANGED], 0);
}

guint
pamong_open311_view_get_n_sources (PamongOpen311View *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_VIEW (self), 0);

  return self->sources->len;
}

const char *
pamong_open311_view_get_source_title (PamongOpen311View *self,
                                      guint              index)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_VIEW (self), NULL);
  g_return_val_if_fail (index < self->titles->len, NULL);

  return g_ptr_array_index (self->titles, index);
}

/**
 * pamong_open311_view_add_source:
 * @url: the endpoint's base URL, e.g. "https://city.example/open311/v2"
 *
 * Returns: whether @url was added; PAMONG_ERROR_INVALID_DATA for a URL
 * that is not http(s)
 */
gboolean
pamong_open311_view_add_source (PamongOpen311View  *self,
                                const char         *url,
                                GError            **error)
{
  g_autoptr(PamongOpen311Client) client = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (PAMONG_IS_OPEN311_VIEW (self), FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                           _("No store is open: open or create one first."));
      return FALSE;
    }

  clean = g_strstrip (g_strdup (url));
  client = pamong_open311_client_new (clean, PAMONG_OPEN311_FORMAT_AUTO, error);
  if (client == NULL)
    return FALSE;

  for (guint i = 0; i < self->sources->len; i++)
    if (g_str_equal (g_ptr_array_index (self->sources, i), clean))
      return TRUE;

  g_ptr_array_add (self->sources, g_strdup (clean));
  g_ptr_array_add (self->titles, title_for (clean));
  if (!save_sources (self, error))
    {
      g_ptr_array_remove_index (self->sources, self->sources->len - 1);
      g_ptr_array_remove_index (self->titles, self->titles->len - 1);
      return FALSE;
    }
  g_signal_emit (self, signals[SOURCES_CHANGED], 0);
  return TRUE;
}

void
pamong_open311_view_remove_source (PamongOpen311View *self,
                                   guint              index)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PAMONG_IS_OPEN311_VIEW (self));
  g_return_if_fail (index < self->sources->len);

  g_ptr_array_remove_index (self->sources, index);
  g_ptr_array_remove_index (self->titles, index);
  if (!save_sources (self, &error))
    g_warning ("The Open311 sources could not be saved: %s", error->message);
  pamong_open311_view_show_source (self, G_MAXUINT);
  g_signal_emit (self, signals[SOURCES_CHANGED], 0);
}

static void ask_with_error (PamongOpen311View *self,
                            const char        *url,
                            const char        *problem);

static void
ask_response_cb (AdwMessageDialog  *dialog,
                 const char        *response,
                 PamongOpen311View *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "url");
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  if (!g_str_equal (response, "add"))
    return;

  url = g_strdup (gtk_editable_get_text (entry));
  if (!pamong_open311_view_add_source (self, url, &error))
    ask_with_error (self, url, error->message);
}

static void
ask_with_error (PamongOpen311View *self,
                const char        *url,
                const char        *problem)
{
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *body = NULL;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Add an Open311 Source"), NULL);
  if (problem != NULL)
    body = g_strdup_printf ("%s\n\n%s", problem,
                            _("Type the base URL of a GeoReport v2 endpoint, e.g. https://city.example/open311/v2. Its services and requests are shown read-only, apart from this office’s."));
  else
    body = g_strdup (_("Type the base URL of a GeoReport v2 endpoint, e.g. https://city.example/open311/v2. Its services and requests are shown read-only, apart from this office’s."));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);

  gtk_editable_set_text (GTK_EDITABLE (entry), url != NULL ? url : "");
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Endpoint URL"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "url", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (ask_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/**
 * pamong_open311_view_ask_for_source:
 *
 * Asks for an endpoint's URL and adds it; the source switcher then offers it.
 */
void
pamong_open311_view_ask_for_source (PamongOpen311View *self)
{
  g_return_if_fail (PAMONG_IS_OPEN311_VIEW (self));

  ask_with_error (self, NULL, NULL);
}

const char *
pamong_open311_view_get_state (PamongOpen311View *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
pamong_open311_view_get_error (PamongOpen311View *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_VIEW (self), NULL);

  return self->error;
}

guint
pamong_open311_view_get_n_requests (PamongOpen311View *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_VIEW (self), 0);

  return self->requests != NULL ? self->requests->len : 0;
}

guint
pamong_open311_view_get_n_services (PamongOpen311View *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_VIEW (self), 0);

  return self->services != NULL ? self->services->len : 0;
}

/**
 * pamong_open311_view_get_request_text:
 *
 * Returns: (transfer full) (nullable): the title and subtitle of the
 * request row at @index, one a line
 */
char *
pamong_open311_view_get_request_text (PamongOpen311View *self,
                                      guint              index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (PAMONG_IS_OPEN311_VIEW (self), NULL);

  row = gtk_list_box_get_row_at_index (self->requests_list, (int) index);
  if (row == NULL)
    return NULL;
  return g_strdup_printf ("%s\n%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
}

/* Actions */

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PamongOpen311View *self = PAMONG_OPEN311_VIEW (widget);

  if (self->current >= 0)
    pamong_open311_view_show_source (self, (guint) self->current);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PamongOpen311View *self = PAMONG_OPEN311_VIEW (widget);

  if (self->current >= 0)
    pamong_open311_view_remove_source (self, (guint) self->current);
}

/* GObject */

static void
pamong_open311_view_dispose (GObject *object)
{
  PamongOpen311View *self = PAMONG_OPEN311_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->store);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->titles, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (pamong_open311_view_parent_class)->dispose (object);
}

static void
pamong_open311_view_class_init (PamongOpen311ViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pamong_open311_view_dispose;

  signals[SOURCES_CHANGED] = g_signal_new ("sources-changed",
                                           G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "open311.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "open311.remove", NULL, remove_action);
}

static GtkWidget *
group_new (GtkLabel   **title_out,
           GtkListBox **list_out,
           const char  *accessible_name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_widget_add_css_class (title, "heading");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), list);
  *title_out = GTK_LABEL (title);
  *list_out = GTK_LIST_BOX (list);
  return box;
}

static void
pamong_open311_view_init (PamongOpen311View *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *refresh = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  GtkWidget *loading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *loading_label = gtk_label_new (_("Reading the endpoint…"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *note = gtk_label_new (_("Read-only: these requests belong to another office’s system and are not synchronised."));

  self->sources = g_ptr_array_new_with_free_func (g_free);
  self->titles = g_ptr_array_new_with_free_func (g_free);
  self->current = -1;

  self->url_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->url_label, 0.0f);
  gtk_label_set_ellipsize (self->url_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_selectable (self->url_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->url_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->url_label), "dim-label");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (refresh), "open311.refresh");
  gtk_widget_set_tooltip_text (refresh, _("Read Again"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (refresh), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Read the endpoint again"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "open311.remove");
  gtk_widget_set_tooltip_text (remove, _("Remove This Source"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this Open311 source"), -1);
  gtk_widget_add_css_class (refresh, "flat");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 6);
  gtk_widget_set_margin_top (header, 6);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->url_label));
  gtk_box_append (GTK_BOX (header), refresh);
  gtk_box_append (GTK_BOX (header), remove);
  gtk_box_append (GTK_BOX (outer), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  gtk_widget_set_valign (loading, GTK_ALIGN_CENTER);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_box_append (GTK_BOX (loading), spinner);
  gtk_box_append (GTK_BOX (loading), loading_label);
  gtk_stack_add_named (self->stack, loading, "loading");

  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "network-error-symbolic");
  adw_status_page_set_title (self->error_page, _("The Source Could Not Be Read"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");

  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0.0f);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (content), note);
  gtk_box_append (GTK_BOX (content), group_new (&self->requests_title, &self->requests_list,
                                                _("Requests of the Open311 source")));
  gtk_box_append (GTK_BOX (content), group_new (&self->services_title, &self->services_list,
                                                _("Services of the Open311 source")));
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_stack_add_named (self->stack, scrolled, "list");

  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), outer);
}
