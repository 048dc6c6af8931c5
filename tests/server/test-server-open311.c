/* test-server-open311.c — Open311 GeoReport v2 over HTTP, field by field, JSON and XML
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pamong-core.h"
#include "pamong-store-sql.h"
#include "pamong-server-auth.h"
#include "pamong-server-open311.h"
#include "pamong-xml-writer.h"

#include "server-test-util.h"

/* One demo server for the whole run: seeding the demo takes seconds. Tests
 * that create requests do so with "now" timestamps, outside the fixed
 * windows the filter tests use. */
static PamongTestServer *ts;
static char *api_key;

/* ------------------------------------------------------------------------
 * A small DOM from GMarkupParseContext: elements and their text only, as
 * GeoReport v2 has (no attributes, no namespaces).
 */

typedef struct _Node Node;
struct _Node
{
  char      *name;
  GString   *text;
  GPtrArray *children;   /* of Node */
  Node      *parent;
};

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->name);
  g_string_free (node->text, TRUE);
  g_ptr_array_unref (node->children);
  g_free (node);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Node, node_free)

static Node *
node_new (const char *name,
          Node       *parent)
{
  Node *node = g_new0 (Node, 1);

  node->name = g_strdup (name);
  node->text = g_string_new (NULL);
  node->children = g_ptr_array_new_with_free_func (node_free);
  node->parent = parent;

  return node;
}

typedef struct
{
  Node *root;
  Node *current;
} DomBuilder;

static void
dom_start (GMarkupParseContext  *context,
           const char           *name,
           const char          **attribute_names,
           const char          **attribute_values,
           gpointer              user_data,
           GError              **error)
{
  DomBuilder *builder = user_data;
  Node *node;

  /* GeoReport v2 XML has no attributes. */
  g_assert_null (attribute_names[0]);

  node = node_new (name, builder->current);
  if (builder->current == NULL)
    {
      g_assert_null (builder->root);
      builder->root = node;
    }
  else
    g_ptr_array_add (builder->current->children, node);
  builder->current = node;
}

static void
dom_end (GMarkupParseContext  *context,
         const char           *name,
         gpointer              user_data,
         GError              **error)
{
  DomBuilder *builder = user_data;

  builder->current = builder->current->parent;
}

static void
dom_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  DomBuilder *builder = user_data;

  if (builder->current != NULL)
    g_string_append_len (builder->current->text, text, length);
}

/* Parses a whole document; fails the test unless it is well-formed UTF-8
 * XML with the UTF-8 declaration. */
static Node *
parse_xml (GBytes *body)
{
  static const GMarkupParser parser = { dom_start, dom_end, dom_text, NULL, NULL };
  DomBuilder builder = { NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);
  const char *declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  g_assert_true (g_utf8_validate (data, length, NULL));
  g_assert_cmpint (length, >, strlen (declaration));
  g_assert_cmpint (strncmp (data, declaration, strlen (declaration)), ==, 0);

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &builder, NULL);
  g_markup_parse_context_parse (context, data, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_nonnull (builder.root);

  return builder.root;
}

static Node *
child (Node       *node,
       const char *name)
{
  for (guint i = 0; i < node->children->len; i++)
    {
      Node *c = g_ptr_array_index (node->children, i);

      if (g_str_equal (c->name, name))
        return c;
    }

  return NULL;
}

static const char *
child_text (Node       *node,
            const char *name)
{
  Node *c = child (node, name);

  g_assert_nonnull (c);
  g_assert_cmpuint (c->children->len, ==, 0);

  return c->text->str;
}

static Node *
item (Node *node,
      guint index)
{
  g_assert_cmpuint (index, <, node->children->len);

  return g_ptr_array_index (node->children, index);
}

/* ------------------------------------------------------------------------
 * Helpers
 */

static PamongTestResponse *
get (const char *path)
{
  return pamong_test_request_full (ts, "GET", path, NULL, NULL, NULL, -1, NULL);
}

static PamongTestResponse *
post_form (const char *path,
           const char *form)
{
  return pamong_test_request_full (ts, "POST", path, NULL,
                                   "application/x-www-form-urlencoded; charset=utf-8",
                                   form, -1, NULL);
}

static void
assert_content_type (PamongTestResponse *response,
                     const char         *expected)
{
  g_assert_cmpstr (pamong_test_response_header (response, "Content-Type"), ==, expected);
}

static JsonArray *
json_array (PamongTestResponse *response)
{
  assert_content_type (response, "application/json; charset=utf-8");
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (response->json));

  return json_node_get_array (response->json);
}

/* The spec's error list in JSON: [{"code": status, "description": …}]. */
static void
assert_json_error (PamongTestResponse *response,
                   guint               status)
{
  JsonArray *errors;
  JsonObject *error;

  g_assert_cmpuint (response->status, ==, status);
  errors = json_array (response);
  g_assert_cmpuint (json_array_get_length (errors), >=, 1);
  error = json_array_get_object_element (errors, 0);
  g_assert_cmpuint (json_object_get_size (error), ==, 2);
  g_assert_cmpint (json_object_get_int_member (error, "code"), ==, status);
  g_assert_cmpuint (strlen (json_object_get_string_member (error, "description")), >, 10);
}

/* The same in XML: <errors><error><code/><description/></error></errors>. */
static void
assert_xml_error (PamongTestResponse *response,
                  guint               status)
{
  g_autoptr(Node) root = NULL;
  Node *error;
  g_autofree char *code = g_strdup_printf ("%u", status);

  g_assert_cmpuint (response->status, ==, status);
  assert_content_type (response, "text/xml; charset=utf-8");
  root = parse_xml (response->body);
  g_assert_cmpstr (root->name, ==, "errors");
  g_assert_cmpuint (root->children->len, >=, 1);
  error = item (root, 0);
  g_assert_cmpstr (error->name, ==, "error");
  g_assert_cmpuint (error->children->len, ==, 2);
  g_assert_cmpstr (child_text (error, "code"), ==, code);
  g_assert_cmpuint (strlen (child_text (error, "description")), >, 10);
}

static gint64
sql_count (const char *sql,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStoreStmt) stmt = pamong_store_prepare (ts->store, sql, &error);

  g_assert_no_error (error);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

/* A member that may be null. */
static const char *
nullable (JsonObject *object,
          const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  if (json_object_get_null_member (object, name))
    return NULL;

  return json_object_get_string_member (object, name);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static PamongServiceRequest *
request_by_tracking (const char *tracking)
{
  return PAMONG_SERVICE_REQUEST (pamong_test_find_record (ts, PAMONG_TYPE_SERVICE_REQUEST,
                                                          "tracking-number", tracking));
}

static PamongServiceType *
type_by_code (const char *code)
{
  return PAMONG_SERVICE_TYPE (pamong_test_find_record (ts, PAMONG_TYPE_SERVICE_TYPE, "code", code));
}

static char *
wib (GDateTime *time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, zone);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S+07:00");
}

/* A W3C datetime as the spec wants it: seconds and an offset, no fraction. */
static void
assert_w3c (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;

  g_assert_nonnull (text);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})$",
                                       text, 0, 0));
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  g_assert_nonnull (parsed);
}

/* ------------------------------------------------------------------------
 * Discovery
 */

