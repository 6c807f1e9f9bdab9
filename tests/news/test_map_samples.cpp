// The map layers of the project's own sample articles (samples/barkhane):
// what the main job shows a reader must hold.
#include <catch2/catch.hpp>

#include <algorithm>
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

TEST_CASE("merging one document at a time gives merge_events' events, each source once", "[news][map][merge]") {
    std::istringstream no_stdin;
    news::ArticleSource articles({std::string(GEOEVENTS_SOURCE_DIR) + "/samples"}, no_stdin);
    auto batch = news::read_articles(env().reader, articles, {}, 2);
    REQUIRE(batch.documents.size() == 4);
    // The four articles told three times over (as many outlets would).
    std::vector<news::Document> docs;
    for (int copy = 0; copy < 3; ++copy)
        for (auto d : batch.documents) {
            d.source += "#" + std::to_string(copy);
            for (auto& e : d.events)
                for (auto& src : e.sources) src += "#" + std::to_string(copy);
            docs.push_back(std::move(d));
        }
    news::EventMerger merger;
    for (const auto& d : docs) merger.add(d);
    const auto incremental = merger.take();
    auto copies = docs;
    const auto whole = news::merge_events(copies);
    REQUIRE(incremental.size() == whole.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
        CHECK(incremental[i].id == whole[i].id);
        CHECK(incremental[i].sources == whole[i].sources);
        CHECK(incremental[i].places.size() == whole[i].places.size());
        CHECK(incremental[i].confidence == whole[i].confidence);
        auto sorted = incremental[i].sources;
        std::sort(sorted.begin(), sorted.end());
        CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    }
    // The withdrawal is reported by both Barkhane articles in each copy.
    CHECK(std::any_of(incremental.begin(), incremental.end(),
                      [](const geo::Event& e) { return e.type == geo::EventType::withdrawal && e.sources.size() == 6; }));
    // The layer input counts each article once per place, as layer_input does.
    news::LayerInputBuilder builder;
    for (const auto& d : docs) builder.add(d);
    const auto in = builder.finish(std::vector<geo::Event>(incremental), env().gz, "test");
    const auto ref = news::layer_input(docs, std::vector<geo::Event>(whole), env().gz, "test");
    REQUIRE(in.places.size() == ref.places.size());
    for (std::size_t i = 0; i < in.places.size(); ++i) {
        CHECK(in.places[i].articles == ref.places[i].articles);
        CHECK(in.places[i].mentions == ref.places[i].mentions);
    }
    CHECK(in.metadata.sources.size() == 12);
}
