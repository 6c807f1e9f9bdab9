#pragma once
// The curated lexicons of data/lexicons, compiled into the library
// (news/cmake/embed_lexicons.cmake generates the definition).
#include <string_view>

namespace geoevents::news::detail {

/// The text of the curated lexicon file `name` ("events.tsv"); empty when
/// there is no such file.
std::string_view embedded_lexicon(std::string_view name) noexcept;

} // namespace geoevents::news::detail
