/* test-spbe-framework.c — loading and checking evaluation frameworks
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "pamong-error.h"
#include "pamong-framework.h"

static PamongFramework *
load_test_file (const char  *name,
                GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "spbe", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return pamong_framework_new_from_file (file, error);
}

static void
test_default_structure (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongFramework) framework = pamong_framework_load_default (&error);
  guint indicator_sum = 0;
  guint aspect_sum = 0;
  guint domain_sum = 0;

  g_assert_no_error (error);
  g_assert_nonnull (framework);

  g_assert_cmpstr (pamong_framework_get_id (framework), ==, "p59-2020");
  g_assert_cmpstr (pamong_framework_get_id (framework), ==, PAMONG_FRAMEWORK_DEFAULT_ID);
  g_assert_nonnull (strstr (pamong_framework_get_regulation (framework), "Nomor 59 Tahun 2020"));

  /* P59 §1.2: 4 domains, 8 aspects, 47 indicators. */
  g_assert_cmpuint (pamong_framework_get_n_domains (framework), ==, 4);
  g_assert_cmpuint (pamong_framework_get_n_aspects (framework), ==, 8);
  g_assert_cmpuint (pamong_framework_get_n_indicators (framework), ==, 47);

  for (guint i = 0; i < pamong_framework_get_n_indicators (framework); i++)
    {
      const PamongFwIndicator *indicator = pamong_framework_get_indicator (framework, i);

      /* Numbered 1..47 in order, each findable by its number. */
      g_assert_cmpuint (indicator->number, ==, i + 1);
      g_assert_true (pamong_framework_lookup_indicator (framework, indicator->number) == indicator);
      g_assert_cmpint (pamong_framework_get_indicator_position (framework, indicator->number), ==, (gint) i);
      g_assert_cmpfloat_with_epsilon (indicator->weight * 100, indicator->weight_cents, 1e-9);
      indicator_sum += indicator->weight_cents;
    }
  for (guint i = 0; i < pamong_framework_get_n_aspects (framework); i++)
    aspect_sum += pamong_framework_get_aspect (framework, i)->weight_cents;
  for (guint i = 0; i < pamong_framework_get_n_domains (framework); i++)
    domain_sum += pamong_framework_get_domain (framework, i)->weight_cents;

  g_assert_cmpuint (indicator_sum, ==, 10000);
  g_assert_cmpuint (aspect_sum, ==, 10000);
  g_assert_cmpuint (domain_sum, ==, 10000);
  g_assert_cmpuint (pamong_framework_get_total_weight_cents (framework), ==, 10000);

  g_assert_null (pamong_framework_lookup_indicator (framework, 0));
  g_assert_null (pamong_framework_lookup_indicator (framework, 48));
  g_assert_cmpint (pamong_framework_get_indicator_position (framework, 48), ==, -1);
}

