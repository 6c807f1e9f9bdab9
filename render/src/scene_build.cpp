// build_scene(): from the project's layers to a scene (docs/render.md).
//
// Steps, each a member of Builder: read the story → measure the title and
// credit bands → choose the extent and the projection → fit it into the map
// box → basemap → story areas, movements, markers → furniture (legend, scale
// bar, inset) in the corners that hide the least of the story → labels
// around all of it.
#include "geoevents/render/build.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <unordered_map>

#include "geoevents/geo/geodesic.hpp"
#include "geoevents/render/labels.hpp"
#include "geoevents/render/projection.hpp"
#include "pixel_geometry.hpp"
#include "story.hpp"

namespace geoevents::render {
namespace {

using detail::Path;

constexpr double margin = 14;          // px between the image edge and text or panels
constexpr double panel_padding = 8;    // px inside the legend and scale panels
constexpr double km_per_degree = 111.32;

/// Projected metres ↔ pixels.
struct Transform {
    double x0 = 0, y0 = 0, k = 1;
    Point px(XY p) const noexcept { return {(p.x - x0) * k, (y0 - p.y) * k}; }
    XY xy(Point p) const noexcept { return {p.x / k + x0, y0 - p.y / k}; }
};

// Words of the map in the reader's language.
struct Words {
    bool fr = false;
    const char* pick(const char* en, const char* f) const { return fr ? f : en; }
};

std::string month_year(std::int64_t t, bool fr, bool with_day) {
    static const char* en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static const char* f[] = {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."};
    // Civil date from days (H. Hinnant's algorithm).
    std::int64_t z = (t >= 0 ? t : t - 86399) / 86400 + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
    std::string s = with_day ? std::to_string(d) + " " : "";
    return s + (fr ? f[m - 1] : en[m - 1]) + " " + std::to_string(y);
}

std::string basename(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string join_names(const std::vector<std::string>& names, const Words& w) {
    std::string s;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) s += i + 1 == names.size() ? w.pick(" and ", " et ") : ", ";
        s += names[i];
    }
    return s;
}

/// What the map calls one event type (contract vocabulary), in the singular
/// and the plural, in English and French; empty for `other`, which says nothing.
struct TypeWords {
    const char* en;
    const char* en_plural;
    const char* fr;
    const char* fr_plural;
};
const TypeWords* type_words(std::string_view type) noexcept {
    static const std::map<std::string_view, TypeWords> words = {
        {"withdrawal", {"withdrawal", "withdrawals", "retrait", "retraits"}},
        {"redeployment", {"redeployment", "redeployments", "redéploiement", "redéploiements"}},
        {"deployment", {"deployment", "deployments", "déploiement", "déploiements"}},
        {"support", {"support", "support", "soutien", "soutiens"}},
        {"military_operation", {"military operation", "military operations", "opération militaire", "opérations militaires"}},
        {"attack", {"attack", "attacks", "attaque", "attaques"}},
        {"casualties", {"casualties", "casualties", "victimes", "victimes"}},
        {"coup", {"coup", "coups", "coup d'État", "coups d'État"}},
        {"coup_attempt", {"coup attempt", "coup attempts", "tentative de coup d'État", "tentatives de coup d'État"}},
        {"protest", {"protest", "protests", "manifestation", "manifestations"}},
        {"arrest", {"arrest", "arrests", "arrestation", "arrestations"}},
        {"agreement", {"agreement", "agreements", "accord", "accords"}},
        {"sanction", {"sanctions", "sanctions", "sanctions", "sanctions"}},
        {"election", {"election", "elections", "élection", "élections"}},
        {"political", {"political decision", "political decisions", "décision politique", "décisions politiques"}},
        {"statement", {"statement", "statements", "déclaration", "déclarations"}},
    };
    const auto it = words.find(type);
    return it == words.end() ? nullptr : &it->second;
}

/// Event types in the contract's order (unknown types after them, by name).
struct TypeOrder {
    static std::size_t rank(std::string_view t) noexcept {
        static constexpr std::array<std::string_view, 17> order = {
            "withdrawal", "redeployment", "deployment", "support", "military_operation", "attack", "casualties",
            "coup", "coup_attempt", "protest", "arrest", "agreement", "sanction", "election", "political", "statement", "other"};
        return static_cast<std::size_t>(std::find(order.begin(), order.end(), t) - order.begin());
    }
    bool operator()(const std::string& a, const std::string& b) const noexcept {
        const std::size_t ra = rank(a), rb = rank(b);
        return ra != rb ? ra < rb : a < b;
    }
};

/// `s` with its first letter in upper case (ASCII and the accented
/// lower-case letters of French that start a word: é, É).
std::string capitalised(std::string s) {
    if (s.starts_with("\xc3\xa9")) s.replace(0, 2, "\xc3\x89");
    else if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

class Builder {
public:
    Builder(const geo::Project& project, const Basemap& basemap, const TextShaper& shaper, const SceneOptions& o)
        : m_project(project), m_basemap(basemap), m_shaper(shaper), m_o(o),
          m_st(o.style ? *o.style : default_style()), m_w{o.lang == "fr"} {
        for (const Capital& c : m_basemap.capitals()) m_capitals.emplace("geonames:" + std::to_string(c.geonames_id), c);
    }

    Scene build() {
        check_options();
        m_scene.width = m_o.width;
        m_scene.height = m_o.height;
        m_scene.background = m_st.sea;
        // Every layer exists from the start, in drawing order (so that
        // references to them stay valid, and panels cover what is under them).
        for (const auto& [name, role] : std::initializer_list<std::pair<const char*, LayerRole>>{
                 {"land", LayerRole::basemap}, {"boundaries", LayerRole::basemap}, {"areas", LayerRole::story},
                 {"borders", LayerRole::story},
                 {"capitals", LayerRole::basemap}, {"movements", LayerRole::story}, {"uncertainty", LayerRole::story},
                 {"places", LayerRole::story}, {"events", LayerRole::story}, {"labels", LayerRole::labels},
                 {"legend", LayerRole::furniture}, {"scale", LayerRole::furniture}, {"inset", LayerRole::furniture},
                 {"titles", LayerRole::furniture}})
            m_scene.layers.push_back({name, role, {}});
        m_story = detail::read_story(m_project, m_scene.notes);
        if (!m_story.has_layers)
            throw RenderError("none of the layers places, areas, events, movements is present: not a project written by geoevents map");
        bands();
        extent_and_projection();
        basemap();
        story_areas();
        story_borders();
        movements();
        markers();
        if (m_o.furniture) furniture();
        labels();
        if (m_o.furniture) title_and_credit();
        return std::move(m_scene);
    }

private:
    // ---------------------------------------------------------------- checks
    void check_options() const {
        if (!(m_o.width >= 200 && m_o.height >= 200 && m_o.width <= max_image_side && m_o.height <= max_image_side))
            throw RenderError("impossible image size " + std::to_string(static_cast<long>(m_o.width)) + "x" +
                              std::to_string(static_cast<long>(m_o.height)) + ": each side must be between 200 and " +
                              std::to_string(static_cast<long>(max_image_side)) + " pixels");
        if (m_o.lang != "en" && m_o.lang != "fr") throw RenderError("unknown map language '" + m_o.lang + "' (fr or en)");
        if (m_o.bbox) {
            const auto& b = *m_o.bbox;
            if (!(b.min_lat >= -90 && b.max_lat <= 90 && b.min_lat < b.max_lat && b.min_lon >= -180 && b.max_lon <= 540 &&
                  b.min_lon < b.max_lon && b.max_lon - b.min_lon <= 360))
                throw RenderError("impossible bbox: expected min_lon < max_lon, min_lat < max_lat, latitudes within ±90");
        }
    }

    // ---------------------------------------------------- layout of the bands
    TextItem text_item(const std::string& text, const TextStyle& ts, Point top_left, bool halo = false) const {
        const TextMetrics m = m_shaper.measure(text, ts.font);
        TextItem t;
        t.text = text;
        t.box = {top_left.x, top_left.y, top_left.x + m.size.w, top_left.y + m.size.h};
        t.baseline = m.baseline;
        t.font = ts.font;
        t.color = ts.color;
        if (halo) {
            t.halo = m_st.halo;
            t.halo_width = m_st.halo_width;
        }
        return t;
    }

    void bands() {
        double top = 0, bottom = 0;
        if (m_o.furniture) {
            top = margin + m_shaper.measure("Hg", m_st.title.font).size.h + 2 + m_shaper.measure("Hg", m_st.subtitle.font).size.h + 10;
            bottom = 2 * m_shaper.measure("Hg", m_st.credit.font).size.h + 2 + 10;
        }
        m_map_box = {0, top, m_o.width, m_o.height - bottom};
        m_scene.viewport.map_box = m_map_box;
    }

    // ------------------------------------------------- extent and projection
    // Story vertices in lon/lat: events, movements, area outlines, and the
    // places they name (approximate places with their uncertainty).
    std::vector<geo::LonLat> story_points() const {
        std::vector<geo::LonLat> pts;
        for (const auto& e : m_story.events) pts.push_back(e.point);
        for (const auto& m : m_story.movements)
            for (const auto& part : m.parts)
                for (const auto& p : part) pts.push_back(p);
        for (const auto& a : m_story.areas) pts.insert(pts.end(), a.outline.begin(), a.outline.end());
        for (const auto& b : m_story.borders)
            for (const auto& part : b.parts) pts.insert(pts.end(), part.begin(), part.end());
        for (const auto& p : m_story.places)  // not a government named only as an actor: it is not drawn
            if (p.named_by_event && p.location) pts.push_back(p.point);
        return pts;
    }

    // The smallest longitude interval holding every point: across the
    // antimeridian when that is shorter (max_lon may then exceed 180).
    static geo::Bbox lonlat_extent(const std::vector<geo::LonLat>& pts) {
        std::vector<double> lons;
        geo::Bbox b{0, 90, 0, -90};
        for (const auto& p : pts) {
            double lon = std::fmod(p.lon + 180, 360);
            if (lon < 0) lon += 360;
            lons.push_back(lon - 180);
            b.min_lat = std::min(b.min_lat, p.lat);
            b.max_lat = std::max(b.max_lat, p.lat);
        }
        std::sort(lons.begin(), lons.end());
        double gap = lons.front() + 360 - lons.back();  // the gap across ±180
        b.min_lon = lons.front();
        b.max_lon = lons.back();
        for (std::size_t i = 1; i < lons.size(); ++i)
            if (lons[i] - lons[i - 1] > gap) {
                gap = lons[i] - lons[i - 1];
                b.min_lon = lons[i];
                b.max_lon = lons[i - 1] + 360;
            }
        return b;
    }

    void extent_and_projection() {
        std::vector<geo::LonLat> pts;
        if (m_o.bbox) {
            // The bbox's outline, densely: its edges are curves once projected.
            const auto& b = *m_o.bbox;
            for (int i = 0; i <= 20; ++i) {
                const double t = i / 20.0;
                const double lon = b.min_lon + (b.max_lon - b.min_lon) * t, lat = b.min_lat + (b.max_lat - b.min_lat) * t;
                pts.push_back({lon, b.min_lat});
                pts.push_back({lon, b.max_lat});
                pts.push_back({b.min_lon, lat});
                pts.push_back({b.max_lon, lat});
            }
            m_extent = b;
        } else {
            pts = story_points();
            if (pts.empty())  // places only: those drawn, not a government named as an actor
                for (const auto& p : m_story.places)
                    if (p.location) pts.push_back(p.point);
            if (pts.empty()) {
                m_scene.notes.emplace_back("the project has no events, areas, movements or places: the map shows the basemap only");
                pts = {{-170, -55}, {170, 75}, {0, -55}, {0, 75}};
            } else if (m_story.events.empty() && m_story.movements.empty() && m_story.areas.empty()) {
                m_scene.notes.emplace_back("the project has no events: the map shows its places only");
            }
            m_extent = lonlat_extent(pts);
        }
        const std::string def = m_o.projection.empty() ? projection_for(m_extent) : m_o.projection;
        m_proj.emplace(def);
        m_scene.viewport.projection = def;
        if (m_o.frame) {
            if (m_o.projection.empty()) throw RenderError("a frame needs its projection");
            const Box& f = *m_o.frame;
            if (!(f.x1 > f.x0 && f.y1 > f.y0)) throw RenderError("empty frame");
            fit(f.x0, f.y0, f.x1, f.y1, 1.0);
            return;
        }

        // Fit the projected story, padded, into the map box.
        double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
        for (const auto& p : pts) {
            XY q;
            if (!m_proj->forward(p, q)) continue;
            x0 = std::min(x0, q.x);
            x1 = std::max(x1, q.x);
            y0 = std::min(y0, q.y);
            y1 = std::max(y1, q.y);
        }
        if (!std::isfinite(x0)) throw RenderError("the projection '" + def + "' cannot project the map's extent");
        fit(x0, y0, x1, y1, m_o.bbox ? 1.0 : 1.22);  // room for markers and labels at the edges
    }

    // Centres the projected rectangle in the map box at the largest scale
    // that shows it whole, grown by `pad`.
    void fit(double x0, double y0, double x1, double y1, double pad) {
        const double min_span = 300e3;  // metres: a one-town story still shows its surroundings
        const double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        const double dx = std::max(x1 - x0, min_span) * pad, dy = std::max(y1 - y0, min_span) * pad;
        const double k = std::min(m_map_box.width() / dx, m_map_box.height() / dy);
        m_tf.k = k;
        m_tf.x0 = cx - (m_map_box.x0 + m_map_box.width() / 2) / k;
        m_tf.y0 = cy + (m_map_box.y0 + m_map_box.height() / 2) / k;
        m_scene.viewport.x0 = m_tf.x0;
        m_scene.viewport.y0 = m_tf.y0;
        m_scene.viewport.k = k;
        m_scene.viewport.bbox = visible_bbox(m_map_box, m_tf);
    }

    // The lon/lat box that covers the pixel box `box` (its outline inverse
    // projected, longitudes unwrapped around the projection's centre).
    geo::Bbox visible_bbox(const Box& box, const Transform& tf) const {
        geo::LonLat centre;
        m_proj->inverse(tf.xy({(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2}), centre);
        geo::Bbox b{INFINITY, INFINITY, -INFINITY, -INFINITY};
        auto add = [&](Point p) {
            geo::LonLat ll;
            if (!m_proj->inverse(tf.xy(p), ll)) return;
            double d = std::fmod(ll.lon - centre.lon + 540, 360) - 180;
            const double lon = centre.lon + d;
            b.min_lon = std::min(b.min_lon, lon);
            b.max_lon = std::max(b.max_lon, lon);
            b.min_lat = std::min(b.min_lat, ll.lat);
            b.max_lat = std::max(b.max_lat, ll.lat);
        };
        for (int i = 0; i <= 32; ++i) {
            const double t = i / 32.0;
            add({box.x0 + box.width() * t, box.y0});
            add({box.x0 + box.width() * t, box.y1});
            add({box.x0, box.y0 + box.height() * t});
            add({box.x1, box.y0 + box.height() * t});
        }
        // A pole inside the box: every longitude is visible.
        for (double lat : {90.0, -90.0}) {
            XY q;
            if (m_proj->forward({0, lat}, q) && box.contains(tf.px(q))) {
                b.min_lon = -180;
                b.max_lon = 180;
                (lat > 0 ? b.max_lat : b.min_lat) = lat;
            }
        }
        if (!std::isfinite(b.min_lon)) return {-180, -90, 180, 90};
        if (b.max_lon - b.min_lon >= 360) b.min_lon = -180, b.max_lon = 180;
        // Across the antimeridian, written as min_lon < 180 < max_lon.
        if (b.min_lon < -180) b.min_lon += 360, b.max_lon += 360;
        return b;
    }

    double degrees_per_pixel() const { return 1.0 / m_tf.k / 1000.0 / km_per_degree; }

    // -------------------------------------------------------------- drawing
    // Basemap vertices to pixels. With a `tolerance` (degrees), the line is
    // first simplified in longitude/latitude, because PROJ is the costly
    // step and on a continent-wide view most of a detailed coastline's
    // vertices fall within a fraction of a pixel of a chord: a linear pass
    // drops the vertices closer than half the tolerance to the last one
    // kept, then Douglas–Peucker at the tolerance (the outline moves by at
    // most 1.5 × `tolerance`). Longitudes are scaled by the largest cosine
    // of the line's latitudes, so distances there are never shorter than
    // on the ground.
    Path project(std::span<const Vertex> vs, const Transform& tf, double tolerance = 0, bool ring = false) const {
        std::vector<double> xs, ys;
        if (tolerance > 0 && vs.size() > 2) {
            double min_abs_lat = 90;
            for (const Vertex& v : vs) min_abs_lat = std::min(min_abs_lat, std::abs(static_cast<double>(v.lat)));
            const double c = std::max(std::cos(min_abs_lat * (M_PI / 180)), 1e-6);
            Path scaled;
            scaled.reserve(vs.size());
            const double step2 = tolerance * tolerance / 4;
            for (std::size_t i = 0; i < vs.size(); ++i) {
                const Point p{vs[i].lon * c, vs[i].lat};
                if (i > 0 && i + 1 < vs.size()) {
                    const double dx = p.x - scaled.back().x, dy = p.y - scaled.back().y;
                    if (dx * dx + dy * dy < step2) continue;
                }
                scaled.push_back(p);
            }
            const Path kept = detail::simplify(scaled, tolerance, ring);
            xs.reserve(kept.size());
            ys.reserve(kept.size());
            for (const Point& p : kept) {
                xs.push_back(p.x / c);
                ys.push_back(p.y);
            }
        } else {
            xs.reserve(vs.size());
            ys.reserve(vs.size());
            for (const Vertex& v : vs) {
                xs.push_back(v.lon);
                ys.push_back(v.lat);
            }
        }
        return to_pixels(xs, ys, tf);
    }
    Path project(const std::vector<geo::LonLat>& vs, const Transform& tf) const {
        std::vector<double> xs(vs.size()), ys(vs.size());
        for (std::size_t i = 0; i < vs.size(); ++i) {
            xs[i] = vs[i].lon;
            ys[i] = vs[i].lat;
        }
        return to_pixels(xs, ys, tf);
    }
    Path to_pixels(std::vector<double>& xs, std::vector<double>& ys, const Transform& tf) const {
        m_proj->forward(xs, ys);
        Path out;
        out.reserve(xs.size());
        for (std::size_t i = 0; i < xs.size(); ++i)
            if (std::isfinite(xs[i])) out.push_back(tf.px({xs[i], ys[i]}));
        return out;
    }
    bool project_point(geo::LonLat p, Point& out) const {
        XY q;
        if (!m_proj->forward(p, q)) return false;
        out = m_tf.px(q);
        return true;
    }

    SceneLayer& layer(std::string_view name) {
        for (auto& l : m_scene.layers)
            if (l.name == name) return l;
        throw std::logic_error("scene layer " + std::string(name) + " was not created");
    }

    // Land, coastlines and borders of the view at the map's scale.
    void add_basemap(SceneLayer& land, SceneLayer& lines, const Box& box, const Transform& tf, const geo::Bbox& view,
                     Resolution res, double tolerance, bool borders) {
        const Box clip = box.grown(4);
        // Half the pixel tolerance in degrees at the map's nominal scale: the
        // outline moves by at most three quarters of the pixel tolerance
        // there (the scale varies little over a map) before the pixel
        // simplification, a fraction of a pixel in all.
        const double tolerance_deg = tolerance / 2 / tf.k / 1000.0 / km_per_degree;
        // Land is first cut to the view in lon/lat (a West Africa view at
        // 1:10m holds the whole Africa–Eurasia ring: 84,000 vertices, 5,000
        // once cut), padded so that the cut's edges fall outside the image.
        geo::Bbox padded = view;
        const double pad_lon = (view.max_lon - view.min_lon) * 0.1 + 1, pad_lat = (view.max_lat - view.min_lat) * 0.1 + 1;
        padded.min_lon -= pad_lon;
        padded.max_lon += pad_lon;
        padded.min_lat = std::max(-90.0, padded.min_lat - pad_lat);
        padded.max_lat = std::min(90.0, padded.max_lat + pad_lat);
        // The ring's longitudes are within ±180; a view across the antimeridian
        // is cut as its two halves.
        std::vector<geo::Bbox> cuts;
        if (padded.max_lon - padded.min_lon >= 360) cuts.push_back({-180, padded.min_lat, 180, padded.max_lat});
        else if (padded.max_lon > 180) cuts = {{padded.min_lon, padded.min_lat, 180, padded.max_lat}, {-180, padded.min_lat, padded.max_lon - 360, padded.max_lat}};
        else if (padded.min_lon < -180) cuts = {{-180, padded.min_lat, padded.max_lon, padded.max_lat}, {padded.min_lon + 360, padded.min_lat, 180, padded.max_lat}};
        else cuts.push_back(padded);
        for (const LandPolygon& poly : m_basemap.land(res, view)) {
            PolygonItem item;
            item.fill = {m_st.land, Pattern::solid, {}, 0};
            for (const auto& ring : poly.rings)
                for (const auto& cut : cuts) {
                    const std::vector<Vertex> part = render::clip_ring(ring, cut);
                    if (part.size() < 4) continue;
                    Path p = detail::clip_ring(detail::simplify(project(part, tf, tolerance_deg, true), tolerance, true), clip);
                    if (p.size() >= 4) item.rings.push_back(std::move(p));
                }
            if (!item.rings.empty()) land.items.push_back({std::move(item), {}, {}, "", false});
        }
        auto add_lines = [&](const std::vector<VertexSpan>& spans, const Stroke& stroke) {
            LineItem item;
            item.stroke = stroke;
            for (const auto& span : spans)
                for (auto& part : detail::clip_line(detail::simplify(project(span, tf, tolerance_deg), tolerance, false), clip))
                    item.parts.push_back(std::move(part));
            if (!item.parts.empty()) lines.items.push_back({std::move(item), {}, {}, "", false});
        };
        if (borders) add_lines(m_basemap.borders(res, view), m_st.border);
        add_lines(m_basemap.coastlines(res, view), m_st.coastline);
    }

    void basemap() {
        m_resolution = resolution_for(degrees_per_pixel());
        SceneLayer& land = layer("land");
        SceneLayer& lines = layer("boundaries");
        add_basemap(land, lines, m_map_box, m_tf, m_scene.viewport.bbox, m_resolution, 0.35, true);
    }

    // Story areas, the largest first so that smaller ones stay visible on top.
    void story_areas() {
        SceneLayer& out = layer("areas");
        std::vector<const detail::StoryArea*> areas;
        for (const auto& a : m_story.areas) areas.push_back(&a);
        std::stable_sort(areas.begin(), areas.end(), [](auto* a, auto* b) { return a->area > b->area; });
        const double tolerance_deg = degrees_per_pixel() * 0.5;
        for (const auto* a : areas) {
            const auto it = m_st.areas.find(a->role);
            if (it == m_st.areas.end()) continue;
            PolygonItem item;
            item.fill = it->second.fill;
            item.stroke = it->second.stroke;
            // GEOS simplifies to half a pixel of the map's scale, keeping the topology.
            const geo::Geometry g = a->geometry.simplify(tolerance_deg);
            for (const auto& poly : g.polygons())
                for (const auto& ring : poly) {
                    Path p = detail::clip_ring(project(ring, m_tf), m_map_box.grown(4));
                    if (p.size() >= 4) item.rings.push_back(std::move(p));
                }
            if (item.rings.empty()) continue;
            auto& drawn = m_area_rings[a->place_id];  // for the labels written inside it
            drawn.insert(drawn.end(), item.rings.begin(), item.rings.end());
            m_used_keys.insert("area:" + a->role);
            out.items.push_back({std::move(item), {std::string(geo::layer_areas), a->row}, a->time, "area:" + a->role, false});
        }
    }

    // Borders the articles name: the style's wide band, then the line over
    // it, along the boundary. Labels keep off the line (their own too, so
    // the border's name is written beside it).
    void story_borders() {
        SceneLayer& out = layer("borders");
        for (const auto& b : m_story.borders) {
            std::vector<Path> parts;
            for (const auto& part : b.parts)
                for (auto& p : detail::clip_line(project(part, m_tf), m_map_box.grown(4))) parts.push_back(std::move(p));
            if (parts.empty()) continue;
            const FeatureRef ref{std::string(geo::layer_borders), b.row};
            for (const Stroke* stroke : {&m_st.story_border_halo, &m_st.story_border}) {
                LineItem line;
                line.stroke = *stroke;
                line.parts = parts;
                out.items.push_back({std::move(line), ref, b.time, "border", false});
            }
            m_used_keys.insert("border");
            m_drawn_borders.insert(b.place_id);
            m_line_half_width = std::max(m_line_half_width, m_st.story_border.width / 2 + 1);
            for (auto& p : parts) {
                m_story_pixels.insert(m_story_pixels.end(), p.begin(), p.end());
                m_obstacles.lines.push_back(std::move(p));
            }
        }
    }

    double movement_width(std::size_t sources) const {
        // By the number of articles reporting it: one article gives the
        // thinnest line, eight or more the widest (log scale).
        const double t = std::clamp(std::log2(static_cast<double>(std::max<std::size_t>(sources, 1))) / 3.0, 0.0, 1.0);
        return m_st.movement_width_min + (m_st.movement_width_max - m_st.movement_width_min) * t;
    }

    void movements() {
        SceneLayer& out = layer("movements");
        struct Drawn {
            const detail::StoryMovement* m;
            Path path;
            double bearing = 0;
            double offset = 0;
        };
        std::vector<Drawn> drawn;
        for (const auto& m : m_story.movements) {
            Path path;
            for (const auto& part : m.parts) {
                Path p = project(part, m_tf);
                // Parts split at the antimeridian meet again in a projection centred on the story.
                if (!path.empty() && !p.empty() && std::hypot(p.front().x - path.back().x, p.front().y - path.back().y) < 1)
                    path.insert(path.end(), p.begin() + 1, p.end());
                else
                    path.insert(path.end(), p.begin(), p.end());
            }
            if (path.size() < 2) continue;
            const Point a = path.front(), b = path.back();
            drawn.push_back({&m, std::move(path), std::atan2(b.y - a.y, b.x - a.x), 0});
        }
        // Movements that leave one place in nearly the same direction, or
        // join the same two places, are bent apart symmetrically.
        std::vector<std::size_t> order(drawn.size());
        std::iota(order.begin(), order.end(), 0);
        auto key = [&](const Drawn& d) { return std::make_pair(std::lround(d.path.front().x / 4), std::lround(d.path.front().y / 4)); };
        std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
            if (key(drawn[i]) != key(drawn[j])) return key(drawn[i]) < key(drawn[j]);
            return drawn[i].bearing < drawn[j].bearing;
        });
        for (std::size_t s = 0; s < order.size();) {
            std::size_t e = s + 1;
            while (e < order.size() && key(drawn[order[e]]) == key(drawn[order[s]]) &&
                   drawn[order[e]].bearing - drawn[order[e - 1]].bearing < 0.26)  // 15°
                ++e;
            const std::size_t n = e - s;
            for (std::size_t i = s; i < e; ++i) {
                Drawn& d = drawn[order[i]];
                const double chord = std::hypot(d.path.back().x - d.path.front().x, d.path.back().y - d.path.front().y);
                const double spread = std::clamp(0.12 * chord, 14.0, 70.0);
                d.offset = (static_cast<double>(i - s) - static_cast<double>(n - 1) / 2) * spread;
            }
            s = e;
        }
        // A movement and its reverse share a chord: each bends to its own side.
        for (auto& d : drawn)
            for (const auto& o : drawn)
                if (&o != &d && d.offset == 0 && std::hypot(o.path.back().x - d.path.front().x, o.path.back().y - d.path.front().y) < 4 &&
                    std::hypot(o.path.front().x - d.path.back().x, o.path.front().y - d.path.back().y) < 4) {
                    const double chord = std::hypot(d.path.back().x - d.path.front().x, d.path.back().y - d.path.front().y);
                    d.offset = std::clamp(0.08 * chord, 10.0, 40.0);
                }

        for (auto& d : drawn) {
            const auto& m = *d.m;
            const double width = movement_width(m.sources);
            Color color = m_st.movements.count(m.type) ? m_st.movements.at(m.type) : m_st.movements.at("default");
            Path path = detail::trim(detail::bend(d.path, d.offset), 2, m_st.marker_size / 2 + 2);
            if (path.size() < 2) continue;
            Stroke stroke{color, width, m.inferred ? m_st.inferred_dash : std::vector<double>{}};
            const std::string key_name = "movement:" + (m_st.movements.count(m.type) ? m.type : std::string("default"));
            m_used_keys.insert(key_name);
            if (m.inferred) m_used_keys.insert("movement:inferred");
            const FeatureRef ref{std::string(geo::layer_movements), m.row};
            const bool inside = m_map_box.contains(detail::bounds(path));
            if (inside) {
                ArrowItem arrow{path, stroke, width * m_st.arrow_head, width * m_st.arrow_head * 0.8};
                out.items.push_back({arrow, ref, m.time, key_name, m.uncertain});
            } else {
                LineItem line;
                line.stroke = stroke;
                line.parts = detail::clip_line(path, m_map_box);
                if (!line.parts.empty()) out.items.push_back({std::move(line), ref, m.time, key_name, m.uncertain});
            }
            m_obstacles.lines.push_back(path);
            m_line_half_width = std::max(m_line_half_width, width / 2 + 1);
            for (const Point& p : path) m_story_pixels.push_back(p);
        }
    }

    // Event markers, side by side where several events share a point.
    void markers() {
        SceneLayer& out = layer("events");
        std::map<std::pair<long, long>, std::vector<std::pair<const detail::StoryEvent*, Point>>> groups;
        for (const auto& e : m_story.events) {
            Point p;
            if (!project_point(e.point, p) || !m_map_box.contains(p)) {
                m_outside_events.push_back(e.id);
                continue;
            }
            groups[{std::lround(p.x / 3), std::lround(p.y / 3)}].push_back({&e, p});
        }
        const double size = m_st.marker_size;
        for (auto& [cell, members] : groups) {
            const Point c = members.front().second;
            const std::size_t n = members.size();
            // One row centred on the point, wrapping every five markers.
            const std::size_t per_row = std::min<std::size_t>(n, 5);
            const double rows = std::ceil(static_cast<double>(n) / static_cast<double>(per_row));
            for (std::size_t i = 0; i < n; ++i) {
                const auto* e = members[i].first;
                const double col = static_cast<double>(i % per_row) - (static_cast<double>(per_row) - 1) / 2;
                const std::size_t row_index = i / per_row;
                const double row = static_cast<double>(row_index) - (rows - 1) / 2;
                const Point at{c.x + col * (size + 2), c.y + row * (size + 2)};
                const std::string cat(event_category(e->type));
                const MarkerStyle& ms = m_st.events.at(cat);
                MarkerItem mk;
                mk.at = at;
                mk.shape = ms.shape;
                mk.size = size;
                mk.fill = {ms.color, Pattern::solid, {}, 0};
                mk.stroke = {{255, 255, 255, 255}, 1.2, {}};
                m_used_keys.insert("event:" + cat);
                m_event_types["event:" + cat].insert(e->type);
                out.items.push_back({mk, {std::string(geo::layer_events), e->row}, e->time, "event:" + cat, e->uncertain});
                m_story_pixels.push_back(at);
            }
            // The cluster's bounding circle: the clearance of the place
            // label that sits on it, or an obstacle for every label.
            const double half_w = (static_cast<double>(per_row) * (size + 2) - 2) / 2, half_h = (rows * (size + 2) - 2) / 2;
            Cluster cluster{c, std::hypot(half_w, half_h) + 1, false, {}};
            for (std::size_t i = 0; i < n; ++i) {
                const auto& mk = std::get<MarkerItem>(out.items[out.items.size() - n + i].shape);
                const double h = size / 2 + 0.6;  // half the marker and half its outline
                cluster.markers.push_back({mk.at.x - h, mk.at.y - h, mk.at.x + h, mk.at.y + h});
            }
            m_clusters.push_back(std::move(cluster));
        }
        // Approximate places: their uncertainty as a dashed circle.
        SceneLayer& approx = layer("uncertainty");
        for (const auto& p : m_story.places) {
            if (!p.approximate || p.uncertainty_km <= 0) continue;
            Point c, edge;
            if (!project_point(p.point, c) || !m_map_box.contains(c)) continue;
            const geo::LonLat e = geo::geodesic_direct(p.point, 90, p.uncertainty_km * 1000);
            if (!project_point(e, edge)) continue;
            CircleItem circle;
            circle.center = c;
            circle.radius = std::max(std::hypot(edge.x - c.x, edge.y - c.y), 3.0);
            circle.fill = {{m_st.approximate.color.r, m_st.approximate.color.g, m_st.approximate.color.b, 24}, Pattern::solid, {}, 0};
            circle.stroke = m_st.approximate;
            m_used_keys.insert("place:approximate");
            approx.items.push_back({circle, {std::string(geo::layer_places), p.row}, {}, "place:approximate", false});
        }
    }

    // ------------------------------------------------------------ furniture
    struct Panel {
        Size size;
        std::function<void(Point)> draw;  // draws the panel with its top-left corner at the point
    };

    std::string legend_text(const std::string& key) const {
        static const std::map<std::string, std::pair<const char*, const char*>, std::less<>> texts = {
            {"area:origin", {"Left by forces", "Quitté par les forces"}},
            {"area:destination", {"Receives forces", "Reçoit des forces"}},
            {"area:support", {"Receives support", "Reçoit un soutien"}},
            {"area:location", {"Where events took place", "Lieu des événements"}},
            {"border", {"Border", "Frontière"}},
            {"movement:withdrawal", {"Withdrawal", "Retrait"}},
            {"movement:redeployment", {"Redeployment", "Redéploiement"}},
            {"movement:deployment", {"Deployment", "Déploiement"}},
            {"movement:support", {"Support", "Soutien"}},
            {"movement:default", {"Other movement", "Autre mouvement"}},
            {"movement:inferred", {"Origin inferred, not stated", "Origine déduite, non écrite"}},
            {"event:movement", {"Troop movement", "Mouvement de troupes"}},
            {"event:support", {"Support announced", "Soutien annoncé"}},
            {"event:other", {"Other event", "Autre événement"}},
            {"place:approximate", {"Approximate location", "Position approximative"}},
            {"place:capital", {"Capital", "Capitale"}},
        };
        const auto it = texts.find(key);
        if (it != texts.end()) return m_w.pick(it->second.first, it->second.second);
        // Markers of a category: the types drawn under it, named
        // ("Casualties" for a flood's dead, not "Attack, casualties").
        if (const auto t = m_event_types.find(key); t != m_event_types.end()) {
            std::vector<std::string> names;
            for (const auto& type : t->second)
                if (const TypeWords* w = type_words(type)) names.emplace_back(m_w.pick(w->en, w->fr));
            if (!names.empty()) {
                std::string s;
                for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
                return capitalised(s);
            }
            return m_w.pick("Other event", "Autre événement");
        }
        return key;
    }

    // The symbol of a legend key in a swatch box.
    void legend_symbol(const std::string& key, const Box& b, SceneLayer& out) const {
        const Point c{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2};
        if (key.starts_with("area:")) {
            const AreaStyle& as = m_st.areas.at(key.substr(5));
            PolygonItem p;
            p.rings = {{{b.x0, b.y0}, {b.x1, b.y0}, {b.x1, b.y1}, {b.x0, b.y1}, {b.x0, b.y0}}};
            p.fill = as.fill;
            p.stroke = as.stroke;
            out.items.push_back({p, {}, {}, key, false});
        } else if (key == "border") {
            for (const Stroke* stroke : {&m_st.story_border_halo, &m_st.story_border})
                out.items.push_back({LineItem{{{{b.x0, c.y}, {b.x1, c.y}}}, *stroke}, {}, {}, key, false});
        } else if (key.starts_with("movement:")) {
            const std::string type = key.substr(9);
            const bool inferred = type == "inferred";
            const Color color = inferred ? m_st.movements.at("default") : m_st.movements.at(type);
            const double w = m_st.movement_width_min;
            ArrowItem a{{{b.x0, c.y}, {b.x1, c.y}}, {color, w, inferred ? m_st.inferred_dash : std::vector<double>{}},
                        w * m_st.arrow_head, w * m_st.arrow_head * 0.8};
            out.items.push_back({a, {}, {}, key, false});
        } else if (key.starts_with("event:")) {
            const MarkerStyle& ms = m_st.events.at(key.substr(6));
            MarkerItem m{c, ms.shape, m_st.marker_size, {ms.color, Pattern::solid, {}, 0}, {{255, 255, 255, 255}, 1.2, {}}};
            out.items.push_back({m, {}, {}, key, false});
        } else if (key == "place:approximate") {
            CircleItem ci{c, b.height() / 2, {{m_st.approximate.color.r, m_st.approximate.color.g, m_st.approximate.color.b, 24}, Pattern::solid, {}, 0},
                          m_st.approximate};
            out.items.push_back({ci, {}, {}, key, false});
        } else if (key == "place:capital") {
            const double s = m_st.capital_marker_size;
            MarkerItem m{c, m_st.capital_marker.shape, s, {m_st.capital_marker.color, Pattern::solid, {}, 0}, {}};
            out.items.push_back({m, {}, {}, key, false});
        }
    }

    std::vector<std::string> legend_keys() const {
        static const char* order[] = {"area:origin", "area:destination", "area:support", "area:location", "border",
                                      "movement:withdrawal", "movement:redeployment", "movement:deployment",
                                      "movement:support", "movement:default", "movement:inferred",
                                      "event:movement", "event:support", "event:violence", "event:coup",
                                      "event:unrest", "event:politics", "event:other", "place:approximate",
                                      "place:capital"};
        std::vector<std::string> keys;
        for (const char* k : order)
            if (m_used_keys.count(k)) keys.emplace_back(k);
        return keys;
    }

    Panel legend_panel() {
        const std::vector<std::string> keys = legend_keys();
        const double swatch_w = 26, swatch_h = 14, gap = 8;
        double w = 0, h = 0;
        std::vector<TextMetrics> metrics;
        for (const auto& k : keys) {
            metrics.push_back(m_shaper.measure(legend_text(k), m_st.legend.font));
            w = std::max(w, metrics.back().size.w);
            h += std::max(swatch_h, metrics.back().size.h) + 3;
        }
        if (keys.empty()) return {{0, 0}, nullptr};
        const Size size{panel_padding * 2 + swatch_w + gap + w, panel_padding * 2 + h - 3};
        return {size, [this, keys, metrics, swatch_w, swatch_h, gap, size](Point at) {
                    SceneLayer& out = layer("legend");
                    out.items.push_back({panel_rect({at.x, at.y, at.x + size.w, at.y + size.h}), {}, {}, "", false});
                    double y = at.y + panel_padding;
                    for (std::size_t i = 0; i < keys.size(); ++i) {
                        const double row_h = std::max(swatch_h, metrics[i].size.h);
                        const Box sw{at.x + panel_padding, y + (row_h - swatch_h) / 2, at.x + panel_padding + swatch_w,
                                     y + (row_h + swatch_h) / 2};
                        legend_symbol(keys[i], sw, out);
                        TextItem t = text_item(legend_text(keys[i]), m_st.legend, {sw.x1 + gap, y + (row_h - metrics[i].size.h) / 2});
                        m_scene.legend.push_back({keys[i], t.text, {sw.x0, y, t.box.x1, y + row_h}});
                        out.items.push_back({std::move(t), {}, {}, keys[i], false});
                        y += row_h + 3;
                    }
                }};
    }

    PolygonItem panel_rect(const Box& b) const {
        PolygonItem p;
        p.rings = {{{b.x0, b.y0}, {b.x1, b.y0}, {b.x1, b.y1}, {b.x0, b.y1}, {b.x0, b.y0}}};
        p.fill = {m_st.panel, Pattern::solid, {}, 0};
        p.stroke = m_st.panel_stroke;
        return p;
    }

    /// Metres on the ground per pixel, measured geodesically along a
    /// horizontal 100 px segment through the map's centre (what the scale
    /// bar shows).
    double metres_per_pixel_at_centre() const {
        const Point c{(m_map_box.x0 + m_map_box.x1) / 2, (m_map_box.y0 + m_map_box.y1) / 2};
        geo::LonLat a, b;
        if (!m_proj->inverse(m_tf.xy({c.x - 50, c.y}), a) || !m_proj->inverse(m_tf.xy({c.x + 50, c.y}), b)) return 0;
        return geo::geodesic_inverse(a, b).distance_m / 100.0;
    }

    Panel scale_panel() {
        const double mpp = metres_per_pixel_at_centre();
        if (!(mpp > 0)) return {{0, 0}, nullptr};
        // The round distance (1, 2 or 5 × 10^n km or m) whose bar is 80–200 px long.
        double best = 0;
        for (double p = 1; p <= 1e7 && best == 0; p *= 10)
            for (double f : {1.0, 2.0, 5.0})
                if (f * p / mpp >= 80) {
                    best = f * p;
                    break;
                }
        if (best == 0) return {{0, 0}, nullptr};
        const double bar = best / mpp;
        const std::string text = best >= 1000 ? std::to_string(static_cast<long>(best / 1000)) + " km"
                                              : std::to_string(static_cast<long>(best)) + " m";
        const TextMetrics m = m_shaper.measure(text, m_st.scale.font);
        const TextMetrics z = m_shaper.measure("0", m_st.scale.font);
        const Size size{panel_padding * 2 + bar + m.size.w / 2 + z.size.w / 2, panel_padding * 2 + m.size.h + 10};
        return {size, [this, size, bar, text, m, z](Point at) {
                    SceneLayer& out = layer("scale");
                    out.items.push_back({panel_rect({at.x, at.y, at.x + size.w, at.y + size.h}), {}, {}, "", false});
                    const double x0 = at.x + panel_padding + z.size.w / 2, y = at.y + panel_padding + m.size.h + 6;
                    LineItem bar_line;
                    bar_line.stroke = {m_st.scale.color, 1.5, {}};
                    bar_line.parts = {{{x0, y - 5}, {x0, y}, {x0 + bar, y}, {x0 + bar, y - 5}}};
                    out.items.push_back({std::move(bar_line), {}, {}, "scale", false});
                    out.items.push_back({text_item("0", m_st.scale, {x0 - z.size.w / 2, at.y + panel_padding}), {}, {}, "scale", false});
                    out.items.push_back({text_item(text, m_st.scale, {x0 + bar - m.size.w / 2, at.y + panel_padding}), {}, {}, "scale", false});
                    m_scene.legend.push_back({"scale", text, {x0, y - 5, x0 + bar, y}});
                }};
    }

    // The locator: the same projection at a smaller scale, land only, the
    // map's extent outlined.
    Panel inset_panel() {
        const double side = std::round(std::min(m_map_box.width(), m_map_box.height()) * 0.24);
        if (side < 90) return {{0, 0}, nullptr};
        const Size size{std::round(side * 1.25), side};
        return {size, [this, size](Point at) {
                    const Box box{at.x, at.y, at.x + size.w, at.y + size.h};
                    SceneLayer& land = layer("inset");
                    land.items.push_back({PolygonItem{{{{box.x0, box.y0}, {box.x1, box.y0}, {box.x1, box.y1}, {box.x0, box.y1}, {box.x0, box.y0}}},
                                                      {m_st.sea, Pattern::solid, {}, 0}, {}},
                                          {}, {}, "", false});
                    // Show about five times the map's width, and at least 4,500 km.
                    const double map_w = m_map_box.width() / m_tf.k;
                    const double inset_w = std::max(map_w * 5, 4.5e6);
                    Transform tf;
                    tf.k = size.w / inset_w;
                    const XY c = m_tf.xy({(m_map_box.x0 + m_map_box.x1) / 2, (m_map_box.y0 + m_map_box.y1) / 2});
                    tf.x0 = c.x - (box.x0 + size.w / 2) / tf.k;
                    tf.y0 = c.y + (box.y0 + size.h / 2) / tf.k;
                    SceneLayer lines{"inset lines", LayerRole::furniture, {}};
                    add_basemap(land, lines, box, tf, visible_bbox(box, tf), Resolution::r50m, 0.6, false);
                    // Clip the inset's lines to its box, then the extent's outline on top.
                    for (auto& item : lines.items) land.items.push_back(std::move(item));
                    Path outline;
                    for (Point p : {Point{m_map_box.x0, m_map_box.y0}, Point{m_map_box.x1, m_map_box.y0},
                                    Point{m_map_box.x1, m_map_box.y1}, Point{m_map_box.x0, m_map_box.y1}, Point{m_map_box.x0, m_map_box.y0}})
                        outline.push_back(tf.px(m_tf.xy(p)));
                    LineItem extent;
                    extent.stroke = {m_st.inset_extent, 1.8, {}};
                    extent.parts = detail::clip_line(outline, box);
                    if (!extent.parts.empty()) land.items.push_back({std::move(extent), {}, {}, "inset:extent", false});
                    LineItem frame;
                    frame.stroke = m_st.panel_stroke;
                    frame.parts = {{{box.x0, box.y0}, {box.x1, box.y0}, {box.x1, box.y1}, {box.x0, box.y1}, {box.x0, box.y0}}};
                    land.items.push_back({std::move(frame), {}, {}, "", false});
                }};
    }

    // Legend, scale bar and inset go to the corners of the map box that
    // cover the fewest story points (markers, arrows, named places).
    void furniture() {
        for (const auto& p : m_story.places) {
            Point q;
            if (p.named_by_event && project_point(p.point, q)) m_story_pixels.push_back(q);
        }
        if (!capitals_in_view().empty()) m_used_keys.insert("place:capital");
        std::array<Panel, 3> panels{legend_panel(), scale_panel(), inset_panel()};
        const Box area = m_map_box;
        auto corner_box = [&](int corner, Size s) {
            const double x = (corner % 2 == 0) ? area.x0 + margin : area.x1 - margin - s.w;
            const double y = (corner < 2) ? area.y0 + margin : area.y1 - margin - s.h;
            return Box{x, y, x + s.w, y + s.h};
        };
        // Corners: 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right.
        // Preferred (on a tie): legend bottom-left, scale bottom-right, inset top-right.
        const int preferred[3] = {2, 3, 1};
        std::array<int, 4> perm{0, 1, 2, 3};
        double best_cost = INFINITY;
        std::array<int, 4> best = perm;
        do {
            double cost = 0;
            for (int i = 0; i < 3; ++i) {
                if (!panels[i].draw) continue;
                const Box b = corner_box(perm[i], panels[i].size).grown(6);
                for (const Point& p : m_story_pixels)
                    if (b.contains(p)) cost += 1;
                if (perm[i] != preferred[i]) cost += 0.01;
            }
            if (cost < best_cost) {
                best_cost = cost;
                best = perm;
            }
        } while (std::next_permutation(perm.begin(), perm.end()));
        for (int i = 0; i < 3; ++i) {
            if (!panels[i].draw) continue;
            const Box b = corner_box(best[i], panels[i].size);
            if (b.x0 < area.x0 || b.y0 < area.y0 || b.x1 > area.x1 || b.y1 > area.y1) {
                m_scene.notes.push_back(std::string("the ") + (i == 0 ? "legend" : i == 1 ? "scale bar" : "locator inset") +
                                        " does not fit the image and was left out");
                continue;
            }
            panels[i].draw({b.x0, b.y0});
            m_obstacles.boxes.push_back(b);
        }
    }

    // National capitals inside the map, the most populous first, at most
    // one for every 200 × 200 px of map (more would crowd the story out).
    std::vector<Capital> capitals_in_view() const {
        const auto cap = static_cast<std::size_t>(std::clamp(m_map_box.width() * m_map_box.height() / (200.0 * 200.0), 4.0, 40.0));
        std::vector<Capital> out;
        for (const Capital& c : m_basemap.capitals()) {
            Point p;
            if (!project_point(c.point, p) || !m_map_box.grown(-4).contains(p)) continue;
            out.push_back(c);
            if (out.size() == cap) break;
        }
        return out;
    }

    // ---------------------------------------------------------------- labels
    /// A story place's label on this map (docs/render.md, "Labels"): the
    /// name articles of the map's language write for it; else a country's or
    /// a national capital's name in that language from the basemap; else, on
    /// a French map, a part's direction and its place's name in French; else `name`.
    /// A layer without label_fr/label_en keeps its single `label`.
    std::string place_label(const detail::StoryPlace& p) const {
        if (p.by_language)
            if (const std::string& own = m_w.fr ? p.label_fr : p.label_en; !own.empty()) return own;
        if (p.kind == "country" && p.country.size() == 2)
            if (const auto c = m_basemap.country(p.country)) return std::string(m_w.fr ? c->name_fr : c->name_en);
        // A national capital: its French name on a French map ("Pékin" even
        // from an English article), its own on an English map when the
        // article wrote the French one.
        if (const auto c = m_capitals.find(p.id); c != m_capitals.end()) {
            if (m_w.fr) return std::string(c->second.name_fr);
            if (p.name == c->second.name_fr && c->second.name_fr != c->second.name) return std::string(c->second.name);
        }
        if (!p.by_language) return p.name;
        if (p.kind == "part")
            if (auto composed = part_label(p)) return *composed;
        return p.plain_name;
    }

    /// A part of a place ("ne:ML#e", docs/layers.md) named in French from
    /// its direction and its place's French name, for a French map of an
    /// English article (its English name, "Eastern Mali", is the reader's
    /// `name`). French joins them with "du", "de la", "de l'" or "des", which
    /// depend on the place's gender and number: no data here says them, so
    /// a French map composes a part's name only when a French label of the
    /// project ends with one of them and the place's French name ("Centre
    /// du Mali", "Nord du Mali" → "Est du Mali"); nullopt when the name
    /// cannot be said rightly.
    std::optional<std::string> part_label(const detail::StoryPlace& p) const {
        if (!m_w.fr) return std::nullopt;
        struct Direction {
            std::string_view id, fr;
        };
        static constexpr Direction directions[] = {{"n", "Nord"},     {"s", "Sud"},        {"e", "Est"},
                                                   {"w", "Ouest"},    {"ne", "Nord-Est"},  {"nw", "Nord-Ouest"},
                                                   {"se", "Sud-Est"}, {"sw", "Sud-Ouest"}, {"c", "Centre"}};
        const auto hash = p.id.rfind('#');
        if (hash == std::string::npos) return std::nullopt;
        const std::string_view base = std::string_view(p.id).substr(0, hash), dir = std::string_view(p.id).substr(hash + 1);
        const auto d = std::find_if(std::begin(directions), std::end(directions), [&](const Direction& x) { return x.id == dir; });
        if (base.empty() || d == std::end(directions)) return std::nullopt;
        // The place's French name: its own row's label, else the basemap's
        // name of a country ("ne:ML").
        std::string base_name;
        const auto row = std::find_if(m_story.places.begin(), m_story.places.end(), [&](const auto& q) { return q.id == base; });
        if (row != m_story.places.end()) base_name = place_label(*row);
        else if (base.starts_with("ne:") && base.size() == 5)
            if (const auto c = m_basemap.country(base.substr(3))) base_name = std::string(c->name_fr);
        if (base_name.empty()) return std::nullopt;
        for (const auto& q : m_story.places) {
            const std::string_view l = q.label_fr;
            for (std::string_view prep : {"du ", "de la ", "de l'", "de l\u2019", "des "}) {
                const std::string tail = std::string(prep) + base_name;
                if (l.ends_with(tail) && (l.size() == tail.size() || l[l.size() - tail.size() - 1] == ' '))
                    return std::string(d->fr) + " " + tail;
            }
        }
        return std::nullopt;
    }

    /// A capital's name in the reader's language.
    std::string capital_name(const Capital& c) const { return std::string(m_w.fr ? c.name_fr : c.name); }

    /// Points of the story area drawn for `place_id`, inside it and the map,
    /// on a 7 × 7 grid over its extent, nearest to `anchor` first (at most
    /// 12): where an area's name may also be written. None when the place
    /// has no area drawn.
    std::vector<Point> interior_points(const std::string& place_id, Point anchor) const {
        std::vector<Point> out;
        // The rings story_areas drew (GEOS simplification is the costly part: done once).
        const auto drawn = m_area_rings.find(place_id);
        if (drawn == m_area_rings.end()) return out;
        const std::vector<Path>& rings = drawn->second;
        Box ext{1e300, 1e300, -1e300, -1e300};
        for (const Path& p : rings) {
            const Box b = detail::bounds(p);
            ext = {std::min(ext.x0, b.x0), std::min(ext.y0, b.y0), std::max(ext.x1, b.x1), std::max(ext.y1, b.y1)};
        }
        ext = {std::max(ext.x0, m_map_box.x0), std::max(ext.y0, m_map_box.y0), std::min(ext.x1, m_map_box.x1),
               std::min(ext.y1, m_map_box.y1)};
        constexpr int n = 7;
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) {
                const Point q{ext.x0 + (i + 0.5) * ext.width() / n, ext.y0 + (j + 0.5) * ext.height() / n};
                bool in = false;  // even-odd over every ring: holes and other parts count right
                for (const Path& r : rings)
                    for (std::size_t k = 0, l = r.size() - 1; k < r.size(); l = k++)
                        if ((r[k].y > q.y) != (r[l].y > q.y) &&
                            q.x < (r[l].x - r[k].x) * (q.y - r[k].y) / (r[l].y - r[k].y) + r[k].x)
                            in = !in;
                if (in) out.push_back(q);
            }
        std::stable_sort(out.begin(), out.end(), [&](Point a, Point b) {
            return std::hypot(a.x - anchor.x, a.y - anchor.y) < std::hypot(b.x - anchor.x, b.y - anchor.y);
        });
        if (out.size() > 12) out.resize(12);
        return out;
    }