static void
test_discovery (void)
{
  g_autoptr(PamongTestResponse) json = get ("/open311/discovery.json");
  g_autoptr(PamongTestResponse) xml = get ("/open311/discovery.xml");
  g_autofree char *url = pamong_test_server_uri (ts, "/open311/v2");
  g_autoptr(Node) root = NULL;
  JsonObject *object;
  JsonObject *endpoint;
  JsonArray *formats;
  Node *xml_endpoint;
  Node *xml_formats;

  g_assert_cmpuint (json->status, ==, 200);
  assert_content_type (json, "application/json; charset=utf-8");
  object = pamong_test_response_object (json);
  g_assert_cmpuint (json_object_get_size (object), ==, 4);
  assert_w3c (json_object_get_string_member (object, "changeset"));
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "contact")), >, 0);
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "key_service")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "endpoints")), ==, 1);
  endpoint = json_array_get_object_element (json_object_get_array_member (object, "endpoints"), 0);
  g_assert_cmpstr (json_object_get_string_member (endpoint, "specification"), ==,
                   "http://wiki.open311.org/GeoReport_v2");
  g_assert_cmpstr (json_object_get_string_member (endpoint, "url"), ==, url);
  g_assert_cmpstr (json_object_get_string_member (endpoint, "changeset"), ==,
                   json_object_get_string_member (object, "changeset"));
  /* The demo's data is invented. */
  g_assert_cmpstr (json_object_get_string_member (endpoint, "type"), ==, "test");
  formats = json_object_get_array_member (endpoint, "formats");
  g_assert_cmpuint (json_array_get_length (formats), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (formats, 0), ==, "text/xml");
  g_assert_cmpstr (json_array_get_string_element (formats, 1), ==, "application/json");

  g_assert_cmpuint (xml->status, ==, 200);
  assert_content_type (xml, "text/xml; charset=utf-8");
  root = parse_xml (xml->body);
  g_assert_cmpstr (root->name, ==, "discovery");
  g_assert_cmpstr (child_text (root, "changeset"), ==, json_object_get_string_member (object, "changeset"));
  g_assert_cmpstr (child_text (root, "contact"), ==, json_object_get_string_member (object, "contact"));
  g_assert_cmpstr (child_text (root, "key_service"), ==, json_object_get_string_member (object, "key_service"));
  g_assert_cmpuint (child (root, "endpoints")->children->len, ==, 1);
  xml_endpoint = item (child (root, "endpoints"), 0);
  g_assert_cmpstr (xml_endpoint->name, ==, "endpoint");
  g_assert_cmpstr (child_text (xml_endpoint, "specification"), ==, "http://wiki.open311.org/GeoReport_v2");
  g_assert_cmpstr (child_text (xml_endpoint, "url"), ==, url);
  g_assert_cmpstr (child_text (xml_endpoint, "type"), ==, "test");
  xml_formats = child (xml_endpoint, "formats");
  g_assert_cmpuint (xml_formats->children->len, ==, 2);
  g_assert_cmpstr (item (xml_formats, 0)->name, ==, "format");
  g_assert_cmpstr (item (xml_formats, 0)->text->str, ==, "text/xml");
  g_assert_cmpstr (item (xml_formats, 1)->text->str, ==, "application/json");
}

/* ------------------------------------------------------------------------
 * Services
 */

static void
test_services (void)
{
  g_autoptr(PamongTestResponse) json = get ("/open311/v2/services.json");
  g_autoptr(PamongTestResponse) xml = get ("/open311/v2/services.xml");
  g_autoptr(Node) root = NULL;
  gint64 n_types = sql_count ("SELECT COUNT (*) FROM service_types WHERE deleted = 0", NULL);
  JsonArray *services;
  gboolean saw_duk = FALSE, saw_plain = FALSE;

  g_assert_cmpuint (json->status, ==, 200);
  services = json_array (json);
  g_assert_cmpint (n_types, >, 20);
  g_assert_cmpuint (json_array_get_length (services), ==, n_types);

  g_assert_cmpuint (xml->status, ==, 200);
  assert_content_type (xml, "text/xml; charset=utf-8");
  root = parse_xml (xml->body);
  g_assert_cmpstr (root->name, ==, "services");
  g_assert_cmpuint (root->children->len, ==, n_types);

  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      JsonObject *service = json_array_get_object_element (services, i);
      Node *node = item (root, i);
      const char *code = json_object_get_string_member (service, "service_code");
      g_autoptr(PamongServiceType) type = type_by_code (code);
      g_autoptr(PamongUnit) unit = PAMONG_UNIT (pamong_store_lookup (ts->store, PAMONG_TYPE_UNIT,
                                                                     pamong_service_type_get_unit (type),
                                                                     NULL));
      gboolean complaint = pamong_service_type_get_kind (type) == PAMONG_SERVICE_KIND_COMPLAINT;
      gboolean metadata = complaint || g_str_has_prefix (code, "DUK-");
      g_autofree char *keywords = g_strdup_printf ("%s, %s", complaint ? "pengaduan" : "permohonan",
                                                   pamong_unit_get_short_name (unit));

      /* The schema's fields, typed as the schema says. */
      g_assert_cmpuint (json_object_get_size (service), ==, 7);
      g_assert_cmpstr (code, ==, pamong_service_type_get_code (type));
      g_assert_cmpstr (json_object_get_string_member (service, "service_name"), ==,
                       pamong_service_type_get_name (type));
      g_assert_cmpstr (json_object_get_string_member (service, "description"), ==,
                       pamong_service_type_get_description (type));
      g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (service, "metadata")));
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (service, "metadata")), ==,
                       G_TYPE_BOOLEAN);
      g_assert_cmpint (json_object_get_boolean_member (service, "metadata"), ==, metadata);
      g_assert_cmpstr (json_object_get_string_member (service, "type"), ==, "realtime");
      g_assert_cmpstr (json_object_get_string_member (service, "keywords"), ==, keywords);
      g_assert_cmpstr (json_object_get_string_member (service, "group"), ==, pamong_unit_get_name (unit));

      /* Sorted by code. */
      if (i > 0)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (services, i - 1),
                                                        "service_code"), <, code);

      /* The XML holds the same, element by element. */
      g_assert_cmpstr (node->name, ==, "service");
      g_assert_cmpuint (node->children->len, ==, 7);
      g_assert_cmpstr (child_text (node, "service_code"), ==, code);
      g_assert_cmpstr (child_text (node, "service_name"), ==, pamong_service_type_get_name (type));
      g_assert_cmpstr (child_text (node, "description"), ==, pamong_service_type_get_description (type));
      g_assert_cmpstr (child_text (node, "metadata"), ==, metadata ? "true" : "false");
      g_assert_cmpstr (child_text (node, "type"), ==, "realtime");
      g_assert_cmpstr (child_text (node, "keywords"), ==, keywords);
      g_assert_cmpstr (child_text (node, "group"), ==, pamong_unit_get_name (unit));

      saw_duk |= g_str_equal (code, "DUK-01") && metadata;
      saw_plain |= g_str_equal (code, "PTS-02") && !metadata;
    }

  g_assert_true (saw_duk);
  g_assert_true (saw_plain);
}

