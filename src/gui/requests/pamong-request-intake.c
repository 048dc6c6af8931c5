/* pamong-request-intake.c — the counter's form for a new service request
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built for speed at a counter: every field is reached from the keyboard,
 * Enter moves on to the next field (and saves from the description), the
 * NIK is checked while it is typed with the exact words of pamong_nik, and
 * the service and kecamatan of the previous request stay chosen for the
 * next one.
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pamong-calendar.h"
#include "pamong-format.h"
#include "pamong-gui-util.h"
#include "pamong-nik.h"
#include "pamong-region.h"
#include "pamong-request-intake.h"
#include "pamong-request-receipt.h"
#include "pamong-request-workflow.h"
#include "pamong-requests-util.h"
#include "pamong-service-type.h"
#include "pamong-store.h"
#include "pamong-unit.h"

struct _PamongRequestIntake
{
  AdwWindow             parent_instance;

  PamongStore          *store;
  PamongRegion         *region;
  GPtrArray            *services;       /* PamongServiceType*, by name */
  GHashTable           *unit_names;     /* uuid -> name */
  GtkStringList        *kecamatan_model;
  GtkStringList        *desa_model;
  GtkStringList        *service_model;
  const PamongKecamatan *kecamatan;     /* chosen, or NULL */
  PamongServiceRequest *saved;
  char                 *nik_message;
  gboolean              nik_error;
  gboolean              nik_kecamatan_applied;
  guint                 programmatic;   /* > 0 while the form sets its own fields */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *save_button;
  GtkStack             *stack;
  AdwPreferencesPage   *form_page;
  AdwEntryRow          *name_row;
  AdwEntryRow          *nik_row;
  AdwActionRow         *nik_info_row;
  GtkImage             *nik_info_icon;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *address_row;
  AdwComboRow          *kecamatan_row;
  AdwComboRow          *desa_row;
  AdwComboRow          *service_row;
  AdwActionRow         *standard_row;
  AdwActionRow         *requirements_row;
  AdwEntryRow          *description_row;
  AdwExpanderRow       *location_row;
  AdwEntryRow          *latitude_row;
  AdwEntryRow          *longitude_row;
  GtkLabel             *problem_label;
  AdwStatusPage        *saved_page;
  GtkWidget            *print_button;
};

G_DEFINE_FINAL_TYPE (PamongRequestIntake, pamong_request_intake, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
row_text_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (row_text (row)));
}

static void
mark_row (gpointer row,
          gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static PamongServiceType *
chosen_service (PamongRequestIntake *self)
{
  guint position = adw_combo_row_get_selected (self->service_row);

  /* Position 0 is "Choose a service". */
  if (position == GTK_INVALID_LIST_POSITION || position == 0 || position > self->services->len)
    return NULL;
  return g_ptr_array_index (self->services, position - 1);
}

static const PamongDesa *
chosen_desa (PamongRequestIntake *self)
{
  guint position = adw_combo_row_get_selected (self->desa_row);

  if (self->kecamatan == NULL || position == GTK_INVALID_LIST_POSITION || position == 0 ||
      position > pamong_kecamatan_get_n_desa (self->kecamatan))
    return NULL;
  return pamong_kecamatan_get_desa (self->kecamatan, position - 1);
}

/* The next field after @widget, for Enter. */
static void
focus_next (PamongRequestIntake *self,
            GtkWidget           *widget)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->nik_row), GTK_WIDGET (self->phone_row),
    GTK_WIDGET (self->address_row), GTK_WIDGET (self->kecamatan_row),
    GTK_WIDGET (self->desa_row), GTK_WIDGET (self->service_row),
    GTK_WIDGET (self->description_row),
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    if (order[i] == widget)
      {
        gtk_widget_grab_focus (order[i + 1]);
        return;
      }
}

/* Regions */

