#pragma once
// Comparing a project (or one layer) read back from an output with the one
// that was written. Helpers for test_writers.cpp and test_postgis.cpp.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <random>
#include <string>

#include "geoevents/geo/project.hpp"
#include "geoevents/geo/writer.hpp"

namespace compare {

using namespace geoevents::geo;

/// A fresh directory under the system's temporary directory, removed at the end.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() / ("geoevents-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const noexcept { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

struct Options {
    std::map<std::string, std::string> renamed;  ///< schema name → name in the output
    std::size_t max_text = 0;                    ///< text cut to this many bytes (0: not cut)
    double coordinate_tolerance = 1e-9;
};

inline std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// Index of `name` in `l` (exact, else ignoring case: KML's "Name"); -1 when absent.
inline int find_field(const Layer& l, const std::string& name) {
    if (auto i = l.field_index(name)) return static_cast<int>(*i);
    for (std::size_t i = 0; i < l.fields.size(); ++i)
        if (lower(l.fields[i].name) == lower(name)) return static_cast<int>(i);
    return -1;
}

inline void compare_value(const FieldValue& original, const FieldValue& back, const Options& o) {
    if (std::holds_alternative<std::monostate>(original)) {
        CHECK(to_text(back).empty());
        return;
    }
    if (const auto* d = std::get_if<double>(&original)) {
        double b = 0;
        if (const auto* bd = std::get_if<double>(&back)) b = *bd;
        else if (const auto* bi = std::get_if<std::int64_t>(&back)) b = static_cast<double>(*bi);
        else if (const auto* bs = std::get_if<std::string>(&back)) b = std::stod(*bs);
        else FAIL("null where " << *d << " was written");
        CHECK(b == Approx(*d).epsilon(1e-12));
        return;
    }
    std::string expected = to_text(original);
    if (o.max_text > 0 && std::holds_alternative<std::string>(original))
        expected = std::string(utf8_prefix(expected, o.max_text));
    CHECK(to_text(back) == expected);
}

inline void compare_geometry(const Geometry& original, const Geometry& back, const Options& o) {
    REQUIRE(original.empty() == back.empty());
    if (original.empty()) return;
    CHECK(back.num_points() == original.num_points());
    const Bbox a = original.envelope(), b = back.envelope();
    CHECK(b.min_lon == Approx(a.min_lon).margin(o.coordinate_tolerance));
    CHECK(b.min_lat == Approx(a.min_lat).margin(o.coordinate_tolerance));
    CHECK(b.max_lon == Approx(a.max_lon).margin(o.coordinate_tolerance));
    CHECK(b.max_lat == Approx(a.max_lat).margin(o.coordinate_tolerance));
    const std::string ta = original.type_name(), tb = back.type_name();
    CHECK(tb == ta);
}

/// The row's identity: its id fields (names ending in "_id", and "key"),
/// which no format changes. FlatGeobuf's spatial index reorders features, so
/// rows are matched by identity, not position.
inline std::string row_key(const Layer& l, const LayerFeature& f, const std::vector<int>& idx) {
    std::string key;
    for (std::size_t k = 0; k < idx.size(); ++k) {
        if (idx[k] < 0) continue;
        const std::string& n = l.fields[static_cast<std::size_t>(idx[k])].name;
        if (n == "key" || n.ends_with("_id")) key += to_text(f.values[static_cast<std::size_t>(idx[k])]) + "|";
    }
    return key;
}

inline void compare_layer(const Layer& original, const Layer& back, const Options& o = {}) {
    INFO("layer " << original.name);
    REQUIRE(back.features.size() == original.features.size());
    std::vector<int> idx, self;
    for (std::size_t k = 0; k < original.fields.size(); ++k) {
        const auto& f = original.fields[k];
        const auto r = o.renamed.find(f.name);
        const std::string name = r == o.renamed.end() ? f.name : r->second;
        const int i = find_field(back, name);
        INFO("field " << f.name << " (as " << name << ")");
        CHECK(i >= 0);
        idx.push_back(i);
        self.push_back(i < 0 ? -1 : static_cast<int>(k));
    }
    // Key field names in `back` may be renamed; compute keys through the
    // original's names for the original and through idx for `back`.
    std::map<std::string, std::size_t> back_rows;
    for (std::size_t row = 0; row < back.features.size(); ++row) {
        std::string key;
        for (std::size_t k = 0; k < idx.size(); ++k) {
            if (idx[k] < 0) continue;
            const std::string& n = original.fields[k].name;
            if (n == "key" || n.ends_with("_id"))
                key += to_text(back.features[row].values[static_cast<std::size_t>(idx[k])]) + "|";
        }
        back_rows[key] = row;
    }
    for (std::size_t row = 0; row < original.features.size(); ++row) {
        INFO("row " << row + 1);
        const std::string key = row_key(original, original.features[row], self);
        const auto it = back_rows.find(key);
        INFO("key " << key);
        REQUIRE(it != back_rows.end());
        const LayerFeature& b = back.features[it->second];
        for (std::size_t k = 0; k < original.fields.size(); ++k) {
            if (idx[k] < 0) continue;
            INFO("field " << original.fields[k].name);
            compare_value(original.features[row].values[k], b.values[static_cast<std::size_t>(idx[k])], o);
        }
        compare_geometry(original.features[row].geometry, b.geometry, o);
    }
}

inline void compare_projects(const Project& original, const Project& back, const Options& o = {}) {
    for (const auto& l : original.layers) {
        const Layer* b = back.find(l.name);
        INFO("layer " << l.name);
        REQUIRE(b != nullptr);
        compare_layer(l, *b, o);
    }
}

/// Names in `dir` that look like temporaries of the writers.
inline std::vector<std::string> temporaries(const std::filesystem::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        const std::string n = e.path().filename().string();
        if (n.starts_with(".geoevents-tmp") || n.find(".tmp-") != std::string::npos) out.push_back(n);
    }
    return out;
}

} // namespace compare
