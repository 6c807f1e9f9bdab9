#pragma once
// Reading the toolkit's own GeoPackages with SQLite alone. A GeoPackage is
// an SQLite database whose geometries are WKB behind a small header
// (OGC 12-128r18, 2.1.3); the project's layers are plain tables in WGS 84.
// Reading them this way spares `render` and `view` loading GDAL (see
// gdal_module.hpp) and reads exactly what GDAL's reader would: the same
// layers, field types, values, geometries and coordinate checks
// (tests/geo/test_gpkg_reader.cpp compares the two). Private to geo/.
#include <optional>
#include <string>

#include "geoevents/geo/project.hpp"
#include "geoevents/geo/writer.hpp"

namespace geoevents::geo::detail {

/// The project read from `source` when it is a GeoPackage file this reader
/// needs nothing of GDAL for: every layer of the project it holds is a
/// feature table in WGS 84 (EPSG:4326, or an undefined SRS) with 2D
/// geometries, or an attribute table, with columns of the GeoPackage's
/// TEXT, INTEGER, REAL, DATE and DATETIME types, without a `project`
/// column. std::nullopt otherwise — another format or CRS, a file SQLite
/// cannot open, a malformed geometry — and GDAL's reader decides.
/// @throws ParseError as read_project() for impossible coordinates or a
///         file without the project's layers.
std::optional<Project> read_own_gpkg(const std::string& source, const ReadOptions& options);

} // namespace geoevents::geo::detail
