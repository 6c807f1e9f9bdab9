#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "geo/project_compare.hpp"
#include "geo/story_fixture.hpp"
#include "geoevents/geo/error.hpp"
#include "geoevents/geo/layers.hpp"
#include "geoevents/geo/writer.hpp"

using namespace geoevents::geo;
namespace fs = std::filesystem;
using compare::TempDir;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Where a format puts one layer (and under which layer name GDAL sees it).
std::string layer_source(std::string_view format, const fs::path& dest, const Layer& layer) {
    const bool table = layer.geometry_type == GeometryType::none;
    if (format == "gpkg" || format == "kml") return dest.string();
    if (format == "geojson") return (dest / (layer.name + ".geojson")).string();
    if (format == "geojsonseq") return (dest / (layer.name + ".geojsonl")).string();
    if (format == "fgb") return (dest / (layer.name + (table ? ".csv" : ".fgb"))).string();
    if (format == "csv") return (dest / (layer.name + ".csv")).string();
    if (format == "shp") return (dest / (layer.name + (table ? ".dbf" : ".shp"))).string();
    FAIL("unknown format " << format);
    return {};
}

std::size_t long_values(const Project& p, std::size_t limit) {
    std::size_t n = 0;
    for (const auto& l : p.layers)
        for (const auto& f : l.features)
            for (const auto& v : f.values)
                if (const auto* s = std::get_if<std::string>(&v); s && s->size() > limit) ++n;
    return n;
}

int run(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }

} // namespace

TEST_CASE("writers are registered by name", "[geo][writer][fast]") {
    const auto names = writer_names();
    for (std::string_view n : {"gpkg", "geojson", "geojsonseq", "shp", "fgb", "kml", "csv", "postgis"})
        CHECK(std::find(names.begin(), names.end(), n) != names.end());
    CHECK(find_writer("gpkg").output_kind() == OutputKind::file);
    CHECK(find_writer("shp").output_kind() == OutputKind::directory);
    CHECK(find_writer("postgis").output_kind() == OutputKind::database);
    CHECK_THROWS_AS(find_writer("dxf"), geoevents::Error);
    CHECK(writer_for_destination("PG:dbname=x") == "postgis");
    CHECK(writer_for_destination("out/Events.GPKG") == "gpkg");
    CHECK(writer_for_destination("out/") == "");
}

TEST_CASE("UTF-8 prefixes never split a character", "[geo][writer][fast]") {
    CHECK(utf8_prefix("abc", 10) == "abc");
    CHECK(utf8_prefix("abcé", 4) == "abc");   // é is 2 bytes: bytes 3-4
    CHECK(utf8_prefix("abcé", 5) == "abcé");
    CHECK(utf8_prefix("a€", 3) == "a");       // € is 3 bytes
    CHECK(utf8_prefix("a😀b", 4) == "a");     // 4-byte emoji
    CHECK(utf8_prefix("a😀b", 5) == "a😀");
}

TEST_CASE("passwords are hidden in connection strings", "[geo][writer][fast]") {
    CHECK(redact_connection("PG:host=db password=s3cret dbname=x") == "PG:host=db password=*** dbname=x");
    CHECK(redact_connection("PG:password = 'a b' host=db") == "PG:password = *** host=db");
    CHECK(redact_connection("postgresql://me:s3cret@db/x") == "postgresql://me:***@db/x");
    CHECK(redact_connection("PG:host=db dbname=x") == "PG:host=db dbname=x");
}

TEST_CASE("the GeoPackage holds every layer and the metadata table, and reads back equal", "[geo][writer][gpkg]") {
    TempDir dir;
    const Project original = build_layers(story::input());
    const auto path = dir / "events.gpkg";
    const ConversionReport r = write_project(original, "gpkg", path.string());
    CHECK(r.lossless());
    CHECK(r.files == std::vector<std::string>{path.string()});
    std::size_t total = 0;
    for (const auto& l : original.layers) total += l.features.size();
    CHECK(r.features_written == total);
    const Project back = read_project(path.string());
    compare::compare_projects(original, back);
    CHECK(back.metadata("data_credits") == "GeoNames (CC BY 4.0), Natural Earth (public domain)");
    CHECK(compare::temporaries(dir.path()).empty());
    CHECK(fs::directory_iterator(dir.path()) != fs::directory_iterator());
}

