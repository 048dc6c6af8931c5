/* pamong-store.c — the local SQLite store
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "pamong-collections.h"
#include "pamong-error.h"
#include "pamong-store-migrations.h"
#include "pamong-store-private.h"
#include "pamong-store-sql.h"

/*
 * One store owns one SQLite connection, used from one thread (the main
 * loop's). The database is in WAL mode with synchronous=FULL: when
 * pamong_store_save() returns, the user's edit is on disk and survives a
 * power cut.
 *
 * The store is generic: a collection's table and columns come from the
 * record class (collection name, GObject properties), checked against the
 * schema when the store opens. Only those checked names ever appear in SQL
 * text; every value is a bound parameter. Prepared statements are cached by
 * their SQL text.
 *
 * Local states on a user's edit (pamong_store_save):
 *   new row                 -> created
 *   synced                  -> modified; base-rev = the rev the edited copy had
 *   created, modified       -> unchanged (still to push as a create / update)
 *   conflict                -> conflict (the user must still resolve it)
 *   deleted, saved undeleted -> modified, or created if the server never saw it
 *   any, saved with deleted -> deleted
 * and on a user's delete (pamong_store_delete): always a tombstone with
 * local-state deleted. A tombstone whose base-rev and rev are 0 was never
 * accepted by the server: the sync engine may settle it without a request
 * (or push the tombstone's create if a create of it may be in flight).
 * Each edit bumps change-count, so the sync engine can tell whether a row
 * moved while it was being pushed.
 */

typedef sqlite3_stmt StoreStmt;

static void
store_stmt_release (StoreStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StoreStmt, store_stmt_release)

typedef struct
{
  GType         type;
  char         *table;
  guint         n_fields;
  GParamSpec  **fields;
  char        **columns;
  const char  **names;
  char         *select_by_id_sql;
  char         *select_by_uuid_sql;
  char         *upsert_sql;
  sqlite3_stmt *upsert_stmt;     /* borrowed from the statement cache */
  sqlite3_stmt *fts_old_stmt;    /* borrowed from the statement cache */
  char         *fts_table;       /* NULL when the collection has no full-text index */
  guint         n_fts_fields;
  guint        *fts_fields;      /* indexes into fields of the indexed columns */
  char         *fts_old_sql;     /* the indexed values of a row, by uuid */
  char         *fts_delete_sql;
  char         *fts_insert_sql;
  char         *search_column;   /* the column a non-FTS search matches */
  char         *default_sort;    /* a column */
  gboolean      default_descending;
} TypeInfo;

struct _PamongStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  guint        schema_version;
  GHashTable  *statements;      /* SQL text -> sqlite3_stmt */
  GHashTable  *types;           /* GType -> TypeInfo */
  guint        transaction_depth;
  GPtrArray   *pending_changes; /* collection names to announce on commit */
};

G_DEFINE_FINAL_TYPE (PamongStore, pamong_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_SCHEMA_VERSION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
type_info_free (gpointer data)
{
  TypeInfo *info = data;

  g_free (info->table);
  g_free (info->fields);
  g_strfreev (info->columns);
  g_free (info->names);
  g_free (info->select_by_id_sql);
  g_free (info->select_by_uuid_sql);
  g_free (info->upsert_sql);
  g_free (info->fts_table);
  g_free (info->fts_fields);
  g_free (info->fts_old_sql);
  g_free (info->fts_delete_sql);
  g_free (info->fts_insert_sql);
  g_free (info->search_column);
  g_free (info->default_sort);
  g_free (info);
}

static void
store_set_error (PamongStore  *self,
                 GError      **error,
                 const char   *message)
{
  g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_STORE,
               "%s: %s", message, sqlite3_errmsg (self->db));
}

static gboolean
store_exec (PamongStore  *self,
            const char   *sql,
            GError      **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      store_set_error (self, error, _("The local database refused a command"));
      return FALSE;
    }

  return TRUE;
}

/* Returns a cached statement, reset and without bindings. Borrowed: use it
 * as g_autoptr(StoreStmt), which resets it again when done. */
static sqlite3_stmt *
store_prepare (PamongStore  *self,
               const char   *sql,
               GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      store_set_error (self, error, _("Could not prepare a query on the local database"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE … COMMIT, inner ones
 * are savepoints. "changed" is emitted once the outermost one commits. */
static gboolean
transaction_begin (PamongStore  *self,
                   GError      **error)
{
  const char *sql = self->transaction_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT pamong_nested";

  if (!store_exec (self, sql, error))
    return FALSE;

  self->transaction_depth++;
  return TRUE;
}

static void
transaction_rollback (PamongStore *self)
{
  g_assert (self->transaction_depth > 0);

  self->transaction_depth--;

  if (self->transaction_depth == 0)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_ptr_array_set_size (self->pending_changes, 0);
    }
  else
    {
      sqlite3_exec (self->db, "ROLLBACK TO pamong_nested; RELEASE pamong_nested",
                    NULL, NULL, NULL);
    }
}

static void
store_mark_changed (PamongStore *self,
                    const char  *collection)
{
  for (guint i = 0; i < self->pending_changes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->pending_changes, i), collection))
      return;

  g_ptr_array_add (self->pending_changes, g_strdup (collection));
}

static gboolean
transaction_commit (PamongStore  *self,
                    GError      **error)
{
  g_autoptr(GPtrArray) changes = NULL;

  g_assert (self->transaction_depth > 0);

  if (self->transaction_depth > 1)
    {
      if (!store_exec (self, "RELEASE pamong_nested", error))
        {
          transaction_rollback (self);
          return FALSE;
        }
      self->transaction_depth--;
      return TRUE;
    }

  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      /* A deferred foreign key failure leaves the transaction open. */
      store_set_error (self, error, _("Could not commit to the local database"));
      transaction_rollback (self);
      return FALSE;
    }

  self->transaction_depth = 0;
  changes = g_steal_pointer (&self->pending_changes);
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);

  g_object_ref (self);
  for (guint i = 0; i < changes->len; i++)
    {
      const char *collection = g_ptr_array_index (changes, i);

      g_signal_emit (self, signals[CHANGED], g_quark_from_string (collection), collection);
    }
  g_object_unref (self);

  return TRUE;
}

static const char *
column_decl_type (GParamSpec *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_STRING:
    case G_TYPE_ENUM:
      return "TEXT";
    case G_TYPE_INT:
    case G_TYPE_UINT:
    case G_TYPE_LONG:
    case G_TYPE_ULONG:
    case G_TYPE_INT64:
    case G_TYPE_UINT64:
    case G_TYPE_BOOLEAN:
      return "INTEGER";
    case G_TYPE_DOUBLE:
    case G_TYPE_FLOAT:
      return "REAL";
    case G_TYPE_BOXED:
      if (type == G_TYPE_DATE_TIME || type == G_TYPE_STRV)
        return "TEXT";
      return NULL;
    default:
      return NULL;
    }
}

static gboolean
is_identifier (const char *name)
{
  if (name == NULL || *name == '\0' || g_ascii_isdigit (*name))
    return FALSE;

  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

static gboolean
store_table_exists (PamongStore  *self,
                    const char   *table,
                    gboolean     *exists,
                    GError      **error)
{
  return pamong_store_query_int64 (self,
                                   "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                                   table, NULL, exists,
                                   _("Could not read the local database’s schema"), error);
}

static int
type_info_find_field (TypeInfo   *info,
                      const char *field)
{
  for (guint i = 0; i < info->n_fields; i++)
    if (g_str_equal (info->fields[i]->name, field) || g_str_equal (info->columns[i], field))
      return (int) i;

  return -1;
}

/* Reads which columns the full-text index @fts_table holds; they must be
 * string fields of @info. */
static gboolean
type_info_read_fts (PamongStore  *self,
                    TypeInfo     *info,
                    const char   *fts_table,
                    GError      **error)
{
  g_autoptr(StoreStmt) stmt = NULL;
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  int rc;

  stmt = store_prepare (self, "SELECT name FROM pragma_table_info(?1)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, fts_table, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 0);
      int field = type_info_find_field (info, column);

      if (field < 0 || G_PARAM_SPEC_VALUE_TYPE (info->fields[field]) != G_TYPE_STRING)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_STORE,
                       _("The search index “%s” holds “%s”, which is not a text field of %s"),
                       fts_table, column, info->table);
          return FALSE;
        }

      g_array_append_val (fields, field);
      g_string_append_printf (columns, ", \"%s\"", info->columns[field]);
      g_string_append_printf (params, ", ?%u", fields->len + 1);
    }

  if (rc != SQLITE_DONE)
    {
      store_set_error (self, error, _("Could not read the local database’s schema"));
      return FALSE;
    }

  info->fts_table = g_strdup (fts_table);
  info->n_fts_fields = fields->len;
  info->fts_fields = (guint *) g_array_free (g_steal_pointer (&fields), FALSE);
  info->fts_old_sql = g_strdup_printf ("SELECT id%s FROM \"%s\" WHERE uuid = ?1",
                                       columns->str, info->table);
  info->fts_delete_sql = g_strdup_printf ("INSERT INTO \"%s\" (\"%s\", rowid%s) VALUES ('delete', ?1%s)",
                                          fts_table, fts_table, columns->str, params->str);
  info->fts_insert_sql = g_strdup_printf ("INSERT INTO \"%s\" (rowid%s) VALUES (?1%s)",
                                          fts_table, columns->str, params->str);
  return TRUE;
}

