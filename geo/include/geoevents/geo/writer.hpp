#pragma once
// Writing and reading the project through GDAL's drivers. One schema for
// every format (project.hpp, docs/layers.md); writers are chosen by name.
// GDAL stays inside geo/: this header names no GDAL type.
//
// Atomicity contract of every file writer: the output is first produced in
// GDAL's in-memory file system, then copied to a temporary name in the
// destination directory (checked writes, fsync) and renamed over the final
// name only once every file of the output is complete. A failed write throws
// and leaves neither a truncated file where a good one was nor a temporary
// behind. The PostGIS writer instead uses one database transaction.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "geoevents/geo/project.hpp"

namespace geoevents::geo {

/// A field written under another name (Shapefile's 10-character limit).
struct FieldRename {
    std::string layer;
    std::string field;       ///< the schema's name
    std::string written_as;  ///< the name in the output
};

/// A text value cut to fit the format (Shapefile: 254 bytes), always at a
/// UTF-8 character boundary.
struct Truncation {
    std::string layer;
    std::string field;
    std::size_t row = 0;        ///< 0-based feature index in the layer
    std::string feature_key;    ///< the feature's id (event_id, place_id, key) when it has one
    std::size_t original_bytes = 0;
    std::size_t kept_bytes = 0;
};

/// What a writer changed on the way out. Nothing is lost silently: each
/// renamed field, each cut value and each other change is listed here, and
/// writers of directory formats also write it beside the files
/// (`conversion-report.txt`) whenever it is not empty.
struct ConversionReport {
    std::string format;
    std::string destination;          ///< as given (PostGIS: password hidden)
    std::vector<std::string> files;   ///< files written (final names), or tables for PostGIS
    std::size_t features_written = 0; ///< all layers together
    std::vector<FieldRename> renamed_fields;
    std::vector<Truncation> truncations;
    std::vector<std::string> notes;   ///< other documented conversions (e.g. "metadata written as metadata.csv")

    /// True when nothing was renamed, cut, or otherwise changed.
    bool lossless() const noexcept { return renamed_fields.empty() && truncations.empty() && notes.empty(); }
    /// Human-readable report (the text of conversion-report.txt).
    std::string text() const;
};

struct WriteOptions {
    /// PostGIS only: the rows of this project replace the previous ones.
    std::string project_id = "default";
};

/// Where a writer puts its output.
enum class OutputKind : std::uint8_t {
    file,       ///< destination is the output file (gpkg, kml)
    directory,  ///< destination is a directory, created if missing; one file (set) per layer
    database,   ///< destination is a connection string ("PG:…")
};

/// One output format. Implementations are stateless and thread-compatible.
class Writer {
public:
    virtual ~Writer() = default;
    virtual std::string_view name() const noexcept = 0;         ///< "gpkg", "geojson", …
    virtual std::string_view description() const noexcept = 0;  ///< one line for --help
    virtual OutputKind output_kind() const noexcept = 0;
    /// Writes every layer of `project` to `destination`.
    /// @throws IoError naming the destination when it cannot be written (nothing is left behind).
    virtual ConversionReport write(const Project& project, const std::string& destination,
                                   const WriteOptions& options) const = 0;
};

/// The registered writers, by name: gpkg, geojson, geojsonseq, shp, fgb, kml, csv, postgis.
std::vector<std::string_view> writer_names();
/// @throws Error listing the known names when `name` is not one of them.
const Writer& find_writer(std::string_view name);
/// The writer a destination implies: "PG:…" → postgis; by extension .gpkg,
/// .kml; otherwise empty (a directory format must then be named).
std::string_view writer_for_destination(std::string_view destination) noexcept;

/// find_writer(format).write(project, destination, options).
ConversionReport write_project(const Project& project, std::string_view format, const std::string& destination,
                               const WriteOptions& options = {});

struct ReadOptions {
    /// PostGIS (any source with a `project` column): only the rows of this project.
    /// Empty: every row.
    std::string project_id;
};

/// Reads one layer of a vector source in one of the formats the toolkit
/// writes (a GeoPackage, a GeoJSON file, a directory of shapefiles, "PG:…";
/// GDAL's other drivers are never tried on it), `layer` empty meaning the first one.
/// Field types are mapped back to the schema's (String → string, Integer and
/// Integer64 → integer, Real → real, Date/DateTime → datetime as ISO 8601
/// UTC text); the `project` column of PostGIS tables is not returned.
/// Geometries come back in WGS 84 longitude/latitude: a layer in another CRS
/// (a GeoJSON `crs` member, a shapefile's .prj) is transformed.
/// @throws IoError naming the source when it or the layer cannot be opened;
///         ParseError naming the layer and the feature for coordinates beyond
///         ±180/±90 or not finite (swapped latitude/longitude say so), or a
///         CRS that cannot be transformed.
Layer read_layer(const std::string& source, std::string_view layer = {}, const ReadOptions& options = {});

/// Reads the project's layers (places, areas, events, movements, metadata)
/// from a GeoPackage or a PostGIS database — for `export`, `render`, `view`,
/// and round-trip tests. Layers absent from the source are absent from the
/// result; features come in the order of their feature ids.
/// @throws IoError naming the source when it cannot be opened or read;
///         ParseError when it holds none of the project's layers (another
///         program's file).
Project read_project(const std::string& source, const ReadOptions& options = {});

/// `connection` with the value of any password=… (and the password of a
/// postgresql:// URL) replaced by "***", for messages.
std::string redact_connection(std::string_view connection);

/// The longest prefix of `text` that has at most `max_bytes` bytes and does
/// not end inside a UTF-8 character.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) noexcept;

} // namespace geoevents::geo
