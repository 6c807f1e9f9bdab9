#pragma once
// The stages of event reading that work on drafts alone (internal; see
// events.cpp for the stages that read a sentence). Declared here so that a
// test can run one stage on drafts it builds itself.
#include <cstddef>
#include <vector>

#include "geoevents/geo/event.hpp"

namespace geoevents::news::detail {

/// An event read from one trigger, before the article's repeats are merged.
struct Draft {
    geo::Event event;
    std::size_t sentence = 0;
    std::size_t order = 0;                     ///< byte offset of the trigger
    bool explicit_date = false;
    bool verb = false;                         ///< read from a verb (which has a tense; a noun has none)
    std::vector<geo::Place> actor_places;      ///< the places the actors stand for (a country, "the French army")
    std::vector<geo::Place> named_actors;      ///< those named as actors themselves ("la France a décidé")
    bool possessive = false;                   ///< the trigger follows a possessive ("leur soutien", "their support")
    std::vector<std::size_t> mentions;         ///< indices of the mentions used as places
};

/// A redeployment that names only its destination starts where an earlier
/// withdrawal left (or, in the same or the previous sentence, where a
/// deployment stood): stated when adjacent, else marked inferred
/// (origin_rule "earlier_withdrawal"). `drafts` in text order.
void link_redeployments(std::vector<Draft>& drafts);

/// Repeats within the article (same type, overlapping dates, a shared place,
/// compatible status) merged into the first; text order kept.
std::vector<Draft> merge_repeats(std::vector<Draft> drafts);

} // namespace geoevents::news::detail
