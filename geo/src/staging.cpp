#include "staging.hpp"

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

#include "gdal_handles.hpp"
#include "geoevents/geo/atomic_file.hpp"
#include "geoevents/geo/error.hpp"

namespace geoevents::geo::detail {

namespace fs = std::filesystem;

namespace {

std::string unique_tag() {
    static std::atomic<unsigned long> counter{0};
    return std::to_string(::getpid()) + "-" + std::to_string(++counter);
}

std::string errno_text(int err) { return std::strerror(err); }

/// Closes a file descriptor on scope exit unless released.
class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const noexcept { return m_fd; }
    int release() noexcept { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

/// Writes `size` bytes to a new file `path` and makes them durable.
/// @throws IoError naming `shown` (the final name the user will look for).
void write_file(const fs::path& path, const unsigned char* data, std::size_t size, const fs::path& shown) {
    Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
    if (fd.get() < 0) throw IoError(shown.string() + ": cannot create " + path.string() + ": " + errno_text(errno));
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd.get(), data + done, size - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw IoError(shown.string() + ": cannot write: " + errno_text(errno));
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) throw IoError(shown.string() + ": cannot write (fsync): " + errno_text(errno));
    if (::close(fd.release()) != 0) throw IoError(shown.string() + ": cannot write (close): " + errno_text(errno));
}

} // namespace

void sync_directory(const fs::path& dir) noexcept {
    // Makes the renames durable; a failure here does not undo a complete write.
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
}

StagingArea::StagingArea() : m_root("/vsimem/geoevents-staging-" + unique_tag()) {
    ensure_gdal_registered();
    VSIMkdir(m_root.c_str(), 0755);
}

StagingArea::~StagingArea() { VSIRmdirRecursive(m_root.c_str()); }

std::vector<std::string> StagingArea::files() const {
    std::vector<std::string> out;
    char** list = VSIReadDir(m_root.c_str());
    for (char** p = list; p && *p; ++p) {
        const std::string name = *p;
        if (name == "." || name == "..") continue;
        VSIStatBufL st;
        if (VSIStatL(path(name).c_str(), &st) == 0 && VSI_ISREG(st.st_mode)) out.push_back(name);
    }
    CSLDestroy(list);
    std::sort(out.begin(), out.end());
    return out;
}

void StagingArea::put(const std::string& name, const std::string& content) const {
    VSILFILE* f = VSIFOpenL(path(name).c_str(), "wb");
    if (!f) throw IoError(name + ": cannot stage the file in memory");
    const bool ok = VSIFWriteL(content.data(), 1, content.size(), f) == content.size();
    if (VSIFCloseL(f) != 0 || !ok) throw IoError(name + ": cannot stage the file in memory");
}

std::vector<std::string> StagingArea::commit(const fs::path& directory) const {
    const std::vector<std::string> names = files();
    if (names.empty()) throw IoError(directory.string() + ": nothing was produced to write");

    // One file: a temporary file beside it. Several: a temporary directory
    // beside them, so that every file is complete before any is renamed.
    const std::string tag = unique_tag();
    const bool single = names.size() == 1;
    const fs::path tmp_dir = directory / (".geoevents-tmp-" + tag);
    auto tmp_path = [&](const std::string& name) {
        return single ? directory / ("." + name + ".tmp-" + tag) : tmp_dir / name;
    };
    auto cleanup = [&]() noexcept {
        std::error_code ec;
        if (single) fs::remove(tmp_path(names.front()), ec);
        else fs::remove_all(tmp_dir, ec);
    };

    try {
        if (!single) {
            std::error_code ec;
            if (!fs::create_directory(tmp_dir, ec) || ec)
                throw IoError(directory.string() + ": cannot write into the directory: " +
                              (ec ? ec.message() : std::string("temporary directory exists")));
        }
        for (const auto& name : names) {
            vsi_l_offset size = 0;
            const unsigned char* data = VSIGetMemFileBuffer(path(name).c_str(), &size, FALSE);
            if (!data && size != 0) throw IoError((directory / name).string() + ": staged file vanished");
            static const unsigned char nothing = 0;
            write_file(tmp_path(name), data ? data : &nothing, static_cast<std::size_t>(size), directory / name);
        }
        std::vector<std::string> out;
        for (const auto& name : names) {
            std::error_code ec;
            fs::rename(tmp_path(name), directory / name, ec);
            if (ec) throw IoError((directory / name).string() + ": cannot replace the file: " + ec.message());
            out.push_back((directory / name).string());
        }
        cleanup();
        sync_directory(directory);
        return out;
    } catch (...) {
        cleanup();
        throw;
    }
}

std::vector<fs::path> prepare_directory(const fs::path& directory) {
    std::vector<fs::path> created;
    const fs::path target = directory.empty() ? fs::path(".") : directory;
    // Walk up to the first existing ancestor, then create downwards.
    std::vector<fs::path> missing;
    fs::path p = target;
    std::error_code ec;
    while (!p.empty() && !fs::exists(p, ec)) {
        if (ec && ec != std::errc::no_such_file_or_directory)
            throw IoError(target.string() + ": cannot use as output directory: " + ec.message());
        missing.push_back(p);
        const fs::path parent = p.parent_path();
        if (parent == p) break;
        p = parent;
    }
    if (!p.empty() && fs::exists(p, ec) && !fs::is_directory(p, ec))
        throw IoError(target.string() + ": cannot use as output directory: " + p.string() + " is not a directory");
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (!fs::create_directory(*it, ec) && ec) {
            remove_created(created);
            throw IoError(target.string() + ": cannot create the output directory: " + ec.message());
        }
        created.push_back(*it);
    }
    return created;
}

void remove_created(const std::vector<fs::path>& created) noexcept {
    std::error_code ec;
    for (auto it = created.rbegin(); it != created.rend(); ++it) fs::remove(*it, ec);  // only removes empty ones
}

} // namespace geoevents::geo::detail

namespace geoevents::geo {

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    namespace fs = std::filesystem;
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw IoError(path.string() + ": cannot write the file: it is a directory");
    const fs::path tmp = dir / ("." + path.filename().string() + ".tmp-" + detail::unique_tag());
    try {
        detail::write_file(tmp, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), path);
        fs::rename(tmp, path, ec);
        if (ec) throw IoError(path.string() + ": cannot replace the file: " + ec.message());
    } catch (...) {
        fs::remove(tmp, ec);
        throw;
    }
    detail::sync_directory(dir);
}

} // namespace geoevents::geo
