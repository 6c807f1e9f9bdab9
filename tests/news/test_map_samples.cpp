// The map layers of the project's own sample articles (samples/barkhane):
// what the main job shows a reader must hold.
#include <catch2/catch.hpp>

#include <sstream>

#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/geo/geodesic.hpp"
#include "geoevents/geo/layers.hpp"
#include "news_fixture.hpp"
#include "geoevents/news/batch.hpp"

using namespace geoevents;
using news_test::env;

namespace {
geo::Project sample_project() {
    std::istringstream no_stdin;
    news::ArticleSource source({std::string(GEOEVENTS_SOURCE_DIR) + "/samples/barkhane"}, no_stdin);
    REQUIRE(source.known_total() == 2);
    auto batch = news::read_articles(env().reader, source, {}, 2);
    REQUIRE(batch.failures.empty());
    REQUIRE(batch.documents.size() == 2);
    auto events = news::merge_events(batch.documents);
    return geo::build_layers(news::layer_input(batch.documents, std::move(events), env().gz, "test"));
}

geo::Geometry country(const char* id) {
    const auto p = env().gz.place(*env().gz.find_id(id));
    return geo::Geometry::from_wkb(p.detail_polygon);
}
} // namespace

TEST_CASE("the samples give a geodesic movement from Mali to Niger", "[news][map]") {
    const auto project = sample_project();
    const auto* moves = project.find(geo::layer_movements);
    REQUIRE(moves);
    const auto from = moves->field_index("from_id"), to = moves->field_index("to_id"), type = moves->field_index("type");
    REQUIRE((from && to && type));
    const geo::LayerFeature* ml_ne = nullptr;
    for (const auto& f : moves->features)
        if (geo::to_text(f.values[*from]) == "ne:ML" && geo::to_text(f.values[*to]) == "ne:NE") ml_ne = &f;
    REQUIRE(ml_ne);
    // The support towards the Gulf of Guinea states is reported with a
    // possessive and no subject: its origin is inferred from the earlier
    // event's actor, France (the reader marks it; the map draws what parse prints).
    bool support_from_france = false;
    for (const auto& f : moves->features)
        support_from_france = support_from_france || (geo::to_text(f.values[*type]) == "support" &&
                                                       geo::to_text(f.values[*from]) == "ne:FR" &&
                                                       geo::to_text(f.values[*to]) == "curated:gulf-of-guinea-states");
    CHECK(support_from_france);
    const auto lines = ml_ne->geometry.lines();
    REQUIRE(lines.size() == 1);
    const auto& pts = lines.front();
    REQUIRE(pts.size() >= 17);
    CHECK(country("ne:ML").contains(pts.front()));
    CHECK(country("ne:NE").contains(pts.back()));
    // Every vertex lies on the geodesic from the first point: same azimuth-defined path.
    const auto inv = geo::geodesic_inverse(pts.front(), pts.back());
    for (std::size_t i = 1; i + 1 < pts.size(); ++i) {
        const auto part = geo::geodesic_inverse(pts.front(), pts[i]);
        const auto on_line = geo::geodesic_direct(pts.front(), inv.azimuth1_deg, part.distance_m);
        CHECK(geo::distance_km(on_line, pts[i]) < 0.01);
    }
}

TEST_CASE("the samples' areas are valid and events stand inside them", "[news][map]") {
    const auto project = sample_project();
    const auto* areas = project.find(geo::layer_areas);
    const auto* events = project.find(geo::layer_events);
    REQUIRE(areas);
    REQUIRE(events);
    REQUIRE_FALSE(areas->features.empty());
    for (const auto& a : areas->features) CHECK(a.geometry.is_valid());
    // The Gulf of Guinea coastal states, as the gazetteer's composite.
    const auto gulf = env().gz.lookup("pays du Golfe de Guinée");
    REQUIRE_FALSE(gulf.empty());
    const auto poly = geo::Geometry::from_wkb(env().gz.place(gulf.front().place).polygon);
    CHECK(poly.is_valid());
    for (const char* city : {"Abidjan", "Accra", "Lomé", "Cotonou"})
        CHECK(poly.contains(env().gz.place(env().gz.lookup(city).front().place).point));
    const auto kind = events->field_index("location_kind"), place = events->field_index("place_id");
    REQUIRE((kind && place));
    const auto area_id = areas->field_index("place_id");
    for (const auto& e : events->features) {
        if (geo::to_text(e.values[*kind]) != "area") continue;
        for (const auto& a : areas->features)
            if (geo::to_text(a.values[*area_id]) == geo::to_text(e.values[*place])) {
                CHECK(a.geometry.intersects(e.geometry));
            }
    }
}
