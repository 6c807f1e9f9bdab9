#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/geo/mapped_file.hpp"


#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <unordered_map>

#include "format.hpp"
#include "geoevents/gazetteer/normalize.hpp"

#ifndef GEOEVENTS_DEFAULT_INDEX
#define GEOEVENTS_DEFAULT_INDEX ".cache/gazetteer.geoidx"
#endif

namespace geoevents::gazetteer {

using namespace detail;

namespace {
const char* const build_hint = "build it with `geoevents gazetteer build`";
}

struct Gazetteer::Impl {
    std::filesystem::path path;
    std::optional<geo::MappedFile> file;
    const std::uint8_t* base = nullptr;  ///< file->data()
    std::size_t size = 0;                ///< file->size()
    const Header* header = nullptr;
    const PlaceRec* places = nullptr;
    const Slot* slots = nullptr;
    const Candidate* postings = nullptr;
    const std::uint32_t* id_order = nullptr;
    const char* strings = nullptr;
    const std::uint8_t* blobs = nullptr;
    std::uint64_t slot_mask = 0;
    /// Country (two letters as one number) → its national capital, built on
    /// the first capital_of() (one pass over the place records).
    mutable std::once_flag capitals_once;
    mutable std::unordered_map<std::uint16_t, PlaceId> capitals;

    // Offsets read from the file are checked, so a damaged index gives wrong
    // text at worst, never a read outside the mapping.
    std::string_view str(std::uint32_t off) const noexcept {
        const std::uint64_t n = header->strings_size;
        if (std::uint64_t{off} + 2 > n) return {};
        std::uint16_t len;
        std::memcpy(&len, strings + off, sizeof len);
        if (std::uint64_t{off} + 2 + len > n) return {};
        return {strings + off + sizeof len, len};
    }
    std::span<const std::uint8_t> blob(std::uint32_t off, std::uint32_t len) const noexcept {
        if (len == 0 || std::uint64_t{off} + len > header->blobs_size) return {};
        return {blobs + off, len};
    }

