// `geoevents map` (articles → event layers in OUT/) and `geoevents export`
// (the project file → another format or PostGIS). Options, progress and
// messages only: the work is done by the news and geo libraries.
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <utility>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/geo/error.hpp"
#include "geoevents/geo/layers.hpp"
#include "geoevents/geo/output_folder.hpp"
#include "geoevents/geo/writer.hpp"
#include "geoevents/news/batch.hpp"
#include "geoevents/news/corrections.hpp"
#include "render_job.hpp"

namespace geoevents::app {

namespace {

namespace fs = std::filesystem;

struct MapOptions {
    std::vector<std::string> inputs;
    std::string out = "out", corrections, lang, date, index;
    std::vector<std::string> formats;
    unsigned jobs = 0;
    bool quiet = false, lenient = false, no_render = false, video = false;
};

struct ExportOptions {
    std::string project_file, to, output, project_id;
};

/// A one-line progress bar with rate and time left, redrawn in place.
class ProgressBar {
public:
    explicit ProgressBar(bool enabled) : m_enabled(enabled), m_t0(std::chrono::steady_clock::now()) {}
    /// `total` 0: unknown (standard input), the count and the rate only.
    void update(std::size_t done, std::size_t total) {
        if (!m_enabled) return;
        const auto now = std::chrono::steady_clock::now();
        if (done != total && now - m_last < std::chrono::milliseconds(100)) return;
        m_last = now;
        const double secs = std::chrono::duration<double>(now - m_t0).count();
        const double rate = secs > 0 ? static_cast<double>(done) / secs : 0.0;
        if (total == 0) {
            fmt::print(stderr, "\r{} articles  {:.1f}/s  ", done, rate);
            m_open = true;
            return;
        }
        const double left = rate > 0 ? static_cast<double>(total - done) / rate : 0.0;
        constexpr int width = 30;
        const int fill = static_cast<int>(width * static_cast<double>(done) / static_cast<double>(total));
        fmt::print(stderr, "\r[{}{}] {}/{} articles  {:.1f}/s  ETA {}:{:02}  ", std::string(fill, '#'),
                   std::string(width - fill, ' '), done, total, rate, static_cast<int>(left) / 60, static_cast<int>(left) % 60);
        if (done == total) fmt::print(stderr, "\n");
    }