static void
test_service_definition (void)
{
  g_autoptr(PamongTestResponse) duk = get ("/open311/v2/services/DUK-01.json");
  g_autoptr(PamongTestResponse) adu = get ("/open311/v2/services/ADU-02.json");
  g_autoptr(PamongTestResponse) adu_xml = get ("/open311/v2/services/ADU-02.xml");
  g_autoptr(PamongTestResponse) plain = get ("/open311/v2/services/PTS-02.json");
  g_autoptr(PamongTestResponse) missing = get ("/open311/v2/services/NOPE-99.json");
  g_autoptr(PamongTestResponse) missing_xml = get ("/open311/v2/services/NOPE-99.xml");
  g_autoptr(Node) root = NULL;
  JsonObject *object;
  JsonObject *attribute;
  JsonArray *values;
  Node *attributes;
  Node *xml_attribute;
  Node *xml_values;
  static const char * const keys[] = { "ringan", "sedang", "berat" };

  /* Civil registration: the NIK, required. */
  g_assert_cmpuint (duk->status, ==, 200);
  object = pamong_test_response_object (duk);
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "service_code"), ==, "DUK-01");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "attributes")), ==, 1);
  attribute = json_array_get_object_element (json_object_get_array_member (object, "attributes"), 0);
  g_assert_cmpuint (json_object_get_size (attribute), ==, 7);
  g_assert_true (json_object_get_boolean_member (attribute, "variable"));
  g_assert_cmpstr (json_object_get_string_member (attribute, "code"), ==, "nik");
  g_assert_cmpstr (json_object_get_string_member (attribute, "datatype"), ==, "string");
  g_assert_true (json_object_get_boolean_member (attribute, "required"));
  g_assert_cmpuint (strlen (json_object_get_string_member (attribute, "datatype_description")), >, 0);
  g_assert_cmpint (json_object_get_int_member (attribute, "order"), ==, 1);
  g_assert_cmpuint (strlen (json_object_get_string_member (attribute, "description")), >, 0);
  g_assert_false (json_object_has_member (attribute, "values"));

  /* A road complaint: the optional location detail, then a list. */
  g_assert_cmpuint (adu->status, ==, 200);
  object = pamong_test_response_object (adu);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "attributes")), ==, 2);
  attribute = json_array_get_object_element (json_object_get_array_member (object, "attributes"), 0);
  g_assert_cmpstr (json_object_get_string_member (attribute, "code"), ==, "lokasi_detail");
  g_assert_false (json_object_get_boolean_member (attribute, "required"));
  g_assert_cmpint (json_object_get_int_member (attribute, "order"), ==, 1);
  attribute = json_array_get_object_element (json_object_get_array_member (object, "attributes"), 1);
  g_assert_cmpuint (json_object_get_size (attribute), ==, 8);
  g_assert_cmpstr (json_object_get_string_member (attribute, "code"), ==, "tingkat_kerusakan");
  g_assert_cmpstr (json_object_get_string_member (attribute, "datatype"), ==, "singlevaluelist");
  g_assert_cmpint (json_object_get_int_member (attribute, "order"), ==, 2);
  values = json_object_get_array_member (attribute, "values");
  g_assert_cmpuint (json_array_get_length (values), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *value = json_array_get_object_element (values, i);

      g_assert_cmpuint (json_object_get_size (value), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (value, "key"), ==, keys[i]);
      g_assert_cmpuint (strlen (json_object_get_string_member (value, "name")), >, 0);
    }

  /* The same definition in XML. */
  g_assert_cmpuint (adu_xml->status, ==, 200);
  root = parse_xml (adu_xml->body);
  g_assert_cmpstr (root->name, ==, "service_definition");
  g_assert_cmpstr (child_text (root, "service_code"), ==, "ADU-02");
  attributes = child (root, "attributes");
  g_assert_cmpuint (attributes->children->len, ==, 2);
  xml_attribute = item (attributes, 1);
  g_assert_cmpstr (xml_attribute->name, ==, "attribute");
  g_assert_cmpstr (child_text (xml_attribute, "variable"), ==, "true");
  g_assert_cmpstr (child_text (xml_attribute, "code"), ==, "tingkat_kerusakan");
  g_assert_cmpstr (child_text (xml_attribute, "datatype"), ==, "singlevaluelist");
  g_assert_cmpstr (child_text (xml_attribute, "required"), ==, "false");
  g_assert_cmpstr (child_text (xml_attribute, "order"), ==, "2");
  g_assert_cmpstr (child_text (xml_attribute, "description"), ==,
                   json_object_get_string_member (attribute, "description"));
  xml_values = child (xml_attribute, "values");
  g_assert_cmpuint (xml_values->children->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (item (xml_values, i)->name, ==, "value");
      g_assert_cmpstr (child_text (item (xml_values, i), "key"), ==, keys[i]);
      g_assert_cmpstr (child_text (item (xml_values, i), "name"), ==,
                       json_object_get_string_member (json_array_get_object_element (values, i), "name"));
    }

  /* Without metadata: an empty list of attributes. */
  g_assert_cmpuint (plain->status, ==, 200);
  object = pamong_test_response_object (plain);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "attributes")), ==, 0);

  assert_json_error (missing, 404);
  assert_xml_error (missing_xml, 404);
}

/* ------------------------------------------------------------------------
 * Requests: reading
 */