static void
fill_desa (PamongRequestIntake *self)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->desa_model));
  guint n = self->kecamatan != NULL ? pamong_kecamatan_get_n_desa (self->kecamatan) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (names, g_strdup (self->kecamatan != NULL ? _("Not chosen")
                                                            : _("Choose the kecamatan first")));
  for (guint i = 0; i < n; i++)
    {
      const PamongDesa *desa = pamong_kecamatan_get_desa (self->kecamatan, i);

      if (pamong_desa_is_kelurahan (desa))
        /* Translators: a kelurahan (an urban village) in the desa/kelurahan
         * picker, e.g. "Beran (kelurahan)"; "kelurahan" stays Indonesian */
        g_ptr_array_add (names, g_strdup_printf (_("%s (kelurahan)"), pamong_desa_get_name (desa)));
      else
        g_ptr_array_add (names, g_strdup (pamong_desa_get_name (desa)));
    }
  g_ptr_array_add (names, NULL);

  self->programmatic++;
  gtk_string_list_splice (self->desa_model, 0, n_old, (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->desa_row, 0);
  self->programmatic--;
  gtk_widget_set_sensitive (GTK_WIDGET (self->desa_row), self->kecamatan != NULL);
}

static void
select_kecamatan (PamongRequestIntake *self,
                  const char          *code)
{
  guint n = self->region != NULL ? pamong_region_get_n_kecamatan (self->region) : 0;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (pamong_kecamatan_get_code (pamong_region_get_kecamatan (self->region, i)), code) == 0)
      {
        self->programmatic++;
        adw_combo_row_set_selected (self->kecamatan_row, i + 1);
        self->programmatic--;
        return;
      }
}

static void
kecamatan_selected_cb (PamongRequestIntake *self)
{
  guint position = adw_combo_row_get_selected (self->kecamatan_row);
  const PamongKecamatan *kecamatan = NULL;

  if (self->region != NULL && position != GTK_INVALID_LIST_POSITION && position > 0 &&
      position <= pamong_region_get_n_kecamatan (self->region))
    kecamatan = pamong_region_get_kecamatan (self->region, position - 1);

  if (kecamatan != self->kecamatan)
    {
      self->kecamatan = kecamatan;
      fill_desa (self);
    }

  if (self->programmatic == 0 && kecamatan != NULL)
    focus_next (self, GTK_WIDGET (self->kecamatan_row));
}

static void
desa_selected_cb (PamongRequestIntake *self)
{
  if (self->programmatic == 0 && chosen_desa (self) != NULL)
    focus_next (self, GTK_WIDGET (self->desa_row));
}

/* NIK */

static void
set_nik_info (PamongRequestIntake *self,
              const char          *icon_name,
              const char          *message,
              gboolean             is_error)
{
  g_free (self->nik_message);
  self->nik_message = g_strdup (message);
  self->nik_error = is_error;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->nik_info_row), message);
  gtk_image_set_from_icon_name (self->nik_info_icon, icon_name);
  mark_row (self->nik_info_row, is_error);
  mark_row (self->nik_row, is_error);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->nik_info_row), "pamong-nik-error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->nik_info_row), "pamong-nik-error");

  /* A screen reader hears the check with the field. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->nik_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->nik_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               is_error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* Whether a partly typed NIK can still become valid: digits only, fewer
 * than 16. Such a NIK gets the length message as a hint, not an error. */
