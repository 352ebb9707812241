// The region algebra: intervals, finite sets, axes cut at bounds, boxes.
#include <catch2/catch.hpp>

#include "analysis/region.hpp"

using namespace fineprint::analysis;

TEST_CASE("intervals intersect, subtract and pick", "[analysis][region]") {
  Interval a{0, 10}, b{5, 20};
  CHECK(a.intersect(b) == Interval{5, 10});
  CHECK(a.intersect(Interval{11, 12}).empty());
  auto pieces = a.subtract(Interval{3, 4});
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0] == Interval{0, 2});
  CHECK(pieces[1] == Interval{5, 10});
  CHECK(a.subtract(Interval{-5, 50}).empty());
  CHECK(a.subtract(Interval{20, 30}) == std::vector<Interval>{a});
  CHECK(a.pick(7) == 7);
  CHECK(a.pick(-3) == 0);
  CHECK(a.pick(99) == 10);
}

TEST_CASE("value sets", "[analysis][region]") {
  ValueSet s = ValueSet::none(70);
  CHECK(s.empty());
  s.insert(3);
  s.insert(66);
  CHECK(s.count() == 2);
  CHECK(s.first() == 3);
  ValueSet all = ValueSet::all(70);
  CHECK(s.subset_of(all));
  CHECK(!all.subset_of(s));
  CHECK(all.subtract(s).count() == 68);
  CHECK(s.complement().count() == 68);
  CHECK(s.intersect(all) == s);
  CHECK(!s.intersects(all.subtract(s)));
}

TEST_CASE("axes cut ranges into whole cells", "[analysis][region]") {
  Axis days(0, 1000, true);
  days.cut(std::nullopt, 14);  // max 14 → cells [0,14], [15,1000]
  days.cut(7, std::nullopt);   // min 7  → [0,6], [7,14], [15,1000]
  days.seal();
  REQUIRE(days.cells() == 3);
  CHECK(days.cell(0) == Interval{0, 6});
  CHECK(days.cell(1) == Interval{7, 14});
  CHECK(days.cell(2) == Interval{15, 1000});
  CHECK(days.size() == 4);  // and "missing"
  ValueSet within = days.range(std::nullopt, 14);
  CHECK(within.contains(0));
  CHECK(within.contains(1));
  CHECK(!within.contains(2));
  CHECK(!within.contains(days.missing()));
  CHECK(days.cell_of(9) == 1);
  CHECK(days.known().count() == 3);
}

TEST_CASE("box subtraction gives disjoint pieces that rebuild the difference",
          "[analysis][region]") {
  Layout layout;
  layout.add(4);
  layout.add(3);
  Box all = Box::all(layout);
  Box cut = all;
  ValueSet first = ValueSet::none(4);
  first.insert(1);
  first.insert(2);
  cut.set(layout, 0, first);
  ValueSet second = ValueSet::none(3);
  second.insert(0);
  cut.set(layout, 1, second);
  std::vector<Box> pieces;
  all.subtract(layout, cut, pieces);
  // Count cells: 12 in all, 2 in cut, 10 in the pieces, none twice, none in cut.
  int cells = 0;
  for (std::size_t x = 0; x < 4; ++x)
    for (std::size_t y = 0; y < 3; ++y) {
      int in = 0;
      for (const auto& p : pieces) in += p.contains(layout, 0, x) && p.contains(layout, 1, y);
      bool in_cut = cut.contains(layout, 0, x) && cut.contains(layout, 1, y);
      CHECK(in == (in_cut ? 0 : 1));
      cells += in;
    }
  CHECK(cells == 10);
  CHECK(cut.subset_of(all));
  CHECK(cut.intersects(layout, all));
  Budget budget;
  auto rest = uncovered(layout, all, {cut}, budget);
  REQUIRE(rest);
  CHECK(rest->size() == pieces.size());
  auto none = uncovered(layout, cut, {all}, budget);
  REQUIRE(none);
  CHECK(none->empty());
}

TEST_CASE("an exhausted budget stops instead of hanging", "[analysis][region]") {
  Layout layout;
  layout.add(2);
  Box all = Box::all(layout);
  Budget budget{0};
  budget.spend();
  CHECK(!uncovered(layout, all, {all, all}, budget));
}
