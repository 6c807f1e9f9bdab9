#pragma once
// Flat, read-mostly string sets and maps for the lexicons: the keys live in
// one arena, the table is open addressing over 32-bit slots. Built once at
// load time, then only queried (safe to share between threads).
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace geoevents::news::detail {

/// Asks the memory for the cache line at `p`, to be read soon. An asm
/// statement on x86-64: GCC 12 drops __builtin_prefetch in the tokenizer's
/// lookup loop (no prefetch instruction was emitted there).
inline void prefetch_line(const void* p) noexcept {
#if defined(__x86_64__)
    asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(p)));
#else
    __builtin_prefetch(p);
#endif
}

inline std::uint64_t hash_word(std::string_view s) noexcept {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return h;
}

/// A set of strings mapping each to a 32-bit value (0 for plain sets).
/// Either owns its table (built by insert) or is a view of a table stored
/// elsewhere, e.g. in the mapped lexicon table (view(): the memory must
/// outlive the map and every copy of it; copying a view copies the view).
class WordMap {
public:
    /// One slot of the open-addressing table, as stored on disk too.
    struct Slot {
        std::uint32_t off = 0;  ///< key offset in the arena
        std::uint16_t len = 0, tag = 0;  ///< len 0: empty slot
        std::uint32_t value = 0;
    };

    WordMap() = default;
    WordMap(const WordMap& o) { *this = o; }
    WordMap(WordMap&& o) noexcept { *this = std::move(o); }
    WordMap& operator=(const WordMap& o) {
        if (this == &o) return *this;
        m_arena = o.m_arena;
        m_slots = o.m_slots;
        m_count = o.m_count;
        if (o.is_view()) set_view(o);
        else sync();
        return *this;
    }
    WordMap& operator=(WordMap&& o) noexcept {
        if (this == &o) return *this;
        const bool view = o.is_view();
        m_arena = std::move(o.m_arena);
        m_slots = std::move(o.m_slots);
        m_count = o.m_count;
        if (view) set_view(o);
        else sync();
        o.m_arena.clear();
        o.m_slots.clear();
        o.m_count = 0;
        o.sync();
        return *this;
    }

    /// A map reading `slots` (a power of two of them, with at least one
    /// empty) and `arena` in place. A damaged table never leads to a read
    /// outside them (find checks every offset and stops after a full turn).
    static WordMap view(std::span<const Slot> slots, std::string_view arena, std::size_t count) noexcept {
        WordMap m;
        m.m_table = slots.data();
        m.m_nslots = slots.size();
        m.m_text = arena.data();
        m.m_text_size = arena.size();
        m.m_count = count;
        return m;
    }
    /// An owning copy (of a view or of an owning map), to add entries to.
    WordMap to_owned() const {
        WordMap m;
        m.m_slots.assign(m_table, m_table + m_nslots);
        m.m_arena.assign(m_text, m_text_size);
        m.m_count = m_count;
        m.sync();
        return m;
    }
    bool is_view() const noexcept { return m_table && m_table != m_slots.data(); }
    /// The table as stored (for writing it to a file).
    std::span<const Slot> slots() const noexcept { return {m_table, m_nslots}; }
    std::string_view arena() const noexcept { return {m_text, m_text_size}; }

