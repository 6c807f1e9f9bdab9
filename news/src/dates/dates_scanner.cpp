#include "dates/dates_scanner.hpp"

#include <algorithm>
#include <array>

namespace geoevents::news::dates_detail {

namespace {

bool is_day(const Token& t) noexcept {
    return t.kind == TokKind::number && !t.bad && t.digits <= 2 && t.num >= 1 && t.num <= 31;
}
bool is_year(const Token& t) noexcept {
    return t.kind == TokKind::number && !t.bad && !t.ordinal && t.digits == 4 && t.num >= 1900 && t.num <= 2100;
}
bool is_month(const Token& t) noexcept { return t.is(Kw::month_name); }
bool is_weekday(const Token& t) noexcept { return t.is(Kw::weekday_name); }
bool is_unit(const Token& t) noexcept {
    return t.is(Kw::unit_week) || t.is(Kw::unit_month) || t.is(Kw::unit_year);
}
/// Whether the day exists in its month ("31 février" does not; 29 February
/// only in a leap year when the year is written).
bool fits(const Point& p) noexcept {
    static constexpr int k_max[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!p.day || !p.month) return true;
    if (p.month == 2 && p.day == 29 && p.year)
        return (p.year % 4 == 0 && p.year % 100 != 0) || p.year % 400 == 0;
    return p.day <= k_max[p.month - 1];
}

ExprKind unit_kind(const Token& unit) noexcept {
    return unit.is(Kw::unit_week) ? ExprKind::rel_week
         : unit.is(Kw::unit_month) ? ExprKind::rel_month
                                   : ExprKind::rel_year;
}
bool is_daypart(const Token& t) noexcept { return t.is(Kw::morning) || t.is(Kw::evening) || t.is(Kw::night); }

/// What introduces a range; it decides which connector closes the first end.
enum class Opener : std::uint8_t { none, du, de, between, from, night };

/// The last tokens before the current one, as far as context rules need them.
struct Hist {
    TokKind kind = TokKind::end;
    Kw kw = Kw::none;
    char punct = 0;
    bool mention = false;  ///< a date mention just ended here
};

Expr point_expr(const Point& p) {
    Expr e;
    e.p = p;
    e.start = p.start;
    e.end = p.end;
    return e;
}

class Scanner {
public:
    Scanner(std::string_view text, Lang lang, bool durations) noexcept
        : m_lex(text, lang), m_lang(lang), m_durations(durations) {}

    ScanResult run();

private:
    Token next(std::size_t pos) const noexcept;

    bool try_at(const Token& t, Raw& r);
    bool try_point(const Token& t, Raw& r);
    bool try_rel(const Token& t, Raw& r);
    bool try_opener(const Token& t, Raw& r);
    bool try_since(const Token& t, Raw& r);
    bool try_part(const Token& t, Raw& r);
    bool try_night(const Token& night, std::size_t start, Raw& r);
    bool try_time_token(const Token& t, Raw& r);
    bool try_hour_words(const Token& t, Raw& r);
    void finish_time(Raw& r) const;

    bool parse_point(const Token& t, Point& p) const;
    bool parse_calendar(const Token& t, Point& p) const;
    bool parse_rel(const Token& t, Expr& e) const;
    bool parse_unit_adj(const Token& unit, std::size_t start, Expr& e) const;
    std::size_t month_end(const Token& m) const;
    void take_adjective(Point& p) const;
    std::size_t extend_daypart(std::size_t end) const;

    bool context() const noexcept;
    static bool acceptable(const Point& p, bool ctx) noexcept;
    static bool combine(Point& a, Point& b, Opener op, bool ctx) noexcept;
    void absorb_year(const Point& a, Point& b) const;
    bool connector(Opener op, const Token& c, const Point& a) const noexcept;

    void note_duration(const Token& t);
    bool gap_ok(std::size_t from, std::size_t to) const;
    std::vector<Raw> attach_times(std::vector<Raw>& raws) const;

    void push(const Hist& h) noexcept {
        m_prev2 = m_prev;
        m_prev = h;
    }

