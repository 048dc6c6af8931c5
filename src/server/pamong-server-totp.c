/* pamong-server-totp.c — one-time codes (TOTP, RFC 6238) for the admin routes
 *
 * The admin routes need a session opened with a password and a one-time
 * code (OWASP ASVS 4.3.1). The code is TOTP as authenticator apps make it:
 * HMAC-SHA1 over the 30-second time step (RFC 4226's HOTP with the step
 * as its counter), six digits. A secret is enrolled only from the server's
 * command line (pamong-server --enroll-totp), so a stolen password cannot
 * add a factor of its own. Each code works once: the last step accepted is
 * kept, and a code of that step or an earlier one is refused.
 *
 * The secret has to be kept readable (the server computes the codes), so
 * unlike passwords and tokens it is in the database as it is: whoever can
 * read the database file can compute codes, as whoever can run
 * --enroll-totp can replace them.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-server"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "pamong-error.h"
#include "pamong-store-sql.h"

#include "pamong-server-totp.h"

#define SHA1_BYTES 20

static const char base32_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/**
 * pamong_server_base32_encode:
 * @data: bytes
 * @length: how many
 *
 * Returns: (transfer full): @data in RFC 4648 base32, upper case, without
 *   padding (as otpauth:// URIs carry it)
 */
char *
pamong_server_base32_encode (const guint8 *data,
                             gsize         length)
{
  GString *text = g_string_sized_new ((length * 8 + 4) / 5);
  guint32 buffer = 0;
  guint bits = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  for (gsize i = 0; i < length; i++)
    {
      buffer = (buffer << 8) | data[i];
      bits += 8;
      while (bits >= 5)
        {
          bits -= 5;
          g_string_append_c (text, base32_alphabet[(buffer >> bits) & 0x1f]);
        }
    }
  if (bits > 0)
    g_string_append_c (text, base32_alphabet[(buffer << (5 - bits)) & 0x1f]);

  return g_string_free (text, FALSE);
}

/**
 * pamong_server_base32_decode:
 * @text: RFC 4648 base32; either case, with or without "=" padding
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the bytes, or %NULL with
 *   %PAMONG_ERROR_INVALID_DATA
 */
GBytes *
pamong_server_base32_decode (const char  *text,
                             GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint32 buffer = 0;
  guint bits = 0;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  for (p = text; *p != '\0' && *p != '='; p++)
    {
      const char *found = strchr (base32_alphabet, g_ascii_toupper (*p));

      if (found == NULL)
        {
          g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                               _("A TOTP secret is not valid base32 text."));
          return NULL;
        }
      buffer = (buffer << 5) | (guint32) (found - base32_alphabet);
      bits += 5;
      if (bits >= 8)
        {
          guint8 byte;

          bits -= 8;
          byte = (guint8) ((buffer >> bits) & 0xff);
          g_byte_array_append (bytes, &byte, 1);
        }
    }
  for (; *p == '='; p++)
    ;
  if (*p != '\0')
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("A TOTP secret is not valid base32 text."));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * pamong_server_hotp:
 * @secret: the shared secret
 * @secret_length: its length in bytes
 * @counter: the counter (for TOTP, the time step)
 * @digits: 6 to 8
 *
 * RFC 4226: HMAC-SHA1 of the counter as 8 big-endian bytes, dynamically
 * truncated to 31 bits, the last @digits decimal digits of that.
 *
 * Returns: (transfer full): the code, @digits long with leading zeros
 */
char *
pamong_server_hotp (const guint8 *secret,
                    gsize         secret_length,
                    guint64       counter,
                    guint         digits)
{
  g_autoptr(GHmac) hmac = NULL;
  guint8 message[8];
  guint8 digest[SHA1_BYTES];
  gsize digest_length = sizeof digest;
  guint32 binary;
  guint32 modulus = 1;
  guint offset;

  g_return_val_if_fail (secret != NULL, NULL);
  g_return_val_if_fail (digits >= 6 && digits <= 8, NULL);

  for (guint i = 0; i < 8; i++)
    message[i] = (guint8) (counter >> (8 * (7 - i)));

  hmac = g_hmac_new (G_CHECKSUM_SHA1, secret, secret_length);
  g_hmac_update (hmac, message, sizeof message);
  g_hmac_get_digest (hmac, digest, &digest_length);
  g_assert (digest_length == SHA1_BYTES);

  offset = digest[SHA1_BYTES - 1] & 0x0f;
  binary = ((guint32) (digest[offset] & 0x7f) << 24)
           | ((guint32) digest[offset + 1] << 16)
           | ((guint32) digest[offset + 2] << 8)
           | (guint32) digest[offset + 3];
  sodium_memzero (digest, sizeof digest);

  for (guint i = 0; i < digits; i++)
    modulus *= 10;

  return g_strdup_printf ("%0*u", (int) digits, binary % modulus);
}

