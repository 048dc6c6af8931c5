/* pamong-server-sync.c — the sync API: change feed, writes, batch, blobs, results
 *
 * The routes a Pamong client synchronises through (docs/api/sync.md):
 *
 *   GET    /api/v1/changes?since=REV&limit=N   the change feed, in rev order
 *   GET    /api/v1/<collection>/<uuid>         one record, with its rev as ETag
 *   PUT    /api/v1/<collection>/<uuid>         create (If-None-Match: *) or
 *                                              update (If-Match: "REV")
 *   DELETE /api/v1/<collection>/<uuid>         tombstone (If-Match: "REV")
 *   POST   /api/v1/batch                       many writes, one result each
 *   PUT    /api/v1/blobs/<sha256>              content addressed by its hash
 *   GET    /api/v1/blobs/<sha256>
 *   GET    /api/v1/assessments/<uuid>/result   the SPBE index of an assessment
 *
 * A write is optimistic: the client says which version it edited and the
 * server refuses (412, with its current record) when that is no longer the
 * latest, so no edit overwrites another unseen. A write without a
 * precondition is refused (428): a blind overwrite is never what a syncing
 * client means. Each write runs in one store transaction — lookup, the
 * role check, the precondition and the new rev — so it is all or nothing.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-server"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pamong-assessment.h"
#include "pamong-codec.h"
#include "pamong-collections.h"
#include "pamong-error.h"
#include "pamong-framework.h"
#include "pamong-indicator-score.h"
#include "pamong-query.h"
#include "pamong-spbe-index.h"
#include "pamong-store-sql.h"

#include "pamong-server-auth.h"
#include "pamong-server-policy.h"
#include "pamong-server-records.h"
#include "pamong-server-scan.h"
#include "pamong-server-sync.h"

/* ------------------------------------------------------------------ */
/* Small helpers                                                        */
/* ------------------------------------------------------------------ */

static JsonNode *
error_node (const char *code,
            const char *message)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "code", code);
  json_object_set_string_member (object, "message", message);
  json_node_take_object (node, object);

  return node;
}

static void
set_etag_rev (SoupServerMessage *msg,
              gint64             rev)
{
  g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", rev);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", etag);
}

/**
 * pamong_server_respond_precondition_failed:
 * @msg: a write request
 * @message: why, for a person
 * @current: the server's record now
 *
 * Answers 412 with the standard error and the server's current record, so
 * the client can keep both versions and let its user resolve the conflict.
 */
void
pamong_server_respond_precondition_failed (SoupServerMessage *msg,
                                           const char        *message,
                                           PamongRecord      *current)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));
  g_return_if_fail (message != NULL);
  g_return_if_fail (PAMONG_IS_RECORD (current));

  json_object_set_member (object, "error", error_node ("precondition-failed", message));
  json_object_set_member (object, "current", pamong_codec_encode (current));
  json_node_take_object (root, object);

  pamong_server_respond_json (msg, SOUP_STATUS_PRECONDITION_FAILED, root);
  set_etag_rev (msg, pamong_record_get_rev (current));
}

/* A rev from an ETag: "\"12\"" or, leniently, "12". Revs start at 1. */
static gboolean
parse_rev_etag (const char  *text,
                gint64      *rev,
                GError     **error)
{
  g_autofree char *bare = NULL;
  gsize length;
  guint64 value = 0;

  bare = g_strstrip (g_strdup (text));
  length = strlen (bare);
  if (length >= 2 && bare[0] == '"' && bare[length - 1] == '"')
    {
      memmove (bare, bare + 1, length - 2);
      bare[length - 2] = '\0';
    }

  if (!g_ascii_string_to_unsigned (bare, 10, 1, G_MAXINT64, &value, NULL))
    {
      /* Translators: %s is what the client sent, e.g. "abc". */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The precondition “%s” is not a record’s rev; send the ETag the "
                     "server gave, e.g. If-Match: \"12\"."), text);
      return FALSE;
    }

  *rev = (gint64) value;
  return TRUE;
}

static gboolean
is_sha256_name (const char *text)
{
  gsize i;

  for (i = 0; text[i] != '\0'; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;

  return i == 64;
}

/* The HTTP status and stable code for a failed write's error, as
 * pamong_server_respond_gerror() answers it. */
static guint
status_for_error (const GError  *error,
                  const char   **code)
{
  static const struct
  {
    PamongError  error;
    guint        status;
    const char  *code;
  } map[] = {
    { PAMONG_ERROR_INVALID_DATA, SOUP_STATUS_BAD_REQUEST, "invalid-data" },
    { PAMONG_ERROR_MISSING_FIELD, SOUP_STATUS_BAD_REQUEST, "missing-field" },
    { PAMONG_ERROR_NOT_FOUND, SOUP_STATUS_NOT_FOUND, "not-found" },
    { PAMONG_ERROR_UNAUTHORIZED, SOUP_STATUS_UNAUTHORIZED, "unauthorized" },
    { PAMONG_ERROR_FORBIDDEN, SOUP_STATUS_FORBIDDEN, "forbidden" },
    { PAMONG_ERROR_PRECONDITION_FAILED, SOUP_STATUS_PRECONDITION_FAILED, "precondition-failed" },
    { PAMONG_ERROR_CONFLICT, SOUP_STATUS_CONFLICT, "conflict" },
    { PAMONG_ERROR_TOO_LARGE, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large" },
  };

  if (error->domain == PAMONG_ERROR)
    for (guint i = 0; i < G_N_ELEMENTS (map); i++)
      if ((PamongError) error->code == map[i].error)
        {
          *code = map[i].code;
          return map[i].status;
        }

  *code = g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_STORE) ? "store-error" : "internal-error";
  return SOUP_STATUS_INTERNAL_SERVER_ERROR;
}

static char *
subpath_segment (const char *subpath)
{
  if (subpath == NULL || *subpath == '\0' || strchr (subpath, '/') != NULL)
    return NULL;
  return g_strdup (subpath);
}

static gboolean
refuse_no_record_path (SoupServerMessage  *msg,
                       const char         *collection,
                       GError            **error)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));

  /* Translators: the first %s is a path, the second a collection name. */
  g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
               _("There is no resource at “%s”; a record is at /api/v1/%s/<uuid>."),
               path, collection);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* One write: shared by PUT, DELETE and the batch                       */
