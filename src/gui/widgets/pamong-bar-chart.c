/* pamong-bar-chart.c — a labelled bar chart drawn with GtkSnapshot
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "pamong-bar-chart.h"

/*
 * PamongBarChart draws one bar per value, either as rows (the label on the
 * left, the bar growing to the right, its value text after it) or as columns
 * (the label under the column, the value above it). An optional target is a
 * dashed line across the bars with its own label. The colours are the
 * theme's named colours, so the chart follows the light and dark styles and
 * the accent colour.
 *
 * The widget is an image to assistive technologies: its accessible label is
 * the title and its description lists every bar as "label: value", so a
 * screen reader user gets the same figures as a sighted one.
 */

#define ROW_PADDING    10  /* added to the text height to make a row */
#define GAP            8   /* between a label, its bar and its value */
#define TITLE_GAP      8
#define BAR_RADIUS     3.f
#define DASH_LENGTH    4.f
#define MIN_BAR_LENGTH 160

typedef struct
{
  char            *label;
  char            *value_text;
  double           value;
  PamongChartTone  tone;
} Bar;

struct _PamongBarChart
{
  GtkWidget       parent_instance;

  char           *title;
  GtkOrientation  orientation;
  double          max;
  double          target;
  char           *target_label;
  GArray         *bars;            /* of Bar */
};

G_DEFINE_FINAL_TYPE (PamongBarChart, pamong_bar_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ORIENTATION,
  PROP_MAX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_clear_pointer (&bar->label, g_free);
  g_clear_pointer (&bar->value_text, g_free);
}

static double
effective_max (PamongBarChart *self)
{
  double max = self->max;

  if (max <= 0)
    {
      for (guint i = 0; i < self->bars->len; i++)
        max = MAX (max, g_array_index (self->bars, Bar, i).value);
      max = MAX (max, self->target);
    }
  return max > 0 ? max : 1.0;
}

static void
update_accessible (PamongBarChart *self)
{
  g_autoptr(GString) description = g_string_new (NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);

      if (description->len > 0)
        g_string_append (description, "; ");
      /* TRANSLATORS: how a screen reader reads one bar of a chart:
       * the bar's label, then its value */
      g_string_append_printf (description, _("%s: %s"), bar->label,
                              bar->value_text != NULL ? bar->value_text : "");
    }
  if (self->target > 0 && self->target_label != NULL)
    {
      if (description->len > 0)
        g_string_append (description, "; ");
      g_string_append (description, self->target_label);
    }
  if (self->bars->len == 0)
    g_string_append (description, _("No data"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title != NULL ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str,
                                  -1);
}

