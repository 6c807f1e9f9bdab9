#include "text/lexicons.hpp"

#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "text/embedded_lexicons.hpp"
#include "text/lexicon_table.hpp"
#include "geoevents/gazetteer/normalize.hpp"

namespace geoevents::news {

namespace detail {

bool PhraseIndex::word_matches(const Phrase& p, std::size_t i, std::string_view key) noexcept {
    const std::string& w = p.words[i];
    return p.prefix[i] ? key.size() >= w.size() && key.compare(0, w.size(), w) == 0 : key == w;
}

void PhraseIndex::add(std::string_view phrase, std::uint32_t value) {
    Phrase p;
    p.value = value;
    std::size_t pos = 0;
    while (pos < phrase.size()) {
        std::size_t sp = phrase.find(' ', pos);
        if (sp == std::string_view::npos) sp = phrase.size();
        std::string w(phrase.substr(pos, sp - pos));
        pos = sp + 1;
        if (w.empty()) continue;
        const bool star = w.back() == '*';
        if (star) w.pop_back();
        if (w.empty()) continue;
        p.words.push_back(std::move(w));
        p.prefix.push_back(star);
    }
    if (p.words.empty()) return;
    const auto idx = static_cast<std::uint32_t>(m_phrases.size());
    const bool first_star = p.prefix[0];
    const std::string first = first_star ? p.words[0].substr(0, std::min<std::size_t>(4, p.words[0].size())) : p.words[0];
    WordMap& map = first_star ? m_first_prefix : m_first_exact;
    std::uint32_t list = 0;
    if (const auto* found = map.find(first)) {
        list = *found;
    } else {
        list = static_cast<std::uint32_t>(m_lists.size());
        m_lists.emplace_back();
        map.insert(first, list);
    }
    m_lists[list].push_back(idx);
    m_max_words = std::max(m_max_words, p.words.size());
    m_phrases.push_back(std::move(p));
}

bool PhraseIndex::may_start(std::string_view key) const noexcept {
    if (m_first_exact.contains(key)) return true;
    return key.size() >= 4 && m_first_prefix.contains(key.substr(0, 4));
}

std::optional<PhraseIndex::Match> PhraseIndex::longest(std::span<const std::string_view> keys) const {
    if (keys.empty()) return std::nullopt;
    std::optional<Match> best;
    auto scan = [&](const std::uint32_t* list) {
        if (!list) return;
        for (std::uint32_t idx : m_lists[*list]) {
            const Phrase& p = m_phrases[idx];
            if (p.words.size() > keys.size()) continue;
            bool ok = true;
            for (std::size_t i = 0; i < p.words.size() && ok; ++i) ok = word_matches(p, i, keys[i]);
            if (ok && (!best || p.words.size() > best->words)) best = Match{p.words.size(), p.value};
        }
    };
    scan(m_first_exact.find(keys[0]));
    if (keys[0].size() >= 4) scan(m_first_prefix.find(keys[0].substr(0, 4)));
    return best;
}

} // namespace detail

namespace {

using detail::PhraseIndex;
using detail::WordMap;

/// Calls `fn(line)` for every non-empty, non-comment line of `text`.
template <class Fn>
void for_lines(std::string_view text, Fn&& fn) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (line.empty() || line.front() == '#') continue;
        fn(line);
    }
}

/// Folds a lexicon entry like a token key; a trailing '*' on a word survives.
std::string fold_entry(std::string_view entry) {
    std::string out;
    std::size_t pos = 0;
    while (pos < entry.size()) {
        std::size_t sp = entry.find(' ', pos);
        if (sp == std::string_view::npos) sp = entry.size();
        std::string_view w = entry.substr(pos, sp - pos);
        pos = sp + 1;
        if (w.empty()) continue;
        const bool star = w.back() == '*';
        if (star) w.remove_suffix(1);
        std::string k;
        gazetteer::normalize_into(w, k);
        if (k.empty()) continue;
        if (!out.empty()) out.push_back(' ');
        out += k;
        if (star) out.push_back('*');
    }
    return out;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> f;
    std::size_t pos = 0;
    while (true) {
        const std::size_t tab = line.find('\t', pos);
        f.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
        if (tab == std::string_view::npos) break;
        pos = tab + 1;
    }
    return f;
}

