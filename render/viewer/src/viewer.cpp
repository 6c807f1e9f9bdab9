// The viewer (viewer.hpp): scene caches, per-frame drawing, input.
#include "geoevents/viewer/viewer.hpp"

#include <SFML/Graphics.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>
#include <limits>
#include <numeric>
#include <set>
#include <utility>
#include <variant>

#include "geoevents/render/build.hpp"
#include "geoevents/render/projection.hpp"
#include "geoevents/render/shapes.hpp"
#include "geoevents/render/text.hpp"
#include "fast_copy.hpp"
#include "geometry.hpp"
#include "overloaded.hpp"
#include "pixel_geometry.hpp"
#include "system.hpp"

namespace geoevents::viewer {
namespace {

using render::Point;
using Steady = std::chrono::steady_clock;
using namespace detail;

constexpr float band_height = 72;  // the time line band under the scene

bool is_static_layer(const render::SceneLayer& l) {
    return l.name == "land" || l.name == "boundaries" || l.name == "areas" || l.name == "capitals";
}

// "2022-02-17 18:00 UTC" (the time only when it is not midnight).
std::string format_time(std::int64_t t) {
    const std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    const std::int64_t secs = t - days * 86400;
    // Civil date from days since 1970-01-01 (proleptic Gregorian calendar).
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buf[128];
    if (secs == 0)
        std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                      static_cast<long long>(d));
    else
        std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld %02lld:%02lld UTC", static_cast<long long>(y),
                      static_cast<long long>(m), static_cast<long long>(d), static_cast<long long>(secs / 3600),
                      static_cast<long long>(secs / 60 % 60));
    return buf;
}

sf::Texture upload(const render::Raster& r) {
    sf::Image img;
    img.create(static_cast<unsigned>(r.width), static_cast<unsigned>(r.height), r.rgba.data());
    sf::Texture t;
    if (!t.loadFromImage(img)) throw Error("cannot create a texture of " + std::to_string(r.width) + "x" + std::to_string(r.height));
    t.setSmooth(true);
    return t;
}

// One dated item: drawn every frame while it changes, then baked into the
// `under` texture once it looks the same for ever (faded, complete).
struct Dynamic {
    std::size_t layer = 0, item = 0;
    int cell = -1;                   // markers: atlas cell
    std::vector<sf::Vertex> full;    // lines, arrows, circles: triangles when complete
    std::vector<sf::Vertex> thin;    // lines and arrows: 1-pixel triangles, the detail dropped for huge stories
    std::int64_t settle = 0;         // from this story time on it does not change any more
    std::vector<Point> path;         // arrows: the path simplified for the screen, along which it grows
};

// Above this many dated lines, finished ones are drawn 1 pixel wide (the
// growing ones keep their arrows): a huge story stays fluid.
constexpr std::size_t thin_above = 2000;
// Above this many dated items, finished event markers are drawn as 3-pixel
// dots of their colour (the markers of events in progress keep their shape):
// software OpenGL pays for every pixel of every marker.
constexpr std::size_t dots_above = 5000;

// Above dots_above dated items, at most this many event markers in progress
// keep their full mark in a frame, the latest to start; the others are drawn
// as dots too.
constexpr std::size_t full_markers = 2000;

// The frame is cut in tiles of this many pixels: the labels and furniture
// textures are drawn as their non-empty tiles, and only the tiles that the
// changing items touch are redrawn over the cached frame.
constexpr int tile = 32;

// Tiles of a raster of the window's pixels (scene pixels, the scene being at
// the window's origin).
struct Tiles {
    int cols = 0, rows = 0;
    std::vector<int> quad;  // per tile: index of its first vertex in `quads`, -1 when transparent
    std::vector<sf::Vertex> quads;
    std::size_t count() const { return quads.size() / 4; }
};

void append_tile(std::vector<sf::Vertex>& out, int tx, int ty, int w, int h) {
    const int x0 = tx * tile, y0 = ty * tile, x1 = std::min(w, x0 + tile), y1 = std::min(h, y0 + tile);
    for (const auto& [x, y] : {std::pair{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}) {
        const sf::Vector2f v(static_cast<float>(x), static_cast<float>(y));
        out.emplace_back(v, sf::Color::White, v);  // position = texture coordinates
    }
}

// Quads over the tiles of a raster that have a visible pixel: labels and
// furniture cover a small part of the frame, and software OpenGL pays for
// every blended pixel.
Tiles sparse_tiles(const render::Raster& r) {
    Tiles t;
    t.cols = (r.width + tile - 1) / tile;
    t.rows = (r.height + tile - 1) / tile;
    t.quad.assign(static_cast<std::size_t>(t.cols) * static_cast<std::size_t>(t.rows), -1);
    for (int ty = 0; ty < t.rows; ++ty)
        for (int tx = 0; tx < t.cols; ++tx) {
            const int x1 = std::min(r.width, (tx + 1) * tile), y1 = std::min(r.height, (ty + 1) * tile);
            bool visible = false;
            for (int y = ty * tile; y < y1 && !visible; ++y)
                for (int x = tx * tile; x < x1 && !visible; ++x)
                    visible = r.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)) * 4 + 3] != 0;
            if (!visible) continue;
            t.quad[static_cast<std::size_t>(ty) * static_cast<std::size_t>(t.cols) + static_cast<std::size_t>(tx)] = static_cast<int>(t.quads.size());
            append_tile(t.quads, tx, ty, r.width, r.height);
        }
    return t;
}

void append_thin(std::vector<sf::Vertex>& out, const std::vector<Point>& path, sf::Color c) { append_stroke(out, path, 1, c, {}); }

std::vector<double> uncertain_dash(const render::Stroke& s) {
    return s.dash.empty() ? std::vector<double>{6, 4} : s.dash;
}

// Everything prepared from one scene off the drawing thread (CPU only).
struct Prepared {
    render::Scene scene;
    MapView view;
    render::Raster base, top, furniture, atlas_raster;
    Tiles top_tiles, furniture_tiles;  // the parts of top and furniture that are not transparent
    MarkerAtlas atlas;
    std::vector<Dynamic> dynamic;             // in drawing order
    std::vector<std::uint32_t> by_start;      // dynamic items by start time
    std::vector<std::uint32_t> by_settle;     // dynamic items by settle time (then drawing order)
    std::vector<std::vector<int>> dynamic_of; // per layer and item: index in `dynamic`, or -1
    std::map<std::string, std::vector<ItemId>, std::less<>> by_key;  // legend key → items on the map
    std::vector<std::pair<std::size_t, std::size_t>> areas;  // dated area polygons
    int unit_cell = -1;            // the unit marker travelling along movements
    std::size_t lines = 0;         // dated lines and arrows
};

// The scene with only the items `keep` accepts.
render::Scene subset(const render::Scene& s, render::Color background, const std::function<bool(const render::SceneLayer&, const render::Item&)>& keep) {
    render::Scene out;
    out.width = s.width;
    out.height = s.height;
    out.background = background;
    for (const auto& l : s.layers) {
        render::SceneLayer copy{l.name, l.role, {}};
        for (const auto& it : l.items)
            if (keep(l, it)) copy.items.push_back(it);
        out.layers.push_back(std::move(copy));
    }
    return out;
}

// A white veil (alpha 190) over a box of a straight-alpha raster: the legend
// rows of hidden keys.
void veil(render::Raster& r, const render::Box& b) {
    const int x0 = std::max(0, static_cast<int>(std::floor(b.x0))), x1 = std::min(r.width, static_cast<int>(std::ceil(b.x1)));
    const int y0 = std::max(0, static_cast<int>(std::floor(b.y0))), y1 = std::min(r.height, static_cast<int>(std::ceil(b.y1)));
    constexpr double a = 190.0 / 255;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            std::uint8_t* px = &r.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)) * 4];
            const double d = px[3] / 255.0, out = a + d * (1 - a);
            for (int k = 0; k < 3; ++k) px[k] = static_cast<std::uint8_t>(std::lround((255 * a + px[k] * d * (1 - a)) / out));
            px[3] = static_cast<std::uint8_t>(std::lround(255 * out));
        }
}

