#pragma once
// Article input: checks that the bytes are text, finds the body and the
// optional date header. Offsets are never shifted: every later stage works on
// a text of exactly the input's length.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "geoevents/news/news.hpp"

namespace geoevents::news::detail {

struct Prepared {
    std::string_view text;      ///< the bytes to analyse (the input, or `owned` when bytes were replaced)
    std::string owned;          ///< lenient reading: the input with each invalid byte replaced by a space
    std::size_t body = 0;       ///< first byte of the story (after a BOM and a date header)
    std::optional<ReferenceDate> header_date;
    std::size_t replaced = 0;   ///< invalid bytes replaced (lenient only)
    std::size_t first_invalid = 0;
};

/// Byte offset of the first invalid UTF-8 sequence (overlong forms,
/// surrogates and code points above U+10FFFF are invalid), or npos.
std::size_t find_invalid_utf8(std::string_view s) noexcept;

/// @throws ParseError (file = options.source) for NUL bytes, more than
/// options.max_bytes bytes, or invalid UTF-8 when not lenient.
Prepared prepare_input(std::string_view bytes, const ReadOptions& options);

} // namespace geoevents::news::detail