TEST_CASE("the GeoPackage passes GDAL's validate_gpkg.py", "[geo][writer][gpkg]") {
    const std::string script = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";
    // Debian's python3-gdal is for /usr/bin/python3 (a pyenv python3 on PATH may lack osgeo).
    std::string python;
    for (const char* candidate : {"/usr/bin/python3", "python3"})
        if (run(std::string(candidate) + " -c 'import osgeo.ogr'") == 0) {
            python = candidate;
            break;
        }
    if (python.empty() || !fs::exists(script)) {
        WARN("SKIPPED: python3-gdal (validate_gpkg.py) is not installed");
        return;
    }
    TempDir dir;
    const auto path = dir / "events.gpkg";
    write_project(build_layers(story::input()), "gpkg", path.string());
    const std::string out = (dir / "validate.txt").string();
    const int rc = std::system((python + " " + script + " " + path.string() + " >" + out + " 2>&1").c_str());
    INFO(slurp(out));
    CHECK(rc == 0);
}

TEST_CASE("round trip: GPKG to every format and back", "[geo][writer][roundtrip]") {
    TempDir dir;
    const Project original = build_layers(story::input());
    const auto gpkg = dir / "events.gpkg";
    write_project(original, "gpkg", gpkg.string());
    const Project from_gpkg = read_project(gpkg.string());

    for (std::string_view format : {"geojson", "geojsonseq", "shp", "fgb", "kml", "csv"}) {
        INFO("format " << format);
        const fs::path dest = format == "kml" ? dir / "events.kml" : dir / std::string(format);
        const ConversionReport report = write_project(from_gpkg, format, dest.string());
        compare::Options o;
        // GeoJSON (RFC 7946) keeps 6 decimals; KML and CSV print coordinates as text.
        o.coordinate_tolerance = 1e-6;
        if (format == "shp") o.max_text = 254;
        for (const auto& layer : original.layers) {
            const Layer back = read_layer(layer_source(format, dest, layer), format == "kml" ? layer.name : "");
            // Shapefile renames are per layer: apply this layer's only.
            compare::Options lo = o;
            lo.renamed.clear();
            for (const auto& r : report.renamed_fields)
                if (r.layer == layer.name) lo.renamed[r.field] = r.written_as;
            compare::compare_layer(layer, back, lo);
        }
        const fs::path where = format == "kml" ? dir.path() : dest;
        CHECK(compare::temporaries(where).empty());

        if (format == "shp") {
            // Names shortened, mapped beside the files; long text cut and counted.
            CHECK_FALSE(report.renamed_fields.empty());
            for (const auto& r : report.renamed_fields) CHECK(r.written_as.size() <= 10);
            CHECK(report.truncations.size() == long_values(original, 254));
            CHECK(report.truncations.size() >= 2);  // e1's evidence, in events and in movements
            for (const auto& t : report.truncations) {
                CHECK(t.kept_bytes <= 254);
                CHECK(t.original_bytes > 254);
            }
            const std::string fields = slurp(dest / "fields.csv");
            CHECK(fields.find("movements,origin_rule,origin_rul,string") != std::string::npos);
            const std::string rep = slurp(dest / "conversion-report.txt");
            CHECK(rep.find("events.evidence row 1 (e1)") != std::string::npos);
            CHECK(rep == report.text());
            CHECK(slurp(dest / "events.cpg").find("UTF-8") != std::string::npos);
            CHECK(fs::exists(dest / "events.prj"));
            CHECK(fs::exists(dest / "areas.shp"));
            CHECK(fs::exists(dest / "movements.shp"));
            CHECK(fs::exists(dest / "metadata.dbf"));
        } else if (format == "fgb") {
            CHECK(report.notes.size() == 1);  // metadata as metadata.csv
            CHECK(fs::exists(dest / "conversion-report.txt"));
        } else if (format == "geojson" || format == "geojsonseq") {
            INFO(report.text());
            CHECK(report.lossless());
        }
    }
}