/* ------------------------------------------------------------------ */

typedef struct
{
  gboolean    delete;
  GType       type;
  const char *uuid;
  gboolean    has_if_match;
  gint64      if_match;
  gboolean    if_none_match;      /* If-None-Match: * */
  JsonNode   *body;               /* the record, for a put */
} Write;

typedef struct
{
  guint         status;
  gint64        rev;
  PamongRecord *record;           /* the record as stored, on success */
  PamongRecord *current;          /* the server's record, on 412 */
  const char   *code;             /* on failure */
  char         *message;          /* on failure */
} WriteResult;

static void
write_result_clear (WriteResult *result)
{
  g_clear_object (&result->record);
  g_clear_object (&result->current);
  g_clear_pointer (&result->message, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WriteResult, write_result_clear)

static void
write_result_fail (WriteResult *result,
                   const char  *method,
                   const char  *what,
                   GError      *error)
{
  result->status = status_for_error (error, &result->code);

  if (result->status >= 500)
    {
      /* @what may hold a batch write's uuid before it was checked: escaped,
       * so a request cannot forge log lines. */
      g_autofree char *escaped = g_strescape (what, NULL);

      /* Internal details (SQL, file names) stay in the log. */
      g_message ("%s %s failed: %s", method, escaped, error->message);
      result->message = g_strdup (_("The server could not complete this write. Try again "
                                    "later; the server's administrator can find the cause "
                                    "in its log."));
    }
  else
    {
      result->message = g_strdup (error->message);
    }
}

static void
write_result_set (WriteResult *result,
                  guint        status,
                  const char  *code,
                  const char  *message)
{
  result->status = status;
  result->code = code;
  result->message = g_strdup (message);
}

/* The record of a PUT body. What the server assigns (rev, created-at,
 * updated-at) is ignored: whatever the client sent there, or nothing, is
 * replaced by placeholders before decoding, and by the real values when
 * the record is stored. */
static PamongRecord *
decode_body (GType      type,
             JsonNode  *body,
             GError   **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  g_autoptr(JsonNode) copy = NULL;
  JsonObject *object;
  JsonObject *filtered;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);

      /* Translators: %s is a collection, e.g. "applications". */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("%s: a record must be a JSON object"), PAMONG_RECORD_CLASS (klass)->collection);
      return NULL;
    }

  object = json_node_get_object (body);
  filtered = json_object_new ();
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    json_object_set_member (filtered, name, json_node_copy (member));

  now = pamong_timestamp_now ();
  now_text = pamong_timestamp_format (now);
  json_object_set_int_member (filtered, "rev", 0);
  json_object_set_string_member (filtered, "created_at", now_text);
  json_object_set_string_member (filtered, "updated_at", now_text);

  copy = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (copy, filtered);

  return pamong_codec_decode (type, copy, error);
}

/* Decides and applies one write; must run inside a store transaction,
 * which the caller rolls back when this fails. Returns FALSE with @error
 * when the write cannot be made, with result->status set when the answer
 * is a refusal that is not an error of the store (412, 428). */
