/* test-store-lists.c — lists made from kept orders, filter sets and searches
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "pamong-store-migrations.h"
#include "pamong-store-sql.h"
#include "store-test-util.h"

/*
 * The store builds a list from parts it keeps between queries (see "How a
 * list is made" in pamong-store.c). These tests hold it to what a single
 * SQL query says the list is, across writes of every kind, transactions,
 * a second connection, and to the indexes schema step 4 makes.
 */

static const char * const unit_uuids[] = {
  "0a000000-0000-4000-8000-000000000001",
  "0a000000-0000-4000-8000-000000000002",
  "0a000000-0000-4000-8000-000000000003",
};

static const char * const given_names[] = {
  "Siti", "siti", "Sri", "Budi", "Ayu", "Dédé", "Endang", "Ahmad",
};

static const char * const family_names[] = {
  "Rahayu", "Santoso", "rahmawati", "Wibowo", "Lestari", "Susanto",
};

static const char * const descriptions[] = {
  "Akta kelahiran anak pertama",
  "KTP-el hilang, lampirkan surat kehilangan",
  "Surat keterangan tidak mampu",
  "NIB usaha warung makan",
  "Jalan rusak di Desa Sendangharjo",
  NULL,
};

/* Words a person types, whole or in part. */
static const char * const search_words[] = {
  "s", "si", "sit", "siti", "SRI", "ra", "rah", "rahayu", "dede", "dédé", "b", "akta", "kel",
  "ktp", "ktp-el", "surat", "usaha", "jalan", "zzz", "blo", "03", "03-26", "sd",
};

static const char * const request_statuses[] = {
  "submitted", "verified", "in-progress", "completed", "rejected",
};

static const char * const app_statuses[] = {
  "active", "development", "inactive", "retired",
};

static const char * const app_names[] = {
  "SIMPEG", "Simpeg Dinkes", "srikandi lokal", "E-Surat Blora", "Sistem Informasi Desa",
  "aplikasi Pengaduan", "SIPD Lokal", "Blora Smart City", "e-Kinerja", "Absensi Online",
};

/* Bounds for range filters: dates, timestamps (as the store writes them)
 * and text, some between the stored values, some equal to one. */
static const char * const date_bounds[] = {
  "2026-01-01", "2026-02-14", "2026-03-15", "2026-06-30", "2026-07-01", "2026-12-28", "2027-01-01",
};

static const char * const timestamp_bounds[] = {
  "2026-01-01T00:00:00.000Z", "2026-03-01T05:00:00.000Z", "2026-06-15T12:00:00.000Z",
  "2026-06-15T12:59:59.999Z", "2026-09-30T23:00:00.000Z", "2026-12-31T23:59:59.999Z",
};

static const char * const tracking_bounds[] = {
  "0", "05", "09-2604", "1", "12-260415", "16", "9",
};

/* Reference ---------------------------------------------------------------- */

typedef enum
{
  TEST_FILTER_EQUAL,
  TEST_FILTER_RANGE,   /* value (min) and max, either NULL */
  TEST_FILTER_IN,      /* values[0..n_values) */
} TestFilterKind;

typedef struct
{
  const char     *field;     /* property name */
  TestFilterKind  kind;
  const char     *value;     /* a string, or NULL with number */
  gint64          number;
  gboolean        is_number;
  const char     *max;
  const char     *values[4];
  guint           n_values;
} TestFilter;

typedef struct
{
  GType        type;
  const char  *table;
  const char  *sort_field;   /* NULL: the default */
  const char  *sort_column;
  gboolean     sort_nocase;
  gboolean     descending;
  TestFilter   filters[2];
  guint        n_filters;
  GPtrArray   *words;        /* of char*, may be empty */
  gboolean     include_deleted;
} TestQuery;

static char *
column_of (const char *field)
{
  char *column = g_strdup (field);

  g_strdelimit (column, "-", '_');
  return column;
}

#define NULL_GROUP "(unset)"

/* The uuids of what @q selects, by one plain SQL query; with @group_field,
 * @groups gets how many of them have each value of it (NULL_GROUP for
 * unset). */
