// Reader::read: the stages in order (docs/news.md).
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <utf8proc.h>

#include "analysis.hpp"
#include "dates/dates_scanner.hpp"
#include "intake/input.hpp"
#include "reader_data.hpp"

namespace geoevents::news {

namespace {

/// Whether `text` writes the year `y` as a number of its own ("2023", not "120230").
bool writes_year(std::string_view text, int y) {
    const std::string needle = std::to_string(y);
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    for (std::size_t p = text.find(needle); p != std::string_view::npos; p = text.find(needle, p + 1))
        if ((p == 0 || !digit(text[p - 1])) && (p + needle.size() == text.size() || !digit(text[p + needle.size()])))
            return true;
    return false;
}

/// Words of the text as a map label: white space as single spaces, the first
/// letter in upper case ("est du Mali" → "Est du Mali", "northern\nNiger" →
/// "Northern Niger").
std::string map_label(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(out.data()),
                                    static_cast<utf8proc_ssize_t>(out.size()), &cp);
    if (n > 0 && utf8proc_toupper(cp) != cp) {
        utf8proc_uint8_t buf[4];
        const auto m = utf8proc_encode_char(utf8proc_toupper(cp), buf);
        out.replace(0, static_cast<std::size_t>(n), reinterpret_cast<const char*>(buf), static_cast<std::size_t>(m));
    }
    return out;
}

} // namespace


std::string_view to_string(Role r) noexcept {
    switch (r) {
    case Role::location: return "location";
    case Role::actor: return "actor";
    case Role::none: break;
    }
    return "";
}

namespace detail {

void derive_word_answers(const gazetteer::Gazetteer& gazetteer, const Lexicons::Data& lex, ReaderData& out) {
    const auto postings = gazetteer.postings();
    lex.names.for_each([&](std::string_view key, std::uint32_t) {
        if (key.size() < 2 || lex.stop_fr.contains(key) || lex.stop_en.contains(key)) return;
        std::uint32_t v = 0;
        const auto [cands, prefix] = gazetteer.probe_key(key);
        for (const auto& c : cands)
            if (c.demonym) {
                v |= lower_demonym;
                break;
            }
        if (prefix) v |= lower_prefix;
        if (v) out.lower_names.insert(key, v);
        if (!cands.empty() || prefix) {
            out.word_answers.insert(key, static_cast<std::uint32_t>(out.owned_answers.size()));
            const auto begin = cands.empty() ? 0 : static_cast<std::uint32_t>(cands.data() - postings.data());
            out.owned_answers.push_back({begin, static_cast<std::uint32_t>(cands.size()), prefix ? 1u : 0u});
        }
    });
    out.answers = out.owned_answers;
    out.postings = postings;
}

} // namespace detail

Reader::Reader(const gazetteer::Gazetteer& gazetteer, const Lexicons& lexicons)
    : m_gazetteer(&gazetteer), m_lexicons(&lexicons) {
    auto data = std::make_shared<detail::ReaderData>();
    const auto& lex = lexicons.data();
    if (lex.answers_fingerprint != 0 && lex.answers_fingerprint == gazetteer.fingerprint() &&
        lex.answers_postings == gazetteer.postings().size()) {
        // Computed for this very index when the table was built: read in place.
        data->lower_names = lex.lower_names;
        data->word_answers = lex.word_answers;
        data->answers = lex.answers;
        data->postings = gazetteer.postings();
    } else {
        detail::derive_word_answers(gazetteer, lex, *data);
    }
    m_data = std::move(data);
}

Reader::~Reader() = default;
Reader::Reader(const Reader&) = default;
Reader& Reader::operator=(const Reader&) = default;

