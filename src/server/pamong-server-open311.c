/* pamong-server-open311.c — Open311 GeoReport v2 over the service catalogue
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-server"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pamong-error.h"
#include "pamong-nik.h"
#include "pamong-query.h"
#include "pamong-region.h"
#include "pamong-request-event.h"
#include "pamong-service-request.h"
#include "pamong-service-type.h"
#include "pamong-store-sql.h"
#include "pamong-store.h"
#include "pamong-unit.h"

#include "pamong-server-auth.h"
#include "pamong-server-records.h"
#include "pamong-xml-writer.h"

#include "pamong-server-open311.h"

/*
 * GeoReport v2 (docs/api/open311.md; the spec and the quirks of real
 * deployments are summarised in the shared reference). One prefix route,
 * /open311/, for GET and POST: this file parses the rest of the path itself,
 * so that every answer below it — including an unknown resource or format —
 * is in the spec's error format, not the /api/v1 one.
 *
 * The mapping:
 *   service_types    -> services (service_code = code)
 *   service_requests -> requests (service_request_id = tracking-number)
 *   submitted, verified, in-progress -> open; completed, rejected -> closed
 *
 * Times are written as W3C datetimes in WIB (+07:00, no daylight saving),
 * to the second; the store keeps UTC.
 */

typedef enum
{
  FORMAT_JSON,
  FORMAT_XML,
} Format;

/* ------------------------------------------------------------------------
 * Attributes of the services
 *
 * The catalogue (service_types) has no attributes of its own; which extra
 * fields a service asks for is decided here, by rule, so every catalogue
 * entry — also one an admin adds later — gets them. The texts are
 * catalogue data in Indonesian, like the service names they go with.
 */

typedef enum
{
  MATCH_KIND,          /* every service of a PamongServiceKind */
  MATCH_CODE_PREFIX,   /* every service whose code starts with a prefix */
  MATCH_CODE,          /* one service */
} AttributeMatch;

typedef enum
{
  TARGET_NIK,          /* the request's applicant-nik, checked as a Blora NIK */
  TARGET_ADDRESS,      /* appended to the request's address */
  TARGET_DESCRIPTION,  /* a "label: value" line appended to the description */
} AttributeTarget;

typedef struct
{
  const char *key;
  const char *name;
} AttributeValue;

typedef struct
{
  AttributeMatch         match;
  PamongServiceKind      kind;
  const char            *pattern;
  const char            *code;
  const char            *datatype;   /* "string", "text" or "singlevaluelist" */
  gboolean               required;
  guint                  order;
  const char            *datatype_description;
  const char            *description;
  const AttributeValue  *values;     /* NULL-terminated, for singlevaluelist */
  AttributeTarget        target;
  const char            *label;      /* for TARGET_DESCRIPTION */
  guint                  max_length; /* in characters */
} Attribute;

static const AttributeValue damage_values[] = {
  { "ringan", "Ringan — masih bisa dilalui dengan hati-hati" },
  { "sedang", "Sedang — mengganggu lalu lintas" },
  { "berat", "Berat — membahayakan atau tidak bisa dilalui" },
  { NULL, NULL },
};

static const Attribute attributes[] = {
  { MATCH_CODE_PREFIX, 0, "DUK-", "nik", "string", TRUE, 1,
    "16 digit angka",
    "NIK pemohon sesuai KTP-el atau Kartu Keluarga; harus NIK yang diterbitkan di Kabupaten Blora.",
    NULL, TARGET_NIK, NULL, PAMONG_NIK_LENGTH },
  { MATCH_KIND, PAMONG_SERVICE_KIND_COMPLAINT, NULL, "lokasi_detail", "string", FALSE, 1,
    "Teks satu baris, paling banyak 200 karakter",
    "Detail lokasi: patokan, nama jalan, RT/RW.",
    NULL, TARGET_ADDRESS, NULL, 200 },
  { MATCH_CODE, 0, "ADU-02", "tingkat_kerusakan", "singlevaluelist", FALSE, 2,
    "Pilih satu",
    "Seberapa parah kerusakannya?",
    damage_values, TARGET_DESCRIPTION, "Tingkat kerusakan", 0 },
};

static gboolean
attribute_applies (const Attribute   *attribute,
                   PamongServiceType *type)
{
  const char *code = pamong_service_type_get_code (type);

  switch (attribute->match)
    {
    case MATCH_KIND:
      return pamong_service_type_get_kind (type) == attribute->kind;
    case MATCH_CODE_PREFIX:
      return g_str_has_prefix (code, attribute->pattern);
    case MATCH_CODE:
      return g_strcmp0 (code, attribute->pattern) == 0;
    default:
      g_assert_not_reached ();
    }
}

/* The attributes of @type, in their order. */
static GPtrArray *
attributes_of (PamongServiceType *type)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint order = 1; order <= G_N_ELEMENTS (attributes); order++)
    for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
      if (attributes[i].order == order && attribute_applies (&attributes[i], type))
        g_ptr_array_add (list, (gpointer) &attributes[i]);

  return list;
}

static gboolean
service_has_metadata (PamongServiceType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    if (attribute_applies (&attributes[i], type))
      return TRUE;

  return FALSE;
}

/* ------------------------------------------------------------------------
 * State, errors, formats
 */

typedef struct
{
  PamongRegion *region;   /* loaded on first use */
  GTimeZone    *wib;
} Open311;

static void
open311_free (gpointer data)
{
  Open311 *self = data;

  g_clear_object (&self->region);
  g_clear_pointer (&self->wib, g_time_zone_unref);
  g_free (self);
}

static PamongRegion *
open311_get_region (Open311  *self,
                    GError  **error)
{
  if (self->region == NULL)
    self->region = pamong_region_load_default (error);

  return self->region;
}

typedef struct
{
  guint  code;
  char  *description;
} Problem;

static void
problem_clear (gpointer data)
{
  Problem *problem = data;

  g_free (problem->description);
}

static GArray *
problems_new (void)
{
  GArray *problems = g_array_new (FALSE, FALSE, sizeof (Problem));

  g_array_set_clear_func (problems, problem_clear);

  return problems;
}

static void
problems_add (GArray     *problems,
              guint       code,
              const char *description)
{
  Problem problem = { code, g_utf8_make_valid (description, -1) };

  g_array_append_val (problems, problem);
}

static void G_GNUC_PRINTF (3, 4)
problems_addf (GArray     *problems,
               guint       code,
               const char *format,
               ...)
{
  va_list args;
  Problem problem = { code, NULL };
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  /* Messages quote what the client sent, which may be any bytes. */
  problem.description = g_utf8_make_valid (text, -1);
  g_array_append_val (problems, problem);
}

/* ---- the emitter: one walk over the data writes either JSON or XML.
 * Lists are JSON arrays and XML wrapper elements whose items are named
 * after the wrapper (<services><service>…); objects are JSON objects and
 * XML elements; a NULL string is JSON null and an empty XML element. */

typedef struct
{
  Format           format;
  JsonBuilder     *json;
  PamongXmlWriter *xml;
  GPtrArray       *item_names;   /* the XML item name of each open list */
} Emitter;

static void
emitter_init (Emitter *e,
              Format   format)
{
  e->format = format;
  e->json = format == FORMAT_JSON ? json_builder_new () : NULL;
  e->xml = format == FORMAT_XML ? pamong_xml_writer_new () : NULL;
  e->item_names = g_ptr_array_new ();
}

static void
emitter_clear (Emitter *e)
{
  g_clear_object (&e->json);
  g_clear_pointer (&e->xml, pamong_xml_writer_free);
  g_clear_pointer (&e->item_names, g_ptr_array_unref);
}

/* A list: the root (@name NULL in JSON) or an object's member. */
static void
emit_begin_list (Emitter    *e,
                 const char *name,
                 const char *item_name,
                 gboolean    member)
{
  g_ptr_array_add (e->item_names, (gpointer) item_name);
  if (e->format == FORMAT_JSON)
    {
      if (member)
        json_builder_set_member_name (e->json, name);
      json_builder_begin_array (e->json);
    }
  else
    pamong_xml_writer_start_element (e->xml, name);
}

static void
emit_end_list (Emitter *e)
{
  g_ptr_array_set_size (e->item_names, e->item_names->len - 1);
  if (e->format == FORMAT_JSON)
    json_builder_end_array (e->json);
  else
    pamong_xml_writer_end_element (e->xml);
}

