#pragma once
// Corrections a person makes to what the automatic reading got wrong, kept in
// a file that `geoevents map --corrections FILE` applies on every run, so no
// correction is lost when the articles are read again. Format: docs/corrections.md.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "geoevents/geo/event.hpp"
#include "geoevents/news/news.hpp"

namespace geoevents::news {

struct Correction {
    enum class Action { pin, drop, add_event, change_event, drop_event };
    Action action = Action::pin;
    std::size_t line = 0;            ///< where it is written in the file (1-based)

    // Which mentions (pin, drop): a name (compared normalised), optionally
    // only in one article (path or its file name) and at one byte offset.
    std::string name, article;
    std::optional<std::size_t> start;
    std::optional<geo::Place> place;  ///< pin: the place the mentions get

    // Which events (change_event, drop_event): every given criterion must hold.
    std::optional<geo::EventType> match_type;
    std::string match_place;          ///< a place id the event names
    std::optional<geo::TimeSpan> match_date;  ///< overlaps the event's date

    // What an added or changed event gets (unset fields stay as they were).
    std::optional<geo::EventType> type;
    std::optional<geo::TimeSpan> date;
    std::optional<std::vector<std::string>> actors;
    std::optional<std::vector<geo::EventPlace>> places;
    std::string note;                 ///< add_event: evidence text for the person
};

class Corrections {
public:
    /// Reads a JSON (`.json`) or CSV (other extensions) corrections file.
    /// Place ids are checked against the gazetteer.
    /// @throws ParseError naming the file and the line of the faulty
    ///         correction; IoError when it cannot be read.
    static Corrections load(const std::filesystem::path& path, const gazetteer::Gazetteer& gazetteer);

    /// Applies pins and drops to the documents' mentions (and to the places of
    /// the events read from those mentions). Returns one note per correction
    /// that matched nothing, for the person ("file:line: no mention named …").
    std::vector<std::string> apply_to_documents(std::vector<Document>& documents) const;

    /// Applies added, changed and dropped events to the merged events.
    /// Returns notes for corrections that matched no event.
    std::vector<std::string> apply_to_events(std::vector<geo::Event>& events) const;

    std::size_t size() const noexcept { return m_items.size(); }
    const std::vector<Correction>& items() const noexcept { return m_items; }
    const std::string& file() const noexcept { return m_file; }

private:
    std::string m_file;
    std::vector<Correction> m_items;
};

} // namespace geoevents::news