/* Reads a record type's class and checks it against the table: the table
 * exists, and every field has a column of the right type. A developer who
 * adds a property without a migration step gets this error on open. */
static TypeInfo *
store_get_type_info (PamongStore  *self,
                     GType         type,
                     GError      **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GHashTable) table_columns = NULL;
  g_autoptr(StoreStmt) stmt = NULL;
  g_autoptr(GString) columns_sql = NULL;
  g_autoptr(GString) params_sql = NULL;
  g_autoptr(GString) update_sql = NULL;
  g_autofree char *fts_table = NULL;
  const char *collection;
  gboolean fts_exists = FALSE;
  TypeInfo *info;
  int rc;

  info = g_hash_table_lookup (self->types, GSIZE_TO_POINTER (type));
  if (info != NULL)
    return info;

  if (!g_type_is_a (type, PAMONG_TYPE_RECORD) || G_TYPE_IS_ABSTRACT (type))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                   _("“%s” is not a kind of record the local database can hold"),
                   g_type_name (type));
      return NULL;
    }

  klass = g_type_class_ref (type);
  collection = PAMONG_RECORD_CLASS (klass)->collection;
  if (!is_identifier (collection))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                   _("The record type “%s” has no valid collection name"),
                   g_type_name (type));
      return NULL;
    }

  stmt = store_prepare (self, "SELECT name, type FROM pragma_table_info(?1)", error);
  if (stmt == NULL)
    return NULL;

  table_columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_bind_text (stmt, 1, collection, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (table_columns,
                         g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_ascii_strup ((const char *) sqlite3_column_text (stmt, 1), -1));
  if (rc != SQLITE_DONE)
    {
      store_set_error (self, error, _("Could not read the local database’s schema"));
      return NULL;
    }

  if (g_hash_table_size (table_columns) == 0)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_STORE,
                   _("The local database has no table “%s”; a migration step must create it"),
                   collection);
      return NULL;
    }

  info = g_new0 (TypeInfo, 1);
  info->type = type;
  info->table = g_strdup (collection);
  info->fields = pamong_record_list_fields (type, TRUE, &info->n_fields);
  info->columns = g_new0 (char *, info->n_fields + 1);
  info->names = g_new0 (const char *, info->n_fields + 1);

  columns_sql = g_string_new (NULL);
  params_sql = g_string_new (NULL);
  update_sql = g_string_new (NULL);

  for (guint i = 0; i < info->n_fields; i++)
    {
      GParamSpec *pspec = info->fields[i];
      const char *expected = column_decl_type (pspec);
      const char *actual;

      info->columns[i] = pamong_record_field_column (pspec);
      info->names[i] = pspec->name;

      if (expected == NULL)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_STORE,
                       _("The field “%s” of %s has a type the local database cannot store (%s)"),
                       pspec->name, collection, g_type_name (G_PARAM_SPEC_VALUE_TYPE (pspec)));
          type_info_free (info);
          return NULL;
        }

      actual = g_hash_table_lookup (table_columns, info->columns[i]);
      if (actual == NULL)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_STORE,
                       _("The table “%s” has no column “%s” for the field “%s”; add a migration step that creates it"),
                       collection, info->columns[i], pspec->name);
          type_info_free (info);
          return NULL;
        }

      if (!g_str_equal (actual, expected))
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_STORE,
                       _("The column “%s.%s” has the type %s, but the field “%s” needs %s"),
                       collection, info->columns[i], actual, pspec->name, expected);
          type_info_free (info);
          return NULL;
        }

      g_string_append_printf (columns_sql, "%s\"%s\"", i ? ", " : "", info->columns[i]);
      g_string_append_printf (params_sql, "%s?%u", i ? ", " : "", i + 1);
      if (!g_str_equal (info->columns[i], "uuid"))
        g_string_append_printf (update_sql, "%s\"%s\" = excluded.\"%s\"",
                                update_sql->len ? ", " : "",
                                info->columns[i], info->columns[i]);
    }

  if (type_info_find_field (info, "uuid") < 0)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_STORE,
                   _("The record type “%s” has no uuid"), g_type_name (type));
      type_info_free (info);
      return NULL;
    }

  info->select_by_id_sql = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE id = ?1",
                                            columns_sql->str, collection);
  info->select_by_uuid_sql = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE uuid = ?1",
                                              columns_sql->str, collection);
  info->upsert_sql = g_strdup_printf ("INSERT INTO \"%s\" (%s) VALUES (%s) "
                                      "ON CONFLICT (uuid) DO UPDATE SET %s",
                                      collection, columns_sql->str, params_sql->str,
                                      update_sql->str);

  fts_table = g_strconcat (collection, "_fts", NULL);
  g_clear_pointer (&stmt, store_stmt_release);
  if (!store_table_exists (self, fts_table, &fts_exists, error))
    {
      type_info_free (info);
      return NULL;
    }
  if (fts_exists && !type_info_read_fts (self, info, fts_table, error))
    {
      type_info_free (info);
      return NULL;
    }

  for (guint i = 0; i < 3; i++)
    {
      static const char * const candidates[] = { "name", "title", "filename" };
      int field = type_info_find_field (info, candidates[i]);

      if (field >= 0 && G_PARAM_SPEC_VALUE_TYPE (info->fields[field]) == G_TYPE_STRING)
        {
          info->search_column = g_strdup (candidates[i]);
          break;
        }
    }

  if (type_info_find_field (info, "name") >= 0)
    {
      info->default_sort = g_strdup ("name");
      info->default_descending = FALSE;
    }
  else
    {
      info->default_sort = g_strdup ("updated_at");
      info->default_descending = TRUE;
    }

  g_hash_table_insert (self->types, GSIZE_TO_POINTER (type), info);
  return info;
}

/* Values <-> columns ------------------------------------------------------ */

static char *
strv_to_json (const char * const *strv)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);

  json_node_take_array (node, array);
  return json_to_string (node, FALSE);
}

static char **
strv_from_json (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  g_autoptr(GPtrArray) strings = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_warning ("A list in the local database is not a JSON array: %s", text);
      return NULL;
    }

  array = json_node_get_array (node);
  strings = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_ptr_array_add (strings, g_strdup (json_node_get_string (element)));
    }
  g_ptr_array_add (strings, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);
}

/* Binds @value at @index. Strings are bound SQLITE_STATIC: @value must live
 * until the statement has been stepped. */
