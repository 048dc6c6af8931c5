/* pamong-overlap.c — applications that probably do the same job
 *
 * Two questions a Dinkominfo asks of its inventory:
 *
 * 1. Which applications of different units do the same job? Each
 *    application becomes a set of words: its name, its function and the
 *    services it supports, case-folded, split at anything that is not a
 *    letter or digit, without Indonesian function words ("dan", "untuk"…),
 *    without words every inventory row has ("sistem", "informasi",
 *    "aplikasi", "online"…) and without the words that only say whose it is
 *    ("dinas", "kecamatan", "blora"…). Two applications are as similar as the
 *    Sørensen–Dice coefficient of their sets, 2|A∩B| / (|A| + |B|), plus 0.1
 *    when both carry the same SPBE reference-model code (a weak signal on
 *    its own: most local applications are "02.02"). Dice rather than
 *    Jaccard because the sets are small and of unequal size: a short name
 *    that is wholly inside a longer description still scores well. Pairs of
 *    different units at or above the threshold (0.5 by default) are joined,
 *    and the connected components with two or more members are the groups.
 *
 * 2. Which local applications work in one of the eight fields Perpres
 *    95/2018 Pasal 63 reserves for national Aplikasi Umum? The table below
 *    (data, not code) gives each field its national applications and the
 *    words and phrases that place an application in it when its function or
 *    supported services use them (whole words); the field with the most
 *    matching phrases wins. The national applications themselves are
 *    recognised by name and are not flagged.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-overlap"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pamong-overlap.h"

/* Perpres 95/2018 Pasal 63 and reference/spbe.md §2.2. Only SRIKANDI has a
 * decree (KepmenPANRB 679/2020); SP4N-LAPOR!, SPSE and SIASN are listed as
 * Aplikasi Umum by third parties; SIPD's status is unresolved but it is the
 * system regencies must plan and budget in. No national application is
 * designated for akuntabilitas kinerja and pemantauan dan evaluasi yet. */
static const char * const perencanaan_apps[] = { "SIPD", NULL };
static const char * const perencanaan_words[] = {
  "perencanaan", "rkpd", "renja", "rpjmd", "musrenbang", NULL };
static const char * const penganggaran_apps[] = { "SIPD", NULL };
static const char * const penganggaran_words[] = {
  "penganggaran", "anggaran", "apbd", "rka", "dpa", NULL };
static const char * const pengadaan_apps[] = { "SPSE", "SiRUP", NULL };
static const char * const pengadaan_words[] = {
  "pengadaan", "pengadaan barang", "tender", "lelang", "e katalog", "rencana umum pengadaan", NULL };
static const char * const akuntabilitas_apps[] = { NULL };
static const char * const akuntabilitas_words[] = {
  "akuntabilitas kinerja", "sakip", "e sakip", "lkjip", "perjanjian kinerja", NULL };
static const char * const monev_apps[] = { NULL };
static const char * const monev_words[] = {
  "pemantauan dan evaluasi", "monev", "simonev", "monitoring dan evaluasi", NULL };
static const char * const kearsipan_apps[] = { "SRIKANDI", NULL };
static const char * const kearsipan_words[] = {
  "kearsipan", "arsip", "naskah dinas", "tata naskah", "surat masuk", "persuratan",
  "e surat", "e office", NULL };
static const char * const kepegawaian_apps[] = { "SIASN", "e-Kinerja BKN", NULL };
static const char * const kepegawaian_words[] = {
  "kepegawaian", "simpeg", "kinerja pegawai", "skp", "cuti pegawai", NULL };
static const char * const pengaduan_apps[] = { "SP4N-LAPOR!", NULL };
static const char * const pengaduan_words[] = {
  "pengaduan", "aduan", "aspirasi", "lapor", "keluhan", NULL };

