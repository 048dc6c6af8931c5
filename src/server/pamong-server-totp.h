/* pamong-server-totp.h — one-time codes (TOTP, RFC 6238) for the admin routes
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pamong-store.h"

G_BEGIN_DECLS

/** The bytes of a TOTP secret (RFC 4226 recommends 160 bits). */
#define PAMONG_SERVER_TOTP_SECRET_BYTES 20
/** The length of a time step, in seconds. */
#define PAMONG_SERVER_TOTP_PERIOD 30
/** The digits of a code as the server asks for it. */
#define PAMONG_SERVER_TOTP_DIGITS 6
/** How many steps a code may be before or after the server's clock. */
#define PAMONG_SERVER_TOTP_WINDOW 1

/* The issuer shown by authenticator apps. */
#define PAMONG_SERVER_TOTP_ISSUER "Pamong"

/* The algorithm (no store, no clock): RFC 4648 base32 and RFC 4226 / 6238
 * codes with HMAC-SHA1. */
char     *pamong_server_base32_encode  (const guint8  *data,
                                        gsize          length);
GBytes   *pamong_server_base32_decode  (const char    *text,
                                        GError       **error);
/* The HOTP value of @counter, @digits (6 to 8) long, with leading zeros. */
char     *pamong_server_hotp           (const guint8  *secret,
                                        gsize          secret_length,
                                        guint64        counter,
                                        guint          digits);
/* The time step of @unix_seconds: floor (@unix_seconds / PERIOD). */
gint64    pamong_server_totp_step      (gint64         unix_seconds);
/* The otpauth:// URI an authenticator app reads (usually as a QR code). */
char     *pamong_server_totp_uri       (const char    *username,
                                        const char    *secret_base32);
/* Whether @code is the code of a step within PAMONG_SERVER_TOTP_WINDOW of
 * @now_step and later than @last_step (-1: none yet); *@matched_step gets
 * that step. Compared in constant time. */
gboolean  pamong_server_totp_verify    (const char    *secret_base32,
                                        const char    *code,
                                        gint64         now_step,
                                        gint64         last_step,
                                        gint64        *matched_step);

/* The accounts' secrets (the server_users table). */
char     *pamong_server_totp_enroll    (PamongStore   *store,
                                        const char    *username,
                                        GError       **error);
gboolean  pamong_server_totp_reset     (PamongStore   *store,
                                        const char    *username,
                                        gboolean      *removed,
                                        GError       **error);
/* Records @step as used, unless a step as late or later already is;
 * *@accepted tells which. */
gboolean  pamong_server_totp_use_step  (PamongStore   *store,
                                        const char    *username,
                                        gint64         step,
                                        gboolean      *accepted,
                                        GError       **error);

G_END_DECLS
