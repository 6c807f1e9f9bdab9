// The writer registry and what every file writer shares (in the GDAL module).
#include "geoevents/geo/writer.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "gdal_module.hpp"
#include "geoevents/geo/error.hpp"
#include "ogr_write.hpp"
#include "writers.hpp"

namespace geoevents::geo {

namespace fs = std::filesystem;

namespace detail {

GDALDriverH gdal_driver(const char* name) {
    ensure_gdal_registered();
    GDALDriverH d = GDALGetDriverByName(name);
    if (!d) throw IoError(std::string("the GDAL driver ") + name + " is not available in this GDAL build");
    return d;
}

DatasetPtr create_dataset(GDALDriverH driver, const std::string& path, const std::string& where, StringList* options) {
    GdalErrorScope errors;
    GDALDatasetH ds = GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, options ? options->get() : nullptr);
    if (!ds) throw IoError(where + ": cannot create: " + errors.message());
    return DatasetPtr(ds);
}

void close_dataset(DatasetPtr& ds, const std::string& where, ConversionReport& report) {
    GdalErrorScope errors;
    ds.reset();
    if (errors.failed()) throw IoError(where + ": cannot complete the file: " + errors.message());
    add_warnings(errors, report, where);
}

ConversionReport write_staged(std::string_view format, const std::string& destination, OutputKind kind,
                              const std::function<void(const StagingArea&, const std::string&, ConversionReport&)>& produce) {
    ConversionReport report;
    report.format = std::string(format);
    report.destination = final_name(destination);
    const fs::path dest(destination);
    std::string file_name;
    fs::path dir = dest;
    if (destination.empty()) throw IoError(std::string(format) + ": no destination given");
    if (kind == OutputKind::file) {
        file_name = dest.filename().string();
        std::error_code ec;
        if (file_name.empty() || file_name == "." || file_name == ".." || fs::is_directory(dest, ec))
            throw IoError(destination + ": is a directory; the " + std::string(format) + " writer needs a file name");
        dir = dest.parent_path();
        if (dir.empty()) dir = ".";
    }
    const auto created = prepare_directory(dir);
    try {
        StagingArea stage;
        produce(stage, file_name, report);
        if (kind == OutputKind::directory && !report.lossless()) stage.put("conversion-report.txt", report.text());
        report.files = stage.commit(dir);
        for (auto& f : report.files) f = final_name(f);
        return report;
    } catch (...) {
        remove_created(created);
        throw;
    }
}

std::string layer_description(std::string_view layer) {
    if (layer == layer_places) return "Places named in the articles, one point each, with mention counts";
    if (layer == layer_areas) return "Countries, regions and composite regions involved in events (simplified polygons)";
    if (layer == layer_borders) return "Borders the articles name: the line two countries share";
    if (layer == layer_events) return "Events, one point each at their location, with dates, actors and evidence";
    if (layer == layer_movements) return "Movements of forces or support: geodesic lines from origin to destination";
    if (layer == layer_metadata) return "Sources, reference date, toolkit version and data credits";
    return {};
}

} // namespace detail

namespace {

const std::vector<std::unique_ptr<Writer>>& registry() {
    static const std::vector<std::unique_ptr<Writer>> writers = [] {
        std::vector<std::unique_ptr<Writer>> w;
        w.push_back(detail::make_gpkg_writer());
        w.push_back(detail::make_geojson_writer());
        w.push_back(detail::make_geojsonseq_writer());
        w.push_back(detail::make_shapefile_writer());
        w.push_back(detail::make_fgb_writer());
        w.push_back(detail::make_kml_writer());
        w.push_back(detail::make_csv_writer());
        w.push_back(detail::make_postgis_writer());
        return w;
    }();
    return writers;
}

} // namespace

namespace detail {

std::vector<const Writer*> gdal_writers() {
    std::vector<const Writer*> out;
    for (const auto& w : registry()) out.push_back(w.get());
    return out;
}

} // namespace detail

} // namespace geoevents::geo
