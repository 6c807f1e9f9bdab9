#pragma once
// The visitor of several lambdas for std::visit over the scene's shapes.
namespace geoevents::viewer::detail {

template <class... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};
// Needed by clang 14 (clang-tidy), which lacks C++20's aggregate deduction.
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

} // namespace geoevents::viewer::detail
