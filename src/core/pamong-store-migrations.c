/* pamong-store-migrations.c — the numbered schema steps of the local store
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-store"

#include "config.h"

#include "pamong-store.h"
#include "pamong-store-migrations.h"

/*
 * One table per collection, one column per field (the property name with
 * '-' as '_'). Every table has an explicit INTEGER PRIMARY KEY "id": it is
 * the rowid, and an alias keeps it stable across VACUUM, which the
 * external-content FTS5 tables and the lazy list models rely on. The uuid is
 * the record's identity and is UNIQUE, the target of upserts and foreign
 * keys.
 *
 * Column types: strings, enum nicks, timestamps and string lists (a JSON
 * array) are TEXT; integers and booleans INTEGER; doubles REAL.
 *
 * The (deleted, sort column) indexes let the default lists (live rows by
 * name, or newest first) come out of an index without a sort.
 *
 * Foreign keys are declared only where the parent must exist (a score's
 * assessment, an event's request); they are DEFERRABLE INITIALLY DEFERRED
 * so that one transaction may insert children before their parents, as a
 * sync page does.
 */

#define SYNC_COLUMNS \
  "  id INTEGER PRIMARY KEY,\n" \
  "  uuid TEXT NOT NULL UNIQUE,\n" \
  "  rev INTEGER NOT NULL DEFAULT 0,\n" \
  "  created_at TEXT,\n" \
  "  updated_at TEXT,\n" \
  "  deleted INTEGER NOT NULL DEFAULT 0,\n" \
  "  local_state TEXT NOT NULL DEFAULT 'synced',\n" \
  "  base_rev INTEGER NOT NULL DEFAULT 0,\n" \
  "  change_count INTEGER NOT NULL DEFAULT 0,\n"

#define PENDING_INDEX(table) \
  "CREATE INDEX " table "_pending ON " table " (local_state) WHERE local_state <> 'synced';\n" \
  "CREATE INDEX " table "_live_updated_at ON " table " (deleted, updated_at);\n"

