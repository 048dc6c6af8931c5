/* test-bar-chart.c — the chart widget draws its bars to scale
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart is rendered in a real window under Xvfb, then read back as
 * pixels: the bars are measured by counting the pixels of their tone's
 * colour. PAMONG_TEST_CHART_PNG=dir saves each rendering for a look.
 */

#include "config.h"

#include <adwaita.h>

#include "pamong-bar-chart.h"
#include "gui-test-util.h"

typedef struct
{
  GtkWindow *window;
  GtkWidget *chart;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  (void) data;

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->chart = pamong_bar_chart_new ();
  gtk_widget_set_margin_top (fixture->chart, 12);
  gtk_widget_set_margin_bottom (fixture->chart, 12);
  gtk_widget_set_margin_start (fixture->chart, 12);
  gtk_widget_set_margin_end (fixture->chart, 12);
  gtk_window_set_child (fixture->window, fixture->chart);
  gtk_window_set_default_size (fixture->window, 480, 320);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  (void) data;

  gtk_window_destroy (fixture->window);
  gui_test_settle ();
}

/* The chart's pixels, rendered by the window's own renderer. */
static GdkTexture *
render (Fixture    *fixture,
        const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;
  GdkTexture *texture;
  int width, height;
  const char *dir;

  gtk_window_present (fixture->window);
  gui_test_settle ();
  width = gtk_widget_get_width (fixture->chart);
  height = gtk_widget_get_height (fixture->chart);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (fixture->chart);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_getenv ("PAMONG_TEST_CHART_PNG");
  if (dir != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s.png", name);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      gdk_texture_save_to_png (texture, path);
    }
  return texture;
}

typedef struct
{
  int min_x, max_x, min_y, max_y;
  guint count;
} Extent;

/* Where the pixels close to @color are. */
static Extent
find_color (GdkTexture    *texture,
            const GdkRGBA *color)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *data = g_malloc (stride * height);
  Extent extent = { G_MAXINT, -1, G_MAXINT, -1, 0 };
  int r = (int) (color->red * 255), g = (int) (color->green * 255), b = (int) (color->blue * 255);

  /* GDK_MEMORY_DEFAULT is B8G8R8A8 premultiplied; the bars are opaque. */
  gdk_texture_download (texture, data, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = data + y * stride + x * 4;

        if (p[3] > 250 && ABS (p[2] - r) <= 6 && ABS (p[1] - g) <= 6 && ABS (p[0] - b) <= 6)
          {
            extent.min_x = MIN (extent.min_x, x);
            extent.max_x = MAX (extent.max_x, x);
            extent.min_y = MIN (extent.min_y, y);
            extent.max_y = MAX (extent.max_y, y);
            extent.count++;
          }
      }
  return extent;
}

static void
theme_color (GtkWidget  *widget,
             const char *name,
             GdkRGBA    *color)
{
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color));
G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
test_rows_to_scale (Fixture       *fixture,
                    gconstpointer  data)
{
  PamongBarChart *chart = PAMONG_BAR_CHART (fixture->chart);
  g_autoptr(GdkTexture) texture = NULL;
  GdkRGBA accent, error;
  Extent full, half;

  (void) data;

  pamong_bar_chart_set_title (chart, "Applications per unit");
  pamong_bar_chart_set_max (chart, 100);
  pamong_bar_chart_append (chart, "Dinas Komunikasi dan Informatika", 100, "100", PAMONG_CHART_TONE_ACCENT);
  pamong_bar_chart_append (chart, "Bappeda", 50, "50", PAMONG_CHART_TONE_ERROR);
  pamong_bar_chart_append (chart, "Inspektorat", 0, "0", PAMONG_CHART_TONE_NEUTRAL);
  g_assert_cmpuint (pamong_bar_chart_get_n_bars (chart), ==, 3);
  g_assert_cmpstr (pamong_bar_chart_get_title (chart), ==, "Applications per unit");

  texture = render (fixture, "rows");
  theme_color (fixture->chart, "accent_bg_color", &accent);
  theme_color (fixture->chart, "error_color", &error);
  full = find_color (texture, &accent);
  half = find_color (texture, &error);

  /* Both bars are drawn, start at the same x, in their own rows, and the
   * half value is half as long (within the rounding of the corners). */
  g_assert_cmpuint (full.count, >, 100);
  g_assert_cmpuint (half.count, >, 50);
  g_assert_cmpint (ABS (full.min_x - half.min_x), <=, 2);
  g_assert_cmpint (half.min_y, >, full.max_y);
  {
    int full_length = full.max_x - full.min_x + 1;
    int half_length = half.max_x - half.min_x + 1;

    g_assert_cmpint (ABS (2 * half_length - full_length), <=, 4);
  }
}

static void
test_columns_and_target (Fixture       *fixture,
                         gconstpointer  data)
{
  PamongBarChart *chart = PAMONG_BAR_CHART (fixture->chart);
  g_autoptr(GdkTexture) texture = NULL;
  GdkRGBA accent, success;
  Extent low, high;
  int height_before, height_after;

  (void) data;

  pamong_bar_chart_set_orientation (chart, GTK_ORIENTATION_VERTICAL);
  pamong_bar_chart_set_max (chart, 5);
  pamong_bar_chart_set_target (chart, 3.5, "Target 3.50");
  pamong_bar_chart_append (chart, "2022", 2.06, "2.06", PAMONG_CHART_TONE_ACCENT);
  pamong_bar_chart_append (chart, "2024", 4.12, "4.12", PAMONG_CHART_TONE_SUCCESS);

  texture = render (fixture, "columns");
  theme_color (fixture->chart, "accent_bg_color", &accent);
  theme_color (fixture->chart, "success_color", &success);
  low = find_color (texture, &accent);
  high = find_color (texture, &success);

  /* Columns side by side, standing on one base line, the taller twice as
   * tall. */
  g_assert_cmpuint (low.count, >, 50);
  g_assert_cmpint (high.min_x, >, low.max_x);
  g_assert_cmpint (ABS (high.max_y - low.max_y), <=, 2);
  {
    int low_height = low.max_y - low.min_y + 1;
    int high_height = high.max_y - high.min_y + 1;

    g_assert_cmpint (ABS (2 * low_height - high_height), <=, 4);
  }

  /* Clearing empties it; rows need room per bar. */
  pamong_bar_chart_clear (chart);
  g_assert_cmpuint (pamong_bar_chart_get_n_bars (chart), ==, 0);
  pamong_bar_chart_set_orientation (chart, GTK_ORIENTATION_HORIZONTAL);
  for (guint i = 0; i < 5; i++)
    pamong_bar_chart_append (chart, "Kecamatan", i, NULL, PAMONG_CHART_TONE_ACCENT);
  gtk_widget_measure (fixture->chart, GTK_ORIENTATION_VERTICAL, -1, &height_before, NULL, NULL, NULL);
  for (guint i = 0; i < 5; i++)
    pamong_bar_chart_append (chart, "Desa", i, NULL, PAMONG_CHART_TONE_ACCENT);
  gtk_widget_measure (fixture->chart, GTK_ORIENTATION_VERTICAL, -1, &height_after, NULL, NULL, NULL);
  g_assert_cmpint (height_after - height_before, >=, 5 * 16);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/pamong/gui/bar-chart/rows-are-drawn-to-scale", Fixture, NULL,
              fixture_set_up, test_rows_to_scale, fixture_tear_down);
  g_test_add ("/pamong/gui/bar-chart/columns-stand-on-one-line-under-the-target", Fixture, NULL,
              fixture_set_up, test_columns_and_target, fixture_tear_down);

  return g_test_run ();
}
