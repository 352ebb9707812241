// A DiffReport printed: text for a terminal, JSON for programs, markdown for
// a pull-request comment (layouts in docs/diff.md). Same report, same bytes.
#pragma once

#include <string>

#include "diff/diff.hpp"

namespace fineprint::diff {

std::string diff_text(const DiffReport& report);
std::string diff_json(const DiffReport& report);
std::string diff_markdown(const DiffReport& report);

// "changed", "added", "removed".
std::string_view change_kind_name(PromotionChangeKind kind);

}  // namespace fineprint::diff
