#include "analysis/region.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>

namespace fineprint::analysis {

Interval Interval::intersect(const Interval& other) const {
  return {std::max(lo, other.lo), std::min(hi, other.hi)};
}

std::vector<Interval> Interval::subtract(const Interval& other) const {
  std::vector<Interval> out;
  Interval common = intersect(other);
  if (common.empty()) {
    if (!empty()) out.push_back(*this);
    return out;
  }
  if (common.lo > lo) out.push_back({lo, common.lo - 1});
  if (common.hi < hi) out.push_back({common.hi + 1, hi});
  return out;
}

std::int64_t Interval::pick(std::int64_t preferred) const {
  return std::clamp(preferred, lo, hi);
}

ValueSet ValueSet::none(std::size_t size) {
  ValueSet set;
  set.size_ = size;
  set.words_.assign((size + 63) / 64, 0);
  return set;
}

ValueSet ValueSet::all(std::size_t size) {
  ValueSet set;
  set.size_ = size;
  set.words_.assign((size + 63) / 64, ~std::uint64_t{0});
  if (size % 64) set.words_.back() = (std::uint64_t{1} << (size % 64)) - 1;
  return set;
}

bool ValueSet::empty() const {
  return std::all_of(words_.begin(), words_.end(), [](std::uint64_t w) { return w == 0; });
}

std::size_t ValueSet::count() const {
  std::size_t n = 0;
  for (auto w : words_) n += static_cast<std::size_t>(std::popcount(w));
  return n;
}

std::size_t ValueSet::first() const {
  for (std::size_t i = 0; i < words_.size(); ++i)
    if (words_[i]) return i * 64 + static_cast<std::size_t>(std::countr_zero(words_[i]));
  return size_;
}

bool ValueSet::intersects(const ValueSet& other) const {
  for (std::size_t i = 0; i < words_.size(); ++i)
    if (words_[i] & other.words_[i]) return true;
  return false;
}

bool ValueSet::subset_of(const ValueSet& other) const {
  for (std::size_t i = 0; i < words_.size(); ++i)
    if (words_[i] & ~other.words_[i]) return false;
  return true;
}

ValueSet ValueSet::intersect(const ValueSet& other) const {
  ValueSet out = *this;
  for (std::size_t i = 0; i < words_.size(); ++i) out.words_[i] &= other.words_[i];
  return out;
}

ValueSet ValueSet::subtract(const ValueSet& other) const {
  ValueSet out = *this;
  for (std::size_t i = 0; i < words_.size(); ++i) out.words_[i] &= ~other.words_[i];
  return out;
}

ValueSet ValueSet::complement() const {
  return all(size_).subtract(*this);
}

void Axis::cut(std::optional<std::int64_t> min, std::optional<std::int64_t> max) {
  if (min && *min > lo_ && *min <= hi_) starts_.push_back(*min);
  if (max && *max >= lo_ && *max < hi_) starts_.push_back(*max + 1);
}

void Axis::seal() {
  starts_.push_back(lo_);
  std::sort(starts_.begin(), starts_.end());
  starts_.erase(std::unique(starts_.begin(), starts_.end()), starts_.end());
}

Interval Axis::cell(std::size_t i) const {
  std::int64_t end = i + 1 < starts_.size() ? starts_[i + 1] - 1 : hi_;
  return {starts_[i], end};
}

std::size_t Axis::cell_of(std::int64_t value) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), value);
  return static_cast<std::size_t>(it - starts_.begin()) - 1;
}

ValueSet Axis::range(std::optional<std::int64_t> min, std::optional<std::int64_t> max) const {
  ValueSet set = ValueSet::none(size());
  Interval wanted{min.value_or(kMinInt), max.value_or(kMaxInt)};
  for (std::size_t i = 0; i < cells(); ++i) {
    // Cells never straddle a cut, so a cell is inside exactly when its start is.
    Interval c = cell(i);
    if (!c.intersect(wanted).empty()) set.insert(i);
  }
  return set;
}

void Layout::add(std::size_t size) {
  sizes_.push_back(size);
  offsets_.push_back(total_);
  total_ += (size + 63) / 64;
}

Box Box::all(const Layout& layout) {
  Box box;
  box.bits_.assign(layout.total_words(), ~std::uint64_t{0});
  for (std::size_t d = 0; d < layout.dims(); ++d)
    if (layout.size(d) % 64)
      box.bits_[layout.offset(d) + layout.words(d) - 1] =
          (std::uint64_t{1} << (layout.size(d) % 64)) - 1;
  return box;
}

