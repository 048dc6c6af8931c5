/* test-overlap.c — the overlap finder: similar applications, national fields
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-test"

#include "config.h"

#include <string.h>
#include <time.h>

#include "pamong-application.h"
#include "pamong-demo.h"
#include "pamong-overlap.h"
#include "pamong-unit.h"

static PamongApplication *
make_app (const char *unit,
          const char *name,
          const char *function,
          const char *services,
          const char *code)
{
  PamongApplication *app = pamong_application_new ();
  g_auto(GStrv) list = g_strsplit (services != NULL ? services : "", ";", -1);

  pamong_application_set_operator_unit (app, unit);
  pamong_application_set_name (app, name);
  pamong_application_set_function (app, function);
  if (services != NULL)
    pamong_application_set_supported_services (app, (const char * const *) list);
  pamong_application_set_reference_code (app, code);
  return app;
}

static const char *
field_id (int field)
{
  return field >= 0 ? pamong_overlap_get_national_fields (NULL)[field].id : "none";
}

static void
test_tokens (void)
{
  g_auto(GStrv) tokens = pamong_overlap_tokens ("Sistem Informasi Pengaduan Masyarakat (SIPEMAS) DPUPR — "
                                                "untuk jalan, jembatan dan drainase 2021 Ke");
  const char *expected[] = { "pengaduan", "masyarakat", "sipemas", "jalan", "jembatan", "drainase", NULL };

  /* Stop-words, unit words, numbers and words under three letters go;
   * case folds; each word once. */
  g_assert_cmpstrv (tokens, expected);

  g_clear_pointer (&tokens, g_strfreev);
  tokens = pamong_overlap_tokens ("ARSIP arsip Arsip");
  g_assert_cmpuint (g_strv_length (tokens), ==, 1);
  g_assert_cmpstr (tokens[0], ==, "arsip");

  g_clear_pointer (&tokens, g_strfreev);
  tokens = pamong_overlap_tokens (NULL);
  g_assert_cmpuint (g_strv_length (tokens), ==, 0);
}