TEST_CASE("every writer writes the borders layer when there is one, and it reads back", "[geo][writer][roundtrip]") {
    TempDir dir;
    const Project original = build_layers(story::input_with_border());
    const Layer& borders = *original.find(layer_borders);
    for (std::string_view format : {"gpkg", "geojson", "geojsonseq", "shp", "fgb", "kml", "csv"}) {
        INFO("format " << format);
        const fs::path dest = format == "gpkg" ? dir / "events.gpkg" : format == "kml" ? dir / "events.kml" : dir / std::string(format);
        const ConversionReport report = write_project(original, format, dest.string());
        const bool one_file = format == "gpkg" || format == "kml";
        const Layer back = read_layer(layer_source(format, dest, borders), one_file ? "borders" : "");
        compare::Options o;
        o.coordinate_tolerance = 1e-6;
        for (const auto& r : report.renamed_fields)
            if (r.layer == borders.name) o.renamed[r.field] = r.written_as;
        compare::compare_layer(borders, back, o);
        if (format == "shp") CHECK(fs::exists(dest / "borders.shp"));
    }
}

TEST_CASE("GeoJSON follows RFC 7946", "[geo][writer][geojson]") {
    TempDir dir;
    write_project(build_layers(story::input()), "geojson", (dir / "out").string());
    for (const char* layer : {"places", "areas", "events", "movements", "metadata"}) {
        INFO(layer);
        const std::string text = slurp(dir / "out" / (std::string(layer) + ".geojson"));
        CHECK_FALSE(std::regex_search(text, std::regex(R"(^"crs"\s*:)", std::regex::multiline)));
        // No coordinate with more than 6 decimals (attributes aside).
        const std::string geometries = std::regex_replace(text, std::regex(R"("properties": \{.*?\}, "geometry")"), "");
        CHECK_FALSE(std::regex_search(geometries, std::regex(R"([0-9]\.[0-9]{7,})")));
    }
    // Movements are geodesic lines: their coordinates have 6 decimals indeed.
    CHECK(std::regex_search(slurp(dir / "out" / "movements.geojson"), std::regex(R"(\.[0-9]{6}\b)")));
}

TEST_CASE("an output under a regular file fails clearly and creates nothing", "[geo][writer][atomic]") {
    TempDir dir;
    const auto file = dir / "somefile";
    std::ofstream(file) << "not a directory";
    const Project p = build_layers(story::input());
    for (std::string_view format : {"gpkg", "geojson", "shp"}) {
        INFO(format);
        const fs::path dest = format == "gpkg" ? file / "out" / "events.gpkg" : file / "out";
        try {
            write_project(p, format, dest.string());
            FAIL("expected an IoError");
        } catch (const geoevents::IoError& e) {
            CHECK(std::string(e.what()).find(file.string()) != std::string::npos);
        }
    }
    CHECK(slurp(file) == "not a directory");
    // /proc refuses new files even to root.
    CHECK_THROWS_AS(write_project(p, "gpkg", "/proc/geoevents-test.gpkg"), geoevents::IoError);
    CHECK_FALSE(fs::exists("/proc/geoevents-test.gpkg"));
}

TEST_CASE("a failed write leaves the previous output as it was", "[geo][writer][atomic]") {
    TempDir dir;
    const Project good = build_layers(story::input());
    const auto gpkg = dir / "events.gpkg";
    write_project(good, "gpkg", gpkg.string());
    write_project(good, "shp", (dir / "shp").string());
    const std::string before = slurp(gpkg);
    const std::string before_shp = slurp(dir / "shp" / "events.dbf");

    // A project GDAL refuses half-way: a points layer with a line in its third row.
    Project bad = good;
    bad.find(layer_events)->features[2].geometry = Geometry::from_wkt("LINESTRING(0 0,1 1)");
    bad.find(layer_events)->geometry_type = GeometryType::point;
    CHECK_THROWS_AS(write_project(bad, "shp", (dir / "shp").string()), geoevents::IoError);
    CHECK(slurp(dir / "shp" / "events.dbf") == before_shp);
    CHECK(compare::temporaries(dir / "shp").empty());

    // A row with fewer values than fields: the writer throws before anything reaches the disk.
    Project broken = good;
    broken.find(layer_places)->features[1].values.pop_back();
    CHECK_THROWS_AS(write_project(broken, "gpkg", gpkg.string()), geoevents::Error);
    CHECK(slurp(gpkg) == before);
    CHECK(compare::temporaries(dir.path()).empty());
}