/// Records in the per-word bits that a phrase of some list may start with
/// the first word of `phrase` (folded; a starred word goes to the stems).
void mark_first(Lexicons::Data& d, std::string_view phrase, std::uint32_t bit) {
    const std::string_view first = phrase.substr(0, phrase.find(' '));
    if (first.empty()) return;
    if (first.back() == '*') d.stems.insert_or(first.substr(0, std::min<std::size_t>(4, first.size() - 1)), bit);
    else d.lexicon.insert_or(first, bit);
}

void load_phrases(Lexicons::Data& d, std::string_view text, PhraseIndex& index, std::uint32_t bit) {
    for_lines(text, [&](std::string_view line) {
        const std::string f = fold_entry(line);
        index.add(f, 1);
        mark_first(d, f, bit);
    });
}

void load_word_bits(Lexicons::Data& d, std::string_view text, WordMap* set, std::uint32_t bit, bool large = false) {
    std::string key;
    for_lines(text, [&](std::string_view line) {
        key.clear();
        gazetteer::normalize_into(line, key);
        if (set) set->insert(key);
        if (large) {
            d.names.insert_or(key, bit);
            d.large.insert(key);
        } else {
            d.lexicon.insert_or(key, bit);
        }
    });
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return {};
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::uint32_t direction_bits(std::string_view code) {
    std::uint32_t b = 0;
    for (char c : code) {
        switch (c) {
        case 'n': b |= detail::dir_n; break;
        case 's': b |= detail::dir_s; break;
        case 'e': b |= detail::dir_e; break;
        case 'w': b |= detail::dir_w; break;
        case 'c': b |= detail::dir_c; break;
        default: break;
        }
    }
    return b;
}

/// The curated lists, compiled in (data/lexicons, embedded by news/CMakeLists.txt).
void load_curated(Lexicons::Data& d) {
    using namespace detail;
    load_word_bits(d, embedded_lexicon("org_heads.txt"), &d.org_heads, lx_org_head);
    load_word_bits(d, embedded_lexicon("abbreviations.txt"), &d.abbreviations, lx_abbrev);
    load_word_bits(d, embedded_lexicon("government_nouns.txt"), &d.government_nouns, lx_gov);
    load_word_bits(d, embedded_lexicon("actor_verbs.txt"), &d.actor_verbs, lx_actor_verb);
    load_word_bits(d, embedded_lexicon("actor_nouns.txt"), &d.actor_nouns, lx_actor_noun);
    load_word_bits(d, embedded_lexicon("place_nouns.txt"), &d.place_nouns, 0);
    load_word_bits(d, embedded_lexicon("border_nouns.txt"), &d.border_nouns, 0);
    load_word_bits(d, embedded_lexicon("calendar_words.txt"), nullptr, lx_calendar);
    load_phrases(d, embedded_lexicon("person_titles.txt"), d.person_titles, lx_title);
    load_phrases(d, embedded_lexicon("operation_words.txt"), d.operation_words, lx_operation);
    load_phrases(d, embedded_lexicon("clause_markers.txt"), d.clause_markers, lx_clause);
    for_lines(embedded_lexicon("seats_of_power.tsv"), [&](std::string_view line) {
        const auto f = split_tabs(line);
        if (f.size() < 4) return;
        const std::string k = fold_entry(f[0]);
        d.seats.add(k, static_cast<std::uint32_t>(d.seat_info.size()));
        mark_first(d, k, lx_seat);
        d.seat_info.push_back({std::string(f[1]), fold_entry(f[2]), std::string(f[3])});
    });
    for_lines(embedded_lexicon("settlement_nouns.tsv"), [&](std::string_view line) {
        const auto f = split_tabs(line);
        if (f.size() < 2) return;
        d.settlement_nouns.insert(fold_entry(f[0]), f[1] == "other" ? 1u : 0u);
    });
    for_lines(embedded_lexicon("directions.tsv"), [&](std::string_view line) {
        const auto f = split_tabs(line);
        if (f.size() < 2) return;
        const std::string k = fold_entry(f[0]);
        d.directions.add(k, direction_bits(f[1]));
        mark_first(d, k, lx_direction);
    });
    for_lines(embedded_lexicon("prepositions.tsv"), [&](std::string_view line) {
        const auto f = split_tabs(line);
        if (f.size() < 2) return;
        const std::uint32_t c = f[1] == "loc"    ? prep_loc
                                : f[1] == "to"   ? prep_to
                                : f[1] == "from" ? prep_from
                                : f[1] == "with" ? prep_with
                                                 : prep_gen;
        const std::string k = fold_entry(f[0]);
        d.prepositions.add(k, c);
        mark_first(d, k, lx_prep);
    });
    for_lines(embedded_lexicon("clutter.tsv"), [&](std::string_view line) {
        const auto f = split_tabs(line);
        if (f.size() < 2) return;
        const std::uint32_t c = f[0] == "related" ? clutter_related : f[0] == "credit" ? clutter_credit : clutter_chrome;
        const std::string k = fold_entry(f[1]);
        d.clutter.add(k, c);
        mark_first(d, k, lx_clutter);
    });
}

/// The event triggers: every inflected form of the lemmas of
/// data/lexicons/events.tsv, generated by extract.cjs (lang, type, form, phrase).
void load_triggers(Lexicons::Data& d, std::string_view text) {
    using namespace detail;
    for_lines(text, [&](std::string_view line) {
        const auto f = split_tabs(line);
        if (f.size() < 4) return;
        const auto type = geo::event_type_from_string(f[1]);
        if (!type) return;
        Trigger t;
        t.lang = f[0] == "fr" ? 1 : 2;
        t.type = *type;
        t.verb = f[2] == "verb";
        t.agent = f[2] == "agent";
        if (f.size() > 4)
            t.mood = f[4] == "future"        ? Trigger::future
                     : f[4] == "conditional" ? Trigger::conditional
                     : f[4] == "infinitive"  ? Trigger::infinitive
                                             : Trigger::none;
        const std::string k = fold_entry(f[3]);
        if (f[2] == "near") {
            const auto sp = k.find(' ');
            if (sp == std::string::npos) return;
            NearTrigger n;
            n.info = t;
            n.first = k.substr(0, sp);
            n.second = k.substr(sp + 1);
            for (auto* w : {&n.first, &n.second}) {
                mark_first(d, *w, lx_near);
                const bool star = !w->empty() && w->back() == '*';
                if (star) w->pop_back();
                (w == &n.first ? n.first_prefix : n.second_prefix) = star;
            }
            d.near_triggers.push_back(std::move(n));
            return;
        }
        auto& index = t.lang == 1 ? d.events_fr : d.events_en;
        index.add(k, static_cast<std::uint32_t>(d.triggers.size()));
        mark_first(d, k, t.lang == 1 ? lx_event_fr : lx_event_en);
        d.triggers.push_back(t);
    });
}

/// The cues of negation and modality (status_cues.tsv, generated like the triggers).
void load_status_cues(Lexicons::Data& d, std::string_view text) {
    for_lines(text, [&](std::string_view line) {
        const auto f = split_tabs(line);
        if (f.size() < 4) return;
        const std::string k = fold_entry(f[3]);
        if (f[1] == "counterpart" || f[1] == "counterpart-with") {
            d.counterparts.insert_or(k, f[1] == "counterpart-with" ? detail::cp_relation
                                        : f[2] == "verb"           ? detail::cp_verb
                                                                   : detail::cp_party);
            return;
        }
        const auto status = geo::event_status_from_string(f[1]);
        if (!status && f[1] != "report") return;
        (f[0] == "fr" ? d.status_fr : d.status_en).add(k, status ? static_cast<std::uint32_t>(*status) : detail::status_report);
        // Verbs of saying, deciding, denying, threatening have an agent for subject:
        // a capital or country just before one acts ("Kigali denied", "Paris promet").
        if (f[2] == "verb" && k.find(' ') == std::string::npos) d.lexicon.insert_or(k, detail::lx_actor_verb);
    });
}

} // namespace

