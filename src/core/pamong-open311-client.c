/* pamong-open311-client.c — read an external Open311 GeoReport v2 endpoint
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-open311"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "pamong-error.h"
#include "pamong-open311-client.h"

/*
 * Both formats are first read into the same small tree (Node): an XML
 * element or a JSON value, with a name (the element's local name or the
 * object member's; NULL for an array's element), a text for scalars and
 * children for the rest. Everything after that — finding the items whether
 * wrapped or bare, reading fields in any order, the quirks — works on the
 * tree, once for both formats.
 */

#define MAX_DEPTH       64
#define MAX_ITEM_DEPTH  4
#define MAX_BODY_SIZE   (16 * 1024 * 1024)

typedef struct _Node Node;
struct _Node
{
  char      *name;
  char      *text;       /* scalars: the value ("" and null become NULL) */
  GPtrArray *children;   /* Node*; NULL for scalars */
};

static void
node_free (gpointer data)
{
  Node *node = data;

  if (node == NULL)
    return;
  g_free (node->name);
  g_free (node->text);
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_free (node);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Node, node_free)

static Node *
node_new (const char *name)
{
  Node *node = g_new0 (Node, 1);

  node->name = g_strdup (name);
  return node;
}

static void
node_add_child (Node *parent,
                Node *child)
{
  if (parent->children == NULL)
    parent->children = g_ptr_array_new_with_free_func (node_free);
  g_ptr_array_add (parent->children, child);
}

static guint
node_n_children (const Node *node)
{
  return node->children != NULL ? node->children->len : 0;
}

static Node *
node_child (const Node *node,
            guint       i)
{
  return g_ptr_array_index (node->children, i);
}

/* Strips and turns "" into NULL. */
static char *
clean_text (const char *text,
            gssize      length)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = length < 0 ? g_strdup (text) : g_strndup (text, (gsize) length);
  g_strstrip (copy);
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

/* ---- JSON -> tree */

/* json-glib recurses per nesting level; refuse absurd depths before it sees
 * them, so a hostile document cannot exhaust the stack. */
static gboolean
json_depth_ok (const char *data,
               gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

static Node *
node_from_json (JsonNode   *json,
                const char *name)
{
  Node *node = node_new (name);

  switch (JSON_NODE_TYPE (json))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (json);
        JsonObjectIter iter;
        const char *member;
        JsonNode *value;

        node->children = g_ptr_array_new_with_free_func (node_free);
        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, &member, &value))
          node_add_child (node, node_from_json (value, member));
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (json);

        node->children = g_ptr_array_new_with_free_func (node_free);
        for (guint i = 0; i < json_array_get_length (array); i++)
          node_add_child (node, node_from_json (json_array_get_element (array, i), NULL));
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (json))
        {
        case G_TYPE_STRING:
          node->text = clean_text (json_node_get_string (json), -1);
          break;
        case G_TYPE_INT64:
          node->text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (json));
          break;
        case G_TYPE_DOUBLE:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            node->text = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (json)));
          }
          break;
        case G_TYPE_BOOLEAN:
          node->text = g_strdup (json_node_get_boolean (json) ? "true" : "false");
          break;
        default:
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }

  return node;
}

static Node *
parse_json (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_depth_ok (data, length))
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The Open311 document is nested too deeply to be a real answer."));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The Open311 document is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The Open311 document is empty."));
      return NULL;
    }

  return node_from_json (root, NULL);
}

/* ---- XML -> tree (GMarkup) */

typedef struct
{
  GPtrArray *stack;   /* Node*, not owned; [0] is the root holder */
  GString   *text;
  Node      *holder;  /* owns the root element */
  gboolean   nil;
} XmlState;

/* "soap:Body" -> "Body" */
static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static void
xml_start (GMarkupParseContext  *context,
           const char           *element_name,
           const char          **attribute_names,
           const char          **attribute_values,
           gpointer              user_data,
           GError              **error)
{
  XmlState *state = user_data;
  Node *parent = g_ptr_array_index (state->stack, state->stack->len - 1);
  Node *node;

  if (state->stack->len > MAX_DEPTH)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           _("elements are nested too deeply"));
      return;
    }
  if (parent == state->holder && node_n_children (parent) > 0)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           _("there is more than one root element"));
      return;
    }

  node = node_new (local_name (element_name));
  node_add_child (parent, node);
  g_ptr_array_add (state->stack, node);
  g_string_truncate (state->text, 0);

  state->nil = FALSE;
  for (guint i = 0; attribute_names[i] != NULL; i++)
    if (g_str_equal (local_name (attribute_names[i]), "nil")
        && g_ascii_strcasecmp (attribute_values[i], "true") == 0)
      state->nil = TRUE;
  if (state->nil)
    node->children = NULL;
}

static void
xml_end (GMarkupParseContext  *context,
         const char           *element_name,
         gpointer              user_data,
         GError              **error)
{
  XmlState *state = user_data;
  Node *node = g_ptr_array_index (state->stack, state->stack->len - 1);

  if (node->children == NULL)
    node->text = clean_text (state->text->str, (gssize) state->text->len);
  g_string_truncate (state->text, 0);
  g_ptr_array_remove_index (state->stack, state->stack->len - 1);
}

static void
xml_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 text_len,
          gpointer              user_data,
          GError              **error)
{
  XmlState *state = user_data;

  if (state->stack->len > 1 && state->text->len < MAX_BODY_SIZE)
    g_string_append_len (state->text, text, (gssize) text_len);
}

static const GMarkupParser xml_parser = {
  xml_start, xml_end, xml_text, NULL, NULL,
};

static Node *
parse_xml (const char  *data,
           gsize        length,
           GError     **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(Node) holder = node_new (NULL);
  XmlState state = { 0 };
  Node *root;

  state.stack = g_ptr_array_new ();
  state.text = g_string_new (NULL);
  state.holder = holder;
  g_ptr_array_add (state.stack, holder);

  context = g_markup_parse_context_new (&xml_parser, G_MARKUP_PREFIX_ERROR_POSITION, &state, NULL);
  if (!g_markup_parse_context_parse (context, data, (gssize) length, &local_error)
      || !g_markup_parse_context_end_parse (context, &local_error))
    {
      g_ptr_array_unref (state.stack);
      g_string_free (state.text, TRUE);
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The Open311 document is not valid XML: %s"), local_error->message);
      return NULL;
    }
  g_ptr_array_unref (state.stack);
  g_string_free (state.text, TRUE);

  if (node_n_children (holder) == 0)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The Open311 document is empty."));
      return NULL;
    }

  root = g_ptr_array_steal_index (holder->children, 0);
  return root;
}

