// The place names the reference story needs, against the real index built
// from the pinned sources (ctest sets GEOEVENTS_INDEX).
#include <catch2/catch.hpp>

#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/geo/geometry.hpp"

using namespace geoevents;
using gazetteer::Gazetteer;

namespace {
const Gazetteer& gz() {
    static const Gazetteer g = Gazetteer::open_default();
    return g;
}

struct Expect {
    const char* name;
    geo::PlaceKind kind;
    const char* country;  // "" for places spanning several countries
    double lat, lon, tolerance_km;
};

gazetteer::PlaceView best(const char* name, gazetteer::Lang lang = gazetteer::Lang::any) {
    gazetteer::LookupOptions o;
    o.lang = lang;
    const auto c = gz().lookup(name, o);
    REQUIRE_FALSE(c.empty());
    return gz().place(c.front().place);
}
} // namespace

TEST_CASE("the reference story's places resolve first to the right place", "[gazetteer][lookup]") {
    using K = geo::PlaceKind;
    const Expect cases[] = {
        {"Bamako", K::city, "ML", 12.65, -8.0, 20},
        {"Ménaka", K::city, "ML", 15.92, 2.40, 20},
        {"Menaka", K::city, "ML", 15.92, 2.40, 20},
        {"Liptako", K::region, "", 14.0, 0.5, 300},
        {"Liptako-Gourma", K::region, "", 14.0, 0.5, 400},
        {"Gulf of Guinea", K::sea, "", 2.5, 2.5, 900},
        {"golfe de Guinée", K::sea, "", 2.5, 2.5, 900},
        {"Sahel", K::region, "", 14.5, 0.0, 1500},
        {"West Africa", K::region, "", 12.0, -2.0, 1500},
        {"Afrique de l'Ouest", K::region, "", 12.0, -2.0, 1500},
        {"Afrique de l’Ouest", K::region, "", 12.0, -2.0, 1500},
        {"Niger", K::country, "NE", 17.6, 8.1, 600},
        {"Paris", K::city, "FR", 48.85, 2.35, 20},
        {"Tombouctou", K::city, "ML", 16.77, -3.01, 20},
        {"Timbuktu", K::city, "ML", 16.77, -3.01, 20},
        {"Gao", K::city, "ML", 16.27, -0.04, 20},
        {"Gossi", K::base, "ML", 15.82, -1.30, 30},
        {"Kidal", K::city, "ML", 18.44, 1.41, 20},
        {"Niamey", K::city, "NE", 13.51, 2.11, 20},
        {"Abidjan", K::city, "CI", 5.35, -4.0, 20},
        {"Accra", K::city, "GH", 5.56, -0.20, 20},
        {"Lomé", K::city, "TG", 6.13, 1.22, 20},
        {"Cotonou", K::city, "BJ", 6.37, 2.42, 20},
        {"Ouagadougou", K::city, "BF", 12.37, -1.53, 20},
        {"N'Djamena", K::city, "TD", 12.11, 15.04, 20},
        {"N’Djamena", K::city, "TD", 12.11, 15.04, 20},
        {"Mali", K::country, "ML", 17.6, -4.0, 600},
        {"Washington", K::city, "US", 38.9, -77.04, 30},
    };
    for (const auto& e : cases) {
        INFO("name: " << e.name);
        const auto p = best(e.name);
        CHECK(p.kind == e.kind);
        CHECK(p.country == e.country);
        CHECK(geo::distance_km(p.point, {e.lon, e.lat}) <= e.tolerance_km);
    }
}

TEST_CASE("a country ranks before the homonymous river, a capital before a small town", "[gazetteer][lookup]") {
    const auto niger = gz().lookup("Niger");
    REQUIRE(niger.size() >= 2);
    CHECK(gz().place(niger[0].place).kind == geo::PlaceKind::country);
    bool river = false;
    for (const auto& c : niger) river = river || gz().place(c.place).kind == geo::PlaceKind::river;
    CHECK(river);

    const auto paris = gz().lookup("Paris", {.limit = 5});
    REQUIRE(paris.size() >= 2);
    CHECK(gz().place(paris[0].place).country == "FR");
    CHECK(gz().place(paris[1].place).country == "US");  // Paris, Texas and its namesakes follow
}

