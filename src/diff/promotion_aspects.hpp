// A promotion read as the aspects that decide which orders it prices and
// how (window, channels, code, segments, first order, scope, thresholds,
// stacking, limit, cap, benefit), each rendered canonically: lists sorted,
// instants in the store zone, money in the currency. Two versions of a
// promotion differ in an aspect exactly when its renderings differ, so a
// reformatted or reordered rulebook shows no change. Title and terms are
// words for the customer, not pricing: they are not compared.
#pragma once

#include <string>
#include <vector>

#include "model/rulebook.hpp"

namespace fineprint::diff {

struct Aspect {
  std::string name;  // "window", "channels", "scope", "thresholds", "stacking", …
  std::string value;
};

std::vector<Aspect> promotion_aspects(const model::Rulebook& rulebook,
                                      const model::Promotion& promotion);

}  // namespace fineprint::diff
