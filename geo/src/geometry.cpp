#include "geoevents/geo/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "geoevents/geo/error.hpp"
#include "geos_context.hpp"

namespace geoevents::geo {

namespace detail {

namespace {
void on_geos_message(const char* message, void* userdata) {
    static_cast<GeosContext*>(userdata)->last_error = message ? message : "";
}
void on_geos_notice(const char*, void*) {}
} // namespace

GeosContext::GeosContext() : handle(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(handle, on_geos_message, this);
    GEOSContext_setNoticeMessageHandler_r(handle, on_geos_notice, this);
}
GeosContext::~GeosContext() { GEOS_finish_r(handle); }

GeosContext& geos() {
    thread_local GeosContext ctx;
    return ctx;
}
GEOSContextHandle_t geos_handle() { return geos().handle; }

void throw_geos(const char* what) {
    auto& ctx = geos();
    std::string msg = std::string(what) + (ctx.last_error.empty() ? "" : ": " + ctx.last_error);
    ctx.last_error.clear();
    throw GeometryError(msg);
}

} // namespace detail

using detail::geos_handle;
using detail::throw_geos;

namespace {
GEOSGeometry* G(void* p) { return static_cast<GEOSGeometry*>(p); }
Geometry checked(GEOSGeometry* g, const char* what) {
    if (!g) throw_geos(what);
    return Geometry::adopt(g);
}
} // namespace

Geometry::Geometry() : m_geom(GEOSGeom_createEmptyCollection_r(geos_handle(), GEOS_GEOMETRYCOLLECTION)) {}
Geometry::~Geometry() {
    if (m_geom) GEOSGeom_destroy_r(geos_handle(), G(m_geom));
}
Geometry::Geometry(Geometry&& o) noexcept : m_geom(o.m_geom) { o.m_geom = nullptr; }
Geometry& Geometry::operator=(Geometry&& o) noexcept {
    if (this != &o) {
        if (m_geom) GEOSGeom_destroy_r(geos_handle(), G(m_geom));
        m_geom = o.m_geom;
        o.m_geom = nullptr;
    }
    return *this;
}
Geometry::Geometry(const Geometry& o) : m_geom(o.m_geom ? GEOSGeom_clone_r(geos_handle(), G(o.m_geom)) : nullptr) {}
Geometry& Geometry::operator=(const Geometry& o) {
    if (this != &o) *this = Geometry(o);
    return *this;
}

Geometry Geometry::adopt(void* g) {
    Geometry out(nullptr);
    out.m_geom = g;
    return out;
}

Geometry Geometry::from_wkb(std::span<const std::uint8_t> wkb) {
    auto* reader = GEOSWKBReader_create_r(geos_handle());
    GEOSGeometry* g = GEOSWKBReader_read_r(geos_handle(), reader, wkb.data(), wkb.size());
    GEOSWKBReader_destroy_r(geos_handle(), reader);
    return checked(g, "invalid WKB");
}

Geometry Geometry::from_wkt(std::string_view wkt) {
    auto* reader = GEOSWKTReader_create_r(geos_handle());
    std::string text(wkt);
    GEOSGeometry* g = GEOSWKTReader_read_r(geos_handle(), reader, text.c_str());
    GEOSWKTReader_destroy_r(geos_handle(), reader);
    return checked(g, "invalid WKT");
}

Geometry Geometry::from_geojson(std::string_view geojson) {
    auto* reader = GEOSGeoJSONReader_create_r(geos_handle());
    const std::string text(geojson);
    GEOSGeometry* g = GEOSGeoJSONReader_readGeometry_r(geos_handle(), reader, text.c_str());
    GEOSGeoJSONReader_destroy_r(geos_handle(), reader);
    return checked(g, "invalid GeoJSON geometry");
}

Geometry Geometry::point(LonLat p) {
    return checked(GEOSGeom_createPointFromXY_r(geos_handle(), p.lon, p.lat), "cannot create point");
}

Geometry Geometry::box(const Bbox& b) {
    return checked(GEOSGeom_createRectangle_r(geos_handle(), b.min_lon, b.min_lat, b.max_lon, b.max_lat),
                   "cannot create rectangle");
}

Geometry Geometry::line(const std::vector<LonLat>& points) {
    auto h = geos_handle();
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(points.size()), 2);
    for (unsigned i = 0; i < points.size(); ++i) GEOSCoordSeq_setXY_r(h, seq, i, points[i].lon, points[i].lat);
    return checked(GEOSGeom_createLineString_r(h, seq), "cannot create line");
}