static GPtrArray *
reference_uuids (PamongStore     *store,
                 const TestQuery *q,
                 const char      *group_field,
                 GHashTable      *groups)
{
  g_autofree char *group_column = column_of (group_field != NULL ? group_field : "uuid");
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sort_column = column_of (q->sort_column);
  sqlite3_stmt *stmt = NULL;
  int index;
  int rc;

  g_string_append_printf (sql, "SELECT uuid, %s FROM %s WHERE 1", group_column, q->table);
  if (!q->include_deleted)
    g_string_append (sql, " AND deleted = 0");
  /* The filters as plainly as SQL says them (not as the store does). */
  for (guint i = 0; i < q->n_filters; i++)
    {
      const TestFilter *f = &q->filters[i];
      g_autofree char *column = column_of (f->field);

      switch (f->kind)
        {
        case TEST_FILTER_EQUAL:
          g_string_append_printf (sql, " AND %s = :eq%u", column, i);
          break;
        case TEST_FILTER_RANGE:
          g_string_append_printf (sql, " AND %s IS NOT NULL AND (:lo%u IS NULL OR %s >= :lo%u)"
                                  " AND (:hi%u IS NULL OR %s <= :hi%u)",
                                  column, i, column, i, i, column, i);
          break;
        case TEST_FILTER_IN:
          g_string_append (sql, " AND (0");
          for (guint v = 0; v < f->n_values; v++)
            g_string_append_printf (sql, " OR %s = :in%u_%u", column, i, v);
          g_string_append (sql, ")");
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (q->words->len > 0)
    {
      g_string_append_printf (sql, " AND id IN (SELECT rowid FROM %s_fts WHERE %s_fts MATCH :match)",
                              q->table, q->table);
      for (guint i = 0; i < q->words->len; i++)
        g_string_append_printf (match, "%s\"%s\"*", i ? " " : "",
                                (const char *) g_ptr_array_index (q->words, i));
    }
  g_string_append_printf (sql, " ORDER BY %s%s %s, id %s", sort_column,
                          q->sort_nocase ? " COLLATE NOCASE" : "",
                          q->descending ? "DESC" : "ASC", q->descending ? "DESC" : "ASC");

  g_assert_cmpint (sqlite3_prepare_v2 (pamong_store_get_db (store), sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < q->n_filters; i++)
    {
      const TestFilter *f = &q->filters[i];
      char name[24];

      switch (f->kind)
        {
        case TEST_FILTER_EQUAL:
          g_snprintf (name, sizeof name, ":eq%u", i);
          index = sqlite3_bind_parameter_index (stmt, name);
          if (f->is_number)
            sqlite3_bind_int64 (stmt, index, f->number);
          else
            sqlite3_bind_text (stmt, index, f->value, -1, SQLITE_STATIC);
          break;
        case TEST_FILTER_RANGE:
          g_snprintf (name, sizeof name, ":lo%u", i);
          sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, name), f->value, -1, SQLITE_STATIC);
          g_snprintf (name, sizeof name, ":hi%u", i);
          sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, name), f->max, -1, SQLITE_STATIC);
          break;
        case TEST_FILTER_IN:
          for (guint v = 0; v < f->n_values; v++)
            {
              g_snprintf (name, sizeof name, ":in%u_%u", i, v);
              sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, name), f->values[v], -1, SQLITE_STATIC);
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (q->words->len > 0)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":match"), match->str, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      if (groups != NULL)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, 1);
          char *key = g_strdup (value != NULL ? value : NULL_GROUP);

          g_hash_table_insert (groups, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (groups, key)) + 1));
        }
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return g_steal_pointer (&uuids);
}

static PamongQuery *
make_query (const TestQuery *q)
{
  PamongQuery *query = pamong_query_new (q->type);
  g_autoptr(GString) text = g_string_new (NULL);

  if (q->sort_field != NULL)
    pamong_query_set_sort (query, q->sort_field, q->descending);
  for (guint i = 0; i < q->n_filters; i++)
    {
      const TestFilter *f = &q->filters[i];

      if (f->kind == TEST_FILTER_RANGE)
        pamong_query_add_filter_range (query, f->field, f->value, f->max);
      else if (f->kind == TEST_FILTER_IN)
        {
          const char *values[G_N_ELEMENTS (f->values) + 1] = { NULL };

          for (guint v = 0; v < f->n_values; v++)
            values[v] = f->values[v];
          pamong_query_add_filter_strings (query, f->field, values);
        }
      else if (f->is_number)
        pamong_query_add_filter_int (query, f->field, f->number);
      else
        pamong_query_add_filter_string (query, f->field, f->value);
    }
  for (guint i = 0; i < q->words->len; i++)
    g_string_append_printf (text, "%s%s", i ? "  " : " ", (const char *) g_ptr_array_index (q->words, i));
  pamong_query_set_search (query, text->str);
  pamong_query_set_include_deleted (query, q->include_deleted);

  return query;
}

static void
describe (const TestQuery *q,
          GString         *out)
{
  g_string_append_printf (out, "%s sort=%s%s include_deleted=%d", q->table,
                          q->sort_field ? q->sort_field : "(default)",
                          q->descending ? " desc" : "", q->include_deleted);
  for (guint i = 0; i < q->n_filters; i++)
    {
      const TestFilter *f = &q->filters[i];

      if (f->kind == TEST_FILTER_RANGE)
        g_string_append_printf (out, " %s in [%s, %s]", f->field,
                                f->value ? f->value : "-", f->max ? f->max : "-");
      else if (f->kind == TEST_FILTER_IN)
        {
          g_string_append_printf (out, " %s in {", f->field);
          for (guint v = 0; v < f->n_values; v++)
            g_string_append_printf (out, "%s%s", v ? ", " : "", f->values[v]);
          g_string_append (out, "}");
        }
      else if (f->is_number)
        g_string_append_printf (out, " %s=%" G_GINT64_FORMAT, f->field, f->number);
      else
        g_string_append_printf (out, " %s=%s", f->field, f->value);
    }
  for (guint i = 0; i < q->words->len; i++)
    g_string_append_printf (out, " [%s]", (const char *) g_ptr_array_index (q->words, i));
}

