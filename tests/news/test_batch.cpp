// The one intake of `parse` and `map`: files, folders, standard input (one
// article or JSON Lines), failures in their place, results in input order
// whatever the number of threads. The sentences are written for these tests.
#include <unistd.h>

#include <sstream>

#include "geoevents/news/batch.hpp"
#include "news_fixture.hpp"

using namespace news_test;
namespace fs = std::filesystem;

namespace {

struct Folder {
    fs::path path = fs::temp_directory_path() / ("geoevents-batch-" + std::to_string(::getpid()));
    Folder() {
        fs::remove_all(path);
        fs::create_directories(path / "sub");
        std::ofstream(path / "b.txt") << "Les soldats ont quitté Gao pour Niamey.";
        std::ofstream(path / "sub" / "c.txt") << "The convoy left Kidal for Tessalit.";
        std::ofstream(path / "a.txt") << "La délégation est arrivée à Dakar.";
        std::ofstream(path / "notes.md") << "not an article";
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::vector<news::ArticleResult> run(news::ArticleSource& source, unsigned threads) {
    std::vector<news::ArticleResult> out;
    news::ReadOptions o;
    o.date = news::ReferenceDate::parse("2022-02-17");
    news::read_articles(env().reader, source, o, threads, [&](news::ArticleResult&& r) { out.push_back(std::move(r)); });
    return out;
}

std::vector<std::string> sources(const std::vector<news::ArticleResult>& r) {
    std::vector<std::string> s;
    for (const auto& a : r) s.push_back(a.source);
    return s;
}

} // namespace

TEST_CASE("a folder gives its .txt files in name order; missing arguments fail in their place", "[news][batch]") {
    Folder f;
    std::istringstream no_stdin;
    news::ArticleSource source({f.path.string(), (f.path / "missing.txt").string(), (f.path / "b.txt").string()}, no_stdin);
    CHECK(source.known_total() == 5);
    const auto r = run(source, 2);
    REQUIRE(r.size() == 5);
    CHECK(sources(r) == std::vector<std::string>{(f.path / "a.txt").string(), (f.path / "b.txt").string(),
                                                 (f.path / "sub" / "c.txt").string(), (f.path / "missing.txt").string(),
                                                 (f.path / "b.txt").string()});
    CHECK(r[0].document);
    CHECK_FALSE(r[3].document);
    CHECK(r[3].failure == news::Failure::io);
    CHECK_THAT(r[3].error, Catch::Contains("missing.txt: no such file or folder"));
    CHECK(find(*r[1].document, "Niamey"));
}

TEST_CASE("standard input is JSON Lines when it starts with {, else one article", "[news][batch]") {
    std::istringstream jsonl(
        "\n{\"id\": \"one\", \"text\": \"Les soldats ont quitté Gao pour Niamey.\", \"date\": \"2022-03-03\"}\n"
        "not json\n"
        "{\"text\": \"The convoy left Kidal.\"}\n"
        "{\"id\": 7, \"text\": \"Bamako.\", \"date\": \"March\"}\n");
    news::ArticleSource source({"-"}, jsonl);
    CHECK(source.known_total() == 0);
    const auto r = run(source, 1);
    REQUIRE(r.size() == 4);
    CHECK(sources(r) == std::vector<std::string>{"one", "stdin:3", "stdin:4", "stdin:5"});
    CHECK(r[0].document->date.iso() == "2022-03-03");  // the line's date wins over the option
    CHECK(r[1].failure == news::Failure::bad_input);
    CHECK_THAT(r[1].error, Catch::StartsWith("stdin:3: "));
    CHECK(r[2].document);
    CHECK_THAT(r[3].error, Catch::Contains("invalid \"date\""));

    const std::string text = "\n\nLes soldats français ont quitté Gao pour Niamey jeudi.";
    std::istringstream plain(text);
    news::ArticleSource one({"-"}, plain);
    const auto p = run(one, 1);
    REQUIRE(p.size() == 1);
    CHECK(p[0].source == "<stdin>");
    REQUIRE(p[0].document);
    const auto* niamey = find(*p[0].document, "Niamey");
    REQUIRE(niamey);
    CHECK(niamey->start == text.find("Niamey"));  // the blank lines before the article count
}

TEST_CASE("limits: an oversized file, line or standard input is refused, the rest read", "[news][batch]") {
    Folder f;
    std::ofstream(f.path / "big.txt") << std::string(200, 'a');
    std::istringstream jsonl("{\"text\": \"" + std::string(300, 'b') + "\"}\n{\"text\": \"Dakar.\"}\n");
    news::ArticleSource source({(f.path / "big.txt").string(), "-", (f.path / "a.txt").string()}, jsonl, 100);
    news::ReadOptions o;
    o.max_bytes = 100;
    std::vector<news::ArticleResult> r;
    news::read_articles(env().reader, source, o, 2, [&](news::ArticleResult&& a) { r.push_back(std::move(a)); });
    REQUIRE(r.size() == 4);
    CHECK(r[0].failure == news::Failure::bad_input);
    CHECK_THAT(r[0].error, Catch::Contains("too large"));
    CHECK(r[1].failure == news::Failure::bad_input);  // the text is over the limit of the reader
    CHECK(r[2].document);
    CHECK(r[3].document);

    std::istringstream plain(std::string(150, 'c'));
    news::ArticleSource one({"-"}, plain, 100);
    const auto p = run(one, 1);
    REQUIRE(p.size() == 1);
    CHECK_THAT(p[0].error, Catch::Contains("<stdin>: byte 100: article too large"));
}

TEST_CASE("two threads give the documents of one thread, in the same order", "[news][batch]") {
    std::vector<news::ArticleInput> articles;
    const char* texts[] = {"Les soldats ont quitté Gao pour Niamey.", "The convoy left Kidal for Tessalit.",
                           "La délégation est arrivée à Dakar.", "Protesters gathered in Ouagadougou."};
    for (int i = 0; i < 40; ++i) articles.push_back({"a" + std::to_string(i), {}, texts[i % 4], std::nullopt, {}, {}});
    const auto one = news::read_articles(env().reader, articles, {}, 1);
    const auto two = news::read_articles(env().reader, articles, {}, 2);
    REQUIRE(one.documents.size() == 40);
    CHECK(news::to_json(one.documents) == news::to_json(two.documents));

    // Work done by the reading threads (`prepare`) reaches the sink with its result, in order.
    news::ArticleSource source(articles);
    std::vector<std::string> lines;
    news::read_articles(
        env().reader, source, {}, 2, [&](news::ArticleResult&& r) { lines.push_back(std::move(r.output)); },
        [](news::ArticleResult& r) { r.output = news::to_json(*r.document, -1); });
    REQUIRE(lines.size() == 40);
    for (std::size_t i = 0; i < 40; ++i) CHECK(lines[i] == news::to_json(one.documents[i], -1));
}

TEST_CASE("an exception from the sink stops the reading and is rethrown", "[news][batch]") {
    std::vector<news::ArticleInput> articles(20, news::ArticleInput{"x", {}, "Bamako.", std::nullopt, {}, {}});
    news::ArticleSource source(std::move(articles));
    std::size_t seen = 0;
    CHECK_THROWS_AS(news::read_articles(env().reader, source, {}, 2,
                                        [&](news::ArticleResult&&) {
                                            if (++seen == 3) throw IoError("stdout: broken pipe");
                                        }),
                    IoError);
    CHECK(seen == 3);
}

TEST_CASE("the places layer keeps the name each language's articles write", "[news][batch][labels]") {
    // A French and an English article on the same places: the map of each
    // language prints its articles' names (docs/layers.md, label_fr/label_en).
    const auto fr = read("Des soldats ont été déployés à Tombouctou et dans l'est du Tchad mardi.", "2022-02-17", "",
                         "fr.txt");
    const auto en = read("Malian soldiers were deployed in Timbuktu on Tuesday.", "2022-02-17", "", "en.txt");
    REQUIRE(fr.language == "fr");
    REQUIRE(en.language == "en");
    const auto project = geo::build_layers(news::layer_input({fr, en}, {}, env().gz, "test"));
    const geo::Layer* places = project.find(geo::layer_places);
    REQUIRE(places);
    auto row_of = [&](auto&& pred) -> std::optional<std::size_t> {
        for (std::size_t r = 0; r < places->features.size(); ++r)
            if (pred(r)) return r;
        return std::nullopt;
    };
    auto value = [&](std::size_t r, std::string_view field) { return geo::to_text(places->value(r, field)); };
    const auto timbuktu = row_of([&](std::size_t r) { return value(r, "label_en") == "Timbuktu"; });
    REQUIRE(timbuktu);
    CHECK(value(*timbuktu, "label_fr") == "Tombouctou");
    CHECK(value(*timbuktu, "label") == "Tombouctou");  // as before: the first article's name
    const auto chad_east = row_of([&](std::size_t r) { return value(r, "place_id") == "ne:TD#e"; });
    REQUIRE(chad_east);
    CHECK(value(*chad_east, "label_fr") == "Est du Tchad");
    CHECK(value(*chad_east, "label_en").empty());  // no English article names it
    // "Malian" is a demonym: it does not name Mali, so Mali has no English label.
    if (const auto mali = row_of([&](std::size_t r) { return value(r, "place_id") == "ne:ML"; }))
        CHECK(value(*mali, "label_en").empty());
}
