// Throughput of reading articles (news::Reader::read), gazetteer and
// lexicons loaded once, against simply copying the same bytes in memory.
//
// The corpus (~24 MB) is generated here from the project's own sample
// articles (samples/*/*.txt): each copy gets other place names, people,
// numbers and dates, drawn with a fixed seed, so the reader cannot profit
// from seeing the same text again and the figures are repeatable.
//
//   GEOEVENTS_INDEX=.cache/gazetteer.geoidx build/release/bin/bench_parse
//
// Counters: bytes_per_second (MB/s of article text), slowdown = time to read
// ÷ time to memcpy the same bytes (measured in the same run).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "geoevents/gazetteer/gazetteer.hpp"
#include "corpus.hpp"
#include "geoevents/news/news.hpp"

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
