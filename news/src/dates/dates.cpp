#include "geoevents/news/dates.hpp"

#include <algorithm>
#include <chrono>

#include "dates/dates_scanner.hpp"

namespace geoevents::news {

namespace {

namespace dd = dates_detail;

// ---------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian).

bool is_leap(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) noexcept {
    static constexpr int k_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : k_days[m - 1];
}

bool valid_day(int y, int m, int d) noexcept { return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m); }

long day_number(int y, int m, int d) noexcept {
    using namespace std::chrono;
    const sys_days sd{year{y} / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)}};
    return static_cast<long>(sd.time_since_epoch().count());
}

Day day_from_number(long n) noexcept {
    using namespace std::chrono;
    const year_month_day ymd{sys_days{days{n}}};
    return Day{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
               static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

/// Monday = 0 … Sunday = 6, as the scanner numbers weekdays.
int weekday_of(long n) noexcept {
    using namespace std::chrono;
    return static_cast<int>((weekday{sys_days{days{n}}}.c_encoding() + 6) % 7);
}

int current_year() {
    using namespace std::chrono;
    const year_month_day today{floor<days>(system_clock::now())};
    return static_cast<int>(today.year());
}

// ---------------------------------------------------------------------------
// Resolved values

/// A calendar stamp at its own precision: a year (m == 0), a month (d == 0) or a day.
struct Stamp {
    int y = 0, m = 0, d = 0;
    friend bool operator==(const Stamp&, const Stamp&) = default;
};

Stamp stamp_of(long n) noexcept {
    const Day d = day_from_number(n);
    return Stamp{d.year, d.month, d.day};
}

void put_digits(std::string& s, int v, int width) {
    char buf[4];
    for (int i = width - 1; i >= 0; --i) {
        buf[i] = static_cast<char>('0' + v % 10);
        v /= 10;
    }
    s.append(buf, static_cast<std::size_t>(width));
}

std::string iso_of(int y, int m, int d) {
    std::string s;
    s.reserve(10);
    put_digits(s, y, 4);
    if (m) {
        s += '-';
        put_digits(s, m, 2);
        if (d) {
            s += '-';
            put_digits(s, d, 2);
        }
    }
    return s;
}

std::string first_day(const Stamp& s) { return iso_of(s.y, s.m ? s.m : 1, s.d ? s.d : 1); }
std::string last_day(const Stamp& s) {
    const int m = s.m ? s.m : 12;
    return iso_of(s.y, m, s.d ? s.d : days_in_month(s.y, m));
}

geo::TimeSpan make_span(const Stamp& a, const Stamp& b) {
    geo::TimeSpan t;
    if (a.y < 1 || a.y > 9999 || b.y < 1 || b.y > 9999) return t;
    if (a == b) {
        t.iso = iso_of(a.y, a.m, a.d);
        t.precision = a.d ? geo::DatePrecision::day : a.m ? geo::DatePrecision::month : geo::DatePrecision::year;
    } else {
        t.iso = iso_of(a.y, a.m, a.d) + '/' + iso_of(b.y, b.m, b.d);
        t.precision = geo::DatePrecision::interval;
    }
    t.first = first_day(a);
    t.last = last_day(b);
    return t;
}

/// The early, middle or late third of a year (months 1–4, 5–8, 9–12) or of a
/// month (days 1–10, 11–20, 21–end). A day stays itself.
void split(const Stamp& s, dd::Part part, Stamp& a, Stamp& b) {
    const int k = static_cast<int>(part);
    a = b = s;
    if (s.m == 0) {
        a.m = 1 + 4 * k;
        b.m = 4 + 4 * k;
    } else if (s.d == 0) {
        a.d = 1 + 10 * k;
        b.d = k == 2 ? days_in_month(s.y, s.m) : 10 + 10 * k;
    }
}

class Resolver {
public:
    explicit Resolver(const ReferenceDate& ref) noexcept : m_ref(ref) {
        // Keep only what is valid: a bad month drops month and day, a bad day drops the day.
        if (m_ref.month < 1 || m_ref.month > 12) m_ref.month = m_ref.day = 0;
        if (m_ref.day && !valid_day(m_ref.year, m_ref.month, m_ref.day)) m_ref.day = 0;
        if (m_ref.year < 1 || m_ref.year > 9999) m_ref = ReferenceDate{};
    }

    DateMention mention(const dd::Raw& r) const;

private:
    bool ref_day() const noexcept { return m_ref.day != 0; }
    long ref_number() const noexcept { return day_number(m_ref.year, m_ref.month, m_ref.day); }
    Stamp ref_stamp() const noexcept { return Stamp{m_ref.year, m_ref.month, m_ref.day}; }
    int year_for(int m, int d) const noexcept;
    int year_toward(int m, int d, dd::WdMode mode) const noexcept;
    std::optional<Stamp> point(const dd::Point& p, bool& rel) const;
    bool expr(const dd::Expr& e, Stamp& a, Stamp& b, bool& rel) const;
    bool range(const dd::Raw& r, Stamp& a, Stamp& b, bool& rel) const;

    ReferenceDate m_ref;
};

// A day and month without a year fall in the reference year, unless that puts
// them more than about six months after the reference date: news looks back,
// so "le 20 novembre" in a February article is last November.
// A month alone counts the same way, in months.
int Resolver::year_for(int m, int d) const noexcept {
    const int y = m_ref.year;
    if (!m_ref.month) return y;
    if (!d) return m - m_ref.month > 6 ? y - 1 : y;
    const long diff = day_number(y, m, std::min(d, days_in_month(y, m))) -
                      day_number(y, m_ref.month, m_ref.day ? m_ref.day : 15);
    return diff > 183 ? y - 1 : y;
}

// "mai dernier" is the latest May strictly before the reference date, "le 3
// mars prochain" the first 3 March strictly after it (by months when the
// reference day or the day is unknown).
int Resolver::year_toward(int m, int d, dd::WdMode mode) const noexcept {
    const int y = m_ref.year;
    if (!m_ref.month) return y;
    int cmp = m - m_ref.month;  // <0: before the reference date within its year
    if (d && m_ref.day && cmp == 0) cmp = d - m_ref.day;
    if (mode == dd::WdMode::last) return cmp < 0 ? y : y - 1;
    return cmp > 0 ? y : y + 1;
}

std::optional<Stamp> Resolver::point(const dd::Point& p, bool& rel) const {
    if (p.month) {
        int y = p.year;
        if (!y) {
            rel = true;
            if (!m_ref.known()) return std::nullopt;
            y = p.mode == dd::WdMode::bare ? year_for(p.month, p.day) : year_toward(p.month, p.day, p.mode);
        }
        if (p.day && !valid_day(y, p.month, p.day)) return std::nullopt;
        return Stamp{y, p.month, p.day};
    }
    if (p.year) return Stamp{p.year, 0, 0};
    if (p.weekday < 0 && !p.day) return std::nullopt;
    rel = true;
    if (!ref_day()) return std::nullopt;
    if (p.weekday < 0) {  // a lone day number: in the reference month
        if (!valid_day(m_ref.year, m_ref.month, p.day)) return std::nullopt;
        return Stamp{m_ref.year, m_ref.month, p.day};
    }
    if (p.day) {
        // "jeudi 17": the month around the reference date in which the 17th is a Thursday.
        for (const int dm : {0, -1, 1}) {
            int y = m_ref.year, m = m_ref.month + dm;
            if (m < 1) m = 12, --y;
            if (m > 12) m = 1, ++y;
            if (valid_day(y, m, p.day) && weekday_of(day_number(y, m, p.day)) == p.weekday) return Stamp{y, m, p.day};
        }
        if (!valid_day(m_ref.year, m_ref.month, p.day)) return std::nullopt;
        return Stamp{m_ref.year, m_ref.month, p.day};
    }
    const long r = ref_number();
    const int wr = weekday_of(r);
    const int back = (wr - p.weekday + 7) % 7;
    switch (p.mode) {
    case dd::WdMode::bare: return stamp_of(r - back);
    case dd::WdMode::last: return stamp_of(r - (back == 0 ? 7 : back));
    case dd::WdMode::next: {
        const int fwd = (p.weekday - wr + 7) % 7;
        return stamp_of(r + (fwd == 0 ? 7 : fwd));
    }
    }
    return std::nullopt;
}

bool Resolver::expr(const dd::Expr& e, Stamp& a, Stamp& b, bool& rel) const {
    if (e.kind == dd::ExprKind::point) {
        const auto s = point(e.p, rel);
        if (!s) return false;
        a = b = *s;
        return true;
    }
    rel = true;
    switch (e.kind) {
    case dd::ExprKind::rel_day:
        if (!ref_day()) return false;
        a = b = stamp_of(ref_number() + e.offset);
        return true;
    case dd::ExprKind::rel_week: {  // Monday to Sunday
        if (!ref_day()) return false;
        const long r = ref_number();
        const long monday = r - weekday_of(r) + 7L * e.offset;
        a = stamp_of(monday);
        b = stamp_of(monday + 6);
        return true;
    }
    case dd::ExprKind::rel_month: {
        if (!m_ref.month) return false;
        const int total = m_ref.year * 12 + (m_ref.month - 1) + e.offset;
        a = b = Stamp{total / 12, total % 12 + 1, 0};
        return true;
    }
    case dd::ExprKind::rel_year:
        if (!m_ref.known()) return false;
        a = b = Stamp{m_ref.year + e.offset, 0, 0};
        return true;
    case dd::ExprKind::point: break;
    }
    return false;
}

bool Resolver::range(const dd::Raw& r, Stamp& a, Stamp& b, bool& rel) const {
    dd::Point pa = r.a.p, pb = r.b.p;
    if (r.night_pair) {  // "la nuit de jeudi à vendredi": the second day follows the first
        const auto s = point(pa, rel);
        if (!s) return false;
        int diff = (pb.weekday - pa.weekday + 7) % 7;
        if (diff == 0) diff = 1;
        a = *s;
        b = stamp_of(day_number(s->y, s->m, s->d) + diff);
        return true;
    }
    if (pa.month && pb.month) {
        // One written year serves both ends; a range running over New Year
        // ("du 28 décembre au 3 janvier 2022") starts the year before.
        if (!pa.year && pb.year) {
            pa.year = pb.year - (pa.month > pb.month ? 1 : 0);
        } else if (pa.year && !pb.year) {
            pb.year = pa.year + (pb.month < pa.month ? 1 : 0);
        } else if (!pa.year) {
            const auto sb = point(pb, rel);
            if (!sb) return false;
            pb.year = sb->y;
            pa.year = pb.year - (pa.month > pb.month ? 1 : 0);
        }
    }
    const auto sa = point(pa, rel);
    const auto sb = point(pb, rel);
    if (!sa || !sb) return false;
    a = *sa;
    b = *sb;
    return true;
}

DateMention Resolver::mention(const dd::Raw& r) const {
    DateMention m;
    m.start = r.start;
    m.end = r.end;
    Stamp a, b;
    bool rel = false, known = false;
    switch (r.kind) {
    case dd::RawKind::single: known = expr(r.a, a, b, rel); break;
    case dd::RawKind::range: known = range(r, a, b, rel); break;
    case dd::RawKind::since:
        // "depuis 2013" → 2013/<reference date>. Without a reference date the
        // contract has no open interval, so the start is all we can say.
        known = expr(r.a, a, b, rel);
        if (known && m_ref.known()) {
            b = ref_stamp();
            rel = true;
        }
        break;
    case dd::RawKind::part:
        known = expr(r.a, a, b, rel);
        if (known) split(a, r.part, a, b);
        break;
    case dd::RawKind::time:
        rel = true;
        known = ref_day();
        if (known) a = b = ref_stamp();
        break;
    }
    if (known) m.span = make_span(a, b);
    m.relative = rel;
    if (r.hour >= 0) {
        std::string t;
        put_digits(t, r.hour, 2);
        t += ':';
        put_digits(t, r.minute, 2);
        m.span.time = std::move(t);
        m.span.utc = r.utc;
    }
    return m;
}

bool weekday_matches(int y, const dd::Point& p) noexcept {
    return valid_day(y, p.month, p.day) && weekday_of(day_number(y, p.month, p.day)) == p.weekday;
}

} // namespace

std::string ReferenceDate::iso() const {
    if (!known()) return {};
    return iso_of(year, month, month ? day : 0);
}

std::optional<ReferenceDate> ReferenceDate::parse(std::string_view s) {
    const auto digits = [&](std::size_t at, std::size_t n, int& out) {
        out = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
    ReferenceDate r;
    if (!digits(0, 4, r.year) || r.year == 0) return std::nullopt;
    if (s.size() >= 7) {
        if (s[4] != '-' || !digits(5, 2, r.month) || r.month < 1 || r.month > 12) return std::nullopt;
    }
    if (s.size() == 10) {
        if (s[7] != '-' || !digits(8, 2, r.day) || !valid_day(r.year, r.month, r.day)) return std::nullopt;
    }
    return r;
}

namespace {

std::vector<DateMention> resolve_all(const dd::ScanResult& scan, const ReferenceDate& ref) {
    const Resolver resolver(ref);
    std::vector<DateMention> out;
    out.reserve(scan.raws.size());
    for (const dd::Raw& r : scan.raws) out.push_back(resolver.mention(r));
    return out;
}

ReferenceDate infer_from_scan(const dd::ScanResult& scan, int present_year) {
    std::optional<dd::Point> triple;  // first weekday + day + month without a year
    int max_year = 0;                 // latest past year the text mentions
    std::vector<int> since_years;
    for (const dd::Raw& r : scan.raws) {
        const bool has_b = r.kind == dd::RawKind::range;
        for (const dd::Expr* e : {&r.a, &r.b}) {
            if ((e == &r.b && !has_b) || e->kind != dd::ExprKind::point) continue;
            const dd::Point& p = e->p;
            if (p.year && !r.future && p.year <= present_year) max_year = std::max(max_year, p.year);
            if (p.weekday >= 0 && p.day && p.month) {
                if (p.year) {
                    // A full date with its weekday ("jeudi 17 février 2022") settles it.
                    if (weekday_matches(p.year, p)) return ReferenceDate{p.year, p.month, p.day};
                } else if (!triple) {
                    triple = p;
                }
            }
        }
        if (r.kind == dd::RawKind::since && r.a.kind == dd::ExprKind::point && r.a.p.year && !r.a.p.month)
            since_years.push_back(r.a.p.year);
    }
    // "depuis 2013" + "après neuf ans" → 2022; prefer a pair agreeing with the weekday.
    int derived = 0;
    for (int pass = 0; pass < 2 && !derived; ++pass) {
        for (const int s : since_years) {
            for (const int d : scan.durations) {
                const int y = s + d;
                if (y > present_year || derived) continue;
                if (pass == 0 && !(triple && weekday_matches(y, *triple))) continue;
                derived = y;
            }
        }
    }
    if (triple) {
        const dd::Point& p = *triple;
        if (derived && weekday_matches(derived, p)) return ReferenceDate{derived, p.month, p.day};
        // The years the text mentions as past bound the article from below;
        // take the first year from there on in which the weekday fits.
        if (max_year)
            for (int y = max_year; y <= present_year; ++y)
                if (weekday_matches(y, p)) return ReferenceDate{y, p.month, p.day};
        for (int y = present_year; y >= 1900; --y)
            if (weekday_matches(y, p)) return ReferenceDate{y, p.month, p.day};
        return ReferenceDate{};
    }
    if (derived) return ReferenceDate{derived, 0, 0};
    return ReferenceDate{};
}

} // namespace

std::vector<DateMention> find_dates(std::string_view text, std::string_view lang, const ReferenceDate& ref) {
    return resolve_all(dd::scan_dates(text, dd::lang_from_code(lang), false), ref);
}

ReferenceDate infer_reference_date(std::string_view text, std::string_view lang) {
    return infer_reference_date(text, lang, current_year());
}

ReferenceDate infer_reference_date(std::string_view text, std::string_view lang, int present_year) {
    return infer_from_scan(dd::scan_dates(text, dd::lang_from_code(lang), true), present_year);
}

std::vector<DateMention> detail::find_dates_inferring(std::string_view text, std::string_view lang, ReferenceDate& ref,
                                                      bool infer) {
    // The durations are only collected when inferring; the raw dates are the
    // same either way, so one scan serves both.
    const dd::ScanResult scan = dd::scan_dates(text, dd::lang_from_code(lang), infer);
    if (infer) ref = infer_from_scan(scan, current_year());
    return resolve_all(scan, ref);
}

} // namespace geoevents::news
