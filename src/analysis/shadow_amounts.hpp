// The quantities and list amounts of the orders a shadowing search node
// stands for: the line P is to apply to (x), at most one support line of
// another kind (y), and their sum (z), which is what a promotion whose scope
// holds both lines counts toward its thresholds (semantics §2.2: the scoped
// lines' subtotal and quantity). Each is a half-open range [lo, hi); the
// three bound one another through z = x + y.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>

#include "analysis/region.hpp"

namespace fineprint::analysis {

struct Span {
  std::int64_t lo = 0;
  std::int64_t hi = kMaxInt;  // kMaxInt: unbounded
  bool empty() const { return lo >= hi; }
};

// One measure of the order (its quantity, or its list amount) over the two lines.
struct Measure {
  Span x;        // the line P is to apply to
  Span y{0, 1};  // the support line: {0, 1} when the order has none
  Span z;        // x + y
  bool support() const { return y.hi > 1; }
  bool empty() const { return x.empty() || y.empty() || z.empty(); }
};

namespace detail {
// The last value of an empty range is -1, so either term may be negative:
// the arithmetic saturates both ways instead of overflowing (UBSan found
// `kMaxInt - -1`). kMaxInt stands for unbounded and stays so.
inline std::int64_t plus(std::int64_t a, std::int64_t b) {  // saturating at kMaxInt
  if (a == kMaxInt || b == kMaxInt) return kMaxInt;
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum))
    return b > 0 ? kMaxInt : std::numeric_limits<std::int64_t>::min();
  return sum;
}
inline std::int64_t minus_bound(std::int64_t a, std::int64_t b) {  // a - b, unbounded b: no bound
  if (b == kMaxInt) return 0;
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(a, b, &difference))
    return b < 0 ? kMaxInt : std::numeric_limits<std::int64_t>::min();
  return difference;
}
}  // namespace detail

// Each range cut down to the values some solution of z = x + y reaches: the
// exact projection of the three ranges (one pass suffices for two terms), so
// a measure is satisfiable exactly when no range is empty afterwards.
inline Measure tightened(const Measure& m) {
  using detail::minus_bound;
  using detail::plus;
  Measure t = m;
  auto most = [](const Span& s) { return s.hi == kMaxInt ? kMaxInt : s.hi - 1; };
  t.z.lo = std::max(m.z.lo, plus(m.x.lo, m.y.lo));
  std::int64_t z_most = plus(most(m.x), most(m.y));
  t.z.hi = std::min(m.z.hi, z_most == kMaxInt ? kMaxInt : z_most + 1);
  t.x.lo = std::max(m.x.lo, minus_bound(m.z.lo, most(m.y)));
  t.x.hi = m.z.hi == kMaxInt ? m.x.hi : std::min(m.x.hi, m.z.hi - m.y.lo);
  t.y.lo = std::max(m.y.lo, minus_bound(m.z.lo, most(m.x)));
  t.y.hi = m.z.hi == kMaxInt ? m.y.hi : std::min(m.y.hi, m.z.hi - m.x.lo);
  return t;
}

}  // namespace fineprint::analysis
