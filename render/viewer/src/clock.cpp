// The story clock (clock.hpp): 64-bit story seconds; doubles only for rates
// and fractions.
#include "geoevents/viewer/clock.hpp"

#include <algorithm>
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

} // namespace geoevents::viewer
