// Event types from general vocabulary (every inflection generated from the
// lemmas of data/lexicons/events.tsv) and the status of an event from the
// negation and modality of its clause. Sentences written for these tests,
// each rule in French and in English.
#include <tuple>

#include <nlohmann/json.hpp>

#include "geoevents/geo/layers.hpp"
#include "geoevents/news/batch.hpp"
#include "news_fixture.hpp"

using namespace news_test;
using geo::EventStatus;
using geo::EventType;
using geo::PlaceRole;

namespace {

/// The events of `type` in `text` that name the place `cc_or_id`.
std::vector<const geo::Event*> found(const news::Document& d, EventType type, std::string_view cc_or_id) {
    std::vector<const geo::Event*> out;
    for (const auto* e : events_of(d, type))
        for (const auto& p : e->places)
            if (p.place.country == cc_or_id || p.place.id == cc_or_id) {
                out.push_back(e);
                break;
            }
    return out;
}

void check_type(std::string_view text, EventType type, std::string_view where, std::string_view date = "") {
    INFO(text);
    const auto d = read(text, "2024-03-13");
    const auto e = found(d, type, where);
    REQUIRE(e.size() == 1);
    CHECK(e[0]->status == EventStatus::happened);
    if (!date.empty()) CHECK(e[0]->when.iso == date);
}

void check_status(std::string_view text, EventType type, EventStatus status) {
    INFO(text);
    const auto d = read(text, "2024-03-13");
    const auto e = events_of(d, type);
    REQUIRE(e.size() == 1);
    CHECK(geo::to_string(e[0]->status) == geo::to_string(status));
}

} // namespace

TEST_CASE("coups and coup attempts, in any tense", "[news][events][types]") {
    check_type("Des soldats renversèrent le président du Niger en juillet 2023.", EventType::coup, "NE", "2023-07");
    check_type("Mutinous soldiers toppled the president of Niger in July 2023.", EventType::coup, "NE", "2023-07");
    check_type("Au Tchad, l'armée a déjoué lundi une tentative de putsch.", EventType::coup_attempt, "TD", "2024-03-11");
    check_type("In Chad, the army foiled a coup attempt on Monday.", EventType::coup_attempt, "TD", "2024-03-11");
    // The verb as well as the noun: an attempt, not a coup.
    check_type("Des militaires ont tenté un coup d'État au Tchad lundi.", EventType::coup_attempt, "TD", "2024-03-11");
    check_type("Des militaires ont tenté un putsch au Tchad lundi.", EventType::coup_attempt, "TD", "2024-03-11");
    check_type("Officers attempted a coup in Chad on Monday.", EventType::coup_attempt, "TD", "2024-03-11");
}

TEST_CASE("attacks with casualties, captures of towns, sieges", "[news][events][types]") {
    check_type("Une embuscade a coûté la vie à 17 soldats près de Ménaka dimanche.", EventType::attack, "ML", "2024-03-10");
    check_type("An ambush killed 17 soldiers near Ménaka on Sunday.", EventType::attack, "ML", "2024-03-10");
    check_type("Les rebelles se sont emparés de la ville de Kidal mardi.", EventType::military_operation, "ML", "2024-03-12");
    check_type("Rebels overran the town of Kidal on Tuesday.", EventType::military_operation, "ML", "2024-03-12");
    check_type("Les jihadistes assiègent Djibo, au Burkina Faso, depuis mai 2023.", EventType::military_operation, "BF");
    check_type("Jihadists have besieged Djibo, in Burkina Faso, since May 2023.", EventType::military_operation, "BF");
}

TEST_CASE("protests, arrests, sanctions", "[news][events][types]") {
    check_type("Des milliers de manifestants ont défilé samedi à Bamako.", EventType::protest, "ML", "2024-03-09");
    check_type("Thousands of demonstrators rallied in Bamako on Saturday.", EventType::protest, "ML", "2024-03-09");
    check_type("La police a interpellé jeudi à Niamey un opposant.", EventType::arrest, "NE", "2024-03-07");
    check_type("Police detained an opponent in Niamey on Thursday.", EventType::arrest, "NE", "2024-03-07");
    check_type("Washington a sanctionné vendredi trois ministres du Mali.", EventType::sanction, "ML", "2024-03-08");
    check_type("Washington sanctioned three ministers of Mali on Friday.", EventType::sanction, "ML", "2024-03-08");
}

