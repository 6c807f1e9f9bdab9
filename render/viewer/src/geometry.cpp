// Shapes to triangles and the marker atlas (geometry.hpp).
#include "geometry.hpp"

#include <algorithm>
#include <cmath>

#include "geoevents/render/shapes.hpp"

namespace geoevents::viewer::detail {
namespace {

using render::Point;

void tri(std::vector<sf::Vertex>& out, Point a, Point b, Point c, sf::Color col) {
    out.emplace_back(sf::Vector2f(static_cast<float>(a.x), static_cast<float>(a.y)), col, white_texel);
    out.emplace_back(sf::Vector2f(static_cast<float>(b.x), static_cast<float>(b.y)), col, white_texel);
    out.emplace_back(sf::Vector2f(static_cast<float>(c.x), static_cast<float>(c.y)), col, white_texel);
}

void disc(std::vector<sf::Vertex>& out, Point c, double r, sf::Color col) {
    constexpr int n = 10;
    for (int i = 0; i < n; ++i) {
        const double a0 = 2 * M_PI * i / n, a1 = 2 * M_PI * (i + 1) / n;
        tri(out, c, {c.x + r * std::cos(a0), c.y + r * std::sin(a0)}, {c.x + r * std::cos(a1), c.y + r * std::sin(a1)}, col);
    }
}

void solid_stroke(std::vector<sf::Vertex>& out, const std::vector<Point>& p, double width, sf::Color col, bool caps) {
    const double h = width / 2;
    for (std::size_t i = 1; i < p.size(); ++i) {
        const double dx = p[i].x - p[i - 1].x, dy = p[i].y - p[i - 1].y, len = std::hypot(dx, dy);
        if (len <= 0) continue;
        const double nx = -dy / len * h, ny = dx / len * h;
        const Point a{p[i - 1].x + nx, p[i - 1].y + ny}, b{p[i - 1].x - nx, p[i - 1].y - ny};
        const Point c{p[i].x - nx, p[i].y - ny}, d{p[i].x + nx, p[i].y + ny};
        tri(out, a, b, c, col);
        tri(out, a, c, d, col);
        // A round join where the path turns enough for a gap to show.
        if (i + 1 < p.size() && width > 1.5) {
            const double ex = p[i + 1].x - p[i].x, ey = p[i + 1].y - p[i].y, elen = std::hypot(ex, ey);
            if (elen > 0 && (dx * ex + dy * ey) / (len * elen) < 0.97) disc(out, p[i], h, col);
        }
    }
    if (caps && width > 1.5 && p.size() >= 2) {
        disc(out, p.front(), h, col);
        disc(out, p.back(), h, col);
    }
}

} // namespace

sf::Color to_sf(render::Color c, double alpha) {
    return {c.r, c.g, c.b, static_cast<sf::Uint8>(std::lround(c.a * std::clamp(alpha, 0.0, 1.0)))};
}

void append_stroke(std::vector<sf::Vertex>& out, const std::vector<Point>& path, double width, sf::Color color,
                   const std::vector<double>& dash) {
    if (width <= 0 || color.a == 0 || path.size() < 2) return;
    double total_dash = 0;
    for (double d : dash) total_dash += d;
    if (dash.empty() || total_dash <= 0) {
        solid_stroke(out, path, width, color, true);
        return;
    }
    // Cut the path into its "on" pieces, the pattern running on across vertices.
    std::size_t k = 0;
    double left = dash[0];
    std::vector<Point> piece{path.front()};
    for (std::size_t i = 1; i < path.size(); ++i) {
        Point a = path[i - 1];
        double len = std::hypot(path[i].x - a.x, path[i].y - a.y);
        while (len > 0) {
            const double step = std::min(left, len);
            const double t = step / len;
            const Point b{a.x + (path[i].x - a.x) * t, a.y + (path[i].y - a.y) * t};
            if (k % 2 == 0) piece.push_back(b);
            a = b;
            len -= step;
            left -= step;
            if (left <= 1e-9) {
                if (k % 2 == 0) {
                    solid_stroke(out, piece, width, color, false);
                    piece.clear();
                } else {
                    piece = {a};
                }
                k = (k + 1) % dash.size();
                left = dash[k];
            }
        }
    }
    if (k % 2 == 0 && piece.size() >= 2) solid_stroke(out, piece, width, color, false);
}

void append_fan(std::vector<sf::Vertex>& out, const std::vector<Point>& outline, sf::Color color) {
    if (outline.size() < 3 || color.a == 0) return;
    Point c;
    for (const Point& p : outline) {
        c.x += p.x;
        c.y += p.y;
    }
    c.x /= static_cast<double>(outline.size());
    c.y /= static_cast<double>(outline.size());
    for (std::size_t i = 0; i < outline.size(); ++i) tri(out, c, outline[i], outline[(i + 1) % outline.size()], color);
}

void append_arrow(std::vector<sf::Vertex>& out, const render::ArrowItem& arrow, sf::Color color) {
    if (arrow.path.size() < 2) return;
    const render::ArrowShape s = render::arrow_shape(arrow);
    append_stroke(out, s.shaft, arrow.stroke.width, color, arrow.stroke.dash);
    tri(out, s.head[0], s.head[1], s.head[2], color);
}

void append_circle(std::vector<sf::Vertex>& out, const render::CircleItem& c, double alpha) {
    std::vector<Point> ring;
    ring.reserve(48);
    for (int i = 0; i < 48; ++i)
        ring.push_back({c.center.x + c.radius * std::cos(2 * M_PI * i / 48), c.center.y + c.radius * std::sin(2 * M_PI * i / 48)});
    if (c.fill.pattern != render::Pattern::none) append_fan(out, ring, to_sf(c.fill.color, alpha));
    ring.push_back(ring.front());
    append_stroke(out, ring, c.stroke.width, to_sf(c.stroke.color, alpha), c.stroke.dash);
}

int MarkerAtlas::add(const render::MarkerItem& m) {
    auto c = [](render::Color x) {
        return std::to_string(x.r) + "," + std::to_string(x.g) + "," + std::to_string(x.b) + "," + std::to_string(x.a);
    };
    std::string key = std::to_string(static_cast<int>(m.shape)) + "|" + std::to_string(m.size) + "|" + c(m.fill.color) + "|" +
                      std::to_string(static_cast<int>(m.fill.pattern)) + "|" + c(m.fill.pattern_color) + "|" +
                      std::to_string(m.fill.spacing) + "|" + c(m.stroke.color) + "|" + std::to_string(m.stroke.width);
    for (double d : m.stroke.dash) key += "|" + std::to_string(d);
    if (auto it = m_index.find(key); it != m_index.end()) return it->second;
    const float side = static_cast<float>(std::ceil(m.size + m.stroke.width + 4));
    if (m_x + side > 1024) {
        m_x = 0;
        m_y += m_row;
        m_row = 0;
    }
    m_cells.emplace_back(m_x, m_y, side, side);
    m_x += side;
    m_row = std::max(m_row, side);
    const int i = static_cast<int>(m_markers.size());
    m_markers.push_back(m);
    m_index.emplace(std::move(key), i);
    return i;
}

render::Raster MarkerAtlas::draw() const {
    render::Scene s;
    s.width = 1024;
    s.height = std::max(200.0, std::ceil(static_cast<double>(m_y + m_row)));
    s.background = {0, 0, 0, 0};
    s.layers.push_back({"markers", render::LayerRole::story, {}});
    for (std::size_t i = 0; i < m_markers.size(); ++i) {
        render::MarkerItem m = m_markers[i];
        m.at = {m_cells[i].left + m_cells[i].width / 2.0, m_cells[i].top + m_cells[i].height / 2.0};
        s.layers.back().items.push_back({m, {}, {}, {}, false});
    }
    render::Raster r = render::rasterize(s);
    // The white block under white_texel (cells start right of it).
    for (int y = 0; y < white_block; ++y)
        for (int x = 0; x < white_block; ++x)
            for (int k = 0; k < 4; ++k) r.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)) * 4 + static_cast<std::size_t>(k)] = 255;
    return r;
}

} // namespace geoevents::viewer::detail
