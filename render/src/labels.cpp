// Label placement: costed candidates around each anchor, collisions tested in
// a Boost.Geometry R-tree, greedy by priority then a bounded local search.
// See labels.hpp for the contract and docs/labels.md for the reasoning.
#include "geoevents/render/labels.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <numeric>
#include <stdexcept>
#include <utility>

// rtree.hpp relies on the algorithms and strategies the umbrella header brings in.
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>

namespace geoevents::render {

namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

/// Distances are compared with this slack so that a candidate built exactly at
/// `clearance + padding` from its anchor is not rejected by a rounding error.
constexpr double eps = 1e-6;

// ---------------------------------------------------------------------------
// Candidate positions.
//
// The order is the cartographic preference used by QGIS's "cartographic"
// point placement (after Imhof and Krygier & Wood): text reads best up and to
// the right of its point; to the left is second best; below-right and
// below-left come next because the text then hangs under the point; level with
// the point (right, left) comes after them because a label centred on the
// marker's height is easily read as naming the next feature along the line;
// straight above and below last, where the text is centred on the marker and
// its first letter no longer starts at the place.
// ---------------------------------------------------------------------------
struct Position {
    int dx, dy; // side of the anchor the box lies on (-1, 0, 1), y down
};
constexpr std::array<Position, label_positions> positions{{
    {1, -1},  // 0 top-right
    {-1, -1}, // 1 top-left
    {1, 1},   // 2 bottom-right
    {-1, 1},  // 3 bottom-left
    {1, 0},   // 4 right
    {-1, 0},  // 5 left
    {0, -1},  // 6 above
    {0, 1},   // 7 below
}};

/// Leader candidates sit on rings between the adjacent ring and
/// `leader_max`, about `leader_ring_step` px apart and at least three: enough
/// to step past a neighbour's label (14-20 px high) without trying positions
/// that differ by a pixel.
constexpr int min_leader_rings = 3;
constexpr double leader_ring_step = 30;

/// The local search displaces at most this many placed labels for one
/// candidate of a required label: beyond that the map around the place is so
/// full that moving labels only shuffles the problem, and the cost grows as
/// (candidates)^(displaced).
constexpr std::size_t max_displaced = 3;
/// Trial rearrangements per required label and round: bounds the search to a
/// few hundred collision tests per label whatever the density.
constexpr int max_trials = 16;

// ---------------------------------------------------------------------------
// Geometry in pixel space.
// ---------------------------------------------------------------------------
double distance(Point p, const Box& b) noexcept {
    const double dx = std::max({b.x0 - p.x, 0.0, p.x - b.x1});
    const double dy = std::max({b.y0 - p.y, 0.0, p.y - b.y1});
    return std::hypot(dx, dy);
}

double distance(Point p, Point a, Point b) noexcept {
    const double vx = b.x - a.x, vy = b.y - a.y;
    const double len2 = vx * vx + vy * vy;
    double t = len2 > 0 ? ((p.x - a.x) * vx + (p.y - a.y) * vy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * vx), p.y - (a.y + t * vy));
}

/// Segment a-b meets the closed box (Liang-Barsky clipping).
bool meets(Point a, Point b, const Box& box) noexcept {
    double t0 = 0, t1 = 1;
    const auto clip = [&](double p, double q) {
        if (p == 0) return q >= 0;
        const double r = q / p;
        if (p < 0) {
            if (r > t1) return false;
            t0 = std::max(t0, r);
        } else {
            if (r < t0) return false;
            t1 = std::min(t1, r);
        }
        return true;
    };
    const double dx = b.x - a.x, dy = b.y - a.y;
    return clip(-dx, a.x - box.x0) && clip(dx, box.x1 - a.x) && clip(-dy, a.y - box.y0) && clip(dy, box.y1 - a.y);
}

double distance(Point a, Point b, const Box& box) noexcept {
    if (meets(a, b, box)) return 0;
    // Disjoint convex sets: the closest pair involves an end of the segment or a corner of the box.
    double d = std::min(distance(a, box), distance(b, box));
    for (const Point c : {Point{box.x0, box.y0}, Point{box.x1, box.y0}, Point{box.x0, box.y1}, Point{box.x1, box.y1}})
        d = std::min(d, distance(c, a, b));
    return d;
}