/* An object: the root (named @name in XML), or an item of the open list. */
static void
emit_begin_object (Emitter    *e,
                   const char *root_name)
{
  if (e->format == FORMAT_JSON)
    json_builder_begin_object (e->json);
  else if (root_name != NULL)
    pamong_xml_writer_start_element (e->xml, root_name);
  else
    pamong_xml_writer_start_element (e->xml, g_ptr_array_index (e->item_names,
                                                                e->item_names->len - 1));
}

static void
emit_end_object (Emitter *e)
{
  if (e->format == FORMAT_JSON)
    json_builder_end_object (e->json);
  else
    pamong_xml_writer_end_element (e->xml);
}

static void
emit_string (Emitter    *e,
             const char *name,
             const char *value)
{
  if (e->format == FORMAT_JSON)
    {
      json_builder_set_member_name (e->json, name);
      if (value != NULL)
        json_builder_add_string_value (e->json, value);
      else
        json_builder_add_null_value (e->json);
    }
  else
    pamong_xml_writer_text_element (e->xml, name, value);
}

/* A string item of the open list, e.g. a format in discovery. */
static void
emit_string_item (Emitter    *e,
                  const char *value)
{
  if (e->format == FORMAT_JSON)
    json_builder_add_string_value (e->json, value);
  else
    pamong_xml_writer_text_element (e->xml, g_ptr_array_index (e->item_names,
                                                               e->item_names->len - 1),
                                    value);
}

static void
emit_int (Emitter    *e,
          const char *name,
          gint64      value)
{
  if (e->format == FORMAT_JSON)
    {
      json_builder_set_member_name (e->json, name);
      json_builder_add_int_value (e->json, value);
    }
  else
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

      pamong_xml_writer_text_element (e->xml, name, text);
    }
}

static void
emit_boolean (Emitter    *e,
              const char *name,
              gboolean    value)
{
  if (e->format == FORMAT_JSON)
    {
      json_builder_set_member_name (e->json, name);
      json_builder_add_boolean_value (e->json, value);
    }
  else
    pamong_xml_writer_text_element (e->xml, name, value ? "true" : "false");
}

/* WGS84 degrees to 6 decimals (about 0.1 m). */
static void
emit_degrees (Emitter    *e,
              const char *name,
              gboolean    present,
              double      value)
{
  double rounded = round (value * 1e6) / 1e6;

  if (e->format == FORMAT_JSON)
    {
      json_builder_set_member_name (e->json, name);
      if (present)
        json_builder_add_double_value (e->json, rounded);
      else
        json_builder_add_null_value (e->json);
    }
  else if (present)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (text, sizeof text, "%.6f", rounded);
      pamong_xml_writer_text_element (e->xml, name, text);
    }
  else
    pamong_xml_writer_text_element (e->xml, name, NULL);
}

static void
respond_body (SoupServerMessage *msg,
              guint              status,
              Format             format,
              char              *body,
              gsize              length)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg,
                                    format == FORMAT_JSON ? "application/json; charset=utf-8"
                                                          : "text/xml; charset=utf-8",
                                    SOUP_MEMORY_TAKE, body, length);
  /* A browser saves the answer under a name of its format, never shows it. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Content-Disposition",
                                format == FORMAT_JSON ? "attachment; filename=\"open311.json\""
                                                      : "attachment; filename=\"open311.xml\"");
}

static void
emitter_respond (Emitter           *e,
                 SoupServerMessage *msg,
                 guint              status)
{
  char *body;
  gsize length = 0;

  if (e->format == FORMAT_JSON)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (e->json);

      json_generator_set_root (generator, root);
      body = json_generator_to_data (generator, &length);
    }
  else
    body = pamong_xml_writer_finish (e->xml, &length);

  respond_body (msg, status, e->format, body, length);
}

/* The spec's error list; the HTTP status is the first error's code. */
static void
respond_problems (SoupServerMessage *msg,
                  Format             format,
                  GArray            *problems)
{
  Emitter e;

  g_assert (problems->len > 0);

  emitter_init (&e, format);
  emit_begin_list (&e, "errors", "error", FALSE);
  for (guint i = 0; i < problems->len; i++)
    {
      const Problem *problem = &g_array_index (problems, Problem, i);

      emit_begin_object (&e, NULL);
      emit_int (&e, "code", problem->code);
      emit_string (&e, "description", problem->description);
      emit_end_object (&e);
    }
  emit_end_list (&e);
  emitter_respond (&e, msg, g_array_index (problems, Problem, 0).code);
  emitter_clear (&e);
}

static void
respond_problem (SoupServerMessage *msg,
                 Format             format,
                 guint              code,
                 const char        *description)
{
  g_autoptr(GArray) problems = problems_new ();

  problems_add (problems, code, description);
  respond_problems (msg, format, problems);
}

/* A failure of the server itself (the database): the spec has 400 for "a
 * service that is not running"; the details go to the log only. */
static void
respond_failure (SoupServerMessage *msg,
                 Format             format,
                 const GError      *error)
{
  g_message ("%s %s failed: %s", soup_server_message_get_method (msg),
             g_uri_get_path (soup_server_message_get_uri (msg)), error->message);
  respond_problem (msg, format, SOUP_STATUS_BAD_REQUEST,
                   _("The Open311 service cannot read or write its database right now. "
                     "Try again later; if it keeps failing, tell the server’s administrator."));
}

/* ------------------------------------------------------------------------
 * Values
 */

static char *
format_w3c (Open311   *self,
            GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;

  local = g_date_time_to_timezone (time, self->wib);
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

/* A store timestamp ("…Z") as a W3C datetime in WIB. */
static char *
format_w3c_text (Open311    *self,
                 const char *stored)
{
  g_autoptr(GDateTime) time = stored != NULL ? pamong_timestamp_parse (stored) : NULL;

  return format_w3c (self, time);
}

/* A W3C datetime with its time zone (Z or ±hh:mm), to the second or finer.
 * An unencoded '+' in a query string arrives as a space: taken back. */
static GDateTime *
parse_w3c (const char *text)
{
  g_autofree char *fixed = NULL;
  GDateTime *time;

  if (strlen (text) < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T')
    return NULL;

  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time != NULL || strchr (text, ' ') == NULL)
    return time;

  fixed = g_strdelimit (g_strdup (text), " ", '+');
  return g_date_time_new_from_iso8601 (fixed, NULL);
}

static gboolean
status_is_open (PamongRequestStatus status)
{
  return status == PAMONG_REQUEST_STATUS_SUBMITTED
         || status == PAMONG_REQUEST_STATUS_VERIFIED
         || status == PAMONG_REQUEST_STATUS_IN_PROGRESS;
}

static const char * const open_nicks[] = { "submitted", "verified", "in-progress", NULL };
static const char * const closed_nicks[] = { "completed", "rejected", NULL };

/* A query parameter or form field; "" counts as absent (the spec's rule
 * for optional arguments). */
static const char *
param (GHashTable *params,
       const char *name)
{
  const char *value = params != NULL ? g_hash_table_lookup (params, name) : NULL;

  return value != NULL && value[0] != '\0' ? value : NULL;
}

static GHashTable *
query_params (SoupServerMessage *msg)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));

  if (query == NULL)
    return g_hash_table_new (g_str_hash, g_str_equal);
  return soup_form_decode (query);
}

/* The comma-separated items of @list, trimmed, empty ones dropped. */
static GPtrArray *
split_list (const char *list)
{
  g_auto(GStrv) parts = g_strsplit (list, ",", -1);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_ptr_array_add (items, g_utf8_make_valid (parts[i], -1));
    }

  return items;
}

static char *
json_array_text (GPtrArray *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (items, i));
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/* The absolute URL of @path on the host the client asked for. */
static char *
public_url (SoupServerMessage *msg,
            const char        *path)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *host = g_uri_get_host (uri);
  gboolean ipv6 = host != NULL && strchr (host, ':') != NULL;
  int port = g_uri_get_port (uri);
  const char *scheme = g_uri_get_scheme (uri);
  gboolean default_port = port == -1
                          || (g_strcmp0 (scheme, "http") == 0 && port == 80)
                          || (g_strcmp0 (scheme, "https") == 0 && port == 443);

  if (default_port)
    return g_strdup_printf ("%s://%s%s%s%s", scheme, ipv6 ? "[" : "", host, ipv6 ? "]" : "", path);
  return g_strdup_printf ("%s://%s%s%s:%d%s", scheme, ipv6 ? "[" : "", host, ipv6 ? "]" : "",
                          port, path);
}

/* ------------------------------------------------------------------------
 * The catalogue
 */

