// The interactive window (viewer.hpp): events in, frames out.
#include <SFML/Graphics/RenderWindow.hpp>

#include "geoevents/viewer/viewer.hpp"

namespace geoevents::viewer {

void run_window(Viewer& viewer, const std::string& title, const std::function<void(const render::Raster&)>& on_screenshot) {
    require_display();
    sf::RenderWindow window(sf::VideoMode(viewer.width(), viewer.height()),
                            sf::String::fromUtf8(title.begin(), title.end()), sf::Style::Titlebar | sf::Style::Close);
    window.setFramerateLimit(60);
    sf::Clock frame_clock;
    while (window.isOpen()) {
        sf::Event e;
        while (window.pollEvent(e)) {
            if (e.type == sf::Event::Closed ||
                (e.type == sf::Event::KeyPressed && (e.key.code == sf::Keyboard::Escape || e.key.code == sf::Keyboard::Q))) {
                window.close();
                break;
            }
            viewer.handle(e);
        }
        if (!window.isOpen()) break;
        viewer.update(frame_clock.restart().asSeconds());
        if (viewer.take_screenshot_request() && on_screenshot) on_screenshot(viewer.render_frame(viewer.clock().now()));
        viewer.draw(window);
        window.display();
    }
}

} // namespace geoevents::viewer
