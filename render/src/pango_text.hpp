#pragma once
// Pango and Cairo handles behind RAII, shared by the shaper and the Cairo
// backend (private to render/).
#include <memory>
#include <string>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "geoevents/render/scene.hpp"

namespace geoevents::render::detail {

struct CairoSurfaceDeleter {
    void operator()(cairo_surface_t* s) const noexcept { cairo_surface_destroy(s); }
};
struct CairoDeleter {
    void operator()(cairo_t* c) const noexcept { cairo_destroy(c); }
};
struct CairoPatternDeleter {
    void operator()(cairo_pattern_t* p) const noexcept { cairo_pattern_destroy(p); }
};
struct GObjectDeleter {
    void operator()(void* o) const noexcept { g_object_unref(o); }
};
struct FontDescriptionDeleter {
    void operator()(PangoFontDescription* d) const noexcept { pango_font_description_free(d); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using PatternPtr = std::unique_ptr<cairo_pattern_t, CairoPatternDeleter>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectDeleter>;
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionDeleter>;

FontDescriptionPtr font_description(const Font& font);

/// Fixed font options: grey antialiasing, no hinting, unhinted metrics, so
/// that text lays out identically at every scale and on every machine with
/// the same fonts (deterministic output).
void set_font_options(PangoContext* context);

/// A layout of one line of `text` in `font` on `cr`'s font map.
LayoutPtr make_layout(cairo_t* cr, const std::string& text, const Font& font);

} // namespace geoevents::render::detail
