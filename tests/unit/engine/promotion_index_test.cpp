// The promotion index (issue 21) against brute force: the windows an instant
// falls in, the promotions open for an order, lookups by id and code, and
// whole decisions and pricings with the index against the reference that
// considers every promotion for every order, on a 10,000-promotion history.
#include <algorithm>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "engine/compiled_rulebook.hpp"
#include "engine/decision.hpp"
#include "engine/failure_text.hpp"
#include "engine/window_index.hpp"
#include "engine_fixture.hpp"
#include "history_rulebook.hpp"
#include "model/promotion_eligibility.hpp"
#include "report/decision_json.hpp"
#include "report/decision_text.hpp"

using namespace fineprint;

namespace {

core::Instant at(std::int64_t seconds) {
  return core::Instant(std::chrono::seconds(seconds));
}

const model::Rulebook& history() {
  static const model::Rulebook rules = test::rulebook(test::history_rulebook(10000));
  return rules;
}

// A claim over the history: placed on day `day` (days since 1970-01-01),
// return or promotion, web or store, 1–3 catalogue lines.
std::string history_claim(bench::Xorshift& rng, std::size_t n) {
  static const char* const skus[][3] = {
      {"HAT-201", "hats", "29.00"},        {"JKT-101", "jackets", "189.00"},
      {"SCK-602", "socks", "19.00"},       {"BOT-701", "boots", "159.00"},
      {"GLV-302", "gloves", "49.00"},      {"BSL-401", "base_layers", "69.00"},
      {"UND-501", "underwear", "25.00"},   {"TNT-801", "tents", "329.00"},
      {"ACC-901", "accessories", "45.00"}, {"HAT-202", "hats", "19.00"}};
  auto date_of = [](std::int64_t day) {
    int y = 0;
    unsigned m = 0, d = 0;
    bench::civil_from_days(day, y, m, d);
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
  };
  std::int64_t day = 20908 - static_cast<std::int64_t>(rng.below(3000));
  std::string date = date_of(day);
  std::string filed = date_of(day + 2 + static_cast<std::int64_t>(rng.below(20)));
  bool is_return = rng.chance(70);
  std::size_t first = rng.below(10), lines = 1 + rng.below(3);
  std::string out = fmt::format("[claim]\nid = \"H{}\"\nkind = \"{}\"\nfiled_at = {}T20:00:00Z\n",
                                n, is_return ? "return" : "promotion", filed);
  if (is_return)
    out += fmt::format(
        "[[claim.items]]\nsku = \"{}\"\nqty = 1\ncondition = \"sealed\"\nreason = "
        "\"changed_mind\"\n",
        skus[first][0]);
  else
    out += fmt::format("promotion = \"H{:05}\"\n", rng.below(10000));
  out += fmt::format(
      "[order]\nid = \"O\"\nplaced_at = {}T{:02}:00:00Z\ndelivered_at = {}T23:00:00Z\n"
      "channel = \"{}\"\nshipping = \"4.90\"\ndiscount_received = \"0.00\"\n",
      date, rng.below(20), date, rng.chance(60) ? "web" : "store");
  for (std::size_t i = 0; i < lines; ++i) {
    const auto& s = skus[(first + i) % 10];
    out += fmt::format(
        "[[order.lines]]\nsku = \"{}\"\ncategory = \"{}\"\nqty = {}\nunit_price = \"{}\"\n", s[0],
        s[1], 1 + rng.below(3), s[2]);
  }
  return out + "[customer]\nid = \"CU\"\norders_before = 0\nsegments = [\"club\"]\n";
}

}  // namespace

TEST_CASE("the window index finds exactly the windows that hold an instant", "[history]") {
  bench::Xorshift rng{7};
  std::vector<engine::WindowIndex::Window> windows;
  for (std::uint32_t i = 0; i < 2000; ++i) {
    std::int64_t starts = static_cast<std::int64_t>(rng.below(1000));
    core::Instant ends = rng.chance(5) ? core::Instant::max()
                                       : at(starts + static_cast<std::int64_t>(rng.below(40)));
    windows.push_back({at(starts), ends, i});  // some empty: starts == ends
  }
  // The segment lists, and the tree they fall back to past their budget.
  const engine::WindowIndex listed(windows), tree(windows, 1);
  REQUIRE(listed.listed());
  REQUIRE_FALSE(tree.listed());
  for (std::int64_t t = -5; t < 1100; ++t) {
    std::vector<std::uint32_t> want;
    for (const auto& w : windows)
      if (w.starts <= at(t) && at(t) < w.ends) want.push_back(w.rank);
    for (const engine::WindowIndex* index : {&listed, &tree}) {
      std::vector<std::uint32_t> got;
      index->holding(at(t), got);
      std::sort(got.begin(), got.end());
      INFO("instant " << t << (index == &tree ? ", tree" : ", lists"));
      REQUIRE(got == want);
    }
  }
  std::vector<std::uint32_t> none;
  engine::WindowIndex().holding(at(0), none);
  CHECK(none.empty());
}