/* Every service type, tombstones included when @include_deleted, by code. */
static GListModel *
load_service_types (PamongStore  *store,
                    gboolean      include_deleted,
                    GError      **error)
{
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_TYPE);

  pamong_query_set_sort (query, "code", FALSE);
  pamong_query_set_include_deleted (query, include_deleted);

  return pamong_store_query (store, query, error);
}

/* The live service type with @code, or NULL with NOT_FOUND. */
static PamongServiceType *
lookup_service_type (PamongStore  *store,
                     const char   *code,
                     GError      **error)
{
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_SERVICE_TYPE);
  g_autoptr(GListModel) types = NULL;

  pamong_query_add_filter_string (query, "code", code);
  types = pamong_store_query (store, query, error);
  if (types == NULL)
    return NULL;

  if (g_list_model_get_n_items (types) == 0)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
                   _("There is no service with the service_code “%s”; "
                     "GET services.json or services.xml lists them."), code);
      return NULL;
    }

  return g_list_model_get_item (types, 0);
}

/* Unit names by uuid, looked up once per answer. */
typedef struct
{
  PamongStore *store;
  GHashTable  *units;   /* uuid -> PamongUnit, or NULL when missing */
} UnitCache;

static void
unit_cache_init (UnitCache   *cache,
                 PamongStore *store)
{
  cache->store = store;
  cache->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static void
unit_cache_clear (UnitCache *cache)
{
  g_clear_pointer (&cache->units, g_hash_table_unref);
}

static PamongUnit *
unit_cache_get (UnitCache  *cache,
                const char *uuid)
{
  PamongUnit *unit;

  if (uuid == NULL)
    return NULL;

  if (!g_hash_table_lookup_extended (cache->units, uuid, NULL, (gpointer *) &unit))
    {
      unit = (PamongUnit *) pamong_store_lookup (cache->store, PAMONG_TYPE_UNIT, uuid, NULL);
      if (unit != NULL)
        g_hash_table_insert (cache->units, g_strdup (uuid), unit);
    }

  return unit;
}

static void
emit_service (Emitter           *e,
              UnitCache         *units,
              PamongServiceType *type)
{
  PamongUnit *unit = unit_cache_get (units, pamong_service_type_get_unit (type));
  gboolean complaint = pamong_service_type_get_kind (type) == PAMONG_SERVICE_KIND_COMPLAINT;
  g_autoptr(GString) keywords = g_string_new (complaint ? "pengaduan" : "permohonan");

  if (unit != NULL && pamong_unit_get_short_name (unit) != NULL)
    g_string_append_printf (keywords, ", %s", pamong_unit_get_short_name (unit));

  emit_begin_object (e, NULL);
  emit_string (e, "service_code", pamong_service_type_get_code (type));
  emit_string (e, "service_name", pamong_service_type_get_name (type));
  emit_string (e, "description", pamong_service_type_get_description (type));
  emit_boolean (e, "metadata", service_has_metadata (type));
  emit_string (e, "type", "realtime");
  emit_string (e, "keywords", keywords->str);
  emit_string (e, "group", unit != NULL ? pamong_unit_get_name (unit) : NULL);
  emit_end_object (e);
}

static void
answer_services (PamongServer      *server,
                 SoupServerMessage *msg,
                 Format             format)
{
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) types = load_service_types (store, FALSE, &error);
  UnitCache units;
  Emitter e;

  if (types == NULL)
    {
      respond_failure (msg, format, error);
      return;
    }

  unit_cache_init (&units, store);
  emitter_init (&e, format);
  emit_begin_list (&e, "services", "service", FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(PamongServiceType) type = g_list_model_get_item (types, i);

      emit_service (&e, &units, type);
    }
  emit_end_list (&e);
  emitter_respond (&e, msg, SOUP_STATUS_OK);
  emitter_clear (&e);
  unit_cache_clear (&units);
}

static void
answer_service_definition (PamongServer      *server,
                           SoupServerMessage *msg,
                           Format             format,
                           const char        *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongServiceType) type = lookup_service_type (pamong_server_get_store (server),
                                                           code, &error);
  g_autoptr(GPtrArray) list = NULL;
  Emitter e;

  if (type == NULL)
    {
      if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
        respond_problem (msg, format, SOUP_STATUS_NOT_FOUND, error->message);
      else
        respond_failure (msg, format, error);
      return;
    }

  list = attributes_of (type);
  emitter_init (&e, format);
  emit_begin_object (&e, "service_definition");
  emit_string (&e, "service_code", pamong_service_type_get_code (type));
  emit_begin_list (&e, "attributes", "attribute", TRUE);
  for (guint i = 0; i < list->len; i++)
    {
      const Attribute *attribute = g_ptr_array_index (list, i);

      emit_begin_object (&e, NULL);
      emit_boolean (&e, "variable", TRUE);
      emit_string (&e, "code", attribute->code);
      emit_string (&e, "datatype", attribute->datatype);
      emit_boolean (&e, "required", attribute->required);
      emit_string (&e, "datatype_description", attribute->datatype_description);
      emit_int (&e, "order", i + 1);
      emit_string (&e, "description", attribute->description);
      if (attribute->values != NULL)
        {
          emit_begin_list (&e, "values", "value", TRUE);
          for (const AttributeValue *value = attribute->values; value->key != NULL; value++)
            {
              emit_begin_object (&e, NULL);
              emit_string (&e, "key", value->key);
              emit_string (&e, "name", value->name);
              emit_end_object (&e);
            }
          emit_end_list (&e);
        }
      emit_end_object (&e);
    }
  emit_end_list (&e);
  emit_end_object (&e);
  emitter_respond (&e, msg, SOUP_STATUS_OK);
  emitter_clear (&e);
}

/* ------------------------------------------------------------------------
 * Discovery
 */

/* The newest change to the catalogue, so clients refresh their cached
 * service lists and definitions when it moves. */
static char *
catalogue_changeset (Open311      *self,
                     PamongStore  *store,
                     GError      **error)
{
  g_autoptr(PamongStoreStmt) stmt = NULL;
  g_autofree char *newest = NULL;
  int rc;

  stmt = pamong_store_prepare (store, "SELECT MAX (updated_at) FROM service_types", error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      pamong_store_set_sql_error (store, error, _("Could not read the service catalogue"));
      return NULL;
    }
  newest = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  if (newest == NULL)
    {
      g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);

      return format_w3c (self, epoch);
    }

  return format_w3c_text (self, newest);
}

static void
answer_discovery (PamongServer      *server,
                  Open311           *self,
                  SoupServerMessage *msg,
                  Format             format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *changeset = catalogue_changeset (self, pamong_server_get_store (server), &error);
  g_autofree char *url = NULL;
  Emitter e;

  if (changeset == NULL)
    {
      respond_failure (msg, format, error);
      return;
    }

  url = public_url (msg, PAMONG_OPEN311_BASE);

  emitter_init (&e, format);
  emit_begin_object (&e, "discovery");
  emit_string (&e, "changeset", changeset);
  emit_string (&e, "contact",
               _("Dinas Komunikasi dan Informatika, Kabupaten Blora — the administrator of this "
                 "pamong-server."));
  emit_string (&e, "key_service",
               _("Posting a service request needs an api_key. Ask the server’s administrator for "
                 "one: an admin creates it with POST /api/v1/admin/api-keys."));
  emit_begin_list (&e, "endpoints", "endpoint", TRUE);
  emit_begin_object (&e, NULL);
  emit_string (&e, "specification", "http://wiki.open311.org/GeoReport_v2");
  emit_string (&e, "url", url);
  emit_string (&e, "changeset", changeset);
  /* The demo dataset is invented: say so to clients. */
  emit_string (&e, "type", pamong_server_get_demo (server) ? "test" : "production");
  emit_begin_list (&e, "formats", "format", TRUE);
  emit_string_item (&e, "text/xml");
  emit_string_item (&e, "application/json");
  emit_end_list (&e);
  emit_end_object (&e);
  emit_end_list (&e);
  emit_end_object (&e);
  emitter_respond (&e, msg, SOUP_STATUS_OK);
  emitter_clear (&e);
}

/* ------------------------------------------------------------------------
 * Requests: reading
 */

typedef struct
{
  Open311     *self;
  PamongStore *store;
  GHashTable  *types;   /* uuid -> PamongServiceType, tombstones included */
  UnitCache    units;
} RequestContext;

