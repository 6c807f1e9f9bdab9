#pragma once
// GDAL/OGR helpers shared by the writers and the project reader: more RAII
// owners, a scope that collects GDAL's messages instead of printing them,
// thread-local configuration options, the WGS 84 SRS, geometry conversion.
// Private to geo/.
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gdal_handles.hpp"
#include "sql_text.hpp"
#include "geoevents/geo/geometry.hpp"

namespace geoevents::geo::detail {

struct GeometryDestroyer {
    void operator()(OGRGeometryH g) const noexcept {
        if (g) OGR_G_DestroyGeometry(g);
    }
};
using OgrGeometryPtr = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryDestroyer>;

struct SrsReleaser {
    void operator()(OGRSpatialReferenceH s) const noexcept {
        if (s) OSRRelease(s);
    }
};
using SrsPtr = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsReleaser>;
struct TransformDestroyer {
    void operator()(OGRCoordinateTransformationH t) const noexcept {
        if (t) OCTDestroyCoordinateTransformation(t);
    }
};
using TransformPtr = std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, TransformDestroyer>;

struct FieldDefnDestroyer {
    void operator()(OGRFieldDefnH f) const noexcept {
        if (f) OGR_Fld_Destroy(f);
    }
};
using FieldDefnPtr = std::unique_ptr<std::remove_pointer_t<OGRFieldDefnH>, FieldDefnDestroyer>;

/// A NULL-terminated list of "KEY=VALUE" strings (GDAL's options), owned.
class StringList {
public:
    StringList() = default;
    StringList(std::initializer_list<std::string> items);
    ~StringList() { CSLDestroy(m_list); }
    StringList(const StringList&) = delete;
    StringList& operator=(const StringList&) = delete;
    void add(const std::string& item) { m_list = CSLAddString(m_list, item.c_str()); }
    void set(const char* key, const std::string& value) { m_list = CSLSetNameValue(m_list, key, value.c_str()); }
    char** get() const noexcept { return m_list; }

private:
    char** m_list = nullptr;
};

/// While alive, GDAL messages of this thread are collected here instead of
/// going to the (quiet) global handler. Never throws from the C callback.
class GdalErrorScope {
public:
    GdalErrorScope();
    ~GdalErrorScope();
    GdalErrorScope(const GdalErrorScope&) = delete;
    GdalErrorScope& operator=(const GdalErrorScope&) = delete;

    bool failed() const noexcept { return !m_failures.empty(); }
    /// All failure messages joined by "; ", or GDAL's last message, or `fallback`.
    std::string message(std::string_view fallback = "unknown GDAL error") const;
    const std::vector<std::string>& warnings() const noexcept { return m_warnings; }
    void clear() noexcept;

private:
    static void CPL_STDCALL on_message(CPLErr cls, CPLErrorNum num, const char* msg);
    std::vector<std::string> m_failures;
    std::vector<std::string> m_warnings;
};

/// Sets a thread-local GDAL configuration option for the scope's lifetime
/// (and restores the previous value), so concurrent writers do not interfere.
class ConfigOptionScope {
public:
    ConfigOptionScope(const char* key, const char* value);
    ~ConfigOptionScope();
    ConfigOptionScope(const ConfigOptionScope&) = delete;
    ConfigOptionScope& operator=(const ConfigOptionScope&) = delete;

private:
    std::string m_key;
    std::optional<std::string> m_previous;
};

/// EPSG:4326 with longitude/latitude axis order (OAMS_TRADITIONAL_GIS_ORDER).
SrsPtr wgs84();

/// The OGR geometry of `g` (nullptr when `g` is empty). Points are built
/// directly (the hot path of large event layers); others go through WKB.
/// @throws IoError when GDAL rejects the geometry.
OgrGeometryPtr to_ogr(const Geometry& g);

/// `g` as a Geometry, flattened to 2D. `multi` promotes single polygons and
/// lines to their multi type. @throws IoError when it cannot be converted.
Geometry from_ogr(OGRGeometryH g, bool multi);

} // namespace geoevents::geo::detail
