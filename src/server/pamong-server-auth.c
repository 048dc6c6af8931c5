/* pamong-server-auth.c — accounts, bearer tokens, API keys and the auth endpoints
 *
 * Passwords are kept as argon2id hashes (libsodium's crypto_pwhash_str).
 * A login answers a token of 256 random bits; the database keeps only its
 * SHA-256, so a copy of the database opens no session. Failed logins are
 * counted in memory per username and per client address, in a bounded
 * table, and answered 429 past a limit. Open311 API keys are random too
 * and kept hashed the same way. An account with a TOTP secret
 * (pamong-server-totp.c) logs in with a one-time code as well, and only
 * such a session (its token's "mfa" flag) reaches the admin routes.
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-server"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "pamong-enum-types.h"
#include "pamong-error.h"
#include "pamong-query.h"
#include "pamong-record.h"
#include "pamong-store-sql.h"
#include "pamong-unit.h"

#include "pamong-server-auth.h"
#include "pamong-server-totp.h"

/* 32 random bytes in unpadded base64url: 43 characters. */
#define TOKEN_BYTES 32
#define TOKEN_LENGTH 43
#define SHA256_HEX_LENGTH (crypto_hash_sha256_BYTES * 2)

/* Prefix of Open311 API keys, so a leaked one is recognisable. */
#define API_KEY_PREFIX "pk_"

#define USERNAME_MAX_LENGTH 64
#define PASSWORD_MAX_BYTES 1024

/* The failed-login table never holds more entries than this. */
#define MAX_TRACKED_LOGINS 10000

G_DEFINE_QUARK (pamong-server-auth-error-quark, pamong_server_auth_error)

/* ---- libsodium ---------------------------------------------------------- */

static gboolean
ensure_sodium (GError **error)
{
  static gsize initialised = 0;
  static gboolean ready = FALSE;

  if (g_once_init_enter (&initialised))
    {
      ready = sodium_init () >= 0;
      g_once_init_leave (&initialised, 1);
    }

  if (!ready)
    g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                         _("The cryptography library (libsodium) could not be initialised."));
  return ready;
}

static void
hash_parameters (unsigned long long *opslimit,
                 size_t             *memlimit)
{
  static gsize warned = 0;

  if (g_strcmp0 (g_getenv ("PAMONG_SERVER_FAST_HASH"), "1") == 0)
    {
      if (g_once_init_enter (&warned))
        {
          /* Not g_warning(): the test suites make warnings fatal. */
          g_message ("PAMONG_SERVER_FAST_HASH=1: passwords are hashed with argon2id's "
                     "minimum cost. This is for tests only; never run a real server so.");
          g_once_init_leave (&warned, 1);
        }
      *opslimit = crypto_pwhash_OPSLIMIT_MIN;
      *memlimit = crypto_pwhash_MEMLIMIT_MIN;
      return;
    }

  *opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  *memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
}

/* The argon2id hash of @password at the given cost. Reads no global
 * state, so it may run in any thread. */
static char *
hash_with_parameters (const char          *password,
                      gsize                length,
                      unsigned long long   opslimit,
                      size_t               memlimit,
                      GError             **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str_alg (hash, password, length, opslimit, memlimit,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                           _("The server ran out of memory while hashing a password."));
      return NULL;
    }

  return g_strdup (hash);
}

/**
 * pamong_server_hash_password:
 * @password: a password
 * @error: return location for a #GError
 *
 * Returns: (transfer full): an argon2id hash string ("$argon2id$…"), or
 *   %NULL with @error set
 */
char *
pamong_server_hash_password (const char  *password,
                             GError     **error)
{
  unsigned long long opslimit;
  size_t memlimit;

  g_return_val_if_fail (password != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  hash_parameters (&opslimit, &memlimit);
  return hash_with_parameters (password, strlen (password), opslimit, memlimit, error);
}

/* SHA-256 of @text in lowercase hex; @hex holds SHA256_HEX_LENGTH + 1. */
static void
sha256_hex (const char *text,
            char        hex[SHA256_HEX_LENGTH + 1])
{
  unsigned char digest[crypto_hash_sha256_BYTES];

  crypto_hash_sha256 (digest, (const unsigned char *) text, strlen (text));
  sodium_bin2hex (hex, SHA256_HEX_LENGTH + 1, digest, sizeof digest);
}

/* TOKEN_BYTES random bytes as unpadded base64url. */
static char *
random_token (void)
{
  unsigned char bytes[TOKEN_BYTES];
  char text[sodium_base64_ENCODED_LEN (TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2base64 (text, sizeof text, bytes, sizeof bytes,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (bytes, sizeof bytes);

  return g_strdup (text);
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return pamong_timestamp_format (now);
}

/* ---- users -------------------------------------------------------------- */

PamongServerUser *
pamong_server_user_new (const char *username,
                        PamongRole  role,
                        const char *unit)
{
  PamongServerUser *user;

  g_return_val_if_fail (username != NULL, NULL);

  user = g_new0 (PamongServerUser, 1);
  user->username = g_strdup (username);
  user->role = role;
  user->unit = g_strdup (unit);

  return user;
}

PamongServerUser *
pamong_server_user_copy (const PamongServerUser *user)
{
  PamongServerUser *copy;

  g_return_val_if_fail (user != NULL, NULL);

  copy = pamong_server_user_new (user->username, user->role, user->unit);
  copy->mfa = user->mfa;

  return copy;
}

void
pamong_server_user_free (PamongServerUser *user)
{
  if (user == NULL)
    return;

  g_free (user->username);
  g_free (user->unit);
  g_free (user);
}

/**
 * pamong_server_user_to_json:
 * @user: a user
 *
 * Returns: (transfer full): `{"username": …, "role": …, "unit": … or null}`
 */
JsonNode *
pamong_server_user_to_json (const PamongServerUser *user)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (user != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, user->username);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, pamong_server_role_to_string (user->role));
  json_builder_set_member_name (builder, "unit");
  if (user->unit != NULL)
    json_builder_add_string_value (builder, user->unit);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
pamong_server_role_to_string (PamongRole role)
{
  switch (role)
    {
    case PAMONG_ROLE_ADMIN:
      return "admin";
    case PAMONG_ROLE_OPERATOR:
      return "operator";
    case PAMONG_ROLE_ASSESSOR:
      return "assessor";
    case PAMONG_ROLE_VIEWER:
      return "viewer";
    default:
      g_return_val_if_reached ("viewer");
    }
}

gboolean
pamong_server_role_from_string (const char *text,
                                PamongRole *role)
{
  static const struct { const char *name; PamongRole role; } roles[] = {
    { "admin", PAMONG_ROLE_ADMIN },
    { "operator", PAMONG_ROLE_OPERATOR },
    { "assessor", PAMONG_ROLE_ASSESSOR },
    { "viewer", PAMONG_ROLE_VIEWER },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (roles); i++)
    if (strcmp (text, roles[i].name) == 0)
      {
        if (role != NULL)
          *role = roles[i].role;
        return TRUE;
      }

  return FALSE;
}

static gboolean
username_is_valid (const char *username)
{
  gsize length;

  if (username == NULL)
    return FALSE;

  length = strlen (username);
  if (length == 0 || length > USERNAME_MAX_LENGTH)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = username[i];

      if (!g_ascii_isalnum (c) && c != '.' && c != '_' && c != '-' && c != '@')
        return FALSE;
    }

  return TRUE;
}

/* The characters of @password (valid UTF-8), every run of white space
 * counted once: twelve spaces are not a long password (OWASP ASVS 2.1.1). */
static glong
password_length (const char *password)
{
  glong length = 0;
  gboolean in_space = FALSE;

  for (const char *p = password; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space || !in_space)
        length++;
      in_space = space;
    }

  return length;
}

/* Passwords long enough for the rule that are still among the first
 * guesses of a dictionary attack (lowercase; OWASP ASVS 2.1.7). Runs of
 * one pattern and stretches of a keyboard row or a count are caught by
 * rule in password_is_guessable(), not listed here. */
static const char *const common_passwords[] = {
  "password1234", "password12345", "password123456", "passwordpassword",
  "p@ssw0rd1234", "passw0rd1234", "qwerty123456", "qwerty12345678", "123456qwerty",
  "qwertyuiop123", "asdfghjkl123", "zaq12wsxcde3", "iloveyou1234", "administrator",
  "administrator1", "admin1234567", "admin12345678", "adminadmin12", "welcome12345",
  "welcome123456", "changeme1234", "letmein12345", "abcd12345678", "abc123456789",
  "123456abcdef", "football1234", "baseball1234", "sunshine1234", "princess1234",
  "superman1234", "dragon123456", "monkey123456", "master123456", "indonesia123",
  "indonesia1234", "bismillah123", "bismillah1234", "rahasia12345", "katasandi123",
  "katasandi1234", "kata-sandi-123", "merdeka12345", "jakarta12345", "sayang123456",
  "cintaku12345", "blorakab1234", "pamong123456", "pamong-admin",
};

/* Keyboard rows and counts, read forwards or backwards. */
static const char *const password_sequences[] = {
  "01234567890123456789", "98765432109876543210",
  "abcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcba",
  "qwertyuiopasdfghjklzxcvbnm", "mnbvcxzlkjhgfdsapoiuytrewq",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm", "1q2w3e4r5t6y7u8i9o0p", "q1w2e3r4t5y6u7i8o9p0",
  "qazwsxedcrfvtgbyhnujmikolp",
};

/* Whether @password is one a guesser tries early: on the list above, one
 * pattern of up to four characters repeated ("abcabcabcabc"), a stretch
 * of a keyboard row or a count ("123456789012"), or the account's name. */
static gboolean
password_is_guessable (const char *password,
                       const char *username)
{
  g_autofree char *lower = g_utf8_strdown (password, -1);
  gsize length = strlen (lower);

  for (gsize period = 1; period <= 4 && period < length; period++)
    {
      gsize i = period;

      while (i < length && lower[i] == lower[i - period])
        i++;
      if (i == length)
        return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (password_sequences); i++)
    if (strstr (password_sequences[i], lower) != NULL)
      return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (common_passwords); i++)
    if (strcmp (lower, common_passwords[i]) == 0)
      return TRUE;

  return username != NULL && g_ascii_strcasecmp (password, username) == 0;
}

