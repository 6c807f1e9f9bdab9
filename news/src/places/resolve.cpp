// Resolution (docs/news.md, "Choosing the place"): each accepted name gets
// the candidate that best fits the article — the countries it names, the
// places near the others — weighed against the gazetteer's own ranking.
#include <algorithm>
#include <cmath>

#include <unordered_map>

#include "analysis.hpp"
#include "places/grid.hpp"
#include "geoevents/geo/geometry.hpp"
#include "places/places.hpp"

namespace geoevents::news::detail {

namespace {

std::string mention_key(const Analysis& a, const Mention& m) {
    std::string k;
    for (std::size_t q = m.first; q < m.last; ++q)
        if (a.tokens[q].is(tf_word)) {
            if (!k.empty()) k.push_back(' ');
            k += a.key(q);
        }
    return k;
}

const char* direction_name(std::uint32_t d) {
    switch (d) {
    case dir_n: return "Northern";
    case dir_s: return "Southern";
    case dir_e: return "Eastern";
    case dir_w: return "Western";
    case dir_n | dir_e: return "North-eastern";
    case dir_n | dir_w: return "North-western";
    case dir_s | dir_e: return "South-eastern";
    case dir_s | dir_w: return "South-western";
    case dir_c: return "Central";
    default: return "Part of";
    }
}

/// The part of a place a direction names: the place's outline cut to the
/// half (or quarter, or middle) of its bounding box on that side; its
/// representative point is the part's location.
geo::Place direction_part(const gazetteer::PlaceView& v, std::uint32_t dir) {
    geo::Place p = v.to_place();
    p.id = std::string(v.id) + "#" + [&] {
        std::string s;
        if (dir & dir_n) s += "n";
        if (dir & dir_s) s += "s";
        if (dir & dir_e) s += "e";
        if (dir & dir_w) s += "w";
        if (dir & dir_c) s += "c";
        return s;
    }();
    p.name = std::string(direction_name(dir)) + " " + std::string(v.name);
    p.kind = geo::PlaceKind::part;
    p.composite = false;
    p.has_polygon = false;
    p.population = 0;
    try {
        if (v.polygon.empty()) throw GeometryError("no outline");
        const geo::Geometry shape = geo::Geometry::from_wkb(v.polygon);
        const geo::Bbox e = shape.envelope();
        geo::Bbox cut = e;
        const double mid_lat = (e.min_lat + e.max_lat) / 2, mid_lon = (e.min_lon + e.max_lon) / 2;
        if (dir & dir_n) cut.min_lat = mid_lat;
        if (dir & dir_s) cut.max_lat = mid_lat;
        if (dir & dir_e) cut.min_lon = mid_lon;
        if (dir & dir_w) cut.max_lon = mid_lon;
        if (dir & dir_c) {
            cut.min_lat = e.min_lat + (e.max_lat - e.min_lat) / 4;
            cut.max_lat = e.max_lat - (e.max_lat - e.min_lat) / 4;
            cut.min_lon = e.min_lon + (e.max_lon - e.min_lon) / 4;
            cut.max_lon = e.max_lon - (e.max_lon - e.min_lon) / 4;
        }
        const geo::Geometry part = shape.intersection(geo::Geometry::box(cut));
        if (!part.empty()) {
            p.point = part.representative_point();
            // Its outline, for the layers and the map (document contract:
            // `geometry`); 0.01° is below what a map of a country shows.
            p.geometry = part.simplify(0.01).geojson(4);
        }
    } catch (const Error&) {
        // No outline (or a broken one): the place's own point stands for the part.
    }
    return p;
}

/// What the article says about where it is, from the top candidate of every
/// accepted name: the countries it names (each name's own repeats do not
/// vote for it), the points of its places, the first-level subdivisions it
/// names. Each distinct name gets an id (its key id).
struct ArticleContext {
    WordMap key_ids;                        ///< name → id
    std::vector<std::uint32_t> key_of;      ///< per mention
    std::vector<std::string> keys;          ///< per mention
    std::vector<double> country_total = std::vector<double>(std::size_t{26} * 26, 0.0);  ///< by country index
    std::unordered_map<std::uint64_t, double> country_by_key;  ///< key id << 16 | country index
    PointGrid grid;
    std::unordered_map<std::string, std::uint32_t> admin1_named;  ///< country|admin1 → the name's key id
    /// Whether the article names a first-level subdivision of `cc` other
    /// than by the name `kid`: it speaks of that country's provinces.
    bool names_provinces_of(std::string_view cc, std::uint32_t kid) const {
        for (const auto& [k, id] : admin1_named)
            if (id != kid && k.size() > cc.size() && k.starts_with(cc) && k[cc.size()] == '|') return true;
        return false;
    }

