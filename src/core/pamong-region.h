/* pamong-region.h — a kabupaten's kecamatan and desa/kelurahan, from data
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * PamongKecamatan:
 *
 * A kecamatan of a #PamongRegion. Owned by the region; valid as long as the
 * region is alive.
 */
typedef struct _PamongKecamatan PamongKecamatan;

/**
 * PamongDesa:
 *
 * A desa or kelurahan of a #PamongRegion. Owned by the region; valid as long
 * as the region is alive.
 */
typedef struct _PamongDesa PamongDesa;

#define PAMONG_TYPE_REGION (pamong_region_get_type ())
G_DECLARE_FINAL_TYPE (PamongRegion, pamong_region, PAMONG, REGION, GObject)

/* Kemendagri codes: province "33", regency "33.16", kecamatan "33.16.09",
 * desa/kelurahan "33.16.09.2001" (desa) or "33.16.09.1001" (kelurahan). */

PamongRegion          *pamong_region_load_default        (GError          **error);
PamongRegion          *pamong_region_new_from_bytes      (GBytes           *bytes,
                                                          GError          **error);

const char            *pamong_region_get_province_code   (PamongRegion     *self);
const char            *pamong_region_get_province_name   (PamongRegion     *self);
const char            *pamong_region_get_code            (PamongRegion     *self);
const char            *pamong_region_get_name            (PamongRegion     *self);
const char            *pamong_region_get_kind            (PamongRegion     *self);

guint                  pamong_region_get_n_kecamatan     (PamongRegion     *self);
const PamongKecamatan *pamong_region_get_kecamatan       (PamongRegion     *self,
                                                          guint             index);
guint                  pamong_region_get_n_desa          (PamongRegion     *self);
const PamongDesa      *pamong_region_get_desa            (PamongRegion     *self,
                                                          guint             index);
guint                  pamong_region_get_n_kelurahan     (PamongRegion     *self);

const PamongKecamatan *pamong_region_lookup_kecamatan    (PamongRegion     *self,
                                                          const char       *code);
const PamongDesa      *pamong_region_lookup_desa         (PamongRegion     *self,
                                                          const char       *code);
const char            *pamong_region_lookup_name         (PamongRegion     *self,
                                                          const char       *code);

const char            *pamong_kecamatan_get_code         (const PamongKecamatan *kecamatan);
const char            *pamong_kecamatan_get_name         (const PamongKecamatan *kecamatan);
const char            *pamong_kecamatan_get_ibukota      (const PamongKecamatan *kecamatan);
double                 pamong_kecamatan_get_area         (const PamongKecamatan *kecamatan);
guint                  pamong_kecamatan_get_n_desa       (const PamongKecamatan *kecamatan);
const PamongDesa      *pamong_kecamatan_get_desa         (const PamongKecamatan *kecamatan,
                                                          guint                  index);
guint                  pamong_kecamatan_get_n_kelurahan  (const PamongKecamatan *kecamatan);

const char            *pamong_desa_get_code              (const PamongDesa *desa);
const char            *pamong_desa_get_name              (const PamongDesa *desa);
gboolean               pamong_desa_is_kelurahan          (const PamongDesa *desa);
const PamongKecamatan *pamong_desa_get_kecamatan         (const PamongDesa *desa);

G_END_DECLS