/* The password rules (OWASP ASVS 2.1): at least
 * PAMONG_SERVER_PASSWORD_MIN_LENGTH characters (runs of white space count
 * once), at most PASSWORD_MAX_BYTES, any Unicode, no composition rules,
 * and not one of the guesses of password_is_guessable(). */
static gboolean
check_password (const char  *password,
                const char  *username,
                GError     **error)
{
  if (!g_utf8_validate (password, -1, NULL))
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The password is not valid UTF-8 text."));
      return FALSE;
    }
  if (password_length (password) < PAMONG_SERVER_PASSWORD_MIN_LENGTH)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The password is too short: use at least %d character.",
                                "The password is too short: use at least %d characters.",
                                PAMONG_SERVER_PASSWORD_MIN_LENGTH),
                   PAMONG_SERVER_PASSWORD_MIN_LENGTH);
      return FALSE;
    }
  if (strlen (password) > PASSWORD_MAX_BYTES)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The password is too long: use at most %d bytes."),
                   PASSWORD_MAX_BYTES);
      return FALSE;
    }
  if (password_is_guessable (password, username))
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("This password is among the first that attackers try (a common "
                             "password, a repeated pattern, a keyboard row or the account’s "
                             "name); choose another, for example a few unrelated words."));
      return FALSE;
    }

  return TRUE;
}

/**
 * pamong_server_resolve_unit:
 * @store: the server's store
 * @uuid_or_code: a unit's uuid, or its code such as "OPD.07"
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the uuid of the live unit, or %NULL with
 *   %PAMONG_ERROR_NOT_FOUND (or a store error)
 */
char *
pamong_server_resolve_unit (PamongStore  *store,
                            const char   *uuid_or_code,
                            GError      **error)
{
  g_autoptr(PamongRecord) unit = NULL;
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PAMONG_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid_or_code != NULL, NULL);

  unit = pamong_store_lookup (store, PAMONG_TYPE_UNIT, uuid_or_code, &local_error);
  if (unit != NULL && !pamong_record_get_deleted (unit))
    return g_strdup (pamong_record_get_uuid (unit));
  if (local_error != NULL && !g_error_matches (local_error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_clear_error (&local_error);

  query = pamong_query_new (PAMONG_TYPE_UNIT);
  pamong_query_add_filter_string (query, "code", uuid_or_code);
  model = pamong_store_query (store, query, error);
  if (model == NULL)
    return NULL;

  if (g_list_model_get_n_items (model) > 0)
    {
      g_autoptr(PamongRecord) found = g_list_model_get_item (model, 0);

      return g_strdup (pamong_record_get_uuid (found));
    }

  g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
               _("There is no unit “%s”: give a unit’s uuid or its code, e.g. OPD.07."),
               uuid_or_code);
  return NULL;
}

static gboolean
count_admins (PamongStore  *store,
              gint64       *count,
              GError      **error)
{
  return pamong_store_query_int64 (store,
                                   "SELECT count(*) FROM server_users WHERE role = 'admin' "
                                   "AND disabled = 0",
                                   NULL, count, NULL,
                                   _("Could not count the administrators"), error);
}

static gboolean
delete_tokens_of (PamongStore  *store,
                  const char   *username,
                  GError      **error)
{
  return pamong_store_exec_param (store, "DELETE FROM server_tokens WHERE username = ?1",
                                  username, _("Could not revoke an account’s sessions"), error);
}

static PamongServerUser *
user_from_row (sqlite3_stmt *stmt,
               int           first_column)
{
  const char *username = (const char *) sqlite3_column_text (stmt, first_column);
  const char *role_text = (const char *) sqlite3_column_text (stmt, first_column + 1);
  const char *unit = (const char *) sqlite3_column_text (stmt, first_column + 2);
  PamongRole role = PAMONG_ROLE_VIEWER;

  /* The table's CHECK constraint allows only the four names. */
  if (!pamong_server_role_from_string (role_text, &role))
    role = PAMONG_ROLE_VIEWER;

  return pamong_server_user_new (username, role, unit);
}

/**
 * pamong_server_users_lookup:
 * @store: the server's store
 * @username: an account's name
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the account, or %NULL with %PAMONG_ERROR_NOT_FOUND
 */
PamongServerUser *
pamong_server_users_lookup (PamongStore  *store,
                            const char   *username,
                            GError      **error)
{
  g_autoptr(PamongStoreStmt) stmt = NULL;

  g_return_val_if_fail (PAMONG_IS_STORE (store), NULL);
  g_return_val_if_fail (username != NULL, NULL);

  stmt = pamong_store_prepare (store,
                               "SELECT username, role, unit FROM server_users "
                               "WHERE username = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);

  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      return user_from_row (stmt, 0);
    case SQLITE_DONE:
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
                   _("There is no account “%s”."), username);
      return NULL;
    default:
      pamong_store_set_sql_error (store, error, _("Could not read an account"));
      return NULL;
    }
}

