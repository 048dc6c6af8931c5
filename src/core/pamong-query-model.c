/* pamong-query-model.c — a lazy list of the records a query selects
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-store"

#include "config.h"

#include "pamong-record.h"
#include "pamong-store-private.h"

/*
 * The model holds only the ordered row ids of its query (8 bytes a row: a
 * list of 100,000 requests costs under 1 MB). A record is read from the
 * store when the view asks for its position, and the most recently used
 * ones stay cached, so scrolling back and forth does not query again and a
 * position keeps returning the same object.
 *
 * When the store announces a change to the collection, the model runs its
 * id query again, emits items-changed for the part of the list between the
 * unchanged head and tail, and refreshes its cached records in place
 * (notifying their changed properties) so rows bound to them update.
 */

#define CACHE_SIZE 512

/* One entry per row whose record is alive: in the LRU cache (which holds a
 * reference) or held by someone else (a row widget). While it lives, the
 * same object is returned for the row, and refreshed in place. */
typedef struct
{
  gint64            id;
  PamongRecord     *record;    /* weak */
  GList            *lru_link;  /* in self->lru when the cache holds a ref */
  PamongQueryModel *model;
} Entry;

struct _PamongQueryModel
{
  GObject      parent_instance;

  PamongStore *store;
  PamongQuery *query;
  GArray      *ids;     /* gint64 row ids, in order */
  GHashTable  *alive;   /* gint64 *id -> Entry */
  GQueue       lru;     /* of Entry, most recently used first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PamongQueryModel, pamong_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUERY,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
pamong_query_model_get_item_type (GListModel *model)
{
  PamongQueryModel *self = PAMONG_QUERY_MODEL (model);

  return self->query->record_type;
}

static guint
pamong_query_model_get_n_items (GListModel *model)
{
  PamongQueryModel *self = PAMONG_QUERY_MODEL (model);

  return self->ids->len;
}

static void
entry_record_finalized (gpointer  data,
                        GObject  *where_the_object_was)
{
  Entry *entry = data;

  g_hash_table_remove (entry->model->alive, &entry->id);
}

static void
cache_trim (PamongQueryModel *self)
{
  while (self->lru.length > CACHE_SIZE)
    {
      Entry *oldest = g_queue_pop_tail (&self->lru);

      /* May finalize the record, which frees the entry. */
      oldest->lru_link = NULL;
      g_object_unref (oldest->record);
    }
}

static void
cache_use (PamongQueryModel *self,
           Entry            *entry)
{
  if (entry->lru_link != NULL)
    {
      g_queue_unlink (&self->lru, entry->lru_link);
      g_queue_push_head_link (&self->lru, entry->lru_link);
      return;
    }

  g_object_ref (entry->record);
  g_queue_push_head (&self->lru, entry);
  entry->lru_link = self->lru.head;
  cache_trim (self);
}

static gpointer
pamong_query_model_get_item (GListModel *model,
                             guint       position)
{
  PamongQueryModel *self = PAMONG_QUERY_MODEL (model);
  g_autoptr(PamongRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  entry = g_hash_table_lookup (self->alive, &id);
  if (entry != NULL)
    {
      record = g_object_ref (entry->record);
      cache_use (self, entry);
      return g_steal_pointer (&record);
    }

  record = pamong_store_load_id (self->store, self->query->record_type, id, &error);
  if (record == NULL)
    {
      /* Rows are never removed (deletes leave tombstones), so this is a
       * broken database; an item must still be returned. */
      g_warning ("Could not read a listed record: %s", error->message);
      return g_object_new (self->query->record_type, NULL);
    }

  entry = g_new0 (Entry, 1);
  entry->id = id;
  entry->record = record;
  entry->model = self;
  g_object_weak_ref (G_OBJECT (record), entry_record_finalized, entry);
  g_hash_table_insert (self->alive, &entry->id, entry);
  cache_use (self, entry);

  return g_steal_pointer (&record);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = pamong_query_model_get_item_type;
  iface->get_n_items = pamong_query_model_get_n_items;
  iface->get_item = pamong_query_model_get_item;
}

/* Copies every field of @from into @to, notifying only real changes. */
static void
record_update_in_place (PamongRecord *to,
                        PamongRecord *from)
{
  g_autofree GParamSpec **fields = NULL;
  guint n_fields;

  fields = pamong_record_list_fields (G_OBJECT_TYPE (to), TRUE, &n_fields);

  g_object_freeze_notify (G_OBJECT (to));
  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (from), fields[i]->name, &value);
      g_object_set_property (G_OBJECT (to), fields[i]->name, &value);
    }
  g_object_thaw_notify (G_OBJECT (to));
}

