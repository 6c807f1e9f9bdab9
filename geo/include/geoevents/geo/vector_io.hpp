#pragma once
// Reading vector data through GDAL/OGR (TopoJSON, GeoJSON, GeoPackage…).
// GDAL handles stay inside geo/.
#include <map>
#include <string>
#include <vector>

#include "geoevents/geo/geometry.hpp"

namespace geoevents::geo {

struct Feature {
    std::map<std::string, std::string> fields;  ///< every attribute, as text ("" when null)
    Geometry geometry;                           ///< empty when the feature has none
};

/// Names of the layers of a vector source.
/// @throws IoError when the source cannot be opened.
std::vector<std::string> list_layers(const std::string& source);

/// Every feature of `layer` (the first layer when empty), geometries in the
/// source's own coordinates (WGS 84 lon/lat for the formats we read).
/// @throws IoError when the source or layer cannot be opened.
std::vector<Feature> read_features(const std::string& source, const std::string& layer = {});

} // namespace geoevents::geo
