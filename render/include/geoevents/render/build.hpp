#pragma once
// Building a scene from the project's layers (the GeoPackage that `map`
// writes and a person may have corrected): extent and projection, basemap,
// story areas, movements and event markers, labels, and the furniture
// (title, legend, scale bar, locator inset, credit). docs/render.md.
#include <map>
#include <optional>
#include <string>

#include "geoevents/geo/error.hpp"
#include "geoevents/geo/project.hpp"
#include "geoevents/render/basemap.hpp"
#include "geoevents/render/scene.hpp"
#include "geoevents/render/style.hpp"
#include "geoevents/render/text.hpp"

namespace geoevents::render {

/// The project cannot be drawn (not a geoevents project, a layer without a
/// field the map needs, an impossible size or extent); what() says which.
class RenderError : public Error {
public:
    using Error::Error;
};

/// Largest width or height accepted, in logical pixels × scale (a bigger
/// request is refused, never silently shrunk).
inline constexpr double max_image_side = 16384;

struct SceneOptions {
    double width = 1200, height = 800;  ///< logical pixels
    std::string lang = "en";            ///< "en" or "fr": labels, legend, credit
    std::optional<geo::Bbox> bbox;      ///< lon/lat extent to show instead of the story's
    std::string projection;             ///< PROJ definition or EPSG code; empty: projection_for(extent)
    std::string title, subtitle;        ///< empty: made from the project
    const Style* style = nullptr;       ///< default_style() when null
    bool furniture = true;              ///< title, legend, scale bar, inset, credit
    /// The viewer's view: a rectangle in projected coordinates (x0, y0, x1,
    /// y1, in `projection`'s units, which must then be set) shown centred in
    /// the map box at the largest scale that fits, without padding.
    std::optional<Box> frame;
    /// Label boxes of the previous frame by label id (Scene::label_boxes):
    /// kept where still free, so labels do not jump from frame to frame.
    std::map<std::string, Box, std::less<>> previous_labels;
};

/// Builds the scene. Never fails for an empty story (a basemap with a note);
/// invalid area polygons are repaired (GEOS MakeValid) and noted; features
/// with impossible coordinates are skipped and noted.
/// @throws RenderError when the project has none of the story layers, a
///         layer lacks a field the map needs, or the size is impossible;
///         CrsError for an unusable projection.
Scene build_scene(const geo::Project& project, const Basemap& basemap, const TextShaper& shaper,
                  const SceneOptions& options);

/// Seconds since 1970-01-01 UTC of "YYYY-MM-DDTHH:MM:SSZ" (or a date
/// "YYYY-MM-DD"); nullopt when the text is not such a time.
std::optional<std::int64_t> parse_utc(std::string_view text) noexcept;

} // namespace geoevents::render
