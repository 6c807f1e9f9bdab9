// Recognising place names: multi-word names, elision and articles, lower-case
// variants, parts of places, demonyms, and what is not a place (people,
// organisations, operations, media, capitalised common words, directions).
// The sentences are written for these tests.
#include <tuple>

#include "geoevents/geo/geometry.hpp"
#include "news_fixture.hpp"

using namespace news_test;

TEST_CASE("names with elision and articles: the span is the name itself", "[news][recognize]") {
    const std::string text =
        "Des navires patrouillent au large du Golfe de Guinée et d'Afrique de l'Ouest.";
    const auto d = read(text);
    const auto* gulf = find(d, "Golfe de Guinée");
    REQUIRE(gulf);
    REQUIRE(gulf->place);
    CHECK(gulf->place->kind == geo::PlaceKind::sea);
    CHECK(gulf->start == text.find("Golfe"));
    const auto* wa = find(d, "Afrique de l'Ouest");
    REQUIRE(wa);
    REQUIRE(wa->place);
    CHECK(wa->place->kind == geo::PlaceKind::region);
    CHECK_FALSE(find(d, "d'Afrique de l'Ouest"));
}

TEST_CASE("lower-case variants of multi-word names", "[news][recognize]") {
    const auto d = read("Les navires croisent dans le golfe de Guinée depuis des mois.");
    const auto* gulf = find(d, "golfe de Guinée");
    REQUIRE(gulf);
    REQUIRE(gulf->place);
    CHECK(gulf->place->kind == geo::PlaceKind::sea);
}

TEST_CASE("a direction before a country names a part of it", "[news][recognize]") {
    const std::string text = "Les combats ont repris au nord du Mali, puis dans le nord Mali.";
    const auto d = read(text);
    const auto* north = find(d, "nord du Mali");
    REQUIRE(north);
    REQUIRE(north->place);
    CHECK(north->place->country == "ML");
    CHECK(north->place->kind == geo::PlaceKind::region);
    // The part lies north of the middle of the country.
    const auto mali = read("Le Mali.");
    const auto* plain = find(mali, "Mali");
    REQUIRE(plain);
    CHECK(north->place->point.lat > plain->place->point.lat);
    CHECK(find(d, "nord Mali"));
    const auto en = read("Clashes were reported in northern Mali on Tuesday.");
    REQUIRE(find(en, "northern Mali"));
    CHECK(find(en, "northern Mali")->place->country == "ML");
}

TEST_CASE("a part the gazetteer has no name for is of kind part", "[news][recognize]") {
    for (const auto& [text, name, id] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"Les combats ont repris dans l'est du Tchad.", "est du Tchad", "ne:TD#e"},
             {"Fighting resumed in northern Nigeria.", "northern Nigeria", "ne:NG#n"}}) {
        INFO(text);
        const auto d = read(text);
        const auto* t = find(d, name);
        REQUIRE(t);
        REQUIRE(t->place);
        CHECK(t->place->kind == geo::PlaceKind::part);
        CHECK(t->place->id == id);
        CHECK(geo::to_string(t->place->kind) == "part");
        // Its outline: the country's, cut to that side of its extent, with
        // the part's point inside it.
        REQUIRE_FALSE(t->place->geometry.empty());
        const auto part = geo::Geometry::from_geojson(t->place->geometry);
        CHECK((part.type_name() == "Polygon" || part.type_name() == "MultiPolygon"));
        CHECK(part.contains(t->place->point));
        const geo::Bbox b = part.envelope();
        if (id.ends_with("#e")) CHECK(b.min_lon > 18.0);  // Chad spans 13.5°E–24°E: its east half
        if (id.ends_with("#n")) CHECK(b.min_lat > 8.0);   // Nigeria spans 4°N–14°N: its north half
    }
}

