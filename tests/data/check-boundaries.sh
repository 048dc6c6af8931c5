#!/usr/bin/env bash
# check-boundaries.sh — the component boundaries of src/DESIGN.md, checked
# on the built static libraries
#
# Copyright 2026 The Pamong authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-boundaries.sh --core LIB.a… --server LIB.a --gui LIB.a
#
# The meson dependency lists already keep headers out of a library that must
# not use them; this looks at what each library really calls (its undefined
# symbols), so a declaration copied by hand or a dependency added to the
# wrong list is caught too:
#   core   (pamong-model, -spbe, -region, -store, -demo): no GTK, GDK, GSK,
#          libadwaita
#   server (pamong-server): no GTK, GDK, GSK, libadwaita
#   gui    (pamong-gui): no libsoup (the network belongs to the sync engine
#          in core) and no SQLite (the GUI reads and writes through the store)
set -u

NM=${NM:-nm}
role=
core=() server=() gui=()
for arg in "$@"; do
  case $arg in
    --core|--server|--gui) role=${arg#--} ;;
    *)
      case $role in
        core) core+=("$arg") ;;
        server) server+=("$arg") ;;
        gui) gui+=("$arg") ;;
        *) echo "usage: $0 --core LIB.a… --server LIB.a --gui LIB.a" >&2; exit 2 ;;
      esac ;;
  esac
done
if ((${#core[@]} == 0 || ${#server[@]} == 0 || ${#gui[@]} == 0)); then
  echo "usage: $0 --core LIB.a… --server LIB.a --gui LIB.a" >&2
  exit 2
fi

failures=0
n=0

# undefined LIB: the undefined symbols of every object in a static library.
undefined () {
  "$NM" -u "$1" | awk 'NF >= 2 && $1 == "U" { print $2 } NF == 1 && $1 !~ /:$/ { print $1 }' | sort -u
}

# forbid ROLE LIB REGEX WHAT
forbid () {
  local role=$1 lib=$2 regex=$3 what=$4 hits
  n=$((n + 1))
  if [[ ! -f $lib ]]; then
    echo "not ok $n - $role library $(basename "$lib") was not built"
    failures=$((failures + 1))
    return
  fi
  hits=$(undefined "$lib" | grep -E "^($regex)")
  if [[ -n $hits ]]; then
    echo "not ok $n - $role library $(basename "$lib") must not use $what"
    # Name the objects that do, so the fix is obvious.
    "$NM" -A -u "$lib" | grep -E " U ($regex)" | sed 's/^/#   /' | head -n 20
    failures=$((failures + 1))
  else
    echo "ok $n - $role library $(basename "$lib") uses no $what"
  fi
}

gtk_regex='gtk_|gdk_|gsk_|adw_|_gtk_|_gdk_|_adw_'
soup_regex='soup_|_soup_'
sqlite_regex='sqlite3_'

# A scan that sees nothing proves nothing: the core's models call GObject.
n=$((n + 1))
gobject_calls=0
for lib in "${core[@]}"; do
  [[ -f $lib ]] && gobject_calls=$((gobject_calls + $(undefined "$lib" | grep -c '^g_object_')))
done
if ((gobject_calls > 0)); then
  echo "ok $n - nm reads the undefined symbols of the core libraries"
else
  echo "not ok $n - nm found no GObject calls in the core libraries: the scan is broken"
  failures=$((failures + 1))
fi

for lib in "${core[@]}"; do
  forbid core "$lib" "$gtk_regex" "GTK, GDK or libadwaita"
done
for lib in "${server[@]}"; do
  forbid server "$lib" "$gtk_regex" "GTK, GDK or libadwaita"
done
for lib in "${gui[@]}"; do
  forbid gui "$lib" "$soup_regex" "libsoup"
  forbid gui "$lib" "$sqlite_regex" "SQLite directly"
done

echo "1..$n"
exit $((failures > 0))
