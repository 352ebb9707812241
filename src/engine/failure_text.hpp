// The sentence that tells why a promotion is not a candidate, one per failed
// condition (§2.2). Pricing keeps only the conditions and the numbers it
// compared; these are written when something prints them: `price`, and the
// reasons and record of a promotion claim for the promotion it names.
#pragma once

#include <vector>

#include "engine/pricing.hpp"

namespace fineprint::engine {

// `result` is a promotion's result from pricing `order` under `rulebook`.
std::vector<FailedCondition> failed_conditions(const model::Rulebook& rulebook,
                                               const model::Order& order,
                                               const PromotionResult& result);

}  // namespace fineprint::engine
