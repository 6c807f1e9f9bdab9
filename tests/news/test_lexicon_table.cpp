// The lexicon table: built from the extracted lists, mapped at start-up,
// refused with a message that says how to rebuild it when it is missing,
// damaged or stale. The sentences are written for these tests.
#include <unistd.h>

#include "news_fixture.hpp"

using namespace news_test;
namespace fs = std::filesystem;

namespace {

const char* const lists[] = {"given_names.txt", "surnames.txt", "stopwords_fr.txt",
                             "stopwords_en.txt", "words_fr.txt", "words_en.txt"};

/// A fresh folder under the temporary directory, removed at the end of the test.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name)
        : path(fs::temp_directory_path() / ("geoevents-lex-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

void write(const fs::path& p, std::string_view text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

/// Small lists of our own: enough for the table's checks, fast to build.
void small_lists(const fs::path& dir) {
    write(dir / "given_names.txt", "Amadou\nClaire\n");
    write(dir / "surnames.txt", "Traoré\nDupont\n");
    write(dir / "stopwords_fr.txt", "le\nla\net\n");
    write(dir / "stopwords_en.txt", "the\nand\n");
    write(dir / "words_fr.txt", "soldat\nretrait\n");
    write(dir / "words_en.txt", "soldier\nwithdrawal\n");
    // The generated trigger and status lists are read at every start, not
    // from the table: the real ones.
    for (const char* name : {"event_triggers.tsv", "status_cues.tsv"})
        fs::copy_file(news::default_lexicons_path() / name, dir / name, fs::copy_options::overwrite_existing);
}

std::string message_of_load(const fs::path& dir) {
    try {
        news::Lexicons::load(dir);
    } catch (const news::LexiconError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("a lexicon table is built from the lists and loads", "[news][lexicons]") {
    TempDir d("small");
    small_lists(d.path);
    const auto info = news::Lexicons::build_table(d.path, env().gz);
    CHECK(info.path == d.path / "lexicons.bin");
    CHECK(info.words == 8);  // given names, surnames and dictionary words
    const auto lex = news::Lexicons::load(d.path);
    CHECK(lex.size() > info.words);  // the curated lists come on top
}

TEST_CASE("a missing lexicon table says how to build it", "[news][lexicons]") {
    TempDir d("missing");
    small_lists(d.path);
    const std::string m = message_of_load(d.path);
    CHECK_THAT(m, Catch::Contains("lexicons.bin") && Catch::Contains("not found") &&
                      Catch::Contains("geoevents lexicons build"));
}

TEST_CASE("a damaged lexicon table is refused", "[news][lexicons]") {
    TempDir d("damaged");
    small_lists(d.path);
    const auto table = news::Lexicons::build_table(d.path, env().gz).path;
    const std::string bytes = slurp(table);

    write(table, bytes.substr(0, bytes.size() - 8));
    CHECK_THAT(message_of_load(d.path), Catch::Contains("truncated") && Catch::Contains("geoevents lexicons build"));

    std::string other = bytes;
    other[0] = 'X';
    write(table, other);
    CHECK_THAT(message_of_load(d.path), Catch::Contains("not a geoevents lexicon table"));

    other = bytes;
    other[8] = 99;  // the format version
    write(table, other);
    CHECK_THAT(message_of_load(d.path), Catch::Contains("format version 99"));

    other = bytes;
    other[24] ^= 1;  // a byte the header hash covers
    write(table, other);
    CHECK_THAT(message_of_load(d.path), Catch::Contains("corrupt header"));

    write(table, "");
    CHECK_THAT(message_of_load(d.path), Catch::Contains("too short"));
}

TEST_CASE("a stale lexicon table is refused; a list only touched is not stale", "[news][lexicons]") {
    TempDir d("stale");
    small_lists(d.path);
    news::Lexicons::build_table(d.path, env().gz);

    // Same bytes, another modification time (a copy, a touch): still valid.
    const auto list = d.path / "words_en.txt";
    fs::last_write_time(list, fs::last_write_time(list) + std::chrono::hours(1));
    CHECK_NOTHROW(news::Lexicons::load(d.path));

    write(list, "soldier\nwithdrawal\nconvoy\n");
    CHECK_THAT(message_of_load(d.path), Catch::Contains("stale") && Catch::Contains("geoevents lexicons build"));

    fs::remove(list);
    CHECK_THAT(message_of_load(d.path), Catch::Contains("words_en.txt") && Catch::Contains("extract.cjs"));
}

TEST_CASE("a reader over a table built here reads like the default reader", "[news][lexicons]") {
    TempDir d("copy");
    const fs::path from = news::default_lexicons_path();
    for (const char* name : lists) fs::copy_file(from / name, d.path / name);
    for (const char* name : {"event_triggers.tsv", "status_cues.tsv"}) fs::copy_file(from / name, d.path / name);
    news::Lexicons::build_table(d.path, env().gz);
    const auto lex = news::Lexicons::load(d.path);
    const news::Reader reader(env().gz, lex);
    news::ReadOptions o;
    o.source = "test";
    o.date = news::ReferenceDate::parse("2022-02-17");
    for (const char* text : {"Jeudi, la France a annoncé le retrait de ses soldats du Mali vers le Niger.",
                             "On Thursday the Malian junta asked the French ambassador in Bamako to leave."}) {
        CHECK(news::to_json(reader.read(text, o)) == news::to_json(env().reader.read(text, o)));
    }
}
