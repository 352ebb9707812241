// The space the shadowing checks reason over: P's window cut at every rival
// window bound, the store's channels, the categories and skus that decide the
// scopes involved, and (for the cover) P's segments; and scopes as boxes in it.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/line_ids.hpp"
#include "analysis/region.hpp"

namespace fineprint::analysis {

// Dimensions of a shadowing space's boxes.
enum ShadowDim : std::size_t { kTime = 0, kChannel = 1, kCategory = 2, kSku = 3, kSegment = 4 };

struct ShadowSpace {
  Layout layout;
  Axis time;
  std::vector<int> cats, skus;  // candidate ids (sorted; -1 is a value nobody names)
  std::size_t segments = 1;
};

// `space.time` sealed and the id lists filled; adds the layout's five
// dimensions (time, channel, category, sku, segment).
void lay_out(ShadowSpace& space, std::size_t channels);

ValueSet id_set(const std::vector<int>& ids, const std::vector<int>& domain);

// A scope as at most two disjoint boxes over (category, sku): the listed
// categories with any sku, and the other categories with a listed sku;
// exclusions taken out of both. Each is `base` with those two dimensions set.
void scope_boxes(const ShadowSpace& space, const ScopeIds& scope, const Box& base,
                 std::vector<Box>& out);

// A readable instant in a window: noon of a window that opens at midnight.
std::int64_t pick_time(const Interval& window);

}  // namespace fineprint::analysis
