/* pamong-server-admin.c — the admin endpoints: accounts, units, Open311 API keys
 *
 * Everything under /api/v1/admin/ needs an administrator's token from a
 * login with a one-time code (OWASP ASVS 4.3.1, pamong-server-totp.c):
 * without a valid token the answer is 401, with another role's 403
 * "forbidden", with an administrator's opened by the password alone 403
 * "mfa-required".
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-server"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pamong-codec.h"
#include "pamong-error.h"
#include "pamong-query.h"
#include "pamong-store-sql.h"
#include "pamong-unit.h"

#include "pamong-server-auth.h"
#include "pamong-server-policy.h"
#include "pamong-server-records.h"

#define ADMIN_PREFIX PAMONG_SERVER_API_PREFIX "/admin"

#define LABEL_MAX_LENGTH 200

static PamongServerUser *
require_admin (PamongServer       *server,
               SoupServerMessage  *msg,
               GError            **error)
{
  g_autoptr(PamongServerUser) user = pamong_server_authenticate (server, msg, error);

  if (user == NULL || !pamong_server_policy_is_admin (user, error))
    return NULL;

  if (!user->mfa)
    {
      g_set_error_literal (error, PAMONG_SERVER_AUTH_ERROR,
                           PAMONG_SERVER_AUTH_ERROR_MFA_REQUIRED,
                           _("The administration needs a login with a one-time code as well "
                             "as the password. On the server, run pamong-server --enroll-totp "
                             "with your account name, add the secret it prints to an "
                             "authenticator app, then log in again with the app’s code."));
      return NULL;
    }

  return g_steal_pointer (&user);
}

/* The page a list request asks for: ?limit=N (1 to
 * PAMONG_SERVER_ADMIN_LIST_MAX_LIMIT, default
 * PAMONG_SERVER_ADMIN_LIST_DEFAULT_LIMIT) and ?offset=M (from 0), so no
 * list is ever answered whole, however many rows the table holds. */
static gboolean
read_page (SoupServerMessage  *msg,
           gint64             *limit,
           gint64             *offset,
           GError            **error)
{
  static const struct { const char *name; gint64 fallback; gint64 min; gint64 max; } params[] = {
    { "limit", PAMONG_SERVER_ADMIN_LIST_DEFAULT_LIMIT, 1, PAMONG_SERVER_ADMIN_LIST_MAX_LIMIT },
    { "offset", 0, 0, G_MAXINT32 },
  };
  const char *query_text = g_uri_get_query (soup_server_message_get_uri (msg));
  g_autoptr(GHashTable) query = query_text != NULL ? soup_form_decode (query_text) : NULL;
  gint64 *values[] = { limit, offset };

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      const char *text = query != NULL ? g_hash_table_lookup (query, params[i].name) : NULL;

      *values[i] = params[i].fallback;
      if (text != NULL
          && !g_ascii_string_to_signed (text, 10, params[i].min, params[i].max, values[i], NULL))
        {
          /* Translators: the first %s is a query parameter such as "limit",
           * the second what the client sent; the numbers are the bounds. */
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("?%s=%s is not allowed: it must be a whole number from %lld to %lld."),
                       params[i].name, text, (long long) params[i].min,
                       (long long) params[i].max);
          return FALSE;
        }
    }

  return TRUE;
}

/* The one path segment after a prefix route: non-empty, no '/'. */
static gboolean
check_segment (const char  *subpath,
               GError     **error)
{
  if (subpath[0] == '\0' || strchr (subpath, '/') != NULL)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
                   _("There is no resource at “%s”."), subpath);
      return FALSE;
    }

  return TRUE;
}

/* ---- users -------------------------------------------------------------- */

/* How the admin endpoints show a row of the server's tables: column i of
 * the query is the member columns[i].member; a NULL text is null. */
typedef struct
{
  const char *member;
  gboolean    is_boolean;   /* an integer column shown as true/false */
} Column;

static const Column user_columns[] = {
  { "username", FALSE },
  { "role", FALSE },
  { "unit", FALSE },
  { "created_at", FALSE },
  { NULL, FALSE },
};

static const Column api_key_columns[] = {
  { "id", FALSE },
  { "label", FALSE },
  { "created_by", FALSE },
  { "created_at", FALSE },
  { "revoked", TRUE },
  { NULL, FALSE },
};