static gboolean
write_decide (PamongStore             *store,
              const PamongServerUser  *user,
              Write                   *write,
              WriteResult             *result,
              GError                 **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (write->type);
  const char *collection = PAMONG_RECORD_CLASS (klass)->collection;
  g_autoptr(PamongRecord) current = NULL;
  g_autoptr(PamongRecord) proposed = NULL;
  g_autoptr(GError) local_error = NULL;

  if (write->has_if_match && write->if_none_match)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("Send either If-None-Match: * (create) or If-Match: \"REV\" "
                             "(update), not both."));
      return FALSE;
    }

  if (write->delete && write->if_none_match)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("A delete takes If-Match: \"REV\", not If-None-Match."));
      return FALSE;
    }

  if (write->delete ? !write->has_if_match : !write->has_if_match && !write->if_none_match)
    {
      write_result_set (result, PAMONG_SERVER_STATUS_PRECONDITION_REQUIRED, "precondition-required",
                        write->delete
                        ? _("A delete must say which version it deletes: send If-Match "
                            "with the record’s rev, e.g. If-Match: \"12\".")
                        : _("A write must say what it expects: If-None-Match: * to create "
                            "a record, or If-Match with the rev it edited, e.g. "
                            "If-Match: \"12\", to update one."));
      return FALSE;
    }

  if (!g_uuid_string_is_valid (write->uuid))
    {
      /* Translators: %s is what the client sent in place of a uuid. */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("“%s” is not a uuid; records are addressed by their uuid."),
                   write->uuid);
      return FALSE;
    }

  if (!write->delete)
    {
      proposed = decode_body (write->type, write->body, error);
      if (proposed == NULL)
        return FALSE;

      if (g_strcmp0 (pamong_record_get_uuid (proposed), write->uuid) != 0)
        {
          /* Translators: the first %s is a collection, the second and
           * third uuids. */
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("%s: the record’s uuid %s is not the uuid %s it is written to."),
                       collection, pamong_record_get_uuid (proposed), write->uuid);
          return FALSE;
        }
    }

  current = pamong_server_records_lookup (store, write->type, write->uuid, &local_error);
  if (current == NULL && !g_error_matches (local_error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (current == NULL && write->has_if_match)
    {
      /* Translators: the first %s is a collection, the second a uuid. */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
                   _("%s: there is no record %s to change; create it with "
                     "If-None-Match: *."), collection, write->uuid);
      return FALSE;
    }

  if (!pamong_server_policy_can_write (store, user, collection, current, proposed, error))
    return FALSE;

  if (current != NULL && write->if_none_match)
    {
      if (pamong_record_same_content (current, proposed))
        {
          /* A retried create: the first one went through. */
          result->status = SOUP_STATUS_OK;
          result->rev = pamong_record_get_rev (current);
          result->record = g_steal_pointer (&current);
          return TRUE;
        }

      result->status = SOUP_STATUS_PRECONDITION_FAILED;
      result->code = "precondition-failed";
      /* Translators: the first %s is a collection, the second a uuid. */
      result->message = g_strdup_printf (_("%s: a different record %s already exists; "
                                           "its current version is attached."),
                                         collection, write->uuid);
      result->current = g_steal_pointer (&current);
      return FALSE;
    }

  if (current != NULL && write->has_if_match && pamong_record_get_rev (current) != write->if_match)
    {
      result->status = SOUP_STATUS_PRECONDITION_FAILED;
      result->code = "precondition-failed";
      /* Translators: the first %s is a collection, the second a uuid; the
       * numbers are revs. */
      result->message = g_strdup_printf (_("%s: record %s was changed by someone else "
                                           "(rev %lld, not %lld); "
                                           "its current version is attached."),
                                         collection, write->uuid,
                                         (long long) pamong_record_get_rev (current),
                                         (long long) write->if_match);
      result->current = g_steal_pointer (&current);
      return FALSE;
    }

  if (write->delete)
    {
      if (pamong_record_get_deleted (current))
        {
          /* Already a tombstone at the rev the client has: nothing to do. */
          result->status = SOUP_STATUS_OK;
          result->rev = pamong_record_get_rev (current);
          result->record = g_steal_pointer (&current);
          return TRUE;
        }

      proposed = pamong_record_copy (current);
      pamong_record_set_deleted (proposed, TRUE);
    }

  if (!pamong_server_records_put (store, proposed, &result->rev, error))
    return FALSE;

  result->status = current == NULL ? SOUP_STATUS_CREATED : SOUP_STATUS_OK;
  result->record = g_steal_pointer (&proposed);
  return TRUE;
}

/* Applies one write in its own transaction: it happens completely or not
 * at all. Fills @result in every case. */
static void
write_apply (PamongStore            *store,
             const PamongServerUser *user,
             const char             *method,
             Write                  *write,
             WriteResult            *result)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;

  if (!pamong_store_begin (store, &error))
    goto fail;

  if (!write_decide (store, user, write, result, &error))
    {
      pamong_store_rollback (store);
      g_clear_object (&result->record);
      if (result->status != 0)
        return;
      goto fail;
    }

  if (pamong_store_commit (store, &error))
    return;

  g_clear_object (&result->record);
  result->rev = 0;

fail:
  what = g_strdup_printf ("%s/%s", g_type_name (write->type), write->uuid);
  write_result_fail (result, method, what, error);
}

/* ------------------------------------------------------------------ */
/* GET/PUT/DELETE /api/v1/<collection>/<uuid>                          */
/* ------------------------------------------------------------------ */

static gboolean handle_assessment_result (PamongServer       *server,
                                          SoupServerMessage  *msg,
                                          const char         *uuid,
                                          GError            **error);

static gboolean
handle_record_get (PamongServer       *server,
                   SoupServerMessage  *msg,
                   const char         *subpath,
                   gpointer            user_data,
                   GError            **error)
{
  GType type = (GType) GPOINTER_TO_SIZE (user_data);
  g_autoptr(PamongServerUser) user = NULL;
  g_autoptr(PamongRecord) record = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *uuid = NULL;

  user = pamong_server_authenticate (server, msg, error);
  if (user == NULL)
    return FALSE;

  if (type == PAMONG_TYPE_ASSESSMENT && g_str_has_suffix (subpath, "/result"))
    {
      g_autofree char *assessment = g_strndup (subpath, strlen (subpath) - strlen ("/result"));

      if (*assessment != '\0' && strchr (assessment, '/') == NULL)
        return handle_assessment_result (server, msg, assessment, error);
    }

  uuid = subpath_segment (subpath);
  if (uuid == NULL)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);

      return refuse_no_record_path (msg, PAMONG_RECORD_CLASS (klass)->collection, error);
    }

  record = pamong_server_records_lookup (pamong_server_get_store (server), type, uuid, error);
  if (record == NULL)
    return FALSE;

  node = pamong_codec_encode (record);
  pamong_server_respond_json (msg, SOUP_STATUS_OK, node);
  set_etag_rev (msg, pamong_record_get_rev (record));

  return TRUE;
}

static void
respond_write (SoupServerMessage *msg,
               WriteResult       *result)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  if (result->status == SOUP_STATUS_PRECONDITION_FAILED && result->current != NULL)
    {
      pamong_server_respond_precondition_failed (msg, result->message, result->current);
      return;
    }

  if (result->status >= 400)
    {
      pamong_server_respond_error (msg, result->status, result->code, result->message);
      /* libsoup 3.2 has no reason phrase for 428. */
      if (result->status == PAMONG_SERVER_STATUS_PRECONDITION_REQUIRED)
        soup_server_message_set_status (msg, result->status, "Precondition Required");
      return;
    }

  object = json_object_new ();
  json_object_set_int_member (object, "rev", result->rev);
  if (result->record != NULL)
    json_object_set_member (object, "record", pamong_codec_encode (result->record));
  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, object);

  pamong_server_respond_json (msg, result->status, root);
  set_etag_rev (msg, result->rev);
}

