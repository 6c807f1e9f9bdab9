#pragma once
// Geodesics on the WGS 84 ellipsoid, computed with PROJ's geodesic routines
// (geod_inverse / geod_direct, Karney's algorithms). PROJ stays inside geo/:
// this header names no PROJ type.
//
// Coordinates are WGS 84 longitude/latitude in degrees; distances in metres
// unless the name says otherwise; azimuths in degrees clockwise from north.
#include <cstddef>
#include <vector>

#include "geoevents/geo/geometry.hpp"
#include "geoevents/geo/types.hpp"

namespace geoevents::geo {

/// How finely a geodesic is densified into a polyline.
struct GeodesicOptions {
    /// At most this many kilometres between consecutive vertices.
    double max_segment_km = 50.0;
    /// At least this many segments, however short the line (so that a short
    /// line still bends visibly like the geodesic it stands for).
    std::size_t min_segments = 16;
};

/// Result of the inverse problem between two points.
struct GeodesicInverse {
    double distance_m = 0.0;    ///< length of the shortest geodesic
    double azimuth1_deg = 0.0;  ///< forward azimuth at the first point
    double azimuth2_deg = 0.0;  ///< forward azimuth at the second point
};

/// Shortest geodesic between `a` and `b` (geod_inverse).
/// @throws GeometryError when a coordinate is not finite or out of range
///         (|lon| > 180, |lat| > 90).
GeodesicInverse geodesic_inverse(LonLat a, LonLat b);

/// The point `distance_m` metres from `from` along azimuth `azimuth_deg`
/// (geod_direct). The longitude is normalised to [-180, 180].
/// @throws GeometryError on impossible coordinates.
LonLat geodesic_direct(LonLat from, double azimuth_deg, double distance_m);

/// The geodesic from `from` to `to`, densified so that no segment is longer
/// than options.max_segment_km and there are at least options.min_segments
/// segments (vertex i lies at distance i·s12/n along the geodesic, computed
/// with geod_direct from `from` at the inverse azimuth).
///
/// The path is split where it crosses the antimeridian: the result has one
/// part, or one more part per crossing; every longitude is in [-180, 180];
/// the crossing vertex is computed on the geodesic (by bisection on the
/// distance), and repeated as +180 / -180 at the end of one part and the
/// start of the next. The first vertex equals `from` and the last `to`
/// exactly. When `from == to` the single part holds the two equal points.
/// @throws GeometryError on impossible coordinates or options (max_segment_km <= 0).
std::vector<std::vector<LonLat>> geodesic_path(LonLat from, LonLat to, const GeodesicOptions& options = {});

/// geodesic_path() as a geometry: a LineString, or a MultiLineString when the
/// path crosses the antimeridian.
/// @throws GeometryError as geodesic_path().
Geometry geodesic_line(LonLat from, LonLat to, const GeodesicOptions& options = {});

} // namespace geoevents::geo
