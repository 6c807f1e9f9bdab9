// `geoevents parse`: articles in, the document contract's JSON out
// (shared/contracts/document.md). Options, files and messages only; the
// reading itself is the news library's.
#include <fmt/core.h>
#include <sys/stat.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/news/news.hpp"

namespace geoevents::app {

namespace {

struct ParseOpts {
    std::vector<std::string> files;
    std::string format = "json", lang, date, index, lexicons;
    bool lenient = false, no_merge = false;
    unsigned jobs = 1;
};

/// What happened to one input file.
struct Outcome {
    std::optional<news::Document> doc;
    std::string error;  ///< the message when doc is empty
    int code = exit_ok; ///< exit_bad_input or exit_io when doc is empty
};

/// Reads one file's bytes, refusing oversized files before reading them.
/// @throws IoError when it cannot be read, ParseError when it is too large.
std::string read_bytes(const std::string& path, std::size_t limit) {
    if (path == "-") {
        std::string s;
        char buf[65536];
        while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
            s.append(buf, static_cast<std::size_t>(std::cin.gcount()));
            if (s.size() > limit)
                throw ParseError::at_byte("<stdin>", limit,
                                          fmt::format("article too large (more than {} bytes): refused", limit));
        }
        return s;
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw IoError(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
    if (S_ISDIR(st.st_mode)) throw IoError(fmt::format("{}: is a directory, not an article", path));
    if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > limit)
        throw ParseError::at_byte(path, limit,
                                  fmt::format("article too large ({} bytes; the limit is {} bytes per article): refused",
                                              st.st_size, limit));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    std::string s;
    if (S_ISREG(st.st_mode)) s.reserve(static_cast<std::size_t>(st.st_size));
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        s.append(buf, static_cast<std::size_t>(in.gcount()));
        if (s.size() > limit)  // a pipe or a file that grew: still bounded
            throw ParseError::at_byte(path, limit, fmt::format("article too large (more than {} bytes): refused", limit));
    }
    if (in.bad()) throw IoError(fmt::format("{}: read error", path));
    return s;
}

Outcome read_one(const news::Reader& reader, const std::string& path, const news::ReadOptions& base) {
    Outcome out;
    try {
        news::ReadOptions o = base;
        o.source = path == "-" ? "<stdin>" : path;
        const std::string bytes = read_bytes(path, o.max_bytes);
        out.doc = reader.read(bytes, o);
    } catch (const Error& e) {
        // Parse and I/O errors name the file themselves; others get it here.
        const bool names_file = dynamic_cast<const ParseError*>(&e) || dynamic_cast<const IoError*>(&e);
        out.error = names_file ? std::string(e.what()) : fmt::format("{}: {}", path, e.what());
        out.code = exit_status(e);
    } catch (const std::bad_alloc&) {
        out.error = fmt::format("{}: out of memory", path);
        out.code = exit_io;
    }
    return out;
}

void print_warnings(const news::Document& d) {
    for (const auto& w : d.warnings) fmt::print(stderr, "geoevents: {}: warning: {}\n", d.source, w);
}

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

    const std::size_t n = o.files.size();
    std::vector<Outcome> results(n);
    // A streaming filter: with --no-merge and one job, JSON Lines are printed as read.
    const bool stream = o.format == "jsonl" && (o.no_merge || n == 1) && o.jobs <= 1;
    if (o.jobs <= 1 || n == 1) {
        for (std::size_t i = 0; i < n; ++i) {
            results[i] = read_one(reader, o.files[i], base);
            if (stream) {
                if (results[i].doc) {
                    print_warnings(*results[i].doc);
                    fmt::print("{}\n", news::to_json(*results[i].doc, -1));
                    std::fflush(stdout);
                } else {
                    fmt::print(stderr, "geoevents: {}\n", results[i].error);
                }
            }
        }
    } else {
        // Reading is a pure function of the text: files are shared out to threads.
        std::atomic<std::size_t> next{0};
        std::vector<std::thread> pool;
        const unsigned workers = std::min<unsigned>(o.jobs, static_cast<unsigned>(n));
        for (unsigned w = 0; w < workers; ++w)
            pool.emplace_back([&] {
                for (std::size_t i; (i = next.fetch_add(1)) < n;) results[i] = read_one(reader, o.files[i], base);
            });
        for (auto& t : pool) t.join();
    }

    std::vector<news::Document> docs;
    std::size_t failed = 0;
    int first_code = exit_ok;
    for (auto& r : results) {
        if (r.doc) {
            docs.push_back(std::move(*r.doc));
        } else {
            ++failed;
            if (first_code == exit_ok) first_code = r.code;
        }
    }
    if (!stream) {
        for (auto& r : results)
            if (!r.doc) fmt::print(stderr, "geoevents: {}\n", r.error);
        for (const auto& d : docs) print_warnings(d);
        std::vector<geo::Event> merged;
        if (docs.size() > 1 && !o.no_merge) merged = news::merge_events(docs);
        if (o.format == "json") {
            if (n == 1) {
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
    if (failed == n) return first_code;
    fmt::print(stderr, "geoevents: {} of {} article(s) could not be read; the others were printed\n", failed, n);
    return exit_partial;
}

} // namespace

void add_parse_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<ParseOpts>();
    auto* cmd = app.add_subcommand("parse", "read articles: place names, dates and events as JSON (shared/contracts/document.md)");
    cmd->add_option("files", o->files, "article files (UTF-8 text, French or English, at most 16 MiB each); - reads standard input")
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
