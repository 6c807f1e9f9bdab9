// Writers: 100,000 events to every file format, against ogr2ogr converting
// the same features.
//
// For each format F:
//   write/F   our writer, from the project in memory (what `map` does);
//   export/F  read_project(the GeoPackage) then our writer (what `export`
//             does: the same work as ogr2ogr, reading included).
// After the timed loop each benchmark runs ogr2ogr on the GeoPackage written
// first (the same features, the same layer creation options) and reports
//   features_per_s         ours (all layers' features / mean wall time)
//   best_features_per_s    ours, best of the iterations
//   ogr2ogr_features_per_s ogr2ogr's, best of two runs
//   speed_vs_ogr2ogr       ours / ogr2ogr in wall time (the target: >= 1)
//   cpu_speed_vs_ogr2ogr   the same in CPU time, steadier on a shared machine
// ogr2ogr is run through std::system, so its time includes process start-up
// (one process per layer for the one-layer formats: that is how ogr2ogr is used).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include "geoevents/geo/layers.hpp"
#include "geoevents/geo/writer.hpp"

namespace {

using namespace geoevents::geo;
namespace fs = std::filesystem;

constexpr std::size_t event_count = 100'000;

// String building by appending: GCC 12 at -O3 warns (-Wrestrict, a known
// false positive) on `"literal" + std::to_string(n)`.
void put(std::string& s, const char* v) { s += v; }
template <typename N>
void put(std::string& s, N v) requires std::is_arithmetic_v<N> { s += std::to_string(v); }
template <typename... T>
std::string cat(const T&... parts) {
    std::string s;
    (put(s, parts), ...);
    return s;
}

/// Synthetic but plausible input: 500 towns and 20 countries over West
/// Africa and Europe; each event at a town inside a country; 1% are
/// withdrawals or redeployments between countries (movement lines).
LayerInput synthetic_input() {
    std::mt19937 rng(20220217);
    std::uniform_real_distribution<double> jitter(0.05, 0.95);
    LayerInput in;
    std::vector<Place> countries, towns;
    std::map<std::string, std::vector<std::uint8_t>, std::less<>> polygons;
    for (int i = 0; i < 20; ++i) {
        const double lon0 = -18.0 + 12.0 * (i % 5), lat0 = 2.0 + 12.0 * (i / 5);
        Place c;
        c.id = cat("ne:C", i);
        c.name = cat("Country ", i);
        c.kind = PlaceKind::country;
        c.country = cat("C", i);
        c.point = {lon0 + 6, lat0 + 6};
        c.has_polygon = true;
        polygons[c.id] = Geometry::box({lon0, lat0, lon0 + 12, lat0 + 12}).wkb();
        countries.push_back(c);
    }
    for (int i = 0; i < 500; ++i) {
        const Place& c = countries[static_cast<std::size_t>(i) % countries.size()];
        Place t;
        t.id = cat("geonames:", 1000000 + i);
        t.name = cat("Ville-", i, " (Ménaka)");
        t.kind = PlaceKind::city;
        t.country = c.country;
        t.point = {c.point.lon - 6 + 12 * jitter(rng), c.point.lat - 6 + 12 * jitter(rng)};
        t.population = 1000 + i * 37;
        towns.push_back(t);
    }
    const std::vector<EventType> types{EventType::attack, EventType::statement, EventType::protest,
                                       EventType::military_operation, EventType::casualties};
    for (std::size_t i = 0; i < event_count; ++i) {
        Event e;
        e.id = cat("e", i + 1);
        const Place& town = towns[rng() % towns.size()];
        const Place& country = countries[std::stoul(town.country.substr(1))];
        e.when.first = e.when.last = cat("2022-02-", i % 28 < 9 ? "0" : "", i % 28 + 1);
        e.when.iso = e.when.first;
        e.when.precision = DatePrecision::day;
        e.actors = {"Barkhane", "FAMa"};
        e.sources = {cat("articles/", i % 1000, ".txt")};
        e.evidence = "Selon l'état-major, une opération a eu lieu près de " + town.name + ", au " + country.name + ".";
        e.confidence = 0.5 + 0.5 * jitter(rng);
        if (i % 100 == 0) {
            e.type = i % 200 == 0 ? EventType::withdrawal : EventType::redeployment;
            const Place& to = countries[(std::stoul(town.country.substr(1)) + 7) % countries.size()];
            e.places = {{country, PlaceRole::origin}, {to, PlaceRole::destination}};
        } else {
            e.type = types[i % types.size()];
            e.places = {{town, PlaceRole::location}, {country, PlaceRole::location}};
        }
        in.events.push_back(std::move(e));
    }
    for (const auto& t : towns) in.places.push_back({t, 10, {"articles/1.txt"}, 10, 0, {}, {}});
    for (const auto& c : countries) in.places.push_back({c, 20, {"articles/1.txt"}, 15, 5, {}, {}});
    in.polygon_of = polygons_from_map(std::move(polygons));
    in.metadata.reference_date = "2022-02-17";
    in.metadata.toolkit_version = "bench";
    return in;
}

struct Fixture {
    fs::path dir;
    Project project;
    std::size_t features = 0;
    std::string gpkg;
    bool have_ogr2ogr = false;

