// Roles (docs/news.md, "Location or actor"): a country, a capital or a seat of
// government stands for its government when it acts or speaks.
#include <algorithm>

#include "analysis.hpp"
#include "places/places.hpp"

namespace geoevents::news::detail {

namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

bool ends_with(std::string_view s, std::string_view suffix) noexcept {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// The token opens a clause: sentence start, punctuation, a conjunction.
bool opens_clause(const Analysis& a, std::size_t first) {
    const auto& toks = a.tokens;
    std::size_t p = first;
    if (toks[p].is(tf_sent_start)) return true;
    p = first - 1;
    if (toks[p].is(tf_word) && is_article(a.key(p))) {
        if (toks[p].is(tf_sent_start)) return true;
        --p;
    }
    const Token& t = toks[p];
    if (!t.is(tf_word)) return t.punct == ',' || t.punct == ';' || t.punct == ':' || t.punct == '"' || t.punct == '(' ||
                               t.punct == '-' || t.is(tf_term);
    const std::string_view k = a.key(p);
    static constexpr std::string_view conj[] = {"et", "and", "dont", "mais", "but", "puis", "then", "ou", "or",
                                                "while", "alors", "tandis", "whereas", "car", "because", "since",
                                                "including", "notamment", "y", "compris", "as", "si", "if", "when",
                                                "quand", "lorsque", "lorsqu", "que", "qu", "that"};
    return std::find(std::begin(conj), std::end(conj), k) != std::end(conj);
}

/// Grammar words that may sit between a coordinated subject and its verb
/// ("l’Allemagne, ses alliés et la Norvège annoncent", "Paris,
/// however, wants").
/// Adverbs that sit between a subject and its verb ("Paris a aussi", "Washington also froze").
bool preverbal_adverb(std::string_view k) noexcept {
    static constexpr std::string_view w[] = {"also", "already", "still", "then", "again", "now", "later", "further",
                                             "aussi", "deja", "desormais", "ensuite", "encore", "enfin", "finally"};
    return std::find(std::begin(w), std::end(w), k) != std::end(w);
}

bool coordination_word(std::string_view k) noexcept {
    static constexpr std::string_view w[] = {
        "et", "and", "ou", "or", "ainsi", "que", "as", "well", "ses", "son", "sa", "leurs", "leur", "its", "their", "his",
        "her", "le", "la", "les", "l", "the", "de", "des", "du", "d", "of", "en", "effet", "however", "toutefois",
        "cependant", "pourtant", "also", "aussi", "donc", "thus", "alors", "pour", "part", "quant", "lui", "elle",
        "meme", "itself", "for", "its", "part", "deja", "already", "desormais", "now", "finally", "enfin", "qui", "who",
        "which", "together", "with", "ensemble", "avec", "along", "aux", "cotes", "cote", "other", "autres", "several",
        "plusieurs", "many", "nombreux"};
    return std::find(std::begin(w), std::end(w), k) != std::end(w);
}

/// A finite verb of an agent right after the subject and what is
/// coordinated with it. Only grammar words, names, places, group nouns and
/// "in X" may come between; the first other word decides.
bool verb_follows(const Analysis& a, const Mention& m, const std::vector<std::size_t>& mention_at) {
    const auto& toks = a.tokens;
    const std::uint32_t sent = toks[m.first].sentence;
    std::size_t words = 0;
    bool first_word = true;
    int adjectives = 0;
    for (std::size_t k = m.last; k < toks.size() && words < 16; ++k) {
        const Token& t = toks[k];
        if (t.sentence != sent) return false;
        if (!t.is(tf_word)) {
            if (t.is(tf_term) || t.punct == ':' || t.punct == ';' || (t.punct == '-' && !t.is(tf_joined))) return false;
            continue;
        }
        ++words;
        const bool was_first = first_word;
        first_word = false;
        const std::string_view key = a.key(t);
        const std::string_view raw = a.raw(t);
        if (raw == "à" || raw == "À") return false;  // "a" folds like the verb "a"
        if (mention_at[k] != static_cast<std::size_t>(-1) || t.is(tf_person) || t.is(tf_org)) continue;
        if (!t.is(tf_lower)) {
            if (t.is(tf_cap) || t.is(tf_allcaps)) continue;  // names: "les soldats de Serval"
            return false;
        }
        if (t.lex & lx_actor_verb) return true;
        // An adverb between the subject and its verb keeps the next word first: "Washington also froze".
        if (was_first && preverbal_adverb(key)) {
            first_word = true;
            continue;
        }
        if (!a.french && key.size() >= 5 && ends_with(key, "ed")) return true;
        if (a.french && key.size() >= 6 && ends_with(key, "ent") && !ends_with(key, "ment")) return true;
        if (coordination_word(key)) continue;
        if (t.lex & lx_actor_noun) {
            adjectives = 2;  // "ses partenaires européens", "les alliés occidentaux"
            continue;
        }
        if (adjectives > 0) {
            --adjectives;
            continue;
        }
        // "dans Serval", "in the Sahel": a preposition before a name.
        if ((t.lex & lx_prep) && k + 1 < toks.size() &&
            (mention_at[k + 1] != static_cast<std::size_t>(-1) || toks[k + 1].is(tf_cap))) continue;
        // Right after a clause-initial name, a content word is its verb ("Paris reproche").
        if (was_first && !t.is(tf_stop) && !(t.lex & lx_prep)) return true;
        return false;
    }
    return false;
}

/// The word before a preposition at `at` makes what follows the other party
/// of a relation between states ("la junte s'est éloignée de Paris", "an ally
/// of Moscow", "distanced itself from Paris", "les relations entre Paris et
/// Alger", "ties with Kyiv"): status_cues.tsv, "counterpart" rows. A partner
/// preposition ("avec", "with") says so by itself, except after a border noun
/// ("sa frontière avec le Soudan", "the border with China").
bool counterpart_before(const Analysis& a, std::size_t at, std::uint32_t prep) {
    const auto& toks = a.tokens;
    if (at == 0) return false;
    const std::uint32_t sent = toks[at].sentence;
    auto word = [&](std::size_t q) { return toks[q].is(tf_word) && toks[q].sentence == sent; };
    std::size_t w = at - 1;
    // "distanced itself from Paris": the English reflexive sits after its verb.
    bool reflexive = false;
    if (word(w) && w > 0) {
        const std::string_view k = a.key(w);
        if (k == "itself" || k == "themselves" || k == "himself" || k == "herself") {
            reflexive = true;
            --w;
        }
    }
    if (!word(w)) return false;
    const std::string_view k = a.key(w);
    if (prep == prep_with) return !a.lex.border_nouns.contains(k);
    const std::uint32_t* bits = a.lex.counterparts.find(k);
    if (!bits) return false;
    if (prep == prep_loc) {
        // Only "entre/between" names parties: "les relations entre Paris et Alger".
        const std::string_view p = a.key(at);
        return (p == "entre" || p == "between") && (*bits & (cp_relation | cp_party | cp_verb));
    }
    if (*bits & cp_party) return true;
    if (!(*bits & cp_verb)) return false;
    // A French verb is reflexive with "se"/"s'" a few words before ("s'est rapprochée de").
    for (std::size_t q = w, n = 0; !reflexive && q > 0 && n < 3; ++n) {
        --q;
        if (!word(q)) continue;
        const std::string_view r = a.key(q);
        reflexive = r == "se" || r == "s";
    }
    return reflexive;
}

/// The word right after a name is a verb of saying, denying or threatening
/// (status_cues.tsv: "a charge Khartoum rejected", "the plan Nairobi
/// announced"): the name is its subject, even inside a clause that no
/// conjunction opens. Not an auxiliary or a modal, which also follow the
/// object of a participle ("the forces leaving Mali will be redeployed").
bool subject_of_next_verb(const Analysis& a, const Mention& m) {
    const auto& toks = a.tokens;
    const std::size_t k = m.last;
    if (k >= toks.size() || !toks[k].is(tf_word) || !toks[k].is(tf_lower) ||
        toks[k].sentence != toks[m.first].sentence || !(toks[k].lex & lx_actor_verb))
        return false;
    const std::string_view key = a.key(k);
    const auto cue = a.lex.status_cues(a.french).longest(std::span<const std::string_view>(&key, 1));
    if (!cue || cue->words != 1) return false;
    return cue->value == status_report || cue->value == static_cast<std::uint32_t>(geo::EventStatus::denied) ||
           cue->value == static_cast<std::uint32_t>(geo::EventStatus::threatened);
}

/// A dateline: the name opens its line and a dash or bracket follows ("PARIS —", "MAPUTO (Reuters) -").
bool is_dateline(const Analysis& a, const Mention& m) {
    const auto& toks = a.tokens;
    if (!toks[m.first].is(tf_line_start) || m.last >= toks.size()) return false;
    const Token& next = toks[m.last];
    return !next.is(tf_word) && (next.punct == '-' || next.punct == '(' || (next.punct == ',' && toks[m.first].is(tf_allcaps)));
}

/// The object of a verb of saying or asking that governs an infinitive is
/// that infinitive's agent (object control: "Kinshasa accuse le Rwanda de
/// soutenir", "a demandé à Bamako de retirer", "accused Rwanda of backing",
/// "urged Mali to hold"): the name after the verb (and an article, or "à")
/// and before "de"/"à" + infinitive or "of" + gerund or "to" + verb.
bool agent_of_governed_verb(const Analysis& a, const Mention& m) {
    const auto& toks = a.tokens;
    const std::uint32_t sent = toks[m.first].sentence;
    auto word = [&](std::size_t k) { return k < toks.size() && toks[k].is(tf_word) && toks[k].sentence == sent; };
    std::size_t v = m.first;
    if (v == 0) return false;
    --v;
    if (word(v) && is_article(a.key(v)) && v > 0) --v;
    if (word(v) && a.raw(toks[v]) == "à" && v > 0) --v;
    if (!word(v) || !toks[v].is(tf_lower) || !(toks[v].lex & lx_actor_verb)) return false;
    std::size_t k = m.last;
    if (!word(k) || !word(k + 1) || !toks[k + 1].is(tf_lower)) return false;
    const std::string_view marker = a.key(k), verb = a.key(k + 1);
    if (a.french) {
        const bool infinitive = ends_with(verb, "er") || ends_with(verb, "ir") || ends_with(verb, "re");
        return (marker == "de" || marker == "d" || a.raw(toks[k]) == "à") && infinitive;
    }
    if (marker == "of") return verb.size() > 4 && ends_with(verb, "ing");
    return marker == "to" && !(toks[k + 1].lex & lx_prep) && !toks[k + 1].is(tf_stop);
}

Role metonymy_role(const Analysis& a, const Mention& m, const std::vector<std::size_t>& mention_at) {
    const auto& toks = a.tokens;
    if (is_dateline(a, m)) return Role::location;
    if (agent_of_governed_verb(a, m)) return Role::actor;
    std::size_t at = npos;
    const std::uint32_t prep = preposition_before(a, m.first, &at);
    // "les autorités de Bamako", "the government of Mali": a government noun before.
    if (prep == prep_gen && at != npos && at > 0) {
        std::size_t g = at - 1;
        if (toks[g].is(tf_word) && toks[g].sentence == toks[m.first].sentence && a.lex.government_nouns.contains(a.key(g)))
            return Role::actor;
    }
    // "selon Paris", "according to Washington".
    if (m.first >= 1 && toks[m.first - 1].is(tf_word)) {
        const std::string_view k = a.key(m.first - 1);
        if (k == "selon" || (k == "to" && m.first >= 2 && a.key(m.first - 2) == "according")) return Role::actor;
    }
    if (prep && at != npos && counterpart_before(a, at, prep)) return Role::actor;
    if (prep == prep_loc || prep == prep_to || prep == prep_from || prep == prep_with) return Role::location;
    // "the Bamako junta", "Mali's government", "Paris et ses partenaires".
    std::size_t k = m.last;
    if (k < toks.size() && toks[k].is(tf_clitic)) ++k;
    if (k < toks.size() && toks[k].is(tf_word) && toks[k].sentence == toks[m.first].sentence) {
        const std::string_view nk = a.key(k);
        if (a.lex.government_nouns.contains(nk)) return Role::actor;
        if (nk == "et" || nk == "and") {
            // "Paris et ses partenaires", "de la France et de ses alliés", "France and its allies".
            std::size_t q = k + 1;
            if (q < toks.size() && toks[q].is(tf_word) && (a.key(q) == "de" || a.key(q) == "d")) ++q;
            if (q < toks.size() && toks[q].is(tf_word) && is_possessive(a.key(q))) return Role::actor;
        }
    }
    if (prep == prep_gen) return Role::location;
    // A list after a locative preposition: "entre le Mali, le Niger et le Burkina Faso".
    // Not when the name opens a subject of its own: "… à Bamako, Paris, ses partenaires et le Canada annoncent".
    std::size_t q = m.last;
    if (q < toks.size() && !toks[q].is(tf_word) && toks[q].punct == ',') ++q;
    const bool own_subject = q < toks.size() && toks[q].is(tf_word) && is_possessive(a.key(q));
    const Mention* item = &m;
    for (int hops = 0; hops < 8 && !own_subject && item->first >= 2; ++hops) {
        std::size_t p = item->first - 1;
        if (toks[p].is(tf_word) && is_article(a.key(p)) && p > 0) --p;
        const bool joiner = toks[p].is(tf_word) ? (a.key(p) == "et" || a.key(p) == "and" || a.key(p) == "ou" || a.key(p) == "or")
                                               : toks[p].punct == ',';
        if (!joiner || p == 0 || mention_at[p - 1] == static_cast<std::size_t>(-1)) break;
        item = &a.mentions[mention_at[p - 1]];
        std::size_t pat = npos;
        const std::uint32_t pp = preposition_before(a, item->first, &pat);
        // "les relations entre Paris et Alger", "ties with Kyiv and Warsaw": parties all.
        if (pp && pat != npos && counterpart_before(a, pat, pp)) return Role::actor;
        if (pp == prep_loc || pp == prep_to || pp == prep_from || pp == prep_with) return Role::location;
        if (pp) break;
    }
    if (opens_clause(a, m.first) && verb_follows(a, m, mention_at)) return Role::actor;
    if (prep == 0 && subject_of_next_verb(a, m)) return Role::actor;
    return Role::location;
}

} // namespace

void assign_roles(Analysis& a) {
    std::vector<std::size_t> mention_at(a.tokens.size(), npos);
    for (std::size_t mi = 0; mi < a.mentions.size(); ++mi)
        for (std::size_t q = a.mentions[mi].first; q < a.mentions[mi].last; ++q) mention_at[q] = mi;
    for (Mention& m : a.mentions) {
        // A web page's related-stories headlines, its chrome (menus, share
        // buttons) and its credits are not the article's story: a place
        // they name is neither where something happens nor an actor in it.
        const SentenceKind kind = a.sentences[a.tokens[m.first].sentence].kind;
        const bool outside_story =
            kind == SentenceKind::related || kind == SentenceKind::chrome || kind == SentenceKind::credit;
        if (m.demonym || !m.place || outside_story) {
            m.role = Role::none;
            continue;
        }
        if (m.direction || m.approximate || m.border) {
            m.role = Role::location;
            continue;
        }
        const auto v = a.view(*m.place);
        std::string_view words[8];
        std::size_t nw = 0;
        for (std::size_t q = m.first; q < m.last && nw < 8; ++q)
            if (a.tokens[q].is(tf_word)) words[nw++] = a.key(q);
        const auto seat = a.lex.seats.longest(std::span<const std::string_view>(words, nw));
        if (m.seat >= 0 || (seat && seat->words == nw)) {
            m.role = Role::actor;
            continue;
        }
        m.role = can_be_actor(v) ? metonymy_role(a, m, mention_at) : Role::location;
    }
}

} // namespace geoevents::news::detail
