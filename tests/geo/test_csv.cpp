#include <catch2/catch.hpp>

#include "geoevents/geo/csv.hpp"
#include "geoevents/geo/error.hpp"

using geoevents::geo::parse_csv;

TEST_CASE("CSV quoting, doubled quotes, CRLF and multi-line fields", "[geo][csv][fast]") {
    const auto rows = parse_csv("\xEF\xBB\xBF" "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\n", "t.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].fields == std::vector<std::string>{"a", "b"});
    CHECK(rows[1].fields == std::vector<std::string>{"x, y", "say \"hi\""});
    CHECK(rows[2].fields == std::vector<std::string>{"two\nlines", "z"});
    CHECK(rows[2].line == 3);
}

TEST_CASE("CSV errors name the file and the line", "[geo][csv][fast]") {
    try {
        parse_csv("a,b\n1,2\n\"open,3\n", "bad.csv");
        FAIL("no error");
    } catch (const geoevents::ParseError& e) {
        CHECK(std::string(e.what()).rfind("bad.csv:3:", 0) == 0);
        CHECK(e.line() == 3);
    }
    CHECK_THROWS_AS(parse_csv("\"a\"b,c\n", "x.csv"), geoevents::ParseError);
}
