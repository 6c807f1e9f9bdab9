#include <catch2/catch.hpp>

#include <algorithm>

#include "geo/story_fixture.hpp"
#include "geoevents/geo/error.hpp"
#include "geoevents/geo/layers.hpp"

using namespace geoevents::geo;

namespace {

std::string text(const Layer& l, std::size_t row, std::string_view field) { return to_text(l.value(row, field)); }

std::size_t row_of(const Layer& l, std::string_view field, std::string_view value) {
    for (std::size_t i = 0; i < l.features.size(); ++i)
        if (text(l, i, field) == value) return i;
    FAIL("no row with " << field << " = " << value << " in " << l.name);
    return 0;
}

LonLat point(const Geometry& g) {
    const Bbox b = g.envelope();
    return {b.min_lon, b.min_lat};
}

bool has_note(const Project& p, std::string_view needle) {
    return std::any_of(p.notes.begin(), p.notes.end(),
                       [&](const std::string& n) { return n.find(needle) != std::string::npos; });
}

} // namespace

TEST_CASE("the story gives five layers in a fixed order", "[geo][layers][fast]") {
    const Project p = build_layers(story::input());
    std::vector<std::string> names;
    for (const auto& l : p.layers) names.push_back(l.name);
    CHECK(names == std::vector<std::string>{"places", "areas", "events", "movements", "metadata"});
    CHECK(p.find(layer_places)->geometry_type == GeometryType::point);
    CHECK(p.find(layer_areas)->geometry_type == GeometryType::multi_polygon);
    CHECK(p.find(layer_events)->geometry_type == GeometryType::point);
    CHECK(p.find(layer_movements)->geometry_type == GeometryType::multi_line_string);
    CHECK(p.find(layer_metadata)->geometry_type == GeometryType::none);
}

TEST_CASE("a border the articles name is a line of its own layer, with the events naming it", "[geo][layers][fast]") {
    const Project p = build_layers(story::input_with_border());
    std::vector<std::string> names;
    for (const auto& l : p.layers) names.push_back(l.name);
    CHECK(names == std::vector<std::string>{"places", "areas", "borders", "events", "movements", "metadata"});
    const Layer& borders = *p.find(layer_borders);
    CHECK(borders.geometry_type == GeometryType::multi_line_string);
    REQUIRE(borders.features.size() == 1);
    CHECK(text(borders, 0, "place_id") == "border:ML-NE");
    CHECK(text(borders, 0, "name") == "Mali–Niger border");
    CHECK(text(borders, 0, "label") == "frontière Niger–Mali");
    CHECK(text(borders, 0, "event_ids") == "e7");
    const auto lines = borders.features[0].geometry.lines();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == std::vector<LonLat>{{0.2, 14.9}, {3.6, 15.6}, {4.2, 16.9}, {4.2, 19.1}});
    // The border keeps its point among the places, and its event is placed there.
    const Layer& places = *p.find(layer_places);
    CHECK(text(places, row_of(places, "place_id", "border:ML-NE"), "kind") == "border");
    const Layer& events = *p.find(layer_events);
    CHECK(point(events.features[row_of(events, "event_id", "e7")].geometry) == LonLat{3.6, 15.6});
}

TEST_CASE("a border without a line is reported; a broken line names the border", "[geo][layers][fast]") {
    LayerInput in = story::input_with_border();
    in.places.back().place.geometry.clear();
    in.events.back().places[0].place.geometry.clear();
    const Project p = build_layers(in);
    CHECK_FALSE(p.find(layer_borders));
    CHECK(has_note(p, "border border:ML-NE (Mali–Niger border) has no line"));
    in.places.back().place.geometry = R"({"type":"LineString","coordinates":[[0.2]]})";
    try {
        build_layers(in);
        FAIL("built");
    } catch (const geoevents::GeometryError& e) {
        CHECK(std::string(e.what()).find("border:ML-NE") != std::string::npos);
    }
}

TEST_CASE("places carry mention counts, articles and roles", "[geo][layers][fast]") {
    const Project p = build_layers(story::input());
    const Layer& places = *p.find(layer_places);
    CHECK(places.features.size() == 8);
    const auto mali = row_of(places, "place_id", "ne:ML");
    CHECK(text(places, mali, "name") == "Mali");
    CHECK(text(places, mali, "kind") == "country");
    CHECK(text(places, mali, "mentions") == "9");
    CHECK(text(places, mali, "articles") == "articles/le-monde-2022-02-17.txt, articles/rfi-2022-02-17.txt");
    CHECK(text(places, mali, "role_location") == "7");
    CHECK(text(places, mali, "role_actor") == "2");
    const auto bamako = row_of(places, "place_id", "geonames:2460596");
    CHECK(point(places.features[bamako].geometry) == story::bamako.point);
    CHECK(text(places, bamako, "approximate") == "0");
    CHECK(text(places, bamako, "uncertainty_km") == "0");
}

