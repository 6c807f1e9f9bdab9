#include "geoevents/geo/layers.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "geoevents/geo/error.hpp"
#include "geos_util.hpp"

namespace geoevents::geo {

namespace {

FieldValue text(std::string_view s) {
    if (s.empty()) return std::monostate{};
    return std::string(s);
}
FieldValue integer(std::int64_t v) { return v; }

std::string join(const std::vector<std::string>& items, std::string_view sep = ", ") {
    std::string out;
    for (const auto& s : items) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool valid_day(std::string_view d) {
    return d.size() == 10 && d[4] == '-' && d[7] == '-' && is_digits(d.substr(0, 4)) && is_digits(d.substr(5, 2)) &&
           is_digits(d.substr(8, 2));
}

// "HH:MM" or "HH:MM:SS" → "HH:MM:SS"; empty when malformed.
std::string clock(std::string_view t) {
    if (t.size() == 5 && t[2] == ':' && is_digits(t.substr(0, 2)) && is_digits(t.substr(3, 2)))
        return std::string(t) + ":00";
    if (t.size() == 8 && t[2] == ':' && t[5] == ':' && is_digits(t.substr(0, 2)) && is_digits(t.substr(3, 2)) &&
        is_digits(t.substr(6, 2)))
        return std::string(t);
    return {};
}

bool is_area_kind(PlaceKind k) {
    return k == PlaceKind::country || k == PlaceKind::admin1 || k == PlaceKind::admin2 || k == PlaceKind::region ||
           k == PlaceKind::sea || k == PlaceKind::lake || k == PlaceKind::part;
}

bool is_movement_type(EventType t) {
    return t == EventType::withdrawal || t == EventType::redeployment || t == EventType::deployment ||
           t == EventType::support;
}

void check_point(const Place& p) {
    if (!std::isfinite(p.point.lon) || !std::isfinite(p.point.lat) || std::abs(p.point.lon) > 180.0 ||
        std::abs(p.point.lat) > 90.0)
        throw GeometryError("place " + p.id + " (" + p.name + "): impossible coordinates (" +
                            std::to_string(p.point.lon) + ", " + std::to_string(p.point.lat) + ")");
}

/// A place's polygon once cleaned, and the point that stands for it.
struct Area {
    Geometry polygon;  // MultiPolygon, valid, simplified, CCW
    LonLat point;      // PointOnSurface of `polygon`
    bool made_valid = false;
    double area = 0;   // square degrees, to prefer the smallest area
};

class Builder {
public:
    explicit Builder(const LayerInput& in) : m_in(in) {}

    Project build() {
        collect_places();
        Layer events = build_events();
        Layer movements = build_movements();
        Layer areas = build_areas();
        Layer places = build_places();
        m_project.layers.push_back(std::move(places));
        m_project.layers.push_back(std::move(areas));
        if (Layer borders = build_borders(); !borders.features.empty()) m_project.layers.push_back(std::move(borders));
        m_project.layers.push_back(std::move(events));
        m_project.layers.push_back(std::move(movements));
        m_project.layers.push_back(build_metadata());
        return std::move(m_project);
    }

private:
    // Every distinct place: the summaries first (their order), then places
    // that only events name.
    void collect_places() {
        for (const auto& s : m_in.places) {
            if (m_place_index.contains(s.place.id)) continue;
            m_place_index.emplace(s.place.id, m_places.size());
            m_places.push_back(&s.place);
            m_summaries.emplace(s.place.id, &s);
        }
        for (const auto& e : m_in.events)
            for (const auto& ep : e.places) {
                if (m_place_index.contains(ep.place.id)) continue;
                m_place_index.emplace(ep.place.id, m_places.size());
                m_places.push_back(&ep.place);
            }
        for (const Place* p : m_places) check_point(*p);
    }

    /// The cleaned polygon of `p`, nullptr when it has none (computed once).
    const Area* area_of(const Place& p) {
        if (auto it = m_areas.find(p.id); it != m_areas.end()) return it->second ? &*it->second : nullptr;
        auto& slot = m_areas[p.id];
        if (!m_in.polygon_of) return nullptr;
        const std::vector<std::uint8_t> wkb = m_in.polygon_of(p);
        if (wkb.empty()) return nullptr;
        Geometry g;
        try {
            g = Geometry::from_wkb(wkb);
        } catch (const GeometryError& e) {
            throw GeometryError("polygon of place " + p.id + " (" + p.name + "): " + e.what());
        }
        const std::string type = g.type_name();
        if (type != "Polygon" && type != "MultiPolygon") {
            m_project.notes.push_back("place " + p.id + " (" + p.name + "): its geometry is a " + type +
                                      ", not a polygon; drawn as a point");
            return nullptr;
        }
        if (g.empty()) return nullptr;
        const Bbox b = g.envelope();
        if (b.min_lon < -180.0 || b.max_lon > 180.0 || b.min_lat < -90.0 || b.max_lat > 90.0)
            throw GeometryError("polygon of place " + p.id + " (" + p.name +
                                "): coordinates outside WGS 84 longitude/latitude ranges");
        Area a;
        if (!g.is_valid()) {
            g = g.make_valid();
            a.made_valid = true;
        }
        const double tol = m_in.options.simplify_tolerance_deg;
        if (tol > 0) {
            g = g.simplify(tol);
            // TopologyPreserveSimplify keeps rings simple, but not always
            // valid across parts of a multipolygon: check again.
            if (!g.is_valid()) {
                g = g.make_valid();
                a.made_valid = true;
            }
        }
        if (g.empty()) {
            m_project.notes.push_back("place " + p.id + " (" + p.name + "): polygon empty after cleaning; drawn as a point");
            return nullptr;
        }
        a.polygon = detail::to_multi(g.oriented_ccw());
        a.point = a.polygon.representative_point();
        a.area = a.polygon.area();
        slot = std::move(a);
        return &*slot;
    }

    /// The point standing for a place on the map.
    LonLat point_of(const Place& p) {
        if (const Area* a = area_of(p)) return a->point;
        return p.point;
    }

    /// The event's location (see build_layers()); nullptr when it names no place.
    const Place* location_of(const Event& e) {
        for (PlaceRole role : {PlaceRole::location, PlaceRole::origin, PlaceRole::destination}) {
            const Place* best = nullptr;
            double best_area = 0;
            for (const auto& ep : e.places) {
                if (ep.role != role) continue;
                const Area* a = area_of(ep.place);
                const double size = a ? a->area : -1.0;  // points before any area
                if (!best || size < best_area) best = &ep.place, best_area = size;
            }
            if (best) return best;
        }
        return nullptr;
    }

    static std::vector<FieldDef> event_fields() {
        return {{"event_id", FieldType::string},  {"type", FieldType::string},      {"date_start", FieldType::datetime},
                {"date_end", FieldType::datetime}, {"date_text", FieldType::string}, {"precision", FieldType::string},
                {"actors", FieldType::string},     {"sources", FieldType::string},   {"evidence", FieldType::string},
                {"confidence", FieldType::real},   {"status", FieldType::string}};
    }

    std::vector<FieldValue> event_values(const Event& e) {
        auto [start, end] = iso_datetimes(e.when);
        if (start.empty() && !e.when.first.empty())
            m_project.notes.push_back("event " + e.id + ": malformed date '" + e.when.first + "' left out");
        return {text(e.id),       text(to_string(e.type)), text(start),       text(end),
                text(e.when.iso), text(to_string(e.when.precision)),           text(join(e.actors)),
                text(join(e.sources)), text(e.evidence),   FieldValue{e.confidence}, text(to_string(e.status))};
    }

    Layer build_events() {
        Layer l{std::string(layer_events), GeometryType::point, event_fields(), {}};
        // event_id … confidence, status, with the location's fields after `actors`;
        // `inferred`: the places the text does not state, "id (role: rule)", so
        // that a map or a GIS user can draw them apart (EventPlace::inferred).
        l.fields.insert(l.fields.begin() + 7, {{"places", FieldType::string},
                                                {"place_id", FieldType::string},
                                                {"place_name", FieldType::string},
                                                {"location_kind", FieldType::string},
                                                {"inferred", FieldType::string}});
        for (const auto& e : m_in.events) {
            const Place* loc = location_of(e);
            if (!loc) {
                m_project.notes.push_back("event " + e.id + " (" + std::string(to_string(e.type)) +
                                          ") names no place: not on the events layer");
                continue;
            }
            std::vector<std::string> involved, inferred;
            for (const auto& ep : e.places) {
                involved.push_back(ep.place.id + " (" + std::string(to_string(ep.role)) + ")");
                if (ep.inferred)
                    inferred.push_back(ep.place.id + " (" + std::string(to_string(ep.role)) + ": " +
                                       (ep.origin_rule.empty() ? std::string("inferred") : ep.origin_rule) + ")");
                if (area_of(ep.place)) {
                    auto& ids = m_area_events[ep.place.id];
                    if (ids.empty() || ids.back() != e.id) ids.push_back(e.id);
                    if (std::find(m_area_order.begin(), m_area_order.end(), ep.place.id) == m_area_order.end())
                        m_area_order.push_back(ep.place.id);
                }
            }
            const Area* a = area_of(*loc);
            std::vector<FieldValue> v = event_values(e);
            v.insert(v.begin() + 7, {text(join(involved)), text(loc->id), text(loc->name), text(a ? "area" : "point"),
                                     text(join(inferred))});
            l.features.push_back({Geometry::point(a ? a->point : loc->point), std::move(v)});
        }
        return l;
    }

    /// The place an actor stands for (default rule: a country whose name or
    /// ISO code is the actor's text).
    std::optional<Place> actor_place(std::string_view actor) {
        if (m_in.actor_place) return m_in.actor_place(actor);
        const std::string key = ascii_lower(actor);
        for (const Place* p : m_places)
            if (p->kind == PlaceKind::country && (ascii_lower(p->name) == key || ascii_lower(p->country) == key ||
                                                  ascii_lower(p->id) == key))
                return *p;
        return std::nullopt;
    }

    Layer build_movements() {
        Layer l{std::string(layer_movements), GeometryType::multi_line_string, event_fields(), {}};
        for (const char* f : {"from_id", "from_name", "to_id", "to_name", "origin_rule"})
            l.fields.push_back({f, FieldType::string});
        l.fields.push_back({"distance_km", FieldType::real});

        for (const auto& e : m_in.events) {
            if (!is_movement_type(e.type)) continue;
            std::vector<const Place*> origins, destinations;
            for (const auto& ep : e.places) {
                if (ep.role == PlaceRole::origin) origins.push_back(&ep.place);
                if (ep.role == PlaceRole::destination) destinations.push_back(&ep.place);
            }
            if (destinations.empty() && e.type == EventType::support)
                for (const auto& ep : e.places)
                    if (ep.role == PlaceRole::location && (area_of(ep.place) || is_area_kind(ep.place.kind) ||
                                                           ep.place.composite))
                        destinations.push_back(&ep.place);
            if (destinations.empty()) continue;  // e.g. a withdrawal without destination: no movement

            // The origin is stated, or inferred by the reader (EventPlace::inferred,
            // with its rule); a support event with neither comes from the country
            // of its first actor. A withdrawal, redeployment or deployment never
            // starts in its actor's country unless the text says so.
            std::string rule = "stated";
            for (const auto& ep : e.places)
                if (ep.role == PlaceRole::origin && ep.inferred) rule = ep.origin_rule;
            std::optional<Place> actor_origin;
            if (origins.empty()) {
                if (e.type == EventType::support)
                    for (const auto& actor : e.actors)
                        if ((actor_origin = actor_place(actor))) break;
                if (!actor_origin) {
                    m_project.notes.push_back("event " + e.id + " (" + std::string(to_string(e.type)) +
                                              "): no origin" +
                                              (e.type == EventType::support ? " and no actor with a known country" : "") +
                                              ": no movement line");
                    continue;
                }
                check_point(*actor_origin);
                origins.push_back(&*actor_origin);
                rule = "actor_country";
            }
            for (const Place* from : origins)
                for (const Place* to : destinations) {
                    const LonLat a = point_of(*from), b = point_of(*to);
                    if (from->id == to->id || a == b) {
                        m_project.notes.push_back("event " + e.id + ": movement from " + from->id + " to " + to->id +
                                                  " starts where it ends: no line");
                        continue;
                    }
                    std::vector<FieldValue> v = event_values(e);
                    v.insert(v.end(), {text(from->id), text(from->name), text(to->id), text(to->name), text(rule),
                                       FieldValue{std::round(geodesic_inverse(a, b).distance_m) / 1000.0}});  // to the metre
                    l.features.push_back(
                        {detail::to_multi(geodesic_line(a, b, m_in.options.geodesic)), std::move(v)});
                }
        }
        return l;
    }

    Layer build_areas() {
        Layer l{std::string(layer_areas),
                GeometryType::multi_polygon,
                {{"place_id", FieldType::string},
                 {"name", FieldType::string},
                 {"kind", FieldType::string},
                 {"country", FieldType::string},
                 {"composite", FieldType::integer},
                 {"event_ids", FieldType::string},
                 {"n_events", FieldType::integer},
                 {"simplified_deg", FieldType::real},
                 {"made_valid", FieldType::integer}},
                {}};
        for (const auto& id : m_area_order) {
            const Place& p = *m_places[m_place_index.at(id)];
            const Area& a = *m_areas.at(id);
            const auto& ids = m_area_events[id];
            l.features.push_back({a.polygon,
                                  {text(p.id), text(p.name), text(to_string(p.kind)), text(p.country),
                                   integer(p.composite ? 1 : 0), text(join(ids)),
                                   integer(static_cast<std::int64_t>(ids.size())),
                                   FieldValue{m_in.options.simplify_tolerance_deg}, integer(a.made_valid ? 1 : 0)}});
        }
        return l;
    }

    Layer build_borders() {
        Layer l{std::string(layer_borders),
                GeometryType::multi_line_string,
                {{"place_id", FieldType::string},
                 {"name", FieldType::string},
                 {"label", FieldType::string},
                 {"event_ids", FieldType::string}},
                {}};
        for (const Place* p : m_places) {
            if (p->kind != PlaceKind::border) continue;
            if (p->geometry.empty()) {
                m_project.notes.push_back("border " + p->id + " (" + p->name + ") has no line: drawn as a point only");
                continue;
            }
            Geometry g;
            try {
                g = detail::to_multi(Geometry::from_geojson(p->geometry));
            } catch (const GeometryError& e) {
                throw GeometryError("line of border " + p->id + " (" + p->name + "): " + e.what());
            }
            if (g.type_name() != "MultiLineString" || g.empty()) {
                m_project.notes.push_back("border " + p->id + " (" + p->name + "): its geometry is a " + g.type_name() +
                                          ", not a line; drawn as a point only");
                continue;
            }
            std::vector<std::string> ids;
            for (const auto& e : m_in.events)
                if (std::any_of(e.places.begin(), e.places.end(), [&](const EventPlace& ep) { return ep.place.id == p->id; }))
                    ids.push_back(e.id);
            l.features.push_back({std::move(g), {text(p->id), text(p->name), text(p->label.empty() ? p->name : p->label),
                                                 text(join(ids))}});
        }
        return l;
    }

    Layer build_places() {
        Layer l{std::string(layer_places),
                GeometryType::point,
                {{"place_id", FieldType::string},
                 {"name", FieldType::string},
                 {"kind", FieldType::string},
                 {"country", FieldType::string},
                 {"admin1", FieldType::string},
                 {"population", FieldType::integer},
                 {"composite", FieldType::integer},
                 {"mentions", FieldType::integer},
                 {"articles", FieldType::string},
                 {"role_location", FieldType::integer},
                 {"role_actor", FieldType::integer},
                 {"label", FieldType::string},
                 {"label_fr", FieldType::string},
                 {"label_en", FieldType::string},
                 {"approximate", FieldType::integer},
                 {"uncertainty_km", FieldType::real}},
                {}};
        for (const Place* p : m_places) {
            const auto it = m_summaries.find(p->id);
            const MentionSummary* s = it == m_summaries.end() ? nullptr : it->second;
            auto count = [](std::size_t n) { return integer(static_cast<std::int64_t>(n)); };
            l.features.push_back({Geometry::point(p->point),
                                  {text(p->id), text(p->name), text(to_string(p->kind)), text(p->country),
                                   text(p->admin1), integer(p->population), integer(p->composite ? 1 : 0),
                                   count(s ? s->mentions : 0), text(s ? join(s->articles) : std::string()),
                                   count(s ? s->as_location : 0), count(s ? s->as_actor : 0),
                                   text(p->label.empty() ? p->name : p->label), text(s ? s->label_fr : std::string()),
                                   text(s ? s->label_en : std::string()), integer(p->approximate ? 1 : 0),
                                   FieldValue{p->uncertainty_km}}});
        }
        return l;
    }

    Layer build_metadata() {
        Layer l{std::string(layer_metadata), GeometryType::none, {{"key", FieldType::string}, {"value", FieldType::string}}, {}};
        const auto& md = m_in.metadata;
        std::vector<std::string> sources = md.sources;
        if (sources.empty()) {
            std::set<std::string> seen;
            for (const auto& e : m_in.events)
                for (const auto& s : e.sources)
                    if (seen.insert(s).second) sources.push_back(s);
        }
        auto num = [](double d) { return to_text(FieldValue{d}); };
        auto row = [&](std::string_view key, std::string_view value) {
            l.features.push_back({Geometry(), {text(key), text(value)}});
        };
        row("sources", join(sources));
        row("reference_date", md.reference_date);
        row("toolkit_version", md.toolkit_version);
        row("data_credits", md.data_credits);
        row("crs", "EPSG:4326 (WGS 84, longitude/latitude degrees)");
        row("simplify_tolerance_deg", num(m_in.options.simplify_tolerance_deg));
        row("geodesic_max_segment_km", num(m_in.options.geodesic.max_segment_km));
        row("geodesic_min_segments", std::to_string(m_in.options.geodesic.min_segments));
        row("schema_version", "1");
        for (const auto& [k, v] : md.extra) row(k, v);
        return l;
    }

    const LayerInput& m_in;
    Project m_project;
    std::vector<const Place*> m_places;
    std::map<std::string, std::size_t, std::less<>> m_place_index;
    std::map<std::string, const MentionSummary*, std::less<>> m_summaries;
    std::map<std::string, std::optional<Area>, std::less<>> m_areas;
    std::map<std::string, std::vector<std::string>, std::less<>> m_area_events;
    std::vector<std::string> m_area_order;
};

} // namespace

std::pair<std::string, std::string> iso_datetimes(const TimeSpan& span) {
    if (!valid_day(span.first)) return {};
    const std::string last = valid_day(span.last) ? span.last : span.first;
    const std::string time = clock(span.time);
    std::string start = span.first + "T" + (time.empty() ? "00:00:00" : time) + "Z";
    std::string end = (!time.empty() && last == span.first) ? start : last + "T23:59:59Z";
    return {std::move(start), std::move(end)};
}

PolygonSource polygons_from_map(std::map<std::string, std::vector<std::uint8_t>, std::less<>> wkb_by_place_id) {
    return [m = std::move(wkb_by_place_id)](const Place& p) {
        const auto it = m.find(p.id);
        return it == m.end() ? std::vector<std::uint8_t>{} : it->second;
    };
}

Project build_layers(const LayerInput& input) { return Builder(input).build(); }

} // namespace geoevents::geo
