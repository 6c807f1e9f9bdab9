// The viewer drawing the reference story off-screen (run under xvfb-run).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <chrono>
#include <thread>
#include <variant>

#include "fixture.hpp"
#include "geoevents/render/shapes.hpp"
#include "geoevents/viewer/viewer.hpp"

using namespace geoevents;
using namespace geoevents::viewer;
using viewer_test::utc;

namespace {

ViewerOptions small() {
    ViewerOptions o;
    o.width = 960;
    o.height = 640;
    return o;
}

render::Color pixel(const render::Raster& r, render::Point p) {
    const auto x = static_cast<std::size_t>(std::lround(p.x)), y = static_cast<std::size_t>(std::lround(p.y));
    const std::size_t i = (y * static_cast<std::size_t>(r.width) + x) * 4;
    return {r.rgba[i], r.rgba[i + 1], r.rgba[i + 2], r.rgba[i + 3]};
}

bool near(render::Color a, render::Color b) { return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b) < 60; }

// The Mali → Niger withdrawal (event e1, 2022-02-17 18:00 UTC) as drawn.
const render::Item& withdrawal(const render::Scene& s) {
    for (const auto& l : s.layers)
        if (l.name == "movements")
            for (const auto& it : l.items)
                if (it.time.start == utc("2022-02-17T18:00:00Z") && std::holds_alternative<render::ArrowItem>(it.shape)) return it;
    FAIL("no Mali → Niger arrow in the scene");
    throw;
}

} // namespace

TEST_CASE("the viewer needs a display and says how to get one", "[viewer][display]") {
    const char* saved = std::getenv("DISPLAY");
    const std::string keep = saved ? saved : "";
    ::unsetenv("DISPLAY");
    try {
        require_display();
        FAIL("no error without $DISPLAY");
    } catch (const DisplayError& e) {
        CHECK_THAT(e.what(), Catch::Contains("xvfb-run") && Catch::Contains("--headless"));
    }
    ::setenv("DISPLAY", ":4242", 1);  // no server there
    CHECK_THROWS_AS(require_display(), DisplayError);
    if (saved)
        ::setenv("DISPLAY", keep.c_str(), 1);
    else
        ::unsetenv("DISPLAY");
}

TEST_CASE("headless frames show the withdrawal growing from Mali to Niger", "[viewer][frame]") {
    require_display();
    Viewer v(viewer_test::story_project(), viewer_test::basemap(), small());
    const render::Item& item = withdrawal(v.scene());
    const auto arrow = std::get<render::ArrowItem>(item.shape);  // a copy: drawing may refine the scene
    const std::int64_t start = item.time.start, span = v.rules().point_span;
    REQUIRE(v.clock().enabled());
    REQUIRE(v.clock().begin() <= start);

    const render::Raster end = v.render_frame(start + span);
    // The points of the path the finished arrow covers (labels and markers may hide a few).
    std::vector<std::pair<double, render::Point>> drawn;
    for (double f = 0.05; f < 0.9; f += 0.05) {
        const render::Point p = render::partial_path(arrow.path, f).back();
        if (near(pixel(end, p), arrow.stroke.color)) drawn.emplace_back(f, p);
    }
    REQUIRE(drawn.size() >= 12);  // of 17: the arrow reaches Niger
    CHECK(drawn.back().first > 0.8);

    const render::Raster before = v.render_frame(start - 1);
    for (const auto& [f, p] : drawn) CHECK_FALSE(near(pixel(before, p), arrow.stroke.color));

    const render::Raster half = v.render_frame(start + span / 2);
    int early = 0, late = 0, n_early = 0, n_late = 0;
    for (const auto& [f, p] : drawn) {
        if (f > 0.16 && f < 0.45) continue;  // the travelling units are at 0.26 and 0.38
        if (f <= 0.16) {
            ++n_early;
            early += near(pixel(half, p), arrow.stroke.color);
        } else if (f > 0.6) {
            ++n_late;
            late += near(pixel(half, p), arrow.stroke.color);
        }
    }
    CHECK(n_early > 0);
    CHECK(early == n_early);  // partly drawn…
    CHECK(n_late > 0);
    CHECK(late == 0);  // …not yet in Niger
}

