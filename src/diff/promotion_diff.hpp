// Promotions of two rulebooks matched by id: added, removed, and changed in
// some aspect (promotion_aspects.hpp). Each gets a witness order priced by
// the real engine under both rulebooks, found among orders built from
// either version (docs/diff.md says how, and where it may find none).
#pragma once

#include "diff/diff.hpp"
#include "model/rulebook.hpp"

namespace fineprint::diff {

// The witness searches of different changes run on `threads` threads.
void diff_promotions(const model::Rulebook& old_rules, const model::Rulebook& new_rules,
                     unsigned threads, DiffReport& report);

}  // namespace fineprint::diff
