/* pamong-xml-writer.h — a small, strict XML writer for the server's XML answers
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PamongXmlWriter PamongXmlWriter;

PamongXmlWriter *pamong_xml_writer_new           (void);
void             pamong_xml_writer_free          (PamongXmlWriter *self);

void             pamong_xml_writer_start_element (PamongXmlWriter *self,
                                                  const char      *name);
void             pamong_xml_writer_end_element   (PamongXmlWriter *self);
void             pamong_xml_writer_text_element  (PamongXmlWriter *self,
                                                  const char      *name,
                                                  const char      *text);
guint            pamong_xml_writer_get_depth     (PamongXmlWriter *self);
char            *pamong_xml_writer_finish        (PamongXmlWriter *self,
                                                  gsize           *length);

char            *pamong_xml_escape_text          (const char      *text,
                                                  gssize           length);
gboolean         pamong_xml_name_is_valid        (const char      *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PamongXmlWriter, pamong_xml_writer_free)

G_END_DECLS