static gboolean
request_context_init (RequestContext  *ctx,
                      Open311         *self,
                      PamongStore     *store,
                      GError         **error)
{
  g_autoptr(GListModel) types = load_service_types (store, TRUE, error);

  if (types == NULL)
    return FALSE;

  ctx->self = self;
  ctx->store = store;
  ctx->types = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      PamongServiceType *type = g_list_model_get_item (types, i);

      g_hash_table_replace (ctx->types, (gpointer) pamong_record_get_uuid (PAMONG_RECORD (type)), type);
    }
  unit_cache_init (&ctx->units, store);

  return TRUE;
}

static void
request_context_clear (RequestContext *ctx)
{
  g_clear_pointer (&ctx->types, g_hash_table_unref);
  unit_cache_clear (&ctx->units);
}

/* Where a request is, as much as may be public. A complaint's address and
 * point are the place of the problem; an application's (permohonan)
 * address is the applicant's home, personal data (UU 27/2022), so only its
 * desa and kecamatan are shown, and no point. */
static char *
public_address (RequestContext       *ctx,
                PamongServiceRequest *request,
                gboolean              complaint)
{
  PamongRegion *region;
  const char *kecamatan_code = pamong_service_request_get_kecamatan_code (request);
  const char *desa_code = pamong_service_request_get_desa_code (request);
  const PamongKecamatan *kecamatan;
  const PamongDesa *desa;

  if (complaint)
    return g_strdup (pamong_service_request_get_address (request));

  region = open311_get_region (ctx->self, NULL);
  if (region == NULL)
    return NULL;

  kecamatan = kecamatan_code != NULL ? pamong_region_lookup_kecamatan (region, kecamatan_code) : NULL;
  desa = desa_code != NULL ? pamong_region_lookup_desa (region, desa_code) : NULL;

  if (desa != NULL)
    return g_strdup_printf ("%s %s, Kecamatan %s",
                            pamong_desa_is_kelurahan (desa) ? "Kelurahan" : "Desa",
                            pamong_desa_get_name (desa),
                            pamong_kecamatan_get_name (pamong_desa_get_kecamatan (desa)));
  if (kecamatan != NULL)
    return g_strdup_printf ("Kecamatan %s", pamong_kecamatan_get_name (kecamatan));

  return NULL;
}

static void
emit_request (Emitter              *e,
              RequestContext       *ctx,
              PamongServiceRequest *request)
{
  PamongServiceType *type = g_hash_table_lookup (ctx->types,
                                                 pamong_service_request_get_service_type (request));
  PamongUnit *unit = unit_cache_get (&ctx->units, pamong_service_request_get_unit (request));
  PamongRequestStatus status = pamong_service_request_get_status (request);
  gboolean complaint = type != NULL
                       && pamong_service_type_get_kind (type) == PAMONG_SERVICE_KIND_COMPLAINT;
  g_autofree char *requested = format_w3c (ctx->self, pamong_service_request_get_submitted_at (request));
  g_autofree char *updated = format_w3c (ctx->self, pamong_record_get_updated_at (PAMONG_RECORD (request)));
  g_autofree char *expected = NULL;
  g_autofree char *address = public_address (ctx, request, complaint);
  gboolean located = complaint && pamong_service_request_get_has_location (request);
  const char *due = pamong_service_request_get_due_date (request);

  if (due != NULL && pamong_date_is_valid (due))
    expected = g_strdup_printf ("%sT23:59:59+07:00", due);

  emit_begin_object (e, NULL);
  emit_string (e, "service_request_id", pamong_service_request_get_tracking_number (request));
  emit_string (e, "status", status_is_open (status) ? "open" : "closed");
  emit_string (e, "status_notes", status == PAMONG_REQUEST_STATUS_REJECTED
                                  ? pamong_service_request_get_reject_reason (request) : NULL);
  emit_string (e, "service_name", type != NULL ? pamong_service_type_get_name (type) : NULL);
  emit_string (e, "service_code", type != NULL ? pamong_service_type_get_code (type) : NULL);
  emit_string (e, "description", pamong_service_request_get_description (request));
  emit_string (e, "agency_responsible", unit != NULL ? pamong_unit_get_name (unit) : NULL);
  emit_string (e, "requested_datetime", requested);
  emit_string (e, "updated_datetime", updated);
  emit_string (e, "expected_datetime", expected);
  emit_string (e, "address", address);
  emit_degrees (e, "lat", located, pamong_service_request_get_latitude (request));
  emit_degrees (e, "long", located, pamong_service_request_get_longitude (request));
  emit_end_object (e);
}

typedef struct
{
  GPtrArray *ids;          /* tracking numbers; overrides the rest */
  GPtrArray *type_uuids;   /* NULL: every service */
  GPtrArray *statuses;     /* nicks; NULL: every status */
  char      *start;        /* store timestamps (UTC), NULL: unbounded */
  char      *end;
} Filter;

static void
filter_clear (Filter *filter)
{
  g_clear_pointer (&filter->ids, g_ptr_array_unref);
  g_clear_pointer (&filter->type_uuids, g_ptr_array_unref);
  g_clear_pointer (&filter->statuses, g_ptr_array_unref);
  g_clear_pointer (&filter->start, g_free);
  g_clear_pointer (&filter->end, g_free);
}

/* The newest live request's submission time, or NULL when there is none. */
static char *
newest_submission (PamongStore  *store,
                   gboolean     *found,
                   GError      **error)
{
  g_autoptr(PamongStoreStmt) stmt =
    pamong_store_prepare (store,
                          "SELECT submitted_at FROM service_requests WHERE +deleted = 0 "
                          "ORDER BY submitted_at DESC LIMIT 1", error);

  *found = FALSE;
  if (stmt == NULL)
    return NULL;

  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      *found = TRUE;
      return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    case SQLITE_DONE:
      return NULL;
    default:
      pamong_store_set_sql_error (store, error, _("Could not read the service requests"));
      return NULL;
    }
}

/* Reads the spec's filters; FALSE with the problems added. */
static gboolean
filter_parse (Filter          *filter,
              RequestContext  *ctx,
              GHashTable      *params,
              GArray          *problems)
{
  const char *ids = param (params, "service_request_id");
  const char *codes = param (params, "service_code");
  const char *statuses = param (params, "status");
  const char *start_text = param (params, "start_date");
  const char *end_text = param (params, "end_date");
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  guint n_problems = problems->len;

  if (ids != NULL)
    {
      filter->ids = split_list (ids);
      if (filter->ids->len > PAMONG_OPEN311_MAX_REQUESTS)
        problems_addf (problems, SOUP_STATUS_BAD_REQUEST,
                       _("service_request_id lists %u ids; ask for at most %u at a time."),
                       filter->ids->len, PAMONG_OPEN311_MAX_REQUESTS);
      /* The spec: the ids override every other argument. */
      return problems->len == n_problems;
    }

  if (codes != NULL)
    {
      g_autoptr(GPtrArray) wanted = split_list (codes);
      GHashTableIter iter;
      PamongServiceType *type;

      filter->type_uuids = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_iter_init (&iter, ctx->types);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &type))
        for (guint i = 0; i < wanted->len; i++)
          if (g_strcmp0 (pamong_service_type_get_code (type), g_ptr_array_index (wanted, i)) == 0)
            g_ptr_array_add (filter->type_uuids,
                             g_strdup (pamong_record_get_uuid (PAMONG_RECORD (type))));
    }

  if (statuses != NULL)
    {
      g_autoptr(GPtrArray) wanted = split_list (statuses);
      gboolean want_open = FALSE;
      gboolean want_closed = FALSE;

      for (guint i = 0; i < wanted->len; i++)
        {
          const char *status = g_ptr_array_index (wanted, i);

          /* Real servers write "Open" and "Closed": compare without case. */
          if (g_ascii_strcasecmp (status, "open") == 0)
            want_open = TRUE;
          else if (g_ascii_strcasecmp (status, "closed") == 0)
            want_closed = TRUE;
          else
            problems_addf (problems, SOUP_STATUS_BAD_REQUEST,
                           _("The status “%s” is not known; use open, closed or both "
                             "separated by a comma."), status);
        }
      if (want_open != want_closed)
        {
          filter->statuses = g_ptr_array_new ();
          for (const char * const *nick = want_open ? open_nicks : closed_nicks; *nick != NULL; nick++)
            g_ptr_array_add (filter->statuses, (gpointer) *nick);
        }
    }

  if (start_text != NULL && (start = parse_w3c (start_text)) == NULL)
    problems_addf (problems, SOUP_STATUS_BAD_REQUEST,
                   _("start_date “%s” is not a W3C datetime with a time zone, "
                     "e.g. 2026-04-01T00:00:00+07:00 or 2026-03-31T17:00:00Z."), start_text);
  if (end_text != NULL && (end = parse_w3c (end_text)) == NULL)
    problems_addf (problems, SOUP_STATUS_BAD_REQUEST,
                   _("end_date “%s” is not a W3C datetime with a time zone, "
                     "e.g. 2026-04-30T23:59:59+07:00 or 2026-04-30T16:59:59Z."), end_text);
  if (start != NULL && end != NULL && g_date_time_compare (start, end) > 0)
    problems_add (problems, SOUP_STATUS_BAD_REQUEST,
                  _("start_date is after end_date; swap them."));

  if (problems->len > n_problems)
    return FALSE;

  if (start != NULL)
    filter->start = pamong_timestamp_format (start);
  if (end != NULL)
    filter->end = pamong_timestamp_format (end);

  return TRUE;
}

