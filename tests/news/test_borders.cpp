// Borders as places (news/src/places/borders.cpp): the expressions that
// name the line between two countries. Sentences written for these tests,
// each form in French and in English.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "news_fixture.hpp"

using namespace news_test;

namespace {

const news::Toponym* border_of(const news::Document& d) {
    for (const auto& t : d.toponyms)
        if (t.place && t.place->kind == geo::PlaceKind::border) return &t;
    return nullptr;
}

/// Every vertex of a GeoJSON LineString or MultiLineString.
std::vector<std::pair<double, double>> vertices(const nlohmann::json& g) {
    std::vector<std::pair<double, double>> out;
    auto line = [&](const nlohmann::json& l) {
        for (const auto& c : l) out.emplace_back(c[0].get<double>(), c[1].get<double>());
    };
    if (g["type"] == "LineString") line(g["coordinates"]);
    else if (g["type"] == "MultiLineString")
        for (const auto& l : g["coordinates"]) line(l);
    return out;
}

} // namespace

TEST_CASE("a border carries the line the two countries share, and parse prints it", "[news][borders]") {
    for (const char* text : {"Des soldats ont été attaqués à la frontière Niger–Mali.", "Soldiers were attacked on the Niger-Mali border."}) {
        INFO(text);
        const auto d = read(text);
        const auto* b = border_of(d);
        REQUIRE(b);
        const auto g = nlohmann::json::parse(b->place->geometry);
        const auto pts = vertices(g);
        // Simplified, yet a line along the whole boundary (about 820 km from
        // the Algerian tripoint near 19° N down to Burkina Faso near 15° N).
        REQUIRE(pts.size() >= 5);
        CHECK(pts.size() < 400);
        double min_lat = 90, max_lat = -90;
        bool point_on_line = false;
        for (const auto& [lon, lat] : pts) {
            CHECK(lon > -0.5);
            CHECK(lon < 4.5);
            min_lat = std::min(min_lat, lat);
            max_lat = std::max(max_lat, lat);
            point_on_line = point_on_line || (std::abs(lon - b->place->point.lon) < 1e-3 && std::abs(lat - b->place->point.lat) < 1e-3);
        }
        CHECK(min_lat < 15.5);
        CHECK(max_lat > 18.5);
        CHECK(point_on_line);
        // The document prints it as a GeoJSON object inside the place, the same every time.
        const auto j = nlohmann::json::parse(news::to_json(d));
        bool printed = false;
        for (const auto& t : j["toponyms"])
            if (t["place"]["kind"] == "border") {
                printed = true;
                CHECK(t["place"]["geometry"] == g);
            }
        CHECK(printed);
        CHECK(news::to_json(read(text)) == news::to_json(d));
    }
    // Other places print no geometry.
    const auto j = nlohmann::json::parse(news::to_json(read("Des soldats ont été attaqués à Gao.")));
    for (const auto& t : j["toponyms"]) CHECK_FALSE(t["place"].contains("geometry"));
}

TEST_CASE("the border with one country named is that of the country the sentence is about", "[news][borders]") {
    for (const char* text : {"Le Niger a fermé sa frontière avec le Mali après l'attaque.",
                             "Des soldats nigériens patrouillent le long de la frontière avec le Mali.",
                             "Des soldats ont été tués près de Tillabéri, le long de la frontière avec le Mali.",
                             "Niger closed its border with Mali after the attack.",
                             "Nigerien soldiers patrol along the border with Mali.",
                             "Soldiers were killed near Tillabéri, along the border with Mali."}) {
        INFO(text);
        const auto d = read(text);
        const auto* b = border_of(d);
        REQUIRE(b);
        CHECK(b->place->id == "border:ML-NE");
        CHECK_FALSE(b->place->geometry.empty());
        CHECK(b->role == news::Role::location);
        const std::string_view t(text);
        CHECK(t.substr(b->start, b->end - b->start).find("Mali") != std::string_view::npos);
        // Mali is no place of its own there.
        for (const auto& x : d.toponyms) CHECK(x.place->id != "ne:ML");
    }
    const auto fr = read("Le Tchad a fermé sa frontière avec le Soudan.");
    REQUIRE(border_of(fr));
    CHECK(border_of(fr)->place->label == "frontière Tchad–Soudan");
    const auto en = read("Chad closed its border with Sudan.");
    REQUIRE(border_of(en));
    CHECK(border_of(en)->place->label == "Chad–Sudan border");
    // The other side named only by a demonym: a French label keeps the article's words.
    const auto fr_demonym = read("Des soldats tchadiens patrouillent le long de la frontière avec le Soudan.");
    REQUIRE(border_of(fr_demonym));
    CHECK(border_of(fr_demonym)->place->id == "border:SD-TD");
    CHECK(border_of(fr_demonym)->place->label == "frontière avec le Soudan");
    const auto en_demonym = read("Chadian soldiers patrol along the border with Sudan.");
    REQUIRE(border_of(en_demonym));
    CHECK(border_of(en_demonym)->place->label == "Chad–Sudan border");
}

TEST_CASE("with no country in the sentence, the border is that of the country the article is about", "[news][borders]") {
    for (const char* text : {"Le Niger a décrété un deuil national. Douze soldats ont été tués lundi. L'attaque a eu lieu le long de la frontière avec le Mali.",
                             "Niger declared national mourning. Twelve soldiers were killed on Monday. The attack took place along the border with Mali."}) {
        INFO(text);
        const auto d = read(text);
        const auto* b = border_of(d);
        REQUIRE(b);
        CHECK(b->place->id == "border:ML-NE");
    }
}

TEST_CASE("the border with a country that does not touch the one spoken of stays that country", "[news][borders]") {
    for (const char* text : {"Le Tchad a fermé sa frontière avec le Mali.", "Chad closed its border with Mali.",
                             "Le Mali a renforcé sa frontière avec le Mali.", "The border with Mali was closed."}) {
        INFO(text);
        const auto d = read(text);
        CHECK_FALSE(border_of(d));
        CHECK(find(d, "Mali"));
    }
}

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
