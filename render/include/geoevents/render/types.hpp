#pragma once
// Plain 2-D value types of the scene: pixel positions and boxes.
// Pixel space: origin at the top-left corner of the image, x to the right,
// y downwards, in logical pixels (a PNG at --scale 2 has twice as many
// device pixels for the same layout).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

namespace geoevents::render {

struct Point {
    double x = 0, y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

struct Size {
    double w = 0, h = 0;
};

/// An axis-aligned box; REQUIRES x0 <= x1 and y0 <= y1.
struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

    double width() const noexcept { return x1 - x0; }
    double height() const noexcept { return y1 - y0; }
    /// Interiors overlap (boxes that only touch do not).
    bool overlaps(const Box& o) const noexcept { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    bool contains(const Box& o) const noexcept { return x0 <= o.x0 && o.x1 <= x1 && y0 <= o.y0 && o.y1 <= y1; }
    bool contains(Point p) const noexcept { return x0 <= p.x && p.x <= x1 && y0 <= p.y && p.y <= y1; }
    Box grown(double d) const noexcept { return {x0 - d, y0 - d, x1 + d, y1 + d}; }
    friend bool operator==(const Box&, const Box&) = default;
};

/// sRGB colour with straight (not premultiplied) alpha.
struct Color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    friend bool operator==(const Color&, const Color&) = default;
};

/// "#rrggbb" or "#rrggbbaa" (hex digits of either case); nullopt otherwise.
std::optional<Color> parse_color(std::string_view text) noexcept;

} // namespace geoevents::render