TEST_CASE("a recorded frame is the headless screenshot at its time", "[viewer][record]") {
    require_display();
    Viewer v(viewer_test::story_project(), viewer_test::basemap(), small());
    const std::string dir = std::string(GEOEVENTS_BINARY_DIR) + "/test-viewer-record";
    std::filesystem::remove_all(dir);
    RecordOptions ro;
    ro.fps = 4;
    ro.duration = 1.5;  // 6 frames
    record_frames(v, dir, ro);
    for (std::int64_t i = 0; i < 7; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "/frame_%06lld.png", static_cast<long long>(i));
        CHECK(std::filesystem::exists(dir + name) == (i < 6));
    }
    const std::int64_t t = frame_time(v.clock().begin(), v.clock().end(), 4, 6);
    std::ifstream in(dir + "/frame_000004.png", std::ios::binary);
    const std::string recorded((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // A second viewer, as `geoevents view --headless --at T` would make.
    Viewer w(viewer_test::story_project(), viewer_test::basemap(), small());
    CHECK(render::encode_png(w.render_frame(t)) == recorded);
    std::filesystem::remove_all(dir);
}

TEST_CASE("input: wheel zoom keeps the point under the cursor, fit shows the story, keys drive the clock", "[viewer][input]") {
    require_display();
    Viewer v(viewer_test::story_project(), viewer_test::basemap(), small());
    const std::size_t events_fitted = [&] {
        for (const auto& l : v.scene().layers)
            if (l.name == "events") return l.items.size();
        return std::size_t{0};
    }();
    REQUIRE(events_fitted == 5);  // every event with a place

    sf::Event wheel{};
    wheel.type = sf::Event::MouseWheelScrolled;
    wheel.mouseWheelScroll.delta = 2;
    wheel.mouseWheelScroll.x = 700;
    wheel.mouseWheelScroll.y = 250;
    const render::XY under = v.view().to_projected({700, 250});
    const double fitted_scale = v.view().scale();
    v.handle(wheel);
    const render::XY after = v.view().to_projected({700, 250});
    CHECK(after.x == Approx(under.x).margin(1e-3));
    CHECK(after.y == Approx(under.y).margin(1e-3));
    CHECK(v.view().scale() == Approx(fitted_scale * 1.25 * 1.25));

    // Zoomed in and refined, some events are out of view; Home fits them all again.
    v.refine();
    sf::Event key{};
    key.type = sf::Event::KeyPressed;
    key.key.code = sf::Keyboard::Home;
    v.handle(key);
    v.refine();
    for (const auto& l : v.scene().layers)
        if (l.name == "events") {
            CHECK(l.items.size() == events_fitted);
            for (const auto& it : l.items) CHECK(v.scene().viewport.map_box.contains(std::get<render::MarkerItem>(it.shape).at));
        }

    // Space plays, the clock moves with real time; arrows step between events.
    Clock& c = v.clock();
    c.set(c.begin());
    key.key.code = sf::Keyboard::Space;
    v.handle(key);
    CHECK(c.playing());
    v.update(0.5);
    CHECK(c.now() == c.begin() + static_cast<std::int64_t>(std::floor(0.5 * c.rate())));
    v.handle(key);
    CHECK_FALSE(c.playing());
    c.set(c.begin());
    key.key.code = sf::Keyboard::Right;
    REQUIRE(c.begin() == utc("2022-02-01T00:00:00Z"));  // the Takuba redeployment starts the story
    v.handle(key);
    CHECK(c.now() == utc("2022-02-10T00:00:00Z"));  // the attack near Ménaka
    v.handle(key);
    CHECK(c.now() == utc("2022-02-17T00:00:00Z"));  // support to the Gulf of Guinea states
    v.handle(key);
    CHECK(c.now() == utc("2022-02-17T18:00:00Z"));  // the withdrawal
    key.key.code = sf::Keyboard::Left;
    v.handle(key);
    CHECK(c.now() == utc("2022-02-17T00:00:00Z"));
    key.key.code = sf::Keyboard::RBracket;
    v.handle(key);
    CHECK(c.speed() == 2);
}

TEST_CASE("hover names the event with its dates, actors, sources and evidence, and the legend hides a type", "[viewer][pick]") {
    require_display();
    Viewer v(viewer_test::story_project(), viewer_test::basemap(), small());
    const render::Item& item = withdrawal(v.scene());
    const auto& arrow = std::get<render::ArrowItem>(item.shape);
    const render::Point mid = render::partial_path(arrow.path, 0.5).back();
    v.clock().set(item.time.start + v.rules().point_span);
    const auto hits = v.hits_at(mid);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits.front().feature.layer == "movements");
    CHECK_THAT(hits.front().text, Catch::Contains("withdrawal") && Catch::Contains("2022-02-17T18:00:00Z") &&
                                      Catch::Contains("France") && Catch::Contains("rfi-2022-02-17") &&
                                      Catch::Contains("retrait coordonné"));
    // Before it starts it is not on the map, so not picked.
    v.clock().set(item.time.start - 1);
    for (const auto& h : v.hits_at(mid)) CHECK(h.feature.layer != "movements");

    // Hidden through the legend, its pixels go. Drawing a frame may refine
    // the scene (new items), so what the checks need is copied first.
    const std::int64_t t = item.time.start + v.rules().point_span;
    const std::string key = item.key;
    const auto colour = arrow.stroke.color;
    const render::Raster shown = v.render_frame(t);
    v.set_hidden(key, true);
    const render::Raster hidden = v.render_frame(t);
    CHECK(near(pixel(shown, mid), colour));
    CHECK_FALSE(near(pixel(hidden, mid), colour));
}

