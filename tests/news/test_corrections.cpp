// Corrections files: parsing (with line numbers) and their effect on documents and events.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <cstring>
#include <random>

#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/geo/error.hpp"
#include "geoevents/news/corrections.hpp"

using namespace geoevents;
namespace fs = std::filesystem;

namespace {
const gazetteer::Gazetteer& gz() {
    static const auto g = gazetteer::Gazetteer::open_default();
    return g;
}

fs::path write_temp(const std::string& name, const std::string& text) {
    static const fs::path dir = fs::temp_directory_path() / ("geoevents-corr-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
}

geo::Place place(const char* id) { return gz().place(*gz().find_id(id)).to_place(); }

/// A document as the reader would give it: "Gao" read as a far-away namesake, "Pierre" taken for a place.
std::vector<news::Document> documents() {
    news::Document d;
    d.source = "articles/a.txt";
    auto add = [&](std::size_t start, const char* text, const char* id) {
        news::Toponym t;
        t.start = start;
        t.end = start + std::strlen(text);
        t.text = text;
        t.place = place(id);
        t.role = news::Role::location;
        d.toponyms.push_back(t);
    };
    add(10, "Gao", "ne:NE");      // wrong on purpose
    add(40, "Pierre", "ne:FR");   // a person, not a place
    add(80, "Gao", "ne:NE");
    geo::Event e;
    e.id = "e1";
    e.type = geo::EventType::attack;
    e.when = *geo::time_span_from_iso("2022-02-10");
    e.places = {{place("ne:NE"), geo::PlaceRole::location}, {place("ne:FR"), geo::PlaceRole::location}};
    e.evidence_start = 0;
    e.evidence_end = 60;
    e.sources = {d.source};
    d.events.push_back(e);
    return {d};
}
} // namespace

TEST_CASE("JSON corrections pin and drop mentions, and the events read from them follow", "[news][corrections]") {
    const auto file = write_temp("c.json", R"({"corrections": [
  {"action": "pin", "name": "GAO", "place": "geonames:2457163"},
  {"action": "drop", "name": "pierre"},
  {"action": "pin", "name": "Tombouctou", "place": {"lat": 16.77, "lon": -3.0, "name": "Timbuktu airport", "kind": "landmark"}}
]})");
    const auto c = news::Corrections::load(file, gz());
    REQUIRE(c.size() == 3);
    CHECK(c.items()[1].line == 3);
    auto docs = documents();
    const auto notes = c.apply_to_documents(docs);
    REQUIRE(docs[0].toponyms.size() == 2);
    for (const auto& t : docs[0].toponyms) {
        CHECK(t.text == "Gao");
        CHECK(t.place->id == "geonames:2457163");
        CHECK(t.confidence == 1.0);
    }
    const auto& e = docs[0].events[0];
    REQUIRE(e.places.size() == 1);  // Pierre's place left the event; Gao's was pinned
    CHECK(e.places[0].place.id == "geonames:2457163");
    REQUIRE(notes.size() == 1);  // nothing named Tombouctou: reported with its line
    CHECK(notes[0].find("c.json:4: no mention named 'Tombouctou'") != std::string::npos);
}

TEST_CASE("corrections add, change and drop events", "[news][corrections]") {
    const auto file = write_temp("e.csv",
                                 "action,place,lat,lon,label,type,date,role,actors,match_type,match_place,match_date\n"
                                 "add_event,geonames:2453514,,,,attack,2022-02-12,location,gunmen;unknown,,,\n"
                                 "change_event,,,,,,2022-02-11,,,attack,ne:NE,\n"
                                 "drop_event,,,,,,,,,protest,,\n");
    const auto c = news::Corrections::load(file, gz());
    auto events = documents()[0].events;
    const auto notes = c.apply_to_events(events);
    REQUIRE(events.size() == 2);
    CHECK(events[0].when.iso == "2022-02-11");
    CHECK(events[1].type == geo::EventType::attack);
    CHECK(events[1].when.first == "2022-02-12");
    CHECK(events[1].actors == std::vector<std::string>{"gunmen", "unknown"});
    CHECK(events[1].places.at(0).place.name == "Ménaka");
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].find("e.csv:4: drop_event matched no event") != std::string::npos);
}

