#pragma once
// The scene: what to draw, where, in which style — plain pixel-space data
// built from the project's layers (build.hpp), drawn by the backends (Cairo
// for PNG/PDF, the SVG writer, the SFML viewer). No backend type appears here.
//
// Contract of a scene:
// - coordinates are logical pixels of a width × height image, y downwards;
// - layers are drawn in order, items of a layer in order;
// - every item has already been projected, simplified and clipped to its
//   layer's `clip` box (when set) — backends draw, they do not decide;
// - a backend handles every alternative of `Shape` (std::visit over an
//   overload set: a missing one does not compile).
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "geoevents/geo/types.hpp"
#include "geoevents/render/types.hpp"

namespace geoevents::render {

enum class Pattern : std::uint8_t {
    none,         ///< no fill at all
    solid,        ///< the colour
    hatch,        ///< the colour, with diagonal lines of pattern_color
    cross_hatch,  ///< the colour, with crossed diagonal lines
    dots,         ///< the colour, with a grid of dots
};

struct Fill {
    Color color{0, 0, 0, 0};
    Pattern pattern = Pattern::none;
    Color pattern_color{0, 0, 0, 0};
    double spacing = 6;  ///< px between hatch lines or dots
    friend bool operator==(const Fill&, const Fill&) = default;
};

struct Stroke {
    Color color{0, 0, 0, 0};
    double width = 0;           ///< px; 0 draws nothing
    std::vector<double> dash;   ///< on/off lengths in px; empty = solid
    friend bool operator==(const Stroke&, const Stroke&) = default;
};

enum class MarkerShape : std::uint8_t { circle, square, triangle, diamond, star, cross };

struct Font {
    std::string family = "Noto Sans";
    double size = 12;  ///< px (not points)
    bool bold = false;
    bool italic = false;
    friend bool operator==(const Font&, const Font&) = default;
};

enum class Align : std::uint8_t { left, center, right };

/// A closed area, filled with the even-odd rule (holes are rings inside).
struct PolygonItem {
    std::vector<std::vector<Point>> rings;
    Fill fill;
    Stroke stroke;
};

/// Open polylines.
struct LineItem {
    std::vector<std::vector<Point>> parts;
    Stroke stroke;
};

/// A movement: the path from its origin to its destination; the head is a
/// filled triangle whose tip is the last point of the path (the line itself
/// stops at the head's base).
struct ArrowItem {
    std::vector<Point> path;
    Stroke stroke;
    double head_length = 12;
    double head_width = 10;
};

struct MarkerItem {
    Point at;
    MarkerShape shape = MarkerShape::circle;
    double size = 10;  ///< px across
    Fill fill;
    Stroke stroke;
};

struct CircleItem {
    Point center;
    double radius = 0;
    Fill fill;
    Stroke stroke;
};

/// One line of text. `box` is its layout box (top-left origin, the measured
/// width and height); `baseline` the distance from the box's top to the
/// baseline, so that a backend that positions text by its baseline (SVG,
/// SFML) lands on the same place as one that uses the box (Pango).
struct TextItem {
    std::string text;
    Box box;
    double baseline = 0;
    Font font;
    Color color;
    Color halo{255, 255, 255, 0};  ///< alpha 0: no halo
    double halo_width = 0;         ///< px of halo around the glyphs
};

using Shape = std::variant<PolygonItem, LineItem, ArrowItem, MarkerItem, CircleItem, TextItem>;

/// When an item is on the map: [start, end] in seconds since 1970-01-01 UTC
/// (64-bit integers, never floats). The default spans all time: basemap and
/// furniture items, and story items without a date.
struct TimeSpan {
    std::int64_t start = std::numeric_limits<std::int64_t>::min();
    std::int64_t end = std::numeric_limits<std::int64_t>::max();
    bool dated() const noexcept { return start != std::numeric_limits<std::int64_t>::min(); }
};

/// The project feature an item draws: a layer name and its row in
/// geo::Project (0-based), for hover and tooltips. Empty layer: none.
struct FeatureRef {
    std::string layer;
    std::size_t row = 0;
};

struct Item {
    Shape shape;
    FeatureRef feature;
    TimeSpan time;
    std::string key;           ///< legend key it belongs to ("event:coup", "area:origin"…), may be empty
    bool uncertain = false;    ///< date only known to the month or coarser
};

enum class LayerRole : std::uint8_t { basemap, story, labels, furniture };

struct SceneLayer {
    std::string name;  ///< "land", "areas", "movements", "events", "labels", "legend"…
    LayerRole role = LayerRole::story;
    std::vector<Item> items;
};

/// One legend row: the key of the items it explains and where it is drawn.
struct LegendEntry {
    std::string key;
    std::string text;
    Box box;
};

/// How lon/lat maps to pixels: pixel = ((x - x0) * k, (y0 - y) * k) for the
/// projected (x, y) of `projection` (a PROJ definition).
struct Viewport {
    std::string projection;
    double x0 = 0, y0 = 0;  ///< projected coordinates of pixel (0, 0)
    double k = 1;           ///< pixels per projected metre
    Box map_box;            ///< the part of the image that is map (not title or credit band)
    geo::Bbox bbox;         ///< lon/lat extent shown (longitudes may exceed 180 across the antimeridian)
};

struct Scene {
    double width = 0, height = 0;  ///< logical pixels
    Color background{255, 255, 255, 255};
    Viewport viewport;
    std::vector<SceneLayer> layers;
    std::vector<LegendEntry> legend;
    /// Placed label boxes by label id ("geonames:2460596", "capital:ML",
    /// "country:NE"), for the next frame's SceneOptions::previous_labels.
    std::map<std::string, Box, std::less<>> label_boxes;
    /// Story places whose label could not be placed (the run reports them).
    std::vector<std::string> unlabeled;
    /// What the builder repaired, skipped or chose (the run reports them).
    std::vector<std::string> notes;
};

} // namespace geoevents::render
