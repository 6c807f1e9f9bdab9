#pragma once
// Exceptions of the toolkit. Every library throws these (never exits, never
// prints); only app/ maps them to messages and exit codes.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace geoevents {

/// Base of every error the toolkit throws on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Bad input at a known place: what() reads "file:line:col: message"
/// (line/column omitted when 0), or "file: byte N: message" for byte offsets.
class ParseError : public Error {
public:
    ParseError(std::string file, std::uint64_t line, std::uint64_t column, const std::string& message);
    static ParseError at_byte(std::string file, std::uint64_t byte_offset, const std::string& message);

    const std::string& file() const noexcept { return m_file; }
    std::uint64_t line() const noexcept { return m_line; }
    std::uint64_t column() const noexcept { return m_column; }

private:
    ParseError(std::string file, std::uint64_t line, std::uint64_t column, std::string formatted, int);
    std::string m_file;
    std::uint64_t m_line = 0;
    std::uint64_t m_column = 0;
};

/// A file or database could not be read or written.
class IoError : public Error {
public:
    using Error::Error;
};

/// A geometry operation failed (GEOS error, invalid input geometry).
class GeometryError : public Error {
public:
    using Error::Error;
};

/// A projection or coordinate transformation failed (PROJ).
class CrsError : public Error {
public:
    using Error::Error;
};

} // namespace geoevents
