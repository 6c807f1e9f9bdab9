#pragma once
// The basemap and the text shaper, opened once for all render tests.
#include "geoevents/render/basemap.hpp"
#include "geoevents/render/text.hpp"

struct RenderFixture {
    geoevents::render::Basemap basemap = geoevents::render::Basemap::open_default();
    geoevents::render::PangoShaper shaper;
};

inline const RenderFixture& fixture() {
    static const RenderFixture f;
    return f;
}
