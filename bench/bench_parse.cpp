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
#include "geoevents/news/news.hpp"

namespace {

namespace fs = std::filesystem;
using namespace geoevents;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// A small deterministic generator (the corpus must be the same every run).
struct Lcg {
    std::uint64_t s = 0x9E3779B97F4A7C15ull;
    std::uint32_t next() {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::uint32_t>(s >> 33);
    }
    template <class T>
    const T& pick(const std::vector<T>& v) { return v[next() % v.size()]; }
};

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (true) {
        const std::size_t f = s.find(from, pos);
        if (f == std::string::npos) break;
        out.append(s, pos, f - pos);
        out += to;
        pos = f + from.size();
    }
    out.append(s, pos, std::string::npos);
    s.swap(out);
}

struct Corpus {
    std::vector<std::string> articles;
    std::size_t bytes = 0;
};

/// Variants of the sample articles until `target` bytes.
Corpus make_corpus(std::size_t target) {
    std::vector<std::string> samples;
    const fs::path root = fs::path(GEOEVENTS_SOURCE_DIR) / "samples";
    for (const auto& dir : fs::directory_iterator(root))
        if (dir.is_directory())
            for (const auto& f : fs::directory_iterator(dir.path()))
                if (f.path().extension() == ".txt") samples.push_back(slurp(f.path()));
    if (samples.empty()) throw std::runtime_error("no sample articles under " + root.string());
    // Names to swap in: countries and cities of several continents, people, numbers.
    const std::vector<std::string> countries = {"Mali", "Niger", "Tchad", "Chad", "Kenya", "Soudan", "Sudan", "Ghana",
                                                "Sénégal", "Senegal", "Nigeria", "Éthiopie", "Ethiopia", "Chili",
                                                "Chile", "Pérou", "Peru", "Ukraine", "Pologne", "Poland", "Inde", "India"};
    const std::vector<std::string> cities = {"Bamako", "Niamey", "Nairobi", "Accra", "Dakar", "Lagos", "Kano",
                                             "Santiago", "Lima", "Kharkiv", "Lviv", "Cracovie", "Mumbai", "Gao",
                                             "Tombouctou", "Mopti", "Kisumu", "Mombasa", "Valparaíso", "Cusco"};
    const std::vector<std::string> people = {"Marie Dubois", "John Carter", "Aminata Traoré", "Kofi Mensah",
                                             "Lucía Pérez", "Olena Shevchenko", "Ravi Sharma", "Paul Martin"};
    const std::vector<std::string> years = {"2013", "2015", "2018", "2019", "2020", "2021", "2022", "2023"};
    Corpus c;
    Lcg rng;
    while (c.bytes < target) {
        std::string a = rng.pick(samples);
        replace_all(a, "Mali", rng.pick(countries));
        replace_all(a, "Niger ", rng.pick(countries) + " ");
        replace_all(a, "Bamako", rng.pick(cities));
        replace_all(a, "Ménaka", rng.pick(cities));
        replace_all(a, "Quelimane", rng.pick(cities));
        replace_all(a, "Ouagadougou", rng.pick(cities));
        replace_all(a, "Emmanuel Macron", rng.pick(people));
        replace_all(a, "Ibrahim Traoré", rng.pick(people));
        replace_all(a, "2013", rng.pick(years));
        replace_all(a, "53", std::to_string(rng.next() % 500));
        replace_all(a, "21", std::to_string(rng.next() % 300));
        c.bytes += a.size();
        c.articles.push_back(std::move(a));
    }
    return c;
}

struct Fixture {
    gazetteer::Gazetteer gz = gazetteer::Gazetteer::open_default();
    news::Lexicons lex = news::Lexicons::load_default();
    news::Reader reader{gz, lex};
    Corpus corpus = make_corpus(std::size_t{24} << 20);
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
