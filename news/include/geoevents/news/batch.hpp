#pragma once
// Reading many articles: the one intake of `parse` and `map` (files, folders,
// standard input, JSON Lines), read on several threads through one ordered,
// memory-bounded pipeline, and the documents turned into the map layers'
// input. One failing article never loses the others.
#include <cstddef>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "geoevents/geo/layers.hpp"
#include "geoevents/news/news.hpp"

namespace geoevents::news {

/// Why an article could not be read: its bytes are not an article
/// (invalid UTF-8, binary, too large, a malformed JSON line: exit 3), or it
/// could not be read at all (missing, unreadable: exit 4).
enum class Failure : std::uint8_t { none, bad_input, io };

/// One article to read: from a file (`path`) or given inline (`text`, from
/// JSON Lines or standard input), or an input that already failed (`failure`).
struct ArticleInput {
    std::string source;                  ///< path, the JSON Lines "id", "stdin:N" or "<stdin>"
    std::string path;                    ///< empty when the text is inline
    std::string text;
    std::optional<ReferenceDate> date;   ///< the JSON Lines "date"
    Failure failure = Failure::none;
    std::string error;                   ///< "source: message" when failed
};

/// The articles of a batch, one at a time, in the order given: a file is
/// one article; a folder gives its `*.txt` files, recursively, in name
/// order; "-" is standard input: JSON Lines (one object {"id": …, "text": …,
/// "date": …} per line, "date" optional) when its first non-blank byte is
/// `{`, else one article (source "<stdin>"). Arguments that name nothing,
/// empty folders and malformed lines come out as failures in their place
/// ("stdin:3: …"). Standard input is read as articles are asked for, so a
/// long stream is never held whole; a line or an article longer than the
/// limit is refused without being kept.
class ArticleSource {
public:
    ArticleSource(const std::vector<std::string>& arguments, std::istream& in, std::size_t max_bytes = max_article_bytes);
    /// Articles already in memory (benchmarks, tests, other front ends).
    explicit ArticleSource(std::vector<ArticleInput> articles);
    ~ArticleSource();
    ArticleSource(const ArticleSource&) = delete;
    ArticleSource& operator=(const ArticleSource&) = delete;

    /// The next article or failure; false at the end.
    bool next(ArticleInput& out);
    /// How many articles there are, when known before reading (0 when
    /// standard input is among the arguments).
    std::size_t known_total() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// What became of one article: its document, or why it failed.
struct ArticleResult {
    std::string source;
    std::optional<Document> document;
    Failure failure = Failure::none;
    std::string error;  ///< "source: message" when there is no document
    std::string output; ///< what the caller's `prepare` made of it (e.g. its JSON line)
};

/// Called once per article, in input order, from one thread at a time.
using ArticleSink = std::function<void(ArticleResult&& result)>;
/// Called on each result in the parallel stage, before the sink, on any
/// thread: work that need not be serial (serialising the document, say).
using ArticlePrepare = std::function<void(ArticleResult& result)>;

/// Reads every article of `source` with `reader` on `threads` threads (0:
/// all cores) through one ordered pipeline: the source is pulled and the
/// sink called in input order, reading runs in parallel, and at most
/// 2 × threads articles (bytes and documents) are held at any time. Files
/// are read in the parallel stage (the size limit is checked before
/// reading). Options other than source and date apply to all articles (a
/// JSON Lines "date" wins over options.date). `prepare`, when given, runs
/// in the parallel stage on each result. Exceptions from the sink or from
/// `prepare` stop the reading and are rethrown.
void read_articles(const Reader& reader, ArticleSource& source, const ReadOptions& options, unsigned threads,
                   const ArticleSink& sink, const ArticlePrepare& prepare = {});

struct BatchResult {
    std::vector<Document> documents;    ///< articles read, in input order
    std::vector<std::string> failures;  ///< "source: message" for each article that could not be read
};

/// Progress: articles done and total (0 when unknown), called in order.
using BatchProgress = std::function<void(std::size_t done, std::size_t total)>;

/// The same, collecting the documents and the failures.
BatchResult read_articles(const Reader& reader, ArticleSource& source, const ReadOptions& options, unsigned threads,
                          const BatchProgress& progress = {});
/// The same over articles in memory.
BatchResult read_articles(const Reader& reader, std::vector<ArticleInput> articles, const ReadOptions& options,
                          unsigned threads, const BatchProgress& progress = {});

/// An article file's bytes, refusing a file over `limit` bytes before
/// reading it (and a pipe or a growing file once past it).
/// @throws ParseError (too large), IoError (missing, a folder, unreadable).
std::string read_article_file(const std::string& path, std::size_t limit = max_article_bytes);

/// The layer builder's input from documents and their merged events: one
/// summary per resolved place (mentions, articles, roles), polygons and
/// actor places from the gazetteer, and the metadata (sources, reference date).
geo::LayerInput layer_input(const std::vector<Document>& documents, std::vector<geo::Event> events,
                            const gazetteer::Gazetteer& gazetteer, const std::string& toolkit_version);

/// layer_input() one document at a time, so that a large batch can drop its
/// documents once added (memory: the places and sources, not the documents).
class LayerInputBuilder {
public:
    /// Counts a document's mentions. Documents must come in input order.
    void add(const Document& document);
    /// The layer builder's input, as layer_input() makes it.
    geo::LayerInput finish(std::vector<geo::Event> events, const gazetteer::Gazetteer& gazetteer,
                           const std::string& toolkit_version);

private:
    geo::LayerInput m_in;
    std::unordered_map<std::string, std::size_t> m_index;  ///< place id → index in m_in.places
    std::vector<std::size_t> m_last_document;              ///< per place: last document naming it, + 1
    std::map<std::string, std::size_t> m_dates;            ///< reference dates and their counts
    std::size_t m_documents = 0;
};

} // namespace geoevents::news
