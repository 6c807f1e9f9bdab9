#pragma once
// Exceptions of the toolkit. Every library throws these (never exits, never
// prints); only app/ maps them to messages and exit codes, through one table
// keyed by Error::kind() (app/exit_codes.hpp, the README's exit table).
#include <cstdint>
#include <stdexcept>
#include <string>

namespace geoevents {

/// What kind of failure an error is: the one thing the command needs to
/// choose an exit status. Every class below fixes its kind.
enum class ErrorKind : std::uint8_t {
    bad_input,     ///< malformed input: an article, a corrections file, a date, a geometry
    io,            ///< a file or database could not be read or written
    missing_data,  ///< data the toolkit needs (gazetteer index, lexicons) is missing or damaged
    busy,          ///< the output is in use by another run
    usage,         ///< an option's value cannot be used (e.g. an unknown CRS given on the command line)
    no_display,    ///< the viewer cannot open an X display
};

/// Base of every error the toolkit throws on purpose.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, ErrorKind kind = ErrorKind::bad_input)
        : std::runtime_error(message), m_kind(kind) {}
    ErrorKind kind() const noexcept { return m_kind; }

private:
    ErrorKind m_kind;
};

/// Bad input at a known place: what() reads "file:line:col: message"
/// (line/column omitted when 0), or "file: byte N: message" for byte offsets.
class ParseError : public Error {
public:
    ParseError(const std::string& file, std::uint64_t line, std::uint64_t column, const std::string& message);
    static ParseError at_byte(std::string file, std::uint64_t byte_offset, const std::string& message);

    const std::string& file() const noexcept { return m_file; }
    std::uint64_t line() const noexcept { return m_line; }
    std::uint64_t column() const noexcept { return m_column; }

private:
    ParseError(std::string file, std::uint64_t line, std::uint64_t column, const std::string& formatted, int);
    std::string m_file;
    std::uint64_t m_line = 0;
    std::uint64_t m_column = 0;
};

/// A file or database could not be read or written.
class IoError : public Error {
public:
    explicit IoError(const std::string& message) : Error(message, ErrorKind::io) {}
};

/// Data the toolkit needs is missing, unreadable or of another version
/// (the gazetteer index, the lexicons). what() says how to make it.
class DataError : public Error {
public:
    explicit DataError(const std::string& message) : Error(message, ErrorKind::missing_data) {}
};

/// The output is in use: another run holds the lock on the output folder.
class BusyError : public Error {
public:
    explicit BusyError(const std::string& message) : Error(message, ErrorKind::busy) {}
};

/// A geometry operation failed (GEOS error, invalid input geometry).
class GeometryError : public Error {
public:
    using Error::Error;
};

/// A projection or coordinate transformation failed (PROJ): the CRS asked
/// for cannot be used (exit 2, like a bad option).
class CrsError : public Error {
public:
    explicit CrsError(const std::string& message) : Error(message, ErrorKind::usage) {}
};

} // namespace geoevents
