// Small places the gazetteer does not know, placed from a cue of the text
// (news/src/places/approximate.cpp). The sentences are written for these tests; the
// village names are ones the gazetteer lacks (checked below), or a namesake
// far away (Kobe).
#include "geoevents/gazetteer/normalize.hpp"
#include "geoevents/geo/types.hpp"
#include "news_fixture.hpp"

using namespace news_test;

namespace {

const news::Toponym& approximate(const news::Document& d, std::string_view name) {
    const auto* t = find(d, name);
    REQUIRE(t);
    REQUIRE(t->place);
    CHECK(t->place->approximate);
    CHECK(t->role == news::Role::location);
    CHECK(t->place->id.rfind("approx:", 0) == 0);
    return *t;
}

const geo::Place& place_of(const news::Document& d, std::string_view name) {
    const auto* t = find(d, name);
    REQUIRE(t);
    REQUIRE(t->place);
    return *t->place;
}

} // namespace

TEST_CASE("the test villages are not in the gazetteer", "[news][approximate]") {
    for (const char* n : {"Tassit", "Kouloubé", "Ntahaka"}) {
        INFO(n);
        CHECK(env().gz.lookup_key(gazetteer::normalize(n)).empty());
    }
}

TEST_CASE("a village at a distance and direction from a town", "[news][approximate]") {
    for (const std::string text : {"Des hommes armés ont attaqué le village de Tassit, à 40 km au nord de Gao.",
                                   "Gunmen attacked Tassit, a village 40 km north of Gao, on Tuesday."}) {
        INFO(text);
        const auto d = read(text);
        const auto& t = approximate(d, "Tassit");
        const geo::Place& gao = place_of(d, "Gao");
        CHECK(t.place->country == "ML");
        CHECK(t.place->kind == geo::PlaceKind::city);
        CHECK(t.place->id == "approx:tassit:" + gao.id);
        // 40 km due north: the latitude grows by about 0.36°, the longitude stays.
        CHECK(geo::distance_km(t.place->point, gao.point) == Approx(40).margin(0.5));
        CHECK(t.place->point.lat > gao.point.lat + 0.3);
        CHECK(t.place->point.lon == Approx(gao.point.lon).margin(0.01));
        CHECK(t.place->uncertainty_km == Approx(21));
        CHECK_FALSE(gao.approximate);
    }
}

TEST_CASE("a camp near a town, a village in a region", "[news][approximate]") {
    const auto fr = read("Le camp de Ntahaka, près de Gao, a été attaqué dans la nuit.");
    const auto& camp = approximate(fr, "Ntahaka");
    CHECK(camp.place->kind == geo::PlaceKind::other);
    CHECK(geo::distance_km(camp.place->point, place_of(fr, "Gao").point) < 1);
    CHECK(camp.place->uncertainty_km == Approx(25));
    const auto en = read("Fighting reached the village of Kouloubé in the Mopti region on Sunday.");
    const auto& village = approximate(en, "Kouloubé");
    CHECK(village.place->country == "ML");
    CHECK(geo::distance_km(village.place->point, place_of(en, "Mopti").point) < 1);
    CHECK(village.place->uncertainty_km >= 30);
}

TEST_CASE("a namesake far from the anchor gives way", "[news][approximate]") {
    for (const std::string text : {"Le village de Kobe, à 20 km de Mopti, a été incendié.",
                                   "The village of Kobe, 20 km from Mopti, was burnt down."}) {
        INFO(text);
        const auto d = read(text);
        const auto& t = approximate(d, "Kobe");
        CHECK(t.place->country == "ML");  // not the Japanese city
        CHECK(t.place->uncertainty_km == Approx(25));  // anywhere on the 20 km ring
    }
}

TEST_CASE("no anchor in the phrase, no guess", "[news][approximate]") {
    for (const std::string text : {"Le village de Kouloubé a été attaqué mardi.",
                                   "Des hommes armés ont attaqué le village de Kouloubé mardi, a annoncé l'armée à Bamako.",
                                   "Gunmen attacked the village of Kouloubé on Tuesday, the army said in Bamako."}) {
        INFO(text);
        const auto d = read(text);
        CHECK(find(d, "Kouloubé") == nullptr);
    }
}

TEST_CASE("a relative position locates its town", "[news][approximate][recognize]") {
    for (const std::string text : {"Des combats ont eu lieu au nord-est de Gao.", "Des combats ont eu lieu à l'ouest d'Ansongo.",
                                   "Fighting broke out north of Gao.", "Fighting broke out south-west of Ansongo."}) {
        INFO(text);
        const auto d = read(text);
        const auto* t = d.toponyms.empty() ? nullptr : &d.toponyms.front();
        REQUIRE(t);
        REQUIRE(t->place);
        CHECK(t->place->country == "ML");
        CHECK_FALSE(t->place->approximate);
        CHECK(t->role == news::Role::location);
    }
}

TEST_CASE("an event at a distance from a town is there, approximately", "[news][approximate][events]") {
    for (const std::string text : {"Une embuscade a tué 12 soldats mardi à 50 km au nord de Gao.",
                                   "An ambush killed 12 soldiers on Tuesday 50 km north of Gao."}) {
        INFO(text);
        const auto d = read(text);
        const geo::Place& gao = place_of(d, "Gao");
        CHECK_FALSE(gao.approximate);  // the toponym stays the town
        const auto attacks = events_of(d, geo::EventType::attack);
        REQUIRE(attacks.size() == 1);
        REQUIRE(attacks[0]->places.size() == 1);
        const geo::Place& p = attacks[0]->places[0].place;
        CHECK(p.approximate);
        CHECK(p.id.rfind("approx:50-km-", 0) == 0);
        CHECK(p.id.ends_with(":" + gao.id));
        CHECK(p.country == "ML");
        CHECK(geo::distance_km(p.point, gao.point) == Approx(50).margin(0.5));
        CHECK(p.point.lat > gao.point.lat);
        CHECK(p.uncertainty_km == Approx(25));
    }
    // No distance: the town itself.
    const auto near = read("An ambush killed 12 soldiers near Gao on Tuesday.");
    const auto attacks = events_of(near, geo::EventType::attack);
    REQUIRE(attacks.size() == 1);
    REQUIRE(attacks[0]->places.size() == 1);
    CHECK_FALSE(attacks[0]->places[0].place.approximate);
}