static void
test_default_weights_and_names (void)
{
  g_autoptr(PamongFramework) framework = pamong_framework_load_default (NULL);
  const PamongFwDomain *domain;
  const PamongFwAspect *aspect;
  const PamongFwIndicator *indicator;

  g_assert_nonnull (framework);

  /* Tabel 7-9 */
  domain = pamong_framework_get_domain (framework, 1);
  g_assert_cmpuint (domain->number, ==, 2);
  g_assert_cmpstr (domain->name, ==, "Tata Kelola SPBE");
  g_assert_cmpstr (domain->gloss, ==, "SPBE governance");
  g_assert_cmpuint (domain->weight_cents, ==, 2500);
  g_assert_cmpuint (domain->first_aspect, ==, 1);
  g_assert_cmpuint (domain->n_aspects, ==, 3);

  domain = pamong_framework_get_domain (framework, 2);
  g_assert_cmpuint (domain->weight_cents, ==, 1650);
  g_assert_cmpfloat (domain->weight, ==, 16.5);

  aspect = pamong_framework_get_aspect (framework, 5);
  g_assert_cmpuint (aspect->number, ==, 6);
  g_assert_cmpstr (aspect->name, ==, "Pelaksanaan Audit TIK");
  g_assert_cmpuint (aspect->weight_cents, ==, 450);
  g_assert_cmpuint (aspect->domain_index, ==, 2);
  g_assert_cmpuint (aspect->first_indicator, ==, 28);
  g_assert_cmpuint (aspect->n_indicators, ==, 3);

  indicator = pamong_framework_lookup_indicator (framework, 1);
  g_assert_cmpuint (indicator->weight_cents, ==, 130);
  g_assert_cmpstr (indicator->scale_id, ==, "process");
  g_assert_cmpstr (pamong_framework_get_indicator_level (framework, indicator, 3)->name, ==, "Terdefinisi");
  g_assert_cmpstr (pamong_framework_get_indicator_level (framework, indicator, 1)->criteria, ==,
                   "Proses penerapan SPBE dilakukan tanpa perencanaan dan sewaktu-waktu.");
  g_assert_null (pamong_framework_get_indicator_level (framework, indicator, 0));
  g_assert_null (pamong_framework_get_indicator_level (framework, indicator, 6));

  indicator = pamong_framework_lookup_indicator (framework, 42);
  g_assert_cmpstr (indicator->name, ==, "Tingkat Kematangan Layanan Pengaduan Pelayanan Publik");
  g_assert_cmpuint (indicator->weight_cents, ==, 300);
  g_assert_cmpuint (indicator->aspect_index, ==, 7);
  g_assert_cmpuint (indicator->domain_index, ==, 3);
  g_assert_cmpstr (indicator->scale_id, ==, "service");
  g_assert_cmpstr (pamong_framework_get_indicator_scale (framework, indicator)->name, ==, "Kapabilitas Layanan");
  g_assert_cmpuint (pamong_framework_get_indicator_scale (framework, indicator)->n_levels, ==, 5);
  g_assert_cmpstr (pamong_framework_get_indicator_level (framework, indicator, 3)->name, ==, "Transaksi");
  g_assert_cmpstr (pamong_framework_get_indicator_level (framework, indicator, 5)->name, ==, "Optimum");

  /* Indicators 1-31 are scored on the process scale, 32-47 on the service one. */
  for (guint number = 1; number <= 47; number++)
    g_assert_cmpstr (pamong_framework_lookup_indicator (framework, number)->scale_id, ==,
                     number <= 31 ? "process" : "service");

  g_assert_cmpuint (pamong_framework_get_n_scales (framework), ==, 2);
  g_assert_nonnull (pamong_framework_lookup_scale (framework, "process"));
  g_assert_null (pamong_framework_lookup_scale (framework, "kapabilitas_proses"));
}

static void
test_default_bands (void)
{
  g_autoptr(PamongFramework) framework = pamong_framework_load_default (NULL);
  static const struct {
    const char *name;
    const char *gloss;
    gint min_cents;
  } expected[] = {
    { "Memuaskan", "Satisfactory", 420 },
    { "Sangat Baik", "Very good", 350 },
    { "Baik", "Good", 260 },
    { "Cukup", "Fair", 180 },
    { "Kurang", "Poor", -1 },
  };

  g_assert_cmpuint (pamong_framework_get_n_bands (framework), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const PamongFwBand *band = pamong_framework_get_band (framework, i);

      g_assert_cmpstr (band->name, ==, expected[i].name);
      g_assert_cmpstr (band->gloss, ==, expected[i].gloss);
      g_assert_cmpint (band->has_min, ==, expected[i].min_cents >= 0);
      if (band->has_min)
        {
          g_assert_cmpint (band->min_cents, ==, expected[i].min_cents);
          g_assert_true (band->min_inclusive);
        }
    }
}

static void
test_default_resource_matches_source (void)
{
  /* The shipped resource is the committed data file, not a stale copy. */
  g_autoptr(PamongFramework) from_resource = pamong_framework_load_default (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "src", "core", "data",
                                                 "frameworks", "p59-2020.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PamongFramework) from_file = pamong_framework_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (pamong_framework_get_n_indicators (from_file), ==,
                    pamong_framework_get_n_indicators (from_resource));
  for (guint i = 0; i < pamong_framework_get_n_indicators (from_file); i++)
    {
      const PamongFwIndicator *a = pamong_framework_get_indicator (from_file, i);
      const PamongFwIndicator *b = pamong_framework_get_indicator (from_resource, i);

      g_assert_cmpuint (a->number, ==, b->number);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpuint (a->weight_cents, ==, b->weight_cents);
    }

  g_assert_finalize_object (g_steal_pointer (&from_file));
  g_assert_finalize_object (g_steal_pointer (&from_resource));
}

