#include "geoevents/news/corrections.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/gazetteer/normalize.hpp"
#include "geoevents/geo/csv.hpp"
#include "geoevents/geo/error.hpp"
#include "geoevents/geo/geometry.hpp"
#include "places/places.hpp"

namespace geoevents::news {

namespace {

using json = nlohmann::json;
using Action = Correction::Action;

std::optional<Action> action_from(std::string_view s) {
    if (s == "pin") return Action::pin;
    if (s == "drop") return Action::drop;
    if (s == "add_event") return Action::add_event;
    if (s == "change_event") return Action::change_event;
    if (s == "drop_event") return Action::drop_event;
    return std::nullopt;
}

/// 1-based line of each element of the first JSON array that holds objects
/// (the root array, or the array under "corrections"): nlohmann's DOM keeps
/// no positions, and a person fixing the file needs the line.
std::vector<std::size_t> element_lines(std::string_view text) {
    std::vector<std::size_t> lines;
    std::size_t line = 1;
    int depth = 0, array_depth = -1;
    bool in_string = false, escape = false;
    for (char c : text) {
        if (c == '\n') ++line;
        if (in_string) {
            if (escape) escape = false;
            else if (c == '\\') escape = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '[') {
            ++depth;
            if (array_depth < 0) array_depth = depth;
        } else if (c == '{') {
            if (depth == array_depth) lines.push_back(line);
            ++depth;
        } else if (c == ']' || c == '}') {
            if (c == ']' && depth == array_depth) break;
            --depth;
        }
    }
    return lines;
}

std::size_t line_of_byte(std::string_view text, std::size_t byte) {
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(std::min(byte, text.size())), '\n'));
}

std::string slug(std::string_view name) {
    std::string s = gazetteer::normalize(name);
    std::replace(s.begin(), s.end(), ' ', '-');
    return s;
}

/// Builds the Correction of one record: JSON object or CSV row, both seen as a field getter.
class RecordReader {
public:
    RecordReader(const std::string& file, std::size_t line, const gazetteer::Gazetteer& gz) : m_file(file), m_line(line), m_gz(gz) {}

    [[noreturn]] void fail(const std::string& message) const { throw ParseError(m_file, m_line, 0, message); }

    geo::Place place_by_id(const std::string& id) const {
        if (id.starts_with("border:")) return border_by_id(id);
        const auto p = m_gz.find_id(id);
        if (!p) fail("unknown place id '" + id + "' (see `geoevents gazetteer lookup NAME` for ids)");
        return m_gz.place(*p).to_place();
    }

    /// "border:ML-NE": the border of two countries, made as the reader makes
    /// it (its line from the gazetteer's outlines).
    geo::Place border_by_id(const std::string& id) const {
        const auto country = [&](std::size_t at) { return m_gz.find_id("ne:" + id.substr(at, 2)); };
        if (id.size() != 12 || id[9] != '-' || !country(7) || !country(10))
            fail("unknown border id '" + id + "' (expected border:CC-CC, two ISO 3166-1 alpha-2 country codes)");
        auto p = detail::border_between(m_gz.place(*country(7)), m_gz.place(*country(10)));
        if (!p) fail("'" + id + "': these two countries share no border");
        return std::move(*p);
    }