TEST_CASE("a part is labelled in the article's words, as a map writes them", "[news][recognize][labels]") {
    // The label a map prints: Place::label when the reader gives one, else the name.
    auto label = [](const news::Toponym& t) { return t.place->label.empty() ? t.place->name : t.place->label; };
    {
        const auto d = read("Les combats ont repris dans l'est du Tchad et dans le sud du Niger.");
        const auto* east = find(d, "est du Tchad");
        REQUIRE(east);
        REQUIRE(east->place);
        CHECK(label(*east) == "Est du Tchad");
        CHECK(east->place->name == "Eastern Chad");  // the name stays the contract's, in English
        const auto* south = find(d, "sud du Niger");
        REQUIRE(south);
        REQUIRE(south->place);
        CHECK(label(*south) == "Sud du Niger");
    }
    {
        // A hyphenated direction is one direction: the north-west, not the west.
        const auto d = read("Des affrontements ont éclaté dans le nord-ouest du Nigeria.");
        const auto* nw = find(d, "nord-ouest du Nigeria");
        REQUIRE(nw);
        REQUIRE(nw->place);
        CHECK(nw->place->id == "ne:NG#nw");
        CHECK(label(*nw) == "Nord-ouest du Nigeria");
        const auto en = read("Clashes broke out in north-west Nigeria.");
        const auto* en_nw = find(en, "north-west Nigeria");
        REQUIRE(en_nw);
        REQUIRE(en_nw->place);
        CHECK(en_nw->place->id == "ne:NG#nw");
    }
    {
        const auto d = read("Fighting resumed in northern Burkina Faso and in the\nnorth of Chad.");
        const auto* north = find(d, "northern Burkina Faso");
        REQUIRE(north);
        REQUIRE(north->place);
        CHECK(label(*north) == "Northern Burkina Faso");
        for (const auto& t : d.toponyms)
            if (t.place && t.place->id == "ne:TD#n") CHECK(label(t) == "North of Chad");  // one space, capitalised
    }
    {
        // A name that starts with a common word starts with a capital on a map; a name keeps its own.
        const auto d = read("Les navires patrouillent dans le golfe de Guinée. Des soldats sont arrivés à Tombouctou.");
        const auto* gulf = find(d, "golfe de Guinée");
        REQUIRE(gulf);
        REQUIRE(gulf->place);
        CHECK(label(*gulf) == "Golfe de Guinée");
        const auto* town = find(d, "Tombouctou");
        REQUIRE(town);
        REQUIRE(town->place);
        CHECK(label(*town) == "Tombouctou");
    }
}

TEST_CASE("a place named only in a related-stories, chrome or credit line has no role", "[news][roles]") {
    auto role_of = [](const news::Document& d, std::string_view country, std::size_t nth) {
        for (const auto& t : d.toponyms)
            if (t.place && t.place->kind == geo::PlaceKind::country && t.place->country == country && nth-- == 0)
                return t.role;
        FAIL("no mention " << nth << " of " << country);
        return news::Role::none;
    };
    const auto fr = read("Des soldats ont été déployés au Niger mardi.\n\nÀ lire aussi\nLe Tchad face à l'afflux de "
                         "réfugiés\nLes élections au Niger reportées\n");
    CHECK(role_of(fr, "NE", 0) == news::Role::location);
    CHECK(role_of(fr, "TD", 0) == news::Role::none);
    CHECK(role_of(fr, "NE", 1) == news::Role::none);
    const auto en = read("Soldiers were deployed in Niger on Tuesday.\n\nRelated stories\nChad struggles with new "
                         "arrivals\nElections in Niger postponed\n");
    CHECK(role_of(en, "NE", 0) == news::Role::location);
    CHECK(role_of(en, "TD", 0) == news::Role::none);
    CHECK(role_of(en, "NE", 1) == news::Role::none);
}

TEST_CASE("a direction alone is not a place", "[news][recognize]") {
    const std::string text = "Les rebelles avancent vers le Nord, puis vers l'Est et l'Ouest du pays.";
    const auto d = read(text);
    CHECK(not_a_place(d, text, "Nord"));
    CHECK(not_a_place(d, text, "Ouest"));
}

TEST_CASE("demonyms point to their place and are marked", "[news][recognize]") {
    const auto d = read("Les Forces armées maliennes et un officier malien ont rejoint les Etats sahéliens. "
                        "Le gouvernement français a réagi.");
    for (const char* w : {"maliennes", "malien"}) {
        const auto* t = find(d, w);
        REQUIRE(t);
        CHECK(t->demonym);
        REQUIRE(t->place);
        CHECK(t->place->country == "ML");
    }
    REQUIRE(find(d, "sahéliens"));
    CHECK(find(d, "sahéliens")->demonym);
    REQUIRE(find(d, "français"));
    CHECK(find(d, "français")->place->country == "FR");
    const auto en = read("A French officer met Malian troops.");
    REQUIRE(find(en, "French"));
    CHECK(find(en, "French")->demonym);
    CHECK(find(en, "French")->place->country == "FR");
    REQUIRE(find(en, "Malian"));
    CHECK(find(en, "Malian")->place->country == "ML");
}