TEST_CASE("an organisation that acts is the actor; a plural a verb acts on is no generic mention", "[news][events][types]") {
    for (const auto& [text, org, cc] : {std::tuple{"La CEDEAO a imposé des sanctions au Mali.", "CEDEAO", "ML"},
                                        {"L'UE a imposé des sanctions au Niger.", "UE", "NE"},
                                        {"ECOWAS imposed sanctions on Niger.", "ECOWAS", "NE"},
                                        {"The EU imposed new sanctions on Mali.", "EU", "ML"}}) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        const auto e = found(d, EventType::sanction, cc);
        REQUIRE(e.size() == 1);
        CHECK(std::find(e[0]->actors.begin(), e[0]->actors.end(), org) != e[0]->actors.end());
    }
    // Without a verb acting on it nor a date, a plural stays a generic mention.
    CHECK(read("Le nord du Mali est en proie aux attaques jihadistes.", "2024-03-13").events.empty());
    CHECK(read("Northern Mali has long been plagued by jihadist attacks.", "2024-03-13").events.empty());
    // Nor when the verb says it did not take place.
    CHECK(events_of(read("The junta in Bamako has delayed elections and hired Russian fighters.", "2024-03-13"),
                    EventType::election)
              .empty());
}

TEST_CASE("agreements and handovers, elections", "[news][events][types]") {
    check_type("La France a rétrocédé mardi la base de Gao à l'armée du Mali.", EventType::agreement, "ML", "2024-03-12");
    check_type("France handed over the base of Gao to the army of Mali on Tuesday.", EventType::agreement, "ML",
               "2024-03-12");
    check_type("Les électeurs du Sénégal ont élu dimanche un nouveau président.", EventType::election, "SN", "2024-03-10");
    check_type("Voters in Senegal elected a new president on Sunday.", EventType::election, "SN", "2024-03-10");
}

TEST_CASE("evacuations and displacements of people", "[news][events][types]") {
    check_type("Des milliers d'habitants ont été évacués de Mopti mardi.", EventType::other, "ML", "2024-03-12");
    check_type("Thousands of residents were evacuated from Mopti on Tuesday.", EventType::other, "ML", "2024-03-12");
    check_type("Des milliers de familles ont fui Ménaka, dans l'est du Mali, lundi.", EventType::other, "ML", "2024-03-11");
    check_type("Thousands of families fled Ménaka, in eastern Mali, on Monday.", EventType::other, "ML", "2024-03-11");
}

TEST_CASE("what people flee is the cause of their flight, not an event where they go", "[news][events][types]") {
    for (const char* text : {"Plus de 40 000 personnes ont fui les combats vers le Tchad mardi.",
                             "More than 40,000 people fled the fighting into Chad on Tuesday."}) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        CHECK(found(d, EventType::other, "TD").size() == 1);
        CHECK(events_of(d, EventType::military_operation).empty());
    }
}

TEST_CASE("an embassy's nationality does not locate what happens at it", "[news][events][types]") {
    // The mission of a country stands abroad: the protest is in Niamey, not in France.
    for (const char* text : {"Des manifestants se sont rassemblés samedi devant l'ambassade française à Niamey.",
                             "Protesters gathered outside the French embassy in Niamey on Saturday.",
                             "Des manifestants se sont rassemblés samedi devant l'ambassade française."}) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        CHECK(found(d, EventType::protest, "FR").empty());
    }
    CHECK(found(read("Protesters gathered outside the French embassy in Niamey on Saturday.", "2024-03-13"),
                EventType::protest, "NE").size() == 1);
}

