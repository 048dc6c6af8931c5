/* pamong-tracking.h — tracking numbers a citizen can read out
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pamong-store.h"

G_BEGIN_DECLS

/*
 * A tracking number reads "7K3M-260319-0042-X" (docs/tracking-numbers.md):
 *
 *   7K3M    the device code: 4 characters of Crockford's base 32 (digits and
 *           letters without I, L, O, U), chosen at random once per store and
 *           kept in the store's meta ("tracking-device"); or assigned with
 *           pamong_tracking_set_device_code()
 *   260319  the submission date in WIB, YYMMDD
 *   0042    the device's sequence that day, 0001..9999 (meta
 *           "tracking-sequence-YYMMDD", saved in the caller's transaction
 *           together with the request)
 *   X       a check character (Damm's algorithm over GF(32)): any one
 *           mistyped character and any two swapped neighbours are caught
 *
 * Two laptops working offline never produce the same number unless they
 * share a device code; with random codes that is about one pair in a
 * million (32^4 codes). Parsing is forgiving the way people type: lower
 * case, spaces or no dashes, O for 0, I and L for 1.
 */

#define PAMONG_TRACKING_DEVICE_CODE_LENGTH 4
/* "7K3M-260319-0042-X" */
#define PAMONG_TRACKING_LENGTH 18

/**
 * PamongTrackingInfo:
 * @device_code: the device code, upper case, NUL-terminated
 * @date: the submission date (valid)
 * @sequence: the device's sequence number that day, 1..9999
 *
 * What a tracking number says.
 */
typedef struct
{
  char  device_code[PAMONG_TRACKING_DEVICE_CODE_LENGTH + 1];
  GDate date;
  guint sequence;
} PamongTrackingInfo;

/* Formats a number in canonical form, with its check character. */
char     *pamong_tracking_format             (const char          *device_code,
                                              const GDate         *date,
                                              guint                sequence);
/* Parses and validates; @info may be NULL. PAMONG_ERROR_INVALID_DATA with a
 * translated message that says what is wrong (length, a character that is
 * not used in tracking numbers, an impossible date, the check character). */
gboolean  pamong_tracking_parse              (const char          *text,
                                              PamongTrackingInfo  *info,
                                              GError             **error);
/* The canonical form of what a person typed ("7k3m 260319 0o42x" ->
 * "7K3M-260319-0042-X"), or NULL and an error as pamong_tracking_parse(). */
char     *pamong_tracking_normalize          (const char          *text,
                                              GError             **error);
gboolean  pamong_tracking_is_valid           (const char          *text);
gboolean  pamong_tracking_is_valid_device_code (const char        *code);

/* The store's device code, generated and saved on first use. */
char     *pamong_tracking_get_device_code    (PamongStore         *store,
                                              GError             **error);
/* Sets the store's device code (e.g. one the administrator assigned), upper
 * case or normalised; PAMONG_ERROR_INVALID_DATA if it is not 4 characters
 * of the alphabet. Numbers already issued keep their old code. */
gboolean  pamong_tracking_set_device_code    (PamongStore         *store,
                                              const char          *code,
                                              GError             **error);
/* Issues the next number for a request submitted at @when (NULL: now) and
 * records the sequence in the store's meta. Call it inside the transaction
 * that saves the request (pamong_request_workflow_submit() does) so a
 * rollback gives the number back. PAMONG_ERROR_TOO_LARGE after 9999 numbers
 * in one day on one device. */
char     *pamong_tracking_next               (PamongStore         *store,
                                              GDateTime           *when,
                                              GError             **error);

G_END_DECLS
