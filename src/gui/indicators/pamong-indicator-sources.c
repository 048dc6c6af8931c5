/* pamong-indicator-sources.c — candidate evidence for an indicator from the regency's own records
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pamong-application.h"
#include "pamong-framework.h"
#include "pamong-indicator-sources.h"
#include "pamong-query.h"
#include "pamong-service-request.h"
#include "pamong-service-type.h"
#include "pamong-store.h"

/* The data table: for each indicator the words its applications are found
 * by (full-text prefix search over name, description and function). Names
 * of national applications (SRIKANDI, SIPD, SPSE, SIASN, SP4N-LAPOR!) are
 * spelled as the inventory's search sees them. Only P59's service
 * indicators (32–47) have a counterpart in the application inventory. */
typedef struct
{
  const char *framework;
  guint       number;
  const char *keywords[7];
} Source;

static const Source sources[] = {
  { PAMONG_FRAMEWORK_DEFAULT_ID, 32, { "perencanaan", "sipd", "musrenbang", "e-planning", NULL } },
  { PAMONG_FRAMEWORK_DEFAULT_ID, 33, { "penganggaran", "anggaran", "sipd", NULL } },
  { PAMONG_FRAMEWORK_DEFAULT_ID, 34, { "keuangan", "penatausahaan", "sipd", NULL } },
  { PAMONG_FRAMEWORK_DEFAULT_ID, 35, { "pengadaan", "spse", "lpse", "sirup", "katalog", NULL } },
  { PAMONG_FRAMEWORK_DEFAULT_ID, 36, { "kepegawaian", "simpeg", "siasn", "si-asn", NULL } },
  { PAMONG_FRAMEWORK_DEFAULT_ID, 37, { "srikandi", "kearsipan", "arsip", "persuratan", NULL } },
  { PAMONG_FRAMEWORK_DEFAULT_ID, 38, { "barang milik daerah", "aset", "inventaris", "bmd", NULL } },
  { PAMONG_FRAMEWORK_DEFAULT_ID, 39, { "pengawasan", "inspektorat", "audit", NULL } },
  { PAMONG_FRAMEWORK_DEFAULT_ID, 40, { "sakip", "akuntabilitas", NULL } },
  { PAMONG_FRAMEWORK_DEFAULT_ID, 41, { "kinerja pegawai", "e-kinerja", "skp", NULL } },
  { PAMONG_FRAMEWORK_DEFAULT_ID, 42, { "pengaduan", "lapor", "aspirasi", NULL } },
  { PAMONG_FRAMEWORK_DEFAULT_ID, 43, { "data terbuka", "satu data", "open data", "portal data", NULL } },
  { PAMONG_FRAMEWORK_DEFAULT_ID, 44, { "jdih", "dokumentasi hukum", "produk hukum", NULL } },
  { PAMONG_FRAMEWORK_DEFAULT_ID, 45, { "kependudukan", "adminduk", "dukcapil", NULL } },
  { PAMONG_FRAMEWORK_DEFAULT_ID, 46, { "perizinan", "oss", "simbg", "izin", NULL } },
  { PAMONG_FRAMEWORK_DEFAULT_ID, 47, { "kesehatan", "simpus", "simrs", "puskesmas", NULL } },
};

/* The complaint indicator: Layanan Pengaduan Pelayanan Publik. */
#define COMPLAINT_INDICATOR 42

static const Source *
lookup (const char *framework_id,
        guint       number)
{
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (sources[i].number == number && g_strcmp0 (sources[i].framework, framework_id) == 0)
      return &sources[i];
  return NULL;
}

/**
 * pamong_indicator_sources_get_keywords:
 *
 * Returns: (nullable) (array zero-terminated=1) (transfer none): the words
 *   the indicator's applications are found by, or %NULL
 */
const char * const *
pamong_indicator_sources_get_keywords (const char *framework_id,
                                       guint       indicator_number)
{
  const Source *source = lookup (framework_id, indicator_number);

  return source != NULL ? source->keywords : NULL;
}

/**
 * pamong_indicator_sources_has_complaints:
 *
 * Returns: whether the indicator is the complaint-handling one, for which
 *   pamong_indicator_sources_complaint_share() speaks
 */
gboolean
pamong_indicator_sources_has_complaints (const char *framework_id,
                                         guint       indicator_number)
{
  return g_strcmp0 (framework_id, PAMONG_FRAMEWORK_DEFAULT_ID) == 0 &&
         indicator_number == COMPLAINT_INDICATOR;
}

