// Hover picking (picker.hpp): an R-tree of item boxes, then exact distances.
#include "geoevents/viewer/picker.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <variant>

#include "geoevents/render/shapes.hpp"
#include "overloaded.hpp"

namespace geoevents::viewer {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BBox = bg::model::box<BPoint>;
using Entry = std::pair<BBox, std::size_t>;

using detail::overloaded;

render::Box grow(render::Box b, render::Point p) {
    return {std::min(b.x0, p.x), std::min(b.y0, p.y), std::max(b.x1, p.x), std::max(b.y1, p.y)};
}

render::Box bounds_of(const render::Shape& s) {
    constexpr double inf = 1e300;
    render::Box b{inf, inf, -inf, -inf};
    std::visit(overloaded{
                   [&](const render::PolygonItem& p) {
                       for (const auto& r : p.rings)
                           for (auto q : r) b = grow(b, q);
                   },
                   [&](const render::LineItem& l) {
                       for (const auto& r : l.parts)
                           for (auto q : r) b = grow(b, q);
                       b = b.grown(l.stroke.width / 2);
                   },
                   [&](const render::ArrowItem& a) {
                       for (auto q : a.path) b = grow(b, q);
                       b = b.grown(std::max(a.stroke.width, a.head_width) / 2);
                   },
                   [&](const render::MarkerItem& m) { b = render::Box{m.at.x, m.at.y, m.at.x, m.at.y}.grown(m.size / 2); },
                   [&](const render::CircleItem& c) { b = render::Box{c.center.x, c.center.y, c.center.x, c.center.y}.grown(c.radius); },
                   [&](const render::TextItem& t) { b = t.box; },
               },
               s);
    return b;
}

double segment_distance(render::Point p, render::Point a, render::Point b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

double polyline_distance(render::Point p, const std::vector<render::Point>& pts) {
    double d = 1e300;
    for (std::size_t i = 1; i < pts.size(); ++i) d = std::min(d, segment_distance(p, pts[i - 1], pts[i]));
    if (pts.size() == 1) d = std::hypot(p.x - pts[0].x, p.y - pts[0].y);
    return d;
}

// Even-odd rule, as the areas are filled.
bool inside_rings(render::Point p, const std::vector<std::vector<render::Point>>& rings) {
    bool in = false;
    for (const auto& r : rings)
        for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
            if ((r[i].y > p.y) != (r[j].y > p.y) && p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x) in = !in;
    return in;
}

// Distance in pixels from p to what the shape draws (0 inside a filled shape).
double distance(render::Point p, const render::Shape& s) {
    return std::visit(overloaded{
                          [&](const render::PolygonItem& poly) {
                              if (inside_rings(p, poly.rings)) return 0.0;
                              double d = 1e300;
                              for (const auto& r : poly.rings) d = std::min(d, polyline_distance(p, r));
                              return d;
                          },
                          [&](const render::LineItem& l) {
                              double d = 1e300;
                              for (const auto& part : l.parts) d = std::min(d, polyline_distance(p, part));
                              return std::max(0.0, d - l.stroke.width / 2);
                          },
                          [&](const render::ArrowItem& a) {
                              return std::max(0.0, polyline_distance(p, a.path) - std::max(a.stroke.width, a.head_width) / 2);
                          },
                          [&](const render::MarkerItem& m) {
                              return std::max(0.0, std::hypot(p.x - m.at.x, p.y - m.at.y) - m.size / 2);
                          },
                          [&](const render::CircleItem& c) {
                              const double d = std::hypot(p.x - c.center.x, p.y - c.center.y);
                              return c.fill.pattern != render::Pattern::none ? std::max(0.0, d - c.radius) : std::abs(d - c.radius);
                          },
                          [&](const render::TextItem& t) { return t.box.contains(p) ? 0.0 : 1e300; },
                      },
                      s);
}

} // namespace

struct Picker::Impl {
    const render::Scene* scene = nullptr;
    bgi::rtree<Entry, bgi::rstar<16>> tree;
    std::vector<ItemId> ids;
};

Picker::Picker() : m_impl(std::make_unique<Impl>()) {}

Picker::Picker(const render::Scene& scene) : m_impl(std::make_unique<Impl>()) {
    m_impl->scene = &scene;
    std::vector<Entry> entries;
    for (std::size_t l = 0; l < scene.layers.size(); ++l)
        for (std::size_t i = 0; i < scene.layers[l].items.size(); ++i) {
            const auto& item = scene.layers[l].items[i];
            if (item.feature.layer.empty()) continue;
            const render::Box b = bounds_of(item.shape);
            if (!(b.x0 <= b.x1 && b.y0 <= b.y1)) continue;
            entries.emplace_back(BBox{{b.x0, b.y0}, {b.x1, b.y1}}, m_impl->ids.size());
            m_impl->ids.push_back({l, i});
        }
    // Bulk loading (packing) gives a better tree than one insert at a time.
    m_impl->tree = bgi::rtree<Entry, bgi::rstar<16>>(entries.begin(), entries.end());
}

Picker::~Picker() = default;
Picker::Picker(Picker&&) noexcept = default;
Picker& Picker::operator=(Picker&&) noexcept = default;

std::size_t Picker::size() const noexcept { return m_impl->ids.size(); }

std::vector<ItemId> Picker::at(render::Point p, double tolerance) const {
    std::vector<ItemId> out;
    if (!m_impl->scene) return out;
    std::vector<Entry> found;
    const BBox q{{p.x - tolerance, p.y - tolerance}, {p.x + tolerance, p.y + tolerance}};
    m_impl->tree.query(bgi::intersects(q), std::back_inserter(found));
    for (const auto& [box, n] : found) {
        const ItemId id = m_impl->ids[n];
        if (distance(p, m_impl->scene->layers[id.layer].items[id.item].shape) <= tolerance) out.push_back(id);
    }
    std::sort(out.begin(), out.end(), [](const ItemId& a, const ItemId& b) {
        return a.layer != b.layer ? a.layer > b.layer : a.item > b.item;
    });
    return out;
}

} // namespace geoevents::viewer