static gboolean
nik_is_incomplete (const char *nik)
{
  size_t length = strlen (nik);

  if (length >= PAMONG_NIK_LENGTH)
    return FALSE;
  for (const char *p = nik; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
check_nik (PamongRequestIntake *self,
           gboolean             complete,
           PamongNikInfo       *info_out)
{
  g_autofree char *nik = row_text_stripped (self->nik_row);
  g_autoptr(GError) error = NULL;
  PamongNikInfo info;

  if (*nik == '\0')
    {
      set_nik_info (self, "dialog-information-symbolic",
                    _("Optional. The sex and birth date are read from the NIK."), FALSE);
      return TRUE;
    }

  if (!pamong_nik_parse (nik, self->region, &info, &error))
    {
      gboolean hint = !complete && nik_is_incomplete (nik);

      set_nik_info (self, hint ? "dialog-information-symbolic" : "dialog-error-symbolic",
                    error->message, !hint);
      return FALSE;
    }
  else
    {
      g_autoptr(GDateTime) birth = g_date_time_new_utc (g_date_get_year (&info.birth_date),
                                                         g_date_get_month (&info.birth_date),
                                                         g_date_get_day (&info.birth_date),
                                                         0, 0, 0);
      g_autofree char *date = pamong_format_date (birth, FALSE);
      const char *kecamatan = self->region != NULL ?
                              pamong_region_lookup_name (self->region, info.kecamatan_code) : NULL;
      g_autofree char *message = NULL;

      if (info.sex == PAMONG_SEX_FEMALE)
        /* Translators: derived from a valid NIK: the birth date, then the
         * kecamatan where the NIK was issued */
        message = g_strdup_printf (_("Valid NIK: female, born %s, issued in Kec. %s"),
                                   date, kecamatan != NULL ? kecamatan : info.kecamatan_code);
      else
        message = g_strdup_printf (_("Valid NIK: male, born %s, issued in Kec. %s"),
                                   date, kecamatan != NULL ? kecamatan : info.kecamatan_code);
      set_nik_info (self, "emblem-ok-symbolic", message, FALSE);

      if (info_out != NULL)
        *info_out = info;
      return TRUE;
    }
}

static void
nik_changed_cb (PamongRequestIntake *self)
{
  PamongNikInfo info;
  g_autofree char *nik = row_text_stripped (self->nik_row);

  if (check_nik (self, FALSE, &info) && *nik != '\0' &&
      !self->nik_kecamatan_applied && self->kecamatan == NULL)
    {
      /* A sensible default: where the NIK was issued. The clerk can change it. */
      self->nik_kecamatan_applied = TRUE;
      select_kecamatan (self, info.kecamatan_code);
    }
}

/* Service */

static void
show_no_service (PamongRequestIntake *self)
{
  adw_action_row_set_subtitle (self->standard_row, _("Choose a service to see its time standard and cost."));
  adw_action_row_set_subtitle (self->requirements_row, _("Choose a service to see the documents to bring."));
}

static void
service_selected_cb (PamongRequestIntake *self)
{
  PamongServiceType *type = chosen_service (self);
  g_autofree char *standard = NULL;
  g_autofree char *requirements = NULL;

  if (type == NULL)
    {
      show_no_service (self);
      return;
    }

  standard = pamong_requests_describe_standard (type,
                                                g_hash_table_lookup (self->unit_names,
                                                                     pamong_service_type_get_unit (type)),
                                                TRUE);
  pamong_gui_row_set_value (self->standard_row, standard);
  requirements = pamong_requests_describe_requirements (type);
  pamong_gui_row_set_value (self->requirements_row, requirements);

  if (self->programmatic == 0)
    focus_next (self, GTK_WIDGET (self->service_row));
}

static void
fill_services (PamongRequestIntake *self)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->service_model));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_clear_pointer (&self->services, g_ptr_array_unref);
  self->services = pamong_requests_load_service_types (self->store);

  g_ptr_array_add (names, (gpointer) _("Choose a service"));
  for (guint i = 0; i < self->services->len; i++)
    g_ptr_array_add (names, (gpointer) pamong_service_type_get_name (g_ptr_array_index (self->services, i)));
  g_ptr_array_add (names, NULL);

  self->programmatic++;
  gtk_string_list_splice (self->service_model, 0, n_old, (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->service_row, 0);
  self->programmatic--;
}

/* Location */

static gboolean
parse_degrees (const char *text,
               double      limit,
               double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double parsed;

  /* Either decimal separator: "-6,97" as typed in Indonesian works too. */
  g_strdelimit (copy, ",", '.');
  if (*copy == '\0')
    return FALSE;
  parsed = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0' || !isfinite (parsed) || parsed < -limit || parsed > limit)
    return FALSE;
  *value = parsed;
  return TRUE;
}

/* Saving */