double cross(Point o, Point a, Point b) noexcept { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

double distance(Point a, Point b, Point c, Point d) noexcept {
    const double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return 0;
    return std::min({distance(a, c, d), distance(b, c, d), distance(c, a, b), distance(d, a, b)});
}

/// Gap between two boxes is less than `gap` (interiors overlap when gap is 0).
bool closer_than(const Box& a, const Box& b, double gap) noexcept {
    const double dx = std::max({a.x0 - b.x1, b.x0 - a.x1, 0.0});
    const double dy = std::max({a.y0 - b.y1, b.y0 - a.y1, 0.0});
    if (gap <= eps) return a.x0 < b.x1 - eps && b.x0 < a.x1 - eps && a.y0 < b.y1 - eps && b.y0 < a.y1 - eps;
    return std::hypot(dx, dy) < gap - eps;
}

Box segment_bounds(Point a, Point b, double reach) noexcept {
    return Box{std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)}.grown(reach);
}

// ---------------------------------------------------------------------------
// What occupies the image: boxes (obstacles, placed labels) and capsules
// (a segment with a reach: obstacle lines, anchor clearances as zero-length
// segments, leader lines).
// ---------------------------------------------------------------------------
enum class Kind : std::uint8_t { obstacle_box, obstacle_line, clearance, label, leader, marker };

struct Item {
    Kind kind;
    std::size_t owner = 0; // request of a clearance, label or leader
    Box box;               // the box itself, or the capsule's bounds
    Point a, b;            // capsule segment
    double reach = 0;      // capsule radius
    bool is_box() const noexcept { return kind == Kind::obstacle_box || kind == Kind::label || kind == Kind::marker; }
};

using BgPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BgBox = bg::model::box<BgPoint>;
using Entry = std::pair<BgBox, std::uint32_t>; // bounds, index into items
using Tree = bgi::rtree<Entry, bgi::quadratic<16>>;

BgBox to_bg(const Box& b) { return {{b.x0, b.y0}, {b.x1, b.y1}}; }

/// One way of placing a label.
struct Placement {
    Box box;
    std::size_t size_index = 0;
    int candidate = 0;
    bool leader = false;
    Point from, to;
};

struct Engine {
    const std::vector<LabelRequest>& requests;
    const LabelOptions& options;
    std::vector<Item> items;
    Tree tree;
    std::vector<std::optional<Placement>> placed;
    std::vector<std::array<std::uint32_t, 3>> placed_items; // label, leader, optional marker's clearance (or none)
    std::vector<std::size_t> rank;                           // position of each request in the total order
    static constexpr std::uint32_t none = UINT32_MAX;

    Engine(const std::vector<LabelRequest>& req, const LabelObstacles& obstacles, const LabelOptions& opt)
        : requests(req), options(opt), placed(req.size()), placed_items(req.size(), {none, none, none}) {
        for (const Box& b : obstacles.boxes) items.push_back({Kind::obstacle_box, 0, b, {}, {}, 0});
        for (const auto& line : obstacles.lines) {
            for (std::size_t k = 0; k + 1 < line.size(); ++k)
                items.push_back({Kind::obstacle_line, 0, segment_bounds(line[k], line[k + 1], obstacles.line_half_width),
                                 line[k], line[k + 1], obstacles.line_half_width});
            if (line.size() == 1) // a one-point line is a dot of the line's width
                items.push_back({Kind::obstacle_line, 0, segment_bounds(line[0], line[0], obstacles.line_half_width),
                                 line[0], line[0], obstacles.line_half_width});
        }
        for (std::size_t i = 0; i < requests.size(); ++i) {
            const auto& r = requests[i];
            if (r.marker_optional) continue; // in the way only once its label is placed
            if (r.area && r.clearance == 0) continue; // an area's name point: no marker there
            if (!r.markers.empty()) { // a row of markers: others avoid the markers themselves
                for (const Box& b : r.markers) items.push_back({Kind::marker, i, b, {}, {}, 0});
                continue;
            }
            items.push_back({Kind::clearance, i, segment_bounds(r.anchor, r.anchor, r.clearance), r.anchor, r.anchor,
                             r.clearance});
        }
        std::vector<Entry> entries;
        entries.reserve(items.size());
        for (std::size_t k = 0; k < items.size(); ++k) entries.emplace_back(to_bg(items[k].box), static_cast<std::uint32_t>(k));
        tree = Tree(entries.begin(), entries.end()); // bulk loading packs the static items tightly
    }