/* Checks one request of a list answer field by field against the store. */
static void
assert_request_matches (JsonObject *object,
                        Node       *node)
{
  const char *tracking = json_object_get_string_member (object, "service_request_id");
  g_autoptr(PamongServiceRequest) request = request_by_tracking (tracking);
  g_autoptr(PamongServiceType) type = PAMONG_SERVICE_TYPE (pamong_store_lookup (ts->store, PAMONG_TYPE_SERVICE_TYPE,
                                                                                pamong_service_request_get_service_type (request),
                                                                                NULL));
  g_autoptr(PamongUnit) unit = PAMONG_UNIT (pamong_store_lookup (ts->store, PAMONG_TYPE_UNIT,
                                                                 pamong_service_request_get_unit (request),
                                                                 NULL));
  PamongRequestStatus status = pamong_service_request_get_status (request);
  gboolean closed = status == PAMONG_REQUEST_STATUS_COMPLETED || status == PAMONG_REQUEST_STATUS_REJECTED;
  gboolean complaint = pamong_service_type_get_kind (type) == PAMONG_SERVICE_KIND_COMPLAINT;
  gboolean located = complaint && pamong_service_request_get_has_location (request);
  g_autofree char *requested = wib (pamong_service_request_get_submitted_at (request));
  g_autofree char *updated = wib (pamong_record_get_updated_at (PAMONG_RECORD (request)));
  g_autofree char *expected = g_strdup_printf ("%sT23:59:59+07:00", pamong_service_request_get_due_date (request));
  const char *notes = status == PAMONG_REQUEST_STATUS_REJECTED
                      ? pamong_service_request_get_reject_reason (request) : NULL;
  const char *address = nullable (object, "address");

  g_assert_cmpuint (json_object_get_size (object), ==, 13);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, closed ? "closed" : "open");
  g_assert_cmpstr (nullable (object, "status_notes"), ==, notes);
  g_assert_cmpstr (json_object_get_string_member (object, "service_name"), ==, pamong_service_type_get_name (type));
  g_assert_cmpstr (json_object_get_string_member (object, "service_code"), ==, pamong_service_type_get_code (type));
  g_assert_cmpstr (nullable (object, "description"), ==,
                   pamong_service_request_get_description (request));
  g_assert_cmpstr (json_object_get_string_member (object, "agency_responsible"), ==, pamong_unit_get_name (unit));
  assert_w3c (json_object_get_string_member (object, "requested_datetime"));
  g_assert_cmpstr (json_object_get_string_member (object, "requested_datetime"), ==, requested);
  g_assert_cmpstr (json_object_get_string_member (object, "updated_datetime"), ==, updated);
  g_assert_cmpstr (json_object_get_string_member (object, "expected_datetime"), ==, expected);
  if (complaint)
    g_assert_cmpstr (address, ==, pamong_service_request_get_address (request));
  else if (address != NULL)
    /* An application's address is the applicant's home: only desa and kecamatan. */
    g_assert_true (strstr (address, "Kecamatan ") != NULL && strstr (address, "RT ") == NULL);
  if (located)
    {
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "lat"),
                                      pamong_service_request_get_latitude (request), 1e-6);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "long"),
                                      pamong_service_request_get_longitude (request), 1e-6);
    }
  else
    {
      g_assert_true (json_object_get_null_member (object, "lat"));
      g_assert_true (json_object_get_null_member (object, "long"));
    }
  g_assert_false (json_object_has_member (object, "media_url"));

  if (node == NULL)
    return;

  g_assert_cmpstr (node->name, ==, "request");
  g_assert_cmpuint (node->children->len, ==, 13);
  g_assert_cmpstr (child_text (node, "service_request_id"), ==, tracking);
  g_assert_cmpstr (child_text (node, "status"), ==, closed ? "closed" : "open");
  g_assert_cmpstr (child_text (node, "status_notes"), ==, notes != NULL ? notes : "");
  g_assert_cmpstr (child_text (node, "service_name"), ==, pamong_service_type_get_name (type));
  g_assert_cmpstr (child_text (node, "service_code"), ==, pamong_service_type_get_code (type));
  g_assert_cmpstr (child_text (node, "description"), ==,
                   or_empty (pamong_service_request_get_description (request)));
  g_assert_cmpstr (child_text (node, "agency_responsible"), ==, pamong_unit_get_name (unit));
  g_assert_cmpstr (child_text (node, "requested_datetime"), ==, requested);
  g_assert_cmpstr (child_text (node, "updated_datetime"), ==, updated);
  g_assert_cmpstr (child_text (node, "expected_datetime"), ==, expected);
  g_assert_cmpstr (child_text (node, "address"), ==, address != NULL ? address : "");
  if (located)
    g_assert_cmpfloat_with_epsilon (g_ascii_strtod (child_text (node, "lat"), NULL),
                                    pamong_service_request_get_latitude (request), 1e-6);
  else
    g_assert_cmpstr (child_text (node, "lat"), ==, "");
}

static void
assert_requests_match (PamongTestResponse *json,
                       PamongTestResponse *xml)
{
  JsonArray *requests = json_array (json);
  g_autoptr(Node) root = NULL;

  if (xml != NULL)
    {
      g_assert_cmpuint (xml->status, ==, 200);
      assert_content_type (xml, "text/xml; charset=utf-8");
      root = parse_xml (xml->body);
      g_assert_cmpstr (root->name, ==, "service_requests");
      g_assert_cmpuint (root->children->len, ==, json_array_get_length (requests));
    }

  for (guint i = 0; i < json_array_get_length (requests); i++)
    assert_request_matches (json_array_get_object_element (requests, i),
                            root != NULL ? item (root, i) : NULL);
}

static void
test_requests_default_window (void)
{
  g_autoptr(PamongTestResponse) json = get ("/open311/v2/requests.json");
  g_autoptr(PamongTestResponse) xml = get ("/open311/v2/requests.xml");
  g_autoptr(PamongStoreStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) newest = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *start_text = NULL;
  JsonArray *requests;
  gint64 expected;

  g_assert_cmpuint (json->status, ==, 200);
  requests = json_array (json);

  /* The most recent 90 days: up to the newest request. */
  stmt = pamong_store_prepare (ts->store, "SELECT MAX (submitted_at) FROM service_requests WHERE deleted = 0", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  newest = pamong_timestamp_parse ((const char *) sqlite3_column_text (stmt, 0));
  start = g_date_time_add_days (newest, -90);
  start_text = pamong_timestamp_format (start);
  expected = sql_count ("SELECT COUNT (*) FROM service_requests WHERE deleted = 0 AND submitted_at >= ?",
                        start_text);
  g_assert_cmpint (expected, >, 100);
  g_assert_cmpuint (json_array_get_length (requests), ==, MIN (expected, 1000));

  {
    g_autofree char *first = wib (newest);

    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (requests, 0),
                                                    "requested_datetime"), ==, first);
  }
  /* Newest first. */
  for (guint i = 1; i < json_array_get_length (requests); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (requests, i - 1),
                                                    "requested_datetime"), >=,
                     json_object_get_string_member (json_array_get_object_element (requests, i),
                                                    "requested_datetime"));

  assert_requests_match (json, xml);
}

/* A fixed window of the demo (April 2026, WIB). */
#define APRIL "start_date=2026-04-01T00:00:00%2B07:00&end_date=2026-04-30T23:59:59%2B07:00"
#define APRIL_START "2026-03-31T17:00:00.000Z"
#define APRIL_END "2026-04-30T16:59:59.000Z"

static gint64
count_april (const char *extra)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT (*) FROM service_requests WHERE deleted = 0 "
                                          "AND submitted_at >= '" APRIL_START "' "
                                          "AND submitted_at <= '" APRIL_END "' %s", extra);

  return sql_count (sql, NULL);
}

static void
test_requests_dates (void)
{
  g_autoptr(PamongTestResponse) json = get ("/open311/v2/requests.json?" APRIL);
  /* '+' unencoded arrives as a space, and Z works as well as an offset. */
  g_autoptr(PamongTestResponse) plus = get ("/open311/v2/requests.json?start_date=2026-04-01T00:00:00+07:00"
                                            "&end_date=2026-04-30T16:59:59Z");
  g_autoptr(PamongTestResponse) bad = get ("/open311/v2/requests.json?start_date=2026-04-01");
  g_autoptr(PamongTestResponse) bad_xml = get ("/open311/v2/requests.xml?end_date=yesterday");
  g_autoptr(PamongTestResponse) swapped = get ("/open311/v2/requests.json?start_date=2026-04-30T00:00:00Z"
                                               "&end_date=2026-04-01T00:00:00Z");
  gint64 expected = count_april ("");
  JsonArray *requests;

  g_assert_cmpuint (json->status, ==, 200);
  requests = json_array (json);
  g_assert_cmpint (expected, >, 50);
  g_assert_cmpuint (json_array_get_length (requests), ==, expected);
  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      const char *when = json_object_get_string_member (json_array_get_object_element (requests, i),
                                                        "requested_datetime");

      g_assert_cmpstr (when, >=, "2026-04-01T00:00:00+07:00");
      g_assert_cmpstr (when, <=, "2026-04-30T23:59:59+07:00");
    }
  assert_requests_match (json, NULL);

  g_assert_cmpuint (plus->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_array (plus)), ==, expected);

  assert_json_error (bad, 400);
  assert_xml_error (bad_xml, 400);
  assert_json_error (swapped, 400);
}

