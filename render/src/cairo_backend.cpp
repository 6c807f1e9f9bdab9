// The Cairo backend: PNG and PDF (docs/render.md). Draws what the scene
// says, nothing more; every shape comes from shapes.hpp.
#include <cairo-pdf.h>

#include <cctype>
#include <cmath>
#include <cstring>
#include <map>
#include <tuple>

#include "geoevents/geo/atomic_file.hpp"
#include "geoevents/render/build.hpp"
#include "geoevents/render/image.hpp"
#include "geoevents/render/shapes.hpp"
#include "pango_text.hpp"
#include "svg_writer.hpp"

namespace geoevents::render {
namespace {

using namespace detail;

void source(cairo_t* cr, Color c) { cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0); }

void trace(cairo_t* cr, const std::vector<Point>& pts, bool close) {
    if (pts.empty()) return;
    cairo_move_to(cr, pts.front().x, pts.front().y);
    for (std::size_t i = 1; i < pts.size(); ++i) cairo_line_to(cr, pts[i].x, pts[i].y);
    if (close) cairo_close_path(cr);
}

bool stroke_set(cairo_t* cr, const Stroke& s) {
    if (s.width <= 0 || s.color.a == 0) return false;
    source(cr, s.color);
    cairo_set_line_width(cr, s.width);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, s.dash.empty() ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
    cairo_set_dash(cr, s.dash.data(), static_cast<int>(s.dash.size()), 0);
    return true;
}

Box extents(cairo_t* cr) {
    double x0, y0, x1, y1;
    cairo_path_extents(cr, &x0, &y0, &x1, &y1);
    return {x0, y0, x1, y1};
}

// Fills the current path with the fill's colour and pattern (the path is kept).
void fill_path(cairo_t* cr, const Fill& f) {
    if (f.pattern == Pattern::none) return;
    if (f.color.a > 0) {
        source(cr, f.color);
        cairo_fill_preserve(cr);
    }
    if (f.pattern == Pattern::solid || f.pattern_color.a == 0) return;
    const Box b = extents(cr);
    cairo_save(cr);
    cairo_clip_preserve(cr);
    cairo_new_path(cr);
    source(cr, f.pattern_color);
    if (f.pattern == Pattern::dots) {
        for (const Point& p : dot_centres(b, f.spacing)) {
            cairo_new_sub_path(cr);
            cairo_arc(cr, p.x, p.y, std::max(0.8, f.spacing * 0.14), 0, 2 * M_PI);
        }
        cairo_fill(cr);
    } else {
        cairo_set_line_width(cr, 1);
        cairo_set_dash(cr, nullptr, 0, 0);
        for (const auto& s : hatch_segments(b, f.spacing, f.pattern == Pattern::cross_hatch)) {
            cairo_move_to(cr, s[0].x, s[0].y);
            cairo_line_to(cr, s[1].x, s[1].y);
        }
        cairo_stroke(cr);
    }
    cairo_restore(cr);  // the area's path is back
}

class Painter {
public:
    explicit Painter(cairo_t* cr) : m_cr(cr) {}

    void draw(const Scene& scene) {
        cairo_set_antialias(m_cr, CAIRO_ANTIALIAS_GRAY);
        cairo_set_fill_rule(m_cr, CAIRO_FILL_RULE_EVEN_ODD);
        source(m_cr, scene.background);
        cairo_rectangle(m_cr, 0, 0, scene.width, scene.height);
        cairo_fill(m_cr);
        for (const auto& layer : scene.layers)
            for (const auto& item : layer.items) std::visit(*this, item.shape);
    }