    void labels() {
        struct Request {
            LabelRequest req;
            TextStyle style;
            std::string text;
            bool dot = false;
            Point at;
        };
        std::vector<Request> requests;
        // The candidate sizes of a label: its type, then 88 % and 76 % of it.
        // Text is laid out without hinting and with unhinted metrics (see
        // pango_text.hpp), so its extents scale with the type size: only the
        // full size is shaped (shaping every candidate twice more was a
        // tenth of the scene; a placed smaller label is measured at its size).
        auto sizes = [&](const std::string& text, const Font& f) {
            const Size full = m_shaper.measure(text, f).size;
            std::vector<Size> out;
            for (double scale : {1.0, 0.88, 0.76}) out.push_back({full.w * scale, full.h * scale});
            return out;
        };
        std::set<std::string> labelled_names;
        std::set<std::string> labelled_countries;
        auto is_area = [](const detail::StoryPlace& p) {
            return p.kind == "country" || p.kind == "region" || p.kind == "sea" || p.kind == "admin1" ||
                   p.kind == "part" || p.kind == "lake" || p.kind == "river";
        };
        // One label for one name of an area: two areas the articles name
        // alike (the Sahel, and Burkina Faso's Sahel region read from "au
        // Sahel") are one name to the reader; the one an event names is kept.
        std::set<std::string> same_name_dropped;
        {
            std::map<std::string, const detail::StoryPlace*> by_name;
            for (const auto& p : m_story.places) {
                if (!p.location || !is_area(p)) continue;
                auto [it, fresh] = by_name.try_emplace(place_label(p), &p);
                if (fresh) continue;
                if (p.named_by_event && !it->second->named_by_event) {
                    same_name_dropped.insert(it->second->id);
                    it->second = &p;
                } else {
                    same_name_dropped.insert(p.id);
                }
            }
        }
        std::vector<std::string> not_located, outside;
        for (const auto& p : m_story.places) {
            Point at;
            if (!p.location) {
                not_located.push_back(p.name);
                continue;
            }
            if (!project_point(p.point, at) || !m_map_box.contains(at)) {
                outside.push_back(p.name);
                continue;
            }
            const std::string text = place_label(p);
            if (same_name_dropped.count(p.id)) continue;
            if (!labelled_names.insert(text + "|" + p.kind).second) continue;  // same name and kind named twice (two ids)
            const bool area_like = is_area(p);
            if (p.kind == "country") labelled_countries.insert(p.country);
            const TextStyle& ts = area_like ? m_st.story_country_label : m_st.story_label;
            Request r;
            r.text = text;
            r.style = ts;
            r.at = at;
            // A border drawn as its line (story_borders()) has no dot: its label goes beside the line.
            r.dot = !area_like && !p.approximate && !m_drawn_borders.count(p.id);
            r.req.id = p.id;
            r.req.anchor = at;
            r.req.clearance = r.dot ? m_st.place_dot_size / 2 + 1 : 0;
            // Event markers on the place: the label goes around them, and
            // they mark the place (no dot under them).
            // An area whose point falls on markers another place claimed
            // (the Sahel on the Liptako's casualties, eastern Mali on Mali's
            // row) goes around them too: its own point is covered.
            for (auto& c : m_clusters)
                if ((!c.claimed || area_like) && std::hypot(c.centre.x - at.x, c.centre.y - at.y) <= c.radius) {
                    c.claimed = true;
                    r.dot = false;
                    r.req.anchor = c.centre;
                    r.req.clearance = std::max(r.req.clearance, c.radius);
                    // Others go around the markers, not around their whole circle.
                    r.req.markers = c.markers;
                    break;
                }
            r.req.sizes = sizes(text, ts.font);
            if (area_like) {
                r.req.area = true;
                r.req.inside = interior_points(p.id, at);
            }
            r.req.priority = p.named_by_event ? 3 : 2;
            r.req.required = true;
            requests.push_back(std::move(r));
        }
        if (!not_located.empty())
            m_scene.notes.push_back("not drawn, named only as actors, by demonyms or outside the article's story (a "
                                    "government speaking, \"French troops\", a related-stories headline: not a place "
                                    "where something happened): " +
                                    join_names(not_located, Words{false}));
        if (!outside.empty())
            m_scene.notes.push_back("places outside the map's extent, not drawn: " + join_names(outside, Words{false}));
        if (!m_outside_events.empty())
            m_scene.notes.push_back("events outside the map's extent, not drawn: " + join_names(m_outside_events, Words{false}));

        // Capitals and country names of the basemap, for orientation.
        for (const Capital& c : capitals_in_view()) {
            Point at;
            project_point(c.point, at);
            const std::string text = capital_name(c);
            bool dup = false;
            for (const auto& r : requests) dup = dup || (r.text == text) || std::hypot(r.at.x - at.x, r.at.y - at.y) < 6;
            if (dup) continue;
            Request r;
            r.text = text;
            r.style = m_st.capital_label;
            r.at = at;
            r.req.id = "capital:" + std::string(c.iso2);
            r.req.anchor = at;
            r.req.clearance = m_st.capital_marker_size / 2 + 1;
            r.req.sizes = sizes(r.text, r.style.font);
            r.req.priority = 1;
            r.req.marker_optional = true;
            requests.push_back(std::move(r));
        }
        const double px_km = 1.0 / m_tf.k / 1000.0;
        for (const Country& c : m_basemap.countries()) {
            if (labelled_countries.count(std::string(c.iso2))) continue;
            Point at;
            if (!project_point(c.label, at) || !m_map_box.grown(-8).contains(at)) continue;
            const std::string text(m_w.fr ? c.name_fr : c.name_en);
            const Size s = m_shaper.measure(text, m_st.country_label.font).size;
            // Only where the country is wide enough on the map to hold its name.
            if (std::sqrt(c.area_km2) / px_km < s.w * 0.8) continue;
            Request r;
            r.text = text;
            r.style = m_st.country_label;
            r.at = at;
            r.req.id = "country:" + std::string(c.iso2);
            r.req.anchor = at;
            r.req.area = true;  // written over its label point, no marker there
            r.req.sizes = sizes(text, r.style.font);
            r.req.priority = 0;
            requests.push_back(std::move(r));
        }

        std::vector<LabelRequest> reqs;
        for (auto& r : requests) {
            if (auto it = m_o.previous_labels.find(r.req.id); it != m_o.previous_labels.end()) r.req.previous = it->second;
            reqs.push_back(r.req);
        }
        LabelObstacles obstacles = m_obstacles;
        obstacles.line_half_width = m_line_half_width;
        for (const auto& c : m_clusters)
            if (!c.claimed) obstacles.boxes.push_back({c.centre.x - c.radius, c.centre.y - c.radius, c.centre.x + c.radius, c.centre.y + c.radius});
        LabelOptions options;
        options.canvas = m_map_box.grown(-2);
        // A label farther than this from its place reads as a neighbour's
        // ("Gao" written over Niger at 150 px): better reported as not placed.
        options.leader_max = 90;
        const LabelResult result = place_labels(reqs, obstacles, options);

        SceneLayer& dots = layer("places");
        SceneLayer& out = layer("labels");
        for (const auto& r : requests)
            if (r.dot) {
                const double s = m_st.place_dot_size;
                dots.items.push_back({MarkerItem{r.at, MarkerShape::circle, s, {m_st.place_dot, Pattern::solid, {}, 0},
                                                 {{255, 255, 255, 255}, 1, {}}},
                                      {std::string(geo::layer_places), 0}, {}, "place", false});
            }
        // Rows of the place dots: the story places in request order.
        {
            std::size_t d = 0;
            for (const auto& r : requests)
                if (r.dot)
                    for (const auto& p : m_story.places)
                        if (p.id == r.req.id) dots.items[d++].feature.row = p.row;
        }
        // A capital is drawn only with its name: a dot alone says nothing.
        SceneLayer& caps = layer("capitals");
        for (const PlacedLabel& pl : result.placed) {
            const Request& r = requests[pl.request];
            if (r.req.priority != 1) continue;
            const double s = m_st.capital_marker_size;
            caps.items.push_back({MarkerItem{r.at, m_st.capital_marker.shape, s, {m_st.capital_marker.color, Pattern::solid, {}, 0}, {}},
                                  {}, {}, "place:capital", false});
        }
        for (const PlacedLabel& pl : result.placed) {
            const Request& r = requests[pl.request];
            Font f = r.style.font;
            f.size *= std::array<double, 3>{1.0, 0.88, 0.76}[pl.size_index];
            TextItem t = text_item(r.text, {f, r.style.color}, {pl.box.x0, pl.box.y0}, true);
            if (pl.leader) {
                LineItem leader;
                leader.stroke = {{0x55, 0x55, 0x55, 255}, 0.8, {}};
                leader.parts = {{pl.leader_from, pl.leader_to}};
                out.items.push_back({std::move(leader), {}, {}, "leader", false});
            }
            m_scene.label_boxes[r.req.id] = pl.box;
            out.items.push_back({std::move(t), {}, {}, "label", false});
        }
        for (std::size_t i : result.unlabeled_required) m_scene.unlabeled.push_back(requests[i].text);
    }

