// The scene of a news map: extent, projection, story, furniture, labels,
// bad input. Built from the layer fixture of the reference story (geo
// tests) with the real basemap (.cache/basemap.bin, made by the set-up).
#include <catch2/catch.hpp>

#include <geodesic.h>
#include <proj.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "geo/story_fixture.hpp"
#include "geoevents/geo/geodesic.hpp"
#include "geoevents/render/build.hpp"
#include "geoevents/render/image.hpp"
#include "geoevents/render/projection.hpp"
#include "geoevents/render/style.hpp"
#include "geoevents/render/text.hpp"
#include "render_fixture.hpp"

using namespace geoevents;
using namespace geoevents::render;

namespace {

std::vector<const TextItem*> texts(const Scene& s, std::string_view layer) {
    std::vector<const TextItem*> out;
    for (const auto& l : s.layers)
        if (l.name == layer)
            for (const auto& i : l.items)
                if (const auto* t = std::get_if<TextItem>(&i.shape)) out.push_back(t);
    return out;
}

// The first polygon of a furniture layer is its panel.
std::optional<Box> panel(const Scene& s, std::string_view layer) {
    for (const auto& l : s.layers)
        if (l.name == layer)
            for (const auto& i : l.items)
                if (const auto* p = std::get_if<PolygonItem>(&i.shape)) {
                    Box b{INFINITY, INFINITY, -INFINITY, -INFINITY};
                    for (const auto& pt : p->rings.front()) {
                        b.x0 = std::min(b.x0, pt.x);
                        b.y0 = std::min(b.y0, pt.y);
                        b.x1 = std::max(b.x1, pt.x);
                        b.y1 = std::max(b.y1, pt.y);
                    }
                    return b;
                }
    return std::nullopt;
}

bool has_key(const Scene& s, std::string_view key) {
    for (const auto& e : s.legend)
        if (e.key == key) return true;
    return false;
}

} // namespace

TEST_CASE("the reference story: every story feature on the map, projected, labelled, explained", "[render][scene]") {
    const auto& f = fixture();
    const geo::Project project = geo::build_layers(story::input());
    SceneOptions o;
    const Scene scene = build_scene(project, f.basemap, f.shaper, o);

    CHECK(scene.viewport.projection.find("+proj=laea") == 0);  // never plain lon/lat
    const Box map = scene.viewport.map_box;
    CHECK(map.y0 > 40);                  // a title band above
    CHECK(map.y1 < scene.height - 20);   // a credit band below

    // Every marker and every movement lies inside the map.
    std::size_t markers = 0, arrows = 0;
    for (const auto& l : scene.layers) {
        if (l.role != LayerRole::story) continue;
        for (const auto& i : l.items) {
            if (const auto* m = std::get_if<MarkerItem>(&i.shape); m && l.name == "events") {
                ++markers;
                CHECK(map.contains(m->at));
                CHECK(i.feature.layer == "events");
            }
            if (const auto* a = std::get_if<ArrowItem>(&i.shape)) {
                ++arrows;
                for (const auto& p : a->path) CHECK(map.contains(p));
            }
        }
    }
    CHECK(markers == project.find("events")->features.size());
    CHECK(arrows == project.find("movements")->features.size());

    // The legend says what is drawn, and only that.
    CHECK(has_key(scene, "area:origin"));
    CHECK(has_key(scene, "area:destination"));
    CHECK(has_key(scene, "movement:withdrawal"));
    CHECK(has_key(scene, "movement:redeployment"));
    CHECK(has_key(scene, "event:violence"));
    CHECK_FALSE(has_key(scene, "event:coup"));
    CHECK(has_key(scene, "scale"));

    // Story places are labelled in the reader's language, or reported.
    std::set<std::string> labelled;
    for (const auto* t : texts(scene, "labels")) labelled.insert(t->text);
    for (const std::string name : {"Bamako", "Ménaka", "Niamey", "Mali", "Niger"})
        CHECK((labelled.count(name) == 1 ||
               std::find(scene.unlabeled.begin(), scene.unlabeled.end(), name) != scene.unlabeled.end()));
    CHECK(labelled.count("Bamako") == 1);
    CHECK(labelled.count("Niger") == 1);

    // No two labels overlap; none covers the furniture or a marker; none is cut by the map's edge.
    const auto labels = texts(scene, "labels");
    std::vector<Box> furniture;
    for (auto name : {"legend", "scale", "inset"})
        if (auto b = panel(scene, name)) furniture.push_back(*b);
    CHECK(furniture.size() == 3);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        CHECK(map.contains(labels[i]->box));
        for (std::size_t j = i + 1; j < labels.size(); ++j) CHECK_FALSE(labels[i]->box.overlaps(labels[j]->box));
        for (const Box& b : furniture) CHECK_FALSE(labels[i]->box.overlaps(b));
        for (const auto& l : scene.layers)
            if (l.name == "events")
                for (const auto& it : l.items) {
                    const auto& m = std::get<MarkerItem>(it.shape);
                    const Box mb{m.at.x - m.size / 2, m.at.y - m.size / 2, m.at.x + m.size / 2, m.at.y + m.size / 2};
                    CHECK_FALSE(labels[i]->box.overlaps(mb));
                }
    }
    // Furniture panels do not overlap each other.
    for (std::size_t i = 0; i < furniture.size(); ++i)
        for (std::size_t j = i + 1; j < furniture.size(); ++j) CHECK_FALSE(furniture[i].overlaps(furniture[j]));

    // The credit names the articles and the data.
    std::string credit;
    for (const auto* t : texts(scene, "titles")) credit += t->text + "\n";
    CHECK(credit.find("le-monde-2022-02-17.txt") != std::string::npos);
    CHECK(credit.find("GeoNames (CC BY 4.0)") != std::string::npos);
    CHECK(credit.find("Natural Earth (public domain)") != std::string::npos);
}

