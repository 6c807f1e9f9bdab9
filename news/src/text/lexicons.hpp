#pragma once
// The loaded lexicons (internal). Every entry is stored folded: the key
// gazetteer::normalize gives (lower case, no accents, apostrophes and
// hyphens as spaces), so a token's key can be looked up directly.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geoevents/geo/event.hpp"
#include "geoevents/news/news.hpp"
#include "text/wordset.hpp"

namespace geoevents::news::detail {

/// Phrases of one or more folded words; a word may end in '*' (any ending,
/// at least 4 characters before the star). Finds the longest phrase that
/// starts a sequence of word keys.
class PhraseIndex {
public:
    struct Match {
        std::size_t words = 0;     ///< how many keys the phrase covers
        std::uint32_t value = 0;
    };
    /// REQUIRES: `phrase` folded, words separated by single spaces.
    void add(std::string_view phrase, std::uint32_t value);
    /// True when some phrase may start with this key (cheap pre-check).
    bool may_start(std::string_view key) const noexcept;
    /// Longest phrase matching a prefix of `keys`; nullopt when none.
    std::optional<Match> longest(std::span<const std::string_view> keys) const;
    std::size_t max_words() const noexcept { return m_max_words; }
    std::size_t size() const noexcept { return m_phrases.size(); }

private:
    struct Phrase {
        std::vector<std::string> words;
        std::vector<bool> prefix;
        std::uint32_t value = 0;
    };
    static bool word_matches(const Phrase& p, std::size_t i, std::string_view key) noexcept;
    std::vector<Phrase> m_phrases;
    WordMap m_first_exact;                  ///< first word → index into m_lists
    WordMap m_first_prefix;                 ///< first 4 characters of a starred first word → index into m_lists
    std::vector<std::vector<std::uint32_t>> m_lists;
    std::size_t m_max_words = 0;
};

/// Event trigger (value of Data::events): language, type, verb or noun.
struct Trigger {
    std::uint8_t lang = 0;  ///< 1 fr, 2 en
    geo::EventType type = geo::EventType::other;
    bool verb = false;
    bool agent = false;  ///< a noun for the people who act ("protesters"): its plural is not generic
    /// What the form says by itself (French): a future is planned ("retirera"),
    /// a conditional hypothetical ("retirerait"); an infinitive takes the
    /// status of the verb it depends on.
    enum Mood : std::uint8_t { none, future, conditional, infinitive } mood = none;
};

/// A trigger of two words within two words of each other, either order
/// ("présence militaire", "militairement présente").
struct NearTrigger {
    Trigger info;
    std::string first, second;  ///< folded; a prefix when the flag is set
    bool first_prefix = false, second_prefix = false;
    static bool matches(std::string_view key, const std::string& w, bool prefix) noexcept {
        return prefix ? key.size() >= w.size() && key.compare(0, w.size(), w) == 0 : key == w;
    }
};

/// A seat of government (value of Data::seats): where to place it when the
/// gazetteer does not know the building.
struct Seat {
    std::string name;     ///< canonical name ("Élysée Palace")
    std::string city;     ///< folded name of its city ("paris")
    std::string country;  ///< ISO 3166-1 alpha-2
};

/// What the lexicons say about one folded word (Token::lex): list
/// membership, and which phrase lists may start with it. One probe per token.
enum LexBits : std::uint32_t {
    lx_stop_fr = 1u << 0, lx_stop_en = 1u << 1, lx_word_fr = 1u << 2, lx_word_en = 1u << 3,
    lx_given = 1u << 4, lx_surname = 1u << 5, lx_only_fr = 1u << 6, lx_only_en = 1u << 7,
    lx_title = 1u << 8, lx_operation = 1u << 9, lx_direction = 1u << 10, lx_prep = 1u << 11,
    lx_clutter = 1u << 12, lx_event_fr = 1u << 13, lx_event_en = 1u << 14, lx_clause = 1u << 15,
    lx_seat = 1u << 16, lx_org_head = 1u << 17, lx_gov = 1u << 18, lx_actor_verb = 1u << 19,
    lx_actor_noun = 1u << 20, lx_abbrev = 1u << 21,
    lx_known = 1u << 22,  ///< the word may be in the large lists (dictionaries, names): see WordFilter
    lx_near = 1u << 23,   ///< one of the two words of a "near" event trigger
    lx_calendar = 1u << 24,  ///< a month or weekday name
};

/// A run of gazetteer candidates stored in the lexicon table: offset and
/// count into Gazetteer::postings(), and whether a longer name starts with
/// the word.
struct WordAnswer {
    std::uint32_t begin = 0, count = 0, prefix = 0;
};
static_assert(sizeof(WordAnswer) == 12);

/// The mapped lexicon table file (news/src/text/lexicon_table.cpp), unmapped when
/// the last Lexicons using it goes.
struct TableMapping;

/// Value of a verb of saying in Data::status_fr/en (the others: a geo::EventStatus).
constexpr std::uint32_t status_report = 255;

enum PrepClass : std::uint32_t { prep_loc = 1, prep_to = 2, prep_from = 3, prep_gen = 4, prep_with = 5 };
/// Value bits of Data::counterparts (status_cues.tsv, "counterpart" rows): a verb
/// (the other party only when reflexive), a noun of a party ("allié", "partner"),
/// a noun of a relation taking its parties after avec/with/entre/between only.
enum CounterpartBits : std::uint32_t { cp_verb = 1, cp_party = 2, cp_relation = 4 };
enum ClutterClass : std::uint32_t { clutter_related = 1, clutter_credit = 2, clutter_chrome = 3 };
/// Directions as compass bits: n=1, s=2, e=4, w=8, centre=16.
enum DirBits : std::uint32_t { dir_n = 1, dir_s = 2, dir_e = 4, dir_w = 8, dir_c = 16 };

} // namespace geoevents::news::detail

