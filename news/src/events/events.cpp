// Events (docs/news.md, "Events"): trigger words of the curated lexicon,
// read clause by clause in the story's sentences, with the places, date and
// actors of their clause; repeats within the article merged. Each step is a
// small named stage (find_triggers, classify_triggers, place_trigger,
// date_trigger, infer_places, collect_actors, keep_strongest, then over the
// article link_redeployments, merge_repeats, infer_support_origins).
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <optional>
#include <utility>
#include <unordered_map>

#include "analysis.hpp"
#include "events/events.hpp"
#include "places/places.hpp"

namespace geoevents::news::detail {

namespace {

using geo::EventType;
using geo::PlaceRole;

/// Which event wins when two triggers of one clause name the same places.
int priority(EventType t) noexcept {
    switch (t) {
    case EventType::coup_attempt: return 17;
    case EventType::coup: return 16;
    case EventType::redeployment: return 15;
    case EventType::withdrawal: return 14;
    case EventType::attack: return 13;
    case EventType::casualties: return 12;
    case EventType::arrest: return 11;
    case EventType::protest: return 10;
    case EventType::sanction: return 9;
    case EventType::agreement: return 8;
    case EventType::election: return 7;
    case EventType::deployment: return 6;
    case EventType::support: return 5;
    case EventType::military_operation: return 4;
    case EventType::political: return 3;
    case EventType::other: return 2;
    case EventType::statement: return 1;
    }
    return 0;
}

/// Types of one moment: a clause naming two dates ("en 2020 et en 2021") reports two of them.
bool punctual(EventType t) noexcept {
    return t == EventType::coup || t == EventType::coup_attempt || t == EventType::election || t == EventType::attack ||
           t == EventType::arrest || t == EventType::protest;
}

/// Types whose place may be given by a demonym alone ("le gouvernement malien renversé").
bool demonym_locates(EventType t) noexcept {
    return t == EventType::coup || t == EventType::coup_attempt || t == EventType::election ||
           t == EventType::protest || t == EventType::arrest || t == EventType::sanction;
}

/// Happenings of a whole country, which an article reports about its own
/// main country even when the sentence names no place ("the army seized
/// power on Friday").
bool focus_locates(EventType t) noexcept {
    return t == EventType::coup || t == EventType::coup_attempt || t == EventType::election;
}

/// Types whose trigger words are common in other senses ("public support",
/// "a good deal"): the event needs an agent in its sentence.
bool needs_agent(EventType t) noexcept {
    return t == EventType::support || t == EventType::agreement || t == EventType::statement ||
           t == EventType::sanction;
}

/// Numbers written as words, as casualty counts are ("trois soldats tués",
/// "dozens of people killed"); "un"/"one" and "a" are left out: they are articles too.
bool count_word(std::string_view k) noexcept {
    static constexpr std::string_view w[] = {
        "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "quinze", "vingt",
        "trente", "quarante", "cinquante", "cent", "cents", "mille", "dizaine", "dizaines", "centaine", "centaines",
        "millier", "milliers", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands",
        "dozen", "dozens", "scores"};
    return std::find(std::begin(w), std::end(w), k) != std::end(w);
}

/// Prepositions that open a temporal phrase about an earlier or later happening.
bool temporal_preposition(std::string_view k) noexcept {
    return k == "depuis" || k == "apres" || k == "avant" || k == "lors" || k == "since" || k == "after" ||
           k == "before" || k == "following" || k == "until" || k == "jusqu";
}

struct Trig {
    std::size_t first = 0, last = 0;  ///< tokens of the trigger words [first, last]
    Trigger info;
    std::uint32_t clause = 0;
    bool plural = false;
    geo::EventStatus status = geo::EventStatus::happened;
    /// A background event in a temporal phrase ("après le coup d'État de juillet
    /// 2023, …", "since the 2012 rebellion, …"): the phrase ends here (exclusive
    /// token), and its places and date are its own.
    std::size_t phrase_start = 0, phrase_end = 0;
};

/// Clause number of every token of a sentence (see clause_markers.txt).
std::vector<std::uint32_t> clauses_of(const Analysis& a, const Sentence& s) {
    std::vector<std::uint32_t> c(s.last - s.first, 0);
    std::uint32_t cur = 0;
    for (std::size_t k = s.first; k < s.last; ++k) {
        const Token& t = a.tokens[k];
        if (!t.is(tf_word)) {
            if (t.punct == ';' || t.punct == '(' || t.punct == ')') ++cur;
        } else if (k > s.first && (t.lex & lx_clause)) {
            std::string_view keys[4];
            const std::size_t got = word_keys(a, k, 4, keys);
            if (a.lex.clause_markers.longest(std::span<const std::string_view>(keys, got))) ++cur;
        }
        c[k - s.first] = cur;
    }
    return c;
}

/// Token index of the n-th word token from k (n ≥ 1).
std::size_t nth_word(const Analysis& a, std::size_t k, std::size_t n) {
    std::size_t seen = 0;
    for (std::size_t j = k; j < a.tokens.size(); ++j)
        if (a.tokens[j].is(tf_word) && ++seen == n) return j;
    return k;
}

/// Words that complete a French negation after "ne" ("n'a pas retiré", "ne retire plus").
bool french_negator(std::string_view k) noexcept {
    return k == "pas" || k == "plus" || k == "jamais" || k == "guere" || k == "point" || k == "aucun" ||
           k == "aucune" || k == "rien" || k == "nullement";
}

/// Whether the text says the event of a trigger took place (docs/news.md,
/// "Status"). Looks back from the trigger over at most 8 words of its clause,
/// stopping at a comma: a grammatical negation denies it ("n'a pas retiré",
/// "did not withdraw", "no attack"); else the nearest cue of status_cues.tsv
/// gives the status ("menacé de frapper", "will be redeployed", "denied
/// sending troops"); else the trigger's own mood (a French future is planned,
/// a conditional hypothetical).
geo::EventStatus status_of(const Analysis& a, const Sentence& s, const std::vector<std::uint32_t>& clause, const Trig& tr) {
    using geo::EventStatus;
    const auto& toks = a.tokens;
    constexpr std::size_t window = 8;
    std::vector<std::size_t> before;  // word tokens before the trigger, nearest first
    for (std::size_t k = tr.first; k > s.first && before.size() < window;) {
        --k;
        if (clause[k - s.first] != tr.clause) break;
        if (!toks[k].is(tf_word)) {
            if (toks[k].punct == ',' || toks[k].punct == ':') break;
            continue;
        }
        before.push_back(k);
    }
    // Negation.
    for (std::size_t i = 0; i < before.size(); ++i) {
        const std::string_view k = a.key(before[i]);
        if (a.french) {
            if ((k == "aucun" || k == "aucune" || k == "sans") && i < 2) return EventStatus::denied;
            if (k != "ne" && k != "n") continue;
            for (std::size_t j = 0; j < i; ++j)
                if (french_negator(a.key(before[j]))) return EventStatus::denied;
            // "ne retire pas": the negator after a finite verb.
            for (std::size_t q = tr.last + 1, words = 0; q < s.last && words < 2; ++q)
                if (toks[q].is(tf_word) && (++words, french_negator(a.key(q)))) return EventStatus::denied;
        } else {
            if (k == "not" || k == "never" || k == "cannot") return EventStatus::denied;
            // "didn't", "won't": the clitic 't after a word ending in n.
            if (k == "t" && i + 1 < before.size() && a.key(before[i + 1]).ends_with('n')) return EventStatus::denied;
            if ((k == "no" || k == "without") && i < 2) return EventStatus::denied;
        }
    }
    // Cues of modality and denial, nearest first; the cue must end before the
    // trigger. A verb of saying ends the search: cues before it are its own.
    const PhraseIndex& cues = a.lex.status_cues(a.french);
    auto cue_at = [&](std::size_t k) -> std::optional<std::uint32_t> {
        std::array<std::string_view, 4> keys{};
        const std::size_t got = word_keys(a, k, std::min<std::size_t>(keys.size(), cues.max_words()), keys.data());
        const auto m = cues.longest(std::span<const std::string_view>(keys.data(), got));
        if (m && nth_word(a, k, m->words) < tr.first) return m->value;
        return std::nullopt;
    };
    // A conditional in reported speech is its future: "said that they would withdraw".
    auto reported_future = [&](std::size_t from) {
        for (std::size_t k = from; k-- > s.first;)
            if (toks[k].is(tf_word) && cue_at(k) == status_report) return true;
        return false;
    };
    for (std::size_t k : before) {
        const auto c = cue_at(k);
        if (!c) continue;
        if (*c == status_report) return EventStatus::happened;
        const auto st = static_cast<EventStatus>(*c);
        const std::string_view key = a.key(k);
        if (st == EventStatus::hypothetical && key == "would" && reported_future(k)) return EventStatus::planned;
        return st;
    }
    if (tr.info.mood == Trigger::future) return EventStatus::planned;
    if (tr.info.mood == Trigger::conditional)
        return reported_future(tr.first) ? EventStatus::planned : EventStatus::hypothetical;
    return EventStatus::happened;
}

/// Events told as facts, past or to come (the others: denied, threatened, hypothetical).
bool reported(geo::EventStatus s) noexcept {
    return s == geo::EventStatus::happened || s == geo::EventStatus::planned;
}

bool span_overlaps(const geo::TimeSpan& x, const geo::TimeSpan& y) {
    if (!x.known() || !y.known() || x.first.empty() || y.first.empty()) return true;
    return !(x.last < y.first || y.last < x.first);
}

/// Place role from the preposition before a place and the event type.
PlaceRole role_for(EventType type, std::uint32_t prep, bool before_trigger) {
    switch (type) {
    case EventType::withdrawal:
        // What forces leave is the origin, as a complement or as the direct
        // object ("leaving Mali", "quittent le Mali", "withdrew from Mali").
        if (prep == prep_to) return PlaceRole::destination;
        if (prep == prep_from || prep == prep_gen || prep == 0 || before_trigger) return PlaceRole::origin;
        return PlaceRole::location;
    case EventType::redeployment:
        if (before_trigger || prep == prep_from) return PlaceRole::origin;
        if (prep == prep_to || prep == prep_loc) return PlaceRole::destination;
        return PlaceRole::location;
    case EventType::deployment:
        // After the verb, where forces are sent is their destination in
        // both languages' constructions ("deploy to", "déployer au Niger",
        // "envoyé des troupes en Lituanie"); before it, where the clause
        // happens ("Au Niger, le Tchad a déployé…"); "from" is the origin.
        if (prep == prep_from) return PlaceRole::origin;
        if (prep == prep_to || (prep == prep_loc && !before_trigger)) return PlaceRole::destination;
        return PlaceRole::location;
    case EventType::support:
        return before_trigger ? PlaceRole::location : PlaceRole::destination;
    default: return PlaceRole::location;
    }
}

bool same_or_inside(const geo::Place& a, const geo::Place& b) {
    if (a.id == b.id) return true;
    if (a.kind == geo::PlaceKind::country && !b.country.empty() && b.country == a.country) return true;
    if (b.kind == geo::PlaceKind::country && !a.country.empty() && a.country == b.country) return true;
    return false;
}

bool share_place(const geo::Event& x, const geo::Event& y) {
    for (const auto& p : x.places)
        for (const auto& q : y.places)
            if (same_or_inside(p.place, q.place)) return true;
    return false;
}

void add_actor(std::vector<std::string>& actors, std::string name) {
    if (name.empty()) return;
    if (std::find(actors.begin(), actors.end(), name) == actors.end()) actors.push_back(std::move(name));
}

/// The country a place that acts stands for: itself for a country or a union
/// of countries, its country for a capital ("Paris a décidé").
std::optional<geo::Place> country_of(const Analysis& a, const geo::Place& p) {
    if (p.kind == geo::PlaceKind::country || p.composite) return p;
    if (!p.country.empty())
        if (const auto id = a.gz.find_id("ne:" + p.country)) return a.gz.place(*id).to_place();
    return std::nullopt;
}

/// A capitalised nationality noun that is the subject of the clause: at its
/// start or after "the/les", and followed by the trigger at `trigger`, a verb
/// of an agent or an English past form ("les Maliens ont manifesté", "the
/// French withdrew", "Nigerians voted"): a demonym mention.
/// Returns the country it points to and the token after the noun.
std::optional<std::pair<geo::Place, std::size_t>> nationality_subject(const Analysis& a, std::size_t k, std::size_t trigger,
                                                                      const std::vector<std::size_t>& mention_at,
                                                                      const std::vector<Toponym>& toponyms) {
    const auto& toks = a.tokens;
    constexpr auto none = static_cast<std::size_t>(-1);
    const Token& t = toks[k];
    if (!t.is(tf_word) || t.is(tf_lower) || t.is(tf_allcaps)) return std::nullopt;
    // Subject position: the clause's first word, or "the/les" opening it.
    auto opens = [&](std::size_t q) {
        return toks[q].is(tf_sent_start) || (q > 0 && !toks[q - 1].is(tf_word) && toks[q - 1].punct == ',');
    };
    const bool article = k > 0 && toks[k - 1].is(tf_word) && (a.key(k - 1) == "the" || a.key(k - 1) == "les");
    if (!(article ? opens(k - 1) : opens(k))) return std::nullopt;
    std::optional<geo::Place> place;
    std::size_t end = k + 1;
    if (mention_at[k] != none) {
        const std::size_t mi = mention_at[k];
        if (!a.mentions[mi].demonym || !toponyms[mi].place) return std::nullopt;
        place = *toponyms[mi].place;
        end = a.mentions[mi].last;
    }
    if (!place || end >= toks.size() || !toks[end].is(tf_word)) return std::nullopt;
    const std::string_view next = a.key(end);
    const bool verb = end == trigger || (toks[end].lex & lx_actor_verb) ||
                      (!a.french && next.size() >= 5 && next.ends_with("ed"));
    if (!verb) return std::nullopt;
    return std::pair{*place, end};
}

/// The article's main country: the country its places (outside clutter) lie
/// in most often, a dateline counting double; for national events whose
/// sentence names no place.
std::optional<geo::Place> article_focus(const Analysis& a, const std::vector<Toponym>& toponyms) {
    const auto& toks = a.tokens;
    std::unordered_map<std::string, double> by_country;
    std::string best_cc;
    double best = 0;
    for (std::size_t mi = 0; mi < a.mentions.size(); ++mi) {
        const Mention& m = a.mentions[mi];
        if (!toponyms[mi].place || toponyms[mi].place->country.empty()) continue;
        const SentenceKind kind = a.sentences[toks[m.first].sentence].kind;
        if (kind == SentenceKind::related || kind == SentenceKind::chrome || kind == SentenceKind::credit) continue;
        if (m.role == Role::actor) continue;
        const double w = toks[m.first].is(tf_line_start) && toks[m.first].is(tf_allcaps) ? 2.0 : 1.0;
        const double total = by_country[toponyms[mi].place->country] += w;
        if (total > best) {
            best = total;
            best_cc = toponyms[mi].place->country;
        }
    }
    if (!best_cc.empty())
        if (const auto id = a.gz.find_id("ne:" + best_cc)) return a.gz.place(*id).to_place();
    return std::nullopt;
}

constexpr auto no_mention = static_cast<std::size_t>(-1);

/// Two words near each other ("présence militaire", "militairement présente")
/// starting at token k: the trigger they make, if any.
std::optional<Trig> near_trigger(const Analysis& a, const Sentence& s, std::size_t k) {
    const auto& toks = a.tokens;
    const std::string_view key = a.key(k);
    for (const auto& nt : a.lex.near_triggers) {
        if (nt.info.lang != (a.french ? 1 : 2)) continue;
        const bool is1 = NearTrigger::matches(key, nt.first, nt.first_prefix);
        const bool is2 = NearTrigger::matches(key, nt.second, nt.second_prefix);
        if (!is1 && !is2) continue;
        std::size_t q = k, words = 0;
        while (++q < s.last && words < 2) {
            if (!toks[q].is(tf_word)) {
                if (toks[q].is(tf_hyphen)) continue;
                break;
            }
            ++words;
            const std::string_view qk = a.key(q);
            if ((is1 && NearTrigger::matches(qk, nt.second, nt.second_prefix)) ||
                (is2 && NearTrigger::matches(qk, nt.first, nt.first_prefix))) {
                Trig tr;
                tr.first = k;
                tr.last = q;
                tr.info = nt.info;
                return tr;
            }
        }
    }
    return std::nullopt;
}

/// Stage 1: the trigger words of a sentence (the event lexicon's longest
/// phrases, and pairs of words near each other), outside names.
std::vector<Trig> find_triggers(const Analysis& a, const Sentence& s, const std::vector<std::size_t>& mention_at) {
    const auto& toks = a.tokens;
    const PhraseIndex& events = a.lex.events(a.french);
    const std::uint32_t event_bit = a.french ? lx_event_fr : lx_event_en;
    std::vector<Trig> trigs;
    for (std::size_t k = s.first; k < s.last; ++k) {
        const Token& t = toks[k];
        if (!t.is(tf_word) || t.is(tf_person) || mention_at[k] != no_mention) continue;
        if (t.lex & lx_near)
            if (auto tr = near_trigger(a, s, k)) {
                k = tr->last;
                trigs.push_back(*tr);
                continue;
            }
        if (!(t.lex & event_bit)) continue;
        std::array<std::string_view, 8> keys{};
        const std::size_t got = word_keys(a, k, std::min<std::size_t>(keys.size(), events.max_words()), keys.data());
        const auto m = events.longest(std::span<const std::string_view>(keys.data(), got));
        if (!m) continue;
        const Trigger& info = a.lex.triggers[m->value];
        Trig tr;
        tr.first = k;
        tr.last = nth_word(a, k, m->words);
        tr.info = info;
        const std::string_view lk = a.key(tr.last);
        tr.plural = !info.verb && !info.agent && m->words == 1 && lk.size() > 3 && (lk.back() == 's' || lk.back() == 'x');
        trigs.push_back(tr);
        k = tr.last;
    }
    return trigs;
}

/// A plural noun trigger that is the object of a verb of an agent within
/// three words before it, in its clause ("a imposé des sanctions", "imposed
/// new sanctions", "launched airstrikes"): what was done, not a generic
/// mention ("en proie aux attaques", "has delayed elections").
bool object_of_verb(const Analysis& a, const Trig& tr) {
    const auto& toks = a.tokens;
    std::size_t k = tr.first, words = 0;
    while (k > 0 && words < 3) {
        --k;
        const Token& t = toks[k];
        if (!t.is(tf_word) || t.sentence != toks[tr.first].sentence) return false;
        ++words;
        if (!t.is(tf_lower)) return false;
        // Only a verb of an agent (actor_verbs.txt: "imposed", "a lancé");
        // the nearest past participle decides ("has delayed elections" did
        // not take place).
        if (t.lex & lx_actor_verb) return true;
        const std::string_view key = a.key(k), raw = a.raw(t);
        if (a.french ? (raw.ends_with("é") || raw.ends_with("ée") || raw.ends_with("és") || raw.ends_with("ées"))
                     : (key.size() >= 5 && key.ends_with("ed")))
            return false;
        // A preposition makes it no object ("plagued by attacks"); French
        // partitive articles are not one ("des sanctions").
        if ((t.lex & lx_prep) && key != "des" && key != "de" && key != "d" && key != "du") return false;
    }
    return false;
}

/// What the stages reading one sentence share.
struct SentenceView {
    const Analysis& a;
    const std::vector<Toponym>& toponyms;
    const std::vector<std::size_t>& mention_at;
    const Sentence& s;
    std::size_t index = 0;               ///< of the sentence
    std::size_t mb = 0, me = 0;          ///< its mentions [mb, me)
    std::vector<std::uint32_t> clause;   ///< clause number per token of the sentence
    std::vector<const DateMention*> dates;
    std::uint32_t clause_of(std::size_t k) const { return clause[k - s.first]; }
};

/// Stage 2: each trigger's clause and status; its type refined by its object
/// (a capture of a place is a military operation, not an arrest); a temporal
/// phrase it opens ("Depuis le coup d'État d'août 2020, …"); a deployment word
/// that only says where the troops of a later movement stand is dropped.
void classify_triggers(const SentenceView& v, std::vector<Trig>& trigs) {
    const Analysis& a = v.a;
    const Sentence& s = v.s;
    const auto& toks = a.tokens;
    for (auto& tr : trigs) tr.clause = v.clause_of(tr.first);
    for (auto& tr : trigs) tr.status = status_of(a, s, v.clause, tr);
    for (auto& tr : trigs) {
        // The next word, past an article or a preposition: a place there is the trigger's object.
        std::size_t q = tr.last + 1, words = 0;
        while (q < s.last && words < 2) {
            if (toks[q].is(tf_word)) {
                if (v.mention_at[q] != no_mention) break;
                if (++words == 2 || !a.lex.stop(a.french).contains(a.key(q))) break;
            }
            ++q;
        }
        const bool place_object = q < s.last && v.mention_at[q] != no_mention && !a.mentions[v.mention_at[q]].demonym;
        // "captured Homs", "ont capturé Kidal": a capture of a place (its direct
        // object, not a place after a preposition: "arrested in Kinshasa") is a
        // military operation, not an arrest.
        if (tr.info.type == EventType::arrest && place_object) {
            bool direct = true;
            for (std::size_t w = tr.last + 1; w < q; ++w)
                if (toks[w].is(tf_word) && (toks[w].lex & lx_prep)) direct = false;
            if (direct) tr.info.type = EventType::military_operation;
        }
        // "Depuis le coup d'État d'août 2020, …": a temporal phrase before a comma.
        std::size_t p = tr.first, seen = 0;
        while (p > s.first && seen < 3) {
            --p;
            if (!toks[p].is(tf_word)) break;
            ++seen;
            if (temporal_preposition(a.key(p))) {
                for (std::size_t c = tr.last + 1; c < s.last && v.clause_of(c) == tr.clause; ++c)
                    if (toks[c].punct == ',') {
                        tr.phrase_start = p;
                        tr.phrase_end = c;
                        break;
                    }
                break;
            }
        }
    }
    // "ont fui les combats vers le Tchad", "fled the fighting": what people
    // flee (a noun trigger right after the verb, past an article) is the
    // cause of their flight, not an event where they go.
    std::erase_if(trigs, [&](const Trig& n) {
        if (n.info.verb) return false;
        return std::any_of(trigs.begin(), trigs.end(), [&](const Trig& f) {
            if (!f.info.verb || f.info.type != EventType::other || f.last >= n.first || f.clause != n.clause) return false;
            for (std::size_t w = f.last + 1; w < n.first; ++w)
                if (toks[w].is(tf_word) && !is_article(a.key(w))) return false;
            return true;
        });
    });
    // "the troops stationed in Mali will be redeployed to Niger": a
    // deployment word before a redeployment or withdrawal in its clause
    // says where the troops are, the place the movement starts from.
    std::erase_if(trigs, [&](const Trig& d) {
        if (d.info.type != EventType::deployment) return false;
        return std::any_of(trigs.begin(), trigs.end(), [&](const Trig& m) {
            return m.clause == d.clause && m.first > d.last &&
                   (m.info.type == EventType::redeployment || m.info.type == EventType::withdrawal);
        });
    });
}

/// A demonym beside a government noun names that government: "les autorités
/// tchadiennes", "the Chadian government".
bool names_government(const Analysis& a, const Mention& m) {
    const auto& toks = a.tokens;
    const auto gov = [&](std::size_t k) {
        return k < toks.size() && toks[k].is(tf_word) && toks[k].sentence == toks[m.first].sentence &&
               a.lex.government_nouns.contains(a.key(k));
    };
    return (m.first > 0 && gov(m.first - 1)) || gov(m.last);
}

/// Whether the mention starting at token k is the object of a withdrawal
/// trigger: the trigger's last word just before it, an article between at most.
bool object_of_departure(const Analysis& a, const std::vector<Trig>& trigs, std::size_t k) {
    return std::any_of(trigs.begin(), trigs.end(), [&](const Trig& w) {
        if (w.info.type != EventType::withdrawal || w.last >= k) return false;
        std::size_t words = 0;
        for (std::size_t q = w.last + 1; q < k; ++q)
            if (a.tokens[q].is(tf_word) && ++words > 1) return false;
        return true;
    });
}

/// Appends `ep` (from mention mi) unless the draft has that place already.
void add_place(Draft& d, geo::EventPlace ep, std::size_t mi) {
    const bool dup = std::any_of(d.event.places.begin(), d.event.places.end(),
                                 [&](const geo::EventPlace& p) { return p.place.id == ep.place.id; });
    if (dup) return;
    d.event.places.push_back(std::move(ep));
    d.mentions.push_back(mi);
}

/// A demonym naming a country's diplomatic mission ("l'ambassade française",
/// "the French embassy"): the mission stands abroad, so the demonym does not
/// locate what happens at it.
bool names_mission(const Analysis& a, const Mention& m) {
    auto mission = [&](std::size_t k) {
        if (k >= a.tokens.size() || !a.tokens[k].is(tf_word)) return false;
        const std::string_view w = a.key(k);
        for (const std::string_view n : {"ambassade", "ambassades", "consulat", "consulats", "embassy", "embassies",
                                         "consulate", "consulates"})
            if (w == n) return true;
        return false;
    };
    return (m.first > 0 && mission(m.first - 1)) || mission(m.last);
}

/// The relative clause right after a noun trigger, which describes what it
/// names ("des manifestants qui dénonçaient les coupures à Antananarivo",
/// "protesters who denounced water cuts in Antananarivo"): its clause
/// number, if there is one.
std::optional<std::uint32_t> relative_clause_after(const SentenceView& v, const Trig& tr) {
    if (tr.info.verb) return std::nullopt;
    const Analysis& a = v.a;
    for (std::size_t k = tr.last + 1; k < v.s.last; ++k) {
        const Token& t = a.tokens[k];
        if (!t.is(tf_word)) {
            if (t.punct == ',') continue;  // "des manifestants, qui …"
            return std::nullopt;
        }
        const std::string_view w = a.key(k);
        if ((a.french ? w == "qui" : (w == "who" || w == "which" || w == "that")) && v.clause_of(k) != tr.clause)
            return v.clause_of(k);
        return std::nullopt;
    }
    return std::nullopt;
}

/// The places of the trigger's clause after it (up to `scope_end`) or before
/// it, names or demonyms, each with its role from the preposition before it.
void collect_places(const SentenceView& v, const std::vector<Trig>& trigs, const Trig& tr, std::size_t scope_end,
                    bool before, bool demonyms, Draft& d) {
    const Analysis& a = v.a;
    const EventType type = tr.info.type;
    const auto relative = before ? std::nullopt : relative_clause_after(v, tr);
    for (std::size_t mi = v.mb; mi < v.me; ++mi) {
        const Mention& m = a.mentions[mi];
        if (m.first < v.s.first || m.first >= v.s.last) continue;
        if (before ? m.first >= tr.first : (m.first <= tr.last || m.first >= scope_end)) continue;
        if (m.demonym != demonyms || !v.toponyms[mi].place || m.role == Role::actor) continue;
        if (demonyms && names_mission(a, m)) continue;
        const std::uint32_t prep = preposition_before(a, m.first);
        // Its clause, or a place said to be where in the relative clause that describes it.
        if (v.clause_of(m.first) != tr.clause && !(relative && v.clause_of(m.first) == *relative && prep == prep_loc))
            continue;
        // Before the trigger only a place said to be where (or whence)
        // counts: "les soldats au Mali seront redéployés"; not the
        // object of another verb ("menaçant Bamako").
        // A national happening may name its country as a complement ("les électeurs du Sénégal ont élu");
        // a redeployment starts from the object of a departure before it ("the forces leaving Niger
        // will be redeployed", "les soldats quittant le Mali seront redéployés").
        if (before && !demonyms && prep != prep_loc && prep != prep_from && prep != prep_to &&
            !(prep == prep_gen && focus_locates(type)) &&
            !(type == EventType::redeployment && object_of_departure(a, trigs, m.first)))
            continue;
        // "une attaque à 50 km au nord de Gao": the event is there, not in Gao.
        const auto offset = offset_place(a, mi, *v.toponyms[mi].place);
        add_place(d, geo::EventPlace{offset ? *offset : *v.toponyms[mi].place, role_for(type, prep, before)}, mi);
    }
}

/// Stage 3: the places the text gives the trigger ti: after it in its scope
/// (from it to the next trigger of its clause), else before it in its clause;
/// for a movement both; for a national happening a demonym.
void place_trigger(const SentenceView& v, const std::vector<Trig>& trigs, std::size_t ti, Draft& d) {
    const Analysis& a = v.a;
    const Trig& tr = trigs[ti];
    const EventType type = tr.info.type;
    const bool first_in_clause = ti == 0 || trigs[ti - 1].clause != tr.clause;
    std::size_t scope_end = v.s.last;
    if (ti + 1 < trigs.size() && trigs[ti + 1].clause == tr.clause) scope_end = trigs[ti + 1].first;
    if (tr.phrase_end) scope_end = std::min(scope_end, tr.phrase_end);
    collect_places(v, trigs, tr, scope_end, false, false, d);
    // "une embuscade a coûté la vie à 17 soldats près de Ménaka", "an ambush
    // killed 17 soldiers near Ménaka": a trigger whose places follow the next
    // trigger of its clause shares them (the dedup below keeps the stronger type).
    if (d.event.places.empty() && scope_end != v.s.last && !tr.phrase_end) {
        scope_end = v.s.last;
        collect_places(v, trigs, tr, scope_end, false, false, d);
    }
    const bool keeps_before = type == EventType::withdrawal || type == EventType::redeployment;
    // A redeployment reads back past a departure of its clause ("the forces leaving Mali will be redeployed").
    if ((first_in_clause || type == EventType::redeployment) && (d.event.places.empty() || keeps_before)) {
        // Places before the trigger come first in the list.
        std::vector<geo::EventPlace> after = std::move(d.event.places);
        std::vector<std::size_t> after_m = std::move(d.mentions);
        d.event.places.clear();
        d.mentions.clear();
        if (type != EventType::support || after.empty()) collect_places(v, trigs, tr, scope_end, true, false, d);
        for (std::size_t q = 0; q < after.size(); ++q) add_place(d, after[q], after_m[q]);
    }
    if (d.event.places.empty() && demonym_locates(type)) {
        collect_places(v, trigs, tr, scope_end, false, true, d);
        if (d.event.places.empty() && first_in_clause) collect_places(v, trigs, tr, scope_end, true, true, d);
        // "Relations with the Malian authorities soured after two coups": a demonym of the sentence.
        for (std::size_t mi = v.mb; mi < v.me && d.event.places.empty(); ++mi) {
            const Mention& m = a.mentions[mi];
            if (m.demonym && m.first >= v.s.first && m.first < v.s.last && v.toponyms[mi].place && !names_mission(a, m)) {
                d.event.places.emplace_back(*v.toponyms[mi].place, PlaceRole::location);
                d.mentions.push_back(mi);
            }
        }
    }
}

/// The date a trigger gets: the nearest of its clause (inside its temporal
/// phrase when it opens one), else the nearest of the sentence.
struct DateChoice {
    const DateMention* best = nullptr;
    bool same_clause = false;
    std::vector<const DateMention*> clause_dates;  ///< every date of its clause
};

/// Stage 4: the trigger's date.
DateChoice date_trigger(const SentenceView& v, const Trig& tr) {
    const auto& toks = v.a.tokens;
    DateChoice c;
    std::size_t best_dist = static_cast<std::size_t>(-1);
    for (const DateMention* dm : v.dates) {
        if (!dm->span.known()) continue;
        std::size_t tk = v.s.first;
        while (tk < v.s.last && toks[tk].end <= dm->start) ++tk;
        const bool same = tk < v.s.last && v.clause_of(tk) == tr.clause &&
                          (!tr.phrase_end || (tk > tr.phrase_start && tk < tr.phrase_end));
        if (same) c.clause_dates.push_back(dm);
        const std::size_t pos = toks[tr.first].start;
        const std::size_t dist = dm->start > pos ? dm->start - pos : pos - dm->end;
        if ((same && !c.same_clause) || ((same == c.same_clause) && dist < best_dist)) {
            c.best = dm;
            best_dist = dist;
            c.same_clause = same;
        }
    }
    return c;
}

/// "in the capital", "dans la capitale", "in the Malian capital": the
/// national capital of the country the sentence speaks of — the demonym
/// beside the word, else the country named after "of/de", else the nearest
/// place named before it (in the sentence, then earlier) — for an event
/// that has no place of its own. A description, not a name: no toponym.
std::optional<geo::Place> capital_in_sentence(const SentenceView& v) {
    const Analysis& a = v.a;
    const auto& toks = a.tokens;
    const auto mention_place = [&](std::size_t k) -> const geo::Place* {
        if (k >= v.mention_at.size() || v.mention_at[k] == no_mention) return nullptr;
        const auto& t = v.toponyms[v.mention_at[k]];
        return t.place ? &*t.place : nullptr;
    };
    // The word before k (none past the sentence's start).
    const auto word_before = [&](std::size_t k) -> std::optional<std::size_t> {
        while (k > v.s.first) {
            --k;
            if (toks[k].is(tf_word)) return k;
            if (toks[k].punct != '\'') return std::nullopt;  // "l'": the apostrophe joins
        }
        return std::nullopt;
    };
    const auto word_after = [&](std::size_t k) -> std::optional<std::size_t> {
        for (++k; k < v.s.last; ++k)
            if (toks[k].is(tf_word)) return k;
        return std::nullopt;
    };
    for (std::size_t k = v.s.first; k < v.s.last; ++k) {
        if (!toks[k].is(tf_word) || !toks[k].is(tf_lower)) continue;
        const std::string_view key = a.key(k);
        if (key != (a.french ? "capitale" : "capital")) continue;
        const geo::Place* named = nullptr;  // the country said with the word
        auto b = word_before(k);
        if (b && mention_place(*b) && a.mentions[v.mention_at[*b]].demonym) {  // "the Malian capital"
            named = mention_place(*b);
            b = word_before(a.mentions[v.mention_at[*b]].first);
        }
        // An article, then a preposition of place: "in the", "dans la", "à la".
        if (!b || a.key(*b) != (a.french ? "la" : "the")) continue;
        const auto prep = word_before(*b);
        if (!prep || !(toks[*prep].lex & lx_prep)) continue;
        if (const auto after = word_after(k); after && !named) {
            if (const geo::Place* p = mention_place(*after); p && a.mentions[v.mention_at[*after]].demonym)
                named = p;  // "la capitale malienne"
            else if (const std::string_view w = a.key(*after); w == "of" || w == "de" || w == "du")
                if (const auto x = word_after(*after); x && mention_place(*x)) named = mention_place(*x);
        }
        if (!named)  // the nearest place named before the word
            for (std::size_t mi = std::min(v.me, a.mentions.size()); mi-- > 0;)
                if (a.mentions[mi].first < k && v.toponyms[mi].place) {
                    named = &*v.toponyms[mi].place;
                    break;
                }
        if (!named) return std::nullopt;
        const auto country = country_of(a, *named);
        if (!country || country->country.empty()) return std::nullopt;
        if (const auto id = a.gz.capital_of(country->country)) return a.gz.place(*id).to_place();
        return std::nullopt;
    }
    return std::nullopt;
}

/// Stage 5: places the text implies when it states none: the article's main
/// country for a national happening stated with a date, the countries of the
/// parties to an agreement (inferred, origin_rule "party_country").
void infer_places(const SentenceView& v, const Trig& tr, const DateChoice& date, const std::optional<geo::Place>& focus,
                  Draft& d) {
    const Analysis& a = v.a;
    const EventType type = tr.info.type;
    const bool sentence_has_place =
        std::any_of(a.mentions.begin() + static_cast<std::ptrdiff_t>(v.mb), a.mentions.begin() + static_cast<std::ptrdiff_t>(v.me),
                    [&](const Mention& m) { return !m.demonym && m.role != Role::actor; });
    // No place in the sentence: the article's main place, for a happening
    // stated by a verb or given a date ("la junte a pris le pouvoir vendredi").
    if (d.event.places.empty() && !sentence_has_place && focus && focus_locates(type) && !tr.info.verb &&
        date.same_clause)
        d.event.places.emplace_back(*focus, PlaceRole::location);
    // "in the capital": where a happening with no place of its own took place
    // (a movement's ends and a statement are never guessed from it).
    const bool happening = type != EventType::withdrawal && type != EventType::redeployment &&
                           type != EventType::deployment && type != EventType::support && type != EventType::statement;
    // A country read from "la capitale malienne" gives way to its capital.
    const bool only_a_country = d.event.places.size() == 1 && d.event.places[0].place.kind == geo::PlaceKind::country &&
                                d.event.places[0].role == PlaceRole::location;
    const bool named_place_here =  // a place named where events are (a dateline is not one)
        std::any_of(a.mentions.begin() + static_cast<std::ptrdiff_t>(v.mb), a.mentions.begin() + static_cast<std::ptrdiff_t>(v.me),
                    [&](const Mention& m) { return !m.demonym && m.role != Role::actor && !is_dateline(a, m); });
    if (happening && ((d.event.places.empty() && !named_place_here) || only_a_country))
        if (auto capital = capital_in_sentence(v);
            capital && (!only_a_country || d.event.places[0].place.country == capital->country))
            d.event.places.assign(1, geo::EventPlace(std::move(*capital), PlaceRole::location));
    // "Ankara signed a pact with Tripoli", "les autorités tchadiennes ont
    // dénoncé l'accord signé avec Paris": an agreement that names only its
    // parties binds their countries; placed there, marked as inferred.
    if (d.event.places.empty() && type == EventType::agreement)
        for (std::size_t mi = v.mb; mi < v.me; ++mi) {
            const Mention& m = a.mentions[mi];
            if (!v.toponyms[mi].place || m.first < v.s.first || m.first >= v.s.last || v.clause_of(m.first) != tr.clause)
                continue;
            if (m.role != Role::actor && !(m.demonym && names_government(a, m))) continue;
            const auto country = country_of(a, *v.toponyms[mi].place);
            if (country && std::none_of(d.event.places.begin(), d.event.places.end(),
                                        [&](const geo::EventPlace& p) { return p.place.id == country->id; }))
                d.event.places.emplace_back(*country, PlaceRole::location, true, "party_country");
        }
}

/// Stage 6: the actors of the trigger, from its sentence before it: places
/// named as actors, group nouns beside a demonym ("the Malian army"), a
/// nationality noun as subject, people's names.
void collect_actors(const SentenceView& v, const Trig& tr, Draft& d) {
    const Analysis& a = v.a;
    const auto& toks = a.tokens;
    const Sentence& s = v.s;
    for (std::size_t mi = v.mb; mi < v.me; ++mi) {
        const Mention& m = a.mentions[mi];
        if (m.first < s.first || m.first >= s.last || !v.toponyms[mi].place) continue;
        if (m.role == Role::actor && m.first < tr.first) {
            add_actor(d.event.actors, v.toponyms[mi].place->name);
            d.actor_places.push_back(*v.toponyms[mi].place);
            d.named_actors.push_back(*v.toponyms[mi].place);
        }
    }
    for (std::size_t k = s.first; k < tr.first; ++k) {
        const Token& t = toks[k];
        if (!t.is(tf_word) || !(t.lex & lx_actor_noun)) continue;
        // "ses partenaires européens", "its European partners", "the Malian army".
        std::size_t from = k, to = k + 1, dm = no_mention;
        if (k + 1 < s.last && v.mention_at[k + 1] != no_mention && a.mentions[v.mention_at[k + 1]].demonym)
            to = a.mentions[dm = v.mention_at[k + 1]].last;
        else if (k > s.first && v.mention_at[k - 1] != no_mention && a.mentions[v.mention_at[k - 1]].demonym)
            from = a.mentions[dm = v.mention_at[k - 1]].first;
        else
            continue;
        add_actor(d.event.actors, std::string(a.text.substr(toks[from].start, toks[to - 1].end - toks[from].start)));
        if (v.toponyms[dm].place) d.actor_places.push_back(*v.toponyms[dm].place);
    }
    // A nationality noun as the subject: "les Maliens ont manifesté", "the French
    // withdrew", "Nigerians voted" (its people, or its government, act).
    for (std::size_t k = s.first; k < tr.first; ++k) {
        const auto people = nationality_subject(a, k, tr.first, v.mention_at, v.toponyms);
        if (!people) continue;
        add_actor(d.event.actors, std::string(a.text.substr(toks[k].start, toks[people->second - 1].end - toks[k].start)));
        d.actor_places.push_back(people->first);
        k = people->second - 1;
    }
    // An acronym opening the sentence, alone or after an article, is the
    // organisation that acts ("la CEDEAO a imposé", "ECOWAS suspended").
    {
        std::size_t k = s.first;
        if (k < tr.first && toks[k].is(tf_word) && toks[k].is(tf_stop) && !toks[k].is(tf_allcaps)) ++k;
        while (k < tr.first && !toks[k].is(tf_word)) ++k;
        if (k < tr.first && toks[k].is(tf_allcaps) && !toks[k].is(tf_digit) && toks[k].end - toks[k].start >= 2 &&
            v.mention_at[k] == no_mention && !toks[k].is(tf_org) && !toks[k].is(tf_person))
            add_actor(d.event.actors, std::string(a.raw(toks[k])));
    }
    // People and organisations named before the trigger ("Emmanuel Macron a
    // annoncé", "l'UE a imposé", "the EU imposed"): each run of their tokens.
    for (const std::uint32_t flag : {tf_person, tf_org})
        for (std::size_t k = s.first; k < tr.first; ++k) {
            if (!toks[k].is(flag) || (k > s.first && toks[k - 1].is(flag))) continue;
            std::size_t e = k;
            while (e + 1 < tr.first && (toks[e + 1].is(flag) || toks[e + 1].is(tf_hyphen))) ++e;
            add_actor(d.event.actors, std::string(a.text.substr(toks[k].start, toks[e].end - toks[k].start)));
        }
}

/// Whether a type that needs an agent has one: an actor, a possessive before
/// the trigger ("leur soutien", "their support"), two parties to an agreement.
/// Sets d.possessive.
bool has_agent(const SentenceView& v, const Trig& tr, Draft& d) {
    const auto& toks = v.a.tokens;
    if (!needs_agent(tr.info.type)) return true;
    std::size_t p = tr.first;
    while (p > v.s.first && !toks[p - 1].is(tf_word)) --p;
    d.possessive = p > v.s.first && is_possessive(v.a.key(p - 1));
    const bool parties = tr.info.type == EventType::agreement && d.event.places.size() >= 2;
    return !d.event.actors.empty() || d.possessive || parties;
}

/// Whether two types at one place and date can be words for one happening:
/// the same type; violence told by its kinds (an ambush that killed, a coup
/// with shots fired, a protest the police fired on); a movement told as
/// its kinds. A sanction, an agreement, an election, a political event or
/// another happening is a fact of its own beside them ("imposed sanctions
/// over attacks in North Darfur": both).
bool one_happening(EventType x, EventType y) noexcept {
    if (x == y) return true;
    const auto family = [](EventType t) {
        switch (t) {
        case EventType::attack:
        case EventType::casualties:
        case EventType::military_operation:
        case EventType::coup:
        case EventType::coup_attempt:
        case EventType::arrest:
        case EventType::protest: return 1;
        case EventType::withdrawal:
        case EventType::redeployment:
        case EventType::deployment:
        case EventType::support: return 2;
        default: return 0;
        }
    };
    return family(x) != 0 && family(x) == family(y);
}

/// One event per happening and place set in a clause: a stronger type wins
/// over a weaker one of the same happening (one_happening) with the same
/// places and date. Appends the kept ones to `drafts`.
void keep_strongest(std::vector<Draft>& here, std::vector<Draft>& drafts) {
    std::vector<std::uint8_t> dropped(here.size(), 0);
    for (std::size_t i = 0; i < here.size(); ++i) {
        bool drop = false;
        for (std::size_t j = 0; j < here.size() && !drop; ++j) {
            if (i == j) continue;
            const auto& x = here[i].event;
            const auto& y = here[j].event;
            const bool same_places = x.places.size() == y.places.size() &&
                                     std::equal(x.places.begin(), x.places.end(), y.places.begin(),
                                                [](const auto& p, const auto& q) { return p.place.id == q.place.id; });
            if (!same_places || x.when.iso != y.when.iso || !one_happening(x.type, y.type)) continue;
            if (priority(y.type) > priority(x.type) || (y.type == x.type && j < i)) drop = true;
        }
        dropped[i] = drop;
    }
    for (std::size_t i = 0; i < here.size(); ++i)
        if (!dropped[i]) drafts.push_back(std::move(here[i]));
}

/// A day told from the previous event of the article, in the trigger's
/// clause: "la veille" (-1), "l'avant-veille" (-2), "le lendemain" (+1),
/// "the day before", "the previous day", "a day earlier" (-1), "the next
/// day", "the following day", "a day later" (+1). Not "à la veille de
/// l'élection" or "au lendemain du vote" (the eve or the morrow of what
/// follows, which has a date of its own) nor "the day before the vote".
std::optional<int> day_from_previous_event(const SentenceView& v, const Trig& tr) {
    const Analysis& a = v.a;
    const auto& toks = a.tokens;
    const auto word = [&](std::size_t k) { return k < v.s.last && toks[k].is(tf_word) ? a.key(k) : std::string_view{}; };
    // The word after k, past an apostrophe ("l'avant-veille").
    const auto next_word = [&](std::size_t k) {
        for (++k; k < v.s.last; ++k)
            if (toks[k].is(tf_word)) return k;
        return static_cast<std::size_t>(v.s.last);
    };
    const auto followed_by_of = [&](std::size_t k) {
        const std::string_view w = word(k + 1);  // right after it: "la veille, des…" is no "veille des"
        return w == "de" || w == "du" || w == "des" || w == "d";
    };
    // In the trigger's clause, or opening its sentence before it ("The day before, police had…").
    for (std::size_t k = v.s.first; k < v.s.last; ++k) {
        if (!toks[k].is(tf_word) || (v.clause_of(k) != tr.clause && k >= tr.first)) continue;
        const std::string_view w = a.key(k);
        if (a.french) {
            if ((w == "veille" || w == "avant-veille" || w == "lendemain") && !followed_by_of(k) && k > v.s.first) {
                std::size_t b = k - 1;
                while (b > v.s.first && !toks[b].is(tf_word)) --b;
                const std::string_view art = word(b);
                if (art != "la" && art != "le" && art != "l") continue;
                return w == "lendemain" ? 1 : w == "veille" ? -1 : -2;
            }
        } else if (w == "day") {
            std::size_t b = k - 1, n = next_word(k);
            while (b > v.s.first && !toks[b].is(tf_word)) --b;
            const std::string_view before = word(b), after = word(n);
            if (before == "previous") return -1;
            if (before == "next" || before == "following") return 1;
            if (before == "a" && (after == "earlier" || after == "later")) return after == "earlier" ? -1 : 1;
            // "the day before," / "the day before." (not "the day before the vote").
            if (before == "the" && after == "before" && (n + 1 >= v.s.last || !toks[n + 1].is(tf_word))) return -1;
        }
    }
    return std::nullopt;
}

/// The day `offset` days away from the date of the last event before, when that
/// date is a day the text gave.
std::optional<geo::TimeSpan> day_from(const std::vector<Draft>& before, int offset) {
    for (auto it = before.rbegin(); it != before.rend(); ++it) {
        if (!it->explicit_date) continue;
        const std::string& iso = it->event.when.iso;
        if (iso.size() != 10) return std::nullopt;  // a month, a year or a range: no day to count from
        using namespace std::chrono;
        int y = 0;
        unsigned m = 0, d = 0;
        if (std::sscanf(iso.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
        const year_month_day shifted{sys_days{year{y} / month{m} / day{d}} + days{offset}};
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(shifted.year()),
                      static_cast<unsigned>(shifted.month()), static_cast<unsigned>(shifted.day()));
        return geo::time_span_from_iso(buf);
    }
    return std::nullopt;
}

/// The drafts of one story sentence: each trigger through the stages above.
void read_sentence(SentenceView& v, const std::optional<geo::Place>& focus, std::vector<Draft>& drafts) {
    const Analysis& a = v.a;
    const Sentence& s = v.s;
    const auto& toks = a.tokens;
    std::vector<Trig> trigs = find_triggers(a, s, v.mention_at);
    if (trigs.empty()) return;
    v.clause = clauses_of(a, s);
    classify_triggers(v, trigs);
    const bool has_number = std::any_of(toks.begin() + s.first, toks.begin() + s.last, [&](const Token& t) {
        return (t.is(tf_digit) && !t.is(tf_date)) || (t.is(tf_word) && !t.is(tf_date) && count_word(a.key(t)));
    });
    const bool only_statements = std::all_of(trigs.begin(), trigs.end(), [](const Trig& t) {
        return t.info.type == EventType::statement;
    });
    const auto ref_span = geo::time_span_from_iso(a.ref.iso());
    std::vector<Draft> here;
    for (std::size_t ti = 0; ti < trigs.size(); ++ti) {
        const Trig& tr = trigs[ti];
        const EventType type = tr.info.type;
        if (type == EventType::statement && !only_statements) continue;
        Draft d;
        d.event.type = type;
        d.event.status = tr.status;
        d.verb = tr.info.verb;
        d.sentence = v.index;
        d.order = toks[tr.first].start;
        place_trigger(v, trigs, ti, d);
        const DateChoice date = date_trigger(v, tr);
        // Generic plurals ("en proie aux attaques") and counts need a date or a
        // number, unless a verb acts on them ("a imposé des sanctions").
        if (tr.plural && !date.same_clause && type != EventType::casualties && !object_of_verb(a, tr)) continue;
        if (type == EventType::casualties && !has_number && !date.same_clause) continue;
        infer_places(v, tr, date, focus, d);
        if (d.event.places.empty()) continue;  // an event nobody can map is noise here
        d.explicit_date = date.best != nullptr;
        if (date.best) d.event.when = date.best->span;
        else if (ref_span) d.event.when = *ref_span;
        // "La veille, la police avait interpellé…": the day before the event told before.
        if (!date.same_clause)
            if (const auto shift = day_from_previous_event(v, tr))
                if (const auto day = day_from(drafts, *shift)) {
                    d.event.when = *day;
                    d.explicit_date = true;
                }
        d.event.year_guessed = a.year_guessed && d.event.when.known() && (!date.best || date.best->relative);
        collect_actors(v, tr, d);
        if (!has_agent(v, tr, d)) continue;
        d.event.evidence_start = s.start;
        d.event.evidence_end = s.end;
        d.event.confidence = (tr.info.verb ? 0.8 : 0.65) * (d.explicit_date ? 1.0 : 0.9);
        // Two dates joined in one clause ("en 2020 et en 2021"): one event each.
        if (punctual(type) && date.clause_dates.size() >= 2) {
            for (const DateMention* dm : date.clause_dates) {
                Draft copy = d;
                copy.event.when = dm->span;
                copy.event.year_guessed = a.year_guessed && dm->relative;
                copy.explicit_date = true;
                here.push_back(std::move(copy));
            }
            continue;
        }
        here.push_back(std::move(d));
    }
    keep_strongest(here, drafts);
}

/// Support going somewhere without a stated origin comes from its supporter:
/// the country (or group of countries) an actor of the event stands for
/// ("supporter_country"); with no supporter named but a possessive pointing
/// back ("leur soutien", "their support"), the country named as actor of the
/// closest earlier event that has one ("antecedent_country"; the actors are
/// not copied). Both inferred.
void infer_support_origins(const Analysis& a, std::vector<Draft>& merged) {
    const auto has_origin = [](const geo::Event& ev) {
        return std::any_of(ev.places.begin(), ev.places.end(), [](const geo::EventPlace& p) { return p.role == PlaceRole::origin; });
    };
    for (std::size_t i = 0; i < merged.size(); ++i) {
        geo::Event& ev = merged[i].event;
        if (ev.type != EventType::support) continue;
        if (!has_origin(ev))
            for (const geo::Place& ap : merged[i].actor_places) {
                const auto country = country_of(a, ap);
                if (!country || std::any_of(ev.places.begin(), ev.places.end(),
                                            [&](const geo::EventPlace& p) { return p.place.id == country->id; }))
                    continue;
                ev.places.insert(ev.places.begin(), geo::EventPlace(*country, PlaceRole::origin, true, "supporter_country"));
                break;
            }
        if (merged[i].actor_places.empty() && merged[i].possessive && !has_origin(ev))
            for (std::size_t j = i; j-- > 0;) {
                const auto c = std::find_if(merged[j].named_actors.begin(), merged[j].named_actors.end(),
                                            [](const geo::Place& p) { return p.kind == geo::PlaceKind::country || p.composite; });
                if (c == merged[j].named_actors.end()) continue;
                ev.places.insert(ev.places.begin(), geo::EventPlace(*c, PlaceRole::origin, true, "antecedent_country"));
                break;
            }
    }
}

} // namespace

void link_redeployments(std::vector<Draft>& drafts) {
    const auto has_role = [](const geo::Event& e, PlaceRole role) {
        return std::any_of(e.places.begin(), e.places.end(), [&](const geo::EventPlace& p) { return p.role == role; });
    };
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        geo::Event& r = drafts[i].event;
        if (r.type != EventType::redeployment) continue;
        if (has_role(r, PlaceRole::origin) || !has_role(r, PlaceRole::destination)) continue;
        for (std::size_t j = i; j-- > 0;) {
            const geo::Event& w = drafts[j].event;
            const bool adjacent = drafts[j].sentence + 1 >= drafts[i].sentence;
            if (w.type != EventType::withdrawal && !(adjacent && w.type == EventType::deployment)) continue;
            if (!reported(w.status)) continue;
            const PlaceRole from = w.type == EventType::withdrawal ? PlaceRole::origin : PlaceRole::location;
            for (const auto& p : w.places)
                if (p.role == from && std::none_of(r.places.begin(), r.places.end(),
                                                   [&](const geo::EventPlace& q) { return q.place.id == p.place.id; }))
                    r.places.insert(r.places.begin(), adjacent ? geo::EventPlace(p.place, PlaceRole::origin)
                                                               : geo::EventPlace(p.place, PlaceRole::origin, true,
                                                                                 "earlier_withdrawal"));
            if (has_role(r, PlaceRole::origin)) break;
        }
    }
}

std::vector<Draft> merge_repeats(std::vector<Draft> drafts) {
    std::vector<Draft> merged;
    // Candidates for merging, by type and place (and by type and country).
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_place;
    auto place_keys = [](const geo::Event& e) {
        // Hashes of (type, place id) and (type, country): collisions only cost a comparison.
        std::vector<std::uint64_t> ks;
        const auto t = static_cast<std::uint64_t>(e.type);
        for (const auto& p : e.places) {
            ks.push_back(hash_word(p.place.id) * 31 + t);
            if (!p.place.country.empty()) ks.push_back((hash_word(p.place.country) ^ 0x9E3779B97F4A7C15ull) * 31 + t);
        }
        return ks;
    };
    for (Draft& d : drafts) {
        std::vector<std::size_t> cands;
        for (const auto& k : place_keys(d.event))
            if (const auto f = by_place.find(k); f != by_place.end()) cands.insert(cands.end(), f->second.begin(), f->second.end());
        std::sort(cands.begin(), cands.end());
        cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
        auto found = std::find_if(cands.begin(), cands.end(), [&](std::size_t i) {
            const Draft& m = merged[i];
            return m.event.type == d.event.type && reported(m.event.status) == reported(d.event.status) &&
                   (reported(m.event.status) || m.event.status == d.event.status) &&
                   span_overlaps(m.event.when, d.event.when) && share_place(m.event, d.event);
        });
        if (found == cands.end()) {
            for (const auto& k : place_keys(d.event)) by_place[k].push_back(merged.size());
            merged.push_back(std::move(d));
            continue;
        }
        Draft* it = &merged[*found];
        // Index the merged event under the keys it gains (each once).
        for (const auto& k : place_keys(d.event)) {
            auto& list = by_place[k];
            if (std::find(list.begin(), list.end(), *found) == list.end()) list.push_back(*found);
        }
        geo::Event& e = it->event;
        // "will withdraw" and "the withdrawal" tell one planned event; "withdrew" makes it happened.
        if (e.status != d.event.status && ((d.verb && d.event.status == geo::EventStatus::happened) ||
                                           (!it->verb && e.status == geo::EventStatus::happened))) {
            e.status = d.event.status;
            it->verb = d.verb;
        }
        for (auto& p : d.event.places)
            if (std::none_of(e.places.begin(), e.places.end(), [&](const auto& q) { return q.place.id == p.place.id; }))
                e.places.push_back(p);
        for (auto& x : d.event.actors) add_actor(e.actors, x);
        it->actor_places.insert(it->actor_places.end(), d.actor_places.begin(), d.actor_places.end());
        it->named_actors.insert(it->named_actors.end(), d.named_actors.begin(), d.named_actors.end());
        // A date read in the text beats the reference date.
        if (d.explicit_date && !it->explicit_date) {
            e.when = d.event.when;
            e.year_guessed = d.event.year_guessed;
            it->explicit_date = true;
        }
        e.confidence = std::min(0.95, std::max(e.confidence, d.event.confidence) + 0.05);
    }
    return merged;
}

std::vector<geo::Event> find_events(const Analysis& a, const std::vector<Toponym>& toponyms) {
    const auto& toks = a.tokens;
    // Mentions by token (mentions are in text order).
    std::vector<std::size_t> mention_at(toks.size(), no_mention);
    for (std::size_t mi = 0; mi < a.mentions.size(); ++mi)
        for (std::size_t q = a.mentions[mi].first; q < a.mentions[mi].last; ++q) mention_at[q] = mi;
    const std::optional<geo::Place> focus = article_focus(a, toponyms);

    std::vector<Draft> drafts;
    std::size_t date_cursor = 0, mention_cursor = 0;
    for (std::size_t si = 0; si < a.sentences.size(); ++si) {
        const Sentence& s = a.sentences[si];
        while (date_cursor < a.dates.size() && a.dates[date_cursor].end <= s.start) ++date_cursor;
        if (s.kind != SentenceKind::story) continue;
        while (mention_cursor < a.mentions.size() && a.mentions[mention_cursor].first < s.first) ++mention_cursor;
        std::size_t me = mention_cursor;
        while (me < a.mentions.size() && a.mentions[me].first < s.last) ++me;
        std::vector<const DateMention*> dates;
        for (std::size_t d = date_cursor; d < a.dates.size() && a.dates[d].start < s.end; ++d) dates.push_back(&a.dates[d]);
        SentenceView v{a, toponyms, mention_at, s, si, mention_cursor, me, {}, std::move(dates)};
        read_sentence(v, focus, drafts);
    }
    link_redeployments(drafts);
    std::vector<Draft> merged = merge_repeats(std::move(drafts));
    infer_support_origins(a, merged);

    std::vector<geo::Event> out;
    out.reserve(merged.size());
    for (std::size_t i = 0; i < merged.size(); ++i) {
        geo::Event& e = merged[i].event;
        e.id = "e" + std::to_string(i + 1);
        // The evidence text (for people: --format text), cut at 400 bytes on a character boundary.
        std::size_t len = std::min<std::size_t>(e.evidence_end - e.evidence_start, 400);
        while (len > 0 && len < e.evidence_end - e.evidence_start &&
               (static_cast<unsigned char>(a.text[e.evidence_start + len]) & 0xC0) == 0x80)
            --len;
        e.evidence = std::string(a.text.substr(e.evidence_start, len));
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace geoevents::news::detail
