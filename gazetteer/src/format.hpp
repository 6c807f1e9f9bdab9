#pragma once
// On-disk layout of the index (little-endian, all sections 8-byte aligned).
// The file is mapped read-only and used in place: no parsing at load.
//
//   Header | PlaceRec[place_count] | Slot[slot_count] | Candidate[posting_count]
//   | u32 id_order[place_count] | strings | blobs (WKB)
//
// Strings are stored as u16 length + bytes, referenced by offset into the
// string section. Slots form an open-addressing hash table (linear probing,
// slot_count a power of two) over normalised keys; a slot either owns a run
// of postings (Candidates, best first) or only marks a key as the prefix of a
// longer multi-word key.
#include <cstdint>
#include <string_view>

#include "geoevents/gazetteer/gazetteer.hpp"

namespace geoevents::gazetteer::detail {

inline constexpr char magic[8] = {'G', 'E', 'O', 'E', 'V', 'I', 'D', 'X'};
inline constexpr std::uint32_t format_version = 1;

struct Header {
    char magic[8];
    std::uint32_t version;
    std::uint32_t header_size;
    std::uint64_t file_size;
    std::uint32_t place_count;
    std::uint32_t slot_count;
    std::uint64_t posting_count;
    std::uint64_t name_count;
    std::uint64_t places_off, slots_off, postings_off, id_order_off;
    std::uint64_t strings_off, strings_size, blobs_off, blobs_size;
    std::uint32_t info_off, info_len;
    std::uint64_t header_hash;  ///< FNV-1a of the bytes before this field
};

enum PlaceFlags : std::uint8_t { flag_capital = 1, flag_composite = 2, flag_curated = 4 };

struct PlaceRec {
    double lon, lat;
    std::int64_t population;
    float importance;
    std::uint32_t id_off, name_off, admin1_off;
    std::uint32_t poly_off, poly_len, detail_off, detail_len;
    char country[2];
    std::uint8_t kind;
    std::uint8_t flags;
    std::uint32_t reserved;
};
static_assert(sizeof(PlaceRec) == 64);

enum SlotFlags : std::uint16_t { slot_used = 1, slot_prefix = 2 };

struct Slot {
    std::uint64_t hash;
    std::uint32_t key_off;   ///< string offset of the key
    std::uint16_t key_len;
    std::uint16_t flags;
    std::uint32_t post_begin;
    std::uint32_t post_count;
};
static_assert(sizeof(Slot) == 24);
static_assert(sizeof(Candidate) == 12);

inline std::uint64_t hash_key(std::string_view s) noexcept {
    // FNV-1a then a final mix: fast on short keys, good enough spread for linear probing.
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

inline std::uint64_t fnv1a(const void* data, std::size_t n) noexcept {
    std::uint64_t h = 1469598103934665603ull;
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

} // namespace geoevents::gazetteer::detail
