/* pamong-collections.c — the registry of synchronised collections
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-core"

#include "config.h"

#include "pamong-application.h"
#include "pamong-assessment.h"
#include "pamong-attachment.h"
#include "pamong-collections.h"
#include "pamong-indicator-score.h"
#include "pamong-request-event.h"
#include "pamong-service-request.h"
#include "pamong-service-type.h"
#include "pamong-unit.h"

#define N_COLLECTIONS 8

static GType collection_types[N_COLLECTIONS + 1];

static void
ensure_types (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      /* Sync order: a record comes after the records it refers to, so a
       * pull or a push never meets a reference it cannot resolve yet. */
      guint i = 0;

      collection_types[i++] = PAMONG_TYPE_UNIT;
      collection_types[i++] = PAMONG_TYPE_APPLICATION;
      collection_types[i++] = PAMONG_TYPE_ASSESSMENT;
      collection_types[i++] = PAMONG_TYPE_INDICATOR_SCORE;
      collection_types[i++] = PAMONG_TYPE_SERVICE_TYPE;
      collection_types[i++] = PAMONG_TYPE_SERVICE_REQUEST;
      collection_types[i++] = PAMONG_TYPE_REQUEST_EVENT;
      collection_types[i++] = PAMONG_TYPE_ATTACHMENT;
      g_assert (i == N_COLLECTIONS);
      collection_types[i] = G_TYPE_INVALID;

      /* Keep the classes alive so their collection names can be peeked. */
      for (i = 0; i < N_COLLECTIONS; i++)
        g_type_class_ref (collection_types[i]);

      g_once_init_leave (&initialized, 1);
    }
}

/**
 * pamong_collections_get_types:
 * @n_types: (out) (optional): where to store the number of types
 *
 * Lists the record type of every synchronised collection in sync order:
 * units, applications, assessments, indicator_scores, service_types,
 * service_requests, request_events, attachments.
 *
 * Returns: (array length=n_types) (transfer none): the types, followed by
 *   %G_TYPE_INVALID
 */
const GType *
pamong_collections_get_types (guint *n_types)
{
  ensure_types ();

  if (n_types != NULL)
    *n_types = N_COLLECTIONS;

  return collection_types;
}

/**
 * pamong_collections_lookup:
 * @collection: a collection's name, e.g. "service_requests"
 *
 * Returns: the record type of @collection, or %G_TYPE_INVALID if there is
 *   no such collection
 */
GType
pamong_collections_lookup (const char *collection)
{
  g_return_val_if_fail (collection != NULL, G_TYPE_INVALID);

  ensure_types ();

  for (guint i = 0; i < N_COLLECTIONS; i++)
    {
      PamongRecordClass *klass = g_type_class_peek (collection_types[i]);

      if (g_strcmp0 (klass->collection, collection) == 0)
        return collection_types[i];
    }

  return G_TYPE_INVALID;
}
