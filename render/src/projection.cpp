#include "geoevents/render/projection.hpp"

#include <cmath>
#include <limits>
#include <sstream>

#include <proj.h>

namespace geoevents::render {

struct Projection::Impl {
    std::string definition;
    PJ_CONTEXT* ctx = nullptr;
    PJ* pj = nullptr;
    ~Impl() {
        if (pj) proj_destroy(pj);
        if (ctx) proj_context_destroy(ctx);
    }
};

namespace {
bool is_digits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}
} // namespace

Projection::Projection(const std::string& definition) : m_impl(std::make_unique<Impl>()) {
    m_impl->definition = definition;
    // One context per projection: PROJ objects are not shareable across threads.
    m_impl->ctx = proj_context_create();
    proj_log_level(m_impl->ctx, PJ_LOG_NONE);
    const std::string target = is_digits(definition) ? "EPSG:" + definition : definition;
    if (target.empty()) throw CrsError("empty projection");
    PJ* raw = nullptr;
    if (target.starts_with("+proj=") || target.starts_with("proj=")) {
        // A bare PROJ string: an operation from geographic radians, with no
        // database lookup (cheap to create). Checked to be a projection.
        raw = proj_create(m_impl->ctx, target.c_str());
        if (raw && proj_angular_input(raw, PJ_FWD) && proj_angular_output(raw, PJ_FWD)) {
            proj_destroy(raw);
            throw CrsError("projection '" + definition + "' is not a map projection (its output is longitude/latitude)");
        }
    } else {
        PJ* crs = proj_create(m_impl->ctx, target.c_str());
        if (crs) {
            const PJ_TYPE type = proj_get_type(crs);
            proj_destroy(crs);
            if (type != PJ_TYPE_PROJECTED_CRS)
                throw CrsError("projection '" + definition + "' is not a projected coordinate reference system");
            raw = proj_create_crs_to_crs(m_impl->ctx, "EPSG:4326", target.c_str(), nullptr);
            if (raw) {
                // Longitude first, metres out, whatever the CRS's axis order.
                PJ* norm = proj_normalize_for_visualization(m_impl->ctx, raw);
                proj_destroy(raw);
                raw = norm;
            }
        }
    }
    if (!raw) throw CrsError("PROJ cannot use the projection '" + definition + "'");
    m_impl->pj = raw;
}

Projection::~Projection() = default;
Projection::Projection(Projection&&) noexcept = default;
Projection& Projection::operator=(Projection&&) noexcept = default;

const std::string& Projection::definition() const noexcept { return m_impl->definition; }

void Projection::forward(std::span<double> xs, std::span<double> ys) const noexcept {
    const bool radians = proj_angular_input(m_impl->pj, PJ_FWD);
    const double k = radians ? M_PI / 180.0 : 1.0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        xs[i] *= k;
        ys[i] *= k;
    }
    proj_errno_reset(m_impl->pj);
    proj_trans_generic(m_impl->pj, PJ_FWD, xs.data(), sizeof(double), xs.size(), ys.data(), sizeof(double), ys.size(),
                       nullptr, 0, 0, nullptr, 0, 0);
    for (std::size_t i = 0; i < xs.size(); ++i)
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i]) || xs[i] == HUGE_VAL) {
            xs[i] = std::numeric_limits<double>::infinity();
            ys[i] = std::numeric_limits<double>::infinity();
        }
}

bool Projection::forward(geo::LonLat p, XY& out) const noexcept {
    double x = p.lon, y = p.lat;
    forward(std::span<double>(&x, 1), std::span<double>(&y, 1));
    if (!std::isfinite(x)) return false;
    out = {x, y};
    return true;
}

bool Projection::inverse(XY p, geo::LonLat& out) const noexcept {
    PJ_COORD c = proj_coord(p.x, p.y, 0, 0);
    proj_errno_reset(m_impl->pj);
    const PJ_COORD r = proj_trans(m_impl->pj, PJ_INV, c);
    if (!std::isfinite(r.xy.x) || !std::isfinite(r.xy.y) || r.xy.x == HUGE_VAL) return false;
    const bool radians = proj_angular_input(m_impl->pj, PJ_FWD);
    const double k = radians ? 180.0 / M_PI : 1.0;
    out = {r.xy.x * k, r.xy.y * k};
    return true;
}

std::string projection_for(const geo::Bbox& b) {
    double lon0 = (b.min_lon + b.max_lon) / 2;
    while (lon0 > 180) lon0 -= 360;
    while (lon0 < -180) lon0 += 360;
    const double lat0 = (b.min_lat + b.max_lat) / 2;
    std::ostringstream s;
    s.precision(6);
    s << "+proj=laea +lat_0=" << std::fixed << lat0 << " +lon_0=" << lon0 << " +ellps=WGS84 +units=m +no_defs";
    return s.str();
}

} // namespace geoevents::render
