#include <catch2/catch.hpp>

#include "geoevents/render/types.hpp"

using namespace geoevents::render;

TEST_CASE("colours parse from #rrggbb and #rrggbbaa", "[render][style]") {
    CHECK(parse_color("#0072b2") == Color{0x00, 0x72, 0xb2, 255});
    CHECK(parse_color("#E69F0080") == Color{0xe6, 0x9f, 0x00, 0x80});
    CHECK_FALSE(parse_color("0072b2"));
    CHECK_FALSE(parse_color("#0072b"));
    CHECK_FALSE(parse_color("#00zz00"));
}

TEST_CASE("boxes overlap only when their interiors do", "[render]") {
    const Box a{0, 0, 10, 10};
    CHECK(a.overlaps({5, 5, 15, 15}));
    CHECK_FALSE(a.overlaps({10, 0, 20, 10}));  // touching edges
    CHECK(a.contains(Box{1, 1, 9, 9}));
    CHECK_FALSE(a.contains(Box{1, 1, 11, 9}));
}
