// Store-wide and table-wide changes: time zone, currency, rounding, channels,
// jurisdiction, and the returns table's refund basis, window anchor and
// declared names. They change many decisions at once, so `diff` reports them
// first, in words, rather than as regions.
#pragma once

#include <string>
#include <vector>

#include "model/rulebook.hpp"

namespace fineprint::diff {

std::vector<std::string> store_changes(const model::Rulebook& old_rules,
                                       const model::Rulebook& new_rules);

// The names in `a` that are not in `b`, in `a`'s order.
std::vector<std::string> names_missing(const std::vector<std::string>& a,
                                       const std::vector<std::string>& b);

}  // namespace fineprint::diff
