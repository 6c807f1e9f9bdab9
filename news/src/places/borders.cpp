// Borders as places (docs/news.md, "Borders"): "la frontière Niger–Mali",
// "the Chad-Sudan border", "la frontière entre le Niger et le Mali", "the
// border between Chad and Sudan" name the line between two countries, not
// either of them. The two country mentions become one mention of a place of
// kind `border`: its point on the countries' shared boundary (GEOS
// intersection of their outlines), its id `border:<cc1>-<cc2>` (sorted).
#include <algorithm>
#include <mutex>

#include "analysis.hpp"
#include "geoevents/geo/geometry.hpp"

namespace geoevents::news::detail {

namespace {

bool word_is(const Analysis& a, std::size_t k, std::initializer_list<std::string_view> words) {
    if (k >= a.tokens.size() || !a.tokens[k].is(tf_word)) return false;
    const std::string_view key = a.key(k);
    return std::find(words.begin(), words.end(), key) != words.end();
}

bool border_noun(const Analysis& a, std::size_t k) {
    return k < a.tokens.size() && a.tokens[k].is(tf_word) && a.lex.border_nouns.contains(a.key(k));
}

/// A mention that is a country under its name (not a demonym, not a part).
bool names_country(Analysis& a, const Mention& m) {
    return m.accepted && !m.demonym && m.place && m.part < 0 && !m.direction && !m.approximate &&
           a.view(*m.place).kind == geo::PlaceKind::country;
}

/// Token before k, skipping one article ("le", "la", "l'", "les", "the").
std::size_t before_article(const Analysis& a, std::size_t k) {
    if (k > 0 && word_is(a, k - 1, {"le", "la", "l", "les", "the"})) --k;
    return k;
}

/// The first token of a border expression whose countries are mentions
/// `x` and `y` (consecutive), and its end (exclusive) through `*end`; npos
/// when they make none.
std::size_t border_span(const Analysis& a, const Mention& x, const Mention& y, std::size_t* end) {
    constexpr auto npos = static_cast<std::size_t>(-1);
    const auto& toks = a.tokens;
    if (toks[x.first].sentence != toks[y.first].sentence) return npos;
    // "Niger–Mali", "Chad-Sudan", "Niger/Mali": one dash or slash between the names.
    if (y.first == x.last + 1 && !toks[x.last].is(tf_word) && (toks[x.last].is(tf_hyphen) || toks[x.last].punct == '/')) {
        if (x.first > 0 && border_noun(a, x.first - 1)) {  // "la frontière Niger–Mali"
            *end = y.last;
            return x.first - 1;
        }
        if (border_noun(a, y.last)) {  // "the Chad-Sudan border"
            *end = y.last + 1;
            return x.first;
        }
        return npos;
    }
    // "la frontière entre le Niger et le Mali", "the border between Chad and Sudan".
    const std::size_t between = before_article(a, x.first);
    if (between < 2 || !word_is(a, between - 1, {"entre", "between"}) || !border_noun(a, between - 2)) return npos;
    if (!word_is(a, x.last, {"et", "and"}) || before_article(a, y.first) != x.last + 1) return npos;
    *end = y.last;
    return between - 2;
}

/// The border place of two countries (cached by the reader: the intersection
/// of two outlines is computed once).
std::optional<geo::Place> border_place(Analysis& a, gazetteer::PlaceId p, gazetteer::PlaceId q) {
    auto u = a.view(p), v = a.view(q);
    if (u.country == v.country || u.country.empty() || v.country.empty()) return std::nullopt;
    if (v.country < u.country) std::swap(u, v);
    const std::string id = "border:" + std::string(u.country) + "-" + std::string(v.country);
    {
        const std::lock_guard<std::mutex> lock(a.rd.parts_mutex);
        if (const auto it = a.rd.parts.find(id); it != a.rd.parts.end()) {
            if (it->second.kind != geo::PlaceKind::border) return std::nullopt;  // known not to touch
            return it->second;
        }
    }
    std::optional<geo::Place> out;
    try {
        if (u.polygon.empty() || v.polygon.empty()) throw GeometryError("no outline");
        // Neighbours' outlines meet along their shared boundary: the
        // intersection is that line (a point or nothing when they only touch
        // at a corner or not at all).
        const geo::Geometry line = geo::Geometry::from_wkb(u.polygon).intersection(geo::Geometry::from_wkb(v.polygon));
        const std::string type = line.empty() ? std::string() : line.type_name();
        if (!type.empty() && type != "Point" && type != "MultiPoint") {
            geo::Place b;
            b.id = id;
            b.name = std::string(u.name) + "–" + std::string(v.name) + " border";
            b.kind = geo::PlaceKind::border;
            b.point = line.representative_point();  // a vertex of the line, near its middle
            out = std::move(b);
        }
    } catch (const Error&) {
        // No outline, or a broken one: no border place; the countries stay.
    }
    geo::Place remembered;  // kind `other`: the pair has no border
    const std::lock_guard<std::mutex> lock(a.rd.parts_mutex);
    a.rd.parts.emplace(id, out ? *out : remembered);
    return out;
}

} // namespace

void find_borders(Analysis& a) {
    bool merged = false;
    for (std::size_t mi = 0; mi + 1 < a.mentions.size(); ++mi) {
        Mention& x = a.mentions[mi];
        Mention& y = a.mentions[mi + 1];
        if (!names_country(a, x) || !names_country(a, y)) continue;
        std::size_t end = 0;
        const std::size_t first = border_span(a, x, y, &end);
        if (first == static_cast<std::size_t>(-1)) continue;
        auto place = border_place(a, *x.place, *y.place);
        if (!place) continue;
        // The label: the two names as the article writes them, in its order.
        const std::string_view nx = a.text.substr(x.start, x.end - x.start), ny = a.text.substr(y.start, y.end - y.start);
        place->label = a.french ? "frontière " + std::string(nx) + "–" + std::string(ny)
                                : std::string(nx) + "–" + std::string(ny) + " border";
        x.first = static_cast<std::uint32_t>(first);
        x.last = static_cast<std::uint32_t>(end);
        x.start = a.tokens[first].start;
        x.end = a.tokens[end - 1].end;
        x.part = a.add_part(std::move(*place));
        x.border = true;
        x.confidence = std::min(x.confidence, y.confidence);
        y.accepted = false;
        merged = true;
        ++mi;
    }
    if (merged) std::erase_if(a.mentions, [](const Mention& m) { return !m.accepted; });
}

} // namespace geoevents::news::detail
