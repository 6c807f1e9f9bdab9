// The memory-mapped basemap file (layout in basemap_format.hpp).
#include "geoevents/render/basemap.hpp"
#include "geoevents/geo/mapped_file.hpp"


#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "basemap_format.hpp"

#ifndef GEOEVENTS_DEFAULT_BASEMAP
#define GEOEVENTS_DEFAULT_BASEMAP ".cache/basemap.bin"
#endif

namespace geoevents::render {

using namespace detail;

std::string_view to_string(Resolution r) noexcept { return r == Resolution::r10m ? "10m" : "50m"; }

Resolution resolution_for(double degrees_per_pixel) noexcept {
    return std::isfinite(degrees_per_pixel) && degrees_per_pixel >= r50m_min_degrees_per_pixel ? Resolution::r50m
                                                                                               : Resolution::r10m;
}

std::filesystem::path default_basemap_path() {
    if (const char* env = std::getenv("GEOEVENTS_BASEMAP"); env && *env) return env;
    return GEOEVENTS_DEFAULT_BASEMAP;
}

namespace {

/// The view as one or two longitude windows within [-180, 180] (a view that
/// crosses the antimeridian is two), each tested against a feature's bbox.
struct ViewTest {
    struct Window {
        float min_lon = 0, max_lon = 0;
    };
    Window w[2] = {};
    int n = 0;
    float min_lat = 0, max_lat = 0;

    explicit ViewTest(const geo::Bbox& v)
        : min_lat(static_cast<float>(v.min_lat)), max_lat(static_cast<float>(v.max_lat)) {
        double lo = v.min_lon, hi = v.max_lon;
        if (lo > hi) hi += 360;  // written across the antimeridian: 170 … -170
        if (!(hi - lo < 360)) {  // the whole world (or NaN: the whole world too, never out of bounds)
            add(-180, 180);
            return;
        }
        // Shift so that lo lies in [-180, 180), then split at 180.
        const double shift = 360.0 * std::floor((lo + 180) / 360);
        lo -= shift;
        hi -= shift;
        add(lo, std::min(hi, 180.0));
        if (hi > 180) add(-180, hi - 360);
    }
    void add(double lo, double hi) {
        if (n < 2) w[n++] = {static_cast<float>(lo), static_cast<float>(hi)};
    }

    bool intersects(const FeatureRec& f) const noexcept {
        if (f.max_lat < min_lat || f.min_lat > max_lat) return false;
        for (int i = 0; i < n; ++i)
            if (f.max_lon >= w[i].min_lon && f.min_lon <= w[i].max_lon) return true;
        return false;
    }
};

geo::Bbox to_bbox(const BboxRec& b) { return {b.min_lon, b.min_lat, b.max_lon, b.max_lat}; }

} // namespace

std::vector<Vertex> clip_ring(VertexSpan ring, const geo::Bbox& box) {
    std::vector<Vertex> in(ring.begin(), ring.end()), out;
    if (!in.empty() && in.front() == in.back()) in.pop_back();  // work on the open ring
    const float min_lon = static_cast<float>(box.min_lon), max_lon = static_cast<float>(box.max_lon);
    const float min_lat = static_cast<float>(box.min_lat), max_lat = static_cast<float>(box.max_lat);
    // A ring inside the box (most of a wide view's, all of a hemisphere's)
    // comes out of the four cuts unchanged: one pass instead of four.
    if (std::all_of(in.begin(), in.end(), [&](const Vertex& v) {
            return v.lon >= min_lon && v.lon <= max_lon && v.lat >= min_lat && v.lat <= max_lat;
        })) {
        if (in.size() < 3) return {};
        in.push_back(in.front());
        return in;
    }
    // One side at a time: keep what lies on the inner side of `edge` along `axis` (0 lon, 1 lat).
    auto cut = [&](int axis, float edge, bool keep_above) {
        out.clear();
        auto coord = [axis](const Vertex& v) { return axis == 0 ? v.lon : v.lat; };
        auto kept = [&](const Vertex& v) { return keep_above ? coord(v) >= edge : coord(v) <= edge; };
        for (std::size_t i = 0; i < in.size(); ++i) {
            const Vertex& a = in[(i + in.size() - 1) % in.size()];
            const Vertex& b = in[i];
            if (kept(a) != kept(b)) {  // the side crosses the edge: add the crossing
                const float t = (edge - coord(a)) / (coord(b) - coord(a));
                out.push_back(axis == 0 ? Vertex{edge, a.lat + t * (b.lat - a.lat)} : Vertex{a.lon + t * (b.lon - a.lon), edge});
            }
            if (kept(b)) out.push_back(b);
        }
        std::swap(in, out);
    };
    cut(0, min_lon, true);
    cut(0, max_lon, false);
    cut(1, min_lat, true);
    cut(1, max_lat, false);
    if (in.size() < 3) return {};
    in.push_back(in.front());
    return in;
}

struct Basemap::Impl {
    std::filesystem::path path;
    std::optional<geo::MappedFile> file;
    const std::uint8_t* base = nullptr;  ///< file->data()
    std::size_t size = 0;                ///< file->size()
    const Header* header = nullptr;
    const FeatureRec* features = nullptr;
    const PartRec* parts = nullptr;
    const Vertex* vertices = nullptr;
    const CountryRec* countries = nullptr;
    const CapitalRec* capitals = nullptr;
    const char* strings = nullptr;