TEST_CASE("composites are unions of their members with a polygon", "[gazetteer][lookup]") {
    const auto p = best("pays du Golfe de Guinée");
    CHECK(p.composite);
    REQUIRE_FALSE(p.polygon.empty());
    const auto poly = geo::Geometry::from_wkb(p.polygon);
    CHECK(poly.is_valid());
    for (const geo::LonLat city : {geo::LonLat{-4.0083, 5.3097} /*Abidjan*/, {-0.1969, 5.5560} /*Accra*/,
                                   {1.2123, 6.1375} /*Lomé*/, {2.4183, 6.3654} /*Cotonou*/})
        CHECK(poly.contains(city));
    CHECK(poly.contains(p.point));
    CHECK_FALSE(poly.contains({-8.0, 12.65}));  // Bamako is not on the Gulf

    const auto wa = best("Afrique de l'Ouest");
    CHECK(wa.composite);
    CHECK(geo::Geometry::from_wkb(wa.polygon).contains({-8.0, 12.65}));
}

TEST_CASE("countries carry polygons at two scales", "[gazetteer][lookup]") {
    const auto mali = best("Mali");
    REQUIRE_FALSE(mali.polygon.empty());
    REQUIRE_FALSE(mali.detail_polygon.empty());
    const auto g50 = geo::Geometry::from_wkb(mali.polygon), g10 = geo::Geometry::from_wkb(mali.detail_polygon);
    CHECK(g50.contains({-8.0, 12.65}));
    CHECK(g10.num_points() > g50.num_points());
    CHECK(g50.contains(mali.point));
}

TEST_CASE("demonyms point to their place", "[gazetteer][lookup]") {
    auto demonym = [](const char* w) {
        gazetteer::LookupOptions o;
        o.places = false;
        o.demonyms = true;
        const auto c = gz().lookup(w, o);
        REQUIRE_FALSE(c.empty());
        CHECK(c.front().demonym);
        return gz().place(c.front().place);
    };
    CHECK(demonym("malien").id == "ne:ML");
    CHECK(demonym("maliennes").id == "ne:ML");
    CHECK(demonym("Maliens").id == "ne:ML");
    CHECK(demonym("français").id == "ne:FR");
    CHECK(demonym("French").id == "ne:FR");
    CHECK(demonym("nigérien").id == "ne:NE");
    CHECK(demonym("Nigerian").id == "ne:NG");
    const auto europe = demonym("européens");
    CHECK(europe.name == "Europe");
    CHECK(europe.kind == geo::PlaceKind::region);
}

TEST_CASE("lookup is insensitive to case, accents, apostrophes, hyphens and spacing", "[gazetteer][lookup]") {
    const auto a = gz().lookup("N'Djamena"), b = gz().lookup("n’djamena"), c = gz().lookup("  N-DJAMENA ");
    REQUIRE_FALSE(a.empty());
    CHECK(a.front().place == b.front().place);
    CHECK(a.front().place == c.front().place);
    CHECK(gz().lookup("LOME").front().place == gz().lookup("Lomé").front().place);
}

TEST_CASE("stable ids find their place and an unknown name gives nothing", "[gazetteer][lookup]") {
    const auto ml = gz().find_id("ne:ML");
    REQUIRE(ml);
    CHECK(gz().place(*ml).name == "Mali");
    CHECK(gz().find_id("geonames:2460596").has_value());  // Bamako
    CHECK_FALSE(gz().find_id("ne:ZZ").has_value());
    CHECK(gz().lookup("Qwxzyplonk").empty());
    CHECK(gz().lookup_key("").empty());
    CHECK(gz().has_prefix("golfe de"));
    CHECK_FALSE(gz().has_prefix("qwxzyplonk"));
}

TEST_CASE("a subdivision named after a point of the compass has its French names", "[gazetteer][lookup]") {
    for (const char* name : {"Kordofan du Nord", "Kordofan-Nord", "Nord-Kordofan", "North Kordofan"}) {
        INFO(name);
        const auto c = gz().lookup(name);
        REQUIRE_FALSE(c.empty());
        CHECK(gz().place(c.front().place).id == "iso:SD-KN");
    }
    const auto south = gz().lookup("Kordofan du Sud");
    REQUIRE_FALSE(south.empty());
    CHECK(gz().place(south.front().place).id == "iso:SD-KS");
}