// A movement's path for drawing: vertices closer than half a pixel to the
// simplified line are dropped (geodesics are densified for the globe, not
// for the screen).
std::vector<Point> for_screen(const std::vector<Point>& path) { return render::detail::simplify(path, 0.5, false); }

// max(end, start + point span) + fade (without the fade: `fade` false),
// saturated; presence() uses the same terms.
std::int64_t settle_time(const render::TimeSpan& span, const TimeRules& rules, bool fade = true) {
    constexpr std::int64_t top = std::numeric_limits<std::int64_t>::max();
    const std::int64_t grown = span.start > top - rules.point_span ? top : span.start + rules.point_span;
    const std::int64_t end = std::max(span.end, grown);
    if (!fade) return end;
    return end > top - rules.fade ? top : end + rules.fade;
}

void prepare(Prepared& p, const std::set<std::string, std::less<>>& hidden, const TimeRules& rules) {
    const render::Scene& s = p.scene;
    auto shown = [&](const render::Item& it) { return it.key.empty() || !hidden.count(it.key); };
    p.base = render::rasterize(subset(s, s.background, [&](const render::SceneLayer& l, const render::Item& it) {
        return l.role != render::LayerRole::furniture && is_static_layer(l) && shown(it);
    }));
    p.top = render::rasterize(subset(s, {0, 0, 0, 0}, [&](const render::SceneLayer& l, const render::Item& it) {
        return l.role != render::LayerRole::furniture && !is_static_layer(l) && shown(it) &&
               (!it.time.dated() || std::holds_alternative<render::PolygonItem>(it.shape));
    }));
    p.furniture = render::rasterize(subset(s, {0, 0, 0, 0}, [](const render::SceneLayer& l, const render::Item&) {
        return l.role == render::LayerRole::furniture;
    }));
    for (const auto& e : s.legend)
        if (hidden.count(e.key)) veil(p.furniture, e.box);
    p.top_tiles = sparse_tiles(p.top);
    p.furniture_tiles = sparse_tiles(p.furniture);
    p.dynamic_of.resize(s.layers.size());
    for (std::size_t li = 0; li < s.layers.size(); ++li) {
        const auto& l = s.layers[li];
        p.dynamic_of[li].assign(l.items.size(), -1);
        if (l.role == render::LayerRole::furniture) continue;
        for (std::size_t ii = 0; ii < l.items.size(); ++ii) {
            const auto& it = l.items[ii];
            if (!it.key.empty()) p.by_key[it.key].push_back({li, ii});
            if (!it.time.dated()) continue;
            if (std::holds_alternative<render::PolygonItem>(it.shape)) {
                if (l.name == "areas") p.areas.emplace_back(li, ii);
                continue;  // drawn in the cached layers
            }
            Dynamic d{li, ii, -1, {}, {}, settle_time(it.time, rules), {}};
            std::visit(overloaded{
                           [&](const render::MarkerItem& m) {
                               render::MarkerItem mk = m;
                               if (it.uncertain) {  // month precision or coarser: hatched
                                   mk.fill.pattern = render::Pattern::hatch;
                                   mk.fill.pattern_color = {255, 255, 255, 255};
                                   mk.fill.spacing = 3;
                               }
                               d.cell = p.atlas.add(mk);
                           },
                           [&](const render::ArrowItem& a) {
                               render::ArrowItem simple = a;
                               simple.path = d.path = for_screen(a.path);
                               if (it.uncertain) simple.stroke.dash = uncertain_dash(a.stroke);
                               append_arrow(d.full, simple, to_sf(a.stroke.color));
                               append_thin(d.thin, simple.path, to_sf(a.stroke.color));
                               ++p.lines;
                           },
                           [&](const render::LineItem& line) {
                               for (const auto& part : line.parts) {
                                   const auto simple = for_screen(part);
                                   append_stroke(d.full, simple, line.stroke.width, to_sf(line.stroke.color),
                                                 it.uncertain ? uncertain_dash(line.stroke) : line.stroke.dash);
                                   append_thin(d.thin, simple, to_sf(line.stroke.color));
                               }
                               ++p.lines;
                           },
                           [&](const render::CircleItem& c) { append_circle(d.full, c, 1); },
                           [&](const render::TextItem&) {},
                           [&](const render::PolygonItem&) {},
                       },
                       it.shape);
            p.dynamic_of[li][ii] = static_cast<int>(p.dynamic.size());
            p.dynamic.push_back(std::move(d));
        }
    }
    // Huge stories: items take their final look at their end, without fading
    // (half as many items change at any time).
    if (p.dynamic.size() > dots_above)
        for (Dynamic& d : p.dynamic) d.settle = settle_time(s.layers[d.layer].items[d.item].time, rules, false);
    // The time-sorted indexes: the items of a frame are found without
    // looking at the others.
    p.by_start.resize(p.dynamic.size());
    std::iota(p.by_start.begin(), p.by_start.end(), 0u);
    p.by_settle = p.by_start;
    const auto item = [&](std::uint32_t i) -> const render::Item& { return s.layers[p.dynamic[i].layer].items[p.dynamic[i].item]; };
    std::stable_sort(p.by_start.begin(), p.by_start.end(), [&](auto a, auto b) { return item(a).time.start < item(b).time.start; });
    std::stable_sort(p.by_settle.begin(), p.by_settle.end(), [&](auto a, auto b) { return p.dynamic[a].settle < p.dynamic[b].settle; });
    // The unit marker travelling along growing movements.
    p.unit_cell = p.atlas.add({{}, render::MarkerShape::circle, 7, {{255, 255, 255, 255}, render::Pattern::solid, {}, 0}, {{0x33, 0x33, 0x33, 255}, 1.5, {}}});
    p.atlas_raster = p.atlas.draw();
}

// Tiles (of a Tiles grid) that a run of vertices touches.
void mark_tiles(std::vector<char>& mask, int cols, int rows, const sf::Vertex* v, std::size_t n) {
    if (n == 0) return;
    float x0 = v[0].position.x, x1 = x0, y0 = v[0].position.y, y1 = y0;
    for (std::size_t i = 1; i < n; ++i) {
        x0 = std::min(x0, v[i].position.x);
        x1 = std::max(x1, v[i].position.x);
        y0 = std::min(y0, v[i].position.y);
        y1 = std::max(y1, v[i].position.y);
    }
    // One pixel of margin: antialiased edges and rounding.
    const int tx0 = std::clamp(static_cast<int>(std::floor((x0 - 1) / tile)), 0, cols - 1), tx1 = std::clamp(static_cast<int>(std::floor((x1 + 1) / tile)), 0, cols - 1);
    const int ty0 = std::clamp(static_cast<int>(std::floor((y0 - 1) / tile)), 0, rows - 1), ty1 = std::clamp(static_cast<int>(std::floor((y1 + 1) / tile)), 0, rows - 1);
    if (x1 < 0 || y1 < 0 || x0 > static_cast<float>(cols * tile) || y0 > static_cast<float>(rows * tile)) return;
    for (int ty = ty0; ty <= ty1; ++ty)
        for (int tx = tx0; tx <= tx1; ++tx) mask[static_cast<std::size_t>(ty) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(tx)] = 1;
}

} // namespace

struct Viewer::Impl {
    const geo::Project& project;
    const render::Basemap& basemap;
    ViewerOptions options;
    render::SceneOptions scene_options;
    render::PangoShaper shaper;
    std::vector<std::string> notes;
    Clock clock;
    TimeRules rules;
    MapView view, fit_view;
    std::optional<render::Projection> projection;