TEST_CASE("the scale bar is the geodesic length at the map's centre, within 1 %", "[render][scene]") {
    const auto& f = fixture();
    const geo::Project project = geo::build_layers(story::input());
    for (const auto& [w, h] : {std::pair{1200.0, 800.0}, std::pair{1080.0, 1920.0}}) {
        SceneOptions o;
        o.width = w;
        o.height = h;
        const Scene scene = build_scene(project, f.basemap, f.shaper, o);
        const LegendEntry* bar = nullptr;
        for (const auto& e : scene.legend)
            if (e.key == "scale") bar = &e;
        REQUIRE(bar);
        const double stated_km = std::stod(bar->text);
        REQUIRE(bar->text.find(" km") != std::string::npos);
        // Independently of the render library: PROJ's inverse projection and
        // its geodesic (Karney) on WGS 84, along the bar's length centred on the map's centre.
        PJ_CONTEXT* ctx = proj_context_create();
        PJ* pj = proj_create(ctx, scene.viewport.projection.c_str());
        REQUIRE(pj);
        const Viewport& v = scene.viewport;
        const double cx = (v.map_box.x0 + v.map_box.x1) / 2, cy = (v.map_box.y0 + v.map_box.y1) / 2;
        const double half = bar->box.width() / 2;
        auto lonlat = [&](double px, double py) {
            const PJ_COORD c = proj_trans(pj, PJ_INV, proj_coord(px / v.k + v.x0, v.y0 - py / v.k, 0, 0));
            return std::pair{proj_todeg(c.lp.lam), proj_todeg(c.lp.phi)};
        };
        const auto [lon1, lat1] = lonlat(cx - half, cy);
        const auto [lon2, lat2] = lonlat(cx + half, cy);
        geod_geodesic g;
        geod_init(&g, 6378137, 1 / 298.257223563);
        double s12 = 0;
        geod_inverse(&g, lat1, lon1, lat2, lon2, &s12, nullptr, nullptr);
        CHECK(s12 / 1000 == Approx(stated_km).epsilon(0.01));
        proj_destroy(pj);
        proj_context_destroy(ctx);
        // Round distances only: 1, 2 or 5 times a power of ten.
        double m = stated_km;
        while (m >= 10) m /= 10;
        CHECK((m == 1 || m == 2 || m == 5));
    }
}

