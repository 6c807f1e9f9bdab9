#pragma once
// How much a gazetteer candidate can be trusted on its own, and the places
// the reader makes from gazetteer places (internal).
#include <optional>

#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/geo/types.hpp"

namespace geoevents::news::detail {

/// A place that news names often enough that its name alone is evidence:
/// countries, curated regions/seas/composites, first-level subdivisions and
/// national capitals under their own names, large cities under their own name.
inline bool is_major(const gazetteer::PlaceView& v, const gazetteer::Candidate& c) noexcept {
    using geo::PlaceKind;
    if (v.kind == PlaceKind::country) return c.primary || c.score >= 600;
    if (v.curated) return c.primary || c.score >= 300;
    if (v.kind == PlaceKind::admin1) return c.primary && c.score >= 250;
    if (v.capital) return c.score >= 200;
    if (v.kind == PlaceKind::city) return c.primary && v.population >= 250000;
    return false;
}

/// Places that can stand for a government (metonymy): countries, national
/// capitals, curated composites (the EU, ECOWAS members…).
inline bool can_be_actor(const gazetteer::PlaceView& v) noexcept {
    return v.kind == geo::PlaceKind::country || v.capital || (v.composite && v.curated);
}

/// Areas that a direction can divide ("le nord du Mali", "northern Nigeria").
inline bool is_area(const gazetteer::PlaceView& v) noexcept {
    using geo::PlaceKind;
    return v.kind == PlaceKind::country || v.kind == PlaceKind::admin1 ||
           (v.curated && (v.kind == PlaceKind::region || v.kind == PlaceKind::other || v.composite));
}

/// The border of two countries (borders.cpp): kind `border`, id
/// `border:<cc1>-<cc2>` (codes sorted), name "<name1>–<name2> border" in that
/// order, `geometry` the line they share (GEOS intersection of their
/// outlines, sewn into the longest lines and simplified to 0.01°, as GeoJSON
/// with 4 decimals), `point` a vertex of it near its middle. nullopt when
/// they are one country, lack an outline, or share no line (only a corner or
/// nothing). Deterministic: the same two outlines give the same bytes.
std::optional<geo::Place> border_between(const gazetteer::PlaceView& a, const gazetteer::PlaceView& b);

} // namespace geoevents::news::detail
