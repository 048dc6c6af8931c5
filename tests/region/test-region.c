/* test-region.c — Blora's kecamatan and desa/kelurahan as shipped
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pamong-error.h"
#include "pamong-region.h"

/* spbe.md §3.2 (counted from Kemendagri codes): desa, kelurahan per kecamatan. */
static const struct {
  const char *code;
  const char *name;
  guint desa;
  guint kelurahan;
} expected_kecamatan[] = {
  { "33.16.01", "Jati", 12, 0 },
  { "33.16.02", "Randublatung", 16, 2 },
  { "33.16.03", "Kradenan", 10, 0 },
  { "33.16.04", "Kedungtuban", 17, 0 },
  { "33.16.05", "Cepu", 11, 6 },
  { "33.16.06", "Sambong", 10, 0 },
  { "33.16.07", "Jiken", 11, 0 },
  { "33.16.08", "Jepon", 24, 1 },
  { "33.16.09", "Blora", 16, 12 },
  { "33.16.10", "Tunjungan", 15, 0 },
  { "33.16.11", "Banjarejo", 20, 0 },
  { "33.16.12", "Ngawen", 27, 2 },
  { "33.16.13", "Kunduran", 25, 1 },
  { "33.16.14", "Todanan", 25, 0 },
  { "33.16.15", "Bogorejo", 14, 0 },
  { "33.16.16", "Japah", 18, 0 },
};

static const char *expected_kelurahan[] = {
  "Randublatung", "Wulung",
  "Tambakromo", "Balun", "Cepu", "Ngelo", "Karangboyo", "Ngroto",
  "Jepon",
  "Beran", "Bangkle", "Kedungjenar", "Mlangsen", "Jetis", "Tambahrejo",
  "Kauman", "Sonorejo", "Kunden", "Tempelan", "Tegalgunung", "Karangjati",
  "Punggursugih", "Ngawen",
  "Kunduran",
};

static void
test_region_blora_has_its_codes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongRegion) region = pamong_region_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (region);

  g_assert_cmpstr (pamong_region_get_province_code (region), ==, "33");
  g_assert_cmpstr (pamong_region_get_province_name (region), ==, "Jawa Tengah");
  g_assert_cmpstr (pamong_region_get_code (region), ==, "33.16");
  g_assert_cmpstr (pamong_region_get_name (region), ==, "Blora");
  g_assert_cmpstr (pamong_region_get_kind (region), ==, "Kabupaten");

  g_assert_finalize_object (g_steal_pointer (&region));
}

static void
test_region_blora_counts_match_the_reference (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongRegion) region = pamong_region_load_default (&error);
  guint total_kelurahan = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (pamong_region_get_n_kecamatan (region), ==, 16);
  g_assert_cmpuint (pamong_region_get_n_desa (region), ==, 295);
  g_assert_cmpuint (pamong_region_get_n_kelurahan (region), ==, 24);

  for (guint i = 0; i < G_N_ELEMENTS (expected_kecamatan); i++)
    {
      const PamongKecamatan *k = pamong_region_get_kecamatan (region, i);
      guint kelurahan = 0;

      g_assert_cmpstr (pamong_kecamatan_get_code (k), ==, expected_kecamatan[i].code);
      g_assert_cmpstr (pamong_kecamatan_get_name (k), ==, expected_kecamatan[i].name);
      g_assert_cmpstr (pamong_kecamatan_get_ibukota (k), !=, "");
      g_assert_cmpfloat (pamong_kecamatan_get_area (k), >, 40.0);
      g_assert_cmpuint (pamong_kecamatan_get_n_desa (k), ==,
                        expected_kecamatan[i].desa + expected_kecamatan[i].kelurahan);
      g_assert_cmpuint (pamong_kecamatan_get_n_kelurahan (k), ==, expected_kecamatan[i].kelurahan);

      for (guint j = 0; j < pamong_kecamatan_get_n_desa (k); j++)
        {
          const PamongDesa *d = pamong_kecamatan_get_desa (k, j);

          g_assert_true (pamong_desa_get_kecamatan (d) == k);
          g_assert_true (g_str_has_prefix (pamong_desa_get_code (d), pamong_kecamatan_get_code (k)));
          g_assert_true (pamong_region_lookup_desa (region, pamong_desa_get_code (d)) == d);
          if (pamong_desa_is_kelurahan (d))
            {
              kelurahan++;
              g_assert_true (g_strv_contains (expected_kelurahan, pamong_desa_get_name (d)));
              g_assert_cmpint (pamong_desa_get_code (d)[9], ==, '1');
            }
          else
            {
              g_assert_cmpint (pamong_desa_get_code (d)[9], ==, '2');
            }
        }
      g_assert_cmpuint (kelurahan, ==, expected_kecamatan[i].kelurahan);
      total_kelurahan += kelurahan;
    }
  g_assert_cmpuint (total_kelurahan, ==, G_N_ELEMENTS (expected_kelurahan));

  g_assert_finalize_object (g_steal_pointer (&region));
}

