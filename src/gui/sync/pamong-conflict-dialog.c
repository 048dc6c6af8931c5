/* pamong-conflict-dialog.c — records changed here and on the server: both
 * versions side by side, and the person's choice
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pamong-collections.h"
#include "pamong-conflict-dialog.h"
#include "pamong-enum-types.h"
#include "pamong-labels.h"

/*
 * A conflict is a row the person edited here while someone changed it on
 * the server (a 412 on push, or a pull that met a pending edit): the store
 * keeps both versions until the person decides. The dialog lists every
 * conflict; for the one selected it shows the fields side by side, the
 * differing ones first and highlighted, each with a choice of "this
 * computer" or "the server". Keep Mine and Take Theirs decide the whole
 * record; Use Selected takes each differing field from the side chosen.
 * The decision goes to pamong_store_resolve_conflict(), which makes it a
 * pending edit against the server's version (or settles it as the
 * server's version), and "resolved" asks for a sync. Nothing is decided
 * without the person pressing one of the three buttons.
 */

typedef struct
{
  GParamSpec *pspec;
  GtkWidget  *mine;
  GtkWidget  *theirs;
} FieldChoice;

struct _PamongConflictDialog
{
  AdwWindow        parent_instance;

  PamongStore     *store;
  GPtrArray       *conflicts;   /* PamongRecord, the local versions */
  PamongRecord    *selected;
  PamongRecord    *theirs;
  GArray          *choices;     /* FieldChoice of the differing fields */

  AdwToastOverlay *toast_overlay;
  GtkWidget       *list_box;
  GtkWidget       *stack;
  GtkWidget       *title_label;
  GtkWidget       *subtitle_label;
  GtkWidget       *grid;
  GtkWidget       *use_selected_button;
};

G_DEFINE_FINAL_TYPE (PamongConflictDialog, pamong_conflict_dialog, ADW_TYPE_WINDOW)

enum
{
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *field;
  const char *label;
} field_labels[] = {
  { "address", N_("Address") },
  { "applicant-name", N_("Applicant") },
  { "applicant-nik", N_("Applicant’s NIK") },
  { "applicant-phone", N_("Applicant’s phone") },
  { "assessment", N_("Assessment") },
  { "assessor", N_("Assessor") },
  { "author", N_("Author") },
  { "basis", N_("Basis") },
  { "category", N_("Category") },
  { "code", N_("Code") },
  { "completed-at", N_("Completed at") },
  { "content-type", N_("File type") },
  { "cost", N_("Cost (rupiah)") },
  { "data-used", N_("Data used") },
  { "database", N_("Database") },
  { "deleted", N_("Deleted") },
  { "description", N_("Description") },
  { "developer-unit", N_("Developer unit") },
  { "due-date", N_("Due date") },
  { "filename", N_("File name") },
  { "framework", N_("Framework") },
  { "from-status", N_("Status before") },
  { "function", N_("Function") },
  { "has-location", N_("Has a location") },
  { "indicator", N_("Indicator") },
  { "justification", N_("Justification") },
  { "kind", N_("Kind") },
  { "latitude", N_("Latitude") },
  { "legal-basis", N_("Legal basis") },
  { "level", N_("Level") },
  { "license", N_("License") },
  { "longitude", N_("Longitude") },
  { "name", N_("Name") },
  { "note", N_("Note") },
  { "operator-unit", N_("Operator unit") },
  { "outputs", N_("Outputs") },
  { "owner", N_("Attached to") },
  { "owner-collection", N_("Attached to a") },
  { "plan", N_("Plan") },
  { "plan-date", N_("Plan date") },
  { "plan-note", N_("Plan note") },
  { "plan-target", N_("Plan target") },
  { "programming-language", N_("Programming language") },
  { "reference-code", N_("Reference code") },
  { "reject-reason", N_("Reason for rejection") },
  { "request", N_("Service request") },
  { "requirements", N_("Requirements") },
  { "server", N_("Server") },
  { "service-type", N_("Service") },
  { "sha256", N_("Checksum (SHA-256)") },
  { "short-name", N_("Short name") },
  { "size", N_("Size (bytes)") },
  { "standard-days", N_("Standard time (working days)") },
  { "status", N_("Status") },
  { "submitted-at", N_("Submitted at") },
  { "supported-services", N_("Supported services") },
  { "target-index", N_("Target index") },
  { "title", N_("Title") },
  { "to-status", N_("Status after") },
  { "tracking-number", N_("Tracking number") },
  { "unit", N_("Unit") },
  { "url", N_("Web address") },
  { "year", N_("Year") },
  { "year-built", N_("Year built") },
};

