/* pamong-tracking.c — tracking numbers a citizen can read out
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-tracking"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pamong-calendar.h"
#include "pamong-error.h"
#include "pamong-tracking.h"

/* Crockford's base 32: no I, L, O, U. */
static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#define N_BODY        14   /* device 4 + date 6 + sequence 4 */
#define N_COMPACT     (N_BODY + 1)
#define MAX_SEQUENCE  9999

#define META_DEVICE        "tracking-device"

/* The value 0..31 of a (normalised) character, or -1. */
static int
symbol_value (char c)
{
  const char *p;

  if (c == '\0')
    return -1;
  p = strchr (alphabet, c);
  return p != NULL ? (int) (p - alphabet) : -1;
}

/* Multiplication by x in GF(32) = GF(2)[x] / (x^5 + x^2 + 1). */
static guint
gf32_double (guint v)
{
  v <<= 1;
  if (v & 0x20)
    v ^= 0x25;
  return v;
}

/*
 * Damm's algorithm over the quasigroup a * b = 2a + b in GF(32). It is
 * totally anti-symmetric ((c*x)*y = (c*y)*x only if x = y, because 3 != 0
 * in GF(32)), so every single substitution and every transposition of
 * neighbours changes the result. The interim of the body followed by the
 * check character is 0.
 */
static guint
damm_interim (const char *compact,
              gsize       length)
{
  guint interim = 0;

  for (gsize i = 0; i < length; i++)
    interim = gf32_double (interim) ^ (guint) symbol_value (compact[i]);

  return interim;
}

static char
check_character (const char *body)
{
  /* the c with 2·interim + c = 0, i.e. c = 2·interim in characteristic 2 */
  return alphabet[gf32_double (damm_interim (body, N_BODY))];
}

/* Upper case, separators dropped, O -> 0, I and L -> 1. NULL (and @bad set)
 * on a character that has no place in a tracking number. */
static char *
compact_text (const char *text,
              gunichar   *bad)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      char a;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          *bad = 0xFFFD;
          g_string_free (out, TRUE);
          return NULL;
        }
      if (c == '-' || c == ' ' || c == '.' || c == '_' || g_unichar_isspace (c))
        continue;
      if (c > 0x7f)
        {
          *bad = c;
          g_string_free (out, TRUE);
          return NULL;
        }
      a = g_ascii_toupper ((char) c);
      if (a == 'O')
        a = '0';
      else if (a == 'I' || a == 'L')
        a = '1';
      if (symbol_value (a) < 0)
        {
          *bad = c;
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_c (out, a);
    }

  return g_string_free (out, FALSE);
}

static char *
format_compact (const char *compact)
{
  return g_strdup_printf ("%.4s-%.6s-%.4s-%c", compact, compact + 4, compact + 10, compact[14]);
}

/**
 * pamong_tracking_is_valid_device_code:
 * @code: (nullable): a device code
 *
 * Returns: whether @code is 4 characters of the tracking alphabet, upper case
 */
gboolean
pamong_tracking_is_valid_device_code (const char *code)
{
  if (code == NULL || strlen (code) != PAMONG_TRACKING_DEVICE_CODE_LENGTH)
    return FALSE;
  for (guint i = 0; i < PAMONG_TRACKING_DEVICE_CODE_LENGTH; i++)
    if (symbol_value (code[i]) < 0)
      return FALSE;

  return TRUE;
}

/**
 * pamong_tracking_format:
 * @device_code: a valid device code
 * @date: the submission date, in 2000..2099
 * @sequence: 1..9999
 *
 * Returns: (transfer full): the tracking number, e.g. "7K3M-260319-0042-X"
 */
