#pragma once
// Private to the dates module: the tokenizer behind find_dates.
//
// It reads one token at a time from any byte offset, so the scanner walks the
// text once and only looks a few tokens ahead around a candidate, without ever
// materialising the token list of a whole article. Words are folded to lower
// case ASCII without accents ("Février" → "fevrier") and looked up in a small
// hash table of date keywords; everything else about a word is discarded.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace geoevents::news::dates_detail {

/// Which keyword table applies. `both` is used for a language code we do not
/// know; French wins where the two tables disagree.
enum class Lang : std::uint8_t { fr = 1, en = 2, both = 3 };
Lang lang_from_code(std::string_view code) noexcept;

/// Date keywords, after language resolution: French and English words with the
/// same role share a kind ("depuis"/"since" → since).
enum class Kw : std::uint8_t {
    none,
    month_name,    ///< val = 1..12
    weekday_name,  ///< val = 0..6, Monday = 0
    number_word,   ///< only num_word is meaningful ("neuf", "nine")
    article,       ///< le, la, l', les, the
    du, au, de, a, d, between, and_, or_, from, to, until,
    since, early, mid, late,
    in, by, before, after, during, for_, around, at, on, des, courant, ici, partir, season, of,
    this_, last_adj, next_adj, last_pre, next_pre,
    yesterday, today, tomorrow, tonight, aujourd, hui, ci,
    unit_week, unit_month, unit_year, unit_years,
    night, morning, evening,
    hour_word, gmt_utc, qualifier,
};

/// Keyword flags.
inline constexpr std::uint8_t kw_abbrev = 1;     ///< abbreviation ("févr", "Feb", "Thu")
inline constexpr std::uint8_t kw_needs_cap = 2;  ///< only with a capital ("May", "March": also common words)

enum class TokKind : std::uint8_t { end, word, number, time, punct };

struct Token {
    std::size_t start = 0, end = 0;  ///< byte span, end exclusive
    TokKind kind = TokKind::end;
    // word
    Kw kw = Kw::none;
    std::int8_t val = 0;        ///< month 1..12 or weekday 0..6 (Monday = 0)
    std::int8_t num_word = 0;   ///< value as a number word ("neuf" → 9, also "sept" → 7), else 0
    std::uint8_t kw_flags = 0;
    bool cap = false;           ///< starts with an upper-case letter
    // punct: '.', ',', '\'' (any apostrophe), '-' (hyphens), '~' (en and em dashes),
    // '/', ':', '(', ')', '%', '"' (any quote) or '?' for anything else
    char punct = 0;
    // number: value, digit count, ordinal suffix ("1er", "17th"). `bad` marks
    // a number that cannot be part of a date: formatted ("7.000", "2,5",
    // "1 500"), glued to letters ("A400", "5km") or with a non-ordinal suffix.
    int num = 0;
    std::int8_t digits = 0;  ///< capped at 99
    bool ordinal = false;
    bool bad = false;
    // time ("8h15", "14h", "8:15", "8pm")
    std::int8_t hour = 0, minute = 0;

    bool is(Kw k) const noexcept { return kind == TokKind::word && kw == k; }
    bool is_punct(char c) const noexcept { return kind == TokKind::punct && punct == c; }
};

class Lexer {
public:
    Lexer(std::string_view text, Lang lang) noexcept : m_text(text), m_lang(lang) {}

    /// The first token starting at or after `pos` (an end token past the text).
    /// REQUIRES: pos <= text size. Never reads outside the text, whatever the bytes.
    Token next(std::size_t pos) const noexcept;

    /// An "am"/"a.m."/"pm"/"p.m." marker after optional spaces at `pos`: its
    /// end, or 0 when there is none; `pm` tells which.
    std::size_t am_pm(std::size_t pos, bool& pm) const noexcept;

    std::string_view text() const noexcept { return m_text; }
    Lang lang() const noexcept { return m_lang; }

private:
    std::size_t skip_space(std::size_t pos) const noexcept;
    void lex_number(std::size_t pos, Token& t) const noexcept;
    std::size_t lex_word(std::size_t pos, Token& t) const noexcept;

    std::string_view m_text;
    Lang m_lang;
};

} // namespace geoevents::news::dates_detail
