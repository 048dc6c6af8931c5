/* pamong-error.h — the error domain of Pamong's core
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PAMONG_ERROR (pamong_error_quark ())

/**
 * PamongError:
 * @PAMONG_ERROR_FAILED: something went wrong that has no better code
 * @PAMONG_ERROR_INVALID_DATA: input (JSON, CSV, a form) is malformed or ill-typed
 * @PAMONG_ERROR_MISSING_FIELD: a required field is absent or null
 * @PAMONG_ERROR_NOT_FOUND: the record, file or resource does not exist
 * @PAMONG_ERROR_STORE: the local database failed
 * @PAMONG_ERROR_SCHEMA_TOO_NEW: the database was written by a newer Pamong
 * @PAMONG_ERROR_FRAMEWORK: an evaluation framework file is inconsistent
 * @PAMONG_ERROR_UNAUTHORIZED: no valid credentials (log in again)
 * @PAMONG_ERROR_FORBIDDEN: the user's role or unit does not allow this
 * @PAMONG_ERROR_PRECONDITION_FAILED: the record changed since the caller read it
 * @PAMONG_ERROR_CONFLICT: the write clashes with existing data
 * @PAMONG_ERROR_TOO_LARGE: the input is larger than allowed
 * @PAMONG_ERROR_RATE_LIMITED: too many attempts; try again later
 * @PAMONG_ERROR_OTP_REQUIRED: the password is right, but the account also
 *   needs a one-time code from its authenticator app; log in again with it
 *
 * Error codes in the %PAMONG_ERROR domain.
 */
typedef enum
{
  PAMONG_ERROR_FAILED,
  PAMONG_ERROR_INVALID_DATA,
  PAMONG_ERROR_MISSING_FIELD,
  PAMONG_ERROR_NOT_FOUND,
  PAMONG_ERROR_STORE,
  PAMONG_ERROR_SCHEMA_TOO_NEW,
  PAMONG_ERROR_FRAMEWORK,
  PAMONG_ERROR_UNAUTHORIZED,
  PAMONG_ERROR_FORBIDDEN,
  PAMONG_ERROR_PRECONDITION_FAILED,
  PAMONG_ERROR_CONFLICT,
  PAMONG_ERROR_TOO_LARGE,
  PAMONG_ERROR_RATE_LIMITED,
  PAMONG_ERROR_OTP_REQUIRED,
} PamongError;

GQuark pamong_error_quark (void);

G_END_DECLS
