#include "geoevents/geo/event.hpp"

#include <array>

namespace geoevents::geo {

namespace {
constexpr std::array<std::string_view, 17> type_names{
    "withdrawal", "redeployment", "deployment", "support", "military_operation", "attack", "coup", "coup_attempt",
    "casualties", "protest", "arrest", "agreement", "sanction", "election", "political", "statement", "other"};
constexpr std::array<std::string_view, 5> precision_names{"day", "month", "year", "interval", "unknown"};
constexpr std::array<std::string_view, 3> role_names{"origin", "destination", "location"};

template <typename E, std::size_t N>
std::optional<E> from_names(const std::array<std::string_view, N>& names, std::string_view s) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == s) return static_cast<E>(i);
    return std::nullopt;
}
} // namespace

std::string_view to_string(EventType t) noexcept { return type_names[static_cast<std::size_t>(t)]; }
std::optional<EventType> event_type_from_string(std::string_view s) noexcept { return from_names<EventType>(type_names, s); }
std::string_view to_string(DatePrecision p) noexcept { return precision_names[static_cast<std::size_t>(p)]; }
std::optional<DatePrecision> date_precision_from_string(std::string_view s) noexcept {
    return from_names<DatePrecision>(precision_names, s);
}
std::string_view to_string(PlaceRole r) noexcept { return role_names[static_cast<std::size_t>(r)]; }

} // namespace geoevents::geo