/* Without dates the window is the most recent 90 days of requests: up to
 * the newest one (on a live server, today). */
static gboolean
filter_default_window (Filter       *filter,
                       PamongStore  *store,
                       gboolean     *empty,
                       GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) newest_time = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *newest = NULL;
  gboolean found = FALSE;

  *empty = FALSE;
  if (filter->ids != NULL || filter->start != NULL || filter->end != NULL)
    return TRUE;

  newest = newest_submission (store, &found, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!found || newest == NULL || (newest_time = pamong_timestamp_parse (newest)) == NULL)
    {
      *empty = TRUE;
      return TRUE;
    }

  start = g_date_time_add_days (newest_time, -PAMONG_OPEN311_DEFAULT_DAYS);
  filter->start = pamong_timestamp_format (start);
  filter->end = g_steal_pointer (&newest);

  return TRUE;
}

/* The uuids of the requests @filter selects, newest first, at most
 * PAMONG_OPEN311_MAX_REQUESTS. Lists go in as one JSON array parameter, so
 * the statement text — and the statement cache — depends only on which
 * filters are set. The plan, for 100,000 requests: ids through the
 * tracking_number index; service codes through (service_type,
 * submitted_at) (server schema step 3); otherwise the submitted_at index,
 * read newest first until the limit. "+deleted" and "+status" keep SQLite
 * from picking the (deleted, updated_at) or status index, which match most
 * rows and would need a full sort. */
static GPtrArray *
filter_select (Filter       *filter,
               PamongStore  *store,
               GError      **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT uuid FROM service_requests WHERE +deleted = 0");
  g_autoptr(PamongStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (filter->ids != NULL)
    {
      g_string_append (sql, " AND tracking_number IN (SELECT value FROM json_each (?))");
      g_ptr_array_add (texts, json_array_text (filter->ids));
    }
  else
    {
      if (filter->type_uuids != NULL)
        {
          g_string_append (sql, " AND service_type IN (SELECT value FROM json_each (?))");
          g_ptr_array_add (texts, json_array_text (filter->type_uuids));
        }
      if (filter->statuses != NULL)
        {
          g_string_append (sql, " AND +status IN (SELECT value FROM json_each (?))");
          g_ptr_array_add (texts, json_array_text (filter->statuses));
        }
      if (filter->start != NULL)
        {
          g_string_append (sql, " AND submitted_at >= ?");
          g_ptr_array_add (texts, g_strdup (filter->start));
        }
      if (filter->end != NULL)
        {
          g_string_append (sql, " AND submitted_at <= ?");
          g_ptr_array_add (texts, g_strdup (filter->end));
        }
    }
  g_string_append_printf (sql, " ORDER BY submitted_at DESC LIMIT %u",
                          PAMONG_OPEN311_MAX_REQUESTS);

  stmt = pamong_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < texts->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, g_ptr_array_index (texts, i), -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      pamong_store_set_sql_error (store, error, _("Could not read the service requests"));
      return NULL;
    }

  return g_steal_pointer (&uuids);
}

static void
emit_requests (Emitter         *e,
               RequestContext  *ctx,
               GPtrArray       *uuids)
{
  emit_begin_list (e, "service_requests", "request", FALSE);
  for (guint i = 0; i < uuids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PamongRecord) request = pamong_store_lookup (ctx->store, PAMONG_TYPE_SERVICE_REQUEST,
                                                             g_ptr_array_index (uuids, i), &error);

      /* Selected a moment ago in this same thread: only a broken row fails. */
      if (request == NULL)
        {
          g_warning ("Open311: service request %s unreadable: %s",
                     (const char *) g_ptr_array_index (uuids, i), error->message);
          continue;
        }
      emit_request (e, ctx, PAMONG_SERVICE_REQUEST (request));
    }
  emit_end_list (e);
}

static void
answer_requests (PamongServer      *server,
                 Open311           *self,
                 SoupServerMessage *msg,
                 Format             format,
                 GHashTable        *params)
{
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) problems = problems_new ();
  g_autoptr(GPtrArray) uuids = NULL;
  RequestContext ctx;
  Filter filter = { NULL, };
  gboolean empty = FALSE;
  Emitter e;

  if (!request_context_init (&ctx, self, store, &error))
    {
      respond_failure (msg, format, error);
      return;
    }

  if (!filter_parse (&filter, &ctx, params, problems))
    {
      respond_problems (msg, format, problems);
      goto out;
    }

  if (!filter_default_window (&filter, store, &empty, &error))
    {
      respond_failure (msg, format, error);
      goto out;
    }

  if (empty)
    uuids = g_ptr_array_new_with_free_func (g_free);
  else if ((uuids = filter_select (&filter, store, &error)) == NULL)
    {
      respond_failure (msg, format, error);
      goto out;
    }

  emitter_init (&e, format);
  emit_requests (&e, &ctx, uuids);
  emitter_respond (&e, msg, SOUP_STATUS_OK);
  emitter_clear (&e);

out:
  filter_clear (&filter);
  request_context_clear (&ctx);
}

static void
answer_request (PamongServer      *server,
                Open311           *self,
                SoupServerMessage *msg,
                Format             format,
                const char        *id)
{
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) uuids = NULL;
  RequestContext ctx;
  Filter filter = { NULL, };
  Emitter e;

  if (!request_context_init (&ctx, self, store, &error))
    {
      respond_failure (msg, format, error);
      return;
    }

  filter.ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (filter.ids, g_strdup (id));
  uuids = filter_select (&filter, store, &error);
  if (uuids == NULL)
    respond_failure (msg, format, error);
  else if (uuids->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("There is no service request “%s”."), id);

      respond_problem (msg, format, SOUP_STATUS_NOT_FOUND, message);
    }
  else
    {
      emitter_init (&e, format);
      emit_requests (&e, &ctx, uuids);
      emitter_respond (&e, msg, SOUP_STATUS_OK);
      emitter_clear (&e);
    }

  filter_clear (&filter);
  request_context_clear (&ctx);
}

/* ------------------------------------------------------------------------
 * Requests: creating
 */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

/* Whether @needle (casefolded) occurs in @haystack (casefolded) as whole
 * words; *prefixed tells whether one such place follows one of @prefixes. */
static gboolean
find_words (const char         *haystack,
            const char         *needle,
            const char * const *prefixes,
            gboolean           *prefixed)
{
  gsize n = strlen (needle);
  gboolean found = FALSE;

  *prefixed = FALSE;
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    {
      gboolean starts = p == haystack || !is_word_char (g_utf8_get_char (g_utf8_prev_char (p)));
      gboolean ends = p[n] == '\0' || !is_word_char (g_utf8_get_char (p + n));

      if (!starts || !ends)
        continue;
      found = TRUE;
      for (guint i = 0; prefixes[i] != NULL; i++)
        {
          gsize m = strlen (prefixes[i]);

          if ((gsize) (p - haystack) >= m && strncmp (p - m, prefixes[i], m) == 0)
            *prefixed = TRUE;
        }
    }

  return found;
}

/*
 * The kecamatan and desa an address names, if it names them plainly:
 * "Kecamatan Cepu"/"Kec. Cepu" wins; otherwise exactly one kecamatan name
 * as a whole word, not counting "Blora", which is also the regency's name.
 * A desa needs its word: "Desa Jepon", "Kelurahan Kauman".
 */