/**
 * pamong_server_totp_step:
 * @unix_seconds: a time, in seconds since 1970 (UTC)
 *
 * Returns: its RFC 6238 time step (T0 = 0, PAMONG_SERVER_TOTP_PERIOD seconds)
 */
gint64
pamong_server_totp_step (gint64 unix_seconds)
{
  gint64 step = unix_seconds / PAMONG_SERVER_TOTP_PERIOD;

  /* Floor, also before 1970. */
  if (unix_seconds < 0 && unix_seconds % PAMONG_SERVER_TOTP_PERIOD != 0)
    step--;

  return step;
}

/**
 * pamong_server_totp_uri:
 * @username: the account
 * @secret_base32: its secret
 *
 * Returns: (transfer full): `otpauth://totp/Pamong:USER?secret=…&issuer=Pamong`,
 *   the key URI authenticator apps import (SHA-1, 6 digits and 30 seconds
 *   are their defaults, so they are not spelt out)
 */
char *
pamong_server_totp_uri (const char *username,
                        const char *secret_base32)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (username != NULL, NULL);
  g_return_val_if_fail (secret_base32 != NULL, NULL);

  /* Account names are A–Z a–z 0–9 . _ - @; escaped anyway. */
  label = g_uri_escape_string (username, NULL, FALSE);

  return g_strdup_printf ("otpauth://totp/%s:%s?secret=%s&issuer=%s",
                          PAMONG_SERVER_TOTP_ISSUER, label, secret_base32,
                          PAMONG_SERVER_TOTP_ISSUER);
}

/**
 * pamong_server_totp_verify:
 * @secret_base32: the account's secret
 * @code: (nullable): the code the client sent
 * @now_step: the server's current time step
 * @last_step: the last step accepted for the account, or -1 for none
 * @matched_step: (out) (optional): the step the code belongs to
 *
 * Tries every step from @now_step − PAMONG_SERVER_TOTP_WINDOW to
 * @now_step + PAMONG_SERVER_TOTP_WINDOW that is later than @last_step,
 * comparing in constant time. When two steps match (a one-in-a-million
 * coincidence), the later one counts.
 *
 * Returns: whether @code is good now
 */
gboolean
pamong_server_totp_verify (const char *secret_base32,
                           const char *code,
                           gint64      now_step,
                           gint64      last_step,
                           gint64     *matched_step)
{
  g_autoptr(GBytes) secret = NULL;
  gint64 matched = -1;
  gsize length;

  g_return_val_if_fail (secret_base32 != NULL, FALSE);

  if (code == NULL || strlen (code) != PAMONG_SERVER_TOTP_DIGITS)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  secret = pamong_server_base32_decode (secret_base32, NULL);
  if (secret == NULL || g_bytes_get_size (secret) == 0)
    return FALSE;

  for (gint64 step = now_step - PAMONG_SERVER_TOTP_WINDOW;
       step <= now_step + PAMONG_SERVER_TOTP_WINDOW; step++)
    {
      g_autofree char *expected = NULL;

      if (step < 0 || step <= last_step)
        continue;

      expected = pamong_server_hotp (g_bytes_get_data (secret, &length),
                                     g_bytes_get_size (secret), (guint64) step,
                                     PAMONG_SERVER_TOTP_DIGITS);
      if (sodium_memcmp (expected, code, PAMONG_SERVER_TOTP_DIGITS) == 0)
        matched = step;
    }

  if (matched < 0)
    return FALSE;

  if (matched_step != NULL)
    *matched_step = matched;
  return TRUE;
}

/* ---- the accounts' secrets ---------------------------------------------- */

/* Ends the sessions of @username that a one-time code opened: they were
 * proved with a factor that is now replaced or gone. */
static gboolean
delete_mfa_tokens_of (PamongStore  *store,
                      const char   *username,
                      GError      **error)
{
  return pamong_store_exec_param (store,
                                  "DELETE FROM server_tokens WHERE username = ?1 AND mfa <> 0",
                                  username, _("Could not revoke an account’s sessions"), error);
}

static void
set_no_account (const char  *username,
                GError     **error)
{
  g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
               _("There is no account “%s”."), username);
}

/**
 * pamong_server_totp_enroll:
 * @store: the server's store
 * @username: an account's name
 * @error: return location for a #GError
 *
 * Gives the account a new random secret of
 * %PAMONG_SERVER_TOTP_SECRET_BYTES, replacing any it had, and ends the
 * account's sessions that were opened with a one-time code.
 *
 * Returns: (transfer full): the secret in base32, to show once, or %NULL
 *   with @error set (%PAMONG_ERROR_NOT_FOUND for no such account)
 */
