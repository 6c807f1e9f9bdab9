// Map images, measured (README "Performance"):
// 1. The whole `geoevents render` process drawing the sample story's
//    GeoPackage to a 1080×1080 PNG at scale 1 and 2, interleaved in the same
//    run with Mapnik (Debian's python3-mapnik, as a whole process too:
//    bench/mapnik_render.py) drawing the same layers from the same file in
//    the same projection and extent; medians and best of 15 runs each, with
//    `geoevents --version` (starting and ending the process alone) and the
//    load average, since other processes share the machine. Two extents:
//    the story's own (wide: about 0.1° a pixel, so our basemap is 1:50m) and
//    the Sahel zoomed in with --bbox (about 0.03° a pixel: 1:10m, the case
//    the target names).
// 2. Where the time goes, in process (Google Benchmark): reading the
//    GeoPackage, opening the basemap and fonts, building the scene (basemap
//    cut and projected, story, furniture, labels), drawing, encoding.
//
// usage: bench_render [google benchmark flags]   (run from the project root:
// needs the basemap and index made by the set-up; `bash scripts/bench.sh render`
// installs python3-mapnik first)
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "geoevents/geo/writer.hpp"
#include "geoevents/render/basemap.hpp"
#include "geoevents/render/build.hpp"
#include "geoevents/render/image.hpp"
#include "geoevents/render/text.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using namespace geoevents;

const fs::path work = fs::path(GEOEVENTS_BINARY_DIR) / "bench-render";
const std::string gpkg = (work / "story" / "events.gpkg").string();
const std::string natural_earth = (work / "natural-earth-10m.gpkg").string();