    geo::Place place_at(double lat, double lon, const std::string& label, const std::string& kind, const std::string& country) const {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180))
            fail("impossible coordinates " + std::to_string(lat) + ", " + std::to_string(lon));
        if (label.empty()) fail("a place given by coordinates needs a name");
        geo::Place p;
        p.id = "user:" + slug(label);
        p.name = label;
        p.point = {lon, lat};
        p.kind = geo::PlaceKind::other;
        if (!kind.empty()) {
            auto k = geo::place_kind_from_string(kind);
            if (!k) fail("unknown kind '" + kind + "'");
            p.kind = *k;
        }
        if (!country.empty() && country.size() != 2) fail("country must be an ISO 3166-1 alpha-2 code, not '" + country + "'");
        p.country = country;
        return p;
    }

    geo::TimeSpan date(const std::string& text) const {
        auto span = geo::time_span_from_iso(text);
        if (!span) fail("invalid date '" + text + "' (expected YYYY, YYYY-MM, YYYY-MM-DD or A/B)");
        return *span;
    }

    geo::EventType type(const std::string& text) const {
        auto t = geo::event_type_from_string(text);
        if (!t) fail("unknown event type '" + text + "'");
        return *t;
    }

    geo::PlaceRole role(const std::string& text) const {
        if (text.empty()) return geo::PlaceRole::location;
        auto r = geo::place_role_from_string(text);
        if (!r) fail("unknown place role '" + text + "' (origin, destination or location)");
        return *r;
    }

    std::size_t offset(const std::string& text) const {
        std::size_t v = 0;
        auto r = std::from_chars(text.data(), text.data() + text.size(), v);
        if (r.ec != std::errc() || r.ptr != text.data() + text.size()) fail("invalid byte offset '" + text + "'");
        return v;
    }

    /// Checks what each action needs.
    void validate(const Correction& c) const {
        switch (c.action) {
        case Action::pin:
            if (c.name.empty()) fail("pin needs the name of the mentions to pin");
            if (!c.place) fail("pin needs a place id or coordinates");
            break;
        case Action::drop:
            if (c.name.empty()) fail("drop needs the name of the mentions to drop");
            break;
        case Action::add_event:
            if (!c.type) fail("add_event needs a type");
            if (!c.places || c.places->empty()) fail("add_event needs at least one place");
            break;
        case Action::change_event:
            if (!c.match_type && c.match_place.empty() && !c.match_date) fail("change_event needs a match (type, place or date)");
            if (!c.type && !c.date && !c.actors && !c.places) fail("change_event changes nothing");
            break;
        case Action::drop_event:
            if (!c.match_type && c.match_place.empty() && !c.match_date) fail("drop_event needs a match (type, place or date)");
            break;
        }
    }

private:
    const std::string& m_file;
    std::size_t m_line;
    const gazetteer::Gazetteer& m_gz;
};

std::string text_field(const json& o, const char* key, const RecordReader& r) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    r.fail(std::string("field '") + key + "' must be text");
}

geo::Place json_place(const json& v, const RecordReader& r) {
    if (v.is_string()) return r.place_by_id(v.get<std::string>());
    if (!v.is_object()) r.fail("a place is an id (\"ne:ML\") or an object {\"lat\", \"lon\", \"name\"}");
    if (v.contains("id")) return r.place_by_id(text_field(v, "id", r));
    if (!v.contains("lat") || !v.contains("lon") || !v["lat"].is_number() || !v["lon"].is_number())
        r.fail("a place object needs numeric lat and lon (or an id)");
    geo::Place p = r.place_at(v["lat"].get<double>(), v["lon"].get<double>(), text_field(v, "name", r),
                              text_field(v, "kind", r), text_field(v, "country", r));
    if (const auto g = v.find("geometry"); g != v.end() && !g->is_null()) {
        // A line or an area drawn by the person (the document contract's
        // `geometry`, as `parse` prints it for a border): kept as written.
        if (!g->is_object()) r.fail("a place's geometry must be a GeoJSON geometry object");
        p.geometry = g->dump();
        try {
            (void)geo::Geometry::from_geojson(p.geometry);
        } catch (const GeometryError& e) {
            r.fail(std::string("place geometry: ") + e.what());
        }
    }
    return p;
}

std::vector<std::string> string_list(const json& v, const RecordReader& r) {
    std::vector<std::string> out;
    if (v.is_string()) return {v.get<std::string>()};
    if (!v.is_array()) r.fail("expected a list of strings");
    for (const auto& s : v) {
        if (!s.is_string()) r.fail("expected a list of strings");
        out.push_back(s.get<std::string>());
    }
    return out;
}

