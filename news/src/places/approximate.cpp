// Small places the gazetteer does not know (docs/news.md, "Approximate
// places"): a settlement named with a cue ("le village de Tassit", "Tassit,
// a village 40 km north of Gao", "the camp of Ntahaka, in the Gao region")
// becomes a place of its own, at the point of its anchor shifted by the
// distance and direction given, with the radius it lies within. Without an
// anchor the name is left alone: no guess, and never a namesake far away.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <span>

#include "analysis.hpp"
#include "geoevents/geo/geodesic.hpp"

namespace geoevents::news::detail {

namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

/// How far from its anchor a place may lie, by what the text says: a distance
/// with a direction (rounded in news, the direction one of eight: about 40 %
/// of the distance sideways), a distance alone (anywhere on that ring), "near"
/// (the outskirts), or inside the anchor (its size, by kind).
double inside_radius_km(const geo::Place& anchor) noexcept {
    switch (anchor.kind) {
    case geo::PlaceKind::city:
    case geo::PlaceKind::base:
    case geo::PlaceKind::landmark: return 30;
    case geo::PlaceKind::admin2: return 75;
    case geo::PlaceKind::country: return 400;
    default: return 150;  // admin1, regions, lakes, rivers…
    }
}
constexpr double near_radius_km = 25;

double direction_azimuth(std::uint32_t dir) noexcept {
    switch (dir) {
    case dir_n: return 0;
    case dir_n | dir_e: return 45;
    case dir_e: return 90;
    case dir_s | dir_e: return 135;
    case dir_s: return 180;
    case dir_s | dir_w: return 225;
    case dir_w: return 270;
    case dir_n | dir_w: return 315;
    default: return -1;
    }
}

/// "50 km" before token `at`: the distance in kilometres, and the number's token.
std::optional<std::pair<double, std::size_t>> distance_before(const Analysis& a, std::size_t at) {
    const auto& toks = a.tokens;
    if (at < 2 || !toks[at - 1].is(tf_word) || !toks[at - 2].is(tf_word) || !toks[at - 2].is(tf_digit)) return std::nullopt;
    const std::string_view unit = a.key(at - 1);
    double factor = 0;
    if (unit == "km" || unit == "kilometres" || unit == "kilometers" || unit == "kilometre" || unit == "kilometer") factor = 1;
    else if (unit == "miles" || unit == "mile") factor = 1.609344;
    else return std::nullopt;
    const std::string_view raw = a.raw(toks[at - 2]);
    double n = 0;
    const auto r = std::from_chars(raw.data(), raw.data() + raw.size(), n);
    if (r.ec != std::errc() || r.ptr != raw.data() + raw.size() || n <= 0 || n > 500) return std::nullopt;
    return std::pair{n * factor, at - 2};
}

struct Anchor {
    std::size_t mention = npos;
    geo::LonLat point;
    double radius_km = 0;
};

class Finder {
public:
    explicit Finder(Analysis& a) : m_a(a), m_toks(a.tokens), m_mention_at(a.tokens.size(), npos) {
        for (std::size_t mi = 0; mi < a.mentions.size(); ++mi)
            for (std::size_t q = a.mentions[mi].first; q < a.mentions[mi].last; ++q) m_mention_at[q] = mi;
    }

