#!/usr/bin/env bash
# Interrupted and failed `map` runs, on real runs that are killed, limited or
# raced: the output folder always holds one run's outputs, temporaries of
# dead processes are removed by the next run, a file-size limit is an I/O
# error (exit 4) with a message, a second run into a busy folder is refused
# (exit 8), and --quiet prints nothing but errors.
# usage: interrupted.sh GEOEVENTS_BINARY SOURCE_DIR   (GEOEVENTS_INDEX names the real index)
set -uo pipefail
bin=$1; src=$2
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; fail=1; fi; }
tmp=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
samples=$src/samples
formats=(--format geojson --format csv --format shp)

# Many articles with distinct dates (so that events do not merge): a run
# long enough to be killed while it writes.
python3 - "$samples" > "$tmp/many.jsonl" <<'PY'
import json, pathlib, sys
files = sorted(pathlib.Path(sys.argv[1]).glob("*/*.txt"))
texts = [f.read_text(encoding="utf-8") for f in files]
for i in range(600):
    t = texts[i % len(texts)]
    lines = t.split("\n")
    if lines[0].startswith("date "): t = "\n".join(lines[1:])
    print(json.dumps({"id": f"a{i}", "text": t, "date": f"{2000 + i // 12}-{i % 12 + 1:02d}-15"}))
PY

# events in each output: the GeoPackage, the CSV, the GeoJSON
counts() {
  local o=$1
  local g c j
  g=$(ogrinfo -ro -so "$o/events.gpkg" events 2>/dev/null | sed -n 's/^Feature Count: //p')
  c=$(( $(wc -l < "$o/csv/events.csv") - 1 ))
  j=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["features"]))' "$o/geojson/events.geojson")
  echo "$g $c $j"
}
one_run() { local a b c; read -r a b c <<<"$(counts "$1")"; [ -n "$a" ] && [ "$a" = "$b" ] && [ "$b" = "$c" ]; }

out=$tmp/out
"$bin" map "$samples/barkhane" -o "$out" "${formats[@]}" --quiet 2>"$tmp/err"; rc=$?
check "a first run writes every format" '[ $rc -eq 0 ] && one_run "$out"'
first=$(counts "$out")

# Kill runs of the big batch at the moment they write (their staging folder
# holds the GeoPackage), several times.
hits=0
for attempt in 1 2 3; do
  "$bin" map - -o "$out" "${formats[@]}" --quiet -j 2 < "$tmp/many.jsonl" 2>/dev/null & p=$!; pids+=("$p")
  for _ in $(seq 3000); do
    if compgen -G "$out/.geoevents-run-$p-*/events.gpkg" >/dev/null || compgen -G "$out/.geoevents-run-$p-*/geojson" >/dev/null; then
      kill -9 "$p"; hits=$((hits + 1)); break
    fi
    kill -0 "$p" 2>/dev/null || break
    sleep 0.01
  done
  wait "$p" 2>/dev/null
  check "killed while writing (attempt $attempt): the folder holds one run's outputs" 'one_run "$out"'
done
check "at least one run was killed in the middle of writing" '[ $hits -ge 1 ]'
check "the killed runs left their staging folders (until the next run)" '[ $hits -eq 0 ] || compgen -G "$out/.geoevents-run-*" >/dev/null'
check "the previous outputs are still the first run's" '[ "$(counts "$out")" = "$first" ]'

# Temporaries of dead processes go; those of a live process stay.
dead=$(sh -c 'echo $$')
touch "$out/.events.gpkg.tmp-$dead-1" "$out/.events.gpkg.tmp-$$-1"
mkdir -p "$out/geojson/.geoevents-tmp-$dead-2"
"$bin" map "$samples/barkhane" -o "$out" "${formats[@]}" --quiet 2>"$tmp/err"; rc=$?
check "the next run succeeds" '[ $rc -eq 0 ] && one_run "$out"'
check "it removed the staging folders and temporaries of dead runs" \
  '! compgen -G "$out/.geoevents-run-*" >/dev/null && [ ! -e "$out/.events.gpkg.tmp-$dead-1" ] && [ ! -e "$out/geojson/.geoevents-tmp-$dead-2" ]'
check "it left the temporary of a live process alone" '[ -e "$out/.events.gpkg.tmp-$$-1" ]'
rm -f "$out/.events.gpkg.tmp-$$-1"

# A file-size limit: the write fails with a message and exit 4, nothing changes.
sum=$(cd "$out" && find . -type f | sort | xargs md5sum | md5sum)
( ulimit -f 64; exec "$bin" map - -o "$out" "${formats[@]}" --quiet < "$tmp/many.jsonl" ) >/dev/null 2>"$tmp/err"; rc=$?
check "ulimit -f: exit 4 with a message like a full disk" '[ $rc -eq 4 ] && grep -q "File too large" "$tmp/err"'
check "ulimit -f: the previous outputs are untouched, no temporary left" \
  '[ "$(cd "$out" && find . -type f | sort | xargs md5sum | md5sum)" = "$sum" ] && [ -z "$(find "$out" -name ".*tmp*" -o -name ".geoevents-run-*" | head -1)" ]'

# Two runs into one folder at once: the second is refused, the first completes.
"$bin" map - -o "$out" "${formats[@]}" --quiet -j 1 < "$tmp/many.jsonl" 2>"$tmp/err1" & p=$!; pids+=("$p")
# (its staging folder appears once it holds the lock; probing with flock(1) could steal it)
for _ in $(seq 6000); do compgen -G "$out/.geoevents-run-$p-*" >/dev/null && break; sleep 0.01; done
"$bin" map "$samples/barkhane" -o "$out" --quiet >"$tmp/out2" 2>"$tmp/err2"; rc2=$?
wait "$p"; rc1=$?
check "a second run into a busy folder: exit 8 and a clear message" '[ $rc2 -eq 8 ] && grep -q "another geoevents run is writing into this output folder" "$tmp/err2" || { echo "  got $rc2:"; cat "$tmp/err2"; false; }'
check "the first run completes and the folder holds its outputs" '[ $rc1 -eq 0 ] && one_run "$out" && [ "$(counts "$out")" != "$first" ] || { echo "  got $rc1:"; cat "$tmp/err1"; false; }'

# --quiet prints nothing but errors.
"$bin" map "$samples" -o "$tmp/q" "${formats[@]}" --quiet >"$tmp/qout" 2>"$tmp/qerr"; rc=$?
check "map --quiet prints nothing on success" '[ $rc -eq 0 ] && [ ! -s "$tmp/qout" ] && [ ! -s "$tmp/qerr" ]'
printf 'Bamako \xff\n' > "$tmp/broken.txt"
"$bin" map "$samples/barkhane" "$tmp/broken.txt" -o "$tmp/q" --quiet >"$tmp/qout" 2>"$tmp/qerr"; rc=$?
check "map --quiet still prints errors" '[ $rc -eq 6 ] && [ ! -s "$tmp/qout" ] && grep -q "broken.txt" "$tmp/qerr"'
exit $fail
