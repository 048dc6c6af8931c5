/* test-server-roles.c — the role × write-endpoint matrix over HTTP:
 * PUT (create, update) and DELETE on every collection, as admin, as an
 * operator on its own unit's records and on another unit's, as assessor,
 * as viewer and without a token
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pamong-codec.h"
#include "pamong-core.h"

#include "pamong-server-auth.h"
#include "pamong-server-policy.h"
#include "pamong-server-records.h"

#include "server-test-util.h"

typedef enum
{
  ACTOR_ADMIN,
  ACTOR_OPERATOR_OWN,     /* the demo operator, on Dinkominfo's records */
  ACTOR_OPERATOR_OTHER,   /* the demo operator, on another unit's records */
  ACTOR_ASSESSOR,
  ACTOR_VIEWER,
  ACTOR_ANONYMOUS,
  N_ACTORS
} Actor;

static const char * const actor_names[N_ACTORS] = {
  "admin", "operator (own unit)", "operator (other unit)", "assessor", "viewer", "anonymous",
};

typedef struct
{
  PamongTestServer *ts;
  char             *tokens[N_ACTORS];
  char             *own_unit;
  char             *other_unit;
  PamongRecord     *own_request;
  PamongRecord     *other_request;
  PamongRecord     *score;
} Matrix;

/* The collections, with a text field every write changes. */
static const struct
{
  const char *collection;
  const char *field;
} collections[] = {
  { "units", "short-name" },
  { "applications", "description" },
  { "assessments", "title" },
  { "indicator_scores", "justification" },
  { "service_types", "description" },
  { "service_requests", "description" },
  { "request_events", "note" },
  { "attachments", "filename" },
};

/* DESIGN.md §3 and the contract: who may write what. */
static gboolean
allowed (Actor       actor,
         const char *collection)
{
  switch (actor)
    {
    case ACTOR_ADMIN:
      return TRUE;
    case ACTOR_OPERATOR_OWN:
      return g_strv_contains ((const char * const []) { "applications", "service_requests",
                                                        "request_events", "attachments", NULL },
                              collection);
    case ACTOR_ASSESSOR:
      return g_strv_contains ((const char * const []) { "assessments", "indicator_scores",
                                                        "attachments", NULL },
                              collection);
    case ACTOR_OPERATOR_OTHER:
    case ACTOR_VIEWER:
    case ACTOR_ANONYMOUS:
    case N_ACTORS:
    default:
      return FALSE;
    }
}

/* Seeds @record as the server would (a rev, in the change log). */
static void
seed (Matrix       *m,
      PamongRecord *record)
{
  g_autoptr(GError) error = NULL;
  gint64 rev = 0;

  pamong_server_records_put (m->ts->store, record, &rev, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rev, >, 0);
}

static PamongRecord *
fresh_copy (PamongRecord *record)
{
  PamongRecord *copy = pamong_record_copy (record);
  g_autofree char *uuid = g_uuid_string_random ();

  pamong_record_set_uuid (copy, uuid);
  pamong_record_set_rev (copy, 0);
  pamong_record_set_deleted (copy, FALSE);

  return copy;
}

static PamongRecord *
lookup (Matrix       *m,
        GType         type,
        const char   *uuid)
{
  g_autoptr(GError) error = NULL;
  PamongRecord *record = pamong_store_lookup (m->ts->store, type, uuid, &error);

  g_assert_no_error (error);
  return record;
}

static gboolean
exists (Matrix     *m,
        GType       type,
        const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongRecord) record = pamong_store_lookup (m->ts->store, type, uuid, &error);

  if (record == NULL)
    g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND);
  return record != NULL;
}

/* A record of @collection for @actor to work on, already on the server:
 * for operators one of its own unit's or another unit's; for the
 * assessor's attachments one owned by an indicator score. */
