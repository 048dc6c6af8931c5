/* pamong-framework.c — an SPBE evaluation framework loaded from data
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-spbe"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "pamong-error.h"
#include "pamong-format.h"
#include "pamong-framework.h"
#include "pamong-spbe-resources.h"

#define FRAMEWORK_FORMAT 1
#define TOTAL_WEIGHT_CENTS 10000

struct _PamongFramework
{
  GObject parent_instance;

  /* Every string of the framework, freed at once. */
  GStringChunk *strings;

  const char *id;
  const char *name;
  const char *regulation;

  GArray *scales;       /* PamongFwScale; levels owned (g_free) */
  GArray *domains;      /* PamongFwDomain */
  GArray *aspects;      /* PamongFwAspect */
  GArray *indicators;   /* PamongFwIndicator */
  GArray *bands;        /* PamongFwBand */

  /* indicator number -> position + 1 */
  GHashTable *by_number;

  guint total_weight_cents;
};

G_DEFINE_FINAL_TYPE (PamongFramework, pamong_framework, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_REGULATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pamong_framework_finalize (GObject *object)
{
  PamongFramework *self = PAMONG_FRAMEWORK (object);

  for (guint i = 0; i < self->scales->len; i++)
    g_free ((gpointer) g_array_index (self->scales, PamongFwScale, i).levels);

  g_clear_pointer (&self->scales, g_array_unref);
  g_clear_pointer (&self->domains, g_array_unref);
  g_clear_pointer (&self->aspects, g_array_unref);
  g_clear_pointer (&self->indicators, g_array_unref);
  g_clear_pointer (&self->bands, g_array_unref);
  g_clear_pointer (&self->by_number, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (pamong_framework_parent_class)->finalize (object);
}

static void
pamong_framework_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PamongFramework *self = PAMONG_FRAMEWORK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_REGULATION:
      g_value_set_string (value, self->regulation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_framework_class_init (PamongFrameworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pamong_framework_finalize;
  object_class->get_property = pamong_framework_get_property;

  /**
   * PamongFramework:id:
   *
   * The framework's id, e.g. "p59-2020"; assessments refer to it.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PamongFramework:name:
   *
   * The framework's display name (data, in the regulation's language).
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PamongFramework:regulation:
   *
   * The full citation of the regulation the framework comes from.
   */
  properties[PROP_REGULATION] =
    g_param_spec_string ("regulation", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pamong_framework_init (PamongFramework *self)
{
  self->strings = g_string_chunk_new (4096);
  self->scales = g_array_new (FALSE, TRUE, sizeof (PamongFwScale));
  self->domains = g_array_new (FALSE, TRUE, sizeof (PamongFwDomain));
  self->aspects = g_array_new (FALSE, TRUE, sizeof (PamongFwAspect));
  self->indicators = g_array_new (FALSE, TRUE, sizeof (PamongFwIndicator));
  self->bands = g_array_new (FALSE, TRUE, sizeof (PamongFwBand));
  self->by_number = g_hash_table_new (NULL, NULL);
}

/* Parsing. Every failure names the part of the file ("domain 2, aspect 3")
 * and what is wrong with it, so the author of a framework file can fix it. */

static char *
format_cents (gint64 cents)
{
  return pamong_format_decimal (cents / 100.0, 2);
}

static gboolean
framework_error (GError    **error,
                 const char *where,
                 const char *problem)
{
  if (where != NULL)
    /* Translators: an error in an evaluation framework file: "<where>: <what is wrong>",
     * e.g. "domain 2, aspect 3: member "weight" is missing" */
    g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_FRAMEWORK, _("%s: %s"), where, problem);
  else
    g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_FRAMEWORK, problem);
  return FALSE;
}

static JsonNode *
get_member (JsonObject  *object,
            const char  *member,
            const char  *where,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      /* Translators: %s is the name of a JSON member, e.g. "weight" */
      g_autofree char *problem = g_strdup_printf (_("member “%s” is missing"), member);
      framework_error (error, where, problem);
      return NULL;
    }

  return node;
}

static const char *
get_string (PamongFramework  *self,
            JsonObject       *object,
            const char       *member,
            gboolean          required,
            const char       *where,
            GError          **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (!required && (node == NULL || JSON_NODE_HOLDS_NULL (node)))
    return "";

  if (!(node = get_member (object, member, where, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *problem = g_strdup_printf (_("member “%s” must be a string"), member);
      framework_error (error, where, problem);
      return NULL;
    }

  value = json_node_get_string (node);
  if (required && *value == '\0')
    {
      g_autofree char *problem = g_strdup_printf (_("member “%s” must not be empty"), member);
      framework_error (error, where, problem);
      return NULL;
    }

  return g_string_chunk_insert_const (self->strings, value);
}

static gboolean
get_number (JsonObject  *object,
            const char  *member,
            const char  *where,
            double      *out_value,
            GError     **error)
{
  JsonNode *node;
  GType type;

  if (!(node = get_member (object, member, where, error)))
    return FALSE;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    {
      g_autofree char *problem = g_strdup_printf (_("member “%s” must be a number"), member);
      return framework_error (error, where, problem);
    }

  *out_value = type == G_TYPE_INT64 ? (double) json_node_get_int (node) : json_node_get_double (node);
  if (!isfinite (*out_value))
    {
      g_autofree char *problem = g_strdup_printf (_("member “%s” must be a number"), member);
      return framework_error (error, where, problem);
    }

  return TRUE;
}

static gboolean
get_positive_int (JsonObject  *object,
                  const char  *member,
                  const char  *where,
                  guint       *out_value,
                  GError     **error)
{
  JsonNode *node;

  if (!(node = get_member (object, member, where, error)))
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) <= 0 ||
      json_node_get_int (node) > G_MAXINT)
    {
      g_autofree char *problem = g_strdup_printf (_("member “%s” must be a positive whole number"), member);
      return framework_error (error, where, problem);
    }

  *out_value = (guint) json_node_get_int (node);
  return TRUE;
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *member,
           const char  *where,
           GError     **error)
{
  JsonNode *node;

  if (!(node = get_member (object, member, where, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      g_autofree char *problem = g_strdup_printf (_("member “%s” must be a non-empty list"), member);
      framework_error (error, where, problem);
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
get_element_object (JsonArray   *array,
                    guint        i,
                    const char  *where,
                    GError     **error)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      framework_error (error, where, _("must be an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/* A value with at most two decimals, as integer hundredths. */
static gboolean
to_cents (double      value,
          const char *member,
          const char *where,
          gint       *out_cents,
          GError    **error)
{
  double scaled = value * 100.0;
  double rounded = round (scaled);

  if (fabs (scaled) > 1e8 || fabs (scaled - rounded) > 1e-6)
    {
      g_autofree char *problem =
        g_strdup_printf (_("member “%s” must have at most two decimals"), member);
      return framework_error (error, where, problem);
    }

  *out_cents = (gint) rounded;
  return TRUE;
}

static gboolean
get_weight (JsonObject  *object,
            const char  *where,
            double      *out_weight,
            guint       *out_cents,
            GError     **error)
{
  gint cents;

  if (!get_number (object, "weight", where, out_weight, error) ||
      !to_cents (*out_weight, "weight", where, &cents, error))
    return FALSE;

  if (cents <= 0)
    return framework_error (error, where, _("the weight must be positive"));

  *out_cents = (guint) cents;
  return TRUE;
}

static gboolean
parse_scales (PamongFramework  *self,
              JsonObject       *root,
              GError          **error)
{
  JsonArray *scales;

  if (!(scales = get_array (root, "scales", NULL, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (scales); i++)
    {
      g_autofree char *where = g_strdup_printf (_("scale %u"), i + 1);
      JsonObject *object;
      JsonArray *levels;
      PamongFwScale scale = { 0 };
      PamongFwLevel *parsed;

      if (!(object = get_element_object (scales, i, where, error)) ||
          !(scale.id = get_string (self, object, "id", TRUE, where, error)))
        return FALSE;

      g_free (where);
      /* Translators: %s is a level scale's id in a framework file, e.g. "process" */
      where = g_strdup_printf (_("scale “%s”"), scale.id);

      if (pamong_framework_lookup_scale (self, scale.id) != NULL)
        return framework_error (error, where, _("the scale id is used twice"));

      if (!(scale.name = get_string (self, object, "name", TRUE, where, error)) ||
          !(scale.gloss = get_string (self, object, "gloss", FALSE, where, error)) ||
          !(levels = get_array (object, "levels", where, error)))
        return FALSE;

      scale.n_levels = json_array_get_length (levels);
      parsed = g_new0 (PamongFwLevel, scale.n_levels);
      scale.levels = parsed;
      /* Owned by the array from here, so a failure below frees it. */
      g_array_append_val (self->scales, scale);

      for (guint l = 0; l < scale.n_levels; l++)
        {
          g_autofree char *level_where = g_strdup_printf (_("%s, level %u"), where, l + 1);
          JsonObject *level;

          if (!(level = get_element_object (levels, l, level_where, error)) ||
              !get_positive_int (level, "value", level_where, &parsed[l].value, error) ||
              !(parsed[l].name = get_string (self, level, "name", TRUE, level_where, error)) ||
              !(parsed[l].criteria = get_string (self, level, "criteria", FALSE, level_where, error)))
            return FALSE;

          if (l > 0 && parsed[l].value <= parsed[l - 1].value)
            return framework_error (error, level_where, _("level values must be ascending"));
        }
    }

  return TRUE;
}

static gboolean
parse_indicators (PamongFramework  *self,
                  JsonObject       *object,
                  PamongFwAspect   *aspect,
                  guint             aspect_index,
                  const char       *aspect_where,
                  GError          **error)
{
  JsonArray *indicators;
  guint sum = 0;

  if (!(indicators = get_array (object, "indicators", aspect_where, error)))
    return FALSE;

  aspect->first_indicator = self->indicators->len;
  aspect->n_indicators = json_array_get_length (indicators);

  for (guint i = 0; i < aspect->n_indicators; i++)
    {
      g_autofree char *where = g_strdup_printf (_("%s, indicator %u"), aspect_where, i + 1);
      PamongFwIndicator indicator = { 0 };
      JsonObject *element;

      if (!(element = get_element_object (indicators, i, where, error)) ||
          !get_positive_int (element, "number", where, &indicator.number, error))
        return FALSE;

      g_free (where);
      /* Translators: %u is an indicator's number in the framework */
      where = g_strdup_printf (_("indicator %u"), indicator.number);

      if (g_hash_table_contains (self->by_number, GUINT_TO_POINTER (indicator.number)))
        return framework_error (error, where, _("the indicator number is used twice"));

      if (!(indicator.name = get_string (self, element, "name", TRUE, where, error)) ||
          !get_weight (element, where, &indicator.weight, &indicator.weight_cents, error) ||
          !(indicator.scale_id = get_string (self, element, "scale", TRUE, where, error)))
        return FALSE;

      if (pamong_framework_lookup_scale (self, indicator.scale_id) == NULL)
        {
          /* Translators: %s is the id of a level scale, e.g. "process" */
          g_autofree char *problem = g_strdup_printf (_("the scale “%s” does not exist"),
                                                      indicator.scale_id);
          return framework_error (error, where, problem);
        }

      indicator.aspect_index = aspect_index;
      indicator.domain_index = aspect->domain_index;
      sum += indicator.weight_cents;

      g_hash_table_insert (self->by_number,
                           GUINT_TO_POINTER (indicator.number),
                           GUINT_TO_POINTER (self->indicators->len + 1));
      g_array_append_val (self->indicators, indicator);
    }

  if (sum != aspect->weight_cents)
    {
      g_autofree char *sum_text = format_cents (sum);
      g_autofree char *weight_text = format_cents (aspect->weight_cents);
      /* Translators: both %s are weights in percent, e.g. "9.50" and "10.00" */
      g_autofree char *problem = g_strdup_printf (_("the indicator weights add up to %s, but the aspect’s weight is %s"),
                                                  sum_text, weight_text);
      return framework_error (error, aspect_where, problem);
    }

  return TRUE;
}

static gboolean
parse_domains (PamongFramework  *self,
               JsonObject       *root,
               GError          **error)
{
  g_autoptr(GHashTable) domain_numbers = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) aspect_numbers = g_hash_table_new (NULL, NULL);
  JsonArray *domains;
  guint total = 0;

  if (!(domains = get_array (root, "domains", NULL, error)))
    return FALSE;

  for (guint d = 0; d < json_array_get_length (domains); d++)
    {
      g_autofree char *where = g_strdup_printf (_("domain %u"), d + 1);
      PamongFwDomain domain = { 0 };
      JsonObject *object;
      JsonArray *aspects;
      guint sum = 0;

      if (!(object = get_element_object (domains, d, where, error)) ||
          !get_positive_int (object, "number", where, &domain.number, error))
        return FALSE;

      g_free (where);
      /* Translators: %u is a domain's number in the framework */
      where = g_strdup_printf (_("domain %u"), domain.number);

      if (!g_hash_table_add (domain_numbers, GUINT_TO_POINTER (domain.number)))
        return framework_error (error, where, _("the domain number is used twice"));

      if (!(domain.name = get_string (self, object, "name", TRUE, where, error)) ||
          !(domain.gloss = get_string (self, object, "gloss", FALSE, where, error)) ||
          !get_weight (object, where, &domain.weight, &domain.weight_cents, error) ||
          !(aspects = get_array (object, "aspects", where, error)))
        return FALSE;

      domain.first_aspect = self->aspects->len;
      domain.n_aspects = json_array_get_length (aspects);

      for (guint a = 0; a < domain.n_aspects; a++)
        {
          g_autofree char *aspect_where = g_strdup_printf (_("%s, aspect %u"), where, a + 1);
          PamongFwAspect aspect = { 0 };
          JsonObject *element;

          if (!(element = get_element_object (aspects, a, aspect_where, error)) ||
              !get_positive_int (element, "number", aspect_where, &aspect.number, error))
            return FALSE;

          g_free (aspect_where);
          /* Translators: "domain 2, aspect 3"; the first %s is "domain 2" */
          aspect_where = g_strdup_printf (_("%s, aspect %u"), where, aspect.number);

          if (!g_hash_table_add (aspect_numbers, GUINT_TO_POINTER (aspect.number)))
            return framework_error (error, aspect_where, _("the aspect number is used twice"));

          if (!(aspect.name = get_string (self, element, "name", TRUE, aspect_where, error)) ||
              !(aspect.gloss = get_string (self, element, "gloss", FALSE, aspect_where, error)) ||
              !get_weight (element, aspect_where, &aspect.weight, &aspect.weight_cents, error))
            return FALSE;

          aspect.domain_index = d;
          if (!parse_indicators (self, element, &aspect, self->aspects->len, aspect_where, error))
            return FALSE;

          sum += aspect.weight_cents;
          g_array_append_val (self->aspects, aspect);
        }

      if (sum != domain.weight_cents)
        {
          g_autofree char *sum_text = format_cents (sum);
          g_autofree char *weight_text = format_cents (domain.weight_cents);
          /* Translators: both %s are weights in percent, e.g. "24.00" and "25.00" */
          g_autofree char *problem = g_strdup_printf (_("the aspect weights add up to %s, but the domain’s weight is %s"),
                                                      sum_text, weight_text);
          return framework_error (error, where, problem);
        }

      total += domain.weight_cents;
      g_array_append_val (self->domains, domain);
    }

  if (total != TOTAL_WEIGHT_CENTS)
    {
      g_autofree char *total_text = format_cents (total);
      /* Translators: %s is a weight in percent, e.g. "99.50" */
      g_autofree char *problem = g_strdup_printf (_("the domain weights add up to %s, not 100"),
                                                  total_text);
      return framework_error (error, NULL, problem);
    }

  self->total_weight_cents = total;
  return TRUE;
}

static gboolean
parse_bands (PamongFramework  *self,
             JsonObject       *root,
             GError          **error)
{
  JsonArray *bands;
  guint n_bands;

  if (!(bands = get_array (root, "bands", NULL, error)))
    return FALSE;

  n_bands = json_array_get_length (bands);
  for (guint i = 0; i < n_bands; i++)
    {
      g_autofree char *where = g_strdup_printf (_("band %u"), i + 1);
      PamongFwBand band = { 0 };
      JsonObject *object;
      JsonNode *min;

      if (!(object = get_element_object (bands, i, where, error)) ||
          !(band.name = get_string (self, object, "name", TRUE, where, error)))
        return FALSE;

      g_free (where);
      /* Translators: %s is a predikat, e.g. "Sangat Baik" */
      where = g_strdup_printf (_("band “%s”"), band.name);

      if (!(band.gloss = get_string (self, object, "gloss", FALSE, where, error)))
        return FALSE;

      min = json_object_get_member (object, "min");
      if (min == NULL)
        {
          g_autofree char *problem = g_strdup_printf (_("member “%s” is missing"), "min");
          return framework_error (error, where, problem);
        }

      if (JSON_NODE_HOLDS_NULL (min))
        {
          if (i != n_bands - 1)
            return framework_error (error, where, _("only the last band may have no lower bound"));
          band.has_min = FALSE;
        }
      else
        {
          JsonNode *inclusive;

          if (!get_number (object, "min", where, &band.min, error) ||
              !to_cents (band.min, "min", where, &band.min_cents, error))
            return FALSE;

          band.has_min = TRUE;
          band.min_inclusive = TRUE;
          inclusive = json_object_get_member (object, "min_inclusive");
          if (inclusive != NULL)
            {
              if (!JSON_NODE_HOLDS_VALUE (inclusive) ||
                  json_node_get_value_type (inclusive) != G_TYPE_BOOLEAN)
                {
                  g_autofree char *problem =
                    g_strdup_printf (_("member “%s” must be true or false"), "min_inclusive");
                  return framework_error (error, where, problem);
                }
              band.min_inclusive = json_node_get_boolean (inclusive);
            }

          if (i > 0 && band.min_cents >= g_array_index (self->bands, PamongFwBand, i - 1).min_cents)
            return framework_error (error, where,
                                    _("bands must be listed from the highest lower bound to the lowest"));
        }

      g_array_append_val (self->bands, band);
    }

  return TRUE;
}

static gboolean
pamong_framework_parse (PamongFramework  *self,
                        JsonNode         *root_node,
                        GError          **error)
{
  JsonObject *root;
  guint format;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return framework_error (error, NULL, _("the file is not a framework: its top level must be an object"));

  root = json_node_get_object (root_node);

  if (!get_positive_int (root, "format", NULL, &format, error))
    return FALSE;
  if (format != FRAMEWORK_FORMAT)
    {
      g_autofree char *problem =
        g_strdup_printf (_("the file has format %u, but this version of Pamong reads format %u; a newer Pamong is needed"),
                         format, FRAMEWORK_FORMAT);
      return framework_error (error, NULL, problem);
    }

  if (!(self->id = get_string (self, root, "id", TRUE, NULL, error)) ||
      !(self->name = get_string (self, root, "name", TRUE, NULL, error)) ||
      !(self->regulation = get_string (self, root, "regulation", FALSE, NULL, error)))
    return FALSE;

  return parse_scales (self, root, error) &&
         parse_domains (self, root, error) &&
         parse_bands (self, root, error);
}

/**
 * pamong_framework_new_from_bytes:
 * @bytes: the contents of a framework file (JSON, see
 *   src/core/data/frameworks/README.md)
 * @error: return location for a #GError
 *
 * Loads and checks a framework. A file that is not valid JSON gives
 * %PAMONG_ERROR_INVALID_DATA; one whose structure or weights are
 * inconsistent gives %PAMONG_ERROR_FRAMEWORK naming the part that is wrong.
 *
 * Returns: (transfer full) (nullable): the framework, or %NULL on error
 */
PamongFramework *
pamong_framework_new_from_bytes (GBytes  *bytes,
                                 GError **error)
{
  g_autoptr(PamongFramework) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data ? data : "", size, &local_error))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   /* Translators: %s is the JSON parser's explanation */
                   _("The framework file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  self = g_object_new (PAMONG_TYPE_FRAMEWORK, NULL);
  if (!pamong_framework_parse (self, json_parser_get_root (parser), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pamong_framework_new_from_file:
 * @file: a framework file
 * @error: return location for a #GError
 *
 * Like pamong_framework_new_from_bytes(), reading @file; errors name the
 * file.
 *
 * Returns: (transfer full) (nullable): the framework, or %NULL on error
 */
PamongFramework *
pamong_framework_new_from_file (GFile   *file,
                                GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  PamongFramework *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = g_file_load_bytes (file, NULL, NULL, error)))
    return NULL;

  if (!(self = pamong_framework_new_from_bytes (bytes, error)))
    {
      name = g_file_get_parse_name (file);
      g_prefix_error (error, "%s: ", name);
    }

  return self;
}

/**
 * pamong_framework_load_default:
 * @error: return location for a #GError
 *
 * Loads the framework shipped with Pamong: PermenPANRB 59/2020
 * (id %PAMONG_FRAMEWORK_DEFAULT_ID), from the pamong-spbe resources.
 *
 * Returns: (transfer full) (nullable): the framework, or %NULL on error
 */
PamongFramework *
pamong_framework_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resource_lookup_data (pamong_spbe_get_resource (),
                                  "/io/github/pamong/Pamong/spbe/frameworks/" PAMONG_FRAMEWORK_DEFAULT_ID ".json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return pamong_framework_new_from_bytes (bytes, error);
}

/**
 * pamong_framework_get_id:
 * @self: a #PamongFramework
 *
 * Returns: the framework's id, e.g. "p59-2020"
 */
const char *
pamong_framework_get_id (PamongFramework *self)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), NULL);

  return self->id;
}

/**
 * pamong_framework_get_name:
 * @self: a #PamongFramework
 *
 * Returns: the framework's display name
 */
const char *
pamong_framework_get_name (PamongFramework *self)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), NULL);

  return self->name;
}

/**
 * pamong_framework_get_regulation:
 * @self: a #PamongFramework
 *
 * Returns: the citation of the regulation, or "" when the file has none
 */
const char *
pamong_framework_get_regulation (PamongFramework *self)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), NULL);

  return self->regulation;
}

