/* test-server-sync.c — the sync API over HTTP: change feed, writes with
 * preconditions, batch, blobs, assessment results
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pamong-application.h"
#include "pamong-assessment.h"
#include "pamong-codec.h"
#include "pamong-collections.h"
#include "pamong-error.h"
#include "pamong-indicator-score.h"
#include "pamong-query.h"
#include "pamong-unit.h"

#include "pamong-server-records.h"
#include "pamong-server-schema.h"
#include "pamong-server-sync.h"
#include "pamong-store-sql.h"

#include "server-test-util.h"

#define API PAMONG_SERVER_API_PREFIX

/* ---------------------------------------------------------------- helpers */

static guint
count_records (PamongStore *store)
{
  const GType *types;
  guint n_types = 0;
  guint total = 0;

  types = pamong_collections_get_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(PamongQuery) query = pamong_query_new (types[i]);
      g_autoptr(GError) error = NULL;

      pamong_query_set_include_deleted (query, TRUE);
      total += pamong_store_count (store, query, &error);
      g_assert_no_error (error);
    }

  return total;
}

/* A new application, a copy of one of the demo's with a new uuid. */
static PamongRecord *
new_application (PamongTestServer *ts,
                 const char       *name)
{
  g_autoptr(PamongRecord) model = pamong_test_find_record (ts, PAMONG_TYPE_APPLICATION, NULL, NULL);
  PamongRecord *record = pamong_record_copy (model);
  g_autofree char *uuid = g_uuid_string_random ();

  pamong_record_set_uuid (record, uuid);
  pamong_record_set_rev (record, 0);
  pamong_record_set_deleted (record, FALSE);
  pamong_application_set_name (PAMONG_APPLICATION (record), name);

  return record;
}

static char *
record_path (PamongRecord *record)
{
  return g_strdup_printf (API "/%s/%s", pamong_record_get_collection (record),
                          pamong_record_get_uuid (record));
}

/* PUT the record's JSON with one precondition header (or none). */
static PamongTestResponse *
put_record (PamongTestServer *ts,
            const char       *token,
            PamongRecord     *record,
            const char       *header,
            const char       *value)
{
  g_autofree char *path = record_path (record);
  g_autofree char *json = pamong_codec_encode_string (record);

  return pamong_test_request_full (ts, SOUP_METHOD_PUT, path, token, "application/json",
                                   json, -1, header, value, NULL);
}

static char *
etag_for (gint64 rev)
{
  return g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", rev);
}

static gint64
response_rev (PamongTestResponse *response)
{
  JsonObject *root = pamong_test_response_object (response);
  g_autofree char *etag = NULL;
  gint64 rev;

  g_assert_true (json_object_has_member (root, "rev"));
  rev = json_object_get_int_member (root, "rev");
  g_assert_cmpint (rev, >, 0);
  etag = etag_for (rev);
  g_assert_cmpstr (pamong_test_response_header (response, "ETag"), ==, etag);

  return rev;
}

static PamongRecord *
decode_member (JsonObject *object,
               const char *member,
               GType       type)
{
  g_autoptr(GError) error = NULL;
  PamongRecord *record;

  g_assert_true (json_object_has_member (object, member));
  record = pamong_codec_decode (type, json_object_get_member (object, member), &error);
  g_assert_no_error (error);

  return record;
}

static PamongRecord *
get_record (PamongTestServer *ts,
            const char       *token,
            PamongRecord     *record)
{
  g_autofree char *path = record_path (record);
  g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET, path, token, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  PamongRecord *fetched;

  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  fetched = pamong_codec_decode (G_OBJECT_TYPE (record), response->json, &error);
  g_assert_no_error (error);
  etag = etag_for (pamong_record_get_rev (fetched));
  g_assert_cmpstr (pamong_test_response_header (response, "ETag"), ==, etag);

  return fetched;
}

static const char *
error_message (PamongTestResponse *response)
{
  JsonObject *root = pamong_test_response_object (response);

  return json_object_get_string_member (json_object_get_object_member (root, "error"), "message");
}

/* ------------------------------------------------------------- the feed */

/* Pages to the end of the feed; returns the last cursor. */
static gint64
feed_end (PamongTestServer *ts,
          const char       *token)
{
  gint64 since = 0;
  gboolean more = TRUE;

  while (more)
    {
      g_autofree char *path = g_strdup_printf (API "/changes?since=%" G_GINT64_FORMAT "&limit=5000",
                                               since);
      g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET, path,
                                                                    token, NULL);
      JsonObject *root = pamong_test_response_object (response);

      g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
      since = json_object_get_int_member (root, "next");
      more = json_object_get_boolean_member (root, "more");
    }

  return since;
}

