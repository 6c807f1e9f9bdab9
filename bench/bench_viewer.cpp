// The viewer under the machines' software OpenGL (run under xvfb-run -a):
// frame time at 1280×800 for the reference story plus N synthetic events
// (p50 and p95 as counters; targets p95 <= 16.7 ms at 10k, <= 50 ms at 100k),
// hover picking over 100,000 features (target <= 1 ms), and recording
// frames per second (PNG frames encoded on the other cores; MP4 via ffmpeg).
#include <benchmark/benchmark.h>

#include <SFML/Graphics/RenderWindow.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <random>

#include "../tests/render/viewer/fixture.hpp"
#include "geoevents/render/basemap.hpp"
#include "geoevents/viewer/viewer.hpp"

using namespace geoevents;

namespace {

const render::Basemap& basemap() {
    static const render::Basemap b = render::Basemap::open_default();
    return b;
}

const geo::Project& project(std::size_t n) {
    static std::map<std::size_t, std::unique_ptr<geo::Project>> cache;
    auto& p = cache[n];
    if (!p) p = std::make_unique<geo::Project>(viewer_test::synthetic_story(n));
    return *p;
}

void BM_frame(benchmark::State& state) {
    viewer::require_display();
    const auto n = static_cast<std::size_t>(state.range(0));
    viewer::Viewer v(project(n), basemap(), {});
    sf::RenderWindow window(sf::VideoMode(1280, 800), "bench_viewer", sf::Style::None);
    window.setVerticalSyncEnabled(false);
    window.setFramerateLimit(0);
    v.clock().play();
    std::vector<double> ms;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        v.update(1.0 / 60);
        v.draw(window);
        window.display();  // llvmpipe renders on the swap
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    state.counters["p50_ms"] = ms[ms.size() / 2];
    state.counters["p95_ms"] = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    std::size_t items = 0;
    for (const auto& l : v.scene().layers) items += l.items.size();
    state.counters["scene_items"] = static_cast<double>(items);
}
BENCHMARK(BM_frame)->Arg(0)->Arg(10000)->Arg(100000)->Iterations(600)->Unit(benchmark::kMillisecond);

void BM_pick(benchmark::State& state) {
    // 100,000 markers over a 1280×800 map (the picker alone: no display).
    render::Scene s;
    s.width = 1280;
    s.height = 800;
    s.layers.push_back({"events", render::LayerRole::story, {}});
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> x(0, 1280), y(0, 800);
    for (std::size_t i = 0; i < 100000; ++i) {
        render::MarkerItem m;
        m.at = {x(rng), y(rng)};
        s.layers[0].items.push_back({m, {"events", i}, {}, "event:conflict", false});
    }
    const viewer::Picker picker(s);
    std::size_t found = 0;
    for (auto _ : state) {
        found += picker.at({x(rng), y(rng)}).size();
        benchmark::DoNotOptimize(found);
    }
    state.counters["hits_per_query"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_pick)->Unit(benchmark::kMicrosecond);

void BM_record(benchmark::State& state) {
    viewer::require_display();
    viewer::ViewerOptions o;
    o.width = 1280;
    o.height = 720;
    viewer::Viewer v(project(0), basemap(), o);
    viewer::RecordOptions ro;
    ro.fps = 30;
    ro.duration = 2;  // 60 frames per iteration
    const auto dir = std::filesystem::temp_directory_path() / "bench_viewer_frames";
    const std::string video = (std::filesystem::temp_directory_path() / "bench_viewer.mp4").string();
    for (auto _ : state) {
        if (state.range(0) == 0)
            viewer::record_frames(v, dir.string(), ro);
        else
            viewer::record_video(v, video, ro);
    }
    state.counters["frames_per_s"] = benchmark::Counter(static_cast<double>(viewer::frame_count(ro)) * static_cast<double>(state.iterations()),
                                                        benchmark::Counter::kIsRate);
    std::filesystem::remove_all(dir);
    std::filesystem::remove(video);
}
BENCHMARK(BM_record)->Arg(0)->Arg(1)->Iterations(2)->Unit(benchmark::kSecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
