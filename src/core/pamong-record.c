/* pamong-record.c — the base of every synchronised record
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-core"

#include "config.h"

#include <string.h>

#include "pamong-record.h"

/*
 * Every record carries the sync fields of DESIGN.md §3: a uuid made by
 * whoever creates it (offline too), the server's rev, timestamps and a
 * tombstone flag. The local fields (state, base-rev, change-count) are the
 * client's bookkeeping for the offline queue and never cross the wire.
 */

typedef struct
{
  char *uuid;
  gint64 rev;
  GDateTime *created_at;
  GDateTime *updated_at;
  gboolean deleted;
  PamongLocalState local_state;
  gint64 base_rev;
  gint64 change_count;
} PamongRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PamongRecord, pamong_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_REV,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED,
  PROP_LOCAL_STATE,
  PROP_BASE_REV,
  PROP_CHANGE_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
pamong_local_state_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { PAMONG_LOCAL_STATE_SYNCED, "PAMONG_LOCAL_STATE_SYNCED", "synced" },
        { PAMONG_LOCAL_STATE_CREATED, "PAMONG_LOCAL_STATE_CREATED", "created" },
        { PAMONG_LOCAL_STATE_MODIFIED, "PAMONG_LOCAL_STATE_MODIFIED", "modified" },
        { PAMONG_LOCAL_STATE_DELETED, "PAMONG_LOCAL_STATE_DELETED", "deleted" },
        { PAMONG_LOCAL_STATE_CONFLICT, "PAMONG_LOCAL_STATE_CONFLICT", "conflict" },
        { 0, NULL, NULL }
      };
      GType id = g_enum_register_static (g_intern_static_string ("PamongLocalState"), values);
      g_once_init_leave (&type_id, id);
    }

  return type_id;
}

