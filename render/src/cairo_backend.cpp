// The Cairo backend: PNG and PDF (docs/render.md). Draws what the scene
// says, nothing more; every shape comes from shapes.hpp.
#include <cairo-pdf.h>
#include <libdeflate.h>

#include <cctype>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <string_view>
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

// The tile of a pattern fill, spacing × spacing in user units, anchored on
// the image origin (so neighbouring areas' patterns line up), the same marks
// as the SVG writer's <pattern>: "/" hatch lines through the tile's corners
// (plus "\" for a cross hatch), or one dot at its centre. Raster targets get
// an image tile at the device resolution (fast: one composite per fill), PDF
// a recording surface (vector, sharp at any zoom).
PatternPtr make_tile(const Fill& f, double device_scale, bool vector) {
    const double s = f.spacing;
    SurfacePtr tile;
    if (vector) {
        cairo_rectangle_t extents{0, 0, s, s};
        tile.reset(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
    } else {
        const int n = std::max(1, static_cast<int>(std::lround(s * device_scale)));
        tile.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, n, n));
    }
    {
        CairoPtr cr(cairo_create(tile.get()));
        if (!vector) cairo_scale(cr.get(), device_scale * std::lround(s * device_scale) / (s * device_scale),
                                 device_scale * std::lround(s * device_scale) / (s * device_scale));
        source(cr.get(), f.pattern_color);
        if (f.pattern == Pattern::dots) {
            cairo_arc(cr.get(), s / 2, s / 2, std::max(0.8, s * 0.14), 0, 2 * M_PI);
            cairo_fill(cr.get());
        } else {
            cairo_set_line_width(cr.get(), 1);
            cairo_move_to(cr.get(), 0, s);
            cairo_line_to(cr.get(), s, 0);
            cairo_move_to(cr.get(), -1, 1);
            cairo_line_to(cr.get(), 1, -1);
            cairo_move_to(cr.get(), s - 1, s + 1);
            cairo_line_to(cr.get(), s + 1, s - 1);
            if (f.pattern == Pattern::cross_hatch) {
                cairo_move_to(cr.get(), -1, -1);
                cairo_line_to(cr.get(), s + 1, s + 1);
            }
            cairo_stroke(cr.get());
        }
    }
    PatternPtr pattern(cairo_pattern_create_for_surface(tile.get()));
    cairo_pattern_set_extend(pattern.get(), CAIRO_EXTEND_REPEAT);
    if (!vector) {
        // Pattern space is the tile's pixels: user units times the device scale.
        const double k = std::lround(s * device_scale) / s;
        cairo_matrix_t m;
        cairo_matrix_init_scale(&m, k, k);
        cairo_pattern_set_matrix(pattern.get(), &m);
    }
    return pattern;
}

// Lines at most this wide in device pixels are drawn with coarser antialiasing (see LineItem).
constexpr double thin_line_px = 2;

