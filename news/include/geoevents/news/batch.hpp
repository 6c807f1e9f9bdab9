#pragma once
// Reading many articles: collecting them from files, folders and JSON Lines,
// reading them on several threads, and turning the documents into the map
// layers' input. One failing article never loses the others.
#include <cstddef>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "geoevents/geo/layers.hpp"
#include "geoevents/news/news.hpp"

namespace geoevents::news {

/// One article to read: from a file (`path`) or given inline (`text`, from JSON Lines).
struct ArticleInput {
    std::string source;                  ///< path, or the JSON Lines "id"
    std::string path;                    ///< empty when the text is inline
    std::string text;
    std::optional<ReferenceDate> date;   ///< the JSON Lines "date"
};

/// Collects articles: a file is one article; a folder gives its `*.txt`
/// files, recursively, in name order; "-" reads JSON Lines from `in`, one
/// object {"id": …, "text": …, "date": …} per line ("date" optional).
/// Unreadable arguments and malformed lines are appended to `failures`
/// ("stdin:3: …") and skipped; the rest is returned.
std::vector<ArticleInput> collect_articles(const std::vector<std::string>& arguments, std::istream& in,
                                           std::vector<std::string>& failures);

struct BatchResult {
    std::vector<Document> documents;    ///< articles read, in input order
    std::vector<std::string> failures;  ///< "source: message" for each article that could not be read
};

/// Progress: articles done and total, called from worker threads (serialised).
using BatchProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Reads every article with `reader` on `threads` threads (0: all cores).
/// Options other than source and date apply to all articles.
BatchResult read_articles(const Reader& reader, const std::vector<ArticleInput>& articles, const ReadOptions& options,
                          unsigned threads, const BatchProgress& progress = {});

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

/// A batch read for the map: its merged events and its layer input.
struct MergedBatch {
    std::vector<geo::Event> events;     ///< merged (EventMerger), in order of first report
    LayerInputBuilder layers;           ///< every document's places and sources
    std::vector<std::string> failures;  ///< as BatchResult::failures
    std::size_t documents = 0;          ///< articles read
};

/// Articles read at once by read_and_merge().
inline constexpr std::size_t merge_slice = 4096;

/// read_articles() a slice of `merge_slice` articles at a time, each slice's
/// documents passed to `each_slice` (corrections), then merged, counted and
/// dropped with their texts: memory holds one slice, the merged events and
/// the places, however many articles there are. `progress` counts over all.
MergedBatch read_and_merge(const Reader& reader, std::vector<ArticleInput> articles, const ReadOptions& options,
                           unsigned threads, const BatchProgress& progress = {},
                           const std::function<void(std::vector<Document>&)>& each_slice = {});

} // namespace geoevents::news
