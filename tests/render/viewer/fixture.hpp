#pragma once
// Shared by the viewer tests: the reference story (French forces leaving
// Mali for Niger, tests/geo/story_fixture.hpp) as project layers, and the
// basemap built by the set-up (.cache/basemap.bin).
#include <cstdlib>
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

inline std::int64_t utc(const char* text) { return *geoevents::render::parse_utc(text); }

} // namespace viewer_test
