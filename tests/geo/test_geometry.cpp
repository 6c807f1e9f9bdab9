#include <catch2/catch.hpp>

#include "geoevents/geo/error.hpp"
#include "geoevents/geo/geometry.hpp"

using geoevents::geo::Geometry;
using geoevents::geo::LonLat;

TEST_CASE("WKT round trip and validity", "[geo][geometry][fast]") {
    const auto sq = Geometry::from_wkt("POLYGON((0 0, 4 0, 4 4, 0 4, 0 0))");
    CHECK(sq.is_valid());
    CHECK(sq.area() == Approx(16.0));
    CHECK(Geometry::from_wkb(sq.wkb()).wkt() == sq.wkt());
    std::string reason;
    const auto bowtie = Geometry::from_wkt("POLYGON((0 0, 4 4, 4 0, 0 4, 0 0))");
    CHECK_FALSE(bowtie.is_valid(&reason));
    CHECK_FALSE(reason.empty());
    CHECK(bowtie.make_valid().is_valid());
    CHECK_THROWS_AS(Geometry::from_wkt("POLYGON((0 0, 1"), geoevents::GeometryError);
}

TEST_CASE("the union of touching boxes is one valid polygon containing their points", "[geo][geometry][fast]") {
    const auto u = Geometry::union_all({Geometry::box({0, 0, 2, 2}), Geometry::box({2, 0, 4, 2}), Geometry::box({1, 1, 3, 3})});
    CHECK(u.is_valid());
    CHECK(u.type_name() == "Polygon");
    CHECK(u.contains({0.5, 0.5}));
    CHECK(u.contains({3.5, 1.5}));
    CHECK_FALSE(u.contains({0.5, 2.5}));
}

TEST_CASE("the representative point of a crescent lies inside it, unlike its centroid", "[geo][geometry][fast]") {
    // A U shape: its centroid falls in the empty middle.
    const auto u = Geometry::from_wkt("POLYGON((0 0, 10 0, 10 10, 8 10, 8 2, 2 2, 2 10, 0 10, 0 0))");
    const LonLat p = u.representative_point();
    CHECK(u.contains(p));
    CHECK_FALSE(u.contains({5, 5}));
}

TEST_CASE("orientation follows the right-hand rule", "[geo][geometry][fast]") {
    const auto cw = Geometry::from_wkt("POLYGON((0 0, 0 4, 4 4, 4 0, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))");
    const std::string wkt = cw.oriented_ccw().wkt(0);
    CHECK(wkt == "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))");
}

TEST_CASE("GeoJSON output rounds coordinates", "[geo][geometry][fast]") {
    const auto p = Geometry::point({2.123456789, 48.987654321});
    CHECK(p.geojson(4) == R"({"type":"Point","coordinates":[2.1235,48.9877]})");
}

TEST_CASE("GeoJSON geometries read back what geojson() writes; anything else is refused", "[geo][geometry][fast]") {
    const auto line = Geometry::from_wkt("MULTILINESTRING((0 0, 1 1), (2 2, 3 2.5))");
    CHECK(Geometry::from_geojson(line.geojson()).wkt() == line.wkt());
    CHECK_THROWS_AS(Geometry::from_geojson(R"({"type":"Line","coordinates":[]})"), geoevents::GeometryError);
    CHECK_THROWS_AS(Geometry::from_geojson("not json"), geoevents::GeometryError);
}

TEST_CASE("the shared boundary of two neighbours is their intersection sewn into one line", "[geo][geometry][fast]") {
    // Two squares sharing the edge x = 2 from y = 0 to 2, and a third touching the first at a corner only.
    const auto a = Geometry::from_wkt("POLYGON((0 0, 2 0, 2 1, 2 2, 0 2, 0 0))");
    const auto b = Geometry::from_wkt("POLYGON((2 0, 4 0, 4 2, 2 2, 2 1, 2 0))");
    const auto c = Geometry::from_wkt("POLYGON((-1 -1, 0 -1, 0 0, -1 0, -1 -1))");
    const auto shared = a.intersection(b).merged_lines();
    CHECK(shared.type_name() == "LineString");
    const auto pts = shared.lines();
    REQUIRE(pts.size() == 1);
    CHECK(pts[0].size() == 3);  // the two pieces of the edge, as one line
    CHECK(a.intersection(c).merged_lines().empty());  // a corner is no line
}

TEST_CASE("a sea clip keeps only the water", "[geo][geometry][fast]") {
    const auto land = Geometry::box({0, 0, 10, 5});
    const auto sea = Geometry::box({0, 5, 10, 10});
    const auto area = Geometry::box({2, 2, 8, 8});
    const auto water = area.intersection(sea);
    CHECK(water.area() == Approx(18.0));
    CHECK_FALSE(water.intersects(Geometry::box({3, 3, 4, 4})));
    CHECK(land.intersects(area));
}
