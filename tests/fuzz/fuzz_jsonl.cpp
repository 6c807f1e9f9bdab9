// Fuzz target: JSON Lines on standard input of `map -` (one {"id", "text",
// "date"} per line): every line is an article or a reported failure.
#include <sstream>

#include "fuzz_support.hpp"
#include "geoevents/news/batch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace geoevents;
    std::istringstream in{std::string(fuzz::bytes(data, size))};
    std::vector<std::string> failures;
    (void)news::collect_articles({"-"}, in, failures);
    return 0;
}
