// Guided intake (issue 16, item 3): `claim new` asks an agent, in plain line
// prompts that work in a terminal and over a pipe alike, only what the
// rulebook can use: when the claim was made, the receipt when a rule looks at
// it, the items, and each item's reason and condition as menus of the
// rulebook's vocabulary — skipping a question whose answer cannot change the
// item's decision (intake/item_questions).
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "model/claim.hpp"
#include "model/rulebook.hpp"

namespace fineprint::intake {

struct GuidedClaim {
  model::Claim claim;
  std::vector<std::string> notes;  // the questions skipped, and what was recorded
};

// `claim` holds the imported order (and customer). Questions go to `out`,
// answers are read a line at a time from `in`; an answer that does not fit
// is asked again. Error `import/answers-ended` when `in` ends first. `echo`
// (answers not typed in a terminal) repeats each answer after its question.
core::Result<GuidedClaim> guided_intake(const model::Rulebook& rulebook, model::Claim claim,
                                        std::istream& in, std::ostream& out, bool echo);

}  // namespace fineprint::intake