static PamongRecord *
template_for (Matrix     *m,
              const char *collection,
              Actor       actor)
{
  gboolean own = actor == ACTOR_OPERATOR_OWN;
  PamongRecord *request = own ? m->own_request : m->other_request;

  if (strcmp (collection, "applications") == 0)
    {
      g_autoptr(PamongRecord) app = pamong_test_find_record (m->ts, PAMONG_TYPE_APPLICATION,
                                                             "operator-unit",
                                                             own ? m->own_unit : m->other_unit);

      return g_steal_pointer (&app);
    }

  if (strcmp (collection, "service_requests") == 0)
    return g_object_ref (request);

  if (strcmp (collection, "request_events") == 0)
    {
      g_autoptr(PamongRecord) any = pamong_test_find_record (m->ts, PAMONG_TYPE_REQUEST_EVENT,
                                                             NULL, NULL);
      PamongRecord *event = fresh_copy (any);

      pamong_request_event_set_request (PAMONG_REQUEST_EVENT (event),
                                        pamong_record_get_uuid (request));
      seed (m, event);
      return event;
    }

  if (strcmp (collection, "attachments") == 0)
    {
      PamongAttachment *attachment = pamong_attachment_new ();

      if (actor == ACTOR_ASSESSOR)
        {
          pamong_attachment_set_owner (attachment, pamong_record_get_uuid (m->score));
          pamong_attachment_set_owner_collection (attachment, "indicator_scores");
        }
      else
        {
          pamong_attachment_set_owner (attachment, pamong_record_get_uuid (request));
          pamong_attachment_set_owner_collection (attachment, "service_requests");
        }
      pamong_attachment_set_filename (attachment, "bukti.pdf");
      pamong_attachment_set_content_type (attachment, "application/pdf");
      pamong_attachment_set_size (attachment, 3);
      pamong_attachment_set_sha256 (attachment,
                                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
      seed (m, PAMONG_RECORD (attachment));
      return PAMONG_RECORD (attachment);
    }

  return pamong_test_find_record (m->ts, pamong_collections_lookup (collection), NULL, NULL);
}

/* A new record like @template, ready to create. */
static PamongRecord *
new_record_like (Matrix       *m,
                 PamongRecord *template)
{
  PamongRecord *record = fresh_copy (template);

  /* One score per assessment and indicator: the new one gets an
   * assessment of its own. */
  if (PAMONG_IS_INDICATOR_SCORE (record))
    {
      g_autoptr(PamongRecord) parent = NULL;
      g_autoptr(PamongRecord) assessment = NULL;

      parent = lookup (m, PAMONG_TYPE_ASSESSMENT,
                       pamong_indicator_score_get_assessment (PAMONG_INDICATOR_SCORE (record)));
      assessment = fresh_copy (parent);
      seed (m, assessment);
      pamong_indicator_score_set_assessment (PAMONG_INDICATOR_SCORE (record),
                                             pamong_record_get_uuid (assessment));
    }

  return record;
}

static PamongTestResponse *
put_record (Matrix       *m,
            Actor         actor,
            PamongRecord *record,
            gint64        if_match)
{
  g_autofree char *path = NULL;
  g_autofree char *body = pamong_codec_encode_string (record);
  g_autofree char *rev = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", if_match);

  path = g_strdup_printf (PAMONG_SERVER_API_PREFIX "/%s/%s",
                          pamong_record_get_collection (record), pamong_record_get_uuid (record));

  return pamong_test_request_full (m->ts, SOUP_METHOD_PUT, path, m->tokens[actor],
                                   "application/json", body, -1,
                                   if_match > 0 ? "If-Match" : "If-None-Match",
                                   if_match > 0 ? rev : "*",
                                   NULL);
}

static PamongTestResponse *
delete_record (Matrix       *m,
               Actor         actor,
               PamongRecord *record)
{
  g_autofree char *path = NULL;
  g_autofree char *rev = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"",
                                          pamong_record_get_rev (record));

  path = g_strdup_printf (PAMONG_SERVER_API_PREFIX "/%s/%s",
                          pamong_record_get_collection (record), pamong_record_get_uuid (record));

  return pamong_test_request_full (m->ts, SOUP_METHOD_DELETE, path, m->tokens[actor],
                                   NULL, NULL, 0, "If-Match", rev, NULL);
}

static void
assert_refused (PamongTestResponse *response,
                Actor               actor)
{
  if (actor == ACTOR_ANONYMOUS)
    pamong_test_response_assert_error (response, SOUP_STATUS_UNAUTHORIZED, "unauthorized");
  else
    pamong_test_response_assert_error (response, SOUP_STATUS_FORBIDDEN, "forbidden");
}

