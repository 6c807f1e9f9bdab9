// Merging events across articles (docs/news.md, "Merging across articles").
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

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
    std::size_t last_document = 0;             ///< the last document that reported it (documents come in order)
    std::unordered_set<std::string> sources;   ///< event.sources, for constant-time duplicate checks
};

/// Keys under which an event can meet another that same_happening() accepts:
/// with places, each place's country (a place without one: its id); without,
/// each actor. Two events that same_happening() joins share a key; the
/// reverse need not hold (the key only narrows the search).
std::vector<std::string> bucket_keys(const geo::Event& e) {
    std::vector<std::string> keys;
    auto key = [&e](std::string_view kind, std::string_view value) {
        std::string k(geo::to_string(e.type));
        k += '|';
        k += kind;
        k += value;
        return k;
    };
    if (e.places.empty()) {
        for (const auto& a : e.actors) keys.push_back(key("a|", a));
    } else {
        for (const auto& p : e.places)
            keys.push_back(p.place.country.empty() ? key("p|", p.place.id) : key("c|", p.place.country));
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

} // namespace

struct EventMerger::State {
    std::vector<Cluster> clusters;
    // Clusters by key (ascending indices): an event is compared only with
    // clusters it may join, instead of with every cluster.
    std::unordered_map<std::string, std::vector<std::size_t>> buckets;
    std::size_t documents = 0;          ///< documents added so far
    std::vector<std::size_t> candidates;  ///< scratch

    /// Merges one event of document `di`; returns the index of its cluster.
    std::size_t add(const geo::Event& e, std::size_t di, const std::string& document_source) {
        candidates.clear();
        for (const auto& k : bucket_keys(e)) {
            const auto b = buckets.find(k);
            if (b != buckets.end()) candidates.insert(candidates.end(), b->second.begin(), b->second.end());
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        // The first cluster (in order of first report) that matches. A
        // cluster never takes two events of one article: the article
        // already told them apart (two coups a year apart stay two).
        std::size_t ci = clusters.size();
        for (const std::size_t c : candidates) {
            const Cluster& cl = clusters[c];
            if (cl.last_document == di) continue;
            if (same_happening(cl.event, e)) {
                ci = c;
                break;
            }
        }
        if (ci == clusters.size()) {
            Cluster c;
            c.event = e;
            c.event.sources.clear();
            clusters.push_back(std::move(c));
        } else {
            geo::Event& m = clusters[ci].event;
            m.when = finer(m.when, e.when);
            m.year_guessed = m.year_guessed && e.year_guessed;  // another article's date confirms the year
            for (const auto& p : e.places)
                if (std::none_of(m.places.begin(), m.places.end(), [&](const auto& q) { return q.place.id == p.place.id; }))
                    m.places.push_back(p);
            for (const auto& a : e.actors)
                if (std::find(m.actors.begin(), m.actors.end(), a) == m.actors.end()) m.actors.push_back(a);
            m.confidence = std::max(m.confidence, e.confidence);
        }
        Cluster& cl = clusters[ci];
        cl.last_document = di;
        auto add_source = [&cl](const std::string& s) {
            if (cl.sources.insert(s).second) cl.event.sources.push_back(s);
        };
        if (e.sources.empty()) add_source(document_source);
        for (const auto& s : e.sources) add_source(s);
        // The merged event may now meet others under new keys (places it took on).
        for (const auto& k : bucket_keys(cl.event)) {
            auto& b = buckets[k];
            const auto at = std::lower_bound(b.begin(), b.end(), ci);
            if (at == b.end() || *at != ci) b.insert(at, ci);
        }
        return ci;
    }
};

EventMerger::EventMerger() : m_state(std::make_unique<State>()) {}
EventMerger::~EventMerger() = default;
EventMerger::EventMerger(EventMerger&&) noexcept = default;
EventMerger& EventMerger::operator=(EventMerger&&) noexcept = default;

void EventMerger::add(const Document& document) {
    const std::size_t di = m_state->documents++;
    for (const geo::Event& e : document.events) m_state->add(e, di, document.source);
}

std::vector<geo::Event> EventMerger::take() {
    auto& clusters = m_state->clusters;
    std::vector<geo::Event> out;
    out.reserve(clusters.size());
    for (std::size_t ci = 0; ci < clusters.size(); ++ci) {
        geo::Event& e = clusters[ci].event;
        e.id = "e" + std::to_string(ci + 1);
        // More sources, more confidence (capped).
        e.confidence = std::min(0.99, e.confidence + 0.05 * static_cast<double>(e.sources.size() - 1));
        out.push_back(std::move(e));
    }
    *m_state = State{};
    return out;
}

std::vector<geo::Event> merge_events(std::vector<Document>& documents) {
    EventMerger merger;
    // Where each document's events went.
    std::vector<std::vector<std::size_t>> assigned(documents.size());
    for (std::size_t di = 0; di < documents.size(); ++di) {
        for (const geo::Event& e : documents[di].events) assigned[di].push_back(merger.m_state->add(e, di, documents[di].source));
        ++merger.m_state->documents;
    }
    auto out = merger.take();
    // Each document keeps its own events (and its own evidence span), with the merged values.
    for (std::size_t di = 0; di < documents.size(); ++di) {
        auto& events = documents[di].events;
        for (std::size_t k = 0; k < events.size(); ++k) {
            const geo::Event& m = out[assigned[di][k]];
            geo::Event& e = events[k];
            e.id = m.id;
            e.type = m.type;
            e.when = m.when;
            e.year_guessed = m.year_guessed;
            e.actors = m.actors;
            e.places = m.places;
            e.sources = m.sources;
            e.confidence = m.confidence;
        }
    }
    return out;
}

} // namespace geoevents::news
