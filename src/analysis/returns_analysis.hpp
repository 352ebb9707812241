// The returns table decided for every possible item at once: a partition of
// the item domain into boxes, each with the rule (or `otherwise`, or nothing)
// that decides it — the ground for gap, unreachable, overlap, assert and law.
#pragma once

#include <string>
#include <vector>

#include "analysis/region.hpp"
#include "analysis/returns_domain.hpp"
#include "model/item_facts.hpp"
#include "model/rulebook.hpp"

namespace fineprint::analysis {

// How an item is decided (docs/semantics.md §4.2, as the engine does it).
enum class DecidedBy {
  rule,          // one rule matched
  missing_fact,  // a rule tests a fact the claim lacks: `review`
  several,       // under `unique`, more than one rule matched: `review`
  otherwise,     // no rule, and `otherwise` decides
  gap,           // no rule and no `otherwise`: `review` ("no rule covers this case")
};

struct ItemDecision {
  DecidedBy by = DecidedBy::gap;
  int rule = -1;  // the rule for `rule` and `missing_fact`
  model::Outcome outcome = model::Outcome::review;
  const model::OutcomeSpec* spec =
      nullptr;  // the rule's or otherwise's outcome; null for engine reviews
};

// One item at a time, exactly as the engine walks the table (match_when).
ItemDecision decide_item(const model::Returns& returns, const model::ItemFacts& facts);

struct DecidedBox {
  Box box;
  ItemDecision decision;
};

struct TableAnalysis {
  std::optional<ReturnsDomain> domain;
  std::vector<Box> cover;    // per rule: the items it stops at (matched or missing a tested fact)
  std::vector<Box> matched;  // per rule: the items it fully matches
  std::vector<DecidedBox> decided;  // disjoint, covering the universe; in rule order, then the rest
  std::vector<bool> reached;        // per rule: it decides at least one item
  std::string stopped;  // non-empty: the analysis gave up (budget or domain size), and why
};

// Statutory day counts the domain is cut at when the law checks run.
std::vector<std::int64_t> law_days(const model::Rulebook& rulebook);

TableAnalysis analyse_table(const model::Rulebook& rulebook, Budget& budget);
// The same over a domain built by the caller (`fineprint diff` decides two
// tables over one domain cut at the bounds of both).
TableAnalysis analyse_table_over(const model::Returns& returns, ReturnsDomain domain,
                                 Budget& budget);

}  // namespace fineprint::analysis
