/* pamong-bar-chart.h — a labelled bar chart drawn with GtkSnapshot
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * PamongChartTone:
 * @PAMONG_CHART_TONE_ACCENT: the normal colour of a bar
 * @PAMONG_CHART_TONE_SUCCESS: a good value (done, on time)
 * @PAMONG_CHART_TONE_WARNING: a value to watch
 * @PAMONG_CHART_TONE_ERROR: a bad value (overdue)
 * @PAMONG_CHART_TONE_NEUTRAL: a value without judgement (remaining, other)
 *
 * The colour of a bar, taken from the theme's named colours so the chart
 * follows the light and dark styles.
 */
typedef enum
{
  PAMONG_CHART_TONE_ACCENT,
  PAMONG_CHART_TONE_SUCCESS,
  PAMONG_CHART_TONE_WARNING,
  PAMONG_CHART_TONE_ERROR,
  PAMONG_CHART_TONE_NEUTRAL,
} PamongChartTone;

#define PAMONG_TYPE_BAR_CHART (pamong_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (PamongBarChart, pamong_bar_chart, PAMONG, BAR_CHART, GtkWidget)

GtkWidget  *pamong_bar_chart_new             (void);

void        pamong_bar_chart_set_title       (PamongBarChart  *self,
                                              const char      *title);
const char *pamong_bar_chart_get_title       (PamongBarChart  *self);
void        pamong_bar_chart_set_orientation (PamongBarChart  *self,
                                              GtkOrientation   orientation);
void        pamong_bar_chart_set_max         (PamongBarChart  *self,
                                              double           max);
void        pamong_bar_chart_set_target      (PamongBarChart  *self,
                                              double           target,
                                              const char      *label);

void        pamong_bar_chart_clear           (PamongBarChart  *self);
void        pamong_bar_chart_append          (PamongBarChart  *self,
                                              const char      *label,
                                              double           value,
                                              const char      *value_text,
                                              PamongChartTone  tone);
guint       pamong_bar_chart_get_n_bars      (PamongBarChart  *self);

G_END_DECLS
