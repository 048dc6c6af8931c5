/* pamong-requests-dashboard.c — the Layanan workspace at a glance
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown in the detail pane while no request is selected: the requests by
 * status, the overdue ones per unit and the requests per kecamatan. All
 * are store counts: by status and kecamatan one count each, the overdue
 * ones per unit one grouped count (pamong_store_count_by()) with the
 * overdue filters (pamong_requests_query_add_overdue()), which reads no
 * record. The work is done after the store changes, and only while the
 * dashboard shows.
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pamong-enum-types.h"
#include "pamong-format.h"
#include "pamong-gui-util.h"
#include "pamong-labels.h"
#include "pamong-region.h"
#include "pamong-request-workflow.h"
#include "pamong-requests-dashboard.h"
#include "pamong-requests-util.h"
#include "pamong-service-request.h"
#include "pamong-store.h"
#include "pamong-unit.h"

#define MAX_UNIT_BARS 8

struct _PamongRequestsDashboard
{
  AdwBin          parent_instance;

  PamongStore    *store;
  PamongRegion   *region;
  guint           refresh_id;
  guint           n_overdue;

  GtkLabel       *summary_label;
  PamongBarChart *status_chart;
  PamongBarChart *overdue_chart;
  PamongBarChart *kecamatan_chart;
};

G_DEFINE_FINAL_TYPE (PamongRequestsDashboard, pamong_requests_dashboard, ADW_TYPE_BIN)

static const char *
status_nick (PamongRequestStatus status)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PAMONG_TYPE_REQUEST_STATUS);
  GEnumValue *value = g_enum_get_value (klass, status);

  return value != NULL ? value->value_nick : NULL;
}

static guint
count_where (PamongStore *store,
             const char  *field,
             const char  *value)
{
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(GError) error = NULL;
  guint n;

  if (field != NULL)
    pamong_query_add_filter_string (query, field, value);
  n = pamong_store_count (store, query, &error);
  if (error != NULL)
    g_warning ("Counting service requests failed: %s", error->message);
  return n;
}

static void
append_count (PamongBarChart  *chart,
              const char      *label,
              guint            n,
              PamongChartTone  tone)
{
  g_autofree char *text = pamong_format_integer (n);

  pamong_bar_chart_append (chart, label, n, text, tone);
}

static void
fill_status (PamongRequestsDashboard *self,
             guint                   *total,
             guint                   *open)
{
  static const struct { PamongRequestStatus status; PamongChartTone tone; } statuses[] = {
    { PAMONG_REQUEST_STATUS_SUBMITTED, PAMONG_CHART_TONE_ACCENT },
    { PAMONG_REQUEST_STATUS_VERIFIED, PAMONG_CHART_TONE_ACCENT },
    { PAMONG_REQUEST_STATUS_IN_PROGRESS, PAMONG_CHART_TONE_WARNING },
    { PAMONG_REQUEST_STATUS_COMPLETED, PAMONG_CHART_TONE_SUCCESS },
    { PAMONG_REQUEST_STATUS_REJECTED, PAMONG_CHART_TONE_NEUTRAL },
  };

  *total = 0;
  *open = 0;
  pamong_bar_chart_clear (self->status_chart);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      guint n = count_where (self->store, "status", status_nick (statuses[i].status));

      append_count (self->status_chart, pamong_label_request_status (statuses[i].status),
                    n, statuses[i].tone);
      *total += n;
      if (!pamong_request_status_is_final (statuses[i].status))
        *open += n;
    }
}

typedef struct
{
  char  *name;
  guint  n;
} UnitCount;

static void
unit_count_free (gpointer data)
{
  UnitCount *count = data;

  g_free (count->name);
  g_free (count);
}

static int
compare_unit_counts (gconstpointer a,
                     gconstpointer b)
{
  const UnitCount *count_a = *(UnitCount **) a;
  const UnitCount *count_b = *(UnitCount **) b;

  if (count_a->n != count_b->n)
    return count_a->n > count_b->n ? -1 : 1;
  return g_utf8_collate (count_a->name, count_b->name);
}

static void
fill_overdue (PamongRequestsDashboard *self)
{
  g_autoptr(GHashTable) names = pamong_gui_load_names (self->store, PAMONG_TYPE_UNIT, "short-name", "name");
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, unit_count_free);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(GArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer value;
  guint others = 0;

  self->n_overdue = 0;
  pamong_requests_query_add_overdue (query, NULL);
  groups = pamong_store_count_by (self->store, query, "unit", &error);
  if (groups == NULL)
    {
      g_warning ("Counting overdue service requests failed: %s", error->message);
      groups = g_array_new (FALSE, TRUE, sizeof (PamongStoreGroup));
    }

  /* Units with the same name (or none the store knows) share a bar. */
  for (guint i = 0; i < groups->len; i++)
    {
      const PamongStoreGroup *group = &g_array_index (groups, PamongStoreGroup, i);
      const char *name = group->value != NULL ? g_hash_table_lookup (names, group->value) : NULL;
      UnitCount *count;

      if (name == NULL)
        name = group->value != NULL ? _("Unknown unit") : _("No unit assigned");
      count = g_hash_table_lookup (counts, name);
      if (count == NULL)
        {
          count = g_new0 (UnitCount, 1);
          count->name = g_strdup (name);
          g_hash_table_insert (counts, count->name, count);
        }
      count->n += group->count;
      self->n_overdue += group->count;
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, compare_unit_counts);

  /* The units that need attention most; the rest in one bar. */
  pamong_bar_chart_clear (self->overdue_chart);
  for (guint i = 0; i < sorted->len; i++)
    {
      UnitCount *count = g_ptr_array_index (sorted, i);

      if (i < MAX_UNIT_BARS || sorted->len == MAX_UNIT_BARS + 1)
        append_count (self->overdue_chart, count->name, count->n, PAMONG_CHART_TONE_ERROR);
      else
        others += count->n;
    }
  if (others > 0)
    append_count (self->overdue_chart, _("Other units"), others, PAMONG_CHART_TONE_NEUTRAL);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_chart), sorted->len > 0);
}

