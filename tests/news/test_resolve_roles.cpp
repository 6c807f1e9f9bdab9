// Resolution by context and the location/actor roles. The sentences are
// written for these tests.
#include <string>
#include <tuple>
#include <vector>

#include "news_fixture.hpp"

using namespace news_test;

TEST_CASE("a country after a verb of movement is the country", "[news][resolve]") {
    const auto d = read("Italian units based in Mali are to be redeployed to Niger.");
    const auto* niger = find(d, "Niger");
    REQUIRE(niger);
    REQUIRE(niger->place);
    CHECK(niger->place->kind == geo::PlaceKind::country);
    CHECK(niger->place->country == "NE");
    CHECK(niger->role == news::Role::location);
}

TEST_CASE("the reading that fits the article's other places wins", "[news][resolve]") {
    // Paris, Texas: named with its state.
    const auto tx = read("The storm hit Paris, Texas, on Monday night.");
    REQUIRE(find(tx, "Paris"));
    CHECK(find(tx, "Paris")->place->country == "US");
    // Paris alone: the capital of France.
    const auto fr = read("Le sommet se tiendra à Paris en juin.");
    REQUIRE(find(fr, "Paris"));
    CHECK(find(fr, "Paris")->place->country == "FR");
    // Santiago among Chilean places is Chile's capital.
    const auto cl = read("Des milliers de manifestants ont défilé à Santiago, à Valparaíso et à Concepción, au Chili.");
    REQUIRE(find(cl, "Santiago"));
    CHECK(find(cl, "Santiago")->place->country == "CL");
    // Georgia among American places is the state; with Tbilisi, the country.
    const auto us = read("Voters in Georgia, Alabama and Florida went to the polls; Atlanta counted late.");
    REQUIRE(find(us, "Georgia"));
    CHECK(find(us, "Georgia")->place->country == "US");
    const auto ge = read("Protesters marched in Tbilisi, the capital of Georgia.");
    REQUIRE(find(ge, "Georgia"));
    CHECK(find(ge, "Georgia")->place->country == "GE");
}

TEST_CASE("a namesake goes to the one near the article's other places", "[news][resolve]") {
    // Tripoli, Hyderabad and Valencia each name two real cities in two countries.
    for (const auto& [text, name, cc] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"Des combats ont éclaté à Tripoli. Les milices de Misrata et de Benghazi se sont affrontées.", "Tripoli", "LY"},
             {"Fighting broke out in Tripoli. Militias from Misrata and Benghazi clashed.", "Tripoli", "LY"},
             {"Fighting broke out in Tripoli. Strikes hit Beirut and Sidon.", "Tripoli", "LB"},
             {"Des émeutes ont éclaté à Hyderabad. La police de Karachi et de Sukkur était en alerte.", "Hyderabad", "PK"},
             {"Des émeutes ont éclaté à Hyderabad. La police de Bangalore et de Chennai était en alerte.", "Hyderabad", "IN"},
             {"Riots erupted in Hyderabad. Police in Karachi and Sukkur were on alert.", "Hyderabad", "PK"},
             {"Riots erupted in Hyderabad. Police in Bangalore and Chennai were on alert.", "Hyderabad", "IN"},
             {"Des inondations ont frappé Valencia. Les secours sont venus de Caracas et de Maracay.", "Valencia", "VE"},
             {"Floods hit Valencia. Rescuers came from Madrid and Alicante.", "Valencia", "ES"}}) {
        INFO(text);
        const auto d = read(text);
        REQUIRE(find(d, name));
        REQUIRE(find(d, name)->place);
        CHECK(find(d, name)->place->country == cc);
    }
}

TEST_CASE("a wide region that is also a province is the region, unless the article speaks of provinces",
          "[news][resolve]") {
    // The Sahel is a region across Africa and a region (province) of Burkina Faso.
    for (const char* text : {"Au Burkina Faso, les attaques se multiplient dans le Sahel, près de Djibo.",
                             "In Burkina Faso, attacks are rising across the Sahel, near Djibo."}) {
        INFO(text);
        const auto d = read(text);
        REQUIRE(find(d, "Sahel"));
        CHECK(find(d, "Sahel")->place->id == "curated:sahel");
    }
    for (const char* text : {"Au Burkina Faso, les régions de la Boucle du Mouhoun et du Sahel sont touchées par les attaques.",
                             "In Burkina Faso, the Boucle du Mouhoun and Sahel regions are hit by attacks."}) {
        INFO(text);
        const auto d = read(text);
        REQUIRE(find(d, "Sahel"));
        CHECK(find(d, "Sahel")->place->kind == geo::PlaceKind::admin1);
        CHECK(find(d, "Sahel")->place->country == "BF");
    }
    // A wide region's point is near nothing: "Niger" beside it stays the country, not the river.
    for (const char* text : {"Les jihadistes progressent dans le Sahel, du Mali au Niger.",
                             "Jihadists are advancing across the Sahel, from Mali to Niger."}) {
        INFO(text);
        const auto d = read(text);
        REQUIRE(find(d, "Niger"));
        CHECK(find(d, "Niger")->place->id == "ne:NE");
    }
}

