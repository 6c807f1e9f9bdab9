#pragma once
// One GEOS context per thread. The error handler only records the message;
// callers check return values and throw GeometryError (never throw through C).
#include <geos_c.h>

#include <string>

namespace geoevents::geo::detail {

struct GeosContext {
    GEOSContextHandle_t handle = nullptr;
    std::string last_error;
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
};

GeosContext& geos();
GEOSContextHandle_t geos_handle();
/// Throws GeometryError with `what` and GEOS's last message.
[[noreturn]] void throw_geos(const char* what);

} // namespace geoevents::geo::detail