static void
test_requests_status (void)
{
  g_autoptr(PamongTestResponse) open = get ("/open311/v2/requests.json?status=open&" APRIL);
  g_autoptr(PamongTestResponse) closed = get ("/open311/v2/requests.xml?status=closed&" APRIL);
  g_autoptr(PamongTestResponse) both = get ("/open311/v2/requests.json?status=open,Closed&" APRIL);
  g_autoptr(PamongTestResponse) bad = get ("/open311/v2/requests.json?status=pending");
  g_autoptr(Node) root = NULL;
  gint64 n_open = count_april ("AND status IN ('submitted', 'verified', 'in-progress')");
  gint64 n_closed = count_april ("AND status IN ('completed', 'rejected')");
  JsonArray *requests;

  g_assert_cmpint (n_open, >, 0);
  g_assert_cmpint (n_closed, >, 0);

  g_assert_cmpuint (open->status, ==, 200);
  requests = json_array (open);
  g_assert_cmpuint (json_array_get_length (requests), ==, n_open);
  for (guint i = 0; i < json_array_get_length (requests); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (requests, i), "status"),
                     ==, "open");
  assert_requests_match (open, NULL);

  g_assert_cmpuint (closed->status, ==, 200);
  root = parse_xml (closed->body);
  g_assert_cmpuint (root->children->len, ==, n_closed);
  for (guint i = 0; i < root->children->len; i++)
    g_assert_cmpstr (child_text (item (root, i), "status"), ==, "closed");

  g_assert_cmpuint (json_array_get_length (json_array (both)), ==, n_open + n_closed);

  assert_json_error (bad, 400);
}

static void
test_requests_service_code (void)
{
  g_autoptr(PamongTestResponse) json = get ("/open311/v2/requests.json?service_code=ADU-02,%20ADU-03&" APRIL);
  g_autoptr(PamongTestResponse) xml = get ("/open311/v2/requests.xml?service_code=ADU-02,%20ADU-03&" APRIL);
  g_autoptr(PamongTestResponse) unknown = get ("/open311/v2/requests.json?service_code=NOPE-1&" APRIL);
  g_autoptr(PamongServiceType) adu2 = type_by_code ("ADU-02");
  g_autoptr(PamongServiceType) adu3 = type_by_code ("ADU-03");
  g_autofree char *extra = g_strdup_printf ("AND service_type IN ('%s', '%s')",
                                            pamong_record_get_uuid (PAMONG_RECORD (adu2)),
                                            pamong_record_get_uuid (PAMONG_RECORD (adu3)));
  gint64 expected = count_april (extra);
  JsonArray *requests;
  gboolean saw[2] = { FALSE, FALSE };

  g_assert_cmpuint (json->status, ==, 200);
  requests = json_array (json);
  g_assert_cmpint (expected, >, 0);
  g_assert_cmpuint (json_array_get_length (requests), ==, expected);
  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      const char *code = json_object_get_string_member (json_array_get_object_element (requests, i),
                                                        "service_code");

      g_assert_true (g_str_equal (code, "ADU-02") || g_str_equal (code, "ADU-03"));
      saw[g_str_equal (code, "ADU-03")] = TRUE;
    }
  g_assert_true (saw[0] && saw[1]);
  assert_requests_match (json, xml);

  g_assert_cmpuint (unknown->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_array (unknown)), ==, 0);
}