TEST_CASE("a story across the antimeridian is drawn whole, not around the world", "[render][scene]") {
    const auto& f = fixture();
    using namespace geo;
    LayerInput in;
    const Place suva = story::place("geonames:2198148", "Suva", PlaceKind::city, "FJ", {178.44, -18.14});
    const Place apia = story::place("geonames:4035413", "Apia", PlaceKind::city, "WS", {-171.77, -13.83});
    in.events = {story::event("e1", EventType::deployment, story::day("2023-05-02"), {"Fiji"},
                              {{suva, PlaceRole::origin}, {apia, PlaceRole::destination}}, "Troops were sent.",
                              {"a.txt"}, 0.9)};
    in.places = {{suva, 1, {"a.txt"}, 1, 0, {}, {}}, {apia, 1, {"a.txt"}, 1, 0, {}, {}}};
    const Project project = build_layers(in);
    const Scene scene = build_scene(project, f.basemap, f.shaper, {});
    const auto& b = scene.viewport.bbox;
    CHECK(b.max_lon - b.min_lon < 60);  // not the whole world
    CHECK(b.max_lon > 180);             // longitudes unwrapped across ±180
    std::size_t arrows = 0;
    for (const auto& l : scene.layers)
        for (const auto& i : l.items)
            if (const auto* a = std::get_if<ArrowItem>(&i.shape); a && l.name == "movements") {
                ++arrows;
                // One continuous path from Suva to Apia, about 1,150 km: a few hundred px, not the map's width.
                double len = 0;
                for (std::size_t k = 1; k < a->path.size(); ++k)
                    len += std::hypot(a->path[k].x - a->path[k - 1].x, a->path[k].y - a->path[k - 1].y);
                CHECK(len < scene.viewport.map_box.width() * 0.9);
                for (const auto& p : a->path) CHECK(scene.viewport.map_box.contains(p));
            }
    CHECK(arrows == 1);
}

TEST_CASE("projections: chosen, given, or refused when they are not map projections", "[render][scene]") {
    const auto& f = fixture();
    const geo::Project project = geo::build_layers(story::input());
    SceneOptions o;
    o.projection = "EPSG:3857";
    CHECK(build_scene(project, f.basemap, f.shaper, o).viewport.projection == "EPSG:3857");
    o.projection = "3035";
    CHECK_NOTHROW(build_scene(project, f.basemap, f.shaper, o));
    o.projection = "EPSG:4326";
    CHECK_THROWS_AS(build_scene(project, f.basemap, f.shaper, o), CrsError);
    o.projection = "+proj=longlat +datum=WGS84";
    CHECK_THROWS_AS(build_scene(project, f.basemap, f.shaper, o), CrsError);
    o.projection = "+proj=nonsense";
    CHECK_THROWS_AS(build_scene(project, f.basemap, f.shaper, o), CrsError);
    // A given bbox is shown whole.
    o.projection.clear();
    o.bbox = geo::Bbox{-20, 0, 30, 30};
    const Scene s = build_scene(project, f.basemap, f.shaper, o);
    CHECK(s.viewport.bbox.min_lon <= -20);
    CHECK(s.viewport.bbox.max_lon >= 30);
    CHECK(s.viewport.bbox.min_lat <= 0.01);
    CHECK(s.viewport.bbox.max_lat >= 29.99);
}

