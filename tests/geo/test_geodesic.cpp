// Geodesic lines: checked against PROJ's geod_direct/geod_inverse directly,
// not against our own wrapper.
#include <catch2/catch.hpp>
#include <geodesic.h>

#include <cmath>

#include "geoevents/geo/error.hpp"
#include "geoevents/geo/geodesic.hpp"

using namespace geoevents::geo;

namespace {

const geod_geodesic& wgs84() {
    static const geod_geodesic g = [] {
        geod_geodesic out{};
        geod_init(&out, 6378137.0, 1 / 298.257223563);
        return out;
    }();
    return g;
}

double lon_diff(double a, double b) { return std::remainder(a - b, 360.0); }

/// Checks every vertex of a single-part path against geod_direct at i·s12/n.
void check_against_geod_direct(LonLat from, LonLat to, const std::vector<LonLat>& pts) {
    double s12 = 0, azi1 = 0, azi2 = 0;
    geod_inverse(&wgs84(), from.lat, from.lon, to.lat, to.lon, &s12, &azi1, &azi2);
    const std::size_t n = pts.size() - 1;
    for (std::size_t i = 0; i <= n; ++i) {
        double lat = 0, lon = 0;
        geod_direct(&wgs84(), from.lat, from.lon, azi1, s12 * static_cast<double>(i) / static_cast<double>(n), &lat,
                    &lon, nullptr);
        INFO("vertex " << i << " of " << n);
        CHECK(pts[i].lat == Approx(lat).margin(1e-9));
        CHECK(lon_diff(pts[i].lon, lon) == Approx(0).margin(1e-9));
    }
}

} // namespace

TEST_CASE("a Mali to Niger line follows the geodesic and keeps its end points", "[geo][geodesic][fast]") {
    const LonLat bamako{-8.0029, 12.6392}, niamey{2.1098, 13.5137};
    const auto parts = geodesic_path(bamako, niamey);
    REQUIRE(parts.size() == 1);
    const auto& pts = parts.front();
    CHECK(pts.front() == bamako);
    CHECK(pts.back() == niamey);
    // ~1,100 km: one vertex every 50 km at most, and at least 16 segments.
    const double km = geodesic_inverse(bamako, niamey).distance_m / 1000.0;
    CHECK(km == Approx(1103).epsilon(0.02));
    CHECK(pts.size() - 1 >= 16);
    CHECK(pts.size() - 1 == static_cast<std::size_t>(std::ceil(km / 50.0)));
    check_against_geod_direct(bamako, niamey, pts);

    const Geometry line = geodesic_line(bamako, niamey);
    CHECK(line.type_name() == "LineString");
    CHECK(line.num_points() == pts.size());
}

TEST_CASE("a short line still has at least 16 segments", "[geo][geodesic][fast]") {
    const auto parts = geodesic_path({2.35, 48.85}, {2.36, 48.86});
    REQUIRE(parts.size() == 1);
    CHECK(parts.front().size() == 17);
}

TEST_CASE("Paris to Bamako is a great circle, not a straight lon/lat line", "[geo][geodesic][fast]") {
    const LonLat paris{2.3522, 48.8566}, bamako{-8.0029, 12.6392};
    const auto parts = geodesic_path(paris, bamako);
    REQUIRE(parts.size() == 1);
    const auto& pts = parts.front();
    check_against_geod_direct(paris, bamako, pts);
    // The midpoint of the geodesic is far (tens of km) from the midpoint of
    // the straight line in the plate carrée.
    const LonLat mid = pts[pts.size() / 2];
    const double t = static_cast<double>(pts.size() / 2) / static_cast<double>(pts.size() - 1);
    const LonLat straight{paris.lon + t * (bamako.lon - paris.lon), paris.lat + t * (bamako.lat - paris.lat)};
    const double off_km = geodesic_inverse(mid, straight).distance_m / 1000.0;
    CHECK(off_km > 20.0);
}

