/* test-workflow.c — a request's transitions, events and assignment
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pamong-error.h"
#include "pamong-request-workflow.h"
#include "pamong-tracking.h"
#include "pamong-unit.h"

typedef struct
{
  PamongStore       *store;
  PamongUnit        *dindukcapil;
  PamongUnit        *kecamatan;
  PamongServiceType *type;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *requirements[] = { "Fotokopi KK", "Surat pengantar RT/RW", NULL };

  f->store = pamong_store_open (":memory:", &error);
  g_assert_no_error (error);

  f->dindukcapil = pamong_unit_new ();
  pamong_unit_set_code (f->dindukcapil, "DISDUKCAPIL");
  pamong_unit_set_name (f->dindukcapil, "Dinas Kependudukan dan Pencatatan Sipil");
  pamong_unit_set_kind (f->dindukcapil, PAMONG_UNIT_KIND_AGENCY);
  g_assert_true (pamong_store_save (f->store, PAMONG_RECORD (f->dindukcapil), &error));

  f->kecamatan = pamong_unit_new ();
  pamong_unit_set_code (f->kecamatan, "KEC-BLORA");
  pamong_unit_set_name (f->kecamatan, "Kecamatan Blora");
  pamong_unit_set_kind (f->kecamatan, PAMONG_UNIT_KIND_KECAMATAN);
  g_assert_true (pamong_store_save (f->store, PAMONG_RECORD (f->kecamatan), &error));

  f->type = pamong_service_type_new ();
  pamong_service_type_set_code (f->type, "KK-01");
  pamong_service_type_set_name (f->type, "Penerbitan Kartu Keluarga");
  pamong_service_type_set_kind (f->type, PAMONG_SERVICE_KIND_REQUEST);
  pamong_service_type_set_unit (f->type, pamong_record_get_uuid (PAMONG_RECORD (f->dindukcapil)));
  pamong_service_type_set_requirements (f->type, requirements);
  pamong_service_type_set_standard_days (f->type, 5);
  g_assert_true (pamong_store_save (f->store, PAMONG_RECORD (f->type), &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->type);
  g_clear_object (&f->kecamatan);
  g_clear_object (&f->dindukcapil);
  g_assert_finalize_object (f->store);
}

static PamongServiceRequest *
submit (Fixture    *f,
        const char *when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) submitted = g_date_time_new_from_iso8601 (when, NULL);
  PamongServiceRequest *request = pamong_service_request_new ();

  pamong_service_request_set_applicant_name (request, "Siti Rahayu");
  pamong_service_request_set_applicant_nik (request, "3316095508900002");
  pamong_service_request_set_submitted_at (request, submitted);
  g_assert_true (pamong_request_workflow_submit (f->store, NULL, request, f->type,
                                                 "Dewi (petugas)", "Berkas lengkap", &error));
  g_assert_no_error (error);

  return request;
}

static guint
count_events (Fixture              *f,
              PamongServiceRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = pamong_request_workflow_list_events (f->store,
                                                                     pamong_record_get_uuid (PAMONG_RECORD (request)),
                                                                     &error);

  g_assert_no_error (error);
  return events->len;
}

static PamongRequestStatus
stored_status (Fixture              *f,
               PamongServiceRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongRecord) stored = pamong_store_lookup (f->store, PAMONG_TYPE_SERVICE_REQUEST,
                                                        pamong_record_get_uuid (PAMONG_RECORD (request)),
                                                        &error);

  g_assert_no_error (error);
  return pamong_service_request_get_status (PAMONG_SERVICE_REQUEST (stored));
}

/* The whole table of 5 x 5 status pairs. */
static void
test_transition_table (void)
{
  /* rows: from; columns: to (S V P C R) */
  static const gboolean allowed[5][5] = {
    /* S */ { FALSE, TRUE,  FALSE, FALSE, TRUE  },
    /* V */ { FALSE, FALSE, TRUE,  FALSE, TRUE  },
    /* P */ { FALSE, FALSE, FALSE, TRUE,  TRUE  },
    /* C */ { FALSE, FALSE, FALSE, FALSE, FALSE },
    /* R */ { FALSE, FALSE, FALSE, FALSE, FALSE },
  };
  const PamongRequestStatus statuses[] = {
    PAMONG_REQUEST_STATUS_SUBMITTED, PAMONG_REQUEST_STATUS_VERIFIED, PAMONG_REQUEST_STATUS_IN_PROGRESS,
    PAMONG_REQUEST_STATUS_COMPLETED, PAMONG_REQUEST_STATUS_REJECTED,
  };

  for (guint i = 0; i < 5; i++)
    {
      guint n_next = 0, n_allowed = 0;

      pamong_request_status_next (statuses[i], &n_next);
      for (guint j = 0; j < 5; j++)
        {
          g_assert_cmpint (pamong_request_status_can_transition (statuses[i], statuses[j]), ==, allowed[i][j]);
          n_allowed += allowed[i][j];
        }
      g_assert_cmpuint (n_next, ==, n_allowed);
      g_assert_cmpint (pamong_request_status_is_final (statuses[i]), ==, n_allowed == 0);
      g_assert_cmpstr (pamong_request_status_get_label (statuses[i]), !=, "");
    }
}