/* Reads the preconditions of a PUT or DELETE. */
static gboolean
read_preconditions (SoupServerMessage  *msg,
                    Write              *write,
                    GError            **error)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *if_match = soup_message_headers_get_one (headers, "If-Match");
  const char *if_none_match = soup_message_headers_get_one (headers, "If-None-Match");

  if (if_match != NULL)
    {
      if (!parse_rev_etag (if_match, &write->if_match, error))
        return FALSE;
      write->has_if_match = TRUE;
    }

  if (if_none_match != NULL)
    {
      g_autofree char *value = g_strstrip (g_strdup (if_none_match));

      if (strcmp (value, "*") != 0)
        {
          /* Translators: %s is what the client sent. */
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                       _("If-None-Match: “%s” is not understood; a create sends "
                         "If-None-Match: *."), if_none_match);
          return FALSE;
        }
      write->if_none_match = TRUE;
    }

  return TRUE;
}

static gboolean
handle_record_write (PamongServer       *server,
                     SoupServerMessage  *msg,
                     const char         *subpath,
                     GType               type,
                     gboolean            delete,
                     GError            **error)
{
  g_autoptr(PamongServerUser) user = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *uuid = NULL;
  g_auto(WriteResult) result = { 0 };
  Write write = { 0 };

  user = pamong_server_authenticate (server, msg, error);
  if (user == NULL)
    return FALSE;

  uuid = subpath_segment (subpath);
  if (uuid == NULL)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);

      return refuse_no_record_path (msg, PAMONG_RECORD_CLASS (klass)->collection, error);
    }

  write.delete = delete;
  write.type = type;
  write.uuid = uuid;
  if (!read_preconditions (msg, &write, error))
    return FALSE;

  /* Without a precondition the body does not matter: say 428 first. */
  if (!delete && (write.has_if_match || write.if_none_match))
    {
      body = pamong_server_read_json (msg, error);
      if (body == NULL)
        return FALSE;
      write.body = body;
    }

  write_apply (pamong_server_get_store (server), user,
               soup_server_message_get_method (msg), &write, &result);
  respond_write (msg, &result);

  return TRUE;
}

static gboolean
handle_record_put (PamongServer       *server,
                   SoupServerMessage  *msg,
                   const char         *subpath,
                   gpointer            user_data,
                   GError            **error)
{
  return handle_record_write (server, msg, subpath, (GType) GPOINTER_TO_SIZE (user_data),
                              FALSE, error);
}

static gboolean
handle_record_delete (PamongServer       *server,
                      SoupServerMessage  *msg,
                      const char         *subpath,
                      gpointer            user_data,
                      GError            **error)
{
  return handle_record_write (server, msg, subpath, (GType) GPOINTER_TO_SIZE (user_data),
                              TRUE, error);
}

/* ------------------------------------------------------------------ */
/* GET /api/v1/changes                                                 */
/* ------------------------------------------------------------------ */

static gboolean
read_query_int (GHashTable  *query,
                const char  *name,
                gint64       fallback,
                gint64       min,
                gint64       max,
                gint64      *value,
                GError     **error)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;

  if (text == NULL)
    {
      *value = fallback;
      return TRUE;
    }

  if (!g_ascii_string_to_signed (text, 10, min, max, value, NULL))
    {
      /* Translators: the first %s is a query parameter such as "limit",
       * the second what the client sent; the numbers are the bounds. */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("?%s=%s is not allowed: it must be a whole number from %lld to %lld."),
                   name, text, (long long) min, (long long) max);
      return FALSE;
    }

  return TRUE;
}

static gboolean
handle_changes (PamongServer       *server,
                SoupServerMessage  *msg,
                const char         *subpath,
                gpointer            user_data,
                GError            **error)
{
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(PamongServerUser) user = NULL;
  g_autoptr(GHashTable) query = NULL;
  g_autoptr(PamongStoreStmt) stmt = NULL;
  g_autoptr(GString) body = NULL;
  const char *query_text;
  gint64 since = 0;
  gint64 limit = 0;
  gint64 next;
  gint64 n_rows = 0;
  gboolean more = FALSE;
  gsize length;
  int step;

  user = pamong_server_authenticate (server, msg, error);
  if (user == NULL)
    return FALSE;

  query_text = g_uri_get_query (soup_server_message_get_uri (msg));
  if (query_text != NULL)
    query = soup_form_decode (query_text);

  if (!read_query_int (query, "since", 0, 0, G_MAXINT64, &since, error) ||
      !read_query_int (query, "limit", PAMONG_SERVER_CHANGES_DEFAULT_LIMIT,
                       1, PAMONG_SERVER_CHANGES_MAX_LIMIT, &limit, error))
    return FALSE;

  stmt = pamong_store_prepare (store,
                               "SELECT rev, collection, uuid, record FROM server_changes "
                               "WHERE rev > ? ORDER BY rev LIMIT ?",
                               error);
  if (stmt == NULL)
    return FALSE;

  /* One row more than asked tells whether more remain. */
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, limit + 1);

  /* The page is written as text around each record's stored wire JSON
   * (see pamong-server-records.c): a page of 5,000 records costs a few
   * copies, not 5,000 decodings and encodings. Collection names come
   * from the registry, so they need no escaping. */
  body = g_string_sized_new (64 * 1024);
  g_string_append (body, "{\"changes\":[");

  next = since;
  while ((step = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rev = sqlite3_column_int64 (stmt, 0);
      const char *collection = (const char *) sqlite3_column_text (stmt, 1);
      const char *uuid = (const char *) sqlite3_column_text (stmt, 2);
      const char *json = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *encoded = NULL;
      GType type;

      if (n_rows == limit)
        {
          more = TRUE;
          break;
        }
      n_rows++;
      next = rev;

      type = pamong_collections_lookup (collection);
      if (type == G_TYPE_INVALID)
        {
          g_message ("The change feed skips rev %" G_GINT64_FORMAT ": unknown collection “%s”",
                     rev, collection);
          continue;
        }

      if (json == NULL)
        {
          /* A change from before the JSON was kept: encode it now. */
          g_autoptr(PamongRecord) record = NULL;
          g_autoptr(GError) local_error = NULL;

          record = pamong_server_records_lookup (store, type, uuid, &local_error);
          if (record == NULL)
            {
              g_message ("The change feed skips rev %" G_GINT64_FORMAT " (%s %s): %s",
                         rev, collection, uuid, local_error->message);
              continue;
            }
          encoded = pamong_codec_encode_string (record);
          json = encoded;
        }

      if (body->str[body->len - 1] != '[')
        g_string_append_c (body, ',');
      g_string_append (body, "{\"collection\":\"");
      g_string_append (body, collection);
      g_string_append (body, "\",\"record\":");
      g_string_append (body, json);
      g_string_append_c (body, '}');
    }

  if (step != SQLITE_ROW && step != SQLITE_DONE)
    {
      pamong_store_set_sql_error (store, error, _("Could not read the server’s change log"));
      return FALSE;
    }

  g_string_append_printf (body, "],\"next\":%" G_GINT64_FORMAT ",\"more\":%s}",
                          next, more ? "true" : "false");

  length = body->len;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_string_free (g_steal_pointer (&body), FALSE), length);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* POST /api/v1/batch                                                  */