static void
test_similarity (void)
{
  g_autoptr(PamongApplication) a = make_app ("u1", "Absensi Online Dinkes", "Presensi harian dan rekap kehadiran.",
                                             "Kehadiran pegawai", "02.02");
  g_autoptr(PamongApplication) b = make_app ("u2", "Absensi Online DPUPR", "Presensi harian dan rekap kehadiran.",
                                             "Kehadiran pegawai", "02.02");
  g_autoptr(PamongApplication) c = make_app ("u3", "SIJALI", "Inventarisasi ruas jalan dan survei kondisi.",
                                             "Pengelolaan jalan", "02.02");
  g_autoptr(PamongApplication) d = make_app ("u4", "Absensi Online Disdik", "Presensi harian dan rekap kehadiran.",
                                             "Kehadiran pegawai", "01.01");
  double ab, ac, ad;

  ab = pamong_overlap_similarity (a, b);
  ac = pamong_overlap_similarity (a, c);
  ad = pamong_overlap_similarity (a, d);

  /* Identical jobs: the Dice coefficient is 1 (capped with the code bonus). */
  g_assert_cmpfloat_with_epsilon (ab, 1.0, 1e-9);
  /* Nothing shared: 0, even with the same reference code. */
  g_assert_cmpfloat_with_epsilon (ac, 0.0, 1e-9);
  /* The same words, another code: the Dice coefficient alone. */
  g_assert_cmpfloat_with_epsilon (ad, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (pamong_overlap_similarity (a, b), pamong_overlap_similarity (b, a), 1e-12);

  /* Partial overlap: {absensi, presensi, harian, rekap, kehadiran, pegawai}
   * and {absensi, presensi, kehadiran, guru}: 2·3 / (6 + 4) = 0.6, plus
   * 0.1 for the same code. */
  {
    g_autoptr(PamongApplication) e = make_app ("u5", "Absensi Guru", "Presensi kehadiran.", NULL, "02.02");

    g_assert_cmpfloat_with_epsilon (pamong_overlap_similarity (a, e), 0.7, 1e-9);
    pamong_application_set_reference_code (e, "01.01");
    g_assert_cmpfloat_with_epsilon (pamong_overlap_similarity (a, e), 0.6, 1e-9);
  }
}

static void
test_national_fields (void)
{
  const PamongNationalField *fields;
  guint n;
  g_autoptr(PamongApplication) surat = make_app ("u1", "E-Surat Setda", "Pencatatan surat masuk, surat keluar dan disposisi.",
                                                 "Kearsipan dinamis", "02.02");
  g_autoptr(PamongApplication) srikandi = make_app ("u1", "SRIKANDI", "Naskah dinas elektronik.", "Kearsipan dinamis", "01.02");
  g_autoptr(PamongApplication) lapor = make_app ("u2", "Gardu Lapor Mas Arief", "Menerima pengaduan warga.",
                                                 "Pengaduan pelayanan publik", "02.02");
  g_autoptr(PamongApplication) simpeg = make_app ("u3", "SIMPEG Blora", "Pengelolaan data dan layanan kepegawaian.",
                                                  "Layanan kepegawaian", "02.02");
  g_autoptr(PamongApplication) sipd = make_app ("u4", "SIPD Perencanaan", "Penyusunan RPJMD, RKPD dan Renja.",
                                                "Perencanaan pembangunan daerah", "01.02");
  g_autoptr(PamongApplication) jalan = make_app ("u5", "SIJALI", "Inventarisasi ruas jalan dan survei kondisi.",
                                                 "Pengelolaan jalan", "02.02");
  g_autoptr(PamongApplication) laporan = make_app ("u5", "Laporan Harian", "Laporan kegiatan lapangan.", NULL, NULL);
  g_autoptr(PamongApplication) website = make_app ("u6", "Website Badan Perencanaan Pembangunan Daerah",
                                                   "Publikasi profil dan berita.", "Informasi publik", "01.01");

  fields = pamong_overlap_get_national_fields (&n);
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpstr (fields[0].name, ==, "Perencanaan");
  g_assert_cmpstr (fields[7].name, ==, "Pengaduan pelayanan publik");
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (fields[i].keywords[0]);
      g_assert_nonnull (fields[i].national_apps);
    }

  g_assert_cmpstr (field_id (pamong_overlap_find_national_field (surat)), ==, "kearsipan");
  g_assert_cmpstr (fields[pamong_overlap_find_national_field (surat)].national_apps[0], ==, "SRIKANDI");
  g_assert_cmpstr (field_id (pamong_overlap_find_national_field (lapor)), ==, "pengaduan");
  g_assert_cmpstr (field_id (pamong_overlap_find_national_field (simpeg)), ==, "kepegawaian");
  g_assert_cmpstr (field_id (pamong_overlap_find_national_field (sipd)), ==, "perencanaan");
  g_assert_cmpstr (field_id (pamong_overlap_find_national_field (jalan)), ==, "none");
  /* Whole words only: "laporan" is not "lapor". */
  g_assert_cmpstr (field_id (pamong_overlap_find_national_field (laporan)), ==, "none");
  /* The name says whose it is, the function what it does. */
  g_assert_cmpstr (field_id (pamong_overlap_find_national_field (website)), ==, "none");

  /* The national applications are recognised by name, a module too. */
  g_assert_true (pamong_overlap_is_national_app (srikandi, -1));
  g_assert_true (pamong_overlap_is_national_app (srikandi, pamong_overlap_find_national_field (surat)));
  g_assert_false (pamong_overlap_is_national_app (srikandi, 0));
  g_assert_true (pamong_overlap_is_national_app (sipd, 0));
  g_assert_false (pamong_overlap_is_national_app (surat, -1));
  g_assert_false (pamong_overlap_is_national_app (simpeg, -1));
}

