#include "gpkg_reader.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "gdal_module.hpp"
#include "geoevents/geo/error.hpp"
#include "read_checks.hpp"
#include "sql_text.hpp"

namespace geoevents::geo::detail {

namespace {

struct DbCloser {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;
struct StmtFinalizer {
    void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

/// Thrown inside this file when GDAL should read the file instead.
struct NotOurs {};

StmtPtr prepare(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
        sqlite3_finalize(s);
        throw NotOurs{};
    }
    return StmtPtr(s);
}

/// Steps a statement: true for a row, false when done; NotOurs on an error.
bool step(sqlite3_stmt* s) {
    const int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw NotOurs{};
}

std::string column_text(sqlite3_stmt* s, int i) {
    const auto* t = sqlite3_column_text(s, i);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(s, i)))
             : std::string();
}

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

/// A column's GeoPackage type (2.1.3.1.1), as GDAL maps it to the schema's.
enum class Column : std::uint8_t { text, integer, real, date, datetime };

std::optional<Column> column_type(std::string declared) {
    declared = upper(std::move(declared));
    if (declared == "TEXT" || declared.starts_with("TEXT(")) return Column::text;
    if (declared == "INTEGER" || declared == "INT" || declared == "MEDIUMINT" || declared == "SMALLINT" ||
        declared == "TINYINT" || declared == "BOOLEAN")
        return Column::integer;
    if (declared == "REAL" || declared == "DOUBLE" || declared == "FLOAT") return Column::real;
    if (declared == "DATE") return Column::date;
    if (declared == "DATETIME") return Column::datetime;
    return std::nullopt;  // BLOB and others: GDAL's reader
}

/// The schema geometry of a GeoPackage geometry type name or WKB type code,
/// as reader.cpp maps OGR's (lines and polygons read as their multi types).
GeometryType schema_geometry(std::string_view name) {
    if (name == "POINT") return GeometryType::point;
    if (name == "LINESTRING" || name == "MULTILINESTRING") return GeometryType::multi_line_string;
    if (name == "POLYGON" || name == "MULTIPOLYGON") return GeometryType::multi_polygon;
    return GeometryType::none;
}
GeometryType schema_geometry(std::uint32_t wkb_type) {
    switch (wkb_type) {
    case 1: return GeometryType::point;
    case 2:
    case 5: return GeometryType::multi_line_string;
    case 3:
    case 6: return GeometryType::multi_polygon;
    default: return GeometryType::none;
    }
}

/// Walks a 2D WKB geometry with every count checked against the bytes
/// left, collecting its envelope. False for anything else (Z or M,
/// unknown types, truncated or over-long counts): GDAL's reader then decides.
class WkbScan {
public:
    explicit WkbScan(std::span<const std::uint8_t> wkb) : m_p(wkb.data()), m_end(wkb.data() + wkb.size()) {}

    bool geometry(int depth = 0) {
        if (depth > 8) return false;
        std::uint8_t order = 0;
        if (!byte(order) || order > 1) return false;
        m_little = order == 1;
        std::uint32_t type = 0;
        if (!u32(type)) return false;
        if (depth == 0) m_type = type;
        switch (type) {
        case 1: return points(1);
        case 2: {
            std::uint32_t n = 0;
            return u32(n) && points(n);
        }
        case 3: {
            std::uint32_t rings = 0;
            if (!u32(rings) || rings > remaining() / 4) return false;
            for (std::uint32_t r = 0; r < rings; ++r) {
                std::uint32_t n = 0;
                if (!u32(n) || !points(n)) return false;
            }
            return true;
        }
        case 4:
        case 5:
        case 6:
        case 7: {
            std::uint32_t parts = 0;
            if (!u32(parts) || parts > remaining() / 5) return false;
            for (std::uint32_t i = 0; i < parts; ++i)
                if (!geometry(depth + 1)) return false;
            return true;
        }
        default: return false;
        }
    }

