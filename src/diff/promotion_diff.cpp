#include "diff/promotion_diff.hpp"

#include <algorithm>
#include <chrono>
#include <unordered_map>

#include <fmt/format.h>

#include "analysis/witness.hpp"
#include "diff/parallel.hpp"
#include "diff/promotion_aspects.hpp"
#include "diff/witness_check.hpp"

namespace fineprint::diff {

namespace {

struct Version {
  const model::Rulebook* rulebook = nullptr;
  const model::Promotion* promotion = nullptr;
};

std::string first_or(const model::Names& names, const std::string& fallback) {
  return names.empty() ? fallback : names.front().value;
}

core::Minor units(const model::Rulebook& r, std::int64_t n) {
  return core::money_from_units(n, r.store.currency.minor_digits).value();
}

// A line of `category` / `sku` with enough units and amount for `p`'s
// thresholds, its tiers and its benefit to take something off.
analysis::OrderSketch::Line scope_line(const model::Rulebook& r, const model::Promotion& p,
                                       std::string category, std::string sku) {
  analysis::OrderSketch::Line line{std::move(sku), std::move(category), 1, 0};
  line.qty = std::max<std::int64_t>(1, p.min_quantity ? p.min_quantity->value : 1);
  core::Minor need = p.min_subtotal ? p.min_subtotal->value : 0;
  if (p.benefit) {
    const model::Benefit& b = *p.benefit;
    line.qty = std::max(line.qty, b.buy + b.get);
    for (const auto& t : b.tiers) need = std::max(need, t.min_subtotal);
  }
  core::Minor unit = std::max((need + line.qty - 1) / line.qty, units(r, 10));
  if (p.benefit && p.benefit->kind == model::BenefitKind::fixed_price)
    unit = std::max(unit, p.benefit->amount + units(r, 1));
  line.unit_price = unit;
  return line;
}

// One line per category and sku `p`'s scope names (at most kMaxScopeLines
// of each), or one line of any product when it has no scope.
constexpr std::size_t kMaxScopeLines = 8;

std::vector<analysis::OrderSketch::Line> scope_lines(const model::Rulebook& r,
                                                     const model::Promotion& p) {
  std::string category = "witness-category";
  if (r.catalog && r.catalog->categories) category = first_or(*r.catalog->categories, category);
  const std::string sku = "witness-sku";
  std::vector<analysis::OrderSketch::Line> out;
  for (std::size_t i = 0; i < p.products.categories.size() && i < kMaxScopeLines; ++i)
    out.push_back(scope_line(r, p, p.products.categories[i].value, sku));
  for (std::size_t i = 0; i < p.products.skus.size() && i < kMaxScopeLines; ++i)
    out.push_back(scope_line(r, p, category, p.products.skus[i].value));
  if (out.empty()) out.push_back(scope_line(r, p, category, sku));
  return out;
}

// The orders tried: each line of the scope, at the start of the window and
// at its last second, in the first channel, with the code, a segment and a
// first order when the promotion asks for them, and a shipping charge.
std::vector<analysis::OrderSketch> sketches(const Version& v) {
  const model::Rulebook& r = *v.rulebook;
  const model::Promotion& p = *v.promotion;
  std::vector<core::Instant> instants{p.starts.instant};
  if (p.ends) instants.push_back(p.ends->instant - std::chrono::seconds{1});
  std::vector<analysis::OrderSketch> out;
  for (const auto& line : scope_lines(r, p))
    for (core::Instant when : instants) {
      analysis::OrderSketch s;
      s.placed_at = when;
      s.channel = p.channels && !p.channels->empty() ? p.channels->front().value
                                                     : first_or(r.store.channels, "web");
      if (p.code) s.codes.push_back(p.code->value);
      if (p.segments && !p.segments->empty()) s.segments.push_back(p.segments->front().value);
      s.first_order = p.first_order_only;
      s.lines.push_back(line);
      s.shipping = units(r, 5);
      out.push_back(std::move(s));
    }
  return out;
}

// The first order priced differently in which the promotion itself fares
// differently; failing that, the first order priced differently at all.
// Orders priced per change, at most: each pricing considers every promotion
// of the rulebook, and a change needs one witness, not all of them.
constexpr std::size_t kMaxTries = 12;

void find_witness(const model::Rulebook& a, const model::Rulebook& b,
                  const std::vector<Version>& versions, PromotionChange& change) {
  std::size_t tries = 0;
  for (const Version& v : versions)
    for (const auto& sketch : sketches(v)) {
      if (++tries > kMaxTries) break;
      bool own = false;
      CheckedWitness w = check_order_witness(
          a, b, analysis::promotion_witness(*v.rulebook, sketch, change.id), change.id, &own);
      if (!w.differs) continue;
      if (!change.witness) change.witness = w;
      if (!own) continue;
      change.witness = std::move(w);
      return;
    }
  if (!change.witness)
    change.no_witness =
        "no order built from the promotion's window, channel, code, segment, scope and thresholds is priced differently (another promotion may hold its lines in both versions)";
}

std::vector<std::string> changed_aspects(const model::Rulebook& a, const model::Promotion& x,
                                         const model::Rulebook& b, const model::Promotion& y) {
  auto before = promotion_aspects(a, x);
  auto after = promotion_aspects(b, y);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < before.size(); ++i)
    if (before[i].value != after[i].value)
      out.push_back(
          fmt::format("{}: was {}, now {}", before[i].name, before[i].value, after[i].value));
  return out;
}

std::unordered_map<std::string, const model::Promotion*> by_id(const model::Rulebook& r) {
  std::unordered_map<std::string, const model::Promotion*> out;
  for (const auto& p : r.promotions) out.emplace(p.id.value, &p);
  return out;
}

}  // namespace

void diff_promotions(const model::Rulebook& a, const model::Rulebook& b, unsigned threads,
                     DiffReport& report) {
  auto old_ids = by_id(a);
  auto new_ids = by_id(b);
  std::vector<PromotionChange> changes;
  std::vector<std::vector<Version>> versions;  // per change: where its witness orders come from
  for (const auto& p : a.promotions)
    if (!new_ids.count(p.id.value)) {
      changes.push_back({p.id.value, PromotionChangeKind::removed, {}, {}, {}});
      versions.push_back({{&a, &p}});
    }
  for (const auto& q : b.promotions) {
    auto it = old_ids.find(q.id.value);
    if (it == old_ids.end()) {
      changes.push_back({q.id.value, PromotionChangeKind::added, {}, {}, {}});
      versions.push_back({{&b, &q}});
      continue;
    }
    auto aspects = changed_aspects(a, *it->second, b, q);
    if (aspects.empty()) continue;
    changes.push_back({q.id.value, PromotionChangeKind::changed, std::move(aspects), {}, {}});
    versions.push_back({{&b, &q}, {&a, it->second}});
  }
  // Each search prices orders under both rulebooks: the costly part, and
  // independent from change to change.
  parallel_for(changes.size(), threads,
               [&](std::size_t i, unsigned) { find_witness(a, b, versions[i], changes[i]); });
  for (auto& change : changes) report.promotions.push_back(std::move(change));
}

}  // namespace fineprint::diff
