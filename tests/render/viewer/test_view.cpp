#include <catch2/catch.hpp>

#include "geoevents/viewer/view.hpp"

using namespace geoevents;
using geoevents::viewer::MapView;

TEST_CASE("zooming at the cursor keeps the point under the cursor", "[viewer][view]") {
    MapView v({0, 60, 1280, 740}, {-1e6, -5e5, 1e6, 5e5});
    const render::Point cursor{301, 422};
    const render::XY before = v.to_projected(cursor);
    v.zoom(1.25, cursor);
    v.zoom(3, cursor);
    v.zoom(0.1, cursor);
    const render::XY after = v.to_projected(cursor);
    CHECK(after.x == Approx(before.x).margin(1e-6));
    CHECK(after.y == Approx(before.y).margin(1e-6));
}

TEST_CASE("a view shows its frame; pan follows the pointer", "[viewer][view]") {
    const render::Box frame{-1e6, -5e5, 1e6, 5e5};
    MapView v({0, 60, 1280, 740}, frame);
    // The frame fits: its wider side fills the box.
    const render::Point left = v.to_pixel({frame.x0, 0}), right = v.to_pixel({frame.x1, 0});
    CHECK(left.x == Approx(0));
    CHECK(right.x == Approx(1280));
    CHECK(left.y == Approx(400));
    const render::XY under = v.to_projected({500, 300});
    v.pan(40, -25);
    const render::Point moved = v.to_pixel(under);
    CHECK(moved.x == Approx(540));
    CHECK(moved.y == Approx(275));
    // frame() round-trips.
    const MapView again(v.map_box(), v.frame());
    CHECK(again.scale() == Approx(v.scale()));
    CHECK(again.centre().x == Approx(v.centre().x));
}

TEST_CASE("zoom stays within its limits", "[viewer][view]") {
    MapView v({0, 0, 800, 600}, {0, 0, 800, 600});
    v.set_limits(0.5, 4);
    v.zoom(100, {400, 300});
    CHECK(v.scale() == 4);
    v.zoom(1e-6, {400, 300});
    CHECK(v.scale() == 0.5);
}