class Painter {
public:
    /// `device_scale`: device pixels per user unit; `vector`: a PDF target.
    Painter(cairo_t* cr, double device_scale, bool vector) : m_cr(cr), m_scale(device_scale), m_vector(vector) {}

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
        fill_path(p.fill);
        if (stroke_set(m_cr, p.stroke)) cairo_stroke_preserve(m_cr);
        cairo_new_path(m_cr);
    }
    void operator()(const LineItem& l) {
        if (!stroke_set(m_cr, l.stroke)) return;
        cairo_new_path(m_cr);
        for (const auto& part : l.parts) trace(m_cr, part, false);
        // Thin lines (the basemap's coastlines and borders: thousands of
        // segments) are rasterised with Cairo's 4×4 sampling rather than its
        // 256×15 one: the same look at these widths, at about half the cost
        // (stroking them was half of the drawing). Their ends are cut square:
        // a round cap 0.35 pixel long cannot be told from a square one, but
        // costs an arc's worth of polygon on each of the inset's 1,600 short
        // coastline parts (they drew 2.4 times slower).
        const bool thin = !m_vector && l.stroke.width * m_scale <= thin_line_px;
        if (thin) {
            cairo_set_antialias(m_cr, CAIRO_ANTIALIAS_FAST);
            cairo_set_line_cap(m_cr, CAIRO_LINE_CAP_BUTT);
        }
        cairo_stroke(m_cr);
        if (thin) cairo_set_antialias(m_cr, CAIRO_ANTIALIAS_GRAY);
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
        fill_path(m.fill);
        if (stroke_set(m_cr, m.stroke)) cairo_stroke_preserve(m_cr);
        cairo_new_path(m_cr);
    }
    void operator()(const CircleItem& c) {
        cairo_new_path(m_cr);
        cairo_arc(m_cr, c.center.x, c.center.y, c.radius, 0, 2 * M_PI);
        cairo_close_path(m_cr);
        fill_path(c.fill);
        if (stroke_set(m_cr, c.stroke)) cairo_stroke_preserve(m_cr);
        cairo_new_path(m_cr);
    }
    void operator()(const TextItem& t) {
        PangoLayout* layout = this->layout(t);
        cairo_new_path(m_cr);
        if (t.halo.a > 0 && t.halo_width > 0) {
            // The halo: the text's coverage at sixteen offsets around it (two
            // rings) in the halo colour, composited once with the halo's
            // alpha. Raster targets lay the text out and rasterise its glyphs
            // once, into an alpha mask that is then composited at each offset
            // (about a third of the cost of sixteen layouts drawn); PDF draws
            // the layout sixteen times (vector text, sharp at any zoom).
            // Stroking the glyph outlines looks the same at these widths but
            // costs three times as much again (paths are not cached).
            const double r = t.halo_width;
            cairo_save(m_cr);
            clip_to_pixels(t.box.x0 - r - 1, t.box.y0 - r - 1, t.box.x1 + r + 1, t.box.y1 + r + 1);
            PatternPtr coverage;
            cairo_matrix_t to_coverage;  // user space → the mask's pixels
            if (!m_vector) {
                cairo_push_group_with_content(m_cr, CAIRO_CONTENT_ALPHA);
                cairo_move_to(m_cr, t.box.x0, t.box.y0);
                pango_cairo_show_layout(m_cr, layout);
                coverage.reset(cairo_pop_group(m_cr));
                cairo_pattern_get_matrix(coverage.get(), &to_coverage);
                cairo_pattern_set_filter(coverage.get(), CAIRO_FILTER_NEAREST);
            }
            cairo_push_group(m_cr);
            source(m_cr, {t.halo.r, t.halo.g, t.halo.b, 255});
            for (int ring = 1; ring <= 2; ++ring)
                for (int k = 0; k < 8; ++k) {
                    const double a = M_PI / 4 * k + (ring == 1 ? M_PI / 8 : 0);
                    const double d = r * ring / 2;
                    if (coverage) {
                        // Whole device pixels (as the glyphs of a layout drawn
                        // there would be placed): a plain copy of the mask.
                        cairo_matrix_t shift, m;
                        cairo_matrix_init_translate(&shift, -std::round(d * std::cos(a) * m_scale) / m_scale,
                                                    -std::round(d * std::sin(a) * m_scale) / m_scale);
                        cairo_matrix_multiply(&m, &shift, &to_coverage);
                        cairo_pattern_set_matrix(coverage.get(), &m);
                        cairo_mask(m_cr, coverage.get());
                    } else {
                        cairo_move_to(m_cr, t.box.x0 + d * std::cos(a), t.box.y0 + d * std::sin(a));
                        pango_cairo_show_layout(m_cr, layout);
                    }
                }
            cairo_pop_group_to_source(m_cr);
            cairo_paint_with_alpha(m_cr, t.halo.a / 255.0);
            cairo_restore(m_cr);
        }
        cairo_move_to(m_cr, t.box.x0, t.box.y0);
        source(m_cr, t.color);
        pango_cairo_show_layout(m_cr, layout);
        cairo_new_path(m_cr);
    }