static void
fill_kecamatan (PamongRequestsDashboard *self)
{
  guint n = self->region != NULL ? pamong_region_get_n_kecamatan (self->region) : 0;

  pamong_bar_chart_clear (self->kecamatan_chart);
  for (guint i = 0; i < n; i++)
    {
      const PamongKecamatan *kecamatan = pamong_region_get_kecamatan (self->region, i);

      append_count (self->kecamatan_chart, pamong_kecamatan_get_name (kecamatan),
                    count_where (self->store, "kecamatan-code", pamong_kecamatan_get_code (kecamatan)),
                    PAMONG_CHART_TONE_ACCENT);
    }
}

/**
 * pamong_requests_dashboard_refresh:
 *
 * Counts again, now.
 */
void
pamong_requests_dashboard_refresh (PamongRequestsDashboard *self)
{
  g_autofree char *total_text = NULL;
  g_autofree char *open_text = NULL;
  g_autofree char *overdue_text = NULL;
  g_autofree char *summary = NULL;
  guint total = 0;
  guint open = 0;

  g_return_if_fail (PAMONG_IS_REQUESTS_DASHBOARD (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (self->store == NULL)
    {
      pamong_bar_chart_clear (self->status_chart);
      pamong_bar_chart_clear (self->overdue_chart);
      pamong_bar_chart_clear (self->kecamatan_chart);
      self->n_overdue = 0;
      gtk_label_set_text (self->summary_label, "");
      return;
    }

  fill_status (self, &total, &open);
  fill_overdue (self);
  fill_kecamatan (self);

  total_text = pamong_format_integer (total);
  open_text = pamong_format_integer (open);
  overdue_text = pamong_format_integer (self->n_overdue);
  /* Translators: the dashboard's summary: all requests, the open ones, the overdue ones */
  summary = g_strdup_printf (_("%s requests · %s open · %s overdue"), total_text, open_text, overdue_text);
  gtk_label_set_text (self->summary_label, summary);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  PamongRequestsDashboard *self = data;

  self->refresh_id = 0;
  pamong_requests_dashboard_refresh (self);
  return G_SOURCE_REMOVE;
}

/**
 * pamong_requests_dashboard_queue_refresh:
 *
 * Counts again soon, once, when the dashboard shows; many store changes in
 * a row cost one refresh.
 */
void
pamong_requests_dashboard_queue_refresh (PamongRequestsDashboard *self)
{
  g_return_if_fail (PAMONG_IS_REQUESTS_DASHBOARD (self));

  if (self->refresh_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->refresh_id = g_timeout_add (300, refresh_idle_cb, self);
}

static void
map_cb (PamongRequestsDashboard *self)
{
  pamong_requests_dashboard_refresh (self);
}

void
pamong_requests_dashboard_set_store (PamongRequestsDashboard *self,
                                     PamongStore             *store)
{
  g_return_if_fail (PAMONG_IS_REQUESTS_DASHBOARD (self));

  if (g_set_object (&self->store, store) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    pamong_requests_dashboard_refresh (self);
}

PamongBarChart *
pamong_requests_dashboard_get_chart (PamongRequestsDashboard *self,
                                     const char              *name)
{
  g_return_val_if_fail (PAMONG_IS_REQUESTS_DASHBOARD (self), NULL);

  if (g_str_equal (name, "status"))
    return self->status_chart;
  if (g_str_equal (name, "overdue"))
    return self->overdue_chart;
  if (g_str_equal (name, "kecamatan"))
    return self->kecamatan_chart;
  g_return_val_if_reached (NULL);
}

guint
pamong_requests_dashboard_get_n_overdue (PamongRequestsDashboard *self)
{
  g_return_val_if_fail (PAMONG_IS_REQUESTS_DASHBOARD (self), 0);

  return self->n_overdue;
}

GtkWidget *
pamong_requests_dashboard_new (void)
{
  return g_object_new (PAMONG_TYPE_REQUESTS_DASHBOARD, NULL);
}

/* GObject */

static void
pamong_requests_dashboard_dispose (GObject *object)
{
  PamongRequestsDashboard *self = PAMONG_REQUESTS_DASHBOARD (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->region);

  G_OBJECT_CLASS (pamong_requests_dashboard_parent_class)->dispose (object);
}

static void
pamong_requests_dashboard_class_init (PamongRequestsDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pamong_requests_dashboard_dispose;
  g_type_ensure (PAMONG_TYPE_BAR_CHART);
}

static GtkWidget *
add_chart (GtkBox     *box,
           const char *title)
{
  GtkWidget *chart = pamong_bar_chart_new ();

  pamong_bar_chart_set_title (PAMONG_BAR_CHART (chart), title);
  gtk_box_append (box, chart);
  return chart;
}

static void
pamong_requests_dashboard_init (PamongRequestsDashboard *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *title = gtk_label_new (_("Service Requests at a Glance"));
  GtkWidget *hint = gtk_label_new (_("Select a request in the list to see its details and timeline."));

  self->region = pamong_region_load_default (NULL);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (box), title);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0.0f);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));

  self->status_chart = PAMONG_BAR_CHART (add_chart (GTK_BOX (box), _("Requests by status")));
  self->overdue_chart = PAMONG_BAR_CHART (add_chart (GTK_BOX (box), _("Overdue requests per unit")));
  self->kecamatan_chart = PAMONG_BAR_CHART (add_chart (GTK_BOX (box), _("Requests per kecamatan")));

  gtk_label_set_xalign (GTK_LABEL (hint), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_bin_set_child (ADW_BIN (self), scrolled);

  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}
