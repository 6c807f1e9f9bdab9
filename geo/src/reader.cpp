// Reading the project's layers back through GDAL (GeoPackage, PostGIS, and
// whatever else GDAL opens), typed as the schema is.
#include <algorithm>
#include <utility>

#include "gdal_module.hpp"
#include "gdal_util.hpp"
#include "geoevents/geo/error.hpp"
#include "geoevents/geo/writer.hpp"
#include "read_checks.hpp"

namespace geoevents::geo {

namespace {

FieldType schema_type(OGRFieldType t) {
    switch (t) {
    case OFTInteger:
    case OFTInteger64: return FieldType::integer;
    case OFTReal: return FieldType::real;
    case OFTDate:
    case OFTDateTime: return FieldType::datetime;
    default: return FieldType::string;
    }
}

GeometryType schema_geometry(OGRwkbGeometryType t) {
    switch (wkbFlatten(t)) {
    case wkbNone: return GeometryType::none;
    case wkbPoint: return GeometryType::point;
    case wkbLineString:
    case wkbMultiLineString: return GeometryType::multi_line_string;
    case wkbPolygon:
    case wkbMultiPolygon: return GeometryType::multi_polygon;
    default: return GeometryType::none;  // unknown: decided from the features
    }
}

/// The transformation from the layer's CRS to WGS 84 longitude/latitude, or
/// null when it is that already (or declares none: the toolkit's own files).
/// A GeoJSON `crs` member (obsolete since RFC 7946, still written by some
/// tools) or a shapefile's .prj in metres is honoured, not misread as degrees.
detail::TransformPtr transform_to_wgs84(OGRLayerH l, const std::string& source, const std::string& layer) {
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(l);
    if (!srs) return nullptr;
    const detail::SrsPtr wgs84 = detail::wgs84();
    const char* const same[] = {"CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS", nullptr};
    if (OSRIsSameEx(srs, wgs84.get(), same)) return nullptr;
    detail::TransformPtr t(OCTNewCoordinateTransformation(srs, wgs84.get()));
    if (!t) {
        const char* name = OSRGetName(srs);
        throw ParseError(source, 0, 0,
                         "layer " + layer + ": its coordinate reference system (" + (name ? name : "unnamed") +
                             ") cannot be transformed to WGS 84 longitude/latitude");
    }
    return t;
}

Layer read_from(OGRLayerH l, const std::string& source, const ReadOptions& options) {
    detail::GdalErrorScope errors;
    Layer out;
    out.name = OGR_L_GetName(l);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(l);
    const int project_field = OGR_FD_GetFieldIndex(defn, "project");
    if (!options.project_id.empty() && project_field >= 0) {
        const std::string filter = "project = " + detail::sql_literal(options.project_id);
        if (OGR_L_SetAttributeFilter(l, filter.c_str()) != OGRERR_NONE)
            throw IoError(source + ": layer " + out.name + ": cannot select project " + options.project_id + ": " +
                          errors.message());
    }
    std::vector<int> fields;
    std::vector<OGRFieldType> types;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        if (i == project_field) continue;
        OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
        fields.push_back(i);
        types.push_back(OGR_Fld_GetType(fd));
        out.fields.push_back({OGR_Fld_GetNameRef(fd), schema_type(OGR_Fld_GetType(fd))});
    }
    const OGRwkbGeometryType declared = OGR_L_GetGeomType(l);
    out.geometry_type = schema_geometry(declared);
    const bool infer = wkbFlatten(declared) != wkbNone && out.geometry_type == GeometryType::none;

    const detail::TransformPtr to_wgs84 = transform_to_wgs84(l, source, out.name);

