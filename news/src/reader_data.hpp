#pragma once
// What a Reader derives once from its gazetteer and lexicons (internal).
#include <mutex>
#include <string>
#include <unordered_map>

#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/geo/types.hpp"
#include "text/lexicons.hpp"
#include "text/wordset.hpp"

namespace geoevents::news::detail {

enum LowerBits : std::uint32_t { lower_demonym = 1, lower_prefix = 2 };

struct ReaderData {
    /// Dictionary and name-list words (folded) that, written in lower case,
    /// may be a demonym (lower_demonym) or open a longer gazetteer name
    /// (lower_prefix). Words of the lexicons absent here need no lookup.
    WordMap lower_names;

    /// The gazetteer's answer for every word of the large lexicons that has
    /// one (names or a longer name starting with it): value = index into
    /// `answers`. A lexicon word absent here is no gazetteer key; words
    /// outside the lexicons are asked to the gazetteer itself. Most
    /// capitalised words are answered here, from a table far smaller than
    /// the index (fewer cache misses).
    WordMap word_answers;
    std::span<const WordAnswer> answers;  ///< the table's, or `owned_answers`
    std::vector<WordAnswer> owned_answers;
    std::span<const gazetteer::Candidate> postings;  ///< the gazetteer's (Gazetteer::postings)

    /// The gazetteer's candidates and prefix flag of answer `i`; empty when
    /// out of range (a damaged table never reads outside the index).
    std::pair<std::span<const gazetteer::Candidate>, bool> answer(std::uint32_t i) const noexcept {
        if (i >= answers.size()) return {};
        const WordAnswer& a = answers[i];
        if (a.begin > postings.size() || a.count > postings.size() - a.begin) return {};
        return {postings.subspan(a.begin, a.count), a.prefix != 0};
    }

    /// Parts of places ("Northern Mali") by place and direction: computing
    /// them clips an outline, so they are kept. A cache of a pure function:
    /// it never changes what is read.
    mutable std::mutex parts_mutex;
    mutable std::unordered_map<std::string, geo::Place> parts;
};

/// Looks every word of the large lists up in `gazetteer` once and fills
/// `lower_names`, `word_answers` and `owned_answers` (then `answers`):
/// what the lexicon table stores for its index, and what a reader computes
/// itself for another index (about 0.3 s).
void derive_word_answers(const gazetteer::Gazetteer& gazetteer, const Lexicons::Data& lex, ReaderData& out);

} // namespace geoevents::news::detail
