#include "geoevents/geo/error.hpp"

namespace geoevents {

namespace {
std::string format_location(const std::string& file, std::uint64_t line, std::uint64_t column,
                            const std::string& message) {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    return out + ": " + message;
}
} // namespace

ParseError::ParseError(const std::string& file, std::uint64_t line, std::uint64_t column, const std::string& message)
    : ParseError(file, line, column, format_location(file, line, column, message), 0) {}

ParseError::ParseError(std::string file, std::uint64_t line, std::uint64_t column, const std::string& formatted, int)
    : Error(formatted), m_file(std::move(file)), m_line(line), m_column(column) {}

ParseError ParseError::at_byte(std::string file, std::uint64_t byte_offset, const std::string& message) {
    std::string formatted = file + ": byte " + std::to_string(byte_offset) + ": " + message;
    return ParseError(std::move(file), 0, 0, formatted, 0);
}

} // namespace geoevents