    // The installed cache.
    std::unique_ptr<Prepared> cache;
    std::uint64_t generation = 0;  // bumped by install()
    sf::Texture base, top, furniture, atlas;
    Picker picker;
    std::set<std::string, std::less<>> hidden_keys;

    // The time line's textures (docs/viewer.md, "Drawing"): `under` is the
    // basemap with the settled items baked in (by_settle order, so the same
    // pixels whether baked frame by frame or at once); `history` is the whole
    // frame without what changes (under, labels, furniture, the time line's
    // band), valid for the installed view.
    std::optional<sf::RenderTexture> under, history;
    std::uint64_t under_generation = ~std::uint64_t{0};
    bool under_cumulative = true;
    std::size_t baked = 0;     // prefix of by_settle handled in `under`
    bool history_ok = false;
    std::vector<char> stale;   // tiles of `history` behind `under`
    // The items that change at the clock's time: started, not settled.
    std::vector<std::uint32_t> active;
    std::size_t next_start = 0;
    std::int64_t active_t = 0;
    std::uint64_t active_generation = ~std::uint64_t{0};

    // Refinement in a worker.
    bool dirty = false;
    Steady::time_point changed_at = Steady::now();
    std::future<std::unique_ptr<Prepared>> pending;
    MapView pending_view;

    // Interaction state.
    bool dragging = false, scrubbing = false;
    sf::Vector2i last_mouse{-1, -1}, press_at{-1, -1};
    Steady::time_point last_click{};
    std::vector<Hit> hover, pinned;
    std::vector<ItemId> hover_items, pinned_items;  // their items in the installed scene
    Point hover_at, pinned_at;
    std::string highlight_key;
    bool screenshot = false;

    sf::Font font, bold;
    std::optional<sf::RenderTexture> offscreen;
    sf::Shader copier;  // opaque copies of `under` and `history` (fast_copy.hpp)
    int copier_state = 0;  // 0 not loaded yet, 1 loaded, -1 unavailable

    // Render states of an opaque copy of a cached texture.
    sf::RenderStates copy_states(const sf::Texture& texture, const sf::Transform& st = sf::Transform()) {
        if (copier_state == 0) copier_state = load_copy_shader(copier) ? 1 : -1;
        return sf::RenderStates(sf::BlendNone, st, &texture, copier_state > 0 ? &copier : nullptr);
    }

    Impl(const geo::Project& p, const render::Basemap& b, const ViewerOptions& o) : project(p), basemap(b), options(o) {}

    // ------------------------------------------------------------ caching
    void install(std::unique_ptr<Prepared> p) {
        base = upload(p->base);
        top = upload(p->top);
        furniture = upload(p->furniture);
        atlas = upload(p->atlas_raster);
        base.setSmooth(false);  // copied pixel for pixel
        furniture.setSmooth(false);
        cache = std::move(p);
        picker = Picker(cache->scene);
        ++generation;
        // Item ids of the old scene mean nothing in the new one.
        hover.clear();
        hover_items.clear();
        pinned_items.clear();
        for (std::size_t li = 0; li < cache->scene.layers.size() && !pinned.empty(); ++li) {
            const auto& l = cache->scene.layers[li];
            if (l.role == render::LayerRole::furniture) continue;
            for (std::size_t ii = 0; ii < l.items.size(); ++ii)
                for (const Hit& h : pinned)
                    if (!l.items[ii].feature.layer.empty() && h.feature.layer == l.items[ii].feature.layer && h.feature.row == l.items[ii].feature.row)
                        pinned_items.push_back({li, ii});
        }
    }

    std::unique_ptr<Prepared> build(const MapView& v, const std::set<std::string, std::less<>>& hidden,
                                    std::map<std::string, render::Box, std::less<>> previous, const render::TextShaper& sh) const {
        render::SceneOptions so = scene_options;
        so.frame = v.frame();
        so.previous_labels = std::move(previous);
        auto p = std::make_unique<Prepared>();
        p->scene = render::build_scene(project, basemap, sh, so);
        p->view = v;
        prepare(*p, hidden, rules);
        return p;
    }

    void rebuild_textures() {
        auto p = std::make_unique<Prepared>();
        p->scene = cache->scene;
        p->view = cache->view;
        prepare(*p, hidden_keys, rules);
        install(std::move(p));
    }

    // Cached scene pixels → window pixels for the current view.
    sf::Transform transform() const {
        const double s = view.scale() / cache->view.scale();
        const Point o = view.to_pixel(cache->view.to_projected({0, 0}));
        sf::Transform t;
        t.translate(static_cast<float>(o.x), static_cast<float>(o.y));
        t.scale(static_cast<float>(s), static_cast<float>(s));
        return t;
    }
    Point to_cached(Point window) const {
        return cache->view.to_pixel(view.to_projected(window));
    }

    void view_changed() {
        dirty = true;
        changed_at = Steady::now();
        hover.clear();
        hover_items.clear();
    }

    // ------------------------------------------------------------ drawing
    const render::Item& item_of(std::uint32_t i) const {
        const Dynamic& d = cache->dynamic[i];
        return cache->scene.layers[d.layer].items[d.item];
    }
    bool shown(const render::Item& it) const { return it.key.empty() || !hidden_keys.count(it.key); }

    // The map's part of the window, in whole pixels: scene pixels map 1:1 to
    // window pixels through this view (the scene is at the window's origin).
    sf::View map_view() const {
        const auto W = static_cast<float>(options.width), H = static_cast<float>(options.height);
        const render::Box mb = cache->scene.viewport.map_box;
        const float x0 = std::round(static_cast<float>(mb.x0)), y0 = std::round(static_cast<float>(mb.y0));
        const float x1 = std::round(static_cast<float>(mb.x1)), y1 = std::round(static_cast<float>(mb.y1));
        sf::View v(sf::FloatRect(x0, y0, x1 - x0, y1 - y0));
        v.setViewport(sf::FloatRect(x0 / W, y0 / H, (x1 - x0) / W, (y1 - y0) / H));
        return v;
    }

    void quad(std::vector<sf::Vertex>& out, int cell, Point at, double alpha) const {
        // The cell less its transparent border (MarkerAtlas leaves 2 pixels around
        // the ink, antialiasing takes at most one): every pixel drawn costs.
        sf::FloatRect c = cache->atlas.cell(cell);
        c = {c.left + 1, c.top + 1, c.width - 2, c.height - 2};
        const float x = static_cast<float>(at.x) - c.width / 2, y = static_cast<float>(at.y) - c.height / 2;
        const sf::Color col(255, 255, 255, static_cast<sf::Uint8>(std::lround(255 * alpha)));
        const sf::Vertex a(sf::Vector2f(x, y), col, sf::Vector2f(c.left, c.top));
        const sf::Vertex b(sf::Vector2f(x + c.width, y), col, sf::Vector2f(c.left + c.width, c.top));
        const sf::Vertex cc(sf::Vector2f(x + c.width, y + c.height), col, sf::Vector2f(c.left + c.width, c.top + c.height));
        const sf::Vertex d(sf::Vector2f(x, y + c.height), col, sf::Vector2f(c.left, c.top + c.height));
        for (const sf::Vertex& v : {a, b, cc, a, cc, d}) out.push_back(v);
    }

    static void faded(std::vector<sf::Vertex>& out, const std::vector<sf::Vertex>& from, double alpha) {
        for (sf::Vertex v : from) {
            v.color.a = static_cast<sf::Uint8>(std::lround(v.color.a * alpha));
            out.push_back(v);
        }
    }