static void
test_submit (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongServiceRequest) request = submit (f, "2026-03-19T09:15:00+07:00");
  g_autoptr(PamongServiceRequest) nameless = pamong_service_request_new ();
  g_autoptr(GPtrArray) events = NULL;
  PamongRequestEvent *created;

  g_assert_true (pamong_tracking_is_valid (pamong_service_request_get_tracking_number (request)));
  g_assert_cmpint (pamong_service_request_get_status (request), ==, PAMONG_REQUEST_STATUS_SUBMITTED);
  /* 19 March 2026 + 5 working days across Idul Fitri (see test-calendar.c) */
  g_assert_cmpstr (pamong_service_request_get_due_date (request), ==, "2026-03-31");
  g_assert_cmpstr (pamong_service_request_get_unit (request), ==,
                   pamong_record_get_uuid (PAMONG_RECORD (f->dindukcapil)));
  g_assert_cmpstr (pamong_service_request_get_service_type (request), ==,
                   pamong_record_get_uuid (PAMONG_RECORD (f->type)));
  g_assert_cmpint (stored_status (f, request), ==, PAMONG_REQUEST_STATUS_SUBMITTED);

  events = pamong_request_workflow_list_events (f->store, pamong_record_get_uuid (PAMONG_RECORD (request)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  created = g_ptr_array_index (events, 0);
  g_assert_cmpint (pamong_request_event_get_kind (created), ==, PAMONG_EVENT_KIND_CREATED);
  g_assert_cmpstr (pamong_request_event_get_author (created), ==, "Dewi (petugas)");
  g_assert_cmpstr (pamong_request_event_get_note (created), ==, "Berkas lengkap");
  g_assert_true (g_date_time_equal (pamong_record_get_created_at (PAMONG_RECORD (created)),
                                    pamong_service_request_get_submitted_at (request)));

  /* twice is refused */
  g_assert_false (pamong_request_workflow_submit (f->store, NULL, request, f->type, NULL, NULL, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* no name, no request, and nothing is filled in */
  g_assert_false (pamong_request_workflow_submit (f->store, NULL, nameless, f->type, NULL, NULL, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD);
  g_assert_null (pamong_service_request_get_tracking_number (nameless));
  g_assert_null (pamong_service_request_get_due_date (nameless));
}

static void
test_happy_path (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongServiceRequest) request = submit (f, "2026-05-04T10:00:00+07:00");
  g_autoptr(GPtrArray) events = NULL;
  const PamongRequestStatus path[] = {
    PAMONG_REQUEST_STATUS_VERIFIED, PAMONG_REQUEST_STATUS_IN_PROGRESS, PAMONG_REQUEST_STATUS_COMPLETED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      g_autofree char *note = g_strdup_printf ("langkah %u", i + 1);

      g_assert_true (pamong_request_workflow_transition (f->store, request, path[i], "Budi", note, &error));
      g_assert_no_error (error);
      g_assert_cmpint (stored_status (f, request), ==, path[i]);
    }
  g_assert_nonnull (pamong_service_request_get_completed_at (request));
  g_assert_null (pamong_service_request_get_reject_reason (request));

  events = pamong_request_workflow_list_events (f->store, pamong_record_get_uuid (PAMONG_RECORD (request)), &error);
  g_assert_cmpuint (events->len, ==, 4);
  g_assert_cmpint (pamong_request_event_get_kind (g_ptr_array_index (events, 0)), ==, PAMONG_EVENT_KIND_CREATED);
  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      PamongRequestEvent *event = g_ptr_array_index (events, i + 1);
      g_autofree char *note = g_strdup_printf ("langkah %u", i + 1);

      g_assert_cmpint (pamong_request_event_get_kind (event), ==, PAMONG_EVENT_KIND_STATUS);
      g_assert_cmpint (pamong_request_event_get_from_status (event), ==,
                       i == 0 ? PAMONG_REQUEST_STATUS_SUBMITTED : path[i - 1]);
      g_assert_cmpint (pamong_request_event_get_to_status (event), ==, path[i]);
      g_assert_cmpstr (pamong_request_event_get_author (event), ==, "Budi");
      g_assert_cmpstr (pamong_request_event_get_note (event), ==, note);
    }

  /* final: nothing more, a comment still can be added */
  g_assert_false (pamong_request_workflow_transition (f->store, request, PAMONG_REQUEST_STATUS_REJECTED,
                                                      "Budi", "terlambat", &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "already closed"));
  g_clear_error (&error);
  g_assert_true (pamong_request_workflow_comment (f->store, request, "Budi", "Dokumen sudah diambil", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (f, request), ==, 5);
}

static void
test_refused_transitions (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongServiceRequest) request = submit (f, "2026-05-04T10:00:00+07:00");
  gint64 changes = pamong_record_get_change_count (PAMONG_RECORD (request));

  /* work does not start before verification */
  g_assert_false (pamong_request_workflow_transition (f->store, request, PAMONG_REQUEST_STATUS_IN_PROGRESS,
                                                      "Budi", NULL, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "cannot become “In progress” directly"));
  g_clear_error (&error);

  g_assert_false (pamong_request_workflow_transition (f->store, request, PAMONG_REQUEST_STATUS_COMPLETED,
                                                      "Budi", NULL, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_false (pamong_request_workflow_transition (f->store, request, PAMONG_REQUEST_STATUS_SUBMITTED,
                                                      "Budi", NULL, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "already “Submitted”"));
  g_clear_error (&error);

  /* a rejection needs its reason */
  g_assert_false (pamong_request_workflow_transition (f->store, request, PAMONG_REQUEST_STATUS_REJECTED,
                                                      "Budi", "  ", &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD);
  g_clear_error (&error);

  /* nothing changed, nothing recorded */
  g_assert_cmpint (pamong_service_request_get_status (request), ==, PAMONG_REQUEST_STATUS_SUBMITTED);
  g_assert_cmpint (pamong_record_get_change_count (PAMONG_RECORD (request)), ==, changes);
  g_assert_cmpint (stored_status (f, request), ==, PAMONG_REQUEST_STATUS_SUBMITTED);
  g_assert_cmpuint (count_events (f, request), ==, 1);

  /* verified, then back to submitted: refused */
  g_assert_true (pamong_request_workflow_transition (f->store, request, PAMONG_REQUEST_STATUS_VERIFIED,
                                                     "Budi", NULL, &error));
  g_assert_false (pamong_request_workflow_transition (f->store, request, PAMONG_REQUEST_STATUS_SUBMITTED,
                                                      "Budi", NULL, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_cmpuint (count_events (f, request), ==, 2);
}

static void
test_reject (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const PamongRequestStatus before[] = {
    PAMONG_REQUEST_STATUS_SUBMITTED, PAMONG_REQUEST_STATUS_VERIFIED, PAMONG_REQUEST_STATUS_IN_PROGRESS,
  };

  /* from each open status */
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    {
      g_autoptr(PamongServiceRequest) request = submit (f, "2026-05-04T10:00:00+07:00");
      g_autoptr(GPtrArray) events = NULL;
      PamongRequestEvent *last;

      for (guint j = 1; j <= i; j++)
        g_assert_true (pamong_request_workflow_transition (f->store, request, before[j], "Budi", NULL, &error));
      g_assert_true (pamong_request_workflow_transition (f->store, request, PAMONG_REQUEST_STATUS_REJECTED,
                                                         "Budi", "  KK asli tidak dibawa ", &error));
      g_assert_no_error (error);
      g_assert_cmpstr (pamong_service_request_get_reject_reason (request), ==, "KK asli tidak dibawa");
      g_assert_null (pamong_service_request_get_completed_at (request));
      g_assert_cmpint (stored_status (f, request), ==, PAMONG_REQUEST_STATUS_REJECTED);

      events = pamong_request_workflow_list_events (f->store, pamong_record_get_uuid (PAMONG_RECORD (request)), &error);
      g_assert_cmpuint (events->len, ==, i + 2);
      last = g_ptr_array_index (events, events->len - 1);
      g_assert_cmpint (pamong_request_event_get_from_status (last), ==, before[i]);
      g_assert_cmpint (pamong_request_event_get_to_status (last), ==, PAMONG_REQUEST_STATUS_REJECTED);
      g_assert_false (pamong_request_is_overdue (request, NULL));
    }
}

static void
test_assign_and_comment (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongServiceRequest) request = submit (f, "2026-05-04T10:00:00+07:00");
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *missing = g_uuid_string_random ();
  PamongRequestEvent *assigned;

  g_assert_true (pamong_request_workflow_assign (f->store, request,
                                                 pamong_record_get_uuid (PAMONG_RECORD (f->kecamatan)),
                                                 "Budi", "Diteruskan ke kecamatan", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pamong_service_request_get_unit (request), ==,
                   pamong_record_get_uuid (PAMONG_RECORD (f->kecamatan)));

  /* the same unit again, a unit that does not exist */
  g_assert_false (pamong_request_workflow_assign (f->store, request,
                                                  pamong_record_get_uuid (PAMONG_RECORD (f->kecamatan)),
                                                  "Budi", NULL, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (pamong_request_workflow_assign (f->store, request, missing, "Budi", NULL, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpstr (pamong_service_request_get_unit (request), ==,
                   pamong_record_get_uuid (PAMONG_RECORD (f->kecamatan)));

  g_assert_false (pamong_request_workflow_comment (f->store, request, "Budi", "", &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD);
  g_clear_error (&error);
  g_assert_true (pamong_request_workflow_comment (f->store, request, "Siti", "Pemohon menelepon", &error));

  events = pamong_request_workflow_list_events (f->store, pamong_record_get_uuid (PAMONG_RECORD (request)), &error);
  g_assert_cmpuint (events->len, ==, 3);
  assigned = g_ptr_array_index (events, 1);
  g_assert_cmpint (pamong_request_event_get_kind (assigned), ==, PAMONG_EVENT_KIND_ASSIGNED);
  g_assert_cmpstr (pamong_request_event_get_note (assigned), ==, "Diteruskan ke kecamatan");
  g_assert_cmpint (pamong_request_event_get_kind (g_ptr_array_index (events, 2)), ==, PAMONG_EVENT_KIND_COMMENT);

  /* closed requests stay where they are */
  g_assert_true (pamong_request_workflow_transition (f->store, request, PAMONG_REQUEST_STATUS_REJECTED,
                                                     "Budi", "Bukan kewenangan", &error));
  g_assert_false (pamong_request_workflow_assign (f->store, request,
                                                  pamong_record_get_uuid (PAMONG_RECORD (f->dindukcapil)),
                                                  "Budi", NULL, &error));
  g_assert_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA);
}

/* The request and its event are saved in one transaction: when that
 * transaction fails, neither is stored. */
static void
test_request_and_event_are_one_transaction (Fixture       *f,
                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongServiceRequest) request = submit (f, "2026-05-04T10:00:00+07:00");
  g_autoptr(PamongServiceRequest) unsaved = pamong_service_request_new ();

  /* an event for a request that is not in the store breaks the foreign key
   * at commit: nothing is kept */
  g_assert_false (pamong_request_workflow_comment (f->store, unsaved, "Budi", "hilang", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (count_events (f, unsaved), ==, 0);

  /* a transition inside a caller's transaction that then fails is undone
   * with it: request and event together */
  g_assert_true (pamong_store_begin (f->store, &error));
  g_assert_true (pamong_request_workflow_transition (f->store, request, PAMONG_REQUEST_STATUS_VERIFIED,
                                                     "Budi", NULL, &error));
  g_assert_true (pamong_request_workflow_comment (f->store, unsaved, "Budi", "hilang", &error));
  g_assert_false (pamong_store_commit (f->store, &error));
  g_clear_error (&error);
  g_assert_cmpint (stored_status (f, request), ==, PAMONG_REQUEST_STATUS_SUBMITTED);
  g_assert_cmpuint (count_events (f, request), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pamong/requests/workflow/transition-table", test_transition_table);
#define ADD(path, func) \
  g_test_add ("/pamong/requests/workflow/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("submit-fills-number-due-date-unit-and-event", test_submit);
  ADD ("submitted-verified-in-progress-completed", test_happy_path);
  ADD ("invalid-transitions-are-refused-and-change-nothing", test_refused_transitions);
  ADD ("rejected-with-a-reason-from-each-open-status", test_reject);
  ADD ("assignment-and-comments-are-events", test_assign_and_comment);
  ADD ("request-and-event-are-one-transaction", test_request_and_event_are_one_transaction);
#undef ADD

  return g_test_run ();
}
