// `fineprint reply`: the letter an agent sends the customer, built from the
// decision the engine made (never a second decision): the outcome per item
// in plain words, the amounts, the facts and deadlines that decided it, what
// the customer can do next, and the store's signature (docs/letters.md).
#pragma once

#include <optional>
#include <string>

#include "core/result.hpp"
#include "engine/decision.hpp"
#include "letters/document.hpp"

namespace fineprint::letters {

// The letter's language: `requested` (--lang), else the claim's
// customer.language, else the store's first language.
std::string reply_language(const model::Rulebook& rulebook, const model::Claim& claim,
                           const std::optional<std::string>& requested);

// The letter for `decision` (made by engine::decide on this claim and
// rulebook) in `language`. Errors: a language the store does not declare or
// has no catalog, a rulebook text missing in it (text/missing-translation).
core::Result<Document> reply_letter(const model::Rulebook& rulebook, const model::Claim& claim,
                                    const engine::Decision& decision, std::string_view language);

}  // namespace fineprint::letters