static gboolean
fail (PamongRequestIntake *self,
      gpointer             row,
      const char          *message)
{
  gtk_label_set_text (self->problem_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
  if (row != NULL)
    {
      mark_row (row, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  return FALSE;
}

static void
clear_problems (PamongRequestIntake *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  gtk_label_set_text (self->problem_label, "");
  mark_row (self->name_row, FALSE);
  mark_row (self->phone_row, FALSE);
  mark_row (self->service_row, FALSE);
  mark_row (self->latitude_row, FALSE);
  mark_row (self->longitude_row, FALSE);
}

static gboolean
phone_is_plausible (const char *phone)
{
  guint digits = 0;

  for (const char *p = phone; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (!strchr ("+-() .", *p))
        return FALSE;
    }
  return digits >= 6 && digits <= 15;
}

static void
show_saved (PamongRequestIntake *self)
{
  const char *due = pamong_service_request_get_due_date (self->saved);
  g_autofree char *due_text = due != NULL ? pamong_format_date_iso (due, TRUE) : NULL;
  g_autofree char *description = NULL;

  if (due_text != NULL)
    /* Translators: after saving a request: its tracking number, then its due date */
    description = g_strdup_printf (_("Tracking number %s. Due %s. Give the applicant the receipt."),
                                   pamong_service_request_get_tracking_number (self->saved), due_text);
  else
    description = g_strdup_printf (_("Tracking number %s. The service has no time standard. Give the applicant the receipt."),
                                   pamong_service_request_get_tracking_number (self->saved));
  adw_status_page_set_description (self->saved_page, description);
  gtk_stack_set_visible_child_name (self->stack, "saved");
  gtk_widget_set_visible (self->save_button, FALSE);
  gtk_widget_grab_focus (self->print_button);
}

/**
 * pamong_request_intake_save:
 *
 * Checks the form and, when it is complete, saves the request with a new
 * tracking number, its due date and its "submitted" event, then offers the
 * receipt. Otherwise says what is missing and moves the focus there.
 *
 * Returns: whether the request was saved
 */
gboolean
pamong_request_intake_save (PamongRequestIntake *self)
{
  g_autoptr(PamongServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *nik = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *address = NULL;
  g_autofree char *description = NULL;
  PamongServiceType *service;
  const PamongDesa *desa;
  double latitude = 0.0;
  double longitude = 0.0;
  gboolean has_location;

  g_return_val_if_fail (PAMONG_IS_REQUEST_INTAKE (self), FALSE);

  if (self->saved != NULL)
    return TRUE;

  clear_problems (self);
  name = row_text_stripped (self->name_row);
  nik = row_text_stripped (self->nik_row);
  phone = row_text_stripped (self->phone_row);
  address = row_text_stripped (self->address_row);
  description = row_text_stripped (self->description_row);
  service = chosen_service (self);
  desa = chosen_desa (self);
  has_location = adw_expander_row_get_enable_expansion (self->location_row);

  if (self->store == NULL)
    return fail (self, NULL, _("No store is open: open or create one first."));
  if (*name == '\0')
    return fail (self, self->name_row, _("Type the applicant’s name."));
  if (!check_nik (self, TRUE, NULL))
    return fail (self, self->nik_row, self->nik_message);
  if (*phone != '\0' && !phone_is_plausible (phone))
    return fail (self, self->phone_row,
                 _("A telephone number has 6 to 15 digits and may contain +, -, spaces and brackets."));
  if (service == NULL)
    return fail (self, self->service_row, _("Choose the service the applicant asks for."));
  if (has_location)
    {
      if (!parse_degrees (row_text (self->latitude_row), 90.0, &latitude))
        return fail (self, self->latitude_row,
                     _("The latitude is a number of degrees from −90 to 90, e.g. −6.97."));
      if (!parse_degrees (row_text (self->longitude_row), 180.0, &longitude))
        return fail (self, self->longitude_row,
                     _("The longitude is a number of degrees from −180 to 180, e.g. 111.42."));
    }

  request = pamong_service_request_new ();
  pamong_service_request_set_service_type (request, pamong_record_get_uuid (PAMONG_RECORD (service)));
  pamong_service_request_set_applicant_name (request, name);
  pamong_service_request_set_applicant_nik (request, *nik != '\0' ? nik : NULL);
  pamong_service_request_set_applicant_phone (request, *phone != '\0' ? phone : NULL);
  pamong_service_request_set_address (request, *address != '\0' ? address : NULL);
  pamong_service_request_set_kecamatan_code (request, self->kecamatan != NULL ?
                                             pamong_kecamatan_get_code (self->kecamatan) : NULL);
  pamong_service_request_set_desa_code (request, desa != NULL ? pamong_desa_get_code (desa) : NULL);
  pamong_service_request_set_description (request, *description != '\0' ? description : NULL);
  pamong_service_request_set_has_location (request, has_location);
  pamong_service_request_set_latitude (request, latitude);
  pamong_service_request_set_longitude (request, longitude);

  /* The workflow fills the tracking number, the submission time, the unit
   * and the due date, and saves the "created" event with the request. */
  if (!pamong_request_workflow_submit (self->store, NULL, request, service,
                                       pamong_requests_current_author (), NULL, &error))
    return fail (self, NULL, error->message);

  self->saved = g_steal_pointer (&request);
  show_saved (self);
  g_signal_emit (self, signals[SAVED], 0, self->saved);
  return TRUE;
}

static void
reset_form (PamongRequestIntake *self)
{
  g_clear_object (&self->saved);
  clear_problems (self);

  self->programmatic++;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->nik_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->latitude_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->longitude_row), "");
  adw_expander_row_set_enable_expansion (self->location_row, FALSE);
  adw_combo_row_set_selected (self->kecamatan_row, 0);
  self->programmatic--;
  /* The service stays: a counter serves a queue for the same service. */

  self->nik_kecamatan_applied = FALSE;
  check_nik (self, FALSE, NULL);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_set_visible (self->save_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pamong_request_intake_save (PAMONG_REQUEST_INTAKE (widget));
}

static void
another_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  reset_form (PAMONG_REQUEST_INTAKE (widget));
}

static void
receipt_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PamongRequestIntake) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  message = pamong_request_receipt_finish (result, &error);
  if (error != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  else if (message != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
receipt_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PamongRequestIntake *self = PAMONG_REQUEST_INTAKE (widget);
  gboolean print = g_str_equal (action_name, "intake.print-receipt");

  if (self->saved == NULL)
    return;
  if (print)
    pamong_request_receipt_print_async (GTK_WINDOW (self), self->store, self->saved,
                                        NULL, receipt_done_cb, g_object_ref (self));
  else
    pamong_request_receipt_save_pdf_async (GTK_WINDOW (self), self->store, self->saved,
                                           NULL, receipt_done_cb, g_object_ref (self));
}

/* Entry rows: Enter moves on */

static void
entry_activated_cb (AdwEntryRow         *row,
                    PamongRequestIntake *self)
{
  if (row == self->description_row || row == self->latitude_row || row == self->longitude_row)
    {
      if (row == self->latitude_row)
        gtk_widget_grab_focus (GTK_WIDGET (self->longitude_row));
      else
        pamong_request_intake_save (self);
      return;
    }
  if (row == self->nik_row && !check_nik (self, TRUE, NULL))
    return;  /* stay: the message says what to fix */
  focus_next (self, GTK_WIDGET (row));
}

static void
location_enabled_cb (PamongRequestIntake *self)
{
  if (adw_expander_row_get_enable_expansion (self->location_row))
    {
      adw_expander_row_set_expanded (self->location_row, TRUE);
      if (self->programmatic == 0)
        gtk_widget_grab_focus (GTK_WIDGET (self->latitude_row));
    }
}

/* Public */

PamongRequestIntake *
pamong_request_intake_new (GtkWindow   *parent,
                           PamongStore *store)
{
  PamongRequestIntake *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || PAMONG_IS_STORE (store), NULL);

  self = g_object_new (PAMONG_TYPE_REQUEST_INTAKE, "transient-for", parent, NULL);
  g_set_object (&self->store, store);
  self->unit_names = pamong_gui_load_names (store, PAMONG_TYPE_UNIT, "short-name", "name");
  fill_services (self);

  return self;
}

void
pamong_request_intake_set_service (PamongRequestIntake *self,
                                   const char          *service_uuid)
{
  g_return_if_fail (PAMONG_IS_REQUEST_INTAKE (self));

  for (guint i = 0; i < self->services->len; i++)
    if (g_strcmp0 (pamong_record_get_uuid (g_ptr_array_index (self->services, i)), service_uuid) == 0)
      {
        self->programmatic++;
        adw_combo_row_set_selected (self->service_row, i + 1);
        self->programmatic--;
        return;
      }
}

/**
 * pamong_request_intake_get_service:
 *
 * Returns: (nullable): the uuid of the chosen service type
 */
const char *
pamong_request_intake_get_service (PamongRequestIntake *self)
{
  PamongServiceType *type;

  g_return_val_if_fail (PAMONG_IS_REQUEST_INTAKE (self), NULL);

  type = chosen_service (self);
  return type != NULL ? pamong_record_get_uuid (PAMONG_RECORD (type)) : NULL;
}

/**
 * pamong_request_intake_get_field:
 * @field: "name", "nik", "phone", "address", "kecamatan", "desa", "service",
 *   "description", "location", "latitude", "longitude", "save" or "print"
 *
 * Returns: (transfer none) (nullable): the field's row
 */
GtkWidget *
pamong_request_intake_get_field (PamongRequestIntake *self,
                                 const char          *field)
{
  struct { const char *name; gpointer widget; } fields[] = {
    { "name", self->name_row }, { "nik", self->nik_row }, { "phone", self->phone_row },
    { "address", self->address_row }, { "kecamatan", self->kecamatan_row },
    { "desa", self->desa_row }, { "service", self->service_row },
    { "description", self->description_row }, { "location", self->location_row },
    { "latitude", self->latitude_row }, { "longitude", self->longitude_row },
    { "save", self->save_button }, { "print", self->print_button },
  };

  g_return_val_if_fail (PAMONG_IS_REQUEST_INTAKE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, field))
      return fields[i].widget;
  return NULL;
}