    // The marks of dynamic item `i` at presence `pr` (textured triangles).
    // `crowded`: a marker in progress drawn as a dot (see full_markers).
    void append_marks(std::vector<sf::Vertex>& out, std::uint32_t i, const Presence& pr, bool glowing, bool crowded = false) const {
        const Dynamic& d = cache->dynamic[i];
        const render::Item& it = item_of(i);
        const bool coarse = cache->lines > thin_above, dotted = cache->dynamic.size() > dots_above;
        const sf::Color glow_colour(0xff, 0xc4, 0x00, 200);
        std::visit(overloaded{
                       [&](const render::MarkerItem& m) {
                           if (glowing) append_fan(out, render::marker_outline(render::MarkerShape::circle, m.at, m.size + 8), glow_colour);
                           if (dotted && (!pr.active || crowded) && !glowing) {
                               const sf::Color c = to_sf(m.fill.color, pr.alpha);
                               const auto x = static_cast<float>(m.at.x), y = static_cast<float>(m.at.y);
                               const sf::Vertex a(sf::Vector2f(x - 1.5f, y - 1.5f), c, white_texel), b(sf::Vector2f(x + 1.5f, y - 1.5f), c, white_texel);
                               const sf::Vertex e(sf::Vector2f(x + 1.5f, y + 1.5f), c, white_texel), f(sf::Vector2f(x - 1.5f, y + 1.5f), c, white_texel);
                               for (const sf::Vertex& v : {a, b, e, a, e, f}) out.push_back(v);
                           } else {
                               quad(out, d.cell, m.at, pr.alpha);
                           }
                       },
                       [&](const render::ArrowItem& a) {
                           render::ArrowItem grown = a;
                           if (it.uncertain) grown.stroke.dash = uncertain_dash(a.stroke);
                           grown.path = pr.progress < 1 ? render::partial_path(d.path, pr.progress) : d.path;
                           if (glowing) append_stroke(out, grown.path, a.stroke.width + 6, glow_colour, {});
                           if (pr.progress >= 1 && coarse && !glowing)
                               faded(out, d.thin, pr.alpha);
                           else if (pr.progress >= 1)
                               faded(out, d.full, pr.alpha);
                           else if (grown.path.size() >= 2)
                               append_arrow(out, grown, to_sf(a.stroke.color, pr.alpha));
                           if (pr.active && pr.progress < 1) {
                               // Units travelling behind the head.
                               for (double back : {0.12, 0.24}) {
                                   if (pr.progress <= back) continue;
                                   const auto part = render::partial_path(d.path, pr.progress - back);
                                   if (!part.empty()) quad(out, cache->unit_cell, part.back(), 1);
                               }
                           }
                       },
                       [&](const render::LineItem& line) {
                           if (pr.progress >= 1 && !glowing) {
                               faded(out, coarse ? d.thin : d.full, pr.alpha);
                               return;
                           }
                           for (const auto& part0 : line.parts) {
                               const auto part = pr.progress < 1 ? render::partial_path(part0, pr.progress) : part0;
                               if (glowing) append_stroke(out, part, line.stroke.width + 6, glow_colour, {});
                               append_stroke(out, part, line.stroke.width, to_sf(line.stroke.color, pr.alpha),
                                             it.uncertain ? uncertain_dash(line.stroke) : line.stroke.dash);
                           }
                       },
                       [&](const render::CircleItem&) { faded(out, d.full, pr.alpha); },
                       [&](const render::TextItem&) {},
                       [&](const render::PolygonItem&) {},
                   },
                   it.shape);
    }

    // A highlight over an item of the cached layers (areas, places,
    // capitals): a glowing outline, drawn over it.
    static void append_outline_glow(std::vector<sf::Vertex>& out, const render::Item& it) {
        const sf::Color g(0xff, 0xc4, 0x00, 220);
        auto ring = [&](Point c, double r) {
            std::vector<Point> pts;
            for (int k = 0; k <= 32; ++k) pts.push_back({c.x + r * std::cos(2 * M_PI * k / 32), c.y + r * std::sin(2 * M_PI * k / 32)});
            append_stroke(out, pts, 3, g, {});
        };
        std::visit(overloaded{
                       [&](const render::MarkerItem& m) { ring(m.at, m.size / 2 + 4); },
                       [&](const render::CircleItem& c) { ring(c.center, c.radius + 2); },
                       [&](const render::PolygonItem& poly) {
                           for (auto r : poly.rings) {
                               if (r.empty()) continue;
                               r.push_back(r.front());
                               append_stroke(out, r, 4, g, {});
                           }
                       },
                       [&](const render::LineItem& line) {
                           for (const auto& part : line.parts) append_stroke(out, part, line.stroke.width + 6, g, {});
                       },
                       [&](const render::ArrowItem& a) { append_stroke(out, a.path, a.stroke.width + 6, g, {}); },
                       [&](const render::TextItem&) {},
                   },
                   it.shape);
    }

    // Bakes the items settled at `t` into `under` (from scratch when the
    // scene, the hidden keys or the mode changed, or when the clock went back
    // before the last baked item settled).
    void sync_under(std::int64_t t) {
        const Prepared& c = *cache;
        const auto sw = static_cast<unsigned>(c.scene.width), sh = static_cast<unsigned>(c.scene.height);
        if (!under || under->getSize() != sf::Vector2u(sw, sh)) {
            under.emplace();
            if (!under->create(sw, sh)) throw Error("cannot create an off-screen layer of " + std::to_string(sw) + "x" + std::to_string(sh));
            store_as_bgra(*under);
            under_generation = ~std::uint64_t{0};
        }
        const bool rewind = clock.enabled() && baked > 0 && c.dynamic[c.by_settle[baked - 1]].settle > t;
        if (under_generation != generation || under_cumulative != rules.cumulative || rewind) {
            under->setView(under->getDefaultView());
            sf::RenderStates opaque;
            opaque.blendMode = sf::BlendNone;
            under->draw(sf::Sprite(base), opaque);
            under->display();
            baked = 0;
            under_generation = generation;
            under_cumulative = rules.cumulative;
            history_ok = false;
        }
        std::vector<sf::Vertex> batch;
        if (!clock.enabled()) {
            // No time line: every item is drawn in full, once.
            for (; baked < c.dynamic.size(); ++baked)
                if (shown(item_of(static_cast<std::uint32_t>(baked)))) append_marks(batch, static_cast<std::uint32_t>(baked), {1, 1, false}, false);
        } else {
            for (; baked < c.by_settle.size() && c.dynamic[c.by_settle[baked]].settle <= t; ++baked) {
                const std::uint32_t i = c.by_settle[baked];
                if (!rules.cumulative || !shown(item_of(i))) continue;  // gone for good, or hidden
                const std::size_t from = batch.size();
                // Its final look (faded; for huge stories it is baked before the end of its fade).
                append_marks(batch, i, presence(item_of(i).time, settle_time(item_of(i).time, rules), rules), false);
                if (history_ok) mark_tiles(stale, c.top_tiles.cols, c.top_tiles.rows, batch.data() + from, batch.size() - from);
            }
        }
        if (batch.empty()) return;
        under->setView(under->getDefaultView());
        under->draw(batch.data(), batch.size(), sf::Triangles, sf::RenderStates(&atlas));
        under->display();
    }

    // The items that change at `t`: started and not settled (kept from frame
    // to frame while the clock goes forward).
    void sync_active(std::int64_t t) {
        const Prepared& c = *cache;
        if (!clock.enabled()) {
            active.clear();
            return;
        }
        if (active_generation != generation || t < active_t) {
            active.clear();
            next_start = 0;
            active_generation = generation;
        }
        for (; next_start < c.by_start.size() && item_of(c.by_start[next_start]).time.start <= t; ++next_start)
            active.push_back(c.by_start[next_start]);
        std::erase_if(active, [&](std::uint32_t i) { return c.dynamic[i].settle <= t; });
        active_t = t;
    }

