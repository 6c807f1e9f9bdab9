#pragma once
// A small RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF or LF,
// quoted fields may span lines) that keeps line numbers for error messages.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace geoevents::geo {

struct CsvRow {
    std::size_t line = 0;  ///< 1-based line where the row starts
    std::vector<std::string> fields;
};

/// Parses the whole text. A leading UTF-8 BOM is ignored.
/// @throws ParseError(file, line, column) on an unterminated quote or text after a closing quote.
std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file_name);

/// Reads and parses a file. @throws IoError when it cannot be read.
std::vector<CsvRow> read_csv_file(const std::string& path);

/// A table with a header: rows become field maps by column name.
/// @throws ParseError when a row has another number of fields than the header,
///         or a required column is missing.
struct CsvTable {
    std::string file;
    std::vector<std::string> columns;
    std::vector<CsvRow> rows;
    static CsvTable read(const std::string& path, const std::vector<std::string>& required_columns);
    /// Field `column` of `row` ("" when the column is absent).
    const std::string& get(const CsvRow& row, std::string_view column) const;

private:
    std::map<std::string, std::size_t, std::less<>> m_index;
};

} // namespace geoevents::geo