    void run() {
        std::vector<Mention> made;
        std::vector<std::size_t> replaced;
        for (const Sentence& s : m_a.sentences) {
            for (std::size_t k = s.first; k < s.last; ++k) {
                std::size_t name_first = npos, name_last = npos, after = npos;
                bool camp = false;
                // "le village de X", "the town of X".
                if (settlement(k, &camp) && k + 2 < s.last && of_word(k + 1)) {
                    name_first = k + 2;
                    name_last = name_end(name_first, s.last);
                    after = name_last;
                }
                // "X, un village …", "X, a small town …" (the name may open the sentence).
                else if (k == s.first || !word(k - 1) || !m_toks[k - 1].is(tf_cap)) {
                    const std::size_t e = name_end(k, s.last);
                    std::size_t q = e;
                    if (e != npos && q < s.last && !m_toks[q].is(tf_word) && m_toks[q].punct == ',') {
                        ++q;
                        if (q < s.last && article(q)) ++q;
                        if (q < s.last && m_toks[q].is(tf_word) && m_toks[q].is(tf_lower) && !settlement(q, &camp)) ++q;  // "small"
                        if (q < s.last && settlement(q, &camp)) {
                            name_first = k;
                            name_last = e;
                            after = q + 1;
                        }
                    }
                }
                if (name_first == npos || name_last == npos || name_last <= name_first) continue;
                const auto anchor = find_anchor(after, s.last);
                if (!anchor) continue;
                k = name_last - 1;
                add(name_first, name_last, *anchor, camp, made, replaced);
            }
        }
        if (made.empty()) return;
        std::vector<Mention> out;
        out.reserve(m_a.mentions.size() + made.size());
        for (std::size_t mi = 0; mi < m_a.mentions.size(); ++mi)
            if (std::find(replaced.begin(), replaced.end(), mi) == replaced.end()) out.push_back(m_a.mentions[mi]);
        out.insert(out.end(), made.begin(), made.end());
        std::stable_sort(out.begin(), out.end(), [](const Mention& x, const Mention& y) { return x.first < y.first; });
        m_a.mentions = std::move(out);
    }

private:
    Analysis& m_a;
    std::vector<Token>& m_toks;
    std::vector<std::size_t> m_mention_at;

    bool word(std::size_t k) const { return k < m_toks.size() && m_toks[k].is(tf_word); }
    std::string_view key(std::size_t k) const { return m_a.key(k); }

    bool settlement(std::size_t k, bool* camp) const {
        if (!word(k) || !m_toks[k].is(tf_lower)) return false;
        const std::uint32_t* v = m_a.lex.settlement_nouns.find(key(k), m_a.hash(k));
        if (!v) return false;
        *camp = *v != 0;
        return true;
    }
    bool of_word(std::size_t k) const {
        if (!word(k)) return false;
        const std::string_view w = key(k);
        return w == "de" || w == "d" || w == "of";
    }
    bool article(std::size_t k) const {
        if (!word(k)) return false;
        const std::string_view w = key(k);
        return w == "un" || w == "une" || w == "le" || w == "la" || w == "l" || w == "a" || w == "an" || w == "the";
    }
    /// A word that may open a small place's name: capitalised, not a person,
    /// organisation, date or stopword, not the first word of a sentence.
    bool name_start(std::size_t k) const {
        if (!word(k)) return false;
        const Token& t = m_toks[k];
        return t.is(tf_cap) && !t.is(tf_allcaps) && !t.is(tf_sent_start) && !t.is(tf_person) && !t.is(tf_org) &&
               !t.is(tf_date) && !t.is(tf_stop) && !t.is(tf_title);
    }
    /// The end (exclusive) of a name of up to three capitalised words joined
    /// by spaces or hyphens ("Ber", "In-Tillit", "Tin Zaouatene"); npos if none.
    std::size_t name_end(std::size_t k, std::size_t limit) const {
        const bool own = k < m_toks.size() && (name_start(k) || (m_toks[k].is(tf_sent_start) && m_toks[k].is(tf_cap) &&
                                                                 !m_toks[k].is(tf_person) && !m_toks[k].is(tf_stop)));
        if (!own) return npos;
        std::size_t e = k + 1, words = 1;
        while (e < limit && words < 3) {
            if (!m_toks[e].is(tf_word) && m_toks[e].is(tf_hyphen) && m_toks[e].is(tf_joined) && e + 1 < limit &&
                word(e + 1) && m_toks[e + 1].is(tf_cap)) {
                e += 2;
                ++words;
                continue;
            }
            if (word(e) && m_toks[e].is(tf_cap) && !m_toks[e].is(tf_stop) && !m_toks[e].is(tf_date)) {
                ++e;
                ++words;
                continue;
            }
            break;
        }
        return e;
    }

    /// The place an accepted mention stands for, when it can anchor: a resolved
    /// name, not a demonym, a part or another approximate place.
    std::optional<geo::Place> anchor_place(std::size_t mi) const {
        const Mention& m = m_a.mentions[mi];
        if (m.demonym || !m.place || m.part >= 0) return std::nullopt;
        return m_a.gz.place(*m.place).to_place();
    }