/* The store's list and count for @q equal the reference. */
static void
assert_query_matches (PamongStore     *store,
                      const TestQuery *q)
{
  g_autoptr(PamongQuery) query = make_query (q);
  g_autoptr(GHashTable) expected_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *group_field = q->type == PAMONG_TYPE_SERVICE_REQUEST ? "unit" : "status";
  g_autoptr(GPtrArray) expected = reference_uuids (store, q, group_field, expected_groups);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  model = pamong_store_query (store, query, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (model);

  if (n != expected->len)
    {
      g_autoptr(GString) what = g_string_new (NULL);

      describe (q, what);
      g_error ("%s: %u rows listed, %u expected", what->str, n, expected->len);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PamongRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (pamong_record_get_uuid (record), g_ptr_array_index (expected, i)) != 0)
        {
          g_autoptr(GString) what = g_string_new (NULL);

          describe (q, what);
          g_error ("%s: row %u is %s, expected %s", what->str, i,
                   pamong_record_get_uuid (record), (const char *) g_ptr_array_index (expected, i));
        }
    }

  g_assert_cmpuint (pamong_store_count (store, query, &error), ==, expected->len);
  g_assert_no_error (error);

  /* The same rows counted per value of a field: every group as the
   * reference has it, the largest first. */
  groups = pamong_store_count_by (store, query, group_field, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, g_hash_table_size (expected_groups));
  for (guint i = 0; i < groups->len; i++)
    {
      const PamongStoreGroup *group = &g_array_index (groups, PamongStoreGroup, i);
      gpointer count = g_hash_table_lookup (expected_groups, group->value != NULL ? group->value : NULL_GROUP);

      if (group->count != GPOINTER_TO_UINT (count))
        {
          g_autoptr(GString) what = g_string_new (NULL);

          describe (q, what);
          g_error ("%s: %u rows with %s %s, %u expected", what->str, group->count, group_field,
                   group->value != NULL ? group->value : NULL_GROUP, GPOINTER_TO_UINT (count));
        }
      if (i > 0)
        g_assert_cmpuint (group->count, <=, g_array_index (groups, PamongStoreGroup, i - 1).count);
    }
}

/* Data --------------------------------------------------------------------- */

#define PICK(array) (array[g_test_rand_int_range (0, G_N_ELEMENTS (array))])

static char *
random_date (void)
{
  return g_strdup_printf ("2026-%02d-%02d", g_test_rand_int_range (1, 13), g_test_rand_int_range (1, 29));
}

static PamongServiceRequest *
random_request (guint serial)
{
  g_autofree char *tracking = g_strdup_printf ("%02d-2604%02d-%04u-%c%c",
                                               g_test_rand_int_range (1, 17),
                                               g_test_rand_int_range (1, 29), serial,
                                               'A' + g_test_rand_int_range (0, 26),
                                               'A' + g_test_rand_int_range (0, 26));
  g_autofree char *name = g_strdup_printf ("%s %s", PICK (given_names), PICK (family_names));
  g_autofree char *due = random_date ();
  g_autoptr(GDateTime) submitted = g_date_time_new_utc (2026, g_test_rand_int_range (1, 13),
                                                        g_test_rand_int_range (1, 29),
                                                        g_test_rand_int_range (0, 24), 0, 0);
  PamongServiceRequest *request = test_make_request (tracking, name, PICK (descriptions));
  g_autoptr(GEnumClass) statuses = g_type_class_ref (PAMONG_TYPE_REQUEST_STATUS);

  pamong_service_request_set_status (request,
                                     g_enum_get_value_by_nick (statuses, PICK (request_statuses))->value);
  pamong_service_request_set_unit (request, g_test_rand_bit () ? PICK (unit_uuids) : NULL);
  pamong_service_request_set_submitted_at (request, submitted);
  /* Some without a due date: no range keeps them. */
  pamong_service_request_set_due_date (request, g_test_rand_int_range (0, 5) > 0 ? due : NULL);
  return request;
}

static PamongApplication *
random_application (guint serial)
{
  g_autofree char *name = g_strdup_printf ("%s %u", PICK (app_names), serial % 7);
  g_autoptr(GEnumClass) statuses = g_type_class_ref (PAMONG_TYPE_APP_STATUS);
  PamongApplication *app =
    test_make_application (name, PICK (unit_uuids),
                           g_enum_get_value_by_nick (statuses, PICK (app_statuses))->value);

  pamong_application_set_description (app, PICK (descriptions));
  pamong_application_set_year_built (app, 2015 + g_test_rand_int_range (0, 4));
  pamong_application_set_category (app, g_test_rand_bit () ? PAMONG_APP_CATEGORY_UMUM : PAMONG_APP_CATEGORY_KHUSUS);
  if (g_test_rand_bit ())
    {
      g_autofree char *plan_date = random_date ();

      pamong_application_set_plan_date (app, plan_date);
    }
  return app;
}

/* A bound from @bounds, or NULL (open) one time in four. */
static const char *
random_bound (const char * const *bounds,
              guint               n_bounds)
{
  return g_test_rand_int_range (0, 4) == 0 ? NULL : bounds[g_test_rand_int_range (0, n_bounds)];
}

static void
random_range (TestFilter *f,
              gboolean    requests)
{
  const char * const *bounds;
  guint n_bounds;

  f->kind = TEST_FILTER_RANGE;
  switch (requests ? g_test_rand_int_range (0, 3) : 3)
    {
    case 0:
      f->field = "due-date", bounds = date_bounds, n_bounds = G_N_ELEMENTS (date_bounds);
      break;
    case 1:
      f->field = "submitted-at", bounds = timestamp_bounds, n_bounds = G_N_ELEMENTS (timestamp_bounds);
      break;
    case 2:
      f->field = "tracking-number", bounds = tracking_bounds, n_bounds = G_N_ELEMENTS (tracking_bounds);
      break;
    default:
      f->field = "plan-date", bounds = date_bounds, n_bounds = G_N_ELEMENTS (date_bounds);
      break;
    }
  f->value = random_bound (bounds, n_bounds);
  f->max = random_bound (bounds, n_bounds);
}