static PamongOpen311Format
sniff_format (const char *data,
              gsize       length)
{
  gsize i = 0;

  /* a UTF-8 byte order mark */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  for (; i < length; i++)
    {
      if (g_ascii_isspace (data[i]))
        continue;
      if (data[i] == '<')
        return PAMONG_OPEN311_FORMAT_XML;
      return PAMONG_OPEN311_FORMAT_JSON;
    }

  return PAMONG_OPEN311_FORMAT_JSON;
}

static Node *
parse_document (const char           *data,
                gsize                 length,
                PamongOpen311Format   format,
                GError              **error)
{
  if (data == NULL)
    length = 0;
  if (length == 0 || data == NULL)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The Open311 document is empty."));
      return NULL;
    }
  if (format == PAMONG_OPEN311_FORMAT_AUTO)
    format = sniff_format (data, length);

  /* skip a byte order mark */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* Open311 is UTF-8 everywhere; checking first also keeps invalid bytes
   * out of the parsers' error messages */
  {
    const char *end = NULL;

    if (!g_utf8_validate (data, (gssize) length, &end))
      {
        g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                     _("The Open311 document is not valid UTF-8 text (at byte %lu)."),
                     (unsigned long) (end - data));
        return NULL;
      }
  }

  if (format == PAMONG_OPEN311_FORMAT_XML)
    return parse_xml (data, length, error);
  return parse_json (data, length, error);
}

/* ---- reading the tree */

static Node *
find_child (const Node *node,
            const char *name)
{
  for (guint i = 0; i < node_n_children (node); i++)
    {
      Node *child = node_child (node, i);

      if (child->name != NULL && g_ascii_strcasecmp (child->name, name) == 0)
        return child;
    }

  return NULL;
}

static void
collect_scalars (const Node *node,
                 GPtrArray  *out,
                 guint       depth)
{
  if (node->text != NULL)
    g_ptr_array_add (out, node->text);
  if (depth > 4)
    return;
  for (guint i = 0; i < node_n_children (node); i++)
    collect_scalars (node_child (node, i), out, depth + 1);
}

/* A field's text: a scalar's value; for an object or list (FixMyStreet's
 * agency_responsible {"recipient": [...]}) its scalars joined; NULL when
 * absent, null or empty. */
static char *
field_text (const Node *item,
            const char *name)
{
  Node *child = find_child (item, name);
  g_autoptr(GPtrArray) scalars = NULL;

  if (child == NULL)
    return NULL;
  if (child->children == NULL)
    return g_strdup (child->text);

  scalars = g_ptr_array_new ();
  collect_scalars (child, scalars, 0);
  if (scalars->len == 0)
    return NULL;
  g_ptr_array_add (scalars, NULL);
  return g_strjoinv (", ", (char **) scalars->pdata);
}

/* The first scalar of a field (media_url may be a list). */
static char *
field_first (const Node *item,
             const char *name)
{
  Node *child = find_child (item, name);
  g_autoptr(GPtrArray) scalars = NULL;

  if (child == NULL)
    return NULL;
  scalars = g_ptr_array_new ();
  collect_scalars (child, scalars, 0);
  return scalars->len > 0 ? g_strdup (g_ptr_array_index (scalars, 0)) : NULL;
}

static gboolean
field_boolean (const Node *item,
               const char *name)
{
  g_autofree char *text = field_text (item, name);

  return text != NULL && (g_ascii_strcasecmp (text, "true") == 0 || g_str_equal (text, "1")
                          || g_ascii_strcasecmp (text, "yes") == 0);
}

static gboolean
field_double (const Node *item,
              const char *name,
              double     *value)
{
  g_autofree char *text = field_text (item, name);
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

static gboolean
is_item (const Node  *node,
         const char **keys)
{
  if (node->children == NULL)
    return FALSE;
  for (guint i = 0; keys[i] != NULL; i++)
    {
      Node *child = find_child (node, keys[i]);

      if (child != NULL && child->children == NULL)
        return TRUE;
    }

  return FALSE;
}

/* Finds the items whether the list is bare, wrapped ({"services": [...]},
 * <services><service>), missing its wrapper or a single object. */
static void
collect_items (Node        *node,
               const char **keys,
               GPtrArray   *out,
               guint        depth)
{
  if (is_item (node, keys))
    {
      g_ptr_array_add (out, node);
      return;
    }
  if (depth >= MAX_ITEM_DEPTH)
    return;
  for (guint i = 0; i < node_n_children (node); i++)
    collect_items (node_child (node, i), keys, out, depth + 1);
}

static gboolean
name_is (const Node *node,
         const char *a,
         const char *b)
{
  return node->name != NULL
         && (g_ascii_strcasecmp (node->name, a) == 0 || (b != NULL && g_ascii_strcasecmp (node->name, b) == 0));
}

/* Whether the root is an Open311 error document; if so sets @error with
 * the server's descriptions. */
static gboolean
check_error_document (Node    *root,
                      GError **error)
{
  static const char *error_keys[] = { "description", "code", NULL };
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  Node *errors = NULL;

  if (root->name != NULL && g_ascii_strcasecmp (root->name, "errors") == 0)
    errors = root;
  else if (root->name != NULL && g_ascii_strcasecmp (root->name, "error") == 0)
    errors = root;
  else if (root->name == NULL && root->children != NULL && find_child (root, "errors") != NULL)
    errors = find_child (root, "errors");
  else if (root->name == NULL && root->children != NULL && node_n_children (root) > 0)
    {
      /* a JSON array of {code, description} and nothing else */
      for (guint i = 0; i < node_n_children (root); i++)
        {
          Node *child = node_child (root, i);

          if (child->children == NULL || find_child (child, "description") == NULL)
            return FALSE;
          for (guint j = 0; j < node_n_children (child); j++)
            if (!name_is (node_child (child, j), "code", "description"))
              return FALSE;
        }
      errors = root;
    }
  if (errors == NULL)
    return FALSE;

  if (errors->children == NULL)
    {
      /* a bare <error>text</error> */
      g_string_append (text, errors->text != NULL ? errors->text : "");
    }
  else
    {
      collect_items (errors, error_keys, items, 0);
      for (guint i = 0; i < items->len; i++)
        {
          g_autofree char *code = field_text (g_ptr_array_index (items, i), "code");
          g_autofree char *description = field_text (g_ptr_array_index (items, i), "description");

          if (text->len > 0)
            g_string_append (text, "; ");
          if (code != NULL && description != NULL)
            g_string_append_printf (text, "%s (%s)", description, code);
          else
            g_string_append (text, description != NULL ? description : code != NULL ? code : "");
        }
    }

  if (text->len == 0)
    g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                         _("The Open311 server reported an error without a description."));
  else
    g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                 _("The Open311 server reported an error: %s"), text->str);
  return TRUE;
}

