// A Document written out as plain text (an e-mail body), Markdown (a help
// page) or a whole HTML document (escaped: any rulebook text is safe in it).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "letters/document.hpp"

namespace fineprint::letters {

enum class Format { text, markdown, html };

std::optional<Format> parse_format(std::string_view name);

std::string render(const Document& document, Format format);

}  // namespace fineprint::letters
