// Which questions about a returned item can change its decision (issue 16,
// item 3): the item is decided by the real engine for every reason and
// condition of the rulebook's vocabulary, and a question is asked only when
// its answer makes a difference to the item's outcome or amount.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/compiled_rulebook.hpp"
#include "engine/decision.hpp"

#include "model/claim.hpp"
#include "model/rulebook.hpp"

namespace fineprint::intake {

class ItemQuestions {
 public:
  // `claim` has its order, filed_at and has_receipt; `item` its sku and qty.
  ItemQuestions(const model::Rulebook& rulebook, const model::Claim& claim,
                const model::ClaimItem& item);

  const std::vector<std::string>& reasons() const { return reasons_; }
  const std::vector<std::string>& conditions() const { return conditions_; }
  // True when some condition decides differently for two reasons.
  bool reason_matters() const;
  // True when, for `reason`, two conditions decide differently.
  bool condition_matters(const std::string& reason) const;

 private:
  std::vector<std::string> reasons_, conditions_;
  // outcome_[r][c]: the item's decision as text (outcome, amount, or the claim error).
  std::vector<std::vector<std::string>> outcome_;
};

// `item` alone on a copy of `claim`, decided under the compiled rulebook;
// nullopt when the claim reader refuses it.
std::optional<engine::ItemDecision> decide_alone(const engine::CompiledRulebook& rules,
                                                 model::Claim claim, model::ClaimItem item);

// One line to show beside a condition or reason in a menu: the built-in ones
// explained, a rulebook's own one marked as such.
std::string condition_help(const std::string& condition);
std::string reason_help(const std::string& reason);

}  // namespace fineprint::intake