    /// Country codes as small integers (AA…ZZ), -1 for anything else.
    static int cc_index(std::string_view cc) {
        if (cc.size() != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') return -1;
        return (cc[0] - 'A') * 26 + (cc[1] - 'A');
    }
    /// How much the other names of the article vote for country `cc`.
    double country_weight(std::uint32_t kid, std::string_view cc) const {
        const int ci = cc_index(cc);
        if (ci < 0 || country_total[static_cast<std::size_t>(ci)] == 0.0) return 0.0;
        const auto own = country_by_key.find((std::uint64_t{kid} << 16) | static_cast<std::uint64_t>(ci));
        return country_total[static_cast<std::size_t>(ci)] - (own == country_by_key.end() ? 0.0 : own->second);
    }
};

/// A curated area over several countries (a region, a river, a sea: the
/// Sahel, the Niger): its point is one among thousands of kilometres, so it
/// is near nothing and nothing is near it.
bool is_wide(const gazetteer::PlaceView& v) {
    return v.curated && v.country.empty() && v.kind != geo::PlaceKind::country;
}

/// Stage 1: the article's context.
ArticleContext article_context(Analysis& a) {
    ArticleContext ctx;
    ctx.key_of.resize(a.mentions.size());
    ctx.keys.resize(a.mentions.size());
    for (std::size_t mi = 0; mi < a.mentions.size(); ++mi) {
        const Mention& m = a.mentions[mi];
        ctx.keys[mi] = mention_key(a, m);
        if (!ctx.key_ids.contains(ctx.keys[mi]))
            ctx.key_ids.insert(ctx.keys[mi], static_cast<std::uint32_t>(ctx.key_ids.size()));
        ctx.key_of[mi] = *ctx.key_ids.find(ctx.keys[mi]);
        for (const auto& c : m.candidates) {
            if (c.demonym != m.demonym || c.place >= a.gz.size()) continue;
            const auto v = a.view(c.place);
            const bool is_country = v.kind == geo::PlaceKind::country;
            if (const int ci = ArticleContext::cc_index(v.country); ci >= 0) {
                const double w = is_country ? 1.0 : 0.7;
                ctx.country_total[static_cast<std::size_t>(ci)] += w;
                ctx.country_by_key[(std::uint64_t{ctx.key_of[mi]} << 16) | static_cast<std::uint64_t>(ci)] += w;
            }
            if (!is_country && !is_wide(v)) ctx.grid.add(v.point, ctx.key_of[mi]);
            // First-level subdivisions named in the article ("Florida"): their
            // places are often far from the subdivision's seat, so the name counts.
            if (v.kind == geo::PlaceKind::admin1 && !v.admin1.empty())
                ctx.admin1_named[std::string(v.country) + "|" + std::string(v.admin1)] = ctx.key_of[mi];
            break;
        }
    }
    return ctx;
}

/// Stage 2 (seats of government the gazetteer does not know, "the Elysée",
/// "Downing Street"): a landmark at their city. False when the mention is
/// not one.
bool place_seat(Analysis& a, Mention& m, std::string_view key) {
    if (m.seat < 0) return false;
    const Seat& seat = a.lex.seat_info[static_cast<std::size_t>(m.seat)];
    const gazetteer::Candidate* city = nullptr;
    for (const auto& c : m.candidates)
        if (!c.demonym && c.place < a.gz.size() && a.view(c.place).country == seat.country && (!city || c.score > city->score))
            city = &c;
    if (!city) return true;
    const auto v = a.view(city->place);
    geo::Place p = v.to_place();
    std::string slug;
    for (char ch : key) slug.push_back(ch == ' ' ? '-' : ch);
    p.id = std::string(v.id) + "#" + slug;
    p.name = seat.name;
    p.kind = geo::PlaceKind::landmark;
    p.population = 0;
    p.has_polygon = false;
    m.place = city->place;
    m.part = a.add_part(std::move(p));
    m.confidence = 0.9;
    return true;
}

/// The country (or first-level subdivision) the text puts a name in.
struct Container {
    std::string_view cc, admin1;
    bool is_country = false;
    bool known = false;
};

/// Stage 3: the container of mention mi: the place named right after it
/// (", Texas"), or a demonym and a noun for a kind of place before "of/de"
/// ("the English city of Salisbury", "la ville malienne de Gao").
Container container_of(Analysis& a, std::size_t mi) {
    const Mention& m = a.mentions[mi];
    Container out;
    if (mi > 0 && m.first >= 3 && !m.demonym) {
        std::size_t g = m.first - 1;
        const auto& toks = a.tokens;
        const std::string_view gk = toks[g].is(tf_word) ? a.key(g) : std::string_view{};
        if (gk == "of" || gk == "de" || gk == "d") {
            bool noun = false;
            const Mention* dem = nullptr;
            for (std::size_t q = g; q-- > 0 && g - q <= 3;) {
                if (!toks[q].is(tf_word) || toks[q].sentence != toks[m.first].sentence) break;
                if (a.lex.place_nouns.contains(a.key(q))) noun = true;
                for (std::size_t mj = mi; mj-- > 0 && mj + 4 >= mi;)
                    if (a.mentions[mj].demonym && a.mentions[mj].first <= q && q < a.mentions[mj].last) dem = &a.mentions[mj];
            }
            if (noun && dem && dem->place) {
                const auto dv = a.view(*dem->place);
                if (!dv.country.empty()) {
                    out.cc = dv.country;
                    out.is_country = true;
                    out.known = true;
                }
            }
        }
    }
    if (m.last + 1 < a.tokens.size() && a.tokens[m.last].punct == ',' && mi + 1 < a.mentions.size()) {
        const Mention& n = a.mentions[mi + 1];
        if (n.first == m.last + 1 && !n.candidates.empty() && !n.demonym) {
            const auto cv = a.view(n.candidates.front().place);
            out.cc = cv.country;
            out.is_country = cv.kind == geo::PlaceKind::country;
            if (cv.kind == geo::PlaceKind::admin1) out.admin1 = cv.name;
            out.known = !out.cc.empty();
        }
    }
    return out;
}

struct Choice {
    std::optional<gazetteer::PlaceId> id;
    double p = 0;  ///< the chosen candidate's share of the scores
};

/// Stage 4: the candidate that best fits the article: the gazetteer's rank
/// (log score, a small cost for a name not of the article's language), plus
/// the countries the other names vote for, places within 300 km, the
/// subdivision named, the container.
Choice choose_candidate(Analysis& a, const Mention& m, std::uint32_t kid, const ArticleContext& ctx, const Container& container) {
    const std::uint8_t want = a.french ? gazetteer::lang_fr : gazetteer::lang_en;
    Choice choice;
    double best_s = -1e9, total = 0;
    std::vector<double> scores;
    std::size_t seen = 0;
    float top = 0;
    for (const auto& c : m.candidates)
        if (c.demonym == m.demonym) top = std::max(top, c.score);
    // A name that is both a wide region and a province of one country ("le
    // Sahel": the region, and a region of Burkina Faso) is the wide region
    // unless the article speaks of that country's provinces (names another):
    // the province then gets no vote from its country's places.
    const bool has_wide = std::any_of(m.candidates.begin(), m.candidates.end(), [&](const gazetteer::Candidate& c) {
        return c.demonym == m.demonym && c.place < a.gz.size() && c.score * 20 >= top && is_wide(a.view(c.place));
    });
    for (const auto& c : m.candidates) {
        if (c.demonym != m.demonym || c.place >= a.gz.size()) continue;
        if (++seen > 40) break;
        double sc = std::log(static_cast<double>(c.score) + 1.0);
        if (want && c.langs && !(c.langs & want)) sc -= 0.2;
        // Context may choose among comparable readings, never turn a
        // country into a hamlet of the same name ("China, Texas"): such
        // a candidate cannot win, and its record need not be read.
        if (c.score * 20 < top) {
            scores.push_back(sc);
            continue;
        }
        const auto v = a.view(c.place);
        const bool province_of_wide =
            has_wide && v.kind == geo::PlaceKind::admin1 && !ctx.names_provinces_of(v.country, kid);
        const double w = province_of_wide ? 0.0 : ctx.country_weight(kid, v.country);
        sc += 1.5 * std::min(w, 3.0) / 3.0;
        if (v.kind != geo::PlaceKind::country && !is_wide(v) && !province_of_wide && ctx.grid.any_within(v.point, 300, kid))
            sc += 1.0;
        if (v.kind != geo::PlaceKind::admin1 && !v.admin1.empty() && !ctx.admin1_named.empty()) {
            const auto f = ctx.admin1_named.find(std::string(v.country) + "|" + std::string(v.admin1));
            if (f != ctx.admin1_named.end() && f->second != kid) sc += 1.0;
        }
        if (container.known && v.country == container.cc &&
            (container.is_country || (!container.admin1.empty() && v.admin1 == container.admin1)))
            sc += 3.0;
        scores.push_back(sc);
        if (sc > best_s) {
            best_s = sc;
            choice.id = c.place;
        }
    }
    for (double sc : scores) total += std::exp(sc - best_s);
    choice.p = total > 0 ? 1.0 / total : 0;
    return choice;
}

/// Stage 5: a mention naming a direction of its place ("le nord du Mali")
/// gets that part, made once per reader.
void attach_part(Analysis& a, Mention& m) {
    const std::string part_key = std::to_string(*m.place) + "#" + std::to_string(m.direction);
    std::optional<geo::Place> part;
    {
        const std::lock_guard<std::mutex> lock(a.rd.parts_mutex);
        if (const auto it = a.rd.parts.find(part_key); it != a.rd.parts.end()) part = it->second;
    }
    if (!part) {
        part = direction_part(a.view(*m.place), m.direction);
        const std::lock_guard<std::mutex> lock(a.rd.parts_mutex);
        a.rd.parts.emplace(part_key, *part);
    }
    m.part = a.add_part(std::move(*part));
}

} // namespace

void resolve_mentions(Analysis& a) {
    const ArticleContext ctx = article_context(a);
    // Names without a container (", Texas") resolve the same way everywhere.
    std::vector<std::optional<Choice>> memo(ctx.key_ids.size() * 2);  // by key id × demonym
    for (std::size_t mi = 0; mi < a.mentions.size(); ++mi) {
        Mention& m = a.mentions[mi];
        if (place_seat(a, m, ctx.keys[mi])) continue;
        const Container container = container_of(a, mi);
        const std::size_t memo_key = ctx.key_of[mi] * 2u + (m.demonym ? 1u : 0u);
        Choice choice;
        std::size_t count = 0;
        const gazetteer::Candidate* only = nullptr;
        for (const auto& c : m.candidates)
            if (c.demonym == m.demonym && c.place < a.gz.size() && (!only || only->place != c.place)) {
                ++count;
                only = &c;
            }
        if (count == 1) {  // nothing to choose
            choice.id = only->place;
            choice.p = 1.0;
        } else if (memo[memo_key] && !container.known) {
            choice = *memo[memo_key];
        } else {
            choice = choose_candidate(a, m, ctx.key_of[mi], ctx, container);
            if (!container.known) memo[memo_key] = choice;
        }
        if (!choice.id) continue;
        const double recog = 1.0 / (1.0 + std::exp(-(m.evidence - 0.5)));
        m.place = choice.id;
        m.confidence = std::clamp(choice.p * recog, 0.01, 0.99);
        if (m.direction) attach_part(a, m);
    }
}

} // namespace geoevents::news::detail