/* ------------------------------------------------------------------ */

static gboolean
read_batch_write (JsonNode    *node,
                  Write       *write,
                  char       **uuid_out,
                  WriteResult *result)
{
  JsonObject *object;
  JsonNode *member;
  const char *op;
  const char *collection;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      write_result_set (result, SOUP_STATUS_BAD_REQUEST, "invalid-data",
                        _("A write must be a JSON object with “op”, “collection” and "
                          "“uuid”."));
      return FALSE;
    }
  object = json_node_get_object (node);

  op = json_object_get_string_member_with_default (object, "op", NULL);
  if (g_strcmp0 (op, "put") == 0)
    write->delete = FALSE;
  else if (g_strcmp0 (op, "delete") == 0)
    write->delete = TRUE;
  else
    {
      write_result_set (result, SOUP_STATUS_BAD_REQUEST, "invalid-data",
                        _("A write’s “op” must be “put” or “delete”."));
      return FALSE;
    }

  collection = json_object_get_string_member_with_default (object, "collection", NULL);
  write->type = collection != NULL ? pamong_collections_lookup (collection) : G_TYPE_INVALID;
  if (write->type == G_TYPE_INVALID)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is what the client sent as a collection name. */
      message = g_strdup_printf (_("There is no collection “%s”."),
                                 collection != NULL ? collection : "");
      write_result_set (result, SOUP_STATUS_NOT_FOUND, "not-found", message);
      return FALSE;
    }

  write->uuid = json_object_get_string_member_with_default (object, "uuid", NULL);
  if (write->uuid == NULL)
    {
      write_result_set (result, SOUP_STATUS_BAD_REQUEST, "missing-field",
                        _("A write’s “uuid” is missing."));
      return FALSE;
    }
  *uuid_out = g_strdup (write->uuid);
  write->uuid = *uuid_out;

  member = json_object_get_member (object, "if_match");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (member));
      else if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
        text = g_strdup (json_node_get_string (member));

      if (text == NULL || !parse_rev_etag (text, &write->if_match, &error))
        {
          write_result_set (result, SOUP_STATUS_BAD_REQUEST, "invalid-data",
                            _("A write’s “if_match” must be a rev such as \"12\", or null."));
          return FALSE;
        }
      write->has_if_match = TRUE;
    }

  member = json_object_get_member (object, "if_none_match");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_VALUE (member)
          || json_node_get_value_type (member) != G_TYPE_STRING
          || strcmp (json_node_get_string (member), "*") != 0)
        {
          write_result_set (result, SOUP_STATUS_BAD_REQUEST, "invalid-data",
                            _("A write’s “if_none_match” must be \"*\" or null."));
          return FALSE;
        }
      write->if_none_match = TRUE;
    }

  write->body = json_object_get_member (object, "record");
  if (!write->delete && write->body == NULL && (write->has_if_match || write->if_none_match))
    {
      write_result_set (result, SOUP_STATUS_BAD_REQUEST, "missing-field",
                        _("A “put” write needs the “record”."));
      return FALSE;
    }

  return TRUE;
}

static JsonNode *
write_result_to_json (WriteResult *result)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (object, "status", result->status);
  if (result->status < 400)
    json_object_set_int_member (object, "rev", result->rev);
  else
    json_object_set_member (object, "error", error_node (result->code, result->message));
  if (result->current != NULL)
    json_object_set_member (object, "current", pamong_codec_encode (result->current));

  json_node_take_object (node, object);
  return node;
}

