// File writers through GDAL drivers: GeoPackage, GeoJSON, GeoJSON Sequence,
// FlatGeobuf, KML and CSV. (Shapefile and PostGIS have files of their own.)
#include <algorithm>
#include <filesystem>

#include "geoevents/geo/error.hpp"
#include "ogr_write.hpp"
#include "writers.hpp"

namespace geoevents::geo::detail {

namespace {

/// Writers with one file per layer share this shape.
struct PerLayerFormat {
    const char* name;
    const char* description;
    const char* driver;
    const char* extension;
    bool datetime_as_text;                    ///< date-times written as ISO 8601 text
    std::vector<std::string> layer_options;   ///< for layers with geometry
    std::vector<std::string> table_options;   ///< for the metadata table (no geometry)
    bool tables_as_csv;                       ///< the driver cannot hold a table without geometry
};

class PerLayerWriter final : public Writer {
public:
    explicit PerLayerWriter(PerLayerFormat f) : m_f(std::move(f)) {}
    std::string_view name() const noexcept override { return m_f.name; }
    std::string_view description() const noexcept override { return m_f.description; }
    OutputKind output_kind() const noexcept override { return OutputKind::directory; }

    ConversionReport write(const Project& project, const std::string& destination, const WriteOptions&) const override {
        return write_staged(m_f.name, destination, OutputKind::directory,
                            [&](const StagingArea& stage, const std::string&, ConversionReport& report) {
                                for (const auto& layer : project.layers) write_one(stage, layer, destination, report);
                            });
    }

private:
    void write_one(const StagingArea& stage, const Layer& layer, const std::string& destination,
                   ConversionReport& report) const {
        const bool table = layer.geometry_type == GeometryType::none;
        const bool as_csv = table && m_f.tables_as_csv;
        const std::string file = layer.name + (as_csv ? ".csv" : m_f.extension);
        const std::string where = (std::filesystem::path(destination) / file).string();
        if (as_csv)
            report.notes.push_back(std::string(m_f.name) + " cannot hold a table without geometry: layer " +
                                   layer.name + " written as " + file);
        StringList options;
        for (const auto& o : (table ? m_f.table_options : m_f.layer_options)) options.add(o);
        if (as_csv) options.add("CREATE_CSVT=YES");
        LayerPlan plan = default_plan(layer, m_f.datetime_as_text || as_csv);
        plan.layer_options = &options;
        if ((m_f.datetime_as_text || as_csv) &&
            std::any_of(layer.fields.begin(), layer.fields.end(), [](const FieldDef& f) { return f.type == FieldType::datetime; }))
            report.notes.push_back(layer.name + ": date-time fields written as ISO 8601 text");
        DatasetPtr ds = create_dataset(gdal_driver(as_csv ? "CSV" : m_f.driver), stage.path(file), where);
        report.features_written += write_layer(ds.get(), layer, plan, where, report);
        close_dataset(ds, where, report);
    }

    PerLayerFormat m_f;
};

class GpkgWriter final : public Writer {
public:
    std::string_view name() const noexcept override { return "gpkg"; }
    std::string_view description() const noexcept override {
        return "GeoPackage: every layer and the metadata table in one file (the project file)";
    }
    OutputKind output_kind() const noexcept override { return OutputKind::file; }

    ConversionReport write(const Project& project, const std::string& destination, const WriteOptions&) const override {
        return write_staged("gpkg", destination, OutputKind::file,
                            [&](const StagingArea& stage, const std::string& file, ConversionReport& report) {
                                DatasetPtr ds = create_dataset(gdal_driver("GPKG"), stage.path(file), destination);
                                for (const auto& layer : project.layers) {
                                    StringList options{"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES",
                                                       "IDENTIFIER=" + layer.name,
                                                       "DESCRIPTION=" + layer_description(layer.name)};
                                    LayerPlan plan = default_plan(layer);
                                    plan.layer_options = &options;
                                    // One transaction per layer: SQLite commits once, not per feature.
                                    plan.transaction = true;
                                    report.features_written += write_layer(ds.get(), layer, plan, destination, report);
                                }
                                close_dataset(ds, destination, report);
                            });
    }
};

class KmlWriter final : public Writer {
public:
    std::string_view name() const noexcept override { return "kml"; }
    std::string_view description() const noexcept override {
        return "KML: one file, one folder per layer, attributes as ExtendedData";
    }
    OutputKind output_kind() const noexcept override { return OutputKind::file; }