/* An empty list is fine when the document says it is that list. */
static gboolean
is_list_document (const Node *root,
                  const char *wrapper,
                  const char *item)
{
  if (root->name == NULL && root->children != NULL
      && (node_n_children (root) == 0 || find_child (root, wrapper) != NULL))
    return TRUE;   /* [] or {"services": []} */

  return name_is (root, wrapper, item);
}

/* ---- discovery */

struct _PamongOpen311Discovery
{
  GObject    parent_instance;

  char      *changeset;
  char      *contact;
  char      *key_service;
  GPtrArray *endpoints;   /* PamongOpen311Endpoint* */
};

G_DEFINE_FINAL_TYPE (PamongOpen311Discovery, pamong_open311_discovery, G_TYPE_OBJECT)

static void
endpoint_free (gpointer data)
{
  PamongOpen311Endpoint *endpoint = data;

  g_free (endpoint->specification);
  g_free (endpoint->url);
  g_free (endpoint->changeset);
  g_free (endpoint->type);
  g_strfreev (endpoint->formats);
  g_free (endpoint);
}

static void
pamong_open311_discovery_finalize (GObject *object)
{
  PamongOpen311Discovery *self = PAMONG_OPEN311_DISCOVERY (object);

  g_free (self->changeset);
  g_free (self->contact);
  g_free (self->key_service);
  g_ptr_array_unref (self->endpoints);

  G_OBJECT_CLASS (pamong_open311_discovery_parent_class)->finalize (object);
}

static void
pamong_open311_discovery_class_init (PamongOpen311DiscoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pamong_open311_discovery_finalize;
}

static void
pamong_open311_discovery_init (PamongOpen311Discovery *self)
{
  self->endpoints = g_ptr_array_new_with_free_func (endpoint_free);
}

/** pamong_open311_discovery_get_changeset: Returns: (nullable): as given */
const char *
pamong_open311_discovery_get_changeset (PamongOpen311Discovery *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_DISCOVERY (self), NULL);
  return self->changeset;
}

/** pamong_open311_discovery_get_contact: Returns: (nullable): human-readable contact */
const char *
pamong_open311_discovery_get_contact (PamongOpen311Discovery *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_DISCOVERY (self), NULL);
  return self->contact;
}

/** pamong_open311_discovery_get_key_service: Returns: (nullable): how to get an API key */
const char *
pamong_open311_discovery_get_key_service (PamongOpen311Discovery *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_DISCOVERY (self), NULL);
  return self->key_service;
}

/** pamong_open311_discovery_get_n_endpoints: Returns: the number of endpoints (at least 1) */
guint
pamong_open311_discovery_get_n_endpoints (PamongOpen311Discovery *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_DISCOVERY (self), 0);
  return self->endpoints->len;
}

/** pamong_open311_discovery_get_endpoint: Returns: (transfer none): the endpoint at @index */
const PamongOpen311Endpoint *
pamong_open311_discovery_get_endpoint (PamongOpen311Discovery *self,
                                       guint                   index)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_DISCOVERY (self), NULL);
  g_return_val_if_fail (index < self->endpoints->len, NULL);
  return g_ptr_array_index (self->endpoints, index);
}

static gboolean
is_v2_specification (const char *specification)
{
  const char *v2;

  if (specification == NULL)
    return FALSE;
  v2 = strstr (specification, "GeoReport_v2");
  return v2 != NULL && v2[strlen ("GeoReport_v2")] != '.' && v2[strlen ("GeoReport_v2")] != '_';
}

/**
 * pamong_open311_discovery_find_endpoint:
 * @self: a discovery
 *
 * Returns: (transfer none) (nullable): the GeoReport v2 endpoint to use,
 *   production before test
 */
const PamongOpen311Endpoint *
pamong_open311_discovery_find_endpoint (PamongOpen311Discovery *self)
{
  const PamongOpen311Endpoint *found = NULL;

  g_return_val_if_fail (PAMONG_IS_OPEN311_DISCOVERY (self), NULL);

  for (guint i = 0; i < self->endpoints->len; i++)
    {
      const PamongOpen311Endpoint *endpoint = g_ptr_array_index (self->endpoints, i);

      if (!is_v2_specification (endpoint->specification))
        continue;
      if (g_strcmp0 (endpoint->type, "production") == 0)
        return endpoint;
      if (found == NULL)
        found = endpoint;
    }

  return found;
}

/**
 * pamong_open311_endpoint_supports:
 * @endpoint: an endpoint
 * @format: JSON or XML
 *
 * Returns: whether the endpoint lists @format among its formats
 */
gboolean
pamong_open311_endpoint_supports (const PamongOpen311Endpoint *endpoint,
                                  PamongOpen311Format          format)
{
  g_return_val_if_fail (endpoint != NULL, FALSE);

  for (guint i = 0; endpoint->formats[i] != NULL; i++)
    {
      const char *mime = endpoint->formats[i];

      if (format == PAMONG_OPEN311_FORMAT_JSON && strstr (mime, "json") != NULL)
        return TRUE;
      if (format == PAMONG_OPEN311_FORMAT_XML && strstr (mime, "xml") != NULL)
        return TRUE;
      if (format == PAMONG_OPEN311_FORMAT_AUTO)
        return TRUE;
    }

  return FALSE;
}

