/* pamong-window.h — the main window: the three workspaces
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pamong-app.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_WINDOW (pamong_window_get_type ())
G_DECLARE_FINAL_TYPE (PamongWindow, pamong_window, PAMONG, WINDOW, AdwApplicationWindow)

PamongWindow *pamong_window_new        (PamongApp    *app);
void          pamong_window_add_toast  (PamongWindow *self,
                                        const char   *title);
void          pamong_window_show_error (PamongWindow *self,
                                        const char   *heading,
                                        const char   *body);

G_END_DECLS
