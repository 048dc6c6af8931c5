#!/usr/bin/env python3
# regions-from-wilayah.py — extract one regency's kecamatan and desa/kelurahan
#
# Copyright 2026 The Pamong authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads the Kemendagri region codes as published in the `wilayah` table dump
# of github.com/cahyadsn/wilayah (db/wilayah.sql; rows `('33.16.09.1006','Beran')`)
# and writes Pamong's region JSON (src/core/data/regions/) for one regency.
# Only facts are taken: codes and names. Codes 33.16.xx.1xxx are kelurahan,
# 33.16.xx.2xxx desa.
#
# Usage: build-aux/regions-from-wilayah.py db/wilayah.sql 33.16 \
#            src/core/data/regions/3316-blora.json
#
# The kecamatan's ibukota and area are not in wilayah.sql; they come from the
# table in /work/shared/reference/spbe.md §3.2 (a Blora kajian citing "Kabupaten
# Blora dalam Angka 2023") and are listed below per regency.

import json
import re
import sys

ROW = re.compile(r"\('(\d\d(?:\.\d\d(?:\.\d\d(?:\.\d{4})?)?)?)','((?:[^']|'')*)'\)")

EXTRA = {
    '33.16': {
        'source': 'cahyadsn/wilayah db/wilayah.sql (Kepmendagri 300.2.2-2138/2025)',
        'ibukota_area': {
            '33.16.01': ('Doplang', 215.38),
            '33.16.02': ('Randublatung', 235.92),
            # printed "Memden" in the source table; Menden is the place name
            '33.16.03': ('Menden', 112.04),
            '33.16.04': ('Kedungtuban', 108.45),
            '33.16.05': ('Cepu', 49.04),
            '33.16.06': ('Sambong', 102.68),
            '33.16.07': ('Jiken', 165.40),
            '33.16.08': ('Jepon', 119.19),
            '33.16.09': ('Blora', 72.33),
            '33.16.10': ('Tunjungan', 89.36),
            '33.16.11': ('Banjarejo', 110.64),
            '33.16.12': ('Ngawen', 104.86),
            '33.16.13': ('Kunduran', 124.72),
            '33.16.14': ('Todanan', 155.77),
            '33.16.15': ('Bogorejo', 60.82),
            '33.16.16': ('Japah', 129.23),
        },
    },
}


def tidy(name):
    # The source has a few names in lower case ("plosorejo"); names are
    # proper nouns, so give each word a capital letter and nothing else.
    name = name.replace("''", "'")
    return ' '.join(w[:1].upper() + w[1:] for w in name.split(' '))


def main():
    sql_path, regency, out_path = sys.argv[1:4]
    province = regency.split('.')[0]
    names = {}
    with open(sql_path, encoding='utf-8') as f:
        for match in ROW.finditer(f.read()):
            code, name = match.group(1), match.group(2)
            if code == province or code == regency or code.startswith(regency + '.'):
                names[code] = name

    kind, _, regency_name = names[regency].partition(' ')
    extra = EXTRA.get(regency, {'source': sql_path, 'ibukota_area': {}})
    out = {
        'source': extra['source'],
        'province': {'code': province, 'name': names.get(province, '')},
        'code': regency,
        'kind': kind,
        'name': regency_name,
        'kecamatan': [],
    }
    for code in sorted(c for c in names if c.count('.') == 2):
        ibukota, area = extra['ibukota_area'].get(code, ('', 0.0))
        desa = [{'code': d, 'name': tidy(names[d]), 'kelurahan': d.split('.')[3].startswith('1')}
                for d in sorted(c for c in names if c.startswith(code + '.'))]
        out['kecamatan'].append({'code': code, 'name': tidy(names[code]),
                                 'ibukota': ibukota, 'area_km2': area, 'desa': desa})

    n_desa = sum(len(k['desa']) for k in out['kecamatan'])
    n_kel = sum(d['kelurahan'] for k in out['kecamatan'] for d in k['desa'])
    print(f"{regency}: {len(out['kecamatan'])} kecamatan, {n_desa} desa/kelurahan, "
          f"{n_kel} kelurahan", file=sys.stderr)
    # One desa per line: the file stays readable and diffs stay small.
    def dumps(value):
        return json.dumps(value, ensure_ascii=False)

    lines = ['{']
    for key in ('source', 'province', 'code', 'kind', 'name'):
        lines.append(f'  {dumps(key)}: {dumps(out[key])},')
    lines.append('  "kecamatan": [')
    for i, k in enumerate(out['kecamatan']):
        lines.append('    {')
        for key in ('code', 'name', 'ibukota', 'area_km2'):
            lines.append(f'      {dumps(key)}: {dumps(k[key])},')
        lines.append('      "desa": [')
        lines.extend(f'        {dumps(d)}' + (',' if j < len(k['desa']) - 1 else '')
                     for j, d in enumerate(k['desa']))
        lines.append('      ]')
        lines.append('    }' + (',' if i < len(out['kecamatan']) - 1 else ''))
    lines.append('  ]')
    lines.append('}')
    with open(out_path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