static const PamongNationalField national_fields[] = {
  { "perencanaan", "Perencanaan", perencanaan_apps, perencanaan_words },
  { "penganggaran", "Penganggaran", penganggaran_apps, penganggaran_words },
  { "pengadaan", "Pengadaan barang dan jasa pemerintah", pengadaan_apps, pengadaan_words },
  { "akuntabilitas-kinerja", "Akuntabilitas kinerja", akuntabilitas_apps, akuntabilitas_words },
  { "pemantauan-evaluasi", "Pemantauan dan evaluasi", monev_apps, monev_words },
  { "kearsipan", "Kearsipan", kearsipan_apps, kearsipan_words },
  { "kepegawaian", "Kepegawaian", kepegawaian_apps, kepegawaian_words },
  { "pengaduan", "Pengaduan pelayanan publik", pengaduan_apps, pengaduan_words },
};

/* Words that say nothing about an application's job. */
static const char * const stop_words[] = {
  /* Indonesian function words */
  "dan", "yang", "di", "ke", "dari", "untuk", "dengan", "atau", "pada", "oleh",
  "serta", "secara", "dalam", "bagi", "ini", "itu", "para", "sebagai", "tentang",
  "melalui", "setiap", "seluruh", "antar", "bila", "sesuai", "tiap", "per",
  /* what every inventory row says */
  "sistem", "informasi", "aplikasi", "online", "daring", "elektronik", "digital",
  "terpadu", "terintegrasi", "berbasis", "manajemen", "pengelolaan", "sim", "si",
  "web", "mobile", "android", "portal", "lokal", "baru",
  /* whose it is */
  "pemerintah", "pemkab", "kabupaten", "kab", "blora", "daerah", "dinas", "badan",
  "kantor", "kecamatan", "bagian", "sekretariat", "setda", "opd", "perangkat",
  "rsud", "dinkes", "disdik", "dpupr", "dukcapil", "bappeda",
  NULL };

static GHashTable *
stop_word_set (void)
{
  static gsize initialised = 0;
  static GHashTable *set = NULL;

  if (g_once_init_enter (&initialised))
    {
      set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; stop_words[i] != NULL; i++)
        g_hash_table_add (set, (gpointer) stop_words[i]);
      g_once_init_leave (&initialised, 1);
    }
  return set;
}

/* Case-folded words of @text in order, stop-words included. */
static char **
split_words (const char *text)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autofree char *folded = NULL;
  GString *word = g_string_new (NULL);

  if (text == NULL)
    text = "";
  folded = g_utf8_casefold (text, -1);
  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  g_ptr_array_add (words, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

/**
 * pamong_overlap_tokens:
 * @text: (nullable): any text
 *
 * The words the similarity compares: case-folded, without stop-words,
 * without words shorter than three characters and without numbers; each
 * word once, in order of first appearance.
 *
 * Returns: (transfer full): a %NULL-terminated array
 */
char **
pamong_overlap_tokens (const char *text)
{
  g_auto(GStrv) words = split_words (text);
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *stops = stop_word_set ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      gboolean digits = TRUE;

      for (const char *p = w; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          digits = FALSE;
      if (digits || g_utf8_strlen (w, -1) < 3 ||
          g_hash_table_contains (stops, w) || g_hash_table_contains (seen, w))
        continue;
      g_hash_table_add (seen, (gpointer) w);
      g_ptr_array_add (out, g_strdup (w));
    }
  g_ptr_array_add (out, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

/* The text an application's job is read from. */
static char *
job_text (PamongApplication *app)
{
  const char * const *services = pamong_application_get_supported_services (app);
  GString *text = g_string_new (NULL);

  g_string_append (text, pamong_application_get_name (app) != NULL ? pamong_application_get_name (app) : "");
  g_string_append_c (text, '\n');
  if (pamong_application_get_function (app) != NULL)
    g_string_append (text, pamong_application_get_function (app));
  for (guint i = 0; services != NULL && services[i] != NULL; i++)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, services[i]);
    }
  return g_string_free (text, FALSE);
}

/* Sorted, distinct quarks of the application's tokens. */
static GArray *
token_quarks (PamongApplication *app)
{
  g_autofree char *text = job_text (app);
  g_auto(GStrv) tokens = pamong_overlap_tokens (text);
  GArray *quarks = g_array_new (FALSE, FALSE, sizeof (GQuark));

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      GQuark q = g_quark_from_string (tokens[i]);

      g_array_append_val (quarks, q);
    }
  return quarks;
}