static void
add_row (JsonBuilder  *builder,
         sqlite3_stmt *stmt,
         const Column *columns)
{
  json_builder_begin_object (builder);
  for (int i = 0; columns[i].member != NULL; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, i);

      json_builder_set_member_name (builder, columns[i].member);
      if (columns[i].is_boolean)
        json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, i) != 0);
      else if (text != NULL)
        json_builder_add_string_value (builder, text);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
}

static gboolean
respond_user (PamongServer       *server,
              SoupServerMessage  *msg,
              guint               status,
              const char         *username,
              GError            **error)
{
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(PamongStoreStmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  int step;

  stmt = pamong_store_prepare (store,
                               "SELECT username, role, unit, created_at FROM server_users "
                               "WHERE username = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  step = sqlite3_step (stmt);
  if (step == SQLITE_DONE)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
                   _("There is no account “%s”."), username);
      return FALSE;
    }
  if (step != SQLITE_ROW)
    {
      pamong_store_set_sql_error (store, error, _("Could not read an account"));
      return FALSE;
    }

  add_row (builder, stmt, user_columns);
  root = json_builder_get_root (builder);
  pamong_server_respond_json (msg, status, root);
  return TRUE;
}

/* Answers an admin's list request, one page of it (read_page()):
 * {"@member": [one object per row of @sql, with @columns], "more": bool};
 * @sql ends in "LIMIT ?1 OFFSET ?2". @message says what failed if the
 * query does. */
static gboolean
respond_rows (PamongServer       *server,
              SoupServerMessage  *msg,
              const char         *sql,
              const char         *member,
              const Column       *columns,
              const char         *message,
              GError            **error)
{
  g_autoptr(PamongServerUser) admin = require_admin (server, msg, error);
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(PamongStoreStmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  gint64 limit = 0;
  gint64 offset = 0;
  gint64 n_rows = 0;
  gboolean more = FALSE;
  int step;

  if (admin == NULL || !read_page (msg, &limit, &offset, error))
    return FALSE;

  stmt = pamong_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  /* One row more than asked tells whether more remain. */
  sqlite3_bind_int64 (stmt, 1, limit + 1);
  sqlite3_bind_int64 (stmt, 2, offset);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  while ((step = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n_rows++ == limit)
        {
          more = TRUE;
          break;
        }
      add_row (builder, stmt, columns);
    }
  if (step != SQLITE_DONE && step != SQLITE_ROW)
    {
      pamong_store_set_sql_error (store, error, message);
      return FALSE;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "more");
  json_builder_add_boolean_value (builder, more);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  pamong_server_respond_json (msg, SOUP_STATUS_OK, root);
  return TRUE;
}

static gboolean
handle_users_list (PamongServer       *server,
                   SoupServerMessage  *msg,
                   const char         *subpath,
                   gpointer            user_data,
                   GError            **error)
{
  return respond_rows (server, msg,
                       "SELECT username, role, unit, created_at FROM server_users "
                       "ORDER BY username LIMIT ?1 OFFSET ?2",
                       "users", user_columns, _("Could not list the accounts"), error);
}

static gboolean
handle_user_get (PamongServer       *server,
                 SoupServerMessage  *msg,
                 const char         *subpath,
                 gpointer            user_data,
                 GError            **error)
{
  g_autoptr(PamongServerUser) admin = require_admin (server, msg, error);

  if (admin == NULL || !check_segment (subpath, error))
    return FALSE;

  return respond_user (server, msg, SOUP_STATUS_OK, subpath, error);
}

static gboolean
handle_user_put (PamongServer       *server,
                 SoupServerMessage  *msg,
                 const char         *subpath,
                 gpointer            user_data,
                 GError            **error)
{
  g_autoptr(PamongServerUser) admin = require_admin (server, msg, error);
  g_autoptr(JsonNode) root = NULL;
  const char *password = NULL;
  const char *role_text = NULL;
  const char *unit = NULL;
  JsonObject *object;
  PamongRole role;
  gboolean created = FALSE;

  if (admin == NULL || !check_segment (subpath, error))
    return FALSE;

  object = pamong_server_read_object (msg, &root, error);
  if (object == NULL)
    return FALSE;
  if (!pamong_server_json_get_string (object, "password", FALSE, &password, error) ||
      !pamong_server_json_get_string (object, "role", FALSE, &role_text, error) ||
      !pamong_server_json_get_string (object, "unit", FALSE, &unit, error))
    return FALSE;

  if (role_text == NULL)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                           _("The field “role” is missing: give admin, operator, assessor "
                             "or viewer."));
      return FALSE;
    }
  if (!pamong_server_role_from_string (role_text, &role))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The role “%s” does not exist: give admin, operator, assessor or "
                     "viewer."), role_text);
      return FALSE;
    }

  if (!pamong_server_users_put (pamong_server_get_store (server), subpath, password, role,
                                unit, &created, error))
    return FALSE;

  return respond_user (server, msg, created ? SOUP_STATUS_CREATED : SOUP_STATUS_OK,
                       subpath, error);
}