/**
 * pamong_open311_parse_discovery:
 * @data: (array length=length): the document
 * @length: its length in bytes
 * @format: its format, or AUTO to guess
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the discovery, or %NULL on error
 */
PamongOpen311Discovery *
pamong_open311_parse_discovery (const char           *data,
                                gsize                 length,
                                PamongOpen311Format   format,
                                GError              **error)
{
  static const char *endpoint_keys[] = { "url", NULL };
  g_autoptr(Node) root = NULL;
  g_autoptr(PamongOpen311Discovery) self = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  Node *discovery;
  Node *endpoints;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = parse_document (data, length, format, error);
  if (root == NULL || check_error_document (root, error))
    return NULL;

  discovery = root;
  if (find_child (root, "endpoints") == NULL && find_child (root, "discovery") != NULL)
    discovery = find_child (root, "discovery");
  endpoints = find_child (discovery, "endpoints");
  if (discovery->children == NULL || (endpoints == NULL && find_child (discovery, "endpoint") == NULL))
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("This is not an Open311 discovery document: it lists no “endpoints”."));
      return NULL;
    }

  self = g_object_new (PAMONG_TYPE_OPEN311_DISCOVERY, NULL);
  self->changeset = field_text (discovery, "changeset");
  self->contact = field_text (discovery, "contact");
  self->key_service = field_text (discovery, "key_service");

  if (endpoints != NULL)
    collect_items (endpoints, endpoint_keys, items, 0);
  for (guint i = 0; i < node_n_children (discovery); i++)
    if (name_is (node_child (discovery, i), "endpoint", NULL))
      collect_items (node_child (discovery, i), endpoint_keys, items, 0);

  for (guint i = 0; i < items->len; i++)
    {
      Node *item = g_ptr_array_index (items, i);
      PamongOpen311Endpoint *endpoint;
      g_autoptr(GPtrArray) formats = g_ptr_array_new ();
      Node *formats_node = find_child (item, "formats");
      g_autofree char *url = field_text (item, "url");

      if (url == NULL)
        continue;

      endpoint = g_new0 (PamongOpen311Endpoint, 1);
      endpoint->url = g_steal_pointer (&url);
      endpoint->specification = field_text (item, "specification");
      endpoint->changeset = field_text (item, "changeset");
      endpoint->type = field_text (item, "type");
      if (endpoint->type != NULL)
        {
          char *lower = g_ascii_strdown (endpoint->type, -1);

          g_free (endpoint->type);
          endpoint->type = lower;
        }
      if (formats_node != NULL)
        collect_scalars (formats_node, formats, 0);
      g_ptr_array_add (formats, NULL);
      endpoint->formats = g_strdupv ((char **) formats->pdata);
      g_ptr_array_add (self->endpoints, endpoint);
    }

  if (self->endpoints->len == 0)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The Open311 discovery document lists no endpoint with a URL."));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* ---- services */

struct _PamongOpen311Service
{
  GObject   parent_instance;

  char     *code;
  char     *name;
  char     *description;
  char     *group;
  char     *keywords;
  char     *kind;
  gboolean  metadata;
};

G_DEFINE_FINAL_TYPE (PamongOpen311Service, pamong_open311_service, G_TYPE_OBJECT)

static void
pamong_open311_service_finalize (GObject *object)
{
  PamongOpen311Service *self = PAMONG_OPEN311_SERVICE (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->description);
  g_free (self->group);
  g_free (self->keywords);
  g_free (self->kind);

  G_OBJECT_CLASS (pamong_open311_service_parent_class)->finalize (object);
}

static void
pamong_open311_service_class_init (PamongOpen311ServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pamong_open311_service_finalize;
}

static void
pamong_open311_service_init (PamongOpen311Service *self)
{
}

/** pamong_open311_service_get_code: Returns: the service_code, as text ("001" keeps its zeros) */
const char *
pamong_open311_service_get_code (PamongOpen311Service *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_SERVICE (self), NULL);
  return self->code;
}

/** pamong_open311_service_get_name: Returns: the service_name (the code when missing) */
const char *
pamong_open311_service_get_name (PamongOpen311Service *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_SERVICE (self), NULL);
  return self->name;
}

/** pamong_open311_service_get_description: Returns: (nullable): the description */
const char *
pamong_open311_service_get_description (PamongOpen311Service *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_SERVICE (self), NULL);
  return self->description;
}

/** pamong_open311_service_get_group: Returns: (nullable): the group (or groups, joined) */
const char *
pamong_open311_service_get_group (PamongOpen311Service *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_SERVICE (self), NULL);
  return self->group;
}

/** pamong_open311_service_get_keywords: Returns: (nullable): comma-separated keywords */
const char *
pamong_open311_service_get_keywords (PamongOpen311Service *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_SERVICE (self), NULL);
  return self->keywords;
}

/** pamong_open311_service_get_kind: Returns: (nullable): "realtime", "batch" or "blackbox" */
const char *
pamong_open311_service_get_kind (PamongOpen311Service *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_SERVICE (self), NULL);
  return self->kind;
}

/** pamong_open311_service_get_metadata: Returns: whether the service has a definition to read */
gboolean
pamong_open311_service_get_metadata (PamongOpen311Service *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_SERVICE (self), FALSE);
  return self->metadata;
}

/**
 * pamong_open311_parse_services:
 * @data: (array length=length): the document
 * @length: its length in bytes
 * @format: its format, or AUTO to guess
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type PamongOpen311Service) (nullable):
 *   the services (possibly none), or %NULL on error
 */
GPtrArray *
pamong_open311_parse_services (const char           *data,
                               gsize                 length,
                               PamongOpen311Format   format,
                               GError              **error)
{
  static const char *service_keys[] = { "service_code", "service_name", NULL };
  g_autoptr(Node) root = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = parse_document (data, length, format, error);
  if (root == NULL || check_error_document (root, error))
    return NULL;

  collect_items (root, service_keys, items, 0);
  if (items->len == 0 && !is_list_document (root, "services", "service"))
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("This is not an Open311 service list: it has no services and no “services” list."));
      return NULL;
    }

  for (guint i = 0; i < items->len; i++)
    {
      Node *item = g_ptr_array_index (items, i);
      PamongOpen311Service *service;
      g_autofree char *code = field_text (item, "service_code");
      g_autofree char *name = field_text (item, "service_name");
      g_autofree char *kind = field_text (item, "type");

      if (code == NULL)
        continue;   /* cannot be told apart from the others */

      service = g_object_new (PAMONG_TYPE_OPEN311_SERVICE, NULL);
      service->name = name != NULL ? g_steal_pointer (&name) : g_strdup (code);
      service->code = g_steal_pointer (&code);
      service->description = field_text (item, "description");
      service->group = field_text (item, "group");
      if (service->group == NULL)
        service->group = field_text (item, "groups");
      service->keywords = field_text (item, "keywords");
      service->kind = kind != NULL ? g_ascii_strdown (kind, -1) : NULL;
      service->metadata = field_boolean (item, "metadata");
      g_ptr_array_add (services, service);
    }

  return g_steal_pointer (&services);
}

