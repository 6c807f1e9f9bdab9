#pragma once
// Quoting text into SQL, for the PostGIS writer and filter (through GDAL) and
// the GeoPackage reader (SQLite). Private to geo/.
#include <string>
#include <string_view>

namespace geoevents::geo::detail {

/// "'text'" with single quotes doubled: a SQL string literal.
inline std::string sql_literal(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

/// "\"name\"" with double quotes doubled: a SQL identifier.
inline std::string sql_identifier(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace geoevents::geo::detail
