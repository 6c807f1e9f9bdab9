#include "pixel_geometry.hpp"

#include <algorithm>
#include <cmath>

namespace geoevents::render::detail {

Path clip_ring(const Path& ring, const Box& box) {
    if (ring.empty()) return {};
    const Box b = bounds(ring);
    if (box.contains(b)) return ring;
    if (!box.overlaps(b)) return {};
    Path out = ring;
    // Clip against each edge in turn: inside(p), intersection(a, b).
    auto edge = [&](auto inside, auto cross) {
        Path in = std::move(out);
        out.clear();
        if (in.empty()) return;
        Point prev = in.back();
        bool prev_in = inside(prev);
        for (const Point& p : in) {
            const bool now_in = inside(p);
            if (now_in != prev_in) out.push_back(cross(prev, p));
            if (now_in) out.push_back(p);
            prev = p;
            prev_in = now_in;
        }
    };
    auto at_x = [](Point a, Point c, double x) { return Point{x, a.y + (c.y - a.y) * (x - a.x) / (c.x - a.x)}; };
    auto at_y = [](Point a, Point c, double y) { return Point{a.x + (c.x - a.x) * (y - a.y) / (c.y - a.y), y}; };
    edge([&](Point p) { return p.x >= box.x0; }, [&](Point a, Point c) { return at_x(a, c, box.x0); });
    edge([&](Point p) { return p.x <= box.x1; }, [&](Point a, Point c) { return at_x(a, c, box.x1); });
    edge([&](Point p) { return p.y >= box.y0; }, [&](Point a, Point c) { return at_y(a, c, box.y0); });
    edge([&](Point p) { return p.y <= box.y1; }, [&](Point a, Point c) { return at_y(a, c, box.y1); });
    if (out.size() < 3) return {};
    if (!(out.front() == out.back())) out.push_back(out.front());
    return out;
}

std::vector<Path> clip_line(const Path& line, const Box& box) {
    std::vector<Path> parts;
    if (line.size() < 2) return parts;
    if (box.contains(bounds(line))) return {line};
    Path current;
    for (std::size_t i = 1; i < line.size(); ++i) {
        Point a = line[i - 1], c = line[i];
        // Liang–Barsky: the parameter range [t0, t1] of the segment inside the box.
        double t0 = 0, t1 = 1;
        const double dx = c.x - a.x, dy = c.y - a.y;
        const double p[4] = {-dx, dx, -dy, dy};
        const double q[4] = {a.x - box.x0, box.x1 - a.x, a.y - box.y0, box.y1 - a.y};
        bool visible = true;
        for (int k = 0; k < 4 && visible; ++k) {
            if (p[k] == 0) {
                if (q[k] < 0) visible = false;
            } else {
                const double t = q[k] / p[k];
                if (p[k] < 0) t0 = std::max(t0, t);
                else t1 = std::min(t1, t);
                if (t0 > t1) visible = false;
            }
        }
        if (!visible) {
            if (current.size() >= 2) parts.push_back(std::move(current));
            current.clear();
            continue;
        }
        const Point s{a.x + t0 * dx, a.y + t0 * dy}, e{a.x + t1 * dx, a.y + t1 * dy};
        if (current.empty() || t0 > 0) {
            if (current.size() >= 2) parts.push_back(std::move(current));
            current = {s};
        }
        current.push_back(e);
        if (t1 < 1) {
            if (current.size() >= 2) parts.push_back(std::move(current));
            current.clear();
        }
    }
    if (current.size() >= 2) parts.push_back(std::move(current));
    return parts;
}

namespace {
// The squared distance from p to the segment a–b, times the segment's
// squared length (`len2`, > 0): no division, so that Douglas–Peucker's scan,
// which compares the points of one chord with each other, costs a few
// multiplications a point (the simplification is most of a basemap's cost).
double scaled_segment_distance2(Point p, Point a, double dx, double dy, double len2) {
    const double px = p.x - a.x, py = p.y - a.y;
    const double dot = px * dx + py * dy;
    if (dot <= 0) return (px * px + py * py) * len2;
    if (dot >= len2) {
        const double qx = px - dx, qy = py - dy;
        return (qx * qx + qy * qy) * len2;
    }
    const double cross = px * dy - py * dx;
    return cross * cross;
}
} // namespace

Path simplify(const Path& path, double tolerance, bool ring) {
    if (path.size() <= 2) return ring ? Path{} : path;
    std::vector<char> keep(path.size(), 0);
    keep.front() = keep.back() = 1;
    const double tol2 = tolerance * tolerance;
    // Iterative Douglas–Peucker (an explicit stack: rings of 100,000 points
    // would overflow a recursive one).
    std::vector<std::pair<std::size_t, std::size_t>> stack{{0, path.size() - 1}};
    while (!stack.empty()) {
        const auto [i, j] = stack.back();
        stack.pop_back();
        const Point a = path[i];
        const double dx = path[j].x - a.x, dy = path[j].y - a.y;
        const double len2 = dx * dx + dy * dy;
        // Distances scaled by len2 (a degenerate chord: plain distances to a).
        const double scale = len2 > 0 ? len2 : 1;
        double worst = -1;
        std::size_t at = i;
        for (std::size_t k = i + 1; k < j; ++k) {
            const Point p = path[k];
            const double d = len2 > 0 ? scaled_segment_distance2(p, a, dx, dy, len2)
                                      : (p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y);
            if (d > worst) {
                worst = d;
                at = k;
            }
        }
        worst /= scale;
        // A closed ring's first and last points coincide: split it at its
        // farthest point even when the chord is degenerate.
        if (worst > tol2 || (i == 0 && j == path.size() - 1 && ring)) {
            if (at == i) continue;
            keep[at] = 1;
            stack.emplace_back(i, at);
            stack.emplace_back(at, j);
        }
    }
    Path out;
    for (std::size_t k = 0; k < path.size(); ++k)
        if (keep[k]) out.push_back(path[k]);
    if (ring && out.size() < 4) return {};
    return out;
}

double length(const Path& path) {
    double l = 0;
    for (std::size_t i = 1; i < path.size(); ++i) l += std::hypot(path[i].x - path[i - 1].x, path[i].y - path[i - 1].y);
    return l;
}

Box bounds(const Path& path) {
    Box b{INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (const Point& p : path) {
        b.x0 = std::min(b.x0, p.x);
        b.y0 = std::min(b.y0, p.y);
        b.x1 = std::max(b.x1, p.x);
        b.y1 = std::max(b.y1, p.y);
    }
    return b;
}

Path bend(const Path& path, double offset) {
    if (path.size() < 2 || offset == 0) return path;
    const Point a = path.front(), b = path.back();
    const double cl = std::hypot(b.x - a.x, b.y - a.y);
    if (cl == 0) return path;
    const Point normal{-(b.y - a.y) / cl, (b.x - a.x) / cl};
    // A straight path has too few vertices to bend smoothly: resample it
    // at equal steps along its length.
    const double total = length(path);
    const std::size_t n = std::max<std::size_t>(32, path.size());
    Path dense{path.front()};
    double done = 0;
    std::size_t seg = 1;
    for (std::size_t i = 1; i < n; ++i) {
        const double want = total * static_cast<double>(i) / static_cast<double>(n);
        double l = std::hypot(path[seg].x - path[seg - 1].x, path[seg].y - path[seg - 1].y);
        while (done + l < want && seg + 1 < path.size()) {
            done += l;
            ++seg;
            l = std::hypot(path[seg].x - path[seg - 1].x, path[seg].y - path[seg - 1].y);
        }
        const double t = l > 0 ? std::clamp((want - done) / l, 0.0, 1.0) : 0;
        dense.push_back({path[seg - 1].x + (path[seg].x - path[seg - 1].x) * t, path[seg - 1].y + (path[seg].y - path[seg - 1].y) * t});
    }
    dense.push_back(path.back());
    Path out;
    for (std::size_t i = 0; i < dense.size(); ++i) {
        const double t = static_cast<double>(i) / static_cast<double>(dense.size() - 1);
        const double s = offset * std::sin(M_PI * t);
        out.push_back({dense[i].x + normal.x * s, dense[i].y + normal.y * s});
    }
    return out;
}

Path partial(const Path& path, double fraction) {
    if (path.size() < 2) return path;
    fraction = std::clamp(fraction, 0.0, 1.0);
    const double want = length(path) * fraction;
    Path out{path.front()};
    double done = 0;
    for (std::size_t i = 1; i < path.size(); ++i) {
        const double seg = std::hypot(path[i].x - path[i - 1].x, path[i].y - path[i - 1].y);
        if (done + seg >= want) {
            const double t = seg > 0 ? (want - done) / seg : 0;
            out.push_back({path[i - 1].x + (path[i].x - path[i - 1].x) * t, path[i - 1].y + (path[i].y - path[i - 1].y) * t});
            return out;
        }
        done += seg;
        out.push_back(path[i]);
    }
    return out;
}

Path trim(const Path& path, double from_start, double from_end) {
    const double total = length(path);
    if (total <= from_start + from_end + 1) return {};
    // Reverse, cut, reverse: one cutting routine for both ends.
    Path head = partial(path, (total - from_end) / total);
    std::reverse(head.begin(), head.end());
    const double l = length(head);
    Path both = partial(head, (l - from_start) / l);
    std::reverse(both.begin(), both.end());
    return both;
}

} // namespace geoevents::render::detail