    // --- collision tests -----------------------------------------------------

    /// A label box of request `self` would be too close to this item.
    bool box_hits(const Item& it, const Box& box, std::size_t self) const noexcept {
        if ((it.kind == Kind::label || it.kind == Kind::leader) && it.owner == self) return false;
        if (it.is_box()) return closer_than(box, it.box, options.padding);
        return distance(it.a, it.b, box) < it.reach + options.padding - eps;
    }

    /// A leader a-b of request `self` would be too close to this item (leaders may cross lines).
    bool leader_hits(const Item& it, Point a, Point b, std::size_t self) const noexcept {
        switch (it.kind) {
        case Kind::obstacle_line: return false;
        case Kind::obstacle_box: return distance(a, b, it.box) < options.padding - eps;
        case Kind::label: return it.owner != self && distance(a, b, it.box) < options.padding - eps;
        case Kind::marker: // its own markers (also when it shares them) are inside the circle its leader starts from
            if (it.owner == self || std::find(requests[self].markers.begin(), requests[self].markers.end(), it.box) != requests[self].markers.end())
                return false;
            return distance(a, b, it.box) < options.padding - eps;
        case Kind::clearance:
        case Kind::leader:
            if (it.owner == self) return false;
            return distance(a, b, it.a, it.b) < it.reach + options.padding - eps;
        }
        return false;
    }

    /// An optional marker, drawn with its label, would lie under another label or leader.
    bool marker_hits(const Item& it, std::size_t self) const noexcept {
        const auto& r = requests[self];
        if (it.owner == self || (it.kind != Kind::label && it.kind != Kind::leader)) return false;
        const double d = it.kind == Kind::label ? distance(r.anchor, it.box) : distance(r.anchor, it.a, it.b);
        return d < r.clearance + options.padding - eps;
    }

    /// What for_each_hit tests: the box and leader of the placement, the
    /// optional marker of the request (the same for every placement).
    enum Parts { label_part = 1, marker_part = 2, all_parts = 3 };

    /// Calls f(item) for every item the placement collides with; f returns false to stop.
    template <class F> void for_each_hit(std::size_t self, const Placement& p, int parts, F&& f) const {
        bool stop = false;
        const auto visit = [&](auto&& test, const Box& query) {
            tree.query(bgi::intersects(to_bg(query)) && bgi::satisfies([&](const Entry& e) {
                           return !stop && test(items[e.second]);
                       }),
                       boost::make_function_output_iterator([&](const Entry& e) { stop = !f(items[e.second]); }));
        };
        if (parts & label_part)
            visit([&](const Item& it) { return box_hits(it, p.box, self); }, p.box.grown(options.padding));
        if ((parts & label_part) && p.leader && !stop)
            visit([&](const Item& it) { return leader_hits(it, p.from, p.to, self); },
                  segment_bounds(p.from, p.to, options.padding));
        if (const auto& r = requests[self]; (parts & marker_part) && r.marker_optional && !stop)
            visit([&](const Item& it) { return marker_hits(it, self); },
                  segment_bounds(r.anchor, r.anchor, r.clearance + options.padding));
    }

    bool is_free(std::size_t self, const Placement& p, int parts = all_parts) const {
        if ((parts & label_part) && !options.canvas.contains(p.box)) return false;
        bool hit = false;
        for_each_hit(self, p, parts, [&](const Item&) { return !(hit = true); });
        return !hit;
    }

    // --- state changes -------------------------------------------------------

    std::uint32_t add_item(Item it) {
        const auto k = static_cast<std::uint32_t>(items.size());
        items.push_back(it);
        tree.insert(Entry{to_bg(it.box), k});
        return k;
    }

    void place(std::size_t i, const Placement& p) {
        placed[i] = p;
        placed_items[i][0] = add_item({Kind::label, i, p.box, {}, {}, 0});
        placed_items[i][1] = p.leader ? add_item({Kind::leader, i, segment_bounds(p.from, p.to, 0), p.from, p.to, 0}) : none;
        const auto& r = requests[i];
        if (r.marker_optional)
            placed_items[i][2] = add_item({Kind::clearance, i, segment_bounds(r.anchor, r.anchor, r.clearance), r.anchor,
                                           r.anchor, r.clearance});
    }