static void
test_small_framework_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongFramework) framework = load_test_file ("small-framework.json", &error);
  const PamongFwIndicator *indicator;
  const PamongFwAspect *aspect;
  g_autofree char *id = NULL;

  g_assert_no_error (error);
  g_object_get (framework, "id", &id, NULL);
  g_assert_cmpstr (id, ==, "test-small");
  g_assert_cmpuint (pamong_framework_get_n_domains (framework), ==, 2);
  g_assert_cmpuint (pamong_framework_get_n_aspects (framework), ==, 3);
  g_assert_cmpuint (pamong_framework_get_n_indicators (framework), ==, 5);
  g_assert_cmpuint (pamong_framework_get_n_bands (framework), ==, 3);

  indicator = pamong_framework_lookup_indicator (framework, 201);
  g_assert_nonnull (indicator);
  g_assert_cmpint (pamong_framework_get_indicator_position (framework, 201), ==, 3);
  g_assert_cmpuint (indicator->weight_cents, ==, 3550);
  g_assert_cmpuint (indicator->aspect_index, ==, 2);
  g_assert_cmpuint (indicator->domain_index, ==, 1);
  g_assert_cmpuint (pamong_framework_get_indicator_scale (framework, indicator)->n_levels, ==, 4);
  g_assert_cmpstr (pamong_framework_get_indicator_level (framework, indicator, 4)->name, ==, "Empat");
  /* Optional texts are "" when absent. */
  g_assert_cmpstr (pamong_framework_get_indicator_level (framework, indicator, 2)->criteria, ==, "");
  g_assert_null (pamong_framework_get_indicator_level (framework, indicator, 5));

  indicator = pamong_framework_lookup_indicator (framework, 101);
  g_assert_null (pamong_framework_get_indicator_level (framework, indicator, 4));
  g_assert_null (pamong_framework_lookup_indicator (framework, 1));

  aspect = pamong_framework_get_aspect (framework, 0);
  g_assert_cmpstr (aspect->gloss, ==, "");
  g_assert_cmpuint (aspect->weight_cents, ==, 2500);
  g_assert_cmpuint (pamong_framework_get_domain (framework, 0)->weight_cents, ==, 4000);

  /* "min_inclusive": false on Sedang (> 2,00). */
  g_assert_cmpstr (pamong_framework_get_band_for_cents (framework, 300)->name, ==, "Tinggi");
  g_assert_cmpstr (pamong_framework_get_band_for_cents (framework, 299)->name, ==, "Sedang");
  g_assert_cmpstr (pamong_framework_get_band_for_cents (framework, 201)->name, ==, "Sedang");
  g_assert_cmpstr (pamong_framework_get_band_for_cents (framework, 200)->name, ==, "Rendah");
  g_assert_cmpstr (pamong_framework_get_band_for_cents (framework, 0)->name, ==, "Rendah");

  g_assert_finalize_object (g_steal_pointer (&framework));
}

static void
assert_file_refused (const char *name,
                     const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongFramework) framework = load_test_file (name, &error);

  g_assert_null (framework);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_FRAMEWORK);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);
  /* new_from_file names the file. */
  g_assert_nonnull (strstr (error->message, name));
}

static void
test_bad_files_refused (void)
{
  assert_file_refused ("bad-weights.json",
                       "domain 2, aspect 3: the indicator weights add up to 59.50, but the aspect’s weight is 60.00");
  assert_file_refused ("bad-scale.json", "indicator 103: the scale “layanan” does not exist");
  assert_file_refused ("bad-missing.json", "indicator 201: member “weight” is missing");
}

/* Edits of the small framework, each breaking one rule. */
typedef void (*MutateFunc) (JsonObject *root);

static JsonObject *
domain_at (JsonObject *root,
           guint       d)
{
  return json_array_get_object_element (json_object_get_array_member (root, "domains"), d);
}

static JsonObject *
aspect_at (JsonObject *root,
           guint       d,
           guint       a)
{
  return json_array_get_object_element (json_object_get_array_member (domain_at (root, d), "aspects"), a);
}

static JsonObject *
indicator_at (JsonObject *root,
              guint       d,
              guint       a,
              guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (aspect_at (root, d, a), "indicators"), i);
}

static void
mutate_domain_sum (JsonObject *root)
{
  json_object_set_double_member (domain_at (root, 0), "weight", 41.0);
}

static void
mutate_total (JsonObject *root)
{
  /* Consistent inside the domain, but the domains then add up to 99,50. */
  json_object_set_double_member (domain_at (root, 1), "weight", 59.5);
  json_object_set_double_member (aspect_at (root, 1, 0), "weight", 59.5);
  json_object_set_double_member (indicator_at (root, 1, 0, 0), "weight", 35.0);
}

static void
mutate_duplicate_number (JsonObject *root)
{
  json_object_set_int_member (indicator_at (root, 1, 0, 1), "number", 101);
}