/**
 * pamong_field_label:
 * @field: a record property name ("plan-date")
 *
 * Returns: the field's name for a person
 */
const char *
pamong_field_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, field))
      return _(field_labels[i].label);
  /* Region codes are data terms and stay in Indonesian. */
  if (g_str_equal (field, "kecamatan-code"))
    return "Kecamatan";
  if (g_str_equal (field, "desa-code"))
    return "Desa";
  return field;
}

static const char *
collection_label (PamongRecord *record)
{
  const char *collection = pamong_record_get_collection (record);

  if (g_str_equal (collection, "units"))
    return _("Unit");
  if (g_str_equal (collection, "applications"))
    return _("Application");
  if (g_str_equal (collection, "assessments"))
    return _("Assessment");
  if (g_str_equal (collection, "indicator_scores"))
    return _("Indicator score");
  if (g_str_equal (collection, "service_types"))
    return _("Service");
  if (g_str_equal (collection, "service_requests"))
    return _("Service request");
  if (g_str_equal (collection, "request_events"))
    return _("Request history entry");
  if (g_str_equal (collection, "attachments"))
    return _("Attachment");
  return collection;
}

static char *
record_title (PamongRecord *record)
{
  static const char * const candidates[] = {
    "name", "tracking-number", "title", "filename", "applicant-name", "code", "note",
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), candidates[i]);
      g_autofree char *text = NULL;

      if (pspec == NULL || pspec->value_type != G_TYPE_STRING)
        continue;
      g_object_get (record, candidates[i], &text, NULL);
      if (text != NULL && *text != '\0')
        return g_steal_pointer (&text);
    }
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "indicator") != NULL)
    {
      gint indicator = 0;

      g_object_get (record, "indicator", &indicator, NULL);
      return g_strdup_printf (_("Indicator %d"), indicator);
    }
  return g_strdup (pamong_record_get_uuid (record));
}

static const char *
enum_label (GType   type,
            gint    value)
{
  if (type == PAMONG_TYPE_UNIT_KIND)
    return pamong_label_unit_kind (value);
  if (type == PAMONG_TYPE_APP_CATEGORY)
    return pamong_label_app_category (value);
  if (type == PAMONG_TYPE_APP_BASIS)
    return pamong_label_app_basis (value);
  if (type == PAMONG_TYPE_APP_LICENSE)
    return pamong_label_app_license (value);
  if (type == PAMONG_TYPE_APP_STATUS)
    return pamong_label_app_status (value);
  if (type == PAMONG_TYPE_APP_PLAN)
    return pamong_label_app_plan (value);
  if (type == PAMONG_TYPE_REVIEW_STATUS)
    return pamong_label_review_status (value);
  if (type == PAMONG_TYPE_SERVICE_KIND)
    return pamong_label_service_kind (value);
  if (type == PAMONG_TYPE_REQUEST_STATUS)
    return pamong_label_request_status (value);
  if (type == PAMONG_TYPE_EVENT_KIND)
    return pamong_label_event_kind (value);
  {
    g_autoptr(GEnumClass) klass = g_type_class_ref (type);
    GEnumValue *enum_value = g_enum_get_value (klass, value);

    return enum_value != NULL ? enum_value->value_nick : "";
  }
}

/* A referenced record's title, or its uuid if it is not here. */
static char *
reference_title (PamongStore *store,
                 const char  *uuid)
{
  const GType *types;
  guint n_types;

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(PamongRecord) record = pamong_store_lookup (store, types[i], uuid, NULL);

      if (record != NULL)
        return record_title (record);
    }
  return g_strdup (uuid);
}

/* @display: for a person (names, labels, local time); otherwise a
 * canonical form for comparing (uuids, nicks, UTC timestamps). */