TEST_CASE("bad projects: an empty story, missing layers or fields, invalid areas, impossible sizes", "[render][scene]") {
    const auto& f = fixture();
    using namespace geo;
    SECTION("an empty story gives the basemap and a note") {
        Project p = build_layers(LayerInput{});
        const Scene s = build_scene(p, f.basemap, f.shaper, {});
        std::size_t land = 0;
        for (const auto& l : s.layers)
            if (l.name == "land") land = l.items.size();
        CHECK(land > 0);
        REQUIRE_FALSE(s.notes.empty());
        CHECK(s.notes.front().find("basemap only") != std::string::npos);
    }
    SECTION("no story layer at all") {
        Project p;
        Layer meta;
        meta.name = "metadata";
        p.layers.push_back(meta);
        CHECK_THROWS_WITH(build_scene(p, f.basemap, f.shaper, {}), Catch::Contains("not a project written by geoevents map"));
    }
    SECTION("a layer without a field the map needs") {
        Project p = build_layers(story::input());
        Layer* events = p.find("events");
        const auto i = *events->field_index("type");
        events->fields.erase(events->fields.begin() + static_cast<long>(i));
        for (auto& feat : events->features) feat.values.erase(feat.values.begin() + static_cast<long>(i));
        CHECK_THROWS_WITH(build_scene(p, f.basemap, f.shaper, {}), Catch::Contains("layer 'events' has no field 'type'"));
    }
    SECTION("an invalid area is repaired and reported; impossible coordinates are skipped and reported") {
        Project p = build_layers(story::input());
        Layer* areas = p.find("areas");
        areas->features.front().geometry = Geometry::from_wkt("POLYGON((-0.5 13,1.5 15,1.5 13,-0.5 15,-0.5 13))");
        Layer* events = p.find("events");
        events->features.front().geometry = Geometry::point({12, 95});
        const Scene s = build_scene(p, f.basemap, f.shaper, {});
        bool repaired = false, skipped = false;
        for (const auto& n : s.notes) {
            repaired = repaired || n.find("MakeValid") != std::string::npos;
            skipped = skipped || (n.find("skipped event") != std::string::npos && n.find("impossible coordinates") != std::string::npos);
        }
        CHECK(repaired);
        CHECK(skipped);
    }
    SECTION("impossible sizes are refused, never shrunk") {
        const Project p = build_layers(story::input());
        SceneOptions o;
        o.width = 100;
        CHECK_THROWS_AS(build_scene(p, f.basemap, f.shaper, o), RenderError);
        o.width = 20000;
        CHECK_THROWS_AS(build_scene(p, f.basemap, f.shaper, o), RenderError);
        o.width = 1200;
        const Scene s = build_scene(p, f.basemap, f.shaper, o);
        CHECK_THROWS_AS(rasterize(s, 16), RenderError);
    }
}

TEST_CASE("labels, legend and credit in the reader's language", "[render][scene]") {
    const auto& f = fixture();
    using namespace geo;
    LayerInput in;
    const Place ci = story::place("ne:CI", "Ivory Coast", PlaceKind::country, "CI", {-5.5, 7.6}, false, false);
    const Place abidjan = story::place("geonames:2293538", "Abidjan", PlaceKind::city, "CI", {-4.03, 5.35});
    in.events = {story::event("e1", EventType::protest, story::day("2024-03-01"), {}, {{abidjan, PlaceRole::location}, {ci, PlaceRole::location}},
                              "Des manifestants.", {"b.txt"}, 0.8)};
    in.places = {{ci, 2, {"b.txt"}, 2, 0, {}, {}}, {abidjan, 1, {"b.txt"}, 1, 0, {}, {}}};
    const Project project = build_layers(in);
    SceneOptions o;
    o.lang = "fr";
    const Scene fr = build_scene(project, f.basemap, f.shaper, o);
    std::set<std::string> labels;
    for (const auto* t : texts(fr, "labels")) labels.insert(t->text);
    CHECK(labels.count("Côte d'Ivoire") == 1);
    CHECK(labels.count("Abidjan") == 1);
    std::string legend;
    for (const auto& e : fr.legend) legend += e.text + "|";
    // The marker's entry names what is drawn: a protest, no arrest.
    CHECK(legend.find("Manifestation|") != std::string::npos);
    CHECK(legend.find("arrestation") == std::string::npos);
    o.lang = "en";
    const Scene en = build_scene(project, f.basemap, f.shaper, o);
    labels.clear();
    for (const auto* t : texts(en, "labels")) labels.insert(t->text);
    CHECK(labels.count("Ivory Coast") == 1);
}

