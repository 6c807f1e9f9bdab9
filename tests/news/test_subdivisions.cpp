// Provinces, states, cercles and departments: first- and second-level
// subdivisions named in the news, and the ordinary phrases of direction that
// share their names. The sentences are written for these tests.
#include "news_fixture.hpp"

using namespace news_test;
using geo::PlaceKind;

namespace {
/// The place the article's toponym `text` resolves to (fails when absent).
geo::Place place_of(const news::Document& d, std::string_view text) {
    const auto* t = find(d, text);
    INFO(text);
    REQUIRE(t);
    REQUIRE(t->place);
    return *t->place;
}

bool any_place_in(const news::Document& d, std::string_view word) {
    for (const auto& t : d.toponyms)
        if (t.text.find(word) != std::string::npos) return true;
    return false;
}
} // namespace

TEST_CASE("a province, a state and a region no seat names are found", "[news][subdivisions]") {
    const auto fr = read("Des insurgés ont attaqué un village de la province de Cabo Delgado, dans le nord du Mozambique.");
    const auto cabo = place_of(fr, "Cabo Delgado");
    CHECK(cabo.kind == PlaceKind::admin1);
    CHECK(cabo.country == "MZ");
    const auto en = read("Fighting spread across North Darfur and into South Kordofan, Sudan, on Monday.");
    CHECK(place_of(en, "North Darfur").country == "SD");
    CHECK(place_of(en, "South Kordofan").kind == PlaceKind::admin1);
    // French puts the point of the compass after the name.
    const auto fr_kordofan = read("Les combats se sont étendus lundi au Kordofan du Sud et au Kordofan-Nord.");
    CHECK(place_of(fr_kordofan, "Kordofan du Sud").id == "iso:SD-KS");
    CHECK(place_of(fr_kordofan, "Kordofan-Nord").id == "iso:SD-KN");
}

TEST_CASE("second-level divisions: provinces, cercles, departments", "[news][subdivisions]") {
    const auto soum_fr = read("L'armée burkinabè a mené une opération dans la province du Soum, près de la frontière malienne.");
    const auto soum = place_of(soum_fr, "province du Soum");
    CHECK(soum.kind == PlaceKind::admin2);
    CHECK(soum.country == "BF");
    const auto soum_en = read("Troops were deployed to Soum province in northern Burkina Faso.");
    CHECK(place_of(soum_en, "Soum province").kind == PlaceKind::admin2);

    const auto torodi_fr = read("Une patrouille a été attaquée dans le département de Torodi, au Niger.");
    const auto torodi = place_of(torodi_fr, "département de Torodi");
    CHECK(torodi.kind == PlaceKind::admin2);
    CHECK(torodi.country == "NE");
    const auto torodi_en = read("A patrol was ambushed in the department of Torodi in western Niger.");
    CHECK(place_of(torodi_en, "Torodi").kind == PlaceKind::admin2);

    const auto bourem = read("Des affrontements ont eu lieu dans le cercle de Bourem, au nord du Mali.");
    const auto cercle = place_of(bourem, "cercle de Bourem");
    CHECK(cercle.kind == PlaceKind::admin2);
    CHECK(cercle.country == "ML");

    const auto ma = read("Les pluies ont causé des dégâts dans la province de Chefchaouen, au Maroc.");
    const auto chefchaouen = place_of(ma, "Chefchaouen");
    CHECK(chefchaouen.country == "MA");
}

TEST_CASE("a town stays the town before a division of its name", "[news][subdivisions]") {
    for (const char* text : {"Des soldats sont arrivés à Gao mardi.", "Soldiers arrived in Gao on Tuesday."}) {
        const auto d = read(text);
        const auto gao = place_of(d, "Gao");
        CHECK(gao.kind == PlaceKind::city);
        CHECK(gao.country == "ML");
    }
}

TEST_CASE("phrases of direction are not the regions named like them", "[news][subdivisions]") {
    for (const char* text :
         {"Les combats se concentrent dans le centre du pays et dans l'est, selon l'armée.",
          "Le Centre du pays reste calme, mais l'Est et le Nord sont touchés.",
          "The fighting moved to the centre of the country and then in the east.",
          "Officials said the North East was calm while the Centre-North saw clashes."}) {
        const auto d = read(text);
        INFO(text);
        CHECK_FALSE(any_place_in(d, "entre"));
        CHECK_FALSE(any_place_in(d, "Est"));
        CHECK_FALSE(any_place_in(d, "east"));
        CHECK_FALSE(any_place_in(d, "East"));
        CHECK_FALSE(any_place_in(d, "Nord"));
        CHECK_FALSE(any_place_in(d, "North"));
    }
    // Divisions named by a common word are found with their type only.
    for (const char* text : {"Unity was the word of the day as the new government met. Pool reporters waited.",
                             "Les Collines et les Cascades attirent les touristes, dit l'office du tourisme."}) {
        const auto d = read(text);
        INFO(text);
        CHECK(d.toponyms.empty());
    }
    const auto unity = read("Fighting was reported in Unity State, South Sudan, on Friday.");
    CHECK(place_of(unity, "Unity State").country == "SS");
    const auto cascades = read("Les pluies ont frappé la région des Cascades, au Burkina Faso.");
    CHECK(place_of(cascades, "région des Cascades").country == "BF");
    // The wide region stays the Sahel, even in an article about Burkina Faso.
    const auto d = read("Au Burkina Faso, les attaques se multiplient dans le Sahel depuis 2015.");
    const auto sahel = place_of(d, "Sahel");
    CHECK(sahel.kind == PlaceKind::region);
}