static void
locate_address (PamongRegion           *region,
                const char             *address,
                const PamongKecamatan **found_kecamatan,
                const PamongDesa      **found_desa)
{
  static const char * const kecamatan_words[] = { "kecamatan ", "kec. ", "kec ", NULL };
  static const char * const desa_words[] = { "desa ", "kelurahan ", "kel. ", "ds. ", NULL };
  g_autofree char *folded = g_utf8_casefold (address, -1);
  const PamongKecamatan *explicit = NULL;
  const PamongKecamatan *bare = NULL;
  guint n_bare = 0;
  const PamongKecamatan *kecamatan;

  *found_kecamatan = NULL;
  *found_desa = NULL;

  for (guint i = 0; i < pamong_region_get_n_kecamatan (region); i++)
    {
      const PamongKecamatan *k = pamong_region_get_kecamatan (region, i);
      g_autofree char *name = g_utf8_casefold (pamong_kecamatan_get_name (k), -1);
      gboolean prefixed = FALSE;

      if (!find_words (folded, name, kecamatan_words, &prefixed))
        continue;
      if (prefixed)
        explicit = k;
      /* A bare "Blora" is most likely the regency, not its kecamatan. */
      else if (g_strcmp0 (pamong_kecamatan_get_name (k), pamong_region_get_name (region)) != 0)
        {
          bare = k;
          n_bare++;
        }
    }

  kecamatan = explicit != NULL ? explicit : n_bare == 1 ? bare : NULL;

  if (kecamatan == NULL)
    return;

  *found_kecamatan = kecamatan;
  for (guint i = 0; i < pamong_kecamatan_get_n_desa (kecamatan); i++)
    {
      const PamongDesa *desa = pamong_kecamatan_get_desa (kecamatan, i);
      g_autofree char *name = g_utf8_casefold (pamong_desa_get_name (desa), -1);
      gboolean prefixed = FALSE;

      if (find_words (folded, name, desa_words, &prefixed) && prefixed)
        {
          *found_desa = desa;
          return;
        }
    }
}

static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/*
 * The next tracking number of the demo's form, "09-260430-0012-7Q": the
 * kecamatan (the last two digits of its code, "00" when unknown), the date
 * of submission in WIB, the next sequence of that kecamatan and day, and a
 * check of two Crockford base-32 characters (the twelve digits mod 1021).
 * Read inside the caller's transaction.
 */
static char *
next_tracking_number (PamongStore      *store,
                      const char       *kecamatan_code,
                      GDateTime        *submitted_wib,
                      GError          **error)
{
  g_autofree char *prefix = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *digits = NULL;
  g_autoptr(PamongStoreStmt) stmt = NULL;
  guint sequence = 1;
  guint check;

  prefix = g_strdup_printf ("%.2s-%02d%02d%02d-",
                            kecamatan_code != NULL ? kecamatan_code + 6 : "00",
                            g_date_time_get_year (submitted_wib) % 100,
                            g_date_time_get_month (submitted_wib),
                            g_date_time_get_day_of_month (submitted_wib));
  /* '.' follows '-': [prefix, upper) holds exactly the numbers with the prefix. */
  upper = g_strdup (prefix);
  upper[strlen (upper) - 1] = '.';

  stmt = pamong_store_prepare (store,
                               "SELECT tracking_number FROM service_requests "
                               "WHERE tracking_number >= ? AND tracking_number < ? "
                               "ORDER BY tracking_number DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_TRANSIENT);

  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      {
        const char *last = (const char *) sqlite3_column_text (stmt, 0);
        guint64 last_sequence = 0;
        g_autofree char *number = g_strndup (last + strlen (prefix), 4);

        if (g_ascii_string_to_unsigned (number, 10, 0, 9999, &last_sequence, NULL))
          sequence = (guint) last_sequence + 1;
      }
      break;
    case SQLITE_DONE:
      break;
    default:
      pamong_store_set_sql_error (store, error, _("Could not read the service requests"));
      return NULL;
    }

  if (sequence > 9999)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                   "tracking numbers %s0001 to %s9999 are all taken", prefix, prefix);
      return NULL;
    }

  digits = g_strdup_printf ("%.2s%.6s%04u", prefix, prefix + 3, sequence);
  check = (guint) (g_ascii_strtoull (digits, NULL, 10) % 1021);

  return g_strdup_printf ("%s%04u-%c%c", prefix, sequence, crockford[check / 32], crockford[check % 32]);
}

/* The date @n working days (Monday to Friday) after @date. */
static char *
due_date (GDateTime *date_wib,
          gint       n)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (date_wib),
                  g_date_time_get_month (date_wib), g_date_time_get_year (date_wib));
  while (n > 0)
    {
      g_date_add_days (&date, 1);
      if (g_date_get_weekday (&date) <= G_DATE_FRIDAY)
        n--;
    }

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* A text field of the form: valid UTF-8, at most @max characters, one line
 * unless @multiline. NULL when absent; FALSE with a problem when bad. */
static gboolean
form_text (GHashTable  *form,
           const char  *name,
           guint        max,
           gboolean     multiline,
           GArray      *problems,
           const char **value)
{
  const char *text = param (form, name);

  *value = NULL;
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      problems_addf (problems, SOUP_STATUS_BAD_REQUEST,
                     _("%s is not valid UTF-8; send the form in UTF-8."), name);
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > (glong) max)
    {
      problems_addf (problems, SOUP_STATUS_BAD_REQUEST,
                     _("%s is longer than %u characters; shorten it."), name, max);
      return FALSE;
    }
  if (!multiline && strpbrk (text, "\r\n") != NULL)
    {
      problems_addf (problems, SOUP_STATUS_BAD_REQUEST,
                     _("%s must be a single line."), name);
      return FALSE;
    }

  *value = text;
  return TRUE;
}

static gboolean
form_degrees (GHashTable  *form,
              const char  *name,
              double       limit,
              GArray      *problems,
              double      *value)
{
  const char *text = param (form, name);
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (*value) || fabs (*value) > limit)
    {
      problems_addf (problems, SOUP_STATUS_BAD_REQUEST,
                     _("%s “%s” is not a WGS84 coordinate in decimal degrees "
                       "between -%g and %g."), name, text, limit, limit);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char *nik;
  GString    *address_extra;
  GString    *description_extra;
} AttributeValues;