static void
test_feed_pages_through_the_whole_demo (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "viewer");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PamongRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint n_records = count_records (ts->store);
  gint64 since = 0;
  gint64 last_rev = 0;
  guint n_pages = 0;
  gboolean more = TRUE;

  g_assert_cmpuint (n_records, >, 2000);

  /* The feed serves each record's stored JSON; rows written before that
   * was kept have none and are encoded when asked. Serve both kinds. */
  pamong_store_exec (ts->store, "UPDATE server_changes SET record = NULL WHERE rev % 3 = 0", &error);
  g_assert_no_error (error);

  while (more)
    {
      g_autofree char *path = g_strdup_printf (API "/changes?since=%" G_GINT64_FORMAT "&limit=450",
                                               since);
      g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET, path,
                                                                    token, NULL);
      JsonObject *root;
      JsonArray *changes;
      guint n;

      g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
      root = pamong_test_response_object (response);
      changes = json_object_get_array_member (root, "changes");
      n = json_array_get_length (changes);
      more = json_object_get_boolean_member (root, "more");
      g_assert_cmpuint (n, <=, 450);
      if (more)
        g_assert_cmpuint (n, ==, 450);

      for (guint i = 0; i < n; i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          const char *collection = json_object_get_string_member (change, "collection");
          GType type = pamong_collections_lookup (collection);
          g_autoptr(PamongRecord) record = NULL;

          g_assert_cmpint (type, !=, G_TYPE_INVALID);
          record = decode_member (change, "record", type);
          g_assert_cmpint (pamong_record_get_rev (record), >, last_rev);
          last_rev = pamong_record_get_rev (record);
          g_assert_true (g_hash_table_add (seen, g_strdup (pamong_record_get_uuid (record))));

          /* Exactly the stored record. */
          stored = pamong_store_lookup (ts->store, type, pamong_record_get_uuid (record), &error);
          g_assert_no_error (error);
          g_assert_true (pamong_record_equal (record, stored, FALSE));
          g_clear_object (&stored);
        }

      g_assert_cmpint (json_object_get_int_member (root, "next"), ==, last_rev);
      since = json_object_get_int_member (root, "next");
      n_pages++;
      g_assert_cmpuint (n_pages, <=, n_records / 450 + 2);
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, n_records);

  /* At the end: nothing new, and the cursor stays. */
  {
    g_autofree char *path = g_strdup_printf (API "/changes?since=%" G_GINT64_FORMAT, since);
    g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET, path,
                                                                  token, NULL);
    JsonObject *root = pamong_test_response_object (response);

    g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "changes")), ==, 0);
    g_assert_cmpint (json_object_get_int_member (root, "next"), ==, since);
    g_assert_false (json_object_get_boolean_member (root, "more"));
  }
}

static void
test_feed_default_limit_and_bad_parameters (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "viewer");
  const char * const bad[] = {
    "?since=-1", "?since=abc", "?since=", "?limit=0", "?limit=5001", "?limit=12x",
    "?limit=-5", "?since=99999999999999999999",
  };

  {
    g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET,
                                                                  API "/changes", token, NULL);
    JsonObject *root = pamong_test_response_object (response);

    g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "changes")),
                      ==, PAMONG_SERVER_CHANGES_DEFAULT_LIMIT);
    g_assert_true (json_object_get_boolean_member (root, "more"));
  }

  {
    g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET,
                                                                  API "/changes?limit=5000",
                                                                  token, NULL);
    JsonObject *root = pamong_test_response_object (response);

    g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
    g_assert_cmpuint (count_records (ts->store), >, PAMONG_SERVER_CHANGES_MAX_LIMIT);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "changes")),
                      ==, PAMONG_SERVER_CHANGES_MAX_LIMIT);
    g_assert_true (json_object_get_boolean_member (root, "more"));
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strconcat (API "/changes", bad[i], NULL);
      g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET, path,
                                                                    token, NULL);

      pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
    }

  {
    g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET,
                                                                  API "/changes", NULL, NULL);

    pamong_test_response_assert_error (response, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  }
}

static void
test_feed_carries_tombstones_and_new_revs (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "admin");
  g_autoptr(PamongRecord) app = pamong_test_find_record (ts, PAMONG_TYPE_APPLICATION, NULL, NULL);
  g_autofree char *path = record_path (app);
  g_autofree char *if_match = etag_for (pamong_record_get_rev (app));
  g_autofree char *feed_path = NULL;
  g_autoptr(PamongTestResponse) deleted = NULL;
  g_autoptr(PamongTestResponse) feed = NULL;
  g_autoptr(PamongRecord) tombstone = NULL;
  JsonObject *first = NULL;
  JsonArray *changes;
  gint64 start;

  start = feed_end (ts, token);

  deleted = pamong_test_request_full (ts, SOUP_METHOD_DELETE, path, token, NULL, NULL, 0,
                                      "If-Match", if_match, NULL);
  g_assert_cmpuint (deleted->status, ==, SOUP_STATUS_OK);
  g_assert_cmpint (response_rev (deleted), >, start);

  feed_path = g_strdup_printf (API "/changes?since=%" G_GINT64_FORMAT, start);
  feed = pamong_test_request (ts, SOUP_METHOD_GET, feed_path, token, NULL);
  changes = json_object_get_array_member (pamong_test_response_object (feed), "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  first = json_array_get_object_element (changes, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "collection"), ==, "applications");
  tombstone = decode_member (first, "record", PAMONG_TYPE_APPLICATION);
  g_assert_cmpstr (pamong_record_get_uuid (tombstone), ==, pamong_record_get_uuid (app));
  g_assert_true (pamong_record_get_deleted (tombstone));
  g_assert_cmpint (pamong_record_get_rev (tombstone), ==, response_rev (deleted));
  /* The rest of the record survives in the tombstone. */
  g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (tombstone)), ==,
                   pamong_application_get_name (PAMONG_APPLICATION (app)));
}

/* ------------------------------------------------------------- writes */

