#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/segment.hpp>

#include "geoevents/render/labels.hpp"

using namespace geoevents::render;

namespace {

// The contract is checked with Boost.Geometry's distances, independently of
// the engine's own geometry.
namespace bg = boost::geometry;
using BgPoint = bg::model::d2::point_xy<double>;
using BgBox = bg::model::box<BgPoint>;
using BgSegment = bg::model::segment<BgPoint>;

BgPoint bgp(Point p) { return {p.x, p.y}; }
BgBox bgb(const Box& b) { return {{b.x0, b.y0}, {b.x1, b.y1}}; }
BgSegment bgs(Point a, Point b) { return {bgp(a), bgp(b)}; }

constexpr double tolerance = 1e-6; // the engine's documented slack

struct Map {
    std::vector<LabelRequest> requests;
    LabelObstacles obstacles;
    LabelOptions options;
};

/// A generated map: places at random (some sharing a point), text boxes of
/// news-map sizes at up to three type sizes, furniture boxes and arrows.
/// `with_previous`: some labels get a "previous" box of their size somewhere
/// near the anchor, free or not, to exercise that path.
Map random_map(unsigned seed, bool with_previous = false, int min_places = 10, int max_places = 120) {
    std::mt19937 rng(seed);
    const auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    const auto integer = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    Map m;
    m.options.canvas = {0, 0, uniform(300, 900), uniform(200, 600)};
    const Box& c = m.options.canvas;
    for (int k = integer(0, 10); k > 0; --k) {
        const double x = uniform(0, c.x1), y = uniform(0, c.y1);
        m.obstacles.boxes.push_back({x, y, x + uniform(15, 200), y + uniform(10, 120)});
    }
    for (int k = integer(0, 6); k > 0; --k) {
        std::vector<Point> line;
        for (int v = integer(2, 5); v > 0; --v) line.push_back({uniform(0, c.x1), uniform(0, c.y1)});
        m.obstacles.lines.push_back(line);
    }
    const int n = integer(min_places, max_places);
    for (int k = 0; k < n; ++k) {
        LabelRequest r;
        r.id = "place-" + std::to_string(integer(0, 1'000'000)) + "-" + std::to_string(k);
        r.anchor = k > 0 && integer(0, 19) == 0 ? m.requests.back().anchor : Point{uniform(0, c.x1), uniform(0, c.y1)};
        r.clearance = uniform(0, 6);
        const Size big{uniform(30, 160), uniform(12, 20)};
        for (int s = integer(1, 3), step = 0; s > 0; --s, ++step)
            r.sizes.push_back({big.w * std::pow(0.85, step), big.h * std::pow(0.85, step)});
        const int kind = integer(0, 9);
        r.priority = kind == 0 ? 2 : kind <= 2 ? 1 : 0;
        r.required = r.priority == 2;
        r.marker_optional = r.priority == 0 && integer(0, 1) == 0;
        // Some places have a row of event markers: two boxes within the clearance.
        if (!r.marker_optional && r.clearance >= 3 && integer(0, 3) == 0) {
            const double q = r.clearance / 4;
            for (const double dx : {-2 * q, 2 * q})
                r.markers.push_back({r.anchor.x + dx - q, r.anchor.y - q, r.anchor.x + dx + q, r.anchor.y + q});
        }
        // Some story places are areas: no marker (clearance 0) or markers of
        // events on them, and a few other points inside them.
        if (r.priority >= 1 && !r.marker_optional && integer(0, 2) == 0) {
            r.area = true;
            if (integer(0, 1) == 0) r.clearance = 0;
            for (int p = integer(0, 4); p > 0; --p)
                r.inside.push_back({std::clamp(r.anchor.x + uniform(-120, 120), 0.0, c.x1),
                                    std::clamp(r.anchor.y + uniform(-80, 80), 0.0, c.y1)});
        }
        if (with_previous && integer(0, 1) == 0) {
            const Size s = r.sizes[static_cast<std::size_t>(integer(0, static_cast<int>(r.sizes.size()) - 1))];
            const double x = r.anchor.x + uniform(-80, 60), y = r.anchor.y + uniform(-60, 40);
            r.previous = Box{x, y, x + s.w, y + s.h};
        }
        m.requests.push_back(r);
    }
    return m;
}

std::string show(const Box& b) {
    std::ostringstream s;
    s << "[" << b.x0 << "," << b.y0 << " " << b.x1 << "," << b.y1 << "]";
    return s.str();
}

/// Every way the result breaks the contract of labels.hpp, checked pair by pair.
std::vector<std::string> violations(const Map& m, const LabelResult& res) {
    std::vector<std::string> out;
    const auto& req = m.requests;
    const double pad = m.options.padding;
    const auto fail = [&](const std::string& what) { out.push_back(what); };
    std::vector<bool> seen(req.size(), false), is_placed(req.size(), false);
    for (const PlacedLabel& p : res.placed)
        if (p.request < req.size()) is_placed[p.request] = true;
    // A marker drawn only with its label is in the way only when the label is placed.
    // An area with clearance 0 has no marker at all.
    const auto drawn = [&](std::size_t j) {
        return (!req[j].marker_optional || is_placed[j]) && !(req[j].area && req[j].clearance == 0);
    };
    for (std::size_t a = 0; a < res.placed.size(); ++a) {
        const PlacedLabel& p = res.placed[a];
        if (p.request >= req.size() || seen[p.request]) {
            fail("bad or repeated request index");
            continue;
        }
        if (a > 0 && res.placed[a - 1].request >= p.request) fail("placed labels not in request order");
        seen[p.request] = true;
        const LabelRequest& r = req[p.request];
        const std::string who = "'" + r.id + "' " + show(p.box);
        if (p.size_index >= r.sizes.size() || std::abs(p.box.width() - r.sizes[p.size_index].w) > 0.5 ||
            std::abs(p.box.height() - r.sizes[p.size_index].h) > 0.5)
            fail(who + " does not have the size it claims");
        if (!m.options.canvas.contains(p.box)) fail(who + " leaves the canvas");
        for (const Box& o : m.obstacles.boxes)
            if (bg::distance(bgb(p.box), bgb(o)) < pad - tolerance) fail(who + " covers obstacle " + show(o));
        for (const auto& line : m.obstacles.lines)
            for (std::size_t v = 0; v + 1 < line.size(); ++v)
                if (bg::distance(bgs(line[v], line[v + 1]), bgb(p.box)) < m.obstacles.line_half_width + pad - tolerance)
                    fail(who + " touches an obstacle line");
        for (std::size_t j = 0; j < req.size(); ++j) {
            if (!drawn(j)) continue;
            // Another's row of markers is its boxes; its own marker is its clearance circle.
            if (j != p.request && !req[j].markers.empty()) {
                for (const Box& mb : req[j].markers)
                    if (bg::distance(bgb(mb), bgb(p.box)) < pad - tolerance) fail(who + " covers a marker of '" + req[j].id + "'");
            } else if (bg::distance(bgp(req[j].anchor), bgb(p.box)) < req[j].clearance + pad - tolerance) {
                fail(who + " covers the marker of '" + req[j].id + "'");
            }
        }
        const double gap = bg::distance(bgp(r.anchor), bgb(p.box)) - r.clearance;
        // An area's name centred on its point or on one of its inside points.
        const auto centred_on = [&](Point q) {
            return std::abs((p.box.x0 + p.box.x1) / 2 - q.x) < 1e-6 && std::abs((p.box.y0 + p.box.y1) / 2 - q.y) < 1e-6;
        };
        const bool inside_area = r.area && !p.leader &&
                                 (centred_on(r.anchor) || std::any_of(r.inside.begin(), r.inside.end(), centred_on));
        if (r.area && p.candidate <= area_candidate) {
            const auto k = static_cast<std::size_t>(area_candidate - p.candidate);
            if (k > r.inside.size() || !centred_on(k == 0 ? r.anchor : r.inside[k - 1]) || p.leader)
                fail(who + " claims to be centred on a point of its area but is not");
        }
        if (!inside_area && p.leader) {
            const double length = std::hypot(p.leader_to.x - p.leader_from.x, p.leader_to.y - p.leader_from.y);
            if (length > m.options.leader_max + tolerance) fail(who + " has a leader longer than leader_max");
            if (std::abs(std::hypot(p.leader_from.x - r.anchor.x, p.leader_from.y - r.anchor.y) - r.clearance) > 1e-6)
                fail(who + " has a leader that does not start at the edge of its marker");
            if (bg::distance(bgp(p.leader_to), bgb(p.box)) > 1e-9) fail(who + " has a leader that does not reach it");
            const BgSegment leader = bgs(p.leader_from, p.leader_to);
            for (const Box& o : m.obstacles.boxes)
                if (bg::distance(leader, bgb(o)) < pad - tolerance) fail(who + " has a leader across an obstacle");
            for (std::size_t j = 0; j < req.size(); ++j) {
                if (j == p.request || !drawn(j)) continue;
                if (!req[j].markers.empty()) {
                    for (const Box& mb : req[j].markers)
                        if (std::find(r.markers.begin(), r.markers.end(), mb) == r.markers.end() &&
                            bg::distance(leader, bgb(mb)) < pad - tolerance)
                            fail(who + " has a leader across a marker of '" + req[j].id + "'");
                } else if (bg::distance(bgp(req[j].anchor), leader) < req[j].clearance + pad - tolerance) {
                    fail(who + " has a leader across the marker of '" + req[j].id + "'");
                }
            }
        } else if (!inside_area && gap > pad + 1 + tolerance) {
            fail(who + " is away from its place without a leader");
        }
        for (std::size_t b = a + 1; b < res.placed.size(); ++b) {
            const PlacedLabel& q = res.placed[b];
            const std::string pair = who + " and '" + req[q.request].id + "' " + show(q.box);
            if (bg::distance(bgb(p.box), bgb(q.box)) < pad - tolerance) fail(pair + " overlap");
            if (q.leader && bg::distance(bgs(q.leader_from, q.leader_to), bgb(p.box)) < pad - tolerance)
                fail(pair + ": the second's leader crosses the first");
            if (p.leader && bg::distance(bgs(p.leader_from, p.leader_to), bgb(q.box)) < pad - tolerance)
                fail(pair + ": the first's leader crosses the second");
            if (p.leader && q.leader &&
                bg::distance(bgs(p.leader_from, p.leader_to), bgs(q.leader_from, q.leader_to)) < pad - tolerance)
                fail(pair + ": their leaders cross");
        }
    }
    std::vector<std::size_t> unlabeled;
    std::size_t dropped = 0;
    for (std::size_t i = 0; i < req.size(); ++i)
        if (!seen[i]) {
            if (req[i].required) unlabeled.push_back(i);
            else ++dropped;
        }
    if (unlabeled != res.unlabeled_required) fail("unlabeled_required is not the list of required labels left out");
    if (dropped != res.dropped_optional) fail("dropped_optional does not count the optional labels left out");
    return out;
}

void check_contract(const Map& m, const LabelResult& res) {
    const auto v = violations(m, res);
    INFO((v.empty() ? std::string() : v.front()) << " (" << v.size() << " violations)");
    CHECK(v.empty());
}

bool same(const PlacedLabel& a, const PlacedLabel& b) {
    return a.box == b.box && a.size_index == b.size_index && a.candidate == b.candidate && a.leader == b.leader &&
           a.leader_from == b.leader_from && a.leader_to == b.leader_to;
}

LabelRequest label(std::string id, Point anchor, Size size, int priority = 0, bool required = false) {
    LabelRequest r;
    r.id = std::move(id);
    r.anchor = anchor;
    r.clearance = 4;
    r.sizes = {size};
    r.priority = priority;
    r.required = required;
    return r;
}

} // namespace

