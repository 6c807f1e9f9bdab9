#pragma once
// Value types of the domain: places, time spans, events. Plain data, no
// third-party types; coordinates are WGS 84 longitude/latitude in degrees.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geoevents::geo {

/// A WGS 84 position in degrees (EPSG:4326 axis order is lat/lon; we always
/// store lon first, as GeoJSON and GEOS do).
struct LonLat {
    double lon = 0.0;
    double lat = 0.0;
    friend bool operator==(const LonLat&, const LonLat&) = default;
};

struct Bbox {
    double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
};

/// The kinds of place of the document contract (shared/contracts/document.md).
enum class PlaceKind : std::uint8_t {
    country, admin1, admin2, city, region, sea, river, lake, landmark, base, other,
    part,  ///< a part of a place the reader makes ("le nord du Mali", "northern Nigeria"); never in the gazetteer
    border  ///< the line between two countries the reader makes ("la frontière Niger–Mali"); never in the gazetteer
};

std::string_view to_string(PlaceKind kind) noexcept;
/// REQUIRES: s is one of the contract's kind names; returns nullopt otherwise.
std::optional<PlaceKind> place_kind_from_string(std::string_view s) noexcept;

/// Great-circle distance in kilometres (mean Earth radius 6371.0088 km).
double distance_km(LonLat a, LonLat b) noexcept;

/// A resolved place, as the news reader hands it on. `id` is stable across
/// index builds: "geonames:ID", "ne:ISO2" or "curated:SLUG".
struct Place {
    std::string id;
    std::string name;
    PlaceKind kind = PlaceKind::other;
    std::string country;   ///< ISO 3166-1 alpha-2, empty when the place spans several
    std::string admin1;    ///< first-level subdivision name, empty when unknown
    LonLat point;          ///< representative point (inside the polygon when there is one)
    std::int64_t population = 0;
    bool composite = false;   ///< a union of countries (West Africa, G5 Sahel…)
    bool has_polygon = false;
    /// The name the article's reader uses ("Hodeïda", "Tombouctou") when it
    /// differs from `name` (which may be the gazetteer's transliteration,
    /// "Al Ḩudaydah"); empty otherwise. Maps and notes use it when present.
    std::string label;
    /// Not in the gazetteer: placed from a cue of the text ("le village de X, à
    /// 30 km au nord de Y"); `point` is the best estimate and `uncertainty_km`
    /// the radius it lies within (document contract: `approximate`).
    bool approximate = false;
    double uncertainty_km = 0;
    /// The GeoJSON geometry (RFC 7946 text, lon/lat) of a place the reader
    /// makes: the line of a `border` (its `point` lies on it); empty when the
    /// place is drawn from the gazetteer (document contract: `geometry`).
    std::string geometry;
};

} // namespace geoevents::geo
