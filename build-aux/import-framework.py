#!/usr/bin/env python3
# import-framework.py — turn the SPBE research sheet into Pamong's framework file
#
# Copyright 2026 The Pamong authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/import-framework.py SPBE-INDICATORS.JSON [OUTPUT.json]
#
# Reads the P59 (PermenPANRB 59/2020) structure gathered in
# shared/reference/spbe-indicators.json and writes the framework file the app
# loads at run time (src/core/data/frameworks/p59-2020.json by default). The
# format is described in src/core/data/frameworks/README.md. The output is
# committed; rerun this script when the reference sheet changes.

import json
import os
import sys
from decimal import Decimal

FRAMEWORK_ID = 'p59-2020'
FRAMEWORK_NAME = 'Evaluasi SPBE (PermenPANRB 59/2020)'

# The sheet names the scales after the regulation's tables; Pamong uses short
# ids. Names are regulation terms (Tabel 1 and 2), glosses are English.
SCALES = {
    'kapabilitas_proses': ('process', 'levels', 'Kapabilitas Proses', 'Process capability'),
    'kapabilitas_layanan': ('service', 'service_levels', 'Kapabilitas Layanan', 'Service capability'),
}

# Short English glosses shown beside the Indonesian names in the English UI.
DOMAIN_GLOSSES = {
    1: 'Internal SPBE policy',
    2: 'SPBE governance',
    3: 'SPBE management',
    4: 'SPBE services',
}
ASPECT_GLOSSES = {
    1: 'Internal policy on SPBE governance',
    2: 'SPBE strategic planning',
    3: 'Information and communication technology',
    4: 'SPBE organisers',
    5: 'SPBE management in practice',
    6: 'ICT audits',
    7: 'Electronic government administration services',
    8: 'Electronic public services',
}
BAND_GLOSSES = {
    'Memuaskan': 'Satisfactory',
    'Sangat Baik': 'Very good',
    'Baik': 'Good',
    'Cukup': 'Fair',
    'Kurang': 'Poor',
}


def fail(message):
    sys.stderr.write('import-framework: %s\n' % message)
    sys.exit(1)


def weight(value, what):
    """A weight as a Decimal with at most two places, checked positive."""
    w = Decimal(str(value))
    if w <= 0 or w != w.quantize(Decimal('0.01')):
        fail('%s: weight %s must be positive with at most two decimals' % (what, value))
    return w


def number(value):
    """A Decimal as a JSON number; two-place decimals survive the float."""
    return float(value)


def convert(sheet):
    scales = []
    scale_ids = {}
    for key, (scale_id, levels_key, name, gloss) in SCALES.items():
        levels = sheet.get(levels_key)
        if not levels:
            fail('the sheet has no "%s"' % levels_key)
        scales.append({
            'id': scale_id,
            'name': name,
            'gloss': gloss,
            'levels': [{'value': level['level'],
                        'name': level['name'],
                        'criteria': level['criteria']} for level in levels],
        })
        scale_ids[key] = scale_id

    domains = []
    total = Decimal(0)
    seen = set()
    for d in sheet['domains']:
        scale = scale_ids.get(d.get('maturity_scale'))
        if scale is None:
            fail('domain %d: unknown maturity scale %r' % (d['number'], d.get('maturity_scale')))
        dw = weight(d['weight'], 'domain %d' % d['number'])
        aspects = []
        asum = Decimal(0)
        for a in d['aspects']:
            aw = weight(a['weight'], 'aspect %d' % a['number'])
            indicators = []
            isum = Decimal(0)
            for i in a['indicators']:
                if i['number'] in seen:
                    fail('indicator %d appears twice' % i['number'])
                seen.add(i['number'])
                iw = weight(i['weight'], 'indicator %d' % i['number'])
                isum += iw
                indicators.append({
                    'number': i['number'],
                    'name': i['name'],
                    'weight': number(iw),
                    'scale': scale,
                })
            if isum != aw:
                fail('aspect %d: indicator weights add up to %s, not %s' % (a['number'], isum, aw))
            asum += aw
            aspects.append({
                'number': a['number'],
                'name': a['name'],
                'gloss': ASPECT_GLOSSES[a['number']],
                'weight': number(aw),
                'indicators': indicators,
            })
        if asum != dw:
            fail('domain %d: aspect weights add up to %s, not %s' % (d['number'], asum, dw))
        total += dw
        domains.append({
            'number': d['number'],
            'name': d['name'],
            'gloss': DOMAIN_GLOSSES[d['number']],
            'weight': number(dw),
            'aspects': aspects,
        })
    if total != 100:
        fail('domain weights add up to %s, not 100' % total)

    bands = []
    for p in sorted(sheet['predicates'],
                    key=lambda p: -1 if p['min'] is None else p['min'],
                    reverse=True):
        band = {'name': p['name'], 'gloss': BAND_GLOSSES[p['name']]}
        if p['min'] is None:
            band['min'] = None
        else:
            band['min'] = number(Decimal(str(p['min'])))
            band['min_inclusive'] = bool(p['min_inclusive'])
        bands.append(band)

    return {
        'format': 1,
        'id': FRAMEWORK_ID,
        'name': FRAMEWORK_NAME,
        'regulation': sheet['regulation'],
        'source': 'shared/reference/spbe-indicators.json (PermenPANRB 59/2020 Lampiran I, Tabel 1-13)',
        'scales': scales,
        'domains': domains,
        'bands': bands,
    }


def main(argv):
    if len(argv) not in (2, 3):
        fail('usage: import-framework.py SPBE-INDICATORS.JSON [OUTPUT.json]')
    with open(argv[1], encoding='utf-8') as f:
        sheet = json.load(f)
    if len(argv) == 3:
        output = argv[2]
    else:
        output = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..',
                              'src', 'core', 'data', 'frameworks', FRAMEWORK_ID + '.json')
    framework = convert(sheet)
    with open(output, 'w', encoding='utf-8') as f:
        json.dump(framework, f, ensure_ascii=False, indent=2)
        f.write('\n')


if __name__ == '__main__':
    main(sys.argv)
