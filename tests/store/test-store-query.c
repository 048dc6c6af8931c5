/* test-store-query.c — filtering, sorting, searching and the lazy list model
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "store-test-util.h"

static void
save_all (PamongStore *store,
          GPtrArray   *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (pamong_store_save (store, g_ptr_array_index (records, i), &error));
      g_assert_no_error (error);
    }
}

/* The names the query lists, joined by ",". */
static char *
list_names (PamongStore *store,
            PamongQuery *query)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  model = pamong_store_query (store, query, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (model) == pamong_query_get_record_type (query));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, pamong_store_count (store, query, &error));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *name;

      if (PAMONG_IS_APPLICATION (item))
        name = pamong_application_get_name (PAMONG_APPLICATION (item));
      else if (PAMONG_IS_UNIT (item))
        name = pamong_unit_get_name (PAMONG_UNIT (item));
      else
        name = pamong_service_request_get_tracking_number (PAMONG_SERVICE_REQUEST (item));

      g_string_append_printf (names, "%s%s", i ? "," : "", name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GPtrArray *
make_inventory (void)
{
  GPtrArray *apps = g_ptr_array_new_with_free_func (g_object_unref);
  PamongApplication *app;

  app = test_make_application ("SRIKANDI", "unit-a", PAMONG_APP_STATUS_ACTIVE);
  pamong_application_set_category (app, PAMONG_APP_CATEGORY_UMUM);
  pamong_application_set_description (app, "Aplikasi umum kearsipan dinamis");
  pamong_application_set_year_built (app, 2021);
  g_ptr_array_add (apps, app);

  app = test_make_application ("simpeg", "unit-b", PAMONG_APP_STATUS_ACTIVE);
  pamong_application_set_description (app, "Sistem informasi kepegawaian daerah");
  pamong_application_set_year_built (app, 2015);
  g_ptr_array_add (apps, app);

  app = test_make_application ("E-Surat", "unit-a", PAMONG_APP_STATUS_RETIRED);
  pamong_application_set_function (app, "Persuratan dan disposisi elektronik");
  pamong_application_set_year_built (app, 2015);
  pamong_application_set_plan (app, PAMONG_APP_PLAN_INTEGRATE);
  pamong_application_set_plan_target (app, "SRIKANDI");
  g_ptr_array_add (apps, app);

  app = test_make_application ("Arsip Digital", "unit-b", PAMONG_APP_STATUS_DEVELOPMENT);
  pamong_application_set_description (app, "Kearsipan statis 100% \"digital\"");
  pamong_application_set_year_built (app, 2015);
  g_ptr_array_add (apps, app);

  return apps;
}

static void
test_filters_and_sort (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) apps = make_inventory ();
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_APPLICATION);
  g_autofree char *by_name = NULL;
  g_autofree char *by_name_desc = NULL;
  g_autofree char *active = NULL;
  g_autofree char *active_a = NULL;
  g_autofree char *by_int = NULL;
  g_autofree char *by_year = NULL;
  g_autofree char *recent = NULL;
  g_autoptr(GError) error = NULL;

  save_all (fixture->store, apps);

  /* Default: by name, ignoring case. */
  by_name = list_names (fixture->store, query);
  g_assert_cmpstr (by_name, ==, "Arsip Digital,E-Surat,simpeg,SRIKANDI");

  pamong_query_set_sort (query, "name", TRUE);
  by_name_desc = list_names (fixture->store, query);
  g_assert_cmpstr (by_name_desc, ==, "SRIKANDI,simpeg,E-Surat,Arsip Digital");

  pamong_query_set_sort (query, NULL, FALSE);
  pamong_query_add_filter_string (query, "status", "active");
  active = list_names (fixture->store, query);
  g_assert_cmpstr (active, ==, "simpeg,SRIKANDI");

  pamong_query_add_filter_string (query, "operator-unit", "unit-a");
  active_a = list_names (fixture->store, query);
  g_assert_cmpstr (active_a, ==, "SRIKANDI");

  pamong_query_clear_filters (query);
  pamong_query_add_filter_int (query, "status", PAMONG_APP_STATUS_RETIRED);
  by_int = list_names (fixture->store, query);
  g_assert_cmpstr (by_int, ==, "E-Surat");

  /* Equal years keep the order the rows were stored in. */
  pamong_query_clear_filters (query);
  pamong_query_add_filter_int (query, "year_built", 2015);
  pamong_query_set_sort (query, "year-built", FALSE);
  by_year = list_names (fixture->store, query);
  g_assert_cmpstr (by_year, ==, "simpeg,E-Surat,Arsip Digital");

  /* Without a name, the newest edit comes first. */
  pamong_query_clear_filters (query);
  pamong_query_set_sort (query, "updated-at", TRUE);
  pamong_application_set_url (g_ptr_array_index (apps, 1), "https://simpeg.blorakab.go.id");
  g_assert_true (pamong_store_save (fixture->store, g_ptr_array_index (apps, 1), &error));
  recent = list_names (fixture->store, query);
  g_assert_true (g_str_has_prefix (recent, "simpeg,"));

  /* Mistakes in a query are errors, not empty lists. */
  pamong_query_add_filter_string (query, "colour", "red");
  g_assert_null (pamong_store_query (fixture->store, query, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);

  pamong_query_clear_filters (query);
  pamong_query_add_filter_string (query, "status", "shiny");
  g_assert_cmpuint (pamong_store_count (fixture->store, query, &error), ==, 0);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);

  pamong_query_clear_filters (query);
  pamong_query_set_sort (query, "size", FALSE);
  g_assert_null (pamong_store_query (fixture->store, query, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
}

static guint
count_search (PamongStore *store,
              GType        type,
              const char  *text)
{
  g_autoptr(PamongQuery) query = pamong_query_new (type);
  g_autoptr(GError) error = NULL;
  guint n;

  pamong_query_set_search (query, text);
  n = pamong_store_count (store, query, &error);
  g_assert_no_error (error);

  return n;
}

static void
test_search (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) apps = make_inventory ();
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_APPLICATION);
  g_autofree char *found = NULL;
  g_autofree char *found_requests = NULL;
  g_autoptr(GError) error = NULL;
  const char * const hostile[] = {
    "\"", "\"\"", "*", "sri*", "NEAR(", "NEAR(sri", "sri OR simpeg", "AND", "-sri",
    "name:sri", "sri\"", "(", ")", "^sri", "{name}: x", "'", "%", "_", "\\", NULL
  };

  save_all (fixture->store, apps);

  g_ptr_array_add (requests, test_make_request ("BLA-2026-000120", "Siti Aminah", "Permohonan KTP elektronik"));
  g_ptr_array_add (requests, test_make_request ("BLA-2026-000121", "Sri Wahyuni", "Akta kelahiran anak kedua"));
  g_ptr_array_add (requests, test_make_request ("BLA-2026-000350", "Joko Susilo", "Jalan rusak di desa Sendangharjo"));
  save_all (fixture->store, requests);

  pamong_query_set_search (query, "sri");
  found = list_names (fixture->store, query);
  g_assert_cmpstr (found, ==, "SRIKANDI");

  /* Every word must match, each as a prefix, in any indexed column. */
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_APPLICATION, "kearsipan"), ==, 2);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_APPLICATION, "kearsip stat"), ==, 1);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_APPLICATION, "  Persurat  "), ==, 1);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_APPLICATION, "sistem kepeg"), ==, 1);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_APPLICATION, "sistem arsip"), ==, 0);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_APPLICATION, ""), ==, 4);

  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_SERVICE_REQUEST, "sri"), ==, 1);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_SERVICE_REQUEST, "BLA-2026-0001"), ==, 2);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_SERVICE_REQUEST, "ktp"), ==, 1);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_SERVICE_REQUEST, "sendang"), ==, 1);

  /* What the user types is text, never search syntax. */
  for (guint i = 0; hostile[i] != NULL; i++)
    {
      g_test_message ("searching for %s", hostile[i]);
      count_search (fixture->store, PAMONG_TYPE_APPLICATION, hostile[i]);
      count_search (fixture->store, PAMONG_TYPE_SERVICE_REQUEST, hostile[i]);
      count_search (fixture->store, PAMONG_TYPE_UNIT, hostile[i]);
    }
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_APPLICATION, "\""), ==, 4);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_APPLICATION, "sri*"), ==, 1);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_APPLICATION, "\"digital\""), ==, 1);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_APPLICATION, "sri OR simpeg"), ==, 0);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_APPLICATION, "NEAR(sri"), ==, 0);

  /* Search keeps up with edits (the index follows the table). */
  pamong_application_set_name (g_ptr_array_index (apps, 1), "SIMPEG Terpadu");
  g_assert_true (pamong_store_save (fixture->store, g_ptr_array_index (apps, 1), &error));
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_APPLICATION, "terpadu"), ==, 1);

  /* Tombstones are not found. */
  g_assert_true (pamong_store_delete (fixture->store, g_ptr_array_index (requests, 1), &error));
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_SERVICE_REQUEST, "sri"), ==, 0);

  pamong_query_set_search (query, "wahyu");
  g_clear_pointer (&query, pamong_query_unref);
  query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  pamong_query_set_search (query, "bla 2026");
  pamong_query_set_sort (query, "tracking-number", TRUE);
  found_requests = list_names (fixture->store, query);
  g_assert_cmpstr (found_requests, ==, "BLA-2026-000350,BLA-2026-000120");
}

