// ESRI Shapefile: one file set per layer (a shapefile holds one geometry
// type), UTF-8 (.cpg), WGS 84 (.prj). What the format cannot hold is
// converted, and every conversion is reported:
// - field names longer than 10 characters are shortened without collisions;
//   the mapping is written beside the files (fields.csv) and in the report;
// - date-times are kept as ISO 8601 text (dBASE has dates, not date-times);
// - text longer than 254 bytes (the dBASE limit) is cut at a UTF-8 character
//   boundary, and each cut is listed in conversion-report.txt.
#include <algorithm>
#include <filesystem>
#include <set>

#include "geoevents/geo/error.hpp"
#include "ogr_write.hpp"
#include "writers.hpp"

namespace geoevents::geo::detail {

namespace {

constexpr std::size_t max_name = 10;
constexpr std::size_t max_text = 254;

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

/// dBASE names for `fields`: kept when short enough, else the first ten
/// characters, else the first characters and "_N". Names that already fit
/// are reserved first so that a shortened name never takes theirs.
/// Comparison ignores case, as dBASE readers do.
std::vector<std::string> dbf_names(const std::vector<FieldDef>& fields) {
    std::set<std::string> used;
    std::vector<std::string> out(fields.size());
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name.size() <= max_name && used.insert(lower(fields[i].name)).second) out[i] = fields[i].name;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (!out[i].empty()) continue;
        std::string candidate = fields[i].name.substr(0, max_name);
        for (int n = 1; used.contains(lower(candidate)); ++n) {
            // Built in place: GCC 12's -O3 -Wrestrict misfires on `"_" + std::to_string(n)`.
            std::string suffix = std::to_string(n);
            suffix.insert(suffix.begin(), '_');
            candidate.assign(fields[i].name, 0, max_name - suffix.size());
            candidate.append(suffix);
        }
        used.insert(lower(candidate));
        out[i] = candidate;
    }
    return out;
}

class ShapefileWriter final : public Writer {
public:
    std::string_view name() const noexcept override { return "shp"; }
    std::string_view description() const noexcept override {
        return "ESRI Shapefile, one per layer (<layer>.shp/.shx/.dbf/.prj/.cpg; metadata.dbf), field map in "
               "fields.csv, conversions in conversion-report.txt";
    }
    OutputKind output_kind() const noexcept override { return OutputKind::directory; }

    ConversionReport write(const Project& project, const std::string& destination, const WriteOptions&) const override {
        return write_staged("shp", destination, OutputKind::directory,
                            [&](const StagingArea& stage, const std::string&, ConversionReport& report) {
                                std::string map = "layer,field,shapefile_field,type\n";
                                for (const auto& layer : project.layers)
                                    write_one(stage, layer, destination, report, map);
                                stage.put("fields.csv", map);
                            });
    }

private:
    static void write_one(const StagingArea& stage, const Layer& layer, const std::string& destination,
                          ConversionReport& report, std::string& map) {
        const bool table = layer.geometry_type == GeometryType::none;
        const std::string file = layer.name + (table ? ".dbf" : ".shp");
        const std::string where = (std::filesystem::path(destination) / file).string();

        LayerPlan plan = default_plan(layer, /*datetime_as_text=*/true);
        const std::vector<std::string> names = dbf_names(layer.fields);
        bool has_datetime = false;
        for (std::size_t i = 0; i < layer.fields.size(); ++i) {
            const FieldDef& f = layer.fields[i];
            FieldPlan& fp = plan.fields[i];
            fp.name = names[i];
            if (fp.name != f.name) report.renamed_fields.push_back({layer.name, f.name, fp.name});
            map += layer.name + "," + f.name + "," + fp.name + "," + std::string(to_string(f.type)) + "\n";
            has_datetime |= f.type == FieldType::datetime;
            if (fp.type == OFTString) {
                // As wide as the longest value (dBASE pads every record to the
                // width: 254 everywhere would multiply the file size), at most 254.
                std::size_t widest = 1;
                for (const auto& feat : layer.features)
                    if (const auto* s = std::get_if<std::string>(&feat.values[i])) widest = std::max(widest, s->size());
                fp.width = static_cast<int>(std::min(widest, max_text));
                fp.max_bytes = max_text;
            } else if (fp.type == OFTReal) {
                fp.width = 24;
                fp.precision = 15;
            }
        }
        if (has_datetime) report.notes.push_back(layer.name + ": date-time fields written as ISO 8601 text");

        StringList options{"ENCODING=UTF-8"};
        plan.layer_options = &options;
        DatasetPtr ds = create_dataset(gdal_driver("ESRI Shapefile"), stage.path(file), where);
        report.features_written += write_layer(ds.get(), layer, plan, where, report);
        close_dataset(ds, where, report);
    }
};

} // namespace

std::unique_ptr<Writer> make_shapefile_writer() { return std::make_unique<ShapefileWriter>(); }

} // namespace geoevents::geo::detail
