// Which promotions can compete for one line, exactly: a sweep over windows
// finds the pairs that overlap in time, channel and scope; ambiguous
// overlaps are equal-priority non-combinable pairs, and a promotion is
// shadowed when the promotions ranked before it hold its line in every order
// that makes it a candidate (docs/semantics.md §2.2–2.3).
#pragma once

#include <string>
#include <vector>

#include "analysis/promotion_facts.hpp"
#include "analysis/region.hpp"
#include "analysis/witness.hpp"

namespace fineprint::analysis {

struct AmbiguousPair {
  std::size_t first = 0;   // file index, earlier in the file
  std::size_t second = 0;  // file index, later in the file
  OrderSketch order;       // both are candidates for its line
};

struct Shadowed {
  std::size_t promotion = 0;
  std::vector<std::size_t> by;  // file indices of the promotions that hold its lines
  OrderSketch order;            // it is a candidate there and still blocked
};

struct PromoAnalysis {
  PromoSet set;
  // Sorted by (second, first): all of them, or the first `keep_ambiguous`.
  std::vector<AmbiguousPair> ambiguous;
  std::size_t ambiguous_total = 0;  // kept or not
  // Per promotion (file index), the ambiguous pairs it is the later of.
  std::vector<std::size_t> ambiguous_as_second;
  std::vector<Shadowed> shadowed;    // in file order
  std::vector<std::size_t> stopped;  // promotions whose shadowing check ran out of budget
  std::string stopped_why;
};

// `keep_ambiguous` > 0 keeps only that many ambiguous pairs (--max-findings)
// and counts the rest, so that memory does not grow with the square of the
// promotions; 0 keeps them all. Without `shadows` the shadowing checks (the
// costly part) are not run and `shadowed` and `stopped` stay empty.
// `run_budget` bounds the shadowing checks of the whole rulebook together
// (box operations and search steps; docs/limits.md).
inline constexpr std::uint64_t kShadowRunBudget = 20'000'000;
PromoAnalysis analyse_promotions(const model::Rulebook& rulebook, std::size_t keep_ambiguous = 0,
                                 bool shadows = true, std::uint64_t run_budget = kShadowRunBudget);

}  // namespace fineprint::analysis