/**
 * pamong_framework_get_total_weight_cents:
 * @self: a #PamongFramework
 *
 * Returns: the sum of the domain weights in hundredths (10000: 100 %),
 *   the divisor of the overall index
 */
guint
pamong_framework_get_total_weight_cents (PamongFramework *self)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), 0);

  return self->total_weight_cents;
}

/**
 * pamong_framework_get_n_domains:
 * @self: a #PamongFramework
 *
 * Returns: the number of domains
 */
guint
pamong_framework_get_n_domains (PamongFramework *self)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), 0);

  return self->domains->len;
}

/**
 * pamong_framework_get_domain:
 * @self: a #PamongFramework
 * @index: a position, less than pamong_framework_get_n_domains()
 *
 * Returns: (transfer none): the domain at @index
 */
const PamongFwDomain *
pamong_framework_get_domain (PamongFramework *self,
                             guint            index)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (index < self->domains->len, NULL);

  return &g_array_index (self->domains, PamongFwDomain, index);
}

/**
 * pamong_framework_get_n_aspects:
 * @self: a #PamongFramework
 *
 * Returns: the number of aspects in all domains
 */
guint
pamong_framework_get_n_aspects (PamongFramework *self)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), 0);

  return self->aspects->len;
}

/**
 * pamong_framework_get_aspect:
 * @self: a #PamongFramework
 * @index: a position, less than pamong_framework_get_n_aspects()
 *
 * Returns: (transfer none): the aspect at @index
 */