    /// The anchor in the words after the cue, within the sentence: "à 40 km au
    /// nord de Gao", "40 km north of Gao", "à 40 km de Gao", "près de Gao",
    /// "near Gao", "dans la région de Gao", "in the Gao region", "au Mali".
    std::optional<Anchor> find_anchor(std::size_t from, std::size_t limit) const {
        for (std::size_t k = from, words = 0; k < limit && words < 12; ++k) {
            const Token& t = m_toks[k];
            if (!t.is(tf_word)) {
                if (t.is(tf_term) || t.punct == ';' || t.punct == '(') return std::nullopt;
                continue;
            }
            ++words;
            // A distance: a number and a unit.
            if (t.is(tf_digit) && k + 2 < limit)
                if (const auto d = distance_before(m_a, k + 2)) return distance_anchor(k + 2, limit, d->first);
            const std::string_view w = key(k);
            // Only the words of a place phrase may come between: another word
            // ("mardi", "a annoncé l'armée à Bamako") ends the search.
            const bool phrase_word = m_mention_at[k] != npos || (t.lex & (lx_prep | lx_direction)) || article(k) ||
                                     of_word(k) || m_a.lex.place_nouns.contains(w) || w == "situe" || w == "situee" ||
                                     w == "located" || w == "situated" || w == "non" || w == "pres" || w == "near" ||
                                     w == "outside" || w == "proximite" || w == "abords";
            if (!phrase_word) return std::nullopt;
            // "près de Gao", "non loin de Gao", "à proximité de Gao", "near Gao", "outside Gao".
            if (w == "pres" || w == "near" || w == "outside" || w == "proximite" || w == "abords") {
                std::size_t q = k + 1;
                while (q < limit && word(q) && (of_word(q) || article(q))) ++q;
                // Near a city: its outskirts; near an area ("near Myanmar"): anywhere in it.
                if (q < limit && m_mention_at[q] != npos)
                    if (const auto p = anchor_place(m_mention_at[q]))
                        return Anchor{m_mention_at[q], p->point, std::max(near_radius_km, inside_radius_km(*p) - 30)};
                return std::nullopt;
            }
            // Inside a named place: "dans la région de Gao", "in the Gao region", "au Mali", "in Mali".
            if (m_mention_at[k] != npos) {
                const std::size_t mi = m_mention_at[k];
                const std::uint32_t prep = preposition_before(m_a, m_a.mentions[mi].first);
                bool inside = prep == prep_loc;
                if (!inside && (prep == prep_gen) && m_a.mentions[mi].first >= 2) {
                    // "la région de Gao", "the province of Ghazni".
                    std::size_t g = m_a.mentions[mi].first - 1;
                    while (g > from && word(g) && (of_word(g) || article(g))) --g;
                    inside = word(g) && m_a.lex.place_nouns.contains(key(g));
                }
                if (inside)
                    if (const auto p = anchor_place(mi)) return Anchor{mi, p->point, inside_radius_km(*p)};
                return std::nullopt;
            }
        }
        return std::nullopt;
    }

    /// After "40 km": a direction and "de/of" ("au nord de Gao", "north of
    /// Gao", "au nord-est de"), or "de/from" alone, then the anchor.
    std::optional<Anchor> distance_anchor(std::size_t k, std::size_t limit, double km) const {
        if (k < limit && word(k) && (key(k) == "au" || key(k) == "a" || key(k) == "l")) ++k;
        std::uint32_t dir = 0;
        if (k < limit && word(k)) {
            std::string_view keys[3];
            std::size_t last = k;
            const std::size_t got = word_keys(m_a, k, 3, keys, &last);
            if (const auto d = m_a.lex.directions.longest(std::span<const std::string_view>(keys, got))) {
                dir = d->value;
                // Skip the direction's words.
                for (std::size_t seen = 0; k < limit && seen < d->words; ++k)
                    if (word(k)) ++seen;
            }
        }
        while (k < limit && word(k) && (of_word(k) || article(k) || key(k) == "du" || key(k) == "from")) ++k;
        if (k >= limit || m_mention_at[k] == npos) return std::nullopt;
        const std::size_t mi = m_mention_at[k];
        const auto p = anchor_place(mi);
        if (!p) return std::nullopt;
        const double az = direction_azimuth(dir);
        if (az < 0) return Anchor{mi, p->point, km + 5};  // a ring around the anchor
        return Anchor{mi, geo::geodesic_direct(p->point, az, km * 1000.0), 0.4 * km + 5};
    }

