#include "geoevents/news/batch.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "geoevents/gazetteer/gazetteer.hpp"

namespace geoevents::news {

namespace fs = std::filesystem;

std::vector<ArticleInput> collect_articles(const std::vector<std::string>& arguments, std::istream& in,
                                           std::vector<std::string>& failures) {
    std::vector<ArticleInput> out;
    auto add_file = [&](const fs::path& p) {
        ArticleInput a;
        a.source = p.string();
        a.path = p.string();
        out.push_back(std::move(a));
    };
    for (const auto& arg : arguments) {
        if (arg == "-") {
            std::string line;
            for (std::size_t n = 1; std::getline(in, line); ++n) {
                if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
                try {
                    const auto j = nlohmann::json::parse(line);
                    if (!j.is_object() || !j.contains("text") || !j["text"].is_string())
                        throw std::runtime_error("expected an object with a \"text\" string");
                    ArticleInput a;
                    a.source = j.contains("id") ? (j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump())
                                                : "stdin:" + std::to_string(n);
                    a.text = j["text"].get<std::string>();
                    if (j.contains("date") && j["date"].is_string()) {
                        a.date = ReferenceDate::parse(j["date"].get<std::string>());
                        if (!a.date) throw std::runtime_error("invalid \"date\" (expected YYYY, YYYY-MM or YYYY-MM-DD)");
                    }
                    out.push_back(std::move(a));
                } catch (const std::exception& e) {
                    failures.push_back("stdin:" + std::to_string(n) + ": " + e.what());
                }
            }
            continue;
        }
        std::error_code ec;
        const fs::path p(arg);
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> files;
            for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
                if (it->is_regular_file() && it->path().extension() == ".txt") files.push_back(it->path());
            if (ec) failures.push_back(arg + ": cannot list the folder: " + ec.message());
            std::sort(files.begin(), files.end());
            if (files.empty()) failures.push_back(arg + ": no .txt article in this folder");
            for (const auto& f : files) add_file(f);
        } else if (fs::exists(p, ec)) {
            add_file(p);
        } else {
            failures.push_back(arg + ": no such file or folder");
        }
    }
    return out;
}

namespace {
std::string read_whole(const std::string& path, std::size_t limit) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw IoError(path + ": cannot read");
    std::string s;
    char buf[1 << 16];
    while (f.read(buf, sizeof buf) || f.gcount() > 0) {
        s.append(buf, static_cast<std::size_t>(f.gcount()));
        // Stop early: the reader refuses it anyway, and memory stays bounded.
        if (s.size() > limit) break;
    }
    return s;
}
} // namespace

BatchResult read_articles(const Reader& reader, const std::vector<ArticleInput>& articles, const ReadOptions& options,
                          unsigned threads, const BatchProgress& progress) {
    const std::size_t n = articles.size();
    std::vector<std::optional<Document>> docs(n);
    std::vector<std::string> errors(n);
    std::atomic<std::size_t> next{0}, done{0};
    std::mutex progress_mutex;
    auto work = [&] {
        for (std::size_t i = next++; i < n; i = next++) {
            const ArticleInput& a = articles[i];
            ReadOptions o = options;
            o.source = a.source;
            if (a.date) o.date = a.date;
            try {
                if (a.path.empty()) docs[i] = reader.read(a.text, o);
                else docs[i] = reader.read(read_whole(a.path, o.max_bytes), o);
            } catch (const std::exception& e) {
                const std::string what = e.what();
                // ParseError and IoError already start with the source.
                errors[i] = what.rfind(a.source, 0) == 0 ? what : a.source + ": " + what;
            }
            const std::size_t d = ++done;
            if (progress) {
                std::lock_guard lock(progress_mutex);
                progress(d, n);
            }
        }
    };
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(n, 1)));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();

    BatchResult r;
    for (std::size_t i = 0; i < n; ++i) {
        if (docs[i]) r.documents.push_back(std::move(*docs[i]));
        else r.failures.push_back(std::move(errors[i]));
    }
    return r;
}