static char *
format_value (PamongStore  *store,
              PamongRecord *record,
              GParamSpec   *pspec,
              gboolean      display)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GType type = pspec->value_type;

  g_value_init (&value, type);
  g_object_get_property (G_OBJECT (record), pspec->name, &value);

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (&value);

      if (text == NULL || *text == '\0')
        return g_strdup (display ? "—" : "");
      if (display && (pspec->flags & PAMONG_PARAM_REF) != 0)
        return reference_title (store, text);
      return g_strdup (text);
    }
  if (type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (&value));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%lld", (long long) g_value_get_int64 (&value));
  if (type == G_TYPE_DOUBLE)
    return g_strdup_printf ("%.10g", g_value_get_double (&value));
  if (type == G_TYPE_BOOLEAN)
    {
      gboolean yes = g_value_get_boolean (&value);

      if (!display)
        return g_strdup (yes ? "1" : "0");
      if (g_str_equal (pspec->name, "deleted"))
        return g_strdup (yes ? _("Deleted") : _("Not deleted"));
      return g_strdup (yes ? _("Yes") : _("No"));
    }
  if (G_TYPE_IS_ENUM (type))
    {
      if (display)
        return g_strdup (enum_label (type, g_value_get_enum (&value)));
      return g_strdup_printf ("%d", g_value_get_enum (&value));
    }
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *when = g_value_get_boxed (&value);
      g_autoptr(GDateTime) local = NULL;

      if (when == NULL)
        return g_strdup (display ? "—" : "");
      if (!display)
        return pamong_timestamp_format (when);
      local = g_date_time_to_local (when);
      return g_date_time_format (local, "%Y-%m-%d %H:%M");
    }
  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (&value);

      if (strv == NULL || strv[0] == NULL)
        return g_strdup (display ? "—" : "");
      return g_strjoinv (display ? ", " : "\x1f", (char **) strv);
    }

  return g_strdup ("");
}

static gboolean
field_is_shown (GParamSpec *pspec)
{
  /* What the server assigns is not the person's to choose. */
  return !g_str_equal (pspec->name, "uuid") &&
         !g_str_equal (pspec->name, "rev") &&
         !g_str_equal (pspec->name, "created-at") &&
         !g_str_equal (pspec->name, "updated-at");
}

static void
clear_grid (PamongConflictDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  g_array_set_size (self->choices, 0);
}

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

/* A radio button and its value, the value naming the button. */
static GtkWidget *
choice_box (const char  *text,
            const char  *side,
            GtkWidget  **button_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label = value_label (text);

  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, side,
                                  -1);
  *button_out = button;
  return box;
}

