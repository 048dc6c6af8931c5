/* pamong-attachment.c — a file attached to a record (metadata only)
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-core"

#include "config.h"

#include "pamong-attachment.h"

/**
 * PamongAttachment:
 *
 * The metadata of a file attached to a record. The content is a blob
 * addressed by its SHA-256.
 *
 * A record of the `attachments` collection; its properties are its fields.
 */
struct _PamongAttachment
{
  PamongRecord parent_instance;

  char *owner;
  char *owner_collection;
  char *filename;
  char *content_type;
  gint64 size;
  char *sha256;
};

G_DEFINE_FINAL_TYPE (PamongAttachment, pamong_attachment, PAMONG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_OWNER,
  PROP_OWNER_COLLECTION,
  PROP_FILENAME,
  PROP_CONTENT_TYPE,
  PROP_SIZE,
  PROP_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pamong_attachment_finalize (GObject *object)
{
  PamongAttachment *self = PAMONG_ATTACHMENT (object);

  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->owner_collection, g_free);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->sha256, g_free);

  G_OBJECT_CLASS (pamong_attachment_parent_class)->finalize (object);
}

static void
pamong_attachment_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PamongAttachment *self = PAMONG_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_OWNER_COLLECTION:
      g_value_set_string (value, self->owner_collection);
      break;
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;
    case PROP_CONTENT_TYPE:
      g_value_set_string (value, self->content_type);
      break;
    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_attachment_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PamongAttachment *self = PAMONG_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_OWNER:
      pamong_attachment_set_owner (self, g_value_get_string (value));
      break;
    case PROP_OWNER_COLLECTION:
      pamong_attachment_set_owner_collection (self, g_value_get_string (value));
      break;
    case PROP_FILENAME:
      pamong_attachment_set_filename (self, g_value_get_string (value));
      break;
    case PROP_CONTENT_TYPE:
      pamong_attachment_set_content_type (self, g_value_get_string (value));
      break;
    case PROP_SIZE:
      pamong_attachment_set_size (self, g_value_get_int64 (value));
      break;
    case PROP_SHA256:
      pamong_attachment_set_sha256 (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_attachment_class_init (PamongAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PamongRecordClass *record_class = PAMONG_RECORD_CLASS (klass);

  object_class->finalize = pamong_attachment_finalize;
  object_class->get_property = pamong_attachment_get_property;
  object_class->set_property = pamong_attachment_set_property;

  record_class->collection = "attachments";

  /**
   * PamongAttachment:owner:
   *
   * The uuid of the record the file is attached to.
   */
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED | PAMONG_PARAM_REF);

  /**
   * PamongAttachment:owner-collection:
   *
   * The collection of the owning record, e.g. "service_requests".
   */
  properties[PROP_OWNER_COLLECTION] =
    g_param_spec_string ("owner-collection", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  properties[PROP_FILENAME] =
    g_param_spec_string ("filename", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  properties[PROP_CONTENT_TYPE] =
    g_param_spec_string ("content-type", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT);

  /**
   * PamongAttachment:size:
   *
   * The size in bytes.
   */
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0,
                        PAMONG_PARAM_DEFAULT);

  /**
   * PamongAttachment:sha256:
   *
   * The SHA-256 of the content, in lowercase hex.
   */
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         PAMONG_PARAM_DEFAULT | PAMONG_PARAM_REQUIRED);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pamong_attachment_init (PamongAttachment *self)
{
}

/**
 * pamong_attachment_new:
 *
 * Creates a record with a fresh uuid and the fields' defaults.
 *
 * Returns: (transfer full): a new #PamongAttachment
 */
PamongAttachment *
pamong_attachment_new (void)
{
  return g_object_new (PAMONG_TYPE_ATTACHMENT, NULL);
}

const char *
pamong_attachment_get_owner (PamongAttachment *self)
{
  g_return_val_if_fail (PAMONG_IS_ATTACHMENT (self), NULL);

  return self->owner;
}

void
pamong_attachment_set_owner (PamongAttachment *self,
                             const char       *owner)
{
  g_return_if_fail (PAMONG_IS_ATTACHMENT (self));

  if (pamong_set_string (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

const char *
pamong_attachment_get_owner_collection (PamongAttachment *self)
{
  g_return_val_if_fail (PAMONG_IS_ATTACHMENT (self), NULL);

  return self->owner_collection;
}

void
pamong_attachment_set_owner_collection (PamongAttachment *self,
                                        const char       *owner_collection)
{
  g_return_if_fail (PAMONG_IS_ATTACHMENT (self));

  if (pamong_set_string (&self->owner_collection, owner_collection))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_COLLECTION]);
}

const char *
pamong_attachment_get_filename (PamongAttachment *self)
{
  g_return_val_if_fail (PAMONG_IS_ATTACHMENT (self), NULL);

  return self->filename;
}

void
pamong_attachment_set_filename (PamongAttachment *self,
                                const char       *filename)
{
  g_return_if_fail (PAMONG_IS_ATTACHMENT (self));

  if (pamong_set_string (&self->filename, filename))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILENAME]);
}

const char *
pamong_attachment_get_content_type (PamongAttachment *self)
{
  g_return_val_if_fail (PAMONG_IS_ATTACHMENT (self), NULL);

  return self->content_type;
}

void
pamong_attachment_set_content_type (PamongAttachment *self,
                                    const char       *content_type)
{
  g_return_if_fail (PAMONG_IS_ATTACHMENT (self));

  if (pamong_set_string (&self->content_type, content_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_TYPE]);
}

gint64
pamong_attachment_get_size (PamongAttachment *self)
{
  g_return_val_if_fail (PAMONG_IS_ATTACHMENT (self), 0);

  return self->size;
}

void
pamong_attachment_set_size (PamongAttachment *self,
                            gint64            size)
{
  g_return_if_fail (PAMONG_IS_ATTACHMENT (self));
  g_return_if_fail (size >= 0);

  if (self->size == size)
    return;

  self->size = size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

const char *
pamong_attachment_get_sha256 (PamongAttachment *self)
{
  g_return_val_if_fail (PAMONG_IS_ATTACHMENT (self), NULL);

  return self->sha256;
}

void
pamong_attachment_set_sha256 (PamongAttachment *self,
                              const char       *sha256)
{
  g_return_if_fail (PAMONG_IS_ATTACHMENT (self));

  if (pamong_set_string (&self->sha256, sha256))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHA256]);
}