int run(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    // The children's output and notes are not part of the measure.
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// CPU seconds (user + system) used by the children that have ended.
double children_cpu() {
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

// One run: its wall time and its CPU time (on a loaded machine the wall
// time includes waiting for a core; the CPU time much less so).
struct Timing {
    std::vector<double> wall, cpu;
};

void time_run(const std::vector<std::string>& argv, Timing& t) {
    const double c0 = children_cpu();
    const auto t0 = std::chrono::steady_clock::now();
    if (run(argv) != 0) {
        std::fprintf(stderr, "bench_render: failed: %s\n", argv[0].c_str());
        std::exit(1);
    }
    t.wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    t.cpu.push_back(children_cpu() - c0);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The zoomed extent: Mali, Niger, Burkina Faso and the Gulf of Guinea coast,
// 30° wide, below the 1:50m threshold of 0.05° a pixel at 1080 pixels.
const geo::Bbox sahel{-14, 3, 16, 25};
const char* const sahel_arg = "--bbox=-14,3,16,25";

render::SceneOptions square(bool zoomed = false) {
    render::SceneOptions o;
    o.width = o.height = 1080;
    if (zoomed) o.bbox = sahel;
    return o;
}

void BM_ReadProject(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(geo::read_project(gpkg));
}
BENCHMARK(BM_ReadProject)->Unit(benchmark::kMillisecond);

void BM_OpenBasemapAndFonts(benchmark::State& state) {
    for (auto _ : state) {
        auto basemap = render::Basemap::open_default();
        render::require_font("Noto Sans");
        render::PangoShaper shaper;
        benchmark::DoNotOptimize(shaper.measure("Niamey", {}));
    }
}
BENCHMARK(BM_OpenBasemapAndFonts)->Unit(benchmark::kMillisecond);

void BM_BuildScene(benchmark::State& state) {
    const auto project = geo::read_project(gpkg);
    const auto basemap = render::Basemap::open_default();
    const render::PangoShaper shaper;  // measurements cached after the first frame, as in a process
    const auto o = square(state.range(0) != 0);
    for (auto _ : state) benchmark::DoNotOptimize(render::build_scene(project, basemap, shaper, o));
    state.SetLabel(state.range(0) != 0 ? "Sahel, 1:10m" : "story extent, 1:50m");
}
BENCHMARK(BM_BuildScene)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_Draw(benchmark::State& state) {
    const auto project = geo::read_project(gpkg);
    const auto basemap = render::Basemap::open_default();
    const render::PangoShaper shaper;
    const auto scene = render::build_scene(project, basemap, shaper, square(state.range(1) != 0));
    for (auto _ : state) benchmark::DoNotOptimize(render::rasterize(scene, static_cast<double>(state.range(0))));
    state.SetLabel(state.range(1) != 0 ? "Sahel, 1:10m" : "story extent, 1:50m");
}
BENCHMARK(BM_Draw)->Args({1, 0})->Args({2, 0})->Args({1, 1})->Args({2, 1})->Unit(benchmark::kMillisecond);

void BM_Encode(benchmark::State& state) {
    const auto project = geo::read_project(gpkg);
    const auto basemap = render::Basemap::open_default();
    const render::PangoShaper shaper;
    const auto scene = render::build_scene(project, basemap, shaper, square());
    const auto format = static_cast<render::ImageFormat>(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(render::encode(scene, format, 1));
    state.SetLabel(format == render::ImageFormat::png ? "png (draw + encode)" : format == render::ImageFormat::svg ? "svg" : "pdf");
}
BENCHMARK(BM_Encode)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    fs::create_directories(work);
    const std::string bin = GEOEVENTS_BIN;
    if (run({bin, "map", std::string(GEOEVENTS_SOURCE_DIR) + "/samples/barkhane", "-o", (work / "story").string(), "--no-render", "-q"}) != 0) {
        std::fprintf(stderr, "bench_render: cannot map the sample story (is the set-up done?)\n");
        return 1;
    }
    if (!fs::exists(natural_earth)) {
        const std::string atlas = GEOEVENTS_SOURCE_DIR "/.cache/data/node_modules/world-atlas/";
        run({"ogr2ogr", "-f", "GPKG", natural_earth, atlas + "countries-10m.json", "-nln", "countries"});
        run({"ogr2ogr", "-f", "GPKG", "-update", natural_earth, atlas + "land-10m.json", "-nln", "land"});
    }

    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();

    // Whole processes, interleaved so that both see the same machine.
    const auto project = geo::read_project(gpkg);
    const auto basemap = render::Basemap::open_default();
    const render::PangoShaper shaper;
    const bool have_mapnik = run({"/usr/bin/python3", "-c", "import mapnik"}) == 0;
    if (!have_mapnik) std::fprintf(stderr, "\nbench_render: python3-mapnik is not installed: the baseline is skipped (bash scripts/bench.sh render installs it)\n");
    struct Case {
        const char* name;
        bool zoomed;
        std::vector<std::string> extra;  // our options beyond the size
        std::vector<std::string> mapnik{};
        const char* resolution = "";
        Timing one{}, two{}, base{};
    };
    auto num = [](double d) { return std::to_string(d); };
    std::vector<Case> cases = {{"the story's extent", false, {}}, {"the Sahel (--bbox=-14,3,16,25)", true, {sahel_arg}}};
    for (Case& c : cases) {
        // Mapnik is given the extent and projection our scene chose.
        const auto scene = render::build_scene(project, basemap, shaper, square(c.zoomed));
        const auto& v = scene.viewport;
        // The builder's rule (docs/render.md): ground at the centre per pixel, 111.32 km a degree.
        const double degrees_per_pixel = 1.0 / v.k / 1000.0 / 111.32;
        c.resolution = render::resolution_for(degrees_per_pixel) == render::Resolution::r10m ? "1:10m" : "1:50m";
        c.mapnik = {"/usr/bin/python3", std::string(GEOEVENTS_SOURCE_DIR) + "/bench/mapnik_render.py", gpkg, natural_earth,
                    (work / (c.zoomed ? "mapnik-sahel.png" : "mapnik.png")).string(), "1080", "1080", v.projection,
                    num(v.x0), num(v.y0 - 1080 / v.k), num(v.x0 + 1080 / v.k), num(v.y0)};
    }
    Timing start;
    for (int i = 0; i < 15; ++i) {
        for (Case& c : cases) {
            const std::string stem = c.zoomed ? "ours-sahel" : "ours";
            std::vector<std::string> one = {bin, "render", gpkg, "-o", (work / (stem + ".png")).string(), "--size", "square", "-q"};
            one.insert(one.end(), c.extra.begin(), c.extra.end());
            std::vector<std::string> two = one;
            two[4] = (work / (stem + "2.png")).string();
            two.insert(two.end(), {"--scale", "2"});
            time_run(one, c.one);
            time_run(two, c.two);
            if (have_mapnik) time_run(c.mapnik, c.base);
        }
        time_run({bin, "--version"}, start);
    }
    // Other processes share the machine: the load average says how much.
    double load = 0;
    if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf", &load) != 1) load = 0;
        std::fclose(f);
    }
    auto best = [](const std::vector<double>& runs) { return *std::min_element(runs.begin(), runs.end()); };
    auto row = [&](const char* name, const Timing& t, const char* note) {
        std::printf("  %-27s %7.1f %7.1f   %7.1f %7.1f ms%s\n", name, median(t.wall) * 1000, best(t.wall) * 1000, median(t.cpu) * 1000,
                    best(t.cpu) * 1000, note);
    };
    std::printf("\nwhole process, 1080x1080 PNG of the sample story (15 runs each, interleaved; load average %.2f):\n", load);
    std::printf("                                 wall: median best    CPU: median best\n");
    for (const Case& c : cases) {
        std::printf(" %s, our basemap %s:\n", c.name, c.resolution);
        row("geoevents render, scale 1", c.one, "");
        row("geoevents render, scale 2", c.two, "");
        if (have_mapnik) {
            row("Mapnik (python3-mapnik)", c.base, "  (1:10m; less furniture)");
            std::printf("  ratio Mapnik / geoevents (wall medians): %.2f at scale 1, %.2f at scale 2\n", median(c.base.wall) / median(c.one.wall),
                        median(c.base.wall) / median(c.two.wall));
        }
    }
    row("geoevents --version", start, "  (start and exit alone)");
    return 0;
}
