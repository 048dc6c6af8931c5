/* pamong-receipt.c — the tanda terima (receipt) of a service request, drawn with cairo + pango
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-receipt"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "pamong-format.h"
#include "pamong-receipt.h"

#define MARGIN      48.0
#define LABEL_WIDTH 150.0
#define WIB_OFFSET  (7 * 3600)

struct _PamongReceipt
{
  GObject               parent_instance;

  PamongServiceRequest *request;
  PamongServiceType    *service_type;
  char                 *office_name;
  char                 *office_address;
  char                 *office_contact;
  char                 *unit_name;
  char                 *kecamatan_name;
  char                 *desa_name;
};

G_DEFINE_FINAL_TYPE (PamongReceipt, pamong_receipt, G_TYPE_OBJECT)

static void
pamong_receipt_finalize (GObject *object)
{
  PamongReceipt *self = PAMONG_RECEIPT (object);

  g_clear_object (&self->request);
  g_clear_object (&self->service_type);
  g_free (self->office_name);
  g_free (self->office_address);
  g_free (self->office_contact);
  g_free (self->unit_name);
  g_free (self->kecamatan_name);
  g_free (self->desa_name);

  G_OBJECT_CLASS (pamong_receipt_parent_class)->finalize (object);
}

static void
pamong_receipt_class_init (PamongReceiptClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pamong_receipt_finalize;
}

static void
pamong_receipt_init (PamongReceipt *self)
{
  /* data, not UI text: the office's name is as the regency writes it */
  self->office_name = g_strdup ("Pemerintah Kabupaten Blora");
}

/**
 * pamong_receipt_new:
 * @request: the request
 * @service_type: (nullable): its service type
 *
 * Returns: (transfer full): a receipt for @request
 */
PamongReceipt *
pamong_receipt_new (PamongServiceRequest *request,
                    PamongServiceType    *service_type)
{
  PamongReceipt *self;

  g_return_val_if_fail (PAMONG_IS_SERVICE_REQUEST (request), NULL);
  g_return_val_if_fail (service_type == NULL || PAMONG_IS_SERVICE_TYPE (service_type), NULL);

  self = g_object_new (PAMONG_TYPE_RECEIPT, NULL);
  self->request = g_object_ref (request);
  self->service_type = service_type != NULL ? g_object_ref (service_type) : NULL;

  return self;
}