static void
test_create_update_delete_with_preconditions (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "admin");
  g_autoptr(PamongRecord) app = new_application (ts, "Aplikasi Uji Sinkronisasi");
  g_autoptr(PamongRecord) stored = NULL;
  g_autofree char *path = record_path (app);
  gint64 rev1;
  gint64 rev2;
  gint64 rev3;

  /* Create. */
  {
    g_autoptr(PamongTestResponse) response = put_record (ts, token, app, "If-None-Match", "*");
    g_autoptr(PamongRecord) answered = NULL;

    g_assert_cmpuint (response->status, ==, SOUP_STATUS_CREATED);
    rev1 = response_rev (response);
    answered = decode_member (pamong_test_response_object (response), "record",
                              PAMONG_TYPE_APPLICATION);
    g_assert_cmpint (pamong_record_get_rev (answered), ==, rev1);
    g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (answered)), ==,
                     "Aplikasi Uji Sinkronisasi");
  }

  /* A retried create with the same content: the same rev, nothing new. */
  {
    g_autoptr(PamongTestResponse) response = put_record (ts, token, app, "If-None-Match", "*");

    g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
    g_assert_cmpint (response_rev (response), ==, rev1);
  }

  /* A create of a different record with the same uuid: 412 with the current one. */
  {
    g_autoptr(PamongRecord) other = pamong_record_copy (app);
    g_autoptr(PamongTestResponse) response = NULL;
    g_autoptr(PamongRecord) current = NULL;

    pamong_application_set_name (PAMONG_APPLICATION (other), "Aplikasi Lain");
    response = put_record (ts, token, other, "If-None-Match", "*");
    pamong_test_response_assert_error (response, SOUP_STATUS_PRECONDITION_FAILED,
                                       "precondition-failed");
    current = decode_member (pamong_test_response_object (response), "current",
                             PAMONG_TYPE_APPLICATION);
    g_assert_cmpint (pamong_record_get_rev (current), ==, rev1);
    g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (current)), ==,
                     "Aplikasi Uji Sinkronisasi");
  }

  /* Update against the current rev. */
  {
    g_autofree char *if_match = etag_for (rev1);
    g_autoptr(PamongTestResponse) response = NULL;

    pamong_application_set_description (PAMONG_APPLICATION (app), "Versi kedua.");
    response = put_record (ts, token, app, "If-Match", if_match);
    g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
    rev2 = response_rev (response);
    g_assert_cmpint (rev2, >, rev1);
  }

  /* Update against a stale rev: 412, the current record attached, nothing written. */
  {
    g_autofree char *if_match = etag_for (rev1);
    g_autoptr(PamongTestResponse) response = NULL;
    g_autoptr(PamongRecord) current = NULL;

    pamong_application_set_description (PAMONG_APPLICATION (app), "Versi basi.");
    response = put_record (ts, token, app, "If-Match", if_match);
    pamong_test_response_assert_error (response, SOUP_STATUS_PRECONDITION_FAILED,
                                       "precondition-failed");
    current = decode_member (pamong_test_response_object (response), "current",
                             PAMONG_TYPE_APPLICATION);
    g_assert_cmpint (pamong_record_get_rev (current), ==, rev2);
    g_assert_cmpstr (pamong_application_get_description (PAMONG_APPLICATION (current)), ==,
                     "Versi kedua.");

    stored = get_record (ts, token, app);
    g_assert_cmpint (pamong_record_get_rev (stored), ==, rev2);
    g_assert_cmpstr (pamong_application_get_description (PAMONG_APPLICATION (stored)), ==,
                     "Versi kedua.");
    g_clear_object (&stored);
  }

  /* What the server assigns is ignored in the body, not checked. */
  {
    g_autofree char *json = pamong_codec_encode_string (app);
    g_autoptr(JsonNode) node = json_from_string (json, NULL);
    g_autofree char *if_match = etag_for (rev2);
    g_autofree char *body = NULL;
    g_autoptr(PamongTestResponse) response = NULL;

    json_object_set_string_member (json_node_get_object (node), "created_at", "not a time");
    json_object_set_int_member (json_node_get_object (node), "rev", 123456);
    json_object_set_string_member (json_node_get_object (node), "description", "Versi ketiga.");
    body = json_to_string (node, FALSE);
    response = pamong_test_request_full (ts, SOUP_METHOD_PUT, path, token, "application/json",
                                         body, -1, "If-Match", if_match, NULL);
    g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
    rev3 = response_rev (response);
    g_assert_cmpint (rev3, >, rev2);
    g_assert_cmpint (rev3, !=, 123456);
  }

  /* The stored record: created-at kept from the create, updated-at moved. */
  stored = get_record (ts, token, app);
  g_assert_cmpint (pamong_record_get_rev (stored), ==, rev3);
  g_assert_false (pamong_record_get_deleted (stored));
  g_assert_cmpint (g_date_time_compare (pamong_record_get_created_at (stored),
                                        pamong_record_get_updated_at (stored)), <=, 0);
  g_clear_object (&stored);

  /* Delete: no precondition is 428, a stale one 412, the right one a tombstone. */
  {
    g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_DELETE, path,
                                                                  token, NULL);

    pamong_test_response_assert_error (response, PAMONG_SERVER_STATUS_PRECONDITION_REQUIRED,
                                       "precondition-required");
  }
  {
    g_autofree char *if_match = etag_for (rev2);
    g_autoptr(PamongTestResponse) response = pamong_test_request_full (ts, SOUP_METHOD_DELETE, path,
                                                                       token, NULL, NULL, 0,
                                                                       "If-Match", if_match, NULL);
    g_autoptr(PamongRecord) current = NULL;

    pamong_test_response_assert_error (response, SOUP_STATUS_PRECONDITION_FAILED,
                                       "precondition-failed");
    current = decode_member (pamong_test_response_object (response), "current",
                             PAMONG_TYPE_APPLICATION);
    g_assert_cmpint (pamong_record_get_rev (current), ==, rev3);
  }
  {
    g_autofree char *if_match = etag_for (rev3);
    g_autoptr(PamongTestResponse) response = pamong_test_request_full (ts, SOUP_METHOD_DELETE, path,
                                                                       token, NULL, NULL, 0,
                                                                       "If-Match", if_match, NULL);

    g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
    g_assert_cmpint (response_rev (response), >, rev3);
  }

  stored = get_record (ts, token, app);
  g_assert_true (pamong_record_get_deleted (stored));
  g_assert_cmpint (pamong_record_get_rev (stored), >, rev3);
}