Lexicons::Lexicons(std::unique_ptr<Data> data) : m_data(std::move(data)) {}
Lexicons::Lexicons(Lexicons&&) noexcept = default;
Lexicons& Lexicons::operator=(Lexicons&&) noexcept = default;
Lexicons::~Lexicons() = default;

std::size_t Lexicons::size() const noexcept { return m_data ? m_data->entries : 0; }

namespace detail {

const std::array<const char*, extracted_list_count> extracted_lists = {
    "given_names.txt", "surnames.txt", "stopwords_fr.txt", "stopwords_en.txt", "words_fr.txt", "words_en.txt"};

void load_extracted(Lexicons::Data& d, const std::filesystem::path& dir) {
    struct Item {
        WordMap* set;
        std::uint32_t bit;
        bool large;
    };
    const Item items[] = {{&d.given_names, lx_given, true}, {&d.surnames, lx_surname, true},
                          {&d.stop_fr, lx_stop_fr, false},  {&d.stop_en, lx_stop_en, false},
                          {nullptr, lx_word_fr, true},      {nullptr, lx_word_en, true}};
    static_assert(std::size(items) == extracted_list_count);
    d.large.reserve(800000);
    std::string texts[extracted_list_count];
    for (std::size_t i = 0; i < extracted_list_count; ++i) {
        const auto path = dir / extracted_lists[i];
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec))
            throw LexiconError("lexicon " + path.string() +
                               " is missing: create the lexicons with `node data/lexicons/extract.cjs` "
                               "(after `npm ci` in .cache/data; scripts/setup.sh does both), or point "
                               "GEOEVENTS_LEXICONS at the folder holding them");
        texts[i] = read_file(path);
        if (texts[i].empty())
            throw LexiconError("lexicon " + path.string() +
                               " is empty or unreadable: re-create it with `node data/lexicons/extract.cjs`");
        load_word_bits(d, texts[i], items[i].set, items[i].bit, items[i].large);
    }
    // Words that tell the languages apart: stopwords of one and not the other.
    std::string key;
    for_lines(texts[2], [&](std::string_view line) {
        key.clear();
        gazetteer::normalize_into(line, key);
        if (key.find(' ') == std::string::npos && !d.stop_en.contains(key)) d.lexicon.insert_or(key, lx_only_fr);
    });
    for_lines(texts[3], [&](std::string_view line) {
        key.clear();
        gazetteer::normalize_into(line, key);
        if (key.find(' ') == std::string::npos && !d.stop_fr.contains(key)) d.lexicon.insert_or(key, lx_only_en);
    });
}