TEST_CASE(
    "the promotion index lists the promotions open for an order, as the candidate test reads them",
    "[history]") {
  const engine::PromotionIndex index(history().promotions);
  const auto& order = index.in_order();
  REQUIRE(order.size() == 10000);
  for (std::size_t r = 1; r < order.size(); ++r)
    REQUIRE(model::considered_before(*order[r - 1], *order[r]));
  bench::Xorshift rng{11};
  std::size_t total = 0;
  for (int q = 0; q < 300; ++q) {
    // Every other query on a window boundary, where off-by-one errors live.
    const model::Promotion& some = history().promotions[rng.below(10000)];
    core::Instant placed =
        q % 2 ? some.starts.instant : some.ends->instant - std::chrono::seconds(rng.below(2));
    for (std::string_view channel : {"web", "store", "app"}) {
      std::vector<std::uint32_t> want;
      for (std::uint32_t r = 0; r < order.size(); ++r)
        if (model::open_at(*order[r], placed) && model::sold_on(*order[r], channel))
          want.push_back(r);
      INFO("query " << q << " channel " << channel);
      REQUIRE(index.open(placed, channel) == want);
      total += want.size();
    }
  }
  CHECK(total > 3000);  // the queries do find open promotions
}

TEST_CASE("the promotion index finds a promotion by id and by code as the linear search did",
          "[history]") {
  auto rules = test::rulebook(
      test::store() + test::promo("A", "percent_off = 5\ncode = \"Save\"\npriority = 1") +
      test::promo("B", "percent_off = 5\ncode = \"SAVE\"\npriority = 3\nchannels = [\"web\"]") +
      test::promo("C", "percent_off = 5\ncode = \"save\"\npriority = 3") +
      test::promo("D", "percent_off = 5\ncode = \"Other\""));
  const engine::PromotionIndex index(rules.promotions);
  REQUIRE(index.by_code("sAvE"));
  CHECK(index.by_code("sAvE")->id.value == "B");  // priority 3, then id byte-wise
  CHECK(index.by_code("OTHER")->id.value == "D");
  CHECK_FALSE(index.by_code("SAVE1"));
  CHECK(index.by_id("C")->id.value == "C");
  CHECK_FALSE(index.by_id("c"));
  const engine::PromotionIndex long_history(history().promotions);
  for (std::size_t i = 0; i < history().promotions.size(); i += 97)
    REQUIRE(long_history.by_id(history().promotions[i].id.value) == &history().promotions[i]);
}

TEST_CASE("decisions with the promotion index are byte-identical to considering every promotion",
          "[history]") {
  const engine::CompiledRulebook indexed(history());
  const engine::CompiledRulebook reference(history(), engine::PromotionLookup::every_promotion);
  bench::Xorshift rng{5};
  int applied = 0;
  for (std::size_t n = 0; n < 100; ++n) {
    model::Claim claim = test::claim(history_claim(rng, n), history());
    auto fast = engine::decide(indexed, claim);
    auto slow = engine::decide(reference, claim);
    REQUIRE(fast.ok());
    REQUIRE(slow.ok());
    INFO("claim " << n);
    REQUIRE(report::decision_json(*fast, true) == report::decision_json(*slow, true));
    REQUIRE(report::decision_text(*fast, true) == report::decision_text(*slow, true));
    if (fast->pricing) applied += static_cast<int>(fast->pricing->applied().size());
  }
  CHECK(applied > 50);  // the claims meet open promotions
}

TEST_CASE(
    "pricing the open promotions only gives the totals, allocations and statuses of pricing all",
    "[history]") {
  const engine::CompiledRulebook rules(history());
  bench::Xorshift rng{9};
  for (std::size_t n = 0; n < 100; ++n) {
    model::Claim claim = test::claim(history_claim(rng, n), history());
    auto open = engine::price_order(rules, claim.order, claim.customer,
                                    engine::PricingScope::open_promotions);
    auto all = engine::price_order(rules, claim.order, claim.customer);
    REQUIRE(open.ok());
    REQUIRE(all.ok());
    INFO("claim " << n);
    REQUIRE(all->promotions.size() == 10000);
    REQUIRE(open->total_paid == all->total_paid);
    REQUIRE(open->total_discount == all->total_discount);
    REQUIRE(open->applied() == all->applied());
    for (std::size_t i = 0; i < open->lines.size(); ++i) {
      REQUIRE(open->lines[i].entitled_paid == all->lines[i].entitled_paid);
      REQUIRE(open->lines[i].allocations.size() == all->lines[i].allocations.size());
    }
    std::size_t k = 0;
    for (const auto& p : all->promotions) {
      bool listed = k < open->promotions.size() && open->promotions[k].promotion == p.promotion;
      if (listed) {
        const auto& q = open->promotions[k++];
        REQUIRE(q.status == p.status);
        REQUIRE(q.discount == p.discount);
        REQUIRE(q.failed == p.failed);
        REQUIRE(engine::failed_conditions(history(), claim.order, q) ==
                engine::failed_conditions(history(), claim.order, p));
        continue;
      }
      // Left out: not a candidate; for its window or channel exactly when
      // the index did not find it open.
      REQUIRE(p.status == engine::PromotionStatus::not_candidate);
      const bool open_for_order = model::open_at(*p.promotion, claim.order.placed_at) &&
                                  model::sold_on(*p.promotion, claim.order.channel);
      const bool window_or_channel =
          std::find(p.failed.begin(), p.failed.end(), model::Condition::window) != p.failed.end() ||
          std::find(p.failed.begin(), p.failed.end(), model::Condition::channels) != p.failed.end();
      REQUIRE(open_for_order != window_or_channel);
    }
    REQUIRE(k == open->promotions.size());
  }
}
