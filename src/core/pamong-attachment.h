/* pamong-attachment.h — a file attached to a record (metadata only)
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pamong-enums.h"
#include "pamong-enum-types.h"
#include "pamong-record.h"

G_BEGIN_DECLS

#define PAMONG_TYPE_ATTACHMENT (pamong_attachment_get_type ())
G_DECLARE_FINAL_TYPE (PamongAttachment, pamong_attachment, PAMONG, ATTACHMENT, PamongRecord)

PamongAttachment *pamong_attachment_new                  (void);
const char       *pamong_attachment_get_owner            (PamongAttachment *self);
void              pamong_attachment_set_owner            (PamongAttachment *self,
                                                          const char       *owner);
const char       *pamong_attachment_get_owner_collection (PamongAttachment *self);
void              pamong_attachment_set_owner_collection (PamongAttachment *self,
                                                          const char       *owner_collection);
const char       *pamong_attachment_get_filename         (PamongAttachment *self);
void              pamong_attachment_set_filename         (PamongAttachment *self,
                                                          const char       *filename);
const char       *pamong_attachment_get_content_type     (PamongAttachment *self);
void              pamong_attachment_set_content_type     (PamongAttachment *self,
                                                          const char       *content_type);
gint64            pamong_attachment_get_size             (PamongAttachment *self);
void              pamong_attachment_set_size             (PamongAttachment *self,
                                                          gint64            size);
const char       *pamong_attachment_get_sha256           (PamongAttachment *self);
void              pamong_attachment_set_sha256           (PamongAttachment *self,
                                                          const char       *sha256);

G_END_DECLS
