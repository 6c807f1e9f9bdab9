// Tokens, sentences, clutter lines, language (docs/news.md, "Reading the text").
// A hand-written scanner: one pass over the bytes, ASCII handled inline,
// other code points classified with utf8proc.
#include <utf8proc.h>

#include <algorithm>
#include <array>

#include "analysis.hpp"
#include "geoevents/gazetteer/normalize.hpp"

namespace geoevents::news::detail {

namespace {

enum class CharClass : std::uint8_t { space, newline, letter_upper, letter_lower, letter_other, digit, mark, apostrophe, punct };

struct CharInfo {
    CharClass cls = CharClass::punct;
    char punct = '*';  ///< for punctuation: the ASCII character it stands for
    std::uint8_t len = 1;
};

constexpr std::array<CharClass, 128> make_ascii_classes() {
    std::array<CharClass, 128> t{};
    for (int c = 0; c < 128; ++c) {
        if (c == '\n') t[c] = CharClass::newline;
        else if (c == ' ' || c < 32 || c == 127) t[c] = CharClass::space;  // blanks; other control characters separate words too
        else if (c >= 'A' && c <= 'Z') t[c] = CharClass::letter_upper;
        else if (c >= 'a' && c <= 'z') t[c] = CharClass::letter_lower;
        else if (c >= '0' && c <= '9') t[c] = CharClass::digit;
        else if (c == '\'' || c == '`') t[c] = CharClass::apostrophe;
        else t[c] = CharClass::punct;
    }
    return t;
}
constexpr auto ascii_classes = make_ascii_classes();

/// For the scanner's inline path: 1 for an ASCII letter or digit, plus 2
/// for an upper-case letter and 4 for a digit; 0 for every other byte.
constexpr std::array<std::uint8_t, 256> make_ascii_word_bits() {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 128; ++c) {
        if (ascii_classes[c] == CharClass::letter_lower) t[c] = 1;
        else if (ascii_classes[c] == CharClass::letter_upper) t[c] = 1 | 2;
        else if (ascii_classes[c] == CharClass::digit) t[c] = 1 | 4;
    }
    return t;
}
constexpr auto ascii_word_bits = make_ascii_word_bits();

CharInfo classify_slow(std::string_view s, std::size_t i) noexcept;

/// Classes of U+0080–U+07FF (two-byte sequences: Latin-1, Latin Extended,
/// Greek, Cyrillic…), computed once: most non-ASCII letters of French text.
struct TwoByteTable {
    std::array<CharInfo, 0x800> info{};
    TwoByteTable() {
        for (std::uint32_t cp = 0x80; cp < 0x800; ++cp) {
            char buf[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
            info[cp] = classify_slow(std::string_view(buf, 2), 0);
        }
    }
};

/// Folded forms of U+0080–U+07FF by the gazetteer's normalisation ("é" → "e",
/// "Œ" → "oe"), when they are plain letters; `ok` false when the character
/// must go through the full normalisation (it separates words, or is no letter).
struct TwoByteFold {
    struct Entry {
        char text[4] = {};
        std::uint8_t len = 0;
        bool ok = false;
    };
    std::array<Entry, 0x800> fold{};
    TwoByteFold() {
        std::string out;
        for (std::uint32_t cp = 0x80; cp < 0x800; ++cp) {
            const char buf[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
            out.clear();
            gazetteer::normalize_into(std::string_view(buf, 2), out);
            Entry& e = fold[cp];
            if (out.size() > 3) continue;
            bool plain = true;
            for (char c : out) plain = plain && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
            if (!plain || (out.empty() && classify_slow(std::string_view(buf, 2), 0).cls != CharClass::mark)) continue;
            std::copy(out.begin(), out.end(), e.text);
            e.len = static_cast<std::uint8_t>(out.size());
            e.ok = true;
        }
    }
};

/// Appends the folded key of a word made of ASCII letters and digits and
/// two-byte letters; false (and nothing appended) when another path is needed.
bool fold_fast(std::string_view w, std::string& out) {
    static const TwoByteFold table;
    const std::size_t start = out.size();
    std::size_t i = 0;
    while (i < w.size()) {
        const auto c = static_cast<unsigned char>(w[i]);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(static_cast<char>(c));
            else if (!(c == '\'' && i + 1 == w.size() && i > 0)) break;  // an elision's apostrophe folds away
            ++i;
            continue;
        }
        if (c < 0xC2 || c >= 0xE0 || i + 1 >= w.size()) break;
        const auto& e = table.fold[((c & 0x1Fu) << 6) | (static_cast<unsigned char>(w[i + 1]) & 0x3Fu)];
        if (!e.ok) break;
        out.append(e.text, e.len);
        i += 2;
    }
    if (i == w.size()) return true;
    out.resize(start);
    return false;
}

/// classify() of a byte of 0x80 or more: by table for two-byte sequences, else utf8proc.
CharInfo classify_multi(std::string_view s, std::size_t i) noexcept {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xC2 && c < 0xE0 && i + 1 < s.size()) {
        static const TwoByteTable table;
        const auto c1 = static_cast<unsigned char>(s[i + 1]);
        if ((c1 & 0xC0) == 0x80) return table.info[((c & 0x1Fu) << 6) | (c1 & 0x3Fu)];
    }
    return classify_slow(s, i);
}

/// The class of the character at byte `i`. ASCII (most of the text) by a
/// small table, inline: the scanner asks this for every token's first byte.
inline CharInfo classify(std::string_view s, std::size_t i) noexcept {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return CharInfo{ascii_classes[c], static_cast<char>(c), 1};
    return classify_multi(s, i);
}

CharInfo classify_slow(std::string_view s, std::size_t i) noexcept {
    utf8proc_int32_t cp = -1;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                    static_cast<utf8proc_ssize_t>(std::min<std::size_t>(4, s.size() - i)), &cp);
    if (n <= 0 || cp < 0) return {CharClass::space, ' ', 1};  // cannot happen after validation
    CharInfo ci;
    ci.len = static_cast<std::uint8_t>(n);
    switch (cp) {
    case 0x2019: case 0x2018: case 0x02BC: case 0x2032:
        ci.cls = CharClass::apostrophe;
        ci.punct = '\'';
        return ci;
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E: case 0x2039: case 0x203A: case 0x201F:
        ci.cls = CharClass::punct;
        ci.punct = '"';
        return ci;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        ci.cls = CharClass::punct;
        ci.punct = '-';
        return ci;
    case 0x2026:
        ci.cls = CharClass::punct;
        ci.punct = '.';
        return ci;
    case 0x2028: case 0x2029: case 0x0085:
        ci.cls = CharClass::newline;
        return ci;
    case 0xFEFF: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0x00AD:
        ci.cls = CharClass::mark;  // invisible: part of the word around it
        return ci;
    default: break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: ci.cls = CharClass::letter_upper; break;
    case UTF8PROC_CATEGORY_LL: ci.cls = CharClass::letter_lower; break;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: ci.cls = CharClass::letter_other; break;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: ci.cls = CharClass::mark; break;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: ci.cls = CharClass::digit; break;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: ci.cls = CharClass::space; break;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: ci.cls = CharClass::newline; break;
    default: ci.cls = CharClass::punct; ci.punct = '*'; break;
    }
    return ci;
}