const PamongFwAspect *
pamong_framework_get_aspect (PamongFramework *self,
                             guint            index)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (index < self->aspects->len, NULL);

  return &g_array_index (self->aspects, PamongFwAspect, index);
}

/**
 * pamong_framework_get_n_indicators:
 * @self: a #PamongFramework
 *
 * Returns: the number of indicators in all aspects
 */
guint
pamong_framework_get_n_indicators (PamongFramework *self)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), 0);

  return self->indicators->len;
}

/**
 * pamong_framework_get_indicator:
 * @self: a #PamongFramework
 * @index: a position, less than pamong_framework_get_n_indicators()
 *
 * Returns: (transfer none): the indicator at @index
 */
const PamongFwIndicator *
pamong_framework_get_indicator (PamongFramework *self,
                                guint            index)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (index < self->indicators->len, NULL);

  return &g_array_index (self->indicators, PamongFwIndicator, index);
}

/**
 * pamong_framework_get_indicator_position:
 * @self: a #PamongFramework
 * @number: an indicator number, as printed in the regulation
 *
 * Where to put an indicator's level in the array given to
 * pamong_spbe_index_compute().
 *
 * Returns: the indicator's position, or -1 if the framework has no such
 *   indicator
 */
gint
pamong_framework_get_indicator_position (PamongFramework *self,
                                         guint            number)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), -1);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->by_number, GUINT_TO_POINTER (number))) - 1;
}

