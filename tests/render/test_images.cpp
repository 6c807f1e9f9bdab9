// Map images: the same bytes for the same input, a reference image of the
// reference story, text kept as text in SVG.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "geo/story_fixture.hpp"
#include "geoevents/render/build.hpp"
#include "geoevents/render/image.hpp"
#include "render_fixture.hpp"

using namespace geoevents;
using namespace geoevents::render;

namespace {

Scene story_scene(double w, double h) {
    SceneOptions o;
    o.width = w;
    o.height = h;
    return build_scene(geo::build_layers(story::input()), fixture().basemap, fixture().shaper, o);
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("same input, same bytes: PNG, SVG and PDF", "[render][images]") {
    const Scene a = story_scene(1080, 1080), b = story_scene(1080, 1080);
    for (ImageFormat f : {ImageFormat::png, ImageFormat::svg, ImageFormat::pdf}) CHECK(encode(a, f) == encode(b, f));
}

// The map's PNG is converted to RGB rows over the drawn image's own memory
// (cairo_backend.cpp): reading the file back gives every pixel as drawn.
TEST_CASE("a map's PNG file holds exactly the pixels drawn", "[render][images][png]") {
    for (const double scale : {1.0, 2.0}) {
        const Scene s = story_scene(601, 401);  // odd sizes: rows are not a multiple of 4 bytes
        const Raster drawn = rasterize(s, scale);
        const std::string png = encode(s, ImageFormat::png, scale);
        CHECK(static_cast<int>(png[25]) == 2);  // opaque: RGB
        const Raster back = decode_png(png);
        REQUIRE(back.width == drawn.width);
        REQUIRE(back.height == drawn.height);
        CHECK(back.rgba == drawn.rgba);
    }
}

TEST_CASE("at scale 2 the same layout has twice the pixels", "[render][images]") {
    const Scene s = story_scene(1200, 800);
    const Raster one = rasterize(s, 1), two = rasterize(s, 2);
    CHECK(one.width == 1200);
    CHECK(one.height == 800);
    CHECK(two.width == 2400);
    CHECK(two.height == 1600);
    // A pixel in the middle of the title band is white in both; a pixel of the map is the same colour, give or take antialiasing.
    auto at = [](const Raster& r, int x, int y) { return &r.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)) * 4]; };
    const int x = 600, y = static_cast<int>(s.viewport.map_box.y0) + 200;
    for (int c = 0; c < 3; ++c) CHECK(std::abs(at(one, x, y)[c] - at(two, 2 * x, 2 * y)[c]) <= 24);
}

// The reference image was looked at by a person before it was committed
// (tests/render/reference/README.md). Text is drawn by the installed Noto
// fonts through Pango and FreeType, whose versions may move antialiasing by a
// few levels: pixels may differ by up to 40 levels in a channel, and at most
// 0.5 % of pixels by more. Set GEOEVENTS_UPDATE_REFERENCE=1 to write it anew
// (then look at it).
TEST_CASE("the reference story matches its reference image", "[render][images]") {
    const std::string path = GEOEVENTS_SOURCE_DIR "/tests/render/reference/story-square.png";
    const Scene s = story_scene(1080, 1080);
    const Raster r = rasterize(s, 1);
    if (std::getenv("GEOEVENTS_UPDATE_REFERENCE")) {
        write_image(s, path, ImageFormat::png);
        WARN("reference image written: " << path);
    }
    const std::string ref_bytes = slurp(path);
    REQUIRE_FALSE(ref_bytes.empty());
    const Raster ref = decode_png(ref_bytes);
    REQUIRE(ref.width == r.width);
    REQUIRE(ref.height == r.height);
    std::size_t off = 0;
    for (std::size_t i = 0; i < r.rgba.size(); i += 4) {
        int worst = 0;
        for (int c = 0; c < 4; ++c) worst = std::max(worst, std::abs(r.rgba[i + static_cast<std::size_t>(c)] - ref.rgba[i + static_cast<std::size_t>(c)]));
        off += worst > 40;
    }
    const auto pixels = static_cast<double>(r.rgba.size()) / 4;
    CHECK(static_cast<double>(off) / pixels <= 0.005);
}

TEST_CASE("SVG keeps text as text and names every labelled place", "[render][images]") {
    const Scene s = story_scene(1200, 800);
    const std::string svg = encode(s, ImageFormat::svg);
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(svg.find("<text") != std::string::npos);
    for (const auto& l : s.layers)
        if (l.name == "labels")
            for (const auto& i : l.items)
                if (const auto* t = std::get_if<TextItem>(&i.shape)) CHECK(svg.find(">" + t->text + "</text>") != std::string::npos);
    CHECK(svg.find("inkscape:groupmode=\"layer\"") != std::string::npos);
}

TEST_CASE("an image is written atomically, or not at all", "[render][images]") {
    const Scene s = story_scene(1200, 800);
    const std::string dir = GEOEVENTS_BINARY_DIR "/test-render-out";
    std::filesystem::create_directories(dir);
    write_image(s, dir + "/map.pdf", ImageFormat::pdf);
    CHECK(slurp(dir + "/map.pdf").rfind("%PDF-", 0) == 0);
    CHECK_THROWS_AS(write_image(s, dir + "/missing-folder/map.png", ImageFormat::png), IoError);
    std::filesystem::create_directories(dir + "/a-folder.png");
    CHECK_THROWS_AS(write_image(s, dir + "/a-folder.png", ImageFormat::png), IoError);
    for (const auto& e : std::filesystem::directory_iterator(dir)) CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("PNG: an opaque image as RGB, one with transparency as RGBA, both read back", "[render][images][png]") {
    Raster r;
    r.width = 3;
    r.height = 2;
    r.rgba = {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255,  //
              10, 20, 30, 255, 200, 100, 50, 255, 1, 2, 3, 255};
    const std::string opaque = encode_png(r);
    REQUIRE(opaque.size() > 33);
    CHECK(opaque.substr(1, 3) == "PNG");
    CHECK(opaque.substr(12, 4) == "IHDR");
    CHECK(static_cast<int>(opaque[25]) == 2);  // colour type 2: RGB, no alpha channel
    CHECK(decode_png(opaque).rgba == r.rgba);

    Raster t = r;
    t.rgba[3] = 0;  // a transparent pixel (its colour is lost: premultiplied)
    t.rgba[0] = t.rgba[1] = t.rgba[2] = 0;
    t.rgba[7] = 128;  // a half-transparent one
    const std::string transparent = encode_png(t);
    CHECK(static_cast<int>(transparent[25]) == 6);  // colour type 6: RGBA
    const Raster back = decode_png(transparent);
    REQUIRE(back.rgba.size() == t.rgba.size());
    for (std::size_t i = 0; i < t.rgba.size(); ++i) CHECK(std::abs(back.rgba[i] - t.rgba[i]) <= 1);
    CHECK(encode_png(t) == transparent);
}