inline bool is_wordish(CharClass c) noexcept {
    return c == CharClass::letter_upper || c == CharClass::letter_lower || c == CharClass::letter_other ||
           c == CharClass::digit || c == CharClass::mark;
}
inline bool is_letter(CharClass c) noexcept {
    return c == CharClass::letter_upper || c == CharClass::letter_lower || c == CharClass::letter_other;
}

/// French words that elide before a vowel (l', d', qu'…); ASCII, case-insensitive.
bool is_elision_word(std::string_view w) noexcept {
    std::array<char, 8> low{};
    if (w.empty() || w.size() > low.size()) return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c < 'a' || c > 'z') return false;
        low[i] = c;
    }
    const std::string_view l(low.data(), w.size());
    static constexpr std::string_view words[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"};
    return std::find(std::begin(words), std::end(words), l) != std::end(words);
}

/// English clitics after an apostrophe: 's, 't, 'll, 're, 've, 'd, 'm.
bool is_clitic(std::string_view w) noexcept {
    if (w.size() > 2) return false;
    std::array<char, 2> low{};
    for (std::size_t i = 0; i < w.size(); ++i) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        low[i] = c;
    }
    const std::string_view l(low.data(), w.size());
    return l == "s" || l == "t" || l == "ll" || l == "re" || l == "ve" || l == "d" || l == "m";
}

