// Files written whole or not at all: the temporary-name-then-rename helpers
// every output shares (GDAL's staged outputs, images, JSON). No GDAL here:
// see staging.cpp for the in-memory staging area GDAL writes into.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

#include "geoevents/geo/atomic_file.hpp"
#include "geoevents/geo/error.hpp"
#include "staging.hpp"

namespace geoevents::geo::detail {

namespace fs = std::filesystem;

namespace {

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

} // namespace

std::string unique_tag() {
    static std::atomic<unsigned long> counter{0};
    return std::to_string(::getpid()) + "-" + std::to_string(++counter);
}

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


void sync_directory(const fs::path& dir) noexcept {
    // Makes the renames durable; a failure here does not undo a complete write.
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
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
