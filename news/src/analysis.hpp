#pragma once
// What the reader knows about one article while reading it (internal).
// Every stage adds to an Analysis; nothing in it outlives one read().
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/news/dates.hpp"
#include "geoevents/news/news.hpp"
#include "text/lexicons.hpp"
#include "reader_data.hpp"

namespace geoevents::news::detail {

enum TokenFlags : std::uint32_t {
    tf_word = 1u << 0,        ///< letters/digits (else punctuation)
    tf_cap = 1u << 1,         ///< starts with an upper-case letter
    tf_allcaps = 1u << 2,     ///< at least two letters, all upper case
    tf_lower = 1u << 3,       ///< starts with a lower-case letter
    tf_digit = 1u << 4,       ///< contains a digit
    tf_elision = 1u << 5,     ///< French elided article/pronoun ending in an apostrophe (l', d', qu')
    tf_clitic = 1u << 6,      ///< English 's, 't, 're… after a word
    tf_joined = 1u << 7,      ///< no space before this token
    tf_sent_start = 1u << 8,  ///< first token of a sentence
    tf_line_start = 1u << 9,  ///< first token of a line
    tf_para_start = 1u << 10, ///< first token after a blank line
    tf_dotted = 1u << 11,     ///< dotted abbreviation ("U.S.", "D.C.")
    tf_title = 1u << 12,      ///< in a title-case line (capitals say little there)
    tf_person = 1u << 13,     ///< part of a person's name
    tf_stop = 1u << 14,       ///< stopword of the article's language
    tf_common = 1u << 15,     ///< dictionary word of the article's language (lower-case form)
    tf_org = 1u << 16,        ///< part of an organisation's or operation's name
    tf_quote = 1u << 17,      ///< punctuation: a quotation mark
    tf_hyphen = 1u << 18,     ///< punctuation: a hyphen or dash joining words
    tf_term = 1u << 19,       ///< punctuation: sentence-ending (. ! ? …)
    tf_coref = 1u << 20,      ///< same word as the name of a person seen in this article
    tf_date = 1u << 21,       ///< inside a date expression ("Thursday", "mai")
};

struct Token {
    std::uint32_t start = 0, end = 0;   ///< byte span in the text
    std::uint32_t key_off = 0;          ///< folded key in Analysis::keys
    std::uint16_t key_len = 0;
    char punct = 0;                     ///< punctuation class: the ASCII character it stands for
    std::uint32_t flags = 0;
    std::uint32_t lex = 0;              ///< LexBits of the key (word tokens)
    std::uint32_t sentence = 0;
    bool is(std::uint32_t f) const noexcept { return (flags & f) != 0; }
};

enum class SentenceKind : std::uint8_t { story, heading, related, credit, chrome };

struct Sentence {
    std::uint32_t first = 0, last = 0;  ///< token range [first, last)
    std::uint32_t start = 0, end = 0;   ///< byte span
    SentenceKind kind = SentenceKind::story;
};

/// A place name or demonym found in the text.
struct Mention {
    std::uint32_t first = 0, last = 0;      ///< token range [first, last)
    std::uint32_t start = 0, end = 0;       ///< byte span of the name as reported
    std::span<const gazetteer::Candidate> candidates;  ///< from the gazetteer, best first
    bool demonym = false;
    bool accepted = false;
    std::uint32_t direction = 0;            ///< DirBits when the mention names a part ("nord du Mali")
    std::optional<gazetteer::PlaceId> place;
    double confidence = 0;
    double evidence = 0;                    ///< recognition score (docs/news.md)
    Role role = Role::none;
    std::int32_t part = -1;                 ///< index into Analysis::parts: a synthesised place (part of a place, seat of government)
    int seat = -1;                          ///< index into Lexicons::Data::seat_info when read from that lexicon
    bool approximate = false;               ///< a small place placed from a cue (approximate.cpp); `part` holds it
    bool border = false;                    ///< the border of two countries (borders.cpp); `part` holds it
};

struct Analysis {
    Analysis(const gazetteer::Gazetteer& g, const Lexicons::Data& l, const ReaderData& r, std::string_view t, std::size_t b)
        : gz(g), lex(l), rd(r), text(t), body(b) {}