static const char step_1_tables[] =
  "CREATE TABLE meta (\n"
  "  key TEXT PRIMARY KEY,\n"
  "  value TEXT\n"
  ");\n"

  "CREATE TABLE units (\n"
  SYNC_COLUMNS
  "  code TEXT,\n"
  "  name TEXT,\n"
  "  short_name TEXT,\n"
  "  kind TEXT\n"
  ");\n"
  PENDING_INDEX ("units")
  "CREATE INDEX units_code ON units (code);\n"

  "CREATE TABLE applications (\n"
  SYNC_COLUMNS
  "  name TEXT,\n"
  "  description TEXT,\n"
  "  function TEXT,\n"
  "  reference_code TEXT,\n"
  "  category TEXT,\n"
  "  basis TEXT,\n"
  "  supported_services TEXT,\n"
  "  data_used TEXT,\n"
  "  outputs TEXT,\n"
  "  server TEXT,\n"
  "  license TEXT,\n"
  "  programming_language TEXT,\n"
  "  framework TEXT,\n"
  "  database TEXT,\n"
  "  developer_unit TEXT,\n"
  "  operator_unit TEXT,\n"
  "  url TEXT,\n"
  "  year_built INTEGER NOT NULL DEFAULT 0,\n"
  "  status TEXT,\n"
  "  plan TEXT,\n"
  "  plan_target TEXT,\n"
  "  plan_date TEXT,\n"
  "  plan_note TEXT\n"
  ");\n"
  PENDING_INDEX ("applications")
  "CREATE INDEX applications_operator_unit ON applications (operator_unit);\n"
  "CREATE INDEX applications_status ON applications (status);\n"
  "CREATE INDEX applications_category ON applications (category);\n"
  "CREATE INDEX applications_basis ON applications (basis);\n"
  "CREATE INDEX applications_plan ON applications (plan);\n"
  "CREATE INDEX applications_live_name ON applications (deleted, name COLLATE NOCASE);\n"

  "CREATE TABLE assessments (\n"
  SYNC_COLUMNS
  "  year INTEGER NOT NULL DEFAULT 0,\n"
  "  framework TEXT,\n"
  "  title TEXT,\n"
  "  status TEXT,\n"
  "  target_index REAL NOT NULL DEFAULT 0\n"
  ");\n"
  PENDING_INDEX ("assessments")
  "CREATE INDEX assessments_year_framework ON assessments (year, framework);\n"

  /* One live score per assessment and indicator; tombstones may repeat. */
  "CREATE TABLE indicator_scores (\n"
  SYNC_COLUMNS
  "  assessment TEXT REFERENCES assessments (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  indicator INTEGER NOT NULL DEFAULT 0,\n"
  "  level INTEGER NOT NULL DEFAULT 0,\n"
  "  justification TEXT,\n"
  "  status TEXT,\n"
  "  assessor TEXT\n"
  ");\n"
  PENDING_INDEX ("indicator_scores")
  "CREATE UNIQUE INDEX indicator_scores_assessment_indicator\n"
  "  ON indicator_scores (assessment, indicator) WHERE deleted = 0;\n"

  "CREATE TABLE service_types (\n"
  SYNC_COLUMNS
  "  code TEXT,\n"
  "  name TEXT,\n"
  "  kind TEXT,\n"
  "  unit TEXT,\n"
  "  requirements TEXT,\n"
  "  standard_days INTEGER NOT NULL DEFAULT 0,\n"
  "  cost INTEGER NOT NULL DEFAULT 0,\n"
  "  legal_basis TEXT,\n"
  "  description TEXT\n"
  ");\n"
  PENDING_INDEX ("service_types")
  "CREATE INDEX service_types_unit ON service_types (unit);\n"
  "CREATE INDEX service_types_code ON service_types (code);\n"

  "CREATE TABLE service_requests (\n"
  SYNC_COLUMNS
  "  tracking_number TEXT,\n"
  "  service_type TEXT,\n"
  "  applicant_name TEXT,\n"
  "  applicant_nik TEXT,\n"
  "  applicant_phone TEXT,\n"
  "  address TEXT,\n"
  "  kecamatan_code TEXT,\n"
  "  desa_code TEXT,\n"
  "  description TEXT,\n"
  "  status TEXT,\n"
  "  unit TEXT,\n"
  "  submitted_at TEXT,\n"
  "  due_date TEXT,\n"
  "  completed_at TEXT,\n"
  "  reject_reason TEXT,\n"
  "  has_location INTEGER NOT NULL DEFAULT 0,\n"
  "  latitude REAL NOT NULL DEFAULT 0,\n"
  "  longitude REAL NOT NULL DEFAULT 0\n"
  ");\n"
  PENDING_INDEX ("service_requests")
  "CREATE INDEX service_requests_status ON service_requests (status);\n"
  "CREATE INDEX service_requests_unit ON service_requests (unit);\n"
  "CREATE INDEX service_requests_kecamatan_code ON service_requests (kecamatan_code);\n"
  "CREATE INDEX service_requests_service_type ON service_requests (service_type);\n"
  "CREATE INDEX service_requests_submitted_at ON service_requests (submitted_at);\n"
  "CREATE INDEX service_requests_due_date ON service_requests (due_date);\n"
  "CREATE INDEX service_requests_tracking_number ON service_requests (tracking_number);\n"

  "CREATE TABLE request_events (\n"
  SYNC_COLUMNS
  "  request TEXT REFERENCES service_requests (uuid) DEFERRABLE INITIALLY DEFERRED,\n"
  "  kind TEXT,\n"
  "  from_status TEXT,\n"
  "  to_status TEXT,\n"
  "  note TEXT,\n"
  "  author TEXT\n"
  ");\n"
  PENDING_INDEX ("request_events")
  "CREATE INDEX request_events_request ON request_events (request);\n"

  "CREATE TABLE attachments (\n"
  SYNC_COLUMNS
  "  owner TEXT,\n"
  "  owner_collection TEXT,\n"
  "  filename TEXT,\n"
  "  content_type TEXT,\n"
  "  size INTEGER NOT NULL DEFAULT 0,\n"
  "  sha256 TEXT\n"
  ");\n"
  PENDING_INDEX ("attachments")
  "CREATE INDEX attachments_owner ON attachments (owner);\n"
  "CREATE INDEX attachments_sha256 ON attachments (sha256);\n";

/*
 * Full-text search over the two big collections. The FTS5 tables index the
 * base tables' rows (external content, keyed by id) and 'rebuild' indexes
 * the rows already there. The prefix indexes make search-as-you-type (a
 * quoted word with a trailing '*') cheap.
 *
 * The store keeps the index current itself (see store_put_record()), not
 * with triggers: a table with triggers makes every write a statement
 * transaction, and FTS5 flushes its pending terms at each one. Measured on
 * 100,000 service requests in one transaction: 2.3 s without triggers,
 * 10.4 s with them (4.9 s even with the triggers' WHEN false). Whatever
 * else writes these tables must run 'rebuild' afterwards.
 */
#define FTS_TABLE(table, cols) \
  "CREATE VIRTUAL TABLE " table "_fts USING fts5 (\n" \
  "  " cols ",\n" \
  "  content='" table "', content_rowid='id',\n" \
  "  tokenize='unicode61 remove_diacritics 2', prefix='2 3'\n" \
  ");\n" \
  "INSERT INTO " table "_fts (" table "_fts) VALUES ('rebuild');\n"

