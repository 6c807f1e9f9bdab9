#!/usr/bin/env bash
# The catalogue of bad inputs (README, "Bad inputs"): each row feeds the real
# command a hostile input and checks the exit status, that the message names
# the input (and the position where there is one), and what is left on disk.
# usage: bad_inputs.sh GEOEVENTS_BINARY SOURCE_DIR   (GEOEVENTS_INDEX names the real index)
set -uo pipefail
bin=$(realpath "$1"); src=$(realpath "$2")
fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
samples=$src/samples/barkhane

# row STATUS DESCRIPTION STDERR_PATTERN -- COMMAND…   (stdout in $tmp/stdout.log)
row() {
  local want=$1 what=$2 pattern=$3; shift 4
  "$@" >"$tmp/stdout.log" 2>"$tmp/stderr.log"; local rc=$?
  if [ "$rc" -eq "$want" ] && { [ -z "$pattern" ] || grep -q -- "$pattern" "$tmp/stderr.log"; } && ! grep -qi "terminate called\|what():\|runtime error" "$tmp/stderr.log"; then
    echo "ok: $what"
  else
    echo "FAILED: $what (exit $rc, expected $want)"; sed 's/^/    /' "$tmp/stderr.log" | head -5; fail=1
  fi
}
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; fail=1; fi; }
event_dates() {  # the (type, date) of every event of parse's JSON on stdin
  python3 -c 'import json,sys; print(" ".join(e["type"] + "=" + str(e["date"]) for e in json.load(sys.stdin)["events"]))'
}

# --- text
printf 'Le Mali\xff et le Niger.\n' > invalid.txt
row 3 "invalid UTF-8: file and byte named" "invalid.txt: byte 7: invalid UTF-8" -- "$bin" parse invalid.txt
printf 'Le Mali \xc0\xaf et le Niger.\n' > overlong.txt
row 3 "overlong UTF-8 encoding: refused at its byte" "overlong.txt: byte 8: invalid UTF-8" -- "$bin" parse overlong.txt
printf 'Le Mali\0 et le Niger.\n' > nul.txt
row 3 "NUL byte: refused as binary, byte named" "nul.txt: byte 7: NUL byte" -- "$bin" parse nul.txt
truncate -s 200M huge.txt
row 3 "200 MB single-line file: refused before reading" "huge.txt: byte 16777216: article too large" -- "$bin" parse huge.txt
rm -f huge.txt
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > image.png
row 3 "PNG image: refused as binary" "image.png: byte 8: NUL byte" -- "$bin" parse image.png
cp "$(type -P true)" program
row 3 "ELF program: refused as binary" "program: byte .*: NUL byte" -- "$bin" parse program
: > empty.txt
row 0 "empty file: an empty document and a warning" "empty.txt: warning: empty article" -- "$bin" parse empty.txt
printf '  \n\t\n' > blank.txt
row 0 "only whitespace: an empty document and a warning" "blank.txt: warning: empty article" -- "$bin" parse blank.txt
printf 'date 2022-02-17\nLes soldats fran\xc3\xa7ais ont quitt\xc3\xa9 Gao. \xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9 \xe2\x80\x8fBamako\xe2\x80\x8e \xd7\xa2\xd7\x91\xd7\xa8\xd7\x99\xd7\xaa.\n' > rtl.txt
row 0 "right-to-left and mixed scripts: read, places found" "" -- "$bin" parse rtl.txt
check "  ... Gao and Bamako among the places" 'grep -q "\"Gao\"" "$tmp/stdout.log" && grep -q "\"Bamako\"" "$tmp/stdout.log"'
python3 -c "
import csv
names = [r[1] for r in csv.reader(open('$src/data/curated/places.csv'))][1:]
print(', '.join((names * 200)[:10000]))" > names.txt
row 0 "a list of 10,000 place names: read" "" -- "$bin" parse --format jsonl names.txt
mkdir folder.txt
row 3 "a folder without any .txt article" "folder.txt: no .txt article in this folder" -- "$bin" parse folder.txt
row 6 "map: bad inputs reported, the others written" "invalid.txt: byte 7" -- "$bin" map "$samples" invalid.txt nul.txt -o out-batch
check "  ... the good articles are in the GeoPackage" '[ -s out-batch/events.gpkg ] && grep -q "2 of 4 inputs failed" "$tmp/stderr.log"'

