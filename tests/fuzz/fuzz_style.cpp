// Fuzz target: the map style file (`render --style FILE`), parsed as
// render::load_style parses what it reads.
#include "fuzz_support.hpp"
#include "geoevents/render/style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace geoevents;
    try {
        (void)render::parse_style(fuzz::bytes(data, size), "fuzz-style.json");
    } catch (const Error&) {
    }
    return 0;
}