const char *
pamong_request_intake_get_nik_message (PamongRequestIntake *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUEST_INTAKE (self), NULL);

  return self->nik_message;
}

gboolean
pamong_request_intake_get_nik_is_error (PamongRequestIntake *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUEST_INTAKE (self), FALSE);

  return self->nik_error;
}

/**
 * pamong_request_intake_get_problem:
 *
 * Returns: (nullable): why the last save was refused, or %NULL
 */
const char *
pamong_request_intake_get_problem (PamongRequestIntake *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUEST_INTAKE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->problem_label)))
    return NULL;
  return gtk_label_get_text (self->problem_label);
}

/**
 * pamong_request_intake_get_saved:
 *
 * Returns: (transfer none) (nullable): the request the form saved
 */
PamongServiceRequest *
pamong_request_intake_get_saved (PamongRequestIntake *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUEST_INTAKE (self), NULL);

  return self->saved;
}

/**
 * pamong_request_intake_select_by_name:
 * @field: "kecamatan", "desa" or "service"
 * @name: the item's text as the picker shows it
 *
 * Picks an item the way a person does with the keyboard: as if chosen in
 * the popover (so the focus moves on).
 *
 * Returns: whether @name is in the picker
 */
gboolean
pamong_request_intake_select_by_name (PamongRequestIntake *self,
                                      const char          *field,
                                      const char          *name)
{
  AdwComboRow *row;
  GListModel *model;
  guint n;

  g_return_val_if_fail (PAMONG_IS_REQUEST_INTAKE (self), FALSE);

  if (g_str_equal (field, "kecamatan"))
    row = self->kecamatan_row;
  else if (g_str_equal (field, "desa"))
    row = self->desa_row;
  else if (g_str_equal (field, "service"))
    row = self->service_row;
  else
    g_return_val_if_reached (FALSE);

  model = adw_combo_row_get_model (row);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return TRUE;
      }
  return FALSE;
}