TEST_CASE("fonts: a missing family is named with its Debian package", "[render][fonts]") {
    CHECK_NOTHROW(require_font("Noto Sans"));
    CHECK_THROWS_WITH(require_font("Noto Nonexistent Display"), Catch::Contains("fonts-noto-core"));
}

// After require_font, text in a checked family is laid out over a font map
// holding only that family's files (pango_text.cpp); a family spelled
// otherwise ("noto sans": fontconfig matches it, the private map does not
// know it) goes through the whole system configuration. Both must measure
// the same: the same font files are chosen, and a character the family
// lacks falls back alike.
TEST_CASE("fonts: a checked family measures as through the system configuration", "[render][fonts]") {
    require_font("Noto Sans");
    const PangoShaper shaper;
    for (const char* text : {"Niamey", "Côte d'Ivoire — Ménaka, Ségou", "Łódź, Αθήνα, Москва", "東京 Tokyo"})
        for (const bool bold : {false, true})
            for (const bool italic : {false, true}) {
                const TextMetrics own = shaper.measure(text, {"Noto Sans", 14, bold, italic});
                const TextMetrics system = shaper.measure(text, {"noto sans", 14, bold, italic});
                INFO(text << (bold ? " bold" : "") << (italic ? " italic" : ""));
                CHECK(own.size.w == system.size.w);
                CHECK(own.size.h == system.size.h);
                CHECK(own.baseline == system.baseline);
            }
}

