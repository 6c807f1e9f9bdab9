// Throughput of reading articles, against simply copying the same bytes in
// memory, on two corpora:
//
// - generated (~24 MB) from the project's own sample articles
//   (samples/*/*.txt): each copy gets other place names, people, numbers and
//   dates, drawn with a fixed seed, so the figures are repeatable;
// - real news: the 200 GeoWebNews articles of the shared evaluation folder
//   (../shared/eval/benchmark/GeoWebNews/texts, or $GEOEVENTS_NEWS_DIR),
//   read from there at run time, never copied into the project; skipped
//   with a message when absent.
//
// In process (gazetteer and lexicons loaded once): Reader::read on one core,
// and the batch pipeline (news::read_articles) with 1 and 2 threads. As a
// whole process: `geoevents parse -j N --format jsonl --no-merge` over the
// real articles repeated to about 12 MB, and `geoevents parse` of one short
// article (start-up: map the index and the lexicon table, read, print).
//
//   build/release/bin/bench_parse
//
// Counters: bytes_per_second (MB/s of article text), x_memcpy = time to read
// ÷ time to memcpy the same bytes (measured in the same run).
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/news/batch.hpp"
#include "geoevents/news/news.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using namespace geoevents;

struct Fixture {
    gazetteer::Gazetteer gz = gazetteer::Gazetteer::open_default();
    news::Lexicons lex = news::Lexicons::load_default();
    news::Reader reader{gz, lex};
    bench::Corpus corpus = bench::make_corpus(fs::path(GEOEVENTS_SOURCE_DIR) / "samples", std::size_t{24} << 20);
    double memcpy_seconds = 0;  ///< time to copy the whole corpus once
};

Fixture& fixture() {
    static Fixture f = [] {
        Fixture x;
        std::string dst;
        dst.reserve(x.corpus.bytes);
        const auto t0 = std::chrono::steady_clock::now();
        constexpr int rounds = 20;
        for (int r = 0; r < rounds; ++r) {
            dst.clear();
            for (const auto& a : x.corpus.articles) dst.append(a);
            benchmark::DoNotOptimize(dst.data());
            benchmark::ClobberMemory();
        }
        x.memcpy_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / rounds;
        return x;
    }();
    return f;
}

/// The baseline: copying the corpus's bytes from memory.
void BM_Memcpy(benchmark::State& state) {
    auto& f = fixture();
    std::string dst;
    dst.reserve(f.corpus.bytes);
    for (auto _ : state) {
        dst.clear();
        for (const auto& a : f.corpus.articles) dst.append(a);
        benchmark::DoNotOptimize(dst.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.corpus.bytes));
}
BENCHMARK(BM_Memcpy)->Unit(benchmark::kMillisecond);

/// Reading every article of the corpus (places, roles, dates, events), one core.
void BM_Read(benchmark::State& state) {
    auto& f = fixture();
    news::ReadOptions o;
    o.source = "bench";
    std::size_t toponyms = 0, events = 0;
    double seconds = 0;
    for (auto _ : state) {
        toponyms = events = 0;
        const auto t0 = std::chrono::steady_clock::now();
        for (const auto& a : f.corpus.articles) {
            const auto d = f.reader.read(a, o);
            toponyms += d.toponyms.size();
            events += d.events.size();
            benchmark::DoNotOptimize(d.toponyms.data());
        }
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.corpus.bytes));
    state.counters["MB"] = static_cast<double>(f.corpus.bytes) / 1e6;
    state.counters["articles"] = static_cast<double>(f.corpus.articles.size());
    state.counters["toponyms"] = static_cast<double>(toponyms);
    state.counters["events"] = static_cast<double>(events);
    // How many times longer than copying the same bytes in memory (wall clock of both).
    const double per_pass = state.iterations() ? seconds / static_cast<double>(state.iterations()) : 0;
    state.counters["x_memcpy"] = f.memcpy_seconds > 0 ? per_pass / f.memcpy_seconds : 0;
}
BENCHMARK(BM_Read)->Unit(benchmark::kMillisecond)->MinTime(2.0);

/// The real news articles: their paths and texts (empty when absent).
struct News {
    fs::path dir;
    std::vector<std::string> paths, texts;
    std::size_t bytes = 0;
};

