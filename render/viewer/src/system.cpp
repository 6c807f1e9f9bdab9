// The X display check (SFML 2.5 calls abort() when it cannot open one) and
// font files through fontconfig.
#include "system.hpp"

#include <X11/Xlib.h>
#include <fontconfig/fontconfig.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "geoevents/render/text.hpp"
#include "geoevents/viewer/viewer.hpp"

namespace geoevents::viewer {

void require_display() {
    const char* name = std::getenv("DISPLAY");
    if (name == nullptr || *name == '\0')
        throw DisplayError("no X display ($DISPLAY is not set): the viewer needs one, even for --headless and --record; "
                           "run it under a virtual display: xvfb-run -a geoevents view …");
    // XOpenDisplay fails cleanly where SFML would abort the process. The
    // first connection that works is kept open for the life of the process:
    // an X server resets when its last client leaves (Xvfb started by
    // xvfb-run does), and SFML closing and reopening its own connection
    // between two viewers would then meet a server in the middle of a reset.
    static Display* kept = nullptr;
    static std::string kept_name;
    if (kept != nullptr && kept_name == name) return;
    Display* d = XOpenDisplay(nullptr);
    if (d == nullptr)
        throw DisplayError(std::string("cannot open the X display '") + name +
                           "': the viewer needs one, even for --headless and --record; run it under a virtual display: "
                           "xvfb-run -a geoevents view …");
    if (kept != nullptr) XCloseDisplay(kept);
    kept = d;
    kept_name = name;
}

namespace detail {

std::string font_file(const std::string& family, bool bold) {
    struct PatternDeleter {
        void operator()(FcPattern* p) const noexcept { FcPatternDestroy(p); }
    };
    using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;
    PatternPtr pattern(FcNameParse(reinterpret_cast<const FcChar8*>(family.c_str())));
    if (!pattern) throw render::FontError("font family '" + family + "' cannot be parsed by fontconfig");
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    PatternPtr match(FcFontMatch(nullptr, pattern.get(), &result));
    FcChar8* file = nullptr;
    FcChar8* found_family = nullptr;
    if (!match || FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch ||
        FcPatternGetString(match.get(), FC_FAMILY, 0, &found_family) != FcResultMatch ||
        family != reinterpret_cast<const char*>(found_family))
        throw render::FontError("font family '" + family + "' is not installed (Debian package fonts-noto-core)");
    return reinterpret_cast<const char*>(file);
}

} // namespace detail
} // namespace geoevents::viewer
