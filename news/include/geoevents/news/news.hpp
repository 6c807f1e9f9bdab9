#pragma once
// Reading news articles: place names (with their place and role), dates and
// events, from French or English plain text. See docs/news.md for the
// heuristics and shared/contracts/document.md for the JSON printed.
//
// Reading one article is a pure function of its bytes, the read-only
// gazetteer and the read-only lexicons: a Reader may be used from several
// threads at once. Merging events across articles is a separate step
// (merge_events) over the documents read.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geoevents/geo/error.hpp"
#include "geoevents/geo/event.hpp"
#include "geoevents/geo/types.hpp"
#include "geoevents/news/dates.hpp"

namespace geoevents::gazetteer {
class Gazetteer;
}

namespace geoevents::news {

namespace detail {
struct ReaderData;
}

/// The lexicon files or their table are missing, unreadable, damaged or
/// stale. what() names the file and says how to make it (node
/// data/lexicons/extract.cjs for the lists, `geoevents lexicons build` for
/// the table).
class LexiconError : public DataError {
public:
    using DataError::DataError;
};

/// Largest article read, in bytes (16 MiB): a bigger input is refused, so a
/// stray binary or a whole archive given as one file cannot exhaust memory.
inline constexpr std::size_t max_article_bytes = std::size_t{16} << 20;

/// Word lists the reader needs: the extracted third-party lists (given names,
/// family names, stopwords and dictionary words of French and English, made by
/// data/lexicons/extract.cjs) and the curated lists of data/lexicons/ compiled
/// into the library. Immutable once loaded; share one instance between readers.
class Lexicons {
public:
    /// Maps the table of the extracted lists, `dir`/lexicons.bin (see
    /// build_table), and adds the curated lists: a few milliseconds.
    /// @throws LexiconError when the table or a list is missing, when the
    ///         table is damaged or of another format version, or when it is
    ///         stale (a list of `dir` changed since the table was built).
    static Lexicons load(const std::filesystem::path& dir);
    /// Loads from default_lexicons_path().
    static Lexicons load_default();

    /// What build_table wrote.
    struct TableInfo {
        std::filesystem::path path;
        std::size_t words = 0;     ///< distinct words of the extracted lists
        std::size_t answered = 0;  ///< of those, words the gazetteer knows (names or the start of one)
    };
    /// Builds `dir`/lexicons.bin from the extracted lists of `dir`: the word
    /// lists as hash tables ready to map, stamped with the lists' sizes,
    /// times and content hash, plus every word's answer from `gazetteer`
    /// (used by readers of that same index; a reader of another index
    /// computes them at start). Written under a temporary name, then renamed.
    /// @throws LexiconError when a list is missing; IoError when the table
    ///         cannot be written.
    static TableInfo build_table(const std::filesystem::path& dir, const gazetteer::Gazetteer& gazetteer);

    Lexicons(Lexicons&&) noexcept;
    Lexicons& operator=(Lexicons&&) noexcept;
    ~Lexicons();

    /// Number of entries of all lists (for diagnostics).
    std::size_t size() const noexcept;

