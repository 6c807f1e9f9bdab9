#include "geoevents/news/batch.hpp"

#include <nlohmann/json.hpp>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <map>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/geo/geometry.hpp"

namespace geoevents::news {

namespace fs = std::filesystem;

// ---- The source: arguments in order, standard input pulled on demand ----

struct ArticleSource::Impl {
    std::vector<ArticleInput> queue;  ///< expanded arguments, in order (files, failures)
    std::vector<std::size_t> stdin_at;  ///< positions in `queue` where "-" was given
    std::size_t pos = 0, stdin_next = 0;
    std::istream* in = nullptr;
    std::size_t max_bytes = max_article_bytes;
    bool has_stdin = false;
    std::size_t total = 0;

    enum class Mode { unknown, jsonl, raw, done } mode = Mode::unknown;
    std::size_t line_no = 0;

    static ArticleInput failed(const std::string& source, Failure f, const std::string& message) {
        ArticleInput a;
        a.source = source;
        a.failure = f;
        a.error = source + ": " + message;
        return a;
    }

    /// The next line of standard input, at most `limit` bytes kept; false at the end.
    bool read_line(std::string& line, bool& too_long) {
        line.clear();
        too_long = false;
        std::streambuf* sb = in->rdbuf();
        bool any = false;
        for (int c; (c = sb->sbumpc()) != std::char_traits<char>::eof();) {
            any = true;
            if (c == '\n') return true;
            if (line.size() < 2 * max_bytes + 1024) line.push_back(static_cast<char>(c));
            else too_long = true;
        }
        return any;
    }