static void
test_write_errors (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "admin");
  g_autofree char *viewer = pamong_test_login_demo (ts, "viewer");
  g_autoptr(PamongRecord) app = new_application (ts, "Aplikasi Uji Galat");
  g_autofree char *path = record_path (app);
  g_autofree char *json = pamong_codec_encode_string (app);
  guint n_records = count_records (ts->store);

  /* No precondition at all. */
  {
    g_autoptr(PamongTestResponse) response = put_record (ts, token, app, NULL, NULL);

    pamong_test_response_assert_error (response, PAMONG_SERVER_STATUS_PRECONDITION_REQUIRED,
                                       "precondition-required");
  }

  /* Updating a record that is not there. */
  {
    g_autoptr(PamongTestResponse) response = put_record (ts, token, app, "If-Match", "\"5\"");

    pamong_test_response_assert_error (response, SOUP_STATUS_NOT_FOUND, "not-found");
  }

  /* Malformed preconditions. */
  {
    g_autoptr(PamongTestResponse) response = put_record (ts, token, app, "If-Match", "\"abc\"");

    pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
  }
  {
    g_autoptr(PamongTestResponse) response = put_record (ts, token, app, "If-None-Match", "\"3\"");

    pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
  }

  /* An unknown collection. */
  {
    g_autofree char *other = g_strdup_printf (API "/spaceships/%s", pamong_record_get_uuid (app));
    g_autoptr(PamongTestResponse) response = pamong_test_request_full (ts, SOUP_METHOD_PUT, other,
                                                                       token, "application/json",
                                                                       json, -1,
                                                                       "If-None-Match", "*", NULL);

    pamong_test_response_assert_error (response, SOUP_STATUS_NOT_FOUND, "not-found");
  }

  /* The body's uuid is not the path's. */
  {
    g_autofree char *uuid = g_uuid_string_random ();
    g_autofree char *other = g_strdup_printf (API "/applications/%s", uuid);
    g_autoptr(PamongTestResponse) response = pamong_test_request_full (ts, SOUP_METHOD_PUT, other,
                                                                       token, "application/json",
                                                                       json, -1,
                                                                       "If-None-Match", "*", NULL);

    pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
    g_assert_nonnull (strstr (error_message (response), "uuid"));
  }

  /* A path that is not a uuid. */
  {
    g_autoptr(PamongTestResponse) response = pamong_test_request_full (ts, SOUP_METHOD_PUT,
                                                                       API "/applications/not-a-uuid",
                                                                       token, "application/json",
                                                                       json, -1,
                                                                       "If-None-Match", "*", NULL);

    pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
  }

  /* Malformed JSON. */
  {
    g_autoptr(PamongTestResponse) response = pamong_test_request_full (ts, SOUP_METHOD_PUT, path,
                                                                       token, "application/json",
                                                                       "{\"uuid\": ", -1,
                                                                       "If-None-Match", "*", NULL);

    pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
  }

  /* A JSON array is no record. */
  {
    g_autoptr(PamongTestResponse) response = pamong_test_request_full (ts, SOUP_METHOD_PUT, path,
                                                                       token, "application/json",
                                                                       "[1, 2]", -1,
                                                                       "If-None-Match", "*", NULL);

    pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
  }

  /* The codec's errors name the field. */
  {
    g_autoptr(JsonNode) node = json_from_string (json, NULL);
    g_autofree char *body = NULL;
    g_autoptr(PamongTestResponse) response = NULL;

    json_object_set_string_member (json_node_get_object (node), "status", "exploded");
    body = json_to_string (node, FALSE);
    response = pamong_test_request_full (ts, SOUP_METHOD_PUT, path, token, "application/json",
                                         body, -1, "If-None-Match", "*", NULL);
    pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
    g_assert_nonnull (strstr (error_message (response), "\"status\"")
                      ? strstr (error_message (response), "\"status\"")
                      : strstr (error_message (response), "“status”"));
  }
  {
    g_autoptr(JsonNode) node = json_from_string (json, NULL);
    g_autofree char *body = NULL;
    g_autoptr(PamongTestResponse) response = NULL;

    json_object_remove_member (json_node_get_object (node), "name");
    body = json_to_string (node, FALSE);
    response = pamong_test_request_full (ts, SOUP_METHOD_PUT, path, token, "application/json",
                                         body, -1, "If-None-Match", "*", NULL);
    pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "missing-field");
    g_assert_nonnull (strstr (error_message (response), "name"));
  }

  /* An indicator score of an assessment that does not exist. */
  {
    g_autoptr(PamongRecord) model = pamong_test_find_record (ts, PAMONG_TYPE_INDICATOR_SCORE,
                                                             NULL, NULL);
    g_autoptr(PamongRecord) score = pamong_record_copy (model);
    g_autofree char *uuid = g_uuid_string_random ();
    g_autofree char *missing = g_uuid_string_random ();
    g_autoptr(PamongTestResponse) response = NULL;

    pamong_record_set_uuid (score, uuid);
    g_object_set (score, "assessment", missing, NULL);
    response = put_record (ts, token, score, "If-None-Match", "*");
    pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
    g_assert_nonnull (strstr (error_message (response), "assessment"));
  }

  /* A uuid already used in another collection. */
  {
    g_autoptr(PamongRecord) unit = pamong_test_find_record (ts, PAMONG_TYPE_UNIT, NULL, NULL);
    g_autoptr(PamongRecord) clash = pamong_record_copy (app);
    g_autoptr(PamongTestResponse) response = NULL;

    pamong_record_set_uuid (clash, pamong_record_get_uuid (unit));
    response = put_record (ts, token, clash, "If-None-Match", "*");
    pamong_test_response_assert_error (response, SOUP_STATUS_CONFLICT, "conflict");
  }

  /* Who may write. */
  {
    g_autoptr(PamongTestResponse) response = put_record (ts, NULL, app, "If-None-Match", "*");

    pamong_test_response_assert_error (response, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  }
  {
    g_autoptr(PamongTestResponse) response = put_record (ts, viewer, app, "If-None-Match", "*");

    pamong_test_response_assert_error (response, SOUP_STATUS_FORBIDDEN, "forbidden");
  }

  /* GET of a record that is not there. */
  {
    g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET, path,
                                                                  token, NULL);

    pamong_test_response_assert_error (response, SOUP_STATUS_NOT_FOUND, "not-found");
  }

  /* Nothing of all that was written. */
  g_assert_cmpuint (count_records (ts->store), ==, n_records);
}