Geometry Geometry::union_all(const std::vector<Geometry>& parts) {
    auto h = geos_handle();
    std::vector<GEOSGeometry*> clones;
    clones.reserve(parts.size());
    for (const auto& p : parts) clones.push_back(GEOSGeom_clone_r(h, G(p.m_geom)));
    GEOSGeometry* coll = GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, clones.data(),
                                                     static_cast<unsigned>(clones.size()));
    if (!coll) throw_geos("cannot collect geometries");
    GEOSGeometry* u = GEOSUnaryUnion_r(h, coll);
    GEOSGeom_destroy_r(h, coll);
    return checked(u, "union failed");
}

std::vector<std::uint8_t> Geometry::wkb() const {
    auto h = geos_handle();
    auto* w = GEOSWKBWriter_create_r(h);
    GEOSWKBWriter_setByteOrder_r(h, w, GEOS_WKB_NDR);
    std::size_t n = 0;
    unsigned char* buf = GEOSWKBWriter_write_r(h, w, G(m_geom), &n);
    GEOSWKBWriter_destroy_r(h, w);
    if (!buf) throw_geos("cannot write WKB");
    std::vector<std::uint8_t> out(buf, buf + n);
    GEOSFree_r(h, buf);
    return out;
}

std::string Geometry::wkt(int decimals) const {
    auto h = geos_handle();
    auto* w = GEOSWKTWriter_create_r(h);
    GEOSWKTWriter_setRoundingPrecision_r(h, w, decimals);
    GEOSWKTWriter_setTrim_r(h, w, 1);
    char* s = GEOSWKTWriter_write_r(h, w, G(m_geom));
    GEOSWKTWriter_destroy_r(h, w);
    if (!s) throw_geos("cannot write WKT");
    std::string out(s);
    GEOSFree_r(h, s);
    return out;
}

namespace {
// GEOS's GeoJSON writer prints 17 significant digits; we write the few
// geometry types ourselves with a fixed number of decimals (RFC 7946 advises 6).
void put_number(std::string& out, double v, int decimals) {
    char buf[64];
    int n = std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string_view s(buf, static_cast<std::size_t>(n));
    if (s.find('.') != std::string_view::npos) {
        while (s.back() == '0') s.remove_suffix(1);
        if (s.back() == '.') s.remove_suffix(1);
    }
    if (s == "-0") s = "0";
    out += s;
}

void put_sequence(std::string& out, GEOSContextHandle_t h, const GEOSGeometry* g, int decimals) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, g);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    out += '[';
    for (unsigned i = 0; i < n; ++i) {
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
        out += i ? ",[" : "[";
        put_number(out, x, decimals);
        out += ',';
        put_number(out, y, decimals);
        out += ']';
    }
    out += ']';
}

void put_polygon(std::string& out, GEOSContextHandle_t h, const GEOSGeometry* g, int decimals) {
    out += '[';
    put_sequence(out, h, GEOSGetExteriorRing_r(h, g), decimals);
    for (int i = 0; i < GEOSGetNumInteriorRings_r(h, g); ++i) {
        out += ',';
        put_sequence(out, h, GEOSGetInteriorRingN_r(h, g, i), decimals);
    }
    out += ']';
}