/* ---- requests */

struct _PamongOpen311Request
{
  GObject              parent_instance;

  char                *id;
  PamongOpen311Status  status;
  char                *status_text;
  char                *status_notes;
  char                *service_code;
  char                *service_name;
  char                *description;
  char                *agency_responsible;
  char                *address;
  char                *media_url;
  GDateTime           *requested_at;
  GDateTime           *updated_at;
  GDateTime           *expected_at;
  gboolean             has_location;
  double               latitude;
  double               longitude;
};

G_DEFINE_FINAL_TYPE (PamongOpen311Request, pamong_open311_request, G_TYPE_OBJECT)

static void
pamong_open311_request_finalize (GObject *object)
{
  PamongOpen311Request *self = PAMONG_OPEN311_REQUEST (object);

  g_free (self->id);
  g_free (self->status_text);
  g_free (self->status_notes);
  g_free (self->service_code);
  g_free (self->service_name);
  g_free (self->description);
  g_free (self->agency_responsible);
  g_free (self->address);
  g_free (self->media_url);
  g_clear_pointer (&self->requested_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->expected_at, g_date_time_unref);

  G_OBJECT_CLASS (pamong_open311_request_parent_class)->finalize (object);
}

static void
pamong_open311_request_class_init (PamongOpen311RequestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pamong_open311_request_finalize;
}

static void
pamong_open311_request_init (PamongOpen311Request *self)
{
}

#define REQUEST_GETTER(type, field, fallback) \
  g_return_val_if_fail (PAMONG_IS_OPEN311_REQUEST (self), fallback); \
  return self->field;

/** pamong_open311_request_get_id: Returns: the service_request_id, as text */
const char *
pamong_open311_request_get_id (PamongOpen311Request *self)
{
  REQUEST_GETTER (const char *, id, NULL)
}

/** pamong_open311_request_get_status: Returns: open or closed */
PamongOpen311Status
pamong_open311_request_get_status (PamongOpen311Request *self)
{
  REQUEST_GETTER (PamongOpen311Status, status, PAMONG_OPEN311_STATUS_OPEN)
}

/** pamong_open311_request_get_status_text: Returns: the status as sent, lower case */
const char *
pamong_open311_request_get_status_text (PamongOpen311Request *self)
{
  REQUEST_GETTER (const char *, status_text, NULL)
}

/** pamong_open311_request_get_status_notes: Returns: (nullable): status_notes */
const char *
pamong_open311_request_get_status_notes (PamongOpen311Request *self)
{
  REQUEST_GETTER (const char *, status_notes, NULL)
}

/** pamong_open311_request_get_service_code: Returns: (nullable): service_code */
const char *
pamong_open311_request_get_service_code (PamongOpen311Request *self)
{
  REQUEST_GETTER (const char *, service_code, NULL)
}

/** pamong_open311_request_get_service_name: Returns: (nullable): service_name */
const char *
pamong_open311_request_get_service_name (PamongOpen311Request *self)
{
  REQUEST_GETTER (const char *, service_name, NULL)
}

/** pamong_open311_request_get_description: Returns: (nullable): description */
const char *
pamong_open311_request_get_description (PamongOpen311Request *self)
{
  REQUEST_GETTER (const char *, description, NULL)
}

/** pamong_open311_request_get_agency_responsible: Returns: (nullable): agency_responsible */
const char *
pamong_open311_request_get_agency_responsible (PamongOpen311Request *self)
{
  REQUEST_GETTER (const char *, agency_responsible, NULL)
}

/** pamong_open311_request_get_address: Returns: (nullable): address */
const char *
pamong_open311_request_get_address (PamongOpen311Request *self)
{
  REQUEST_GETTER (const char *, address, NULL)
}

/** pamong_open311_request_get_media_url: Returns: (nullable): the (first) media_url */
const char *
pamong_open311_request_get_media_url (PamongOpen311Request *self)
{
  REQUEST_GETTER (const char *, media_url, NULL)
}

/** pamong_open311_request_get_requested_at: Returns: (nullable) (transfer none): requested_datetime */
GDateTime *
pamong_open311_request_get_requested_at (PamongOpen311Request *self)
{
  REQUEST_GETTER (GDateTime *, requested_at, NULL)
}

/** pamong_open311_request_get_updated_at: Returns: (nullable) (transfer none): updated_datetime */
GDateTime *
pamong_open311_request_get_updated_at (PamongOpen311Request *self)
{
  REQUEST_GETTER (GDateTime *, updated_at, NULL)
}

/** pamong_open311_request_get_expected_at: Returns: (nullable) (transfer none): expected_datetime */
GDateTime *
pamong_open311_request_get_expected_at (PamongOpen311Request *self)
{
  REQUEST_GETTER (GDateTime *, expected_at, NULL)
}

/** pamong_open311_request_get_has_location: Returns: FALSE for "location unknown" */
gboolean
pamong_open311_request_get_has_location (PamongOpen311Request *self)
{
  REQUEST_GETTER (gboolean, has_location, FALSE)
}

/** pamong_open311_request_get_latitude: Returns: WGS84 latitude (0 without a location) */
double
pamong_open311_request_get_latitude (PamongOpen311Request *self)
{
  REQUEST_GETTER (double, latitude, 0.0)
}

/** pamong_open311_request_get_longitude: Returns: WGS84 longitude (0 without a location) */
double
pamong_open311_request_get_longitude (PamongOpen311Request *self)
{
  REQUEST_GETTER (double, longitude, 0.0)
}