/* GObject */

static void
pamong_request_intake_dispose (GObject *object)
{
  PamongRequestIntake *self = PAMONG_REQUEST_INTAKE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PAMONG_TYPE_REQUEST_INTAKE);

  g_clear_object (&self->store);
  g_clear_object (&self->region);
  g_clear_object (&self->saved);
  g_clear_object (&self->kecamatan_model);
  g_clear_object (&self->desa_model);
  g_clear_object (&self->service_model);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  g_clear_pointer (&self->nik_message, g_free);
  self->kecamatan = NULL;

  G_OBJECT_CLASS (pamong_request_intake_parent_class)->dispose (object);
}

static void
pamong_request_intake_class_init (PamongRequestIntakeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pamong_request_intake_dispose;

  /**
   * PamongRequestIntake::saved:
   * @request: the new request, as stored
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, PAMONG_TYPE_SERVICE_REQUEST);

  gtk_widget_class_install_action (widget_class, "intake.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "intake.another", NULL, another_action);
  gtk_widget_class_install_action (widget_class, "intake.print-receipt", NULL, receipt_action);
  gtk_widget_class_install_action (widget_class, "intake.save-receipt", NULL, receipt_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "intake.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "intake.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "intake.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "intake.print-receipt", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "intake.another", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/requests/pamong-request-intake.ui");
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, save_button);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, stack);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, form_page);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, name_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, nik_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, nik_info_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, nik_info_icon);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, phone_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, address_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, kecamatan_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, desa_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, service_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, standard_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, requirements_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, description_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, location_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, latitude_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, longitude_row);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, problem_label);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, saved_page);
  gtk_widget_class_bind_template_child (widget_class, PamongRequestIntake, print_button);
}

static void
pamong_request_intake_init (PamongRequestIntake *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  AdwEntryRow *entries[5];
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->region = pamong_region_load_default (&error);
  if (self->region == NULL)
    g_critical ("The regency's kecamatan and desa could not be loaded: %s", error->message);

  self->kecamatan_model = gtk_string_list_new (NULL);
  self->desa_model = gtk_string_list_new (NULL);
  self->service_model = gtk_string_list_new (NULL);
  self->services = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (names, (gpointer) _("Not chosen"));
  n = self->region != NULL ? pamong_region_get_n_kecamatan (self->region) : 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, (gpointer) pamong_kecamatan_get_name (pamong_region_get_kecamatan (self->region, i)));
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->kecamatan_model, 0, 0, (const char * const *) names->pdata);

  self->programmatic++;
  adw_combo_row_set_model (self->kecamatan_row, G_LIST_MODEL (self->kecamatan_model));
  adw_combo_row_set_model (self->desa_row, G_LIST_MODEL (self->desa_model));
  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (self->service_model));
  self->programmatic--;
  fill_desa (self);

  entries[0] = self->name_row;
  entries[1] = self->nik_row;
  entries[2] = self->phone_row;
  entries[3] = self->address_row;
  entries[4] = self->description_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_object (entries[i], "entry-activated", G_CALLBACK (entry_activated_cb), self, 0);
  g_signal_connect_object (self->latitude_row, "entry-activated", G_CALLBACK (entry_activated_cb), self, 0);
  g_signal_connect_object (self->longitude_row, "entry-activated", G_CALLBACK (entry_activated_cb), self, 0);

  g_signal_connect_object (self->nik_row, "changed", G_CALLBACK (nik_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kecamatan_row, "notify::selected",
                           G_CALLBACK (kecamatan_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->desa_row, "notify::selected",
                           G_CALLBACK (desa_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->service_row, "notify::selected",
                           G_CALLBACK (service_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->location_row, "notify::enable-expansion",
                           G_CALLBACK (location_enabled_cb), self, G_CONNECT_SWAPPED);

  check_nik (self, FALSE, NULL);
  show_no_service (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}
