#pragma once
// Name normalisation: the key under which names are indexed and looked up.
#include <string>
#include <string_view>

namespace geoevents::gazetteer {

/// Appends to `out` the lookup key of a UTF-8 name: compatibility-decomposed,
/// accents and other combining marks removed, case-folded; œ/æ expanded to
/// oe/ae; apostrophes (' ’ ʼ ‘ `), hyphens and dashes, underscores, slashes,
/// commas and runs of white space become one space; full stops vanish
/// ("U.S." and "US" give the same key); leading and trailing spaces dropped.
/// So "Golfe de Guinée", "golfe de guinee" and "GOLFE-DE-GUINÉE" share a key,
/// as do "N'Djamena" and "N’Djamena". Invalid UTF-8 bytes are skipped.
void normalize_into(std::string_view utf8, std::string& out);

/// The lookup key of `utf8` (see normalize_into).
std::string normalize(std::string_view utf8);

} // namespace geoevents::gazetteer