void put_geojson(std::string& out, GEOSContextHandle_t h, const GEOSGeometry* g, int decimals) {
    const int t = GEOSGeomTypeId_r(h, g);
    auto parts = [&](const char* type, auto&& each) {
        out += R"({"type":")";
        out += type;
        out += R"(","coordinates":[)";
        for (int i = 0; i < GEOSGetNumGeometries_r(h, g); ++i) {
            if (i) out += ',';
            each(GEOSGetGeometryN_r(h, g, i));
        }
        out += "]}";
    };
    switch (t) {
    case GEOS_POINT: {
        double x = 0, y = 0;
        if (GEOSisEmpty_r(h, g) == 1) {
            out += R"({"type":"Point","coordinates":[]})";
            return;
        }
        GEOSGeomGetX_r(h, g, &x);
        GEOSGeomGetY_r(h, g, &y);
        out += R"({"type":"Point","coordinates":[)";
        put_number(out, x, decimals);
        out += ',';
        put_number(out, y, decimals);
        out += "]}";
        return;
    }
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
        out += R"({"type":"LineString","coordinates":)";
        put_sequence(out, h, g, decimals);
        out += '}';
        return;
    case GEOS_POLYGON:
        out += R"({"type":"Polygon","coordinates":)";
        put_polygon(out, h, g, decimals);
        out += '}';
        return;
    case GEOS_MULTIPOINT:
        parts("MultiPoint", [&](const GEOSGeometry* p) {
            double x = 0, y = 0;
            GEOSGeomGetX_r(h, p, &x);
            GEOSGeomGetY_r(h, p, &y);
            out += '[';
            put_number(out, x, decimals);
            out += ',';
            put_number(out, y, decimals);
            out += ']';
        });
        return;
    case GEOS_MULTILINESTRING:
        parts("MultiLineString", [&](const GEOSGeometry* p) { put_sequence(out, h, p, decimals); });
        return;
    case GEOS_MULTIPOLYGON:
        parts("MultiPolygon", [&](const GEOSGeometry* p) { put_polygon(out, h, p, decimals); });
        return;
    default:
        out += R"({"type":"GeometryCollection","geometries":[)";
        for (int i = 0; i < GEOSGetNumGeometries_r(h, g); ++i) {
            if (i) out += ',';
            put_geojson(out, h, GEOSGetGeometryN_r(h, g, i), decimals);
        }
        out += "]}";
    }
}
} // namespace

std::string Geometry::geojson(int decimals) const {
    std::string out;
    put_geojson(out, geos_handle(), G(m_geom), decimals);
    return out;
}

std::size_t Geometry::num_points() const {
    const int n = GEOSGetNumCoordinates_r(geos_handle(), G(m_geom));
    if (n < 0) throw_geos("cannot count coordinates");
    return static_cast<std::size_t>(n);
}

bool Geometry::empty() const { return GEOSisEmpty_r(geos_handle(), G(m_geom)) == 1; }

bool Geometry::is_valid(std::string* reason) const {
    auto h = geos_handle();
    char r = GEOSisValid_r(h, G(m_geom));
    if (r == 2) throw_geos("validity check failed");
    if (r == 0 && reason) {
        char* why = GEOSisValidReason_r(h, G(m_geom));
        *reason = why ? why : "invalid";
        if (why) GEOSFree_r(h, why);
    }
    return r == 1;
}

Geometry Geometry::make_valid() const {
    auto h = geos_handle();
    Geometry v = checked(GEOSMakeValid_r(h, G(m_geom)), "make valid failed");
    const int t = GEOSGeomTypeId_r(h, G(m_geom));
    if ((t == GEOS_POLYGON || t == GEOS_MULTIPOLYGON) && GEOSGeomTypeId_r(h, G(v.m_geom)) == GEOS_GEOMETRYCOLLECTION) {
        // MakeValid may return lines or points next to polygons: keep the area.
        std::vector<Geometry> polys;
        const int n = GEOSGetNumGeometries_r(h, G(v.m_geom));
        for (int i = 0; i < n; ++i) {
            const GEOSGeometry* part = GEOSGetGeometryN_r(h, G(v.m_geom), i);
            const int pt = GEOSGeomTypeId_r(h, part);
            if (pt == GEOS_POLYGON || pt == GEOS_MULTIPOLYGON) polys.push_back(adopt(GEOSGeom_clone_r(h, part)));
        }
        return union_all(polys);
    }
    return v;
}

Geometry Geometry::simplify(double tolerance) const {
    return checked(GEOSTopologyPreserveSimplify_r(geos_handle(), G(m_geom), tolerance), "simplify failed");
}

