#pragma once
// Drawing a scene to files: PNG and PDF through Cairo (text shaped by Pango,
// fonts embedded in the PDF), SVG through the toolkit's own writer so that
// text stays text (Cairo's SVG surface turns glyphs into paths). Every output
// is written atomically.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geoevents/render/scene.hpp"

namespace geoevents::render {

enum class ImageFormat : std::uint8_t { png, svg, pdf };

/// The format a file name implies (".png", ".svg", ".pdf", any case).
std::optional<ImageFormat> format_for_path(std::string_view path) noexcept;

/// An RGBA image, 8 bits per channel, straight alpha, rows top to bottom.
struct Raster {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;
};

/// Draws the scene into pixels; `scale` multiplies the pixel count (2 for
/// dense screens: the same layout, sharper).
/// @throws RenderError when the size times the scale is impossible.
Raster rasterize(const Scene& scene, double scale = 1);

/// The bytes of the scene as a file of `format` (PNG at `scale`; SVG and PDF
/// in logical pixels, 1 px = 0.75 pt in the PDF).
std::string encode(const Scene& scene, ImageFormat format, double scale = 1);

/// encode(), then written atomically to `path`.
/// @throws IoError naming the path when it cannot be written.
void write_image(const Scene& scene, const std::string& path, ImageFormat format, double scale = 1);

/// PNG bytes of a raster, deterministic.
std::string encode_png(const Raster& raster);
/// A raster from PNG bytes.
/// @throws RenderError when the bytes are not a PNG image.
Raster decode_png(std::string_view png);

} // namespace geoevents::render