TEST_CASE("no placed label overlaps another, an obstacle, a marker or the edge (200 generated maps)", "[render][labels]") {
    std::size_t placed = 0, leaders = 0, smaller = 0, dropped = 0, unlabeled = 0, kept = 0, inside = 0;
    for (unsigned seed = 1; seed <= 200; ++seed) {
        const Map m = random_map(seed, seed % 2 == 0);
        const LabelResult res = place_labels(m.requests, m.obstacles, m.options);
        INFO("seed " << seed);
        check_contract(m, res);
        placed += res.placed.size();
        dropped += res.dropped_optional;
        unlabeled += res.unlabeled_required.size();
        for (const auto& p : res.placed) {
            leaders += p.leader;
            smaller += p.size_index > 0;
            kept += p.candidate == previous_candidate;
            inside += p.candidate <= area_candidate;
        }
    }
    // The maps are dense enough to exercise every path of the engine.
    INFO(placed << " placed, " << leaders << " with a leader, " << smaller << " at a smaller size, " << kept
                << " kept their previous box, " << inside << " over their area, " << dropped << " dropped, " << unlabeled << " required left out");
    CHECK(placed > 5000);
    CHECK(leaders > 100);
    CHECK(smaller > 100);
    CHECK(dropped > 100);
    CHECK(unlabeled > 0);
    CHECK(kept > 100);
    CHECK(inside > 100);
}

