// Whether text output is coloured (--color auto|always|never), by the
// conventions of https://no-color.org and FORCE_COLOR: `always` and `never`
// decide; `auto` colours when stdout is a terminal, never when NO_COLOR is
// set to anything non-empty, and always when FORCE_COLOR is set to anything
// but "" or "0" (NO_COLOR wins over FORCE_COLOR).
#pragma once

#include <optional>
#include <string_view>

namespace fineprint::cli {

// nullopt when `choice` is not auto, always or never.
std::optional<bool> use_color(std::string_view choice);

inline constexpr const char* kColorHelp =
    "colour the text output: auto (on a terminal; NO_COLOR, FORCE_COLOR), always or never";

}  // namespace fineprint::cli
