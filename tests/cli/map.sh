#!/usr/bin/env bash
# `geoevents map` and `export` as users meet them: outputs, exit statuses,
# messages, and what is left on disk when something goes wrong.
# usage: map.sh GEOEVENTS_BINARY SOURCE_DIR   (GEOEVENTS_INDEX names the real index)
set -uo pipefail
bin=$1; src=$2
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; fail=1; fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
samples="$src/samples"

"$bin" map "$samples" -o "$tmp/out" --format geojson --format shp --format fgb --format kml --format csv --format geojsonseq >"$tmp/stdout" 2>"$tmp/err"; rc=$?
check "map on the samples exits 0" '[ $rc -eq 0 ] || { cat "$tmp/err"; false; }'
check "map writes events.gpkg and every requested format" '[ -s "$tmp/out/events.gpkg" ] && [ -d "$tmp/out/geojson" ] && [ -d "$tmp/out/shp" ] && [ -d "$tmp/out/fgb" ] && [ -s "$tmp/out/events.kml" ] && [ -d "$tmp/out/csv" ] && [ -d "$tmp/out/geojsonseq" ]'
check "map prints where the outputs are" 'grep -q "events.gpkg" "$tmp/stdout"'
check "no temporary file is left behind" '[ -z "$(find "$tmp/out" -name "*.tmp*" -print -quit)" ]'
if command -v ogrinfo >/dev/null; then
  check "the GeoPackage has the four layers and the metadata table" 'ogrinfo -ro -q "$tmp/out/events.gpkg" | grep -q "places" && ogrinfo -ro -q "$tmp/out/events.gpkg" | grep -q "movements" && ogrinfo -ro -q "$tmp/out/events.gpkg" | grep -q "metadata"'
fi
# The places layer keeps the name each language's articles write: the French
# article's "zone des trois frontières" has a French label and no English one.
check "places carry label_fr and label_en" 'head -1 "$tmp/out/csv/places.csv" | grep -q ",label,label_fr,label_en,"'
check "a place only the French article names has a French label and no English one" 'grep -q "^[^,]*,curated:three-borders-area,.*,Zone des trois frontières,Zone des trois frontières,,"  "$tmp/out/csv/places.csv"'
sum_before=$(md5sum "$tmp/out/events.gpkg" | cut -d" " -f1)

printf '[\n {"action": "drop", "name": "X"},\n {"action": "pin", "name": "Gao", "place": "geonames:1"}\n]\n' > "$tmp/bad.json"
"$bin" map "$samples" -o "$tmp/out" --corrections "$tmp/bad.json" --quiet >/dev/null 2>"$tmp/err"; rc=$?
check "a corrupt corrections file exits 3 naming file and line" '[ $rc -eq 3 ] && grep -q "bad.json:3:" "$tmp/err"'
check "a failed run leaves the existing output as it was" '[ "$(md5sum "$tmp/out/events.gpkg" | cut -d" " -f1)" = "$sum_before" ]'

printf '{"action": "drop", "name": "Gao"}' > "$tmp/notarray.json"
"$bin" map "$samples" -o "$tmp/out2" --corrections "$tmp/notarray.json" --quiet >/dev/null 2>"$tmp/err"; rc=$?
check "a corrections object without a list is refused" '[ $rc -eq 3 ] && [ ! -e "$tmp/out2/events.gpkg" ]'

touch "$tmp/afile"
"$bin" map "$samples" -o "$tmp/afile/out" --quiet >/dev/null 2>"$tmp/err"; rc=$?
check "an unwritable output folder exits 4 with a message naming it" '[ $rc -eq 4 ] && grep -q "afile/out" "$tmp/err"'