TEST_CASE("Tokyo to Los Angeles is split at the antimeridian", "[geo][geodesic][fast]") {
    const LonLat tokyo{139.6917, 35.6895}, los_angeles{-118.2437, 34.0522};
    const auto parts = geodesic_path(tokyo, los_angeles);
    REQUIRE(parts.size() == 2);
    for (const auto& part : parts)
        for (const auto& p : part) {
            CHECK(p.lon >= -180.0);
            CHECK(p.lon <= 180.0);
        }
    CHECK(parts[0].front() == tokyo);
    CHECK(parts[1].back() == los_angeles);
    // Eastwards: the first part ends on +180, the second starts on -180 at the same latitude.
    CHECK(parts[0].back().lon == 180.0);
    CHECK(parts[1].front().lon == -180.0);
    CHECK(parts[0].back().lat == parts[1].front().lat);
    // The crossing latitude is on the geodesic: geod_inverse from Tokyo to it
    // has Tokyo→LA's azimuth.
    double s12 = 0, azi_la = 0, azi2 = 0, azi_cross = 0;
    geod_inverse(&wgs84(), tokyo.lat, tokyo.lon, los_angeles.lat, los_angeles.lon, &s12, &azi_la, &azi2);
    geod_inverse(&wgs84(), tokyo.lat, tokyo.lon, parts[0].back().lat, 180.0, &s12, &azi_cross, &azi2);
    CHECK(azi_cross == Approx(azi_la).margin(1e-7));

    const Geometry g = geodesic_line(tokyo, los_angeles);
    CHECK(g.type_name() == "MultiLineString");
    CHECK(g.lines().size() == 2);

    // And westwards.
    const auto back = geodesic_path(los_angeles, tokyo);
    REQUIRE(back.size() == 2);
    CHECK(back[0].back().lon == -180.0);
    CHECK(back[1].front().lon == 180.0);
}

TEST_CASE("lines that stay on one side of the antimeridian are not split", "[geo][geodesic][fast]") {
    CHECK(geodesic_path({170, -40}, {179.5, -10}).size() == 1);
    CHECK(geodesic_path({-179, 60}, {-120, 40}).size() == 1);
}

TEST_CASE("end points on the antimeridian itself make no empty part", "[geo][geodesic][fast]") {
    const auto to_edge = geodesic_path({170, 0}, {180, 0});
    REQUIRE(to_edge.size() == 1);
    CHECK(to_edge.front().back() == LonLat{180, 0});
    const auto from_edge = geodesic_path({180, 10}, {-170, 10});
    REQUIRE(from_edge.size() == 1);
    for (const auto& p : from_edge.front()) {
        CHECK(p.lon >= -180.0);
        CHECK(p.lon <= -170.0);
    }
    CHECK(from_edge.front().back() == LonLat{-170, 10});
}

TEST_CASE("impossible coordinates are refused", "[geo][geodesic][fast]") {
    CHECK_THROWS_AS(geodesic_path({0, 91}, {0, 0}), geoevents::GeometryError);
    CHECK_THROWS_AS(geodesic_path({200, 0}, {0, 0}), geoevents::GeometryError);
    CHECK_THROWS_AS(geodesic_inverse({std::nan(""), 0}, {0, 0}), geoevents::GeometryError);
    GeodesicOptions bad;
    bad.max_segment_km = 0;
    CHECK_THROWS_AS(geodesic_path({0, 0}, {1, 1}, bad), geoevents::GeometryError);
}

TEST_CASE("a movement whose origin is its destination, and antipodal end points", "[geo][geodesic][fast]") {
    // Origin = destination (a force that stays put): one part, the two equal points.
    const auto still = geodesic_path({-1.3, 15.8}, {-1.3, 15.8});
    REQUIRE(still.size() == 1);
    REQUIRE(still.front().size() == 2);
    CHECK(still.front().front() == still.front().back());
    // Antipodal end points: the geodesic is not unique, but one is drawn,
    // finite, within range, with exact end points and no jump over 1,000 km.
    for (const auto& [a, b] : {std::pair<LonLat, LonLat>{{0, 0}, {180, 0}}, {{10, 20}, {-170, -20}}, {{0, 90}, {0, -90}}}) {
        const auto parts = geodesic_path(a, b);
        REQUIRE_FALSE(parts.empty());
        CHECK(parts.front().front() == a);
        CHECK(parts.back().back() == b);
        for (const auto& part : parts) {
            REQUIRE(part.size() >= 2);
            for (std::size_t i = 0; i < part.size(); ++i) {
                CHECK(std::isfinite(part[i].lon));
                CHECK(std::abs(part[i].lat) <= 90.0);
                CHECK(std::abs(part[i].lon) <= 180.0);
                if (i > 0) CHECK(geodesic_inverse(part[i - 1], part[i]).distance_m < 1'000'000.0);
            }
        }
    }
}
