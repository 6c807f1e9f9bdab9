// `geoevents render`: the project file → map images (PNG, SVG, PDF).
// Options and messages only: the work is done by the render library.
#include <fmt/core.h>

#include <chrono>
#include <map>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "geoevents/geo/error.hpp"
#include "geoevents/geo/writer.hpp"
#include "geoevents/render/basemap.hpp"
#include "geoevents/render/build.hpp"
#include "geoevents/render/image.hpp"
#include "geoevents/render/style.hpp"
#include "geoevents/render/text.hpp"
#include "render_job.hpp"

namespace geoevents::app {

namespace {

struct ImageSize {
    double width = 0, height = 0;
};

// The size presets of the README: article, square, portrait, story, or WxH.
std::optional<ImageSize> parse_size(const std::string& s) {
    static const std::map<std::string, ImageSize, std::less<>> presets = {
        {"article", {1200, 800}}, {"square", {1080, 1080}}, {"portrait", {1080, 1350}}, {"story", {1080, 1920}}};
    if (auto it = presets.find(s); it != presets.end()) return it->second;
    const auto x = s.find('x');
    if (x == std::string::npos || x == 0 || x + 1 == s.size()) return std::nullopt;
    ImageSize out;
    try {
        std::size_t used = 0;
        out.width = std::stod(s.substr(0, x), &used);
        if (used != x) return std::nullopt;
        out.height = std::stod(s.substr(x + 1), &used);
        if (used != s.size() - x - 1) return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
    return out;
}

std::optional<geo::Bbox> parse_bbox(const std::string& s) {
    double v[4];
    std::size_t at = 0;
    for (int i = 0; i < 4; ++i) {
        const auto comma = i < 3 ? s.find(',', at) : s.size();
        if (comma == std::string::npos) return std::nullopt;
        try {
            std::size_t used = 0;
            v[i] = std::stod(s.substr(at, comma - at), &used);
            if (used != comma - at) return std::nullopt;
        } catch (const std::exception&) {
            return std::nullopt;
        }
        at = comma + 1;
    }
    return geo::Bbox{v[0], v[1], v[2], v[3]};
}

} // namespace

int render_images(const RenderRequest& r) {
    const auto size = parse_size(r.size);
    if (!size) {
        fmt::print(stderr, "geoevents: --size '{}': expected article, square, portrait, story or WxH (e.g. 1600x900)\n", r.size);
        return exit_usage;
    }
    if (size->width < 200 || size->height < 200 || size->width * r.scale > render::max_image_side ||
        size->height * r.scale > render::max_image_side) {
        fmt::print(stderr, "geoevents: impossible image size {}x{} at scale {}: each side must be at least 200 and at most {} pixels "
                   "once scaled (nothing is shrunk silently)\n", size->width, size->height, r.scale, render::max_image_side);
        return exit_usage;
    }
    std::vector<render::ImageFormat> formats;
    for (const auto& out : r.outputs) {
        const auto f = render::format_for_path(out);
        if (!f) {
            fmt::print(stderr, "geoevents: {}: unknown image type (use .png, .svg or .pdf)\n", out);
            return exit_usage;
        }
        formats.push_back(*f);
    }
    const geo::Project project = geo::read_project(r.project_file);
    const render::Basemap basemap = r.basemap.empty() ? render::Basemap::open_default() : render::Basemap::open(r.basemap);
    const render::Style style = r.style.empty() ? render::default_style() : render::load_style(r.style);
    for (const auto* ts : {&style.title, &style.story_label, &style.legend, &style.credit, &style.country_label})
        render::require_font(ts->font.family);
    const render::PangoShaper shaper;

    render::SceneOptions so;
    so.width = size->width;
    so.height = size->height;
    so.lang = r.lang;
    if (so.lang.empty()) so.lang = project.metadata("language") == "fr" ? "fr" : "en";
    so.bbox = r.bbox;
    so.projection = r.projection;
    so.title = r.title;
    so.subtitle = r.subtitle;
    so.style = &style;
    const render::Scene scene = render::build_scene(project, basemap, shaper, so);
    for (std::size_t i = 0; i < r.outputs.size(); ++i) render::write_image(scene, r.outputs[i], formats[i], r.scale);

    if (r.notes)
        for (const auto& n : scene.notes) fmt::print(stderr, "note: {}\n", n);
    if (r.notes && !scene.unlabeled.empty()) {
        std::string names;
        for (const auto& n : scene.unlabeled) names += (names.empty() ? "" : ", ") + n;
        fmt::print(stderr, "note: {} story place label(s) could not be placed without overlapping: {}\n", scene.unlabeled.size(), names);
    }
    if (!r.quiet)
        for (const auto& out : r.outputs) fmt::print("  {:<11} {}\n", "image", out);
    return exit_ok;
}

void add_render_command(CLI::App& app, Action& action) {
    auto r = std::make_shared<RenderRequest>();
    auto bbox = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("render", "draw the project file as a news map image (PNG, SVG, PDF)");
    cmd->add_option("project", r->project_file, "the GeoPackage written by map (OUT/events.gpkg)")->required()->check(CLI::ExistingFile);
    cmd->add_option("-o,--output", r->outputs, "image file(s): .png, .svg or .pdf (repeatable; one layout for all)")->required();
    cmd->add_option("--size", r->size, "article (1200x800, default), square (1080x1080), portrait (1080x1350), story (1080x1920) or WxH");
    cmd->add_option("--scale", r->scale, "PNG pixel density: 2 or 3 for dense screens (same layout, more pixels)")
        ->check(CLI::Range(1.0, 4.0));
    cmd->add_option("--lang", r->lang, "language of labels, legend and credit (default: the articles')")->check(CLI::IsMember({"fr", "en"}));
    cmd->add_option("--title", r->title, "title (default: the places most events happened in)");
    cmd->add_option("--subtitle", r->subtitle, "subtitle (default: events, dates and articles)");
    cmd->add_option("--bbox", *bbox, "extent shown: min_lon,min_lat,max_lon,max_lat (default: the story's)");
    cmd->add_option("--projection", r->projection, "PROJ string or EPSG code (default: Lambert equal-area centred on the extent)");
    cmd->add_option("--style", r->style, "style file (JSON, docs/render.md; default: samples/style.json)");
    cmd->add_option("--basemap", r->basemap, "basemap file (default: $GEOEVENTS_BASEMAP or the built-in path)");
    cmd->add_flag("-q,--quiet", r->quiet, "print nothing but errors and notes");
    cmd->callback([&action, r, bbox] {
        action = [r, bbox] {
            if (!bbox->empty()) {
                r->bbox = parse_bbox(*bbox);
                if (!r->bbox) {
                    fmt::print(stderr, "geoevents: --bbox '{}': expected min_lon,min_lat,max_lon,max_lat in degrees\n", *bbox);
                    return static_cast<int>(exit_usage);
                }
            }
            return render_images(*r);
        };
    });
}

} // namespace geoevents::app