/* A set of 0 to 4 values (an empty one too), some maybe not in the data. */
static void
random_set (TestFilter *f,
            gboolean    requests)
{
  static const char * const kecamatan_codes[] = { "33.16.09", "33.16.05", "33.16.01" };
  static const char * const units[] = {
    "0a000000-0000-4000-8000-000000000001",
    "0a000000-0000-4000-8000-000000000003",
    "0a000000-0000-4000-8000-0000000000ff",
  };
  const char * const *pool;
  guint n_pool;

  f->kind = TEST_FILTER_IN;
  switch (g_test_rand_int_range (0, 3))
    {
    case 0:
      f->field = "status";
      pool = requests ? request_statuses : app_statuses;
      n_pool = requests ? G_N_ELEMENTS (request_statuses) : G_N_ELEMENTS (app_statuses);
      break;
    case 1:
      f->field = requests ? "unit" : "operator-unit", pool = units, n_pool = G_N_ELEMENTS (units);
      break;
    default:
      if (requests)
        f->field = "kecamatan-code", pool = kecamatan_codes, n_pool = G_N_ELEMENTS (kecamatan_codes);
      else
        f->field = "status", pool = app_statuses, n_pool = G_N_ELEMENTS (app_statuses);
      break;
    }
  f->n_values = g_test_rand_int_range (0, G_N_ELEMENTS (f->values) + 1);
  for (guint v = 0; v < f->n_values; v++)
    f->values[v] = pool[g_test_rand_int_range (0, n_pool)];
}

static void
random_query (TestQuery *q)
{
  static const struct { const char *field; gboolean nocase; } request_sorts[] = {
    { NULL, FALSE }, { "submitted-at", FALSE }, { "due-date", FALSE }, { "applicant-name", TRUE },
    { "tracking-number", TRUE }, { "status", FALSE }, { "unit", FALSE }, { "updated-at", FALSE },
  };
  static const struct { const char *field; gboolean nocase; } app_sorts[] = {
    { NULL, TRUE }, { "name", TRUE }, { "operator-unit", FALSE }, { "status", FALSE },
    { "category", FALSE }, { "year-built", FALSE }, { "updated-at", FALSE },
  };
  gboolean requests = g_test_rand_bit ();
  guint n_words = g_test_rand_int_range (0, 3);
  guint s;

  q->type = requests ? PAMONG_TYPE_SERVICE_REQUEST : PAMONG_TYPE_APPLICATION;
  q->table = requests ? "service_requests" : "applications";
  q->descending = g_test_rand_bit ();
  if (requests)
    {
      s = g_test_rand_int_range (0, G_N_ELEMENTS (request_sorts));
      q->sort_field = request_sorts[s].field;
      q->sort_nocase = request_sorts[s].nocase;
      if (q->sort_field == NULL)
        q->descending = TRUE;   /* the default: most recently updated first */
    }
  else
    {
      s = g_test_rand_int_range (0, G_N_ELEMENTS (app_sorts));
      q->sort_field = app_sorts[s].field;
      q->sort_nocase = app_sorts[s].nocase;
      if (q->sort_field == NULL)
        q->descending = FALSE;  /* the default: by name */
    }
  q->sort_column = q->sort_field != NULL ? q->sort_field : requests ? "updated-at" : "name";

  q->n_filters = g_test_rand_int_range (0, 3);
  for (guint i = 0; i < q->n_filters; i++)
    {
      TestFilter *f = &q->filters[i];
      guint which = g_test_rand_int_range (0, 3);

      memset (f, 0, sizeof *f);
      switch (g_test_rand_int_range (0, 4))
        {
        case 0:
          random_range (f, requests);
          continue;
        case 1:
          random_set (f, requests);
          continue;
        default:
          break;
        }
      if (requests && which == 0)
        f->field = "status", f->value = PICK (request_statuses);
      else if (requests && which == 1)
        f->field = "unit", f->value = PICK (unit_uuids);
      else if (requests)
        f->field = "kecamatan-code", f->value = g_test_rand_bit () ? "33.16.09" : "33.16.05";
      else if (which == 0)
        f->field = "status", f->value = PICK (app_statuses);
      else if (which == 1)
        f->field = "operator-unit", f->value = PICK (unit_uuids);
      else
        f->field = "year-built", f->number = 2015 + g_test_rand_int_range (0, 4), f->is_number = TRUE;
    }

  q->words = g_ptr_array_new ();
  for (guint i = 0; i < n_words; i++)
    g_ptr_array_add (q->words, (gpointer) PICK (search_words));
  q->include_deleted = g_test_rand_int_range (0, 5) == 0;
}

static void
fill_store (PamongStore *store,
            guint        n_requests,
            guint        n_apps)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_requests; i++)
    g_ptr_array_add (records, random_request (i));
  for (guint i = 0; i < n_apps; i++)
    g_ptr_array_add (records, random_application (i));

  g_assert_true (pamong_store_import (store, records, &error));
  g_assert_no_error (error);
}