private:
    // Clips to the rectangle (user space) widened to whole device pixels:
    // with a pixel-aligned clip Cairo composites without a clip mask.
    void clip_to_pixels(double x0, double y0, double x1, double y1) {
        cairo_user_to_device(m_cr, &x0, &y0);
        cairo_user_to_device(m_cr, &x1, &y1);
        x0 = std::floor(x0), y0 = std::floor(y0), x1 = std::ceil(x1), y1 = std::ceil(y1);
        cairo_device_to_user(m_cr, &x0, &y0);
        cairo_device_to_user(m_cr, &x1, &y1);
        cairo_rectangle(m_cr, x0, y0, x1 - x0, y1 - y0);
        cairo_clip(m_cr);
    }

    // Fills the current path with the fill's colour and pattern (the path is kept).
    void fill_path(const Fill& f) {
        if (f.pattern == Pattern::none) return;
        if (f.color.a > 0) {
            source(m_cr, f.color);
            cairo_fill_preserve(m_cr);
        }
        if (f.pattern == Pattern::solid || f.pattern_color.a == 0) return;
        const auto key = std::make_tuple(static_cast<int>(f.pattern), f.pattern_color.r, f.pattern_color.g, f.pattern_color.b,
                                         f.pattern_color.a, f.spacing);
        auto it = m_tiles.find(key);
        if (it == m_tiles.end()) it = m_tiles.emplace(key, make_tile(f, m_scale, m_vector)).first;
        cairo_set_source(m_cr, it->second.get());
        cairo_fill_preserve(m_cr);
    }

    // Shaped text is cached: a label, the legend and the viewer's frames
    // show the same strings many times.
    PangoLayout* layout(const TextItem& t) {
        auto key = std::make_tuple(t.text, t.font.family, t.font.size, t.font.bold, t.font.italic);
        auto it = m_layouts.find(key);
        if (it == m_layouts.end()) it = m_layouts.emplace(std::move(key), make_layout(m_cr, t.text, t.font)).first;
        return it->second.get();
    }

    cairo_t* m_cr;
    double m_scale;
    bool m_vector;
    std::map<std::tuple<int, int, int, int, int, double>, PatternPtr> m_tiles;
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
    Painter(cr.get(), scale, false).draw(scene);
    cairo_surface_flush(surface.get());
    return surface;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// PNG files are written here rather than by Cairo or libpng: the PNG
// container is three chunks (IHDR, one IDAT, IEND), and the IDAT's zlib
// stream comes from libdeflate at level 1, about 40 % faster than zlib at a
// similar size. Rows carry no filter and pixels are RGB rather than RGBA when
// every pixel is opaque (a map always is): on flat map colours and pattern
// tiles that is both smaller (about 260 kB for the 1080×1080 sample, against
// 400 kB with RGBA and the "sub" filter) and faster. The same pixels give
// the same bytes.
struct DeflateCompressorDeleter {
    void operator()(libdeflate_compressor* c) const noexcept { libdeflate_free_compressor(c); }
};

void put_u32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xff));
}

void put_chunk(std::string& out, const char* type, std::string_view data) {
    put_u32(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = out.size();
    out.append(type, 4);
    out.append(data);
    put_u32(out, libdeflate_crc32(0, out.data() + start, out.size() - start));
}

// The PNG file of `raw`: `height` rows of `width` RGB or RGBA pixels, each
// row after its filter byte.
std::string png_file(int width, int height, bool alpha, const std::uint8_t* raw, std::size_t size) {
    const std::unique_ptr<libdeflate_compressor, DeflateCompressorDeleter> compressor(libdeflate_alloc_compressor(1));
    if (!compressor) throw RenderError("cannot encode the PNG image (out of memory)");
    // Not zero-filled: only the pages the compressed stream reaches are
    // touched (about 260 kB of a 3.5 MB bound for the 1080×1080 sample).
    const std::size_t bound = libdeflate_zlib_compress_bound(compressor.get(), size);
    const std::unique_ptr<char[]> idat(new char[bound]);
    const std::size_t idat_size = libdeflate_zlib_compress(compressor.get(), raw, size, idat.get(), bound);
    if (idat_size == 0) throw RenderError("cannot encode the PNG image");

    std::string ihdr;
    put_u32(ihdr, static_cast<std::uint32_t>(width));
    put_u32(ihdr, static_cast<std::uint32_t>(height));
    ihdr += {8, static_cast<char>(alpha ? 6 : 2), 0, 0, 0};  // 8 bits, RGBA or RGB, deflate, adaptive filtering, no interlace
    std::string out;
    out.reserve(8 + 3 * 12 + ihdr.size() + idat_size);
    out.assign("\x89PNG\r\n\x1a\n", 8);
    put_chunk(out, "IHDR", ihdr);
    put_chunk(out, "IDAT", {idat.get(), idat_size});
    put_chunk(out, "IEND", {});
    return out;
}

// `row(y, out)` writes row y as RGB or RGBA bytes (straight alpha) to `out`.
template <class Row>
std::string write_png(int width, int height, bool alpha, Row&& row) {
    const std::size_t line = static_cast<std::size_t>(width) * (alpha ? 4 : 3) + 1;  // a filter byte, then the pixels
    std::vector<std::uint8_t> raw(line * static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y) {
        std::uint8_t* at = raw.data() + static_cast<std::size_t>(y) * line;
        at[0] = 0;  // filter type None
        row(y, at + 1);
    }
    return png_file(width, height, alpha, raw.data(), raw.size());
}

// Cairo's native-endian premultiplied ARGB32 pixels → straight RGBA bytes.
void unpremultiply(const unsigned char* in, int width, std::uint8_t* out) {
    for (int x = 0; x < width; ++x, in += 4) {
        std::uint32_t px;
        std::memcpy(&px, in, 4);
        const std::uint32_t a = px >> 24;
        std::uint32_t r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;
        if (a != 255) {
            auto un = [a](std::uint32_t c) { return a ? std::min<std::uint32_t>(255, (c * 255 + a / 2) / a) : 0; };
            r = un(r);
            g = un(g);
            b = un(b);
        }
        *out++ = static_cast<std::uint8_t>(r);
        *out++ = static_cast<std::uint8_t>(g);
        *out++ = static_cast<std::uint8_t>(b);
        *out++ = static_cast<std::uint8_t>(a);
    }
}

bool opaque(cairo_surface_t* surface) {
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(surface));
    for (int y = 0; y < h; ++y) {
        const unsigned char* row = data + static_cast<std::size_t>(y) * stride;
        std::uint32_t all = 0xff000000u;
        for (int x = 0; x < w; ++x) {
            std::uint32_t px;
            std::memcpy(&px, row + static_cast<std::size_t>(x) * 4, 4);
            all &= px;
        }
        if ((all & 0xff000000u) != 0xff000000u) return false;
    }
    return true;
}