TEST_CASE("places carry the name each language's articles write, null when none", "[geo][layers][fast]") {
    LayerInput in = story::input();
    Place town;
    town.id = "geonames:2449067";
    town.name = "Timbuktu";
    town.label = "Tombouctou";  // the first article's name, a French one
    town.kind = PlaceKind::city;
    town.country = "ML";
    town.point = {-3.0, 16.77};
    in.places.push_back(MentionSummary{town, 2, {"articles/fr.txt", "articles/en.txt"}, 2, 0, "Tombouctou", "Timbuktu"});
    Place part;
    part.id = "ne:ML#e";
    part.name = "Eastern Mali";
    part.kind = PlaceKind::part;
    part.country = "ML";
    part.point = {1.5, 16.5};
    in.places.push_back(MentionSummary{part, 1, {"articles/fr.txt"}, 1, 0, "Est du Mali", ""});
    const Project p = build_layers(in);
    const Layer& places = *p.find(layer_places);
    const auto t = row_of(places, "place_id", town.id);
    CHECK(text(places, t, "label") == "Tombouctou");  // as before: Place::label, else name
    CHECK(text(places, t, "label_fr") == "Tombouctou");
    CHECK(text(places, t, "label_en") == "Timbuktu");
    const auto e = row_of(places, "place_id", part.id);
    CHECK(text(places, e, "label") == "Eastern Mali");
    CHECK(text(places, e, "label_fr") == "Est du Mali");
    CHECK(std::holds_alternative<std::monostate>(places.value(e, "label_en")));  // no English article names it
}

TEST_CASE("an approximate place carries its radius", "[geo][layers][fast]") {
    LayerInput in = story::input();
    Place village;
    village.id = "approx:tassit:geonames:2457163";
    village.name = "Tassit";
    village.kind = PlaceKind::city;
    village.country = "ML";
    village.point = {-0.04, 16.63};
    village.approximate = true;
    village.uncertainty_km = 21;
    in.places.push_back(MentionSummary{village, 1, {"articles/a.txt"}, 1, 0, {}, {}});
    const Project p = build_layers(in);
    const Layer& places = *p.find(layer_places);
    const auto row = row_of(places, "place_id", village.id);
    CHECK(text(places, row, "approximate") == "1");
    CHECK(text(places, row, "uncertainty_km") == "21");
    CHECK(point(places.features[row].geometry) == village.point);
}

TEST_CASE("areas are valid, simplified polygons with the events that involve them", "[geo][layers][fast]") {
    const Project p = build_layers(story::input());
    const Layer& areas = *p.find(layer_areas);
    // Mali, Niger (e1), the Gulf of Guinea states (e3), Liptako (e5); not France
    // (only an actor) and not the cities.
    CHECK(areas.features.size() == 4);
    for (std::size_t i = 0; i < areas.features.size(); ++i) {
        INFO(text(areas, i, "place_id"));
        std::string why;
        CHECK(areas.features[i].geometry.is_valid(&why));
        CHECK(areas.features[i].geometry.type_name() == "MultiPolygon");
        CHECK(text(areas, i, "simplified_deg") == "0.01");
    }
    const auto mali = row_of(areas, "place_id", "ne:ML");
    CHECK(text(areas, mali, "event_ids") == "e1, e4");
    CHECK(text(areas, mali, "n_events") == "2");
    CHECK(text(areas, mali, "made_valid") == "0");
    const auto liptako = row_of(areas, "place_id", "curated:liptako");
    CHECK(text(areas, liptako, "made_valid") == "1");
    const auto gulf = row_of(areas, "place_id", "curated:gulf-of-guinea-states");
    CHECK(text(areas, gulf, "composite") == "1");
    // The union of the four boxes: one polygon covering each box's inside.
    CHECK(areas.features[gulf].geometry.contains({-5.0, 7.0}));
    CHECK(areas.features[gulf].geometry.contains({3.0, 11.0}));
}

