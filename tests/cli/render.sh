#!/usr/bin/env bash
# Map images as a person or a script meets them: `map` ends with map.png and
# map.svg, `render` writes PNG, SVG and PDF, and refuses what it cannot draw.
# usage: render.sh GEOEVENTS_BINARY SOURCE_DIR  (GEOEVENTS_INDEX names the real index)
set -uo pipefail
bin=$1
src=$2
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; fail=1; fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$bin" map "$src/samples/barkhane" -o "$tmp/out" -q 2>"$tmp/err"; rc=$?
check "map exits 0 and draws map.png and map.svg beside the GeoPackage" \
  '[ $rc -eq 0 ] && [ -s "$tmp/out/map.png" ] && [ -s "$tmp/out/map.svg" ] && [ -s "$tmp/out/events.gpkg" ]'
check "map's images are PNG and SVG" \
  '[ "$(head -c 8 "$tmp/out/map.png" | od -An -tx1 | tr -d " \n")" = "89504e470d0a1a0a" ] && head -c 200 "$tmp/out/map.svg" | grep -q "<svg"'

"$bin" map "$src/samples/barkhane" -o "$tmp/norender" -q --no-render 2>/dev/null; rc=$?
check "map --no-render draws nothing" '[ $rc -eq 0 ] && [ -s "$tmp/norender/events.gpkg" ] && [ ! -e "$tmp/norender/map.png" ]'

"$bin" render "$tmp/out/events.gpkg" -o "$tmp/a.png" -o "$tmp/a.svg" -o "$tmp/a.pdf" --size square -q 2>"$tmp/err"; rc=$?
check "render writes PNG, SVG and PDF in one run" '[ $rc -eq 0 ] && [ -s "$tmp/a.png" ] && [ -s "$tmp/a.svg" ] && [ -s "$tmp/a.pdf" ]'
check "the square preset is 1080x1080" \
  'python3 -c "import struct,sys; d=open(sys.argv[1],\"rb\").read(24); sys.exit(0 if struct.unpack(\">II\", d[16:24])==(1080,1080) else 1)" "$tmp/a.png"'
check "the SVG is well-formed XML" 'xmllint --noout "$tmp/a.svg"'
check "the SVG keeps place names as text" 'grep -q ">Niger</text>" "$tmp/a.svg" && grep -q ">Mali</text>" "$tmp/a.svg"'
check "the PDF embeds every font it uses" \
  'pdffonts "$tmp/a.pdf" > "$tmp/fonts" && [ "$(tail -n +3 "$tmp/fonts" | wc -l)" -gt 0 ] && ! tail -n +3 "$tmp/fonts" | awk "{ if (\$(NF-4) != \"yes\") bad=1 } END { exit !bad }"'
check "the PDF names the Noto fonts" 'grep -q "Noto" "$tmp/fonts"'

LD_DEBUG=files "$bin" render "$tmp/out/events.gpkg" -o "$tmp/g.png" -q 2>"$tmp/loaded"; rc=$?
check "render reads its own GeoPackage without loading GDAL (113 libraries, about 30 ms)" \
  '[ $rc -eq 0 ] && grep -q "libcairo" "$tmp/loaded" && ! grep -q "libgdal" "$tmp/loaded"'

"$bin" render "$tmp/out/events.gpkg" -o "$tmp/b.png" --scale 2 -q; rc=$?
check "--scale 2 doubles the pixels" \
  '[ $rc -eq 0 ] && python3 -c "import struct,sys; d=open(sys.argv[1],\"rb\").read(24); sys.exit(0 if struct.unpack(\">II\", d[16:24])==(2400,1600) else 1)" "$tmp/b.png"'

"$bin" render "$tmp/out/events.gpkg" -o "$tmp/c.png" --lang fr --title "Le retrait du Mali" -q; rc=$?
check "--lang and --title" '[ $rc -eq 0 ] && [ -s "$tmp/c.png" ]'
"$bin" render "$tmp/out/events.gpkg" -o "$tmp/d.svg" --lang fr -q
check "--lang fr gives French labels and legend" 'grep -q "Quitté par les forces" "$tmp/d.svg" && grep -q "Sources :" "$tmp/d.svg"'
"$bin" render "$tmp/out/events.gpkg" -o "$tmp/e.svg" --lang en -q
check "capitals in the reader's language: Le Caire in French, Cairo in English" \
  'grep -q ">Le Caire</text>" "$tmp/d.svg" && ! grep -Eq ">(Cairo|Algiers|Baghdad|Riyadh|Mogadishu)</text>" "$tmp/d.svg" &&
   grep -q ">Cairo</text>" "$tmp/e.svg" && ! grep -Eq ">(Le Caire|Alger|Bagdad|Riyad|Mogadiscio)</text>" "$tmp/e.svg"'
check "the title is a news map's title from the layers, in the reader's language" \
  'grep -q ">Mali : retrait" "$tmp/d.svg" && grep -q ">Mali: withdrawal" "$tmp/e.svg"'
