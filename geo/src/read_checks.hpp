#pragma once
// What both readers of the project's layers share (reader.cpp through GDAL,
// gpkg_reader.cpp through SQLite), so that a file reads the same whichever
// path reads it. Private to geo/.
#include <string>

namespace geoevents::geo::detail {

/// A broken-down date-time as ISO 8601 UTC ("2022-02-17T00:00:00Z"), seconds
/// rounded. `tz` is OGR's TZFlag: 0 unknown and 1 local time are taken as
/// UTC (the toolkit only ever writes UTC); 100 is UTC; 100 ± n is an offset
/// of n quarter hours.
std::string iso_utc(int y, int mo, int d, int h, int mi, float s, int tz);

/// Refuses coordinates no place on Earth has (the envelope of a feature),
/// naming the layer and the feature. Latitudes beyond ±90 whose longitudes
/// would be valid latitudes are most often latitude/longitude written in the
/// wrong order: the message says so.
/// @throws ParseError naming `source`.
void check_envelope(double min_x, double min_y, double max_x, double max_y, const std::string& source,
                    const std::string& layer, long long fid);

} // namespace geoevents::geo::detail
