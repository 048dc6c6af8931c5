#!/usr/bin/env python3
# demo-spbe-levels.py — find level sums for the demo SPBE self-assessments
#
# Copyright 2026 The Pamong authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The demo dataset (src/core/pamong-demo.c, assessment_specs) needs, for
# Kabupaten Blora, 47 indicator levels per year whose P59 index rounds to the
# published figures (spbe.md §3.3): 2,06 for 2022 (no domain figures), 3,27
# with domains 3,60 / 2,30 / 1,73 / 4,26 for 2023, 3,28 with 3,50 / 2,60 /
# 1,45 / 4,25 for 2024. Every domain index depends only on the sum of its
# levels (per aspect for Layanan, whose two aspects weigh 2,75 and 3,00), so
# this searches those sums; the per-indicator levels in the C table are any
# split of them into 1..5. The C test computes the indices with the real
# calculator and checks them.
#
# Weights in hundredths of a percent (P59 Tabel 9).

import itertools

D1 = (10, 130)            # 10 indicators of 1,30
D2 = (10, 250)
D3 = (11, 150)
A7 = (10, 275)
A8 = (6, 300)


def cents(numerator, denominator):
    # round half up to two decimals, as the calculator does
    return (200 * numerator + denominator) // (2 * denominator)


def search(target_overall, targets, prefer=None):
    # domain sums are independent: enumerate each domain once, then combine
    def options(n, w):
        return [(s, cents(s * w, n * w), s * w) for s in range(n, 5 * n + 1)]
    layanan = [((s7, s8), cents(s7 * A7[1] + s8 * A8[1], A7[0] * A7[1] + A8[0] * A8[1]),
                s7 * A7[1] + s8 * A8[1])
               for s7 in range(A7[0], 5 * A7[0] + 1) for s8 in range(A8[0], 5 * A8[0] + 1)]
    domains = [options(*D1), options(*D2), options(*D3), layanan]
    if targets:
        domains = [[o for o in opts if o[1] == t] for opts, t in zip(domains, targets)]
    found = []
    for combo in itertools.product(*domains):
        if cents(sum(o[2] for o in combo), 10000) == target_overall:
            found.append((tuple(o[0] for o in combo), tuple(o[1] for o in combo)))
    if prefer:
        # closest domain indices first; then Layanan's two aspects alike
        found.sort(key=lambda f: (sum(abs(a - b) for a, b in zip(f[1], prefer)),
                                  abs(f[0][3][0] / A7[0] - f[0][3][1] / A8[0])))
    return found


if __name__ == '__main__':
    for year, overall, domains, prefer in (
            (2023, 327, (360, 230, 173, 426), None),
            (2024, 328, (350, 260, 145, 425), None),
            # 2022: no domain figures; stay near the national 2022 averages
            # (LAP2024 Tabel 4: 2,39 / 1,85 / 1,32 / 2,96) but below them
            # in Layanan, as Blora rose by 1,21 in 2023.
            (2022, 206, None, (220, 180, 118, 249))):
        result = search(overall, domains, prefer)
        print(year, f'{len(result)} solutions (sums D1, D2, D3, (A7, A8); domain cents)')
        for r in result[:4]:
            print('   ', r)