/* The tracking number of a live request with @status in April. */
static char *
april_tracking (const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongStoreStmt) stmt =
    pamong_store_prepare (ts->store,
                          "SELECT tracking_number FROM service_requests WHERE deleted = 0 AND status = ? "
                          "AND submitted_at >= '" APRIL_START "' AND submitted_at <= '" APRIL_END "' "
                          "ORDER BY tracking_number LIMIT 1", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_requests_id_overrides (void)
{
  g_autofree char *open_id = april_tracking ("in-progress");
  g_autofree char *rejected_id = april_tracking ("rejected");
  /* status=closed and a service_code none of them has would exclude the
   * open one: the ids override every other argument. */
  g_autofree char *path = g_strdup_printf ("/open311/v2/requests.json?service_request_id=%s,%s,NOPE"
                                           "&status=closed&service_code=KIP-01"
                                           "&start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z",
                                           open_id, rejected_id);
  g_autofree char *xml_path = g_strdup_printf ("/open311/v2/requests.xml?service_request_id=%s", rejected_id);
  g_autoptr(PamongTestResponse) json = get (path);
  g_autoptr(PamongTestResponse) xml = get (xml_path);
  g_autoptr(Node) root = NULL;
  g_autoptr(PamongServiceRequest) rejected = request_by_tracking (rejected_id);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *requests;

  g_assert_cmpuint (json->status, ==, 200);
  requests = json_array (json);
  g_assert_cmpuint (json_array_get_length (requests), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_hash_table_add (seen, (gpointer) json_object_get_string_member (json_array_get_object_element (requests, i),
                                                                      "service_request_id"));
  g_assert_true (g_hash_table_contains (seen, open_id));
  g_assert_true (g_hash_table_contains (seen, rejected_id));
  assert_requests_match (json, NULL);

  /* A rejected request is closed, with the reason as its status notes. */
  g_assert_cmpuint (xml->status, ==, 200);
  root = parse_xml (xml->body);
  g_assert_cmpuint (root->children->len, ==, 1);
  g_assert_cmpstr (child_text (item (root, 0), "status"), ==, "closed");
  g_assert_cmpstr (child_text (item (root, 0), "status_notes"), ==,
                   pamong_service_request_get_reject_reason (rejected));
}

static void
test_request_one (void)
{
  g_autofree char *id = april_tracking ("completed");
  g_autofree char *json_path = g_strdup_printf ("/open311/v2/requests/%s.json", id);
  g_autofree char *xml_path = g_strdup_printf ("/open311/v2/requests/%s.xml", id);
  g_autoptr(PamongTestResponse) json = get (json_path);
  g_autoptr(PamongTestResponse) xml = get (xml_path);
  g_autoptr(PamongTestResponse) missing = get ("/open311/v2/requests/00-000000-0000-00.json");
  g_autoptr(PamongTestResponse) missing_xml = get ("/open311/v2/requests/00-000000-0000-00.xml");

  g_assert_cmpuint (json->status, ==, 200);
  /* The spec: the same list shape as GET requests, with one request. */
  g_assert_cmpuint (json_array_get_length (json_array (json)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_array (json), 0),
                                                  "service_request_id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_array (json), 0),
                                                  "status"), ==, "closed");
  assert_requests_match (json, xml);

  assert_json_error (missing, 404);
  assert_xml_error (missing_xml, 404);
}

/* ------------------------------------------------------------------------
 * Requests: creating
 */

static gint64
count_requests (void)
{
  return sql_count ("SELECT COUNT (*) FROM service_requests", NULL);
}

static gint64
last_rev (void)
{
  return sql_count ("SELECT COALESCE (MAX (rev), 0) FROM server_changes", NULL);
}

static void
test_create_request (void)
{
  g_autofree char *form = NULL;
  g_autoptr(PamongTestResponse) created = NULL;
  g_autoptr(PamongTestResponse) fetched = NULL;
  g_autoptr(PamongTestResponse) feed = NULL;
  g_autoptr(PamongServiceRequest) request = NULL;
  g_autoptr(PamongServiceType) type = type_by_code ("ADU-02");
  g_autoptr(PamongRequestEvent) event = NULL;
  g_autofree char *path = NULL;
  g_autofree char *feed_path = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) submitted = NULL;
  JsonArray *answer;
  JsonObject *first;
  JsonArray *changes;
  const char *tracking;
  gint64 rev_before = last_rev ();
  gboolean saw_request = FALSE, saw_event = FALSE;
  g_autoptr(GRegex) shape = g_regex_new ("^05-\\d{6}-\\d{4}-[0-9A-HJKMNP-TV-Z]{2}$", 0, 0, NULL);

  form = g_strdup_printf ("api_key=%s&service_code=ADU-02&lat=-7.1491&long=111.5902"
                          "&address_string=Jl.%%20Pemuda%%2012%%2C%%20Kelurahan%%20Cepu%%2C%%20Kecamatan%%20Cepu"
                          "&attribute%%5Blokasi_detail%%5D=depan%%20SMP%%201"
                          "&attribute%%5Btingkat_kerusakan%%5D=berat"
                          "&description=Jalan%%20berlubang%%20dalam"
                          "&first_name=Sri&last_name=Lestari&phone=081234567890&email=sri%%40example.org",
                          api_key);
  created = post_form ("/open311/v2/requests.json", form);
  g_assert_cmpuint (created->status, ==, 200);
  answer = json_array (created);
  g_assert_cmpuint (json_array_get_length (answer), ==, 1);
  first = json_array_get_object_element (answer, 0);
  g_assert_cmpuint (json_object_get_size (first), ==, 3);
  tracking = json_object_get_string_member (first, "service_request_id");
  /* The demo's form; the kecamatan (Cepu, 33.16.05) read from the address. */
  g_assert_true (g_regex_match (shape, tracking, 0, NULL));
  g_assert_nonnull (strstr (json_object_get_string_member (first, "service_notice"), tracking));
  g_assert_true (json_object_get_null_member (first, "account_id"));
  g_assert_false (json_object_has_member (first, "token"));

  /* In the store, as the app shows it after sync. */
  request = request_by_tracking (tracking);
  g_assert_cmpint (pamong_service_request_get_status (request), ==, PAMONG_REQUEST_STATUS_SUBMITTED);
  g_assert_cmpstr (pamong_service_request_get_service_type (request), ==,
                   pamong_record_get_uuid (PAMONG_RECORD (type)));
  g_assert_cmpstr (pamong_service_request_get_unit (request), ==, pamong_service_type_get_unit (type));
  g_assert_cmpstr (pamong_service_request_get_applicant_name (request), ==, "Sri Lestari");
  g_assert_cmpstr (pamong_service_request_get_applicant_phone (request), ==, "081234567890");
  g_assert_cmpstr (pamong_service_request_get_address (request), ==,
                   "Jl. Pemuda 12, Kelurahan Cepu, Kecamatan Cepu (depan SMP 1)");
  g_assert_cmpstr (pamong_service_request_get_kecamatan_code (request), ==, "33.16.05");
  g_assert_nonnull (pamong_service_request_get_desa_code (request));
  g_assert_true (g_str_has_prefix (pamong_service_request_get_desa_code (request), "33.16.05."));
  g_assert_cmpstr (pamong_service_request_get_description (request), ==,
                   "Jalan berlubang dalam\nTingkat kerusakan: Berat — membahayakan atau tidak bisa dilalui");
  g_assert_true (pamong_service_request_get_has_location (request));
  g_assert_cmpfloat_with_epsilon (pamong_service_request_get_latitude (request), -7.1491, 1e-9);
  g_assert_cmpfloat_with_epsilon (pamong_service_request_get_longitude (request), 111.5902, 1e-9);
  submitted = g_date_time_ref (pamong_service_request_get_submitted_at (request));
  g_assert_cmpint (g_date_time_difference (submitted, now), <, 60 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (now, submitted), <, 60 * G_TIME_SPAN_SECOND);
  g_assert_true (pamong_date_is_valid (pamong_service_request_get_due_date (request)));
  g_assert_cmpint (pamong_record_get_rev (PAMONG_RECORD (request)), >, rev_before);
  {
    /* Due after 14 working days: never on a weekend, at least 18 days on. */
    GDate due;
    GDate today;
    g_autoptr(GTimeZone) zone = g_time_zone_new_offset (7 * 3600);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (submitted, zone);

    g_date_clear (&due, 1);
    g_date_clear (&today, 1);
    g_date_set_parse (&due, pamong_service_request_get_due_date (request));
    g_assert_true (g_date_valid (&due));
    g_date_set_dmy (&today, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                    g_date_time_get_year (local));
    g_assert_cmpint (g_date_get_weekday (&due), <=, G_DATE_FRIDAY);
    g_assert_cmpint (g_date_days_between (&today, &due), >=, 18);
    g_assert_cmpint (g_date_days_between (&today, &due), <=, 20);
  }

  /* Its history starts with "created". */
  event = PAMONG_REQUEST_EVENT (pamong_test_find_record (ts, PAMONG_TYPE_REQUEST_EVENT, "request",
                                                         pamong_record_get_uuid (PAMONG_RECORD (request))));
  g_assert_cmpint (pamong_request_event_get_kind (event), ==, PAMONG_EVENT_KIND_CREATED);
  g_assert_cmpint (pamong_request_event_get_to_status (event), ==, PAMONG_REQUEST_STATUS_SUBMITTED);
  g_assert_cmpstr (pamong_request_event_get_author (event), ==, "Sri Lestari");
  g_assert_nonnull (strstr (pamong_request_event_get_note (event), "Open311"));

  /* Open311 shows it. */
  path = g_strdup_printf ("/open311/v2/requests/%s.json", tracking);
  fetched = get (path);
  g_assert_cmpuint (fetched->status, ==, 200);
  assert_requests_match (fetched, NULL);
  first = json_array_get_object_element (json_array (fetched), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (first, "service_code"), ==, "ADU-02");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "lat"), -7.1491, 1e-9);

  /* And the change feed carries both records, so the app gets them. */
  token = pamong_test_login_demo (ts, "viewer");
  feed_path = g_strdup_printf ("/api/v1/changes?since=%" G_GINT64_FORMAT "&limit=100", rev_before);
  feed = pamong_test_request (ts, "GET", feed_path, token, NULL);
  g_assert_cmpuint (feed->status, ==, 200);
  changes = json_object_get_array_member (pamong_test_response_object (feed), "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      JsonObject *record = json_object_get_object_member (change, "record");
      const char *uuid = json_object_get_string_member (record, "uuid");

      saw_request |= g_str_equal (uuid, pamong_record_get_uuid (PAMONG_RECORD (request)));
      saw_event |= g_str_equal (uuid, pamong_record_get_uuid (PAMONG_RECORD (event)));
    }
  g_assert_true (saw_request);
  g_assert_true (saw_event);
}

