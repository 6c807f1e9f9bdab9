#pragma once
// Events as the news reader produces them and the layer builder consumes
// them: plain values, independent of how they were read.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "geoevents/geo/types.hpp"

namespace geoevents::geo {

/// The event types of the document contract.
enum class EventType : std::uint8_t {
    withdrawal, redeployment, deployment, support, military_operation, attack, coup, coup_attempt,
    casualties, protest, arrest, agreement, sanction, election, political, statement, other
};
std::string_view to_string(EventType t) noexcept;
std::optional<EventType> event_type_from_string(std::string_view s) noexcept;

enum class DatePrecision : std::uint8_t { day, month, year, interval, unknown };
std::string_view to_string(DatePrecision p) noexcept;
std::optional<DatePrecision> date_precision_from_string(std::string_view s) noexcept;

/// A calendar span. `iso` is the contract's text: "YYYY", "YYYY-MM",
/// "YYYY-MM-DD" or "A/B" of those; empty when unknown. `first`/`last` are
/// the first and last day it covers as "YYYY-MM-DD" (empty when unknown);
/// `time` an optional time of day "HH:MM" (UTC when `utc`).
struct TimeSpan {
    std::string iso;
    DatePrecision precision = DatePrecision::unknown;
    std::string first, last;
    std::string time;
    bool utc = false;
    bool known() const noexcept { return !iso.empty(); }
};

/// The span a contract date text denotes: "2022" → 2022-01-01…2022-12-31
/// (year), "2022-02" (month), "2022-02-17" (day), "2013/2022-02-17"
/// (interval, from the first day of A to the last of B). nullopt when the
/// text is none of these or names an impossible day.
std::optional<TimeSpan> time_span_from_iso(std::string_view text);

enum class PlaceRole : std::uint8_t { origin, destination, location };
std::string_view to_string(PlaceRole r) noexcept;
std::optional<PlaceRole> place_role_from_string(std::string_view s) noexcept;

/// Whether the text says the event took place (document contract, `status`):
/// from the negation and modality of its clause ("n'a pas retiré", "may
/// deploy", "threatened to strike"). Only `happened` and `planned` events
/// are reported as facts; the others are kept so that a reader sees them.
enum class EventStatus : std::uint8_t { happened, planned, denied, threatened, hypothetical };
std::string_view to_string(EventStatus s) noexcept;
std::optional<EventStatus> event_status_from_string(std::string_view s) noexcept;

struct EventPlace {
    EventPlace() = default;
    EventPlace(Place p, PlaceRole r, bool infer = false, std::string rule = {})
        : place(std::move(p)), role(r), inferred(infer), origin_rule(std::move(rule)) {}
    Place place;
    PlaceRole role = PlaceRole::location;
    /// An end the text does not state but a rule supplies (the supporter's
    /// country as the origin of support); `origin_rule` names the rule.
    bool inferred = false;
    std::string origin_rule;
};

/// One event, possibly reported by several articles.
struct Event {
    std::string id;                    ///< "e1", unique within a document or a merged set
    EventType type = EventType::other;
    EventStatus status = EventStatus::happened;
    TimeSpan when;
    /// The year of `when` is a guess: the article gave no date, the reader
    /// inferred one whose year its text never writes, and this date needed
    /// it (a relative date, "17 février", or the reference date itself).
    bool year_guessed = false;
    std::vector<std::string> actors;
    std::vector<EventPlace> places;
    std::size_t evidence_start = 0, evidence_end = 0;  ///< byte span in the first source
    std::string evidence;              ///< the evidence text itself (a quote)
    std::vector<std::string> sources;  ///< article paths or ids
    double confidence = 0.0;
};

} // namespace geoevents::geo
