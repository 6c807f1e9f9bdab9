#pragma once
// Map projections through PROJ (behind a pimpl: no PROJ type here).
#include <memory>
#include <span>
#include <string>

#include "geoevents/geo/error.hpp"
#include "geoevents/geo/types.hpp"

namespace geoevents::render {

/// Projected coordinates, in the projection's unit (metres for every
/// projection the toolkit chooses).
struct XY {
    double x = 0, y = 0;
};

class Projection {
public:
    /// `definition`: a PROJ string ("+proj=laea +lat_0=15 +lon_0=0"), an
    /// "EPSG:CODE" or a bare EPSG code ("3857"). Its input is WGS 84
    /// longitude/latitude whatever the target CRS's axis order.
    /// @throws CrsError naming the definition when PROJ cannot use it, or when
    ///         it is not a projected CRS (plain lon/lat is never a map projection here).
    explicit Projection(const std::string& definition);
    ~Projection();
    Projection(Projection&&) noexcept;
    Projection& operator=(Projection&&) noexcept;

    const std::string& definition() const noexcept;

    /// Projects a point; nullopt-like: returns false when the point cannot be
    /// projected (outside the projection's domain).
    bool forward(geo::LonLat p, XY& out) const noexcept;
    /// Projects `n` points in place (x = lon, y = lat on input); points that
    /// cannot be projected become infinity.
    void forward(std::span<double> xs, std::span<double> ys) const noexcept;
    bool inverse(XY p, geo::LonLat& out) const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// The projection the toolkit chooses for a lon/lat extent: Lambert
/// azimuthal equal-area centred on it (areas compare truthfully, shapes stay
/// close for regional maps, any size works). `bbox` may have
/// min_lon > 180 or max_lon > 180 for extents across the antimeridian.
std::string projection_for(const geo::Bbox& bbox);

} // namespace geoevents::render
