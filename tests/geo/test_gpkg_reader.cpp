// The GeoPackage reader on SQLite (geo/src/gpkg_reader.hpp) reads what GDAL's
// reader reads, and leaves to GDAL what it does not handle.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <cstdlib>
#include <cstring>
#include <vector>

#include "gdal_module.hpp"
#include "geo/project_compare.hpp"
#include "geo/story_fixture.hpp"
#include "geoevents/geo/error.hpp"
#include "geoevents/geo/layers.hpp"
#include "geoevents/geo/writer.hpp"
#include "gpkg_reader.hpp"

using namespace geoevents::geo;
using compare::TempDir;

namespace {

Project through_gdal(const std::string& path) { return detail::gdal_module().read_project(path, {}); }

/// Both readers gave the same project: layers, schemas, values and geometries.
void require_same(const Project& a, const Project& b) {
    REQUIRE(a.layers.size() == b.layers.size());
    for (std::size_t i = 0; i < a.layers.size(); ++i) {
        const Layer& x = a.layers[i];
        const Layer& y = b.layers[i];
        INFO("layer " << x.name);
        CHECK(x.name == y.name);
        CHECK(x.geometry_type == y.geometry_type);
        REQUIRE(x.fields.size() == y.fields.size());
        for (std::size_t k = 0; k < x.fields.size(); ++k) {
            CHECK(x.fields[k].name == y.fields[k].name);
            CHECK(x.fields[k].type == y.fields[k].type);
        }
        REQUIRE(x.features.size() == y.features.size());
        for (std::size_t r = 0; r < x.features.size(); ++r) {
            INFO("row " << r + 1);
            CHECK(x.features[r].geometry.empty() == y.features[r].geometry.empty());
            if (!x.features[r].geometry.empty()) CHECK(x.features[r].geometry.wkb() == y.features[r].geometry.wkb());
            REQUIRE(x.features[r].values.size() == y.features[r].values.size());
            for (std::size_t k = 0; k < x.features[r].values.size(); ++k) {
                INFO("field " << x.fields[k].name);
                CHECK(x.features[r].values[k].index() == y.features[r].values[k].index());
                CHECK(to_text(x.features[r].values[k]) == to_text(y.features[r].values[k]));
            }
        }
    }
}

/// Runs one SQL statement on the file (what a person's edit in a GIS does).
/// The spatial index's triggers call functions only GDAL defines: they are
/// dropped first (neither reader uses the index).
void execute(const std::string& path, const std::string& sql, const std::vector<std::uint8_t>& blob = {}) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    std::vector<std::string> triggers;
    sqlite3_exec(
        db, "SELECT name FROM sqlite_master WHERE type = 'trigger'",
        [](void* out, int, char** v, char**) {
            static_cast<std::vector<std::string>*>(out)->emplace_back(v[0]);
            return 0;
        },
        &triggers, nullptr);
    for (const auto& t : triggers) sqlite3_exec(db, ("DROP TRIGGER \"" + t + "\"").c_str(), nullptr, nullptr, nullptr);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
    if (!blob.empty()) sqlite3_bind_blob(s, 1, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    CHECK(sqlite3_step(s) == SQLITE_DONE);
    sqlite3_finalize(s);
    sqlite3_close(db);
}

/// A GeoPackage point blob (little-endian, no envelope) at x, y.
std::vector<std::uint8_t> point_blob(double x, double y) {
    std::vector<std::uint8_t> b = {'G', 'P', 0, 1, 0xE6, 0x10, 0, 0, 1, 1, 0, 0, 0};
    b.resize(b.size() + 16);
    std::memcpy(b.data() + 13, &x, 8);
    std::memcpy(b.data() + 21, &y, 8);
    return b;
}

std::string story_gpkg(const TempDir& dir) {
    const std::string path = (dir / "events.gpkg").string();
    write_project(build_layers(story::input_with_border()), "gpkg", path);
    return path;
}

} // namespace