/* ------------------------------------------------------------- batch */

static JsonNode *
batch_write (const char   *op,
             PamongRecord *record,
             gint64        if_match,
             gboolean      if_none_match)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "op", op);
  json_object_set_string_member (object, "collection", pamong_record_get_collection (record));
  json_object_set_string_member (object, "uuid", pamong_record_get_uuid (record));
  if (if_match > 0)
    {
      g_autofree char *etag = etag_for (if_match);

      json_object_set_string_member (object, "if_match", etag);
    }
  else
    json_object_set_null_member (object, "if_match");
  if (if_none_match)
    json_object_set_string_member (object, "if_none_match", "*");
  else
    json_object_set_null_member (object, "if_none_match");
  if (strcmp (op, "put") == 0)
    json_object_set_member (object, "record", pamong_codec_encode (record));

  json_node_take_object (node, object);
  return node;
}

static PamongTestResponse *
post_batch (PamongTestServer *ts,
            const char       *token,
            JsonArray        *writes)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *body = NULL;

  json_node_take_object (root, json_object_new ());
  json_object_set_array_member (json_node_get_object (root), "writes", json_array_ref (writes));
  body = json_to_string (root, FALSE);

  return pamong_test_request (ts, SOUP_METHOD_POST, API "/batch", token, body);
}

static void
test_batch_results_in_order (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "admin");
  g_autoptr(PamongRecord) a = new_application (ts, "Aplikasi Batch A");
  g_autoptr(PamongRecord) b = new_application (ts, "Aplikasi Batch B");
  g_autoptr(PamongRecord) bad = new_application (ts, "Aplikasi Batch Rusak");
  g_autoptr(PamongRecord) existing = pamong_test_find_record (ts, PAMONG_TYPE_APPLICATION, NULL, NULL);
  g_autoptr(PamongRecord) stored = NULL;
  g_autoptr(JsonArray) writes = json_array_new ();
  g_autoptr(PamongTestResponse) response = NULL;
  JsonArray *results;
  JsonObject *result;
  JsonNode *odd;
  gint64 rev_a;

  json_array_add_element (writes, batch_write ("put", a, 0, TRUE));                 /* 201 */
  json_array_add_element (writes, batch_write ("put", existing, 1, FALSE));         /* 412 */
  odd = batch_write ("put", bad, 0, TRUE);
  json_object_set_string_member (json_object_get_object_member (json_node_get_object (odd), "record"),
                                 "license", "stolen");
  json_array_add_element (writes, odd);                                             /* 400 */
  json_array_add_element (writes, batch_write ("put", b, 0, TRUE));                 /* 201 */
  odd = batch_write ("put", b, 0, TRUE);
  json_object_set_string_member (json_node_get_object (odd), "collection", "spaceships");
  json_array_add_element (writes, odd);                                             /* 404 */
  json_array_add_element (writes, batch_write ("put", b, 0, FALSE));                /* 428 */
  json_array_add_element (writes, json_node_init_string (json_node_alloc (), "x")); /* 400 */

  response = post_batch (ts, token, writes);
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  results = json_object_get_array_member (pamong_test_response_object (response), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 7);

  result = json_array_get_object_element (results, 0);
  g_assert_cmpint (json_object_get_int_member (result, "status"), ==, 201);
  rev_a = json_object_get_int_member (result, "rev");
  g_assert_cmpint (rev_a, >, 0);

  result = json_array_get_object_element (results, 1);
  g_assert_cmpint (json_object_get_int_member (result, "status"), ==, 412);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result, "error"),
                                                  "code"), ==, "precondition-failed");
  {
    g_autoptr(PamongRecord) current = decode_member (result, "current", PAMONG_TYPE_APPLICATION);

    g_assert_cmpint (pamong_record_get_rev (current), ==, pamong_record_get_rev (existing));
  }

  result = json_array_get_object_element (results, 2);
  g_assert_cmpint (json_object_get_int_member (result, "status"), ==, 400);
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (result, "error"),
                                                           "message"), "license"));

  result = json_array_get_object_element (results, 3);
  g_assert_cmpint (json_object_get_int_member (result, "status"), ==, 201);
  g_assert_cmpint (json_object_get_int_member (result, "rev"), >, rev_a);

  result = json_array_get_object_element (results, 4);
  g_assert_cmpint (json_object_get_int_member (result, "status"), ==, 404);

  result = json_array_get_object_element (results, 5);
  g_assert_cmpint (json_object_get_int_member (result, "status"), ==, 428);

  result = json_array_get_object_element (results, 6);
  g_assert_cmpint (json_object_get_int_member (result, "status"), ==, 400);

  /* The writes around the failures are in. */
  stored = get_record (ts, token, a);
  g_assert_cmpint (pamong_record_get_rev (stored), ==, rev_a);
  g_clear_object (&stored);
  stored = get_record (ts, token, b);
  g_assert_cmpstr (pamong_application_get_name (PAMONG_APPLICATION (stored)), ==, "Aplikasi Batch B");
  g_clear_object (&stored);

  /* Not the failed one. */
  {
    g_autofree char *path = record_path (bad);
    g_autoptr(PamongTestResponse) missing = pamong_test_request (ts, SOUP_METHOD_GET, path, token, NULL);

    pamong_test_response_assert_error (missing, SOUP_STATUS_NOT_FOUND, "not-found");
  }

  /* A delete in a batch. */
  {
    g_autoptr(JsonArray) deletes = json_array_new ();
    g_autoptr(PamongTestResponse) answer = NULL;

    json_array_add_element (deletes, batch_write ("delete", a, rev_a, FALSE));
    answer = post_batch (ts, token, deletes);
    results = json_object_get_array_member (pamong_test_response_object (answer), "results");
    result = json_array_get_object_element (results, 0);
    g_assert_cmpint (json_object_get_int_member (result, "status"), ==, 200);
    g_assert_cmpint (json_object_get_int_member (result, "rev"), >, rev_a);
    stored = get_record (ts, token, a);
    g_assert_true (pamong_record_get_deleted (stored));
  }
}

