#include "geoevents/render/style.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace geoevents::render {

extern const char* const default_style_json;  // generated from samples/style.json

namespace {

using json = nlohmann::json;

// Reads one style document onto a base style. Every key is checked: an
// unknown key or a value of the wrong kind is an error naming its path
// ("areas.origin.fill.pattern"), so a typo never passes silently. Keys
// starting with "//" are comments.
class Reader {
public:
    explicit Reader(std::string name) : m_name(std::move(name)) {}

    [[noreturn]] void fail(const std::string& path, const std::string& what) const {
        throw StyleError(m_name + ": style key '" + path + "': " + what);
    }

    Color color(const json& v, const std::string& path) const {
        if (!v.is_string()) fail(path, "expected a colour \"#rrggbb\" or \"#rrggbbaa\"");
        const auto c = parse_color(v.get<std::string>());
        if (!c) fail(path, "'" + v.get<std::string>() + "' is not a colour \"#rrggbb\" or \"#rrggbbaa\"");
        return *c;
    }
    double number(const json& v, const std::string& path, double min, double max) const {
        if (!v.is_number()) fail(path, "expected a number");
        const double d = v.get<double>();
        if (!(d >= min && d <= max)) fail(path, "must be between " + fmt(min) + " and " + fmt(max));
        return d;
    }
    bool boolean(const json& v, const std::string& path) const {
        if (!v.is_boolean()) fail(path, "expected true or false");
        return v.get<bool>();
    }
    std::vector<double> dash(const json& v, const std::string& path) const {
        if (!v.is_array()) fail(path, "expected an array of on/off lengths in px");
        std::vector<double> out;
        for (std::size_t i = 0; i < v.size(); ++i) out.push_back(number(v[i], path + "[" + std::to_string(i) + "]", 0.1, 1000));
        return out;
    }

    // Calls f(key, value, path) for each key of an object, after checking the key is allowed.
    template <class F>
    void object(const json& v, const std::string& path, std::initializer_list<std::string_view> keys, F&& f) const {
        if (!v.is_object()) fail(path, "expected an object");
        for (const auto& [key, value] : v.items()) {
            if (key.starts_with("//")) continue;
            const std::string p = path.empty() ? key : std::string(path).append(".").append(key);
            if (keys.size() && std::find(keys.begin(), keys.end(), key) == keys.end()) fail(p, "unknown key");
            f(key, value, p);
        }
    }

    void stroke(const json& v, const std::string& path, Stroke& s) const {
        object(v, path, {"color", "width", "dash"}, [&](const std::string& k, const json& x, const std::string& p) {
            if (k == "color") s.color = color(x, p);
            else if (k == "width") s.width = number(x, p, 0, 100);
            else s.dash = dash(x, p);
        });
    }
    void fill(const json& v, const std::string& path, Fill& f) const {
        object(v, path, {"color", "pattern", "pattern_color", "spacing"}, [&](const std::string& k, const json& x, const std::string& p) {
            if (k == "color") f.color = color(x, p);
            else if (k == "pattern_color") f.pattern_color = color(x, p);
            else if (k == "spacing") f.spacing = number(x, p, 1, 200);
            else {
                static const std::pair<std::string_view, Pattern> names[] = {
                    {"none", Pattern::none}, {"solid", Pattern::solid}, {"hatch", Pattern::hatch},
                    {"cross_hatch", Pattern::cross_hatch}, {"dots", Pattern::dots}};
                f.pattern = lookup(names, x, p, "none, solid, hatch, cross_hatch or dots");
            }
        });
    }
    void font(const json& v, const std::string& path, Font& f) const {
        object(v, path, {"family", "size", "bold", "italic"}, [&](const std::string& k, const json& x, const std::string& p) {
            if (k == "family") {
                if (!x.is_string() || x.get<std::string>().empty()) fail(p, "expected a font family name");
                f.family = x.get<std::string>();
            } else if (k == "size") f.size = number(x, p, 4, 200);
            else if (k == "bold") f.bold = boolean(x, p);
            else f.italic = boolean(x, p);
        });
    }
    void text(const json& v, const std::string& path, TextStyle& t) const {
        object(v, path, {"font", "color"}, [&](const std::string& k, const json& x, const std::string& p) {
            if (k == "font") font(x, p, t.font);
            else t.color = color(x, p);
        });
    }
    void marker(const json& v, const std::string& path, MarkerStyle& m) const {
        object(v, path, {"shape", "color"}, [&](const std::string& k, const json& x, const std::string& p) {
            if (k == "color") m.color = color(x, p);
            else {
                static const std::pair<std::string_view, MarkerShape> names[] = {
                    {"circle", MarkerShape::circle}, {"square", MarkerShape::square}, {"triangle", MarkerShape::triangle},
                    {"diamond", MarkerShape::diamond}, {"star", MarkerShape::star}, {"cross", MarkerShape::cross}};
                m.shape = lookup(names, x, p, "circle, square, triangle, diamond, star or cross");
            }
        });
    }

