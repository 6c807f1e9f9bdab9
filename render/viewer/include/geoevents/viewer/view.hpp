#pragma once
// The map view of the viewer: a centre in projected coordinates and a scale
// (pixels per projected unit) for a map box in window pixels. Pure
// arithmetic, so that zoom and fit are tested without a window.
#include "geoevents/render/projection.hpp"
#include "geoevents/render/types.hpp"

namespace geoevents::viewer {

class MapView {
public:
    MapView() = default;
    /// The view showing `frame` (projected x0, y0, x1, y1; y up) centred in
    /// `map_box` at the largest scale that fits.
    MapView(const render::Box& map_box, const render::Box& frame);

    const render::Box& map_box() const noexcept { return m_box; }
    double scale() const noexcept { return m_k; }
    render::XY centre() const noexcept { return m_c; }

    render::XY to_projected(render::Point pixel) const noexcept;
    render::Point to_pixel(render::XY p) const noexcept;
    /// The projected rectangle under the map box (SceneOptions::frame).
    render::Box frame() const noexcept;

    /// Moves the map by a pixel offset (the content follows the pointer).
    void pan(double dx, double dy) noexcept;
    /// Multiplies the scale by `factor` keeping the projected point under
    /// `anchor` (a pixel) fixed. The scale stays within [min, max] scale.
    void zoom(double factor, render::Point anchor) noexcept;
    void set_limits(double min_scale, double max_scale) noexcept;

    friend bool operator==(const MapView& a, const MapView& b) noexcept {
        return a.m_box == b.m_box && a.m_c.x == b.m_c.x && a.m_c.y == b.m_c.y && a.m_k == b.m_k;
    }

private:
    render::Box m_box;
    render::XY m_c;
    double m_k = 1;
    double m_min = 0, m_max = 1e300;
};

} // namespace geoevents::viewer