    /// Inserts `key` (no-op for the empty key); an existing key keeps its first value.
    /// REQUIRES: an owning map (not a view).
    void insert(std::string_view key, std::uint32_t value = 0) {
        if (key.empty() || key.size() > 0xFFFF) return;
        if ((m_count + 1) * 4 >= m_slots.size() * 3) grow();
        if (place(key, value)) ++m_count;
        sync();
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
        sync();
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
    const std::uint32_t* find(std::string_view key) const noexcept { return find(key, hash_word(key)); }
    /// The same with the key's hash_word() already computed.
    const std::uint32_t* find(std::string_view key, std::uint64_t h) const noexcept {
        if (m_nslots == 0 || key.empty() || key.size() > 0xFFFF) return nullptr;
        const std::size_t mask = m_nslots - 1;
        const auto tag = static_cast<std::uint16_t>(h >> 48);
        std::size_t i = h & mask;
        for (std::size_t probes = 0; probes < m_nslots; ++probes, i = (i + 1) & mask) {
            const Slot& s = m_table[i];
            if (s.len == 0) return nullptr;
            // The tag spares most reads of the arena (a cache miss each).
            if (s.tag == tag && s.len == key.size() && s.off <= m_text_size && s.len <= m_text_size - s.off &&
                std::memcmp(m_text + s.off, key.data(), s.len) == 0)
                return &s.value;
        }
        return nullptr;
    }
    /// Asks the memory for the slot of a key of hash `h` (hash_word): a big
    /// table is a cache miss per probe, which a caller that knows its next
    /// keys can overlap with other work.
    void prefetch(std::uint64_t h) const noexcept {
        if (m_nslots) prefetch_line(m_table + (h & (m_nslots - 1)));
    }
    std::size_t size() const noexcept { return m_count; }
    /// Calls fn(key, value) for every entry.
    template <class Fn>
    void for_each(Fn&& fn) const {
        for (const Slot& s : slots())
            if (s.len && s.off <= m_text_size && s.len <= m_text_size - s.off) fn(std::string_view(m_text + s.off, s.len), s.value);
    }

private:
    std::uint32_t* find_mut(std::string_view key) noexcept {
        return is_view() ? nullptr : const_cast<std::uint32_t*>(find(key));
    }
    void sync() noexcept {
        m_table = m_slots.data();
        m_nslots = m_slots.size();
        m_text = m_arena.data();
        m_text_size = m_arena.size();
    }
    void set_view(const WordMap& o) noexcept {
        m_table = o.m_table;
        m_nslots = o.m_nslots;
        m_text = o.m_text;
        m_text_size = o.m_text_size;
    }
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
    // What find() reads: the owned vectors above, or a view's memory.
    const Slot* m_table = nullptr;
    std::size_t m_nslots = 0;
    const char* m_text = nullptr;
    std::size_t m_text_size = 0;
};
static_assert(sizeof(WordMap::Slot) == 12);

/// A blocked Bloom filter over words: one cache line per query, about 1%
/// false positives at 10 bits per word, no false negatives. Owns its bits,
/// or views bits stored elsewhere (view(), as for WordMap).
class WordFilter {
public:
    WordFilter() = default;
    WordFilter(const WordFilter& o) : m_bits(o.m_bits) { o.is_view() ? set(o.m_data, o.m_size) : sync(); }
    WordFilter& operator=(const WordFilter& o) {
        if (this != &o) {
            m_bits = o.m_bits;
            o.is_view() ? set(o.m_data, o.m_size) : sync();
        }
        return *this;
    }
    /// REQUIRES: `bits` a power of two of 8-word blocks (or empty).
    static WordFilter view(std::span<const std::uint64_t> bits) noexcept {
        WordFilter f;
        f.set(bits.data(), bits.size());
        return f;
    }
    std::span<const std::uint64_t> bits() const noexcept { return {m_data, m_size}; }
    bool is_view() const noexcept { return m_data && m_data != m_bits.data(); }

    void reserve(std::size_t words) {
        std::size_t blocks = 1;
        while (blocks * 512 < words * 10) blocks *= 2;
        m_bits.assign(blocks * 8, 0);
        sync();
    }
    /// REQUIRES: an owning filter (not a view).
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
    bool may_contain(std::string_view key) const noexcept { return may_contain_hash(hash_word(key)); }
    /// The same with the key's hash_word() already computed.
    bool may_contain_hash(std::uint64_t h) const noexcept {
        if (m_size < 8) return false;
        const std::uint64_t* block = &m_data[(h & (m_size / 8 - 1)) * 8];
        std::uint64_t g = h >> 20;
        for (int i = 0; i < 6; ++i, g = g * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {
            const unsigned bit = static_cast<unsigned>(g >> 55);
            if (!(block[bit >> 6] & (std::uint64_t{1} << (bit & 63)))) return false;
        }
        return true;
    }

    /// Asks the memory for the block of a key of hash `h` (see WordMap::prefetch).
    void prefetch(std::uint64_t h) const noexcept {
        if (m_size >= 8) prefetch_line(m_data + (h & (m_size / 8 - 1)) * 8);
    }

private:
    void sync() noexcept { set(m_bits.data(), m_bits.size()); }
    void set(const std::uint64_t* data, std::size_t size) noexcept {
        m_data = data;
        m_size = size;
    }
    std::vector<std::uint64_t> m_bits;
    const std::uint64_t* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace geoevents::news::detail
