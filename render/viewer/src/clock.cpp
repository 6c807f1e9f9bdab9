// The story clock (clock.hpp): 64-bit story seconds; doubles only for rates
// and fractions.
#include "geoevents/viewer/clock.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

namespace geoevents::viewer {

TimeRules rules_for(std::int64_t first, std::int64_t last) noexcept {
    TimeRules r;
    const std::int64_t span = last > first ? last - first : 0;
    r.point_span = std::max<std::int64_t>(3600, span / 20);
    r.fade = r.point_span;
    return r;
}

Presence presence(const render::TimeSpan& span, std::int64_t t, const TimeRules& rules) noexcept {
    if (!span.dated()) return {1, 1, false};
    if (t < span.start) return {0, 0, false};
    const std::int64_t end = std::max(span.end, span.start + rules.point_span);
    if (t <= end) {
        const double progress = static_cast<double>(t - span.start) / static_cast<double>(end - span.start);
        return {1, progress, true};
    }
    const double faded = std::min(1.0, static_cast<double>(t - end) / static_cast<double>(std::max<std::int64_t>(1, rules.fade)));
    const double floor = rules.cumulative ? 0.4 : 0.0;
    return {1 - (1 - floor) * faded, 1, false};
}

Clock::Clock(std::int64_t begin, std::int64_t end, std::vector<std::int64_t> events, double default_seconds)
    : m_enabled(true), m_begin(begin), m_end(std::max(begin, end)), m_now(begin), m_events(std::move(events)) {
    std::sort(m_events.begin(), m_events.end());
    m_events.erase(std::unique(m_events.begin(), m_events.end()), m_events.end());
    m_rate = static_cast<double>(std::max<std::int64_t>(1, m_end - m_begin)) / std::max(0.001, default_seconds);
}

void Clock::set(std::int64_t t) noexcept {
    m_now = std::clamp(t, m_begin, m_end);
    m_carry = 0;
}

double Clock::fraction() const noexcept {
    if (m_end == m_begin) return 0;
    return static_cast<double>(m_now - m_begin) / static_cast<double>(m_end - m_begin);
}

void Clock::set_fraction(double f) noexcept {
    f = std::clamp(f, 0.0, 1.0);
    set(m_begin + static_cast<std::int64_t>(std::llround(f * static_cast<double>(m_end - m_begin))));
}

void Clock::play() noexcept {
    if (!m_enabled) return;
    if (m_now >= m_end) set(m_begin);
    m_playing = true;
}

void Clock::set_speed(double s) noexcept { m_speed = std::clamp(s, min_speed, max_speed); }

void Clock::advance(double real_seconds) noexcept {
    if (!m_enabled || !m_playing || real_seconds <= 0) return;
    // The fractional story seconds are carried over, so very slow speeds move too.
    const double story = real_seconds * m_rate * m_speed + m_carry;
    const double whole = std::floor(story);
    m_carry = story - whole;
    const double room = static_cast<double>(m_end - m_now);
    if (whole <= room) {
        m_now += static_cast<std::int64_t>(whole);
        if (m_now < m_end) return;
    }
    if (loop) {
        m_now = m_begin;
    } else {
        m_now = m_end;
        m_playing = false;
    }
    m_carry = 0;
}

void Clock::step_next() noexcept {
    m_playing = false;
    const auto it = std::upper_bound(m_events.begin(), m_events.end(), m_now);
    set(it == m_events.end() ? m_end : *it);
}

void Clock::step_previous() noexcept {
    m_playing = false;
    const auto it = std::lower_bound(m_events.begin(), m_events.end(), m_now);
    set(it == m_events.begin() ? m_begin : *std::prev(it));
}

std::int64_t frame_time(std::int64_t begin, std::int64_t end, std::int64_t i, std::int64_t frames) noexcept {
    if (frames <= 1) return begin;
    // floor(span × i / (frames − 1)) without overflow: quotient and remainder apart.
    const std::int64_t span = end - begin, q = span / (frames - 1), r = span % (frames - 1);
    return begin + q * i + r * i / (frames - 1);
}

namespace {

using namespace std::chrono;

constexpr std::array<const char*, 12> months_en{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 12> months_fr{"janv.", "févr.", "mars", "avr.", "mai", "juin",
                                                "juil.", "août", "sept.", "oct.", "nov.", "déc."};

sys_days day_of(std::int64_t t) { return floor<days>(sys_seconds{seconds{t}}); }
std::int64_t seconds_of(sys_days d) { return duration_cast<seconds>(d.time_since_epoch()).count(); }

// Ticks every `step` months (years when a multiple of 12), from the first
// boundary at or after `begin`.
std::vector<std::int64_t> month_ticks(std::int64_t begin, std::int64_t end, int step) {
    const year_month_day first{day_of(begin)};
    int index = static_cast<int>(first.year()) * 12 + static_cast<int>(static_cast<unsigned>(first.month())) - 1;
    if (seconds_of(sys_days{first.year() / first.month() / 1}) < begin) ++index;
    index = (index + step - 1) / step * step;  // aligned: quarters on Jan/Apr/Jul/Oct, decades on years ending in 0
    std::vector<std::int64_t> out;
    for (;; index += step) {
        const std::int64_t t = seconds_of(sys_days{year{index / 12} / month{static_cast<unsigned>(index % 12 + 1)} / 1});
        if (t > end) break;
        out.push_back(t);
    }
    return out;
}

std::vector<std::int64_t> day_ticks(std::int64_t begin, std::int64_t end, int step) {
    sys_days d = day_of(begin);
    if (seconds_of(d) < begin) d += days{1};
    if (step == 7) d += (Monday - weekday{d});  // weeks start on Monday (ISO 8601)
    std::vector<std::int64_t> out;
    for (; seconds_of(d) <= end; d += days{step}) out.push_back(seconds_of(d));
    return out;
}

} // namespace

std::vector<Tick> date_ticks(std::int64_t begin, std::int64_t end, int max_ticks, std::string_view lang) {
    std::vector<Tick> out;
    if (max_ticks <= 0 || end < begin) return out;
    const bool fr = lang == "fr";
    const auto& names = fr ? months_fr : months_en;
    // Steps in days (1, 7), then in months (1, 3, 12, 60, 120, 600, 1200).
    for (const int step : {1, 7, -1, -3, -12, -60, -120, -600, -1200}) {
        const auto times = step > 0 ? day_ticks(begin, end, step) : month_ticks(begin, end, -step);
        if (static_cast<int>(times.size()) > max_ticks) continue;
        for (const std::int64_t t : times) {
            const year_month_day ymd{day_of(t)};
            const auto m = names[static_cast<unsigned>(ymd.month()) - 1];
            const int y = static_cast<int>(ymd.year());
            std::string label;
            if (step > 0)
                label = std::to_string(static_cast<unsigned>(ymd.day())) + " " + m;
            else if (step > -12)
                label = std::string(m) + " " + std::to_string(y);
            else
                label = std::to_string(y);
            out.push_back({t, std::move(label)});
        }
        return out;
    }
    return out;
}

} // namespace geoevents::viewer
