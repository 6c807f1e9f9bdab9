#pragma once
// Sub-commands of the `geoevents` program. Each registers its options on the
// CLI11 app and returns the action to run once options are parsed.
#include <CLI/CLI.hpp>

#include <functional>

namespace geoevents::app {

using Action = std::function<int()>;

/// `geoevents basemap build|info`.
void add_basemap_commands(CLI::App& app, Action& action);

/// `geoevents gazetteer build|lookup`.
void add_gazetteer_commands(CLI::App& app, Action& action);

/// `geoevents map` and `geoevents export`.
void add_map_commands(CLI::App& app, Action& action);

/// `geoevents lexicons build`.
void add_lexicons_commands(CLI::App& app, Action& action);

/// `geoevents parse`: articles to the document contract's JSON.
void add_parse_command(CLI::App& app, Action& action);

/// `geoevents render`: the project file to map images.
void add_render_command(CLI::App& app, Action& action);

/// `geoevents view`: the interactive map, headless screenshots, recordings.
void add_view_command(CLI::App& app, Action& action);

} // namespace geoevents::app
