#include "dates/dates_lexer.hpp"

#include <array>
#include <cstring>

namespace geoevents::news::dates_detail {

namespace {

// ---------------------------------------------------------------------------
// Keyword table: folded word → what it means in French and in English.

struct KwInfo {
    Kw kw = Kw::none;
    std::int8_t val = 0;
    std::int8_t num = 0;
    std::uint8_t flags = 0;
};

constexpr std::uint8_t fr = 1, en = 2, both = 3;
// Flag private to the table: the word only counts when written with an accent
// ("dès", not the article "des").
constexpr std::uint8_t needs_accent = 0x80;

struct Row {
    std::string_view word;
    std::uint8_t lang;
    Kw kw;
    std::int8_t val = 0;
    std::int8_t num = 0;
    std::uint8_t flags = 0;
};

constexpr std::uint8_t ab = kw_abbrev;
constexpr std::uint8_t cap = kw_needs_cap;

// clang-format off
constexpr Row k_rows[] = {
    // French months and weekdays
    {"janvier", fr, Kw::month_name, 1}, {"janv", fr, Kw::month_name, 1, 0, ab},
    {"fevrier", fr, Kw::month_name, 2}, {"fevr", fr, Kw::month_name, 2, 0, ab}, {"fev", fr, Kw::month_name, 2, 0, ab},
    {"mars", fr, Kw::month_name, 3}, {"avril", fr, Kw::month_name, 4}, {"avr", fr, Kw::month_name, 4, 0, ab},
    {"mai", fr, Kw::month_name, 5}, {"juin", fr, Kw::month_name, 6}, {"juillet", fr, Kw::month_name, 7},
    {"juil", fr, Kw::month_name, 7, 0, ab}, {"aout", fr, Kw::month_name, 8}, {"septembre", fr, Kw::month_name, 9},
    {"sept", fr, Kw::month_name, 9, 7, ab}, {"octobre", fr, Kw::month_name, 10}, {"novembre", fr, Kw::month_name, 11},
    {"decembre", fr, Kw::month_name, 12},
    {"lundi", fr, Kw::weekday_name, 0}, {"mardi", fr, Kw::weekday_name, 1}, {"mercredi", fr, Kw::weekday_name, 2},
    {"jeudi", fr, Kw::weekday_name, 3}, {"vendredi", fr, Kw::weekday_name, 4}, {"samedi", fr, Kw::weekday_name, 5},
    {"dimanche", fr, Kw::weekday_name, 6},
    // English months and weekdays
    {"january", en, Kw::month_name, 1}, {"jan", en, Kw::month_name, 1, 0, ab},
    {"february", en, Kw::month_name, 2}, {"feb", en, Kw::month_name, 2, 0, ab},
    {"march", en, Kw::month_name, 3, 0, cap}, {"mar", en, Kw::month_name, 3, 0, ab | cap},
    {"april", en, Kw::month_name, 4}, {"apr", en, Kw::month_name, 4, 0, ab},
    {"may", en, Kw::month_name, 5, 0, cap}, {"june", en, Kw::month_name, 6}, {"jun", en, Kw::month_name, 6, 0, ab},
    {"july", en, Kw::month_name, 7}, {"jul", en, Kw::month_name, 7, 0, ab},
    {"august", en, Kw::month_name, 8}, {"aug", en, Kw::month_name, 8, 0, ab},
    {"september", en, Kw::month_name, 9}, {"sep", en, Kw::month_name, 9, 0, ab}, {"sept", en, Kw::month_name, 9, 0, ab},
    {"october", en, Kw::month_name, 10}, {"november", en, Kw::month_name, 11}, {"december", en, Kw::month_name, 12},
    {"oct", both, Kw::month_name, 10, 0, ab}, {"nov", both, Kw::month_name, 11, 0, ab},
    {"dec", both, Kw::month_name, 12, 0, ab},
    {"monday", en, Kw::weekday_name, 0}, {"tuesday", en, Kw::weekday_name, 1}, {"wednesday", en, Kw::weekday_name, 2},
    {"thursday", en, Kw::weekday_name, 3}, {"friday", en, Kw::weekday_name, 4}, {"saturday", en, Kw::weekday_name, 5},
    {"sunday", en, Kw::weekday_name, 6},
    {"mon", en, Kw::weekday_name, 0, 0, ab | cap}, {"tue", en, Kw::weekday_name, 1, 0, ab | cap},
    {"tues", en, Kw::weekday_name, 1, 0, ab | cap}, {"wed", en, Kw::weekday_name, 2, 0, ab | cap},
    {"thu", en, Kw::weekday_name, 3, 0, ab | cap}, {"thur", en, Kw::weekday_name, 3, 0, ab | cap},
    {"thurs", en, Kw::weekday_name, 3, 0, ab | cap}, {"fri", en, Kw::weekday_name, 4, 0, ab | cap},
    {"sat", en, Kw::weekday_name, 5, 0, ab | cap}, {"sun", en, Kw::weekday_name, 6, 0, ab | cap},
    // French function words
    {"le", fr, Kw::article}, {"la", fr, Kw::article}, {"l", fr, Kw::article}, {"les", fr, Kw::article},
    {"du", fr, Kw::du}, {"au", fr, Kw::au}, {"de", fr, Kw::de}, {"a", fr, Kw::a}, {"d", fr, Kw::d},
    {"entre", fr, Kw::between}, {"et", fr, Kw::and_}, {"ou", fr, Kw::or_},
    {"depuis", fr, Kw::since}, {"debut", fr, Kw::early}, {"mi", fr, Kw::mid}, {"fin", fr, Kw::late},
    {"en", fr, Kw::in}, {"avant", fr, Kw::before}, {"apres", fr, Kw::after},
    {"pendant", fr, Kw::during}, {"durant", fr, Kw::during}, {"vers", fr, Kw::around},
    {"des", fr, Kw::des, 0, 0, needs_accent}, {"courant", fr, Kw::courant}, {"ici", fr, Kw::ici},
    {"partir", fr, Kw::partir}, {"jusqu", fr, Kw::until}, {"jusque", fr, Kw::until},
    {"printemps", fr, Kw::season}, {"ete", fr, Kw::season}, {"automne", fr, Kw::season}, {"hiver", fr, Kw::season},
    {"ce", fr, Kw::this_}, {"cet", fr, Kw::this_}, {"cette", fr, Kw::this_},
    {"dernier", fr, Kw::last_adj}, {"derniere", fr, Kw::last_adj}, {"passe", fr, Kw::last_adj},
    {"passee", fr, Kw::last_adj}, {"prochain", fr, Kw::next_adj}, {"prochaine", fr, Kw::next_adj},
    {"hier", fr, Kw::yesterday}, {"demain", fr, Kw::tomorrow}, {"aujourd", fr, Kw::aujourd}, {"hui", fr, Kw::hui},
    {"ci", fr, Kw::ci}, {"semaine", fr, Kw::unit_week}, {"mois", fr, Kw::unit_month},
    {"an", fr, Kw::unit_year}, {"annee", fr, Kw::unit_year},
    {"ans", fr, Kw::unit_years}, {"annees", fr, Kw::unit_years},
    {"nuit", fr, Kw::night}, {"matin", fr, Kw::morning}, {"matinee", fr, Kw::morning},
    {"soir", fr, Kw::evening}, {"soiree", fr, Kw::evening},
    {"heure", fr, Kw::hour_word}, {"heures", fr, Kw::hour_word}, {"h", fr, Kw::hour_word}, {"tu", fr, Kw::gmt_utc},
    {"pres", fr, Kw::qualifier}, {"plus", fr, Kw::qualifier}, {"presque", fr, Kw::qualifier},
    {"environ", fr, Kw::qualifier}, {"quelque", fr, Kw::qualifier},
    // English function words
    {"the", en, Kw::article}, {"between", en, Kw::between}, {"and", en, Kw::and_}, {"or", en, Kw::or_},
    {"from", en, Kw::from}, {"to", en, Kw::to}, {"until", en, Kw::until}, {"till", en, Kw::until},
    {"through", en, Kw::until}, {"since", en, Kw::since}, {"early", en, Kw::early}, {"mid", en, Kw::mid},
    {"late", en, Kw::late}, {"in", en, Kw::in}, {"by", en, Kw::by}, {"before", en, Kw::before},
    {"after", en, Kw::after}, {"during", en, Kw::during}, {"for", en, Kw::for_}, {"over", en, Kw::for_},
    {"around", en, Kw::around}, {"about", en, Kw::around}, {"at", en, Kw::at}, {"on", en, Kw::on}, {"of", en, Kw::of},
    {"spring", en, Kw::season}, {"summer", en, Kw::season}, {"autumn", en, Kw::season}, {"winter", en, Kw::season},
    {"this", en, Kw::this_}, {"last", en, Kw::last_pre}, {"next", en, Kw::next_pre},
    {"yesterday", en, Kw::yesterday}, {"today", en, Kw::today}, {"tomorrow", en, Kw::tomorrow},
    {"tonight", en, Kw::tonight}, {"week", en, Kw::unit_week}, {"month", en, Kw::unit_month},
    {"year", en, Kw::unit_year}, {"years", en, Kw::unit_years}, {"night", en, Kw::night},
    {"morning", en, Kw::morning}, {"evening", en, Kw::evening}, {"afternoon", en, Kw::evening},
    {"nearly", en, Kw::qualifier}, {"almost", en, Kw::qualifier}, {"more", en, Kw::qualifier},
    {"than", en, Kw::qualifier}, {"some", en, Kw::qualifier},
    {"gmt", both, Kw::gmt_utc}, {"utc", both, Kw::gmt_utc},
    // Number words (durations, for infer_reference_date)
    {"un", fr, Kw::number_word, 0, 1}, {"une", fr, Kw::number_word, 0, 1}, {"deux", fr, Kw::number_word, 0, 2},
    {"trois", fr, Kw::number_word, 0, 3}, {"quatre", fr, Kw::number_word, 0, 4}, {"cinq", fr, Kw::number_word, 0, 5},
    {"six", both, Kw::number_word, 0, 6}, {"huit", fr, Kw::number_word, 0, 8}, {"neuf", fr, Kw::number_word, 0, 9},
    {"dix", fr, Kw::number_word, 0, 10}, {"onze", fr, Kw::number_word, 0, 11}, {"douze", fr, Kw::number_word, 0, 12},
    {"treize", fr, Kw::number_word, 0, 13}, {"quatorze", fr, Kw::number_word, 0, 14},
    {"quinze", fr, Kw::number_word, 0, 15}, {"seize", fr, Kw::number_word, 0, 16},
    {"vingt", fr, Kw::number_word, 0, 20},
    {"one", en, Kw::number_word, 0, 1}, {"two", en, Kw::number_word, 0, 2}, {"three", en, Kw::number_word, 0, 3},
    {"four", en, Kw::number_word, 0, 4}, {"five", en, Kw::number_word, 0, 5}, {"seven", en, Kw::number_word, 0, 7},
    {"eight", en, Kw::number_word, 0, 8}, {"nine", en, Kw::number_word, 0, 9}, {"ten", en, Kw::number_word, 0, 10},
    {"eleven", en, Kw::number_word, 0, 11}, {"twelve", en, Kw::number_word, 0, 12},
    {"thirteen", en, Kw::number_word, 0, 13}, {"fourteen", en, Kw::number_word, 0, 14},
    {"fifteen", en, Kw::number_word, 0, 15}, {"sixteen", en, Kw::number_word, 0, 16},
    {"seventeen", en, Kw::number_word, 0, 17}, {"eighteen", en, Kw::number_word, 0, 18},
    {"nineteen", en, Kw::number_word, 0, 19}, {"twenty", en, Kw::number_word, 0, 20},
};
// clang-format on

constexpr std::size_t k_max_word = 9;  // the longest keyword; longer words are never keywords
constexpr std::size_t k_key = 16;      // keys are zero-padded to a fixed size: one fixed-size compare
constexpr std::size_t k_slots = 1024;  // power of two, load factor about 0.25

constexpr bool rows_fit() {
    for (const Row& r : k_rows) {
        if (r.word.empty() || r.word.size() > k_max_word) return false;
        for (const char c : r.word)
            if (c < 'a' || c > 'z') return false;
    }
    return true;
}
static_assert(rows_fit(), "keywords are 1 to k_max_word letters a-z");

struct Slot {
    std::array<char, k_key> word{};
    std::uint8_t len = 0;
    KwInfo fr_info, en_info;
};

constexpr std::uint32_t hash_word(const char* w, std::size_t n) noexcept {
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (std::size_t i = 0; i < n; ++i) {
        h ^= static_cast<unsigned char>(w[i]);
        h *= 16777619u;
    }
    return h;
}

class KwTable {
public:
    KwTable() {
        for (const Row& r : k_rows) {
            std::array<char, k_key> key{};
            std::memcpy(key.data(), r.word.data(), r.word.size());
            Slot& s = find_or_insert(key.data(), r.word.size());
            const KwInfo info{r.kw, r.val, r.num, r.flags};
            if (r.lang & fr) s.fr_info = info;
            if (r.lang & en) s.en_info = info;
            if (r.word.size() == 1) m_single |= 1u << (r.word[0] - 'a');
            else m_pairs[static_cast<std::size_t>(r.word[0] - 'a') * 26 + static_cast<std::size_t>(r.word[1] - 'a')] = true;
        }
    }
    /// The slot of `w` (n letters a–z, zero-padded to k_key bytes), or nullptr.
    const Slot* find(const char* w, std::size_t n) const noexcept {
        // Most words of a text are no keyword; their first two letters already say so.
        if (n == 1 ? !(m_single >> (w[0] - 'a') & 1u)
                   : !m_pairs[static_cast<std::size_t>(w[0] - 'a') * 26 + static_cast<std::size_t>(w[1] - 'a')])
            return nullptr;
        for (std::size_t i = hash_word(w, n) & (k_slots - 1);; i = (i + 1) & (k_slots - 1)) {
            const Slot& s = m_slots[i];
            if (s.len == 0) return nullptr;
            if (s.len == n && std::memcmp(s.word.data(), w, k_key) == 0) return &s;
        }
    }

private:
    Slot& find_or_insert(const char* w, std::size_t n) {
        for (std::size_t i = hash_word(w, n) & (k_slots - 1);; i = (i + 1) & (k_slots - 1)) {
            Slot& s = m_slots[i];
            if (s.len == 0) {
                std::memcpy(s.word.data(), w, k_key);
                s.len = static_cast<std::uint8_t>(n);
                return s;
            }
            if (s.len == n && std::memcmp(s.word.data(), w, k_key) == 0) return s;
        }
    }
    std::array<Slot, k_slots> m_slots{};
    std::array<bool, std::size_t{26} * 26> m_pairs{};
    std::uint32_t m_single = 0;
};

const KwTable& kw_table() {
    static const KwTable table;  // built once, thread-safe; read-only afterwards
    return table;
}

// ---------------------------------------------------------------------------
// Bytes and UTF-8.

bool is_digit(unsigned char c) noexcept { return c >= '0' && c <= '9'; }
bool is_ascii_alpha(unsigned char c) noexcept { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_ascii_space(unsigned char c) noexcept { return c == ' ' || (c >= '\t' && c <= '\r'); }

unsigned char byte_at(std::string_view s, std::size_t i) noexcept { return static_cast<unsigned char>(s[i]); }

/// Length of the well-formed UTF-8 sequence at i, or 0 when it is not one.
std::size_t seq_len(std::string_view s, std::size_t i) noexcept {
    const unsigned char c = byte_at(s, i);
    std::size_t n = 0;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) n = 3;
    else if (c >= 0xF0 && c <= 0xF4) n = 4;
    else return 0;
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((byte_at(s, i + k) & 0xC0) != 0x80) return 0;
    return n;
}

enum class Cls : std::uint8_t { space, letter, punct };

/// Class of the non-ASCII sequence at i of length n (n >= 2); `p` receives the
/// punctuation it stands for.
Cls classify_multi(std::string_view s, std::size_t i, std::size_t n, char& p) noexcept {
    const unsigned char c0 = byte_at(s, i), c1 = byte_at(s, i + 1);
    p = '?';
    if (n == 2) {
        if (c0 == 0xC2) {
            if (c1 == 0xA0) return Cls::space;  // no-break space
            if (c1 == 0xAB || c1 == 0xBB) p = '"';
            else if (c1 == 0xB4) p = '\'';
            return Cls::punct;
        }
        if (c0 == 0xC3 && (c1 == 0x97 || c1 == 0xB7)) return Cls::punct;  // × ÷
        return Cls::letter;
    }
    if (n == 3 && c0 == 0xE2) {
        const unsigned char c2 = byte_at(s, i + 2);
        if (c1 == 0x80) {
            if (c2 <= 0x8B || c2 == 0xAF) return Cls::space;  // en/em/thin/narrow no-break spaces
            if (c2 == 0x98 || c2 == 0x99 || c2 == 0x9B) p = '\'';
            else if (c2 == 0x90 || c2 == 0x91) p = '-';
            else if (c2 >= 0x92 && c2 <= 0x95) p = '~';
            else if (c2 >= 0x9C && c2 <= 0x9F) p = '"';
            return Cls::punct;
        }
        if (c1 == 0x81 && (c2 == 0x9F || c2 == 0xA0)) return Cls::space;
        return Cls::punct;
    }
    if (n == 3 && c0 == 0xE3 && c1 == 0x80 && byte_at(s, i + 2) == 0x80) return Cls::space;
    return Cls::letter;
}

// Latin-1 letters U+00C0..U+00FF (second byte 0x80..0xBF after 0xC3) folded to ASCII.
constexpr std::string_view k_latin1_fold = "aaaaaa?ceeeeiiiidnooooo?ouuuuy??aaaaaa?ceeeeiiiidnooooo?ouuuuy?y";
static_assert(k_latin1_fold.size() == 64);

/// Folds the letter sequence at i (n bytes) into buf; returns how many chars it wrote.
std::size_t fold_multi(std::string_view s, std::size_t i, std::size_t n, char* buf, bool& accent) noexcept {
    const unsigned char c0 = byte_at(s, i), c1 = byte_at(s, i + 1);
    if (n == 2 && c0 == 0xC3) {
        accent = true;
        buf[0] = k_latin1_fold[c1 - 0x80];
        return 1;
    }
    if (n == 2 && c0 == 0xC5 && (c1 == 0x92 || c1 == 0x93)) {  // Œ œ
        buf[0] = 'o';
        buf[1] = 'e';
        return 2;
    }
    if (n == 2 && c0 == 0xCA && c1 == 0xB3) {  // modifier small r ("1ᵉʳ")
        buf[0] = 'r';
        return 1;
    }
    if (n == 3 && c0 == 0xE1 && c1 == 0xB5 && byte_at(s, i + 2) == 0x89) {  // modifier small e
        buf[0] = 'e';
        return 1;
    }
    if (n == 2 && (c0 == 0xCC || (c0 == 0xCD && c1 <= 0xAF))) return 0;  // combining accents vanish
    buf[0] = '?';
    return 1;
}

bool is_upper_start(std::string_view s, std::size_t i) noexcept {
    const unsigned char c = byte_at(s, i);
    if (c >= 'A' && c <= 'Z') return true;
    return c == 0xC3 && i + 1 < s.size() && byte_at(s, i + 1) >= 0x80 && byte_at(s, i + 1) <= 0x9E;
}

/// Whether a letter (ASCII or multi-byte) starts at i.
bool letter_at(std::string_view s, std::size_t i) noexcept {
    const unsigned char c = byte_at(s, i);
    if (c < 0x80) return is_ascii_alpha(c);
    const std::size_t n = seq_len(s, i);
    if (n < 2) return false;
    char p = 0;
    return classify_multi(s, i, n, p) == Cls::letter;
}

/// Reads the letters from i: folded into buf (at most cap chars kept, `len`
/// counts them all; `foreign` tells a letter had no ASCII folding). Returns
/// the end of the run.
std::size_t read_letters(std::string_view s, std::size_t i, char* buf, std::size_t cap_chars, std::size_t& len,
                         bool& accent, bool& foreign) noexcept {
    len = 0;
    char tmp[2];
    while (i < s.size()) {
        const unsigned char c = byte_at(s, i);
        if (c < 0x80) {
            if (!is_ascii_alpha(c)) break;
            if (len < cap_chars) buf[len] = static_cast<char>(c | 0x20);
            ++len;
            ++i;
            continue;
        }
        const std::size_t n = seq_len(s, i);
        char p = 0;
        if (n < 2 || classify_multi(s, i, n, p) != Cls::letter) break;
        const std::size_t k = fold_multi(s, i, n, tmp, accent);
        if (k == 1 && tmp[0] == '?') foreign = true;
        for (std::size_t j = 0; j < k; ++j) {
            if (len < cap_chars) buf[len] = tmp[j];
            ++len;
        }
        i += n;
    }
    return i;
}

/// Whether a space (ASCII, no-break or narrow no-break) is at i; its length or 0.
std::size_t space_len(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return 0;
    if (byte_at(s, i) == ' ') return 1;
    const std::size_t n = seq_len(s, i);
    if (n < 2) return 0;
    char p = 0;
    return classify_multi(s, i, n, p) == Cls::space ? n : 0;
}

std::size_t digit_run(std::string_view s, std::size_t i) noexcept {
    std::size_t j = i;
    while (j < s.size() && is_digit(byte_at(s, j))) ++j;
    return j - i;
}

} // namespace

Lang lang_from_code(std::string_view code) noexcept {
    if (code.size() >= 2) {
        const char a = static_cast<char>(code[0] | 0x20), b = static_cast<char>(code[1] | 0x20);
        if (code.size() == 2 || code[2] == '-' || code[2] == '_') {
            if (a == 'f' && b == 'r') return Lang::fr;
            if (a == 'e' && b == 'n') return Lang::en;
        }
    }
    return Lang::both;
}

std::size_t Lexer::skip_space(std::size_t pos) const noexcept {
    const std::string_view s = m_text;
    while (pos < s.size()) {
        const unsigned char c = byte_at(s, pos);
        if (c < 0x80) {
            if (!is_ascii_space(c)) break;
            ++pos;
            continue;
        }
        const std::size_t n = seq_len(s, pos);
        char p = 0;
        if (n < 2 || classify_multi(s, pos, n, p) != Cls::space) break;
        pos += n;
    }
    return pos;
}

Token Lexer::next(std::size_t pos) const noexcept {
    Token t;
    pos = skip_space(pos);
    t.start = t.end = pos;
    if (pos >= m_text.size()) return t;
    const unsigned char c = byte_at(m_text, pos);
    if (is_digit(c)) {
        lex_number(pos, t);
        return t;
    }
    if (c < 0x80 && !is_ascii_alpha(c)) {
        t.kind = TokKind::punct;
        t.end = pos + 1;
        switch (c) {
        case '.': case ',': case '/': case ':': case '(': case ')': case '%': case '-': case '"':
            t.punct = static_cast<char>(c);
            break;
        case '\'': case '`': t.punct = '\''; break;
        default: t.punct = '?'; break;
        }
        return t;
    }
    if (c >= 0x80) {
        const std::size_t n = seq_len(m_text, pos);
        char p = '?';
        if (n < 2 || classify_multi(m_text, pos, n, p) != Cls::letter) {
            t.kind = TokKind::punct;
            t.punct = n < 2 ? '?' : p;
            t.end = pos + (n < 2 ? 1 : n);
            return t;
        }
    }
    t.end = lex_word(pos, t);
    return t;
}

std::size_t Lexer::lex_word(std::size_t pos, Token& t) const noexcept {
    t.kind = TokKind::word;
    t.cap = is_upper_start(m_text, pos);
    char buf[k_key] = {};
    std::size_t len = 0;
    bool accent = false, foreign = false;
    const std::size_t end = read_letters(m_text, pos, buf, k_max_word, len, accent, foreign);
    if (len == 0 || len > k_max_word || foreign) return end;
    const Slot* slot = kw_table().find(buf, len);
    if (slot == nullptr) return end;
    const KwInfo* info = &slot->fr_info;
    if (m_lang == Lang::en || (m_lang == Lang::both && slot->fr_info.kw == Kw::none)) info = &slot->en_info;
    if (info->kw == Kw::none) return end;
    if ((info->flags & needs_accent) && !accent) return end;
    if ((info->flags & kw_needs_cap) && !t.cap) return end;
    t.kw = info->kw;
    t.val = info->val;
    t.num_word = info->num;
    t.kw_flags = static_cast<std::uint8_t>(info->flags & (kw_abbrev | kw_needs_cap));
    return end;
}

void Lexer::lex_number(std::size_t pos, Token& t) const noexcept {
    const std::string_view s = m_text;
    t.kind = TokKind::number;
    std::size_t i = pos;
    long long v = 0;
    while (i < s.size() && is_digit(byte_at(s, i))) {
        if (v < 100000000) v = v * 10 + (byte_at(s, i) - '0');
        if (t.digits < 99) ++t.digits;
        ++i;
    }
    t.num = static_cast<int>(v);
    // Glued to a preceding letter or currency/sign ("A400", "G5", "$2015"): not a date.
    if (pos > 0) {
        const unsigned char b = byte_at(s, pos - 1);
        if (b == '$' || b == '#' || b == '+' || b == '_' || b == '@') {
            t.bad = true;
        } else if (b >= 0x80) {
            std::size_t j = pos - 1;  // back to the lead byte of the previous character
            for (int k = 0; k < 3 && j > 0 && (byte_at(s, j) & 0xC0) == 0x80; ++k) --j;
            t.bad = letter_at(s, j);
        } else {
            t.bad = is_ascii_alpha(b);
        }
    }
    const auto finish_formatted = [&](std::size_t j) {
        // Consumes separator + digit groups: "7.000", "2,5", "1.234.567".
        while (j + 1 < s.size() && (byte_at(s, j) == '.' || byte_at(s, j) == ',') && is_digit(byte_at(s, j + 1))) {
            j += 1 + digit_run(s, j + 1);
        }
        t.bad = true;
        t.end = j;
    };
    t.end = i;
    if (i >= s.size()) return;
    const unsigned char c = byte_at(s, i);
    if ((c == '.' || c == ',') && i + 1 < s.size() && is_digit(byte_at(s, i + 1))) {
        finish_formatted(i);
        return;
    }
    if (c == ':' && digit_run(s, i + 1) == 2) {
        const int h = t.num, m = (byte_at(s, i + 1) - '0') * 10 + (byte_at(s, i + 2) - '0');
        const std::size_t e = i + 3;
        const bool glued_letter = e < s.size() && letter_at(s, e);
        if (!t.bad && t.digits <= 2 && h <= 23 && m <= 59 && !glued_letter) {
            t.kind = TokKind::time;
            t.hour = h;
            t.minute = m;
            t.end = e;
        } else {
            t.bad = true;
            t.end = e;
        }
        return;
    }
    if (c == 'h' || c == 'H') {
        // "14h", "8h15", "14H30": a time when what follows the minutes is not a letter or digit.
        std::size_t j = i + 1;
        int m = 0;
        const std::size_t d = digit_run(s, j);
        if (d == 2) {
            m = (byte_at(s, j) - '0') * 10 + (byte_at(s, j + 1) - '0');
            j += 2;
        }
        const bool clean_end = j >= s.size() || (!letter_at(s, j) && !is_digit(byte_at(s, j)));
        if ((d == 0 || d == 2) && clean_end && !t.bad && t.digits <= 2 && t.num <= 23 && m <= 59) {
            t.kind = TokKind::time;
            t.hour = t.num;
            t.minute = m;
            t.end = j;
            return;
        }
    }
    if (letter_at(s, i)) {
        char buf[8];
        std::size_t len = 0;
        bool accent = false, foreign = false;
        const std::size_t e = read_letters(s, i, buf, sizeof buf, len, accent, foreign);
        const std::string_view suf(buf, len <= sizeof buf ? len : 0);
        t.end = e;
        if (suf == "er" || suf == "re" || suf == "ere" || suf == "e" || suf == "eme" || suf == "st" || suf == "nd" ||
            suf == "rd" || suf == "th") {
            t.ordinal = true;
        } else if ((suf == "am" || suf == "pm") && !t.bad && t.num >= 1 && t.num <= 12 && t.digits <= 2) {
            t.kind = TokKind::time;
            t.hour = t.num % 12 + (suf == "pm" ? 12 : 0);
            t.minute = 0;
        } else {
            t.bad = true;
        }
        return;
    }
    // Thousands grouped by spaces, as French writes them ("7 000", "1 500 000").
    if (!t.bad && t.digits <= 3) {
        std::size_t j = i;
        bool grouped = false;
        for (;;) {
            const std::size_t sp = space_len(s, j);
            if (sp == 0 || digit_run(s, j + sp) != 3) break;
            const std::size_t after = j + sp + 3;
            if (after < s.size() && (letter_at(s, after) || byte_at(s, after) == ':')) break;
            j = after;
            grouped = true;
        }
        if (grouped) finish_formatted(j);
    }
}

std::size_t Lexer::am_pm(std::size_t pos, bool& pm) const noexcept {
    const std::string_view s = m_text;
    std::size_t i = pos;
    while (i < s.size() && byte_at(s, i) == ' ') ++i;
    if (i >= s.size()) return 0;
    const char c = static_cast<char>(byte_at(s, i) | 0x20);
    if (c != 'a' && c != 'p') return 0;
    std::size_t j = i + 1;
    const bool dotted = j < s.size() && byte_at(s, j) == '.';
    if (dotted) ++j;
    if (j >= s.size() || (byte_at(s, j) | 0x20) != 'm') return 0;
    ++j;
    if (dotted && j < s.size() && byte_at(s, j) == '.') ++j;
    if (j < s.size() && letter_at(s, j)) return 0;
    pm = c == 'p';
    return j;
}

} // namespace geoevents::news::dates_detail