TEST_CASE("a country's national capital", "[gazetteer][lookup]") {
    const auto name = [](std::string_view iso2) {
        const auto id = gz().capital_of(iso2);
        return id ? std::string(gz().place(*id).id) : std::string();
    };
    CHECK(name("ML") == "geonames:2460596");  // Bamako
    CHECK(name("NE") == "geonames:2440485");  // Niamey
    CHECK(name("TD") == "geonames:2427123");  // N'Djamena
    const auto fr = gz().capital_of("FR");
    REQUIRE(fr);
    CHECK(gz().place(*fr).name == "Paris");
    CHECK(gz().place(*fr).capital);
    CHECK_FALSE(gz().capital_of("ZZ"));
    CHECK_FALSE(gz().capital_of(""));
    CHECK_FALSE(gz().capital_of("MLI"));
}

TEST_CASE("cities know their first-level subdivision", "[gazetteer][lookup]") {
    CHECK(best("Gao").admin1 == "Gao");
    CHECK(best("Timbuktu").admin1 == "Tombouctou");
    CHECK(best("Paris").admin1 == "Île-de-France");
}

TEST_CASE("one probe answers a key's candidates and whether a longer name starts with it", "[gazetteer]") {
    for (const char* key : {"bamako", "burkina", "golfe de guinee", "niger", "no such place here"}) {
        const auto a = gz().probe_key(key);
        const auto c = gz().lookup_key(key);
        CHECK(a.candidates.data() == c.data());
        CHECK(a.candidates.size() == c.size());
        CHECK(a.prefix == gz().has_prefix(key));
        // Runs of candidates lie in the postings: a derived table stores them as offsets.
        const auto all = gz().postings();
        if (!c.empty()) CHECK((c.data() >= all.data() && c.data() + c.size() <= all.data() + all.size()));
    }
    CHECK(gz().probe_key("burkina").prefix);  // "burkina faso"
    CHECK_FALSE(gz().probe_key("bamako").candidates.empty());
}

TEST_CASE("the fingerprint names one build of the index", "[gazetteer]") {
    const auto again = Gazetteer::open(gz().path());
    CHECK(again.fingerprint() == gz().fingerprint());
    CHECK(gz().fingerprint() != 0);
}

TEST_CASE("subdivisions of both levels: ISO 3166-2 and the curated cercles and departments", "[gazetteer][lookup]") {
    using K = geo::PlaceKind;
    const Expect cases[] = {
        {"Cabo Delgado", K::admin1, "MZ", -12.4, 39.4, 150},
        {"Niassa", K::admin1, "MZ", -13.1, 36.5, 200},
        {"North Darfur", K::admin1, "SD", 16.0, 26.0, 300},
        {"North Kivu", K::admin1, "CD", -0.8, 29.0, 150},  // its English name, a curated names.csv row
        {"Nord-Kivu", K::admin1, "CD", -0.8, 29.0, 150},
        {"province du Soum", K::admin2, "BF", 14.3, -1.3, 60},  // "soum" is an English word: only with its type
        {"Soum province", K::admin2, "BF", 14.3, -1.3, 60},
        {"Yagha", K::admin2, "BF", 13.4, 0.6, 60},
        {"Al Haouz", K::admin2, "MA", 31.3, -7.9, 80},
        {"cercle de Bourem", K::admin2, "ML", 16.95, -0.35, 10},
        {"Torodi", K::admin2, "NE", 13.12, 1.80, 10},
        {"département de Torodi", K::admin2, "NE", 13.12, 1.80, 10},
        {"Gao", K::city, "ML", 16.27, -0.04, 20},
        {"Bourem", K::city, "ML", 16.95, -0.35, 10},
        {"Tillabéri", K::city, "NE", 14.21, 1.45, 10},
        {"Vladimir", K::city, "RU", 56.14, 40.40, 20},  // not the oblast, whose French name it is
    };
    for (const auto& e : cases) {
        INFO("name: " << e.name);
        const auto p = best(e.name);
        CHECK(p.kind == e.kind);
        CHECK(p.country == e.country);
        CHECK(geo::distance_km(p.point, {e.lon, e.lat}) < e.tolerance_km);
    }
    const auto soum = best("province of Soum");
    CHECK(soum.admin1 == "Sahel");  // its region
    const auto bourem = best("cercle de Bourem");
    CHECK(bourem.admin1 == "Gao");
    // Names of direction are never a subdivision's own name.
    for (const char* generic : {"Centre", "Est", "Centre-Nord", "North East"}) {
        INFO(generic);
        for (const auto& c : gz().lookup(generic)) CHECK_FALSE((c.primary && gz().place(c.place).kind == K::admin1));
    }
}