class Scanner {
public:
    explicit Scanner(Analysis& a) : m_a(a), m_s(a.text) {}

    void run() {
        std::size_t i = m_a.body;
        m_pending = tf_line_start | tf_para_start;
        m_space_before = true;
        int newlines = 0;
        while (i < m_s.size()) {
            const auto c0 = static_cast<unsigned char>(m_s[i]);
            if (c0 == ' ') {  // the commonest byte
                m_space_before = true;
                ++i;
                continue;
            }
            const CharInfo ci = classify(m_s, i);
            switch (ci.cls) {
            case CharClass::space:
                m_space_before = true;
                i += ci.len;
                continue;
            case CharClass::newline:
                m_space_before = true;
                if (++newlines == 1) m_pending |= tf_line_start;
                else m_pending |= tf_para_start;
                i += ci.len;
                continue;
            default: break;
            }
            newlines = 0;
            if (is_wordish(ci.cls) && ci.cls != CharClass::mark) i = word(i);
            else i = punct(i, ci);
        }
    }

private:
    /// `ascii`: the token is only ASCII letters and digits (the scanner saw
    /// every byte on its inline path).
    void push(std::size_t start, std::size_t end, std::uint32_t flags, char punct = 0, bool ascii = false) {
        Token t;
        t.start = static_cast<std::uint32_t>(start);
        t.end = static_cast<std::uint32_t>(end);
        t.flags = flags | m_pending | (m_space_before ? 0u : tf_joined);
        t.punct = punct;
        t.key_off = static_cast<std::uint32_t>(m_a.keys.size());
        if (ascii) {
            // Most words: the key is the word in lower case. Setting bit 0x20
            // lower-cases an ASCII letter and leaves a digit as it is, so a
            // copy and one pass over it (vectorised) fold the whole word.
            m_a.keys.append(m_s.substr(start, end - start));
            char* const first = m_a.keys.data() + t.key_off;
            char* const last = first + (end - start);
            for (char* c = first; c != last; ++c) *c = static_cast<char>(*c | 0x20);
            t.key_len = static_cast<std::uint16_t>(std::min<std::size_t>(end - start, 0xFFFF));
        } else if (flags & tf_word) {
            // Other words of ASCII and two-byte letters (nearly all the rest)
            // fold by table; the rest go through the gazetteer's normalisation
            // (the table is made from it, so keys always agree).
            if (!fold_fast(m_s.substr(start, end - start), m_a.keys))
                gazetteer::normalize_into(m_s.substr(start, end - start), m_a.keys);
            t.key_len = static_cast<std::uint16_t>(std::min<std::size_t>(m_a.keys.size() - t.key_off, 0xFFFF));
            // The lexicon bits come after the scan (lex_bits): probing then
            // lets the large tables' cache misses overlap.
        }
        m_a.tokens.push_back(t);
        m_pending = 0;
        m_space_before = false;
    }

