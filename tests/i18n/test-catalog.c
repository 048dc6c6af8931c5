/* test-catalog.c — the built id and jv catalogues are found and used
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Binds the "pamong" domain to the build's po/ directory the way src/main.c
 * does for uninstalled runs (PAMONG_LOCALEDIR), switches LANGUAGE, and
 * checks that what gettext returns is what po/<lang>.po says: the decimal
 * separator (C_("decimal separator", ".") must become ",") and every other
 * finished single-line translation in the file. Each language runs in its
 * own subprocess, because gettext caches the language it first sees. */

#include "config.h"

#include <locale.h>
#include <glib.h>
#include <glib/gi18n-lib.h>

typedef struct
{
  char *context;
  char *msgid;
  char *msgstr;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->context);
  g_free (entry->msgid);
  g_free (entry->msgstr);
  g_free (entry);
}

/* The C string inside a one-line po keyword: `msgid "a\"b"` -> a"b. */
static char *
po_string (const char *line,
           const char *keyword)
{
  g_autofree char *inner = NULL;
  const char *start;
  gsize length;

  if (!g_str_has_prefix (line, keyword))
    return NULL;
  start = line + strlen (keyword);
  if (*start != ' ')
    return NULL;
  start++;
  length = strlen (start);
  if (length < 2 || start[0] != '"' || start[length - 1] != '"')
    return NULL;
  inner = g_strndup (start + 1, length - 2);
  return g_strcompress (inner);
}

/* The finished translations of a po file whose msgid and msgstr each fit on
 * one line; multi-line, plural and fuzzy entries are left out, msgfmt's own
 * tests cover them. */
static GPtrArray *
read_simple_entries (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autofree char *context = NULL;
  g_autofree char *msgid = NULL;
  gboolean fuzzy = FALSE;
  gboolean spans_lines = FALSE;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (*line == '\0')
        {
          g_clear_pointer (&context, g_free);
          g_clear_pointer (&msgid, g_free);
          fuzzy = FALSE;
          spans_lines = FALSE;
        }
      else if (g_str_has_prefix (line, "#,") && strstr (line, "fuzzy") != NULL)
        fuzzy = TRUE;
      else if (line[0] == '"')
        spans_lines = TRUE;
      else if (g_str_has_prefix (line, "msgctxt "))
        {
          g_free (context);
          context = po_string (line, "msgctxt");
        }
      else if (g_str_has_prefix (line, "msgid "))
        {
          g_free (msgid);
          msgid = po_string (line, "msgid");
        }
      else if (g_str_has_prefix (line, "msgstr "))
        {
          g_autofree char *msgstr = po_string (line, "msgstr");
          gboolean continued = lines[i + 1] != NULL && lines[i + 1][0] == '"';

          if (msgid != NULL && *msgid != '\0' && msgstr != NULL && *msgstr != '\0' &&
              !fuzzy && !spans_lines && !continued)
            {
              Entry *entry = g_new0 (Entry, 1);

              entry->context = g_steal_pointer (&context);
              entry->msgid = g_steal_pointer (&msgid);
              entry->msgstr = g_steal_pointer (&msgstr);
              g_ptr_array_add (entries, entry);
            }
        }
    }

  return entries;
}

static void
bind_catalogue (const char *language)
{
  const char *localedir = g_getenv ("PAMONG_LOCALEDIR");
  g_autofree char *mo = NULL;

  g_assert_nonnull (localedir);
  mo = g_build_filename (localedir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("%s was not built (the po/ targets of meson make it)", mo);

  g_setenv ("LANGUAGE", language, TRUE);
  /* LC_ALL is C.UTF-8 in the test environment: gettext honours LANGUAGE
   * there, unlike in plain C. */
  g_assert_nonnull (setlocale (LC_ALL, ""));
  g_assert_nonnull (bindtextdomain (GETTEXT_PACKAGE, localedir));
  g_assert_nonnull (bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8"));
}

static void
check_language (const char *language)
{
  g_autofree char *po = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  bind_catalogue (language);

  /* The known string: numbers in id and jv use a decimal comma. */
  g_assert_cmpstr (C_("decimal separator", "."), ==, ",");

  po = g_strconcat (g_test_get_dir (G_TEST_DIST), G_DIR_SEPARATOR_S "..", G_DIR_SEPARATOR_S "po",
                    G_DIR_SEPARATOR_S, language, ".po", NULL);
  entries = read_simple_entries (po);
  g_assert_cmpuint (entries->len, >, 0);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      const char *got;

      if (entry->context != NULL)
        got = g_dpgettext2 (GETTEXT_PACKAGE, entry->context, entry->msgid);
      else
        got = g_dgettext (GETTEXT_PACKAGE, entry->msgid);

      if (g_strcmp0 (got, entry->msgstr) != 0)
        g_error ("%s: “%s%s%s” came out as “%s”, not “%s”", language,
                 entry->context ? entry->context : "", entry->context ? "|" : "",
                 entry->msgid, got, entry->msgstr);
    }
  g_test_message ("%s: %u translations came out of the built catalogue", language, entries->len);
}

static void
test_catalogue (gconstpointer data)
{
  const char *language = data;

  if (g_test_subprocess ())
    {
      check_language (language);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/pamong/i18n/indonesian-catalogue-is-built-and-bound", "id", test_catalogue);
  g_test_add_data_func ("/pamong/i18n/javanese-catalogue-is-built-and-bound", "jv", test_catalogue);

  return g_test_run ();
}
