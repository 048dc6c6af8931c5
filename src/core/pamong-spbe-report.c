/* pamong-spbe-report.c — the SPBE self-assessment report, drawn with cairo and pango
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-spbe"

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "pamong-error.h"
#include "pamong-format.h"
#include "pamong-spbe-index.h"
#include "pamong-spbe-report.h"

#define MARGIN      56.0
#define FOOTER      24.0
#define FONT_FAMILY "Sans"

typedef struct
{
  guint               level;
  char               *justification;
  PamongReviewStatus  status;
  char              **evidence;
} Entry;

typedef struct
{
  int    year;
  double index;
} History;

struct _PamongSpbeReport
{
  GObject          parent_instance;

  PamongFramework *framework;
  char            *regency;
  int              year;
  char            *title;
  double           target;
  Entry           *entries;
  guint            n_entries;
  GArray          *history;
};

G_DEFINE_FINAL_TYPE (PamongSpbeReport, pamong_spbe_report, G_TYPE_OBJECT)

/* One pass over the whole report. It always lays everything out (that is
 * how it knows where pages break) but draws only on the page asked for. */
typedef struct
{
  PamongSpbeReport  *self;
  cairo_t           *cr;
  PamongIndexResult *result;
  double             width;
  double             height;
  double             y;
  guint              page;
  gint               target_page;  /* DRAW_ALL, COUNT_ONLY or a page */
  guint              n_pages;      /* for the footer; 0 while counting */
} Render;

#define DRAW_ALL   (-1)
#define COUNT_ONLY (-2)

static gboolean
drawing (Render *r)
{
  return r->target_page == DRAW_ALL || (r->target_page >= 0 && (guint) r->target_page == r->page);
}

static double
content_width (Render *r)
{
  return r->width - 2 * MARGIN;
}

static PangoLayout *
make_layout (Render     *r,
             const char *markup,
             double      size,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (r->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  PangoContext *context = pango_layout_get_context (layout);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Units are points: one point per unit at 72 dpi. Unhinted metrics and
   * unrounded positions make the layout the same on every surface, so a
   * printed page breaks where the PDF's does. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_layout_context_changed (layout);
  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

static void
show_layout_at (Render      *r,
                PangoLayout *layout,
                double       x,
                double       y)
{
  if (!drawing (r))
    return;
  cairo_move_to (r->cr, x, y);
  pango_cairo_show_layout (r->cr, layout);
}

static void
draw_footer (Render *r)
{
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (!drawing (r))
    return;

  if (r->n_pages > 0)
    /* Translators: the report's page footer, e.g. "Kabupaten Blora · SPBE
     * self-assessment 2024 · page 2 of 9" */
    text = g_strdup_printf (_("%s · SPBE self-assessment %d · page %u of %u"),
                            r->self->regency, r->self->year, r->page + 1, r->n_pages);
  else
    /* Translators: the report's page footer without the page count */
    text = g_strdup_printf (_("%s · SPBE self-assessment %d · page %u"),
                            r->self->regency, r->self->year, r->page + 1);
  markup = g_markup_escape_text (text, -1);
  layout = make_layout (r, markup, 8, content_width (r));
  cairo_set_source_rgb (r->cr, 0.4, 0.4, 0.4);
  show_layout_at (r, layout, MARGIN, r->height - MARGIN + 8);
  cairo_set_source_rgb (r->cr, 0, 0, 0);
}

static void
new_page (Render *r)
{
  draw_footer (r);
  if (r->target_page == DRAW_ALL)
    cairo_show_page (r->cr);
  r->page++;
  r->y = MARGIN;
}

static void
ensure_space (Render *r,
              double  height)
{
  if (r->y + height > r->height - MARGIN - FOOTER && r->y > MARGIN)
    new_page (r);
}

/* A paragraph of markup across the content width, starting @indent in. */
static void
paragraph (Render     *r,
           const char *markup,
           double      size,
           double      indent,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = make_layout (r, markup, size, content_width (r) - indent);
  double h = layout_height (layout);

  ensure_space (r, h);
  show_layout_at (r, layout, MARGIN + indent, r->y);
  r->y += h + space_after;
}

static void
paragraph_text (Render     *r,
                const char *text,
                double      size,
                gboolean    bold,
                double      indent,
                double      space_after)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *markup = bold ? g_strdup_printf ("<b>%s</b>", escaped) : g_strdup (escaped);

  paragraph (r, markup, size, indent, space_after);
}

static char *
format_cents (gint cents)
{
  return pamong_format_index (cents / 100.0);
}

static char *
value_text (const PamongIndexValue *value)
{
  if (value == NULL || value->n_scored == 0)
    return g_strdup ("–");
  return format_cents (value->cents);
}

static char *
weight_text (double weight)
{
  g_autofree char *number = pamong_format_decimal (weight, 2);

  /* Translators: a weight in percent, e.g. "1.30 %" */
  return g_strdup_printf (_("%s %%"), number);
}

/* Tables */

typedef struct
{
  double      fraction;   /* of the content width */
  gboolean    right;
} Column;

static void
table_row (Render        *r,
           const Column  *columns,
           guint          n_columns,
           const char   **cells,
           gboolean       header)
{
  PangoLayout *layouts[8];
  double row_h = 0;
  double x = MARGIN;
  const double pad = 4;

  g_assert (n_columns <= G_N_ELEMENTS (layouts));

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *escaped = g_markup_escape_text (cells[c] != NULL ? cells[c] : "", -1);
      g_autofree char *markup = header ? g_strdup_printf ("<b>%s</b>", escaped) : g_strdup (escaped);
      double w = columns[c].fraction * content_width (r) - 2 * pad;

      layouts[c] = make_layout (r, markup, 9, w);
      if (columns[c].right)
        pango_layout_set_alignment (layouts[c], PANGO_ALIGN_RIGHT);
      row_h = MAX (row_h, layout_height (layouts[c]));
    }
  row_h += 2 * pad;

  ensure_space (r, row_h);
  if (drawing (r))
    {
      if (header)
        {
          cairo_set_source_rgb (r->cr, 0.90, 0.92, 0.95);
          cairo_rectangle (r->cr, MARGIN, r->y, content_width (r), row_h);
          cairo_fill (r->cr);
        }
      cairo_set_source_rgb (r->cr, 0.75, 0.75, 0.75);
      cairo_set_line_width (r->cr, 0.5);
      cairo_move_to (r->cr, MARGIN, r->y + row_h);
      cairo_line_to (r->cr, MARGIN + content_width (r), r->y + row_h);
      cairo_stroke (r->cr);
      cairo_set_source_rgb (r->cr, 0, 0, 0);
    }
  for (guint c = 0; c < n_columns; c++)
    {
      show_layout_at (r, layouts[c], x + pad, r->y + pad);
      x += columns[c].fraction * content_width (r);
      g_object_unref (layouts[c]);
    }
  r->y += row_h;
}

