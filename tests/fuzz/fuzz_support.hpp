#pragma once
// Shared by the libFuzzer targets (tests/fuzz/README.md): the data loaded once
// per process, and a private file for readers that take a path.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "geoevents/gazetteer/gazetteer.hpp"
#include "geoevents/news/news.hpp"

namespace geoevents::fuzz {

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// The gazetteer index ($GEOEVENTS_INDEX or the default), opened once.
inline const gazetteer::Gazetteer& gazetteer() {
    static const auto gz = gazetteer::Gazetteer::open_default();
    return gz;
}

/// The reader with the gazetteer and the lexicons, made once.
inline const news::Reader& reader() {
    static const auto lexicons = news::Lexicons::load_default();
    static const news::Reader r(gazetteer(), lexicons);
    return r;
}

/// `content` written to a file of this process with extension `ext`, removed on scope exit.
class TempFile {
public:
    TempFile(std::string_view content, const std::string& ext)
        : m_path("/tmp/geoevents-fuzz-" + std::to_string(::getpid()) + ext) {
        if (std::FILE* f = std::fopen(m_path.c_str(), "wb")) {
            std::fwrite(content.data(), 1, content.size(), f);
            std::fclose(f);
        }
    }
    ~TempFile() { std::remove(m_path.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const noexcept { return m_path; }

private:
    std::string m_path;
};

} // namespace geoevents::fuzz

/// Loads what a target needs before libFuzzer starts timing inputs (loading
/// the lexicons takes over a second under the sanitizers): libFuzzer and
/// replay_main.cpp call it once. Defined by the targets that read with the
/// gazetteer.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