    void operator()(const PolygonItem& p) {
        cairo_new_path(m_cr);
        for (const auto& ring : p.rings) trace(m_cr, ring, true);
        fill_path(m_cr, p.fill);
        if (stroke_set(m_cr, p.stroke)) cairo_stroke_preserve(m_cr);
        cairo_new_path(m_cr);
    }
    void operator()(const LineItem& l) {
        if (!stroke_set(m_cr, l.stroke)) return;
        cairo_new_path(m_cr);
        for (const auto& part : l.parts) trace(m_cr, part, false);
        cairo_stroke(m_cr);
    }
    void operator()(const ArrowItem& a) {
        const ArrowShape s = arrow_shape(a);
        if (stroke_set(m_cr, a.stroke)) {
            cairo_new_path(m_cr);
            trace(m_cr, s.shaft, false);
            cairo_stroke(m_cr);
        }
        source(m_cr, a.stroke.color);
        cairo_new_path(m_cr);
        trace(m_cr, {s.head.begin(), s.head.end()}, true);
        cairo_fill(m_cr);
    }
    void operator()(const MarkerItem& m) {
        cairo_new_path(m_cr);
        trace(m_cr, marker_outline(m.shape, m.at, m.size), true);
        fill_path(m_cr, m.fill);
        if (stroke_set(m_cr, m.stroke)) cairo_stroke_preserve(m_cr);
        cairo_new_path(m_cr);
    }
    void operator()(const CircleItem& c) {
        cairo_new_path(m_cr);
        cairo_arc(m_cr, c.center.x, c.center.y, c.radius, 0, 2 * M_PI);
        cairo_close_path(m_cr);
        fill_path(m_cr, c.fill);
        if (stroke_set(m_cr, c.stroke)) cairo_stroke_preserve(m_cr);
        cairo_new_path(m_cr);
    }
    void operator()(const TextItem& t) {
        PangoLayout* layout = this->layout(t);
        cairo_new_path(m_cr);
        if (t.halo.a > 0 && t.halo_width > 0) {
            // The halo: the glyph outlines stroked twice its width, under the text.
            cairo_move_to(m_cr, t.box.x0, t.box.y0);
            pango_cairo_layout_path(m_cr, layout);
            source(m_cr, t.halo);
            cairo_set_line_width(m_cr, 2 * t.halo_width);
            cairo_set_line_join(m_cr, CAIRO_LINE_JOIN_ROUND);
            cairo_set_dash(m_cr, nullptr, 0, 0);
            cairo_stroke(m_cr);
        }
        cairo_move_to(m_cr, t.box.x0, t.box.y0);
        source(m_cr, t.color);
        pango_cairo_show_layout(m_cr, layout);
        cairo_new_path(m_cr);
    }

private:
    // Shaped text is cached: a label, the legend and the viewer's frames
    // show the same strings many times.
    PangoLayout* layout(const TextItem& t) {
        auto key = std::make_tuple(t.text, t.font.family, t.font.size, t.font.bold, t.font.italic);
        auto it = m_layouts.find(key);
        if (it == m_layouts.end()) it = m_layouts.emplace(std::move(key), make_layout(m_cr, t.text, t.font)).first;
        return it->second.get();
    }

    cairo_t* m_cr;
    std::map<std::tuple<std::string, std::string, double, bool, bool>, LayoutPtr> m_layouts;
};

void check_size(const Scene& scene, double scale) {
    const double w = scene.width * scale, h = scene.height * scale;
    if (!(scale >= 1 && scale <= 4) || !(w >= 1 && h >= 1 && w <= max_image_side && h <= max_image_side))
        throw RenderError("impossible image: " + std::to_string(static_cast<long>(w)) + "x" + std::to_string(static_cast<long>(h)) +
                          " pixels at scale " + std::to_string(scale) + " (scale 1 to 4, each side at most " +
                          std::to_string(static_cast<long>(max_image_side)) + ")");
}

SurfacePtr draw_image(const Scene& scene, double scale) {
    check_size(scene, scale);
    const int w = static_cast<int>(std::lround(scene.width * scale)), h = static_cast<int>(std::lround(scene.height * scale));
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw RenderError("cannot allocate a " + std::to_string(w) + "x" + std::to_string(h) + " image");
    CairoPtr cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), scale, scale);
    Painter(cr.get()).draw(scene);
    cairo_surface_flush(surface.get());
    return surface;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string png_of(cairo_surface_t* surface) {
    std::string out;
    if (cairo_surface_write_to_png_stream(surface, append, &out) != CAIRO_STATUS_SUCCESS)
        throw RenderError("cannot encode the PNG image");
    return out;
}

} // namespace