/* Charts: horizontal bars, a row per value, like the app's PamongBarChart. */

typedef struct
{
  char   *label;
  double  value;
  char   *text;
} Bar;

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->text);
}

static void
chart (Render     *r,
       const char *title,
       GArray     *bars,
       double      max,
       double      target,
       const char *target_label)
{
  const double row_h = 18;
  const double label_w = content_width (r) * 0.5;
  const double bar_x = MARGIN + label_w;
  const double bar_w = content_width (r) - label_w - 36;
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *markup = g_strdup_printf ("<b>%s</b>", escaped);
  g_autoptr(PangoLayout) title_layout = make_layout (r, markup, 10, content_width (r));
  double title_h = layout_height (title_layout) + 6;
  double total = title_h + bars->len * row_h + (target > 0 ? 14 : 0) + 12;

  ensure_space (r, total);
  show_layout_at (r, title_layout, MARGIN, r->y);
  r->y += title_h;

  for (guint i = 0; i < bars->len; i++)
    {
      Bar *bar = &g_array_index (bars, Bar, i);
      g_autofree char *label_markup = g_markup_escape_text (bar->label, -1);
      g_autofree char *text_markup = g_markup_escape_text (bar->text != NULL ? bar->text : "", -1);
      g_autoptr(PangoLayout) label = make_layout (r, label_markup, 8, label_w - 8);
      g_autoptr(PangoLayout) text = make_layout (r, text_markup, 8, -1);
      double w = max > 0 ? CLAMP (bar->value / max, 0, 1) * bar_w : 0;
      double y = r->y + i * row_h;

      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (label, -1);
      show_layout_at (r, label, MARGIN, y + (row_h - layout_height (label)) / 2);
      if (drawing (r))
        {
          if (target > 0 && bar->value >= target)
            cairo_set_source_rgb (r->cr, 0.18, 0.55, 0.34);
          else
            cairo_set_source_rgb (r->cr, 0.21, 0.52, 0.89);
          cairo_rectangle (r->cr, bar_x, y + 3, w, row_h - 6);
          cairo_fill (r->cr);
          cairo_set_source_rgb (r->cr, 0, 0, 0);
        }
      show_layout_at (r, text, bar_x + w + 4, y + (row_h - layout_height (text)) / 2);
    }

  if (target > 0 && max > 0 && drawing (r))
    {
      double x = bar_x + CLAMP (target / max, 0, 1) * bar_w;
      static const double dash[] = { 3, 2 };
      g_autofree char *target_markup = g_markup_escape_text (target_label != NULL ? target_label : "", -1);
      g_autoptr(PangoLayout) layout = make_layout (r, target_markup, 7, -1);

      cairo_save (r->cr);
      cairo_set_source_rgb (r->cr, 0.75, 0.11, 0.16);
      cairo_set_line_width (r->cr, 1);
      cairo_set_dash (r->cr, dash, 2, 0);
      cairo_move_to (r->cr, x, r->y);
      cairo_line_to (r->cr, x, r->y + bars->len * row_h + 2);
      cairo_stroke (r->cr);
      cairo_restore (r->cr);
      cairo_set_source_rgb (r->cr, 0.75, 0.11, 0.16);
      show_layout_at (r, layout, MAX (bar_x, x - layout_width (layout) / 2), r->y + bars->len * row_h + 2);
      cairo_set_source_rgb (r->cr, 0, 0, 0);
    }
  r->y += bars->len * row_h + (target > 0 ? 14 : 0) + 12;
}