    bool at_end() const noexcept { return m_p == m_end; }
    std::uint32_t type() const noexcept { return m_type; }
    /// Coordinates seen, not counting an empty point's NaN pair.
    std::size_t coordinates() const noexcept { return m_count; }
    double min_x = std::numeric_limits<double>::infinity(), min_y = min_x, max_x = -min_x, max_y = -min_x;
    double first_x = 0, first_y = 0;

private:
    std::size_t remaining() const noexcept { return static_cast<std::size_t>(m_end - m_p); }
    bool byte(std::uint8_t& out) {
        if (remaining() < 1) return false;
        out = *m_p++;
        return true;
    }
    bool u32(std::uint32_t& out) {
        if (remaining() < 4) return false;
        std::uint8_t b[4];
        std::memcpy(b, m_p, 4);
        if (!m_little) std::reverse(b, b + 4);
        std::memcpy(&out, b, 4);  // the host is little-endian (x86-64, arm64)
        m_p += 4;
        return true;
    }
    bool f64(double& out) {
        if (remaining() < 8) return false;
        std::uint8_t b[8];
        std::memcpy(b, m_p, 8);
        if (!m_little) std::reverse(b, b + 8);
        std::memcpy(&out, b, 8);
        m_p += 8;
        return true;
    }
    bool points(std::uint32_t n) {
        if (n > remaining() / 16) return false;
        for (std::uint32_t i = 0; i < n; ++i) {
            double x = 0, y = 0;
            if (!f64(x) || !f64(y)) return false;
            if (std::isnan(x) && std::isnan(y) && n == 1) continue;  // an empty point
            if (m_count++ == 0) first_x = x, first_y = y;
            // NaN and infinities reach check_envelope through min/max.
            min_x = std::isnan(x) ? x : std::min(min_x, x);
            max_x = std::isnan(x) ? x : std::max(max_x, x);
            min_y = std::isnan(y) ? y : std::min(min_y, y);
            max_y = std::isnan(y) ? y : std::max(max_y, y);
        }
        return true;
    }

