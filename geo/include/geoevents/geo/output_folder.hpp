#pragma once
// The output folder of one run, committed as a whole. A run writes every
// output (the GeoPackage, each format's file or folder) into a hidden staging
// folder inside the output folder; commit() then renames each into place, so
// that the folder holds either the previous run's outputs or this run's, not
// a mix of both, whatever fails while writing. While it lives, the folder is
// locked (flock(2) on the folder itself) so that a second run into the same
// folder is refused instead of mixing its files with the first's.
#include <filesystem>
#include <string>
#include <vector>

namespace geoevents::geo {

class OutputFolder {
public:
    /// Creates `directory` (and missing parents), locks it, and removes what
    /// runs that died left behind: hidden staging folders and temporary files
    /// (`.geoevents-run-PID-N`, `.geoevents-tmp-PID-N`, `.NAME.tmp-PID-N`, in
    /// the folder and in its sub-folders) whose process PID no longer exists.
    /// @throws BusyError when another process holds the lock;
    ///         IoError naming the folder when it cannot be created, opened or locked.
    explicit OutputFolder(std::filesystem::path directory);
    /// Removes the staging folder (after a failed run, with everything staged:
    /// the previous outputs stay untouched) and, when nothing was committed,
    /// the folders the constructor created; then releases the lock.
    ~OutputFolder();
    OutputFolder(const OutputFolder&) = delete;
    OutputFolder& operator=(const OutputFolder&) = delete;

    const std::filesystem::path& directory() const noexcept { return m_directory; }
    /// Where to write the output that will be called `name` in the folder
    /// ("events.gpkg", "geojson"): a path inside the staging folder.
    std::string staged(const std::string& name) const;

    /// Puts every staged output in place, replacing the previous output of
    /// the same name (a file by an atomic rename; a folder by renaming the old
    /// one aside, the new one in, then removing the old one). Nothing is moved
    /// unless every name can be replaced by its own kind.
    /// @throws IoError naming the path that could not be replaced (e.g. an
    ///         existing file where a folder goes).
    /// Returns the final paths.
    std::vector<std::string> commit();

private:
    std::filesystem::path m_directory;
    std::filesystem::path m_staging;
    std::vector<std::filesystem::path> m_created;  ///< folders the constructor made
    int m_lock_fd = -1;
    bool m_committed = false;
};

} // namespace geoevents::geo