static void
mutate_three_decimals (JsonObject *root)
{
  json_object_set_double_member (indicator_at (root, 0, 0, 0), "weight", 10.005);
}

static void
mutate_negative_weight (JsonObject *root)
{
  json_object_set_double_member (indicator_at (root, 0, 0, 0), "weight", -10.0);
}

static void
mutate_bands_unordered (JsonObject *root)
{
  JsonObject *band = json_array_get_object_element (json_object_get_array_member (root, "bands"), 1);

  json_object_set_double_member (band, "min", 3.5);
}

static void
mutate_open_band_not_last (JsonObject *root)
{
  JsonObject *band = json_array_get_object_element (json_object_get_array_member (root, "bands"), 1);

  json_object_set_null_member (band, "min");
}

static void
mutate_string_weight (JsonObject *root)
{
  json_object_set_string_member (domain_at (root, 0), "weight", "40");
}

static void
mutate_newer_format (JsonObject *root)
{
  json_object_set_int_member (root, "format", 2);
}

static void
mutate_no_indicators (JsonObject *root)
{
  json_object_set_array_member (aspect_at (root, 0, 1), "indicators", json_array_new ());
}

static void
mutate_levels_unordered (JsonObject *root)
{
  JsonObject *scale = json_array_get_object_element (json_object_get_array_member (root, "scales"), 0);
  JsonObject *level = json_array_get_object_element (json_object_get_array_member (scale, "levels"), 2);

  json_object_set_int_member (level, "value", 2);
}

static void
test_inconsistent_files_refused (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "spbe", "small-framework.json", NULL);
  static const struct {
    MutateFunc mutate;
    const char *message_part;
  } cases[] = {
    { mutate_domain_sum, "domain 1: the aspect weights add up to 40.00, but the domain’s weight is 41.00" },
    { mutate_total, "the domain weights add up to 99.50, not 100" },
    { mutate_duplicate_number, "indicator 101: the indicator number is used twice" },
    { mutate_three_decimals, "indicator 101: member “weight” must have at most two decimals" },
    { mutate_negative_weight, "indicator 101: the weight must be positive" },
    { mutate_bands_unordered, "band “Sedang”: bands must be listed from the highest" },
    { mutate_open_band_not_last, "band “Sedang”: only the last band may have no lower bound" },
    { mutate_string_weight, "domain 1: member “weight” must be a number" },
    { mutate_newer_format, "format 2" },
    { mutate_no_indicators, "domain 1, aspect 2: member “indicators” must be a non-empty list" },
    { mutate_levels_unordered, "level values must be ascending" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(PamongFramework) framework = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;
      gsize length;

      json_parser_load_from_file (parser, path, &error);
      g_assert_no_error (error);
      cases[i].mutate (json_node_get_object (json_parser_get_root (parser)));
      text = json_to_string (json_parser_get_root (parser), FALSE);
      length = strlen (text);
      bytes = g_bytes_new_take (g_steal_pointer (&text), length);

      framework = pamong_framework_new_from_bytes (bytes, &error);
      g_assert_null (framework);
      g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_FRAMEWORK);
      if (strstr (error->message, cases[i].message_part) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message_part);
    }
}

static void
test_not_json_refused (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{ \"format\": 1, ", 15);
  g_autoptr(GBytes) array = g_bytes_new_static ("[]", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongFramework) framework = pamong_framework_new_from_bytes (bytes, &error);

  g_assert_null (framework);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);

  framework = pamong_framework_new_from_bytes (array, &error);
  g_assert_null (framework);
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_FRAMEWORK);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/spbe/framework/default-has-4-domains-8-aspects-47-indicators", test_default_structure);
  g_test_add_func ("/pamong/spbe/framework/default-has-p59-weights-scales-and-names", test_default_weights_and_names);
  g_test_add_func ("/pamong/spbe/framework/default-has-the-five-predikat-bands", test_default_bands);
  g_test_add_func ("/pamong/spbe/framework/default-resource-is-the-committed-file", test_default_resource_matches_source);
  g_test_add_func ("/pamong/spbe/framework/second-framework-loads-without-code-changes", test_small_framework_loads);
  g_test_add_func ("/pamong/spbe/framework/malformed-files-are-refused-with-the-reason", test_bad_files_refused);
  g_test_add_func ("/pamong/spbe/framework/inconsistent-frameworks-are-refused", test_inconsistent_files_refused);
  g_test_add_func ("/pamong/spbe/framework/non-json-is-invalid-data", test_not_json_refused);

  return g_test_run ();
}