// Consumes the surface: an opaque image (a map always is) is turned into
// its PNG rows in place, over its own pixels, rather than copied (a 3.5 MB
// buffer at 1080×1080 whose pages the kernel would have to provide). Row y
// of the output (1 + 3 × width bytes) starts at or before row y of the
// input (stride ≥ 4 × width bytes), and within a row pixel x is read before
// its three bytes are written, which end before pixel x + 1 begins: nothing
// is overwritten before it is read.
std::string encode_surface(cairo_surface_t* surface) {
    cairo_surface_flush(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(surface));
    if (!opaque(surface))
        return write_png(w, h, true, [&](int y, std::uint8_t* out) { unpremultiply(data + static_cast<std::size_t>(y) * stride, w, out); });
    const std::size_t line = static_cast<std::size_t>(w) * 3 + 1;
    for (std::size_t y = 0; y < static_cast<std::size_t>(h); ++y) {
        const unsigned char* in = data + y * stride;
        unsigned char* out = data + y * line;
        std::uint32_t px;
        std::memcpy(&px, in, 4);  // before the filter byte: on row 0 it is the same byte
        out[0] = 0;               // filter type None
        for (int x = 0;;) {
            out[1] = static_cast<unsigned char>(px >> 16);
            out[2] = static_cast<unsigned char>(px >> 8);
            out[3] = static_cast<unsigned char>(px);
            out += 3;
            if (++x == w) break;
            std::memcpy(&px, in + static_cast<std::size_t>(x) * 4, 4);
        }
    }
    cairo_surface_mark_dirty(surface);
    return png_file(w, h, false, data, line * static_cast<std::size_t>(h));
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
    const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(surface));
    for (int y = 0; y < r.height; ++y)
        unpremultiply(data + static_cast<std::size_t>(y) * stride, r.width, &r.rgba[static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) * 4]);
    return r;
}
} // namespace

Raster rasterize(const Scene& scene, double scale) { return to_raster(draw_image(scene, scale).get()); }

std::string encode_png(const Raster& r) {
    bool alpha = false;
    for (std::size_t i = 3; i < r.rgba.size() && !alpha; i += 4) alpha = r.rgba[i] != 255;
    const auto w = static_cast<std::size_t>(r.width);
    return write_png(r.width, r.height, alpha, [&](int y, std::uint8_t* out) {
        const std::uint8_t* in = &r.rgba[static_cast<std::size_t>(y) * w * 4];
        if (alpha) std::memcpy(out, in, w * 4);
        else
            for (std::size_t x = 0; x < w; ++x, in += 4, out += 3) std::memcpy(out, in, 3);
    });
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
    case ImageFormat::png: return encode_surface(draw_image(scene, scale).get());
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
            Painter(cr.get(), 1, true).draw(scene);
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