static void
replace (char       **slot,
         const char  *value)
{
  g_free (*slot);
  *slot = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/**
 * pamong_receipt_set_office:
 * @self: a receipt
 * @name: (nullable): the office's name (NULL keeps the default)
 * @address: (nullable): its address
 * @contact: (nullable): telephone, e-mail or web address
 */
void
pamong_receipt_set_office (PamongReceipt *self,
                           const char    *name,
                           const char    *address,
                           const char    *contact)
{
  g_return_if_fail (PAMONG_IS_RECEIPT (self));

  if (name != NULL && *name != '\0')
    replace (&self->office_name, name);
  replace (&self->office_address, address);
  replace (&self->office_contact, contact);
}

/**
 * pamong_receipt_set_unit_name:
 * @self: a receipt
 * @unit_name: (nullable): the name of the unit that handles the request
 */
void
pamong_receipt_set_unit_name (PamongReceipt *self,
                              const char    *unit_name)
{
  g_return_if_fail (PAMONG_IS_RECEIPT (self));

  replace (&self->unit_name, unit_name);
}

/**
 * pamong_receipt_set_place_names:
 * @self: a receipt
 * @kecamatan_name: (nullable): the applicant's kecamatan
 * @desa_name: (nullable): the applicant's desa or kelurahan
 */
void
pamong_receipt_set_place_names (PamongReceipt *self,
                                const char    *kecamatan_name,
                                const char    *desa_name)
{
  g_return_if_fail (PAMONG_IS_RECEIPT (self));

  replace (&self->kecamatan_name, kecamatan_name);
  replace (&self->desa_name, desa_name);
}

/* ---- drawing */

typedef struct
{
  cairo_t *cr;
  double   width;    /* of the page, in the 595-point layout space */
  double   bottom;   /* the last usable y */
  double   y;
} Page;

static PangoLayout *
make_layout (Page       *page,
             const char *font,
             double      width,
             const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (page->cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
show_layout (Page        *page,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (page->cr, x, y);
  pango_cairo_show_layout (page->cr, layout);
}

/* A paragraph across the text width; advances y. */
static void
paragraph (Page       *page,
           const char *font,
           const char *text,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = make_layout (page, font, page->width - 2 * MARGIN, text);
  double height = layout_height (layout);

  if (page->y + height > page->bottom)
    return;
  show_layout (page, layout, MARGIN, page->y);
  page->y += height + space_after;
}

static void
rule (Page   *page,
      double  line_width)
{
  cairo_set_line_width (page->cr, line_width);
  cairo_move_to (page->cr, MARGIN, page->y);
  cairo_line_to (page->cr, page->width - MARGIN, page->y);
  cairo_stroke (page->cr);
}

/* "Label    value" with the value wrapping in its column. */
static void
row (Page       *page,
     const char *label,
     const char *value)
{
  g_autoptr(PangoLayout) label_layout = make_layout (page, "Sans 9.5", LABEL_WIDTH - 8, label);
  g_autoptr(PangoLayout) value_layout = make_layout (page, "Sans 10.5",
                                                     page->width - 2 * MARGIN - LABEL_WIDTH,
                                                     value != NULL && *value != '\0' ? value : "—");
  double height = MAX (layout_height (label_layout), layout_height (value_layout));

  if (page->y + height > page->bottom)
    return;

  cairo_set_source_rgb (page->cr, 0.33, 0.33, 0.33);
  show_layout (page, label_layout, MARGIN, page->y + 0.5);
  cairo_set_source_rgb (page->cr, 0, 0, 0);
  show_layout (page, value_layout, MARGIN + LABEL_WIDTH, page->y);
  page->y += height + 5;
}

static char *
format_submitted (GDateTime *submitted_at)
{
  g_autoptr(GTimeZone) wib = g_time_zone_new_offset (WIB_OFFSET);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;

  if (submitted_at == NULL)
    return NULL;
  local = g_date_time_to_timezone (submitted_at, wib);
  date = pamong_format_date (local, TRUE);

  /* Translators: a date, then a time of day in Western Indonesian Time */
  return g_strdup_printf (_("%s, %02d:%02d WIB"), date, g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}

static char *
format_address (PamongReceipt *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *address = pamong_service_request_get_address (self->request);

  if (address != NULL && *address != '\0')
    g_ptr_array_add (parts, (gpointer) address);
  if (self->desa_name != NULL)
    g_ptr_array_add (parts, self->desa_name);
  if (self->kecamatan_name != NULL)
    g_ptr_array_add (parts, self->kecamatan_name);
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **) parts->pdata);
}

static char *
format_cost (gint64 cost)
{
  g_autofree char *amount = NULL;

  if (cost <= 0)
    return g_strdup (_("Free of charge"));
  amount = pamong_format_integer (cost);
  return g_strdup_printf ("Rp %s", amount);
}

static void
draw_tracking_box (Page       *page,
                   const char *tracking)
{
  g_autoptr(PangoLayout) label = make_layout (page, "Sans 9.5", page->width - 2 * MARGIN - 24,
                                              _("Tracking number"));
  g_autoptr(PangoLayout) number = make_layout (page, "Monospace Bold 26", page->width - 2 * MARGIN - 24,
                                               tracking != NULL ? tracking : "—");
  double height = layout_height (label) + layout_height (number) + 20;

  cairo_set_source_rgb (page->cr, 0.94, 0.95, 0.97);
  cairo_rectangle (page->cr, MARGIN, page->y, page->width - 2 * MARGIN, height);
  cairo_fill_preserve (page->cr);
  cairo_set_source_rgb (page->cr, 0.2, 0.3, 0.45);
  cairo_set_line_width (page->cr, 1.2);
  cairo_stroke (page->cr);

  cairo_set_source_rgb (page->cr, 0.3, 0.3, 0.3);
  show_layout (page, label, MARGIN + 12, page->y + 8);
  cairo_set_source_rgb (page->cr, 0, 0, 0);
  show_layout (page, number, MARGIN + 12, page->y + 10 + layout_height (label));
  page->y += height + 14;
}

static void
draw_requirements (Page                *page,
                   const char * const  *requirements)
{
  guint n = requirements != NULL ? g_strv_length ((char **) requirements) : 0;

  paragraph (page, "Sans Bold 11", _("Requirements (documents to bring)"), 4);
  if (n == 0)
    {
      paragraph (page, "Sans 10", _("None"), 6);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = g_strdup_printf ("☐  %s", requirements[i]);
      g_autoptr(PangoLayout) layout = make_layout (page, "Sans 10", page->width - 2 * MARGIN - 12, line);
      double height = layout_height (layout);

      /* keep room for the footer (about 110 points) */
      if (page->y + height > page->bottom - 110)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "… and %u more requirement",
                                                                "… and %u more requirements",
                                                                n - i), n - i);
          paragraph (page, "Sans Italic 10", more, 4);
          break;
        }
      show_layout (page, layout, MARGIN + 12, page->y);
      page->y += height + 3;
    }
  page->y += 6;
}

