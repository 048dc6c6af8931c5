/* pamong-server-schema.c — pamong-server's own tables
 *
 * The records live in the store's tables, the same schema as the app's local
 * store (the core's migrations). What only the server has — accounts,
 * tokens, Open311 API keys, the change log that assigns revs, and blobs —
 * lives in tables prefixed "server_", migrated here by numbered steps. The
 * step reached is kept in the store's meta table, so the two schemas move
 * independently.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pamong-error.h"
#include "pamong-server-schema.h"
#include "pamong-store-sql.h"

static const char * const steps[] = {
  /* 1: accounts, tokens, API keys, the change log and blobs. */
  "CREATE TABLE server_users ("
  "  username      TEXT PRIMARY KEY,"
  "  password_hash TEXT NOT NULL,"
  "  role          TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'assessor', 'viewer')),"
  "  unit          TEXT,"
  "  disabled      INTEGER NOT NULL DEFAULT 0,"
  "  created_at    TEXT NOT NULL"
  ");"
  /* Only a SHA-256 of each token is kept: a copy of the database gives
   * nobody a session. */
  "CREATE TABLE server_tokens ("
  "  token_hash  TEXT PRIMARY KEY,"
  "  username    TEXT NOT NULL REFERENCES server_users (username) ON DELETE CASCADE,"
  "  created_at  TEXT NOT NULL,"
  "  expires_at  TEXT NOT NULL"
  ");"
  "CREATE INDEX server_tokens_by_user ON server_tokens (username);"
  "CREATE TABLE server_api_keys ("
  "  id          TEXT PRIMARY KEY,"
  "  key_hash    TEXT NOT NULL UNIQUE,"
  "  label       TEXT NOT NULL,"
  "  created_by  TEXT,"
  "  created_at  TEXT NOT NULL,"
  "  revoked     INTEGER NOT NULL DEFAULT 0"
  ");"
  /* One row per record: its latest rev. AUTOINCREMENT makes the sequence
   * strictly increasing and never reused, so a client's cursor is safe. */
  "CREATE TABLE server_changes ("
  "  rev         INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  collection  TEXT NOT NULL,"
  "  uuid        TEXT NOT NULL UNIQUE"
  ");"
  "CREATE TABLE server_blobs ("
  "  sha256      TEXT PRIMARY KEY,"
  "  size        INTEGER NOT NULL,"
  "  content     BLOB NOT NULL,"
  "  created_at  TEXT NOT NULL"
  ");",
  /* 2: the record's wire JSON at its rev (pamong_codec_encode_string), kept
   * by pamong-server-records.c with every write, so the change feed
   * serves pages without rebuilding every record. NULL (rows from before
   * this step) means "encode it when asked". */
  "ALTER TABLE server_changes ADD COLUMN record TEXT;",
  /* 3: Open311's GET requests filters by service_code within a date range,
   * newest first: one range scan per service type instead of every request
   * of those types (pamong-server-open311.c). */
  "CREATE INDEX server_service_requests_type_submitted"
  "  ON service_requests (service_type, submitted_at);",
  /* 4: a second factor for the admin routes (OWASP ASVS 4.3.1,
   * pamong-server-totp.c): an account's TOTP secret in base32 (NULL: not
   * enrolled) and the last time step accepted, so a code works once; a
   * session remembers whether a one-time code opened it. */
  "ALTER TABLE server_users ADD COLUMN totp_secret TEXT;"
  "ALTER TABLE server_users ADD COLUMN totp_last_step INTEGER;"
  "ALTER TABLE server_tokens ADD COLUMN mfa INTEGER NOT NULL DEFAULT 0;",
};

guint
pamong_server_schema_get_latest (void)
{
  return G_N_ELEMENTS (steps);
}

/**
 * pamong_server_schema_migrate:
 * @store: the server's store
 * @error: return location for a #GError
 *
 * Brings the server's tables to the latest step, each step in its own
 * transaction. A database from a newer server is refused.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_server_schema_migrate (PamongStore  *store,
                              GError      **error)
{
  g_autofree char *current_text = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 current = 0;

  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);

  current_text = pamong_store_get_meta (store, PAMONG_SERVER_SCHEMA_VERSION_KEY, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (current_text != NULL &&
      !g_ascii_string_to_unsigned (current_text, 10, 0, G_MAXUINT, &current, NULL))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_STORE,
                   _("The server database has an unreadable schema version “%s”"),
                   current_text);
      return FALSE;
    }

  if (current > G_N_ELEMENTS (steps))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_SCHEMA_TOO_NEW,
                   _("The server database was written by a newer pamong-server (server schema %u; this one knows %u)"),
                   (guint) current, (guint) G_N_ELEMENTS (steps));
      return FALSE;
    }

  for (guint step = (guint) current; step < G_N_ELEMENTS (steps); step++)
    {
      g_autofree char *version = g_strdup_printf ("%u", step + 1);

      if (!pamong_store_begin (store, error))
        return FALSE;

      if (!pamong_store_exec (store, steps[step], error) ||
          !pamong_store_set_meta (store, PAMONG_SERVER_SCHEMA_VERSION_KEY, version, error))
        {
          pamong_store_rollback (store);
          return FALSE;
        }

      /* A failed commit has already rolled back. */
      if (!pamong_store_commit (store, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * pamong_server_open_store:
 * @path: the database file, created if missing
 * @error: return location for a #GError
 *
 * Opens a store for the server: the records' schema and the server's own.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
PamongStore *
pamong_server_open_store (const char  *path,
                          GError     **error)
{
  g_autoptr(PamongStore) store = pamong_store_open (path, error);

  if (store == NULL || !pamong_server_schema_migrate (store, error))
    return NULL;

  return g_steal_pointer (&store);
}