static void
changed (PamongBarChart *self)
{
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Drawing helpers */

static PangoLayout *
make_layout (PamongBarChart *self,
             const char     *text,
             gboolean        bold,
             int             max_width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (bold)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  if (max_width > 0)
    {
      pango_layout_set_width (layout, max_width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static int
text_width (PamongBarChart *self,
            const char     *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  if (text == NULL || *text == '\0')
    return 0;
  layout = make_layout (self, text, FALSE, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
text_height (PamongBarChart *self)
{
  g_autoptr(PangoLayout) layout = make_layout (self, "Ag", FALSE, -1);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             float          x,
             float          y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_text (PamongBarChart *self,
           GtkSnapshot    *snapshot,
           const char     *text,
           gboolean        bold,
           int             max_width,
           float           x,
           float           y,
           const GdkRGBA  *color)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, bold, max_width);

  draw_layout (snapshot, layout, x, y, color);
}

static void
draw_bar (GtkSnapshot   *snapshot,
          float          x,
          float          y,
          float          width,
          float          height,
          const GdkRGBA *color)
{
  GskRoundedRect rect;
  float radius = MIN (BAR_RADIUS, MIN (width, height) / 2.f);

  if (width <= 0 || height <= 0)
    return;
  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
  gtk_snapshot_pop (snapshot);
}

/* A dashed line, vertical when @vertical, from (x, y) for @length pixels. */
static void
draw_dashes (GtkSnapshot   *snapshot,
             float          x,
             float          y,
             float          length,
             gboolean       vertical,
             const GdkRGBA *color)
{
  for (float t = 0; t < length; t += 2 * DASH_LENGTH)
    {
      float piece = MIN (DASH_LENGTH, length - t);

      if (vertical)
        gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x - 1, y + t, 2, piece));
      else
        gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x + t, y - 1, piece, 2));
    }
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
}

static void
get_foreground (GtkWidget *widget,
                GdkRGBA   *color)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
tone_color (GtkWidget       *widget,
            PamongChartTone  tone,
            GdkRGBA         *color)
{
  switch (tone)
    {
    case PAMONG_CHART_TONE_SUCCESS:
      lookup_color (widget, "success_color", color);
      break;
    case PAMONG_CHART_TONE_WARNING:
      lookup_color (widget, "warning_color", color);
      break;
    case PAMONG_CHART_TONE_ERROR:
      lookup_color (widget, "error_color", color);
      break;
    case PAMONG_CHART_TONE_NEUTRAL:
      get_foreground (widget, color);
      color->alpha *= 0.35f;
      break;
    case PAMONG_CHART_TONE_ACCENT:
    default:
      lookup_color (widget, "accent_bg_color", color);
      break;
    }
}

/* The title wraps onto as many lines as @width needs (long translations). */
static PangoLayout *
make_title_layout (PamongBarChart *self,
                   int             width)
{
  PangoLayout *layout = make_layout (self, self->title, TRUE, -1);

  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static int
title_height (PamongBarChart *self,
              int             width)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  if (self->title == NULL || *self->title == '\0')
    return 0;
  layout = make_title_layout (self, width);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height + TITLE_GAP;
}

static gboolean
has_target (PamongBarChart *self)
{
  return self->target > 0;
}

/* Rows: label | bar → value */

static void
snapshot_rows (PamongBarChart *self,
               GtkSnapshot    *snapshot,
               int             width,
               const GdkRGBA  *fg,
               const GdkRGBA  *dim)
{
  int line = text_height (self);
  int row = line + ROW_PADDING;
  int y = title_height (self, width);
  int label_w = 0, value_w = 0, bar_x, bar_room;
  double max = effective_max (self);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);

      label_w = MAX (label_w, text_width (self, bar->label));
      value_w = MAX (value_w, text_width (self, bar->value_text));
    }
  label_w = MIN (label_w, width * 2 / 5);
  bar_x = label_w + GAP;
  bar_room = MAX (width - bar_x - value_w - GAP, 1);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      float length = (float) (CLAMP (bar->value / max, 0.0, 1.0) * bar_room);
      GdkRGBA color;

      tone_color (GTK_WIDGET (self), bar->tone, &color);
      draw_text (self, snapshot, bar->label, FALSE, label_w, 0, y + ROW_PADDING / 2.f, fg);
      draw_bar (snapshot, bar_x, y + ROW_PADDING / 2.f, MAX (length, 2.f), line, &color);
      if (bar->value_text != NULL)
        draw_text (self, snapshot, bar->value_text, FALSE, -1,
                   bar_x + length + GAP, y + ROW_PADDING / 2.f, fg);
      y += row;
    }

  if (has_target (self) && self->bars->len > 0)
    {
      int top = title_height (self, width);
      float x = bar_x + (float) (CLAMP (self->target / max, 0.0, 1.0) * bar_room);

      draw_dashes (snapshot, x, top, y - top, TRUE, fg);
      if (self->target_label != NULL)
        {
          g_autoptr(PangoLayout) layout = make_layout (self, self->target_label, FALSE, -1);
          int w;

          pango_layout_get_pixel_size (layout, &w, NULL);
          draw_layout (snapshot, layout, CLAMP (x - w / 2.f, 0, MAX (width - w, 0)), y + 2, dim);
        }
    }
}

/* Columns: value over a column, label under it */

