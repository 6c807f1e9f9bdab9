// The lexicon table file: writing it (Lexicons::build_table) and mapping it
// (Lexicons::load).
//
// Layout (little-endian, sections 8-byte aligned, used in place):
//
//   Header | sections…
//
// Each WordMap is two sections (its slots and its key arena), the filter of
// the large lists one, the words' gazetteer answers one. The header records
// the format version, the size and modification time of each extracted list
// and a hash of their contents (a stale table is refused), and the
// fingerprint of the gazetteer index the answers were computed with.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "geoevents/gazetteer/gazetteer.hpp"
#include "text/lexicon_table.hpp"

#include "geoevents/geo/mapped_file.hpp"
#include "reader_data.hpp"

namespace geoevents::news {

namespace detail {

struct TableMapping {
    geo::MappedFile file;
    const std::uint8_t* base = nullptr;  ///< file.data()
    std::size_t size = 0;                ///< file.size()
    explicit TableMapping(geo::MappedFile f) : file(std::move(f)), base(file.data()), size(file.size()) {}
};

namespace {

constexpr char table_magic[8] = {'G', 'E', 'O', 'E', 'V', 'L', 'E', 'X'};
/// Bump when the layout, the hash of WordMap or what a list contributes changes.
constexpr std::uint32_t table_version = 1;

enum MapId : std::size_t {
    m_given, m_surnames, m_stop_fr, m_stop_en, m_names, m_lexicon, m_lower_names, m_word_answers, map_count
};
enum SectionId : std::size_t { s_filter = 2 * map_count, s_answers, section_count };

struct Stamp {
    std::uint64_t size;
    std::int64_t mtime_ns;
};
struct Section {
    std::uint64_t off, bytes, count;
};
struct Header {
    char magic[8];
    std::uint32_t version;
    std::uint32_t header_size;
    std::uint64_t file_size;
    std::uint64_t sources_hash;  ///< FNV-1a over the lists' names and bytes
    Stamp stamps[extracted_list_count];
    std::uint64_t gazetteer_fingerprint;  ///< 0: no answers
    std::uint64_t gazetteer_postings;
    Section sections[section_count];
    std::uint64_t header_hash;  ///< FNV-1a of the bytes before this field
};

std::uint64_t fnv1a(const void* data, std::size_t n, std::uint64_t h = 1469598103934665603ull) noexcept {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

std::filesystem::path table_path(const std::filesystem::path& dir) { return dir / "lexicons.bin"; }

const char* rebuild_hint = "rebuild it with `geoevents lexicons build` (scripts/setup.sh does it after "
                           "extracting the lists with `node data/lexicons/extract.cjs`)";

/// Size and modification time of each list; false when one cannot be read.
bool stamp_lists(const std::filesystem::path& dir, Stamp (&out)[extracted_list_count], std::string& missing) {
    for (std::size_t i = 0; i < extracted_list_count; ++i) {
        const auto p = dir / extracted_lists[i];
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
            missing = p.string();
            return false;
        }
        out[i] = {static_cast<std::uint64_t>(st.st_size),
                  static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
    }
    return true;
}

/// Content hash of the lists (reads them all: only when the stamps differ).
/// Read in blocks, not through a character iterator: megabytes of lists
/// cost every start-up that takes this path.
std::uint64_t hash_lists(const std::filesystem::path& dir) {
    std::uint64_t h = 1469598103934665603ull;
    std::vector<char> buf(1 << 16);
    for (const char* name : extracted_lists) {
        h = fnv1a(name, std::strlen(name), h);
        std::ifstream in(dir / name, std::ios::binary);
        while (in) {
            in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
            h = fnv1a(buf.data(), static_cast<std::size_t>(in.gcount()), h);
        }
    }
    return h;
}

const WordMap* map_of(const Lexicons::Data& d, const ReaderData* rd, std::size_t id) {
    switch (id) {
    case m_given: return &d.given_names;
    case m_surnames: return &d.surnames;
    case m_stop_fr: return &d.stop_fr;
    case m_stop_en: return &d.stop_en;
    case m_names: return &d.names;
    case m_lexicon: return &d.lexicon;
    case m_lower_names: return rd ? &rd->lower_names : nullptr;
    case m_word_answers: return rd ? &rd->word_answers : nullptr;
    default: return nullptr;
    }
}

WordMap* map_of(Lexicons::Data& d, std::size_t id) {
    switch (id) {
    case m_given: return &d.given_names;
    case m_surnames: return &d.surnames;
    case m_stop_fr: return &d.stop_fr;
    case m_stop_en: return &d.stop_en;
    case m_names: return &d.names;
    case m_lexicon: return &d.lexicon;
    case m_lower_names: return &d.lower_names;
    case m_word_answers: return &d.word_answers;
    default: return nullptr;
    }
}

} // namespace

void map_table(Lexicons::Data& d, const std::filesystem::path& dir) {
    const auto path = table_path(dir);
    auto fail = [&](const std::string& why) {
        return LexiconError("lexicon table " + path.string() + ": " + why + "; " + rebuild_hint);
    };
    Stamp now[extracted_list_count];
    std::string missing;
    if (!stamp_lists(dir, now, missing))
        throw LexiconError("lexicon " + missing +
                           " is missing: create the lexicons with `node data/lexicons/extract.cjs` "
                           "(after `npm ci` in .cache/data; scripts/setup.sh does both), or point "
                           "GEOEVENTS_LEXICONS at the folder holding them");

    std::string why;
    auto file = geo::MappedFile::open(path, sizeof(Header), "a lexicon table", why);
    if (!file) throw fail(why);
    auto mapping = std::make_shared<TableMapping>(std::move(*file));
    const std::size_t size = mapping->size;

    const auto* h = reinterpret_cast<const Header*>(mapping->base);
    if (std::memcmp(h->magic, table_magic, sizeof table_magic) != 0) throw fail("not a geoevents lexicon table");
    if (h->version != table_version)
        throw fail("format version " + std::to_string(h->version) + ", this program reads version " +
                   std::to_string(table_version));
    if (h->header_size != sizeof(Header) || h->header_hash != fnv1a(h, offsetof(Header, header_hash)))
        throw fail("corrupt header");
    if (h->file_size != size)
        throw fail("truncated or damaged (" + std::to_string(size) + " bytes, expected " + std::to_string(h->file_size) + ")");
    // Every section lies inside the file and has a well-formed size: a
    // damaged table never leads to a read outside the mapping.
    for (std::size_t i = 0; i < section_count; ++i) {
        const Section& s = h->sections[i];
        if (s.off % 8 != 0 || s.off > size || s.bytes > size - s.off) throw fail("corrupt section table");
    }
    for (std::size_t i = 0; i < map_count; ++i) {
        const Section& s = h->sections[2 * i];
        const std::uint64_t n = s.bytes / sizeof(WordMap::Slot);
        if (s.bytes % sizeof(WordMap::Slot) != 0 || (n & (n - 1)) != 0 || (n != 0 && s.count >= n))
            throw fail("corrupt word table");
    }
    if (h->sections[s_filter].bytes % 64 != 0 || ((h->sections[s_filter].bytes / 64) & (h->sections[s_filter].bytes / 64 - 1)) != 0 ||
        h->sections[s_answers].bytes % sizeof(WordAnswer) != 0)
        throw fail("corrupt word table");

    // Stale: a list changed since the table was built. Equal stamps are
    // trusted; different ones (a copy, a touch) are settled by the contents.
    if (std::memcmp(now, h->stamps, sizeof now) != 0 && hash_lists(dir) != h->sources_hash)
        throw fail("stale: the lists of " + dir.string() + " changed since it was built");

    auto bytes = [&](const Section& s) { return mapping->base + s.off; };
    for (std::size_t i = 0; i < map_count; ++i) {
        const Section& slots = h->sections[2 * i];
        const Section& arena = h->sections[2 * i + 1];
        *map_of(d, i) = WordMap::view(
            {reinterpret_cast<const WordMap::Slot*>(bytes(slots)), slots.bytes / sizeof(WordMap::Slot)},
            {reinterpret_cast<const char*>(bytes(arena)), arena.bytes}, slots.count);
    }
    d.lexicon = d.lexicon.to_owned();  // add_curated adds to it
    const Section& f = h->sections[s_filter];
    d.large = WordFilter::view({reinterpret_cast<const std::uint64_t*>(bytes(f)), f.bytes / 8});
    const Section& a = h->sections[s_answers];
    d.answers = {reinterpret_cast<const WordAnswer*>(bytes(a)), a.bytes / sizeof(WordAnswer)};
    d.answers_fingerprint = h->gazetteer_fingerprint;
    d.answers_postings = h->gazetteer_postings;
    d.table = std::move(mapping);
}

} // namespace detail

Lexicons::TableInfo Lexicons::build_table(const std::filesystem::path& dir, const gazetteer::Gazetteer& gazetteer) {
    using namespace detail;
    Header h{};
    std::string missing;
    // Stamped before reading: a list rewritten meanwhile makes the table stale, never wrongly fresh.
    if (!stamp_lists(dir, h.stamps, missing))
        throw LexiconError("lexicon " + missing +
                           " is missing: create the lexicons with `node data/lexicons/extract.cjs` "
                           "(after `npm ci` in .cache/data; scripts/setup.sh does both)");
    Data d;
    load_extracted(d, dir);
    h.sources_hash = hash_lists(dir);
    ReaderData rd;
    derive_word_answers(gazetteer, d, rd);
    h.gazetteer_fingerprint = gazetteer.fingerprint();
    h.gazetteer_postings = gazetteer.postings().size();

    std::string out(sizeof(Header), '\0');
    auto add = [&](const void* data, std::size_t n, std::uint64_t count) {
        out.resize((out.size() + 7) & ~std::size_t{7}, '\0');
        const Section s{out.size(), n, count};
        out.append(static_cast<const char*>(data), n);
        return s;
    };
    for (std::size_t i = 0; i < map_count; ++i) {
        const WordMap& m = *map_of(d, &rd, i);
        h.sections[2 * i] = add(m.slots().data(), m.slots().size_bytes(), m.size());
        h.sections[2 * i + 1] = add(m.arena().data(), m.arena().size(), 0);
    }
    h.sections[s_filter] = add(d.large.bits().data(), d.large.bits().size_bytes(), 0);
    h.sections[s_answers] = add(rd.answers.data(), rd.answers.size_bytes(), rd.answers.size());
    std::memcpy(h.magic, table_magic, sizeof table_magic);
    h.version = table_version;
    h.header_size = sizeof(Header);
    h.file_size = out.size();
    h.header_hash = fnv1a(&h, offsetof(Header, header_hash));
    std::memcpy(out.data(), &h, sizeof h);

    TableInfo info;
    info.path = table_path(dir);
    info.words = d.names.size();
    info.answered = rd.answers.size();
    auto tmp = info.path;
    tmp += ".tmp" + std::to_string(::getpid());
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f.write(out.data(), static_cast<std::streamsize>(out.size()));
        f.close();
        if (!f) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            throw IoError(tmp.string() + ": cannot write the lexicon table: " + std::strerror(errno));
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, info.path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw IoError(info.path.string() + ": cannot write the lexicon table: " + ec.message());
    }
    return info;
}

} // namespace geoevents::news
