// The shadowing check when some promotion ranked before P is combinable with
// P: such a helper can unblock P by holding P's line against a third
// promotion, so "the plainest order" no longer decides. A depth-first search
// over the orders of one line kind decides it exactly (docs/analysis.md).
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/shadow.hpp"

namespace fineprint::analysis {

// `rivals` sorted by rank. Shadowed when no order lets P apply; `stopped`
// when the search ran out of budget.
ShadowVerdict search_shadow(const model::Rulebook& rulebook, const PromoSet& set, std::size_t p,
                            const std::vector<Rival>& rivals);

class EngineCheck;

// The same search over orders of two line kinds: P's line and one support
// line of another kind, which counts toward the thresholds of every
// promotion whose scope holds it (a helper switched on, P's own threshold
// spread over two kinds so that a rival's is not met). It only refutes:
// not shadowed once the engine prices one of its orders with P applied;
// shadowed when none; `stopped` when it ran out of budget.
// `budget`: its steps for this promotion. A step is a few range
// comparisons, or one pricing of a candidate order by the engine; the
// 20,000-promotion stress rulebook needs 1.35 million for one promotion (the
// run's budget still bounds them all).
inline constexpr std::uint64_t kMixedSearchBudget = 2'000'000;
ShadowVerdict search_mixed_orders(const model::Rulebook& rulebook, const PromoSet& set,
                                  std::size_t p, const std::vector<Rival>& rivals,
                                  const EngineCheck& engine,
                                  std::uint64_t budget = kMixedSearchBudget);

}  // namespace fineprint::analysis
