// Events: types, dates, places with their roles, actors, no repeats, and
// merging across articles. The sentences and articles are written for these tests.
#include <thread>

#include "news_fixture.hpp"

using namespace news_test;
using geo::EventType;
using geo::PlaceRole;

TEST_CASE("a withdrawal takes the date of its clause", "[news][events]") {
    const auto d = read("Le Danemark et la Suède ont annoncé jeudi 17 février le retrait de leurs soldats du Mali.",
                        "2022-02-20");
    const auto w = events_of(d, EventType::withdrawal);
    REQUIRE(w.size() == 1);
    CHECK(w[0]->when.iso == "2022-02-17");
    CHECK(w[0]->when.precision == geo::DatePrecision::day);
    CHECK(has_place(*w[0], "ML", PlaceRole::origin));
    CHECK(std::find(w[0]->actors.begin(), w[0]->actors.end(), "Denmark") != w[0]->actors.end());
    CHECK(w[0]->evidence_start < w[0]->evidence_end);
}

TEST_CASE("without a date in its sentence an event takes the reference date", "[news][events]") {
    const auto d = read("Les soldats européens stationnés au Mali seront redéployés au Niger.", "2022-02");
    const auto r = events_of(d, EventType::redeployment);
    REQUIRE(r.size() == 1);
    CHECK(r[0]->when.iso == "2022-02");
    CHECK(r[0]->when.precision == geo::DatePrecision::month);
}

TEST_CASE("a redeployment has its origin and its destination", "[news][events]") {
    const auto d = read("The minister said the Belgian troops stationed in Mali would be redeployed to Niger next month.");
    const auto r = events_of(d, EventType::redeployment);
    REQUIRE(r.size() == 1);
    CHECK(has_place(*r[0], "ML", PlaceRole::origin));
    CHECK(has_place(*r[0], "NE", PlaceRole::destination));
    CHECK(d.events.size() == 1);
}

TEST_CASE("where forces are sent is a destination, what they leave an origin, in both languages", "[news][events]") {
    for (const char* text : {"Le Tchad a envoyé des troupes au Niger mardi.", "L'Allemagne va déployer 300 soldats en Lituanie.",
                             "Chad sent troops to Niger on Tuesday."}) {
        const auto d = read(text);
        const auto e = events_of(d, EventType::deployment);
        REQUIRE(e.size() == 1);
        CHECK((has_place(*e[0], "NE", PlaceRole::destination) || has_place(*e[0], "LT", PlaceRole::destination)));
    }
    // Before the verb, the clause's setting, not a destination.
    const auto set = read("Au Niger, le Tchad a déployé des troupes mardi.");
    REQUIRE(events_of(set, EventType::deployment).size() == 1);
    CHECK(has_place(*events_of(set, EventType::deployment)[0], "NE", PlaceRole::location));
    // "from" names the origin of a deployment.
    const auto from = read("Turkey sent troops from Syria to Libya on Thursday.");
    REQUIRE(events_of(from, EventType::deployment).size() == 1);
    CHECK(has_place(*events_of(from, EventType::deployment)[0], "SY", PlaceRole::origin));
    CHECK(has_place(*events_of(from, EventType::deployment)[0], "LY", PlaceRole::destination));
    // What a withdrawal leaves, as its direct object; "pour" its destination.
    for (const char* text : {"Les forces américaines ont quitté le Niger pour le Tchad.", "The troops leaving Niger crossed into Chad."}) {
        const auto d = read(text);
        const auto w = events_of(d, EventType::withdrawal);
        REQUIRE_FALSE(w.empty());
        CHECK(has_place(*w[0], "NE", PlaceRole::origin));
    }
    const auto pour = read("Les forces américaines ont quitté le Niger pour le Tchad.");
    CHECK(has_place(*events_of(pour, EventType::withdrawal)[0], "TD", PlaceRole::destination));
}

TEST_CASE("support goes towards the areas named after it", "[news][events]") {
    const auto d = read("Les alliés, dont la Belgique, veulent renforcer leur soutien aux États côtiers du Golfe de "
                        "Guinée et d'Afrique de l'Ouest.");
    const auto s = events_of(d, EventType::support);
    REQUIRE(s.size() == 1);
    REQUIRE(s[0]->places.size() == 3);
    // The supporter's country is the origin, inferred (the text names no starting point).
    CHECK(s[0]->places[0].place.country == "BE");
    CHECK(s[0]->places[0].role == PlaceRole::origin);
    CHECK(s[0]->places[0].inferred);
    CHECK(s[0]->places[0].origin_rule == "supporter_country");
    for (std::size_t i = 1; i < 3; ++i) CHECK(s[0]->places[i].role == PlaceRole::destination);
    CHECK(std::find(s[0]->actors.begin(), s[0]->actors.end(), "Belgium") != s[0]->actors.end());
}