static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            GParamSpec   *pspec,
            const GValue *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_STRING:
      sqlite3_bind_text (stmt, index, g_value_get_string (value), -1, SQLITE_STATIC);
      break;
    case G_TYPE_INT:
      sqlite3_bind_int64 (stmt, index, g_value_get_int (value));
      break;
    case G_TYPE_UINT:
      sqlite3_bind_int64 (stmt, index, g_value_get_uint (value));
      break;
    case G_TYPE_LONG:
      sqlite3_bind_int64 (stmt, index, g_value_get_long (value));
      break;
    case G_TYPE_ULONG:
      sqlite3_bind_int64 (stmt, index, (sqlite3_int64) g_value_get_ulong (value));
      break;
    case G_TYPE_INT64:
      sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
      break;
    case G_TYPE_UINT64:
      sqlite3_bind_int64 (stmt, index, (sqlite3_int64) g_value_get_uint64 (value));
      break;
    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
      break;
    case G_TYPE_DOUBLE:
      sqlite3_bind_double (stmt, index, g_value_get_double (value));
      break;
    case G_TYPE_FLOAT:
      sqlite3_bind_double (stmt, index, g_value_get_float (value));
      break;
    case G_TYPE_ENUM:
      {
        GEnumValue *enum_value = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                                   g_value_get_enum (value));

        if (enum_value != NULL)
          sqlite3_bind_text (stmt, index, enum_value->value_nick, -1, SQLITE_STATIC);
        else
          sqlite3_bind_null (stmt, index);
      }
      break;
    case G_TYPE_BOXED:
      if (type == G_TYPE_DATE_TIME && g_value_get_boxed (value) != NULL)
        sqlite3_bind_text (stmt, index, pamong_timestamp_format (g_value_get_boxed (value)),
                           -1, g_free);
      else if (type == G_TYPE_STRV && g_value_get_boxed (value) != NULL)
        sqlite3_bind_text (stmt, index, strv_to_json (g_value_get_boxed (value)), -1, g_free);
      else
        sqlite3_bind_null (stmt, index);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
column_to_value (sqlite3_stmt *stmt,
                 int           column,
                 GParamSpec   *pspec,
                 GValue       *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      if (G_TYPE_FUNDAMENTAL (type) != G_TYPE_STRING && G_TYPE_FUNDAMENTAL (type) != G_TYPE_BOXED)
        g_param_value_set_default (pspec, value);
      return;
    }

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_STRING:
      g_value_set_string (value, (const char *) sqlite3_column_text (stmt, column));
      break;
    case G_TYPE_INT:
      g_value_set_int (value, (gint) sqlite3_column_int64 (stmt, column));
      break;
    case G_TYPE_UINT:
      g_value_set_uint (value, (guint) sqlite3_column_int64 (stmt, column));
      break;
    case G_TYPE_LONG:
      g_value_set_long (value, (glong) sqlite3_column_int64 (stmt, column));
      break;
    case G_TYPE_ULONG:
      g_value_set_ulong (value, (gulong) sqlite3_column_int64 (stmt, column));
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
      break;
    case G_TYPE_UINT64:
      g_value_set_uint64 (value, (guint64) sqlite3_column_int64 (stmt, column));
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, sqlite3_column_int64 (stmt, column) != 0);
      break;
    case G_TYPE_DOUBLE:
      g_value_set_double (value, sqlite3_column_double (stmt, column));
      break;
    case G_TYPE_FLOAT:
      g_value_set_float (value, (float) sqlite3_column_double (stmt, column));
      break;
    case G_TYPE_ENUM:
      {
        const char *nick = (const char *) sqlite3_column_text (stmt, column);
        GEnumValue *enum_value = g_enum_get_value_by_nick (G_PARAM_SPEC_ENUM (pspec)->enum_class, nick);

        if (enum_value != NULL)
          g_value_set_enum (value, enum_value->value);
        else
          {
            g_warning ("Unknown value “%s” for the field “%s” in the local database", nick, pspec->name);
            g_param_value_set_default (pspec, value);
          }
      }
      break;
    case G_TYPE_BOXED:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, column);

        if (type == G_TYPE_DATE_TIME)
          {
            GDateTime *timestamp = pamong_timestamp_parse (text);

            if (timestamp == NULL)
              g_warning ("Invalid timestamp “%s” for the field “%s” in the local database", text, pspec->name);
            g_value_take_boxed (value, timestamp);
          }
        else
          g_value_take_boxed (value, strv_from_json (text));
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Makes a record of the row @stmt is on; its columns are @info's fields. */
static PamongRecord *
row_to_record (TypeInfo     *info,
               sqlite3_stmt *stmt)
{
  GValue *values = g_newa0 (GValue, info->n_fields);
  GObject *object;

  for (guint i = 0; i < info->n_fields; i++)
    column_to_value (stmt, (int) i, info->fields[i], &values[i]);

  object = g_object_new_with_properties (info->type, info->n_fields, info->names, values);

  for (guint i = 0; i < info->n_fields; i++)
    g_value_unset (&values[i]);

  return PAMONG_RECORD (object);
}

/* Binds every field of @record to @stmt (the upsert), steps it once. */
static gboolean
store_write_record (PamongStore   *self,
                    TypeInfo      *info,
                    sqlite3_stmt  *stmt,
                    PamongRecord  *record,
                    GError       **error)
{
  GValue *values = g_newa0 (GValue, info->n_fields);
  gboolean ok = TRUE;

  for (guint i = 0; i < info->n_fields; i++)
    {
      g_value_init (&values[i], G_PARAM_SPEC_VALUE_TYPE (info->fields[i]));
      g_object_get_property (G_OBJECT (record), info->names[i], &values[i]);
      bind_value (stmt, (int) i + 1, info->fields[i], &values[i]);
    }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not write the record %s to “%s”"),
                         pamong_record_get_uuid (record), info->table);

      store_set_error (self, error, message);
      ok = FALSE;
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  for (guint i = 0; i < info->n_fields; i++)
    g_value_unset (&values[i]);

  return ok;
}

/* Open and migrate ---------------------------------------------------------- */