TEST_CASE("the project's GeoPackage reads the same without GDAL as through it", "[geo][reader][gpkg]") {
    TempDir dir;
    const std::string path = story_gpkg(dir);
    const auto own = detail::read_own_gpkg(path, {});
    REQUIRE(own.has_value());  // the toolkit's own file never needs GDAL to be read
    require_same(*own, through_gdal(path));
    require_same(*own, read_project(path));
    // Every layer, date-times as ISO 8601 UTC, areas, borders and movements as multi types.
    CHECK(own->layers.size() == 6);
    CHECK(own->find(layer_borders)->features.front().geometry.type_name() == "MultiLineString");
    const Layer* events = own->find(layer_events);
    REQUIRE(events);
    const auto date = events->field_index("date_start");
    REQUIRE(date);
    CHECK(events->fields[*date].type == FieldType::datetime);
    CHECK(to_text(events->features.front().values[*date]).size() == 20);
    CHECK(own->find(layer_areas)->features.front().geometry.type_name() == "MultiPolygon");
}

TEST_CASE("edits made in a GIS read the same both ways", "[geo][reader][gpkg]") {
    TempDir dir;
    const std::string path = story_gpkg(dir);
    // A moved point, a renamed place, a cleared label, a date typed by hand
    // without milliseconds, a single polygon where a multipolygon was.
    execute(path, "UPDATE places SET geom = ?1 WHERE fid = 1", point_blob(2.25, 14.5));
    execute(path, "UPDATE places SET name = 'Menaka (edited)', label = '' WHERE fid = 2");
    execute(path, "UPDATE events SET date_start = '2022-02-18T06:30:00Z' WHERE fid = 1");
    execute(path, "UPDATE areas SET geom = (SELECT geom FROM areas WHERE fid = 1) WHERE fid = 2");
    const auto own = detail::read_own_gpkg(path, {});
    REQUIRE(own.has_value());
    require_same(*own, through_gdal(path));
    CHECK(to_text(own->find(layer_events)->features.front().values[*own->find(layer_events)->field_index("date_start")]) ==
          "2022-02-18T06:30:00Z");
}

TEST_CASE("impossible coordinates are refused with the same message both ways", "[geo][reader][gpkg]") {
    TempDir dir;
    const std::string path = story_gpkg(dir);
    execute(path, "UPDATE places SET geom = ?1 WHERE fid = 3", point_blob(12.6, 95.0));
    std::string own_message, gdal_message;
    try {
        (void)detail::read_own_gpkg(path, {});
    } catch (const geoevents::ParseError& e) {
        own_message = e.what();
    }
    try {
        (void)through_gdal(path);
    } catch (const geoevents::ParseError& e) {
        gdal_message = e.what();
    }
    CHECK(own_message.find("layer places, feature 3: latitude 95.000000 is beyond ±90") != std::string::npos);
    CHECK(own_message.find("swapped") != std::string::npos);
    CHECK(own_message == gdal_message);
}

TEST_CASE("what the SQLite reader does not handle goes to GDAL's", "[geo][reader][gpkg]") {
    TempDir dir;
    const std::string path = story_gpkg(dir);
    SECTION("a layer saved in another CRS is transformed by GDAL") {
        const std::string metres = (dir / "metres.gpkg").string();
        REQUIRE(std::system(("ogr2ogr -q -f GPKG -t_srs EPSG:3857 '" + metres + "' '" + path + "' places").c_str()) == 0);
        CHECK_FALSE(detail::read_own_gpkg(metres, {}).has_value());
        const Project back = read_project(metres);
        const Layer* places = back.find(layer_places);
        REQUIRE(places);
        const Bbox b = places->features.front().geometry.envelope();
        const Bbox a = read_project(path).find(layer_places)->features.front().geometry.envelope();
        CHECK(b.min_lon == Approx(a.min_lon).margin(1e-6));
        CHECK(b.min_lat == Approx(a.min_lat).margin(1e-6));
    }
    SECTION("a geometry blob that is not 2D WKB") {
        execute(path, "UPDATE places SET geom = X'4750000100000000' || X'01E9030000' WHERE fid = 1");
        CHECK_FALSE(detail::read_own_gpkg(path, {}).has_value());
    }
    SECTION("a file that is not a database") {
        const std::string junk = (dir / "junk.gpkg").string();
        REQUIRE(std::system(("printf 'not a geopackage' > '" + junk + "'").c_str()) == 0);
        CHECK_FALSE(detail::read_own_gpkg(junk, {}).has_value());
        CHECK_THROWS_AS(read_project(junk), geoevents::IoError);
    }
    SECTION("another format") { CHECK_FALSE(detail::read_own_gpkg((dir / "events.geojson").string(), {}).has_value()); }
}