    void style(const json& v, Style& s) const {
        object(v, "", {}, [&](const std::string& k, const json& x, const std::string& p) {
            if (k == "sea") s.sea = color(x, p);
            else if (k == "land") s.land = color(x, p);
            else if (k == "coastline") stroke(x, p, s.coastline);
            else if (k == "border") stroke(x, p, s.border);
            else if (k == "country_label") text(x, p, s.country_label);
            else if (k == "capital_label") text(x, p, s.capital_label);
            else if (k == "capital_marker") marker(x, p, s.capital_marker);
            else if (k == "capital_marker_size") s.capital_marker_size = number(x, p, 0, 100);
            else if (k == "areas") {
                object(x, p, {"origin", "destination", "support", "location"}, [&](const std::string& role, const json& a, const std::string& ap) {
                    AreaStyle& as = s.areas[role];
                    object(a, ap, {"fill", "stroke"}, [&](const std::string& kk, const json& y, const std::string& yp) {
                        if (kk == "fill") fill(y, yp, as.fill);
                        else stroke(y, yp, as.stroke);
                    });
                });
            } else if (k == "events") {
                object(x, p, {"movement", "support", "violence", "coup", "unrest", "politics", "other"},
                       [&](const std::string& cat, const json& m, const std::string& mp) { marker(m, mp, s.events[cat]); });
            } else if (k == "movements") {
                object(x, p, {}, [&](const std::string& type, const json& c, const std::string& cp) { s.movements[type] = color(c, cp); });
            } else if (k == "marker_size") s.marker_size = number(x, p, 2, 100);
            else if (k == "movement_width_min") s.movement_width_min = number(x, p, 0.2, 50);
            else if (k == "movement_width_max") s.movement_width_max = number(x, p, 0.2, 50);
            else if (k == "arrow_head") s.arrow_head = number(x, p, 1, 20);
            else if (k == "inferred_dash") s.inferred_dash = dash(x, p);
            else if (k == "approximate") stroke(x, p, s.approximate);
            else if (k == "story_border") stroke(x, p, s.story_border);
            else if (k == "story_border_halo") stroke(x, p, s.story_border_halo);
            else if (k == "place_dot") s.place_dot = color(x, p);
            else if (k == "place_dot_size") s.place_dot_size = number(x, p, 0, 50);
            else if (k == "story_label") text(x, p, s.story_label);
            else if (k == "story_country_label") text(x, p, s.story_country_label);
            else if (k == "halo") s.halo = color(x, p);
            else if (k == "halo_width") s.halo_width = number(x, p, 0, 20);
            else if (k == "title") text(x, p, s.title);
            else if (k == "subtitle") text(x, p, s.subtitle);
            else if (k == "legend") text(x, p, s.legend);
            else if (k == "credit") text(x, p, s.credit);
            else if (k == "scale") text(x, p, s.scale);
            else if (k == "panel") s.panel = color(x, p);
            else if (k == "panel_stroke") stroke(x, p, s.panel_stroke);
            else if (k == "inset_extent") s.inset_extent = color(x, p);
            else fail(p, "unknown key");
        });
        if (s.movement_width_min > s.movement_width_max) fail("movement_width_min", "is larger than movement_width_max");
    }

private:
    template <class T, std::size_t N>
    T lookup(const std::pair<std::string_view, T> (&names)[N], const json& v, const std::string& path, const char* expected) const {
        if (v.is_string())
            for (const auto& [name, value] : names)
                if (name == v.get<std::string>()) return value;
        fail(path, std::string("expected one of ") + expected);
    }
    static std::string fmt(double d) {
        std::ostringstream s;
        s << d;
        return s.str();
    }
    std::string m_name;
};

Style read(std::string_view text, const std::string& name, Style base) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        // nlohmann reports a byte position; say it as the user's file offset.
        throw StyleError(name + ": byte " + std::to_string(e.byte) + ": not valid JSON (" + e.what() + ")");
    } catch (const json::exception& e) {  // a number too large for a double (found by fuzz_style)
        throw StyleError(name + ": not valid JSON (" + e.what() + ")");
    }
    Reader(name).style(doc, base);
    return base;
}

} // namespace

const Style& default_style() {
    static const Style style = read(default_style_json, "built-in style (samples/style.json)", Style{});
    return style;
}

Style parse_style(std::string_view json_text, const std::string& name) { return read(json_text, name, default_style()); }

Style load_style(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw StyleError(path + ": cannot read the style file");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw StyleError(path + ": cannot read the style file");
    return parse_style(text.str(), path);
}

std::string_view event_category(std::string_view type) noexcept {
    if (type == "withdrawal" || type == "redeployment" || type == "deployment") return "movement";
    if (type == "support") return "support";
    if (type == "attack" || type == "casualties" || type == "military_operation") return "violence";
    if (type == "coup" || type == "coup_attempt") return "coup";
    if (type == "protest" || type == "arrest") return "unrest";
    if (type == "agreement" || type == "sanction" || type == "election" || type == "political" || type == "statement")
        return "politics";
    return "other";
}

} // namespace geoevents::render
