#pragma once
// Shared by the viewer tests: the reference story (French forces leaving
// Mali for Niger, tests/geo/story_fixture.hpp) as project layers, and the
// basemap built by the set-up (.cache/basemap.bin).
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "geo/story_fixture.hpp"
#include "geoevents/geo/layers.hpp"
#include "geoevents/render/basemap.hpp"
#include "geoevents/render/build.hpp"

namespace viewer_test {

inline const geoevents::geo::Project& story_project() {
    static const geoevents::geo::Project p = geoevents::geo::build_layers(story::input());
    return p;
}

inline const geoevents::render::Basemap& basemap() {
    static const geoevents::render::Basemap b = geoevents::render::Basemap::open(GEOEVENTS_SOURCE_DIR "/.cache/basemap.bin");
    return b;
}

/// The reference story plus `n` events spread over February 2022 among 400
/// towns of West Africa; one in ten is a withdrawal between two towns.
inline geoevents::geo::Project synthetic_story(std::size_t n) {
    using namespace geoevents;
    geo::LayerInput in = story::input();
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> lon(-12, 12), lat(6, 20);
    std::uniform_int_distribution<int> day(1, 28), hour(0, 23);
    std::vector<geo::Place> towns;
    for (int i = 0; i < 400; ++i) {
        towns.push_back(story::place("synthetic:" + std::to_string(i), "Town " + std::to_string(i), geo::PlaceKind::city, "ML",
                                     {lon(rng), lat(rng)}));
        in.places.push_back({towns.back(), 1, {"articles/synthetic.txt"}, 1, 0, {}, {}});
    }
    std::uniform_int_distribution<std::size_t> pick(0, towns.size() - 1);
    for (std::size_t i = 0; i < n; ++i) {
        char d[16], t[8];
        std::snprintf(d, sizeof d, "2022-02-%02d", day(rng));
        std::snprintf(t, sizeof t, "%02d:00", hour(rng));
        if (i % 10 == 0)
            in.events.push_back(story::event("s" + std::to_string(i), geo::EventType::withdrawal, story::day(d, t), {"Barkhane"},
                                             {{towns[pick(rng)], geo::PlaceRole::origin}, {towns[pick(rng)], geo::PlaceRole::destination}},
                                             "synthetic", {"articles/synthetic.txt"}, 0.8));
        else
            in.events.push_back(story::event("s" + std::to_string(i), geo::EventType::attack, story::day(d, t), {"EIGS"},
                                             {{towns[pick(rng)], geo::PlaceRole::location}}, "synthetic", {"articles/synthetic.txt"}, 0.7));
    }
    return geo::build_layers(in);
}

inline std::int64_t utc(const char* text) { return *geoevents::render::parse_utc(text); }

} // namespace viewer_test
