#pragma once
// Geometry: an owned GEOS geometry behind a small value-like interface.
// GEOS stays inside geo/: this header names no GEOS type. Each thread uses
// its own GEOS context (created on first use), so Geometry objects may be
// used from several threads as long as one object is not shared.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geoevents/geo/types.hpp"

namespace geoevents::geo {

class Geometry {
public:
    Geometry();  ///< an empty geometry collection
    ~Geometry();
    Geometry(Geometry&&) noexcept;
    Geometry& operator=(Geometry&&) noexcept;
    Geometry(const Geometry&);
    Geometry& operator=(const Geometry&);

    /// @throws GeometryError when the bytes are not valid WKB.
    static Geometry from_wkb(std::span<const std::uint8_t> wkb);
    /// @throws GeometryError when the text is not valid WKT.
    static Geometry from_wkt(std::string_view wkt);
    /// An RFC 7946 GeoJSON geometry object (not a Feature).
    /// @throws GeometryError when the text is not one.
    static Geometry from_geojson(std::string_view geojson);
    static Geometry point(LonLat p);
    /// A rectangle polygon (counter-clockwise exterior).
    static Geometry box(const Bbox& b);
    static Geometry line(const std::vector<LonLat>& points);
    /// The union of all parts (GEOS UnaryUnion); empty input gives an empty geometry.
    static Geometry union_all(const std::vector<Geometry>& parts);

    std::vector<std::uint8_t> wkb() const;
    std::string wkt(int decimals = 6) const;
    /// RFC 7946 GeoJSON geometry text with `decimals` decimals.
    std::string geojson(int decimals = 6) const;
    std::size_t num_points() const;

    bool empty() const;
    /// True when valid per OGC rules; `reason` (if given) receives GEOS's explanation otherwise.
    bool is_valid(std::string* reason = nullptr) const;
    /// GEOS MakeValid, then keeps only polygonal parts when the input was polygonal.
    Geometry make_valid() const;
    /// Topology-preserving simplification (tolerance in degrees).
    Geometry simplify(double tolerance) const;
    Geometry intersection(const Geometry& other) const;
    /// The linear parts (of a collection too: points and polygons are left
    /// out) sewn into the longest lines they make (GEOS LineMerge): a
    /// LineString or MultiLineString, empty when there is no line.
    Geometry merged_lines() const;
    /// The part inside a rectangle (GEOS ClipByRect): fast, and tolerant of
    /// invalid input, so a large source can be cut down before repairing it.
    Geometry clip_by_rect(const Bbox& b) const;
    /// Forces counter-clockwise exterior rings and clockwise holes (RFC 7946 right-hand rule).
    Geometry oriented_ccw() const;
    bool contains(LonLat p) const;
    bool intersects(const Geometry& other) const;
    /// A point guaranteed to lie on the geometry (GEOS PointOnSurface), never a centroid outside it.
    LonLat representative_point() const;
    Bbox envelope() const;
    double area() const;  ///< planar area in square degrees (for ordering only)
    std::string type_name() const;  ///< "Polygon", "MultiPolygon", "LineString"…
    /// Points of a LineString or MultiLineString's parts (empty for other types).
    std::vector<std::vector<LonLat>> lines() const;
    /// Rings of a Polygon or MultiPolygon (the polygons of a collection):
    /// for each polygon its exterior ring, then its holes (empty for other types).
    std::vector<std::vector<std::vector<LonLat>>> polygons() const;

    /// Internal: the GEOSGeometry* owned (opaque to users of this header).
    void* handle() const noexcept { return m_geom; }
    static Geometry adopt(void* geos_geometry);

private:
    explicit Geometry(std::nullptr_t) noexcept {}  // owns nothing yet: adopt() fills it without allocating
    void* m_geom = nullptr;
};

} // namespace geoevents::geo