    void remove(std::size_t i) {
        for (std::uint32_t& k : placed_items[i]) {
            if (k != none) tree.remove(Entry{to_bg(items[k].box), k});
            k = none;
        }
        placed[i].reset();
    }

    // --- candidates ----------------------------------------------------------

    /// The box of `size` on side `pos` of the anchor, its nearest point `d` away from it.
    static Box box_at(Point anchor, Size size, Position pos, double d) noexcept {
        const double diag = d / std::sqrt(2.0);
        double x0 = 0, y0 = 0;
        if (pos.dx == 0) x0 = anchor.x - size.w / 2;
        else x0 = pos.dx > 0 ? anchor.x + (pos.dy == 0 ? d : diag) : anchor.x - (pos.dy == 0 ? d : diag) - size.w;
        if (pos.dy == 0) y0 = anchor.y - size.h / 2;
        else y0 = pos.dy > 0 ? anchor.y + (pos.dx == 0 ? d : diag) : anchor.y - (pos.dx == 0 ? d : diag) - size.h;
        return {x0, y0, x0 + size.w, y0 + size.h};
    }

    /// Completes p with its leader: from the edge of the clearance towards the
    /// nearest point of the box. False when the box covers its own marker or
    /// is too far for a leader.
    bool attach(const LabelRequest& r, Placement& p) const noexcept {
        const double gap = distance(r.anchor, p.box) - r.clearance;
        if (gap < options.padding - eps) return false; // over its own marker
        // Up to one pixel beyond the padding the box still reads as next to the marker.
        if (gap <= options.padding + 1) {
            p.leader = false;
            return true;
        }
        if (gap > options.leader_max + eps) return false;
        p.to = {std::clamp(r.anchor.x, p.box.x0, p.box.x1), std::clamp(r.anchor.y, p.box.y0, p.box.y1)};
        const double len = std::hypot(p.to.x - r.anchor.x, p.to.y - r.anchor.y);
        p.from = {r.anchor.x + (p.to.x - r.anchor.x) * r.clearance / len, r.anchor.y + (p.to.y - r.anchor.y) * r.clearance / len};
        p.leader = true;
        return true;
    }

    /// The previous box, if its size is one of the request's sizes and it is
    /// placed where a label of this anchor may be (next to it or within a leader's reach).
    std::optional<Placement> previous(std::size_t i) const {
        const auto& r = requests[i];
        if (!r.previous) return std::nullopt;
        const Box& b = *r.previous;
        for (std::size_t s = 0; s < r.sizes.size(); ++s) {
            // Half a pixel: text measured again after a zoom may differ by rounding.
            if (std::abs(b.width() - r.sizes[s].w) > 0.5 || std::abs(b.height() - r.sizes[s].h) > 0.5) continue;
            Placement p{b, s, previous_candidate, false, {}, {}};
            if (r.area) {  // an area's name over one of its points stays there
                const Point c{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2};
                const auto at = [&](Point q) { return std::abs(c.x - q.x) < 1e-6 && std::abs(c.y - q.y) < 1e-6; };
                if ((at(r.anchor) || std::any_of(r.inside.begin(), r.inside.end(), at)) && clear_of_own_marker(r, b)) return p;
            }
            if (attach(r, p)) return p;
            return std::nullopt;
        }
        return std::nullopt;
    }

    /// An area's name written over its area keeps off its own markers, if it has any.
    bool clear_of_own_marker(const LabelRequest& r, const Box& b) const noexcept {
        return r.clearance == 0 || distance(r.anchor, b) >= r.clearance + options.padding - eps;
    }

    /// The box of `size` beyond distance `d` from the anchor in the direction
    /// of the unit vector `u` (y down): the box touches the line normal to
    /// that direction at distance d, so no point of it is nearer than d.
    static Box box_towards(Point anchor, Size size, Point u, double d) noexcept {
        const double ux = u.x, uy = u.y;
        const double reach = d + std::abs(ux) * size.w / 2 + std::abs(uy) * size.h / 2;
        const Point c{anchor.x + ux * reach, anchor.y + uy * reach};
        return {c.x - size.w / 2, c.y - size.h / 2, c.x + size.w / 2, c.y + size.h / 2};
    }

