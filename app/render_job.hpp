#pragma once
// Drawing the map images and the story video of a project file: shared by
// `geoevents render`/`view` and the end of `geoevents map`.
#include <optional>
#include <string>
#include <vector>

#include "geoevents/geo/types.hpp"

namespace geoevents::app {

struct RenderRequest {
    std::string project_file;           ///< the GeoPackage written by map
    std::vector<std::string> outputs;   ///< .png, .svg or .pdf paths
    std::string size = "article";       ///< preset name or WxH
    double scale = 1;                   ///< PNG pixel density
    std::string lang;                   ///< fr or en; empty: the project's language (metadata), else en
    std::string title, subtitle, projection, style, basemap;
    std::optional<geo::Bbox> bbox;
    bool quiet = false;  ///< do not list the images written
    bool notes = true;   ///< print the scene's notes and unplaced labels on stderr
};

/// Draws the images; prints the notes and unplaced story labels on stderr.
/// Returns an exit status (exit_ok, or exit_usage for an impossible size).
/// @throws the libraries' errors (mapped to exit codes by main).
int render_images(const RenderRequest& request);

/// The story played over 20 s at 30 frames/s, 1280×720, as an MP4 through
/// ffmpeg (what `view --video` records). Returns an exit status.
/// @throws viewer::DisplayError without an X display, and the libraries' errors.
int record_story_video(const std::string& project_file, const std::string& mp4, bool quiet);

} // namespace geoevents::app