TEST_CASE("a demonym and a kind of place say the country", "[news][resolve]") {
    const auto en = read("Two people fell ill in the British city of Salisbury on Sunday.");
    REQUIRE(find(en, "Salisbury"));
    CHECK(find(en, "Salisbury")->place->country == "GB");
    const auto fr = read("La ville malienne de Gao a été attaquée.");
    REQUIRE(find(fr, "Gao"));
    CHECK(find(fr, "Gao")->place->country == "ML");
}

TEST_CASE("country abbreviations are not the stopwords they spell", "[news][resolve]") {
    const std::string en = "Officials from the U.S. and the UK met us in the US embassy.";
    const auto d = read(en);
    REQUIRE(find(d, "U.S."));
    CHECK(find(d, "U.S.")->place->country == "US");
    REQUIRE(find(d, "UK"));
    CHECK(find(d, "UK")->place->country == "GB");
    REQUIRE(find(d, "US"));
    CHECK(not_a_place(d, en, "us in"));
}

TEST_CASE("confidence is a probability", "[news][resolve]") {
    const auto d = read("Le Mali, le Niger et le Tchad.");
    REQUIRE_FALSE(d.toponyms.empty());
    for (const auto& t : d.toponyms) {
        CHECK(t.confidence > 0.0);
        CHECK(t.confidence <= 1.0);
    }
}

TEST_CASE("a capital or country that decides or speaks is an actor", "[news][roles]") {
    const auto d = read("Paris a décidé de partir. La France, ses alliés nordiques et le Canada promettent un accord. "
                        "Les troupes restent à Paris.");
    REQUIRE(find(d, "Paris"));
    CHECK(find(d, "Paris")->role == news::Role::actor);
    REQUIRE(find(d, "France"));
    CHECK(find(d, "France")->role == news::Role::actor);
    REQUIRE(find(d, "Canada"));
    CHECK(find(d, "Canada")->role == news::Role::actor);
    REQUIRE(find(d, "Paris", 1));
    CHECK(find(d, "Paris", 1)->role == news::Role::location);
    const auto en = read("Paris and its allies plan to keep a presence there. Analysts criticised the Bamako junta. "
                         "Troops landed in Bamako.");
    REQUIRE(find(en, "Paris"));
    CHECK(find(en, "Paris")->role == news::Role::actor);
    REQUIRE(find(en, "Bamako"));
    CHECK(find(en, "Bamako")->role == news::Role::actor);
    REQUIRE(find(en, "Bamako", 1));
    CHECK(find(en, "Bamako", 1)->role == news::Role::location);
}

TEST_CASE("places in a list after a preposition stay locations", "[news][roles]") {
    const auto d = read("La zone des trois frontières, entre le Mali, le Niger et le Burkina Faso, a été survolée.");
    for (const char* n : {"Mali", "Niger", "Burkina Faso"}) {
        REQUIRE(find(d, n));
        CHECK(find(d, n)->role == news::Role::location);
    }
}

TEST_CASE("a dateline is where the story was filed", "[news][roles]") {
    const auto d = read("PARIS — France announced on Thursday that its troops would leave.");
    REQUIRE(find(d, "PARIS"));
    CHECK(find(d, "PARIS")->role == news::Role::location);
    REQUIRE(find(d, "France"));
    CHECK(find(d, "France")->role == news::Role::actor);
}

TEST_CASE("demonyms have no role", "[news][roles]") {
    const auto d = read("Les autorités maliennes ont protesté.");
    REQUIRE(find(d, "maliennes"));
    CHECK(find(d, "maliennes")->role == news::Role::none);
}

TEST_CASE("a capital that denies, threatens or acts after an adverb is an actor", "[news][roles]") {
    for (const auto& [text, name] : std::vector<std::pair<std::string, std::string>>{
             {"Washington also froze the assets of three ministers.", "Washington"},
             {"Washington a aussi gelé les avoirs de trois ministres.", "Washington"},
             {"Kigali denied any role in the fighting.", "Kigali"},
             {"Kigali a démenti tout rôle dans les combats.", "Kigali"},
             {"Moscow threatened to respond.", "Moscow"},
             {"Moscou a menacé de riposter.", "Moscou"}}) {
        INFO(text);
        const auto d = read(text);
        const auto* t = find(d, name);
        REQUIRE(t);
        CHECK(t->role == news::Role::actor);
    }
    // Where something happens stays a location.
    const auto d = read("Thousands of people gathered in Kigali on Monday.");
    REQUIRE(find(d, "Kigali"));
    CHECK(find(d, "Kigali")->role == news::Role::location);
}

