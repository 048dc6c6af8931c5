/* gui-test-util.h — what the UI tests share: waiting for the real window
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*GuiTestCondition) (gpointer data);

/* Iterates the main context until @condition holds; fails the test after
 * ten minutes (meson's timeout is the real limit; the sanitizers are slow). */
void     gui_test_wait_until      (GuiTestCondition  condition,
                                   gpointer          data);
/* A GuiTestCondition: @data (a GtkWidget) is mapped and has a size. */
gboolean gui_test_window_is_drawn (gpointer          data);
/* Lets pending idles, layout and the frame clock run for a moment. */
void     gui_test_settle          (void);
/* Types @text into the editable @row as the keyboard would, one character
 * at a time, then settles. */
void     gui_test_type            (GtkWidget        *row,
                                   const char       *text);
/* Enter in the editable @row (GtkText's "activate", what its key binding
 * emits), then settles. */
void     gui_test_press_enter     (GtkWidget        *row);
/* Removes @path: a file, or a folder with everything in it. */
void     gui_test_remove_tree     (const char       *path);

G_END_DECLS
