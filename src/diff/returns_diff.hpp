// The returns tables of two rulebooks decided over one item domain (cut at
// the bounds of both), and every box of items where the outcome, the
// deciding rule, the fee or the shipping refund differ: grouped by the pair
// of decisions, merged into fewer boxes, each with a witness claim.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/region.hpp"
#include "analysis/returns_analysis.hpp"
#include "diff/diff.hpp"
#include "model/rulebook.hpp"

namespace fineprint::diff {

// How a table decides a box, as far as a customer can tell: by what (rule,
// `otherwise`, an engine review), which rule, the outcome, its fee and
// whether shipping is refunded. Two boxes are decided alike when equal.
struct TableKey {
  analysis::DecidedBy by = analysis::DecidedBy::gap;
  std::string rule;
  model::Outcome outcome = model::Outcome::review;
  std::optional<core::BasisPoints> fee;
  bool shipping = false;
  friend bool operator==(const TableKey&, const TableKey&) = default;
  friend auto operator<=>(const TableKey&, const TableKey&) = default;
};

TableKey key_of(const model::Returns& returns, const analysis::ItemDecision& decision);
// "deny by `final-30d`", "refund by `otherwise` less a 10% fee", "review: no rule covers it".
std::string key_words(const TableKey& key);

// The two tables over one domain (nullopt when they cannot be compared: no
// table on a side, the day counts start from different events, or the
// domain is too large; `why` says which).
struct JointTables {
  std::optional<analysis::ReturnsDomain> domain;
  analysis::TableAnalysis old_table, new_table;
  std::string why;
};
JointTables analyse_both(const model::Rulebook& old_rules, const model::Rulebook& new_rules,
                         analysis::Budget& budget);

// The items decided differently, per pair of decisions, merged; exact.
struct ChangedRegion {
  TableKey was, now;
  std::vector<analysis::Box> boxes;
};
// Nullopt when the budget ran out.
std::optional<std::vector<ChangedRegion>> changed_regions(const JointTables& tables,
                                                          const model::Rulebook& old_rules,
                                                          const model::Rulebook& new_rules,
                                                          analysis::Budget& budget);

// Everything above, described and witnessed; notes where it stopped.
void diff_returns(const model::Rulebook& old_rules, const model::Rulebook& new_rules,
                  analysis::Budget& budget, DiffReport& report);

}  // namespace fineprint::diff