TEST_CASE("a project without dates is shown with the time line disabled and a note", "[viewer][bad-input]") {
    require_display();
    geo::Project p = viewer_test::story_project();
    for (auto& l : p.layers)
        for (const char* field : {"date_start", "date_end"})
            if (const auto i = l.field_index(field)) {
                l.fields.erase(l.fields.begin() + static_cast<std::ptrdiff_t>(*i));
                for (auto& f : l.features) f.values.erase(f.values.begin() + static_cast<std::ptrdiff_t>(*i));
            }
    Viewer v(p, viewer_test::basemap(), small());
    CHECK_FALSE(v.clock().enabled());
    bool noted = false;
    for (const auto& n : v.notes()) noted = noted || n.find("time line disabled") != std::string::npos;
    CHECK(noted);
    // The map is there: every event marker, drawn.
    const render::Raster r = v.render_frame(0);
    std::size_t markers = 0;
    for (const auto& l : v.scene().layers)
        if (l.name == "events")
            for (const auto& it : l.items) {
                const auto& m = std::get<render::MarkerItem>(it.shape);
                markers += near(pixel(r, m.at), m.fill.color);
            }
    CHECK(markers >= 4);
    sf::Event key{};
    key.type = sf::Event::KeyPressed;
    key.key.code = sf::Keyboard::Space;
    v.handle(key);
    CHECK_FALSE(v.clock().playing());
}

TEST_CASE("a huge story stays responsive: the refined scene is built off the drawing thread", "[viewer][bad-input]") {
    require_display();
    const geo::Project big = viewer_test::synthetic_story(20000);
    Viewer v(big, viewer_test::basemap(), small());
    const double fitted_k = v.scene().viewport.k;
    v.zoom(2, {480, 300});
    std::this_thread::sleep_for(std::chrono::milliseconds(250));  // the view has been still long enough
    const auto t0 = std::chrono::steady_clock::now();
    v.update(0);  // starts the rebuild in the background and returns
    const auto launch = std::chrono::steady_clock::now() - t0;
    CHECK(v.scene().viewport.k == fitted_k);  // the old scene is still drawn…
    const render::Raster during = v.render_frame(v.clock().end());
    CHECK(during.width == 960);
    // …until the new one is ready (a frame every 50 ms meanwhile).
    for (int i = 0; i < 1200 && v.scene().viewport.k == fitted_k; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        v.update(0.05);
    }
    CHECK(v.scene().viewport.k == Approx(2 * fitted_k));
    // Starting it cost far less than building it (both measured here, on the same machine).
    const auto t1 = std::chrono::steady_clock::now();
    v.refine();
    CHECK(launch < (std::chrono::steady_clock::now() - t1) / 4);
}

TEST_CASE("while the view moves the cached scene follows it; refined, the arrow is where the view puts it", "[viewer][input]") {
    require_display();
    Viewer v(viewer_test::story_project(), viewer_test::basemap(), small());
    const render::Item& item = withdrawal(v.scene());
    const auto arrow = std::get<render::ArrowItem>(item.shape);
    const std::int64_t t = item.time.start + v.rules().point_span;
    const render::Point at = render::partial_path(arrow.path, 0.6).back();
    REQUIRE(near(pixel(v.render_frame(t), at), arrow.stroke.color));
    // Drag by (-40, +30): press, move, release.
    sf::Event e{};
    e.type = sf::Event::MouseButtonPressed;
    e.mouseButton = {sf::Mouse::Left, 500, 300};
    v.handle(e);
    e.type = sf::Event::MouseMoved;
    e.mouseMove = {460, 330};
    v.handle(e);
    e.type = sf::Event::MouseButtonReleased;
    e.mouseButton = {sf::Mouse::Left, 460, 330};
    v.handle(e);
    const render::Point moved{at.x - 40, at.y + 30};
    const render::Raster panned = v.render_frame(t);  // the cached scene, drawn through the view's transform
    CHECK(near(pixel(panned, moved), arrow.stroke.color));
    v.refine();  // the scene rebuilt for the new view
    CHECK(near(pixel(v.render_frame(t), moved), arrow.stroke.color));
}

