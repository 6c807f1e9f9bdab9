// Article input: BOM, CRLF, the date header, byte offsets, bad input.
// The sentences are written for these tests.
#include <chrono>

#include "news_fixture.hpp"

using namespace news_test;

TEST_CASE("offsets count the BOM, the CRLF line ends and the date header", "[news][input]") {
    const std::string text = "\xEF\xBB\xBF" "date: 2022-02-17\r\nTitre\r\n\r\nLes soldats quittent le Mali pour le Niger.\r\n";
    news::ReadOptions o;
    o.source = "crlf.txt";
    const auto d = env().reader.read(text, o);
    CHECK(d.date.iso() == "2022-02-17");
    const auto* mali = find(d, "Mali");
    REQUIRE(mali);
    CHECK(text.substr(mali->start, mali->end - mali->start) == "Mali");
    CHECK(mali->start == text.find("Mali"));
    const auto* niger = find(d, "Niger");
    REQUIRE(niger);
    CHECK(niger->start == text.find("Niger"));
}

TEST_CASE("a date header may run into the story's first line", "[news][input]") {
    const std::string text = " date 2022-02 La France reste engagée au Sahel.";
    const auto d = read(text, "");
    CHECK(d.date.iso() == "2022-02");
    REQUIRE(find(d, "France"));
    CHECK(find(d, "France")->start == text.find("France"));
    REQUIRE(find(d, "Sahel"));
}

TEST_CASE("the --date option wins over the header, and without either the date is inferred or unknown", "[news][input]") {
    const std::string text = "date 2021-05-01\nLe Mali et le Niger.";
    CHECK(read(text, "2022-02-17").date.iso() == "2022-02-17");
    CHECK(read(text, "").date.iso() == "2021-05-01");
    const auto none = read("Le Mali et le Niger signent un accord.", "");
    CHECK_FALSE(none.date.known());
    CHECK_FALSE(none.warnings.empty());
}

TEST_CASE("curly and straight apostrophes give the same names", "[news][input]") {
    const auto a = read("Les pays d'Afrique de l'Ouest se réunissent.");
    const auto b = read("Les pays d\xE2\x80\x99" "Afrique de l\xE2\x80\x99Ouest se réunissent.");
    REQUIRE(find(a, "Afrique de l'Ouest"));
    REQUIRE(find(b, "Afrique de l\xE2\x80\x99Ouest"));
    REQUIRE(find(a, "Afrique de l'Ouest")->place);
    REQUIRE(find(b, "Afrique de l\xE2\x80\x99Ouest")->place);
    CHECK(find(a, "Afrique de l'Ouest")->place->id == find(b, "Afrique de l\xE2\x80\x99Ouest")->place->id);
}

TEST_CASE("invalid UTF-8 is refused with the file and the byte offset", "[news][input]") {
    const std::string text = "Le Mali\xFF et le Niger.";
    news::ReadOptions o;
    o.source = "bad.txt";
    try {
        (void)env().reader.read(text, o);
        FAIL("no error");
    } catch (const ParseError& e) {
        const std::string what = e.what();
        CHECK(what.find("bad.txt") != std::string::npos);
        CHECK(what.find("byte 7") != std::string::npos);
        CHECK(what.find("UTF-8") != std::string::npos);
    }
    // Overlong forms and surrogates are invalid too.
    CHECK_THROWS_AS(env().reader.read(std::string("a\xC0\xAF"), o), ParseError);
    CHECK_THROWS_AS(env().reader.read(std::string("a\xED\xA0\x80"), o), ParseError);
    CHECK_THROWS_AS(env().reader.read(std::string("truncated \xE2\x80"), o), ParseError);
}

TEST_CASE("lenient reading replaces invalid bytes, counts them and keeps the offsets", "[news][input]") {
    const std::string text = "Le Mali\xFF\xFE et le Niger.";
    news::ReadOptions o;
    o.source = "bad.txt";
    o.lenient = true;
    const auto d = env().reader.read(text, o);
    CHECK(d.replaced_bytes == 2);
    REQUIRE_FALSE(d.warnings.empty());
    CHECK(d.warnings.front().find("2 invalid UTF-8") != std::string::npos);
    const auto* niger = find(d, "Niger");
    REQUIRE(niger);
    CHECK(niger->start == text.find("Niger"));
}

TEST_CASE("an empty article is a valid document with a warning", "[news][input]") {
    for (const std::string& text : {std::string(), std::string("\xEF\xBB\xBF"), std::string(" \r\n\t\n"),
                                   std::string("date 2022-02-17\n")}) {
        const auto d = read(text, "");
        CHECK(d.toponyms.empty());
        CHECK(d.events.empty());
        CHECK_FALSE(d.warnings.empty());
        CHECK(d.warnings.front().find("empty") != std::string::npos);
    }
}

TEST_CASE("binary data is refused", "[news][input]") {
    const std::string text("PK\x03\x04\0\0binary", 12);
    news::ReadOptions o;
    o.source = "archive.zip";
    try {
        (void)env().reader.read(text, o);
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(std::string(e.what()).find("binary") != std::string::npos);
        CHECK(std::string(e.what()).find("byte 4") != std::string::npos);
    }
}

TEST_CASE("an article over the size limit is refused before it is read", "[news][input]") {
    news::ReadOptions o;
    o.source = "huge.txt";
    o.max_bytes = 1000;
    const std::string text(1001, 'a');
    CHECK_THROWS_WITH(env().reader.read(text, o), Catch::Contains("too large"));
    // The documented default limit.
    CHECK(news::max_article_bytes == std::size_t{16} << 20);
    const std::string big(news::max_article_bytes + 1, 'a');
    news::ReadOptions d;
    CHECK_THROWS_AS(env().reader.read(big, d), ParseError);
}

TEST_CASE("a long article is read in time linear in its length", "[news][input]") {
    // No stage may be quadratic in the number of names: four times the text
    // takes about four times as long (the ratio holds under sanitizers too).
    const std::string para =
        "Les soldats français ont quitté Gao et Ménaka pour Niamey, au Niger, jeudi. Paris a annoncé un retrait "
        "coordonné du Mali et un soutien accru aux pays du golfe de Guinée.\n";
    auto make = [&](std::size_t bytes) {
        std::string text = "date 2022-02-17\n";
        while (text.size() < bytes) text += para;
        return text;
    };
    auto seconds = [&](const std::string& text, std::size_t& toponyms) {
        const auto t0 = std::chrono::steady_clock::now();
        toponyms = read(text, "").toponyms.size();
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };
    const std::string small = make(64 << 10), large = make(256 << 10);
    std::size_t n_small = 0, n_large = 0;
    seconds(small, n_small);  // warm up
    const double t_small = seconds(small, n_small), t_large = seconds(large, n_large);
    CHECK(n_large > 3 * n_small);
    CHECK(t_large < 8.0 * t_small + 0.05);
}

TEST_CASE("language is detected per article and can be forced", "[news][input]") {
    CHECK(read("Les soldats sont partis du Mali et ils ne reviendront pas.").language == "fr");
    CHECK(read("The soldiers have left Mali and they will not come back.").language == "en");
    CHECK(read("The soldiers have left Mali.", "2022-02-17", "fr").language == "fr");
}

TEST_CASE("missing lexicons give a message that says how to make them", "[news][input]") {
    CHECK_THROWS_WITH(news::Lexicons::load("/nonexistent/lexicons"), Catch::Contains("extract.cjs"));
    CHECK_THROWS_AS(news::Lexicons::load("/nonexistent/lexicons"), news::LexiconError);
}
