#pragma once
// A file mapped read-only into memory (the gazetteer index, the lexicon
// table, the basemap: built once, opened by every process in microseconds).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace geoevents::geo {

class MappedFile {
public:
    /// Maps the regular file at `path`, which must hold at least `min_size`
    /// bytes. On failure returns nullopt and says why in `why` ("not found",
    /// "not a regular file", "too short to be <what> (N bytes)", "cannot
    /// map: …"), for the caller's own error.
    static std::optional<MappedFile> open(const std::filesystem::path& path, std::size_t min_size, const std::string& what,
                                          std::string& why);

    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();  ///< unmaps

    const std::uint8_t* data() const noexcept { return m_data; }
    std::size_t size() const noexcept { return m_size; }

private:
    MappedFile(const std::uint8_t* data, std::size_t size) noexcept : m_data(data), m_size(size) {}
    const std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace geoevents::geo