static GPtrArray *
demo_applications (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *apps = g_ptr_array_new_with_free_func (g_object_unref);
  PamongDemoOptions options;

  pamong_demo_options_init (&options);
  records = pamong_demo_generate_records (&options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    if (PAMONG_IS_APPLICATION (g_ptr_array_index (records, i)))
      g_ptr_array_add (apps, g_object_ref (g_ptr_array_index (records, i)));
  g_assert_cmpuint (apps->len, >, 100);
  return apps;
}

static PamongOverlapGroup *
group_of (GPtrArray         *groups,
          PamongOverlapKind  kind,
          const char        *name)
{
  for (guint i = 0; i < groups->len; i++)
    {
      PamongOverlapGroup *group = g_ptr_array_index (groups, i);

      if (group->kind != kind)
        continue;
      for (guint j = 0; j < group->applications->len; j++)
        if (g_strcmp0 (pamong_application_get_name (g_ptr_array_index (group->applications, j)), name) == 0)
          return group;
    }
  return NULL;
}

static void
test_demo_groups (void)
{
  g_autoptr(GPtrArray) apps = demo_applications ();
  g_autoptr(GPtrArray) groups = pamong_overlap_find (apps, PAMONG_OVERLAP_DEFAULT_THRESHOLD);
  PamongOverlapGroup *group, *other;
  guint n_similar = 0;
  int previous_field = -1;

  for (guint i = 0; i < groups->len; i++)
    {
      GString *line = g_string_new (NULL);

      group = g_ptr_array_index (groups, i);
      g_string_append_printf (line, "%s %.2f:", group->kind == PAMONG_OVERLAP_NATIONAL
                              ? field_id (group->national_field) : "similar", group->score);
      for (guint j = 0; j < group->applications->len; j++)
        g_string_append_printf (line, " [%s]", pamong_application_get_name (g_ptr_array_index (group->applications, j)));
      g_test_message ("%s", line->str);
      g_string_free (line, TRUE);

      if (group->kind == PAMONG_OVERLAP_NATIONAL)
        {
          /* A field with no national application designated yet can hold
           * a single local application. */
          g_assert_cmpuint (group->applications->len, >=, 1);
          /* National groups first, in the regulation's order, once each. */
          g_assert_cmpuint (n_similar, ==, 0);
          g_assert_cmpint (group->national_field, >, previous_field);
          previous_field = group->national_field;
        }
      else
        {
          GHashTable *units = g_hash_table_new (g_str_hash, g_str_equal);

          n_similar++;
          g_assert_cmpuint (group->applications->len, >=, 2);
          g_assert_cmpint (group->national_field, ==, -1);
          g_assert_cmpfloat (group->score, >=, PAMONG_OVERLAP_DEFAULT_THRESHOLD);
          /* Across units. */
          for (guint j = 0; j < group->applications->len; j++)
            g_hash_table_add (units, (gpointer) pamong_application_get_operator_unit (g_ptr_array_index (group->applications, j)));
          g_assert_cmpuint (g_hash_table_size (units), >=, 2);
          g_hash_table_unref (units);
        }
    }

  /* The local archive applications duplicate SRIKANDI's field, and SRIKANDI
   * is in the group to integrate into. */
  group = group_of (groups, PAMONG_OVERLAP_NATIONAL, "E-Surat Setda");
  g_assert_nonnull (group);
  g_assert_cmpstr (field_id (group->national_field), ==, "kearsipan");
  g_assert_true (group_of (groups, PAMONG_OVERLAP_NATIONAL, "e-Office Bappeda") == group);
  g_assert_true (group_of (groups, PAMONG_OVERLAP_NATIONAL, "SIMARSIP Dinkes") == group);
  g_assert_true (group_of (groups, PAMONG_OVERLAP_NATIONAL, "SRIKANDI") == group);
  g_assert_true (group_of (groups, PAMONG_OVERLAP_NATIONAL, "Arsip Surat Kecamatan Blora") == group);
  /* SRIKANDI's own siblings of other fields are not in it. */
  g_assert_null (group_of (groups, PAMONG_OVERLAP_NATIONAL, "SIJALI (Sistem Informasi Jalan dan Jembatan)"));

  /* Local complaint channels duplicate SP4N-LAPOR!. */
  group = group_of (groups, PAMONG_OVERLAP_NATIONAL, "Gardu Lapor Mas Arief");
  g_assert_nonnull (group);
  g_assert_cmpstr (field_id (group->national_field), ==, "pengaduan");
  g_assert_true (group_of (groups, PAMONG_OVERLAP_NATIONAL, "Pengaduan Pasien RSUD") == group);
  g_assert_true (group_of (groups, PAMONG_OVERLAP_NATIONAL, "SP4N-LAPOR!") == group);

  /* The local SIMPEG duplicates SIASN's field. */
  group = group_of (groups, PAMONG_OVERLAP_NATIONAL, "SIMPEG Blora");
  g_assert_nonnull (group);
  g_assert_cmpstr (field_id (group->national_field), ==, "kepegawaian");

  /* Similar applications of different units: the complaint apps … */
  group = group_of (groups, PAMONG_OVERLAP_SIMILAR, "Sistem Informasi Pengaduan Masyarakat (SIPEMAS)");
  g_assert_nonnull (group);
  g_assert_true (group_of (groups, PAMONG_OVERLAP_SIMILAR, "Sistem Informasi Pengaduan Masyarakat (SIPEMAS) DPUPR") == group);
  g_assert_true (group_of (groups, PAMONG_OVERLAP_SIMILAR, "Sistem Informasi Pengaduan Masyarakat (SIPEMAS) Dukcapil") == group);

  /* … each unit's attendance app … */
  group = group_of (groups, PAMONG_OVERLAP_SIMILAR, "Absensi Online Dinkes");
  g_assert_nonnull (group);
  g_assert_true (group_of (groups, PAMONG_OVERLAP_SIMILAR, "Absensi Online DPUPR") == group);
  g_assert_true (group_of (groups, PAMONG_OVERLAP_SIMILAR, "Absensi Pegawai RSUD") == group);

  /* … and the same archive app in every kecamatan. */
  group = group_of (groups, PAMONG_OVERLAP_SIMILAR, "Arsip Surat Kecamatan Blora");
  g_assert_nonnull (group);
  g_assert_cmpuint (group->applications->len, >=, 16);

  /* Unrelated applications are not grouped with each other. */
  group = group_of (groups, PAMONG_OVERLAP_SIMILAR, "SIJALI (Sistem Informasi Jalan dan Jembatan)");
  other = group_of (groups, PAMONG_OVERLAP_SIMILAR, "SI Bank Sampah");
  g_assert_true (group == NULL || group != other);
  g_assert_null (group_of (groups, PAMONG_OVERLAP_SIMILAR, "SIPETANI Blora"));
  g_assert_null (group_of (groups, PAMONG_OVERLAP_SIMILAR, "Satu Data Blora"));
  g_assert_null (group_of (groups, PAMONG_OVERLAP_SIMILAR, "PPDB Online Blora"));
  g_assert_null (group_of (groups, PAMONG_OVERLAP_SIMILAR, "Whistleblowing System Blora"));
  other = group_of (groups, PAMONG_OVERLAP_SIMILAR, "Absensi Online Dinkes");
  g_assert_true (group_of (groups, PAMONG_OVERLAP_SIMILAR, "Arsip Surat Kecamatan Blora") != other);
}

static void
test_same_unit_and_deleted (void)
{
  g_autoptr(GPtrArray) apps = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) groups = NULL;

  /* Two identical apps of one unit are that unit's business, not an overlap
   * across units; a deleted record is not in the inventory. */
  g_ptr_array_add (apps, make_app ("u1", "Bank Sampah", "Setoran sampah nasabah.", NULL, NULL));
  g_ptr_array_add (apps, make_app ("u1", "Bank Sampah Dua", "Setoran sampah nasabah.", NULL, NULL));
  g_ptr_array_add (apps, make_app ("u2", "Bank Sampah Tiga", "Setoran sampah nasabah.", NULL, NULL));
  pamong_record_set_deleted (g_ptr_array_index (apps, 2), TRUE);
  groups = pamong_overlap_find (apps, PAMONG_OVERLAP_DEFAULT_THRESHOLD);
  g_assert_cmpuint (groups->len, ==, 0);
  g_clear_pointer (&groups, g_ptr_array_unref);

  pamong_record_set_deleted (g_ptr_array_index (apps, 2), FALSE);
  groups = pamong_overlap_find (apps, PAMONG_OVERLAP_DEFAULT_THRESHOLD);
  g_assert_cmpuint (groups->len, ==, 1);
  /* Joined through the third, all three are one group. */
  g_assert_cmpuint (((PamongOverlapGroup *) g_ptr_array_index (groups, 0))->applications->len, ==, 3);
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* A threshold above every pair's score groups nothing. */
  groups = pamong_overlap_find (apps, 1.01);
  g_assert_cmpuint (groups->len, ==, 0);
}

