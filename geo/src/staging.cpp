// The staging area GDAL writes an output into (its in-memory file system),
// committed to disk whole by the helpers of files.cpp.
#include "staging.hpp"

#include <cpl_string.h>
#include <cpl_vsi.h>

#include <algorithm>
#include <system_error>

#include "gdal_handles.hpp"
#include "geoevents/geo/error.hpp"

namespace geoevents::geo::detail {

namespace fs = std::filesystem;

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

} // namespace geoevents::geo::detail
