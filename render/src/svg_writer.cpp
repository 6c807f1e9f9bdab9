#include "svg_writer.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>

#include "geoevents/render/shapes.hpp"

namespace geoevents::render::detail {
namespace {

// Numbers with two decimals, trailing zeros cut: short, and the same bytes
// for the same scene on every machine.
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", std::abs(v) < 0.005 ? 0.0 : v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string hex(Color c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

std::string opacity(const char* attr, Color c) {
    if (c.a == 255) return "";
    return std::string(" ") + attr + "=\"" + num(c.a / 255.0) + "\"";
}

std::string escape(std::string_view s) {
    std::string out;
    for (char ch : s) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += ch;
        }
    }
    return out;
}

std::string path_data(const std::vector<std::vector<Point>>& parts, bool close) {
    std::string d;
    for (const auto& part : parts) {
        if (part.empty()) continue;
        d += "M" + num(part[0].x) + " " + num(part[0].y);
        for (std::size_t i = 1; i < part.size(); ++i) d += "L" + num(part[i].x) + " " + num(part[i].y);
        if (close) d += "Z";
    }
    return d;
}

class Writer {
public:
    std::string write(const Scene& scene) {
        std::string body;
        for (const auto& layer : scene.layers) {
            if (layer.items.empty()) continue;
            body += "<g id=\"" + escape(layer.name) + "\" inkscape:groupmode=\"layer\" inkscape:label=\"" + escape(layer.name) + "\">\n";
            for (const auto& item : layer.items) body += std::visit(*this, item.shape);
            body += "</g>\n";
        }
        std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" width=\"" +
               num(scene.width) + "\" height=\"" + num(scene.height) + "\" viewBox=\"0 0 " + num(scene.width) + " " +
               num(scene.height) + "\">\n";
        if (!m_defs.empty()) out += "<defs>\n" + m_defs + "</defs>\n";
        out += "<rect width=\"100%\" height=\"100%\" fill=\"" + hex(scene.background) + "\"" + opacity("fill-opacity", scene.background) + "/>\n";
        out += body + "</svg>\n";
        return out;
    }

    std::string operator()(const PolygonItem& p) { return shape(path_data(p.rings, true), p.fill, p.stroke, true); }
    std::string operator()(const LineItem& l) {
        return "<path d=\"" + path_data(l.parts, false) + "\" fill=\"none\"" + stroke(l.stroke) + "/>\n";
    }
    std::string operator()(const ArrowItem& a) {
        const ArrowShape s = arrow_shape(a);
        std::string out = "<path d=\"" + path_data({s.shaft}, false) + "\" fill=\"none\"" + stroke(a.stroke) + "/>\n";
        out += "<path d=\"" + path_data({{s.head.begin(), s.head.end()}}, true) + "\" fill=\"" + hex(a.stroke.color) + "\"" +
               opacity("fill-opacity", a.stroke.color) + "/>\n";
        return out;
    }
    std::string operator()(const MarkerItem& m) {
        return shape(path_data({marker_outline(m.shape, m.at, m.size)}, true), m.fill, m.stroke, false);
    }
    std::string operator()(const CircleItem& c) {
        const std::string d = "M" + num(c.center.x - c.radius) + " " + num(c.center.y) + "a" + num(c.radius) + " " + num(c.radius) +
                              " 0 1 0 " + num(2 * c.radius) + " 0a" + num(c.radius) + " " + num(c.radius) + " 0 1 0 " +
                              num(-2 * c.radius) + " 0Z";
        return shape(d, c.fill, c.stroke, false);
    }
    std::string operator()(const TextItem& t) {
        std::string attrs = " x=\"" + num(t.box.x0) + "\" y=\"" + num(t.box.y0 + t.baseline) + "\" font-family=\"" +
                            escape(t.font.family) + "\" font-size=\"" + num(t.font.size) + "\"";
        if (t.font.bold) attrs += " font-weight=\"bold\"";
        if (t.font.italic) attrs += " font-style=\"italic\"";
        attrs += " fill=\"" + hex(t.color) + "\"" + opacity("fill-opacity", t.color);
        if (t.halo.a > 0 && t.halo_width > 0)
            attrs += " stroke=\"" + hex(t.halo) + "\"" + opacity("stroke-opacity", t.halo) + " stroke-width=\"" +
                     num(2 * t.halo_width) + "\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
        return "<text" + attrs + ">" + escape(t.text) + "</text>\n";
    }

private:
    std::string stroke(const Stroke& s) const {
        if (s.width <= 0 || s.color.a == 0) return " stroke=\"none\"";
        std::string out = " stroke=\"" + hex(s.color) + "\"" + opacity("stroke-opacity", s.color) + " stroke-width=\"" +
                          num(s.width) + "\" stroke-linejoin=\"round\" stroke-linecap=\"" + (s.dash.empty() ? "round" : "butt") + "\"";
        if (!s.dash.empty()) {
            out += " stroke-dasharray=\"";
            for (std::size_t i = 0; i < s.dash.size(); ++i) out += (i ? " " : "") + num(s.dash[i]);
            out += "\"";
        }
        return out;
    }

