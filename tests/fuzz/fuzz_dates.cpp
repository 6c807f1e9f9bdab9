// Fuzz target: date expressions (find_dates against a fixed reference date, in
// both languages, and the reference date inferred from the text).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace geoevents;
    const auto text = fuzz::bytes(data, size);
    static const auto ref = *news::ReferenceDate::parse("2022-02-17");
    for (const std::string_view lang : {"fr", "en"}) {
        (void)news::find_dates(text, lang, ref);
        (void)news::infer_reference_date(text, lang);
    }
    (void)news::ReferenceDate::parse(text);
    return 0;
}