static gboolean
store_read_user_version (PamongStore  *self,
                         guint        *version,
                         GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    {
      store_set_error (self, error, _("Could not read the local database’s schema version"));
      return FALSE;
    }

  ok = sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    *version = (guint) sqlite3_column_int64 (stmt, 0);
  else
    store_set_error (self, error, _("Could not read the local database’s schema version"));

  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
store_migrate (PamongStore  *self,
               GError      **error)
{
  const PamongStoreMigration *migrations;
  guint n_migrations;
  guint version;

  if (!store_read_user_version (self, &version, error))
    return FALSE;

  if (version > PAMONG_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_SCHEMA_TOO_NEW,
                   _("The data file “%s” was written by a newer version of Pamong "
                     "(schema %u; this version knows up to %u). Update Pamong to open it."),
                   self->path, version, (guint) PAMONG_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  migrations = pamong_store_get_migrations (&n_migrations);

  for (guint i = 0; i < n_migrations; i++)
    {
      g_autofree char *set_version = NULL;
      g_autoptr(GError) local_error = NULL;

      if (migrations[i].version <= version)
        continue;

      if (!transaction_begin (self, error))
        return FALSE;

      /* Another process may have migrated while we waited for the lock. */
      if (!store_read_user_version (self, &version, error))
        {
          transaction_rollback (self);
          return FALSE;
        }
      if (migrations[i].version <= version)
        {
          transaction_rollback (self);
          continue;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %u", migrations[i].version);
      if (!store_exec (self, migrations[i].sql, &local_error) ||
          !store_exec (self, set_version, &local_error))
        {
          transaction_rollback (self);
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_STORE,
                       _("Could not upgrade the local database to schema version %u: %s"),
                       migrations[i].version, local_error->message);
          return FALSE;
        }

      if (!transaction_commit (self, error))
        return FALSE;

      version = migrations[i].version;
      g_debug ("Migrated %s to schema version %u", self->path, version);
    }

  self->schema_version = version;
  return TRUE;
}

static gboolean
store_setup (PamongStore  *self,
             GError      **error)
{
  const GType *types;
  guint n_types;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_STORE,
                   _("Could not open the data file “%s”: %s"),
                   self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);

  /* busy_timeout first: switching to WAL needs the write lock. */
  if (!store_exec (self, "PRAGMA busy_timeout = 5000", error) ||
      !store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (!store_migrate (self, error))
    return FALSE;

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    if (store_get_type_info (self, types[i], error) == NULL)
      return FALSE;

  return TRUE;
}

/* GObject ----------------------------------------------------------------- */

static void
pamong_store_finalize (GObject *object)
{
  PamongStore *self = PAMONG_STORE (object);

  if (self->transaction_depth > 0)
    {
      g_critical ("PamongStore finalized inside a transaction; rolling it back");
      self->transaction_depth = 1;
      transaction_rollback (self);
    }

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->types, g_hash_table_unref);
  g_clear_pointer (&self->pending_changes, g_ptr_array_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (pamong_store_parent_class)->finalize (object);
}

static void
pamong_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PamongStore *self = PAMONG_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_SCHEMA_VERSION:
      g_value_set_uint (value, self->schema_version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PamongStore *self = PAMONG_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_store_class_init (PamongStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pamong_store_finalize;
  object_class->get_property = pamong_store_get_property;
  object_class->set_property = pamong_store_set_property;

  /**
   * PamongStore:path:
   *
   * The database file, or ":memory:".
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PamongStore:schema-version:
   *
   * The schema version of the open database (after migration, always
   * %PAMONG_STORE_SCHEMA_VERSION).
   */
  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_uint ("schema-version", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PamongStore::changed:
   * @self: the store
   * @collection: the collection whose rows changed, e.g. "applications"
   *
   * Emitted after a save, delete or import has been committed, once per
   * collection it touched. The detail is the collection, so a list can
   * connect to "changed::applications".
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
pamong_store_init (PamongStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            statement_free);
  self->types = g_hash_table_new_full (NULL, NULL, NULL, type_info_free);
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
}

/* Public API -------------------------------------------------------------- */

/**
 * pamong_store_open:
 * @path: the database file (created if missing), or ":memory:"
 * @error: return location for a #GError
 *
 * Opens the local store and migrates its schema to
 * %PAMONG_STORE_SCHEMA_VERSION. A file from a newer Pamong is refused with
 * %PAMONG_ERROR_SCHEMA_TOO_NEW.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
PamongStore *
pamong_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(PamongStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PAMONG_TYPE_STORE, "path", path, NULL);
  if (!store_setup (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

guint
pamong_store_get_schema_version (PamongStore *self)
{
  g_return_val_if_fail (PAMONG_IS_STORE (self), 0);

  return self->schema_version;
}

const char *
pamong_store_get_path (PamongStore *self)
{
  g_return_val_if_fail (PAMONG_IS_STORE (self), NULL);

  return self->path;
}

/**
 * pamong_store_get_db:
 * @self: a #PamongStore
 *
 * For pamong-server's own tables only (see pamong-store-sql.h).
 *
 * Returns: (transfer none): the store's SQLite connection
 */
sqlite3 *
pamong_store_get_db (PamongStore *self)
{
  g_return_val_if_fail (PAMONG_IS_STORE (self), NULL);

  return self->db;
}

/**
 * pamong_store_prepare:
 * @self: a #PamongStore
 * @sql: one SQL statement with `?` parameters
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): a cached statement, reset and without
 *   bindings; hold it with g_autoptr(PamongStoreStmt)
 */
sqlite3_stmt *
pamong_store_prepare (PamongStore  *self,
                      const char   *sql,
                      GError      **error)
{
  g_return_val_if_fail (PAMONG_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  return store_prepare (self, sql, error);
}

/**
 * pamong_store_release:
 * @stmt: (nullable): a statement from pamong_store_prepare()
 *
 * Resets @stmt and clears its bindings, ready for the next use.
 */
void
pamong_store_release (sqlite3_stmt *stmt)
{
  store_stmt_release (stmt);
}

/**
 * pamong_store_exec:
 * @self: a #PamongStore
 * @sql: SQL without parameters (schema statements)
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_store_exec (PamongStore  *self,
                   const char   *sql,
                   GError      **error)
{
  g_return_val_if_fail (PAMONG_IS_STORE (self), FALSE);

  return store_exec (self, sql, error);
}

/**
 * pamong_store_set_sql_error:
 * @self: a #PamongStore
 * @error: return location for a #GError
 * @message: what failed, for a person
 *
 * Sets a %PAMONG_ERROR_STORE error with @message and SQLite's own.
 */
void
pamong_store_set_sql_error (PamongStore  *self,
                            GError      **error,
                            const char   *message)
{
  store_set_error (self, error, message);
}

/**
 * pamong_store_exec_param:
 * @self: a #PamongStore
 * @sql: one SQL statement with one parameter, `?1`, that returns no rows
 *   (e.g. `DELETE FROM t WHERE name = ?1`)
 * @param: (nullable): the text bound to `?1` (%NULL binds SQL NULL)
 * @message: what failed, for a person, if the statement fails
 * @error: return location for a #GError
 *
 * Runs @sql once; sqlite3_changes() on pamong_store_get_db() then says how
 * many rows it changed.
 *
 * Returns: %TRUE on success; %FALSE with %PAMONG_ERROR_STORE (@message and
 *   SQLite's own) otherwise
 */
gboolean
pamong_store_exec_param (PamongStore  *self,
                         const char   *sql,
                         const char   *param,
                         const char   *message,
                         GError      **error)
{
  /* An unbound parameter is NULL, as @param NULL promises. */
  return pamong_store_query_int64 (self, sql, param, NULL, NULL, message, error);
}

/**
 * pamong_store_query_int64:
 * @self: a #PamongStore
 * @sql: one SQL query, with at most one parameter, `?1`
 * @param: (nullable): the text bound to `?1`, or %NULL to bind nothing
 * @value: (out) (optional): the first column of the first row as an
 *   integer, 0 if the query returns no row
 * @found: (out) (optional): whether the query returns a row
 * @message: what failed, for a person, if the query fails
 * @error: return location for a #GError
 *
 * Runs a query for one value or for whether something exists, e.g.
 * `SELECT count(*) FROM t` or `SELECT 1 FROM t WHERE name = ?1`; only the
 * first row is read.
 *
 * Returns: %TRUE on success; %FALSE with %PAMONG_ERROR_STORE (@message and
 *   SQLite's own) otherwise
 */
gboolean
pamong_store_query_int64 (PamongStore  *self,
                          const char   *sql,
                          const char   *param,
                          gint64       *value,
                          gboolean     *found,
                          const char   *message,
                          GError      **error)
{
  g_autoptr(StoreStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (PAMONG_IS_STORE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  stmt = store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      has_row = TRUE;
      break;
    case SQLITE_DONE:
      has_row = FALSE;
      break;
    default:
      store_set_error (self, error, message);
      return FALSE;
    }

  if (value != NULL)
    *value = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  if (found != NULL)
    *found = has_row;
  return TRUE;
}

/* A change to a full-text index. Writes collect them and apply them after
 * the rows: FTS5 then sees one run of plain inserts (see
 * pamong-store-migrations.c for why that matters). */
typedef struct
{
  TypeInfo  *info;
  gboolean   is_delete;
  gint64     id;
  char     **values;   /* the indexed columns' text, info->n_fts_fields */
} SearchIndexChange;

static void
search_index_change_clear (gpointer data)
{
  SearchIndexChange *change = data;

  for (guint i = 0; i < change->info->n_fts_fields; i++)
    g_free (change->values[i]);
  g_free (change->values);
}

static GArray *
search_index_changes_new (void)
{
  GArray *changes = g_array_new (FALSE, TRUE, sizeof (SearchIndexChange));

  g_array_set_clear_func (changes, search_index_change_clear);
  return changes;
}

/* Reads the indexed values the row of @uuid has now; *@id = 0 if none. */
static gboolean
store_read_indexed_row (PamongStore        *self,
                        TypeInfo           *info,
                        const char         *uuid,
                        gint64             *id,
                        SearchIndexChange  *change,
                        GError            **error)
{
  g_autoptr(StoreStmt) stmt = NULL;

  if (info->fts_old_stmt == NULL)
    info->fts_old_stmt = store_prepare (self, info->fts_old_sql, error);
  if (info->fts_old_stmt == NULL)
    return FALSE;

  stmt = info->fts_old_stmt;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_DONE:
      *id = 0;
      return TRUE;
    case SQLITE_ROW:
      break;
    default:
      store_set_error (self, error, _("Could not read a record from the local database"));
      return FALSE;
    }

  *change = (SearchIndexChange) { info, TRUE, sqlite3_column_int64 (stmt, 0), NULL };
  *id = change->id;
  change->values = g_new0 (char *, info->n_fts_fields);
  for (guint i = 0; i < info->n_fts_fields; i++)
    change->values[i] = g_strdup ((const char *) sqlite3_column_text (stmt, (int) i + 1));

  return TRUE;
}

/* Inserts or replaces @record's row; queues the search index changes this
 * needs on @changes (nothing when the indexed text stays the same). */
static gboolean
store_put_record (PamongStore   *self,
                  TypeInfo      *info,
                  PamongRecord  *record,
                  GArray        *changes,
                  GError       **error)
{
  SearchIndexChange old = { 0 };
  SearchIndexChange fresh = { 0 };
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (info->fts_table != NULL &&
      !store_read_indexed_row (self, info, pamong_record_get_uuid (record), &id, &old, error))
    return FALSE;

  if (info->upsert_stmt == NULL)
    info->upsert_stmt = store_prepare (self, info->upsert_sql, error);
  stmt = info->upsert_stmt;
  if (stmt == NULL || !store_write_record (self, info, stmt, record, error))
    {
      if (old.values != NULL)
        search_index_change_clear (&old);
      return FALSE;
    }

  if (info->fts_table == NULL)
    return TRUE;

  fresh = (SearchIndexChange) { info, FALSE, id ? id : sqlite3_last_insert_rowid (self->db), NULL };
  fresh.values = g_new0 (char *, info->n_fts_fields);
  for (guint i = 0; i < info->n_fts_fields; i++)
    g_object_get (record, info->names[info->fts_fields[i]], &fresh.values[i], NULL);

  if (old.values != NULL)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < info->n_fts_fields && same; i++)
        same = g_strcmp0 (old.values[i], fresh.values[i]) == 0;

      if (same)
        {
          search_index_change_clear (&old);
          search_index_change_clear (&fresh);
          return TRUE;
        }

      g_array_append_val (changes, old);
    }

  g_array_append_val (changes, fresh);
  return TRUE;
}

/* Applies @changes in order (a row may change twice in one import). */
static gboolean
store_apply_index_changes (PamongStore  *self,
                           GArray       *changes,
                           GError      **error)
{
  for (guint i = 0; i < changes->len; i++)
    {
      SearchIndexChange *change = &g_array_index (changes, SearchIndexChange, i);
      const char *sql = change->is_delete ? change->info->fts_delete_sql : change->info->fts_insert_sql;
      g_autoptr(StoreStmt) stmt = store_prepare (self, sql, error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, change->id);
      for (guint j = 0; j < change->info->n_fts_fields; j++)
        sqlite3_bind_text (stmt, (int) j + 2, change->values[j], -1, SQLITE_STATIC);

      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          store_set_error (self, error, _("Could not update the search index"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
store_import_records (PamongStore  *self,
                      GPtrArray    *records,
                      GError      **error)
{
  g_autoptr(GArray) changes = search_index_changes_new ();
  TypeInfo *info = NULL;

  for (guint i = 0; i < records->len; i++)
    {
      PamongRecord *record = g_ptr_array_index (records, i);

      if (!PAMONG_IS_RECORD (record))
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("Item %u of an import is not a record"), i);
          return FALSE;
        }

      if (info == NULL || info->type != G_OBJECT_TYPE (record))
        {
          info = store_get_type_info (self, G_OBJECT_TYPE (record), error);
          if (info == NULL)
            return FALSE;
          store_mark_changed (self, info->table);
        }

      if (!store_put_record (self, info, record, changes, error))
        return FALSE;
    }

  return store_apply_index_changes (self, changes, error);
}

typedef struct
{
  PamongLocalState  local_state;
  gint64            change_count;
  gint64            base_rev;
  gint64            rev;
  gboolean          deleted;
  GDateTime        *created_at;
  GDateTime        *updated_at;
} LocalFields;

static void
local_fields_read (LocalFields  *fields,
                   PamongRecord *record)
{
  fields->local_state = pamong_record_get_local_state (record);
  fields->change_count = pamong_record_get_change_count (record);
  fields->base_rev = pamong_record_get_base_rev (record);
  fields->rev = pamong_record_get_rev (record);
  fields->deleted = pamong_record_get_deleted (record);
  fields->created_at = pamong_record_get_created_at (record);
  if (fields->created_at)
    g_date_time_ref (fields->created_at);
  fields->updated_at = pamong_record_get_updated_at (record);
  if (fields->updated_at)
    g_date_time_ref (fields->updated_at);
}

static void
local_fields_write (LocalFields  *fields,
                    PamongRecord *record)
{
  pamong_record_set_local_state (record, fields->local_state);
  pamong_record_set_change_count (record, fields->change_count);
  pamong_record_set_base_rev (record, fields->base_rev);
  pamong_record_set_rev (record, fields->rev);
  pamong_record_set_deleted (record, fields->deleted);
  pamong_record_set_created_at (record, fields->created_at);
  pamong_record_set_updated_at (record, fields->updated_at);
}

static void
local_fields_clear (LocalFields *fields)
{
  g_clear_pointer (&fields->created_at, g_date_time_unref);
  g_clear_pointer (&fields->updated_at, g_date_time_unref);
}

static PamongLocalState
local_state_from_nick (const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PAMONG_TYPE_LOCAL_STATE);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick ? nick : "");

  return value ? (PamongLocalState) value->value : PAMONG_LOCAL_STATE_SYNCED;
}

/* Reads the stored bookkeeping of the row with @uuid. */
static gboolean
store_read_local_fields (PamongStore  *self,
                         TypeInfo     *info,
                         const char   *uuid,
                         gboolean     *found,
                         LocalFields  *fields,
                         GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(StoreStmt) stmt = NULL;
  const char *created_at;

  sql = g_strdup_printf ("SELECT local_state, change_count, base_rev, rev, deleted, created_at "
                         "FROM \"%s\" WHERE uuid = ?1", info->table);
  stmt = store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_DONE:
      *found = FALSE;
      return TRUE;
    case SQLITE_ROW:
      *found = TRUE;
      fields->local_state = local_state_from_nick ((const char *) sqlite3_column_text (stmt, 0));
      fields->change_count = sqlite3_column_int64 (stmt, 1);
      fields->base_rev = sqlite3_column_int64 (stmt, 2);
      fields->rev = sqlite3_column_int64 (stmt, 3);
      fields->deleted = sqlite3_column_int64 (stmt, 4) != 0;
      created_at = (const char *) sqlite3_column_text (stmt, 5);
      fields->created_at = created_at ? pamong_timestamp_parse (created_at) : NULL;
      return TRUE;
    default:
      store_set_error (self, error, _("Could not read a record from the local database"));
      return FALSE;
    }
}

/**
 * pamong_store_save:
 * @self: a #PamongStore
 * @record: the record the user edited
 * @error: return location for a #GError
 *
 * Stores a user's edit: inserts @record or updates the row with its uuid,
 * and has it on disk before returning. Marks the edit for the sync engine:
 * updated-at becomes now, change-count goes up by one, and local-state
 * becomes created for a new row or modified for a synced one (see the
 * rules at the top of this file). @record is updated with the stored
 * bookkeeping fields.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_store_save (PamongStore   *self,
                   PamongRecord  *record,
                   GError       **error)
{
  g_autoptr(GArray) changes = search_index_changes_new ();
  LocalFields before = { 0 };
  LocalFields stored = { 0 };
  TypeInfo *info;
  gboolean found = FALSE;
  PamongLocalState state;
  gboolean ok = FALSE;

  g_return_val_if_fail (PAMONG_IS_STORE (self), FALSE);
  g_return_val_if_fail (PAMONG_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = store_get_type_info (self, G_OBJECT_TYPE (record), error);
  if (info == NULL)
    return FALSE;

  if (pamong_record_get_uuid (record) == NULL)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                   _("%s: a record without a uuid cannot be saved"), info->table);
      return FALSE;
    }

  if (!transaction_begin (self, error))
    return FALSE;

  if (!store_read_local_fields (self, info, pamong_record_get_uuid (record),
                                &found, &stored, error))
    {
      transaction_rollback (self);
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (record));
  local_fields_read (&before, record);

  if (pamong_record_get_deleted (record))
    state = PAMONG_LOCAL_STATE_DELETED;
  else if (!found)
    state = PAMONG_LOCAL_STATE_CREATED;
  else
    switch (stored.local_state)
      {
      case PAMONG_LOCAL_STATE_SYNCED:
        state = PAMONG_LOCAL_STATE_MODIFIED;
        break;
      case PAMONG_LOCAL_STATE_DELETED:
        state = (stored.base_rev > 0 || stored.rev > 0)
          ? PAMONG_LOCAL_STATE_MODIFIED : PAMONG_LOCAL_STATE_CREATED;
        break;
      case PAMONG_LOCAL_STATE_CREATED:
      case PAMONG_LOCAL_STATE_MODIFIED:
      case PAMONG_LOCAL_STATE_CONFLICT:
      default:
        state = stored.local_state;
        break;
      }

  if (found)
    {
      /* The edit was made against the rev the user's copy had; rev itself
       * and created-at are the store's (a sync may have moved rev since). */
      if (stored.local_state == PAMONG_LOCAL_STATE_SYNCED)
        pamong_record_set_base_rev (record, before.rev);
      else
        pamong_record_set_base_rev (record, stored.base_rev);
      pamong_record_set_rev (record, stored.rev);
      if (stored.created_at != NULL)
        pamong_record_set_created_at (record, stored.created_at);
      pamong_record_set_change_count (record, stored.change_count + 1);
    }
  else
    pamong_record_set_change_count (record, before.change_count + 1);

  pamong_record_set_local_state (record, state);
  pamong_record_touch (record);

  if (store_put_record (self, info, record, changes, error) &&
      store_apply_index_changes (self, changes, error))
    {
      store_mark_changed (self, info->table);
      ok = transaction_commit (self, error);
    }
  else
    transaction_rollback (self);

  if (!ok)
    local_fields_write (&before, record);

  local_fields_clear (&before);
  local_fields_clear (&stored);
  g_object_thaw_notify (G_OBJECT (record));

  return ok;
}