static void
test_batch_limits_and_roles (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "admin");
  g_autofree char *viewer = pamong_test_login_demo (ts, "viewer");
  g_autoptr(PamongRecord) app = new_application (ts, "Aplikasi Batch Peran");
  g_autoptr(JsonArray) too_many = json_array_new ();
  g_autoptr(JsonArray) one = json_array_new ();

  for (guint i = 0; i <= PAMONG_SERVER_BATCH_MAX_WRITES; i++)
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "op", "delete");
      json_array_add_object_element (too_many, object);
    }

  {
    g_autoptr(PamongTestResponse) response = post_batch (ts, token, too_many);

    pamong_test_response_assert_error (response, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large");
  }

  {
    g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_POST, API "/batch",
                                                                  token, "{\"writes\": 3}");

    pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
  }

  json_array_add_element (one, batch_write ("put", app, 0, TRUE));
  {
    g_autoptr(PamongTestResponse) response = post_batch (ts, NULL, one);

    pamong_test_response_assert_error (response, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  }
  {
    g_autoptr(PamongTestResponse) response = post_batch (ts, viewer, one);
    JsonArray *results;
    JsonObject *result;

    g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
    results = json_object_get_array_member (pamong_test_response_object (response), "results");
    result = json_array_get_object_element (results, 0);
    g_assert_cmpint (json_object_get_int_member (result, "status"), ==, 403);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result, "error"),
                                                    "code"), ==, "forbidden");
  }
  {
    g_autoptr(JsonArray) empty = json_array_new ();
    g_autoptr(PamongTestResponse) response = post_batch (ts, token, empty);

    g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (pamong_test_response_object (response),
                                                                           "results")), ==, 0);
  }
}

/* ------------------------------------------------------------- blobs */

static void
test_blobs_round_trip_and_checks (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *assessor = pamong_test_login_demo (ts, "asesor");
  g_autofree char *viewer = pamong_test_login_demo (ts, "viewer");
  const char content[] = "%PDF-1.4 bukti dukung indikator 1\n\x00\x01\x02 binary";
  gsize length = sizeof content - 1;
  g_autofree char *hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                      (const guchar *) content, length);
  g_autofree char *path = g_strconcat (API "/blobs/", hash, NULL);
  g_autofree char *etag = g_strdup_printf ("\"%s\"", hash);

  /* Absent first. */
  {
    g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET, path,
                                                                  viewer, NULL);

    pamong_test_response_assert_error (response, SOUP_STATUS_NOT_FOUND, "not-found");
  }

  /* Content that does not match its name. */
  {
    g_autoptr(PamongTestResponse) response = pamong_test_request_full (ts, SOUP_METHOD_PUT, path,
                                                                       assessor,
                                                                       "application/octet-stream",
                                                                       content, (gssize) length - 1,
                                                                       NULL);

    pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
  }

  /* Names that are not a lowercase SHA-256. */
  {
    g_autofree char *upper = g_ascii_strup (hash, -1);
    const char *names[] = { upper, "abc", "../etc/passwd", "" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *bad_path = g_strconcat (API "/blobs/", names[i], NULL);
        g_autoptr(PamongTestResponse) response = NULL;

        response = pamong_test_request_full (ts, SOUP_METHOD_PUT, bad_path, assessor,
                                             "application/octet-stream", content,
                                             (gssize) length, NULL);
        g_assert_cmpuint (response->status, >=, 400);
        g_assert_cmpuint (response->status, <, 500);
        if (i < 2)
          pamong_test_response_assert_error (response, SOUP_STATUS_BAD_REQUEST, "invalid-data");
      }
  }

  /* A viewer reads but does not write; nobody unauthenticated does either. */
  {
    g_autoptr(PamongTestResponse) response = pamong_test_request_full (ts, SOUP_METHOD_PUT, path,
                                                                       viewer,
                                                                       "application/octet-stream",
                                                                       content, (gssize) length,
                                                                       NULL);

    pamong_test_response_assert_error (response, SOUP_STATUS_FORBIDDEN, "forbidden");
  }
  {
    g_autoptr(PamongTestResponse) response = pamong_test_request_full (ts, SOUP_METHOD_PUT, path,
                                                                       NULL,
                                                                       "application/octet-stream",
                                                                       content, (gssize) length,
                                                                       NULL);

    pamong_test_response_assert_error (response, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  }

  /* Upload, then again: idempotent. */
  {
    g_autoptr(PamongTestResponse) response = pamong_test_request_full (ts, SOUP_METHOD_PUT, path,
                                                                       assessor,
                                                                       "application/octet-stream",
                                                                       content, (gssize) length,
                                                                       NULL);
    JsonObject *root;

    g_assert_cmpuint (response->status, ==, SOUP_STATUS_CREATED);
    root = pamong_test_response_object (response);
    g_assert_cmpstr (json_object_get_string_member (root, "sha256"), ==, hash);
    g_assert_cmpint (json_object_get_int_member (root, "size"), ==, (gint64) length);
    g_assert_cmpstr (pamong_test_response_header (response, "ETag"), ==, etag);
  }
  {
    g_autoptr(PamongTestResponse) response = pamong_test_request_full (ts, SOUP_METHOD_PUT, path,
                                                                       assessor,
                                                                       "application/octet-stream",
                                                                       content, (gssize) length,
                                                                       NULL);

    g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  }

  /* Download, byte for byte. */
  {
    g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET, path,
                                                                  viewer, NULL);
    g_autoptr(GBytes) expected = g_bytes_new_static (content, length);

    g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
    g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==,
                     "application/octet-stream");
    g_assert_cmpstr (pamong_test_response_header (response, "ETag"), ==, etag);
    g_assert_true (g_bytes_equal (response->body, expected));
  }
  {
    g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET, path,
                                                                  NULL, NULL);

    pamong_test_response_assert_error (response, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  }

  /* The size limit. */
  {
    g_autofree char *big = g_malloc0 (4096);
    g_autofree char *big_hash = NULL;
    g_autofree char *big_path = NULL;
    g_autoptr(PamongTestResponse) response = NULL;

    memset (big, 'x', 4096);
    big_hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) big, 4096);
    big_path = g_strconcat (API "/blobs/", big_hash, NULL);
    pamong_server_set_blob_limit (ts->server, 4095);
    response = pamong_test_request_full (ts, SOUP_METHOD_PUT, big_path, assessor,
                                         "application/octet-stream", big, 4096, NULL);
    pamong_test_response_assert_error (response, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large");

    g_clear_pointer (&response, pamong_test_response_free);
    response = pamong_test_request (ts, SOUP_METHOD_GET, big_path, viewer, NULL);
    pamong_test_response_assert_error (response, SOUP_STATUS_NOT_FOUND, "not-found");

    pamong_server_set_blob_limit (ts->server, 4096);
    g_clear_pointer (&response, pamong_test_response_free);
    response = pamong_test_request_full (ts, SOUP_METHOD_PUT, big_path, assessor,
                                         "application/octet-stream", big, 4096, NULL);
    g_assert_cmpuint (response->status, ==, SOUP_STATUS_CREATED);
  }

  g_assert_cmpuint (PAMONG_SERVER_DEFAULT_BLOB_LIMIT, ==, 20 * 1024 * 1024);
}