char *
pamong_tracking_format (const char  *device_code,
                        const GDate *date,
                        guint        sequence)
{
  char body[N_BODY + 1];

  g_return_val_if_fail (pamong_tracking_is_valid_device_code (device_code), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (g_date_get_year (date) >= 2000 && g_date_get_year (date) <= 2099, NULL);
  g_return_val_if_fail (sequence >= 1 && sequence <= MAX_SEQUENCE, NULL);

  g_snprintf (body, sizeof body, "%.4s%02u%02u%02u%04u", device_code,
              (guint) g_date_get_year (date) % 100, (guint) g_date_get_month (date),
              (guint) g_date_get_day (date), sequence);

  return g_strdup_printf ("%.4s-%.6s-%.4s-%c", body, body + 4, body + 10, check_character (body));
}

/**
 * pamong_tracking_parse:
 * @text: what a person typed or read
 * @info: (out caller-allocates) (optional): what the number says
 * @error: return location for a #GError
 *
 * Checks a tracking number: its length, its characters, its date and its
 * check character. Lower case, spaces, missing dashes, O for 0 and I or L
 * for 1 are accepted.
 *
 * Returns: %TRUE if @text is a valid tracking number
 */
gboolean
pamong_tracking_parse (const char          *text,
                       PamongTrackingInfo  *info,
                       GError             **error)
{
  g_autofree char *compact = NULL;
  gunichar bad = 0;
  guint year, month, day, sequence;
  gsize length;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  compact = compact_text (text, &bad);
  if (compact == NULL)
    {
      char utf8[8] = { 0 };

      g_unichar_to_utf8 (bad, utf8);
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("“%s” does not appear in tracking numbers: they use digits and the letters A–Z except I, L, O and U."),
                   utf8);
      return FALSE;
    }

  length = strlen (compact);
  if (length != N_COMPACT)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("A tracking number has 15 characters besides the dashes, like 7K3M-260319-0042-X; this one has %u."),
                   (guint) length);
      return FALSE;
    }

  for (guint i = 4; i < N_BODY; i++)
    if (!g_ascii_isdigit (compact[i]))
      {
        g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                             _("The middle of a tracking number is all digits: the date (YYMMDD) and the sequence number."));
        return FALSE;
      }

  year = 2000 + (guint) (compact[4] - '0') * 10 + (guint) (compact[5] - '0');
  month = (guint) (compact[6] - '0') * 10 + (guint) (compact[7] - '0');
  day = (guint) (compact[8] - '0') * 10 + (guint) (compact[9] - '0');
  sequence = 0;
  for (guint i = 10; i < N_BODY; i++)
    sequence = sequence * 10 + (guint) (compact[i] - '0');
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("The tracking number’s date “%.6s” is not a real date (it is written YYMMDD)."),
                   compact + 4);
      return FALSE;
    }
  if (sequence == 0)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("The tracking number’s sequence number cannot be 0000."));
      return FALSE;
    }
  if (damm_interim (compact, N_COMPACT) != 0)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("This tracking number has a mistake: its last character does not match the others. Check each character again."));
      return FALSE;
    }

  if (info != NULL)
    {
      memcpy (info->device_code, compact, PAMONG_TRACKING_DEVICE_CODE_LENGTH);
      info->device_code[PAMONG_TRACKING_DEVICE_CODE_LENGTH] = '\0';
      g_date_clear (&info->date, 1);
      g_date_set_dmy (&info->date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
      info->sequence = sequence;
    }

  return TRUE;
}

/**
 * pamong_tracking_normalize:
 * @text: what a person typed
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the canonical form
 *   "7K3M-260319-0042-X", or %NULL if @text is not a valid number
 */
char *
pamong_tracking_normalize (const char  *text,
                           GError     **error)
{
  g_autofree char *compact = NULL;
  gunichar bad = 0;

  if (!pamong_tracking_parse (text, NULL, error))
    return NULL;

  compact = compact_text (text, &bad);
  return format_compact (compact);
}

/**
 * pamong_tracking_is_valid:
 * @text: (nullable): a tracking number
 *
 * Returns: whether @text is a valid tracking number (forgiving as
 *   pamong_tracking_parse())
 */
gboolean
pamong_tracking_is_valid (const char *text)
{
  return text != NULL && pamong_tracking_parse (text, NULL, NULL);
}

/**
 * pamong_tracking_get_device_code:
 * @store: a #PamongStore
 * @error: return location for a #GError
 *
 * The device code of @store's tracking numbers, chosen at random (from the
 * system's entropy) and saved in the store's meta on first use.
 *
 * Returns: (transfer full): the device code, or %NULL on a store error
 */
