// BGRA storage and the copy shader (fast_copy.hpp).
#include "fast_copy.hpp"

#include <SFML/OpenGL.hpp>

namespace geoevents::viewer::detail {

void store_as_bgra(sf::RenderTexture& texture) {
    if (!texture.setActive(true)) return;
    // SFML sizes textures exactly (non-power-of-two textures are core since OpenGL 2.0).
    const sf::Vector2u size = texture.getTexture().getSize();
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    glBindTexture(GL_TEXTURE_2D, texture.getTexture().getNativeHandle());
    // An unsized internal format lets the driver keep the data's order.
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, static_cast<GLsizei>(size.x), static_cast<GLsizei>(size.y), 0, GL_BGRA, GL_UNSIGNED_BYTE, nullptr);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    (void)texture.setActive(false);
}

bool load_copy_shader(sf::Shader& shader) {
    if (!sf::Shader::isAvailable() || !shader.loadFromMemory("uniform sampler2D texture;\n"
                                                            "void main() { gl_FragColor = texture2D(texture, gl_TexCoord[0].xy); }\n",
                                                            sf::Shader::Fragment))
        return false;
    shader.setUniform("texture", sf::Shader::CurrentTexture);
    return true;
}

} // namespace geoevents::viewer::detail