static void
test_search_by_name (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PamongQuery) scores = pamong_query_new (PAMONG_TYPE_INDICATOR_SCORE);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (units, test_make_unit ("1", "Dinas Pekerjaan Umum"));
  g_ptr_array_add (units, test_make_unit ("2", "Badan 100% Digital"));
  g_ptr_array_add (units, test_make_unit ("3", "Kantor_Arsip"));
  g_ptr_array_add (units, test_make_unit ("4", "Badan 1000 Digital"));
  save_all (fixture->store, units);

  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_UNIT, "pekerjaan"), ==, 1);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_UNIT, "KERJA umum"), ==, 1);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_UNIT, "badan digital"), ==, 2);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_UNIT, "100%"), ==, 1);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_UNIT, "r_a"), ==, 1);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_UNIT, "n_A"), ==, 0);

  /* A collection without a name cannot be searched by text. */
  pamong_query_set_search (scores, "x");
  g_assert_cmpuint (pamong_store_count (fixture->store, scores, &error), ==, 0);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->count++;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_lazy_model (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(PamongServiceRequest) fresh = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) again = NULL;
  g_autoptr(GObject) item = NULL;
  g_autoptr(PamongRecord) edited = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };
  guint notified = 0;
  guint n = 2000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *tracking = g_strdup_printf ("BLA-2026-%06u", i);

      g_ptr_array_add (records, test_make_request (tracking, "Warga", NULL));
    }
  g_assert_true (pamong_store_import (fixture->store, records, &error));
  g_assert_no_error (error);

  pamong_query_set_sort (query, "tracking-number", FALSE);
  model = pamong_store_query (fixture->store, query, &error);
  g_assert_no_error (error);
  g_assert_true (PAMONG_IS_QUERY_MODEL (model));
  g_assert_true (g_list_model_get_item_type (model) == PAMONG_TYPE_SERVICE_REQUEST);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_null (g_list_model_get_item (model, n));

  /* The model keeps its own copy of the query. */
  pamong_query_set_search (query, "nothing-matches-this");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);

  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (pamong_service_request_get_tracking_number (PAMONG_SERVICE_REQUEST (first)), ==, "BLA-2026-000000");
  item = g_list_model_get_item (model, 1234);
  g_assert_cmpstr (pamong_service_request_get_tracking_number (PAMONG_SERVICE_REQUEST (item)), ==, "BLA-2026-001234");
  g_clear_object (&item);

  /* Scrolling through everything and back: the first item is the same object. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);

      g_assert_nonnull (row);
    }
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);

      g_assert_nonnull (row);
    }
  again = g_list_model_get_item (model, 0);
  g_assert_true (again == first);

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_signal_connect (first, "notify::applicant-name", G_CALLBACK (on_notify), &notified);

  /* A new row appears where it sorts. */
  fresh = test_make_request ("BLA-2026-000500a", "Warga Baru", NULL);
  g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (fresh), &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n + 1);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, 501);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);

  /* An edit elsewhere updates the listed object in place. */
  edited = pamong_store_lookup (fixture->store, PAMONG_TYPE_SERVICE_REQUEST,
                                pamong_record_get_uuid (PAMONG_RECORD (first)), &error);
  pamong_service_request_set_applicant_name (PAMONG_SERVICE_REQUEST (edited), "Warga Pertama");
  g_assert_true (pamong_store_save (fixture->store, edited, &error));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (pamong_service_request_get_applicant_name (PAMONG_SERVICE_REQUEST (first)), ==, "Warga Pertama");
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);

  /* A delete takes the row out. */
  g_assert_true (pamong_store_delete (fixture->store, edited, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);

  g_signal_handlers_disconnect_by_data (first, &notified);
  g_clear_object (&first);
  g_clear_object (&again);
  g_assert_finalize_object (g_steal_pointer (&model));
}