TEST_CASE("the style file: samples/style.json is the default; typos and bad values are named", "[render][style]") {
    CHECK(load_style(GEOEVENTS_SOURCE_DIR "/samples/style.json") == default_style());
    CHECK_THROWS_WITH(parse_style(R"({"sea": "#ffffff", "lnad": "#000000"})", "my.json"), Catch::Contains("my.json: style key 'lnad': unknown key"));
    CHECK_THROWS_WITH(parse_style(R"({"areas": {"origin": {"fill": {"pattern": "zigzag"}}}})", "my.json"),
                      Catch::Contains("'areas.origin.fill.pattern'"));
    CHECK_THROWS_WITH(parse_style(R"({"land": "green"})", "my.json"), Catch::Contains("'land': 'green' is not a colour"));
    CHECK_THROWS_WITH(parse_style(R"({"marker_size": 1000})", "my.json"), Catch::Contains("'marker_size': must be between"));
    CHECK_THROWS_WITH(parse_style("{\n  \"sea\": \n}", "my.json"), Catch::Contains("my.json: byte"));
    const Style s = parse_style(R"({"land": "#102030"})", "my.json");
    CHECK(s.land == Color{0x10, 0x20, 0x30, 255});
    CHECK(s.sea == default_style().sea);  // the rest stays the default
    CHECK_THROWS_AS(load_style("/nonexistent/style.json"), StyleError);
}

TEST_CASE("capitals carry the reader's name: Le Caire on a French map, Cairo on an English one", "[render][scene]") {
    const auto& f = fixture();
    using namespace geo;
    LayerInput in;
    // An English article's Cairo, and a French article's "Pékin" drawn on an English map.
    const Place cairo = story::place("geonames:360630", "Cairo", PlaceKind::city, "EG", {31.2497, 30.0626});
    const Place alexandria = story::place("geonames:361058", "Alexandria", PlaceKind::city, "EG", {29.9187, 31.1981});
    in.events = {story::event("e1", EventType::protest, story::day("2024-03-01"), {},
                              {{cairo, PlaceRole::location}, {alexandria, PlaceRole::location}}, "Protesters gathered.",
                              {"c.txt"}, 0.8)};
    in.places = {{cairo, 1, {"c.txt"}, 1, 0, {}, {}}, {alexandria, 1, {"c.txt"}, 1, 0, {}, {}}};
    const Project project = build_layers(in);
    auto labels_of = [&](const std::string& lang) {
        SceneOptions o;
        o.lang = lang;
        std::set<std::string> out;
        const Scene scene = build_scene(project, f.basemap, f.shaper, o);
        for (const auto* t : texts(scene, "labels")) out.insert(t->text);
        return out;
    };
    const auto fr = labels_of("fr"), en = labels_of("en");
    CHECK(fr.count("Le Caire") == 1);
    CHECK(fr.count("Cairo") == 0);
    CHECK(en.count("Cairo") == 1);
    CHECK(en.count("Le Caire") == 0);
    // No capital of the basemap keeps its GeoNames name on the French map when it has a French one.
    for (const Capital& c : f.basemap.capitals())
        if (c.name != c.name_fr) CHECK(fr.count(std::string(c.name)) == 0);
}

TEST_CASE("the title says what happened where, from the layers; background events do not lead", "[render][scene]") {
    const auto& f = fixture();
    using namespace geo;
    LayerInput in;
    const Place ouaga = story::place("geonames:2357048", "Ouagadougou", PlaceKind::city, "BF", {-1.5336, 12.3642});
    const Place bf = story::place("ne:BF", "Burkina Faso", PlaceKind::country, "BF", {-1.7, 12.3}, false, false);
    in.events = {
        story::event("e1", EventType::coup, story::day("2022-09-30"), {}, {{bf, PlaceRole::location}}, "A coup.", {"d.txt"}, 0.9),
        story::event("e2", EventType::protest, story::day("2022-10-01"), {}, {{ouaga, PlaceRole::location}}, "Protests.", {"d.txt"}, 0.8),
        story::event("e3", EventType::protest, story::day("2022-10-01"), {}, {{ouaga, PlaceRole::location}}, "More.", {"d.txt"}, 0.8),
        // Years before: background, not the news.
        story::event("e4", EventType::attack, story::day("2016-01-15"), {}, {{ouaga, PlaceRole::location}}, "An attack.", {"d.txt"}, 0.8),
        story::event("e5", EventType::attack, story::day("2017-08-13"), {}, {{ouaga, PlaceRole::location}}, "Another.", {"d.txt"}, 0.8),
        story::event("e6", EventType::attack, story::day("2018-03-02"), {}, {{ouaga, PlaceRole::location}}, "Again.", {"d.txt"}, 0.8)};
    in.places = {{bf, 1, {"d.txt"}, 1, 0, {}, {}}, {ouaga, 5, {"d.txt"}, 5, 0, {}, {}}};
    const Project project = build_layers(in);
    auto title_of = [&](const std::string& lang, const std::string& given = {}) {
        SceneOptions o;
        o.lang = lang;
        o.title = given;
        const Scene scene = build_scene(project, f.basemap, f.shaper, o);
        const auto t = texts(scene, "titles");
        return t.empty() ? std::string() : t.front()->text;
    };
    // Protests outnumber the coup among the news; both happened in Burkina Faso (Ouagadougou is in it).
    CHECK(title_of("en") == "Burkina Faso: protests and coup");
    CHECK(title_of("fr") == "Burkina Faso : manifestations et coup d'État");
    CHECK(title_of("fr", "Le putsch") == "Le putsch");
}

TEST_CASE("a border the story names is a highlighted line along it, labelled beside it, in the legend", "[render][scene]") {
    const auto& f = fixture();
    const geo::Project project = geo::build_layers(story::input_with_border());
    for (const std::string lang : {"fr", "en"}) {
        INFO(lang);
        SceneOptions o;
        o.lang = lang;
        const Scene scene = build_scene(project, f.basemap, f.shaper, o);
        const Style& st = default_style();
        // The band, then the line over it, both along the border and in the map.
        std::vector<const LineItem*> lines;
        for (const auto& l : scene.layers)
            if (l.name == "borders")
                for (const auto& i : l.items) {
                    CHECK(i.key == "border");
                    CHECK(i.feature.layer == "borders");
                    CHECK(i.time.dated());  // it appears with its attack in the viewer
                    lines.push_back(&std::get<LineItem>(i.shape));
                }
        REQUIRE(lines.size() == 2);
        CHECK(lines[0]->stroke.width == st.story_border_halo.width);
        CHECK(lines[1]->stroke.width == st.story_border.width);
        CHECK(lines[1]->stroke.dash == st.story_border.dash);
        REQUIRE(lines[1]->parts.size() == 1);
        const auto& path = lines[1]->parts[0];
        CHECK(path.size() == 4);
        for (const auto& p : path) CHECK(scene.viewport.map_box.grown(4).contains(p));
        // Its legend entry, in the reader's language.
        std::string legend;
        for (const auto& e : scene.legend) legend += e.text + "|";
        CHECK(has_key(scene, "border"));
        CHECK(legend.find(lang == "fr" ? "Frontière|" : "Border|") != std::string::npos);
        // The label (the French article's name for it on a French map, its
        // name on an English one) lies beside the line: near it, never over it.
        const TextItem* label = nullptr;
        for (const auto* t : texts(scene, "labels"))
            if (t->text == (lang == "fr" ? "frontière Niger–Mali" : "Mali–Niger border")) label = t;
        REQUIRE(label);
        double nearest = INFINITY;
        for (std::size_t k = 0; k + 1 < path.size(); ++k)
            for (int s = 0; s <= 100; ++s) {
                const Point p{path[k].x + (path[k + 1].x - path[k].x) * s / 100, path[k].y + (path[k + 1].y - path[k].y) * s / 100};
                CHECK_FALSE(label->box.contains(p));
                const double dx = std::max({label->box.x0 - p.x, 0.0, p.x - label->box.x1});
                const double dy = std::max({label->box.y0 - p.y, 0.0, p.y - label->box.y1});
                nearest = std::min(nearest, std::hypot(dx, dy));
            }
        CHECK(nearest < 30);
    }
    // A story without a border has no line and no legend entry for one.
    const Scene plain = build_scene(geo::build_layers(story::input()), f.basemap, f.shaper, SceneOptions{});
    CHECK_FALSE(has_key(plain, "border"));
    for (const auto& l : plain.layers)
        if (l.name == "borders") CHECK(l.items.empty());
}

TEST_CASE("a border whose line is broken is skipped and reported", "[render][scene]") {
    const auto& f = fixture();
    geo::LayerInput in = story::input_with_border();
    in.events.pop_back();  // the border only named: no event marker stands on its point
    geo::Project project = geo::build_layers(in);
    for (auto& l : project.layers)
        if (l.name == "borders") l.features[0].geometry = geo::Geometry::from_wkt("MULTILINESTRING((3 15, 3 95))");
    const Scene scene = build_scene(project, f.basemap, f.shaper, SceneOptions{});
    CHECK_FALSE(has_key(scene, "border"));
    CHECK(std::any_of(scene.notes.begin(), scene.notes.end(),
                      [](const std::string& n) { return n.find("skipped border 'Mali–Niger border' (borders row 1)") != std::string::npos; }));
    // It is still a place of the story: a dot at its point, with its label.
    const geo::Layer& places = *project.find("places");
    std::size_t row = places.features.size();
    for (std::size_t r = 0; r < places.features.size(); ++r)
        if (geo::to_text(places.value(r, "place_id")) == "border:ML-NE") row = r;
    bool dot = false;
    for (const auto& l : scene.layers)
        if (l.name == "places")
            for (const auto& i : l.items) dot = dot || i.feature.row == row;
    CHECK(dot);
}

TEST_CASE("story labels in the map's language from a French and an English article", "[render][scene][labels]") {
    const auto& f = fixture();
    using namespace geo;
    // A French article writes "Tombouctou" and "le centre du Mali", an
    // English one "Timbuktu", "eastern Mali" and "western Niger"; the
    // English one also has "Sudanese refugees" (a demonym: no location).
    Place timbuktu = story::place("geonames:2449067", "Timbuktu", PlaceKind::city, "ML", {-3.0, 16.77});
    timbuktu.label = "Tombouctou";  // the first article's, as the reader hands it on
    const Place mali = story::place("ne:ML", "Mali", PlaceKind::country, "ML", {-2.0, 17.0});
    Place central = story::place("ne:ML#c", "Central Mali", PlaceKind::part, "ML", {-3.5, 15.5});
    central.label = "Centre du Mali";
    const Place east = story::place("ne:ML#e", "Eastern Mali", PlaceKind::part, "ML", {1.5, 16.5});
    const Place west_niger = story::place("ne:NE#w", "Western Niger", PlaceKind::part, "NE", {2.5, 14.5});
    const Place sudan = story::place("ne:SD", "Sudan", PlaceKind::country, "SD", {30.0, 15.0});
    LayerInput in;
    in.events = {story::event("e1", EventType::attack, story::day("2024-03-01"), {},
                              {{timbuktu, PlaceRole::location}, {central, PlaceRole::location}, {east, PlaceRole::location},
                               {west_niger, PlaceRole::location}, {mali, PlaceRole::location}},
                              "Attaques.", {"fr.txt", "en.txt"}, 0.8)};
    in.places = {{timbuktu, 2, {"fr.txt", "en.txt"}, 2, 0, "Tombouctou", "Timbuktu"},
                 {mali, 2, {"fr.txt", "en.txt"}, 2, 0, "Mali", "Mali"},
                 {central, 1, {"fr.txt"}, 1, 0, "Centre du Mali", ""},
                 {east, 1, {"en.txt"}, 1, 0, "", "Eastern Mali"},
                 {west_niger, 1, {"en.txt"}, 1, 0, "", "Western Niger"},
                 {sudan, 1, {"en.txt"}, 0, 0, "", ""}};
    const Project project = build_layers(in);
    auto labels_of = [&](const Project& pr, const std::string& lang, std::vector<std::string>* notes = nullptr) {
        SceneOptions o;
        o.lang = lang;
        const Scene scene = build_scene(pr, f.basemap, f.shaper, o);
        std::set<std::string> out(scene.unlabeled.begin(), scene.unlabeled.end());  // chosen but not placed
        for (const auto* t : texts(scene, "labels")) out.insert(t->text);
        if (notes) *notes = scene.notes;
        return out;
    };
    std::vector<std::string> notes;
    const auto en = labels_of(project, "en", &notes);
    CHECK(en.count("Timbuktu") == 1);
    CHECK(en.count("Mali") == 1);
    CHECK(en.count("Central Mali") == 1);  // the French article's part, in English
    CHECK(en.count("Eastern Mali") == 1);
    CHECK(en.count("Western Niger") == 1);
    for (const char* french : {"Tombouctou", "Centre du Mali"}) CHECK(en.count(french) == 0);
    // Sudan is named only by a demonym: no label, and the run says so.
    CHECK(en.count("Sudan") == 0);
    CHECK(std::any_of(notes.begin(), notes.end(), [](const std::string& n) {
        return n.starts_with("not drawn") && n.find("Sudan") != std::string::npos;
    }));

    const auto fr = labels_of(project, "fr");
    CHECK(fr.count("Tombouctou") == 1);
    CHECK(fr.count("Mali") == 1);
    CHECK(fr.count("Centre du Mali") == 1);
    // "Est du Mali": the French article wrote "du Mali" for another part of Mali.
    CHECK(fr.count("Est du Mali") == 1);
    // No French article says how to join "ouest" and "Niger" ("du Niger"
    // here, but "de la Mauritanie", "des Comores"): the place's name.
    CHECK(fr.count("Western Niger") == 1);
    for (const char* english : {"Timbuktu", "Central Mali", "Eastern Mali"}) CHECK(fr.count(english) == 0);

    // A places layer written before label_fr/label_en prints its one label, as before.
    Project old = project;
    Layer& places = *old.find(layer_places);
    for (const char* field : {"label_en", "label_fr"}) {
        const auto i = *places.field_index(field);
        places.fields.erase(places.fields.begin() + static_cast<std::ptrdiff_t>(i));
        for (auto& feature : places.features) feature.values.erase(feature.values.begin() + static_cast<std::ptrdiff_t>(i));
    }
    const auto old_en = labels_of(old, "en");
    CHECK(old_en.count("Tombouctou") == 1);
    CHECK(old_en.count("Centre du Mali") == 1);
}