static void
add_bar (GArray     *bars,
         const char *label,
         double      value,
         char       *text)
{
  Bar bar = { g_strdup (label), value, text };

  g_array_append_val (bars, bar);
}

/* Whether the report is in English, where the regulation's terms get an
 * English gloss (as in the app, see pamong_gui_ui_is_english()): the
 * catalogue gettext picked names its language in its header. */
static gboolean
ui_is_english (void)
{
  static const char header_msgid[] = "";
  const char *header = dgettext (GETTEXT_PACKAGE, header_msgid);
  const char *language;

  if (header == NULL || *header == '\0')
    return TRUE;
  language = strstr (header, "Language: ");
  if (language == NULL)
    return TRUE;
  language += strlen ("Language: ");
  return g_str_has_prefix (language, "en") || *language == '\n';
}

/* The sections */

static void
draw_cover (Render *r)
{
  PamongSpbeReport *self = r->self;
  const PamongIndexValue *overall = pamong_index_result_get_overall (r->result);
  const PamongFwBand *band = pamong_index_result_get_predikat (r->result);
  g_autofree char *year = g_strdup_printf ("%d", self->year);
  g_autofree char *index = value_text (overall);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = pamong_format_date (now, FALSE);
  g_autofree char *made = NULL;

  r->y = MARGIN + 90;
  paragraph_text (r, _("SPBE Self-Assessment Report"), 22, TRUE, 0, 10);
  paragraph_text (r, self->regency, 16, FALSE, 0, 4);
  {
    /* Translators: the assessment year on the report's cover, e.g. "Year 2024" */
    g_autofree char *text = g_strdup_printf (_("Year %s"), year);

    paragraph_text (r, text, 16, FALSE, 0, 4);
  }
  if (self->title != NULL && *self->title != '\0')
    paragraph_text (r, self->title, 11, FALSE, 0, 4);
  r->y += 50;

  paragraph_text (r, _("SPBE index"), 12, FALSE, 0, 2);
  paragraph_text (r, index, 48, TRUE, 0, 4);
  {
    g_autofree char *text = NULL;

    if (band != NULL && band->gloss != NULL && ui_is_english ())
      /* Translators: the predikat and its English gloss, e.g. "Baik (Good)" */
      text = g_strdup_printf (C_("report predikat", "%s (%s)"), band->name, band->gloss);
    paragraph_text (r, band == NULL ? _("No predikat yet") : text != NULL ? text : band->name,
                    18, TRUE, 0, 8);
  }
  if (!pamong_index_value_is_complete (overall))
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Provisional: %u of %u indicator scored",
                                           "Provisional: %u of %u indicators scored",
                                           overall->n_indicators),
                              overall->n_scored, overall->n_indicators);
      paragraph_text (r, text, 11, FALSE, 0, 4);
    }
  if (self->target > 0)
    {
      g_autofree char *target = pamong_format_index (self->target);
      /* Translators: the assessment's target index, e.g. "Target: 3.30" */
      g_autofree char *text = g_strdup_printf (_("Target: %s"), target);

      paragraph_text (r, text, 11, FALSE, 0, 4);
    }
  r->y += 40;
  paragraph_text (r, pamong_framework_get_name (self->framework), 10, TRUE, 0, 2);
  paragraph_text (r, pamong_framework_get_regulation (self->framework), 9, FALSE, 0, 12);
  /* Translators: when the report was made, e.g. "Made on 27 November 2026" */
  made = g_strdup_printf (_("Made on %s"), today);
  paragraph_text (r, made, 9, FALSE, 0, 0);
  new_page (r);
}

