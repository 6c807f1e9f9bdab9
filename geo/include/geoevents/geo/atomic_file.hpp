#pragma once
// One output file written atomically, for the outputs that are not GDAL
// datasets (map images, frames).
#include <filesystem>
#include <string_view>

namespace geoevents::geo {

/// Writes `bytes` to `path`: first to a temporary name in the same directory
/// (every write checked, fsync), then renamed over `path`. A failure leaves
/// any previous file at `path` untouched and no temporary behind. The parent
/// directory must exist.
/// @throws IoError naming `path` and the reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

} // namespace geoevents::geo
