// Fuzz target: one article, the whole parse (tokens, places, roles, dates,
// events), gazetteer and lexicons loaded once. Bad input must end in a
// geoevents::Error (refused text), never a crash, a hang or a sanitizer report.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)geoevents::fuzz::reader();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace geoevents;
    const auto& reader = fuzz::reader();
    for (const bool lenient : {false, true}) {
        news::ReadOptions o;
        o.source = "fuzz";
        o.lenient = lenient;
        try {
            (void)reader.read(fuzz::bytes(data, size), o);
        } catch (const Error&) {
        }
    }
    return 0;
}
