#include <catch2/catch.hpp>

#include "geoevents/viewer/picker.hpp"

using namespace geoevents;
using namespace geoevents::viewer;

namespace {

render::Item marker(render::Point at, std::size_t row) {
    render::MarkerItem m;
    m.at = at;
    m.size = 10;
    return {m, {"events", row}, {}, "event:conflict", false};
}

} // namespace

TEST_CASE("picking finds the features under a pixel, topmost first", "[viewer][pick]") {
    render::Scene s;
    s.width = 400;
    s.height = 300;
    render::SceneLayer lines{"movements", render::LayerRole::story, {}};
    render::ArrowItem a;
    a.path = {{10, 100}, {300, 100}};
    a.stroke.width = 4;
    lines.items.push_back({a, {"movements", 7}, {}, "movement:withdrawal", false});
    render::SceneLayer events{"events", render::LayerRole::story, {}};
    events.items.push_back(marker({100, 100}, 0));
    events.items.push_back(marker({104, 100}, 1));
    events.items.push_back(marker({200, 200}, 2));
    events.items.push_back({render::MarkerItem{{50, 50}, render::MarkerShape::circle, 10, {}, {}}, {}, {}, {}, false});  // no feature
    s.layers = {lines, events};
    const Picker p(s);
    CHECK(p.size() == 4);

    const auto here = p.at({102, 101});
    REQUIRE(here.size() == 3);
    CHECK(here[0] == ItemId{1, 1});  // the later marker is drawn on top
    CHECK(here[1] == ItemId{1, 0});
    CHECK(here[2] == ItemId{0, 0});  // the movement under them
    CHECK(p.at({250, 102}) == std::vector<ItemId>{{0, 0}});
    CHECK(p.at({250, 110}).empty());  // beyond the line's half-width and the tolerance
    CHECK(p.at({50, 50}).empty());    // an item without a feature is not picked
    CHECK(p.at({207, 200}) == std::vector<ItemId>{{1, 2}});
    CHECK(p.at({209, 200}).empty());
}
