#!/usr/bin/env bash
# The main job: reads the sample articles (samples/: the February 2022
# withdrawal of Barkhane and Takuba from Mali, told in French and English,
# and stories elsewhere) and writes the event layers into out/.
set -euo pipefail
bin=${1:-build/release/bin/geoevents}
"$bin" map samples -o out --format geojson --format shp --format fgb --format kml --format csv
echo
echo "The project file is out/events.gpkg (open it in QGIS); other formats are in out/."