static void
show_selected (PamongConflictDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree GParamSpec **fields = NULL;
  GtkWidget *header;
  guint n_fields;
  guint row = 1;

  clear_grid (self);
  g_clear_object (&self->theirs);

  if (self->selected == NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }

  self->theirs = pamong_store_get_conflict_record (self->store, self->selected, &error);
  if (self->theirs == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }

  title = record_title (self->selected);
  gtk_label_set_text (GTK_LABEL (self->title_label), title);
  gtk_label_set_text (GTK_LABEL (self->subtitle_label), collection_label (self->selected));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "record");

  header = gtk_label_new (_("Field"));
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_widget_add_css_class (header, "dim-label");
  gtk_grid_attach (GTK_GRID (self->grid), header, 0, 0, 1, 1);
  header = gtk_label_new (_("On this computer"));
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_widget_add_css_class (header, "heading");
  gtk_grid_attach (GTK_GRID (self->grid), header, 1, 0, 1, 1);
  header = gtk_label_new (_("On the server"));
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_widget_add_css_class (header, "heading");
  gtk_grid_attach (GTK_GRID (self->grid), header, 2, 0, 1, 1);

  fields = pamong_record_list_fields (G_OBJECT_TYPE (self->selected), FALSE, &n_fields);

  /* Two passes: the differing fields first, then the rest. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_fields; i++)
      {
        GParamSpec *pspec = fields[i];
        g_autofree char *mine_key = NULL;
        g_autofree char *theirs_key = NULL;
        gboolean differs;
        GtkWidget *name;

        if (!field_is_shown (pspec))
          continue;
        mine_key = format_value (self->store, self->selected, pspec, FALSE);
        theirs_key = format_value (self->store, self->theirs, pspec, FALSE);
        differs = g_strcmp0 (mine_key, theirs_key) != 0;
        if (differs != (pass == 0))
          continue;
        if (!differs && g_str_equal (pspec->name, "deleted"))
          continue;

        name = gtk_label_new (pamong_field_label (pspec->name));
        gtk_label_set_xalign (GTK_LABEL (name), 0.0);
        gtk_label_set_yalign (GTK_LABEL (name), 0.0);
        gtk_grid_attach (GTK_GRID (self->grid), name, 0, (int) row, 1, 1);

        if (differs)
          {
            g_autofree char *mine_text = format_value (self->store, self->selected, pspec, TRUE);
            g_autofree char *theirs_text = format_value (self->store, self->theirs, pspec, TRUE);
            FieldChoice choice = { pspec, NULL, NULL };
            GtkWidget *box;

            gtk_widget_add_css_class (name, "heading");
            gtk_widget_add_css_class (name, "warning");

            box = choice_box (mine_text, _("On this computer"), &choice.mine);
            gtk_grid_attach (GTK_GRID (self->grid), box, 1, (int) row, 1, 1);
            box = choice_box (theirs_text, _("On the server"), &choice.theirs);
            gtk_grid_attach (GTK_GRID (self->grid), box, 2, (int) row, 1, 1);
            gtk_check_button_set_group (GTK_CHECK_BUTTON (choice.theirs), GTK_CHECK_BUTTON (choice.mine));
            gtk_check_button_set_active (GTK_CHECK_BUTTON (choice.mine), TRUE);
            gtk_accessible_update_relation (GTK_ACCESSIBLE (choice.mine),
                                            GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, name, NULL, -1);
            gtk_accessible_update_relation (GTK_ACCESSIBLE (choice.theirs),
                                            GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, name, NULL, -1);
            g_array_append_val (self->choices, choice);
          }
        else
          {
            g_autofree char *text = format_value (self->store, self->selected, pspec, TRUE);
            GtkWidget *value = value_label (text);

            gtk_widget_add_css_class (name, "dim-label");
            gtk_widget_add_css_class (value, "dim-label");
            gtk_grid_attach (GTK_GRID (self->grid), value, 1, (int) row, 2, 1);
          }
        row++;
      }

  gtk_widget_set_sensitive (self->use_selected_button, self->choices->len > 0);
}

static void
row_selected_cb (GtkListBox           *list_box,
                 GtkListBoxRow        *row,
                 PamongConflictDialog *self)
{
  g_clear_object (&self->selected);
  if (row != NULL)
    {
      gint index = gtk_list_box_row_get_index (row);

      if (index >= 0 && (guint) index < self->conflicts->len)
        self->selected = g_object_ref (g_ptr_array_index (self->conflicts, index));
    }
  show_selected (self);
}

static void
reload (PamongConflictDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  GtkListBoxRow *first;

  conflicts = pamong_store_list_conflicts (self->store, &error);
  if (conflicts == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      conflicts = g_ptr_array_new_with_free_func (g_object_unref);
    }

  g_signal_handlers_block_by_func (self->list_box, row_selected_cb, self);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (self->list_box)) != NULL)
      gtk_list_box_remove (GTK_LIST_BOX (self->list_box), child);
  }
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = g_steal_pointer (&conflicts);

  for (guint i = 0; i < self->conflicts->len; i++)
    {
      PamongRecord *record = g_ptr_array_index (self->conflicts, i);
      g_autofree char *title = record_title (record);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), collection_label (record));
      gtk_list_box_append (GTK_LIST_BOX (self->list_box), row);
    }
  g_signal_handlers_unblock_by_func (self->list_box, row_selected_cb, self);

  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list_box), 0);
  if (first != NULL)
    gtk_list_box_select_row (GTK_LIST_BOX (self->list_box), first);
  else
    row_selected_cb (GTK_LIST_BOX (self->list_box), NULL, self);
}

static void
resolve (PamongConflictDialog *self,
         PamongRecord         *resolution,
         const char           *done_message)
{
  g_autoptr(GError) error = NULL;

  if (!pamong_store_resolve_conflict (self->store, resolution, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (done_message));
  reload (self);
  g_signal_emit (self, signals[RESOLVED], 0);
}

void
pamong_conflict_dialog_keep_mine (PamongConflictDialog *self)
{
  g_autoptr(PamongRecord) resolution = NULL;

  g_return_if_fail (PAMONG_IS_CONFLICT_DIALOG (self));
  if (self->selected == NULL)
    return;

  resolution = pamong_record_copy (self->selected);
  resolve (self, resolution, _("Your version is kept; it goes to the server with the next synchronisation"));
}

void
pamong_conflict_dialog_take_theirs (PamongConflictDialog *self)
{
  g_autoptr(PamongRecord) resolution = NULL;

  g_return_if_fail (PAMONG_IS_CONFLICT_DIALOG (self));
  if (self->selected == NULL || self->theirs == NULL)
    return;

  resolution = pamong_record_copy (self->theirs);
  resolve (self, resolution, _("The server’s version is taken"));
}

void
pamong_conflict_dialog_use_selected (PamongConflictDialog *self)
{
  g_autoptr(PamongRecord) resolution = NULL;

  g_return_if_fail (PAMONG_IS_CONFLICT_DIALOG (self));
  if (self->selected == NULL || self->theirs == NULL)
    return;

  resolution = pamong_record_copy (self->selected);
  for (guint i = 0; i < self->choices->len; i++)
    {
      FieldChoice *choice = &g_array_index (self->choices, FieldChoice, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (choice->theirs)))
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, choice->pspec->value_type);
          g_object_get_property (G_OBJECT (self->theirs), choice->pspec->name, &value);
          g_object_set_property (G_OBJECT (resolution), choice->pspec->name, &value);
        }
    }
  resolve (self, resolution, _("The chosen fields are kept; they go to the server with the next synchronisation"));
}

guint
pamong_conflict_dialog_get_n_conflicts (PamongConflictDialog *self)
{
  g_return_val_if_fail (PAMONG_IS_CONFLICT_DIALOG (self), 0);

  return self->conflicts != NULL ? self->conflicts->len : 0;
}

gboolean
pamong_conflict_dialog_select (PamongConflictDialog *self,
                               guint                 index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (PAMONG_IS_CONFLICT_DIALOG (self), FALSE);

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list_box), (int) index);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (GTK_LIST_BOX (self->list_box), row);
  return TRUE;
}

/**
 * pamong_conflict_dialog_get_selected:
 *
 * Returns: (transfer none) (nullable): the local version of the conflict shown
 */