TEST_CASE("placement is deterministic and does not depend on the order of the input", "[render][labels]") {
    for (unsigned seed = 1000; seed < 1050; ++seed) {
        INFO("seed " << seed);
        Map m = random_map(seed, seed % 2 == 0);
        const LabelResult a = place_labels(m.requests, m.obstacles, m.options);
        const LabelResult b = place_labels(m.requests, m.obstacles, m.options);
        REQUIRE(a.placed.size() == b.placed.size());
        for (std::size_t k = 0; k < a.placed.size(); ++k) CHECK(same(a.placed[k], b.placed[k]));
        CHECK(a.unlabeled_required == b.unlabeled_required);

        // Same places and obstacles in another order: the same label for every id.
        std::mt19937 rng(seed);
        Map shuffled = m;
        std::shuffle(shuffled.requests.begin(), shuffled.requests.end(), rng);
        std::shuffle(shuffled.obstacles.boxes.begin(), shuffled.obstacles.boxes.end(), rng);
        std::shuffle(shuffled.obstacles.lines.begin(), shuffled.obstacles.lines.end(), rng);
        const LabelResult c = place_labels(shuffled.requests, shuffled.obstacles, shuffled.options);
        std::map<std::string, PlacedLabel> by_id;
        for (const auto& p : a.placed) by_id[m.requests[p.request].id] = p;
        REQUIRE(c.placed.size() == a.placed.size());
        for (const auto& p : c.placed) {
            const auto it = by_id.find(shuffled.requests[p.request].id);
            REQUIRE(it != by_id.end());
            CHECK(same(it->second, p));
        }
        CHECK(c.dropped_optional == a.dropped_optional);
    }
}

