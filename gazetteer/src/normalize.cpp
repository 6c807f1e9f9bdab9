#include "geoevents/gazetteer/normalize.hpp"

#include <utf8proc.h>

#include <array>

namespace geoevents::gazetteer {

namespace {

// What an ASCII byte becomes: itself lower-cased, a separator (' '), or nothing (0).
constexpr std::array<char, 128> make_ascii_map() {
    std::array<char, 128> m{};
    for (int c = 0; c < 128; ++c) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) m[c] = static_cast<char>(c);
        else if (c >= 'A' && c <= 'Z') m[c] = static_cast<char>(c - 'A' + 'a');
        else if (c == '.') m[c] = 0;
        else m[c] = ' ';
    }
    return m;
}
constexpr auto ascii_map = make_ascii_map();

inline void put(std::string& out, char c) {
    if (c == ' ') {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else if (c) {
        out.push_back(c);
    }
}

void put_codepoint(std::string& out, utf8proc_int32_t cp) {
    if (cp < 128) {
        put(out, ascii_map[static_cast<unsigned>(cp)]);
        return;
    }
    switch (cp) {
    case 0x0153: out += "oe"; return;  // œ
    case 0x00E6: out += "ae"; return;  // æ
    case 0x00F8: out += "o"; return;   // ø has no decomposition
    case 0x0142: out += "l"; return;   // ł
    case 0x0111: out += "d"; return;   // đ
    case 0x0131: out += "i"; return;   // dotless i
    default: break;
    }
    const auto cat = utf8proc_category(cp);
    const bool word = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                      (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    if (!word) {
        // Combining marks vanish (they only survive when not decomposed); the rest separates.
        if (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) return;
        put(out, ' ');
        return;
    }
    utf8proc_uint8_t buf[8];
    const auto n = utf8proc_encode_char(cp, buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

} // namespace

void normalize_into(std::string_view s, std::string& out) {
    const std::size_t start = out.size();
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 128) {
            put(out, ascii_map[c]);
            ++i;
            continue;
        }
        utf8proc_int32_t cp = -1;
        const auto len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (len <= 0 || cp < 0) {  // invalid byte: skip it
            ++i;
            continue;
        }
        i += static_cast<std::size_t>(len);
        utf8proc_int32_t decomposed[8];
        int last_boundclass = 0;
        const auto n = utf8proc_decompose_char(
            cp, decomposed, 8,
            static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE),
            &last_boundclass);
        if (n < 0 || n > 8) {
            put(out, ' ');
            continue;
        }
        for (int k = 0; k < n; ++k) put_codepoint(out, decomposed[k]);
    }
    if (out.size() > start && out.back() == ' ') out.pop_back();
    if (out.size() > start && out[start] == ' ') out.erase(start, 1);
}

std::string normalize(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    normalize_into(s, out);
    return out;
}

} // namespace geoevents::gazetteer
