// The region algebra of the exact analysis: boxes over finite dimensions
// (bitsets), integer axes cut into cells at the bounds the rules use, and
// half-open intervals. Intersect, subtract, emptiness and witness points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fineprint::analysis {

inline constexpr std::int64_t kMinInt = std::numeric_limits<std::int64_t>::min();
inline constexpr std::int64_t kMaxInt = std::numeric_limits<std::int64_t>::max();

// A closed integer interval [lo, hi]; empty when lo > hi.
struct Interval {
  std::int64_t lo = kMinInt;
  std::int64_t hi = kMaxInt;

  bool empty() const { return lo > hi; }
  bool contains(std::int64_t v) const { return lo <= v && v <= hi; }
  Interval intersect(const Interval& other) const;
  // this \ other: at most two pieces, in ascending order.
  std::vector<Interval> subtract(const Interval& other) const;
  // The member nearest to `preferred` (the interval must not be empty).
  std::int64_t pick(std::int64_t preferred) const;
  friend bool operator==(const Interval&, const Interval&) = default;
};

// A finite set over the values 0..size-1 of one dimension.
class ValueSet {
 public:
  ValueSet() = default;
  static ValueSet none(std::size_t size);
  static ValueSet all(std::size_t size);

  std::size_t size() const { return size_; }
  bool contains(std::size_t i) const { return (words_[i / 64] >> (i % 64)) & 1U; }
  void insert(std::size_t i) { words_[i / 64] |= std::uint64_t{1} << (i % 64); }
  void erase(std::size_t i) { words_[i / 64] &= ~(std::uint64_t{1} << (i % 64)); }
  bool empty() const;
  std::size_t count() const;
  // The smallest member, or size() when empty.
  std::size_t first() const;
  bool intersects(const ValueSet& other) const;
  bool subset_of(const ValueSet& other) const;
  ValueSet intersect(const ValueSet& other) const;
  ValueSet subtract(const ValueSet& other) const;
  ValueSet complement() const;
  const std::vector<std::uint64_t>& words() const { return words_; }
  friend bool operator==(const ValueSet&, const ValueSet&) = default;

 private:
  std::size_t size_ = 0;
  std::vector<std::uint64_t> words_;
};

// An integer fact cut into cells at every bound a rule uses: each range a
// rule states is then a union of whole cells, and one value per cell stands
// for all of them. An optional extra member stands for "the fact is missing".
class Axis {
 public:
  Axis() = default;
  Axis(std::int64_t lo, std::int64_t hi, bool nullable) : lo_(lo), hi_(hi), nullable_(nullable) {}
  // Adds the cut points of one stated range (clamped to the axis).
  void cut(std::optional<std::int64_t> min, std::optional<std::int64_t> max);
  // Sorts the cuts; call once after every cut() and before any query.
  void seal();

  std::size_t cells() const { return starts_.size(); }
  std::size_t size() const { return cells() + (nullable_ ? 1 : 0); }
  bool nullable() const { return nullable_; }
  std::size_t missing() const { return cells(); }  // the member for "missing" (nullable only)
  Interval cell(std::size_t i) const;
  // The cells inside [min, max] (never the missing member).
  ValueSet range(std::optional<std::int64_t> min, std::optional<std::int64_t> max) const;
  ValueSet known() const { return range(std::nullopt, std::nullopt); }
  std::size_t cell_of(std::int64_t value) const;

 private:
  std::int64_t lo_ = 0;
  std::int64_t hi_ = kMaxInt;
  bool nullable_ = false;
  std::vector<std::int64_t> starts_;
};

// The shape shared by every box of one analysis: each dimension's size and
// where its words sit in a box's flat bit array.
class Layout {
 public:
  void add(std::size_t size);
  std::size_t dims() const { return sizes_.size(); }
  std::size_t size(std::size_t dim) const { return sizes_[dim]; }
  std::size_t offset(std::size_t dim) const { return offsets_[dim]; }
  std::size_t words(std::size_t dim) const { return (sizes_[dim] + 63) / 64; }
  std::size_t total_words() const { return total_; }

 private:
  std::vector<std::size_t> sizes_;
  std::vector<std::size_t> offsets_;
  std::size_t total_ = 0;
};

// A product of one ValueSet per dimension, stored flat so that intersecting
// and subtracting are tight loops over words.
class Box {
 public:
  Box() = default;
  static Box all(const Layout& layout);

  ValueSet get(const Layout& layout, std::size_t dim) const;
  void set(const Layout& layout, std::size_t dim, const ValueSet& values);
  bool contains(const Layout& layout, std::size_t dim, std::size_t value) const;
  std::size_t first(const Layout& layout, std::size_t dim) const;

  bool empty(const Layout& layout) const;
  bool intersects(const Layout& layout, const Box& other) const;
  bool subset_of(const Box& other) const;
  Box intersect(const Box& other) const;  // may be empty: test with empty()
  // Appends the pieces of this \ other (disjoint boxes) to `out`.
  void subtract(const Layout& layout, const Box& other, std::vector<Box>& out) const;
  friend bool operator==(const Box&, const Box&) = default;

 private:
  std::vector<std::uint64_t> bits_;
};

// A union of boxes with a work budget: every box operation counts, and when
// the budget runs out the analysis stops and says so instead of hanging.
// Work counted in box operations, and memory in the bytes of the boxes a
// computation holds at once: a box over a catalog of 85,000 categories is
// 10 KB, so a few hundred thousand fragments would exhaust the machine long
// before the operation count (issue 20). Both are counts, never clock time,
// so where an analysis stops is the same on every machine.
struct Budget {
  std::uint64_t limit = 50'000'000;
  std::uint64_t used = 0;
  std::uint64_t bytes_limit = 512ULL << 20;  // 512 MiB of boxes
  bool over_memory = false;
  bool exhausted() const { return used > limit || over_memory; }
  bool spend(std::uint64_t n = 1) {
    used += n;
    return !exhausted();
  }
  // `boxes` held at once, each of `layout`'s size; false past bytes_limit.
  bool hold(std::size_t boxes, const Layout& layout) {
    const std::uint64_t bytes =
        static_cast<std::uint64_t>(boxes) * (layout.total_words() * sizeof(std::uint64_t) + 32);
    over_memory = over_memory || bytes > bytes_limit;
    return !exhausted();
  }
  std::string why(std::string_view what) const;
};

// region \ cut, box by box; false when the budget ran out (region then holds
// what was computed so far).
bool subtract_region(const Layout& layout, std::vector<Box>& region, const Box& cut,
                     Budget& budget);
// The part of `box` outside the union of `cover` (empty when covered);
// nullopt when the budget ran out.
std::optional<std::vector<Box>> uncovered(const Layout& layout, const Box& box,
                                          const std::vector<Box>& cover, Budget& budget);

}  // namespace fineprint::analysis