namespace {

bool yellowish(render::Color c) { return c.r > 200 && c.g > 150 && c.b < 110; }

sf::Event pointer_at(double x, double y) {
    sf::Event e{};
    e.type = sf::Event::MouseMoved;
    e.mouseMove = {static_cast<int>(std::lround(x)), static_cast<int>(std::lround(y))};
    return e;
}

} // namespace

TEST_CASE("hovering a legend row highlights its features, in the cached layers too, and leaving it leaves nothing", "[viewer][pick]") {
    require_display();
    Viewer v(viewer_test::story_project(), viewer_test::basemap(), small());
    const std::int64_t t = v.clock().end();  // every event on the map, no area flashing
    const render::Raster plain = v.render_frame(t);
    const auto& legend = v.scene().legend;
    auto row = [&](std::string_view prefix) {
        for (const auto& e : legend)
            if (e.key.starts_with(prefix)) return e;
        FAIL("no legend row " << prefix);
        throw;
    };
    // The points of the items under a legend key, in the map and clear of the furniture.
    auto points = [&](const std::string& key) {
        std::vector<render::Point> out;
        for (const auto& l : v.scene().layers) {
            if (l.role == render::LayerRole::furniture) continue;
            for (const auto& it : l.items) {
                if (it.key != key) continue;
                if (const auto* poly = std::get_if<render::PolygonItem>(&it.shape))
                    for (const auto& ring : poly->rings)
                        for (std::size_t i = 0; i < ring.size(); i += std::max<std::size_t>(1, ring.size() / 12)) out.push_back(ring[i]);
                if (const auto* m = std::get_if<render::MarkerItem>(&it.shape)) out.push_back({m->at.x + m->size / 2 + 3, m->at.y});
            }
        }
        std::erase_if(out, [&](const render::Point& p) {
            if (!v.scene().viewport.map_box.contains(p)) return true;
            for (const auto& e : legend)
                if (e.box.grown(40).contains(p)) return true;
            return false;
        });
        return out;
    };
    for (const std::string_view prefix : {"area:", "place:capital", "event:"}) {
        const auto entry = row(prefix);
        const auto pts = points(entry.key);
        REQUIRE(pts.size() >= 1);
        v.handle(pointer_at((entry.box.x0 + entry.box.x1) / 2, (entry.box.y0 + entry.box.y1) / 2));
        const render::Raster lit = v.render_frame(t);
        std::size_t before = 0, after = 0;
        for (const auto& p : pts) {
            before += yellowish(pixel(plain, p));
            after += yellowish(pixel(lit, p));
        }
        INFO(entry.key << ": " << after << " of " << pts.size() << " points highlighted");
        CHECK(before == 0);
        CHECK(after * 2 > pts.size());
        // Away from the legend (and off the map: no coordinates drawn), the frame is as before.
        v.handle(pointer_at(5, v.height() - 5));
        CHECK(v.render_frame(t).rgba == plain.rgba);
    }
}

TEST_CASE("left and right step between events, Shift with left and right pans", "[viewer][input]") {
    require_display();
    Viewer v(viewer_test::story_project(), viewer_test::basemap(), small());
    Clock& c = v.clock();
    c.set(utc("2022-02-12T00:00:00Z"));
    sf::Event key{};
    key.type = sf::Event::KeyPressed;
    key.key.code = sf::Keyboard::Right;
    v.handle(key);
    CHECK(c.now() == utc("2022-02-17T00:00:00Z"));  // support to the Gulf of Guinea states
    key.key.code = sf::Keyboard::Left;
    v.handle(key);
    CHECK(c.now() == utc("2022-02-10T00:00:00Z"));
    const render::XY centre = v.view().to_projected({480, 300});
    key.key.shift = true;
    v.handle(key);  // Shift+Left: the map moves right, the clock stays
    CHECK(c.now() == utc("2022-02-10T00:00:00Z"));
    const render::XY moved = v.view().to_projected({480 + 80, 300});
    CHECK(moved.x == Approx(centre.x).margin(1e-6 * std::abs(centre.x) + 1e-3));
    CHECK(moved.y == Approx(centre.y).margin(1e-6 * std::abs(centre.y) + 1e-3));
}