    // The changing part of the frame, in scene pixels: area flashes, the
    // active items and the highlighted ones (in drawing order), and the
    // outlines of highlighted items of the cached layers.
    std::vector<sf::Vertex> moving_marks(std::int64_t t) {
        std::vector<sf::Vertex> out;
        const Prepared& c = *cache;
        const render::Scene& s = c.scene;
        // Areas flash when an event involving them starts.
        for (const auto& [li, ii] : c.areas) {
            const auto& it = s.layers[li].items[ii];
            if (!clock.enabled() || !shown(it)) continue;
            if (t < it.time.start || t - it.time.start > rules.point_span) continue;
            const double a = 1 - static_cast<double>(t - it.time.start) / static_cast<double>(rules.point_span);
            for (auto ring : std::get<render::PolygonItem>(it.shape).rings) {
                if (ring.empty()) continue;
                ring.push_back(ring.front());
                append_stroke(out, ring, 4, to_sf({0xff, 0xc4, 0x00, 255}, a), {});
            }
        }
        // Highlighted: the hovered and pinned features, the hovered legend key.
        std::vector<ItemId> lit = hover_items;
        lit.insert(lit.end(), pinned_items.begin(), pinned_items.end());
        if (!highlight_key.empty() && !hidden_keys.count(highlight_key))
            if (auto k = c.by_key.find(highlight_key); k != c.by_key.end()) lit.insert(lit.end(), k->second.begin(), k->second.end());
        // Huge stories: the markers in progress that started before `crowd` are dots.
        std::int64_t crowd = std::numeric_limits<std::int64_t>::min();
        if (c.dynamic.size() > dots_above) {
            std::size_t n = 0;
            for (auto k = active.rbegin(); k != active.rend() && n < full_markers; ++k) {  // active is by start time
                const render::Item& it = item_of(*k);
                if (std::holds_alternative<render::MarkerItem>(it.shape) && presence(it.time, t, rules).active && ++n == full_markers) crowd = it.time.start;
            }
        }
        std::vector<std::uint32_t> glow, items = active;
        std::vector<ItemId> outlined;
        for (const ItemId& id : lit) {
            if (id.layer >= c.dynamic_of.size() || id.item >= c.dynamic_of[id.layer].size()) continue;
            const int i = c.dynamic_of[id.layer][id.item];
            if (i >= 0)
                glow.push_back(static_cast<std::uint32_t>(i));
            else
                outlined.push_back(id);
        }
        std::sort(glow.begin(), glow.end());
        glow.erase(std::unique(glow.begin(), glow.end()), glow.end());
        items.insert(items.end(), glow.begin(), glow.end());
        std::sort(items.begin(), items.end());
        items.erase(std::unique(items.begin(), items.end()), items.end());
        for (std::uint32_t i : items) {
            const render::Item& it = item_of(i);
            if (!shown(it)) continue;
            const Presence pr = clock.enabled() ? presence(it.time, t, rules) : Presence{1, 1, false};
            if (pr.alpha <= 0) continue;
            append_marks(out, i, pr, std::binary_search(glow.begin(), glow.end(), i), it.time.start < crowd);
        }
        for (const ItemId& id : outlined) {
            const auto& it = s.layers[id.layer].items[id.item];
            if (shown(it) && (!clock.enabled() || presence(it.time, t, rules).alpha > 0)) append_outline_glow(out, it);
        }
        return out;
    }

    // The band of the time line that does not move: its background, the
    // histogram of the events (or the note that there is no time line).
    void draw_band(sf::RenderTarget& target) {
        const auto W = static_cast<float>(options.width), H = static_cast<float>(options.height);
        sf::RectangleShape strip(sf::Vector2f(W, band_height));
        strip.setPosition(0, H - band_height);
        strip.setFillColor(sf::Color(0xf4, 0xf4, 0xf2));
        target.draw(strip);
        const sf::FloatRect r = timeline_rect();
        sf::RectangleShape band(sf::Vector2f(r.width, r.height));
        band.setPosition(r.left, r.top);
        band.setFillColor(sf::Color::White);
        band.setOutlineColor(sf::Color(0x99, 0x99, 0x99));
        band.setOutlineThickness(1);
        target.draw(band);
        if (!clock.enabled()) {
            label(target, options.lang == "fr" ? "Pas de dates dans ce projet : frise chronologique désactivée"
                                               : "No dates in this project: the time line is off",
                  r.left + 10, r.top + 14, 14, false, sf::Color(0x66, 0x66, 0x66));
            return;
        }
        // Events on the time line: one bar per 3-pixel bin, its height by the square root of its count.
        const int bins = std::max(1, static_cast<int>(r.width / 3));
        std::vector<int> count(static_cast<std::size_t>(bins), 0);
        const double span = static_cast<double>(std::max<std::int64_t>(1, clock.end() - clock.begin()));
        for (std::int64_t e : clock.events())
            ++count[static_cast<std::size_t>(std::clamp(static_cast<int>(static_cast<double>(e - clock.begin()) / span * bins), 0, bins - 1))];
        const int most = std::max(1, *std::max_element(count.begin(), count.end()));
        std::vector<sf::Vertex> bars;
        const sf::Color c(0x44, 0x55, 0x77, 220);
        for (int b = 0; b < bins; ++b) {
            const int k = count[static_cast<std::size_t>(b)];
            if (k == 0) continue;
            const float h = std::max(6.0f, (r.height - 8) * static_cast<float>(std::sqrt(k / static_cast<double>(most))));
            const float x = r.left + static_cast<float>(b) * r.width / static_cast<float>(bins), bottom = r.top + r.height - 4;
            for (const auto& [vx, vy] : {std::pair{x, bottom - h}, {x + 2, bottom - h}, {x + 2, bottom}, {x, bottom}})
                bars.emplace_back(sf::Vector2f(vx, vy), c);
        }
        if (!bars.empty()) target.draw(bars.data(), bars.size(), sf::Quads);
        // Calendar ticks: a hairline and its date, about one per 90 pixels.
        const auto ticks = date_ticks(clock.begin(), clock.end(), static_cast<int>(r.width / 90), options.lang);
        std::vector<sf::Vertex> lines;
        for (const Tick& tick : ticks) {
            const float x = std::round(r.left + static_cast<float>(static_cast<double>(tick.t - clock.begin()) / span) * r.width);
            lines.emplace_back(sf::Vector2f(x, r.top), sf::Color(0xbb, 0xbb, 0xbb));
            lines.emplace_back(sf::Vector2f(x, r.top + r.height), sf::Color(0xbb, 0xbb, 0xbb));
        }
        if (!lines.empty()) target.draw(lines.data(), lines.size(), sf::Lines);
        for (const Tick& tick : ticks) {
            const float x = std::round(r.left + static_cast<float>(static_cast<double>(tick.t - clock.begin()) / span) * r.width);
            label(target, tick.label, x + 3, r.top + 1, 11, false, sf::Color(0x55, 0x55, 0x55));
        }
    }

    // The tiles of `t` whose mask is set, as quads.
    static std::vector<sf::Vertex> tiles_in(const Tiles& t, const std::vector<char>& mask) {
        std::vector<sf::Vertex> out;
        for (std::size_t k = 0; k < mask.size(); ++k)
            if (mask[k] && t.quad[k] >= 0) out.insert(out.end(), t.quads.begin() + t.quad[k], t.quads.begin() + t.quad[k] + 4);
        return out;
    }