# --- dates (as read in an event: "La France a retiré ses soldats du Mali …", reference 2022-02-20)
event_of() { printf 'date 2022-02-20\nLa France a retir\xc3\xa9 ses soldats du Mali %s.\n' "$1" > date.txt; "$bin" parse date.txt 2>/dev/null | event_dates; }
check "31 February is no date: the event keeps the reference date, never a made-up 3 March" '[ "$(event_of "le 31 février 2022")" = "withdrawal=2022-02-20" ]'
check "year 0 is no date" '[ "$(event_of "en l'"'"'an 0")" = "withdrawal=2022-02-20" ]'
check "year 99999 is no date" '[ "$(event_of "en 99999")" = "withdrawal=2022-02-20" ]'
check "\"du 6 au 1er février\": the range runs from 6 January" '[ "$(event_of "du 6 au 1er février")" = "withdrawal=2022-01-06/2022-02-01" ]'
check "an impossible weekday (jeudi 18 février 2022, a Friday): the calendar date wins" '[ "$(event_of "le jeudi 18 février 2022")" = "withdrawal=2022-02-18" ]'

# --- geometry (corrections)
printf '[{"action": "pin", "name": "Gao", "place": {"lat": 95, "lon": 0, "name": "X"}}]' > lat.json
row 3 "a latitude beyond 90 in a corrections file: file and line" "lat.json:1: impossible coordinates" -- "$bin" map "$samples" -o out-geo --corrections lat.json
printf 'action,name,lat,lon,label\npin,Gao,nan,0,X\n' > nan.csv
row 3 "NaN coordinates: file and line" "nan.csv:2: impossible coordinates" -- "$bin" map "$samples" -o out-geo --corrections nan.csv
printf 'action,name,lat,lon,label\npin,Gao,1,inf,X\n' > inf.csv
row 3 "infinite coordinates: file and line" "inf.csv:2: impossible coordinates" -- "$bin" map "$samples" -o out-geo --corrections inf.csv
printf '[{"action": "pin", "name": "Gao", "place": {"lat": 1e999999, "lon": 0, "name": "X"}}]' > overflow.json
row 3 "a number too large for a double in a corrections file (found by fuzzing)" "overflow.json: invalid JSON" -- "$bin" map "$samples" -o out-geo --corrections overflow.json
check "  ... and nothing was written" '[ ! -e out-geo ]'

# --- files
"$bin" map "$samples" -o out --quiet 2>/dev/null
head -c 5000 out/events.gpkg > truncated.gpkg
row 4 "a truncated GeoPackage: named" "truncated.gpkg: cannot open" -- "$bin" export truncated.gpkg --to geojson -o out-trunc
check "  ... nothing written" '[ ! -e out-trunc ]'
if command -v ogr2ogr >/dev/null; then
  printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A1"},"geometry":{"type":"LineString","coordinates":[[2,48],[3,49]]}}]}' > roads.geojson
  ogr2ogr -f GPKG other.gpkg roads.geojson -nln roads 2>/dev/null
  row 3 "a GeoPackage of another program (other layers): named, what is missing said" "other.gpkg: none of the layers places" -- "$bin" export other.gpkg --to geojson -o out-other
fi
mkdir -p out-kind; printf 'not a folder\n' > out-kind/geojson
row 4 "an output path that already holds a file of another kind" "out-kind/geojson: exists and is not a folder" -- "$bin" map "$samples" -o out-kind --format geojson
check "  ... nothing was written beside it" '[ ! -e out-kind/events.gpkg ] && [ "$(cat out-kind/geojson)" = "not a folder" ]'
sum=$(md5sum out/events.gpkg)
row 4 "a full output file system (file-size limit): a message, exit 4" "File too large" -- bash -c "ulimit -f 8; exec \"$bin\" map \"$samples\" -o out --quiet"
check "  ... the previous output is untouched" '[ "$(md5sum out/events.gpkg)" = "$sum" ]'