static gint
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  PamongApplication *x = *(PamongApplication **) a;
  PamongApplication *y = *(PamongApplication **) b;

  return g_utf8_collate (pamong_application_get_name (x), pamong_application_get_name (y));
}

/**
 * pamong_indicator_sources_find_applications:
 * @store: the store
 * @framework_id: the assessment's framework
 * @indicator_number: the indicator
 * @max_results: at most this many applications; 0 for all
 * @error: return location for a #GError
 *
 * The inventory's applications that match the indicator's words: the
 * first word's matches first (e.g. SRIKANDI before local archive
 * applications), each word's by name.
 *
 * Returns: (transfer full) (element-type PamongApplication): the
 *   applications (empty for an indicator without words), or %NULL on error
 */
GPtrArray *
pamong_indicator_sources_find_applications (PamongStore  *store,
                                            const char   *framework_id,
                                            guint         indicator_number,
                                            guint         max_results,
                                            GError      **error)
{
  const Source *source = lookup (framework_id, indicator_number);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (PAMONG_IS_STORE (store), NULL);

  if (source == NULL)
    return g_steal_pointer (&found);

  for (guint k = 0; source->keywords[k] != NULL; k++)
    {
      g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_APPLICATION);
      g_autoptr(GListModel) model = NULL;
      guint first = found->len;

      pamong_query_set_search (query, source->keywords[k]);
      model = pamong_store_query (store, query, error);
      if (model == NULL)
        return NULL;

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(PamongApplication) app = g_list_model_get_item (model, i);
          const char *uuid;

          if (app == NULL)
            continue;
          uuid = pamong_record_get_uuid (PAMONG_RECORD (app));
          if (g_hash_table_contains (seen, uuid))
            continue;
          g_hash_table_add (seen, g_strdup (uuid));
          g_ptr_array_add (found, g_steal_pointer (&app));
        }
      /* The first words are the most telling: their matches come first,
       * each word's by name. */
      qsort (found->pdata + first, found->len - first, sizeof (gpointer), compare_by_name);
    }

  if (max_results > 0 && found->len > max_results)
    g_ptr_array_set_size (found, max_results);
  return g_steal_pointer (&found);
}

/**
 * pamong_indicator_sources_complaint_share:
 * @store: the store
 * @out_share: (out caller-allocates): the counts
 * @error: return location for a #GError
 *
 * Counts the requests of every complaint service type: completed ones with
 * a due date, those completed on or before it (by the local calendar day),
 * and open ones past it.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
pamong_indicator_sources_complaint_share (PamongStore           *store,
                                          PamongComplaintShare  *out_share,
                                          GError               **error)
{
  g_autoptr(PamongQuery) type_query = pamong_query_new (PAMONG_TYPE_SERVICE_TYPE);
  g_autoptr(GListModel) types = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  PamongComplaintShare share = { 0 };

  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_share != NULL, FALSE);

  pamong_query_add_filter_string (type_query, "kind", "complaint");
  types = pamong_store_query (store, type_query, error);
  if (types == NULL)
    return FALSE;

  for (guint t = 0; t < g_list_model_get_n_items (types); t++)
    {
      g_autoptr(PamongServiceType) type = g_list_model_get_item (types, t);
      g_autoptr(PamongQuery) query = NULL;
      g_autoptr(GListModel) requests = NULL;

      if (type == NULL)
        continue;
      query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
      pamong_query_add_filter_string (query, "service-type", pamong_record_get_uuid (PAMONG_RECORD (type)));
      requests = pamong_store_query (store, query, error);
      if (requests == NULL)
        return FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (requests); i++)
        {
          g_autoptr(PamongServiceRequest) request = g_list_model_get_item (requests, i);
          const char *due;
          PamongRequestStatus status;

          if (request == NULL)
            continue;
          due = pamong_service_request_get_due_date (request);
          if (due == NULL || *due == '\0')
            continue;
          status = pamong_service_request_get_status (request);
          if (status == PAMONG_REQUEST_STATUS_COMPLETED)
            {
              GDateTime *completed = pamong_service_request_get_completed_at (request);
              g_autoptr(GDateTime) local = NULL;
              g_autofree char *day = NULL;

              if (completed == NULL)
                continue;
              local = g_date_time_to_local (completed);
              day = g_date_time_format (local, "%Y-%m-%d");
              share.n_completed++;
              if (strcmp (day, due) <= 0)
                share.n_on_time++;
            }
          else if (status != PAMONG_REQUEST_STATUS_REJECTED && strcmp (today, due) > 0)
            share.n_open_overdue++;
        }
    }

  *out_share = share;
  return TRUE;
}