Geometry Geometry::clip_by_rect(const Bbox& b) const {
    return checked(GEOSClipByRect_r(geos_handle(), G(m_geom), b.min_lon, b.min_lat, b.max_lon, b.max_lat),
                   "clip by rectangle failed");
}

Geometry Geometry::intersection(const Geometry& other) const {
    return checked(GEOSIntersection_r(geos_handle(), G(m_geom), G(other.m_geom)), "intersection failed");
}

namespace {
void collect_lines(GEOSContextHandle_t h, const GEOSGeometry* g, std::vector<GEOSGeometry*>& out) {
    const int t = GEOSGeomTypeId_r(h, g);
    if (t == GEOS_LINESTRING && GEOSisEmpty_r(h, g) == 0) out.push_back(GEOSGeom_clone_r(h, g));
    else if (t == GEOS_MULTILINESTRING || t == GEOS_GEOMETRYCOLLECTION)
        for (int i = 0; i < GEOSGetNumGeometries_r(h, g); ++i) collect_lines(h, GEOSGetGeometryN_r(h, g, i), out);
}
} // namespace

Geometry Geometry::merged_lines() const {
    auto h = geos_handle();
    std::vector<GEOSGeometry*> parts;
    collect_lines(h, G(m_geom), parts);
    Geometry all = checked(GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, parts.data(), static_cast<unsigned>(parts.size())),
                           "cannot collect lines");
    if (parts.empty()) return all;
    return checked(GEOSLineMerge_r(h, G(all.m_geom)), "line merge failed");
}

namespace {
// GEOS 3.11 has no OrientPolygons: rebuild rings with the wanted direction.
GEOSGeometry* oriented_ring(GEOSContextHandle_t h, const GEOSGeometry* ring, bool want_ccw) {
    GEOSCoordSequence* seq = GEOSCoordSeq_clone_r(h, GEOSGeom_getCoordSeq_r(h, ring));
    char ccw = 0;
    GEOSCoordSeq_isCCW_r(h, seq, &ccw);
    if ((ccw != 0) != want_ccw) {
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(h, seq, &n);
        GEOSCoordSequence* rev = GEOSCoordSeq_create_r(h, n, 2);
        for (unsigned i = 0; i < n; ++i) {
            double x, y;
            GEOSCoordSeq_getXY_r(h, seq, n - 1 - i, &x, &y);
            GEOSCoordSeq_setXY_r(h, rev, i, x, y);
        }
        GEOSCoordSeq_destroy_r(h, seq);
        seq = rev;
    }
    return GEOSGeom_createLinearRing_r(h, seq);
}

GEOSGeometry* oriented_polygon(GEOSContextHandle_t h, const GEOSGeometry* poly) {
    GEOSGeometry* shell = oriented_ring(h, GEOSGetExteriorRing_r(h, poly), true);
    const int nh = GEOSGetNumInteriorRings_r(h, poly);
    std::vector<GEOSGeometry*> holes;
    holes.reserve(static_cast<std::size_t>(std::max(nh, 0)));
    for (int i = 0; i < nh; ++i) holes.push_back(oriented_ring(h, GEOSGetInteriorRingN_r(h, poly, i), false));
    return GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size()));
}
} // namespace

Geometry Geometry::oriented_ccw() const {
    auto h = geos_handle();
    const int t = GEOSGeomTypeId_r(h, G(m_geom));
    if (GEOSisEmpty_r(h, G(m_geom)) == 1) return *this;
    if (t == GEOS_POLYGON) return checked(oriented_polygon(h, G(m_geom)), "orientation failed");
    if (t == GEOS_MULTIPOLYGON) {
        const int n = GEOSGetNumGeometries_r(h, G(m_geom));
        std::vector<GEOSGeometry*> parts;
        parts.reserve(static_cast<std::size_t>(std::max(n, 0)));
        for (int i = 0; i < n; ++i)
            parts.push_back(oriented_polygon(h, GEOSGetGeometryN_r(h, G(m_geom), i)));
        return checked(GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned>(parts.size())),
                       "orientation failed");
    }
    return *this;
}

