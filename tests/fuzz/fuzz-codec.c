/* fuzz-codec.c — the JSON codec of every collection
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input: one byte choosing the collection, then the JSON text of a record as
 * a server (or an attacker between client and server) might send it. The
 * codec must refuse it with an error, or accept it; a record it accepts
 * must encode and decode again to an equal record.
 */

#include "config.h"

#include <stdlib.h>

#include "fuzz-target.h"
#include "pamong-core.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  (void) argc;
  (void) argv;
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PamongRecord) record = NULL;
  g_autoptr(PamongRecord) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  const GType *types;
  guint n_types;
  GType type;

  if (size < 1)
    return 0;

  types = pamong_collections_get_types (&n_types);
  type = types[data[0] % n_types];

  record = pamong_codec_decode_string (type, (const char *) data + 1, (gssize) size - 1, &error);
  if (record == NULL)
    {
      /* Refused: with a message a person can read. */
      if (error == NULL || error->message == NULL || *error->message == '\0')
        abort ();
      return 0;
    }
  if (error != NULL || G_OBJECT_TYPE (record) != type)
    abort ();

  json = pamong_codec_encode_string (record);
  again = pamong_codec_decode_string (type, json, -1, &error);
  if (again == NULL)
    {
      g_printerr ("An accepted record did not decode again: %s\n%s\n", error->message, json);
      abort ();
    }
  if (!pamong_record_equal (record, again, FALSE))
    {
      g_printerr ("A record changed in a round trip:\n%s\n", json);
      abort ();
    }
  return 0;
}