    /// The next article of standard input; false when it has no more.
    bool next_stdin(ArticleInput& out) {
        if (mode == Mode::done) return false;
        std::streambuf* sb = in->rdbuf();
        if (mode == Mode::unknown) {
            // JSON Lines when the first non-blank byte opens an object; the
            // blanks before a plain article stay part of it (offsets).
            std::string blanks;
            int c;
            while ((c = sb->sgetc()) != std::char_traits<char>::eof() && (c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
                blanks.push_back(static_cast<char>(c));
                sb->sbumpc();
            }
            if (c == '{') {
                mode = Mode::jsonl;
                line_no = static_cast<std::size_t>(std::count(blanks.begin(), blanks.end(), '\n'));
            } else {
                mode = Mode::done;
                out = ArticleInput{};
                out.source = "<stdin>";
                out.text = std::move(blanks);
                char buf[65536];
                std::streamsize n;
                while ((n = sb->sgetn(buf, sizeof buf)) > 0) {
                    if (out.text.size() + static_cast<std::size_t>(n) > max_bytes) {
                        out = failed("<stdin>", Failure::bad_input,
                                     "byte " + std::to_string(max_bytes) + ": article too large (more than " +
                                         std::to_string(max_bytes) + " bytes): refused");
                        return true;
                    }
                    out.text.append(buf, static_cast<std::size_t>(n));
                }
                return true;
            }
        }
        std::string line;
        bool too_long = false;
        while (read_line(line, too_long)) {
            const std::size_t n = ++line_no;
            const std::string where = "stdin:" + std::to_string(n);
            if (too_long) {
                out = failed(where, Failure::bad_input, "line too long (an article is at most " + std::to_string(max_bytes) + " bytes): refused");
                return true;
            }
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            try {
                const auto j = nlohmann::json::parse(line);
                if (!j.is_object() || !j.contains("text") || !j["text"].is_string())
                    throw std::runtime_error("expected an object with a \"text\" string");
                ArticleInput a;
                a.source = j.contains("id") ? (j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump()) : where;
                a.text = j["text"].get<std::string>();
                if (j.contains("date") && j["date"].is_string()) {
                    a.date = ReferenceDate::parse(j["date"].get<std::string>());
                    if (!a.date) throw std::runtime_error("invalid \"date\" (expected YYYY, YYYY-MM or YYYY-MM-DD)");
                }
                out = std::move(a);
            } catch (const std::exception& e) {
                out = failed(where, Failure::bad_input, e.what());
            }
            return true;
        }
        mode = Mode::done;
        return false;
    }
};

ArticleSource::ArticleSource(const std::vector<std::string>& arguments, std::istream& in, std::size_t max_bytes)
    : m_impl(std::make_unique<Impl>()) {
    Impl& m = *m_impl;
    m.in = &in;
    m.max_bytes = max_bytes;
    auto add_file = [&](const fs::path& p) {
        ArticleInput a;
        a.source = p.string();
        a.path = p.string();
        m.queue.push_back(std::move(a));
    };
    for (const auto& arg : arguments) {
        if (arg == "-") {
            m.stdin_at.push_back(m.queue.size());
            m.has_stdin = true;
            continue;
        }
        std::error_code ec;
        const fs::path p(arg);
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> files;
            for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
                // Every .txt entry but a folder: a link whose file is gone, or a
                // file removed before its turn, then fails by name instead of
                // being left out silently.
                if (std::error_code gone; it->path().extension() == ".txt" && !it->is_directory(gone))
                    files.push_back(it->path());
            if (ec) m.queue.push_back(Impl::failed(arg, Failure::io, "cannot list the folder: " + ec.message()));
            std::sort(files.begin(), files.end());
            if (files.empty() && !ec) m.queue.push_back(Impl::failed(arg, Failure::bad_input, "no .txt article in this folder"));
            for (const auto& f : files) add_file(f);
        } else if (fs::exists(p, ec)) {
            add_file(p);
        } else {
            m.queue.push_back(Impl::failed(arg, Failure::io, "no such file or folder"));
        }
    }
    m.total = m.has_stdin ? 0 : m.queue.size();
}

ArticleSource::ArticleSource(std::vector<ArticleInput> articles) : m_impl(std::make_unique<Impl>()) {
    m_impl->queue = std::move(articles);
    m_impl->total = m_impl->queue.size();
}

ArticleSource::~ArticleSource() = default;

std::size_t ArticleSource::known_total() const noexcept { return m_impl->total; }

bool ArticleSource::next(ArticleInput& out) {
    Impl& m = *m_impl;
    while (true) {
        // Standard input comes where "-" was given among the other arguments.
        if (m.stdin_next < m.stdin_at.size() && m.stdin_at[m.stdin_next] == m.pos) {
            if (m.next_stdin(out)) return true;
            ++m.stdin_next;
            continue;
        }
        if (m.pos >= m.queue.size()) return false;
        out = std::move(m.queue[m.pos++]);
        return true;
    }
}

// ---- Reading: one ordered, bounded pipeline ----

namespace {

/// A file descriptor closed on every path out.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

} // namespace

std::string read_article_file(const std::string& path, std::size_t limit) {
    auto too_large = [&](std::uint64_t size) {
        return ParseError::at_byte(path, limit,
                                   "article too large (" + std::to_string(size) + " bytes; the limit is " +
                                       std::to_string(limit) + " bytes per article): refused");
    };
    // open, fstat, read, close: one path lookup, no stream (a batch reads
    // thousands of small files; an ifstream and a stat() each cost more
    // than reading one).
    Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    struct stat st {};
    if (f.fd < 0) {
        // The same answers as before opening: a missing file, a folder, a
        // file too large, then why it cannot be opened.
        const int open_errno = errno;
        if (::stat(path.c_str(), &st) != 0) throw IoError(path + ": cannot read: " + std::strerror(errno));
        if (S_ISDIR(st.st_mode)) throw IoError(path + ": is a directory, not an article");
        if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > limit)
            throw too_large(static_cast<std::uint64_t>(st.st_size));
        throw IoError(path + ": cannot open: " + std::strerror(open_errno));
    }
    if (::fstat(f.fd, &st) != 0) throw IoError(path + ": cannot read: " + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) throw IoError(path + ": is a directory, not an article");
    if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > limit)
        throw too_large(static_cast<std::uint64_t>(st.st_size));
    std::string s;
    if (S_ISREG(st.st_mode)) s.reserve(static_cast<std::size_t>(st.st_size));
    char buf[65536];
    while (true) {
        const ssize_t n = ::read(f.fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw IoError(path + ": read error");
        }
        if (n == 0) break;
        s.append(buf, static_cast<std::size_t>(n));
        if (s.size() > limit)  // a pipe or a file that grew: still bounded
            throw ParseError::at_byte(path, limit, "article too large (more than " + std::to_string(limit) + " bytes): refused");
    }
    return s;
}

