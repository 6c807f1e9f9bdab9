// The JSON of the document contract (shared/contracts/document.md) and the
// text summary.
#include <nlohmann/json.hpp>

#include "news_fixture.hpp"

using namespace news_test;

TEST_CASE("the JSON follows the document contract", "[news][output]") {
    const std::string text = slurp(std::filesystem::path(GEOEVENTS_SOURCE_DIR) / "samples/barkhane/article-en.txt");
    const auto d = read(text, "", "", "samples/barkhane/article-en.txt");
    for (int indent : {2, -1}) {
        const auto j = nlohmann::json::parse(news::to_json(d, indent));
        CHECK(j["source"] == "samples/barkhane/article-en.txt");
        CHECK(j["language"] == "en");
        CHECK(j["date"] == "2022-02-17");
        REQUIRE(j["toponyms"].is_array());
        REQUIRE_FALSE(j["toponyms"].empty());
        for (const auto& t : j["toponyms"]) {
            const auto start = t["start"].get<std::size_t>(), end = t["end"].get<std::size_t>();
            CHECK(text.substr(start, end - start) == t["text"].get<std::string>());
            CHECK((t["role"].is_null() || t["role"] == "location" || t["role"] == "actor"));
            CHECK(t["demonym"].is_boolean());
            if (!t["place"].is_null()) {
                CHECK(t["place"]["id"].is_string());
                CHECK(t["place"]["lat"].is_number());
                CHECK(t["place"]["lon"].is_number());
                const std::string kind = t["place"]["kind"];
                CHECK(geo::place_kind_from_string(kind).has_value());
            }
        }
        REQUIRE_FALSE(j["events"].empty());
        for (const auto& e : j["events"]) {
            CHECK(geo::event_type_from_string(e["type"].get<std::string>()).has_value());
            CHECK(e["evidence"]["start"].get<std::size_t>() < e["evidence"]["end"].get<std::size_t>());
            CHECK(e["sources"].size() == 1);
            for (const auto& p : e["places"])
                CHECK((p["role"] == "origin" || p["role"] == "destination" || p["role"] == "location"));
        }
    }
    // One line for JSON Lines.
    CHECK(news::to_json(d, -1).find('\n') == std::string::npos);
}

TEST_CASE("JSON strings are escaped", "[news][output]") {
    news::Document d;
    d.source = "dir/\"quoted\"\\name\n.txt";
    d.language = "fr";
    const auto j = nlohmann::json::parse(news::to_json(d));
    CHECK(j["source"] == d.source);
    CHECK(j["date"].is_null());
    CHECK(j["toponyms"].empty());
}

TEST_CASE("several documents make a JSON array", "[news][output]") {
    std::vector<news::Document> docs{read("Le Mali."), read("The Niger.")};
    const auto j = nlohmann::json::parse(news::to_json(docs));
    REQUIRE(j.is_array());
    CHECK(j.size() == 2);
}

TEST_CASE("the text summary lists places and events for a person", "[news][output]") {
    const auto d = read(slurp(std::filesystem::path(GEOEVENTS_SOURCE_DIR) / "samples/barkhane/article-fr.txt"), "");
    const std::string t = news::to_text(d);
    CHECK(t.find("Mali") != std::string::npos);
    CHECK(t.find("withdrawal") != std::string::npos);
    CHECK(t.find("Places") != std::string::npos);
}
