#pragma once
// The built-in writers (registered by name in writer.cpp) and what they share.
// Private to geo/.
#include <functional>
#include <memory>
#include <string>

#include "gdal_handles.hpp"
#include "gdal_util.hpp"
#include "geoevents/geo/writer.hpp"
#include "staging.hpp"

namespace geoevents::geo::detail {

std::unique_ptr<Writer> make_gpkg_writer();
std::unique_ptr<Writer> make_geojson_writer();
std::unique_ptr<Writer> make_geojsonseq_writer();
std::unique_ptr<Writer> make_fgb_writer();
std::unique_ptr<Writer> make_kml_writer();
std::unique_ptr<Writer> make_csv_writer();
std::unique_ptr<Writer> make_shapefile_writer();
std::unique_ptr<Writer> make_postgis_writer();

/// The GDAL driver called `name`. @throws IoError when this GDAL lacks it.
GDALDriverH gdal_driver(const char* name);

/// Creates a vector dataset at `path` (in the staging area).
/// @throws IoError naming `where`.
DatasetPtr create_dataset(GDALDriverH driver, const std::string& path, const std::string& where,
                          StringList* options = nullptr);

/// Closes `ds` and throws IoError naming `where` when GDAL reported a failure while closing.
void close_dataset(DatasetPtr& ds, const std::string& where, ConversionReport& report);

/// Runs `produce` to fill a staging area, then commits it to the destination
/// (`destination` is the file for OutputKind::file, the directory otherwise).
/// Directory outputs whose report is not lossless also get conversion-report.txt.
/// Directories created for the output are removed again on failure.
ConversionReport write_staged(std::string_view format, const std::string& destination, OutputKind kind,
                              const std::function<void(const StagingArea&, const std::string& file_name,
                                                       ConversionReport&)>& produce);

/// One line describing a layer (GeoPackage DESCRIPTION, PostGIS comment).
std::string layer_description(std::string_view layer);

} // namespace geoevents::geo::detail
