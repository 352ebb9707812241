// Which windows hold an instant: an index over half-open windows [starts,
// ends), each carrying a number (the promotion's rank). Pricing asks it for
// the promotions open when an order was placed, so that a rulebook's closed
// campaigns cost nothing per claim (docs/architecture.md, "The promotion
// index").
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/instant.hpp"

namespace fineprint::engine {

class WindowIndex {
 public:
  struct Window {
    core::Instant starts;
    core::Instant ends;  // exclusive; Instant::max() for an open-ended window
    std::uint32_t rank = 0;
  };

  // A budget of 0 means 64 entries a window (and 4,096 at least).
  static constexpr std::size_t kDefaultBudget = 0;

  WindowIndex() = default;
  // `list_budget`: the most rank entries the segment lists may hold.
  explicit WindowIndex(std::vector<Window> windows, std::size_t list_budget = kDefaultBudget);

  // Appends the rank of every window with starts <= at < ends, in no order.
  void holding(core::Instant at, std::vector<std::uint32_t>& out) const;

  // Whether queries read the segment lists (else the tree).
  bool listed() const { return !offsets_.empty(); }

 private:
  core::Instant build(std::size_t lo, std::size_t hi);
  void visit(std::size_t lo, std::size_t hi, core::Instant at,
             std::vector<std::uint32_t>& out) const;
  bool build_lists(std::size_t budget);

  // An implicit balanced tree: the windows sorted by start, the node of the
  // range [lo, hi) at its middle; latest_end_[mid] is the latest end in it.
  std::vector<Window> windows_;
  std::vector<core::Instant> latest_end_;
  // The segment lists, when they fit the budget (a realistic history: a few
  // dozen windows open at any time): between two consecutive boundaries the
  // same windows are open; segment s starts at boundaries_[s] and its ranks,
  // ascending, are ranks_[offsets_[s] .. offsets_[s + 1]).
  std::vector<core::Instant> boundaries_;
  std::vector<std::size_t> offsets_;
  std::vector<std::uint32_t> ranks_;
};

}  // namespace fineprint::engine