static int
compare_quarks (gconstpointer a,
                gconstpointer b)
{
  GQuark qa = *(const GQuark *) a;
  GQuark qb = *(const GQuark *) b;

  return qa < qb ? -1 : qa > qb ? 1 : 0;
}

static GArray *
sorted_token_quarks (PamongApplication *app)
{
  GArray *quarks = token_quarks (app);

  g_array_sort (quarks, compare_quarks);
  return quarks;
}

static gboolean
same_reference_code (PamongApplication *a,
                     PamongApplication *b)
{
  const char *ca = pamong_application_get_reference_code (a);
  const char *cb = pamong_application_get_reference_code (b);

  return ca != NULL && *ca != '\0' && g_strcmp0 (ca, cb) == 0;
}

#define REFERENCE_CODE_BONUS 0.1

static double
dice (GArray *a,
      GArray *b)
{
  guint i = 0, j = 0, shared = 0;

  if (a->len + b->len == 0)
    return 0.0;
  while (i < a->len && j < b->len)
    {
      GQuark qa = g_array_index (a, GQuark, i);
      GQuark qb = g_array_index (b, GQuark, j);

      if (qa == qb)
        {
          shared++;
          i++;
          j++;
        }
      else if (qa < qb)
        i++;
      else
        j++;
    }
  return 2.0 * shared / (double) (a->len + b->len);
}

static double
score_pair (PamongApplication *a,
            GArray            *ta,
            PamongApplication *b,
            GArray            *tb)
{
  double score = dice (ta, tb);

  /* The code alone groups nothing: it only tips a near pair over. */
  if (score > 0.0 && same_reference_code (a, b))
    score += REFERENCE_CODE_BONUS;
  return MIN (score, 1.0);
}

/**
 * pamong_overlap_similarity:
 *
 * Returns: how alike the jobs of @a and @b read, 0 (nothing shared) to 1
 */
double
pamong_overlap_similarity (PamongApplication *a,
                           PamongApplication *b)
{
  g_autoptr(GArray) ta = NULL;
  g_autoptr(GArray) tb = NULL;

  g_return_val_if_fail (PAMONG_IS_APPLICATION (a), 0.0);
  g_return_val_if_fail (PAMONG_IS_APPLICATION (b), 0.0);

  ta = sorted_token_quarks (a);
  tb = sorted_token_quarks (b);
  return score_pair (a, ta, b, tb);
}

/* National fields */

/**
 * pamong_overlap_get_national_fields:
 *
 * Returns: (array length=n_fields) (transfer none): the eight fields of
 * Perpres 95/2018 Pasal 63, in the regulation's order
 */
const PamongNationalField *
pamong_overlap_get_national_fields (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = G_N_ELEMENTS (national_fields);
  return national_fields;
}

/* @folded: a case-folded application name */
static gboolean
name_is (const char *folded,
         const char *national)
{
  g_autofree char *b = g_utf8_casefold (national, -1);
  size_t len = strlen (b);

  /* "SIPD Perencanaan" is SIPD; "SIPD Lokal" would be too, which is why
   * the demo's local planning app spells its name out. */
  return strcmp (folded, b) == 0 || (strncmp (folded, b, len) == 0 && folded[len] == ' ');
}

/* A bit per national field @app is a national application of. */
static guint
national_mask (PamongApplication *app)
{
  g_autofree char *folded = NULL;
  guint mask = 0;

  if (pamong_application_get_name (app) == NULL)
    return 0;
  folded = g_utf8_casefold (pamong_application_get_name (app), -1);
  for (guint f = 0; f < G_N_ELEMENTS (national_fields); f++)
    for (guint i = 0; national_fields[f].national_apps[i] != NULL; i++)
      if (name_is (folded, national_fields[f].national_apps[i]))
        mask |= 1u << f;
  return mask;
}

/**
 * pamong_overlap_is_national_app:
 * @field: an index in pamong_overlap_get_national_fields(), or -1 for any
 *
 * Returns: whether @app is a national Aplikasi Umum of @field
 */