    // GDAL's own KML driver, which streams. Not LIBKML, although it would
    // write the dates as <TimeSpan>: in GDAL 3.6 it builds the document in
    // memory and serialises it in worse than quadratic time (measured: 5,000
    // placemarks 3 s, 10,000 placemarks 24 s, 20,000 placemarks 2 min).
    ConversionReport write(const Project& project, const std::string& destination, const WriteOptions&) const override {
        return write_staged("kml", destination, OutputKind::file,
                            [&](const StagingArea& stage, const std::string& file, ConversionReport& report) {
                                StringList options{"NameField=name"};
                                DatasetPtr ds =
                                    create_dataset(gdal_driver("KML"), stage.path(file), destination, &options);
                                for (const auto& layer : project.layers) {
                                    LayerPlan plan = default_plan(layer, /*datetime_as_text=*/true);
                                    if (std::any_of(layer.fields.begin(), layer.fields.end(), [](const FieldDef& f) {
                                            return f.type == FieldType::datetime;
                                        }))
                                        report.notes.push_back(layer.name + ": date-time fields written as ISO 8601 text");
                                    report.features_written += write_layer(ds.get(), layer, plan, destination, report);
                                }
                                close_dataset(ds, destination, report);
                            });
    }
};

} // namespace

std::unique_ptr<Writer> make_gpkg_writer() { return std::make_unique<GpkgWriter>(); }
std::unique_ptr<Writer> make_kml_writer() { return std::make_unique<KmlWriter>(); }

std::unique_ptr<Writer> make_geojson_writer() {
    // RFC 7946: WGS 84 lon/lat, no crs member, right-hand rule (the driver
    // enforces it), 6 decimals (≈ 0.1 m).
    return std::make_unique<PerLayerWriter>(PerLayerFormat{
        "geojson", "GeoJSON (RFC 7946), one file per layer: <layer>.geojson", "GeoJSON", ".geojson", false,
        {"RFC7946=YES", "COORDINATE_PRECISION=6", "WRITE_NAME=YES"},
        {"RFC7946=YES", "WRITE_NAME=YES"}, false});
}

std::unique_ptr<Writer> make_geojsonseq_writer() {
    return std::make_unique<PerLayerWriter>(PerLayerFormat{
        "geojsonseq", "GeoJSON text sequences (one feature per line), one file per layer: <layer>.geojsonl",
        "GeoJSONSeq", ".geojsonl", false, {"COORDINATE_PRECISION=6"}, {}, false});
}

std::unique_ptr<Writer> make_fgb_writer() {
    // GDAL 3.6's FlatGeobuf driver drops features without geometry: the
    // metadata table goes to metadata.csv (reported).
    return std::make_unique<PerLayerWriter>(PerLayerFormat{
        "fgb", "FlatGeobuf with spatial index, one file per layer: <layer>.fgb (metadata as metadata.csv)",
        "FlatGeobuf", ".fgb", false, {"SPATIAL_INDEX=YES"}, {}, true});
}

std::unique_ptr<Writer> make_csv_writer() {
    return std::make_unique<PerLayerWriter>(PerLayerFormat{
        "csv", "CSV with WKT geometry (column WKT) and a .csvt of types, one file per layer: <layer>.csv", "CSV",
        ".csv", true, {"GEOMETRY=AS_WKT", "CREATE_CSVT=YES"}, {"CREATE_CSVT=YES"}, false});
}

} // namespace geoevents::geo::detail
