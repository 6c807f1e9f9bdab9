#include "read_checks.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "geoevents/geo/error.hpp"

namespace geoevents::geo::detail {

std::string iso_utc(int y, int mo, int d, int h, int mi, float s, int tz) {
    using namespace std::chrono;
    long long secs = h * 3600LL + mi * 60LL + static_cast<long long>(std::lround(s));
    if (tz > 1) secs -= (tz - 100) * 15LL * 60LL;
    const sys_seconds tp = sys_days{year{y} / month{static_cast<unsigned>(mo)} / day{static_cast<unsigned>(d)}} +
                           seconds{secs};
    const sys_days day_part = floor<days>(tp);
    const year_month_day ymd{day_part};
    const hh_mm_ss<seconds> hms{tp - day_part};
    // Digits by hand: snprintf is a measurable share of reading 100,000 events.
    std::string out = "0000-00-00T00:00:00Z";
    auto put = [&](std::size_t at, unsigned v, std::size_t width) {
        for (std::size_t i = 0; i < width; ++i, v /= 10) out[at + width - 1 - i] = static_cast<char>('0' + v % 10);
    };
    put(0, static_cast<unsigned>(std::clamp(static_cast<int>(ymd.year()), 0, 9999)), 4);
    put(5, static_cast<unsigned>(ymd.month()), 2);
    put(8, static_cast<unsigned>(ymd.day()), 2);
    put(11, static_cast<unsigned>(hms.hours().count()), 2);
    put(14, static_cast<unsigned>(hms.minutes().count()), 2);
    put(17, static_cast<unsigned>(hms.seconds().count()), 2);
    return out;
}

void check_envelope(double min_x, double min_y, double max_x, double max_y, const std::string& source,
                    const std::string& layer, long long fid) {
    const auto where = [&] { return "layer " + layer + ", feature " + std::to_string(fid) + ": "; };
    if (!std::isfinite(min_x) || !std::isfinite(max_x) || !std::isfinite(min_y) || !std::isfinite(max_y))
        throw ParseError(source, 0, 0, where() + "a coordinate is not a finite number");
    if (min_y < -90 || max_y > 90) {
        const double bad = min_y < -90 ? min_y : max_y;
        const bool swapped = min_x >= -90 && max_x <= 90;
        throw ParseError(source, 0, 0,
                         where() + "latitude " + std::to_string(bad) + " is beyond ±90" +
                             (swapped ? " (are latitude and longitude swapped? GeoJSON and these layers put the "
                                        "longitude first)"
                                      : ""));
    }
    if (min_x < -180 || max_x > 180)
        throw ParseError(source, 0, 0,
                         where() + "longitude " + std::to_string(min_x < -180 ? min_x : max_x) + " is beyond ±180");
}

} // namespace geoevents::geo::detail