static void
pamong_record_finalize (GObject *object)
{
  PamongRecord *self = PAMONG_RECORD (object);
  PamongRecordPrivate *priv = pamong_record_get_instance_private (self);

  g_clear_pointer (&priv->uuid, g_free);
  g_clear_pointer (&priv->created_at, g_date_time_unref);
  g_clear_pointer (&priv->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (pamong_record_parent_class)->finalize (object);
}

static void
pamong_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PamongRecord *self = PAMONG_RECORD (object);
  PamongRecordPrivate *priv = pamong_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;
    case PROP_REV:
      g_value_set_int64 (value, priv->rev);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, priv->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_boxed (value, priv->updated_at);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, priv->deleted);
      break;
    case PROP_LOCAL_STATE:
      g_value_set_enum (value, priv->local_state);
      break;
    case PROP_BASE_REV:
      g_value_set_int64 (value, priv->base_rev);
      break;
    case PROP_CHANGE_COUNT:
      g_value_set_int64 (value, priv->change_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_record_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PamongRecord *self = PAMONG_RECORD (object);

  switch (prop_id)
    {
    case PROP_UUID:
      pamong_record_set_uuid (self, g_value_get_string (value));
      break;
    case PROP_REV:
      pamong_record_set_rev (self, g_value_get_int64 (value));
      break;
    case PROP_CREATED_AT:
      pamong_record_set_created_at (self, g_value_get_boxed (value));
      break;
    case PROP_UPDATED_AT:
      pamong_record_set_updated_at (self, g_value_get_boxed (value));
      break;
    case PROP_DELETED:
      pamong_record_set_deleted (self, g_value_get_boolean (value));
      break;
    case PROP_LOCAL_STATE:
      pamong_record_set_local_state (self, g_value_get_enum (value));
      break;
    case PROP_BASE_REV:
      pamong_record_set_base_rev (self, g_value_get_int64 (value));
      break;
    case PROP_CHANGE_COUNT:
      pamong_record_set_change_count (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_record_class_init (PamongRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pamong_record_finalize;
  object_class->get_property = pamong_record_get_property;
  object_class->set_property = pamong_record_set_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);
  properties[PROP_REV] =
    g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0,
                        PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME,
                        PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME,
                        PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE,
                          PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);
  properties[PROP_LOCAL_STATE] =
    g_param_spec_enum ("local-state", NULL, NULL,
                       PAMONG_TYPE_LOCAL_STATE, PAMONG_LOCAL_STATE_SYNCED,
                       PAMONG_PARAM_DEFAULT | PAMONG_PARAM_LOCAL);
  properties[PROP_BASE_REV] =
    g_param_spec_int64 ("base-rev", NULL, NULL, 0, G_MAXINT64, 0,
                        PAMONG_PARAM_DEFAULT | PAMONG_PARAM_LOCAL);
  properties[PROP_CHANGE_COUNT] =
    g_param_spec_int64 ("change-count", NULL, NULL, 0, G_MAXINT64, 0,
                        PAMONG_PARAM_DEFAULT | PAMONG_PARAM_LOCAL);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pamong_record_init (PamongRecord *self)
{
  PamongRecordPrivate *priv = pamong_record_get_instance_private (self);

  priv->uuid = g_uuid_string_random ();
  priv->created_at = pamong_timestamp_now ();
  priv->updated_at = g_date_time_ref (priv->created_at);
  priv->local_state = PAMONG_LOCAL_STATE_SYNCED;
}

/**
 * pamong_record_get_collection:
 * @self: a #PamongRecord
 *
 * Returns: the name of the collection @self belongs to, e.g. "applications"
 */
const char *
pamong_record_get_collection (PamongRecord *self)
{
  g_return_val_if_fail (PAMONG_IS_RECORD (self), NULL);

  return PAMONG_RECORD_GET_CLASS (self)->collection;
}

const char *
pamong_record_get_uuid (PamongRecord *self)
{
  PamongRecordPrivate *priv = pamong_record_get_instance_private (self);

  g_return_val_if_fail (PAMONG_IS_RECORD (self), NULL);

  return priv->uuid;
}

void
pamong_record_set_uuid (PamongRecord *self,
                        const char   *uuid)
{
  PamongRecordPrivate *priv = pamong_record_get_instance_private (self);

  g_return_if_fail (PAMONG_IS_RECORD (self));

  if (pamong_set_string (&priv->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

#define DEFINE_INT64_ACCESSORS(field, PROP)                                   \
gint64                                                                        \
pamong_record_get_##field (PamongRecord *self)                                \
{                                                                             \
  PamongRecordPrivate *priv = pamong_record_get_instance_private (self);      \
  g_return_val_if_fail (PAMONG_IS_RECORD (self), 0);                          \
  return priv->field;                                                         \
}                                                                             \
                                                                              \
void                                                                          \
pamong_record_set_##field (PamongRecord *self,                                \
                           gint64        field)                               \
{                                                                             \
  PamongRecordPrivate *priv = pamong_record_get_instance_private (self);      \
  g_return_if_fail (PAMONG_IS_RECORD (self));                                 \
  if (priv->field == field)                                                   \
    return;                                                                   \
  priv->field = field;                                                        \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);               \
}

DEFINE_INT64_ACCESSORS (rev, PROP_REV)
DEFINE_INT64_ACCESSORS (base_rev, PROP_BASE_REV)
DEFINE_INT64_ACCESSORS (change_count, PROP_CHANGE_COUNT)

static gboolean
set_timestamp (GDateTime **slot,
               GDateTime  *value)
{
  if (*slot == value || (*slot && value && g_date_time_equal (*slot, value)))
    return FALSE;

  g_clear_pointer (slot, g_date_time_unref);
  if (value)
    *slot = g_date_time_ref (value);
  return TRUE;
}

GDateTime *
pamong_record_get_created_at (PamongRecord *self)
{
  PamongRecordPrivate *priv = pamong_record_get_instance_private (self);

  g_return_val_if_fail (PAMONG_IS_RECORD (self), NULL);

  return priv->created_at;
}

void
pamong_record_set_created_at (PamongRecord *self,
                              GDateTime    *created_at)
{
  PamongRecordPrivate *priv = pamong_record_get_instance_private (self);

  g_return_if_fail (PAMONG_IS_RECORD (self));

  if (set_timestamp (&priv->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

GDateTime *
pamong_record_get_updated_at (PamongRecord *self)
{
  PamongRecordPrivate *priv = pamong_record_get_instance_private (self);

  g_return_val_if_fail (PAMONG_IS_RECORD (self), NULL);

  return priv->updated_at;
}

void
pamong_record_set_updated_at (PamongRecord *self,
                              GDateTime    *updated_at)
{
  PamongRecordPrivate *priv = pamong_record_get_instance_private (self);

  g_return_if_fail (PAMONG_IS_RECORD (self));

  if (set_timestamp (&priv->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

gboolean
pamong_record_get_deleted (PamongRecord *self)
{
  PamongRecordPrivate *priv = pamong_record_get_instance_private (self);

  g_return_val_if_fail (PAMONG_IS_RECORD (self), FALSE);

  return priv->deleted;
}

void
pamong_record_set_deleted (PamongRecord *self,
                           gboolean      deleted)
{
  PamongRecordPrivate *priv = pamong_record_get_instance_private (self);

  g_return_if_fail (PAMONG_IS_RECORD (self));

  deleted = !!deleted;
  if (priv->deleted == deleted)
    return;

  priv->deleted = deleted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
}

PamongLocalState
pamong_record_get_local_state (PamongRecord *self)
{
  PamongRecordPrivate *priv = pamong_record_get_instance_private (self);

  g_return_val_if_fail (PAMONG_IS_RECORD (self), PAMONG_LOCAL_STATE_SYNCED);

  return priv->local_state;
}

void
pamong_record_set_local_state (PamongRecord     *self,
                               PamongLocalState  state)
{
  PamongRecordPrivate *priv = pamong_record_get_instance_private (self);

  g_return_if_fail (PAMONG_IS_RECORD (self));

  if (priv->local_state == state)
    return;

  priv->local_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCAL_STATE]);
}

/**
 * pamong_record_touch:
 * @self: a #PamongRecord
 *
 * Marks @self as just changed: updated-at becomes now.
 */
void
pamong_record_touch (PamongRecord *self)
{
  g_autoptr(GDateTime) now = pamong_timestamp_now ();

  g_return_if_fail (PAMONG_IS_RECORD (self));

  pamong_record_set_updated_at (self, now);
}

/**
 * pamong_record_list_fields:
 * @record_type: a #PamongRecord subtype
 * @include_local: whether to list the %PAMONG_PARAM_LOCAL fields too
 * @n_fields: (out): where to store the number of fields
 *
 * Lists the fields of a record type: the base class's sync fields first,
 * then the subclass's own in the order they were installed.
 *
 * Returns: (transfer container): the fields' param specs; free with g_free()
 */
GParamSpec **
pamong_record_list_fields (GType     record_type,
                           gboolean  include_local,
                           guint    *n_fields)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree GParamSpec **all = NULL;
  GParamSpec **fields;
  guint n_all = 0;
  guint n = 0;

  g_return_val_if_fail (g_type_is_a (record_type, PAMONG_TYPE_RECORD), NULL);
  g_return_val_if_fail (n_fields != NULL, NULL);

  klass = g_type_class_ref (record_type);
  all = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_all);
  fields = g_new0 (GParamSpec *, n_all + 1);

  for (guint i = 0; i < n_all; i++)
    {
      if ((all[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;
      if (!include_local && (all[i]->flags & PAMONG_PARAM_LOCAL))
        continue;
      fields[n++] = all[i];
    }

  *n_fields = n;
  return fields;
}

/**
 * pamong_record_field_column:
 * @pspec: a record field
 *
 * Returns: (transfer full): the JSON member and SQL column name of @pspec
 */
char *
pamong_record_field_column (GParamSpec *pspec)
{
  return g_strdelimit (g_strdup (pspec->name), "-", '_');
}

static gboolean
field_values_equal (GParamSpec   *pspec,
                    const GValue *a,
                    const GValue *b)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *da = g_value_get_boxed (a);
      GDateTime *db = g_value_get_boxed (b);

      if (da == NULL || db == NULL)
        return da == db;
      return g_date_time_equal (da, db);
    }

  if (type == G_TYPE_STRV)
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);
      const char * const empty[] = { NULL };

      return g_strv_equal (sa ? sa : empty, sb ? sb : empty);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/**
 * pamong_record_equal:
 * @a: a #PamongRecord
 * @b: a #PamongRecord
 * @include_local: whether the local bookkeeping fields must match too
 *
 * Returns: %TRUE if @a and @b are of the same type and all their fields match
 */
gboolean
pamong_record_equal (PamongRecord *a,
                     PamongRecord *b,
                     gboolean      include_local)
{
  g_autofree GParamSpec **fields = NULL;
  guint n_fields;

  g_return_val_if_fail (PAMONG_IS_RECORD (a), FALSE);
  g_return_val_if_fail (PAMONG_IS_RECORD (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  fields = pamong_record_list_fields (G_OBJECT_TYPE (a), include_local, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (a), fields[i]->name, &va);
      g_object_get_property (G_OBJECT (b), fields[i]->name, &vb);

      if (!field_values_equal (fields[i], &va, &vb))
        return FALSE;
    }

  return TRUE;
}

/**
 * pamong_record_same_content:
 * @a: a #PamongRecord
 * @b: a #PamongRecord
 *
 * Whether @a and @b say the same thing apart from what the server assigns
 * (rev, created-at, updated-at) and the local bookkeeping: how a retried
 * write is recognised, on the server and in the sync engine.
 *
 * Returns: %TRUE if the content of @a and @b is the same
 */
gboolean
pamong_record_same_content (PamongRecord *a,
                            PamongRecord *b)
{
  g_autoptr(PamongRecord) copy = NULL;

  g_return_val_if_fail (PAMONG_IS_RECORD (a), FALSE);
  g_return_val_if_fail (PAMONG_IS_RECORD (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  copy = pamong_record_copy (b);
  pamong_record_set_rev (copy, pamong_record_get_rev (a));
  pamong_record_set_created_at (copy, pamong_record_get_created_at (a));
  pamong_record_set_updated_at (copy, pamong_record_get_updated_at (a));

  return pamong_record_equal (a, copy, FALSE);
}

/**
 * pamong_record_copy:
 * @self: a #PamongRecord
 *
 * Makes a copy with every field, the local ones included. Forms edit a copy
 * and hand it back to the store.
 *
 * Returns: (transfer full): a new record equal to @self
 */
PamongRecord *
pamong_record_copy (PamongRecord *self)
{
  g_autofree GParamSpec **fields = NULL;
  PamongRecord *copy;
  guint n_fields;

  g_return_val_if_fail (PAMONG_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  fields = pamong_record_list_fields (G_OBJECT_TYPE (self), TRUE, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (self), fields[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), fields[i]->name, &value);
    }

  return copy;
}

/**
 * pamong_set_string:
 * @slot: a string field
 * @value: (nullable): the new value
 *
 * Replaces the string in @slot by a copy of @value. Setters of record
 * subclasses use it to notify only on a real change.
 *
 * Returns: %TRUE if the value changed
 */
gboolean
pamong_set_string (char       **slot,
                   const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

/**
 * pamong_set_strv:
 * @slot: a string array field
 * @value: (nullable) (array zero-terminated=1): the new value
 *
 * Replaces the array in @slot by a deep copy of @value, like
 * pamong_set_string() does for strings.
 *
 * Returns: %TRUE if the value changed
 */
gboolean
pamong_set_strv (char             ***slot,
                 const char * const *value)
{
  if ((const char * const *) *slot == value)
    return FALSE;
  if (*slot != NULL && value != NULL
      && g_strv_equal ((const char * const *) *slot, value))
    return FALSE;

  g_strfreev (*slot);
  *slot = g_strdupv ((char **) value);
  return TRUE;
}

/**
 * pamong_timestamp_now:
 *
 * Returns: (transfer full): the current time in UTC, to the millisecond —
 *   the precision timestamps keep on the wire and in the store
 */
GDateTime *
pamong_timestamp_now (void)
{
  gint64 now_us = g_get_real_time ();
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (now_us / G_USEC_PER_SEC);

  return g_date_time_add (seconds, (now_us % G_USEC_PER_SEC) / 1000 * 1000);
}

/**
 * pamong_timestamp_format:
 * @timestamp: a #GDateTime
 *
 * Returns: (transfer full): @timestamp in UTC as "2026-05-01T08:30:00.000Z"
 */
char *
pamong_timestamp_format (GDateTime *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (timestamp != NULL, NULL);

  utc = g_date_time_to_utc (timestamp);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                          g_date_time_get_year (utc),
                          g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc),
                          g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc),
                          g_date_time_get_second (utc),
                          g_date_time_get_microsecond (utc) / 1000);
}

/**
 * pamong_timestamp_parse:
 * @text: an ISO 8601 date and time with a time zone
 *
 * Returns: (transfer full) (nullable): the time in UTC, to the millisecond,
 *   or %NULL if @text is not a complete ISO 8601 timestamp
 */
GDateTime *
pamong_timestamp_parse (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) in_utc = NULL;
  g_autoptr(GTimeZone) utc = NULL;

  if (text == NULL || strlen (text) < 20)
    return NULL;

  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (text, utc);
  if (parsed == NULL)
    return NULL;

  /* Kept to the millisecond, as pamong_timestamp_format() writes it: a
   * finer time from elsewhere would otherwise change in a round trip and
   * make an unchanged record look edited. */
  in_utc = g_date_time_to_utc (parsed);
  return g_date_time_add (in_utc, -(g_date_time_get_microsecond (in_utc) % 1000));
}

/**
 * pamong_date_is_valid:
 * @text: (nullable): a string
 *
 * Returns: %TRUE if @text is a real calendar date written "YYYY-MM-DD"
 */
gboolean
pamong_date_is_valid (const char *text)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  return year >= 1 && g_date_valid_dmy (day, month, year);
}
