/* pamong-store-migrations.h — the numbered schema steps of the local store
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A migration step: SQL that takes a database from schema version
 * (version - 1) to version. Steps are applied in order, each in one
 * transaction together with `PRAGMA user_version = version`. A shipped
 * step is never edited: a change to the schema is a new step.
 */
typedef struct
{
  guint       version;
  const char *sql;
} PamongStoreMigration;

const PamongStoreMigration *pamong_store_get_migrations (guint *n_migrations);

G_END_DECLS
