#include "geoevents/geo/csv.hpp"

#include <fstream>
#include <sstream>

#include "geoevents/geo/error.hpp"

namespace geoevents::geo {

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::vector<CsvRow> rows;
    std::size_t line = 1, i = 0;
    while (i < text.size()) {
        CsvRow row;
        row.line = line;
        std::string field;
        bool row_done = false;
        while (!row_done) {
            field.clear();
            if (i < text.size() && text[i] == '"') {
                const std::size_t quote_line = line, quote_col = i;
                ++i;
                for (;;) {
                    if (i >= text.size()) throw ParseError(file, quote_line, 0, "unterminated quoted field (opened at byte " + std::to_string(quote_col) + ")");
                    const char c = text[i++];
                    if (c == '"') {
                        if (i < text.size() && text[i] == '"') {
                            field.push_back('"');
                            ++i;
                        } else {
                            break;
                        }
                    } else {
                        if (c == '\n') ++line;
                        field.push_back(c);
                    }
                }
                if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                    throw ParseError(file, line, 0, "unexpected text after a closing quote");
            } else {
                while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') field.push_back(text[i++]);
            }
            row.fields.push_back(field);
            if (i < text.size() && text[i] == ',') {
                ++i;
            } else {
                if (i < text.size() && text[i] == '\r') ++i;
                if (i < text.size() && text[i] == '\n') ++i;
                ++line;
                row_done = true;
            }
        }
        const bool blank = row.fields.size() == 1 && row.fields[0].empty();
        if (!blank) rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<CsvRow> read_csv_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path + ": cannot read");
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_csv(ss.str(), path);
}

CsvTable CsvTable::read(const std::string& path, const std::vector<std::string>& required) {
    CsvTable t;
    t.file = path;
    auto rows = read_csv_file(path);
    if (rows.empty()) throw ParseError(path, 1, 0, "empty file: a header row is required");
    t.columns = rows.front().fields;
    for (std::size_t i = 0; i < t.columns.size(); ++i) t.m_index[t.columns[i]] = i;
    for (const auto& c : required)
        if (!t.m_index.contains(c)) throw ParseError(path, 1, 0, "missing column '" + c + "'");
    for (std::size_t r = 1; r < rows.size(); ++r) {
        if (rows[r].fields.size() != t.columns.size())
            throw ParseError(path, rows[r].line, 0,
                             "expected " + std::to_string(t.columns.size()) + " fields, found " + std::to_string(rows[r].fields.size()));
        t.rows.push_back(std::move(rows[r]));
    }
    return t;
}

const std::string& CsvTable::get(const CsvRow& row, std::string_view column) const {
    static const std::string none;
    auto it = m_index.find(column);
    return it == m_index.end() ? none : row.fields[it->second];
}

} // namespace geoevents::geo