/* A write of some kind to a random row: an edit, a delete, a new row. */
static void
random_write (PamongStore *store,
              guint        serial)
{
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(PamongRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gboolean requests = g_test_rand_bit ();
  guint n;

  query = pamong_query_new (requests ? PAMONG_TYPE_SERVICE_REQUEST : PAMONG_TYPE_APPLICATION);
  model = pamong_store_query (store, query, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  record = g_list_model_get_item (model, g_test_rand_int_range (0, n));

  switch (g_test_rand_int_range (0, 4))
    {
    case 0:
      g_assert_true (pamong_store_delete (store, record, &error));
      break;
    case 1:
      {
        g_autoptr(PamongRecord) fresh = requests
          ? PAMONG_RECORD (random_request (100000 + serial))
          : PAMONG_RECORD (random_application (100000 + serial));

        g_assert_true (pamong_store_save (store, fresh, &error));
      }
      break;
    default:
      if (requests)
        {
          g_autofree char *name = g_strdup_printf ("%s %s", PICK (given_names), PICK (family_names));
          g_autofree char *due = random_date ();

          pamong_service_request_set_applicant_name (PAMONG_SERVICE_REQUEST (record), name);
          pamong_service_request_set_due_date (PAMONG_SERVICE_REQUEST (record), due);
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("%s %u", PICK (app_names), serial);

          pamong_application_set_name (PAMONG_APPLICATION (record), name);
          pamong_application_set_status (PAMONG_APPLICATION (record), PAMONG_APP_STATUS_RETIRED);
        }
      g_assert_true (pamong_store_save (store, record, &error));
      break;
    }
  g_assert_no_error (error);
}

/* Tests -------------------------------------------------------------------- */

static void
test_lists_match_single_queries (StoreFixture  *fixture,
                                 gconstpointer  data)
{
  fill_store (fixture->store, 400, 150);

  for (guint round = 0; round < 600; round++)
    {
      TestQuery q = { 0 };

      random_query (&q);
      /* With nothing kept: few rows are sorted by one statement. */
      assert_query_matches (fixture->store, &q);

      /* The whole collection in the same order (which the store then
       * keeps), and the query again: now it narrows the kept order. */
      {
        TestQuery all = q;

        all.n_filters = 0;
        all.words = g_ptr_array_new ();
        assert_query_matches (fixture->store, &all);
        g_ptr_array_unref (all.words);
      }
      assert_query_matches (fixture->store, &q);
      g_ptr_array_unref (q.words);

      if (round % 5 == 4)
        random_write (fixture->store, round);
    }
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

static guint
count_all (PamongStore *store,
           GType        type)
{
  return count_search (store, type, NULL);
}

static void
test_rollback_is_not_remembered (StoreFixture  *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PamongApplication) app = test_make_application ("Sistem Antrean", unit_uuids[0],
                                                            PAMONG_APP_STATUS_ACTIVE);
  g_autoptr(GError) error = NULL;

  fill_store (fixture->store, 10, 20);
  g_assert_cmpuint (count_all (fixture->store, PAMONG_TYPE_APPLICATION), ==, 20);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_APPLICATION, "antre"), ==, 0);

  g_assert_true (pamong_store_begin (fixture->store, &error));
  g_assert_true (pamong_store_save (fixture->store, PAMONG_RECORD (app), &error));
  g_assert_no_error (error);
  /* Inside the transaction the row is there… */
  g_assert_cmpuint (count_all (fixture->store, PAMONG_TYPE_APPLICATION), ==, 21);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_APPLICATION, "antre"), ==, 1);
  pamong_store_rollback (fixture->store);

  /* …and after the rollback it is not, though nothing was written since. */
  g_assert_cmpuint (count_all (fixture->store, PAMONG_TYPE_APPLICATION), ==, 20);
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_APPLICATION, "antre"), ==, 0);
}

static void
test_other_connection_writes_are_seen (StoreFixture  *fixture,
                                       gconstpointer  data)
{
  g_autoptr(PamongStore) other = NULL;
  g_autoptr(PamongServiceRequest) request = test_make_request ("16-260301-0001-AB", "Wulan Handayani", NULL);
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(PamongRecord) first = NULL;
  g_autoptr(GDateTime) newest = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;

  fill_store (fixture->store, 50, 0);
  pamong_query_set_sort (query, "submitted-at", TRUE);
  g_assert_cmpuint (pamong_store_count (fixture->store, query, &error), ==, 50);

  /* Another process (pamong-server, a second app) writes the same file. */
  other = pamong_store_open (fixture->path, &error);
  g_assert_no_error (error);
  pamong_service_request_set_submitted_at (request, newest);
  g_assert_true (pamong_store_save (other, PAMONG_RECORD (request), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (pamong_store_count (fixture->store, query, &error), ==, 51);
  model = pamong_store_query (fixture->store, query, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (pamong_record_get_uuid (first), ==, pamong_record_get_uuid (PAMONG_RECORD (request)));
  g_assert_cmpuint (count_search (fixture->store, PAMONG_TYPE_SERVICE_REQUEST, "wulan"), ==, 1);
}

/* Row ids far apart (rows moved by hand, or a huge rowid) still list. */
static void
test_sparse_row_ids (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_UNIT);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  static const char * const names[] = { "Dinas Kesehatan", "Dinas Pendidikan", "Bappeda", "Dinas Sosial" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *code = g_strdup_printf ("1.%u", i);

      g_ptr_array_add (units, test_make_unit (code, names[i]));
    }
  g_assert_true (pamong_store_import (fixture->store, units, &error));
  g_assert_no_error (error);

  g_assert_true (pamong_store_exec (fixture->store,
                                    "UPDATE units SET id = 1099511627776 WHERE name = 'Dinas Pendidikan'",
                                    &error));
  g_assert_no_error (error);

  pamong_query_set_search (query, "dinas");
  pamong_query_add_filter_string (query, "kind", "agency");
  model = pamong_store_query (fixture->store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const expected[] = { "Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial" };
      g_autoptr(PamongUnit) unit = g_list_model_get_item (model, i);

      g_assert_cmpstr (pamong_unit_get_name (unit), ==, expected[i]);
    }
}

/* Ranges and sets ------------------------------------------------------------ */

typedef struct
{
  const char *tracking;
  const char *status;
  const char *due;          /* NULL: none */
  const char *submitted;
  const char *unit;         /* NULL: none */
  gboolean    deleted;
} EdgeRequest;

static const EdgeRequest edge_requests[] = {
  { "01-260301-0001-AA", "submitted", "2026-03-09", "2026-03-01T01:00:00.000Z", "0a000000-0000-4000-8000-000000000001", FALSE },
  { "05-260302-0001-AB", "verified", NULL, "2026-03-02T00:00:00.000Z", NULL, FALSE },
  { "12-260302-0002-AC", "in-progress", "2026-03-10", "2026-03-02T23:59:59.999Z", "0a000000-0000-4000-8000-000000000002", FALSE },
  { "16-260303-0001-AD", "completed", "2026-03-01", "2026-03-03T00:00:00.000Z", "0a000000-0000-4000-8000-000000000001", FALSE },
  { "09-260301-0002-AE", "submitted", "2026-03-05", "2026-03-01T02:00:00.000Z", "0a000000-0000-4000-8000-000000000002", TRUE },
};

static const char * const open_statuses[] = { "submitted", "verified", "in-progress", NULL };
static const char * const no_values[] = { NULL };

/* The letters of the requests @query lists (a list of the edge requests,
 * named by their tracking numbers' last letter), in the list's order; the
 * count must agree. */
static char *
edge_list (PamongStore *store,
           PamongQuery *query)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GString) letters = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n;

  model = pamong_store_query (store, query, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PamongServiceRequest) request = g_list_model_get_item (model, i);
      const char *tracking = pamong_service_request_get_tracking_number (request);

      g_string_append_c (letters, tracking[strlen (tracking) - 1]);
    }
  g_assert_cmpuint (pamong_store_count (store, query, &error), ==, n);
  g_assert_no_error (error);

  return g_string_free (g_steal_pointer (&letters), FALSE);
}