    /// Ends the line left open by an unknown total.
    void finish() {
        if (m_open) fmt::print(stderr, "\n");
        m_open = false;
    }

private:
    bool m_open = false;
    bool m_enabled;
    std::chrono::steady_clock::time_point m_t0, m_last{};
};

/// The name of a format's output inside OUT/: events.FORMAT for one-file formats, else FORMAT/.
std::string output_name(std::string_view format) {
    const auto& w = geo::find_writer(format);
    if (w.output_kind() == geo::OutputKind::file) return "events." + std::string(format);
    return std::string(format);
}

/// Where a format's output goes inside OUT/.
std::string destination_in(const fs::path& out, std::string_view format) { return (out / output_name(format)).string(); }

void print_report(const geo::ConversionReport& r) {
    fmt::print("  {:<11} {}  ({} features)\n", r.format, r.destination, r.features_written);
    if (!r.lossless()) {
        fmt::print("              conversions: {} fields renamed, {} values cut{}; see the conversion report beside the files\n",
                   r.renamed_fields.size(), r.truncations.size(), r.notes.empty() ? "" : fmt::format(", {} notes", r.notes.size()));
    }
}

int run_map(const MapOptions& o) {
    for (const auto& f : o.formats) geo::find_writer(f);  // unknown format names fail now, not after reading
    news::ReadOptions ro;
    ro.lang = o.lang;
    ro.lenient = o.lenient;
    if (!o.date.empty()) {
        ro.date = news::ReferenceDate::parse(o.date);
        if (!ro.date) throw ParseError("--date", 0, 0, "invalid date '" + o.date + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    // Lock the output folder before any work: a second run into it is refused at once.
    geo::OutputFolder out(o.out);
    const auto gz = o.index.empty() ? gazetteer::Gazetteer::open_default() : gazetteer::Gazetteer::open(o.index);
    const auto lexicons = news::Lexicons::load_default();
    const news::Reader reader(gz, lexicons);
    // Load the corrections first: a broken corrections file stops the run before any work.
    std::optional<news::Corrections> corrections;
    if (!o.corrections.empty()) corrections = news::Corrections::load(o.corrections, gz);

    ProgressBar bar(!o.quiet && isatty(STDERR_FILENO));
    const auto t0 = std::chrono::steady_clock::now();
    // The same intake as `parse`: files, folders, standard input, one ordered
    // pipeline. Documents are corrected, merged and counted a slice at a time,
    // then dropped with their texts: memory holds one slice, the merged events
    // and the places, however many articles there are.
    constexpr std::size_t slice_size = 4096;
    std::vector<news::Document> slice;
    news::EventMerger merger;
    news::LayerInputBuilder layers;
    std::optional<std::vector<std::string>> unmatched;  // correction notes of every slice: matched in none
    std::size_t documents = 0, french = 0, done = 0;
    auto flush = [&] {
        if (corrections) {
            auto slice_notes = corrections->apply_to_documents(slice);
            if (!unmatched) unmatched = std::move(slice_notes);
            else std::erase_if(*unmatched, [&](const std::string& n) { return std::find(slice_notes.begin(), slice_notes.end(), n) == slice_notes.end(); });
        }
        for (const auto& d : slice) {
            merger.add(d);
            layers.add(d);
            french += d.language == "fr";
        }
        documents += slice.size();
        slice.clear();
    };
    std::vector<std::string> failures;
    int first_failure = exit_ok;
    news::ArticleSource source(o.inputs, std::cin, ro.max_bytes);
    const std::size_t total = source.known_total();
    news::read_articles(reader, source, ro, o.jobs, [&](news::ArticleResult&& r) {
        if (r.document) {
            slice.push_back(std::move(*r.document));
            if (slice.size() == slice_size) flush();
        } else {
            if (first_failure == exit_ok) first_failure = r.failure == news::Failure::io ? exit_io : exit_bad_input;
            failures.push_back(std::move(r.error));
        }
        bar.update(++done, total);
    });
    flush();
    bar.finish();
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (documents == 0) {
        for (const auto& f : failures) fmt::print(stderr, "geoevents: {}\n", f);
        fmt::print(stderr, "geoevents: no article could be read; nothing written\n");
        return failures.empty() ? exit_usage : first_failure;
    }

    std::vector<std::string> notes = unmatched.value_or(std::vector<std::string>{});
    auto events = merger.take();
    if (corrections) {
        auto more = corrections->apply_to_events(events);
        notes.insert(notes.end(), more.begin(), more.end());
    }
    auto input = layers.finish(std::move(events), gz, GEOEVENTS_VERSION);
    if (corrections) input.metadata.extra.emplace_back("corrections", corrections->file());
    // The articles' language (the majority's): the language of the map's labels.
    input.metadata.extra.emplace_back("language", 2 * french > documents ? "fr" : "en");
    const geo::Project project = geo::build_layers(input);

    if (!o.quiet)
        fmt::print("read {} articles in {:.2f} s ({:.1f}/s); {} places, {} events\n", documents, secs,
                   secs > 0 ? static_cast<double>(documents) / secs : 0.0,
                   project.find(geo::layer_places) ? project.find(geo::layer_places)->features.size() : 0,
                   project.find(geo::layer_events) ? project.find(geo::layer_events)->features.size() : 0);
    std::vector<std::string> formats{"gpkg"};
    for (const auto& f : o.formats)
        if (std::find(formats.begin(), formats.end(), f) == formats.end()) formats.push_back(f);
    // Every output (the formats, the images, the video) is written aside first
    // and put in place only when all are complete: a failure (or a kill)
    // leaves the previous run's outputs.
    std::vector<geo::ConversionReport> reports;
    reports.reserve(formats.size());
    for (const auto& f : formats) {
        reports.push_back(geo::write_project(project, f, out.staged(output_name(f))));
        reports.back().destination = destination_in(out.directory(), f);  // where it will be once committed
    }
    const std::string staged_gpkg = out.staged(output_name("gpkg"));
    int status = exit_ok;
    std::vector<std::pair<std::string, std::string>> media;  // kind, name in OUT/: listed once in place
    // The map images, drawn from the GeoPackage just written: what `render` draws.
    if (!o.no_render) {
        RenderRequest rr;
        rr.project_file = staged_gpkg;
        rr.outputs = {out.staged("map.png"), out.staged("map.svg")};
        rr.quiet = true;  // listed below with the other outputs, once in place
        rr.notes = !o.quiet;
        status = render_images(rr);
        media = {{"image", "map.png"}, {"image", "map.svg"}};
    }
    if (o.video && status == exit_ok) {
        status = record_story_video(staged_gpkg, out.staged("story.mp4"), o.quiet);
        media.emplace_back("video", "story.mp4");
    }
    if (status != exit_ok) return status;  // nothing committed: the previous outputs stay
    out.commit();
    if (!o.quiet) {
        fmt::print("outputs:\n");
        for (const auto& r : reports) print_report(r);
        for (const auto& [kind, name] : media) fmt::print("  {:<11} {}\n", kind, (out.directory() / name).string());
        for (const auto& n : project.notes) fmt::print(stderr, "note: {}\n", n);
        for (const auto& n : notes) fmt::print(stderr, "correction: {}\n", n);
    }
    if (!failures.empty()) {
        fmt::print(stderr, "geoevents: {} of {} inputs failed; the others were written:\n", failures.size(),
                   failures.size() + documents);
        for (const auto& f : failures) fmt::print(stderr, "  {}\n", f);
        status = exit_partial;
    }
    return status;
}

int run_export(const ExportOptions& o) {
    const std::string pg = o.to.rfind("PG:", 0) == 0 ? o.to : std::string();
    const geo::Project project = geo::read_project(o.project_file);
    geo::WriteOptions wo;
    wo.project_id = o.project_id.empty() ? fs::absolute(o.project_file).parent_path().filename().string() : o.project_id;
    geo::ConversionReport r;
    if (!pg.empty()) {
        r = geo::write_project(project, "postgis", pg, wo);
    } else {
        const std::string dest =
            o.output.empty() ? destination_in(fs::path(o.project_file).parent_path(), o.to) : o.output;
        r = geo::write_project(project, o.to, dest, wo);
    }
    print_report(r);
    if (!pg.empty()) fmt::print("  project id: {} (re-running replaces these rows)\n", wo.project_id);
    return exit_ok;
}

} // namespace

void add_map_commands(CLI::App& app, Action& action) {
    auto m = std::make_shared<MapOptions>();
    auto* map = app.add_subcommand("map", "read articles and write the event layers (OUT/events.gpkg, and more with --format)");
    map->add_option("articles", m->inputs,
                    "article files, folders of .txt files, or - for standard input (JSON Lines when it starts with {, else one article)")->required();
    map->add_option("-o,--out", m->out, "output folder (default: out)");
    map->add_option("-f,--format", m->formats, "also write: geojson, geojsonseq, shp, fgb, kml, csv (repeatable)")
        ->check(CLI::IsMember({"gpkg", "geojson", "geojsonseq", "shp", "fgb", "kml", "csv"}));
    map->add_option("--corrections", m->corrections, "corrections file (JSON or CSV, docs/corrections.md), applied on every run");
    map->add_option("-j,--jobs", m->jobs, "threads (default: all cores)");
    map->add_option("--lang", m->lang, "force the language of every article")->check(CLI::IsMember({"fr", "en"}));
    map->add_option("--date", m->date, "reference date of every article (YYYY[-MM[-DD]])");
    map->add_option("--index", m->index, "gazetteer index (default: $GEOEVENTS_INDEX or the built-in path)");
    map->add_flag("--lenient", m->lenient, "replace invalid UTF-8 instead of refusing the article");
    map->add_flag("-q,--quiet", m->quiet, "print nothing but errors");
    map->add_flag("--no-render", m->no_render, "do not draw OUT/map.png and OUT/map.svg");
    map->add_flag("--video", m->video, "also record the story played on its time line: OUT/story.mp4 (20 s, 30 frames/s, 1280x720; needs an X display, e.g. xvfb-run -a)");
    map->callback([&action, m] { action = [m] { return run_map(*m); }; });

    auto e = std::make_shared<ExportOptions>();
    auto* exp = app.add_subcommand("export", "convert the project file (events.gpkg) to another format or into PostGIS");
    exp->add_option("project", e->project_file, "the GeoPackage written by map")->required()->check(CLI::ExistingFile);
    exp->add_option("--to", e->to, "geojson, geojsonseq, shp, fgb, kml, csv, gpkg, or PG:\"dbname=… host=…\"")->required();
    exp->add_option("-o,--output", e->output, "destination (default: beside the project file)");
    exp->add_option("--project", e->project_id, "PostGIS: project id whose rows are replaced (default: the project folder's name)");
    exp->callback([&action, e] { action = [e] { return run_export(*e); }; });
}

} // namespace geoevents::app
