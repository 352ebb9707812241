// The parts of a reply letter (reply.cpp puts them together): the body of a
// return claim (reply_return.cpp) and of a promotion claim (reply_promotion.cpp).
#pragma once

#include "engine/decision.hpp"
#include "letters/document.hpp"
#include "letters/phrasing.hpp"

namespace fineprint::letters::detail {

void write_return(const Phrasing& p, const model::Claim& claim, const engine::Decision& decision,
                  Document& document);
void write_promotion(const Phrasing& p, const model::Claim& claim, const engine::Decision& decision,
                     Document& document);

// The gesture of goodwill granted with the claim, if any (reply_goodwill.cpp).
void write_goodwill(const Phrasing& p, const engine::Decision& decision, Document& document);

// The catalog's name of an outcome: "repair_or_replace".
std::string outcome_key(model::Outcome outcome);

}  // namespace fineprint::letters::detail
