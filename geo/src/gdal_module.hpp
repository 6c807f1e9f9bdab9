#pragma once
// GDAL lives in a module of its own (libgeoevents_gdal.so, built beside the
// programs), loaded the first time something needs it: writing any format,
// reading anything but the toolkit's own GeoPackages (gpkg_reader.cpp), or
// the vector data of the basemap and gazetteer builds. Debian's libgdal
// brings 113 shared libraries that take about 30 ms to load and bind
// ("now") in every process that links it: a `geoevents parse` of one
// article or a `geoevents render` of a project needs none of them.
//
// The module links its own copy of the rest of geo/ and exports one C
// symbol, geoevents_gdal_module(), returning the table below. Objects cross
// the boundary as the same C++ types (one libstdc++; exceptions are caught
// by type name). Private to geo/.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "geoevents/geo/project.hpp"
#include "geoevents/geo/vector_io.hpp"
#include "geoevents/geo/writer.hpp"

namespace geoevents::geo::detail {

/// Bumped whenever this table or a type crossing it changes: a module of
/// another build is refused rather than called.
inline constexpr std::uint32_t gdal_module_abi = 1;

struct GdalModule {
    std::uint32_t abi = gdal_module_abi;
    std::uint32_t size = sizeof(GdalModule);
    std::vector<const Writer*> (*writers)() = nullptr;
    Layer (*read_layer)(const std::string& source, std::string_view layer, const ReadOptions& options) = nullptr;
    Project (*read_project)(const std::string& source, const ReadOptions& options) = nullptr;
    std::vector<std::string> (*list_layers)(const std::string& source) = nullptr;
    std::vector<Feature> (*read_features)(const std::string& source, const std::string& layer) = nullptr;
};

/// The module's table, loading the module on first use (thread-safe).
/// @throws IoError naming the module's path and the loader's reason when it
///         cannot be loaded or is of another build.
const GdalModule& gdal_module();

/// The module's side (defined in it).
std::vector<const Writer*> gdal_writers();
Layer gdal_read_layer(const std::string& source, std::string_view layer, const ReadOptions& options);
Project gdal_read_project(const std::string& source, const ReadOptions& options);
std::vector<std::string> gdal_list_layers(const std::string& source);
std::vector<Feature> gdal_read_features(const std::string& source, const std::string& layer);

/// The message of a source that holds none of the project's layers.
[[noreturn]] void throw_not_a_project(const std::string& source);

} // namespace geoevents::geo::detail

extern "C" const geoevents::geo::detail::GdalModule* geoevents_gdal_module();