PamongRecord *
pamong_conflict_dialog_get_selected (PamongConflictDialog *self)
{
  g_return_val_if_fail (PAMONG_IS_CONFLICT_DIALOG (self), NULL);

  return self->selected;
}

/**
 * pamong_conflict_dialog_get_differing_fields:
 *
 * Returns: (transfer full): the property names of the fields offered as a
 * choice, in the order shown
 */
GStrv
pamong_conflict_dialog_get_differing_fields (PamongConflictDialog *self)
{
  GStrv names;

  g_return_val_if_fail (PAMONG_IS_CONFLICT_DIALOG (self), NULL);

  names = g_new0 (char *, self->choices->len + 1);
  for (guint i = 0; i < self->choices->len; i++)
    names[i] = g_strdup (g_array_index (self->choices, FieldChoice, i).pspec->name);
  return names;
}

/**
 * pamong_conflict_dialog_choose:
 * @field: a differing field's property name
 * @theirs: %TRUE for the server's value, %FALSE for this computer's
 *
 * Returns: %TRUE if @field is one of the choices
 */
gboolean
pamong_conflict_dialog_choose (PamongConflictDialog *self,
                               const char           *field,
                               gboolean              theirs)
{
  g_return_val_if_fail (PAMONG_IS_CONFLICT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->choices->len; i++)
    {
      FieldChoice *choice = &g_array_index (self->choices, FieldChoice, i);

      if (g_str_equal (choice->pspec->name, field))
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (theirs ? choice->theirs : choice->mine), TRUE);
          return TRUE;
        }
    }
  return FALSE;
}

static void
store_changed_cb (PamongConflictDialog *self)
{
  guint shown = self->conflicts != NULL ? self->conflicts->len : 0;
  g_autoptr(GError) error = NULL;

  /* A sync may bring new conflicts while the dialog is open. */
  if (pamong_store_count_conflicts (self->store, &error) != shown && error == NULL)
    reload (self);
}

/* GObject */

static void
pamong_conflict_dialog_dispose (GObject *object)
{
  PamongConflictDialog *self = PAMONG_CONFLICT_DIALOG (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->selected);
  g_clear_object (&self->theirs);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_array_unref);

  G_OBJECT_CLASS (pamong_conflict_dialog_parent_class)->dispose (object);
}