/**
 * pamong_store_delete:
 * @self: a #PamongStore
 * @record: a stored record
 * @error: return location for a #GError
 *
 * Stores a user's delete as a tombstone: the row stays, with deleted set,
 * local-state deleted, change-count up by one and updated-at now; queries
 * hide it. Only the bookkeeping changes: other edits in @record are not
 * saved. @record is updated to match. Deleting a tombstone again changes
 * nothing. A record that was never stored fails with
 * %PAMONG_ERROR_NOT_FOUND.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_store_delete (PamongStore   *self,
                     PamongRecord  *record,
                     GError       **error)
{
  g_autoptr(StoreStmt) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *now_text = NULL;
  LocalFields stored = { 0 };
  TypeInfo *info;
  gboolean found = FALSE;

  g_return_val_if_fail (PAMONG_IS_STORE (self), FALSE);
  g_return_val_if_fail (PAMONG_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = store_get_type_info (self, G_OBJECT_TYPE (record), error);
  if (info == NULL)
    return FALSE;

  if (!transaction_begin (self, error))
    return FALSE;

  if (!store_read_local_fields (self, info, pamong_record_get_uuid (record),
                                &found, &stored, error))
    {
      transaction_rollback (self);
      return FALSE;
    }

  if (!found)
    {
      transaction_rollback (self);
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
                   _("%s: there is no record %s to delete"),
                   info->table, pamong_record_get_uuid (record));
      return FALSE;
    }

  if (stored.deleted && stored.local_state == PAMONG_LOCAL_STATE_DELETED)
    {
      local_fields_clear (&stored);
      transaction_rollback (self);
      g_object_freeze_notify (G_OBJECT (record));
      pamong_record_set_deleted (record, TRUE);
      pamong_record_set_local_state (record, PAMONG_LOCAL_STATE_DELETED);
      g_object_thaw_notify (G_OBJECT (record));
      return TRUE;
    }

  now = pamong_timestamp_now ();
  now_text = pamong_timestamp_format (now);
  sql = g_strdup_printf ("UPDATE \"%s\" SET deleted = 1, local_state = 'deleted', "
                         "change_count = ?1, updated_at = ?2 WHERE uuid = ?3", info->table);
  stmt = store_prepare (self, sql, error);
  if (stmt == NULL)
    {
      local_fields_clear (&stored);
      transaction_rollback (self);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, stored.change_count + 1);
  sqlite3_bind_text (stmt, 2, now_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, pamong_record_get_uuid (record), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      store_set_error (self, error, _("Could not delete the record"));
      local_fields_clear (&stored);
      transaction_rollback (self);
      return FALSE;
    }

  g_clear_pointer (&stmt, store_stmt_release);
  store_mark_changed (self, info->table);
  if (!transaction_commit (self, error))
    {
      local_fields_clear (&stored);
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (record));
  pamong_record_set_deleted (record, TRUE);
  pamong_record_set_local_state (record, PAMONG_LOCAL_STATE_DELETED);
  pamong_record_set_change_count (record, stored.change_count + 1);
  pamong_record_set_base_rev (record, stored.base_rev);
  pamong_record_set_rev (record, stored.rev);
  pamong_record_set_updated_at (record, now);
  g_object_thaw_notify (G_OBJECT (record));

  local_fields_clear (&stored);
  return TRUE;
}

/**
 * pamong_store_import:
 * @self: a #PamongStore
 * @records: (element-type PamongRecord): the records to store
 * @error: return location for a #GError
 *
 * Stores @records exactly as given, every field including the local ones,
 * inserting or replacing rows by uuid — all in one transaction: either all
 * are stored or none. For seeding and for the sync engine's pull; records
 * may come in any order (children before parents too).
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_store_import (PamongStore  *self,
                     GPtrArray    *records,
                     GError      **error)
{
  g_return_val_if_fail (PAMONG_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (records->len == 0)
    return TRUE;

  if (!transaction_begin (self, error))
    return FALSE;

  if (!store_import_records (self, records, error))
    {
      transaction_rollback (self);
      return FALSE;
    }

  return transaction_commit (self, error);
}

/**
 * pamong_store_lookup:
 * @self: a #PamongStore
 * @type: the record type
 * @uuid: the record's uuid
 * @error: return location for a #GError
 *
 * Finds a record by uuid; a tombstone is found too (see
 * pamong_record_get_deleted()).
 *
 * Returns: (transfer full): a new record, or %NULL with
 *   %PAMONG_ERROR_NOT_FOUND
 */
