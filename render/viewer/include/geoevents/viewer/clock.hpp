#pragma once
// The story clock of the viewer: one 64-bit count of story seconds (since
// 1970-01-01 UTC) drives every layer. No float ever holds a time: only the
// fraction of a movement's progress and the real-time rate are doubles.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "geoevents/render/scene.hpp"

namespace geoevents::viewer {

/// How long items stay on the map (docs/viewer.md, "Time").
struct TimeRules {
    /// A point event (start == end) is shown as if it lasted this long, and a
    /// movement without a duration grows over it: 1/20 of the story's span
    /// (one second of the default 20-second play), at least one hour.
    std::int64_t point_span = 3600;
    /// After its end an item fades out over this many story seconds (the same
    /// 1/20 of the span).
    std::int64_t fade = 3600;
    /// Cumulative mode: what has happened stays on the map (faded to 40 %).
    bool cumulative = true;
};

/// Rules for a story from `first` to `last` (story seconds).
TimeRules rules_for(std::int64_t first, std::int64_t last) noexcept;

/// Where an item is in its life at time `t`.
struct Presence {
    double alpha = 0;     ///< 0 (not shown) to 1
    double progress = 0;  ///< 0 to 1 along [start, max(end, start + point_span)]
    bool active = false;  ///< between its start and its (effective) end
};

/// Undated items are always fully present.
Presence presence(const render::TimeSpan& span, std::int64_t t, const TimeRules& rules) noexcept;

/// A labelled mark of the time line.
struct Tick {
    std::int64_t t = 0;  ///< story seconds, at a calendar boundary (UTC midnight)
    std::string label;   ///< "17 Feb" / "17 févr." for days, "Feb 2022" / "févr. 2022" for months, "2022" for years
};

/// Calendar ticks for [begin, end]: the finest step among 1 day, 1 week
/// (Mondays), 1 month, 3 months, 1 year, 5, 10, 50 and 100 years that gives
/// at most `max_ticks` ticks inside the interval, each at the start of its
/// day, month or year, labelled in `lang` ("fr", else English). Empty when
/// max_ticks is 0 or end < begin.
std::vector<Tick> date_ticks(std::int64_t begin, std::int64_t end, int max_ticks, std::string_view lang);

/// The play clock. Playing advances `now` by real time × rate × speed, where
/// the rate fits [begin, end] into `default_seconds` of real time.
class Clock {
public:
    static constexpr double min_speed = 0.01;
    static constexpr double max_speed = 10000;

    Clock() = default;  ///< disabled: a story without dates
    /// REQUIRES begin <= end. `events`: event start times (any order), for
    /// stepping and the time line's ticks.
    Clock(std::int64_t begin, std::int64_t end, std::vector<std::int64_t> events, double default_seconds = 20);

    bool enabled() const noexcept { return m_enabled; }
    std::int64_t begin() const noexcept { return m_begin; }
    std::int64_t end() const noexcept { return m_end; }
    std::int64_t now() const noexcept { return m_now; }
    /// Moves to `t`, clamped to [begin, end].
    void set(std::int64_t t) noexcept;
    /// 0 at begin, 1 at end.
    double fraction() const noexcept;
    void set_fraction(double f) noexcept;
    const std::vector<std::int64_t>& events() const noexcept { return m_events; }

    bool playing() const noexcept { return m_playing; }
    void play() noexcept;  ///< at the end (not looping), starts again from the beginning
    void pause() noexcept { m_playing = false; }
    void toggle() noexcept { m_playing ? pause() : play(); }
    bool loop = true;

    double speed() const noexcept { return m_speed; }
    void set_speed(double s) noexcept;
    void faster() noexcept { set_speed(m_speed * 2); }
    void slower() noexcept { set_speed(m_speed / 2); }
    /// Story seconds per real second at speed 1.
    double rate() const noexcept { return m_rate; }

    /// Advances by `real_seconds` when playing: wraps to begin when looping,
    /// else stops at end and pauses.
    void advance(double real_seconds) noexcept;
    /// The next event start strictly after now (or end); pauses.
    void step_next() noexcept;
    /// The last event start strictly before now (or begin); pauses.
    void step_previous() noexcept;

private:
    bool m_enabled = false, m_playing = false;
    std::int64_t m_begin = 0, m_end = 0, m_now = 0;
    std::vector<std::int64_t> m_events;  // sorted
    double m_rate = 1, m_speed = 1, m_carry = 0;
};

/// Time of frame `i` of `frames` spread evenly over [begin, end] (frame 0 at
/// begin, the last at end). REQUIRES frames >= 1, i < frames.
std::int64_t frame_time(std::int64_t begin, std::int64_t end, std::int64_t i, std::int64_t frames) noexcept;

} // namespace geoevents::viewer
