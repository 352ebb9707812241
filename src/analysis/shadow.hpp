// Whether the promotions ranked before P hold P's line in every order where
// P is a candidate: a box cover when none of them is combinable with P,
// else a search of the orders that switch them on and off (shadow_search).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/promotion_facts.hpp"
#include "analysis/witness.hpp"

namespace fineprint::analysis {

// A promotion ranked before P whose window, channels and scope meet P's.
struct Rival {
  std::size_t index = 0;
};

struct ShadowVerdict {
  bool shadowed = false;
  bool stopped = false;  // the enumeration ran out of budget: undecided
  std::string why;
  std::vector<std::size_t> by;
  OrderSketch order;
  std::uint64_t work = 0;  // box operations and search steps spent: the run's budget counts them
};

class EngineCheck;

// `rivals` sorted by rank. With `engine`, a promotion found shadowed on the
// orders of one line kind is searched again over orders of two
// (search_mixed_orders), and is not shadowed if one of them lets it apply.
ShadowVerdict decide_shadow(const model::Rulebook& rulebook, const PromoSet& set, std::size_t p,
                            const std::vector<Rival>& rivals, const EngineCheck* engine = nullptr);

// An order where `promos` are all candidates (their codes, a segment of each,
// first order when one needs it, thresholds met) on one line of `line`;
// `segment` (may be null) is preferred for the customer.
OrderSketch sketch_order(const model::Rulebook& rulebook, const PromoSet& set,
                         const std::vector<std::size_t>& promos, std::int64_t at,
                         std::size_t channel, const LineKind& line, const std::string* segment);

}  // namespace fineprint::analysis