static void
draw_footer (PamongReceipt *self,
             Page          *page)
{
  g_autoptr(GString) contact = g_string_new (self->office_name);
  double signature_x = page->width - MARGIN - 180;
  double top = MAX (page->y + 8, page->bottom - 110);

  page->y = top;
  rule (page, 0.6);
  page->y += 8;

  cairo_set_source_rgb (page->cr, 0, 0, 0);
  paragraph (page, "Sans 9.5",
             _("Keep this receipt. Quote the tracking number whenever you ask about your request or collect the result."),
             6);
  if (self->office_address != NULL)
    g_string_append_printf (contact, " · %s", self->office_address);
  if (self->office_contact != NULL)
    g_string_append_printf (contact, " · %s", self->office_contact);
  {
    g_autofree char *line = g_strdup_printf (_("Contact: %s"), contact->str);

    paragraph (page, "Sans 9.5", line, 10);
  }

  {
    g_autoptr(PangoLayout) received = make_layout (page, "Sans 9.5", 180, _("Received by"));

    show_layout (page, received, signature_x, page->y);
    cairo_set_line_width (page->cr, 0.6);
    cairo_move_to (page->cr, signature_x, page->y + 44);
    cairo_line_to (page->cr, signature_x + 170, page->y + 44);
    cairo_stroke (page->cr);
  }
}

/**
 * pamong_receipt_draw_page:
 * @self: a receipt
 * @cr: where to draw
 * @width: the page width in @cr's units (points)
 * @height: the page height
 *
 * Draws the receipt on one page, scaled to fit @width x @height.
 */
