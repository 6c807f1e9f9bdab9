#include "pango_text.hpp"

#include <fontconfig/fontconfig.h>

#include <map>
#include <memory>
#include <tuple>

#include "geoevents/render/text.hpp"

namespace geoevents::render {
namespace detail {

FontDescriptionPtr font_description(const Font& font) {
    FontDescriptionPtr d(pango_font_description_new());
    pango_font_description_set_family(d.get(), font.family.c_str());
    pango_font_description_set_weight(d.get(), font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(d.get(), font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(d.get(), font.size * PANGO_SCALE);
    return d;
}

void set_font_options(PangoContext* context) {
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context, FALSE);
}

LayoutPtr make_layout(cairo_t* cr, const std::string& text, const Font& font) {
    ContextPtr context(pango_cairo_create_context(cr));
    set_font_options(context.get());
    LayoutPtr layout(pango_layout_new(context.get()));
    const FontDescriptionPtr d = font_description(font);
    pango_layout_set_font_description(layout.get(), d.get());
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    pango_layout_set_single_paragraph_mode(layout.get(), TRUE);
    return layout;
}

} // namespace detail

struct PangoShaper::Impl {
    detail::SurfacePtr surface{cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)};
    detail::CairoPtr cr{cairo_create(surface.get())};
    mutable std::map<std::tuple<std::string, std::string, double, bool, bool>, TextMetrics> cache;
};

PangoShaper::PangoShaper() : m_impl(std::make_unique<Impl>()) {}
PangoShaper::~PangoShaper() = default;

TextMetrics PangoShaper::measure(std::string_view text, const Font& font) const {
    auto key = std::make_tuple(std::string(text), font.family, font.size, font.bold, font.italic);
    if (auto it = m_impl->cache.find(key); it != m_impl->cache.end()) return it->second;
    const detail::LayoutPtr layout = detail::make_layout(m_impl->cr.get(), std::get<0>(key), font);
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    TextMetrics m;
    m.size = {static_cast<double>(logical.width) / PANGO_SCALE, static_cast<double>(logical.height) / PANGO_SCALE};
    m.baseline = static_cast<double>(pango_layout_get_baseline(layout.get())) / PANGO_SCALE;
    m_impl->cache.emplace(std::move(key), m);
    return m;
}

void require_font(const std::string& family) {
    // Lists the fonts whose family IS that family: fontconfig's matching
    // always answers with some font, and a silent substitute would change
    // every measurement and the look of the map. Listing applies none of the
    // configuration's substitution rules, which matching runs first (7
    // million instructions a call on Debian's configuration, about 1 ms).
    struct PatternDeleter {
        void operator()(FcPattern* p) const noexcept { FcPatternDestroy(p); }
    };
    struct ObjectSetDeleter {
        void operator()(FcObjectSet* o) const noexcept { FcObjectSetDestroy(o); }
    };
    struct FontSetDeleter {
        void operator()(FcFontSet* f) const noexcept { FcFontSetDestroy(f); }
    };
    const std::unique_ptr<FcPattern, PatternDeleter> pattern(FcPatternCreate());
    const std::unique_ptr<FcObjectSet, ObjectSetDeleter> objects(FcObjectSetCreate());
    if (!pattern || !objects || !FcObjectSetAdd(objects.get(), FC_FAMILY) ||
        !FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str())))
        throw FontError("cannot look up font family '" + family + "' (out of memory)");
    const std::unique_ptr<FcFontSet, FontSetDeleter> fonts(FcFontList(nullptr, pattern.get(), objects.get()));
    const bool found = fonts && fonts->nfont > 0;
    if (!found) {
        const std::string package = family.starts_with("Noto") ? "fonts-noto-core" : "the package that provides it";
        throw FontError("font '" + family + "' is not installed: install the Debian package " + package +
                        " (bash scripts/setup.sh installs it), or name an installed family in the style file");
    }
}

} // namespace geoevents::render
