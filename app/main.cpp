// The `geoevents` command: options, messages and exit codes. No logic of its own.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "geoevents/geo/error.hpp"

namespace {
int run(int argc, char** argv) {
    // A file-size limit (ulimit -f) must fail the write with EFBIG, reported
    // and exit 4 like a full disk, not kill the process without a word.
    std::signal(SIGXFSZ, SIG_IGN);
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
    } catch (const Error& e) {  // every library error; the exit table is exit_status()
        fmt::print(stderr, "geoevents: {}\n", e.what());
        return exit_status(e);
    } catch (const std::exception& e) {
        fmt::print(stderr, "geoevents: internal error: {}\n", e.what());
        return exit_internal;
    }
}
} // namespace

#if defined(__SANITIZE_ADDRESS__)
#define GEOEVENTS_FULL_TEARDOWN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GEOEVENTS_FULL_TEARDOWN 1
#endif
#endif

int main(int argc, char** argv) {
    int rc = geoevents::app::exit_internal;
    try {
        rc = run(argc, argv);
    } catch (...) {  // setting up the options failed: a bug
        std::fputs("geoevents: internal error\n", stderr);
    }
#ifndef GEOEVENTS_FULL_TEARDOWN
    // Every output is written and closed by now (files atomically, by
    // scoped owners); what is left is the libraries' teardown (GDAL's
    // drivers, PROJ's and fontconfig's caches, each allocation freed one by
    // one): 9 million instructions, 1.5 % of a `geoevents render`, for
    // memory the kernel takes back at once. Under AddressSanitizer the
    // process ends normally, so that leaks are still reported.
    std::fflush(nullptr);
    std::_Exit(rc);
#else
    return rc;
#endif
}
