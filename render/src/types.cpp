#include "geoevents/render/types.hpp"

namespace geoevents::render {

namespace {
int hex_digit(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
} // namespace

std::optional<Color> parse_color(std::string_view text) noexcept {
    if ((text.size() != 7 && text.size() != 9) || text[0] != '#') return std::nullopt;
    std::uint8_t v[4] = {0, 0, 0, 255};
    for (std::size_t i = 1, k = 0; i < text.size(); i += 2, ++k) {
        const int hi = hex_digit(text[i]), lo = hex_digit(text[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        v[k] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return Color{v[0], v[1], v[2], v[3]};
}

} // namespace geoevents::render
