// The whole `map` job on two 10,000-article corpora, with 1 and 2 threads:
// read every article, merge the events, build the layers, write events.gpkg.
// "generated": variants of the samples that rarely merge; "one story": the
// four sample articles told again and again by distinct sources on one date,
// so that nearly every event merges (a month of coverage of one story).
//   build/release/bin/bench_map
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>

#include "corpus.hpp"
#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/geo/layers.hpp"
#include "geoevents/geo/writer.hpp"
#include "geoevents/news/batch.hpp"

namespace {
using namespace geoevents;
namespace fs = std::filesystem;

/// `articles` articles: the four samples (without their date line) in turn, each time from another source.
std::vector<news::ArticleInput> one_story(std::size_t articles) {
    std::vector<std::string> texts;
    for (const auto& dir : fs::directory_iterator(fs::path(GEOEVENTS_SOURCE_DIR) / "samples"))
        if (dir.is_directory())
            for (const auto& f : fs::directory_iterator(dir.path()))
                if (f.path().extension() == ".txt") texts.push_back(bench::detail::slurp(f.path()));
    std::sort(texts.begin(), texts.end());
    for (auto& t : texts)
        if (t.starts_with("date ")) t.erase(0, t.find('\n') + 1);
    std::vector<news::ArticleInput> out;
    for (std::size_t i = 0; i < articles; ++i)
        out.push_back({"source-" + std::to_string(i), {}, texts[i % texts.size()], news::ReferenceDate::parse("2022-02-17"), {}, {}});
    return out;
}

struct Fixture {
    gazetteer::Gazetteer gz = gazetteer::Gazetteer::open_default();
    news::Lexicons lexicons = news::Lexicons::load_default();
    news::Reader reader{gz, lexicons};
    std::vector<news::ArticleInput> generated, story;
    fs::path out = fs::temp_directory_path() / "geoevents-bench-map";
    Fixture() {
        auto corpus = bench::make_corpus(fs::path(GEOEVENTS_SOURCE_DIR) / "samples", SIZE_MAX, 10000);
        for (std::size_t i = 0; i < corpus.articles.size(); ++i)
            generated.push_back({"article-" + std::to_string(i), {}, std::move(corpus.articles[i]), std::nullopt, {}, {}});
        story = one_story(10000);
        fs::create_directories(out);
        // Warm up: one whole job pages in the index and the lexicons, loads
        // GDAL's drivers and PROJ's database, so the first measured run is not penalised.
        run(generated, 2);
    }
    /// One whole map job as `map` does it: read through the ordered pipeline,
    /// merge and count each document as it comes, build the layers, write
    /// events.gpkg. Returns the merged events.
    std::size_t run(const std::vector<news::ArticleInput>& articles, unsigned threads) {
        news::ArticleSource source(articles);
        news::EventMerger merger;
        news::LayerInputBuilder layers;
        news::read_articles(reader, source, {}, threads, [&](news::ArticleResult&& r) {
            if (!r.document) return;
            merger.add(*r.document);
            layers.add(*r.document);
        });
        auto events = merger.take();
        const std::size_t n = events.size();
        const auto project = geo::build_layers(layers.finish(std::move(events), gz, "bench"));
        geo::write_project(project, "gpkg", (out / "events.gpkg").string());
        return n;
    }
    ~Fixture() { fs::remove_all(out); }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void map_job(benchmark::State& state, const std::vector<news::ArticleInput>& articles) {
    auto& f = fixture();
    const auto threads = static_cast<unsigned>(state.range(0));
    std::size_t events = 0;
    for (auto _ : state) events = f.run(articles, threads);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * articles.size()));
    state.counters["articles_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations() * articles.size()), benchmark::Counter::kIsRate);
    state.counters["merged_events"] = static_cast<double>(events);
}
void BM_MapJob(benchmark::State& state) { map_job(state, fixture().generated); }
void BM_MapJobOneStory(benchmark::State& state) { map_job(state, fixture().story); }
BENCHMARK(BM_MapJob)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
BENCHMARK(BM_MapJobOneStory)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

} // namespace

BENCHMARK_MAIN();