    // Redraws the masked tiles of the map from `under`, then the labels and
    // furniture over them (clipped to the map; scene pixels = window pixels).
    void redraw_tiles(sf::RenderTarget& target, const std::vector<char>& mask, const std::vector<sf::Vertex>* marks) {
        const Prepared& c = *cache;
        const sf::Vector2u size(static_cast<unsigned>(c.scene.width), static_cast<unsigned>(c.scene.height));
        std::vector<sf::Vertex> quads;
        for (std::size_t k = 0; k < mask.size(); ++k)
            if (mask[k])
                append_tile(quads, static_cast<int>(k) % c.top_tiles.cols, static_cast<int>(k) / c.top_tiles.cols, static_cast<int>(size.x),
                            static_cast<int>(size.y));
        target.setView(map_view());
        if (!quads.empty()) target.draw(quads.data(), quads.size(), sf::Quads, copy_states(under->getTexture()));
        if (marks && !marks->empty()) target.draw(marks->data(), marks->size(), sf::Triangles, sf::RenderStates(&atlas));
        for (const auto& [tiles, texture] : {std::pair{&c.top_tiles, &top}, {&c.furniture_tiles, &furniture}}) {
            const auto q = tiles_in(*tiles, mask);
            if (!q.empty()) target.draw(q.data(), q.size(), sf::Quads, sf::RenderStates(texture));
        }
    }

    // The frame without what changes, for the installed view: brought up to
    // date from `under` over the stale tiles only.
    void sync_history() {
        const auto W = options.width, H = options.height;
        if (!history || history->getSize() != sf::Vector2u(W, H)) {
            history.emplace();
            if (!history->create(W, H)) throw Error("cannot create an off-screen frame of " + std::to_string(W) + "x" + std::to_string(H));
            store_as_bgra(*history);
            history_ok = false;
        }
        const Prepared& c = *cache;
        if (!history_ok) {
            draw_plain(*history, nullptr, sf::Transform(), false);
            history_ok = true;
            stale.assign(c.top_tiles.quad.size(), 0);
        } else if (std::find(stale.begin(), stale.end(), 1) != stale.end()) {
            redraw_tiles(*history, stale, nullptr);
            std::fill(stale.begin(), stale.end(), 0);
        } else {
            return;
        }
        history->display();
    }

    // The whole frame drawn layer after layer (`st`: cached scene → window).
    void draw_plain(sf::RenderTarget& target, const std::vector<sf::Vertex>* marks, const sf::Transform& st, bool smooth) {
        const auto W = static_cast<float>(options.width), H = static_cast<float>(options.height);
        const Prepared& c = *cache;
        target.setView(sf::View(sf::FloatRect(0, 0, W, H)));
        target.clear(to_sf(c.scene.background));
        target.setView(map_view());
        under->setSmooth(smooth);
        top.setSmooth(smooth);
        target.draw(sf::Sprite(under->getTexture()), copy_states(under->getTexture(), st));  // opaque: no blending to pay for
        sf::RenderStates ms(st);
        ms.texture = &atlas;
        if (marks && !marks->empty()) target.draw(marks->data(), marks->size(), sf::Triangles, ms);
        sf::RenderStates ts(st);
        ts.texture = &top;
        if (!c.top_tiles.quads.empty()) target.draw(c.top_tiles.quads.data(), c.top_tiles.quads.size(), sf::Quads, ts);
        target.setView(sf::View(sf::FloatRect(0, 0, W, H)));
        if (!c.furniture_tiles.quads.empty())
            target.draw(c.furniture_tiles.quads.data(), c.furniture_tiles.quads.size(), sf::Quads, sf::RenderStates(&furniture));
        draw_band(target);
    }

    void draw(sf::RenderTarget& target) {
        const auto W = static_cast<float>(options.width), H = static_cast<float>(options.height);
        const std::int64_t t = clock.enabled() ? clock.now() : 0;
        sync_under(t);
        sync_active(t);
        const std::vector<sf::Vertex> marks = moving_marks(t);
        const Prepared& c = *cache;
        if (!(view == cache->view)) {
            // The view is moving: the cached layers follow it through a transform, filtered.
            draw_plain(target, &marks, transform(), true);
        } else {
            // The view is the cache's: the frame without what changes is
            // copied in one opaque pass, then only the tiles the changing
            // marks touch are drawn again (under them, the marks, the labels
            // and furniture over them) — unless that costs more than
            // drawing every layer.
            std::vector<char> touched(c.top_tiles.quad.size(), 0);
            for (std::size_t k = 0; k < marks.size(); k += 3) mark_tiles(touched, c.top_tiles.cols, c.top_tiles.rows, &marks[k], 3);
            std::size_t n = 0, over = 0;
            for (std::size_t k = 0; k < touched.size(); ++k)
                if (touched[k]) {
                    ++n;
                    over += (c.top_tiles.quad[k] >= 0) + (c.furniture_tiles.quad[k] >= 0);
                }
            const double map_px = c.scene.viewport.map_box.width() * c.scene.viewport.map_box.height();
            const double layered = map_px + static_cast<double>((c.top_tiles.count() + c.furniture_tiles.count()) * tile * tile) + 2.0 * W * band_height;
            const double cached = W * H + static_cast<double>((n + over) * tile * tile);
            if (cached < layered) {
                sync_history();
                target.setView(sf::View(sf::FloatRect(0, 0, W, H)));
                target.draw(sf::Sprite(history->getTexture()), copy_states(history->getTexture()));
                if (n > 0) redraw_tiles(target, touched, &marks);
            } else {
                draw_plain(target, &marks, sf::Transform(), false);
            }
        }
        target.setView(sf::View(sf::FloatRect(0, 0, W, H)));
        draw_clock(target);
        draw_tooltip(target);
    }
    void label(sf::RenderTarget& target, const std::string& s, float x, float y, unsigned size, bool is_bold,
               sf::Color c = sf::Color(0x22, 0x22, 0x22)) {
        sf::Text text(sf::String::fromUtf8(s.begin(), s.end()), is_bold ? bold : font, size);
        text.setFillColor(c);
        text.setOutlineColor(sf::Color(255, 255, 255, 220));
        text.setOutlineThickness(2);
        text.setPosition(std::round(x), std::round(y));
        target.draw(text);
    }

    // The time line band under the scene: the date, the play state, the
    // histogram of events with the clock's cursor, the pointer's coordinates.
    sf::FloatRect timeline_rect() const {
        const auto W = static_cast<float>(options.width), H = static_cast<float>(options.height);
        return {330, H - band_height + 12, std::max(100.0f, W - 330 - 200), band_height - 24};
    }

    // The moving parts of the time line: the clock's cursor, the date, the
    // play state; and the pointer's coordinates.
    void draw_clock(sf::RenderTarget& target) {
        const auto W = static_cast<float>(options.width), H = static_cast<float>(options.height);
        const float y0 = H - band_height;
        if (clock.enabled()) {
            const sf::FloatRect r = timeline_rect();
            sf::RectangleShape cursor(sf::Vector2f(3, r.height + 6));
            cursor.setPosition(r.left + static_cast<float>(clock.fraction()) * r.width - 1.5f, r.top - 3);
            cursor.setFillColor(sf::Color(0xc0, 0x1f, 0x1f));
            target.draw(cursor);
            label(target, format_time(clock.now()), 12, y0 + 6, 26, true);
            char info[128];
            std::snprintf(info, sizeof info, "%s  x%g%s%s", clock.playing() ? "playing" : "paused", clock.speed(),
                          clock.loop ? "  loop" : "", rules.cumulative ? "  cumulative" : "");
            label(target, info, 12, y0 + 44, 13, false, sf::Color(0x55, 0x55, 0x55));
        }
        if (last_mouse.x >= 0 && projection) {
            const Point p{static_cast<double>(last_mouse.x), static_cast<double>(last_mouse.y)};
            geo::LonLat ll;
            if (cache->scene.viewport.map_box.contains(p) && projection->inverse(view.to_projected(p), ll)) {
                char pos[64];
                std::snprintf(pos, sizeof pos, "%.3f°%c %.3f°%c", std::abs(ll.lat), ll.lat >= 0 ? 'N' : 'S', std::abs(ll.lon),
                              ll.lon >= 0 ? 'E' : 'W');
                label(target, pos, W - 185, y0 + 26, 13, false, sf::Color(0x55, 0x55, 0x55));
            }
        }
    }

