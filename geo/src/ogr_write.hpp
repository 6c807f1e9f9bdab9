#pragma once
// Writing one project layer into an open GDAL dataset, shared by every
// writer. A LayerPlan says how the schema maps onto the format (field names
// and types, text limits, options); write_layer() does the rest and records
// every change it makes in the ConversionReport. Private to geo/.
#include <gdal.h>

#include <string>
#include <utility>
#include <vector>

#include "gdal_util.hpp"
#include "geoevents/geo/project.hpp"
#include "geoevents/geo/writer.hpp"

namespace geoevents::geo::detail {

struct FieldPlan {
    std::string name;               ///< name in the output
    OGRFieldType type = OFTString;  ///< OFTDateTime fields receive the ISO text parsed; OFTString receives text
    int width = 0;
    int precision = 0;
    std::size_t max_bytes = 0;      ///< text longer than this is cut (UTF-8 safe) and reported; 0: no limit
};

struct LayerPlan {
    std::string name;
    OGRwkbGeometryType geometry_type = wkbNone;
    std::vector<FieldPlan> fields;   ///< one per field of the Layer, same order
    /// Extra text fields written first with the same value in every row (PostGIS `project`).
    std::vector<std::pair<std::string, std::string>> constants;
    StringList* layer_options = nullptr;
    bool transaction = false;        ///< wrap the layer's features in a dataset transaction
};

/// The plan every format but Shapefile uses: the schema's names, datetime
/// fields as OFTDateTime (or text when `datetime_as_text`), integers as
/// Integer64, reals as Real.
LayerPlan default_plan(const Layer& layer, bool datetime_as_text = false);

OGRwkbGeometryType ogr_geometry_type(GeometryType t) noexcept;

/// Creates the layer (or uses `existing` when given, creating missing
/// fields) and writes every feature. `where` names the output in messages.
/// Returns the number of features written.
/// @throws IoError naming `where` and the layer on any GDAL failure.
std::size_t write_layer(GDALDatasetH ds, const Layer& layer, const LayerPlan& plan, const std::string& where,
                        ConversionReport& report, OGRLayerH existing = nullptr);

/// Turns GDAL warnings collected while writing into report notes (so that
/// nothing a driver changes goes unreported).
void add_warnings(const GdalErrorScope& errors, ConversionReport& report, const std::string& where);

/// Parses "YYYY-MM-DDTHH:MM:SS[Z]"; false when malformed.
bool parse_iso_datetime(const std::string& s, int& y, int& mo, int& d, int& h, int& mi, int& sec) noexcept;

} // namespace geoevents::geo::detail