    struct Data;  ///< internal (news/src/lexicons.hpp)
    const Data& data() const noexcept { return *m_data; }

private:
    explicit Lexicons(std::unique_ptr<Data> data);
    std::unique_ptr<Data> m_data;
};

/// Where the extracted lexicons are looked for: $GEOEVENTS_LEXICONS if set,
/// else the folder fixed at build time (the project's .cache/lexicons).
std::filesystem::path default_lexicons_path();

struct ReadOptions {
    std::string source;                  ///< the article's path or id, copied into Document::source
    std::string lang;                    ///< "fr" or "en" forces the language; empty: detected
    std::optional<ReferenceDate> date;   ///< forces the reference date (else header line, else inferred)
    bool lenient = false;                ///< replace invalid UTF-8 instead of refusing the article
    std::size_t max_bytes = max_article_bytes;
};

enum class Role : std::uint8_t { none, location, actor };
std::string_view to_string(Role r) noexcept;  ///< "location", "actor" or "" for none

/// One place name (or demonym) found in the article.
struct Toponym {
    std::size_t start = 0, end = 0;   ///< UTF-8 byte offsets into the input as given, end exclusive
    std::string text;                 ///< exactly those bytes
    std::optional<geo::Place> place;  ///< nullopt: recognised as a place name but not resolved
    Role role = Role::none;
    bool demonym = false;             ///< "malien", "French": points to the place without naming it
    double confidence = 0.0;          ///< in [0, 1]
};

/// The result of reading one article.
struct Document {
    std::string source;
    std::string language;                 ///< "fr" or "en"
    ReferenceDate date;                   ///< the reference date (unknown when nothing gave it)
    bool date_year_guessed = false;       ///< `date` was inferred and its year is a guess (the text never writes it)
    std::vector<Toponym> toponyms;        ///< in text order
    std::vector<geo::Event> events;       ///< ids "e1", "e2"… in order of first mention
    std::vector<std::string> warnings;    ///< for a person: empty article, replaced bytes, no date…
    std::size_t replaced_bytes = 0;       ///< invalid UTF-8 bytes replaced (lenient reading only)
};

/// Reads articles. Holds references: the gazetteer and the lexicons must
/// outlive the reader. Every dictionary word's gazetteer answer is known
/// before reading, so that reading never asks the index for ordinary
/// lower-case words: taken from the lexicon table when it was built for this
/// index (instant), else computed at construction (about 0.3 s). Copies
/// share that table.
class Reader {
public:
    Reader(const gazetteer::Gazetteer& gazetteer, const Lexicons& lexicons);
    ~Reader();
    Reader(const Reader&);
    Reader& operator=(const Reader&);

    /// Reads one article from its bytes as read from disk (a UTF-8 BOM, CRLF
    /// line ends and a first line `date 2022-02` / `date: 2022-02-17` are
    /// accepted; offsets in the result refer to these bytes).
    /// @throws ParseError (file = options.source) for input that is not text:
    ///         invalid UTF-8 (byte offset of the first bad byte, unless
    ///         options.lenient), NUL bytes (binary data), or more than
    ///         options.max_bytes bytes.
    Document read(std::string_view bytes, const ReadOptions& options) const;

private:
    const gazetteer::Gazetteer* m_gazetteer;
    const Lexicons* m_lexicons;
    std::shared_ptr<const detail::ReaderData> m_data;  ///< derived from both, immutable (but for a cache)
};

/// Merges events across documents: events of the same type whose dates
/// overlap and that share a place (the same place, or a country and a place
/// inside it; when neither has places, a shared actor) become one event
/// listing every source. A merged event never takes two events of one
/// document: the article already told them apart (two coups a year apart
/// stay two). Each document keeps the events it reported, with the merged
/// event's id ("e1"…, unique over the whole set), date (the finer one when
/// one lies within the other), places, actors, sources and confidence, and
/// its own evidence span. Deterministic for a given order of documents.
/// @returns the merged events, in order of first report (evidence from the first source).
std::vector<geo::Event> merge_events(std::vector<Document>& documents);

/// The merging of merge_events() done one document at a time, leaving the
/// documents as they are: for `map`, which needs only the merged events, so
/// that a story told by many articles keeps its list of sources once, not in
/// every document, and documents can be dropped once added. Time and memory
/// are linear in the events when they fall in a bounded number of
/// (type, country) pairs and dates: an event is compared only with merged
/// events that share its type and a country (or, without places, an actor).
class EventMerger {
public:
    EventMerger();
    ~EventMerger();
    EventMerger(EventMerger&&) noexcept;
    EventMerger& operator=(EventMerger&&) noexcept;
    /// Adds a document's events. Documents must come in input order.
    void add(const Document& document);
    /// The merged events so far, as merge_events() returns them; the merger is empty afterwards.
    std::vector<geo::Event> take();

private:
    friend std::vector<geo::Event> merge_events(std::vector<Document>& documents);
    struct State;
    std::unique_ptr<State> m_state;
};

/// The document as the contract's JSON object (shared/contracts/document.md).
/// `indent` < 0 gives one line (JSON Lines).
std::string to_json(const Document& document, int indent = 2);
/// Several documents as a JSON array.
std::string to_json(const std::vector<Document>& documents, int indent = 2);
/// A summary for a person: date, language, places by mention count, events.
std::string to_text(const Document& document);

} // namespace geoevents::news