    void add(std::size_t first, std::size_t last, const Anchor& anchor, bool camp, std::vector<Mention>& made,
             std::vector<std::size_t>& replaced) {
        // A gazetteer name on these words: kept when it lies where the text
        // says; a namesake far away gives way ("le village de Kobe" near Mopti).
        std::optional<std::size_t> existing;
        for (std::size_t q = first; q < last; ++q)
            if (m_mention_at[q] != npos) existing = m_mention_at[q];
        if (existing) {
            const Mention& m = m_a.mentions[*existing];
            if (m.first != first || m.last != last || m.demonym) return;  // part of a longer name, or a demonym
            if (m.place && m.part < 0) {
                const geo::LonLat pt = m_a.gz.place(*m.place).to_place().point;
                if (geo::distance_km(pt, anchor.point) <= anchor.radius_km + 50) return;
            }
            replaced.push_back(*existing);
        }
        const geo::Place ap = m_a.gz.place(*m_a.mentions[anchor.mention].place).to_place();
        geo::Place p;
        const std::string_view text = m_a.text.substr(m_toks[first].start, m_toks[last - 1].end - m_toks[first].start);
        std::string slug;
        for (std::size_t q = first; q < last; ++q)
            if (word(q)) {
                if (!slug.empty()) slug.push_back('-');
                slug += key(q);
            }
        for (char& c : slug)
            if (c == ' ') c = '-';
        p.id = "approx:" + slug + ":" + ap.id;
        p.name = std::string(text);
        p.kind = camp ? geo::PlaceKind::other : geo::PlaceKind::city;
        p.country = ap.country;
        p.admin1 = ap.kind == geo::PlaceKind::admin1 ? ap.name : ap.admin1;
        p.point = anchor.point;
        p.approximate = true;
        p.uncertainty_km = std::round(anchor.radius_km);
        Mention m;
        m.first = static_cast<std::uint32_t>(first);
        m.last = static_cast<std::uint32_t>(last);
        m.start = m_toks[first].start;
        m.end = m_toks[last - 1].end;
        m.accepted = true;
        m.approximate = true;
        m.place = m_a.mentions[anchor.mention].place;
        m.part = m_a.add_part(std::move(p));
        m.confidence = 0.6;
        m.evidence = 2;
        made.push_back(m);
        for (std::size_t q = first; q < last; ++q) m_mention_at[q] = npos;
    }
};

} // namespace

void approximate_places(Analysis& a) { Finder(a).run(); }

std::optional<geo::Place> offset_place(const Analysis& a, std::size_t mention, const geo::Place& anchor) {
    const Mention& m = a.mentions[mention];
    if (m.demonym || m.approximate || m.part >= 0) return std::nullopt;
    std::size_t at = npos;
    const std::uint32_t prep = preposition_before(a, m.first, &at);
    if ((prep != prep_loc && prep != prep_gen && prep != prep_from) || at == npos) return std::nullopt;
    const auto dist = distance_before(a, at);
    if (!dist) return std::nullopt;
    // The direction inside the preposition ("au nord-est de", "north of"), if any.
    std::uint32_t dir = 0;
    for (std::size_t k = at; k < m.first && !dir; ++k) {
        if (!a.tokens[k].is(tf_word)) continue;
        std::string_view keys[3];
        const std::size_t got = word_keys(a, k, 3, keys);
        if (const auto d = a.lex.directions.longest(std::span<const std::string_view>(keys, got))) dir = d->value;
    }
    const double km = dist->first;
    const double az = direction_azimuth(dir);
    geo::Place p = anchor;
    const std::size_t from = dist->second;
    p.name = std::string(a.text.substr(a.tokens[from].start, m.end - a.tokens[from].start));
    std::string slug;
    for (std::size_t k = from; k < m.last; ++k)
        if (a.tokens[k].is(tf_word)) {
            if (!slug.empty()) slug.push_back('-');
            slug += a.key(k);
        }
    for (char& c : slug)
        if (c == ' ') c = '-';
    p.id = "approx:" + slug + ":" + anchor.id;
    p.label.clear();
    p.kind = geo::PlaceKind::other;
    p.population = 0;
    p.composite = false;
    p.has_polygon = false;
    p.approximate = true;
    if (az >= 0) {
        p.point = geo::geodesic_direct(anchor.point, az, km * 1000.0);
        p.uncertainty_km = std::round(0.4 * km + 5);
    } else {
        p.uncertainty_km = std::round(km + 5);
    }
    return p;
}

} // namespace geoevents::news::detail