    void draw_tooltip(sf::RenderTarget& target) {
        const auto& hits = pinned.empty() ? hover : pinned;
        if (hits.empty()) return;
        const Point at = pinned.empty() ? hover_at : pinned_at;
        std::string all;
        for (std::size_t i = 0; i < hits.size() && i < 6; ++i) all += (i ? "\n\n" : "") + hits[i].text;
        if (hits.size() > 6) all += "\n\n… " + std::to_string(hits.size() - 6) + " more";
        sf::Text text(sf::String::fromUtf8(all.begin(), all.end()), font, 13);
        text.setFillColor(sf::Color(0x22, 0x22, 0x22));
        const sf::FloatRect b = text.getLocalBounds();
        const float w = b.width + 16, h = b.height + 16, W = static_cast<float>(options.width), H = static_cast<float>(options.height);
        // Beside the pointer, never over it: right and below, else flipped; inside the window.
        float x = static_cast<float>(at.x) + 18, y = static_cast<float>(at.y) + 18;
        if (x + w > W) x = static_cast<float>(at.x) - 18 - w;
        if (y + h > H) y = static_cast<float>(at.y) - 18 - h;
        x = std::clamp(x, 0.0f, std::max(0.0f, W - w));
        y = std::clamp(y, 0.0f, std::max(0.0f, H - h));
        sf::RectangleShape box(sf::Vector2f(w, h));
        box.setPosition(x, y);
        box.setFillColor(sf::Color(255, 255, 250, 240));
        box.setOutlineColor(pinned.empty() ? sf::Color(0x88, 0x88, 0x88) : sf::Color(0xc0, 0x1f, 0x1f));
        box.setOutlineThickness(1);
        target.draw(box);
        text.setPosition(x + 8 - b.left, y + 8 - b.top);
        target.draw(text);
    }

    // ------------------------------------------------------------ picking
    // `items`, when given, receives the scene items of the hits.
    std::vector<Hit> hits_at(Point window, std::vector<ItemId>* items = nullptr) const {
        std::vector<Hit> out;
        if (items) items->clear();
        if (!cache->scene.viewport.map_box.contains(window)) return out;
        const std::int64_t t = clock.enabled() ? clock.now() : 0;
        std::set<std::pair<std::string, std::size_t>> seen;
        const double tol = 3 * cache->view.scale() / view.scale();
        for (const ItemId& id : picker.at(to_cached(window), std::max(1.0, tol))) {
            const auto& it = cache->scene.layers[id.layer].items[id.item];
            if (!it.key.empty() && hidden_keys.count(it.key)) continue;
            if (clock.enabled() && presence(it.time, t, rules).alpha <= 0) continue;
            if (items) items->push_back(id);
            if (!seen.insert({it.feature.layer, it.feature.row}).second) continue;
            out.push_back({it.feature, describe(it.feature)});
        }
        return out;
    }

    std::string describe(const render::FeatureRef& f) const {
        const geo::Layer* l = project.find(f.layer);
        if (!l || f.row >= l->features.size()) return f.layer;
        std::string out = f.layer;
        const auto& values = l->features[f.row].values;
        for (const char* field : {"name", "place_name", "from_name", "to_name", "event_id", "type", "kind", "date_start", "date_end",
                                  "precision", "actors", "country", "distance_km", "sources", "confidence", "evidence"}) {
            const auto i = l->field_index(field);
            if (!i) continue;
            std::string v = geo::to_text(values[*i]);
            if (v.empty()) continue;
            if (std::string_view(field) == "evidence") {
                if (v.size() > 400) v = v.substr(0, 400) + "…";
                // Wrapped at about 70 characters (at spaces).
                std::string wrapped;
                std::size_t col = 0;
                for (char c : v) {
                    if (c == ' ' && col > 70) {
                        wrapped += "\n    ";
                        col = 0;
                        continue;
                    }
                    wrapped += c;
                    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++col;
                }
                v = "“" + wrapped + "”";
            }
            out += "\n" + std::string(field) + ": " + v;
        }
        return out;
    }

    // ------------------------------------------------------------ input
    bool over_timeline(sf::Vector2i p) const {
        return timeline_rect().contains(static_cast<float>(p.x), static_cast<float>(p.y));
    }
    std::optional<std::string> legend_key_at(sf::Vector2i p) const {
        for (const auto& e : cache->scene.legend)
            if (e.box.contains(Point{static_cast<double>(p.x), static_cast<double>(p.y)})) return e.key;
        return std::nullopt;
    }
    void scrub(int x) {
        const sf::FloatRect r = timeline_rect();
        clock.pause();
        clock.set_fraction((static_cast<float>(x) - r.left) / r.width);
    }
};

Viewer::Viewer(const geo::Project& project, const render::Basemap& basemap, const ViewerOptions& options)
    : m_impl(std::make_unique<Impl>(project, basemap, options)) {
    auto& m = *m_impl;
    render::SceneOptions& so = m.scene_options;
    so.width = options.width;
    so.height = options.height - band_height;  // the time line band is under the scene
    so.lang = !options.lang.empty() ? options.lang : project.metadata("language") == "fr" ? "fr" : "en";
    m.options.lang = so.lang;
    so.style = options.style;
    so.title = options.title;
    so.subtitle = options.subtitle;
    auto first = std::make_unique<Prepared>();
    first->scene = render::build_scene(project, basemap, m.shaper, so);
    const render::Scene& s = first->scene;
    so.projection = s.viewport.projection;
    m.projection.emplace(so.projection);
    const render::Box mb = s.viewport.map_box;
    const double k = s.viewport.k;
    m.view = MapView(mb, {s.viewport.x0 + mb.x0 / k, s.viewport.y0 - mb.y1 / k, s.viewport.x0 + mb.x1 / k, s.viewport.y0 - mb.y0 / k});
    m.view.set_limits(m.view.scale() / 16, m.view.scale() * 4000);
    m.fit_view = m.view;
    first->view = m.view;
    m.notes = s.notes;

    // The clock spans the dated items, their visible span included.
    std::int64_t lo = render::TimeSpan{}.end, hi = render::TimeSpan{}.start;
    std::vector<std::int64_t> starts;
    for (const auto& l : s.layers)
        for (const auto& it : l.items)
            if (it.time.dated()) {
                lo = std::min(lo, it.time.start);
                hi = std::max(hi, it.time.end);
                if (l.name == "events" || l.name == "movements") starts.push_back(it.time.start);
            }
    if (starts.empty()) {
        m.notes.emplace_back(so.lang == "fr" ? "aucune date dans le projet : la carte est affichée sans frise chronologique"
                                          : "no time attributes in the project: the map is shown with the time line disabled");
    } else {
        m.rules = rules_for(lo, hi);
        m.rules.cumulative = options.cumulative;
        m.clock = Clock(lo, hi + m.rules.point_span, std::move(starts), options.play_seconds);
    }
    m.rules.cumulative = options.cumulative;
    prepare(*first, m.hidden_keys, m.rules);
    m.install(std::move(first));
    const std::string family = (options.style ? *options.style : render::default_style()).legend.font.family;
    if (!m.font.loadFromFile(detail::font_file(family, false)) || !m.bold.loadFromFile(detail::font_file(family, true)))
        throw render::FontError("cannot load font '" + family + "'");
}

Viewer::~Viewer() {
    if (m_impl->pending.valid()) m_impl->pending.wait();
}

