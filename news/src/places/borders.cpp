// Borders as places (docs/news.md, "Borders"): "la frontière Niger–Mali",
// "the Chad-Sudan border", "la frontière entre le Niger et le Mali", "the
// border between Chad and Sudan" name the line between two countries, not
// either of them. The two country mentions become one mention of a place of
// kind `border`: its point on the countries' shared boundary (GEOS
// intersection of their outlines), its id `border:<cc1>-<cc2>` (sorted),
// its `geometry` that line. "le long de la frontière avec le Mali", "its
// border with Mali" name one side only: the other is the country the
// sentence or the article is about, when the two touch (implicit_border()).
#include <algorithm>
#include <mutex>

#include "analysis.hpp"
#include "geoevents/geo/geometry.hpp"
#include "places/places.hpp"

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

/// The border place of two countries, cached by the reader (the
/// intersection of two outlines is computed once).
std::optional<geo::Place> border_place(Analysis& a, gazetteer::PlaceId p, gazetteer::PlaceId q) {
    const auto& u = a.view(p);
    const auto& v = a.view(q);
    if (u.country == v.country || u.country.empty() || v.country.empty()) return std::nullopt;
    const std::string id = "border:" + std::string(std::min(u.country, v.country)) + "-" + std::string(std::max(u.country, v.country));
    {
        const std::lock_guard<std::mutex> lock(a.rd.parts_mutex);
        if (const auto it = a.rd.parts.find(id); it != a.rd.parts.end()) {
            if (it->second.kind != geo::PlaceKind::border) return std::nullopt;  // known not to touch
            return it->second;
        }
    }
    std::optional<geo::Place> out = border_between(u, v);
    geo::Place remembered;  // kind `other`: the pair has no border
    const std::lock_guard<std::mutex> lock(a.rd.parts_mutex);
    a.rd.parts.emplace(id, out ? *out : remembered);
    return out;
}

} // namespace

std::optional<geo::Place> border_between(const gazetteer::PlaceView& a, const gazetteer::PlaceView& b) {
    const gazetteer::PlaceView* u = &a;
    const gazetteer::PlaceView* v = &b;
    if (u->country == v->country || u->country.empty() || v->country.empty()) return std::nullopt;
    if (v->country < u->country) std::swap(u, v);
    try {
        if (u->polygon.empty() || v->polygon.empty()) return std::nullopt;
        // Neighbours' outlines meet along their shared boundary: the
        // intersection is that line, in pieces (and points where they only
        // touch at a corner). The pieces are sewn into the longest lines,
        // then simplified to 0.01° (about 1 km, below what a map of the
        // region shows, as the areas layer does with polygons).
        const geo::Geometry line = geo::Geometry::from_wkb(u->polygon)
                                       .intersection(geo::Geometry::from_wkb(v->polygon))
                                       .merged_lines()
                                       .simplify(0.01);
        if (line.empty()) return std::nullopt;
        geo::Place p;
        p.id = "border:" + std::string(u->country) + "-" + std::string(v->country);
        p.name = std::string(u->name) + "–" + std::string(v->name) + " border";
        p.kind = geo::PlaceKind::border;
        p.point = line.representative_point();  // a vertex of the line, near its middle
        p.geometry = line.geojson(4);           // 4 decimals: about 10 m, far below the simplification
        return p;
    } catch (const Error&) {
        return std::nullopt;  // a broken outline: no border place; the countries stay
    }
}