TEST_CASE("labels stay where they were from frame to frame", "[render][labels]") {
    SECTION("nothing changed: every label keeps its box") {
        for (unsigned seed = 2000; seed < 2050; ++seed) {
            INFO("seed " << seed);
            Map m = random_map(seed);
            const LabelResult first = place_labels(m.requests, m.obstacles, m.options);
            for (const auto& p : first.placed) m.requests[p.request].previous = p.box;
            const LabelResult second = place_labels(m.requests, m.obstacles, m.options);
            REQUIRE(second.placed.size() == first.placed.size());
            for (std::size_t k = 0; k < first.placed.size(); ++k) {
                CHECK(second.placed[k].box == first.placed[k].box);
                CHECK(second.placed[k].candidate == previous_candidate);
                CHECK(second.placed[k].leader == first.placed[k].leader);
            }
        }
    }
    SECTION("new places and an obstacle appear: every label whose box is still free keeps it") {
        std::size_t checked = 0, moved = 0;
        for (unsigned seed = 3000; seed < 3100; ++seed) {
            INFO("seed " << seed);
            Map m = random_map(seed, false, 10, 60);
            const LabelResult first = place_labels(m.requests, m.obstacles, m.options);
            if (!first.unlabeled_required.empty()) continue;
            const std::size_t old_count = m.requests.size();
            for (const auto& p : first.placed) m.requests[p.request].previous = p.box;
            const Map extra = random_map(seed + 100000, false, 5, 15);
            for (auto r : extra.requests) {
                r.priority = 0;
                r.required = false;
                m.requests.push_back(r);
            }
            m.obstacles.boxes.push_back(extra.obstacles.boxes.empty() ? Box{10, 10, 120, 60} : extra.obstacles.boxes[0]);
            const LabelResult second = place_labels(m.requests, m.obstacles, m.options);
            check_contract(m, second);
            std::vector<const PlacedLabel*> now(m.requests.size(), nullptr);
            for (const auto& p : second.placed) now[p.request] = &p;
            for (const auto& before : first.placed) {
                // Is the old box still free in the new frame, with every other label as placed now?
                LabelResult alone = second;
                alone.placed.erase(std::remove_if(alone.placed.begin(), alone.placed.end(),
                                                  [&](const PlacedLabel& p) { return p.request == before.request; }),
                                   alone.placed.end());
                PlacedLabel candidate = before;
                alone.placed.insert(std::lower_bound(alone.placed.begin(), alone.placed.end(), candidate,
                                                     [](const PlacedLabel& a, const PlacedLabel& b) { return a.request < b.request; }),
                                    candidate);
                auto v = violations(m, alone);
                v.erase(std::remove_if(v.begin(), v.end(), [](const std::string& s) { return s.find("unlabeled") != std::string::npos || s.find("dropped") != std::string::npos; }),
                        v.end());
                if (!v.empty()) {
                    ++moved;
                    continue;
                }
                ++checked;
                REQUIRE(before.request < old_count);
                REQUIRE(now[before.request] != nullptr);
                CHECK(now[before.request]->box == before.box);
                CHECK(now[before.request]->candidate == previous_candidate);
            }
        }
        CHECK(checked > 500);
        CHECK(moved > 0);
    }
}

