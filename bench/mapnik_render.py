#!/usr/bin/python3
"""The baseline of bench_render: Mapnik (Debian's python3-mapnik) drawing the
same layers from the same GeoPackage over the same 1:10m Natural Earth data
(world-atlas's land and countries, converted once to a GeoPackage by
bench_render, as our basemap file is built once by the set-up), in the same
projection and extent, to a PNG of the same size. It draws less than
geoevents (no legend, scale bar, inset or credit), so it is a generous
baseline.

usage: mapnik_render.py GPKG NATURAL_EARTH_GPKG OUT.png WIDTH HEIGHT PROJ X0 Y0 X1 Y1
"""
import sys

import mapnik

gpkg, natural_earth, out, width, height, proj = sys.argv[1:7]
x0, y0, x1, y1 = map(float, sys.argv[7:11])

WGS84 = "+proj=longlat +datum=WGS84 +no_defs"
xml = f"""<Map srs="{proj}" background-color="#d4e4ee" font-directory="/usr/share/fonts/truetype/noto">
<Style name="land"><Rule><PolygonSymbolizer fill="#f6f3ec"/></Rule></Style>
<Style name="countries"><Rule><LineSymbolizer stroke="#9c948a" stroke-width="0.8" stroke-dasharray="3,2"/></Rule></Style>
<Style name="areas"><Rule><PolygonSymbolizer fill="#0072b2" fill-opacity="0.28"/><LineSymbolizer stroke="#0072b2" stroke-width="1.2"/></Rule></Style>
<Style name="movements"><Rule><LineSymbolizer stroke="#d55e00" stroke-width="3"/><MarkersSymbolizer placement="line" marker-type="arrow" fill="#d55e00" spacing="1000"/></Rule></Style>
<Style name="events"><Rule><MarkersSymbolizer fill="#cc79a7" width="13" height="13" stroke="#ffffff" allow-overlap="true"/></Rule></Style>
<Style name="places"><Rule><MarkersSymbolizer fill="#333333" width="5" height="5"/>
<TextSymbolizer face-name="Noto Sans Bold" size="14" fill="#1a1a1a" halo-radius="2" halo-fill="#ffffffe0" dx="6" dy="-6">[name]</TextSymbolizer></Rule></Style>
"""
for name, source, layer in [("land", natural_earth, "land"), ("countries", natural_earth, "countries"),
                            ("areas", gpkg, "areas"), ("movements", gpkg, "movements"),
                            ("events", gpkg, "events"), ("places", gpkg, "places")]:
    xml += f"""<Layer name="{name}" srs="{WGS84}"><StyleName>{name}</StyleName>
<Datasource><Parameter name="type">ogr</Parameter><Parameter name="file">{source}</Parameter><Parameter name="layer">{layer}</Parameter></Datasource></Layer>
"""
xml += "</Map>"

m = mapnik.Map(int(width), int(height))
mapnik.load_map_from_string(m, xml)
m.zoom_to_box(mapnik.Box2d(x0, y0, x1, y1))
mapnik.render_to_file(m, out, "png")
