#pragma once
// RAII owners for GDAL handles (the C API), private to geo/.
#include <gdal.h>
#include <ogr_api.h>

#include <memory>

namespace geoevents::geo::detail {

struct DatasetCloser {
    void operator()(void* ds) const noexcept {
        if (ds) GDALClose(ds);
    }
};
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;

struct FeatureDestroyer {
    void operator()(OGRFeatureH f) const noexcept {
        if (f) OGR_F_Destroy(f);
    }
};
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDestroyer>;

/// Registers the drivers once per process (thread-safe).
void ensure_gdal_registered();

/// Registers once per process (thread-safe) only the drivers that reading
/// (reader.cpp) allows: GPKG, GeoJSON, GeoJSONSeq, ESRI Shapefile,
/// FlatGeobuf, KML, LIBKML, CSV, PostgreSQL.
void ensure_gdal_readers_registered();

} // namespace geoevents::geo::detail