namespace {

ArticleResult read_one(const Reader& reader, ArticleInput& a, const ReadOptions& options) {
    ArticleResult r;
    r.source = a.source;
    if (a.failure != Failure::none) {
        r.failure = a.failure;
        r.error = std::move(a.error);
        return r;
    }
    ReadOptions o = options;
    o.source = a.source;
    if (a.date) o.date = a.date;
    auto fail = [&](Failure f, const std::string& what) {
        r.failure = f;
        // ParseError and IoError already start with the source.
        r.error = what.rfind(a.source, 0) == 0 ? what : a.source + ": " + what;
    };
    try {
        if (a.path.empty()) r.document = reader.read(a.text, o);
        else r.document = reader.read(read_article_file(a.path, o.max_bytes), o);
    } catch (const ParseError& e) {
        fail(Failure::bad_input, e.what());
    } catch (const IoError& e) {
        fail(Failure::io, e.what());
    } catch (const Error& e) {
        fail(Failure::bad_input, e.what());
    } catch (const std::bad_alloc&) {
        fail(Failure::io, "out of memory");
    }
    return r;
}

} // namespace

void read_articles(const Reader& reader, ArticleSource& source, const ReadOptions& options, unsigned threads,
                   const ArticleSink& sink, const ArticlePrepare& prepare) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    struct Work {
        ArticleInput input;
        ArticleResult result;
    };
    using Item = std::shared_ptr<Work>;
    // Two articles per thread in flight: one being read, one waiting for
    // its turn at the ordered output; memory stays bounded by the slowest.
    tbb::task_arena arena(static_cast<int>(threads));
    arena.execute([&] {
        tbb::parallel_pipeline(
            2 * static_cast<std::size_t>(threads),
            tbb::make_filter<void, Item>(tbb::filter_mode::serial_in_order,
                                         [&](tbb::flow_control& fc) -> Item {
                                             auto w = std::make_shared<Work>();
                                             if (!source.next(w->input)) {
                                                 fc.stop();
                                                 return {};
                                             }
                                             return w;
                                         }) &
                tbb::make_filter<Item, Item>(tbb::filter_mode::parallel,
                                             [&](Item w) {
                                                 w->result = read_one(reader, w->input, options);
                                                 w->input = {};  // the bytes are no longer needed
                                                 if (prepare) prepare(w->result);
                                                 return w;
                                             }) &
                tbb::make_filter<Item, void>(tbb::filter_mode::serial_in_order,
                                             [&](const Item& w) { sink(std::move(w->result)); }));
    });
}

BatchResult read_articles(const Reader& reader, ArticleSource& source, const ReadOptions& options, unsigned threads,
                          const BatchProgress& progress) {
    BatchResult r;
    std::size_t done = 0;
    const std::size_t total = source.known_total();
    read_articles(reader, source, options, threads, [&](ArticleResult&& a) {
        if (a.document) r.documents.push_back(std::move(*a.document));
        else r.failures.push_back(std::move(a.error));
        if (progress) progress(++done, total);
    });
    return r;
}

BatchResult read_articles(const Reader& reader, std::vector<ArticleInput> articles, const ReadOptions& options,
                          unsigned threads, const BatchProgress& progress) {
    ArticleSource source(std::move(articles));
    return read_articles(reader, source, options, threads, progress);
}

void LayerInputBuilder::add(const Document& doc) {
    const std::size_t di = ++m_documents;
    m_in.metadata.sources.push_back(doc.source);
    if (doc.date.known()) ++m_dates[doc.date.iso()];
    for (const auto& t : doc.toponyms) {
        if (!t.place) continue;
        auto [it, fresh] = m_index.emplace(t.place->id, m_in.places.size());
        if (fresh) {
            m_in.places.push_back({*t.place, 0, {}, 0, 0, {}, {}});
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
        // The name articles of this language write (the reader gives every
        // mention of a place in a document the same label).
        std::string& written = doc.language == "fr" ? s.label_fr : s.label_en;
        if (written.empty() && !t.demonym && (doc.language == "fr" || doc.language == "en"))
            written = t.place->label.empty() ? t.place->name : t.place->label;
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
    // The events go to the layers as parse prints them: the actors named for
    // each event, the origins it states or that the reader inferred (marked).
    in.events = std::move(events);
    in.polygon_of = [&gz](const geo::Place& p) -> std::vector<std::uint8_t> {
        // A part of a place ("l'ouest du Niger") carries its own outline.
        if (p.kind == geo::PlaceKind::part && !p.geometry.empty()) return geo::Geometry::from_geojson(p.geometry).wkb();
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