static void
assert_status (PamongTestResponse *response,
               guint               status,
               const char         *what)
{
  if (response->status != status)
    g_error ("%s: expected %u, got %u: %.*s", what, status, response->status,
             (int) MIN (g_bytes_get_size (response->body), 400),
             (const char *) g_bytes_get_data (response->body, NULL));
}

static void
check_cell (Matrix     *m,
            const char *collection,
            const char *field,
            Actor       actor)
{
  GType type = pamong_collections_lookup (collection);
  gboolean ok = allowed (actor, collection);
  g_autoptr(PamongRecord) template = template_for (m, collection, actor);
  g_autofree char *what = NULL;

  g_assert_true (type != G_TYPE_INVALID);
  g_test_message ("%s x %s: %s", collection, actor_names[actor], ok ? "allowed" : "refused");

  /* Create: PUT with If-None-Match: *. */
  {
    g_autoptr(PamongRecord) record = new_record_like (m, template);
    g_autoptr(PamongTestResponse) response = put_record (m, actor, record, 0);

    what = g_strdup_printf ("create %s as %s", collection, actor_names[actor]);
    if (ok)
      {
        assert_status (response, SOUP_STATUS_CREATED, what);
        g_assert_true (exists (m, type, pamong_record_get_uuid (record)));
      }
    else
      {
        assert_refused (response, actor);
        g_assert_false (exists (m, type, pamong_record_get_uuid (record)));
      }
    g_clear_pointer (&what, g_free);
  }

  /* Update: PUT with If-Match on a record of its own. */
  {
    g_autoptr(PamongRecord) seeded = fresh_copy (template);
    g_autoptr(PamongRecord) current = NULL;
    g_autoptr(PamongRecord) edited = NULL;
    g_autoptr(PamongRecord) after = NULL;
    g_autoptr(PamongTestResponse) response = NULL;
    g_autofree char *value = NULL;
    g_autofree char *new_value = NULL;
    static guint edits = 0;

    /* A value no record had before. */
    new_value = g_strdup_printf ("diubah oleh uji peran %u", ++edits);

    if (PAMONG_IS_INDICATOR_SCORE (seeded))
      {
        g_autoptr(PamongRecord) fresh = new_record_like (m, template);

        g_set_object (&seeded, fresh);
      }
    seed (m, seeded);
    current = lookup (m, type, pamong_record_get_uuid (seeded));
    edited = pamong_record_copy (current);
    g_object_set (edited, field, new_value, NULL);

    response = put_record (m, actor, edited, pamong_record_get_rev (current));
    after = lookup (m, type, pamong_record_get_uuid (seeded));
    g_object_get (after, field, &value, NULL);

    what = g_strdup_printf ("update %s as %s", collection, actor_names[actor]);
    if (ok)
      {
        assert_status (response, SOUP_STATUS_OK, what);
        g_assert_cmpstr (value, ==, new_value);
        g_assert_cmpint (pamong_record_get_rev (after), >, pamong_record_get_rev (current));
      }
    else
      {
        assert_refused (response, actor);
        g_assert_cmpstr (value, !=, new_value);
        g_assert_cmpint (pamong_record_get_rev (after), ==, pamong_record_get_rev (current));
      }
    g_clear_pointer (&what, g_free);
  }

  /* Delete: DELETE with If-Match. */
  {
    g_autoptr(PamongRecord) seeded = new_record_like (m, template);
    g_autoptr(PamongRecord) current = NULL;
    g_autoptr(PamongRecord) after = NULL;
    g_autoptr(PamongTestResponse) response = NULL;

    seed (m, seeded);
    current = lookup (m, type, pamong_record_get_uuid (seeded));
    response = delete_record (m, actor, current);
    after = lookup (m, type, pamong_record_get_uuid (seeded));

    what = g_strdup_printf ("delete %s as %s", collection, actor_names[actor]);
    if (ok)
      {
        assert_status (response, SOUP_STATUS_OK, what);
        g_assert_true (pamong_record_get_deleted (after));
      }
    else
      {
        assert_refused (response, actor);
        g_assert_false (pamong_record_get_deleted (after));
        g_assert_cmpint (pamong_record_get_rev (after), ==, pamong_record_get_rev (current));
      }
  }
}

