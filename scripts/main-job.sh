#!/usr/bin/env bash
# The main job: maps the sample stories of samples/ (the February 2022
# withdrawal of Barkhane and Takuba from Mali, told in French and English,
# and two stories elsewhere), one project folder per story, each with its
# event layers and its map images (map.png, map.svg).
set -euo pipefail
bin=${1:-build/release/bin/geoevents}
"$bin" map samples/barkhane -o out --format geojson --format shp --format fgb --format kml --format csv
"$bin" map samples/other/burkina-coup-fr.txt -o out/burkina-coup
"$bin" map samples/other/mozambique-floods-en.txt -o out/mozambique-floods
echo
echo "The reference story: out/map.png (the map image), out/events.gpkg (the project file, for QGIS),"
echo "other formats in out/. The other stories: out/burkina-coup/ and out/mozambique-floods/."
