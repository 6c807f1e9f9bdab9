// The map view (view.hpp).
#include "geoevents/viewer/view.hpp"

#include <algorithm>

namespace geoevents::viewer {

MapView::MapView(const render::Box& map_box, const render::Box& frame) : m_box(map_box) {
    m_c = {(frame.x0 + frame.x1) / 2, (frame.y0 + frame.y1) / 2};
    m_k = std::min(map_box.width() / std::max(1e-9, frame.width()), map_box.height() / std::max(1e-9, frame.height()));
}

render::XY MapView::to_projected(render::Point p) const noexcept {
    return {m_c.x + (p.x - (m_box.x0 + m_box.x1) / 2) / m_k, m_c.y - (p.y - (m_box.y0 + m_box.y1) / 2) / m_k};
}

render::Point MapView::to_pixel(render::XY p) const noexcept {
    return {(m_box.x0 + m_box.x1) / 2 + (p.x - m_c.x) * m_k, (m_box.y0 + m_box.y1) / 2 - (p.y - m_c.y) * m_k};
}

render::Box MapView::frame() const noexcept {
    const double hw = m_box.width() / 2 / m_k, hh = m_box.height() / 2 / m_k;
    return {m_c.x - hw, m_c.y - hh, m_c.x + hw, m_c.y + hh};
}

void MapView::pan(double dx, double dy) noexcept {
    m_c.x -= dx / m_k;
    m_c.y += dy / m_k;
}

void MapView::zoom(double factor, render::Point anchor) noexcept {
    const render::XY under = to_projected(anchor);
    m_k = std::clamp(m_k * factor, m_min, m_max);
    // The centre moves so that `under` is again at `anchor`.
    m_c.x = under.x - (anchor.x - (m_box.x0 + m_box.x1) / 2) / m_k;
    m_c.y = under.y + (anchor.y - (m_box.y0 + m_box.y1) / 2) / m_k;
}

void MapView::set_limits(double min_scale, double max_scale) noexcept {
    m_min = min_scale;
    m_max = max_scale;
    m_k = std::clamp(m_k, m_min, m_max);
}

} // namespace geoevents::viewer