static const char step_2_search[] =
  FTS_TABLE ("applications", "name, description, function")
  FTS_TABLE ("service_requests", "tracking_number, applicant_name, description");

/*
 * Step 3: what the sync engine keeps beside the rows.
 *
 * conflicts: the server's version of each row in local-state conflict (it
 * was a "sync-conflict:<uuid>" meta value before; those move here), so
 * both versions stay until the user resolves the conflict.
 *
 * blobs: attachment contents, addressed by SHA-256. state is "upload"
 * (made here, the server does not have it yet), "synced" (here and on the
 * server) or "download" (a pulled attachment refers to it and data is
 * still NULL); failures counts the downloads that went wrong, for the
 * user's information — the engine keeps trying on every sync.
 *
 * sync_sent: what the engine sent of each row not yet confirmed, so
 * that a write the server applied although its answer was lost (a crash,
 * a reset) is recognised as the client's own when it comes back as a 412,
 * even after the user edited the row again.
 */
#define CONFLICT_COLLECTION(table) \
  "    (SELECT '" table "' FROM \"" table "\" WHERE uuid = substr (meta.key, 15)),\n"

static const char step_3_conflicts_blobs[] =
  "CREATE TABLE conflicts (\n"
  "  uuid TEXT PRIMARY KEY,\n"
  "  collection TEXT NOT NULL,\n"
  "  server_json TEXT,\n"
  "  created_at TEXT\n"
  ");\n"
  "INSERT INTO conflicts (uuid, collection, server_json, created_at)\n"
  "  SELECT substr (key, 15), coalesce (\n"
  CONFLICT_COLLECTION ("units")
  CONFLICT_COLLECTION ("applications")
  CONFLICT_COLLECTION ("assessments")
  CONFLICT_COLLECTION ("indicator_scores")
  CONFLICT_COLLECTION ("service_types")
  CONFLICT_COLLECTION ("service_requests")
  CONFLICT_COLLECTION ("request_events")
  CONFLICT_COLLECTION ("attachments")
  "    ''), value, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')\n"
  "  FROM meta WHERE key LIKE 'sync-conflict:%';\n"
  "DELETE FROM meta WHERE key LIKE 'sync-conflict:%';\n"
  "CREATE TABLE blobs (\n"
  "  sha256 TEXT PRIMARY KEY,\n"
  "  data BLOB,\n"
  "  size INTEGER NOT NULL DEFAULT 0,\n"
  "  state TEXT NOT NULL DEFAULT 'upload',\n"
  "  failures INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE INDEX blobs_pending ON blobs (state) WHERE state <> 'synced';\n"
  "CREATE TABLE sync_sent (\n"
  "  uuid TEXT NOT NULL,\n"
  "  content TEXT NOT NULL,\n"
  "  PRIMARY KEY (uuid, content)\n"
  ");\n";

/*
 * Step 4: indexes that hand out a list's order and its filters' rows.
 *
 * A list is the live rows in the order of one column, narrowed by filters
 * and a search (see "How a list is made" in pamong-store.c). An index
 * (column, deleted) gives both: the ids of the rows with a value (a filter),
 * and every live row in the column's order without reading the rows (for
 * 100,000 requests by submitted-at: 0.02 s instead of 0.3 s and more). The
 * single-column indexes of step 1 on the columns the lists sort and filter
 * by become such indexes; a query by the column alone (the server's
 * Open311 queries by submitted-at) uses them as before. No index is added:
 * each one costs every import (a first sync) time.
 */
#define LIST_INDEX(table, column) \
  "DROP INDEX " table "_" column ";\n" \
  "CREATE INDEX " table "_" column " ON " table " (" column ", deleted);\n"

static const char step_4_list_indexes[] =
  LIST_INDEX ("applications", "operator_unit")
  LIST_INDEX ("applications", "status")
  LIST_INDEX ("service_requests", "status")
  LIST_INDEX ("service_requests", "unit")
  LIST_INDEX ("service_requests", "submitted_at")
  LIST_INDEX ("service_requests", "due_date");

static const PamongStoreMigration migrations[] = {
  { 1, step_1_tables },
  { 2, step_2_search },
  { 3, step_3_conflicts_blobs },
  { 4, step_4_list_indexes },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PAMONG_STORE_SCHEMA_VERSION);

/**
 * pamong_store_get_migrations:
 * @n_migrations: (out): where to store the number of steps
 *
 * Returns: (array length=n_migrations): the migration steps, step 1 first
 */
const PamongStoreMigration *
pamong_store_get_migrations (guint *n_migrations)
{
  g_return_val_if_fail (n_migrations != NULL, NULL);

  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
