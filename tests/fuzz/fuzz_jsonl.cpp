// Fuzz target: JSON Lines on standard input of `map -` (one {"id", "text",
// "date"} per line), read by news::ArticleSource: every line is an article
// or a reported failure.
#include <sstream>

#include "fuzz_support.hpp"
#include "geoevents/news/batch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace geoevents;
    std::istringstream in{std::string(fuzz::bytes(data, size))};
    news::ArticleSource source({"-"}, in);
    news::ArticleInput article;
    while (source.next(article)) {
    }
    return 0;
}