    /// Scans a word from `i`; returns the position after it.
    std::size_t word(std::size_t i) {
        const std::size_t start = i;
        std::size_t letters = 0, upper = 0, digits = 0;
        CharClass first = CharClass::punct;
        std::size_t inline_bytes = 0;  // bytes taken on the ASCII path below
        bool dotted = false;
        while (i < m_s.size()) {
            // A run of ASCII letters and digits (the common case), counted
            // by table without a branch per kind.
            const std::size_t run = i;
            std::size_t run_digits = 0;
            for (std::uint8_t b; i < m_s.size() && (b = ascii_word_bits[static_cast<unsigned char>(m_s[i])]) != 0; ++i) {
                upper += (b >> 1) & 1u;
                run_digits += (b >> 2) & 1u;
            }
            if (i > run) {
                if (first == CharClass::punct) first = ascii_classes[static_cast<unsigned char>(m_s[run])];
                digits += run_digits;
                letters += i - run - run_digits;
                inline_bytes += i - run;
                continue;
            }
            const CharInfo ci = classify(m_s, i);
            if (is_wordish(ci.cls)) {
                if (first == CharClass::punct && ci.cls != CharClass::mark) first = ci.cls;
                if (is_letter(ci.cls)) ++letters;
                if (ci.cls == CharClass::letter_upper) ++upper;
                if (ci.cls == CharClass::digit) ++digits;
                i += ci.len;
                continue;
            }
            if (ci.cls == CharClass::apostrophe && i + ci.len < m_s.size()) {
                const CharInfo next = classify(m_s, i + ci.len);
                if (is_letter(next.cls)) {
                    const std::string_view so_far = m_s.substr(start, i - start);
                    if (is_elision_word(so_far)) {  // l'Afrique → "l'" + "Afrique"
                        i += ci.len;
                        finish(start, i, letters, upper, digits, first, tf_elision);
                        return i;
                    }
                    // English clitic ('s, 't…) ends the word; else the apostrophe is inside a name (O'Brien).
                    std::size_t j = i + ci.len;
                    while (j < m_s.size()) {
                        const CharInfo cj = classify(m_s, j);
                        if (!is_wordish(cj.cls)) break;
                        j += cj.len;
                    }
                    if (is_clitic(m_s.substr(i + ci.len, j - i - ci.len))) {
                        finish(start, i, letters, upper, digits, first, 0);
                        push(i, j, tf_word | tf_clitic | tf_lower);
                        return j;
                    }
                    i += ci.len;
                    continue;
                }
            }
            if (ci.cls == CharClass::punct && ci.punct == '.' && ci.len == 1 && i + 1 < m_s.size()) {
                const CharInfo next = classify(m_s, i + 1);
                // Dotted abbreviations: U.S., D.C., a.m. (one letter, a stop, a letter…)
                if (is_letter(next.cls) && (letters == 1 || dotted) && i - start <= 12 && (i - start == 1 || dotted ||
                    (classify(m_s, i - 1).cls != CharClass::digit && letters == 1))) {
                    // The letter after the stop must be followed by a stop too.
                    const std::size_t k = i + 1 + next.len;
                    if (k < m_s.size() && m_s[k] == '.') {
                        dotted = true;
                        ++letters;
                        if (next.cls == CharClass::letter_upper) ++upper;
                        i = k + 1;
                        continue;
                    }
                }
                // Numbers: 7.000, 3.5
                if (digits > 0 && letters == 0 && next.cls == CharClass::digit) {
                    i += 1;
                    continue;
                }
            }
            if (ci.cls == CharClass::punct && ci.punct == ',' && digits > 0 && letters == 0 && i + 1 < m_s.size() &&
                classify(m_s, i + 1).cls == CharClass::digit) {
                i += 1;
                continue;
            }
            break;
        }
        const bool ascii = inline_bytes == i - start;  // only ASCII letters and digits
        finish(start, i, letters, upper, digits, first, dotted ? std::uint32_t{tf_dotted} : 0u, ascii);
        return i;
    }

