#include "pango_text.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <tuple>
#include <vector>

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

namespace {

struct PatternDeleter {
    void operator()(FcPattern* p) const noexcept { FcPatternDestroy(p); }
};
struct ObjectSetDeleter {
    void operator()(FcObjectSet* o) const noexcept { FcObjectSetDestroy(o); }
};
struct FontSetDeleter {
    void operator()(FcFontSet* f) const noexcept { FcFontSetDestroy(f); }
};
struct ConfigDeleter {
    void operator()(FcConfig* c) const noexcept { FcConfigDestroy(c); }
};
struct CharSetDeleter {
    void operator()(FcCharSet* c) const noexcept { FcCharSetDestroy(c); }
};

// The families require_font found installed, with their font files, for
// every thread's private font map (below).
struct InstalledFonts {
    std::mutex mutex;
    std::set<std::string, std::less<>> families;
    std::set<std::string> files;
    unsigned generation = 0;  ///< bumped when a family is added
};
InstalledFonts& installed_fonts() {
    static InstalledFonts fonts;
    return fonts;
}

// A font map over the files of the checked families only. Pango asks
// fontconfig to sort the fonts for every font size it lays out, and on
// Debian's configuration (290 fonts, dozens of substitution rules) that was
// 40 million instructions for a map, 7 % of a whole `geoevents render`; over
// four files, with no rules, it is 1 million (plus 4.5 million to read the
// four files). The fonts chosen are the same: the same files of the same
// family. Per thread, as Pango's own default map: font maps are not
// thread-safe.
struct PrivateFontMap {
    std::unique_ptr<PangoFontMap, GObjectDeleter> map;
    std::unique_ptr<FcCharSet, CharSetDeleter> coverage;  ///< the characters the files have
    std::set<std::string, std::less<>> families;
    unsigned generation = 0;

    void rebuild(const std::set<std::string, std::less<>>& names, const std::set<std::string>& files, unsigned gen) {
        generation = gen;
        map.reset();
        coverage.reset();
        families = names;
        const std::unique_ptr<FcConfig, ConfigDeleter> config(FcConfigCreate());
        if (!config) return;
        for (const auto& f : files)
            if (!FcConfigAppFontAddFile(config.get(), reinterpret_cast<const FcChar8*>(f.c_str()))) return;
        coverage.reset(FcCharSetCreate());
        const FcFontSet* fonts = FcConfigGetFonts(config.get(), FcSetApplication);
        for (int i = 0; fonts && coverage && i < fonts->nfont; ++i) {
            FcCharSet* chars = nullptr;
            if (FcPatternGetCharSet(fonts->fonts[i], FC_CHARSET, 0, &chars) == FcResultMatch) FcCharSetMerge(coverage.get(), chars, nullptr);
        }
        map.reset(pango_cairo_font_map_new());
        if (!map || !PANGO_IS_FC_FONT_MAP(map.get())) {
            map.reset();
            return;
        }
        pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map.get()), config.get());  // takes its own reference
    }

    bool covers(std::string_view text) const {
        for (const char *p = text.data(), *end = text.data() + text.size(); p < end; p = g_utf8_next_char(p)) {
            const gunichar c = g_utf8_get_char_validated(p, end - p);
            if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2) || !FcCharSetHasChar(coverage.get(), c)) return false;
        }
        return true;
    }
};

// The private map when the family was checked by require_font and its
// files have every character of `text`; otherwise Pango's default map
// (the whole configuration: other families, fallback fonts for other
// scripts).
PangoFontMap* font_map_for(std::string_view text, const std::string& family) {
    thread_local PrivateFontMap own;
    {
        InstalledFonts& fonts = installed_fonts();
        const std::lock_guard lock(fonts.mutex);
        if (fonts.generation != own.generation) own.rebuild(fonts.families, fonts.files, fonts.generation);
    }
    if (own.map && own.families.contains(family) && own.covers(text)) return own.map.get();
    return pango_cairo_font_map_get_default();
}

} // namespace

LayoutPtr make_layout(cairo_t* cr, const std::string& text, const Font& font) {
    ContextPtr context(pango_font_map_create_context(font_map_for(text, font.family)));
    pango_cairo_update_context(cr, context.get());
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
    using namespace detail;
    const std::unique_ptr<FcPattern, PatternDeleter> pattern(FcPatternCreate());
    const std::unique_ptr<FcObjectSet, ObjectSetDeleter> objects(FcObjectSetCreate());
    if (!pattern || !objects || !FcObjectSetAdd(objects.get(), FC_FAMILY) || !FcObjectSetAdd(objects.get(), FC_FILE) ||
        !FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str())))
        throw FontError("cannot look up font family '" + family + "' (out of memory)");
    const std::unique_ptr<FcFontSet, FontSetDeleter> fonts(FcFontList(nullptr, pattern.get(), objects.get()));
    std::vector<std::string> files;
    for (int i = 0; fonts && i < fonts->nfont; ++i) {
        FcChar8* file = nullptr;
        if (FcPatternGetString(fonts->fonts[i], FC_FILE, 0, &file) == FcResultMatch && file)
            files.emplace_back(reinterpret_cast<const char*>(file));
    }
    if (files.empty()) {
        const std::string package = family.starts_with("Noto") ? "fonts-noto-core" : "the package that provides it";
        throw FontError("font '" + family + "' is not installed: install the Debian package " + package +
                        " (bash scripts/setup.sh installs it), or name an installed family in the style file");
    }
    InstalledFonts& installed = installed_fonts();
    const std::lock_guard lock(installed.mutex);
    if (installed.families.insert(family).second) {
        installed.files.insert(files.begin(), files.end());
        ++installed.generation;
    }
}

} // namespace geoevents::render
