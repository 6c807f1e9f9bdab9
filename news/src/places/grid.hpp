#pragma once
// A coarse grid of points for "is there another place within N km?" in
// near-constant time, so that resolving the names of a long article stays
// linear in its length (internal).
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "geoevents/geo/types.hpp"

namespace geoevents::news::detail {

class PointGrid {
public:
    /// Adds a point with a tag (the name it came from).
    void add(geo::LonLat p, std::uint32_t tag) {
        if (m_few.size() < few_limit) {
            for (const auto& e : m_few)
                if (e.tag == tag && e.p == p) return;
            m_few.push_back({p, tag});
            if (m_few.size() < few_limit) return;
            for (const auto& e : m_few) m_cells[cell_of(e.p)].push_back(e);  // switch to the grid
            return;
        }
        auto& cell = m_cells[cell_of(p)];
        for (const auto& e : cell)
            if (e.tag == tag && e.p == p) return;  // repeats of one name add nothing
        cell.push_back({p, tag});
    }
    /// True when a point with another tag than `exclude` lies within `km` of `p`.
    bool any_within(geo::LonLat p, double km, std::uint32_t exclude) const {
        if (m_few.size() < few_limit) {  // a short article: a scan is cheaper than cells
            for (const auto& e : m_few)
                if (e.tag != exclude && near(p, e.p, km)) return true;
            return false;
        }
        const int lat_cells = static_cast<int>(std::ceil(km / (111.0 * cell_deg))) ;
        const double coslat = std::max(0.05, std::cos(p.lat * 3.14159265358979 / 180.0));
        const int lon_cells = std::min(360 / static_cast<int>(cell_deg), static_cast<int>(std::ceil(km / (111.0 * coslat * cell_deg))));
        const int cy = row(p.lat), cx = col(p.lon);
        for (int dy = -lat_cells; dy <= lat_cells; ++dy)
            for (int dx = -lon_cells; dx <= lon_cells; ++dx) {
                const int x = ((cx + dx) % cols + cols) % cols;
                const auto it = m_cells.find(key(cy + dy, x));
                if (it == m_cells.end()) continue;
                for (const auto& e : it->second)
                    if (e.tag != exclude && near(p, e.p, km)) return true;
            }
        return false;
    }

private:
    /// Within `km`: a latitude difference rules most pairs out before the
    /// great-circle formula (its sines and cosines cost).
    static bool near(geo::LonLat a, geo::LonLat b, double km) {
        if (std::abs(a.lat - b.lat) * 111.19 > km) return false;
        return geo::distance_km(a, b) < km;
    }
    static constexpr double cell_deg = 3.0;
    static constexpr std::size_t few_limit = 48;
    static constexpr int cols = static_cast<int>(360 / cell_deg);
    struct Entry {
        geo::LonLat p;
        std::uint32_t tag;
    };
    static int row(double lat) { return static_cast<int>(std::floor((lat + 90.0) / cell_deg)); }
    static int col(double lon) { return static_cast<int>(std::floor((lon + 180.0) / cell_deg)) % cols; }
    static std::int64_t key(int r, int c) { return static_cast<std::int64_t>(r) * 1000 + c; }
    std::int64_t cell_of(geo::LonLat p) const { return key(row(p.lat), col(p.lon)); }
    std::unordered_map<std::int64_t, std::vector<Entry>> m_cells;
    std::vector<Entry> m_few;  ///< the first points, scanned directly until there are few_limit
};

} // namespace geoevents::news::detail
