// `geoevents lexicons build`: the lexicon table the reader maps at start-up.
#include <fmt/core.h>

#include <chrono>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/news/news.hpp"

namespace geoevents::app {

namespace {

struct LexiconsBuildOpts {
    std::string lexicons, index;
};

int run_lexicons_build(const LexiconsBuildOpts& o) {
    const auto start = std::chrono::steady_clock::now();
    const auto gz = o.index.empty() ? gazetteer::Gazetteer::open_default() : gazetteer::Gazetteer::open(o.index);
    const std::filesystem::path dir = o.lexicons.empty() ? news::default_lexicons_path() : std::filesystem::path(o.lexicons);
    const auto info = news::Lexicons::build_table(dir, gz);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print("built {} in {:.1f} s: {} words, {} of them known to the index {}\n", info.path.string(), s, info.words,
               info.answered, gz.path().string());
    return exit_ok;
}

} // namespace

void add_lexicons_commands(CLI::App& app, Action& action) {
    auto* lex = app.add_subcommand("lexicons", "the lexicon table (word lists ready to map)");
    lex->require_subcommand(1);
    auto o = std::make_shared<LexiconsBuildOpts>();
    auto* build = lex->add_subcommand(
        "build", "build LEXICONS/lexicons.bin from the extracted lists and the gazetteer index (done by scripts/setup.sh)");
    build->add_option("--lexicons", o->lexicons, "folder of the extracted lexicons (default: $GEOEVENTS_LEXICONS or the built-in path)");
    build->add_option("--index", o->index, "gazetteer index (default: $GEOEVENTS_INDEX or the built-in path)");
    build->callback([&action, o] { action = [o] { return run_lexicons_build(*o); }; });
}

} // namespace geoevents::app