TEST_CASE("plural and feminine demonyms, nouns and adjectives, in both languages", "[news][recognize]") {
    // Nationality nouns in the plural name the people of a place; the map
    // still needs the place ("Nigerians fled" is news about Nigeria).
    const auto fr = read("Des Congolais et des Burkinabè vivent ici. Les forces nigériennes ont reculé.");
    const auto en = read("Many Nigerians crossed the river. Gambians will vote. Sudanese refugees arrived.");
    for (const auto& [d, w, cc] : {std::tuple{&fr, "Congolais", "CD"}, {&fr, "Burkinabè", "BF"}, {&fr, "nigériennes", "NE"},
                                   {&en, "Nigerians", "NG"}, {&en, "Gambians", "GM"}, {&en, "Sudanese", "SD"}}) {
        const auto* t = find(*d, w);
        REQUIRE(t);
        CHECK(t->demonym);
        REQUIRE(t->place);
        CHECK(t->place->country == cc);
    }
}

TEST_CASE("people are not places, even named like towns", "[news][recognize][nonplace]") {
    const std::string fr =
        "Louise Pierre a rencontré M. Serre à Bamako. Selon Jean Dumas, le président Emmanuel Macron viendra. "
        "Macron a confirmé. Crédit : CLAIRE DUMAS / Agence Image";
    const auto d = read(fr);
    CHECK(not_a_place(d, fr, "Pierre"));
    CHECK(not_a_place(d, fr, "Serre"));
    CHECK(not_a_place(d, fr, "Dumas"));
    CHECK(not_a_place(d, fr, "Macron"));
    CHECK(not_a_place(d, fr, "CLAIRE DUMAS"));
    CHECK(find(d, "Bamako"));
    const std::string en = "Vladimir Putin spoke to Charles Stanley. Later, Stanley said nothing more in London.";
    const auto e = read(en);
    CHECK(not_a_place(e, en, "Vladimir"));
    CHECK(not_a_place(e, en, "Stanley"));
    CHECK(find(e, "London"));
}

TEST_CASE("organisations containing a place name are not places", "[news][recognize][nonplace]") {
    const std::string fr =
        "L'Etat islamique et le G5 Sahel sont cités. L'Union européenne finance la Mission de formation de "
        "l'Union européenne au Mali. La Banque de France et l'Université de Bamako ont signé.";
    const auto d = read(fr);
    CHECK(not_a_place(d, fr, "Sahel"));
    CHECK(not_a_place(d, fr, "Union européenne"));
    CHECK(not_a_place(d, fr, "Mission"));
    CHECK(not_a_place(d, fr, "France"));
    CHECK(not_a_place(d, fr, "Bamako"));
    // The country after "au" is where the mission works: a place.
    const auto at = fr.find("au Mali") + 3;
    bool mali = false;
    for (const auto& t : d.toponyms) mali |= t.start == at;
    CHECK(mali);
    const std::string en = "The Washington Post and the Texas State University reported on the Bank of England.";
    const auto e = read(en);
    CHECK(not_a_place(e, en, "Washington"));
    CHECK(not_a_place(e, en, "Texas"));
    CHECK(not_a_place(e, en, "England"));
}

TEST_CASE("a place inside a longer organisation name is not a place", "[news][recognize][nonplace]") {
    const std::string fr = "Le Front pour la libération du Macina et la Banque de développement du Mali ont été "
                           "cités, alors que l'armée a attaqué la ville de Mopti.";
    const auto d = read(fr);
    CHECK(not_a_place(d, fr, "Macina"));
    CHECK(not_a_place(d, fr, "Mali"));
    CHECK(find(d, "Mopti"));  // "a attaqué la ville de": a verb between, no organisation
    const std::string en = "Islamic State West Africa Province and the Movement for the Salvation of Azawad "
                           "claimed the attack on the town of Mopti.";
    const auto e = read(en);
    CHECK(not_a_place(e, en, "West Africa"));
    CHECK(not_a_place(e, en, "Azawad"));
    CHECK(find(e, "Mopti"));
}

TEST_CASE("media named after a place are not places", "[news][recognize][nonplace]") {
    const std::string fr = "Selon Jeune Afrique, France 24, Ouest-France et Radio France, les soldats quittent le Mali.";
    const auto d = read(fr);
    CHECK(not_a_place(d, fr, "Afrique"));
    CHECK(not_a_place(d, fr, "France 24"));
    CHECK(not_a_place(d, fr, "Ouest-France"));
    CHECK(not_a_place(d, fr, "Radio France"));
    CHECK(find(d, "Mali"));
    const std::string en = "The New York Times and the Cape Times reported from Kenya.";
    const auto e = read(en);
    CHECK(not_a_place(e, en, "New York"));
    CHECK(not_a_place(e, en, "Cape"));
    CHECK(find(e, "Kenya"));
}

