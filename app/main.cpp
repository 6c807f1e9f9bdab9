// The `geoevents` command: options, messages and exit codes. No logic of its own.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdio>
#include <exception>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/geo/error.hpp"
#include "geoevents/news/news.hpp"
#include "geoevents/render/basemap.hpp"
#include "geoevents/render/build.hpp"
#include "geoevents/render/style.hpp"
#include "geoevents/render/text.hpp"
#include "geoevents/viewer/viewer.hpp"

int main(int argc, char** argv) {
    using namespace geoevents;
    using namespace geoevents::app;
    CLI::App cli{"geoevents: from news articles to maps (places, dates, events)"};
    cli.set_version_flag("--version", GEOEVENTS_VERSION);
    cli.require_subcommand(1);
    Action action;
    add_basemap_commands(cli, action);
    add_gazetteer_commands(cli, action);
    add_map_commands(cli, action);
    add_parse_command(cli, action);
    add_render_command(cli, action);
    add_lexicons_commands(cli, action);
    add_view_command(cli, action);
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = cli.exit(e);
        return rc == 0 ? exit_ok : exit_usage;
    }
    try {
        return action ? action() : exit_usage;
    } catch (const gazetteer::IndexError& e) {
        fmt::print(stderr, "geoevents: {}\n", e.what());
        return exit_no_index;
    } catch (const render::BasemapError& e) {
        fmt::print(stderr, "geoevents: {}\n", e.what());
        return exit_no_index;
    } catch (const news::LexiconError& e) {
        fmt::print(stderr, "geoevents: {}\n", e.what());
        return exit_no_index;
    } catch (const viewer::DisplayError& e) {
        fmt::print(stderr, "geoevents: {}\n", e.what());
        return exit_no_display;
    } catch (const render::FontError& e) {
        fmt::print(stderr, "geoevents: {}\n", e.what());
        return exit_no_index;
    } catch (const CrsError& e) {
        fmt::print(stderr, "geoevents: {}\n", e.what());
        return exit_usage;
    } catch (const ParseError& e) {
        fmt::print(stderr, "geoevents: {}\n", e.what());
        return exit_bad_input;
    } catch (const IoError& e) {
        fmt::print(stderr, "geoevents: {}\n", e.what());
        return exit_io;
    } catch (const Error& e) {
        fmt::print(stderr, "geoevents: {}\n", e.what());
        return exit_bad_input;
    } catch (const std::exception& e) {
        fmt::print(stderr, "geoevents: internal error: {}\n", e.what());
        return exit_internal;
    }
}
