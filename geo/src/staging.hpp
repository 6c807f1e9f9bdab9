#pragma once
// Atomic outputs. A writer lets GDAL produce its files in a private folder of
// GDAL's in-memory file system (/vsimem/), where a driver's unchecked write
// cannot fail half-way; commit() then copies them to the destination with
// checked writes (every write(2), fsync(2) and close(2) looked at) under
// temporary names in the destination directory, and renames them over the
// final names only when every file is complete. A failure anywhere removes
// the temporaries and throws; files that were there before stay untouched.
// Private to geo/. StagingArea needs GDAL (staging.cpp, in the GDAL module);
// the file helpers below do not (files.cpp).
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace geoevents::geo::detail {

class StagingArea {
public:
    StagingArea();   ///< a fresh, unique /vsimem/ folder
    ~StagingArea();  ///< removes it and everything in it
    StagingArea(const StagingArea&) = delete;
    StagingArea& operator=(const StagingArea&) = delete;

    /// The in-memory path GDAL should write `name` to.
    std::string path(const std::string& name) const { return m_root + "/" + name; }
    /// Names of the files currently staged (flat; sorted).
    std::vector<std::string> files() const;
    /// Stages a file with `content` (the writers' own side files).
    void put(const std::string& name, const std::string& content) const;

    /// Copies every staged file into `directory` under the same names,
    /// atomically as described above. `directory` must exist. Returns the final paths.
    /// @throws IoError naming the file that could not be written.
    std::vector<std::string> commit(const std::filesystem::path& directory) const;

private:
    std::string m_root;
};

/// Makes `directory` exist (creating missing parents). Returns the
/// directories it created, outermost first, so that a failed write can
/// remove them again (remove_created()).
/// @throws IoError naming the path when it exists and is not a directory,
///         or cannot be created (e.g. it lies under a regular file).
std::vector<std::filesystem::path> prepare_directory(const std::filesystem::path& directory);
/// `path` without the staging folder of an OutputFolder (".geoevents-run-PID-N"):
/// the name a staged output will have once committed, for reports.
std::string final_name(const std::string& path);
/// fsync(2) of a directory, making the renames in it durable (errors ignored).
void sync_directory(const std::filesystem::path& dir) noexcept;
/// Removes the directories prepare_directory() created, if still empty.
void remove_created(const std::vector<std::filesystem::path>& created) noexcept;
/// A tag unique to this process and call ("PID-N"), for temporary names.
std::string unique_tag();
/// Writes `size` bytes to a new file `path` (which must not exist) and makes
/// them durable (fsync). @throws IoError naming `shown`, the final name.
void write_file(const std::filesystem::path& path, const unsigned char* data, std::size_t size,
                const std::filesystem::path& shown);

} // namespace geoevents::geo::detail