TEST_CASE("'in the capital' places a happening in the national capital of the country spoken of", "[news][events][types]") {
    // N'Djamena (GeoNames 2427123), Bamako (2460596), Niamey (2440485).
    const auto at = [](std::string_view text, EventType type) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        const auto e = events_of(d, type);
        REQUIRE(e.size() == 1);
        REQUIRE(e[0]->places.size() == 1);
        CHECK(e[0]->places[0].role == PlaceRole::location);
        // A description, not a name: no toponym is reported for it.
        for (const auto& t : d.toponyms) CHECK(t.place->id != e[0]->places[0].place.id);
        return e[0]->places[0].place.id;
    };
    // The country named earlier in the sentence (as an actor too) or before it.
    CHECK(at("Le Tchad a annoncé lundi que des hommes armés avaient attaqué une prison dans la capitale.", EventType::attack) ==
          "geonames:2427123");
    CHECK(at("Chad said on Monday that gunmen had attacked a prison in the capital.", EventType::attack) == "geonames:2427123");
    CHECK(at("Le Niger a connu une nuit agitée. Des soldats ont tenté un coup d'État dans la capitale mardi.",
             EventType::coup_attempt) == "geonames:2440485");
    // The nationality said with the word wins over the country read from it.
    CHECK(at("Des manifestants se sont rassemblés samedi dans la capitale malienne.", EventType::protest) == "geonames:2460596");
    CHECK(at("Protesters gathered in the Malian capital on Saturday.", EventType::protest) == "geonames:2460596");
    // Not a place: "capital flight", and a place named in the clause stays the place.
    const auto d = read("Investors fear capital flight after protesters gathered in Gao on Saturday.", "2024-03-13");
    for (const auto* e : events_of(d, EventType::protest))
        for (const auto& p : e->places) CHECK(p.place.name == "Gao");
}

TEST_CASE("a sanction over attacks is two events; an ambush that killed is one", "[news][events][types]") {
    for (const char* text : {"Bruxelles a imposé jeudi des sanctions contre deux commandants pour des attaques contre des civils à El Fasher.",
                             "Brussels imposed sanctions on Thursday on two commanders over attacks on civilians in El Fasher."}) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        CHECK(found(d, EventType::sanction, "SD").size() == 1);
        CHECK(found(d, EventType::attack, "SD").size() == 1);
    }
    for (const char* text : {"Une embuscade a tué jeudi dix-sept soldats près de Ménaka.",
                             "An ambush killed 17 soldiers near Ménaka on Thursday."}) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        CHECK(found(d, EventType::attack, "ML").size() == 1);
        CHECK(found(d, EventType::casualties, "ML").empty());
    }
}

TEST_CASE("a negated event is denied", "[news][events][status]") {
    check_status("La France n'a pas retiré ses soldats du Tchad.", EventType::withdrawal, EventStatus::denied);
    check_status("France did not withdraw its soldiers from Chad.", EventType::withdrawal, EventStatus::denied);
    check_status("France hasn't withdrawn its soldiers from Chad.", EventType::withdrawal, EventStatus::denied);
    check_status("Moscou a démenti l'envoi de soldats au Mali.", EventType::deployment, EventStatus::denied);
    check_status("Moscow denied sending troops to Mali.", EventType::deployment, EventStatus::denied);
    check_status("La junte a refusé de retirer ses troupes de Kidal.", EventType::withdrawal, EventStatus::denied);
    check_status("The junta refused to withdraw its troops from Kidal.", EventType::withdrawal, EventStatus::denied);
}

TEST_CASE("threats, possibilities and plans", "[news][events][status]") {
    check_status("Les rebelles ont menacé d'attaquer Mopti.", EventType::attack, EventStatus::threatened);
    check_status("The rebels threatened to attack Mopti.", EventType::attack, EventStatus::threatened);
    check_status("Le Tchad pourrait déployer des soldats au Niger.", EventType::deployment, EventStatus::hypothetical);
    check_status("Chad may deploy soldiers to Niger.", EventType::deployment, EventStatus::hypothetical);
    check_status("La Belgique retirera ses soldats du Niger en juin.", EventType::withdrawal, EventStatus::planned);
    check_status("Belgium will withdraw its soldiers from Niger in June.", EventType::withdrawal, EventStatus::planned);
    // What happened stays happened.
    check_status("La Belgique a retiré ses soldats du Niger en juin.", EventType::withdrawal, EventStatus::happened);
    check_status("Belgium withdrew its soldiers from Niger in June.", EventType::withdrawal, EventStatus::happened);
}

