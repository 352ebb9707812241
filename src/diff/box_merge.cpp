#include "diff/box_merge.hpp"

#include <cstddef>

namespace fineprint::diff {

namespace {

constexpr std::size_t kNoDim = static_cast<std::size_t>(-1);

// The one dimension a and b differ in; kNoDim when they differ in none or in
// more than one.
std::size_t single_difference(const analysis::Layout& layout, const analysis::Box& a,
                              const analysis::Box& b) {
  std::size_t found = kNoDim;
  for (std::size_t d = 0; d < layout.dims(); ++d) {
    if (a.get(layout, d) == b.get(layout, d)) continue;
    if (found != kNoDim) return kNoDim;
    found = d;
  }
  return found;
}

// Merges one pair into boxes[i] and drops boxes[j]; false when none merges.
bool merge_one(const analysis::Layout& layout, std::vector<analysis::Box>& boxes,
               analysis::Budget& budget) {
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      if (!budget.spend(layout.dims())) return false;
      std::size_t d = single_difference(layout, boxes[i], boxes[j]);
      if (d == kNoDim) continue;
      // a ∪ b = ¬(¬a \ b)
      analysis::ValueSet joined =
          boxes[i].get(layout, d).complement().subtract(boxes[j].get(layout, d)).complement();
      boxes[i].set(layout, d, joined);
      boxes.erase(boxes.begin() + static_cast<std::ptrdiff_t>(j));
      return true;
    }
  return false;
}

}  // namespace

bool merge_boxes(const analysis::Layout& layout, std::vector<analysis::Box>& boxes,
                 analysis::Budget& budget) {
  while (merge_one(layout, boxes, budget)) {
  }
  return !budget.exhausted();
}

}  // namespace fineprint::diff
