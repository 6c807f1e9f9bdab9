// `geoevents gazetteer build` and `geoevents gazetteer lookup`.
#include <fmt/core.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "geoevents/gazetteer/builder.hpp"
#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/geo/geometry.hpp"

namespace geoevents::app {

namespace {

struct BuildOptions {
    std::string output, packages = GEOEVENTS_DEFAULT_PACKAGES, curated = GEOEVENTS_DEFAULT_CURATED;
    bool quiet = false;
};

struct LookupOpts {
    std::string name, index, lang;
    bool json = false, polygons = false, demonyms = true;
    std::size_t limit = 5;
};

int run_build(const BuildOptions& o) {
    const std::filesystem::path out = o.output.empty() ? gazetteer::default_index_path() : std::filesystem::path(o.output);
    gazetteer::BuildSources src{o.packages, o.curated};
    auto progress = [&](const std::string& m) {
        if (!o.quiet) fmt::print(stderr, "  {}\n", m);
    };
    const auto stats = gazetteer::build_index(src, out, progress);
    fmt::print("built {} in {:.1f} s: {} places ({} countries, {} cities, {} first-level and {} second-level subdivisions, "
               "{} curated, {} composites), {} names\n",
               out.string(), stats.seconds, stats.places, stats.countries, stats.cities, stats.admin1, stats.admin2,
               stats.curated, stats.composites, stats.names);
    if (!stats.skipped.empty()) {
        fmt::print(stderr, "skipped {} malformed source rows:\n", stats.skipped.size());
        for (std::size_t i = 0; i < stats.skipped.size() && i < 20; ++i) fmt::print(stderr, "  {}\n", stats.skipped[i]);
        if (stats.skipped.size() > 20) fmt::print(stderr, "  … and {} more\n", stats.skipped.size() - 20);
    }
    return exit_ok;
}

int run_lookup(const LookupOpts& o) {
    const auto gz = o.index.empty() ? gazetteer::Gazetteer::open_default() : gazetteer::Gazetteer::open(o.index);
    gazetteer::LookupOptions lo;
    lo.lang = o.lang == "fr" ? gazetteer::Lang::fr : o.lang == "en" ? gazetteer::Lang::en : gazetteer::Lang::any;
    lo.demonyms = o.demonyms;
    lo.limit = o.limit;
    const auto found = gz.lookup(o.name, lo);
    if (o.json) {
        auto arr = nlohmann::json::array();
        for (const auto& c : found) {
            const auto p = gz.place(c.place);
            nlohmann::json j{{"id", p.id},
                             {"name", p.name},
                             {"kind", geo::to_string(p.kind)},
                             {"lat", p.point.lat},
                             {"lon", p.point.lon},
                             {"score", c.score},
                             {"demonym", c.demonym},
                             {"has_polygon", !p.polygon.empty()}};
            if (!p.country.empty()) j["country"] = p.country;
            if (!p.admin1.empty()) j["admin1"] = p.admin1;
            if (p.population > 0) j["population"] = p.population;
            if (p.composite) j["composite"] = true;
            if (o.polygons && !p.polygon.empty())
                j["polygon"] = nlohmann::json::parse(geo::Geometry::from_wkb(p.polygon).geojson(4));
            arr.push_back(std::move(j));
        }
        fmt::print("{}\n", arr.dump(isatty(STDOUT_FILENO) ? 2 : -1));
    } else {
        for (std::size_t i = 0; i < found.size(); ++i) {
            const auto p = gz.place(found[i].place);
            std::string where = std::string(p.country);
            if (!p.admin1.empty()) where += ", " + std::string(p.admin1);
            fmt::print("{}. {}{} — {} [{}]{} {:.4f}, {:.4f}{}{}  ({}; score {:.1f})\n", i + 1, p.name,
                       found[i].demonym ? " (demonym)" : "", geo::to_string(p.kind), p.id,
                       where.empty() ? "" : " " + where, p.point.lat, p.point.lon,
                       p.population > 0 ? fmt::format(", population {}", p.population) : "",
                       p.polygon.empty() ? "" : ", polygon", p.composite ? "composite" : "place", found[i].score);
        }
    }
    if (found.empty()) {
        fmt::print(stderr, "geoevents: no place or demonym named '{}' in {}\n", o.name, gz.path().string());
        return exit_not_found;
    }
    return exit_ok;
}

} // namespace

void add_gazetteer_commands(CLI::App& app, Action& action) {
    auto* gz = app.add_subcommand("gazetteer", "build or query the place index");
    gz->require_subcommand(1);

    auto b = std::make_shared<BuildOptions>();
    auto* build = gz->add_subcommand("build", "compile GeoNames, Natural Earth, world-countries and data/curated into the index");
    build->add_option("-o,--output", b->output, "index file to write (default: $GEOEVENTS_INDEX or the project's .cache/gazetteer.geoidx)");
    build->add_option("--packages", b->packages, "folder of the pinned npm data packages (node_modules)");
    build->add_option("--curated", b->curated, "folder of the curated CSV files");
    build->add_flag("-q,--quiet", b->quiet, "no progress messages");
    build->callback([&action, b] { action = [b] { return run_build(*b); }; });

    auto l = std::make_shared<LookupOpts>();
    auto* lookup = gz->add_subcommand("lookup", "ranked candidates for a place name or demonym (exit 1 when none)");
    lookup->add_option("name", l->name, "place name, any case, accents optional")->required();
    lookup->add_option("--lang", l->lang, "prefer names of this language")->check(CLI::IsMember({"fr", "en"}));
    lookup->add_flag("--json", l->json, "print JSON");
    lookup->add_flag("--polygons", l->polygons, "with --json: include polygons as GeoJSON");
    lookup->add_option("--limit", l->limit, "number of candidates (default 5)")->check(CLI::Range(1, 1000));
    lookup->add_option("--index", l->index, "index file (default: $GEOEVENTS_INDEX or the built-in path)");
    lookup->callback([&action, l] { action = [l] { return run_lookup(*l); }; });
}

} // namespace geoevents::app
