#!/usr/bin/env bash
# `geoevents basemap` as a person or a script meets it: output, exit statuses, messages.
# usage: basemap.sh GEOEVENTS_BINARY PACKAGES_DIR
set -uo pipefail
bin=$1; packages=$2
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; fail=1; fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$bin" basemap build -o "$tmp/out/basemap.bin" --packages "$packages" -q >"$tmp/stdout" 2>"$tmp/err"; rc=$?
check "build exits 0 and says what it wrote" '[ $rc -eq 0 ] && grep -q "built $tmp/out/basemap.bin" "$tmp/stdout" && grep -q "countries" "$tmp/stdout"'
check "build -q prints no progress" '[ ! -s "$tmp/err" ]'
check "build leaves no temporary file" '[ "$(ls "$tmp/out")" = "basemap.bin" ]'

out=$("$bin" basemap info --basemap "$tmp/out/basemap.bin"); rc=$?
check "info exits 0 with the package versions and counts" '[ $rc -eq 0 ] && [[ "$out" == *"\"world-atlas\":\"2.0.2\""* ]] && [[ "$out" == *"1:10m borders"* ]] && [[ "$out" == *"capitals"* ]]'

out=$(GEOEVENTS_BASEMAP="$tmp/out/basemap.bin" "$bin" basemap info); rc=$?
check "info finds the file through GEOEVENTS_BASEMAP" '[ $rc -eq 0 ] && [[ "$out" == *"basemap $tmp/out/basemap.bin"* ]]'

"$bin" basemap info --basemap "$tmp/none.bin" >/dev/null 2>"$tmp/err"; rc=$?
check "a missing basemap exits 5 and says how to build it" '[ $rc -eq 5 ] && grep -q "none.bin: not found" "$tmp/err" && grep -q "geoevents basemap build" "$tmp/err"'

head -c 100000 /dev/urandom > "$tmp/bad.bin"
"$bin" basemap info --basemap "$tmp/bad.bin" >/dev/null 2>"$tmp/err"; rc=$?
check "a corrupt basemap exits 5" '[ $rc -eq 5 ] && grep -q "bad.bin: not a geoevents basemap" "$tmp/err"'

head -c 5000 "$tmp/out/basemap.bin" > "$tmp/short.bin"
"$bin" basemap info --basemap "$tmp/short.bin" >/dev/null 2>"$tmp/err"; rc=$?
check "a truncated basemap exits 5" '[ $rc -eq 5 ] && grep -q "truncated" "$tmp/err"'

sum_before=$(md5sum "$tmp/out/basemap.bin" | cut -d" " -f1)
"$bin" basemap build -o "$tmp/out/basemap.bin" --packages "$tmp/no-packages" >/dev/null 2>"$tmp/err"; rc=$?
check "missing data packages exit 4 (a file could not be read), naming the file" '[ $rc -eq 4 ] && grep -q "no-packages/world-atlas/package.json: cannot read" "$tmp/err"'
check "a failed build leaves the existing basemap as it was" '[ "$(md5sum "$tmp/out/basemap.bin" | cut -d" " -f1)" = "$sum_before" ] && [ "$(ls "$tmp/out")" = "basemap.bin" ]'

touch "$tmp/file"
"$bin" basemap build -o "$tmp/file/basemap.bin" --packages "$packages" -q >/dev/null 2>"$tmp/err"; rc=$?
check "an unwritable output exits 4" '[ $rc -eq 4 ] && grep -q "file/basemap.bin" "$tmp/err"'

"$bin" basemap >/dev/null 2>&1; rc=$?
check "basemap without a sub-command exits 2" '[ $rc -eq 2 ]'
"$bin" basemap info --nope >/dev/null 2>&1; rc=$?
check "a bad option exits 2" '[ $rc -eq 2 ]'

exit $fail