PamongRecord *
pamong_store_lookup (PamongStore  *self,
                     GType         type,
                     const char   *uuid,
                     GError      **error)
{
  g_autoptr(StoreStmt) stmt = NULL;
  TypeInfo *info;

  g_return_val_if_fail (PAMONG_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = store_get_type_info (self, type, error);
  if (info == NULL)
    return NULL;

  stmt = store_prepare (self, info->select_by_uuid_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      return row_to_record (info, stmt);
    case SQLITE_DONE:
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
                   _("%s: there is no record %s"), info->table, uuid);
      return NULL;
    default:
      store_set_error (self, error, _("Could not read a record from the local database"));
      return NULL;
    }
}

PamongRecord *
pamong_store_load_id (PamongStore  *self,
                      GType         type,
                      gint64        id,
                      GError      **error)
{
  g_autoptr(StoreStmt) stmt = NULL;
  TypeInfo *info;

  info = store_get_type_info (self, type, error);
  if (info == NULL)
    return NULL;

  stmt = store_prepare (self, info->select_by_id_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      return row_to_record (info, stmt);
    case SQLITE_DONE:
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
                   _("%s: the record is no longer in the local database"), info->table);
      return NULL;
    default:
      store_set_error (self, error, _("Could not read a record from the local database"));
      return NULL;
    }
}

/* Queries ------------------------------------------------------------------ */

typedef struct
{
  gboolean  is_text;
  char     *text;
  gint64    number;
} Binding;

static void
binding_clear (gpointer data)
{
  g_free (((Binding *) data)->text);
}

static void
bindings_add_text (GArray *bindings,
                   char   *text)
{
  Binding binding = { TRUE, text, 0 };

  g_array_append_val (bindings, binding);
}

static void
bindings_add_int (GArray *bindings,
                  gint64  number)
{
  Binding binding = { FALSE, NULL, number };

  g_array_append_val (bindings, binding);
}

static char *
fts_match_expression (char **words)
{
  GString *match = g_string_new (NULL);

  /* Each word becomes an FTS5 string — so nothing the user types is read
   * as syntax — with '*' for a prefix match; strings side by side AND. */
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *p);
        }
      g_string_append (match, "\"*");
    }

  return g_string_free (match, FALSE);
}

