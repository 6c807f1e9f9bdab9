#pragma once
// Copying a cached frame to the window fast under Mesa llvmpipe (the
// machines' software OpenGL): llvmpipe copies a texture to the frame at
// about a third of the cost of SFML's default drawing when the texture is
// stored as BGRA (the window's byte order) and sampled by a fragment shader
// that only reads it (measured in docs/viewer.md). Both are plain OpenGL and
// give the same pixels on any driver.
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Shader.hpp>

namespace geoevents::viewer::detail {

/// Re-creates the storage of `texture`'s texture in BGRA byte order (same
/// size; the contents are lost: call right after create()).
void store_as_bgra(sf::RenderTexture& texture);

/// Loads into `shader` a fragment shader that outputs the texel (for opaque
/// copies). False when the driver has no shaders (SFML's default drawing is
/// then used).
bool load_copy_shader(sf::Shader& shader);

} // namespace geoevents::viewer::detail
