#include "geoevents/geo/project.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace geoevents::geo {

std::string_view to_string(FieldType t) noexcept {
    switch (t) {
    case FieldType::string: return "string";
    case FieldType::integer: return "integer";
    case FieldType::real: return "real";
    case FieldType::datetime: return "datetime";
    }
    return "string";
}

std::string_view to_string(GeometryType t) noexcept {
    switch (t) {
    case GeometryType::none: return "none";
    case GeometryType::point: return "Point";
    case GeometryType::multi_line_string: return "MultiLineString";
    case GeometryType::multi_polygon: return "MultiPolygon";
    }
    return "none";
}

std::string to_text(const FieldValue& v) {
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&v)) {
        if (!std::isfinite(*d)) return std::isnan(*d) ? "nan" : (*d > 0 ? "inf" : "-inf");
        // 15 significant digits: what every format we write keeps (Shapefile's
        // numeric fields included), so texts compare equal after a round trip.
        char buf[64];
        auto r = std::to_chars(buf, buf + sizeof buf, *d, std::chars_format::general, 15);
        return std::string(buf, r.ptr);
    }
    return {};
}

std::optional<std::size_t> Layer::field_index(std::string_view field) const noexcept {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == field) return i;
    return std::nullopt;
}

const FieldValue& Layer::value(std::size_t row, std::string_view field) const {
    const auto i = field_index(field);
    if (!i) throw std::out_of_range("layer " + name + " has no field " + std::string(field));
    return features.at(row).values.at(*i);
}

const Layer* Project::find(std::string_view layer) const noexcept {
    for (const auto& l : layers)
        if (l.name == layer) return &l;
    return nullptr;
}

Layer* Project::find(std::string_view layer) noexcept {
    for (auto& l : layers)
        if (l.name == layer) return &l;
    return nullptr;
}

std::string Project::metadata(std::string_view key) const {
    const Layer* m = find(layer_metadata);
    if (!m) return {};
    const auto k = m->field_index("key"), v = m->field_index("value");
    if (!k || !v) return {};
    for (const auto& f : m->features)
        if (to_text(f.values.at(*k)) == key) return to_text(f.values.at(*v));
    return {};
}

} // namespace geoevents::geo
