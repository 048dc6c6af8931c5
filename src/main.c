/* main.c — start the Pamong desktop app
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "pamong-app.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PamongApp) app = NULL;
  const char *locale;
  const char *localedir;

  locale = setlocale (LC_ALL, "");

  /* The language chosen in Preferences must be in place before GTK and
   * gettext look at the environment. */
  if (pamong_app_apply_language_setting ())
    {
      /* gettext ignores LANGUAGE in the C locale: move to C.UTF-8, which
       * every glibc has, so the chosen catalogue is used. */
      if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
        {
          g_setenv ("LC_ALL", "C.UTF-8", TRUE);
          setlocale (LC_ALL, "C.UTF-8");
        }
    }

  localedir = g_getenv ("PAMONG_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pamong_app_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