gboolean
pamong_overlap_is_national_app (PamongApplication *app,
                                int                field)
{
  guint mask;

  g_return_val_if_fail (PAMONG_IS_APPLICATION (app), FALSE);
  g_return_val_if_fail (field < (int) G_N_ELEMENTS (national_fields), FALSE);

  mask = national_mask (app);
  return field < 0 ? mask != 0 : (mask & (1u << field)) != 0;
}

static guint
count_phrase (const char *haystack,
              const char *phrase)
{
  g_autofree char *needle = g_strdup_printf (" %s ", phrase);
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/**
 * pamong_overlap_find_national_field:
 *
 * Returns: the index of the national field @app works in (its function or
 * its services name the field), or -1. National applications themselves
 * are in their field too; see pamong_overlap_is_national_app().
 */
int
pamong_overlap_find_national_field (PamongApplication *app)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *padded = NULL;
  int best = -1;
  guint best_hits = 0;

  g_return_val_if_fail (PAMONG_IS_APPLICATION (app), -1);

  /* Not the name: "Website Badan Perencanaan …" names its unit, not its
   * job. */
  text = g_strjoin ("\n", pamong_application_get_function (app) != NULL ? pamong_application_get_function (app) : "",
                    NULL);
  if (pamong_application_get_supported_services (app) != NULL)
    {
      g_autofree char *services = g_strjoinv ("\n", (GStrv) pamong_application_get_supported_services (app));
      char *both = g_strconcat (text, "\n", services, NULL);

      g_free (text);
      text = both;
    }
  words = split_words (text);
  joined = g_strjoinv (" ", words);
  padded = g_strdup_printf (" %s ", joined);

  for (guint f = 0; f < G_N_ELEMENTS (national_fields); f++)
    {
      guint hits = 0;

      for (guint k = 0; national_fields[f].keywords[k] != NULL; k++)
        hits += count_phrase (padded, national_fields[f].keywords[k]);
      if (hits > best_hits)
        {
          best = (int) f;
          best_hits = hits;
        }
    }
  return best;
}

/* Finding groups */