    const std::uint8_t* m_p;
    const std::uint8_t* m_end;
    bool m_little = true;
    std::uint32_t m_type = 0;
    std::size_t m_count = 0;
};

/// The WKB of a GeoPackage geometry blob (the header skipped), or an empty
/// span for an empty geometry. NotOurs for a blob GDAL should judge.
std::span<const std::uint8_t> blob_wkb(std::span<const std::uint8_t> blob) {
    if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P' || blob[2] != 0) throw NotOurs{};
    const std::uint8_t flags = blob[3];
    if (flags & 0x20) throw NotOurs{};  // an extended geometry type
    static constexpr std::size_t envelope_bytes[] = {0, 32, 48, 48, 64};
    const unsigned e = (flags >> 1) & 0x7;
    if (e > 4) throw NotOurs{};
    const std::size_t header = 8 + envelope_bytes[e];
    if (blob.size() < header) throw NotOurs{};
    if (flags & 0x10) return {};  // the empty-geometry flag
    return blob.subspan(header);
}

/// The WKB `inner` (a polygon or a line) as the one part of a multi geometry
/// of `multi_type`: areas and movements always read as multi types.
std::vector<std::uint8_t> as_multi(std::span<const std::uint8_t> inner, std::uint8_t multi_type) {
    // Little-endian header: the type, then one part.
    const std::uint8_t header[9] = {1, multi_type, 0, 0, 0, 1, 0, 0, 0};
    std::vector<std::uint8_t> out(sizeof header + inner.size());
    std::memcpy(out.data(), header, sizeof header);
    if (!inner.empty()) std::memcpy(out.data() + sizeof header, inner.data(), inner.size());
    return out;
}

struct LayerTable {
    std::string name;         ///< as stored
    std::string geometry;     ///< geometry column; empty for an attribute table
    GeometryType declared = GeometryType::none;
    bool infer = false;       ///< a feature table of GEOMETRY (or another general type)
};

std::optional<LayerTable> find_table(sqlite3* db, std::string_view wanted) {
    auto s = prepare(db,
                     "SELECT c.table_name, c.data_type, g.column_name, g.geometry_type_name, g.srs_id, g.z, g.m "
                     "FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
                     "WHERE c.table_name = ?1 COLLATE NOCASE");
    sqlite3_bind_text(s.get(), 1, wanted.data(), static_cast<int>(wanted.size()), SQLITE_TRANSIENT);
    if (!step(s.get())) return std::nullopt;
    LayerTable t;
    t.name = column_text(s.get(), 0);
    const std::string kind = column_text(s.get(), 1);
    const bool has_geometry = sqlite3_column_type(s.get(), 2) != SQLITE_NULL;
    const std::string geometry = column_text(s.get(), 2);
    const std::string type = upper(column_text(s.get(), 3));
    const std::int64_t srs = sqlite3_column_int64(s.get(), 4);
    const bool z_or_m = sqlite3_column_int(s.get(), 5) == 1 || sqlite3_column_int(s.get(), 6) == 1;
    if (step(s.get())) throw NotOurs{};  // two tables of that name but for case, or two geometry columns
    if (kind == "attributes") return t;
    if (kind != "features" || !has_geometry || z_or_m) throw NotOurs{};
    t.geometry = geometry;
    if (srs != 0 && srs != -1) {
        // Only WGS 84 longitude/latitude: any other SRS is transformed by GDAL's reader.
        auto q = prepare(db, "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?1");
        sqlite3_bind_int64(q.get(), 1, srs);
        if (!step(q.get()) || upper(column_text(q.get(), 0)) != "EPSG" || sqlite3_column_int64(q.get(), 1) != 4326)
            throw NotOurs{};
    }
    t.declared = schema_geometry(type);
    t.infer = t.declared == GeometryType::none;
    return t;
}

Layer read_table(sqlite3* db, const LayerTable& t, const std::string& source) {
    Layer out;
    out.name = t.name;
    out.geometry_type = t.declared;
    // The columns in table order, without the feature id and the geometry.
    std::string fid;
    std::vector<Column> types;
    std::string select;
    {
        auto s = prepare(db, "PRAGMA table_info(" + sql_identifier(t.name) + ")");
        while (step(s.get())) {
            const std::string name = column_text(s.get(), 1);
            const std::string declared = column_text(s.get(), 2);
            if (sqlite3_column_int(s.get(), 5) != 0) {
                if (!fid.empty() || upper(declared) != "INTEGER") throw NotOurs{};
                fid = name;
                continue;
            }
            if (name == t.geometry) continue;
            if (name == "project") throw NotOurs{};  // a multi-project table: GDAL's reader filters it
            const auto type = column_type(declared);
            if (!type) throw NotOurs{};
            types.push_back(*type);
            out.fields.push_back({name, *type == Column::text      ? FieldType::string
                                        : *type == Column::integer ? FieldType::integer
                                        : *type == Column::real    ? FieldType::real
                                                                   : FieldType::datetime});
            select += ", " + sql_identifier(name);
        }
    }
    if (fid.empty()) throw NotOurs{};
    const std::string geometry = t.geometry.empty() ? std::string("NULL") : sql_identifier(t.geometry);
    auto s = prepare(db, "SELECT " + sql_identifier(fid) + ", " + geometry + select + " FROM " + sql_identifier(t.name) +
                             " ORDER BY " + sql_identifier(fid));
    while (step(s.get())) {
        const long long id = sqlite3_column_int64(s.get(), 0);
        LayerFeature f;
        if (sqlite3_column_type(s.get(), 1) == SQLITE_BLOB) {
            const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(s.get(), 1));
            const auto wkb = blob_wkb({data, static_cast<std::size_t>(sqlite3_column_bytes(s.get(), 1))});
            if (!wkb.empty()) {
                WkbScan scan(wkb);
                if (!scan.geometry() || !scan.at_end()) throw NotOurs{};
                if (t.infer && out.geometry_type == GeometryType::none) out.geometry_type = schema_geometry(scan.type());
                if (scan.coordinates() > 0) {
                    check_envelope(scan.min_x, scan.min_y, scan.max_x, scan.max_y, source, out.name, id);
                    try {
                        if (scan.type() == 1) f.geometry = Geometry::point({scan.first_x, scan.first_y});
                        else if (scan.type() == 3) f.geometry = Geometry::from_wkb(as_multi(wkb, 6));
                        else if (scan.type() == 2) f.geometry = Geometry::from_wkb(as_multi(wkb, 5));
                        else f.geometry = Geometry::from_wkb(wkb);
                    } catch (const Error&) {
                        throw NotOurs{};
                    }
                }
            }
        } else if (sqlite3_column_type(s.get(), 1) != SQLITE_NULL) {
            throw NotOurs{};
        }
        f.values.reserve(types.size());
        for (std::size_t k = 0; k < types.size(); ++k) {
            const int i = static_cast<int>(k) + 2;
            if (sqlite3_column_type(s.get(), i) == SQLITE_NULL) {
                f.values.emplace_back(std::monostate{});
                continue;
            }
            switch (types[k]) {
            case Column::integer: f.values.emplace_back(std::int64_t{sqlite3_column_int64(s.get(), i)}); break;
            case Column::real: f.values.emplace_back(sqlite3_column_double(s.get(), i)); break;
            case Column::date:
            case Column::datetime: {
                // "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS[.SSS]Z" (2.1.3.1.1): what
                // GDAL parses; anything else is GDAL's to judge.
                const std::string v = column_text(s.get(), i);
                int y = 0, mo = 0, d = 0, h = 0, mi = 0, n = 0;
                float sec = 0;
                if (v.size() == 10 && std::sscanf(v.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && n == 10) {
                    f.values.emplace_back(iso_utc(y, mo, d, 0, 0, 0, 0));
                } else if (std::sscanf(v.c_str(), "%4d-%2d-%2dT%2d:%2d:%f%n", &y, &mo, &d, &h, &mi, &sec, &n) == 6 &&
                           static_cast<std::size_t>(n) == v.size() - 1 && v.back() == 'Z' && mo >= 1 && mo <= 12 &&
                           d >= 1 && d <= 31 && h < 24 && mi < 60 && sec >= 0 && sec < 61) {
                    f.values.emplace_back(iso_utc(y, mo, d, h, mi, sec, 100));
                } else {
                    throw NotOurs{};
                }
                break;
            }
            case Column::text: {
                std::string v = column_text(s.get(), i);
                // As reader.cpp: the schema never writes "", formats without null text do.
                if (v.empty()) f.values.emplace_back(std::monostate{});
                else f.values.emplace_back(std::move(v));
            }
            }
        }
        out.features.push_back(std::move(f));
    }
    return out;
}

bool gpkg_name(const std::string& source) {
    if (source.size() < 5) return false;
    return upper(source.substr(source.size() - 5)) == ".GPKG";
}

} // namespace

std::optional<Project> read_own_gpkg(const std::string& source, const ReadOptions& /*options*/) {
    std::error_code ec;
    if (!gpkg_name(source) || !std::filesystem::is_regular_file(source, ec)) return std::nullopt;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(source.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    DbPtr db(raw);
    if (rc != SQLITE_OK) return std::nullopt;
    try {
        // The GeoPackage's application id ('GPKG'); GDAL's reader judges anything else.
        {
            auto s = prepare(db.get(), "PRAGMA application_id");
            if (!step(s.get()) || sqlite3_column_int64(s.get(), 0) != 0x47504B47) return std::nullopt;
        }
        Project project;
        for (std::string_view name : project_layer_names)
            if (const auto table = find_table(db.get(), name)) project.layers.push_back(read_table(db.get(), *table, source));
        if (project.layers.empty()) throw_not_a_project(source);
        return project;
    } catch (const NotOurs&) {
        return std::nullopt;
    }
}

} // namespace geoevents::geo::detail