TEST_CASE("a plan and its report are one event; a denial stays apart", "[news][events][status]") {
    const auto d = read("Belgium will withdraw its soldiers from Niger. The withdrawal from Niger worries Niamey. "
                        "Belgium denied withdrawing its soldiers from Niger.",
                        "2024-03-13");
    const auto w = events_of(d, EventType::withdrawal);
    REQUIRE(w.size() == 2);
    CHECK(w[0]->status == EventStatus::planned);
    CHECK(w[1]->status == EventStatus::denied);
}

namespace {

const geo::Event* one(const news::Document& d, EventType type) {
    const auto e = events_of(d, type);
    REQUIRE(e.size() == 1);
    return e[0];
}

} // namespace

TEST_CASE("a redeployment starts from the object of the departure before it", "[news][events][movements]") {
    for (const char* text : {"Les forces quittant le Mali seront redéployées au Niger.",
                             "The forces leaving Mali will be redeployed to Niger."}) {
        INFO(text);
        const auto doc = read(text, "2024-03-13");
        const auto* r = one(doc, EventType::redeployment);
        CHECK(has_place(*r, "ML", PlaceRole::origin));
        CHECK(has_place(*r, "NE", PlaceRole::destination));
        CHECK(r->status == EventStatus::planned);
    }
}

TEST_CASE("a redeployment has both ends across two sentences", "[news][events][movements]") {
    for (const char* text : {"Les soldats belges stationnés au Niger ont commencé mardi à quitter le pays. "
                             "Une partie d'entre eux sera redéployée au Tchad.",
                             "The Belgian soldiers stationed in Niger began leaving the country on Tuesday. "
                             "Some of them will be redeployed to Chad."}) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        const auto* r = one(d, EventType::redeployment);
        CHECK(has_place(*r, "NE", PlaceRole::origin));
        CHECK(has_place(*r, "TD", PlaceRole::destination));
        for (const auto& p : r->places) CHECK_FALSE(p.inferred);  // both ends are in the text
    }
}

TEST_CASE("a withdrawal never starts in its actor's country", "[news][events][movements]") {
    for (const char* text : {"La France a retiré jeudi ses derniers soldats du Mali.",
                             "France withdrew its last soldiers from Mali on Thursday."}) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        const auto* w = one(d, EventType::withdrawal);
        CHECK(has_place(*w, "ML", PlaceRole::origin));
        for (const auto& p : w->places) CHECK(p.place.country != "FR");
        // What the map draws is what parse prints: no line from France.
        const auto project = geo::build_layers(news::layer_input({d}, d.events, env().gz, "test"));
        const auto* moves = project.find(geo::layer_movements);
        REQUIRE(moves);
        CHECK(moves->features.empty());
    }
}

TEST_CASE("support comes from its supporter's country, marked as inferred", "[news][events][movements]") {
    for (const char* text : {"Le Tchad a promis lundi son soutien militaire au Niger.",
                             "Chad pledged its military support to Niger on Monday."}) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        const auto* s = one(d, EventType::support);
        REQUIRE_FALSE(s->places.empty());
        CHECK(s->places[0].place.country == "TD");
        CHECK(s->places[0].role == PlaceRole::origin);
        CHECK(s->places[0].inferred);
        CHECK(s->places[0].origin_rule == "supporter_country");
        CHECK(has_place(*s, "NE", PlaceRole::destination));
        // The layers carry the event as parse prints it: same actors, the inferred rule.
        const auto project = geo::build_layers(news::layer_input({d}, d.events, env().gz, "test"));
        const auto* moves = project.find(geo::layer_movements);
        REQUIRE(moves);
        REQUIRE(moves->features.size() == 1);
        CHECK(geo::to_text(moves->value(0, "origin_rule")) == "supporter_country");
        CHECK(geo::to_text(moves->value(0, "actors")) == (s->actors.empty() ? "" : s->actors.front()));
    }
}

