// `geoevents view`: the interactive map, headless screenshots and recordings.
// Options and messages only: the work is done by the viewer library.
#include <fmt/core.h>

#include <map>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "geoevents/geo/atomic_file.hpp"
#include "geoevents/geo/writer.hpp"
#include "geoevents/render/basemap.hpp"
#include "geoevents/render/build.hpp"
#include "geoevents/render/style.hpp"
#include "geoevents/render/text.hpp"
#include "geoevents/viewer/viewer.hpp"
#include "render_job.hpp"

namespace geoevents::app {

namespace {

struct ViewRequest {
    std::string project_file, size = "1280x800", lang, title, style, basemap;
    bool headless = false, quiet = false, no_cumulative = false;
    std::string at, screenshot, record_dir, video;
    int fps = 30;
    double duration = 20;
};

bool parse_wxh(const std::string& s, unsigned& w, unsigned& h) {
    unsigned a = 0, b = 0;
    char x = 0, extra = 0;
    if (std::sscanf(s.c_str(), "%u%c%u%c", &a, &x, &b, &extra) != 3 || x != 'x') return false;
    w = a;
    h = b;
    return true;
}

int view(const ViewRequest& r) {
    viewer::ViewerOptions vo;
    if (!parse_wxh(r.size, vo.width, vo.height) || vo.width < 400 || vo.height < 300 || vo.width > 7680 || vo.height > 4320) {
        fmt::print(stderr, "geoevents: --size '{}': expected WxH between 400x300 and 7680x4320 (e.g. 1280x720)\n", r.size);
        return exit_usage;
    }
    const bool recording = !r.record_dir.empty() || !r.video.empty();
    if (r.headless && r.screenshot.empty()) {
        fmt::print(stderr, "geoevents: --headless needs --screenshot FILE.png\n");
        return exit_usage;
    }
    if (!r.screenshot.empty() && !r.headless) {
        fmt::print(stderr, "geoevents: --screenshot FILE needs --headless (in the window, press S)\n");
        return exit_usage;
    }
    if (!r.at.empty() && !r.headless) {
        fmt::print(stderr, "geoevents: --at DATE is for --headless screenshots\n");
        return exit_usage;
    }
    std::optional<std::int64_t> at;
    if (!r.at.empty()) {
        at = render::parse_utc(r.at);
        if (!at) {
            fmt::print(stderr, "geoevents: --at '{}': expected a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM:SSZ\n", r.at);
            return exit_usage;
        }
    }
    // Checked before any work: SFML 2.5 would abort the process without a display.
    viewer::require_display();

    const geo::Project project = geo::read_project(r.project_file);
    const render::Basemap basemap = r.basemap.empty() ? render::Basemap::open_default() : render::Basemap::open(r.basemap);
    const render::Style style = r.style.empty() ? render::default_style() : render::load_style(r.style);
    for (const auto* ts : {&style.title, &style.story_label, &style.legend, &style.credit, &style.country_label})
        render::require_font(ts->font.family);
    vo.style = &style;
    vo.lang = r.lang;
    vo.title = r.title;
    vo.cumulative = !r.no_cumulative;
    viewer::Viewer v(project, basemap, vo);
    for (const auto& n : v.notes()) fmt::print(stderr, "note: {}\n", n);

    if (r.headless) {
        std::int64_t t = at ? *at : (v.clock().enabled() ? v.clock().end() : 0);
        geo::write_file_atomically(r.screenshot, render::encode_png(v.render_frame(t)));
        if (!r.quiet) fmt::print("  {:<11} {}\n", "screenshot", r.screenshot);
        return exit_ok;
    }
    if (recording) {
        viewer::RecordOptions ro;
        ro.fps = r.fps;
        ro.duration = r.duration;
        auto progress = [&](std::int64_t done, std::int64_t total) {
            if (!r.quiet && (done % 30 == 0 || done == total)) fmt::print(stderr, "\r  frame {}/{}", done, total);
            if (!r.quiet && done == total) fmt::print(stderr, "\n");
        };
        if (!r.record_dir.empty()) {
            viewer::record_frames(v, r.record_dir, ro, progress);
            if (!r.quiet) fmt::print("  {:<11} {} ({} frames)\n", "frames", r.record_dir, viewer::frame_count(ro));
        }
        if (!r.video.empty()) {
            viewer::record_video(v, r.video, ro, progress);
            if (!r.quiet) fmt::print("  {:<11} {} ({} frames)\n", "video", r.video, viewer::frame_count(ro));
        }
        return exit_ok;
    }
    int shots = 0;
    viewer::run_window(v, "geoevents — " + r.project_file, [&](const render::Raster& frame) {
        const std::string name = fmt::format("geoevents-screenshot-{:03}.png", ++shots);
        geo::write_file_atomically(name, render::encode_png(frame));
        fmt::print("  {:<11} {}\n", "screenshot", name);
    });
    return exit_ok;
}

} // namespace

int record_story_video(const std::string& project_file, const std::string& mp4, bool quiet) {
    ViewRequest r;
    r.project_file = project_file;
    r.video = mp4;
    r.size = "1280x720";
    r.quiet = quiet;
    return view(r);
}

void add_view_command(CLI::App& app, Action& action) {
    auto r = std::make_shared<ViewRequest>();
    auto* cmd = app.add_subcommand("view", "the interactive map: play the story on a time line; screenshots and recordings");
    cmd->add_option("project", r->project_file, "the GeoPackage written by map (OUT/events.gpkg)")->required()->check(CLI::ExistingFile);
    cmd->add_option("--size", r->size, "window or frame size WxH (default 1280x800)");
    cmd->add_option("--lang", r->lang, "language of labels, legend and credit (default: the articles')")->check(CLI::IsMember({"fr", "en"}));
    cmd->add_option("--title", r->title, "title (default: the places most events happened in)");
    cmd->add_option("--style", r->style, "style file (JSON, docs/render.md; default: samples/style.json)");
    cmd->add_option("--basemap", r->basemap, "basemap file (default: $GEOEVENTS_BASEMAP or the built-in path)");
    cmd->add_flag("--no-cumulative", r->no_cumulative, "events fade away after their end instead of staying (faded) on the map");
    cmd->add_flag("--headless", r->headless, "render one frame off-screen (with --screenshot; needs an X display such as xvfb-run)");
    cmd->add_option("--at", r->at, "story time of the --headless frame: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default: the end)");
    cmd->add_option("--screenshot", r->screenshot, "PNG file of the --headless frame");
    cmd->add_option("--record", r->record_dir, "render the whole animation to DIR/frame_000000.png…");
    cmd->add_option("--video", r->video, "render the whole animation to an MP4 file (through the ffmpeg program)");
    cmd->add_option("--fps", r->fps, "frames per second of --record/--video (default 30)")->check(CLI::Range(1, 120));
    cmd->add_option("--duration", r->duration, "seconds of --record/--video (default 20): exactly duration × fps frames")
        ->check(CLI::Range(0.05, 3600.0));
    cmd->add_flag("-q,--quiet", r->quiet, "print nothing but errors and notes");
    cmd->callback([&action, r] { action = [r] { return view(*r); }; });
}

} // namespace geoevents::app