    const Slot* find_slot(std::string_view key) const noexcept {
        if (key.empty() || key.size() > 0xffff) return nullptr;
        const std::uint64_t h = hash_key(key);
        for (std::uint64_t i = h & slot_mask;; i = (i + 1) & slot_mask) {
            const Slot& s = slots[i];
            if (!(s.flags & slot_used)) return nullptr;
            if (s.hash == h && s.key_len == key.size() && str(s.key_off) == key) return &s;
        }
    }
};

Gazetteer::Gazetteer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

std::filesystem::path default_index_path() {
    if (const char* env = std::getenv("GEOEVENTS_INDEX"); env && *env) return env;
    return GEOEVENTS_DEFAULT_INDEX;
}

Gazetteer Gazetteer::open_default() { return open(default_index_path()); }

Gazetteer Gazetteer::open(const std::filesystem::path& path) {
    auto fail = [&](const std::string& why) -> IndexError {
        return IndexError("gazetteer index " + path.string() + ": " + why + "; " + build_hint);
    };
    std::string why;
    auto file = geo::MappedFile::open(path, sizeof(Header), "an index", why);
    if (!file) throw fail(why);
    const std::size_t size = file->size();
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->base = file->data();
    impl->size = size;
    impl->file = std::move(file);
    const auto* h = reinterpret_cast<const Header*>(impl->base);
    impl->header = h;
    if (std::memcmp(h->magic, magic, sizeof magic) != 0) throw fail("not a geoevents gazetteer index");
    if (h->version != format_version)
        throw fail("format version " + std::to_string(h->version) + ", this program reads version " +
                   std::to_string(format_version));
    if (h->header_hash != fnv1a(h, offsetof(Header, header_hash)) || h->header_size != sizeof(Header))
        throw fail("corrupt header");
    if (h->file_size != size)
        throw fail("truncated or damaged (" + std::to_string(size) + " bytes, expected " + std::to_string(h->file_size) + ")");
    // Every section must lie inside the file: a damaged header never leads to a read out of bounds.
    auto inside = [&](std::uint64_t off, std::uint64_t bytes) { return off <= size && bytes <= size - off && off % 4 == 0; };
    if (!inside(h->places_off, std::uint64_t{h->place_count} * sizeof(PlaceRec)) ||
        !inside(h->slots_off, std::uint64_t{h->slot_count} * sizeof(Slot)) ||
        !inside(h->postings_off, h->posting_count * sizeof(Candidate)) ||
        !inside(h->id_order_off, std::uint64_t{h->place_count} * 4) || !inside(h->strings_off, h->strings_size) ||
        !inside(h->blobs_off, h->blobs_size) || h->slot_count == 0 || (h->slot_count & (h->slot_count - 1)) != 0 ||
        std::uint64_t{h->info_off} + h->info_len > h->strings_size)
        throw fail("corrupt section table");
    impl->places = reinterpret_cast<const PlaceRec*>(impl->base + h->places_off);
    impl->slots = reinterpret_cast<const Slot*>(impl->base + h->slots_off);
    impl->postings = reinterpret_cast<const Candidate*>(impl->base + h->postings_off);
    impl->id_order = reinterpret_cast<const std::uint32_t*>(impl->base + h->id_order_off);
    impl->strings = reinterpret_cast<const char*>(impl->base + h->strings_off);
    impl->blobs = impl->base + h->blobs_off;
    impl->slot_mask = h->slot_count - 1;
    return Gazetteer(std::move(impl));
}

std::span<const Candidate> Gazetteer::lookup_key(std::string_view key) const { return probe_key(key).candidates; }

Gazetteer::KeyAnswer Gazetteer::probe_key(std::string_view key) const {
    const Slot* s = m_impl->find_slot(key);
    if (!s) return {};
    KeyAnswer a;
    a.prefix = (s->flags & slot_prefix) != 0;
    if (s->post_count != 0 && std::uint64_t{s->post_begin} + s->post_count <= m_impl->header->posting_count)
        a.candidates = {m_impl->postings + s->post_begin, s->post_count};
    return a;
}

bool Gazetteer::has_prefix(std::string_view key) const {
    const Slot* s = m_impl->find_slot(key);
    return s && (s->flags & slot_prefix);
}

std::vector<Candidate> Gazetteer::lookup(std::string_view name, const LookupOptions& options) const {
    std::vector<Candidate> out;
    for (const Candidate& c : lookup_key(normalize(name))) {
        if (c.place >= size()) continue;  // damaged index
        if (c.demonym ? !options.demonyms : !options.places) continue;
        Candidate k = c;
        // A name tagged only with the other language counts less (e.g. an
        // English exonym when reading French), but is never dropped.
        const std::uint8_t want = options.lang == Lang::fr ? lang_fr : options.lang == Lang::en ? lang_en : 0;
        if (want && c.langs && !(c.langs & want)) k.score *= 0.8f;
        out.push_back(k);
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    // One candidate per place: the best-scoring name wins.
    std::vector<Candidate> unique;
    for (const auto& c : out) {
        if (std::none_of(unique.begin(), unique.end(), [&](const Candidate& u) { return u.place == c.place; }))
            unique.push_back(c);
        if (unique.size() >= options.limit) break;
    }
    return unique;
}

PlaceView Gazetteer::place(PlaceId id) const {
    if (id >= size()) return {};
    const PlaceRec& r = m_impl->places[id];
    PlaceView v;
    v.id = m_impl->str(r.id_off);
    v.name = m_impl->str(r.name_off);
    v.admin1 = m_impl->str(r.admin1_off);
    v.country = r.country[0] ? std::string_view(r.country, 2) : std::string_view{};
    v.kind = r.kind <= static_cast<std::uint8_t>(geo::PlaceKind::other) ? static_cast<geo::PlaceKind>(r.kind) : geo::PlaceKind::other;
    v.point = {r.lon, r.lat};
    v.population = r.population;
    v.importance = r.importance;
    v.capital = r.flags & flag_capital;
    v.composite = r.flags & flag_composite;
    v.curated = r.flags & flag_curated;
    v.polygon = m_impl->blob(r.poly_off, r.poly_len);
    v.detail_polygon = m_impl->blob(r.detail_off, r.detail_len);
    return v;
}

std::optional<PlaceId> Gazetteer::find_id(std::string_view stable_id) const {
    const auto* first = m_impl->id_order;
    const auto* last = first + m_impl->header->place_count;
    const auto* it = std::lower_bound(first, last, stable_id, [&](std::uint32_t p, std::string_view id) {
        return m_impl->str(m_impl->places[p].id_off) < id;
    });
    if (it != last && m_impl->str(m_impl->places[*it].id_off) == stable_id) return *it;
    return std::nullopt;
}

std::optional<PlaceId> Gazetteer::capital_of(std::string_view iso2) const {
    if (iso2.size() != 2) return std::nullopt;
    const auto key = [](char a, char b) {
        return static_cast<std::uint16_t>(static_cast<unsigned char>(a) << 8 | static_cast<unsigned char>(b));
    };
    std::call_once(m_impl->capitals_once, [&] {
        const Impl& im = *m_impl;
        for (PlaceId id = 0; id < im.header->place_count; ++id) {
            const PlaceRec& r = im.places[id];
            if (!(r.flags & flag_capital) || !r.country[0]) continue;
            // A country GeoNames gives several seats of government: the most populous.
            const auto [it, fresh] = im.capitals.try_emplace(key(r.country[0], r.country[1]), id);
            if (!fresh && im.places[it->second].population < r.population) it->second = id;
        }
    });
    const auto it = m_impl->capitals.find(key(iso2[0], iso2[1]));
    if (it == m_impl->capitals.end()) return std::nullopt;
    return it->second;
}

std::size_t Gazetteer::size() const noexcept { return m_impl->header->place_count; }
std::size_t Gazetteer::name_count() const noexcept { return m_impl->header->name_count; }
std::string_view Gazetteer::build_info() const noexcept {
    return {m_impl->strings + m_impl->header->info_off, m_impl->header->info_len};
}
const std::filesystem::path& Gazetteer::path() const noexcept { return m_impl->path; }
std::uint64_t Gazetteer::fingerprint() const noexcept {
    const std::string_view info = build_info();
    return m_impl->header->header_hash ^ (fnv1a(info.data(), info.size()) * 0x9E3779B97F4A7C15ull);
}
std::span<const Candidate> Gazetteer::postings() const noexcept {
    return {m_impl->postings, static_cast<std::size_t>(m_impl->header->posting_count)};
}

geo::Place PlaceView::to_place() const {
    geo::Place p;
    p.id = id;
    p.name = name;
    p.kind = kind;
    p.country = country;
    p.admin1 = admin1;
    p.point = point;
    p.population = population;
    p.composite = composite;
    p.has_polygon = !polygon.empty();
    return p;
}

} // namespace geoevents::gazetteer