const News& news_corpus() {
    static const News n = [] {
        News x;
        const char* env = std::getenv("GEOEVENTS_NEWS_DIR");
        x.dir = env && *env ? fs::path(env) : fs::path(GEOEVENTS_SOURCE_DIR) / ".." / "shared" / "eval" / "benchmark" / "GeoWebNews" / "texts";
        std::error_code ec;
        if (!fs::is_directory(x.dir, ec)) return x;
        for (const auto& e : fs::directory_iterator(x.dir, ec))
            if (e.is_regular_file()) x.paths.push_back(e.path().string());
        std::sort(x.paths.begin(), x.paths.end());
        for (const auto& p : x.paths) {
            std::ifstream in(p, std::ios::binary);
            std::ostringstream ss;
            ss << in.rdbuf();
            x.texts.push_back(ss.str());
            x.bytes += x.texts.back().size();
        }
        return x;
    }();
    return n;
}

bool skip_without_news(benchmark::State& state) {
    if (!news_corpus().texts.empty()) return false;
    state.SkipWithError(("no real news articles in " + news_corpus().dir.string() +
                         " (set GEOEVENTS_NEWS_DIR to a folder of article texts)").c_str());
    return true;
}

/// Real news through the batch pipeline (parse's and map's intake), in
/// memory, with state.range(0) threads; the documents are printed to JSON
/// as `parse --format jsonl` does.
void BM_ReadNews(benchmark::State& state) {
    if (skip_without_news(state)) return;
    auto& f = fixture();
    const auto& n = news_corpus();
    const auto threads = static_cast<unsigned>(state.range(0));
    constexpr int repeat = 5;  // about 2.5 MB per pass
    std::vector<news::ArticleInput> articles;
    for (int r = 0; r < repeat; ++r)
        for (std::size_t i = 0; i < n.texts.size(); ++i) articles.push_back({n.paths[i], {}, n.texts[i], std::nullopt, {}, {}});
    std::size_t out = 0;
    for (auto _ : state) {
        news::ArticleSource source(articles);
        out = 0;
        news::read_articles(
            f.reader, source, {}, threads, [&](news::ArticleResult&& r) { out += r.output.size(); },
            [](news::ArticleResult& r) {
                if (r.document) r.output = news::to_json(*r.document, -1);
            });
        benchmark::DoNotOptimize(out);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * n.bytes * repeat));
    state.counters["articles"] = static_cast<double>(articles.size());
}
BENCHMARK(BM_ReadNews)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();

/// Runs `geoevents` with `args`, its output to /dev/null; false when it fails.
bool run_geoevents(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    static std::string bin = GEOEVENTS_BIN;
    argv.push_back(bin.data());
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, bin.c_str(), &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) return false;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/// The whole `geoevents parse` process over the real news repeated to about
/// 12 MB (25 times the 200 articles), with state.range(0) threads.
void BM_ParseProcess(benchmark::State& state) {
    if (skip_without_news(state)) return;
    const auto& n = news_corpus();
    constexpr int repeat = 25;
    std::vector<std::string> args{"parse", "-j", std::to_string(state.range(0)), "--format", "jsonl", "--no-merge"};
    for (int r = 0; r < repeat; ++r) args.insert(args.end(), n.paths.begin(), n.paths.end());
    for (auto _ : state)
        if (!run_geoevents(args)) {
            state.SkipWithError("geoevents parse failed");
            return;
        }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * n.bytes * repeat));
}
BENCHMARK(BM_ParseProcess)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->MinTime(5.0)->UseRealTime();

/// Start-up: the whole `geoevents parse` process for one short article.
void BM_ParseOneArticle(benchmark::State& state) {
    const fs::path p = fs::temp_directory_path() / ("geoevents-bench-one-" + std::to_string(::getpid()) + ".txt");
    std::ofstream(p) << "date 2022-02-17\nLes soldats français ont quitté Gao pour Niamey jeudi.\n";
    for (auto _ : state)
        if (!run_geoevents({"parse", p.string()})) {
            state.SkipWithError("geoevents parse failed");
            break;
        }
    fs::remove(p);
}
BENCHMARK(BM_ParseOneArticle)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();

/// Reading plus the contract's JSON, as `geoevents parse --format jsonl` does.
void BM_ReadToJson(benchmark::State& state) {
    auto& f = fixture();
    news::ReadOptions o;
    o.source = "bench";
    std::size_t out = 0;
    for (auto _ : state) {
        out = 0;
        for (const auto& a : f.corpus.articles) out += news::to_json(f.reader.read(a, o), -1).size();
        benchmark::DoNotOptimize(out);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.corpus.bytes));
}
BENCHMARK(BM_ReadToJson)->Unit(benchmark::kMillisecond)->MinTime(2.0);

} // namespace

BENCHMARK_MAIN();
