// Borders as places (news/src/places/borders.cpp): the expressions that
// name the line between two countries. Sentences written for these tests,
// each form in French and in English.
#include <string>
#include <vector>

#include "news_fixture.hpp"

using namespace news_test;

namespace {

const news::Toponym* border_of(const news::Document& d) {
    for (const auto& t : d.toponyms)
        if (t.place && t.place->kind == geo::PlaceKind::border) return &t;
    return nullptr;
}

} // namespace

TEST_CASE("a border between two countries is one place, a line between them", "[news][borders]") {
    for (const char* text : {"Des jihadistes ont attaqué un poste à la frontière Niger–Mali.",
                             "Une attaque a visé des soldats à la frontière entre le Niger et le Mali.",
                             "Soldiers were attacked on the Niger-Mali border.",
                             "An attack targeted soldiers along the border between Niger and Mali."}) {
        INFO(text);
        const auto d = read(text);
        const auto* b = border_of(d);
        REQUIRE(b);
        CHECK(b->place->id == "border:ML-NE");
        CHECK(b->place->name == "Mali–Niger border");
        CHECK(b->role == news::Role::location);
        // Neither country is a place of its own there.
        for (const auto& t : d.toponyms) CHECK(t.place->kind != geo::PlaceKind::country);
        // Its point lies on the line between them: between the two countries, near both.
        CHECK(b->place->point.lat > 11.0);
        CHECK(b->place->point.lat < 16.0);
        CHECK(b->place->point.lon > 0.0);
        CHECK(b->place->point.lon < 4.5);
        // An attack there is placed at the border.
        const auto attacks = events_of(d, geo::EventType::attack);
        REQUIRE(attacks.size() == 1);
        CHECK(has_place(*attacks[0], "border:ML-NE", geo::PlaceRole::location));
    }
}

TEST_CASE("a border is labelled in the article's language with its names", "[news][borders]") {
    const auto fr = read("Le Tchad a renforcé sa présence militaire à la frontière Tchad-Soudan.");
    REQUIRE(border_of(fr));
    CHECK(border_of(fr)->place->id == "border:SD-TD");
    CHECK(border_of(fr)->place->label == "frontière Tchad–Soudan");
    const auto en = read("Chad reinforced its troops on the Chad-Sudan border.");
    REQUIRE(border_of(en));
    CHECK(border_of(en)->place->label == "Chad–Sudan border");
}

TEST_CASE("two countries that share no border, or a list, make no border place", "[news][borders]") {
    for (const char* text : {"La frontière Mali–Tchad n'existe pas.", "The Mali-Chad border does not exist.",
                             "Des élections ont eu lieu au Niger et au Mali.", "Elections were held in Niger and Mali."}) {
        INFO(text);
        const auto d = read(text);
        CHECK_FALSE(border_of(d));
        CHECK(find(d, "Mali"));
    }
}

TEST_CASE("the tri-border area is the curated region, written in lower case too", "[news][borders]") {
    for (const char* text : {"Des jihadistes ont attaqué un village dans la zone des trois frontières.",
                             "Des jihadistes ont attaqué un village dans la zone des Trois Frontières.",
                             "Jihadists attacked a village in the tri-border area.",
                             "Jihadists attacked a village in the Tri-Border Area."}) {
        INFO(text);
        const auto d = read(text);
        REQUIRE(d.toponyms.size() == 1);
        CHECK(d.toponyms[0].place->id == "curated:three-borders-area");
        const auto attacks = events_of(d, geo::EventType::attack);
        REQUIRE(attacks.size() == 1);
        CHECK(has_place(*attacks[0], "curated:three-borders-area", geo::PlaceRole::location));
    }
    // Lower-case words that only look like the start of a curated name stay words.
    for (const char* text : {"La zone a été bouclée par la police à Gao.", "The area was sealed off by police in Gao."}) {
        INFO(text);
        const auto d = read(text);
        REQUIRE(d.toponyms.size() == 1);
        CHECK(d.toponyms[0].text == "Gao");
    }
}