static void
test_region_lookup_finds_names_at_every_level (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongRegion) region = pamong_region_load_default (&error);
  const PamongKecamatan *cepu;
  const PamongDesa *beran;

  g_assert_no_error (error);

  cepu = pamong_region_lookup_kecamatan (region, "33.16.05");
  g_assert_nonnull (cepu);
  g_assert_cmpstr (pamong_kecamatan_get_name (cepu), ==, "Cepu");
  g_assert_cmpuint (pamong_kecamatan_get_n_kelurahan (cepu), ==, 6);

  beran = pamong_region_lookup_desa (region, "33.16.09.1006");
  g_assert_nonnull (beran);
  g_assert_cmpstr (pamong_desa_get_name (beran), ==, "Beran");
  g_assert_true (pamong_desa_is_kelurahan (beran));
  g_assert_cmpstr (pamong_kecamatan_get_name (pamong_desa_get_kecamatan (beran)), ==, "Blora");

  g_assert_cmpstr (pamong_region_lookup_name (region, "33"), ==, "Jawa Tengah");
  g_assert_cmpstr (pamong_region_lookup_name (region, "33.16"), ==, "Blora");
  g_assert_cmpstr (pamong_region_lookup_name (region, "33.16.16"), ==, "Japah");
  g_assert_cmpstr (pamong_region_lookup_name (region, "33.16.01.2001"), ==, "Bangkleyan");
  /* The source has this name in lower case; the data capitalises it. */
  g_assert_cmpstr (pamong_region_lookup_name (region, "33.16.13.2008"), ==, "Plosorejo");

  g_assert_null (pamong_region_lookup_kecamatan (region, "33.16.17"));
  g_assert_null (pamong_region_lookup_kecamatan (region, "33.16.09.1006"));
  g_assert_null (pamong_region_lookup_desa (region, "33.16.09.2006"));
  g_assert_null (pamong_region_lookup_desa (region, "33.16.09"));
  g_assert_null (pamong_region_lookup_name (region, "33.17"));
  g_assert_null (pamong_region_lookup_name (region, NULL));

  g_assert_finalize_object (g_steal_pointer (&region));
}

static void
test_region_refuses_inconsistent_data (void)
{
  static const char *bad[] = {
    "[]",
    "{\"code\": \"33.16\", \"name\": \"Blora\"}",
    "{\"code\": \"33.16\", \"name\": \"Blora\", \"province\": {\"code\": \"34\"},"
    " \"kecamatan\": [{\"code\": \"33.16.01\", \"name\": \"Jati\", \"desa\": []}]}",
    "{\"code\": \"33.16\", \"name\": \"Blora\", \"province\": {\"code\": \"33\"},"
    " \"kecamatan\": [{\"code\": \"33.17.01\", \"name\": \"Jati\", \"desa\": []}]}",
    "{\"code\": \"33.16\", \"name\": \"Blora\", \"province\": {\"code\": \"33\"},"
    " \"kecamatan\": [{\"code\": \"33.16.01\", \"name\": \"Jati\", \"desa\":"
    " [{\"code\": \"33.16.02.2001\", \"name\": \"Bangkleyan\"}]}]}",
    "{\"code\": \"33.16\", \"name\": \"Blora\", \"province\": {\"code\": \"33\"},"
    " \"kecamatan\": [{\"code\": \"33.16.01\", \"name\": \"Jati\", \"desa\":"
    " [{\"code\": \"33.16.01.2001\", \"name\": \"A\"}, {\"code\": \"33.16.01.2001\", \"name\": \"B\"}]}]}",
    "{ not json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(PamongRegion) region = pamong_region_new_from_bytes (bytes, &error);

      g_assert_null (region);
      g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/region/blora-has-its-codes", test_region_blora_has_its_codes);
  g_test_add_func ("/pamong/region/blora-counts-match-the-reference",
                   test_region_blora_counts_match_the_reference);
  g_test_add_func ("/pamong/region/lookup-finds-names-at-every-level",
                   test_region_lookup_finds_names_at_every_level);
  g_test_add_func ("/pamong/region/refuses-inconsistent-data", test_region_refuses_inconsistent_data);

  return g_test_run ();
}
