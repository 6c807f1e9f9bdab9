#pragma once
// Hover picking: which scene items are under a pixel. A Boost.Geometry R-tree
// of the items' boxes (built once per scene), then an exact distance test.
#include <cstddef>
#include <memory>
#include <vector>

#include "geoevents/render/scene.hpp"

namespace geoevents::viewer {

/// One pickable item: its layer and index in the scene.
struct ItemId {
    std::size_t layer = 0, item = 0;
    friend bool operator==(const ItemId&, const ItemId&) = default;
};

class Picker {
public:
    Picker();
    /// Indexes the items of `scene` that draw a project feature
    /// (FeatureRef::layer not empty). The scene must outlive the picker.
    explicit Picker(const render::Scene& scene);
    ~Picker();
    Picker(Picker&&) noexcept;
    Picker& operator=(Picker&&) noexcept;

    /// Items within `tolerance` pixels of `p` (scene pixels), topmost first
    /// (later layers and items are drawn over earlier ones).
    std::vector<ItemId> at(render::Point p, double tolerance = 3) const;
    std::size_t size() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace geoevents::viewer
