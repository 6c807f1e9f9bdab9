#pragma once
// Pixel-space geometry for the scene (private to render/): clipping to a
// box, simplification, bending a path, lengths.
#include <vector>

#include "geoevents/render/types.hpp"

namespace geoevents::render::detail {

using Path = std::vector<Point>;

/// The part of a closed ring inside `box` (Sutherland–Hodgman): a ring that
/// may run along the box's edges, fine for filling; empty when nothing is inside.
Path clip_ring(const Path& ring, const Box& box);

/// The parts of an open polyline inside `box` (Liang–Barsky per segment).
std::vector<Path> clip_line(const Path& line, const Box& box);

/// Douglas–Peucker with `tolerance` px; keeps the end points. Rings keep
/// at least 4 points or become empty.
Path simplify(const Path& path, double tolerance, bool ring);

double length(const Path& path);
Box bounds(const Path& path);

/// Bends a path sideways: each vertex moves along the chord's normal by
/// offset · sin(π · t), t its fraction of the length (0 at both ends), so
/// movements that share end points are drawn apart.
Path bend(const Path& path, double offset);

/// The path cut `from_start` px after its start and `from_end` px before its end.
Path trim(const Path& path, double from_start, double from_end);

/// The first `fraction` (0..1) of the path's length.
Path partial(const Path& path, double fraction);

} // namespace geoevents::render::detail