static void
pamong_conflict_dialog_class_init (PamongConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pamong_conflict_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /**
   * PamongConflictDialog::resolved:
   *
   * A conflict was resolved; the decision waits in the store for the
   * next sync.
   */
  signals[RESOLVED] =
    g_signal_new ("resolved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
pamong_conflict_dialog_init (PamongConflictDialog *self)
{
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *paned;
  GtkWidget *scrolled;
  GtkWidget *record_box;
  GtkWidget *titles;
  GtkWidget *explanation;
  GtkWidget *status;
  GtkWidget *action_bar;
  GtkWidget *button;

  self->choices = g_array_new (FALSE, TRUE, sizeof (FieldChoice));

  gtk_window_set_title (GTK_WINDOW (self), _("Conflicts"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 980, 620);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_toast_overlay_set_child (self->toast_overlay, box);

  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_position (GTK_PANED (paned), 280);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (box), paned);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 220, -1);
  self->list_box = gtk_list_box_new ();
  gtk_widget_add_css_class (self->list_box, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Records in conflict"), -1);
  g_signal_connect (self->list_box, "row-selected", G_CALLBACK (row_selected_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_box);
  gtk_paned_set_start_child (GTK_PANED (paned), scrolled);

  self->stack = gtk_stack_new ();
  gtk_paned_set_end_child (GTK_PANED (paned), self->stack);

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Conflicts"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Every record changed here and on the server has been decided. "
                                     "The decisions go to the server with the next synchronisation."));
  gtk_stack_add_named (GTK_STACK (self->stack), status, "empty");

  record_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_stack_add_named (GTK_STACK (self->stack), record_box, "record");

  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (titles, 18);
  gtk_widget_set_margin_start (titles, 18);
  gtk_widget_set_margin_end (titles, 18);
  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_widget_add_css_class (self->title_label, "title-2");
  gtk_box_append (GTK_BOX (titles), self->title_label);
  self->subtitle_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->subtitle_label), 0.0);
  gtk_widget_add_css_class (self->subtitle_label, "dim-label");
  gtk_box_append (GTK_BOX (titles), self->subtitle_label);
  explanation = gtk_label_new (_("This record was changed on this computer and, meanwhile, on the server. "
                                 "The fields that differ come first: choose for each which version to keep, "
                                 "or keep one version whole."));
  gtk_label_set_xalign (GTK_LABEL (explanation), 0.0);
  gtk_label_set_wrap (GTK_LABEL (explanation), TRUE);
  gtk_box_append (GTK_BOX (titles), explanation);
  gtk_box_append (GTK_BOX (record_box), titles);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 10);
  gtk_widget_set_margin_start (self->grid, 18);
  gtk_widget_set_margin_end (self->grid, 18);
  gtk_widget_set_margin_bottom (self->grid, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->grid);
  gtk_box_append (GTK_BOX (record_box), scrolled);

  action_bar = gtk_action_bar_new ();
  gtk_box_append (GTK_BOX (record_box), action_bar);

  button = gtk_button_new_with_mnemonic (_("Keep _Mine"));
  gtk_widget_set_tooltip_text (button, _("Keep this computer’s version of every field"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (pamong_conflict_dialog_keep_mine), self);
  gtk_action_bar_pack_start (GTK_ACTION_BAR (action_bar), button);

  button = gtk_button_new_with_mnemonic (_("Take _Theirs"));
  gtk_widget_set_tooltip_text (button, _("Take the server’s version of every field"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (pamong_conflict_dialog_take_theirs), self);
  gtk_action_bar_pack_start (GTK_ACTION_BAR (action_bar), button);

  self->use_selected_button = gtk_button_new_with_mnemonic (_("_Use Selected"));
  gtk_widget_set_tooltip_text (self->use_selected_button, _("Keep each field from the side chosen above"));
  gtk_widget_add_css_class (self->use_selected_button, "suggested-action");
  g_signal_connect_swapped (self->use_selected_button, "clicked",
                            G_CALLBACK (pamong_conflict_dialog_use_selected), self);
  gtk_action_bar_pack_end (GTK_ACTION_BAR (action_bar), self->use_selected_button);
}

/**
 * pamong_conflict_dialog_new:
 * @store: the store whose conflicts to show
 */
PamongConflictDialog *
pamong_conflict_dialog_new (PamongStore *store)
{
  PamongConflictDialog *self;

  g_return_val_if_fail (PAMONG_IS_STORE (store), NULL);

  self = g_object_new (PAMONG_TYPE_CONFLICT_DIALOG, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  reload (self);

  return self;
}
