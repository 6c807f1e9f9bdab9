#pragma once
// Measuring text. The scene places labels from measured boxes, so the same
// shaper (Pango + HarfBuzz on the Noto fonts, fixed font options: no hinting
// of metrics, so a layout is the same at every output scale) measures for
// every backend.
#include <memory>
#include <string>
#include <string_view>

#include "geoevents/geo/error.hpp"
#include "geoevents/render/scene.hpp"

namespace geoevents::render {

/// A font family the style names is not installed; what() names the Debian
/// package that provides it.
class FontError : public DataError {
public:
    using DataError::DataError;
};

struct TextMetrics {
    Size size;            ///< the layout box of one line
    double baseline = 0;  ///< from the box's top
};

class TextShaper {
public:
    virtual ~TextShaper() = default;
    virtual TextMetrics measure(std::string_view text, const Font& font) const = 0;
};

/// Pango shaper. Results are cached by (text, font): labels are measured at
/// several sizes, and the viewer measures the same labels every frame.
/// Not thread-safe (one per thread).
class PangoShaper final : public TextShaper {
public:
    PangoShaper();
    ~PangoShaper() override;
    PangoShaper(const PangoShaper&) = delete;
    PangoShaper& operator=(const PangoShaper&) = delete;
    TextMetrics measure(std::string_view text, const Font& font) const override;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Checks with fontconfig that `family` is installed (not silently replaced
/// by another family).
/// @throws FontError naming the family and the Debian package to install.
void require_font(const std::string& family);

} // namespace geoevents::render