static char *
like_pattern (const char *word)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = word; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static gboolean
filter_to_sql (TypeInfo                 *info,
               const PamongQueryFilter  *filter,
               GString                  *where,
               GArray                   *bindings,
               GError                  **error)
{
  GParamSpec *pspec;
  GType type;
  GType fundamental;
  int field;

  field = type_info_find_field (info, filter->field);
  if (field < 0)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("%s has no field “%s” to filter on"), info->table, filter->field);
      return FALSE;
    }

  pspec = info->fields[field];
  type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  fundamental = G_TYPE_FUNDAMENTAL (type);

  if (filter->kind == PAMONG_QUERY_FILTER_STRING)
    {
      if (fundamental == G_TYPE_ENUM && filter->string_value != NULL &&
          g_enum_get_value_by_nick (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                    filter->string_value) == NULL)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("“%s” is not a value of the field “%s” of %s"),
                       filter->string_value, filter->field, info->table);
          return FALSE;
        }
      if (fundamental != G_TYPE_STRING && fundamental != G_TYPE_ENUM &&
          type != G_TYPE_DATE_TIME)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("The field “%s” of %s cannot be matched against text"),
                       filter->field, info->table);
          return FALSE;
        }

      if (filter->string_value == NULL)
        g_string_append_printf (where, " AND \"%s\" IS NULL", info->columns[field]);
      else
        {
          g_string_append_printf (where, " AND \"%s\" = ?", info->columns[field]);
          bindings_add_text (bindings, g_strdup (filter->string_value));
        }
      return TRUE;
    }

  if (fundamental == G_TYPE_ENUM)
    {
      GEnumValue *value = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                            (gint) filter->int_value);

      if (value == NULL || value->value != filter->int_value)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, filter->int_value);

          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("%s is not a value of the field “%s” of %s"),
                       number, filter->field, info->table);
          return FALSE;
        }
      g_string_append_printf (where, " AND \"%s\" = ?", info->columns[field]);
      bindings_add_text (bindings, g_strdup (value->value_nick));
      return TRUE;
    }

  if (!g_str_equal (column_decl_type (pspec), "INTEGER"))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The field “%s” of %s is not a number"),
                   filter->field, info->table);
      return FALSE;
    }

  g_string_append_printf (where, " AND \"%s\" = ?", info->columns[field]);
  bindings_add_int (bindings, filter->int_value);
  return TRUE;
}

/* Builds "FROM t WHERE …" for @query and the values to bind to it. */
static gboolean
query_to_sql (PamongStore  *self,
              PamongQuery  *query,
              TypeInfo    **out_info,
              GString      *from_where,
              GArray       *bindings,
              GError      **error)
{
  g_auto(GStrv) words = NULL;
  TypeInfo *info;

  info = store_get_type_info (self, query->record_type, error);
  if (info == NULL)
    return FALSE;

  words = pamong_query_split_search (query->search);

  g_string_append_printf (from_where, " FROM \"%s\" WHERE 1", info->table);

  /* With a full-text search, the matches drive the plan (few rows to look
   * up and sort); "+" keeps the planner off the (deleted, …) indexes, which
   * would walk every live row in order to test each against the matches. */
  if (!query->include_deleted)
    g_string_append (from_where, (words[0] != NULL && info->fts_table != NULL)
                                 ? " AND +deleted = 0" : " AND deleted = 0");

  for (guint i = 0; i < query->filters->len; i++)
    if (!filter_to_sql (info, &g_array_index (query->filters, PamongQueryFilter, i),
                        from_where, bindings, error))
      return FALSE;

  if (words[0] != NULL)
    {
      if (info->fts_table != NULL)
        {
          g_string_append_printf (from_where,
                                  " AND id IN (SELECT rowid FROM \"%s\" WHERE \"%s\" MATCH ?)",
                                  info->fts_table, info->fts_table);
          bindings_add_text (bindings, fts_match_expression (words));
        }
      else if (info->search_column != NULL)
        {
          for (guint i = 0; words[i] != NULL; i++)
            {
              g_string_append_printf (from_where, " AND \"%s\" LIKE ? ESCAPE '\\'",
                                      info->search_column);
              bindings_add_text (bindings, like_pattern (words[i]));
            }
        }
      else
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("%s cannot be searched by text"), info->table);
          return FALSE;
        }
    }

  *out_info = info;
  return TRUE;
}

