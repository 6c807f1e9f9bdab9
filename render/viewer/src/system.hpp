#pragma once
// Private helpers of the viewer that touch the system: the X display check
// and font files (fontconfig).
#include <string>

namespace geoevents::viewer::detail {

/// The file of the regular (or bold) face fontconfig picks for `family`.
/// @throws render::FontError when none is found.
std::string font_file(const std::string& family, bool bold);

} // namespace geoevents::viewer::detail
