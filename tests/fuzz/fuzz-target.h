/* fuzz-target.h — what every fuzz target defines
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The libFuzzer entry points. A target checks properties of its parser, not
 * only that it does not crash: an input a parser accepts must round-trip,
 * and a server answers bad input with a 4xx, never a 5xx. A failed check
 * aborts, which libFuzzer reports as a crash with the input saved.
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);