TEST_CASE("corrections pin a name to a border, with its line, or to a place with a geometry of its own", "[news][corrections]") {
    const auto file = write_temp("borders.json", R"([
  {"action": "pin", "name": "Gao", "place": "border:ML-NE"},
  {"action": "pin", "name": "Pierre", "place": {"lat": 14.9, "lon": 0.9, "name": "frontière Niger–Mali", "kind": "border",
                                             "geometry": {"type": "LineString", "coordinates": [[0.2, 14.9], [1.3, 15.3]]}}}
])");
    const auto c = news::Corrections::load(file, gz());
    REQUIRE(c.size() == 2);
    const auto& b = *c.items()[0].place;
    CHECK(b.id == "border:ML-NE");
    CHECK(b.kind == geo::PlaceKind::border);
    CHECK(b.geometry.starts_with(R"({"type":"LineString")"));
    const auto& drawn = *c.items()[1].place;
    CHECK(drawn.kind == geo::PlaceKind::border);
    CHECK(drawn.geometry == R"({"coordinates":[[0.2,14.9],[1.3,15.3]],"type":"LineString"})");
    auto docs = documents();
    c.apply_to_documents(docs);
    CHECK(docs[0].toponyms[0].place->id == "border:ML-NE");
    CHECK(docs[0].toponyms[0].place->geometry == b.geometry);
    CHECK(docs[0].toponyms[1].place->geometry == drawn.geometry);
}

TEST_CASE("a corrupt corrections file names the file and the line", "[news][corrections]") {
    auto expect = [](const std::string& name, const std::string& text, const std::string& where, const std::string& what) {
        const auto f = write_temp(name, text);
        try {
            news::Corrections::load(f, gz());
            FAIL("loaded");
        } catch (const ParseError& e) {
            const std::string m = e.what();
            INFO(m);
            CHECK(m.find(name + ":" + where) != std::string::npos);
            CHECK(m.find(what) != std::string::npos);
        }
    };
    expect("bad1.json", "{\"corrections\": [\n {\"action\": \"pin\", \"name\": \"Gao\",\n \"place\": \"ne:ML\"\n", "4", "invalid JSON");
    expect("bad2.json", "[\n {\"action\": \"drop\", \"name\": \"A\"},\n {\"action\": \"pin\", \"name\": \"B\", \"place\": \"geonames:1\"}\n]",
           "3", "unknown place id 'geonames:1'");
    expect("bad3.json", "[{\"action\": \"explode\"}]", "1", "unknown or missing action");
    expect("bad4.csv", "action,name,lat,lon,label\ndrop,X,,,\npin,Y,95,0,Y\n", "3", "impossible coordinates");
    expect("bad5.csv", "action,name\npin,Y\n", "2", "pin needs a place");
    expect("bad6.json", "[{\"action\": \"add_event\", \"type\": \"attack\", \"date\": \"2022-02-30\", \"place\": \"ne:ML\"}]", "1",
           "invalid date '2022-02-30'");
    expect("bad7.json", "[\n{\"action\": \"pin\", \"name\": \"A\", \"place\": \"border:ML-TD\"}]", "2", "share no border");
    expect("bad8.json", "[{\"action\": \"pin\", \"name\": \"A\", \"place\": \"border:ML\"}]", "1", "unknown border id");
    expect("bad9.json", "[{\"action\": \"pin\", \"name\": \"A\", \"place\": {\"lat\": 1, \"lon\": 1, \"name\": \"B\", \"geometry\": {\"type\": \"Line\"}}}]",
           "1", "place geometry");
    CHECK_THROWS_AS(news::Corrections::load("/nonexistent/c.json", gz()), IoError);
}
