#!/usr/bin/env python3
# check-i18n.py — every translatable string is listed, extracted and translated
#
# Copyright 2026 The Pamong authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage:
#   check-i18n.py potfiles SOURCE_ROOT
#       Every file under src/ and data/ with translatable strings is listed in
#       po/POTFILES.in, every listed file exists, no entry is repeated, the
#       list is in the order po/README.md asks for, and every .ui file with
#       translatable strings names the "pamong" domain.
#   check-i18n.py translations SOURCE_ROOT
#       xgettext extracts the strings of POTFILES.in (the keywords of meson's
#       glib preset); each language of po/LINGUAS is merged against them the
#       way `ninja pamong-update-po` would, and the test fails on any
#       untranslated or fuzzy message, naming it, and on any `msgfmt -c` error.
#
# Only the Python standard library and the gettext tools are used.

import os
import re
import shutil
import subprocess
import sys
import tempfile

DOMAIN = 'pamong'

# The keywords of meson's glib preset (mesonbuild/modules/i18n.py) plus
# plain ngettext. .ui, .desktop.in, .metainfo.xml.in and .gschema.xml files
# are recognised by xgettext itself.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--keyword=ngettext:1,2',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

C_MARKERS = re.compile(
    r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|g_dpgettext2|g_dcgettext|ngettext)\s*\(\s*("|[A-Za-z_]+\s*\(|\w+\s*,)')
UI_MARKER = re.compile(r'translatable\s*=\s*"(yes|true|1)"')
SCHEMA_MARKER = re.compile(r'gettext-domain\s*=')
UI_DOMAIN = re.compile(r'<interface\b[^>]*\bdomain\s*=\s*"' + DOMAIN + '"')


def read_potfiles(root):
    """The entries of po/POTFILES.in, in order, with their line numbers."""
    entries = []
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append((number, line))
    return entries


def strip_c_comments(text):
    return re.sub(r'/\*.*?\*/|//[^\n]*', ' ', text, flags=re.S)


def has_translatable_strings(path):
    name = os.path.basename(path)
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except UnicodeDecodeError:
        return False
    if name.endswith(('.c', '.h')):
        return bool(C_MARKERS.search(strip_c_comments(text)))
    if name.endswith('.ui'):
        return bool(UI_MARKER.search(text))
    if name.endswith('.gschema.xml'):
        return bool(SCHEMA_MARKER.search(text))
    if name.endswith(('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in')):
        return True
    return False


def candidate_files(root):
    for top in ('src', 'data'):
        for directory, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = sorted(d for d in dirs if not d.startswith(('.', '_build')))
            for name in sorted(files):
                path = os.path.join(directory, name)
                yield os.path.relpath(path, root), path


def check_potfiles(root):
    problems = []
    entries = read_potfiles(root)
    listed = [entry for _, entry in entries]

    for number, entry in entries:
        if not os.path.isfile(os.path.join(root, entry)):
            problems.append(f'po/POTFILES.in:{number}: {entry} does not exist')
    seen = set()
    for number, entry in entries:
        if entry in seen:
            problems.append(f'po/POTFILES.in:{number}: {entry} is listed twice')
        seen.add(entry)
    if listed != sorted(listed):
        problems.append('po/POTFILES.in: the entries are not in byte order (LC_ALL=C sort); '
                        'they should read:\n    '
                        + '\n    '.join(sorted(set(listed))))

    translatable = []
    for relative, path in candidate_files(root):
        if has_translatable_strings(path):
            translatable.append(relative)
            if relative not in seen:
                problems.append(f'{relative} has translatable strings but is not in po/POTFILES.in')
            if relative.endswith('.ui'):
                with open(path, encoding='utf-8') as f:
                    if not UI_DOMAIN.search(f.read()):
                        problems.append(f'{relative}: <interface> must say domain="{DOMAIN}"')

    for relative in listed:
        if os.path.isfile(os.path.join(root, relative)) and relative not in translatable:
            print(f'# note: {relative} is listed but no translatable string was recognised in it')

    print(f'# {len(translatable)} file(s) with translatable strings, {len(listed)} listed')
    return problems


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def messages(po_path, *attrib_args):
    """The msgids msgattrib selects, as short readable strings."""
    r = run(['msgattrib', '--no-wrap', '--no-obsolete', *attrib_args, po_path])
    found = []
    context = None
    for line in r.stdout.splitlines():
        if line.startswith('msgctxt '):
            context = line[len('msgctxt '):]
        elif line.startswith('msgid '):
            msgid = line[len('msgid '):]
            if msgid != '""':
                found.append(f'{context}|{msgid}' if context else msgid)
            context = None
    return found


def check_translations(root):
    problems = []
    for tool in ('xgettext', 'msgmerge', 'msgfmt', 'msgattrib'):
        if shutil.which(tool) is None:
            return [f'{tool} (gettext) is not installed']

    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for line in f if not line.startswith('#') for w in line.split()]
    for wanted in ('id', 'jv'):
        if wanted not in languages:
            problems.append(f'po/LINGUAS lacks {wanted}')

    entries = [entry for _, entry in read_potfiles(root)
               if os.path.isfile(os.path.join(root, entry))]

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, DOMAIN + '.pot')
        files_from = os.path.join(tmp, 'POTFILES')
        with open(files_from, 'w', encoding='utf-8') as f:
            f.write('\n'.join(entries) + '\n')
        r = run(['xgettext', *XGETTEXT_ARGS, '--package-name=' + DOMAIN,
                 '--files-from=' + files_from, '--directory=' + root,
                 '--output=' + pot], cwd=root)
        if r.returncode != 0:
            return problems + ['xgettext failed:\n' + r.stderr]
        for line in r.stderr.splitlines():
            print('# xgettext: ' + line)
        if not os.path.exists(pot):
            # xgettext writes nothing when there is nothing to translate.
            print('# no translatable strings were extracted')
            with open(pot, 'w', encoding='utf-8') as f:
                f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n')
        total = len(messages(pot))
        print(f'# {total} message(s) extracted from {len(entries)} file(s)')

        for lang in languages:
            po = os.path.join(root, 'po', lang + '.po')
            if not os.path.exists(po):
                problems.append(f'po/{lang}.po does not exist')
                continue
            r = run(['msgfmt', '-c', '-o', os.devnull, po])
            if r.returncode != 0:
                problems.append(f'msgfmt -c po/{lang}.po:\n' + r.stderr.strip())
            merged = os.path.join(tmp, lang + '.po')
            r = run(['msgmerge', '--quiet', '--previous', '-o', merged, po, pot])
            if r.returncode != 0:
                problems.append(f'msgmerge po/{lang}.po:\n' + r.stderr.strip())
                continue
            r = run(['msgfmt', '-c', '--statistics', '-o', os.devnull, merged])
            if r.returncode != 0:
                problems.append(f'msgfmt -c on po/{lang}.po merged with the sources:\n' + r.stderr.strip())
            statistics = r.stderr.strip().splitlines()
            print(f'# {lang}: {statistics[-1] if statistics else "no statistics"}')
            untranslated = messages(merged, '--untranslated')
            fuzzy = messages(merged, '--only-fuzzy')
            if untranslated:
                problems.append(f'po/{lang}.po: {len(untranslated)} untranslated message(s):\n    '
                                + '\n    '.join(untranslated))
            if fuzzy:
                problems.append(f'po/{lang}.po: {len(fuzzy)} fuzzy message(s) (the source string changed; '
                                'check the translation and remove the fuzzy flag):\n    '
                                + '\n    '.join(fuzzy))
            if not untranslated and not fuzzy:
                print(f'ok: po/{lang}.po translates all {total} message(s)')
    return problems


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ('potfiles', 'translations'):
        print(__doc__ or '', file=sys.stderr)
        print('usage: check-i18n.py potfiles|translations SOURCE_ROOT', file=sys.stderr)
        return 2
    mode, root = sys.argv[1], os.path.abspath(sys.argv[2])
    problems = check_potfiles(root) if mode == 'potfiles' else check_translations(root)
    for problem in problems:
        print('not ok: ' + problem)
    if problems:
        print(f'{len(problems)} problem(s); see po/README.md for how to fix them')
        return 1
    print('ok: ' + mode)
    return 0


if __name__ == '__main__':
    sys.exit(main())