void add_curated(Lexicons::Data& d, const std::filesystem::path& dir) {
    load_curated(d);
    // The event triggers and status cues: curated lemmas inflected by
    // extract.cjs from the morphological packages (small: parsed at every start).
    auto read_generated = [&](const char* file) {
        const auto path = dir / file;
        std::string text = read_file(path);
        if (text.empty())
            throw LexiconError("lexicon " + path.string() +
                               " is missing or empty: create the lexicons with `node data/lexicons/extract.cjs` "
                               "(after `npm ci` in .cache/data; scripts/setup.sh does both)");
        return text;
    };
    load_triggers(d, read_generated("event_triggers.tsv"));
    load_status_cues(d, read_generated("status_cues.tsv"));
    d.entries = d.lexicon.size() + d.stems.size() + d.names.size() + d.org_heads.size() + d.abbreviations.size() +
                d.seats.size() + d.government_nouns.size() + d.actor_verbs.size() +
                d.actor_nouns.size() + d.person_titles.size() + d.operation_words.size() +
                d.directions.size() + d.prepositions.size() + d.clutter.size() + d.events_fr.size() + d.events_en.size() +
                d.status_fr.size() + d.status_en.size() + d.clause_markers.size();
}

} // namespace detail

Lexicons Lexicons::load(const std::filesystem::path& dir) {
    auto d = std::make_unique<Data>();
    detail::map_table(*d, dir);
    detail::add_curated(*d, dir);
    return Lexicons(std::move(d));
}

Lexicons Lexicons::load_default() { return load(default_lexicons_path()); }

std::filesystem::path default_lexicons_path() {
    if (const char* env = std::getenv("GEOEVENTS_LEXICONS"); env && *env) return env;
    return GEOEVENTS_DEFAULT_LEXICONS;
}

} // namespace geoevents::news
