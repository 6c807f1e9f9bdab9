#pragma once
// Flat, read-mostly string sets and maps for the lexicons: the keys live in
// one arena, the table is open addressing over 32-bit slots. Built once at
// load time, then only queried (safe to share between threads).
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace geoevents::news::detail {

inline std::uint64_t hash_word(std::string_view s) noexcept {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return h;
}

/// A set of strings mapping each to a 32-bit value (0 for plain sets).
class WordMap {
public:
    /// Inserts `key` (no-op for the empty key); an existing key keeps its first value.
    void insert(std::string_view key, std::uint32_t value = 0) {
        if (key.empty() || key.size() > 0xFFFF) return;
        if ((m_count + 1) * 4 >= m_slots.size() * 3) grow();
        if (place(key, value)) ++m_count;
    }
    /// Makes room for `n` keys (and about 12 bytes each of key text) without growing.
    void reserve(std::size_t n, std::size_t text_bytes = 0) {
        std::size_t slots = 64;
        while (slots * 3 < n * 4 + 4) slots *= 2;
        if (slots > m_slots.size()) {
            if (m_count == 0) m_slots.assign(slots, Slot{});
            else while (m_slots.size() < slots) grow();
        }
        m_arena.reserve(text_bytes ? text_bytes : n * 12);
    }
    /// Inserts `key` with `bits`, or ORs them into the value of an existing key.
    void insert_or(std::string_view key, std::uint32_t bits) {
        if (key.empty()) return;
        if (auto* v = find_mut(key)) {
            *v |= bits;
            return;
        }
        insert(key, bits);
    }
    bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }
    /// Pointer to the value of `key`, nullptr when absent.
    const std::uint32_t* find(std::string_view key) const noexcept {
        if (m_slots.empty() || key.empty() || key.size() > 0xFFFF) return nullptr;
        const std::size_t mask = m_slots.size() - 1;
        const std::uint64_t h = hash_word(key);
        const auto tag = static_cast<std::uint16_t>(h >> 48);
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& s = m_slots[i];
            if (s.len == 0) return nullptr;
            // The tag spares most reads of the arena (a cache miss each).
            if (s.tag == tag && s.len == key.size() && std::string_view(m_arena.data() + s.off, s.len) == key)
                return &s.value;
        }
    }
    std::size_t size() const noexcept { return m_count; }
    /// Calls fn(key, value) for every entry.
    template <class Fn>
    void for_each(Fn&& fn) const {
        for (const Slot& s : m_slots)
            if (s.len) fn(std::string_view(m_arena.data() + s.off, s.len), s.value);
    }
    /// Calls fn(key, value&) for every entry (values may be changed, keys not).
    template <class Fn>
    void for_each(Fn&& fn) {
        for (Slot& s : m_slots)
            if (s.len) fn(std::string_view(m_arena.data() + s.off, s.len), s.value);
    }

private:
    std::uint32_t* find_mut(std::string_view key) noexcept { return const_cast<std::uint32_t*>(find(key)); }
    struct Slot {
        std::uint32_t off = 0;
        std::uint16_t len = 0, tag = 0;
        std::uint32_t value = 0;
    };
    bool place(std::string_view key, std::uint32_t value) {
        const std::size_t mask = m_slots.size() - 1;
        const std::uint64_t h = hash_word(key);
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            Slot& s = m_slots[i];
            if (s.len == 0) {
                s.off = static_cast<std::uint32_t>(m_arena.size());
                s.len = static_cast<std::uint16_t>(key.size());
                s.tag = static_cast<std::uint16_t>(h >> 48);
                s.value = value;
                m_arena.append(key);
                return true;
            }
            if (s.len == key.size() && std::string_view(m_arena.data() + s.off, s.len) == key) return false;
        }
    }
    void grow() {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 64 : old.size() * 2, Slot{});
        const std::size_t mask = m_slots.size() - 1;
        for (const Slot& s : old) {
            if (s.len == 0) continue;
            for (std::size_t i = hash_word(std::string_view(m_arena.data() + s.off, s.len)) & mask;; i = (i + 1) & mask)
                if (m_slots[i].len == 0) {
                    m_slots[i] = s;
                    break;
                }
        }
    }
    std::string m_arena;
    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
};

/// A blocked Bloom filter over words: one cache line per query, about 1%
/// false positives at 10 bits per word, no false negatives.
class WordFilter {
public:
    void reserve(std::size_t words) {
        std::size_t blocks = 1;
        while (blocks * 512 < words * 10) blocks *= 2;
        m_bits.assign(blocks * 8, 0);
    }
    void insert(std::string_view key) {
        if (m_bits.empty()) reserve(1024);
        const std::uint64_t h = hash_word(key);
        std::uint64_t* block = &m_bits[(h & (m_bits.size() / 8 - 1)) * 8];
        std::uint64_t g = h >> 20;
        for (int i = 0; i < 6; ++i, g = g * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {
            const unsigned bit = static_cast<unsigned>(g >> 55);  // 0..511
            block[bit >> 6] |= std::uint64_t{1} << (bit & 63);
        }
    }
    bool may_contain(std::string_view key) const noexcept {
        if (m_bits.empty()) return false;
        const std::uint64_t h = hash_word(key);
        const std::uint64_t* block = &m_bits[(h & (m_bits.size() / 8 - 1)) * 8];
        std::uint64_t g = h >> 20;
        for (int i = 0; i < 6; ++i, g = g * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {
            const unsigned bit = static_cast<unsigned>(g >> 55);
            if (!(block[bit >> 6] & (std::uint64_t{1} << (bit & 63)))) return false;
        }
        return true;
    }

private:
    std::vector<std::uint64_t> m_bits;
};

} // namespace geoevents::news::detail
