// `fineprint terms`: the published terms generated from the rulebook itself —
// each promotion's window, channels, scope, thresholds, benefit, limits and
// combinability, then the returns policy with the statutory rights first —
// so the fine print a store publishes and the rules it enforces cannot drift
// (docs/letters.md).
#pragma once

#include <string_view>

#include "core/result.hpp"
#include "letters/document.hpp"
#include "model/rulebook.hpp"

namespace fineprint::letters {

// The terms in `language`. Errors: a language the store does not declare or
// has no catalog for, a rulebook text missing in it.
core::Result<Document> published_terms(const model::Rulebook& rulebook, std::string_view language);

}  // namespace fineprint::letters