/* ------------------------------------------------------------- results */

static PamongRecord *
find_assessment (PamongTestServer *ts,
                 gint              year)
{
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_ASSESSMENT);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  pamong_query_add_filter_int (query, "year", year);
  model = pamong_store_query (ts->store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  return g_list_model_get_item (model, 0);
}

static JsonObject *
get_result (PamongTestServer    *ts,
            const char          *token,
            PamongRecord        *assessment,
            PamongTestResponse **response)
{
  g_autofree char *path = g_strdup_printf (API "/assessments/%s/result",
                                           pamong_record_get_uuid (assessment));

  *response = pamong_test_request (ts, SOUP_METHOD_GET, path, token, NULL);
  g_assert_cmpuint ((*response)->status, ==, SOUP_STATUS_OK);

  return pamong_test_response_object (*response);
}

static void
test_assessment_results_of_the_demo (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *token = pamong_test_login_demo (ts, "viewer");
  g_autoptr(PamongRecord) a2023 = find_assessment (ts, 2023);
  g_autoptr(PamongRecord) a2024 = find_assessment (ts, 2024);
  const char * const domains_2023[] = { "3.60", "2.30", "1.73", "4.26" };
  const char * const domains_2024[] = { "3.50", "2.60", "1.45", "4.25" };

  {
    g_autoptr(PamongTestResponse) response = NULL;
    JsonObject *root = get_result (ts, token, a2023, &response);
    JsonObject *overall = json_object_get_object_member (root, "overall");
    JsonArray *domains = json_object_get_array_member (root, "domains");
    JsonArray *aspects = json_object_get_array_member (root, "aspects");

    g_assert_cmpstr (json_object_get_string_member (root, "assessment"), ==,
                     pamong_record_get_uuid (a2023));
    g_assert_cmpint (json_object_get_int_member (root, "year"), ==, 2023);
    g_assert_cmpstr (json_object_get_string_member (root, "framework"), ==, "p59-2020");
    g_assert_cmpstr (json_object_get_string_member (overall, "text"), ==, "3.27");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (overall, "value"), 3.27, 1e-9);
    g_assert_cmpstr (json_object_get_string_member (overall, "predikat"), ==, "Baik");
    g_assert_cmpint (json_object_get_int_member (overall, "scored"), ==, 47);
    g_assert_cmpint (json_object_get_int_member (overall, "total"), ==, 47);
    g_assert_true (json_object_get_boolean_member (root, "complete"));

    g_assert_cmpuint (json_array_get_length (domains), ==, G_N_ELEMENTS (domains_2023));
    for (guint i = 0; i < G_N_ELEMENTS (domains_2023); i++)
      {
        JsonObject *domain = json_array_get_object_element (domains, i);

        g_assert_cmpint (json_object_get_int_member (domain, "number"), ==, i + 1);
        g_assert_cmpstr (json_object_get_string_member (domain, "text"), ==, domains_2023[i]);
        g_assert_nonnull (json_object_get_string_member (domain, "name"));
      }

    g_assert_cmpuint (json_array_get_length (aspects), >, 4);
    for (guint i = 0, sum = 0; i < json_array_get_length (aspects); i++)
      {
        JsonObject *aspect = json_array_get_object_element (aspects, i);

        sum += json_object_get_int_member (aspect, "total");
        if (i + 1 == json_array_get_length (aspects))
          g_assert_cmpuint (sum, ==, 47);
      }
  }

  {
    g_autoptr(PamongTestResponse) response = NULL;
    JsonObject *root = get_result (ts, token, a2024, &response);
    JsonObject *overall = json_object_get_object_member (root, "overall");
    JsonArray *domains = json_object_get_array_member (root, "domains");

    g_assert_cmpstr (json_object_get_string_member (overall, "text"), ==, "3.28");
    g_assert_cmpstr (json_object_get_string_member (overall, "predikat"), ==, "Baik");
    for (guint i = 0; i < G_N_ELEMENTS (domains_2024); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (domains, i),
                                                      "text"), ==, domains_2024[i]);
  }

  /* A score changed through the API changes the result. */
  {
    g_autofree char *admin = pamong_test_login_demo (ts, "admin");
    g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_INDICATOR_SCORE);
    g_autoptr(GListModel) scores = NULL;
    g_autoptr(PamongRecord) score = NULL;
    g_autoptr(PamongTestResponse) put = NULL;
    g_autoptr(PamongTestResponse) response = NULL;
    g_autofree char *if_match = NULL;
    JsonObject *root;

    pamong_query_add_filter_string (query, "assessment", pamong_record_get_uuid (a2023));
    scores = pamong_store_query (ts->store, query, NULL);
    score = g_list_model_get_item (scores, 0);
    if_match = etag_for (pamong_record_get_rev (score));
    g_object_set (score, "level", 0, NULL);
    put = put_record (ts, admin, score, "If-Match", if_match);
    g_assert_cmpuint (put->status, ==, SOUP_STATUS_OK);

    root = get_result (ts, token, a2023, &response);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "overall"),
                                                 "scored"), ==, 46);
    g_assert_false (json_object_get_boolean_member (root, "complete"));
  }

  /* An assessment that is not there. */
  {
    g_autofree char *uuid = g_uuid_string_random ();
    g_autofree char *path = g_strdup_printf (API "/assessments/%s/result", uuid);
    g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET, path,
                                                                  token, NULL);

    pamong_test_response_assert_error (response, SOUP_STATUS_NOT_FOUND, "not-found");
  }
  {
    g_autofree char *path = g_strdup_printf (API "/assessments/%s/result",
                                             pamong_record_get_uuid (a2023));
    g_autoptr(PamongTestResponse) response = pamong_test_request (ts, SOUP_METHOD_GET, path,
                                                                  NULL, NULL);

    pamong_test_response_assert_error (response, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  }
}

