#pragma once
// GEOS helpers the layer builder and the writers need beyond geometry.hpp's
// public interface. Private to geo/.
#include <optional>
#include <vector>

#include "geoevents/geo/geometry.hpp"
#include "geoevents/geo/project.hpp"
#include "geoevents/geo/types.hpp"

namespace geoevents::geo::detail {

/// A Multi* geometry of `type` (multi_line_string or multi_polygon) holding
/// `parts` as they are (no union, no noding). Parts that are themselves
/// multi geometries are flattened.
/// @throws GeometryError when a part has another dimension.
Geometry collect(const std::vector<Geometry>& parts, GeometryType type);

/// `g` as the multi type of its kind: Polygon → MultiPolygon, LineString →
/// MultiLineString; other geometries unchanged.
Geometry to_multi(const Geometry& g);

/// The coordinates of a Point, nullopt for anything else (or an empty point).
std::optional<LonLat> point_of(const Geometry& g) noexcept;

/// GEOS type id of the geometry (GEOS_POINT, GEOS_POLYGON…).
int geos_type_id(const Geometry& g) noexcept;

} // namespace geoevents::geo::detail
