#pragma once
// On-disk layout of the basemap file (little-endian, every section 8-byte
// aligned). The file is mapped read-only and used in place.
//
//   Header | FeatureRec[feature_count] | PartRec[part_count] | Vertex[vertex_count]
//   | CountryRec[country_count] | CapitalRec[capital_count] | strings
//
// Features are grouped by layer and resolution: Header::layers[i] is the
// range of FeatureRecs of layer i / 2 (BasemapLayer) at resolution i % 2.
// A feature is a run of parts (rings of a land polygon, outer first; one
// part for a coastline or border polyline); a part is a run of vertices.
// Strings are referenced by (offset, length) into the string section.
#include <bit>
#include <cstdint>

#include "geoevents/render/basemap.hpp"

namespace geoevents::render::detail {

static_assert(std::endian::native == std::endian::little, "the basemap file is little-endian");

inline constexpr char basemap_magic[8] = {'G', 'E', 'O', 'E', 'V', 'B', 'M', 'P'};
/// Bump whenever the layout or the meaning of a field changes: readers refuse other versions.
inline constexpr std::uint32_t basemap_format_version = 2;  // 2: CapitalRec::name_fr
inline constexpr int layer_slots = 6;  // 3 layers × 2 resolutions

inline constexpr int slot(BasemapLayer layer, Resolution r) noexcept {
    return static_cast<int>(layer) * 2 + static_cast<int>(r);
}

struct Range {
    std::uint32_t first, count;
};

struct FeatureRec {
    float min_lon, min_lat, max_lon, max_lat;
    Range parts;  ///< into PartRec[]
};
static_assert(sizeof(FeatureRec) == 24);

struct PartRec {
    Range vertices;  ///< into Vertex[]
};
static_assert(sizeof(PartRec) == 8);
static_assert(sizeof(Vertex) == 8);

struct StrRef {
    std::uint32_t off, len;
};

struct BboxRec {
    float min_lon, min_lat, max_lon, max_lat;
};

struct CountryRec {
    char iso2[2];
    std::uint16_t reserved;
    StrRef name_en, name_fr;
    float label_lon, label_lat;
    double area_km2;
    BboxRec bbox, main_bbox;
};
static_assert(sizeof(CountryRec) == 72);

struct CapitalRec {
    StrRef name;     ///< GeoNames name
    StrRef name_fr;  ///< the French name from data/curated/names.csv; equal to `name` when it has none
    char iso2[2];
    std::uint16_t reserved;
    std::uint32_t geonames_id;
    double lon, lat;
    std::int64_t population;
};
static_assert(sizeof(CapitalRec) == 48);

struct Header {
    char magic[8];
    std::uint32_t version;
    std::uint32_t header_size;
    std::uint64_t file_size;
    Range layers[layer_slots];  ///< into FeatureRec[]
    std::uint64_t layer_vertices[layer_slots];
    std::uint64_t features_off, feature_count;
    std::uint64_t parts_off, part_count;
    std::uint64_t vertices_off, vertex_count;
    std::uint64_t countries_off, country_count;
    std::uint64_t capitals_off, capital_count;
    std::uint64_t strings_off, strings_size;
    StrRef info;
    std::uint64_t header_hash;  ///< FNV-1a of the bytes before this field
};

inline std::uint64_t fnv1a(const void* data, std::size_t n) noexcept {
    std::uint64_t h = 1469598103934665603ull;
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

} // namespace geoevents::render::detail
