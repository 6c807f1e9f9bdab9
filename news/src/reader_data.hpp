#pragma once
// What a Reader derives once from its gazetteer and lexicons (internal).
#include <mutex>
#include <string>
#include <unordered_map>

#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/geo/types.hpp"
#include "wordset.hpp"

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
    struct Answer {
        std::span<const gazetteer::Candidate> candidates;
        bool prefix = false;
    };
    std::vector<Answer> answers;

    /// Parts of places ("Northern Mali") by place and direction: computing
    /// them clips an outline, so they are kept. A cache of a pure function:
    /// it never changes what is read.
    mutable std::mutex parts_mutex;
    mutable std::unordered_map<std::string, geo::Place> parts;
};

} // namespace geoevents::news::detail