/* Checks the attribute[...] fields against the service's definition. */
static void
check_attributes (Open311           *self,
                  PamongServiceType *type,
                  GHashTable        *form,
                  GArray            *problems,
                  AttributeValues   *out)
{
  g_autoptr(GPtrArray) list = attributes_of (type);
  GHashTableIter iter;
  const char *key;

  /* A service without metadata takes any attribute and ignores it, as
   * clients sending their own fields expect; one with a definition gets
   * exactly what it defines. */
  if (list->len > 0)
    {
      g_hash_table_iter_init (&iter, form);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
        {
          gboolean known = FALSE;

          if (!g_str_has_prefix (key, "attribute["))
            continue;
          for (guint i = 0; i < list->len && !known; i++)
            {
              const Attribute *attribute = g_ptr_array_index (list, i);
              g_autofree char *field = g_strdup_printf ("attribute[%s]", attribute->code);

              known = g_str_equal (key, field);
            }
          if (!known)
            {
              g_autofree char *shown = g_utf8_make_valid (key, -1);

              problems_addf (problems, SOUP_STATUS_BAD_REQUEST,
                             _("The service %s has no attribute %s; its definition "
                               "(GET services/%s.json) lists the attributes it takes."),
                             pamong_service_type_get_code (type), shown,
                             pamong_service_type_get_code (type));
            }
        }
    }

  for (guint i = 0; i < list->len; i++)
    {
      const Attribute *attribute = g_ptr_array_index (list, i);
      g_autofree char *field = g_strdup_printf ("attribute[%s]", attribute->code);
      const char *value = NULL;
      gboolean multiline = g_str_equal (attribute->datatype, "text");

      if (!form_text (form, field, attribute->max_length > 0 ? attribute->max_length
                                                             : PAMONG_OPEN311_MAX_DESCRIPTION,
                      multiline, problems, &value))
        continue;

      if (value == NULL)
        {
          if (attribute->required)
            problems_addf (problems, SOUP_STATUS_BAD_REQUEST,
                           _("The service %s needs the attribute %s: %s"),
                           pamong_service_type_get_code (type), attribute->code,
                           attribute->description);
          continue;
        }

      if (attribute->values != NULL)
        {
          const AttributeValue *match = NULL;

          for (const AttributeValue *v = attribute->values; v->key != NULL && match == NULL; v++)
            if (g_str_equal (v->key, value))
              match = v;
          if (match == NULL)
            {
              g_autoptr(GString) keys = g_string_new (NULL);

              for (const AttributeValue *v = attribute->values; v->key != NULL; v++)
                g_string_append_printf (keys, "%s%s", keys->len > 0 ? ", " : "", v->key);
              problems_addf (problems, SOUP_STATUS_BAD_REQUEST,
                             _("The attribute %s cannot be “%s”; use one of: %s."),
                             attribute->code, value, keys->str);
              continue;
            }
          value = match->name;
        }

      switch (attribute->target)
        {
        case TARGET_NIK:
          {
            g_autoptr(GError) error = NULL;
            PamongRegion *region = open311_get_region (self, &error);
            PamongNikInfo info;

            if (region == NULL || !pamong_nik_parse (value, region, &info, &error))
              {
                problems_addf (problems, SOUP_STATUS_BAD_REQUEST,
                               _("The attribute %s is not a valid NIK: %s"),
                               attribute->code, error->message);
                continue;
              }
            out->nik = value;
          }
          break;

        case TARGET_ADDRESS:
          g_string_append_printf (out->address_extra, "%s%s",
                                  out->address_extra->len > 0 ? "; " : "", value);
          break;

        case TARGET_DESCRIPTION:
          g_string_append_printf (out->description_extra, "\n%s: %s", attribute->label, value);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
form_content_type_is_urlencoded (SoupServerMessage *msg)
{
  const char *type =
    soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg), NULL);

  return type != NULL && g_ascii_strcasecmp (type, SOUP_FORM_MIME_TYPE_URLENCODED) == 0;
}

static void
answer_create_request (PamongServer      *server,
                       Open311           *self,
                       SoupServerMessage *msg,
                       Format             format,
                       GHashTable        *query)
{
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(GArray) problems = problems_new ();
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongServiceType) type = NULL;
  g_autoptr(PamongServiceRequest) request = NULL;
  g_autoptr(PamongRequestEvent) event = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) now_wib = NULL;
  g_autoptr(GString) address = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) note = g_string_new ("Diterima melalui Open311.");
  g_autofree char *tracking = NULL;
  g_autofree char *due = NULL;
  g_autofree char *notice = NULL;
  AttributeValues values = { NULL, g_string_new (NULL), g_string_new (NULL) };
  const char *service_code;
  const char *api_key;
  const char *address_string = NULL;
  const char *address_id = NULL;
  const char *text = NULL;
  const char *first_name = NULL;
  const char *last_name = NULL;
  const char *phone = NULL;
  const char *email = NULL;
  const PamongKecamatan *kecamatan = NULL;
  const PamongDesa *desa = NULL;
  PamongUnit *unit;
  UnitCache units;
  gboolean has_lat, has_long;
  double latitude = 0.0, longitude = 0.0;
  gboolean located = FALSE;
  guint n_problems;

  unit_cache_init (&units, store);

  if (!form_content_type_is_urlencoded (msg))
    {
      respond_problem (msg, format, SOUP_STATUS_BAD_REQUEST,
                       _("POST a service request as a form: Content-Type "
                         "application/x-www-form-urlencoded; charset=utf-8."));
      goto out;
    }

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  {
    g_autofree char *encoded = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

    form = soup_form_decode (encoded);
  }

  /* The key first: without one nothing else is looked at (403). */
  /* From the body only, as the spec sends it: a key in the address ends up
   * in proxies' logs, browser histories and caches (OWASP ASVS 13.1.3), so
   * it is refused without even being checked. */
  api_key = param (form, "api_key");
  if (api_key == NULL && param (query, "api_key") != NULL)
    {
      respond_problem (msg, format, SOUP_STATUS_FORBIDDEN,
                       _("Send the api_key in the form body, not in the address: addresses "
                         "are written to logs. Ask the server’s administrator for a new key "
                         "if this one may have been recorded."));
      goto out;
    }
  if (api_key == NULL || !pamong_server_api_key_is_valid (store, api_key))
    {
      respond_problem (msg, format, SOUP_STATUS_FORBIDDEN,
                       api_key == NULL
                       ? _("An api_key is required to create a service request; "
                           "ask the server’s administrator for one.")
                       : _("The api_key is not valid (unknown or revoked); "
                           "ask the server’s administrator for a new one."));
      goto out;
    }

  service_code = param (form, "service_code");
  if (service_code == NULL)
    {
      problems_add (problems, SOUP_STATUS_BAD_REQUEST,
                    _("service_code is required; GET services.json or services.xml lists them."));
    }
  else
    {
      type = lookup_service_type (store, service_code, &error);
      if (type == NULL)
        {
          if (!g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
            {
              respond_failure (msg, format, error);
              goto out;
            }
          respond_problem (msg, format, SOUP_STATUS_NOT_FOUND, error->message);
          goto out;
        }
    }

  /* Where: lat and long together, or address_string, or address_id. */
  n_problems = problems->len;
  has_lat = param (form, "lat") != NULL;
  has_long = param (form, "long") != NULL;
  if (has_lat != has_long)
    problems_add (problems, SOUP_STATUS_BAD_REQUEST,
                  _("lat and long go together; send both or neither."));
  else if (has_lat)
    {
      gboolean ok = form_degrees (form, "lat", 90.0, problems, &latitude);

      ok = form_degrees (form, "long", 180.0, problems, &longitude) && ok;
      /* 0,0 is how several clients say "no location". */
      located = ok && !(latitude == 0.0 && longitude == 0.0);
    }
  form_text (form, "address_string", 500, FALSE, problems, &address_string);
  form_text (form, "address_id", 100, FALSE, problems, &address_id);
  if (problems->len == n_problems && !located && address_string == NULL && address_id == NULL)
    problems_add (problems, SOUP_STATUS_BAD_REQUEST,
                  _("Say where: send lat and long, or address_string, or address_id."));

  form_text (form, "description", PAMONG_OPEN311_MAX_DESCRIPTION, TRUE, problems, &text);
  form_text (form, "first_name", 100, FALSE, problems, &first_name);
  form_text (form, "last_name", 100, FALSE, problems, &last_name);
  form_text (form, "phone", 40, FALSE, problems, &phone);
  form_text (form, "email", 254, FALSE, problems, &email);

  if (type != NULL)
    check_attributes (self, type, form, problems, &values);

  if (problems->len > 0)
    {
      respond_problems (msg, format, problems);
      goto out;
    }

  /* The request, as the app would have made it at a counter. */
  now = g_date_time_new_now_utc ();
  now_wib = g_date_time_to_timezone (now, self->wib);

  if (address_string != NULL)
    g_string_append (address, address_string);
  else if (address_id != NULL)
    g_string_append_printf (address, "address_id %s", address_id);
  if (values.address_extra->len > 0)
    g_string_append_printf (address, address->len > 0 ? " (%s)" : "%s", values.address_extra->str);

  if (address_string != NULL)
    {
      PamongRegion *region = open311_get_region (self, &error);

      if (region == NULL)
        {
          respond_failure (msg, format, error);
          goto out;
        }
      locate_address (region, address_string, &kecamatan, &desa);
    }

  if (text != NULL)
    g_string_append (description, text);
  if (values.description_extra->len > 0)
    g_string_append (description, values.description_extra->str + (description->len == 0 ? 1 : 0));

  if (first_name != NULL)
    g_string_append (name, first_name);
  if (last_name != NULL)
    g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", last_name);
  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  if (name->len == 0)
    g_string_append (name, "Anonim");
  if (email != NULL)
    g_string_append_printf (note, " Surel pelapor: %s.", email);

  due = due_date (now_wib, pamong_service_type_get_standard_days (type));

  if (!pamong_store_begin (store, &error))
    {
      respond_failure (msg, format, error);
      goto out;
    }

  tracking = next_tracking_number (store,
                                   kecamatan != NULL ? pamong_kecamatan_get_code (kecamatan) : NULL,
                                   now_wib, &error);

  if (tracking != NULL)
    {
      request = pamong_service_request_new ();
      pamong_record_set_created_at (PAMONG_RECORD (request), now);
      pamong_record_set_updated_at (PAMONG_RECORD (request), now);
      pamong_service_request_set_tracking_number (request, tracking);
      pamong_service_request_set_service_type (request, pamong_record_get_uuid (PAMONG_RECORD (type)));
      pamong_service_request_set_applicant_name (request, name->str);
      pamong_service_request_set_applicant_nik (request, values.nik);
      pamong_service_request_set_applicant_phone (request, phone);
      pamong_service_request_set_address (request, address->len > 0 ? address->str : NULL);
      pamong_service_request_set_kecamatan_code (request,
                                                 kecamatan != NULL ? pamong_kecamatan_get_code (kecamatan) : NULL);
      pamong_service_request_set_desa_code (request, desa != NULL ? pamong_desa_get_code (desa) : NULL);
      pamong_service_request_set_description (request, description->len > 0 ? description->str : NULL);
      pamong_service_request_set_status (request, PAMONG_REQUEST_STATUS_SUBMITTED);
      pamong_service_request_set_unit (request, pamong_service_type_get_unit (type));
      pamong_service_request_set_submitted_at (request, now);
      pamong_service_request_set_due_date (request, due);
      pamong_service_request_set_has_location (request, located);
      pamong_service_request_set_latitude (request, located ? latitude : 0.0);
      pamong_service_request_set_longitude (request, located ? longitude : 0.0);

      event = pamong_request_event_new ();
      pamong_record_set_created_at (PAMONG_RECORD (event), now);
      pamong_record_set_updated_at (PAMONG_RECORD (event), now);
      pamong_request_event_set_request (event, pamong_record_get_uuid (PAMONG_RECORD (request)));
      pamong_request_event_set_kind (event, PAMONG_EVENT_KIND_CREATED);
      pamong_request_event_set_from_status (event, PAMONG_REQUEST_STATUS_SUBMITTED);
      pamong_request_event_set_to_status (event, PAMONG_REQUEST_STATUS_SUBMITTED);
      pamong_request_event_set_note (event, note->str);
      pamong_request_event_set_author (event, name->str);
    }

  if (tracking == NULL
      || !pamong_server_records_put (store, PAMONG_RECORD (request), NULL, &error)
      || !pamong_server_records_put (store, PAMONG_RECORD (event), NULL, &error))
    {
      pamong_store_rollback (store);
      respond_failure (msg, format, error);
      goto out;
    }
  if (!pamong_store_commit (store, &error))
    {
      respond_failure (msg, format, error);
      goto out;
    }

  unit = unit_cache_get (&units, pamong_service_type_get_unit (type));
  notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Received as %s. %s aims to finish it by %s "
                                         "(%d working day).",
                                         "Received as %s. %s aims to finish it by %s "
                                         "(%d working days).",
                                         pamong_service_type_get_standard_days (type)),
                            tracking,
                            unit != NULL ? pamong_unit_get_name (unit) : "Pemerintah Kabupaten Blora",
                            due, pamong_service_type_get_standard_days (type));
  {
    Emitter e;

    emitter_init (&e, format);
    emit_begin_list (&e, "service_requests", "request", FALSE);
    emit_begin_object (&e, NULL);
    emit_string (&e, "service_request_id", tracking);
    emit_string (&e, "service_notice", notice);
    emit_string (&e, "account_id", NULL);
    emit_end_object (&e);
    emit_end_list (&e);
    emitter_respond (&e, msg, SOUP_STATUS_OK);
    emitter_clear (&e);
  }