static gboolean
handle_user_delete (PamongServer       *server,
                    SoupServerMessage  *msg,
                    const char         *subpath,
                    gpointer            user_data,
                    GError            **error)
{
  g_autoptr(PamongServerUser) admin = require_admin (server, msg, error);

  if (admin == NULL || !check_segment (subpath, error))
    return FALSE;

  if (!pamong_server_users_delete (pamong_server_get_store (server), subpath, error))
    return FALSE;

  pamong_server_respond_no_content (msg);
  return TRUE;
}

/* ---- units -------------------------------------------------------------- */

static gboolean
handle_units_list (PamongServer       *server,
                   SoupServerMessage  *msg,
                   const char         *subpath,
                   gpointer            user_data,
                   GError            **error)
{
  g_autoptr(PamongServerUser) admin = require_admin (server, msg, error);
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) root = NULL;
  gint64 limit = 0;
  gint64 offset = 0;
  guint n_units;
  guint end;

  if (admin == NULL || !read_page (msg, &limit, &offset, error))
    return FALSE;

  query = pamong_query_new (PAMONG_TYPE_UNIT);
  pamong_query_set_sort (query, "code", FALSE);
  units = pamong_store_query (pamong_server_get_store (server), query, error);
  if (units == NULL)
    return FALSE;

  /* The model is lazy: only the page's rows are read. */
  n_units = g_list_model_get_n_items (units);
  end = (guint) MIN ((gint64) n_units, offset + limit);
  array = json_array_new ();
  for (guint i = (guint) MIN ((gint64) n_units, offset); i < end; i++)
    {
      g_autoptr(PamongRecord) unit = g_list_model_get_item (units, i);

      json_array_add_element (array, pamong_codec_encode (unit));
    }

  object = json_object_new ();
  json_object_set_array_member (object, "units", g_steal_pointer (&array));
  json_object_set_boolean_member (object, "more", end < n_units);
  root = json_node_init_object (json_node_alloc (), object);
  pamong_server_respond_json (msg, SOUP_STATUS_OK, root);
  return TRUE;
}

static gboolean
check_uuid (const char  *subpath,
            GError     **error)
{
  if (!check_segment (subpath, error))
    return FALSE;

  if (!g_uuid_string_is_valid (subpath))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("“%s” is not a uuid."), subpath);
      return FALSE;
    }

  return TRUE;
}

static gboolean
respond_unit (PamongServer       *server,
              SoupServerMessage  *msg,
              guint               status,
              const char         *uuid,
              GError            **error)
{
  g_autoptr(PamongRecord) unit = NULL;
  g_autoptr(JsonNode) root = NULL;

  unit = pamong_server_records_lookup (pamong_server_get_store (server), PAMONG_TYPE_UNIT,
                                       uuid, error);
  if (unit == NULL)
    return FALSE;

  root = pamong_codec_encode (unit);
  pamong_server_respond_json (msg, status, root);
  return TRUE;
}

static gboolean
handle_unit_get (PamongServer       *server,
                 SoupServerMessage  *msg,
                 const char         *subpath,
                 gpointer            user_data,
                 GError            **error)
{
  g_autoptr(PamongServerUser) admin = require_admin (server, msg, error);

  if (admin == NULL || !check_uuid (subpath, error))
    return FALSE;

  return respond_unit (server, msg, SOUP_STATUS_OK, subpath, error);
}

