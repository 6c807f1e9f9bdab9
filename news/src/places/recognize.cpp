// Place-name recognition (docs/news.md, "Recognising place names"):
// people first, then the longest gazetteer names over candidate token
// sequences, then a judgement of each name from its shape, its context and
// the lexicons.
#include <algorithm>
#include <cmath>

#include <unordered_map>

#include "analysis.hpp"
#include "places/grid.hpp"
#include "places/places.hpp"

namespace geoevents::news::detail {

namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

bool is_particle(std::string_view k) noexcept {
    static constexpr std::string_view p[] = {"de", "du", "des", "van", "von", "der", "den", "da", "dos", "das", "di",
                                             "del", "della", "la", "le", "bin", "ben", "ibn", "al", "el", "ould", "ag",
                                             "abu", "y", "ter", "zu", "mac", "st"};
    return std::find(std::begin(p), std::end(p), k) != std::end(p);
}

/// Index of the word token before `i` in the same sentence (skipping joined
/// hyphens), or npos when punctuation or a sentence start intervenes.
std::size_t prev_word(const Analysis& a, std::size_t i) {
    if (i == 0 || a.tokens[i].is(tf_sent_start)) return npos;
    std::size_t j = i - 1;
    while (true) {
        const Token& t = a.tokens[j];
        if (t.sentence != a.tokens[i].sentence) return npos;
        if (t.is(tf_word)) return j;
        if (!(t.is(tf_hyphen) && a.tokens[j + 1].is(tf_joined))) return npos;
        if (j == 0) return npos;
        --j;
    }
}

bool is_name_token(const Token& t) noexcept {
    return t.is(tf_word) && (t.is(tf_cap) || t.is(tf_allcaps)) && !t.is(tf_elision) && !t.is(tf_clitic);
}

/// The best candidate of one kind (place or demonym) of a mention.
struct Best {
    const gazetteer::Candidate* cand = nullptr;
    gazetteer::PlaceView view;
};

Best best_of(Analysis& a, std::span<const gazetteer::Candidate> cands, bool demonym) {
    Best b;
    for (const auto& c : cands) {
        if (c.demonym != demonym || c.place >= a.gz.size()) continue;
        if (!b.cand || c.score > b.cand->score) b.cand = &c;
    }
    if (b.cand) b.view = a.view(b.cand->place);
    return b;
}

/// Top place candidate of a single word key (for the person-name checks).
Best best_place_of_key(Analysis& a, std::string_view key) { return best_of(a, a.gz_lookup(key).candidates, false); }

/// A country, first-level subdivision or curated area under its own name:
/// such a word next to a given name is not a family name ("France Inter",
/// "Austin Texas"); a city is (Vladimir Putin, Charles Stanley).
bool key_is_major_area(Analysis& a, std::string_view key) {
    const Best b = best_place_of_key(a, key);
    if (!b.cand || !is_major(b.view, *b.cand) || !b.cand->primary) return false;
    return b.view.kind == geo::PlaceKind::country || b.view.kind == geo::PlaceKind::admin1 || b.view.curated;
}

/// Marks tokens [from, to) as a person's name and remembers its last word.
void mark_person(Analysis& a, std::size_t from, std::size_t to) {
    std::size_t last = npos;
    for (std::size_t k = from; k < to; ++k) {
        a.tokens[k].flags |= tf_person;
        if (is_name_token(a.tokens[k])) last = k;
    }
    if (last != npos && a.tokens[last].key_len >= 3) a.person_names.insert(a.key(last));
}

/// Extends a name from token `j`: capitalised words, hyphenated parts and
/// particles followed by a capitalised word ("de Gaulle", "Le Drian").
/// Returns the end (exclusive), `j` when there is no name.
std::size_t name_end(const Analysis& a, std::size_t j, bool allcaps, std::size_t max_words = 4) {
    const auto& toks = a.tokens;
    std::size_t end = j, words = 0;
    std::size_t k = j;
    while (k < toks.size() && words < max_words) {
        const Token& t = toks[k];
        if (k > j && t.sentence != toks[j].sentence) break;
        if (!t.is(tf_word)) {
            if (t.is(tf_hyphen) && t.is(tf_joined) && k + 1 < toks.size() && is_name_token(toks[k + 1]) &&
                toks[k + 1].is(tf_joined)) {
                ++k;
                continue;
            }
            break;
        }
        const std::string_view key = a.key(t);
        if (is_name_token(t) && !t.is(tf_digit) && (allcaps ? t.is(tf_allcaps) : true)) {
            if (t.is(tf_stop) && !is_particle(key)) break;
            if (a.lex.org_heads.contains(key) && !t.is(tf_allcaps)) break;
            end = k + 1;
            ++words;
            ++k;
            continue;
        }
        if ((is_particle(key) || t.is(tf_elision)) && words > 0 && k + 1 < toks.size() && is_name_token(toks[k + 1])) {
            ++k;
            continue;
        }
        break;
    }
    return end;
}

} // namespace

