#include "analysis/promotion_facts.hpp"

#include <algorithm>
#include <cctype>

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
      "its `min_quantity` of {} units is more than its scope can hold: {} sku{}, each on one order "
      "line of at most {} units, {} units in all (docs/limits.md)",
      p.min_quantity->value, skus.size(), skus.size() == 1 ? "" : "s", core::limits::kMaxQty, most);
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

bool combinable(const model::Promotion& a, const model::Promotion& b) {
  return a.combinable.admits(b.id.value) && b.combinable.admits(a.id.value);
}

bool in_scope(const model::ProductScope& scope, const std::string& category,
              const std::string& sku) {
  if (!scope.present) return true;
  bool positive = scope.categories.empty() && scope.skus.empty();
  positive = positive || listed(scope.categories, category) || listed(scope.skus, sku);
  return positive && !listed(scope.exclude_categories, category) &&
         !listed(scope.exclude_skus, sku);
}

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
    if (f.channels.empty())
      f.never_eligible = "its `channels` names no store channel";
    else if (f.segments && f.segments->empty())
      f.never_eligible = "its `segments` list is empty, so no customer is in one of them";
    else if (f.window.empty())
      f.never_eligible = "its window is empty";
    f.never_eligible_where = p.where;
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
  set.by_rank.resize(set.facts.size());
  for (std::size_t i = 0; i < set.facts.size(); ++i) set.by_rank[i] = i;
  const auto& promos = rulebook.promotions;
  std::sort(set.by_rank.begin(), set.by_rank.end(), [&](std::size_t a, std::size_t b) {
    if (promos[a].priority != promos[b].priority) return promos[a].priority > promos[b].priority;
    return promos[a].id.value < promos[b].id.value;
  });
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
