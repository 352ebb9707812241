// The two kinds of claim decided inside the engine (docs/semantics.md §3 and §4);
// decide() in decision.cpp dispatches here and turns overflows into errors.
#pragma once

#include "core/result.hpp"
#include "engine/decision.hpp"

namespace fineprint::engine::detail {

// A failure carried out of a nested step (pricing) with its message intact.
struct Failed {
  core::Error error;
};

Pricing must_price(const CompiledRulebook& rules, const model::Order& order,
                   const model::Customer& customer, PricingScope scope);

void decide_return(const CompiledRulebook& rules, const model::Claim& claim, Decision& decision);
void decide_promotion(const CompiledRulebook& rules, const model::Claim& claim, Decision& decision);

// "12.00 EUR"
std::string money_text(const model::Rulebook& rulebook, core::Minor amount);

}  // namespace fineprint::engine::detail
