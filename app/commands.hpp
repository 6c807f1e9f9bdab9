#pragma once
// Sub-commands of the `geoevents` program. Each registers its options on the
// CLI11 app and returns the action to run once options are parsed.
#include <CLI/CLI.hpp>

#include <functional>

namespace geoevents::app {

using Action = std::function<int()>;

/// `geoevents gazetteer build|lookup`.
void add_gazetteer_commands(CLI::App& app, Action& action);

} // namespace geoevents::app