    /// Every candidate of request i in order of preference: for an area, its
    /// name centred on the anchor and on its inside points (at each size);
    /// then the eight positions next to the anchor at the largest size, then
    /// at each smaller size, then the rings farther out with a leader (nearest
    /// ring first, then size, then the eight positions, then the eight angles
    /// between them). f(placement) is called for each until it returns true;
    /// returns whether it did (candidates are made one by one: most labels
    /// take one of the first).
    template <class F> bool for_each_candidate(std::size_t i, F&& f) const {
        const auto& r = requests[i];
        if (r.area)
            for (std::size_t s = 0; s < r.sizes.size(); ++s)
                for (std::size_t k = 0; k <= r.inside.size(); ++k) {
                    const Point c = k == 0 ? r.anchor : r.inside[k - 1];
                    const Size& z = r.sizes[s];
                    const Placement p{{c.x - z.w / 2, c.y - z.h / 2, c.x + z.w / 2, c.y + z.h / 2}, s,
                                      area_candidate - static_cast<int>(k), false, {}, {}};
                    if (options.canvas.contains(p.box) && clear_of_own_marker(r, p.box) && f(p)) return true;
                }
        // The directions halfway between the eight positions (22.5° off each axis), as unit vectors.
        static const std::array<Point, label_positions> between = [] {
            constexpr std::array<double, label_positions> degrees{-22.5, -157.5, 22.5, 157.5, -67.5, -112.5, 67.5, 112.5};
            std::array<Point, label_positions> out{};
            for (std::size_t k = 0; k < label_positions; ++k)
                out[k] = {std::cos(degrees[k] * std::numbers::pi / 180), std::sin(degrees[k] * std::numbers::pi / 180)};
            return out;
        }();
        const auto ring_of = [&](int ring, std::size_t s, double d) {
            for (int k = 0; k < label_positions; ++k) {
                Placement p{box_at(r.anchor, r.sizes[s], positions[static_cast<std::size_t>(k)], d), s,
                            ring == 0 ? k : label_positions + (ring - 1) * 2 * label_positions + k, false, {}, {}};
                if (!options.canvas.contains(p.box) || (ring > 0 && !attach(r, p))) continue;
                if (f(p)) return true;
            }
            // The angles between: for a required label only (an optional one is
            // dropped rather than searched for that long).
            if (ring == 0 || !r.required) return false;
            for (int k = 0; k < label_positions; ++k) {
                Placement p{box_towards(r.anchor, r.sizes[s], between[static_cast<std::size_t>(k)], d), s,
                            label_positions + (ring - 1) * 2 * label_positions + label_positions + k, false, {}, {}};
                if (options.canvas.contains(p.box) && attach(r, p) && f(p)) return true;
            }
            return false;
        };
        const double adjacent = r.clearance + options.padding;
        for (std::size_t s = 0; s < r.sizes.size(); ++s)
            if (ring_of(0, s, adjacent)) return true;
        const int rings = std::max(min_leader_rings, static_cast<int>(std::ceil(options.leader_max / leader_ring_step)));
        for (int ring = 1; ring <= rings; ++ring) {
            const double d = r.clearance + options.leader_max * ring / rings;
            if (d <= adjacent + 1) continue; // no farther than the adjacent ring: no leader needed
            for (std::size_t s = 0; s < r.sizes.size(); ++s)
                if (ring_of(ring, s, d)) return true;
        }
        return false;
    }

    /// Every candidate of request i, in order of preference.
    std::vector<Placement> candidates(std::size_t i) const {
        std::vector<Placement> out;
        for_each_candidate(i, [&](const Placement& p) {
            out.push_back(p);
            return false;
        });
        return out;
    }

    /// First free placement for request i (previous box first when `with_previous`).
    std::optional<Placement> find(std::size_t i, bool with_previous = true) const {
        // An optional marker under a placed label rules out every candidate:
        // test it once (in dense maps most basemap towns stop here).
        if (!is_free(i, Placement{}, marker_part)) return std::nullopt;
        if (with_previous)
            if (auto p = previous(i); p && is_free(i, *p, label_part)) return p;
        std::optional<Placement> found;
        for_each_candidate(i, [&](const Placement& p) {
            if (is_free(i, p, label_part)) found = p;
            return found.has_value();
        });
        return found;
    }