TEST_CASE("two dates in one clause make two happenings", "[news][events]") {
    const auto d = read("L'armée a pris deux fois le pouvoir au Mali par un coup d'Etat, en août 2020 puis en mai 2021.");
    const auto c = events_of(d, EventType::coup);
    REQUIRE(c.size() == 2);
    CHECK(c[0]->when.iso == "2020-08");
    CHECK(c[1]->when.iso == "2021-05");
    CHECK(has_place(*c[0], "ML", PlaceRole::location));
}

TEST_CASE("repeats of one happening within an article are one event", "[news][events]") {
    const auto d = read("Paris annonce le retrait du Mali. Le retrait du Mali prendra six mois. "
                        "Ce retrait militaire du Mali inquiète Bamako.");
    CHECK(events_of(d, EventType::withdrawal).size() == 1);
}

TEST_CASE("generic mentions are not events", "[news][events]") {
    const auto d = read("Le nord du Burkina Faso subit des attaques armées depuis des années.");
    CHECK(events_of(d, EventType::attack).empty());
}

TEST_CASE("events of other stories: coup, floods, summit, protest", "[news][events]") {
    const auto bf = read(slurp(std::filesystem::path(GEOEVENTS_SOURCE_DIR) / "samples/other/burkina-coup-fr.txt"), "");
    const auto coups = events_of(bf, EventType::coup);
    REQUIRE_FALSE(coups.empty());
    CHECK(has_place(*coups[0], "BF", PlaceRole::location));
    REQUIRE_FALSE(events_of(bf, EventType::protest).empty());

    const auto mz = read(slurp(std::filesystem::path(GEOEVENTS_SOURCE_DIR) / "samples/other/mozambique-floods-en.txt"), "");
    const auto dead = events_of(mz, EventType::casualties);
    REQUIRE_FALSE(dead.empty());
    CHECK(has_place(*dead[0], "MZ", PlaceRole::location));

    const auto ke = read(slurp(data("nairobi-summit-en.txt")), "");
    const auto summit = events_of(ke, EventType::political);
    REQUIRE_FALSE(summit.empty());
    CHECK(has_place(*summit[0], "KE", PlaceRole::location));

    const auto cl = read(slurp(data("santiago-protest-fr.txt")), "");
    const auto protest = events_of(cl, EventType::protest);
    REQUIRE_FALSE(protest.empty());
    CHECK(has_place(*protest[0], "CL", PlaceRole::location));
}

TEST_CASE("the same event in several articles is merged, distinct ones stay distinct", "[news][merge]") {
    const auto root = std::filesystem::path(GEOEVENTS_SOURCE_DIR) / "samples/barkhane";
    std::vector<news::Document> docs;
    docs.push_back(read(slurp(root / "article-fr.txt"), "", "", "article-fr.txt"));
    docs.push_back(read(slurp(root / "article-en.txt"), "", "", "article-en.txt"));
    const auto merged = news::merge_events(docs);
    std::size_t withdrawals = 0, coups = 0;
    for (const auto& e : merged) {
        if (e.type == EventType::withdrawal) {
            ++withdrawals;
            CHECK(e.sources.size() == 2);
        }
        if (e.type == EventType::coup) ++coups;
    }
    CHECK(withdrawals == 1);
    CHECK(coups == 2);  // August 2020 and May 2021
    // Each document keeps its events, with the merged ids and sources, and its own evidence.
    for (const auto& d : docs)
        for (const auto& e : d.events) {
            CHECK(std::any_of(merged.begin(), merged.end(), [&](const geo::Event& m) { return m.id == e.id; }));
            CHECK(e.evidence_end <= slurp(root / (d.source)).size());
        }
    // Merging only one document changes nothing but the ids.
    std::vector<news::Document> one{docs[0]};
    CHECK(news::merge_events(one).size() == docs[0].events.size());
}

TEST_CASE("reading is a pure function of the text: threads give the same results", "[news][events]") {
    const std::string text = slurp(std::filesystem::path(GEOEVENTS_SOURCE_DIR) / "samples/barkhane/article-fr.txt");
    const std::string expected = news::to_json(read(text, ""));
    std::vector<std::string> got(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < got.size(); ++i)
        threads.emplace_back([&, i] {
            for (int k = 0; k < 5; ++k) got[i] = news::to_json(read(text, ""));
        });
    for (auto& t : threads) t.join();
    for (const auto& g : got) CHECK(g == expected);
}