    void finish(std::size_t start, std::size_t end, std::size_t letters, std::size_t upper, std::size_t digits,
                CharClass first, std::uint32_t extra, bool ascii = false) {
        std::uint32_t f = tf_word | extra;
        if (first == CharClass::letter_upper) f |= tf_cap;
        else if (first == CharClass::letter_lower) f |= tf_lower;
        if (letters >= 2 && upper == letters) f |= tf_allcaps;
        if (digits) f |= tf_digit;
        push(start, end, f, 0, ascii);
    }

    std::size_t punct(std::size_t i, const CharInfo& ci) {
        char p = ci.punct;
        std::uint32_t f = 0;
        std::size_t end = i + ci.len;
        if (ci.cls == CharClass::apostrophe) p = '\'';
        if (p == '.' || p == '!' || p == '?') {
            // A run of terminal marks ("?!", "...") is one token.
            while (end < m_s.size() && (m_s[end] == '.' || m_s[end] == '!' || m_s[end] == '?')) ++end;
            f |= tf_term;
        }
        if (p == '"') f |= tf_quote;
        if (p == '-') f |= tf_hyphen;
        push(i, end, f, p);
        return end;
    }

    Analysis& m_a;
    std::string_view m_s;
    std::uint32_t m_pending = 0;
    bool m_space_before = true;
};

bool is_word(const Token& t) noexcept { return t.is(tf_word); }

/// Sentence boundaries (docs/news.md): terminal punctuation followed by a
/// capital, digit, quote or line end; a line end, unless the line was
/// hard-wrapped inside a sentence.
void split_sentences(Analysis& a) {
    auto& toks = a.tokens;
    const std::size_t n = toks.size();
    if (n == 0) return;
    std::vector<std::uint8_t> starts(n, 0);
    starts[0] = 1;
    for (std::size_t k = 1; k < n; ++k) {
        const Token& t = toks[k];
        if (t.is(tf_line_start)) {
            const Token& prev = toks[k - 1];
            const bool wrapped = !t.is(tf_para_start) && t.is(tf_lower) &&
                                 (is_word(prev) || prev.punct == ',') && !prev.is(tf_term);
            if (!wrapped) starts[k] = 1;
        }
    }
    for (std::size_t k = 0; k + 1 < n; ++k) {
        const Token& t = toks[k];
        if (t.is(tf_dotted) && a.text[t.end - 1] == '.') {
            // "in the U.S. The …": a dotted abbreviation ends the sentence when a
            // capitalised function word follows.
            const Token& next = toks[k + 1];
            if (!next.is(tf_line_start) && next.is(tf_cap) &&
                (next.lex & (lx_stop_en | lx_stop_fr)) && !(next.lex & lx_title))
                starts[k + 1] = 1;
            continue;
        }
        if (!t.is(tf_term)) continue;
        // Closing quotes and brackets right after the mark stay in this sentence.
        std::size_t m = k + 1;
        while (m < n && !toks[m].is(tf_word) && (toks[m].is(tf_quote) || toks[m].punct == ')' || toks[m].punct == ']') &&
               toks[m].is(tf_joined))
            ++m;
        if (m >= n) break;
        const Token& next = toks[m];
        if (next.is(tf_line_start)) continue;  // handled above
        const bool opener = next.is(tf_cap) || next.is(tf_digit) || next.is(tf_quote) || next.punct == '-' ||
                            next.punct == '(' || next.is(tf_allcaps);
        if (!opener) continue;
        if (a.text[t.start] == '.' && t.end - t.start == 1 && k > 0 && is_word(toks[k - 1]) && toks[k].is(tf_joined)) {
            const Token& w = toks[k - 1];
            const std::string_view wk = a.key(w);
            // "M. Dupont", "Gen. Smith", "J. Smith": not a boundary.
            if (a.lex.abbreviations.contains(wk)) continue;
            if (w.is(tf_cap) && w.end - w.start == 1 && next.is(tf_cap)) continue;
        }
        starts[m] = 1;
    }
    std::uint32_t s = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (starts[k] && k > 0) {
            Sentence sent;
            sent.first = s;
            sent.last = static_cast<std::uint32_t>(k);
            a.sentences.push_back(sent);
            s = static_cast<std::uint32_t>(k);
        }
    }
    a.sentences.push_back(Sentence{s, static_cast<std::uint32_t>(n), 0, 0, SentenceKind::story});
    for (std::uint32_t si = 0; si < a.sentences.size(); ++si) {
        Sentence& sent = a.sentences[si];
        sent.start = toks[sent.first].start;
        sent.end = toks[sent.last - 1].end;
        toks[sent.first].flags |= tf_sent_start;
        for (std::uint32_t k = sent.first; k < sent.last; ++k) toks[k].sentence = si;
    }
}