/**
 * pamong_framework_lookup_indicator:
 * @self: a #PamongFramework
 * @number: an indicator number, as printed in the regulation
 *
 * Returns: (transfer none) (nullable): the indicator, or %NULL
 */
const PamongFwIndicator *
pamong_framework_lookup_indicator (PamongFramework *self,
                                   guint            number)
{
  gint position;

  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), NULL);

  position = pamong_framework_get_indicator_position (self, number);
  if (position < 0)
    return NULL;

  return &g_array_index (self->indicators, PamongFwIndicator, position);
}

/**
 * pamong_framework_get_n_scales:
 * @self: a #PamongFramework
 *
 * Returns: the number of level scales
 */
guint
pamong_framework_get_n_scales (PamongFramework *self)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), 0);

  return self->scales->len;
}

/**
 * pamong_framework_get_scale:
 * @self: a #PamongFramework
 * @index: a position, less than pamong_framework_get_n_scales()
 *
 * Returns: (transfer none): the scale at @index
 */
const PamongFwScale *
pamong_framework_get_scale (PamongFramework *self,
                            guint            index)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (index < self->scales->len, NULL);

  return &g_array_index (self->scales, PamongFwScale, index);
}

/**
 * pamong_framework_lookup_scale:
 * @self: a #PamongFramework
 * @scale_id: a scale id, e.g. "service"
 *
 * Returns: (transfer none) (nullable): the scale, or %NULL
 */
