#pragma once
// Label placement for a whole image (map images and the viewer's frames).
//
// The caller measures each label's text at a few type sizes and says where its
// place is; the engine chooses, for as many labels as possible, a box that
// keeps at least `padding` px away from
//   * every other placed label and its leader line,
//   * every obstacle box (legend, inset, scale bar, credit…), and the drawn
//     width (`line_half_width`) of every obstacle line (arrows, routes),
//   * every anchor's clearance (its own marker or another's, or the boxes of
//     another's `markers` when it lists them; the marker of a
//     `marker_optional` request counts only when its label is placed; an
//     `area` request with clearance 0 has no marker: its point blocks nothing),
// and lies entirely inside the canvas; it is next to its anchor (within
// padding + 1 px of its clearance), or joined to it by a leader, or, for an
// `area`, centred on its anchor or on one of its `inside` points. A leader line, when one is drawn, is at
// most `leader_max` long and does not come within `padding` of
// another label's box, an obstacle box, another anchor's clearance or another
// leader. Every distance above is met to within 1e-6 px.
//
// Candidates (QGIS PAL, MapLibre): eight positions around the anchor, just
// clear of its clearance circle, in the cartographic order of preference
// (top-right first); then the same positions at each smaller type size; then
// the positions farther out, joined to the place by a leader line. Labels are
// placed greedily, higher priority first, then a bounded local search moves or
// drops lower-priority labels to make room for a required label that did not
// fit. A required label that still has no place is listed in
// `unlabeled_required`, never dropped silently. docs/labels.md explains the
// costs and the order.
//
// Deterministic: the same input gives the same output. Labels are processed in
// a total order (priority, required, id, then input position), never in hash
// or address order. Stable from frame to frame: a label whose `previous` box is
// still free keeps it (the viewer passes last frame's boxes, shifted by the
// pan if the view moved).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "geoevents/render/types.hpp"

namespace geoevents::render {

/// Bumped whenever the same input can give different placements (costs,
/// candidate order, search), so that reference images are regenerated on purpose.
inline constexpr int label_placement_version = 2;  // 2: area labels written over their area; leaders in 16 directions

/// PlacedLabel::candidate of a label that kept its previous box.
inline constexpr int previous_candidate = -1;
/// Number of positions around an anchor at each distance (see PlacedLabel::candidate).
inline constexpr int label_positions = 8;
/// PlacedLabel::candidate of an area label centred on its anchor; area_candidate - k: on its k-th inside point.
inline constexpr int area_candidate = -2;

struct LabelRequest {
    std::string id;              ///< stable key (place id): ties broken by id for a total order
    Point anchor;                ///< the feature's point in pixels
    double clearance = 0;        ///< radius around the anchor no text may cover (its marker)
    std::vector<Size> sizes;     ///< text box at each type size, largest first (caller measures text)
    int priority = 0;            ///< higher first: story places 2, capitals 1, basemap 0
    bool required = false;       ///< story place: if not placed it is listed in unlabeled_required
    /// The box placed for this id on the previous frame (viewer), moved with
    /// the anchor if the view panned or zoomed: kept when it is still free.
    std::optional<Box> previous;
    /// The marker is drawn only together with its label (a basemap town):
    /// until the label is placed its clearance blocks nothing, and the label is
    /// placed only where its marker is clear of the labels and leaders already
    /// placed. Otherwise (story places, whose markers are always drawn) the
    /// clearance blocks every other label from the start.
    bool marker_optional = false;
    /// The label names an area around the anchor (a country, a region) and
    /// has no marker: it is first tried centred on the anchor, then centred
    /// on each of `inside` (other points of the area, nearest first), at each
    /// size, before the positions around the anchor and the leaders.
    bool area = false;
    std::vector<Point> inside;  ///< other points inside the area (only with `area`)
    /// The markers at the place when they are not one round marker (a row
    /// of event markers): every label (its own too) and every other leader
    /// keeps `padding` from these boxes instead of from the clearance circle;
    /// its own leader starts on that circle and may cross them. Requests
    /// that list the same box share it (an area whose point lies on another
    /// place's markers). REQUIRES: each box lies within `clearance` of the
    /// anchor. Ignored with `marker_optional`.
    std::vector<Box> markers;
};

struct LabelObstacles {
    std::vector<Box> boxes;                ///< furniture and anything else no label may cover
    std::vector<std::vector<Point>> lines; ///< polylines (arrows, routes) no label may touch
    double line_half_width = 2;            ///< half the drawn width of the lines, px
};

struct LabelOptions {
    Box canvas;                  ///< every placed box lies inside it
    double padding = 2;          ///< least gap between a label and anything else, px
    double leader_max = 60;      ///< longest leader line, px (0: no leaders)
    int local_search_rounds = 4; ///< passes of the local search for unplaced required labels (0: greedy only)
};

struct PlacedLabel {
    std::size_t request = 0; ///< index into the requests
    Box box;
    std::size_t size_index = 0; ///< index into LabelRequest::sizes
    /// Which candidate was taken: previous_candidate (-1) when the previous box
    /// was kept; area_candidate - k (-2 - k) when an area's label is centred
    /// on its anchor (k = 0) or on inside[k - 1]; otherwise position 0..7 next
    /// to the anchor (top-right, top-left, bottom-right, bottom-left, right,
    /// left, above, below), or label_positions + (ring - 1) * 2 *
    /// label_positions + direction on the leader rings 1.. farther out, where
    /// directions 0..7 are the positions above and 8..15 the angles halfway
    /// between them (a required label's leader may leave its place at any of
    /// 16 angles; an optional one's at the eight).
    int candidate = 0;
    bool leader = false;      ///< draw a line from leader_from (edge of the clearance) to leader_to (on the box)
    Point leader_from, leader_to;
};

struct LabelResult {
    std::vector<PlacedLabel> placed;             ///< in request order
    std::vector<std::size_t> unlabeled_required; ///< required requests with no place, in request order
    std::size_t dropped_optional = 0;            ///< optional requests with no place
};

/// Places the labels (see the file comment for the contract).
/// @throws std::invalid_argument when the canvas, a size (not positive), an
///         anchor (not finite), a clearance or an option (negative) is impossible;
///         the message names the request id.
LabelResult place_labels(const std::vector<LabelRequest>& requests, const LabelObstacles& obstacles,
                         const LabelOptions& options);

} // namespace geoevents::render