TEST_CASE("a capture of a place is a military operation, of people an arrest", "[news][events][types]") {
    check_type("Les rebelles ont capturé Kidal, dans le nord du Mali, samedi.", EventType::military_operation, "ML",
               "2024-03-09");
    check_type("Rebels captured Kidal, in northern Mali, on Saturday.", EventType::military_operation, "ML", "2024-03-09");
    check_type("L'armée a capturé samedi trois chefs rebelles près de Kidal.", EventType::arrest, "ML", "2024-03-09");
    check_type("The army captured three rebel leaders near Kidal on Saturday.", EventType::arrest, "ML", "2024-03-09");
    // People arrested somewhere: the place after a preposition is no object.
    check_type("Ten opponents were arrested in Kidal on Saturday.", EventType::arrest, "ML", "2024-03-09");
    check_type("Dix opposants ont été arrêtés à Kidal samedi.", EventType::arrest, "ML", "2024-03-09");
}

TEST_CASE("people who protest, in the plural, make a protest", "[news][events][types]") {
    check_type("À Bamako, des centaines de manifestants se sont rassemblés devant le palais.", EventType::protest, "ML");
    check_type("In Bamako, hundreds of protesters gathered outside the palace.", EventType::protest, "ML");
    // The relative clause that describes them says where they are.
    check_type("La police a tiré mercredi sur des manifestants qui dénonçaient les coupures d'eau à Bamako.",
               EventType::protest, "ML");
    check_type("Police fired on protesters who denounced water cuts in Bamako on Wednesday.", EventType::protest, "ML");
    // Not what it speaks of ("le départ des troupes du Mali"), only where ("à", "in").
    const auto d = read("Des manifestants qui réclamaient le départ des troupes du Mali se sont rassemblés à Paris samedi.",
                        "2024-03-13");
    REQUIRE(events_of(d, EventType::protest).size() == 1);
    for (const auto& p : events_of(d, EventType::protest)[0]->places) CHECK(p.place.country == "FR");
}

TEST_CASE("a background event takes the date and place of its own phrase", "[news][events][dates]") {
    for (const char* text : {"Depuis le coup d'État de juillet 2023, la junte nigérienne s'est rapprochée de Moscou.",
                             "Since the coup of July 2023, the Nigerien junta has moved closer to Moscow."}) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        const auto* c = one(d, EventType::coup);
        CHECK(c->when.iso == "2023-07");
        CHECK(has_place(*c, "NE", PlaceRole::location));
        for (const auto& p : c->places) CHECK(p.place.country != "RU");
    }
}

TEST_CASE("the day before or after the event told before", "[news][events][dates]") {
    const auto arrest_date = [](std::string_view text) {
        INFO(text);
        const auto d = read(text, "2025-10-27");
        const auto e = events_of(d, EventType::arrest);
        REQUIRE(e.size() == 1);
        return e[0]->when.iso;
    };
    // The attack was on Saturday 25 October.
    CHECK(arrest_date("Des rebelles ont attaqué samedi une caserne à Abidjan. La veille, la police avait interpellé "
                      "des opposants à Bouaké.") == "2025-10-24");
    CHECK(arrest_date("Rebels attacked a barracks in Abidjan on Saturday. The day before, police had arrested "
                      "opponents in Bouaké.") == "2025-10-24");
    CHECK(arrest_date("Des rebelles ont attaqué samedi une caserne à Abidjan. Le lendemain, la police a interpellé "
                      "des opposants à Bouaké.") == "2025-10-26");
    CHECK(arrest_date("Rebels attacked a barracks in Abidjan on Saturday. Police arrested opponents in Bouaké the "
                      "next day.") == "2025-10-26");
    // The eve of something else is not the day before the event told before.
    CHECK(arrest_date("Des rebelles ont attaqué samedi une caserne à Abidjan. La police a interpellé des opposants "
                      "à Bouaké à la veille du scrutin.") == "2025-10-27");
    CHECK(arrest_date("Rebels attacked a barracks in Abidjan on Saturday. Police arrested opponents in Bouaké the "
                      "day before the vote.") == "2025-10-27");
}