TEST_CASE("event points lie at their location, inside their area", "[geo][layers][fast]") {
    const Project p = build_layers(story::input());
    const Layer& events = *p.find(layer_events);
    const Layer& areas = *p.find(layer_areas);
    // e6 names no place: left out, and said so.
    CHECK(events.features.size() == 5);
    CHECK(has_note(p, "event e6"));
    for (std::size_t i = 0; i < events.features.size(); ++i) {
        INFO(text(events, i, "event_id"));
        if (text(events, i, "location_kind") != "area") continue;
        const auto a = row_of(areas, "place_id", text(events, i, "place_id"));
        CHECK(areas.features[a].geometry.intersects(events.features[i].geometry));
    }
    // e4 names Ménaka and Mali as locations: the city wins over the country.
    const auto e4 = row_of(events, "event_id", "e4");
    CHECK(text(events, e4, "place_id") == "geonames:2454532");
    CHECK(text(events, e4, "location_kind") == "point");
    // e1 has no location role: its origin, Mali, an area.
    const auto e1 = row_of(events, "event_id", "e1");
    CHECK(text(events, e1, "place_id") == "ne:ML");
    CHECK(text(events, e1, "location_kind") == "area");
    // Liptako's bow tie was made valid: the point is still inside it.
    const auto e5 = row_of(events, "event_id", "e5");
    CHECK(text(events, e5, "location_kind") == "area");
    CHECK(areas.features[row_of(areas, "place_id", "curated:liptako")].geometry.intersects(
        events.features[e5].geometry));
}

TEST_CASE("event dates are ISO 8601 UTC attributes", "[geo][layers][fast]") {
    const Project p = build_layers(story::input());
    const Layer& events = *p.find(layer_events);
    const auto e1 = row_of(events, "event_id", "e1");
    CHECK(text(events, e1, "date_start") == "2022-02-17T18:00:00Z");
    CHECK(text(events, e1, "date_end") == "2022-02-17T18:00:00Z");
    CHECK(text(events, e1, "precision") == "day");
    const auto e2 = row_of(events, "event_id", "e2");
    CHECK(text(events, e2, "date_start") == "2022-02-01T00:00:00Z");
    CHECK(text(events, e2, "date_end") == "2022-02-06T23:59:59Z");
    CHECK(text(events, e2, "date_text") == "2022-02-01/2022-02-06");
    CHECK(text(events, e2, "precision") == "interval");
    const auto e5 = row_of(events, "event_id", "e5");
    CHECK(std::holds_alternative<std::monostate>(events.value(e5, "date_start")));
    CHECK(text(events, e1, "actors") == "France, Barkhane");
    CHECK(text(events, e1, "places") == "ne:ML (origin), ne:NE (destination)");
    CHECK(text(events, e1, "confidence") == "0.92");
}

TEST_CASE("movements: stated origins, and the actor's country otherwise", "[geo][layers][fast]") {
    const Project p = build_layers(story::input());
    const Layer& mv = *p.find(layer_movements);
    REQUIRE(mv.features.size() == 3);
    const auto e1 = row_of(mv, "event_id", "e1");
    CHECK(text(mv, e1, "from_id") == "ne:ML");
    CHECK(text(mv, e1, "to_id") == "ne:NE");
    CHECK(text(mv, e1, "origin_rule") == "stated");
    const auto e2 = row_of(mv, "event_id", "e2");
    CHECK(text(mv, e2, "from_name") == "Ménaka");
    CHECK(text(mv, e2, "to_name") == "Niamey");
    // e3: support towards the Gulf of Guinea states, no origin: from France.
    const auto e3 = row_of(mv, "event_id", "e3");
    CHECK(text(mv, e3, "from_id") == "ne:FR");
    CHECK(text(mv, e3, "to_id") == "curated:gulf-of-guinea-states");
    CHECK(text(mv, e3, "origin_rule") == "actor_country");
    // A geodesic line: densified, ending on the destination's representative point.
    const auto lines = mv.features[e2].geometry.lines();
    REQUIRE(lines.size() == 1);
    CHECK(lines.front().size() >= 17);
    CHECK(lines.front().front() == story::menaka.point);
    CHECK(lines.front().back() == story::niamey.point);
    CHECK(std::get<double>(mv.value(e2, "distance_km")) == Approx(264).epsilon(0.05));
    const auto gulf_area = row_of(*p.find(layer_areas), "place_id", "curated:gulf-of-guinea-states");
    CHECK(p.find(layer_areas)->features[gulf_area].geometry.contains(mv.features[e3].geometry.lines().front().back()));
}