static gboolean
users_put_locked (PamongStore  *store,
                  const char   *username,
                  const char   *password_hash,
                  PamongRole    role,
                  const char   *unit,
                  gboolean     *created,
                  GError      **error)
{
  g_autoptr(PamongServerUser) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PamongStoreStmt) stmt = NULL;

  existing = pamong_server_users_lookup (store, username, &local_error);
  if (existing == NULL && !g_error_matches (local_error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (existing == NULL)
    {
      g_autofree char *now = now_text ();

      if (password_hash == NULL)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                       _("The account “%s” does not exist yet: give it a password."),
                       username);
          return FALSE;
        }

      stmt = pamong_store_prepare (store,
                                   "INSERT INTO server_users "
                                   "(username, password_hash, role, unit, created_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, password_hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, pamong_server_role_to_string (role), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, unit, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          pamong_store_set_sql_error (store, error, _("Could not create an account"));
          return FALSE;
        }
      if (created != NULL)
        *created = TRUE;
      return TRUE;
    }

  /* Never leave the server without an administrator. */
  if (existing->role == PAMONG_ROLE_ADMIN && role != PAMONG_ROLE_ADMIN)
    {
      gint64 admins = 0;

      if (!count_admins (store, &admins, error))
        return FALSE;
      if (admins <= 1)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_CONFLICT,
                       _("“%s” is the last administrator; make another account an "
                         "administrator first."), username);
          return FALSE;
        }
    }

  stmt = pamong_store_prepare (store,
                               "UPDATE server_users SET "
                               "password_hash = coalesce (?2, password_hash), "
                               "role = ?3, unit = ?4 WHERE username = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, password_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, pamong_server_role_to_string (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, unit, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      pamong_store_set_sql_error (store, error, _("Could not update an account"));
      return FALSE;
    }
  g_clear_pointer (&stmt, pamong_store_release);

  /* A new password ends every session opened with the old one. */
  if (password_hash != NULL && !delete_tokens_of (store, username, error))
    return FALSE;

  if (created != NULL)
    *created = FALSE;
  return TRUE;
}

static gboolean users_put (PamongStore  *store,
                           const char   *username,
                           const char   *password,
                           gboolean      check_policy,
                           PamongRole    role,
                           const char   *unit,
                           gboolean     *created,
                           GError      **error);

/**
 * pamong_server_users_put:
 * @store: the server's store
 * @username: the account's name: 1 to 64 of the characters A–Z a–z 0–9 . _ - @
 * @password: (nullable): the new password (at least
 *   %PAMONG_SERVER_PASSWORD_MIN_LENGTH characters, runs of white space
 *   counted once, and not a common guess); %NULL keeps an existing
 *   account's password
 * @role: the account's role
 * @unit: (nullable): a unit's uuid or code; required for operators
 * @created: (out) (optional): whether the account is new
 * @error: return location for a #GError
 *
 * Creates or updates an account. A new password revokes the account's
 * tokens. Demoting the last administrator is refused (%PAMONG_ERROR_CONFLICT).
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_server_users_put (PamongStore  *store,
                         const char   *username,
                         const char   *password,
                         PamongRole    role,
                         const char   *unit,
                         gboolean     *created,
                         GError      **error)
{
  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return users_put (store, username, password, TRUE, role, unit, created, error);
}

/* pamong_server_users_put(); @check_policy FALSE skips the password rules
 * (check_password()) — only for the demo accounts, whose documented
 * password "pamong-demo" is served on loopback only. */
static gboolean
users_put (PamongStore  *store,
           const char   *username,
           const char   *password,
           gboolean      check_policy,
           PamongRole    role,
           const char   *unit,
           gboolean     *created,
           GError      **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *unit_uuid = NULL;

  if (!username_is_valid (username))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("“%s” is not a valid account name: use 1 to %d of the characters "
                     "A–Z, a–z, 0–9, “.”, “_”, “-” and “@”."),
                   username != NULL ? username : "", USERNAME_MAX_LENGTH);
      return FALSE;
    }

  if (unit != NULL && *unit != '\0')
    {
      unit_uuid = pamong_server_resolve_unit (store, unit, error);
      if (unit_uuid == NULL)
        {
          /* A missing unit is bad input here, not a missing resource. */
          if (error != NULL && g_error_matches (*error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
            (*error)->code = PAMONG_ERROR_INVALID_DATA;
          return FALSE;
        }
    }
  else if (role == PAMONG_ROLE_OPERATOR)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_MISSING_FIELD,
                   _("An operator account needs a unit: give the uuid or the code of the "
                     "unit whose applications and service requests it manages."));
      return FALSE;
    }

  if (password != NULL)
    {
      if (check_policy && !check_password (password, username, error))
        return FALSE;
      hash = pamong_server_hash_password (password, error);
      if (hash == NULL)
        return FALSE;
    }

  if (!pamong_store_begin (store, error))
    return FALSE;
  if (!users_put_locked (store, username, hash, role, unit_uuid, created, error))
    {
      pamong_store_rollback (store);
      return FALSE;
    }

  return pamong_store_commit (store, error);
}

/**
 * pamong_server_users_delete:
 * @store: the server's store
 * @username: an account's name
 * @error: return location for a #GError
 *
 * Deletes an account and revokes its tokens. %PAMONG_ERROR_NOT_FOUND if
 * there is none; %PAMONG_ERROR_CONFLICT for the last administrator.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_server_users_delete (PamongStore  *store,
                            const char   *username,
                            GError      **error)
{
  g_autoptr(PamongServerUser) existing = NULL;

  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);
  g_return_val_if_fail (username != NULL, FALSE);

  if (!pamong_store_begin (store, error))
    return FALSE;

  existing = pamong_server_users_lookup (store, username, error);
  if (existing == NULL)
    goto fail;

  if (existing->role == PAMONG_ROLE_ADMIN)
    {
      gint64 admins = 0;

      if (!count_admins (store, &admins, error))
        goto fail;
      if (admins <= 1)
        {
          g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_CONFLICT,
                       _("“%s” is the last administrator and cannot be deleted; make "
                         "another account an administrator first."), username);
          goto fail;
        }
    }

  if (!delete_tokens_of (store, username, error))
    goto fail;

  if (!pamong_store_exec_param (store, "DELETE FROM server_users WHERE username = ?1",
                                username, _("Could not delete an account"), error))
    goto fail;

  return pamong_store_commit (store, error);

fail:
  pamong_store_rollback (store);
  return FALSE;
}

/* A hash of a password nobody knows: verifying against it for unknown
 * accounts makes their failures take as long as a wrong password. Made
 * once, at the cost given the first time; safe to call from any thread. */
static const char *
dummy_hash (unsigned long long opslimit,
            size_t             memlimit)
{
  static char *hash = NULL;

  if (g_once_init_enter (&hash))
    {
      unsigned char secret[16];
      char secret_text[sizeof secret * 2 + 1];
      char *computed;

      randombytes_buf (secret, sizeof secret);
      sodium_bin2hex (secret_text, sizeof secret_text, secret, sizeof secret);
      computed = hash_with_parameters (secret_text, strlen (secret_text), opslimit, memlimit,
                                       NULL);
      sodium_memzero (secret, sizeof secret);
      sodium_memzero (secret_text, sizeof secret_text);
      g_once_init_leave (&hash, computed != NULL ? computed : g_strdup ("-"));
    }

  return hash;
}

static void
set_wrong_credentials (GError **error)
{
  g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_UNAUTHORIZED,
                       _("The username or the password is wrong."));
}

/* What checking a password needs from the store: read on the thread that
 * owns the store's connection. */
typedef struct
{
  PamongServerUser *user;      /* NULL: there is no such account */
  char             *hash;      /* its argon2id hash, or NULL */
  gboolean          disabled;
  char             *totp_secret;     /* base32, or NULL: no second factor */
  gint64            totp_last_step;  /* -1: no code used yet */
} Credentials;

#define CREDENTIALS_INIT { NULL, NULL, FALSE, NULL, -1 }

static void
credentials_clear (Credentials *credentials)
{
  g_clear_pointer (&credentials->user, pamong_server_user_free);
  g_clear_pointer (&credentials->hash, g_free);
  credentials->disabled = FALSE;
  if (credentials->totp_secret != NULL)
    {
      sodium_memzero (credentials->totp_secret, strlen (credentials->totp_secret));
      g_clear_pointer (&credentials->totp_secret, g_free);
    }
  credentials->totp_last_step = -1;
}

