// Gazetteer figures of the README: index load in a fresh process, normalised
// lookups per second over a mix of hits and misses, resident memory.
//   build/release/bin/bench_gazetteer
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/gazetteer/normalize.hpp"

extern char** environ;

namespace {
using geoevents::gazetteer::Gazetteer;

long rss_kib() {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

/// Names as news writes them: half are place names of the index in their own
/// spelling (capitalised, with accents), half are words and names that are not places.
std::vector<std::string> query_mix(const Gazetteer& gz, std::size_t n) {
    std::mt19937 rng(42);
    std::vector<std::string> out;
    std::uniform_int_distribution<std::uint32_t> pick(0, static_cast<std::uint32_t>(gz.size() - 1));
    const char* misses[] = {"Thursday", "Minister", "President", "Operation", "Union", "Barkhane", "Security",
                            "Council", "Emmanuel", "According", "Reuters", "However", "Jihadists", "Soldiers",
                            "Ministère", "Armées", "Jeudi", "Selon", "Conseil", "Takuba", "Nations", "Forces"};
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 2 == 0) out.emplace_back(gz.place(pick(rng)).name);
        else out.push_back(std::string(misses[rng() % std::size(misses)]) + (i % 7 == 1 ? "s" : ""));
    }
    return out;
}

void BM_LoadIndexInProcess(benchmark::State& state) {
    for (auto _ : state) {
        const Gazetteer gz = Gazetteer::open_default();
        benchmark::DoNotOptimize(gz.lookup_key("bamako").size());
    }
}
BENCHMARK(BM_LoadIndexInProcess)->Unit(benchmark::kMillisecond);

/// A whole fresh process: start `geoevents gazetteer lookup Bamako`, which
/// opens the index and answers, and wait for it.
void BM_LoadIndexFreshProcess(benchmark::State& state) {
    const std::string bin = GEOEVENTS_BIN;
    const std::string index = geoevents::gazetteer::default_index_path().string();
    for (auto _ : state) {
        pid_t pid = 0;
        std::vector<std::string> args{bin, "gazetteer", "lookup", "Bamako", "--limit", "1", "--index", index};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
        if (posix_spawn(&pid, bin.c_str(), &fa, nullptr, argv.data(), environ) != 0) {
            state.SkipWithError("cannot start geoevents");
            break;
        }
        posix_spawn_file_actions_destroy(&fa);
        int status = 0;
        waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            state.SkipWithError("geoevents gazetteer lookup failed");
            break;
        }
    }
}
BENCHMARK(BM_LoadIndexFreshProcess)->Unit(benchmark::kMillisecond)->UseRealTime();

/// Normalisation of the raw name plus the hash lookup, as the news reader does it.
void BM_NormalisedLookup(benchmark::State& state) {
    const Gazetteer gz = Gazetteer::open_default();
    const auto queries = query_mix(gz, 20000);
    std::string key;
    std::size_t i = 0, hits = 0;
    for (auto _ : state) {
        key.clear();
        geoevents::gazetteer::normalize_into(queries[i], key);
        const auto c = gz.lookup_key(key);
        hits += !c.empty();
        benchmark::DoNotOptimize(c.data());
        if (++i == queries.size()) i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.counters["hit_ratio"] = static_cast<double>(hits) / static_cast<double>(state.iterations());
    state.counters["rss_MiB"] = static_cast<double>(rss_kib()) / 1024.0;
}
BENCHMARK(BM_NormalisedLookup);

/// The ranked API: normalise, look up, re-rank for a language, dedupe places.
void BM_RankedLookup(benchmark::State& state) {
    const Gazetteer gz = Gazetteer::open_default();
    const auto queries = query_mix(gz, 20000);
    std::size_t i = 0;
    geoevents::gazetteer::LookupOptions o;
    o.lang = geoevents::gazetteer::Lang::fr;
    for (auto _ : state) {
        benchmark::DoNotOptimize(gz.lookup(queries[i], o));
        if (++i == queries.size()) i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_RankedLookup);

/// Resident memory with the whole index touched (every place and polygon read once).
void BM_ResidentMemoryFullIndex(benchmark::State& state) {
    const Gazetteer gz = Gazetteer::open_default();
    for (auto _ : state) {
        std::size_t bytes = 0;
        for (std::uint32_t p = 0; p < gz.size(); ++p) {
            const auto v = gz.place(p);
            bytes += v.name.size() + v.polygon.size() + v.detail_polygon.size();
            for (std::size_t k = 0; k < v.polygon.size(); k += 4096) benchmark::DoNotOptimize(v.polygon[k]);
            for (std::size_t k = 0; k < v.detail_polygon.size(); k += 4096) benchmark::DoNotOptimize(v.detail_polygon[k]);
        }
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["rss_MiB"] = static_cast<double>(rss_kib()) / 1024.0;
}
BENCHMARK(BM_ResidentMemoryFullIndex)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

BENCHMARK_MAIN();