    // --- local search --------------------------------------------------------

    /// Placed labels in the way of placement p of request r, or nullopt when
    /// something that cannot move is in the way (an obstacle, a marker always
    /// drawn, a label of higher priority) or too many labels are.
    std::optional<std::vector<std::size_t>> movable_conflicts(std::size_t r, const Placement& p) const {
        std::vector<std::size_t> out;
        bool blocked = false;
        for_each_hit(r, p, all_parts, [&](const Item& it) {
            // A placed label takes its leader and, when it is drawn only with its label, its marker along.
            const bool moves = it.kind == Kind::label || it.kind == Kind::leader ||
                               (it.kind == Kind::clearance && requests[it.owner].marker_optional);
            // A label of higher priority moves only if it is required (and
            // then rearrange() puts it elsewhere or undoes everything).
            if (!moves || (requests[it.owner].priority > requests[r].priority && !requests[it.owner].required))
                blocked = true;
            else if (std::find(out.begin(), out.end(), it.owner) == out.end())
                out.push_back(it.owner);
            return !blocked && out.size() <= max_displaced;
        });
        if (blocked || out.size() > max_displaced) return std::nullopt;
        // The tree's traversal order depends on its history: re-place in the total order instead.
        std::sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return rank[a] < rank[b]; });
        return out;
    }

    struct Change {
        std::size_t request;
        std::optional<Placement> before;
    };

    /// Places r at p, moving the labels in its way elsewhere; returns the
    /// changes (for undo) and how many labels had to be dropped, or nullopt
    /// (nothing changed) when a required label would have been dropped.
    std::optional<std::pair<std::vector<Change>, int>> rearrange(std::size_t r, const Placement& p,
                                                                 const std::vector<std::size_t>& displaced) {
        std::vector<Change> log;
        for (std::size_t d : displaced) {
            log.push_back({d, placed[d]});
            remove(d);
        }
        log.push_back({r, std::nullopt});
        place(r, p);
        int dropped = 0;
        for (std::size_t d : displaced) {
            if (auto q = find(d)) {
                place(d, *q);
            } else if (requests[d].required) {
                undo(log);
                return std::nullopt;
            } else {
                ++dropped;
            }
        }
        return std::pair{std::move(log), dropped};
    }

    void undo(const std::vector<Change>& log) {
        for (auto it = log.rbegin(); it != log.rend(); ++it) {
            remove(it->request);
            if (it->before) place(it->request, *it->before);
        }
    }

    /// Tries to make room for the unplaced required request r. Takes the first
    /// rearrangement that drops nothing, else the one that drops fewest labels.
    bool make_room(std::size_t r) {
        std::vector<Placement> choices;
        if (auto p = previous(r)) choices.push_back(*p);
        for (const Placement& p : candidates(r)) choices.push_back(p);
        std::optional<std::pair<Placement, std::vector<std::size_t>>> best;
        int best_dropped = 0, trials = 0;
        for (const Placement& p : choices) {
            if (trials >= max_trials) break;
            if (!options.canvas.contains(p.box)) continue;
            const auto displaced = movable_conflicts(r, p);
            if (!displaced) continue;
            if (displaced->empty()) {
                place(r, p);
                return true;
            }
            ++trials;
            auto outcome = rearrange(r, p, *displaced);
            if (!outcome) continue;
            if (outcome->second == 0) return true;
            if (!best || outcome->second < best_dropped) {
                best.emplace(p, *displaced);
                best_dropped = outcome->second;
            }
            undo(outcome->first);
        }
        if (!best) return false;
        rearrange(r, best->first, best->second); // the same state as when it was tried: same outcome
        return true;
    }
};