    // A pattern fill: one <pattern> per distinct look, in user space anchored
    // on the origin like the Cairo backend's.
    std::string pattern(const Fill& f) {
        const auto key = std::make_tuple(static_cast<int>(f.pattern), f.pattern_color.r, f.pattern_color.g, f.pattern_color.b,
                                         f.pattern_color.a, f.spacing);
        auto it = m_patterns.find(key);
        if (it != m_patterns.end()) return it->second;
        std::string id = "pattern" + std::to_string(m_patterns.size());
        const std::string s = num(f.spacing);
        const std::string colour = hex(f.pattern_color) + "\"" + opacity("stroke-opacity", f.pattern_color);
        m_defs += "<pattern id=\"" + id + "\" patternUnits=\"userSpaceOnUse\" width=\"" + s + "\" height=\"" + s + "\">";
        if (f.pattern == Pattern::dots) {
            const std::string r = num(std::max(0.8, f.spacing * 0.14));
            m_defs += "<circle cx=\"" + num(f.spacing / 2) + "\" cy=\"" + num(f.spacing / 2) + "\" r=\"" + r + "\" fill=\"" +
                      hex(f.pattern_color) + "\"" + opacity("fill-opacity", f.pattern_color) + "/>";
        } else {
            m_defs += "<path d=\"M0 " + s + "L" + s + " 0M-1 1L1 -1M" + num(f.spacing - 1) + " " + num(f.spacing + 1) + "L" +
                      num(f.spacing + 1) + " " + num(f.spacing - 1) + "\" stroke=\"" + colour + " stroke-width=\"1\"/>";
            if (f.pattern == Pattern::cross_hatch)
                m_defs += "<path d=\"M-1 -1L" + num(f.spacing + 1) + " " + num(f.spacing + 1) + "\" stroke=\"" + colour + " stroke-width=\"1\"/>";
        }
        m_defs += "</pattern>\n";
        m_patterns.emplace(key, id);
        return id;
    }

    std::string shape(const std::string& d, const Fill& f, const Stroke& s, bool evenodd) {
        std::string out;
        const std::string rule = evenodd ? " fill-rule=\"evenodd\"" : "";
        if (f.pattern != Pattern::none && f.color.a > 0)
            out += "<path d=\"" + d + "\" fill=\"" + hex(f.color) + "\"" + opacity("fill-opacity", f.color) + rule +
                   (f.pattern == Pattern::solid || f.pattern_color.a == 0 ? stroke(s) : std::string(" stroke=\"none\"")) + "/>\n";
        if (f.pattern != Pattern::none && f.pattern != Pattern::solid && f.pattern_color.a > 0)
            out += "<path d=\"" + d + "\" fill=\"url(#" + pattern(f) + ")\"" + rule + stroke(s) + "/>\n";
        else if (out.empty())
            out += "<path d=\"" + d + "\" fill=\"none\"" + stroke(s) + "/>\n";
        return out;
    }

    std::string m_defs;
    std::map<std::tuple<int, int, int, int, int, double>, std::string> m_patterns;
};

} // namespace

std::string encode_svg(const Scene& scene) { return Writer().write(scene); }

} // namespace geoevents::render::detail
