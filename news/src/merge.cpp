// Merging events across articles (docs/news.md, "Merging across articles").
#include <algorithm>

#include "geoevents/news/news.hpp"

namespace geoevents::news {

namespace {

bool overlaps(const geo::TimeSpan& x, const geo::TimeSpan& y) {
    if (!x.known() || !y.known() || x.first.empty() || y.first.empty()) return true;
    return !(x.last < y.first || y.last < x.first);
}

/// Same place, or one is a country and the other lies in it.
bool same_or_inside(const geo::Place& a, const geo::Place& b) {
    if (a.id == b.id) return true;
    if (a.kind == geo::PlaceKind::country && !b.country.empty() && b.country == a.country) return true;
    if (b.kind == geo::PlaceKind::country && !a.country.empty() && a.country == b.country) return true;
    return false;
}

bool same_happening(const geo::Event& x, const geo::Event& y) {
    if (x.type != y.type || !overlaps(x.when, y.when)) return false;
    if (x.places.empty() && y.places.empty()) {
        for (const auto& a : x.actors)
            if (std::find(y.actors.begin(), y.actors.end(), a) != y.actors.end()) return true;
        return false;
    }
    for (const auto& p : x.places)
        for (const auto& q : y.places)
            if (same_or_inside(p.place, q.place)) return true;
    return false;
}

/// The finer of two dates when one lies within the other, else the first.
const geo::TimeSpan& finer(const geo::TimeSpan& a, const geo::TimeSpan& b) {
    if (!a.known()) return b;
    if (!b.known() || a.first.empty() || b.first.empty()) return a;
    const bool b_inside_a = b.first >= a.first && b.last <= a.last && (b.first != a.first || b.last != a.last);
    return b_inside_a ? b : a;
}

struct Cluster {
    geo::Event event;
    std::vector<std::size_t> documents;  ///< indices of the documents reporting it
};

} // namespace

std::vector<geo::Event> merge_events(std::vector<Document>& documents) {
    std::vector<Cluster> clusters;
    // Where each document's events went.
    std::vector<std::vector<std::size_t>> assigned(documents.size());
    for (std::size_t di = 0; di < documents.size(); ++di) {
        const Document& d = documents[di];
        for (const geo::Event& e : d.events) {
            // A cluster never takes two events of one article: the article
            // already told them apart (two coups a year apart stay two).
            auto it = std::find_if(clusters.begin(), clusters.end(), [&](const Cluster& c) {
                return std::find(c.documents.begin(), c.documents.end(), di) == c.documents.end() &&
                       same_happening(c.event, e);
            });
            if (it == clusters.end()) {
                Cluster c;
                c.event = e;
                c.event.sources.clear();
                clusters.push_back(std::move(c));
                it = clusters.end() - 1;
            } else {
                geo::Event& m = it->event;
                m.when = finer(m.when, e.when);
                for (const auto& p : e.places)
                    if (std::none_of(m.places.begin(), m.places.end(), [&](const auto& q) { return q.place.id == p.place.id; }))
                        m.places.push_back(p);
                for (const auto& a : e.actors)
                    if (std::find(m.actors.begin(), m.actors.end(), a) == m.actors.end()) m.actors.push_back(a);
                m.confidence = std::max(m.confidence, e.confidence);
            }
            it->documents.push_back(di);
            for (const auto& s : e.sources.empty() ? std::vector<std::string>{d.source} : e.sources)
                if (std::find(it->event.sources.begin(), it->event.sources.end(), s) == it->event.sources.end())
                    it->event.sources.push_back(s);
            assigned[di].push_back(static_cast<std::size_t>(it - clusters.begin()));
        }
    }
    std::vector<geo::Event> out;
    out.reserve(clusters.size());
    for (std::size_t ci = 0; ci < clusters.size(); ++ci) {
        geo::Event& e = clusters[ci].event;
        e.id = "e" + std::to_string(ci + 1);
        // More sources, more confidence (capped).
        e.confidence = std::min(0.99, e.confidence + 0.05 * static_cast<double>(e.sources.size() - 1));
        out.push_back(e);
    }
    // Each document keeps its own events (and its own evidence span), with the merged values.
    for (std::size_t di = 0; di < documents.size(); ++di) {
        auto& events = documents[di].events;
        for (std::size_t k = 0; k < events.size(); ++k) {
            const geo::Event& m = out[assigned[di][k]];
            geo::Event& e = events[k];
            e.id = m.id;
            e.type = m.type;
            e.when = m.when;
            e.actors = m.actors;
            e.places = m.places;
            e.sources = m.sources;
            e.confidence = m.confidence;
        }
    }
    return out;
}

} // namespace geoevents::news