static void
test_create_request_xml_and_sequence (void)
{
  g_autofree char *form = g_strdup_printf ("api_key=%s&service_code=PTS-02&address_string=Jl.%%20Mawar%%203"
                                           "&description=NIB%%20warung", api_key);
  g_autoptr(PamongTestResponse) one = NULL;
  g_autoptr(PamongTestResponse) two = NULL;
  g_autoptr(Node) root_one = NULL;
  g_autoptr(Node) root_two = NULL;
  const char *id_one;
  const char *id_two;

  one = post_form ("/open311/v2/requests.xml", form);
  two = post_form ("/open311/v2/requests.xml", form);
  g_assert_cmpuint (one->status, ==, 200);
  assert_content_type (one, "text/xml; charset=utf-8");
  root_one = parse_xml (one->body);
  root_two = parse_xml (two->body);
  g_assert_cmpstr (root_one->name, ==, "service_requests");
  g_assert_cmpuint (root_one->children->len, ==, 1);
  g_assert_cmpstr (item (root_one, 0)->name, ==, "request");
  id_one = child_text (item (root_one, 0), "service_request_id");
  id_two = child_text (item (root_two, 0), "service_request_id");
  g_assert_cmpuint (strlen (child_text (item (root_one, 0), "service_notice")), >, 0);
  g_assert_cmpstr (child_text (item (root_one, 0), "account_id"), ==, "");

  /* The address names no kecamatan: "00"; the next number follows. */
  g_assert_true (g_str_has_prefix (id_one, "00-"));
  g_assert_cmpstr (id_one, !=, id_two);
  g_assert_cmpint (strncmp (id_one, id_two, 10), ==, 0);
  g_assert_cmpint (atoi (id_two + 10), ==, atoi (id_one + 10) + 1);
}

static void
test_create_request_needs_key (void)
{
  g_autoptr(PamongTestResponse) none = NULL;
  g_autoptr(PamongTestResponse) wrong = NULL;
  g_autoptr(PamongTestResponse) wrong_xml = NULL;
  gint64 before = count_requests ();

  none = post_form ("/open311/v2/requests.json", "service_code=ADU-01&address_string=Cepu");
  assert_json_error (none, 403);
  wrong = post_form ("/open311/v2/requests.json",
                     "api_key=not-a-key&service_code=ADU-01&address_string=Cepu");
  assert_json_error (wrong, 403);
  wrong_xml = post_form ("/open311/v2/requests.xml",
                         "api_key=not-a-key&service_code=ADU-01&address_string=Cepu");
  assert_xml_error (wrong_xml, 403);

  g_assert_cmpint (count_requests (), ==, before);
}

/* POSTs @fields with the test's key; asserts the error status and that
 * nothing was written. Returns the descriptions, joined. */
static char *
post_refused (const char *fields,
              guint       status)
{
  g_autofree char *form = g_strdup_printf ("api_key=%s&%s", api_key, fields);
  g_autoptr(PamongTestResponse) response = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  gint64 before = count_requests ();
  gint64 rev = last_rev ();
  JsonArray *errors;

  response = post_form ("/open311/v2/requests.json", form);
  assert_json_error (response, status);
  errors = json_array (response);
  for (guint i = 0; i < json_array_get_length (errors); i++)
    g_string_append_printf (all, "%s\n", json_object_get_string_member (json_array_get_object_element (errors, i),
                                                                        "description"));

  g_assert_cmpint (count_requests (), ==, before);
  g_assert_cmpint (last_rev (), ==, rev);

  return g_string_free (g_steal_pointer (&all), FALSE);
}

static void
test_create_request_refused (void)
{
  g_autofree char *nik = NULL;
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL, *e4 = NULL, *e5 = NULL, *e6 = NULL;
  g_autofree char *e7 = NULL, *e8 = NULL, *e9 = NULL;
  g_autofree char *long_description = NULL;
  g_autofree char *fields = NULL;

  e1 = post_refused ("address_string=Cepu", 400);
  g_assert_nonnull (strstr (e1, "service_code"));
  e2 = post_refused ("service_code=NOPE-1&address_string=Cepu", 404);
  e3 = post_refused ("service_code=ADU-01&description=x", 400);
  g_assert_nonnull (strstr (e3, "address_string"));
  e4 = post_refused ("service_code=ADU-01&lat=-7.1", 400);
  e5 = post_refused ("service_code=ADU-02&address_string=Cepu&attribute%5Btingkat_kerusakan%5D=parah", 400);
  g_assert_nonnull (strstr (e5, "ringan"));
  /* A required attribute missing, a NIK of another regency, a NIK that is
   * not one, an attribute the service does not define. */
  e6 = post_refused ("service_code=DUK-01&address_string=Cepu", 400);
  g_assert_nonnull (strstr (e6, "nik"));
  e7 = post_refused ("service_code=DUK-01&address_string=Cepu&attribute%5Bnik%5D=3374010101900001", 400);
  e8 = post_refused ("service_code=DUK-01&address_string=Cepu&attribute%5Bnik%5D=33160901", 400);
  e9 = post_refused ("service_code=ADU-01&address_string=Cepu&attribute%5Bwarna%5D=merah", 400);
  g_assert_nonnull (strstr (e9, "warna"));

  long_description = g_strnfill (4001, 'a');
  fields = g_strdup_printf ("service_code=ADU-01&address_string=Cepu&description=%s", long_description);
  g_free (post_refused (fields, 400));
  g_free (post_refused ("service_code=ADU-01&lat=91&long=111", 400));

  /* Several problems at once: all of them are listed. */
  {
    g_autofree char *both = post_refused ("service_code=ADU-02&attribute%5Btingkat_kerusakan%5D=parah", 400);

    g_assert_nonnull (strstr (both, "address_string"));
    g_assert_nonnull (strstr (both, "ringan"));
  }

  /* A valid Blora NIK goes through and lands on the request. */
  {
    GDate birth;
    g_autofree char *form = NULL;
    g_autoptr(PamongTestResponse) response = NULL;
    g_autoptr(PamongServiceRequest) request = NULL;

    g_date_clear (&birth, 1);
    g_date_set_dmy (&birth, 17, G_DATE_AUGUST, 1990);
    nik = pamong_nik_make ("33.16.05", &birth, PAMONG_SEX_FEMALE, 42);
    form = g_strdup_printf ("api_key=%s&service_code=DUK-01&address_string=Kecamatan%%20Cepu"
                            "&attribute%%5Bnik%%5D=%s", api_key, nik);
    response = post_form ("/open311/v2/requests.json", form);
    g_assert_cmpuint (response->status, ==, 200);
    request = request_by_tracking (json_object_get_string_member (json_array_get_object_element (json_array (response), 0),
                                                                  "service_request_id"));
    g_assert_cmpstr (pamong_service_request_get_applicant_nik (request), ==, nik);
    /* Nobody named: the record still has an applicant. */
    g_assert_cmpstr (pamong_service_request_get_applicant_name (request), ==, "Anonim");
  }

  /* Not a form. */
  {
    g_autofree char *body = g_strdup_printf ("{\"api_key\": \"%s\", \"service_code\": \"ADU-01\"}", api_key);
    g_autoptr(PamongTestResponse) response =
      pamong_test_request_full (ts, "POST", "/open311/v2/requests.json", NULL, "application/json",
                                body, -1, NULL);

    assert_json_error (response, 400);
  }
}

