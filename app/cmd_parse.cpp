// `geoevents parse`: articles in, the document contract's JSON out
// (shared/contracts/document.md). Options, files and messages only; the
// reading itself is the news library's.
#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/news/batch.hpp"
#include "geoevents/news/news.hpp"

namespace geoevents::app {

namespace {

struct ParseOpts {
    std::vector<std::string> files;
    std::string format = "json", lang, date, index, lexicons;
    bool lenient = false, no_merge = false;
    unsigned jobs = 1;
};

void print_warnings(const news::Document& d) {
    for (const auto& w : d.warnings) fmt::print(stderr, "geoevents: {}: warning: {}\n", d.source, w);
}

int exit_code_of(news::Failure f) { return f == news::Failure::io ? exit_io : exit_bad_input; }

int run_parse(const ParseOpts& o) {
    news::ReadOptions base;
    base.lang = o.lang;
    base.lenient = o.lenient;
    if (!o.date.empty()) {
        base.date = news::ReferenceDate::parse(o.date);
        if (!base.date) {
            fmt::print(stderr, "geoevents: --date {}: expected YYYY, YYYY-MM or YYYY-MM-DD\n", o.date);
            return exit_usage;
        }
    }
    const auto gz = o.index.empty() ? gazetteer::Gazetteer::open_default() : gazetteer::Gazetteer::open(o.index);
    const auto lex = o.lexicons.empty() ? news::Lexicons::load_default() : news::Lexicons::load(o.lexicons);
    const news::Reader reader(gz, lex);

    // One article named: one JSON object. A streaming filter: JSON Lines
    // are printed as each article is read (in input order), unless events
    // are merged across articles, which needs them all.
    std::error_code ec;
    const bool one_file = o.files.size() == 1 && o.files[0] != "-" && !std::filesystem::is_directory(o.files[0], ec);
    const bool stream = o.format == "jsonl" && (o.no_merge || one_file);
    std::vector<news::Document> docs;
    std::vector<std::string> errors;
    std::size_t total = 0, failed = 0;
    int first_code = exit_ok;
    news::ArticleSource source(o.files, std::cin, base.max_bytes);
    const bool from_stdin = std::find(o.files.begin(), o.files.end(), "-") != o.files.end();
    news::read_articles(reader, source, base, o.jobs, [&](news::ArticleResult&& r) {
        ++total;
        if (!r.document) {
            ++failed;
            if (first_code == exit_ok) first_code = exit_code_of(r.failure);
            if (stream) fmt::print(stderr, "geoevents: {}\n", r.error);
            else errors.push_back(std::move(r.error));
        } else if (stream) {
            print_warnings(*r.document);
            fmt::print("{}\n", r.output);
            // Reading standard input (a filter): each article's line is
            // written out when printed. Files named on the command line:
            // stdio's buffer (a write per article was 4 % of a two-thread
            // batch of 5,000 articles); main() flushes at the end.
            if (from_stdin) std::fflush(stdout);
        } else {
            docs.push_back(std::move(*r.document));
        }
    }, [&](news::ArticleResult& r) {
        // Serialising is no ordered work: done by the reading threads.
        if (stream && r.document) r.output = news::to_json(*r.document, -1);
    });

    if (!stream) {
        for (const auto& e : errors) fmt::print(stderr, "geoevents: {}\n", e);
        for (const auto& d : docs) print_warnings(d);
        std::vector<geo::Event> merged;
        if (docs.size() > 1 && !o.no_merge) merged = news::merge_events(docs);
        if (o.format == "json") {
            if (total == 1 && o.files.size() == 1) {
                if (!docs.empty()) fmt::print("{}\n", news::to_json(docs.front()));
            } else {
                fmt::print("{}\n", news::to_json(docs));
            }
        } else if (o.format == "jsonl") {
            for (const auto& d : docs) fmt::print("{}\n", news::to_json(d, -1));
        } else {
            for (std::size_t i = 0; i < docs.size(); ++i) fmt::print("{}{}", i ? "\n" : "", news::to_text(docs[i]));
            if (!merged.empty()) {
                fmt::print("\nEvents over all {} articles ({}):\n", docs.size(), merged.size());
                for (const auto& e : merged) {
                    std::string where;
                    for (const auto& p : e.places) where += (where.empty() ? "" : ", ") + p.place.name;
                    fmt::print("  {}  {}  {}{}{}  reported by {} article(s)\n", e.id, geo::to_string(e.type),
                               e.when.known() ? e.when.iso : "date unknown", where.empty() ? "" : "  at ", where,
                               e.sources.size());
                }
            }
        }
    }
    if (failed == 0) return exit_ok;
    if (failed == total) return first_code;
    fmt::print(stderr, "geoevents: {} of {} article(s) could not be read; the others were printed\n", failed, total);
    return exit_partial;
}

} // namespace

void add_parse_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<ParseOpts>();
    auto* cmd = app.add_subcommand("parse", "read articles: place names, dates and events as JSON (shared/contracts/document.md)");
    cmd->add_option("files", o->files,
                    "article files (UTF-8 text, French or English, at most 16 MiB each), folders of .txt files, or - "
                    "for standard input (JSON Lines when it starts with {, else one article)")
        ->required()
        ->expected(1, -1);
    cmd->add_option("--format", o->format, "json (one object, or an array for several files), jsonl or text")
        ->check(CLI::IsMember({"json", "jsonl", "text"}));
    cmd->add_option("--lang", o->lang, "force the language (default: detected per article)")->check(CLI::IsMember({"fr", "en"}));
    cmd->add_option("--date", o->date, "reference date YYYY[-MM[-DD]] (default: the `date` header line, else inferred)");
    cmd->add_flag("--lenient", o->lenient, "replace invalid UTF-8 bytes (reported on stderr) instead of refusing the file");
    cmd->add_flag("--no-merge", o->no_merge, "do not merge events across articles (JSON Lines are then streamed)");
    cmd->add_option("-j,--jobs", o->jobs, "articles read in parallel (default 1)")->check(CLI::Range(1u, 256u));
    cmd->add_option("--index", o->index, "gazetteer index (default: $GEOEVENTS_INDEX or the built-in path)");
    cmd->add_option("--lexicons", o->lexicons, "folder of the extracted lexicons (default: $GEOEVENTS_LEXICONS or the built-in path)");
    cmd->callback([&action, o] { action = [o] { return run_parse(*o); }; });
}

} // namespace geoevents::app