/**
 * pamong_open311_parse_datetime:
 * @text: (nullable): a date/time as Open311 servers write it
 *
 * Reads the W3C profile of ISO 8601 and what servers send instead: a space
 * for "T", fractional seconds, no seconds, no time zone (taken as UTC), a
 * date alone (midnight UTC).
 *
 * Returns: (transfer full) (nullable): the time, or %NULL if unreadable
 */
GDateTime *
pamong_open311_parse_datetime (const char *text)
{
  g_autofree char *copy = NULL;
  g_autoptr(GString) normal = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  const char *time_part;
  const char *zone;
  guint colons = 0;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (strlen (copy) < 10 || strlen (copy) > 64)
    return NULL;
  for (guint i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? copy[i] != '-' : !g_ascii_isdigit (copy[i]))
      return NULL;

  normal = g_string_new_len (copy, 10);
  if (copy[10] == '\0')
    {
      g_string_append (normal, "T00:00:00Z");
    }
  else
    {
      if (copy[10] != 'T' && copy[10] != 't' && copy[10] != ' ')
        return NULL;
      time_part = copy + 11;
      while (*time_part == ' ')
        time_part++;
      zone = time_part;
      while (*zone != '\0' && (g_ascii_isdigit (*zone) || *zone == ':' || *zone == '.' || *zone == ','))
        {
          if (*zone == ':')
            colons++;
          zone++;
        }
      if (zone == time_part)
        return NULL;
      g_string_append_c (normal, 'T');
      g_string_append_len (normal, time_part, zone - time_part);
      if (colons == 1)
        g_string_append (normal, ":00");
      while (*zone == ' ')
        zone++;
      if (*zone == '\0')
        g_string_append_c (normal, 'Z');
      else if (*zone == 'z')
        g_string_append_c (normal, 'Z');
      else
        g_string_append (normal, zone);
    }

  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (normal->str, utc);
}

static GDateTime *
field_datetime (const Node *item,
                const char *name)
{
  g_autofree char *text = field_text (item, name);

  return pamong_open311_parse_datetime (text);
}

static PamongOpen311Status
status_from_text (const char *status)
{
  static const char * const closing[] = {
    "closed", "fixed", "duplicate", "not_councils_responsibility", "no_further_action",
    "cancelled", "canceled", "internal_referral", "resolved", "completed", "rejected", NULL,
  };

  return g_strv_contains (closing, status) ? PAMONG_OPEN311_STATUS_CLOSED : PAMONG_OPEN311_STATUS_OPEN;
}

/**
 * pamong_open311_parse_requests:
 * @data: (array length=length): the document
 * @length: its length in bytes
 * @format: its format, or AUTO to guess
 * @error: return location for a #GError
 *
 * Requests without a service_request_id are skipped (Chicago returns them
 * while they are being processed).
 *
 * Returns: (transfer full) (element-type PamongOpen311Request) (nullable):
 *   the requests (possibly none), or %NULL on error
 */
GPtrArray *
pamong_open311_parse_requests (const char           *data,
                               gsize                 length,
                               PamongOpen311Format   format,
                               GError              **error)
{
  static const char *request_keys[] = {
    "service_request_id", "requested_datetime", "token", NULL,
  };
  g_autoptr(Node) root = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = parse_document (data, length, format, error);
  if (root == NULL || check_error_document (root, error))
    return NULL;

  collect_items (root, request_keys, items, 0);
  if (items->len == 0 && !is_list_document (root, "service_requests", "request")
      && !name_is (root, "requests", NULL))
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("This is not an Open311 list of service requests: it has no requests and no “service_requests” list."));
      return NULL;
    }

  for (guint i = 0; i < items->len; i++)
    {
      Node *item = g_ptr_array_index (items, i);
      PamongOpen311Request *request;
      g_autofree char *id = field_text (item, "service_request_id");
      g_autofree char *status = field_text (item, "status");
      double latitude = 0, longitude = 0;

      if (id == NULL)
        continue;

      request = g_object_new (PAMONG_TYPE_OPEN311_REQUEST, NULL);
      request->id = g_steal_pointer (&id);
      request->status_text = g_ascii_strdown (status != NULL ? status : "open", -1);
      request->status = status_from_text (request->status_text);
      request->status_notes = field_text (item, "status_notes");
      request->service_code = field_text (item, "service_code");
      request->service_name = field_text (item, "service_name");
      request->description = field_text (item, "description");
      request->agency_responsible = field_text (item, "agency_responsible");
      request->address = field_text (item, "address");
      if (request->address == NULL)
        request->address = field_text (item, "address_string");
      request->media_url = field_first (item, "media_url");
      request->requested_at = field_datetime (item, "requested_datetime");
      request->updated_at = field_datetime (item, "updated_datetime");
      request->expected_at = field_datetime (item, "expected_datetime");

      if (field_double (item, "lat", &latitude) && field_double (item, "long", &longitude)
          && fabs (latitude) <= 90 && fabs (longitude) <= 180
          && !(latitude == 0 && longitude == 0))
        {
          request->has_location = TRUE;
          request->latitude = latitude;
          request->longitude = longitude;
        }

      g_ptr_array_add (requests, request);
    }

  return g_steal_pointer (&requests);
}

/* ---- the HTTP client */

struct _PamongOpen311Client
{
  GObject              parent_instance;

  SoupSession         *session;
  char                *base_url;
  char                *discovery_url;
  char                *jurisdiction_id;
  PamongOpen311Format  format;
};

G_DEFINE_FINAL_TYPE (PamongOpen311Client, pamong_open311_client, G_TYPE_OBJECT)

static void
pamong_open311_client_finalize (GObject *object)
{
  PamongOpen311Client *self = PAMONG_OPEN311_CLIENT (object);

  g_clear_object (&self->session);
  g_free (self->base_url);
  g_free (self->discovery_url);
  g_free (self->jurisdiction_id);

  G_OBJECT_CLASS (pamong_open311_client_parent_class)->finalize (object);
}

static void
pamong_open311_client_class_init (PamongOpen311ClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pamong_open311_client_finalize;
}

static void
pamong_open311_client_init (PamongOpen311Client *self)
{
  self->session = soup_session_new_with_options ("timeout", 30,
                                                 "user-agent", "Pamong/" PACKAGE_VERSION " ",
                                                 NULL);
}

