#pragma once
// The documented exit statuses of `geoevents` (README, "Exit status") and the
// one mapping from the toolkit's errors to them.
#include "geoevents/geo/error.hpp"

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
    exit_busy = 8,          ///< the output folder is in use by another run (nothing was written)
    exit_internal = 70,     ///< an unexpected error (a bug: please report it)
};

/// The exit status of a run stopped by `e`: the README's table, in one place.
constexpr int exit_status(ErrorKind kind) noexcept {
    switch (kind) {
    case ErrorKind::bad_input: return exit_bad_input;
    case ErrorKind::io: return exit_io;
    case ErrorKind::missing_data: return exit_no_index;
    case ErrorKind::busy: return exit_busy;
    case ErrorKind::usage: return exit_usage;
    case ErrorKind::no_display: return exit_no_display;
    }
    return exit_internal;
}
inline int exit_status(const Error& e) noexcept { return exit_status(e.kind()); }
} // namespace geoevents::app
