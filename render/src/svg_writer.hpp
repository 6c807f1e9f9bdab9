#pragma once
// The SVG writer (private to render/): text stays <text>, selectable and
// editable in Inkscape or Illustrator; each scene layer is an Inkscape layer.
#include <string>

#include "geoevents/render/scene.hpp"

namespace geoevents::render::detail {

std::string encode_svg(const Scene& scene);

} // namespace geoevents::render::detail