static void
snapshot_columns (PamongBarChart *self,
                  GtkSnapshot    *snapshot,
                  int             width,
                  int             height,
                  const GdkRGBA  *fg,
                  const GdkRGBA  *dim)
{
  int line = text_height (self);
  int top = title_height (self, width) + line + GAP / 2;
  int bottom = height - line - GAP;
  int room = MAX (bottom - top, 1);
  double max = effective_max (self);
  float column = (float) width / MAX (self->bars->len, 1);
  float bar_w = MIN (column * 0.6f, 56.f);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      float length = (float) (CLAMP (bar->value / max, 0.0, 1.0) * room);
      float center = column * (i + 0.5f);
      GdkRGBA color;
      int w;

      tone_color (GTK_WIDGET (self), bar->tone, &color);
      draw_bar (snapshot, center - bar_w / 2, bottom - MAX (length, 2.f), bar_w, MAX (length, 2.f), &color);

      if (bar->value_text != NULL)
        {
          g_autoptr(PangoLayout) value = make_layout (self, bar->value_text, TRUE, (int) column);

          pango_layout_get_pixel_size (value, &w, NULL);
          draw_layout (snapshot, value, center - w / 2.f, bottom - length - line - 2, fg);
        }
      {
        g_autoptr(PangoLayout) label = make_layout (self, bar->label, FALSE, (int) column - 4);

        pango_layout_get_pixel_size (label, &w, NULL);
        draw_layout (snapshot, label, center - w / 2.f, bottom + GAP / 2.f, fg);
      }
    }

  if (has_target (self) && self->bars->len > 0)
    {
      float y = bottom - (float) (CLAMP (self->target / max, 0.0, 1.0) * room);

      draw_dashes (snapshot, 0, y, width, FALSE, fg);
      if (self->target_label != NULL)
        {
          g_autoptr(PangoLayout) layout = make_layout (self, self->target_label, FALSE, -1);
          int w, h;

          pango_layout_get_pixel_size (layout, &w, &h);
          draw_layout (snapshot, layout, MAX (width - w, 0), y - h - 2, dim);
        }
    }
}

static void
pamong_bar_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  PamongBarChart *self = PAMONG_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg, dim;

  get_foreground (widget, &fg);
  dim = fg;
  dim.alpha *= 0.6f;

  if (self->title != NULL && *self->title != '\0')
    {
      g_autoptr(PangoLayout) title = make_title_layout (self, width);

      draw_layout (snapshot, title, 0, 0, &fg);
    }

  if (self->bars->len == 0)
    {
      draw_text (self, snapshot, _("No data"), FALSE, width, 0, title_height (self, width), &dim);
      return;
    }

  if (self->orientation == GTK_ORIENTATION_HORIZONTAL)
    snapshot_rows (self, snapshot, width, &fg, &dim);
  else
    snapshot_columns (self, snapshot, width, height, &fg, &dim);
}

static void
pamong_bar_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  PamongBarChart *self = PAMONG_BAR_CHART (widget);
  int line = text_height (self);
  guint n = MAX (self->bars->len, 1);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (self->orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum = MIN_BAR_LENGTH;
          *natural = MIN_BAR_LENGTH * 2;
        }
      else
        {
          *minimum = (int) n * (line * 2);
          *natural = MAX (*minimum, (int) n * 72);
        }
    }
  else
    {
      int title = title_height (self, for_size >= 0 ? for_size : MIN_BAR_LENGTH * 2);

      if (self->orientation == GTK_ORIENTATION_HORIZONTAL)
        *minimum = title + (int) n * (line + ROW_PADDING) + (has_target (self) ? line + 4 : 0);
      else
        *minimum = title + 4 * line + 120;
      *natural = *minimum;
    }
  *minimum_baseline = *natural_baseline = -1;
}