static void
draw_tables (Render *r)
{
  PamongFramework *fw = r->self->framework;
  static const Column domain_columns[] = { { 0.64, FALSE }, { 0.18, TRUE }, { 0.18, TRUE } };
  static const Column aspect_columns[] = { { 0.46, FALSE }, { 0.18, FALSE }, { 0.18, TRUE }, { 0.18, TRUE } };

  paragraph_text (r, _("Index by Domain"), 14, TRUE, 0, 8);
  {
    const char *cells[] = { _("Domain"), _("Weight"), _("Index") };

    table_row (r, domain_columns, 3, cells, TRUE);
  }
  for (guint d = 0; d < pamong_framework_get_n_domains (fw); d++)
    {
      const PamongFwDomain *domain = pamong_framework_get_domain (fw, d);
      g_autofree char *name = g_strdup_printf ("%u · %s", domain->number, domain->name);
      g_autofree char *weight = weight_text (domain->weight);
      g_autofree char *index = value_text (pamong_index_result_get_domain (r->result, d));
      const char *cells[] = { name, weight, index };

      table_row (r, domain_columns, 3, cells, FALSE);
    }
  {
    g_autofree char *index = value_text (pamong_index_result_get_overall (r->result));
    g_autofree char *weight = weight_text (pamong_framework_get_total_weight_cents (fw) / 100.0);
    const char *cells[] = { _("SPBE index"), weight, index };

    table_row (r, domain_columns, 3, cells, TRUE);
  }
  r->y += 20;

  paragraph_text (r, _("Index by Aspect"), 14, TRUE, 0, 8);
  {
    const char *cells[] = { _("Aspect"), _("Domain"), _("Weight"), _("Index") };

    table_row (r, aspect_columns, 4, cells, TRUE);
  }
  for (guint a = 0; a < pamong_framework_get_n_aspects (fw); a++)
    {
      const PamongFwAspect *aspect = pamong_framework_get_aspect (fw, a);
      const PamongFwDomain *domain = pamong_framework_get_domain (fw, aspect->domain_index);
      g_autofree char *name = g_strdup_printf ("%u · %s", aspect->number, aspect->name);
      g_autofree char *domain_name = g_strdup_printf ("%u · %s", domain->number, domain->name);
      g_autofree char *weight = weight_text (aspect->weight);
      g_autofree char *index = value_text (pamong_index_result_get_aspect (r->result, a));
      const char *cells[] = { name, domain_name, weight, index };

      table_row (r, aspect_columns, 4, cells, FALSE);
    }
  r->y += 24;
}

static gint
compare_history (gconstpointer a,
                 gconstpointer b)
{
  const History *x = a;
  const History *y = b;

  return x->year - y->year;
}

