#include "ogr_write.hpp"

#include <cstdio>

#include "geoevents/geo/error.hpp"

namespace geoevents::geo::detail {

namespace {

OGRFieldType ogr_type(FieldType t, bool datetime_as_text) {
    switch (t) {
    case FieldType::string: return OFTString;
    case FieldType::integer: return OFTInteger64;
    case FieldType::real: return OFTReal;
    case FieldType::datetime: return datetime_as_text ? OFTString : OFTDateTime;
    }
    return OFTString;
}

[[noreturn]] void fail(const std::string& where, const Layer& layer, const std::string& what,
                       const GdalErrorScope& errors) {
    throw IoError(where + ": layer " + layer.name + ": " + what + ": " + errors.message());
}

} // namespace

OGRwkbGeometryType ogr_geometry_type(GeometryType t) noexcept {
    switch (t) {
    case GeometryType::none: return wkbNone;
    case GeometryType::point: return wkbPoint;
    case GeometryType::multi_line_string: return wkbMultiLineString;
    case GeometryType::multi_polygon: return wkbMultiPolygon;
    }
    return wkbNone;
}

LayerPlan default_plan(const Layer& layer, bool datetime_as_text) {
    LayerPlan plan;
    plan.name = layer.name;
    plan.geometry_type = ogr_geometry_type(layer.geometry_type);
    for (const auto& f : layer.fields) plan.fields.push_back({f.name, ogr_type(f.type, datetime_as_text), 0, 0, 0});
    return plan;
}

bool parse_iso_datetime(const std::string& s, int& y, int& mo, int& d, int& h, int& mi, int& sec) noexcept {
    if (s.size() < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') return false;
    if (s.size() > 20 || (s.size() == 20 && s[19] != 'Z')) return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u, 11u, 12u, 14u, 15u, 17u, 18u})
        if (s[i] < '0' || s[i] > '9') return false;
    auto num = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = 0; i < n; ++i) v = v * 10 + (s[at + i] - '0');
        return v;
    };
    y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2), sec = num(17, 2);
    return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && sec <= 60;
}