namespace {

/// The label of a border: the two names as the article writes them, in its order.
std::string border_label(const Analysis& a, std::string_view nx, std::string_view ny) {
    return a.french ? "frontière " + std::string(nx) + "–" + std::string(ny) : std::string(nx) + "–" + std::string(ny) + " border";
}

/// Mention `m` becomes the border place over tokens [first, end).
void make_border(Analysis& a, Mention& m, std::size_t first, std::size_t end, geo::Place place, std::string label) {
    place.label = std::move(label);
    m.first = static_cast<std::uint32_t>(first);
    m.last = static_cast<std::uint32_t>(end);
    m.start = a.tokens[first].start;
    m.end = a.tokens[end - 1].end;
    m.part = a.add_part(std::move(place));
    m.border = true;
}

/// The name the article writes for the country `cc` (its first mention by
/// name); empty when it names it only by a demonym ("les soldats tchadiens")
/// or not at all.
std::string_view written_name(Analysis& a, std::string_view cc) {
    for (const Mention& m : a.mentions)
        if (names_country(a, m) && a.view(*m.place).country == cc) return a.text.substr(m.start, m.end - m.start);
    return {};
}

/// "le long de la frontière avec le Mali", "its border with Mali": mention
/// `mi` (a country) after a border noun and "avec"/"with" names one side; the
/// other is the country the sentence is about (the nearest place before it
/// in the sentence that lies in another country), else the one the article
/// names most (ties: the first named), as long as the two touch. Returns
/// whether the mention became the border.
bool implicit_border(Analysis& a, std::size_t mi) {
    Mention& y = a.mentions[mi];
    if (!names_country(a, y)) return false;
    const std::size_t with = before_article(a, y.first);
    if (with < 2 || !word_is(a, with - 1, {"avec", "with"}) || !border_noun(a, with - 2)) return false;
    const std::size_t noun = with - 2;
    const std::string_view cy = a.view(*y.place).country;
    // Countries in the order they are tried.
    std::vector<std::string_view> tried;
    auto country_of = [&](const Mention& m) -> std::string_view {
        if (!m.accepted || !m.place || m.part >= 0) return {};
        return a.view(*m.place).country;
    };
    const std::uint32_t sentence = a.tokens[y.first].sentence;
    for (std::size_t k = mi; k-- > 0;) {
        const Mention& m = a.mentions[k];
        if (a.tokens[m.first].sentence != sentence) break;
        if (const auto c = country_of(m); !c.empty() && c != cy) {
            tried.push_back(c);
            break;
        }
    }
    std::vector<std::pair<std::string_view, std::size_t>> counts;  // in order of first mention
    for (const Mention& m : a.mentions) {
        const auto c = country_of(m);
        if (c.empty() || c == cy) continue;
        auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& e) { return e.first == c; });
        if (it == counts.end()) counts.emplace_back(c, 1);
        else ++it->second;
    }
    std::stable_sort(counts.begin(), counts.end(), [](const auto& l, const auto& r) { return l.second > r.second; });
    if (!counts.empty()) tried.push_back(counts.front().first);
    for (const std::string_view cx : tried) {
        const auto other = a.gz.find_id("ne:" + std::string(cx));
        if (!other || a.view(*other).kind != geo::PlaceKind::country) continue;
        auto place = border_place(a, *other, *y.place);
        if (!place) continue;
        std::string_view nx = written_name(a, cx);
        // Not written: the gazetteer's name is English; a French article keeps its own words.
        if (nx.empty() && !a.french) nx = a.view(*other).name;
        std::string label = nx.empty() ? std::string(a.text.substr(a.tokens[noun].start, y.end - a.tokens[noun].start))
                                       : border_label(a, nx, a.text.substr(y.start, y.end - y.start));
        make_border(a, y, noun, y.last, std::move(*place), std::move(label));
        return true;
    }
    return false;
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
        make_border(a, x, first, end, std::move(*place),
                    border_label(a, a.text.substr(x.start, x.end - x.start), a.text.substr(y.start, y.end - y.start)));
        x.confidence = std::min(x.confidence, y.confidence);
        y.accepted = false;
        merged = true;
        ++mi;
    }
    if (merged) std::erase_if(a.mentions, [](const Mention& m) { return !m.accepted; });
    for (std::size_t mi = 0; mi < a.mentions.size(); ++mi) implicit_border(a, mi);
}

} // namespace geoevents::news::detail
