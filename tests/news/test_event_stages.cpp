// The stages of event reading that work on drafts alone
// (news/src/events/events.hpp), run on drafts built here: no article, no
// gazetteer. Places are made up with real ids and countries.
#include <catch2/catch.hpp>

#include "events/events.hpp"

namespace {

using namespace geoevents;
using geoevents::news::detail::Draft;

geo::Place country(const char* cc, const char* name) {
    geo::Place p;
    p.id = std::string("ne:") + cc;
    p.name = name;
    p.country = cc;
    p.kind = geo::PlaceKind::country;
    return p;
}

Draft draft(geo::EventType type, std::size_t sentence, std::vector<geo::EventPlace> places,
            geo::EventStatus status = geo::EventStatus::happened) {
    Draft d;
    d.event.type = type;
    d.event.status = status;
    d.event.places = std::move(places);
    d.event.when = *geo::time_span_from_iso("2022-02-17");
    d.sentence = sentence;
    return d;
}

} // namespace

TEST_CASE("a redeployment with only a destination starts where the withdrawal before it left", "[events][stages]") {
    const geo::Place mali = country("ML", "Mali"), niger = country("NE", "Niger");
    SECTION("in the next sentence: stated") {
        std::vector<Draft> d;
        d.push_back(draft(geo::EventType::withdrawal, 0, {{mali, geo::PlaceRole::origin}}));
        d.push_back(draft(geo::EventType::redeployment, 1, {{niger, geo::PlaceRole::destination}}));
        news::detail::link_redeployments(d);
        REQUIRE(d[1].event.places.size() == 2);
        CHECK(d[1].event.places[0].place.id == "ne:ML");
        CHECK(d[1].event.places[0].role == geo::PlaceRole::origin);
        CHECK_FALSE(d[1].event.places[0].inferred);
    }
    SECTION("further back: inferred, with its rule") {
        std::vector<Draft> d;
        d.push_back(draft(geo::EventType::withdrawal, 0, {{mali, geo::PlaceRole::origin}}));
        d.push_back(draft(geo::EventType::redeployment, 4, {{niger, geo::PlaceRole::destination}}));
        news::detail::link_redeployments(d);
        REQUIRE(d[1].event.places.size() == 2);
        CHECK(d[1].event.places[0].inferred);
        CHECK(d[1].event.places[0].origin_rule == "earlier_withdrawal");
    }
    SECTION("a denied withdrawal is no origin") {
        std::vector<Draft> d;
        d.push_back(draft(geo::EventType::withdrawal, 0, {{mali, geo::PlaceRole::origin}}, geo::EventStatus::denied));
        d.push_back(draft(geo::EventType::redeployment, 1, {{niger, geo::PlaceRole::destination}}));
        news::detail::link_redeployments(d);
        CHECK(d[1].event.places.size() == 1);
    }
}

TEST_CASE("repeats of an event in one article are merged, a denial is not a repeat", "[events][stages]") {
    const geo::Place mali = country("ML", "Mali");
    geo::Place gao;
    gao.id = "gn:2457163";
    gao.name = "Gao";
    gao.country = "ML";
    gao.kind = geo::PlaceKind::city;
    std::vector<Draft> d;
    d.push_back(draft(geo::EventType::attack, 0, {{gao, geo::PlaceRole::location}}));
    d.push_back(draft(geo::EventType::attack, 2, {{mali, geo::PlaceRole::location}}));  // Gao lies in Mali
    d.push_back(draft(geo::EventType::attack, 3, {{gao, geo::PlaceRole::location}}, geo::EventStatus::denied));
    d.push_back(draft(geo::EventType::protest, 3, {{gao, geo::PlaceRole::location}}));
    const auto merged = news::detail::merge_repeats(std::move(d));
    REQUIRE(merged.size() == 3);
    CHECK(merged[0].event.places.size() == 2);
    CHECK(merged[1].event.status == geo::EventStatus::denied);
    CHECK(merged[2].event.type == geo::EventType::protest);
}