/// Kinds of sentences from the lines they sit on (docs/news.md, "Clutter"):
/// a "related articles" marker makes the short lines after it separate
/// headlines; credit and chrome lines are recognised by their first words;
/// other short lines without a full stop are headings.
void classify_lines(Analysis& a) {
    const auto& toks = a.tokens;
    const std::size_t n = toks.size();
    if (n == 0) return;
    std::vector<std::uint32_t> line_of(n, 0);
    std::vector<SentenceKind> line_kind;
    std::vector<std::pair<std::size_t, std::size_t>> lines;
    for (std::size_t k = 0; k < n; ++k) {
        if (k == 0 || toks[k].is(tf_line_start)) lines.emplace_back(k, k);
        lines.back().second = k + 1;
        line_of[k] = static_cast<std::uint32_t>(lines.size() - 1);
    }
    line_kind.assign(lines.size(), SentenceKind::story);
    bool in_related = false;
    for (std::size_t li = 0; li < lines.size(); ++li) {
        const auto [b, e] = lines[li];
        std::size_t words = 0;
        for (std::size_t k = b; k < e; ++k) words += toks[k].is(tf_word) ? 1 : 0;
        std::size_t last = e - 1;
        while (last > b && (toks[last].is(tf_quote) || toks[last].punct == ')')) --last;
        const bool ends_term = toks[last].is(tf_term);
        // First word, after bullets and numbering ("1.", "-", "•").
        std::size_t f = b;
        while (f < e && (!toks[f].is(tf_word) || (toks[f].is(tf_digit) && !toks[f].is(tf_cap) && !toks[f].is(tf_lower))))
            ++f;
        std::uint32_t cls = 0;
        if (f < e) {
            std::string_view keys[6];
            const std::size_t got = word_keys(a, f, 6, keys);
            if (got && (toks[f].lex & lx_clutter))
                if (const auto m = a.lex.clutter.longest(std::span<const std::string_view>(keys, got))) cls = m->value;
        }
        if (cls == clutter_related && words <= 10 && !ends_term) {
            line_kind[li] = SentenceKind::chrome;
            in_related = true;
            continue;
        }
        if (in_related) {
            if (words <= 30 && !(ends_term && words >= 15)) {
                line_kind[li] = SentenceKind::related;
                continue;
            }
            in_related = false;
        }
        if (cls == clutter_credit && words <= 14 && !ends_term) line_kind[li] = SentenceKind::credit;
        else if (cls == clutter_chrome && words <= 12 && !ends_term) line_kind[li] = SentenceKind::chrome;
    }
    for (Sentence& s : a.sentences) {
        const SentenceKind k = line_kind[line_of[s.first]];
        if (k != SentenceKind::story) {
            s.kind = k;
            continue;
        }
        std::size_t words = 0;
        for (std::size_t q = s.first; q < s.last; ++q) words += toks[q].is(tf_word) ? 1 : 0;
        std::size_t last = s.last - 1;
        while (last > s.first && (toks[last].is(tf_quote) || toks[last].punct == ')')) --last;
        s.kind = toks[last].is(tf_term) || words >= 12 ? SentenceKind::story : SentenceKind::heading;
    }
}

} // namespace