TEST_CASE("a weekday never fixes the year: a guessed year is a warning", "[news][events][dates]") {
    auto guessed = [](const news::Document& d) {
        return std::any_of(d.warnings.begin(), d.warnings.end(),
                           [](const std::string& w) { return w.find("is a guess") != std::string::npos; });
    };
    // A weekday with no date resolves against the given reference date.
    for (const char* text : {"Des soldats ont quitté Gao, dans le nord du Mali, mardi.",
                             "Soldiers left Gao, in northern Mali, on Tuesday."}) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        CHECK_FALSE(guessed(d));
        for (const auto& m : d.events) CHECK(m.when.iso == "2024-03-12");
    }
    // Without a date header, "jeudi 17 février" fits several years: the one chosen is a guess.
    for (const char* text : {"Le retrait des soldats du Mali a été annoncé jeudi 17 février.",
                             "The withdrawal of the soldiers from Mali was announced on Thursday, February 17."}) {
        INFO(text);
        const auto d = read(text, "");
        CHECK(guessed(d));
        CHECK(d.date_year_guessed);
        REQUIRE_FALSE(d.events.empty());
        for (const auto& e : d.events) CHECK(e.year_guessed);
        const auto j = nlohmann::json::parse(news::to_json(d));
        CHECK(j["date_year_guessed"] == true);
        CHECK(j["events"][0]["date_year_guessed"] == true);
        CHECK(j["events"][0]["date_precision"] == "day");  // the contract's value is kept
    }
    // An undated article whose events carry their own written year: only the
    // events dated from the guess are marked.
    for (const char* text : {"Jeudi 17 février, les soldats ont quitté Gao. Le coup d'État de mai 2021 a eu lieu à Bamako.",
                             "On Thursday, February 17, the soldiers withdrew from Gao. The coup of May 2021 took place in Bamako."}) {
        INFO(text);
        const auto d = read(text, "");
        CHECK(d.date_year_guessed);
        const auto coups = events_of(d, geo::EventType::coup);
        REQUIRE(coups.size() == 1);
        CHECK(coups[0]->when.iso == "2021-05");
        CHECK_FALSE(coups[0]->year_guessed);
        const auto left = events_of(d, geo::EventType::withdrawal);
        REQUIRE(left.size() == 1);
        CHECK(left[0]->year_guessed);
    }
    // A year the text writes is no guess.
    for (const char* text : {"Le retrait des soldats du Mali a été annoncé jeudi 17 février 2022.",
                             "The withdrawal of the soldiers from Mali was announced on Thursday, February 17, 2022."}) {
        INFO(text);
        const auto d = read(text, "");
        CHECK(d.date.year == 2022);
        CHECK_FALSE(guessed(d));
        CHECK_FALSE(d.date_year_guessed);
        for (const auto& e : d.events) CHECK_FALSE(e.year_guessed);
        CHECK_FALSE(nlohmann::json::parse(news::to_json(d)).contains("date_year_guessed"));
    }
}

TEST_CASE("a place is labelled with the name the article writes", "[news][places][labels]") {
    for (const auto& [text, written] : std::vector<std::pair<std::string, std::string>>{
             {"À Hodeïda, au Yémen, des frappes ont visé le port samedi.", "Hodeïda"},
             {"Les casques bleus ont quitté Tombouctou, dans le nord du Mali.", "Tombouctou"}}) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        const auto* t = find(d, written);
        REQUIRE(t);
        REQUIRE(t->place);
        CHECK(t->place->name != written);  // the gazetteer's name ("Al Ḩudaydah", "Timbuktu")
        CHECK(t->place->label == written);
        // The events carry the same label, and so do the map's places.
        for (const auto& e : d.events)
            for (const auto& p : e.places)
                if (p.place.id == t->place->id) CHECK(p.place.label == written);
        const auto project = geo::build_layers(news::layer_input({d}, d.events, env().gz, "test"));
        const auto* places = project.find(geo::layer_places);
        REQUIRE(places);
        bool labelled = false;
        for (std::size_t r = 0; r < places->features.size(); ++r)
            labelled = labelled || geo::to_text(places->value(r, "label")) == written;
        CHECK(labelled);
    }
    // A name the gazetteer spells as the article does gets no label.
    for (const auto& [text, written] : std::vector<std::pair<std::string, std::string>>{
             {"Des manifestants se sont rassemblés à Bamako.", "Bamako"},
             {"Peacekeepers left Timbuktu, in northern Mali, on Monday.", "Timbuktu"}}) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        REQUIRE(find(d, written));
        REQUIRE(find(d, written)->place);
        CHECK(find(d, written)->place->label.empty());
    }
}

