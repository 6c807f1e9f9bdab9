#pragma once
// The lexicon table (internal): the extracted word lists, made once by
// `geoevents lexicons build` into DIR/lexicons.bin and mapped at start-up
// like the gazetteer index, so that no list is parsed or hashed per run.
#include <array>
#include <cstddef>
#include <filesystem>

#include "text/lexicons.hpp"

namespace geoevents::news::detail {

inline constexpr std::size_t extracted_list_count = 6;
/// The lists node data/lexicons/extract.cjs writes, in table order.
extern const std::array<const char*, extracted_list_count> extracted_lists;

/// Reads the extracted lists of `dir` (slow: parses and hashes about 700,000
/// words) into `d`: the large lists, stopwords and language-only words.
/// @throws LexiconError when a list is missing, empty or unreadable.
void load_extracted(Lexicons::Data& d, const std::filesystem::path& dir);
/// Adds the curated lists compiled into the library and the event triggers
/// and status cues generated from them into `dir` (small: parsed at every
/// start, so editing one needs no table rebuild), and counts the entries.
/// @throws LexiconError when a generated list is missing or empty.
void add_curated(Lexicons::Data& d, const std::filesystem::path& dir);
/// Maps DIR/lexicons.bin into `d` (views into the mapping; `lexicon` is
/// copied so that add_curated can extend it).
/// @throws LexiconError when the table is missing, damaged, of another
///         format version, or stale (its lists changed since it was built).
void map_table(Lexicons::Data& d, const std::filesystem::path& dir);

} // namespace geoevents::news::detail