"$bin" map "$src/samples/other/mozambique-floods-en.txt" -o "$tmp/floods" -q 2>/dev/null
check "a floods map's legend names casualties, not an attack" \
  'grep -q ">Casualties</text>" "$tmp/floods/map.svg" && ! grep -q "Attack" "$tmp/floods/map.svg"'

printf 'date 2025-05-20\nDes jihadistes ont attaqué lundi des positions le long de la frontière Niger-Mali, près de Ménaka.\n' > "$tmp/border.txt"
"$bin" map "$tmp/border.txt" -o "$tmp/border" -q 2>/dev/null
check "a border story is drawn as a line with its legend, under a title that opens with a capital" \
  'grep -q ">Frontière Niger–Mali : attaque</text>" "$tmp/border/map.svg" && grep -q ">Frontière</text>" "$tmp/border/map.svg"'

"$bin" render "$tmp/out/events.gpkg" -o "$tmp/x.png" --size 100x100 2>"$tmp/err"; rc=$?
check "an impossible size is refused with exit 2, not shrunk" '[ $rc -eq 2 ] && grep -q "impossible image size" "$tmp/err" && [ ! -e "$tmp/x.png" ]'
"$bin" render "$tmp/out/events.gpkg" -o "$tmp/x.png" --size 9000x9000 --scale 2 2>"$tmp/err"; rc=$?
check "a size too large once scaled is refused with exit 2" '[ $rc -eq 2 ] && [ ! -e "$tmp/x.png" ]'
"$bin" render "$tmp/out/events.gpkg" -o "$tmp/x.gif" 2>"$tmp/err"; rc=$?
check "an unknown image type is refused with exit 2" '[ $rc -eq 2 ] && grep -q "unknown image type" "$tmp/err"'
"$bin" render "$tmp/out/events.gpkg" -o "$tmp/x.png" --projection EPSG:4326 2>"$tmp/err"; rc=$?
check "plain longitude/latitude is refused as a projection (exit 2)" '[ $rc -eq 2 ] && grep -q "not a projected" "$tmp/err"'
"$bin" render "$tmp/out/events.gpkg" -o "$tmp/x.png" --bbox 1,2,3 2>"$tmp/err"; rc=$?
check "a malformed --bbox exits 2" '[ $rc -eq 2 ] && grep -q "min_lon,min_lat,max_lon,max_lat" "$tmp/err"'
"$bin" render "$tmp/out/events.gpkg" -o "$tmp/no/such/folder/x.png" 2>"$tmp/err"; rc=$?
check "an unwritable output exits 4 naming it" '[ $rc -eq 4 ] && grep -q "no/such/folder/x.png" "$tmp/err"'
cp "$tmp/a.png" "$tmp/keep.png"
chmod 0555 "$tmp" 2>/dev/null
if [ "$(id -u)" -ne 0 ]; then
  "$bin" render "$tmp/out/events.gpkg" -o "$tmp/keep.png" 2>/dev/null; rc=$?
  check "a read-only folder exits 4 and the previous image stays" '[ $rc -eq 4 ] && cmp -s "$tmp/a.png" "$tmp/keep.png"'
fi
chmod 0755 "$tmp"

echo '{"sea": "#zzzzzz"}' > "$tmp/style.json"
"$bin" render "$tmp/out/events.gpkg" -o "$tmp/x.png" --style "$tmp/style.json" 2>"$tmp/err"; rc=$?
check "a bad style file exits 3 naming the file and the key" '[ $rc -eq 3 ] && grep -q "style.json: style key .sea." "$tmp/err"'

GEOEVENTS_BASEMAP="$tmp/none.bin" "$bin" render "$tmp/out/events.gpkg" -o "$tmp/x.png" 2>"$tmp/err"; rc=$?
check "a missing basemap exits 5 and says how to build it" '[ $rc -eq 5 ] && grep -q "geoevents basemap build" "$tmp/err"'

echo "not a geopackage" > "$tmp/notes.gpkg"
"$bin" render "$tmp/notes.gpkg" -o "$tmp/x.png" 2>"$tmp/err"; rc=$?
check "a file that is not a GeoPackage exits 4 naming it" '[ $rc -eq 4 ] && grep -q "notes.gpkg" "$tmp/err"'

ogr2ogr -f GPKG "$tmp/other.gpkg" "$src/tests/cli/data/other-program.geojson" -nln roads 2>/dev/null
"$bin" render "$tmp/other.gpkg" -o "$tmp/x.png" 2>"$tmp/err"; rc=$?
check "a GeoPackage of another program exits 3: not a geoevents project" '[ $rc -eq 3 ] && grep -q "not a project written by geoevents map" "$tmp/err"'

# An empty story: a basemap with a note, not a crash.
echo "Rien ne s'est passé ce jour-là." > "$tmp/empty.txt"
"$bin" map "$tmp/empty.txt" -o "$tmp/empty" >/dev/null 2>"$tmp/err"; rc=$?  # notes: not with --quiet (nothing but errors)
check "an article without events still gives a map (basemap and a note)" '[ $rc -eq 0 ] && [ -s "$tmp/empty/map.png" ] && grep -q "note:" "$tmp/err"'

exit $fail