void find_people(Analysis& a) {
    auto& toks = a.tokens;
    const std::size_t n = toks.size();
    for (std::size_t k = 0; k < n; ++k) {
        const Token& t = toks[k];
        if (!t.is(tf_word) || t.is(tf_person)) continue;
        const std::string_view key = a.key(t);
        // 1. A title: "M. Dupont", "President Biden", "le général Traoré".
        if ((t.lex & lx_title) && (t.is(tf_cap) || a.french)) {
            std::string_view keys[4];
            std::size_t last = k;
            const std::size_t got = word_keys(a, k, 3, keys, &last);
            if (const auto m = a.lex.person_titles.longest(std::span<const std::string_view>(keys, got))) {
                // Find the token of the title's last word.
                std::size_t j = k, seen = 0;
                for (; j < n && seen < m->words; ++j)
                    if (toks[j].is(tf_word)) ++seen;
                if (j < n && toks[j].punct == '.' && toks[j].is(tf_joined)) ++j;  // "Gen." "M."
                // French: one adjective between title and name ("le président malien X").
                if (a.french && j < n && toks[j].is(tf_word) && toks[j].is(tf_lower) && !toks[j].is(tf_stop) &&
                    !(toks[j].lex & lx_prep) && j + 1 < n && is_name_token(toks[j + 1]))
                    ++j;
                if (j < n && toks[j].sentence == t.sentence && is_name_token(toks[j]) && !toks[j].is(tf_stop) &&
                    !key_is_major_area(a, a.key(j))) {
                    const std::size_t e = name_end(a, j, toks[j].is(tf_allcaps));
                    if (e > j) {
                        mark_person(a, j, e);
                        k = e - 1;
                        continue;
                    }
                }
            }
        }
        // 2. A given name followed by a capitalised word: "Louise Pierre", "MARC DUVAL".
        if (!is_name_token(t) || t.is(tf_stop) || !(t.lex & lx_given)) continue;
        std::size_t j = k + 1;
        // Hyphenated given names: Jean-Yves, Marie-Claire.
        if (j + 1 < n && toks[j].is(tf_hyphen) && toks[j].is(tf_joined) && is_name_token(toks[j + 1]) &&
            toks[j + 1].is(tf_joined) && a.lex.given_names.contains(a.key(j + 1)))
            j += 2;
        if (j >= n || toks[j].sentence != t.sentence || toks[j].is(tf_joined)) continue;
        // A middle initial: "John F. Kennedy".
        if (j + 2 < n && is_name_token(toks[j]) && toks[j].end - toks[j].start == 1 && toks[j + 1].punct == '.' &&
            is_name_token(toks[j + 2]))
            j += 2;
        const bool allcaps = t.is(tf_allcaps);
        std::size_t first_surname = j;
        // "de Gaulle": a particle may open the family name.
        if (j + 1 < n && toks[j].is(tf_word) && is_particle(a.key(j)) && is_name_token(toks[j + 1])) first_surname = j + 1;
        if (!is_name_token(toks[first_surname]) || toks[first_surname].is(tf_stop) ||
            (allcaps && !toks[first_surname].is(tf_allcaps)) || toks[first_surname].is(tf_digit))
            continue;
        const std::string_view sk = a.key(first_surname);
        if (a.lex.org_heads.contains(sk) && !a.lex.surnames.contains(sk)) continue;
        // "Kenyan President William Ruto": a title after the word opens the name.
        if ((toks[first_surname].lex & lx_title) && !a.lex.surnames.contains(sk)) continue;
        const std::size_t e = name_end(a, j, allcaps, 3);
        if (e <= first_surname) continue;
        // Not a person when the words form a place name ("Santa Barbara",
        // "Victoria Falls"), or when a major place is involved without the
        // second word being a known name ("France Inter", "Austin, Texas").
        std::string span_key;
        for (std::size_t q = k; q < e; ++q)
            if (toks[q].is(tf_word)) {
                if (!span_key.empty()) span_key.push_back(' ');
                span_key += a.key(q);
            }
        if (!a.gz.lookup_key(span_key).empty()) continue;
        const bool second_is_name = a.lex.surnames.contains(sk) || a.lex.given_names.contains(sk);
        // "Manila Archbishop": a large place named like a given name, before a
        // common word that is no name ("Donald Trump" stays a person: Donald is no large place).
        if (!second_is_name && (toks[first_surname].lex & (lx_word_fr | lx_word_en)) && !toks[first_surname].is(tf_allcaps)) {
            const Best g = best_place_of_key(a, key);
            if (g.cand && is_major(g.view, *g.cand)) continue;
        }
        // A photo credit or byline names people and agencies, not places.
        const bool credit = a.sentences[t.sentence].kind == SentenceKind::credit;
        if (key_is_major_area(a, sk) && !a.lex.surnames.contains(sk) && !credit) continue;
        if (key_is_major_area(a, key) && !second_is_name && !credit) continue;
        mark_person(a, k, e);
        k = e - 1;
    }
    // 3. Later mentions of a person by family name alone ("Macron said").
    if (a.person_names.size() == 0) return;
    for (Token& t : toks)
        if (is_name_token(t) && !t.is(tf_person) && a.person_names.contains(a.key(t))) t.flags |= tf_coref;
}

