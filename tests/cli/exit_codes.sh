#!/usr/bin/env bash
# The README's exit table, row by row, through the real `geoevents` command:
# each documented status is produced by a real failure, with its message on
# stderr ("geoevents: …", naming the input), and no status of the table is
# left untested (70, an internal error, is a bug and has no way to be caused).
# usage: exit_codes.sh GEOEVENTS_BINARY SOURCE_DIR   (GEOEVENTS_INDEX names the real index)
set -uo pipefail
bin=$1; src=$2
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fr=$src/samples/barkhane/article-fr.txt
declare -A tested=()

# row STATUS DESCRIPTION STDERR_PATTERN -- COMMAND…
row() {
  local want=$1 what=$2 pattern=$3; shift 4
  "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  if [ "$rc" -eq "$want" ] && { [ -z "$pattern" ] || grep -q -- "$pattern" "$tmp/err"; } && ! grep -qi "terminate called\|what():" "$tmp/err"; then
    echo "ok: exit $want: $what"; tested[$want]=1
  else
    echo "FAILED: exit $want: $what (got $rc)"; sed 's/^/    /' "$tmp/err" | head -5; fail=1
  fi
}

row 0 "parse one article" "" -- "$bin" parse "$fr"
row 1 "lookup of an unknown name" "no place or demonym named" -- "$bin" gazetteer lookup Qwxzyplonk
row 2 "map without articles" "" -- "$bin" map
row 2 "an unknown option" "" -- "$bin" parse --format xml "$fr"
printf 'Le Mali\xff et le Niger.\n' > "$tmp/bad.txt"
row 3 "invalid UTF-8 names the file and the byte" "bad.txt: byte 7" -- "$bin" parse "$tmp/bad.txt"
printf '[{"action": "pin"}]' > "$tmp/corr.json"
row 3 "a corrections file without a name names the file" "corr.json" -- "$bin" map "$fr" -o "$tmp/o3" --corrections "$tmp/corr.json"
row 3 "a bad --date of map" "\-\-date" -- "$bin" map "$fr" -o "$tmp/o3" --date 2022-13
touch "$tmp/afile"
row 4 "an output folder under a file" "afile/out" -- "$bin" map "$fr" -o "$tmp/afile/out"
row 4 "parse of a missing file" "missing.txt" -- "$bin" parse "$tmp/missing.txt"
row 4 "export of a file that is not a GeoPackage" "afile" -- "$bin" export "$tmp/afile" --to geojson -o "$tmp/e"
row 5 "a missing index says how to build it" "gazetteer build" -- env GEOEVENTS_INDEX="$tmp/none.geoidx" "$bin" gazetteer lookup Paris
row 5 "map with a missing index" "none.geoidx" -- "$bin" map "$fr" -o "$tmp/o5" --index "$tmp/none.geoidx"
row 5 "missing lexicons say how to make them" "extract.cjs" -- env GEOEVENTS_LEXICONS="$tmp" "$bin" map "$fr" -o "$tmp/o5"
row 6 "one bad article of two" "1 of 2" -- "$bin" map "$fr" "$tmp/bad.txt" -o "$tmp/o6"
"$bin" map "$fr" -o "$tmp/o7" -q --no-render 2>/dev/null
row 7 "view without an X display points to xvfb-run" "xvfb-run" -- env -u DISPLAY "$bin" view "$tmp/o7/events.gpkg"
row 7 "map --video without an X display" "xvfb-run" -- env -u DISPLAY "$bin" map "$fr" -o "$tmp/o7v" -q --video
mkdir "$tmp/locked"
exec 9<"$tmp/locked"; flock -n 9  # this shell holds the lock, as a running map would
row 8 "an output folder another run holds" "another geoevents run" -- "$bin" map "$fr" -o "$tmp/locked"
exec 9<&-

# Every status of the README table has a row above (70: a bug, cannot be caused).
for s in $(grep -E '^\| [0-9]+ \|' "$src/README.md" | cut -d'|' -f2 | tr -d ' '); do
  [ "$s" = 70 ] && continue
  if [ -z "${tested[$s]:-}" ]; then echo "FAILED: README exit status $s has no test"; fail=1; fi
done
exit $fail