TEST_CASE("operation and force names are not places", "[news][recognize][nonplace]") {
    const std::string fr = "L'opération Serval, puis la force Sabre et la Task Force Ivoire ont suivi.";
    const auto d = read(fr);
    CHECK(not_a_place(d, fr, "Serval"));
    CHECK(not_a_place(d, fr, "Sabre"));
    CHECK(not_a_place(d, fr, "Ivoire"));
    const std::string en = "Operation Serval ended and Operation Niger began near Gao.";
    const auto e = read(en);
    CHECK(not_a_place(e, en, "Serval"));
    CHECK(not_a_place(e, en, "Niger"));
    CHECK(find(e, "Gao"));
}

TEST_CASE("capitalised common words at sentence start are not places", "[news][recognize][nonplace]") {
    const std::string fr = "Les soldats partent. Des renforts arrivent. Union et Mission sont des mots. En outre, rien.";
    const auto d = read(fr);
    CHECK(not_a_place(d, fr, "Les"));
    CHECK(not_a_place(d, fr, "Des"));
    CHECK(not_a_place(d, fr, "Union"));
    CHECK(not_a_place(d, fr, "Mission"));
    CHECK(not_a_place(d, fr, "En"));
    const std::string en = "Home News World. Reading this, Mission control said nothing.";
    const auto e = read(en);
    CHECK(not_a_place(e, en, "Home"));
    CHECK(not_a_place(e, en, "Reading"));
    CHECK(not_a_place(e, en, "Mission"));
}

TEST_CASE("weekdays and months are dates, not places", "[news][recognize][nonplace]") {
    const std::string en = "The talks ended on Thursday in Nairobi and resume in March. The August vote is near. "
                           "The city council met.";
    const auto e = read(en);
    CHECK(not_a_place(e, en, "Thursday"));
    CHECK(not_a_place(e, en, "March"));
    CHECK(not_a_place(e, en, "August"));
    CHECK(not_a_place(e, en, "The city"));
    CHECK(find(e, "Nairobi"));
}

TEST_CASE("a small place needs evidence: a preposition, or the article's country", "[news][recognize]") {
    // Ménaka is a small town of Mali: named in a story about Mali, it is a place.
    const auto d = read("L'armée malienne a quitté Ménaka. Le Mali dément.");
    CHECK(find(d, "Ménaka"));
}

TEST_CASE("seats of government are places standing for their government", "[news][recognize]") {
    const auto d = read("Une source proche de l'Elysée a confirmé le départ.");
    const auto* e = find(d, "Elysée");
    REQUIRE(e);
    REQUIRE(e->place);
    CHECK(e->place->country == "FR");
    CHECK(e->role == news::Role::actor);
}

TEST_CASE("related-article headlines are separate items", "[news][recognize]") {
    const std::string text = slurp(data("related-list-fr.txt"));
    const auto d = read(text);
    // Their places are read…
    CHECK(find(d, "Dakar"));
    CHECK(find(d, "Kenya"));
    // …but no event comes from them, and no evidence runs across them.
    for (const auto& e : d.events) {
        const std::string evidence = text.substr(e.evidence_start, e.evidence_end - e.evidence_start);
        CHECK(evidence.find("Dakar") == std::string::npos);
        CHECK(evidence.find('\n') == std::string::npos);
    }
}

TEST_CASE("what an event verb acts on is a place, even a small one named like a person", "[news][recognize]") {
    // One sentence, no other context: the direct object of "attack",
    // "besiege", "assiéger" is evidence of a place.
    for (const char* text : {"Jihadists attacked Djibo.", "Gunmen have besieged Djibo for months.",
                             "Les jihadistes ont attaqué Djibo.", "Des hommes armés ont assiégé Djibo."}) {
        const auto d = read(text);
        const auto* t = find(d, "Djibo");
        REQUIRE(t);
        REQUIRE(t->place);
        CHECK(t->place->country == "BF");
    }
    // A title then a preposition: the name after "à" is no person's.
    const auto fr = read("Les militaires ont renversé le roi à Ouagadougou.");
    REQUIRE(find(fr, "Ouagadougou"));
    CHECK(find(fr, "Ouagadougou")->place->country == "BF");
}