    std::vector<std::pair<GIntBig, LayerFeature>> rows;
    OGR_L_ResetReading(l);
    while (detail::FeaturePtr f{OGR_L_GetNextFeature(l)}) {
        // The geometry first, moved into the feature: a default Geometry is a
        // GEOS allocation of its own, not worth making 100,000 times for nothing.
        OGRGeometryH g = OGR_F_GetGeometryRef(f.get());
        if (g && to_wgs84 && OGR_G_Transform(g, to_wgs84.get()) != OGRERR_NONE)
            throw ParseError(source, 0, 0,
                             "layer " + out.name + ", feature " + std::to_string(OGR_F_GetFID(f.get())) +
                                 ": cannot transform its coordinates to WGS 84");
        if (g && !OGR_G_IsEmpty(g)) {
            OGREnvelope e;
            OGR_G_GetEnvelope(g, &e);
            detail::check_envelope(e.MinX, e.MinY, e.MaxX, e.MaxY, source, out.name, OGR_F_GetFID(f.get()));
        }
        if (g && infer && out.geometry_type == GeometryType::none) out.geometry_type = schema_geometry(OGR_G_GetGeometryType(g));
        LayerFeature lf{[&] {
                            if (!g) return Geometry();
                            try {
                                return detail::from_ogr(g, true);
                            } catch (const Error& e) {
                                throw IoError(source + ": layer " + out.name + ": feature " +
                                              std::to_string(OGR_F_GetFID(f.get())) + ": " + e.what());
                            }
                        }(),
                        {}};
        lf.values.reserve(fields.size());
        for (std::size_t k = 0; k < fields.size(); ++k) {
            const int i = fields[k];
            if (!OGR_F_IsFieldSetAndNotNull(f.get(), i)) {
                lf.values.emplace_back(std::monostate{});
                continue;
            }
            switch (types[k]) {
            case OFTInteger:
            case OFTInteger64: lf.values.emplace_back(std::int64_t{OGR_F_GetFieldAsInteger64(f.get(), i)}); break;
            case OFTReal: lf.values.emplace_back(OGR_F_GetFieldAsDouble(f.get(), i)); break;
            case OFTDate:
            case OFTDateTime: {
                int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
                float s = 0;
                if (OGR_F_GetFieldAsDateTimeEx(f.get(), i, &y, &mo, &d, &h, &mi, &s, &tz))
                    lf.values.emplace_back(detail::iso_utc(y, mo, d, h, mi, s, tz));
                else
                    lf.values.emplace_back(std::string(OGR_F_GetFieldAsString(f.get(), i)));
                break;
            }
            default: {
                std::string s = OGR_F_GetFieldAsString(f.get(), i);
                // Formats without null text (CSV, dBASE) give "": the schema never writes "".
                if (s.empty()) lf.values.emplace_back(std::monostate{});
                else lf.values.emplace_back(std::move(s));
            }
            }
        }
        rows.emplace_back(OGR_F_GetFID(f.get()), std::move(lf));
    }
    if (errors.failed()) throw IoError(source + ": layer " + out.name + ": cannot read: " + errors.message());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    out.features.reserve(rows.size());
    for (auto& r : rows) out.features.push_back(std::move(r.second));
    return out;
}

detail::DatasetPtr open_source(const std::string& source, detail::GdalErrorScope& errors) {
    detail::ensure_gdal_readers_registered();
    // Only the drivers of the formats the toolkit writes: a hostile file is
    // never handed to GDAL's other drivers (the OSM driver, say, builds a
    // temporary SQLite database from anything that looks like "<osm": found
    // by fuzz_geo_read, over a second per input).
    static const char* const drivers[] = {"GPKG", "GeoJSON", "GeoJSONSeq", "ESRI Shapefile", "FlatGeobuf",
                                          "KML", "LIBKML", "CSV", "PostgreSQL", nullptr};
    // Reading needs none of SpatiaLite's SQL functions, which the GeoPackage
    // driver otherwise initialises on every open (it opens PROJ's database:
    // about 3 % of the instructions of a whole `geoevents render`).
    const detail::ConfigOptionScope no_spatialite("SPATIALITE_LOAD", "NO");
    GDALDatasetH ds = GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr);
    if (!ds)
        throw IoError(redact_connection(source) + ": cannot open as vector data: " +
                      redact_connection(errors.message("not a vector data source")));
    return detail::DatasetPtr(ds);
}

} // namespace

namespace detail {

Layer gdal_read_layer(const std::string& source, std::string_view layer, const ReadOptions& options) {
    detail::GdalErrorScope errors;
    auto ds = open_source(source, errors);
    const std::string name(layer);
    OGRLayerH l = name.empty() ? GDALDatasetGetLayer(ds.get(), 0) : GDALDatasetGetLayerByName(ds.get(), name.c_str());
    if (!l) throw IoError(redact_connection(source) + ": no layer '" + name + "'");
    try {
        return read_from(l, redact_connection(source), options);
    } catch (const IoError& e) {
        throw IoError(redact_connection(e.what()));
    }
}

Project gdal_read_project(const std::string& source, const ReadOptions& options) {
    detail::GdalErrorScope errors;
    auto ds = open_source(source, errors);
    Project project;
    for (std::string_view name : project_layer_names) {
        OGRLayerH l = GDALDatasetGetLayerByName(ds.get(), std::string(name).c_str());
        if (!l) continue;
        try {
            project.layers.push_back(read_from(l, redact_connection(source), options));
        } catch (const IoError& e) {
            throw IoError(redact_connection(e.what()));
        }
    }
    if (project.layers.empty()) throw_not_a_project(redact_connection(source));
    return project;
}

} // namespace detail

} // namespace geoevents::geo
