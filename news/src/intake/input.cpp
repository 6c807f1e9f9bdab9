#include "intake/input.hpp"

#include <cstring>

namespace geoevents::news::detail {

namespace {

/// Length of the valid UTF-8 sequence at s[i] (1–4), or 0 when invalid.
inline std::size_t utf8_len(std::string_view s, std::size_t i) noexcept {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    const std::size_t n = s.size();
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;  // continuation byte or overlong 2-byte lead
    if (c < 0xE0) return i + 1 < n && (b(i + 1) & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        if (i + 2 >= n || (b(i + 1) & 0xC0) != 0x80 || (b(i + 2) & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && b(i + 1) < 0xA0) return 0;   // overlong
        if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogates
        return 3;
    }
    if (c < 0xF5) {
        if (i + 3 >= n || (b(i + 1) & 0xC0) != 0x80 || (b(i + 2) & 0xC0) != 0x80 || (b(i + 3) & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && b(i + 1) < 0x90) return 0;   // overlong
        if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

/// Index of the first NUL byte or npos (memchr is vectorised by the C library).
std::size_t find_nul(std::string_view s) noexcept {
    const void* p = std::memchr(s.data(), 0, s.size());
    return p ? static_cast<std::size_t>(static_cast<const char*>(p) - s.data()) : std::string_view::npos;
}

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

bool ieq(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (x != b[i]) return false;
    }
    return true;
}

/// Reads a `date 2022-02` / `date: 2022-02-17` header at `pos`; sets body and date.
void read_header(Prepared& p) {
    const std::string_view t = p.text;
    std::size_t i = p.body;
    while (i < t.size() && is_space(t[i])) ++i;
    if (i + 4 > t.size() || !ieq(t.substr(i, 4), "date")) return;
    i += 4;
    const std::size_t after_word = i;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    if (i < t.size() && t[i] == ':') ++i;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    if (i == after_word) return;  // "dates…", "datelines"
    std::size_t j = i;
    while (j < t.size() && ((t[j] >= '0' && t[j] <= '9') || t[j] == '-')) ++j;
    if (j < t.size() && !is_space(t[j])) return;
    const auto d = ReferenceDate::parse(t.substr(i, j - i));
    if (!d) return;
    p.header_date = d;
    // The rest of the header line, when blank, belongs to the header; else the
    // story starts on the same line (some copies run header and text together).
    std::size_t k = j;
    while (k < t.size() && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r')) ++k;
    if (k >= t.size() || t[k] == '\n') p.body = k < t.size() ? k + 1 : k;
    else p.body = k;
}

} // namespace

std::size_t find_invalid_utf8(std::string_view s) noexcept {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        // ASCII fast path, 8 bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        const std::size_t len = utf8_len(s, i);
        if (len == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

Prepared prepare_input(std::string_view bytes, const ReadOptions& options) {
    const std::string& file = options.source.empty() ? std::string("<input>") : options.source;
    if (bytes.size() > options.max_bytes)
        throw ParseError::at_byte(file, options.max_bytes,
                                  "article too large (" + std::to_string(bytes.size()) + " bytes; the limit is " +
                                      std::to_string(options.max_bytes) + " bytes per article): refused");
    if (const auto nul = find_nul(bytes); nul != std::string_view::npos)
        throw ParseError::at_byte(file, nul, "NUL byte: this looks like a binary file, not a text article");
    Prepared p;
    p.text = bytes;
    const std::size_t bad = find_invalid_utf8(bytes);
    if (bad != std::string_view::npos) {
        if (!options.lenient)
            throw ParseError::at_byte(file, bad,
                                      "invalid UTF-8 (byte 0x" +
                                          [&] {
                                              static const char* hex = "0123456789ABCDEF";
                                              const auto c = static_cast<unsigned char>(bytes[bad]);
                                              return std::string{hex[c >> 4], hex[c & 15]};
                                          }() +
                                          "); convert the file to UTF-8, or use --lenient to replace bad bytes");
        // Each invalid byte stands for one U+FFFD; a space keeps every offset
        // equal to the file's (a replacement character would be 3 bytes).
        p.owned.assign(bytes);
        p.first_invalid = bad;
        std::size_t i = bad;
        while (i < p.owned.size()) {
            const std::size_t len = utf8_len(p.owned, i);
            if (len == 0) {
                p.owned[i] = ' ';
                ++p.replaced;
                ++i;
            } else {
                i += len;
            }
        }
        p.text = p.owned;
    }
    if (p.text.size() >= 3 && static_cast<unsigned char>(p.text[0]) == 0xEF &&
        static_cast<unsigned char>(p.text[1]) == 0xBB && static_cast<unsigned char>(p.text[2]) == 0xBF)
        p.body = 3;
    read_header(p);
    return p;
}

} // namespace geoevents::news::detail
