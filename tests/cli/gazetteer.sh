#!/usr/bin/env bash
# The gazetteer as a person or a script meets it: output, exit statuses, messages.
# usage: gazetteer.sh GEOEVENTS_BINARY   (GEOEVENTS_INDEX names the real index)
set -uo pipefail
bin=$1
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; fail=1; fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

out=$("$bin" gazetteer lookup "golfe de Guinée" --limit 1); rc=$?
check "a known name exits 0" '[ $rc -eq 0 ]'
check "text output names the place, kind and id" '[[ "$out" == *"Gulf of Guinea"*"sea"*"curated:"* ]]'

out=$("$bin" gazetteer lookup "Bamako" --json --limit 1); rc=$?
check "--json prints a JSON array with the stable id" '[ $rc -eq 0 ] && [[ "$out" == "[{"*"\"id\":\"geonames:2460596\""* ]]'

out=$("$bin" gazetteer lookup "Qwxzyplonk" --json 2>"$tmp/err"); rc=$?
check "an unknown name exits 1 with an empty JSON array" '[ $rc -eq 1 ] && [ "$out" = "[]" ]'
check "an unknown name explains itself on stderr, without a trace" 'grep -q "no place or demonym named" "$tmp/err" && ! grep -qi "exception\|terminate" "$tmp/err"'

"$bin" gazetteer lookup Bamako --index "$tmp/none.geoidx" >/dev/null 2>"$tmp/err"; rc=$?
check "a missing index exits 5 and says how to build it" '[ $rc -eq 5 ] && grep -q "geoevents gazetteer build" "$tmp/err"'

head -c 100000 /dev/urandom > "$tmp/bad.geoidx"
"$bin" gazetteer lookup Bamako --index "$tmp/bad.geoidx" >/dev/null 2>"$tmp/err"; rc=$?
check "a corrupt index exits 5" '[ $rc -eq 5 ] && grep -q "not a geoevents gazetteer index" "$tmp/err"'

"$bin" gazetteer lookup Bamako --limit 0 >/dev/null 2>&1; rc=$?
check "a bad option exits 2" '[ $rc -eq 2 ]'

out=$("$bin" gazetteer lookup "maliennes" --lang fr --limit 1); rc=$?
check "a demonym is marked and points to its country" '[ $rc -eq 0 ] && [[ "$out" == *"Mali (demonym)"*"ne:ML"* ]]'

exit $fail