static gboolean
handle_unit_put (PamongServer       *server,
                 SoupServerMessage  *msg,
                 const char         *subpath,
                 gpointer            user_data,
                 GError            **error)
{
  g_autoptr(PamongServerUser) admin = require_admin (server, msg, error);
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(PamongRecord) unit = NULL;
  g_autoptr(PamongRecord) current = NULL;
  g_autoptr(GError) lookup_error = NULL;
  JsonObject *object;
  const char *body_uuid = NULL;
  gint64 rev = 0;

  if (admin == NULL || !check_uuid (subpath, error))
    return FALSE;

  object = pamong_server_read_object (msg, &root, error);
  if (object == NULL)
    return FALSE;

  if (!pamong_server_json_get_string (object, "uuid", FALSE, &body_uuid, error))
    return FALSE;
  if (body_uuid != NULL && strcmp (body_uuid, subpath) != 0)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The body’s uuid “%s” differs from the uuid in the path, “%s”."),
                   body_uuid, subpath);
      return FALSE;
    }

  /* The server owns the sync fields: fill what the admin left out; the
   * records module sets rev and updated_at anyway. */
  json_object_set_string_member (object, "uuid", subpath);
  if (!json_object_has_member (object, "rev"))
    json_object_set_int_member (object, "rev", 0);
  if (!json_object_has_member (object, "created_at"))
    json_object_set_string_member (object, "created_at", "1970-01-01T00:00:00.000Z");
  if (!json_object_has_member (object, "updated_at"))
    json_object_set_string_member (object, "updated_at", "1970-01-01T00:00:00.000Z");
  json_object_set_boolean_member (object, "deleted", FALSE);

  unit = pamong_codec_decode (PAMONG_TYPE_UNIT, root, error);
  if (unit == NULL)
    return FALSE;

  current = pamong_server_records_lookup (store, PAMONG_TYPE_UNIT, subpath, &lookup_error);
  if (current == NULL && !g_error_matches (lookup_error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&lookup_error));
      return FALSE;
    }
  if (current == NULL)
    {
      g_autoptr(GDateTime) created = g_date_time_new_now_utc ();

      pamong_record_set_created_at (unit, created);
    }

  if (!pamong_server_records_put (store, unit, &rev, error))
    return FALSE;

  return respond_unit (server, msg,
                       current == NULL || pamong_record_get_deleted (current)
                       ? SOUP_STATUS_CREATED : SOUP_STATUS_OK,
                       subpath, error);
}

static gboolean
handle_unit_delete (PamongServer       *server,
                    SoupServerMessage  *msg,
                    const char         *subpath,
                    gpointer            user_data,
                    GError            **error)
{
  g_autoptr(PamongServerUser) admin = require_admin (server, msg, error);
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(PamongRecord) current = NULL;
  g_autoptr(PamongRecord) tombstone = NULL;
  gboolean has_accounts = FALSE;
  gint64 rev = 0;

  if (admin == NULL || !check_uuid (subpath, error))
    return FALSE;

  current = pamong_server_records_lookup (store, PAMONG_TYPE_UNIT, subpath, error);
  if (current == NULL)
    return FALSE;
  if (pamong_record_get_deleted (current))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
                   _("The unit %s was already deleted."), subpath);
      return FALSE;
    }

  if (!pamong_store_query_int64 (store, "SELECT 1 FROM server_users WHERE unit = ?1 LIMIT 1",
                                 subpath, NULL, &has_accounts,
                                 _("Could not read the accounts"), error))
    return FALSE;
  if (has_accounts)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_CONFLICT,
                   _("Accounts still belong to the unit %s: move or delete them first."),
                   subpath);
      return FALSE;
    }

  tombstone = pamong_record_copy (current);
  pamong_record_set_deleted (tombstone, TRUE);
  if (!pamong_server_records_put (store, tombstone, &rev, error))
    return FALSE;

  return respond_unit (server, msg, SOUP_STATUS_OK, subpath, error);
}

/* ---- API keys ----------------------------------------------------------- */

