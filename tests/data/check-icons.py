#!/usr/bin/env python3
# check-icons.py — the app icons follow the GNOME icon conventions
#
# Copyright 2026 The Pamong authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-icons.py SCALABLE.svg SYMBOLIC.svg GRESOURCE.xml SOURCE_DIR
#
# The full-colour icon is a 128×128 canvas; the symbolic one is 16×16 and
# uses only the one foreground grey GTK recolours; the GResource lists both
# under the app id and every file it lists exists.

import os
import re
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
SYMBOLIC_GREY = '#2e3436'
errors = 0


def check(condition, message):
    global errors
    print(('ok: ' if condition else 'not ok: ') + message)
    if not condition:
        errors += 1


def canvas(root):
    return root.get('width'), root.get('height'), root.get('viewBox')


def colours(root):
    found = set()
    for element in root.iter():
        for attribute in ('fill', 'stroke'):
            value = element.get(attribute)
            if value and value != 'none':
                found.add(value.lower())
        for match in re.finditer(r'(?:fill|stroke)\s*:\s*([^;]+)', element.get('style', '')):
            if match.group(1).strip() != 'none':
                found.add(match.group(1).strip().lower())
    return found


def main():
    scalable, symbolic, gresource, source_dir = sys.argv[1:5]

    root = ET.parse(scalable).getroot()
    check(root.tag == SVG + 'svg', f'{os.path.basename(scalable)} is an SVG document')
    check(canvas(root) == ('128', '128', '0 0 128 128'),
          f'{os.path.basename(scalable)} has a 128×128 canvas')
    check(not any(e.tag == SVG + 'image' for e in root.iter()),
          f'{os.path.basename(scalable)} embeds no bitmap')

    root = ET.parse(symbolic).getroot()
    check(root.tag == SVG + 'svg', f'{os.path.basename(symbolic)} is an SVG document')
    check(canvas(root) == ('16', '16', '0 0 16 16'),
          f'{os.path.basename(symbolic)} has a 16×16 canvas')
    used = colours(root)
    check(used == {SYMBOLIC_GREY},
          f'{os.path.basename(symbolic)} uses only {SYMBOLIC_GREY} (found: {", ".join(sorted(used)) or "none"})')

    root = ET.parse(gresource).getroot()
    files = [(r.get('prefix'), f.get('alias'), f.text)
             for r in root.iter('gresource') for f in r.iter('file')]
    aliases = {alias for _, alias, _ in files}
    app_id = os.path.basename(gresource)[:-len('.gresource.xml')]
    for wanted in (app_id + '.svg', app_id + '-symbolic.svg'):
        check(any(a and a.endswith('.svg') and a.startswith(wanted.split('.svg')[0]) for a in aliases),
              f'the GResource holds an icon named like {wanted}')
    for prefix, alias, path in files:
        check(prefix.endswith('/icons/scalable/apps'), f'{alias} sits under icons/scalable/apps')
        check(os.path.exists(os.path.join(source_dir, path)), f'{path} exists')

    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
