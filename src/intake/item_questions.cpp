#include "intake/item_questions.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "engine/decision.hpp"
#include "load/claim_loader.hpp"

namespace fineprint::intake {

namespace {

// What a menu answer leads to, as text that two answers compare by.
std::string decide_item(const engine::CompiledRulebook& rules, const model::Claim& claim,
                        const model::ClaimItem& item) {
  auto decided = decide_alone(rules, claim, item);
  if (!decided) return "invalid";
  return fmt::format("{} {}", model::outcome_name(decided->outcome), decided->amount);
}

}  // namespace

std::optional<engine::ItemDecision> decide_alone(const engine::CompiledRulebook& rules,
                                                 model::Claim claim, model::ClaimItem item) {
  claim.items = {std::move(item)};
  if (core::has_errors(load::validate_claim(claim, rules.rulebook, load::ClaimPlaces{}, true)))
    return std::nullopt;
  auto decision = engine::decide(rules, claim);
  if (!decision || decision->items.empty()) return std::nullopt;
  return decision->items.front();
}

ItemQuestions::ItemQuestions(const model::Rulebook& rulebook, const model::Claim& claim,
                             const model::ClaimItem& item) {
  if (rulebook.returns) {
    reasons_ = model::known_reasons(*rulebook.returns);
    conditions_ = model::known_conditions(*rulebook.returns);
  } else {
    reasons_ = model::builtin_reasons();
    conditions_ = model::builtin_conditions();
  }
  const engine::CompiledRulebook rules(rulebook);
  for (const auto& reason : reasons_) {
    auto& row = outcome_.emplace_back();
    for (const auto& condition : conditions_) {
      model::ClaimItem trial = item;
      trial.reason = reason;
      trial.condition = condition;
      row.push_back(decide_item(rules, claim, trial));
    }
  }
}

bool ItemQuestions::reason_matters() const {
  for (std::size_t c = 0; c < conditions_.size(); ++c)
    for (std::size_t r = 1; r < reasons_.size(); ++r)
      if (outcome_[r][c] != outcome_[0][c]) return true;
  return false;
}

bool ItemQuestions::condition_matters(const std::string& reason) const {
  auto at = std::find(reasons_.begin(), reasons_.end(), reason);
  if (at == reasons_.end()) return true;
  const auto& row = outcome_[static_cast<std::size_t>(at - reasons_.begin())];
  return std::any_of(row.begin(), row.end(), [&](const auto& one) { return one != row.front(); });
}

std::string condition_help(const std::string& condition) {
  static const std::map<std::string, std::string> help{
      {"sealed", "unopened, in its original sealed packaging"},
      {"opened", "packaging opened, but the item not used"},
      {"used", "worn or used"},
      {"washed", "cleaned, against the care label"},
      {"damaged", "broken, torn or otherwise damaged"},
  };
  auto found = help.find(condition);
  return found != help.end() ? found->second : "a condition this rulebook declares";
}

std::string reason_help(const std::string& reason) {
  static const std::map<std::string, std::string> help{
      {"changed_mind", "the customer no longer wants it"},
      {"defective", "it has a fault"},
      {"damaged_in_transit", "it arrived damaged"},
      {"wrong_item", "another item was sent than the one ordered"},
      {"not_as_described", "it is not what the shop described"},
      {"late_delivery", "it arrived after the promised date"},
  };
  auto found = help.find(reason);
  return found != help.end() ? found->second : "a reason this rulebook declares";
}

}  // namespace fineprint::intake