static guint
naive_find (guint *parent,
            guint  i)
{
  while (parent[i] != i)
    i = parent[i];
  return i;
}

/* The finder compares distinct jobs, not every pair: it must find exactly
 * the groups comparing every pair of different units would. */
static void
test_same_groups_as_every_pair (void)
{
  g_autoptr(GPtrArray) apps = demo_applications ();
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GHashTable) group_of_app = g_hash_table_new (NULL, NULL);
  g_autofree guint *parent = NULL;
  g_autofree gboolean *joined = NULL;
  guint n;

  /* Some extra shapes: a same-unit copy, a copy with another code. */
  g_ptr_array_add (apps, make_app (pamong_application_get_operator_unit (g_ptr_array_index (apps, 20)),
                                   pamong_application_get_name (g_ptr_array_index (apps, 20)),
                                   pamong_application_get_function (g_ptr_array_index (apps, 20)),
                                   NULL, "09.09"));
  n = apps->len;
  parent = g_new (guint, n);
  joined = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        PamongApplication *a = g_ptr_array_index (apps, i);
        PamongApplication *b = g_ptr_array_index (apps, j);

        if (g_strcmp0 (pamong_application_get_operator_unit (a), pamong_application_get_operator_unit (b)) == 0 ||
            pamong_overlap_similarity (a, b) < PAMONG_OVERLAP_DEFAULT_THRESHOLD)
          continue;
        joined[i] = joined[j] = TRUE;
        parent[naive_find (parent, i)] = naive_find (parent, j);
      }

  groups = pamong_overlap_find (apps, PAMONG_OVERLAP_DEFAULT_THRESHOLD);
  for (guint g = 0; g < groups->len; g++)
    {
      PamongOverlapGroup *group = g_ptr_array_index (groups, g);

      if (group->kind != PAMONG_OVERLAP_SIMILAR)
        continue;
      for (guint k = 0; k < group->applications->len; k++)
        g_hash_table_insert (group_of_app, g_ptr_array_index (group->applications, k), GUINT_TO_POINTER (g + 1));
    }

  for (guint i = 0; i < n; i++)
    {
      guint gi = GPOINTER_TO_UINT (g_hash_table_lookup (group_of_app, g_ptr_array_index (apps, i)));

      g_assert_cmpint (gi != 0, ==, joined[i]);
      for (guint j = i + 1; j < n && joined[i]; j++)
        {
          guint gj = GPOINTER_TO_UINT (g_hash_table_lookup (group_of_app, g_ptr_array_index (apps, j)));

          if (joined[j])
            g_assert_cmpint (gi == gj, ==, naive_find (parent, i) == naive_find (parent, j));
        }
    }
}

