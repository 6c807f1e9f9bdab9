#pragma once
// Dates in French and English news text, anchored on a reference date.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geoevents/geo/event.hpp"

namespace geoevents::news {

/// A calendar day (proleptic Gregorian).
struct Day {
    int year = 0, month = 0, day = 0;
    friend auto operator<=>(const Day&, const Day&) = default;
};

/// What is known of the article's date: a day, a month or a year (the
/// finer fields are 0 when unknown), or nothing.
struct ReferenceDate {
    int year = 0, month = 0, day = 0;
    bool known() const noexcept { return year != 0; }
    /// "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "" when unknown.
    std::string iso() const;
    /// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (the `date 2022-02` header, --date).
    static std::optional<ReferenceDate> parse(std::string_view s);
};

/// One date expression found in the text.
struct DateMention {
    std::size_t start = 0, end = 0;  ///< byte span in the text, end exclusive
    geo::TimeSpan span;              ///< resolved value; precision unknown when it cannot be anchored
    bool relative = false;           ///< needed the reference date ("jeudi", "last week", "17 février")
};

/// Finds date expressions ("jeudi 17 février", "le 2 janvier 2015", "Thursday
/// February 17", "du 1er au 6 février", "la nuit du 11 au 12 mai", "en avril
/// 2021", "début 2020", "depuis 2013", "en 2020 et en 2021", "by June 2022",
/// "8h15 GMT"…) in `text` (UTF-8) of language `lang` ("fr" or "en"), anchored
/// on `ref`. Phrases that are not dates ("en neuf ans", "à 2 ans") are not returned.
/// Mentions are sorted by start and do not overlap.
///
/// A span covers the words that make the value: "depuis 2013", "du 1er au 6
/// février", "la nuit du 11 au 12 mai", "mi-mars", "jeudi dernier", "l'an
/// dernier", "jeudi 17 février à 8h15 GMT" (a time next to a date is attached
/// to it); a preposition that only introduces a date ("en", "in", "le", "on",
/// "by") is left out. "début"/"early", "mi-"/"mid-" and "fin"/"late" give the
/// first, middle or last third of a year or month as an interval ("début
/// 2020" → "2020-01/2020-04"). Without a reference date, "depuis 2013" gives
/// its start ("2013"), as the contract has no open interval.
/// A language code other than "fr"/"en" uses both keyword sets.
std::vector<DateMention> find_dates(std::string_view text, std::string_view lang, const ReferenceDate& ref);

/// Infers the article's reference date from its text when no header or
/// option gives it: a weekday with day and month fixes the year (the most
/// recent year, up to the present, in which that day falls on that weekday,
/// constrained by years mentioned, "depuis 2013" + "après neuf ans" → 2022);
/// returns an unknown date when nothing fixes it.
ReferenceDate infer_reference_date(std::string_view text, std::string_view lang);
/// The same, with "the present" given (the year the clock says, for the overload above).
ReferenceDate infer_reference_date(std::string_view text, std::string_view lang, int present_year);

} // namespace geoevents::news
