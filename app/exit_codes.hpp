#pragma once
// The documented exit statuses of `geoevents` (README, "Exit status").
namespace geoevents::app {
enum ExitCode : int {
    exit_ok = 0,
    exit_not_found = 1,     ///< lookup: the name is unknown (nothing printed on stdout but an empty result)
    exit_usage = 2,         ///< bad options or arguments
    exit_bad_input = 3,     ///< malformed input file (message names file and position)
    exit_io = 4,            ///< a file or database could not be read or written
    exit_no_index = 5,      ///< gazetteer index, lexicons or basemap missing or corrupt (message says how to make them)
    exit_partial = 6,       ///< some inputs of a batch failed; the others' results were written
    exit_no_display = 7,    ///< view: no X display (SFML needs one, even off-screen)
    exit_internal = 70,     ///< an unexpected error (a bug: please report it)
};
} // namespace geoevents::app
