// Customer-facing texts (docs/format.md §1.7): a string in the store's default
// language, or a table of languages, `because = { lv = "…", en = "…" }`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "load/table_reader.hpp"
#include "model/rulebook.hpp"

namespace fineprint::load {

// Reads `key` of `reader` as a text; an empty Text when absent or wrong. A
// table's keys must be languages the store declares (text/unknown-language
// otherwise), its values strings, and it names at least one language.
model::Text read_text(TableReader& reader, std::string_view key, const model::Store& store,
                      Need need = Need::optional);

// Reports text/unknown-language for `code` unless it is one of the supported
// languages (model/text.hpp); `what` names where it was written.
// The supported language `code` was most likely meant to be ("LV" → "lv").
std::optional<std::string> suggest_language(std::string_view code);

bool check_language(const core::Located<std::string>& code, std::string_view what,
                    core::Diagnostics& out);

}  // namespace fineprint::load
