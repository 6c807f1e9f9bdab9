#pragma once
// A small hand-made story for the layer and writer tests: French forces
// leaving Mali for Niger and the Gulf of Guinea states, February 2022.
// Coordinates are realistic but made up; polygons are coarse outlines given
// as WKT (the Gulf of Guinea states are the union of four boxes, as the
// gazetteer builds composites). Liptako's outline is deliberately a
// self-intersecting "bow tie" so that MakeValid has work to do.
#include <map>
#include <string>
#include <vector>

#include "geoevents/geo/geometry.hpp"
#include "geoevents/geo/layers.hpp"

namespace story {

using namespace geoevents::geo;

inline Place place(std::string id, std::string name, PlaceKind kind, std::string country, LonLat p,
                   bool composite = false, bool has_polygon = false) {
    Place out;
    out.id = std::move(id);
    out.name = std::move(name);
    out.kind = kind;
    out.country = std::move(country);
    out.point = p;
    out.composite = composite;
    out.has_polygon = has_polygon;
    return out;
}

inline const Place bamako = place("geonames:2460596", "Bamako", PlaceKind::city, "ML", {-8.0029, 12.6392});
inline const Place menaka = place("geonames:2454532", "Ménaka", PlaceKind::city, "ML", {2.4006, 15.9182});
inline const Place niamey = place("geonames:2440485", "Niamey", PlaceKind::city, "NE", {2.1098, 13.5137});
inline const Place mali = place("ne:ML", "Mali", PlaceKind::country, "ML", {-3.5, 17.3}, false, true);
inline const Place niger = place("ne:NE", "Niger", PlaceKind::country, "NE", {9.4, 17.4}, false, true);
inline const Place france = place("ne:FR", "France", PlaceKind::country, "FR", {2.5, 46.6}, false, true);
inline const Place liptako = place("curated:liptako", "Liptako", PlaceKind::region, "", {0.5, 14.0}, false, true);
inline const Place gulf_states = place("curated:gulf-of-guinea-states", "Gulf of Guinea coastal states",
                                       PlaceKind::region, "", {-1.0, 8.0}, true, true);

inline const char* const mali_wkt =
    "POLYGON((-12.2 14.6,-11.4 12.4,-8.6 10.3,-5.5 10.4,-4.4 12.6,-2.0 14.2,0.2 14.9,3.6 15.6,4.2 16.9,"
    "4.2 19.1,1.1 20.8,-4.8 25.0,-6.5 24.9,-5.5 16.4,-11.6 15.5,-12.2 14.6))";
inline const char* const niger_wkt =
    "POLYGON((0.2 14.9,0.9 12.9,2.2 11.7,3.6 11.7,7.8 13.3,13.6 13.0,15.9 14.0,15.9 23.0,14.0 23.5,"
    "11.9 23.5,4.2 19.1,4.2 16.9,3.6 15.6,0.2 14.9))";
inline const char* const france_wkt =
    "POLYGON((-4.8 48.5,-1.4 46.2,-1.8 43.4,3.1 42.4,4.6 43.4,7.6 43.8,6.8 45.9,8.2 49.0,4.2 50.0,2.5 51.1,"
    "-1.9 49.7,-4.8 48.5))";
inline const char* const liptako_bowtie_wkt = "POLYGON((-0.5 13.0,1.5 15.0,1.5 13.0,-0.5 15.0,-0.5 13.0))";

inline std::vector<std::uint8_t> gulf_states_wkb() {
    // Côte d'Ivoire, Ghana, Togo, Benin as boxes: overlapping, so the union is one polygon.
    return Geometry::union_all({Geometry::box({-8.6, 4.4, -2.5, 10.7}), Geometry::box({-3.2, 4.7, 1.2, 11.2}),
                                Geometry::box({-0.1, 6.1, 1.8, 11.1}), Geometry::box({0.8, 6.2, 3.8, 12.4})})
        .wkb();
}

inline std::map<std::string, std::vector<std::uint8_t>, std::less<>> polygons() {
    return {{mali.id, Geometry::from_wkt(mali_wkt).wkb()},
            {niger.id, Geometry::from_wkt(niger_wkt).wkb()},
            {france.id, Geometry::from_wkt(france_wkt).wkb()},
            {liptako.id, Geometry::from_wkt(liptako_bowtie_wkt).wkb()},
            {gulf_states.id, gulf_states_wkb()}};
}

/// A quote longer than Shapefile's 254 bytes, with accents so that byte 254
/// falls inside a two-byte character.
inline std::string long_quote() {
    std::string q = "« Nous avons décidé de procéder au retrait coordonné de nos forces du territoire malien, "
                    "a déclaré le président. ";
    while (q.size() < 253) q += "x";
    q.resize(253);
    q += "é et ça continue: les emprises de Ménaka, Gossi et Gao seront rétrocédées aux forces maliennes. »";
    return q;
}

inline Event event(std::string id, EventType type, TimeSpan when, std::vector<std::string> actors,
                   std::vector<EventPlace> places, std::string evidence, std::vector<std::string> sources,
                   double confidence) {
    Event e;
    e.id = std::move(id);
    e.type = type;
    e.when = std::move(when);
    e.actors = std::move(actors);
    e.places = std::move(places);
    e.evidence = std::move(evidence);
    e.sources = std::move(sources);
    e.confidence = confidence;
    return e;
}

inline TimeSpan day(std::string d, std::string time = {}) {
    TimeSpan t;
    t.iso = d;
    t.precision = DatePrecision::day;
    t.first = t.last = std::move(d);
    t.time = std::move(time);
    t.utc = !t.time.empty();
    return t;
}

inline TimeSpan interval(std::string a, std::string b) {
    TimeSpan t;
    t.iso = a + "/" + b;
    t.precision = DatePrecision::interval;
    t.first = std::move(a);
    t.last = std::move(b);
    return t;
}

inline LayerInput input() {
    LayerInput in;
    const std::vector<std::string> a1{"articles/le-monde-2022-02-17.txt"};
    const std::vector<std::string> a2{"articles/le-monde-2022-02-17.txt", "articles/rfi-2022-02-17.txt"};
    in.events = {
        event("e1", EventType::withdrawal, day("2022-02-17", "18:00"), {"France", "Barkhane"},
              {{mali, PlaceRole::origin}, {niger, PlaceRole::destination}}, long_quote(), a2, 0.92),
        event("e2", EventType::redeployment, interval("2022-02-01", "2022-02-06"), {"Takuba"},
              {{menaka, PlaceRole::origin}, {niamey, PlaceRole::destination}},
              "Les forces de Takuba seront repositionnées au Niger.", a1, 0.81),
        event("e3", EventType::support, day("2022-02-17"), {"France"}, {{gulf_states, PlaceRole::location}},
              "La France soutiendra les pays du golfe de Guinée.", a2, 0.77),
        event("e4", EventType::attack, day("2022-02-10"), {"EIGS"},
              {{menaka, PlaceRole::location}, {mali, PlaceRole::location}},
              "Une attaque a visé un camp près de Ménaka, au Mali.", a1, 0.66),
        event("e5", EventType::statement, TimeSpan{}, {"G5 Sahel"}, {{liptako, PlaceRole::location}},
              "La situation dans le Liptako reste préoccupante.", a1, 0.5),
        event("e6", EventType::political, day("2022-02-16"), {"Élysée"}, {}, "Un dîner à l'Élysée.", a1, 0.4),
    };
    in.events[4].when.precision = DatePrecision::unknown;
    auto summary = [](const Place& p, std::size_t mentions, std::vector<std::string> articles, std::size_t loc,
                      std::size_t actor) { return MentionSummary{p, mentions, std::move(articles), loc, actor, {}, {}}; };
    in.places = {summary(bamako, 2, a1, 2, 0),
                 summary(mali, 9, a2, 7, 2),
                 summary(niger, 4, a2, 4, 0),
                 summary(france, 6, a2, 1, 5),
                 summary(menaka, 3, a1, 3, 0),
                 summary(niamey, 1, a1, 1, 0),
                 summary(liptako, 1, a1, 1, 0),
                 summary(gulf_states, 2, a2, 2, 0)};
    in.polygon_of = polygons_from_map(polygons());
    in.metadata.reference_date = "2022-02-17";
    in.metadata.toolkit_version = "0.1.0-test";
    return in;
}

/// The story with a border: "la frontière Niger–Mali" (its line along the
/// two outlines above), named by an attack.
inline LayerInput input_with_border() {
    LayerInput in = input();
    Place b = place("border:ML-NE", "Mali–Niger border", PlaceKind::border, "", {3.6, 15.6});
    b.label = "frontière Niger–Mali";
    b.geometry = R"({"type":"LineString","coordinates":[[0.2,14.9],[3.6,15.6],[4.2,16.9],[4.2,19.1]]})";
    in.events.push_back(event("e7", EventType::attack, day("2022-02-12"), {"EIGS"}, {{b, PlaceRole::location}},
                              "Une attaque a visé un poste à la frontière Niger–Mali.", {"articles/rfi-2022-02-17.txt"}, 0.7));
    in.places.push_back(MentionSummary{b, 1, {"articles/rfi-2022-02-17.txt"}, 1, 0, "frontière Niger–Mali", {}});
    return in;
}

} // namespace story
