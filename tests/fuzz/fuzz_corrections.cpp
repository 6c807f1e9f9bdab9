// Fuzz target: the corrections file, as JSON (first byte even) or CSV (odd),
// read from a file as `map --corrections` does.
#include "fuzz_support.hpp"
#include "geoevents/news/corrections.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)geoevents::fuzz::gazetteer();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace geoevents;
    if (size == 0) return 0;
    const fuzz::TempFile file(fuzz::bytes(data + 1, size - 1), data[0] % 2 == 0 ? ".json" : ".csv");
    try {
        (void)news::Corrections::load(file.path(), fuzz::gazetteer());
    } catch (const Error&) {
    }
    return 0;
}