    const gazetteer::Gazetteer& gz;
    const Lexicons::Data& lex;
    const ReaderData& rd;
    std::string_view text;
    std::size_t body = 0;
    bool french = true;
    ReferenceDate ref;
    bool year_guessed = false;      ///< ref was inferred and its year is a guess (Document::date_year_guessed)
    std::string keys;               ///< arena of folded token keys
    std::vector<Token> tokens;
    /// hash_word() of each token's key (0 for punctuation), computed once by
    /// the tokenizer: a lookup of a token in any word table passes it
    /// (WordMap::find(key, hash)) instead of hashing the key again.
    std::vector<std::uint64_t> hashes;
    std::vector<Sentence> sentences;
    std::vector<Mention> mentions;  ///< in text order, non-overlapping once recognised
    std::vector<DateMention> dates;
    WordMap person_names;           ///< folded names of people seen in this article
    std::vector<geo::Place> parts;  ///< places made here (Mention::part): parts of places, seats of government
    std::unordered_map<std::string, std::int32_t> part_index;  ///< their ids → index in `parts`
    std::int32_t add_part(geo::Place p) {
        const auto [it, fresh] = part_index.emplace(p.id, static_cast<std::int32_t>(parts.size()));
        if (fresh) parts.push_back(std::move(p));
        return it->second;
    }
    /// preposition_before() per token: class + 1 (0 = not computed yet) and where it starts.
    mutable std::vector<std::uint8_t> prep_class;
    mutable std::vector<std::uint32_t> prep_at;

    /// Gazetteer answers for keys already asked in this article (names repeat;
    /// a probe of the mapped index is a cache miss, this table is not).
    struct GzAnswer {
        std::span<const gazetteer::Candidate> candidates;
        bool prefix = false;
    };
    WordMap gz_memo;  ///< key → index into gz_answers
    std::vector<GzAnswer> gz_answers;
    /// Place records already read in this article (a record read is a few
    /// cache misses in the mapped index; names repeat).
    std::deque<std::pair<gazetteer::PlaceId, gazetteer::PlaceView>> views;  ///< deque: references stay valid
    std::vector<std::uint32_t> view_slots;  ///< open addressing over `views`, 0 = empty, else index + 1
    const gazetteer::PlaceView& view(gazetteer::PlaceId id) {
        if (view_slots.empty()) view_slots.assign(256, 0);
        if (views.size() * 2 >= view_slots.size()) {
            view_slots.assign(view_slots.size() * 2, 0);
            for (std::uint32_t i = 0; i < views.size(); ++i) {
                std::size_t s = static_cast<std::size_t>(views[i].first * 2654435761u) & (view_slots.size() - 1);
                while (view_slots[s]) s = (s + 1) & (view_slots.size() - 1);
                view_slots[s] = i + 1;
            }
        }
        const std::size_t mask = view_slots.size() - 1;
        for (std::size_t s = static_cast<std::size_t>(id * 2654435761u) & mask;; s = (s + 1) & mask) {
            if (!view_slots[s]) {
                views.emplace_back(id, gz.place(id));
                view_slots[s] = static_cast<std::uint32_t>(views.size());
                return views.back().second;
            }
            if (views[view_slots[s] - 1].first == id) return views[view_slots[s] - 1].second;
        }
    }
    const GzAnswer& gz_lookup(std::string_view k) {
        if (const auto* i = gz_memo.find(k)) return gz_answers[*i];
        gz_memo.insert(k, static_cast<std::uint32_t>(gz_answers.size()));
        const auto probe = gz.probe_key(k);
        gz_answers.push_back({probe.candidates, probe.prefix});
        return gz_answers.back();
    }
    /// The same for one word, when the lexicons tell that it is one of
    /// their words (`in_lexicon`): answered from the reader's table.
    GzAnswer word_lookup(std::string_view k, bool in_lexicon) {
        if (!in_lexicon) return gz_lookup(k);
        if (const auto* i = rd.word_answers.find(k)) {
            const auto [candidates, prefix] = rd.answer(*i);
            return {candidates, prefix};
        }
        return {};
    }