    // Ranges were checked by open(): these never read outside the mapping.
    std::string_view str(StrRef r) const noexcept { return {strings + r.off, r.len}; }
    VertexSpan part(std::uint32_t i) const noexcept { return {vertices + parts[i].vertices.first, parts[i].vertices.count}; }
    std::span<const FeatureRec> layer(BasemapLayer l, Resolution r) const noexcept {
        const Range& range = header->layers[slot(l, r)];
        return {features + range.first, range.count};
    }
    std::vector<VertexSpan> lines(BasemapLayer l, Resolution r, const geo::Bbox& view) const {
        const ViewTest test(view);
        std::vector<VertexSpan> out;
        for (const FeatureRec& f : layer(l, r))
            if (test.intersects(f))
                for (std::uint32_t p = 0; p < f.parts.count; ++p) out.push_back(part(f.parts.first + p));
        return out;
    }
    Country country(const CountryRec& c) const {
        return {{c.iso2, 2}, str(c.name_en), str(c.name_fr), {c.label_lon, c.label_lat}, c.area_km2, to_bbox(c.bbox),
                to_bbox(c.main_bbox)};
    }
};

Basemap::Basemap(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Basemap::Basemap(Basemap&&) noexcept = default;
Basemap& Basemap::operator=(Basemap&&) noexcept = default;
Basemap::~Basemap() = default;

Basemap Basemap::open_default() { return open(default_basemap_path()); }

Basemap Basemap::open(const std::filesystem::path& path) {
    auto fail = [&](const std::string& why) {
        return BasemapError("basemap " + path.string() + ": " + why + "; build it with `geoevents basemap build`");
    };
    std::string why;
    auto file = geo::MappedFile::open(path, sizeof(Header), "a basemap", why);
    if (!file) throw fail(why);
    const std::size_t size = file->size();
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->base = file->data();
    impl->size = size;
    impl->file = std::move(file);
    const auto* h = reinterpret_cast<const Header*>(impl->base);
    impl->header = h;
    if (std::memcmp(h->magic, basemap_magic, sizeof basemap_magic) != 0) throw fail("not a geoevents basemap");
    if (h->version != basemap_format_version)
        throw fail("format version " + std::to_string(h->version) + ", this program reads version " +
                   std::to_string(basemap_format_version));
    if (h->header_size != sizeof(Header) || h->header_hash != fnv1a(h, offsetof(Header, header_hash)))
        throw fail("corrupt header");
    if (h->file_size != size)
        throw fail("truncated or damaged (" + std::to_string(size) + " bytes, expected " + std::to_string(h->file_size) + ")");

    // Every section inside the file, aligned for its records.
    auto inside = [&](std::uint64_t off, std::uint64_t count, std::uint64_t rec) {
        return off % 8 == 0 && off <= size && count <= (size - off) / rec;
    };
    if (!inside(h->features_off, h->feature_count, sizeof(FeatureRec)) || !inside(h->parts_off, h->part_count, sizeof(PartRec)) ||
        !inside(h->vertices_off, h->vertex_count, sizeof(Vertex)) ||
        !inside(h->countries_off, h->country_count, sizeof(CountryRec)) ||
        !inside(h->capitals_off, h->capital_count, sizeof(CapitalRec)) || !inside(h->strings_off, h->strings_size, 1))
        throw fail("corrupt section table");
    impl->features = reinterpret_cast<const FeatureRec*>(impl->base + h->features_off);
    impl->parts = reinterpret_cast<const PartRec*>(impl->base + h->parts_off);
    impl->vertices = reinterpret_cast<const Vertex*>(impl->base + h->vertices_off);
    impl->countries = reinterpret_cast<const CountryRec*>(impl->base + h->countries_off);
    impl->capitals = reinterpret_cast<const CapitalRec*>(impl->base + h->capitals_off);
    impl->strings = reinterpret_cast<const char*>(impl->base + h->strings_off);

    // Every record's references (a few µs for the whole file): after this,
    // queries need no checks.
    auto within = [](Range r, std::uint64_t n) { return r.first <= n && r.count <= n - r.first; };
    auto str_ok = [&](StrRef s) { return s.off <= h->strings_size && s.len <= h->strings_size - s.off; };
    for (const Range& r : h->layers)
        if (!within(r, h->feature_count)) throw fail("corrupt layer table");
    for (std::uint64_t i = 0; i < h->feature_count; ++i)
        if (!within(impl->features[i].parts, h->part_count) || impl->features[i].parts.count == 0)
            throw fail("corrupt feature " + std::to_string(i));
    for (std::uint64_t i = 0; i < h->part_count; ++i)
        if (!within(impl->parts[i].vertices, h->vertex_count)) throw fail("corrupt part " + std::to_string(i));
    for (std::uint64_t i = 0; i < h->country_count; ++i)
        if (!str_ok(impl->countries[i].name_en) || !str_ok(impl->countries[i].name_fr))
            throw fail("corrupt country " + std::to_string(i));
    for (std::uint64_t i = 0; i < h->capital_count; ++i)
        if (!str_ok(impl->capitals[i].name) || !str_ok(impl->capitals[i].name_fr)) throw fail("corrupt capital " + std::to_string(i));
    if (!str_ok(h->info)) throw fail("corrupt build information");
    return Basemap(std::move(impl));
}

std::vector<LandPolygon> Basemap::land(Resolution r, const geo::Bbox& view) const {
    const ViewTest test(view);
    std::vector<LandPolygon> out;
    for (const FeatureRec& f : m_impl->layer(BasemapLayer::land, r)) {
        if (!test.intersects(f)) continue;
        LandPolygon p;
        p.rings.reserve(f.parts.count);
        for (std::uint32_t i = 0; i < f.parts.count; ++i) p.rings.push_back(m_impl->part(f.parts.first + i));
        p.bbox = {f.min_lon, f.min_lat, f.max_lon, f.max_lat};
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<VertexSpan> Basemap::coastlines(Resolution r, const geo::Bbox& view) const {
    return m_impl->lines(BasemapLayer::coastlines, r, view);
}

std::vector<VertexSpan> Basemap::borders(Resolution r, const geo::Bbox& view) const {
    return m_impl->lines(BasemapLayer::borders, r, view);
}

std::vector<Country> Basemap::countries() const {
    std::vector<Country> out;
    out.reserve(m_impl->header->country_count);
    for (std::uint64_t i = 0; i < m_impl->header->country_count; ++i) out.push_back(m_impl->country(m_impl->countries[i]));
    return out;
}

std::optional<Country> Basemap::country(std::string_view iso2) const {
    if (iso2.size() != 2) return std::nullopt;
    const std::span<const CountryRec> all(m_impl->countries, m_impl->header->country_count);
    const auto it = std::lower_bound(all.begin(), all.end(), iso2,
                                     [](const CountryRec& c, std::string_view k) { return std::string_view(c.iso2, 2) < k; });
    if (it == all.end() || std::string_view(it->iso2, 2) != iso2) return std::nullopt;
    return m_impl->country(*it);
}

std::vector<Capital> Basemap::capitals() const {
    std::vector<Capital> out;
    out.reserve(m_impl->header->capital_count);
    for (std::uint64_t i = 0; i < m_impl->header->capital_count; ++i) {
        const CapitalRec& c = m_impl->capitals[i];
        out.push_back({m_impl->str(c.name), m_impl->str(c.name_fr), {c.iso2, 2}, {c.lon, c.lat}, c.population, c.geonames_id});
    }
    return out;
}

std::size_t Basemap::feature_count(BasemapLayer layer, Resolution r) const noexcept {
    return m_impl->header->layers[slot(layer, r)].count;
}

std::size_t Basemap::vertex_count(BasemapLayer layer, Resolution r) const noexcept {
    return m_impl->header->layer_vertices[slot(layer, r)];
}

std::string_view Basemap::build_info() const noexcept { return m_impl->str(m_impl->header->info); }

const std::filesystem::path& Basemap::path() const noexcept { return m_impl->path; }

} // namespace geoevents::render
