#include "gdal_util.hpp"

#include "geoevents/geo/error.hpp"
#include "geos_util.hpp"

namespace geoevents::geo::detail {

StringList::StringList(std::initializer_list<std::string> items) {
    for (const auto& i : items) add(i);
}

GdalErrorScope::GdalErrorScope() {
    CPLPushErrorHandlerEx(&GdalErrorScope::on_message, this);
    CPLErrorReset();
}

GdalErrorScope::~GdalErrorScope() { CPLPopErrorHandler(); }

void CPL_STDCALL GdalErrorScope::on_message(CPLErr cls, CPLErrorNum, const char* msg) {
    auto* self = static_cast<GdalErrorScope*>(CPLGetErrorHandlerUserData());
    if (!self || !msg) return;
    try {
        if (cls == CE_Failure || cls == CE_Fatal) self->m_failures.emplace_back(msg);
        else if (cls == CE_Warning) self->m_warnings.emplace_back(msg);
    } catch (...) {
        // Out of memory while recording a message: the return codes still tell the failure.
    }
}

std::string GdalErrorScope::message(std::string_view fallback) const {
    std::string out;
    for (const auto& f : m_failures) {
        if (!out.empty()) out += "; ";
        out += f;
    }
    if (out.empty()) out = CPLGetLastErrorMsg();
    if (out.empty()) out = fallback;
    return out;
}

void GdalErrorScope::clear() noexcept {
    m_failures.clear();
    m_warnings.clear();
    CPLErrorReset();
}

ConfigOptionScope::ConfigOptionScope(const char* key, const char* value) : m_key(key) {
    if (const char* prev = CPLGetThreadLocalConfigOption(key, nullptr)) m_previous = prev;
    CPLSetThreadLocalConfigOption(key, value);
}

ConfigOptionScope::~ConfigOptionScope() {
    CPLSetThreadLocalConfigOption(m_key.c_str(), m_previous ? m_previous->c_str() : nullptr);
}

SrsPtr wgs84() {
    SrsPtr srs(OSRNewSpatialReference(nullptr));
    if (!srs || OSRImportFromEPSG(srs.get(), 4326) != OGRERR_NONE)
        throw IoError("cannot build the WGS 84 spatial reference (is PROJ's database installed?)");
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

OgrGeometryPtr to_ogr(const Geometry& g) {
    if (g.empty()) return nullptr;
    if (const auto p = point_of(g)) {
        OgrGeometryPtr out(OGR_G_CreateGeometry(wkbPoint));
        OGR_G_SetPoint_2D(out.get(), 0, p->lon, p->lat);
        return out;
    }
    const std::vector<std::uint8_t> wkb = g.wkb();
    OGRGeometryH out = nullptr;
    if (OGR_G_CreateFromWkbEx(wkb.data(), nullptr, &out, wkb.size()) != OGRERR_NONE || !out)
        throw IoError("GDAL rejected a " + g.type_name() + " geometry");
    return OgrGeometryPtr(out);
}

Geometry from_ogr(OGRGeometryH g, bool multi) {
    if (!g || OGR_G_IsEmpty(g)) return Geometry();
    // Points, the bulk of a project, directly (no clone, no WKB).
    if (wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPoint) return Geometry::point({OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)});
    OgrGeometryPtr copy(OGR_G_Clone(g));
    OGR_G_FlattenTo2D(copy.get());
    if (multi) {
        const auto t = wkbFlatten(OGR_G_GetGeometryType(copy.get()));
        if (t == wkbPolygon) copy.reset(OGR_G_ForceToMultiPolygon(copy.release()));
        else if (t == wkbLineString) copy.reset(OGR_G_ForceToMultiLineString(copy.release()));
    }
    std::vector<unsigned char> wkb(static_cast<std::size_t>(OGR_G_WkbSize(copy.get())));
    if (OGR_G_ExportToIsoWkb(copy.get(), wkbNDR, wkb.data()) != OGRERR_NONE)
        throw IoError("cannot export a geometry read by GDAL");
    return Geometry::from_wkb(wkb);
}

} // namespace geoevents::geo::detail