Correction from_json(const json& o, const RecordReader& r) {
    if (!o.is_object()) r.fail("each correction is a JSON object");
    Correction c;
    const auto action = action_from(text_field(o, "action", r));
    if (!action) r.fail("unknown or missing action '" + text_field(o, "action", r) + "' (pin, drop, add_event, change_event, drop_event)");
    c.action = *action;
    c.name = text_field(o, "name", r);
    c.article = text_field(o, "article", r);
    if (o.contains("start")) c.start = r.offset(text_field(o, "start", r));
    if (o.contains("place")) {
        if (c.action == Action::pin) c.place = json_place(o["place"], r);
        else c.places = std::vector<geo::EventPlace>{{json_place(o["place"], r), r.role(text_field(o, "role", r))}};
    }
    if (o.contains("places")) {
        if (!o["places"].is_array()) r.fail("places must be a list");
        std::vector<geo::EventPlace> ps;
        for (const auto& p : o["places"]) {
            if (p.is_object() && p.contains("place")) ps.emplace_back(json_place(p["place"], r), r.role(text_field(p, "role", r)));
            else ps.emplace_back(json_place(p, r), geo::PlaceRole::location);
        }
        c.places = std::move(ps);
    }
    if (o.contains("type")) c.type = r.type(text_field(o, "type", r));
    if (o.contains("date")) c.date = r.date(text_field(o, "date", r));
    if (o.contains("actors")) c.actors = string_list(o["actors"], r);
    c.note = text_field(o, "note", r);
    if (o.contains("match")) {
        const auto& m = o["match"];
        if (!m.is_object()) r.fail("match must be an object {type, place, date}");
        if (m.contains("type")) c.match_type = r.type(text_field(m, "type", r));
        c.match_place = text_field(m, "place", r);
        if (m.contains("date")) c.match_date = r.date(text_field(m, "date", r));
    }
    r.validate(c);
    return c;
}

double csv_number(const std::string& s, const char* what, const RecordReader& r) {
    double v = 0;
    auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    if (res.ec != std::errc() || res.ptr != s.data() + s.size()) r.fail(std::string("invalid ") + what + " '" + s + "'");
    return v;
}

Correction from_csv(const geo::CsvTable& t, const geo::CsvRow& row, const RecordReader& r) {
    auto get = [&](const char* col) { return t.get(row, col); };
    Correction c;
    const auto action = action_from(get("action"));
    if (!action) r.fail("unknown action '" + get("action") + "' (pin, drop, add_event, change_event, drop_event)");
    c.action = *action;
    c.name = get("name");
    c.article = get("article");
    if (!get("start").empty()) c.start = r.offset(get("start"));
    std::optional<geo::Place> place;
    if (!get("place").empty()) place = r.place_by_id(get("place"));
    else if (!get("lat").empty() || !get("lon").empty())
        place = r.place_at(csv_number(get("lat"), "lat", r), csv_number(get("lon"), "lon", r),
                           get("label").empty() ? c.name : get("label"), get("kind"), get("country"));
    if (place) {
        if (c.action == Action::pin) c.place = place;
        else c.places = std::vector<geo::EventPlace>{{*place, r.role(get("role"))}};
    }
    if (!get("type").empty()) c.type = r.type(get("type"));
    if (!get("date").empty()) c.date = r.date(get("date"));
    if (!get("actors").empty()) {
        std::vector<std::string> actors;
        std::stringstream ss(get("actors"));
        for (std::string a; std::getline(ss, a, ';');)
            if (!a.empty()) actors.push_back(a);
        c.actors = std::move(actors);
    }
    if (!get("match_type").empty()) c.match_type = r.type(get("match_type"));
    c.match_place = get("match_place");
    if (!get("match_date").empty()) c.match_date = r.date(get("match_date"));
    c.note = get("note");
    r.validate(c);
    return c;
}

bool article_matches(const std::string& wanted, const std::string& source) {
    return wanted.empty() || wanted == source || std::filesystem::path(source).filename() == wanted;
}

bool overlaps(const geo::TimeSpan& a, const geo::TimeSpan& b) {
    return !a.first.empty() && !b.first.empty() && a.first <= b.last && b.first <= a.last;
}

bool event_matches(const Correction& c, const geo::Event& e) {
    if (c.match_type && e.type != *c.match_type) return false;
    if (!c.match_place.empty() &&
        std::none_of(e.places.begin(), e.places.end(), [&](const geo::EventPlace& p) { return p.place.id == c.match_place; }))
        return false;
    if (c.match_date && !overlaps(*c.match_date, e.when)) return false;
    return true;
}

std::string where(const std::string& file, const Correction& c) { return file + ":" + std::to_string(c.line) + ": "; }

} // namespace

