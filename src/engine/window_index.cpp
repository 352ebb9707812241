#include "engine/window_index.hpp"

#include <algorithm>

namespace fineprint::engine {

WindowIndex::WindowIndex(std::vector<Window> windows)
    : windows_(std::move(windows)), latest_end_(windows_.size()) {
  std::sort(windows_.begin(), windows_.end(), [](const Window& a, const Window& b) {
    return a.starts != b.starts ? a.starts < b.starts : a.rank < b.rank;
  });
  build(0, windows_.size());
}

core::Instant WindowIndex::build(std::size_t lo, std::size_t hi) {
  if (lo >= hi) return core::Instant::min();
  std::size_t mid = lo + (hi - lo) / 2;
  latest_end_[mid] = std::max({windows_[mid].ends, build(lo, mid), build(mid + 1, hi)});
  return latest_end_[mid];
}

void WindowIndex::holding(core::Instant at, std::vector<std::uint32_t>& out) const {
  visit(0, windows_.size(), at, out);
}

// Skips a range whose windows all ended by `at`, and the right half of one
// whose middle window starts after `at` (so do all after it).
void WindowIndex::visit(std::size_t lo, std::size_t hi, core::Instant at,
                        std::vector<std::uint32_t>& out) const {
  if (lo >= hi) return;
  std::size_t mid = lo + (hi - lo) / 2;
  if (latest_end_[mid] <= at) return;
  visit(lo, mid, at, out);
  if (windows_[mid].starts > at) return;
  if (at < windows_[mid].ends) out.push_back(windows_[mid].rank);
  visit(mid + 1, hi, at, out);
}

}  // namespace fineprint::engine