static void
draw_charts (Render *r)
{
  PamongSpbeReport *self = r->self;
  PamongFramework *fw = self->framework;
  g_autoptr(GArray) bars = NULL;
  g_autoptr(GArray) history = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *target_label = NULL;
  const PamongIndexValue *overall = pamong_index_result_get_overall (r->result);
  double max = 0;

  if (self->target > 0)
    {
      target_text = pamong_format_index (self->target);
      /* Translators: the label of a chart's target line, e.g. "Target 3.30" */
      target_label = g_strdup_printf (_("Target %s"), target_text);
    }

  /* The scales' highest level is the largest possible index. */
  for (guint s = 0; s < pamong_framework_get_n_scales (fw); s++)
    {
      const PamongFwScale *scale = pamong_framework_get_scale (fw, s);

      if (scale->n_levels > 0)
        max = MAX (max, scale->levels[scale->n_levels - 1].value);
    }

  paragraph_text (r, _("Charts"), 14, TRUE, 0, 8);

  bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (bars, bar_clear);
  for (guint d = 0; d < pamong_framework_get_n_domains (fw); d++)
    {
      const PamongFwDomain *domain = pamong_framework_get_domain (fw, d);
      const PamongIndexValue *value = pamong_index_result_get_domain (r->result, d);

      add_bar (bars, domain->name, value->n_scored > 0 ? value->cents / 100.0 : 0, value_text (value));
    }
  chart (r, _("Domain indices against the target"), bars, max, self->target, target_label);

  g_array_set_size (bars, 0);
  history = g_array_new (FALSE, TRUE, sizeof (History));
  for (guint i = 0; i < self->history->len; i++)
    if (g_array_index (self->history, History, i).year != self->year)
      g_array_append_val (history, g_array_index (self->history, History, i));
  if (overall->n_scored > 0)
    {
      History now = { self->year, overall->cents / 100.0 };

      g_array_append_val (history, now);
    }
  g_array_sort (history, compare_history);
  for (guint i = 0; i < history->len; i++)
    {
      History *h = &g_array_index (history, History, i);
      g_autofree char *year = g_strdup_printf ("%d", h->year);

      add_bar (bars, year, h->index, pamong_format_index (h->index));
    }
  if (bars->len > 0)
    chart (r, _("The index across the years"), bars, max, self->target, target_label);

  g_array_set_size (bars, 0);
  for (guint a = 0; a < pamong_framework_get_n_aspects (fw); a++)
    {
      const PamongFwAspect *aspect = pamong_framework_get_aspect (fw, a);
      const PamongIndexValue *value = pamong_index_result_get_aspect (r->result, a);

      add_bar (bars, aspect->name, value->n_scored > 0 ? value->cents / 100.0 : 0, value_text (value));
    }
  chart (r, _("Aspect indices"), bars, max, 0, NULL);
}

static void
draw_indicators (Render *r)
{
  PamongSpbeReport *self = r->self;
  PamongFramework *fw = self->framework;

  new_page (r);
  paragraph_text (r, _("Indicators"), 14, TRUE, 0, 8);

  for (guint d = 0; d < pamong_framework_get_n_domains (fw); d++)
    {
      const PamongFwDomain *domain = pamong_framework_get_domain (fw, d);
      /* Translators: a domain heading in the report, e.g. "Domain 1 · Kebijakan Internal SPBE" */
      g_autofree char *heading = g_strdup_printf (_("Domain %u · %s"), domain->number, domain->name);

      ensure_space (r, 80);
      paragraph_text (r, heading, 12, TRUE, 0, 6);

      for (guint a = domain->first_aspect; a < domain->first_aspect + domain->n_aspects; a++)
        {
          const PamongFwAspect *aspect = pamong_framework_get_aspect (fw, a);
          /* Translators: an aspect heading in the report, e.g. "Aspect 2 · Perencanaan Strategis SPBE" */
          g_autofree char *aspect_heading = g_strdup_printf (_("Aspect %u · %s"), aspect->number, aspect->name);

          ensure_space (r, 60);
          paragraph_text (r, aspect_heading, 10.5, TRUE, 0, 6);

          for (guint i = aspect->first_indicator; i < aspect->first_indicator + aspect->n_indicators; i++)
            {
              const PamongFwIndicator *indicator = pamong_framework_get_indicator (fw, i);
              const Entry *entry = &self->entries[i];
              g_autofree char *title = g_strdup_printf ("%u. %s", indicator->number, indicator->name);
              g_autofree char *level = NULL;
              g_autofree char *weight = weight_text (indicator->weight);
              g_autofree char *line = NULL;
              const PamongFwLevel *fw_level = entry->level > 0 ?
                pamong_framework_get_indicator_level (fw, indicator, entry->level) : NULL;
              const char *status = entry->status == PAMONG_REVIEW_STATUS_FINAL ?
                                   C_("review status", "Final") : C_("review status", "Draft");

              ensure_space (r, 48);
              paragraph_text (r, title, 9.5, TRUE, 0, 2);
              if (entry->level == 0)
                level = g_strdup (_("Not scored yet"));
              else if (fw_level != NULL)
                /* Translators: an indicator's level and the level's name from the
                 * regulation, e.g. "Level 3 · Terdefinisi" */
                level = g_strdup_printf (_("Level %u · %s"), entry->level, fw_level->name);
              else
                /* Translators: an indicator's level (tingkat), e.g. "Level 3" */
                level = g_strdup_printf (_("Level %u"), entry->level);
              /* Translators: a report line: the level, the review status and
               * the weight, e.g. "Level 3 · Terdefinisi — Final — weight 1.30 %" */
              line = g_strdup_printf (_("%s — %s — weight %s"), level, status, weight);
              paragraph_text (r, line, 9, FALSE, 12, 2);

              if (entry->justification != NULL && *entry->justification != '\0')
                {
                  /* Translators: the report's justification line */
                  g_autofree char *text = g_strdup_printf (_("Justification: %s"), entry->justification);

                  paragraph_text (r, text, 9, FALSE, 12, 2);
                }
              if (entry->evidence != NULL && entry->evidence[0] != NULL)
                {
                  g_autofree char *list = g_strjoinv (", ", entry->evidence);
                  /* Translators: the report's list of evidence documents */
                  g_autofree char *text = g_strdup_printf (_("Evidence: %s"), list);

                  paragraph_text (r, text, 9, FALSE, 12, 8);
                }
              else
                paragraph_text (r, _("No evidence attached"), 9, FALSE, 12, 8);
            }
        }
    }
}

