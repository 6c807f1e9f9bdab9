#include "geoevents/geo/event.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace geoevents::geo {

namespace {
constexpr std::array<std::string_view, 17> type_names{
    "withdrawal", "redeployment", "deployment", "support", "military_operation", "attack", "coup", "coup_attempt",
    "casualties", "protest", "arrest", "agreement", "sanction", "election", "political", "statement", "other"};
constexpr std::array<std::string_view, 5> precision_names{"day", "month", "year", "interval", "unknown"};
constexpr std::array<std::string_view, 3> role_names{"origin", "destination", "location"};
constexpr std::array<std::string_view, 5> status_names{"happened", "planned", "denied", "threatened", "hypothetical"};

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
std::optional<PlaceRole> place_role_from_string(std::string_view s) noexcept { return from_names<PlaceRole>(role_names, s); }
std::string_view to_string(EventStatus s) noexcept { return status_names[static_cast<std::size_t>(s)]; }
std::optional<EventStatus> event_status_from_string(std::string_view s) noexcept {
    return from_names<EventStatus>(status_names, s);
}

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in(int y, int m) {
    static constexpr int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

/// First and last day of "YYYY", "YYYY-MM" or "YYYY-MM-DD".
std::optional<std::pair<std::string, std::string>> bounds(std::string_view t, DatePrecision& precision) {
    auto num = [&](std::size_t at, std::size_t len, int& out) {
        if (t.size() < at + len) return false;
        out = 0;
        for (std::size_t i = at; i < at + len; ++i) {
            if (t[i] < '0' || t[i] > '9') return false;
            out = out * 10 + (t[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    char buf[32];
    if (t.size() == 4 && num(0, 4, y)) {
        precision = DatePrecision::year;
        std::snprintf(buf, sizeof buf, "%04d-12-31", y);
        return std::make_pair(std::string(t) + "-01-01", std::string(buf));
    }
    if (t.size() == 7 && num(0, 4, y) && t[4] == '-' && num(5, 2, m) && m >= 1 && m <= 12) {
        precision = DatePrecision::month;
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, days_in(y, m));
        return std::make_pair(std::string(t) + "-01", std::string(buf));
    }
    if (t.size() == 10 && num(0, 4, y) && t[4] == '-' && num(5, 2, m) && t[7] == '-' && num(8, 2, d) && m >= 1 &&
        m <= 12 && d >= 1 && d <= days_in(y, m)) {
        precision = DatePrecision::day;
        return std::make_pair(std::string(t), std::string(t));
    }
    return std::nullopt;
}
} // namespace

std::optional<TimeSpan> time_span_from_iso(std::string_view text) {
    TimeSpan span;
    span.iso = text;
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) {
        auto b = bounds(text, span.precision);
        if (!b) return std::nullopt;
        span.first = b->first;
        span.last = b->second;
        return span;
    }
    DatePrecision pa{}, pb{};
    auto a = bounds(text.substr(0, slash), pa), b = bounds(text.substr(slash + 1), pb);
    if (!a || !b || b->second < a->first) return std::nullopt;
    span.precision = DatePrecision::interval;
    span.first = a->first;
    span.last = b->second;
    return span;
}

} // namespace geoevents::geo
