// promo/shadowed over orders of two line kinds against the engine: small
// random sets of promotions over three categories, with thresholds (amount
// and quantity) that orders of two categories can meet or keep below, some
// with a code or for a first order, some combinable.
// Every order of one or two lines over a grid of amounts is priced by the
// engine; a promotion is shadowed exactly when it is a candidate in some of
// them and applied in none.
#include <catch2/catch.hpp>

#include <date/date.h>

#include <set>

#include "analysis/promotion_analysis.hpp"
#include "engine/compiled_rulebook.hpp"
#include "engine/pricing.hpp"
#include "model_builders.hpp"
#include "random_tables.hpp"

using namespace fineprint;
using namespace fineprint::analysis;
using namespace fineprint::analysis::test;

namespace {

const std::vector<std::string> kThreeCategories{"hats", "scarves", "gloves"};

core::Instant noon_of_day(int d) {
  return core::Instant{date::sys_days{date::year{2026} / 12 / 1}} + std::chrono::hours{24 * d + 10};
}

model::Rulebook threshold_promotions(unsigned seed) {
  Gen g(seed);
  model::Rulebook r;
  r.store = store(false);
  int n = 3 + g.pick(3);
  for (int i = 0; i < n; ++i) {
    model::Promotion p;
    p.id = {"P" + std::to_string(i), {}};
    p.where = at_line(1000 + static_cast<std::uint32_t>(i));
    p.starts.instant = noon_of_day(0);
    p.ends = model::WrittenInstant{noon_of_day(30), false, false, "", {}};
    p.products.present = true;
    p.products.categories = names(g.subset(kThreeCategories));
    if (int t = g.pick(4); t > 0) p.min_subtotal = core::Located<core::Minor>{2000 * t, {}};
    if (g.chance(20)) p.min_quantity = core::Located<std::int64_t>{2, {}};
    if (g.chance(20)) p.code = core::Located<std::string>{"A", {}};
    if (g.chance(10)) p.first_order_only = true;
    p.priority = g.pick(3);
    if (g.chance(30)) p.combinable.kind = model::Combinable::Kind::all;
    p.benefit = model::Benefit{};
    p.benefit->kind = model::BenefitKind::percent_off;
    p.benefit->percent = 1000;
    r.promotions.push_back(std::move(p));
  }
  return r;
}

// Per promotion (file order): a candidate in some order, applied in some,
// applied in some order of one line.
struct Seen {
  std::vector<bool> candidate, applied, applied_on_one_line;
};

Seen price_every_order(const model::Rulebook& r) {
  const std::vector<core::Minor> units{500,  1000, 1500, 2000, 2500, 3000, 3500,
                                       4000, 4500, 5000, 5500, 6000, 7000};
  engine::CompiledRulebook compiled(r);
  const std::vector<bool> none(r.promotions.size(), false);
  Seen seen{none, none, none};
  for (bool code : {false, true})
    for (std::int64_t before : {0, 1})
      for (std::size_t c1 = 0; c1 < kThreeCategories.size(); ++c1)
        for (std::size_t c2 = c1; c2 <= kThreeCategories.size(); ++c2)  // c2 == size: one line
          for (std::int64_t q : {1, 2, 3})
            for (core::Minor u1 : units)
              for (core::Minor u2 : units) {
                if (c2 == kThreeCategories.size() && u2 != units.front()) continue;
                const std::int64_t q1 = q == 3 ? 2 : 1, q2 = q == 2 ? 2 : 1;
                model::Customer customer;
                customer.orders_before = before;
                model::Order o;
                if (code) o.codes.push_back("A");
                o.placed_at = noon_of_day(5);
                o.channel = "web";
                o.lines.push_back(
                    {"S1", kThreeCategories[c1], q1, u1, {}, false, false, false, false, {}});
                if (c2 < kThreeCategories.size())
                  o.lines.push_back(
                      {"S2", kThreeCategories[c2], q2, u2, {}, false, false, false, false, {}});
                auto priced = engine::price_order(compiled, o, customer);
                if (!priced) FAIL("the engine could not price an order");
                for (std::size_t i = 0; i < r.promotions.size(); ++i) {
                  const auto* result = priced->find(r.promotions[i].id.value);
                  if (!result) FAIL("a promotion is missing from the pricing");
                  if (result->status != engine::PromotionStatus::not_candidate)
                    seen.candidate[i] = true;
                  if (result->status != engine::PromotionStatus::applied) continue;
                  seen.applied[i] = true;
                  if (o.lines.size() == 1) seen.applied_on_one_line[i] = true;
                }
              }
  return seen;
}

}  // namespace

TEST_CASE("shadowing over two line kinds agrees with the engine on orders of two lines",
          "[analysis][exactness]") {
  int shadowed = 0, two_lines_only = 0;
  for (unsigned seed = 1; seed <= 150; ++seed) {
    model::Rulebook r = threshold_promotions(seed);
    PromoAnalysis a = analyse_promotions(r);
    Seen seen = price_every_order(r);
    std::set<std::size_t> expected, got;
    for (std::size_t i = 0; i < r.promotions.size(); ++i)
      if (seen.candidate[i] && !seen.applied[i]) expected.insert(i);
    for (const auto& s : a.shadowed) got.insert(s.promotion);
    INFO("seed " << seed);
    CHECK(a.stopped.empty());
    REQUIRE(got == expected);
    shadowed += static_cast<int>(expected.size());
    // Those only an order of two lines lets apply: the search over one line
    // kind alone reported them shadowed.
    for (std::size_t i = 0; i < r.promotions.size(); ++i)
      if (seen.candidate[i] && seen.applied[i] && !seen.applied_on_one_line[i]) ++two_lines_only;
  }
  CHECK(shadowed > 20);
  CHECK(two_lines_only > 5);
}
