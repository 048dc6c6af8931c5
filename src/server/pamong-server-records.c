/* pamong-server-records.c — the server's record writes: every write gets a rev
 *
 * The server keeps its records in the store's own tables, the same schema
 * as the app's. What makes it the server is the rev: server_changes holds
 * one row per record with the record's latest rev and its wire JSON at
 * that rev, and a write replaces that row, so the AUTOINCREMENT key hands
 * out strictly increasing revs that are never reused and the change feed
 * is simply that table in rev order, served without re-encoding.
 * The change row and the record are written in one transaction: a rev
 * never points at a record that was not stored, and no stored write lacks
 * a rev.
 *
 * Only this file writes records on the server; the routes authorise first
 * and then call pamong_server_records_put().
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-server"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pamong-codec.h"
#include "pamong-collections.h"
#include "pamong-error.h"
#include "pamong-store-sql.h"

#include "pamong-server-records.h"

/* The references the schema enforces with (deferred) foreign keys. They
 * are checked before writing, so a dangling one is the client's error with
 * the field named, not a failed commit. */
static const struct
{
  const char *collection;
  const char *field;
  const char *target;
} checked_refs[] = {
  { "indicator_scores", "assessment", "assessments" },
  { "request_events", "request", "service_requests" },
};

/* The last rev handed out (0 before the first): AUTOINCREMENT's own
 * counter, which never goes back even when rows are deleted. Revs are
 * taken from it explicitly, inside the write's transaction, so a record's
 * JSON can carry its rev when its change row is inserted. */
static gboolean
read_last_rev (PamongStore  *store,
               gint64       *rev,
               GError      **error)
{
  return pamong_store_query_int64 (store,
                                   "SELECT seq FROM sqlite_sequence WHERE name = 'server_changes'",
                                   NULL, rev, NULL,
                                   _("Could not read the server’s change log"), error);
}

/* Drops @uuid's change row, if any: its record is about to get a new rev.
 * A uuid names one record across every collection, so a write that
 * would move it to another collection is a conflict (the caller rolls
 * back). */
static gboolean
release_uuid (PamongStore  *store,
              const char   *collection,
              const char   *uuid,
              GError      **error)
{
  g_autoptr(PamongStoreStmt) stmt =
    pamong_store_prepare (store, "DELETE FROM server_changes WHERE uuid = ? RETURNING collection",
                          error);
  int step;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  step = sqlite3_step (stmt);
  if (step == SQLITE_ROW)
    {
      const char *existing = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (existing, collection) != 0)
        {
          /* Translators: the first %s is a uuid, the second and third
           * collection names such as "applications". */
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_CONFLICT,
                       _("The uuid %s already belongs to a record in “%s”; a record in "
                         "“%s” needs a uuid of its own."),
                       uuid, existing, collection);
          return FALSE;
        }
      step = sqlite3_step (stmt);
    }

  if (step != SQLITE_DONE)
    {
      pamong_store_set_sql_error (store, error, _("Could not update the server’s change log"));
      return FALSE;
    }

  return TRUE;
}

/* Records @record's change row at its (already set) rev, with its wire
 * JSON for the change feed. */
