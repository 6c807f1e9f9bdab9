#pragma once
// The project's layers read into typed rows for drawing (private to render/).
#include <cstdint>
#include <string>
#include <vector>

#include "geoevents/geo/geometry.hpp"
#include "geoevents/geo/project.hpp"
#include "geoevents/render/scene.hpp"

namespace geoevents::render::detail {

struct StoryPlace {
    std::size_t row = 0;
    std::string id, name, kind, country;  ///< name: the layer's `label`, else its `name`
    std::string plain_name;               ///< the layer's `name`
    /// The names French and English articles write (layer fields label_fr,
    /// label_en); `by_language` is false for a layer written before them.
    std::string label_fr, label_en;
    bool by_language = false;
    geo::LonLat point;
    bool named_by_event = false;  ///< some event names it
    /// An event names it or some article names it as a location: not only
    /// as an actor, a demonym or in a line of the page outside the story.
    bool location = true;
    bool approximate = false;
    double uncertainty_km = 0;
};

struct StoryEvent {
    std::size_t row = 0;
    std::string id, type, place_id;
    geo::LonLat point;
    TimeSpan time;
    bool uncertain = false;
    std::size_t sources = 1;
};

struct StoryMovement {
    std::size_t row = 0;
    std::string event_id, type, from_id, to_id;
    bool inferred = false;  ///< origin not stated in the text
    std::vector<std::vector<geo::LonLat>> parts;
    TimeSpan time;
    bool uncertain = false;
    std::size_t sources = 1;
};

struct StoryArea {
    std::size_t row = 0;
    std::string place_id, name;
    std::string role;  ///< origin, destination, support, location (style keys) or supporter (not filled)
    geo::Geometry geometry;  ///< valid (repaired if it was not)
    std::vector<geo::LonLat> outline;  ///< up to a few hundred of its vertices, for the extent
    geo::Bbox bbox;
    double area = 0;  ///< square degrees, for drawing big areas first
    TimeSpan time;    ///< from the first start to the last end of its events
};

/// A border the articles name ("la frontière Niger–Mali"): the line drawn
/// along it; its label is that of its place (the places layer).
struct StoryBorder {
    std::size_t row = 0;
    std::string place_id;
    std::vector<std::vector<geo::LonLat>> parts;
    TimeSpan time;  ///< from the first start to the last end of its events
};

struct Story {
    std::vector<StoryPlace> places;
    std::vector<StoryEvent> events;
    std::vector<StoryMovement> movements;
    std::vector<StoryArea> areas;
    std::vector<StoryBorder> borders;  ///< from the `borders` layer, when the project has one
    std::vector<std::string> sources;  ///< articles (metadata `sources`)
    bool has_layers = false;           ///< at least one story layer exists
    bool timed = false;                ///< the events carry date fields
};

/// Reads the story. Invalid polygons are repaired (noted); features with
/// impossible coordinates are skipped (noted).
/// @throws RenderError when a present layer lacks a field the map needs.
Story read_story(const geo::Project& project, std::vector<std::string>& notes);

} // namespace geoevents::render::detail
