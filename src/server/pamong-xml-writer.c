/* pamong-xml-writer.c — a small, strict XML writer for the server's XML answers
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-server"

#include "config.h"

#include <string.h>

#include "pamong-xml-writer.h"

/*
 * Writes a document of elements and text only (Open311 uses neither
 * attributes nor namespaces), always well-formed whatever the text holds:
 *
 * - the document starts with <?xml version="1.0" encoding="UTF-8"?>;
 * - text is made valid UTF-8 (bad bytes become U+FFFD), the five special
 *   characters become entities, characters XML 1.0 forbids anywhere (most
 *   C0 controls, U+FFFE, U+FFFF) become U+FFFD, and a carriage return is
 *   written as &#xD; so that it survives a parser's line-end normalisation;
 * - element names are the caller's constants and are checked;
 * - every element opened is closed, by pamong_xml_writer_finish() at the
 *   latest.
 *
 * Elements holding elements are indented two spaces per level; a text
 * element stays on one line, so no whitespace is added inside any text.
 */

typedef struct
{
  char     *name;
  gboolean  has_children;
} Open;

struct _PamongXmlWriter
{
  GString *out;
  GArray  *stack;   /* of Open */
};

static void
open_clear (gpointer data)
{
  Open *open = data;

  g_free (open->name);
}

/**
 * pamong_xml_writer_new:
 *
 * Returns: (transfer full): a writer holding the XML declaration
 */
PamongXmlWriter *
pamong_xml_writer_new (void)
{
  PamongXmlWriter *self = g_new0 (PamongXmlWriter, 1);

  self->out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  self->stack = g_array_new (FALSE, FALSE, sizeof (Open));
  g_array_set_clear_func (self->stack, open_clear);

  return self;
}

void
pamong_xml_writer_free (PamongXmlWriter *self)
{
  if (self == NULL)
    return;

  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_array_unref (self->stack);
  g_free (self);
}

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

/**
 * pamong_xml_name_is_valid:
 * @name: an element name
 *
 * Tells whether @name is a plain ASCII XML name: a letter or '_', then
 * letters, digits, '_', '-' or '.'; not starting with "xml" in any case
 * (reserved). Colons are refused since the writer has no namespaces.
 *
 * Returns: %TRUE if the writer accepts @name
 */
gboolean
pamong_xml_name_is_valid (const char *name)
{
  if (name == NULL || !is_name_start (name[0]))
    return FALSE;
  if (g_ascii_strncasecmp (name, "xml", 3) == 0)
    return FALSE;

  for (const char *p = name + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;

  return TRUE;
}

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD
         || (c >= 0x20 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD)
         || (c >= 0x10000 && c <= 0x10FFFF);
}

static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&apos;");
          break;
        case '\r':
          g_string_append (out, "&#xD;");
          break;
        default:
          if (is_xml_char (c))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          else
            g_string_append_unichar (out, 0xFFFD);
        }
    }
}

/**
 * pamong_xml_escape_text:
 * @text: text, not necessarily valid UTF-8
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 *
 * Escapes @text for element content or an attribute value, as the writer
 * does (see the top of this file).
 *
 * Returns: (transfer full): the escaped text
 */
char *
pamong_xml_escape_text (const char *text,
                        gssize      length)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  append_escaped (out, text, length);

  return g_string_free (out, FALSE);
}

static void
indent (PamongXmlWriter *self)
{
  if (self->stack->len == 0 && self->out->str[self->out->len - 1] == '\n')
    return;

  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->stack->len; i++)
    g_string_append (self->out, "  ");
}

static void
mark_parent_has_children (PamongXmlWriter *self)
{
  if (self->stack->len > 0)
    g_array_index (self->stack, Open, self->stack->len - 1).has_children = TRUE;
}

/**
 * pamong_xml_writer_start_element:
 * @self: a writer
 * @name: the element's name, a valid name (see pamong_xml_name_is_valid())
 *
 * Opens an element; pamong_xml_writer_end_element() closes it.
 */
void
pamong_xml_writer_start_element (PamongXmlWriter *self,
                                 const char      *name)
{
  Open open = { NULL, FALSE };

  g_return_if_fail (self != NULL && self->out != NULL);
  g_return_if_fail (pamong_xml_name_is_valid (name));

  mark_parent_has_children (self);
  indent (self);
  g_string_append_printf (self->out, "<%s>", name);

  open.name = g_strdup (name);
  g_array_append_val (self->stack, open);
}

/**
 * pamong_xml_writer_end_element:
 * @self: a writer
 *
 * Closes the innermost open element.
 */
void
pamong_xml_writer_end_element (PamongXmlWriter *self)
{
  Open *open;

  g_return_if_fail (self != NULL && self->out != NULL);
  g_return_if_fail (self->stack->len > 0);

  open = &g_array_index (self->stack, Open, self->stack->len - 1);
  if (open->has_children)
    {
      g_string_append_c (self->out, '\n');
      for (guint i = 1; i < self->stack->len; i++)
        g_string_append (self->out, "  ");
    }
  g_string_append_printf (self->out, "</%s>", open->name);
  g_array_set_size (self->stack, self->stack->len - 1);
}

/**
 * pamong_xml_writer_text_element:
 * @self: a writer
 * @name: the element's name
 * @text: (nullable): its text; %NULL or "" writes an empty element
 *
 * Writes an element holding only text, escaped.
 */
void
pamong_xml_writer_text_element (PamongXmlWriter *self,
                                const char      *name,
                                const char      *text)
{
  g_return_if_fail (self != NULL && self->out != NULL);
  g_return_if_fail (pamong_xml_name_is_valid (name));

  mark_parent_has_children (self);
  indent (self);
  if (text == NULL || text[0] == '\0')
    {
      g_string_append_printf (self->out, "<%s/>", name);
      return;
    }
  g_string_append_printf (self->out, "<%s>", name);
  append_escaped (self->out, text, -1);
  g_string_append_printf (self->out, "</%s>", name);
}

/**
 * pamong_xml_writer_get_depth:
 * @self: a writer
 *
 * Returns: how many elements are open
 */
guint
pamong_xml_writer_get_depth (PamongXmlWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->stack->len;
}

/**
 * pamong_xml_writer_finish:
 * @self: a writer
 * @length: (out) (optional): the document's length in bytes
 *
 * Closes the elements still open and hands over the document. The writer
 * may only be freed afterwards.
 *
 * Returns: (transfer full): the UTF-8 document, ending in a newline
 */
char *
pamong_xml_writer_finish (PamongXmlWriter *self,
                          gsize           *length)
{
  GString *out;

  g_return_val_if_fail (self != NULL && self->out != NULL, NULL);

  while (self->stack->len > 0)
    pamong_xml_writer_end_element (self);
  g_string_append_c (self->out, '\n');

  out = g_steal_pointer (&self->out);
  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}