const PamongFwScale *
pamong_framework_lookup_scale (PamongFramework *self,
                               const char      *scale_id)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (scale_id != NULL, NULL);

  for (guint i = 0; i < self->scales->len; i++)
    {
      const PamongFwScale *scale = &g_array_index (self->scales, PamongFwScale, i);

      if (g_str_equal (scale->id, scale_id))
        return scale;
    }

  return NULL;
}

/**
 * pamong_framework_get_indicator_scale:
 * @self: a #PamongFramework
 * @indicator: one of @self's indicators
 *
 * Returns: (transfer none): the scale @indicator is scored on
 */
const PamongFwScale *
pamong_framework_get_indicator_scale (PamongFramework         *self,
                                      const PamongFwIndicator *indicator)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (indicator != NULL, NULL);

  return pamong_framework_lookup_scale (self, indicator->scale_id);
}

/**
 * pamong_framework_get_indicator_level:
 * @self: a #PamongFramework
 * @indicator: one of @self's indicators
 * @level: a level value, e.g. 3
 *
 * The name and criteria of a level as they apply to @indicator (the P59
 * service indicators use different names than the process ones).
 *
 * Returns: (transfer none) (nullable): the level, or %NULL when @indicator's
 *   scale has no such level (0, "not scored", is never a level)
 */
