// Merging disjoint boxes: two boxes that differ in one dimension only are
// one box (their union on that dimension). Repeated until no pair merges, so
// a region is reported in as few boxes as this greedy rule reaches; the
// union is unchanged, so the result stays exact.
#pragma once

#include <vector>

#include "analysis/region.hpp"

namespace fineprint::diff {

// False when the budget ran out (the boxes are then merged as far as done).
bool merge_boxes(const analysis::Layout& layout, std::vector<analysis::Box>& boxes,
                 analysis::Budget& budget);

}  // namespace fineprint::diff