static guint
render (PamongSpbeReport *self,
        cairo_t          *cr,
        double            width,
        double            height,
        gint              target_page,
        guint             n_pages)
{
  g_autofree guint *levels = g_new0 (guint, self->n_entries);
  Render r = { 0 };

  for (guint i = 0; i < self->n_entries; i++)
    levels[i] = self->entries[i].level;

  r.self = self;
  r.cr = cr;
  r.width = width;
  r.height = height;
  r.y = MARGIN;
  r.target_page = target_page;
  r.n_pages = n_pages;
  r.result = pamong_spbe_index_compute (self->framework, levels, self->n_entries);
  g_return_val_if_fail (r.result != NULL, 0);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_cover (&r);
  draw_tables (&r);
  draw_charts (&r);
  draw_indicators (&r);
  draw_footer (&r);
  if (target_page == DRAW_ALL)
    cairo_show_page (cr);
  cairo_restore (cr);

  pamong_index_result_unref (r.result);
  return r.page + 1;
}

/* Public */

/**
 * pamong_spbe_report_new:
 * @framework: the assessment's framework
 * @regency: the agency's name for the cover, e.g. "Kabupaten Blora"
 * @year: the assessment year
 *
 * A report with every indicator not scored yet; fill it with
 * pamong_spbe_report_set_indicator().
 *
 * Returns: (transfer full): a new report
 */
PamongSpbeReport *
pamong_spbe_report_new (PamongFramework *framework,
                        const char      *regency,
                        int              year)
{
  PamongSpbeReport *self;

  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (regency != NULL, NULL);

  self = g_object_new (PAMONG_TYPE_SPBE_REPORT, NULL);
  self->framework = g_object_ref (framework);
  self->regency = g_strdup (regency);
  self->year = year;
  self->n_entries = pamong_framework_get_n_indicators (framework);
  self->entries = g_new0 (Entry, self->n_entries);
  for (guint i = 0; i < self->n_entries; i++)
    self->entries[i].status = PAMONG_REVIEW_STATUS_DRAFT;
  return self;
}

