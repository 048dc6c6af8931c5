#!/usr/bin/env python3
# check-flatpak-manifest.py — validate the Flatpak manifest offline
#
# Copyright 2026 The Pamong authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The GNOME runtime cannot be installed here, so the manifest is checked as
# far as is possible without it: JSON syntax, the app id against the desktop
# file and the metainfo, the command against the executables meson installs,
# every local source path, and the sandbox permissions. When flatpak-builder
# is installed, its own parser must accept the manifest without a warning
# and every local file it depends on must exist.

import argparse
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

# What Pamong needs and nothing more: the network for sync, a display, GPU.
REQUIRED_FINISH_ARGS = {
    '--share=network',
    '--share=ipc',
    '--socket=fallback-x11',
    '--socket=wayland',
    '--device=dri',
}
# Holes in the sandbox that Pamong must never ask for.
FORBIDDEN_PREFIXES = (
    '--filesystem=host',
    '--filesystem=home',
    '--socket=x11',
    '--device=all',
    '--talk-name=org.freedesktop.Flatpak',
    '--socket=session-bus',
    '--socket=system-bus',
)
LOCAL_SOURCE_TYPES = ('dir', 'file', 'patch', 'script')

errors = []


def fail(message):
    errors.append(message)
    print('not ok: ' + message)


def ok(message):
    print('ok: ' + message)


def installed_executables(build_root):
    path = os.path.join(build_root, 'meson-info', 'intro-targets.json')
    with open(path, encoding='utf-8') as f:
        targets = json.load(f)
    return {t['name'] for t in targets
            if t['type'] == 'executable' and t.get('installed')}


def check_sources(module, manifest_dir, where):
    for source in module.get('sources', []):
        if isinstance(source, str):
            # A path to a JSON file holding more sources.
            path = os.path.join(manifest_dir, source)
            if not os.path.exists(path):
                fail(f'{where}: source file {source} does not exist')
            continue
        kind = source.get('type')
        if kind in LOCAL_SOURCE_TYPES and 'path' in source:
            path = os.path.normpath(os.path.join(manifest_dir, source['path']))
            if os.path.exists(path):
                ok(f'{where}: {kind} source {source["path"]} exists')
            else:
                fail(f'{where}: {kind} source {source["path"]} does not exist ({path})')
        for patch in source.get('paths', []):
            if not os.path.exists(os.path.join(manifest_dir, patch)):
                fail(f'{where}: patch {patch} does not exist')
    for sub in module.get('modules', []):
        if isinstance(sub, dict):
            check_sources(sub, manifest_dir, where + '/' + sub.get('name', '?'))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--manifest', required=True)
    parser.add_argument('--app-id', required=True,
                        help='the id of the stable profile, which the manifest builds')
    parser.add_argument('--build-root', required=True)
    parser.add_argument('--desktop', required=True, help='the merged desktop file')
    parser.add_argument('--metainfo', required=True, help='the merged metainfo file')
    args = parser.parse_args()

    args.manifest = os.path.abspath(args.manifest)
    manifest_dir = os.path.dirname(args.manifest)
    try:
        with open(args.manifest, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        fail(f'{args.manifest} is not valid JSON: {e}')
        return 1

    # The app id: the manifest's, its file name's, the desktop file's and
    # the metainfo's must all agree.
    app_id = manifest.get('id') or manifest.get('app-id')
    if app_id != args.app_id:
        fail(f'manifest id is {app_id!r}, the project builds {args.app_id!r}')
    else:
        ok(f'manifest id {app_id}')
    if os.path.basename(args.manifest) != args.app_id + '.json':
        fail(f'manifest file name should be {args.app_id}.json')
    desktop_id = os.path.basename(args.desktop)[:-len('.desktop')]
    metainfo_id = ET.parse(args.metainfo).getroot().findtext('id')
    # A development build uses the .Devel id; its ids must still extend the base.
    for what, value in (('desktop file', desktop_id), ('metainfo', metainfo_id)):
        if value not in (args.app_id, args.app_id + '.Devel'):
            fail(f'{what} id {value!r} does not match the manifest id {args.app_id!r}')
        else:
            ok(f'{what} id {value} matches')
    launchable = ET.parse(args.metainfo).getroot().findtext('launchable')
    if launchable != desktop_id + '.desktop':
        fail(f'metainfo launchable {launchable!r} is not the desktop file {desktop_id}.desktop')

    # The runtime.
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        fail('the manifest must build on org.gnome.Platform with org.gnome.Sdk')
    if manifest.get('runtime-version') != '47':
        fail(f'runtime-version is {manifest.get("runtime-version")!r}, expected "47"')

    # The command must be an executable that meson installs.
    command = manifest.get('command')
    executables = installed_executables(args.build_root)
    if command not in executables:
        fail(f'command {command!r} is not an installed executable of the build '
             f'(installed: {", ".join(sorted(executables)) or "none"})')
    else:
        ok(f'command {command} is an installed executable')

    # Permissions.
    finish_args = manifest.get('finish-args', [])
    missing = REQUIRED_FINISH_ARGS - set(finish_args)
    if missing:
        fail('finish-args lack ' + ', '.join(sorted(missing)))
    extra = set(finish_args) - REQUIRED_FINISH_ARGS
    if extra:
        fail('finish-args are not minimal; unexpected: ' + ', '.join(sorted(extra)))
    for arg in finish_args:
        if arg.startswith(FORBIDDEN_PREFIXES):
            fail(f'finish-arg {arg} opens the sandbox too far')
    if not missing and not extra:
        ok('finish-args are the minimal set with network access')

    # Modules: the last one is Pamong itself, built with meson from the tree.
    modules = manifest.get('modules', [])
    if not modules or not isinstance(modules[-1], dict) or modules[-1].get('name') != 'pamong':
        fail('the last module must be "pamong"')
    else:
        pamong = modules[-1]
        if pamong.get('buildsystem') != 'meson':
            fail('the pamong module must use the meson buildsystem')
        sources = pamong.get('sources', [])
        tree = [s for s in sources if isinstance(s, dict) and s.get('type') == 'dir']
        if not tree or os.path.normpath(os.path.join(manifest_dir, tree[0]['path'])) != \
                os.path.normpath(os.path.join(os.path.dirname(manifest_dir))):
            fail('the pamong module must build from the working tree ({"type": "dir", "path": ".."})')
    for module in modules:
        if isinstance(module, dict):
            check_sources(module, manifest_dir, module.get('name', '?'))
        elif not os.path.exists(os.path.join(manifest_dir, module)):
            fail(f'module file {module} does not exist')

    # flatpak-builder's own parser, when it is installed.
    builder = shutil.which('flatpak-builder')
    if builder:
        r = subprocess.run([builder, '--show-manifest', args.manifest],
                           capture_output=True, text=True, cwd=manifest_dir)
        if r.returncode != 0 or 'WARNING' in r.stderr:
            fail('flatpak-builder --show-manifest: ' + r.stderr.strip())
        else:
            ok('flatpak-builder parses the manifest without warnings')
        r = subprocess.run([builder, '--show-deps', args.manifest],
                           capture_output=True, text=True, cwd=manifest_dir)
        if r.returncode != 0:
            fail('flatpak-builder --show-deps: ' + r.stderr.strip())
        for dep in r.stdout.split():
            if not os.path.exists(os.path.join(manifest_dir, dep)):
                fail(f'flatpak-builder lists {dep}, which does not exist')
    else:
        print('# flatpak-builder is not installed: its parser check is skipped')

    if errors:
        print(f'{len(errors)} problem(s) in {args.manifest}')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