static void
matrix_set_up (Matrix *m)
{
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(GError) error = NULL;

  m->ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  m->tokens[ACTOR_ADMIN] = pamong_test_login_demo (m->ts, "admin");
  m->tokens[ACTOR_OPERATOR_OWN] = pamong_test_login_demo (m->ts, "operator");
  m->tokens[ACTOR_OPERATOR_OTHER] = g_strdup (m->tokens[ACTOR_OPERATOR_OWN]);
  m->tokens[ACTOR_ASSESSOR] = pamong_test_login_demo (m->ts, "asesor");
  m->tokens[ACTOR_VIEWER] = pamong_test_login_demo (m->ts, "viewer");
  m->tokens[ACTOR_ANONYMOUS] = NULL;

  m->own_unit = pamong_test_unit_uuid (m->ts, "OPD.07");

  /* Another unit that operates applications and has requests. */
  query = pamong_query_new (PAMONG_TYPE_SERVICE_REQUEST);
  requests = pamong_store_query (m->ts->store, query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (requests) && m->other_request == NULL; i++)
    {
      g_autoptr(PamongRecord) request = g_list_model_get_item (requests, i);
      const char *unit = pamong_service_request_get_unit (PAMONG_SERVICE_REQUEST (request));
      g_autoptr(PamongQuery) apps = NULL;

      if (unit == NULL || strcmp (unit, m->own_unit) == 0)
        continue;
      apps = pamong_query_new (PAMONG_TYPE_APPLICATION);
      pamong_query_add_filter_string (apps, "operator-unit", unit);
      if (pamong_store_count (m->ts->store, apps, &error) > 0)
        {
          m->other_unit = g_strdup (unit);
          m->other_request = g_object_ref (request);
        }
      g_assert_no_error (error);
    }
  g_assert_nonnull (m->other_request);

  m->own_request = pamong_test_find_record (m->ts, PAMONG_TYPE_SERVICE_REQUEST, "unit",
                                            m->own_unit);
  m->score = pamong_test_find_record (m->ts, PAMONG_TYPE_INDICATOR_SCORE, NULL, NULL);
}

static void
matrix_tear_down (Matrix *m)
{
  for (guint i = 0; i < N_ACTORS; i++)
    g_free (m->tokens[i]);
  g_free (m->own_unit);
  g_free (m->other_unit);
  g_clear_object (&m->own_request);
  g_clear_object (&m->other_request);
  g_clear_object (&m->score);
  pamong_test_server_free (m->ts);
}

static void
test_role_write_matrix (gconstpointer data)
{
  const char *collection = data;
  const char *field = NULL;
  Matrix m = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (collections); i++)
    if (strcmp (collections[i].collection, collection) == 0)
      field = collections[i].field;
  g_assert_nonnull (field);

  matrix_set_up (&m);
  for (Actor actor = 0; actor < N_ACTORS; actor++)
    check_cell (&m, collection, field, actor);
  matrix_tear_down (&m);
}