TEST_CASE("a casualty count written in words is a count", "[news][events][types]") {
    check_type("Trois soldats ont été tués près de Ménaka.", EventType::casualties, "ML");
    check_type("Three soldiers were killed near Ménaka.", EventType::casualties, "ML");
    // Without a count or a date, dead people are no event of their own.
    for (const char* text : {"Le pays pleure ses morts à Ménaka.", "The country mourns its dead in Ménaka."}) {
        INFO(text);
        CHECK(events_of(read(text, "2024-03-13"), EventType::casualties).empty());
    }
}

TEST_CASE("an agreement that names only its parties is placed in their countries, inferred", "[news][events]") {
    for (const auto& [text, first, second] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"Kinshasa signed a mining agreement with Kigali on Monday.", "CD", "RW"},
             {"Dakar a signé lundi un accord de pêche avec Nouakchott.", "SN", "MR"},
             {"Les autorités guinéennes ont signé un accord minier avec Moscou.", "GN", "RU"},
             {"The Guinean government signed a mining deal with Moscow.", "GN", "RU"}}) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        const auto ag = events_of(d, EventType::agreement);
        REQUIRE(ag.size() == 1);
        REQUIRE(ag[0]->places.size() == 2);
        CHECK(ag[0]->places[0].place.country == first);
        CHECK(ag[0]->places[1].place.country == second);
        for (const auto& p : ag[0]->places) {
            CHECK(p.place.kind == geo::PlaceKind::country);
            CHECK(p.role == PlaceRole::location);
            CHECK(p.inferred);
            CHECK(p.origin_rule == "party_country");
        }
    }
    // Where the article says it was signed, that place alone, stated.
    for (const std::string text : {"Mali and Niger signed a defence pact in Niamey on Monday.",
                                   "Le Mali et le Niger ont signé lundi un pacte de défense à Niamey."}) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        const auto ag = events_of(d, EventType::agreement);
        REQUIRE(ag.size() == 1);
        REQUIRE(ag[0]->places.size() == 1);
        CHECK(ag[0]->places[0].place.name == "Niamey");
        CHECK_FALSE(ag[0]->places[0].inferred);
    }
}

TEST_CASE("a nationality noun that is the subject is an actor of the event", "[news][events]") {
    for (const auto& [text, type, actor] : std::vector<std::tuple<std::string, EventType, std::string>>{
             {"Les Maliens ont manifesté lundi à Bamako.", EventType::protest, "Maliens"},
             {"Malians protested in Bamako on Monday.", EventType::protest, "Malians"},
             {"Les Français ont retiré lundi leurs derniers soldats du Niger.", EventType::withdrawal, "Français"},
             {"The French withdrew their last troops from Gao on Monday.", EventType::withdrawal, "French"},
             // An agreement needs a party: the nationality noun is one.
             {"Les Chinois ont signé un accord minier avec la Guinée.", EventType::agreement, "Chinois"},
             {"The Chinese signed a mining agreement with Guinea.", EventType::agreement, "Chinese"}}) {
        INFO(text);
        const auto d = read(text, "2024-03-13");
        const auto evs = events_of(d, type);
        REQUIRE(evs.size() == 1);
        CHECK(evs[0]->actors == std::vector<std::string>{actor});
    }
    // Not a subject: people in a crowd; a demonym before its noun keeps the group ("French troops").
    const auto crowd = read("Hundreds of Malians protested in Bamako on Monday.", "2024-03-13");
    REQUIRE(events_of(crowd, EventType::protest).size() == 1);
    CHECK(events_of(crowd, EventType::protest)[0]->actors.empty());
    const auto troops = read("The French troops withdrew from Gao on Monday.", "2024-03-13");
    REQUIRE(events_of(troops, EventType::withdrawal).size() == 1);
    CHECK(events_of(troops, EventType::withdrawal)[0]->actors == std::vector<std::string>{"French troops"});
}
