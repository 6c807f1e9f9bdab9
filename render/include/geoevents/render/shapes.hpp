#pragma once
// The geometry every backend draws the same way: marker outlines, arrow
// shafts and heads, partial paths. (Pattern fills are tiles: cairo_backend.cpp,
// svg_writer.cpp.) Backends call these instead of drawing their
// own shapes, so a PNG, an SVG and a viewer frame show the same marks.
#include <array>
#include <vector>

#include "geoevents/render/scene.hpp"

namespace geoevents::render {

/// The closed outline of a marker (circles as a 32-gon) centred on `at`,
/// `size` px across. For a cross, the outline of a thick X.
std::vector<Point> marker_outline(MarkerShape shape, Point at, double size);

struct ArrowShape {
    std::vector<Point> shaft;   ///< the path up to the head's base
    std::array<Point, 3> head;  ///< tip, then the two base corners
};

/// The shaft and head of an arrow: the head's tip on the path's last point,
/// pointing along the path's last `head_length` px.
ArrowShape arrow_shape(const ArrowItem& arrow);

/// The first `fraction` (0 to 1) of a path's length: a movement drawn as it
/// progresses.
std::vector<Point> partial_path(const std::vector<Point>& path, double fraction);

} // namespace geoevents::render