std::size_t write_layer(GDALDatasetH ds, const Layer& layer, const LayerPlan& plan, const std::string& where,
                        ConversionReport& report, OGRLayerH existing) {
    GdalErrorScope errors;
    OGRLayerH out = existing;
    // Tables get the SRS too: the GeoJSON drivers otherwise warn, and write a crs member.
    SrsPtr srs = wgs84();
    if (!out) {
        out = GDALDatasetCreateLayer(ds, plan.name.c_str(), srs.get(), plan.geometry_type,
                                     plan.layer_options ? plan.layer_options->get() : nullptr);
        if (!out) fail(where, layer, "cannot create the layer", errors);
    }

    // Field indexes in the output, created when missing (all of them for a new layer).
    auto field_index = [&](const std::string& name, OGRFieldType type, int width, int precision) {
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(out);
        int idx = OGR_FD_GetFieldIndex(defn, name.c_str());
        if (idx >= 0) return idx;
        FieldDefnPtr fd(OGR_Fld_Create(name.c_str(), type));
        if (width > 0) OGR_Fld_SetWidth(fd.get(), width);
        if (precision > 0) OGR_Fld_SetPrecision(fd.get(), precision);
        if (OGR_L_CreateField(out, fd.get(), TRUE) != OGRERR_NONE)
            fail(where, layer, "cannot create field " + name, errors);
        idx = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(out), name.c_str());
        if (idx < 0) fail(where, layer, "field " + name + " missing after creation", errors);
        return idx;
    };
    std::vector<int> const_idx, idx;
    for (const auto& [name, value] : plan.constants) const_idx.push_back(field_index(name, OFTString, 0, 0));
    for (const auto& f : plan.fields) idx.push_back(field_index(f.name, f.type, f.width, f.precision));

    if (plan.transaction && GDALDatasetStartTransaction(ds, FALSE) != OGRERR_NONE)
        fail(where, layer, "cannot start a transaction", errors);

    // One feature object reused for every row: the fields are all set (or
    // nulled) each time, the FID reset.
    FeaturePtr feature(OGR_F_Create(OGR_L_GetLayerDefn(out)));
    for (std::size_t c = 0; c < plan.constants.size(); ++c)
        OGR_F_SetFieldString(feature.get(), const_idx[c], plan.constants[c].second.c_str());
    std::size_t written = 0;
    for (std::size_t row = 0; row < layer.features.size(); ++row) {
        const LayerFeature& lf = layer.features[row];
        if (lf.values.size() != plan.fields.size())
            throw Error(where + ": layer " + layer.name + ": row " + std::to_string(row + 1) + " has " +
                        std::to_string(lf.values.size()) + " values for " + std::to_string(plan.fields.size()) +
                        " fields");
        OGR_F_SetFID(feature.get(), OGRNullFID);
        for (std::size_t i = 0; i < plan.fields.size(); ++i) {
            const FieldPlan& fp = plan.fields[i];
            const FieldValue& v = lf.values[i];
            const int k = idx[i];
            if (std::holds_alternative<std::monostate>(v)) {
                OGR_F_SetFieldNull(feature.get(), k);
            } else if (const auto* s = std::get_if<std::string>(&v)) {
                int y, mo, d, h, mi, sec;
                if (fp.type == OFTDateTime && parse_iso_datetime(*s, y, mo, d, h, mi, sec)) {
                    OGR_F_SetFieldDateTimeEx(feature.get(), k, y, mo, d, h, mi, static_cast<float>(sec), 100);
                } else if (fp.max_bytes > 0 && s->size() > fp.max_bytes) {
                    const std::string_view kept = utf8_prefix(*s, fp.max_bytes);
                    const std::string cut(kept);
                    OGR_F_SetFieldString(feature.get(), k, cut.c_str());
                    report.truncations.push_back({layer.name, layer.fields[i].name, row,
                                                  to_text(lf.values.front()),
                                                  s->size(), kept.size()});
                } else {
                    OGR_F_SetFieldString(feature.get(), k, s->c_str());
                }
            } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
                OGR_F_SetFieldInteger64(feature.get(), k, static_cast<GIntBig>(*n));
            } else if (const auto* r = std::get_if<double>(&v)) {
                OGR_F_SetFieldDouble(feature.get(), k, *r);
            }
        }
        if (plan.geometry_type != wkbNone) {
            OgrGeometryPtr g = to_ogr(lf.geometry);
            if (g) {
                const auto t = wkbFlatten(OGR_G_GetGeometryType(g.get()));
                if (plan.geometry_type == wkbMultiPolygon && t == wkbPolygon)
                    g.reset(OGR_G_ForceToMultiPolygon(g.release()));
                else if (plan.geometry_type == wkbMultiLineString && t == wkbLineString)
                    g.reset(OGR_G_ForceToMultiLineString(g.release()));
            }
            OGR_F_SetGeometryDirectly(feature.get(), g.release());
        }
        if (OGR_L_CreateFeature(out, feature.get()) != OGRERR_NONE)
            fail(where, layer, "cannot write feature " + std::to_string(row + 1), errors);
        ++written;
    }
    if (plan.transaction && GDALDatasetCommitTransaction(ds) != OGRERR_NONE)
        fail(where, layer, "cannot commit the transaction", errors);
    if (errors.failed()) fail(where, layer, "GDAL reported an error", errors);
    add_warnings(errors, report, where + ": layer " + layer.name);
    return written;
}

void add_warnings(const GdalErrorScope& errors, ConversionReport& report, const std::string& where) {
    for (const auto& w : errors.warnings()) {
        std::string note = where;
        note.append(": GDAL warning: ").append(w);
        report.notes.push_back(std::move(note));
    }
}

} // namespace geoevents::geo::detail