static gboolean
handle_api_key_create (PamongServer       *server,
                       SoupServerMessage  *msg,
                       const char         *subpath,
                       gpointer            user_data,
                       GError            **error)
{
  g_autoptr(PamongServerUser) admin = require_admin (server, msg, error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;
  g_autofree char *trimmed = NULL;
  const char *label = NULL;
  JsonObject *object;

  if (admin == NULL)
    return FALSE;

  object = pamong_server_read_object (msg, &root, error);
  if (object == NULL)
    return FALSE;
  if (!pamong_server_json_get_string (object, "label", FALSE, &label, error))
    return FALSE;
  if (label != NULL)
    trimmed = g_strstrip (g_strdup (label));
  if (trimmed == NULL || *trimmed == '\0')
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                           _("The field “label” is missing: say who or what the key is for."));
      return FALSE;
    }
  if (!g_utf8_validate (label, -1, NULL) || g_utf8_strlen (label, -1) > LABEL_MAX_LENGTH)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The label is too long: use at most %d characters."), LABEL_MAX_LENGTH);
      return FALSE;
    }

  key = pamong_server_api_key_create (pamong_server_get_store (server), label,
                                      admin->username, &id, error);
  if (key == NULL)
    return FALSE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, label);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  pamong_server_respond_json (msg, SOUP_STATUS_CREATED, answer);
  return TRUE;
}

static gboolean
handle_api_keys_list (PamongServer       *server,
                      SoupServerMessage  *msg,
                      const char         *subpath,
                      gpointer            user_data,
                      GError            **error)
{
  return respond_rows (server, msg,
                       "SELECT id, label, created_by, created_at, revoked "
                       "FROM server_api_keys ORDER BY created_at, id LIMIT ?1 OFFSET ?2",
                       "api_keys", api_key_columns, _("Could not list the API keys"), error);
}

static gboolean
handle_api_key_delete (PamongServer       *server,
                       SoupServerMessage  *msg,
                       const char         *subpath,
                       gpointer            user_data,
                       GError            **error)
{
  g_autoptr(PamongServerUser) admin = require_admin (server, msg, error);
  PamongStore *store = pamong_server_get_store (server);

  if (admin == NULL || !check_segment (subpath, error))
    return FALSE;

  if (!pamong_store_exec_param (store,
                                "UPDATE server_api_keys SET revoked = 1 "
                                "WHERE id = ?1 AND revoked = 0",
                                subpath, _("Could not revoke an API key"), error))
    return FALSE;

  if (sqlite3_changes (pamong_store_get_db (store)) == 0)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
                   _("There is no live API key with the id “%s”."), subpath);
      return FALSE;
    }

  pamong_server_respond_no_content (msg);
  return TRUE;
}

/**
 * pamong_server_admin_register:
 * @server: a server
 *
 * Adds the admin endpoints: /api/v1/admin/users[/NAME],
 * /api/v1/admin/units[/UUID] and /api/v1/admin/api-keys[/ID].
 */
void
pamong_server_admin_register (PamongServer *server)
{
  g_return_if_fail (PAMONG_IS_SERVER (server));

  pamong_server_add_route (server, SOUP_METHOD_GET, ADMIN_PREFIX "/users",
                           handle_users_list, NULL, NULL);
  pamong_server_add_route (server, SOUP_METHOD_GET, ADMIN_PREFIX "/users/",
                           handle_user_get, NULL, NULL);
  pamong_server_add_route (server, SOUP_METHOD_PUT, ADMIN_PREFIX "/users/",
                           handle_user_put, NULL, NULL);
  pamong_server_add_route (server, SOUP_METHOD_DELETE, ADMIN_PREFIX "/users/",
                           handle_user_delete, NULL, NULL);

  pamong_server_add_route (server, SOUP_METHOD_GET, ADMIN_PREFIX "/units",
                           handle_units_list, NULL, NULL);
  pamong_server_add_route (server, SOUP_METHOD_GET, ADMIN_PREFIX "/units/",
                           handle_unit_get, NULL, NULL);
  pamong_server_add_route (server, SOUP_METHOD_PUT, ADMIN_PREFIX "/units/",
                           handle_unit_put, NULL, NULL);
  pamong_server_add_route (server, SOUP_METHOD_DELETE, ADMIN_PREFIX "/units/",
                           handle_unit_delete, NULL, NULL);

  pamong_server_add_route (server, SOUP_METHOD_GET, ADMIN_PREFIX "/api-keys",
                           handle_api_keys_list, NULL, NULL);
  pamong_server_add_route (server, SOUP_METHOD_POST, ADMIN_PREFIX "/api-keys",
                           handle_api_key_create, NULL, NULL);
  pamong_server_add_route (server, SOUP_METHOD_DELETE, ADMIN_PREFIX "/api-keys/",
                           handle_api_key_delete, NULL, NULL);
}