bool Geometry::contains(LonLat p) const {
    Geometry pt = point(p);
    char r = GEOSCovers_r(geos_handle(), G(m_geom), G(pt.m_geom));
    if (r == 2) throw_geos("contains failed");
    return r == 1;
}

bool Geometry::intersects(const Geometry& other) const {
    char r = GEOSIntersects_r(geos_handle(), G(m_geom), G(other.m_geom));
    if (r == 2) throw_geos("intersects failed");
    return r == 1;
}

LonLat Geometry::representative_point() const {
    auto h = geos_handle();
    Geometry p = checked(GEOSPointOnSurface_r(h, G(m_geom)), "point on surface failed");
    LonLat out;
    if (GEOSGeomGetX_r(h, G(p.m_geom), &out.lon) != 1 || GEOSGeomGetY_r(h, G(p.m_geom), &out.lat) != 1)
        throw_geos("point on surface is empty");
    return out;
}

Bbox Geometry::envelope() const {
    auto h = geos_handle();
    Bbox b;
    if (GEOSGeom_getXMin_r(h, G(m_geom), &b.min_lon) != 1 || GEOSGeom_getYMin_r(h, G(m_geom), &b.min_lat) != 1 ||
        GEOSGeom_getXMax_r(h, G(m_geom), &b.max_lon) != 1 || GEOSGeom_getYMax_r(h, G(m_geom), &b.max_lat) != 1)
        throw_geos("envelope of an empty geometry");
    return b;
}

double Geometry::area() const {
    double a = 0;
    if (GEOSArea_r(geos_handle(), G(m_geom), &a) != 1) throw_geos("area failed");
    return a;
}

std::string Geometry::type_name() const {
    char* t = GEOSGeomType_r(geos_handle(), G(m_geom));
    std::string out = t ? t : "";
    if (t) GEOSFree_r(geos_handle(), t);
    return out;
}

namespace {
// The vertices of a LineString or LinearRing.
std::vector<LonLat> read_coords(GEOSContextHandle_t h, const GEOSGeometry* g) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, g);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    std::vector<LonLat> pts(n);
    for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(h, seq, i, &pts[i].lon, &pts[i].lat);
    return pts;
}
} // namespace

std::vector<std::vector<LonLat>> Geometry::lines() const {
    auto h = geos_handle();
    std::vector<std::vector<LonLat>> out;
    const int t = GEOSGeomTypeId_r(h, G(m_geom));
    if (t == GEOS_LINESTRING) out.push_back(read_coords(h, G(m_geom)));
    else if (t == GEOS_MULTILINESTRING)
        for (int i = 0; i < GEOSGetNumGeometries_r(h, G(m_geom)); ++i)
            out.push_back(read_coords(h, GEOSGetGeometryN_r(h, G(m_geom), i)));
    return out;
}

std::vector<std::vector<std::vector<LonLat>>> Geometry::polygons() const {
    auto h = geos_handle();
    std::vector<std::vector<std::vector<LonLat>>> out;
    auto read_polygon = [&](const GEOSGeometry* g) {
        std::vector<std::vector<LonLat>> rings;
        rings.push_back(read_coords(h, GEOSGetExteriorRing_r(h, g)));
        for (int i = 0; i < GEOSGetNumInteriorRings_r(h, g); ++i) rings.push_back(read_coords(h, GEOSGetInteriorRingN_r(h, g, i)));
        out.push_back(std::move(rings));
    };
    const int t = GEOSGeomTypeId_r(h, G(m_geom));
    if (t == GEOS_POLYGON) {
        if (!GEOSisEmpty_r(h, G(m_geom))) read_polygon(G(m_geom));
    } else if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0; i < GEOSGetNumGeometries_r(h, G(m_geom)); ++i) {
            const GEOSGeometry* part = GEOSGetGeometryN_r(h, G(m_geom), i);
            if (GEOSGeomTypeId_r(h, part) == GEOS_POLYGON && !GEOSisEmpty_r(h, part)) read_polygon(part);
        }
    }
    return out;
}

} // namespace geoevents::geo