/* -m perf: the benchmark inventory (27,000 applications). */
static void
test_benchmark_inventory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) apps = g_ptr_array_new ();
  g_autoptr(GPtrArray) groups = NULL;
  PamongDemoOptions options;
  gint64 start;
  clock_t cpu_start;
  double seconds, cpu;

  if (!g_test_perf ())
    {
      g_test_skip ("a benchmark: run with -m perf");
      return;
    }
  pamong_demo_options_init (&options);
  options.size = PAMONG_DEMO_SIZE_BENCHMARK;
  records = pamong_demo_generate_records (&options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    if (PAMONG_IS_APPLICATION (g_ptr_array_index (records, i)))
      g_ptr_array_add (apps, g_ptr_array_index (records, i));

  start = g_get_monotonic_time ();
  cpu_start = clock ();
  groups = pamong_overlap_find (apps, PAMONG_OVERLAP_DEFAULT_THRESHOLD);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  cpu = (clock () - cpu_start) / (double) CLOCKS_PER_SEC;
  /* CPU time too: on a shared machine the wall clock says little. */
  g_test_minimized_result (seconds, "overlap finder: %u applications, %u groups, %.2f s (%.2f s CPU)",
                           apps->len, groups->len, seconds, cpu);
  g_print ("# overlap finder: %u applications, %u groups, %.2f s (%.2f s CPU)\n",
           apps->len, groups->len, seconds, cpu);
  g_assert_cmpuint (groups->len, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/overlap/tokens-drop-stop-words-and-unit-words", test_tokens);
  g_test_add_func ("/pamong/overlap/similarity-is-dice-plus-reference-code", test_similarity);
  g_test_add_func ("/pamong/overlap/national-fields-by-phrase-and-name", test_national_fields);
  g_test_add_func ("/pamong/overlap/demo-duplicates-grouped-unrelated-not", test_demo_groups);
  g_test_add_func ("/pamong/overlap/same-unit-and-deleted-not-grouped", test_same_unit_and_deleted);
  g_test_add_func ("/pamong/overlap/same-groups-as-comparing-every-pair", test_same_groups_as_every_pair);
  g_test_add_func ("/pamong/overlap/benchmark-inventory", test_benchmark_inventory);

  return g_test_run ();
}