TEST_CASE("an inferred end is an attribute of its event and its movement", "[geo][layers][fast]") {
    LayerInput in = story::input();
    // e3, support towards the Gulf of Guinea states: the reader inferred
    // France, the supporter's country, as its origin.
    for (auto& e : in.events)
        if (e.id == "e3")
            e.places.insert(e.places.begin(), EventPlace(story::france, PlaceRole::origin, true, "supporter_country"));
    const Project p = build_layers(in);
    const Layer& events = *p.find(layer_events);
    CHECK(text(events, row_of(events, "event_id", "e3"), "inferred") == "ne:FR (origin: supporter_country)");
    CHECK(text(events, row_of(events, "event_id", "e1"), "inferred").empty());  // both ends stated
    const Layer& mv = *p.find(layer_movements);
    const auto e3 = row_of(mv, "event_id", "e3");
    CHECK(text(mv, e3, "from_id") == "ne:FR");
    CHECK(text(mv, e3, "origin_rule") == "supporter_country");
    CHECK(text(mv, row_of(mv, "event_id", "e1"), "origin_rule") == "stated");
}

TEST_CASE("an actor_place callback decides the origin when given", "[geo][layers][fast]") {
    LayerInput in = story::input();
    in.actor_place = [](std::string_view actor) -> std::optional<Place> {
        if (actor == "France") return story::bamako;  // e.g. the French headquarters in Mali
        return std::nullopt;
    };
    const Project p = build_layers(in);
    const Layer& mv = *p.find(layer_movements);
    CHECK(text(mv, row_of(mv, "event_id", "e3"), "from_id") == "geonames:2460596");
}

TEST_CASE("metadata rows name sources, reference date, version and credits", "[geo][layers][fast]") {
    const Project p = build_layers(story::input());
    CHECK(p.metadata("sources") == "articles/le-monde-2022-02-17.txt, articles/rfi-2022-02-17.txt");
    CHECK(p.metadata("reference_date") == "2022-02-17");
    CHECK(p.metadata("toolkit_version") == "0.1.0-test");
    CHECK(p.metadata("data_credits") == "GeoNames (CC BY 4.0), Natural Earth (public domain)");
    CHECK(p.metadata("simplify_tolerance_deg") == "0.01");
}

TEST_CASE("bad polygons and coordinates name the place", "[geo][layers][fast]") {
    LayerInput in = story::input();
    in.polygon_of = [](const Place& p) {
        if (p.id == "ne:NE") return std::vector<std::uint8_t>{1, 2, 3};
        return std::vector<std::uint8_t>{};
    };
    try {
        build_layers(in);
        FAIL("expected a GeometryError");
    } catch (const geoevents::GeometryError& e) {
        CHECK(std::string(e.what()).find("ne:NE") != std::string::npos);
    }
    LayerInput far = story::input();
    far.places[0].place.point = {250.0, 12.0};
    CHECK_THROWS_AS(build_layers(far), geoevents::GeometryError);
}

TEST_CASE("ISO date-times from time spans", "[geo][layers][fast]") {
    TimeSpan t;
    CHECK(iso_datetimes(t).first.empty());
    t.first = "2022-02";  // malformed for a day: unknown
    CHECK(iso_datetimes(t).first.empty());
    t.first = "2013-01-11";
    t.last = "2022-08-15";
    CHECK(iso_datetimes(t) == std::pair<std::string, std::string>{"2013-01-11T00:00:00Z", "2022-08-15T23:59:59Z"});
    t.time = "07:45";
    CHECK(iso_datetimes(t).first == "2013-01-11T07:45:00Z");
    CHECK(iso_datetimes(t).second == "2022-08-15T23:59:59Z");
}

TEST_CASE("events and movements carry the status the text gives", "[geo][layers][fast]") {
    auto in = story::input();
    REQUIRE(in.events.size() >= 2);
    in.events[0].status = EventStatus::planned;
    in.events[1].status = EventStatus::denied;
    const Project p = build_layers(in);
    const Layer& events = *p.find(layer_events);
    CHECK(text(events, row_of(events, "event_id", in.events[0].id), "status") == "planned");
    CHECK(text(events, row_of(events, "event_id", in.events[1].id), "status") == "denied");
    const Layer& mv = *p.find(layer_movements);
    CHECK(text(mv, row_of(mv, "event_id", in.events[0].id), "status") == "planned");
    for (std::size_t i = 2; i < in.events.size(); ++i)
        for (std::size_t r = 0; r < events.features.size(); ++r)
            if (text(events, r, "event_id") == in.events[i].id) CHECK(text(events, r, "status") == "happened");
}