static PamongQuery *
edge_query (void)
{
  PamongQuery *query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);

  pamong_query_set_sort (query, "tracking-number", FALSE);
  return query;
}

static void
fill_edge_requests (PamongStore *store)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GEnumClass) statuses = g_type_class_ref (PAMONG_TYPE_REQUEST_STATUS);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (edge_requests); i++)
    {
      const EdgeRequest *e = &edge_requests[i];
      PamongServiceRequest *request = test_make_request (e->tracking, "Siti Rahayu", NULL);
      g_autoptr(GDateTime) submitted = pamong_timestamp_parse (e->submitted);

      pamong_service_request_set_status (request, g_enum_get_value_by_nick (statuses, e->status)->value);
      pamong_service_request_set_due_date (request, e->due);
      pamong_service_request_set_submitted_at (request, submitted);
      pamong_service_request_set_unit (request, e->unit);
      pamong_record_set_deleted (PAMONG_RECORD (request), e->deleted);
      g_ptr_array_add (records, request);
    }
  g_assert_true (pamong_store_import (store, records, &error));
  g_assert_no_error (error);
}

/* Sets: empty, enum nicks, tombstones; ranges: open at either end or both,
 * inclusive bounds, unset values, an empty range; what cannot be filtered
 * that way; and the grouped count. */