    std::string_view key(const Token& t) const noexcept { return {keys.data() + t.key_off, t.key_len}; }
    std::string_view key(std::size_t i) const noexcept { return key(tokens[i]); }
    std::uint64_t hash(std::size_t i) const noexcept { return hashes[i]; }
    std::string_view raw(const Token& t) const noexcept { return text.substr(t.start, t.end - t.start); }
    const detail::WordMap& stop() const noexcept { return lex.stop(french); }
};

// Stages, in order (each in its own source file).
/// Definite articles of both languages (folded keys): "le", "la", "les", "l'", "the".
inline bool is_article(std::string_view k) noexcept { return k == "le" || k == "la" || k == "les" || k == "l" || k == "the"; }
/// A dateline: the name opens its line and a dash or bracket follows ("PARIS —",
/// "MAPUTO (Reuters) -"): where the article was written, not where its events are.
inline bool is_dateline(const Analysis& a, const Mention& m) noexcept {
    const auto& toks = a.tokens;
    if (!toks[m.first].is(tf_line_start) || m.last >= toks.size()) return false;
    const Token& next = toks[m.last];
    return !next.is(tf_word) && (next.punct == '-' || next.punct == '(' || (next.punct == ',' && toks[m.first].is(tf_allcaps)));
}
/// Possessive determiners of both languages (folded keys): "leur soutien", "their support".
inline bool is_possessive(std::string_view k) noexcept {
    return k == "leur" || k == "leurs" || k == "son" || k == "sa" || k == "ses" || k == "notre" || k == "nos" ||
           k == "their" || k == "its" || k == "his" || k == "her" || k == "our";
}

void tokenize(Analysis& a);                 ///< tokenize.cpp: tokens, sentences, clutter kinds
void detect_language(Analysis& a);          ///< tokenize.cpp: sets a.french from stopword counts
void mark_lexical(Analysis& a);             ///< tokenize.cpp: tf_stop, tf_common, tf_title flags
void mark_dates(Analysis& a);               ///< tokenize.cpp: tf_date on tokens inside a.dates
void find_people(Analysis& a);              ///< recognize.cpp
void find_mentions(Analysis& a);            ///< recognize.cpp
void resolve_mentions(Analysis& a);         ///< resolve.cpp
void find_borders(Analysis& a);             ///< borders.cpp: "la frontière Niger–Mali" is one place, the border
void approximate_places(Analysis& a);       ///< approximate.cpp: small places the gazetteer lacks, from a cue
/// approximate.cpp: the point a distance before a mention names ("à 50 km au
/// nord de Gao", "30 km from Gao"): `anchor` (the mention's place) moved by it,
/// approximate, with its radius; nullopt when no distance comes before.
std::optional<geo::Place> offset_place(const Analysis& a, std::size_t mention, const geo::Place& anchor);
void assign_roles(Analysis& a);             ///< roles.cpp
std::vector<geo::Event> find_events(const Analysis& a, const std::vector<Toponym>& toponyms);  ///< events.cpp

/// Preposition class (PrepClass) of the words just before token `i`, 0 if none;
/// skips one article ("à la", "in the"). Sets `*at` to the first preposition token.
std::uint32_t preposition_before(const Analysis& a, std::size_t i, std::size_t* at = nullptr);
/// Keys of up to `n` word tokens from `i` (hyphens skipped; stops at other punctuation).
std::size_t word_keys(const Analysis& a, std::size_t i, std::size_t n, std::string_view* out, std::size_t* last = nullptr);

} // namespace geoevents::news::detail