std::size_t word_keys(const Analysis& a, std::size_t i, std::size_t n, std::string_view* out, std::size_t* last) {
    std::size_t got = 0;
    const auto& toks = a.tokens;
    for (std::size_t k = i; k < toks.size() && got < n; ++k) {
        const Token& t = toks[k];
        if (t.is(tf_word)) {
            if (got > 0 && t.is(tf_sent_start)) break;
            out[got++] = a.key(t);
            if (last) *last = k;
            continue;
        }
        if ((t.is(tf_hyphen) || t.punct == '\'') && t.is(tf_joined)) continue;  // porte-parole, cessez-le-feu
        break;
    }
    return got;
}

namespace {

std::uint32_t preposition_scan(const Analysis& a, std::size_t i, std::size_t* at) {
    const auto& toks = a.tokens;
    const std::uint32_t sent = toks[i].sentence;
    std::size_t j = i - 1;
    // Skip one article: "à la", "in the", "de l'".
    if (toks[j].is(tf_word) && toks[j].sentence == sent) {
        const std::string_view k = a.key(j);
        if ((k == "le" || k == "la" || k == "les" || k == "l" || k == "the") && j > 0) --j;
    }
    if (!toks[j].is(tf_word) || toks[j].sentence != sent) return 0;
    std::uint32_t best = 0;
    std::size_t best_start = j + 1;
    // Phrases of up to four words ending at j ("au nord-est de": a joined
    // hyphen between words is skipped, as word_keys does).
    std::size_t s = j;
    for (std::size_t words = 1; words <= 4; ++words) {
        std::string_view keys[4];
        std::size_t last = s;
        const std::size_t got = word_keys(a, s, words, keys, &last);
        if (got == words && last == j && (toks[s].lex & lx_prep)) {
            const auto m = a.lex.prepositions.longest(std::span<const std::string_view>(keys, got));
            if (m && m->words == got) {
                best = m->value;
                best_start = s;
            }
        }
        if (s == 0) break;
        std::size_t p = s - 1;
        if (p > 0 && !toks[p].is(tf_word) && (toks[p].is(tf_hyphen) || toks[p].punct == '\'') && toks[p].is(tf_joined)) --p;
        if (!toks[p].is(tf_word) || toks[p].sentence != sent) break;
        s = p;
    }
    if (best && at) *at = best_start;
    return best;
}

} // namespace

std::uint32_t preposition_before(const Analysis& a, std::size_t i, std::size_t* at) {
    if (i == 0) return 0;
    // Asked many times for the same tokens (recognition, roles, events): kept.
    if (a.prep_class.size() != a.tokens.size()) {
        a.prep_class.assign(a.tokens.size(), 0);
        a.prep_at.assign(a.tokens.size(), 0);
    }
    if (a.prep_class[i]) {
        if (at && a.prep_class[i] > 1) *at = a.prep_at[i];
        return a.prep_class[i] - 1u;
    }
    std::size_t where = 0;
    const std::uint32_t c = preposition_scan(a, i, &where);
    a.prep_class[i] = static_cast<std::uint8_t>(c + 1);
    a.prep_at[i] = static_cast<std::uint32_t>(where);
    if (c && at) *at = where;
    return c;
}


/// Each word's hash (Analysis::hashes) and lexicon bits (Token::lex): one
/// probe of the small lists per word, and of the large ones (a hash table of
/// megabytes for capitalised words, a Bloom filter for lower-case ones).
/// Those are cache misses, so the slots of the words a few places ahead are
/// prefetched while this one is looked up: the misses overlap instead of
/// adding up.
void lex_bits(Analysis& a) {
    const auto& lex = a.lex;
    const std::size_t n = a.tokens.size();
    a.hashes.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        if (a.tokens[i].is(tf_word)) a.hashes[i] = hash_word(a.key(i));
    auto prefetch = [&](std::size_t i) {
        const Token& t = a.tokens[i];
        if (t.is(tf_cap) || t.is(tf_allcaps)) lex.names.prefetch(a.hashes[i]);
        else if (t.is(tf_lower)) lex.large.prefetch(a.hashes[i]);
    };
    constexpr std::size_t ahead = 16;
    for (std::size_t i = 0; i < std::min(ahead, n); ++i) prefetch(i);
    for (std::size_t i = 0; i < n; ++i) {
        if (i + ahead < n) prefetch(i + ahead);
        Token& t = a.tokens[i];
        if (!t.is(tf_word)) continue;
        const std::string_view key = a.key(t);
        const std::uint64_t h = a.hashes[i];
        t.lex = lex.bits(key, h);
        if (t.is(tf_cap) || t.is(tf_allcaps)) {
            t.lex |= lex.name_bits(key, h);
        } else if (t.is(tf_lower) && key.size() >= 3 && !(t.lex & (lx_stop_fr | lx_stop_en)) &&
                   lex.large.may_contain_hash(h)) {
            t.lex |= lx_known;
        }
    }
}