static void
bind_all (sqlite3_stmt *stmt,
          GArray       *bindings)
{
  for (guint i = 0; i < bindings->len; i++)
    {
      const Binding *binding = &g_array_index (bindings, Binding, i);

      if (binding->is_text)
        sqlite3_bind_text (stmt, (int) i + 1, binding->text, -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (stmt, (int) i + 1, binding->number);
    }
}

/* Runs @query's id query: the rowids of the matching rows, in order. */
GArray *
pamong_store_query_ids (PamongStore  *self,
                        PamongQuery  *query,
                        GError      **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  g_autoptr(GArray) bindings = g_array_new (FALSE, TRUE, sizeof (Binding));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(StoreStmt) stmt = NULL;
  const char *sort_column;
  gboolean descending;
  TypeInfo *info = NULL;
  int rc;

  g_array_set_clear_func (bindings, binding_clear);

  if (!query_to_sql (self, query, &info, sql, bindings, error))
    return NULL;

  if (query->sort_field != NULL)
    {
      int field = type_info_find_field (info, query->sort_field);

      if (field < 0)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("%s has no field “%s” to sort by"), info->table, query->sort_field);
          return NULL;
        }
      sort_column = info->columns[field];
      descending = query->sort_descending;
    }
  else
    {
      sort_column = info->default_sort;
      descending = info->default_descending;
    }

  {
    int field = type_info_find_field (info, sort_column);
    gboolean is_text = G_PARAM_SPEC_VALUE_TYPE (info->fields[field]) == G_TYPE_STRING;

    g_string_append_printf (sql, " ORDER BY \"%s\"%s %s, id %s",
                            sort_column, is_text ? " COLLATE NOCASE" : "",
                            descending ? "DESC" : "ASC",
                            descending ? "DESC" : "ASC");
  }

  stmt = store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  bind_all (stmt, bindings);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      store_set_error (self, error, _("Could not list records from the local database"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * pamong_store_query:
 * @self: a #PamongStore
 * @query: what to list
 * @error: return location for a #GError
 *
 * Lists the records @query selects as a lazy #GListModel whose item type
 * is the record type: the matching ids are read at once, each record only
 * when asked for (a few hundred stay cached). The list follows the store:
 * when the collection changes it runs the query again and reports the
 * difference with #GListModel::items-changed. Field names in @query are
 * checked here, and an unknown one is a %PAMONG_ERROR_INVALID_DATA.
 *
 * Returns: (transfer full): a #PamongQueryModel, or %NULL with @error set
 */
GListModel *
pamong_store_query (PamongStore  *self,
                    PamongQuery  *query,
                    GError      **error)
{
  g_return_val_if_fail (PAMONG_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return pamong_query_model_new (self, query, error);
}

/**
 * pamong_store_count:
 * @self: a #PamongStore
 * @query: what to count
 * @error: return location for a #GError
 *
 * Returns: the number of records @query selects; 0 with @error set on
 *   failure
 */
guint
pamong_store_count (PamongStore  *self,
                    PamongQuery  *query,
                    GError      **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*)");
  g_autoptr(GArray) bindings = g_array_new (FALSE, TRUE, sizeof (Binding));
  g_autoptr(StoreStmt) stmt = NULL;
  TypeInfo *info = NULL;

  g_return_val_if_fail (PAMONG_IS_STORE (self), 0);
  g_return_val_if_fail (query != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  g_array_set_clear_func (bindings, binding_clear);

  if (!query_to_sql (self, query, &info, sql, bindings, error))
    return 0;

  stmt = store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return 0;

  bind_all (stmt, bindings);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      store_set_error (self, error, _("Could not count records in the local database"));
      return 0;
    }

  return (guint) sqlite3_column_int64 (stmt, 0);
}

/* Transactions and meta ------------------------------------------------------ */

/**
 * pamong_store_begin:
 * @self: a #PamongStore
 * @error: return location for a #GError
 *
 * Starts a transaction that groups the following saves, deletes, imports
 * and meta changes: they are committed together by pamong_store_commit()
 * or undone by pamong_store_rollback() (e.g. a sync page and its cursor).
 * Transactions nest. "changed" is emitted when the outermost one commits.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_store_begin (PamongStore  *self,
                    GError      **error)
{
  g_return_val_if_fail (PAMONG_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return transaction_begin (self, error);
}

/**
 * pamong_store_commit:
 * @self: a #PamongStore
 * @error: return location for a #GError
 *
 * Commits the innermost transaction started with pamong_store_begin(). If
 * the outermost commit fails (e.g. a record's parent is missing), the whole
 * transaction is rolled back.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_store_commit (PamongStore  *self,
                     GError      **error)
{
  g_return_val_if_fail (PAMONG_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return transaction_commit (self, error);
}

/**
 * pamong_store_rollback:
 * @self: a #PamongStore
 *
 * Undoes the innermost transaction started with pamong_store_begin().
 */
void
pamong_store_rollback (PamongStore *self)
{
  g_return_if_fail (PAMONG_IS_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  transaction_rollback (self);
}

/**
 * pamong_store_get_meta:
 * @self: a #PamongStore
 * @key: a key, e.g. "sync-cursor"
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the value stored under @key, or
 *   %NULL if there is none (without an error)
 */
char *
pamong_store_get_meta (PamongStore  *self,
                       const char   *key,
                       GError      **error)
{
  g_autoptr(StoreStmt) stmt = NULL;

  g_return_val_if_fail (PAMONG_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = store_prepare (self, "SELECT value FROM meta WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    case SQLITE_DONE:
      return NULL;
    default:
      store_set_error (self, error, _("Could not read a setting from the local database"));
      return NULL;
    }
}

/**
 * pamong_store_set_meta:
 * @self: a #PamongStore
 * @key: a key
 * @value: (nullable): the value, or %NULL to remove @key
 * @error: return location for a #GError
 *
 * Stores a value of the store's own (such as the sync cursor), durably, or
 * as part of the current transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_store_set_meta (PamongStore  *self,
                       const char   *key,
                       const char   *value,
                       GError      **error)
{
  g_autoptr(StoreStmt) stmt = NULL;
  const char *sql;

  g_return_val_if_fail (PAMONG_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (value != NULL)
    sql = "INSERT INTO meta (key, value) VALUES (?1, ?2) "
          "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
  else
    sql = "DELETE FROM meta WHERE key = ?1";

  if (!transaction_begin (self, error))
    return FALSE;

  stmt = store_prepare (self, sql, error);
  if (stmt == NULL)
    {
      transaction_rollback (self);
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      store_set_error (self, error, _("Could not store a setting in the local database"));
      g_clear_pointer (&stmt, store_stmt_release);
      transaction_rollback (self);
      return FALSE;
    }

  g_clear_pointer (&stmt, store_stmt_release);
  return transaction_commit (self, error);
}

/**
 * pamong_store_list_pending:
 * @self: a #PamongStore
 * @type: the record type
 * @error: return location for a #GError
 *
 * The rows of @type the sync engine must look at: every row whose
 * local-state is not synced (created, modified, deleted or conflict),
 * tombstones included, in the order they were first stored.
 *
 * Returns: (transfer full) (element-type PamongRecord): the rows, or %NULL
 *   on error
 */
GPtrArray *
pamong_store_list_pending (PamongStore  *self,
                           GType         type,
                           GError      **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(StoreStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  TypeInfo *info;
  const char *select_sql;
  int rc;

  g_return_val_if_fail (PAMONG_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = store_get_type_info (self, type, error);
  if (info == NULL)
    return NULL;

  /* select_by_id_sql is "SELECT <columns> FROM "<table>" WHERE id = ?1";
   * the same columns, in the same order, are what row_to_record() reads. */
  select_sql = info->select_by_id_sql;
  sql = g_strdup_printf ("%.*s WHERE local_state <> 'synced' ORDER BY id",
                         (int) (strstr (select_sql, " WHERE id = ?1") - select_sql),
                         select_sql);
  stmt = store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, row_to_record (info, stmt));

  if (rc != SQLITE_DONE)
    {
      store_set_error (self, error, _("Could not read the changes waiting to be sent from the local database"));
      return NULL;
    }

  return g_steal_pointer (&records);
}

/**
 * pamong_store_mark_synced:
 * @self: a #PamongStore
 * @record: the row as it was read for the push (its change-count matters)
 * @rev: the rev the server gave the pushed write
 * @synced: (out) (optional): whether the row is now synced
 * @error: return location for a #GError
 *
 * Records that the server accepted the push of @record at @rev, in one
 * statement: rev and base-rev become @rev; local-state becomes synced only
 * if the row's change-count is still @record's (nobody edited it since it
 * was read). A row edited meanwhile stays pending, now against @rev (a
 * created row becomes modified, since the server has it now), so its next
 * push is an update of the server's version and not a conflict with itself.
 *
 * Returns: %TRUE on success (also when the row no longer exists)
 */
gboolean
pamong_store_mark_synced (PamongStore   *self,
                          PamongRecord  *record,
                          gint64         rev,
                          gboolean      *synced,
                          GError       **error)
{
  g_autoptr(StoreStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  TypeInfo *info;
  gboolean is_synced = FALSE;
  int rc;

  g_return_val_if_fail (PAMONG_IS_STORE (self), FALSE);
  g_return_val_if_fail (PAMONG_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = store_get_type_info (self, G_OBJECT_TYPE (record), error);
  if (info == NULL)
    return FALSE;

  sql = g_strdup_printf ("UPDATE \"%s\" SET rev = ?1, base_rev = ?1, local_state = "
                         "CASE WHEN change_count = ?2 THEN 'synced' "
                         "WHEN local_state = 'created' THEN 'modified' "
                         "ELSE local_state END "
                         "WHERE uuid = ?3 AND local_state <> 'conflict' "
                         "RETURNING local_state", info->table);
  stmt = store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rev);
  sqlite3_bind_int64 (stmt, 2, pamong_record_get_change_count (record));
  sqlite3_bind_text (stmt, 3, pamong_record_get_uuid (record), -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    is_synced = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "synced") == 0;

  if (rc != SQLITE_DONE)
    {
      store_set_error (self, error, _("Could not record a sent change in the local database"));
      return FALSE;
    }

  if (synced != NULL)
    *synced = is_synced;

  if (self->transaction_depth == 0)
    {
      g_autoptr(GObject) guard = g_object_ref (G_OBJECT (self));

      g_signal_emit (self, signals[CHANGED], g_quark_from_string (info->table), info->table);
    }
  else
    {
      store_mark_changed (self, info->table);
    }

  return TRUE;
}

static char *
conflict_key (const char *uuid)
{
  return g_strconcat ("sync-conflict:", uuid, NULL);
}

/**
 * pamong_store_mark_conflict:
 * @self: a #PamongStore
 * @record: the local row the server refused (it is kept as it is)
 * @server_json: (nullable): the server's current version of the record, as
 *   JSON, kept for the user to compare; %NULL keeps what was stored before
 * @error: return location for a #GError
 *
 * Puts the row in local-state conflict and keeps the server's version next
 * to it (see pamong_store_get_conflict()), in one transaction. The local
 * row's fields are not touched: nothing the user wrote is lost.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_store_mark_conflict (PamongStore   *self,
                            PamongRecord  *record,
                            const char    *server_json,
                            GError       **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *key = NULL;
  TypeInfo *info;

  g_return_val_if_fail (PAMONG_IS_STORE (self), FALSE);
  g_return_val_if_fail (PAMONG_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = store_get_type_info (self, G_OBJECT_TYPE (record), error);
  if (info == NULL)
    return FALSE;

  if (!transaction_begin (self, error))
    return FALSE;

  sql = g_strdup_printf ("UPDATE \"%s\" SET local_state = 'conflict' WHERE uuid = ?1",
                         info->table);
  if (!pamong_store_exec_param (self, sql, pamong_record_get_uuid (record),
                                _("Could not mark a conflict in the local database"), error))
    {
      transaction_rollback (self);
      return FALSE;
    }

  key = conflict_key (pamong_record_get_uuid (record));
  if (server_json != NULL && !pamong_store_set_meta (self, key, server_json, error))
    {
      transaction_rollback (self);
      return FALSE;
    }

  store_mark_changed (self, info->table);
  return transaction_commit (self, error);
}

/**
 * pamong_store_get_conflict:
 * @self: a #PamongStore
 * @uuid: the uuid of a row in conflict
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the server's version of the record
 *   kept by pamong_store_mark_conflict(), as JSON, or %NULL if there is none
 */
char *
pamong_store_get_conflict (PamongStore  *self,
                           const char   *uuid,
                           GError      **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (PAMONG_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  key = conflict_key (uuid);
  return pamong_store_get_meta (self, key, error);
}
