// The semantic lint rules backed by the exact analysis (docs/lint-rules.md promo/,
// returns/, law/ and refs/unused-category): the registry appends this list.
#pragma once

#include <vector>

#include "lint/rule.hpp"

namespace fineprint::analysis {

const std::vector<lint::RuleDescriptor>& analysis_rules();

}  // namespace fineprint::analysis