void tokenize(Analysis& a) {
    a.tokens.reserve(a.text.size() / 5 + 16);
    a.keys.reserve(a.text.size());
    a.gz_memo.reserve(std::min<std::size_t>(a.text.size() / 40 + 16, 1u << 16));
    a.gz_answers.reserve(std::min<std::size_t>(a.text.size() / 40 + 16, 1u << 16));
    Scanner(a).run();
    lex_bits(a);
    split_sentences(a);
    classify_lines(a);
}

void detect_language(Analysis& a) {
    std::size_t fr = 0, en = 0, seen = 0;
    for (const Token& t : a.tokens) {
        if (!t.is(tf_word)) continue;
        fr += (t.lex & lx_only_fr) != 0;
        en += (t.lex & lx_only_en) != 0;
        if (++seen > 20000) break;  // enough to decide
    }
    if (fr != en) {
        a.french = fr > en;
        return;
    }
    // A tie (a very short text): French letters decide.
    std::size_t accents = 0;
    for (std::size_t i = a.body; i + 1 < a.text.size(); ++i)
        if (static_cast<unsigned char>(a.text[i]) == 0xC3) {
            const auto c = static_cast<unsigned char>(a.text[i + 1]);
            accents += c == 0xA9 || c == 0xA8 || c == 0xAA || c == 0xA0 || c == 0xA7 || c == 0xB9 || c == 0xA2 || c == 0xAE;
        }
    a.french = accents > 0;
}

void mark_lexical(Analysis& a) {
    const std::uint32_t stop = a.french ? lx_stop_fr : lx_stop_en;
    const std::uint32_t word = a.french ? lx_word_fr : lx_word_en;
    for (Token& t : a.tokens) {
        if (!t.is(tf_word)) continue;
        if (t.lex & stop) t.flags |= tf_stop;
        if ((t.is(tf_cap) || t.is(tf_allcaps)) && (t.lex & word)) t.flags |= tf_common;
    }
    // Title case: in a heading where most content words are capitalised, a
    // capital says nothing about a name.
    for (const Sentence& s : a.sentences) {
        if (s.kind == SentenceKind::story) continue;
        std::size_t content = 0, caps = 0;
        for (std::size_t q = s.first; q < s.last; ++q) {
            const Token& t = a.tokens[q];
            if (!t.is(tf_word) || t.is(tf_stop) || t.is(tf_digit) || t.end - t.start < 4) continue;
            ++content;
            caps += t.is(tf_cap) || t.is(tf_allcaps);
        }
        if (content >= 3 && caps * 4 >= content * 3)
            for (std::size_t q = s.first; q < s.last; ++q) a.tokens[q].flags |= tf_title;
    }
}

void mark_dates(Analysis& a) {
    std::size_t k = 0;
    for (const DateMention& d : a.dates) {
        while (k < a.tokens.size() && a.tokens[k].end <= d.start) ++k;
        for (std::size_t q = k; q < a.tokens.size() && a.tokens[q].start < d.end; ++q) a.tokens[q].flags |= tf_date;
    }
}

} // namespace geoevents::news::detail