/**
 * pamong_open311_client_new:
 * @base_url: the GeoReport v2 endpoint's base URL
 * @format: the format to ask for (AUTO: JSON)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a client, or %NULL if @base_url is
 *   not an http(s) URL
 */
PamongOpen311Client *
pamong_open311_client_new (const char           *base_url,
                           PamongOpen311Format   format,
                           GError              **error)
{
  g_autoptr(GUri) uri = NULL;
  PamongOpen311Client *self;
  g_autofree char *trimmed = NULL;
  const char *scheme;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (base_url));
  while (g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';

  uri = g_uri_parse (trimmed, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || scheme == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'
      || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("“%s” is not a web address; an Open311 endpoint starts with https:// or http://."),
                   base_url);
      return NULL;
    }

  self = g_object_new (PAMONG_TYPE_OPEN311_CLIENT, NULL);
  self->base_url = g_steal_pointer (&trimmed);
  self->format = format == PAMONG_OPEN311_FORMAT_XML ? PAMONG_OPEN311_FORMAT_XML
                                                     : PAMONG_OPEN311_FORMAT_JSON;
  return self;
}

/** pamong_open311_client_get_base_url: Returns: the endpoint's base URL, without a trailing slash */
const char *
pamong_open311_client_get_base_url (PamongOpen311Client *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_CLIENT (self), NULL);
  return self->base_url;
}

/** pamong_open311_client_get_format: Returns: the format asked for, JSON or XML */
PamongOpen311Format
pamong_open311_client_get_format (PamongOpen311Client *self)
{
  g_return_val_if_fail (PAMONG_IS_OPEN311_CLIENT (self), PAMONG_OPEN311_FORMAT_JSON);
  return self->format;
}

/**
 * pamong_open311_client_set_jurisdiction_id:
 * @self: a client
 * @jurisdiction_id: (nullable): sent with every request when set
 */
void
pamong_open311_client_set_jurisdiction_id (PamongOpen311Client *self,
                                           const char          *jurisdiction_id)
{
  g_return_if_fail (PAMONG_IS_OPEN311_CLIENT (self));

  g_free (self->jurisdiction_id);
  self->jurisdiction_id = jurisdiction_id != NULL && *jurisdiction_id != '\0'
                          ? g_strdup (jurisdiction_id) : NULL;
}

/**
 * pamong_open311_client_set_discovery_url:
 * @self: a client
 * @url: (nullable): the full discovery URL (ending in discovery.json or
 *   .xml); NULL: "{base}/discovery.{fmt}"
 */
void
pamong_open311_client_set_discovery_url (PamongOpen311Client *self,
                                         const char          *url)
{
  g_return_if_fail (PAMONG_IS_OPEN311_CLIENT (self));

  g_free (self->discovery_url);
  self->discovery_url = url != NULL && *url != '\0' ? g_strdup (url) : NULL;
}

typedef enum
{
  FETCH_DISCOVERY,
  FETCH_SERVICES,
  FETCH_REQUESTS,
} FetchKind;

typedef struct
{
  FetchKind     kind;
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *body;
  char         *fallback_url;   /* discovery: the parent folder's */
} Fetch;

static void
fetch_free (gpointer data)
{
  Fetch *fetch = data;

  g_clear_object (&fetch->message);
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->body, g_byte_array_unref);
  g_free (fetch->fallback_url);
  g_free (fetch);
}

static void
append_param (GString    *url,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_c (url, strchr (url->str, '?') != NULL ? '&' : '?');
  g_string_append_printf (url, "%s=%s", name, escaped);
}

static char *
format_w3c (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void read_more (GTask *task);
static void send_fetch (GTask *task, const char *url);

static void
finish_fetch (GTask *task)
{
  PamongOpen311Client *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  guint status = soup_message_get_status (fetch->message);
  const char *data = (const char *) fetch->body->data;
  gsize length = fetch->body->len;
  GError *error = NULL;
  gpointer result = NULL;

  (void) self;

  if (status == SOUP_STATUS_NOT_FOUND && fetch->fallback_url != NULL)
    {
      /* discovery may live one folder up from the endpoint
       * ("/open311/discovery.json" for "/open311/v2") */
      g_autofree char *url = g_steal_pointer (&fetch->fallback_url);

      g_clear_object (&fetch->stream);
      g_byte_array_set_size (fetch->body, 0);
      send_fetch (g_object_ref (task), url);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autoptr(Node) root = NULL;
      g_autoptr(GError) server_error = NULL;
      const char *reason = soup_message_get_reason_phrase (fetch->message);

      if (length > 0)
        root = parse_document (data, length, PAMONG_OPEN311_FORMAT_AUTO, NULL);
      if (root != NULL && check_error_document (root, &server_error))
        g_set_error (&error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                     /* Translators: %u is an HTTP status code, e.g. 404; the second %s the server's explanation */
                     _("The Open311 server answered %u %s. %s"), status,
                     reason != NULL ? reason : "", server_error->message);
      else
        g_set_error (&error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                     _("The Open311 server answered %u %s; check the endpoint address."),
                     status, reason != NULL ? reason : "");
      g_task_return_error (task, error);
      return;
    }

  switch (fetch->kind)
    {
    case FETCH_DISCOVERY:
      result = pamong_open311_parse_discovery (data, length, PAMONG_OPEN311_FORMAT_AUTO, &error);
      if (result != NULL)
        g_task_return_pointer (task, result, g_object_unref);
      break;
    case FETCH_SERVICES:
      result = pamong_open311_parse_services (data, length, PAMONG_OPEN311_FORMAT_AUTO, &error);
      if (result != NULL)
        g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
      break;
    case FETCH_REQUESTS:
    default:
      result = pamong_open311_parse_requests (data, length, PAMONG_OPEN311_FORMAT_AUTO, &error);
      if (result != NULL)
        g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
      break;
    }

  if (result == NULL)
    g_task_return_error (task, error);
}

static void
read_ready (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), res, &error);
  if (chunk == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_bytes_get_size (chunk) == 0)
    {
      finish_fetch (task);
      return;
    }
  if (fetch->body->len + g_bytes_get_size (chunk) > MAX_BODY_SIZE)
    {
      g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_TOO_LARGE,
                               _("The Open311 server’s answer is larger than %u MiB; ask for a shorter date range."),
                               (guint) (MAX_BODY_SIZE / (1024 * 1024)));
      return;
    }
  g_byte_array_append (fetch->body, g_bytes_get_data (chunk, NULL), (guint) g_bytes_get_size (chunk));
  read_more (g_steal_pointer (&task));
}

