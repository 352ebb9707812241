#include "engine/window_index.hpp"

#include <algorithm>
#include <set>

namespace fineprint::engine {

WindowIndex::WindowIndex(std::vector<Window> windows, std::size_t list_budget)
    : windows_(std::move(windows)), latest_end_(windows_.size()) {
  std::sort(windows_.begin(), windows_.end(), [](const Window& a, const Window& b) {
    return a.starts != b.starts ? a.starts < b.starts : a.rank < b.rank;
  });
  build(0, windows_.size());
  std::size_t budget = list_budget != kDefaultBudget
                           ? list_budget
                           : std::max<std::size_t>(4096, 64 * windows_.size());
  if (!build_lists(budget)) {
    boundaries_.clear();
    offsets_.clear();
    ranks_.clear();
  }
}

core::Instant WindowIndex::build(std::size_t lo, std::size_t hi) {
  if (lo >= hi) return core::Instant::min();
  std::size_t mid = lo + (hi - lo) / 2;
  latest_end_[mid] = std::max({windows_[mid].ends, build(lo, mid), build(mid + 1, hi)});
  return latest_end_[mid];
}

// A sweep over the boundaries (every start and finite end): at each, the
// windows ending there leave and those starting there join the open set,
// which is then the segment's list. False when the lists would pass
// `budget` entries (many long or open-ended windows): the tree answers.
bool WindowIndex::build_lists(std::size_t budget) {
  struct Event {
    core::Instant at;
    bool opens;
    std::uint32_t rank;
  };
  std::vector<Event> events;
  for (const Window& w : windows_) {
    events.push_back({w.starts, true, w.rank});
    if (w.ends != core::Instant::max()) events.push_back({w.ends, false, w.rank});
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    // Joins first, so that an empty window (starts == ends) joins before it leaves.
    return a.at != b.at ? a.at < b.at : a.opens > b.opens;
  });
  std::multiset<std::uint32_t> open;
  offsets_.push_back(0);
  for (std::size_t i = 0; i < events.size();) {
    core::Instant at = events[i].at;
    for (; i < events.size() && events[i].at == at; ++i) {
      if (events[i].opens) {
        open.insert(events[i].rank);
      } else {
        open.erase(open.find(events[i].rank));
      }
    }
    if (ranks_.size() + open.size() > budget) return false;
    boundaries_.push_back(at);
    ranks_.insert(ranks_.end(), open.begin(), open.end());
    offsets_.push_back(ranks_.size());
  }
  return true;
}

void WindowIndex::holding(core::Instant at, std::vector<std::uint32_t>& out) const {
  if (!listed()) {
    visit(0, windows_.size(), at, out);
    return;
  }
  auto after = std::upper_bound(boundaries_.begin(), boundaries_.end(), at);
  if (after == boundaries_.begin()) return;  // before every window
  auto s = static_cast<std::size_t>(after - boundaries_.begin()) - 1;
  out.insert(out.end(), ranks_.begin() + static_cast<std::ptrdiff_t>(offsets_[s]),
             ranks_.begin() + static_cast<std::ptrdiff_t>(offsets_[s + 1]));
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
