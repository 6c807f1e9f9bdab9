#include "geoevents/render/shapes.hpp"

#include <cmath>

#include "pixel_geometry.hpp"

namespace geoevents::render {

std::vector<Point> marker_outline(MarkerShape shape, Point c, double size) {
    const double r = size / 2;
    std::vector<Point> out;
    auto polygon = [&](int n, double radius, double start_deg) {
        for (int i = 0; i < n; ++i) {
            const double a = (start_deg + 360.0 * i / n) * M_PI / 180;
            out.push_back({c.x + radius * std::cos(a), c.y + radius * std::sin(a)});
        }
    };
    switch (shape) {
    case MarkerShape::circle: polygon(32, r, 0); break;
    case MarkerShape::square: polygon(4, r * 0.92 * std::sqrt(2.0), 45); break;
    // The triangle's centroid sits a third of its height down, so it is
    // drawn with a slightly larger radius to look as big as the others.
    case MarkerShape::triangle: polygon(3, r * 1.15, -90); break;
    case MarkerShape::diamond: polygon(4, r * 1.1, -90); break;
    case MarkerShape::star:
        for (int i = 0; i < 10; ++i) {
            const double a = (-90 + 36.0 * i) * M_PI / 180;
            const double radius = (i % 2 == 0) ? r * 1.15 : r * 0.5;
            out.push_back({c.x + radius * std::cos(a), c.y + radius * std::sin(a)});
        }
        break;
    case MarkerShape::cross: {
        // A thick X: twelve corners.
        const double t = r * 0.32, e = r * 0.95;
        const Point pts[12] = {{0, -t}, {e - t, -e}, {e, -e + t}, {t, 0}, {e, e - t}, {e - t, e},
                               {0, t}, {-e + t, e}, {-e, e - t}, {-t, 0}, {-e, -e + t}, {-e + t, -e}};
        for (const Point& p : pts) out.push_back({c.x + p.x, c.y + p.y});
        break;
    }
    }
    out.push_back(out.front());
    return out;
}

ArrowShape arrow_shape(const ArrowItem& a) {
    ArrowShape s;
    if (a.path.size() < 2) return s;
    const Point tip = a.path.back();
    // The direction of the head: from the point head_length back along the path.
    const double total = detail::length(a.path);
    const double back = std::min(a.head_length, total);
    const std::vector<Point> head_part = detail::partial(a.path, total > 0 ? (total - back) / total : 0);
    const Point base_c = head_part.back();
    double dx = tip.x - base_c.x, dy = tip.y - base_c.y;
    const double l = std::hypot(dx, dy);
    if (l == 0) {
        s.shaft = a.path;
        s.head = {tip, tip, tip};
        return s;
    }
    dx /= l;
    dy /= l;
    const Point base{tip.x - dx * a.head_length, tip.y - dy * a.head_length};
    const double hw = a.head_width / 2;
    s.head = {tip, Point{base.x - dy * hw, base.y + dx * hw}, Point{base.x + dy * hw, base.y - dx * hw}};
    // The shaft stops inside the head (not at its tip) so its end never pokes through.
    s.shaft = detail::partial(a.path, total > 0 ? std::max(0.0, (total - a.head_length * 0.7) / total) : 0);
    return s;
}

std::vector<Point> partial_path(const std::vector<Point>& path, double fraction) { return detail::partial(path, fraction); }

} // namespace geoevents::render