Corrections Corrections::load(const std::filesystem::path& path, const gazetteer::Gazetteer& gz) {
    Corrections out;
    out.m_file = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(out.m_file + ": cannot read the corrections file");
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    if (path.extension() == ".json") {
        json doc;
        try {
            doc = json::parse(text);
        } catch (const json::parse_error& e) {
            const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
            throw ParseError(out.m_file, line_of_byte(text, at), 0, "invalid JSON: " + std::string(e.what()));
        } catch (const json::exception& e) {  // e.g. a number too large for a double (found by fuzzing)
            throw ParseError(out.m_file, 0, 0, "invalid JSON: " + std::string(e.what()));
        }
        const json* list = &doc;
        if (doc.is_object()) {
            if (!doc.contains("corrections")) throw ParseError(out.m_file, 1, 0, "expected an array, or an object with \"corrections\"");
            list = &doc["corrections"];
        }
        if (!list->is_array()) throw ParseError(out.m_file, 1, 0, "\"corrections\" must be an array");
        const auto lines = element_lines(text);
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::size_t line = i < lines.size() ? lines[i] : 1;
            Correction c = from_json((*list)[i], RecordReader(out.m_file, line, gz));
            c.line = line;
            out.m_items.push_back(std::move(c));
        }
    } else {
        const auto table = geo::CsvTable::read(out.m_file, {"action"});
        for (const auto& row : table.rows) {
            Correction c = from_csv(table, row, RecordReader(out.m_file, row.line, gz));
            c.line = row.line;
            out.m_items.push_back(std::move(c));
        }
    }
    return out;
}

std::vector<std::string> Corrections::apply_to_documents(std::vector<Document>& documents) const {
    std::vector<std::string> notes;
    for (const auto& c : m_items) {
        if (c.action != Action::pin && c.action != Action::drop) continue;
        const std::string key = gazetteer::normalize(c.name);
        std::size_t matched = 0;
        for (auto& doc : documents) {
            if (!article_matches(c.article, doc.source)) continue;
            for (std::size_t i = 0; i < doc.toponyms.size();) {
                Toponym& t = doc.toponyms[i];
                if (gazetteer::normalize(t.text) != key || (c.start && *c.start != t.start)) {
                    ++i;
                    continue;
                }
                ++matched;
                const std::string old_id = t.place ? t.place->id : std::string();
                const std::size_t at = t.start;
                if (c.action == Action::pin) {
                    t.place = c.place;
                    t.confidence = 1.0;
                    ++i;
                } else {
                    doc.toponyms.erase(doc.toponyms.begin() + static_cast<std::ptrdiff_t>(i));
                }
                if (old_id.empty()) continue;
                // Events read from the sentence holding this mention follow the correction.
                for (auto& e : doc.events) {
                    if (at < e.evidence_start || at >= e.evidence_end) continue;
                    for (auto it = e.places.begin(); it != e.places.end();) {
                        if (it->place.id != old_id) {
                            ++it;
                        } else if (c.action == Action::pin) {
                            it->place = *c.place;
                            ++it;
                        } else {
                            it = e.places.erase(it);
                        }
                    }
                }
            }
        }
        if (matched == 0)
            notes.push_back(where(m_file, c) + "no mention named '" + c.name + "'" + (c.article.empty() ? "" : " in " + c.article));
    }
    return notes;
}

std::vector<std::string> Corrections::apply_to_events(std::vector<geo::Event>& events) const {
    std::vector<std::string> notes;
    for (const auto& c : m_items) {
        switch (c.action) {
        case Action::add_event: {
            geo::Event e;
            e.id = "c" + std::to_string(c.line);
            e.type = *c.type;
            if (c.date) e.when = *c.date;
            if (c.actors) e.actors = *c.actors;
            e.places = *c.places;
            e.evidence = c.note.empty() ? "added by a correction" : c.note;
            e.sources = {m_file + ":" + std::to_string(c.line)};
            e.confidence = 1.0;
            events.push_back(std::move(e));
            break;
        }
        case Action::change_event: {
            std::size_t n = 0;
            for (auto& e : events) {
                if (!event_matches(c, e)) continue;
                ++n;
                if (c.type) e.type = *c.type;
                if (c.date) e.when = *c.date;
                if (c.actors) e.actors = *c.actors;
                if (c.places) e.places = *c.places;
                e.confidence = 1.0;
            }
            if (n == 0) notes.push_back(where(m_file, c) + "change_event matched no event");
            break;
        }
        case Action::drop_event: {
            const auto before = events.size();
            std::erase_if(events, [&](const geo::Event& e) { return event_matches(c, e); });
            if (events.size() == before) notes.push_back(where(m_file, c) + "drop_event matched no event");
            break;
        }
        default:
            break;
        }
    }
    return notes;
}

} // namespace geoevents::news
