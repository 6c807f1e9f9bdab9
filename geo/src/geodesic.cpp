#include "geoevents/geo/geodesic.hpp"

#include <geodesic.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "geoevents/geo/error.hpp"
#include "geos_util.hpp"

namespace geoevents::geo {

namespace {

// WGS 84 ellipsoid. geod_init only stores constants: one immutable object
// shared by every thread.
const geod_geodesic& wgs84() {
    static const geod_geodesic g = [] {
        geod_geodesic out{};
        geod_init(&out, 6378137.0, 1.0 / 298.257223563);
        return out;
    }();
    return g;
}

void check(LonLat p, const char* which) {
    if (!std::isfinite(p.lon) || !std::isfinite(p.lat) || std::abs(p.lon) > 180.0 || std::abs(p.lat) > 90.0)
        throw GeometryError(std::string("geodesic: impossible ") + which + " coordinates (" + std::to_string(p.lon) +
                            ", " + std::to_string(p.lat) + ")");
}

double normalise_lon(double lon) {
    double r = std::remainder(lon, 360.0);  // in [-180, 180]
    if (r == -180.0 && lon > 0) r = 180.0;
    return r;
}

// The longitude "cell" of an unrolled longitude: cell 0 is [-180, 180),
// cell 1 is [180, 540) and so on.
long cell_of(double unrolled_lon) { return static_cast<long>(std::floor((unrolled_lon + 180.0) / 360.0)); }

struct Position {
    double lat = 0, lon = 0;  // lon unrolled: continuous along the line
};

Position position_at(LonLat from, double azi1, double s) {
    Position p;
    geod_gendirect(&wgs84(), from.lat, from.lon, azi1, GEOD_LONG_UNROLL, s, &p.lat, &p.lon, nullptr, nullptr, nullptr,
                   nullptr, nullptr, nullptr);
    return p;
}

} // namespace

GeodesicInverse geodesic_inverse(LonLat a, LonLat b) {
    check(a, "start");
    check(b, "end");
    GeodesicInverse out;
    geod_inverse(&wgs84(), a.lat, a.lon, b.lat, b.lon, &out.distance_m, &out.azimuth1_deg, &out.azimuth2_deg);
    return out;
}

LonLat geodesic_direct(LonLat from, double azimuth_deg, double distance_m) {
    check(from, "start");
    if (!std::isfinite(azimuth_deg) || !std::isfinite(distance_m))
        throw GeometryError("geodesic: azimuth and distance must be finite");
    double lat = 0, lon = 0;
    geod_direct(&wgs84(), from.lat, from.lon, azimuth_deg, distance_m, &lat, &lon, nullptr);
    return {normalise_lon(lon), lat};
}

std::vector<std::vector<LonLat>> geodesic_path(LonLat from, LonLat to, const GeodesicOptions& options) {
    if (!(options.max_segment_km > 0.0)) throw GeometryError("geodesic: max_segment_km must be positive");
    const GeodesicInverse inv = geodesic_inverse(from, to);
    const double total = inv.distance_m;
    if (total == 0.0) return {{from, to}};

    const auto by_length = static_cast<std::size_t>(std::ceil(total / (options.max_segment_km * 1000.0)));
    const std::size_t n = std::max<std::size_t>({by_length, options.min_segments, 1});

    // Vertices with unrolled longitudes (GEOD_LONG_UNROLL): a crossing of the
    // antimeridian shows as a change of longitude cell, never as a jump.
    std::vector<Position> pts(n + 1);
    std::vector<double> dist(n + 1);
    for (std::size_t i = 0; i <= n; ++i) {
        dist[i] = total * static_cast<double>(i) / static_cast<double>(n);
        pts[i] = position_at(from, inv.azimuth1_deg, dist[i]);
    }
    pts[0] = {from.lat, from.lon};
    // The end vertex: `to`, moved into the cell the path reached.
    {
        const double unrolled_end = pts[n].lon;
        pts[n] = {to.lat, to.lon + 360.0 * std::round((unrolled_end - to.lon) / 360.0)};
    }

    std::vector<std::vector<LonLat>> parts(1);
    auto emit = [&](double lat, double unrolled_lon, long cell) {
        parts.back().push_back({unrolled_lon - 360.0 * static_cast<double>(cell), lat});
    };
    // `from` at exactly +180 belongs to cell 1 by the formula: keep it in cell 0, as given.
    const long cell_start = from.lon == 180.0 ? 0 : cell_of(pts[0].lon);
    long cell = cell_start;
    emit(pts[0].lat, pts[0].lon, cell);
    for (std::size_t i = 1; i <= n; ++i) {
        long next = cell_of(pts[i].lon);
        // A vertex exactly on the boundary stays in the current cell.
        if (next != cell && std::abs(pts[i].lon - (-180.0 + 360.0 * static_cast<double>(std::max(cell, next)))) == 0.0)
            next = cell;
        while (next != cell) {
            const bool east = next > cell;
            const double boundary = -180.0 + 360.0 * static_cast<double>(east ? cell + 1 : cell);
            // Bisection on the distance: where the unrolled longitude equals the
            // boundary. 60 halvings of ≤ 50 km reach far below a micrometre.
            double lo = dist[i - 1], hi = dist[i];
            for (int k = 0; k < 60; ++k) {
                const double mid = 0.5 * (lo + hi);
                const double lon = position_at(from, inv.azimuth1_deg, mid).lon;
                if ((lon < boundary) == east) lo = mid;
                else hi = mid;
            }
            const double lat = position_at(from, inv.azimuth1_deg, 0.5 * (lo + hi)).lat;
            parts.back().push_back({east ? 180.0 : -180.0, lat});
            parts.emplace_back();
            parts.back().push_back({east ? -180.0 : 180.0, lat});
            cell += east ? 1 : -1;
        }
        emit(pts[i].lat, pts[i].lon, cell);
    }
    // Exact end points, whatever rounding the normalisation did.
    parts.front().front() = from;
    parts.back().back() = to;
    // A crossing exactly at an end leaves a part of one point (or two equal
    // points): drop it, the neighbouring part already ends on the meridian.
    std::erase_if(parts, [](const std::vector<LonLat>& p) {
        return p.size() < 2 || std::all_of(p.begin(), p.end(), [&](const LonLat& q) { return q == p.front(); });
    });
    if (parts.empty()) return {{from, to}};
    return parts;
}

Geometry geodesic_line(LonLat from, LonLat to, const GeodesicOptions& options) {
    const auto parts = geodesic_path(from, to, options);
    if (parts.size() == 1) return Geometry::line(parts.front());
    std::vector<Geometry> lines;
    lines.reserve(parts.size());
    for (const auto& p : parts) lines.push_back(Geometry::line(p));
    // A plain collection of the parts: a union would node them and could
    // merge the two vertices repeated on the antimeridian.
    return detail::collect(lines, GeometryType::multi_line_string);
}

} // namespace geoevents::geo
