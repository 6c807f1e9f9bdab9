// Reading the basemap as a map image does: open the file, query the West
// Africa view at 1:10m (land, coastlines, borders), list countries and
// capitals. Target: a few ms of the 100 ms budget of a 1080×1080 PNG.
// Reads $GEOEVENTS_BASEMAP or the default .cache/basemap.bin.
#include <benchmark/benchmark.h>

#include "geoevents/render/basemap.hpp"

using namespace geoevents::render;

namespace {

const geoevents::geo::Bbox west_africa{-18, 3, 16, 25};

struct Counts {
    std::size_t features = 0, vertices = 0;
};

Counts query(const Basemap& map, bool touch_vertices, double& sum) {
    Counts c;
    auto lines = [&](const std::vector<VertexSpan>& ls) {
        for (const auto& l : ls) {
            ++c.features;
            c.vertices += l.size();
            if (touch_vertices)
                for (const auto& v : l) sum += v.lon;
        }
    };
    for (const auto& p : map.land(Resolution::r10m, west_africa)) {
        ++c.features;
        for (const auto& r : p.rings) {
            c.vertices += r.size();
            if (touch_vertices)
                for (const auto& v : r) sum += v.lon;
        }
    }
    lines(map.coastlines(Resolution::r10m, west_africa));
    lines(map.borders(Resolution::r10m, west_africa));
    for (const auto& country : map.countries()) sum += country.label.lon;
    for (const auto& capital : map.capitals()) sum += capital.point.lat;
    return c;
}

void report(benchmark::State& state, const Counts& c) {
    state.counters["features"] = static_cast<double>(c.features);
    state.counters["vertices"] = static_cast<double>(c.vertices);
}

/// Open only: map the file and check every record (what `open` costs).
void BM_Open(benchmark::State& state) {
    for (auto _ : state) {
        auto map = Basemap::open_default();
        benchmark::DoNotOptimize(&map);
    }
}

/// Open + query West Africa at 1:10m + countries + capitals: views only.
void BM_OpenQueryWestAfrica10m(benchmark::State& state) {
    Counts c;
    double sum = 0;
    for (auto _ : state) {
        const auto map = Basemap::open_default();
        c = query(map, false, sum);
    }
    benchmark::DoNotOptimize(sum);
    report(state, c);
}

/// The same, then reading every returned vertex once (as projecting them will):
/// includes faulting the pages in from the page cache on each fresh mapping.
void BM_OpenQueryReadWestAfrica10m(benchmark::State& state) {
    Counts c;
    double sum = 0;
    for (auto _ : state) {
        const auto map = Basemap::open_default();
        c = query(map, true, sum);
    }
    benchmark::DoNotOptimize(sum);
    report(state, c);
}

/// Open + the West Africa land at 1:10m cut to the view with clip_ring (what
/// is left to project), + coastlines, borders, countries and capitals.
void BM_OpenQueryClipWestAfrica10m(benchmark::State& state) {
    std::size_t before = 0, after = 0;
    double sum = 0;
    for (auto _ : state) {
        const auto map = Basemap::open_default();
        before = after = 0;
        for (const auto& p : map.land(Resolution::r10m, west_africa))
            for (const auto& r : p.rings) {
                before += r.size();
                const auto cut = clip_ring(r, west_africa);
                after += cut.size();
                for (const auto& v : cut) sum += v.lon;
            }
        query(map, true, sum);
    }
    benchmark::DoNotOptimize(sum);
    state.counters["land_vertices"] = static_cast<double>(before);
    state.counters["land_vertices_clipped"] = static_cast<double>(after);
}

} // namespace

BENCHMARK(BM_Open)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OpenQueryWestAfrica10m)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OpenQueryReadWestAfrica10m)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OpenQueryClipWestAfrica10m)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
