#pragma once
// The interactive map: the render scene drawn with SFML, played on a time
// line (docs/viewer.md). The same Viewer draws the window, headless
// screenshots and recorded frames, so a recorded frame at time T is the
// headless screenshot at T.
//
// Drawing (why it is fast, docs/viewer.md): the scene is built for a view
// (SceneOptions::frame) and its static layers (basemap, areas, place dots,
// labels; the furniture) are rasterised once by the Cairo backend into
// textures — the very pixels of the PNG output. Dated items that no longer
// change are baked into a copy of the basemap as the clock passes them; the
// items that change (found through time-sorted indexes) are one batch of
// textured triangles per frame, drawn over a cached frame only where they
// are. While the view moves, the cached scene is drawn through a transform;
// when the view has been still for a moment the scene is rebuilt for it in a
// worker thread (detail and labels refine, labels kept where they were).
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Window/Event.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geoevents/geo/error.hpp"
#include "geoevents/geo/project.hpp"
#include "geoevents/render/basemap.hpp"
#include "geoevents/render/image.hpp"
#include "geoevents/render/style.hpp"
#include "geoevents/viewer/clock.hpp"
#include "geoevents/viewer/picker.hpp"
#include "geoevents/viewer/view.hpp"

namespace geoevents::viewer {

/// No X display can be opened: SFML 2.5 would abort the process, so the
/// viewer checks first. what() says to run under `xvfb-run -a`.
class DisplayError : public Error {
public:
    explicit DisplayError(const std::string& message) : Error(message, ErrorKind::no_display) {}
};

/// @throws DisplayError when $DISPLAY is unset or the X server does not answer.
void require_display();

struct ViewerOptions {
    unsigned width = 1280, height = 800;  ///< window or frame size, pixels
    std::string lang;                     ///< "fr" or "en"; empty: the project's language
    const render::Style* style = nullptr; ///< default style when null
    std::string title, subtitle;          ///< empty: made from the project
    double play_seconds = 20;             ///< real seconds the whole story takes at speed 1
    bool cumulative = true;               ///< keep what has happened on the map
};

/// What is under the pointer: a project feature and its tooltip text.
struct Hit {
    render::FeatureRef feature;
    std::string text;
};

class Viewer {
public:
    /// Builds the first scene (the story fitted in the window). `project`
    /// and `basemap` must outlive the viewer.
    /// @throws render::RenderError, CrsError as build_scene; DisplayError is
    ///         thrown only when something is drawn.
    Viewer(const geo::Project& project, const render::Basemap& basemap, const ViewerOptions& options);
    ~Viewer();
    Viewer(const Viewer&) = delete;
    Viewer& operator=(const Viewer&) = delete;

    Clock& clock() noexcept;
    const Clock& clock() const noexcept;
    const TimeRules& rules() const noexcept;
    const MapView& view() const noexcept;
    /// Window and frame size (the options'): the scene above, the time line band under it.
    unsigned width() const noexcept;
    unsigned height() const noexcept;
    /// The scene currently drawn (built for the view of its last refinement).
    const render::Scene& scene() const noexcept;
    /// Notes for the user: the builder's, and "no time attributes" when the
    /// story has no dates (the time line is then disabled).
    const std::vector<std::string>& notes() const noexcept;

    /// Input, from a window or synthetic (tests): drag/arrows pan, wheel
    /// (anchored at the pointer), +/- and double-click zoom, Home/F fit,
    /// space play/pause, left/right step, [ ] speed, L loop, C cumulative,
    /// click on the legend toggles a key, click on a feature pins its
    /// tooltip, drag on the time line scrubs, S asks for a screenshot.
    void handle(const sf::Event& event);
    /// Advances the clock by `real_seconds`; starts a refinement in the
    /// background when the view has been still for 0.2 s and installs a
    /// finished one.
    void update(double real_seconds);
    /// Rebuilds the scene for the current view now (synchronously).
    void refine();
    /// Fits the whole story (the first scene's frame).
    void fit();
    void zoom(double factor, render::Point anchor);

    /// Draws the frame at clock().now() into `target` (its size should be
    /// the options' size).
    void draw(sf::RenderTarget& target);
    /// The frame at story time `t`, off-screen (needs a display: call
    /// require_display() first, or run under xvfb-run).
    render::Raster render_frame(std::int64_t t);

    /// Features under a window pixel, topmost first, with tooltip texts.
    std::vector<Hit> hits_at(render::Point pixel) const;
    /// The tooltip text of a feature: type, dates and precision, actors,
    /// sources, evidence (the fields the project row has).
    std::string describe(const render::FeatureRef& feature) const;
    /// Legend keys hidden by the user.
    bool hidden(const std::string& key) const;
    void set_hidden(const std::string& key, bool hidden);

    /// True once after the user pressed S.
    bool take_screenshot_request() noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Runs the window until it is closed (Escape or Q also close it).
/// `on_screenshot(frame)` is called for each S press.
/// @throws DisplayError without a display.
void run_window(Viewer& viewer, const std::string& title,
                const std::function<void(const render::Raster&)>& on_screenshot);

struct RecordOptions {
    int fps = 30;
    double duration = 20;  ///< seconds of video: exactly round(duration × fps) frames
};

/// Number of frames of a recording.
std::int64_t frame_count(const RecordOptions& options);

/// Renders every frame (times spread evenly over the clock's span) to
/// `dir`/frame_000000.png…; PNG encoding runs on worker threads, never on the
/// drawing thread. `progress(done, total)` may be empty.
/// @throws IoError when a frame cannot be written.
void record_frames(Viewer& viewer, const std::string& dir, const RecordOptions& options,
                   const std::function<void(std::int64_t, std::int64_t)>& progress = {});

/// Pipes the raw RGBA frames into the `ffmpeg` program (H.264 MP4, exactly
/// frame_count() frames), written to a temporary name then renamed to `path`.
/// @throws IoError when ffmpeg cannot be run or fails (its exit status).
void record_video(Viewer& viewer, const std::string& path, const RecordOptions& options,
                  const std::function<void(std::int64_t, std::int64_t)>& progress = {});

} // namespace geoevents::viewer