char *
pamong_server_totp_enroll (PamongStore  *store,
                           const char   *username,
                           GError      **error)
{
  g_autoptr(PamongStoreStmt) stmt = NULL;
  g_autofree char *secret_text = NULL;
  guint8 secret[PAMONG_SERVER_TOTP_SECRET_BYTES];

  g_return_val_if_fail (PAMONG_IS_STORE (store), NULL);
  g_return_val_if_fail (username != NULL, NULL);

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                           _("The cryptography library (libsodium) could not be initialised."));
      return NULL;
    }

  randombytes_buf (secret, sizeof secret);
  secret_text = pamong_server_base32_encode (secret, sizeof secret);
  sodium_memzero (secret, sizeof secret);

  if (!pamong_store_begin (store, error))
    return NULL;

  stmt = pamong_store_prepare (store,
                               "UPDATE server_users SET totp_secret = ?2, totp_last_step = NULL "
                               "WHERE username = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, secret_text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      pamong_store_set_sql_error (store, error, _("Could not update an account"));
      goto fail;
    }
  g_clear_pointer (&stmt, pamong_store_release);
  if (sqlite3_changes (pamong_store_get_db (store)) == 0)
    {
      set_no_account (username, error);
      goto fail;
    }

  if (!delete_mfa_tokens_of (store, username, error))
    goto fail;
  if (!pamong_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&secret_text);

fail:
  g_clear_pointer (&stmt, pamong_store_release);
  pamong_store_rollback (store);
  return NULL;
}

/**
 * pamong_server_totp_reset:
 * @store: the server's store
 * @username: an account's name
 * @removed: (out) (optional): whether the account had a secret
 * @error: return location for a #GError
 *
 * Removes the account's secret (it logs in with its password alone again,
 * and reaches no admin route) and ends its sessions that were opened with
 * a one-time code.
 *
 * Returns: %TRUE on success; %PAMONG_ERROR_NOT_FOUND for no such account
 */
gboolean
pamong_server_totp_reset (PamongStore  *store,
                          const char   *username,
                          gboolean     *removed,
                          GError      **error)
{
  gint64 count = 0;

  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);
  g_return_val_if_fail (username != NULL, FALSE);

  if (!pamong_store_begin (store, error))
    return FALSE;

  if (!pamong_store_query_int64 (store, "SELECT count(*) FROM server_users WHERE username = ?1",
                                 username, &count, NULL, _("Could not read an account"), error))
    goto fail;
  if (count == 0)
    {
      set_no_account (username, error);
      goto fail;
    }

  if (!pamong_store_exec_param (store,
                                "UPDATE server_users SET totp_secret = NULL, "
                                "totp_last_step = NULL "
                                "WHERE username = ?1 AND totp_secret IS NOT NULL",
                                username, _("Could not update an account"), error))
    goto fail;
  if (removed != NULL)
    *removed = sqlite3_changes (pamong_store_get_db (store)) > 0;

  if (!delete_mfa_tokens_of (store, username, error))
    goto fail;

  return pamong_store_commit (store, error);

fail:
  pamong_store_rollback (store);
  return FALSE;
}

/**
 * pamong_server_totp_use_step:
 * @store: the server's store
 * @username: an account with a secret
 * @step: the step of a code just verified
 * @accepted: (out): whether @step was later than every step used before
 * @error: return location for a #GError
 *
 * Marks @step used, so its code cannot open a second session. The check
 * and the update are one statement: of two logins with the same code,
 * one wins.
 *
 * Returns: %TRUE unless the store failed
 */
gboolean
pamong_server_totp_use_step (PamongStore  *store,
                             const char   *username,
                             gint64        step,
                             gboolean     *accepted,
                             GError      **error)
{
  g_autoptr(PamongStoreStmt) stmt = NULL;

  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);
  g_return_val_if_fail (username != NULL, FALSE);
  g_return_val_if_fail (accepted != NULL, FALSE);

  stmt = pamong_store_prepare (store,
                               "UPDATE server_users SET totp_last_step = ?2 "
                               "WHERE username = ?1 AND totp_secret IS NOT NULL "
                               "AND (totp_last_step IS NULL OR totp_last_step < ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, step);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      pamong_store_set_sql_error (store, error, _("Could not update an account"));
      return FALSE;
    }

  *accepted = sqlite3_changes (pamong_store_get_db (store)) > 0;
  return TRUE;
}
