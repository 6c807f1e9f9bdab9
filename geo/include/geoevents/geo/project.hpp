#pragma once
// The project: the layers `map` produces and `render`, `view` and `export`
// read back — plain tables of typed attributes plus one geometry per row.
// Every writer writes exactly this schema (docs/layers.md), so one model
// serves the GeoPackage, the other file formats and PostGIS.
//
// Geometries are WGS 84 longitude/latitude in degrees (EPSG:4326 with
// lon/lat axis order). Date-times are ISO 8601 UTC text
// "YYYY-MM-DDTHH:MM:SSZ", never coordinates.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "geoevents/geo/geometry.hpp"

namespace geoevents::geo {

/// Names of the project's layers (the same in every format).
inline constexpr std::string_view layer_places = "places";
inline constexpr std::string_view layer_areas = "areas";
/// The borders the articles name ("la frontière Niger–Mali"): the lines.
inline constexpr std::string_view layer_borders = "borders";
inline constexpr std::string_view layer_events = "events";
inline constexpr std::string_view layer_movements = "movements";
/// A table without geometry: key/value rows (sources, reference date, …).
inline constexpr std::string_view layer_metadata = "metadata";
/// Every layer of a project, in the order read_project() returns them.
/// (`borders` is there only when the articles name a border.)
inline constexpr std::array<std::string_view, 6> project_layer_names = {layer_places, layer_areas, layer_borders,
                                                                        layer_events, layer_movements, layer_metadata};

enum class FieldType : std::uint8_t {
    string,
    integer,   ///< 64-bit signed
    real,      ///< double
    datetime,  ///< ISO 8601 UTC text "YYYY-MM-DDTHH:MM:SSZ"
};
std::string_view to_string(FieldType t) noexcept;

struct FieldDef {
    std::string name;
    FieldType type = FieldType::string;
};

/// A field value: null, text (string and datetime fields), integer or real.
using FieldValue = std::variant<std::monostate, std::string, std::int64_t, double>;

/// The value as text: "" for null, integers in decimal, reals with up to 15
/// significant digits (shortest form that reads back the same at that precision).
std::string to_text(const FieldValue& v);

enum class GeometryType : std::uint8_t {
    none,              ///< a table without geometry (metadata)
    point,
    multi_line_string,
    multi_polygon,
};
std::string_view to_string(GeometryType t) noexcept;

struct LayerFeature {
    Geometry geometry;                ///< empty when the feature has none
    std::vector<FieldValue> values;   ///< one per field of the layer, in order
};

struct Layer {
    std::string name;
    GeometryType geometry_type = GeometryType::none;
    std::vector<FieldDef> fields;
    std::vector<LayerFeature> features;

    /// Index of the field called `field` (exact match), nullopt when absent.
    std::optional<std::size_t> field_index(std::string_view field) const noexcept;
    /// Value of `field` in feature `row`.
    /// @throws std::out_of_range when the row or the field does not exist.
    const FieldValue& value(std::size_t row, std::string_view field) const;
};

struct Project {
    std::vector<Layer> layers;
    /// Things the layer builder noticed and did not put on the map (an event
    /// without a place, a movement whose two ends are the same place…). Never
    /// written to the outputs; the caller reports them.
    std::vector<std::string> notes;

    /// The layer called `name`, nullptr when absent.
    const Layer* find(std::string_view name) const noexcept;
    Layer* find(std::string_view name) noexcept;
    /// Value of key `key` in the metadata layer ("" when absent).
    std::string metadata(std::string_view key) const;
};

} // namespace geoevents::geo
