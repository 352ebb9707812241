// Which windows hold an instant: an interval index over half-open windows
// [starts, ends), each carrying a number (the promotion's rank). Pricing asks
// it for the promotions open when an order was placed, so that a rulebook's
// closed campaigns cost nothing per claim (docs/architecture.md, "The
// promotion index").
#pragma once

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

  WindowIndex() = default;
  explicit WindowIndex(std::vector<Window> windows);

  // Appends the rank of every window with starts <= at < ends, in no order.
  void holding(core::Instant at, std::vector<std::uint32_t>& out) const;

 private:
  core::Instant build(std::size_t lo, std::size_t hi);
  void visit(std::size_t lo, std::size_t hi, core::Instant at,
             std::vector<std::uint32_t>& out) const;

  // An implicit balanced tree: the windows sorted by start, the node of the
  // range [lo, hi) at its middle; latest_end_[mid] is the latest end in it.
  std::vector<Window> windows_;
  std::vector<core::Instant> latest_end_;
};

}  // namespace fineprint::engine