void
pamong_spbe_report_set_title (PamongSpbeReport *self,
                              const char       *title)
{
  g_return_if_fail (PAMONG_IS_SPBE_REPORT (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

/**
 * pamong_spbe_report_set_target:
 * @target_index: the assessment's target index; 0 for none
 */
void
pamong_spbe_report_set_target (PamongSpbeReport *self,
                               double            target_index)
{
  g_return_if_fail (PAMONG_IS_SPBE_REPORT (self));

  self->target = target_index;
}

/**
 * pamong_spbe_report_set_indicator:
 * @self: a #PamongSpbeReport
 * @position: the indicator's position in the framework
 * @level: its level, 0 for not scored; a level its scale lacks counts as 0
 * @justification: (nullable): the assessor's justification
 * @status: draft or final
 * @evidence: (nullable) (array zero-terminated=1): the evidence file names
 */
void
pamong_spbe_report_set_indicator (PamongSpbeReport   *self,
                                  guint               position,
                                  guint               level,
                                  const char         *justification,
                                  PamongReviewStatus  status,
                                  const char * const *evidence)
{
  Entry *entry;

  g_return_if_fail (PAMONG_IS_SPBE_REPORT (self));
  g_return_if_fail (position < self->n_entries);

  entry = &self->entries[position];
  if (level > 0 &&
      pamong_framework_get_indicator_level (self->framework,
                                            pamong_framework_get_indicator (self->framework, position),
                                            level) == NULL)
    level = 0;
  entry->level = level;
  g_free (entry->justification);
  entry->justification = g_strdup (justification);
  entry->status = status;
  g_strfreev (entry->evidence);
  entry->evidence = g_strdupv ((char **) evidence);
}

/**
 * pamong_spbe_report_add_history:
 * @year: an earlier (or the same) year
 * @index: that year's index
 *
 * Adds a point to the chart of the index across the years; the report's own
 * year always shows its computed index.
 */
void
pamong_spbe_report_add_history (PamongSpbeReport *self,
                                int               year,
                                double            index)
{
  History h = { year, index };

  g_return_if_fail (PAMONG_IS_SPBE_REPORT (self));

  g_array_append_val (self->history, h);
}

/**
 * pamong_spbe_report_get_n_pages:
 * @cr: a cairo context to measure text with (nothing is drawn)
 * @width: the page width in points
 * @height: the page height in points
 *
 * Returns: the number of pages at this size
 */
guint
pamong_spbe_report_get_n_pages (PamongSpbeReport *self,
                                cairo_t          *cr,
                                double            width,
                                double            height)
{
  g_return_val_if_fail (PAMONG_IS_SPBE_REPORT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  return render (self, cr, width, height, COUNT_ONLY, 0);
}

/**
 * pamong_spbe_report_draw_page:
 * @cr: the page's cairo context, in points
 * @width: the page width in points
 * @height: the page height in points
 * @page: the page, from 0
 *
 * Draws one page (for GtkPrintOperation's draw-page).
 */
void
pamong_spbe_report_draw_page (PamongSpbeReport *self,
                              cairo_t          *cr,
                              double            width,
                              double            height,
                              guint             page)
{
  guint n_pages;

  g_return_if_fail (PAMONG_IS_SPBE_REPORT (self));
  g_return_if_fail (cr != NULL);

  n_pages = render (self, cr, width, height, COUNT_ONLY, 0);
  render (self, cr, width, height, (gint) page, n_pages);
}

/**
 * pamong_spbe_report_write_pdf:
 * @path: where to write the PDF (A4)
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the PDF is written
 */
gboolean
pamong_spbe_report_write_pdf (PamongSpbeReport  *self,
                              const char        *path,
                              GError           **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (PAMONG_IS_SPBE_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_pdf_surface_create (path, PAMONG_SPBE_REPORT_A4_WIDTH, PAMONG_SPBE_REPORT_A4_HEIGHT);
  cr = cairo_create (surface);
  {
    g_autofree char *title = g_strdup_printf ("%s — %s %d", _("SPBE Self-Assessment Report"),
                                              self->regency, self->year);

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pamong " PACKAGE_VERSION);
  }
  n_pages = render (self, cr, PAMONG_SPBE_REPORT_A4_WIDTH, PAMONG_SPBE_REPORT_A4_HEIGHT, COUNT_ONLY, 0);
  render (self, cr, PAMONG_SPBE_REPORT_A4_WIDTH, PAMONG_SPBE_REPORT_A4_HEIGHT, DRAW_ALL, n_pages);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                   _("Could not write the report to “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* GObject */

static void
pamong_spbe_report_finalize (GObject *object)
{
  PamongSpbeReport *self = PAMONG_SPBE_REPORT (object);

  for (guint i = 0; i < self->n_entries; i++)
    {
      g_free (self->entries[i].justification);
      g_strfreev (self->entries[i].evidence);
    }
  g_free (self->entries);
  g_clear_object (&self->framework);
  g_free (self->regency);
  g_free (self->title);
  g_array_unref (self->history);

  G_OBJECT_CLASS (pamong_spbe_report_parent_class)->finalize (object);
}

static void
pamong_spbe_report_class_init (PamongSpbeReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pamong_spbe_report_finalize;
}

static void
pamong_spbe_report_init (PamongSpbeReport *self)
{
  self->history = g_array_new (FALSE, TRUE, sizeof (History));
}