/* ------------------------------------------------------------- records module */

static void
test_records_module_assigns_revs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("pamong-records-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmpdir, "server.db", NULL);
  g_autoptr(PamongStore) store = NULL;
  g_autoptr(PamongRecord) unit = NULL;
  g_autoptr(PamongRecord) again = NULL;
  g_autoptr(PamongRecord) looked_up = NULL;
  g_autoptr(PamongRecord) clash = NULL;
  g_autoptr(GPtrArray) seed = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 rev1 = 0;
  gint64 rev2 = 0;

  g_assert_no_error (error);
  store = pamong_server_open_store (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      PamongUnit *seeded = pamong_unit_new ();
      g_autofree char *code = g_strdup_printf ("T.%u", i);

      g_object_set (seeded, "code", code, "name", "Unit Uji", NULL);
      g_ptr_array_add (seed, seeded);
    }
  pamong_server_records_seed (store, seed, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < seed->len; i++)
    g_assert_cmpint (pamong_record_get_rev (g_ptr_array_index (seed, i)), ==, i + 1);

  unit = pamong_record_copy (g_ptr_array_index (seed, 0));
  pamong_server_records_put (store, unit, &rev1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rev1, ==, 4);
  g_assert_cmpint (pamong_record_get_rev (unit), ==, 4);
  g_assert_cmpint (pamong_record_get_base_rev (unit), ==, 4);

  again = pamong_record_copy (unit);
  pamong_server_records_put (store, again, &rev2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rev2, ==, 5);

  looked_up = pamong_server_records_lookup (store, PAMONG_TYPE_UNIT,
                                            pamong_record_get_uuid (unit), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pamong_record_get_rev (looked_up), ==, 5);
  g_assert_cmpint (pamong_record_get_local_state (looked_up), ==, PAMONG_LOCAL_STATE_SYNCED);
  g_assert_true (g_date_time_equal (pamong_record_get_created_at (looked_up),
                                    pamong_record_get_created_at (g_ptr_array_index (seed, 0))));

  /* One uuid, one record: not also an application. */
  clash = (PamongRecord *) pamong_application_new ();
  pamong_record_set_uuid (clash, pamong_record_get_uuid (unit));
  g_assert_false (pamong_server_records_put (store, clash, NULL, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Nothing of the failed write: the next rev is still 6. */
  pamong_server_records_put (store, again, &rev2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rev2, ==, 6);

  g_assert_null (pamong_server_records_lookup (store, PAMONG_TYPE_UNIT, "nope", &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_finalize_object (g_steal_pointer (&store));
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
    g_assert_cmpint (g_remove (path), ==, 0);
    g_assert_cmpint (g_rmdir (tmpdir), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  pamong_test_init (&argc, &argv);

  g_test_add_func ("/pamong/server/sync/records-module-assigns-strictly-increasing-revs",
                   test_records_module_assigns_revs);
  g_test_add_func ("/pamong/server/sync/feed-pages-through-the-whole-demo-once",
                   test_feed_pages_through_the_whole_demo);
  g_test_add_func ("/pamong/server/sync/feed-has-a-default-limit-and-refuses-bad-parameters",
                   test_feed_default_limit_and_bad_parameters);
  g_test_add_func ("/pamong/server/sync/feed-carries-tombstones-with-new-revs",
                   test_feed_carries_tombstones_and_new_revs);
  g_test_add_func ("/pamong/server/sync/create-update-delete-honour-preconditions",
                   test_create_update_delete_with_preconditions);
  g_test_add_func ("/pamong/server/sync/bad-writes-are-refused-and-write-nothing",
                   test_write_errors);
  g_test_add_func ("/pamong/server/sync/batch-answers-each-write-in-order",
                   test_batch_results_in_order);
  g_test_add_func ("/pamong/server/sync/batch-has-limits-and-checks-roles",
                   test_batch_limits_and_roles);
  g_test_add_func ("/pamong/server/sync/blobs-are-checked-stored-and-served",
                   test_blobs_round_trip_and_checks);
  g_test_add_func ("/pamong/server/sync/assessment-results-of-the-demo",
                   test_assessment_results_of_the_demo);

  return g_test_run ();
}