static void
read_more (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (fetch->stream, 64 * 1024, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), read_ready, task);
}

static void
send_ready (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  GError *error = NULL;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (source), res, &error);
  if (fetch->stream == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  read_more (task);
}

/* Sends (or re-sends, for the discovery fallback) the task's request;
 * consumes a reference on @task. */
static void
send_fetch (GTask      *task,
            const char *url)
{
  PamongOpen311Client *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);

  g_clear_object (&fetch->message);
  fetch->message = soup_message_new (SOUP_METHOD_GET, url);
  if (fetch->message == NULL)
    {
      g_task_return_new_error (task, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                               _("“%s” is not a valid web address."), url);
      g_object_unref (task);
      return;
    }
  soup_message_headers_append (soup_message_get_request_headers (fetch->message), "Accept",
                               self->format == PAMONG_OPEN311_FORMAT_XML
                               ? "text/xml, application/xml" : "application/json");

  soup_session_send_async (self->session, fetch->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), send_ready, task);
}

static void
start_fetch (PamongOpen311Client *self,
             FetchKind            kind,
             const char          *url,
             const char          *fallback_url,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data,
             gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Fetch *fetch = g_new0 (Fetch, 1);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, fetch, fetch_free);
  fetch->kind = kind;
  fetch->body = g_byte_array_new ();
  fetch->fallback_url = g_strdup (fallback_url);

  send_fetch (task, url);
}

static GString *
resource_url (PamongOpen311Client *self,
              const char          *resource)
{
  GString *url = g_string_new (self->base_url);

  g_string_append_printf (url, "/%s.%s", resource,
                          self->format == PAMONG_OPEN311_FORMAT_XML ? "xml" : "json");
  if (self->jurisdiction_id != NULL)
    append_param (url, "jurisdiction_id", self->jurisdiction_id);

  return url;
}

/**
 * pamong_open311_client_fetch_discovery_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Reads the endpoint's discovery document.
 */
void
pamong_open311_client_fetch_discovery_async (PamongOpen311Client *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autoptr(GString) url = NULL;
  g_autofree char *fallback = NULL;

  g_return_if_fail (PAMONG_IS_OPEN311_CLIENT (self));

  if (self->discovery_url != NULL)
    url = g_string_new (self->discovery_url);
  else
    {
      const char *slash = strrchr (self->base_url, '/');
      const char *scheme_end = strstr (self->base_url, "://");

      url = resource_url (self, "discovery");
      /* "https://host/a/v2" -> "https://host/a/discovery.json" */
      if (slash != NULL && scheme_end != NULL && slash > scheme_end + 2
          && strchr (scheme_end + 3, '/') != NULL)
        {
          g_autofree char *parent = g_strndup (self->base_url, (gsize) (slash - self->base_url));
          g_autoptr(GString) parent_url = g_string_new (parent);

          g_string_append_printf (parent_url, "/discovery.%s",
                                  self->format == PAMONG_OPEN311_FORMAT_XML ? "xml" : "json");
          if (self->jurisdiction_id != NULL)
            append_param (parent_url, "jurisdiction_id", self->jurisdiction_id);
          fallback = g_strdup (parent_url->str);
        }
    }

  start_fetch (self, FETCH_DISCOVERY, url->str, fallback, cancellable, callback, user_data,
               pamong_open311_client_fetch_discovery_async);
}

/**
 * pamong_open311_client_fetch_discovery_finish:
 * @self: a client
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the discovery, or %NULL on error
 */
PamongOpen311Discovery *
pamong_open311_client_fetch_discovery_finish (PamongOpen311Client  *self,
                                              GAsyncResult         *result,
                                              GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pamong_open311_client_fetch_discovery_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * pamong_open311_client_fetch_services_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Reads the endpoint's service list.
 */
void
pamong_open311_client_fetch_services_async (PamongOpen311Client *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GString) url = NULL;

  g_return_if_fail (PAMONG_IS_OPEN311_CLIENT (self));

  url = resource_url (self, "services");
  start_fetch (self, FETCH_SERVICES, url->str, NULL, cancellable, callback, user_data,
               pamong_open311_client_fetch_services_async);
}

/**
 * pamong_open311_client_fetch_services_finish:
 * @self: a client
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type PamongOpen311Service) (nullable):
 *   the services, or %NULL on error
 */
GPtrArray *
pamong_open311_client_fetch_services_finish (PamongOpen311Client  *self,
                                             GAsyncResult         *result,
                                             GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pamong_open311_client_fetch_services_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * pamong_open311_client_fetch_requests_async:
 * @self: a client
 * @service_code: (nullable): only this service's requests
 * @start: (nullable): requested on or after
 * @end: (nullable): requested on or before
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Reads the endpoint's service requests.
 */
void
pamong_open311_client_fetch_requests_async (PamongOpen311Client *self,
                                            const char          *service_code,
                                            GDateTime           *start,
                                            GDateTime           *end,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GString) url = NULL;

  g_return_if_fail (PAMONG_IS_OPEN311_CLIENT (self));

  url = resource_url (self, "requests");
  if (service_code != NULL && *service_code != '\0')
    append_param (url, "service_code", service_code);
  if (start != NULL)
    {
      g_autofree char *text = format_w3c (start);

      append_param (url, "start_date", text);
    }
  if (end != NULL)
    {
      g_autofree char *text = format_w3c (end);

      append_param (url, "end_date", text);
    }

  start_fetch (self, FETCH_REQUESTS, url->str, NULL, cancellable, callback, user_data,
               pamong_open311_client_fetch_requests_async);
}

/**
 * pamong_open311_client_fetch_requests_finish:
 * @self: a client
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type PamongOpen311Request) (nullable):
 *   the requests, or %NULL on error
 */
GPtrArray *
pamong_open311_client_fetch_requests_finish (PamongOpen311Client  *self,
                                             GAsyncResult         *result,
                                             GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pamong_open311_client_fetch_requests_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
