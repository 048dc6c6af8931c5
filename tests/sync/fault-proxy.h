/* fault-proxy.h — a loopback HTTP proxy in front of pamong-server that
 * breaks a share of the answers (the fault-injection and soak tests)
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/*
 * For a share of the requests, chosen by a seeded PRNG (so a printed seed
 * replays a run), the proxy does one of:
 *   - answers 503 without forwarding (the server never sees the request);
 *   - forwards, then answers 502 (the write happened, the answer is lost);
 *   - closes the connection before forwarding, or after (a reset);
 *   - forwards, then sends the answer's head and only part of its body;
 *   - forwards, then answers 200 with garbage instead of the body;
 *   - waits 10 to 200 ms before answering normally.
 * The rest are forwarded untouched. PAMONG_FAULT_KINDS, if set, limits the
 * faults to those it names, comma-separated: 5xx-before, 5xx-after,
 * reset-before, reset-after, truncated, garbage, delay.
 */
typedef enum
{
  FAULT_NONE,
  FAULT_5XX_BEFORE,
  FAULT_5XX_AFTER,
  FAULT_RESET_BEFORE,
  FAULT_RESET_AFTER,
  FAULT_TRUNCATED,
  FAULT_GARBAGE,
  FAULT_DELAY,
  N_FAULTS
} Fault;

/* What the server was asked, for the latency figures. */
typedef enum
{
  FAULT_ROUTE_CHANGES,   /* GET  /api/v1/changes: the feed */
  FAULT_ROUTE_BATCH,     /* POST /api/v1/batch: pushed writes */
  FAULT_ROUTE_BLOBS,     /* attachment bytes */
  FAULT_ROUTE_OTHER,
  N_FAULT_ROUTES
} FaultRoute;

typedef struct _FaultProxy FaultProxy;

/* A proxy on 127.0.0.1 (a free port) in front of @upstream, with @percent
 * of the requests faulted. It serves on the thread-default main context of
 * the caller, or, when @own_thread, on a thread of its own (so its timings
 * do not wait for the caller's work). */
FaultProxy  *fault_proxy_new             (const char  *upstream,
                                          guint32      seed,
                                          guint        percent,
                                          gboolean     own_thread);
void         fault_proxy_free            (FaultProxy  *proxy);

const char  *fault_proxy_get_url         (FaultProxy  *proxy);
/* May be called from any thread. */
void         fault_proxy_set_percent     (FaultProxy  *proxy,
                                          guint        percent);

/* Counts so far; call from the proxy's thread or once it is freed... so,
 * for a proxy on its own thread, after fault_proxy_stop(). */
guint        fault_proxy_get_n_requests  (FaultProxy  *proxy);
guint        fault_proxy_get_count       (FaultProxy  *proxy,
                                          Fault        fault);
/* "5xx-before 12, 5xx-after 9, …" */
char        *fault_proxy_describe_counts (FaultProxy  *proxy);

/* Time the server took for each forwarded request of @route, in
 * microseconds (from forwarding to the whole answer), in arrival order. */
GArray      *fault_proxy_get_latencies   (FaultProxy  *proxy,
                                          FaultRoute   route);

/* Stops serving (a proxy on its own thread: joins it); the counts and
 * latencies stay readable until fault_proxy_free(). */
void         fault_proxy_stop            (FaultProxy  *proxy);

G_END_DECLS