std::optional<ImageFormat> format_for_path(std::string_view path) noexcept {
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    std::string ext(path.substr(dot + 1));
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == "png") return ImageFormat::png;
    if (ext == "svg") return ImageFormat::svg;
    if (ext == "pdf") return ImageFormat::pdf;
    return std::nullopt;
}

namespace {
Raster to_raster(cairo_surface_t* surface) {
    cairo_surface_flush(surface);
    Raster r;
    r.width = cairo_image_surface_get_width(surface);
    r.height = cairo_image_surface_get_height(surface);
    r.rgba.resize(static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height) * 4);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < r.height; ++y)
        for (int x = 0; x < r.width; ++x) {
            // Cairo: native-endian premultiplied ARGB32 → straight RGBA.
            std::uint32_t px;
            std::memcpy(&px, data + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride) + static_cast<std::size_t>(x) * 4, 4);
            const std::uint32_t a = px >> 24;
            std::uint8_t* o = &r.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)) * 4];
            auto un = [a](std::uint32_t c) { return static_cast<std::uint8_t>(a ? std::min<std::uint32_t>(255, (c * 255 + a / 2) / a) : 0); };
            o[0] = un((px >> 16) & 0xff);
            o[1] = un((px >> 8) & 0xff);
            o[2] = un(px & 0xff);
            o[3] = static_cast<std::uint8_t>(a);
        }
    return r;
}
} // namespace

Raster rasterize(const Scene& scene, double scale) { return to_raster(draw_image(scene, scale).get()); }

std::string encode_png(const Raster& r) {
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, r.width, r.height));
    unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    for (int y = 0; y < r.height; ++y)
        for (int x = 0; x < r.width; ++x) {
            const std::uint8_t* i = &r.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)) * 4];
            const std::uint32_t a = i[3];
            auto pre = [a](std::uint32_t c) { return (c * a + 127) / 255; };
            const std::uint32_t px = (a << 24) | (pre(i[0]) << 16) | (pre(i[1]) << 8) | pre(i[2]);
            std::memcpy(data + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride) + static_cast<std::size_t>(x) * 4, &px, 4);
        }
    cairo_surface_mark_dirty(surface.get());
    return png_of(surface.get());
}

namespace {
struct PngSource {
    std::string_view bytes;
    std::size_t at = 0;
};
cairo_status_t read_png(void* closure, unsigned char* data, unsigned int length) {
    auto* s = static_cast<PngSource*>(closure);
    if (s->bytes.size() - s->at < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, s->bytes.data() + s->at, length);
    s->at += length;
    return CAIRO_STATUS_SUCCESS;
}
} // namespace

Raster decode_png(std::string_view png) {
    PngSource src{png};
    SurfacePtr surface(cairo_image_surface_create_from_png_stream(read_png, &src));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw RenderError("not a PNG image");
    return to_raster(surface.get());
}

std::string encode(const Scene& scene, ImageFormat format, double scale) {
    switch (format) {
    case ImageFormat::png: return png_of(draw_image(scene, scale).get());
    case ImageFormat::svg: check_size(scene, 1); return detail::encode_svg(scene);
    case ImageFormat::pdf: {
        check_size(scene, 1);
        std::string out;
        // 1 px = 0.75 pt: a 1200 px wide map is a 900 pt (12.5 in) page.
        SurfacePtr surface(cairo_pdf_surface_create_for_stream(append, &out, scene.width * 0.75, scene.height * 0.75));
        // A fixed creation date: the same scene gives the same bytes.
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00");
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "geoevents");
        {
            CairoPtr cr(cairo_create(surface.get()));
            cairo_scale(cr.get(), 0.75, 0.75);
            Painter(cr.get()).draw(scene);
        }
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw RenderError("cannot write the PDF document");
        return out;
    }
    }
    throw RenderError("unknown image format");
}

void write_image(const Scene& scene, const std::string& path, ImageFormat format, double scale) {
    geo::write_file_atomically(path, encode(scene, format, scale));
}

} // namespace geoevents::render