namespace {

void check_roles(const std::vector<std::pair<std::string, std::string>>& cases, news::Role want) {
    for (const auto& [text, name] : cases) {
        INFO(text << " / " << name);
        const auto d = read(text);
        const auto* t = find(d, name);
        REQUIRE(t);
        CHECK(t->role == want);
    }
}

} // namespace

TEST_CASE("the other party of a relation between states is an actor", "[news][roles]") {
    check_roles({{"Le Burkina Faso a signé un accord militaire avec Ankara.", "Ankara"},
                 {"Senegal signed a fisheries deal with Madrid on Friday.", "Madrid"},
                 {"La junte nigérienne s'est rapprochée de Moscou l'an dernier.", "Moscou"},
                 {"The junta has distanced itself from Paris since the coup.", "Paris"},
                 {"La Guinée reste un allié de Moscou.", "Moscou"},
                 {"Guinea remains an ally of Beijing.", "Beijing"},
                 {"Les relations entre Kinshasa et Kigali restent tendues.", "Kinshasa"},
                 {"Les relations entre Kinshasa et Kigali restent tendues.", "Kigali"},
                 {"Talks between Cairo and Addis Ababa broke down.", "Cairo"},
                 {"Talks between Cairo and Addis Ababa broke down.", "Addis Ababa"}},
                news::Role::actor);
}

TEST_CASE("a border, a distance or fighting between places stay locations", "[news][roles]") {
    check_roles({{"Des combats ont éclaté près de la frontière avec le Mali.", "Mali"},
                 {"Refugees gathered at the border with Sudan.", "Sudan"},
                 {"Le camp est éloigné de Tombouctou, au Mali.", "Tombouctou"},
                 {"The camp lies a short distance from Kidal.", "Kidal"},
                 {"Les combats entre Gao et Kidal ont repris.", "Gao"},
                 {"Fighting between Goma and Sake resumed.", "Goma"}},
                news::Role::location);
}

TEST_CASE("a name right before a verb of an agent is its subject", "[news][roles]") {
    check_roles({{"It was an accusation Kinshasa denied on Monday.", "Kinshasa"},
                 {"The proposal Nairobi announced last week includes two new ports.", "Nairobi"},
                 {"C'est une accusation que Kinshasa dément.", "Kinshasa"}},
                news::Role::actor);
    // Not after a preposition, and the English article is not the French auxiliary.
    check_roles({{"Les combats à Tombouctou ont repris.", "Tombouctou"},
                 {"Fighting in Gao was reported overnight.", "Gao"},
                 {"Heavy rains made Mopti a lake.", "Mopti"}},
                news::Role::location);
}

TEST_CASE("the subject of an aspectual verb is the agent of the verb it governs", "[news][roles]") {
    for (const auto& [text, name] : {std::pair{"Ankara a commencé à retirer ses soldats de Libye.", "Ankara"},
                                     {"Ankara began moving its soldiers out of Libya on Monday.", "Ankara"},
                                     {"Kigali continued to deny any role in the fighting.", "Kigali"}}) {
        const auto d = read(text);
        const auto* t = find(d, name);
        REQUIRE(t);
        CHECK(t->role == news::Role::actor);
    }
}

TEST_CASE("the object of a verb that governs an infinitive is its agent", "[news][roles]") {
    // Object control: the named country does what the infinitive says.
    for (const auto& [text, name] : {std::pair{"Kinshasa a accusé le Rwanda de soutenir les rebelles.", "Rwanda"},
                                     {"Paris a demandé à Bamako de retirer ses troupes.", "Bamako"},
                                     {"Kinshasa accused Rwanda of backing the rebels.", "Rwanda"},
                                     {"Washington urged Niger to release the president.", "Niger"}}) {
        const auto d = read(text);
        const auto* t = find(d, name);
        REQUIRE(t);
        CHECK(t->role == news::Role::actor);
    }
    // A noun after "de", not an infinitive: the place stays where it is.
    const auto d = read("Paris a accusé le Rwanda de l'attaque contre Goma.");
    REQUIRE(find(d, "Goma"));
    CHECK(find(d, "Goma")->role == news::Role::location);
}
