#pragma once
// A generated news corpus for the benchmarks: the project's own sample
// articles (samples/) with places, people, years and figures swapped in,
// deterministically, so every run reads the same text.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace geoevents::bench {

struct Corpus {
    std::vector<std::string> articles;
    std::size_t bytes = 0;
};

namespace detail {
inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// A small deterministic generator.
struct Lcg {
    std::uint64_t s = 0x9E3779B97F4A7C15ull;
    std::uint32_t next() {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::uint32_t>(s >> 33);
    }
    template <class T>
    const T& pick(const std::vector<T>& v) { return v[next() % v.size()]; }
};

inline void replace_all(std::string& s, const std::string& from, const std::string& to) {
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    for (std::size_t f; (f = s.find(from, pos)) != std::string::npos; pos = f + from.size()) {
        out.append(s, pos, f - pos);
        out += to;
    }
    out.append(s, pos, std::string::npos);
    s.swap(out);
}
} // namespace detail

/// Variants of the sample articles under `samples_dir`, until `target_bytes`
/// bytes or `max_articles` articles, whichever comes first.
inline Corpus make_corpus(const std::filesystem::path& samples_dir, std::size_t target_bytes, std::size_t max_articles = SIZE_MAX) {
    namespace fs = std::filesystem;
    std::vector<std::string> samples;
    for (const auto& dir : fs::directory_iterator(samples_dir))
        if (dir.is_directory())
            for (const auto& f : fs::directory_iterator(dir.path()))
                if (f.path().extension() == ".txt") samples.push_back(detail::slurp(f.path()));
    if (samples.empty()) throw std::runtime_error("no sample articles under " + samples_dir.string());
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
    detail::Lcg rng;
    while (c.bytes < target_bytes && c.articles.size() < max_articles) {
        std::string a = rng.pick(samples);
        detail::replace_all(a, "Mali", rng.pick(countries));
        detail::replace_all(a, "Niger ", rng.pick(countries) + " ");
        detail::replace_all(a, "Bamako", rng.pick(cities));
        detail::replace_all(a, "Ménaka", rng.pick(cities));
        detail::replace_all(a, "Quelimane", rng.pick(cities));
        detail::replace_all(a, "Ouagadougou", rng.pick(cities));
        detail::replace_all(a, "Emmanuel Macron", rng.pick(people));
        detail::replace_all(a, "Ibrahim Traoré", rng.pick(people));
        detail::replace_all(a, "2013", rng.pick(years));
        detail::replace_all(a, "53", std::to_string(rng.next() % 500));
        detail::replace_all(a, "21", std::to_string(rng.next() % 300));
        c.bytes += a.size();
        c.articles.push_back(std::move(a));
    }
    return c;
}

} // namespace geoevents::bench