/* Records may not move into or out of an operator's reach. */
static void
test_operator_cannot_move_records_across_units (void)
{
  Matrix m = { 0 };
  g_autoptr(PamongRecord) own_app = NULL;
  g_autoptr(PamongRecord) other_app = NULL;
  g_autoptr(PamongRecord) give_away = NULL;
  g_autoptr(PamongRecord) take_over = NULL;
  g_autoptr(PamongRecord) request = NULL;
  g_autoptr(PamongRecord) event = NULL;
  g_autoptr(PamongRecord) any_event = NULL;
  g_autoptr(PamongTestResponse) given = NULL;
  g_autoptr(PamongTestResponse) taken = NULL;
  g_autoptr(PamongTestResponse) moved = NULL;
  g_autoptr(PamongTestResponse) event_moved = NULL;

  matrix_set_up (&m);

  own_app = template_for (&m, "applications", ACTOR_OPERATOR_OWN);
  give_away = pamong_record_copy (own_app);
  pamong_application_set_operator_unit (PAMONG_APPLICATION (give_away), m.other_unit);
  given = put_record (&m, ACTOR_OPERATOR_OWN, give_away, pamong_record_get_rev (own_app));
  pamong_test_response_assert_error (given, SOUP_STATUS_FORBIDDEN, "forbidden");

  other_app = template_for (&m, "applications", ACTOR_OPERATOR_OTHER);
  take_over = pamong_record_copy (other_app);
  pamong_application_set_operator_unit (PAMONG_APPLICATION (take_over), m.own_unit);
  taken = put_record (&m, ACTOR_OPERATOR_OWN, take_over, pamong_record_get_rev (other_app));
  pamong_test_response_assert_error (taken, SOUP_STATUS_FORBIDDEN, "forbidden");

  request = pamong_record_copy (m.own_request);
  pamong_service_request_set_unit (PAMONG_SERVICE_REQUEST (request), m.other_unit);
  moved = put_record (&m, ACTOR_OPERATOR_OWN, request, pamong_record_get_rev (m.own_request));
  pamong_test_response_assert_error (moved, SOUP_STATUS_FORBIDDEN, "forbidden");

  /* An event of its own request re-pointed at another unit's request. */
  any_event = template_for (&m, "request_events", ACTOR_OPERATOR_OWN);
  event = pamong_record_copy (any_event);
  pamong_request_event_set_request (PAMONG_REQUEST_EVENT (event),
                                    pamong_record_get_uuid (m.other_request));
  event_moved = put_record (&m, ACTOR_OPERATOR_OWN, event, pamong_record_get_rev (any_event));
  pamong_test_response_assert_error (event_moved, SOUP_STATUS_FORBIDDEN, "forbidden");

  /* An assessor may not attach evidence to a service request. */
  {
    g_autoptr(PamongRecord) attachment = template_for (&m, "attachments", ACTOR_OPERATOR_OWN);
    g_autoptr(PamongRecord) created = new_record_like (&m, attachment);
    g_autoptr(PamongTestResponse) refused = put_record (&m, ACTOR_ASSESSOR, created, 0);

    pamong_test_response_assert_error (refused, SOUP_STATUS_FORBIDDEN, "forbidden");
  }

  matrix_tear_down (&m);
}

/* The policy itself, without HTTP: the reasons are sentences. */
static void
test_policy_messages_say_why (void)
{
  g_autoptr(PamongTestServer) ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  g_autofree char *own_unit = pamong_test_unit_uuid (ts, "OPD.07");
  g_autoptr(PamongServerUser) operator = pamong_server_user_new ("o", PAMONG_ROLE_OPERATOR,
                                                                 own_unit);
  g_autoptr(PamongServerUser) unitless = pamong_server_user_new ("u", PAMONG_ROLE_OPERATOR,
                                                                 NULL);
  g_autoptr(PamongServerUser) viewer = pamong_server_user_new ("v", PAMONG_ROLE_VIEWER, NULL);
  g_autoptr(PamongRecord) app = pamong_test_find_record (ts, PAMONG_TYPE_APPLICATION,
                                                         "operator-unit", own_unit);
  g_autoptr(PamongRecord) unit = pamong_test_find_record (ts, PAMONG_TYPE_UNIT, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (pamong_server_policy_can_write (ts->store, operator, "applications", app, app,
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (pamong_server_policy_can_write (ts->store, operator, "applications", NULL, app,
                                                 &error));
  g_assert_true (pamong_server_policy_can_write (ts->store, operator, "applications", app, NULL,
                                                 &error));

  g_assert_false (pamong_server_policy_can_write (ts->store, unitless, "applications", app, app,
                                                  &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "unit"));
  g_clear_error (&error);

  g_assert_false (pamong_server_policy_can_write (ts->store, operator, "units", unit, unit,
                                                  &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_FORBIDDEN);
  g_clear_error (&error);

  g_assert_false (pamong_server_policy_can_write (ts->store, viewer, "applications", NULL, app,
                                                  &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "viewer"));
}

int
main (int   argc,
      char *argv[])
{
  pamong_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (collections); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pamong/server/roles/write-matrix/%s",
                                               collections[i].collection);

      g_test_add_data_func (path, collections[i].collection, test_role_write_matrix);
    }
  g_test_add_func ("/pamong/server/roles/an-operator-cannot-move-records-across-units",
                   test_operator_cannot_move_records_across_units);
  g_test_add_func ("/pamong/server/roles/the-policy-says-why",
                   test_policy_messages_say_why);

  return g_test_run ();
}
