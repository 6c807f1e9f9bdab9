// `geoevents basemap build` and `geoevents basemap info`.
#include <fmt/core.h>

#include <memory>
#include <string>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "geoevents/render/basemap.hpp"

namespace geoevents::app {

namespace {

struct BuildOptions {
    std::string output, packages = GEOEVENTS_DEFAULT_PACKAGES, curated = GEOEVENTS_DEFAULT_CURATED;
    bool quiet = false;
};

int run_build(const BuildOptions& o) {
    const std::filesystem::path out = o.output.empty() ? render::default_basemap_path() : std::filesystem::path(o.output);
    auto progress = [&](const std::string& m) {
        if (!o.quiet) fmt::print(stderr, "  {}\n", m);
    };
    const auto s = render::build_basemap(o.packages, std::filesystem::path(o.curated) / "names.csv", out, progress);
    fmt::print("built {} in {:.1f} s ({:.1f} MB): land {}/{}, coastlines {}/{}, borders {}/{} (1:10m/1:50m), "
               "{} vertices, {} countries, {} capitals\n",
               out.string(), s.seconds, static_cast<double>(s.file_bytes) / 1e6, s.land[0], s.land[1], s.coastlines[0],
               s.coastlines[1], s.borders[0], s.borders[1], s.vertices, s.countries, s.capitals);
    return exit_ok;
}

int run_info(const std::string& file) {
    const auto map = file.empty() ? render::Basemap::open_default() : render::Basemap::open(file);
    fmt::print("basemap {}\nbuilt from {}\n", map.path().string(), map.build_info());
    for (const auto r : {render::Resolution::r10m, render::Resolution::r50m}) {
        auto line = [&](const char* what, render::BasemapLayer l) {
            fmt::print("  1:{} {:<10} {:>6} features {:>8} vertices\n", render::to_string(r), what, map.feature_count(l, r),
                       map.vertex_count(l, r));
        };
        line("land", render::BasemapLayer::land);
        line("coastlines", render::BasemapLayer::coastlines);
        line("borders", render::BasemapLayer::borders);
    }
    fmt::print("  {} countries, {} capitals\n", map.countries().size(), map.capitals().size());
    return exit_ok;
}

} // namespace

void add_basemap_commands(CLI::App& app, Action& action) {
    auto* bm = app.add_subcommand("basemap", "build or check the Natural Earth basemap of map images");
    bm->require_subcommand(1);

    auto b = std::make_shared<BuildOptions>();
    auto* build = bm->add_subcommand("build", "compile world-atlas, world-countries and cities500 capitals (French names from the curated names.csv) into the basemap file");
    build->add_option("-o,--output", b->output, "file to write (default: $GEOEVENTS_BASEMAP or the project's .cache/basemap.bin)");
    build->add_option("--packages", b->packages, "folder of the pinned npm data packages (node_modules)");
    build->add_option("--curated", b->curated, "folder of the curated data (its names.csv gives the capitals' French names)");
    build->add_flag("-q,--quiet", b->quiet, "no progress messages");
    build->callback([&action, b] { action = [b] { return run_build(*b); }; });

    auto file = std::make_shared<std::string>();
    auto* info = bm->add_subcommand("info", "open the basemap and print what it holds and what it was built from");
    info->add_option("--basemap", *file, "basemap file (default: $GEOEVENTS_BASEMAP or the built-in path)");
    info->callback([&action, file] { action = [file] { return run_info(*file); }; });
}

} // namespace geoevents::app