const PamongFwLevel *
pamong_framework_get_indicator_level (PamongFramework         *self,
                                      const PamongFwIndicator *indicator,
                                      guint                    level)
{
  const PamongFwScale *scale;

  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (indicator != NULL, NULL);

  scale = pamong_framework_lookup_scale (self, indicator->scale_id);
  g_assert (scale != NULL);

  for (guint i = 0; i < scale->n_levels; i++)
    if (scale->levels[i].value == level)
      return &scale->levels[i];

  return NULL;
}

/**
 * pamong_framework_get_n_bands:
 * @self: a #PamongFramework
 *
 * Returns: the number of predikat bands
 */
guint
pamong_framework_get_n_bands (PamongFramework *self)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), 0);

  return self->bands->len;
}

/**
 * pamong_framework_get_band:
 * @self: a #PamongFramework
 * @index: a position, less than pamong_framework_get_n_bands(); 0 is the
 *   highest band
 *
 * Returns: (transfer none): the band at @index
 */
const PamongFwBand *
pamong_framework_get_band (PamongFramework *self,
                           guint            index)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (index < self->bands->len, NULL);

  return &g_array_index (self->bands, PamongFwBand, index);
}

/**
 * pamong_framework_get_band_for_cents:
 * @self: a #PamongFramework
 * @cents: an index in hundredths, already rounded (328 for 3,28)
 *
 * The predikat of an index. See pamong_spbe_index_get_predikat() for why the
 * predikat is taken from the rounded index.
 *
 * Returns: (transfer none) (nullable): the band, or %NULL when @cents is
 *   below every band (only possible when the lowest band has a lower bound)
 */
const PamongFwBand *
pamong_framework_get_band_for_cents (PamongFramework *self,
                                     gint             cents)
{
  g_return_val_if_fail (PAMONG_IS_FRAMEWORK (self), NULL);

  for (guint i = 0; i < self->bands->len; i++)
    {
      const PamongFwBand *band = &g_array_index (self->bands, PamongFwBand, i);

      if (!band->has_min ||
          cents > band->min_cents ||
          (cents == band->min_cents && band->min_inclusive))
        return band;
    }

  return NULL;
}