namespace geoevents::news {

struct Lexicons::Data {
    // Extracted lists (third-party).
    detail::WordMap given_names, surnames;
    detail::WordMap stop_fr, stop_en;
    /// Words of the small lists (stopwords, curated lists) with their LexBits:
    /// probed for every token, small enough to stay in cache.
    detail::WordMap lexicon;
    /// First four letters of starred phrase words ("retir*") with their LexBits.
    detail::WordMap stems;
    /// Words of the large lists (dictionaries, given and family names) with
    /// their LexBits: probed for capitalised tokens only.
    detail::WordMap names;
    /// Membership in the large lists, for lower-case tokens (one cache line).
    detail::WordFilter large;
    // Curated lists (data/lexicons, compiled in).
    detail::WordMap org_heads, abbreviations, government_nouns, actor_verbs, actor_nouns, place_nouns, border_nouns;
    /// Nouns of a small settlement ("village", "town", "camp"): value 1 for a camp (kind other), 0 otherwise.
    detail::WordMap settlement_nouns;
    detail::PhraseIndex person_titles, operation_words, directions, prepositions, clutter, clause_markers;
    detail::PhraseIndex events_fr, events_en;
    /// Cues of modality and denial before a trigger (status_cues.tsv): value a geo::EventStatus.
    detail::PhraseIndex status_fr, status_en;
    /// Words whose complement is the other party of a relation between states
    /// (status_cues.tsv, "counterpart" rows), both languages: CounterpartBits.
    detail::WordMap counterparts;
    detail::PhraseIndex seats;              ///< values index `seat_info`
    std::vector<detail::Seat> seat_info;  ///< triggers of each language (values index `triggers`)
    std::vector<detail::Trigger> triggers;  ///< values of `events_fr` and `events_en`
    std::vector<detail::NearTrigger> near_triggers;
    std::size_t entries = 0;

    /// The table file these lists are read from (views into it), when loaded from one.
    std::shared_ptr<const detail::TableMapping> table;
    /// The words' gazetteer answers computed when the table was built (see
    /// ReaderData), valid for the index with this fingerprint and number of
    /// postings only; 0 when the table has none.
    std::uint64_t answers_fingerprint = 0, answers_postings = 0;
    detail::WordMap lower_names, word_answers;
    std::span<const detail::WordAnswer> answers;

    const detail::WordMap& stop(bool french) const noexcept { return french ? stop_fr : stop_en; }
    /// LexBits of a folded word from the small lists and stems.
    std::uint32_t bits(std::string_view key) const noexcept { return bits(key, detail::hash_word(key)); }
    /// The same with the key's hash_word() already computed.
    std::uint32_t bits(std::string_view key, std::uint64_t h) const noexcept {
        std::uint32_t b = 0;
        if (const auto* v = lexicon.find(key, h)) b = *v;
        if (key.size() >= 4)
            if (const auto* v = stems.find(key.substr(0, 4))) b |= *v;
        return b;
    }
    /// LexBits of the large lists (given, surname, dictionary words).
    std::uint32_t name_bits(std::string_view key) const noexcept { return name_bits(key, detail::hash_word(key)); }
    std::uint32_t name_bits(std::string_view key, std::uint64_t h) const noexcept {
        const auto* v = names.find(key, h);
        return v ? *v : 0;
    }
    const detail::PhraseIndex& events(bool french) const noexcept { return french ? events_fr : events_en; }
    const detail::PhraseIndex& status_cues(bool french) const noexcept { return french ? status_fr : status_en; }
};

} // namespace geoevents::news
