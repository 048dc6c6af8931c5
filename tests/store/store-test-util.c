/* store-test-util.c — shared helpers of the store tests
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "store-test-util.h"

char *
test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pamong-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_assert_cmpint (g_remove (child), ==, 0);
    }

  g_assert_cmpint (g_rmdir (path), ==, 0);
}

void
store_fixture_set_up (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "pamong.db", NULL);
  fixture->store = pamong_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

/* Closes the store (it must be the last reference) and opens the file again. */
void
store_fixture_reopen (StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = pamong_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

void
store_fixture_tear_down (StoreFixture  *fixture,
                         gconstpointer  data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->store));

  test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

PamongUnit *
test_make_unit (const char *code,
                const char *name)
{
  PamongUnit *unit = pamong_unit_new ();

  pamong_unit_set_code (unit, code);
  pamong_unit_set_name (unit, name);
  pamong_unit_set_kind (unit, PAMONG_UNIT_KIND_AGENCY);
  return unit;
}

PamongApplication *
test_make_application (const char      *name,
                       const char      *operator_unit,
                       PamongAppStatus  status)
{
  PamongApplication *app = pamong_application_new ();

  pamong_application_set_name (app, name);
  pamong_application_set_operator_unit (app, operator_unit);
  pamong_application_set_status (app, status);
  pamong_application_set_category (app, PAMONG_APP_CATEGORY_KHUSUS);
  pamong_application_set_basis (app, PAMONG_APP_BASIS_WEB);
  pamong_application_set_license (app, PAMONG_APP_LICENSE_OPEN_SOURCE);
  pamong_application_set_plan (app, PAMONG_APP_PLAN_UNDECIDED);
  return app;
}

PamongServiceRequest *
test_make_request (const char *tracking_number,
                   const char *applicant_name,
                   const char *description)
{
  PamongServiceRequest *request = pamong_service_request_new ();
  g_autoptr(GDateTime) submitted = g_date_time_new_utc (2026, 3, 2, 1, 30, 0);

  pamong_service_request_set_tracking_number (request, tracking_number);
  pamong_service_request_set_service_type (request, "7b0c2d2e-0000-4000-8000-000000000001");
  pamong_service_request_set_applicant_name (request, applicant_name);
  pamong_service_request_set_description (request, description);
  pamong_service_request_set_status (request, PAMONG_REQUEST_STATUS_SUBMITTED);
  pamong_service_request_set_kecamatan_code (request, "33.16.09");
  pamong_service_request_set_submitted_at (request, submitted);
  return request;
}