static gboolean
handle_batch (PamongServer       *server,
              SoupServerMessage  *msg,
              const char         *subpath,
              gpointer            user_data,
              GError            **error)
{
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(PamongServerUser) user = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *writes;
  JsonArray *results;
  JsonNode *writes_node = NULL;
  guint n_writes;

  user = pamong_server_authenticate (server, msg, error);
  if (user == NULL)
    return FALSE;

  body = pamong_server_read_json (msg, error);
  if (body == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_OBJECT (body))
    writes_node = json_object_get_member (json_node_get_object (body), "writes");
  if (writes_node == NULL || !JSON_NODE_HOLDS_ARRAY (writes_node))
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("A batch is a JSON object whose “writes” is an array of writes."));
      return FALSE;
    }

  writes = json_node_get_array (writes_node);
  n_writes = json_array_get_length (writes);
  if (n_writes > PAMONG_SERVER_BATCH_MAX_WRITES)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_TOO_LARGE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "A batch may carry at most %u write; split this one.",
                                "A batch may carry at most %u writes; split this one.",
                                PAMONG_SERVER_BATCH_MAX_WRITES),
                   (guint) PAMONG_SERVER_BATCH_MAX_WRITES);
      return FALSE;
    }

  results = json_array_sized_new (n_writes);
  for (guint i = 0; i < n_writes; i++)
    {
      g_auto(WriteResult) result = { 0 };
      g_autofree char *uuid = NULL;
      Write write = { 0 };

      /* Each write stands alone: one that fails undoes nothing else. */
      if (read_batch_write (json_array_get_element (writes, i), &write, &uuid, &result))
        write_apply (store, user, "POST /api/v1/batch", &write, &result);

      json_array_add_element (results, write_result_to_json (&result));
    }

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, json_object_new ());
  json_object_set_array_member (json_node_get_object (root), "results", results);
  pamong_server_respond_json (msg, SOUP_STATUS_OK, root);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* PUT/GET /api/v1/blobs/<sha256>                                      */
/* ------------------------------------------------------------------ */

static gboolean
read_blob_name (const char  *subpath,
                GError     **error)
{
  if (is_sha256_name (subpath))
    return TRUE;

  /* Translators: %s is what the client sent in place of a hash. */
  g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
               _("“%s” is not a blob’s name: a blob is named by the SHA-256 of its "
                 "content, 64 lowercase hexadecimal digits."), subpath);
  return FALSE;
}

static void
set_etag_blob (SoupServerMessage *msg,
               const char        *sha256)
{
  g_autofree char *etag = g_strdup_printf ("\"%s\"", sha256);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", etag);
}

/* Stores a checked (and, with a scanner, clean) blob and answers 201, or
 * 200 when the server had it already. */
static gboolean
store_blob (PamongServer       *server,
            SoupServerMessage  *msg,
            const char         *hash,
            GBytes             *content,
            GError            **error)
{
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now_text = NULL;
  g_autoptr(GDateTime) now = NULL;
  JsonObject *object;
  gsize size = g_bytes_get_size (content);
  gboolean created;

  now = pamong_timestamp_now ();
  now_text = pamong_timestamp_format (now);

  {
    g_autoptr(PamongStoreStmt) stmt =
      pamong_store_prepare (store,
                            "INSERT OR IGNORE INTO server_blobs (sha256, size, content, created_at) "
                            "VALUES (?, ?, ?, ?)",
                            error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) size);
    sqlite3_bind_blob64 (stmt, 3, size > 0 ? g_bytes_get_data (content, NULL) : "",
                         size, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 4, now_text, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      {
        pamong_store_set_sql_error (store, error, _("Could not store a file"));
        return FALSE;
      }
    created = sqlite3_changes (pamong_store_get_db (store)) > 0;
  }

  object = json_object_new ();
  json_object_set_string_member (object, "sha256", hash);
  json_object_set_int_member (object, "size", (gint64) size);
  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, object);
  pamong_server_respond_json (msg, created ? SOUP_STATUS_CREATED : SOUP_STATUS_OK, root);
  set_etag_blob (msg, hash);

  return TRUE;
}

/*
 * With a scan command (pamong_server_set_scan_command()) an upload is
 * stored only once the scanner called it clean (OWASP ASVS 12.4.2). The
 * handler does every other check first, then pauses the message while the
 * scanner runs as a child process (pamong-server-scan.c), so the main loop
 * answers other requests meanwhile; on_blob_scanned() stores the blob or
 * refuses it, and unpauses. A refusal is logged; the upload never is.
 */
typedef struct
{
  PamongServer      *server;
  SoupServerMessage *msg;
  GBytes            *content;
  char              *sha256;
  char              *username;
} BlobUpload;

static void
blob_upload_free (BlobUpload *upload)
{
  g_clear_object (&upload->server);
  g_clear_object (&upload->msg);
  g_clear_pointer (&upload->content, g_bytes_unref);
  g_free (upload->sha256);
  g_free (upload->username);
  g_free (upload);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlobUpload, blob_upload_free)

/* A security event for operators and their tools, like the access log:
 * deliberately not translated. It names the blob by its hash, never its
 * content; the account, the address and the scanner's words are escaped,
 * so none of them can forge log lines. */
static void
log_refused_upload (BlobUpload *upload,
                    const char *why,
                    const char *detail)
{
  const char *remote = soup_server_message_get_remote_host (upload->msg);
  g_autofree char *username = g_strescape (upload->username, NULL);
  g_autofree char *address = g_strescape (remote != NULL ? remote : "-", NULL);
  g_autofree char *said = g_strescape (detail != NULL ? detail : "-", NULL);

  g_message ("Refused the upload of blob %s (%" G_GSIZE_FORMAT " bytes) by %s from %s: %s (%s)",
             upload->sha256, g_bytes_get_size (upload->content), username, address, why, said);
}

static void
on_blob_scanned (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BlobUpload) upload = user_data;
  SoupServerMessage *msg = upload->msg;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *retry_after = NULL;

  switch (pamong_server_scan_finish (upload->server, result, &detail))
    {
    case PAMONG_SERVER_SCAN_CLEAN:
      g_debug ("Blob %s is clean: %s", upload->sha256, detail);
      if (!store_blob (upload->server, msg, upload->sha256, upload->content, &error))
        pamong_server_respond_gerror (msg, error);
      break;

    case PAMONG_SERVER_SCAN_INFECTED:
      log_refused_upload (upload, "the scanner found malware", detail);
      pamong_server_respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "upload-infected",
                                   _("The server’s malware scanner found this file infected, "
                                     "so it was not stored. Check the file on your computer "
                                     "with an up-to-date virus scanner."));
      break;

    case PAMONG_SERVER_SCAN_BUSY:
      log_refused_upload (upload, "too many scans at once", detail);
      pamong_server_respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "scanner-unavailable",
                                   _("The server is checking other files for malware right "
                                     "now; try again in a few seconds."));
      retry_after = g_strdup_printf ("%d", PAMONG_SERVER_SCAN_BUSY_RETRY_AFTER);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", retry_after);
      break;

    case PAMONG_SERVER_SCAN_FAILED:
    default:
      log_refused_upload (upload, "the scanner failed", detail);
      pamong_server_respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "scanner-unavailable",
                                   _("The server could not check this file for malware, so it "
                                     "did not store it. Try again later; if it keeps failing, "
                                     "the server’s administrator can find the cause in its log."));
      break;
    }

  /* Safe also when the client has gone: the message is still ours. */
  soup_server_message_unpause (msg);
}

