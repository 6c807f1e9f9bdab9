// The GDAL module's one exported symbol (gdal_module.hpp).
#include "gdal_module.hpp"

extern "C" __attribute__((visibility("default"))) const geoevents::geo::detail::GdalModule* geoevents_gdal_module() {
    using namespace geoevents::geo::detail;
    static const GdalModule table = [] {
        GdalModule m;
        m.writers = &gdal_writers;
        m.read_layer = &gdal_read_layer;
        m.read_project = &gdal_read_project;
        m.list_layers = &gdal_list_layers;
        m.read_features = &gdal_read_features;
        return m;
    }();
    return &table;
}
