#pragma once
// The map style: colours, type sizes and line widths, as data. The default
// is samples/style.json, compiled in (one source of truth); it uses the Okabe–Ito
// colour-blind-safe palette, and tells roles apart by pattern and lightness
// too, so a grey print still reads. docs/render.md documents every key.
#include <map>
#include <vector>
#include <string>
#include <string_view>

#include "geoevents/geo/error.hpp"
#include "geoevents/render/scene.hpp"

namespace geoevents::render {

/// A style file that cannot be read or holds a bad value; what() names the
/// file and the key.
class StyleError : public Error {
public:
    using Error::Error;
};

/// How one kind of story feature looks.
struct AreaStyle {
    Fill fill;
    Stroke stroke;
    friend bool operator==(const AreaStyle&, const AreaStyle&) = default;
};

struct MarkerStyle {
    MarkerShape shape = MarkerShape::circle;
    Color color;
    friend bool operator==(const MarkerStyle&, const MarkerStyle&) = default;
};

struct TextStyle {
    Font font;
    Color color;
    friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

struct Style {
    // Basemap
    Color sea;
    Color land;
    Stroke coastline;
    Stroke border;
    TextStyle country_label;
    TextStyle capital_label;
    MarkerStyle capital_marker;
    double capital_marker_size = 0;

    // Story
    std::map<std::string, AreaStyle, std::less<>> areas;      ///< by role: origin, destination, support, location
    std::map<std::string, MarkerStyle, std::less<>> events;   ///< by event category (event_category())
    std::map<std::string, Color, std::less<>> movements;      ///< by event type; "default" for the others
    double marker_size = 0;
    double movement_width_min = 0, movement_width_max = 0;  ///< px, by the number of reporting articles
    double arrow_head = 0;                 ///< head length as a multiple of the line width
    std::vector<double> inferred_dash;         ///< movements whose origin the text does not state
    Stroke approximate;                    ///< outline of an approximate place's uncertainty circle
    Stroke story_border;                   ///< a border the articles name, drawn along the boundary
    Stroke story_border_halo;              ///< the wide band under it that sets it apart from the basemap's borders
    Color place_dot;
    double place_dot_size = 0;
    TextStyle story_label;
    TextStyle story_country_label;

    // Halo behind every label
    Color halo;
    double halo_width = 0;

    // Furniture
    TextStyle title, subtitle, legend, credit, scale;
    Color panel;     ///< legend and inset background
    Stroke panel_stroke;
    Color inset_extent;

    friend bool operator==(const Style&, const Style&) = default;
};

/// The built-in style: samples/style.json, compiled in.
const Style& default_style();

/// Reads a style file: a JSON object whose keys override the default's
/// (docs/render.md); unknown keys are errors, so a typo never passes silently.
/// @throws StyleError naming the file and the key (or JSON line/column).
Style load_style(const std::string& path);
/// The same from JSON text; `name` is used in messages.
Style parse_style(std::string_view json, const std::string& name);

/// The legend group of an event type: "movement" (withdrawal, redeployment,
/// deployment), "support", "violence" (attack, casualties, military_operation),
/// "coup" (coup, coup_attempt), "unrest" (protest, arrest), "politics"
/// (agreement, sanction, election, political, statement), "other".
std::string_view event_category(std::string_view type) noexcept;

} // namespace geoevents::render
