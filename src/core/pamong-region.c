/* pamong-region.c — a kabupaten's kecamatan and desa/kelurahan, from data
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-region"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "pamong-error.h"
#include "pamong-region.h"
#include "pamong-region-resources.h"

/*
 * The region is read once from a JSON file made by
 * build-aux/regions-from-wilayah.py from the Kemendagri codes, and never
 * changes afterwards. Kecamatan and desa live in two flat arrays, the desa of
 * one kecamatan contiguous, so the structs handed out stay put for the
 * region's lifetime.
 */

#define DEFAULT_REGION_PATH "/io/github/pamong/Pamong/region/3316-blora.json"

struct _PamongDesa
{
  char *code;
  char *name;
  gboolean kelurahan;
  PamongKecamatan *kecamatan;
};

struct _PamongKecamatan
{
  char *code;
  char *name;
  char *ibukota;
  double area;
  PamongDesa *desa;
  guint n_desa;
  guint n_kelurahan;
};

struct _PamongRegion
{
  GObject parent_instance;

  char *province_code;
  char *province_name;
  char *code;
  char *name;
  char *kind;

  PamongKecamatan *kecamatan;
  guint n_kecamatan;
  PamongDesa *desa;
  guint n_desa;
  guint n_kelurahan;

  /* code -> PamongKecamatan* / PamongDesa* (not owned) */
  GHashTable *kecamatan_by_code;
  GHashTable *desa_by_code;
};

G_DEFINE_FINAL_TYPE (PamongRegion, pamong_region, G_TYPE_OBJECT)

