// Policy tests (docs/format.md §3): a claim with an [expect] table,
// decided and compared; and which rules and promotions the tests exercised.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "engine/decision.hpp"
#include "load/claim_loader.hpp"

namespace fineprint::engine {

// One difference between what a test expects and what was decided.
struct Mismatch {
  std::string what;  // "verdict", "amount", "items[2].rule", …
  std::string expected;
  std::string got;
};

std::vector<Mismatch> compare_expectations(const load::Expect& expect, const Decision& decision);

// Rules that matched an item and promotions applied to the order.
struct Exercised {
  std::set<std::string> rules;
  std::set<std::string> promotions;

  void add(const Decision& decision);
};

struct Coverage {
  std::size_t total = 0;
  std::size_t exercised = 0;
  std::vector<std::string> missed;  // "returns rule `x`", "promotion `Y`", in file order
};

Coverage coverage(const model::Rulebook& rulebook, const Exercised& exercised);

}  // namespace fineprint::engine
