#include "geoevents/geo/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace geoevents::geo {

std::optional<MappedFile> MappedFile::open(const std::filesystem::path& path, std::size_t min_size, const std::string& what,
                                           std::string& why) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        why = errno == ENOENT ? "not found" : std::strerror(errno);
        return std::nullopt;
    }
    struct stat st {};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        why = "not a regular file";
        return std::nullopt;
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size < min_size || size == 0) {
        ::close(fd);
        why = "too short to be " + what + " (" + std::to_string(size) + " bytes)";
        return std::nullopt;
    }
    void* m = mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    const int err = errno;
    ::close(fd);
    if (m == MAP_FAILED) {
        why = std::string("cannot map: ") + std::strerror(err);
        return std::nullopt;
    }
    return MappedFile(static_cast<const std::uint8_t*>(m), size);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        if (m_data) munmap(const_cast<std::uint8_t*>(m_data), m_size);
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

MappedFile::~MappedFile() {
    if (m_data) munmap(const_cast<std::uint8_t*>(m_data), m_size);
}

} // namespace geoevents::geo