static void
pamong_region_finalize (GObject *object)
{
  PamongRegion *self = PAMONG_REGION (object);

  for (guint i = 0; i < self->n_desa; i++)
    {
      g_free (self->desa[i].code);
      g_free (self->desa[i].name);
    }
  for (guint i = 0; i < self->n_kecamatan; i++)
    {
      g_free (self->kecamatan[i].code);
      g_free (self->kecamatan[i].name);
      g_free (self->kecamatan[i].ibukota);
    }
  g_clear_pointer (&self->desa, g_free);
  g_clear_pointer (&self->kecamatan, g_free);
  g_clear_pointer (&self->kecamatan_by_code, g_hash_table_unref);
  g_clear_pointer (&self->desa_by_code, g_hash_table_unref);
  g_clear_pointer (&self->province_code, g_free);
  g_clear_pointer (&self->province_name, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (pamong_region_parent_class)->finalize (object);
}

static void
pamong_region_class_init (PamongRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pamong_region_finalize;
}

static void
pamong_region_init (PamongRegion *self)
{
  self->kecamatan_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->desa_by_code = g_hash_table_new (g_str_hash, g_str_equal);
}

/* "33", "33.16", "33.16.09", "33.16.09.2001": pairs of digits joined by
 * dots, with a four-digit last part at the desa level. */
static gboolean
code_is_well_formed (const char *code,
                     guint       n_parts)
{
  g_auto(GStrv) parts = NULL;

  if (code == NULL)
    return FALSE;

  parts = g_strsplit (code, ".", -1);
  if (g_strv_length (parts) != n_parts)
    return FALSE;

  for (guint i = 0; i < n_parts; i++)
    {
      gsize expected = i == 3 ? 4 : 2;

      if (strlen (parts[i]) != expected)
        return FALSE;
      for (const char *p = parts[i]; *p; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
    }

  return TRUE;
}

static gboolean
code_is_child_of (const char *code,
                  const char *parent)
{
  gsize len = strlen (parent);

  return strncmp (code, parent, len) == 0 && code[len] == '.';
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonArray *
member_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

static JsonObject *
element_object (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

static gboolean
invalid (GError    **error,
         const char *what,
         const char *where)
{
  /* Translators: the first %s is what is wrong in a region data file, e.g.
   * "a kecamatan without a valid code", the second where, e.g. "33.16". */
  g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
               _("The region data has %s (in %s)"), what, where);
  return FALSE;
}

static gboolean
pamong_region_parse (PamongRegion  *self,
                     JsonNode      *root,
                     GError       **error)
{
  JsonObject *object;
  JsonObject *province;
  JsonArray *kecamatan;
  guint n_desa = 0;
  guint next_desa = 0;
  const char *code;
  const char *name;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return invalid (error, _("no top-level object"), "/");

  object = json_node_get_object (root);
  code = member_string (object, "code");
  name = member_string (object, "name");
  if (!code_is_well_formed (code, 2) || name == NULL || *name == '\0')
    return invalid (error, _("no valid regency code and name"), "/");

  if (!json_object_has_member (object, "province") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "province")))
    return invalid (error, _("no province"), code);
  province = json_object_get_object_member (object, "province");
  if (!code_is_well_formed (member_string (province, "code"), 1) ||
      !g_str_has_prefix (code, member_string (province, "code")))
    return invalid (error, _("a province code that does not match the regency code"), code);

  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->kind = g_strdup (member_string (object, "kind") ? member_string (object, "kind") : "");
  self->province_code = g_strdup (member_string (province, "code"));
  self->province_name = g_strdup (member_string (province, "name") ? member_string (province, "name") : "");

  kecamatan = member_array (object, "kecamatan");
  if (kecamatan == NULL || json_array_get_length (kecamatan) == 0)
    return invalid (error, _("no kecamatan"), code);

  /* Count first so the arrays are allocated once and never move. */
  for (guint i = 0; i < json_array_get_length (kecamatan); i++)
    {
      JsonObject *k = element_object (kecamatan, i);
      JsonArray *desa = k != NULL ? member_array (k, "desa") : NULL;

      if (desa == NULL)
        return invalid (error, _("a kecamatan without a list of desa"), code);
      n_desa += json_array_get_length (desa);
    }

  self->n_kecamatan = json_array_get_length (kecamatan);
  self->kecamatan = g_new0 (PamongKecamatan, self->n_kecamatan);
  self->desa = g_new0 (PamongDesa, n_desa);

  for (guint i = 0; i < self->n_kecamatan; i++)
    {
      JsonObject *k = element_object (kecamatan, i);
      JsonArray *desa = member_array (k, "desa");
      PamongKecamatan *kec = &self->kecamatan[i];
      const char *k_code = member_string (k, "code");
      const char *k_name = member_string (k, "name");
      JsonNode *area = json_object_get_member (k, "area_km2");

      if (!code_is_well_formed (k_code, 3) || !code_is_child_of (k_code, self->code) ||
          k_name == NULL || *k_name == '\0')
        return invalid (error, _("a kecamatan without a valid code and name"), self->code);
      if (g_hash_table_contains (self->kecamatan_by_code, k_code))
        return invalid (error, _("a kecamatan code twice"), k_code);

      kec->code = g_strdup (k_code);
      kec->name = g_strdup (k_name);
      kec->ibukota = g_strdup (member_string (k, "ibukota") ? member_string (k, "ibukota") : "");
      if (area != NULL && JSON_NODE_HOLDS_VALUE (area))
        kec->area = json_node_get_double (area);
      kec->desa = &self->desa[next_desa];
      g_hash_table_insert (self->kecamatan_by_code, kec->code, kec);

      for (guint j = 0; j < json_array_get_length (desa); j++)
        {
          JsonObject *d = element_object (desa, j);
          PamongDesa *ds = &self->desa[next_desa];
          const char *d_code = d != NULL ? member_string (d, "code") : NULL;
          const char *d_name = d != NULL ? member_string (d, "name") : NULL;

          if (!code_is_well_formed (d_code, 4) || !code_is_child_of (d_code, kec->code) ||
              d_name == NULL || *d_name == '\0')
            return invalid (error, _("a desa without a valid code and name"), kec->code);
          if (g_hash_table_contains (self->desa_by_code, d_code))
            return invalid (error, _("a desa code twice"), d_code);

          ds->code = g_strdup (d_code);
          ds->name = g_strdup (d_name);
          /* Kemendagri: x.1xxx is a kelurahan, x.2xxx a desa. */
          ds->kelurahan = d_code[strlen (kec->code) + 1] == '1';
          ds->kecamatan = kec;
          g_hash_table_insert (self->desa_by_code, ds->code, ds);

          next_desa++;
          self->n_desa = next_desa;
          kec->n_desa++;
          if (ds->kelurahan)
            {
              kec->n_kelurahan++;
              self->n_kelurahan++;
            }
        }
    }

  return TRUE;
}

/**
 * pamong_region_new_from_bytes:
 * @bytes: a region JSON document (see src/core/data/regions/)
 * @error: return location for a #GError
 *
 * Reads a regency's kecamatan and desa/kelurahan.
 *
 * Returns: (transfer full): the region, or %NULL with @error set
 */
PamongRegion *
pamong_region_new_from_bytes (GBytes  *bytes,
                              GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PamongRegion) self = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The region data is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  self = g_object_new (PAMONG_TYPE_REGION, NULL);
  if (!pamong_region_parse (self, json_parser_get_root (parser), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pamong_region_load_default:
 * @error: return location for a #GError
 *
 * Loads Kabupaten Blora (33.16), the region Pamong ships with.
 *
 * Returns: (transfer full): the region, or %NULL with @error set
 */
PamongRegion *
pamong_region_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resource_lookup_data (pamong_region_get_resource (), DEFAULT_REGION_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return pamong_region_new_from_bytes (bytes, error);
}

/** pamong_region_get_province_code: Returns: the province code, e.g. "33" */
const char *
pamong_region_get_province_code (PamongRegion *self)
{
  g_return_val_if_fail (PAMONG_IS_REGION (self), NULL);

  return self->province_code;
}

/** pamong_region_get_province_name: Returns: e.g. "Jawa Tengah" */
const char *
pamong_region_get_province_name (PamongRegion *self)
{
  g_return_val_if_fail (PAMONG_IS_REGION (self), NULL);

  return self->province_name;
}

/** pamong_region_get_code: Returns: the regency code, e.g. "33.16" */
const char *
pamong_region_get_code (PamongRegion *self)
{
  g_return_val_if_fail (PAMONG_IS_REGION (self), NULL);

  return self->code;
}

/** pamong_region_get_name: Returns: the regency's name without its kind, e.g. "Blora" */
const char *
pamong_region_get_name (PamongRegion *self)
{
  g_return_val_if_fail (PAMONG_IS_REGION (self), NULL);

  return self->name;
}

/** pamong_region_get_kind: Returns: "Kabupaten" or "Kota" */
const char *
pamong_region_get_kind (PamongRegion *self)
{
  g_return_val_if_fail (PAMONG_IS_REGION (self), NULL);

  return self->kind;
}

guint
pamong_region_get_n_kecamatan (PamongRegion *self)
{
  g_return_val_if_fail (PAMONG_IS_REGION (self), 0);

  return self->n_kecamatan;
}

/**
 * pamong_region_get_kecamatan:
 * @self: a #PamongRegion
 * @index: 0 .. pamong_region_get_n_kecamatan() - 1, in code order
 *
 * Returns: (transfer none): the kecamatan
 */
const PamongKecamatan *
pamong_region_get_kecamatan (PamongRegion *self,
                             guint         index)
{
  g_return_val_if_fail (PAMONG_IS_REGION (self), NULL);
  g_return_val_if_fail (index < self->n_kecamatan, NULL);

  return &self->kecamatan[index];
}

/** pamong_region_get_n_desa: Returns: the number of desa and kelurahan together */
guint
pamong_region_get_n_desa (PamongRegion *self)
{
  g_return_val_if_fail (PAMONG_IS_REGION (self), 0);

  return self->n_desa;
}

/**
 * pamong_region_get_desa:
 * @self: a #PamongRegion
 * @index: 0 .. pamong_region_get_n_desa() - 1, in code order
 *
 * Returns: (transfer none): a desa or kelurahan of the whole regency
 */
const PamongDesa *
pamong_region_get_desa (PamongRegion *self,
                        guint         index)
{
  g_return_val_if_fail (PAMONG_IS_REGION (self), NULL);
  g_return_val_if_fail (index < self->n_desa, NULL);

  return &self->desa[index];
}

guint
pamong_region_get_n_kelurahan (PamongRegion *self)
{
  g_return_val_if_fail (PAMONG_IS_REGION (self), 0);

  return self->n_kelurahan;
}

/**
 * pamong_region_lookup_kecamatan:
 * @self: a #PamongRegion
 * @code: a dotted kecamatan code, e.g. "33.16.09"
 *
 * Returns: (transfer none) (nullable): the kecamatan, or %NULL
 */
const PamongKecamatan *
pamong_region_lookup_kecamatan (PamongRegion *self,
                                const char   *code)
{
  g_return_val_if_fail (PAMONG_IS_REGION (self), NULL);

  if (code == NULL)
    return NULL;

  return g_hash_table_lookup (self->kecamatan_by_code, code);
}

/**
 * pamong_region_lookup_desa:
 * @self: a #PamongRegion
 * @code: a dotted desa/kelurahan code, e.g. "33.16.09.1006"
 *
 * Returns: (transfer none) (nullable): the desa or kelurahan, or %NULL
 */
const PamongDesa *
pamong_region_lookup_desa (PamongRegion *self,
                           const char   *code)
{
  g_return_val_if_fail (PAMONG_IS_REGION (self), NULL);

  if (code == NULL)
    return NULL;

  return g_hash_table_lookup (self->desa_by_code, code);
}

/**
 * pamong_region_lookup_name:
 * @self: a #PamongRegion
 * @code: a dotted code at any level: province, regency, kecamatan or desa
 *
 * Returns: (transfer none) (nullable): the name, or %NULL for an unknown code
 */
const char *
pamong_region_lookup_name (PamongRegion *self,
                           const char   *code)
{
  const PamongKecamatan *kecamatan;
  const PamongDesa *desa;

  g_return_val_if_fail (PAMONG_IS_REGION (self), NULL);

  if (code == NULL)
    return NULL;
  if (g_str_equal (code, self->code))
    return self->name;
  if (g_str_equal (code, self->province_code))
    return self->province_name;
  if ((kecamatan = pamong_region_lookup_kecamatan (self, code)) != NULL)
    return kecamatan->name;
  if ((desa = pamong_region_lookup_desa (self, code)) != NULL)
    return desa->name;

  return NULL;
}

const char *
pamong_kecamatan_get_code (const PamongKecamatan *kecamatan)
{
  g_return_val_if_fail (kecamatan != NULL, NULL);

  return kecamatan->code;
}

const char *
pamong_kecamatan_get_name (const PamongKecamatan *kecamatan)
{
  g_return_val_if_fail (kecamatan != NULL, NULL);

  return kecamatan->name;
}

/** pamong_kecamatan_get_ibukota: Returns: the seat of the kecamatan, or "" */
const char *
pamong_kecamatan_get_ibukota (const PamongKecamatan *kecamatan)
{
  g_return_val_if_fail (kecamatan != NULL, NULL);

  return kecamatan->ibukota;
}

/** pamong_kecamatan_get_area: Returns: the area in km², or 0 if unknown */
double
pamong_kecamatan_get_area (const PamongKecamatan *kecamatan)
{
  g_return_val_if_fail (kecamatan != NULL, 0.0);

  return kecamatan->area;
}

/** pamong_kecamatan_get_n_desa: Returns: the number of desa and kelurahan */
guint
pamong_kecamatan_get_n_desa (const PamongKecamatan *kecamatan)
{
  g_return_val_if_fail (kecamatan != NULL, 0);

  return kecamatan->n_desa;
}

/**
 * pamong_kecamatan_get_desa:
 * @kecamatan: a #PamongKecamatan
 * @index: 0 .. pamong_kecamatan_get_n_desa() - 1, in code order
 *   (kelurahan, 1xxx, first)
 *
 * Returns: (transfer none): the desa or kelurahan
 */
const PamongDesa *
pamong_kecamatan_get_desa (const PamongKecamatan *kecamatan,
                           guint                  index)
{
  g_return_val_if_fail (kecamatan != NULL, NULL);
  g_return_val_if_fail (index < kecamatan->n_desa, NULL);

  return &kecamatan->desa[index];
}

guint
pamong_kecamatan_get_n_kelurahan (const PamongKecamatan *kecamatan)
{
  g_return_val_if_fail (kecamatan != NULL, 0);

  return kecamatan->n_kelurahan;
}

const char *
pamong_desa_get_code (const PamongDesa *desa)
{
  g_return_val_if_fail (desa != NULL, NULL);

  return desa->code;
}

const char *
pamong_desa_get_name (const PamongDesa *desa)
{
  g_return_val_if_fail (desa != NULL, NULL);

  return desa->name;
}

gboolean
pamong_desa_is_kelurahan (const PamongDesa *desa)
{
  g_return_val_if_fail (desa != NULL, FALSE);

  return desa->kelurahan;
}

/** pamong_desa_get_kecamatan: Returns: (transfer none): the kecamatan the desa lies in */
const PamongKecamatan *
pamong_desa_get_kecamatan (const PamongDesa *desa)
{
  g_return_val_if_fail (desa != NULL, NULL);

  return desa->kecamatan;
}
