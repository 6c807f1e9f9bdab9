#include <catch2/catch.hpp>

#include <cstdint>

#include "geoevents/viewer/clock.hpp"

using namespace geoevents;
using namespace geoevents::viewer;

TEST_CASE("a point event is visible for the documented span, then fades", "[viewer][time]") {
    const TimeRules rules = rules_for(0, 20 * 86400);  // a 20-day story
    CHECK(rules.point_span == 86400);                  // 1/20 of the span
    const render::TimeSpan point{10 * 86400, 10 * 86400};
    CHECK(presence(point, 10 * 86400 - 1, rules).alpha == 0);
    const Presence start = presence(point, 10 * 86400, rules);
    CHECK(start.alpha == 1);
    CHECK(start.active);
    CHECK(start.progress == 0);
    CHECK(presence(point, 10 * 86400 + 43200, rules).progress == Approx(0.5));
    CHECK(presence(point, 11 * 86400, rules).progress == 1);
    // Fading after the end: cumulative keeps it faded, otherwise it goes.
    const Presence later = presence(point, 13 * 86400, rules);
    CHECK(later.alpha == Approx(0.4));
    CHECK_FALSE(later.active);
    TimeRules gone = rules;
    gone.cumulative = false;
    CHECK(presence(point, 11 * 86400 + 43200, gone).alpha == Approx(0.5));
    CHECK(presence(point, 13 * 86400, gone).alpha == 0);
    CHECK(presence(render::TimeSpan{}, 0, rules).alpha == 1);  // undated: always there
}

TEST_CASE("times far from 1970 keep second precision (64-bit, never floats)", "[viewer][time]") {
    // 2200-01-01 and one second later: a float would merge them.
    const std::int64_t t0 = 7258118400;
    Clock c(t0, t0 + 10, {t0 + 1, t0 + 2});
    c.set(t0 + 1);
    CHECK(c.now() == t0 + 1);
    c.step_next();
    CHECK(c.now() == t0 + 2);
    CHECK(frame_time(t0, t0 + 10, 1, 11) == t0 + 1);
}

TEST_CASE("play, pause, loop and speed move the clock as documented", "[viewer][time]") {
    Clock c(1000, 1000 + 2000, {1500, 1200, 2500}, 20);  // 2000 s of story in 20 s: 100 story s per s
    CHECK(c.rate() == Approx(100));
    c.advance(1);
    CHECK(c.now() == 1000);  // paused: nothing moves
    c.toggle();
    REQUIRE(c.playing());
    c.advance(1);
    CHECK(c.now() == 1100);
    c.faster();
    c.advance(0.5);
    CHECK(c.now() == 1200);
    c.set_speed(1e9);
    CHECK(c.speed() == Clock::max_speed);
    c.set_speed(0);
    CHECK(c.speed() == Clock::min_speed);
    // Very slow: fractions of a story second accumulate.
    c.set(1200);
    for (int i = 0; i < 15; ++i) c.advance(0.1);  // 1.5 real seconds at 0.01 × 100: 1.5 story seconds
    CHECK(c.now() == 1201);
    // Looping wraps to the beginning; without a loop it stops at the end.
    c.set_speed(1);
    c.set(2990);
    c.advance(1);
    CHECK(c.now() == 1000);
    CHECK(c.playing());
    c.loop = false;
    c.set(2990);
    c.advance(1);
    CHECK(c.now() == 3000);
    CHECK_FALSE(c.playing());
    c.play();  // from the end, play starts again
    CHECK(c.now() == 1000);
}

TEST_CASE("stepping goes from event start to event start", "[viewer][time]") {
    Clock c(1000, 3000, {1500, 1200, 2500, 1200});
    c.play();
    c.step_next();
    CHECK_FALSE(c.playing());
    CHECK(c.now() == 1200);
    c.step_next();
    CHECK(c.now() == 1500);
    c.step_next();
    CHECK(c.now() == 2500);
    c.step_next();
    CHECK(c.now() == 3000);
    c.step_previous();
    CHECK(c.now() == 2500);
    c.set(1300);
    c.step_previous();
    CHECK(c.now() == 1200);
    c.step_previous();
    CHECK(c.now() == 1000);
}

TEST_CASE("recorded frames are spread evenly from the first to the last time", "[viewer][time]") {
    CHECK(frame_time(0, 600, 0, 601) == 0);
    CHECK(frame_time(0, 600, 600, 601) == 600);
    CHECK(frame_time(0, 600, 300, 601) == 300);
    CHECK(frame_time(0, 1, 1, 3) == 0);
    CHECK(frame_time(100, 100, 0, 1) == 100);
}

TEST_CASE("the time line's date ticks fall on calendar boundaries, as many as fit", "[viewer][time]") {
    const std::int64_t day = 86400;
    const std::int64_t feb1 = 19024 * day;  // 2022-02-01 00:00 UTC
    // Ten days with room for 12 ticks: one per day, the first at the first midnight.
    const auto daily = date_ticks(feb1 + 3600, feb1 + 10 * day, 12, "en");
    REQUIRE(daily.size() == 10);
    CHECK(daily.front().t == feb1 + day);
    CHECK(daily.front().label == "2 Feb");
    CHECK(daily.back().label == "11 Feb");
    // Room for 3 only: weeks, on Mondays (2022-02-07 and 2022-02-14 were Mondays).
    const auto weekly = date_ticks(feb1, feb1 + 19 * day, 3, "fr");
    REQUIRE(weekly.size() == 2);
    CHECK(weekly[0].t == feb1 + 6 * day);
    CHECK(weekly[0].label == "7 févr.");
    // Two years: months, quarters, then years as the room shrinks.
    const std::int64_t two_years = 730 * day;
    const auto quarters = date_ticks(feb1, feb1 + two_years, 10, "en");
    REQUIRE_FALSE(quarters.empty());
    CHECK(quarters.front().label == "Apr 2022");
    CHECK(quarters.size() == 8);
    const auto years = date_ticks(feb1, feb1 + two_years, 2, "fr");
    REQUIRE(years.size() == 2);
    CHECK(years[0].label == "2023");
    CHECK(years[1].label == "2024");
    CHECK(date_ticks(feb1, feb1 - 1, 10, "en").empty());
}