ValueSet Box::get(const Layout& layout, std::size_t dim) const {
  ValueSet set = ValueSet::none(layout.size(dim));
  for (std::size_t i = 0; i < layout.size(dim); ++i)
    if (contains(layout, dim, i)) set.insert(i);
  return set;
}

void Box::set(const Layout& layout, std::size_t dim, const ValueSet& values) {
  const auto& words = values.words();
  for (std::size_t i = 0; i < layout.words(dim); ++i) bits_[layout.offset(dim) + i] = words[i];
}

bool Box::contains(const Layout& layout, std::size_t dim, std::size_t value) const {
  return (bits_[layout.offset(dim) + value / 64] >> (value % 64)) & 1U;
}

std::size_t Box::first(const Layout& layout, std::size_t dim) const {
  for (std::size_t i = 0; i < layout.words(dim); ++i) {
    std::uint64_t w = bits_[layout.offset(dim) + i];
    if (w) return i * 64 + static_cast<std::size_t>(std::countr_zero(w));
  }
  return layout.size(dim);
}

bool Box::empty(const Layout& layout) const {
  if (bits_.empty()) return true;
  for (std::size_t d = 0; d < layout.dims(); ++d) {
    bool any = false;
    for (std::size_t i = 0; i < layout.words(d) && !any; ++i)
      any = bits_[layout.offset(d) + i] != 0;
    if (!any) return true;
  }
  return false;
}

bool Box::intersects(const Layout& layout, const Box& other) const {
  for (std::size_t d = 0; d < layout.dims(); ++d) {
    bool any = false;
    std::size_t off = layout.offset(d);
    for (std::size_t i = 0; i < layout.words(d) && !any; ++i)
      any = (bits_[off + i] & other.bits_[off + i]) != 0;
    if (!any) return false;
  }
  return true;
}

bool Box::subset_of(const Box& other) const {
  for (std::size_t i = 0; i < bits_.size(); ++i)
    if (bits_[i] & ~other.bits_[i]) return false;
  return true;
}

Box Box::intersect(const Box& other) const {
  Box out = *this;
  for (std::size_t i = 0; i < bits_.size(); ++i) out.bits_[i] &= other.bits_[i];
  return out;
}

void Box::subtract(const Layout& layout, const Box& other, std::vector<Box>& out) const {
  if (!intersects(layout, other)) {
    out.push_back(*this);
    return;
  }
  // Peel off, dimension by dimension, the part outside `other`; what is left
  // after the last dimension lies inside `other` and is dropped.
  Box rest = *this;
  for (std::size_t d = 0; d < layout.dims(); ++d) {
    std::size_t off = layout.offset(d);
    bool outside = false;
    for (std::size_t i = 0; i < layout.words(d); ++i)
      outside |= (rest.bits_[off + i] & ~other.bits_[off + i]) != 0;
    if (!outside) continue;
    Box piece = rest;
    for (std::size_t i = 0; i < layout.words(d); ++i) {
      piece.bits_[off + i] = rest.bits_[off + i] & ~other.bits_[off + i];
      rest.bits_[off + i] &= other.bits_[off + i];
    }
    out.push_back(std::move(piece));
  }
}

std::string Budget::why(std::string_view what) const {
  if (over_memory)
    return bytes_limit >= (1U << 20)
               ? fmt::format("{} needed more than {} MiB of memory for its pieces", what,
                             bytes_limit >> 20)
               : fmt::format("{} needed more than {} bytes of memory for its pieces", what,
                             bytes_limit);
  return fmt::format("{} needed more than {} box operations", what, limit);
}

bool subtract_region(const Layout& layout, std::vector<Box>& region, const Box& cut,
                     Budget& budget) {
  std::vector<Box> next;
  next.reserve(region.size());
  for (const Box& box : region) {
    if (!budget.spend() || !budget.hold(next.size(), layout)) return false;
    box.subtract(layout, cut, next);
  }
  region.swap(next);
  return true;
}

std::optional<std::vector<Box>> uncovered(const Layout& layout, const Box& box,
                                          const std::vector<Box>& cover, Budget& budget) {
  std::vector<Box> rest{box};
  for (const Box& c : cover) {
    if (rest.empty()) break;
    if (!subtract_region(layout, rest, c, budget)) return std::nullopt;
  }
  return rest;
}

}  // namespace fineprint::analysis