static gboolean
handle_blob_put (PamongServer       *server,
                 SoupServerMessage  *msg,
                 const char         *subpath,
                 gpointer            user_data,
                 GError            **error)
{
  g_autoptr(PamongServerUser) user = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *hash = NULL;
  guint64 limit = pamong_server_get_blob_limit (server);
  BlobUpload *upload;
  gsize size;

  user = pamong_server_authenticate (server, msg, error);
  if (user == NULL)
    return FALSE;

  if (user->role != PAMONG_ROLE_ADMIN && user->role != PAMONG_ROLE_OPERATOR &&
      user->role != PAMONG_ROLE_ASSESSOR)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_FORBIDDEN,
                           _("A viewer cannot upload files; ask an operator, an assessor "
                             "or an administrator."));
      return FALSE;
    }

  if (!read_blob_name (subpath, error))
    return FALSE;

  content = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  size = g_bytes_get_size (content);
  if (size > limit)
    {
      g_autofree char *limit_text = g_format_size_full (limit, G_FORMAT_SIZE_IEC_UNITS);

      /* Translators: %s is a size such as "20.0 MiB". */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_TOO_LARGE,
                   _("The file is larger than %s, the most this server stores."), limit_text);
      return FALSE;
    }

  hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  if (strcmp (hash, subpath) != 0)
    {
      /* Translators: both %s are SHA-256 hashes. */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The content does not match its name: its SHA-256 is %s, not %s. "
                     "The upload was damaged or sent to the wrong name."), hash, subpath);
      return FALSE;
    }

  if (pamong_server_get_scan_command (server) == NULL)
    return store_blob (server, msg, hash, content, error);

  upload = g_new0 (BlobUpload, 1);
  upload->server = g_object_ref (server);
  upload->msg = g_object_ref (msg);
  upload->content = g_steal_pointer (&content);
  upload->sha256 = g_steal_pointer (&hash);
  upload->username = g_strdup (user->username);

  /* Answered from on_blob_scanned(); see PamongServerHandler. */
  soup_server_message_pause (msg);
  pamong_server_scan_async (server, upload->content, on_blob_scanned, upload);

  return TRUE;
}

static gboolean
handle_blob_get (PamongServer       *server,
                 SoupServerMessage  *msg,
                 const char         *subpath,
                 gpointer            user_data,
                 GError            **error)
{
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(PamongServerUser) user = NULL;
  g_autoptr(PamongStoreStmt) stmt = NULL;
  const void *data;
  int length;

  user = pamong_server_authenticate (server, msg, error);
  if (user == NULL)
    return FALSE;

  if (!read_blob_name (subpath, error))
    return FALSE;

  stmt = pamong_store_prepare (store, "SELECT content FROM server_blobs WHERE sha256 = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, subpath, -1, SQLITE_STATIC);

  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      /* Translators: %s is a SHA-256 hash. */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
                   _("There is no file %s on this server; upload it first."), subpath);
      return FALSE;
    default:
      pamong_store_set_sql_error (store, error, _("Could not read a file"));
      return FALSE;
    }

  data = sqlite3_column_blob (stmt, 0);
  length = sqlite3_column_bytes (stmt, 0);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_COPY,
                                    length > 0 ? data : "", (gsize) length);
  set_etag_blob (msg, subpath);
  /* Uploaded bytes are never rendered: a browser saves them under their
   * hash (the subpath is 64 hexadecimal digits, nothing to escape). */
  {
    g_autofree char *disposition = g_strdup_printf ("attachment; filename=\"%s\"", subpath);

    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "Content-Disposition", disposition);
  }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* GET /api/v1/assessments/<uuid>/result                               */
/* ------------------------------------------------------------------ */

static void
add_index_value (JsonObject             *object,
                 const PamongIndexValue *value)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf ("%d.%02d", value->cents / 100, value->cents % 100);
  json_object_set_double_member (object, "value", value->cents / 100.0);
  json_object_set_string_member (object, "text", text);
  json_object_set_int_member (object, "scored", value->n_scored);
  json_object_set_int_member (object, "total", value->n_indicators);
}