TEST_CASE("a lone label goes to the top right of its marker", "[render][labels]") {
    const LabelRequest r = label("bamako", {200, 200}, {80, 16});
    LabelOptions opt;
    opt.canvas = {0, 0, 400, 400};
    const LabelResult res = place_labels({r}, {}, opt);
    REQUIRE(res.placed.size() == 1);
    const PlacedLabel& p = res.placed[0];
    CHECK(p.candidate == 0);
    CHECK_FALSE(p.leader);
    const double d = (r.clearance + opt.padding) / std::sqrt(2.0);
    CHECK(p.box.x0 == Approx(200 + d));
    CHECK(p.box.y1 == Approx(200 - d));
    CHECK(p.box.width() == Approx(80));
}

TEST_CASE("a marker drawn only with its label blocks nothing until the label is placed", "[render][labels]") {
    LabelOptions opt;
    opt.canvas = {0, 0, 400, 400};
    const LabelRequest story = label("menaka", {100, 100}, {80, 16}, 2, true);
    LabelRequest town = label("small-town", {140, 88}, {60, 14}); // under the story label's top-right box
    SECTION("optional marker: the story label keeps its best place, the town is left out") {
        town.marker_optional = true;
        const LabelResult res = place_labels({story, town}, {}, opt);
        REQUIRE(res.placed.size() == 1);
        CHECK(res.placed[0].request == 0);
        CHECK(res.placed[0].candidate == 0);
        CHECK(res.dropped_optional == 1);
    }
    SECTION("marker always drawn: the story label goes elsewhere, both are placed") {
        const LabelResult res = place_labels({story, town}, {}, opt);
        REQUIRE(res.placed.size() == 2);
        CHECK(res.placed[0].candidate != 0);
        check_contract({{story, town}, {}, opt}, res);
    }
}

TEST_CASE("a smaller type size is used before a leader", "[render][labels]") {
    // A narrow canvas: the large text fits on no side of the place, the small one does.
    LabelRequest r = label("lome", {100, 20}, {120, 18});
    r.sizes.push_back({90, 15});
    LabelOptions opt;
    opt.canvas = {0, 0, 200, 40};
    const LabelResult res = place_labels({r}, {}, opt);
    REQUIRE(res.placed.size() == 1);
    CHECK(res.placed[0].size_index == 1);
    CHECK_FALSE(res.placed[0].leader);
}

TEST_CASE("a leader is used when the surroundings of the place are full", "[render][labels]") {
    // An arrow drawn as a square around the place: no text fits inside it, and
    // a leader may cross lines (but not labels, boxes or markers).
    const Point a{300, 300};
    LabelObstacles obstacles;
    obstacles.lines.push_back({{285, 285}, {315, 285}, {315, 315}, {285, 315}, {285, 285}});
    LabelOptions opt;
    opt.canvas = {0, 0, 600, 600};
    const LabelRequest r = label("niamey", a, {90, 16}, 2, true);
    const LabelResult res = place_labels({r}, obstacles, opt);
    REQUIRE(res.placed.size() == 1);
    const PlacedLabel& p = res.placed[0];
    CHECK(p.leader);
    CHECK(p.candidate >= label_positions);
    CHECK(std::hypot(p.leader_to.x - p.leader_from.x, p.leader_to.y - p.leader_from.y) <= opt.leader_max + 1e-9);
    check_contract({{r}, obstacles, opt}, res);

    SECTION("without leaders it cannot be placed and is reported") {
        opt.leader_max = 0;
        const LabelResult none = place_labels({r}, obstacles, opt);
        CHECK(none.placed.empty());
        CHECK(none.unlabeled_required == std::vector<std::size_t>{0});
    }
}

