#include "story.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "geoevents/render/build.hpp"

namespace geoevents::render {

std::optional<std::int64_t> parse_utc(std::string_view t) noexcept {
    auto num = [&](std::size_t at, std::size_t n, int& out) {
        if (at + n > t.size()) return false;
        out = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (t[i] < '0' || t[i] > '9') return false;
            out = out * 10 + (t[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0;
    if (!num(0, 4, y) || t.size() < 10 || t[4] != '-' || !num(5, 2, m) || t[7] != '-' || !num(8, 2, d)) return std::nullopt;
    if (t.size() > 10) {
        if (t.size() != 20 || t[10] != 'T' || !num(11, 2, hh) || t[13] != ':' || !num(14, 2, mm) || t[16] != ':' ||
            !num(17, 2, ss) || t[19] != 'Z')
            return std::nullopt;
    }
    if (m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 60) return std::nullopt;
    // Days from the civil date (H. Hinnant's algorithm), exact for the proleptic Gregorian calendar.
    const int yy = y - (m <= 2);
    const int era = (yy >= 0 ? yy : yy - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(yy - era * 400);
    const unsigned doy = static_cast<unsigned>((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const std::int64_t days = static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
    return days * 86400 + std::int64_t{hh} * 3600 + std::int64_t{mm} * 60 + ss;
}

namespace detail {
namespace {

struct Fields {
    const geo::Layer& layer;
    std::string text(std::size_t row, std::string_view field) const {
        const auto i = layer.field_index(field);
        if (!i) return {};
        return geo::to_text(layer.features[row].values[*i]);
    }
    std::int64_t integer(std::size_t row, std::string_view field, std::int64_t fallback) const {
        const auto i = layer.field_index(field);
        if (!i) return fallback;
        const auto& v = layer.features[row].values[*i];
        if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
        if (const auto* r = std::get_if<double>(&v)) return static_cast<std::int64_t>(*r);
        return fallback;
    }
    double real(std::size_t row, std::string_view field) const {
        const auto i = layer.field_index(field);
        if (!i) return 0;
        const auto& v = layer.features[row].values[*i];
        if (const auto* r = std::get_if<double>(&v)) return *r;
        if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
        return 0;
    }
};

void require(const geo::Layer& layer, std::initializer_list<std::string_view> fields) {
    for (auto f : fields)
        if (!layer.field_index(f))
            throw RenderError("layer '" + layer.name + "' has no field '" + std::string(f) +
                              "': not a layer written by geoevents map (docs/layers.md)");
}

bool valid_lonlat(geo::LonLat p) {
    return std::isfinite(p.lon) && std::isfinite(p.lat) && std::abs(p.lat) <= 90 && std::abs(p.lon) <= 540;
}

/// At least one part, each of two points or more, all possible.
bool valid_lines(const std::vector<std::vector<geo::LonLat>>& parts) {
    if (parts.empty()) return false;
    for (const auto& part : parts) {
        if (part.size() < 2) return false;
        for (const auto& p : part)
            if (!valid_lonlat(p)) return false;
    }
    return true;
}

std::string label_of(const geo::Layer& l, std::size_t row, const Fields& f) {
    std::string s = f.text(row, "name");
    if (s.empty()) s = f.text(row, "place_name");
    if (s.empty()) s = f.text(row, "event_id");
    return "'" + s + "' (" + l.name + " row " + std::to_string(row + 1) + ")";
}

std::size_t count_list(const std::string& s) {
    if (s.empty()) return 1;
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), ',')) + 1;
}

// "ne:ML (origin), curated:gossi (origin)" → {id, role} pairs.
std::vector<std::pair<std::string, std::string>> parse_places(const std::string& s) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t at = 0;
    while (at < s.size()) {
        std::size_t end = s.find(", ", at);
        if (end == std::string::npos) end = s.size();
        const std::string item = s.substr(at, end - at);
        const auto open = item.rfind(" (");
        if (open != std::string::npos && item.back() == ')')
            out.emplace_back(item.substr(0, open), item.substr(open + 2, item.size() - open - 3));
        else if (!item.empty())
            out.emplace_back(item, "location");
        at = end + 2;
    }
    return out;
}

TimeSpan span_of(const Fields& f, std::size_t row) {
    TimeSpan t;
    const auto s = parse_utc(f.text(row, "date_start"));
    const auto e = parse_utc(f.text(row, "date_end"));
    if (s) {
        t.start = *s;
        t.end = e && *e >= *s ? *e : *s;
    }
    return t;
}

bool coarse(const std::string& precision) { return precision == "month" || precision == "year" || precision == "unknown"; }

} // namespace

Story read_story(const geo::Project& project, std::vector<std::string>& notes) {
    Story story;
    std::map<std::string, std::string, std::less<>> area_role;  // place id → strongest role
    std::map<std::string, TimeSpan, std::less<>> place_time;
    std::map<std::string, bool, std::less<>> named;
    {
        const std::string s = project.metadata("sources");
        std::size_t at = 0;
        while (at < s.size()) {
            std::size_t end = s.find(", ", at);
            if (end == std::string::npos) end = s.size();
            if (end > at) story.sources.push_back(s.substr(at, end - at));
            at = end + 2;
        }
    }

    auto skip = [&](const std::string& what, const std::string& why) { notes.push_back("skipped " + what + ": " + why); };

    // Role of a place in the drawing, strongest first: an origin of forces,
    // a destination, a support target, a place where something happened.
    auto rank = [](std::string_view role) {
        if (role == "origin") return 0;
        if (role == "destination") return 1;
        if (role == "support") return 2;
        if (role == "location") return 3;
        return 4;
    };

    if (const geo::Layer* l = project.find(geo::layer_events)) {
        story.has_layers = true;
        require(*l, {"event_id", "type"});
        const Fields f{*l};
        story.timed = l->field_index("date_start").has_value();
        for (std::size_t r = 0; r < l->features.size(); ++r) {
            StoryEvent e;
            e.row = r;
            e.id = f.text(r, "event_id");
            e.type = f.text(r, "type");
            e.place_id = f.text(r, "place_id");
            e.time = span_of(f, r);
            e.uncertain = coarse(f.text(r, "precision"));
            e.sources = count_list(f.text(r, "sources"));
            for (const auto& [id, role0] : parse_places(f.text(r, "places"))) {
                std::string role = role0;
                // Support: its destination is the support target; its origin
                // is the supporter, which the arrow shows (no fill of its own).
                if (e.type == "support" && role == "destination") role = "support";
                else if (e.type == "support" && role == "origin") role = "supporter";
                auto& best = area_role[id];
                if (best.empty() || rank(role) < rank(best)) best = role;
                named[id] = true;
                TimeSpan& pt = place_time[id];
                if (e.time.dated()) {
                    if (!pt.dated() || e.time.start < pt.start) pt.start = e.time.start;
                    if (pt.end == TimeSpan{}.end || e.time.end > pt.end) pt.end = e.time.end;
                }
            }
            const auto& g = l->features[r].geometry;
            if (g.empty()) {
                skip("event " + label_of(*l, r, f), "it has no point");
                continue;
            }
            try {
                e.point = g.representative_point();
            } catch (const Error& err) {
                skip("event " + label_of(*l, r, f), err.what());
                continue;
            }
            if (!valid_lonlat(e.point)) {
                skip("event " + label_of(*l, r, f), "impossible coordinates");
                continue;
            }
            story.events.push_back(std::move(e));
        }
    }

    if (const geo::Layer* l = project.find(geo::layer_movements)) {
        story.has_layers = true;
        require(*l, {"event_id", "type"});
        const Fields f{*l};
        for (std::size_t r = 0; r < l->features.size(); ++r) {
            StoryMovement m;
            m.row = r;
            m.event_id = f.text(r, "event_id");
            m.type = f.text(r, "type");
            m.from_id = f.text(r, "from_id");
            m.to_id = f.text(r, "to_id");
            const std::string rule = f.text(r, "origin_rule");
            m.inferred = !rule.empty() && rule != "stated";
            m.time = span_of(f, r);
            m.uncertain = coarse(f.text(r, "precision"));
            m.sources = count_list(f.text(r, "sources"));
            m.parts = l->features[r].geometry.lines();
            if (!valid_lines(m.parts)) {
                skip("movement " + label_of(*l, r, f), "its line is empty or has impossible coordinates");
                continue;
            }
            story.movements.push_back(std::move(m));
        }
    }

    if (const geo::Layer* l = project.find(geo::layer_areas)) {
        story.has_layers = true;
        require(*l, {"place_id"});
        const Fields f{*l};
        for (std::size_t r = 0; r < l->features.size(); ++r) {
            StoryArea a;
            a.row = r;
            a.place_id = f.text(r, "place_id");
            a.name = f.text(r, "name");
            const auto role = area_role.find(a.place_id);
            a.role = role == area_role.end() ? "location" : role->second;
            if (auto t = place_time.find(a.place_id); t != place_time.end()) a.time = t->second;
            geo::Geometry g = l->features[r].geometry;
            if (g.empty()) {
                skip("area " + label_of(*l, r, f), "it has no polygon");
                continue;
            }
            std::vector<std::vector<std::vector<geo::LonLat>>> polygons;
            try {
                std::string reason;
                if (!g.is_valid(&reason)) {
                    g = g.make_valid();
                    notes.push_back("repaired area " + label_of(*l, r, f) + " with GEOS MakeValid: " + reason);
                }
                polygons = g.polygons();
                a.bbox = g.envelope();
                a.area = g.area();
            } catch (const Error& err) {
                skip("area " + label_of(*l, r, f), err.what());
                continue;
            }
            std::size_t vertices = 0;
            bool ok = !polygons.empty();
            for (const auto& poly : polygons)
                for (const auto& p : poly.front()) {
                    ok = ok && valid_lonlat(p);
                    ++vertices;
                }
            if (!ok) {
                skip("area " + label_of(*l, r, f), "its polygon is empty or has impossible coordinates");
                continue;
            }
            // The outline that frames the map: a supporter's area is not drawn
            // (its events and arrows frame it), and far parts of an area, such
            // as the overseas territories of a country, are left out: only the
            // parts within twice the size of its largest part (at least 10°).
            if (a.role != "supporter") {
                std::vector<geo::Bbox> boxes;
                std::size_t largest = 0;
                for (const auto& poly : polygons) {
                    geo::Bbox b{180, 90, -180, -90};
                    for (const auto& p : poly.front())
                        b = {std::min(b.min_lon, p.lon), std::min(b.min_lat, p.lat), std::max(b.max_lon, p.lon),
                             std::max(b.max_lat, p.lat)};
                    boxes.push_back(b);
                    const auto size = [](const geo::Bbox& x) { return (x.max_lon - x.min_lon) * (x.max_lat - x.min_lat); };
                    if (size(b) > size(boxes[largest])) largest = boxes.size() - 1;
                }
                const geo::Bbox& main = boxes[largest];
                const double reach = std::max(10.0, 2 * std::hypot(main.max_lon - main.min_lon, main.max_lat - main.min_lat));
                const auto centre_distance = [&](const geo::Bbox& b) {
                    double dlon = std::fabs((b.min_lon + b.max_lon) / 2 - (main.min_lon + main.max_lon) / 2);
                    dlon = std::min(dlon, 360 - dlon);
                    return std::hypot(dlon, (b.min_lat + b.max_lat) / 2 - (main.min_lat + main.max_lat) / 2);
                };
                const std::size_t step = std::max<std::size_t>(1, vertices / 400);
                std::size_t k = 0;
                for (std::size_t i = 0; i < polygons.size(); ++i) {
                    if (centre_distance(boxes[i]) > reach) continue;
                    for (const auto& p : polygons[i].front())
                        if (k++ % step == 0) a.outline.push_back(p);
                }
            }
            a.geometry = std::move(g);
            story.areas.push_back(std::move(a));
        }
    }

    if (const geo::Layer* l = project.find(geo::layer_borders)) {
        require(*l, {"place_id"});
        const Fields f{*l};
        for (std::size_t r = 0; r < l->features.size(); ++r) {
            StoryBorder b;
            b.row = r;
            b.place_id = f.text(r, "place_id");
            if (auto t = place_time.find(b.place_id); t != place_time.end()) b.time = t->second;
            b.parts = l->features[r].geometry.lines();
            if (!valid_lines(b.parts)) {
                skip("border " + label_of(*l, r, f), "its line is empty or has impossible coordinates");
                continue;
            }
            story.borders.push_back(std::move(b));
        }
    }

    if (const geo::Layer* l = project.find(geo::layer_places)) {
        story.has_layers = true;
        require(*l, {"place_id", "name"});
        const Fields f{*l};
        for (std::size_t r = 0; r < l->features.size(); ++r) {
            StoryPlace p;
            p.row = r;
            p.id = f.text(r, "place_id");
            // A label the reader's language uses, when the layer has one.
            p.plain_name = f.text(r, "name");
            p.name = f.text(r, "label");
            if (p.name.empty()) p.name = p.plain_name;
            p.by_language = l->field_index("label_fr") && l->field_index("label_en");
            p.label_fr = f.text(r, "label_fr");
            p.label_en = f.text(r, "label_en");
            p.kind = f.text(r, "kind");
            p.country = f.text(r, "country");
            p.named_by_event = named.count(p.id) > 0;
            // The reader counts as locations only the mentions where
            // something of the story happens (a demonym, an actor, a name in
            // a related-stories, chrome or credit line are not); a layer
            // without the field (hand-made) has every place located.
            p.location = p.named_by_event || f.integer(r, "role_location", 1) > 0;
            p.approximate = f.integer(r, "approximate", 0) != 0;
            p.uncertainty_km = f.real(r, "uncertainty_km");
            const auto& g = l->features[r].geometry;
            if (g.empty()) {
                skip("place " + label_of(*l, r, f), "it has no point");
                continue;
            }
            try {
                p.point = g.representative_point();
            } catch (const Error& err) {
                skip("place " + label_of(*l, r, f), err.what());
                continue;
            }
            if (!valid_lonlat(p.point)) {
                skip("place " + label_of(*l, r, f), "impossible coordinates");
                continue;
            }
            story.places.push_back(std::move(p));
        }
    }
    return story;
}

} // namespace detail
} // namespace geoevents::render
