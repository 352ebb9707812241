// The ranges of a two-line order (shadow_amounts.hpp): tightened() must be
// the exact projection of x, y and z = x + y, checked against every value.
#include <catch2/catch.hpp>

#include <random>

#include "analysis/shadow_amounts.hpp"

using fineprint::analysis::kMaxInt;
using fineprint::analysis::Measure;
using fineprint::analysis::Span;
using fineprint::analysis::tightened;

namespace {

Span random_span(std::mt19937& g, std::int64_t top) {
  std::uniform_int_distribution<std::int64_t> v(0, top);
  std::int64_t a = v(g), b = v(g);
  if (a > b) std::swap(a, b);
  if (v(g) == 0) b = kMaxInt;  // unbounded now and then
  return {a, b};
}

bool in(const Span& s, std::int64_t v) {
  return v >= s.lo && v < s.hi;
}

}  // namespace

TEST_CASE("two-line amounts: tightened is the exact projection of z = x + y", "[analysis]") {
  std::mt19937 g(19);
  const std::int64_t top = 9, far = 30;  // values past `top` stand for unbounded ranges
  int feasible = 0;
  for (int round = 0; round < 3000; ++round) {
    Measure m{random_span(g, top), random_span(g, top), random_span(g, 2 * top)};
    Measure t = tightened(m);
    std::int64_t lo[3] = {kMaxInt, kMaxInt, kMaxInt}, hi[3] = {-1, -1, -1};
    for (std::int64_t x = 0; x <= far; ++x)
      for (std::int64_t y = 0; y <= far; ++y) {
        if (!in(m.x, x) || !in(m.y, y) || !in(m.z, x + y)) continue;
        const std::int64_t v[3] = {x, y, x + y};
        for (int k = 0; k < 3; ++k) lo[k] = std::min(lo[k], v[k]), hi[k] = std::max(hi[k], v[k]);
      }
    INFO("round " << round);
    if (hi[0] < 0) {
      CHECK(t.empty());
      continue;
    }
    ++feasible;
    REQUIRE(!t.empty());
    const Span* spans[3] = {&t.x, &t.y, &t.z};
    for (int k = 0; k < 3; ++k) {
      CHECK(spans[k]->lo == lo[k]);
      // An unbounded range stays unbounded; a bounded one ends at the last value reached.
      if (spans[k]->hi != kMaxInt)
        CHECK(spans[k]->hi == hi[k] + 1);
      else
        CHECK(hi[k] >= far - 1 - 2 * top);
    }
  }
  CHECK(feasible > 500);
}