static int
compare_doubles (const double *a,
                 const double *b)
{
  return (*a > *b) - (*a < *b);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Run with -m perf: the scale of DESIGN.md §6, timed. */
static void
test_benchmark (StoreFixture  *fixture,
                gconstpointer  data)
{
  static const char * const names[] = { "Siti", "Budi", "Sri", "Joko", "Ani", "Wahyu", "Dewi", "Agus" };
  static const char * const typed[] = { "s", "sr", "sri", "sri w", "bla-2026-0", "bla-2026-00123", "kt", "ktp hil" };
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = 100000;
  gint64 start;

  if (!g_test_perf ())
    {
      g_test_skip ("a benchmark: run with -m perf");
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *tracking = g_strdup_printf ("BLA-2026-%06u", i);
      g_autofree char *name = g_strdup_printf ("%s %s Wibowo", names[i % 8], names[(i / 8) % 8]);

      g_ptr_array_add (records, test_make_request (tracking, name, i % 3 ? "KTP hilang" : "Akta kelahiran"));
    }

  start = g_get_monotonic_time ();
  g_assert_true (pamong_store_import (fixture->store, records, &error));
  g_assert_no_error (error);
  g_test_minimized_result (seconds_since (start), "import of %u service requests: %.3f s", n, seconds_since (start));

  start = g_get_monotonic_time ();
  model = pamong_store_query (fixture->store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < 50; i++)
    g_object_unref (g_list_model_get_item (model, i));
  g_test_minimized_result (seconds_since (start), "list of %u requests, first 50 rows: %.3f s", n, seconds_since (start));
  g_clear_object (&model);

  for (guint round = 0; round < 5; round++)
    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        double elapsed;

        pamong_query_set_search (query, typed[i]);
        start = g_get_monotonic_time ();
        model = pamong_store_query (fixture->store, query, &error);
        g_assert_no_error (error);
        elapsed = seconds_since (start);
        g_array_append_val (times, elapsed);
        if (round == 0)
          g_test_message ("search \"%s\": %u rows in %.1f ms", typed[i],
                          g_list_model_get_n_items (model), elapsed * 1000);
        g_clear_object (&model);
      }

  g_array_sort (times, (GCompareFunc) compare_doubles);
  g_test_minimized_result (g_array_index (times, double, times->len / 2),
                           "median search-as-you-type: %.1f ms",
                           g_array_index (times, double, times->len / 2) * 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_set_up, func, store_fixture_tear_down)

  ADD ("/pamong/store/query-filters-and-sorts", test_filters_and_sort);
  ADD ("/pamong/store/search-matches-word-prefixes-and-ignores-syntax", test_search);
  ADD ("/pamong/store/search-without-full-text-matches-the-name", test_search_by_name);
  ADD ("/pamong/store/list-model-is-lazy-and-follows-the-store", test_lazy_model);
  ADD ("/pamong/store/benchmark/import-and-search-100000-requests", test_benchmark);

  return g_test_run ();
}