static gboolean
handle_assessment_result (PamongServer       *server,
                          SoupServerMessage  *msg,
                          const char         *uuid,
                          GError            **error)
{
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(PamongRecord) record = NULL;
  g_autoptr(PamongFramework) framework = NULL;
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) scores = NULL;
  g_autoptr(PamongIndexResult) result = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree guint *levels = NULL;
  PamongAssessment *assessment;
  const PamongFwBand *predikat;
  JsonObject *object;
  JsonObject *overall;
  JsonArray *domains;
  JsonArray *aspects;
  guint n_indicators;
  guint n_scores;

  record = pamong_server_records_lookup (store, PAMONG_TYPE_ASSESSMENT, uuid, error);
  if (record == NULL)
    return FALSE;
  assessment = PAMONG_ASSESSMENT (record);

  if (pamong_record_get_deleted (record))
    {
      /* Translators: %s is a uuid. */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
                   _("The assessment %s was deleted; it has no result."), uuid);
      return FALSE;
    }

  framework = pamong_framework_load_default (error);
  if (framework == NULL)
    return FALSE;

  if (g_strcmp0 (pamong_assessment_get_framework (assessment),
                 pamong_framework_get_id (framework)) != 0)
    {
      /* Translators: the first %s is a framework id such as "p59-2020",
       * the second the one this server computes, e.g. "p59-2020". */
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_CONFLICT,
                   _("The assessment uses the framework “%s”; this server computes "
                     "results for “%s” only."),
                   pamong_assessment_get_framework (assessment),
                   pamong_framework_get_id (framework));
      return FALSE;
    }

  n_indicators = pamong_framework_get_n_indicators (framework);
  levels = g_new0 (guint, n_indicators);

  query = pamong_query_new (PAMONG_TYPE_INDICATOR_SCORE);
  pamong_query_add_filter_string (query, "assessment", uuid);
  scores = pamong_store_query (store, query, error);
  if (scores == NULL)
    return FALSE;

  n_scores = g_list_model_get_n_items (scores);
  for (guint i = 0; i < n_scores; i++)
    {
      g_autoptr(PamongIndicatorScore) score = g_list_model_get_item (scores, i);
      const PamongFwIndicator *indicator;
      gint position;
      gint level;

      if (score == NULL)
        continue;
      position = pamong_framework_get_indicator_position (framework,
                                                          pamong_indicator_score_get_indicator (score));
      if (position < 0)
        continue;
      indicator = pamong_framework_get_indicator (framework, (guint) position);
      level = pamong_indicator_score_get_level (score);

      /* As in the app: a level its scale does not have counts as not scored. */
      if (level > 0 && pamong_framework_get_indicator_level (framework, indicator, (guint) level) != NULL)
        levels[position] = (guint) level;
    }

  result = pamong_spbe_index_compute (framework, levels, n_indicators);
  if (result == NULL)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_FRAMEWORK,
                           _("The assessment’s index could not be computed."));
      return FALSE;
    }

  object = json_object_new ();
  json_object_set_string_member (object, "assessment", uuid);
  json_object_set_int_member (object, "year", pamong_assessment_get_year (assessment));
  json_object_set_string_member (object, "framework", pamong_framework_get_id (framework));
  json_object_set_boolean_member (object, "complete", pamong_index_result_is_complete (result));

  overall = json_object_new ();
  add_index_value (overall, pamong_index_result_get_overall (result));
  predikat = pamong_index_result_get_predikat (result);
  if (predikat != NULL)
    json_object_set_string_member (overall, "predikat", predikat->name);
  else
    json_object_set_null_member (overall, "predikat");
  json_object_set_object_member (object, "overall", overall);

  domains = json_array_new ();
  for (guint i = 0; i < pamong_framework_get_n_domains (framework); i++)
    {
      const PamongFwDomain *domain = pamong_framework_get_domain (framework, i);
      JsonObject *item = json_object_new ();

      json_object_set_int_member (item, "number", domain->number);
      json_object_set_string_member (item, "name", domain->name);
      add_index_value (item, pamong_index_result_get_domain (result, i));
      json_array_add_object_element (domains, item);
    }
  json_object_set_array_member (object, "domains", domains);

  aspects = json_array_new ();
  for (guint i = 0; i < pamong_framework_get_n_aspects (framework); i++)
    {
      const PamongFwAspect *aspect = pamong_framework_get_aspect (framework, i);
      const PamongFwDomain *domain = pamong_framework_get_domain (framework, aspect->domain_index);
      JsonObject *item = json_object_new ();

      json_object_set_int_member (item, "number", aspect->number);
      json_object_set_string_member (item, "name", aspect->name);
      json_object_set_int_member (item, "domain", domain->number);
      add_index_value (item, pamong_index_result_get_aspect (result, i));
      json_array_add_object_element (aspects, item);
    }
  json_object_set_array_member (object, "aspects", aspects);

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, object);
  pamong_server_respond_json (msg, SOUP_STATUS_OK, root);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Registration                                                        */
/* ------------------------------------------------------------------ */

/**
 * pamong_server_sync_register:
 * @server: a server
 *
 * Adds the sync routes: the change feed, the record endpoints of every
 * collection, the batch, blobs and assessment results.
 */
void
pamong_server_sync_register (PamongServer *server)
{
  const GType *types;
  guint n_types = 0;

  g_return_if_fail (PAMONG_IS_SERVER (server));

  pamong_server_add_route (server, SOUP_METHOD_GET, PAMONG_SERVER_API_PREFIX "/changes",
                           handle_changes, NULL, NULL);
  pamong_server_add_route (server, SOUP_METHOD_POST, PAMONG_SERVER_API_PREFIX "/batch",
                           handle_batch, NULL, NULL);
  pamong_server_add_route (server, SOUP_METHOD_PUT, PAMONG_SERVER_BLOBS_PREFIX,
                           handle_blob_put, NULL, NULL);
  pamong_server_add_route (server, SOUP_METHOD_GET, PAMONG_SERVER_BLOBS_PREFIX,
                           handle_blob_get, NULL, NULL);

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      g_autofree char *pattern = g_strdup_printf (PAMONG_SERVER_API_PREFIX "/%s/",
                                                  PAMONG_RECORD_CLASS (klass)->collection);
      gpointer data = GSIZE_TO_POINTER ((gsize) types[i]);

      pamong_server_add_route (server, SOUP_METHOD_GET, pattern, handle_record_get, data, NULL);
      pamong_server_add_route (server, SOUP_METHOD_PUT, pattern, handle_record_put, data, NULL);
      pamong_server_add_route (server, SOUP_METHOD_DELETE, pattern, handle_record_delete, data, NULL);
    }
}
