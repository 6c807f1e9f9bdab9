// The document contract's JSON (shared/contracts/document.md) and a text summary.
#include <algorithm>
#include <charconv>
#include <optional>
#include <cmath>
#include <map>
#include <sstream>

#include "geoevents/news/news.hpp"

namespace geoevents::news {

namespace {

/// A small JSON writer for the contract's fixed shape: faster than building
/// a DOM, and the output is the same for one line (JSON Lines) or indented.
class Json {
public:
    Json(std::string& out, int indent) : m_out(out), m_indent(indent) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    void key(std::string_view k) {
        comma();
        string(k);
        m_out += m_indent >= 0 ? ": " : ":";
        m_after_key = true;
    }
    void value(std::string_view v) {
        comma();
        string(v);
    }
    void value(const char* v) { value(std::string_view(v)); }
    void value(bool v) {
        comma();
        m_out += v ? "true" : "false";
    }
    void value(std::size_t v) {
        comma();
        m_out += std::to_string(v);
    }
    void value(double v, int decimals) {
        comma();
        if (!std::isfinite(v)) {
            m_out += "null";
            return;
        }
        const double f = std::pow(10.0, decimals);
        const double r = std::round(v * f) / f;
        char buf[64];
        const auto res = std::to_chars(buf, buf + sizeof buf, r == 0 ? 0.0 : r);
        m_out.append(buf, res.ptr);
    }
    void null() {
        comma();
        m_out += "null";
    }
    /// A value already written as JSON (a GeoJSON geometry), on one line.
    void raw(std::string_view json) {
        comma();
        m_out += json;
    }

private:
    void open(char c) {
        comma();
        m_out.push_back(c);
        m_first.push_back(true);
    }
    void close(char c) {
        const bool empty = m_first.back();
        m_first.pop_back();
        if (!empty) newline();
        m_out.push_back(c);
    }
    /// Before a value: a comma unless first, then the line break and indent.
    void comma() {
        if (m_after_key) {
            m_after_key = false;
            return;
        }
        if (m_first.empty()) return;
        if (!m_first.back()) m_out.push_back(',');
        m_first.back() = false;
        newline();
    }
    void newline() {
        if (m_indent < 0) return;
        m_out.push_back('\n');
        m_out.append(m_first.size() * static_cast<std::size_t>(m_indent), ' ');
    }
    void string(std::string_view s) {
        m_out.push_back('"');
        // Runs of bytes that need no escape (nearly all) are appended whole.
        auto plain = [](unsigned char c) { return c >= 0x20 && c != '"' && c != '\\'; };
        std::size_t i = 0;
        while (i < s.size()) {
            std::size_t j = i;
            while (j < s.size() && plain(static_cast<unsigned char>(s[j]))) ++j;
            m_out.append(s.data() + i, j - i);
            if (j == s.size()) break;
            escape(static_cast<unsigned char>(s[j]));
            i = j + 1;
        }
        m_out.push_back('"');
    }
    void escape(unsigned char c) {
        {
            switch (c) {
            case '"': m_out += "\\\""; break;
            case '\\': m_out += "\\\\"; break;
            case '\n': m_out += "\\n"; break;
            case '\r': m_out += "\\r"; break;
            case '\t': m_out += "\\t"; break;
            default:
                if (c < 0x20) {
                    static const char* hex = "0123456789abcdef";
                    m_out += "\\u00";
                    m_out.push_back(hex[c >> 4]);
                    m_out.push_back(hex[c & 15]);
                }
            }
        }
    }

