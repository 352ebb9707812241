#include "analysis/promotion_facts.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include <fmt/format.h>

#include "core/limits.hpp"

namespace fineprint::analysis {

namespace {

bool listed(const model::Names& names, const std::string& value) {
  return std::any_of(names.begin(), names.end(), [&](const auto& n) { return n.value == value; });
}

// A scope of listed skus only holds a bounded quantity: a claim gives each
// sku one order line (claim_validate) of at most limits::kMaxQty units. A
// `min_quantity` above that can never be reached (docs/limits.md).
std::string quantity_out_of_reach(const model::Promotion& p) {
  const model::ProductScope& scope = p.products;
  if (!p.min_quantity || !scope.present || !scope.categories.empty() || scope.skus.empty())
    return {};
  std::vector<std::string> skus;
  for (const auto& sku : scope.skus)
    if (!listed(scope.exclude_skus, sku.value) &&
        std::find(skus.begin(), skus.end(), sku.value) == skus.end())
      skus.push_back(sku.value);
  const auto lines =
      std::min<std::int64_t>(static_cast<std::int64_t>(skus.size()),
                             static_cast<std::int64_t>(core::limits::kMaxOrderLines));
  const std::int64_t most = lines * core::limits::kMaxQty;
  if (skus.empty() || p.min_quantity->value <= most) return {};
  return fmt::format(
      "its `min_quantity` of {} units is more than its scope can hold: {} sku{}, each on one order line of at most {} units, {} units in all (docs/limits.md)",
      p.min_quantity->value, skus.size(), skus.size() == 1 ? "" : "s", core::limits::kMaxQty, most);
}

// The least A (minor units) at which round(A × num / den) is at least one
// minor unit in the store's rounding mode.
core::Minor least_rounding_to_one(core::Wide num, core::Wide den, core::Rounding mode) {
  if (num <= 0) return std::numeric_limits<core::Minor>::max();
  core::Wide a = std::max<core::Wide>(1, den / (2 * num));
  for (;; ++a) {
    auto d = core::divide_rounded(a * num, den, mode);
    if (d && *d >= 1) return static_cast<core::Minor>(a);
  }
}

core::Minor least_for_percent(core::BasisPoints pct, core::Rounding mode) {
  return least_rounding_to_one(pct, core::kHundredPercent, mode);
}

// Semantics v1.1: a candidate that takes nothing off is not applied and holds
// no line. On the analysis' orders of one line kind (list amount A over qty
// units, no earlier discount on the line) the benefit takes something off
// exactly from a least quantity and a least amount, which act as thresholds
// for holding a line: a buy_x_get_y needs a whole group, a percentage an
// amount it does not round to 0.00, a fixed price a unit price above it. The
// quantity comes first because the fixed price's amount depends on it.
struct TakesSomething {
  std::int64_t qty = 1;
  core::Minor amount = 0;
};

TakesSomething takes_something(const model::Promotion& p, core::Rounding mode, std::int64_t min_qty,
                               core::Minor min_amount) {
  TakesSomething t{min_qty, min_amount};
  if (!p.benefit) return t;
  const model::Benefit& b = *p.benefit;
  switch (b.kind) {
    case model::BenefitKind::percent_off:
      t.amount = std::max(t.amount, least_for_percent(b.percent, mode));
      break;
    case model::BenefitKind::amount_off:
      t.amount = std::max<core::Minor>(t.amount, 1);
      break;
    case model::BenefitKind::fixed_price:
      t.amount = std::max(t.amount, b.amount * t.qty + 1);
      break;
    case model::BenefitKind::buy_x_get_y: {
      const std::int64_t group = b.buy + b.get;
      const core::BasisPoints pct = b.percent > 0 ? b.percent : core::kHundredPercent;
      t.qty = std::max(t.qty, group);
      // At a whole group: get of its group units at P percent.
      t.amount = std::max(
          t.amount,
          least_rounding_to_one(static_cast<core::Wide>(b.get) * pct,
                                static_cast<core::Wide>(group) * core::kHundredPercent, mode));
      break;
    }
    case model::BenefitKind::tiers: {
      // The least amount some tier takes something off at, tier by tier.
      auto tiers = b.tiers;
      std::sort(tiers.begin(), tiers.end(),
                [](const auto& x, const auto& y) { return x.min_subtotal < y.min_subtotal; });
      for (std::size_t i = 0; i < tiers.size(); ++i) {
        core::Minor from = std::max(t.amount, tiers[i].min_subtotal);
        core::Minor least =
            std::max(from, tiers[i].is_percent ? least_for_percent(tiers[i].percent, mode) : 1);
        if (i + 1 == tiers.size() || least < tiers[i + 1].min_subtotal) {
          t.amount = least;
          break;
        }
      }
      break;
    }
    case model::BenefitKind::free_shipping:
      break;  // any order may pay for shipping
  }
  return t;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::int64_t seconds(core::Instant t) {
  return t.time_since_epoch().count();
}

void add_unique(std::vector<std::string>& out, const std::string& v) {
  if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
}

// The values named, plus one value not named: from the catalog when it
// lists them (nothing else is sold), else invented.
std::vector<std::string> values_with_fresh(const std::vector<std::string>& named,
                                           const std::optional<model::Names>& catalog,
                                           const std::string& stem) {
  std::vector<std::string> out;
  if (catalog) {
    for (const auto& v : named)
      if (listed(*catalog, v)) add_unique(out, v);
    for (const auto& c : *catalog)
      if (std::find(out.begin(), out.end(), c.value) == out.end()) {
        out.push_back(c.value);
        break;
      }
    return out;
  }
  out = named;
  for (int i = 1;; ++i) {
    std::string fresh = fmt::format("other-{}-{}", stem, i);
    if (std::find(out.begin(), out.end(), fresh) == out.end()) {
      out.push_back(fresh);
      return out;
    }
  }
}

}  // namespace

PromoSet promo_set(const model::Rulebook& rulebook) {
  PromoSet set;
  set.rulebook = &rulebook;
  set.lines = build_lines(rulebook);
  const auto store_channels = model::values(rulebook.store.channels);
  for (std::size_t i = 0; i < rulebook.promotions.size(); ++i) {
    const model::Promotion& p = rulebook.promotions[i];
    PromoFacts f;
    f.index = i;
    f.window = {seconds(p.starts.instant), p.ends ? seconds(p.ends->instant) - 1 : kMaxInt};
    f.channels = ValueSet::none(store_channels.size());
    for (std::size_t c = 0; c < store_channels.size(); ++c)
      if (!p.channels || listed(*p.channels, store_channels[c])) f.channels.insert(c);
    if (p.code) f.code = lower(p.code->value);
    if (p.segments) f.segments = model::values(*p.segments);
    f.first_order_only = p.first_order_only;
    f.limited = p.limit_per_customer.has_value();
    if (p.min_quantity) f.min_quantity = std::max<std::int64_t>(1, p.min_quantity->value);
    if (p.min_subtotal) f.min_subtotal = p.min_subtotal->value;
    if (p.benefit && p.benefit->kind == model::BenefitKind::tiers && !p.benefit->tiers.empty()) {
      core::Minor lowest = p.benefit->tiers.front().min_subtotal;
      for (const auto& t : p.benefit->tiers) lowest = std::min(lowest, t.min_subtotal);
      f.min_subtotal = std::max(f.min_subtotal, lowest);
    }
    f.shipping = p.benefit && p.benefit->kind == model::BenefitKind::free_shipping;
    f.list_quantity = f.min_quantity;
    f.list_subtotal = f.min_subtotal;
    const TakesSomething alone = takes_something(p, rulebook.store.rounding, 1, 0);
    f.takes_quantity = alone.qty;
    f.takes_subtotal = alone.amount;
    const TakesSomething least =
        takes_something(p, rulebook.store.rounding, f.min_quantity, f.min_subtotal);
    f.min_quantity = least.qty;
    f.min_subtotal = least.amount;
    if (p.benefit && p.benefit->kind == model::BenefitKind::fixed_price)
      f.fixed_unit = p.benefit->amount;
    if (f.channels.empty())
      f.never_eligible = "its `channels` names no store channel";
    else if (f.segments && f.segments->empty())
      f.never_eligible = "its `segments` list is empty, so no customer is in one of them";
    else if (f.window.empty())
      f.never_eligible = "its window is empty";
    f.never_eligible_where = p.where;
    if (f.never_eligible.empty() && p.max_discount && p.max_discount->value == 0) {
      f.never_eligible =
          "its `max_discount` is 0, so it takes nothing off any order and is never applied";
      f.never_eligible_where = p.max_discount->where;
    }
    set.facts.push_back(std::move(f));
  }
  for (std::size_t i = 0; i < set.facts.size(); ++i)
    if (set.facts[i].never_eligible.empty() && !some_line(set, i)) {
      const model::Promotion& p = rulebook.promotions[i];
      set.facts[i].never_eligible = "no product is in its scope after the exclusions";
      if (p.products.where.known()) set.facts[i].never_eligible_where = p.products.where;
    }
  for (PromoFacts& f : set.facts) {
    if (!f.never_eligible.empty()) continue;
    const model::Promotion& p = rulebook.promotions[f.index];
    f.never_eligible = quantity_out_of_reach(p);
    if (!f.never_eligible.empty()) f.never_eligible_where = p.min_quantity->where;
  }
  set.by_rank = model::consideration_order(rulebook.promotions);
  for (std::size_t r = 0; r < set.by_rank.size(); ++r) set.facts[set.by_rank[r]].rank = r;
  return set;
}

LineDomain line_domain(const PromoSet& set, const std::vector<std::size_t>& promotions) {
  std::vector<std::string> cats, skus;
  for (std::size_t i : promotions) {
    const auto& s = set.rulebook->promotions[i].products;
    for (const auto* names : {&s.categories, &s.exclude_categories})
      for (const auto& n : *names) add_unique(cats, n.value);
    for (const auto* names : {&s.skus, &s.exclude_skus})
      for (const auto& n : *names) add_unique(skus, n.value);
  }
  const auto& catalog = set.rulebook->catalog;
  LineDomain d;
  d.categories = values_with_fresh(cats, catalog ? catalog->categories : std::nullopt, "category");
  d.skus = values_with_fresh(skus, catalog ? catalog->skus : std::nullopt, "sku");
  return d;
}

std::optional<LineKind> common_line(const PromoSet& set, std::size_t a, std::size_t b) {
  LineDomain d = line_domain(set, {a, b});
  const auto& pa = set.rulebook->promotions[a].products;
  const auto& pb = set.rulebook->promotions[b].products;
  for (const auto& c : d.categories)
    for (const auto& s : d.skus)
      if (in_scope(pa, c, s) && in_scope(pb, c, s)) return LineKind{c, s};
  return std::nullopt;
}

std::optional<LineKind> some_line(const PromoSet& set, std::size_t a) {
  LineDomain d = line_domain(set, {a});
  const auto& pa = set.rulebook->promotions[a].products;
  for (const auto& c : d.categories)
    for (const auto& s : d.skus)
      if (in_scope(pa, c, s)) return LineKind{c, s};
  return std::nullopt;
}

}  // namespace fineprint::analysis
