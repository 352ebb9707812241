// Random small returns tables (fixed seeds) and the brute-force enumeration
// of every item of their finite domain: shared by the exactness test of the
// analysis and the one of `fineprint diff` (tests/unit/diff/).
#pragma once

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "model/item_facts.hpp"
#include "model/law_pack.hpp"
#include "model_builders.hpp"

namespace fineprint::analysis::test {

struct Gen {
  std::mt19937 rng;
  explicit Gen(unsigned seed) : rng(seed) {}
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
  bool chance(int percent) { return pick(100) < percent; }
  std::vector<std::string> subset(const std::vector<std::string>& pool, bool nonempty = true) {
    std::vector<std::string> out;
    for (const auto& v : pool)
      if (chance(45)) out.push_back(v);
    if (out.empty() && nonempty) out.push_back(pool[pick(static_cast<int>(pool.size()))]);
    return out;
  }
  model::Range range(const std::vector<std::int64_t>& bounds) {
    model::Range r;
    std::int64_t a = bounds[pick(static_cast<int>(bounds.size()))];
    std::int64_t b = bounds[pick(static_cast<int>(bounds.size()))];
    if (a > b) std::swap(a, b);
    if (chance(70)) r.min = a;
    if (chance(70) || !r.min) r.max = b;
    return r;
  }
};

inline const std::vector<std::string> kCategories{"hats", "scarves"};
inline const std::vector<std::string> kSkus{"H1"};
inline const std::vector<std::string> kChannels{"web", "store"};
inline const std::vector<std::string> kSegments{"vip"};
inline const std::vector<std::int64_t> kDayBounds{0, 7, 14};
inline const std::vector<std::int64_t> kPriceBounds{1000};
inline const std::vector<std::int64_t> kCountBounds{1};
inline const std::vector<model::Outcome> kOutcomes{
    model::Outcome::refund,   model::Outcome::store_credit,
    model::Outcome::exchange, model::Outcome::repair_or_replace,
    model::Outcome::deny,     model::Outcome::review};

inline model::When random_when(Gen& g, bool days) {
  model::When w;
  if (g.chance(30)) w.category = names(g.subset(kCategories));
  if (g.chance(15)) w.sku = names(g.subset(kSkus));
  if (g.chance(25)) w.channel = names(g.subset(kChannels));
  if (g.chance(40)) w.condition = names(g.subset(model::builtin_conditions()));
  if (g.chance(40)) w.reason = names(g.subset(model::builtin_reasons()));
  if (days && g.chance(50)) w.days = g.range(kDayBounds);
  if (g.chance(15)) w.has_receipt = core::Located<bool>{g.chance(50), {}};
  if (g.chance(15)) w.final_sale = core::Located<bool>{g.chance(50), {}};
  if (g.chance(15)) w.unit_price = g.range(kPriceBounds);
  if (g.chance(15)) w.segment = names(g.subset(kSegments));
  if (g.chance(15)) w.returns_90d = g.range(kCountBounds);
  return w;
}

inline model::OutcomeSpec random_outcome(Gen& g, std::uint32_t line) {
  model::OutcomeSpec s;
  s.outcome = kOutcomes[g.pick(static_cast<int>(kOutcomes.size()))];
  if ((s.outcome == model::Outcome::refund || s.outcome == model::Outcome::store_credit) &&
      g.chance(20))
    s.fee_percent = core::Located<core::BasisPoints>{1000, {}};
  s.where = at_line(line);
  return s;
}

inline model::Rulebook random_returns(unsigned seed) {
  Gen g(seed);
  model::Rulebook r;
  r.store = store(g.chance(50));
  model::Returns t;
  t.where = at_line(kReturnsLine);
  t.hit_policy = g.chance(60) ? model::HitPolicy::first : model::HitPolicy::unique;
  int anchor = g.pick(3);  // 0: delivery, 1: purchase, 2: absent (then no rule tests days)
  if (anchor < 2)
    t.window_from = core::Located<model::WindowFrom>{
        anchor == 0 ? model::WindowFrom::delivery : model::WindowFrom::purchase,
        at_line(kWindowLine)};
  if (g.chance(40)) t.otherwise = random_outcome(g, kOtherwiseLine);
  int n = 1 + g.pick(5);
  for (int i = 0; i < n; ++i) {
    model::ReturnsRule rule;
    rule.id = {"R" + std::to_string(i), {}};
    rule.when = random_when(g, anchor < 2);
    rule.outcome = random_outcome(g, kOutcomeLine + i);
    rule.where = at_line(kRuleLine + i);
    t.rules.push_back(std::move(rule));
  }
  if (g.chance(30)) {
    model::Exemption e;
    e.categories = names(g.subset(kCategories));
    // Mostly the hygiene exemption's `opened`; sometimes any conditions, so
    // that exemptions meet used, washed and damaged items too.
    e.conditions = g.chance(60) ? names({"opened"}) : names(g.subset(model::builtin_conditions()));
    t.exemptions.push_back(std::move(e));
  }
  int asserts = g.pick(3);
  for (int i = 0; i < asserts; ++i) {
    model::Assert a;
    a.id = {"A" + std::to_string(i), {}};
    a.when = random_when(g, anchor < 2);
    a.outcome_in = g.chance(50);
    a.outcomes.push_back({kOutcomes[g.pick(static_cast<int>(kOutcomes.size()))], {}});
    if (g.chance(50))
      a.outcomes.push_back({kOutcomes[g.pick(static_cast<int>(kOutcomes.size()))], {}});
    a.where = at_line(kAssertLine + i);
    r.asserts.push_back(std::move(a));
  }
  r.returns = std::move(t);
  // The law checks are the same for the EU and each member state pack.
  if (r.store.jurisdiction == model::Jurisdiction::eu) {
    const model::Jurisdiction packs[]{model::Jurisdiction::eu, model::Jurisdiction::lv,
                                      model::Jurisdiction::lt, model::Jurisdiction::pl,
                                      model::Jurisdiction::ee};
    r.store.jurisdiction = packs[g.pick(5)];
  }
  return r;
}

// Which `when` keys the table (rules and asserts) tests at all.
struct Used {
  bool category = false, sku = false, channel = false, condition = false, reason = false,
       receipt = false, final_sale = false, price = false, segment = false, count = false;
};

inline Used used_keys(const model::Rulebook& r) {
  Used u;
  auto add = [&](const model::When& w) {
    u.category |= w.category.has_value(), u.sku |= w.sku.has_value(),
        u.channel |= w.channel.has_value();
    u.condition |= w.condition.has_value(), u.reason |= w.reason.has_value();
    u.receipt |= w.has_receipt.has_value(), u.final_sale |= w.final_sale.has_value();
    u.price |= w.unit_price.has_value(), u.segment |= w.segment.has_value();
    u.count |= w.returns_90d.has_value();
  };
  for (const auto& rule : r.returns->rules) add(rule.when);
  for (const auto& a : r.asserts) add(a.when);
  for (const auto& e : r.returns->exemptions)
    if (!e.categories.empty()) u.category = true;
  if (model::eu_law_applies(r.store.jurisdiction))
    u.channel = u.condition = u.reason = u.receipt = u.count = true;
  return u;
}

// Every item of the finite domain: the names used plus one other, one day
// count per cell between the cuts, missing facts where they can be. A key no
// `when` tests (and the law does not read) cannot change any decision, so it
// keeps one value; every other key runs through all of its values.
template <class F>
inline void each_item(const model::Rulebook& r, F&& f) {
  const auto& t = *r.returns;
  Used u = used_keys(r);
  std::vector<std::optional<std::int64_t>> days;
  if (!t.window_from)
    days.push_back(std::nullopt);
  else {
    if (t.window_from->value == model::WindowFrom::delivery) days.push_back(std::nullopt);
    // Cuts at 0, 7, 14 (the rules' bounds) and 14, 730 (the law's).
    for (std::int64_t d : {0, 1, 7, 8, 14, 15, 731}) days.push_back(d);
  }
  auto all_or = [](bool used, std::vector<std::string> all) {
    return used ? all : std::vector<std::string>{all.back()};
  };
  const auto cats = all_or(u.category, {"hats", "scarves", "other-c"});
  const auto skus = all_or(u.sku, {"H1", "other-s"});
  const auto channels = all_or(u.channel, kChannels);
  const auto conditions = all_or(u.condition, model::builtin_conditions());
  const auto reasons = all_or(u.reason, model::builtin_reasons());
  const std::vector<bool> receipts =
      u.receipt ? std::vector<bool>{false, true} : std::vector<bool>{true};
  const std::vector<bool> finals =
      u.final_sale ? std::vector<bool>{false, true} : std::vector<bool>{false};
  const std::vector<core::Minor> prices =
      u.price ? std::vector<core::Minor>{999, 1000, 1001} : std::vector<core::Minor>{1000};
  const std::vector<bool> vips =
      u.segment ? std::vector<bool>{false, true} : std::vector<bool>{false};
  std::vector<std::optional<std::int64_t>> counts{std::nullopt, 0, 1, 2};
  if (!u.count) counts = {0};
  model::ItemFacts x;
  for (const auto& c : cats)
    for (const auto& s : skus)
      for (const auto& ch : channels)
        for (const auto& cond : conditions)
          for (const auto& reason : reasons)
            for (const auto& d : days)
              for (bool receipt : receipts)
                for (bool final_sale : finals)
                  for (core::Minor price : prices)
                    for (bool vip : vips)
                      for (const auto& n : counts) {
                        x.category = c, x.sku = s, x.channel = ch, x.condition = cond,
                        x.reason = reason;
                        x.days = d, x.has_receipt = receipt, x.final_sale = final_sale,
                        x.unit_price = price;
                        x.segments =
                            vip ? std::vector<std::string>{"vip"} : std::vector<std::string>{};
                        x.returns_90d = n;
                        f(x);
                      }
}

}  // namespace fineprint::analysis::test
