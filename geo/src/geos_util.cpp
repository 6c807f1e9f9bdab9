#include "geos_util.hpp"

#include "geoevents/geo/error.hpp"
#include "geos_context.hpp"

namespace geoevents::geo::detail {

namespace {
GEOSGeometry* G(const Geometry& g) { return static_cast<GEOSGeometry*>(g.handle()); }
} // namespace

int geos_type_id(const Geometry& g) noexcept { return GEOSGeomTypeId_r(geos_handle(), G(g)); }

Geometry collect(const std::vector<Geometry>& parts, GeometryType type) {
    auto h = geos_handle();
    const int single = type == GeometryType::multi_polygon ? GEOS_POLYGON : GEOS_LINESTRING;
    const int multi = type == GeometryType::multi_polygon ? GEOS_MULTIPOLYGON : GEOS_MULTILINESTRING;
    if (type != GeometryType::multi_polygon && type != GeometryType::multi_line_string)
        throw GeometryError("collect: only multi polygons and multi line strings are collected");
    std::vector<GEOSGeometry*> clones;
    auto release = [&] {
        for (auto* c : clones) GEOSGeom_destroy_r(h, c);
    };
    for (const auto& p : parts) {
        const int t = GEOSGeomTypeId_r(h, G(p));
        if (GEOSisEmpty_r(h, G(p)) == 1) continue;
        if (t == single) {
            clones.push_back(GEOSGeom_clone_r(h, G(p)));
        } else if (t == multi) {
            for (int i = 0; i < GEOSGetNumGeometries_r(h, G(p)); ++i)
                clones.push_back(GEOSGeom_clone_r(h, GEOSGetGeometryN_r(h, G(p), i)));
        } else {
            release();
            throw GeometryError("collect: a part of type " + p.type_name() + " cannot go into a " +
                                std::string(to_string(type)));
        }
    }
    // The collection takes ownership of the clones, on success only.
    GEOSGeometry* out = GEOSGeom_createCollection_r(h, multi, clones.data(), static_cast<unsigned>(clones.size()));
    if (!out) {
        release();
        throw_geos("cannot build a multi geometry");
    }
    return Geometry::adopt(out);
}

Geometry to_multi(const Geometry& g) {
    const int t = geos_type_id(g);
    if (t == GEOS_POLYGON) return collect({g}, GeometryType::multi_polygon);
    if (t == GEOS_LINESTRING) return collect({g}, GeometryType::multi_line_string);
    return g;
}

std::optional<LonLat> point_of(const Geometry& g) noexcept {
    auto h = geos_handle();
    if (GEOSGeomTypeId_r(h, G(g)) != GEOS_POINT || GEOSisEmpty_r(h, G(g)) == 1) return std::nullopt;
    LonLat p;
    if (GEOSGeomGetX_r(h, G(g), &p.lon) != 1 || GEOSGeomGetY_r(h, G(g), &p.lat) != 1) return std::nullopt;
    return p;
}

} // namespace geoevents::geo::detail
