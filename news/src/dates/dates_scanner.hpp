#pragma once
// Private to the dates module: the pattern scanner. It finds date expressions
// and records them as written (fields may be missing: no year, only a
// weekday…); dates.cpp resolves them against a reference date. Keeping the two
// apart lets infer_reference_date reuse the scan before any date is known.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "dates/dates_lexer.hpp"
#include "geoevents/news/dates.hpp"

namespace geoevents::news::dates_detail {

/// How a lone weekday is anchored: "jeudi"/"ce jeudi" (most recent on or
/// before the reference day), "jeudi dernier"/"last Thursday" (strictly
/// before), "jeudi prochain"/"next Thursday" (strictly after). A month or day
/// without a year takes the same adjectives ("mai dernier", "le 3 mars prochain").
enum class WdMode : std::uint8_t { bare, last, next };

/// A calendar point as written; a missing field is 0 (weekday: -1).
struct Point {
    int year = 0, month = 0, day = 0;
    int weekday = -1;  ///< Monday = 0
    WdMode mode = WdMode::bare;
    std::size_t start = 0, end = 0;
    bool month_abbrev_bare = false;  ///< abbreviated month name without its period ("sept", "Feb")
    bool weekday_abbrev = false;     ///< "Thu", "Sat": only taken with a date after them
};

enum class ExprKind : std::uint8_t { point, rel_day, rel_week, rel_month, rel_year };

/// A point, or a unit counted from the reference date ("hier": rel_day -1,
/// "la semaine dernière": rel_week -1, "l'an dernier": rel_year -1).
struct Expr {
    ExprKind kind = ExprKind::point;
    Point p;
    int offset = 0;
    std::size_t start = 0, end = 0;
};

enum class RawKind : std::uint8_t {
    single,  ///< a
    range,   ///< a/b ("du 1er au 6 février", "de 2013 à 2020")
    since,   ///< a/reference date ("depuis 2013")
    part,    ///< early, middle or late third of a ("début 2020", "mi-mars")
    time     ///< a time of day not (yet) attached to a date
};
enum class Part : std::uint8_t { early, mid, late };

struct Raw {
    std::size_t start = 0, end = 0;
    RawKind kind = RawKind::single;
    Expr a, b;
    Part part = Part::early;
    bool night_pair = false;  ///< "nuit de jeudi à vendredi": b is the day after a
    bool future = false;      ///< after "by", "d'ici", "until": a deadline rather than a past date
    int hour = -1;            ///< time of day; -1 when none
    int minute = 0;
    bool utc = false;
};

struct ScanResult {
    std::vector<Raw> raws;       ///< sorted by start, non-overlapping
    std::vector<int> durations;  ///< year counts ("après neuf ans" → 9), only when asked for
};

/// Scans `text` once. Times adjacent to a date are already attached to it.
ScanResult scan_dates(std::string_view text, Lang lang, bool collect_durations);

} // namespace geoevents::news::dates_detail

namespace geoevents::news::detail {

/// find_dates() over one scan of `text` that, when `infer` is set, first
/// sets `ref` to infer_reference_date() of the same text: the reader needs
/// both, and the scan is most of their cost.
std::vector<DateMention> find_dates_inferring(std::string_view text, std::string_view lang, ReferenceDate& ref, bool infer);

} // namespace geoevents::news::detail