    // --------------------------------------------------- title and credit
    /// A news map's title from the layers alone: the main place, then what
    /// happened there ("Mali: withdrawal and redeployment", "Burkina Faso :
    /// coup d'État et manifestation"). The news are the events dated within
    /// a month of the latest one (background such as "since 2013" or an
    /// earlier coup is left out); their types are ranked by count, then by
    /// the order of the events (the lead first); the main place is the
    /// country of the first-ranked type's events (Gossi → Mali), or their
    /// place when it lies in no single country (West Africa). `other` names
    /// nothing and is left out. Nothing is said that the layers do not hold.
    std::string derived_title() const {
        constexpr std::int64_t month = std::int64_t{31} * 86400;
        std::int64_t latest = TimeSpan{}.start;
        for (const auto& e : m_story.events)
            if (e.time.dated()) latest = std::max(latest, e.time.start);
        std::vector<const detail::StoryEvent*> news;
        for (const auto& e : m_story.events)
            if (!e.time.dated() || latest == TimeSpan{}.start || e.time.start >= latest - month) news.push_back(&e);
        // Types by count, then first appearance.
        std::vector<std::pair<std::string, std::size_t>> types;
        for (const auto* e : news) {
            if (!type_words(e->type)) continue;
            auto it = std::find_if(types.begin(), types.end(), [&](const auto& t) { return t.first == e->type; });
            if (it == types.end()) types.emplace_back(e->type, 1);
            else ++it->second;
        }
        std::stable_sort(types.begin(), types.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        if (types.empty()) return m_w.pick("Events of the articles", "Événements des articles");
        // The main place: the most frequent country (or place) of the first type's events.
        std::map<std::string, std::size_t> where;
        std::vector<std::string> where_order;
        for (const auto* e : news) {
            if (e->type != types.front().first) continue;
            const auto p = std::find_if(m_story.places.begin(), m_story.places.end(), [&](const auto& q) { return q.id == e->place_id; });
            if (p == m_story.places.end()) continue;
            std::string name = place_label(*p);
            if (p->country.size() == 2)
                if (const auto c = m_basemap.country(p->country)) name = std::string(m_w.fr ? c->name_fr : c->name_en);
            if (where[name]++ == 0) where_order.push_back(name);
        }
        std::stable_sort(where_order.begin(), where_order.end(), [&](const auto& a, const auto& b) { return where[a] > where[b]; });
        std::vector<std::string> what;
        for (std::size_t k = 0; k < types.size() && k < 2; ++k) {
            const TypeWords* w = type_words(types[k].first);
            const bool many = types[k].second > 1;
            what.emplace_back(m_w.fr ? (many ? w->fr_plural : w->fr) : (many ? w->en_plural : w->en));
        }
        const std::string happened = join_names(what, m_w);
        if (where_order.empty()) return capitalised(happened);
        // A title opens with a capital, whatever the place's label ("Frontière Niger–Mali : attaque").
        return capitalised(where_order.front()) + m_w.pick(": ", " : ") + happened;
    }

    std::string derived_subtitle() const {
        std::int64_t first = TimeSpan{}.end, last = TimeSpan{}.start;
        for (const auto& e : m_story.events)
            if (e.time.dated()) {
                first = std::min(first, e.time.start);
                last = std::max(last, e.time.end);
            }
        const std::size_t n = m_story.events.size(), a = m_story.sources.size();
        std::string s = std::to_string(n) + (n == 1 ? m_w.pick(" event", " événement") : m_w.pick(" events", " événements"));
        if (first <= last) {
            const std::string from = month_year(first, m_w.fr, false), to = month_year(last, m_w.fr, false);
            if (last - first < 86400) s += ", " + month_year(first, m_w.fr, true);  // one day
            else if (from == to) s += ", " + from;  // one month
            else s += ", " + from + " – " + to;
        }
        if (a > 0)
            s += m_w.pick(", from ", ", d'après ") + std::to_string(a) +
                 (a == 1 ? m_w.pick(" article", " article") : m_w.pick(" articles", " articles"));
        return s;
    }

    void title_and_credit() {
        SceneLayer& out = layer("titles");
        // White bands behind the title and the credit.
        out.items.push_back({PolygonItem{{{{0, 0}, {m_o.width, 0}, {m_o.width, m_map_box.y0}, {0, m_map_box.y0}, {0, 0}}},
                                         {{255, 255, 255, 255}, Pattern::solid, {}, 0}, {}},
                             {}, {}, "", false});
        out.items.push_back({PolygonItem{{{{0, m_map_box.y1}, {m_o.width, m_map_box.y1}, {m_o.width, m_o.height}, {0, m_o.height}, {0, m_map_box.y1}}},
                                         {{255, 255, 255, 255}, Pattern::solid, {}, 0}, {}},
                             {}, {}, "", false});
        const double max_w = m_o.width - 2 * margin;
        auto fitted = [&](std::string text, const TextStyle& ts) {
            // Too long for the width: cut at a character boundary with an ellipsis (said in the notes).
            if (m_shaper.measure(text, ts.font).size.w <= max_w) return text;
            const std::string original = text;
            while (!text.empty() && m_shaper.measure(text + "…", ts.font).size.w > max_w) {
                text.pop_back();
                while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
            }
            m_scene.notes.push_back("shortened to fit the width: \"" + original + "\"");
            return text + "…";
        };
        const std::string title = fitted(m_o.title.empty() ? derived_title() : m_o.title, m_st.title);
        const std::string subtitle = fitted(m_o.subtitle.empty() ? derived_subtitle() : m_o.subtitle, m_st.subtitle);
        TextItem t = text_item(title, m_st.title, {margin, margin - 4});
        const double y = t.box.y1 + 2;
        out.items.push_back({std::move(t), {}, {}, "title", false});
        out.items.push_back({text_item(subtitle, m_st.subtitle, {margin, y}), {}, {}, "subtitle", false});

        // Credit: the articles, then the data and the tool.
        std::vector<std::string> names;
        for (const auto& s : m_story.sources) names.push_back(basename(s));
        const std::string head = m_w.pick("Sources: ", "Sources : ");
        std::string line1 = head + (names.empty() ? m_w.pick("none recorded", "aucune indiquée") : "");
        for (std::size_t i = 0; i < names.size(); ++i) {
            const std::string more = std::to_string(names.size() - i) + m_w.pick(" more", " autres");
            std::string candidate = line1 + (i ? ", " : "") + names[i];
            const bool last = i + 1 == names.size();
            const std::string tail = last ? "" : ", +" + std::to_string(names.size() - i - 1) + m_w.pick(" more", " autres");
            if (m_shaper.measure(candidate + tail, m_st.credit.font).size.w > max_w) {
                line1 += (i ? ", +" : "+") + more;
                break;
            }
            line1 = candidate;
        }
        const std::string line2 = m_w.pick("Places: GeoNames (CC BY 4.0), world-countries and countries-states-cities (ODbL); boundaries: Natural Earth (public domain). Map: geoevents",
                                           "Lieux : GeoNames (CC BY 4.0), world-countries et countries-states-cities (ODbL) ; frontières : Natural Earth (domaine public). Carte : geoevents");
        const double h = m_shaper.measure("Hg", m_st.credit.font).size.h;
        out.items.push_back({text_item(fitted(line1, m_st.credit), m_st.credit, {margin, m_map_box.y1 + 5}), {}, {}, "credit", false});
        out.items.push_back({text_item(fitted(line2, m_st.credit), m_st.credit, {margin, m_map_box.y1 + 5 + h + 1}), {}, {}, "credit", false});
    }

    const geo::Project& m_project;
    const Basemap& m_basemap;
    const TextShaper& m_shaper;
    const SceneOptions& m_o;
    const Style& m_st;
    Words m_w;
    Scene m_scene;
    detail::Story m_story;
    geo::Bbox m_extent;
    std::optional<Projection> m_proj;
    Transform m_tf;
    Box m_map_box;
    Resolution m_resolution = Resolution::r10m;
    std::map<std::string, Capital, std::less<>> m_capitals;  ///< by gazetteer id ("geonames:2460596")
    std::set<std::string> m_used_keys;
    std::unordered_map<std::string, std::vector<Path>> m_area_rings;  ///< place id → rings drawn by story_areas
    /// The event types drawn under each event legend key, in the vocabulary's order.
    std::map<std::string, std::set<std::string, TypeOrder>, std::less<>> m_event_types;
    LabelObstacles m_obstacles;
    double m_line_half_width = 2;
    std::vector<Point> m_story_pixels;
    std::set<std::string> m_drawn_borders;  ///< place ids of the borders drawn as lines
    struct Cluster {
        Point centre;
        double radius = 0;
        bool claimed = false;  ///< a place label sits on it
        std::vector<Box> markers;  ///< each marker's box, with its white outline
    };
    std::vector<Cluster> m_clusters;  ///< event markers sharing a point
    std::vector<std::string> m_outside_events;
};

} // namespace

Scene build_scene(const geo::Project& project, const Basemap& basemap, const TextShaper& shaper, const SceneOptions& options) {
    return Builder(project, basemap, shaper, options).build();
}

} // namespace geoevents::render
