// The whole `map` job on a 10,000-article corpus, with 1 and 2 threads:
// read every article, merge the events, build the layers, write events.gpkg.
//   build/release/bin/bench_map
#include <benchmark/benchmark.h>

#include <filesystem>

#include "corpus.hpp"
#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/geo/layers.hpp"
#include "geoevents/geo/writer.hpp"
#include "geoevents/news/batch.hpp"

namespace {
using namespace geoevents;
namespace fs = std::filesystem;

struct Fixture {
    gazetteer::Gazetteer gz = gazetteer::Gazetteer::open_default();
    news::Lexicons lexicons = news::Lexicons::load_default();
    news::Reader reader{gz, lexicons};
    std::vector<news::ArticleInput> articles;
    fs::path out = fs::temp_directory_path() / "geoevents-bench-map";
    Fixture() {
        auto corpus = bench::make_corpus(fs::path(GEOEVENTS_SOURCE_DIR) / "samples", SIZE_MAX, 10000);
        for (std::size_t i = 0; i < corpus.articles.size(); ++i)
            articles.push_back({"article-" + std::to_string(i), {}, std::move(corpus.articles[i]), std::nullopt, {}, {}});
        fs::create_directories(out);
        // Warm up: one whole job pages in the index and the lexicons, loads
        // GDAL's drivers and PROJ's database, so the first measured run is not penalised.
        run(2);
    }
    /// One whole map job: read, merge, build the layers, write events.gpkg. Returns the merged events.
    std::size_t run(unsigned threads) {
        auto batch = news::read_articles(reader, articles, {}, threads);
        auto merged = news::merge_events(batch.documents);
        const std::size_t n = merged.size();
        const auto project = geo::build_layers(news::layer_input(batch.documents, std::move(merged), gz, "bench"));
        geo::write_project(project, "gpkg", (out / "events.gpkg").string());
        return n;
    }
    ~Fixture() { fs::remove_all(out); }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void BM_MapJob(benchmark::State& state) {
    auto& f = fixture();
    const auto threads = static_cast<unsigned>(state.range(0));
    std::size_t events = 0;
    for (auto _ : state) events = f.run(threads);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * f.articles.size()));
    state.counters["articles_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations() * f.articles.size()), benchmark::Counter::kIsRate);
    state.counters["merged_events"] = static_cast<double>(events);
}
BENCHMARK(BM_MapJob)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

} // namespace

BENCHMARK_MAIN();
