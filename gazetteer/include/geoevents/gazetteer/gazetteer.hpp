#pragma once
// The place index: one immutable, memory-mapped file built by
// `geoevents gazetteer build`, queried by normalised name.
//
// Ranking (docs/gazetteer.md): candidates for a name come sorted by score =
// importance of the place × weight of the name that matched. Importance puts
// countries first, then capitals, curated regions/seas/composites, first-level
// subdivisions, then cities by population (seats of government get a bonus);
// a place's own name weighs more than an alternate name.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geoevents/geo/error.hpp"
#include "geoevents/geo/types.hpp"

namespace geoevents::gazetteer {

/// The index is missing, unreadable, of another version or corrupt.
/// what() names the file and the command that builds the index.
class IndexError : public DataError {
public:
    using DataError::DataError;
};

enum class Lang : std::uint8_t { any = 0, fr = 1, en = 2 };

/// Bits of Candidate::langs.
inline constexpr std::uint8_t lang_fr = 1, lang_en = 2;

using PlaceId = std::uint32_t;  ///< index of a place in this index file (not stable across builds)

struct Candidate {
    PlaceId place = 0;
    float score = 0;         ///< higher is better; comparable across names of one index
    bool demonym = false;    ///< the name is a demonym ("malienne") pointing to the place
    bool primary = false;    ///< the matched name is the place's own name, not an alternate
    std::uint8_t langs = 0;  ///< languages the name is known in (lang_fr | lang_en), 0 if untagged
};

struct LookupOptions {
    Lang lang = Lang::any;        ///< prefer names known in this language
    bool places = true;           ///< include place names
    bool demonyms = false;        ///< include demonyms
    std::size_t limit = 10;
};

/// A read-only view of one place record (valid while the Gazetteer lives).
struct PlaceView {
    std::string_view id, name, country, admin1;
    geo::PlaceKind kind = geo::PlaceKind::other;
    geo::LonLat point;
    std::int64_t population = 0;
    float importance = 0;
    bool capital = false;     ///< national capital (GeoNames PPLC)
    bool composite = false;   ///< union of countries
    bool curated = false;     ///< from data/curated
    std::span<const std::uint8_t> polygon;         ///< WKB (generalised, 1:50m for countries), may be empty
    std::span<const std::uint8_t> detail_polygon;  ///< WKB at 1:10m for countries, else empty

    geo::Place to_place() const;
};

class Gazetteer {
public:
    /// Maps the index at `path`.
    /// @throws IndexError when it is missing, not an index, of another version or truncated.
    static Gazetteer open(const std::filesystem::path& path);
    /// Opens the default index (default_index_path()).
    static Gazetteer open_default();

    Gazetteer(Gazetteer&&) noexcept;
    Gazetteer& operator=(Gazetteer&&) noexcept;
    ~Gazetteer();

    /// Ranked candidates for a name, any spelling (normalised here).
    std::vector<Candidate> lookup(std::string_view name, const LookupOptions& options = {}) const;
    /// Hot path: all candidates for an already-normalised key, best first,
    /// without allocation. Empty span when the key is unknown.
    std::span<const Candidate> lookup_key(std::string_view key) const;
    /// True when some indexed name starts with `key` followed by a space:
    /// lets a reader stop extending a multi-word name early.
    bool has_prefix(std::string_view key) const;
    /// lookup_key() and has_prefix() of one key, in one probe of the index.
    struct KeyAnswer {
        std::span<const Candidate> candidates;
        bool prefix = false;
    };
    KeyAnswer probe_key(std::string_view key) const;

    PlaceView place(PlaceId id) const;
    /// The place with a stable id ("ne:ML", "geonames:2460596", "curated:sahel").
    std::optional<PlaceId> find_id(std::string_view stable_id) const;
    /// The national capital of the country with ISO code `iso2` (GeoNames
    /// PPLC; of several, the most populous), if the index has it. The first
    /// call reads every place record once; thread-safe.
    std::optional<PlaceId> capital_of(std::string_view iso2) const;
    std::size_t size() const noexcept;
    std::size_t name_count() const noexcept;
    /// JSON text describing the sources and versions the index was built from.
    std::string_view build_info() const noexcept;
    /// Identifies this build of the index (its header and build information,
    /// which include the build time): tables derived from an index, such as
    /// the lexicons' word answers, record it to know whether they still apply.
    std::uint64_t fingerprint() const noexcept;
    /// Every candidate of every key, in file order: lookup_key() returns
    /// sub-spans of it, so a derived table can store a run as offset + count.
    std::span<const Candidate> postings() const noexcept;
    const std::filesystem::path& path() const noexcept;

private:
    struct Impl;
    explicit Gazetteer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// Where the index is looked for: $GEOEVENTS_INDEX if set, else the path fixed
/// at build time (the project's .cache/gazetteer.geoidx).
std::filesystem::path default_index_path();

} // namespace geoevents::gazetteer