    std::string& m_out;
    int m_indent;
    std::vector<bool> m_first;  ///< per open container: nothing written in it yet
    bool m_after_key = false;
};

void place_json(Json& j, const geo::Place& p, std::optional<geo::PlaceRole> role = std::nullopt,
                const geo::EventPlace* ep = nullptr) {
    j.begin_object();
    j.key("id");
    j.value(p.id);
    j.key("name");
    j.value(p.name);
    if (!p.label.empty()) {
        j.key("label");
        j.value(p.label);
    }
    j.key("kind");
    j.value(geo::to_string(p.kind));
    if (!p.country.empty()) {
        j.key("country");
        j.value(p.country);
    }
    j.key("lat");
    j.value(p.point.lat, 5);
    j.key("lon");
    j.value(p.point.lon, 5);
    if (p.approximate) {
        j.key("approximate");
        j.value(true);
        j.key("uncertainty_km");
        j.value(p.uncertainty_km, 0);
    }
    if (!p.geometry.empty()) {
        j.key("geometry");
        j.raw(p.geometry);
    }
    if (role) {
        j.key("role");
        j.value(geo::to_string(*role));
    }
    if (ep && ep->inferred) {
        j.key("inferred");
        j.value(true);
        j.key("origin_rule");
        j.value(ep->origin_rule);
    }
    j.end_object();
}

void document_json(Json& j, const Document& d) {
    j.begin_object();
    j.key("source");
    j.value(d.source);
    j.key("language");
    j.value(d.language);
    j.key("date");
    if (d.date.known()) j.value(d.date.iso());
    else j.null();
    if (d.date_year_guessed) {  // an extension of the contract (README, "Dates")
        j.key("date_year_guessed");
        j.value(true);
    }
    j.key("toponyms");
    j.begin_array();
    for (const Toponym& t : d.toponyms) {
        j.begin_object();
        j.key("text");
        j.value(t.text);
        j.key("start");
        j.value(t.start);
        j.key("end");
        j.value(t.end);
        j.key("place");
        if (t.place) place_json(j, *t.place);
        else j.null();
        j.key("role");
        if (t.role == Role::none) j.null();
        else j.value(to_string(t.role));
        j.key("demonym");
        j.value(t.demonym);
        j.key("confidence");
        j.value(t.confidence, 3);
        j.end_object();
    }
    j.end_array();
    j.key("events");
    j.begin_array();
    for (const geo::Event& e : d.events) {
        j.begin_object();
        j.key("id");
        j.value(e.id);
        j.key("type");
        j.value(geo::to_string(e.type));
        j.key("status");
        j.value(geo::to_string(e.status));
        j.key("date");
        if (e.when.known()) j.value(e.when.iso);
        else j.null();
        j.key("date_precision");
        j.value(geo::to_string(e.when.known() ? e.when.precision : geo::DatePrecision::unknown));
        if (e.year_guessed && e.when.known()) {
            j.key("date_year_guessed");
            j.value(true);
        }
        j.key("actors");
        j.begin_array();
        for (const auto& a : e.actors) j.value(a);
        j.end_array();
        j.key("places");
        j.begin_array();
        for (const auto& p : e.places) place_json(j, p.place, p.role, &p);
        j.end_array();
        j.key("evidence");
        j.begin_object();
        j.key("start");
        j.value(e.evidence_start);
        j.key("end");
        j.value(e.evidence_end);
        j.end_object();
        j.key("sources");
        j.begin_array();
        for (const auto& s : e.sources) j.value(s);
        j.end_array();
        j.key("confidence");
        j.value(e.confidence, 3);
        j.end_object();
    }
    j.end_array();
    if (!d.warnings.empty()) {
        j.key("warnings");
        j.begin_array();
        for (const auto& w : d.warnings) j.value(w);
        j.end_array();
    }
    j.end_object();
}

} // namespace

std::string to_json(const Document& document, int indent) {
    std::string out;
    out.reserve(256 + document.toponyms.size() * 220 + document.events.size() * 600);
    Json j(out, indent);
    document_json(j, document);
    return out;
}

std::string to_json(const std::vector<Document>& documents, int indent) {
    std::string out;
    Json j(out, indent);
    j.begin_array();
    for (const auto& d : documents) document_json(j, d);
    j.end_array();
    return out;
}

std::string to_text(const Document& d) {
    std::ostringstream out;
    out << d.source << " — " << (d.language == "fr" ? "French" : "English") << ", dated "
        << (d.date.known() ? d.date.iso() : std::string("(unknown)")) << "\n";
    // Places by number of mentions.
    struct Row {
        std::string name, kind, country;
        std::size_t mentions = 0, actor = 0, demonym = 0;
        std::size_t first = 0;
    };
    std::map<std::string, Row> rows;
    std::size_t unresolved = 0;
    for (const Toponym& t : d.toponyms) {
        if (!t.place) {
            ++unresolved;
            continue;
        }
        Row& r = rows[t.place->id];
        if (r.mentions == 0 && r.demonym == 0) {
            r.name = t.place->name;
            r.kind = std::string(geo::to_string(t.place->kind));
            r.country = t.place->country;
            r.first = t.start;
        }
        if (t.demonym) ++r.demonym;
        else ++r.mentions;
        if (t.role == Role::actor) ++r.actor;
    }
    std::vector<Row> sorted;
    sorted.reserve(rows.size());
    for (auto& [id, r] : rows) sorted.push_back(r);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Row& a, const Row& b) {
        const auto na = a.mentions + a.demonym, nb = b.mentions + b.demonym;
        return na != nb ? na > nb : a.first < b.first;
    });
    out << "\nPlaces (" << sorted.size() << "):\n";
    for (const Row& r : sorted) {
        out << "  " << r.name << " (" << r.kind;
        if (!r.country.empty() && r.kind != "country") out << ", " << r.country;
        out << ")";
        if (r.mentions) out << "  named " << r.mentions << "×";
        if (r.demonym) out << "  demonym " << r.demonym << "×";
        if (r.actor) out << "  as actor " << r.actor << "×";
        out << "\n";
    }
    if (unresolved) out << "  (" << unresolved << " place name(s) not resolved)\n";
    out << "\nEvents (" << d.events.size() << "):\n";
    for (const geo::Event& e : d.events) {
        out << "  " << e.id << "  " << geo::to_string(e.type);
        if (e.status != geo::EventStatus::happened) out << " (" << geo::to_string(e.status) << ")";
        out << "  " << (e.when.known() ? e.when.iso : "date unknown");
        std::string where;
        for (const auto& p : e.places) {
            if (!where.empty()) where += ", ";
            where += p.place.name;
            if (p.role != geo::PlaceRole::location) where += " (" + std::string(geo::to_string(p.role)) + ")";
        }
        if (!where.empty()) out << "  at " << where;
        if (!e.actors.empty()) {
            out << "  by ";
            for (std::size_t i = 0; i < e.actors.size(); ++i) out << (i ? ", " : "") << e.actors[i];
        }
        if (e.sources.size() > 1) out << "  [" << e.sources.size() << " sources]";
        out << "\n";
        if (!e.evidence.empty()) out << "      \"" << e.evidence << "\"\n";
    }
    for (const auto& w : d.warnings) out << "warning: " << w << "\n";
    return out.str();
}

} // namespace geoevents::news