/* What a client writes comes back the same, in both formats. */
static void
test_escaping_round_trip (void)
{
  static const char description[] = "Tutup <b>saluran</b> & \"gorong-gorong\" 'rusak'\r\nbaris kedua ]]> ©";
  static const char address[] = "Jl. <Kali> & \"Besar\" 'No. 5' — Kecamatan Jepon";
  g_autofree char *escaped = g_uri_escape_string (description, NULL, FALSE);
  g_autofree char *escaped_address = g_uri_escape_string (address, NULL, FALSE);
  g_autofree char *form = g_strdup_printf ("api_key=%s&service_code=ADU-04&address_string=%s"
                                           "&description=%s", api_key, escaped_address, escaped);
  g_autoptr(PamongTestResponse) created = post_form ("/open311/v2/requests.xml", form);
  g_autoptr(PamongTestResponse) xml = NULL;
  g_autoptr(PamongTestResponse) json = NULL;
  g_autoptr(Node) created_root = NULL;
  g_autoptr(Node) root = NULL;
  g_autofree char *xml_path = NULL;
  g_autofree char *json_path = NULL;
  const char *id;

  g_assert_cmpuint (created->status, ==, 200);
  created_root = parse_xml (created->body);
  id = child_text (item (created_root, 0), "service_request_id");

  xml_path = g_strdup_printf ("/open311/v2/requests/%s.xml", id);
  json_path = g_strdup_printf ("/open311/v2/requests/%s.json", id);
  xml = get (xml_path);
  json = get (json_path);
  root = parse_xml (xml->body);
  g_assert_cmpstr (child_text (item (root, 0), "description"), ==, description);
  g_assert_cmpstr (child_text (item (root, 0), "address"), ==, address);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_array (json), 0),
                                                  "description"), ==, description);
}

static void
test_wrong_paths (void)
{
  g_autoptr(PamongTestResponse) extension = get ("/open311/v2/services.csv");
  g_autoptr(PamongTestResponse) nothing = get ("/open311/v2/everything.json");
  g_autoptr(PamongTestResponse) jurisdiction = get ("/open311/v2/services.json?jurisdiction_id=example.org");
  g_autoptr(PamongTestResponse) ours = get ("/open311/v2/services.json?jurisdiction_id=" PAMONG_OPEN311_JURISDICTION);
  g_autoptr(PamongTestResponse) token = get ("/open311/v2/tokens/123.json");
  g_autoptr(PamongTestResponse) post = post_form ("/open311/v2/services.json", "a=b");
  g_autoptr(PamongTestResponse) nested = get ("/open311/v2/requests/a%2Fb.json");

  /* Without a known extension the answer is XML, the spec's required format. */
  assert_xml_error (extension, 404);
  assert_json_error (nothing, 404);
  assert_json_error (jurisdiction, 404);
  g_assert_cmpuint (ours->status, ==, 200);
  assert_json_error (token, 404);
  assert_json_error (post, 405);
  g_assert_cmpstr (pamong_test_response_header (post, "Allow"), ==, "GET, HEAD");
  assert_json_error (nested, 404);
}

/* ------------------------------------------------------------------------
 * The XML writer
 */

static void
test_xml_writer (void)
{
  g_autoptr(PamongXmlWriter) writer = pamong_xml_writer_new ();
  /* A control character, a lone continuation byte, U+FFFF: none is
   * allowed in XML 1.0, so each becomes U+FFFD. */
  static const char nasty[] = "a\001b\x80" "c\xef\xbf\xbf" "d & <e> \"f\" 'g'\r\n\th";
  g_autofree char *document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Node) root = NULL;
  gsize length = 0;

  g_assert_true (pamong_xml_name_is_valid ("service_request_id"));
  g_assert_false (pamong_xml_name_is_valid ("1st"));
  g_assert_false (pamong_xml_name_is_valid ("xmlfoo"));
  g_assert_false (pamong_xml_name_is_valid ("a b"));
  g_assert_false (pamong_xml_name_is_valid ("a:b"));
  g_assert_false (pamong_xml_name_is_valid (""));

  pamong_xml_writer_start_element (writer, "root");
  pamong_xml_writer_text_element (writer, "text", nasty);
  pamong_xml_writer_text_element (writer, "empty", NULL);
  pamong_xml_writer_start_element (writer, "open");
  g_assert_cmpuint (pamong_xml_writer_get_depth (writer), ==, 2);
  document = pamong_xml_writer_finish (writer, &length);
  g_assert_cmpuint (length, ==, strlen (document));

  bytes = g_bytes_new (document, length);
  root = parse_xml (bytes);
  g_assert_cmpstr (root->name, ==, "root");
  g_assert_cmpstr (child_text (root, "text"), ==,
                   "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd" "d & <e> \"f\" 'g'\r\n\th");
  g_assert_cmpstr (child_text (root, "empty"), ==, "");
  g_assert_nonnull (child (root, "open"));
  g_assert_nonnull (strstr (document, "<empty/>"));
  g_assert_nonnull (strstr (document, "&amp; &lt;e&gt; &quot;f&quot; &apos;g&apos;&#xD;\n"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  int status;

  pamong_test_init (&argc, &argv);

  ts = pamong_test_server_new (PAMONG_TEST_SERVER_DEMO);
  api_key = pamong_server_api_key_create (ts->store, "test-server-open311", "admin", &id, &error);
  g_assert_no_error (error);

  g_test_add_func ("/pamong/open311/xml-writer-escapes-everything", test_xml_writer);
  g_test_add_func ("/pamong/open311/discovery-in-json-and-xml", test_discovery);
  g_test_add_func ("/pamong/open311/services-list-the-catalogue", test_services);
  g_test_add_func ("/pamong/open311/service-definitions-carry-attributes", test_service_definition);
  g_test_add_func ("/pamong/open311/requests-default-to-the-last-90-days", test_requests_default_window);
  g_test_add_func ("/pamong/open311/requests-filter-by-dates", test_requests_dates);
  g_test_add_func ("/pamong/open311/requests-filter-by-status", test_requests_status);
  g_test_add_func ("/pamong/open311/requests-filter-by-service-code", test_requests_service_code);
  g_test_add_func ("/pamong/open311/request-ids-override-other-filters", test_requests_id_overrides);
  g_test_add_func ("/pamong/open311/one-request-by-id", test_request_one);
  g_test_add_func ("/pamong/open311/post-creates-a-request-the-app-syncs", test_create_request);
  g_test_add_func ("/pamong/open311/post-in-xml-numbers-requests-in-sequence",
                   test_create_request_xml_and_sequence);
  g_test_add_func ("/pamong/open311/post-needs-a-valid-api-key", test_create_request_needs_key);
  g_test_add_func ("/pamong/open311/post-refuses-bad-input-without-writing", test_create_request_refused);
  g_test_add_func ("/pamong/open311/text-round-trips-escaped", test_escaping_round_trip);
  g_test_add_func ("/pamong/open311/wrong-paths-answer-in-the-spec-format", test_wrong_paths);

  status = g_test_run ();

  g_clear_pointer (&api_key, g_free);
  g_clear_pointer (&ts, pamong_test_server_free);

  return status;
}
