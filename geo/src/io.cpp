// The public face of geo's input and output: the GDAL module behind it
// (gdal_module.hpp) is loaded only when a call needs GDAL, and the project's
// own GeoPackages are read without it (gpkg_reader.hpp).
#include <algorithm>
#include <cctype>
#include <dlfcn.h>
#include <filesystem>
#include <memory>

#include "gdal_module.hpp"
#include "geoevents/geo/error.hpp"
#include "geoevents/geo/vector_io.hpp"
#include "geoevents/geo/writer.hpp"
#include "gpkg_reader.hpp"

namespace geoevents::geo {

namespace fs = std::filesystem;

namespace detail {

namespace {

/// The module beside the running program (all of the build's programs are
/// in one folder), else wherever the dynamic loader finds it.
std::string module_path() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path beside = exe.parent_path() / "libgeoevents_gdal.so";
        if (fs::exists(beside, ec)) return beside.string();
    }
    return "libgeoevents_gdal.so";
}

const GdalModule* load_module() {
    const std::string path = module_path();
    // Never closed: writers handed out by the module live as long as the process.
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = ::dlerror();
        throw IoError("cannot load geoevents' GDAL module " + path + ": " + (why ? why : "unknown reason") +
                      " (it is built beside the geoevents program: rebuild with scripts/setup.sh build)");
    }
    using Entry = const GdalModule* (*)();
    const auto entry = reinterpret_cast<Entry>(::dlsym(handle, "geoevents_gdal_module"));
    const GdalModule* m = entry ? entry() : nullptr;
    if (!m || m->abi != gdal_module_abi || m->size != sizeof(GdalModule))
        throw IoError("geoevents' GDAL module " + path + " belongs to another build: rebuild with scripts/setup.sh build");
    return m;
}

} // namespace

const GdalModule& gdal_module() {
    // A failed load throws out of the initialiser and is tried again next time.
    static const GdalModule* const m = load_module();
    return *m;
}

void throw_not_a_project(const std::string& source) {
    throw ParseError(source, 0, 0,
                     "none of the layers places, areas, events, movements, metadata: not a project written by geoevents map");
}

} // namespace detail

namespace {

bool iequals_suffix(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    return std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

} // namespace

std::vector<std::string_view> writer_names() {
    std::vector<std::string_view> out;
    for (const Writer* w : detail::gdal_module().writers()) out.push_back(w->name());
    return out;
}

const Writer& find_writer(std::string_view name) {
    const auto writers = detail::gdal_module().writers();
    for (const Writer* w : writers)
        if (w->name() == name) return *w;
    std::string known;
    for (const Writer* w : writers) known += (known.empty() ? "" : ", ") + std::string(w->name());
    throw Error("unknown output format '" + std::string(name) + "' (known: " + known + ")");
}

std::string_view writer_for_destination(std::string_view destination) noexcept {
    if (destination.starts_with("PG:") || destination.starts_with("pg:")) return "postgis";
    if (iequals_suffix(destination, ".gpkg")) return "gpkg";
    if (iequals_suffix(destination, ".kml")) return "kml";
    return {};
}

ConversionReport write_project(const Project& project, std::string_view format, const std::string& destination,
                               const WriteOptions& options) {
    return find_writer(format).write(project, destination, options);
}

Layer read_layer(const std::string& source, std::string_view layer, const ReadOptions& options) {
    return detail::gdal_module().read_layer(source, layer, options);
}

Project read_project(const std::string& source, const ReadOptions& options) {
    if (auto project = detail::read_own_gpkg(source, options)) return std::move(*project);
    return detail::gdal_module().read_project(source, options);
}

std::vector<std::string> list_layers(const std::string& source) { return detail::gdal_module().list_layers(source); }

std::vector<Feature> read_features(const std::string& source, const std::string& layer) {
    return detail::gdal_module().read_features(source, layer);
}

std::string ConversionReport::text() const {
    std::string out = "geoevents conversion report\n";
    out += "format: " + format + "\n";
    out += "destination: " + destination + "\n";
    out += "features written: " + std::to_string(features_written) + "\n";
    out += "renamed fields (" + std::to_string(renamed_fields.size()) + "):\n";
    for (const auto& r : renamed_fields) out += "  " + r.layer + "." + r.field + " -> " + r.written_as + "\n";
    out += "cut text values (" + std::to_string(truncations.size()) +
           "; each cut at a UTF-8 character boundary):\n";
    for (const auto& t : truncations)
        out += "  " + t.layer + "." + t.field + " row " + std::to_string(t.row + 1) +
               (t.feature_key.empty() ? "" : " (" + t.feature_key + ")") + ": " + std::to_string(t.original_bytes) +
               " -> " + std::to_string(t.kept_bytes) + " bytes\n";
    out += "notes (" + std::to_string(notes.size()) + "):\n";
    for (const auto& n : notes) out += "  " + n + "\n";
    return out;
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) noexcept {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    // Back up over continuation bytes (10xxxxxx) to the start of the character
    // that does not fit; everything before it is whole characters.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

std::string redact_connection(std::string_view connection) {
    std::string s(connection);
    // key=value form: password=secret or password='se cret'
    std::string lower = s;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (std::size_t pos = lower.find("password"); pos != std::string::npos; pos = lower.find("password", pos + 1)) {
        std::size_t i = pos + 8;
        while (i < s.size() && s[i] == ' ') ++i;
        if (i >= s.size() || s[i] != '=') continue;
        ++i;
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t end = i;
        if (end < s.size() && s[end] == '\'') {
            ++end;
            while (end < s.size() && s[end] != '\'') end += (s[end] == '\\' && end + 1 < s.size()) ? 2 : 1;
            if (end < s.size()) ++end;
        } else {
            while (end < s.size() && s[end] != ' ' && s[end] != '&') ++end;
        }
        s.replace(i, end - i, "***");
        lower.replace(i, end - i, "***");
    }
    // URL form: postgresql://user:secret@host/db
    for (std::string_view scheme : {"postgresql://", "postgres://"}) {
        const std::size_t at_scheme = lower.find(scheme);
        if (at_scheme == std::string::npos) continue;
        const std::size_t start = at_scheme + scheme.size();
        const std::size_t at = s.find('@', start);
        const std::size_t slash = s.find('/', start);
        if (at == std::string::npos || (slash != std::string::npos && slash < at)) continue;
        const std::size_t colon = s.find(':', start);
        if (colon != std::string::npos && colon < at) s.replace(colon + 1, at - colon - 1, "***");
    }
    return s;
}

} // namespace geoevents::geo