char *
pamong_tracking_get_device_code (PamongStore  *store,
                                 GError      **error)
{
  g_autofree char *code = NULL;
  char fresh[PAMONG_TRACKING_DEVICE_CODE_LENGTH + 1];
  GError *local_error = NULL;

  g_return_val_if_fail (PAMONG_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  code = pamong_store_get_meta (store, META_DEVICE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (pamong_tracking_is_valid_device_code (code))
    return g_steal_pointer (&code);

  for (guint i = 0; i < PAMONG_TRACKING_DEVICE_CODE_LENGTH; i++)
    fresh[i] = alphabet[g_random_int_range (0, 32)];
  fresh[PAMONG_TRACKING_DEVICE_CODE_LENGTH] = '\0';

  if (!pamong_store_set_meta (store, META_DEVICE, fresh, error))
    return NULL;

  return g_strdup (fresh);
}

/**
 * pamong_tracking_set_device_code:
 * @store: a #PamongStore
 * @code: a device code (case and O/I/L are normalised)
 * @error: return location for a #GError
 *
 * Sets the device code of the numbers @store issues from now on.
 *
 * Returns: %TRUE on success
 */
gboolean
pamong_tracking_set_device_code (PamongStore  *store,
                                 const char   *code,
                                 GError      **error)
{
  g_autofree char *compact = NULL;
  gunichar bad = 0;

  g_return_val_if_fail (PAMONG_IS_STORE (store), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  compact = compact_text (code, &bad);
  if (!pamong_tracking_is_valid_device_code (compact))
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                   _("“%s” cannot be a device code: it must be 4 characters, digits or letters A–Z except I, L, O and U."),
                   code);
      return FALSE;
    }

  return pamong_store_set_meta (store, META_DEVICE, compact, error);
}

/**
 * pamong_tracking_next:
 * @store: a #PamongStore
 * @when: (nullable): the submission time (default: now)
 * @error: return location for a #GError
 *
 * Issues the next tracking number of @store for a request submitted at
 * @when (its WIB date). Sequences are counted per day in the store's meta,
 * so numbers for an earlier day (a late entry) do not collide either.
 *
 * Returns: (transfer full): the tracking number, or %NULL on error
 */
char *
pamong_tracking_next (PamongStore  *store,
                      GDateTime    *when,
                      GError      **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *device = NULL;
  g_autofree char *key = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;
  GError *local_error = NULL;
  guint64 sequence = 0;
  GDate date;

  g_return_val_if_fail (PAMONG_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (when == NULL)
    when = now = g_date_time_new_now_utc ();
  pamong_calendar_date_of (when, &date);
  if (g_date_get_year (&date) < 2000 || g_date_get_year (&date) > 2099)
    {
      g_set_error_literal (error, PAMONG_ERROR, PAMONG_ERROR_INVALID_DATA,
                           _("Tracking numbers can only be issued for dates from 2000 to 2099."));
      return NULL;
    }

  if (!pamong_store_begin (store, error))
    return NULL;

  device = pamong_tracking_get_device_code (store, error);
  if (device == NULL)
    goto failed;

  key = g_strdup_printf ("tracking-sequence-%02u%02u%02u", (guint) g_date_get_year (&date) % 100,
                         (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
  stored = pamong_store_get_meta (store, key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto failed;
    }
  if (stored != NULL)
    sequence = g_ascii_strtoull (stored, NULL, 10);
  sequence++;
  if (sequence > MAX_SEQUENCE)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_TOO_LARGE,
                   _("This device has issued %u tracking numbers today, the most one day allows. Take further requests on another device."),
                   (guint) MAX_SEQUENCE);
      goto failed;
    }

  text = g_strdup_printf ("%u", (guint) sequence);
  if (!pamong_store_set_meta (store, key, text, error))
    goto failed;
  if (!pamong_store_commit (store, error))
    return NULL;

  number = pamong_tracking_format (device, &date, (guint) sequence);
  return g_steal_pointer (&number);

failed:
  pamong_store_rollback (store);
  return NULL;
}