# A read-only output folder. Root writes anywhere, so as root the run is made
# as `nobody` (setpriv, util-linux), when nobody can reach the binary and data.
mkdir -p readonly; chmod 555 readonly
as_user=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  chmod 755 "$tmp"
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
fi
if [ "$(id -u)" != 0 ] || { [ ${#as_user[@]} -gt 0 ] && "${as_user[@]}" "$bin" parse "$samples/$(ls "$samples" | head -1)" >/dev/null 2>&1; }; then
  row 4 "a read-only output folder: named, nothing written" "readonly.*Permission denied" -- "${as_user[@]}" "$bin" map "$samples" -o readonly --quiet
  check "  ... nothing left in it" '[ -z "$(ls -A readonly)" ]'
else
  echo "skipped: a read-only output folder (root, and user nobody cannot reach $bin or its data)"
fi
chmod 755 readonly

# Files that vanish: a link whose file is gone (as a file removed between the
# listing of a folder and its turn) fails by name; the other articles are written.
mkdir -p vanish; cp "$samples"/*.txt vanish/; ln -s "$tmp/removed-before-its-turn.txt" vanish/gone.txt
row 6 "a file of a folder that disappears before it is read: named, the others written" "vanish/gone.txt: cannot read: No such file" -- "$bin" map vanish -o out-vanish --quiet
check "  ... the others are in the GeoPackage" '[ -s out-vanish/events.gpkg ]'

# GeoJSON another tool wrote, drawn by render: a crs member in metres is honoured;
# latitude written first is refused with the feature named.
if command -v ogr2ogr >/dev/null; then
  ogr2ogr -f GeoJSON -t_srs EPSG:3857 -lco RFC7946=NO places.geojson out/events.gpkg places 2>/dev/null
  row 0 "GeoJSON with a crs member (EPSG:3857 metres): transformed and drawn" "" -- "$bin" render places.geojson -o crs.png
  check "  ... the map is written" '[ -s crs.png ]'
  ogr2ogr -f GeoJSON swapped.geojson out/events.gpkg places 2>/dev/null
  python3 - swapped.geojson <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["features"]:
    f["geometry"]["coordinates"].reverse()
d["features"].insert(0, d["features"].pop())  # any feature may be the first wrong one
json.dump(d, open(sys.argv[1], "w"))
PY
  row 3 "GeoJSON with latitude and longitude swapped: refused, feature named" "swapped.geojson: .*feature [0-9]*: latitude .* beyond ±90 (are latitude and longitude swapped" -- "$bin" render swapped.geojson -o swapped.png
  check "  ... no image" '[ ! -e swapped.png ]'
fi

# --- security: ids and corrections never choose where files go
mkdir -p jail
printf '{"id": "../../escaped", "text": "Les soldats ont quitté Gao."}\n{"id": "/tmp/absolute-%s", "text": "Bamako."}\n' "$$" > ids.jsonl
touch stamp; sleep 1
row 0 "article ids holding paths: only the output folder is written" "" -- "$bin" map - -o jail/out --quiet < ids.jsonl
check "  ... nothing outside it" '[ -z "$(find "$tmp" -newer stamp -not -path "$tmp/jail/out*" -not -path "$tmp/jail" -not -name "*.log" | head -1)" ] && [ ! -e "/tmp/absolute-$$" ]'
printf '[{"action": "drop", "name": "Gao", "article": "../../../etc/passwd"}]' > path.json
row 0 "a corrections file naming a path as article: only matched, never opened or written" "" -- "$bin" map "$samples" -o jail/out2 --corrections path.json --quiet
exit $fail