void validate(const std::vector<LabelRequest>& requests, const LabelObstacles& obstacles, const LabelOptions& o) {
    const auto finite = [](double v) { return std::isfinite(v); };
    const Box& c = o.canvas;
    if (!(finite(c.x0) && finite(c.y0) && finite(c.x1) && finite(c.y1) && c.x0 <= c.x1 && c.y0 <= c.y1))
        throw std::invalid_argument("label placement: the canvas is not a box");
    if (!(o.padding >= 0 && finite(o.padding) && o.leader_max >= 0 && finite(o.leader_max) && o.local_search_rounds >= 0))
        throw std::invalid_argument("label placement: padding, leader_max and local_search_rounds must not be negative");
    if (!(obstacles.line_half_width >= 0 && finite(obstacles.line_half_width)))
        throw std::invalid_argument("label placement: line_half_width must not be negative");
    for (const Box& b : obstacles.boxes)
        if (!(finite(b.x0) && finite(b.y0) && finite(b.x1) && finite(b.y1) && b.x0 <= b.x1 && b.y0 <= b.y1))
            throw std::invalid_argument("label placement: an obstacle box is not a box");
    for (const auto& line : obstacles.lines)
        for (const Point& pt : line)
            if (!finite(pt.x) || !finite(pt.y)) throw std::invalid_argument("label placement: an obstacle line point is not finite");
    for (const auto& r : requests) {
        if (!finite(r.anchor.x) || !finite(r.anchor.y))
            throw std::invalid_argument("label placement: the anchor of '" + r.id + "' is not finite");
        if (!(r.clearance >= 0 && finite(r.clearance)))
            throw std::invalid_argument("label placement: the clearance of '" + r.id + "' is negative");
        for (const Box& b : r.markers)
            if (!(finite(b.x0) && finite(b.y0) && finite(b.x1) && finite(b.y1) && b.x0 <= b.x1 && b.y0 <= b.y1))
                throw std::invalid_argument("label placement: a marker box of '" + r.id + "' is not a box");
        for (const Size& s : r.sizes)
            if (!(s.w > 0 && s.h > 0 && finite(s.w) && finite(s.h)))
                throw std::invalid_argument("label placement: a text size of '" + r.id + "' is not positive");
    }
}

} // namespace

LabelResult place_labels(const std::vector<LabelRequest>& requests, const LabelObstacles& obstacles,
                         const LabelOptions& options) {
    validate(requests, obstacles, options);
    Engine engine(requests, obstacles, options);

    // The total order: priority, then required, then id, then input position.
    std::vector<std::size_t> order(requests.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& ra = requests[a];
        const auto& rb = requests[b];
        if (ra.priority != rb.priority) return ra.priority > rb.priority;
        if (ra.required != rb.required) return ra.required;
        if (ra.id != rb.id) return ra.id < rb.id;
        return a < b;
    });
    engine.rank.resize(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) engine.rank[order[k]] = k;

    // Greedy, one priority band at a time. Within a band the labels that can
    // keep last frame's box do so first, so that a label which has to move
    // cannot take the box of a neighbour that could stay (no flicker).
    for (std::size_t begin = 0; begin < order.size();) {
        std::size_t end = begin;
        while (end < order.size() && requests[order[end]].priority == requests[order[begin]].priority) ++end;
        for (std::size_t k = begin; k < end; ++k)
            if (auto p = engine.previous(order[k]); p && engine.is_free(order[k], *p)) engine.place(order[k], *p);
        for (std::size_t k = begin; k < end; ++k)
            if (!engine.placed[order[k]])
                if (auto p = engine.find(order[k], false)) engine.place(order[k], *p);
        begin = end;
    }

    // Local search for the required labels that found no place.
    bool changed = false;
    for (int round = 0; round < options.local_search_rounds; ++round) {
        bool progress = false;
        for (std::size_t i : order)
            if (requests[i].required && !engine.placed[i] && engine.make_room(i)) progress = true;
        if (!progress) break;
        changed = true;
    }
    // Labels moved by the search may have freed room for optional ones.
    if (changed)
        for (std::size_t i : order)
            if (!engine.placed[i])
                if (auto p = engine.find(i)) engine.place(i, *p);

    LabelResult result;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        if (const auto& p = engine.placed[i]) {
            PlacedLabel out{i, p->box, p->size_index, p->candidate, p->leader, {}, {}};
            if (p->leader) {
                out.leader_from = p->from;
                out.leader_to = p->to;
            }
            result.placed.push_back(out);
        } else if (requests[i].required) {
            result.unlabeled_required.push_back(i);
        } else {
            ++result.dropped_optional;
        }
    }
    return result;
}

} // namespace geoevents::render