/* Fills @credentials; an unknown account is no error (user stays NULL). */
static gboolean
credentials_read (PamongStore  *store,
                  const char   *username,
                  Credentials  *credentials,
                  GError      **error)
{
  g_autoptr(PamongStoreStmt) stmt = NULL;
  int step;

  stmt = pamong_store_prepare (store,
                               "SELECT username, role, unit, password_hash, disabled, "
                               "totp_secret, coalesce (totp_last_step, -1) "
                               "FROM server_users WHERE username = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  step = sqlite3_step (stmt);
  if (step == SQLITE_ROW)
    {
      credentials->user = user_from_row (stmt, 0);
      credentials->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      credentials->disabled = sqlite3_column_int (stmt, 4) != 0;
      credentials->totp_secret = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      credentials->totp_last_step = sqlite3_column_int64 (stmt, 6);
    }
  else if (step != SQLITE_DONE)
    {
      pamong_store_set_sql_error (store, error, _("Could not read an account"));
      return FALSE;
    }

  return TRUE;
}

/* The argon2id check itself (the slow part): touches no store and no
 * global state, so it runs in any thread. @hash NULL (no account) checks
 * against the dummy hash, so that an unknown name takes as long as a
 * wrong password. When @renewed is given and the password matches a hash
 * made at another cost (an older default), *@renewed gets a new hash at
 * the current one, for the caller to store. */
static gboolean
password_check (const char          *hash,
                const char          *password,
                gsize                length,
                unsigned long long   opslimit,
                size_t               memlimit,
                char               **renewed)
{
  if (length > PASSWORD_MAX_BYTES)
    return FALSE;

  if (hash == NULL)
    {
      if (crypto_pwhash_str_verify (dummy_hash (opslimit, memlimit), password, length) == 0)
        g_debug ("A password matched the dummy hash");
      return FALSE;
    }

  if (crypto_pwhash_str_verify (hash, password, length) != 0)
    return FALSE;

  if (renewed != NULL && crypto_pwhash_str_needs_rehash (hash, opslimit, memlimit) != 0)
    *renewed = hash_with_parameters (password, length, opslimit, memlimit, NULL);

  return TRUE;
}

/* Stores a renewed hash, unless the password changed meanwhile. */
static void
store_renewed_hash (PamongStore *store,
                    const char  *username,
                    const char  *old_hash,
                    const char  *renewed)
{
  g_autoptr(PamongStoreStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = pamong_store_prepare (store,
                               "UPDATE server_users SET password_hash = ?2 "
                               "WHERE username = ?1 AND password_hash = ?3", &error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, renewed, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, old_hash, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_DONE)
        return;
      pamong_store_set_sql_error (store, &error, _("Could not update an account"));
    }
  g_message ("Could not renew the password hash of %s: %s", username, error->message);
}

/**
 * pamong_server_users_verify:
 * @store: the server's store
 * @username: an account's name
 * @password: its password
 * @error: return location for a #GError
 *
 * Checks a password, synchronously (argon2id takes a good fraction of a
 * second at the production cost: the login endpoint does the same check
 * in a worker thread instead). An unknown account, a disabled one and a
 * wrong password all fail alike, with %PAMONG_ERROR_UNAUTHORIZED. This is
 * the password alone: a one-time code (pamong-server-totp.c) is the login
 * endpoint's to check.
 *
 * Returns: (transfer full): the account, or %NULL
 */
PamongServerUser *
pamong_server_users_verify (PamongStore  *store,
                            const char   *username,
                            const char   *password,
                            GError      **error)
{
  Credentials credentials = CREDENTIALS_INIT;
  g_autofree char *renewed = NULL;
  PamongServerUser *user = NULL;
  unsigned long long opslimit;
  size_t memlimit;

  g_return_val_if_fail (PAMONG_IS_STORE (store), NULL);
  g_return_val_if_fail (username != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;
  if (!credentials_read (store, username, &credentials, error))
    return NULL;

  hash_parameters (&opslimit, &memlimit);
  if (password_check (credentials.user != NULL ? credentials.hash : NULL,
                      password, strlen (password), opslimit, memlimit, &renewed)
      && !credentials.disabled)
    {
      if (renewed != NULL)
        store_renewed_hash (store, username, credentials.hash, renewed);
      user = g_steal_pointer (&credentials.user);
    }
  else
    set_wrong_credentials (error);

  credentials_clear (&credentials);
  return user;
}

/**
 * pamong_server_users_add_demo:
 * @store: a store holding the Blora demo dataset
 * @error: return location for a #GError
 *
 * Creates (or resets) the demo accounts: admin, operator (unit
 * Dinkominfo, code OPD.07), asesor (assessor) and viewer, all with the
 * password %PAMONG_SERVER_DEMO_PASSWORD.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_server_users_add_demo (PamongStore  *store,
                              GError      **error)
{
  static const struct { const char *name; PamongRole role; gboolean unit; } accounts[] = {
    { "admin", PAMONG_ROLE_ADMIN, FALSE },
    { "operator", PAMONG_ROLE_OPERATOR, TRUE },
    { "asesor", PAMONG_ROLE_ASSESSOR, FALSE },
    { "viewer", PAMONG_ROLE_VIEWER, FALSE },
  };
  g_autofree char *dinkominfo = NULL;

  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);

  dinkominfo = pamong_server_resolve_unit (store, "OPD.07", error);
  if (dinkominfo == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    if (!users_put (store, accounts[i].name, PAMONG_SERVER_DEMO_PASSWORD, FALSE,
                    accounts[i].role, accounts[i].unit ? dinkominfo : NULL, NULL, error))
      return FALSE;

  return TRUE;
}

/* ---- API keys ----------------------------------------------------------- */

/**
 * pamong_server_api_key_create:
 * @store: the server's store
 * @label: what the key is for, e.g. "LAPOR! bridge"
 * @created_by: (nullable): the admin who made it
 * @id: (out) (optional): the key's id, for listing and revoking
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the key (shown once; only its hash is kept),
 *   or %NULL with @error set
 */
char *
pamong_server_api_key_create (PamongStore  *store,
                              const char   *label,
                              const char   *created_by,
                              char        **id,
                              GError      **error)
{
  g_autoptr(PamongStoreStmt) stmt = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *key = NULL;
  g_autofree char *key_id = NULL;
  g_autofree char *now = now_text ();
  char hash[SHA256_HEX_LENGTH + 1];

  g_return_val_if_fail (PAMONG_IS_STORE (store), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  secret = random_token ();
  key = g_strconcat (API_KEY_PREFIX, secret, NULL);
  key_id = g_uuid_string_random ();
  sha256_hex (key, hash);

  stmt = pamong_store_prepare (store,
                               "INSERT INTO server_api_keys "
                               "(id, key_hash, label, created_by, created_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, created_by, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      pamong_store_set_sql_error (store, error, _("Could not store an API key"));
      return NULL;
    }

  if (id != NULL)
    *id = g_steal_pointer (&key_id);
  return g_steal_pointer (&key);
}

/**
 * pamong_server_api_key_is_valid:
 * @store: the server's store
 * @key: (nullable): a key as a client sent it
 *
 * Returns: whether @key is an API key that has not been revoked
 */
gboolean
pamong_server_api_key_is_valid (PamongStore *store,
                                const char  *key)
{
  g_autoptr(PamongStoreStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  char hash[SHA256_HEX_LENGTH + 1];
  gboolean valid = FALSE;

  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);

  if (key == NULL || *key == '\0' || strlen (key) > 256 || !ensure_sodium (NULL))
    return FALSE;

  sha256_hex (key, hash);
  stmt = pamong_store_prepare (store,
                               "SELECT key_hash FROM server_api_keys "
                               "WHERE key_hash = ?1 AND revoked = 0", &error);
  if (stmt == NULL)
    {
      g_message ("Could not check an API key: %s", error->message);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *stored = (const char *) sqlite3_column_text (stmt, 0);

      valid = stored != NULL && strlen (stored) == SHA256_HEX_LENGTH
              && sodium_memcmp (stored, hash, SHA256_HEX_LENGTH) == 0;
    }

  return valid;
}

/* ---- tokens and rate limits (per server) -------------------------------- */

typedef struct
{
  guint  failures;
  gint64 window_start;   /* monotonic µs of the first failure of the window */
} Attempts;

typedef struct
{
  GTimeSpan   token_lifetime;
  GHashTable *attempts;  /* "u:NAME" / "a:ADDRESS" -> Attempts */
  guint       logins_in_progress;  /* passwords being checked in a worker thread */
} AuthState;

static GQuark auth_state_quark;

static void
auth_state_free (gpointer data)
{
  AuthState *state = data;

  g_hash_table_unref (state->attempts);
  g_free (state);
}

static AuthState *
get_state (PamongServer *server)
{
  AuthState *state;

  if (auth_state_quark == 0)
    auth_state_quark = g_quark_from_static_string ("pamong-server-auth-state");

  state = g_object_get_qdata (G_OBJECT (server), auth_state_quark);
  if (state == NULL)
    {
      state = g_new0 (AuthState, 1);
      state->token_lifetime = PAMONG_SERVER_DEFAULT_TOKEN_LIFETIME;
      state->attempts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_object_set_qdata_full (G_OBJECT (server), auth_state_quark, state, auth_state_free);
    }

  return state;
}

GTimeSpan
pamong_server_auth_get_token_lifetime (PamongServer *server)
{
  g_return_val_if_fail (PAMONG_IS_SERVER (server), 0);

  return get_state (server)->token_lifetime;
}

/**
 * pamong_server_auth_set_token_lifetime:
 * @server: a server
 * @lifetime: how long new tokens are valid, in microseconds (at least a second)
 *
 * Tokens already handed out keep their expiry.
 */
void
pamong_server_auth_set_token_lifetime (PamongServer *server,
                                       GTimeSpan     lifetime)
{
  g_return_if_fail (PAMONG_IS_SERVER (server));
  g_return_if_fail (lifetime >= G_TIME_SPAN_SECOND);

  get_state (server)->token_lifetime = lifetime;
}

/**
 * pamong_server_auth_get_logins_in_progress:
 * @server: a server
 *
 * Logins check their password in a worker thread while the server goes
 * on answering other requests.
 *
 * Returns: how many logins are having their password checked now
 */
guint
pamong_server_auth_get_logins_in_progress (PamongServer *server)
{
  g_return_val_if_fail (PAMONG_IS_SERVER (server), 0);

  return get_state (server)->logins_in_progress;
}

static void
attempts_prune (AuthState *state,
                gint64     now)
{
  GHashTableIter iter;
  gpointer value;
  const char *oldest_key = NULL;
  gint64 oldest = G_MAXINT64;

  g_hash_table_iter_init (&iter, state->attempts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Attempts *attempts = value;

      if (now - attempts->window_start >= PAMONG_SERVER_LOGIN_WINDOW)
        g_hash_table_iter_remove (&iter);
    }

  if (g_hash_table_size (state->attempts) < MAX_TRACKED_LOGINS)
    return;

  /* Still full of live entries: the oldest window goes. */
  g_hash_table_iter_init (&iter, state->attempts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &oldest_key, &value))
    {
      const Attempts *attempts = value;

      if (attempts->window_start < oldest)
        oldest = attempts->window_start;
    }
  g_hash_table_iter_init (&iter, state->attempts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Attempts *attempts = value;

      if (attempts->window_start == oldest)
        {
          g_hash_table_iter_remove (&iter);
          break;
        }
    }
}

/* Seconds until @key may try again, or 0 if it may now. */
static guint
attempts_retry_after (AuthState  *state,
                      const char *key,
                      guint       max_failures,
                      gint64      now)
{
  const Attempts *attempts = g_hash_table_lookup (state->attempts, key);
  gint64 remaining;

  if (attempts == NULL || attempts->failures < max_failures)
    return 0;

  remaining = attempts->window_start + PAMONG_SERVER_LOGIN_WINDOW - now;
  if (remaining <= 0)
    return 0;

  return (guint) ((remaining + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND);
}

static void
attempts_fail (AuthState  *state,
               const char *key,
               gint64      now)
{
  Attempts *attempts = g_hash_table_lookup (state->attempts, key);

  if (attempts != NULL && now - attempts->window_start >= PAMONG_SERVER_LOGIN_WINDOW)
    {
      attempts->failures = 0;
      attempts->window_start = now;
    }

  if (attempts == NULL)
    {
      if (g_hash_table_size (state->attempts) >= MAX_TRACKED_LOGINS)
        attempts_prune (state, now);
      attempts = g_new0 (Attempts, 1);
      attempts->window_start = now;
      g_hash_table_insert (state->attempts, g_strdup (key), attempts);
    }

  attempts->failures++;
}

/* Takes back a failure counted by attempts_fail(). */
static void
attempts_refund (AuthState  *state,
                 const char *key)
{
  Attempts *attempts = g_hash_table_lookup (state->attempts, key);

  if (attempts != NULL && attempts->failures > 0)
    attempts->failures--;
}

/* The token of "Authorization: Bearer <token>", or NULL. */
static const char *
bearer_token (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *value = soup_message_headers_get_one (headers, "Authorization");
  const char *token;

  if (value == NULL || g_ascii_strncasecmp (value, "Bearer ", 7) != 0)
    return NULL;

  token = value + 7;
  while (*token == ' ')
    token++;

  if (strlen (token) != TOKEN_LENGTH)
    return NULL;
  for (const char *p = token; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return NULL;

  return token;
}

static void
set_unauthorized (GError **error)
{
  g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_UNAUTHORIZED,
                       _("This needs a valid session: log in again."));
}

static gboolean
delete_token_hash (PamongStore  *store,
                   const char   *hash,
                   GError      **error)
{
  return pamong_store_exec_param (store, "DELETE FROM server_tokens WHERE token_hash = ?1",
                                  hash, _("Could not revoke a session"), error);
}

/**
 * pamong_server_authenticate:
 * @server: the server
 * @msg: a request
 * @error: return location for a #GError
 *
 * Finds the account of the request's `Authorization: Bearer <token>`. A
 * missing, malformed, unknown or expired token (an expired one is deleted)
 * is %PAMONG_ERROR_UNAUTHORIZED with one message that does not say which.
 * The user's @mfa tells whether a one-time code opened the session.
 *
 * Returns: (transfer full): the user, or %NULL with @error set
 */
PamongServerUser *
pamong_server_authenticate (PamongServer       *server,
                            SoupServerMessage  *msg,
                            GError            **error)
{
  PamongStore *store;
  g_autoptr(PamongStoreStmt) stmt = NULL;
  g_autoptr(PamongServerUser) user = NULL;
  g_autofree char *expires_at = NULL;
  g_autofree char *now = NULL;
  const char *token;
  char hash[SHA256_HEX_LENGTH + 1];
  gboolean disabled = FALSE;
  int step;

  g_return_val_if_fail (PAMONG_IS_SERVER (server), NULL);
  g_return_val_if_fail (SOUP_IS_SERVER_MESSAGE (msg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  token = bearer_token (msg);
  if (token == NULL || !ensure_sodium (NULL))
    {
      set_unauthorized (error);
      return NULL;
    }

  store = pamong_server_get_store (server);
  sha256_hex (token, hash);

  stmt = pamong_store_prepare (store,
                               "SELECT u.username, u.role, u.unit, t.expires_at, u.disabled, t.mfa "
                               "FROM server_tokens t JOIN server_users u USING (username) "
                               "WHERE t.token_hash = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  step = sqlite3_step (stmt);
  if (step == SQLITE_ROW)
    {
      user = user_from_row (stmt, 0);
      expires_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      disabled = sqlite3_column_int (stmt, 4) != 0;
      user->mfa = sqlite3_column_int (stmt, 5) != 0;
    }
  else if (step != SQLITE_DONE)
    {
      pamong_store_set_sql_error (store, error, _("Could not check a session"));
      return NULL;
    }
  g_clear_pointer (&stmt, pamong_store_release);

  if (user == NULL || disabled)
    {
      set_unauthorized (error);
      return NULL;
    }

  /* Timestamps of one fixed format ("…T08:30:00.000Z") sort as text. */
  now = now_text ();
  if (expires_at == NULL || strcmp (expires_at, now) <= 0)
    {
      g_autoptr(GError) local_error = NULL;

      if (!delete_token_hash (store, hash, &local_error))
        g_message ("Could not delete an expired token: %s", local_error->message);
      set_unauthorized (error);
      return NULL;
    }

  return g_steal_pointer (&user);
}

/* ---- request helpers ---------------------------------------------------- */

/* The login handler's names for the shared request helpers of
 * pamong-server.c (pamong_server_json_get_string(),
 * pamong_server_read_object()); they add nothing. */
static inline gboolean
get_string_member (JsonObject   *object,
                   const char   *name,
                   gboolean      required,
                   const char  **value,
                   GError      **error)
{
  return pamong_server_json_get_string (object, name, required, value, error);
}

static inline JsonObject *
read_object (SoupServerMessage  *msg,
             JsonNode          **root,
             GError            **error)
{
  return pamong_server_read_object (msg, root, error);
}

/* ---- /api/v1/auth ------------------------------------------------------- */

/*
 * A login checks its password off the main loop: argon2id costs a good
 * fraction of a second at the production cost, and the main loop answers
 * every other request meanwhile. The handler does the cheap checks, the
 * rate limits and the store lookup on the main thread, counts the attempt
 * as a failure in advance (so that logins in flight count toward the
 * limits too), pauses the message and runs crypto_pwhash_str_verify on
 * copies of the hash and the password in a GTask thread. Back on the main
 * context, login_checked() re-reads the account, takes the failure back on
 * success, creates the session, answers and unpauses the message. The
 * store is only ever used on the main thread. The LoginCheck keeps the
 * server and the message alive, so a client that goes away meanwhile
 * leaves an answer nobody reads; login_checked() lets go of both on the
 * main thread (the task itself may be freed last in the worker thread, so
 * it holds nothing that must be released on the main one).
 */
typedef struct
{
  PamongServer       *server;
  SoupServerMessage  *msg;
  Credentials         credentials;
  char               *password;    /* a copy, wiped after the check */
  gsize               password_length;
  char               *otp;         /* the one-time code sent, or NULL */
  unsigned long long  opslimit;
  size_t              memlimit;
  char               *user_key;    /* NULL for a name no account can have */
  char               *address_key;
  /* Set by the worker thread. */
  gboolean            matched;
  char               *renewed;     /* a new hash at the current cost, or NULL */
} LoginCheck;

static void
login_check_free (gpointer data)
{
  LoginCheck *check = data;

  if (check->password != NULL)
    {
      sodium_memzero (check->password, check->password_length);
      g_free (check->password);
    }
  credentials_clear (&check->credentials);
  if (check->otp != NULL)
    {
      sodium_memzero (check->otp, strlen (check->otp));
      g_free (check->otp);
    }
  g_free (check->renewed);
  g_free (check->user_key);
  g_free (check->address_key);
  g_clear_object (&check->msg);
  g_clear_object (&check->server);
  g_free (check);
}

static void
login_check_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  LoginCheck *check = task_data;
  gboolean may_renew = check->credentials.user != NULL && !check->credentials.disabled;

  check->matched = password_check (check->credentials.user != NULL
                                   ? check->credentials.hash : NULL,
                                   check->password, check->password_length,
                                   check->opslimit, check->memlimit,
                                   may_renew ? &check->renewed : NULL);

  sodium_memzero (check->password, check->password_length);
  g_clear_pointer (&check->password, g_free);

  g_task_return_boolean (task, TRUE);
}

/* Creates a session for @user and answers it; @mfa: whether a one-time
 * code opened it. */
static gboolean
respond_session (PamongServer       *server,
                 SoupServerMessage  *msg,
                 PamongServerUser   *user,
                 gboolean            mfa,
                 GError            **error)
{
  AuthState *state = get_state (server);
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(GDateTime) created = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expires = g_date_time_add (created, state->token_lifetime);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(PamongStoreStmt) stmt = NULL;
  g_autofree char *token = random_token ();
  g_autofree char *created_text = pamong_timestamp_format (created);
  g_autofree char *expires_text = pamong_timestamp_format (expires);
  char hash[SHA256_HEX_LENGTH + 1];

  sha256_hex (token, hash);

  if (!pamong_store_begin (store, error))
    return FALSE;

  /* Expired tokens are swept here, lazily. */
  stmt = pamong_store_prepare (store, "DELETE FROM server_tokens WHERE expires_at <= ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, created_text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      pamong_store_set_sql_error (store, error, _("Could not remove expired sessions"));
      goto fail;
    }
  g_clear_pointer (&stmt, pamong_store_release);

  stmt = pamong_store_prepare (store,
                               "INSERT INTO server_tokens "
                               "(token_hash, username, created_at, expires_at, mfa) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, user->username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, created_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, expires_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, mfa ? 1 : 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      pamong_store_set_sql_error (store, error, _("Could not store a session"));
      goto fail;
    }
  g_clear_pointer (&stmt, pamong_store_release);

  if (!pamong_store_commit (store, error))
    return FALSE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_string_value (builder, expires_text);
  json_builder_set_member_name (builder, "user");
  json_builder_add_value (builder, pamong_server_user_to_json (user));
  json_builder_set_member_name (builder, "mfa");
  json_builder_add_boolean_value (builder, mfa);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  pamong_server_respond_json (msg, SOUP_STATUS_OK, answer);
  return TRUE;

fail:
  g_clear_pointer (&stmt, pamong_store_release);
  pamong_store_rollback (store);
  return FALSE;
}

/* The second factor of an account with a TOTP secret (@now, read after
 * its password matched). No code: 401 "otp-required", and the failure
 * counted in advance is taken back (the password was right; the client
 * asks for the code and logs in again). A wrong, stale or reused code is
 * a failed login like a wrong password, with the same message. */
static gboolean
login_check_otp (PamongServer  *server,
                 LoginCheck    *check,
                 Credentials   *now,
                 GError       **error)
{
  AuthState *state = get_state (server);
  gint64 now_step = pamong_server_totp_step (g_get_real_time () / G_USEC_PER_SEC);
  gint64 matched_step = -1;
  gboolean accepted = FALSE;

  if (check->otp == NULL || *check->otp == '\0')
    {
      if (check->user_key != NULL)
        attempts_refund (state, check->user_key);
      attempts_refund (state, check->address_key);
      g_set_error_literal (error, PAMONG_SERVER_AUTH_ERROR,
                           PAMONG_SERVER_AUTH_ERROR_OTP_REQUIRED,
                           _("This account also needs a one-time code: send the six-digit "
                             "code that its authenticator app shows now as “otp”."));
      return FALSE;
    }

  if (!pamong_server_totp_verify (now->totp_secret, check->otp, now_step, now->totp_last_step,
                                  &matched_step))
    {
      set_wrong_credentials (error);
      return FALSE;
    }

  /* A code opens one session only. */
  if (!pamong_server_totp_use_step (pamong_server_get_store (server), now->user->username,
                                    matched_step, &accepted, error))
    return FALSE;
  if (!accepted)
    {
      set_wrong_credentials (error);
      return FALSE;
    }

  return TRUE;
}

/* The rest of a login once its password is checked, on the main thread. */
static gboolean
login_finish (PamongServer       *server,
              SoupServerMessage  *msg,
              LoginCheck         *check,
              GError            **error)
{
  AuthState *state = get_state (server);
  PamongStore *store = pamong_server_get_store (server);
  Credentials now = CREDENTIALS_INIT;
  gboolean done;

  /* The failure was counted in advance; a wrong password leaves it. */
  if (!check->matched || check->credentials.user == NULL || check->credentials.disabled)
    {
      set_wrong_credentials (error);
      return FALSE;
    }

  /* The account may have changed while its password was checked: it must
   * still exist, be enabled and have the hash just checked (a new password
   * ends the sessions of the old one). Its role and unit are read anew. */
  if (!credentials_read (store, check->credentials.user->username, &now, error))
    return FALSE;
  if (now.user == NULL || now.disabled || g_strcmp0 (now.hash, check->credentials.hash) != 0)
    {
      credentials_clear (&now);
      set_wrong_credentials (error);
      return FALSE;
    }

  if (now.totp_secret != NULL && !login_check_otp (server, check, &now, error))
    {
      credentials_clear (&now);
      return FALSE;
    }

  if (check->user_key != NULL)
    g_hash_table_remove (state->attempts, check->user_key);
  attempts_refund (state, check->address_key);

  if (check->renewed != NULL)
    store_renewed_hash (store, now.user->username, now.hash, check->renewed);

  done = respond_session (server, msg, now.user, now.totp_secret != NULL, error);
  credentials_clear (&now);
  return done;
}

static void
login_checked (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LoginCheck *check = g_task_get_task_data (G_TASK (result));
  g_autoptr(PamongServer) server = g_steal_pointer (&check->server);
  g_autoptr(SoupServerMessage) msg = g_steal_pointer (&check->msg);
  AuthState *state = get_state (server);
  g_autoptr(GError) error = NULL;

  g_assert (state->logins_in_progress > 0);
  state->logins_in_progress--;

  /* The thread always returns TRUE; its outcome is in @check. */
  if (!g_task_propagate_boolean (G_TASK (result), &error)
      || !login_finish (server, msg, check, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                             _("The server failed to answer this request."));
      pamong_server_respond_gerror (msg, error);
    }

  /* Safe also when the client has gone: the message is still ours. */
  soup_server_message_unpause (msg);
}

static gboolean
handle_login (PamongServer       *server,
              SoupServerMessage  *msg,
              const char         *subpath,
              gpointer            user_data,
              GError            **error)
{
  AuthState *state = get_state (server);
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *user_key = NULL;
  g_autofree char *address_key = NULL;
  Credentials credentials = CREDENTIALS_INIT;
  LoginCheck *check;
  const char *remote;
  const char *username;
  const char *password;
  const char *otp;
  JsonObject *object;
  gint64 now;
  guint retry_user;
  guint retry_address;

  object = read_object (msg, &root, error);
  if (object == NULL)
    return FALSE;
  if (!get_string_member (object, "username", TRUE, &username, error) ||
      !get_string_member (object, "password", TRUE, &password, error) ||
      !get_string_member (object, "otp", FALSE, &otp, error))
    return FALSE;
  if (!ensure_sodium (error))
    return FALSE;

  remote = soup_server_message_get_remote_host (msg);
  /* A name no account can have is counted for its address only, so huge
   * names cannot bloat the table. */
  if (username_is_valid (username))
    user_key = g_strconcat ("u:", username, NULL);
  address_key = g_strconcat ("a:", remote != NULL ? remote : "-", NULL);

  /* Limited before the password is even looked at: guessing stops here. */
  now = g_get_monotonic_time ();
  retry_user = user_key != NULL
               ? attempts_retry_after (state, user_key, PAMONG_SERVER_LOGIN_USER_FAILURES, now)
               : 0;
  retry_address = attempts_retry_after (state, address_key,
                                        PAMONG_SERVER_LOGIN_ADDRESS_FAILURES, now);
  if (retry_user > 0 || retry_address > 0)
    {
      g_autofree char *seconds = g_strdup_printf ("%u", MAX (retry_user, retry_address));

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", seconds);
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_RATE_LIMITED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Too many failed logins; try again in %u second.",
                                "Too many failed logins; try again in %u seconds.",
                                MAX (retry_user, retry_address)),
                   MAX (retry_user, retry_address));
      return FALSE;
    }

  /* Only a valid name can have an account; others go to the dummy hash. */
  if (user_key != NULL && !credentials_read (store, username, &credentials, error))
    return FALSE;

  /* Counted as a failure now, taken back on success: logins in flight
   * count toward the limits, so parallel guesses cannot overrun them. */
  if (user_key != NULL)
    attempts_fail (state, user_key, now);
  attempts_fail (state, address_key, now);

  check = g_new0 (LoginCheck, 1);
  check->server = g_object_ref (server);
  check->msg = g_object_ref (msg);
  check->credentials = credentials;
  check->password_length = strlen (password);
  check->password = g_strndup (password, check->password_length);
  check->otp = g_strdup (otp);
  hash_parameters (&check->opslimit, &check->memlimit);
  check->user_key = g_steal_pointer (&user_key);
  check->address_key = g_steal_pointer (&address_key);

  task = g_task_new (NULL, NULL, login_checked, NULL);
  g_task_set_source_tag (task, handle_login);
  g_task_set_name (task, "[pamong-server] login");
  g_task_set_task_data (task, check, login_check_free);

  /* Answered from login_checked(); see PamongServerHandler. */
  soup_server_message_pause (msg);
  state->logins_in_progress++;
  g_task_run_in_thread (task, login_check_thread);

  return TRUE;
}

static gboolean
handle_logout (PamongServer       *server,
               SoupServerMessage  *msg,
               const char         *subpath,
               gpointer            user_data,
               GError            **error)
{
  g_autoptr(PamongServerUser) user = pamong_server_authenticate (server, msg, error);
  char hash[SHA256_HEX_LENGTH + 1];

  if (user == NULL)
    return FALSE;

  /* authenticate() accepted it, so the token is well-formed. */
  sha256_hex (bearer_token (msg), hash);
  if (!delete_token_hash (pamong_server_get_store (server), hash, error))
    return FALSE;

  pamong_server_respond_no_content (msg);
  return TRUE;
}

static gboolean
handle_me (PamongServer       *server,
           SoupServerMessage  *msg,
           const char         *subpath,
           gpointer            user_data,
           GError            **error)
{
  g_autoptr(PamongServerUser) user = pamong_server_authenticate (server, msg, error);
  g_autoptr(JsonNode) answer = NULL;

  if (user == NULL)
    return FALSE;

  answer = pamong_server_user_to_json (user);
  pamong_server_respond_json (msg, SOUP_STATUS_OK, answer);
  return TRUE;
}

/*
 * POST /api/v1/auth/password: a user changes their own password, giving
 * the current one (OWASP ASVS 2.1.5, 2.1.6). Like a login, the argon2id
 * work (checking the current password, hashing the new one) runs in a
 * GTask thread while the main loop answers other requests; a wrong
 * current password counts as a failed login of the account and of the
 * client address, so a stolen session cannot be used to guess the
 * password faster than the login allows. On success every other session
 * of the account ends; the one that made the change stays.
 */
typedef struct
{
  PamongServer       *server;
  SoupServerMessage  *msg;
  char               *username;
  char               *old_hash;     /* the hash the current password is checked against */
  char               *current;      /* copies, wiped after the check */
  gsize               current_length;
  char               *replacement;
  gsize               replacement_length;
  unsigned long long  opslimit;
  size_t              memlimit;
  char               *user_key;
  char               *address_key;
  char                token_hash[SHA256_HEX_LENGTH + 1];
  /* Set by the worker thread. */
  gboolean            matched;
  char               *new_hash;
} PasswordChange;

static void
password_change_wipe (PasswordChange *change)
{
  if (change->current != NULL)
    {
      sodium_memzero (change->current, change->current_length);
      g_clear_pointer (&change->current, g_free);
    }
  if (change->replacement != NULL)
    {
      sodium_memzero (change->replacement, change->replacement_length);
      g_clear_pointer (&change->replacement, g_free);
    }
}

static void
password_change_free (gpointer data)
{
  PasswordChange *change = data;

  password_change_wipe (change);
  g_free (change->username);
  g_free (change->old_hash);
  g_free (change->user_key);
  g_free (change->address_key);
  g_free (change->new_hash);
  g_clear_object (&change->msg);
  g_clear_object (&change->server);
  g_free (change);
}

static void
password_change_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  PasswordChange *change = task_data;

  change->matched = password_check (change->old_hash, change->current, change->current_length,
                                    change->opslimit, change->memlimit, NULL);
  if (change->matched)
    change->new_hash = hash_with_parameters (change->replacement, change->replacement_length,
                                             change->opslimit, change->memlimit, NULL);
  password_change_wipe (change);

  g_task_return_boolean (task, TRUE);
}

/* Stores the new hash and ends the account's other sessions, in one
 * transaction, unless the password changed meanwhile. */
static gboolean
password_change_store (PamongStore     *store,
                       PasswordChange  *change,
                       GError         **error)
{
  g_autoptr(PamongStoreStmt) stmt = NULL;

  if (!pamong_store_begin (store, error))
    return FALSE;

  stmt = pamong_store_prepare (store,
                               "UPDATE server_users SET password_hash = ?2 "
                               "WHERE username = ?1 AND password_hash = ?3 AND disabled = 0",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, change->username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, change->new_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, change->old_hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      pamong_store_set_sql_error (store, error, _("Could not update an account"));
      goto fail;
    }
  g_clear_pointer (&stmt, pamong_store_release);
  if (sqlite3_changes (pamong_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_CONFLICT,
                           _("The account changed while the password was checked; "
                             "log in again and retry."));
      goto fail;
    }

  stmt = pamong_store_prepare (store,
                               "DELETE FROM server_tokens WHERE username = ?1 "
                               "AND token_hash <> ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, change->username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, change->token_hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      pamong_store_set_sql_error (store, error, _("Could not revoke an account’s sessions"));
      goto fail;
    }
  g_clear_pointer (&stmt, pamong_store_release);

  return pamong_store_commit (store, error);

fail:
  g_clear_pointer (&stmt, pamong_store_release);
  pamong_store_rollback (store);
  return FALSE;
}

static void
password_change_checked (GObject      *source_object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  PasswordChange *change = g_task_get_task_data (G_TASK (result));
  g_autoptr(PamongServer) server = g_steal_pointer (&change->server);
  g_autoptr(SoupServerMessage) msg = g_steal_pointer (&change->msg);
  AuthState *state = get_state (server);
  g_autoptr(GError) error = NULL;

  /* The thread always returns TRUE; its outcome is in @change. */
  g_task_propagate_boolean (G_TASK (result), NULL);

  if (!change->matched)
    {
      /* The failure counted in advance stays. */
      g_set_error_literal (&error, PAMONG_ERROR, PAMONG_ERROR_FORBIDDEN,
                           _("The current password is wrong; the password was not changed."));
    }
  else if (change->new_hash == NULL)
    {
      g_set_error_literal (&error, PAMONG_ERROR, PAMONG_ERROR_FAILED,
                           _("The server ran out of memory while hashing a password."));
    }
  else if (password_change_store (pamong_server_get_store (server), change, &error))
    {
      g_hash_table_remove (state->attempts, change->user_key);
      attempts_refund (state, change->address_key);
      pamong_server_respond_no_content (msg);
    }

  if (error != NULL)
    pamong_server_respond_gerror (msg, error);

  soup_server_message_unpause (msg);
}

static gboolean
handle_password (PamongServer       *server,
                 SoupServerMessage  *msg,
                 const char         *subpath,
                 gpointer            user_data,
                 GError            **error)
{
  AuthState *state = get_state (server);
  PamongStore *store = pamong_server_get_store (server);
  g_autoptr(PamongServerUser) user = pamong_server_authenticate (server, msg, error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GTask) task = NULL;
  Credentials credentials = CREDENTIALS_INIT;
  PasswordChange *change;
  const char *remote;
  const char *current;
  const char *replacement;
  JsonObject *object;
  g_autofree char *user_key = NULL;
  g_autofree char *address_key = NULL;
  gint64 now;
  guint retry;

  if (user == NULL)
    return FALSE;

  object = read_object (msg, &root, error);
  if (object == NULL)
    return FALSE;
  if (!get_string_member (object, "current_password", TRUE, &current, error) ||
      !get_string_member (object, "new_password", TRUE, &replacement, error))
    return FALSE;
  if (!check_password (replacement, user->username, error))
    return FALSE;

  remote = soup_server_message_get_remote_host (msg);
  user_key = g_strconcat ("u:", user->username, NULL);
  address_key = g_strconcat ("a:", remote != NULL ? remote : "-", NULL);

  now = g_get_monotonic_time ();
  retry = MAX (attempts_retry_after (state, user_key, PAMONG_SERVER_LOGIN_USER_FAILURES, now),
               attempts_retry_after (state, address_key, PAMONG_SERVER_LOGIN_ADDRESS_FAILURES,
                                     now));
  if (retry > 0)
    {
      g_autofree char *seconds = g_strdup_printf ("%u", retry);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", seconds);
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_RATE_LIMITED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Too many failed logins; try again in %u second.",
                                "Too many failed logins; try again in %u seconds.",
                                retry),
                   retry);
      return FALSE;
    }

  if (!credentials_read (store, user->username, &credentials, error))
    return FALSE;
  if (credentials.user == NULL || credentials.disabled || credentials.hash == NULL)
    {
      credentials_clear (&credentials);
      set_unauthorized (error);
      return FALSE;
    }

  attempts_fail (state, user_key, now);
  attempts_fail (state, address_key, now);

  change = g_new0 (PasswordChange, 1);
  change->server = g_object_ref (server);
  change->msg = g_object_ref (msg);
  change->username = g_strdup (user->username);
  change->old_hash = g_steal_pointer (&credentials.hash);
  credentials_clear (&credentials);
  change->current_length = strlen (current);
  change->current = g_strndup (current, change->current_length);
  change->replacement_length = strlen (replacement);
  change->replacement = g_strndup (replacement, change->replacement_length);
  hash_parameters (&change->opslimit, &change->memlimit);
  change->user_key = g_steal_pointer (&user_key);
  change->address_key = g_steal_pointer (&address_key);
  /* authenticate() accepted it, so the token is well-formed. */
  sha256_hex (bearer_token (msg), change->token_hash);

  task = g_task_new (NULL, NULL, password_change_checked, NULL);
  g_task_set_source_tag (task, handle_password);
  g_task_set_name (task, "[pamong-server] password change");
  g_task_set_task_data (task, change, password_change_free);

  /* Answered from password_change_checked(); see PamongServerHandler. */
  soup_server_message_pause (msg);
  g_task_run_in_thread (task, password_change_thread);

  return TRUE;
}

/**
 * pamong_server_auth_register:
 * @server: a server
 *
 * Adds POST /api/v1/auth/login, POST /api/v1/auth/logout, GET
 * /api/v1/auth/me, POST /api/v1/auth/password and the admin endpoints
 * under /api/v1/admin/.
 */
void
pamong_server_auth_register (PamongServer *server)
{
  g_return_if_fail (PAMONG_IS_SERVER (server));

  pamong_server_add_route (server, SOUP_METHOD_POST, PAMONG_SERVER_API_PREFIX "/auth/login",
                           handle_login, NULL, NULL);
  pamong_server_add_route (server, SOUP_METHOD_POST, PAMONG_SERVER_API_PREFIX "/auth/logout",
                           handle_logout, NULL, NULL);
  pamong_server_add_route (server, SOUP_METHOD_GET, PAMONG_SERVER_API_PREFIX "/auth/me",
                           handle_me, NULL, NULL);
  pamong_server_add_route (server, SOUP_METHOD_POST, PAMONG_SERVER_API_PREFIX "/auth/password",
                           handle_password, NULL, NULL);

  pamong_server_admin_register (server);
}