Clock& Viewer::clock() noexcept { return m_impl->clock; }
const Clock& Viewer::clock() const noexcept { return m_impl->clock; }
const TimeRules& Viewer::rules() const noexcept { return m_impl->rules; }
const MapView& Viewer::view() const noexcept { return m_impl->view; }
unsigned Viewer::width() const noexcept { return m_impl->options.width; }
unsigned Viewer::height() const noexcept { return m_impl->options.height; }
const render::Scene& Viewer::scene() const noexcept { return m_impl->cache->scene; }
const std::vector<std::string>& Viewer::notes() const noexcept { return m_impl->notes; }
bool Viewer::hidden(const std::string& key) const { return m_impl->hidden_keys.count(key) > 0; }
std::string Viewer::describe(const render::FeatureRef& f) const { return m_impl->describe(f); }
std::vector<Hit> Viewer::hits_at(render::Point p) const { return m_impl->hits_at(p); }

void Viewer::set_hidden(const std::string& key, bool hide) {
    if (hide == hidden(key)) return;
    if (hide)
        m_impl->hidden_keys.insert(key);
    else
        m_impl->hidden_keys.erase(key);
    m_impl->rebuild_textures();
}

bool Viewer::take_screenshot_request() noexcept { return std::exchange(m_impl->screenshot, false); }

void Viewer::fit() {
    m_impl->view = m_impl->fit_view;
    m_impl->view_changed();
}

void Viewer::zoom(double factor, render::Point anchor) {
    m_impl->view.zoom(factor, anchor);
    m_impl->view_changed();
}

void Viewer::refine() {
    auto& m = *m_impl;
    if (m.pending.valid()) m.pending.wait();
    m.pending = {};
    m.install(m.build(m.view, m.hidden_keys, m.cache->scene.label_boxes, m.shaper));
    m.dirty = false;
}

void Viewer::update(double real_seconds) {
    auto& m = *m_impl;
    m.clock.advance(real_seconds);
    if (m.pending.valid() && m.pending.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        auto p = m.pending.get();
        // Installed even if the view moved on: it is closer than the old one.
        m.install(std::move(p));
        if (!(m.pending_view == m.view)) m.dirty = true;
    }
    if (m.dirty && !m.pending.valid() && !m.dragging && Steady::now() - m.changed_at > std::chrono::milliseconds(200)) {
        m.dirty = false;
        m.pending_view = m.view;
        // The worker has its own shaper (Pango is not shared across threads).
        m.pending = std::async(std::launch::async, [&m, v = m.view, hidden = m.hidden_keys, prev = m.cache->scene.label_boxes] {
            thread_local const render::PangoShaper worker_shaper;
            return m.build(v, hidden, prev, worker_shaper);
        });
    }
}

void Viewer::draw(sf::RenderTarget& target) { m_impl->draw(target); }

render::Raster Viewer::render_frame(std::int64_t t) {
    auto& m = *m_impl;
    if (!m.offscreen) {
        require_display();
        m.offscreen.emplace();
        if (!m.offscreen->create(m.options.width, m.options.height))
            throw Error("cannot create an off-screen frame of " + std::to_string(m.options.width) + "x" + std::to_string(m.options.height));
    }
    const std::int64_t saved = m.clock.now();
    m.clock.set(t);
    m.draw(*m.offscreen);
    m.clock.set(saved);
    m.offscreen->display();
    const sf::Image img = m.offscreen->getTexture().copyToImage();
    render::Raster r;
    r.width = static_cast<int>(img.getSize().x);
    r.height = static_cast<int>(img.getSize().y);
    const sf::Uint8* px = img.getPixelsPtr();
    r.rgba.assign(px, px + static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height) * 4);
    return r;
}

void Viewer::handle(const sf::Event& e) {
    auto& m = *m_impl;
    const auto centre = [&] {
        const auto& b = m.view.map_box();
        return Point{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2};
    };
    switch (e.type) {
    case sf::Event::MouseWheelScrolled:
        zoom(std::pow(1.25, static_cast<double>(e.mouseWheelScroll.delta)), {static_cast<double>(e.mouseWheelScroll.x), static_cast<double>(e.mouseWheelScroll.y)});
        break;
    case sf::Event::MouseButtonPressed: {
        if (e.mouseButton.button != sf::Mouse::Left) break;
        const sf::Vector2i p{e.mouseButton.x, e.mouseButton.y};
        const Point pt{static_cast<double>(p.x), static_cast<double>(p.y)};
        const auto now = Steady::now();
        if (now - m.last_click < std::chrono::milliseconds(350) && std::abs(p.x - m.press_at.x) + std::abs(p.y - m.press_at.y) < 6) {
            zoom(2, pt);  // double-click
            m.last_click = {};
            break;
        }
        m.last_click = now;
        m.press_at = p;
        m.last_mouse = p;
        if (m.over_timeline(p) && m.clock.enabled()) {
            m.scrubbing = true;
            m.scrub(p.x);
        } else if (!m.legend_key_at(p)) {
            m.dragging = true;
        }
        break;
    }
    case sf::Event::MouseButtonReleased: {
        if (e.mouseButton.button != sf::Mouse::Left) break;
        const sf::Vector2i p{e.mouseButton.x, e.mouseButton.y};
        const bool click = std::abs(p.x - m.press_at.x) + std::abs(p.y - m.press_at.y) < 4;
        if (click && !m.scrubbing) {
            if (auto key = m.legend_key_at(p)) {
                set_hidden(*key, !hidden(*key));
            } else {
                const Point pt{static_cast<double>(p.x), static_cast<double>(p.y)};
                m.pinned = m.hits_at(pt, &m.pinned_items);  // empty: unpins
                m.pinned_at = pt;
            }
        }
        m.dragging = m.scrubbing = false;
        if (m.dirty) m.changed_at = Steady::now();
        break;
    }
    case sf::Event::MouseMoved: {
        const sf::Vector2i p{e.mouseMove.x, e.mouseMove.y};
        if (m.scrubbing) {
            m.scrub(p.x);
        } else if (m.dragging && m.last_mouse.x >= 0) {
            m.view.pan(p.x - m.last_mouse.x, p.y - m.last_mouse.y);
            m.view_changed();
        } else {
            const Point pt{static_cast<double>(p.x), static_cast<double>(p.y)};
            m.hover = m.hits_at(pt, &m.hover_items);
            m.hover_at = pt;
            const auto key = m.legend_key_at(p);
            m.highlight_key = key ? *key : std::string();
        }
        m.last_mouse = p;
        break;
    }
    case sf::Event::KeyPressed:
        switch (e.key.code) {
        case sf::Keyboard::Space: m.clock.toggle(); break;
        case sf::Keyboard::Right:
            if (e.key.shift) {
                m.view.pan(-80, 0);
                m.view_changed();
            } else {
                m.clock.step_next();
            }
            break;
        case sf::Keyboard::Left:
            if (e.key.shift) {
                m.view.pan(80, 0);
                m.view_changed();
            } else {
                m.clock.step_previous();
            }
            break;
        case sf::Keyboard::Up: m.view.pan(0, 80); m.view_changed(); break;
        case sf::Keyboard::Down: m.view.pan(0, -80); m.view_changed(); break;
        case sf::Keyboard::Add:
        case sf::Keyboard::Equal: zoom(1.25, centre()); break;
        case sf::Keyboard::Subtract:
        case sf::Keyboard::Hyphen: zoom(0.8, centre()); break;
        case sf::Keyboard::Home:
        case sf::Keyboard::F: fit(); break;
        case sf::Keyboard::LBracket: m.clock.slower(); break;
        case sf::Keyboard::RBracket: m.clock.faster(); break;
        case sf::Keyboard::L: m.clock.loop = !m.clock.loop; break;
        case sf::Keyboard::C: m.rules.cumulative = !m.rules.cumulative; break;
        case sf::Keyboard::S: m.screenshot = true; break;
        default: break;
        }
        break;
    default: break;
    }
}

} // namespace geoevents::viewer