mkdir -p "$tmp/batch"; cp "$samples"/*/*.txt "$tmp/batch/" 2>/dev/null
printf 'date 2022-02\nBamako \xff\xfe broken\n' > "$tmp/batch/zz-broken.txt"
"$bin" map "$tmp/batch" -o "$tmp/out3" --quiet >/dev/null 2>"$tmp/err"; rc=$?
check "one bad article in a batch: exit 6, the others written" '[ $rc -eq 6 ] && [ -s "$tmp/out3/events.gpkg" ] && grep -q "zz-broken.txt" "$tmp/err" && grep -q "byte" "$tmp/err"'

printf '{"id": "one", "text": "Soldiers left Gao for Niamey on 3 March 2022.", "date": "2022-03-03"}\nnot json\n' | \
  "$bin" map - -o "$tmp/out4" --quiet >/dev/null 2>"$tmp/err"; rc=$?
check "JSON Lines on stdin: good lines read, a bad line reported with its number" '[ $rc -eq 6 ] && [ -s "$tmp/out4/events.gpkg" ] && grep -q "stdin:2" "$tmp/err"'

"$bin" export "$tmp/out/events.gpkg" --to geojson -o "$tmp/exported" >/dev/null 2>"$tmp/err"; rc=$?
check "export to GeoJSON" '[ $rc -eq 0 ] && [ -s "$tmp/exported/events.geojson" ]'

"$bin" export "$tmp/out/events.gpkg" --to "PG:host=127.0.0.1 port=1 dbname=none user=nobody password=secret connect_timeout=2" >/dev/null 2>"$tmp/err"; rc=$?
check "export to a PostGIS server that is down: exit 4, a clear message, password hidden" '[ $rc -eq 4 ] && grep -qi "127.0.0.1" "$tmp/err" && ! grep -q secret "$tmp/err"'
check "nothing was written elsewhere by mistake" '[ -z "$(find "$tmp/out" -newer "$tmp/err" -print -quit)" ]'

# A border the articles name is a line layer of its own, in every format.
printf '%s\n' '{"id": "fr", "date": "2025-03-04", "text": "Douze soldats nigériens ont été tués lundi le long de la frontière avec le Mali."}' \
  '{"id": "en", "date": "2025-03-04", "text": "Gunmen attacked an army post on the Chad-Sudan border on Monday."}' | \
  "$bin" map - -o "$tmp/b" --format geojson --format shp --format fgb --format kml --format csv --format geojsonseq --quiet >/dev/null 2>"$tmp/err"; rc=$?
check "borders: a line layer in every format" '[ $rc -eq 0 ] && [ -s "$tmp/b/shp/borders.shp" ] && [ -s "$tmp/b/fgb/borders.fgb" ] && [ -s "$tmp/b/geojsonseq/borders.geojsonl" ] && grep -q "border:ML-NE" "$tmp/b/csv/borders.csv" && grep -q "border:SD-TD" "$tmp/b/csv/borders.csv" && grep -q "LineString" "$tmp/b/geojson/borders.geojson" && grep -q "borders" "$tmp/b/events.kml"'
if command -v ogrinfo >/dev/null; then
  check "borders: the GeoPackage has the layer, two lines" 'ogrinfo -ro -so "$tmp/b/events.gpkg" borders | grep -q "Feature Count: 2"'
fi
check "a story without a border has no borders layer" '[ ! -e "$tmp/out/shp/borders.shp" ]'

# A part of a country an event names is an area of its own: that side of the country.
printf '%s\n' '{"id": "fr", "date": "2025-05-20", "text": "Des jihadistes ont attaqué lundi plusieurs villages dans l'"'"'ouest du Niger."}' | \
  "$bin" map - -o "$tmp/p" --format csv --quiet >/dev/null 2>"$tmp/err"; rc=$?
check "a part of a country is drawn as its own area" \
  '[ $rc -eq 0 ] && grep -q "ne:NE#w,.*,part," "$tmp/p/csv/areas.csv" && grep -q "^\"\?\(MULTI\)\?POLYGON" "$tmp/p/csv/areas.csv"'

# The intake is parse's: a plain article on standard input, the same limits and exit statuses.
cat "$samples/barkhane/article-en.txt" | "$bin" map - -o "$tmp/out6" --quiet >/dev/null 2>"$tmp/err"; rc=$?
check "a plain article on standard input" '[ $rc -eq 0 ] && [ -s "$tmp/out6/events.gpkg" ]'
head -c 17000000 /dev/zero | tr '\0' 'a' > "$tmp/huge.txt"
"$bin" map "$tmp/huge.txt" -o "$tmp/out7" --quiet >/dev/null 2>"$tmp/err"; rc=$?
check "an article over the limit alone: exit 3 as with parse, nothing written" '[ $rc -eq 3 ] && grep -q "too large" "$tmp/err" && [ ! -e "$tmp/out7/events.gpkg" ]'
"$bin" map "$tmp/missing.txt" -o "$tmp/out7" --quiet >/dev/null 2>"$tmp/err"; rc=$?
check "a missing file alone: exit 4 as with parse" '[ $rc -eq 4 ] && grep -q "missing.txt" "$tmp/err"'
mkdir -p "$tmp/lex"; cp "${GEOEVENTS_LEXICONS:-$src/.cache/lexicons}"/*.txt "$tmp/lex/"
GEOEVENTS_LEXICONS="$tmp/lex" "$bin" map "$samples" -o "$tmp/out7" --quiet >/dev/null 2>"$tmp/err"; rc=$?
check "no lexicon table: exit 5 and how to build it" '[ $rc -eq 5 ] && grep -q "geoevents lexicons build" "$tmp/err"'

mkdir -p "$tmp/nolex"
GEOEVENTS_LEXICONS="$tmp/nolex" "$bin" map "$samples" -o "$tmp/out5" --quiet >/dev/null 2>"$tmp/err"; rc=$?
check "missing lexicons exit 5 and say how to make them" '[ $rc -eq 5 ] && grep -q "extract.cjs" "$tmp/err" && [ ! -e "$tmp/out5/events.gpkg" ]'

# Many articles of one story (JSON Lines, more than one reading slice of 4,096):
# the same events as the four articles alone, each listing every source once.
cat > "$tmp/story.py" <<'PY'
import json, pathlib, sys
texts = [f.read_text(encoding="utf-8") for f in sorted(pathlib.Path(sys.argv[1]).glob("*/*.txt"))]
texts = ["\n".join(t.split("\n")[1:]) if t.startswith("date ") else t for t in texts]
for i in range(int(sys.argv[2])):
    print(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)], "date": "2022-02-17"}))
PY
python3 "$tmp/story.py" "$samples" 4 > "$tmp/story4.jsonl"
python3 "$tmp/story.py" "$samples" 4200 > "$tmp/story4200.jsonl"
"$bin" map - -o "$tmp/s4" --format csv --quiet < "$tmp/story4.jsonl" 2>"$tmp/err"; rc4=$?
"$bin" map - -o "$tmp/s4200" --format csv --quiet -j 2 < "$tmp/story4200.jsonl" 2>"$tmp/err"; rc=$?
story() { python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
srcs = [r["sources"].split(", ") for r in rows]
assert all(len(s) == len(set(s)) for s in srcs), "a source listed twice"
print(len(rows), max(len(s) for s in srcs))' "$1/csv/events.csv"; }
check "4,200 articles of one story: the events of the four articles, every source once" \
  '[ $rc4 -eq 0 ] && [ $rc -eq 0 ] && [ "$(story "$tmp/s4" | cut -d" " -f1)" = "$(story "$tmp/s4200" | cut -d" " -f1)" ] && [ "$(story "$tmp/s4200" | cut -d" " -f2)" -ge 2100 ]'

exit $fail