    Fixture() {
        dir = fs::temp_directory_path() / (cat("geoevents-bench-writers-", ::getpid()));
        fs::create_directories(dir);
        project = build_layers(synthetic_input());
        for (const auto& l : project.layers) features += l.features.size();
        gpkg = (dir / "source.gpkg").string();
        write_project(project, "gpkg", gpkg);
        have_ogr2ogr = std::system("ogr2ogr --version >/dev/null 2>&1") == 0;
    }
    ~Fixture() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

/// The ogr2ogr command lines converting the GeoPackage to `format` under `out`
/// with the options our writer uses.
std::vector<std::string> ogr2ogr_commands(const std::string& format, const fs::path& out, const std::string& src) {
    const std::vector<std::string> layers{"places", "areas", "events", "movements", "metadata"};
    auto q = [](const fs::path& p) { return "'" + p.string() + "'"; };
    std::vector<std::string> cmds;
    auto per_layer = [&](const std::string& driver, const std::string& ext, const std::string& lco, bool tables) {
        for (const auto& l : layers) {
            if (l == "metadata" && !tables) continue;
            cmds.push_back("ogr2ogr -f " + driver + " " + lco + " " + q(out / (l + ext)) + " '" + src + "' " + l);
        }
    };
    if (format == "gpkg") cmds.push_back("ogr2ogr -f GPKG " + q(out / "events.gpkg") + " '" + src + "'");
    else if (format == "geojson") per_layer("GeoJSON", ".geojson", "-lco RFC7946=YES -lco COORDINATE_PRECISION=6", true);
    else if (format == "geojsonseq") per_layer("GeoJSONSeq", ".geojsonl", "-lco COORDINATE_PRECISION=6", true);
    else if (format == "fgb") per_layer("FlatGeobuf", ".fgb", "-lco SPATIAL_INDEX=YES", false);
    else if (format == "shp") cmds.push_back("ogr2ogr -f 'ESRI Shapefile' -lco ENCODING=UTF-8 " + q(out) + " '" + src + "'");
    else if (format == "kml") cmds.push_back("ogr2ogr -f KML -dsco NameField=name " + q(out / "events.kml") + " '" + src + "'");
    else if (format == "csv")
        // The CSV driver refuses an existing directory: let it create one.
        cmds.push_back("ogr2ogr -f CSV -lco GEOMETRY=AS_WKT -lco CREATE_CSVT=YES " + q(out / "csv") + " '" + src + "'");
    return cmds;
}

/// CPU seconds (user + system) of this process, or of its finished children.
double cpu_seconds(int who) {
    rusage r{};
    getrusage(who, &r);
    return static_cast<double>(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
           1e-6 * static_cast<double>(r.ru_utime.tv_usec + r.ru_stime.tv_usec);
}

struct Timing {
    double wall = 1e300, cpu = 1e300;  ///< best of the runs, seconds
    void add(double w, double c) {
        wall = std::min(wall, w);
        cpu = std::min(cpu, c);
    }
};

/// What ogr2ogr takes for the whole conversion (best of `runs`); wall 0 when it failed.
Timing time_ogr2ogr(const std::string& format, int runs) {
    Fixture& f = fixture();
    Timing best;
    for (int r = 0; r < runs; ++r) {
        const fs::path out = f.dir / ("ogr2ogr-" + format);
        fs::remove_all(out);
        fs::create_directories(out);
        const double c0 = cpu_seconds(RUSAGE_CHILDREN);
        const auto t0 = std::chrono::steady_clock::now();
        for (const auto& cmd : ogr2ogr_commands(format, out, f.gpkg))
            if (std::system((cmd + " >/dev/null 2>&1").c_str()) != 0) return Timing{0, 0};
        best.add(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                 cpu_seconds(RUSAGE_CHILDREN) - c0);
    }
    return best;
}

void report(benchmark::State& state, const std::string& format, const Timing& ours) {
    Fixture& f = fixture();
    const auto n = static_cast<double>(f.features);
    state.counters["features"] = n;
    state.counters["features_per_s"] = benchmark::Counter(n, benchmark::Counter::kIsIterationInvariantRate);
    if (!f.have_ogr2ogr) {
        state.SetLabel("ogr2ogr not found: no comparison");
        return;
    }
    const Timing ogr = time_ogr2ogr(format, 2);
    if (ogr.wall <= 0) {
        state.SetLabel("ogr2ogr failed: no comparison");
        return;
    }
    // Best run against best run. On a shared machine wall time measures the
    // neighbours too: CPU time (ours: this process; ogr2ogr: its processes)
    // is the steadier comparison, so both are reported.
    state.counters["best_features_per_s"] = n / ours.wall;
    state.counters["ogr2ogr_features_per_s"] = n / ogr.wall;
    state.counters["speed_vs_ogr2ogr"] = ogr.wall / ours.wall;
    state.counters["cpu_speed_vs_ogr2ogr"] = ogr.cpu / ours.cpu;
}

void BM_write(benchmark::State& state, const std::string& format) {
    Fixture& f = fixture();
    const fs::path dest = format == "gpkg" ? f.dir / "ours-gpkg" / "events.gpkg"
                          : format == "kml" ? f.dir / "ours-kml" / "events.kml"
                                            : f.dir / ("ours-" + format);
    Timing best;
    for (auto _ : state) {
        const double c0 = cpu_seconds(RUSAGE_SELF);
        const auto t0 = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(write_project(f.project, format, dest.string()));
        best.add(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                 cpu_seconds(RUSAGE_SELF) - c0);
    }
    report(state, format, best);
}

void BM_export(benchmark::State& state, const std::string& format) {
    Fixture& f = fixture();
    const fs::path dest = format == "gpkg" ? f.dir / "export-gpkg" / "events.gpkg"
                          : format == "kml" ? f.dir / "export-kml" / "events.kml"
                                            : f.dir / ("export-" + format);
    Timing best;
    for (auto _ : state) {
        const double c0 = cpu_seconds(RUSAGE_SELF);
        const auto t0 = std::chrono::steady_clock::now();
        const Project p = read_project(f.gpkg);
        benchmark::DoNotOptimize(write_project(p, format, dest.string()));
        best.add(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                 cpu_seconds(RUSAGE_SELF) - c0);
    }
    report(state, format, best);
}

const int registered = [] {
    for (const char* format : {"gpkg", "geojson", "geojsonseq", "shp", "fgb", "kml", "csv"}) {
        benchmark::RegisterBenchmark((std::string("write/") + format).c_str(), BM_write, std::string(format))
            ->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
        benchmark::RegisterBenchmark((std::string("export/") + format).c_str(), BM_export, std::string(format))
            ->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
    }
    return 0;
}();

} // namespace

BENCHMARK_MAIN();
