// PostGIS through GDAL's PostgreSQL driver. Tables places, areas, events,
// movements and metadata, each with a leading `project` column, so many
// projects share one database. Writing a project is idempotent and atomic:
// in ONE transaction, take a per-project advisory lock (two writers of the
// same project queue instead of both inserting), delete that project's rows,
// insert the new ones, commit. Any failure rolls everything back.
#include <cctype>
#include <filesystem>

#include "geoevents/geo/error.hpp"
#include "ogr_write.hpp"
#include "writers.hpp"

namespace geoevents::geo::detail {

namespace {

/// Removes the connection's password from a message, whichever form GDAL or
/// libpq echoed it in.
std::string scrub(std::string message, const std::string& password) {
    message = redact_connection(message);
    if (password.size() >= 3)
        for (std::size_t p = message.find(password); p != std::string::npos; p = message.find(password, p + 3))
            message.replace(p, password.size(), "***");
    return message;
}

/// The value of password=… in a "PG:" connection string ("" when absent).
std::string password_of(const std::string& conn) {
    std::string lower = conn;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::size_t pos = lower.find("password"); pos != std::string::npos; pos = lower.find("password", pos + 1)) {
        std::size_t i = pos + 8;
        while (i < conn.size() && conn[i] == ' ') ++i;
        if (i >= conn.size() || conn[i] != '=') continue;
        ++i;
        while (i < conn.size() && conn[i] == ' ') ++i;
        std::string value;
        if (i < conn.size() && conn[i] == '\'') {
            for (++i; i < conn.size() && conn[i] != '\''; ++i) {
                if (conn[i] == '\\' && i + 1 < conn.size()) ++i;
                value += conn[i];
            }
        } else {
            while (i < conn.size() && conn[i] != ' ') value += conn[i++];
        }
        return value;
    }
    return {};
}

/// "schema"."table" for an OGR layer name that may carry a schema.
std::string table_ref(const std::string& layer_name) {
    const std::size_t dot = layer_name.find('.');
    if (dot == std::string::npos) return sql_identifier(layer_name);
    return sql_identifier(layer_name.substr(0, dot)) + "." + sql_identifier(layer_name.substr(dot + 1));
}

class PostgisWriter final : public Writer {
public:
    std::string_view name() const noexcept override { return "postgis"; }
    std::string_view description() const noexcept override {
        return "PostGIS (destination \"PG:host=… dbname=…\"): the project's rows replaced in one transaction";
    }
    OutputKind output_kind() const noexcept override { return OutputKind::database; }

    ConversionReport write(const Project& project, const std::string& destination,
                           const WriteOptions& options) const override {
        const std::string shown = redact_connection(destination);
        const std::string password = password_of(destination);
        const std::string& id = options.project_id;
        if (!destination.starts_with("PG:"))
            throw IoError("PostGIS " + shown + ": the destination must be a connection string \"PG:…\"");
        if (id.empty() || id.find('\0') != std::string::npos)
            throw IoError("PostGIS " + shown + ": the project id must be non-empty text");

        ConversionReport report;
        report.format = "postgis";
        report.destination = shown;

        ensure_gdal_registered();
        // COPY instead of one INSERT per row, also into existing tables.
        ConfigOptionScope copy("PG_USE_COPY", "YES");
        GdalErrorScope errors;
        const char* const drivers[] = {"PostgreSQL", nullptr};
        DatasetPtr ds(GDALOpenEx(destination.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr));
        if (!ds) throw IoError("PostGIS " + shown + ": cannot connect: " + scrub(errors.message(), password));
        auto fail = [&](const std::string& what) -> IoError {
            return IoError("PostGIS " + shown + ": " + what + ": " + scrub(errors.message(), password));
        };
        auto exec = [&](const std::string& sql, const char* what) {
            errors.clear();
            OGRLayerH result = GDALDatasetExecuteSQL(ds.get(), sql.c_str(), nullptr, nullptr);
            if (result) GDALDatasetReleaseResultSet(ds.get(), result);
            if (errors.failed()) throw fail(what);
        };

        if (GDALDatasetStartTransaction(ds.get(), FALSE) != OGRERR_NONE) throw fail("cannot start a transaction");
        try {
            exec("SELECT pg_advisory_xact_lock(hashtext(" + sql_literal("geoevents:" + id) + "))",
                 "cannot lock the project");
            for (const auto& layer : project.layers) {
                OGRLayerH existing = GDALDatasetGetLayerByName(ds.get(), layer.name.c_str());
                if (existing) {
                    if (OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(existing), "project") < 0)
                        throw IoError("PostGIS " + shown + ": table " + layer.name +
                                      " exists without a `project` column: not a geoevents table; nothing written");
                    exec("DELETE FROM " + table_ref(OGR_L_GetName(existing)) + " WHERE project = " + sql_literal(id),
                         ("cannot delete the previous rows of project " + id + " from " + layer.name).c_str());
                }
                StringList layer_options{"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=GIST", "LAUNDER=NO",
                                         "PRECISION=NO", "DESCRIPTION=" + layer_description(layer.name)};
                LayerPlan plan = default_plan(layer);
                plan.layer_options = &layer_options;
                plan.constants = {{"project", id}};
                try {
                    report.features_written += write_layer(ds.get(), layer, plan, "PostGIS " + shown, report, existing);
                } catch (const IoError& e) {
                    throw IoError(scrub(e.what(), password));
                }
                report.files.push_back(layer.name);
            }
            errors.clear();
            if (GDALDatasetCommitTransaction(ds.get()) != OGRERR_NONE || errors.failed())
                throw fail("cannot commit (nothing was written)");
        } catch (...) {
            GDALDatasetRollbackTransaction(ds.get());
            throw;
        }
        errors.clear();
        ds.reset();
        if (errors.failed()) throw fail("error while closing the connection");
        return report;
    }
};

} // namespace

std::unique_ptr<Writer> make_postgis_writer() { return std::make_unique<PostgisWriter>(); }

} // namespace geoevents::geo::detail
