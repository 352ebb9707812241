#include "analysis/shadow_space.hpp"

#include <algorithm>

namespace fineprint::analysis {

void lay_out(ShadowSpace& space, std::size_t channels) {
  for (std::size_t size :
       {space.time.size(), channels, space.cats.size(), space.skus.size(), space.segments})
    space.layout.add(size);
}

ValueSet id_set(const std::vector<int>& ids, const std::vector<int>& domain) {
  ValueSet set = ValueSet::none(domain.size());
  for (int id : ids) {
    auto it = std::lower_bound(domain.begin(), domain.end(), id);
    if (it != domain.end() && *it == id) set.insert(static_cast<std::size_t>(it - domain.begin()));
  }
  return set;
}

void scope_boxes(const ShadowSpace& d, const ScopeIds& scope, const Box& base,
                 std::vector<Box>& out) {
  auto add = [&](const ValueSet& cats, const ValueSet& skus) {
    if (cats.empty() || skus.empty()) return;
    Box box = base;
    box.set(d.layout, kCategory, cats);
    box.set(d.layout, kSku, skus);
    out.push_back(std::move(box));
  };
  ValueSet all_cats = ValueSet::all(d.cats.size()), all_skus = ValueSet::all(d.skus.size());
  if (!scope.present) return add(all_cats, all_skus);
  ValueSet cats = all_cats.subtract(id_set(scope.exc_cats, d.cats));
  ValueSet skus = all_skus.subtract(id_set(scope.exc_skus, d.skus));
  if (scope.cats.empty() && scope.skus.empty()) return add(cats, skus);
  ValueSet listed = id_set(scope.cats, d.cats);
  add(listed.intersect(cats), skus);
  add(cats.subtract(listed), id_set(scope.skus, d.skus).intersect(skus));
}

std::int64_t pick_time(const Interval& window) {
  return window.hi - window.lo >= 43200 ? window.lo + 43200 : window.lo;
}

}  // namespace fineprint::analysis
