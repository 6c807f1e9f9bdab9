// Fuzz target: the readers of render/view/export (geo::read_project,
// geo::read_layer) on a file written from the input: a GeoJSON file (first
// byte even) or a GeoPackage (odd).
#include "fuzz_support.hpp"
#include "geoevents/geo/writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace geoevents;
    if (size == 0) return 0;
    const fuzz::TempFile file(fuzz::bytes(data + 1, size - 1), data[0] % 2 == 0 ? ".geojson" : ".gpkg");
    try {
        (void)geo::read_layer(file.path());
    } catch (const Error&) {
    }
    try {
        (void)geo::read_project(file.path());
    } catch (const Error&) {
    }
    return 0;
}
