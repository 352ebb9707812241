#include "diff/diff.hpp"

#include "diff/goodwill_diff.hpp"
#include "diff/promotion_diff.hpp"
#include "diff/returns_diff.hpp"
#include "diff/store_diff.hpp"

namespace fineprint::diff {

DiffReport diff_rulebooks(const model::Rulebook& old_rules, const model::Rulebook& new_rules,
                          const DiffOptions& options) {
  DiffReport report;
  report.store = store_changes(old_rules, new_rules);
  analysis::Budget budget = options.budget;
  diff_returns(old_rules, new_rules, budget, report);
  diff_promotions(old_rules, new_rules, options.threads, report);
  report.goodwill = goodwill_changes(old_rules, new_rules);
  return report;
}

}  // namespace fineprint::diff
