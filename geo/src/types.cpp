#include "geoevents/geo/types.hpp"

#include <array>
#include <cmath>

namespace geoevents::geo {

namespace {
constexpr std::array<std::string_view, 13> kind_names{
    "country", "admin1", "admin2", "city", "region", "sea", "river", "lake", "landmark", "base", "other", "part", "border"};
}

std::string_view to_string(PlaceKind kind) noexcept {
    return kind_names[static_cast<std::size_t>(kind)];
}

std::optional<PlaceKind> place_kind_from_string(std::string_view s) noexcept {
    for (std::size_t i = 0; i < kind_names.size(); ++i)
        if (kind_names[i] == s) return static_cast<PlaceKind>(i);
    return std::nullopt;
}

double distance_km(LonLat a, LonLat b) noexcept {
    constexpr double deg = 3.14159265358979323846 / 180.0;
    const double p1 = a.lat * deg, p2 = b.lat * deg;
    const double dp = p2 - p1, dl = (b.lon - a.lon) * deg;
    const double h = std::sin(dp / 2) * std::sin(dp / 2) + std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
    return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(h)));
}

} // namespace geoevents::geo
