// The writer registry, the conversion report, and what every file writer shares.
#include "geoevents/geo/writer.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

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

bool iequals_suffix(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    return std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

} // namespace

std::vector<std::string_view> writer_names() {
    std::vector<std::string_view> out;
    for (const auto& w : registry()) out.push_back(w->name());
    return out;
}

const Writer& find_writer(std::string_view name) {
    for (const auto& w : registry())
        if (w->name() == name) return *w;
    std::string known;
    for (const auto& w : registry()) known += (known.empty() ? "" : ", ") + std::string(w->name());
    throw Error("unknown output format '" + std::string(name) + "' (known: " + known + ")");
}

std::string_view writer_for_destination(std::string_view destination) noexcept {
    if (destination.starts_with("PG:") || destination.starts_with("pg:")) return "postgis";
    if (iequals_suffix(destination, ".gpkg")) return "gpkg";
    if (iequals_suffix(destination, ".kml")) return "kml";
    return {};
}

ConversionReport write_project(const Project& project, std::string_view format, const std::string& destination,
                               const WriteOptions& options) {
    return find_writer(format).write(project, destination, options);
}

std::string ConversionReport::text() const {
    std::string out = "geoevents conversion report\n";
    out += "format: " + format + "\n";
    out += "destination: " + destination + "\n";
    out += "features written: " + std::to_string(features_written) + "\n";
    out += "renamed fields (" + std::to_string(renamed_fields.size()) + "):\n";
    for (const auto& r : renamed_fields) out += "  " + r.layer + "." + r.field + " -> " + r.written_as + "\n";
    out += "cut text values (" + std::to_string(truncations.size()) +
           "; each cut at a UTF-8 character boundary):\n";
    for (const auto& t : truncations)
        out += "  " + t.layer + "." + t.field + " row " + std::to_string(t.row + 1) +
               (t.feature_key.empty() ? "" : " (" + t.feature_key + ")") + ": " + std::to_string(t.original_bytes) +
               " -> " + std::to_string(t.kept_bytes) + " bytes\n";
    out += "notes (" + std::to_string(notes.size()) + "):\n";
    for (const auto& n : notes) out += "  " + n + "\n";
    return out;
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) noexcept {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    // Back up over continuation bytes (10xxxxxx) to the start of the character
    // that does not fit; everything before it is whole characters.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

std::string redact_connection(std::string_view connection) {
    std::string s(connection);
    // key=value form: password=secret or password='se cret'
    std::string lower = s;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (std::size_t pos = lower.find("password"); pos != std::string::npos; pos = lower.find("password", pos + 1)) {
        std::size_t i = pos + 8;
        while (i < s.size() && s[i] == ' ') ++i;
        if (i >= s.size() || s[i] != '=') continue;
        ++i;
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t end = i;
        if (end < s.size() && s[end] == '\'') {
            ++end;
            while (end < s.size() && s[end] != '\'') end += (s[end] == '\\' && end + 1 < s.size()) ? 2 : 1;
            if (end < s.size()) ++end;
        } else {
            while (end < s.size() && s[end] != ' ' && s[end] != '&') ++end;
        }
        s.replace(i, end - i, "***");
        lower.replace(i, end - i, "***");
    }
    // URL form: postgresql://user:secret@host/db
    for (std::string_view scheme : {"postgresql://", "postgres://"}) {
        const std::size_t at_scheme = lower.find(scheme);
        if (at_scheme == std::string::npos) continue;
        const std::size_t start = at_scheme + scheme.size();
        const std::size_t at = s.find('@', start);
        const std::size_t slash = s.find('/', start);
        if (at == std::string::npos || (slash != std::string::npos && slash < at)) continue;
        const std::size_t colon = s.find(':', start);
        if (colon != std::string::npos && colon < at) s.replace(colon + 1, at - colon - 1, "***");
    }
    return s;
}

} // namespace geoevents::geo