void
pamong_receipt_draw_page (PamongReceipt *self,
                          cairo_t       *cr,
                          double         width,
                          double         height)
{
  PamongServiceRequest *request;
  PamongServiceType *type;
  g_autofree char *submitted = NULL;
  g_autofree char *due = NULL;
  g_autofree char *address = NULL;
  g_autofree char *standard = NULL;
  g_autofree char *cost = NULL;
  const char *kind = NULL;
  Page page;
  double scale;

  g_return_if_fail (PAMONG_IS_RECEIPT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);

  request = self->request;
  type = self->service_type;

  /* lay out in a 595-point-wide space, scaled to the page */
  scale = width / PAMONG_RECEIPT_PAGE_WIDTH;
  page.cr = cr;
  page.width = PAMONG_RECEIPT_PAGE_WIDTH;
  page.bottom = height / scale - MARGIN;
  page.y = MARGIN;

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* the office */
  paragraph (&page, "Sans Bold 15", self->office_name, 2);
  if (self->office_address != NULL)
    paragraph (&page, "Sans 9.5", self->office_address, 1);
  if (self->office_contact != NULL)
    paragraph (&page, "Sans 9.5", self->office_contact, 1);
  page.y += 6;
  rule (&page, 1.5);
  page.y += 12;

  paragraph (&page, "Sans Bold 17", _("Service Request Receipt"), 1);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  /* the document's Indonesian name, as citizens know it: data */
  paragraph (&page, "Sans Italic 10", "Tanda Terima Permohonan Layanan", 12);
  cairo_set_source_rgb (cr, 0, 0, 0);

  draw_tracking_box (&page, pamong_service_request_get_tracking_number (request));

  submitted = format_submitted (pamong_service_request_get_submitted_at (request));
  if (pamong_service_request_get_due_date (request) != NULL)
    due = pamong_format_date_iso (pamong_service_request_get_due_date (request), TRUE);
  address = format_address (self);
  if (type != NULL)
    {
      gint days = pamong_service_type_get_standard_days (type);

      if (days > 0)
        standard = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days", days),
                                    days);
      cost = format_cost (pamong_service_type_get_cost (type));
      kind = pamong_service_type_get_kind (type) == PAMONG_SERVICE_KIND_COMPLAINT
             ? _("Complaint") : _("Application for a service");
    }

  row (&page, _("Applicant"), pamong_service_request_get_applicant_name (request));
  row (&page, _("NIK"), pamong_service_request_get_applicant_nik (request));
  row (&page, _("Phone"), pamong_service_request_get_applicant_phone (request));
  row (&page, _("Address"), address);
  page.y += 4;
  row (&page, _("Service"), type != NULL ? pamong_service_type_get_name (type) : NULL);
  row (&page, _("Kind"), kind);
  row (&page, _("Handled by"), self->unit_name);
  row (&page, _("Cost"), cost);
  row (&page, _("Submitted"), submitted);
  row (&page, _("Service standard"), standard);
  page.y += 2;

  /* the due date stands out */
  {
    g_autoptr(PangoLayout) label = make_layout (&page, "Sans Bold 10.5", LABEL_WIDTH - 8, _("Due date"));
    g_autoptr(PangoLayout) value = make_layout (&page, "Sans Bold 13",
                                                page.width - 2 * MARGIN - LABEL_WIDTH,
                                                due != NULL ? due : _("No time standard"));

    show_layout (&page, label, MARGIN, page.y + 2);
    show_layout (&page, value, MARGIN + LABEL_WIDTH, page.y);
    page.y += MAX (layout_height (label), layout_height (value)) + 4;
  }
  if (due != NULL)
    {
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      paragraph (&page, "Sans 8.5",
                 _("Counted in working days after the day of submission; weekends, national holidays and cuti bersama do not count."),
                 12);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  else
    page.y += 10;

  draw_requirements (&page, type != NULL ? pamong_service_type_get_requirements (type) : NULL);
  draw_footer (self, &page);

  cairo_restore (cr);
}

/**
 * pamong_receipt_write_pdf:
 * @self: a receipt
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes the receipt as a one-page A4 PDF.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_receipt_write_pdf (PamongReceipt  *self,
                          const char     *path,
                          GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  const char *tracking;

  g_return_val_if_fail (PAMONG_IS_RECEIPT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_pdf_surface_create (path, PAMONG_RECEIPT_PAGE_WIDTH, PAMONG_RECEIPT_PAGE_HEIGHT);
  tracking = pamong_service_request_get_tracking_number (self->request);
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *title = g_strdup_printf (_("Receipt %s"), tracking != NULL ? tracking : "");

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pamong " PACKAGE_VERSION);
    }

  cr = cairo_create (surface);
  pamong_receipt_draw_page (self, cr, PAMONG_RECEIPT_PAGE_WIDTH, PAMONG_RECEIPT_PAGE_HEIGHT);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the receipt to “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