static GtkSizeRequestMode
pamong_bar_chart_get_request_mode (GtkWidget *widget)
{
  /* The title wraps: the height depends on the width. */
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pamong_bar_chart_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (pamong_bar_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_resize (widget);
}

static void
pamong_bar_chart_finalize (GObject *object)
{
  PamongBarChart *self = PAMONG_BAR_CHART (object);

  g_free (self->title);
  g_free (self->target_label);
  g_array_unref (self->bars);

  G_OBJECT_CLASS (pamong_bar_chart_parent_class)->finalize (object);
}

static void
pamong_bar_chart_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PamongBarChart *self = PAMONG_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ORIENTATION:
      g_value_set_enum (value, self->orientation);
      break;
    case PROP_MAX:
      g_value_set_double (value, self->max);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_bar_chart_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PamongBarChart *self = PAMONG_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pamong_bar_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_ORIENTATION:
      pamong_bar_chart_set_orientation (self, g_value_get_enum (value));
      break;
    case PROP_MAX:
      pamong_bar_chart_set_max (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_bar_chart_class_init (PamongBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pamong_bar_chart_finalize;
  object_class->get_property = pamong_bar_chart_get_property;
  object_class->set_property = pamong_bar_chart_set_property;

  widget_class->snapshot = pamong_bar_chart_snapshot;
  widget_class->measure = pamong_bar_chart_measure;
  widget_class->get_request_mode = pamong_bar_chart_get_request_mode;
  widget_class->css_changed = pamong_bar_chart_css_changed;

  /**
   * PamongBarChart:title:
   *
   * Drawn above the bars and read as the chart's accessible label.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PamongBarChart:orientation:
   *
   * %GTK_ORIENTATION_HORIZONTAL draws a row per bar, %GTK_ORIENTATION_VERTICAL
   * a column per bar.
   */
  properties[PROP_ORIENTATION] =
    g_param_spec_enum ("orientation", NULL, NULL,
                       GTK_TYPE_ORIENTATION, GTK_ORIENTATION_HORIZONTAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PamongBarChart:max:
   *
   * The value of a full-length bar; 0 uses the largest value (or the target).
   */
  properties[PROP_MAX] =
    g_param_spec_double ("max", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pamong-bar-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pamong_bar_chart_init (PamongBarChart *self)
{
  self->orientation = GTK_ORIENTATION_HORIZONTAL;
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  update_accessible (self);
}

/**
 * pamong_bar_chart_new:
 *
 * Returns: (transfer floating): an empty chart
 */
GtkWidget *
pamong_bar_chart_new (void)
{
  return g_object_new (PAMONG_TYPE_BAR_CHART, NULL);
}

void
pamong_bar_chart_set_title (PamongBarChart *self,
                            const char     *title)
{
  g_return_if_fail (PAMONG_IS_BAR_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
pamong_bar_chart_get_title (PamongBarChart *self)
{
  g_return_val_if_fail (PAMONG_IS_BAR_CHART (self), NULL);

  return self->title;
}

void
pamong_bar_chart_set_orientation (PamongBarChart *self,
                                  GtkOrientation  orientation)
{
  g_return_if_fail (PAMONG_IS_BAR_CHART (self));

  if (self->orientation == orientation)
    return;
  self->orientation = orientation;
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIENTATION]);
}

void
pamong_bar_chart_set_max (PamongBarChart *self,
                          double          max)
{
  g_return_if_fail (PAMONG_IS_BAR_CHART (self));

  max = MAX (max, 0);
  if (self->max == max)
    return;
  self->max = max;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX]);
}

/**
 * pamong_bar_chart_set_target:
 * @target: the reference value; 0 or less removes the line
 * @label: (nullable): shown beside the line and read by screen readers,
 *   e.g. "Target 3,50"
 */
void
pamong_bar_chart_set_target (PamongBarChart *self,
                             double          target,
                             const char     *label)
{
  g_return_if_fail (PAMONG_IS_BAR_CHART (self));

  self->target = target > 0 ? target : 0;
  g_free (self->target_label);
  self->target_label = self->target > 0 ? g_strdup (label) : NULL;
  changed (self);
}

void
pamong_bar_chart_clear (PamongBarChart *self)
{
  g_return_if_fail (PAMONG_IS_BAR_CHART (self));

  g_array_set_size (self->bars, 0);
  changed (self);
}

/**
 * pamong_bar_chart_append:
 * @label: the bar's name, e.g. a unit or a year
 * @value: its length, against the chart's maximum
 * @value_text: (nullable): the value as people read it ("3,27", "1.204")
 * @tone: its colour
 */
void
pamong_bar_chart_append (PamongBarChart  *self,
                         const char      *label,
                         double           value,
                         const char      *value_text,
                         PamongChartTone  tone)
{
  Bar bar = { 0, };

  g_return_if_fail (PAMONG_IS_BAR_CHART (self));
  g_return_if_fail (label != NULL);

  bar.label = g_strdup (label);
  bar.value_text = g_strdup (value_text);
  bar.value = isfinite (value) ? value : 0;
  bar.tone = tone;
  g_array_append_val (self->bars, bar);
  changed (self);
}

guint
pamong_bar_chart_get_n_bars (PamongBarChart *self)
{
  g_return_val_if_fail (PAMONG_IS_BAR_CHART (self), 0);

  return self->bars->len;
}