namespace {

/// A 64 KiB tmpfs mounted for the test's lifetime (root only).
class SmallFileSystem {
public:
    explicit SmallFileSystem(const fs::path& where) : m_where(where) {
        fs::create_directories(where);
        m_mounted = run("mount -t tmpfs -o size=64k tmpfs '" + where.string() + "'") == 0;
    }
    ~SmallFileSystem() {
        if (m_mounted) run("umount '" + m_where.string() + "'");
    }
    SmallFileSystem(const SmallFileSystem&) = delete;
    SmallFileSystem& operator=(const SmallFileSystem&) = delete;
    bool mounted() const noexcept { return m_mounted; }

private:
    fs::path m_where;
    bool m_mounted = false;
};

/// Fills the file system at `dir` until a write fails.
void fill(const fs::path& dir) {
    std::ofstream out(dir / "filler", std::ios::binary);
    const std::string block(4096, 'x');
    while (out.write(block.data(), static_cast<std::streamsize>(block.size())) && out.flush()) {
    }
}

} // namespace

TEST_CASE("a full file system fails the write and leaves no partial file", "[geo][writer][atomic]") {
    TempDir dir;
    SmallFileSystem small(dir / "small");
    if (!small.mounted()) {
        WARN("SKIPPED: cannot mount a tmpfs here (needs root and mount permission)");
        return;
    }
    const fs::path mnt = dir / "small";
    const Project p = build_layers(story::input());

    // A GeoPackage is larger than 64 KiB: it cannot fit at all.
    try {
        write_project(p, "gpkg", (mnt / "events.gpkg").string());
        FAIL("expected an IoError");
    } catch (const geoevents::IoError& e) {
        const std::string what = e.what();
        CHECK(what.find("events.gpkg") != std::string::npos);
        CHECK(what.find("No space left on device") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(mnt / "events.gpkg"));
    CHECK(compare::temporaries(mnt).empty());

    // The GeoJSON files fit; then the disk fills up; the second write fails and
    // the first one's files survive byte for byte.
    write_project(p, "geojson", (mnt / "geojson").string());
    const std::string events_before = slurp(mnt / "geojson" / "events.geojson");
    REQUIRE_FALSE(events_before.empty());
    fill(mnt);
    Project changed = p;
    std::get<std::string>(changed.find(layer_events)->features[0].values[1]) = "redeployment";
    CHECK_THROWS_AS(write_project(changed, "geojson", (mnt / "geojson").string()), geoevents::IoError);
    CHECK(slurp(mnt / "geojson" / "events.geojson") == events_before);
    CHECK(compare::temporaries(mnt / "geojson").empty());
    CHECK(compare::temporaries(mnt).empty());
}

TEST_CASE("Reading GeoJSON another tool wrote: a crs member is honoured, swapped coordinates refused", "[geo][reader]") {
    TempDir dir;
    const auto write = [&](const std::string& name, const std::string& text) {
        const fs::path p = dir.path() / name;
        std::ofstream(p) << text;
        return p.string();
    };
    const std::string feature_start =
        R"({"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Point","coordinates":)";

    SECTION("Web Mercator metres (the obsolete crs member) come back as longitude/latitude") {
        // (2.3522, 48.8566) in EPSG:3857.
        const std::string path = write(
            "mercator.geojson",
            R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},"features":[)" +
                feature_start + "[261845.7, 6250564.3]}}]}");
        const Layer l = read_layer(path);
        REQUIRE(l.features.size() == 1);
        const std::string wkt = l.features[0].geometry.wkt(3);
        INFO(wkt);
        CHECK(wkt.find("POINT (2.352 48.857)") != std::string::npos);
    }
    SECTION("latitude first: refused, naming the feature and the likely cause") {
        const std::string path = write("swapped.geojson", R"({"type":"FeatureCollection","features":[)" + feature_start +
                                                              "[2.35, 48.85]}}," + feature_start + "[16.27, -0.05]}}," +
                                                              feature_start + "[-0.05, 140.0]}}]}");
        try {
            read_layer(path);
            FAIL("expected a ParseError");
        } catch (const geoevents::ParseError& e) {
            const std::string what = e.what();
            INFO(what);
            CHECK(what.find("swapped.geojson") != std::string::npos);
            CHECK(what.find("feature 2") != std::string::npos);
            CHECK(what.find("beyond ±90") != std::string::npos);
            CHECK(what.find("swapped") != std::string::npos);
        }
    }
}