/**
 * pamong_query_model_refresh:
 * @self: a #PamongQueryModel
 * @error: return location for a #GError
 *
 * Runs the query again. The model does this by itself when the store
 * reports a change to its collection.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_query_model_refresh (PamongQueryModel  *self,
                            GError           **error)
{
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GArray) changed_positions = NULL;
  g_autoptr(GPtrArray) alive = NULL;
  g_autoptr(GArray) alive_ids = NULL;
  GHashTableIter iter;
  gpointer value;
  GArray *ids;
  guint prefix = 0;
  guint suffix = 0;
  guint old_len, new_len;

  g_return_val_if_fail (PAMONG_IS_QUERY_MODEL (self), FALSE);

  ids = pamong_store_query_ids (self->store, self->query, error);
  if (ids == NULL)
    return FALSE;

  old_ids = g_steal_pointer (&self->ids);
  self->ids = ids;
  old_len = old_ids->len;
  new_len = ids->len;

  while (prefix < old_len && prefix < new_len &&
         g_array_index (old_ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_array_index (old_ids, gint64, old_len - 1 - suffix) ==
         g_array_index (ids, gint64, new_len - 1 - suffix))
    suffix++;

  /* Refresh the live records in place. */
  alive = g_ptr_array_new_with_free_func (g_object_unref);
  alive_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      g_ptr_array_add (alive, g_object_ref (entry->record));
      g_array_append_val (alive_ids, entry->id);
    }

  changed_positions = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint j = 0; j < alive->len; j++)
    {
      PamongRecord *record = g_ptr_array_index (alive, j);
      gint64 id = g_array_index (alive_ids, gint64, j);
      g_autoptr(PamongRecord) fresh = NULL;

      fresh = pamong_store_load_id (self->store, self->query->record_type, id, NULL);
      if (fresh == NULL || pamong_record_equal (record, fresh, TRUE))
        continue;

      record_update_in_place (record, fresh);

      for (guint i = 0; i < new_len; i++)
        if (g_array_index (ids, gint64, i) == id)
          {
            if (i < prefix || i >= new_len - suffix)
              g_array_append_val (changed_positions, i);
            break;
          }
    }

  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  if (prefix + suffix < old_len || prefix + suffix < new_len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_len - prefix - suffix, new_len - prefix - suffix);

  for (guint i = 0; i < changed_positions->len; i++)
    {
      guint position = g_array_index (changed_positions, guint, i);

      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }

  return TRUE;
}

static void
on_store_changed (PamongStore      *store,
                  const char       *collection,
                  PamongQueryModel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTypeClass) klass = g_type_class_ref (self->query->record_type);

  if (g_strcmp0 (collection, PAMONG_RECORD_CLASS (klass)->collection) != 0)
    return;

  if (!pamong_query_model_refresh (self, &error))
    g_warning ("Could not refresh a list of %s: %s", collection, error->message);
}

static void
pamong_query_model_dispose (GObject *object)
{
  PamongQueryModel *self = PAMONG_QUERY_MODEL (object);
  GHashTableIter iter;
  gpointer value;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (G_OBJECT (((Entry *) value)->record), entry_record_finalized, value);

  while (!g_queue_is_empty (&self->lru))
    {
      Entry *entry = g_queue_pop_head (&self->lru);

      g_object_unref (entry->record);
    }
  g_hash_table_remove_all (self->alive);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pamong_query_model_parent_class)->dispose (object);
}

static void
pamong_query_model_finalize (GObject *object)
{
  PamongQueryModel *self = PAMONG_QUERY_MODEL (object);

  g_clear_pointer (&self->alive, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->query, pamong_query_unref);

  G_OBJECT_CLASS (pamong_query_model_parent_class)->finalize (object);
}

static void
pamong_query_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PamongQueryModel *self = PAMONG_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_QUERY:
      g_value_set_boxed (value, self->query);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->query->record_type);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_query_model_class_init (PamongQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pamong_query_model_dispose;
  object_class->finalize = pamong_query_model_finalize;
  object_class->get_property = pamong_query_model_get_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PAMONG_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL, PAMONG_TYPE_QUERY,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, PAMONG_TYPE_RECORD,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pamong_query_model_init (PamongQueryModel *self)
{
  self->alive = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_queue_init (&self->lru);
}

GListModel *
pamong_query_model_new (PamongStore  *store,
                        PamongQuery  *query,
                        GError      **error)
{
  g_autoptr(PamongQueryModel) self = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *detailed = NULL;
  g_autoptr(GTypeClass) klass = NULL;

  ids = pamong_store_query_ids (store, query, error);
  if (ids == NULL)
    return NULL;

  self = g_object_new (PAMONG_TYPE_QUERY_MODEL, NULL);
  self->store = g_object_ref (store);
  self->query = pamong_query_copy (query);
  self->ids = g_steal_pointer (&ids);

  klass = g_type_class_ref (query->record_type);
  detailed = g_strconcat ("changed::", PAMONG_RECORD_CLASS (klass)->collection, NULL);
  g_signal_connect_object (store, detailed, G_CALLBACK (on_store_changed), self, 0);

  return G_LIST_MODEL (g_steal_pointer (&self));
}

/**
 * pamong_query_model_get_store:
 * @self: a #PamongQueryModel
 *
 * Returns: (transfer none): the store the records come from
 */
PamongStore *
pamong_query_model_get_store (PamongQueryModel *self)
{
  g_return_val_if_fail (PAMONG_IS_QUERY_MODEL (self), NULL);

  return self->store;
}

/**
 * pamong_query_model_get_query:
 * @self: a #PamongQueryModel
 *
 * Returns: (transfer none): the model's own copy of its query; changing it
 *   takes effect at the next refresh
 */
PamongQuery *
pamong_query_model_get_query (PamongQueryModel *self)
{
  g_return_val_if_fail (PAMONG_IS_QUERY_MODEL (self), NULL);

  return self->query;
}
