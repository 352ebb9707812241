// The explicit list of every lint rule: `lint`, `rules` and `explain` all
// read it, so the documentation cannot drift from the checks.
#pragma once

#include <string_view>
#include <vector>

#include "lint/rule.hpp"

namespace fineprint::lint {

const std::vector<RuleDescriptor>& registry();
const RuleDescriptor* find_rule(std::string_view name);

}  // namespace fineprint::lint
