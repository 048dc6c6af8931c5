/* gui-test-util.c — what the UI tests share: waiting for the real window
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-util.h"

void
gui_test_wait_until (GuiTestCondition condition,
                     gpointer         data)
{
  gint64 deadline = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for the UI");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gboolean
gui_test_window_is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

void
gui_test_settle (void)
{
  for (guint i = 0; i < 40; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

void
gui_test_type (GtkWidget  *row,
               const char *text)
{
  GtkEditable *editable = GTK_EDITABLE (row);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = gtk_editable_get_position (editable);
      char character[7] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), character);
      gtk_editable_insert_text (editable, character, -1, &position);
      gtk_editable_set_position (editable, position);
    }
  gui_test_settle ();
}

void
gui_test_press_enter (GtkWidget *row)
{
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (row)), "activate");
  gui_test_settle ();
}

void
gui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        gui_test_remove_tree (child);
      else
        g_unlink (child);
    }
  if (g_rmdir (path) != 0)
    g_unlink (path);
}
