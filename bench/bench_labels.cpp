// Label placement figures of the README (issue: 500 candidate labels placed in
// <= 20 ms with zero overlaps): an article-size map (1200x800) with furniture,
// event markers and arrows, story places, capitals and basemap places.
//   build/release/bin/bench_labels
// Counters: placed, with_leader, dropped (optional), unlabeled (required) and
// overlaps, counted pair by pair outside the timed loop (must be 0).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "geoevents/render/labels.hpp"

namespace {
using namespace geoevents::render;

struct Map {
    std::vector<LabelRequest> requests;
    LabelObstacles obstacles;
    LabelOptions options;
};

/// `n` places on a 1200x800 map: 4 % story places (required), 10 % capitals,
/// the rest basemap places; text 40-160 px wide and 14-20 px high at the
/// largest of three type sizes; half the places in a few clusters (a news map
/// is dense where the story is). About 30 obstacles: title, legend, locator
/// inset, scale bar, credit, 19 event markers and 6 arrows.
Map article_map(std::size_t n, unsigned seed = 7) {
    std::mt19937 rng(seed);
    const auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    Map m;
    m.options.canvas = {0, 0, 1200, 800};
    m.obstacles.boxes = {{24, 20, 700, 84},     // title and subtitle
                         {24, 580, 264, 760},   // legend
                         {960, 20, 1176, 170},  // locator inset
                         {1000, 740, 1176, 760}, // scale bar
                         {24, 772, 700, 788}};   // credit line
    for (int k = 0; k < 19; ++k) {
        const double x = uniform(300, 1000), y = uniform(200, 650);
        m.obstacles.boxes.push_back({x - 7, y - 7, x + 7, y + 7});
    }
    for (int k = 0; k < 6; ++k) { // gently curved arrows of 8 vertices
        const Point a{uniform(200, 1000), uniform(150, 700)}, b{uniform(200, 1000), uniform(150, 700)};
        const double bend = uniform(-0.2, 0.2);
        std::vector<Point> line;
        for (int v = 0; v <= 7; ++v) {
            const double t = v / 7.0, lift = bend * 4 * t * (1 - t);
            line.push_back({a.x + (b.x - a.x) * t - (b.y - a.y) * lift, a.y + (b.y - a.y) * t + (b.x - a.x) * lift});
        }
        m.obstacles.lines.push_back(line);
    }
    m.obstacles.line_half_width = 2.5;
    std::vector<Point> centres;
    for (int k = 0; k < 5; ++k) centres.push_back({uniform(250, 950), uniform(200, 600)});
    for (std::size_t k = 0; k < n; ++k) {
        LabelRequest r;
        r.id = "place-" + std::to_string(k);
        if (k % 2 == 0) {
            const Point c = centres[k % centres.size()];
            r.anchor = {std::clamp(c.x + std::normal_distribution<double>(0, 90)(rng), 0.0, 1200.0),
                        std::clamp(c.y + std::normal_distribution<double>(0, 70)(rng), 0.0, 800.0)};
        } else {
            r.anchor = {uniform(0, 1200), uniform(0, 800)};
        }
        const std::size_t kind = k % 50;
        r.priority = kind < 2 ? 2 : kind < 7 ? 1 : 0;
        r.required = r.priority == 2;
        r.clearance = r.priority == 2 ? 6 : r.priority == 1 ? 4 : 2.5;
        r.marker_optional = r.priority == 0; // a basemap town's dot goes with its name
        const double h = r.priority == 2 ? uniform(18, 20) : r.priority == 1 ? uniform(16, 18) : uniform(14, 16);
        const double w = uniform(40, 160);
        for (const double scale : {1.0, 0.9, 0.8}) r.sizes.push_back({w * scale, h * scale});
        m.requests.push_back(r);
    }
    return m;
}

/// Distance between two boxes (0 when they overlap), as labels.hpp measures it.
double gap(const Box& a, const Box& b) {
    return std::hypot(std::max({a.x0 - b.x1, b.x0 - a.x1, 0.0}), std::max({a.y0 - b.y1, b.y0 - a.y1, 0.0}));
}

/// Pairs that break the contract: label/label closer than the padding,
/// label/obstacle box closer than the padding, label over a drawn marker's clearance.
std::size_t overlaps(const Map& m, const LabelResult& res) {
    std::size_t bad = 0;
    std::vector<bool> placed(m.requests.size(), false);
    for (const auto& p : res.placed) placed[p.request] = true;
    const double pad = m.options.padding - 1e-6;
    for (std::size_t a = 0; a < res.placed.size(); ++a) {
        const Box& box = res.placed[a].box;
        for (std::size_t b = a + 1; b < res.placed.size(); ++b) bad += gap(box, res.placed[b].box) < pad;
        for (const Box& o : m.obstacles.boxes) bad += gap(box, o) < pad;
        for (std::size_t i = 0; i < m.requests.size(); ++i) {
            const LabelRequest& r = m.requests[i];
            if (r.marker_optional && !placed[i]) continue; // not drawn
            const double dx = std::max({box.x0 - r.anchor.x, 0.0, r.anchor.x - box.x1});
            const double dy = std::max({box.y0 - r.anchor.y, 0.0, r.anchor.y - box.y1});
            bad += std::hypot(dx, dy) < r.clearance + pad;
        }
    }
    return bad;
}

void report(benchmark::State& state, const Map& m, const LabelResult& res) {
    std::size_t leaders = 0;
    for (const auto& p : res.placed) leaders += p.leader;
    state.counters["candidates"] = static_cast<double>(m.requests.size());
    state.counters["placed"] = static_cast<double>(res.placed.size());
    state.counters["with_leader"] = static_cast<double>(leaders);
    state.counters["dropped"] = static_cast<double>(res.dropped_optional);
    state.counters["unlabeled"] = static_cast<double>(res.unlabeled_required.size());
    state.counters["overlaps"] = static_cast<double>(overlaps(m, res));
}

/// A map image: every label placed from scratch.
void BM_PlaceLabels(benchmark::State& state) {
    const Map m = article_map(static_cast<std::size_t>(state.range(0)));
    LabelResult res;
    for (auto _ : state) {
        res = place_labels(m.requests, m.obstacles, m.options);
        benchmark::DoNotOptimize(res.placed.data());
    }
    report(state, m, res);
}
BENCHMARK(BM_PlaceLabels)->Arg(500)->Arg(2000)->Unit(benchmark::kMillisecond);

/// A viewer frame: the same map with last frame's boxes, which stay.
void BM_PlaceLabelsNextFrame(benchmark::State& state) {
    Map m = article_map(static_cast<std::size_t>(state.range(0)));
    for (const auto& p : place_labels(m.requests, m.obstacles, m.options).placed) m.requests[p.request].previous = p.box;
    LabelResult res;
    for (auto _ : state) {
        res = place_labels(m.requests, m.obstacles, m.options);
        benchmark::DoNotOptimize(res.placed.data());
    }
    report(state, m, res);
}
BENCHMARK(BM_PlaceLabelsNextFrame)->Arg(500)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