namespace {

struct Match {
    std::size_t last = npos;  ///< last token of the name
    std::span<const gazetteer::Candidate> cands;
};

/// The longest gazetteer name starting at token k (docs/news.md); `prefix`
/// is prepended to the key ("le " after French "au"/"du": "au Caire").
Match longest_match(Analysis& a, std::size_t k, std::string_view prefix, std::string& key) {
    const auto& toks = a.tokens;
    Match best;
    key.assign(prefix);
    std::size_t words = 0;
    for (std::size_t j = k; j < toks.size() && j < k + 14; ++j) {
        const Token& t = toks[j];
        if (j > k) {
            if (t.sentence != toks[k].sentence) break;
            if (t.is(tf_date)) break;
            if (!t.is(tf_word)) {
                if ((t.is(tf_hyphen) || t.punct == '\'') && t.is(tf_joined)) continue;
                if (t.punct == '.' && t.is(tf_joined) && toks[j - 1].is(tf_word) && a.lex.abbreviations.contains(a.key(j - 1)))
                    continue;  // "St. Louis"
                break;
            }
        }
        if (words > 0 || !prefix.empty()) key.push_back(' ');
        key += a.key(t);
        ++words;
        // The first word of a name, when a lexicon word: the reader's table.
        const bool first_word = words == 1 && prefix.empty();
        const bool in_lexicon = first_word && key.size() >= 2 && !(t.lex & (lx_stop_fr | lx_stop_en)) &&
                                (t.lex & (lx_known | lx_given | lx_surname | lx_word_fr | lx_word_en));
        const Analysis::GzAnswer answer = in_lexicon ? a.word_lookup(key, true) : a.gz_lookup(key);
        if (!answer.candidates.empty()) {
            best.last = j;
            best.cands = answer.candidates;
        }
        if (!answer.prefix) break;
    }
    return best;
}

/// A phrase of `index` that ends at word token `j` (looking back up to
/// three words, over hyphens joining them: "nord-ouest", as word_keys()
/// reads them); returns its value and sets `*start`, 0 when none.
std::uint32_t phrase_ending_at(const Analysis& a, const PhraseIndex& index, std::size_t j, std::size_t* start = nullptr) {
    if (j == npos || !a.tokens[j].is(tf_word)) return 0;
    std::uint32_t best = 0;
    std::size_t s = j;
    for (std::size_t words = 1; words <= 3; ++words) {
        if (words > 1) {
            if (s == 0) break;
            --s;
            if (a.tokens[s].is(tf_hyphen) && a.tokens[s].is(tf_joined) && s > 0) --s;
        }
        if (!a.tokens[s].is(tf_word) || a.tokens[s].sentence != a.tokens[j].sentence) break;
        std::string_view keys[4];
        std::size_t last = s;
        const std::size_t got = word_keys(a, s, words, keys, &last);
        if (got != words || last != j || !index.may_start(keys[0])) continue;
        const auto m = index.longest(std::span<const std::string_view>(keys, got));
        if (m && m->words == got) {
            best = m->value;
            if (start) *start = s;
        }
    }
    return best;
}

/// An organisation's head word among the (up to three) capitalised words
/// right after a name: "Washington Post", "Colorado State University".
bool org_head_follows(const Analysis& a, const Mention& m) {
    const auto& toks = a.tokens;
    for (std::size_t q = m.last, n = 0; q < toks.size() && n < 3; ++q, ++n) {
        const Token& t = toks[q];
        if (!t.is(tf_word) || !(t.is(tf_cap) || t.is(tf_allcaps)) || t.sentence != toks[m.first].sentence) return false;
        const std::string_view k = a.key(q);
        if ((t.lex & lx_org_head) && !(t.lex & lx_gov) && k != "etat" && k != "etats" && k != "state" && k != "states")
            return true;
    }
    return false;
}

/// Words for a state that also open place names ("États-Unis", "State of Palestine").
bool is_state_word(std::string_view k) noexcept { return k == "etat" || k == "etats" || k == "state" || k == "states"; }

bool is_genitive(std::string_view k) noexcept { return k == "de" || k == "du" || k == "des" || k == "d" || k == "of"; }

/// Function words inside an organisation's name between its head and a place
/// ("Front *pour la* libération *du* Macina", "Movement *for the* Salvation *of* Azawad").
bool joins_name(std::string_view k) noexcept {
    return is_genitive(k) || k == "la" || k == "le" || k == "les" || k == "l" || k == "pour" || k == "et" ||
           k == "the" || k == "for" || k == "and";
}

/// True when the name at [first, last) sits inside an organisation's or an
/// operation's name (docs/news.md, "What is not a place").
bool inside_organisation(const Analysis& a, const Mention& m) {
    const auto& toks = a.tokens;
    const std::size_t p = prev_word(a, m.first);
    if (p != npos) {
        // "opération Serval", "Task Force X", "force X".
        if (phrase_ending_at(a, a.lex.operation_words, p)) return true;
        // "G5 Sahel", "G7": an alphanumeric code just before.
        if (toks[p].is(tf_digit) && (toks[p].is(tf_cap) || toks[p].is(tf_allcaps))) return true;
        // "Radio France", "Banque Mali": a capitalised head word right before.
        if (p + 1 == m.first && toks[p].is(tf_cap) && (toks[p].lex & lx_org_head) && !(toks[p].lex & lx_gov) &&
            !is_state_word(a.key(p)))
            return true;
        // French capitalises no adjective: a capitalised common word right
        // before a name, inside a sentence, makes a title ("Jeune Afrique",
        // "Air France"); a direction hyphenated to it too ("Ouest-France").
        if (a.french && p + 1 == m.first && toks[p].is(tf_cap) && toks[p].is(tf_common) && !toks[p].is(tf_stop) &&
            !toks[p].is(tf_sent_start) && !toks[p].is(tf_title) && !(toks[p].lex & (lx_title | lx_direction)))
            return true;
        // "Bank of England", "Université de Bamako", "Communauté des Etats de l'Afrique de l'Ouest":
        // a capitalised head word, maybe lower-case words, then de/of (article).
        std::size_t q = p;
        if (toks[q].is(tf_word)) {
            std::string_view k = a.key(q);
            if (k == "le" || k == "la" || k == "les" || k == "l" || k == "the") {
                q = prev_word(a, q);
                k = q == npos ? std::string_view{} : a.key(q);
            }
            if (q != npos && is_genitive(k)) {
                int nouns = 0;
                for (std::size_t steps = 0; steps < 5; ++steps) {
                    q = prev_word(a, q);
                    if (q == npos) break;
                    const Token& h = toks[q];
                    const std::string_view hk = a.key(q);
                    if (h.is(tf_cap) && a.lex.org_heads.contains(hk)) {
                        // A state word followed by a plain adjective describes
                        // ("les États côtiers du Golfe de Guinée"); a state organ
                        // names its state ("gouvernement du Mali").
                        const bool state_organ = a.lex.government_nouns.contains(hk) || hk == "etat" || hk == "state";
                        const bool described = is_state_word(hk) && steps > 0;
                        return !state_organ && !described;
                    }
                    // Between the head and the place: one noun at most and the words
                    // that join them ("Front de libération du Macina", "Front pour la
                    // libération du …", "Movement for the Salvation of Azawad").
                    if (joins_name(hk)) continue;
                    if (h.is(tf_stop) || (!h.is(tf_lower) && !(h.is(tf_cap) && !a.french)) || ++nouns > 1) break;
                }
            }
        }
    }
    // "Islamic State West Africa Province": a name between an organisation's
    // capitalised head word (a state word too) and another capitalised word is
    // inside that organisation's name.
    if (p != npos && p + 1 == m.first && toks[p].is(tf_cap) && (toks[p].lex & lx_org_head) && m.last < toks.size() &&
        toks[m.last].is(tf_word) && toks[m.last].is(tf_cap) && !(toks[m.last].lex & lx_calendar) &&
        toks[m.last].sentence == toks[m.first].sentence)
        return true;
    // "Ouest-France", "Sud-Radio": a direction joined by a hyphen makes another name.
    if (m.first >= 2 && toks[m.first].is(tf_joined) && toks[m.first - 1].is(tf_hyphen) && toks[m.first - 1].is(tf_joined) &&
        toks[m.first - 2].is(tf_word) && (toks[m.first - 2].lex & lx_direction) && (toks[m.first - 2].is(tf_cap) || toks[m.first - 2].is(tf_allcaps)))
        return true;
    // "France 24", "France 2": a station's number after the name.
    if (m.last + 1 < toks.size() && toks[m.last].is(tf_word) && toks[m.last].is(tf_digit) && !toks[m.last].is(tf_date) &&
        !toks[m.last].is(tf_cap) && !toks[m.last].is(tf_lower) && toks[m.last].end - toks[m.last].start <= 2 &&
        toks[m.last].sentence == toks[m.first].sentence) {
        const Token& after = toks[m.last + 1];
        if (!(!after.is(tf_word) && (after.punct == '-' || after.punct == ':' || after.punct == '.')))
            return true;
    }
    // The name is itself only a head word ("Union", "Mission", "Etat") before
    // another name or adjective: "Union européenne", "Mission de formation".
    if (m.last - m.first == 1 && toks[m.first].is(tf_cap) && a.lex.org_heads.contains(a.key(m.first))) return true;
    return false;
}

/// Direction words just before a name: "nord du Mali", "northern Nigeria",
/// "the north of Mali", "l'est du Tchad". Returns DirBits and sets `*start`.
std::uint32_t direction_before(const Analysis& a, const Mention& m, std::size_t* start) {
    const auto& toks = a.tokens;
    std::size_t p = prev_word(a, m.first);
    if (p == npos) return 0;
    // Skip "du", "de la", "de l'", "des", "of", "of the".
    std::string_view k = a.key(p);
    if (k == "la" || k == "l" || k == "the") {
        const std::size_t q = prev_word(a, p);
        if (q != npos && is_genitive(a.key(q))) p = q;
        k = a.key(p);
    }
    if (is_genitive(k)) {
        p = prev_word(a, p);
        if (p == npos) return 0;
    }
    std::size_t s = p;
    const std::uint32_t dir = phrase_ending_at(a, a.lex.directions, p, &s);
    if (!dir) return 0;
    // French "est" is also the verb "is": only "l'est", "à l'est", "nord-est".
    if (a.key(p) == "est" && s == p) {
        const std::size_t q = s > 0 ? s - 1 : npos;
        if (q == npos || !(toks[q].is(tf_elision) && a.key(q) == "l")) return 0;
    }
    *start = s;
    return dir;
}

/// Countries and points the article names without doubt (for coherence).
struct Context {
    WordMap countries;  ///< ISO codes of major places named
    PointGrid points;
};

void add_to_context(Context& ctx, const gazetteer::PlaceView& v) {
    if (!v.country.empty()) ctx.countries.insert(v.country);
    if (v.kind != geo::PlaceKind::country && !v.composite) ctx.points.add(v.point, 0);
}

/// The name is the direct object of an event verb, right after it or its
/// article ("attacked Djibo", "ont assiégé Djibo", "seized the Gao base"):
/// what is attacked, besieged, seized or left is most often a place.
bool object_of_event_verb(const Analysis& a, const Mention& m) {
    const auto& toks = a.tokens;
    std::size_t v = m.first;
    if (v == 0) return false;
    --v;
    if (toks[v].is(tf_word) && is_article(a.key(v)) && v > 0) --v;
    const Token& t = toks[v];
    return t.is(tf_word) && t.is(tf_lower) && t.sentence == toks[m.first].sentence &&
           (t.lex & (a.french ? lx_event_fr : lx_event_en)) && !(t.lex & lx_near);
}

/// ", Texas" / ", France" right after a name: the place that contains it.
std::span<const gazetteer::Candidate> container_after(Analysis& a, const Mention& m, std::string& key) {
    const auto& toks = a.tokens;
    if (m.last + 1 >= toks.size() || toks[m.last].punct != ',' || !is_name_token(toks[m.last + 1])) return {};
    const Match c = longest_match(a, m.last + 1, {}, key);
    if (c.last == npos) return {};
    return c.cands;
}

/// Whether candidates name a curated place (not as a demonym): the
/// project's curated names include those news writes in lower case ("la
/// zone des trois frontières", "the tri-border area", "le continent africain").
bool names_curated(Analysis& a, std::span<const gazetteer::Candidate> cands) {
    return std::any_of(cands.begin(), cands.end(), [&](const gazetteer::Candidate& c) {
        return !c.demonym && c.place < a.gz.size() && a.view(c.place).curated;
    });
}

/// A lower-case word opens a name only as a demonym ("maliennes"), as the
/// head of a longer name with a capital further on ("golfe de Guinée") or a
/// compound demonym ("ouest-africains"), or as the head of a curated name of
/// several words written in lower case ("zone des trois frontières").
bool lower_opens_name(Analysis& a, std::size_t k) {
    const auto& toks = a.tokens;
    const std::size_t n = toks.size();
    const Token& t = toks[k];
    const std::string_view kk = a.key(t);
    bool has_demonym = false, opens_name = false;
    if (t.lex & lx_known) {
        // Words of the lexicons were looked up once, when the reader was made.
        if (const auto* v = a.rd.lower_names.find(kk)) {
            has_demonym = (*v & lower_demonym) != 0;
            opens_name = (*v & lower_prefix) != 0;
        }
    } else {
        const auto& answer = a.gz_lookup(kk);
        has_demonym = std::any_of(answer.candidates.begin(), answer.candidates.end(), [](const auto& c) { return c.demonym; });
        opens_name = answer.prefix;
    }
    bool cap_ahead = false;
    for (std::size_t q = k + 1, w = 0; opens_name && q < n && w < 4 && toks[q].sentence == t.sentence; ++q) {
        if (!toks[q].is(tf_word)) continue;
        ++w;
        if (toks[q].is(tf_cap)) {
            cap_ahead = true;
            break;
        }
    }
    const bool joined_ahead = k + 2 < n && toks[k + 1].is(tf_hyphen) && toks[k + 1].is(tf_joined) &&
                              toks[k + 2].is(tf_joined) && toks[k + 2].is(tf_lower);
    if (has_demonym || (opens_name && (cap_ahead || joined_ahead))) return true;
    if (!opens_name) return false;
    std::string key;
    const Match m = longest_match(a, k, {}, key);
    return m.last != npos && m.last > k && names_curated(a, m.cands);
}

/// Seats of government ("l'Elysée", "the White House", "le Quai d'Orsay")
/// starting at token k: their own lexicon, before the gazetteer's smaller
/// names inside them; the gazetteer's own record of the building (or state)
/// wins over the seat's city.
std::optional<Mention> seat_at(Analysis& a, std::size_t k, std::string& key) {
    const auto& toks = a.tokens;
    std::string_view keys[6];
    std::size_t last_tok = k;
    const std::size_t got = word_keys(a, k, 6, keys, &last_tok);
    const auto sm = a.lex.seats.longest(std::span<const std::string_view>(keys, got));
    if (!sm) return std::nullopt;
    std::size_t end_tok = k;
    for (std::size_t q = k, seen = 0; q < toks.size() && seen < sm->words; ++q)
        if (toks[q].is(tf_word)) {
            ++seen;
            end_tok = q;
        }
    key.clear();
    for (std::size_t w = 0; w < sm->words; ++w) {
        if (w) key.push_back(' ');
        key += keys[w];
    }
    Mention men;
    men.first = static_cast<std::uint32_t>(k);
    men.last = static_cast<std::uint32_t>(end_tok + 1);
    men.start = toks[k].start;
    men.end = toks[end_tok].end;
    const auto own = a.gz.lookup_key(key);
    const bool known = std::any_of(own.begin(), own.end(), [&](const gazetteer::Candidate& c) {
        if (c.demonym || c.place >= a.gz.size()) return false;
        const auto v = a.view(c.place);
        return v.curated || v.kind == geo::PlaceKind::landmark || v.kind == geo::PlaceKind::country;
    });
    if (known) {
        men.candidates = own;
    } else {
        men.seat = static_cast<int>(sm->value);
        men.candidates = a.gz.lookup_key(a.lex.seat_info[sm->value].city);
    }
    if (men.candidates.empty()) return std::nullopt;
    return men;
}

/// The longest gazetteer name at token k; after French "au", "du", "aux",
/// "des" the article is tried as part of the name ("au Caire", "aux Pays-Bas").
Match name_at(Analysis& a, std::size_t k, bool lower, std::string& key) {
    const auto& toks = a.tokens;
    const Token& t = toks[k];
    std::string_view prefix;
    if (k > 0 && !t.is(tf_sent_start) && toks[k - 1].is(tf_word) && toks[k - 1].is(tf_lower)) {
        const std::string_view pk = a.key(k - 1);
        if (pk == "au" || pk == "du") prefix = "le";
        else if (pk == "aux" || pk == "des") prefix = "les";
    }
    Match m = longest_match(a, k, {}, key);
    if (!prefix.empty() && !lower) {
        std::string key2;
        Match m2 = longest_match(a, k, prefix, key2);
        if (m2.last != npos &&
            (m.last == npos || m2.last > m.last || (m2.last == m.last && m2.cands.front().score > m.cands.front().score)))
            m = m2;
    }
    return m;
}

/// Whether the words [k, m.last] can make a name at all: not a month or a
/// weekday, not an article with common words, not a stopword (unless a
/// country's abbreviation), not part of a person's name.
bool could_be_name(Analysis& a, std::size_t k, const Match& m, bool lower) {
    const auto& toks = a.tokens;
    const Token& t = toks[k];
    const bool single = m.last == k;
    // Months and weekdays are dates, even where no date is read ("the August primary").
    if (single && (t.lex & lx_calendar) && !t.is(tf_allcaps)) return false;
    // An article and common words ("The city") make no name; names with an
    // article have a capital after it ("Le Caire", "The Hague").
    if (!single && t.is(tf_stop)) {
        bool cap_after = false;
        for (std::size_t q = k + 1; q <= m.last; ++q) cap_after |= toks[q].is(tf_word) && !toks[q].is(tf_lower);
        if (!cap_after) return false;
    }
    // A stopword is no name ("Les", "In")… unless written as an
    // abbreviation of a country ("US", "U.S.", "UK": not the pronoun "us").
    if (single && t.is(tf_elision)) return false;
    if (single && t.is(tf_stop)) {
        if (!t.is(tf_allcaps) && !t.is(tf_dotted)) return false;
        if (std::none_of(m.cands.begin(), m.cands.end(), [&](const auto& c) {
                return !c.demonym && c.place < a.gz.size() && c.primary && a.view(c.place).kind == geo::PlaceKind::country;
            }))
            return false;
    }
    const auto any_demonym = std::any_of(m.cands.begin(), m.cands.end(), [](const auto& c) { return c.demonym; });
    if (lower && single && !any_demonym) return false;
    if (lower && !single) {
        bool any_cap = false;
        for (std::size_t q = k; q <= m.last; ++q) any_cap |= toks[q].is(tf_cap);
        if (!any_cap && !any_demonym && !names_curated(a, m.cands)) return false;
    }
    for (std::size_t q = k; q <= m.last; ++q)
        if (toks[q].is(tf_person)) return false;
    return true;
}

/// Stage 1: candidate names: longest gazetteer names over capitalised words,
/// lower-case demonyms and lower-case heads of longer names, seats of
/// government; in text order, not overlapping.
void candidate_names(Analysis& a) {
    auto& toks = a.tokens;
    const std::size_t n = toks.size();
    std::string key;
    key.reserve(128);
    for (std::size_t k = 0; k < n;) {
        const Token& t = toks[k];
        if (!t.is(tf_word) || t.is(tf_person) || t.is(tf_clitic) || t.is(tf_date) ||
            (!t.is(tf_cap) && !t.is(tf_allcaps) && !t.is(tf_lower))) {
            ++k;
            continue;
        }
        const bool lower = t.is(tf_lower);
        if (lower && (t.is(tf_stop) || t.key_len < 3 || t.is(tf_elision) || !lower_opens_name(a, k))) {
            ++k;
            continue;
        }
        if (!lower && (t.lex & lx_seat))
            if (auto seat = seat_at(a, k, key)) {
                k = seat->last;
                a.mentions.push_back(*seat);
                continue;
            }
        const Match m = name_at(a, k, lower, key);
        if (m.last == npos) {
            ++k;
            continue;
        }
        // "Union européenne", "Commission européenne", "Banque mondiale": a name
        // opened by an organisation's head word is the organisation; the words
        // after it get their own chance (the demonym "européenne").
        if (m.last != k && t.is(tf_cap) && a.lex.org_heads.contains(a.key(t)) && !is_state_word(a.key(t))) {
            toks[k].flags |= tf_org;
            ++k;
            continue;
        }
        if (!could_be_name(a, k, m, lower)) {
            ++k;
            continue;
        }
        Mention men;
        men.first = static_cast<std::uint32_t>(k);
        men.last = static_cast<std::uint32_t>(m.last + 1);
        men.start = t.start;
        men.end = toks[m.last].end;
        men.candidates = m.cands;
        a.mentions.push_back(men);
        k = m.last + 1;
    }
}

void mark_org(Analysis& a, const Mention& m) {
    for (std::size_t q = m.first; q < m.last; ++q) a.tokens[q].flags |= tf_org;
}

/// What stage 2 knows of each mention: its best candidate, whether it is a
/// major place (accepted by its name alone).
struct Judged {
    std::vector<Best> best;
    std::vector<std::uint8_t> major;
};

/// A demonym needs its place to be a country, a curated area or a
/// subdivision; a lower-case one a tag of the article's language (or none).
/// Nationality nouns in the plural are demonyms in both languages ("les
/// Français", "Nigerians").
bool accept_demonym(const Analysis& a, const Mention& m, const Best& b) {
    const Token& t = a.tokens[m.first];
    const bool area = b.view.kind == geo::PlaceKind::country || b.view.curated || b.view.kind == geo::PlaceKind::admin1;
    const std::uint8_t want = a.french ? gazetteer::lang_fr : gazetteer::lang_en;
    if (!area) return false;
    if (t.is(tf_lower) && b.cand->langs && !(b.cand->langs & want)) return false;
    return !t.is(tf_coref);
}

/// A single word that is a direction ("le Sud", "l'Ouest") is no name.
bool is_direction_word(const Analysis& a, const Mention& m) {
    if (m.last - m.first != 1) return false;
    const std::string_view k1 = a.key(m.first);
    return a.lex.directions.longest(std::span<const std::string_view>(&k1, 1)).has_value();
}

/// Stage 2: demonyms, seats and major places (docs/news.md, "Judging a
/// name"), vetoed when they name an organisation or a person; the accepted
/// ones make the context the minor places are judged against.
Judged judge_major(Analysis& a, Context& ctx) {
    auto& toks = a.tokens;
    Judged j;
    j.major.assign(a.mentions.size(), 0);
    j.best.resize(a.mentions.size());
    for (std::size_t mi = 0; mi < a.mentions.size(); ++mi) {
        Mention& m = a.mentions[mi];
        const Token& t = toks[m.first];
        const Best place = best_of(a, m.candidates, false);
        const Best dem = best_of(a, m.candidates, true);
        m.demonym = dem.cand && (t.is(tf_lower) || !place.cand || dem.cand->score >= place.cand->score);
        const Best& b = m.demonym ? dem : place;
        j.best[mi] = b;
        if (!b.cand) continue;
        const bool single = m.last - m.first == 1;
        // Vetoes that hold for every name.
        if (t.is(tf_person)) continue;
        if (m.seat >= 0) {
            m.accepted = true;
            m.evidence = 3;
            continue;
        }
        if (is_direction_word(a, m)) continue;
        if (m.demonym) {
            if (!accept_demonym(a, m, b)) continue;
            m.accepted = true;
            m.evidence = 3;
            // "les autorités maliennes": the article is about Mali.
            if (!b.view.country.empty()) ctx.countries.insert(b.view.country);
            continue;
        }
        if (inside_organisation(a, m)) {
            mark_org(a, m);
            continue;
        }
        // A union of countries named as an organisation — an acronym ("UE",
        // "NATO", "ECOWAS") or a name with an organisation's head word
        // ("European Union", "Alliance des États du Sahel") — is that
        // organisation, not a place.
        if (b.view.composite) {
            bool org = single && (t.is(tf_allcaps) || t.is(tf_dotted));
            for (std::size_t q = m.first; q < m.last && !org; ++q)
                org = toks[q].is(tf_word) && (toks[q].lex & lx_org_head) && !(toks[q].lex & lx_gov) && !is_state_word(a.key(q));
            if (org) {
                mark_org(a, m);
                continue;
            }
        }
        const bool is_short_acronym = t.is(tf_allcaps) && single && t.end - t.start <= 4;
        // An alternate name that is also a person's name or a common word
        // ("Ben" for Bern, "Valley" for The Valley) is not evidence enough.
        const std::string_view k1 = a.key(t);
        const bool weak_alias =
            single && !b.cand->primary && (a.lex.given_names.contains(k1) || a.lex.surnames.contains(k1) || t.is(tf_common));
        // "Colorado State University", "Washington Post": the place names an organisation.
        if (b.view.kind != geo::PlaceKind::country && org_head_follows(a, m)) {
            mark_org(a, m);
            continue;
        }
        if (!is_major(b.view, *b.cand) || weak_alias) continue;
        const bool city = b.view.kind == geo::PlaceKind::city;
        const std::uint32_t prep = preposition_before(a, m.first);
        const bool loc_prep = prep == prep_loc || prep == prep_to || prep == prep_from;
        if (t.is(tf_coref) && !loc_prep) continue;
        if (is_short_acronym && !(b.view.kind == geo::PlaceKind::country || b.view.curated)) continue;
        // A large city named like a common word, where capitals say nothing.
        if (city && !b.view.capital && single && t.is(tf_common) && (t.is(tf_sent_start) || t.is(tf_title)) && !loc_prep)
            continue;
        m.accepted = true;
        m.evidence = 3;
        j.major[mi] = 1;
        add_to_context(ctx, b.view);
    }
    return j;
}

/// Whether a minor place's name is part of another name: "Al-Qaïda",
/// "Jean-Marie" (hyphenated to a capitalised word that is no place).
bool joined_to_other_name(Analysis& a, const Mention& m) {
    const auto& toks = a.tokens;
    const std::size_t n = toks.size();
    auto joined_non_place = [&](std::size_t hyphen, std::size_t word) {
        return hyphen < n && word < n && toks[hyphen].is(tf_hyphen) && toks[hyphen].is(tf_joined) &&
               (toks[word].is(tf_cap) || toks[word].is(tf_allcaps)) &&
               (word > hyphen ? toks[word].is(tf_joined) : toks[hyphen].is(tf_joined)) &&
               a.gz_lookup(a.key(word)).candidates.empty();
    };
    return joined_non_place(m.last, m.last + 1) ||
           (m.first >= 2 && toks[m.first].is(tf_joined) && joined_non_place(m.first - 1, m.first - 2));
}

/// The evidence a minor place's name has: its best candidate's fit to the
/// context (country named, a major place within 300 km, rank, primary name;
/// `memo` by name: the same for every occurrence), the preposition before
/// it, a container after it, less for a person's name or a common word.
double minor_evidence(Analysis& a, const Mention& m, const Best& b0, const Context& ctx,
                      std::unordered_map<std::string_view, double>& memo) {
    const auto& toks = a.tokens;
    const Token& t = toks[m.first];
    const std::string_view mkey = a.text.substr(m.start, m.end - m.start);
    double best_ev = -10;
    if (const auto it = memo.find(mkey); it != memo.end()) {
        best_ev = it->second;
    } else {
        for (const auto& c : m.candidates) {
            if (c.demonym || c.place >= a.gz.size()) continue;
            if (c.score < b0.cand->score * 0.25f) break;  // sorted best first
            const auto v = a.view(c.place);
            double ev = 0;
            if (ctx.countries.contains(v.country)) ev += 1.5;
            if (ctx.points.any_within(v.point, 300, 1)) ev += 1.0;
            if (c.score >= 100) ev += 1.0;
            else if (c.score >= 60) ev += 0.5;
            // Alternate names of small places are mostly other languages' or old names.
            ev += c.primary ? 0.5 : -1.0;
            best_ev = std::max(best_ev, ev);
        }
        memo.emplace(mkey, best_ev);
    }
    double ev = best_ev;
    const std::uint32_t prep = preposition_before(a, m.first);
    if (prep == prep_loc || prep == prep_to || prep == prep_from) ev += 2.0;
    else if (prep == prep_gen) ev += 0.5;
    else if (object_of_event_verb(a, m)) ev += 1.5;
    std::string ckey;
    const auto container = container_after(a, m, ckey);
    if (!container.empty()) {
        const auto cv = a.view(container.front().place);
        for (const auto& c : m.candidates) {
            if (c.demonym || c.place >= a.gz.size()) continue;
            const auto v = a.view(c.place);
            if ((cv.kind == geo::PlaceKind::country && v.country == cv.country) ||
                (cv.kind == geo::PlaceKind::admin1 && v.admin1 == cv.name && v.country == cv.country)) {
                ev += 2.5;
                break;
            }
        }
    }
    if (m.last - m.first == 1) {
        const std::string_view k1 = a.key(t);
        // A person's name: less evidence, not a veto ("Ménaka" is also a given name).
        const bool given = a.lex.given_names.contains(k1), family = a.lex.surnames.contains(k1);
        if (given && family) ev -= 1.5;
        else if (given || family) ev -= 1.0;
        if (t.is(tf_common)) ev -= (t.is(tf_sent_start) || t.is(tf_title)) ? 2.5 : 1.5;
        if (t.is(tf_allcaps) && t.end - t.start <= 5) ev -= 3;
        if (t.is(tf_coref)) ev -= 3;
    }
    return ev;
}

/// Stage 3: minor places, judged against the context of the major ones;
/// accepted from an evidence of 1.5.
void judge_minor(Analysis& a, const Judged& j, const Context& ctx) {
    const auto& toks = a.tokens;
    std::unordered_map<std::string_view, double> memo;
    for (std::size_t mi = 0; mi < a.mentions.size(); ++mi) {
        Mention& m = a.mentions[mi];
        if (m.accepted || j.major[mi] || m.demonym || !j.best[mi].cand) continue;
        const Token& t = toks[m.first];
        if (t.is(tf_person) || t.is(tf_org)) continue;
        if (is_direction_word(a, m)) continue;
        if (inside_organisation(a, m)) {
            mark_org(a, m);
            continue;
        }
        if (joined_to_other_name(a, m)) continue;
        // "Federal Bureau", "Springfield University": a small place's name
        // before a capitalised organisation head word names the organisation.
        if (org_head_follows(a, m)) {
            mark_org(a, m);
            continue;
        }
        m.evidence = minor_evidence(a, m, j.best[mi], ctx, memo);
        m.accepted = m.evidence >= 1.5;
    }
}

/// Stage 4: one sense per article: a name accepted once is accepted
/// everywhere it is not vetoed (people, organisations).
void one_sense_per_article(Analysis& a, const Judged& j) {
    const auto& toks = a.tokens;
    WordMap accepted_keys;
    std::string mk;
    auto mention_key = [&](const Mention& m) {
        mk.clear();
        for (std::size_t q = m.first; q < m.last; ++q)
            if (toks[q].is(tf_word)) {
                if (!mk.empty()) mk.push_back(' ');
                mk += a.key(q);
            }
        return std::string_view(mk);
    };
    for (const Mention& m : a.mentions)
        if (m.accepted && !m.demonym) accepted_keys.insert(mention_key(m));
    for (std::size_t mi = 0; mi < a.mentions.size(); ++mi) {
        Mention& m = a.mentions[mi];
        if (m.accepted || m.demonym || !j.best[mi].cand) continue;
        const Token& t = toks[m.first];
        if (t.is(tf_person) || t.is(tf_org) || t.is(tf_coref)) continue;
        if (m.evidence > -1.0 && accepted_keys.contains(mention_key(m))) {
            m.accepted = true;
            m.evidence = 1.5;
        }
    }
}

/// Stage 5: parts of places: "nord du Mali", "northern Nigeria" (the
/// direction joins the mention).
void mark_parts(Analysis& a) {
    for (Mention& m : a.mentions) {
        if (!m.accepted || m.demonym) continue;
        const Best b = best_of(a, m.candidates, false);
        if (!b.cand || !is_area(b.view)) continue;
        std::size_t s = m.first;
        if (const std::uint32_t dir = direction_before(a, m, &s)) {
            m.direction = dir;
            m.first = static_cast<std::uint32_t>(s);
            m.start = a.tokens[s].start;
        }
    }
}

} // namespace

void find_mentions(Analysis& a) {
    candidate_names(a);
    Context ctx;
    const Judged judged = judge_major(a, ctx);
    judge_minor(a, judged, ctx);
    one_sense_per_article(a, judged);
    mark_parts(a);
    std::erase_if(a.mentions, [](const Mention& m) { return !m.accepted; });
}

} // namespace geoevents::news::detail