MergedBatch read_and_merge(const Reader& reader, std::vector<ArticleInput> articles, const ReadOptions& options,
                           unsigned threads, const BatchProgress& progress, const std::function<void(std::vector<Document>&)>& each_slice) {
    MergedBatch out;
    EventMerger merger;
    const std::size_t total = articles.size();
    for (std::size_t first = 0; first < total; first += merge_slice) {
        const auto begin = articles.begin() + static_cast<std::ptrdiff_t>(first);
        const auto end = articles.begin() + static_cast<std::ptrdiff_t>(std::min(total, first + merge_slice));
        const std::vector<ArticleInput> part(std::make_move_iterator(begin), std::make_move_iterator(end));
        BatchProgress slice_progress;
        if (progress) slice_progress = [&](std::size_t done, std::size_t) { progress(first + done, total); };
        auto batch = read_articles(reader, part, options, threads, slice_progress);
        out.failures.insert(out.failures.end(), std::make_move_iterator(batch.failures.begin()),
                            std::make_move_iterator(batch.failures.end()));
        if (each_slice) each_slice(batch.documents);
        for (const auto& d : batch.documents) {
            merger.add(d);
            out.layers.add(d);
        }
        out.documents += batch.documents.size();
    }
    out.events = merger.take();
    return out;
}

void LayerInputBuilder::add(const Document& doc) {
    const std::size_t di = ++m_documents;
    m_in.metadata.sources.push_back(doc.source);
    if (doc.date.known()) ++m_dates[doc.date.iso()];
    for (const auto& t : doc.toponyms) {
        if (!t.place) continue;
        auto [it, fresh] = m_index.emplace(t.place->id, m_in.places.size());
        if (fresh) {
            m_in.places.push_back({*t.place, 0, {}, 0, 0});
            m_last_document.push_back(0);
        }
        auto& s = m_in.places[it->second];
        ++s.mentions;
        // Each article once (documents come in order: no search through the list).
        if (m_last_document[it->second] != di) {
            m_last_document[it->second] = di;
            s.articles.push_back(doc.source);
        }
        if (t.role == Role::location) ++s.as_location;
        if (t.role == Role::actor) ++s.as_actor;
    }
}

geo::LayerInput layer_input(const std::vector<Document>& documents, std::vector<geo::Event> events,
                            const gazetteer::Gazetteer& gz, const std::string& toolkit_version) {
    LayerInputBuilder b;
    for (const auto& d : documents) b.add(d);
    return b.finish(std::move(events), gz, toolkit_version);
}

geo::LayerInput LayerInputBuilder::finish(std::vector<geo::Event> events, const gazetteer::Gazetteer& gz,
                                          const std::string& toolkit_version) {
    geo::LayerInput in = std::move(m_in);
    const std::map<std::string, std::size_t> dates = std::move(m_dates);
    *this = LayerInputBuilder{};
    // The reference date most articles share (ties: the latest).
    std::size_t best = 0;
    for (const auto& [date, count] : dates)
        if (count >= best) {
            best = count;
            in.metadata.reference_date = date;
        }
    in.metadata.toolkit_version = toolkit_version;
    // An event reported without a subject ("the allies also want to extend
    // their support…") inherits the actors of the closest earlier event of
    // the same article whose actors name a country or a composite region: the
    // story's protagonist. The movement layer needs them for its origin.
    auto names_a_place = [&gz](const std::string& actor) {
        for (const auto& c : gz.lookup(actor, {.limit = 1})) {
            const auto v = gz.place(c.place);
            if (v.kind == geo::PlaceKind::country || v.composite) return true;
        }
        return false;
    };
    // One pass, remembering each article's latest such event (not a search
    // back through every earlier event, which is quadratic in a large batch).
    std::unordered_map<std::string, std::size_t> protagonist;  // first source → event index
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].sources.empty()) continue;
        const std::string& source = events[i].sources.front();
        if (events[i].actors.empty()) {
            const auto p = protagonist.find(source);
            if (p != protagonist.end()) events[i].actors = events[p->second].actors;
        } else if (std::any_of(events[i].actors.begin(), events[i].actors.end(), names_a_place)) {
            protagonist[source] = i;
        }
    }
    in.events = std::move(events);
    in.polygon_of = [&gz](const geo::Place& p) -> std::vector<std::uint8_t> {
        const auto id = gz.find_id(p.id);
        if (!id) return {};
        const auto v = gz.place(*id);
        return {v.polygon.begin(), v.polygon.end()};
    };
    in.actor_place = [&gz](std::string_view actor) -> std::optional<geo::Place> {
        // An actor named by a country or a composite ("France", "the European Union").
        gazetteer::LookupOptions o;
        o.limit = 1;
        for (const auto& c : gz.lookup(actor, o)) {
            const auto v = gz.place(c.place);
            if (v.kind == geo::PlaceKind::country || v.composite) return v.to_place();
        }
        return std::nullopt;
    };
    return in;
}

} // namespace geoevents::news
