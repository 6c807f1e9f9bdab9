#pragma once
// Layers from events: turns the news reader's events and place summaries
// into the project's map layers (places, areas, borders, events, movements) plus
// the metadata table. Takes plain values only, so geo/ never depends on the
// news library; polygons come through a callback (the gazetteer's WKB).
//
// The rules (which point stands for an event, which events draw a movement,
// where a movement starts when the article names no origin) are documented
// in docs/layers.md and on each declaration below.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "geoevents/geo/event.hpp"
#include "geoevents/geo/geodesic.hpp"
#include "geoevents/geo/project.hpp"
#include "geoevents/geo/types.hpp"

namespace geoevents::geo {

/// Everything the articles said about one distinct place.
struct MentionSummary {
    Place place;
    std::size_t mentions = 0;           ///< how many times it is named, all articles together
    std::vector<std::string> articles;  ///< the articles naming it (paths or ids), without repeats
    std::size_t as_location = 0;        ///< mentions where it is where something happens
    std::size_t as_actor = 0;           ///< mentions where it stands for an actor ("Paris a décidé")
    /// The name the first French (English) article naming it writes for it
    /// ("Tombouctou", "Est du Mali"), its Place::label or else its name;
    /// empty when no article of that language names it (a demonym does not name it).
    std::string label_fr, label_en;
};

/// Credit required by the data licences (GeoNames CC BY 4.0; Natural Earth is public domain).
inline constexpr std::string_view default_data_credits = "GeoNames (CC BY 4.0), Natural Earth (public domain)";

struct ProjectMetadata {
    std::vector<std::string> sources;  ///< the articles read; empty: the union of the events' sources
    std::string reference_date;        ///< "YYYY-MM-DD", the date relative dates were read against
    std::string toolkit_version;       ///< e.g. "0.1.0"
    std::string data_credits{default_data_credits};
    /// Further key/value rows, written after the standard ones in this order.
    std::vector<std::pair<std::string, std::string>> extra;
};

struct LayerOptions {
    /// Area polygons are simplified (GEOS TopologyPreserveSimplify) to this
    /// tolerance in degrees: 0.01° ≈ 1.1 km at the equator, below what a map
    /// of a region shows, and it shrinks country outlines ~10×. 0 keeps them as given.
    double simplify_tolerance_deg = 0.01;
    /// Densification of movement lines.
    GeodesicOptions geodesic;
};

/// WKB of the polygon of a place (country, region, composite…); an empty
/// vector when the place has none. Called at most once per distinct place id.
/// May throw; the exception propagates out of build_layers().
using PolygonSource = std::function<std::vector<std::uint8_t>(const Place&)>;

/// The place an actor stands for ("France" → the country France), used as
/// the origin of a movement when the event names none; nullopt when unknown.
using ActorPlaceSource = std::function<std::optional<Place>(std::string_view actor)>;

/// A PolygonSource reading from a map keyed by place id.
PolygonSource polygons_from_map(std::map<std::string, std::vector<std::uint8_t>, std::less<>> wkb_by_place_id);

struct LayerInput {
    std::vector<Event> events;
    std::vector<MentionSummary> places;
    PolygonSource polygon_of;     ///< may be empty: then no place has a polygon
    ActorPlaceSource actor_place; ///< may be empty: then the default rule of build_layers() applies
    ProjectMetadata metadata;
    LayerOptions options;
};

/// Builds the project's layers. The layers, in this order, and their fields
/// (docs/layers.md has the full table):
///
/// - `places` (Point): one per MentionSummary, at Place::point, plus one for
///   every place an event names that has no summary (mentions 0). Fields
///   place_id, name, kind, country, admin1, population, composite, mentions,
///   articles (", "-joined), role_location, role_actor, label (Place::label,
///   else name), label_fr, label_en (MentionSummary's, null when empty),
///   approximate, uncertainty_km.
/// - `areas` (MultiPolygon): one per distinct place with a polygon that some
///   event names (countries, regions, composites…). The polygon is made
///   valid (GEOS MakeValid, polygonal parts kept) when GEOS says it is not,
///   simplified to options.simplify_tolerance_deg, checked again, and
///   oriented counter-clockwise. Fields place_id, name, kind, country,
///   composite, event_ids (", "-joined), n_events, simplified_deg, made_valid.
/// - `borders` (MultiLineString), only when the story names a border (a
///   project without one has the same layers as before): one per border place (kind `border`, "la
///   frontière Niger–Mali") among the places, with the line of its
///   Place::geometry. Fields place_id, name, label (the article's name, else
///   name), event_ids (", "-joined, the events naming it). A border without
///   a line is left out and named in Project::notes.
/// - `events` (Point): one per event that names a place. The point is that
///   of the event's *location*: among its places with the first role present
///   in the order location, origin, destination, a place without polygon
///   (a city, a base) is preferred to an area, and among areas the smallest;
///   a point place gives its own point, an area its polygon's GEOS
///   PointOnSurface (never a centroid that may fall outside). Fields
///   event_id, type, date_start, date_end, date_text, precision, actors,
///   places, place_id, place_name, location_kind ("point"|"area"), inferred
///   (the inferred places: "id (role: origin_rule)", empty if none), sources,
///   evidence, confidence.
/// - `movements` (MultiLineString): one per (origin, destination) pair of a
///   withdrawal, redeployment, deployment or support event that has a
///   destination. Destinations are the places with role destination; a
///   support event without one goes towards its location places that are
///   areas. Origins are the places with role origin; when there is none,
///   the origin is the place of the first actor that resolves to one
///   (origin_rule "actor_country"): through `actor_place` when given, else
///   a country among `places` (or the event's places) whose name or ISO code
///   equals the actor text, case-insensitively. The line is the WGS 84
///   geodesic between the two ends' points (as for events), densified and
///   split at the antimeridian (geodesic_path()). Fields: the event's
///   (event_id, type, date_start, date_end, date_text, precision, actors,
///   sources, evidence, confidence) and from_id, from_name, to_id, to_name,
///   origin_rule ("stated"|"actor_country"), distance_km.
/// - `metadata` (no geometry): key/value rows sources, reference_date,
///   toolkit_version, data_credits, crs, simplify_tolerance_deg,
///   geodesic_max_segment_km, geodesic_min_segments, schema_version, then
///   metadata.extra.
///
/// Date-times: date_start is TimeSpan::first at TimeSpan::time (00:00:00 when
/// unknown); date_end is TimeSpan::last at 23:59:59, or date_start when a
/// time of day is known and the span is one day; both null when the event
/// has no date. date_text keeps the contract's text ("2022-02", "2022-02-01/2022-02-06").
///
/// Events without a place, movements without an origin or whose ends
/// coincide are left out and each is named in Project::notes.
/// @throws GeometryError when a polygon's WKB is invalid or a coordinate is
///         impossible (message names the place id).
Project build_layers(const LayerInput& input);

/// "YYYY-MM-DDTHH:MM:SSZ" for the start and end of a time span (see
/// build_layers()); empty strings when the span has no first/last day.
std::pair<std::string, std::string> iso_datetimes(const TimeSpan& span);

} // namespace geoevents::geo
