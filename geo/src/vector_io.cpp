#include "geoevents/geo/vector_io.hpp"

#include <algorithm>
#include <cpl_error.h>
#include <mutex>
#include <ogrsf_frmts.h>

#include "gdal_handles.hpp"
#include "gdal_module.hpp"
#include "geoevents/geo/error.hpp"

namespace geoevents::geo {

namespace detail {
void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // Libraries do not print: GDAL's messages become exception text instead.
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

void ensure_gdal_readers_registered() {
    static std::once_flag once;
    std::call_once(once, [] {
        // The drivers reader.cpp opens files with, in GDALAllRegister's own
        // order (KML files go to LIBKML first, as there), rather than all
        // 230 of them: 8 million instructions, 1.4 % of a whole `geoevents
        // render`. Registering a driver again is a no-op, so a later
        // GDALAllRegister completes the set.
        RegisterOGRShape();
        RegisterOGRCSV();
        RegisterOGRLIBKML();
        RegisterOGRKML();
        RegisterOGRGeoJSON();
        RegisterOGRGeoJSONSeq();
        RegisterOGRGeoPackage();
        RegisterOGRPG();
        RegisterOGRFlatGeobuf();
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}
} // namespace detail

namespace {
detail::DatasetPtr open_vector(const std::string& source) {
    detail::ensure_gdal_registered();
    CPLErrorReset();
    GDALDatasetH ds = GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!ds) {
        std::string why = CPLGetLastErrorMsg();
        throw IoError(source + ": cannot open as vector data" + (why.empty() ? "" : ": " + why));
    }
    return detail::DatasetPtr(ds);
}
} // namespace

namespace detail {

std::vector<std::string> gdal_list_layers(const std::string& source) {
    auto ds = open_vector(source);
    const int n = GDALDatasetGetLayerCount(ds.get());
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(std::max(n, 0)));
    for (int i = 0; i < n; ++i)
        out.emplace_back(OGR_L_GetName(GDALDatasetGetLayer(ds.get(), i)));
    return out;
}

std::vector<Feature> gdal_read_features(const std::string& source, const std::string& layer_name) {
    auto ds = open_vector(source);
    OGRLayerH layer = layer_name.empty() ? GDALDatasetGetLayer(ds.get(), 0)
                                         : GDALDatasetGetLayerByName(ds.get(), layer_name.c_str());
    if (!layer) throw IoError(source + ": no layer '" + layer_name + "'");
    std::vector<Feature> out;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int nfields = OGR_FD_GetFieldCount(defn);
    OGR_L_ResetReading(layer);
    while (detail::FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        Feature feat;
        for (int i = 0; i < nfields; ++i) {
            const char* name = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i));
            feat.fields[name] = OGR_F_IsFieldSetAndNotNull(f.get(), i) ? OGR_F_GetFieldAsString(f.get(), i) : "";
        }
        if (OGRGeometryH g = OGR_F_GetGeometryRef(f.get())) {
            std::vector<unsigned char> wkb(static_cast<std::size_t>(OGR_G_WkbSize(g)));
            if (OGR_G_ExportToIsoWkb(g, wkbNDR, wkb.data()) != OGRERR_NONE)
                throw IoError(source + ": cannot read the geometry of feature " + std::to_string(OGR_F_GetFID(f.get())));
            feat.geometry = Geometry::from_wkb(wkb);
        }
        out.push_back(std::move(feat));
    }
    return out;
}

} // namespace detail

} // namespace geoevents::geo