static guint
uf_find (guint *parent,
         guint  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

static void
uf_union (guint *parent,
          guint  a,
          guint  b)
{
  guint ra = uf_find (parent, a);
  guint rb = uf_find (parent, b);

  if (ra != rb)
    parent[MAX (ra, rb)] = MIN (ra, rb);
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  PamongApplication *x = *(PamongApplication * const *) a;
  PamongApplication *y = *(PamongApplication * const *) b;
  int c = g_utf8_collate (pamong_application_get_name (x) != NULL ? pamong_application_get_name (x) : "",
                          pamong_application_get_name (y) != NULL ? pamong_application_get_name (y) : "");

  return c != 0 ? c : g_strcmp0 (pamong_record_get_uuid (PAMONG_RECORD (x)),
                                 pamong_record_get_uuid (PAMONG_RECORD (y)));
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const PamongOverlapGroup *x = *(PamongOverlapGroup * const *) a;
  const PamongOverlapGroup *y = *(PamongOverlapGroup * const *) b;

  /* National fields first, in the regulation's order; then the largest
   * groups, then the closest. */
  if (x->kind != y->kind)
    return x->kind == PAMONG_OVERLAP_NATIONAL ? -1 : 1;
  if (x->kind == PAMONG_OVERLAP_NATIONAL)
    return x->national_field - y->national_field;
  if (x->applications->len != y->applications->len)
    return x->applications->len > y->applications->len ? -1 : 1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return compare_by_name (&g_ptr_array_index (x->applications, 0),
                          &g_ptr_array_index (y->applications, 0));
}

/* Applications with the same words and reference code. */
typedef struct
{
  guint       index;
  GArray     *tokens;    /* sorted GQuark */
  GArray     *prefix;    /* the rarest words, for the index */
  GArray     *members;   /* guint: indices in the inventory */
  GQuark      code;      /* the reference-model code, 0 for none */
  GQuark      unit;      /* the members' operator unit … */
  gboolean    many_units;  /* … unless they have several */
} JobClass;

static void
job_class_free (JobClass *job)
{
  g_array_unref (job->tokens);
  g_clear_pointer (&job->prefix, g_array_unref);
  g_array_unref (job->members);
  g_free (job);
}

/* For sorting words rarest first; set while pamong_overlap_find() sorts. */
static GHashTable *word_frequency;

static int
compare_by_frequency (gconstpointer a,
                      gconstpointer b)
{
  GQuark qa = *(const GQuark *) a;
  GQuark qb = *(const GQuark *) b;
  guint fa = GPOINTER_TO_UINT (g_hash_table_lookup (word_frequency, GUINT_TO_POINTER (qa)));
  guint fb = GPOINTER_TO_UINT (g_hash_table_lookup (word_frequency, GUINT_TO_POINTER (qb)));

  if (fa != fb)
    return fa < fb ? -1 : 1;
  return qa < qb ? -1 : qa > qb ? 1 : 0;
}

static gboolean
span_two_units (JobClass *a,
                JobClass *b)
{
  return a->many_units || b->many_units || a->unit != b->unit;
}

/* score_pair() for classes: their words and their codes. */
static double
score_classes (JobClass *a,
               JobClass *b)
{
  double score = dice (a->tokens, b->tokens);

  if (score > 0.0 && a->code != 0 && a->code == b->code)
    score += REFERENCE_CODE_BONUS;
  return MIN (score, 1.0);
}

static void
join_classes (guint    *parent,
              double   *best,
              JobClass *a,
              JobClass *b,
              double    score)
{
  guint first = g_array_index (a->members, guint, 0);

  for (guint pass = 0; pass < 2; pass++)
    {
      JobClass *job = pass == 0 ? a : b;

      for (guint m = 0; m < job->members->len; m++)
        {
          guint i = g_array_index (job->members, guint, m);

          uf_union (parent, first, i);
          best[i] = MAX (best[i], score);
        }
    }
}

static PamongOverlapGroup *
group_new (PamongOverlapKind kind,
           int               national_field)
{
  PamongOverlapGroup *group = g_new0 (PamongOverlapGroup, 1);

  group->kind = kind;
  group->national_field = national_field;
  group->applications = g_ptr_array_new_with_free_func (g_object_unref);
  return group;
}

void
pamong_overlap_group_free (PamongOverlapGroup *group)
{
  if (group == NULL)
    return;
  g_ptr_array_unref (group->applications);
  g_free (group);
}

/**
 * pamong_overlap_find:
 * @applications: (element-type PamongApplication): the inventory (deleted
 *   records are skipped)
 * @threshold: the similarity from which two applications of different
 *   units count as doing the same job; see %PAMONG_OVERLAP_DEFAULT_THRESHOLD
 *
 * Only distinct jobs (words and code) are compared, and only when they
 * share a word (an inverted index): the benchmark inventory of 27,000
 * applications has a few thousand distinct jobs.
 *
 * Returns: (transfer full) (element-type PamongOverlapGroup): the groups:
 * one per national field that has local applications in it (with the
 * national applications the inventory holds), then the groups of similar
 * applications of different units, largest first
 */
GPtrArray *
pamong_overlap_find (GPtrArray *applications,
                     double     threshold)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) pamong_overlap_group_free);
  g_autoptr(GPtrArray) apps = g_ptr_array_new ();
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func ((GDestroyNotify) job_class_free);
  g_autoptr(GHashTable) class_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) frequency = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) postings = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  g_autofree guint *parent = NULL;
  g_autofree double *best = NULL;
  g_autofree guint *last_seen = NULL;
  g_autofree guint *national_of = NULL;
  PamongOverlapGroup *by_field[G_N_ELEMENTS (national_fields)] = { NULL };
  g_autoptr(GHashTable) by_root = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (applications != NULL, groups);

  for (guint i = 0; i < applications->len; i++)
    {
      PamongApplication *app = g_ptr_array_index (applications, i);

      g_return_val_if_fail (PAMONG_IS_APPLICATION (app), groups);
      if (!pamong_record_get_deleted (PAMONG_RECORD (app)))
        g_ptr_array_add (apps, app);
    }

  /* National fields: local applications, and the national ones beside
   * them. Which national fields an application is a national app of, once
   * per application: a bit per field. */
  national_of = g_new0 (guint, MAX (apps->len, 1));
  for (guint i = 0; i < apps->len; i++)
    national_of[i] = national_mask (g_ptr_array_index (apps, i));
  for (guint i = 0; i < apps->len; i++)
    {
      PamongApplication *app = g_ptr_array_index (apps, i);
      int field;

      if (national_of[i] != 0)
        continue;
      field = pamong_overlap_find_national_field (app);
      if (field < 0)
        continue;
      if (by_field[field] == NULL)
        {
          by_field[field] = group_new (PAMONG_OVERLAP_NATIONAL, field);
          by_field[field]->score = 1.0;
        }
      g_ptr_array_add (by_field[field]->applications, g_object_ref (app));
    }
  for (guint f = 0; f < G_N_ELEMENTS (national_fields); f++)
    {
      if (by_field[f] == NULL)
        continue;
      for (guint i = 0; i < apps->len; i++)
        {
          if (national_of[i] & (1u << f))
            g_ptr_array_add (by_field[f]->applications, g_object_ref (g_ptr_array_index (apps, i)));
        }
      g_ptr_array_sort (by_field[f]->applications, compare_by_name);
      g_ptr_array_add (groups, by_field[f]);
    }

  /* Similar applications. Applications with the same words and the same
   * code form one class (each kecamatan's copy of an app, say): its
   * members are alike (1.0) and join when the class spans two units. Two
   * classes whose score reaches the threshold join when together they span
   * two units: a pair of different units then exists for every member, or
   * the member is joined inside its own class already. So comparing the
   * classes gives the same groups as comparing every pair, at the cost of
   * the distinct jobs, found through an inverted index of words. */
  for (guint i = 0; i < apps->len; i++)
    {
      PamongApplication *app = g_ptr_array_index (apps, i);
      g_autoptr(GArray) quarks = sorted_token_quarks (app);
      g_autoptr(GString) key = g_string_new (pamong_application_get_reference_code (app));
      GQuark unit = g_quark_from_string (pamong_application_get_operator_unit (app) != NULL
                                         ? pamong_application_get_operator_unit (app) : "");
      JobClass *job;

      g_string_append_c (key, '|');
      for (guint k = 0; k < quarks->len; k++)
        g_string_append_printf (key, "%u,", g_array_index (quarks, GQuark, k));
      job = g_hash_table_lookup (class_by_key, key->str);
      if (job == NULL)
        {
          job = g_new0 (JobClass, 1);
          job->index = classes->len;
          job->tokens = g_steal_pointer (&quarks);
          job->members = g_array_new (FALSE, FALSE, sizeof (guint));
          job->code = pamong_application_get_reference_code (app) != NULL &&
                      *pamong_application_get_reference_code (app) != '\0'
                      ? g_quark_from_string (pamong_application_get_reference_code (app)) : 0;
          job->unit = unit;
          g_hash_table_insert (class_by_key, g_string_free (g_steal_pointer (&key), FALSE), job);
          g_ptr_array_add (classes, job);
        }
      g_array_append_val (job->members, i);
      if (job->unit != unit)
        job->many_units = TRUE;
    }

  parent = g_new (guint, MAX (apps->len, 1));
  best = g_new0 (double, MAX (apps->len, 1));
  last_seen = g_new (guint, MAX (classes->len, 1));
  for (guint i = 0; i < apps->len; i++)
    parent[i] = i;

  /* Prefix filtering (as in PPJoin): with the words of every class in one
   * order, rarest first, two classes that reach the threshold share a word
   * among the first |A| − α + 1 words of each, where α = ⌈t·|A| / (2 − t)⌉
   * is the fewest words a set of |A| words shares with any set it is t
   * alike with (Dice; t lowered by the reference-code bonus). So only those
   * words are indexed and probed, and the common words, whose lists are
   * long, mostly are not. */
  for (guint c = 0; c < classes->len; c++)
    {
      JobClass *job = g_ptr_array_index (classes, c);

      for (guint k = 0; k < job->tokens->len; k++)
        {
          gpointer word = GUINT_TO_POINTER (g_array_index (job->tokens, GQuark, k));

          g_hash_table_insert (frequency, word,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (frequency, word)) + 1));
        }
    }
  word_frequency = frequency;
  for (guint c = 0; c < classes->len; c++)
    {
      JobClass *job = g_ptr_array_index (classes, c);
      double t = MAX (threshold - REFERENCE_CODE_BONUS, 0.0);
      guint alpha = (guint) ceil (t * job->tokens->len / (2.0 - t) - 1e-9);
      guint prefix_len = MIN (job->tokens->len, job->tokens->len - MIN (alpha, job->tokens->len) + 1);

      job->prefix = g_array_copy (job->tokens);
      g_array_sort (job->prefix, compare_by_frequency);
      g_array_set_size (job->prefix, prefix_len);
    }
  word_frequency = NULL;

  for (guint c = 0; c < classes->len; c++)
    {
      JobClass *job = g_ptr_array_index (classes, c);

      last_seen[c] = G_MAXUINT;
      if (job->tokens->len > 0 && job->many_units)
        join_classes (parent, best, job, job, 1.0);
      for (guint k = 0; k < job->prefix->len; k++)
        {
          gpointer word = GUINT_TO_POINTER (g_array_index (job->prefix, GQuark, k));
          GArray *list = g_hash_table_lookup (postings, word);

          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (postings, word, list);
            }
          g_array_append_val (list, c);
        }
    }

  for (guint c = 0; c < classes->len; c++)
    {
      JobClass *a = g_ptr_array_index (classes, c);

      for (guint k = 0; k < a->prefix->len; k++)
        {
          GArray *list = g_hash_table_lookup (postings, GUINT_TO_POINTER (g_array_index (a->prefix, GQuark, k)));

          guint lo = 0, hi = list->len;

          /* The list is in class order: start after c (each pair of
           * classes once, d > c). */
          while (lo < hi)
            {
              guint mid = lo + (hi - lo) / 2;

              if (g_array_index (list, guint, mid) <= c)
                lo = mid + 1;
              else
                hi = mid;
            }
          for (guint m = lo; m < list->len; m++)
            {
              guint d = g_array_index (list, guint, m);
              JobClass *b;
              double score;

              /* Once per pair, however many words they share. */
              if (last_seen[d] == c)
                continue;
              last_seen[d] = c;
              b = g_ptr_array_index (classes, d);
              /* Already in one group: the score changes nothing but the
               * group's best score, which its first pair set. */
              if (uf_find (parent, g_array_index (a->members, guint, 0)) ==
                  uf_find (parent, g_array_index (b->members, guint, 0)) ||
                  !span_two_units (a, b))
                continue;
              score = score_classes (a, b);
              if (score >= threshold)
                join_classes (parent, best, a, b, score);
            }
        }
    }

  {
    g_autoptr(GPtrArray) similar = g_ptr_array_new ();

    for (guint i = 0; i < apps->len; i++)
      {
        guint root = uf_find (parent, i);
        PamongOverlapGroup *group;

        if (best[i] == 0.0)
          continue;   /* joined nothing */
        group = g_hash_table_lookup (by_root, GUINT_TO_POINTER (root));
        if (group == NULL)
          {
            group = group_new (PAMONG_OVERLAP_SIMILAR, -1);
            g_hash_table_insert (by_root, GUINT_TO_POINTER (root), group);
            g_ptr_array_add (similar, group);
          }
        g_ptr_array_add (group->applications, g_object_ref (g_ptr_array_index (apps, i)));
        group->score = MAX (group->score, best[i]);
      }
    for (guint i = 0; i < similar->len; i++)
      {
        PamongOverlapGroup *group = g_ptr_array_index (similar, i);

        g_ptr_array_sort (group->applications, compare_by_name);
        g_ptr_array_add (groups, group);
      }
  }

  g_ptr_array_sort (groups, compare_groups);
  return groups;
}