    Lexer m_lex;
    Lang m_lang;
    bool m_durations;
    Hist m_prev, m_prev2;
    std::size_t m_skip_to = 0;  ///< end of an impossible date just seen: scanning resumes after it
    ScanResult m_out;
    // Patterns look a token or two ahead and the main loop then reads the same
    // tokens again; a tiny cache keeps that from lexing common words twice.
    mutable std::array<Token, 2> m_cache{};
    mutable std::array<std::size_t, 2> m_cache_pos{{SIZE_MAX, SIZE_MAX}};
    mutable std::size_t m_cache_next = 0;
};

Token Scanner::next(std::size_t pos) const noexcept {
    for (std::size_t i = 0; i < m_cache.size(); ++i)
        if (m_cache_pos[i] == pos) return m_cache[i];
    const Token t = m_lex.next(pos);
    m_cache_pos[m_cache_next] = pos;
    m_cache[m_cache_next] = t;
    m_cache_next = (m_cache_next + 1) % m_cache.size();
    return t;
}

ScanResult Scanner::run() {
    std::vector<Raw> raws;
    std::size_t pos = 0;
    for (;;) {
        const Token t = next(pos);
        if (t.kind == TokKind::end) break;
        if (m_durations) note_duration(t);
        const bool candidate = t.kind == TokKind::number || t.kind == TokKind::time ||
                               (t.kind == TokKind::word && t.kw != Kw::none);
        Raw r;
        if (candidate && try_at(t, r)) {
            r.future = m_prev.kw == Kw::by || m_prev.kw == Kw::until || m_prev.kw == Kw::ici;
            raws.push_back(r);
            push(Hist{TokKind::end, Kw::none, 0, true});
            pos = r.end;
            continue;
        }
        push(Hist{t.kind, t.kw, t.punct, false});
        pos = std::max(t.end, m_skip_to);
    }
    m_out.raws = attach_times(raws);
    return std::move(m_out);
}

bool Scanner::try_at(const Token& t, Raw& r) {
    if (t.kind == TokKind::time) return try_time_token(t, r);
    if (t.kind == TokKind::number) return try_hour_words(t, r) || try_point(t, r);
    switch (t.kw) {
    case Kw::month_name:
    case Kw::weekday_name: return try_point(t, r);
    case Kw::du:
    case Kw::de:
    case Kw::d:
    case Kw::between:
    case Kw::from: return try_opener(t, r);
    case Kw::since: return try_since(t, r);
    case Kw::early:
    case Kw::mid:
    case Kw::late: return try_part(t, r);
    case Kw::night: return try_night(t, t.start, r);
    case Kw::article: {
        const Token n = next(t.end);
        if (n.is(Kw::night)) return try_night(n, t.start, r);  // "la nuit du 11 au 12 mai"
        return try_rel(t, r);
    }
    case Kw::this_:
    case Kw::last_pre:
    case Kw::next_pre:
    case Kw::yesterday:
    case Kw::today:
    case Kw::tomorrow:
    case Kw::tonight:
    case Kw::aujourd:
    case Kw::before:
    case Kw::after:
    case Kw::unit_week:
    case Kw::unit_month:
    case Kw::unit_year: return try_rel(t, r);
    default: return false;
    }
}

bool Scanner::try_rel(const Token& t, Raw& r) {
    Expr e;
    if (!parse_rel(t, e)) return false;
    r.kind = RawKind::single;
    r.a = e;
    r.start = e.start;
    r.end = e.end;
    return true;
}

// ---------------------------------------------------------------------------
// Points

std::size_t Scanner::month_end(const Token& m) const {
    if (m.kw_flags & kw_abbrev) {
        const Token d = next(m.end);
        if (d.is_punct('.') && d.start == m.end) return d.end;
    }
    return m.end;
}

std::size_t Scanner::extend_daypart(std::size_t end) const {
    const Token n = next(end);
    return is_daypart(n) ? n.end : end;
}

// Day, month and year in any written order, ISO and French numeric forms.
// A lone day number is returned too ("1er" in "du 1er au 6"); callers decide.
bool Scanner::parse_calendar(const Token& t, Point& p) const {
    p = Point{};
    p.start = t.start;
    if (t.kind == TokKind::number) {
        if (is_year(t)) {
            p.year = t.num;
            p.end = t.end;
            // ISO 8601: "2022-02-17", "2022-02".
            const Token h = next(t.end);
            if (!h.is_punct('-') || h.start != t.end) return true;
            const Token m = next(h.end);
            if (m.kind != TokKind::number || m.bad || m.digits != 2 || m.start != h.end || m.num < 1 || m.num > 12)
                return true;
            const Token h2 = next(m.end);
            if (h2.is_punct('-') && h2.start == m.end) {
                const Token d = next(h2.end);
                if (d.kind == TokKind::number && !d.bad && d.digits == 2 && d.start == h2.end && d.num >= 1 &&
                    d.num <= 31) {
                    p.month = m.num;
                    p.day = d.num;
                    p.end = d.end;
                }
                return true;
            }
            p.month = m.num;
            p.end = m.end;
            return true;
        }
        if (!is_day(t)) return false;
        p.day = t.num;
        p.end = t.end;
        Token n = next(t.end);
        if (m_lang != Lang::en && n.is_punct('/') && n.start == t.end) {
            // French numeric date "17/02/2022" (day first).
            const Token m = next(n.end);
            if (m.kind != TokKind::number || m.bad || m.digits > 2 || m.start != n.end || m.num < 1 || m.num > 12)
                return true;
            const Token s2 = next(m.end);
            if (!s2.is_punct('/') || s2.start != m.end) return true;
            const Token y = next(s2.end);
            if (is_year(y) && y.start == s2.end) {
                p.month = m.num;
                p.year = y.num;
                p.end = y.end;
            }
            return true;
        }
        if (n.is(Kw::of)) {  // "17th of February"
            const Token m = next(n.end);
            if (is_month(m)) n = m;
        }
        if (is_month(n)) {
            p.month = n.val;
            p.end = month_end(n);
            const Token y = next(p.end);
            if (is_year(y)) {
                p.year = y.num;
                p.end = y.end;
            }
            take_adjective(p);
        }
        return true;
    }
    if (!is_month(t)) return false;
    p.month = t.val;
    p.end = month_end(t);
    p.month_abbrev_bare = (t.kw_flags & kw_abbrev) && p.end == t.end;
    const Token n = next(p.end);
    if (m_lang != Lang::fr && is_day(n)) {
        // English order: "February 17", "Feb. 17th", "February 17, 2022".
        const Token after = next(n.end);
        if (!is_month(after) && !after.is(Kw::hour_word) && !after.is(Kw::unit_years)) {
            p.day = n.num;
            p.end = n.end;
            p.month_abbrev_bare = false;
            Token y = after;
            if (y.is_punct(',')) y = next(y.end);
            if (is_year(y)) {
                p.year = y.num;
                p.end = y.end;
            }
            take_adjective(p);
            return true;
        }
    }
    if (is_year(n)) {
        p.year = n.num;
        p.end = n.end;
        p.month_abbrev_bare = false;
    }
    take_adjective(p);
    return true;
}

// "mai dernier", "le 28 février prochain": the last or next such month or day.
void Scanner::take_adjective(Point& p) const {
    if (p.year) return;
    const Token a = next(p.end);
    if (a.is(Kw::last_adj)) p.mode = WdMode::last;
    else if (a.is(Kw::next_adj)) p.mode = WdMode::next;
    else return;
    p.end = a.end;
    p.month_abbrev_bare = false;
}

// A calendar point, possibly led by a weekday ("jeudi 17 février", "Thursday,
// Feb. 17", "jeudi", "jeudi dernier").
bool Scanner::parse_point(const Token& t, Point& p) const {
    if (!is_weekday(t)) return parse_calendar(t, p);
    p = Point{};
    p.start = t.start;
    p.weekday = t.val;
    p.end = t.end;
    p.weekday_abbrev = (t.kw_flags & kw_abbrev) != 0;
    if (p.weekday_abbrev) {
        const Token d = next(p.end);
        if (d.is_punct('.') && d.start == p.end) p.end = d.end;
    }
    Token n = next(p.end);
    const bool comma = n.is_punct(',');
    if (comma) n = next(n.end);
    if (n.is(Kw::article)) n = next(n.end);
    Point q;
    if (parse_calendar(n, q) && q.day && q.month) {
        p.day = q.day;
        p.month = q.month;
        p.year = q.year;
        p.mode = q.mode;
        p.end = q.end;
        return true;
    }
    if (!comma && is_day(n) && m_lang != Lang::en) {
        // French "jeudi 17": the day of a month the reference date gives. Not
        // when a plain word follows ("jeudi 17 soldats").
        const Token after = next(n.end);
        const bool plain_word = after.kind == TokKind::word && after.kw == Kw::none && !after.cap;
        if (!plain_word && !after.is(Kw::hour_word) && !after.is(Kw::unit_years) && after.kind != TokKind::number) {
            p.day = n.num;
            p.end = n.end;
            return true;
        }
    }
    if (p.weekday_abbrev) return false;
    const Token a = next(p.end);
    if (a.is(Kw::last_adj)) {
        p.mode = WdMode::last;
        p.end = a.end;
    } else if (a.is(Kw::next_adj)) {
        p.mode = WdMode::next;
        p.end = a.end;
    }
    return true;
}

// Whether a point may stand alone. Month or year alone need a date word before
// them ("en avril", "in 2013", "depuis 2013"): "Mars", "Mai" or "2015 soldiers"
// on their own are too often something else.
bool Scanner::acceptable(const Point& p, bool ctx) noexcept {
    if (p.day && p.month) return fits(p);
    if (p.weekday >= 0) return !p.weekday_abbrev || p.day;
    if (p.month && p.year) return true;
    if (p.month) return (ctx || p.mode != WdMode::bare) && !p.month_abbrev_bare;
    if (p.year) return ctx;
    return false;
}

bool Scanner::context() const noexcept {
    if (m_prev.kind == TokKind::punct) return m_prev.punct == ',' && m_prev2.mention;
    if (m_prev.kind != TokKind::word) return false;
    switch (m_prev.kw) {
    case Kw::in:
    case Kw::since:
    case Kw::by:
    case Kw::until:
    case Kw::before:
    case Kw::after:
    case Kw::during:
    case Kw::around:
    case Kw::des:
    case Kw::courant:
    case Kw::ici:
    case Kw::season:
    case Kw::unit_year:
    case Kw::early:
    case Kw::mid:
    case Kw::late:
    case Kw::from: return true;
    case Kw::de: return m_prev2.kw == Kw::unit_month || m_prev2.kw == Kw::partir;  // "au mois de", "à partir de"
    case Kw::of: return m_prev2.kw == Kw::season;                                 // "summer of 2021"
    case Kw::and_:
    case Kw::or_: return m_prev2.mention;  // "en 2020 et 2021"
    default: return false;
    }
}

// ---------------------------------------------------------------------------
// Ranges

bool Scanner::connector(Opener op, const Token& c, const Point& a) const noexcept {
    const bool dash = c.is_punct('-') || c.is_punct('~');
    switch (op) {
    case Opener::du: return c.is(Kw::au);
    case Opener::de: return c.is(Kw::a);
    case Opener::between: return c.is(Kw::and_);
    case Opener::from: return c.is(Kw::to) || c.is(Kw::until) || dash;
    case Opener::night: return c.is(Kw::au) || c.is(Kw::a) || c.is(Kw::to) || c.is(Kw::and_) || dash;
    case Opener::none:
        if (dash || c.is(Kw::au)) return true;
        if (c.is(Kw::to)) return a.day != 0;
        // "les 11 et 12 mai"; not "le 1er février et le 3 mars" (two dates).
        return c.is(Kw::and_) && a.day && !a.month && a.weekday < 0;
    }
    return false;
}

// Completes two ends written with shared parts ("du 1er au 6 février": the
// first end takes the month of the second) and tells whether they make a
// range. Years missing on both ends are left to the resolver.
bool Scanner::combine(Point& a, Point& b, Opener op, bool ctx) noexcept {
    if (a.day && b.day) {
        if (!a.month && !b.month) return false;
        if (!b.month) {  // "February 1-6"
            if (b.day <= a.day) return false;
            b.month = a.month;
            b.year = a.year;
        }
        if (!a.month) {  // "du 28 au 3 mars" starts in February
            if (a.day == b.day) return false;
            a.month = a.day < b.day ? b.month : (b.month == 1 ? 12 : b.month - 1);
        }
        return fits(a) && fits(b);
    }
    if (a.day || b.day) return false;
    if (a.weekday >= 0 || b.weekday >= 0) return op == Opener::night && a.weekday >= 0 && b.weekday >= 0;
    if (a.month && b.month) {
        if (a.month_abbrev_bare || b.month_abbrev_bare) return false;
        return op != Opener::none || ctx || a.year || b.year;
    }
    if (a.month || b.month) return false;
    if (a.year && b.year) return b.year >= a.year && (op != Opener::none || ctx);
    return false;
}

// "February 1-6, 2022": a year written after a range whose ends have none
// belongs to both (the resolver copies it to the first end).
void Scanner::absorb_year(const Point& a, Point& b) const {
    if (a.year || b.year || !b.month) return;
    Token y = next(b.end);
    if (y.is_punct(',') && m_lang != Lang::fr) y = next(y.end);
    if (!is_year(y)) return;
    b.year = y.num;
    b.end = y.end;
}

bool Scanner::try_point(const Token& t, Raw& r) {
    Point p;
    if (!parse_point(t, p)) return false;
    const bool ctx = context();
    const Token c = next(p.end);
    if (connector(Opener::none, c, p)) {
        Token n = next(c.end);
        if (n.is(Kw::article)) n = next(n.end);
        Point q;
        Point a = p;
        if (parse_point(n, q) && combine(a, q, Opener::none, ctx)) {
            absorb_year(a, q);
            r.kind = RawKind::range;
            r.a = point_expr(a);
            r.b = point_expr(q);
            r.start = a.start;
            r.end = q.end;
            return true;
        }
    }
    if (!acceptable(p, ctx)) {
        if (!fits(p)) m_skip_to = p.end;  // "31 février 2022": not "février 2022" either
        return false;
    }
    if (p.weekday >= 0) p.end = extend_daypart(p.end);
    r.kind = RawKind::single;
    r.a = point_expr(p);
    r.start = p.start;
    r.end = p.end;
    return true;
}

bool Scanner::try_opener(const Token& t, Raw& r) {
    Opener op = Opener::de;
    switch (t.kw) {
    case Kw::du: op = Opener::du; break;
    case Kw::between: op = Opener::between; break;
    case Kw::from: op = Opener::from; break;
    default: break;
    }
    Token n = next(t.end);
    if (t.kw == Kw::d) {  // "d'avril à juin"
        if (!n.is_punct('\'') || n.start != t.end) return false;
        n = next(n.end);
    }
    if ((op == Opener::between || op == Opener::from) && n.is(Kw::article)) n = next(n.end);
    Point a;
    if (!parse_point(n, a)) return false;
    const Token c = next(a.end);
    if (!connector(op, c, a)) return false;
    Token m = next(c.end);
    if (m.is(Kw::article)) m = next(m.end);
    Point b;
    if (!parse_point(m, b) || !combine(a, b, op, true)) return false;
    absorb_year(a, b);
    r.kind = RawKind::range;
    r.a = point_expr(a);
    r.b = point_expr(b);
    r.start = t.start;
    r.end = b.end;
    return true;
}

bool Scanner::try_night(const Token& night, std::size_t start, Raw& r) {
    const Token n = next(night.end);
    Opener op = Opener::night;
    if (n.is(Kw::du) || n.is(Kw::de) || n.is(Kw::of)) {
        Point a;
        if (!parse_point(next(n.end), a)) return false;
        const Token c = next(a.end);
        if (connector(op, c, a)) {
            Token m = next(c.end);
            if (m.is(Kw::article)) m = next(m.end);
            Point b;
            Point a2 = a;
            if (parse_point(m, b) && combine(a2, b, op, true)) {
                absorb_year(a2, b);
                r.kind = RawKind::range;
                r.a = point_expr(a2);
                r.b = point_expr(b);
                r.night_pair = a2.weekday >= 0 && !a2.day;
                r.start = start;
                r.end = b.end;
                return true;
            }
        }
        if (!acceptable(a, false)) return false;
        r.kind = RawKind::single;
        r.a = point_expr(a);
        r.start = start;
        r.end = a.end;
        return true;
    }
    return false;
}

// ---------------------------------------------------------------------------
// Since, parts, relative expressions

bool Scanner::try_since(const Token& t, Raw& r) {
    Token n = next(t.end);
    Expr e;
    bool ok = parse_rel(n, e);
    if (!ok) {
        if (n.is(Kw::article)) n = next(n.end);
        Point p;
        ok = parse_point(n, p) && acceptable(p, true);
        if (ok) e = point_expr(p);
    }
    if (!ok) return false;
    r.kind = RawKind::since;
    r.a = e;
    r.start = t.start;
    r.end = e.end;
    return true;
}

bool Scanner::try_part(const Token& t, Raw& r) {
    Token n = next(t.end);
    if (n.is_punct('-') && n.start == t.end) n = next(n.end);  // "mi-mars", "mid-2020"
    Point p;
    if (!parse_calendar(n, p) || p.day || p.month_abbrev_bare || (!p.month && !p.year)) return false;
    r.kind = RawKind::part;
    r.part = t.kw == Kw::early ? Part::early : t.kw == Kw::mid ? Part::mid : Part::late;
    r.a = point_expr(p);
    r.start = t.start;
    r.end = p.end;
    return true;
}

bool Scanner::parse_unit_adj(const Token& unit, std::size_t start, Expr& e) const {
    Token a = next(unit.end);
    if (unit.is(Kw::unit_month) && a.is_punct('-')) {  // "ce mois-ci" has no adjective; "le mois-ci" is not French
        return false;
    }
    if (!a.is(Kw::last_adj) && !a.is(Kw::next_adj)) return false;
    e.kind = unit_kind(unit);
    e.offset = a.is(Kw::last_adj) ? -1 : 1;
    e.start = start;
    e.end = a.end;
    return true;
}

// Expressions counted from the reference date: "hier", "aujourd'hui",
// "avant-hier", "la semaine dernière", "le mois prochain", "l'an dernier",
// "cette année", "ce jeudi", "last week", "next Thursday", "tonight"…
bool Scanner::parse_rel(const Token& t, Expr& e) const {
    e = Expr{};
    e.start = t.start;
    const auto day = [&](int offset, std::size_t end) {
        e.kind = ExprKind::rel_day;
        e.offset = offset;
        e.end = extend_daypart(end);
        return true;
    };
    switch (t.kw) {
    case Kw::yesterday: return day(-1, t.end);
    case Kw::today: return day(0, t.end);
    case Kw::tomorrow: return day(1, t.end);
    case Kw::tonight: return day(0, t.end);
    case Kw::aujourd: {
        const Token ap = next(t.end);
        if (!ap.is_punct('\'') || ap.start != t.end) return false;
        const Token h = next(ap.end);
        if (!h.is(Kw::hui) || h.start != ap.end) return false;
        return day(0, h.end);
    }
    case Kw::before:
    case Kw::after: {  // "avant-hier", "après-demain"
        const Token h = next(t.end);
        if (!h.is_punct('-') || h.start != t.end) return false;
        const Token d = next(h.end);
        if (t.kw == Kw::before && d.is(Kw::yesterday)) return day(-2, d.end);
        if (t.kw == Kw::after && d.is(Kw::tomorrow)) return day(2, d.end);
        return false;
    }
    case Kw::unit_week:
    case Kw::unit_month:
    case Kw::unit_year: return parse_unit_adj(t, t.start, e);  // "semaine dernière" without article
    case Kw::article: {
        Token n = next(t.end);
        if (n.is_punct('\'') && n.start == t.end) n = next(n.end);  // "l'an dernier"
        return is_unit(n) && parse_unit_adj(n, t.start, e);
    }
    case Kw::this_: {
        const Token n = next(t.end);
        if (n.is(Kw::unit_week) || n.is(Kw::unit_year)) {
            e.kind = n.is(Kw::unit_week) ? ExprKind::rel_week : ExprKind::rel_year;
            e.end = n.end;
            return true;
        }
        if (n.is(Kw::unit_month)) {
            e.kind = ExprKind::rel_month;
            e.end = n.end;
            const Token h = next(n.end);
            if (h.is_punct('-') && h.start == n.end) {
                const Token ci = next(h.end);
                if (ci.is(Kw::ci) && ci.start == h.end) e.end = ci.end;
            }
            return true;
        }
        if (is_daypart(n)) return day(0, n.end);
        if (is_weekday(n)) {
            Point p;
            if (!parse_point(n, p) || p.weekday_abbrev) return false;
            p.start = t.start;
            p.mode = WdMode::bare;  // "ce jeudi": the most recent Thursday, as a bare weekday
            e.kind = ExprKind::point;
            e.p = p;
            e.end = extend_daypart(p.end);
            return true;
        }
        return false;
    }
    case Kw::last_pre:
    case Kw::next_pre: {
        if (m_prev.kw == Kw::article) return false;  // "the last year" is a duration
        const int sign = t.kw == Kw::last_pre ? -1 : 1;
        const Token n = next(t.end);
        if (is_unit(n)) {
            e.kind = unit_kind(n);
            e.offset = sign;
            e.end = n.end;
            return true;
        }
        if (n.is(Kw::night)) return day(sign, n.end);
        if (is_weekday(n) && !(n.kw_flags & kw_abbrev)) {
            Point p;
            p.start = t.start;
            p.end = extend_daypart(n.end);
            p.weekday = n.val;
            p.mode = sign < 0 ? WdMode::last : WdMode::next;
            e.kind = ExprKind::point;
            e.p = p;
            e.end = p.end;
            return true;
        }
        return false;
    }
    default: return false;
    }
}

// ---------------------------------------------------------------------------
// Times of day

void Scanner::finish_time(Raw& r) const {
    const Token n = next(r.end);
    if (n.is(Kw::gmt_utc)) {
        r.utc = true;
        r.end = n.end;
        return;
    }
    if (n.is_punct('(')) {  // "14h (GMT)"
        const Token g = next(n.end);
        if (!g.is(Kw::gmt_utc)) return;
        const Token c = next(g.end);
        r.utc = true;
        r.end = c.is_punct(')') ? c.end : g.end;
    }
}

bool Scanner::try_time_token(const Token& t, Raw& r) {
    r.kind = RawKind::time;
    r.start = t.start;
    r.end = t.end;
    r.hour = t.hour;
    r.minute = t.minute;
    if (m_lang != Lang::fr && t.hour >= 1 && t.hour <= 12) {  // "8:15 p.m."
        bool pm = false;
        if (const std::size_t e = m_lex.am_pm(t.end, pm)) {
            r.hour = t.hour % 12 + (pm ? 12 : 0);
            r.end = e;
        }
    }
    finish_time(r);
    return true;
}

// "à 14 heures", "14 h 30 GMT", "8 a.m.". A count of hours ("pendant 2
// heures") is no time of day: "N heures" needs "à", "vers", "dès" or a time zone.
bool Scanner::try_hour_words(const Token& t, Raw& r) {
    if (t.bad || t.ordinal || t.digits > 2 || t.num > 23) return false;
    const Token n = next(t.end);
    if (n.is(Kw::hour_word)) {
        Raw x;
        x.kind = RawKind::time;
        x.start = t.start;
        x.end = n.end;
        x.hour = t.num;
        const Token m = next(n.end);
        if (m.kind == TokKind::number && !m.bad && m.digits == 2 && m.num <= 59) {
            x.minute = m.num;
            x.end = m.end;
        }
        finish_time(x);
        const bool prep = m_prev.kw == Kw::a || m_prev.kw == Kw::at || m_prev.kw == Kw::around || m_prev.kw == Kw::des;
        if (!prep && !x.utc) return false;
        r = x;
        return true;
    }
    if (m_lang != Lang::fr && t.num >= 1 && t.num <= 12) {
        bool pm = false;
        if (const std::size_t e = m_lex.am_pm(t.end, pm)) {
            r.kind = RawKind::time;
            r.start = t.start;
            r.end = e;
            r.hour = t.num % 12 + (pm ? 12 : 0);
            r.minute = 0;
            finish_time(r);
            return true;
        }
    }
    return false;
}

bool day_capable(const Raw& r) noexcept {
    if (r.kind != RawKind::single || r.hour >= 0) return false;
    return r.a.kind == ExprKind::rel_day || (r.a.kind == ExprKind::point && (r.a.p.day || r.a.p.weekday >= 0));
}

// Only commas and little words may separate a time from the date it belongs
// to ("jeudi 17 février à 8h15", "at 8:15 GMT on Thursday").
bool Scanner::gap_ok(std::size_t from, std::size_t to) const {
    if (m_lex.text().substr(from, to - from).find('\n') != std::string_view::npos) return false;  // another line
    int n = 0;
    for (Token x = next(from); x.kind != TokKind::end && x.start < to; x = next(x.end)) {
        if (++n > 3) return false;
        if (x.is_punct(',')) continue;
        if (x.kind != TokKind::word) return false;
        switch (x.kw) {
        case Kw::a:
        case Kw::at:
        case Kw::around:
        case Kw::des:
        case Kw::on:
        case Kw::article:
        case Kw::this_: continue;
        default: return false;
        }
    }
    return true;
}

std::vector<Raw> Scanner::attach_times(std::vector<Raw>& raws) const {
    std::vector<Raw> out;
    out.reserve(raws.size());
    for (std::size_t i = 0; i < raws.size(); ++i) {
        const Raw& t = raws[i];
        if (t.kind != RawKind::time) {
            out.push_back(t);
            continue;
        }
        if (!out.empty() && day_capable(out.back()) && gap_ok(out.back().end, t.start)) {
            Raw& d = out.back();
            d.end = t.end;
            d.hour = t.hour;
            d.minute = t.minute;
            d.utc = t.utc;
            continue;
        }
        if (i + 1 < raws.size() && day_capable(raws[i + 1]) && gap_ok(t.end, raws[i + 1].start)) {
            Raw& d = raws[i + 1];
            d.start = t.start;
            d.hour = t.hour;
            d.minute = t.minute;
            d.utc = t.utc;
            continue;
        }
        out.push_back(t);
    }
    return out;
}

// ---------------------------------------------------------------------------
// Durations ("après neuf ans", "after nearly nine years"), for infer_reference_date.

void Scanner::note_duration(const Token& t) {
    if (t.kind != TokKind::word) return;
    const bool trigger = t.kw == Kw::after || t.kw == Kw::during || t.kw == Kw::for_ || t.kw == Kw::since ||
                         (t.kw == Kw::in && m_lang == Lang::fr);  // "en neuf ans"; English "in nine years" looks ahead
    if (!trigger) return;
    Token n = next(t.end);
    for (int k = 0; k < 3 && (n.is(Kw::qualifier) || n.is(Kw::de) || n.is(Kw::around)); ++k) n = next(n.end);
    int v = 0;
    if (n.kind == TokKind::number && !n.bad && !n.ordinal && n.digits <= 2) {
        v = n.num;
    } else if (n.kind == TokKind::word && n.num_word > 0) {
        v = n.num_word;
        if (v == 10) {  // "dix-sept", "dix-huit", "dix-neuf"
            const Token h = next(n.end);
            const Token u = next(h.end);
            if (h.is_punct('-') && h.start == n.end && u.kind == TokKind::word && u.num_word >= 7 && u.num_word <= 9) {
                v += u.num_word;
                n = u;
            }
        }
    }
    if (v <= 0) return;
    const Token unit = next(n.end);
    if (unit.is(Kw::unit_years) || (v == 1 && unit.is(Kw::unit_year))) m_out.durations.push_back(v);
}

} // namespace

ScanResult scan_dates(std::string_view text, Lang lang, bool collect_durations) {
    Scanner s(text, lang, collect_durations);
    return s.run();
}

} // namespace geoevents::news::dates_detail