static void
test_range_and_set_filters (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fill_edge_requests (fixture->store);

  {
    g_autoptr(PamongQuery) query = edge_query ();
    g_autofree char *all = edge_list (fixture->store, query);

    g_assert_cmpstr (all, ==, "ABCD");
  }

  /* Sets */
  {
    g_autoptr(PamongQuery) query = edge_query ();
    g_autofree char *list = NULL;
    g_autoptr(GArray) groups = NULL;

    pamong_query_add_filter_strings (query, "status", no_values);
    g_assert_cmpuint (pamong_query_get_n_filters (query), ==, 1);
    list = edge_list (fixture->store, query);
    g_assert_cmpstr (list, ==, "");
    groups = pamong_store_count_by (fixture->store, query, "unit", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (groups->len, ==, 0);
  }
  {
    g_autoptr(PamongQuery) query = edge_query ();
    g_autofree char *list = NULL;
    g_autofree char *with_tombstones = NULL;

    pamong_query_add_filter_strings (query, "status", open_statuses);
    list = edge_list (fixture->store, query);
    g_assert_cmpstr (list, ==, "ABC");
    pamong_query_set_include_deleted (query, TRUE);
    with_tombstones = edge_list (fixture->store, query);
    g_assert_cmpstr (with_tombstones, ==, "ABEC");
  }
  {
    static const char * const units[] = {
      "0a000000-0000-4000-8000-000000000001", "0a000000-0000-4000-8000-000000000001", "nobody", NULL,
    };
    g_autoptr(PamongQuery) query = edge_query ();
    g_autofree char *list = NULL;

    /* A value twice, a value nobody has: the same as once, and nothing. */
    pamong_query_add_filter_strings (query, "unit", units);
    list = edge_list (fixture->store, query);
    g_assert_cmpstr (list, ==, "AD");
  }

  /* Ranges */
  {
    static const struct { const char *field; const char *min; const char *max; const char *expected; } ranges[] = {
      { "due-date", NULL, NULL, "ACD" },                  /* every set due date; B has none */
      { "due-date", NULL, "2026-03-09", "AD" },           /* max included */
      { "due-date", "2026-03-09", NULL, "AC" },           /* min included */
      { "due-date", "2026-03-09", "2026-03-09", "A" },
      { "due-date", "2026-03-10", "2026-03-09", "" },     /* min above max */
      { "submitted-at", "2026-03-02T00:00:00.000Z", "2026-03-02T23:59:59.999Z", "BC" },
      { "submitted-at", "2026-03-02T00:00:00.001Z", NULL, "CD" },
      { "submitted-at", NULL, "2026-03-01T23:59:59.999Z", "A" },
      { "tracking-number", "05", "12-260302-0002-AC", "BC" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
      {
        g_autoptr(PamongQuery) query = edge_query ();
        g_autofree char *list = NULL;

        pamong_query_add_filter_range (query, ranges[i].field, ranges[i].min, ranges[i].max);
        list = edge_list (fixture->store, query);
        if (g_strcmp0 (list, ranges[i].expected) != 0)
          g_error ("%s in [%s, %s]: %s listed, %s expected", ranges[i].field,
                   ranges[i].min ? ranges[i].min : "-", ranges[i].max ? ranges[i].max : "-",
                   list, ranges[i].expected);
      }
  }

  /* Overdue on 2026-03-10: open, due before that day. A copy of the query
   * keeps its filters. */
  {
    g_autoptr(PamongQuery) query = edge_query ();
    g_autoptr(PamongQuery) copy = NULL;
    g_autoptr(GArray) groups = NULL;
    g_autofree char *list = NULL;

    pamong_query_add_filter_strings (query, "status", open_statuses);
    pamong_query_add_filter_range (query, "due-date", NULL, "2026-03-09");
    copy = pamong_query_copy (query);
    g_clear_pointer (&query, pamong_query_unref);
    list = edge_list (fixture->store, copy);
    g_assert_cmpstr (list, ==, "A");

    /* Per unit: one group each, the unset unit a group with value NULL. */
    g_clear_pointer (&copy, pamong_query_unref);
    copy = edge_query ();
    pamong_query_add_filter_strings (copy, "status", open_statuses);
    groups = pamong_store_count_by (fixture->store, copy, "unit", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (groups->len, ==, 3);
    g_assert_cmpstr (g_array_index (groups, PamongStoreGroup, 0).value, ==, NULL);
    g_assert_cmpstr (g_array_index (groups, PamongStoreGroup, 1).value, ==, "0a000000-0000-4000-8000-000000000001");
    g_assert_cmpstr (g_array_index (groups, PamongStoreGroup, 2).value, ==, "0a000000-0000-4000-8000-000000000002");
    for (guint i = 0; i < groups->len; i++)
      g_assert_cmpuint (g_array_index (groups, PamongStoreGroup, i).count, ==, 1);

    /* With a search, and with tombstones. */
    g_clear_pointer (&groups, g_array_unref);
    pamong_query_set_search (copy, "siti 09-2603");
    pamong_query_set_include_deleted (copy, TRUE);
    groups = pamong_store_count_by (fixture->store, copy, "status", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (groups->len, ==, 1);
    g_assert_cmpstr (g_array_index (groups, PamongStoreGroup, 0).value, ==, "submitted");
    g_assert_cmpuint (g_array_index (groups, PamongStoreGroup, 0).count, ==, 1);
  }

  /* What cannot be filtered so: an error that names the field. */
  {
    static const struct { const char *field; gboolean range; const char *value; } wrong[] = {
      { "status", TRUE, "submitted" },        /* nicks have no order */
      { "has-location", TRUE, "1" },          /* a number */
      { "latitude", FALSE, "1" },
      { "status", FALSE, "lost" },            /* not a status */
      { "colour", FALSE, "red" },             /* no such field */
      { "colour", TRUE, "red" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
      {
        g_autoptr(PamongQuery) query = edge_query ();
        g_autoptr(GListModel) model = NULL;
        g_autoptr(GArray) groups = NULL;
        const char *values[] = { wrong[i].value, NULL };

        if (wrong[i].range)
          pamong_query_add_filter_range (query, wrong[i].field, wrong[i].value, NULL);
        else
          pamong_query_add_filter_strings (query, wrong[i].field, values);

        model = pamong_store_query (fixture->store, query, &error);
        g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
        g_assert_nonnull (strstr (error->message, wrong[i].field));
        g_assert_null (model);
        g_clear_error (&error);
        g_assert_cmpuint (pamong_store_count (fixture->store, query, &error), ==, 0);
        g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
        g_clear_error (&error);
        groups = pamong_store_count_by (fixture->store, query, "unit", &error);
        g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
        g_assert_null (groups);
        g_clear_error (&error);
      }
  }
  {
    g_autoptr(PamongQuery) query = edge_query ();
    g_autoptr(GArray) groups = pamong_store_count_by (fixture->store, query, "colour", &error);

    g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
    g_assert_null (groups);
    g_clear_error (&error);
  }
}

/* Two lists whose bound values differ only in where one value ends and
 * the next begins are two lists: the store keeps the first's filter set
 * and must not hand it out for the second. */
static void
test_kept_filter_sets_by_value (StoreFixture  *fixture,
                                gconstpointer  data)
{
  g_autoptr(PamongQuery) order = edge_query ();
  g_autoptr(PamongQuery) first = edge_query ();
  g_autoptr(PamongQuery) second = edge_query ();
  g_autofree char *all = NULL;
  g_autofree char *first_list = NULL;
  g_autofree char *second_list = NULL;

  fill_edge_requests (fixture->store);

  /* The order is kept, so the lists below narrow it with filter sets. */
  all = edge_list (fixture->store, order);
  g_assert_cmpstr (all, ==, "ABCD");

  pamong_query_add_filter_range (first, "tracking-number", "0", "1\x1ft2");
  pamong_query_add_filter_range (second, "tracking-number", "0\x1ft1", "2");
  first_list = edge_list (fixture->store, first);
  g_assert_cmpstr (first_list, ==, "AB");
  second_list = edge_list (fixture->store, second);
  g_assert_cmpstr (second_list, ==, "ABCD");
}

/* Schema step 4 -------------------------------------------------------------- */

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The columns of @index, in order, "a,b" (with COLLATE where not BINARY). */
static char *
index_columns (PamongStore *store,
               const char  *index)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pamong_store_get_db (store),
                                       "SELECT name, coll FROM pragma_index_xinfo (?1) WHERE key ORDER BY seqno",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, index, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *coll = (const char *) sqlite3_column_text (stmt, 1);

      g_string_append_printf (columns, "%s%s", columns->len ? "," : "",
                              (const char *) sqlite3_column_text (stmt, 0));
      if (g_strcmp0 (coll, "BINARY") != 0)
        g_string_append_printf (columns, " %s", coll);
    }
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&columns), FALSE);
}

static char *
query_plan (PamongStore *store,
            const char  *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pamong_store_get_db (store), explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&plan), FALSE);
}

static void
test_step_4_upgrades_version_3_file (void)
{
  static const struct { const char *index; const char *columns; } indexes[] = {
    { "applications_operator_unit", "operator_unit,deleted" },
    { "applications_status", "status,deleted" },
    { "service_requests_status", "status,deleted" },
    { "service_requests_unit", "unit,deleted" },
    { "service_requests_submitted_at", "submitted_at,deleted" },
    { "service_requests_due_date", "due_date,deleted" },
  };
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "v3.db", NULL);
  g_autoptr(PamongStore) store = NULL;
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;
  const PamongStoreMigration *migrations;
  guint n;

  /* A file as schema 3 left it, with rows (one a tombstone). */
  migrations = pamong_store_get_migrations (&n);
  g_assert_cmpuint (n, >=, 4);
  for (guint i = 0; i < 3; i++)
    exec_sql (path, migrations[i].sql);
  exec_sql (path,
            "INSERT INTO service_requests (uuid, deleted, tracking_number, service_type,"
            "  applicant_name, status, unit, submitted_at, due_date) VALUES"
            "  ('0c000000-0000-4000-8000-000000000001', 0, '09-260301-0001-AA', 's', 'budi',"
            "   'verified', 'u2', '2026-03-01T01:00:00.000Z', '2026-03-09'),"
            "  ('0c000000-0000-4000-8000-000000000002', 0, '09-260302-0001-AB', 's', 'Ayu',"
            "   'submitted', 'u1', '2026-03-02T01:00:00.000Z', '2026-03-05'),"
            "  ('0c000000-0000-4000-8000-000000000003', 1, '09-260303-0001-AC', 's', 'Citra',"
            "   'submitted', 'u1', '2026-03-03T01:00:00.000Z', '2026-03-04'),"
            "  ('0c000000-0000-4000-8000-000000000004', 0, '09-260304-0001-AD', 's', 'Dewi',"
            "   'completed', 'u3', '2026-03-04T01:00:00.000Z', '2026-03-07');"
            "INSERT INTO service_requests_fts (service_requests_fts) VALUES ('rebuild');"
            "PRAGMA user_version = 3;");

  store = pamong_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pamong_store_get_schema_version (store), ==, PAMONG_STORE_SCHEMA_VERSION);

  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    {
      g_autofree char *columns = index_columns (store, indexes[i].index);

      g_assert_cmpstr (columns, ==, indexes[i].columns);
    }

  /* A list by submitted-at (the store's SQL for it) reads that index
   * alone, in order: no row read, nothing sorted. */
  plan = query_plan (store, "SELECT id FROM service_requests WHERE +deleted = 0"
                            " ORDER BY submitted_at DESC, deleted DESC, id DESC");
  g_assert_nonnull (strstr (plan, "COVERING INDEX service_requests_submitted_at"));
  g_assert_null (strstr (plan, "TEMP B-TREE"));

  /* The old rows list in each order, the tombstone hidden. */
  {
    static const struct { const char *field; gboolean descending; const char *order; } orders[] = {
      { "submitted-at", TRUE, "421" },
      { "due-date", FALSE, "241" },
      { "applicant-name", FALSE, "214" },
      { "status", FALSE, "421" },
      { "unit", TRUE, "412" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
      {
        g_autoptr(GString) got = g_string_new (NULL);

        pamong_query_set_sort (query, orders[i].field, orders[i].descending);
        g_clear_object (&model);
        model = pamong_store_query (store, query, &error);
        g_assert_no_error (error);
        for (guint j = 0; j < g_list_model_get_n_items (model); j++)
          {
            g_autoptr(PamongRecord) record = g_list_model_get_item (model, j);
            const char *uuid = pamong_record_get_uuid (record);

            g_string_append_c (got, uuid[strlen (uuid) - 1]);
          }
        g_assert_cmpstr (got->str, ==, orders[i].order);
      }
  }

  pamong_query_set_sort (query, "submitted-at", TRUE);
  pamong_query_add_filter_string (query, "status", "submitted");
  g_assert_cmpuint (pamong_store_count (store, query, &error), ==, 1);
  pamong_query_set_include_deleted (query, TRUE);
  g_assert_cmpuint (pamong_store_count (store, query, &error), ==, 2);
  pamong_query_set_search (query, "citra");
  g_assert_cmpuint (pamong_store_count (store, query, &error), ==, 1);
  g_assert_no_error (error);

  g_clear_object (&model);
  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_set_up, func, store_fixture_tear_down)

  ADD ("/pamong/store/lists/match-a-single-query-across-writes", test_lists_match_single_queries);
  ADD ("/pamong/store/lists/rolled-back-rows-are-not-remembered", test_rollback_is_not_remembered);
  ADD ("/pamong/store/lists/another-connection-writes-are-seen", test_other_connection_writes_are_seen);
  ADD ("/pamong/store/lists/sparse-row-ids", test_sparse_row_ids);
  ADD ("/pamong/store/lists/range-and-set-filters", test_range_and_set_filters);
  ADD ("/pamong/store/lists/kept-filter-sets-by-value", test_kept_filter_sets_by_value);
  g_test_add_func ("/pamong/store/lists/schema-step-4-upgrades-a-version-3-file",
                   test_step_4_upgrades_version_3_file);

  return g_test_run ();
}