out:
  unit_cache_clear (&units);
  g_string_free (values.address_extra, TRUE);
  g_string_free (values.description_extra, TRUE);
}

/* ------------------------------------------------------------------------
 * Routing below /open311/
 */

/* Splits "name.json" into "name" and the format; FALSE for any other
 * extension. */
static gboolean
split_format (const char  *path,
              char       **name,
              Format      *format)
{
  const char *dot = strrchr (path, '.');

  if (dot == NULL)
    return FALSE;
  if (g_str_equal (dot, ".json"))
    *format = FORMAT_JSON;
  else if (g_str_equal (dot, ".xml"))
    *format = FORMAT_XML;
  else
    return FALSE;

  *name = g_strndup (path, dot - path);
  return TRUE;
}

static void
respond_wrong_method (SoupServerMessage *msg,
                      Format             format,
                      const char        *allow)
{
  g_autofree char *message = NULL;

  /* Translators: the first %s is an HTTP method, the second a list of
   * methods such as "GET, HEAD". */
  message = g_strdup_printf (_("The method %s is not allowed here; use %s."),
                             soup_server_message_get_method (msg), allow);
  respond_problem (msg, format, SOUP_STATUS_METHOD_NOT_ALLOWED, message);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
}

/* One path segment, percent-decoded; NULL if it holds a '/' or a NUL. */
static char *
path_segment (const char *encoded)
{
  if (strchr (encoded, '/') != NULL)
    return NULL;

  return g_uri_unescape_string (encoded, "/");
}

static gboolean
handle_open311 (PamongServer       *server,
                SoupServerMessage  *msg,
                const char         *subpath,
                gpointer            user_data,
                GError            **error)
{
  Open311 *self = user_data;
  gboolean post = g_str_equal (soup_server_message_get_method (msg), SOUP_METHOD_POST);
  g_autoptr(GHashTable) query = query_params (msg);
  g_autofree char *name = NULL;
  const char *jurisdiction;
  Format format = FORMAT_XML;   /* XML is the format the spec requires */

  if (!split_format (subpath, &name, &format))
    {
      g_autofree char *path = g_utf8_make_valid (g_uri_get_path (soup_server_message_get_uri (msg)), -1);
      g_autofree char *message =
        g_strdup_printf (_("There is no Open311 resource at “%s”; Open311 paths end in .json or .xml."),
                         path);

      respond_problem (msg, format, SOUP_STATUS_NOT_FOUND, message);
      return TRUE;
    }

  /* One jurisdiction: jurisdiction_id is optional, but if given must be ours. */
  jurisdiction = param (query, "jurisdiction_id");
  if (jurisdiction != NULL && !g_str_equal (jurisdiction, PAMONG_OPEN311_JURISDICTION))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("This server serves only the jurisdiction_id %s."),
                                 PAMONG_OPEN311_JURISDICTION);
      respond_problem (msg, format, SOUP_STATUS_NOT_FOUND, message);
      return TRUE;
    }

  if (g_str_equal (name, "discovery"))
    {
      if (post)
        respond_wrong_method (msg, format, "GET, HEAD");
      else
        answer_discovery (server, self, msg, format);
    }
  else if (g_str_equal (name, "v2/services"))
    {
      if (post)
        respond_wrong_method (msg, format, "GET, HEAD");
      else
        answer_services (server, msg, format);
    }
  else if (g_str_equal (name, "v2/requests"))
    {
      if (post)
        answer_create_request (server, self, msg, format, query);
      else
        answer_requests (server, self, msg, format, query);
    }
  else if (g_str_has_prefix (name, "v2/services/") || g_str_has_prefix (name, "v2/requests/")
           || g_str_has_prefix (name, "v2/tokens/"))
    {
      gboolean services = g_str_has_prefix (name, "v2/services/");
      gboolean tokens = g_str_has_prefix (name, "v2/tokens/");
      g_autofree char *id = path_segment (strchr (name + 3, '/') + 1);

      if (post)
        respond_wrong_method (msg, format, "GET, HEAD");
      else if (id == NULL || id[0] == '\0' || !g_utf8_validate (id, -1, NULL))
        respond_problem (msg, format, SOUP_STATUS_NOT_FOUND,
                         _("There is no Open311 resource at this path."));
      else if (tokens)
        respond_problem (msg, format, SOUP_STATUS_NOT_FOUND,
                         _("This server creates service requests in real time and issues "
                           "no tokens: the service_request_id comes in the POST answer."));
      else if (services)
        answer_service_definition (server, msg, format, id);
      else
        answer_request (server, self, msg, format, id);
    }
  else
    respond_problem (msg, format, SOUP_STATUS_NOT_FOUND,
                     _("There is no Open311 resource at this path."));

  return TRUE;
}

/**
 * pamong_server_open311_register:
 * @server: a server
 *
 * Adds the Open311 GeoReport v2 routes: discovery at /open311/discovery.json
 * and .xml, and the endpoint at /open311/v2/.
 */
void
pamong_server_open311_register (PamongServer *server)
{
  Open311 *self = g_new0 (Open311, 1);

  g_return_if_fail (PAMONG_IS_SERVER (server));

  /* WIB is UTC+7 all year. */
  self->wib = g_time_zone_new_offset (7 * 3600);

  pamong_server_add_route (server, SOUP_METHOD_GET, PAMONG_OPEN311_PREFIX,
                           handle_open311, self, open311_free);
  pamong_server_add_route (server, SOUP_METHOD_POST, PAMONG_OPEN311_PREFIX,
                           handle_open311, self, NULL);
}
