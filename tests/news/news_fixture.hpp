#pragma once
// What the news tests share: the gazetteer (GEOEVENTS_INDEX, set by ctest),
// the lexicons (built-in path or GEOEVENTS_LEXICONS) and one reader, loaded
// once per test program; helpers to read a text and find its toponyms.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/news/news.hpp"

namespace news_test {

using namespace geoevents;

struct Env {
    gazetteer::Gazetteer gz = gazetteer::Gazetteer::open_default();
    news::Lexicons lex = news::Lexicons::load_default();
    news::Reader reader{gz, lex};
};

inline Env& env() {
    static Env e;
    return e;
}

/// Reads `text` as an article; `date` forces the reference date ("" = none given).
inline news::Document read(std::string_view text, std::string_view date = "2022-02-17", std::string_view lang = "",
                           std::string_view source = "test") {
    news::ReadOptions o;
    o.source = std::string(source);
    o.lang = std::string(lang);
    if (!date.empty()) o.date = news::ReferenceDate::parse(date);
    return env().reader.read(text, o);
}

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    REQUIRE(in);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::filesystem::path data(std::string_view name) {
    return std::filesystem::path(GEOEVENTS_SOURCE_DIR) / "tests" / "news" / "data" / std::string(name);
}

/// The n-th toponym whose text is exactly `text`, or nullptr.
inline const news::Toponym* find(const news::Document& d, std::string_view text, int nth = 0) {
    for (const auto& t : d.toponyms)
        if (t.text == text && nth-- == 0) return &t;
    return nullptr;
}

/// True when no toponym overlaps the first occurrence of `needle` in `text`.
inline bool not_a_place(const news::Document& d, std::string_view text, std::string_view needle) {
    const auto pos = text.find(needle);
    REQUIRE(pos != std::string_view::npos);
    for (const auto& t : d.toponyms)
        if (t.start < pos + needle.size() && pos < t.end && !t.demonym) return false;
    return true;
}

inline std::vector<const geo::Event*> events_of(const news::Document& d, geo::EventType type) {
    std::vector<const geo::Event*> out;
    for (const auto& e : d.events)
        if (e.type == type) out.push_back(&e);
    return out;
}

inline bool has_place(const geo::Event& e, std::string_view country_or_id, geo::PlaceRole role) {
    for (const auto& p : e.places)
        if ((p.place.country == country_or_id || p.place.id == country_or_id) && p.role == role) return true;
    return false;
}

} // namespace news_test