Document Reader::read(std::string_view bytes, const ReadOptions& options) const {
    using namespace detail;
    Prepared in = prepare_input(bytes, options);
    Document doc;
    doc.source = options.source;
    doc.replaced_bytes = in.replaced;
    if (in.replaced)
        doc.warnings.push_back(std::to_string(in.replaced) + " invalid UTF-8 byte(s) replaced (the first at byte " +
                               std::to_string(in.first_invalid) + ")");

    Analysis a{*m_gazetteer, m_lexicons->data(), *m_data, in.text, in.body};
    tokenize(a);
    if (options.lang == "fr" || options.lang == "en") a.french = options.lang == "fr";
    else detect_language(a);
    doc.language = a.french ? "fr" : "en";
    const std::string_view body = in.text.substr(in.body);
    if (a.tokens.empty()) doc.warnings.emplace_back("empty article: no text to read");

    if (options.date) a.ref = *options.date;
    else if (in.header_date) a.ref = *in.header_date;
    const bool infer = !options.date && !in.header_date && !a.tokens.empty();
    a.dates = find_dates_inferring(body, doc.language, a.ref, infer);
    for (auto& d : a.dates) {
        d.start += in.body;
        d.end += in.body;
    }
    if (infer) {
        // A year fitted to a weekday or bounded by the years the text mentions is a guess
        // unless the text writes it: say so (the events dated from it inherit the doubt).
        if (a.ref.known() && !writes_year(body, a.ref.year)) {
            a.year_guessed = doc.date_year_guessed = true;
            doc.warnings.push_back("the year of the inferred reference date " + a.ref.iso() +
                                   " is a guess (the text does not state it; events dated from it are marked "
                                   "date_year_guessed): give a `date` header line or --date");
        }
    }
    if (!a.ref.known() && !a.tokens.empty())
        doc.warnings.emplace_back("no reference date (no `date` header line, no --date, none inferred): "
                               "relative dates and undated events stay unknown");
    doc.date = a.ref;

    mark_lexical(a);
    mark_dates(a);
    find_people(a);
    find_mentions(a);
    resolve_mentions(a);
    find_borders(a);
    approximate_places(a);
    assign_roles(a);

    doc.toponyms.reserve(a.mentions.size());
    for (const Mention& m : a.mentions) {
        Toponym t;
        t.start = m.start;
        t.end = m.end;
        t.text = std::string(in.text.substr(m.start, m.end - m.start));
        if (m.part >= 0) t.place = a.parts[static_cast<std::size_t>(m.part)];
        else if (m.place) t.place = a.gz.place(*m.place).to_place();
        t.role = m.role;
        t.demonym = m.demonym;
        t.confidence = std::round(m.confidence * 1000.0) / 1000.0;
        doc.toponyms.push_back(std::move(t));
    }
    // Labels: the name the article writes for a place, its reader's name, when it
    // differs from the gazetteer's; not from a dateline in capitals or a demonym.
    // A part of a place is labelled in the article's words too ("l'est du Mali" →
    // "Est du Mali"); other made places (seats, borders, places placed from a
    // cue) keep the name they were made with. Labels are written as a map
    // prints them (map_label()) when they start with a direction or a common word.
    {
        std::unordered_map<std::string, std::string> label;
        for (std::size_t i = 0; i < doc.toponyms.size(); ++i) {
            const Toponym& t = doc.toponyms[i];
            const Mention& m = a.mentions[i];
            if (!t.place || t.demonym || (m.part >= 0 && !m.direction) || a.tokens[m.first].is(tf_allcaps)) continue;
            // A name the article starts with a word in lower case, a common
            // word ("golfe de Guinée", "zone des trois frontières"), starts
            // with a capital on a map; not one written with a capital inside
            // ("eThekwini"), which is how the place writes its name.
            const Token& first = a.tokens[m.first];
            const std::string_view first_raw = a.raw(first);
            const bool common_start = first.is(tf_lower) && std::none_of(first_raw.begin(), first_raw.end(), [](char c) {
                                          return c >= 'A' && c <= 'Z';
                                      });
            label.try_emplace(t.place->id, m.direction || common_start ? map_label(t.text) : t.text);
        }
        for (auto& t : doc.toponyms)
            if (t.place)
                if (const auto f = label.find(t.place->id); f != label.end() && f->second != t.place->name)
                    t.place->label = f->second;
    }
    doc.events = find_events(a, doc.toponyms);
    for (auto& e : doc.events)
        if (e.sources.empty()) e.sources.push_back(doc.source);
    return doc;
}

} // namespace geoevents::news
