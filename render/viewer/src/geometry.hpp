#pragma once
// Turning the scene's shapes into GPU triangles, and the marker atlas: every
// mark comes from render/shapes.hpp or the Cairo backend itself, so the
// viewer draws what the PNG shows.
#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/Vertex.hpp>

#include <map>
#include <string>
#include <vector>

#include "geoevents/render/image.hpp"
#include "geoevents/render/scene.hpp"

namespace geoevents::viewer::detail {

sf::Color to_sf(render::Color c, double alpha = 1);

/// Everything dated is drawn as textured triangles from the marker atlas, so
/// that one draw call keeps the items' order: plain colours sample this
/// texel, in a white block at the atlas's corner (every triangle the
/// functions below append has it as texture coordinates).
constexpr int white_block = 4;
inline const sf::Vector2f white_texel{2, 2};

/// Triangles of a stroked polyline `width` px wide: butt segments, round
/// joins where the path turns, round caps unless dashed (as Cairo strokes).
void append_stroke(std::vector<sf::Vertex>& triangles, const std::vector<render::Point>& path, double width,
                   sf::Color color, const std::vector<double>& dash);
/// Triangles filling a polygon that is star-shaped from its first point's
/// centroid (marker outlines, circles).
void append_fan(std::vector<sf::Vertex>& triangles, const std::vector<render::Point>& outline, sf::Color color);
/// Triangles of an arrow (shaft and head, render::arrow_shape).
void append_arrow(std::vector<sf::Vertex>& triangles, const render::ArrowItem& arrow, sf::Color color);
/// Triangles of a circle item (fill as a 48-gon, then the stroke).
void append_circle(std::vector<sf::Vertex>& triangles, const render::CircleItem& circle, double alpha);

/// Marker images drawn by the Cairo backend, packed in one raster with the
/// white block; the viewer draws each marker as one textured quad.
class MarkerAtlas {
public:
    /// Index of the cell drawing `marker` (added when new).
    int add(const render::MarkerItem& marker);
    /// Draws every cell. REQUIRES no add() afterwards.
    render::Raster draw() const;
    /// Cell `i` in the raster, and its centre offset from the cell's corner.
    sf::FloatRect cell(int i) const { return m_cells[static_cast<std::size_t>(i)]; }
    bool empty() const noexcept { return m_markers.empty(); }

private:
    std::map<std::string, int, std::less<>> m_index;
    std::vector<render::MarkerItem> m_markers;
    std::vector<sf::FloatRect> m_cells;
    float m_x = white_block, m_y = 0, m_row = white_block;
};

} // namespace geoevents::viewer::detail