static gboolean
insert_change (PamongStore   *store,
               PamongRecord  *record,
               GError       **error)
{
  g_autoptr(PamongStoreStmt) stmt =
    pamong_store_prepare (store,
                          "INSERT INTO server_changes (rev, collection, uuid, record) "
                          "VALUES (?, ?, ?, ?)",
                          error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, pamong_record_get_rev (record));
  sqlite3_bind_text (stmt, 2, pamong_record_get_collection (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, pamong_record_get_uuid (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, pamong_codec_encode_string (record), -1, g_free);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      pamong_store_set_sql_error (store, error, _("Could not update the server’s change log"));
      return FALSE;
    }

  return TRUE;
}

/* The bookkeeping of a record as the server holds it: it is its own
 * base, with nothing pending. */
static void
mark_stored (PamongRecord *record,
             gint64        rev)
{
  pamong_record_set_rev (record, rev);
  pamong_record_set_base_rev (record, rev);
  pamong_record_set_change_count (record, 0);
  pamong_record_set_local_state (record, PAMONG_LOCAL_STATE_SYNCED);
}

static gboolean
check_refs (PamongStore   *store,
            PamongRecord  *record,
            GError       **error)
{
  const char *collection = pamong_record_get_collection (record);

  for (guint i = 0; i < G_N_ELEMENTS (checked_refs); i++)
    {
      g_autofree char *target_uuid = NULL;
      g_autoptr(PamongRecord) target = NULL;
      g_autoptr(GError) local_error = NULL;

      if (strcmp (checked_refs[i].collection, collection) != 0)
        continue;

      g_object_get (record, checked_refs[i].field, &target_uuid, NULL);
      if (target_uuid == NULL || *target_uuid == '\0')
        continue;

      target = pamong_store_lookup (store, pamong_collections_lookup (checked_refs[i].target),
                                    target_uuid, &local_error);
      if (target != NULL)
        continue;

      if (g_error_matches (local_error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
        /* Translators: "%s: field “%s”" names a collection and a field;
         * the next %s is a collection, the last a uuid. */
        g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                     _("%s: field “%s” refers to a record of “%s” that does not exist (%s)"),
                     collection, checked_refs[i].field, checked_refs[i].target, target_uuid);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * pamong_server_records_put:
 * @store: the server's store
 * @record: the record to write; updated in place with its new rev,
 *   created-at, updated-at and bookkeeping fields
 * @new_rev: (out) (optional): the rev the write got
 * @error: return location for a #GError
 *
 * Writes one record as the server. It checks nothing about users: callers
 * authorise first. It assigns the next rev, sets updated-at to now and
 * keeps created-at from the stored record if there is one (now
 * otherwise), and stores the record as given otherwise — a record with
 * deleted set is a tombstone. Everything happens in one transaction, which
 * nests inside a caller's.
 *
 * Fails with %PAMONG_ERROR_CONFLICT when @record's uuid belongs to a
 * record of another collection, and with %PAMONG_ERROR_INVALID_DATA when a
 * reference the schema enforces (an indicator score's assessment, a
 * request event's request) names no record.
 *
 * Returns: %TRUE if the record is stored
 */
gboolean
pamong_server_records_put (PamongStore   *store,
                           PamongRecord  *record,
                           gint64        *new_rev,
                           GError       **error)
{
  g_autoptr(PamongRecord) current = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GDateTime) now = NULL;
  const char *uuid;
  gint64 rev = 0;

  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);
  g_return_val_if_fail (PAMONG_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  uuid = pamong_record_get_uuid (record);
  if (uuid == NULL || *uuid == '\0')
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                   _("%s: field “%s” is missing"),
                   pamong_record_get_collection (record), "uuid");
      return FALSE;
    }

  if (!pamong_store_begin (store, error))
    return FALSE;

  current = pamong_store_lookup (store, G_OBJECT_TYPE (record), uuid, &local_error);
  if (current == NULL && !g_error_matches (local_error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
    goto fail;
  g_clear_error (&local_error);

  if (!check_refs (store, record, &local_error) ||
      !release_uuid (store, pamong_record_get_collection (record), uuid, &local_error) ||
      !read_last_rev (store, &rev, &local_error))
    goto fail;

  rev++;
  now = pamong_timestamp_now ();
  pamong_record_set_created_at (record, current != NULL ? pamong_record_get_created_at (current) : now);
  pamong_record_set_updated_at (record, now);
  mark_stored (record, rev);

  if (!insert_change (store, record, &local_error))
    goto fail;

  records = g_ptr_array_new ();
  g_ptr_array_add (records, record);
  if (!pamong_store_import (store, records, &local_error))
    goto fail;

  if (!pamong_store_commit (store, error))
    return FALSE;

  if (new_rev != NULL)
    *new_rev = rev;
  return TRUE;

fail:
  pamong_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * pamong_server_records_lookup:
 * @store: the server's store
 * @type: the record type, e.g. %PAMONG_TYPE_APPLICATION
 * @uuid: the record's uuid
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the record with @uuid in @type's
 *   collection, tombstones included, or %NULL with
 *   %PAMONG_ERROR_NOT_FOUND
 */
PamongRecord *
pamong_server_records_lookup (PamongStore  *store,
                              GType         type,
                              const char   *uuid,
                              GError      **error)
{
  g_return_val_if_fail (PAMONG_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, PAMONG_TYPE_RECORD), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return pamong_store_lookup (store, type, uuid, error);
}

/* A big seed (the benchmark set is half a million records and about a
 * gigabyte of pages) runs several times faster when SQLite's page cache
 * holds the pages it keeps revisiting (indexes, the search index) instead
 * of spilling them to the WAL and reading them back. The cache is raised
 * for the seed only, and the store's own size restored afterwards. */
#define SEED_BIG_RECORDS 20000
#define SEED_CACHE_KIB 262144

static gint64
cache_size_get (PamongStore *store)
{
  g_autoptr(PamongStoreStmt) stmt = pamong_store_prepare (store, "PRAGMA cache_size", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static void
cache_size_set (PamongStore *store,
                gint64       size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);

  /* Only a matter of speed: a failure changes nothing else. */
  pamong_store_exec (store, sql, NULL);
}

static gboolean
seed_records (PamongStore  *store,
              GPtrArray    *records,
              GError      **error);

/**
 * pamong_server_records_seed:
 * @store: the server's store
 * @records: (element-type PamongRecord): the records, e.g. the demo dataset
 * @error: return location for a #GError
 *
 * Stores many records at once, each with a rev of its own in array order,
 * in one transaction: all of them or none. Timestamps are kept as given
 * (a missing updated-at becomes created-at, a missing created-at now), so
 * a dataset's history survives seeding. The records are updated in place
 * with their revs.
 *
 * Returns: %TRUE if every record is stored
 */
gboolean
pamong_server_records_seed (PamongStore  *store,
                            GPtrArray    *records,
                            GError      **error)
{

  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (records->len == 0)
    return TRUE;

  if (records->len >= SEED_BIG_RECORDS)
    {
      gint64 saved = cache_size_get (store);
      gboolean done;

      cache_size_set (store, -SEED_CACHE_KIB);
      done = seed_records (store, records, error);
      if (saved != 0)
        cache_size_set (store, saved);
      return done;
    }

  return seed_records (store, records, error);
}

static gboolean
seed_records (PamongStore  *store,
              GPtrArray    *records,
              GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 rev = 0;

  if (!pamong_store_begin (store, error))
    return FALSE;

  now = pamong_timestamp_now ();
  if (!read_last_rev (store, &rev, &local_error))
    goto fail;

  for (guint i = 0; i < records->len; i++)
    {
      PamongRecord *record = g_ptr_array_index (records, i);
      const char *uuid;

      if (!PAMONG_IS_RECORD (record))
        {
          g_set_error (&local_error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("Item %u of the records to seed is not a record"), i);
          goto fail;
        }

      uuid = pamong_record_get_uuid (record);
      if (uuid == NULL || *uuid == '\0')
        {
          g_set_error (&local_error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                       _("%s: field “%s” is missing"),
                       pamong_record_get_collection (record), "uuid");
          goto fail;
        }

      if (!release_uuid (store, pamong_record_get_collection (record), uuid, &local_error))
        goto fail;

      if (pamong_record_get_created_at (record) == NULL)
        pamong_record_set_created_at (record, now);
      if (pamong_record_get_updated_at (record) == NULL)
        pamong_record_set_updated_at (record, pamong_record_get_created_at (record));
      mark_stored (record, ++rev);

      if (!insert_change (store, record, &local_error))
        goto fail;
    }

  if (!pamong_store_import (store, records, &local_error))
    goto fail;

  return pamong_store_commit (store, error);

fail:
  pamong_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
