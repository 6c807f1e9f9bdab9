#include "geoevents/geo/output_folder.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <system_error>

#include "geoevents/geo/error.hpp"
#include "staging.hpp"

namespace geoevents::geo {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view run_prefix = ".geoevents-run-";

/// The PID a temporary name of ours carries, or 0 when `name` is not one:
/// ".geoevents-run-PID-N", ".geoevents-tmp-PID-N" or ".NAME.tmp-PID-N"
/// (the names staging.cpp and this file give).
pid_t temporary_owner(const std::string& name) {
    if (name.empty() || name[0] != '.') return 0;
    std::size_t at = std::string::npos;
    for (std::string_view marker : {std::string_view(".geoevents-run-"), std::string_view(".geoevents-tmp-")})
        if (name.starts_with(marker)) at = marker.size();
    if (at == std::string::npos) {
        const std::size_t tmp = name.rfind(".tmp-");
        if (tmp == std::string::npos || tmp == 0) return 0;
        at = tmp + 5;
    }
    const std::size_t dash = name.find('-', at);
    if (dash == std::string::npos || dash == at || dash + 1 == name.size()) return 0;
    long pid = 0;
    const auto [p, ec] = std::from_chars(name.data() + at, name.data() + dash, pid);
    if (ec != std::errc() || p != name.data() + dash || pid <= 0) return 0;
    for (std::size_t i = dash + 1; i < name.size(); ++i)
        if (name[i] < '0' || name[i] > '9') return 0;
    return static_cast<pid_t>(pid);
}

bool process_gone(pid_t pid) { return ::kill(pid, 0) != 0 && errno == ESRCH; }

/// Removes temporaries of dead processes directly in `dir`.
void remove_stale_in(const fs::path& dir) noexcept {
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const pid_t owner = temporary_owner(it->path().filename().string());
        std::error_code rm;
        if (owner > 0 && owner != ::getpid() && process_gone(owner)) fs::remove_all(it->path(), rm);
    }
}

std::string unique_run_name() {
    static std::atomic<unsigned long> counter{0};
    return std::string(run_prefix) + std::to_string(::getpid()) + "-" + std::to_string(++counter);
}

bool same_kind(const fs::path& a, const fs::path& b) {
    std::error_code ec1, ec2;
    return fs::is_directory(fs::symlink_status(a, ec1)) == fs::is_directory(fs::symlink_status(b, ec2));
}

} // namespace

namespace detail {
std::string final_name(const std::string& path) {
    const fs::path p(path);
    fs::path out;
    for (const auto& part : p) {
        const std::string s = part.string();
        if (!(s.starts_with(run_prefix) && temporary_owner(s) > 0)) out /= part;
    }
    return out.string();
}
} // namespace detail

OutputFolder::OutputFolder(fs::path directory) : m_directory(std::move(directory)) {
    if (m_directory.empty()) m_directory = ".";
    m_created = detail::prepare_directory(m_directory);
    m_lock_fd = ::open(m_directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_lock_fd < 0) throw IoError(m_directory.string() + ": cannot open the output folder: " + std::strerror(errno));
    if (::flock(m_lock_fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(m_lock_fd);
        detail::remove_created(m_created);
        if (err == EWOULDBLOCK)
            throw BusyError(m_directory.string() +
                            ": another geoevents run is writing into this output folder; wait for it to end or choose "
                            "another -o (nothing was written)");
        throw IoError(m_directory.string() + ": cannot lock the output folder: " + std::strerror(err));
    }
    // Under the lock no other map run writes here; temporaries of dead
    // processes (killed runs, or an `export` killed while writing) can go.
    remove_stale_in(m_directory);
    std::error_code ec;
    for (auto it = fs::directory_iterator(m_directory, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::error_code dir_ec;
        if (it->is_directory(dir_ec) && !it->is_symlink(dir_ec)) remove_stale_in(it->path());
    }
    m_staging = m_directory / unique_run_name();
    if (!fs::create_directory(m_staging, ec) || ec) {
        ::close(m_lock_fd);
        detail::remove_created(m_created);
        throw IoError(m_directory.string() + ": cannot write into the output folder: " +
                      (ec ? ec.message() : std::string("staging folder exists")));
    }
}

OutputFolder::~OutputFolder() {
    std::error_code ec;
    fs::remove_all(m_staging, ec);
    if (!m_committed) detail::remove_created(m_created);  // a folder made for nothing
    ::close(m_lock_fd);  // releases the lock
}

std::string OutputFolder::staged(const std::string& name) const { return (m_staging / name).string(); }

std::vector<std::string> OutputFolder::commit() {
    std::vector<fs::path> names;
    std::error_code ec;
    for (auto it = fs::directory_iterator(m_staging, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        names.push_back(it->path().filename());
    if (ec) throw IoError(m_staging.string() + ": cannot list the staged outputs: " + ec.message());
    std::sort(names.begin(), names.end());
    // Check every destination first, so that a conflict moves nothing.
    for (const auto& n : names) {
        const fs::path dest = m_directory / n;
        std::error_code e;
        if (fs::exists(fs::symlink_status(dest, e)) && !same_kind(dest, m_staging / n))
            throw IoError(dest.string() + ": exists and is " +
                          (fs::is_directory(fs::symlink_status(dest, e)) ? "a folder" : "not a folder") +
                          ", where this run writes " +
                          (fs::is_directory(m_staging / n, e) ? "a folder" : "a file") +
                          "; move it away (nothing was written)");
    }
    const fs::path old = m_staging / ".old";
    fs::create_directory(old, ec);
    if (ec) throw IoError(m_staging.string() + ": cannot write: " + ec.message());
    // Rename each into place; on a failure, put back what was moved so far.
    std::vector<fs::path> moved;
    auto roll_back = [&]() noexcept {
        for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
            std::error_code e;
            fs::rename(m_directory / *it, m_staging / *it, e);
            if (fs::exists(old / *it, e)) fs::rename(old / *it, m_directory / *it, e);
        }
    };
    std::vector<std::string> out;
    for (const auto& n : names) {
        const fs::path dest = m_directory / n;
        std::error_code e;
        if (fs::is_directory(m_staging / n, e) && fs::exists(dest, e)) {
            fs::rename(dest, old / n, e);  // a folder cannot be renamed over a non-empty one
            if (e) {
                roll_back();
                throw IoError(dest.string() + ": cannot replace the folder: " + e.message());
            }
        }
        fs::rename(m_staging / n, dest, e);
        if (e) {
            std::error_code back;
            if (fs::exists(old / n, back)) fs::rename(old / n, dest, back);
            roll_back();
            throw IoError(dest.string() + ": cannot put the new output in place: " + e.message());
        }
        moved.push_back(n);
        out.push_back(dest.string());
    }
    m_committed = true;
    fs::remove_all(m_staging, ec);  // with the replaced folders
    detail::sync_directory(m_directory);
    return out;
}

} // namespace geoevents::geo