TEST_CASE("a label that cannot be placed is reported if required, counted if optional", "[render][labels]") {
    LabelOptions opt;
    opt.canvas = {0, 0, 100, 100};
    // Too wide for the canvas.
    const std::vector<LabelRequest> reqs{label("long-story-place", {50, 50}, {160, 16}, 2, true),
                                         label("long-basemap-place", {20, 80}, {150, 16}, 0, false),
                                         label("fits", {10, 10}, {40, 14}, 0, false)};
    const LabelResult res = place_labels(reqs, {}, opt);
    CHECK(res.unlabeled_required == std::vector<std::size_t>{0});
    CHECK(res.dropped_optional == 1);
    REQUIRE(res.placed.size() == 1);
    CHECK(res.placed[0].request == 2);

    // Walled in by furniture on every side within the leader's reach.
    LabelObstacles walls;
    walls.boxes = {{0, 0, 600, 230}, {0, 370, 600, 600}, {0, 0, 240, 600}, {360, 0, 600, 600}};
    opt.canvas = {0, 0, 600, 600};
    const LabelResult walled = place_labels({label("walled", {300, 300}, {130, 16}, 2, true)}, walls, opt);
    CHECK(walled.placed.empty());
    CHECK(walled.unlabeled_required == std::vector<std::size_t>{0});
}

TEST_CASE("higher priority wins a contested place; equal priorities go by id", "[render][labels]") {
    // Two places side by side in a canvas only wide enough for one label.
    LabelOptions opt;
    opt.canvas = {0, 0, 135, 30};
    opt.leader_max = 0;
    const LabelRequest left = label("b-left", {10, 15}, {100, 14}, 0);
    const LabelRequest right = label("a-right", {125, 15}, {100, 14}, 0);
    SECTION("priority") {
        LabelRequest l = left;
        l.priority = 1;
        const LabelResult res = place_labels({l, right}, {}, opt);
        REQUIRE(res.placed.size() == 1);
        CHECK(res.placed[0].request == 0);
    }
    SECTION("id") {
        const LabelResult res = place_labels({left, right}, {}, opt);
        REQUIRE(res.placed.size() == 1);
        CHECK(res.placed[0].request == 1); // "a-right" < "b-left"
    }
}

TEST_CASE("the local search places required labels the greedy pass left out", "[render][labels]") {
    std::size_t greedy_missing = 0, searched_missing = 0;
    for (unsigned seed = 4000; seed < 4100; ++seed) {
        INFO("seed " << seed);
        Map m = random_map(seed, false, 60, 160);
        for (std::size_t k = 0; k < m.requests.size(); k += 2) {
            m.requests[k].priority = 2;
            m.requests[k].required = true;
        }
        LabelOptions greedy = m.options;
        greedy.local_search_rounds = 0;
        const LabelResult g = place_labels(m.requests, m.obstacles, greedy);
        const LabelResult s = place_labels(m.requests, m.obstacles, m.options);
        check_contract(m, s);
        CHECK(s.unlabeled_required.size() <= g.unlabeled_required.size());
        greedy_missing += g.unlabeled_required.size();
        searched_missing += s.unlabeled_required.size();
    }
    INFO("required labels left out: greedy " << greedy_missing << ", with local search " << searched_missing);
    CHECK(searched_missing < greedy_missing);
}

TEST_CASE("impossible input is refused with the request named", "[render][labels]") {
    LabelOptions opt;
    opt.canvas = {0, 0, 100, 100};
    LabelRequest r = label("gao", {50, 50}, {0, 14});
    CHECK_THROWS_WITH(place_labels({r}, {}, opt), Catch::Contains("'gao'"));
    r.sizes = {{40, 14}};
    r.anchor.x = std::nan("");
    CHECK_THROWS_AS(place_labels({r}, {}, opt), std::invalid_argument);
    r.anchor.x = 50;
    opt.canvas = {10, 0, 0, 100};
    CHECK_THROWS_AS(place_labels({r}, {}, opt), std::invalid_argument);
    opt.canvas = {0, 0, 100, 100};
    opt.padding = -1;
    CHECK_THROWS_AS(place_labels({r}, {}, opt), std::invalid_argument);
    opt.padding = 2;
    CHECK_NOTHROW(place_labels({r}, {}, opt));
    CHECK(place_labels({}, {}, opt).placed.empty());
}
