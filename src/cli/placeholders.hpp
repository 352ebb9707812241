// Filling in the placeholders of a text template (`@NAMES@` in a completion
// script, `@DATE@` in the man page's template).
#pragma once

#include <string>
#include <string_view>

namespace fineprint::cli {

// `text` with every `from` replaced by `to` (nothing when `from` is empty).
std::string replaced(std::string text, std::string_view from, std::string_view to);

}  // namespace fineprint::cli
